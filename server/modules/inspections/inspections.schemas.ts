/**
 * The contract of the inspections' core API (issue 15): plans and their joint team (`/api/inspection-plans…`),
 * inspections — planned, surprise, re-inspections — with their team, workflow, checklist and findings
 * (`/api/inspections…`), the checklist templates (`/api/inspection-checklists…`) and the rules
 * (`/api/inspection-rules`). Every date is ISO (yyyy-mm-dd); every edit carries the record's `version`.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { REFORM_AREAS } from '../tasks/index.js';
import {
  FINDING_RESULTS,
  INSPECTION_FORMS,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  SURPRISE_SOURCES,
} from './inspections.table.js';
import { CUSTOM_AREA } from './rules/checklists.js';
import { INSPECTION_ACTIONS } from './rules/inspection-status.js';
import { SIGNAL_KINDS } from './rules/signals.js';

const date = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });
/** Text a person types: trimmed, no longer than `max`. */
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const reformArea = z.enum(REFORM_AREAS);
export const inspectionForm = z.enum(INSPECTION_FORMS);
export const inspectionKind = z.enum(INSPECTION_KINDS);
export const inspectionStatus = z.enum(INSPECTION_STATUSES);
export const findingResult = z.enum(FINDING_RESULTS);
export const teamRole = z.enum(['head', 'member']);
export const conflictReason = z.enum(['leads_unit', 'focal_point_of_unit', 'from_unit']);
export const planStatus = z.enum(['draft', 'approved']);

// ---------------------------------------------------------------------------------------------------
// Shared pieces

/** A unit as shown beside a record: its name (as of the record's date where it matters), kind, and whether it has ended since. */
export const unitRefOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  ended: z.boolean(),
});
export const userRefOut = z.object({ id: z.uuid(), fullName: z.string() });
export const documentRefOut = z.object({
  id: z.uuid(),
  numberSymbol: z.string(),
  issuedOn: date,
  title: z.string(),
});

export const teamMemberOut = z.object({
  id: z.uuid(),
  user: userRefOut,
  /** The unit the member comes from. */
  unit: unitRefOut,
  role: teamRole,
  /** Why this member may have a conflict of interest with the inspected unit (flagged, not refused). */
  conflicts: z.array(conflictReason),
});
export type TeamMemberOut = z.infer<typeof teamMemberOut>;

/**
 * An inspection's own checklist item: a stable key (lower-case letters, digits, underscores; a finding names its
 * item by it) and the text in Vietnamese (required) and English (optional: without it, the Vietnamese is shown).
 */
export const customItemIn = z.object({
  key: z.string().max(60),
  text: z.object({ vi: z.string().max(1000), en: z.string().max(1000).default('') }),
});
export const customItemOut = z.object({ key: z.string(), text: bilingual });

export const teamMemberIn = z.object({
  userId: z.uuid(),
  /** The unit the member comes from (Sở Nội vụ, VP UBND, Sở Tài chính…). */
  unitId: z.uuid(),
  role: teamRole.default('member'),
});

// ---------------------------------------------------------------------------------------------------
// Inspections

export const inspectionSummaryOut = z.object({
  id: z.uuid(),
  planId: z.uuid().nullable(),
  kind: inspectionKind,
  /** The unit inspected, named as the registry holds it today (ended: it no longer exists). */
  unit: unitRefOut,
  areas: z.array(reformArea),
  /** How many items of its own the inspection has beside the areas' checklists. */
  customItemCount: z.number().int(),
  form: inspectionForm,
  plannedFrom: date,
  plannedTo: date,
  status: inspectionStatus,
  source: z.enum(SURPRISE_SOURCES).nullable(),
  conductedOn: date.nullable(),
  concludedOn: date.nullable(),
  head: userRefOut.nullable(),
  /** The caller is on its team. */
  mine: z.boolean(),
  version: z.number().int(),
});
export type InspectionSummaryOut = z.infer<typeof inspectionSummaryOut>;

