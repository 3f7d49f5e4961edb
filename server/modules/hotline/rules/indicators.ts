/**
 * Feedback indicators of Quyết định 766/QĐ-TTg (23/6/2022; domain notes §5), every number traceable to the
 * cases it counts. Pure: the service loads the cases, these rules count them.
 *
 * The two formulas, as domain notes §5 confirm them:
 * - onTimeRate = handled on time / handled within authority;
 * - satisfaction = (handled − not satisfied or late) / handled; a case both late and rated not satisfied is
 *   taken away once.
 *
 * Counting rules (chidao's reading where QĐ 766 is silent):
 * - Within authority: classified `within_authority` or `behaviour` — the receiver answers both itself on
 *   the answer clock (./sla.ts); `not_accepted` and `outside_authority` (forwarded) are not counted in the
 *   rates [? QĐ 766 does not say whether feedback about behaviour counts].
 * - Handled: answered. A case belongs to the period its answer is dated in (`answeredOn` from … to,
 *   inclusive), so a period's rates do not move when older cases are answered later.
 * - On time: answered on or before the due date, as `timing` counts it (a due date on a day off moves to
 *   the next working day; an answer on a day off counts on the next working day). Late is the rest.
 * - Rated: the citizen's rating of the answer, counted in the period of the answer it rates.
 * - Cases still open are not in the rates (they are not handled); `summarise` lists those overdue at the end
 *   of the period, so a late backlog is seen, not hidden.
 * A rate is null when nothing was handled (no denominator): "no data", never 0% or 100%.
 */
import type { Calendar, IsoDate } from '../../calendar/index.js';
import { timing, type Classification, type HotlineSlaRules } from './sla.js';

/** What the indicators need to know about a case. */
export type FeedbackFact = {
  id: string;
  /** Null while not yet classified. */
  classification: Classification | null;
  receivedOn: IsoDate;
  /** The date of the answer (or of the forwarding, or of the refusal); null while open. */
  answeredOn: IsoDate | null;
  /**
   * The deadline the case is held to (./sla.ts): the triage deadline while unclassified, then the answer's
   * (the forwarding's, for a case outside authority).
   */
  dueDate: IsoDate;
  /** The citizen's rating of the answer; null when not rated. */
  rating: 'satisfied' | 'not_satisfied' | null;
};

export type Period = { from: IsoDate; to: IsoDate };

/** A count with the cases it counts. */
export type Count = { value: number; ids: string[] };

/** A rate 0–1 with the cases of its numerator and denominator; `value` null when the denominator is 0. */
export type TracedRatio = {
  numerator: number;
  denominator: number;
  value: number | null;
  numeratorIds: string[];
  denominatorIds: string[];
};

export type IndicatorContext = { rules: HotlineSlaRules; calendar: Calendar };

export const IN_AUTHORITY: readonly Classification[] = ['within_authority', 'behaviour'];

const count = (facts: readonly FeedbackFact[]): Count => ({
  value: facts.length,
  ids: facts.map((f) => f.id),
});

const traced = (numerator: readonly FeedbackFact[], denominator: readonly FeedbackFact[]): TracedRatio => ({
  numerator: numerator.length,
  denominator: denominator.length,
  value: denominator.length > 0 ? numerator.length / denominator.length : null,
  numeratorIds: numerator.map((f) => f.id),
  denominatorIds: denominator.map((f) => f.id),
});

const within = (date: IsoDate | null, period: Period): date is IsoDate =>
  date !== null && date >= period.from && date <= period.to;

function checkPeriod(period: Period): void {
  if (!(period.from <= period.to))
    throw new RangeError(`The period ends (${period.to}) before it starts (${period.from})`);
}

/** The cases within authority answered in the period (the denominator of both rates). */
function handledInAuthority(facts: readonly FeedbackFact[], period: Period): FeedbackFact[] {
  return facts.filter(
    (f) =>
      f.classification !== null && IN_AUTHORITY.includes(f.classification) && within(f.answeredOn, period),
  );
}

