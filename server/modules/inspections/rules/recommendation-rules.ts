/**
 * The recommendations of an inspection's conclusion (kiến nghị trong thông báo kết luận kiểm tra) as owed work of
 * the unit responsible (work kind `inspection_recommendation`, ../recommendation.work-kind.ts), in the task
 * vocabulary of the work engine. Pure: no I/O, no clock.
 *
 * | action          | from                               | to            | who                                   |
 * | --------------- | ---------------------------------- | ------------- | ------------------------------------- |
 * | start           | not_started                        | in_progress   | the unit responsible                  |
 * | report_done     | not_started, in_progress, returned | reported_done | the unit, with the remediation and ≥ 1 evidence file |
 * | withdraw_report | reported_done                      | in_progress   | the unit                              |
 * | verify          | reported_done                      | verified      | the inspection's team, or the office  |
 * | return          | reported_done                      | returned      | the team or the office, with a reason |
 * | extend          | not_started, in_progress, returned | (unchanged)   | the team's head or the office, with a reason and a later due date |
 *
 * - "The unit responsible" is a focal point or leader over the recommendation's unit (the inspected unit or one
 *   of its sub-units); "the office" is the standing agency over the province (admin, standing officer).
 * - A recommendation is never verified without a remediation report: `verify` and `return` need one waiting
 *   (`reported_done`). Verified is final (closed).
 * - Overdue is derived from the due date with the working-day calendar (../../tasks `taskTiming`), never stored.
 *
 * The checks run in the order status → who → inputs; the first failure is the answer: a status refusal is a
 * 409, a refusal of who acts a 403, a missing input a 400.
 *
 * Also here: the checks of a conclusion's draft before it is issued and the numbering of its recommendations (the
 * default due date is ./inspection-rules.ts `recommendationDueDate`).
 */
import type { IsoDate } from '../../calendar/index.js';

export const RECOMMENDATION_STATUSES = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
  'verified',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RECOMMENDATION_ACTIONS = [
  'start',
  'report_done',
  'withdraw_report',
  'verify',
  'return',
  'extend',
] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

/** The statuses in which the unit still owes the remediation (the deadline clock runs). */
export const OPEN_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'not_started',
  'in_progress',
  'returned',
];

/** The actions that put a recommendation in front of its reviewers, and theirs. */
export const REPORT_ACTIONS: readonly RecommendationAction[] = ['report_done'];
export const REVIEW_ACTIONS: readonly RecommendationAction[] = ['verify', 'return'];

export const isRecommendationStatus = (s: string): s is RecommendationStatus =>
  (RECOMMENDATION_STATUSES as readonly string[]).includes(s);
export const isRecommendationAction = (s: string): s is RecommendationAction =>
  (RECOMMENDATION_ACTIONS as readonly string[]).includes(s);

/** The caller's relation to one recommendation (computed by the caller from ../inspections.policy.ts). */
export type RecommendationActor = {
  /** A focal point or leader over the recommendation's unit. */
  unit?: boolean;
  /** On the inspection's team (head or member). */
  team?: boolean;
  /** The head of the inspection's team. */
  head?: boolean;
  /** The standing agency over the province (admin, standing officer). */
  office?: boolean;
};

export type RecommendationInput = {
  /** The remediation report's text (what was done). */
  output?: string | null;
  /** Evidence files cited by the report. */
  evidenceCount?: number | null;
  reason?: string | null;
  /** The current due date and, for `extend`, the new one. */
  dueDate?: IsoDate | null;
  newDueDate?: IsoDate | null;
};

export const RECOMMENDATION_RULE_KEYS = [
  'recommendations.rule.invalid_transition',
  'recommendations.rule.closed',
  'recommendations.rule.not_reported',
  'recommendations.rule.already_reported',
  'recommendations.rule.unit_only',
  'recommendations.rule.reviewer_only',
  'recommendations.rule.extend_only',
  'recommendations.rule.remediation_required',
  'recommendations.rule.evidence_required',
  'recommendations.rule.reason_required',
  'recommendations.rule.new_due_date_required',
  'recommendations.rule.new_due_date_not_later',
  'recommendations.rule.new_due_date_too_far',
] as const;
export type RecommendationRuleKey = (typeof RECOMMENDATION_RULE_KEYS)[number];

export type RecommendationResult =
  | { ok: true; next: RecommendationStatus }
  | { ok: false; reason: RecommendationRuleKey; status: 400 | 403 | 409 };

type Who = 'unit' | 'reviewer' | 'extender';
type Rule = { from: readonly RecommendationStatus[]; to: RecommendationStatus | 'same'; who: Who };

