import { describe, expect, it } from 'vitest';
import { defaultIndex, periodRange, reportingPeriodOf, type ReportingPeriod } from './DashboardPeriod';

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

describe('reporting data windows (Nghị định 09/2019/NĐ-CP Điều 12)', () => {
  const year: ReportingPeriod = {
    span: { from: '2025-01-01', to: '2025-12-31' },
    window: { from: '2024-12-15', to: '2025-12-14' },
    windowLabel: '15/12/2024 – 14/12/2025',
  };
  const q1: ReportingPeriod = {
    span: { from: '2025-01-01', to: '2025-03-31' },
    window: { from: '2024-12-15', to: '2025-03-14' },
    windowLabel: '15/12/2024 – 14/03/2025',
  };
  it('finds the report of the same calendar span, and its data window', () => {
    expect(reportingPeriodOf({ kind: 'year', year: 2025, index: 1 }, [q1, year])?.window).toEqual(
      year.window,
    );
    expect(reportingPeriodOf({ kind: 'quarter', year: 2025, index: 1 }, [q1, year])?.window).toEqual(
      q1.window,
    );
    expect(reportingPeriodOf({ kind: 'quarter', year: 2025, index: 2 }, [q1, year])).toBeNull();
  });
});
