import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { AssessmentStatus } from './rules/assessment-status.js';
import type { CampaignStage } from './rules/stages.js';

/**
 * PAR Index scoring (Chỉ số CCHC — issue 16; domain notes §4). Foreign keys and checks are in the
 * `parindex_constraints` part of the migration. See ./README.md.
 *
 * - A **framework** (bộ tiêu chí) is one version of the criteria set of a year and a unit group: fields →
 *   criteria → sub-criteria as one JSON tree (./rules/framework.ts checks it), with its grade bands and whether a
 *   missing survey rescales the rest to 100. A version a campaign uses is never changed: editing it makes the next
 *   version; copying forward makes next year's first version.
 * - A **campaign** (đợt đánh giá) is a year's scoring: the frameworks per group, the stage deadlines, the
 *   appraisal council, the remediation threshold; its stage moves forward by the council's actions and the
 *   deadlines (./rules/stages.ts).
 * - An **assessment** is one unit's scoring in a campaign, as the unit was in the campaign's year: owed work of
 *   kind `par_assessment` (the self-assessment, then the explanation).
 * - A **score** is one sub-criterion (or bonus / penalty item) of one assessment: the self score, round 1 with
 *   its reason, the unit's explanation, round 2 with its reason, or the value computed from system data.
 * - **Evidence** is a file (versioned: a new one replaces the old, both kept, hashed) or a link to a record already
 *   in chidao, per sub-criterion.
 * - **Results** are frozen when the council signs off: points and % per unit and field, grade, rank in its group.
 */

export const UNIT_GROUPS = ['department', 'commune', 'other'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

export const FRAMEWORK_STATUSES = ['draft', 'published'] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];

/** The stages of a campaign, in order, and an assessment's statuses: the rules' own lists (./rules). */
export { CAMPAIGN_STAGES, type CampaignStage } from './rules/stages.js';

export { ASSESSMENT_STATUSES, type AssessmentStatus } from './rules/assessment-status.js';

export const COUNCIL_ROLES = ['chair', 'member', 'secretary'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

export const EVIDENCE_LINK_KINDS = ['plan', 'report', 'inspection', 'document', 'url'] as const;
export type EvidenceLinkKind = (typeof EVIDENCE_LINK_KINDS)[number];

export const parFrameworks = pgTable(
  'par_frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    unitGroup: text('unit_group').$type<UnitGroup>().notNull(),
    year: integer('year').notNull(),
    /** 1, 2, … per province, group and year: every change to a version in use is a new version. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull().default(''),
    status: text('status').$type<FrameworkStatus>().notNull().default('draft'),
    /** `FrameworkTree` (./rules/framework.ts): fields → criteria → sub-criteria, bonus and penalty items. */
    tree: jsonb('tree').notNull(),
    /** `GradeBand[]`, highest first (./rules/grades.ts). */
    gradeBands: jsonb('grade_bands').notNull(),
    /** A missing survey rescales the other points to the framework's maximum (Hà Nội's division set). */
    rescaleWithoutSurvey: boolean('rescale_without_survey').notNull().default(false),
    /** The version it was made from (an edit of a version in use, or last year's copied forward). */
    basedOnId: uuid('based_on_id'),
    /** The decision issuing the set (e.g. QĐ 3323/QĐ-UBND), in the documents register, and its citation. */
    documentId: uuid('document_id'),
    legalBasis: text('legal_basis').notNull().default(''),
    /** Shipped with chidao (server/modules/parindex/data) rather than made by the province. */
    shipped: boolean('shipped').notNull().default(false),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('par_frameworks_number_idx').on(t.provinceId, t.unitGroup, t.year, t.number)],
);

