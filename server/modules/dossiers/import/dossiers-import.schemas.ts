import { z } from 'zod';
import { dossierIn, BATCH_MAX } from '../dossiers.schemas.js';
import { DATE_FORMATS, IMPORT_FIELDS, VALUE_MAP_FIELDS } from './column-mapping.js';

const valueMaps = z
  .partialRecord(z.enum(VALUE_MAP_FIELDS), z.record(z.string().trim().min(1).max(200), z.string().max(50)))
  .default({});

export const mappingIn = z.object({
  name: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(300),
  delimiter: z.string().length(1).default(','),
  dateFormat: z.enum(DATE_FORMATS),
  columns: z.record(z.string().trim().min(1).max(200), z.enum(IMPORT_FIELDS)),
  valueMaps,
});
export type MappingIn = z.infer<typeof mappingIn>;
/** A mapping as a client sends it (defaults not yet applied). */
export type MappingInput = z.input<typeof mappingIn>;
export const mappingUpdateIn = mappingIn.extend({ version: z.number().int().min(1) });
export type MappingUpdateInput = z.input<typeof mappingUpdateIn>;

export const mappingOut = mappingIn
  .extend({
    id: z.uuid(),
    version: z.number().int(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'DossierImportMapping' });
export type MappingOut = z.infer<typeof mappingOut>;

export const mappingListOut = z.object({
  items: z.array(mappingOut),
  /** The documented default mapping (docs/templates/dossiers-import.md), used when none is chosen. */
  defaultMapping: mappingIn,
  fields: z.array(z.enum(IMPORT_FIELDS)),
  abilities: z.object({ create: z.boolean() }),
});
export type MappingListOut = z.infer<typeof mappingListOut>;

export const IMPORT_STATUSES = ['staging', 'staged', 'done', 'failed'] as const;

export const rowErrorOut = z.object({
  row: z.number().int(),
  field: z.string(),
  column: z.string(),
  key: z.string(),
  message: z.string(),
});
/** A refused cell of an import: the file row (header = 1), the field, the column as printed, and why. */
export type RowErrorOut = z.infer<typeof rowErrorOut>;

export const importJobOut = z
  .object({
    id: z.uuid(),
    mappingId: z.uuid().nullable(),
    mappingName: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    sha256: z.string(),
    size: z.number(),
    status: z.enum(IMPORT_STATUSES),
    /** 0–1: bytes read while staging; 1 once staged (applying runs in one transaction). */
    progress: z.number(),
    bytesRead: z.number(),
    stagedRow: z.number().int(),
    rowsRead: z.number().int(),
    rowsValid: z.number().int(),
    /** Rows written so far by a running apply (in this process), else null. */
    applied: z.number().int().nullable(),
    errorCount: z.number().int(),
    /** The first errors (at most ERRORS_KEPT), translated. */
    errors: z.array(rowErrorOut),
    failure: z.string().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    running: z.boolean(),
    createdBy: z.uuid(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'DossierImportJob' });
export type ImportJobOut = z.infer<typeof importJobOut>;

export const importStartQuery = z.object({ mappingId: z.uuid().optional() });
/** `replayed`: the same file was imported before; its job is returned, nothing is imported again. */
export const importStartOut = z.object({ job: importJobOut, replayed: z.boolean() });
export type ImportStartOut = z.infer<typeof importStartOut>;
export const importListOut = z.object({ items: z.array(importJobOut) });
export type ImportListOut = z.infer<typeof importListOut>;

export const tokenIn = z.object({
  name: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(300),
  unitId: z.uuid(),
});
export type TokenInput = z.input<typeof tokenIn>;
export const tokenOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    source: z.string(),
    unitId: z.uuid(),
    prefix: z.string(),
    createdBy: z.uuid(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'DossierIngestToken' });
export type TokenOut = z.infer<typeof tokenOut>;
/** The token itself is shown once, when it is created. */
export const tokenCreatedOut = tokenOut.extend({ token: z.string() });
export type TokenCreatedOut = z.infer<typeof tokenCreatedOut>;
export const tokenListOut = z.object({ items: z.array(tokenOut) });
export type TokenListOut = z.infer<typeof tokenListOut>;

/** Pushed dossiers: as in the batch route, the receiving unit by id or by code (as of the receipt day). */
export const ingestDossierIn = dossierIn.extend({
  unitId: z.uuid().optional(),
  unitCode: z.string().trim().min(1).max(100).optional(),
});
export type IngestDossierIn = z.infer<typeof ingestDossierIn>;
export const ingestIn = z.object({ dossiers: z.array(ingestDossierIn).min(1).max(BATCH_MAX) });
