import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EFFECTIVE_DATE_RULE,
  earliestEffectiveDate,
  effectiveDateProblem,
  isBackdated,
  type EffectiveDateCheck,
} from './effective-date.js';

/** A task of the 2026 plan recorded on 06/12/2026 (a province starting mid-year), nothing done yet. */
const base: EffectiveDateCheck = {
  effective: '2026-12-06',
  today: '2026-12-06',
  recordedOn: '2026-12-06',
  earliest: '2026-01-01',
  lastStepOn: null,
  mayBackfill: false,
};
const check = (over: Partial<EffectiveDateCheck>) => effectiveDateProblem({ ...base, ...over });

describe('effective date of a workflow step', () => {
  it('today is always fine (the default when none is given)', () => {
    expect(check({})).toBeNull();
    expect(check({ mayBackfill: true })).toBeNull();
  });

  it('is a real date', () => {
    expect(check({ effective: '2026-02-30' })?.key).toBe('work.effective_date_invalid');
    expect(check({ effective: '15/03/2026' })?.key).toBe('work.effective_date_invalid');
  });

  it('is never in the future, whoever records it', () => {
    expect(check({ effective: '2026-12-07' })).toEqual({
      key: 'work.effective_date_future',
      limit: '2026-12-06',
    });
    expect(check({ effective: '2026-12-07', mayBackfill: true })?.key).toBe('work.effective_date_future');
  });

  it('the standing agency backfills before the day the item was recorded (a province starting mid-year)', () => {
    expect(check({ effective: '2026-03-15', mayBackfill: true })).toBeNull();
    expect(check({ effective: '2026-01-01', mayBackfill: true })).toBeNull();
  });

  it("the lead unit's staff date their steps from the day the item reached them, not before", () => {
    expect(check({ effective: '2026-03-15' })).toEqual({
      key: 'work.effective_date_before_recorded',
      limit: '2026-12-06',
    });
    // A task assigned on 01/02 and finished on 15/03, reported on 20/03: the unit may say 15/03.
    expect(check({ effective: '2026-03-15', today: '2026-03-20', recordedOn: '2026-02-01' })).toBeNull();
  });

  it("not before the item's period, even when backfilling", () => {
    expect(check({ effective: '2025-12-31', mayBackfill: true })).toEqual({
      key: 'work.effective_date_before_period',
      limit: '2026-01-01',
    });
    // Without a known period (a kind that declares none) only the other rules apply.
    expect(check({ effective: '2025-12-31', mayBackfill: true, earliest: null })).toBeNull();
  });

  it('not before the previous step: a verification never predates the report it verifies', () => {
    expect(check({ effective: '2026-03-14', mayBackfill: true, lastStepOn: '2026-03-15' })).toEqual({
      key: 'work.effective_date_before_previous',
      limit: '2026-03-15',
    });
    expect(check({ effective: '2026-03-15', mayBackfill: true, lastStepOn: '2026-03-15' })).toBeNull();
  });

  it('rules are checked in a fixed order: future, previous step, period, recorded day', () => {
    expect(check({ effective: '2025-06-01', lastStepOn: '2026-02-01' })?.key).toBe(
      'work.effective_date_before_previous',
    );
    expect(check({ effective: '2025-06-01' })?.key).toBe('work.effective_date_before_period');
  });

  it("the picker's lower bound is the latest of the floors that apply to the actor", () => {
    const { effective: _e, ...c } = base;
    expect(earliestEffectiveDate(c)).toBe('2026-12-06');
    expect(earliestEffectiveDate({ ...c, mayBackfill: true })).toBe('2026-01-01');
    expect(earliestEffectiveDate({ ...c, mayBackfill: true, lastStepOn: '2026-04-02' })).toBe('2026-04-02');
    expect(earliestEffectiveDate({ ...c, mayBackfill: true, earliest: null })).toBeNull();
  });

  it('a step is backdated when it took effect before the day it was recorded', () => {
    expect(isBackdated({ on: '2026-03-15', recordedOn: '2026-12-06' })).toBe(true);
    expect(isBackdated({ on: '2026-12-06', recordedOn: '2026-12-06' })).toBe(false);
    expect(isBackdated({ on: '2026-12-06', recordedOn: null })).toBe(false);
  });

  it("the default rule: administrators and standing officers over the reviewing unit, and the owing unit's leader, backfill", () => {
    expect(DEFAULT_EFFECTIVE_DATE_RULE).toEqual({
      reviewingRoles: ['admin', 'standing_officer'],
      owingRoles: ['unit_leader'],
    });
  });
});
