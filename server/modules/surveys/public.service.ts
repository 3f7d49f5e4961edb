/**
 * The public survey form (issue 17): what a QR poster's code or a personal invitation link opens, and the answers
 * sent back. No session, never personal data: the form gets the survey's wording, the unit's name and the version
 * it is answered on; a response is stored as answers only (./response-writer.ts), and nothing here is journaled —
 * a journal entry per response would keep the time and the address that the form promises not to keep.
 *
 * The answers are checked in this order, each step refusing with its own message (both languages):
 * 1. the target (by the poster's code) or the invitation (by the SHA-256 of its token) — 404;
 * 2. the survey open today in Vietnam (status open, within opens_on … closes_on) — 410, saying since or until when;
 * 3. the version: this survey's, **published**, with the hash the form was given — else 409 "the form has changed".
 *    An earlier published version is still accepted (its hash matches its own definition): a respondent who
 *    opened the form before the office published the next version is not made to start again, and the answers
 *    say which version they were given on. A draft, another survey's version or a changed hash is refused;
 * 4. the answers (`normaliseAnswers`): unknown codes, values outside the scale or the choices, a skipped required
 *    item — 400 with each problem; answers to items the conditions hide are dropped, and said so (`dropped`);
 * 5. the client key: an answer with the same key already stored (or on its way) answers 200 `created: false`,
 *    never refused nor counted twice — a retry after a lost connection. Through an invitation this is checked before
 *    the token is spent (with the invitation's own read). Through a QR code it is found when the captcha fails (a
 *    retrying browser resends the captcha it spent) and by the writer otherwise (a fresh captcha is then spent, a
 *    harmless cost), so that the busy path reads nothing per answer;
 * 6. a QR answer spends a solved captcha (../captcha); an invitation's token is consumed in a statement of its own
 *    (`used = false → true`, atomically), and a token already used is refused — 409;
 * 7. the response is stored in a shuffled batch; the answer is sent once it is committed (201).
 *
 * A QR code's target and survey and a version's facts are read at most once a second (`forASecond`): a survey the
 * office closes stops taking QR answers within that second.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError } from '../../core/errors.js';
import { rows, type Db } from '../../db/client.js';
import { consumeCaptcha } from '../captcha/captcha.service.js';
import { unitDisplayName } from '../units/units.service.js';
import { PUBLIC_SURVEY_MESSAGES } from './public.messages.js';
import { pendingResponse, queueResponse } from './response-writer.js';
import { coarsenTimestamp, recordedNotice } from './rules/anonymity.js';
import { normaliseAnswers } from './rules/answers.js';
import type { SurveyDefinition } from './rules/definition.js';
import type { PublicFormOut, PublicResponseOut, publicResponseIn } from './surveys.schemas.js';
import type { ResponseChannel, SurveyStatus, TargetGroup } from './surveys.table.js';

export type PublicResponseIn = z.infer<typeof publicResponseIn>;

/** What an invitation's token is stored as: its SHA-256 (hex). The token itself is only in the message sent. */
export const invitationTokenHash = (token: string) => createHash('sha256').update(token.trim()).digest('hex');

/** What a form is opened by. */
export type FormKey = { code: string } | { token: string };

type SurveyState = { status: SurveyStatus; opensOn: string | null; closesOn: string | null };

/**
 * Why a survey takes no answers today (Vietnam's day), as the error to send; null when it is open. A draft or a
 * survey before its first day says when it opens (if known); a closed one or one past its last day, when it ended.
 */
export function notOpenError(s: SurveyState, today: string): AppError | null {
  const gone = (key: 'survey.public.closed' | 'survey.public.closed_on', params = {}) =>
    new AppError(410, 'SURVEY_NOT_OPEN', key, params);
  if (s.status === 'closed')
    return s.closesOn && s.closesOn <= today
      ? gone('survey.public.closed_on', { to: s.closesOn })
      : gone('survey.public.closed');
  if (s.closesOn && today > s.closesOn) return gone('survey.public.closed_on', { to: s.closesOn });
  if (s.opensOn && today < s.opensOn)
    return new AppError(410, 'SURVEY_NOT_OPEN', 'survey.public.opens_on', { from: s.opensOn });
  if (s.status !== 'open') return new AppError(410, 'SURVEY_NOT_OPEN', 'survey.public.not_open');
  return null;
}

