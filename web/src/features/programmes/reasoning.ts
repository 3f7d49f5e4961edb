/**
 * The sentence that says why a target's year has its status ("Đạt 82,4% so với mốc 80% năm 2025"), from the server's
 * judgement (value, milestone, margin, tolerance — server/modules/programmes/progress-rules.ts) and the reader's
 * language; values in the target's unit, Vietnamese number style.
 */
import type { TFunction } from 'i18next';
import { formatNumber } from '../../lib/format';
import type { Measure, Target, TargetYear } from './api';

/** A value in the target's unit: 82,4% · 87,91 điểm · hạng 12 · 3 ngày. */
export function formatMeasure(t: TFunction, value: number | null | undefined, measure: Measure): string {
  if (value === null || value === undefined) return '—';
  return t(`programmes.measureValue.${measure}`, { value: formatNumber(value, 2) });
}

/** The parameters of a year's reasoning sentence. */
export function reasonParams(t: TFunction, target: Pick<Target, 'measure'>, y: TargetYear) {
  const f = (v: number | null) => formatMeasure(t, v, target.measure);
  return {
    year: y.year,
    value: f(y.value),
    milestone: f(y.milestone),
    gap: y.margin === null ? '' : f(Math.abs(y.margin)),
    tolerance: y.tolerance === null ? '' : f(y.tolerance),
  };
}

/** Why a year has its status, and where its value came from. */
export function reasoning(t: TFunction, target: Pick<Target, 'measure'>, y: TargetYear): string {
  const sentence = t(`programmes.reason.${y.status}`, reasonParams(t, target, y));
  const source = y.source ? t(`programmes.source.${y.source}`) : '';
  return source ? `${sentence} (${source})` : sentence;
}
