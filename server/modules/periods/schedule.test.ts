import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  daysBetween,
  daysLate,
  describePeriod,
  dueDate,
  isLate,
  nextPeriod,
  parsePeriodKey,
  periodKey,
  periodOf,
  periodWindow,
  periodsBetween,
  periodsInYear,
  windowLabel,
  type AddWorkingDays,
  type CountDays,
  type Period,
  type PeriodType,
  type ReportingRules,
} from './index.js';

const ND09 = 'Decree 09/2019/NĐ-CP art. 12';
const BNV581 = '581/BNV-CCHC';

const p = (key: string): Period => {
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`bad key in test: ${key}`);
  return period;
};
const keyOf = (type: PeriodType, date: string, rules: ReportingRules = DEFAULT_RULES): string | null => {
  const period = periodOf(type, date, rules);
  return period && periodKey(period);
};

/** Every date from `from` to `to` inclusive. */
function* days(from: string, to: string): Generator<string> {
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    yield d.toISOString().slice(0, 10);
}

/** A stand-in for the working-day calendar module: Monday–Friday, no holidays. */
const isWeekday = (date: string): boolean => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const countWeekdays: CountDays = (from, to) => {
  let n = 0;
  for (const d of days(from, to)) if (d > from && isWeekday(d)) n++;
  return n;
};
const addWeekdays: AddWorkingDays = (date, n) => {
  const d = new Date(`${date}T00:00:00Z`);
  while (n > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWeekday(d.toISOString().slice(0, 10))) n--;
  }
  return d.toISOString().slice(0, 10);
};

describe(`default data windows and due dates for 2025 (${ND09}; due the 20th of the last month, ${BNV581})`, () => {
  it.each([
    ['2025-M01', '2024-12-15', '2025-01-14', '2025-01-20'],
    ['2025-M02', '2025-01-15', '2025-02-14', '2025-02-20'],
    ['2025-M03', '2025-02-15', '2025-03-14', '2025-03-20'],
    ['2025-M04', '2025-03-15', '2025-04-14', '2025-04-20'],
    ['2025-M05', '2025-04-15', '2025-05-14', '2025-05-20'],
    ['2025-M06', '2025-05-15', '2025-06-14', '2025-06-20'],
    ['2025-M07', '2025-06-15', '2025-07-14', '2025-07-20'],
    ['2025-M08', '2025-07-15', '2025-08-14', '2025-08-20'],
    ['2025-M09', '2025-08-15', '2025-09-14', '2025-09-20'],
    ['2025-M10', '2025-09-15', '2025-10-14', '2025-10-20'],
    ['2025-M11', '2025-10-15', '2025-11-14', '2025-11-20'],
    ['2025-M12', '2025-11-15', '2025-12-14', '2025-12-20'],
  ])('monthly %s: 15th of the previous month to the 14th: %s – %s, due %s', (key, from, to, due) => {
    expect(periodWindow(p(key), DEFAULT_RULES)).toEqual({ from, to });
    expect(dueDate(p(key), DEFAULT_RULES)).toBe(due);
  });

  it.each([
    ['2025-Q1', '2024-12-15', '2025-03-14', '2025-03-20'],
    ['2025-Q2', '2025-03-15', '2025-06-14', '2025-06-20'],
    ['2025-Q3', '2025-06-15', '2025-09-14', '2025-09-20'],
    ['2025-Q4', '2025-09-15', '2025-12-14', '2025-12-20'],
  ])(
    'quarterly %s: 15th of the month before the quarter to the 14th of its last month: %s – %s, due %s',
    (key, from, to, due) => {
      expect(periodWindow(p(key), DEFAULT_RULES)).toEqual({ from, to });
      expect(dueDate(p(key), DEFAULT_RULES)).toBe(due);
    },
  );

  it.each([
    ['2025-H1', '2024-12-15', '2025-06-14', '2025-06-20'],
    ['2025-H2', '2025-06-15', '2025-12-14', '2025-12-20'],
  ])('6-month %s: %s – %s, due %s', (key, from, to, due) => {
    expect(periodWindow(p(key), DEFAULT_RULES)).toEqual({ from, to });
    expect(dueDate(p(key), DEFAULT_RULES)).toBe(due);
  });

  it('9-month 2025-9M: 15/12/2024 – 14/09/2025, due 20/09/2025', () => {
    expect(periodWindow(p('2025-9M'), DEFAULT_RULES)).toEqual({ from: '2024-12-15', to: '2025-09-14' });
    expect(dueDate(p('2025-9M'), DEFAULT_RULES)).toBe('2025-09-20');
  });

  it('annual 2025-Y: 15/12 of the previous year to 14/12: 15/12/2024 – 14/12/2025, due 20/12/2025', () => {
    expect(periodWindow(p('2025-Y'), DEFAULT_RULES)).toEqual({ from: '2024-12-15', to: '2025-12-14' });
    expect(dueDate(p('2025-Y'), DEFAULT_RULES)).toBe('2025-12-20');
  });

  it(`the PAR Q3 report covers 15/06 – 14/09, the same as the quarterly rule (${BNV581})`, () => {
    expect(windowLabel(periodWindow(p('2025-Q3'), DEFAULT_RULES))).toBe('15/06/2025 – 14/09/2025');
  });

  it('every default due date falls after the window closes, within 6 days', () => {
    for (const type of ['month', 'quarter', 'half', 'nine_months', 'year'] as const)
      for (const period of periodsInYear(type, 2025))
        expect(daysBetween(periodWindow(period, DEFAULT_RULES).to, dueDate(period, DEFAULT_RULES))).toBe(6);
  });
});

