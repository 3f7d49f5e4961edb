/**
 * Plan tasks as a kind of the work engine (../work): the task workflow of ../tasks, the plan's evidence
 * option, the unit leader's approval setting, prerequisites that block a done report, and who hears of
 * each step. Every signed-in user reads plans (they are internal); the lead unit works on a task, the
 * standing agency reviews it.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import {
  actionPatch,
  allowedActions,
  DEFAULT_TIMING_RULE,
  OPEN_STATUSES,
  TASK_ACTIONS,
  taskNextActor,
  taskTiming,
  transition,
  type TaskAction,
  type TaskStatus,
} from '../tasks/index.js';
import { subtreeSql, unitFacts } from '../units/units.service.js';
import type { DeadlineItem, LoadedItem, WorkKindAdapter } from '../work/work.service.js';
import { ruleError, taskActor, type TaskRow } from './plan-access.js';
import { planTasks, plans } from './plans.table.js';
import { unitsRequiringApproval } from './progress.service.js';
import { assertNotBlocked } from './task-links.service.js';

type Meta = { plan: typeof plans.$inferSelect; path: string[] };
const metaOf = (l: LoadedItem) => ({ task: l.row as TaskRow, ...(l.meta as Meta) });

async function load(ctx: RequestContext, ids: readonly string[], asOf: string) {
  const out = new Map<string, LoadedItem>();
  const actor = ctx.actor;
  if (!ids.length || !actor) return out;
  const found = await ctx.db
    .select({ task: planTasks, plan: plans })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(inArray(planTasks.id, [...ids]));
  if (!found.length) return out;
  const facts = await unitFacts(
    ctx.db,
    found.map((f) => f.task.leadUnitId),
  );
  const leaderReports = await unitsRequiringApproval(ctx, [...new Set(found.map((f) => f.task.leadUnitId))]);
  const calendar = await loadCalendar(ctx.db);
  for (const { task, plan } of found) {
    const path = facts.get(task.leadUnitId)?.path ?? [task.leadUnitId];
    const who = taskActor(actor, path);
    const unitName = facts.get(task.leadUnitId)?.name ?? '';
    const status = task.status as TaskStatus;
    const loaded: LoadedItem = {
      item: {
        kind: 'plan_task',
        id: task.id,
        title: task.title,
        context: { vi: plan.title, en: plan.title },
        unit: { id: task.leadUnitId, name: unitName },
        status,
        dueDate: task.dueDate,
        timing: taskTiming({
          status,
          dueDate: task.dueDate,
          completedOn: task.reportedOn,
          today: asOf,
          rule: DEFAULT_TIMING_RULE,
          calendar,
        }),
        version: task.version,
        allowedActions: allowedActions(status, {
          ...who,
          evidenceOptional: plan.evidenceOptional,
          reportNeedsUnitLeader: leaderReports.has(task.leadUnitId),
        }),
        evidenceRequired: !plan.evidenceOptional,
        lastReason: task.lastReason,
        link: `/plans/${plan.id}?task=${task.id}`,
      },
      access: {
        read: true,
        upload: !!(who.isLeadUnitStaff || who.isLeadUnitLeader || who.isStandingAgency || who.isAdmin),
        work: !!(who.isLeadUnitStaff || who.isLeadUnitLeader),
      },
      row: task,
      meta: { plan, path } satisfies Meta,
      // A step's effective date: from the plan year's first day (or an earlier start date); the lead unit
      // dates its steps from the day the task was recorded, the standing agency may backfill before it.
      dates: {
        recordedOn: todayInVietnam(task.createdAt),
        earliest: [`${plan.year}-01-01`, task.startDate]
          .filter((d): d is string => !!d)
          .reduce((a, b) => (b < a ? b : a)),
      },
    };
    out.set(task.id, loaded);
  }
  return out;
}

const feedColumns = {
  id: planTasks.id,
  title: planTasks.title,
  status: planTasks.status,
  dueDate: planTasks.dueDate,
  unitId: planTasks.leadUnitId,
  planId: planTasks.planId,
  context: plans.title,
};

const toDeadline = (r: {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  unitId: string;
  planId: string;
  context: string;
}): DeadlineItem => ({
  kind: 'plan_task',
  id: r.id,
  title: r.title,
  status: r.status,
  dueDate: r.dueDate!,
  unitId: r.unitId,
  context: r.context,
  link: `/plans/${r.planId}?task=${r.id}`,
});

async function idsWhere(db: Db, where: ReturnType<typeof and>) {
  return (await db.select({ id: planTasks.id }).from(planTasks).where(where)).map((r) => r.id);
}

export const planTaskKind: WorkKindAdapter = {
  kind: 'plan_task',
  actions: TASK_ACTIONS,
  entity: 'task',
  reportActions: ['report_done'],
  reviewActions: ['verify', 'return'],
  load,
  async decide(ctx, loaded, input, evidenceCount, on) {
    const { task, plan, path } = metaOf(loaded);
    const who = taskActor(ctx.actor!, path);
    const action = input.action as TaskAction;
    const result = transition(task.status as TaskStatus, action, {
      ...who,
      evidenceOptional: plan.evidenceOptional,
      reportNeedsUnitLeader: (await unitsRequiringApproval(ctx, [task.leadUnitId])).has(task.leadUnitId),
      reason: input.reason ?? null,
      documentId: input.documentId ?? null,
      output: input.output ?? null,
      evidenceCount,
      dueDate: task.dueDate,
      newDueDate: input.newDueDate ?? null,
    });
    if (!result.ok) return { ok: false, error: ruleError(result.reason) };
    if (action === 'report_done') await assertNotBlocked(ctx, task.id);
    return { ok: true, next: result.next, patch: actionPatch(action, result, input, task, on) };
  },
  async write(tx, loaded, patch, version) {
    const [updated] = await tx
      .update(planTasks)
      .set({ ...patch, version: sql`${planTasks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(planTasks.id, loaded.item.id), eq(planTasks.version, version)))
      .returning();
    return updated ?? null;
  },
  reviewUnit: (loaded) => metaOf(loaded).plan.ownerUnitId,
  next: (loaded, status) => taskNextActor(status as TaskStatus, loaded.item.unit.name),
  owedIds: (db, roots) =>
    roots.length
      ? idsWhere(
          db,
          and(
            inArray(planTasks.status, [...OPEN_STATUSES]),
            sql`${planTasks.leadUnitId} IN (${subtreeSql(roots)})`,
          ),
        )
      : Promise.resolve([]),
  reviewIds: (db, roots) =>
    roots.length
      ? idsWhere(
          db,
          and(eq(planTasks.status, 'reported_done'), sql`${planTasks.leadUnitId} IN (${subtreeSql(roots)})`),
        )
      : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) =>
    unitIds.length
      ? idsWhere(
          db,
          and(inArray(planTasks.status, [...OPEN_STATUSES]), inArray(planTasks.leadUnitId, [...unitIds])),
        )
      : Promise.resolve([]),
  async deadlines(db) {
    const rows = await db
      .select(feedColumns)
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(and(isNotNull(planTasks.dueDate), inArray(planTasks.status, [...OPEN_STATUSES])))
      .orderBy(planTasks.dueDate, planTasks.id);
    return rows.map(toDeadline);
  },
  async deadlineItem(db, id) {
    const [row] = await db
      .select(feedColumns)
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(and(eq(planTasks.id, id), isNotNull(planTasks.dueDate)));
    return row ? toDeadline(row) : undefined;
  },
};
