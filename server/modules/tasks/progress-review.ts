/**
 * Progress updates that wait for the unit leader (phê duyệt của lãnh đạo đơn vị trước khi gửi tỉnh).
 *
 * When a unit's leader switches approval on, an update posted by the unit's staff is recorded with
 * `needsApproval` and stays inside the unit — the province (standing agency, committee members) does not
 * see it — until the leader approves it. The leader may reject it with a reason; it then never reaches
 * the province. The leader's own updates, and updates of the standing agency, are published at once.
 * Reviews are events of their own: nothing already recorded is edited.
 */
import type { TaskRuleKey } from './messages.js';

export type ProgressState = 'published' | 'pending' | 'rejected';

export type ProgressEvent = { id: string; needsApproval: boolean };
export type ReviewEvent = { reviewOf: string; action: 'approve_progress' | 'reject_progress' };

/** The state of each progress update, from the updates and the reviews recorded since. */
export function progressStates(
  updates: readonly ProgressEvent[],
  reviews: readonly ReviewEvent[],
): Map<string, ProgressState> {
  const decided = new Map<string, ProgressState>();
  for (const r of reviews)
    if (!decided.has(r.reviewOf))
      decided.set(r.reviewOf, r.action === 'approve_progress' ? 'published' : 'rejected');
  return new Map(
    updates.map((u) => [u.id, u.needsApproval ? (decided.get(u.id) ?? 'pending') : 'published']),
  );
}

export type PosterRelation = {
  /** The lead unit's leader requires approval (its setting). */
  unitRequiresApproval: boolean;
  isLeadUnitLeader: boolean;
  isStandingAgency: boolean;
  isAdmin: boolean;
};

/** Whether a new update by this poster must wait for the leader. */
export function needsApproval(p: PosterRelation): boolean {
  return p.unitRequiresApproval && !p.isLeadUnitLeader && !p.isStandingAgency && !p.isAdmin;
}

/** Who sees an update in a given state: pending and rejected ones only inside the unit. */
export function canSee(
  state: ProgressState,
  viewer: { isLeadUnitStaff: boolean; isLeadUnitLeader: boolean },
): boolean {
  return state === 'published' || viewer.isLeadUnitStaff || viewer.isLeadUnitLeader;
}

/** Checks a review: only the lead unit's leader, only of a pending update, a rejection with a reason. */
export function checkReview(
  state: ProgressState | undefined,
  action: ReviewEvent['action'],
  who: { isLeadUnitLeader: boolean },
  reason: string | null | undefined,
): TaskRuleKey | null {
  if (!who.isLeadUnitLeader) return 'tasks.unit_leader_only_review';
  if (state !== 'pending') return 'tasks.progress_not_pending';
  if (action === 'reject_progress' && !(reason && reason.trim())) return 'tasks.reason_required';
  return null;
}
