/**
 * The statistics page's periods — pure: a month, a quarter, a year, or two dates, as the API's `from`/`to`;
 * the numbers and rates as the page writes them (1.234,5; 33,3%).
 */
import { formatNumber, isoDate } from '../../../lib/format';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** `index`: the month (1–12) or quarter (1–4) of `year`; `from`/`to`: the custom dates (YYYY-MM-DD or null). */
export type StatsPeriod = {
  kind: PeriodKind;
  year: number;
  index: number;
  from: string | null;
  to: string | null;
};

/** The longest period the server answers at once (its `MAX_PERIOD_DAYS`). */
export const MAX_PERIOD_DAYS = 3660;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** This year, as the page opens. */
export function defaultPeriod(today: Date = new Date()): StatsPeriod {
  return { kind: 'year', year: today.getFullYear(), index: 1, from: null, to: null };
}

/** The month or quarter of `today` when the year is this one, else the first. */
export function defaultIndex(kind: PeriodKind, year: number, today: Date = new Date()): number {
  const sameYear = today.getFullYear() === year;
  if (kind === 'month') return sameYear ? today.getMonth() + 1 : 1;
  if (kind === 'quarter') return sameYear ? Math.floor(today.getMonth() / 3) + 1 : 1;
  return 1;
}

/** The dates of a period; null for a custom one not (yet) valid: both dates, in order, not too long. */
export function periodRange(p: StatsPeriod): { from: string; to: string } | null {
  const months = (first: number, last: number) => ({
    from: `${p.year}-${pad(first)}-01`,
    to: `${p.year}-${pad(last)}-${pad(lastDay(p.year, last))}`,
  });
  switch (p.kind) {
    case 'month':
      return months(p.index, p.index);
    case 'quarter':
      return months(p.index * 3 - 2, p.index * 3);
    case 'year':
      return months(1, 12);
    case 'custom':
      if (!p.from || !p.to || p.to < p.from || dayNumber(p.to) - dayNumber(p.from) > MAX_PERIOD_DAYS)
        return null;
      return { from: p.from, to: p.to };
  }
}

/** Another kind of period: a month or quarter of the same year; two dates starting as the current range. */
export function withKind(p: StatsPeriod, kind: PeriodKind, today: Date = new Date()): StatsPeriod {
  if (kind === 'custom') {
    const range = periodRange(p) ?? periodRange(defaultPeriod(today))!;
    return { ...p, kind, from: p.from ?? range.from, to: p.to ?? range.to };
  }
  return { ...p, kind, index: defaultIndex(kind, p.year, today) };
}

/** A rate 0–1 as a percentage with one decimal ("33,3%"); "—" when there is no data. */
export function formatRate(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${formatNumber(Math.round(value * 1000) / 10, 1)}%`;
}

/** Today as the API's date (the as-of field's upper bound). */
export const todayIso = (today: Date = new Date()) => isoDate(today);
