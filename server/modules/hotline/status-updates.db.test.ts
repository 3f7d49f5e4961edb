import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { systemContext, type RequestContext } from '../../core/context.js';
import { rows, type Db } from '../../db/client.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { listUnits } from '../units/units.service.js';
import { appendEvents } from '../work/work.service.js';
import { feedbackCases, feedbackFollowers } from './hotline.table.js';
import { createCase } from './intake.service.js';
import { statusUpdatesOwed, sweepStatusUpdates } from './status-updates.service.js';

/**
 * Status updates while a case is open (./status-updates.service.ts): every 7 working days of quiet (the default
 * rules) its followers get one mail saying it is being handled and by when — counted on the calendar, so the days
 * off of 30/4–1/5/2026 and the Hùng Kings' day moved to Monday 27/4 push the first one from Friday 1/5 to
 * Wednesday 6/5; the same day again, another pass or the next day queue nothing more; a new public step (an
 * extension) starts the count again; closed cases and followers who stopped hear nothing.
 */

let t: TestApp;
let db: Db;
let ctx: RequestContext;
let caseId: string;
let code: string;
let unitId: string;

/** 09:00 in Vietnam on `day` (or another hour). */
const vn = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/** The status-update mails queued for the test's case, oldest first. */
const mails = async () =>
  rows<{ to: string; subject: string; text: string; key: string }>(
    db,
    sql`SELECT payload->>'to' AS to, payload->>'subject' AS subject, payload->>'text' AS text, dedupe_key AS key
          FROM jobs WHERE kind = 'outside_email' AND dedupe_key LIKE ${`hotline:${caseId}:still_open:%`}
          ORDER BY created_at, dedupe_key`,
  );

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  ctx = systemContext(db);
  unitId = (await listUnits(db, { q: 'Sở Tư pháp' })).find((u) => u.name === 'Sở Tư pháp' && !u.validTo)!.id;
  // Received on Tuesday 21/4/2026 by the public form, the submitter following it by e-mail …
  const created = await createCase(ctx, {
    channel: 'web',
    receivedAt: vn('2026-04-21', 10),
    title: 'Chậm trả kết quả chứng thực',
    description: 'Hồ sơ chứng thực nộp ngày 15/4/2026 đến nay chưa có kết quả, đề nghị kiểm tra.',
    name: 'Phan Văn Theo',
    email: 'theo.phan@example.vn',
    follow: true,
  });
  caseId = created.id;
  code = created.code;
  // … and by a neighbour who followed it with the key; triaged to Sở Tư pháp on Wednesday 22/4, due 8/5.
  await db.insert(feedbackFollowers).values({ caseId, email: 'hang.xom@example.vn', tokenHash: 'x' });
  await db
    .update(feedbackCases)
    .set({
      status: 'assigned',
      classification: 'within_authority',
      handlingUnitId: unitId,
      dueDate: '2026-05-08',
    })
    .where(eq(feedbackCases.id, caseId));
  await appendEvents(db, [
    {
      kind: 'feedback_case',
      itemId: caseId,
      action: 'triage',
      fromStatus: 'received',
      toStatus: 'assigned',
      note: 'Sở Tư pháp',
      on: '2026-04-22',
      actorId: null,
    },
  ]);
});
afterAll(() => t.close());

describe('the rule', () => {
  it('counts full periods of working days since the last public step, days off skipped', async () => {
    const calendar = await loadCalendar(db);
    const owed = (today: string, every = 7) =>
      statusUpdatesOwed({ lastStepOn: '2026-04-22', today }, every, calendar);
    expect(owed('2026-04-22')).toBe(0);
    expect(owed('2026-05-01')).toBe(0); // a holiday: 4 working days only (27/4 and 30/4 were off too)
    expect(owed('2026-05-05')).toBe(0); // 6
    expect(owed('2026-05-06')).toBe(1); // 7
    expect(owed('2026-05-14')).toBe(1); // 13
    expect(owed('2026-05-15')).toBe(2); // 14
    expect(owed('2026-04-10')).toBe(0); // before the step (a clock set wrong)
    expect(owed('2026-05-06', 0)).toBe(0); // a broken rule never floods anyone
    // A step on a day off (Saturday 2/5) counts from the next working day (Monday 4/5).
    const fromSaturday = (today: string) =>
      statusUpdatesOwed({ lastStepOn: '2026-05-02', today }, 7, calendar);
    expect(fromSaturday('2026-05-12')).toBe(0);
    expect(fromSaturday('2026-05-13')).toBe(1);
  });
});