export const inspectionListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2199).optional(),
  planId: z.uuid().optional(),
  kind: inspectionKind.optional(),
  status: inspectionStatus.optional(),
  unitId: z.uuid().optional(),
  /** Only the inspections whose team I am on. */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const inspectionListOut = z.object({
  items: z.array(inspectionSummaryOut),
  total: z.number().int(),
  abilities: z.object({ createSurprise: z.boolean() }),
});

export const fileOut = z.object({
  id: z.uuid(),
  originalName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});

export const findingOut = z.object({
  id: z.uuid(),
  result: findingResult.nullable(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: userRefOut.nullable(),
  files: z.array(fileOut),
});
export type FindingOut = z.infer<typeof findingOut>;

export const checklistItemOut = z.object({
  key: z.string(),
  text: bilingual,
  guidance: bilingual,
  finding: findingOut.nullable(),
});

export const checklistOut = z.object({
  inspectionId: z.uuid(),
  /** One section per content area (its template version), then the inspection's own items (`custom`). */
  sections: z.array(
    z.object({
      area: z.union([reformArea, z.literal(CUSTOM_AREA)]),
      /** The template version used (kept once a finding is recorded), null for the custom items. */
      template: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
      items: z.array(checklistItemOut),
    }),
  ),
  summary: z.object({
    items: z.number().int(),
    recorded: z.number().int(),
    compliant: z.number().int(),
    shortcoming: z.number().int(),
    violation: z.number().int(),
    notApplicable: z.number().int(),
  }),
});
export type ChecklistOut = z.infer<typeof checklistOut>;

export const inspectionDetailOut = inspectionSummaryOut.extend({
  /** The unit as it was named on the first planned day. */
  unitAsPlanned: z.object({ id: z.uuid(), name: z.string() }),
  plan: z.object({ id: z.uuid(), title: z.string(), year: z.number().int() }).nullable(),
  previous: z.object({ id: z.uuid(), plannedFrom: date, conductedOn: date.nullable() }).nullable(),
  customItems: z.array(customItemOut),
  reason: z.string(),
  /** The escalation id (hotline) or the signal's key, figure and threshold (signal). */
  sourceRef: z.string().nullable(),
  cancelReason: z.string().nullable(),
  minutesDocumentId: z.uuid().nullable(),
  conclusionDocumentId: z.uuid().nullable(),
  team: z.array(teamMemberOut),
  checklist: checklistOut,
  /** What the caller may do now, computed on the server (./rules/inspection-status.ts). */
  allowedActions: z.array(z.enum(INSPECTION_ACTIONS)),
  /** The caller's standing (./inspections.policy.ts). */
  access: z.object({
    office: z.boolean(),
    team: z.boolean(),
    head: z.boolean(),
    unit: z.boolean(),
  }),
});
export type InspectionDetailOut = z.infer<typeof inspectionDetailOut>;

export const inspectionUpdateIn = z.object({
  version: versionField,
  plannedFrom: date.optional(),
  plannedTo: date.optional(),
  areas: z.array(reformArea).max(REFORM_AREAS.length).optional(),
  customItems: z.array(customItemIn).max(60).optional(),
  form: inspectionForm.optional(),
});
export const versionIn = z.object({ version: versionField });
export const minutesIn = z.object({ version: versionField, conductedOn: date });
export const cancelIn = z.object({ version: versionField, reason: required(2000) });

export const planInspectionIn = z.object({
  unitId: z.uuid(),
  areas: z.array(reformArea).max(REFORM_AREAS.length).default([]),
  customItems: z.array(customItemIn).max(60).default([]),
  form: inspectionForm.default('on_site'),
  plannedFrom: date,
  plannedTo: date,
});

export const surpriseIn = planInspectionIn.extend({
  /** Why (required): shown on the inspection and in the journal. */
  reason: text(2000),
  source: z.enum(SURPRISE_SOURCES).default('hand'),
  /** source = hotline: the open proposal of the hotline (GET /api/inspections/proposals). */
  escalationId: z.uuid().optional(),
  /** source = signal: the signal's key (GET /api/inspections/proposals). */
  signalKey: z.string().max(200).optional(),
  /** The team; without one, the team of the province's plan of that year, if any. */
  team: z.array(teamMemberIn).max(30).optional(),
});

export const reinspectIn = z.object({
  plannedFrom: date,
  plannedTo: date,
  reason: text(2000),
  form: inspectionForm.optional(),
  areas: z.array(reformArea).max(REFORM_AREAS.length).optional(),
});

export const teamMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

/** Who could join a team: searched by name (accents ignored), at most `limit`. */
export const teamCandidatesQuery = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const teamCandidateOut = z.object({
  user: userRefOut,
  position: z.string().nullable(),
  /** The unit the person works at (proposed as the unit they come from), null when the account has none. */
  unit: unitRefOut.nullable(),
  /**
   * The inspected units (the plan's, or the one inspection's) this person would have a conflict of interest with,
   * and why (./rules/conflicts.ts, with the unit they work at): flagged, not refused.
   */
  conflicts: z.array(
    z.object({ unit: z.object({ id: z.uuid(), name: z.string() }), reasons: z.array(conflictReason) }),
  ),
});
export const teamCandidatesOut = z.object({
  /**
   * Active accounts of the province holding the inspector's or the standing agency's role, not yet on the team,
   * in Vietnamese order.
   */
  items: z.array(teamCandidateOut),
  /** How many match in all (the list stops at `limit`). */
  total: z.number().int(),
});
export type TeamCandidatesOut = z.infer<typeof teamCandidatesOut>;

// Findings ------------------------------------------------------------------------------------------

export const findingParams = z.object({
  id: z.uuid(),
  area: z.union([reformArea, z.literal(CUSTOM_AREA)]),
  itemKey: z.string().min(1).max(60),
});
export const findingFileParams = findingParams.extend({ fileId: z.uuid() });
export const findingIn = z.object({
  /** The finding's version; 0 when it has none yet (a stale one answers 409 with the current). */
  version: z.number().int().min(0),
  result: findingResult.nullable(),
  note: text(4000).default(''),
});
export const uploadOut = fileOut.extend({ sha256: z.string() });

// ---------------------------------------------------------------------------------------------------
// Plans

export const planSummaryOut = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  status: planStatus,
  note: z.string(),
  documentId: z.uuid().nullable(),
  teamDecisionId: z.uuid().nullable(),
  counts: z.object({ planned: z.number().int(), inspected: z.number().int(), cancelled: z.number().int() }),
  version: z.number().int(),
});
export const planListQuery = z.object({ year: z.coerce.number().int().min(1990).max(2199).optional() });
export const planListOut = z.object({
  items: z.array(planSummaryOut),
  abilities: z.object({ create: z.boolean() }),
});
export const planDetailOut = planSummaryOut.extend({
  document: documentRefOut.nullable(),
  teamDecision: documentRefOut.nullable(),
  team: z.array(teamMemberOut),
  inspections: z.array(inspectionSummaryOut),
  abilities: z.object({ update: z.boolean(), editTeam: z.boolean(), addInspections: z.boolean() }),
});
export type PlanDetailOut = z.infer<typeof planDetailOut>;

