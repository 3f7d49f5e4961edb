import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

/**
 * Who does what with the surveys (issue 17):
 * - the standing agency (admin, standing officer over the province) builds the questionnaires, sets the targets and
 *   quotas, sends the invitations, opens and closes a survey, reads the flags and exports the anonymised answers;
 * - the committee reads every survey and result of its province;
 * - a unit's focal point and leader read the surveys that target their unit and their own unit's results (never
 *   another unit's, never the answers one by one);
 * - the public answers through a QR code or a personal link (./public.routes.ts), and sees nothing else.
 */
export const SURVEY_OFFICE: readonly Role[] = ['admin', 'standing_officer'];
export const SURVEY_READERS: readonly Role[] = [...SURVEY_OFFICE, 'committee_leader', 'committee_member'];
export const SURVEY_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];
/** Everyone who sees the surveys section (the navigation's section and the routes' first gate). */
export const SURVEY_ROLES: readonly Role[] = [...SURVEY_READERS, ...SURVEY_UNIT_ROLES];

/** A survey is judged by its province's chain; a unit's people by the units it targets. */
export type SurveySubject = { provincePath: readonly string[]; unitPaths: readonly (readonly string[])[] };

export const surveyPolicy = definePolicy<SurveySubject, 'read' | 'manage' | 'results'>('survey', {
  read: (actor, s) =>
    actor.hasRoleOver(SURVEY_READERS, s.provincePath) ||
    s.unitPaths.some((p) => actor.hasRoleOver(SURVEY_UNIT_ROLES, p)),
  manage: (actor, s) => actor.hasRoleOver(SURVEY_OFFICE, s.provincePath),
  // Results of the whole survey (every unit); a unit's people read their own unit's through the `unitId` filter.
  results: (actor, s) => actor.hasRoleOver(SURVEY_READERS, s.provincePath),
});
