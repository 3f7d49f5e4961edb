/**
 * Improvements (./README.md "Improvements"): a weak field, element or dimension of a year given to a lead unit with
 * an improvement plan whose tasks are tracked in the steering loop — through the plans module's exported services,
 * never its tables:
 *
 * - a **new plan** is a plan of the lead unit for the year of the work (`createPlan` with `ownerKind: 'unit'`,
 *   owner = the lead unit: the plans module lets the standing agency register a unit's plan, and a unit's plan is
 *   what a department's focal point and leader already follow) with `purpose: 'improvement'` — not the unit's
 *   yearly PAR plan, so it counts neither in the plan coverage nor in the PAR Index's "ban hành kế hoạch CCHC"
 *   criterion; or the tasks go into an **existing plan** — one of the lead unit's own plans of that year, or the
 *   province's committee plan;
 * - each task is added with `addTask` (lead = the lead unit, the reform area of the dimension by default, the due
 *   date in the plan's year), `source: 'directive'` (the committee's direction to improve the index) and
 *   `sourceRef: 'standing:<improvement id>'`, so the improvement finds its tasks back with `tasksBySource` (live
 *   status, timing on the working-day calendar) — its progress is those tasks, whichever plan holds them;
 * - the improvement row, the plan, the tasks and their journal entries commit together.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden, notFound, staleVersion, validation } from '../../core/errors.js';
import { allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { addTask, createPlan, getPlan, listPlans } from '../plans/plans.service.js';
import { tasksBySource, type SourcedTask } from '../plans/task-lookup.service.js';
import { getUnits, subtreeSql, unitFacts } from '../units/units.service.js';
import {
  dimensionFor,
  INDEX_SPECS,
  OVERALL,
  OVERALL_NAME,
  type IndexCode,
  type WeakReason,
} from './rules/index.js';
import { improvementPolicy, STANDINGS_UNIT_ROLES, standingsPolicy } from './standings.policy.js';
import type {
  ImprovementIn,
  ImprovementListOut,
  ImprovementOut,
  ImprovementTaskIn,
  PlanOptionsOut,
} from './standings.schemas.js';
import {
  dimensionOrFail,
  editableProvince,
  presentResult,
  provinceFor,
  readResult,
  requireActor,
  resultIndex,
  type Province,
} from './standings.service.js';
import { standingImprovements, standingResults } from './standings.table.js';

type ImprovementRow = typeof standingImprovements.$inferSelect;

/** How an improvement names its tasks in the plans module (`plan_tasks.source_ref`). */
export const taskRef = (improvementId: string) => `standing:${improvementId}`;
const TASK_SOURCE = 'directive' as const;

const WEAK_WORDS: Record<WeakReason, string> = {
  below_average: 'thấp hơn trung bình cả nước',
  falling: 'giảm so với năm trước',
  bottom_third: 'thuộc nhóm một phần ba cuối bảng xếp hạng',
};

/** The default reason, in Vietnamese (a record of the province, like the plan's title). */
function reasonOf(
  index: IndexCode,
  year: number,
  dimensionName: string,
  weak: readonly WeakReason[],
): string {
  const why = weak.length ? `: ${weak.map((w) => WEAK_WORDS[w]).join('; ')}` : '';
  return `${INDEX_SPECS[index].shortName.vi} năm ${year} — ${dimensionName}${why}.`;
}

// ---------------------------------------------------------------------------------------------------
// Reading

async function subjectsOf(ctx: RequestContext, rows: readonly ImprovementRow[]) {
  const facts = await unitFacts(ctx.db, [...rows.map((r) => r.leadUnitId), ...rows.map((r) => r.provinceId)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        provincePath: facts.get(r.provinceId)?.path ?? [r.provinceId],
        leadUnitPath: facts.get(r.leadUnitId)?.path ?? [r.leadUnitId],
        leadUnitName: facts.get(r.leadUnitId)?.name ?? '',
      },
    ]),
  );
}

