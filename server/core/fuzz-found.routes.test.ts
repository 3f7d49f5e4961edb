/**
 * What the 100,000-request fuzz run found (server/core/fuzz.routes.test.ts), each replayed: a 4xx that
 * says what is wrong, never a 500.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let member: Caller;
const one = async (q: ReturnType<typeof sql>) => {
  const db = t.database.db as unknown as {
    execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }>;
  };
  return (await db.execute(q)).rows[0]!;
};

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 50, lockMinutes: 1, ratePerMinute: 1000 } });
  admin = await t.login('admin@chidao.demo');
  officer = await t.login('thuongtruc@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
}, 300_000);
afterAll(() => t?.close());

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('fuzz-found: the database refuses, the API explains', () => {
  it('a task edited to start after its due date: 400 under the start date (was a 500)', async () => {
    const task = await one(
      sql`select id, version, due_date::text as due from plan_tasks where due_date < '2026-06-15' order by id limit 1`,
    );
    const res = await admin.request('PATCH', `/api/tasks/${String(task.id)}`, {
      startDate: '2026-06-15',
      version: task.version,
    });
    expect(res.statusCode, res.body).toBe(400);
    const error = (res.json() as { error: { details: { field: string }[]; message: string } }).error;
    expect(error.details[0]!.field).toBe('startDate');
    expect(error.message).toContain('hạn hoàn thành');
  });

  it('deleting a document that plans still cite: 409 IN_USE, and it is still there (was a 500)', async () => {
    const doc = await one(
      sql`select d.id, d.version from documents d where exists (select 1 from plans p where p.document_id = d.id) limit 1`,
    );
    const res = await officer.request(
      'DELETE',
      `/api/documents/${String(doc.id)}?version=${String(doc.version)}`,
    );
    expect([409, 403]).toContain(res.statusCode);
    if (res.statusCode === 409) expect(['IN_USE', 'CONFLICT', 'STALE_VERSION']).toContain(code(res));
    expect((await officer.request('GET', `/api/documents/${String(doc.id)}`)).statusCode).toBe(200);
  });

  it('half a character (a lone UTF-16 surrogate) in any string: 400 naming the field (was a 500)', async () => {
    const task = await one(sql`select id from plan_tasks order by id limit 1`);
    const direction = await member.request('POST', `/api/tasks/${String(task.id)}/directions`, {
      note: '\ud800',
    });
    expect(direction.statusCode, direction.body).toBe(400);
    const rule = await officer.request('POST', '/api/periods/rules', { id: 'x\udc00', reportType: 'y' });
    expect(rule.statusCode, rule.body).toBe(400);
    // A whole astral character (an emoji: a surrogate pair) is text like any other.
    const emoji = await member.request('POST', `/api/tasks/${String(task.id)}/directions`, {
      note: 'Tốt 👍',
    });
    expect(emoji.statusCode).not.toBe(500);
  });
});
