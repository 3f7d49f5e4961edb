import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { rows, type Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { submitPublicResponse } from './public.service.js';
import { queueResponse } from './response-writer.js';
import { coarsenTimestamp } from './rules/anonymity.js';
import { createTestSurvey, sampleAnswers, seededRandom, type TestSurvey } from './test-support.js';

/**
 * Issue 17: "in anonymous mode no table links a respondent, invitation or IP to the answers (the invitation only
 * records 'used'), timestamps are coarsened". The first proof is the tables themselves, as migrated on each
 * engine: what a response row can hold, and what an invitation row can hold. The second is the rows the public form
 * stores (./public.service.ts, ./response-writer.ts): read column by column — and by the database's own
 * bookkeeping, the transaction id (`xmin`) and the place (`ctid`) of each row — nothing pairs an invitation with
 * the response it was used for.
 */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
}, 900_000);
afterAll(() => drop?.());

type Column = { column_name: string; data_type: string };
const columnsOf = (table: string) =>
  rows<Column>(
    database.db,
    sql`SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY column_name`,
  );
const referencesOf = (table: string) =>
  rows<{ column_name: string; foreign_table: string }>(
    database.db,
    sql`SELECT kcu.column_name, ccu.table_name AS foreign_table
          FROM information_schema.table_constraints tc
          JOIN information_schema.key_column_usage kcu
            ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
          JOIN information_schema.constraint_column_usage ccu
            ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
         WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ${table}
         ORDER BY kcu.column_name`,
  );

describe('what the survey tables can hold', () => {
  it('a response holds its answers, its unit and channel and the day — no time, no address, no invitation', async () => {
    const columns = await columnsOf('survey_responses');
    expect(columns.map((c) => c.column_name)).toEqual([
      'answers',
      'channel',
      'client_key',
      'flags',
      'id',
      'minutes',
      'respondent_ref',
      'submitted_on',
      'survey_id',
      'target_id',
      'version_id',
    ]);
    // The day only: no column keeps an hour, a minute or a second.
    expect(columns.filter((c) => /time/.test(c.data_type))).toEqual([]);
    expect(columns.find((c) => c.column_name === 'submitted_on')?.data_type).toBe('date');
    // It points at the survey, its version, the unit's target — and at an account only through `respondent_ref`,
    // which a survey that does not say plainly it is not anonymous leaves empty (the service's rule).
    expect(await referencesOf('survey_responses')).toEqual([
      { column_name: 'respondent_ref', foreign_table: 'users' },
      { column_name: 'survey_id', foreign_table: 'surveys' },
      { column_name: 'target_id', foreign_table: 'survey_targets' },
      { column_name: 'version_id', foreign_table: 'survey_versions' },
    ]);
  });

  it('an invitation records that it was used — not when, not by which response', async () => {
    const columns = (await columnsOf('survey_invitations')).map((c) => c.column_name);
    expect(columns).toContain('used');
    expect(columns.filter((c) => /used_at|response|answer/.test(c))).toEqual([]);
    expect((await referencesOf('survey_invitations')).map((r) => r.foreign_table).sort()).toEqual([
      'survey_targets',
      'surveys',
    ]);
    // Only the token's hash is kept (the token itself is only in the message sent).
    expect(columns).toContain('token_hash');
    expect(columns).not.toContain('token');
  });
});

type Row = Record<string, unknown> & { id: string; xmin: string; ctid: string };
const allOf = (table: 'survey_responses' | 'survey_invitations', surveyId: string) =>
  rows<Row>(
    database.db,
    sql`SELECT *, xmin::text AS xmin, ctid::text AS ctid FROM ${sql.identifier(table)}
         WHERE survey_id = ${surveyId}::uuid ORDER BY ctid`,
  );
const journal = () =>
  rows<Record<string, unknown>>(database.db, sql`SELECT * FROM audit_journal ORDER BY id`);
