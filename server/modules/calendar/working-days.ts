/**
 * Working days (ngày làm việc) of Vietnamese state agencies and deadlines counted in them.
 *
 * A date is a working day unless it is a weekly rest day (Saturday and Sunday by default — Quyết định
 * 188/1999/QĐ-TTg on the 40-hour week for civil servants) or a day off of `holidaysForYear`; a weekend
 * day listed as a make-up working day (làm bù) is a working day.
 *
 * Counting (Bộ luật Dân sự 2015, Điều 147: a period counted in days starts the day after the day it is
 * counted from): `addWorkingDays(d, n)` is the n-th working day after `d`; `workingDaysBetween(a, b)`
 * counts the working days after `a` up to and including `b`, so the two are inverses.
 *
 * Receipt of dossiers: a dossier submitted after office hours, or on a day that is not a working day,
 * counts as received on the next working day (Nghị định 61/2018/NĐ-CP on the one-stop-shop mechanism,
 * Điều 19 as cited in the brief; Nghị định 45/2020/NĐ-CP on administrative procedures in the electronic
 * environment, for dossiers submitted online). Office hours default to 07:30–17:00 Vietnam time
 * (UTC+7, no daylight saving); each province sets its own, hence the option.
 */
import { formatIsoDate, fromEpochDay, toEpochDay, weekdayOfEpochDay, yearOf, type IsoDate } from './dates.js';
import { DEFAULT_ADJUSTMENTS } from './default-adjustments.js';
import {
  DEFAULT_HOLIDAY_OPTIONS,
  holidaysForYear,
  type HolidayKind,
  type HolidayOptions,
  type LocalizedName,
  type YearAdjustments,
} from './holidays.js';
import { adjustmentProblems } from './adjustment-checks.js';

/** Office hours in local time, 'HH:MM' 24-hour. */
export type OfficeHours = { open: string; close: string };

export type CalendarOptions = HolidayOptions & {
  officeHours: OfficeHours;
  /** Offset of local (office) time from UTC in minutes. Default 420 (UTC+7, Asia/Ho_Chi_Minh). */
  utcOffsetMinutes: number;
  /** Count a submission at or after closing time as received on the next working day. Default true. */
  afterHoursCountsNextDay: boolean;
};

export const DEFAULT_CALENDAR_OPTIONS: CalendarOptions = {
  ...DEFAULT_HOLIDAY_OPTIONS,
  officeHours: { open: '07:30', close: '17:00' },
  utcOffsetMinutes: 7 * 60,
  afterHoursCountsNextDay: true,
};

/** A day of `holidaysOf`: a day off, or a weekend day that is a working day ('working_weekend'). */
export type CalendarEntry = {
  date: IsoDate;
  name: LocalizedName;
  kind: HolidayKind | 'working_weekend';
  basis: string;
};

