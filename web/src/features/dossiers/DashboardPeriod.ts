/**
 * The dashboard's reporting periods — pure: a month, a quarter, the first 6 or 9 months, or the year,
 * as the API's `from`/`to` dates; or, on request, the data window the periods module gives that report
 * (Nghị định 09/2019/NĐ-CP Điều 12: from the previous period's cut-off, e.g. 15/12 → 14/12 for a year).
 */
import type { PeriodOut } from '../../../../server/modules/periods/periods.schemas';

export const PERIOD_KINDS = ['month', 'quarter', 'h1', 'm9', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** `index`: the month (1–12) or the quarter (1–4); ignored for the other kinds. */
export type Period = { kind: PeriodKind; year: number; index: number };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodRange(p: Period): { from: string; to: string } {
  const months = (first: number, last: number) => ({
    from: `${p.year}-${pad(first)}-01`,
    to: `${p.year}-${pad(last)}-${pad(lastDay(p.year, last))}`,
  });
  switch (p.kind) {
    case 'month':
      return months(p.index, p.index);
    case 'quarter':
      return months(p.index * 3 - 2, p.index * 3);
    case 'h1':
      return months(1, 6);
    case 'm9':
      return months(1, 9);
    case 'year':
      return months(1, 12);
  }
}

/** A sensible index when the kind changes: the month or quarter of `today` in that year, else the first. */
export function defaultIndex(kind: PeriodKind, year: number, today: Date = new Date()): number {
  const sameYear = today.getFullYear() === year;
  if (kind === 'month') return sameYear ? today.getMonth() + 1 : 1;
  if (kind === 'quarter') return sameYear ? Math.floor(today.getMonth() / 3) + 1 : 1;
  return 1;
}

/** The period type of the periods module (`/api/periods?type=`) for each kind. */
export const REPORT_TYPE: Record<PeriodKind, 'month' | 'quarter' | 'half' | 'nine_months' | 'year'> = {
  month: 'month',
  quarter: 'quarter',
  h1: 'half',
  m9: 'nine_months',
  year: 'year',
};

/** What the dashboard reads of a reporting period (periods module, `/api/periods`). */
export type ReportingPeriod = Pick<PeriodOut, 'span' | 'window' | 'windowLabel'>;

/** The reporting period whose calendar span is this period, if the periods module gives one. */
export function reportingPeriodOf(p: Period, periods: readonly ReportingPeriod[]): ReportingPeriod | null {
  const { from, to } = periodRange(p);
  return periods.find((r) => r.span.from === from && r.span.to === to) ?? null;
}
