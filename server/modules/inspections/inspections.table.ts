import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ruleVersionColumns } from '../../db/rule-version-columns.js';
import { sql } from 'drizzle-orm';

/**
 * PAR inspections (kiểm tra CCHC — issue 15; domain notes §2.6). Foreign keys and checks are in the
 * `inspections_constraints` part of the migration. See ./README.md.
 *
 * - A **plan** is the province's inspection plan of a year: its document and the decision establishing the team
 *   are records of the documents register.
 * - A **team member** belongs to a plan's joint team, or to one inspection's team (copied from its plan's, then
 *   changed as needed): a user, the unit they come from, head or member.
 * - An **inspection** is one unit inspected once: planned (in a plan), surprise (a hotline escalation, a data
 *   signal or by hand, with its reason) or a re-inspection of an earlier one.
 * - **Checklist templates** are versioned per content area; an inspection's findings name the version they
 *   were filled with, so a later edit never changes a finished inspection.
 * - A **finding** is one checklist item (or a custom item) of one inspection: compliant / shortcoming /
 *   violation / not applicable, a note and evidence files.
 * - A **recommendation** is numbered in its inspection's conclusion and is owed work of the unit responsible
 *   (`inspection_recommendation`, ../work): remediation report → accepted, or returned and reported again.
 * - A **self-inspection** is a department's or commune's own inspection of one of its sub-units or divisions.
 * - The **rules** are versioned data (./rules/inspection-rules.ts): deadlines, the coverage threshold, signals.
 */

/** The seven content areas: the six of Resolution 76/NQ-CP and direction and management (tasks REFORM_AREAS). */
export const INSPECTION_FORMS = ['on_site', 'through_reports', 'combined'] as const;
export type InspectionForm = (typeof INSPECTION_FORMS)[number];
export const INSPECTION_KINDS = ['planned', 'surprise', 're_inspection'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_STATUSES = [
  'planned',
  'in_progress',
  'minutes_signed',
  'concluded',
  'cancelled',
] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const FINDING_RESULTS = ['compliant', 'shortcoming', 'violation', 'not_applicable'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];
export const RECOMMENDATION_STATUSES = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
  'verified',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
/** Why a surprise inspection: a hotline escalation, a data signal (./rules/signals.ts), or the officer's reason. */
export const SURPRISE_SOURCES = ['hand', 'hotline', 'signal'] as const;
export type SurpriseSource = (typeof SURPRISE_SOURCES)[number];

export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The province whose standing agency runs it. */
    provinceId: uuid('province_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft → approved (the units and dates are then the plan's; changes after approval are journaled). */
    status: text('status').$type<'draft' | 'approved'>().notNull().default('draft'),
    /** The plan as issued (kế hoạch kiểm tra), in the documents register. */
    documentId: uuid('document_id'),
    /** The decision establishing the inspection team (quyết định thành lập đoàn kiểm tra). */
    teamDecisionId: uuid('team_decision_id'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_plans_province_year_idx').on(t.provinceId, t.year)],
);

export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The plan it belongs to; null for a surprise inspection outside any plan. */
    planId: uuid('plan_id'),
    provinceId: uuid('province_id').notNull(),
    kind: text('kind').$type<InspectionKind>().notNull().default('planned'),
    /** A re-inspection's earlier inspection. */
    previousId: uuid('previous_id'),
    /** The unit inspected, as the registry holds it on the planned dates (history survives mergers). */
    unitId: uuid('unit_id').notNull(),
    /** Content areas (REFORM_AREAS of ../tasks). */
    areas: text('areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Items outside the templates: `{ key, text: { vi, en } }[]`. */
    customItems: jsonb('custom_items')
      .notNull()
      .default(sql`'[]'::jsonb`),
    form: text('form').$type<InspectionForm>().notNull().default('on_site'),
    plannedFrom: date('planned_from', { mode: 'string' }).notNull(),
    plannedTo: date('planned_to', { mode: 'string' }).notNull(),
    /** A surprise inspection's source and reason (shown on the inspection and in the journal). */
    source: text('source').$type<SurpriseSource>(),
    /** The escalation id (hotline) or the signal's key and figure (signal), as text. */
    sourceRef: text('source_ref'),
    reason: text('reason').notNull().default(''),
    status: text('status').$type<InspectionStatus>().notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    /** The day the team inspected (first day on site, or the day the reports were examined). */
    conductedOn: date('conducted_on', { mode: 'string' }),
    /** The minutes (biên bản) and the conclusion notice (thông báo kết luận), once issued, in the register. */
    minutesDocumentId: uuid('minutes_document_id'),
    conclusionDocumentId: uuid('conclusion_document_id'),
    /** The conclusion's summary text (drafted by the head of the team before it is issued). */
    conclusionDraft: text('conclusion_draft').notNull().default(''),
    /**
     * The head's draft of the numbered recommendations (`DraftRecommendation[]`, ./rules/recommendation-rules.ts):
     * issuing the conclusion turns them into inspection_recommendations (migration 0049).
     */
    conclusionRecommendations: jsonb('conclusion_recommendations')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** What the minutes (biên bản) say beyond the records: `{ place, representatives: { name, position }[] }`. */
    minutesDetails: jsonb('minutes_details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    concludedOn: date('concluded_on', { mode: 'string' }),
    /** The rules version in force when it was concluded (recommendation deadlines). */
    ruleVersionId: uuid('rule_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_plan_idx').on(t.planId),
    index('inspections_unit_idx').on(t.unitId),
    index('inspections_status_idx').on(t.status),
  ],
);

export const inspectionTeamMembers = pgTable(
  'inspection_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Exactly one of the two: the plan's joint team, or one inspection's own. */
    planId: uuid('plan_id'),
    inspectionId: uuid('inspection_id'),
    userId: uuid('user_id').notNull(),
    /** The unit the member comes from (Sở Nội vụ, VP UBND, Sở Tài chính…). */
    unitId: uuid('unit_id').notNull(),
    role: text('role').$type<'head' | 'member'>().notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspection_team_plan_user_idx')
      .on(t.planId, t.userId)
      .where(sql`${t.planId} IS NOT NULL`),
    uniqueIndex('inspection_team_inspection_user_idx')
      .on(t.inspectionId, t.userId)
      .where(sql`${t.inspectionId} IS NOT NULL`),
  ],
);