function progressOf(tasks: readonly SourcedTask[]): ImprovementOut['progress'] {
  const cancelled = tasks.filter((t) => t.status === 'cancelled').length;
  const verified = tasks.filter((t) => t.status === 'verified').length;
  const live = tasks.length - cancelled;
  return {
    total: tasks.length,
    verified,
    reportedDone: tasks.filter((t) => t.status === 'reported_done').length,
    overdue: tasks.filter((t) => t.timing.state === 'overdue').length,
    cancelled,
    percent: live > 0 ? Math.round((verified / live) * 1000) / 10 : null,
  };
}

/** Improvements as the API shows them: the weak result, the plan, its tasks and progress (a few queries for all). */
async function present(ctx: RequestContext, rows: readonly ImprovementRow[]): Promise<ImprovementOut[]> {
  if (!rows.length) return [];
  const subjects = await subjectsOf(ctx, rows);
  const provinces = [...new Set(rows.map((r) => r.provinceId))];
  const results = await ctx.db
    .select()
    .from(standingResults)
    .where(inArray(standingResults.provinceId, provinces));
  const byProvince = new Map(
    provinces.map((p) => [p, resultIndex(results.filter((r) => r.provinceId === p))]),
  );
  const docs = await documentRefs(
    ctx,
    results.flatMap((r) => (r.sourceDocumentId ? [r.sourceDocumentId] : [])),
  );
  const tasks = await tasksBySource(
    ctx,
    TASK_SOURCE,
    rows.map((r) => taskRef(r.id)),
  );
  const plans = new Map<string, ImprovementOut['plan']>();
  for (const planId of new Set(rows.flatMap((r) => (r.planId ? [r.planId] : [])))) {
    const p = await getPlan(ctx, planId);
    plans.set(planId, { id: p.id, title: p.title, year: p.year, ownerName: p.ownerName });
  }
  return rows.map((r) => {
    const s = subjects.get(r.id)!;
    const found = byProvince.get(r.provinceId)!;
    const result = found.get(r.indexCode, r.year, r.dimensionCode);
    const read = result ? readResult(result, found.get(r.indexCode, r.year - 1, r.dimensionCode)) : null;
    const own = tasks.filter((t) => t.sourceRef === taskRef(r.id));
    const d = dimensionFor(r.indexCode, r.year, r.dimensionCode);
    const abilities = {
      read: allow(improvementPolicy, ctx.actor, 'read', s),
      update: allow(improvementPolicy, ctx.actor, 'update', s),
      addTasks: !!r.planId && allow(improvementPolicy, ctx.actor, 'addTasks', s),
    };
    return {
      id: r.id,
      indexCode: r.indexCode,
      indexName: INDEX_SPECS[r.indexCode].shortName,
      year: r.year,
      dimensionCode: r.dimensionCode,
      dimensionName: d?.name ?? { vi: r.dimensionCode, en: r.dimensionCode },
      area: d?.area ?? 'direction',
      leadUnit: { id: r.leadUnitId, name: s.leadUnitName },
      reason: r.reason,
      plan: r.planId ? (plans.get(r.planId) ?? null) : null,
      result: result ? presentResult(result, docs) : null,
      change: read?.change ?? null,
      weak: read?.weak ?? [],
      tasks: own.map((t) => ({
        id: t.id,
        title: t.title,
        status: t.status,
        dueDate: t.dueDate,
        leadUnitName: t.leadUnitName,
        timing: { state: t.timing.state, daysOverdue: t.timing.daysOverdue, daysLeft: t.timing.daysLeft },
      })),
      progress: progressOf(own),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      abilities,
    };
  });
}

/**
 * The improvements the caller may read, newest first: all of the province for its readers (the standing agency, the
 * committee), those led by their units for focal points and unit leaders.
 */
