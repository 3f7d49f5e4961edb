/**
 * Storing new cases with group commit: the submissions that arrive while the database is busy with the previous
 * ones are written together — one transaction, one multi-row INSERT per table — instead of ten statements and a
 * transaction each. This is what lets one server take a burst of public submissions (issue 14, "Bad input and
 * load"; `npm run bench -- hotline`) without any submission being answered before its case is committed: each
 * request waits for the commit of the batch that holds it, never for anything else, and a quiet server writes a
 * batch of one on the next turn of the event loop (no timer, no added wait).
 *
 * One writer per database handle (a transaction given by a caller gets its own writer, whose batches are then of
 * one). Batches of one handle run one after another, so a repeat that arrives while its first is being written
 * finds it in the next batch. Within a batch:
 * - the rules, the calendar, the province and the categories are read once for all;
 * - the repeats (same idempotency key, same e-mail Message-ID, same content from the same client within the
 *   window) are found by one query, and repeats inside the batch are answered with the first of them;
 * - the cases are inserted with ON CONFLICT DO NOTHING: one that conflicts (another process stored the same key
 *   a moment ago, or a tracking code drawn twice) is not returned and goes to the next batch, where it is found as
 *   a repeat or drawn a new code (three tries);
 * - an error of the whole batch (a constraint no check foresaw) retries its submissions one by one, so one bad
 *   submission fails alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, getTableColumns, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { rows, type Db } from '../../db/client.js';
import type { MessageKey } from '../../core/messages.js';
import { recordChanges } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar } from '../calendar/index.js';
import { appendEvents } from '../work/work.service.js';
import { feedbackCaseFiles, feedbackCases, feedbackFollowers } from './hotline.table.js';
import { newTrackingCode } from './rules/tracking-code.js';
import { triageDueDate } from './rules/sla.js';
import {
  categoriesByIds,
  hotlineProvince,
  rulesOn,
  settingsGeneration,
  type RuleVersion,
} from './settings.service.js';
import type { CaseIntake, IntakeResult } from './intake.service.js';

/** The same content from the same client within this many minutes is the same case (a double tap, a retry). */
export const REPEAT_WINDOW_MINUTES = 10;
/** At most this many submissions in one transaction (a statement of 200 rows × 30 columns stays well in bounds). */
const MAX_BATCH = 200;
/** Tries to store a case whose insert conflicted (a tracking code drawn twice is about 1 in 10^12 a year). */
const MAX_ATTEMPTS = 3;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type PendingCase = {
  ctx: RequestContext;
  intake: CaseIntake;
  contentKey: string | null;
  receivedAt: Date;
  now: Date;
  /** The submitter's key (its hash is stored); returned only to the request that created the case. */
  key: string;
  keyHash: string;
  attempt: number;
  resolve: (result: IntakeResult) => void;
  reject: (err: unknown) => void;
};

type CaseRow = typeof feedbackCases.$inferSelect;

const repeatOf = (row: Pick<CaseRow, 'id' | 'code' | 'receivedOn' | 'triageDueDate'>): IntakeResult => ({
  id: row.id,
  code: row.code,
  key: null,
  created: false,
  receivedOn: row.receivedOn,
  triageDueDate: row.triageDueDate,
});

class CaseWriter {
  private queue: PendingCase[] = [];
  private running = false;
  private scheduled = false;

  constructor(private readonly db: Db) {}

  submit(pending: PendingCase) {
    this.queue.push(pending);
    this.schedule();
  }

  private schedule() {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // The next turn of the event loop: the requests parsed in this one join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.writeOrSplit(batch);
      }
    } finally {
      this.running = false;
      if (this.queue.length) this.schedule();
    }
  }

  private async writeOrSplit(batch: PendingCase[]) {
    try {
      const retry = await writeBatch(this.db, batch);
      this.queue.unshift(...retry);
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // One submission broke the batch: each alone, so that only it fails.
      for (const p of batch) await this.writeOrSplit([p]);
    }
  }
}

const writers = new WeakMap<Db, CaseWriter>();

/** Queues a case for the writer of its database handle; resolves once it is committed (or found as a repeat). */
export function queueCase(pending: Omit<PendingCase, 'resolve' | 'reject'>): Promise<IntakeResult> {
  const db = pending.ctx.db;
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new CaseWriter(db)));
  return new Promise<IntakeResult>((resolve, reject) => writer.submit({ ...pending, resolve, reject }));
}

