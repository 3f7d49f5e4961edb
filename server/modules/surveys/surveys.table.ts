import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Satisfaction and governance surveys (issue 17; domain notes §4: SIPAS, DDCI, the PAR Index's sociological
 * survey). Foreign keys and checks are in the `surveys_constraints` part of the migration. See ./README.md.
 *
 * - A **survey** is one run of a questionnaire in a province (SIPAS 2026 at the one-stop counters, say): its kind,
 *   its period, whether it is **anonymous** (the default, and what the form promises), its status.
 * - A **version** is the questionnaire as data (./rules/definition.ts) with its index formulas: answers name the
 *   version they were given on, and its hash refuses a tampered or outdated form.
 * - A **target** is a unit and a group of respondents (citizens, businesses, officials, deputies) with its
 *   population and quota, and the public code of its QR poster.
 * - An **invitation** is a personal one-time link sent to a respondent of an imported list: only its hash is kept,
 *   and in an anonymous survey it records that it was used — never when, never by which response.
 * - A **response** holds the answers only: the target, the channel, the day (coarsened, Vietnam's), the version,
 *   duplicate-pattern flags for the officer. No account, no address, no invitation, no exact time is stored with
 *   it in an anonymous survey (tests prove it on the stored rows); `respondent_ref` exists for surveys that say
 *   plainly they are not anonymous (e.g. officials answering as themselves) and stays empty otherwise.
 */

/** The shipped templates' kinds (./data/index.ts: SIPAS-like, DDCI-like, the PAR Index's survey) and the office's own. */
export const SURVEY_KINDS = ['satisfaction', 'business', 'par_index', 'custom'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const TARGET_GROUPS = ['citizen', 'business', 'official', 'deputy'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const RESPONSE_CHANNELS = ['qr', 'invitation', 'link'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    kind: text('kind').$type<SurveyKind>().notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** What the respondents read before they start (who asks, why, what is and is not recorded). */
    intro: text('intro').notNull().default(''),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    anonymous: boolean('anonymous').notNull().default(true),
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }),
    /** The PAR Index campaign year whose survey criteria this survey's indices feed (null: none). */
    parYear: integer('par_year'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('surveys_province_year_idx').on(t.provinceId, t.year)],
);

export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    number: integer('number').notNull(),
    /** The questionnaire (./rules/definition.ts) and the index formulas (./rules/indices.ts), as data. */
    definition: jsonb('definition').notNull(),
    indices: jsonb('indices')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** SHA-256 of the definition's canonical form: the form sends it back with the answers. */
    definitionHash: text('definition_hash').notNull(),
    /** The shipped template it came from (./data), if any. */
    templateKey: text('template_key'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('survey_versions_number_uq').on(t.surveyId, t.number)],
);

export const surveyTargets = pgTable(
  'survey_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    targetGroup: text('target_group').$type<TargetGroup>().notNull(),
    /** People served in the period (dossiers received, businesses…): the sample size is drawn from it. */
    population: integer('population'),
    quota: integer('quota').notNull().default(0),
    /** The public code in the unit's QR poster link (not a secret: open answers are held by the captcha). */
    publicCode: text('public_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_targets_unit_group_uq').on(t.surveyId, t.unitId, t.targetGroup),
    uniqueIndex('survey_targets_public_code_uq').on(t.publicCode),
  ],
);

export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    targetId: uuid('target_id').notNull(),
    /** SHA-256 of the one-time token in the link (the token itself is only in the message sent). */
    tokenHash: text('token_hash').notNull(),
    /** Where it was sent (e-mail), erased when the survey closes. */
    address: text('address'),
    name: text('name').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    reminders: integer('reminders').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    /** Used once: that is all an anonymous survey records of it (not when, not which response). */
    used: boolean('used').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_uq').on(t.tokenHash),
    index('survey_invitations_target_idx').on(t.targetId),
  ],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    versionId: uuid('version_id').notNull(),
    targetId: uuid('target_id').notNull(),
    channel: text('channel').$type<ResponseChannel>().notNull(),
    /** The day it arrived, in Vietnam (coarsened: no hour, minute or second is kept). */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').notNull(),
    /**
     * A random key the form makes when it starts: a resubmission after a dropped connection returns the first
     * response instead of counting twice. It names no one.
     */
    clientKey: text('client_key').notNull(),
    /** How long the form took, rounded to the minute (too-fast answers are flagged, never dropped). */
    minutes: integer('minutes'),
    /** Duplicate-pattern flags for the officer (./rules/duplicates.ts). */
    flags: jsonb('flags')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Only in a survey that says it is not anonymous: who answered (an account id). */
    respondentRef: uuid('respondent_ref'),
  },
  (t) => [
    uniqueIndex('survey_responses_client_key_uq').on(t.surveyId, t.clientKey),
    index('survey_responses_target_idx').on(t.targetId),
  ],
);
