/**
 * The contract of the surveys' API (issue 17): the office's (`/api/surveys…`, ./surveys.routes.ts) and the
 * public's (`/api/public/surveys…`, ./public.routes.ts: no session, never personal data). The web app and the
 * public form import these types (type-only), so the two sides cannot drift.
 *
 * A definition and its index configs travel as data and are checked by the pure rules (./rules: `checkDefinition`,
 * `checkIndexConfig`, `normaliseAnswers`), whose problems come back as a 400 with every problem's path and
 * message in both languages — Zod only checks the envelope.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import type { SurveyDefinition } from './rules/definition.js';
import type { IndexConfig } from './rules/indices.js';
import { RESPONSE_CHANNELS, SURVEY_KINDS, SURVEY_STATUSES, TARGET_GROUPS } from './surveys.table.js';

export { RESPONSE_CHANNELS, SURVEY_KINDS, SURVEY_STATUSES, TARGET_GROUPS };

const isoDate = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });
export const yearField = z.number().int().min(2000).max(2100);
export const surveyKind = z.enum(SURVEY_KINDS);
export const surveyStatus = z.enum(SURVEY_STATUSES);
export const targetGroup = z.enum(TARGET_GROUPS);
export const responseChannel = z.enum(RESPONSE_CHANNELS);

/** A questionnaire as data (./rules/definition.ts), checked by `checkDefinition`, not by Zod. */
export const definitionField = z.custom<SurveyDefinition>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  { message: 'definition must be an object' },
);
/** Index formulas as data (./rules/indices.ts), checked by `checkIndexConfig`. */
export const indicesField = z
  .array(z.custom<IndexConfig>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)))
  .max(20);

/** A problem of a definition, an index config or a response, where it is and what is wrong (both languages). */
export const problemOut = z.object({
  at: z.string(),
  problem: z.string(),
  message: bilingual,
  item: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------------
// Templates

export const templateOut = z.object({
  key: z.string(),
  kind: surveyKind,
  title: bilingual,
  legalBasis: z.string(),
  /** false: the wording is "dựa theo" its source, not its confirmed text (the page says so). */
  confirmed: z.boolean(),
  sections: z.number().int(),
  items: z.number().int(),
  /** The PAR Index criteria its indices can score ("3.6.1"…), if any. */
  parCriteria: z.array(z.string()),
});
export const templateListOut = z.object({ items: z.array(templateOut) });
export type TemplateListOut = z.infer<typeof templateListOut>;
export type TemplateOut = z.infer<typeof templateOut>;

// ---------------------------------------------------------------------------------------------------
// Surveys

export const surveyListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: surveyStatus.optional(),
});

export const surveyCreateIn = z
  .object({
    /** A shipped template (./data) or an earlier survey of the province to copy (its latest version, its targets). */
    templateKey: z.string().trim().min(1).max(60).optional(),
    copyOf: z.uuid().optional(),
    year: yearField,
    title: z.string().trim().min(1).max(300).optional(),
    anonymous: z.boolean().default(true),
    opensOn: isoDate.nullable().default(null),
    closesOn: isoDate.nullable().default(null),
    /** The PAR Index year whose survey criteria this survey scores (null: none). */
    parYear: yearField.nullable().default(null),
  })
  .refine((x) => !!x.templateKey !== !!x.copyOf, { message: 'templateKey or copyOf, exactly one' });

export const surveyUpdateIn = z.object({
  version: versionField,
  title: z.string().trim().min(1).max(300),
  intro: z.string().trim().max(4000).default(''),
  anonymous: z.boolean(),
  opensOn: isoDate.nullable(),
  closesOn: isoDate.nullable(),
  parYear: yearField.nullable(),
  note: z.string().trim().max(4000).default(''),
});

/** A new definition (and index configs): a draft version is changed; a published one makes the next version. */
export const definitionIn = z.object({
  version: versionField,
  definition: definitionField,
  indices: indicesField.optional(),
});

export const statusChangeIn = z.object({ version: versionField });

export const targetIn = z.object({
  unitId: z.uuid(),
  targetGroup,
  /** People served in the period (dossiers received, businesses…); the quota defaults to the sample size. */
  population: z.number().int().min(0).max(100_000_000).nullable().default(null),
  quota: z.number().int().min(0).max(1_000_000).nullable().default(null),
});
export const targetsIn = z.object({
  version: versionField,
  targets: z.array(targetIn).max(500),
  /** The margin of error for the sample size (n = N / (1 + N·e²)); 5% by default. */
  margin: z.number().min(0.01).max(0.2).default(0.05),
});

