/**
 * Inspections: the list (year, plan, kind, status, unit, mine) with the units in Vietnamese order, one
 * inspection with its team (conflict flags), areas, checklist and what the caller may do, the workflow's steps
 * (./rules/inspection-status.ts) — start, sign the minutes, cancel — the particulars and the team while it is not
 * yet signed, and the inspections outside a plan: surprise inspections (by hand, from a hotline escalation, from a
 * data signal) and re-inspections of a concluded one. Every step is one transaction with its journal entry;
 * every edit is version-checked (409).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, notFound, staleVersion, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { inspectionProposals, markEscalationTaken } from '../hotline/escalations.service.js';
import { ancestorPaths, viCollator } from '../units/units.service.js';
import { checklistOf } from './findings.service.js';
import {
  checkPlanned,
  checkTeamMember,
  cleanCustomItems,
  copyPlanTeam,
  headsOf,
  loadInspection,
  mineOf,
  officeProvinces,
  presentTeam,
  putTeamMember,
  removeTeamMember,
  requireActor,
  teamRows,
  today,
  unitNameOn,
  unitRefs,
  visibleInspectionsSql,
  type InspectionRow,
} from './inspection-records.service.js';
import type { InspectionDetailOut, InspectionSummaryOut } from './inspections.schemas.js';
import {
  inspectionPlans,
  inspections,
  inspectionTeamMembers,
  type InspectionForm,
  type InspectionKind,
  type InspectionStatus,
  type SurpriseSource,
} from './inspections.table.js';
import { currentSignals } from './proposals.service.js';
import type { CustomItem } from './rules/checklists.js';
import { allowedInspectionActions, inspectionTransition } from './rules/inspection-status.js';
import { signalRef } from './rules/signals.js';

/** A step the workflow refuses: 409 (not now), 403 (not the caller's), 400 (input missing). */
export function refuse(
  t: ReturnType<typeof inspectionTransition>,
): asserts t is { ok: true; to: InspectionStatus } {
  if (!t.ok)
    throw new AppError(
      t.status,
      t.status === 403 ? 'FORBIDDEN' : t.status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED',
      t.reason,
    );
}

// ---------------------------------------------------------------------------------------------------
// Reading

export async function summaries(
  ctx: RequestContext,
  rows: readonly InspectionRow[],
): Promise<InspectionSummaryOut[]> {
  const actor = requireActor(ctx);
  const ids = rows.map((r) => r.id);
  const [units, heads, mine] = await Promise.all([
    unitRefs(
      ctx,
      rows.map((r) => r.unitId),
    ),
    headsOf(ctx, ids),
    mineOf(ctx, actor.user.id, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    kind: r.kind,
    unit: units.get(r.unitId) ?? { id: r.unitId, name: '', kind: '', ended: false },
    areas: r.areas as InspectionSummaryOut['areas'],
    customItemCount: (r.customItems as unknown[] | null)?.length ?? 0,
    form: r.form,
    plannedFrom: r.plannedFrom,
    plannedTo: r.plannedTo,
    status: r.status,
    source: r.source,
    conductedOn: r.conductedOn,
    concludedOn: r.concludedOn,
    head: heads.get(r.id) ?? null,
    mine: mine.has(r.id),
    version: r.version,
  }));
}

/** Sorted as people read a list of units: by name in Vietnamese order, then by the planned start. */
export const byUnitName = (a: InspectionSummaryOut, b: InspectionSummaryOut) =>
  viCollator.compare(a.unit.name, b.unit.name) ||
  a.plannedFrom.localeCompare(b.plannedFrom) ||
  a.id.localeCompare(b.id);

export type InspectionListQuery = {
  year?: number | undefined;
  planId?: string | undefined;
  kind?: InspectionKind | undefined;
  status?: InspectionStatus | undefined;
  unitId?: string | undefined;
  mine?: 'true' | 'false' | undefined;
  limit: number;
  offset: number;
};

