import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hideSubmitterKey } from '../../app.js';
import { todayInVietnam } from '../../core/dates.js';
import { rows } from '../../db/client.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { PUBLIC_SURVEY_MESSAGES } from './public.messages.js';
import { recordedNotice } from './rules/anonymity.js';
import type { SurveyDefinition } from './rules/definition.js';
import type { PublicFormOut, PublicResponseOut } from './surveys.schemas.js';
import {
  addTestVersion,
  createTestSurvey,
  sampleAnswers,
  seededRandom,
  type TestSurvey,
} from './test-support.js';

/**
 * The public survey form end to end through the API (issue 17): a unit's QR poster opens the form (captcha), a
 * personal invitation opens it once (its token), answers are checked against the published version they were
 * given on, stored once whatever the retries, and nothing personal is shown or kept.
 */

let t: TestApp;
let open: TestSurvey;
let nextAddress = 1;
/** Each request from an address of its own (the per-address limits are the hotline's: 10 answers a minute). */
const address = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

type ErrorBody = {
  error: { code: string; key: string; message: string; details?: { field: string; message: string }[] };
};

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const failed = (res: { statusCode: number; body: string; json(): unknown }, status: number) =>
  ok<ErrorBody>(res, status).error;

/** Whether SHA-256(`salt:nonce`) starts with `difficulty` zero bits (the captcha's rule, ../captcha/pow.ts). */
function isSolution(salt: string, difficulty: number, nonce: string): boolean {
  const hash = createHash('sha256').update(`${salt}:${nonce}`).digest();
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) bits += 8;
    else return bits + Math.clz32(byte) - 24 >= difficulty;
  }
  return bits >= difficulty;
}

/** A solved captcha (what the form's worker does). */
async function captcha() {
  const res = await t.app.inject({ method: 'GET', url: '/api/captcha', remoteAddress: address() });
  const c = ok<{ token: string; salt: string; difficulty: number }>(res);
  for (let n = 0; ; n++)
    if (isSolution(c.salt, c.difficulty, String(n))) return { token: c.token, nonce: String(n) };
}

const clientKey = () => randomBytes(18).toString('base64url');
let seed = 1;

/** A QR answer to a survey's first target on its first version: valid answers, a fresh client key. */
function qrAnswer(s: TestSurvey, over: Record<string, unknown> = {}) {
  return {
    code: s.targets[0]!.publicCode,
    versionId: s.version.id,
    hash: s.version.hash,
    clientKey: clientKey(),
    answers: sampleAnswers(s.version.definition, seededRandom(seed++)),
    minutes: 6,
    ...over,
  };
}

const send = (body: unknown, language = 'vi') =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/surveys/responses',
    remoteAddress: address(),
    headers: { 'accept-language': language },
    payload: body as Record<string, unknown>,
  });
const getForm = (url: string, language = 'vi') =>
  t.app.inject({ method: 'GET', url, remoteAddress: address(), headers: { 'accept-language': language } });

const responsesOf = (surveyId: string) =>
  rows<{
    client_key: string;
    channel: string;
    submitted_on: string;
    answers: Record<string, unknown>;
    minutes: number | null;
    flags: unknown;
    respondent_ref: string | null;
    version_id: string;
    target_id: string;
  }>(
    t.database.db,
    sql`SELECT client_key, channel, submitted_on::text AS submitted_on, answers, minutes, flags, respondent_ref,
               version_id, target_id
          FROM survey_responses WHERE survey_id = ${surveyId}::uuid`,
  );

beforeAll(async () => {
  t = await testApp();
  open = await createTestSurvey(t.database.db, { invitations: 4 });
}, 900_000);
afterAll(() => t?.close());

