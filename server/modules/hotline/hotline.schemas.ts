/**
 * The contract of the hotline's API: the public's (`/api/public/hotline/...`, no session, never personal data)
 * and the staff's (`/api/hotline/...`). The unit's and the reviewer's steps on a case go through the work
 * engine (`/api/work/feedback_case/:id/actions`).
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { workItemOut } from '../work/work.schemas.js';
import { CASE_STATUSES, CLASSIFICATIONS } from './case-rules.js';
import { CHANNELS } from './hotline.table.js';

const date = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });
/** Text a person types: trimmed, no longer than `max`. */
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const channel = z.enum(CHANNELS);
export const caseStatus = z.enum(CASE_STATUSES);
export const classification = z.enum(CLASSIFICATIONS);
export const publicStage = z.enum([
  'received',
  'in_progress',
  'answered',
  'not_accepted',
  'forwarded',
  'merged',
]);

export const categoryOut = z.object({
  id: z.uuid(),
  key: z.string(),
  name: bilingual,
  description: bilingual,
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
});
export type CategoryOut = z.infer<typeof categoryOut>;
export const categoryListOut = z.object({ items: z.array(categoryOut) });
export type CategoryListOut = z.infer<typeof categoryListOut>;

// ---------------------------------------------------------------------------------------------------
// The public

/**
 * The shortest description the public form takes: feedback must state what it is about (Decree 20/2008/NĐ-CP asks
 * that its content be stated clearly [? article not re-checked]); 20 characters is chidao's floor for that — a
 * sentence, not "x" — not a number of the decree. Staff intake takes what the officer writes.
 */
export const PUBLIC_DESCRIPTION_MIN = 20;

/** What a member of the public submits on the public page (a validation problem reads as ./messages.ts says). */
export const publicFeedbackIn = z.object({
  categoryId: z.uuid(),
  /** The unit or place concerned (a commune, a department), picked from the public unit search. */
  subjectUnitId: z.uuid().nullish(),
  place: text(300).default(''),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  title: required(200),
  description: z.string().trim().min(PUBLIC_DESCRIPTION_MIN).max(5000),
  name: text(120).default(''),
  phone: text(30).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  address: text(300).default(''),
  /** Hide the name from the public (it never shows anyway) and from the unit that handles the case. */
  anonymous: z.boolean().default(false),
  /** Send the steps of the case to the e-mail given. */
  follow: z.boolean().default(false),
  /** A client's key: the same key again returns the first case, never a second. */
  idempotencyKey: z.string().trim().min(8).max(100).nullish(),
  captcha: z.object({ token: z.string().min(1).max(2000), nonce: z.string().min(1).max(100) }),
});
export type PublicFeedbackIn = z.infer<typeof publicFeedbackIn>;

export const submittedOut = z.object({
  code: z.string(),
  /** The submitter's key (only in this answer): with the code, it rates, reopens and follows the case. */
  key: z.string(),
  /** The tracking page with the key (also as a QR code: `GET /api/public/hotline/cases/:code/qr.svg?key=`). */
  link: z.string(),
  /** True when this request created the case; false when it repeated an earlier one. */
  created: z.boolean(),
  receivedOn: date,
  /** By when the case will be triaged (classified and sent to a unit, or forwarded). */
  triageDueDate: date,
});

export const trackParams = z.object({ code: z.string().trim().min(1).max(40) });
export const publicFileParams = trackParams.extend({ fileId: z.uuid() });
/** The submitter's key, when the tracking link carries it (rating and reopening need it). */
export const trackQuery = z.object({ key: z.string().trim().max(40).optional() });
const submitterKey = z.string().trim().min(1).max(40);

/** One public step of a case's history (never who did it; transfers and refusals with their reason). */
export const publicStepOut = z.object({
  on: date,
  stage: z.enum([
    'received',
    'triaged',
    'transferred',
    'extended',
    'answered',
    'reopened',
    'rated',
    'merged',
  ]),
  /** What the submitter is told with it (a transfer's reason, a refusal's reason, the agency forwarded to). */
  note: z.string().nullable(),
});

