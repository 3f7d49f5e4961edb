/**
 * Who could join a team — the plan's joint team, or one inspection's own — for the office's picker: the active
 * accounts of the province holding the inspector's or the standing agency's role (granted on the province, a unit
 * inside it or above it: the same roles `checkTeamMember` requires), not yet on the team, searched by name with
 * accents ignored, in Vietnamese order, at most `limit` with the total. Each comes with their position, the unit
 * they work at (proposed as the unit they come from) and the inspected units they would have a conflict of
 * interest with (./rules/conflicts.ts, computed as for the team: flagged, not refused — the page warns first).
 * Same access as adding a member: the office over the province (and, for an inspection, while its team may change).
 */
import { and, eq, ne } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { roleHoldersOver, unitsGranted } from '../access/access.service.js';
import { ancestorPaths, viCollator } from '../units/units.service.js';
import { searchActiveUsers } from '../users/users.service.js';
import {
  conflictsWith,
  loadInspection,
  TEAM_MEMBER_ROLES,
  teamRows,
  unitRefs,
} from './inspection-records.service.js';
import type { TeamCandidatesOut } from './inspections.schemas.js';
import { refuse } from './inspections.service.js';
import { inspections } from './inspections.table.js';
import { managedPlan } from './plans.service.js';
import { inspectionTransition } from './rules/inspection-status.js';

type Query = { q?: string | undefined; limit: number };

/** The accounts holding a team member's role over the province: granted on it, inside it or above it. */
async function eligibleIn(ctx: RequestContext, provinceId: string): Promise<string[]> {
  const granted = [...(await unitsGranted(ctx.db, TEAM_MEMBER_ROLES))];
  if (!granted.length) return [];
  const paths = await ancestorPaths(ctx.db, [provinceId, ...granted]);
  const provincePath = paths.get(provinceId) ?? [provinceId];
  const units = granted.filter((u) => (paths.get(u) ?? [u]).includes(provinceId) || provincePath.includes(u));
  return units.length ? roleHoldersOver(ctx.db, units, TEAM_MEMBER_ROLES) : [];
}

async function candidates(
  ctx: RequestContext,
  input: Query & { provinceId: string; onTeam: readonly string[]; inspectedUnitIds: readonly string[] },
): Promise<TeamCandidatesOut> {
  const onTeam = new Set(input.onTeam);
  const eligible = (await eligibleIn(ctx, input.provinceId)).filter((id) => !onTeam.has(id));
  const found = await searchActiveUsers(ctx, { ids: eligible, q: input.q, limit: input.limit });
  const [units, inspected, conflicts] = await Promise.all([
    unitRefs(
      ctx,
      found.items.flatMap((u) => (u.unitId ? [u.unitId] : [])),
    ),
    unitRefs(ctx, input.inspectedUnitIds),
    conflictsWith(
      ctx,
      found.items.map((u) => ({ key: u.id, userId: u.id, unitId: u.unitId })),
      input.inspectedUnitIds,
    ),
  ]);
  return {
    items: found.items.map((u) => ({
      user: { id: u.id, fullName: u.fullName },
      position: u.position?.trim() || null,
      unit: (u.unitId && units.get(u.unitId)) || null,
      conflicts: [...(conflicts.get(u.id) ?? new Map<string, never>())]
        .map(([unitId, reasons]) => ({
          unit: { id: unitId, name: inspected.get(unitId)?.name ?? '' },
          reasons,
        }))
        .sort((a, b) => viCollator.compare(a.unit.name, b.unit.name)),
    })),
    total: found.total,
  };
}

/** Who could join the plan's joint team; conflicts against the units the plan inspects (not cancelled). */
export async function planTeamCandidates(
  ctx: RequestContext,
  planId: string,
  query: Query,
): Promise<TeamCandidatesOut> {
  const plan = await managedPlan(ctx, planId);
  const [team, planned] = await Promise.all([
    teamRows(ctx, { planId }),
    ctx.db
      .selectDistinct({ unitId: inspections.unitId })
      .from(inspections)
      .where(and(eq(inspections.planId, planId), ne(inspections.status, 'cancelled'))),
  ]);
  return candidates(ctx, {
    ...query,
    provinceId: plan.provinceId,
    onTeam: team.map((m) => m.userId),
    inspectedUnitIds: planned.map((r) => r.unitId),
  });
}

/** Who could join one inspection's own team (while it may change); conflicts against its unit. */
export async function inspectionTeamCandidates(
  ctx: RequestContext,
  id: string,
  query: Query,
): Promise<TeamCandidatesOut> {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'edit_team', access));
  const team = await teamRows(ctx, { inspectionId: id });
  return candidates(ctx, {
    ...query,
    provinceId: row.provinceId,
    onTeam: team.map((m) => m.userId),
    inspectedUnitIds: [row.unitId],
  });
}