export const planCreateIn = z.object({
  title: required(500),
  year: z.number().int().min(2000).max(2100),
  note: text(4000).default(''),
  /** The province; by default the one the caller's standing-agency grant is over. */
  provinceId: z.uuid().optional(),
});
export const planUpdateIn = z.object({
  version: versionField,
  title: required(500).optional(),
  note: text(4000).optional(),
  status: planStatus.optional(),
  /** The plan as issued, in the documents register (null to unlink). */
  documentId: z.uuid().nullable().optional(),
  /** The decision establishing the team, in the documents register (null to unlink). */
  teamDecisionId: z.uuid().nullable().optional(),
});

const progressRow = z.object({ planned: z.number().int(), inspected: z.number().int() });
export const progressOut = z.object({
  planId: z.uuid(),
  year: z.number().int(),
  planned: z.number().int(),
  inspected: z.number().int(),
  /** inspected / planned (0–1), null when nothing is planned. */
  share: z.number().nullable(),
  byArea: z.array(progressRow.extend({ area: reformArea })),
  byUnitKind: z.array(progressRow.extend({ kind: z.string() })),
});

// ---------------------------------------------------------------------------------------------------
// Proposals (hotline escalations and data signals)

export const proposalsOut = z.object({
  escalations: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      caseCode: z.string(),
      caseTitle: z.string(),
      reason: z.string(),
      unit: unitRefOut.nullable(),
      createdAt: z.string(),
    }),
  ),
  signals: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(SIGNAL_KINDS),
      unit: unitRefOut,
      /** A share (0–1) for dossiers and plans, a count for recommendations. */
      figure: z.number(),
      threshold: z.number(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      year: z.number().int(),
    }),
  ),
  abilities: z.object({ create: z.boolean() }),
});
export type ProposalsOut = z.infer<typeof proposalsOut>;

