import { describe, expect, it } from 'vitest';
import { defaultIndex, periodRange } from './DashboardPeriod';

describe('dashboard periods', () => {
  it('gives each kind its first and last day, leap years included', () => {
    expect(periodRange({ kind: 'month', year: 2024, index: 2 })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodRange({ kind: 'month', year: 2025, index: 2 })).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(periodRange({ kind: 'quarter', year: 2025, index: 4 })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(periodRange({ kind: 'h1', year: 2025, index: 1 })).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(periodRange({ kind: 'm9', year: 2025, index: 1 })).toEqual({
      from: '2025-01-01',
      to: '2025-09-30',
    });
    expect(periodRange({ kind: 'year', year: 2025, index: 1 })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });
  it('starts a month or quarter picker on today’s when the year is this one', () => {
    const today = new Date(2026, 10, 23);
    expect(defaultIndex('month', 2026, today)).toBe(11);
    expect(defaultIndex('quarter', 2026, today)).toBe(4);
    expect(defaultIndex('month', 2025, today)).toBe(1);
    expect(defaultIndex('year', 2026, today)).toBe(1);
  });
});
