/**
 * The contract of the standings API (`/api/standings…`): the province's published results in the national indices
 * (PAR Index, SIPAS, PAPI) by year and dimension with their change, targets and weakness; the targets; the XLSX
 * import and export; the improvements of weak dimensions with their plan's progress. Dates are ISO (yyyy-mm-dd);
 * every edit carries the record's `version` (none to create). The web imports these types, type-only.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { REFORM_AREAS, TASK_STATUSES } from '../tasks/index.js';
import { TARGET_STATUSES, WEAK_REASONS } from './rules/assessment.js';
import { INDEX_CODES } from './rules/dimensions.js';

const bilingual = z.object({ vi: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date();

export const indexCode = z.enum(INDEX_CODES);
/** An index year (the year measured). */
export const indexYear = z.number().int().min(2000).max(2199);
const queryYear = z.coerce.number().int().min(2000).max(2199);
/** A dimension's code ('' for the index as a whole). */
export const dimensionCode = z
  .string()
  .max(40)
  .regex(/^([a-z][a-z_]*)?$/);
/** A published figure: a percentage, a PAPI score (never more than a thousand). */
const figure = z.number().min(0).max(1000);
const rankNumber = z.number().int().min(1).max(1000);

export const documentRefOut = z.object({
  id: z.uuid(),
  numberSymbol: z.string(),
  issuedOn: date,
  title: z.string(),
});
export const unitRefOut = z.object({ id: z.uuid(), name: z.string() });

export const weakReason = z.enum(WEAK_REASONS);
export const targetStatusOut = z.enum(TARGET_STATUSES);

// ---------------------------------------------------------------------------------------------------
// Results

