import { describe, expect, it } from 'vitest';
import {
  countsAsSubUnit,
  coverageCounts,
  coverageOf,
  DEFAULT_COVERAGE_RULES,
  DEFAULT_SELF_INSPECTION_COVERAGE,
  INSPECTING_KINDS,
  inspectionDateProblem,
  isInspectingKind,
  neededFor,
  referenceDay,
  SELF_INSPECTION_SCOPE,
  validThreshold,
} from './coverage.js';
import { UNIT_KINDS } from '../../units/units.schemas.js';

const rules = DEFAULT_COVERAGE_RULES;

describe('who self-inspects and what counts', () => {
  it('departments, management boards, districts and communes self-inspect; nothing else', () => {
    expect(INSPECTING_KINDS).toEqual(['department', 'management_board', 'district', 'commune']);
    for (const kind of UNIT_KINDS)
      expect(isInspectingKind(rules, kind), kind).toBe(
        ['department', 'management_board', 'district', 'commune'].includes(kind),
      );
    expect(isInspectingKind(rules, 'toString')).toBe(false);
  });

  it('every kind named in the scope is a kind of the unit registry', () => {
    for (const [inspecting, subs] of Object.entries(SELF_INSPECTION_SCOPE)) {
      expect(UNIT_KINDS as readonly string[]).toContain(inspecting);
      for (const s of subs) expect(UNIT_KINDS as readonly string[]).toContain(s);
    }
  });

  it('counts the divisions and attached units, never Party or mass bodies, never the province', () => {
    const table = Object.fromEntries(
      INSPECTING_KINDS.map((k) => [k, UNIT_KINDS.filter((s) => countsAsSubUnit(rules, k, s))]),
    );
    expect(table).toEqual({
      department: ['management_board', 'other'],
      management_board: ['other'],
      district: ['commune', 'other'],
      commune: ['other'],
    });
    expect(countsAsSubUnit(rules, 'province', 'department')).toBe(false);
    expect(countsAsSubUnit(rules, 'party_body', 'other')).toBe(false);
    expect(countsAsSubUnit(rules, 'constructor', 'other')).toBe(false);
  });

  it('takes its scope from the rules it is given', () => {
    const custom = { threshold: 0.5, scope: { department: ['other'] } };
    expect(countsAsSubUnit(custom, 'department', 'management_board')).toBe(false);
    expect(isInspectingKind(custom, 'commune')).toBe(false);
  });
});

describe('threshold', () => {
  it('defaults to 50%', () => {
    expect(DEFAULT_SELF_INSPECTION_COVERAGE).toBe(0.5);
    expect(rules.threshold).toBe(0.5);
  });

  it('is a share above 0 and at most 1', () => {
    for (const ok of [0.5, 1, 0.001, 0.7]) expect(validThreshold(ok), String(ok)).toBe(true);
    for (const bad of [0, -0.5, 1.01, Number.NaN, Infinity, '0.5', null, undefined])
      expect(validThreshold(bad), String(bad)).toBe(false);
  });

  it('needs the smallest whole number of sub-units reaching it', () => {
    const cases: [number, number, number][] = [
      [0, 0.5, 0],
      [1, 0.5, 1],
      [2, 0.5, 1],
      [3, 0.5, 2],
      [4, 0.5, 2],
      [7, 0.5, 4],
      [8, 0.5, 4],
      [9, 0.5, 5],
      [30, 0.1, 3],
      [3, 1 / 3, 1],
      [10, 0.7, 7],
      [10, 1, 10],
      [1, 0.01, 1],
    ];
    for (const [total, threshold, needed] of cases)
      expect(neededFor(total, threshold), `${total} × ${threshold}`).toBe(needed);
  });

  it('never needs more than all nor fewer than the share, for every size up to 200', () => {
    for (const threshold of [0.25, 0.5, 0.6, 0.75, 1])
      for (let total = 1; total <= 200; total++) {
        const n = neededFor(total, threshold);
        expect(n).toBeLessThanOrEqual(total);
        expect(n / total).toBeGreaterThanOrEqual(threshold - 1e-9);
        expect((n - 1) / total).toBeLessThan(threshold);
      }
  });
});

