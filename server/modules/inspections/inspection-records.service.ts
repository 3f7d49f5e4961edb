/**
 * What the inspections' services share: the caller, the provinces they run inspections for, one inspection with
 * the caller's standing on it, units and people as shown beside a record, a team with its conflict-of-interest
 * flags, and the checks of a unit and dates before an inspection is planned (./rules/conflicts.ts).
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, forbidden, notFound, unauthenticated, validation } from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { loadActor } from '../access/access.service.js';
import { recordChange } from '../audit/audit.service.js';
import { usersByIds } from '../users/users.service.js';
import { ancestorPaths, getUnits, subtreeSql, unitDisplayName } from '../units/units.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import {
  INSPECTION_OFFICE,
  INSPECTION_READERS,
  INSPECTION_UNIT_ROLES,
  inspectionAccess,
  type InspectionAccess,
} from './inspections.policy.js';
import type { TeamMemberOut } from './inspections.schemas.js';
import { inspections, inspectionTeamMembers } from './inspections.table.js';
import { customItemProblems, type CustomItem } from './rules/checklists.js';
import {
  conflictReasons,
  plannedDateProblems,
  unitValidityProblem,
  type ConflictReason,
} from './rules/conflicts.js';

export type InspectionRow = typeof inspections.$inferSelect;
export type TeamRow = typeof inspectionTeamMembers.$inferSelect;

export const today = () => todayInVietnam();

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * The provinces whose inspections the caller runs: an administrator's or standing officer's grant on the
 * province itself (a grant on one department does not make its holder the province's standing agency).
 */
export async function officeProvinces(ctx: RequestContext, actor: Actor): Promise<string[]> {
  const roots = actor.rootsFor(INSPECTION_OFFICE);
  if (!roots.length) return [];
  const found = await getUnits(ctx.db, roots);
  return found
    .filter((u) => u.kind === 'province' && actor.hasRoleOver(INSPECTION_OFFICE, [u.id]))
    .map((u) => u.id);
}

/** The office over this province, or 403. */
export function requireOffice(actor: Actor, provinceId: string): void {
  if (!actor.hasRoleOver(INSPECTION_OFFICE, [provinceId])) throw forbidden();
}

/** One inspection with the caller's standing on it: 404 when there is none, 403 when the caller may not read it. */
export async function loadInspection(
  ctx: RequestContext,
  id: string,
): Promise<{ row: InspectionRow; access: InspectionAccess }> {
  requireActor(ctx);
  const [row] = await ctx.db.select().from(inspections).where(eq(inspections.id, id));
  if (!row) throw notFound('inspection');
  const access = await inspectionAccess(ctx, row);
  if (!access.read) throw forbidden();
  return { row, access };
}

