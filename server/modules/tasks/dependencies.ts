/**
 * Sub-tasks and finish-to-start dependencies between the tasks of a plan.
 *
 * - A sub-task (nhiệm vụ con) belongs to the same plan as its parent; the parent chain has no cycle.
 * - A dependency "B depends on A" means B cannot be reported done while A is still owed: A counts as
 *   finished once it is reported done, verified or cancelled. Dependencies stay inside one plan and never
 *   form a cycle.
 * - A parent task cannot be reported done while any of its sub-tasks is still owed.
 * Pure functions: callers pass the edges and statuses they read.
 */
import type { TaskRuleKey } from './messages.js';
import type { TaskStatus } from './task-status.js';

/** Statuses in which a task no longer holds up the tasks that depend on it. */
export const FINISHED_FOR_DEPENDENCIES: readonly TaskStatus[] = ['reported_done', 'verified', 'cancelled'];

export type Edge = { taskId: string; dependsOnTaskId: string };

/** Whether adding `taskId → dependsOnTaskId` closes a cycle among the existing edges. */
export function wouldCreateCycle(edges: readonly Edge[], taskId: string, dependsOnTaskId: string): boolean {
  if (taskId === dependsOnTaskId) return true;
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.taskId, [...(next.get(e.taskId) ?? []), e.dependsOnTaskId]);
  // A cycle appears iff taskId is reachable from dependsOnTaskId.
  const seen = new Set<string>();
  const stack = [dependsOnTaskId];
  while (stack.length) {
    const at = stack.pop()!;
    if (at === taskId) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(next.get(at) ?? []));
  }
  return false;
}

/** Whether making `parentId` the parent of `taskId` would put the task under itself. */
export function wouldNestInItself(
  parents: ReadonlyMap<string, string | null>,
  taskId: string,
  parentId: string,
): boolean {
  let at: string | null | undefined = parentId;
  const seen = new Set<string>();
  while (at) {
    if (at === taskId) return true;
    if (seen.has(at)) return true;
    seen.add(at);
    at = parents.get(at) ?? null;
  }
  return false;
}

export type LinkCheckInput = {
  taskPlanId: string;
  otherPlanId: string;
  edges: readonly Edge[];
  taskId: string;
  dependsOnTaskId: string;
};

/** Validates a new dependency: same plan, no self-link, no cycle. */
export function checkDependency(input: LinkCheckInput): TaskRuleKey | null {
  if (input.taskPlanId !== input.otherPlanId) return 'tasks.dependency_other_plan';
  if (input.taskId === input.dependsOnTaskId) return 'tasks.dependency_cycle';
  if (input.edges.some((e) => e.taskId === input.taskId && e.dependsOnTaskId === input.dependsOnTaskId))
    return 'tasks.dependency_exists';
  if (wouldCreateCycle(input.edges, input.taskId, input.dependsOnTaskId)) return 'tasks.dependency_cycle';
  return null;
}

export type Related = { id: string; status: TaskStatus };

/**
 * What stops a task from being reported done: the prerequisites and sub-tasks still owed (their ids), and
 * the rule key to show. Null when nothing blocks.
 */
export function reportBlockers(
  prerequisites: readonly Related[],
  subtasks: readonly Related[],
): { reason: TaskRuleKey; taskIds: string[] } | null {
  const owed = (r: Related) => !FINISHED_FOR_DEPENDENCIES.includes(r.status);
  const pre = prerequisites.filter(owed).map((r) => r.id);
  if (pre.length) return { reason: 'tasks.blocked_by_prerequisite', taskIds: pre };
  const subs = subtasks.filter(owed).map((r) => r.id);
  if (subs.length) return { reason: 'tasks.subtasks_open', taskIds: subs };
  return null;
}

/** Roll-up of a parent's sub-tasks for display: how many are finished of how many (cancelled excluded). */
export function subtaskRollup(subtasks: readonly Related[]): { finished: number; total: number } {
  const counted = subtasks.filter((s) => s.status !== 'cancelled');
  return {
    total: counted.length,
    finished: counted.filter((s) => s.status === 'verified' || s.status === 'reported_done').length,
  };
}
