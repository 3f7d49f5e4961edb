/**
 * Shared by the plans module's services: who the caller is, where a unit sits, the rows of a plan or
 * task, and how a refusal of the pure task rules becomes an HTTP error.
 */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, notFound, unauthenticated } from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import type { TaskActor, TaskRuleKey } from '../tasks/index.js';
import { unitFacts } from '../units/units.service.js';
import { planTasks, plans } from './plans.table.js';

export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof planTasks.$inferSelect;

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export async function pathOf(ctx: RequestContext, unitId: string): Promise<string[]> {
  const facts = await unitFacts(ctx.db, [unitId]);
  const f = facts.get(unitId);
  if (!f)
    throw new AppError(400, 'VALIDATION_FAILED', 'unit.not_found', { field: 'unitId' }, [
      { field: 'unitId', message: 'unit.not_found' },
    ]);
  return f.path;
}

export const MANAGERS = ['admin', 'standing_officer'] as const;

/** Which field a refused input concerns, for the web to show the message under it. */
const RULE_FIELDS: Partial<Record<TaskRuleKey, string>> = {
  'tasks.output_required': 'output',
  'tasks.evidence_required': 'fileIds',
  'tasks.reason_required': 'reason',
  'tasks.document_required': 'documentId',
  'tasks.new_due_date_required': 'newDueDate',
  'tasks.new_due_date_invalid': 'newDueDate',
  'tasks.new_due_date_not_later': 'newDueDate',
  'tasks.parent_other_plan': 'parentTaskId',
};

/** Rule keys that say who may act: a refusal is 403. */
const WHO_KEYS: ReadonlySet<TaskRuleKey> = new Set(['tasks.unit_leader_only_review']);

/** A refusal of the workflow rules as an HTTP error: 403 for who, 409 for when, 400 for what is missing. */
export function ruleError(reason: TaskRuleKey, params?: Record<string, string | number>): AppError {
  if (reason.endsWith('_only') || WHO_KEYS.has(reason)) return new AppError(403, 'FORBIDDEN', reason);
  const field = RULE_FIELDS[reason];
  if (field) return new AppError(400, 'VALIDATION_FAILED', reason, { field }, [{ field, message: reason }]);
  return new AppError(409, 'TASK_STATUS', reason, params);
}

/** The caller's relation to a task's lead unit, for the pure workflow rules. */
export function taskActor(actor: Actor, leadUnitPath: readonly string[]): TaskActor {
  return {
    isAdmin: actor.hasRoleOver(['admin'], leadUnitPath),
    isStandingAgency: actor.hasRoleOver(['standing_officer'], leadUnitPath),
    isLeadUnitStaff: actor.hasRoleOver(['focal_point'], leadUnitPath),
    isLeadUnitLeader: actor.hasRoleOver(['unit_leader'], leadUnitPath),
  };
}

export async function planRow(ctx: RequestContext, id: string): Promise<PlanRow> {
  const [row] = await ctx.db.select().from(plans).where(eq(plans.id, id));
  if (!row) throw notFound('plan');
  return row;
}

export async function taskRow(ctx: RequestContext, id: string): Promise<TaskRow> {
  const [row] = await ctx.db.select().from(planTasks).where(eq(planTasks.id, id));
  if (!row) throw notFound('task');
  return row;
}
