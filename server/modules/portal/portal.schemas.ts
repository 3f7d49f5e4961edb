/**
 * The contract of the public portal (issue 18, items 3–4): the standing agency's publication settings
 * (`/api/portal/settings`, staff), the public read API (`/api/public/portal/…`, no sign-in) and the open data
 * (`/api/open-data/…`). Dates are ISO (yyyy-mm-dd), instants ISO 8601; every percentage is 0–100 (null when there
 * is nothing to divide by); unit names are as the units were named in the period shown. The web (the staff page
 * and `web/public-site`) imports these types, type-only. Changes after the first version are additive.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { unitGroupField } from '../parindex/frameworks.schemas.js';
import { REFORM_AREAS } from '../tasks/index.js';

const bilingual = z.object({ vi: z.string(), en: z.string() });
const date = z.iso.date();
const percent = z.number().nullable();
/** A year of the portal's data. */
export const portalYear = z.number().int().min(2000).max(2199);
const pathYear = z.coerce.number().int().min(2000).max(2199);

/** The datasets a province may publish (each chosen by the standing agency; none by default). */
export const PORTAL_SECTIONS = ['par', 'dossiers', 'plan', 'pilots', 'feedback', 'openData'] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];

/** The open-data files (`/api/open-data/<name>.csv|.json`). */
export const OPEN_DATASETS = [
  'par-results',
  'dossier-figures',
  'plan-tasks',
  'pilot-items',
  'feedback-answered',
] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

/** The periods of a year the dossier figures can be shown for (`period=` of the public API). */
export const DOSSIER_PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
export type DossierPeriodKind = (typeof DOSSIER_PERIOD_KINDS)[number];
/** `year`, `h1`–`h2`, `q1`–`q4`, `m1`–`m12`. */
export const dossierPeriodKey = z
  .string()
  .max(4)
  .regex(/^(year|h[12]|q[1-4]|m([1-9]|1[0-2]))$/);

/** The public status of a task or pilot item: done (verified or reported done), overdue, or in progress. */
export const PUBLIC_TASK_STATUSES = ['done', 'in_progress', 'overdue'] as const;
export type PublicTaskStatus = (typeof PUBLIC_TASK_STATUSES)[number];

export const unitGroupOut = unitGroupField;
export const reformAreaOut = z.enum(REFORM_AREAS);

// ---------------------------------------------------------------------------------------------------
// Publication settings (staff: `/api/portal/settings`)

const years = z.array(portalYear).max(30);
const text = (max: number) => z.string().trim().max(max);

export const licenceField = z.object({
  /** Short name, e.g. "CC BY 4.0". */
  name: text(120).min(1),
  /** The licence's text on the web. */
  url: z.union([z.url({ protocol: /^https?$/ }).max(500), z.literal('')]),
});

/** The publisher: the standing agency's office (never a person). */
export const publisherField = z.object({
  name: text(300),
  address: text(500),
  email: z.union([z.email().max(200), z.literal('')]),
  phone: text(40),
  website: z.union([z.url({ protocol: /^https?$/ }).max(500), z.literal('')]),
});

export const portalSettingsFields = {
  par: z.object({
    published: z.boolean(),
    /** Campaigns whose results are public: only campaigns published in the PAR Index module can be chosen. */
    campaignIds: z.array(z.uuid()).max(100),
  }),
  dossiers: z.object({
    published: z.boolean(),
    years,
    /** Which periods of a year may be chosen (the year is always one). */
    periodKinds: z.array(z.enum(DOSSIER_PERIOD_KINDS)).max(4),
  }),
  plan: z.object({ published: z.boolean(), years }),
  pilots: z.object({ published: z.boolean(), years }),
  /** The hotline's published answers (the hotline publishes them; this links to them and offers the file). */
  feedback: z.object({ published: z.boolean() }),
  openData: z.object({ published: z.boolean() }),
  licence: licenceField,
  publisher: publisherField,
};

export const portalSettingsIn = z.object({ version: versionField, ...portalSettingsFields });
export type PortalSettingsIn = z.infer<typeof portalSettingsIn>;

export const portalSettingsValues = z.object(portalSettingsFields);
export type PortalSettingsValues = z.infer<typeof portalSettingsValues>;

