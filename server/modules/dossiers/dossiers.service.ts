/**
 * Dossiers: the procedure catalogue, the idempotent upsert of dossiers with their rollups, and the
 * indicators read from the rollups only. Rules live in the pure files (dossier-timing, rollup,
 * indicators, qd766); this file loads, checks access and writes.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, notFound, staleVersion, unauthenticated, validation } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { rows as sqlRows } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { allow, authorize, requireAccess } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar } from '../calendar/index.js';
import { ancestorPaths, viCollator } from '../units/units.service.js';
import {
  classify,
  DEFAULT_TIMING_RULES,
  dossierProblems,
  minDay,
  type Channel,
  type DossierStatus,
} from './dossier-timing.js';
import { catalogueCounts, periodCarriers } from './dossiers-query.service.js';
import { computeIndicators, dossierCriteria } from './indicators.js';
import { qd766Score, type Qd766Config } from './qd766.js';
import {
  feedbackQd766,
  feedbackQd766ByUnit,
  paknCriteria,
  type PaknQd766,
} from '../hotline/stats/stats.service.js';
import { surveySatisfaction, surveySatisfactionByUnit } from '../surveys/qd766-figures.service.js';
import { dossierRulesFor } from './settings/dossiers-settings.service.js';
import {
  ALL_PROCEDURES,
  contribution,
  contributionDelta,
  COUNTERS,
  expandGrains,
  mergeDeltas,
  packContribution,
  unpackContribution,
  type BucketDelta,
  type Contribution,
  type PeriodTotals,
  type Rating,
  type RollupFacts,
} from './rollup.js';
import { addInto, COLUMN, emptyTotals, periodTotalsSql, totalsOfRow } from './rollup-sql.js';
import { dossierProcedures, dossierRollups, dossiers } from './dossiers.table.js';
import { dossierUnitPolicy, procedureCatalogPolicy, DOSSIER_READ_ROLES } from './dossiers.policy.js';
import { csvRecords, isBlank } from './import/csv-stream.js';
import { mapProcedureFile } from './procedure-import.js';
import type {
  DossierIn,
  GroupBy,
  IndicatorsResponse,
  ProcedureImportOut,
  ProcedureListOut,
  ProcedureOut,
  ProcedureUpdateIn,
} from './dossiers.schemas.js';

const CHUNK = 500;
const chunks = <T>(list: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

type ProcedureRow = typeof dossierProcedures.$inferSelect;
const presentProcedure = (p: ProcedureRow): ProcedureOut => ({
  id: p.id,
  code: p.code,
  name: p.name,
  field: p.field,
  level: p.level as ProcedureOut['level'],
  onlineCapability: p.onlineCapability as ProcedureOut['onlineCapability'],
  published: p.published,
  timeLimitDays: p.timeLimitDays,
  version: p.version,
});

// ---------------------------------------------------------------------------------------------------
// Procedure catalogue

export async function listProcedures(
  ctx: RequestContext,
  query: {
    q?: string | undefined;
    field?: string | undefined;
    onlineCapability?: ProcedureOut['onlineCapability'] | undefined;
    limit: number;
  },
): Promise<ProcedureListOut> {
  const actor = requireActor(ctx);
  authorize(procedureCatalogPolicy, actor, 'read', null);
  const c: SQL[] = [];
  if (query.field) c.push(eq(dossierProcedures.field, query.field));
  if (query.onlineCapability) c.push(eq(dossierProcedures.onlineCapability, query.onlineCapability));
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    c.push(
      sql`f_unaccent(lower(${dossierProcedures.code} || ' ' || ${dossierProcedures.name})) LIKE f_unaccent(${needle})`,
    );
  }
  const found = await ctx.db
    .select()
    .from(dossierProcedures)
    .where(c.length ? and(...c) : undefined)
    .orderBy(asc(dossierProcedures.code))
    .limit(query.limit);
  const canWrite = allow(procedureCatalogPolicy, actor, 'create', null);
  return {
    items: found.map(presentProcedure),
    catalogue: await catalogueCounts(ctx.db),
    abilities: { create: canWrite, update: canWrite },
  };
}

/**
 * Changes a procedure's online level, publication or time limit (admin, standing agency): `version` must be
 * the one read (409 otherwise); journalled with the values before and after. A new time limit applies to
 * dossiers stored from then on (stored dossiers keep the due day they were classified with).
 */
