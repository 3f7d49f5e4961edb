/**
 * The province's inspection plan of a year (kế hoạch kiểm tra CCHC): its particulars and documents (the plan as
 * issued and the decision establishing the team, from the documents register), draft → approved, the joint team
 * (a user, the unit they come from, head or member — exactly one head before approval), the inspections it plans
 * (a unit, areas, own items, form, dates inside the year, the unit in force on them; the plan's team copied onto
 * each), and its progress: inspected (minutes signed or concluded) of planned, by area and by kind of unit.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict, forbidden, notFound, staleVersion, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs, requireDocumentAccess } from '../documents/documents.service.js';
import { REFORM_AREAS, type ReformArea } from '../tasks/index.js';
import { getUnits } from '../units/units.service.js';
import {
  checkPlanned,
  checkTeamMember,
  cleanCustomItems,
  copyPlanTeam,
  officeProvinces,
  presentTeam,
  putTeamMember,
  removeTeamMember,
  requireActor,
  requireOffice,
  teamRows,
  visibleInspectionsSql,
} from './inspection-records.service.js';
import { byUnitName, getInspection, insertInspection, summaries } from './inspections.service.js';
import { INSPECTION_READERS } from './inspections.policy.js';
import type { PlanDetailOut } from './inspections.schemas.js';
import {
  inspectionPlans,
  inspections,
  inspectionTeamMembers,
  type InspectionForm,
} from './inspections.table.js';
import type { CustomItem } from './rules/checklists.js';
import { isCounted, isInspected } from './rules/inspection-status.js';

type PlanRow = typeof inspectionPlans.$inferSelect;

/**
 * Who reads a plan: the office and the committee over its province, inspectors over it, and the members of its
 * team. (A unit's people see their own unit's inspections in the list, not the whole plan.)
 */
async function canReadPlan(ctx: RequestContext, plan: PlanRow): Promise<boolean> {
  const actor = requireActor(ctx);
  if (actor.hasRoleOver([...INSPECTION_READERS, 'inspector'], [plan.provinceId])) return true;
  const [member] = await ctx.db
    .select({ id: inspectionTeamMembers.id })
    .from(inspectionTeamMembers)
    .where(and(eq(inspectionTeamMembers.planId, plan.id), eq(inspectionTeamMembers.userId, actor.user.id)));
  return !!member;
}

async function loadPlan(ctx: RequestContext, id: string): Promise<PlanRow> {
  const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  if (!plan) throw notFound('inspection_plan');
  if (!(await canReadPlan(ctx, plan))) throw forbidden();
  return plan;
}

/** The plan, for the office over its province only. */
export async function managedPlan(ctx: RequestContext, id: string): Promise<PlanRow> {
  const actor = requireActor(ctx);
  const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  if (!plan) throw notFound('inspection_plan');
  requireOffice(actor, plan.provinceId);
  return plan;
}

async function counts(ctx: RequestContext, planIds: readonly string[]) {
  const out = new Map<string, { planned: number; inspected: number; cancelled: number }>();
  if (!planIds.length) return out;
  const rows = await ctx.db
    .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(inArray(inspections.planId, [...planIds]))
    .groupBy(inspections.planId, inspections.status);
  for (const r of rows) {
    const c = out.get(r.planId!) ?? { planned: 0, inspected: 0, cancelled: 0 };
    const n = Number(r.n);
    if (isCounted(r.status)) c.planned += n;
    else c.cancelled += n;
    if (isInspected(r.status)) c.inspected += n;
    out.set(r.planId!, c);
  }
  return out;
}

const summary = (p: PlanRow, c: { planned: number; inspected: number; cancelled: number } | undefined) => ({
  id: p.id,
  provinceId: p.provinceId,
  year: p.year,
  title: p.title,
  status: p.status,
  note: p.note,
  documentId: p.documentId,
  teamDecisionId: p.teamDecisionId,
  counts: c ?? { planned: 0, inspected: 0, cancelled: 0 },
  version: p.version,
});

