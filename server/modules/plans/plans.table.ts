import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** A yearly PAR plan of the committee (owner = the province's unit) or of a unit (its own plan). */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    ownerUnitId: uuid('owner_unit_id').notNull(),
    /** 'committee' for the Steering Committee's plan, 'unit' for a unit's own PAR plan. */
    ownerKind: text('owner_kind').notNull().default('committee'),
    /**
     * What the plan is for (PLAN_PURPOSES in ./plans.schemas.ts): 'reform', the owner's yearly PAR plan (the one a
     * unit's own plan counts as, in `unitPlanCoverage` and the PAR Index's `ownPlanIssued`); 'remediation', a plan
     * holding the PAR Index's remediation work (parindex/remediation.service.ts); 'improvement', a plan improving a
     * national index's weak dimension (standings/improvements.service.ts).
     */
    purpose: text('purpose').notNull().default('reform'),
    title: text('title').notNull(),
    documentId: uuid('document_id'),
    /** How completion is computed, declared per plan: 'count' of verified tasks or 'weighted'. */
    method: text('method').notNull().default('count'),
    focusAreas: jsonb('focus_areas').$type<string[]>().notNull().default([]),
    evidenceOptional: boolean('evidence_optional').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('plans_year_idx').on(t.year, t.ownerUnitId)],
);

/** A task of a plan. Overdue is never stored: it is derived from the due date and the calendar. */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    parentTaskId: uuid('parent_task_id'),
    title: text('title').notNull(),
    description: text('description'),
    reformArea: text('reform_area').notNull(),
    leadUnitId: uuid('lead_unit_id').notNull(),
    supportingUnitIds: jsonb('supporting_unit_ids').$type<string[]>().notNull().default([]),
    directingMemberId: uuid('directing_member_id'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    originalDueDate: date('original_due_date', { mode: 'string' }),
    expectedOutput: text('expected_output'),
    focus: boolean('focus').notNull().default(false),
    /** Where the task came from: plan, conclusion, directive, inspection, feedback. */
    source: text('source').notNull().default('plan'),
    sourceRef: text('source_ref'),
    weight: numeric('weight', { precision: 9, scale: 4, mode: 'number' }),
    status: text('status').notNull().default('not_started'),
    output: text('output'),
    reportedOn: date('reported_on', { mode: 'string' }),
    verifiedOn: date('verified_on', { mode: 'string' }),
    lastReason: text('last_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_tasks_plan_idx').on(t.planId), index('plan_tasks_lead_idx').on(t.leadUnitId)],
);

/** Finish-to-start links inside a plan: a task cannot be reported done before its prerequisites are. */
export const taskDependencies = pgTable(
  'task_dependencies',
  {
    taskId: uuid('task_id').notNull(),
    dependsOnTaskId: uuid('depends_on_task_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.dependsOnTaskId] }),
    index('task_dependencies_on_idx').on(t.dependsOnTaskId),
  ],
);

/**
 * A unit leader's choice that the staff's progress updates wait for the leader's approval before the
 * province sees them (and that done reports come from the leader). One row per unit; absent = off.
 */
export const progressApprovalSettings = pgTable('progress_approval_settings', {
  unitId: uuid('unit_id').primaryKey(),
  requireApproval: boolean('require_approval').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
