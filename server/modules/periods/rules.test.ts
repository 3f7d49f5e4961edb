import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  dueDate,
  parsePeriodKey,
  periodKey,
  periodOf,
  periodWindow,
  periodsBetween,
  ruleFor,
  rulesFor,
  validateRules,
  type Period,
  type ReportingRules,
} from './index.js';

const p = (key: string): Period => {
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`bad key in test: ${key}`);
  return period;
};

/** A province-wide rule set identical to the national defaults, adopted by a provincial decision. */
const PROVINCE: ReportingRules = {
  id: 'province',
  version: 1,
  validFrom: '2020-01-01',
  basis: ['Quyết định của UBND tỉnh (test)'],
  cutoffDay: 15,
  dueDayOfLastMonth: 20,
};

/** A statistics report on calendar periods, due the 5th, later the 10th, of the following month. */
const CALENDAR_V1: ReportingRules = {
  id: 'par-stats-calendar',
  version: 1,
  validFrom: '2026-01-01',
  reportType: 'par-stats',
  basis: ['Biểu thống kê theo kỳ dương lịch (test)'],
  cutoffDay: 1,
  dueDayOfLastMonth: 5,
  dueMonthOffset: 1,
};
const CALENDAR_V2: ReportingRules = {
  ...CALENDAR_V1,
  version: 2,
  validFrom: '2027-01-01',
  dueDayOfLastMonth: 10,
};

const SETS = [CALENDAR_V2, PROVINCE, CALENDAR_V1];

describe('rulesFor picks the rule version valid on a date', () => {
  it('the national default is Decree 09/2019/NĐ-CP art. 12 with 581/BNV-CCHC, frozen', () => {
    expect(DEFAULT_RULES).toMatchObject({
      id: 'nd09-2019',
      version: 1,
      cutoffDay: 15,
      dueDayOfLastMonth: 20,
    });
    expect(DEFAULT_RULES.basis.join('\n')).toMatch(/09\/2019\/NĐ-CP.*Điều 12/);
    expect(DEFAULT_RULES.basis.join('\n')).toMatch(/581\/BNV-CCHC/);
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
    expect(rulesFor([], 'anything', '2025-06-01')).toBe(DEFAULT_RULES);
  });

  it('a report type with its own rules gets the latest version started by the date', () => {
    expect(rulesFor(SETS, 'par-stats', '2026-01-01')).toBe(CALENDAR_V1);
    expect(rulesFor(SETS, 'par-stats', '2026-12-31')).toBe(CALENDAR_V1);
    expect(rulesFor(SETS, 'par-stats', '2027-01-01')).toBe(CALENDAR_V2);
  });

  it('before its own rules start, or without any, a report type falls back to the general rules', () => {
    expect(rulesFor(SETS, 'par-stats', '2025-12-31')).toBe(PROVINCE);
    expect(rulesFor(SETS, 'par-quarterly', '2027-06-01')).toBe(PROVINCE);
    expect(rulesFor(SETS, null, '2027-06-01')).toBe(PROVINCE);
    expect(rulesFor(SETS, 'par-quarterly', '2019-12-31')).toBe(DEFAULT_RULES);
  });

  it('a database row with reportType null counts as general', () => {
    const row: ReportingRules = { ...PROVINCE, id: 'row', reportType: null };
    expect(rulesFor([row], 'par-stats', '2025-01-01')).toBe(row);
  });

  it('of two versions starting the same day, the higher version wins', () => {
    const fix = { ...CALENDAR_V1, version: 3 };
    expect(rulesFor([CALENDAR_V1, fix], 'par-stats', '2026-02-01')).toBe(fix);
    expect(rulesFor([fix, CALENDAR_V1], 'par-stats', '2026-02-01')).toBe(fix);
  });

  it('rejects a malformed date', () => {
    expect(() => rulesFor(SETS, 'par-stats', '2026-1-1')).toThrow(RangeError);
  });

  it('a retirement leaves its rule set out from its date until a later version starts', () => {
    const retired = { ...CALENDAR_V1, version: 2, validFrom: '2026-07-01', retired: true };
    const sets = [CALENDAR_V1, retired, PROVINCE];
    expect(rulesFor(sets, 'par-stats', '2026-06-30')).toBe(CALENDAR_V1);
    expect(rulesFor(sets, 'par-stats', '2026-07-01')).toBe(PROVINCE);
    // Retired from the day its only version began: that version never governs.
    expect(rulesFor([CALENDAR_V1, { ...retired, validFrom: '2026-01-01' }], 'par-stats', '2026-02-01')).toBe(
      DEFAULT_RULES,
    );
    const again = { ...CALENDAR_V1, version: 3, validFrom: '2027-01-01' };
    expect(rulesFor([...sets, again], 'par-stats', '2027-01-01')).toBe(again);
    expect(rulesFor([...sets, again], 'par-stats', '2026-12-31')).toBe(PROVINCE);
  });
});