/** The plans the caller may read, newest year first. */
export async function listInspectionPlans(ctx: RequestContext, q: { year?: number | undefined }) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(inspectionPlans)
    .where(q.year ? eq(inspectionPlans.year, q.year) : undefined)
    .orderBy(desc(inspectionPlans.year), asc(inspectionPlans.title));
  const readable: PlanRow[] = [];
  for (const r of rows) if (await canReadPlan(ctx, r)) readable.push(r);
  const c = await counts(
    ctx,
    readable.map((r) => r.id),
  );
  return {
    items: readable.map((r) => summary(r, c.get(r.id))),
    abilities: { create: (await officeProvinces(ctx, actor)).length > 0 },
  };
}

export async function getInspectionPlan(ctx: RequestContext, id: string): Promise<PlanDetailOut> {
  const actor = requireActor(ctx);
  const plan = await loadPlan(ctx, id);
  const c = await counts(ctx, [id]);
  const docs = await documentRefs(
    ctx,
    [plan.documentId, plan.teamDecisionId].filter((x): x is string => !!x),
  );
  const rows = await ctx.db
    .select()
    .from(inspections)
    .where(and(eq(inspections.planId, id), visibleInspectionsSql(actor)));
  const office = actor.hasRoleOver(['admin', 'standing_officer'], [plan.provinceId]);
  return {
    ...summary(plan, c.get(id)),
    document: plan.documentId ? (docs.get(plan.documentId) ?? null) : null,
    teamDecision: plan.teamDecisionId ? (docs.get(plan.teamDecisionId) ?? null) : null,
    team: await presentTeam(ctx, await teamRows(ctx, { planId: id }), null),
    inspections: (await summaries(ctx, rows)).sort(byUnitName),
    abilities: { update: office, editTeam: office, addInspections: office },
  };
}

/** A plan for a year of the province the caller runs inspections for (one a year). */
export async function createInspectionPlan(
  ctx: RequestContext,
  input: { title: string; year: number; note?: string | undefined; provinceId?: string | undefined },
): Promise<PlanDetailOut> {
  const actor = requireActor(ctx);
  const provinces = await officeProvinces(ctx, actor);
  const provinceId = input.provinceId ?? (provinces.length === 1 ? provinces[0] : undefined);
  if (!provinces.length) throw forbidden('inspections.no_office_province');
  if (!provinceId || !provinces.includes(provinceId))
    throw validation('provinceId', 'inspections.no_office_province');
  const created = await ctx.db.transaction(async (db) => {
    const [row] = await db
      .insert(inspectionPlans)
      .values({
        provinceId,
        year: input.year,
        title: input.title.trim(),
        note: (input.note ?? '').trim(),
        createdBy: actor.user.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('inspections.plan_year_taken', { year: input.year });
    await recordChange(
      { ...ctx, db },
      { action: 'create', entity: 'inspection_plan', entityId: row.id, after: row },
    );
    return row;
  });
  return getInspectionPlan(ctx, created.id);
}

/**
 * The plan's particulars, documents and status (draft → approved; approval needs a team with exactly one head).
 * Version-checked.
 */
export async function updateInspectionPlan(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    title?: string | undefined;
    note?: string | undefined;
    status?: 'draft' | 'approved' | undefined;
    documentId?: string | null | undefined;
    teamDecisionId?: string | null | undefined;
  },
): Promise<PlanDetailOut> {
  const plan = await managedPlan(ctx, id);
  if (plan.version !== input.version) throw staleVersion('inspection_plan', plan.version);
  if (plan.status === 'approved' && input.status === 'draft') throw conflict('inspections.plan_approved');
  if (input.status === 'approved' && plan.status !== 'approved') {
    const heads = (await teamRows(ctx, { planId: id })).filter((m) => m.role === 'head');
    if (heads.length !== 1)
      throw new AppError(409, 'CONFLICT', 'inspections.team_head_required', {}, [
        { field: 'status', message: 'inspections.team_head_required' },
      ]);
  }
  const linked = [input.documentId, input.teamDecisionId].filter((x): x is string => !!x);
  if (linked.length) await requireDocumentAccess(ctx, 'read', linked);
  const patch: Partial<typeof inspectionPlans.$inferInsert> = {};
  if (input.title !== undefined) patch.title = input.title.trim();
  if (input.note !== undefined) patch.note = input.note.trim();
  if (input.status !== undefined) patch.status = input.status;
  if (input.documentId !== undefined) patch.documentId = input.documentId;
  if (input.teamDecisionId !== undefined) patch.teamDecisionId = input.teamDecisionId;
  await ctx.db.transaction(async (db) => {
    const [after] = await db
      .update(inspectionPlans)
      .set({ ...patch, updatedAt: new Date(), version: sql`${inspectionPlans.version} + 1` })
      .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, input.version)))
      .returning();
    if (!after) throw staleVersion('inspection_plan', plan.version + 1);
    await recordChange(
      { ...ctx, db },
      { action: 'update', entity: 'inspection_plan', entityId: id, before: plan, after },
    );
  });
  return getInspectionPlan(ctx, id);
}

