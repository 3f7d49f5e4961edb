/** The calendar feature's API: the server's own types (its Zod schemas, `calendar.schemas.ts`). */
import type {
  AddWorkingDaysOut,
  CalendarYearOut,
  YearUpdateIn,
} from '../../../../server/modules/calendar/calendar.schemas';
import { api } from '../../lib/api';

export type {
  AnnouncedDayOut as AnnouncedDay,
  CalendarEntryOut as CalendarEntry,
  CalendarYearOut as CalendarYear,
  EntryKind,
  LocalizedName,
  NationalDayAdjacent,
  YearAdjustmentsIn,
  YearAdjustmentsOut as YearAdjustments,
} from '../../../../server/modules/calendar/calendar.schemas';

/** The years the lunar calendar (hence the holidays) supports. */
export const SUPPORTED_YEARS = { from: 1800, to: 2199 } as const;

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  addWorkingDays: (from: string, n: number) => ['calendar', 'add', from, n] as const,
};

export const getYear = (year: number) => api.get<CalendarYearOut>(`/api/calendar/years/${year}`);
export const updateYear = (year: number, version: number, adjustments: YearUpdateIn['adjustments']) =>
  api.put<CalendarYearOut>(`/api/calendar/years/${year}`, { version, adjustments } satisfies YearUpdateIn);
export const addWorkingDays = (from: string, n: number) =>
  api.get<AddWorkingDaysOut>('/api/calendar/add-working-days', { query: { from, n } });

/** Day of the week of a `YYYY-MM-DD` date (0 = Sunday … 6 = Saturday), independent of the time zone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Every date from `from` to `to`, both included (`YYYY-MM-DD`). */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let t = Date.UTC(y, m - 1, d); ; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    if (iso > to || out.length > 366) break;
    out.push(iso);
  }
  return out;
}
