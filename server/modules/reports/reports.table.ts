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
import { sql } from 'drizzle-orm';

/**
 * Periodic reports (issue 13). Foreign keys and checks are in the `reports_constraints` migration.
 *
 * - A **form** (`report_forms`) is a key; its **versions** hold the definition (./form). A draft version is
 *   edited; once published it never changes (a trigger refuses it), so a submitted report always reads the
 *   version it was written on. A change is a new version.
 * - An **assignment** says which units submit which form for which period type, from/to which dates: one
 *   unit, or every unit of some kinds under a root as the registry dates them. The expected set of any past
 *   period is read from the assignments valid then.
 * - A **round** is one form for one period of one province (the owner unit): opening it pins the version,
 *   the data window and the deadline (the reporting-period rules), and creates one report per expected unit.
 * - A **report** is owed work (`periodic_report`, ../work): raw values, the figures prefilled from the
 *   system with their sources, notes where a prefilled figure was changed, the evaluated snapshot at
 *   submission, the reviewer's comments per field, its deadline (with any extension and its reason).
 * - A **consolidation** is the province's draft from a round's accepted and submitted reports: the computed
 *   figures with their sources (traceable) and the standing agency's edited values.
 */
export const reportForms = pgTable('report_forms', {
  key: text('key').primaryKey(),
  /** Who submits it: units, or committee members (about the units they follow). */
  subject: text('subject').$type<'unit' | 'member'>().notNull().default('unit'),
  /** Shipped with chidao (its version 1 comes from server/data/reports/forms), or made by the province. */
  shipped: boolean('shipped').notNull().default(false),
  archived: boolean('archived').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const reportFormVersions = pgTable(
  'report_form_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formKey: text('form_key').notNull(),
    /** The form's version number (1, 2, …), as printed. */
    number: integer('number').notNull(),
    /** The definition (`FormVersion` of ./form), checked by `checkForm` before it is stored. */
    definition: jsonb('definition').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    /** Optimistic concurrency of the draft's edits. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_form_versions_key_number_uq').on(t.formKey, t.number)],
);

export const reportAssignments = pgTable(
  'report_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formKey: text('form_key').notNull(),
    /** The province (or other unit) whose standing agency collects and reviews: rounds are per owner. */
    ownerUnitId: uuid('owner_unit_id').notNull(),
    /** quarter, half, year, … (../periods). */
    periodType: text('period_type').notNull(),
    /** `unit`: `unitId` itself; `kinds`: every unit of `unitKinds` under `unitId` in force in the period. */
    target: text('target').$type<'unit' | 'kinds'>().notNull(),
    unitId: uuid('unit_id').notNull(),
    unitKinds: text('unit_kinds').array().notNull().default([]),
    /** Whether the unit's PAR focal point may submit (else only its leader). */
    focalPointSubmits: boolean('focal_point_submits').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** The plan or decision that sets the reporting duty (documents register). */
    documentId: uuid('document_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_assignments_form_idx').on(t.formKey, t.ownerUnitId, t.periodType)],
);

export const reportRounds = pgTable(
  'report_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formKey: text('form_key').notNull(),
    formVersionId: uuid('form_version_id').notNull(),
    ownerUnitId: uuid('owner_unit_id').notNull(),
    /** `2026-Q3` (../periods `periodKey`). */
    periodKey: text('period_key').notNull(),
    periodType: text('period_type').notNull(),
    windowFrom: date('window_from', { mode: 'string' }).notNull(),
    windowTo: date('window_to', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The reporting rules the window and deadline come from (id, version, basis). */
    rules: jsonb('rules').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    /** A committee session the round's reports are for (members' reports to the session), if any. */
    meetingId: uuid('meeting_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_rounds_form_period_uq')
      .on(t.formKey, t.ownerUnitId, t.periodKey)
      .where(sql`${t.meetingId} IS NULL`),
    uniqueIndex('report_rounds_meeting_uq')
      .on(t.meetingId, t.formKey)
      .where(sql`${t.meetingId} IS NOT NULL`),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    assignmentId: uuid('assignment_id'),
    /** A member's report: the committee membership that owes it (`unitId` is then the member's unit). */
    membershipId: uuid('membership_id'),
    status: text('status')
      .$type<'draft' | 'submitted' | 'returned' | 'accepted'>()
      .notNull()
      .default('draft'),
    /** The values as the unit entered them (raw: evaluated against the round's version when read). */
    values: jsonb('values').notNull().default({}),
    /** Figures prefilled from the system: `{ field: { source, value, asOf } }`. */
    prefill: jsonb('prefill').notNull().default({}),
    /** Why a prefilled figure was changed: `{ field: note }` (the reviewer sees both figures). */
    changeNotes: jsonb('change_notes').notNull().default({}),
    /** The evaluated values and problems as submitted (what consolidation reads). */
    snapshot: jsonb('snapshot'),
    /** The reviewer's comments when it was last returned: `[{ target, text }]` (a field or section key, or ''). */
    comments: jsonb('comments').notNull().default([]),
    /** The round's deadline, or a later one granted to this unit (with its reason). */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    extensionReason: text('extension_reason'),
    firstSubmittedOn: date('first_submitted_on', { mode: 'string' }),
    submittedOn: date('submitted_on', { mode: 'string' }),
    submittedBy: uuid('submitted_by'),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    lastReason: text('last_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_round_unit_uq')
      .on(t.roundId, t.unitId)
      .where(sql`${t.membershipId} IS NULL`),
    uniqueIndex('reports_round_member_uq')
      .on(t.roundId, t.membershipId)
      .where(sql`${t.membershipId} IS NOT NULL`),
    index('reports_unit_idx').on(t.unitId, t.status),
  ],
);

export const reportConsolidations = pgTable('report_consolidations', {
  roundId: uuid('round_id').primaryKey(),
  /**
   * The form the province's report is written on (the provincial PAR report for the units' PAR reports; the
   * round's own form otherwise): the computed figures fill its fields of the same key.
   */
  formVersionId: uuid('form_version_id').notNull(),
  /** The consolidation as computed (`Consolidation` of ./form, with every figure's sources). */
  computed: jsonb('computed').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  /** The reports it read: `[{ reportId, version }]` (a later change makes it stale). */
  basis: jsonb('basis').notNull().default([]),
  /** The draft as the standing agency edits it (report values, starting from the computed figures). */
  values: jsonb('values').notNull().default({}),
  /** Fields whose computed figure was changed by hand, with the note: `{ field: note }`. */
  changeNotes: jsonb('change_notes').notNull().default({}),
  /** The register document it was issued as, once issued. */
  documentId: uuid('document_id'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
