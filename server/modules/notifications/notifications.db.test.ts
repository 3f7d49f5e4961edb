/**
 * The job queue and the notification plumbing against the real database (PGlite and PostgreSQL): claims
 * under concurrency, leases of crashed workers, retries, once-only enqueueing, notify() inside a
 * caller's transaction, recipients by role over a unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { systemContext } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { findUserByEmail } from '../users/users.service.js';
import { listUnits } from '../units/units.service.js';
import { testApp, testEngine, type TestApp } from '../../test/harness.js';
import { workDeadlineFeed, workForWorker } from '../../work-kinds.js';
import {
  claimJobs,
  completeJob,
  enqueueJob,
  enqueueJobs,
  failJob,
  jobByKey,
  type JobRow,
} from './jobs.service.js';
import type { MailMessage, Mailer } from './mailer.js';
import { jobsOfKind, notify, recipientsForUnit } from './notifications.service.js';
import { LEASE_MS, runDueJobs, runPass, scheduleReminders, type WorkerDeps } from './notifications.worker.js';

let t: TestApp;
let db: Db;
const T0 = new Date('2026-02-09T02:00:00Z'); // Mon 9/2/2026, 09:00 in Vietnam
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await testApp();
  quietPoolOnDrop(t);
  db = t.database.db;
});
afterAll(() => t.close());

/**
 * The harness drops a PostgreSQL test database WITH (FORCE) right after `pool.end()`, which resolves
 * before the pool's sockets are closed; a connection still closing then gets "terminating connection
 * due to administrator command" and the pool, which has no 'error' listener, throws it as an unhandled
 * error after the tests passed. Give the pool a listener (to be fixed in server/test/harness.ts).
 */
function quietPoolOnDrop(app: TestApp) {
  if (testEngine !== 'postgres') return;
  const client = (app.database.db as unknown as { $client?: { on?: (e: string, f: () => void) => void } })
    .$client;
  client?.on?.('error', () => {});
}

const userId = async (email: string) => (await findUserByEmail(systemContext(db), email))!.id;
const unitId = async (name: string) =>
  (await listUnits(db, { q: name })).find((u) => u.name === name && !u.validTo)!.id;

