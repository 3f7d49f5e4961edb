import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext, type RequestContext } from '../../core/context.js';
import { rows } from '../../db/client.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { createCase, type CaseIntake } from './intake.service.js';

/**
 * Group commit (./case-writer.ts): submissions arriving at the same moment are stored together, and each one is
 * still answered as if alone — created once, a repeat answered with the first, a bad one refused by itself —
 * with its history step and its journal entry.
 */

let t: TestApp;
let ctx: RequestContext;
let categoryId: string;

beforeAll(async () => {
  t = await testApp();
  ctx = systemContext(t.database.db);
  const [c] = await rows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM feedback_categories WHERE active ORDER BY position LIMIT 1`,
  );
  categoryId = c!.id;
});
afterAll(() => t.close());

const intake = (n: number, extra: Partial<CaseIntake> = {}): CaseIntake => ({
  channel: 'web',
  categoryId,
  title: `Đèn đường hỏng số ${n}`,
  description: `Đèn chiếu sáng trước nhà số ${n} đường Lê Lợi hỏng đã hai tuần, đề nghị sửa chữa.`,
  name: `Người dân ${n}`,
  email: `nguoidan${n}@example.vn`,
  follow: true,
  ...extra,
});

const count = async (where: ReturnType<typeof sql>) =>
  Number(
    (
      await rows<{ n: string }>(t.database.db, sql`SELECT count(*) AS n FROM feedback_cases WHERE ${where}`)
    )[0]!.n,
  );

describe('submissions that arrive together', () => {
  it('are each stored once, with a history step, a journal entry and the follower', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => createCase(ctx, intake(n, { idempotencyKey: `cw-a-${n}` }))),
    );
    expect(results.every((r) => r.created && r.key)).toBe(true);
    expect(new Set(results.map((r) => r.code)).size).toBe(40);
    expect(await count(sql`idempotency_key LIKE 'cw-a-%'`)).toBe(40);
    const ids = results.map((r) => r.id);
    const [events] = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM work_events WHERE kind = 'feedback_case' AND action = 'receive'
          AND item_id IN (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
    );
    expect(Number(events!.n)).toBe(40);
    const [journal] = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM audit_journal WHERE entity = 'feedback_case' AND action = 'receive'
          AND entity_id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    expect(Number(journal!.n)).toBe(40);
    const [followers] = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM feedback_followers WHERE email LIKE 'nguoidan%@example.vn'
          AND case_id IN (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
    );
    expect(Number(followers!.n)).toBe(40);
  });

  it('stores every field as given (the batch is sent as one array per column)', async () => {
    const receivedAt = new Date('2026-11-20T03:15:00Z'); // Friday 20/11/2026 10:15 in Vietnam
    const [withAll, bare] = await Promise.all([
      createCase(
        ctx,
        intake(50, {
          channel: 'phone',
          receivedAt,
          place: '  Khối 5, phường Trường Vinh ',
          lat: 18.6796,
          lng: 105.6813,
          phone: '0912 345 678',
          address: 'Số 12 Lê Lợi',
          anonymous: true,
          idempotencyKey: 'cw-f-1',
        }),
      ),
      createCase(
        ctx,
        intake(51, { categoryId: null, name: '', email: '', follow: false, idempotencyKey: 'cw-f-2' }),
      ),
    ]);
    const [row] = await rows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT channel, place, lat, lng, submitter_name, submitter_phone, submitter_email, submitter_address,
                 anonymous, received_at, received_on::text AS received_on, triage_due_date::text AS triage_due,
                 status, idempotency_key, category_id
          FROM feedback_cases WHERE id = ${withAll.id}::uuid`,
    );
    expect(row).toMatchObject({
      channel: 'phone',
      place: 'Khối 5, phường Trường Vinh',
      lat: 18.6796,
      lng: 105.6813,
      submitter_name: 'Người dân 50',
      submitter_phone: '0912 345 678',
      submitter_email: 'nguoidan50@example.vn',
      submitter_address: 'Số 12 Lê Lợi',
      anonymous: true,
      received_on: '2026-11-20',
      triage_due: withAll.triageDueDate,
      status: 'received',
      idempotency_key: 'cw-f-1',
      category_id: categoryId,
    });
    expect(new Date(row!.received_at as string).toISOString()).toBe(receivedAt.toISOString());
    const [other] = await rows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT category_id, lat, anonymous, submitter_email FROM feedback_cases WHERE id = ${bare.id}::uuid`,
    );
    expect(other).toEqual({ category_id: null, lat: null, anonymous: false, submitter_email: '' });
  });

  it('a repeat in the same moment — same key, or same content from the same client — is the first case', async () => {
    const [first, sameKey, sameContent, other] = await Promise.all([
      createCase(ctx, intake(100, { idempotencyKey: 'cw-b-1', client: '203.0.113.7' })),
      createCase(ctx, intake(100, { idempotencyKey: 'cw-b-1', client: '203.0.113.7' })),
      createCase(ctx, intake(100, { client: '203.0.113.7' })),
      createCase(ctx, intake(101, { client: '203.0.113.7' })),
    ]);
    expect(first).toMatchObject({ created: true });
    expect(sameKey).toMatchObject({ created: false, code: first.code, key: null });
    expect(sameContent).toMatchObject({ created: false, code: first.code, key: null });
    expect(other.created).toBe(true);
    expect(await count(sql`title = 'Đèn đường hỏng số 100'`)).toBe(1);
    // And a moment later, in another batch.
    expect(await createCase(ctx, intake(100, { idempotencyKey: 'cw-b-1' }))).toMatchObject({
      created: false,
      code: first.code,
    });
  });

  it('a submission with an unknown category is refused alone; the others of its batch are stored', async () => {
    const settled = await Promise.allSettled([
      createCase(ctx, intake(200, { idempotencyKey: 'cw-c-1' })),
      createCase(
        ctx,
        intake(201, { idempotencyKey: 'cw-c-2', categoryId: '00000000-0000-4000-8000-000000000000' }),
      ),
      createCase(ctx, intake(202, { idempotencyKey: 'cw-c-3' })),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({
      status: 400,
      messageKey: 'hotline.category_unknown',
    });
    expect(await count(sql`idempotency_key LIKE 'cw-c-%'`)).toBe(2);
  });

  it('a submission that breaks the batch at the database fails alone (the rest are written one by one)', async () => {
    const settled = await Promise.allSettled([
      createCase(ctx, intake(300, { idempotencyKey: 'cw-d-1' })),
      // A title longer than the column allows is refused by the routes' schemas; a NUL byte gets this far.
      createCase(
        ctx,
        intake(301, { idempotencyKey: 'cw-d-2', description: 'có ký tự \u0000 không lưu được' }),
      ),
      createCase(ctx, intake(302, { idempotencyKey: 'cw-d-3' })),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await count(sql`idempotency_key LIKE 'cw-d-%'`)).toBe(2);
  });
});
