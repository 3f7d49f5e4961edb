import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ruleVersionColumns } from '../../db/rule-version-columns.js';
import { sql } from 'drizzle-orm';

/**
 * The public feedback hotline (phản ánh, kiến nghị — issue 14; Decree 20/2008/NĐ-CP as amended, Decision
 * 31/2021/QĐ-TTg). Foreign keys and checks are in the `hotline_constraints` part of the migration.
 *
 * - A **category** (đất đai, xây dựng, hộ tịch…) is configuration: the province adds, renames and retires them.
 * - A **route** says which unit handles a category, optionally only for feedback about a given area (a
 *   commune, a district as it was): the officer's triage starts from its suggestion.
 * - The **SLA rules** are versioned data (`./rules/sla.ts`): a case keeps the version in force when it was
 *   received, so a later change never moves an existing deadline.
 * - A **case** is one piece of feedback from any channel, with its tracking code. Its personal data (name,
 *   phone, e-mail, address) lives only in its own columns, never in what is published; a case handled by a
 *   unit is owed work (`feedback_case`, ../work), its history the work engine's events.
 * - **Followers** are e-mail addresses told of each public step (the submitter's, others who follow).
 * - An **escalation** is a serious or repeated matter proposed for verification or a surprise inspection
 *   (the inspections module picks them up).
 */
