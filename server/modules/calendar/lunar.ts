/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy rather than tables.
 *
 * Rules (the traditional Chinese-style rules, applied at Vietnam's civil time):
 * 1. A month starts on the local day that contains a new moon; it lasts until the day before the next.
 * 2. The month that contains the December (winter) solstice, solar longitude 270°, is month 11.
 * 3. If 13 months start between one month 11 and the next (a "leap year"), the first of them, after
 *    month 11, that contains no principal solar term (a multiple of 30° of solar longitude, trung khí)
 *    is the leap month (tháng nhuận). It takes the number of the month before it.
 * 4. Months 11 and 12 belong to the lunar year that starts in the following solar year's Tết.
 *
 * "Local day" is decided at the time zone given (hours east of UTC). Vietnam's calendar has been
 * computed at UTC+7 since 1968 (in the North from then, nationwide after reunification; commonly
 * attributed to a 1967 decision of the Government Council), China's at UTC+8: the two calendars
 * therefore differ when a new moon or a solar term falls between 16:00 and 17:00 UTC — e.g. Tết Mậu Thân was 29/1/1968 in Vietnam,
 * 30/1/1968 in China; Tết 1985 came a whole month apart (21/1 vs 20/2). This is the method of Hồ Ngọc
 * Đức's well-known "Thuật toán tính âm lịch", implemented here independently with the more precise
 * Meeus formulas (see ./astronomy.ts).
 */
import { nearestLunation, newMoonJdUt, sunLongitude } from './astronomy.js';
import { julianDayNumber, ymdOfJulianDayNumber, type Ymd } from './dates.js';

export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Vietnam's civil time zone, hours east of UTC. */
export const VIETNAM_TIME_ZONE = 7;
/** Years (solar, and lunar) this module accepts: where the astronomical formulas are well within their accuracy. */
export const SUPPORTED_YEARS = { from: 1800, to: 2199 } as const;

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to)
    throw new RangeError(`${what} ${year} is outside ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`);
}

/** The Julian Day Number of the local day (at `tz`) that contains the new moon of lunation `k`. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJdUt(k) + 0.5 + tz / 24);
}

/** Solar longitude at local midnight (at `tz`) that starts the day `jdn`. */
function longitudeAtStartOf(jdn: number, tz: number): number {
  return sunLongitude(jdn - 0.5 - tz / 24);
}

/** Index 0–11 of the last principal term (multiple of 30°) reached before local midnight starting `jdn`. */
function termIndexAt(jdn: number, tz: number): number {
  return Math.floor(longitudeAtStartOf(jdn, tz) / 30);
}

/** The lunation whose month contains the day `jdn` at `tz`. */
function lunationContaining(jdn: number, tz: number): number {
  let k = nearestLunation(jdn);
  while (newMoonDay(k, tz) > jdn) k--;
  while (newMoonDay(k + 1, tz) <= jdn) k++;
  return k;
}