/** A member of the plan's joint team (added, or role and unit changed; a new head replaces the former one). */
export async function putPlanMember(
  ctx: RequestContext,
  id: string,
  input: { userId: string; unitId: string; role: 'head' | 'member' },
): Promise<PlanDetailOut> {
  await managedPlan(ctx, id);
  await checkTeamMember(ctx, input);
  await ctx.db.transaction((db) => putTeamMember({ ...ctx, db }, { planId: id }, input));
  return getInspectionPlan(ctx, id);
}

export async function removePlanMember(
  ctx: RequestContext,
  id: string,
  memberId: string,
): Promise<PlanDetailOut> {
  await managedPlan(ctx, id);
  await ctx.db.transaction((db) => removeTeamMember({ ...ctx, db }, { planId: id }, memberId));
  return getInspectionPlan(ctx, id);
}

/**
 * An inspection in the plan: the unit (in force over the planned dates, in the plan's province), its areas and
 * own items, form, dates inside the plan's year; the plan's team is copied onto it (then edited on it).
 */
export async function addPlanInspection(
  ctx: RequestContext,
  id: string,
  input: {
    unitId: string;
    areas: string[];
    customItems: CustomItem[];
    form: InspectionForm;
    plannedFrom: string;
    plannedTo: string;
  },
) {
  const plan = await managedPlan(ctx, id);
  const areas = [...new Set(input.areas)];
  const customItems = cleanCustomItems(input.customItems);
  await checkPlanned(ctx, {
    provinceId: plan.provinceId,
    year: plan.year,
    unitId: input.unitId,
    from: input.plannedFrom,
    to: input.plannedTo,
    areas,
    customItems,
  });
  const row = await ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const created = await insertInspection(tx, {
      planId: plan.id,
      provinceId: plan.provinceId,
      kind: 'planned',
      unitId: input.unitId,
      areas,
      customItems,
      form: input.form,
      plannedFrom: input.plannedFrom,
      plannedTo: input.plannedTo,
    });
    await copyPlanTeam(tx, plan.id, created.id);
    return created;
  });
  return getInspection(ctx, row.id);
}

/** Inspected (minutes signed or concluded) of planned (not cancelled), in all, by area and by kind of unit. */
export async function planProgress(ctx: RequestContext, id: string) {
  const plan = await loadPlan(ctx, id);
  const rows = (await ctx.db.select().from(inspections).where(eq(inspections.planId, id))).filter((r) =>
    isCounted(r.status),
  );
  const kinds = new Map(
    (
      await getUnits(
        ctx.db,
        rows.map((r) => r.unitId),
      )
    ).map((u) => [u.id, u.kind]),
  );
  const byArea = new Map<ReformArea, { planned: number; inspected: number }>(
    REFORM_AREAS.map((a) => [a, { planned: 0, inspected: 0 }]),
  );
  const byKind = new Map<string, { planned: number; inspected: number }>();
  let inspected = 0;
  for (const r of rows) {
    const done = isInspected(r.status) ? 1 : 0;
    inspected += done;
    for (const a of r.areas) {
      const g = byArea.get(a as ReformArea);
      if (!g) continue;
      g.planned++;
      g.inspected += done;
    }
    const kind = kinds.get(r.unitId) ?? 'other';
    const k = byKind.get(kind) ?? { planned: 0, inspected: 0 };
    k.planned++;
    k.inspected += done;
    byKind.set(kind, k);
  }
  return {
    planId: plan.id,
    year: plan.year,
    planned: rows.length,
    inspected,
    share: rows.length ? inspected / rows.length : null,
    byArea: [...byArea].filter(([, g]) => g.planned > 0).map(([area, g]) => ({ area, ...g })),
    byUnitKind: [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, g]) => ({ kind, ...g })),
  };
}
