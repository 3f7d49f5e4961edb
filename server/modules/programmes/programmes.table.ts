import {
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

/**
 * The province's multi-year reform programmes (issue 18, item 0): a Party resolution, a programme or a plan of the
 * provincial committee for several years (Sơn La's Nghị quyết 03-NQ/TU 2021–2025; the national master programme,
 * Resolution 76/NQ-CP 2021–2030), its measurable targets with baseline, yearly milestones and final value, and the
 * values each year reached — computed by chidao (a province figure) or entered by hand with evidence. Named
 * `reform_*` to stay clear of the pilots module's yearly "programme". Foreign keys are in the migration. See
 * ./README.md.
 */

export const PROGRAMME_KINDS = ['party_resolution', 'programme', 'plan'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const PROGRAMME_STATUSES = ['draft', 'in_force', 'ended'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const TOLERANCE_KINDS = ['points', 'percent'] as const;
export type ToleranceKind = (typeof TOLERANCE_KINDS)[number];

export const reformProgrammes = pgTable(
  'reform_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The steering committee the programme belongs to (its host unit is the access scope). */
    committeeId: uuid('committee_id').notNull(),
    kind: text('kind').$type<ProgrammeKind>().notNull(),
    title: text('title').notNull(),
    /** The resolution, programme or plan in the documents register (the legal basis). */
    documentId: uuid('document_id'),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    goals: text('goals').notNull().default(''),
    status: text('status').$type<ProgrammeStatus>().notNull().default('in_force'),
    /**
     * How far below a milestone the current year's value may be and still be "at risk" rather than "off track":
     * `points` (of the target's unit) or `percent` (of the milestone). Data of the programme, not a constant.
     */
    toleranceKind: text('tolerance_kind').$type<ToleranceKind>().notNull().default('points'),
    toleranceValue: doublePrecision('tolerance_value').notNull().default(5),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reform_programmes_committee_idx').on(t.committeeId, t.fromYear)],
);

export const TARGET_COMPARISONS = ['gte', 'lte'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export const TARGET_MEASURES = ['percent', 'points', 'count', 'rank', 'days'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

export type Milestone = { year: number; value: number };

export const reformTargets = pgTable(
  'reform_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reformProgrammeId: uuid('reform_programme_id').notNull(),
    name: text('name').notNull(),
    /** One of the six areas of Resolution 76/NQ-CP or "direction" (the tasks module's reform areas). */
    area: text('area').notNull(),
    measure: text('measure').$type<TargetMeasure>().notNull().default('percent'),
    comparison: text('comparison').$type<TargetComparison>().notNull().default('gte'),
    baselineYear: integer('baseline_year'),
    baselineValue: doublePrecision('baseline_value'),
    /** Yearly milestones inside the programme's period; the final value is the last year's. */
    milestones: jsonb('milestones').$type<Milestone[]>().notNull().default([]),
    finalValue: doublePrecision('final_value').notNull(),
    /** A province figure chidao computes (dashboard `FigureKey`), or null: values entered by hand. */
    figureKey: text('figure_key'),
    sortOrder: integer('sort_order').notNull().default(0),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reform_targets_programme_idx').on(t.reformProgrammeId, t.sortOrder)],
);

/** A value a person recorded for a target and year, with its evidence (a checked upload or a register document). */
export const reformTargetValues = pgTable(
  'reform_target_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reformTargetId: uuid('reform_target_id').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    /** The day the value was measured (a year-to-date value of the current year); null: the whole year. */
    measuredOn: date('measured_on', { mode: 'string' }),
    evidenceFileId: uuid('evidence_file_id'),
    evidenceDocumentId: uuid('evidence_document_id'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reform_target_values_year_uq').on(t.reformTargetId, t.year)],
);

export const REVIEW_KINDS = ['midterm', 'final'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A review report (sơ kết / tổng kết) of a programme: the reports module's round it was opened as. */
export const reformProgrammeReviews = pgTable(
  'reform_programme_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reformProgrammeId: uuid('reform_programme_id').notNull(),
    kind: text('kind').$type<ReviewKind>().notNull(),
    year: integer('year').notNull(),
    roundId: uuid('round_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('reform_programme_reviews_programme_idx').on(t.reformProgrammeId)],
);
