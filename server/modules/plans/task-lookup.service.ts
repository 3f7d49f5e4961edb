import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { DEFAULT_TIMING_RULE, taskTiming, type TaskStatus, type Timing } from '../tasks/index.js';
import { unitFacts } from '../units/units.service.js';
import { planTasks, plans } from './plans.table.js';

/** Where a task came from (plan_tasks.source). */
export type TaskSource = 'plan' | 'conclusion' | 'directive' | 'inspection' | 'feedback' | 'par_index';

export type SourcedTask = {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  reportedOn: string | null;
  verifiedOn: string | null;
  leadUnitId: string;
  leadUnitName: string;
  planId: string;
  planTitle: string;
  planYear: number;
  sourceRef: string;
  timing: Timing;
};

/** Tasks matching `where`, each with the id, title and year of its plan (one statement). */
const tasksWithPlans = (ctx: RequestContext, where: SQL | undefined) =>
  ctx.db
    .select({ task: planTasks, plan: { id: plans.id, title: plans.title, year: plans.year } })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(where);

/**
 * Read-only: the tasks that came from the given records of another module (e.g. the conclusions of a
 * meeting), with their live status and derived timing (overdue is never stored: computed from the due
 * date and the working-day calendar, as the plan's task list does). Ordered by creation. Tasks are
 * internal records every signed-in user reads, so no further check is made here; callers check access
 * to the source records.
 */
export async function tasksBySource(
  ctx: RequestContext,
  source: TaskSource,
  refs: readonly string[],
  asOf: string = todayInVietnam(),
): Promise<SourcedTask[]> {
  const unique = [...new Set(refs)];
  if (!unique.length) return [];
  const rows = await tasksWithPlans(
    ctx,
    and(eq(planTasks.source, source), inArray(planTasks.sourceRef, unique)),
  ).orderBy(asc(planTasks.createdAt), asc(planTasks.id));
  if (!rows.length) return [];
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.task.leadUnitId),
  );
  const calendar = await loadCalendar(ctx.db);
  return rows.map(({ task, plan }) => ({
    id: task.id,
    title: task.title,
    status: task.status as TaskStatus,
    dueDate: task.dueDate,
    reportedOn: task.reportedOn,
    verifiedOn: task.verifiedOn,
    leadUnitId: task.leadUnitId,
    leadUnitName: facts.get(task.leadUnitId)?.fullName ?? '',
    planId: plan.id,
    planTitle: plan.title,
    planYear: plan.year,
    sourceRef: task.sourceRef ?? '',
    timing: taskTiming({
      status: task.status as TaskStatus,
      dueDate: task.dueDate,
      completedOn: task.reportedOn,
      today: asOf,
      rule: DEFAULT_TIMING_RULE,
      calendar,
    }),
  }));
}

/** The committee plan of a unit for a year, if any (seeding). */
export async function planIdFor(
  ctx: RequestContext,
  ownerUnitId: string,
  year: number,
): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.ownerUnitId, ownerUnitId), eq(plans.year, year), eq(plans.ownerKind, 'committee')));
  return row?.id ?? null;
}

/** A task led by one of the units asked for, with its plan and derived timing (see `tasksLedBy`). */
export type LedTask = {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  leadUnitId: string;
  plan: { id: string; title: string; year: number };
  timing: Timing;
};

/**
 * Read-only: the tasks (of every plan) whose lead unit is one of `unitIds`, with their plan and derived
 * timing as of `asOf` (overdue is computed from the due date and the working-day calendar, never
 * stored). Unordered. For views over units (the member cockpit on the landing page). Tasks are internal
 * records every signed-in user reads; callers decide which units to ask for.
 */
export async function tasksLedBy(
  ctx: RequestContext,
  unitIds: readonly string[],
  asOf: string = todayInVietnam(),
): Promise<LedTask[]> {
  const unique = [...new Set(unitIds)];
  if (!unique.length) return [];
  const rows = await tasksWithPlans(ctx, inArray(planTasks.leadUnitId, unique));
  if (!rows.length) return [];
  const calendar = await loadCalendar(ctx.db);
  return rows.map(({ task, plan }) => ({
    id: task.id,
    title: task.title,
    status: task.status as TaskStatus,
    dueDate: task.dueDate,
    leadUnitId: task.leadUnitId,
    plan,
    timing: taskTiming({
      status: task.status as TaskStatus,
      dueDate: task.dueDate,
      completedOn: task.reportedOn,
      today: asOf,
      rule: DEFAULT_TIMING_RULE,
      calendar,
    }),
  }));
}
