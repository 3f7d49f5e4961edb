/**
 * Reporting periods (kỳ báo cáo): identifiers and keys, calendar spans, data windows and due dates under
 * versioned rule sets (defaults: Decree 09/2019/NĐ-CP art. 12 and guidance 581/BNV-CCHC), labels in
 * Vietnamese and English. Pure and dependency-free; see README.md.
 */
export type { DateRange, IsoDate } from './dates.js';
export { daysBetween, formatViDate, isIsoDate } from './dates.js';
export type { Locale, Period, PeriodType } from './period.js';
export {
  PERIODS_PER_YEAR,
  PERIOD_TYPES,
  comparePeriods,
  containsPeriod,
  isPeriodType,
  isValidPeriod,
  makePeriod,
  nextPeriod,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodMonths,
  periodSpan,
  periodsInYear,
  previousPeriod,
  samePeriod,
  shiftPeriod,
} from './period.js';
export type { PeriodRule, PeriodRuleOverride, ReportingRules } from './rules.js';
export { DEFAULT_RULES, ruleFor, rulesFor } from './rules.js';
export type { AddWorkingDays, CountDays, PeriodInfo, WorkdayHooks } from './schedule.js';
export {
  daysLate,
  describePeriod,
  dueDate,
  isLate,
  periodOf,
  periodWindow,
  periodsBetween,
  windowLabel,
} from './schedule.js';
export { validateRules } from './validate.js';
