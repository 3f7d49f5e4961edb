/**
 * The status workflow of a plan task (nhiệm vụ trong kế hoạch CCHC của Ban Chỉ đạo tỉnh).
 *
 * | action          | from                               | to            | who (SA: standing agency or admin) |
 * | --------------- | ---------------------------------- | ------------- | ---------------------------------- |
 * | start           | not_started                        | in_progress   | lead unit, SA                      |
 * | report_done     | not_started, in_progress, returned | reported_done | lead unit (leader if plan says)    |
 * | withdraw_report | reported_done                      | in_progress   | lead unit                          |
 * | verify          | reported_done                      | verified      | SA                                 |
 * | return          | reported_done                      | returned      | SA, with a reason                  |
 * | reopen          | verified                           | in_progress   | SA, with a reason                  |
 * | cancel          | all but verified, cancelled        | cancelled     | SA, with a reason and a document   |
 * | extend          | not_started, in_progress, returned | (unchanged)   | SA, with a reason and a document   |
 *
 * Rules (from the commissioning issue):
 * - only the lead unit (its staff or its leader) reports a task done, with the output and at least one
 *   piece of evidence unless the plan makes evidence optional; when the plan routes reports through the
 *   unit leader (the "approved by the unit leader before reaching the province" option) only the leader may;
 * - only the standing agency (cơ quan thường trực, usually the Sở Nội vụ) or an administrator
 *   verifies or returns a report, and a return needs a reason;
 * - cancelling and extending need a reason AND a document (the decision or official letter), by the
 *   standing agency or an administrator; an extension needs a new due date later than the current one;
 * - verified is final except `reopen` by the standing agency (or an administrator) with a reason;
 *   cancelled is final.
 *
 * "Overdue" and "extended" are not statuses: overdue is derived from the due date (./overdue.ts) and a
 * task is extended when its due date differs from the plan's original one (`isExtended`).
 * Committee members who follow a unit direct and comment on its tasks but change no status, so
 * `followsUnit` grants no transition here (it is carried for the callers' other checks).
 */
import type { IsoDate } from '../calendar/index.js';
import { isIsoDate } from './days.js';
import type { TaskRuleKey } from './messages.js';

export const TASK_STATUSES = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
  'verified',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  'start',
  'report_done',
  'withdraw_report',
  'verify',
  'return',
  'reopen',
  'cancel',
  'extend',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Statuses from which nothing but `reopen` (verified) or nothing at all (cancelled) can happen. */
export const FINAL_STATUSES: readonly TaskStatus[] = ['verified', 'cancelled'];
/** Statuses in which the lead unit still owes work: the timing clock runs (./overdue.ts). */
export const OPEN_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'returned'];

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}
export function isTaskAction(value: string): value is TaskAction {
  return (TASK_ACTIONS as readonly string[]).includes(value);
}

/** The actor's relation to the task (computed by the caller from roles and grants) and the plan's options. */
export type TaskActor = {
  isAdmin?: boolean;
  /** A standing-agency officer (role standing_officer over the province). */
  isStandingAgency?: boolean;
  /** Staff of the lead unit: its focal point(s). */
  isLeadUnitStaff?: boolean;
  /** The lead unit's leader (unit_leader over the lead unit). */
  isLeadUnitLeader?: boolean;
  /** A committee member who follows the lead unit. Grants no status change (see the module comment). */
  followsUnit?: boolean;
};

export type PlanOptions = {
  /** The plan does not require evidence with a done report. Default false. */
  evidenceOptional?: boolean;
  /** Done reports must come from the unit leader (focal points draft, the leader submits). Default false. */
  reportNeedsUnitLeader?: boolean;
};

export type TransitionInput = {
  reason?: string | null;
  /** Id of the document (decision, official letter) behind a cancellation or extension. */
  documentId?: string | null;
  /** The output actually produced (kết quả/sản phẩm), for report_done. */
  output?: string | null;
  /** Number of evidence files attached to the done report. */
  evidenceCount?: number | null;
  /** The task's current due date; null for an open-ended task ("thường xuyên"). Needed by `extend`. */
  dueDate?: IsoDate | null;
  newDueDate?: IsoDate | null;
};

export type TransitionContext = TaskActor & PlanOptions & TransitionInput;

export type TransitionResult =
  | { ok: true; next: TaskStatus; /** Set by `extend`. */ dueDate?: IsoDate }
  | { ok: false; reason: TaskRuleKey };

type Who = 'lead_unit' | 'lead_unit_reporter' | 'lead_unit_or_standing' | 'standing';

type Rule = { from: readonly TaskStatus[]; to: TaskStatus | 'same'; who: Who };

const RULES: Record<TaskAction, Rule> = {
  start: { from: ['not_started'], to: 'in_progress', who: 'lead_unit_or_standing' },
  // Reporting straight from not_started is allowed: a unit that finished without pressing "start" need not.
  report_done: {
    from: ['not_started', 'in_progress', 'returned'],
    to: 'reported_done',
    who: 'lead_unit_reporter',
  },
  withdraw_report: { from: ['reported_done'], to: 'in_progress', who: 'lead_unit' },
  verify: { from: ['reported_done'], to: 'verified', who: 'standing' },
  return: { from: ['reported_done'], to: 'returned', who: 'standing' },
  reopen: { from: ['verified'], to: 'in_progress', who: 'standing' },
  cancel: {
    from: ['not_started', 'in_progress', 'reported_done', 'returned'],
    to: 'cancelled',
    who: 'standing',
  },
  // Not from reported_done: moving a deadline after the work was reported would rewrite its timeliness.
  extend: { from: ['not_started', 'in_progress', 'returned'], to: 'same', who: 'standing' },
};

