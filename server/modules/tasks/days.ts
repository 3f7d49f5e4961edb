/**
 * Small date helpers shared by the task rules, built only on the calendar module's public surface.
 *
 * Deadlines falling on a day off: Bộ luật Dân sự 2015, Điều 148 khoản 5 — when the last day of a period
 * is a weekly rest day or a public holiday, the period ends at the end of the next working day [memory:
 * article number not re-checked]. `effectiveDue` applies that rule with the working-day calendar.
 */
import { addDays, parseIsoDate, type Calendar, type IsoDate } from '../calendar/index.js';

/** Whether `value` is a real 'YYYY-MM-DD' date. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** The due date itself when it is a working day, else the next working day (BLDS 2015, Điều 148 khoản 5). */
export function effectiveDue(calendar: Calendar, dueDate: IsoDate): IsoDate {
  return calendar.addWorkingDays(dueDate, 0);
}

/**
 * The working day `n` working days before `date` (n ≥ 0), counted back from `effectiveDue(date)`: the
 * inverse of `addWorkingDays`, so `calendar.workingDaysBetween(result, effectiveDue(date)) === n`.
 */
export function workingDaysBefore(calendar: Calendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let d = effectiveDue(calendar, date);
  for (let i = 0; i < n; i++) d = previousWorkingDay(calendar, d);
  return d;
}

function previousWorkingDay(calendar: Calendar, date: IsoDate): IsoDate {
  let d = addDays(date, -1);
  while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
  return d;
}