const memo = new Map<string, number | null>();
function memoized<T extends number | null>(key: string, compute: () => T): T {
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/** The lunation that is month 11 of the calendar year starting in solar `year`: it contains the December solstice. */
function month11Lunation(year: number, tz: number): number {
  return memoized(`m11:${year}:${tz}`, () => {
    // The solstice day is the local day during which the longitude crosses 270° (always 20–23 December).
    let day = julianDayNumber(year, 12, 15);
    while (longitudeAtStartOf(day + 1, tz) < 270) day++;
    return lunationContaining(day, tz);
  });
}

/**
 * For the months from month 11 of `year` to the month before the next month 11 (a "suì"): the
 * position (1–12, counted from month 11 = 0) of the leap month, or null when there are only 12 months.
 */
function leapPosition(year: number, tz: number): number | null {
  return memoized(`leap:${year}:${tz}`, () => {
    const first = month11Lunation(year, tz);
    if (month11Lunation(year + 1, tz) - first !== 13) return null;
    for (let i = 1; i <= 12; i++) {
      const start = newMoonDay(first + i, tz);
      const next = newMoonDay(first + i + 1, tz);
      if (termIndexAt(start, tz) === termIndexAt(next, tz)) return i;
    }
    throw new Error(`No month without a principal term in the 13-month year from ${year}`); // cannot happen
  });
}

/** Month number (1–12) of the regular month at "order" 0–11 counted from month 11. */
const monthAtOrder = (order: number) => ((10 + order) % 12) + 1;
/** Inverse of `monthAtOrder`. */
const orderOfMonth = (month: number) => (month + 1) % 12;

/**
 * Converts a solar (Gregorian) date to the Vietnamese lunar date.
 * @param tz hours east of UTC at which days are reckoned; 7 for Vietnam (default), 8 gives the Chinese calendar.
 */
export function solarToLunar(year: number, month: number, day: number, tz = VIETNAM_TIME_ZONE): LunarDate {
  checkYear(year, 'Year');
  const jdn = julianDayNumber(year, month, day);
  const k = lunationContaining(jdn, tz);
  const suiYear = k >= month11Lunation(year, tz) ? year : year - 1;
  const position = k - month11Lunation(suiYear, tz);
  const leapAt = leapPosition(suiYear, tz);
  const order = leapAt !== null && position >= leapAt ? position - 1 : position;
  return {
    year: order <= 1 ? suiYear : suiYear + 1,
    month: monthAtOrder(order),
    day: jdn - newMoonDay(k, tz) + 1,
    leap: position === leapAt,
  };
}

/** Julian Day Numbers of the first day of a lunar month and of the month after it. */
function monthBounds(lunarYear: number, lunarMonth: number, leap: boolean, tz: number): [number, number] {
  checkYear(lunarYear, 'Lunar year');
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12)
    throw new RangeError(`Lunar month must be 1–12, got ${lunarMonth}`);
  const suiYear = lunarMonth >= 11 ? lunarYear : lunarYear - 1;
  const order = orderOfMonth(lunarMonth);
  const leapAt = leapPosition(suiYear, tz);
  if (leap && leapAt !== order + 1)
    throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  const position = leap ? order + 1 : leapAt !== null && order >= leapAt ? order + 1 : order;
  const k = month11Lunation(suiYear, tz) + position;
  return [newMoonDay(k, tz), newMoonDay(k + 1, tz)];
}

/** Number of days (29 or 30) of a lunar month. Throws a RangeError for a leap month that does not exist. */
export function lunarMonthLength(
  lunarYear: number,
  lunarMonth: number,
  leap = false,
  tz = VIETNAM_TIME_ZONE,
): number {
  const [start, next] = monthBounds(lunarYear, lunarMonth, leap, tz);
  return next - start;
}

/**
 * Converts a Vietnamese lunar date to the solar (Gregorian) date. `lunarYear` is the year that starts
 * at Tết (so 12/12 of lunar year 2024 falls in January 2025). Throws a RangeError for a leap month that
 * the year does not have or for day 30 of a 29-day month.
 */
export function lunarToSolar(
  lunarYear: number,
  lunarMonth: number,
  lunarDay: number,
  leap = false,
  tz = VIETNAM_TIME_ZONE,
): Ymd {
  const [start, next] = monthBounds(lunarYear, lunarMonth, leap, tz);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > next - start)
    throw new RangeError(
      `Lunar month ${lunarMonth}/${lunarYear} has ${next - start} days, not day ${lunarDay}`,
    );
  return ymdOfJulianDayNumber(start + lunarDay - 1);
}

/** The leap month (1–12) of a lunar year, or null if it has none. */
export function leapMonthOf(lunarYear: number, tz = VIETNAM_TIME_ZONE): number | null {
  checkYear(lunarYear, 'Lunar year');
  // Months 1–10 of the year come from the suì that starts in the previous solar year, 11–12 from its own.
  const early = leapPosition(lunarYear - 1, tz);
  if (early !== null && early - 1 >= 2) return monthAtOrder(early - 1);
  const late = leapPosition(lunarYear, tz);
  if (late !== null && late - 1 <= 1) return monthAtOrder(late - 1);
  return null;
}
