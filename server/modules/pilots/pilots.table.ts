import {
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
import type { ReformArea } from '../tasks/index.js';

/**
 * Pilot direction (chỉ đạo điểm): each year the Steering Committee picks a few units and names what each
 * must achieve. Foreign keys and checks are in the `pilots_constraints` migration.
 */
export const pilotProgrammes = pgTable(
  'pilot_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The steering committee that directs (committees module); its host unit is the access scope. */
    committeeId: uuid('committee_id').notNull(),
    year: integer('year').notNull(),
    /** The decision or official letter naming the pilot units (documents register), when there is one. */
    decisionDocumentId: uuid('decision_document_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('pilot_programmes_committee_year_uq').on(t.committeeId, t.year)],
);

/** A unit chosen for a year, as it was that year (units keep their identity after they end). */
export const pilotUnits = pgTable(
  'pilot_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The committee member responsible for the unit (a membership valid that year). */
    responsibleMembershipId: uuid('responsible_membership_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pilot_units_programme_unit_uq').on(t.programmeId, t.unitId),
    index('pilot_units_unit_idx').on(t.unitId),
  ],
);

/**
 * A content item a pilot unit must achieve: a trackable item with the task workflow of ../tasks. Overdue is
 * never stored: it is derived from the due date and the calendar.
 */
export const pilotItems = pgTable(
  'pilot_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotUnitId: uuid('pilot_unit_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    reformArea: text('reform_area').$type<ReformArea>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('not_started'),
    output: text('output'),
    reportedOn: date('reported_on', { mode: 'string' }),
    verifiedOn: date('verified_on', { mode: 'string' }),
    lastReason: text('last_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pilot_items_unit_idx').on(t.pilotUnitId)],
);

export type ItemAssessment = { itemId: string; text: string };

/** The 6-monthly and year-end report of a pilot unit: one per (pilot unit, kind). */
export const pilotReports = pgTable(
  'pilot_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotUnitId: uuid('pilot_unit_id').notNull(),
    /** half_year | year_end */
    kind: text('kind').notNull(),
    /** draft | submitted | accepted | returned */
    status: text('status').notNull().default('draft'),
    overall: text('overall').notNull().default(''),
    assessments: jsonb('assessments').$type<ItemAssessment[]>().notNull().default([]),
    submittedOn: date('submitted_on', { mode: 'string' }),
    submittedBy: uuid('submitted_by'),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewedBy: uuid('reviewed_by'),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pilot_reports_unit_kind_uq').on(t.pilotUnitId, t.kind)],
);
