/**
 * Calendar-date helpers for 'YYYY-MM-DD' strings (pure, UTC arithmetic, no clock). Internal to the
 * `periods` module: the rest of the module never touches `Date` directly.
 */

/** A calendar date written 'YYYY-MM-DD' (proleptic Gregorian, no time, no zone). */
export type IsoDate = string;

/** An inclusive date range. */
export type DateRange = { from: IsoDate; to: IsoDate };

export type Ymd = { year: number; month: number; day: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the string is a real calendar date in 'YYYY-MM-DD' form (so '2025-02-29' is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Parses a 'YYYY-MM-DD' date; throws a RangeError naming the offending value otherwise. */
export function parseIsoDate(value: string): Ymd {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: "${value}"`);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Formats year/month/day as 'YYYY-MM-DD'. Month and day may overflow or underflow (month 0 is December of
 * the previous year, month 13 January of the next; day 0 is the last day of the previous month).
 */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The last day of the month (month may overflow like in `isoDate`). */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month + 1, 0);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY,
  );
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the Vietnamese administrative date form. */
export function formatViDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}
