import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  containsPeriod,
  isValidPeriod,
  makePeriod,
  nextPeriod,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodSpan,
  periodsInYear,
  previousPeriod,
  shiftPeriod,
  type Period,
  type PeriodType,
} from './index.js';

const p = (key: string): Period => {
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`bad key in test: ${key}`);
  return period;
};

describe('period keys', () => {
  it.each<[string, PeriodType, number, number]>([
    ['2025-M01', 'month', 2025, 1],
    ['2025-M03', 'month', 2025, 3],
    ['2025-M12', 'month', 2025, 12],
    ['2025-Q1', 'quarter', 2025, 1],
    ['2025-Q4', 'quarter', 2025, 4],
    ['2025-H1', 'half', 2025, 1],
    ['2025-H2', 'half', 2025, 2],
    ['2025-9M', 'nine_months', 2025, 1],
    ['2025-Y', 'year', 2025, 1],
  ])('%s ⇄ %s %i #%i', (key, type, year, index) => {
    expect(parsePeriodKey(key)).toEqual({ type, year, index });
    expect(periodKey({ type, year, index })).toBe(key);
  });

  it('round-trips every period of 2024 and 2025', () => {
    for (const type of ['month', 'quarter', 'half', 'nine_months', 'year'] as const)
      for (const year of [2024, 2025])
        for (const period of periodsInYear(type, year))
          expect(parsePeriodKey(periodKey(period))).toEqual(period);
  });

  it.each([
    '2025-M3',
    '2025-M00',
    '2025-M13',
    '2025-Q0',
    '2025-Q5',
    '2025-q1',
    '2025-H3',
    '2025-H0',
    '2025-9M1',
    '2025-y',
    '25-Q1',
    '0999-Y',
    '2025Q1',
    ' 2025-Q1',
    '',
  ])('rejects %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('refuses to format or build a period that does not exist', () => {
    expect(() => periodKey({ type: 'quarter', year: 2025, index: 5 })).toThrow(RangeError);
    expect(() => makePeriod('month', 2025, 0)).toThrow(RangeError);
    expect(() => makePeriod('half', 2025, 1.5)).toThrow(RangeError);
    expect(isValidPeriod({ type: 'nine_months', year: 2025, index: 2 })).toBe(false);
    expect(isValidPeriod({ type: 'week' as PeriodType, year: 2025, index: 1 })).toBe(false);
    expect(makePeriod('year', 2025)).toEqual({ type: 'year', year: 2025, index: 1 });
  });
});

describe('calendar span', () => {
  it.each([
    ['2025-M02', '2025-02-01', '2025-02-28'],
    ['2024-M02', '2024-02-01', '2024-02-29'],
    ['2025-M04', '2025-04-01', '2025-04-30'],
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-Q2', '2025-04-01', '2025-06-30'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2025-H1', '2025-01-01', '2025-06-30'],
    ['2025-H2', '2025-07-01', '2025-12-31'],
    ['2025-9M', '2025-01-01', '2025-09-30'],
    ['2025-Y', '2025-01-01', '2025-12-31'],
  ])('%s spans %s – %s', (key, from, to) => {
    expect(periodSpan(p(key))).toEqual({ from, to });
  });
});