describe('the job queue', () => {
  it('enqueues a key once: a second enqueue of the same dedupe key is a no-op', async () => {
    const later = new Date('2100-01-01T00:00:00Z'); // never due in these tests
    expect(await enqueueJob(db, { kind: 'test', dedupeKey: 'once:1', runAt: later }, T0)).toBe(true);
    expect(
      await enqueueJob(db, { kind: 'test', dedupeKey: 'once:1', payload: { other: true }, runAt: later }, T0),
    ).toBe(false);
    expect((await jobByKey(db, 'once:1'))!.payload).toEqual({});
    expect(
      await enqueueJobs(
        db,
        [
          { kind: 'test', dedupeKey: 'once:1', runAt: later },
          { kind: 'test', dedupeKey: 'once:2', runAt: later },
        ],
        T0,
      ),
    ).toEqual(['once:2']);
  });

  it(`concurrent workers claim disjoint jobs (FOR UPDATE SKIP LOCKED, ${testEngine})`, async () => {
    const keys = Array.from({ length: 40 }, (_, i) => ({ kind: 'race', dedupeKey: `race:${i}`, runAt: T0 }));
    await enqueueJobs(db, keys, T0);
    const claims = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((workerId) =>
        claimJobs(db, { workerId, now: at(1), leaseMs: LEASE_MS, limit: 15 }),
      ),
    );
    const ids = claims.flat().filter((j) => j.kind === 'race');
    expect(new Set(ids.map((j) => j.id)).size).toBe(ids.length); // nobody got a job twice
    // Clean up the claimed test jobs so later tests see an empty queue.
    for (const [i, list] of claims.entries())
      for (const job of list)
        expect(await completeJob(db, job, `w${i + 1}`, { status: 'done', now: at(1) })).toBe(true);
    const rest = await claimJobs(db, { workerId: 'w5', now: at(1), leaseMs: LEASE_MS, limit: 100 });
    for (const job of rest) await completeJob(db, job, 'w5', { status: 'done', now: at(1) });
    const all = await jobsOfKind(db, 'race');
    expect(all.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    expect(all).toHaveLength(40);
  });

  it('a crashed worker’s claim expires and the job is retried; the late worker cannot complete it; done is final', async () => {
    await enqueueJob(db, { kind: 'crash', dedupeKey: 'crash:1', runAt: at(10) }, at(10));
    const [a] = await claimJobs(db, { workerId: 'A', now: at(10), leaseMs: LEASE_MS, limit: 10 });
    expect(a?.dedupeKey).toBe('crash:1');
    // While A's lease runs, nobody else gets it.
    expect(await claimJobs(db, { workerId: 'B', now: at(14), leaseMs: LEASE_MS, limit: 10 })).toEqual([]);
    // A "crashes"; after the lease, B takes it over (second attempt).
    const [b] = await claimJobs(db, { workerId: 'B', now: at(16), leaseMs: LEASE_MS, limit: 10 });
    expect(b).toMatchObject({ id: a!.id, lockedBy: 'B', attempts: 2 });
    // A wakes up: its completion finds nothing to complete (its effects roll back with it).
    expect(await completeJob(db, a!, 'A', { status: 'done', now: at(17) })).toBe(false);
    expect(await completeJob(db, b!, 'B', { status: 'done', result: { ok: 1 }, now: at(17) })).toBe(true);
    // A done job is never claimed again, however late.
    expect(
      await claimJobs(db, { workerId: 'C', now: at(60 * 24 * 30), leaseMs: LEASE_MS, limit: 10 }),
    ).toEqual([]);
    expect(await jobByKey(db, 'crash:1')).toMatchObject({
      status: 'done',
      result: { ok: 1 },
      lockedBy: null,
    });
  });

  it('a failing job is retried after attempts² minutes, then marked failed after max attempts', async () => {
    await enqueueJob(db, { kind: 'flaky', dedupeKey: 'flaky:1', maxAttempts: 2, runAt: at(100) }, at(100));
    const [first] = await claimJobs(db, { workerId: 'W', now: at(100), leaseMs: LEASE_MS, limit: 1 });
    expect(await failJob(db, first!, 'W', new Error('SMTP 451'), at(100))).toBe('pending');
    expect(await claimJobs(db, { workerId: 'W', now: at(100.5), leaseMs: LEASE_MS, limit: 1 })).toEqual([]);
    const [second] = await claimJobs(db, { workerId: 'W', now: at(101), leaseMs: LEASE_MS, limit: 1 });
    expect(second).toMatchObject({ attempts: 2, lastError: 'SMTP 451' });
    expect(await failJob(db, second!, 'W', new Error('SMTP 554'), at(101))).toBe('failed');
    expect(await jobByKey(db, 'flaky:1')).toMatchObject({ status: 'failed', lastError: 'SMTP 554' });
    expect(await claimJobs(db, { workerId: 'W', now: at(1000), leaseMs: LEASE_MS, limit: 1 })).toEqual([]);
  });

  it('a job whose worker keeps dying is failed once its attempts are used up', async () => {
    await enqueueJob(db, { kind: 'poison', dedupeKey: 'poison:1', maxAttempts: 1, runAt: at(200) }, at(200));
    const [job] = await claimJobs(db, { workerId: 'X', now: at(200), leaseMs: LEASE_MS, limit: 1 });
    expect(job?.attempts).toBe(1);
    expect(await claimJobs(db, { workerId: 'Y', now: at(210), leaseMs: LEASE_MS, limit: 1 })).toEqual([]);
    expect(await jobByKey(db, 'poison:1')).toMatchObject({
      status: 'failed',
      lastError: 'lease expired too often',
    });
  });
});