const notFound = (key: FormKey) =>
  new AppError(
    404,
    'NOT_FOUND',
    'code' in key ? 'survey.public.form_not_found' : 'survey.public.invitation_not_found',
  );
const formChanged = () => new AppError(409, 'FORM_CHANGED', 'survey.public.form_changed');
const invitationUsed = () => new AppError(409, 'INVITATION_USED', 'survey.public.invitation_used');

/** The row an answer is checked against: the target, its survey and (through a link) the invitation's state. */
type Opened = {
  target_id: string;
  target_group: TargetGroup;
  survey_id: string;
  status: SurveyStatus;
  opens_on: string | null;
  closes_on: string | null;
  anonymous: boolean;
  used: boolean | null;
};
/** What the form shows besides: the survey's wording, the unit's and the province's names. */
type Shown = {
  title: string;
  intro: string;
  unit_kind: string;
  unit_name: string;
  unit_full_name: string;
  province: string | null;
};

/**
 * The target (by code) or invitation (by token hash) with its survey — with what the form shows when `shown` —
 * plus the caller's columns (`columns`) from the caller's joins (`joins`). One statement; an answer's (the busy
 * path) joins no units.
 */
async function opened<T extends object>(
  db: Db,
  key: FormKey,
  shown: boolean,
  columns: SQL = sql``,
  joins: SQL = sql``,
) {
  const place = shown
    ? sql`JOIN units u ON u.id = t.unit_id LEFT JOIN units p ON p.id = s.province_id ${joins}`
    : joins;
  const from =
    'code' in key
      ? sql`FROM survey_targets t JOIN surveys s ON s.id = t.survey_id ${place} WHERE t.public_code = ${key.code}`
      : sql`FROM survey_invitations i JOIN survey_targets t ON t.id = i.target_id
              JOIN surveys s ON s.id = t.survey_id ${place}
             WHERE i.token_hash = ${invitationTokenHash(key.token)}`;
  const [row] = await rows<Opened & T>(
    db,
    sql`SELECT t.id AS target_id, t.target_group, s.id AS survey_id, s.status, s.opens_on::text AS opens_on,
               s.closes_on::text AS closes_on, s.anonymous,
               ${'code' in key ? sql`NULL::boolean` : sql`i.used`} AS used
               ${shown ? sql`, s.title, s.intro, u.kind AS unit_kind, u.name AS unit_name, u.full_name AS unit_full_name, p.full_name AS province` : sql``}
               ${columns}
          ${from}`,
  );
  return row;
}

/**
 * What an answer through a QR code is checked against — the code's target and survey, the version's survey, hash
 * and publication — kept for a second per database handle, so that a busy second reads each once rather than once
 * an answer (as the hotline's intake does). A survey closed, or a version published, is seen within that second.
 */
const CHECKS_TTL_MS = 1000;
const checks = new WeakMap<Db, Map<string, { at: number; value: Promise<unknown> }>>();

function forASecond<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let map = checks.get(db);
  if (!map) checks.set(db, (map = new Map()));
  const now = Date.now();
  const hit = map.get(key);
  if (hit && now - hit.at < CHECKS_TTL_MS) return hit.value as Promise<T>;
  if (map.size >= 1000) map.clear();
  const value = load();
  map.set(key, { at: now, value });
  // A failed read is not kept.
  value.catch(() => map.delete(key));
  return value;
}

/**
 * Definitions of published versions, by version and hash: a published version does not change (the next one is a
 * new row), and the hash names its content, so a cached definition is never stale. A busy morning at the counters
 * then does not parse the same 30 kB of JSON for every answer.
 */
