/**
 * The contract of an inspection's conclusion and its recommendations (issue 15): the head's draft (summary,
 * numbered recommendations, what the minutes say), the preview of the minutes and of the conclusion notice as
 * .docx, "Ban hành" (both registered in the documents register with their numbers, the recommendations become owed
 * work), the recommendations of an inspection, and the figures of a year. The recommendations' own steps (report
 * remediation, verify, return, extend) are the work engine's: `/api/work/inspection_recommendation/:id/…`.
 * Every date is ISO (yyyy-mm-dd); documents print them dd/mm/yyyy.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { timingOut } from '../work/work.schemas.js';
import { FINDING_RESULTS, INSPECTION_KINDS, INSPECTION_STATUSES } from './inspections.table.js';
import { CONCLUSION_ISSUERS, RECOMMENDATION_STATUSES } from './rules/recommendation-rules.js';

const date = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });

export const conclusionIssuer = z.enum(CONCLUSION_ISSUERS);

// ---------------------------------------------------------------------------------------------------
// The draft

export const draftRecommendationIn = z.object({
  /** What the unit must do (may be empty while drafting; issuing refuses an empty one). */
  text: z.string().trim().max(4000),
  /** The unit responsible: the inspected unit or one of its sub-units. */
  unitId: z.uuid(),
  /** Null: the rules' working days after the conclusion date. */
  dueDate: date.nullable().default(null),
  /** The findings (shortcomings, violations) it answers. */
  findingIds: z.array(z.uuid()).max(200).default([]),
});
export type DraftRecommendationIn = z.infer<typeof draftRecommendationIn>;

export const representativeIn = z.object({
  name: z.string().trim().min(1).max(200),
  position: z.string().trim().max(200).default(''),
});

export const minutesDetailsIn = z.object({
  /** Where the team met the unit (default: the unit's office). */
  place: z.string().trim().max(500).default(''),
  /** The inspected unit's representatives, as the minutes name them (the first signs for the unit). */
  representatives: z.array(representativeIn).max(30).default([]),
});
export type MinutesDetails = z.infer<typeof minutesDetailsIn>;

export const conclusionDraftIn = z.object({
  version: versionField,
  /** The team's overall conclusion (one paragraph a line). */
  summary: z.string().trim().max(20_000),
  recommendations: z.array(draftRecommendationIn).max(100),
  minutes: minutesDetailsIn.default({ place: '', representatives: [] }),
});
export type ConclusionDraftIn = z.infer<typeof conclusionDraftIn>;

export const conclusionIssueIn = z.object({
  version: versionField,
  /** The day the notice is issued (default today): not before the inspection, not after today. */
  issuedOn: date.optional(),
  /** Who issues the notice (default the team: "…/TB-ĐKT"). */
  issuer: conclusionIssuer.default('team'),
  /** The register numbers (default: the next free number of the year for each symbol). */
  minutesNumber: z.number().int().min(1).max(99_999).optional(),
  conclusionNumber: z.number().int().min(1).max(99_999).optional(),
});
export type ConclusionIssueIn = z.input<typeof conclusionIssueIn>;

export const previewQuery = z.object({
  issuer: conclusionIssuer.default('team'),
  issuedOn: date.optional(),
});
export const numbersQuery = previewQuery;

// ---------------------------------------------------------------------------------------------------
// Answers

export const documentRefOut = z.object({
  id: z.uuid(),
  numberSymbol: z.string(),
  issuedOn: date,
  title: z.string(),
});

/** A recommendation as issued, with its state now (the engine's item: who may do what, timing in working days). */
export const recommendationOut = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  number: z.number().int(),
  text: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  dueDate: date,
  status: z.enum(RECOMMENDATION_STATUSES),
  timing: timingOut.nullable(),
  findingIds: z.array(z.uuid()),
  /** The latest remediation report's text. */
  remediation: z.string(),
  reportedOn: date.nullable(),
  closedOn: date.nullable(),
  lastReason: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
  /** The page that shows it (the inspection's). */
  link: z.string(),
});
export type RecommendationOut = z.infer<typeof recommendationOut>;
export const recommendationListOut = z.object({ items: z.array(recommendationOut) });
export type RecommendationListOut = z.infer<typeof recommendationListOut>;

