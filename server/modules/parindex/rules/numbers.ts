/**
 * Numbers of the PAR Index as people read them. Pure.
 *
 * - **One rounding** (`round2`): two decimals, half away from zero, decided on the decimal digits people see —
 *   the published index is "88,81%", so 88.805 must give 88.81 although the double nearest to 88.805 is a hair
 *   below it, and a sum that picked up floating-point noise (89.99499999999999 for 89.995) must round like the
 *   number it stands for. The value is first read to 15 significant digits (what a double holds exactly), then
 *   rounded. Every output of the rules goes through it; grades and ranks are decided on the rounded value
 *   (./grades.ts, ./ranking.ts) so that what is shown and what is decided never disagree.
 * - **Vietnamese format** (the users' own, as in the province's decisions): comma decimals, dot thousands —
 *   "1,5", "1.234,25", "80,00%". English: "1.5", "1,234.25", "80.00%". Points show at most two decimals with
 *   trailing zeros dropped ("1,5", "2"); percentages always two ("80,00%").
 */
import { round2 } from '../../../core/round.js';
import type { Text } from './framework-types.js';

export type Locale = 'vi' | 'en';

/** The one rounding (its reasons above): server/core/round.ts. */
export { round2 };

/** Equal up to floating-point noise (sums of points: 0.1 + 0.2 = 0.3); the framework's own tolerance is separate. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** At most two decimals (1.25 yes; 1.125 no), up to floating-point noise. */
export function hasAtMost2Decimals(value: number): boolean {
  return Number.isFinite(value) && nearlyEqual(round2(value), value);
}

/** `value` is a whole number of `step`s (1.5 of 0.25: yes; 1.6: no), up to floating-point noise. */
export function isMultipleOf(value: number, step: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(step) || step <= 0) return false;
  const q = value / step;
  return Math.abs(q - Math.round(q)) <= 1e-9 * Math.max(1, Math.abs(q));
}

/**
 * The largest multiple of `step` not above `value` (1.6 by 0.25 → 1.5): computed points are never rounded up to
 * a value the data did not earn. A value a hair below a multiple through floating-point noise counts as it.
 */
export function snapDown(value: number, step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return value;
  const k = Math.floor(value / step + 1e-9);
  // k × step may carry noise (3 × 0.1 = 0.30000000000000004): clean it to nine decimals.
  const snapped = Math.round(k * step * 1e9) / 1e9;
  return snapped === 0 ? 0 : snapped;
}

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function format(value: number, locale: Locale, fixed: boolean): string {
  const r = round2(value);
  let text = Math.abs(r).toFixed(2);
  if (!fixed) text = text.replace(/\.?0+$/, '');
  const [int = '0', dec] = text.split('.');
  const sign = r < 0 ? '-' : '';
  const [thousands, decimal] = locale === 'vi' ? ['.', ','] : [',', '.'];
  return `${sign}${group(int, thousands)}${dec ? `${decimal}${dec}` : ''}`;
}

/** Points and counts: at most two decimals, trailing zeros dropped — vi "1,5", "1.234"; en "1.5", "1,234". */
export function formatNumber(value: number, locale: Locale): string {
  return format(value, locale, false);
}

/** A percentage with two decimals: vi "80,00%", en "80.00%". */
export function formatPercent(value: number, locale: Locale): string {
  return `${format(value, locale, true)}%`;
}

/** Both languages of a number at once, for bilingual messages. */
export function bothNumbers(value: number): Text {
  return { vi: formatNumber(value, 'vi'), en: formatNumber(value, 'en') };
}