export async function listImprovements(
  ctx: RequestContext,
  query: { year?: number | undefined; indexCode?: IndexCode | undefined; provinceId?: string | undefined },
): Promise<ImprovementListOut> {
  const actor = requireActor(ctx);
  const province = await provinceFor(ctx, query.provinceId);
  const reader = allow(standingsPolicy, actor, 'read', { provincePath: province.path });
  const unitRoots = actor.rootsFor(STANDINGS_UNIT_ROLES);
  if (!reader && !unitRoots.length) throw forbidden();
  const rows = await ctx.db
    .select()
    .from(standingImprovements)
    .where(
      and(
        eq(standingImprovements.provinceId, province.id),
        query.year !== undefined ? eq(standingImprovements.year, query.year) : undefined,
        query.indexCode ? eq(standingImprovements.indexCode, query.indexCode) : undefined,
        reader ? undefined : sql`${standingImprovements.leadUnitId} IN (${subtreeSql(unitRoots)})`,
      ),
    )
    .orderBy(desc(standingImprovements.year), desc(standingImprovements.createdAt));
  // The SQL narrows by subtree; the policy (lineage, unit-only inherited grants) decides each.
  const subjects = await subjectsOf(ctx, rows);
  const visible = rows.filter((r) => allow(improvementPolicy, actor, 'read', subjects.get(r.id)!));
  return {
    items: await present(ctx, visible),
    abilities: {
      create: allow(standingsPolicy, actor, 'edit', { provincePath: province.path }),
      readResults: reader,
    },
  };
}

async function loadImprovement(ctx: RequestContext, id: string) {
  requireActor(ctx);
  const [row] = await ctx.db.select().from(standingImprovements).where(eq(standingImprovements.id, id));
  if (!row) throw notFound('standing_improvement');
  const subject = (await subjectsOf(ctx, [row])).get(id)!;
  if (!allow(improvementPolicy, ctx.actor, 'read', subject)) throw forbidden();
  return { row, subject };
}

export async function getImprovement(ctx: RequestContext, id: string): Promise<ImprovementOut> {
  const { row } = await loadImprovement(ctx, id);
  return (await present(ctx, [row]))[0]!;
}

// ---------------------------------------------------------------------------------------------------
// Giving an improvement

/** 400 unless the lead unit lies in the province and was in force in some day of the plan's year. */
async function checkLeadUnit(ctx: RequestContext, province: Province, leadUnitId: string, year: number) {
  const facts = (await unitFacts(ctx.db, [leadUnitId])).get(leadUnitId);
  if (!facts || !facts.path.includes(province.id) || leadUnitId === province.id)
    throw validation('leadUnitId', 'standings.lead_unit_outside');
  const [unit] = await getUnits(ctx.db, [leadUnitId]);
  const inForce = unit!.validFrom <= `${year}-12-31` && (!unit!.validTo || unit!.validTo >= `${year}-01-01`);
  if (!inForce)
    throw validation('leadUnitId', 'standings.lead_unit_not_in_force', { name: facts.name, year });
}

/** The tasks' dates: in the plan's year, a start not after the due date (400 on the task's field). */
function checkTasks(tasks: readonly ImprovementTaskIn[], year: number, field = 'tasks') {
  tasks.forEach((t, i) => {
    for (const key of ['startDate', 'dueDate'] as const) {
      const d = t[key];
      if (d && !d.startsWith(`${year}-`))
        throw validation(`${field}.${i}.${key}`, 'standings.due_outside_year', { year });
    }
    if (t.startDate && t.dueDate && t.startDate > t.dueDate)
      throw validation(`${field}.${i}.startDate`, 'standings.start_after_due');
  });
}

