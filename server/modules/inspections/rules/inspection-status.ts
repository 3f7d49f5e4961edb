/**
 * An inspection's workflow (./README.md; domain notes §2.6) and who may take each step. Pure.
 *
 *   planned ──start──▶ in_progress ──sign_minutes──▶ minutes_signed ──conclude──▶ concluded
 *      │                   │
 *      └──────cancel───────┴──▶ cancelled (with a reason)
 *
 * - The standing agency (the office: admin, standing officer over the province) plans, edits the plan's
 *   particulars and the team, cancels, and issues the conclusion (thông báo kết luận).
 * - The head of the inspection's team starts the inspection and signs the minutes (biên bản), recording the day
 *   the team inspected; the head may also adjust the dates, areas and form while it is not yet signed.
 * - Every member of the team (head included) records findings while it is in progress.
 * - A concluded inspection may be inspected again (a re-inspection, by the office): a new inspection.
 */
import type { InspectionStatus } from '../inspections.table.js';

export type InspectionAction =
  'start' | 'sign_minutes' | 'conclude' | 'cancel' | 'edit' | 'edit_team' | 'record_findings' | 'reinspect';

export const INSPECTION_ACTIONS: readonly InspectionAction[] = [
  'start',
  'sign_minutes',
  'conclude',
  'cancel',
  'edit',
  'edit_team',
  'record_findings',
  'reinspect',
];

/** The caller's standing on the inspection (../inspections.policy.ts `inspectionAccess`). */
export type Who = { office: boolean; head: boolean; team: boolean };

type Step = {
  from: readonly InspectionStatus[];
  /** The status after the step (unchanged for edits and findings). */
  to: InspectionStatus | null;
  who: (w: Who) => boolean;
  /** What the step needs besides the status and the caller. */
  needs?: 'reason' | 'conducted_on';
};

const office = (w: Who) => w.office;
const head = (w: Who) => w.head;
const team = (w: Who) => w.team || w.head;

/** The table: from which statuses, to which, and who. */
export const INSPECTION_STEPS: Readonly<Record<InspectionAction, Step>> = {
  start: { from: ['planned'], to: 'in_progress', who: head },
  sign_minutes: { from: ['in_progress'], to: 'minutes_signed', who: head, needs: 'conducted_on' },
  // Issued by the standing agency once the minutes are signed (the conclusion notice: ./README.md "Documents").
  conclude: { from: ['minutes_signed'], to: 'concluded', who: office },
  cancel: { from: ['planned', 'in_progress'], to: 'cancelled', who: office, needs: 'reason' },
  edit: { from: ['planned', 'in_progress'], to: null, who: (w) => w.office || w.head },
  edit_team: { from: ['planned', 'in_progress'], to: null, who: office },
  record_findings: { from: ['in_progress'], to: null, who: team },
  reinspect: { from: ['concluded'], to: null, who: office },
};

export type TransitionResult =
  | { ok: true; to: InspectionStatus }
  | {
      ok: false;
      status: 400 | 403 | 409;
      reason:
        | 'inspections.rule.not_allowed_now'
        | 'inspections.rule.not_your_step'
        | 'inspections.rule.reason_required'
        | 'inspections.rule.conducted_on_required'
        | 'inspections.rule.conducted_on_future';
    };

/**
 * Whether `action` may be taken on an inspection in `status` by `who` (with its input): the status after it, or
 * why not — 409 when the status does not allow it (whoever asks), 403 when it is not the caller's step, 400
 * when the input is missing.
 */
export function inspectionTransition(
  status: InspectionStatus,
  action: InspectionAction,
  who: Who,
  input: { reason?: string | null | undefined; conductedOn?: string | null | undefined; today?: string } = {},
): TransitionResult {
  const step = INSPECTION_STEPS[action];
  if (!step.from.includes(status))
    return { ok: false, status: 409, reason: 'inspections.rule.not_allowed_now' };
  if (!step.who(who)) return { ok: false, status: 403, reason: 'inspections.rule.not_your_step' };
  if (step.needs === 'reason' && !input.reason?.trim())
    return { ok: false, status: 400, reason: 'inspections.rule.reason_required' };
  if (step.needs === 'conducted_on') {
    if (!input.conductedOn)
      return { ok: false, status: 400, reason: 'inspections.rule.conducted_on_required' };
    if (input.today && input.conductedOn > input.today)
      return { ok: false, status: 400, reason: 'inspections.rule.conducted_on_future' };
  }
  return { ok: true, to: step.to ?? status };
}

/** The actions the caller may take now (the web shows exactly these buttons). */
export function allowedInspectionActions(status: InspectionStatus, who: Who): InspectionAction[] {
  return INSPECTION_ACTIONS.filter((a) => {
    const step = INSPECTION_STEPS[a];
    return step.from.includes(status) && step.who(who);
  });
}

/** Done, for a plan's progress: the team has inspected (minutes signed) or the conclusion is issued. */
export const isInspected = (status: InspectionStatus): boolean =>
  status === 'minutes_signed' || status === 'concluded';

/** Still to happen or under way (counts as planned in a plan's progress; cancelled ones do not). */
export const isCounted = (status: InspectionStatus): boolean => status !== 'cancelled';