export const parCampaigns = pgTable(
  'par_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    /** The year scored (the units as they were that year; the data of that year). */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    stage: text('stage').$type<CampaignStage>().notNull().default('preparing'),
    /** The framework version used for each group: `{ department?: id, commune?: id, other?: id }`. */
    frameworkIds: jsonb('framework_ids')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The last day of each stage (inclusive, Vietnam time); self-assessments lock the day after. */
    selfDeadline: date('self_deadline', { mode: 'string' }).notNull(),
    appraisal1Deadline: date('appraisal1_deadline', { mode: 'string' }).notNull(),
    explanationDeadline: date('explanation_deadline', { mode: 'string' }).notNull(),
    appraisal2Deadline: date('appraisal2_deadline', { mode: 'string' }).notNull(),
    /** Units below this index (%) get a remediation item when results are published. */
    remediationBelow: doublePrecision('remediation_below').notNull().default(70),
    /**
     * Working days a unit below the threshold has to remedy, from publication: its task in the steering loop is
     * due then (the province's practice: the decision announcing the results asks for a remediation plan).
     */
    remediationWorkingDays: integer('remediation_working_days').notNull().default(30),
    /** The plan or decision launching the campaign, and the decision approving the results (register). */
    documentId: uuid('document_id'),
    resultDocumentId: uuid('result_document_id'),
    /**
     * The criteria computed from chidao's records (./computed.service.ts): when the campaign's scores were last
     * recomputed, and when the office last asked for it. The worker recomputes an open campaign once a day, and
     * whenever a request is newer than the last computation (./compute-sweep.service.ts).
     */
    criteriaComputedAt: timestamp('criteria_computed_at', { withTimezone: true }),
    computeRequestedAt: timestamp('compute_requested_at', { withTimezone: true }),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signedOffBy: uuid('signed_off_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('par_campaigns_province_year_idx').on(t.provinceId, t.year)],
);

export const parCouncilMembers = pgTable(
  'par_council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<CouncilRole>().notNull().default('member'),
    /** The fields (codes of the frameworks' top level) this member appraises; empty: all. */
    fieldCodes: text('field_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('par_council_campaign_user_idx').on(t.campaignId, t.userId)],
);

export const parAssessments = pgTable(
  'par_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    /** The unit scored, as the registry holds it in the campaign's year. */
    unitId: uuid('unit_id').notNull(),
    unitGroup: text('unit_group').$type<UnitGroup>().notNull(),
    frameworkId: uuid('framework_id').notNull(),
    status: text('status').$type<AssessmentStatus>().notNull().default('not_started'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    /** Locked at the self-assessment deadline (whatever was scored stays; nothing more may change). */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('par_assessments_campaign_unit_idx').on(t.campaignId, t.unitId),
    index('par_assessments_unit_idx').on(t.unitId),
    index('par_assessments_status_idx').on(t.status),
  ],
);

export const parScores = pgTable(
  'par_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    /** The framework item's code ("3.2.1"; bonus "B1", penalty "P1"). */
    itemCode: text('item_code').notNull(),
    selfPoints: doublePrecision('self_points'),
    selfNote: text('self_note').notNull().default(''),
    selfAt: timestamp('self_at', { withTimezone: true }),
    selfBy: uuid('self_by'),
    /** Round 1: the council's score and its reason (mandatory when it differs from the self score). */
    round1Points: doublePrecision('round1_points'),
    round1Reason: text('round1_reason').notNull().default(''),
    round1At: timestamp('round1_at', { withTimezone: true }),
    round1By: uuid('round1_by'),
    /** The unit's explanation (giải trình) of a changed score. */
    explanation: text('explanation').notNull().default(''),
    explainedAt: timestamp('explained_at', { withTimezone: true }),
    explainedBy: uuid('explained_by'),
    /** Round 2: the council's answer to the explanation. */
    round2Points: doublePrecision('round2_points'),
    round2Reason: text('round2_reason').notNull().default(''),
    round2At: timestamp('round2_at', { withTimezone: true }),
    round2By: uuid('round2_by'),
    /** A criterion computed from system data: its points and how (`Computation`, ./rules/computed.ts). */
    computedPoints: doublePrecision('computed_points'),
    computation: jsonb('computation'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('par_scores_assessment_item_idx').on(t.assessmentId, t.itemCode)],
);

export const parEvidence = pgTable(
  'par_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    itemCode: text('item_code').notNull(),
    /** A file (in the file store, content-addressed: its SHA-256 kept here too) … */
    fileId: uuid('file_id'),
    sha256: text('sha256'),
    /** … or a link to a record already in chidao (a plan, a report, an inspection, a document) or a web page. */
    linkKind: text('link_kind').$type<EvidenceLinkKind>(),
    linkId: uuid('link_id'),
    url: text('url'),
    label: text('label').notNull().default(''),
    /** 1, 2, … : a new file for the same evidence replaces the earlier one, which is kept. */
    number: integer('number').notNull().default(1),
    replacesId: uuid('replaces_id'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    /** Withdrawn by the unit before the lock (kept, shown struck through in the history). */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    addedBy: uuid('added_by'),
  },
  (t) => [index('par_evidence_assessment_idx').on(t.assessmentId, t.itemCode)],
);

export const parResults = pgTable(
  'par_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    unitGroup: text('unit_group').$type<UnitGroup>().notNull(),
    points: doublePrecision('points').notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    /** The index: points over the maximum (rescaled when the survey is missing and the framework says so). */
    percent: doublePrecision('percent').notNull(),
    /** `{ code, points, maxPoints, percent }[]` per field. */
    byField: jsonb('by_field').notNull(),
    grade: text('grade').notNull(),
    rank: integer('rank').notNull(),
    rankOf: integer('rank_of').notNull(),
    /** Last year's index of the unit (or its predecessors, by lineage), when there was one. */
    previousPercent: doublePrecision('previous_percent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('par_results_campaign_assessment_idx').on(t.campaignId, t.assessmentId),
    index('par_results_unit_idx').on(t.unitId),
  ],
);
