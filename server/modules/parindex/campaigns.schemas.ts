import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { unitGroupField, yearField } from './frameworks.schemas.js';
import { ASSESSMENT_STATUSES, CAMPAIGN_STAGES, COUNCIL_ROLES } from './parindex.table.js';
import { ASSESSMENT_ACTIONS } from './rules/assessment-status.js';

export { CAMPAIGN_STAGES };

/** Request and response schemas of the PAR Index campaigns (./campaigns.routes.ts). */

const isoDate = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });

export const frameworkIdsIn = z
  .object({
    department: z.uuid().optional(),
    commune: z.uuid().optional(),
    other: z.uuid().optional(),
  })
  .refine((x) => Object.values(x).some(Boolean), { message: 'at least one group' });

const deadlines = {
  selfDeadline: isoDate,
  appraisal1Deadline: isoDate,
  explanationDeadline: isoDate,
  appraisal2Deadline: isoDate,
};

export const campaignCreateIn = z.object({
  year: yearField,
  title: z.string().trim().min(1).max(300),
  frameworkIds: frameworkIdsIn,
  ...deadlines,
  remediationBelow: z.number().min(0).max(100).default(70),
  remediationWorkingDays: z.number().int().min(1).max(250).default(30),
  documentId: z.uuid().nullable().default(null),
  note: z.string().trim().max(4000).default(''),
});

export const campaignUpdateIn = campaignCreateIn.omit({ year: true }).extend({
  version: versionField,
  resultDocumentId: z.uuid().nullable().default(null),
});

export const campaignAdvanceIn = z.object({ version: versionField });

export const councilMemberIn = z.object({
  userId: z.uuid(),
  role: z.enum(COUNCIL_ROLES),
  fieldCodes: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
});
export const councilMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const campaignListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const candidatesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const councilMemberOut = z.object({
  userId: z.uuid(),
  fullName: z.string(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  role: z.enum(COUNCIL_ROLES),
  fieldCodes: z.array(z.string()),
});

const stageCheck = z.object({
  /** The next stage and whether the office may move to it now (else why not, in both languages). */
  next: z.enum(CAMPAIGN_STAGES).nullable(),
  ok: z.boolean(),
  reason: bilingual.nullable(),
});

export const campaignSummaryOut = z.object({
  id: z.uuid(),
  year: z.number(),
  title: z.string(),
  stage: z.enum(CAMPAIGN_STAGES),
  ...deadlines,
  frameworks: z.array(
    z.object({
      group: unitGroupField,
      id: z.uuid(),
      title: z.string(),
      number: z.number(),
      year: z.number(),
    }),
  ),
  counts: z.object({
    units: z.number(),
    byStatus: z.record(z.enum(ASSESSMENT_STATUSES), z.number()),
  }),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number(),
});
export type CampaignSummaryOut = z.infer<typeof campaignSummaryOut>;

export const campaignOut = campaignSummaryOut.extend({
  remediationBelow: z.number(),
  remediationWorkingDays: z.number(),
  /** The remediation tasks of the units below the threshold (in their own plans), once published. */
  remediation: z.object({ tasks: z.number(), verified: z.number(), overdue: z.number() }).nullable(),
  document: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  resultDocument: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  note: z.string(),
  council: z.array(councilMemberOut),
  signedOffAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * The criteria computed from chidao's records: when last computed, when the office last asked, and whether a
   * computation is waiting or running (background work: the page looks again while it is).
   */
  computation: z.object({
    at: z.iso.datetime({ offset: true }).nullable(),
    requestedAt: z.iso.datetime({ offset: true }).nullable(),
    pending: z.boolean(),
  }),
  advance: stageCheck,
  /**
   * The caller's relation to the campaign, which arranges its page: whether they read every unit (the office, the
   * committee, the council, the province's appraisers), their seat on the council, and the units they score.
   */
  viewer: z.object({
    provinceWide: z.boolean(),
    council: z.object({ role: z.enum(COUNCIL_ROLES), fieldCodes: z.array(z.string()) }).nullable(),
    /** Holds a focal-point or leader grant (scores units, whether or not this campaign has them yet). */
    unitSide: z.boolean(),
    ownUnitIds: z.array(z.uuid()),
  }),
  abilities: z.object({
    update: z.boolean(),
    compute: z.boolean(),
    advance: z.boolean(),
    council: z.boolean(),
    appraise: z.boolean(),
    signOff: z.boolean(),
  }),
});
export type CampaignOut = z.infer<typeof campaignOut>;

export const campaignListOut = z.object({
  campaigns: z.array(campaignSummaryOut),
  canCreate: z.boolean(),
});

export const assessmentRowOut = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  group: unitGroupField,
  status: z.enum(ASSESSMENT_STATUSES),
  /** Scored items (self) out of the items the unit scores; computed items are not the unit's to score. */
  scored: z.number(),
  toScore: z.number(),
  evidence: z.number(),
  /** The index as of the stage reached (%), and the points. */
  percent: z.number(),
  points: z.number(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  contested: z.number(),
  /** What the assessment waits for next, who owes it and by when (null once final). */
  next: z
    .object({
      action: z.enum(ASSESSMENT_ACTIONS),
      by: z.enum(['unit', 'council']),
      dueDate: isoDate,
    })
    .nullable(),
});
export const assessmentListQuery = z.object({
  group: unitGroupField.optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export const assessmentListOut = z.object({ items: z.array(assessmentRowOut) });

export const candidatesOut = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      fullName: z.string(),
      position: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
  ),
  total: z.number(),
});
export type CampaignListOut = z.infer<typeof campaignListOut>;
export type AssessmentListOut = z.infer<typeof assessmentListOut>;
export type CandidatesOut = z.infer<typeof candidatesOut>;
