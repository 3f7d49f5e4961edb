/**
 * The work engine: one place for everything a unit owes someone — a plan task, a pilot item, a pilot
 * report, and later periodic reports, hotline cases, inspection recommendations, self-assessments. Each
 * kind plugs in with an adapter (`WorkKindAdapter`: load items with the caller's relation to them, pure
 * transition rules, a version-checked write, recipients, who acts next); the engine owns the rest once:
 *
 * - actions with optimistic concurrency: the item row, its event, the journal entry and the
 *   notifications commit together (`act`);
 * - the history (`work_events`, append-only) and evidence as rows (`work_attachments`: a file belongs to
 *   the one item it was uploaded for; `work_event_files`: which files an event cites). A cited file must
 *   have been uploaded for that item by the acting user, or already be evidence of that item; downloads
 *   are authorised by the item's read rule; uploads never cited expire and are removed;
 * - queues across kinds (what my units owe, what awaits my review, what the units I follow owe);
 * - the deadline feed the reminder worker reads, for every kind.
 */
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { EntityName } from '../../core/labels.js';
import {
  AppError,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { actingContext } from '../access/lineage-follow.service.js';
import { recordChange } from '../audit/audit.service.js';
import { myMonitoring } from '../committees/committees.service.js';
import { documentRefs } from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import { getFiles, removeStoredFile, storeUpload, type StoredFile } from '../files/files.service.js';
import type { DeadlineFeedItem } from '../notifications/notifications.service.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import { byUrgency } from '../tasks/index.js';
import { unitFacts } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import { DEFAULT_EFFECTIVE_DATE_RULE, effectiveDateProblem } from './effective-date.js';
import { workAttachments, workEventFiles, workEvents } from './work.table.js';
import type {
  ActionIn,
  Bilingual,
  QueueOut,
  WorkEventOut,
  WorkFileOut,
  WorkItemOut,
  WorkKind,
} from './work.schemas.js';

export type { ActionIn, Bilingual, WorkItemOut, WorkKind } from './work.schemas.js';

// ---------------------------------------------------------------------------------------------------
// Kinds

/** An item as the engine sees it, whatever its kind; `row` is the kind's own record. */
export type LoadedItem = {
  item: Omit<WorkItemOut, 'reported'>;
  /**
   * Whether the caller may read it, add evidence to it, and whether they are among the people of the unit
   * that owes it (the owed view lists those).
   */
  access: { read: boolean; upload: boolean; work: boolean };
  /** The kind's own record as it is now (the journal's "before"). */
  row: unknown;
  /** Whatever else the kind's adapter loaded with it (its plan, programme, …), for its own later steps. */
  meta?: unknown;
  /**
   * The dates that bound a step's effective date (./effective-date.ts): the day the item was recorded
   * (default: the day of the row's `createdAt`, when it has one) and the first day of its period (none by
   * default).
   */
  dates?: { recordedOn?: string | null; earliest?: string | null };
};

export type Decision =
  /** `note`: the event's text when it is not the reason or output given (a report's overall text). */
  | { ok: true; next: string; patch: Record<string, unknown>; note?: string | null }
  | { ok: false; error: AppError };

/** An open item with a deadline, for the reminder worker (no access check: the worker is not a request). */
export type DeadlineItem = DeadlineFeedItem & { kind: WorkKind };

/** What a kind tells the engine. One file per kind, in the module that owns the kind's table. */
export type WorkKindAdapter = {
  kind: WorkKind;
  /** The journal's entity name for the kind's record. */
  entity: EntityName;
  /** Loads items with the caller's relation to each (one batch; absent ids are left out). */
  load(ctx: RequestContext, ids: readonly string[], asOf: string): Promise<Map<string, LoadedItem>>;
  /** The kind's pure rules: may `input.action` happen now, and what it writes on the record. */
  decide(
    ctx: RequestContext,
    loaded: LoadedItem,
    input: ActionIn,
    evidenceCount: number,
    on: string,
  ): Promise<Decision>;
  /** Writes the patch when the version still matches; the updated record, or null (stale). */
  write(tx: Db, loaded: LoadedItem, patch: Record<string, unknown>, version: number): Promise<unknown>;
  /** The unit whose standing agency reviews the item (its reports are notified to them). */
  reviewUnit(loaded: LoadedItem): string;
  /**
   * The people who owe the item when a person owes it, not a unit (a member's report to a session): they
   * hear of reviews; absent or null, the owing unit's focal points and leader do.
   */
  owners?(loaded: LoadedItem): readonly string[] | null;
  /** Who acts next once the item is in `status`, in plain words; null when nothing more is owed. */
  next(loaded: LoadedItem, status: string): Bilingual | null;
  /** Ids of open items owed by units in these subtrees. */
  owedIds(db: Db, roots: readonly string[]): Promise<string[]>;
  /** Ids of items awaiting review whose unit is in these subtrees. */
  reviewIds(db: Db, roots: readonly string[]): Promise<string[]>;
  /** Ids of open items owed exactly by these units (the units a member follows). */
  openIdsOfUnits(db: Db, unitIds: readonly string[]): Promise<string[]>;
  /** Open items with a due date (reminders), and one item whatever its status. */
  deadlines(db: Db): Promise<DeadlineItem[]>;
  deadlineItem(db: Db, id: string): Promise<DeadlineItem | undefined>;
  /** Every action of the kind (an action outside them is a 400, whoever asks). */
  actions: readonly string[];
  /** Actions that put the item in front of a reviewer (their latest event is "what is being verified"). */
  reportActions: readonly string[];
  /** Actions that are the reviewer's (the review view lists items where one is allowed). */
  reviewActions: readonly string[];
  /** The roles whose grants' subtrees are searched for items to review (default: standing agency, admins). */
  reviewerRoles?: readonly Role[];
};

const registry = new Map<WorkKind, WorkKindAdapter>();

/** Plugs a kind in (idempotent: the same adapter again is ignored). */
export function registerWorkKind(adapter: WorkKindAdapter): void {
  registry.set(adapter.kind, adapter);
}

function adapterOf(kind: WorkKind): WorkKindAdapter {
  const a = registry.get(kind);
  if (!a) throw notFound('work_kind');
  return a;
}

export const registeredKinds = (): WorkKind[] => [...registry.keys()];

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

const today = () => todayInVietnam();

// ---------------------------------------------------------------------------------------------------
// Events and attachments (also used by the kinds' modules for their own events: progress, directions)

export type WorkEventRow = typeof workEvents.$inferSelect & { fileIds: string[] };
/**
 * An event to append. `on` is the day it takes effect; `recordedOn` (the day it is recorded) defaults to
 * the day of `at` in Vietnam, else today.
 */
export type NewWorkEvent = Omit<typeof workEvents.$inferInsert, 'id' | 'recordedOn'> & {
  id?: string;
  fileIds?: string[];
  recordedOn?: string;
};

const dayOf = (at: Date | string | undefined): string =>
  todayInVietnam(at === undefined ? new Date() : new Date(at));

/**
 * Appends events with the files they cite (inside the caller's transaction). Citing a file makes it
 * permanent evidence of its item (no longer expires).
 */
export async function appendEvents(db: Db, events: readonly NewWorkEvent[]): Promise<WorkEventRow[]> {
  if (!events.length) return [];
  const inserted = await db
    .insert(workEvents)
    .values(events.map(({ fileIds: _files, ...e }) => ({ ...e, recordedOn: e.recordedOn ?? dayOf(e.at) })))
    .returning();
  const links = inserted.flatMap((e, i) =>
    (events[i]!.fileIds ?? []).map((fileId, position) => ({ eventId: e.id, fileId, position })),
  );
  if (links.length) {
    await db.insert(workEventFiles).values(links);
    await db
      .update(workAttachments)
      .set({ expiresAt: null })
      .where(
        inArray(
          workAttachments.fileId,
          links.map((l) => l.fileId),
        ),
      );
  }
  return inserted.map((e, i) => ({ ...e, fileIds: events[i]!.fileIds ?? [] }));
}

/** The events of items (of one kind), oldest first, each with the ids of the files it cites. */
export async function listEvents(
  db: Db,
  kind: WorkKind,
  itemIds: readonly string[],
  options: { actions?: readonly string[]; statusChangesOnly?: boolean; withFiles?: boolean } = {},
): Promise<WorkEventRow[]> {
  if (!itemIds.length) return [];
  const rows = await db
    .select()
    .from(workEvents)
    .where(
      and(
        eq(workEvents.kind, kind),
        inArray(workEvents.itemId, [...new Set(itemIds)]),
        options.actions ? inArray(workEvents.action, [...options.actions]) : undefined,
        options.statusChangesOnly
          ? sql`(${workEvents.toStatus} IS NOT NULL OR ${workEvents.action} = 'extend')`
          : undefined,
      ),
    )
    // Effective order: by the day each step took effect, then as recorded (a backfilled step sits where it
    // happened; status steps cannot be dated before the previous one, so their order is the recorded one).
    .orderBy(asc(workEvents.on), asc(workEvents.at), asc(workEvents.id));
  if (options.withFiles === false) return rows.map((r) => ({ ...r, fileIds: [] }));
  const files = await filesOfEvents(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, fileIds: files.get(r.id) ?? [] }));
}