export async function updateProcedure(
  ctx: RequestContext,
  id: string,
  input: ProcedureUpdateIn,
): Promise<ProcedureOut> {
  const actor = requireActor(ctx);
  authorize(procedureCatalogPolicy, actor, 'create', null);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(dossierProcedures).where(eq(dossierProcedures.id, id)).for('update');
    if (!row) throw notFound('procedure');
    if (row.version !== input.version) throw staleVersion('dossier_procedure', row.version);
    const patch: Partial<ProcedureRow> = {};
    if (input.onlineCapability !== undefined && input.onlineCapability !== row.onlineCapability)
      patch.onlineCapability = input.onlineCapability;
    if (input.published !== undefined && input.published !== row.published) patch.published = input.published;
    if (input.timeLimitDays !== undefined && input.timeLimitDays !== row.timeLimitDays)
      patch.timeLimitDays = input.timeLimitDays;
    if (!Object.keys(patch).length) return presentProcedure(row);
    const [next] = await tx
      .update(dossierProcedures)
      .set({ ...patch, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(dossierProcedures.id, id), eq(dossierProcedures.version, row.version)))
      .returning();
    if (!next) throw staleVersion('dossier_procedure', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'dossier_procedure',
        entityId: id,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof ProcedureRow]])),
        after: patch,
      },
    );
    return presentProcedure(next);
  });
}

export async function createProcedure(
  ctx: RequestContext,
  input: Omit<ProcedureOut, 'id' | 'version' | 'published'> & { published?: boolean | null | undefined },
): Promise<ProcedureOut> {
  const actor = requireActor(ctx);
  authorize(procedureCatalogPolicy, actor, 'create', null);
  const [existing] = await ctx.db
    .select({ id: dossierProcedures.id })
    .from(dossierProcedures)
    .where(eq(dossierProcedures.code, input.code));
  if (existing) throw new AppError(409, 'CONFLICT', 'dossiers.procedure_exists', { code: input.code });
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [row] = await tx
      .insert(dossierProcedures)
      .values({ ...input, published: input.published ?? null })
      .returning();
    await recordChange(txCtx, {
      action: 'create',
      entity: 'dossier_procedure',
      entityId: row!.id,
      after: row,
    });
    return presentProcedure(row!);
  });
}

/**
 * Imports a procedure catalogue file (admin, standing agency), all or nothing: new codes are added, existing
 * ones take the columns the file fills (procedure-import.ts: old files without the online level or
 * publication leave them as they are). Changed procedures get a new version; one journal entry lists the
 * changes with their values before.
 */
export async function importProcedures(
  ctx: RequestContext,
  input: { csv: string; delimiter: ',' | ';' | '\t' },
): Promise<ProcedureImportOut> {
  const actor = requireActor(ctx);
  authorize(procedureCatalogPolicy, actor, 'create', null);
  const records: { row: number; cells: string[] }[] = [];
  for await (const r of csvRecords(
    (async function* () {
      yield input.csv;
    })(),
    input.delimiter,
  ))
    if (!isBlank(r.cells)) records.push(r);
  const [header, ...rowsIn] = records;
  if (!header) throw validation('csv', 'dossiers.procedure_import.no_code_column');
  return ctx.db.transaction(async (tx) => {
    const stored = new Map((await tx.select().from(dossierProcedures).for('update')).map((p) => [p.code, p]));
    const { changes, problems } = mapProcedureFile(header.cells, rowsIn, new Set(stored.keys()));
    if (problems.length)
      fail(
        problems.map((p) => ({
          field: `csv.${p.row}.${p.column}`,
          message: p.key,
          params: { row: p.row, column: p.column },
        })),
      );
    let created = 0;
    let updated = 0;
    const journal: {
      code: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }[] = [];
    for (const c of changes) {
      const old = stored.get(c.code);
      const { row: _row, code, ...fields } = c;
      if (!old) {
        await tx.insert(dossierProcedures).values({
          code,
          name: fields.name!,
          field: fields.field!,
          level: fields.level!,
          timeLimitDays: fields.timeLimitDays!,
          onlineCapability: fields.onlineCapability ?? 'none',
          published: fields.published ?? null,
        });
        created++;
        journal.push({ code, before: null, after: { ...fields } });
        continue;
      }
      const patch = Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => old[k as keyof ProcedureRow] !== v),
      ) as Partial<ProcedureRow>;
      if (!Object.keys(patch).length) continue;
      await tx
        .update(dossierProcedures)
        .set({ ...patch, version: old.version + 1, updatedAt: new Date() })
        .where(eq(dossierProcedures.id, old.id));
      updated++;
      journal.push({
        code,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, old[k as keyof ProcedureRow]])),
        after: patch,
      });
    }
    if (journal.length)
      await recordChange(
        { ...ctx, db: tx },
        {
          action: 'import',
          entity: 'dossier_procedure',
          entityId: randomUUID(),
          after: { created, updated, changes: journal },
        },
      );
    return {
      created,
      updated,
      unchanged: changes.length - created - updated,
      catalogue: await catalogueCounts(tx),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Upsert (HTTP ingest; the file import of the next step calls the same function)

type DossierRow = typeof dossiers.$inferSelect;
/** A dossier as stored (procedure and unit resolved, contribution computed). */
export type DossierValues = Omit<DossierRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const toDate = (s: string | null | undefined) => (s ? new Date(s) : null);

/** The columns compared to decide whether a re-imported dossier changed. */
export const COMPARED: readonly (keyof DossierValues)[] = [
  'procedureId',
  'unitId',
  'channel',
  'receivedAt',
  'dueAt',
  'resolvedAt',
  'returnedAt',
  'withdrawnAt',
  'status',
  'statusReason',
  'suspensions',
  'feePayable',
  'paidOnline',
  'digitised',
  'eResult',
  'rating',
  'complained',
  'contribDay',
  'contribCounter',
  'contribValue',
];
const CONTRIBUTION_COLUMNS = new Set<keyof DossierValues>(['contribDay', 'contribCounter', 'contribValue']);
const same = (a: unknown, b: unknown): boolean => {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a && b && typeof a === 'object') return canonical(a) === canonical(b);
  return (a ?? null) === (b ?? null);
};
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

