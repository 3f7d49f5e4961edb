/**
 * Fixtures for the survey tests (and the bench): a survey made straight in the tables from a shipped template —
 * its version (published or not), a target per unit with its public code, invitations with their tokens — and
 * answers that fit any definition. Not for the application's own use: the office's services make surveys with
 * their checks, journal and versions; this only writes what a test needs to start from, so that a test of the
 * public form does not depend on the office's routes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../core/dates.js';
import { rows, type Db } from '../../db/client.js';
import { shippedSurvey, type ShippedSurveyKey } from './data/index.js';
import { invitationTokenHash } from './public.service.js';
import { definitionHash, evaluateCondition, type NormalisedAnswers } from './rules/answers.js';
import { flattenItems, resolveScale, type SurveyDefinition } from './rules/definition.js';
import type { IndexConfig } from './rules/indices.js';
import {
  surveyInvitations,
  surveys,
  surveyTargets,
  surveyVersions,
  type SurveyKind,
  type SurveyStatus,
  type TargetGroup,
} from './surveys.table.js';

/** The hash a version is stored with: SHA-256 (hex) of the definition's canonical JSON. */
export const surveyDefinitionSha256 = (def: SurveyDefinition) =>
  createHash('sha256').update(definitionHash(def)).digest('hex');

/** A one-time invitation token as a link carries it (32 random bytes, base64url: 43 characters). */
export const newInvitationToken = () => randomBytes(32).toString('base64url');

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A QR poster's public code for tests: "KS" and 10 Crockford characters. */
export const newTestPublicCode = () => `KS${[...randomBytes(10)].map((b) => CODE_ALPHABET[b % 32]).join('')}`;

export type TestSurveyOptions = {
  /** The shipped template whose definition and index configs the first version takes (default: SIPAS). */
  template?: ShippedSurveyKey;
  status?: SurveyStatus;
  anonymous?: boolean;
  opensOn?: string | null;
  closesOn?: string | null;
  year?: number;
  title?: string;
  intro?: string;
  /** Default: the first province in force (one is made when the database has none). */
  provinceId?: string;
  /** The units targeted (default: two units under the province, made when it has none). */
  unitIds?: string[];
  targetGroup?: TargetGroup;
  /** Whether the first version is published (default: unless the survey is a draft). */
  published?: boolean;
  /** Invitations made for the first target (their tokens are returned; only hashes are stored). */
  invitations?: number;
};

export type TestSurvey = {
  surveyId: string;
  provinceId: string;
  version: { id: string; number: number; hash: string; definition: SurveyDefinition };
  targets: { id: string; unitId: string; publicCode: string; targetGroup: TargetGroup }[];
  invitations: { id: string; token: string; targetId: string }[];
};

const KIND_OF: Record<ShippedSurveyKey, SurveyKind> = {
  sipas: 'satisfaction',
  'ddci-department': 'business',
  'par-survey': 'par_index',
};

/**
 * The province and units a test survey targets: the database's own (the first province in force and two of its
 * departments), or made for it in a database without them. Raw SQL: the units module's tables are its own.
 */