/** The key that makes two submissions the same case, in the order they are checked. */
function sameAs(p: PendingCase): string[] {
  const keys: string[] = [];
  if (p.intake.idempotencyKey) keys.push(`i:${p.intake.idempotencyKey}`);
  if (p.intake.sourceMessageId) keys.push(`m:${p.intake.sourceMessageId}`);
  if (p.contentKey) keys.push(`c:${p.contentKey}`);
  return keys;
}

/** Earlier cases that submissions of the batch repeat, in one query. */
async function findRepeats(db: Db, batch: readonly PendingCase[]) {
  const idem = batch.flatMap((p) => (p.intake.idempotencyKey ? [p.intake.idempotencyKey] : []));
  const mails = batch.flatMap((p) => (p.intake.sourceMessageId ? [p.intake.sourceMessageId] : []));
  const contents = batch.filter((p) => p.contentKey);
  const conditions: SQL[] = [];
  if (idem.length) conditions.push(inArray(feedbackCases.idempotencyKey, idem));
  if (mails.length) conditions.push(inArray(feedbackCases.sourceMessageId, mails));
  if (contents.length) {
    const since = new Date(
      Math.min(...contents.map((p) => p.now.getTime())) - REPEAT_WINDOW_MINUTES * 60_000,
    );
    conditions.push(
      and(
        inArray(
          feedbackCases.contentKey,
          contents.map((p) => p.contentKey!),
        ),
        gte(feedbackCases.receivedAt, since),
      )!,
    );
  }
  if (!conditions.length) return new Map<string, IntakeResult & { receivedAt: Date }>();
  const rows = await db
    .select({
      id: feedbackCases.id,
      code: feedbackCases.code,
      receivedOn: feedbackCases.receivedOn,
      triageDueDate: feedbackCases.triageDueDate,
      receivedAt: feedbackCases.receivedAt,
      idempotencyKey: feedbackCases.idempotencyKey,
      sourceMessageId: feedbackCases.sourceMessageId,
      contentKey: feedbackCases.contentKey,
    })
    .from(feedbackCases)
    .where(or(...conditions));
  const found = new Map<string, IntakeResult & { receivedAt: Date }>();
  for (const r of rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const result = { ...repeatOf(r), receivedAt: r.receivedAt };
    for (const k of [
      r.idempotencyKey && `i:${r.idempotencyKey}`,
      r.sourceMessageId && `m:${r.sourceMessageId}`,
      r.contentKey && `c:${r.contentKey}`,
    ])
      if (k && !found.has(k)) found.set(k, result);
  }
  return found;
}

/**
 * What a batch needs to know: the calendar, the rules of each day, the provinces, the categories. Kept for a
 * second per database handle (and dropped at once when the hotline's settings change: `settingsGeneration`), so
 * that a busy second reads them once rather than once a batch; a calendar edited meanwhile is seen within that
 * second.
 */
type Lookups = {
  calendar: Calendar;
  rules: (day: string) => Promise<RuleVersion>;
  province: (subjectUnitId: string | null | undefined) => Promise<string | null>;
  categoryActive: Map<string, boolean>;
};

const LOOKUPS_TTL_MS = 1000;
const cachedLookups = new WeakMap<Db, { expires: number; generation: number; lookups: Lookups }>();

async function lookups(ctx: RequestContext, batch: readonly PendingCase[]): Promise<Lookups> {
  const now = Date.now();
  let hit = cachedLookups.get(ctx.db);
  if (!hit || hit.expires <= now || hit.generation !== settingsGeneration()) {
    const rulesByDay = new Map<string, Promise<RuleVersion>>();
    const provinceBySubject = new Map<string, Promise<string | null>>();
    hit = {
      expires: now + LOOKUPS_TTL_MS,
      generation: settingsGeneration(),
      lookups: {
        calendar: await loadCalendar(ctx.db),
        rules: (day) => {
          let r = rulesByDay.get(day);
          if (!r) rulesByDay.set(day, (r = rulesOn(ctx, day)));
          return r;
        },
        province: (subject) => {
          const k = subject ?? '';
          let r = provinceBySubject.get(k);
          if (!r) provinceBySubject.set(k, (r = hotlineProvince(ctx.db, subject)));
          return r;
        },
        categoryActive: new Map(),
      },
    };
    cachedLookups.set(ctx.db, hit);
  }
  const { categoryActive } = hit.lookups;
  const missing = batch.flatMap((p) =>
    p.intake.categoryId && !categoryActive.has(p.intake.categoryId) ? [p.intake.categoryId] : [],
  );
  if (missing.length) {
    const found = await categoriesByIds(ctx.db, missing);
    for (const id of missing) categoryActive.set(id, found.get(id)?.active ?? false);
  }
  return hit.lookups;
}

