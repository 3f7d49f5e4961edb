/**
 * How a province figure reads wherever it is shown (the overview, the landing page's summary): its value in its unit
 * (55,4% · 12 · 87,91), its signed change, and the colour of a change by whether it is good for that figure.
 */
import { formatNumber } from '../lib/format';

export type FigureUnit = 'percent' | 'count' | 'points';

/** A value in the figure's unit, or null when there is none. */
export function formatFigureValue(unit: FigureUnit, value: number | null): string | null {
  if (value === null) return null;
  if (unit === 'percent') return `${formatNumber(value, 1)}%`;
  if (unit === 'points') return formatNumber(value, 2);
  return formatNumber(value, 0);
}

/** A change in the figure's unit, signed: +2,5 (points of a rate), −3. */
export function formatFigureChange(unit: FigureUnit, change: number): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(change), unit === 'count' ? 0 : unit === 'percent' ? 1 : 2)}`;
}

/** The colour of a change: good, bad or neither for this figure (contrast ≥ 4,5:1 on white). */
export const VERDICT_COLOR = { good: 'teal.9', bad: 'red.9', neutral: 'gray.7' } as const;
