/**
 * The database-backed job queue, on PGlite and PostgreSQL alike.
 *
 * - Enqueue: INSERT … ON CONFLICT (dedupe_key) DO NOTHING. A job key is used once, ever: enqueueing it
 *   again (a second scheduler pass, another process, a restart) is a no-op.
 * - Claim: `UPDATE jobs … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *` — concurrent
 *   workers on PostgreSQL take disjoint jobs; PGlite (one connection) runs it the same way. A claim is
 *   a lease (`locked_until`); the lease of a crashed worker expires and the job is claimed again.
 * - Complete: `… WHERE id = ? AND locked_by = me AND status = 'running'`. A job whose database effects
 *   commit in the same transaction as its completion runs exactly once: a worker that lost its lease
 *   finds no row to complete and rolls its effects back. A completed job is never claimed again.
 * - Fail: back to pending after attempts² minutes (at most an hour), or 'failed' after `max_attempts`.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobs } from './notifications.table.js';
import { retryDelayMs } from './schedule.js';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

export type NewJob = {
  kind: string;
  dedupeKey: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
  /** A chosen id (e.g. to point at the job before it is inserted). */
  id?: string;
};

/** A name for this process's worker in `locked_by` (host, pid and a random part). */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Enqueues jobs; those whose dedupe key already exists are skipped. Returns the keys inserted. */
export async function enqueueJobs(db: Db, list: readonly NewJob[], now = new Date()): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows = await db
      .insert(jobs)
      .values(
        chunk.map((j) => ({
          ...(j.id ? { id: j.id } : {}),
          kind: j.kind,
          dedupeKey: j.dedupeKey,
          payload: j.payload ?? {},
          runAt: j.runAt ?? now,
          maxAttempts: j.maxAttempts ?? 5,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: jobs.dedupeKey })
      .returning({ key: jobs.dedupeKey });
    inserted.push(...rows.map((r) => r.key));
  }
  return inserted;
}

export async function enqueueJob(db: Db, job: NewJob, now = new Date()): Promise<boolean> {
  return (await enqueueJobs(db, [job], now)).length === 1;
}

export type ClaimOptions = { workerId: string; now: Date; leaseMs: number; limit: number };

/**
 * Claims up to `limit` due jobs for `workerId`: pending ones whose time has come, and running ones whose
 * lease expired (their worker died). Jobs that exhausted their attempts while leased are marked failed.
 */
export async function claimJobs(db: Db, options: ClaimOptions): Promise<JobRow[]> {
  const { workerId, now, leaseMs, limit } = options;
  await db
    .update(jobs)
    .set({ status: 'failed', lockedBy: null, lockedUntil: null, lastError: 'lease expired too often' })
    .where(
      and(
        eq(jobs.status, 'running'),
        lt(jobs.lockedUntil, now),
        sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
      ),
    );
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
        and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(jobs)
    .set({
      status: 'running',
      lockedBy: workerId,
      lockedUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${jobs.attempts} + 1`,
    })
    .where(inArray(jobs.id, due))
    .returning();
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/**
 * Marks a claimed job done (or skipped) if `workerId` still holds it. Run it in the same transaction as
 * the job's database effects and roll back when it returns false (the lease was lost to another worker).
 */
export async function completeJob(
  db: Db,
  job: Pick<JobRow, 'id'>,
  workerId: string,
  outcome: { status: 'done' | 'skipped'; result?: Record<string, unknown>; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: outcome.status,
      result: outcome.result ?? null,
      doneAt: outcome.now,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Records a failed attempt: retried later, or 'failed' once the attempts are used up. */
export async function failJob(
  db: Db,
  job: Pick<JobRow, 'id' | 'attempts' | 'maxAttempts'>,
  workerId: string,
  error: unknown,
  now: Date,
): Promise<JobStatus> {
  const final = job.attempts >= job.maxAttempts;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await db
    .update(jobs)
    .set({
      status: final ? 'failed' : 'pending',
      runAt: final ? undefined : new Date(now.getTime() + retryDelayMs(job.attempts)),
      lastError: message,
      lockedBy: null,
      lockedUntil: null,
      doneAt: final ? now : null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
  return final ? 'failed' : 'pending';
}

/** Stores intermediate state of a claimed job (e.g. the notifications a digest carries). */
export async function updateJobPayload(
  db: Db,
  job: Pick<JobRow, 'id'>,
  workerId: string,
  payload: Record<string, unknown>,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ payload })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function jobByKey(db: Db, dedupeKey: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
  return row;
}

/** Pending jobs of a kind whose key starts with `prefix` (e.g. a user's digests). */
export async function pendingJobsByPrefix(db: Db, kind: string, prefix: string): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(
      and(eq(jobs.kind, kind), eq(jobs.status, 'pending'), sql`starts_with(${jobs.dedupeKey}, ${prefix})`),
    );
}

export async function rescheduleJob(db: Db, id: string, runAt: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'pending')));
}

export type JobSummary = {
  counts: { kind: string; status: string; count: number }[];
  recentFailures: {
    id: string;
    kind: string;
    dedupeKey: string;
    attempts: number;
    lastError: string | null;
    at: string;
  }[];
  nextRunAt: string | null;
};

/** Counts by kind and status, the latest failures and the next pending run (operations view). */
export async function jobSummary(db: Db): Promise<JobSummary> {
  const counts = await db
    .select({ kind: jobs.kind, status: jobs.status, count: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.kind, jobs.status)
    .orderBy(jobs.kind, jobs.status);
  const failures = await db
    .select()
    .from(jobs)
    .where(or(eq(jobs.status, 'failed'), sql`${jobs.lastError} IS NOT NULL`))
    .orderBy(sql`coalesce(${jobs.doneAt}, ${jobs.runAt}) DESC`)
    .limit(20);
  const [next] = await db
    .select({ at: sql<Date | string | null>`min(${jobs.runAt})` })
    .from(jobs)
    .where(eq(jobs.status, 'pending'));
  return {
    counts: counts.map((c) => ({ ...c, count: Number(c.count) })),
    recentFailures: failures.map((f) => ({
      id: f.id,
      kind: f.kind,
      dedupeKey: f.dedupeKey,
      attempts: f.attempts,
      lastError: f.lastError,
      at: (f.doneAt ?? f.runAt).toISOString(),
    })),
    nextRunAt: next?.at ? new Date(next.at).toISOString() : null,
  };
}