const refused = (field: string, key: MessageKey) =>
  new AppError(400, 'VALIDATION_FAILED', key, {}, [{ field, message: key }]);

/**
 * Writes one batch; settles each submission (created, a repeat, or refused) and returns those to try again (their
 * insert conflicted). Throws when the batch's transaction fails as a whole.
 */
async function writeBatch(db: Db, batch: readonly PendingCase[]): Promise<PendingCase[]> {
  const ctx: RequestContext = { ...batch[0]!.ctx, db };
  const look = await lookups(ctx, batch);
  const earlier = await findRepeats(db, batch);

  type Ready = { p: PendingCase; values: NewCase };
  const ready: Ready[] = [];
  /** Submissions that repeat another of this batch, by the first's index in `ready`. */
  const followersOf = new Map<number, PendingCase[]>();
  const firstInBatch = new Map<string, number>();
  for (const p of batch) {
    const keys = sameAs(p);
    const hit = keys.map((k) => ({ k, r: earlier.get(k) })).find(({ k, r }) => r && repeatCounts(k, r, p));
    if (hit) {
      p.resolve(repeatOf(hit.r!));
      continue;
    }
    const sibling = keys.map((k) => firstInBatch.get(k)).find((i) => i !== undefined);
    if (sibling !== undefined) {
      followersOf.set(sibling, [...(followersOf.get(sibling) ?? []), p]);
      continue;
    }
    const { intake } = p;
    if (intake.categoryId && !look.categoryActive.get(intake.categoryId)) {
      p.reject(refused('categoryId', 'hotline.category_unknown'));
      continue;
    }
    const provinceId = await look.province(intake.subjectUnitId);
    if (!provinceId) {
      p.reject(new AppError(409, 'CONFLICT', 'hotline.no_province'));
      continue;
    }
    const receivedOn = look.calendar.effectiveReceiptDay(p.receivedAt);
    const { id: ruleVersionId, rules } = await look.rules(receivedOn);
    for (const k of keys) firstInBatch.set(k, ready.length);
    ready.push({
      p,
      values: {
        code: newTrackingCode(Number(receivedOn.slice(0, 4))),
        channel: intake.channel,
        provinceId,
        categoryId: intake.categoryId ?? null,
        subjectUnitId: intake.subjectUnitId ?? null,
        place: (intake.place ?? '').trim(),
        lat: intake.lat ?? null,
        lng: intake.lng ?? null,
        title: intake.title.trim(),
        description: intake.description.trim(),
        submitterName: (intake.name ?? '').trim(),
        submitterPhone: (intake.phone ?? '').trim(),
        submitterEmail: emailOf(intake),
        submitterAddress: (intake.address ?? '').trim(),
        anonymous: intake.anonymous ?? false,
        submitterKeyHash: p.keyHash,
        receivedAt: p.receivedAt,
        receivedOn,
        enteredBy:
          intake.channel === 'web' || intake.channel === 'open311' ? null : (p.ctx.actor?.user.id ?? null),
        ruleVersionId,
        triageDueDate: triageDueDate({ receivedOn }, rules, look.calendar),
        idempotencyKey: intake.idempotencyKey ?? null,
        contentKey: p.contentKey,
        sourceMessageId: intake.sourceMessageId ?? null,
      },
    });
  }
  if (!ready.length) return [];

  const created = await db.transaction(async (tx) => {
    const inserted = await insertCases(
      tx,
      ready.map((r) => r.values),
    );
    const byCode = new Map(
      ready.flatMap(({ values }) => {
        const id = inserted.get(values.code);
        return id ? [[values.code, { ...values, id }] as const] : [];
      }),
    );
    const stored = ready.flatMap((r) => {
      const row = byCode.get(r.values.code);
      return row ? [{ ...r, row }] : [];
    });
    const files = stored.flatMap(({ p, row }) =>
      (p.intake.fileIds ?? []).map((f, i) => ({
        caseId: row.id,
        fileId: f.id,
        public: f.public,
        position: i,
      })),
    );
    if (files.length) await tx.insert(feedbackCaseFiles).values(files);
    const followers = stored.flatMap(({ p, row }) =>
      p.intake.follow && row.submitterEmail
        ? [{ caseId: row.id, email: row.submitterEmail, tokenHash: sha256(randomBytes(24).toString('hex')) }]
        : [],
    );
    if (followers.length) await tx.insert(feedbackFollowers).values(followers).onConflictDoNothing();
    await appendEvents(
      tx,
      stored.map(({ p, row }) => ({
        kind: 'feedback_case',
        itemId: row.id,
        action: 'receive',
        fromStatus: null,
        toStatus: 'received',
        note: null,
        // The day it arrived, not the day its clock starts: a case sent on Saturday or at 19:00 counts from
        // the next working day (receivedOn), but the officer may triage it the evening it came.
        on: look.calendar.localDateOf(p.receivedAt),
        at: p.now,
        actorId: p.ctx.actor?.user.id ?? null,
      })),
    );
    await recordChanges(
      tx,
      stored.map(({ p, row }) => ({
        ctx: p.ctx,
        change: {
          action: 'receive',
          entity: 'feedback_case',
          entityId: row.id,
          after: { ...row, status: 'received', submitterKeyHash: undefined },
        },
      })),
    );
    return byCode;
  });

  const retry: PendingCase[] = [];
  ready.forEach(({ p, values }, i) => {
    const row = created.get(values.code);
    const siblings = followersOf.get(i) ?? [];
    if (!row) {
      // Conflicted: the next batch finds it as a repeat, or draws another code.
      for (const s of [p, ...siblings]) {
        if (s.attempt + 1 >= MAX_ATTEMPTS) s.reject(new AppError(409, 'CONFLICT', 'error.conflict'));
        else retry.push({ ...s, attempt: s.attempt + 1 });
      }
      return;
    }
    p.resolve({
      id: row.id,
      code: row.code,
      key: p.key,
      created: true,
      receivedOn: row.receivedOn,
      triageDueDate: row.triageDueDate,
    });
    for (const s of siblings) s.resolve(repeatOf(row));
  });
  return retry;
}