describe(`windows tile the calendar (${ND09})`, () => {
  it.each(['month', 'quarter', 'half', 'year'] as const)(
    '%s windows from 2019 to 2031 abut: each opens the day after the previous one closes',
    (type) => {
      for (
        let period = p(`2019-${{ month: 'M01', quarter: 'Q1', half: 'H1', year: 'Y' }[type]}`);
        period.year < 2031;
      ) {
        const next = nextPeriod(period);
        expect(
          daysBetween(periodWindow(period, DEFAULT_RULES).to, periodWindow(next, DEFAULT_RULES).from),
        ).toBe(1);
        period = next;
      }
    },
  );

  it('periodOf returns, for every day of 2024 and 2025, the period whose window contains it', () => {
    for (const date of days('2024-01-01', '2025-12-31'))
      for (const type of ['month', 'quarter', 'half', 'nine_months', 'year'] as const) {
        const period = periodOf(type, date, DEFAULT_RULES);
        if (!period) {
          expect(type).toBe('nine_months');
          expect(date.slice(5) >= '09-15' && date.slice(5) <= '12-14', date).toBe(true);
          continue;
        }
        const { from, to } = periodWindow(period, DEFAULT_RULES);
        expect(from <= date && date <= to, `${type} ${date}`).toBe(true);
      }
  });
});

describe(`leap-year February, 2024 (${ND09})`, () => {
  it('the March 2024 window runs 15/02 – 14/03 and holds 29/02 (29 days, against 28 in 2025)', () => {
    expect(periodWindow(p('2024-M03'), DEFAULT_RULES)).toEqual({ from: '2024-02-15', to: '2024-03-14' });
    expect(keyOf('month', '2024-02-29')).toBe('2024-M03');
    expect(daysBetween('2024-02-15', '2024-03-14') + 1).toBe(29);
    expect(daysBetween('2025-02-15', '2025-03-14') + 1).toBe(28);
  });

  it('the February 2024 window runs 15/01 – 14/02, due 20/02', () => {
    expect(periodWindow(p('2024-M02'), DEFAULT_RULES)).toEqual({ from: '2024-01-15', to: '2024-02-14' });
    expect(dueDate(p('2024-M02'), DEFAULT_RULES)).toBe('2024-02-20');
    expect(keyOf('month', '2024-02-14')).toBe('2024-M02');
    expect(keyOf('month', '2024-02-15')).toBe('2024-M03');
  });

  it('29/02/2024 lies in 2024-Q1, 2024-H1, 2024-9M and 2024-Y', () => {
    expect(
      ['quarter', 'half', 'nine_months', 'year'].map((t) => keyOf(t as PeriodType, '2024-02-29')),
    ).toEqual(['2024-Q1', '2024-H1', '2024-9M', '2024-Y']);
  });

  it('rejects 29/02 of a common year', () => {
    expect(() => periodOf('month', '2025-02-29', DEFAULT_RULES)).toThrow(RangeError);
  });
});

