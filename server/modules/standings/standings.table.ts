import {
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The province in the national indices (issue 16, item 7; domain notes §4): each year the Ministry of Home Affairs
 * publishes the provinces' PAR Index (by field) and SIPAS (by element), UNDP publishes PAPI (8 dimensions). A
 * **result** is one published figure of the province: an index, a year, a dimension (null: the overall value), its
 * value, rank among the provinces, the national average, and the source document. A **target** is what the
 * province aims for (a value or a rank). An **improvement** assigns a weak dimension to a lead unit with a plan of
 * the steering loop whose tasks are tracked there. Foreign keys are in the migration. See ./README.md.
 */

export const NATIONAL_INDICES = ['par_index', 'sipas', 'papi'] as const;
export type NationalIndex = (typeof NATIONAL_INDICES)[number];

export const standingResults = pgTable(
  'standing_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    indexCode: text('index_code').$type<NationalIndex>().notNull(),
    year: integer('year').notNull(),
    /** The dimension's code (./rules/dimensions.ts); '' for the index as a whole. */
    dimensionCode: text('dimension_code').notNull().default(''),
    value: doublePrecision('value').notNull(),
    /** The scale's maximum (100 for %, 10 for PAPI dimensions, the field's points for the PAR Index). */
    maxValue: doublePrecision('max_value'),
    rank: integer('rank'),
    rankOf: integer('rank_of'),
    nationalAverage: doublePrecision('national_average'),
    /** The decision or report that published it, in the documents register, and a citation. */
    sourceDocumentId: uuid('source_document_id'),
    source: text('source').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standing_results_key_idx').on(t.provinceId, t.indexCode, t.year, t.dimensionCode)],
);

export const standingTargets = pgTable(
  'standing_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    indexCode: text('index_code').$type<NationalIndex>().notNull(),
    year: integer('year').notNull(),
    dimensionCode: text('dimension_code').notNull().default(''),
    /** A value to reach, a rank to reach, or both. */
    targetValue: doublePrecision('target_value'),
    targetRank: integer('target_rank'),
    /** Where the target was set (the province's plan or resolution), in the register, and a citation. */
    sourceDocumentId: uuid('source_document_id'),
    source: text('source').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standing_targets_key_idx').on(t.provinceId, t.indexCode, t.year, t.dimensionCode)],
);

export const standingImprovements = pgTable(
  'standing_improvements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    indexCode: text('index_code').$type<NationalIndex>().notNull(),
    /** The year of the result found weak, and the dimension. */
    year: integer('year').notNull(),
    dimensionCode: text('dimension_code').notNull().default(''),
    /** The unit that leads the improvement. */
    leadUnitId: uuid('lead_unit_id').notNull(),
    /** The improvement plan in the steering loop (a plan of the plans module; its tasks are tracked there). */
    planId: uuid('plan_id'),
    reason: text('reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('standing_improvements_province_idx').on(t.provinceId, t.indexCode, t.year)],
);