const emailOf = (intake: CaseIntake) => (intake.email ?? '').trim().toLowerCase();

/** An earlier case found by this key is a repeat of `p`: always by key or Message-ID, by content within the window. */
function repeatCounts(key: string, earlier: { receivedAt: Date }, p: PendingCase) {
  if (!key.startsWith('c:')) return true;
  return earlier.receivedAt.getTime() >= p.now.getTime() - REPEAT_WINDOW_MINUTES * 60_000;
}

type NewCase = typeof feedbackCases.$inferInsert & { code: string };

/**
 * The columns a new case is written with, each with its SQL type: the batch is sent as one array per column and
 * unnested (one statement whose size does not grow with its text, and far less work than building a VALUES list
 * of 30 parameters per row).
 */
const CASE_COLUMNS: readonly (readonly [keyof NewCase, string])[] = [
  ['code', 'text'],
  ['channel', 'text'],
  ['provinceId', 'uuid'],
  ['categoryId', 'uuid'],
  ['subjectUnitId', 'uuid'],
  ['place', 'text'],
  ['lat', 'float8'],
  ['lng', 'float8'],
  ['title', 'text'],
  ['description', 'text'],
  ['submitterName', 'text'],
  ['submitterPhone', 'text'],
  ['submitterEmail', 'text'],
  ['submitterAddress', 'text'],
  ['anonymous', 'bool'],
  ['submitterKeyHash', 'text'],
  ['receivedAt', 'timestamptz'],
  ['receivedOn', 'date'],
  ['enteredBy', 'uuid'],
  ['ruleVersionId', 'uuid'],
  ['triageDueDate', 'date'],
  ['idempotencyKey', 'text'],
  ['contentKey', 'text'],
  ['sourceMessageId', 'text'],
];

/** Inserts the cases, skipping any that conflict (a key stored meanwhile, a code drawn twice); their ids by code. */
async function insertCases(tx: Db, values: readonly NewCase[]): Promise<Map<string, string>> {
  const columns = CASE_COLUMNS.map(([key]) => sql.identifier(getTableColumns(feedbackCases)[key].name));
  const arrays = CASE_COLUMNS.map(([key, type]) => {
    const list = values.map((v) => {
      const x = v[key];
      return x instanceof Date ? x.toISOString() : (x ?? null);
    });
    return sql`${sql.param(list)}::${sql.raw(type)}[]`;
  });
  const inserted = await rows<{ id: string; code: string }>(
    tx,
    sql`INSERT INTO ${feedbackCases} (${sql.join(columns, sql`, `)})
        SELECT * FROM unnest(${sql.join(arrays, sql`, `)})
        ON CONFLICT DO NOTHING
        RETURNING id, code`,
  );
  return new Map(inserted.map((r) => [r.code, r.id]));
}
