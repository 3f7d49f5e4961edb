/**
 * Storing public survey responses so that the database's own bookkeeping cannot pair a response with the
 * invitation it came through (issue 17, "anonymous distribution"; ./README.md "Still to decide").
 *
 * A row carries more than its columns: the id of the transaction that wrote it (`xmin`) and its place in the table
 * (`ctid`). Were an invitation marked used and its response stored in one transaction they would share an `xmin`;
 * stored one at a time, in arrival order, the n-th used invitation would sit beside the n-th response. So:
 * - the invitation is consumed by the caller in a statement of its own (./public.service.ts), before it queues;
 * - this writer collects the responses that arrive within a few milliseconds (at most `MAX_BATCH`), **shuffles**
 *   them and inserts them with one statement — one transaction, one `xmin` for the whole batch, rows in random
 *   order — and only then answers each request: accepted means committed (`created`), never "queued";
 * - a response whose client key is already stored (a retry that raced its first send) is not inserted twice: it is
 *   answered `created: false`;
 * - when a response is not stored (the batch failed, or its client key was taken), the invitation it consumed is
 *   released again, so the respondent can answer once more.
 *
 * What stays (said plainly, not hidden): on a quiet server a batch may hold one response, and its transaction id
 * then follows the invitation's soon after; batches are stored in time order, so what the database keeps pairs a
 * response with the invitations used within the same few moments, no finer than that — the same as the day kept in
 * `submitted_on` would for a survey answered once a day. The rows hold no time, no address, no invitation.
 *
 * One writer per database handle (a transaction handle gets its own; its batches are then of one).
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import type { ResponseChannel } from './surveys.table.js';

/** How long the first response of a batch waits for others: short enough to go unnoticed on a phone. */
export const BATCH_WINDOW_MS = 5;
/** At most this many responses in one statement (9 arrays of 200: small whatever the answers' size). */
export const MAX_BATCH = 200;

/** A response as stored: answers only, and nothing that names the respondent or the moment. */
export type NewResponse = {
  surveyId: string;
  versionId: string;
  targetId: string;
  channel: ResponseChannel;
  /** The day in Vietnam (`coarsenTimestamp(now, 'day')`). */
  submittedOn: string;
  answers: unknown;
  clientKey: string;
  minutes: number | null;
  /** Only in a survey that says it is not anonymous; the public form never sets it. */
  respondentRef: string | null;
};

type Pending = {
  row: NewResponse;
  /** The hash of the invitation token consumed for it: released again when the response is not stored. */
  tokenHash: string | null;
  resolve: (created: boolean) => void;
  reject: (err: unknown) => void;
};

const keyOf = (r: Pick<NewResponse, 'surveyId' | 'clientKey'>) => `${r.surveyId}\n${r.clientKey}`;

/** Fisher–Yates with the system's random source: the order a batch is written in says nothing of its arrival. */
export function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

class ResponseWriter {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** Responses queued or being written, by survey and client key: a retry waits for its first send. */
  private inFlight = new Map<string, Promise<boolean>>();

  constructor(private readonly db: Db) {}

  submit(row: NewResponse, tokenHash: string | null): Promise<boolean> {
    const key = keyOf(row);
    const earlier = this.inFlight.get(key);
    const result = new Promise<boolean>((resolve, reject) =>
      this.queue.push({ row, tokenHash, resolve, reject }),
    );
    if (!earlier) {
      this.inFlight.set(key, result);
      const forget = () => {
        if (this.inFlight.get(key) === result) this.inFlight.delete(key);
      };
      result.then(forget, forget);
    }
    this.schedule();
    return result;
  }

  /** The outcome of a response with this client key still on its way to the table, if any. */
  pending(surveyId: string, clientKey: string): Promise<boolean> | undefined {
    return this.inFlight.get(keyOf({ surveyId, clientKey }));
  }