function answeredOnTime(fact: FeedbackFact, context: IndicatorContext): boolean {
  const answered = fact.answeredOn as IsoDate;
  const t = timing(
    { dueDate: fact.dueDate, closedOn: answered, today: answered },
    context.rules,
    context.calendar,
  );
  return t.state === 'closed_on_time';
}

/** Handled on time / handled within authority, for the answers dated in `period` (QĐ 766). */
export function onTimeRate(
  facts: readonly FeedbackFact[],
  period: Period,
  context: IndicatorContext,
): TracedRatio {
  checkPeriod(period);
  const handled = handledInAuthority(facts, period);
  return traced(
    handled.filter((f) => answeredOnTime(f, context)),
    handled,
  );
}

/** (Handled − rated not satisfied or late) / handled, for the answers dated in `period` (QĐ 766). */
export function satisfaction(
  facts: readonly FeedbackFact[],
  period: Period,
  context: IndicatorContext,
): TracedRatio {
  checkPeriod(period);
  const handled = handledInAuthority(facts, period);
  return traced(
    handled.filter((f) => f.rating !== 'not_satisfied' && answeredOnTime(f, context)),
    handled,
  );
}

export type FeedbackSummary = {
  /** Received in the period (any classification). */
  received: Count;
  /** Answered, forwarded or refused in the period (any classification). */
  handled: Count;
  /** Of the cases within authority answered in the period: on or before the due date. */
  onTime: Count;
  /** Of the cases within authority answered in the period: after the due date. */
  late: Count;
  /** Open at the end of the period (or today, if earlier) and past their due date then. */
  overdue: Count;
  /** Of the cases within authority answered in the period: rated satisfied / not satisfied. */
  satisfied: Count;
  notSatisfied: Count;
  onTimeRate: TracedRatio;
  satisfaction: TracedRatio;
};

function summary(
  facts: readonly FeedbackFact[],
  period: Period,
  today: IsoDate,
  context: IndicatorContext,
): FeedbackSummary {
  const rate = onTimeRate(facts, period, context);
  const onTime = new Set(rate.numeratorIds);
  const handled = handledInAuthority(facts, period);
  const asOf = today < period.to ? today : period.to;
  const openOverdue = (f: FeedbackFact) =>
    f.receivedOn <= asOf &&
    (f.answeredOn === null || f.answeredOn > asOf) &&
    timing({ dueDate: f.dueDate, closedOn: null, today: asOf }, context.rules, context.calendar).state ===
      'overdue';
  return {
    received: count(facts.filter((f) => within(f.receivedOn, period))),
    handled: count(facts.filter((f) => within(f.answeredOn, period))),
    onTime: { value: rate.numerator, ids: rate.numeratorIds },
    late: count(handled.filter((f) => !onTime.has(f.id))),
    overdue: count(facts.filter(openOverdue)),
    satisfied: count(handled.filter((f) => f.rating === 'satisfied')),
    notSatisfied: count(handled.filter((f) => f.rating === 'not_satisfied')),
    onTimeRate: rate,
    satisfaction: satisfaction(facts, period, context),
  };
}

/**
 * The period's figures (see `FeedbackSummary`), overall and per group when `groupBy` is given (a unit, a
 * category, a channel…; cases whose key is null are in the total only). Groups are sorted by key.
 */
export function summarise<F extends FeedbackFact>(
  facts: readonly F[],
  period: Period,
  options: IndicatorContext & { today: IsoDate; groupBy?: (fact: F) => string | null },
): { total: FeedbackSummary; groups: { key: string; summary: FeedbackSummary }[] } {
  checkPeriod(period);
  const total = summary(facts, period, options.today, options);
  if (!options.groupBy) return { total, groups: [] };
  const byKey = new Map<string, F[]>();
  for (const f of facts) {
    const key = options.groupBy(f);
    if (key === null) continue;
    const group = byKey.get(key);
    if (group) group.push(f);
    else byKey.set(key, [f]);
  }
  const groups = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key, summary: summary(group, period, options.today, options) }));
  return { total, groups };
}
