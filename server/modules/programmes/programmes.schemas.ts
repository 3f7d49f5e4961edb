/**
 * The contract of the reform programmes API (`/api/programmes…`): the province's multi-year reform programmes, their
 * measurable targets with yearly milestones, each year's value (computed by chidao or entered by hand with evidence)
 * and its judgement, the committee's yearly plans under the programme, and its review reports. Dates are ISO
 * (yyyy-mm-dd); every edit carries the record's `version` (none to create). The web imports these types, type-only.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { REFORM_AREAS } from '../tasks/index.js';
import {
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  REVIEW_KINDS,
  TARGET_COMPARISONS,
  TARGET_MEASURES,
  TOLERANCE_KINDS,
} from './programmes.table.js';
import { YEAR_STATUSES } from './progress-rules.js';

const bilingual = z.object({ vi: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date();
const dateTime = z.iso.datetime();
const year = z.number().int().min(2000).max(2199);
/** A target's figure: percentages, points, counts, ranks, days — never beyond a million either way. */
const figure = z.number().min(-1_000_000).max(1_000_000);

export const programmeKind = z.enum(PROGRAMME_KINDS);
export const programmeStatus = z.enum(PROGRAMME_STATUSES);
export const toleranceKind = z.enum(TOLERANCE_KINDS);
export const targetComparison = z.enum(TARGET_COMPARISONS);
export const targetMeasure = z.enum(TARGET_MEASURES);
export const reformArea = z.enum(REFORM_AREAS);
export const yearStatus = z.enum(YEAR_STATUSES);
export const headlineStatus = z.enum(['achieved', 'missed', 'on_track', 'at_risk', 'off_track', 'no_data']);
export const reviewKind = z.enum(REVIEW_KINDS);

export const documentRefOut = z.object({
  id: z.uuid(),
  numberSymbol: z.string(),
  issuedOn: date,
  title: z.string(),
});

export const summaryOut = z
  .object({
    total: z.number().int(),
    achieved: z.number().int(),
    missed: z.number().int(),
    on_track: z.number().int(),
    at_risk: z.number().int(),
    off_track: z.number().int(),
    no_data: z.number().int(),
  })
  .meta({ id: 'ProgrammeSummaryCounts' });

// ---------------------------------------------------------------------------------------------------
// Programmes

const toleranceValue = z.number().min(0).max(1000);

export const programmeIn = z.object({
  committeeId: z.uuid(),
  kind: programmeKind,
  title: required(500),
  documentId: z.uuid().nullable().optional(),
  fromYear: year,
  toYear: year,
  goals: text(20_000).default(''),
  status: programmeStatus.default('in_force'),
  toleranceKind: toleranceKind.default('points'),
  toleranceValue: toleranceValue.default(5),
  note: text(4000).default(''),
});
export type ProgrammeIn = z.infer<typeof programmeIn>;

export const programmeUpdateIn = z.object({
  kind: programmeKind.optional(),
  title: required(500).optional(),
  documentId: z.uuid().nullable().optional(),
  fromYear: year.optional(),
  toYear: year.optional(),
  goals: text(20_000).optional(),
  status: programmeStatus.optional(),
  toleranceKind: toleranceKind.optional(),
  toleranceValue: toleranceValue.optional(),
  note: text(4000).optional(),
  version: versionField,
});
export type ProgrammeUpdateIn = z.infer<typeof programmeUpdateIn>;

export const programmeItemOut = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: programmeKind,
    status: programmeStatus,
    fromYear: z.number().int(),
    toYear: z.number().int(),
    /** The period includes this year. */
    current: z.boolean(),
    committee: z.object({ id: z.uuid(), name: z.string() }),
    document: documentRefOut.nullable(),
    summary: summaryOut,
    version: z.number().int(),
  })
  .meta({ id: 'ReformProgrammeItem' });
export type ProgrammeItemOut = z.infer<typeof programmeItemOut>;

export const figureOptionOut = z.object({
  key: z.string(),
  label: bilingual,
  unit: z.enum(['percent', 'count', 'points']),
  better: z.enum(['higher', 'lower']),
});

export const programmeListOut = z
  .object({
    items: z.array(programmeItemOut),
    /** The committees the caller may create a programme for (the standing agency's). */
    committees: z.array(z.object({ id: z.uuid(), name: z.string() })),
    /** The figures chidao computes that a target may be bound to. */
    figures: z.array(figureOptionOut),
    currentYear: z.number().int(),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'ReformProgrammeList' });
export type ProgrammeListOut = z.infer<typeof programmeListOut>;

// ---------------------------------------------------------------------------------------------------
// Targets and values

const milestoneIn = z.object({ year, value: figure });

export const targetIn = z.object({
  name: required(500),
  area: reformArea,
  measure: targetMeasure.default('percent'),
  comparison: targetComparison.default('gte'),
  baselineYear: year.nullable().optional(),
  baselineValue: figure.nullable().optional(),
  milestones: z.array(milestoneIn).max(60).default([]),
  finalValue: figure,
  /** A figure of the province catalogue, or null: values entered by hand. */
  figureKey: z.string().trim().max(80).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  note: text(4000).default(''),
});
export type TargetIn = z.infer<typeof targetIn>;