/** A case as anyone with its code sees it — no personal data; the answer only once published. */
export const publicCaseOut = z.object({
  code: z.string(),
  stage: publicStage,
  category: bilingual.nullable(),
  subject: z.string().nullable(),
  title: z.string(),
  /** The description with personal data removed (only once the case is published; else null). */
  description: z.string().nullable(),
  place: z.string(),
  receivedOn: date,
  triageDueDate: date,
  /** The deadline to answer, once a unit handles it. */
  dueDate: date.nullable(),
  handlingUnit: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: date.nullable(),
  /**
   * The files of the published answer the office made public (download: `GET …/cases/:code/files/:id`); a name
   * that names the submitter is replaced by the code and the file's number.
   */
  answerFiles: z.array(z.object({ id: z.uuid(), name: z.string(), size: z.number(), mediaType: z.string() })),
  satisfaction: z.enum(['satisfied', 'not_satisfied']).nullable(),
  /**
   * With the submitter's key only: their rating of the answer published now (their own comment with it), null
   * before they rate it (and without the key).
   */
  rating: z
    .object({
      satisfaction: z.enum(['satisfied', 'not_satisfied']),
      on: date,
      comment: z.string().nullable(),
    })
    .nullable(),
  /** With the key only: whether the case's steps are sent to some e-mail address (never which); null without it. */
  following: z.boolean().nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  steps: z.array(publicStepOut),
  /** A merged case points to the case that carries it. */
  mergedInto: z.string().nullable(),
});
export type PublicCaseOut = z.infer<typeof publicCaseOut>;

export const rateIn = z.object({
  key: submitterKey,
  satisfaction: z.enum(['satisfied', 'not_satisfied']),
  comment: text(1000).nullish(),
});
export const reopenIn = z.object({ key: submitterKey, reason: required(2000) });
export const followIn = z.object({
  key: submitterKey,
  email: z.email().max(200),
});

export const publishedQuery = z.object({
  q: z.string().trim().max(200).optional(),
  categoryId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const publishedListOut = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      category: bilingual.nullable(),
      subject: z.string().nullable(),
      handlingUnit: z.string().nullable(),
      receivedOn: date,
      answeredOn: date.nullable(),
      onTime: z.boolean().nullable(),
      satisfaction: z.enum(['satisfied', 'not_satisfied']).nullable(),
      /** How many files of the answer the public may download (on the case's page). */
      answerFiles: z.number().int(),
    }),
  ),
});

export const publicFormOut = z.object({
  province: z.string(),
  categories: z.array(categoryOut.pick({ id: true, key: true, name: true, description: true })),
  limits: z.object({ files: z.number().int(), fileMegabytes: z.number(), types: z.array(z.string()) }),
  /** Answer deadline in working days, by classification (the public is told what to expect). */
  answerWorkingDays: z.number().int(),
  triageWorkingDays: z.number().int(),
});

// ---------------------------------------------------------------------------------------------------
// Staff

export const staffIntakeIn = z.object({
  channel: channel.exclude(['web', 'open311']),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  categoryId: z.uuid().nullish(),
  subjectUnitId: z.uuid().nullish(),
  place: text(300).default(''),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  title: required(200),
  description: required(10_000),
  name: text(120).default(''),
  phone: text(30).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  address: text(300).default(''),
  anonymous: z.boolean().default(false),
  follow: z.boolean().default(false),
  /** Files uploaded with `POST /api/hotline/uploads` first. */
  fileIds: z.array(z.uuid()).max(10).default([]),
});
export type StaffIntakeIn = z.infer<typeof staffIntakeIn>;

export const caseParams = z.object({ id: z.uuid() });

export const caseListQuery = z.object({
  view: z.enum(['triage', 'open', 'review', 'overdue', 'closed', 'all']).default('open'),
  q: z.string().trim().max(200).optional(),
  categoryId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  channel: channel.optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const timing = z.object({
  state: z.enum(['on_time', 'due_soon', 'overdue', 'closed_on_time', 'closed_late']),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOver: z.number().int().nullable(),
});

export const caseSummaryOut = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  channel,
  status: caseStatus,
  classification: classification.nullable(),
  category: bilingual.nullable(),
  subject: z.string().nullable(),
  handlingUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  receivedOn: date,
  triageDueDate: date,
  dueDate: date.nullable(),
  timing: timing.nullable(),
  satisfaction: z.enum(['satisfied', 'not_satisfied']).nullable(),
  reopened: z.boolean(),
});
export type CaseSummaryOut = z.infer<typeof caseSummaryOut>;

export type CaseListOut = z.infer<typeof caseListOut>;
export const caseListOut = z.object({
  total: z.number().int(),
  counts: z.object({
    triage: z.number().int(),
    open: z.number().int(),
    review: z.number().int(),
    overdue: z.number().int(),
    closed: z.number().int(),
  }),
  items: z.array(caseSummaryOut),
  abilities: z.object({ intake: z.boolean(), settings: z.boolean() }),
});

export const duplicateOut = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: caseStatus,
  receivedOn: date,
  score: z.number(),
  reasons: z.array(z.enum(['text', 'unit', 'category', 'place'])),
});