export const resultOut = z.object({
  id: z.uuid(),
  indexCode,
  year: z.number().int(),
  dimensionCode: z.string(),
  value: z.number(),
  maxValue: z.number(),
  rank: z.number().int().nullable(),
  rankOf: z.number().int().nullable(),
  nationalAverage: z.number().nullable(),
  source: z.string(),
  note: z.string(),
  /** The decision or report that published it, in the register (null: none linked, or not readable by the caller). */
  sourceDocument: documentRefOut.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ResultOut = z.infer<typeof resultOut>;

export const changeOut = z.object({
  /** This year's value minus last year's. */
  value: z.number(),
  /** Places climbed since last year (positive: better). */
  rank: z.number().int().nullable(),
  direction: z.enum(['up', 'down', 'same']),
});

export const targetOut = z.object({
  id: z.uuid(),
  indexCode,
  year: z.number().int(),
  dimensionCode: z.string(),
  targetValue: z.number().nullable(),
  targetRank: z.number().int().nullable(),
  source: z.string(),
  sourceDocument: documentRefOut.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TargetOut = z.infer<typeof targetOut>;

/** One dimension in one year: the result, its change, the target and where it stands, and why it is weak. */
export const cellOut = z.object({
  year: z.number().int(),
  /** The dimension is one of that year's methodology (the overall always is). */
  applies: z.boolean(),
  result: resultOut.nullable(),
  change: changeOut.nullable(),
  target: targetOut.nullable(),
  targetStatus: targetStatusOut.nullable(),
  weak: z.array(weakReason),
  /** Improvements already given for this dimension and year. */
  improvementIds: z.array(z.uuid()),
});
export type CellOut = z.infer<typeof cellOut>;

export const dimensionRowOut = z.object({
  /** '' for the index as a whole. */
  code: z.string(),
  name: bilingual,
  scaleMax: z.number(),
  /** The reform area an improvement's tasks default to. */
  area: z.enum(REFORM_AREAS),
  cells: z.array(cellOut),
});
export type DimensionRowOut = z.infer<typeof dimensionRowOut>;

export const methodologyOut = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int().nullable(),
  basis: bilingual,
  /** False when the structure is assumed (not confirmed by the sources). */
  confirmed: z.boolean(),
  dimensionCount: z.number().int(),
});

export const indexOut = z.object({
  code: indexCode,
  name: bilingual,
  shortName: bilingual,
  publisher: bilingual,
  /** The methodology versions in force over the years shown. */
  methodologies: z.array(methodologyOut),
  rows: z.array(dimensionRowOut),
});
export type IndexOut = z.infer<typeof indexOut>;

export const standingRulesOut = z.object({
  fromYear: z.number().int(),
  basis: z.string(),
  rules: z.object({
    weak: z.object({
      belowAverage: z.boolean(),
      fallBy: z.number(),
      rankDrop: z.number().int(),
      bottomShare: z.number(),
    }),
    target: z.object({ onTrackGap: z.number(), onTrackRanks: z.number().int() }),
  }),
});

export const overviewQuery = z.object({
  fromYear: queryYear.optional(),
  toYear: queryYear.optional(),
  /** The province (default: the one the caller's grants cover). */
  provinceId: z.uuid().optional(),
});

export const overviewOut = z.object({
  province: unitRefOut,
  fromYear: z.number().int(),
  toYear: z.number().int(),
  years: z.array(z.number().int()),
  indices: z.array(indexOut),
  /** The thresholds the weakness and target statuses were read with (versions by index year). */
  rules: z.array(standingRulesOut),
  abilities: z.object({ edit: z.boolean() }),
});
export type OverviewOut = z.infer<typeof overviewOut>;

export const resultIn = z.object({
  provinceId: z.uuid().optional(),
  indexCode,
  year: indexYear,
  dimensionCode,
  value: figure,
  /** The scale's maximum (default: the dimension's). */
  maxValue: z.number().gt(0).max(1000).nullish(),
  rank: rankNumber.nullish(),
  rankOf: rankNumber.nullish(),
  nationalAverage: figure.nullish(),
  sourceDocumentId: z.uuid().nullish(),
  source: text(500).optional(),
  note: text(1000).optional(),
  /** The version read (required when the result exists; absent to create it). */
  version: versionField.optional(),
});
export type ResultIn = z.infer<typeof resultIn>;

export const deleteQuery = z.object({ version: z.coerce.number().int().positive().max(2_147_483_647) });

// ---------------------------------------------------------------------------------------------------
// Targets

export const targetListQuery = overviewQuery;
export const targetListOut = z.object({
  province: unitRefOut,
  items: z.array(targetOut),
  abilities: z.object({ edit: z.boolean() }),
});

export const targetIn = z.object({
  provinceId: z.uuid().optional(),
  indexCode,
  year: indexYear,
  dimensionCode,
  targetValue: figure.nullish(),
  targetRank: rankNumber.nullish(),
  sourceDocumentId: z.uuid().nullish(),
  source: text(500).optional(),
  version: versionField.optional(),
});
export type TargetIn = z.infer<typeof targetIn>;

// ---------------------------------------------------------------------------------------------------
// Import and export

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  provinceId: z.uuid().optional(),
  /** The register document that published the figures: set on every row imported. */
  sourceDocumentId: z.uuid().optional(),
});

export const importProblemOut = z.object({
  row: z.number().int(),
  field: z.string(),
  /** The column's header ('' for the file as a whole). */
  column: z.string(),
  key: z.string(),
  /** In the caller's language. */
  message: z.string(),
});
export type ImportProblemOut = z.infer<typeof importProblemOut>;

export const importRowOut = z.object({
  row: z.number().int(),
  indexCode,
  year: z.number().int(),
  dimensionCode: z.string(),
  dimensionName: bilingual,
  value: z.number(),
  rank: z.number().int().nullable(),
  rankOf: z.number().int().nullable(),
  /** What importing it does. */
  outcome: z.enum(['create', 'update', 'unchanged']),
  /** The fields an update changes. */
  changed: z.array(z.string()),
});

