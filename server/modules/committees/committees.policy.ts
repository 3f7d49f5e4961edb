import type { Role } from '../access/roles.js';
import { definePolicy } from '../access/policy.js';
import type { Actor } from '../access/actor.js';

/** A committee, membership or assignment is judged by the committee's host unit and its ancestors. */
export type CommitteeSubject = { hostPath: readonly string[] };

/** Roles that keep a committee's records for the host units they hold the role over. */
export const COMMITTEE_EDITORS: readonly Role[] = ['admin', 'standing_officer'];

/**
 * Every signed-in user reads committees and their composition (they are public decisions); the
 * administrator and the standing agency keep them, over the host unit.
 */
export const committeePolicy = definePolicy<CommitteeSubject, 'read' | 'update'>('committee', {
  read: () => true,
  update: (actor, c) => actor.hasRoleOver(COMMITTEE_EDITORS, c.hostPath),
});

/** Founding a committee for a unit: same as keeping that unit's committees. */
export const canCreateFor = (actor: Actor, hostPath: readonly string[]) =>
  actor.hasRoleOver(COMMITTEE_EDITORS, hostPath);