describe('the form a QR code or an invitation opens', () => {
  it('gives the published version, the unit and the province — and nothing personal, no id but the version’s', async () => {
    const res = await getForm(`/api/public/surveys/forms/${open.targets[0]!.publicCode}`);
    const form = ok<PublicFormOut>(res);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(form.channel).toBe('qr');
    expect(form.captchaRequired).toBe(true);
    expect(form.version.id).toBe(open.version.id);
    expect(form.version.hash).toBe(open.version.hash);
    expect(form.version.definition).toEqual(open.version.definition);
    expect(form.survey.anonymous).toBe(true);
    expect(form.survey.province).toMatch(/Nghệ An/);
    expect(form.unit.name).toMatch(/^Sở /);
    expect(form.targetGroup).toBe('citizen');
    expect(form.recorded).toEqual(recordedNotice({ anonymous: true, channel: 'qr' }));
    // The only id in the answer is the version's: no survey, target, unit or invitation id.
    const ids = res.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    expect(new Set(ids)).toEqual(new Set([open.version.id]));
  });

  it('opens through an invitation without a captcha, says the link is only marked used, shows no name or address', async () => {
    const res = await getForm(`/api/public/surveys/invitations/${open.invitations[0]!.token}`);
    const form = ok<PublicFormOut>(res);
    expect(form.channel).toBe('invitation');
    expect(form.captchaRequired).toBe(false);
    expect(form.recorded).toEqual(recordedNotice({ anonymous: true, channel: 'invitation' }));
    expect(form.recorded.vi).toMatch(/đã dùng/);
    expect(res.body).not.toMatch(/Người được mời|example\.vn/);
    const ids = res.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    expect(new Set(ids)).toEqual(new Set([open.version.id]));
  });

  it('answers an unknown code or token with 404 and a clear message in both languages', async () => {
    const vi = failed(await getForm('/api/public/surveys/forms/KSKHONGCOMA'), 404);
    expect(vi.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.form_not_found'].vi);
    const en = failed(await getForm('/api/public/surveys/forms/KSKHONGCOMA', 'en'), 404);
    expect(en.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.form_not_found'].en);
    const token = failed(await getForm(`/api/public/surveys/invitations/${'x'.repeat(43)}`), 404);
    expect(token.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.invitation_not_found'].vi);
  });

  it('hides an invitation token from the request logs', () => {
    const token = open.invitations[0]!.token;
    expect(hideSubmitterKey(`/api/public/surveys/invitations/${token}`)).toBe(
      '/api/public/surveys/invitations/***',
    );
    expect(hideSubmitterKey(`/khao-sat/moi/${token}?lang=en`)).toBe('/khao-sat/moi/***?lang=en');
    expect(hideSubmitterKey('/phan-anh/tra-cuu/PA-26-X?key=ABC')).toBe('/phan-anh/tra-cuu/PA-26-X?key=***');
  });
});

describe('a survey that is not open', () => {
  it('answers 410 saying it has ended, or from when it opens (dd/mm/yyyy), in both languages', async () => {
    const closed = await createTestSurvey(t.database.db, { status: 'closed' });
    const code = closed.targets[0]!.publicCode;
    const gone = failed(await getForm(`/api/public/surveys/forms/${code}`), 410);
    expect(gone.code).toBe('SURVEY_NOT_OPEN');
    expect(gone.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.closed'].vi);
    // Answers too: refused before anything else is looked at.
    const answer = failed(await send({ ...qrAnswer(closed), captcha: await captcha() }, 'en'), 410);
    expect(answer.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.closed'].en);

    const ended = await createTestSurvey(t.database.db, { opensOn: '2025-01-01', closesOn: '2025-12-31' });
    const endedVi = failed(await getForm(`/api/public/surveys/forms/${ended.targets[0]!.publicCode}`), 410);
    expect(endedVi.message).toContain('31/12/2025');
    const endedEn = failed(
      await getForm(`/api/public/surveys/forms/${ended.targets[0]!.publicCode}`, 'en'),
      410,
    );
    expect(endedEn.message).toBe(
      'This survey ended on 31/12/2025 and takes no more answers. Thank you for your interest.',
    );

    const later = await createTestSurvey(t.database.db, { status: 'draft', opensOn: '2099-03-01' });
    const notYet = failed(await getForm(`/api/public/surveys/forms/${later.targets[0]!.publicCode}`), 410);
    expect(notYet.message).toBe('Đợt khảo sát này chưa mở: nhận câu trả lời từ ngày 01/03/2099.');
    const draft = await createTestSurvey(t.database.db, { status: 'draft' });
    expect(
      failed(await getForm(`/api/public/surveys/forms/${draft.targets[0]!.publicCode}`), 410).message,
    ).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.not_open'].vi);
    expect(await responsesOf(closed.surveyId)).toEqual([]);
  });

  it('takes answers on its last day in Vietnam', async () => {
    const today = todayInVietnam();
    const lastDay = await createTestSurvey(t.database.db, { opensOn: today, closesOn: today });
    ok(await send({ ...qrAnswer(lastDay), captcha: await captcha() }), 201);
  });
});

describe('answering through a QR code', () => {
  it('stores an answer with a solved captcha: answers, target, channel, the day — nothing else', async () => {
    const body = qrAnswer(open);
    const res = ok<PublicResponseOut>(await send({ ...body, captcha: await captcha() }), 201);
    expect(res).toEqual({
      created: true,
      dropped: [],
      thanks: { ...PUBLIC_SURVEY_MESSAGES['survey.public.thanks'] },
    });
    const [row] = (await responsesOf(open.surveyId)).filter((r) => r.client_key === body.clientKey);
    expect(row).toMatchObject({
      channel: 'qr',
      submitted_on: todayInVietnam(),
      minutes: 6,
      flags: [],
      respondent_ref: null,
      version_id: open.version.id,
      target_id: open.targets[0]!.id,
    });
    expect(row!.answers).toEqual(body.answers);
  });

  it('refuses an answer without a solved captcha, or with a captcha used already', async () => {
    const body = qrAnswer(open);
    expect(failed(await send(body), 400).code).toBe('CAPTCHA_INVALID');
    expect(failed(await send({ ...body, captcha: { token: 'a.b', nonce: '1' } }), 400).code).toBe(
      'CAPTCHA_INVALID',
    );
    const solved = await captcha();
    ok(await send({ ...qrAnswer(open), captcha: solved }), 201);
    const again = failed(await send({ ...body, captcha: solved }, 'en'), 400);
    expect(again.code).toBe('CAPTCHA_INVALID');
    expect(again.message).toMatch(/could not confirm/);
    expect((await responsesOf(open.surveyId)).some((r) => r.client_key === body.clientKey)).toBe(false);
  });

  it('stores one row for the same client key sent twice (the retry answers 200, even with its spent captcha)', async () => {
    const body = { ...qrAnswer(open), captcha: await captcha() };
    ok(await send(body), 201);
    const retry = ok<PublicResponseOut>(await send(body), 200);
    expect(retry.created).toBe(false);
    expect(retry.thanks).toEqual({ ...PUBLIC_SURVEY_MESSAGES['survey.public.thanks_again'] });
    // Sent twice at once with two captchas: one stored, the other told so.
    const twin = qrAnswer(open);
    const both = await Promise.all([
      send({ ...twin, captcha: await captcha() }),
      send({ ...twin, captcha: await captcha() }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const stored = await responsesOf(open.surveyId);
    expect(stored.filter((r) => r.client_key === body.clientKey)).toHaveLength(1);
    expect(stored.filter((r) => r.client_key === twin.clientKey)).toHaveLength(1);
  });

  it('drops answers to questions the conditions hide, and says which', async () => {
    // SIPAS asks for an apology only when the result came late, and about the visits only at the counter.
    const answers = {
      ...sampleAnswers(open.version.definition, seededRandom(99)),
      kenh: 'truc_tuyen',
      so_lan_di_lai: 3,
      tra_ket_qua: 'dung_hen',
      xin_loi_tre_hen: 'co',
    };
    const body = { ...qrAnswer(open), answers, captcha: await captcha() };
    const res = ok<PublicResponseOut>(await send(body), 201);
    expect(res.dropped.sort()).toEqual(['so_lan_di_lai', 'xin_loi_tre_hen']);
    const [row] = (await responsesOf(open.surveyId)).filter((r) => r.client_key === body.clientKey);
    expect(row!.answers).not.toHaveProperty('xin_loi_tre_hen');
    expect(row!.answers).not.toHaveProperty('so_lan_di_lai');
    expect(row!.answers.tra_ket_qua).toBe('dung_hen');
  });

  it('refuses answers outside the scale and a skipped required question, each said in both languages', async () => {
    const answers: Record<string, unknown> = { ...sampleAnswers(open.version.definition, seededRandom(7)) };
    answers.hai_long_chung = 7;
    delete answers.gioi_tinh;
    const body = { ...qrAnswer(open), answers, captcha: await captcha() };
    const vi = failed(await send(body), 400);
    expect(vi.code).toBe('ANSWERS_INVALID');
    expect(vi.message).toBe('Phiếu còn 2 chỗ cần sửa trước khi gửi.');
    expect(vi.details!.map((d) => d.field).sort()).toEqual(['gioi_tinh', 'hai_long_chung']);
    expect(vi.details!.find((d) => d.field === 'gioi_tinh')!.message).toMatch(/bắt buộc/);
    const en = failed(await send({ ...body, captcha: await captcha() }, 'en'), 400);
    expect(en.message).toBe('The form has 2 answer(s) to correct before sending.');
    expect(en.details!.find((d) => d.field === 'gioi_tinh')!.message).toMatch(/required/);
    // An unknown question is refused too (a form of another version).
    const unknown = failed(
      await send({
        ...qrAnswer(open),
        answers: { ...answers, gioi_tinh: 'nam', hai_long_chung: 4, cau_la: 1 },
      }),
      400,
    );
    expect(unknown.details!.map((d) => d.field)).toEqual(['cau_la']);
    expect((await responsesOf(open.surveyId)).some((r) => r.client_key === body.clientKey)).toBe(false);
  });

  it('refuses a tampered or stale form (409), and accepts an earlier published version of the same survey', async () => {
    const tampered = failed(
      await send({ ...qrAnswer(open, { hash: 'f'.repeat(64) }), captcha: await captcha() }, 'en'),
      409,
    );
    expect(tampered.code).toBe('FORM_CHANGED');
    expect(tampered.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.form_changed'].en);

    const s = await createTestSurvey(t.database.db);
    const other = await createTestSurvey(t.database.db);
    // Another survey's version, with its own (true) hash: not this form.
    expect(
      failed(
        await send({
          ...qrAnswer(s, { versionId: other.version.id, hash: other.version.hash }),
          captcha: await captcha(),
        }),
        409,
      ).code,
    ).toBe('FORM_CHANGED');
    // A draft version (not published yet) is not a form anyone was given.
    const changed: SurveyDefinition = {
      ...s.version.definition,
      title: { vi: 'Phiếu khảo sát (bản sửa)', en: 'Survey (revised)' },
    };
    const draft = await addTestVersion(t.database.db, s.surveyId, changed, { published: false });
    expect(
      failed(
        await send({ ...qrAnswer(s, { versionId: draft.id, hash: draft.hash }), captcha: await captcha() }),
        409,
      ).code,
    ).toBe('FORM_CHANGED');
    // Published: the form now gives it; an answer begun on the first version is still taken, on its version.
    const next = await addTestVersion(t.database.db, s.surveyId, {
      ...changed,
      intro: { vi: 'Mới', en: 'New' },
    });
    const form = ok<PublicFormOut>(await getForm(`/api/public/surveys/forms/${s.targets[0]!.publicCode}`));
    expect(form.version).toMatchObject({ id: next.id, hash: next.hash });
    const early = qrAnswer(s);
    ok(await send({ ...early, captcha: await captcha() }), 201);
    const [row] = await responsesOf(s.surveyId);
    expect(row!.version_id).toBe(s.version.id);
  });

  it('refuses a body that is not an answer (Zod): both a code and a token, or neither', async () => {
    const body = qrAnswer(open);
    expect((await send({ ...body, token: open.invitations[3]!.token })).statusCode).toBe(400);
    const { code: _code, ...neither } = body;
    expect((await send(neither)).statusCode).toBe(400);
  });
});

describe('answering through an invitation', () => {
  it('consumes the token; a replay of the link is refused (409, both languages); a retry of the same answer is not', async () => {
    const invitation = open.invitations[1]!;
    const body = { ...qrAnswer(open), code: undefined, token: invitation.token };
    const first = ok<PublicResponseOut>(await send(body), 201);
    expect(first.created).toBe(true);
    const [inv] = await rows<{ used: boolean }>(
      t.database.db,
      sql`SELECT used FROM survey_invitations WHERE id = ${invitation.id}::uuid`,
    );
    expect(inv!.used).toBe(true);
    const [row] = (await responsesOf(open.surveyId)).filter((r) => r.client_key === body.clientKey);
    expect(row).toMatchObject({
      channel: 'invitation',
      respondent_ref: null,
      target_id: invitation.targetId,
    });

    // The same answer again (a lost connection): 200, nothing stored twice, the token not "used" against it.
    expect(ok<PublicResponseOut>(await send(body), 200).created).toBe(false);
    // Another answer on the same link: refused.
    const replay = { ...body, clientKey: clientKey() };
    const vi = failed(await send(replay), 409);
    expect(vi.code).toBe('INVITATION_USED');
    expect(vi.message).toBe(PUBLIC_SURVEY_MESSAGES['survey.public.invitation_used'].vi);
    const en = failed(await send(replay, 'en'), 409);
    expect(en.message).toMatch(/^This link has already been used/);
    // And the link no longer opens the form.
    expect(failed(await getForm(`/api/public/surveys/invitations/${invitation.token}`), 409).code).toBe(
      'INVITATION_USED',
    );
    expect((await responsesOf(open.surveyId)).filter((r) => r.channel === 'invitation')).toHaveLength(1);
  });

  it('takes one of two different answers sent on one link at once', async () => {
    const invitation = open.invitations[2]!;
    const a = { ...qrAnswer(open), code: undefined, token: invitation.token };
    const b = { ...qrAnswer(open), code: undefined, token: invitation.token };
    const answers = await Promise.all([send(a), send(b)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const stored = (await responsesOf(open.surveyId)).filter(
      (r) => r.client_key === a.clientKey || r.client_key === b.clientKey,
    );
    expect(stored).toHaveLength(1);
  });

  it('writes nothing to the journal for a public answer (its time and address are not kept)', async () => {
    const count = async () =>
      Number(
        (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_journal`))[0]!.n,
      );
    const before = await count();
    ok(await send({ ...qrAnswer(open), captcha: await captcha() }), 201);
    ok(await send({ ...qrAnswer(open), code: undefined, token: open.invitations[3]!.token }), 201);
    expect(await count()).toBe(before);
  });
});
