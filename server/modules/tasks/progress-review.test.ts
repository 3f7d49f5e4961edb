import { describe, expect, it } from 'vitest';
import { canSee, checkReview, needsApproval, progressStates } from './progress-review.js';

const nobody = {
  unitRequiresApproval: false,
  isLeadUnitLeader: false,
  isStandingAgency: false,
  isAdmin: false,
};

describe('progress updates waiting for the unit leader', () => {
  it('a staff update waits only when the unit requires approval', () => {
    expect(needsApproval(nobody)).toBe(false);
    expect(needsApproval({ ...nobody, unitRequiresApproval: true })).toBe(true);
  });
  it('the leader’s own updates and the standing agency’s are published at once', () => {
    expect(needsApproval({ ...nobody, unitRequiresApproval: true, isLeadUnitLeader: true })).toBe(false);
    expect(needsApproval({ ...nobody, unitRequiresApproval: true, isStandingAgency: true })).toBe(false);
    expect(needsApproval({ ...nobody, unitRequiresApproval: true, isAdmin: true })).toBe(false);
  });
  it('states come from the reviews recorded later; the first review decides', () => {
    const states = progressStates(
      [
        { id: 'u1', needsApproval: true },
        { id: 'u2', needsApproval: true },
        { id: 'u3', needsApproval: true },
        { id: 'u4', needsApproval: false },
      ],
      [
        { reviewOf: 'u1', action: 'approve_progress' },
        { reviewOf: 'u2', action: 'reject_progress' },
        { reviewOf: 'u2', action: 'approve_progress' },
      ],
    );
    expect(Object.fromEntries(states)).toEqual({
      u1: 'published',
      u2: 'rejected',
      u3: 'pending',
      u4: 'published',
    });
  });
  it('the province sees only published updates; the unit sees its pending and rejected ones', () => {
    const province = { isLeadUnitStaff: false, isLeadUnitLeader: false };
    expect(canSee('published', province)).toBe(true);
    expect(canSee('pending', province)).toBe(false);
    expect(canSee('rejected', province)).toBe(false);
    expect(canSee('pending', { isLeadUnitStaff: true, isLeadUnitLeader: false })).toBe(true);
    expect(canSee('rejected', { isLeadUnitStaff: false, isLeadUnitLeader: true })).toBe(true);
  });
  it('only the lead unit’s leader reviews, only pending updates, and a rejection needs a reason', () => {
    const leader = { isLeadUnitLeader: true };
    expect(checkReview('pending', 'approve_progress', { isLeadUnitLeader: false }, null)).toBe(
      'tasks.unit_leader_only_review',
    );
    expect(checkReview('published', 'approve_progress', leader, null)).toBe('tasks.progress_not_pending');
    expect(checkReview(undefined, 'approve_progress', leader, null)).toBe('tasks.progress_not_pending');
    expect(checkReview('pending', 'reject_progress', leader, '  ')).toBe('tasks.reason_required');
    expect(checkReview('pending', 'reject_progress', leader, 'Thiếu số liệu')).toBeNull();
    expect(checkReview('pending', 'approve_progress', leader, null)).toBeNull();
  });
});