describe('reference day of a year', () => {
  const today = '2026-12-07';
  it('is the year’s last day for a past year, today for the year under way', () => {
    expect(referenceDay(2024, today, '1900-01-01', null)).toBe('2024-12-31');
    expect(referenceDay(2026, today, '1900-01-01', null)).toBe('2026-12-07');
  });

  it('is the unit’s last day when it ended that year (a district ended 30/6/2025)', () => {
    expect(referenceDay(2025, today, '1900-01-01', '2025-06-30')).toBe('2025-06-30');
    expect(referenceDay(2025, today, '2008-04-04', '2025-02-28')).toBe('2025-02-28');
    expect(referenceDay(2025, today, '2008-04-04', '2025-12-31')).toBe('2025-12-31');
  });

  it('is the year’s end for a unit formed during it (a commune of 1/7/2025)', () => {
    expect(referenceDay(2025, today, '2025-07-01', null)).toBe('2025-12-31');
    expect(referenceDay(2025, today, '2025-12-31', null)).toBe('2025-12-31');
  });

  it('is none for a year to come, a unit not yet formed, or one ended before the year', () => {
    expect(referenceDay(2027, today, '1900-01-01', null)).toBeNull();
    expect(referenceDay(2026, today, '2026-12-08', null)).toBeNull();
    expect(referenceDay(2026, today, '1900-01-01', '2025-06-30')).toBeNull();
    expect(referenceDay(2024, today, '2025-07-01', null)).toBeNull();
    expect(referenceDay(2025, today, '2025-01-01', '2024-12-31')).toBeNull();
  });

  it('is 1 January for a unit that lived on that day only', () => {
    expect(referenceDay(2025, today, '2024-05-01', '2025-01-01')).toBe('2025-01-01');
  });
});

describe('the date of an inspection', () => {
  const today = '2026-12-07';
  const unit = { validFrom: '2025-07-01', validTo: null };
  it('lies within the year, not in the future, while the unit is in force', () => {
    expect(inspectionDateProblem('2026-03-15', 2026, today, unit)).toBeNull();
    expect(inspectionDateProblem('2026-12-07', 2026, today, unit)).toBeNull();
    expect(inspectionDateProblem('2026-01-01', 2026, today, unit)).toBeNull();
  });
  it('says what is wrong', () => {
    expect(inspectionDateProblem('2025-12-31', 2026, today, unit)).toEqual({ problem: 'outside_year' });
    expect(inspectionDateProblem('2027-01-01', 2026, today, unit)).toEqual({ problem: 'outside_year' });
    expect(inspectionDateProblem('2026-12-08', 2026, today, unit)).toEqual({ problem: 'future' });
    expect(inspectionDateProblem('2025-06-30', 2025, today, unit)).toEqual({
      problem: 'unit_not_yet',
      from: '2025-07-01',
    });
    expect(
      inspectionDateProblem('2025-07-02', 2025, today, { validFrom: '1900-01-01', validTo: '2025-06-30' }),
    ).toEqual({ problem: 'unit_ended', to: '2025-06-30' });
    expect(
      inspectionDateProblem('2025-06-30', 2025, today, { validFrom: '1900-01-01', validTo: '2025-06-30' }),
    ).toBeNull();
  });
});

