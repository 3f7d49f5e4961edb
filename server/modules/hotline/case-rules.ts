/**
 * The workflow of a feedback case (issue 14) — pure, no I/O. Decree 20/2008/NĐ-CP (amended by 48/2013 and
 * 92/2017), art. 10–14: the receiving office triages every piece of feedback into one of four outcomes; Decision
 * 31/2021/QĐ-TTg, art. 8: the receiving body reviews the handling agency's answer, returns it if it does not
 * fit, then publishes it.
 *
 *   received ──triage──▶ not_accepted (closed: the reason is told)
 *      │                 forwarded    (closed: outside the province's authority, within 5 working days)
 *      │                 assigned     (behaviour of an official or agency / within authority → a unit)
 *      ▼
 *   assigned ──submit_answer──▶ answered ──approve──▶ published ──reopen (once, by the submitter)──▶ assigned
 *      ▲   │                       │
 *      │   └──refer_back──▶ received (not ours: the office triages again; the reason is kept)
 *      └───────return (with a reason)┘
 *
 * - The hotline officer (or the standing agency) of the province triages, transfers an assigned case to
 *   another unit with a reason (visible to the submitter), extends its deadline with a reason, reviews the
 *   answer (return / approve), merges a duplicate into another case, and escalates.
 * - The handling unit's focal point or leader drafts and submits the answer, or refers the case back.
 * - The submitter rates a published answer (satisfied / not satisfied) and may reopen it once with a reason.
 */
export const CASE_STATUSES = [
  'received',
  'not_accepted',
  'forwarded',
  'assigned',
  'answered',
  'published',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLASSIFICATIONS = [
  'not_accepted',
  'behaviour',
  'within_authority',
  'outside_authority',
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Actions taken through the work engine (the unit's and the reviewer's). */
export const ENGINE_ACTIONS = ['submit_answer', 'refer_back', 'return', 'approve', 'extend'] as const;
export type EngineAction = (typeof ENGINE_ACTIONS)[number];
/** Actions of the hotline's own pages (the officer's triage, transfer, merge; the submitter's rating). */
export const OFFICE_ACTIONS = ['triage', 'transfer', 'merge'] as const;
export type CaseAction = EngineAction | (typeof OFFICE_ACTIONS)[number] | 'reopen';

export const isCaseStatus = (s: string): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s);

/** Open: still owed by someone (the office or the unit); the rest are closed. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'assigned', 'answered'];
/** Owed by the handling unit (its queue, its reminders). */
export const UNIT_OWES: readonly CaseStatus[] = ['assigned'];
/** Closed with an outcome the submitter can read. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['not_accepted', 'forwarded', 'published', 'merged'];

export type CaseActor = {
  /** A hotline officer or the standing agency over the case's province, or an administrator. */
  office: boolean;
  /** The handling unit's PAR focal point or leader. */
  handler: boolean;
};

export type CaseRefusal =
  | 'hotline.rule.not_allowed_now'
  | 'hotline.rule.not_your_step'
  | 'hotline.rule.reason_required'
  | 'hotline.rule.answer_required'
  | 'hotline.rule.unit_required'
  | 'hotline.rule.forwarded_to_required'
  | 'hotline.rule.due_date_not_later'
  | 'hotline.rule.same_unit'
  | 'hotline.rule.reopened_already'
  | 'hotline.rule.not_rated_yet';

export type CaseTransition =
  { ok: true; next: CaseStatus } | { ok: false; reason: CaseRefusal; status: 400 | 403 | 409 };

export type CaseInputs = {
  reason?: string | null | undefined;
  answer?: string | null | undefined;
  classification?: Classification | undefined;
  handlingUnitId?: string | null | undefined;
  currentHandlingUnitId?: string | null | undefined;
  forwardedTo?: string | null | undefined;
  dueDate?: string | null | undefined;
  newDueDate?: string | null | undefined;
  reopenCount?: number | undefined;
};

const has = (s: string | null | undefined) => !!s && s.trim().length > 0;

/** Where triage sends a case (Decree 20, art. 10–13). */
export function triageOutcome(c: Classification): CaseStatus {
  if (c === 'not_accepted') return 'not_accepted';
  if (c === 'outside_authority') return 'forwarded';
  return 'assigned';
}

