/**
 * Dossier import: saved column mappings, file imports (CSV/XLSX) and the HTTP ingest of systems that
 * push. A file is read as a stream and never held whole:
 *
 * 1. **Upload** — streamed to the file store (SHA-256 as it goes); the same file again (a job with that
 *    hash that did not fail) returns the first job: a no-op.
 * 2. **Staging** — a worker thread (stage.task.ts) parses the file row by row and validates every row like
 *    `upsertDossiers` would (row-check.ts: mapping, receiving unit as of the receipt day, procedure,
 *    consistency, access) against a snapshot taken here once per job; this thread feeds it the file and
 *    writes the valid rows to `dossier_import_rows` in chunks, each chunk in a short transaction together
 *    with the job's progress (`staged_row`), so a restart continues after the last committed chunk. Errors
 *    are counted and the first ones kept with their rows and columns. No file I/O ever happens inside a
 *    transaction.
 * 3. **Apply** — one transaction, no file I/O: the staged rows are applied set-wise (apply-staged.ts, in
 *    bounded statements; idempotent by code; rollups get new − old), the staging rows are deleted and the job
 *    marked done. Any error rolls the whole file back. A file with any invalid row writes nothing.
 *
 * A job is worked by one process at a time: a lease (`locked_by`, `locked_until`) renewed with every
 * chunk; staging writes check the lease; apply locks the job row and re-checks its status, so two
 * processes never apply a file twice.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemContext, type RequestContext } from '../../../core/context.js';
import {
  AppError,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
} from '../../../core/errors.js';
import { inlinePool, taskRef, type WorkerPool } from '../../../core/jobs/pool.js';
import { transferring, type Transferring } from '../../../core/jobs/task.js';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../../core/messages.js';
import { rows as sqlRows, type Db } from '../../../db/client.js';
import { loadActor } from '../../access/access.service.js';
import { Actor } from '../../access/actor.js';
import { recordChange } from '../../audit/audit.service.js';
import { calendarAdjustments, loadCalendar } from '../../calendar/calendar.service.js';
import type { Calendar } from '../../calendar/index.js';
import type { FileStore } from '../../files/file-store.js';
import { storeUpload } from '../../files/files.service.js';
import { findByCode, unitVersionsOf, type UnitAsOf } from '../../units/lineage.service.js';
import { ancestorPaths, listUnits } from '../../units/units.service.js';
import { findUserById } from '../../users/users.service.js';
import { DOSSIER_WRITE_ROLES } from '../dossiers.policy.js';
import type { DossierIn } from '../dossiers.schemas.js';
import { upsertDossiers } from '../dossiers.service.js';
import {
  applyStagedRollups,
  changedDossiers,
  duplicateStagedCodes,
  insertStagedRows,
  upsertStagedDossiers,
  type StagedRange,
} from './apply-staged.js';
import { dossierProcedures } from '../dossiers.table.js';
import {
  DEFAULT_MAPPING,
  IMPORT_FIELDS,
  mappingProblems,
  type MappingSpec,
  type RowError,
} from './column-mapping.js';
import type {
  ImportJobOut,
  IngestDossierIn,
  MappingIn,
  MappingOut,
  TokenOut,
} from './dossiers-import.schemas.js';
import {
  dossierImportJobs,
  dossierImportMappings,
  dossierImportRows,
  dossierIngestTokens,
  type StoredRowError,
} from './dossiers-import.table.js';
import { checkRow, type RowLookups, type StagingSnapshot, type UnitAccess } from './row-check.js';
import { byteCounter } from './row-source.js';
import type * as StageTask from './stage.task.js';
import type { StageAsk, StageOutcome, StageReply, StagedChunk } from './stage.task.js';

/**
 * Rows per staging transaction, in one statement (each commits with the job's progress: a resumed import
 * restarts there). Short: on PGlite a statement holds the one connection and the main thread.
 */
export const IMPORT_CHUNK = 1000;
/** Row errors kept in the job's report (all are counted). */
export const ERRORS_KEPT = 200;
/** The largest file accepted (a million dossiers as CSV are about 200 MB). */
const LEASE_MS = 60_000;

/**
 * A pause of the background work between two of its statements: a few milliseconds with the main thread free,
 * so that a request needing several turns of the event loop (a file served, a query answered) completes in one
 * pause instead of waiting for a statement at each turn — on PGlite each statement holds the main thread.
 */
const PAUSE_MS = 10;
const yieldToRequests = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

type JobRow = typeof dossierImportJobs.$inferSelect;
type MappingRow = typeof dossierImportMappings.$inferSelect;

function requireManager(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRole(...DOSSIER_WRITE_ROLES)) throw forbidden();
  return ctx.actor;
}
function requireAdmin(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.isAdmin) throw forbidden();
  return ctx.actor;
}

// ---------------------------------------------------------------------------------------------------
// Mappings