  private schedule() {
    if (this.running) return; // the running drain takes it next
    if (this.queue.length >= MAX_BATCH) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.drain();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, BATCH_WINDOW_MS);
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) await this.writeOrSplit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
      if (this.queue.length) this.schedule();
    }
  }

  private async writeOrSplit(batch: Pending[]) {
    try {
      await writeBatch(this.db, batch);
    } catch (err) {
      if (batch.length === 1) {
        await release(this.db, batch);
        batch[0]!.reject(err);
        return;
      }
      // One response broke the statement (a constraint no check foresaw): each alone, so only it fails.
      for (const p of batch) await this.writeOrSplit([p]);
    }
  }
}

/** Marks the consumed invitations of responses that were not stored as unused again (a statement of its own). */
async function release(db: Db, batch: readonly Pending[]) {
  const hashes = batch.flatMap((p) => (p.tokenHash ? [p.tokenHash] : []));
  if (!hashes.length) return;
  await db
    .execute(
      sql`UPDATE survey_invitations SET used = false WHERE token_hash = ANY(${sql.param(hashes)}::text[])`,
    )
    .catch(() => undefined); // the request fails anyway; a token left used is answered "already used"
}

/**
 * Writes one batch in random order with one statement; settles each response. Responses of the batch that repeat
 * another's client key are answered with the first's outcome (`created: false` once it is stored).
 */
async function writeBatch(db: Db, batch: Pending[]) {
  const firsts: Pending[] = [];
  const repeats: Pending[] = [];
  const seen = new Set<string>();
  for (const p of batch) {
    const key = keyOf(p.row);
    if (seen.has(key)) repeats.push(p);
    else {
      seen.add(key);
      firsts.push(p);
    }
  }
  const order = shuffle([...firsts]);
  const col = <T>(f: (r: NewResponse) => T) => sql.param(order.map((p) => f(p.row)));
  const stored = await rows<{ survey_id: string; client_key: string }>(
    db,
    sql`INSERT INTO survey_responses
          (survey_id, version_id, target_id, channel, submitted_on, answers, client_key, minutes, respondent_ref)
        SELECT s, v, t, c, d::date, a::jsonb, k, m, r
          FROM unnest(${col((r) => r.surveyId)}::uuid[], ${col((r) => r.versionId)}::uuid[],
                      ${col((r) => r.targetId)}::uuid[], ${col((r) => r.channel)}::text[],
                      ${col((r) => r.submittedOn)}::text[], ${col((r) => JSON.stringify(r.answers))}::text[],
                      ${col((r) => r.clientKey)}::text[], ${col((r) => r.minutes)}::int4[],
                      ${col((r) => r.respondentRef)}::uuid[])
               WITH ORDINALITY AS x(s, v, t, c, d, a, k, m, r, n)
         ORDER BY n
        ON CONFLICT (survey_id, client_key) DO NOTHING
        RETURNING survey_id, client_key`,
  );
  const created = new Set(stored.map((r) => keyOf({ surveyId: r.survey_id, clientKey: r.client_key })));
  // Not stored because the key was there already: nothing counted twice; an invitation it consumed is given back.
  await release(db, [...firsts.filter((p) => !created.has(keyOf(p.row))), ...repeats]);
  for (const p of firsts) p.resolve(created.has(keyOf(p.row)));
  for (const p of repeats) p.resolve(false);
}

const writers = new WeakMap<Db, ResponseWriter>();
const writerOf = (db: Db) => {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new ResponseWriter(db)));
  return w;
};

/**
 * Queues a response for the writer of its database handle; resolves once its batch is committed — true: stored
 * now; false: a response with the same client key was stored before (nothing stored again). Rejects when it
 * could not be stored (its invitation, `tokenHash`, is then released).
 */
export function queueResponse(db: Db, row: NewResponse, tokenHash: string | null = null): Promise<boolean> {
  return writerOf(db).submit(row, tokenHash);
}

/** The outcome of a response with this client key still queued or being written on this handle, if any. */
export function pendingResponse(db: Db, surveyId: string, clientKey: string): Promise<boolean> | undefined {
  return writers.get(db)?.pending(surveyId, clientKey);
}
