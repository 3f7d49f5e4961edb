/**
 * Who does what with the province's standing in the national indices (./README.md "Who"). Results, targets and
 * improvements belong to the province (`province_id`); an improvement is also its lead unit's.
 *
 * - The standing agency (admin, standing officer over the province) enters and imports results, sets targets and
 *   turns a weak dimension into an improvement (the plan and its tasks go through the plans module, whose own rule
 *   — managers over the plan's owner — it meets by the same grant).
 * - The committee (leaders and members over the province) and the standing agency read everything.
 * - The lead unit's focal point and leader read the improvements their unit leads (and the results behind them).
 */
import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

export const STANDINGS_OFFICE: readonly Role[] = ['admin', 'standing_officer'];
export const STANDINGS_READERS: readonly Role[] = [
  ...STANDINGS_OFFICE,
  'committee_leader',
  'committee_member',
];
export const STANDINGS_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];
/** Everyone who sees the section: the readers, and lead units' people (their improvements only). */
export const STANDINGS_ROLES: readonly Role[] = [...STANDINGS_READERS, ...STANDINGS_UNIT_ROLES];

/** A province's results and targets: the province's ancestor chain (itself first). */
export type ProvinceSubject = { provincePath: readonly string[] };

export const standingsPolicy = definePolicy('standing_result', {
  read: (actor: Actor, s: ProvinceSubject) => actor.hasRoleOver(STANDINGS_READERS, s.provincePath),
  edit: (actor: Actor, s: ProvinceSubject) => actor.hasRoleOver(STANDINGS_OFFICE, s.provincePath),
});

/** An improvement: its province's chain and its lead unit's chain. */
export type ImprovementSubject = ProvinceSubject & { leadUnitPath: readonly string[] };

export const improvementPolicy = definePolicy('standing_improvement', {
  read: (actor: Actor, s: ImprovementSubject) =>
    actor.hasRoleOver(STANDINGS_READERS, s.provincePath) ||
    actor.hasRoleOver(STANDINGS_UNIT_ROLES, s.leadUnitPath),
  update: (actor: Actor, s: ImprovementSubject) => actor.hasRoleOver(STANDINGS_OFFICE, s.provincePath),
  addTasks: (actor: Actor, s: ImprovementSubject) => actor.hasRoleOver(STANDINGS_OFFICE, s.provincePath),
});
