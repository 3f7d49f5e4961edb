import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden, staleVersion, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { documentRefs } from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import {
  allowedActions,
  computeKpis,
  DEFAULT_TIMING_RULE,
  kpisByLeadUnit,
  kpisByReformArea,
  taskTiming,
  type CompletionMethod,
  type TaskAction,
  type TaskFact,
  type TaskStatus,
} from '../tasks/index.js';
import { unitFacts } from '../units/units.service.js';
import { planTasks, plans } from './plans.table.js';
import {
  act,
  appendEvents,
  attachmentFile,
  uploadAttachment,
  type NewWorkEvent,
} from '../work/work.service.js';
import { followedUnitIds, unitsRequiringApproval } from './progress.service.js';
import { checkParent, linksOf } from './task-links.service.js';
import {
  MANAGERS,
  pathOf,
  planRow,
  requireActor,
  taskActor,
  taskRow,
  type PlanRow,
  type TaskRow,
} from './plan-access.js';
import { todayInVietnam } from '../../core/dates.js';
import type {
  CarriedOverOut,
  PlanDetailOut,
  PlanKpisOut,
  PlanListOut,
  PlanOut,
  PlanPurpose,
  TaskOut,
} from './plans.schemas.js';

const today = () => todayInVietnam();

export { taskActor };

export type PlanInput = {
  year: number;
  ownerUnitId: string;
  ownerKind?: 'committee' | 'unit' | undefined;
  /** What the plan is for (default 'reform', the owner's yearly PAR plan): see PLAN_PURPOSES in ./plans.schemas.ts. */
  purpose?: PlanPurpose | undefined;
  title: string;
  documentId?: string | null | undefined;
  method?: CompletionMethod | undefined;
  focusAreas?: string[] | undefined;
  evidenceOptional?: boolean | undefined;
};

/** A plan as the API shows it: its owner's name, times as ISO strings. */
function planOut(row: PlanRow, ownerName: string): PlanOut {
  return {
    id: row.id,
    year: row.year,
    ownerUnitId: row.ownerUnitId,
    ownerName,
    ownerKind: row.ownerKind as PlanOut['ownerKind'],
    purpose: row.purpose as PlanOut['purpose'],
    title: row.title,
    documentId: row.documentId,
    method: row.method as PlanOut['method'],
    focusAreas: row.focusAreas,
    evidenceOptional: row.evidenceOptional,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Creates a plan (the standing agency; a unit's own plan also by its focal point or leader); answers it as read back. */
export async function createPlan(ctx: RequestContext, input: PlanInput): Promise<PlanDetailOut> {
  const actor = requireActor(ctx);
  // A unit's own PAR plan is registered by the unit itself (its focal point or leader) or the standing agency.
  const mayCreate =
    input.ownerKind === 'unit' ? [...MANAGERS, 'focal_point' as const, 'unit_leader' as const] : MANAGERS;
  if (!actor.hasRoleOver(mayCreate, await pathOf(ctx, input.ownerUnitId))) throw forbidden();
  // The plan's decision must be a register document the creator may read (else 400, never an FK error).
  if (input.documentId && !(await documentRefs(ctx, [input.documentId])).has(input.documentId))
    throw validation('documentId', 'plans.document_not_found');
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...input, documentId: input.documentId ?? null, createdBy: actor.user.id })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'plan', entityId: row!.id, after: row },
    );
    return row!;
  });
  return getPlan(ctx, created.id);
}

/**
 * The plans (of a year, of an owner kind), newest year first then by title. `filter.purpose` keeps the plans of
 * that purpose (or of any of those purposes) only — e.g. `{ purpose: 'reform' }` for units' own yearly PAR plans.
 */
export async function listPlans(
  ctx: RequestContext,
  year?: number,
  ownerKind?: 'committee' | 'unit',
  filter: { purpose?: PlanPurpose | readonly PlanPurpose[] | undefined } = {},
): Promise<PlanOut[]> {
  requireActor(ctx);
  const purposes = filter.purpose === undefined ? null : [filter.purpose].flat();
  const rows = await ctx.db
    .select()
    .from(plans)
    .where(
      and(
        year ? eq(plans.year, year) : undefined,
        ownerKind ? eq(plans.ownerKind, ownerKind) : undefined,
        purposes ? inArray(plans.purpose, purposes) : undefined,
      ),
    )
    .orderBy(desc(plans.year), asc(plans.title));
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.ownerUnitId),
  );
  return rows.map((r) => planOut(r, facts.get(r.ownerUnitId)?.fullName ?? ''));
}