async function filesOfEvents(db: Db, eventIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!eventIds.length) return out;
  const links = await db
    .select()
    .from(workEventFiles)
    .where(inArray(workEventFiles.eventId, [...eventIds]))
    .orderBy(asc(workEventFiles.position));
  for (const l of links) out.set(l.eventId, [...(out.get(l.eventId) ?? []), l.fileId]);
  return out;
}

/**
 * The files an action may cite on an item: each must be an attachment of that very item, uploaded by
 * the acting user or already cited there (a re-report after a return may cite earlier evidence again).
 * Anything else — another item's file, a document's attachment, a file of someone else's unfinished
 * upload — is refused, naming the field.
 */
export async function citableFiles(
  ctx: RequestContext,
  kind: WorkKind,
  itemId: string,
  fileIds: readonly string[] | undefined,
): Promise<StoredFile[]> {
  const actor = requireActor(ctx);
  const ids = [...new Set(fileIds ?? [])];
  if (!ids.length) return [];
  const found = await ctx.db.select().from(workAttachments).where(inArray(workAttachments.fileId, ids));
  const ok = new Set(
    found
      .filter(
        (a) =>
          a.kind === kind && a.itemId === itemId && (a.uploadedBy === actor.user.id || a.expiresAt === null),
      )
      .map((a) => a.fileId),
  );
  if (ids.some((id) => !ok.has(id)))
    throw new AppError(400, 'VALIDATION_FAILED', 'work.file_not_citable', { field: 'fileIds' }, [
      { field: 'fileIds', message: 'work.file_not_citable' },
    ]);
  return getFiles(ctx, ids);
}