/** Which inspections the caller may see, as SQL over `inspections`. */
export function visibleInspectionsSql(actor: Actor): SQL {
  const province = actor.rootsFor(INSPECTION_READERS);
  const units = actor.rootsFor(INSPECTION_UNIT_ROLES);
  const parts: SQL[] = [
    sql`${inspections.id} IN (SELECT inspection_id FROM inspection_team_members WHERE user_id = ${actor.user.id}::uuid AND inspection_id IS NOT NULL)`,
  ];
  // The office and the committee: their province's (a grant on a department reaches no province).
  if (province.length)
    parts.push(
      sql`${inspections.provinceId} IN (${sql.join(
        province.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  if (units.length) parts.push(sql`${inspections.unitId} IN (${subtreeSql(units)})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export type UnitRef = { id: string; name: string; kind: string; ended: boolean };

/** Units as shown beside records: today's name (an ended unit by its last one), kind, whether it has ended. */
export async function unitRefs(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const on = today();
  const rows = await getUnits(ctx.db, [...new Set(ids.filter(Boolean))]);
  return new Map(
    rows.map((u) => [
      u.id,
      { id: u.id, name: unitDisplayName(u), kind: u.kind, ended: u.validTo !== null && u.validTo < on },
    ]),
  );
}

/** A unit's name as it was on a day (its version then), else its name today. */
export async function unitNameOn(ctx: RequestContext, unitId: string, day: string): Promise<string> {
  const found = (await unitsAsOf(ctx.db, { date: day, withinId: unitId, limit: 2_000 })).find(
    (u) => u.id === unitId,
  );
  if (found) return unitDisplayName({ kind: found.kind, name: found.name, fullName: found.fullName });
  return (await unitRefs(ctx, [unitId])).get(unitId)?.name ?? '';
}

export async function userRefs(ctx: RequestContext, ids: readonly string[]) {
  const rows = await usersByIds(ctx, [...new Set(ids.filter(Boolean))]);
  return new Map(rows.map((u) => [u.id, { id: u.id, fullName: u.fullName }]));
}

// ---------------------------------------------------------------------------------------------------
// Teams

export const teamWhere = (owner: { planId: string } | { inspectionId: string }) =>
  'planId' in owner
    ? and(eq(inspectionTeamMembers.planId, owner.planId), isNull(inspectionTeamMembers.inspectionId))
    : eq(inspectionTeamMembers.inspectionId, owner.inspectionId);

export async function teamRows(
  ctx: RequestContext,
  owner: { planId: string } | { inspectionId: string },
): Promise<TeamRow[]> {
  return ctx.db
    .select()
    .from(inspectionTeamMembers)
    .where(teamWhere(owner))
    .orderBy(
      sql`CASE WHEN ${inspectionTeamMembers.role} = 'head' THEN 0 ELSE 1 END`,
      asc(inspectionTeamMembers.createdAt),
    );
}

/** The grants of the given users (their actors, lineage included), for conflicts and the team's role check. */
async function actorsOf(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, Actor>> {
  const users = await usersByIds(ctx, [...new Set(userIds)]);
  const out = new Map<string, Actor>();
  for (const u of users)
    out.set(
      u.id,
      await loadActor(ctx.db, { id: u.id, email: u.email, fullName: u.fullName, unitId: u.unitId }),
    );
  return out;
}

/**
 * Why each person (a team member, or someone who could join) may have a conflict of interest with each of the
 * inspected units (./rules/conflicts.ts): by `key`, the inspected units with at least one reason. `unitId` is the
 * unit the person comes from (null: none known).
 */
export async function conflictsWith(
  ctx: RequestContext,
  people: readonly { key: string; userId: string; unitId: string | null }[],
  inspectedUnitIds: readonly string[],
): Promise<Map<string, Map<string, ConflictReason[]>>> {
  const out = new Map<string, Map<string, ConflictReason[]>>();
  const inspectedIds = [...new Set(inspectedUnitIds)];
  if (!people.length || !inspectedIds.length) return out;
  const actors = await actorsOf(
    ctx,
    people.map((p) => p.userId),
  );
  const grantUnits = [...actors.values()].flatMap((a) => a.grants.map((g) => g.unitId));
  const paths = await ancestorPaths(ctx.db, [
    ...inspectedIds,
    ...grantUnits,
    ...people.flatMap((p) => (p.unitId ? [p.unitId] : [])),
  ]);
  for (const p of people) {
    const member = {
      unitPath: p.unitId ? (paths.get(p.unitId) ?? [p.unitId]) : [],
      grants: (actors.get(p.userId)?.grants ?? []).map((g) => ({
        role: g.role,
        unitPath: paths.get(g.unitId) ?? [g.unitId],
      })),
    };
    const byUnit = new Map<string, ConflictReason[]>();
    for (const unitId of inspectedIds) {
      const reasons = conflictReasons(member, { unitId, unitPath: paths.get(unitId) ?? [unitId] });
      if (reasons.length) byUnit.set(unitId, reasons);
    }
    out.set(p.key, byUnit);
  }
  return out;
}

/**
 * A team as shown: each member with their unit and, when an inspected unit is given, the reasons they may have a
 * conflict of interest with it (./rules/conflicts.ts).
 */
export async function presentTeam(
  ctx: RequestContext,
  rows: readonly TeamRow[],
  inspectedUnitId: string | null,
): Promise<TeamMemberOut[]> {
  if (!rows.length) return [];
  const users = await userRefs(
    ctx,
    rows.map((r) => r.userId),
  );
  const units = await unitRefs(
    ctx,
    rows.map((r) => r.unitId),
  );
  const conflicts = inspectedUnitId
    ? await conflictsWith(
        ctx,
        rows.map((r) => ({ key: r.id, userId: r.userId, unitId: r.unitId })),
        [inspectedUnitId],
      )
    : new Map<string, Map<string, ConflictReason[]>>();
  return rows.map((r) => ({
    id: r.id,
    user: users.get(r.userId) ?? { id: r.userId, fullName: '' },
    unit: units.get(r.unitId) ?? { id: r.unitId, name: '', kind: '', ended: false },
    role: r.role,
    conflicts: (inspectedUnitId && conflicts.get(r.id)?.get(inspectedUnitId)) || [],
  }));
}

/** The roles a team member must hold (somewhere): the inspector's, or the standing agency's. */
export const TEAM_MEMBER_ROLES: readonly Role[] = ['inspector', 'standing_officer', 'admin'];

/** The people a team may take: an active account holding the inspector's or the standing agency's role. */
export async function checkTeamMember(ctx: RequestContext, input: { userId: string; unitId: string }) {
  const actors = await actorsOf(ctx, [input.userId]);
  const [user] = await usersByIds(ctx, [input.userId]);
  if (!user) throw notFound('user');
  if (!user.active) throw validation('userId', 'inspections.member_inactive');
  if (!actors.get(user.id)?.hasRole(...TEAM_MEMBER_ROLES))
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'inspections.member_not_inspector',
      { name: user.fullName },
      [{ field: 'userId', message: 'inspections.member_not_inspector' }],
    );
  const [unit] = await getUnits(ctx.db, [input.unitId]);
  if (!unit) throw notFound('unit');
}

/**
 * Adds a member to a team (or changes their role and unit if already on it); a new head makes the former head a
 * member, so a team never has two. Journalled; inside the caller's transaction.
 */
export async function putTeamMember(
  ctx: RequestContext,
  owner: { planId: string } | { inspectionId: string },
  input: { userId: string; unitId: string; role: 'head' | 'member' },
): Promise<TeamRow> {
  const existing = await teamRows(ctx, owner);
  if (input.role === 'head')
    for (const h of existing.filter((m) => m.role === 'head' && m.userId !== input.userId)) {
      const [after] = await ctx.db
        .update(inspectionTeamMembers)
        .set({ role: 'member' })
        .where(eq(inspectionTeamMembers.id, h.id))
        .returning();
      await recordTeam(ctx, h, after!);
    }
  const same = existing.find((m) => m.userId === input.userId);
  if (same) {
    const [after] = await ctx.db
      .update(inspectionTeamMembers)
      .set({ role: input.role, unitId: input.unitId })
      .where(eq(inspectionTeamMembers.id, same.id))
      .returning();
    await recordTeam(ctx, same, after!);
    return after!;
  }
  const [row] = await ctx.db
    .insert(inspectionTeamMembers)
    .values({
      ...('planId' in owner ? { planId: owner.planId } : { inspectionId: owner.inspectionId }),
      userId: input.userId,
      unitId: input.unitId,
      role: input.role,
    })
    .returning();
  await recordTeam(ctx, null, row!);
  return row!;
}

async function recordTeam(ctx: RequestContext, before: TeamRow | null, after: TeamRow) {
  if (before)
    await recordChange(ctx, {
      action: 'update',
      entity: 'inspection_team_member',
      entityId: after.id,
      before,
      after,
    });
  else
    await recordChange(ctx, {
      action: 'create',
      entity: 'inspection_team_member',
      entityId: after.id,
      after,
    });
}

/** Copies a plan's team onto a new inspection (then edited on the inspection). */
export async function copyPlanTeam(ctx: RequestContext, planId: string, inspectionId: string): Promise<void> {
  const rows = await teamRows(ctx, { planId });
  for (const r of rows)
    await putTeamMember(ctx, { inspectionId }, { userId: r.userId, unitId: r.unitId, role: r.role });
}

/** Removes a member of a team (journalled; inside the caller's transaction). */
export async function removeTeamMember(
  ctx: RequestContext,
  owner: { planId: string } | { inspectionId: string },
  memberId: string,
): Promise<void> {
  const [row] = await ctx.db
    .delete(inspectionTeamMembers)
    .where(and(eq(inspectionTeamMembers.id, memberId), teamWhere(owner)))
    .returning();
  if (!row) throw notFound('inspection_team_member');
  await recordChange(ctx, {
    action: 'delete',
    entity: 'inspection_team_member',
    entityId: row.id,
    before: row,
  });
}

// ---------------------------------------------------------------------------------------------------
// What may be inspected when

/**
 * The checks before an inspection is planned or moved: dates in order (and inside the plan's year when it has
 * one), the unit in the province and in force over the whole planned period, something to inspect.
 */
export async function checkPlanned(
  ctx: RequestContext,
  input: {
    provinceId: string;
    year: number | null;
    unitId: string;
    from: string;
    to: string;
    areas: readonly string[];
    customItems: readonly CustomItem[];
  },
): Promise<void> {
  const dates = plannedDateProblems({ year: input.year, from: input.from, to: input.to });
  if (dates.length) {
    const first = dates[0]!;
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      first.key,
      'year' in first ? { year: first.year } : {},
      dates.map((d): { field: string; message: string; params: Record<string, number> } => ({
        field: d.field,
        message: d.key,
        params: 'year' in d ? { year: d.year } : {},
      })),
    );
  }
  const [unit] = await getUnits(ctx.db, [input.unitId]);
  if (!unit) throw notFound('unit');
  const path = (await ancestorPaths(ctx.db, [unit.id])).get(unit.id) ?? [unit.id];
  if (!path.includes(input.provinceId) || unit.id === input.provinceId)
    throw validation('unitId', 'inspections.unit_outside_province');
  const problem = unitValidityProblem(
    { validFrom: unit.validFrom, validTo: unit.validTo },
    input.from,
    input.to,
  );
  if (problem) {
    const name =
      problem.key === 'inspections.unit_not_yet'
        ? unitDisplayName(unit)
        : await unitNameOn(ctx, unit.id, problem.date);
    throw new AppError(400, 'VALIDATION_FAILED', problem.key, { name, date: problem.date }, [
      { field: 'unitId', message: problem.key, params: { name, date: problem.date } },
    ]);
  }
  if (!input.areas.length && !input.customItems.length)
    throw validation('areas', 'inspections.areas_required');
  const items = ownItemProblems(input.customItems);
  if (items.length)
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'inspections.checklist_invalid',
      { count: items.length },
      items.map((p) => ({
        field: p.path,
        // An own item's text is needed in Vietnamese only (English is optional: the Vietnamese stands in).
        message:
          p.problem === 'text_required'
            ? ('inspections.custom_item_text_required' as const)
            : (`inspections.checklist.${p.problem}` as const),
        params: maxParam(p.max),
      })),
    );
}