async function placesFor(
  db: Db,
  options: TestSurveyOptions,
): Promise<{ provinceId: string; unitIds: string[] }> {
  const unit = async (name: string, fullName: string, kind: string, parentId: string | null) =>
    (
      await rows<{ id: string }>(
        db,
        sql`INSERT INTO units (code, name, full_name, kind, parent_id, valid_from)
            VALUES (${`T${randomBytes(4).toString('hex')}`}, ${name}, ${fullName}, ${kind}, ${parentId}::uuid,
                    '2025-07-01')
            RETURNING id`,
      )
    )[0]!.id;
  let provinceId = options.provinceId;
  if (!provinceId) {
    const [province] = await rows<{ id: string }>(
      db,
      sql`SELECT id FROM units WHERE kind = 'province' AND valid_to IS NULL ORDER BY code LIMIT 1`,
    );
    provinceId = province?.id ?? (await unit('Thử nghiệm', 'Tỉnh Thử nghiệm', 'province', null));
  }
  if (options.unitIds?.length) return { provinceId, unitIds: options.unitIds };
  const under = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM units
         WHERE parent_id = ${provinceId}::uuid AND kind = 'department' AND valid_to IS NULL
         ORDER BY code LIMIT 2`,
  );
  if (under.length >= 2) return { provinceId, unitIds: under.map((u) => u.id) };
  const made: string[] = [];
  for (const name of ['Sở Thử nghiệm Một', 'Sở Thử nghiệm Hai'])
    made.push(await unit(name, `${name} tỉnh Thử nghiệm`, 'department', provinceId));
  return { provinceId, unitIds: made };
}

/**
 * A survey written straight into the tables: the survey, its first version from a shipped template (published
 * unless asked otherwise or a draft), a target per unit with a public code, and `invitations` one-time links for
 * the first target.
 */
export async function createTestSurvey(db: Db, options: TestSurveyOptions = {}): Promise<TestSurvey> {
  const template = shippedSurvey(options.template ?? 'sipas');
  if (!template) throw new Error(`no shipped survey ${options.template}`);
  const status = options.status ?? 'open';
  const { provinceId, unitIds } = await placesFor(db, options);
  const [survey] = await db
    .insert(surveys)
    .values({
      provinceId,
      kind: KIND_OF[template.key],
      year: options.year ?? Number(todayInVietnam().slice(0, 4)),
      title: options.title ?? template.title.vi,
      intro: options.intro ?? template.definition.intro?.vi ?? '',
      status,
      anonymous: options.anonymous ?? true,
      opensOn: options.opensOn ?? null,
      closesOn: options.closesOn ?? null,
    })
    .returning({ id: surveys.id });
  const surveyId = survey!.id;
  const version = await addTestVersion(db, surveyId, template.definition, {
    published: options.published ?? status !== 'draft',
    indices: template.indices,
    templateKey: template.key,
  });
  const group = options.targetGroup ?? 'citizen';
  const targets = await db
    .insert(surveyTargets)
    .values(
      unitIds.map((unitId) => ({
        surveyId,
        unitId,
        targetGroup: group,
        population: 1000,
        quota: 278,
        publicCode: newTestPublicCode(),
      })),
    )
    .returning({
      id: surveyTargets.id,
      unitId: surveyTargets.unitId,
      publicCode: surveyTargets.publicCode,
      targetGroup: surveyTargets.targetGroup,
    });
  const invitations = await addTestInvitations(db, surveyId, targets[0]!.id, options.invitations ?? 0);
  return { surveyId, provinceId, version, targets, invitations };
}

/** The next version of a survey with this definition (published now, or a draft). */
export async function addTestVersion(
  db: Db,
  surveyId: string,
  definition: SurveyDefinition,
  options: { published?: boolean; indices?: IndexConfig[]; templateKey?: string | null } = {},
): Promise<TestSurvey['version']> {
  const [last] = await rows<{ n: number }>(
    db,
    sql`SELECT coalesce(max(number), 0)::int AS n FROM survey_versions WHERE survey_id = ${surveyId}::uuid`,
  );
  const hash = surveyDefinitionSha256(definition);
  const [row] = await db
    .insert(surveyVersions)
    .values({
      surveyId,
      number: (last?.n ?? 0) + 1,
      definition,
      indices: options.indices ?? [],
      definitionHash: hash,
      templateKey: options.templateKey ?? null,
      publishedAt: options.published === false ? null : new Date(),
    })
    .returning({ id: surveyVersions.id, number: surveyVersions.number });
  return { id: row!.id, number: row!.number, hash, definition };
}

/** `count` invitations for a target, each with its token (only its hash is stored); written 1,000 at a time. */
export async function addTestInvitations(db: Db, surveyId: string, targetId: string, count: number) {
  const tokens = Array.from({ length: Math.max(0, count) }, newInvitationToken);
  const ids = new Map<string, string>();
  for (let from = 0; from < tokens.length; from += 1000) {
    const made = await db
      .insert(surveyInvitations)
      .values(
        tokens.slice(from, from + 1000).map((token, i) => ({
          surveyId,
          targetId,
          tokenHash: invitationTokenHash(token),
          address: `nguoi.duoc.moi.${from + i + 1}@example.vn`,
          name: `Người được mời ${from + i + 1}`,
          sentAt: new Date(),
        })),
      )
      .returning({ id: surveyInvitations.id, tokenHash: surveyInvitations.tokenHash });
    for (const m of made) ids.set(m.tokenHash, m.id);
  }
  return tokens.map((token) => ({ id: ids.get(invitationTokenHash(token))!, token, targetId }));
}

/** A deterministic random source (mulberry32), so that generated answers are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers that fit a definition, as a respondent would give them: every item its conditions show, in document
 * order (so later conditions read earlier answers), a choice, a scale point (1..5), a number within its limits;
 * optional text left out. `normaliseAnswers` accepts them as they are.
 */
export function sampleAnswers(def: SurveyDefinition, random: () => number = Math.random): NormalisedAnswers {
  const answers: NormalisedAnswers = {};
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const point = () => (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5;
  for (const { item } of flattenItems(def)) {
    if (item.showIf && !evaluateCondition(item.showIf, answers)) continue;
    switch (item.kind) {
      case 'single':
        answers[item.code] = pick(item.choices).code;
        break;
      case 'multiple': {
        const plain = item.choices.filter((c) => !c.exclusive);
        const want = Math.max(1, Math.min(item.minSelections ?? 1, plain.length));
        const chosen = new Set<string>();
        while (chosen.size < want) chosen.add(pick(plain).code);
        answers[item.code] = item.choices.filter((c) => chosen.has(c.code)).map((c) => c.code);
        break;
      }
      case 'likert5':
        if (resolveScale(def, item.scale)) answers[item.code] = point();
        break;
      case 'matrix':
        answers[item.code] = Object.fromEntries(item.rows.map((r) => [r.code, point()]));
        break;
      case 'number': {
        const min = item.min ?? 0;
        const max = item.max ?? min + 10;
        answers[item.code] = min + Math.floor(random() * (max - min + 1));
        break;
      }
      case 'text':
        if (item.required) answers[item.code] = 'Ý kiến thử nghiệm';
        break;
    }
  }
  return answers;
}