// ---------------------------------------------------------------------------------------------------
// Checklist templates

export const checklistItemIn = z.object({
  key: z.string().max(60),
  text: z.object({ vi: z.string().max(1000), en: z.string().max(1000) }),
  guidance: z.object({ vi: z.string().max(4000), en: z.string().max(4000) }).default({ vi: '', en: '' }),
});
export const templateOut = z.object({
  id: z.uuid(),
  area: reformArea,
  number: z.number().int(),
  items: z.array(z.object({ key: z.string(), text: bilingual, guidance: bilingual })),
  shipped: z.boolean(),
  note: z.string(),
  createdAt: z.string(),
});
export const templatesOut = z.object({
  areas: z.array(
    z.object({
      area: reformArea,
      current: templateOut,
      versions: z.array(
        z.object({
          id: z.uuid(),
          number: z.number().int(),
          shipped: z.boolean(),
          note: z.string(),
          items: z.number().int(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
  abilities: z.object({ manage: z.boolean() }),
});
export const areaParams = z.object({ area: reformArea });
export const templateIn = z.object({
  items: z.array(checklistItemIn).max(100),
  note: text(2000).default(''),
  /** The version the edit started from: when another version was saved meanwhile, 409 (omitted: not checked). */
  basedOn: z.number().int().min(0).max(1_000_000).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Rules

export const inspectionRulesSchema = z.object({
  version: z.string().max(100),
  basis: z.array(bilingual).max(20),
  recommendationWorkingDays: z.number(),
  dueSoonWorkingDays: z.number(),
  selfInspectionCoverage: z.number(),
  signals: z.object({
    dossiersOnTimeBelow: z.number(),
    dossiersMinimum: z.number(),
    planCompletionBelow: z.number(),
    overdueRecommendationsAtLeast: z.number(),
  }),
});
export const ruleVersionOut = z.object({
  id: z.uuid(),
  validFrom: date,
  note: z.string(),
  rules: inspectionRulesSchema,
});
export const rulesOut = z.object({
  currentId: z.uuid(),
  versions: z.array(ruleVersionOut),
  abilities: z.object({ manage: z.boolean() }),
});
export const ruleVersionIn = z.object({
  validFrom: date,
  rules: inspectionRulesSchema,
  note: text(2000).default(''),
});

/** Named response types for the web (it takes them type-only: server/web-contract.test.ts). */
export type PlanListOut = z.infer<typeof planListOut>;
export type ProgressOut = z.infer<typeof progressOut>;
export type InspectionListOut = z.infer<typeof inspectionListOut>;
export type UploadOut = z.infer<typeof uploadOut>;