/**
 * The years that have plans (newest first, counts by kind) and what the caller may create, from the
 * same rule as `createPlan`: a committee's plan needs a manager role (admin, standing officer); a unit's
 * own plan also a focal point or unit leader. The rule asks about a unit; here the question is "over
 * any unit", so the roles the caller holds answer it (the form then offers only units they may choose).
 */
export async function planYearsAndAbilities(ctx: RequestContext): Promise<Omit<PlanListOut, 'items'>> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select({ year: plans.year, ownerKind: plans.ownerKind, n: sql<number>`count(*)::int` })
    .from(plans)
    .groupBy(plans.year, plans.ownerKind);
  const years = new Map<number, { year: number; committee: number; unit: number }>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, committee: 0, unit: 0 };
    if (r.ownerKind === 'unit') y.unit += Number(r.n);
    else y.committee += Number(r.n);
    years.set(r.year, y);
  }
  const roles = actor.roles;
  const manager = MANAGERS.some((r) => roles.has(r));
  return {
    years: [...years.values()].sort((a, b) => b.year - a.year),
    abilities: {
      createCommittee: manager,
      createUnit: manager || roles.has('focal_point') || roles.has('unit_leader'),
    },
  };
}

/**
 * Open tasks of plans before `year` that are overdue today (the cockpit's rule: ../tasks/overdue.ts on
 * the working-day calendar), most overdue first — the tasks a year's list would otherwise hide.
 */
export async function carriedOverTasks(
  ctx: RequestContext,
  year: number,
  limit = 100,
): Promise<CarriedOverOut> {
  requireActor(ctx);
  const asOf = today();
  const rows = await ctx.db
    .select({ task: planTasks, plan: plans })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        sql`${plans.year} < ${year}`,
        inArray(planTasks.status, ['not_started', 'in_progress', 'returned']),
        sql`${planTasks.dueDate} IS NOT NULL AND ${planTasks.dueDate} < ${asOf}`,
      ),
    );
  const calendar = await loadCalendar(ctx.db);
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.task.leadUnitId),
  );
  const items = rows
    .map(({ task, plan }) => ({
      id: task.id,
      title: task.title,
      planId: plan.id,
      planYear: plan.year,
      planTitle: plan.title,
      leadUnitId: task.leadUnitId,
      leadUnitName: facts.get(task.leadUnitId)?.fullName ?? '',
      status: task.status as TaskStatus,
      dueDate: task.dueDate,
      timing: taskTiming({
        status: task.status as TaskStatus,
        dueDate: task.dueDate,
        completedOn: task.reportedOn,
        today: asOf,
        rule: DEFAULT_TIMING_RULE,
        calendar,
      }),
    }))
    .filter((i) => i.timing.state === 'overdue')
    .sort((a, b) => b.timing.daysOverdue - a.timing.daysOverdue || a.title.localeCompare(b.title, 'vi'));
  return { year, asOf, total: items.length, items: items.slice(0, limit) };
}

/** One plan with the caller's abilities on it. */
export async function getPlan(ctx: RequestContext, id: string): Promise<PlanDetailOut> {
  const actor = requireActor(ctx);
  const plan = await planRow(ctx, id);
  const owner = (await unitFacts(ctx.db, [plan.ownerUnitId])).get(plan.ownerUnitId);
  const path = owner?.path ?? [plan.ownerUnitId];
  return {
    ...planOut(plan, owner?.fullName ?? ''),
    abilities: { manage: actor.hasRoleOver(MANAGERS, path) },
  };
}

export type TaskInput = {
  title: string;
  description?: string | null | undefined;
  reformArea: string;
  leadUnitId: string;
  supportingUnitIds?: string[] | undefined;
  directingMemberId?: string | null | undefined;
  startDate?: string | null | undefined;
  dueDate?: string | null | undefined;
  expectedOutput?: string | null | undefined;
  focus?: boolean | undefined;
  source?: string | undefined;
  sourceRef?: string | null | undefined;
  weight?: number | null | undefined;
  parentTaskId?: string | null | undefined;
};

