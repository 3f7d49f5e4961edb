/**
 * Reporting periods as the API names them (`2026-Q3`, `2026-H1`, `2026-9M`, `2026-Y`, `2026-M03`): built from
 * what the officer picks, and read back to label a period in the interface language.
 */

export const PERIOD_TYPES = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
export type Period = { type: PeriodType; year: number; index: number };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** How many periods of a type a year has (1 for nine months and the year). */
export function periodsInYear(type: PeriodType): number {
  switch (type) {
    case 'month':
      return 12;
    case 'quarter':
      return 4;
    case 'half':
      return 2;
    default:
      return 1;
  }
}

/** The API's key of a period; null when the index does not exist for the type. */
export function periodKeyOf({ type, year, index }: Period): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(index) || index < 1 || index > periodsInYear(type)) return null;
  switch (type) {
    case 'month':
      return `${year}-M${String(index).padStart(2, '0')}`;
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

/** Reads a period key back (null when it is not one). */
export function parsePeriodKey(key: string): Period | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { type: 'month', year, index: Number(m[2]) };
  if (m[3]) return { type: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { type: 'half', year, index: Number(m[4]) };
  if (m[5]) return { type: 'nine_months', year, index: 1 };
  return { type: 'year', year, index: 1 };
}

/** The roman numeral of a quarter (I–IV), as Vietnamese reports write it. */
export const romanQuarter = (index: number): string => ROMAN[index - 1] ?? String(index);

/** The period of a type that holds a given date (the current one by default): what the dialog starts from. */
export function periodAt(type: PeriodType, date: Date = new Date()): Period {
  const year = date.getFullYear();
  const month = date.getMonth() + 1;
  switch (type) {
    case 'month':
      return { type, year, index: month };
    case 'quarter':
      return { type, year, index: Math.ceil(month / 3) };
    case 'half':
      return { type, year, index: month <= 6 ? 1 : 2 };
    default:
      return { type, year, index: 1 };
  }
}

/** The period after this one, of the same type (Q4 2026 → Q1 2027; a year → the next year). */
export function nextPeriod(p: Period): Period {
  const n = periodsInYear(p.type);
  return p.index < n ? { ...p, index: p.index + 1 } : { ...p, year: p.year + 1, index: 1 };
}
