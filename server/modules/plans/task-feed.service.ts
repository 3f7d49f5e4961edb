/**
 * Read-only views of plan tasks for other modules' background work (deadline reminders): no access
 * checks — callers are jobs, not requests — and no writes. Kept apart from plans.service.ts.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { OPEN_STATUSES, type TaskStatus } from '../tasks/index.js';
import { planTasks, plans } from './plans.table.js';

export type TaskFeedItem = {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  leadUnitId: string;
  planId: string;
  planTitle: string;
  planYear: number;
};

const columns = {
  id: planTasks.id,
  title: planTasks.title,
  status: planTasks.status,
  dueDate: planTasks.dueDate,
  leadUnitId: planTasks.leadUnitId,
  planId: planTasks.planId,
  planTitle: plans.title,
  planYear: plans.year,
};

type Raw = { [K in keyof typeof columns]: unknown };
const toItem = (r: Raw): TaskFeedItem => r as TaskFeedItem;

/** Open tasks (not started, in progress, returned) that have a due date, oldest deadline first. */
export async function openTasksWithDueDates(db: Db): Promise<TaskFeedItem[]> {
  const found = await db
    .select(columns)
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(and(isNotNull(planTasks.dueDate), inArray(planTasks.status, [...OPEN_STATUSES])))
    .orderBy(planTasks.dueDate, planTasks.id);
  return found.map(toItem);
}

/** One task as the reminder feed sees it (whatever its status), or undefined. */
export async function taskFeedItem(db: Db, taskId: string): Promise<TaskFeedItem | undefined> {
  const [row] = await db
    .select(columns)
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(eq(planTasks.id, taskId));
  return row ? toItem(row) : undefined;
}