const presentMapping = (m: MappingRow, actor: Actor): MappingOut => {
  const manage = actor.hasRole(...DOSSIER_WRITE_ROLES);
  return {
    id: m.id,
    name: m.name,
    source: m.source,
    delimiter: m.delimiter,
    dateFormat: m.dateFormat as MappingOut['dateFormat'],
    columns: m.columns as MappingOut['columns'],
    valueMaps: m.valueMaps as MappingOut['valueMaps'],
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
    abilities: { update: manage, delete: manage },
  };
};

function checkMapping(input: MappingIn) {
  const problems = mappingProblems(input as MappingSpec);
  if (!problems.length) return;
  const first = problems[0]!;
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    first.key as MessageKey,
    { field: first.field, ...first.params },
    problems.map((p) => ({ field: p.field, message: p.key, ...(p.params ? { params: p.params } : {}) })),
  );
}

export async function listMappings(ctx: RequestContext) {
  const actor = requireManager(ctx);
  const found = await ctx.db.select().from(dossierImportMappings).orderBy(asc(dossierImportMappings.name));
  const { name, source, ...spec } = DEFAULT_MAPPING;
  return {
    items: found.map((m) => presentMapping(m, actor)),
    defaultMapping: { name, source, ...spec },
    fields: [...IMPORT_FIELDS],
    abilities: { create: true },
  };
}

async function nameTaken(db: Db, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: dossierImportMappings.id })
    .from(dossierImportMappings)
    .where(eq(dossierImportMappings.name, name));
  return row && row.id !== exceptId;
}

export async function createMapping(ctx: RequestContext, input: MappingIn): Promise<MappingOut> {
  const actor = requireManager(ctx);
  checkMapping(input);
  if (await nameTaken(ctx.db, input.name))
    throw conflict('dossiersImport.mapping_exists', { name: input.name });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dossierImportMappings)
      .values({ ...input, createdBy: actor.user.id })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'dossier_import_mapping',
        entityId: row!.id,
        after: row,
      },
    );
    return presentMapping(row!, actor);
  });
}