function fail(
  details: { field: string; message: MessageKey; params?: Record<string, string | number> }[],
): never {
  const first = details[0]!;
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    first.message,
    { field: first.field, ...first.params },
    details.map((d) => ({ field: d.field, message: d.message, ...(d.params ? { params: d.params } : {}) })),
  );
}

/**
 * A checked dossier (`DossierIn`, unit resolved) → the row to store, contribution included, or the
 * consistency problems of its status, times and suspensions (fields relative to the dossier). Pure given
 * the calendar; the file import calls it while staging so the apply only moves rows.
 */
export function prepareDossier(
  calendar: Calendar,
  procedure: { id: string; timeLimitDays: number },
  d: DossierIn,
): { ok: true; values: DossierValues } | { ok: false; problems: { field: string; key: MessageKey }[] } {
  const facts: RollupFacts = {
    unitId: d.unitId,
    procedureId: procedure.id,
    channel: d.channel as Channel,
    receivedAt: new Date(d.receivedAt),
    dueAt: toDate(d.dueAt),
    timeLimitDays: procedure.timeLimitDays,
    resolvedAt: toDate(d.resolvedAt),
    returnedAt: toDate(d.returnedAt),
    withdrawnAt: toDate(d.withdrawnAt),
    status: d.status as DossierStatus,
    statusReason: d.statusReason ?? null,
    suspensions: d.suspensions,
    feePayable: d.feePayable,
    paidOnline: d.paidOnline,
    digitised: d.digitised,
    eResult: d.eResult,
    rating: (d.rating ?? null) as Rating | null,
    complained: d.complained,
  };
  const problems = dossierProblems(calendar, facts);
  if (problems.length)
    return { ok: false, problems: problems.map((p) => ({ field: p.field, key: p.key as MessageKey })) };
  return {
    ok: true,
    values: {
      code: d.code,
      procedureId: facts.procedureId,
      unitId: facts.unitId,
      channel: facts.channel,
      receivedAt: facts.receivedAt,
      dueAt: facts.dueAt,
      resolvedAt: facts.resolvedAt,
      returnedAt: facts.returnedAt,
      withdrawnAt: facts.withdrawnAt,
      status: facts.status,
      statusReason: facts.statusReason,
      suspensions: [...facts.suspensions],
      feePayable: facts.feePayable,
      paidOnline: facts.paidOnline,
      digitised: facts.digitised,
      eResult: facts.eResult,
      rating: facts.rating,
      complained: facts.complained,
      ...packContribution(contribution(calendar, facts)),
    },
  };
}

const contributionOf = (v: DossierValues): Contribution => unpackContribution(v.unitId, v.procedureId, v);

