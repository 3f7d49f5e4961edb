/**
 * Sub-tasks and finish-to-start dependencies of plan tasks (rules in ../tasks/dependencies.ts). Links are
 * managed by the plan's managers; every change is journalled.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import {
  checkDependency,
  reportBlockers,
  subtaskRollup,
  wouldNestInItself,
  type Edge,
  type TaskStatus,
} from '../tasks/index.js';
import { MANAGERS, pathOf, planRow, requireActor, ruleError, taskRow } from './plan-access.js';
import { planTasks, taskDependencies } from './plans.table.js';

async function requireManager(ctx: RequestContext, planId: string) {
  const actor = requireActor(ctx);
  const plan = await planRow(ctx, planId);
  if (!actor.hasRoleOver(MANAGERS, await pathOf(ctx, plan.ownerUnitId))) throw forbidden();
  return { actor, plan };
}

async function planEdges(ctx: RequestContext, planId: string): Promise<Edge[]> {
  return ctx.db
    .select({ taskId: taskDependencies.taskId, dependsOnTaskId: taskDependencies.dependsOnTaskId })
    .from(taskDependencies)
    .innerJoin(planTasks, eq(planTasks.id, taskDependencies.taskId))
    .where(eq(planTasks.planId, planId));
}

/** "Task depends on another": same plan, no circle. */
export async function addDependency(ctx: RequestContext, taskId: string, dependsOnTaskId: string) {
  const task = await taskRow(ctx, taskId);
  const other = await taskRow(ctx, dependsOnTaskId);
  const { actor } = await requireManager(ctx, task.planId);
  const problem = checkDependency({
    taskPlanId: task.planId,
    otherPlanId: other.planId,
    edges: await planEdges(ctx, task.planId),
    taskId,
    dependsOnTaskId,
  });
  if (problem) throw ruleError(problem);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(taskDependencies)
      .values({ taskId, dependsOnTaskId, createdBy: actor.user.id })
      .returning();
    await recordChange({ ...ctx, db: tx }, { action: 'link', entity: 'task', entityId: taskId, after: row });
  });
}

export async function removeDependency(ctx: RequestContext, taskId: string, dependsOnTaskId: string) {
  const task = await taskRow(ctx, taskId);
  await requireManager(ctx, task.planId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(taskDependencies)
      .where(and(eq(taskDependencies.taskId, taskId), eq(taskDependencies.dependsOnTaskId, dependsOnTaskId)))
      .returning();
    if (!row) throw notFound('task');
    await recordChange(
      { ...ctx, db: tx },
      { action: 'unlink', entity: 'task', entityId: taskId, before: row },
    );
  });
}

/** Checks a sub-task's parent: same plan, not the task itself nor one of its own sub-tasks. */
export async function checkParent(
  ctx: RequestContext,
  planId: string,
  taskId: string | null,
  parentId: string,
) {
  const parent = await taskRow(ctx, parentId);
  if (parent.planId !== planId) throw ruleError('tasks.parent_other_plan');
  if (!taskId) return;
  const rows = await ctx.db
    .select({ id: planTasks.id, parentTaskId: planTasks.parentTaskId })
    .from(planTasks)
    .where(eq(planTasks.planId, planId));
  if (wouldNestInItself(new Map(rows.map((r) => [r.id, r.parentTaskId])), taskId, parentId))
    throw ruleError('tasks.dependency_cycle');
}

/** Refuses a done report while prerequisites or sub-tasks are still owed (409 naming them). */
export async function assertNotBlocked(ctx: RequestContext, taskId: string) {
  const prereqs = await ctx.db
    .select({ id: planTasks.id, status: planTasks.status })
    .from(taskDependencies)
    .innerJoin(planTasks, eq(planTasks.id, taskDependencies.dependsOnTaskId))
    .where(eq(taskDependencies.taskId, taskId));
  const subs = await ctx.db
    .select({ id: planTasks.id, status: planTasks.status })
    .from(planTasks)
    .where(eq(planTasks.parentTaskId, taskId));
  const blocked = reportBlockers(
    prereqs.map((r) => ({ id: r.id, status: r.status as TaskStatus })),
    subs.map((r) => ({ id: r.id, status: r.status as TaskStatus })),
  );
  if (blocked)
    throw ruleError(blocked.reason, { count: blocked.taskIds.length, taskIds: blocked.taskIds.join(',') });
}

export type TaskLinks = {
  dependsOn: string[];
  dependedOnBy: string[];
  subtasks: { finished: number; total: number };
  /** Prerequisites still owed: the task cannot be reported done yet. */
  blockedBy: string[];
};

/** Links of the given tasks of one plan, for the task list. */
export async function linksOf(
  ctx: RequestContext,
  tasks: readonly { id: string; parentTaskId: string | null; status: string }[],
): Promise<Map<string, TaskLinks>> {
  const ids = tasks.map((t) => t.id);
  const edges = ids.length
    ? await ctx.db
        .select({ taskId: taskDependencies.taskId, dependsOnTaskId: taskDependencies.dependsOnTaskId })
        .from(taskDependencies)
        .where(or(inArray(taskDependencies.taskId, ids), inArray(taskDependencies.dependsOnTaskId, ids)))
    : [];
  const status = new Map(tasks.map((t) => [t.id, t.status as TaskStatus]));
  const out = new Map<string, TaskLinks>();
  for (const t of tasks) {
    const dependsOn = edges.filter((e) => e.taskId === t.id).map((e) => e.dependsOnTaskId);
    const blocked = reportBlockers(
      dependsOn.map((id) => ({ id, status: status.get(id) ?? 'verified' })),
      [],
    );
    out.set(t.id, {
      dependsOn,
      dependedOnBy: edges.filter((e) => e.dependsOnTaskId === t.id).map((e) => e.taskId),
      subtasks: subtaskRollup(
        tasks
          .filter((s) => s.parentTaskId === t.id)
          .map((s) => ({ id: s.id, status: s.status as TaskStatus })),
      ),
      blockedBy: blocked?.taskIds ?? [],
    });
  }
  return out;
}