/** Every value a row holds, as text (JSON members too), but for the columns that name the survey and target. */
const valuesOf = (row: Record<string, unknown>, leaveOut: readonly string[]) =>
  Object.entries(row)
    .filter(([k]) => !leaveOut.includes(k))
    .map(([, v]) => (typeof v === 'string' ? v : JSON.stringify(v)));
/** A ctid "(page,line)" as a number that sorts in table order. */
const place = (ctid: string) => {
  const [page, line] = ctid.slice(1, -1).split(',').map(Number);
  return page! * 10_000 + line!;
};

describe('what the stored rows tell — answered through the public form', () => {
  let survey: TestSurvey;
  let invitationsBefore: Row[];
  let responses: Row[];
  let invitationsAfter: Row[];
  let journalBefore: Record<string, unknown>[];
  let journalAfter: Record<string, unknown>[];
  const keys: string[] = [];

  beforeAll(async () => {
    survey = await createTestSurvey(database.db, { invitations: 12 });
    invitationsBefore = await allOf('survey_invitations', survey.surveyId);
    journalBefore = await journal();
    // Eight respondents answer at once through their links (the other four do not answer).
    const ctx = systemContext(database.db);
    const answered = await Promise.all(
      survey.invitations.slice(0, 8).map((inv, i) => {
        const clientKey = randomBytes(18).toString('base64url');
        keys.push(clientKey);
        return submitPublicResponse(ctx, {
          token: inv.token,
          versionId: survey.version.id,
          hash: survey.version.hash,
          clientKey,
          answers: sampleAnswers(survey.version.definition, seededRandom(1000 + i)),
          minutes: 5 + i,
        });
      }),
    );
    expect(answered.every((a) => a.created)).toBe(true);
    responses = await allOf('survey_responses', survey.surveyId);
    invitationsAfter = await allOf('survey_invitations', survey.surveyId);
    journalAfter = await journal();
  }, 120_000);

  it('stores each answer once, marks exactly the links used, and changes nothing else of an invitation', () => {
    expect(responses).toHaveLength(8);
    const used = new Set(survey.invitations.slice(0, 8).map((i) => i.id));
    for (const after of invitationsAfter) {
      const before = invitationsBefore.find((b) => b.id === after.id)!;
      expect(after.used).toBe(used.has(after.id));
      // No time of use, no response, nothing but the flag: every other column as it was.
      const { used: _u, xmin: _x, ctid: _c, ...rest } = after;
      const { used: _u2, xmin: _x2, ctid: _c2, ...restBefore } = before;
      expect(rest).toEqual(restBefore);
    }
  });

  it('shares no value between a response and an invitation but the survey and its target', () => {
    const invitationValues = new Set(
      invitationsAfter.flatMap((r) =>
        valuesOf(r, ['survey_id', 'target_id', 'used', 'xmin', 'ctid', 'reminders']),
      ),
    );
    for (const r of responses) {
      const text = JSON.stringify(r);
      for (const v of invitationValues) if (v && v !== 'null') expect(text).not.toContain(v);
      // No account: the public form has none.
      expect(r.respondent_ref).toBeNull();
      expect(r.channel).toBe('invitation');
    }
    const responseValues = responses.flatMap((r) =>
      valuesOf(r, [
        'survey_id',
        'target_id',
        'version_id',
        'channel',
        'submitted_on',
        'xmin',
        'ctid',
        'flags',
        'minutes',
      ]),
    );
    const invitationsText = JSON.stringify(invitationsAfter);
    for (const v of responseValues) if (v && v !== 'null') expect(invitationsText).not.toContain(v);
  });

  it('keeps no time finer than the day on a response', async () => {
    const [r] = await rows<{ submitted_on: string }>(
      database.db,
      sql`SELECT submitted_on::text AS submitted_on FROM survey_responses WHERE survey_id = ${survey.surveyId}::uuid LIMIT 1`,
    );
    expect(r!.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r!.submitted_on).toBe(coarsenTimestamp(new Date(), 'day'));
  });

  it('writes nothing to the journal about an answer or a used link', () => {
    expect(journalAfter).toEqual(journalBefore);
  });

  it('gives the used invitations and the responses different transaction ids', () => {
    const usedXmins = new Set(invitationsAfter.filter((r) => r.used).map((r) => r.xmin));
    const responseXmins = new Set(responses.map((r) => r.xmin));
    expect(usedXmins.size).toBeGreaterThan(0);
    for (const x of responseXmins) expect(usedXmins.has(x)).toBe(false);
  });
});