/**
 * Creates or updates dossiers by code, all or nothing, and keeps the rollups in step in the same
 * transaction: each changed dossier's stored contribution is subtracted and its new one added, so a
 * re-import of the same data changes nothing and a changed dossier is never counted twice.
 */
export async function upsertDossiers(
  ctx: RequestContext,
  input: readonly DossierIn[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  const actor = requireActor(ctx);
  const problems: { field: string; message: MessageKey; params?: Record<string, string | number> }[] = [];
  const seen = new Set<string>();
  input.forEach((d, i) => {
    if (seen.has(d.code))
      problems.push({
        field: `dossiers.${i}.code`,
        message: 'dossiers.duplicate_code',
        params: { code: d.code },
      });
    seen.add(d.code);
  });
  if (problems.length) fail(problems);

  const codes = [...new Set(input.map((d) => d.procedureCode))];
  const procedures = new Map<string, ProcedureRow>();
  for (const part of chunks(codes))
    for (const p of await ctx.db
      .select()
      .from(dossierProcedures)
      .where(inArray(dossierProcedures.code, part)))
      procedures.set(p.code, p);
  const paths = await ancestorPaths(ctx.db, [...new Set(input.map((d) => d.unitId))]);
  input.forEach((d, i) => {
    if (!procedures.has(d.procedureCode))
      problems.push({
        field: `dossiers.${i}.procedureCode`,
        message: 'dossiers.unknown_procedure',
        params: { code: d.procedureCode },
      });
    if (!paths.has(d.unitId))
      problems.push({ field: `dossiers.${i}.unitId`, message: 'dossiers.unknown_unit' });
  });
  if (problems.length) fail(problems);
  requireAccess(
    dossierUnitPolicy,
    actor,
    'write',
    [...paths.values()].map((path) => ({ path })),
  );

  const calendar = await loadCalendar(ctx.db);
  const values: DossierValues[] = [];
  input.forEach((d, i) => {
    const prepared = prepareDossier(calendar, procedures.get(d.procedureCode)!, d);
    if (prepared.ok) values.push(prepared.values);
    else
      for (const p of prepared.problems) problems.push({ field: `dossiers.${i}.${p.field}`, message: p.key });
  });
  if (problems.length) fail(problems);

  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // One writer at a time: a dossier code inserted by a concurrent batch must not escape the delta.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('chidao.dossiers.upsert'))`);
    const existing = new Map<string, DossierRow>();
    for (const part of chunks(values.map((v) => v.code)))
      for (const row of await tx.select().from(dossiers).where(inArray(dossiers.code, part)))
        existing.set(row.code, row);
    const created: DossierValues[] = [];
    const updated: { row: DossierRow; next: DossierValues }[] = [];
    const deltas: BucketDelta[] = [];
    for (const v of values) {
      const old = existing.get(v.code);
      if (!old) {
        created.push(v);
        deltas.push(...contributionDelta(null, contributionOf(v)));
      } else if (COMPARED.some((k) => !same(old[k], v[k]))) {
        updated.push({ row: old, next: v });
        deltas.push(...contributionDelta(contributionOf(old), contributionOf(v)));
      }
    }
    for (const part of chunks(created)) await tx.insert(dossiers).values(part);
    for (const { row, next } of updated)
      await tx
        .update(dossiers)
        .set({ ...next, version: sql`${dossiers.version} + 1`, updatedAt: new Date() })
        .where(eq(dossiers.id, row.id));
    await applyDeltas(tx, mergeDeltas(deltas));
    const result = {
      created: created.length,
      updated: updated.length,
      unchanged: values.length - created.length - updated.length,
    };
    if (created.length || updated.length)
      await recordChange(txCtx, {
        action: 'upsert',
        entity: 'dossier_batch',
        entityId: randomUUID(),
        after: {
          ...result,
          createdCodes: created.map((c) => c.code),
          updated: updated.map(({ row, next }) => ({
            code: row.code,
            before: Object.fromEntries(
              COMPARED.filter((k) => !CONTRIBUTION_COLUMNS.has(k) && !same(row[k], next[k])).map((k) => [
                k,
                row[k],
              ]),
            ),
            after: Object.fromEntries(
              COMPARED.filter((k) => !CONTRIBUTION_COLUMNS.has(k) && !same(row[k], next[k])).map((k) => [
                k,
                next[k],
              ]),
            ),
          })),
        },
      });
    return result;
  });
}

