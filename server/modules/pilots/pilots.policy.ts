import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

/**
 * A programme is judged by its committee's host unit and ancestors (`hostPath`); a pilot unit also by its
 * own unit's ancestor chain (`unitPath`), as the unit was.
 */
export type ProgrammeSubject = { hostPath: readonly string[] };
export type PilotUnitSubject = { hostPath: readonly string[]; unitPath: readonly string[] };

/** The standing agency keeps the programme: it picks the units, names the items, verifies and accepts. */
export const PILOT_MANAGERS: readonly Role[] = ['admin', 'standing_officer'];
/** Everyone who reads every pilot unit of a committee. */
export const PILOT_READERS: readonly Role[] = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
];
/** The pilot unit's own people: they report on its items and write its reports. */
export const PILOT_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];

/** Every role of pilot direction: who may read a pilot unit when held over the unit itself. */
export const PILOT_ROLES: readonly Role[] = [...PILOT_READERS, ...PILOT_UNIT_ROLES];

/** Committee leaders and members read all; the standing agency manages. */
export const programmePolicy = definePolicy<ProgrammeSubject, 'read' | 'manage'>('pilot_programme', {
  read: (actor, s) => actor.hasRoleOver(PILOT_READERS, s.hostPath),
  manage: (actor, s) => actor.hasRoleOver(PILOT_MANAGERS, s.hostPath),
});

/**
 * A pilot unit: readers of the programme, and every role of pilot direction held over the unit itself, read it
 * (roles outside pilot direction — appraisers, inspectors, hotline officers — do not); the standing
 * agency manages it (responsible member, items) and reviews (verifies items, accepts reports); the unit's
 * focal point and leader work on it (report items done, write and submit its reports).
 */
export const pilotUnitPolicy = definePolicy<PilotUnitSubject, 'read' | 'manage' | 'work' | 'review'>(
  'pilot_unit',
  {
    read: (actor, s) =>
      actor.hasRoleOver(PILOT_READERS, s.hostPath) || actor.hasRoleOver(PILOT_ROLES, s.unitPath),
    manage: (actor, s) => actor.hasRoleOver(PILOT_MANAGERS, s.hostPath),
    work: (actor, s) => actor.hasRoleOver(PILOT_UNIT_ROLES, s.unitPath),
    review: (actor, s) => actor.hasRoleOver(PILOT_MANAGERS, s.hostPath),
  },
);

/** Whether the caller may start a programme for a committee hosted at `hostPath`. */
export const canCreateProgramme = (actor: Actor, hostPath: readonly string[]) =>
  actor.hasRoleOver(PILOT_MANAGERS, hostPath);