/** What the public would see of each dataset (counts, for the staff page's one-line previews). */
export const portalPreviewOut = z.object({
  par: z.object({ campaigns: z.number().int(), units: z.number().int() }),
  dossiers: z.object({ years: z.number().int(), units: z.number().int(), received: z.number().int() }),
  plan: z.object({ years: z.number().int(), tasks: z.number().int() }),
  pilots: z.object({ years: z.number().int(), units: z.number().int(), items: z.number().int() }),
  feedback: z.object({ answers: z.number().int() }),
  openData: z.object({ datasets: z.number().int() }),
});
export type PortalPreviewOut = z.infer<typeof portalPreviewOut>;

/** The choices the staff page offers. */
export const portalOptionsOut = z.object({
  /** Campaigns at the stage "published" in the PAR Index module. */
  parCampaigns: z.array(
    z.object({
      id: z.uuid(),
      year: portalYear,
      name: z.string(),
      groups: z.array(unitGroupOut),
      publishedOn: date.nullable(),
    }),
  ),
  dossierYears: z.array(portalYear),
  planYears: z.array(portalYear),
  pilotYears: z.array(portalYear),
});

export const portalSettingsOut = z.object({
  /** The province the settings are for. */
  province: z.object({ id: z.uuid(), name: z.string() }),
  ...portalSettingsFields,
  version: z.number().int(),
  /** Null while never saved (the defaults: nothing published). */
  updatedAt: z.string().nullable(),
  options: portalOptionsOut,
  preview: portalPreviewOut,
  /** The public home's address (relative to this server, or absolute when `CHIDAO_PUBLIC_URL` is set). */
  publicUrl: z.string(),
  abilities: z.object({ read: z.boolean(), update: z.boolean() }),
});
export type PortalSettingsOut = z.infer<typeof portalSettingsOut>;

// ---------------------------------------------------------------------------------------------------
// Public API (`/api/public/portal/…`)

export const portalSectionsOut = z.object({
  par: z.boolean(),
  dossiers: z.boolean(),
  plan: z.boolean(),
  pilots: z.boolean(),
  feedback: z.boolean(),
  openData: z.boolean(),
});

export const publicLicenceOut = z.object({ name: z.string(), url: z.string() });
export const publicPublisherOut = z.object({
  name: z.string(),
  address: z.string(),
  email: z.string(),
  phone: z.string(),
  website: z.string(),
});

export const topUnitOut = z.object({
  rank: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  percent: z.number(),
  grade: z.string(),
  gradeName: bilingual,
});

export const portalHomeOut = z.object({
  province: z.object({ id: z.uuid(), name: z.string() }),
  sections: portalSectionsOut,
  /** The published years of each dataset, newest first. */
  years: z.object({
    par: z.array(portalYear),
    dossiers: z.array(portalYear),
    plan: z.array(portalYear),
    pilots: z.array(portalYear),
  }),
  figures: z.object({
    /** The newest published plan year's completion. */
    plan: z
      .object({
        year: portalYear,
        total: z.number().int(),
        done: z.number().int(),
        overdue: z.number().int(),
        completionPercent: percent,
      })
      .nullable(),
    /** Dossiers of the newest published year, to date. */
    dossiers: z
      .object({
        year: portalYear,
        from: date,
        to: date,
        received: z.number().int(),
        onTimePercent: percent,
        onlinePercent: percent,
      })
      .nullable(),
    /** The hotline's answers of this year: how many were answered, and on time. */
    feedback: z
      .object({
        year: portalYear,
        answered: z.number().int(),
        answeredOnTime: z.number().int(),
        onTimePercent: percent,
      })
      .nullable(),
    /** The latest published PAR Index: the first units of each group. */
    par: z
      .object({
        year: portalYear,
        groups: z.array(z.object({ group: unitGroupOut, groupName: bilingual, top: z.array(topUnitOut) })),
      })
      .nullable(),
  }),
  /** Where the hotline publishes its answers (the public hotline page). */
  feedbackUrl: z.string().nullable(),
  licence: publicLicenceOut,
  publisher: publicPublisherOut,
  /** When the settings or the data last changed (ISO instant). */
  updatedAt: z.string(),
});
export type PortalHomeOut = z.infer<typeof portalHomeOut>;

export const yearParams = z.object({ year: pathYear });
export const unitYearParams = z.object({ year: pathYear, unitId: z.uuid() });

