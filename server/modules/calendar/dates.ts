/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * A date here is a civil date with no time and no time zone. All arithmetic runs on whole day numbers
 * computed with `Date.UTC`, so the host's time zone and daylight-saving rules can never shift a date.
 * The calendar is the proleptic Gregorian one.
 */

/** A civil date written 'YYYY-MM-DD' (ISO 8601 calendar date). */
export type IsoDate = string;

/** Day of the week as `Date.prototype.getUTCDay` numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type Ymd = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
/** Julian Day Number of 1970-01-01, the day `Date.UTC` counts from. */
const JDN_UNIX_EPOCH = 2_440_588;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a Gregorian date (negative before 1970). Works for years 0–9999. */
function epochDayOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function ymdOfEpochDay(epochDay: number): Ymd {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Whether `year-month-day` names a real Gregorian date. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const back = ymdOfEpochDay(epochDayOf(year, month, day));
  return back.month === month && back.day === day;
}

/** Parses 'YYYY-MM-DD'; throws a RangeError on anything else, including impossible dates like 2023-02-29. */
export function parseIsoDate(date: IsoDate): Ymd {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: "${date}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(year, month, day)) throw new RangeError(`No such date: "${date}"`);
  return { year, month, day };
}

/** Formats a Gregorian date as 'YYYY-MM-DD'; throws a RangeError if it does not exist. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`No such date: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Conversions between date strings and day numbers are memoised (bounded): deadline arithmetic over a
 * million dossiers meets the same few thousand dates again and again, and parsing them each time was
 * most of its cost. Only valid dates are remembered, so errors are thrown as before.
 */
const MEMO_MAX = 100_000;
const epochOfDate = new Map<IsoDate, number>();
const dateOfEpoch = new Map<number, IsoDate>();

/** Days since 1970-01-01. */
export function toEpochDay(date: IsoDate): number {
  const known = epochOfDate.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parseIsoDate(date);
  const epochDay = epochDayOf(year, month, day);
  if (epochOfDate.size < MEMO_MAX) epochOfDate.set(date, epochDay);
  return epochDay;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const known = dateOfEpoch.get(epochDay);
  if (known !== undefined) return known;
  const { year, month, day } = ymdOfEpochDay(epochDay);
  const date = formatIsoDate(year, month, day);
  if (dateOfEpoch.size < MEMO_MAX) dateOfEpoch.set(epochDay, date);
  return date;
}

/** Julian Day Number (the integer day count astronomers use) of a Gregorian date. */
export function julianDayNumber(year: number, month: number, day: number): number {
  return epochDayOf(year, month, day) + JDN_UNIX_EPOCH;
}

/** The Gregorian date of a Julian Day Number. */
export function ymdOfJulianDayNumber(jdn: number): Ymd {
  return ymdOfEpochDay(jdn - JDN_UNIX_EPOCH);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function weekdayOf(date: IsoDate): Weekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

/** 1970-01-01 was a Thursday. */
export const weekdayOfEpochDay = (epochDay: number): Weekday => ((((epochDay + 4) % 7) + 7) % 7) as Weekday;

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  const out: IsoDate[] = [];
  for (let d = start; d <= end; d++) out.push(fromEpochDay(d));
  return out;
}

export function yearOf(date: IsoDate): number {
  return Number(fromEpochDay(toEpochDay(date)).slice(0, 4));
}
