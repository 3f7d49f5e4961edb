/**
 * How the survey pages write figures: index values and their 95% intervals ("72,4 (68,1–76,5)"), progress against a
 * quota, a share of answers — always the Vietnamese way (1.234,5), as the app writes every figure. Pure, tested in
 * ./format.test.ts.
 */
import { formatNumber } from '../../../lib/format';

/** An index value (0–100) with one decimal: "72,4"; empty when there is none. */
export const formatIndex = (value: number | null | undefined) => formatNumber(value, 1);

/** A value and its interval: "72,4 (68,1–76,5)"; the value alone without an interval; "—" without a value. */
export function formatInterval(
  value: number | null | undefined,
  interval: { low: number; high: number } | null | undefined,
): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const v = formatIndex(value);
  if (!interval) return v;
  return `${v} (${formatIndex(interval.low)}–${formatIndex(interval.high)})`;
}

/** Responses against a quota as a percentage for a progress bar (0–100, capped), null without a quota. */
export function progressPercent(responses: number, quota: number | null | undefined): number | null {
  if (!quota || quota <= 0) return null;
  return Math.min(100, Math.max(0, (responses / quota) * 100));
}

/** "412/385 (107%)" — responses of a quota, with the share when there is a quota. */
export function quotaText(responses: number, quota: number | null | undefined): string {
  if (!quota) return formatNumber(responses);
  return `${formatNumber(responses)}/${formatNumber(quota)} (${formatNumber((responses / quota) * 100, 0)}%)`;
}

/** A share of answers: "12,5%" (one decimal), empty when there are none. */
export function sharePercent(count: number, total: number): string {
  if (!total) return '';
  return `${formatNumber((count / total) * 100, 1)}%`;
}

/** The margin of error typed as a percentage ("5" or "2,5") as the API's fraction (0.05); null when out of 1–20%. */
export function marginFromPercent(text: string | number): number | null {
  const n = typeof text === 'number' ? text : Number(String(text).replace(',', '.'));
  if (!Number.isFinite(n) || n < 1 || n > 20) return null;
  return Math.round(n * 100) / 10_000;
}

/** n = N / (1 + N·e²), rounded up: what the server's helper answers, shown while it is asked (N = 10.000 → 385). */
export function sampleSizeOf(population: number, margin: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.ceil(population / (1 + population * margin * margin) - 1e-9));
}
