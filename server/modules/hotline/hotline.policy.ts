import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

/**
 * Who does what with the hotline (issue 14). A case is judged by its province's chain (`provincePath`: the
 * hotline that received it) and, once assigned, by its handling unit's (`unitPath`, as the unit was — access
 * follows lineage through the actor's inherited grants).
 */
export type CaseSubject = { provincePath: readonly string[]; unitPath: readonly string[] | null };

/** The receiving office: hotline officers and the standing agency triage, review and publish. */
export const HOTLINE_OFFICE: readonly Role[] = ['admin', 'standing_officer', 'hotline_officer'];
/** The committee reads every case of its province (the Chairman leads the hotline; members hear of theirs). */
export const HOTLINE_READERS: readonly Role[] = [...HOTLINE_OFFICE, 'committee_leader', 'committee_member'];
/** A handling unit's people answer its cases. */
export const HOTLINE_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];
/** Everyone who has anything to do with the hotline (the navigation's section). */
export const HOTLINE_ROLES: readonly Role[] = [...HOTLINE_READERS, ...HOTLINE_UNIT_ROLES];

export const casePolicy = definePolicy<CaseSubject, 'read' | 'office' | 'handle'>('feedback_case', {
  // The province's office and committee read every case; any of the hotline's roles over the handling unit
  // reads that unit's.
  read: (actor, s) =>
    actor.hasRoleOver(HOTLINE_READERS, s.provincePath) ||
    (!!s.unitPath && actor.hasRoleOver(HOTLINE_ROLES, s.unitPath)),
  office: (actor, s) => actor.hasRoleOver(HOTLINE_OFFICE, s.provincePath),
  handle: (actor, s) => !!s.unitPath && actor.hasRoleOver(HOTLINE_UNIT_ROLES, s.unitPath),
});

/** The hotline's configuration (categories, routing, deadline rules): the office over the province itself. */
export type SettingsSubject = { provinceIds: readonly string[] };
export const settingsPolicy = definePolicy<SettingsSubject, 'read' | 'manage'>('feedback_category', {
  read: (actor) => actor.hasRole(...HOTLINE_ROLES),
  manage: (actor, s) => s.provinceIds.some((id) => actor.hasRoleOver(['admin', 'standing_officer'], [id])),
});