export type Calendar = {
  readonly options: Readonly<CalendarOptions>;
  isWorkingDay(date: IsoDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /**
   * The n-th working day after `date` (n ≥ 0, an integer). n = 0 returns `date` itself when it is a
   * working day, otherwise the next working day.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days d with a < d ≤ b; negative (−count of b < d ≤ a) when b is before a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** Days off other than plain weekends, plus working weekend days, of a solar year, sorted by date. */
  holidaysOf(year: number): CalendarEntry[];
  /** The local date (at `utcOffsetMinutes`) of an instant. */
  localDateOf(instant: Date): IsoDate;
  /** The working day a submission made at `instant` counts as received on (see the module comment). */
  effectiveReceiptDay(instant: Date): IsoDate;
  /**
   * Last day (until closing time) of a time limit of n working days for a dossier received at
   * `received`: `addWorkingDays(effectiveReceiptDay(received), n)`.
   */
  dueDate(received: Date, nWorkingDays: number): IsoDate;
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
function minutesOf(time: string): number {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`Not an HH:MM time: "${time}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

type YearTable = { off: Map<IsoDate, CalendarEntry>; workingWeekend: Map<IsoDate, CalendarEntry> };

/**
 * Builds a calendar from announced schedules keyed by year (default: ./default-adjustments.ts) and
 * options (defaults: `DEFAULT_CALENDAR_OPTIONS`). Years without an entry get the statutory holidays
 * and computed compensation only. Throws a RangeError when the schedules are inconsistent.
 * Dates must lie in 1800–2199 (the lunar calendar's range).
 */
export function createCalendar(
  adjustmentsByYear: Readonly<Record<number, YearAdjustments>> = DEFAULT_ADJUSTMENTS,
  options: Partial<CalendarOptions> = {},
): Calendar {
  const opts: CalendarOptions = { ...DEFAULT_CALENDAR_OPTIONS, ...options };
  const open = minutesOf(opts.officeHours.open);
  const close = minutesOf(opts.officeHours.close);
  if (open >= close) throw new RangeError('Office hours must open before they close');
  if (new Set(opts.weekendDays).size >= 7)
    throw new RangeError('At least one day of the week must be a working day');
  if (!Number.isInteger(opts.utcOffsetMinutes) || Math.abs(opts.utcOffsetMinutes) > 14 * 60)
    throw new RangeError(`Bad UTC offset: ${opts.utcOffsetMinutes} minutes`);

  const problems = Object.entries(adjustmentsByYear).flatMap(([key, adj]) =>
    adjustmentProblems(adj, opts).concat(
      Number(key) === adj.year ? [] : [`key ${key} holds the adjustments of ${adj.year}`],
    ),
  );
  if (problems.length > 0) throw new RangeError(`Invalid holiday adjustments:\n- ${problems.join('\n- ')}`);

  const tables = new Map<number, YearTable>();
  const tableOf = (year: number): YearTable => {
    const cached = tables.get(year);
    if (cached) return cached;
    const adj = adjustmentsByYear[year];
    const off = new Map<IsoDate, CalendarEntry>(holidaysForYear(year, adj, opts).map((h) => [h.date, h]));
    const workingWeekend = new Map<IsoDate, CalendarEntry>(
      (adj?.workingSaturdays ?? []).map((d) => [d.date, { ...d, kind: 'working_weekend' as const }]),
    );
    const table = { off, workingWeekend };
    tables.set(year, table);
    return table;
  };

  // Working or not, per day number, one flag table per year (built on first use from the tables above).
  const flagsByYear = new Map<number, { start: number; flags: Uint8Array }>();
  const flagsOf = (year: number) => {
    const cached = flagsByYear.get(year);
    if (cached) return cached;
    const start = toEpochDay(formatIsoDate(year, 1, 1));
    const end = toEpochDay(formatIsoDate(year + 1, 1, 1));
    const table = tableOf(year);
    const flags = new Uint8Array(end - start);
    for (let e = start; e < end; e++) {
      const date = fromEpochDay(e);
      flags[e - start] = table.off.has(date)
        ? 0
        : table.workingWeekend.has(date) || !opts.weekendDays.includes(weekdayOfEpochDay(e))
          ? 1
          : 0;
    }
    const built = { start, flags };
    flagsByYear.set(year, built);
    return built;
  };
  let lastYear: { start: number; flags: Uint8Array } | null = null;
  const isWorkingEpochDay = (e: number): boolean => {
    if (!lastYear || e < lastYear.start || e >= lastYear.start + lastYear.flags.length)
      lastYear = flagsOf(yearOf(fromEpochDay(e)));
    return lastYear.flags[e - lastYear.start] === 1;
  };

  const isWorkingDay = (date: IsoDate): boolean => isWorkingEpochDay(toEpochDay(date));

  const nextWorkingEpochDay = (e: number): number => {
    let d = e + 1;
    while (!isWorkingEpochDay(d)) d++;
    return d;
  };

  const nextWorkingDay = (date: IsoDate): IsoDate => fromEpochDay(nextWorkingEpochDay(toEpochDay(date)));

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    let d = toEpochDay(date);
    if (n === 0) return isWorkingEpochDay(d) ? date : fromEpochDay(nextWorkingEpochDay(d));
    for (let i = 0; i < n; i++) d = nextWorkingEpochDay(d);
    return fromEpochDay(d);
  };

  const workingDaysBetween = (a: IsoDate, b: IsoDate): number => {
    const from = toEpochDay(a);
    const to = toEpochDay(b);
    if (to < from) return -workingDaysBetween(b, a);
    let count = 0;
    for (let e = from + 1; e <= to; e++) if (isWorkingEpochDay(e)) count++;
    return count;
  };

  const holidaysOf = (year: number): CalendarEntry[] => {
    const table = tableOf(year);
    return [...table.off.values(), ...table.workingWeekend.values()].sort((x, y) =>
      x.date.localeCompare(y.date),
    );
  };

  const localTime = (instant: Date) => {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    const local = ms + opts.utcOffsetMinutes * 60_000;
    const epochDay = Math.floor(local / 86_400_000);
    return { date: fromEpochDay(epochDay), minutes: (local - epochDay * 86_400_000) / 60_000 };
  };

  const effectiveReceiptDay = (instant: Date): IsoDate => {
    const { date, minutes } = localTime(instant);
    if (!isWorkingDay(date)) return nextWorkingDay(date);
    if (opts.afterHoursCountsNextDay && minutes >= close) return nextWorkingDay(date);
    return date; // during office hours, or before opening on a working day
  };

  return {
    options: opts,
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    holidaysOf,
    localDateOf: (instant) => localTime(instant).date,
    effectiveReceiptDay,
    dueDate: (received, n) => addWorkingDays(effectiveReceiptDay(received), n),
  };
}