/** An inspection's own items' problems (./rules/checklists.ts), English text optional. */
export const ownItemProblems = (items: readonly CustomItem[]) =>
  customItemProblems(items).filter((p) => !(p.problem === 'text_required' && p.path.endsWith('.text.en')));

/** A problem's `{max}`, when it has one. */
export const maxParam = (max: number | undefined): Record<string, number> =>
  max === undefined ? {} : { max };

/** Custom items as stored: trimmed (an English text not given is stored empty; the pages show the Vietnamese). */
export const cleanCustomItems = (items: readonly CustomItem[]): CustomItem[] =>
  items.map((i) => ({
    key: i.key.trim(),
    text: { vi: i.text.vi.trim(), en: (i.text.en ?? '').trim() },
  }));

/** The team heads of the given inspections (for lists). */
export async function headsOf(ctx: RequestContext, inspectionIds: readonly string[]) {
  if (!inspectionIds.length) return new Map<string, { id: string; fullName: string }>();
  const rows = await ctx.db
    .select({ inspectionId: inspectionTeamMembers.inspectionId, userId: inspectionTeamMembers.userId })
    .from(inspectionTeamMembers)
    .where(
      and(
        inArray(inspectionTeamMembers.inspectionId, [...inspectionIds]),
        eq(inspectionTeamMembers.role, 'head'),
      ),
    );
  const users = await userRefs(
    ctx,
    rows.map((r) => r.userId),
  );
  return new Map(rows.map((r) => [r.inspectionId!, users.get(r.userId) ?? { id: r.userId, fullName: '' }]));
}

/** The inspections among these that the user is on the team of. */
export async function mineOf(ctx: RequestContext, userId: string, inspectionIds: readonly string[]) {
  if (!inspectionIds.length) return new Set<string>();
  const rows = await ctx.db
    .select({ inspectionId: inspectionTeamMembers.inspectionId })
    .from(inspectionTeamMembers)
    .where(
      and(
        inArray(inspectionTeamMembers.inspectionId, [...inspectionIds]),
        eq(inspectionTeamMembers.userId, userId),
      ),
    );
  return new Set(rows.map((r) => r.inspectionId!));
}