/** The inspections the caller may see, filtered; units in Vietnamese order. */
export async function listInspections(ctx: RequestContext, q: InspectionListQuery) {
  const actor = requireActor(ctx);
  const c: SQL[] = [visibleInspectionsSql(actor)];
  if (q.year) c.push(sql`${inspections.plannedFrom} BETWEEN ${`${q.year}-01-01`} AND ${`${q.year}-12-31`}`);
  if (q.planId) c.push(eq(inspections.planId, q.planId));
  if (q.kind) c.push(eq(inspections.kind, q.kind));
  if (q.status) c.push(eq(inspections.status, q.status));
  if (q.unitId) c.push(eq(inspections.unitId, q.unitId));
  if (q.mine === 'true')
    c.push(
      sql`${inspections.id} IN (SELECT inspection_id FROM inspection_team_members WHERE user_id = ${actor.user.id}::uuid AND inspection_id IS NOT NULL)`,
    );
  const rows = await ctx.db
    .select()
    .from(inspections)
    .where(and(...c));
  const items = (await summaries(ctx, rows)).sort(byUnitName);
  return {
    items: items.slice(q.offset, q.offset + q.limit),
    total: items.length,
    abilities: { createSurprise: (await officeProvinces(ctx, actor)).length > 0 },
  };
}

/** One inspection as its page shows it. */
export async function getInspection(ctx: RequestContext, id: string): Promise<InspectionDetailOut> {
  const { row, access } = await loadInspection(ctx, id);
  const [summary] = await summaries(ctx, [row]);
  const [plan] = row.planId
    ? await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, row.planId))
    : [];
  const [previous] = row.previousId
    ? await ctx.db.select().from(inspections).where(eq(inspections.id, row.previousId))
    : [];
  return {
    ...summary!,
    unitAsPlanned: { id: row.unitId, name: await unitNameOn(ctx, row.unitId, row.plannedFrom) },
    plan: plan ? { id: plan.id, title: plan.title, year: plan.year } : null,
    previous: previous
      ? { id: previous.id, plannedFrom: previous.plannedFrom, conductedOn: previous.conductedOn }
      : null,
    customItems: row.customItems as CustomItem[],
    reason: row.reason,
    sourceRef: row.sourceRef,
    cancelReason: row.cancelReason,
    minutesDocumentId: row.minutesDocumentId,
    conclusionDocumentId: row.conclusionDocumentId,
    team: await presentTeam(ctx, await teamRows(ctx, { inspectionId: row.id }), row.unitId),
    checklist: await checklistOf(ctx, row),
    allowedActions: allowedInspectionActions(row.status, access),
    access: { office: access.office, team: access.team, head: access.head, unit: access.unit },
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a step on an inspection, version-checked, with its journal entry (`journal` writes it with the
 * transaction's context and the row after the step).
 */
async function step(
  ctx: RequestContext,
  row: InspectionRow,
  version: number,
  patch: Partial<typeof inspections.$inferInsert>,
  journal: (tx: RequestContext, after: InspectionRow) => Promise<void>,
): Promise<void> {
  if (row.version !== version) throw staleVersion('inspection', row.version);
  await ctx.db.transaction(async (db) => {
    const [after] = await db
      .update(inspections)
      .set({ ...patch, updatedAt: new Date(), version: sql`${inspections.version} + 1` })
      .where(and(eq(inspections.id, row.id), eq(inspections.version, version)))
      .returning();
    if (!after) throw staleVersion('inspection', row.version + 1);
    await journal({ ...ctx, db }, after);
  });
}

/** The plan's year of an inspection (its dates must stay inside it), or null outside a plan. */
async function planYear(ctx: RequestContext, row: Pick<InspectionRow, 'planId'>): Promise<number | null> {
  if (!row.planId) return null;
  const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, row.planId));
  return plan?.year ?? null;
}

/** Dates, areas, own items or form (the office, or the team's head, while it is not yet signed). */
export async function updateInspection(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    plannedFrom?: string | undefined;
    plannedTo?: string | undefined;
    areas?: string[] | undefined;
    customItems?: CustomItem[] | undefined;
    form?: InspectionForm | undefined;
  },
): Promise<InspectionDetailOut> {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'edit', access));
  const next = {
    plannedFrom: input.plannedFrom ?? row.plannedFrom,
    plannedTo: input.plannedTo ?? row.plannedTo,
    areas: input.areas ? [...new Set(input.areas)] : row.areas,
    customItems: input.customItems ? cleanCustomItems(input.customItems) : (row.customItems as CustomItem[]),
    form: input.form ?? row.form,
  };
  await checkPlanned(ctx, {
    provinceId: row.provinceId,
    year: await planYear(ctx, row),
    unitId: row.unitId,
    from: next.plannedFrom,
    to: next.plannedTo,
    areas: next.areas,
    customItems: next.customItems,
  });
  await step(ctx, row, input.version, next, (tx, after) =>
    recordChange(tx, { action: 'update', entity: 'inspection', entityId: row.id, before: row, after }),
  );
  return getInspection(ctx, id);
}