describe('notify() and recipients', () => {
  it('recipientsForUnit: users holding the roles over the unit or one of its ancestors, grants in force', async () => {
    const tuphap = await unitId('Sở Tư pháp');
    const expected = [
      await userId('daumoi.tuphap@chidao.demo'),
      await userId('lanhdao.tuphap@chidao.demo'),
    ].sort();
    const ctx = systemContext(db);
    expect(await recipientsForUnit(ctx, tuphap, ['focal_point', 'unit_leader'])).toEqual(expected);
    expect(await recipientsForUnit(ctx, tuphap, ['focal_point'])).toEqual([
      await userId('daumoi.tuphap@chidao.demo'),
    ]);
    // The administrator's grant is over the province, an ancestor of the department.
    expect(await recipientsForUnit(ctx, tuphap, ['admin'])).toEqual([await userId('admin@chidao.demo')]);
    expect(await recipientsForUnit(ctx, tuphap, [])).toEqual([]);
    // Sở Xây dựng's leader holds their grant over their own department only.
    expect(await recipientsForUnit(ctx, await unitId('Sở Xây dựng'), ['unit_leader'])).toEqual([
      await userId('lanhdao.xaydung@chidao.demo'),
    ]);
    expect(await recipientsForUnit(ctx, await unitId('Sở Y tế'), ['unit_leader'])).toEqual([]);
  });

  it('runs inside the caller’s transaction: rolled back with it, nothing left behind', async () => {
    const uid = await userId('uyvien@chidao.demo');
    await expect(
      db.transaction(async (tx) => {
        const r = await notify(systemContext(tx), {
          userIds: [uid],
          kind: 'test',
          text: { vi: { title: 'Thử' }, en: { title: 'Test' } },
          dedupeKey: 'rollback-test',
        });
        expect(r.created).toBe(1);
        throw new Error('the caller fails after notify()');
      }),
    ).rejects.toThrow('the caller fails');
    const again = await notify(systemContext(db), {
      userIds: [uid],
      kind: 'test',
      text: { vi: { title: 'Thử' }, en: { title: 'Test' } },
      dedupeKey: 'rollback-test',
    });
    expect(again.created).toBe(1); // the rolled-back one did not take the key
  });

  it('a dedupe key makes it once-only per user; a digest user gets one digest job per day however many events', async () => {
    const uid = await userId('thamdinh@chidao.demo');
    const send = (key: string, now: Date) =>
      notify(
        systemContext(db),
        {
          userIds: [uid, uid],
          kind: 'task_returned',
          messageKey: 'notification.task_returned',
          params: { task: 'Nhiệm vụ thử', reason: 'Thiếu tài liệu' },
          dedupeKey: key,
        },
        now,
      );
    expect((await send('k1', at(300))).created).toBe(1);
    expect((await send('k1', at(301))).created).toBe(0);
    expect((await send('k2', at(302))).created).toBe(1);
    const digests = (await jobsOfKind(db, 'digest')).filter((j) => j.dedupeKey.startsWith(`digest:${uid}:`));
    expect(digests.map((j) => j.dedupeKey)).toEqual([`digest:${uid}:2026-02-10`]);
    expect(digests[0]!.runAt).toEqual(new Date('2026-02-10T00:00:00Z')); // 07:00 in Vietnam
  });

  it('refuses a message key it does not know and links outside the web UI', async () => {
    const uid = await userId('thamdinh@chidao.demo');
    await expect(
      notify(systemContext(db), { userIds: [uid], kind: 'x', messageKey: 'notification.nope' as never }),
    ).rejects.toThrow(/messageKey/);
    await expect(
      notify(systemContext(db), {
        userIds: [uid],
        kind: 'x',
        text: { vi: { title: 'a' }, en: { title: 'a' } },
        link: 'https://evil.example',
      }),
    ).rejects.toThrow(/link/);
    await expect(
      notify(systemContext(db), {
        userIds: [uid],
        kind: 'x',
        text: { vi: { title: 'a' }, en: { title: 'a' } },
        link: '//evil.example/path',
      }),
    ).rejects.toThrow(/link/);
  });
});

describe('reminder jobs', () => {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    async send(m) {
      sent.push(m);
      return { messageId: `m${sent.length}` };
    },
    close() {},
  };
  const deps = (workerId: string): WorkerDeps => ({
    db,
    config: loadConfig({}).notifications,
    mailer,
    workerId,
    ...workForWorker(null),
  });

  it('a scheduler pass run twice enqueues each reminder once', async () => {
    const first = await scheduleReminders(db, workDeadlineFeed, at(400));
    expect(first.enqueued).toBeGreaterThan(0);
    expect(first.enqueued).toBe(first.due);
    const second = await scheduleReminders(db, workDeadlineFeed, at(401));
    expect(second).toMatchObject({ due: first.due, enqueued: 0 });
  });

  it('a worker that dies mid-job leaves no trace; the job is done once, by the next worker, after the lease', async () => {
    const reminders = await jobsOfKind(db, 'task_reminder');
    const before = reminders.length;
    // Worker A claims everything, then dies without running anything.
    const claimed = await claimJobs(db, { workerId: 'dead', now: at(402), leaseMs: LEASE_MS, limit: 5000 });
    expect(claimed.filter((j: JobRow) => j.kind === 'task_reminder')).toHaveLength(before);
    // Within the lease, a pass does nothing with them.
    expect((await runDueJobs(deps('alive'), at(403))).claimed).toBe(0);
    // After it, a new worker runs them: each reminder job creates its notifications exactly once.
    const counts = await runDueJobs(deps('alive'), at(402 + 6));
    expect(counts.claimed).toBeGreaterThanOrEqual(before);
    expect(counts.failed + counts.retry + counts.lost).toBe(0);
    const after = await jobsOfKind(db, 'task_reminder');
    expect(after.every((j) => j.status === 'done' || j.status === 'skipped')).toBe(true);
    expect(after.every((j) => j.attempts === 2)).toBe(true);
    // Another whole pass the same day adds nothing.
    const again = await runPass(deps('third'), at(500));
    expect(again.reminders.enqueued).toBe(0);
  });
});