describe('coverage of a unit', () => {
  const subs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

  it('counts distinct sub-units inspected against the threshold (4 of 8 reach 50%)', () => {
    expect(coverageOf(subs, ['a', 'b', 'c'], 0.5)).toEqual({
      total: 8,
      inspected: ['a', 'b', 'c'],
      percent: 37.5,
      needed: 4,
      missing: 1,
      status: 'not_reached',
    });
    expect(coverageOf(subs, ['a', 'b', 'c', 'd'], 0.5)).toMatchObject({
      inspected: ['a', 'b', 'c', 'd'],
      percent: 50,
      missing: 0,
      status: 'reached',
    });
  });

  it('counts a sub-unit inspected twice once', () => {
    expect(coverageOf(subs, ['a', 'a', 'b', 'a'], 0.5)).toMatchObject({ inspected: ['a', 'b'], percent: 25 });
  });

  it('does not count units that are not among its sub-units (a deeper unit, another unit’s)', () => {
    expect(coverageOf(subs, ['x', 'y', 'a'], 0.5)).toMatchObject({ inspected: ['a'], percent: 12.5 });
  });

  it('lists the inspected in the order of the sub-units', () => {
    expect(coverageOf(subs, ['h', 'a', 'c'], 0.5).inspected).toEqual(['a', 'c', 'h']);
  });

  it('says when there are no sub-units (not reached, not failed: nothing to inspect in the registry)', () => {
    expect(coverageOf([], ['a'], 0.5)).toEqual({
      total: 0,
      inspected: [],
      percent: null,
      needed: 0,
      missing: 0,
      status: 'no_sub_units',
    });
  });

  it('reaches with everything inspected at any threshold, and at 100% only then', () => {
    expect(coverageOf(subs, subs, 1).status).toBe('reached');
    expect(coverageOf(subs, subs.slice(1), 1)).toMatchObject({ status: 'not_reached', missing: 1 });
    expect(coverageOf(['a'], ['a'], 0.5)).toMatchObject({ percent: 100, status: 'reached' });
    expect(coverageOf(['a', 'b', 'c'], ['a'], 0.5)).toMatchObject({ percent: 33.33, needed: 2 });
    expect(coverageOf(['a', 'b', 'c'], ['a', 'b'], 0.5)).toMatchObject({ percent: 66.67, status: 'reached' });
  });

  it('counts an ended sub-unit inspected earlier in the year for the unit that carries it', () => {
    const carried = new Map([
      ['old1', ['a']],
      ['old2', ['b', 'c']],
      ['old3', ['zz']],
    ]);
    expect(coverageOf(['a', 'b', 'c', 'd'], ['old1'], 0.5, carried)).toMatchObject({ inspected: ['a'] });
    // A split: each successor that carries it counts.
    expect(coverageOf(['a', 'b', 'c', 'd'], ['old2'], 0.5, carried)).toMatchObject({
      inspected: ['b', 'c'],
      status: 'reached',
    });
    // Carried by a unit that is not a sub-unit: nothing.
    expect(coverageOf(['a', 'b'], ['old3'], 0.5, carried).inspected).toEqual([]);
    // Inspected itself and through a predecessor: once.
    expect(coverageOf(['a', 'b'], ['a', 'old1'], 0.5, carried).inspected).toEqual(['a']);
  });

  it('for every size and every number inspected, reached exactly when the share reaches the threshold', () => {
    for (const threshold of [0.5, 0.6, 1])
      for (let total = 1; total <= 12; total++) {
        const ids = Array.from({ length: total }, (_, i) => `u${i}`);
        for (let n = 0; n <= total; n++) {
          const c = coverageOf(ids, ids.slice(0, n), threshold);
          expect(c.status, `${n}/${total} at ${threshold}`).toBe(
            n / total >= threshold - 1e-9 ? 'reached' : 'not_reached',
          );
          expect(c.inspected.length + c.missing).toBeGreaterThanOrEqual(c.needed);
        }
      }
  });
});

describe('counts of a province', () => {
  it('counts units by status', () => {
    expect(
      coverageCounts([
        { status: 'reached' },
        { status: 'not_reached' },
        { status: 'not_reached' },
        { status: 'no_sub_units' },
      ]),
    ).toEqual({ units: 4, reached: 1, notReached: 2, noSubUnits: 1 });
    expect(coverageCounts([])).toEqual({ units: 0, reached: 0, notReached: 0, noSubUnits: 0 });
  });
});