/** The head of the team starts the inspection. */
export async function startInspection(ctx: RequestContext, id: string, input: { version: number }) {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'start', access));
  await step(ctx, row, input.version, { status: 'in_progress' }, (tx, after) =>
    recordChange(tx, { action: 'start', entity: 'inspection', entityId: row.id, before: row, after }),
  );
  return getInspection(ctx, id);
}

/** The head of the team signs the minutes (biên bản), recording the day the team inspected. */
export async function signMinutes(
  ctx: RequestContext,
  id: string,
  input: { version: number; conductedOn: string },
) {
  const { row, access } = await loadInspection(ctx, id);
  refuse(
    inspectionTransition(row.status, 'sign_minutes', access, {
      conductedOn: input.conductedOn,
      today: today(),
    }),
  );
  await step(
    ctx,
    row,
    input.version,
    { status: 'minutes_signed', conductedOn: input.conductedOn },
    (tx, after) =>
      recordChange(tx, {
        action: 'sign_minutes',
        entity: 'inspection',
        entityId: row.id,
        before: row,
        after,
      }),
  );
  return getInspection(ctx, id);
}

/** The office cancels a planned or running inspection, with its reason. */
export async function cancelInspection(
  ctx: RequestContext,
  id: string,
  input: { version: number; reason: string },
) {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'cancel', access, { reason: input.reason }));
  await step(
    ctx,
    row,
    input.version,
    { status: 'cancelled', cancelReason: input.reason.trim() },
    (tx, after) =>
      recordChange(tx, { action: 'cancel', entity: 'inspection', entityId: row.id, before: row, after }),
  );
  return getInspection(ctx, id);
}

/** A member of the inspection's own team (added, or their role and unit changed; a new head replaces the old). */
export async function putInspectionMember(
  ctx: RequestContext,
  id: string,
  input: { userId: string; unitId: string; role: 'head' | 'member' },
) {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'edit_team', access));
  await checkTeamMember(ctx, input);
  await ctx.db.transaction((db) => putTeamMember({ ...ctx, db }, { inspectionId: id }, input));
  return getInspection(ctx, id);
}

export async function removeInspectionMember(ctx: RequestContext, id: string, memberId: string) {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'edit_team', access));
  await ctx.db.transaction((db) => removeTeamMember({ ...ctx, db }, { inspectionId: id }, memberId));
  return getInspection(ctx, id);
}

/** Writes a new inspection and its journal entry (inside the caller's transaction). */
export async function insertInspection(
  ctx: RequestContext,
  values: typeof inspections.$inferInsert,
): Promise<InspectionRow> {
  const [row] = await ctx.db
    .insert(inspections)
    .values({ ...values, createdBy: ctx.actor?.user.id ?? null })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'inspection', entityId: row!.id, after: row });
  return row!;
}

/** The province of a unit among those the caller runs inspections for, or 403. */
async function officeProvinceOf(ctx: RequestContext, unitId: string): Promise<string> {
  const actor = requireActor(ctx);
  const provinces = await officeProvinces(ctx, actor);
  const path = (await ancestorPaths(ctx.db, [unitId])).get(unitId);
  if (!path) throw notFound('unit');
  const province = provinces.find((p) => path.includes(p));
  if (!province) throw forbidden();
  return province;
}

export type SurpriseInput = {
  unitId: string;
  areas: string[];
  customItems: CustomItem[];
  form: InspectionForm;
  plannedFrom: string;
  plannedTo: string;
  reason: string;
  source: SurpriseSource;
  escalationId?: string | undefined;
  signalKey?: string | undefined;
  team?: { userId: string; unitId: string; role: 'head' | 'member' }[] | undefined;
};

/**
 * A surprise inspection (kiểm tra đột xuất), with its reason: by hand, from a hotline escalation (the proposal is
 * marked taken, naming the inspection), or from a data signal (its key, figure and threshold kept). Its team is
 * the one given, else a copy of the province's plan's team of that year.
 */