export async function updateMapping(
  ctx: RequestContext,
  id: string,
  input: MappingIn & { version: number },
): Promise<MappingOut> {
  const actor = requireManager(ctx);
  checkMapping(input);
  if (await nameTaken(ctx.db, input.name, id))
    throw conflict('dossiersImport.mapping_exists', { name: input.name });
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(dossierImportMappings).where(eq(dossierImportMappings.id, id));
    if (!before) throw notFound('dossier_import_mapping');
    const { version, ...values } = input;
    const [row] = await tx
      .update(dossierImportMappings)
      .set({ ...values, version: sql`${dossierImportMappings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(dossierImportMappings.id, id), eq(dossierImportMappings.version, version)))
      .returning();
    if (!row) throw staleVersion('dossier_import_mapping', before.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'dossier_import_mapping',
        entityId: id,
        before,
        after: row,
      },
    );
    return presentMapping(row, actor);
  });
}

export async function deleteMapping(ctx: RequestContext, id: string): Promise<void> {
  requireManager(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(dossierImportMappings)
      .where(eq(dossierImportMappings.id, id))
      .returning();
    if (!before) throw notFound('dossier_import_mapping');
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'delete',
        entity: 'dossier_import_mapping',
        entityId: id,
        before,
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------
// Row checks: the rules are in row-check.ts; here, where they look things up

type ProcedureRow = typeof dossierProcedures.$inferSelect;

/**
 * The HTTP ingest's lookups (a batch of a few hundred rows, on this thread): in the database, with small
 * caches — receiving units by code and validity, procedures by code, rights by unit.
 */
class DbLookups implements RowLookups {
  private readonly units = new Map<string, UnitAsOf[]>();
  private readonly unknownUnits = new Set<string>();
  private readonly procedures = new Map<string, ProcedureRow | null>();
  private readonly access = new Map<string, UnitAccess>();
  private loaded: Calendar | null = null;

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    /** Only units in this subtree (the ingest token's scope). */
    private readonly scopeUnitId: string,
  ) {}

  async calendar(): Promise<Calendar> {
    return (this.loaded ??= await loadCalendar(this.db));
  }

  async unitByCode(code: string, day: string): Promise<string | null> {
    const known = this.units.get(code) ?? [];
    const hit = known.find((u) => u.validFrom <= day && (u.validTo === null || u.validTo >= day));
    if (hit) return hit.id;
    const key = `${code}|${day}`;
    if (this.unknownUnits.has(key)) return null;
    const found = await findByCode(this.db, code, day);
    if (!found) {
      if (this.unknownUnits.size < 100_000) this.unknownUnits.add(key);
      return null;
    }
    this.units.set(code, [...known, found]);
    return found.id;
  }

  async procedure(code: string): Promise<ProcedureRow | null> {
    if (!this.procedures.has(code)) {
      const [p] = await this.db.select().from(dossierProcedures).where(eq(dossierProcedures.code, code));
      this.procedures.set(code, p ?? null);
    }
    return this.procedures.get(code)!;
  }

  async unitAccess(unitId: string): Promise<UnitAccess> {
    if (!this.access.has(unitId)) {
      const found = z.uuid().safeParse(unitId).success ? await ancestorPaths(this.db, [unitId]) : new Map();
      const path = found.get(unitId);
      this.access.set(
        unitId,
        !path
          ? 'unknown'
          : this.actor.hasRoleOver(DOSSIER_WRITE_ROLES, path) && path.includes(this.scopeUnitId)
            ? 'allowed'
            : 'denied',
      );
    }
    return this.access.get(unitId)!;
  }
}

/** Units per query when taking a snapshot (bound parameters stay far below PostgreSQL's limit). */
const SNAPSHOT_CHUNK = 5000;

/**
 * What a file's rows are checked against (row-check.ts), taken once per job: every unit version's code and
 * validity, the procedures, which units the importer may write (their ancestry against the importer's grants,
 * as `upsertDossiers` checks it) and the calendar's schedules.
 */
async function stagingSnapshot(db: Db, actor: Actor): Promise<StagingSnapshot> {
  const ids = (await listUnits(db, { limit: Number.MAX_SAFE_INTEGER })).map((u) => u.id);
  const snapshot: StagingSnapshot = {
    unitCodes: [],
    procedures: (
      await db
        .select({
          code: dossierProcedures.code,
          id: dossierProcedures.id,
          days: dossierProcedures.timeLimitDays,
        })
        .from(dossierProcedures)
    ).map((p) => [p.code, p.id, p.days]),
    units: ids,
    writable: [],
    calendar: await calendarAdjustments(db),
  };
  for (let i = 0; i < ids.length; i += SNAPSHOT_CHUNK) {
    const part = ids.slice(i, i + SNAPSHOT_CHUNK);
    for (const v of await unitVersionsOf(db, part))
      snapshot.unitCodes.push([v.code, v.unitId, v.validFrom, v.validTo]);
    for (const [id, path] of await ancestorPaths(db, part))
      if (actor.hasRoleOver(DOSSIER_WRITE_ROLES, path)) snapshot.writable.push(id);
  }
  return snapshot;
}

// ---------------------------------------------------------------------------------------------------
// Jobs: start, read, list

/** Work in progress in this process (job id → promise), and rows applied so far. */
const running = new Map<string, Promise<void>>();
const appliedSoFar = new Map<string, number>();
const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

function translateError(locale: Locale, e: StoredRowError) {
  const key = isMessageKey(e.key) ? e.key : null;
  return {
    row: e.row,
    field: e.field,
    column: e.column,
    key: e.key,
    message: key ? translate(locale, key, { column: e.column, ...e.params }) : e.key,
  };
}

export function presentJob(job: JobRow, locale: Locale): ImportJobOut {
  const staged = job.status !== 'staging';
  return {
    id: job.id,
    mappingId: job.mappingId,
    mappingName: job.mappingName,
    fileName: job.fileName,
    format: job.format as ImportJobOut['format'],
    sha256: job.sha256,
    size: job.size,
    status: job.status as ImportJobOut['status'],
    progress: staged ? 1 : job.size ? Math.min(1, job.bytesRead / job.size) : 0,
    bytesRead: job.bytesRead,
    stagedRow: job.stagedRow,
    rowsRead: job.rowsRead,
    rowsValid: job.rowsValid,
    applied: appliedSoFar.get(job.id) ?? null,
    errorCount: job.errorCount,
    errors: job.errors.map((e) => translateError(locale, e)),
    failure:
      job.failureKey && isMessageKey(job.failureKey)
        ? translate(locale, job.failureKey, job.failureParams ?? {})
        : null,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    running: running.has(job.id),
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

async function loadJob(db: Db, id: string): Promise<JobRow> {
  const [job] = await db.select().from(dossierImportJobs).where(eq(dossierImportJobs.id, id));
  if (!job) throw notFound('dossier_import');
  return job;
}

export async function getImport(ctx: RequestContext, id: string): Promise<ImportJobOut> {
  requireManager(ctx);
  return presentJob(await loadJob(ctx.db, id), ctx.locale);
}

export async function listImports(ctx: RequestContext, limit = 50): Promise<ImportJobOut[]> {
  requireManager(ctx);
  const found = await ctx.db
    .select()
    .from(dossierImportJobs)
    .orderBy(desc(dossierImportJobs.createdAt))
    .limit(limit);
  // The list does not repeat every job's error report.
  return found.map((j) => ({ ...presentJob(j, ctx.locale), errors: [] }));
}

/**
 * Records an upload as an import job (it does not run it: see `runImport`). The file is streamed to the
 * file store first; the same file again returns its earlier job (`replayed`), unless that one failed.
 */
export async function startImport(
  ctx: RequestContext,
  store: FileStore,
  upload: {
    content: Readable;
    fileName: string;
    mappingId?: string | undefined;
    /** Largest file accepted (`CHIDAO_DOSSIER_IMPORT_MAX_MB`). */
    maxBytes: number;
  },
): Promise<{ job: JobRow; replayed: boolean }> {
  const actor = requireManager(ctx);
  let spec: MappingSpec;
  let mappingName: string;
  if (upload.mappingId) {
    const [m] = await ctx.db
      .select()
      .from(dossierImportMappings)
      .where(eq(dossierImportMappings.id, upload.mappingId));
    if (!m) throw notFound('dossier_import_mapping');
    spec = {
      delimiter: m.delimiter,
      dateFormat: m.dateFormat as MappingSpec['dateFormat'],
      columns: m.columns as MappingSpec['columns'],
      valueMaps: m.valueMaps,
    };
    mappingName = m.name;
  } else {
    const { name, source: _source, ...rest } = DEFAULT_MAPPING;
    spec = rest;
    mappingName = name;
  }
  const file = await storeUpload(ctx, store, upload.content, upload.fileName, upload.maxBytes);
  const format =
    file.extension === 'xlsx' ? 'xlsx' : file.extension === 'csv' || file.extension === 'txt' ? 'csv' : null;
  if (!format) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'dossiersImport.file_type');
  const existing = async () =>
    (
      await ctx.db
        .select()
        .from(dossierImportJobs)
        .where(and(eq(dossierImportJobs.sha256, file.sha256), sql`${dossierImportJobs.status} <> 'failed'`))
    )[0];
  const before = await existing();
  if (before) return { job: before, replayed: true };
  const inserted = await ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .insert(dossierImportJobs)
      .values({
        mappingId: upload.mappingId ?? null,
        mappingName,
        spec: spec as unknown as Record<string, unknown>,
        fileId: file.id,
        fileKey: file.storageKey,
        fileName: file.originalName,
        format,
        sha256: file.sha256,
        size: file.size,
        status: 'staging',
        createdBy: actor.user.id,
      })
      .onConflictDoNothing()
      .returning();
    if (job)
      await recordChange(
        { ...ctx, db: tx },
        {
          action: 'create',
          entity: 'dossier_import',
          entityId: job.id,
          after: { fileName: job.fileName, sha256: job.sha256, mapping: mappingName },
        },
      );
    return job;
  });
  if (inserted) return { job: inserted, replayed: false };
  const raced = await existing();
  if (!raced) throw conflict();
  return { job: raced, replayed: true };
}

/** A failed or finished job cannot be resumed; an unfinished one is picked up again (lease permitting). */
export async function resumableImport(ctx: RequestContext, id: string): Promise<JobRow> {
  requireManager(ctx);
  const job = await loadJob(ctx.db, id);
  if (job.status === 'done' || job.status === 'failed')
    throw new AppError(409, 'CONFLICT', 'dossiersImport.not_resumable');
  return job;
}

// ---------------------------------------------------------------------------------------------------
// Running a job

export type RunDeps = {
  db: Db;
  store: FileStore;
  log?: (msg: string, err?: unknown) => void;
  /** Worker threads for staging's reading and checking (absent: this thread, e.g. tests and the CLI). */
  pool?: WorkerPool;
};
export type RunOptions = {
  /** Tests: stop (as if the process died) after this many staging chunks, or right after staging. */
  crashAfterChunks?: number;
  crashBeforeApply?: boolean;
  /** The lease taken (tests shorten it to simulate a dead worker). */
  leaseMs?: number;
  /** Rows per staging transaction (default `IMPORT_CHUNK`). */
  chunkRows?: number;
  /** Called when staging is over, before the apply (the benchmark times the two phases). */
  onStaged?: () => void;
};

/** Starts `runImport` in the background unless this process already works on the job. */
export function kickImport(deps: RunDeps, jobId: string, options: RunOptions = {}): Promise<void> {
  const current = running.get(jobId);
  if (current) return current;
  const p = runImport(deps, jobId, options)
    .then(() => undefined)
    .catch((err: unknown) => deps.log?.(`dossier import ${jobId} stopped`, err))
    .finally(() => {
      running.delete(jobId);
      appliedSoFar.delete(jobId);
    });
  running.set(jobId, p);
  return p;
}

/** Waits for the imports this process is running (shutdown, tests). */
export async function settleImports(): Promise<void> {
  while (running.size) await Promise.allSettled([...running.values()]);
}

/** Unfinished jobs whose lease is free or expired (after a restart, or a crashed process). */
export async function claimableImports(db: Db, now = new Date()): Promise<string[]> {
  const found = await db
    .select({ id: dossierImportJobs.id })
    .from(dossierImportJobs)
    .where(
      and(
        inArray(dossierImportJobs.status, ['staging', 'staged']),
        or(isNull(dossierImportJobs.lockedUntil), lt(dossierImportJobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(dossierImportJobs.createdAt));
  return found.map((j) => j.id).filter((id) => !running.has(id));
}

async function claim(db: Db, jobId: string, leaseMs: number): Promise<JobRow | undefined> {
  const now = new Date();
  const [job] = await db
    .update(dossierImportJobs)
    .set({ lockedBy: WORKER_ID, lockedUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(
      and(
        eq(dossierImportJobs.id, jobId),
        inArray(dossierImportJobs.status, ['staging', 'staged']),
        or(
          isNull(dossierImportJobs.lockedUntil),
          lt(dossierImportJobs.lockedUntil, now),
          eq(dossierImportJobs.lockedBy, WORKER_ID),
        ),
      ),
    )
    .returning();
  return job;
}

async function actorOf(db: Db, userId: string): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  if (!user || !user.active) return null;
  return loadActor(db, { id: user.id, email: user.email, fullName: user.fullName, unitId: user.unitId });
}

async function failJob(
  db: Db,
  job: JobRow,
  failure: { key: MessageKey; params?: Record<string, string | number> } | null,
  extra: Partial<JobRow> = {},
) {
  await db.transaction(async (tx) => {
    await tx.delete(dossierImportRows).where(eq(dossierImportRows.jobId, job.id));
    await tx
      .update(dossierImportJobs)
      .set({
        ...extra,
        status: 'failed',
        failureKey: failure?.key ?? null,
        failureParams: failure?.params ?? null,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: new Date(),
        finishedAt: new Date(),
      })
      .where(eq(dossierImportJobs.id, job.id));
  });
}

/**
 * Works a job to its end: staging (continuing after the last committed chunk), then apply. Returns
 * the job's final state, or undefined when another worker holds it.
 */
export async function runImport(
  deps: RunDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<JobRow | undefined> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  let job = await claim(deps.db, jobId, leaseMs);
  if (!job) return undefined;
  const actor = await actorOf(deps.db, job.createdBy);
  if (!actor) {
    await failJob(deps.db, job, { key: 'error.forbidden' });
    return loadJob(deps.db, jobId);
  }
  if (job.status === 'staging') {
    const outcome = await stage(deps, job, actor, options, leaseMs);
    if (outcome !== 'staged') return loadJob(deps.db, jobId);
    job = await loadJob(deps.db, jobId);
  }
  options.onStaged?.();
  if (options.crashBeforeApply) return job;
  await apply(deps, job, actor);
  return loadJob(deps.db, jobId);
}

class LostLease extends Error {}
/** A test's simulated death of the process in the middle of staging (`crashAfterChunks`). */
class SimulatedCrash extends Error {}

/** The staging worker's task (stage.task.ts). */
const STAGE_TASK = taskRef<typeof StageTask>(new URL('./stage.task.js', import.meta.url));

/** A stream's bytes in an ArrayBuffer of their own (moved to the worker; a stream's Buffer may share its memory). */
const ownBytes = (piece: Buffer): ArrayBuffer => new Uint8Array(piece).buffer;

/**
 * Stages the file: a worker thread reads, maps and checks its rows (stage.task.ts) while this thread feeds it
 * the file and writes each chunk of checked rows in a short transaction with the job's progress, yielding
 * to waiting requests between chunks.
 */
async function stage(
  deps: RunDeps,
  job: JobRow,
  actor: Actor,
  options: RunOptions,
  leaseMs: number,
): Promise<'staged' | 'failed' | 'interrupted'> {
  const { db, store } = deps;
  const counter = byteCounter();
  const input = store.get(job.fileKey);
  input.on('error', (e) => counter.destroy(e));
  const pieces = input.pipe(counter)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let errorsKept: StoredRowError[] = [...job.errors];
  let chunks = 0;
  /** The first error met on this thread (reading the file, writing a chunk), kept with its class. */
  let failure: unknown = null;

  const write = async (chunk: StagedChunk) => {
    const now = new Date();
    await db.transaction(async (tx) => {
      const ok = await insertStagedRows(tx, job.id, chunk.rows);
      const duplicates: RowError[] = chunk.rows.rowNos.flatMap((rowNo, i) =>
        ok.has(rowNo)
          ? []
          : [
              {
                row: rowNo,
                field: 'code',
                column: chunk.codeColumn,
                key: 'dossiersImport.duplicate_code',
                params: { code: chunk.rows.codes[i]! },
              },
            ],
      );
      const newErrors = [...chunk.errors, ...duplicates].sort((a, b) => a.row - b.row);
      const kept =
        errorsKept.length < ERRORS_KEPT
          ? [...errorsKept, ...newErrors.slice(0, ERRORS_KEPT - errorsKept.length)]
          : errorsKept;
      const [updated] = await tx
        .update(dossierImportJobs)
        .set({
          stagedRow: chunk.lastRow,
          bytesRead: counter.bytes,
          rowsRead: sql`${dossierImportJobs.rowsRead} + ${chunk.read}`,
          rowsValid: sql`${dossierImportJobs.rowsValid} + ${ok.size}`,
          errorCount: sql`${dossierImportJobs.errorCount} + ${newErrors.length}`,
          errors: kept,
          lockedUntil: new Date(now.getTime() + leaseMs),
          updatedAt: now,
        })
        .where(
          and(
            eq(dossierImportJobs.id, job.id),
            eq(dossierImportJobs.lockedBy, WORKER_ID),
            eq(dossierImportJobs.status, 'staging'),
          ),
        )
        .returning({ id: dossierImportJobs.id });
      // Another worker took the job over (our lease expired): undo this chunk and stop.
      if (!updated) throw new LostLease();
      errorsKept = kept;
    });
    chunks++;
    // Requests that arrived meanwhile get the database before the next chunk (one connection on PGlite).
    await yieldToRequests();
  };
  // A chunk is written while the worker reads and checks the next one; at most one write is in flight, and
  // chunks commit in file order.
  let inflight: Promise<void> | null = null;
  const settle = async () => {
    const p = inflight;
    inflight = null;
    if (p) await p;
  };
  const onAsk = async (ask: StageAsk): Promise<StageReply | Transferring<StageReply>> => {
    try {
      if (ask.type === 'read') {
        const next = await pieces.next();
        if (next.done) return { type: 'data', data: null };
        const data = ownBytes(next.value);
        return transferring({ type: 'data', data }, [data]);
      }
      await settle();
      inflight = write(ask.chunk);
      inflight.catch(() => undefined); // observed by the next settle()
      if (options.crashAfterChunks !== undefined) {
        await settle();
        if (chunks >= options.crashAfterChunks) throw new SimulatedCrash();
      }
      return { type: 'written' };
    } catch (err) {
      failure ??= err;
      throw err;
    }
  };

  let staged: StageOutcome;
  try {
    staged = await (deps.pool ?? inlinePool).run(
      STAGE_TASK,
      {
        format: job.format as 'csv' | 'xlsx',
        spec: job.spec as unknown as MappingSpec,
        after: job.stagedRow,
        chunkRows: options.chunkRows ?? IMPORT_CHUNK,
        snapshot: await stagingSnapshot(db, actor),
      },
      { onAsk },
    );
    await settle();
  } catch (err) {
    await settle().catch(() => undefined);
    const cause = failure ?? err;
    if (cause instanceof LostLease || cause instanceof SimulatedCrash) return 'interrupted';
    const detail = cause instanceof Error ? cause.message : String(cause);
    await failJob(db, job, { key: 'dossiersImport.unreadable', params: { detail: detail.slice(0, 300) } });
    return 'failed';
  } finally {
    input.destroy();
  }
  if (staged.outcome === 'mapping') {
    await failJob(db, job, null, {
      errors: staged.errors.slice(0, ERRORS_KEPT),
      errorCount: staged.errors.length,
    });
    return 'failed';
  }
  if (staged.outcome === 'empty') {
    await failJob(db, job, { key: 'dossiersImport.empty_file' });
    return 'failed';
  }
  // Codes repeated within the file (the staging table keeps no index on them).
  const repeated = await duplicateStagedCodes(db, job.id, ERRORS_KEPT);
  if (repeated.count > 0) {
    const column = staged.codeColumn;
    const errors = [
      ...errorsKept,
      ...repeated.rows.map((r) => ({
        row: r.rowNo,
        field: 'code',
        column,
        key: 'dossiersImport.duplicate_code',
        params: { code: r.code },
      })),
    ]
      .sort((a, b) => a.row - b.row)
      .slice(0, ERRORS_KEPT);
    await db
      .update(dossierImportJobs)
      .set({
        errors,
        errorCount: sql`${dossierImportJobs.errorCount} + ${repeated.count}`,
        rowsValid: sql`${dossierImportJobs.rowsValid} - ${repeated.count}`,
        updatedAt: new Date(),
      })
      .where(and(eq(dossierImportJobs.id, job.id), eq(dossierImportJobs.lockedBy, WORKER_ID)));
  }
  const current = await loadJob(db, job.id);
  if (current.errorCount > 0) {
    await failJob(db, current, null);
    return 'failed';
  }
  if (current.rowsRead === 0) {
    await failJob(db, current, { key: 'dossiersImport.empty_file' });
    return 'failed';
  }
  const [done] = await db
    .update(dossierImportJobs)
    .set({ status: 'staged', bytesRead: current.size, updatedAt: new Date() })
    .where(
      and(
        eq(dossierImportJobs.id, job.id),
        eq(dossierImportJobs.lockedBy, WORKER_ID),
        eq(dossierImportJobs.status, 'staging'),
      ),
    )
    .returning();
  return done ? 'staged' : 'interrupted';
}

/**
 * File rows per statement of the apply. The apply stays one transaction — a file is all or nothing — but its
 * statements stay bounded and this thread yields between them: on PGlite a statement runs on the main thread
 * (static files, health checks and metrics are served between two), on both engines the progress moves.
 */
export const APPLY_ROWS = 5000;

/** The staged file rows in ranges of `APPLY_ROWS`, up to the last staged row. */
function* stagedRanges(lastRow: number): Generator<StagedRange> {
  for (let from = 1; from <= lastRow; from += APPLY_ROWS)
    yield { from, to: Math.min(lastRow, from + APPLY_ROWS - 1) };
}

/**
 * After an import that changed many dossiers the planner must know them (PGlite has no autovacuum, and
 * PostgreSQL's comes later): past autovacuum's own threshold (50 + 10 % of the rows), the table is analysed
 * (a sample: its cost does not grow with the table), so the list's pages keep to their index.
 */
async function analyzeDossiers(db: Db, changed: number): Promise<void> {
  const [known] = await sqlRows<{ n: number }>(
    db,
    sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'dossiers'::regclass`,
  );
  if (changed > 50 + 0.1 * Math.max(0, Number(known?.n ?? 0))) await db.execute(sql`ANALYZE dossiers`);
}

/** Applies the staged rows in one transaction (no file I/O inside), all or nothing. */
async function apply(deps: RunDeps, job: JobRow, actor: Actor): Promise<void> {
  const { db } = deps;
  const ctx = systemContext(db, actor);
  let changed = 0;
  try {
    await db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(dossierImportJobs)
        .where(eq(dossierImportJobs.id, job.id))
        .for('update');
      if (!locked || locked.status !== 'staged') return; // another worker applied it
      const txCtx = { ...ctx, db: tx };
      // One writer at a time (as upsertDossiers): a code inserted meanwhile must not escape the deltas.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('chidao.dossiers.upsert'))`);
      // The staged rows are fresh (the planner would guess a few hundred), and the rollup aggregation of
      // a large file would spill to disk with the default 4 MB of sort memory.
      await tx.execute(sql`SET LOCAL work_mem = '128MB'`);
      await tx.execute(sql`ANALYZE dossier_import_rows`);
      await yieldToRequests();
      appliedSoFar.set(job.id, 0);
      // 1. The audit journal gets what changes in stored dossiers, before anything is written.
      for await (const page of changedDossiers(tx, job.id)) {
        const shown = page.filter((c) => Object.keys(c.before).length > 0);
        if (shown.length)
          await recordChange(txCtx, {
            action: 'upsert',
            entity: 'dossier_batch',
            entityId: randomUUID(),
            after: { importId: job.id, updated: shown },
          });
        await yieldToRequests();
      }
      // 2. Rollups: new contributions minus the old ones of changed dossiers (every range before any dossier
      // is written: the old contributions are read from the dossiers as they were). 3. The dossiers themselves.
      const progress = (share: number, range: StagedRange) =>
        appliedSoFar.set(job.id, Math.round(locked.rowsValid * (share + range.to / locked.stagedRow / 2)));
      for (const range of stagedRanges(locked.stagedRow)) {
        await applyStagedRollups(tx, job.id, range);
        progress(0, range);
        await yieldToRequests();
      }
      const written = { created: 0, updated: 0 };
      for (const range of stagedRanges(locked.stagedRow)) {
        const part = await upsertStagedDossiers(tx, job.id, range);
        written.created += part.created;
        written.updated += part.updated;
        progress(0.5, range);
        await yieldToRequests();
      }
      const totals = { ...written, unchanged: locked.rowsValid - written.created - written.updated };
      await tx.delete(dossierImportRows).where(eq(dossierImportRows.jobId, job.id));
      const now = new Date();
      await tx
        .update(dossierImportJobs)
        .set({
          ...totals,
          status: 'done',
          lockedBy: null,
          lockedUntil: null,
          updatedAt: now,
          finishedAt: now,
        })
        .where(eq(dossierImportJobs.id, job.id));
      await recordChange(txCtx, {
        action: 'import',
        entity: 'dossier_import',
        entityId: job.id,
        after: { fileName: job.fileName, sha256: job.sha256, mapping: job.mappingName, ...totals },
      });
      changed = written.created + written.updated;
    });
  } catch (err) {
    const detail =
      err instanceof AppError
        ? translate('vi', err.messageKey, err.params)
        : err instanceof Error
          ? err.message
          : String(err);
    deps.log?.(`dossier import ${job.id}: apply failed`, err);
    await failJob(db, job, { key: 'dossiersImport.apply_failed', params: { detail: detail.slice(0, 300) } });
    return;
  }
  await analyzeDossiers(db, changed).catch((err: unknown) =>
    deps.log?.(`dossier import ${job.id}: analyze after the import failed`, err),
  );
}