const definitions = new Map<string, SurveyDefinition>();
const MAX_CACHED_DEFINITIONS = 64;

async function definitionOf(db: Db, versionId: string, hash: string): Promise<SurveyDefinition> {
  const key = `${versionId}:${hash}`;
  const hit = definitions.get(key);
  if (hit) return hit;
  const [row] = await rows<{ definition: SurveyDefinition }>(
    db,
    sql`SELECT definition FROM survey_versions WHERE id = ${versionId}::uuid AND definition_hash = ${hash}`,
  );
  if (!row) throw formChanged();
  if (definitions.size >= MAX_CACHED_DEFINITIONS) definitions.delete(definitions.keys().next().value!);
  definitions.set(key, row.definition);
  return row.definition;
}

const channelOf = (key: FormKey): ResponseChannel => ('code' in key ? 'qr' : 'invitation');

/**
 * The form a QR code or an invitation link opens: the survey's wording, the unit's name, the province, the latest
 * published version (definition, id, hash) and what is and is not recorded. No personal data, no id but the
 * version's.
 */
export async function publicForm(ctx: RequestContext, key: FormKey): Promise<PublicFormOut> {
  const found = await opened<Shown & { version_id: string | null; version_hash: string | null }>(
    ctx.db,
    key,
    true,
    sql`, lv.id AS version_id, lv.definition_hash AS version_hash`,
    sql`LEFT JOIN LATERAL (SELECT v.id, v.definition_hash FROM survey_versions v
                            WHERE v.survey_id = s.id AND v.published_at IS NOT NULL
                            ORDER BY v.number DESC LIMIT 1) lv ON true`,
  );
  if (!found) throw notFound(key);
  if (found.used) throw invitationUsed();
  const closed = notOpenError(
    { status: found.status, opensOn: found.opens_on, closesOn: found.closes_on },
    todayInVietnam(),
  );
  if (closed) throw closed;
  // An open survey always has a published version (opening publishes it); without one it takes no answers.
  if (!found.version_id || !found.version_hash)
    throw new AppError(410, 'SURVEY_NOT_OPEN', 'survey.public.not_open');
  const channel = channelOf(key);
  return {
    survey: {
      title: found.title,
      intro: found.intro,
      anonymous: found.anonymous,
      closesOn: found.closes_on,
      province: found.province ?? '',
    },
    unit: {
      name: unitDisplayName({ kind: found.unit_kind, name: found.unit_name, fullName: found.unit_full_name }),
    },
    targetGroup: found.target_group,
    channel,
    version: {
      id: found.version_id,
      hash: found.version_hash,
      definition: await definitionOf(ctx.db, found.version_id, found.version_hash),
    },
    recorded: recordedNotice({ anonymous: found.anonymous, channel }),
    captchaRequired: channel === 'qr',
  };
}

const thanks = (created: boolean) => {
  const m = PUBLIC_SURVEY_MESSAGES[created ? 'survey.public.thanks' : 'survey.public.thanks_again'];
  return { vi: m.vi, en: m.en };
};

