import { z } from 'zod';
import { BREAKDOWN_BY } from '../dossiers-query.schemas.js';
import { DRILL_CLASS_KEYS } from '../dossiers-query.rules.js';

/** The dashboard view to export (as `/dossiers/breakdown` takes it, in JSON) and the optional dossier list. */
export const exportIn = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  restate: z.boolean().default(false),
  unitId: z.uuid().nullish(),
  subtree: z.boolean().default(false),
  procedureId: z.uuid().nullish(),
  groupBy: z.enum(BREAKDOWN_BY).default('unit'),
  /** Add a sheet listing the dossiers behind one number (a drill-down class); omitted: no list. */
  dossierClass: z.enum(DRILL_CLASS_KEYS).nullish(),
  /** By unit: leave out (default) or list the units ended by the stock day, as the dashboard shows them. */
  ended: z.enum(['hide', 'show']).default('hide'),
});
export type ExportIn = z.infer<typeof exportIn>;
/** The body of `POST /dossiers/exports` as a client sends it (defaults not yet applied). */
export type ExportInput = z.input<typeof exportIn>;

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export const EXPORT_PHASES = [
  'queued',
  'summary',
  'breakdown',
  'fields',
  'trend',
  'dossiers',
  'storing',
  'done',
] as const;

export const exportJobOut = z
  .object({
    id: z.uuid(),
    status: z.enum(EXPORT_STATUSES),
    phase: z.enum(EXPORT_PHASES),
    /** 0–1. */
    progress: z.number(),
    rowsWritten: z.number().int(),
    dossierRows: z.number().int(),
    dossierTotal: z.number().int().nullable(),
    /** The dossier list stopped at the configured cap. */
    capped: z.boolean(),
    maxDossierRows: z.number().int(),
    query: z.object({
      from: z.string(),
      to: z.string(),
      restate: z.boolean(),
      unitId: z.string().nullable(),
      subtree: z.boolean(),
      procedureId: z.string().nullable(),
      groupBy: z.enum(BREAKDOWN_BY),
      /** A drill-down class key (DRILL_CLASS_KEYS) as stored with the job. */
      dossierClass: z.string().nullable(),
      ended: z.enum(['hide', 'show']),
    }),
    fileName: z.string().nullable(),
    size: z.number().nullable(),
    /** Why it failed, translated. */
    failure: z.string().nullable(),
    /** Worked on by this server process now. */
    running: z.boolean(),
    createdBy: z.uuid(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    /** Where to download the workbook (done, not expired), else null. */
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'DossierExportJob' });
export type ExportJobOut = z.infer<typeof exportJobOut>;

export const exportListOut = z.object({ items: z.array(exportJobOut) });
export type ExportListOut = z.infer<typeof exportListOut>;
