/**
 * Excel exports of the dossier dashboard, made in the background.
 *
 * 1. **Request** — a reader of dossier figures asks for a view (period, restated or not, scope, grouping,
 *    optionally a drill-down class to list). The request is checked like the dashboard's (a unit outside
 *    the reader's grants is 403 at once), recorded as a job owned by the reader and journalled.
 * 2. **Work** — this process claims the job (a lease, renewed with every progress write); a worker thread
 *    writes the workbook to a temporary file with ExcelJS's streaming writer (`workbook.task.ts`) while this
 *    thread reads what it asks for — `dossierBreakdown`, `dossierTrend`, then `scopeDossierList` a page at a
 *    time (as the owner: rights checked again now) — and records its phase, rows
 *    written and progress; then the file is streamed into the file store (outside any transaction) and the
 *    job marked done with an expiry date.
 * 3. **Read** — only the owner and administrators see a job or download its workbook (others get 404).
 * 4. **Restart and clean-up** — a job whose worker died (lease expired) is worked again from the
 *    beginning, at most `MAX_ATTEMPTS` times; past its expiry a workbook is removed from the file store and
 *    the job marked expired (the record stays).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { systemContext, type RequestContext } from '../../../core/context.js';
import { AppError, notFound, unauthenticated, validation } from '../../../core/errors.js';
import { inlinePool, taskRef, type WorkerPool } from '../../../core/jobs/pool.js';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../../core/messages.js';
import type { Db } from '../../../db/client.js';
import { loadActor } from '../../access/access.service.js';
import type { Actor } from '../../access/actor.js';
import { authorize } from '../../access/policy.js';
import { recordChange } from '../../audit/audit.service.js';
import type { FileStore } from '../../files/file-store.js';
import { getFile, removeStoredFile, storeGeneratedFile, type StoredFile } from '../../files/files.service.js';
import { ancestorPaths } from '../../units/units.service.js';
import { findUserById } from '../../users/users.service.js';
import { decodeCursor } from '../dossiers-query.cursor.js';
import type { DrillClass } from '../dossiers-query.rules.js';
import { dossierBreakdown, dossierTrend, scopeDossierList } from '../dossiers-query.service.js';
import { DOSSIER_READ_ROLES, dossierUnitPolicy } from '../dossiers.policy.js';
import type { ExportIn, ExportJobOut } from './dossiers-export.schemas.js';
import { dossierExports, type ExportQuery } from './dossiers-export.table.js';
import { viDate, type WorkbookProgress } from './workbook.js';
import type * as WorkbookTask from './workbook.task.js';
import type { WorkbookAnswer, WorkbookAsk } from './workbook.task.js';

type ExportRow = typeof dossierExports.$inferSelect;

/** How long a claim lasts without a progress write; a dead worker's job is taken again after this. */
export const EXPORT_LEASE_MS = 5 * 60_000;
/** A job interrupted this many times fails. */
export const MAX_ATTEMPTS = 3;
/** The largest workbook stored (a million dossier rows are about 100 MB). */
const EXPORT_MAX_BYTES = 1024 * 1024 * 1024;
const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Write progress at most this often while listing dossiers. */
const PROGRESS_EVERY_MS = 500;

export type ExportSettings = {
  /** Days a finished workbook is kept before it is removed. */
  keepDays: number;
  /** The dossier list stops after this many rows (the sheet says so). */
  maxDossierRows: number;
};
export type ExportDeps = {
  db: Db;
  store: FileStore;
  settings: ExportSettings;
  log?: (msg: string, err?: unknown) => void;
  /** Dossiers read per page of the list (tests make it small). */
  pageSize?: number;
  /** Worker threads for writing the workbook (absent: this thread, e.g. tests and the CLI). */
  pool?: WorkerPool;
};

const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const running = new Map<string, Promise<void>>();

function reader(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRole(...DOSSIER_READ_ROLES)) throw new AppError(403, 'FORBIDDEN', 'error.forbidden');
  return ctx.actor;
}

/** The owner and administrators see an export; to anybody else it does not exist. */
async function visibleExport(ctx: RequestContext, id: string): Promise<ExportRow> {
  const actor = reader(ctx);
  const [row] = await ctx.db.select().from(dossierExports).where(eq(dossierExports.id, id));
  if (!row || (row.createdBy !== actor.user.id && !actor.isAdmin)) throw notFound('dossier_export');
  return row;
}