describe(`year boundary: mid-December dates belong to next year's reports (${ND09})`, () => {
  it.each([
    ['year', '2024-12-14', '2024-Y'],
    ['year', '2024-12-15', '2025-Y'],
    ['year', '2025-01-01', '2025-Y'],
    ['year', '2025-12-14', '2025-Y'],
    ['year', '2025-12-15', '2026-Y'],
    ['year', '2025-12-20', '2026-Y'],
    ['year', '2025-12-31', '2026-Y'],
    ['quarter', '2024-12-15', '2025-Q1'],
    ['quarter', '2025-03-14', '2025-Q1'],
    ['quarter', '2025-03-15', '2025-Q2'],
    ['quarter', '2025-12-14', '2025-Q4'],
    ['quarter', '2025-12-15', '2026-Q1'],
    ['half', '2024-12-15', '2025-H1'],
    ['half', '2025-06-14', '2025-H1'],
    ['half', '2025-06-15', '2025-H2'],
    ['half', '2025-12-15', '2026-H1'],
    ['month', '2024-12-31', '2025-M01'],
    ['month', '2025-01-14', '2025-M01'],
    ['month', '2025-01-15', '2025-M02'],
    ['nine_months', '2024-12-15', '2025-9M'],
    ['nine_months', '2025-09-14', '2025-9M'],
    ['nine_months', '2025-09-15', null],
    ['nine_months', '2025-12-14', null],
    ['nine_months', '2025-12-15', '2026-9M'],
  ] as const)('%s containing %s → %s', (type, date, key) => {
    expect(keyOf(type, date)).toBe(key);
  });
});

