import { z } from 'zod';
import { CHANNELS, DOSSIER_STATUSES } from './dossier-timing.js';
import { LEVEL_SPLITS, ONLINE_LEVELS } from './online-levels.js';
import { QD766_GROUPS } from './qd766.js';
import { RATINGS } from './rollup.js';

export const PROCEDURE_LEVELS = ['province', 'commune', 'central', 'multi'] as const;
/** Online public-service level (NĐ 42/2022/NĐ-CP): none / một phần / toàn trình (online-levels.ts). */
export const ONLINE_CAPABILITIES = ONLINE_LEVELS;
export const GROUP_BY = ['unit', 'field', 'procedure', 'total'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** Procedure code of the national procedure database, e.g. `1.001234` or `2.000123.000.00.00.H12`. */
const procedureCode = z
  .string()
  .trim()
  .regex(/^\d+\.\d{3,}[\w.]*$/, 'procedure code like 1.001234');

export const procedureCreateIn = z.object({
  code: procedureCode,
  name: z.string().trim().min(1).max(1000),
  field: z.string().trim().min(1).max(300),
  level: z.enum(PROCEDURE_LEVELS),
  onlineCapability: z.enum(ONLINE_CAPABILITIES),
  /** Publicly posted on the national and provincial portals; null/absent = not recorded. */
  published: z.boolean().nullish(),
  timeLimitDays: z.number().int().min(0).max(3650),
});

/** A change of a procedure's online level or publication (optimistic concurrency: the version read). */
export const procedureUpdateIn = z.object({
  version: z.number().int().min(1),
  onlineCapability: z.enum(ONLINE_CAPABILITIES).optional(),
  published: z.boolean().nullable().optional(),
  timeLimitDays: z.number().int().min(0).max(3650).optional(),
});
export type ProcedureUpdateIn = z.infer<typeof procedureUpdateIn>;

export const procedureOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    field: z.string(),
    level: z.enum(PROCEDURE_LEVELS),
    onlineCapability: z.enum(ONLINE_CAPABILITIES),
    published: z.boolean().nullable(),
    timeLimitDays: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'DossierProcedure' });
export type ProcedureOut = z.infer<typeof procedureOut>;
export type ProcedureCreateIn = z.input<typeof procedureCreateIn>;

/** The catalogue counted by online level and publication (online-levels.ts `countCatalogue`). */
export const catalogueCountOut = z.object({
  level: z.enum(ONLINE_LEVELS),
  procedures: z.number().int(),
  published: z.number().int(),
  notPublished: z.number().int(),
  unknown: z.number().int(),
});
export type CatalogueCountOut = z.infer<typeof catalogueCountOut>;

/** The online-submission rate of the procedures of one level (online-levels.ts `onlineRateByLevel`). */
export const levelRateOut = z.object({
  level: z.enum(LEVEL_SPLITS),
  proceduresWithDossiers: z.number().int(),
  received: z.number(),
  receivedOnline: z.number(),
  onlineRate: z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() }),
});
export type LevelRateOut = z.infer<typeof levelRateOut>;

/** A catalogue file (CSV text, the national database's headers; see procedure-import.ts). */
export const procedureImportIn = z.object({
  csv: z.string().min(1).max(5_000_000),
  delimiter: z.enum([',', ';', '\t']).default(','),
});
export const procedureImportOut = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  catalogue: z.array(catalogueCountOut),
});
export type ProcedureImportOut = z.infer<typeof procedureImportOut>;

export const procedureListOut = z.object({
  items: z.array(procedureOut),
  /** The whole catalogue by level and publication (whatever the search). */
  catalogue: z.array(catalogueCountOut),
  abilities: z.object({ create: z.boolean(), update: z.boolean() }),
});
export type ProcedureListOut = z.infer<typeof procedureListOut>;

export const procedureListQuery = z.object({
  q: z.string().max(200).optional(),
  field: z.string().max(300).optional(),
  onlineCapability: z.enum(ONLINE_CAPABILITIES).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const dossierIn = z.object({
  code: z.string().trim().min(1).max(100),
  procedureCode,
  unitId: z.uuid(),
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  dueAt: instant.nullish(),
  resolvedAt: instant.nullish(),
  returnedAt: instant.nullish(),
  withdrawnAt: instant.nullish(),
  status: z.enum(DOSSIER_STATUSES),
  statusReason: z.string().trim().max(2000).nullish(),
  suspensions: z
    .array(z.object({ from: isoDate, to: isoDate.nullable(), reason: z.string().trim().max(2000) }))
    .max(50)
    .default([]),
  feePayable: z.boolean().default(false),
  paidOnline: z.boolean().default(false),
  digitised: z.boolean().default(false),
  eResult: z.boolean().default(false),
  rating: z.enum(RATINGS).nullish(),
  complained: z.boolean().default(false),
});
export type DossierIn = z.infer<typeof dossierIn>;

export const BATCH_MAX = 2000;
export const dossierBatchIn = z.object({ dossiers: z.array(dossierIn).min(1).max(BATCH_MAX) });
export const dossierBatchOut = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type DossierBatchOut = z.infer<typeof dossierBatchOut>;

const ratioOut = z
  .object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() })
  .meta({ id: 'Ratio' });