export function presentExport(row: ExportRow, locale: Locale, settings: ExportSettings): ExportJobOut {
  const q = row.query;
  return {
    id: row.id,
    status: row.status as ExportJobOut['status'],
    phase: row.phase as ExportJobOut['phase'],
    progress: row.status === 'done' || row.status === 'expired' ? 1 : row.progress,
    rowsWritten: row.rowsWritten,
    dossierRows: row.dossierRows,
    dossierTotal: row.dossierTotal,
    capped: row.capped,
    maxDossierRows: settings.maxDossierRows,
    query: {
      from: q.from,
      to: q.to,
      restate: q.restate,
      unitId: q.unitId ?? null,
      subtree: q.subtree,
      procedureId: q.procedureId ?? null,
      groupBy: q.groupBy,
      dossierClass: q.dossierClass ?? null,
      ended: q.ended ?? 'hide',
    },
    fileName: row.fileName,
    size: row.size,
    failure:
      row.failureKey && isMessageKey(row.failureKey)
        ? translate(locale, row.failureKey, row.failureParams ?? {})
        : null,
    running: running.has(row.id),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadUrl: row.status === 'done' && row.fileId ? `/api/dossiers/exports/${row.id}/download` : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Request, read, list, download

/**
 * Records an export of a dashboard view for the caller (it does not run it: see `kickExport`). The
 * view is checked as the dashboard checks it: period order, and a unit must be within the reader's grants.
 */
export async function requestExport(ctx: RequestContext, input: ExportIn): Promise<ExportRow> {
  const actor = reader(ctx);
  if (input.from > input.to) throw validation('from', 'dossiers.period_order');
  if (input.unitId) {
    const unitPath = (await ancestorPaths(ctx.db, [input.unitId])).get(input.unitId);
    if (!unitPath) throw notFound('unit');
    authorize(dossierUnitPolicy, actor, 'read', { path: unitPath });
  }
  const query: ExportQuery = {
    from: input.from,
    to: input.to,
    restate: input.restate,
    unitId: input.unitId ?? null,
    subtree: input.subtree && !!input.unitId,
    procedureId: input.procedureId ?? null,
    groupBy: input.groupBy,
    dossierClass: input.dossierClass ?? null,
    ended: input.ended,
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dossierExports)
      .values({ createdBy: actor.user.id, query, status: 'queued', phase: 'queued' })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'request', entity: 'dossier_export', entityId: row!.id, after: query },
    );
    return row!;
  });
}

export async function getExport(
  ctx: RequestContext,
  id: string,
  settings: ExportSettings,
): Promise<ExportJobOut> {
  return presentExport(await visibleExport(ctx, id), ctx.locale, settings);
}

/** The caller's own exports, newest first. */
export async function listMyExports(
  ctx: RequestContext,
  settings: ExportSettings,
  limit = 20,
): Promise<ExportJobOut[]> {
  const actor = reader(ctx);
  const rows = await ctx.db
    .select()
    .from(dossierExports)
    .where(eq(dossierExports.createdBy, actor.user.id))
    .orderBy(desc(dossierExports.createdAt))
    .limit(limit);
  return rows.map((r) => presentExport(r, ctx.locale, settings));
}

/** The stored workbook of a finished export of the caller's (or any, for administrators). */
export async function exportFile(ctx: RequestContext, id: string): Promise<StoredFile> {
  const row = await visibleExport(ctx, id);
  if (row.status === 'expired') throw new AppError(410, 'GONE', 'dossierExport.expired');
  if (row.status !== 'done' || !row.fileId)
    throw new AppError(409, 'CONFLICT', 'dossierExport.not_ready', { status: row.status });
  return getFile(ctx, row.fileId);
}

// ---------------------------------------------------------------------------------------------------
// Working a job

class LostLease extends Error {}

async function claim(db: Db, id: string, now = new Date()): Promise<ExportRow | undefined> {
  const [row] = await db
    .update(dossierExports)
    .set({
      status: 'running',
      // Counted so that a job that keeps killing its worker ends.
      attempts: sql`${dossierExports.attempts} + 1`,
      lockedBy: WORKER_ID,
      lockedUntil: new Date(now.getTime() + EXPORT_LEASE_MS),
      updatedAt: now,
    })
    .where(
      and(
        eq(dossierExports.id, id),
        or(
          eq(dossierExports.status, 'queued'),
          and(
            eq(dossierExports.status, 'running'),
            or(isNull(dossierExports.lockedUntil), lt(dossierExports.lockedUntil, now)),
          ),
        ),
      ),
    )
    .returning();
  return row;
}

