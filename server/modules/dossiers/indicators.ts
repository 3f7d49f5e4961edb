/**
 * Dossier indicators from period totals — pure. Every rate carries its numerator and denominator so a
 * reader can see how it was derived; `value` is a fraction (0–1), null when the denominator is 0.
 *
 * Definitions (sources in README.md):
 * - to process (phải giải quyết) = received in the period + carried over − withdrawn in the period
 *   = resolved in the period + still processing at its end (Gia Lai statistics: "tổng số hồ sơ phải giải
 *   quyết = tiếp nhận trong kỳ + kỳ trước chuyển qua"; withdrawn dossiers leave the base [? chidao]).
 * - late rate = (overdue still processing + resolved late) / to process; on-time rate = 100% − late rate
 *   (Gia Lai statistics, as in the domain notes §5).
 * - resolved early or on time = (early + on time) / resolved (QĐ 766/QĐ-TTg group 2 [? exact criterion]).
 * - online rate = received online / received; online payment = paid online / dossiers with a fee;
 *   digitisation = digitised / received; e-result = electronic results / resolved (QĐ 766 groups 3–4,
 *   [? denominators as commonly published]).
 * - average processing time = working days taken (suspensions excluded) / resolved.
 * - satisfaction = (resolved − rated "not satisfied", complained or late) / resolved (QĐ 766/QĐ-TTg,
 *   confirmed formula for dossiers).
 */
import type { Qd766Criterion } from './qd766.js';
import type { PeriodTotals } from './rollup.js';

export type Ratio = { numerator: number; denominator: number; value: number | null };

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
});

export type Indicators = {
  toProcess: number;
  resolved: number;
  processing: number;
  late: number;
  lateRate: Ratio;
  onTimeRate: Ratio;
  resolvedEarlyOrOnTimeRate: Ratio;
  onlineRate: Ratio;
  onlinePaymentRate: Ratio;
  digitisationRate: Ratio;
  eResultRate: Ratio;
  /** Working days per resolved dossier. */
  averageProcessingDays: Ratio;
  satisfaction: Ratio;
};

export function computeIndicators(t: PeriodTotals): Indicators {
  const resolved = t.resolvedEarly + t.resolvedOnTime + t.resolvedLate;
  const processing = t.notYetDue + t.dueSoon + t.overdue + t.suspended;
  const toProcess = t.received + t.carriedOver - t.withdrawn;
  const late = t.overdue + t.resolvedLate;
  return {
    toProcess,
    resolved,
    processing,
    late,
    lateRate: ratio(late, toProcess),
    onTimeRate: ratio(toProcess - late, toProcess),
    resolvedEarlyOrOnTimeRate: ratio(t.resolvedEarly + t.resolvedOnTime, resolved),
    onlineRate: ratio(t.receivedOnline, t.received),
    onlinePaymentRate: ratio(t.paidOnline, t.feePayable),
    digitisationRate: ratio(t.digitised, t.received),
    eResultRate: ratio(t.eResult, resolved),
    averageProcessingDays: ratio(t.processingDaysSum, resolved),
    satisfaction: ratio(resolved - t.dissatisfied, resolved),
  };
}

/** The QĐ 766 criteria that dossiers feed (the others come from other modules). */
export function dossierCriteria(i: Indicators): Partial<Record<Qd766Criterion, number | null>> {
  return {
    dossiers_early_or_on_time: i.resolvedEarlyOrOnTimeRate.value,
    dossiers_on_time: i.onTimeRate.value,
    digitisation_rate: i.digitisationRate.value,
    e_result_rate: i.eResultRate.value,
    online_dossier_rate: i.onlineRate.value,
    online_payment_rate: i.onlinePaymentRate.value,
    dossier_satisfaction: i.satisfaction.value,
  };
}