/** The sample-size helper: n for a population at a margin (no survey needed). */
export const sampleSizeQuery = z.object({
  population: z.coerce.number().int().min(0).max(100_000_000),
  margin: z.coerce.number().min(0.01).max(0.2).default(0.05),
});
export const sampleSizeOut = z.object({ population: z.number(), margin: z.number(), sampleSize: z.number() });
export type SampleSizeOut = z.infer<typeof sampleSizeOut>;

const versionOut = z.object({
  id: z.uuid(),
  number: z.number().int(),
  definition: definitionField,
  indices: indicesField,
  hash: z.string(),
  templateKey: z.string().nullable(),
  publishedAt: z.string().nullable(),
  responses: z.number().int(),
});

export const targetOut = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  targetGroup,
  population: z.number().nullable(),
  quota: z.number().int(),
  /** Responses received for it (all channels). */
  responses: z.number().int(),
  /** Responses ÷ quota (0..1+), null without a quota. */
  progress: z.number().nullable(),
  publicCode: z.string(),
  /** The link of its QR poster (absolute when the public URL is configured). */
  publicUrl: z.string(),
  invitations: z.object({ sent: z.number().int(), used: z.number().int() }),
});
export type TargetOut = z.infer<typeof targetOut>;

export const surveySummaryOut = z.object({
  id: z.uuid(),
  kind: surveyKind,
  year: z.number().int(),
  title: z.string(),
  status: surveyStatus,
  anonymous: z.boolean(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  parYear: z.number().int().nullable(),
  targets: z.number().int(),
  quota: z.number().int(),
  responses: z.number().int(),
});
export type SurveySummaryOut = z.infer<typeof surveySummaryOut>;
export const surveyListOut = z.object({
  items: z.array(surveySummaryOut),
  abilities: z.object({ create: z.boolean() }),
});
export type SurveyListOut = z.infer<typeof surveyListOut>;

export const surveyDetailOut = surveySummaryOut.extend({
  intro: z.string(),
  note: z.string(),
  /** The row's version for optimistic concurrency (409 when stale). */
  version: z.number().int(),
  province: z.object({ id: z.uuid(), name: z.string() }),
  current: versionOut,
  versions: z.array(
    versionOut.pick({ id: true, number: true, publishedAt: true, responses: true, hash: true }),
  ),
  targetList: z.array(targetOut),
  /** Problems of the current definition and index configs (empty when it can be opened). */
  problems: z.array(problemOut),
  /** What the form tells respondents is and is not recorded (both languages), from the survey's settings. */
  recorded: bilingual,
  abilities: z.object({
    edit: z.boolean(),
    editDefinition: z.boolean(),
    manageTargets: z.boolean(),
    open: z.boolean(),
    close: z.boolean(),
    invite: z.boolean(),
    results: z.boolean(),
    export: z.boolean(),
  }),
});
export type SurveyDetailOut = z.infer<typeof surveyDetailOut>;

// ---------------------------------------------------------------------------------------------------
// Invitations

/**
 * A personal link to send by Zalo or SMS to a respondent without e-mail: shown once, in the answer that made it —
 * only the token's hash is stored, so it cannot be shown again (a fresh one replaces it: `…/invitations/links`).
 */
export const invitationLinkOut = z.object({
  /** The row of the imported list (in a re-issue: the position in the list given back). */
  row: z.number().int(),
  unit: z.string(),
  group: targetGroup,
  name: z.string(),
  /** The phone number as kept (10 digits, 0…). */
  phone: z.string(),
  url: z.string(),
});
export type InvitationLinkOut = z.infer<typeof invitationLinkOut>;

/**
 * The result of importing a respondent list (XLSX: one row per person: unit, group, name, and an e-mail or a phone
 * for Zalo/SMS).
 */
export const invitationImportOut = z.object({
  /** Rows read, invitations created, mailed, rows already invited (same address or phone and target: idempotent). */
  rows: z.number().int(),
  created: z.number().int(),
  alreadyInvited: z.number().int(),
  sent: z.number().int(),
  /** The links of the new phone-only invitations, given this once (empty when none). */
  links: z.array(invitationLinkOut),
});
export type InvitationImportOut = z.infer<typeof invitationImportOut>;
/** A fresh link for each phone-only invitation not used yet; the earlier links stop working (`notice` says so). */
export const invitationLinksOut = z.object({
  links: z.array(invitationLinkOut),
  notice: bilingual,
});
export type InvitationLinksOut = z.infer<typeof invitationLinksOut>;
export const remindOut = z.object({ reminded: z.number().int() });
export type RemindOut = z.infer<typeof remindOut>;

// ---------------------------------------------------------------------------------------------------
// Results

export const resultsQuery = z.object({
  /** The comparison: by unit (default), channel, month, or one group for the whole survey. */
  by: z.enum(['unit', 'channel', 'month', 'all']).default('unit'),
  config: z.string().trim().max(60).optional(),
  unitId: z.uuid().optional(),
  channel: responseChannel.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const estimateOut = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
export const resultCellOut = z.object({
  index: z.string(),
  name: bilingual,
  /** 0..100 (share × 100, or mean × 20), null when suppressed or without answers. */
  value: z.number().nullable(),
  interval: estimateOut.nullable(),
  respondents: z.number().int(),
  suppressed: z.boolean(),
});
export const resultGroupOut = z.object({
  /** The unit's id, the channel, the month (YYYY-MM) or null for all. */
  key: z.string().nullable(),
  label: bilingual,
  responses: z.number().int(),
  suppressed: z.boolean(),
  cells: z.array(resultCellOut),
});
export const itemDistributionOut = z.object({
  code: z.string(),
  text: bilingual,
  kind: z.string(),
  /** Answers per choice or scale point ("1".."5", "na", choice codes), null counts when suppressed. */
  counts: z.array(z.object({ value: z.string(), label: bilingual, count: z.number().int() })),
  answered: z.number().int(),
  mean: z.number().nullable(),
});
export const resultsOut = z.object({
  config: z.object({ key: z.string(), name: bilingual }),
  configs: z.array(z.object({ key: z.string(), name: bilingual })),
  by: z.enum(['unit', 'channel', 'month', 'all']),
  minGroupSize: z.number().int(),
  total: resultGroupOut,
  groups: z.array(resultGroupOut),
  /** Distributions over the filtered responses (suppressed below the minimum group size). */
  items: z.array(itemDistributionOut),
  flags: z.object({
    identical_answers: z.number().int(),
    straight_lining: z.number().int(),
    too_fast: z.number().int(),
  }),
});
export type ResultsOut = z.infer<typeof resultsOut>;

export const flagsOut = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['identical_answers', 'straight_lining', 'too_fast']),
      responses: z.number().int(),
      unit: z.string(),
      channel: responseChannel,
      day: z.string(),
      message: bilingual,
    }),
  ),
});
export type FlagsOut = z.infer<typeof flagsOut>;