export const targetUpdateIn = z.object({
  name: required(500).optional(),
  area: reformArea.optional(),
  measure: targetMeasure.optional(),
  comparison: targetComparison.optional(),
  baselineYear: year.nullable().optional(),
  baselineValue: figure.nullable().optional(),
  milestones: z.array(milestoneIn).max(60).optional(),
  finalValue: figure.optional(),
  figureKey: z.string().trim().max(80).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  note: text(4000).optional(),
  version: versionField,
});
export type TargetUpdateIn = z.infer<typeof targetUpdateIn>;

export const valueIn = z.object({
  year,
  value: figure,
  /** The day measured (a year-to-date value); none: the whole year. */
  measuredOn: date.nullable().optional(),
  note: text(4000).default(''),
  /** Evidence: a file uploaded for this target, or a register document (at least one). */
  evidenceFileId: z.uuid().nullable().optional(),
  evidenceDocumentId: z.uuid().nullable().optional(),
  /** The version read, to correct a value already recorded for the year. */
  version: versionField.optional(),
});
export type ValueIn = z.infer<typeof valueIn>;

export const evidenceFileOut = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const manualValueOut = z.object({
  id: z.uuid(),
  year: z.number().int(),
  value: z.number(),
  measuredOn: date.nullable(),
  note: z.string(),
  evidenceFile: evidenceFileOut.nullable(),
  evidenceDocument: documentRefOut.nullable(),
  version: z.number().int(),
  updatedAt: dateTime,
});

export const computedValueOut = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  from: date,
  to: date,
  link: z.string().nullable(),
});

export const targetYearOut = z.object({
  year: z.number().int(),
  status: yearStatus,
  value: z.number().nullable(),
  milestone: z.number().nullable(),
  /** ≥ 0 meets the milestone, < 0 falls short by that much (in the target's unit). */
  margin: z.number().nullable(),
  /** The at-risk tolerance applied (the current year only). */
  tolerance: z.number().nullable(),
  current: z.boolean(),
  /** Where the judged value came from: computed by chidao, entered by hand with evidence, or none. */
  source: z.enum(['computed', 'manual']).nullable(),
  computed: computedValueOut.nullable(),
  manual: manualValueOut.nullable(),
});
export type TargetYearOut = z.infer<typeof targetYearOut>;

export const targetOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    area: reformArea,
    measure: targetMeasure,
    comparison: targetComparison,
    baselineYear: z.number().int().nullable(),
    baselineValue: z.number().nullable(),
    milestones: z.array(z.object({ year: z.number().int(), value: z.number() })),
    finalValue: z.number(),
    figureKey: z.string().nullable(),
    /** The bound figure's name (vi, en), when bound. */
    figure: z.object({ label: bilingual }).nullable(),
    sortOrder: z.number().int(),
    note: z.string(),
    headline: z.object({ status: headlineStatus, year: z.number().int().nullable() }),
    years: z.array(targetYearOut),
    version: z.number().int(),
  })
  .meta({ id: 'ReformTarget' });
export type TargetOut = z.infer<typeof targetOut>;

// ---------------------------------------------------------------------------------------------------
// The programme page

export const planRowOut = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  total: z.number().int(),
  verified: z.number().int(),
  overdue: z.number().int(),
  /** Completion under the plan's method (0–100), null with no task owed. */
  completionPct: z.number().nullable(),
});

export const reviewOut = z.object({
  id: z.uuid(),
  kind: reviewKind,
  year: z.number().int(),
  roundId: z.uuid(),
  createdAt: dateTime,
});

export const programmeOut = programmeItemOut
  .extend({
    goals: z.string(),
    note: z.string(),
    toleranceKind: toleranceKind,
    toleranceValue: z.number(),
    currentYear: z.number().int(),
    targets: z.array(targetOut),
    /** The committee's yearly plans whose year falls in the period. */
    plans: z.array(planRowOut),
    reviews: z.array(reviewOut),
    figures: z.array(figureOptionOut),
    abilities: z.object({ read: z.boolean(), update: z.boolean() }),
    updatedAt: dateTime,
  })
  .meta({ id: 'ReformProgramme' });
export type ProgrammeOut = z.infer<typeof programmeOut>;

export const targetParams = z.object({ id: z.uuid(), targetId: z.uuid() });
export const evidenceParams = z.object({ id: z.uuid(), targetId: z.uuid(), fileId: z.uuid() });

export const reviewIn = z.object({
  kind: reviewKind,
  year,
  note: text(4000).nullable().optional(),
});
export const reviewOpenedOut = z.object({ review: reviewOut, roundId: z.uuid() });
export type EvidenceFileOut = z.infer<typeof evidenceFileOut>;
export type ReviewOpenedOut = z.infer<typeof reviewOpenedOut>;