/** A rate: `value` = numerator ÷ denominator (0–1 for rates), null when the denominator is 0. */
export type RatioOut = z.infer<typeof ratioOut>;

export const totalsOut = z.object({
  received: z.number(),
  carriedOver: z.number(),
  receivedOnline: z.number(),
  feePayable: z.number(),
  paidOnline: z.number(),
  digitised: z.number(),
  resolvedEarly: z.number(),
  resolvedOnTime: z.number(),
  resolvedLate: z.number(),
  eResult: z.number(),
  processingDaysSum: z.number(),
  rated: z.number(),
  dissatisfied: z.number(),
  withdrawn: z.number(),
  notYetDue: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  suspended: z.number(),
  uncollected: z.number(),
});
/** A period's totals: flows in the period, carried over from before it, stocks on its stock day. */
export type TotalsOut = z.infer<typeof totalsOut>;

export const indicatorsOut = z.object({
  toProcess: z.number(),
  resolved: z.number(),
  processing: z.number(),
  late: z.number(),
  lateRate: ratioOut,
  onTimeRate: ratioOut,
  resolvedEarlyOrOnTimeRate: ratioOut,
  onlineRate: ratioOut,
  onlinePaymentRate: ratioOut,
  digitisationRate: ratioOut,
  eResultRate: ratioOut,
  averageProcessingDays: ratioOut,
  satisfaction: ratioOut,
});
export type IndicatorsOut = z.infer<typeof indicatorsOut>;

export const qd766Out = z.object({
  /** Internal key of the configuration (never shown: `edition` names it). */
  version: z.string(),
  /** Which edition of the QĐ 766 set: the shipped defaults, or the Nth version stored in the settings. */
  edition: z.object({ isDefault: z.boolean(), number: z.number().int(), basisYear: z.number().int() }),
  score: z.number(),
  maxCovered: z.number(),
  complete: z.boolean(),
  provisional: z.boolean(),
  groups: z.array(
    z.object({
      key: z.enum(QD766_GROUPS),
      max: z.number(),
      confirmed: z.boolean(),
      score: z.number().nullable(),
      criteria: z.array(
        z.object({
          key: z.string(),
          weight: z.number(),
          confirmed: z.boolean(),
          value: z.number().nullable(),
        }),
      ),
    }),
  ),
});

/** The QĐ 766 score of the criteria the dossiers measure (`provisional` while a weight is unconfirmed). */
export type Qd766Out = z.infer<typeof qd766Out>;

const figuresOut = z.object({ totals: totalsOut, indicators: indicatorsOut, qd766: qd766Out });

export const indicatorsQuery = z.object({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(GROUP_BY).default('total'),
  /** Restate the units onto those that carry their facts today (lineage); default: units as they were. */
  restate: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** What a group of figures is: a unit, a field or a procedure. */
export const groupOut = {
  key: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  /** A unit's last day when it has ended (its facts may be restated onto its successors). */
  validTo: z.string().nullable(),
};

export const indicatorsResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** The day the stocks (processing, carried over) are taken: the period's last day, or today. */
  stockDay: z.string(),
  groupBy: z.enum(GROUP_BY),
  restated: z.boolean(),
  timingRules: z.object({
    version: z.string(),
    dueSoonWorkingDays: z.number(),
    suspensionExtendsDue: z.boolean(),
  }),
  total: figuresOut,
  groups: z.array(figuresOut.extend(groupOut)),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponse>;

export const dossierOut = z.object({
  code: z.string(),
  procedureCode: z.string(),
  unitId: z.uuid(),
  channel: z.enum(CHANNELS),
  status: z.enum(DOSSIER_STATUSES),
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
  timing: z.object({
    asOf: z.string(),
    state: z.string(),
    timing: z.string().nullable(),
    dueDay: z.string().nullable(),
    workingDays: z.number().nullable(),
  }),
});