async function writeProgress(
  db: Db,
  id: string,
  p: Omit<Partial<WorkbookProgress>, 'phase'> & { phase: string },
) {
  const now = new Date();
  const [row] = await db
    .update(dossierExports)
    .set({
      phase: p.phase,
      ...(p.progress !== undefined ? { progress: p.progress } : {}),
      ...(p.rowsWritten !== undefined ? { rowsWritten: p.rowsWritten } : {}),
      ...(p.dossierRows !== undefined ? { dossierRows: p.dossierRows } : {}),
      ...(p.dossierTotal !== undefined ? { dossierTotal: p.dossierTotal } : {}),
      ...(p.capped !== undefined ? { capped: p.capped } : {}),
      lockedUntil: new Date(now.getTime() + EXPORT_LEASE_MS),
      updatedAt: now,
    })
    .where(
      and(
        eq(dossierExports.id, id),
        eq(dossierExports.lockedBy, WORKER_ID),
        eq(dossierExports.status, 'running'),
      ),
    )
    .returning({ id: dossierExports.id });
  if (!row) throw new LostLease();
}

async function failExport(
  db: Db,
  id: string,
  failure: { key: MessageKey; params?: Record<string, string | number> },
) {
  const now = new Date();
  await db
    .update(dossierExports)
    .set({
      status: 'failed',
      failureKey: failure.key,
      failureParams: failure.params ?? null,
      lockedBy: null,
      lockedUntil: null,
      updatedAt: now,
      finishedAt: now,
    })
    .where(and(eq(dossierExports.id, id), eq(dossierExports.lockedBy, WORKER_ID)));
}

async function ownerActor(db: Db, userId: string): Promise<{ actor: Actor; locale: Locale } | null> {
  const user = await findUserById(db, userId);
  if (!user || !user.active) return null;
  const actor = await loadActor(db, {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    unitId: user.unitId,
  });
  return actor.hasRole(...DOSSIER_READ_ROLES) ? { actor, locale: user.locale === 'en' ? 'en' : 'vi' } : null;
}