const fileOut = (f: StoredFile): WorkFileOut => ({
  id: f.id,
  originalName: f.originalName,
  size: f.size,
  mediaType: f.mediaType,
});

// ---------------------------------------------------------------------------------------------------
// Loading and presenting

async function loadOne(ctx: RequestContext, kind: WorkKind, id: string, asOf = today()) {
  const adapter = adapterOf(kind);
  const loaded = (await adapter.load(ctx, [id], asOf)).get(id);
  if (!loaded) throw notFound(adapter.entity);
  if (!loaded.access.read) throw forbidden();
  return { adapter, loaded };
}

/** The latest report of each item (the text and files a reviewer verifies), from the history. */
async function latestReports(
  ctx: RequestContext,
  kind: WorkKind,
  ids: readonly string[],
): Promise<Map<string, WorkItemOut['reported']>> {
  const adapter = adapterOf(kind);
  const out = new Map<string, WorkItemOut['reported']>();
  if (!ids.length || !adapter.reportActions.length) return out;
  const events = await listEvents(ctx.db, kind, ids, { actions: adapter.reportActions });
  const latest = new Map<string, WorkEventRow>();
  for (const e of events) latest.set(e.itemId, e);
  const files = new Map(
    (await getFiles(ctx, [...new Set([...latest.values()].flatMap((e) => e.fileIds))])).map((f) => [f.id, f]),
  );
  const people = await namesOf(
    ctx,
    [...latest.values()].map((e) => e.actorId),
  );
  for (const [id, e] of latest)
    out.set(id, {
      output: e.note,
      files: e.fileIds.flatMap((f) => (files.get(f) ? [fileOut(files.get(f)!)] : [])),
      on: e.on,
      byName: e.actorId ? (people.get(e.actorId) ?? null) : null,
    });
  return out;
}