// ---------------------------------------------------------------------------------------------------
// API tokens and the HTTP ingest

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const presentToken = (t: typeof dossierIngestTokens.$inferSelect): TokenOut => ({
  id: t.id,
  name: t.name,
  source: t.source,
  unitId: t.unitId,
  prefix: t.prefix,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listTokens(ctx: RequestContext): Promise<TokenOut[]> {
  requireAdmin(ctx);
  const found = await ctx.db.select().from(dossierIngestTokens).orderBy(desc(dossierIngestTokens.createdAt));
  return found.map(presentToken);
}

/** Creates a token (shown once; only its SHA-256 is kept) for a source, writing within one unit's subtree. */
export async function createToken(
  ctx: RequestContext,
  input: { name: string; source: string; unitId: string },
): Promise<TokenOut & { token: string }> {
  const actor = requireAdmin(ctx);
  const path = (await ancestorPaths(ctx.db, [input.unitId])).get(input.unitId);
  if (!path) throw new AppError(400, 'VALIDATION_FAILED', 'dossiers.unknown_unit', { field: 'unitId' });
  const token = `chd_${randomBytes(32).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dossierIngestTokens)
      .values({ ...input, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdBy: actor.user.id })
      .returning();
    const { tokenHash: _hash, ...journal } = row!;
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'dossier_ingest_token',
        entityId: row!.id,
        after: journal,
      },
    );
    return { ...presentToken(row!), token };
  });
}

export async function revokeToken(ctx: RequestContext, id: string): Promise<TokenOut> {
  requireAdmin(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(dossierIngestTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(dossierIngestTokens.id, id), isNull(dossierIngestTokens.revokedAt)))
      .returning();
    if (!row) throw notFound('dossier_ingest_token');
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'revoke',
        entity: 'dossier_ingest_token',
        entityId: id,
        after: { revokedAt: row.revokedAt },
      },
    );
    return presentToken(row);
  });
}

const tokenInvalid = () => new AppError(401, 'UNAUTHENTICATED', 'dossiersImport.token_invalid');

/**
 * The HTTP ingest: `Authorization: Bearer <token>`; the token acts as its creator (whose rights are
 * checked now) limited to its unit's subtree. The batch is checked like an import's rows and written
 * by `upsertDossiers`, all or nothing.
 */
export async function ingestDossiers(
  base: RequestContext,
  authorization: string | undefined,
  input: readonly IngestDossierIn[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) throw tokenInvalid();
  const [token] = await base.db
    .select()
    .from(dossierIngestTokens)
    .where(and(eq(dossierIngestTokens.tokenHash, hashToken(m[1]!)), isNull(dossierIngestTokens.revokedAt)));
  if (!token) throw tokenInvalid();
  const creator = await actorOf(base.db, token.createdBy);
  const scopePath = (await ancestorPaths(base.db, [token.unitId])).get(token.unitId);
  if (!creator || !scopePath || !creator.hasRoleOver(DOSSIER_WRITE_ROLES, scopePath))
    throw new AppError(403, 'FORBIDDEN', 'dossiersImport.token_forbidden');
  // The token's own actor: its creator, with write rights over the token's subtree only.
  const actor = new Actor(creator.user, [
    { id: `token:${token.id}`, role: 'standing_officer', unitId: token.unitId },
  ]);
  const ctx: RequestContext = { ...base, actor };
  const lookups = new DbLookups(base.db, actor, token.unitId);
  const problems: { field: string; message: string }[] = [];
  let firstKey: MessageKey | null = null;
  let firstParams: Record<string, string | number> = {};
  const dossiers: DossierIn[] = [];
  for (const [i, d] of input.entries()) {
    const checked = await checkRow(
      lookups,
      {
        ...d,
        unitCode: d.unitCode ?? null,
        unitId: d.unitId ?? null,
        dueAt: d.dueAt ?? null,
        resolvedAt: d.resolvedAt ?? null,
        returnedAt: d.returnedAt ?? null,
        withdrawnAt: d.withdrawnAt ?? null,
        statusReason: d.statusReason ?? null,
        rating: d.rating ?? null,
      },
      i,
      (f) => f,
      true,
    );
    if (checked.ok) dossiers.push(checked.value);
    else
      for (const e of checked.errors) {
        const key = (isMessageKey(e.key) ? e.key : 'error.validation') as MessageKey;
        if (!firstKey) {
          firstKey = key;
          firstParams = { field: `dossiers.${i}.${e.field}`, ...e.params };
        }
        problems.push({
          field: `dossiers.${i}.${e.field}`,
          message: translate(base.locale, key, { field: e.field, ...e.params }),
        });
      }
  }
  if (firstKey) throw new AppError(400, 'VALIDATION_FAILED', firstKey, firstParams, problems);
  const result = await upsertDossiers(ctx, dossiers);
  await base.db
    .update(dossierIngestTokens)
    .set({ lastUsedAt: new Date() })
    .where(eq(dossierIngestTokens.id, token.id));
  return result;
}
