import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedDossierColumns } from '../dossiers.table.js';

/** A row error of an import, as stored (translated when read). */
export type StoredRowError = {
  row: number;
  field: string;
  column: string;
  key: string;
  params?: Record<string, string | number>;
};

/**
 * A saved column mapping of a one-stop system's export: which header feeds which dossier field, the
 * delimiter and date format, and value maps for channel, status and rating.
 */
export const dossierImportMappings = pgTable(
  'dossier_import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The source system (e.g. "Hệ thống thông tin giải quyết TTHC tỉnh"). */
    source: text('source').notNull(),
    delimiter: text('delimiter').notNull().default(','),
    /** dd/mm/yyyy | yyyy-mm-dd | mm/dd/yyyy (a time HH:mm[:ss] may follow). */
    dateFormat: text('date_format').notNull(),
    /** Header (as printed) → dossier field. */
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    /** { channel: { "Trực tuyến": "online" }, status: {…}, rating: {…} } */
    valueMaps: jsonb('value_maps')
      .$type<Record<string, Record<string, string>>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossier_import_mappings_name_uq').on(t.name)],
);

/**
 * One file import: its phase (staging → staged → done | failed), how far staging got (the last file
 * row staged, so a restart continues there), counts and the capped error report. A file (SHA-256) is
 * imported once unless its import failed.
 */
export const dossierImportJobs = pgTable(
  'dossier_import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null: the documented default mapping. */
    mappingId: uuid('mapping_id'),
    mappingName: text('mapping_name').notNull(),
    /** The mapping as it was when the import started (a restart reads the file the same way). */
    spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
    fileId: uuid('file_id').notNull(),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    /** csv | xlsx */
    format: text('format').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** staging | staged | done | failed */
    status: text('status').notNull(),
    /** The last file row (as numbered in the file, header = 1) whose staging committed. */
    stagedRow: integer('staged_row').notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors')
      .$type<StoredRowError[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** A failure of the whole file (message key + params), e.g. a missing column. */
    failureKey: text('failure_key'),
    failureParams: jsonb('failure_params').$type<Record<string, string | number>>(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dossier_import_jobs_sha_uq')
      .on(t.sha256)
      .where(sql`status <> 'failed'`),
    index('dossier_import_jobs_created_idx').on(t.createdAt),
  ],
);

/**
 * Validated rows of an import waiting to be applied (deleted when it is applied or fails): the dossier
 * exactly as it will be stored (procedure and unit resolved, contribution computed), so the apply is a few
 * set-wise statements (`applyStagedDossiers`).
 */
export const dossierImportRows = pgTable(
  'dossier_import_rows',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    ...storedDossierColumns(),
  },
  (t) => [
    // No index on the code: a file's repeated codes are found once staging is over
    // (`duplicateStagedCodes`), which costs less than keeping an index through every chunk.
    primaryKey({ columns: [t.jobId, t.rowNo] }),
  ],
);

/**
 * API tokens of systems that push dossiers (`POST /api/dossiers/ingest`): only the SHA-256 of the
 * token is kept; a token acts for its source within one unit's subtree, never beyond its creator's
 * rights.
 */
export const dossierIngestTokens = pgTable(
  'dossier_ingest_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    /** The root of the subtree the token may write. */
    unitId: uuid('unit_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters, to recognise a token in the list. */
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('dossier_ingest_tokens_hash_uq').on(t.tokenHash)],
);