async function namesOf(ctx: RequestContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  return new Map((await usersByIds(ctx, unique)).map((u) => [u.id, u.fullName]));
}

async function present(
  ctx: RequestContext,
  kind: WorkKind,
  loaded: readonly LoadedItem[],
): Promise<WorkItemOut[]> {
  const reports = await latestReports(
    ctx,
    kind,
    loaded.map((l) => l.item.id),
  );
  return loaded.map((l) => ({ ...l.item, reported: reports.get(l.item.id) ?? null }));
}

/** One item as the work API presents it. */
export async function getWorkItem(ctx: RequestContext, kind: WorkKind, id: string): Promise<WorkItemOut> {
  requireActor(ctx);
  const { loaded } = await loadOne(ctx, kind, id);
  return (await present(ctx, kind, [loaded]))[0]!;
}

// ---------------------------------------------------------------------------------------------------
// Actions

/**
 * Moves an item through its kind's workflow: the rules decide, then the record (version-checked), the
 * event with the files it cites, the journal entry and the notifications commit together. Returns the
 * item as it now stands and who acts next.
 */
export async function act(
  ctx: RequestContext,
  kind: WorkKind,
  id: string,
  input: ActionIn,
): Promise<{ item: WorkItemOut; next: Bilingual | null; row: unknown }> {
  ctx = actingContext(ctx); // access follows lineage: grants passed on for reading only do not act
  const actor = requireActor(ctx);
  const { adapter, loaded } = await loadOne(ctx, kind, id);
  if (!adapter.actions.includes(input.action))
    throw validation('action', 'work.unknown_action', { actions: adapter.actions.join(', ') });
  if (loaded.item.version !== input.version) throw staleVersion(adapter.entity, loaded.item.version);
  const recordedOn = today();
  if (!loaded.item.allowedActions.includes(input.action)) {
    // Not this person's step, or not now: the kind's rules say which (403 who, 409 when), before files.
    const refused = await adapter.decide(ctx, loaded, input, input.fileIds?.length ?? 0, recordedOn);
    throw refused.ok ? forbidden() : refused.error;
  }
  // The day the step took effect (default today): checked before anything is read or written.
  const on = await checkEffectiveDate(ctx, adapter, loaded, input.effectiveDate ?? recordedOn, recordedOn);
  const files = await citableFiles(ctx, kind, id, input.fileIds);
  const decision = await adapter.decide(ctx, loaded, input, files.length, on);
  if (!decision.ok) throw decision.error;
  // A cited decision must be a register document the actor may read (400, never a foreign-key error).
  if (input.documentId && !(await documentRefs(ctx, [input.documentId])).has(input.documentId))
    throw validation('documentId', 'work.document_not_found');
  const row = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const updated = await adapter.write(tx, loaded, decision.patch, input.version);
    if (!updated) throw staleVersion(adapter.entity, loaded.item.version);
    await appendEvents(tx, [
      {
        kind,
        itemId: id,
        action: input.action,
        fromStatus: loaded.item.status,
        toStatus: decision.next,
        note: decision.note !== undefined ? decision.note : (input.reason ?? input.output ?? null),
        documentId: input.documentId ?? null,
        on,
        recordedOn,
        actorId: actor.user.id,
        fileIds: files.map((f) => f.id),
      },
    ]);
    await recordChange(txCtx, {
      action: input.action,
      entity: adapter.entity,
      entityId: id,
      before: loaded.row,
      // A backdated step says so in the journal: the day it took effect beside the entry's own time.
      after: on !== recordedOn ? { ...(updated as object), effectiveDate: on } : updated,
    });
    await notifyStep(txCtx, adapter, loaded, input);
    return updated;
  });
  const after = (await adapter.load(ctx, [id], recordedOn)).get(id)!;
  return {
    item: (await present(ctx, kind, [after]))[0]!,
    next: adapter.next(after, after.item.status),
    row,
  };
}