describe('periodsBetween (periods whose data windows overlap the range)', () => {
  it(`quarters from 01/11/2024 to 30/04/2025 cross the year boundary: 2024-Q4, 2025-Q1, 2025-Q2 (${ND09})`, () => {
    expect(periodsBetween('quarter', '2024-11-01', '2025-04-30', DEFAULT_RULES).map(periodKey)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
  });

  it('months from 10/12/2024 to 20/01/2025: 2024-M12, 2025-M01, 2025-M02', () => {
    expect(periodsBetween('month', '2024-12-10', '2025-01-20', DEFAULT_RULES).map(periodKey)).toEqual([
      '2024-M12',
      '2025-M01',
      '2025-M02',
    ]);
  });

  it('years from 01/12/2024 to 31/12/2025 touch three annual windows', () => {
    expect(periodsBetween('year', '2024-12-01', '2025-12-31', DEFAULT_RULES).map(periodKey)).toEqual([
      '2024-Y',
      '2025-Y',
      '2026-Y',
    ]);
  });

  it('all twelve 2025 months for the 2025 annual window', () => {
    const months = periodsBetween('month', '2024-12-15', '2025-12-14', DEFAULT_RULES);
    expect(months.map(periodKey)).toEqual(periodsInYear('month', 2025).map(periodKey));
  });

  it('9-month windows skip the gap between 15/09 and 14/12', () => {
    expect(periodsBetween('nine_months', '2024-10-01', '2025-10-01', DEFAULT_RULES).map(periodKey)).toEqual([
      '2025-9M',
    ]);
    expect(periodsBetween('nine_months', '2025-09-20', '2025-12-14', DEFAULT_RULES)).toEqual([]);
    expect(periodsBetween('nine_months', '2025-09-20', '2025-12-15', DEFAULT_RULES).map(periodKey)).toEqual([
      '2026-9M',
    ]);
  });

  it('a single day gives one period; a reversed range none', () => {
    expect(periodsBetween('half', '2025-06-15', '2025-06-15', DEFAULT_RULES).map(periodKey)).toEqual([
      '2025-H2',
    ]);
    expect(periodsBetween('month', '2025-03-01', '2025-02-01', DEFAULT_RULES)).toEqual([]);
  });

  it('rejects malformed dates', () => {
    expect(() => periodsBetween('month', '2025-01-01', '2025-13-01', DEFAULT_RULES)).toThrow(RangeError);
    expect(() => periodsBetween('month', '1/1/2025', '2025-02-01', DEFAULT_RULES)).toThrow(RangeError);
  });
});

describe(`lateness (due the 20th of the period's last month, ${BNV581})`, () => {
  const q1 = p('2025-Q1'); // due Thursday 2025-03-20

  it('a report submitted on the due date is on time; the day after is late', () => {
    expect(isLate('2025-03-01', q1, DEFAULT_RULES)).toBe(false);
    expect(isLate('2025-03-20', q1, DEFAULT_RULES)).toBe(false);
    expect(isLate('2025-03-21', q1, DEFAULT_RULES)).toBe(true);
  });

  it('counts calendar days late by default', () => {
    expect(daysLate('2025-03-20', q1, DEFAULT_RULES)).toBe(0);
    expect(daysLate('2025-03-21', q1, DEFAULT_RULES)).toBe(1);
    expect(daysLate('2025-04-01', q1, DEFAULT_RULES)).toBe(12);
    expect(daysLate('2026-01-05', p('2025-Y'), DEFAULT_RULES)).toBe(16);
  });

  it("counts working days with the caller's counter (given directly or as hooks.countDays)", () => {
    // Fri 21, Sat 22, Sun 23, Mon 24 March 2025: 4 calendar days, 2 working days.
    expect(daysLate('2025-03-24', q1, DEFAULT_RULES)).toBe(4);
    expect(daysLate('2025-03-24', q1, DEFAULT_RULES, countWeekdays)).toBe(2);
    expect(daysLate('2025-03-24', q1, DEFAULT_RULES, { countDays: countWeekdays })).toBe(2);
    expect(daysLate('2025-03-19', q1, DEFAULT_RULES, countWeekdays)).toBe(0);
  });

  it('rejects a malformed submission date', () => {
    expect(() => isLate('2025/03/21', q1, DEFAULT_RULES)).toThrow(RangeError);
  });
});

describe('deadlines in working days after the window closes (dueOffsetWorkingDays)', () => {
  const rules: ReportingRules = {
    ...DEFAULT_RULES,
    id: 'test-5wd',
    basis: ['test rule set'],
    dueOffsetWorkingDays: 5,
    windows: { year: { dueOffsetWorkingDays: null, dueDayOfLastMonth: 25 } },
  };

  it('needs the working-day calendar', () => {
    expect(() => dueDate(p('2025-Q1'), rules)).toThrow(/addWorkingDays/);
  });

  it('2025-Q1 closes Friday 14/03/2025: due five working days later, Friday 21/03/2025', () => {
    expect(dueDate(p('2025-Q1'), rules, { addWorkingDays: addWeekdays })).toBe('2025-03-21');
    expect(isLate('2025-03-21', p('2025-Q1'), rules, { addWorkingDays: addWeekdays })).toBe(false);
    expect(
      daysLate('2025-03-25', p('2025-Q1'), rules, { addWorkingDays: addWeekdays, countDays: countWeekdays }),
    ).toBe(2);
  });

  it('a per-type override can switch back to a day of the month', () => {
    expect(dueDate(p('2025-Y'), rules)).toBe('2025-12-25');
  });
});

describe('labels and summaries', () => {
  it(`windowLabel writes dd/mm/yyyy with an en dash: 2025-Q1 → "15/12/2024 – 14/03/2025" (${ND09})`, () => {
    expect(windowLabel(periodWindow(p('2025-Q1'), DEFAULT_RULES))).toBe('15/12/2024 – 14/03/2025');
    expect(windowLabel({ from: '2025-01-05', to: '2025-02-09' })).toBe('05/01/2025 – 09/02/2025');
  });

  it('describePeriod gathers key, label, span, window, due date and the rules cited', () => {
    expect(describePeriod(p('2025-H1'), DEFAULT_RULES, 'vi')).toEqual({
      key: '2025-H1',
      label: '6 tháng đầu năm 2025',
      span: { from: '2025-01-01', to: '2025-06-30' },
      window: { from: '2024-12-15', to: '2025-06-14' },
      windowLabel: '15/12/2024 – 14/06/2025',
      due: '2025-06-20',
      rules: { id: 'nd09-2019', version: 1, basis: DEFAULT_RULES.basis },
    });
    expect(describePeriod(p('2025-M03'), DEFAULT_RULES, 'en').label).toBe('March 2025');
  });
});