export const caseDetailOut = caseSummaryOut.extend({
  categoryId: z.uuid().nullable(),
  subjectUnitId: z.uuid().nullable(),
  description: z.string(),
  place: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Personal data: shown to the office; to the handling unit only when the submitter did not ask to stay anonymous. */
  submitter: z
    .object({ name: z.string(), phone: z.string(), email: z.string(), address: z.string() })
    .nullable(),
  anonymous: z.boolean(),
  enteredBy: z.string().nullable(),
  triageNote: z.string(),
  forwardedTo: z.string(),
  answerDraft: z.string(),
  publishedAnswer: z.string().nullable(),
  publishedDescription: z.string().nullable(),
  publishedOn: date.nullable(),
  extensionReason: z.string().nullable(),
  duplicateOf: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  files: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      size: z.number(),
      mediaType: z.string(),
      public: z.boolean(),
    }),
  ),
  /** The case as owed work (the unit's and the reviewer's buttons come from its allowed actions). */
  work: workItemOut.nullable(),
  /** The officer's steps allowed now (triage, transfer, merge). */
  officeActions: z.array(z.enum(['triage', 'transfer', 'merge', 'escalate'])),
  /** Triage help: the unit the routing table suggests, and possible duplicates. */
  suggestion: z.object({ unit: z.object({ id: z.uuid(), name: z.string() }).nullable() }).nullable(),
  duplicates: z.array(duplicateOut),
  escalations: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['verification', 'inspection']),
      reason: z.string(),
      status: z.enum(['proposed', 'taken', 'dismissed']),
      unit: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  version: z.number().int(),
});
export type CaseDetailOut = z.infer<typeof caseDetailOut>;

/** A case just entered by staff, with the receipt to give the person: the code, their key and the link. */
export const intakeOut = caseDetailOut.extend({
  receipt: z.object({ key: z.string(), link: z.string() }),
});
export type IntakeOut = z.infer<typeof intakeOut>;
export const caseFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const triageIn = z.object({
  version: versionField,
  classification,
  categoryId: z.uuid().nullish(),
  handlingUnitId: z.uuid().nullish(),
  /** Not accepted: why (the submitter reads it). */
  reason: text(2000).nullish(),
  /** Outside authority: the agency it is forwarded to. */
  forwardedTo: text(300).nullish(),
});
export const transferIn = z.object({
  version: versionField,
  handlingUnitId: z.uuid(),
  reason: required(2000),
});
export const mergeIn = z.object({ version: versionField, intoId: z.uuid() });
export const escalateIn = z.object({
  kind: z.enum(['verification', 'inspection']),
  reason: required(2000),
  unitId: z.uuid().nullish(),
});

export const uploadOut = z.object({
  id: z.uuid(),
  originalName: z.string(),
  size: z.number(),
  sha256: z.string(),
  mediaType: z.string(),
});

// ---------------------------------------------------------------------------------------------------
// Settings

const slaRules = z.object({
  version: z.string().trim().min(1).max(60),
  basis: z.array(bilingual).min(1).max(10),
  forwardWithinWorkingDays: z.number().int(),
  triageWithinWorkingDays: z.number().int(),
  statusUpdateEveryWorkingDays: z.number().int(),
  answer: z.object({
    default: z.number().int(),
    byClassification: z.partialRecord(classification, z.number().int()).optional(),
    byCategory: z.record(z.string().max(40), z.number().int()).optional(),
  }),
  dueSoonWorkingDays: z.number().int(),
  maxExtensionWorkingDays: z.number().int(),
});

export const settingsOut = z.object({
  categories: z.array(categoryOut),
  routes: z.array(
    z.object({
      id: z.uuid(),
      categoryId: z.uuid(),
      area: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      handlingUnit: z.object({ id: z.uuid(), name: z.string(), ended: z.boolean() }),
      note: z.string(),
    }),
  ),
  rules: z.object({
    currentId: z.uuid(),
    versions: z.array(z.object({ id: z.uuid(), validFrom: date, note: z.string(), rules: slaRules })),
  }),
  abilities: z.object({ manage: z.boolean() }),
});

export const categoryCreateIn = z.object({
  key: z.string().trim().min(2).max(40),
  nameVi: required(120),
  nameEn: required(120),
  descriptionVi: text(500).optional(),
  descriptionEn: text(500).optional(),
});
export const categoryUpdateIn = z.object({
  version: versionField,
  nameVi: required(120).optional(),
  nameEn: required(120).optional(),
  descriptionVi: text(500).optional(),
  descriptionEn: text(500).optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export const routeCreateIn = z.object({
  categoryId: z.uuid(),
  areaUnitId: z.uuid().nullish(),
  handlingUnitId: z.uuid(),
  note: text(300).optional(),
});
export const ruleVersionIn = z.object({ validFrom: date, rules: slaRules, note: text(500).optional() });
export const ruleVersionOut = z.object({ id: z.uuid(), validFrom: date, note: z.string(), rules: slaRules });

export type UploadOut = z.infer<typeof uploadOut>;