describe('the response writer', () => {
  it('stores a batch in one transaction, in an order that is not the order it arrived in', async () => {
    const survey = await createTestSurvey(database.db);
    const keys = Array.from(
      { length: 40 },
      (_, i) => `lo-${String(i).padStart(2, '0')}-${randomBytes(8).toString('hex')}`,
    );
    // Queued in one turn of the event loop: one batch.
    const created = await Promise.all(
      keys.map((clientKey, i) =>
        queueResponse(database.db, {
          surveyId: survey.surveyId,
          versionId: survey.version.id,
          targetId: survey.targets[i % 2]!.id,
          channel: 'qr',
          submittedOn: coarsenTimestamp(new Date()),
          answers: sampleAnswers(survey.version.definition, seededRandom(i)),
          clientKey,
          minutes: null,
          respondentRef: null,
        }),
      ),
    );
    expect(created.every(Boolean)).toBe(true);
    const stored = await allOf('survey_responses', survey.surveyId);
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((r) => r.xmin)).size).toBe(1);
    const inTableOrder = [...stored].sort((a, b) => place(a.ctid) - place(b.ctid)).map((r) => r.client_key);
    expect(inTableOrder).not.toEqual(keys);
    expect([...inTableOrder].sort()).toEqual(keys);
  });

  it('answers a repeated client key as not created, and stores it once', async () => {
    const survey = await createTestSurvey(database.db);
    const row = {
      surveyId: survey.surveyId,
      versionId: survey.version.id,
      targetId: survey.targets[0]!.id,
      channel: 'qr' as const,
      submittedOn: coarsenTimestamp(new Date()),
      answers: sampleAnswers(survey.version.definition, seededRandom(5)),
      clientKey: 'mot-khoa-lap-lai-' + randomBytes(6).toString('hex'),
      minutes: 3,
      respondentRef: null,
    };
    expect(
      (await Promise.all([queueResponse(database.db, row), queueResponse(database.db, row)])).sort(),
    ).toEqual([false, true]);
    expect(await queueResponse(database.db, row)).toBe(false);
    expect(await allOf('survey_responses', survey.surveyId)).toHaveLength(1);
  });

  it('releases the invitation of a response it could not store', async () => {
    const survey = await createTestSurvey(database.db, { invitations: 1 });
    const [inv] = survey.invitations;
    await database.db.execute(sql`UPDATE survey_invitations SET used = true WHERE id = ${inv!.id}::uuid`);
    const { invitationTokenHash } = await import('./public.service.js');
    // A version that does not exist: the insert fails (foreign key), the token is given back.
    await expect(
      queueResponse(
        database.db,
        {
          surveyId: survey.surveyId,
          versionId: '00000000-0000-4000-8000-000000000000',
          targetId: survey.targets[0]!.id,
          channel: 'invitation',
          submittedOn: coarsenTimestamp(new Date()),
          answers: {},
          clientKey: 'khoa-' + randomBytes(8).toString('hex'),
          minutes: null,
          respondentRef: null,
        },
        invitationTokenHash(inv!.token),
      ),
    ).rejects.toThrow();
    const [after] = await rows<{ used: boolean }>(
      database.db,
      sql`SELECT used FROM survey_invitations WHERE id = ${inv!.id}::uuid`,
    );
    expect(after!.used).toBe(false);
  });
});