export async function createSurprise(
  ctx: RequestContext,
  input: SurpriseInput,
): Promise<InspectionDetailOut> {
  const provinceId = await officeProvinceOf(ctx, input.unitId);
  if (!input.reason.trim()) throw validation('reason', 'inspections.reason_required');
  let sourceRef: string | null = null;
  if (input.source === 'hotline') {
    if (!input.escalationId) throw validation('escalationId', 'inspections.escalation_required');
    const open = (await inspectionProposals(ctx)).find((e) => e.id === input.escalationId);
    if (!open || open.provinceId !== provinceId)
      throw new AppError(409, 'CONFLICT', 'inspections.escalation_not_open');
    sourceRef = input.escalationId;
  }
  if (input.source === 'signal') {
    if (!input.signalKey) throw validation('signalKey', 'inspections.signal_required');
    const signal = (await currentSignals(ctx, provinceId)).find(
      (s) => s.key === input.signalKey && s.unitId === input.unitId,
    );
    if (!signal) throw new AppError(409, 'CONFLICT', 'inspections.signal_unknown');
    sourceRef = signalRef(signal);
  }
  const customItems = cleanCustomItems(input.customItems);
  const areas = [...new Set(input.areas)];
  await checkPlanned(ctx, {
    provinceId,
    year: null,
    unitId: input.unitId,
    from: input.plannedFrom,
    to: input.plannedTo,
    areas,
    customItems,
  });
  if (input.team) {
    if (input.team.filter((m) => m.role === 'head').length !== 1)
      throw validation('team', 'inspections.team_head_required');
    for (const m of input.team) await checkTeamMember(ctx, m);
  }
  const year = Number(input.plannedFrom.slice(0, 4));
  const [plan] = await ctx.db
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.provinceId, provinceId), eq(inspectionPlans.year, year)));
  const created = await ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const row = await insertInspection(tx, {
      planId: null,
      provinceId,
      kind: 'surprise',
      unitId: input.unitId,
      areas,
      customItems,
      form: input.form,
      plannedFrom: input.plannedFrom,
      plannedTo: input.plannedTo,
      source: input.source,
      sourceRef,
      reason: input.reason.trim(),
    });
    if (input.team) for (const m of input.team) await putTeamMember(tx, { inspectionId: row.id }, m);
    else if (plan) await copyPlanTeam(tx, plan.id, row.id);
    if (input.source === 'hotline' && !(await markEscalationTaken(tx, input.escalationId!, row.id)))
      throw new AppError(409, 'CONFLICT', 'inspections.escalation_not_open');
    return row;
  });
  return getInspection(ctx, created.id);
}

/** A re-inspection of a concluded inspection (the office): the same unit, its areas and items, its team. */
export async function reinspect(
  ctx: RequestContext,
  id: string,
  input: {
    plannedFrom: string;
    plannedTo: string;
    reason: string;
    form?: InspectionForm | undefined;
    areas?: string[] | undefined;
  },
): Promise<InspectionDetailOut> {
  const { row, access } = await loadInspection(ctx, id);
  refuse(inspectionTransition(row.status, 'reinspect', access));
  if (!input.reason.trim()) throw validation('reason', 'inspections.reason_required');
  const areas = input.areas ? [...new Set(input.areas)] : row.areas;
  const customItems = row.customItems as CustomItem[];
  await checkPlanned(ctx, {
    provinceId: row.provinceId,
    year: null,
    unitId: row.unitId,
    from: input.plannedFrom,
    to: input.plannedTo,
    areas,
    customItems,
  });
  const team = await teamRows(ctx, { inspectionId: row.id });
  const created = await ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const next = await insertInspection(tx, {
      planId: null,
      provinceId: row.provinceId,
      kind: 're_inspection',
      previousId: row.id,
      unitId: row.unitId,
      areas,
      customItems,
      form: input.form ?? row.form,
      plannedFrom: input.plannedFrom,
      plannedTo: input.plannedTo,
      reason: input.reason.trim(),
    });
    for (const m of team)
      await putTeamMember(
        tx,
        { inspectionId: next.id },
        { userId: m.userId, unitId: m.unitId, role: m.role },
      );
    return next;
  });
  return getInspection(ctx, created.id);
}

/** Inspections by id (for other parts of the module), whatever the caller: callers check access themselves. */
export async function inspectionRows(ctx: RequestContext, ids: readonly string[]): Promise<InspectionRow[]> {
  if (!ids.length) return [];
  return ctx.db
    .select()
    .from(inspections)
    .where(inArray(inspections.id, [...ids]));
}

/** The team members' rows of an inspection (other parts of the module: minutes, conclusions). */
export const inspectionTeam = (ctx: RequestContext, inspectionId: string) =>
  ctx.db.select().from(inspectionTeamMembers).where(eq(inspectionTeamMembers.inspectionId, inspectionId));
