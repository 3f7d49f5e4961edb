import {
  daysBetween,
  daysInMonth,
  formatViDate,
  isoDate,
  parseIsoDate,
  type DateRange,
  type IsoDate,
} from './dates.js';
import {
  makePeriod,
  nextPeriod,
  periodKey,
  periodLabel,
  periodMonths,
  periodOfMonth,
  periodSpan,
  type Locale,
  type Period,
  type PeriodType,
} from './period.js';
import { ruleFor, type ReportingRules } from './rules.js';

/**
 * Data windows and deadlines of reporting periods under a rule set (pure). With the defaults of Decree
 * 09/2019/NĐ-CP art. 12 a window runs from the 15th of the month before the period to the 14th of its last
 * month, so the windows of one period type tile the calendar without gaps or overlaps (the 9-month report
 * excepted: nothing it covers falls between 15/9 and 14/12), and a date late in December already belongs to
 * the next year's reports. Deadlines follow 581/BNV-CCHC (the 20th of the period's last month) unless the
 * rule set says otherwise.
 */

/** Counts the days after `from` up to and including `to` (calendar days by default; plug in working days). */
export type CountDays = (from: IsoDate, to: IsoDate) => number;
/** The date `days` working days after `date` (supplied by the working-day calendar module). */
export type AddWorkingDays = (date: IsoDate, days: number) => IsoDate;
/** Hooks into a working-day calendar; the module itself only knows calendar days. */
export type WorkdayHooks = { countDays?: CountDays; addWorkingDays?: AddWorkingDays };

/** The year and month (1–12) of the reports whose data windows contain `date`. */
function reportingMonth(date: IsoDate, cutoffDay: number): { year: number; month: number } {
  const { year, month, day } = parseIsoDate(date);
  if (cutoffDay <= 1 || day < cutoffDay) return { year, month };
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/**
 * The data window of a period, inclusive: with cut-off day c > 1, from day c of the month before the
 * period's first month to day c − 1 of its last month (Decree 09/2019/NĐ-CP art. 12: 2025-Q1 → 15/12/2024 –
 * 14/03/2025); with c = 1, the calendar span.
 */
export function periodWindow(period: Period, rules: ReportingRules): DateRange {
  const { cutoffDay } = ruleFor(rules, period.type);
  if (cutoffDay <= 1) return periodSpan(period);
  const { first, last } = periodMonths(period);
  return { from: isoDate(period.year, first - 1, cutoffDay), to: isoDate(period.year, last, cutoffDay - 1) };
}

/**
 * The period of `type` whose data window contains `date`. Under the defaults 2025-12-20 belongs to the 2026
 * annual report (window 15/12/2025 – 14/12/2026), not the 2025 one. Null only for a 9-month date that no
 * 9-month window covers (15/9 – 14/12 under the defaults).
 */
export function periodOf(type: PeriodType, date: IsoDate, rules: ReportingRules): Period | null {
  const { year, month } = reportingMonth(date, ruleFor(rules, type).cutoffDay);
  return periodOfMonth(type, year, month);
}

/** The first period of `type` whose data window contains `date` or starts after it. */
function periodAtOrAfter(type: PeriodType, date: IsoDate, rules: ReportingRules): Period {
  const found = periodOf(type, date, rules);
  if (found) return found;
  const { year } = reportingMonth(date, ruleFor(rules, type).cutoffDay);
  return makePeriod(type, year + 1, 1);
}

/**
 * The periods of `type` whose data windows overlap the inclusive range `from` – `to`, in order (so a range
 * across New Year yields 2024-Q4, 2025-Q1, …). Empty when `from` is after `to`.
 */
export function periodsBetween(
  type: PeriodType,
  from: IsoDate,
  to: IsoDate,
  rules: ReportingRules,
): Period[] {
  parseIsoDate(to);
  if (from > to) return [];
  const periods: Period[] = [];
  for (let p = periodAtOrAfter(type, from, rules); periodWindow(p, rules).from <= to; p = nextPeriod(p))
    periods.push(p);
  return periods;
}

/**
 * The day a period's report is due: by default the 20th of the period's last month (581/BNV-CCHC), i.e.
 * 2025-Q1 → 2025-03-20 and the 2025 annual report → 2025-12-20. A rule with `dueMonthOffset` moves the day
 * into a later month; a rule with `dueOffsetWorkingDays` counts working days after the window closes, with
 * the caller's `addWorkingDays` (an Error is thrown when it is missing).
 */
export function dueDate(period: Period, rules: ReportingRules, hooks: WorkdayHooks = {}): IsoDate {
  const rule = ruleFor(rules, period.type);
  if (rule.dueOffsetWorkingDays !== undefined) {
    if (!hooks.addWorkingDays)
      throw new Error(
        `Rule set ${rules.id} v${rules.version} sets deadlines in working days: pass addWorkingDays`,
      );
    return hooks.addWorkingDays(periodWindow(period, rules).to, rule.dueOffsetWorkingDays);
  }
  const m = periodMonths(period).last + rule.dueMonthOffset;
  const year = period.year + Math.floor((m - 1) / 12);
  const month = ((m - 1) % 12) + 1;
  return isoDate(year, month, Math.min(rule.dueDayOfLastMonth, daysInMonth(year, month)));
}

/** Whether a report submitted on `submittedOn` missed its due date (submitting on the due date is on time). */
export function isLate(
  submittedOn: IsoDate,
  period: Period,
  rules: ReportingRules,
  hooks: WorkdayHooks = {},
): boolean {
  parseIsoDate(submittedOn);
  return submittedOn > dueDate(period, rules, hooks);
}

/**
 * How late a report is: 0 when on time, else the days after the due date up to and including `submittedOn`
 * — calendar days, or whatever the supplied counter counts (pass the working-day calendar's counter, either
 * directly or as `hooks.countDays`).
 */
export function daysLate(
  submittedOn: IsoDate,
  period: Period,
  rules: ReportingRules,
  counter?: CountDays | WorkdayHooks,
): number {
  const hooks: WorkdayHooks = typeof counter === 'function' ? { countDays: counter } : (counter ?? {});
  if (!isLate(submittedOn, period, rules, hooks)) return 0;
  const count = hooks.countDays ?? daysBetween;
  return count(dueDate(period, rules, hooks), submittedOn);
}

/** A date range as Vietnamese documents write it: "15/12/2024 – 14/03/2025" (dd/mm/yyyy, en dash). */
export function windowLabel(range: DateRange): string {
  return `${formatViDate(range.from)} – ${formatViDate(range.to)}`;
}

export type PeriodInfo = {
  key: string;
  label: string;
  span: DateRange;
  window: DateRange;
  windowLabel: string;
  due: IsoDate;
  rules: { id: string; version: number; basis: string[] };
};

/** Everything a screen or an API response shows about a period under a rule set. */
export function describePeriod(
  period: Period,
  rules: ReportingRules,
  locale: Locale = 'vi',
  hooks: WorkdayHooks = {},
): PeriodInfo {
  const window = periodWindow(period, rules);
  return {
    key: periodKey(period),
    label: periodLabel(period, locale),
    span: periodSpan(period),
    window,
    windowLabel: windowLabel(window),
    due: dueDate(period, rules, hooks),
    rules: { id: rules.id, version: rules.version, basis: [...rules.basis] },
  };
}