const filled = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

function actorProblem(who: Who, ctx: TransitionContext): TaskRuleKey | null {
  const lead = Boolean(ctx.isLeadUnitStaff || ctx.isLeadUnitLeader);
  const standing = Boolean(ctx.isStandingAgency || ctx.isAdmin);
  switch (who) {
    case 'lead_unit':
      return lead ? null : 'tasks.lead_unit_only';
    case 'lead_unit_reporter':
      if (ctx.reportNeedsUnitLeader) return ctx.isLeadUnitLeader ? null : 'tasks.unit_leader_only';
      return lead ? null : 'tasks.lead_unit_only';
    case 'lead_unit_or_standing':
      return lead || standing ? null : 'tasks.lead_unit_or_standing_agency_only';
    case 'standing':
      return standing ? null : 'tasks.standing_agency_only';
  }
}

function statusProblem(current: TaskStatus, action: TaskAction): TaskRuleKey | null {
  if (RULES[action].from.includes(current)) return null;
  return FINAL_STATUSES.includes(current) ? 'tasks.status_final' : 'tasks.invalid_transition';
}

function inputProblem(action: TaskAction, ctx: TransitionContext): TaskRuleKey | null {
  switch (action) {
    case 'report_done':
      if (!filled(ctx.output)) return 'tasks.output_required';
      if (!ctx.evidenceOptional && !((ctx.evidenceCount ?? 0) >= 1)) return 'tasks.evidence_required';
      return null;
    case 'return':
    case 'reopen':
      return filled(ctx.reason) ? null : 'tasks.reason_required';
    case 'cancel':
    case 'extend':
      if (!filled(ctx.reason)) return 'tasks.reason_required';
      if (!filled(ctx.documentId)) return 'tasks.document_required';
      if (action === 'cancel') return null;
      if (ctx.newDueDate == null || ctx.newDueDate === '') return 'tasks.new_due_date_required';
      if (!isIsoDate(ctx.newDueDate)) return 'tasks.new_due_date_invalid';
      if (ctx.dueDate != null && ctx.newDueDate <= ctx.dueDate) return 'tasks.new_due_date_not_later';
      return null;
    default:
      return null;
  }
}

/**
 * Applies `action` to a task in status `current`. Checks, in order: the status allows the action, the
 * actor may take it, the inputs are complete. The first failure is returned as a message key.
 */
export function transition(
  current: TaskStatus,
  action: TaskAction,
  ctx: TransitionContext,
): TransitionResult {
  const problem =
    statusProblem(current, action) ?? actorProblem(RULES[action].who, ctx) ?? inputProblem(action, ctx);
  if (problem) return { ok: false, reason: problem };
  const rule = RULES[action];
  const next = rule.to === 'same' ? current : rule.to;
  if (action === 'extend') return { ok: true, next, dueDate: ctx.newDueDate as IsoDate };
  return { ok: true, next };
}

/**
 * The actions the actor may take on a task in status `current`, in `TASK_ACTIONS` order, for the UI's
 * buttons. Inputs (reason, document, output, evidence, new due date) are NOT checked: the form collects
 * them and `transition` validates them.
 */
export function allowedActions(current: TaskStatus, ctx: TaskActor & PlanOptions): TaskAction[] {
  return TASK_ACTIONS.filter(
    (action) => !statusProblem(current, action) && !actorProblem(RULES[action].who, ctx),
  );
}

/** Whether a task's deadline was extended: its due date differs from the one the plan adopted. */
export function isExtended(task: { dueDate: IsoDate | null; originalDueDate: IsoDate | null }): boolean {
  return task.dueDate !== task.originalDueDate;
}

/** The row columns an applied action changes (besides the version), for any record on this workflow. */
export type ActionPatch = {
  status: TaskStatus;
  lastReason: string | null;
  output?: string | null;
  reportedOn?: IsoDate | null;
  verifiedOn?: IsoDate | null;
  dueDate?: IsoDate;
};

/**
 * What an accepted `transition` writes on the record, dated `on`: the new status and the last reason
 * given; `report_done` stores the output and the report date, `verify` the verification date; a withdrawn,
 * returned or reopened report clears both dates; `extend` moves the due date.
 */
export function actionPatch(
  action: TaskAction,
  result: { next: TaskStatus; dueDate?: IsoDate },
  input: { reason?: string | null; output?: string | null },
  current: { lastReason: string | null },
  on: IsoDate,
): ActionPatch {
  const patch: ActionPatch = { status: result.next, lastReason: input.reason ?? current.lastReason };
  if (action === 'report_done') Object.assign(patch, { output: input.output ?? null, reportedOn: on });
  if (action === 'withdraw_report' || action === 'return' || action === 'reopen')
    Object.assign(patch, { reportedOn: null, verifiedOn: null });
  if (action === 'verify') patch.verifiedOn = on;
  if (result.dueDate) patch.dueDate = result.dueDate;
  return patch;
}

/** The history entry of an applied action (its note is the reason, else the reported output). */
export function actionEvent(
  action: TaskAction,
  from: TaskStatus,
  to: TaskStatus,
  input: { reason?: string | null; output?: string | null; documentId?: string | null },
  fileIds: string[],
  on: IsoDate,
  actorId: string,
) {
  return {
    action,
    fromStatus: from,
    toStatus: to,
    note: input.reason ?? input.output ?? null,
    fileIds,
    documentId: input.documentId ?? null,
    on,
    actorId,
  };
}
