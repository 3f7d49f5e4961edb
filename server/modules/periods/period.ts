import { isoDate, lastDayOfMonth, type DateRange } from './dates.js';

/**
 * Reporting periods as identifiers (pure): the five kinds of periodic report of the state administration —
 * monthly, quarterly, 6-month, 9-month and annual (Decree 09/2019/NĐ-CP art. 12 names monthly, quarterly,
 * 6-month and annual reports; the 9-month report is the cumulative one PAR plans ask for in September).
 * This file knows nothing about cut-off days or deadlines: those are rules (see `rules.ts`).
 */

export const PERIOD_TYPES = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/**
 * A period: month `index` 1–12, quarter 1–4, half 1–2 (1 = 6 tháng đầu năm, 2 = 6 tháng cuối năm),
 * nine_months 1 (January–September), year 1.
 */
export type Period = { type: PeriodType; year: number; index: number };

/** How many periods of each type a year holds. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodType, number>> = Object.freeze({
  month: 12,
  quarter: 4,
  half: 2,
  nine_months: 1,
  year: 1,
});

/** Keys and labels carry a four-digit year. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

export function isPeriodType(value: string): value is PeriodType {
  return (PERIOD_TYPES as readonly string[]).includes(value);
}

export function isValidPeriod(period: Period): boolean {
  if (!isPeriodType(period.type)) return false;
  if (!Number.isInteger(period.year) || period.year < MIN_YEAR || period.year > MAX_YEAR) return false;
  return Number.isInteger(period.index) && period.index >= 1 && period.index <= PERIODS_PER_YEAR[period.type];
}

/** Builds a period, throwing a RangeError when the index does not exist for the type (e.g. quarter 5). */
export function makePeriod(type: PeriodType, year: number, index = 1): Period {
  const period = { type, year, index };
  if (!isValidPeriod(period)) throw new RangeError(`No such period: ${type} ${index} of ${year}`);
  return period;
}

// ---------------------------------------------------------------------------------------------------------
// Canonical keys: 2025-M03, 2025-Q1, 2025-H1, 2025-9M, 2025-Y
// ---------------------------------------------------------------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The canonical string key of a period: `2025-M03`, `2025-Q1`, `2025-H1`, `2025-9M`, `2025-Y`. */
export function periodKey(period: Period): string {
  if (!isValidPeriod(period)) throw new RangeError(`Invalid period: ${JSON.stringify(period)}`);
  const { type, year, index } = period;
  switch (type) {
    case 'month':
      return `${year}-M${pad2(index)}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'half':
      return `${year}-H${index}`;
    case 'nine_months':
      return `${year}-9M`;
    case 'year':
      return `${year}-Y`;
  }
}

const KEY = /^(\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)|(Y))$/;

/** Parses a canonical key (strict: `2025-M3` and `2025-q1` are rejected); null when it is not one. */
export function parsePeriodKey(key: string): Period | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR) return null;
  if (m[2]) return { type: 'month', year, index: Number(m[2]) };
  if (m[3]) return { type: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { type: 'half', year, index: Number(m[4]) };
  if (m[5]) return { type: 'nine_months', year, index: 1 };
  return { type: 'year', year, index: 1 };
}

// ---------------------------------------------------------------------------------------------------------
// Calendar span and months
// ---------------------------------------------------------------------------------------------------------

/** The first and last calendar month (1–12) a period covers. */
export function periodMonths(period: Period): { first: number; last: number } {
  const { type, index } = period;
  switch (type) {
    case 'month':
      return { first: index, last: index };
    case 'quarter':
      return { first: 3 * index - 2, last: 3 * index };
    case 'half':
      return { first: 6 * index - 5, last: 6 * index };
    case 'nine_months':
      return { first: 1, last: 9 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

/** The calendar span of a period, inclusive (Q1 2025 = 2025-01-01 – 2025-03-31), whatever the rules. */
export function periodSpan(period: Period): DateRange {
  const { first, last } = periodMonths(period);
  return { from: isoDate(period.year, first, 1), to: lastDayOfMonth(period.year, last) };
}

/** The period of a type whose calendar months include the given month of the year. */
export function periodOfMonth(type: PeriodType, year: number, month: number): Period | null {
  switch (type) {
    case 'month':
      return { type, year, index: month };
    case 'quarter':
      return { type, year, index: Math.ceil(month / 3) };
    case 'half':
      return { type, year, index: Math.ceil(month / 6) };
    case 'nine_months':
      return month <= 9 ? { type, year, index: 1 } : null;
    case 'year':
      return { type, year, index: 1 };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Navigation and containment
// ---------------------------------------------------------------------------------------------------------

/** Every period of a type in a calendar year, in order (12 months, 4 quarters, …). */
export function periodsInYear(type: PeriodType, year: number): Period[] {
  return Array.from({ length: PERIODS_PER_YEAR[type] }, (_, i) => makePeriod(type, year, i + 1));
}

/** The period of the same type `steps` periods later (negative: earlier). 2025-Q4 + 1 = 2026-Q1. */
export function shiftPeriod(period: Period, steps: number): Period {
  const n = PERIODS_PER_YEAR[period.type];
  const ordinal = period.year * n + (period.index - 1) + steps;
  return makePeriod(period.type, Math.floor(ordinal / n), (((ordinal % n) + n) % n) + 1);
}

export function nextPeriod(period: Period): Period {
  return shiftPeriod(period, 1);
}

export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** Orders periods by year, then by their first month, then by length (shorter first). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.year !== b.year) return a.year - b.year;
  const ma = periodMonths(a);
  const mb = periodMonths(b);
  return ma.first - mb.first || ma.last - mb.last;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.type === b.type && a.year === b.year && a.index === b.index;
}

/**
 * Whether `outer` covers every calendar month of `inner` (2025-H1 contains 2025-Q1, 2025-Q2 and months 1–6;
 * 2025-9M contains 2025-H1; every period contains itself). Containment is by calendar months, which is also
 * containment of data windows whenever both types share the same cut-off day.
 */
export function containsPeriod(outer: Period, inner: Period): boolean {
  if (outer.year !== inner.year) return false;
  const o = periodMonths(outer);
  const i = periodMonths(inner);
  return o.first <= i.first && i.last <= o.last;
}

// ---------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------

export type Locale = 'vi' | 'en';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const EN_MONTHS = [
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
] as const;

/**
 * The human label of a period as Vietnamese administrative documents write it ("Quý I/2025",
 * "6 tháng đầu năm 2025", "9 tháng năm 2025") or in English ("Q1 2025", "First half of 2025").
 */
export function periodLabel(period: Period, locale: Locale = 'vi'): string {
  if (!isValidPeriod(period)) throw new RangeError(`Invalid period: ${JSON.stringify(period)}`);
  const { type, year, index } = period;
  const vi = locale === 'vi';
  switch (type) {
    case 'month':
      return vi ? `Tháng ${index}/${year}` : `${EN_MONTHS[index - 1]} ${year}`;
    case 'quarter':
      return vi ? `Quý ${ROMAN[index - 1]}/${year}` : `Q${index} ${year}`;
    case 'half':
      if (index === 1) return vi ? `6 tháng đầu năm ${year}` : `First half of ${year}`;
      return vi ? `6 tháng cuối năm ${year}` : `Second half of ${year}`;
    case 'nine_months':
      return vi ? `9 tháng năm ${year}` : `First nine months of ${year}`;
    case 'year':
      return vi ? `Năm ${year}` : `Year ${year}`;
  }
}