describe('navigation', () => {
  it.each([
    ['2025-M01', '2024-M12', '2025-M02'],
    ['2025-M12', '2025-M11', '2026-M01'],
    ['2025-Q1', '2024-Q4', '2025-Q2'],
    ['2025-Q4', '2025-Q3', '2026-Q1'],
    ['2025-H1', '2024-H2', '2025-H2'],
    ['2025-H2', '2025-H1', '2026-H1'],
    ['2025-9M', '2024-9M', '2026-9M'],
    ['2025-Y', '2024-Y', '2026-Y'],
  ])('%s: previous %s, next %s', (key, prev, next) => {
    expect(periodKey(previousPeriod(p(key)))).toBe(prev);
    expect(periodKey(nextPeriod(p(key)))).toBe(next);
  });

  it('shifts by many periods in either direction', () => {
    expect(periodKey(shiftPeriod(p('2025-M03'), 25))).toBe('2027-M04');
    expect(periodKey(shiftPeriod(p('2025-M03'), -27))).toBe('2022-M12');
    expect(periodKey(shiftPeriod(p('2025-Q2'), -6))).toBe('2023-Q4');
    expect(periodKey(shiftPeriod(p('2025-Q2'), 0))).toBe('2025-Q2');
  });

  it('orders periods by year, first month, then length', () => {
    const keys = ['2025-Y', '2025-Q2', '2024-M12', '2025-M01', '2025-H1', '2025-9M', '2025-Q1', '2025-H2'];
    expect(keys.map(p).sort(comparePeriods).map(periodKey)).toEqual([
      '2024-M12',
      '2025-M01',
      '2025-Q1',
      '2025-H1',
      '2025-9M',
      '2025-Y',
      '2025-Q2',
      '2025-H2',
    ]);
  });
});

describe('containment', () => {
  it('2025-H1 contains Q1, Q2 and months 1–6, and nothing of the second half', () => {
    const h1 = p('2025-H1');
    for (const key of ['2025-Q1', '2025-Q2', '2025-M01', '2025-M06', '2025-H1'])
      expect(containsPeriod(h1, p(key)), key).toBe(true);
    for (const key of ['2025-Q3', '2025-M07', '2025-H2', '2025-9M', '2025-Y', '2024-Q1', '2026-M01'])
      expect(containsPeriod(h1, p(key)), key).toBe(false);
  });

  it('2025-9M contains H1, Q1–Q3 and months 1–9; the year contains every 2025 period', () => {
    const nine = p('2025-9M');
    for (const key of ['2025-H1', '2025-Q3', '2025-M09'])
      expect(containsPeriod(nine, p(key)), key).toBe(true);
    for (const key of ['2025-Q4', '2025-M10', '2025-H2', '2025-Y'])
      expect(containsPeriod(nine, p(key)), key).toBe(false);
    for (const type of ['month', 'quarter', 'half', 'nine_months', 'year'] as const)
      for (const period of periodsInYear(type, 2025)) expect(containsPeriod(p('2025-Y'), period)).toBe(true);
  });

  it('a quarter contains its three months and no other', () => {
    const q3 = p('2025-Q3');
    expect(
      periodsInYear('month', 2025)
        .filter((m) => containsPeriod(q3, m))
        .map(periodKey),
    ).toEqual(['2025-M07', '2025-M08', '2025-M09']);
    expect(containsPeriod(p('2025-M07'), q3)).toBe(false);
  });
});

describe('labels', () => {
  it.each([
    ['2025-M03', 'Tháng 3/2025', 'March 2025'],
    ['2025-M12', 'Tháng 12/2025', 'December 2025'],
    ['2025-Q1', 'Quý I/2025', 'Q1 2025'],
    ['2025-Q2', 'Quý II/2025', 'Q2 2025'],
    ['2025-Q3', 'Quý III/2025', 'Q3 2025'],
    ['2025-Q4', 'Quý IV/2025', 'Q4 2025'],
    ['2025-H1', '6 tháng đầu năm 2025', 'First half of 2025'],
    ['2025-H2', '6 tháng cuối năm 2025', 'Second half of 2025'],
    ['2025-9M', '9 tháng năm 2025', 'First nine months of 2025'],
    ['2025-Y', 'Năm 2025', 'Year 2025'],
  ])('%s → "%s" / "%s"', (key, vi, en) => {
    expect(periodLabel(p(key), 'vi')).toBe(vi);
    expect(periodLabel(p(key), 'en')).toBe(en);
  });

  it('defaults to Vietnamese', () => {
    expect(periodLabel(p('2025-Q4'))).toBe('Quý IV/2025');
  });

  it('names every month in English', () => {
    expect(periodsInYear('month', 2025).map((m) => periodLabel(m, 'en').split(' ')[0])).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
  });
});