// ---------------------------------------------------------------------------------------------------
// The public form

/** What a form is opened by: a unit's QR code (`code`) or a personal one-time link (`token`). */
export const publicFormParams = z.object({ code: z.string().trim().min(4).max(40) });
export const publicInvitationParams = z.object({ token: z.string().trim().min(16).max(100) });

export const publicFormOut = z.object({
  survey: z.object({
    title: z.string(),
    intro: z.string(),
    anonymous: z.boolean(),
    closesOn: z.string().nullable(),
    province: z.string(),
  }),
  unit: z.object({ name: z.string() }),
  targetGroup,
  channel: responseChannel,
  version: z.object({ id: z.uuid(), hash: z.string(), definition: definitionField }),
  /** What is and is not recorded, said plainly on the form (both languages). */
  recorded: bilingual,
  /** A QR form asks for the proof-of-work captcha; an invitation's token is its own proof. */
  captchaRequired: z.boolean(),
});
export type PublicFormOut = z.infer<typeof publicFormOut>;

export const publicResponseIn = z
  .object({
    code: z.string().trim().min(4).max(40).optional(),
    token: z.string().trim().min(16).max(100).optional(),
    versionId: z.uuid(),
    /** The hash of the definition the form was given: a changed or tampered form is refused (409). */
    hash: z.string().trim().min(16).max(128),
    /** A random key made when the form started: a resubmission returns the first answer, never a second. */
    clientKey: z.string().trim().min(16).max(64),
    answers: z.record(z.string(), z.unknown()),
    /** Minutes the form took (rounded; too-fast answers are flagged, not refused). */
    minutes: z.number().int().min(0).max(10_000).nullable().default(null),
    captcha: z.object({ token: z.string().max(2000), nonce: z.string().max(200) }).optional(),
  })
  .refine((x) => !!x.code !== !!x.token, { message: 'code or token, exactly one' });

export const publicResponseOut = z.object({
  /** true: stored now; false: the same client key was stored before (nothing counted twice). */
  created: z.boolean(),
  /** Hidden answers the form should not have sent (conditions): dropped, and said so. */
  dropped: z.array(z.string()),
  thanks: bilingual,
});
export type PublicResponseOut = z.infer<typeof publicResponseOut>;

export const postersOut = z.object({
  survey: z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), province: z.string() }),
  items: z.array(
    z.object({
      targetId: z.uuid(),
      unit: z.string(),
      targetGroup,
      url: z.string(),
      /** The QR code as an SVG document (hotline/qr.ts). */
      svg: z.string(),
    }),
  ),
});
export type PostersOut = z.infer<typeof postersOut>;
