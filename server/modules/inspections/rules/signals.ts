/**
 * Data signals that propose a surprise inspection (kiểm tra đột xuất), from figures other modules already
 * compute, against the rules' thresholds (./inspection-rules.ts). Pure. Every signal says its figure and its
 * threshold, so the officer sees why it is proposed; none decides anything by itself.
 *
 * - dossiers handled on time (../../dossiers indicators: on time = to process − late) below the threshold,
 *   out of at least the rules' minimum of dossiers to process, in the year to date;
 * - a unit's tasks in the committee's plan of the last ended year completed below the threshold at the year's
 *   end (../../plans KPIs by lead unit: verified / owed);
 * - at least the threshold of the unit's recommendations overdue (still owed — not reported done nor verified —
 *   and due before today, as the work engine counts them).
 *
 * A signal's key names its kind, unit and year: an inspection created from it keeps the key in its source
 * reference, and the same signal is not proposed again.
 */
import type { InspectionSignalThresholds } from './inspection-rules.js';

export const SIGNAL_KINDS = ['dossiers_on_time', 'plan_completion', 'overdue_recommendations'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type DossierFigure = { unitId: string; onTime: number; toProcess: number };
export type PlanFigure = { unitId: string; completed: number; owed: number };
export type RecommendationFigure = { unitId: string; overdue: number };

export type Signal = {
  key: string;
  kind: SignalKind;
  unitId: string;
  /** The figure: a share (0–1) for dossiers and plans, a count for recommendations. */
  figure: number;
  threshold: number;
  /** What the share is made of (null for a count). */
  numerator: number | null;
  denominator: number | null;
  /** The year the figure is of. */
  year: number;
};

export const signalKey = (kind: SignalKind, unitId: string, year: number) => `${kind}:${unitId}:${year}`;

/** The signals the figures raise, weakest first within each kind (lowest share, most overdue). */
export function signalsFrom(
  figures: {
    dossiers: { year: number; units: readonly DossierFigure[] } | null;
    plans: { year: number; units: readonly PlanFigure[] } | null;
    recommendations: { year: number; units: readonly RecommendationFigure[] } | null;
  },
  t: InspectionSignalThresholds,
): Signal[] {
  const out: Signal[] = [];
  if (figures.dossiers) {
    const year = figures.dossiers.year;
    const found = figures.dossiers.units
      .filter((u) => u.toProcess >= t.dossiersMinimum && u.toProcess > 0)
      .map((u) => ({ u, share: u.onTime / u.toProcess }))
      .filter(({ share }) => share < t.dossiersOnTimeBelow)
      .sort((a, b) => a.share - b.share);
    for (const { u, share } of found)
      out.push({
        key: signalKey('dossiers_on_time', u.unitId, year),
        kind: 'dossiers_on_time',
        unitId: u.unitId,
        figure: share,
        threshold: t.dossiersOnTimeBelow,
        numerator: u.onTime,
        denominator: u.toProcess,
        year,
      });
  }
  if (figures.plans) {
    const year = figures.plans.year;
    const found = figures.plans.units
      .filter((u) => u.owed > 0)
      .map((u) => ({ u, share: u.completed / u.owed }))
      .filter(({ share }) => share < t.planCompletionBelow)
      .sort((a, b) => a.share - b.share);
    for (const { u, share } of found)
      out.push({
        key: signalKey('plan_completion', u.unitId, year),
        kind: 'plan_completion',
        unitId: u.unitId,
        figure: share,
        threshold: t.planCompletionBelow,
        numerator: u.completed,
        denominator: u.owed,
        year,
      });
  }
  if (figures.recommendations) {
    const year = figures.recommendations.year;
    const found = figures.recommendations.units
      .filter((u) => u.overdue >= t.overdueRecommendationsAtLeast)
      .sort((a, b) => b.overdue - a.overdue);
    for (const u of found)
      out.push({
        key: signalKey('overdue_recommendations', u.unitId, year),
        kind: 'overdue_recommendations',
        unitId: u.unitId,
        figure: u.overdue,
        threshold: t.overdueRecommendationsAtLeast,
        numerator: null,
        denominator: null,
        year,
      });
  }
  return out;
}

/** The source reference an inspection created from a signal keeps: its key, then its figure and threshold. */
export function signalRef(s: Signal): string {
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4));
  return `${s.key} ${fmt(s.figure)}/${fmt(s.threshold)}`;
}

/** The key of a signal named in a source reference (null when it is not one). */
export function keyOfRef(ref: string | null): string | null {
  if (!ref) return null;
  const key = ref.split(' ')[0]!;
  return SIGNAL_KINDS.some((k) => key.startsWith(`${k}:`)) ? key : null;
}