export const conclusionOut = z.object({
  inspectionId: z.uuid(),
  status: z.enum(INSPECTION_STATUSES),
  version: z.number().int(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  conductedOn: date.nullable(),
  concludedOn: date.nullable(),
  summary: z.string(),
  /** The draft's recommendations, each with the due date it will get if issued today. */
  recommendations: z.array(
    z.object({
      text: z.string(),
      unitId: z.uuid(),
      unitName: z.string(),
      dueDate: date.nullable(),
      effectiveDueDate: date,
      findingIds: z.array(z.uuid()),
    }),
  ),
  minutes: z.object({
    place: z.string(),
    representatives: z.array(z.object({ name: z.string(), position: z.string() })),
  }),
  /** The deadline rule: working days after the conclusion date, and the default due date if issued today. */
  rules: z.object({ workingDays: z.number().int(), defaultDueDate: date }),
  /** The units a recommendation may be given to: the inspected unit and its sub-units in force today. */
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The inspection's findings that a recommendation may answer (shortcomings and violations first). */
  findings: z.array(
    z.object({
      id: z.uuid(),
      area: z.string(),
      text: bilingual,
      result: z.enum(FINDING_RESULTS).nullable(),
      note: z.string(),
    }),
  ),
  documents: z.object({ minutes: documentRefOut.nullable(), conclusion: documentRefOut.nullable() }),
  /** The recommendations issued (empty until the conclusion is). */
  issued: z.array(recommendationOut),
  /** What stops the draft from being issued now (empty: it may be issued). */
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  abilities: z.object({ draft: z.boolean(), issue: z.boolean() }),
});
export type ConclusionOut = z.infer<typeof conclusionOut>;

export const numbersOut = z.object({
  issuedOn: date,
  minutes: z.object({ number: z.number().int(), numberSymbol: z.string(), issuedOn: date }),
  conclusion: z.object({ number: z.number().int(), numberSymbol: z.string(), issuedOn: date }),
});
export type NumbersOut = z.infer<typeof numbersOut>;

// ---------------------------------------------------------------------------------------------------
// Figures

export const figuresQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2199),
  /** As of this day (default today, or the year's last day when it has ended). */
  asOf: date.optional(),
});

/** A figure and the records behind it (ids into `records`). */
export const figureOut = z.object({ value: z.number().int(), ids: z.array(z.uuid()) });
export type FigureOut = z.infer<typeof figureOut>;

export const figuresOut = z.object({
  year: z.number().int(),
  asOf: date,
  inspections: z.object({
    /** Planned in the year's plan (not cancelled). */
    planned: figureOut,
    /** Of those, inspected (minutes signed or concluded) by the date. */
    plannedDone: figureOut,
    /** Every inspection conducted in the year by the date: planned, surprise, re-inspections. */
    done: figureOut,
    surprise: figureOut,
    reinspections: figureOut,
    concluded: figureOut,
  }),
  /** Findings of the inspections done, by area and result (ids: findings). */
  findings: z.array(
    z.object({
      area: z.string(),
      compliant: figureOut,
      shortcoming: figureOut,
      violation: figureOut,
      notApplicable: figureOut,
    }),
  ),
  /** Recommendations of the conclusions issued in the year by the date, as they stood on the date. */
  recommendations: z.object({
    total: figureOut,
    verified: figureOut,
    verifiedOnTime: figureOut,
    open: figureOut,
    overdue: figureOut,
  }),
  /** Units with a shortcoming or violation in the same area in two inspections within 3 years (ids: inspections). */
  repeatedShortcomings: z.object({
    units: figureOut,
    items: z.array(
      z.object({
        unitId: z.uuid(),
        unitName: z.string(),
        area: z.string(),
        inspectionIds: z.array(z.uuid()),
        findingIds: z.array(z.uuid()),
      }),
    ),
  }),
  records: z.object({
    inspections: z.array(
      z.object({
        id: z.uuid(),
        unit: z.object({ id: z.uuid(), name: z.string() }),
        kind: z.enum(INSPECTION_KINDS),
        status: z.enum(INSPECTION_STATUSES),
        plannedFrom: date,
        plannedTo: date,
        conductedOn: date.nullable(),
        concludedOn: date.nullable(),
      }),
    ),
    recommendations: z.array(
      z.object({
        id: z.uuid(),
        inspectionId: z.uuid(),
        number: z.number().int(),
        text: z.string(),
        unit: z.object({ id: z.uuid(), name: z.string() }),
        dueDate: date,
        /** The status on the date. */
        status: z.enum(RECOMMENDATION_STATUSES),
        timing: timingOut.nullable(),
      }),
    ),
    findings: z.array(
      z.object({
        id: z.uuid(),
        inspectionId: z.uuid(),
        area: z.string(),
        itemKey: z.string(),
        result: z.enum(FINDING_RESULTS).nullable(),
      }),
    ),
  }),
});
export type FiguresOut = z.infer<typeof figuresOut>;