/** Whether a response with this client key is stored for the survey (committed). */
async function clientKeyStored(db: Db, surveyId: string, clientKey: string) {
  const found = await rows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM survey_responses WHERE survey_id = ${surveyId}::uuid AND client_key = ${clientKey}`,
  );
  return found.length > 0;
}

/** Marks an invitation used, in a statement (and so a transaction) of its own; false when it was used already. */
async function consumeInvitation(db: Db, tokenHash: string): Promise<boolean> {
  const done = await rows<{ one: number }>(
    db,
    sql`UPDATE survey_invitations SET used = true
         WHERE token_hash = ${tokenHash} AND used = false
        RETURNING 1 AS one`,
  );
  return done.length > 0;
}

/**
 * Stores one response sent through a QR code (`code`, with a solved captcha) or an invitation (`token`), in the
 * order of checks above. `created: false` when the same client key was stored before (nothing counted twice).
 */
export async function submitPublicResponse(
  ctx: RequestContext,
  input: PublicResponseIn,
): Promise<PublicResponseOut> {
  const db = ctx.db;
  const key: FormKey = input.code ? { code: input.code } : { token: input.token ?? '' };
  // A QR code's target and survey for a second (the busy path); an invitation's row each time (its `used` changes),
  // with whether this client key is stored already.
  const found =
    'code' in key
      ? await forASecond(db, `code:${key.code}`, () => opened<{ replay?: boolean }>(db, key, false))
      : await opened<{ replay: boolean }>(
          db,
          key,
          false,
          sql`, EXISTS (SELECT 1 FROM survey_responses r
                         WHERE r.survey_id = s.id AND r.client_key = ${input.clientKey}) AS replay`,
        );
  if (!found) throw notFound(key);
  const closed = notOpenError(
    { status: found.status, opensOn: found.opens_on, closesOn: found.closes_on },
    todayInVietnam(),
  );
  if (closed) throw closed;
  const version = await forASecond(db, `version:${input.versionId}`, async () => {
    const [v] = await rows<{ survey_id: string; definition_hash: string; published: boolean }>(
      db,
      sql`SELECT survey_id, definition_hash, published_at IS NOT NULL AS published
            FROM survey_versions WHERE id = ${input.versionId}::uuid`,
    );
    return v;
  });
  if (version?.survey_id !== found.survey_id || !version.published || version.definition_hash !== input.hash)
    throw formChanged();

  const definition = await definitionOf(db, input.versionId, input.hash);
  const normalised = normaliseAnswers(definition, input.answers);
  if (!normalised.ok) {
    const lang = ctx.locale === 'en' ? 'en' : 'vi';
    throw new AppError(
      400,
      'ANSWERS_INVALID',
      'survey.public.answers_invalid',
      { count: normalised.problems.length },
      normalised.problems.map((p) => ({
        field: p.at || 'answers',
        message: p.message[lang] || p.message.vi,
      })),
    );
  }
  const replay = (): PublicResponseOut => ({
    created: false,
    dropped: normalised.dropped,
    thanks: thanks(false),
  });
  if (found.replay) return replay();
  /** This client key stored, or on its way: the same answer sent again. */
  const sameAnswerStored = () => {
    const first = pendingResponse(db, found.survey_id, input.clientKey);
    return first
      ? first.then(
          () => true,
          () => false,
        )
      : clientKeyStored(db, found.survey_id, input.clientKey);
  };

  let tokenHash: string | null = null;
  if ('code' in key) {
    try {
      if (!input.captcha) throw new AppError(400, 'CAPTCHA_INVALID', 'captcha.invalid');
      consumeCaptcha(input.captcha.token, input.captcha.nonce);
    } catch (err) {
      // A browser retrying after a lost connection sends its spent captcha again: the answer it sent is there.
      if (await sameAnswerStored()) return replay();
      throw err;
    }
  } else {
    tokenHash = invitationTokenHash(key.token);
    // Used: by this very answer still on its way or stored a moment ago (a retry), or by another — refused.
    if (!(await consumeInvitation(db, tokenHash))) {
      if (await sameAnswerStored()) return replay();
      throw invitationUsed();
    }
  }

  const created = await queueResponse(
    db,
    {
      surveyId: found.survey_id,
      versionId: input.versionId,
      targetId: found.target_id,
      channel: channelOf(key),
      submittedOn: coarsenTimestamp(new Date(), 'day'),
      answers: normalised.answers,
      clientKey: input.clientKey,
      minutes: input.minutes ?? null,
      // The public form has no account: a response through it names no one, whatever the survey says.
      respondentRef: null,
    },
    tokenHash,
  );
  return { created, dropped: normalised.dropped, thanks: thanks(created) };
}
