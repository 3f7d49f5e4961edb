import type { RequestContext } from '../../core/context.js';
import { forbidden, unauthenticated } from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { getUnits, unitFacts } from '../units/units.service.js';

/**
 * Who does what with the PAR Index (issue 16; ./README.md "Who"):
 * - the standing agency (admin, standing officer over the province) keeps the frameworks, runs the campaigns,
 *   names the council and publishes the results;
 * - the appraisal council (appraisers named on a campaign's council; the standing agency may appraise too)
 *   appraises in rounds 1 and 2, its chair signs off;
 * - a unit's focal point and leader self-score their unit with evidence and explain contested scores; the leader
 *   (or the focal point) submits;
 * - the committee reads everything of its province.
 */

/** Frameworks, campaigns, councils and publication. */
export const PAR_OFFICE: readonly Role[] = ['admin', 'standing_officer'];
/** The committee and the office read every campaign and result of their province. */
export const PAR_READERS: readonly Role[] = [...PAR_OFFICE, 'committee_leader', 'committee_member'];
/** A unit's people score it and explain. */
export const PAR_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];
/** Everyone who sees the PAR Index section (the navigation's section and the routes' first gate). */
export const PAR_ROLES: readonly Role[] = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
  'appraiser',
  'focal_point',
  'unit_leader',
];

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * The provinces the caller works in: the province of each unit their grants are on (a department's focal point
 * works in its province; an appraiser granted on the province, in it). One query.
 */
export async function callerProvinces(ctx: RequestContext, actor: Actor): Promise<string[]> {
  const roots = [...new Set(actor.grants.map((g) => g.unitId))];
  if (!roots.length) return [];
  const facts = await unitFacts(ctx.db, roots);
  const chainIds = [...new Set([...facts.values()].flatMap((f) => f.path))];
  const provinces = (await getUnits(ctx.db, chainIds)).filter((u) => u.kind === 'province');
  return provinces.map((u) => u.id);
}

/** The office over this province. */
export const isOffice = (actor: Actor | null, provinceId: string): boolean =>
  !!actor && actor.hasRoleOver(PAR_OFFICE, [provinceId]);

export function requireOffice(actor: Actor, provinceId: string): void {
  if (!isOffice(actor, provinceId)) throw forbidden();
}

/** The committee or the office over this province. */
export const isProvinceReader = (actor: Actor | null, provinceId: string): boolean =>
  !!actor && actor.hasRoleOver(PAR_READERS, [provinceId]);