/** The day of an instant in Vietnam, or null. */
const dayOfCreated = (row: unknown): string | null => {
  const created = (row as { createdAt?: unknown } | null)?.createdAt;
  return created instanceof Date ? todayInVietnam(created) : null;
};

/**
 * Checks a step's effective date against the rules of ./effective-date.ts (400 on `effectiveDate`) and
 * returns it: not in the future, not before the item's previous status step nor its period, and not
 * before the day it was recorded unless the actor backfills (a reviewing role over the item's reviewing
 * unit, or an owing role — the unit's leader — over the unit that owes it).
 */
async function checkEffectiveDate(
  ctx: RequestContext,
  adapter: WorkKindAdapter,
  loaded: LoadedItem,
  effective: string,
  recordedOn: string,
): Promise<string> {
  const actor = requireActor(ctx);
  const steps = await listEvents(ctx.db, adapter.kind, [loaded.item.id], {
    statusChangesOnly: true,
    withFiles: false,
  });
  const lastStepOn = steps.reduce<string | null>((m, e) => (m && m > e.on ? m : e.on), null);
  const reviewUnit = adapter.reviewUnit(loaded);
  const owingUnit = loaded.item.unit.id;
  const facts = await unitFacts(ctx.db, [reviewUnit, owingUnit]);
  const rule = DEFAULT_EFFECTIVE_DATE_RULE;
  const problem = effectiveDateProblem({
    effective,
    today: recordedOn,
    recordedOn: loaded.dates?.recordedOn !== undefined ? loaded.dates.recordedOn : dayOfCreated(loaded.row),
    earliest: loaded.dates?.earliest ?? null,
    lastStepOn,
    mayBackfill:
      actor.hasRoleOver(rule.reviewingRoles, facts.get(reviewUnit)?.path ?? [reviewUnit]) ||
      actor.hasRoleOver(rule.owingRoles, facts.get(owingUnit)?.path ?? [owingUnit]),
  });
  if (problem) throw validation('effectiveDate', problem.key, { limit: viDay(problem.limit) });
  return effective;
}

/** 2026-03-15 → 15/03/2026 (dates in messages). */
const viDay = (iso: string | undefined): string => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
};

/**
 * Who hears of a step, in the step's transaction (notify() only writes, so a rolled-back step notifies
 * nobody): a report reaches the standing agency over the kind's review unit; a verification, acceptance or
 * return reaches the owing unit's focal points and leader.
 */