const fileNameOf = (q: ExportQuery) =>
  `Số liệu hồ sơ TTHC ${viDate(q.from)} - ${viDate(q.to)}.xlsx`.replace(/\//g, '.');

/** The workbook's worker task (workbook.task.ts). */
const WORKBOOK_TASK = taskRef<typeof WorkbookTask>(new URL('./workbook.task.js', import.meta.url));

/**
 * Answers the workbook worker's questions for a job (as its owner): the figures of the view, its dossier list
 * page by page as the worker asks (so at most one page is in memory, and a slow writer slows the reading), and
 * its progress, written to the job (during the list at most every `PROGRESS_EVERY_MS`; a lost lease ends the
 * work).
 */
function workbookAnswers(ctx: RequestContext, id: string, q: ExportQuery) {
  const scope = {
    from: q.from,
    to: q.to,
    restate: q.restate,
    unitId: q.unitId ?? undefined,
    subtree: q.subtree,
    procedureId: q.procedureId ?? undefined,
  };
  let list: Awaited<ReturnType<typeof scopeDossierList>> | null = null;
  let last = 0;
  return async (ask: WorkbookAsk): Promise<WorkbookAnswer> => {
    switch (ask.type) {
      case 'breakdown':
        return dossierBreakdown(ctx, { ...scope, groupBy: ask.groupBy, ended: q.ended ?? 'hide' });
      case 'trend':
        return dossierTrend(ctx, scope);
      case 'list':
        list = await scopeDossierList(ctx, { ...scope, class: q.dossierClass as DrillClass });
        return { stockDay: list.base.stockDay, count: await list.count() };
      case 'page':
        // Read when asked, not ahead: the database and the worker take turns, leaving a core to requests.
        return list!.page(ask.cursor === null ? null : decodeCursor(ask.cursor), ask.limit);
      case 'progress': {
        const p = ask.progress;
        const now = Date.now();
        if (p.phase === 'dossiers' && now - last < PROGRESS_EVERY_MS) return null;
        last = now;
        await writeProgress(ctx.db, id, { ...p, progress: p.progress * 0.95 });
        return null;
      }
    }
  };
}

/** Works a job to its end (or gives up on it). Returns its final row, or undefined when another holds it. */
export async function runExport(deps: ExportDeps, id: string): Promise<ExportRow | undefined> {
  const { db, store } = deps;
  const job = await claim(db, id);
  if (!job) return undefined;
  if (job.attempts > MAX_ATTEMPTS) {
    await failExport(db, id, { key: 'dossierExport.interrupted' });
    return loadExport(db, id);
  }
  const owner = await ownerActor(db, job.createdBy);
  if (!owner) {
    await failExport(db, id, { key: 'dossierExport.owner_gone' });
    return loadExport(db, id);
  }
  const ctx: RequestContext = { ...systemContext(db, owner.actor), locale: owner.locale };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'chidao-export-'));
  const file = path.join(dir, 'export.xlsx');
  let stored: StoredFile | null = null;
  /** The first error met on this thread while answering the worker, kept with its class (a lost lease). */
  let failure: unknown = null;
  const answer = workbookAnswers(ctx, id, job.query);
  try {
    const result = await (deps.pool ?? inlinePool).run(
      WORKBOOK_TASK,
      {
        file,
        query: job.query,
        maxDossierRows: deps.settings.maxDossierRows,
        pageSize: deps.pageSize,
        requestedBy: owner.actor.user.fullName,
        at: job.createdAt,
      },
      {
        onAsk: async (ask) => {
          try {
            return await answer(ask);
          } catch (err) {
            failure ??= err;
            throw err;
          }
        },
      },
    );
    await writeProgress(db, id, { phase: 'storing', progress: 0.96, ...result });
    stored = await storeGeneratedFile(
      ctx,
      store,
      fs.createReadStream(file),
      { name: fileNameOf(job.query), mediaType: XLSX_MEDIA_TYPE, extension: 'xlsx' },
      EXPORT_MAX_BYTES,
    );
    const now = new Date();
    const [finished] = await db
      .update(dossierExports)
      .set({
        ...result,
        status: 'done',
        phase: 'done',
        progress: 1,
        fileId: stored.id,
        fileName: stored.originalName,
        size: stored.size,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
        finishedAt: now,
        expiresAt: new Date(now.getTime() + deps.settings.keepDays * 86_400_000),
      })
      .where(
        and(
          eq(dossierExports.id, id),
          eq(dossierExports.lockedBy, WORKER_ID),
          eq(dossierExports.status, 'running'),
        ),
      )
      .returning();
    if (!finished) throw new LostLease();
    return finished;
  } catch (thrown) {
    const err = failure ?? thrown;
    if (stored) await removeStoredFile(ctx, store, stored.id).catch(() => undefined);
    if (err instanceof LostLease) return undefined;
    deps.log?.(`dossier export ${id} failed`, err);
    if (err instanceof AppError) await failExport(db, id, { key: err.messageKey, params: err.params });
    else {
      const detail = err instanceof Error ? err.message : String(err);
      await failExport(db, id, { key: 'dossierExport.failed', params: { detail: detail.slice(0, 300) } });
    }
    return loadExport(db, id);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

async function loadExport(db: Db, id: string): Promise<ExportRow | undefined> {
  const [row] = await db.select().from(dossierExports).where(eq(dossierExports.id, id));
  return row;
}

/** Starts `runExport` in the background unless this process already works on the job. */
export function kickExport(deps: ExportDeps, id: string): Promise<void> {
  const current = running.get(id);
  if (current) return current;
  const p = runExport(deps, id)
    .then(() => undefined)
    .catch((err: unknown) => deps.log?.(`dossier export ${id} stopped`, err))
    .finally(() => running.delete(id));
  running.set(id, p);
  return p;
}

/** Waits for the exports this process is working on (shutdown, tests). */
export async function settleExports(): Promise<void> {
  while (running.size) await Promise.allSettled([...running.values()]);
}

/** Jobs waiting for a worker: queued ones, and running ones whose lease expired (a restart, a crash). */
export async function claimableExports(db: Db, now = new Date()): Promise<string[]> {
  const found = await db
    .select({ id: dossierExports.id })
    .from(dossierExports)
    .where(
      or(
        eq(dossierExports.status, 'queued'),
        and(eq(dossierExports.status, 'running'), lt(dossierExports.lockedUntil, now)),
      ),
    )
    .orderBy(asc(dossierExports.createdAt));
  return found.map((r) => r.id).filter((id) => !running.has(id));
}

/**
 * Removes the workbooks of finished exports past their expiry (the file record and, unless shared, its
 * content) and marks the exports expired. Returns how many were removed.
 */
export async function expireExports(
  deps: Pick<ExportDeps, 'db' | 'store' | 'log'>,
  now = new Date(),
): Promise<number> {
  const { db, store } = deps;
  const due = await db
    .select()
    .from(dossierExports)
    .where(
      and(
        eq(dossierExports.status, 'done'),
        isNotNull(dossierExports.expiresAt),
        lt(dossierExports.expiresAt, now),
      ),
    );
  const ctx = systemContext(db);
  let removed = 0;
  for (const row of due) {
    const [marked] = await db
      .update(dossierExports)
      .set({ status: 'expired', fileId: null, updatedAt: now })
      .where(and(eq(dossierExports.id, row.id), eq(dossierExports.status, 'done')))
      .returning({ id: dossierExports.id });
    if (!marked) continue; // another process expired it
    try {
      if (row.fileId) await removeStoredFile(ctx, store, row.fileId);
      removed++;
    } catch (err) {
      deps.log?.(`dossier export ${row.id}: its file could not be removed`, err);
    }
  }
  return removed;
}