export const importOut = z.object({
  dryRun: z.boolean(),
  /** No problem: the file is (or was) written. */
  valid: z.boolean(),
  rows: z.array(importRowOut),
  problems: z.array(importProblemOut),
  skipped: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportOut = z.infer<typeof importOut>;

export const exportQuery = z.object({
  fromYear: queryYear.optional(),
  toYear: queryYear.optional(),
  provinceId: z.uuid().optional(),
});

// ---------------------------------------------------------------------------------------------------
// Improvements

export const improvementTaskIn = z.object({
  title: required(1000),
  reformArea: z.enum(REFORM_AREAS).optional(),
  startDate: date.nullish(),
  dueDate: date.nullish(),
  expectedOutput: text(1000).nullish(),
  supportingUnitIds: z.array(z.uuid()).max(50).optional(),
});
export type ImprovementTaskIn = z.infer<typeof improvementTaskIn>;

export const improvementIn = z.object({
  provinceId: z.uuid().optional(),
  indexCode,
  /** The year of the weak result. */
  year: indexYear,
  dimensionCode,
  leadUnitId: z.uuid(),
  reason: text(2000).optional(),
  plan: z.discriminatedUnion('mode', [
    z.object({
      /** A new plan of the lead unit (its own plan, the plans module's `unit` kind) for the year of the work. */
      mode: z.literal('new'),
      year: indexYear,
      title: text(500).optional(),
      documentId: z.uuid().nullish(),
    }),
    z.object({
      /** An existing plan (the lead unit's own, or the province's): the tasks are added to it. */
      mode: z.literal('existing'),
      planId: z.uuid(),
    }),
  ]),
  tasks: z.array(improvementTaskIn).min(1).max(30),
});
export type ImprovementIn = z.infer<typeof improvementIn>;

export const improvementUpdateIn = z.object({
  reason: text(2000),
  version: versionField,
});

export const improvementTasksIn = z.object({
  tasks: z.array(improvementTaskIn).min(1).max(30),
  version: versionField,
});

export const improvementListQuery = z.object({
  year: queryYear.optional(),
  indexCode: indexCode.optional(),
  provinceId: z.uuid().optional(),
});

export const improvementTaskOut = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  dueDate: date.nullable(),
  leadUnitName: z.string(),
  timing: z.object({
    state: z.string(),
    daysOverdue: z.number().int(),
    daysLeft: z.number().int().nullable(),
  }),
});

export const progressOut = z.object({
  total: z.number().int(),
  verified: z.number().int(),
  reportedDone: z.number().int(),
  overdue: z.number().int(),
  cancelled: z.number().int(),
  /** Verified among the tasks not cancelled, in percent (null without any). */
  percent: z.number().nullable(),
});

export const improvementOut = z.object({
  id: z.uuid(),
  indexCode,
  indexName: bilingual,
  year: z.number().int(),
  dimensionCode: z.string(),
  dimensionName: bilingual,
  /** The reform area its tasks default to. */
  area: z.enum(REFORM_AREAS),
  leadUnit: unitRefOut,
  reason: z.string(),
  plan: z
    .object({ id: z.uuid(), title: z.string(), year: z.number().int(), ownerName: z.string() })
    .nullable(),
  /** The weak result and the year before it, as published. */
  result: resultOut.nullable(),
  change: changeOut.nullable(),
  weak: z.array(weakReason),
  tasks: z.array(improvementTaskOut),
  progress: progressOut,
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), addTasks: z.boolean() }),
});
export type ImprovementOut = z.infer<typeof improvementOut>;

export const improvementListOut = z.object({
  items: z.array(improvementOut),
  /** `create`: give an improvement; `readResults`: read the province's results (`GET /api/standings`). */
  abilities: z.object({ create: z.boolean(), readResults: z.boolean() }),
});
export type ImprovementListOut = z.infer<typeof improvementListOut>;

export const planOptionsQuery = z.object({
  leadUnitId: z.uuid(),
  year: queryYear,
  provinceId: z.uuid().optional(),
});
export const planOptionsOut = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      year: z.number().int(),
      ownerKind: z.enum(['committee', 'unit']),
      ownerName: z.string(),
    }),
  ),
});
export type PlanOptionsOut = z.infer<typeof planOptionsOut>;
