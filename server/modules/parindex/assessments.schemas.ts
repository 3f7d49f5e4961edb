import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { gradeBandSchema, treeSchema, unitGroupField } from './frameworks.schemas.js';
import { ASSESSMENT_STATUSES, CAMPAIGN_STAGES, EVIDENCE_LINK_KINDS } from './parindex.table.js';

/** Request and response schemas of one unit's assessment (./assessments.routes.ts). */

const bilingual = z.object({ vi: z.string(), en: z.string() });
const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const points = z.number().min(0).max(1000);
/** A score row's version as the page last saw it; 0 for an item not yet scored. */
const scoreVersion = z.number().int().min(0).max(2_147_483_647);

export const scoreParams = z.object({ id: z.uuid(), code: z.string().trim().min(1).max(20) });
export const evidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });

export const selfScoreIn = z.object({
  points: points.nullable(),
  note: z.string().trim().max(4000).default(''),
  version: scoreVersion,
});
export const appraisalScoreIn = z.object({
  round: z.union([z.literal(1), z.literal(2)]),
  points,
  reason: z.string().trim().max(4000).default(''),
  version: scoreVersion,
});
export const explanationIn = z.object({
  text: z.string().trim().min(1).max(4000),
  version: scoreVersion,
});

export const evidenceUploadQuery = z.object({
  label: z.string().trim().max(300).optional(),
  /** The evidence this file replaces (its next version; the earlier one is kept). */
  replaces: z.uuid().optional(),
});
export const evidenceLinkIn = z
  .object({
    linkKind: z.enum(EVIDENCE_LINK_KINDS),
    linkId: z.uuid().optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    label: z.string().trim().max(300).default(''),
  })
  .refine((x) => (x.linkKind === 'url' ? !!x.url : !!x.linkId), {
    message: 'a record (linkId) or, for a web page, its address (url)',
    path: ['linkId'],
  });

export const scoreOut = z.object({
  code: z.string(),
  self: z.number().nullable(),
  selfNote: z.string(),
  round1: z.number().nullable(),
  round1Reason: z.string(),
  explanation: z.string(),
  round2: z.number().nullable(),
  round2Reason: z.string(),
  computed: z.number().nullable(),
  /** How a computed item's points came about (the figure, the formula), in both languages. */
  computation: z
    .object({
      text: bilingual,
      link: z.string().nullable(),
      noData: z.boolean(),
      rate: z.number().nullable(),
    })
    .nullable(),
  /** The points as the stage reached counts them. */
  current: z.number().nullable(),
  contested: z.boolean(),
  updatedAt: instant.nullable(),
  version: z.number(),
});
export type ScoreOut = z.infer<typeof scoreOut>;

export const evidenceOut = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  number: z.number(),
  file: z
    .object({ id: z.uuid(), name: z.string(), size: z.number(), mediaType: z.string(), sha256: z.string() })
    .nullable(),
  link: z
    .object({
      kind: z.enum(EVIDENCE_LINK_KINDS),
      id: z.uuid().nullable(),
      url: z.string().nullable(),
      href: z.string(),
    })
    .nullable(),
  /** The earlier version this file replaces (versions of one file chain back to its first). */
  replacesId: z.uuid().nullable(),
  replaced: z.boolean(),
  withdrawn: z.boolean(),
  addedAt: instant,
  addedBy: z.string().nullable(),
});
export type EvidenceOut = z.infer<typeof evidenceOut>;

const rollupOut = z.object({
  fields: z.array(
    z.object({ code: z.string(), points: z.number(), maxPoints: z.number(), percent: z.number().nullable() }),
  ),
  base: z.number(),
  bonus: z.number(),
  penalty: z.number(),
  total: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  surveyMissing: z.boolean(),
  rescaled: z.boolean(),
  grade: z.object({ code: z.string(), name: bilingual }).nullable(),
});
export type RollupOut = z.infer<typeof rollupOut>;

export const assessmentOut = z.object({
  id: z.uuid(),
  campaign: z.object({
    id: z.uuid(),
    year: z.number(),
    title: z.string(),
    stage: z.enum(CAMPAIGN_STAGES),
    selfDeadline: isoDate,
    appraisal1Deadline: isoDate,
    explanationDeadline: isoDate,
    appraisal2Deadline: isoDate,
  }),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  group: unitGroupField,
  status: z.enum(ASSESSMENT_STATUSES),
  submittedAt: instant.nullable(),
  lockedAt: instant.nullable(),
  framework: z.object({
    id: z.uuid(),
    title: z.string(),
    number: z.number(),
    tree: treeSchema,
    gradeBands: z.array(gradeBandSchema),
    rescaleWithoutSurvey: z.boolean(),
  }),
  scores: z.array(scoreOut),
  evidence: z.array(evidenceOut),
  totals: z.object({ self: rollupOut, round1: rollupOut.nullable(), round2: rollupOut.nullable() }),
  windows: z.object({
    self: z.boolean(),
    explanation: z.boolean(),
    round1: z.boolean(),
    round2: z.boolean(),
  }),
  /** The field codes the caller appraises ([] none; every field for the office and a council without fields). */
  appraiseFields: z.array(z.string()),
  abilities: z.object({
    score: z.boolean(),
    evidence: z.boolean(),
    explain: z.boolean(),
    appraise: z.boolean(),
  }),
  allowedActions: z.array(z.string()),
  version: z.number(),
});
export type AssessmentOut = z.infer<typeof assessmentOut>;

export const scoreSaveOut = z.object({
  score: scoreOut,
  totals: assessmentOut.shape.totals,
  status: z.enum(ASSESSMENT_STATUSES),
  version: z.number(),
});

export const evidenceSaveOut = z.object({ evidence: evidenceOut });
export { versionField };
export type ScoreSaveOut = z.infer<typeof scoreSaveOut>;
export type EvidenceSaveOut = z.infer<typeof evidenceSaveOut>;
