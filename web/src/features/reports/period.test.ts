import { describe, expect, it } from 'vitest';
import { nextPeriod, parsePeriodKey, periodAt, periodKeyOf, periodsInYear, romanQuarter } from './period';

describe('period keys', () => {
  it('builds the API key of each period type', () => {
    expect(periodKeyOf({ type: 'quarter', year: 2026, index: 3 })).toBe('2026-Q3');
    expect(periodKeyOf({ type: 'half', year: 2026, index: 1 })).toBe('2026-H1');
    expect(periodKeyOf({ type: 'nine_months', year: 2026, index: 1 })).toBe('2026-9M');
    expect(periodKeyOf({ type: 'year', year: 2026, index: 1 })).toBe('2026-Y');
    expect(periodKeyOf({ type: 'month', year: 2026, index: 3 })).toBe('2026-M03');
  });

  it('refuses periods that do not exist', () => {
    expect(periodKeyOf({ type: 'quarter', year: 2026, index: 5 })).toBeNull();
    expect(periodKeyOf({ type: 'half', year: 2026, index: 0 })).toBeNull();
    expect(periodKeyOf({ type: 'month', year: 26, index: 1 })).toBeNull();
  });

  it('reads keys back, strictly', () => {
    expect(parsePeriodKey('2026-Q4')).toEqual({ type: 'quarter', year: 2026, index: 4 });
    expect(parsePeriodKey('2026-M11')).toEqual({ type: 'month', year: 2026, index: 11 });
    expect(parsePeriodKey('2026-9M')).toEqual({ type: 'nine_months', year: 2026, index: 1 });
    expect(parsePeriodKey('2026-M3')).toBeNull();
    expect(parsePeriodKey('2026-q1')).toBeNull();
    for (const key of ['2025-Q1', '2025-H2', '2025-Y', '2025-M12'])
      expect(periodKeyOf(parsePeriodKey(key)!)).toBe(key);
  });

  it('knows how many periods a year has, the roman quarters and the current period', () => {
    expect([
      periodsInYear('month'),
      periodsInYear('quarter'),
      periodsInYear('half'),
      periodsInYear('year'),
    ]).toEqual([12, 4, 2, 1]);
    expect(romanQuarter(4)).toBe('IV');
    const aug = new Date(2026, 7, 15);
    expect(periodAt('quarter', aug)).toEqual({ type: 'quarter', year: 2026, index: 3 });
    expect(periodAt('half', aug)).toEqual({ type: 'half', year: 2026, index: 2 });
    expect(periodAt('month', aug)).toEqual({ type: 'month', year: 2026, index: 8 });
    expect(periodAt('year', aug)).toEqual({ type: 'year', year: 2026, index: 1 });
  });

  it('steps to the next period of the same type', () => {
    expect(nextPeriod({ type: 'quarter', year: 2026, index: 4 })).toEqual({
      type: 'quarter',
      year: 2027,
      index: 1,
    });
    expect(nextPeriod({ type: 'quarter', year: 2026, index: 2 })).toEqual({
      type: 'quarter',
      year: 2026,
      index: 3,
    });
    expect(nextPeriod({ type: 'half', year: 2026, index: 2 })).toEqual({
      type: 'half',
      year: 2027,
      index: 1,
    });
    expect(nextPeriod({ type: 'year', year: 2026, index: 1 })).toEqual({
      type: 'year',
      year: 2027,
      index: 1,
    });
    expect(nextPeriod({ type: 'month', year: 2026, index: 12 })).toEqual({
      type: 'month',
      year: 2027,
      index: 1,
    });
  });
});