describe('a custom rule set with calendar windows (cutoffDay 1), selected by date', () => {
  const before = rulesFor(SETS, 'par-stats', '2025-12-01');
  const v1 = rulesFor(SETS, 'par-stats', '2026-03-01');
  const v2 = rulesFor(SETS, 'par-stats', '2027-03-01');

  it('windows are the calendar spans, so 20/03 stays in March and 20/12 in its own year', () => {
    expect(periodWindow(p('2026-Q1'), v1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodWindow(p('2026-Y'), v1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodKey(periodOf('month', '2026-03-20', v1)!)).toBe('2026-M03');
    expect(periodKey(periodOf('year', '2026-12-20', v1)!)).toBe('2026-Y');
    expect(periodKey(periodOf('nine_months', '2026-09-30', v1)!)).toBe('2026-9M');
    expect(periodOf('nine_months', '2026-10-01', v1)).toBeNull();
  });

  it('whereas under Decree 09/2019/NĐ-CP art. 12 (the fallback before 2026) 20/03 already counts for April', () => {
    expect(periodKey(periodOf('month', '2025-03-20', before)!)).toBe('2025-M04');
  });

  it('February windows follow the leap year: 01/02 – 29/02/2024, 01/02 – 28/02/2025', () => {
    expect(periodWindow(p('2024-M02'), v1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodWindow(p('2025-M02'), v1)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodKey(periodOf('month', '2024-02-29', v1)!)).toBe('2024-M02');
  });

  it('reports are due the 5th of the following month under v1, the 10th under v2', () => {
    expect(dueDate(p('2026-Q1'), v1)).toBe('2026-04-05');
    expect(dueDate(p('2026-M12'), v1)).toBe('2027-01-05');
    expect(dueDate(p('2026-Y'), v1)).toBe('2027-01-05');
    expect(dueDate(p('2027-Q1'), v2)).toBe('2027-04-10');
  });

  it('periodsBetween across the year boundary uses calendar quarters', () => {
    expect(periodsBetween('quarter', '2025-11-01', '2026-04-30', v1).map(periodKey)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(periodsBetween('month', '2025-12-31', '2026-01-01', v1).map(periodKey)).toEqual([
      '2025-M12',
      '2026-M01',
    ]);
  });
});

describe('per-type overrides and other due days', () => {
  const rules: ReportingRules = {
    ...PROVINCE,
    id: 'overrides',
    dueDayOfLastMonth: 31,
    windows: {
      year: { dueDayOfLastMonth: 18 },
      month: { cutoffDay: 1, dueMonthOffset: 1, dueDayOfLastMonth: 3 },
    },
  };

  it('ruleFor merges the type override over the rule set', () => {
    expect(ruleFor(rules, 'year')).toEqual({ cutoffDay: 15, dueDayOfLastMonth: 18, dueMonthOffset: 0 });
    expect(ruleFor(rules, 'month')).toEqual({ cutoffDay: 1, dueDayOfLastMonth: 3, dueMonthOffset: 1 });
    expect(ruleFor(rules, 'quarter')).toEqual({ cutoffDay: 15, dueDayOfLastMonth: 31, dueMonthOffset: 0 });
  });

  it('a due day past the end of the month is clamped to its last day', () => {
    expect(dueDate(p('2025-Q1'), rules)).toBe('2025-03-31');
    expect(dueDate(p('2025-H1'), rules)).toBe('2025-06-30');
    expect(dueDate(p('2024-Q1'), { ...rules, windows: {} })).toBe('2024-03-31');
  });

  it('overridden types use their own windows and due days', () => {
    expect(dueDate(p('2025-Y'), rules)).toBe('2025-12-18');
    expect(periodWindow(p('2025-M02'), rules)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(dueDate(p('2025-M02'), rules)).toBe('2025-03-03');
    expect(periodWindow(p('2025-Q1'), rules)).toEqual({ from: '2024-12-15', to: '2025-03-14' });
  });

  it('a due day in February of a leap year', () => {
    const feb = { ...PROVINCE, id: 'feb', cutoffDay: 1, dueDayOfLastMonth: 31, dueMonthOffset: 1 };
    expect(dueDate(p('2024-M01'), feb)).toBe('2024-02-29');
    expect(dueDate(p('2025-M01'), feb)).toBe('2025-02-28');
  });
});

describe('validateRules (rules are data, so they are checked)', () => {
  it('accepts the defaults and the custom rule sets', () => {
    for (const rules of [DEFAULT_RULES, PROVINCE, CALENDAR_V1, CALENDAR_V2])
      expect(validateRules(rules)).toEqual([]);
  });

  it('flags a deadline that falls before the data window closes', () => {
    const problems = validateRules({ ...CALENDAR_V1, dueMonthOffset: 0, dueDayOfLastMonth: 20 });
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(
      /^month: the report would be due \(2024-01-20\) before its data closes \(2024-01-31\)$/,
    );
  });

  it('flags malformed values, unknown period types and a missing legal basis', () => {
    const bad = {
      ...PROVINCE,
      id: ' ',
      version: 0,
      validFrom: '2025-13-01',
      basis: [],
      cutoffDay: 29,
      dueDayOfLastMonth: 0,
      dueMonthOffset: -1,
      dueOffsetWorkingDays: 1.5,
      windows: { week: {}, quarter: { cutoffDay: 0 } },
    } as unknown as ReportingRules;
    expect(validateRules(bad)).toEqual([
      'id is empty',
      'version must be an integer ≥ 1',
      'validFrom "2025-13-01" is not a YYYY-MM-DD date',
      'basis must cite at least one legal source',
      'cutoffDay must be an integer from 1 to 28',
      'dueDayOfLastMonth must be an integer from 1 to 31',
      'dueMonthOffset must be an integer from 0 to 12',
      'dueOffsetWorkingDays must be an integer from 0 to 366',
      'windows.week: unknown period type',
      'windows.quarter.cutoffDay must be an integer from 1 to 28',
    ]);
  });
});