/** May `action` happen now, by this person, and into which status. */
export function caseTransition(
  status: CaseStatus,
  action: CaseAction,
  who: CaseActor,
  input: CaseInputs = {},
): CaseTransition {
  const refuse = (reason: CaseRefusal, code: 400 | 403 | 409): CaseTransition => ({
    ok: false,
    reason,
    status: code,
  });
  const to = (next: CaseStatus): CaseTransition => ({ ok: true, next });
  switch (action) {
    case 'triage': {
      if (status !== 'received') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.office) return refuse('hotline.rule.not_your_step', 403);
      const c = input.classification;
      if (!c) return refuse('hotline.rule.not_allowed_now', 400);
      if (c === 'not_accepted' && !has(input.reason)) return refuse('hotline.rule.reason_required', 400);
      if (c === 'outside_authority' && !has(input.forwardedTo))
        return refuse('hotline.rule.forwarded_to_required', 400);
      if ((c === 'behaviour' || c === 'within_authority') && !input.handlingUnitId)
        return refuse('hotline.rule.unit_required', 400);
      return to(triageOutcome(c));
    }
    case 'transfer':
      if (status !== 'assigned') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.office) return refuse('hotline.rule.not_your_step', 403);
      if (!input.handlingUnitId) return refuse('hotline.rule.unit_required', 400);
      if (input.handlingUnitId === input.currentHandlingUnitId) return refuse('hotline.rule.same_unit', 400);
      if (!has(input.reason)) return refuse('hotline.rule.reason_required', 400);
      return to('assigned');
    case 'merge':
      if (status !== 'received' && status !== 'assigned') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.office) return refuse('hotline.rule.not_your_step', 403);
      return to('merged');
    case 'submit_answer':
      if (status !== 'assigned') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.handler) return refuse('hotline.rule.not_your_step', 403);
      if (!has(input.answer)) return refuse('hotline.rule.answer_required', 400);
      return to('answered');
    case 'refer_back':
      if (status !== 'assigned') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.handler) return refuse('hotline.rule.not_your_step', 403);
      if (!has(input.reason)) return refuse('hotline.rule.reason_required', 400);
      return to('received');
    case 'return':
      if (status !== 'answered') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.office) return refuse('hotline.rule.not_your_step', 403);
      if (!has(input.reason)) return refuse('hotline.rule.reason_required', 400);
      return to('assigned');
    case 'approve':
      if (status !== 'answered') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.office) return refuse('hotline.rule.not_your_step', 403);
      return to('published');
    case 'extend':
      if (status !== 'assigned' && status !== 'answered') return refuse('hotline.rule.not_allowed_now', 409);
      if (!who.office) return refuse('hotline.rule.not_your_step', 403);
      if (!has(input.reason)) return refuse('hotline.rule.reason_required', 400);
      if (!input.newDueDate || (input.dueDate && input.newDueDate <= input.dueDate))
        return refuse('hotline.rule.due_date_not_later', 400);
      return to(status);
    case 'reopen':
      // The submitter's own step (by the tracking code): once, with a reason, after the answer was published.
      if (status !== 'published') return refuse('hotline.rule.not_allowed_now', 409);
      if ((input.reopenCount ?? 0) >= 1) return refuse('hotline.rule.reopened_already', 409);
      if (!has(input.reason)) return refuse('hotline.rule.reason_required', 400);
      return to('assigned');
  }
}

/** The actions this person may take now (the buttons the pages show). */
export function allowedCaseActions(status: CaseStatus, who: CaseActor): CaseAction[] {
  const all: CaseAction[] = [
    'triage',
    'transfer',
    'merge',
    'submit_answer',
    'refer_back',
    'return',
    'approve',
    'extend',
  ];
  return all.filter((a) => {
    const t = caseTransition(status, a, who, {
      reason: 'x',
      answer: 'x',
      classification: 'within_authority',
      handlingUnitId: 'a',
      currentHandlingUnitId: 'b',
      forwardedTo: 'x',
      dueDate: '2000-01-01',
      newDueDate: '2000-01-02',
    });
    return t.ok;
  });
}

/** Statuses a member of the public sees, in plain steps (the tracking page). */
export type PublicStage = 'received' | 'in_progress' | 'answered' | 'not_accepted' | 'forwarded' | 'merged';
export function publicStage(status: CaseStatus): PublicStage {
  switch (status) {
    case 'received':
      return 'received';
    case 'assigned':
    case 'answered':
      // An answer under review is not public yet: the submitter sees it is still being handled.
      return 'in_progress';
    case 'published':
      return 'answered';
    default:
      return status;
  }
}
