import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** What an export was asked for: the dashboard view (as `/dossiers/breakdown` takes it) and the options. */
export type ExportQuery = {
  from: string;
  to: string;
  restate: boolean;
  unitId: string | null;
  subtree: boolean;
  procedureId: string | null;
  groupBy: 'unit' | 'procedure' | 'field' | 'total';
  /** Add a sheet listing the dossiers of this drill-down class (null: no list). */
  dossierClass: string | null;
  /** By unit: list the units ended by the stock day too (absent in jobs stored before: hidden). */
  ended?: 'hide' | 'show';
};

/**
 * Excel exports of the dossier dashboard, worked in the background: the owner (only they and
 * administrators see it), what was asked, the phase and progress the page polls, the stored workbook and
 * when it expires. A job is worked by one process at a time (lease `locked_by`/`locked_until`, renewed
 * with every progress write); a job whose worker died is started again from the beginning.
 * Foreign keys and checks: migration `dossier_exports_settings_constraints`.
 */
export const dossierExports = pgTable(
  'dossier_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by').notNull(),
    query: jsonb('query').$type<ExportQuery>().notNull(),
    /** queued | running | done | failed | expired */
    status: text('status').notNull().default('queued'),
    /** queued | summary | breakdown | fields | trend | dossiers | storing | done */
    phase: text('phase').notNull().default('queued'),
    /** 0–1. */
    progress: real('progress').notNull().default(0),
    /** Rows written so far, all sheets together. */
    rowsWritten: integer('rows_written').notNull().default(0),
    /** Dossiers listed, how many are behind the class, and whether the list stopped at the cap. */
    dossierRows: integer('dossier_rows').notNull().default(0),
    dossierTotal: integer('dossier_total'),
    capped: boolean('capped').notNull().default(false),
    fileId: uuid('file_id'),
    fileName: text('file_name'),
    size: bigint('size', { mode: 'number' }),
    failureKey: text('failure_key'),
    failureParams: jsonb('failure_params').$type<Record<string, string | number>>(),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** After this the file is removed and the export marked expired. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('dossier_exports_owner_idx').on(t.createdBy, t.createdAt),
    index('dossier_exports_status_idx').on(t.status),
  ],
);