async function addTasks(
  ctx: RequestContext,
  improvement: { id: string; leadUnitId: string; area: string },
  planId: string,
  tasks: readonly ImprovementTaskIn[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const t of tasks) {
    const row = await addTask(ctx, planId, {
      title: t.title,
      reformArea: t.reformArea ?? improvement.area,
      leadUnitId: improvement.leadUnitId,
      supportingUnitIds: t.supportingUnitIds ?? [],
      startDate: t.startDate ?? null,
      dueDate: t.dueDate ?? null,
      expectedOutput: t.expectedOutput ?? null,
      source: TASK_SOURCE,
      sourceRef: taskRef(improvement.id),
    });
    ids.push(row.id);
  }
  return ids;
}

/**
 * Turns a weak result into an improvement (the standing agency): the lead unit, the reason (by default the
 * weakness in words), the plan — new (the lead unit's own plan of the year of the work) or existing (the lead unit's
 * own or the province's) — and its first tasks, all in one transaction with their journal entries.
 */
export async function createImprovement(ctx: RequestContext, input: ImprovementIn): Promise<ImprovementOut> {
  const actor = requireActor(ctx);
  const province = await editableProvince(ctx, input.provinceId);
  const dim = dimensionOrFail(ctx, input.indexCode, input.year, input.dimensionCode);
  const found = resultIndex(
    await ctx.db.select().from(standingResults).where(eq(standingResults.provinceId, province.id)),
  );
  const result = found.get(input.indexCode, input.year, input.dimensionCode);
  if (!result) throw validation('dimensionCode', 'standings.no_result', { year: input.year });
  const weak = readResult(result, found.get(input.indexCode, input.year - 1, input.dimensionCode)).weak;

  let planYear: number;
  let existingPlanId: string | null = null;
  if (input.plan.mode === 'existing') {
    const plan = await getPlan(ctx, input.plan.planId);
    const ownOrProvince =
      (plan.ownerKind === 'unit' && plan.ownerUnitId === input.leadUnitId) ||
      (plan.ownerKind === 'committee' && plan.ownerUnitId === province.id);
    if (!ownOrProvince) throw validation('plan.planId', 'standings.plan_not_allowed');
    if (!plan.abilities.manage) throw forbidden();
    planYear = plan.year;
    existingPlanId = plan.id;
  } else {
    planYear = input.plan.year;
    await documentOrFail(ctx, input.plan.documentId ?? null);
  }
  await checkLeadUnit(ctx, province, input.leadUnitId, planYear);
  checkTasks(input.tasks, planYear);
  for (const [i, t] of input.tasks.entries())
    if (t.supportingUnitIds?.length) {
      const facts = await unitFacts(ctx.db, t.supportingUnitIds);
      if (t.supportingUnitIds.some((u) => !facts.get(u)?.path.includes(province.id)))
        throw validation(`tasks.${i}.supportingUnitIds`, 'standings.lead_unit_outside');
    }

  const leadName = (await unitFacts(ctx.db, [input.leadUnitId])).get(input.leadUnitId)?.fullName ?? '';
  const short = INDEX_SPECS[input.indexCode].shortName.vi;
  const overall = input.dimensionCode === OVERALL;
  const id = await ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    let planId = existingPlanId;
    if (input.plan.mode === 'new') {
      const title =
        input.plan.title?.trim() ||
        `Kế hoạch cải thiện ${short}${overall ? '' : `: “${dim.name.vi}”`} năm ${planYear} (${leadName})`;
      const plan = await createPlan(t, {
        year: planYear,
        ownerUnitId: input.leadUnitId,
        ownerKind: 'unit',
        purpose: 'improvement',
        title,
        documentId: input.plan.documentId ?? null,
      });
      planId = plan.id;
    }
    const [row] = await tx
      .insert(standingImprovements)
      .values({
        provinceId: province.id,
        indexCode: input.indexCode,
        year: input.year,
        dimensionCode: input.dimensionCode,
        leadUnitId: input.leadUnitId,
        planId,
        reason:
          input.reason?.trim() ||
          reasonOf(input.indexCode, input.year, overall ? OVERALL_NAME.vi : dim.name.vi, weak),
        createdBy: actor.user.id,
      })
      .returning();
    await recordChange(t, {
      action: 'create',
      entity: 'standing_improvement',
      entityId: row!.id,
      after: row,
    });
    const taskIds = await addTasks(
      t,
      { id: row!.id, leadUnitId: input.leadUnitId, area: dim.area },
      planId!,
      input.tasks,
    );
    await recordChange(t, {
      action: 'create_task',
      entity: 'standing_improvement',
      entityId: row!.id,
      after: { planId, taskIds },
    });
    return row!.id;
  });
  return getImprovement(ctx, id);
}

