/**
 * Grades of the PAR Index (xếp loại). Pure.
 *
 * The Ministry's index (QĐ 876/QĐ-BNV) ranks but does not grade; the provinces grade their departments and
 * communes in their own sets, each its own way (domain notes §4): "Tốt / Khá / Trung bình / Yếu" or letters
 * "A (≥ 90%) / B (80–90%) / C (70–80%)". So the bands are data: every framework version stores its own
 * (`par_frameworks.grade_bands`, highest first, checked by ./framework.ts `checkGradeBands`). The two sets here are
 * **defaults the province edits**, not law:
 * - `DEFAULT_GRADE_BANDS`: Tốt (Good) ≥ 90%, Khá (Fair) ≥ 80%, Trung bình (Average) ≥ 70%, Yếu (Weak) below;
 * - `LETTER_GRADE_BANDS`: A ≥ 90%, B ≥ 80%, C ≥ 70%, D below.
 *
 * **Rounding before grading**: a unit is graded on the index as published, two decimals (./numbers.ts `round2`).
 * 89.995% is published as "90,00%" and so earns Tốt; 89.994% is "89,99%" and earns Khá. Grading the unrounded
 * value would print "90,00% — Khá", which no officer could explain.
 */
import type { GradeBand } from './framework-types.js';
import { round2 } from './numbers.js';

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { code: 'good', name: { vi: 'Tốt', en: 'Good' }, minPercent: 90 },
  { code: 'fair', name: { vi: 'Khá', en: 'Fair' }, minPercent: 80 },
  { code: 'average', name: { vi: 'Trung bình', en: 'Average' }, minPercent: 70 },
  { code: 'weak', name: { vi: 'Yếu', en: 'Weak' }, minPercent: 0 },
];

export const LETTER_GRADE_BANDS: readonly GradeBand[] = [
  { code: 'A', name: { vi: 'A', en: 'A' }, minPercent: 90 },
  { code: 'B', name: { vi: 'B', en: 'B' }, minPercent: 80 },
  { code: 'C', name: { vi: 'C', en: 'C' }, minPercent: 70 },
  { code: 'D', name: { vi: 'D', en: 'D' }, minPercent: 0 },
];

/**
 * The grade of an index (%): the band with the highest threshold the index, rounded to two decimals, reaches.
 * The bands' order does not matter here (they are kept highest first). Null when no band is reached (a negative
 * or non-finite index, or bands whose lowest threshold is above 0 — which the check refuses).
 */
export function gradeFor(percent: number, bands: readonly GradeBand[]): GradeBand | null {
  if (!Number.isFinite(percent)) return null;
  const published = round2(percent);
  let best: GradeBand | null = null;
  for (const band of bands)
    if (published >= band.minPercent && (best === null || band.minPercent > best.minPercent)) best = band;
  return best;
}
