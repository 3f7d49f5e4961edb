/**
 * Consistency checks for announced schedules (`YearAdjustments`), so that a typo in the data fails
 * loudly when the calendar is built instead of silently moving a deadline.
 */
import { parseIsoDate, weekdayOf, type IsoDate } from './dates.js';
import { holidaysForYear, tetStatutoryDays, type HolidayOptions, type YearAdjustments } from './holidays.js';
import { SUPPORTED_YEARS } from './lunar.js';

/** Everything wrong with one year's adjustments; empty when they are usable. */
export function adjustmentProblems(adj: YearAdjustments, options: HolidayOptions): string[] {
  const { year } = adj;
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to)
    return [`year ${year} is outside ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`];
  const problems: string[] = [];
  const inYear = (date: IsoDate, what: string): boolean => {
    try {
      if (parseIsoDate(date).year === year) return true;
      problems.push(`${year}: ${what} ${date} is not in ${year}`);
    } catch {
      problems.push(`${year}: ${what} "${date}" is not a YYYY-MM-DD date`);
    }
    return false;
  };
  // Announcements are written for the civil service's Monday–Friday week (Quyết định 188/1999/QĐ-TTg),
  // whatever weekly rest days the calendar is configured with.
  const isRestDay = (date: IsoDate) => [0, 6].includes(weekdayOf(date));

  if (adj.tetDays) {
    if (!adj.tetBasis) problems.push(`${year}: tetDays without tetBasis`);
    const valid = adj.tetDays.filter((d) => inYear(d, 'Tết day'));
    const newYearsDay = tetStatutoryDays(year, options.lunarTimeZone)[1] as IsoDate;
    if (valid.length === adj.tetDays.length && !valid.includes(newYearsDay))
      problems.push(`${year}: the Tết block does not contain Tết itself (${newYearsDay})`);
  }
  const daysOff = adj.daysOff.filter((d) => inYear(d.date, 'day off'));
  const working = adj.workingSaturdays.filter((d) => inYear(d.date, 'working weekend day'));
  if (problems.length > 0) return problems;

  for (const d of daysOff)
    if (isRestDay(d.date)) problems.push(`${year}: day off ${d.date} is already a weekly rest day`);
  for (const d of working)
    if (!isRestDay(d.date)) problems.push(`${year}: working weekend day ${d.date} is not a weekly rest day`);
  const off = new Map(holidaysForYear(year, adj, options).map((h) => [h.date, h]));
  for (const d of working)
    if (off.has(d.date)) problems.push(`${year}: working weekend day ${d.date} is also a day off`);
  for (const d of daysOff) {
    const h = off.get(d.date);
    if (h && h.kind !== 'swap_off')
      problems.push(`${year}: day off ${d.date} is already a holiday (${h.name.vi})`);
  }
  return problems;
}
