import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

/**
 * Who does what with periodic reports (issue 13). A round is judged by its owner unit's ancestor chain
 * (`ownerPath`: the province whose standing agency collects); a report also by its own unit's chain
 * (`unitPath`, as the unit was — access follows lineage through the actor's inherited grants).
 */
export type RoundSubject = { ownerPath: readonly string[] };
export type ReportSubject = { ownerPath: readonly string[]; unitPath: readonly string[] };

/** The standing agency keeps the forms, the assignments and the rounds; it reviews and consolidates. */
export const REPORT_MANAGERS: readonly Role[] = ['admin', 'standing_officer'];
/** The committee reads every report of its province. */
export const REPORT_READERS: readonly Role[] = [...REPORT_MANAGERS, 'committee_leader', 'committee_member'];
/** The unit's own people write its report; the leader submits (the focal point where allowed). */
export const REPORT_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];
/** Everyone who has anything to do with reports (the navigation's section). */
export const REPORT_ROLES: readonly Role[] = [...REPORT_READERS, ...REPORT_UNIT_ROLES];

/**
 * Forms are the province's configuration: the standing agency over a province (its grant on the province
 * itself, not on one of its departments) designs them; everyone in reports reads them.
 */
export type FormSubject = { provinceIds: readonly string[] };
export const formPolicy = definePolicy<FormSubject, 'read' | 'design'>('report_form', {
  read: (actor) => actor.hasRole(...REPORT_ROLES),
  design: (actor, s) => s.provinceIds.some((id) => actor.hasRoleOver(REPORT_MANAGERS, [id])),
});

export const roundPolicy = definePolicy<RoundSubject, 'read' | 'manage'>('report_round', {
  read: (actor, s) => actor.hasRoleOver(REPORT_READERS, s.ownerPath),
  manage: (actor, s) => actor.hasRoleOver(REPORT_MANAGERS, s.ownerPath),
});

export const reportPolicy = definePolicy<ReportSubject, 'read' | 'work' | 'lead' | 'review'>(
  'periodic_report',
  {
    // The committee and the standing agency over the owner read every report; any role of reports held
    // over the unit itself reads that unit's.
    read: (actor, s) =>
      actor.hasRoleOver(REPORT_READERS, s.ownerPath) || actor.hasRoleOver(REPORT_ROLES, s.unitPath),
    work: (actor, s) => actor.hasRoleOver(REPORT_UNIT_ROLES, s.unitPath),
    lead: (actor, s) => actor.hasRoleOver(['unit_leader'], s.unitPath),
    review: (actor, s) => actor.hasRoleOver(REPORT_MANAGERS, s.ownerPath),
  },
);