describe('the sweep', () => {
  it('sends nothing before 7 working days have passed, on the day off, or before 07:00', async () => {
    for (const at of [vn('2026-04-29'), vn('2026-05-01'), vn('2026-05-05'), vn('2026-05-06', 6)])
      await sweepStatusUpdates(db, at);
    expect(await mails()).toEqual([]);
  });

  it('on the 7th working day: one mail per follower, saying it is being handled and by when', async () => {
    const swept = await sweepStatusUpdates(db, vn('2026-05-06'));
    expect(swept.queued).toBe(2);
    const sent = await mails();
    expect(sent.map((m) => m.to).sort()).toEqual(['hang.xom@example.vn', 'theo.phan@example.vn']);
    for (const m of sent) {
      expect(m.subject).toBe(`[${code}] Phản ánh đang được xử lý, hạn trả lời 08/05/2026`);
      expect(m.text).toContain('Đơn vị xử lý: Sở Tư pháp.');
      expect(m.text).toContain(`/phan-anh/tra-cuu/${code}`);
      expect(m.text).not.toContain('Phan Văn Theo');
      expect(m.key).toContain(':still_open:2026-04-22:1:');
    }
  });

  it('a second pass the same day, the worker’s own pass and the next day queue nothing more', async () => {
    expect((await sweepStatusUpdates(db, vn('2026-05-06', 15))).queued).toBe(0);
    // The background worker runs the module's sweep on its passes (hotline.module.ts `jobs`).
    await t.app.notificationWorker.runNow(vn('2026-05-06', 16));
    expect((await sweepStatusUpdates(db, vn('2026-05-07'))).queued).toBe(0);
    expect(await mails()).toHaveLength(2);
  });

  it('after 7 more working days, the next update; a follower who stopped hears nothing', async () => {
    await db
      .update(feedbackFollowers)
      .set({ stoppedAt: new Date() })
      .where(sql`${feedbackFollowers.email} = 'hang.xom@example.vn'`);
    expect((await sweepStatusUpdates(db, vn('2026-05-14'))).queued).toBe(0);
    expect((await sweepStatusUpdates(db, vn('2026-05-15'))).queued).toBe(1);
    expect((await mails()).at(-1)).toMatchObject({ to: 'theo.phan@example.vn' });
  });

  it('a new public step (an extension) starts the count again, through the worker too', async () => {
    await db.update(feedbackCases).set({ dueDate: '2026-05-29' }).where(eq(feedbackCases.id, caseId));
    await appendEvents(db, [
      {
        kind: 'feedback_case',
        itemId: caseId,
        action: 'extend',
        fromStatus: 'assigned',
        toStatus: 'assigned',
        note: 'Cần xác minh thêm',
        on: '2026-05-18',
        actorId: null,
      },
    ]);
    // 22/5 would be the third period since 22/4, but only 4 working days since the extension.
    expect((await sweepStatusUpdates(db, vn('2026-05-22'))).queued).toBe(0);
    await t.app.notificationWorker.runNow(vn('2026-05-27'));
    const last = (await mails()).at(-1)!;
    expect(last.key).toContain(':still_open:2026-05-18:1:');
    expect(last.subject).toBe(`[${code}] Phản ánh đang được xử lý, hạn trả lời 29/05/2026`);
    expect(await mails()).toHaveLength(4);
  });

  it('a closed case is not updated', async () => {
    await db
      .update(feedbackCases)
      .set({ status: 'published', publishedAnswer: 'Đã trả kết quả.', publishedOn: '2026-05-28' })
      .where(eq(feedbackCases.id, caseId));
    expect((await sweepStatusUpdates(db, vn('2026-06-30'))).queued).toBe(0);
    expect(await mails()).toHaveLength(4);
  });
});
