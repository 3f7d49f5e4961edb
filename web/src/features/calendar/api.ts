import { api } from '../../lib/api';

export type LocalizedName = { vi: string; en: string };
export type AnnouncedDay = { date: string; name: LocalizedName; basis: string };
export type EntryKind = 'statutory' | 'compensatory' | 'swap_off' | 'working_weekend';
export type CalendarEntry = AnnouncedDay & { kind: EntryKind };
export type NationalDayAdjacent = 'before' | 'after';

export type YearAdjustments = {
  tetDays: string[] | null;
  tetBasis: string | null;
  nationalDayAdjacent: NationalDayAdjacent | null;
  daysOff: AnnouncedDay[];
  workingSaturdays: AnnouncedDay[];
};

export type CalendarYear = {
  year: number;
  /** 0 while the year uses the shipped defaults. */
  version: number;
  usesDefaults: boolean;
  hasShippedDefaults: boolean;
  adjustments: YearAdjustments;
  statutoryTetDays: string[];
  nationalDayAdjacent: NationalDayAdjacent;
  days: CalendarEntry[];
  updatedAt: string | null;
  updatedBy: string | null;
  abilities: { read: boolean; update: boolean };
};

/** The years the lunar calendar (hence the holidays) supports. */
export const SUPPORTED_YEARS = { from: 1800, to: 2199 } as const;

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  addWorkingDays: (from: string, n: number) => ['calendar', 'add', from, n] as const,
};

export const getYear = (year: number) => api.get<CalendarYear>(`/api/calendar/years/${year}`);
export const updateYear = (year: number, version: number, adjustments: YearAdjustments) =>
  api.put<CalendarYear>(`/api/calendar/years/${year}`, { version, adjustments });
export const addWorkingDays = (from: string, n: number) =>
  api.get<{ from: string; n: number; date: string }>('/api/calendar/add-working-days', {
    query: { from, n },
  });

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