async function notifyStep(
  ctx: RequestContext,
  adapter: WorkKindAdapter,
  loaded: LoadedItem,
  input: ActionIn,
) {
  const { item } = loaded;
  const entity = { type: adapter.entity, id: item.id };
  if (adapter.reportActions.includes(input.action)) {
    const unit = (await unitFacts(ctx.db, [item.unit.id])).get(item.unit.id)?.name ?? item.unit.name;
    await notify(ctx, {
      userIds: await recipientsForUnit(ctx, adapter.reviewUnit(loaded), ['standing_officer']),
      kind: 'task_reported',
      messageKey: 'notification.task_reported',
      params: { task: item.title, unit },
      link: item.link,
      entity,
    });
  } else if (adapter.reviewActions.includes(input.action)) {
    const returned = input.action === 'return';
    await notify(ctx, {
      userIds:
        adapter.owners?.(loaded) ??
        (await recipientsForUnit(ctx, item.unit.id, ['focal_point', 'unit_leader'])),
      kind: returned ? 'task_returned' : 'task_verified',
      messageKey: returned ? 'notification.task_returned' : 'notification.task_verified',
      params: returned ? { task: item.title, reason: input.reason ?? '' } : { task: item.title },
      link: item.link,
      entity,
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Evidence files

/** How long an upload that no action cites is kept (then removed with its content). */
export const UPLOAD_KEEP_HOURS = 24;

/**
 * Stores an evidence file for one item (its unit's people or its reviewers): the content first (no
 * transaction holds the connection during I/O), then the file record and its attachment to the item.
 * It stays the uploader's until an action cites it, and expires if none does.
 */
export async function uploadAttachment(
  ctx: RequestContext,
  store: FileStore,
  kind: WorkKind,
  id: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
  keepHours = UPLOAD_KEEP_HOURS,
): Promise<StoredFile> {
  ctx = actingContext(ctx); // access follows lineage: grants passed on for reading only do not upload
  const actor = requireActor(ctx);
  const { loaded } = await loadOne(ctx, kind, id);
  if (!loaded.access.upload) throw forbidden();
  const file = await storeUpload(ctx, store, upload.content, upload.filename, maxBytes);
  await ctx.db.insert(workAttachments).values({
    fileId: file.id,
    kind,
    itemId: id,
    uploadedBy: actor.user.id,
    expiresAt: new Date(Date.now() + keepHours * 3_600_000),
  });
  return file;
}

/**
 * An evidence file of an item, for whoever may read the item. A file of another item, or an upload not
 * yet cited by anyone but its uploader, is "not found".
 */
export async function attachmentFile(
  ctx: RequestContext,
  kind: WorkKind,
  id: string,
  fileId: string,
): Promise<StoredFile> {
  const actor = requireActor(ctx);
  await loadOne(ctx, kind, id);
  const [a] = await ctx.db
    .select()
    .from(workAttachments)
    .where(
      and(eq(workAttachments.fileId, fileId), eq(workAttachments.kind, kind), eq(workAttachments.itemId, id)),
    );
  if (!a || (a.expiresAt !== null && a.uploadedBy !== actor.user.id)) throw notFound('file');
  const [file] = await getFiles(ctx, [fileId]);
  if (!file) throw notFound('file');
  return file;
}

/**
 * Removes uploads that no action cited before they expired (the attachment, the file record, and the
 * content unless another record shares it). Run by the background worker.
 */
export async function expireUploads(
  db: Db,
  store: FileStore,
  now: Date = new Date(),
): Promise<{ removed: number }> {
  const expired = await db
    .select({ fileId: workAttachments.fileId })
    .from(workAttachments)
    .where(and(isNotNull(workAttachments.expiresAt), lt(workAttachments.expiresAt, now)))
    .limit(500);
  const ctx: RequestContext = { db, actor: null, requestId: 'work-expiry', ip: null, locale: 'vi' };
  let removed = 0;
  for (const { fileId } of expired) {
    const gone = await db
      .delete(workAttachments)
      .where(and(eq(workAttachments.fileId, fileId), isNotNull(workAttachments.expiresAt)))
      .returning();
    if (gone.length && (await removeStoredFile(ctx, store, fileId))) removed++;
  }
  return { removed };
}

// ---------------------------------------------------------------------------------------------------
// History

/** An item's history with who acted and the files each step cites (for whoever may read the item). */
export async function workHistory(ctx: RequestContext, kind: WorkKind, id: string): Promise<WorkEventOut[]> {
  requireActor(ctx);
  await loadOne(ctx, kind, id);
  const events = await listEvents(ctx.db, kind, [id]);
  const people = await namesOf(
    ctx,
    events.map((e) => e.actorId),
  );
  const files = new Map(
    (await getFiles(ctx, [...new Set(events.flatMap((e) => e.fileIds))])).map((f) => [f.id, f]),
  );
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    percent: e.percent,
    documentId: e.documentId,
    at: e.at.toISOString(),
    on: e.on,
    recordedOn: e.recordedOn,
    actorName: e.actorId ? (people.get(e.actorId) ?? null) : null,
    files: e.fileIds.flatMap((f) => (files.get(f) ? [fileOut(files.get(f)!)] : [])),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Queues

const urgencyThenTitle = (a: WorkItemOut, b: WorkItemOut) =>
  byUrgency(a, b) || a.title.localeCompare(b.title, 'vi');

const byOldestReport = (a: WorkItemOut, b: WorkItemOut) =>
  (a.reported?.on ?? '9999').localeCompare(b.reported?.on ?? '9999') ||
  (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');

/**
 * A queue across every kind: `owed` — open items of the units where I am focal point or leader that I
 * can act on, overdue and due soon first; `review` — items awaiting my verification or review (standing
 * agency, administrators), oldest report first; `followed` — open items of the units I follow as a
 * committee member today, overdue first. Candidates come from each kind in one query, then the kind's
 * own rules say which are really mine.
 */
export async function workQueue(
  ctx: RequestContext,
  view: 'owed' | 'review' | 'followed',
  limit = 100,
  asOf = today(),
): Promise<QueueOut> {
  const actor = requireActor(ctx);
  const all: WorkItemOut[] = [];
  const followed =
    view === 'followed' ? [...new Set((await myMonitoring(ctx, asOf)).items.map((i) => i.unitId))] : [];
  for (const adapter of registry.values()) {
    const ids =
      view === 'owed'
        ? await adapter.owedIds(ctx.db, actor.rootsFor(['focal_point', 'unit_leader']))
        : view === 'review'
          ? await adapter.reviewIds(
              ctx.db,
              actor.rootsFor(adapter.reviewerRoles ?? ['standing_officer', 'admin']),
            )
          : await adapter.openIdsOfUnits(ctx.db, followed);
    if (!ids.length) continue;
    const loaded = [...(await adapter.load(ctx, ids, asOf)).values()].filter((l) => {
      if (!l.access.read) return false;
      if (view === 'owed') return l.access.work;
      if (view === 'review') return l.item.allowedActions.some((a) => adapter.reviewActions.includes(a));
      return true;
    });
    all.push(...(await present(ctx, adapter.kind, loaded)));
  }
  all.sort(view === 'review' ? byOldestReport : urgencyThenTitle);
  const byKind: Record<string, number> = {};
  for (const i of all) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
  return {
    view,
    asOf,
    total: all.length,
    byKind,
    overdue: all.filter((i) => i.timing?.state === 'overdue').length,
    items: all.slice(0, limit),
  };
}

/** An item past its deadline, for the province's view of where work is stuck (issue 18). */
export type OverdueWorkItem = Pick<
  WorkItemOut,
  'kind' | 'id' | 'title' | 'titles' | 'context' | 'unit' | 'status' | 'dueDate' | 'link'
> & { daysOverdue: number };

/**
 * The open items of every kind owed by units in these subtrees that are overdue on `asOf` — each kind's own timing
 * (working days, extensions, a unit's clock stopped when it ended) — those the caller may read, the longest overdue
 * first. Items are today's open ones timed on `asOf`: an item closed since then is not among them.
 */
export async function overdueWork(
  ctx: RequestContext,
  roots: readonly string[],
  asOf = today(),
): Promise<OverdueWorkItem[]> {
  requireActor(ctx);
  const out: OverdueWorkItem[] = [];
  if (!roots.length) return out;
  for (const adapter of registry.values()) {
    const ids = await adapter.owedIds(ctx.db, roots);
    if (!ids.length) continue;
    for (const l of (await adapter.load(ctx, ids, asOf)).values()) {
      const i = l.item;
      if (!l.access.read || i.timing?.state !== 'overdue') continue;
      out.push({
        kind: i.kind,
        id: i.id,
        title: i.title,
        ...(i.titles ? { titles: i.titles } : {}),
        context: i.context,
        unit: i.unit,
        status: i.status,
        dueDate: i.dueDate,
        link: i.link,
        daysOverdue: i.timing.daysOverdue,
      });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title, 'vi'));
}

// ---------------------------------------------------------------------------------------------------
// Deadlines (the reminder worker)

/** Open items with a due date, of every kind, oldest deadline first. */
export async function openDeadlines(db: Db): Promise<DeadlineItem[]> {
  const all: DeadlineItem[] = [];
  for (const adapter of registry.values()) all.push(...(await adapter.deadlines(db)));
  return all.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** One item as the reminder worker sees it (whatever its status), or undefined. */
export async function deadlineItem(db: Db, kind: WorkKind, id: string): Promise<DeadlineItem | undefined> {
  const adapter = registry.get(kind);
  return adapter ? adapter.deadlineItem(db, id) : undefined;
}
