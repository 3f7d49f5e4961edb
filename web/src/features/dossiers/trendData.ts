import type { Trend } from './dashboardApi';

/** One point of the trend chart: the month (MM/YYYY) and each rate in percent, or null for a gap. */
export type TrendPoint = {
  month: string;
  onTimeRate: number | null;
  onlineRate: number | null;
  digitisationRate: number | null;
};

const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10000) / 100);

/**
 * The chart's points, month by month. A month without dossiers (nothing to process, nothing received)
 * has no value at all, nor a month that has not begun (its stock day, today at the latest, is before its
 * first day), and a rate whose denominator is 0 has none either: the chart leaves a gap there instead of
 * drawing 0% or a line across it.
 */
export function trendPoints(trend: Pick<Trend, 'months'>): TrendPoint[] {
  return trend.months.map((m) => {
    const empty = m.stockDay < m.from || (m.indicators.toProcess === 0 && m.totals.received === 0);
    return {
      month: `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`,
      onTimeRate: empty ? null : pct(m.indicators.onTimeRate.value),
      onlineRate: empty ? null : pct(m.indicators.onlineRate.value),
      digitisationRate: empty ? null : pct(m.indicators.digitisationRate.value),
    };
  });
}

/** True when no month of the period has any dossier. */
export const trendIsEmpty = (points: readonly TrendPoint[]) =>
  points.every((p) => p.onTimeRate === null && p.onlineRate === null && p.digitisationRate === null);