/** Adds day deltas to the buckets of every grain (rollup.ts `expandGrains`). */
async function applyDeltas(tx: RequestContext['db'], deltas: readonly BucketDelta[]) {
  const set = Object.fromEntries(
    COUNTERS.map((c) => [c, sql.raw(`dossier_rollups.${COLUMN[c]} + excluded.${COLUMN[c]}`)]),
  );
  for (const part of chunks(expandGrains(deltas)))
    await tx
      .insert(dossierRollups)
      .values(
        part.map((d) => ({
          grain: d.grain,
          unitId: d.unitId,
          procedureId: d.procedureId,
          day: d.day,
          ...Object.fromEntries(COUNTERS.map((c) => [c, d.counters[c] ?? 0])),
        })),
      )
      .onConflictDoUpdate({
        target: [dossierRollups.procedureId, dossierRollups.grain, dossierRollups.day, dossierRollups.unitId],
        set,
      });
}

// ---------------------------------------------------------------------------------------------------
// One dossier, classified as of a day

export async function getDossier(ctx: RequestContext, code: string, asOf?: string) {
  const actor = requireActor(ctx);
  const [found] = await ctx.db
    .select({ d: dossiers, p: dossierProcedures })
    .from(dossiers)
    .innerJoin(dossierProcedures, eq(dossierProcedures.id, dossiers.procedureId))
    .where(eq(dossiers.code, code));
  if (!found) throw notFound('dossier');
  const path = (await ancestorPaths(ctx.db, [found.d.unitId])).get(found.d.unitId) ?? [found.d.unitId];
  authorize(dossierUnitPolicy, actor, 'read', { path });
  const day = asOf ?? todayInVietnam();
  const calendar = await loadCalendar(ctx.db);
  const c = classify(calendar, { ...found.d, timeLimitDays: found.p.timeLimitDays }, day);
  return {
    code: found.d.code,
    procedureCode: found.p.code,
    unitId: found.d.unitId,
    channel: found.d.channel as Channel,
    status: found.d.status as DossierStatus,
    receivedAt: found.d.receivedAt.toISOString(),
    resolvedAt: found.d.resolvedAt?.toISOString() ?? null,
    version: found.d.version,
    timing: {
      asOf: day,
      state: c.state,
      timing: c.state === 'resolved' ? c.timing : null,
      dueDay: 'dueDay' in c ? c.dueDay : null,
      workingDays: c.state === 'resolved' ? c.workingDays : 'workingDaysLeft' in c ? c.workingDaysLeft : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Indicators (rollups only)

/** Indicators and the QĐ 766 score with the configuration in force (settings/: versions from a date). */
function figures(t: PeriodTotals, qd766: Qd766Config, pakn?: PaknQd766, survey: number | null = null) {
  const indicators = computeIndicators(t);
  // The two feedback criteria come from the hotline, the surveys' satisfaction (where the configuration in force
  // scores it) from the surveys, over the same period and units — as the dashboard's query (dossiers-query).
  return {
    totals: t,
    indicators,
    qd766: qd766Score(
      { ...dossierCriteria(indicators), ...paknCriteria(pakn), survey_satisfaction: survey },
      qd766,
    ),
  };
}

/**
 * Indicators for a period by unit, field, procedure or in total, from the daily rollups: flows summed
 * over the period, stocks taken on the day before it (carried over) and on its last day (or today).
 * Units as they were (the receiving units), or restated onto the units that carry their facts today.
 * A caller sees the units their read grants cover (as they were, or — restated — the successors).
 */
export async function dossierIndicators(
  ctx: RequestContext,
  q: { from: string; to: string; groupBy: GroupBy; restate: boolean },
): Promise<IndicatorsResponse> {
  const actor = requireActor(ctx);
  if (!actor.hasRole(...DOSSIER_READ_ROLES)) throw new AppError(403, 'FORBIDDEN', 'error.forbidden');
  if (q.from > q.to) throw validation('from', 'dossiers.period_order');
  const today = todayInVietnam();
  const stockDay = minDay(q.to, today);
  const byProcedure = q.groupBy === 'field' || q.groupBy === 'procedure';
  const rules = await dossierRulesFor(ctx.db, q.to);
  const buckets = await sqlRows<Record<string, number | string>>(
    ctx.db,
    periodTotalsSql({
      from: q.from,
      to: q.to,
      stockDay,
      keys: byProcedure ? ['unit_id', 'procedure_id'] : ['unit_id'],
      scope: byProcedure
        ? sql`procedure_id <> ${ALL_PROCEDURES}::uuid`
        : sql`procedure_id = ${ALL_PROCEDURES}::uuid`,
    }),
  );
  const unitIds = [...new Set(buckets.map((b) => String(b.unit_id)))];
  const procedureIds = byProcedure ? [...new Set(buckets.map((b) => String(b.procedure_id)))] : [];
  const procedures = new Map<string, ProcedureRow>();
  for (const part of chunks(procedureIds))
    for (const p of await ctx.db.select().from(dossierProcedures).where(inArray(dossierProcedures.id, part)))
      procedures.set(p.id, p);
  // Units as on the period's last day (same-day "restatement" gives each unit its version then), or
  // restated forward from the period's start onto the units of today (as the dashboard: periodCarriers).
  const carriers = await periodCarriers(ctx.db, unitIds, q, today);
  const carrierIds = [...new Set([...carriers.values()].flatMap((list) => list.map((s) => s.unitId)))];
  const paths = await ancestorPaths(ctx.db, carrierIds);
  const visible = (unitId: string) =>
    allow(dossierUnitPolicy, actor, 'read', { path: paths.get(unitId) ?? [unitId] });

  const total = emptyTotals();
  const groups = new Map<
    string,
    { key: string; name: string; code: string | null; validTo: string | null; t: PeriodTotals }
  >();
  for (const b of buckets) {
    const t = totalsOfRow(b);
    const procedure = byProcedure ? procedures.get(String(b.procedure_id))! : null;
    for (const share of carriers.get(String(b.unit_id)) ?? []) {
      if (!visible(share.unitId)) continue;
      addInto(total, t, share.weight);
      if (q.groupBy === 'total') continue;
      const g =
        q.groupBy === 'unit'
          ? {
              key: share.unitId,
              name: share.unit?.fullName ?? share.unitId,
              code: share.unit?.code ?? null,
              validTo: share.unit?.validTo ?? null,
            }
          : q.groupBy === 'field'
            ? { key: procedure!.field, name: procedure!.field, code: null, validTo: null }
            : { key: procedure!.id, name: procedure!.name, code: procedure!.code, validTo: null };
      const entry = groups.get(g.key) ?? { ...g, t: emptyTotals() };
      addInto(entry.t, t, share.weight);
      groups.set(g.key, entry);
    }
  }
  // Survey answers are read only when the configuration in force scores them.
  const surveyed = rules.qd766.groups.some((g) => g.criteria.some((c) => c.key === 'survey_satisfaction'));
  const [paknTotal, paknByUnit, surveyTotal, surveyByUnit] = await Promise.all([
    feedbackQd766(ctx.db, { from: q.from, to: q.to, unitIds: actor.rootsFor(DOSSIER_READ_ROLES) }),
    q.groupBy === 'unit'
      ? feedbackQd766ByUnit(ctx.db, {
          from: q.from,
          to: q.to,
          unitIds: [...groups.keys()],
          subtree: false,
          restated: q.restate,
        })
      : new Map<string, PaknQd766>(),
    surveyed
      ? surveySatisfaction(ctx.db, { from: q.from, to: q.to, unitIds: actor.rootsFor(DOSSIER_READ_ROLES) })
      : null,
    surveyed && q.groupBy === 'unit'
      ? surveySatisfactionByUnit(ctx.db, {
          from: q.from,
          to: q.to,
          unitIds: [...groups.keys()],
          subtree: false,
          restated: q.restate,
        })
      : new Map<string, number | null>(),
  ]);
  return {
    from: q.from,
    to: q.to,
    stockDay,
    groupBy: q.groupBy,
    restated: q.restate,
    timingRules: {
      version: DEFAULT_TIMING_RULES.version,
      dueSoonWorkingDays: DEFAULT_TIMING_RULES.dueSoonWorkingDays,
      suspensionExtendsDue: DEFAULT_TIMING_RULES.suspensionExtendsDue,
    },
    total: figures(total, rules.qd766, paknTotal, surveyTotal),
    groups: [...groups.values()]
      .sort((a, b) => viCollator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1))
      .map(({ t, ...g }) => ({
        ...g,
        ...figures(t, rules.qd766, paknByUnit.get(g.key), surveyByUnit.get(g.key) ?? null),
      })),
  };
}