const RULES: Record<RecommendationAction, Rule> = {
  start: { from: ['not_started'], to: 'in_progress', who: 'unit' },
  // Straight from not_started too: a unit that remedied without pressing "start" need not.
  report_done: { from: ['not_started', 'in_progress', 'returned'], to: 'reported_done', who: 'unit' },
  withdraw_report: { from: ['reported_done'], to: 'in_progress', who: 'unit' },
  verify: { from: ['reported_done'], to: 'verified', who: 'reviewer' },
  return: { from: ['reported_done'], to: 'returned', who: 'reviewer' },
  // Not once reported: moving the deadline after the remediation was reported would rewrite its timeliness.
  extend: { from: ['not_started', 'in_progress', 'returned'], to: 'same', who: 'extender' },
};

const filled = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * No remediation deadline runs more than this many years past the conclusion (or past the deadline it extends):
 * a later date is a typing mistake (and beyond the working-day calendar's years).
 */
export const MAX_DEADLINE_YEARS = 5;

/** The same day `years` later (as text: a deadline bound, not arithmetic on the calendar). */
const yearsLater = (date: IsoDate, years: number): IsoDate =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

function statusProblem(
  current: RecommendationStatus,
  action: RecommendationAction,
): RecommendationRuleKey | null {
  if (RULES[action].from.includes(current)) return null;
  if (current === 'verified') return 'recommendations.rule.closed';
  if (action === 'verify' || action === 'return') return 'recommendations.rule.not_reported';
  if (current === 'reported_done') return 'recommendations.rule.already_reported';
  return 'recommendations.rule.invalid_transition';
}

function actorProblem(who: Who, a: RecommendationActor): RecommendationRuleKey | null {
  switch (who) {
    case 'unit':
      return a.unit ? null : 'recommendations.rule.unit_only';
    case 'reviewer':
      return a.team || a.office ? null : 'recommendations.rule.reviewer_only';
    case 'extender':
      return a.head || a.office ? null : 'recommendations.rule.extend_only';
  }
}

function inputProblem(action: RecommendationAction, i: RecommendationInput): RecommendationRuleKey | null {
  switch (action) {
    case 'report_done':
      if (!filled(i.output)) return 'recommendations.rule.remediation_required';
      return (i.evidenceCount ?? 0) >= 1 ? null : 'recommendations.rule.evidence_required';
    case 'return':
      return filled(i.reason) ? null : 'recommendations.rule.reason_required';
    case 'extend':
      if (!filled(i.reason)) return 'recommendations.rule.reason_required';
      if (!i.newDueDate || !ISO.test(i.newDueDate)) return 'recommendations.rule.new_due_date_required';
      if (i.dueDate && i.newDueDate <= i.dueDate) return 'recommendations.rule.new_due_date_not_later';
      return i.dueDate && i.newDueDate > yearsLater(i.dueDate, MAX_DEADLINE_YEARS)
        ? 'recommendations.rule.new_due_date_too_far'
        : null;
    default:
      return null;
  }
}

/**
 * Applies `action` to a recommendation in status `current`: the status allows it (409), the actor may take it
 * (403), the inputs are complete (400) — the first failure is returned as a message key with its status.
 */
export function recommendationTransition(
  current: RecommendationStatus,
  action: RecommendationAction,
  actor: RecommendationActor,
  input: RecommendationInput = {},
): RecommendationResult {
  const rule = RULES[action];
  const status = statusProblem(current, action);
  if (status) return { ok: false, reason: status, status: 409 };
  const who = actorProblem(rule.who, actor);
  if (who) return { ok: false, reason: who, status: 403 };
  const missing = inputProblem(action, input);
  if (missing) return { ok: false, reason: missing, status: 400 };
  return { ok: true, next: rule.to === 'same' ? current : rule.to };
}

/** The actions the actor may take now, in `RECOMMENDATION_ACTIONS` order (inputs are not checked: the form asks). */
export function allowedRecommendationActions(
  current: RecommendationStatus,
  actor: RecommendationActor,
): RecommendationAction[] {
  return RECOMMENDATION_ACTIONS.filter(
    (a) => statusProblem(current, a) === null && actorProblem(RULES[a].who, actor) === null,
  );
}

/** Who acts next once a recommendation is in `status`, in plain words; null once it is closed. */
export function recommendationNextActor(
  status: RecommendationStatus,
  unitName: string,
): { vi: string; en: string } | null {
  switch (status) {
    case 'not_started':
    case 'in_progress':
      return {
        vi: `${unitName} khắc phục và báo cáo kết quả khắc phục kèm minh chứng.`,
        en: `${unitName} remedies it and reports the remediation with evidence.`,
      };
    case 'returned':
      return {
        vi: `${unitName} khắc phục theo ý kiến trả lại và báo cáo lại.`,
        en: `${unitName} completes the remediation as asked and reports again.`,
      };
    case 'reported_done':
      return {
        vi: 'Đoàn kiểm tra hoặc cơ quan thường trực (Sở Nội vụ) xem xét, xác nhận hoặc trả lại.',
        en: 'The inspection team or the standing agency reviews it, then verifies or returns it.',
      };
    case 'verified':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// The conclusion's draft

/**
 * Who issues the conclusion notice: the inspection team ("…/TB-ĐKT"), the standing agency the head of the team
 * comes from (e.g. Sở Nội vụ: "…/TB-SNV") or the People's Committee of the province ("…/TB-UBND").
 */
export const CONCLUSION_ISSUERS = ['team', 'standing_agency', 'province'] as const;
export type ConclusionIssuer = (typeof CONCLUSION_ISSUERS)[number];

/** One numbered recommendation as the head drafts it (due date null: the rules' default). */
export type DraftRecommendation = {
  text: string;
  unitId: string;
  dueDate: IsoDate | null;
  findingIds: readonly string[];
};

export const CONCLUSION_RULE_KEYS = [
  'recommendations.conclusion.summary_required',
  'recommendations.conclusion.text_required',
  'recommendations.conclusion.unit_not_allowed',
  'recommendations.conclusion.due_before_conclusion',
  'recommendations.conclusion.due_too_far',
  'recommendations.conclusion.finding_unknown',
] as const;
export type ConclusionRuleKey = (typeof CONCLUSION_RULE_KEYS)[number];

export type ConclusionProblem = { field: string; key: ConclusionRuleKey };

/**
 * What stops a conclusion from being issued on `concludedOn`: an empty summary, a recommendation without text,
 * one given to a unit that is neither the inspected unit nor one of its sub-units (`allowedUnitIds`), a due date
 * before the conclusion date (or more than five years after it), a finding that is not the inspection's. Each problem names its field
 * (`recommendations.2.dueDate`); none: it may be issued.
 */
export function conclusionProblems(
  draft: { summary: string; recommendations: readonly DraftRecommendation[] },
  facts: { concludedOn: IsoDate; allowedUnitIds: ReadonlySet<string>; findingIds: ReadonlySet<string> },
): ConclusionProblem[] {
  const out: ConclusionProblem[] = [];
  if (!filled(draft.summary))
    out.push({ field: 'summary', key: 'recommendations.conclusion.summary_required' });
  draft.recommendations.forEach((r, i) => {
    const at = `recommendations.${i}`;
    if (!filled(r.text)) out.push({ field: `${at}.text`, key: 'recommendations.conclusion.text_required' });
    if (!facts.allowedUnitIds.has(r.unitId))
      out.push({ field: `${at}.unitId`, key: 'recommendations.conclusion.unit_not_allowed' });
    if (r.dueDate !== null && r.dueDate < facts.concludedOn)
      out.push({ field: `${at}.dueDate`, key: 'recommendations.conclusion.due_before_conclusion' });
    else if (r.dueDate !== null && r.dueDate > yearsLater(facts.concludedOn, MAX_DEADLINE_YEARS))
      out.push({ field: `${at}.dueDate`, key: 'recommendations.conclusion.due_too_far' });
    if (r.findingIds.some((f) => !facts.findingIds.has(f)))
      out.push({ field: `${at}.findingIds`, key: 'recommendations.conclusion.finding_unknown' });
  });
  return out;
}

/** The recommendations as they will be issued: numbered 1, 2, 3 … in the draft's order, each with its due date. */
export function numberRecommendations(
  draft: readonly DraftRecommendation[],
  defaultDue: IsoDate,
): (Omit<DraftRecommendation, 'dueDate'> & { number: number; dueDate: IsoDate })[] {
  return draft.map((r, i) => ({
    number: i + 1,
    text: r.text.trim(),
    unitId: r.unitId,
    dueDate: r.dueDate ?? defaultDue,
    findingIds: [...new Set(r.findingIds)],
  }));
}

// ---------------------------------------------------------------------------------------------------
// Overdue escalation

/**
 * The once-only key of an overdue recommendation's escalation to the standing agency and the committee member who
 * follows the unit: one per recommendation and overdue period — a period is the time it is overdue against one
 * due date, so an extension that is missed again is escalated again, and a pass that runs twice adds nothing.
 */
export const escalationKey = (recommendationId: string, dueDate: IsoDate): string =>
  `inspection_recommendation_overdue:${recommendationId}:${dueDate}`;
