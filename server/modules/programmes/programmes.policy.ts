/**
 * Who does what with the province's reform programmes (./README.md "Who"). A programme belongs to a steering
 * committee; it is judged by the committee's host unit and its ancestors:
 *
 * - the standing agency (admin, standing officer over the host unit) creates and edits programmes and targets,
 *   records yearly values with evidence and opens the review report;
 * - the committee (leaders and members over the host unit) and the standing agency read them.
 *
 * Units' people (focal points, unit leaders) do not see the section: the programme is the committee's.
 */
import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

export const PROGRAMME_EDITORS: readonly Role[] = ['admin', 'standing_officer'];
export const PROGRAMME_READERS: readonly Role[] = [
  ...PROGRAMME_EDITORS,
  'committee_leader',
  'committee_member',
];

/** A programme: its committee's host unit and that unit's ancestors (itself first). */
export type ProgrammeSubject = { hostPath: readonly string[] };

export const programmePolicy = definePolicy('reform_programme', {
  read: (actor: Actor, s: ProgrammeSubject) => actor.hasRoleOver(PROGRAMME_READERS, s.hostPath),
  update: (actor: Actor, s: ProgrammeSubject) => actor.hasRoleOver(PROGRAMME_EDITORS, s.hostPath),
});