// PAR Index --------------------------------------------------------------------------------------------

export const parYearsOut = z.object({
  years: z.array(
    z.object({
      year: portalYear,
      groups: z.array(z.object({ group: unitGroupOut, groupName: bilingual, units: z.number().int() })),
      publishedOn: date.nullable(),
    }),
  ),
});
export type ParYearsOut = z.infer<typeof parYearsOut>;

export const parFieldRefOut = z.object({ code: z.string(), name: bilingual, maxPoints: z.number() });

export const parRankingRowOut = z.object({
  rank: z.number().int(),
  rankOf: z.number().int(),
  unitId: z.uuid(),
  /** The unit's name as it was that year. */
  unitName: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  grade: z.string(),
  gradeName: bilingual,
  /** Last published year's index of the unit (or its predecessors'), and the change in points of %. */
  previousPercent: percent,
  change: z.number().nullable(),
  byField: z.array(z.object({ code: z.string(), percent })),
});
export type ParRankingRowOut = z.infer<typeof parRankingRowOut>;

export const parYearOut = z.object({
  year: portalYear,
  publishedOn: date.nullable(),
  asOf: date,
  groups: z.array(
    z.object({
      group: unitGroupOut,
      groupName: bilingual,
      fields: z.array(parFieldRefOut),
      rows: z.array(parRankingRowOut),
    }),
  ),
});
export type ParYearOut = z.infer<typeof parYearOut>;

export const parUnitOut = z.object({
  year: portalYear,
  unitId: z.uuid(),
  unitName: z.string(),
  group: unitGroupOut,
  groupName: bilingual,
  rank: z.number().int(),
  rankOf: z.number().int(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  grade: z.string(),
  gradeName: bilingual,
  previousPercent: percent,
  change: z.number().nullable(),
  fields: z.array(
    z.object({
      code: z.string(),
      name: bilingual,
      points: z.number(),
      maxPoints: z.number(),
      percent,
      /** The criteria's totals (points of their sub-criteria), no evidence, no appraisers' notes. */
      criteria: z.array(
        z.object({ code: z.string(), name: bilingual, points: z.number(), maxPoints: z.number() }),
      ),
    }),
  ),
});
export type ParUnitOut = z.infer<typeof parUnitOut>;

// Dossiers (QĐ 766 key figures) ----------------------------------------------------------------------

export const dossiersQuery = z.object({
  year: pathYear.optional(),
  period: dossierPeriodKey.optional(),
});

export const dossierFiguresOut = z.object({
  received: z.number().int(),
  resolved: z.number().int(),
  processing: z.number().int(),
  onTimePercent: percent,
  resolvedEarlyOrOnTimePercent: percent,
  onlinePercent: percent,
  onlinePaymentPercent: percent,
  digitisationPercent: percent,
  eResultPercent: percent,
  satisfactionPercent: percent,
  averageProcessingDays: z.number().nullable(),
});
export type DossierFiguresOut = z.infer<typeof dossierFiguresOut>;

export const dossierPeriodOut = z.object({ key: z.string(), label: bilingual, from: date, to: date });

export const dossiersOut = z.object({
  year: portalYear,
  period: z.string(),
  /** The published years and the periods of this year that can be chosen. */
  years: z.array(portalYear),
  periods: z.array(dossierPeriodOut),
  /** The window the figures cover (a period still running ends today), and the day stocks are taken. */
  from: date,
  to: date,
  stockDay: date,
  total: dossierFiguresOut,
  units: z.array(dossierFiguresOut.extend({ unitId: z.uuid(), unitName: z.string() })),
});
export type DossiersOut = z.infer<typeof dossiersOut>;

// The committee's plan ----------------------------------------------------------------------------------

export const publicTaskStatus = z.enum(PUBLIC_TASK_STATUSES);

export const planTaskPublicOut = z.object({
  id: z.uuid(),
  title: z.string(),
  area: reformAreaOut,
  areaName: bilingual,
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  dueDate: date.nullable(),
  status: publicTaskStatus,
  /** The day it was verified (or reported) done. */
  doneOn: date.nullable(),
});
export type PlanTaskPublicOut = z.infer<typeof planTaskPublicOut>;

export const completionOut = z.object({
  total: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  completionPercent: percent,
});

export const planPublicOut = z.object({
  year: portalYear,
  years: z.array(portalYear),
  title: z.string(),
  asOf: date,
  figures: completionOut,
  byArea: z.array(z.object({ area: reformAreaOut, areaName: bilingual, figures: completionOut })),
  tasks: z.array(planTaskPublicOut),
});
export type PlanPublicOut = z.infer<typeof planPublicOut>;

// Pilot units --------------------------------------------------------------------------------------------

export const pilotItemPublicOut = z.object({
  id: z.uuid(),
  title: z.string(),
  area: reformAreaOut,
  areaName: bilingual,
  dueDate: date,
  status: publicTaskStatus,
  doneOn: date.nullable(),
  /** What the unit achieved, once done. */
  result: z.string().nullable(),
});
export type PilotItemPublicOut = z.infer<typeof pilotItemPublicOut>;

export const pilotsPublicOut = z.object({
  year: portalYear,
  years: z.array(portalYear),
  asOf: date,
  figures: completionOut,
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      figures: completionOut,
      items: z.array(pilotItemPublicOut),
    }),
  ),
});
export type PilotsPublicOut = z.infer<typeof pilotsPublicOut>;