export async function addTask(ctx: RequestContext, planId: string, input: TaskInput): Promise<TaskRow> {
  const actor = requireActor(ctx);
  const plan = await planRow(ctx, planId);
  if (!actor.hasRoleOver(MANAGERS, await pathOf(ctx, plan.ownerUnitId))) throw forbidden();
  await pathOf(ctx, input.leadUnitId);
  if (input.parentTaskId) await checkParent(ctx, planId, null, input.parentTaskId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planTasks)
      .values({
        ...input,
        planId,
        originalDueDate: input.dueDate ?? null,
        supportingUnitIds: input.supportingUnitIds ?? [],
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'task', entityId: row!.id, after: row },
    );
    return row!;
  });
}

export type TaskEdit = Partial<Omit<TaskInput, 'dueDate' | 'source' | 'sourceRef'>> & { version: number };

/**
 * Edits a task's description fields (managers of the plan). The due date moves only through `extend`
 * (with a reason and a document); the source never changes. Version-checked and journalled.
 */
export async function updateTask(ctx: RequestContext, taskId: string, input: TaskEdit): Promise<TaskRow> {
  const actor = requireActor(ctx);
  const task = await taskRow(ctx, taskId);
  const plan = await planRow(ctx, task.planId);
  if (!actor.hasRoleOver(MANAGERS, await pathOf(ctx, plan.ownerUnitId))) throw forbidden();
  if (task.version !== input.version) throw staleVersion('task', task.version);
  const { version, ...patch } = input;
  if (patch.leadUnitId) await pathOf(ctx, patch.leadUnitId);
  if (patch.parentTaskId) await checkParent(ctx, task.planId, taskId, patch.parentTaskId);
  // A start after the due date (the database refuses it too): said under the field (found by the fuzz test).
  if (patch.startDate && task.dueDate && patch.startDate > task.dueDate)
    throw validation('startDate', 'plans.start_after_due', { due: task.dueDate });
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(planTasks)
      .set({ ...patch, version: sql`${planTasks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(planTasks.id, taskId), eq(planTasks.version, version)))
      .returning();
    if (!updated) throw staleVersion('task', task.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'task', entityId: taskId, before: task, after: updated },
    );
    return updated;
  });
}

/**
 * Tasks of a plan with their derived timing, links and the actions the caller may take on each — all of
 * them, or only those of `only` (the links still come from the whole plan).
 */
export async function listTasks(
  ctx: RequestContext,
  planId: string,
  asOf = today(),
  only?: readonly string[],
): Promise<TaskOut[]> {
  const actor = requireActor(ctx);
  const plan = await planRow(ctx, planId);
  const all = await ctx.db
    .select()
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.dueDate), asc(planTasks.title));
  const rows = only ? all.filter((r) => only.includes(r.id)) : all;
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.leadUnitId),
  );
  const calendar = await loadCalendar(ctx.db);
  const links = await linksOf(ctx, all);
  const leaderReports = await unitsRequiringApproval(ctx, [...new Set(rows.map((r) => r.leadUnitId))]);
  const followed = await followedUnitIds(ctx);
  return rows.map((r) => {
    const path = facts.get(r.leadUnitId)?.path ?? [r.leadUnitId];
    const who = taskActor(actor, path);
    return {
      id: r.id,
      planId: r.planId,
      parentTaskId: r.parentTaskId,
      title: r.title,
      description: r.description,
      reformArea: r.reformArea as TaskOut['reformArea'],
      leadUnitId: r.leadUnitId,
      leadUnitName: facts.get(r.leadUnitId)?.fullName ?? '',
      supportingUnitIds: r.supportingUnitIds,
      directingMemberId: r.directingMemberId,
      startDate: r.startDate,
      dueDate: r.dueDate,
      originalDueDate: r.originalDueDate,
      expectedOutput: r.expectedOutput,
      focus: r.focus,
      source: r.source as TaskOut['source'],
      sourceRef: r.sourceRef,
      weight: r.weight,
      status: r.status as TaskStatus,
      output: r.output,
      reportedOn: r.reportedOn,
      verifiedOn: r.verifiedOn,
      lastReason: r.lastReason,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      links: links.get(r.id)!,
      timing: taskTiming({
        status: r.status as TaskStatus,
        dueDate: r.dueDate,
        completedOn: r.reportedOn,
        today: asOf,
        rule: DEFAULT_TIMING_RULE,
        calendar,
      }),
      allowedActions: allowedActions(r.status as TaskStatus, {
        ...who,
        evidenceOptional: plan.evidenceOptional,
        reportNeedsUnitLeader: leaderReports.has(r.leadUnitId),
      }),
      abilities: {
        progress: !!(who.isLeadUnitStaff || who.isLeadUnitLeader || who.isStandingAgency || who.isAdmin),
        direct: actor.hasRoleOver(['committee_leader'], path) || path.some((id) => followed.has(id)),
      },
    };
  });
}

/** One task as the task list shows it (for the answer of a change to it). */
export async function getTask(ctx: RequestContext, taskId: string, asOf = today()): Promise<TaskOut> {
  const task = await taskRow(ctx, taskId);
  const [out] = await listTasks(ctx, task.planId, asOf, [taskId]);
  return out!;
}

export type ActionInput = {
  action: TaskAction;
  version: number;
  reason?: string | null | undefined;
  documentId?: string | null | undefined;
  output?: string | null | undefined;
  fileIds?: string[] | undefined;
  newDueDate?: string | null | undefined;
};

/**
 * Moves a task through its workflow (pure rules in ../tasks, run by the work engine): report done with
 * output and evidence, verify or return with a reason (standing agency only), cancel or extend with a
 * reason and a document. Version-checked; the change, its event and the journal entry commit together.
 */
export async function actOnTask(ctx: RequestContext, taskId: string, input: ActionInput): Promise<TaskOut> {
  await act(ctx, 'plan_task', taskId, input);
  return getTask(ctx, taskId);
}

/** Evidence upload for a task: an attachment of this task only, cited by the report or update it goes with. */
export async function uploadEvidence(
  ctx: RequestContext,
  store: FileStore,
  taskId: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
  keepHours?: number,
) {
  return uploadAttachment(ctx, store, 'plan_task', taskId, upload, maxBytes, keepHours);
}

/**
 * Plan KPIs as of a date under the plan's declared method, each number with the ids of the tasks it was
 * computed from; also by reform area and by lead unit.
 */
export async function planKpis(ctx: RequestContext, planId: string, asOf = today()): Promise<PlanKpisOut> {
  requireActor(ctx);
  const plan = await planRow(ctx, planId);
  const rows = await ctx.db.select().from(planTasks).where(eq(planTasks.planId, planId));
  const facts: TaskFact[] = rows.map((r) => ({
    id: r.id,
    status: r.status as TaskStatus,
    dueDate: r.dueDate,
    completedOn: r.reportedOn,
    verifiedOn: r.verifiedOn,
    weight: r.weight,
    reformArea: r.reformArea,
    leadUnitId: r.leadUnitId,
    directingMemberId: r.directingMemberId,
  }));
  const options = {
    method: plan.method as CompletionMethod,
    today: asOf,
    timingRule: DEFAULT_TIMING_RULE,
    calendar: await loadCalendar(ctx.db),
  };
  return {
    method: options.method,
    asOf,
    overall: computeKpis(facts, options),
    byReformArea: kpisByReformArea(facts, options),
    byLeadUnit: kpisByLeadUnit(facts, options),
  };
}

export async function tasksByIds(ctx: RequestContext, ids: string[]) {
  return ids.length ? ctx.db.select().from(planTasks).where(inArray(planTasks.id, ids)) : [];
}

export type SeedTask = TaskInput & {
  status: TaskStatus;
  reportedOn?: string | null;
  verifiedOn?: string | null;
  output?: string | null;
  lastReason?: string | null;
};

/**
 * Inserts a whole plan with its tasks and their status history in one go (demo seed and imports: no
 * permission check, the caller's transaction). Every row is journalled as a creation.
 */
export async function insertPlanWithTasks(
  ctx: RequestContext,
  plan: PlanInput,
  tasks: SeedTask[],
): Promise<string> {
  const [row] = await ctx.db
    .insert(plans)
    .values({ ...plan, documentId: plan.documentId ?? null })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'plan', entityId: row!.id, after: row });
  await insertSeedTasks(ctx, row!.id, tasks);
  return row!.id;
}

/** 09:00 in Việt Nam on `on`, plus `minutes`: when a backdated (seeded) event is recorded as having happened. */
const seededAt = (on: string, minutes: number) =>
  new Date(Date.parse(`${on}T09:00:00+07:00`) + minutes * 60_000);

/** The status history that leads a seeded task to its status, dated on its report and verification days. */
function seedEvents(taskId: string, s: SeedTask): NewWorkEvent[] {
  const events: NewWorkEvent[] = [];
  const event = (
    action: string,
    from: string,
    to: string,
    on: string,
    minutes: number,
    note?: string | null,
  ) =>
    events.push({
      kind: 'plan_task',
      itemId: taskId,
      action,
      fromStatus: from,
      toStatus: to,
      note: note ?? null,
      on,
      at: seededAt(on, minutes),
    });
  if ((s.status === 'in_progress' || s.status === 'returned') && s.startDate) {
    // A progress update some weeks into the work, as units post them.
    const on = new Date(Date.parse(`${s.startDate}T00:00:00Z`) + 45 * 86_400_000).toISOString().slice(0, 10);
    if (on <= todayInVietnam())
      events.push({
        kind: 'plan_task',
        itemId: taskId,
        action: 'progress',
        note: 'Đang triển khai: đã ban hành văn bản hướng dẫn, tổ chức rà soát tại các phòng chuyên môn.',
        percent: 50,
        on,
        at: seededAt(on, 0),
      });
  }
  if (s.lastReason && s.reportedOn) {
    event('report_done', 'in_progress', 'reported_done', s.reportedOn, 0, s.output);
    event('return', 'reported_done', 'returned', s.reportedOn, 5, s.lastReason);
  }
  if ((s.status === 'reported_done' || s.status === 'verified') && s.reportedOn)
    event(
      'report_done',
      s.lastReason ? 'returned' : 'in_progress',
      'reported_done',
      s.reportedOn,
      10,
      s.output,
    );
  if (s.status === 'verified' && s.verifiedOn)
    event('verify', 'reported_done', 'verified', s.verifiedOn, s.verifiedOn === s.reportedOn ? 60 : 0);
  return events;
}

/**
 * Inserts tasks with their status history into an existing plan (demo seed and seeded sources such as
 * meeting conclusions: no permission check, the caller's transaction). Every row is journalled as a
 * creation. Returns the new ids in input order.
 */
export async function insertSeedTasks(
  ctx: RequestContext,
  planId: string,
  tasks: readonly SeedTask[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < tasks.length; i += 200) {
    const batch = tasks.slice(i, i + 200);
    const inserted = await ctx.db
      .insert(planTasks)
      .values(
        batch.map((t) => ({
          ...t,
          planId,
          originalDueDate: t.dueDate ?? null,
          supportingUnitIds: t.supportingUnitIds ?? [],
        })),
      )
      .returning();
    const events = inserted.flatMap((t, j) => seedEvents(t.id, batch[j]!));
    await appendEvents(ctx.db, events);
    for (const t of inserted) {
      ids.push(t.id);
      await recordChange(ctx, { action: 'create', entity: 'task', entityId: t.id, after: t });
    }
  }
  return ids;
}

/**
 * The owner units that have their yearly PAR plan (purpose 'reform') for the year (one query, for seeding many
 * units): a remediation or improvement plan is not one.
 */
export async function unitsWithPlans(ctx: RequestContext, year: number): Promise<Set<string>> {
  const found = await ctx.db
    .select({ owner: plans.ownerUnitId })
    .from(plans)
    .where(and(eq(plans.year, year), eq(plans.purpose, 'reform')));
  return new Set(found.map((r) => r.owner));
}

export async function planExists(ctx: RequestContext, ownerUnitId: string, year: number): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.ownerUnitId, ownerUnitId), eq(plans.year, year)));
  return !!row;
}

export { REFORM_AREAS, REFORM_AREA_LABELS, type ReformArea } from '../tasks/index.js';

/** An evidence file of a task, for whoever may see the task (every signed-in user: plans are internal). */
export async function taskEvidenceFile(ctx: RequestContext, taskId: string, fileId: string) {
  return attachmentFile(ctx, 'plan_task', taskId, fileId);
}