export const feedbackCategories = pgTable('feedback_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable key (`dat_dai`), used by Open311 as the service code. */
  key: text('key').notNull().unique(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionVi: text('description_vi').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const feedbackRoutes = pgTable(
  'feedback_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id').notNull(),
    /** Feedback about this unit or place (and below it); null: anywhere in the province. */
    areaUnitId: uuid('area_unit_id'),
    handlingUnitId: uuid('handling_unit_id').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_routes_category_idx').on(t.categoryId)],
);

/**
 * One version of the hotline's deadline rules (`HotlineSlaRules`, ./rules/sla.ts, checked by `validateSlaRules`);
 * the latest whose `valid_from` ≤ a case's receipt day applies.
 */
export const hotlineRuleVersions = pgTable('hotline_rule_versions', ruleVersionColumns());

export const CHANNELS = [
  'web',
  'phone',
  'email',
  'letter',
  'press',
  'national_portal',
  'visit',
  'open311',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const feedbackCases = pgTable(
  'feedback_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The tracking code the submitter gets (./rules/tracking-code.ts). */
    code: text('code').notNull().unique(),
    channel: text('channel').$type<Channel>().notNull(),
    /** The province whose hotline received it (its standing agency and hotline officers triage it). */
    provinceId: uuid('province_id').notNull(),
    categoryId: uuid('category_id'),
    /** The unit or place the feedback is about, as the submitter or officer chose it. */
    subjectUnitId: uuid('subject_unit_id'),
    /** Where, in words (an address); the map's point when one was given. */
    place: text('place').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    // Personal data: never published, never in a public response (tests search every public page for them).
    submitterName: text('submitter_name').notNull().default(''),
    submitterPhone: text('submitter_phone').notNull().default(''),
    submitterEmail: text('submitter_email').notNull().default(''),
    submitterAddress: text('submitter_address').notNull().default(''),
    /** The submitter asked to stay anonymous: their name and contacts are hidden from the handling unit too. */
    anonymous: boolean('anonymous').notNull().default(false),
    /**
     * SHA-256 of the submitter's key: the code is public (answers are listed by it), the key (in the link and QR
     * code the submitter gets) lets them rate, reopen and follow their case.
     */
    submitterKeyHash: text('submitter_key_hash').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** The working day it counts as received (a submission after hours or on a day off counts next day). */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The officer who entered a case received by phone, letter…; null for the public's own submissions. */
    enteredBy: uuid('entered_by'),
    /** Decree 20's four outcomes of triage; null until triaged. */
    classification: text('classification').$type<
      'not_accepted' | 'behaviour' | 'within_authority' | 'outside_authority'
    >(),
    /** Why not accepted, or the agency it was forwarded to, in words shown to the submitter. */
    triageNote: text('triage_note').notNull().default(''),
    forwardedTo: text('forwarded_to').notNull().default(''),
    handlingUnitId: uuid('handling_unit_id'),
    /** received → assigned → answered → published (or not_accepted, forwarded, merged); see ./case-rules.ts. */
    status: text('status').notNull().default('received'),
    ruleVersionId: uuid('rule_version_id'),
    /** Deadline to triage, then to answer (working days from `received_on`; extensions move `due_date`). */
    triageDueDate: date('triage_due_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    /** The handling unit's answer as drafted (not public until approved). */
    answerDraft: text('answer_draft').notNull().default(''),
    /** The approved answer with personal data removed: what the public sees. */
    publishedAnswer: text('published_answer'),
    /** The description with personal data removed: what the public sees of the feedback. */
    publishedDescription: text('published_description'),
    publishedOn: date('published_on', { mode: 'string' }),
    /** The day the case was closed for timing: published, not accepted, forwarded, merged. */
    closedOn: date('closed_on', { mode: 'string' }),
    satisfaction: text('satisfaction').$type<'satisfied' | 'not_satisfied'>(),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    duplicateOfId: uuid('duplicate_of_id'),
    /** A client's idempotency key (public submissions and Open311): the same key returns the first case. */
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the client and the content: the same feedback again within minutes is the same case. */
    contentKey: text('content_key'),
    /** The e-mail's Message-ID when it came by mail (a mail read twice is one case). */
    sourceMessageId: text('source_message_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('feedback_cases_status_idx').on(t.status),
    index('feedback_cases_handling_idx').on(t.handlingUnitId, t.status),
    index('feedback_cases_received_idx').on(t.receivedOn),
    index('feedback_cases_subject_idx').on(t.subjectUnitId),
    index('feedback_cases_content_idx').on(t.contentKey, t.receivedAt),
    uniqueIndex('feedback_cases_idempotency_idx')
      .on(t.idempotencyKey)
      .where(sql`${t.idempotencyKey} IS NOT NULL`),
    uniqueIndex('feedback_cases_message_idx')
      .on(t.sourceMessageId)
      .where(sql`${t.sourceMessageId} IS NOT NULL`),
  ],
);

/** Files the submitter or the officer attached to a case (the answer's files are the work engine's). */
export const feedbackCaseFiles = pgTable(
  'feedback_case_files',
  {
    caseId: uuid('case_id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** Shown on the public page once the case is published (images of the place; never an ID document). */
    public: boolean('public').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('feedback_case_files_pk').on(t.caseId, t.fileId)],
);

/**
 * The files of the approved answer (the work engine's evidence of its `submit_answer` step) and whether the public
 * may download each: at approval the office ticks which (by default its images and PDFs); an unticked file stays
 * internal. Written again at each approval: after a reopen, the new answer's files replace the old answer's.
 */
export const feedbackAnswerFiles = pgTable(
  'feedback_answer_files',
  {
    caseId: uuid('case_id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** Downloadable from the public tracking page (`/api/public/hotline/cases/:code/files/:fileId`). */
    public: boolean('public').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('feedback_answer_files_pk').on(t.caseId, t.fileId)],
);

export const feedbackFollowers = pgTable(
  'feedback_followers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    email: text('email').notNull(),
    /** A secret in the unsubscribe link of each mail (only its hash is stored). */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('feedback_followers_case_email_idx').on(t.caseId, t.email)],
);

export const feedbackEscalations = pgTable(
  'feedback_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    /** verification: a task to verify on site; inspection: a proposal of a surprise inspection. */
    kind: text('kind').$type<'verification' | 'inspection'>().notNull(),
    reason: text('reason').notNull(),
    /** The unit the verification or inspection is about. */
    unitId: uuid('unit_id'),
    status: text('status').$type<'proposed' | 'taken' | 'dismissed'>().notNull().default('proposed'),
    /** What picked it up: the plan task or the inspection created from it. */
    outcomeRef: text('outcome_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('feedback_escalations_case_idx').on(t.caseId)],
);
