import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { ancestorPaths } from '../units/units.service.js';
import { inspectionTeamMembers } from './inspections.table.js';

/**
 * Who does what with PAR inspections (issue 15; ./README.md "Who"). An inspection is judged by its province
 * (the standing agency's and the committee's grants), by its own team (inspection_team_members with its
 * inspection_id: the head and the members), and by the inspected unit's chain (its focal point and leader, as
 * the unit was — access follows lineage through the actor's inherited grants).
 */

/** The standing agency over the province: plans, teams, surprise inspections, rules, conclusions. */
export const INSPECTION_OFFICE: readonly Role[] = ['admin', 'standing_officer'];
/** The committee reads every inspection of its province. */
export const INSPECTION_READERS: readonly Role[] = [
  ...INSPECTION_OFFICE,
  'committee_leader',
  'committee_member',
];
/** The inspected unit's people read its inspections and remedy its recommendations. */
export const INSPECTION_UNIT_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];
/** Everyone who sees the inspections section (the navigation's section and the routes' first gate). */
export const INSPECTION_ROLES: readonly Role[] = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
  'inspector',
  'focal_point',
  'unit_leader',
];

export type InspectionAccess = {
  /** May see the inspection (any of the below, or the committee over the province). */
  read: boolean;
  /** The standing agency (admin, standing_officer) over the province. */
  office: boolean;
  /** On the inspection's own team (head or member). */
  team: boolean;
  /** The head of the inspection's own team. */
  head: boolean;
  /** A focal point or leader over the inspected unit (or an ancestor of it). */
  unit: boolean;
};

export const NO_ACCESS: InspectionAccess = {
  read: false,
  office: false,
  team: false,
  head: false,
  unit: false,
};

/** The pure part: the caller's standing given the unit and province chains and their team role (if any). */
export function accessFrom(
  actor: Actor | null,
  s: { unitPath: readonly string[]; provincePath: readonly string[]; teamRole: 'head' | 'member' | null },
): InspectionAccess {
  if (!actor) return NO_ACCESS;
  const office = actor.hasRoleOver(INSPECTION_OFFICE, s.provincePath);
  const team = s.teamRole !== null;
  const head = s.teamRole === 'head';
  const unit = actor.hasRoleOver(INSPECTION_UNIT_ROLES, s.unitPath);
  const read = office || team || unit || actor.hasRoleOver(INSPECTION_READERS, s.provincePath);
  return { read, office, team, head, unit };
}

/** The caller's standing on one inspection (one query for the chains, one for the team). */
export async function inspectionAccess(
  ctx: RequestContext,
  inspection: { id: string; unitId: string; provinceId: string },
): Promise<InspectionAccess> {
  const actor = ctx.actor;
  if (!actor) return NO_ACCESS;
  const paths = await ancestorPaths(ctx.db, [inspection.unitId, inspection.provinceId]);
  const [member] = await ctx.db
    .select({ role: inspectionTeamMembers.role })
    .from(inspectionTeamMembers)
    .where(
      and(
        eq(inspectionTeamMembers.inspectionId, inspection.id),
        eq(inspectionTeamMembers.userId, actor.user.id),
      ),
    );
  return accessFrom(actor, {
    unitPath: paths.get(inspection.unitId) ?? [inspection.unitId],
    provincePath: paths.get(inspection.provinceId) ?? [inspection.provinceId],
    teamRole: member?.role ?? null,
  });
}

/** The office over a province (plans, teams, surprise inspections, rules). */
export const isOffice = (actor: Actor | null, provinceId: string): boolean =>
  !!actor && actor.hasRoleOver(INSPECTION_OFFICE, [provinceId]);

/** The committee or the office over a province (reads plans and progress). */
export const isProvinceReader = (actor: Actor | null, provinceId: string): boolean =>
  !!actor && actor.hasRoleOver(INSPECTION_READERS, [provinceId]);
