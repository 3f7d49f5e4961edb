import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type ReportingRules } from '../periods/index.js';
import {
  adverseScore,
  changeOf,
  currentQuarterKey,
  dashboardPeriodKey,
  dashboardPeriodLabel,
  dayAfter,
  direction,
  dueWindowOf,
  overdueByUnit,
  parseDashboardPeriod,
  periodChoices,
  previousDashboardPeriod,
  shiftYears,
  trendPeriods,
  verdict,
  windowOf,
  worstMoving,
  type DashboardPeriod,
} from './rules.js';

const p = (key: string): DashboardPeriod => parseDashboardPeriod(key)!;
const keys = (list: DashboardPeriod[]) => list.map(dashboardPeriodKey);
/** A rule set without a cut-off: windows are the calendar spans. */
const CALENDAR: ReportingRules = { ...DEFAULT_RULES, id: 'calendar', cutoffDay: 1 };

describe('periods of the dashboard', () => {
  it('reads quarters, halves, nine months, years and years to date; refuses months and anything else', () => {
    expect(parseDashboardPeriod('2026-Q4')).toEqual({
      kind: 'period',
      period: { type: 'quarter', year: 2026, index: 4 },
    });
    expect(parseDashboardPeriod('2026-H1')).toEqual({
      kind: 'period',
      period: { type: 'half', year: 2026, index: 1 },
    });
    expect(parseDashboardPeriod('2026-9M')).toEqual({
      kind: 'period',
      period: { type: 'nine_months', year: 2026, index: 1 },
    });
    expect(parseDashboardPeriod('2026-Y')).toEqual({
      kind: 'period',
      period: { type: 'year', year: 2026, index: 1 },
    });
    expect(parseDashboardPeriod('2026-YTD')).toEqual({ kind: 'ytd', year: 2026 });
    for (const bad of ['2026-M03', '2026-Q5', '2026-H3', '2026', 'YTD', '1899-YTD', '2200-Y', '1899-Q1', 'x'])
      expect(parseDashboardPeriod(bad), bad).toBeNull();
    for (const k of ['2026-Q4', '2026-H1', '2026-9M', '2026-Y', '2026-YTD'])
      expect(dashboardPeriodKey(p(k))).toBe(k);
  });

  it('names them in Vietnamese and English', () => {
    expect(dashboardPeriodLabel(p('2026-Q4'))).toEqual({ vi: 'Quý IV/2026', en: 'Q4 2026' });
    expect(dashboardPeriodLabel(p('2026-H1'))).toEqual({
      vi: '6 tháng đầu năm 2026',
      en: 'First half of 2026',
    });
    expect(dashboardPeriodLabel(p('2026-YTD'))).toEqual({
      vi: 'Từ đầu năm 2026 đến nay',
      en: '2026 year to date',
    });
  });

  it('reads the data windows of Decree 09/2019 (cut-off on the 15th)', () => {
    const today = '2026-12-07';
    expect(windowOf(p('2026-Q4'), DEFAULT_RULES, today)).toEqual({ from: '2026-09-15', to: '2026-12-14' });
    expect(windowOf(p('2026-Q1'), DEFAULT_RULES, today)).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(windowOf(p('2026-H1'), DEFAULT_RULES, today)).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(windowOf(p('2026-9M'), DEFAULT_RULES, today)).toEqual({ from: '2025-12-15', to: '2026-09-14' });
    expect(windowOf(p('2026-Y'), DEFAULT_RULES, today)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(windowOf(p('2026-Q4'), CALENDAR, today)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('reads a year to date up to today, and the same stretch of an earlier year', () => {
    expect(windowOf(p('2026-YTD'), DEFAULT_RULES, '2026-12-07')).toEqual({
      from: '2025-12-15',
      to: '2026-12-07',
    });
    expect(windowOf(p('2025-YTD'), DEFAULT_RULES, '2026-12-07')).toEqual({
      from: '2024-12-15',
      to: '2025-12-07',
    });
    // 15–31/12 belong to next year's reports: the same stretch of the year before.
    expect(windowOf(p('2026-YTD'), DEFAULT_RULES, '2026-12-20')).toEqual({
      from: '2025-12-15',
      to: '2025-12-20',
    });
    // Early in the window (before New Year): from the window's start to today.
    expect(windowOf(p('2027-YTD'), DEFAULT_RULES, '2026-12-20')).toEqual({
      from: '2026-12-15',
      to: '2026-12-20',
    });
    expect(windowOf(p('2026-YTD'), CALENDAR, '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-03-01' });
    // 29 February seen from a year without one.
    expect(windowOf(p('2024-YTD'), CALENDAR, '2025-02-28')).toEqual({ from: '2024-01-01', to: '2024-02-28' });
  });

  it('moves days by years (29/02 → 28/02) and by one day', () => {
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2024-02-29', -4)).toBe('2020-02-29');
    expect(shiftYears('2026-12-07', -1)).toBe('2025-12-07');
    expect(shiftYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(dayAfter('2025-02-28')).toBe('2025-03-01');
  });

  it('compares with the period before, and trends over the last ones, oldest first', () => {
    expect(dashboardPeriodKey(previousDashboardPeriod(p('2026-Q1')))).toBe('2025-Q4');
    expect(dashboardPeriodKey(previousDashboardPeriod(p('2026-H1')))).toBe('2025-H2');
    expect(dashboardPeriodKey(previousDashboardPeriod(p('2026-9M')))).toBe('2025-9M');
    expect(dashboardPeriodKey(previousDashboardPeriod(p('2026-Y')))).toBe('2025-Y');
    expect(dashboardPeriodKey(previousDashboardPeriod(p('2026-YTD')))).toBe('2025-YTD');
    expect(keys(trendPeriods(p('2026-Q2'), 4))).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(keys(trendPeriods(p('2026-YTD'), 3))).toEqual(['2024-YTD', '2025-YTD', '2026-YTD']);
    expect(keys(trendPeriods(p('2026-Y'), 0))).toEqual(['2026-Y']);
    expect(keys(trendPeriods(p('2026-Y'), 1.7))).toEqual(['2026-Y']);
  });

  it('takes the deadlines that belong to a period: after the previous report was due, up to its own', () => {
    // 581/BNV-CCHC: due on the 20th of the period's last month.
    expect(dueWindowOf(p('2026-Q4'), DEFAULT_RULES, '2026-12-07')).toEqual({
      from: '2026-09-21',
      to: '2026-12-20',
    });
    expect(dueWindowOf(p('2026-Q1'), DEFAULT_RULES, '2026-12-07')).toEqual({
      from: '2025-12-21',
      to: '2026-03-20',
    });
    expect(dueWindowOf(p('2026-Y'), DEFAULT_RULES, '2026-12-07')).toEqual({
      from: '2025-12-21',
      to: '2026-12-20',
    });
    expect(dueWindowOf(p('2026-YTD'), DEFAULT_RULES, '2026-12-07')).toEqual({
      from: '2025-12-21',
      to: '2026-12-07',
    });
    // A rule counting working days after the window closes asks the calendar.
    const working: ReportingRules = { ...DEFAULT_RULES, id: 'wd', dueOffsetWorkingDays: 5 };
    const hooks = {
      addWorkingDays: (day: string, n: number) => {
        let d = day;
        for (let i = 0; i < n + 2; i++) d = dayAfter(d); // five working days and a weekend
        return d;
      },
    };
    expect(dueWindowOf(p('2026-Q4'), working, '2026-12-07', hooks)).toEqual({
      from: '2026-09-22',
      to: '2026-12-21',
    });
  });

  it('defaults to the quarter whose window holds today (15/12 opens next year’s first quarter)', () => {
    expect(currentQuarterKey('2026-12-07', DEFAULT_RULES)).toBe('2026-Q4');
    expect(currentQuarterKey('2026-12-15', DEFAULT_RULES)).toBe('2027-Q1');
    expect(currentQuarterKey('2026-03-14', DEFAULT_RULES)).toBe('2026-Q1');
    expect(currentQuarterKey('2026-03-15', DEFAULT_RULES)).toBe('2026-Q2');
    expect(currentQuarterKey('2026-12-31', CALENDAR)).toBe('2026-Q4');
  });

  it('offers this year’s and last year’s periods, none starting after today', () => {
    const choices = keys(periodChoices('2026-12-07', DEFAULT_RULES));
    expect(choices.slice(0, 9)).toEqual([
      '2026-YTD',
      '2026-Y',
      '2026-9M',
      '2026-H2',
      '2026-H1',
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
    ]);
    expect(choices).toContain('2025-Q1');
    expect(choices).not.toContain('2025-YTD');
    expect(choices.some((k) => k.startsWith('2027'))).toBe(false);
    // From 15/12 the next year's first windows have begun.
    expect(keys(periodChoices('2026-12-20', DEFAULT_RULES)).slice(0, 6)).toEqual([
      '2027-YTD',
      '2027-Y',
      '2027-9M',
      '2027-H1',
      '2027-Q1',
      '2026-Y',
    ]);
  });
});

describe('change and worst-moving figures', () => {
  it('is the difference, unknown when either side is', () => {
    expect(changeOf(75, 70)).toBe(5);
    expect(changeOf(70, 75)).toBe(-5);
    expect(changeOf(null, 70)).toBeNull();
    expect(changeOf(70, null)).toBeNull();
    expect(changeOf(0, 0)).toBe(0);
    expect(direction(5)).toBe('up');
    expect(direction(-5)).toBe('down');
    expect(direction(0)).toBe('flat');
    expect(direction(null)).toBeNull();
  });

  it('is good or bad by the figure’s better direction', () => {
    expect(verdict(5, 'higher')).toBe('good');
    expect(verdict(-5, 'higher')).toBe('bad');
    expect(verdict(5, 'lower')).toBe('bad');
    expect(verdict(-5, 'lower')).toBe('good');
    expect(verdict(0, 'lower')).toBe('neutral');
    expect(verdict(null, 'higher')).toBeNull();
  });

  it('scores adverse changes: points for rates and indices, relative percent for counts', () => {
    expect(adverseScore('percent', 'higher', 60, 70)).toBe(10);
    expect(adverseScore('percent', 'higher', 80, 70)).toBe(0);
    expect(adverseScore('points', 'higher', 85, 87.5)).toBe(2.5);
    expect(adverseScore('count', 'lower', 15, 10)).toBe(50);
    expect(adverseScore('count', 'lower', 3, 0)).toBe(300);
    expect(adverseScore('count', 'lower', 5, 10)).toBe(0);
    expect(adverseScore('count', 'higher', 5, 10)).toBe(50);
    expect(adverseScore('percent', 'lower', 30, 20)).toBe(10);
    expect(adverseScore('percent', 'higher', null, 20)).toBe(0);
    expect(adverseScore('percent', 'higher', 20, 20)).toBe(0);
  });

  it('lists the worst first, leaves out the unknown and the improved, keeps the given order on ties', () => {
    const figures = [
      { key: 'a', unit: 'percent' as const, better: 'higher' as const, current: 60, previous: 70 },
      { key: 'b', unit: 'count' as const, better: 'lower' as const, current: 15, previous: 10 },
      { key: 'c', unit: 'percent' as const, better: 'higher' as const, current: 90, previous: 70 },
      { key: 'd', unit: 'percent' as const, better: 'higher' as const, current: null, previous: 70 },
      { key: 'e', unit: 'points' as const, better: 'higher' as const, current: 50, previous: 60 },
    ];
    expect(worstMoving(figures, 5).map((f) => [f.key, f.change, f.score])).toEqual([
      ['b', 5, 50],
      ['a', -10, 10],
      ['e', -10, 10],
    ]);
    expect(worstMoving(figures, 1).map((f) => f.key)).toEqual(['b']);
    expect(worstMoving(figures, 0)).toEqual([]);
    expect(worstMoving(figures, -1)).toEqual([]);
    expect(worstMoving([], 3)).toEqual([]);
  });
});

describe('where work is stuck', () => {
  it('counts overdue items by unit and kind, the most first, then the longest overdue, then by name', () => {
    const items = [
      { kind: 'plan_task', unitId: 'u1', daysOverdue: 3 },
      { kind: 'plan_task', unitId: 'u1', daysOverdue: 10 },
      { kind: 'pilot_item', unitId: 'u1', daysOverdue: 1 },
      { kind: 'plan_task', unitId: 'u2', daysOverdue: 40 },
      { kind: 'periodic_report', unitId: 'u3', daysOverdue: 40 },
      { kind: 'plan_task', unitId: 'u4', daysOverdue: 40 },
    ];
    const names = new Map([
      ['u1', 'Sở Y tế'],
      ['u2', 'Sở Xây dựng'],
      ['u3', 'Sở Công Thương'],
      ['u4', 'Sở Tư pháp'],
    ]);
    expect(overdueByUnit(items, names)).toEqual([
      { unitId: 'u1', total: 3, byKind: { plan_task: 2, pilot_item: 1 }, maxDaysOverdue: 10 },
      // Equal counts and days: Vietnamese order of the names (Công < Tư < Xây).
      { unitId: 'u3', total: 1, byKind: { periodic_report: 1 }, maxDaysOverdue: 40 },
      { unitId: 'u4', total: 1, byKind: { plan_task: 1 }, maxDaysOverdue: 40 },
      { unitId: 'u2', total: 1, byKind: { plan_task: 1 }, maxDaysOverdue: 40 },
    ]);
    expect(overdueByUnit([])).toEqual([]);
    // Without names: by id.
    expect(overdueByUnit(items.slice(3)).map((u) => u.unitId)).toEqual(['u2', 'u3', 'u4']);
  });
});