export const inspectionChecklistTemplates = pgTable(
  'inspection_checklist_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A content area (REFORM_AREAS of ../tasks). */
    area: text('area').notNull(),
    /** 1, 2, … per area; every edit is a new version. */
    number: integer('number').notNull(),
    /** `{ key, text: { vi, en }, guidance: { vi, en } }[]` (checked by ./rules/checklists.ts). */
    items: jsonb('items').notNull(),
    /** Shipped with chidao (server/data/inspections/checklists.json) or made by the province. */
    shipped: boolean('shipped').notNull().default(false),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('inspection_checklist_area_number_idx').on(t.area, t.number)],
);

export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id').notNull(),
    /** The template version and item, or null with a custom item's key. */
    templateId: uuid('template_id'),
    itemKey: text('item_key').notNull(),
    area: text('area').notNull(),
    result: text('result').$type<FindingResult>(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('inspection_findings_item_idx').on(t.inspectionId, t.area, t.itemKey)],
);

export const inspectionFindingFiles = pgTable(
  'inspection_finding_files',
  {
    findingId: uuid('finding_id').notNull(),
    fileId: uuid('file_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('inspection_finding_files_pk').on(t.findingId, t.fileId)],
);

export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id').notNull(),
    /** 1, 2, 3 … as numbered in the conclusion notice. */
    number: integer('number').notNull(),
    text: text('text').notNull(),
    /** The unit that must remedy (usually the inspected unit; may be one of its sub-units). */
    unitId: uuid('unit_id').notNull(),
    /** The findings it answers (ids of inspection_findings). */
    findingIds: uuid('finding_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').$type<RecommendationStatus>().notNull().default('not_started'),
    /** Working days from the conclusion (the rules' default unless set), then any extension. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The latest remediation report's text (evidence: the work engine's files of the `report` event). */
    remediation: text('remediation').notNull().default(''),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspection_recommendations_number_idx').on(t.inspectionId, t.number),
    index('inspection_recommendations_unit_idx').on(t.unitId, t.status),
  ],
);

export const selfInspections = pgTable(
  'self_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The department or commune that inspected (its own division or sub-unit). */
    inspectorUnitId: uuid('inspector_unit_id').notNull(),
    inspectedUnitId: uuid('inspected_unit_id').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    form: text('form').$type<InspectionForm>().notNull().default('on_site'),
    areas: text('areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    /** Its conclusion or report, when registered. */
    documentId: uuid('document_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('self_inspections_inspector_idx').on(t.inspectorUnitId, t.inspectedOn),
    index('self_inspections_inspected_idx').on(t.inspectedUnitId),
  ],
);

export const inspectionRuleVersions = pgTable('inspection_rule_versions', ruleVersionColumns());
