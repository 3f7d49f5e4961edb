import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  smallint,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Suspension } from './dossier-timing.js';

/**
 * The catalogue of administrative procedures (thủ tục hành chính), keyed by the code of the national
 * procedure database (e.g. `1.001234`). Foreign keys and checks: migration `dossiers_constraints`.
 */
export const dossierProcedures = pgTable(
  'dossier_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Lĩnh vực, e.g. "Hộ tịch". */
    field: text('field').notNull(),
    /** province | commune | central | multi */
    level: text('level').notNull(),
    /**
     * none | partial | full: the online public-service level of NĐ 42/2022/NĐ-CP (dịch vụ công trực tuyến
     * một phần / toàn trình; legacy levels 2/3/4 mapped by online-levels.ts).
     */
    onlineCapability: text('online_capability').notNull(),
    /** Publicly posted (công khai) on the national and provincial portals; null = not recorded. */
    published: boolean('published'),
    /** The legal time limit in working days. */
    timeLimitDays: integer('time_limit_days').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossier_procedures_code_uq').on(t.code),
    index('dossier_procedures_field_idx').on(t.field),
    index('dossier_procedures_online_idx').on(t.onlineCapability, t.published),
  ],
);

/**
 * The columns of a dossier as stored — shared by `dossiers` and the import's staging rows, which hold the
 * dossier exactly as it will be written (a fresh set of builders for each table).
 */
export const storedDossierColumns = () => ({
  code: text('code').notNull(),
  procedureId: uuid('procedure_id').notNull(),
  /** The receiving unit as it was (facts stay attached to it; dashboards restate on request). */
  unitId: uuid('unit_id').notNull(),
  /** online | in_person | post */
  channel: text('channel').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  returnedAt: timestamp('returned_at', { withTimezone: true }),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  /** processing | resolved | returned | withdrawn | suspended */
  status: text('status').notNull(),
  statusReason: text('status_reason'),
  suspensions: jsonb('suspensions')
    .$type<Suspension[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  feePayable: boolean('fee_payable').notNull().default(false),
  paidOnline: boolean('paid_online').notNull().default(false),
  digitised: boolean('digitised').notNull().default(false),
  eResult: boolean('e_result').notNull().default(false),
  /** very_satisfied | satisfied | not_satisfied */
  rating: text('rating'),
  complained: boolean('complained').notNull().default(false),
  /**
   * What this row added to `dossier_rollups` (subtracted when the dossier changes), as three parallel
   * arrays sorted by day then counter: the day, the counter's code (`COUNTER_CODE` in rollup.ts) and the
   * amount — so SQL can unnest them set-wise (bulk import, drill-down).
   */
  contribDay: date('contrib_day', { mode: 'string' })
    .array()
    .notNull()
    .default(sql`'{}'::date[]`),
  contribCounter: smallint('contrib_counter')
    .array()
    .notNull()
    .default(sql`'{}'::smallint[]`),
  contribValue: integer('contrib_value')
    .array()
    .notNull()
    .default(sql`'{}'::integer[]`),
});

/** Dossiers (hồ sơ TTHC) mirrored from the one-stop system, one row per dossier code. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...storedDossierColumns(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_unit_received_idx').on(t.unitId, t.receivedAt),
    // The order of the dossier list (receipt time, code): each page of a wide scope is a range of it.
    index('dossiers_received_code_idx').on(t.receivedAt, t.code),
    index('dossiers_procedure_idx').on(t.procedureId),
  ],
);

/**
 * Buckets per receiving unit × procedure at three grains — day, month, year (`grain` d/m/y, `day` the
 * bucket's first day) — plus the same for all procedures together (`procedure_id` = `ALL_PROCEDURES`):
 * flows counted in their bucket, stocks as deltas (see rollup.ts). Any prefix sum up to a day reads at
 * most the years before it, the months of its year and the days of its month, so a year's figures for the
 * province never read more than a few rows per unit. Dashboards read only these.
 */
export const dossierRollups = pgTable(
  'dossier_rollups',
  {
    /** d | m | y */
    grain: text('grain').notNull(),
    unitId: uuid('unit_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    received: integer('received').notNull().default(0),
    receivedOnline: integer('received_online').notNull().default(0),
    feePayable: integer('fee_payable').notNull().default(0),
    paidOnline: integer('paid_online').notNull().default(0),
    digitised: integer('digitised').notNull().default(0),
    resolvedEarly: integer('resolved_early').notNull().default(0),
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
    resolvedLate: integer('resolved_late').notNull().default(0),
    eResult: integer('e_result').notNull().default(0),
    processingDaysSum: integer('processing_days_sum').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    dissatisfied: integer('dissatisfied').notNull().default(0),
    withdrawn: integer('withdrawn').notNull().default(0),
    notYetDue: integer('not_yet_due').notNull().default(0),
    dueSoon: integer('due_soon').notNull().default(0),
    overdue: integer('overdue').notNull().default(0),
    suspended: integer('suspended').notNull().default(0),
    uncollected: integer('uncollected').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.procedureId, t.grain, t.day, t.unitId] }),
    index('dossier_rollups_unit_idx').on(t.unitId, t.procedureId, t.grain, t.day),
  ],
);