// ---------------------------------------------------------------------------------------------------
// Open data (`/api/open-data`)

export const OPEN_DATA_COLUMN_TYPES = ['string', 'integer', 'number', 'boolean', 'date'] as const;

export const openDataColumnOut = z.object({
  name: z.string(),
  type: z.enum(OPEN_DATA_COLUMN_TYPES),
  title: bilingual,
  description: bilingual,
});

export const openDataDatasetOut = z.object({
  name: z.enum(OPEN_DATASETS),
  title: bilingual,
  description: bilingual,
  /** Which portal setting publishes it. */
  section: z.enum(PORTAL_SECTIONS),
  formats: z.array(z.object({ format: z.enum(['csv', 'json']), url: z.string(), mediaType: z.string() })),
  columns: z.array(openDataColumnOut),
  rows: z.number().int(),
});

export const openDataCatalogueOut = z.object({
  province: z.object({ id: z.uuid(), name: z.string() }),
  licence: publicLicenceOut,
  publisher: publicPublisherOut,
  /** How the CSV files are written: UTF-8 with BOM, `;` between fields, `.` as the decimal point, CRLF. */
  csv: z.object({
    encoding: z.string(),
    bom: z.boolean(),
    delimiter: z.string(),
    decimalChar: z.string(),
    lineTerminator: z.string(),
  }),
  datasets: z.array(openDataDatasetOut),
  datapackageUrl: z.string(),
  updatedAt: z.string(),
});
export type OpenDataCatalogueOut = z.infer<typeof openDataCatalogueOut>;

/** A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/): the documented schema. */
export const datapackageOut = z.object({
  profile: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  homepage: z.string().optional(),
  created: z.string(),
  licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })),
  contributors: z.array(z.object({ title: z.string(), role: z.string(), email: z.string().optional() })),
  resources: z.array(
    z.object({
      name: z.string(),
      path: z.string(),
      profile: z.string(),
      title: z.string(),
      description: z.string(),
      format: z.string(),
      mediatype: z.string(),
      encoding: z.string(),
      dialect: z.object({ delimiter: z.string(), lineTerminator: z.string(), header: z.boolean() }),
      schema: z.object({
        fields: z.array(
          z.object({
            name: z.string(),
            type: z.string(),
            title: z.string(),
            description: z.string(),
            decimalChar: z.string().optional(),
          }),
        ),
      }),
    }),
  ),
});
export type DatapackageOut = z.infer<typeof datapackageOut>;

export const OPEN_DATA_CELL = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const openDataJsonOut = z.object({
  dataset: z.enum(OPEN_DATASETS),
  title: bilingual,
  licence: publicLicenceOut,
  publisher: publicPublisherOut,
  generatedAt: z.string(),
  columns: z.array(openDataColumnOut),
  rows: z.array(z.record(z.string(), OPEN_DATA_CELL)),
});
export type OpenDataJsonOut = z.infer<typeof openDataJsonOut>;

export const openDataFileParams = z.object({
  file: z
    .string()
    .max(40)
    .regex(/^[a-z-]+\.(csv|json)$/),
});
