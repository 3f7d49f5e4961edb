/**
 * Public surface of the calendar module: the Vietnamese lunar calendar, public holidays (Bộ luật Lao
 * động 2019, Điều 111–112) with the announced civil-servant schedules, and working-day arithmetic for
 * administrative deadlines. Pure functions only: no I/O, no clock — callers pass dates and instants.
 */
export {
  addDays,
  dateRange,
  daysBetween,
  parseIsoDate,
  weekdayOf,
  type IsoDate,
  type Weekday,
  type Ymd,
} from './dates.js';
export {
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
  SUPPORTED_YEARS,
  VIETNAM_TIME_ZONE,
  type LunarDate,
} from './lunar.js';
export {
  BASIS,
  DEFAULT_HOLIDAY_OPTIONS,
  defaultNationalDayAdjacent,
  holidaysForYear,
  statutoryHolidays,
  tetStatutoryDays,
  type AnnouncedDay,
  type Holiday,
  type HolidayKind,
  type HolidayOptions,
  type LocalizedName,
  type NationalDayAdjacent,
  type YearAdjustments,
} from './holidays.js';
export { adjustmentProblems } from './adjustment-checks.js';
export { DEFAULT_ADJUSTMENTS } from './default-adjustments.js';
export {
  createCalendar,
  DEFAULT_CALENDAR_OPTIONS,
  type Calendar,
  type CalendarEntry,
  type CalendarOptions,
  type OfficeHours,
} from './working-days.js';