async function documentOrFail(ctx: RequestContext, id: string | null) {
  if (id && !(await documentRefs(ctx, [id])).has(id))
    throw validation('plan.documentId', 'standings.document_not_found');
}

/** The reason in other words (the standing agency; version-checked, journalled). */
export async function updateImprovement(
  ctx: RequestContext,
  id: string,
  input: { reason: string; version: number },
): Promise<ImprovementOut> {
  const { row, subject } = await loadImprovement(ctx, id);
  if (!allow(improvementPolicy, ctx.actor, 'update', subject)) throw forbidden();
  if (row.version !== input.version) throw staleVersion('standing_improvement', row.version);
  if (row.reason !== input.reason)
    await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(standingImprovements)
        .set({
          reason: input.reason,
          version: sql`${standingImprovements.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(standingImprovements.id, id), eq(standingImprovements.version, input.version)))
        .returning();
      if (!updated) throw staleVersion('standing_improvement', row.version);
      await recordChange(
        { ...ctx, db: tx },
        { action: 'update', entity: 'standing_improvement', entityId: id, before: row, after: updated },
      );
    });
  return getImprovement(ctx, id);
}

/** More tasks in the improvement's plan (the standing agency; the improvement's version is checked and bumped). */
export async function addImprovementTasks(
  ctx: RequestContext,
  id: string,
  input: { tasks: ImprovementTaskIn[]; version: number },
): Promise<ImprovementOut> {
  const { row, subject } = await loadImprovement(ctx, id);
  if (!allow(improvementPolicy, ctx.actor, 'addTasks', subject)) throw forbidden();
  if (row.version !== input.version) throw staleVersion('standing_improvement', row.version);
  if (!row.planId) throw validation('tasks', 'standings.no_plan');
  const plan = await getPlan(ctx, row.planId);
  checkTasks(input.tasks, plan.year);
  const area = dimensionFor(row.indexCode, row.year, row.dimensionCode)?.area ?? 'direction';
  await ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    const [updated] = await tx
      .update(standingImprovements)
      .set({ version: sql`${standingImprovements.version} + 1`, updatedAt: new Date() })
      .where(and(eq(standingImprovements.id, id), eq(standingImprovements.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('standing_improvement', row.version);
    const taskIds = await addTasks(t, { id, leadUnitId: row.leadUnitId, area }, row.planId!, input.tasks);
    await recordChange(t, {
      action: 'create_task',
      entity: 'standing_improvement',
      entityId: id,
      after: { planId: row.planId, taskIds },
    });
  });
  return getImprovement(ctx, id);
}

/** The plans an improvement's tasks may go into: the lead unit's own plans of the year and the province's. */
export async function planOptions(
  ctx: RequestContext,
  query: { leadUnitId: string; year: number; provinceId?: string | undefined },
): Promise<PlanOptionsOut> {
  const province = await editableProvince(ctx, query.provinceId);
  const plans = await listPlans(ctx, query.year);
  return {
    items: plans
      .filter(
        (p) =>
          (p.ownerKind === 'unit' && p.ownerUnitId === query.leadUnitId) ||
          (p.ownerKind === 'committee' && p.ownerUnitId === province.id),
      )
      .map((p) => ({
        id: p.id,
        title: p.title,
        year: p.year,
        ownerKind: p.ownerKind,
        ownerName: p.ownerName,
      })),
  };
}
