import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import { ROLES, type Role } from '../access/roles.js';

/**
 * A meeting (and its conclusions and files) is judged by its committee's host unit and that unit's
 * ancestors, and by whether the caller sits on the committee.
 */
export type MeetingSubject = { hostPath: readonly string[]; isMember: boolean };

/** The standing agency keeps the committee's meetings (as it keeps the committee itself). */
export const MEETING_MANAGERS: readonly Role[] = ['admin', 'standing_officer'];

/** Who may make a meeting's briefing pack: its managers and the committee's leaders. */
export const BRIEFING_MAKERS: readonly Role[] = [...MEETING_MANAGERS, 'committee_leader'];

/**
 * Readers: anyone holding a role over the host unit (committee leaders and members, the units' staff,
 * the standing agency…), and the committee's own members whatever their grants. Managers: the
 * administrator and the standing agency over the host unit.
 */
export const meetingPolicy = definePolicy<MeetingSubject, 'read' | 'update' | 'brief'>('meeting', {
  read: (actor, m) => m.isMember || actor.hasRoleOver(ROLES, m.hostPath),
  update: (actor, m) => actor.hasRoleOver(MEETING_MANAGERS, m.hostPath),
  // The briefing pack (issue 18): the standing agency prepares it, and the committee's head may make it himself.
  brief: (actor, m) => actor.hasRoleOver(BRIEFING_MAKERS, m.hostPath),
});

/** Whether reading needs the membership check at all (a role over the host unit settles it). */
export const readsByRole = (actor: Actor, hostPath: readonly string[]) => actor.hasRoleOver(ROLES, hostPath);
