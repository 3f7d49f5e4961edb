/**
 * The province's standing in the national indices (./README.md): which province, its results by index, year and
 * dimension read with their change, weakness and targets (the overview), entering a result and setting a target
 * (version-checked, journalled: the write both share is ./upsert-row.ts). The workbook's import and export:
 * ./exchange.service.ts; improvements: ./improvements.service.ts.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden, notFound, staleVersion, unauthenticated, validation } from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import { allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { provincesInForce } from '../units/departments.service.js';
import { getUnits, unitFacts } from '../units/units.service.js';
import {
  changeFrom,
  dimensionFor,
  dimensionRows,
  INDEX_CODES,
  INDEX_SPECS,
  METHODOLOGIES,
  STANDING_RULE_VERSIONS,
  standingRulesFor,
  targetStatus,
  weakReasons,
  type Figure,
  type IndexCode,
} from './rules/index.js';
import { STANDINGS_ROLES, standingsPolicy } from './standings.policy.js';
import type {
  CellOut,
  IndexOut,
  OverviewOut,
  ResultIn,
  ResultOut,
  TargetIn,
  TargetOut,
} from './standings.schemas.js';
import { standingImprovements, standingResults, standingTargets } from './standings.table.js';
import { RESULT_ROWS, TARGET_ROWS, upsertVersionedRow } from './upsert-row.js';

export type ResultRow = typeof standingResults.$inferSelect;
export type TargetRow = typeof standingTargets.$inferSelect;
export type Province = { id: string; name: string; path: string[] };

export const thisYear = () => Number(todayInVietnam().slice(0, 4));

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

// ---------------------------------------------------------------------------------------------------
// Which province

/**
 * The province the request is about: the one named (it must be a province), else the province the caller's grants
 * of the section's roles lie in (exactly one), else the registry's only province in force.
 */
export async function provinceFor(ctx: RequestContext, provinceId?: string): Promise<Province> {
  const actor = requireActor(ctx);
  let id = provinceId;
  if (id) {
    const [unit] = await getUnits(ctx.db, [id]);
    if (!unit || unit.kind !== 'province') throw validation('provinceId', 'standings.not_a_province');
  } else {
    const roots = actor.rootsFor(STANDINGS_ROLES);
    const paths = await unitFacts(ctx.db, roots);
    const onPaths = [...new Set([...paths.values()].flatMap((f) => f.path))];
    const provinces = (await getUnits(ctx.db, onPaths)).filter((u) => u.kind === 'province');
    if (provinces.length === 1) id = provinces[0]!.id;
    else if (provinces.length > 1) throw validation('provinceId', 'standings.no_province');
    else {
      const inForce = await provincesInForce(ctx.db, todayInVietnam());
      if (inForce.length !== 1) throw validation('provinceId', 'standings.no_province');
      id = inForce[0]!.id;
    }
  }
  const facts = (await unitFacts(ctx.db, [id])).get(id);
  return { id, name: facts?.fullName ?? '', path: facts?.path ?? [id] };
}

/** The province, when the caller may read its standing (403 otherwise). */
export async function readableProvince(ctx: RequestContext, provinceId?: string): Promise<Province> {
  const province = await provinceFor(ctx, provinceId);
  if (!allow(standingsPolicy, ctx.actor, 'read', { provincePath: province.path })) throw forbidden();
  return province;
}

/** The province, when the caller is its standing agency (403 otherwise). */
export async function editableProvince(ctx: RequestContext, provinceId?: string): Promise<Province> {
  const province = await provinceFor(ctx, provinceId);
  if (!allow(standingsPolicy, ctx.actor, 'edit', { provincePath: province.path })) throw forbidden();
  return province;
}

// ---------------------------------------------------------------------------------------------------
// Presenting

export const figureOf = (r: ResultRow): Figure => ({
  value: r.value,
  rank: r.rank,
  rankOf: r.rankOf,
  nationalAverage: r.nationalAverage,
});

const keyOf = (r: { indexCode: string; year: number; dimensionCode: string }) =>
  `${r.indexCode}|${r.year}|${r.dimensionCode}`;

/** The scale of a stored result: its own, else its dimension's. */
export const scaleOf = (r: ResultRow) =>
  r.maxValue ?? dimensionFor(r.indexCode, r.year, r.dimensionCode)?.scaleMax ?? 100;

type DocRefs = Awaited<ReturnType<typeof documentRefs>>;

export function presentResult(r: ResultRow, docs: DocRefs): ResultOut {
  return {
    id: r.id,
    indexCode: r.indexCode,
    year: r.year,
    dimensionCode: r.dimensionCode,
    value: r.value,
    maxValue: scaleOf(r),
    rank: r.rank,
    rankOf: r.rankOf,
    nationalAverage: r.nationalAverage,
    source: r.source,
    note: r.note,
    sourceDocument: r.sourceDocumentId ? (docs.get(r.sourceDocumentId) ?? null) : null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentTarget(t: TargetRow, docs: DocRefs): TargetOut {
  return {
    id: t.id,
    indexCode: t.indexCode,
    year: t.year,
    dimensionCode: t.dimensionCode,
    targetValue: t.targetValue,
    targetRank: t.targetRank,
    source: t.source,
    sourceDocument: t.sourceDocumentId ? (docs.get(t.sourceDocumentId) ?? null) : null,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Every result of a province (a few hundred rows at most: three indices, ten dimensions, the years). */
export const provinceResults = (ctx: RequestContext, provinceId: string) =>
  ctx.db
    .select()
    .from(standingResults)
    .where(eq(standingResults.provinceId, provinceId))
    .orderBy(asc(standingResults.indexCode), asc(standingResults.year), asc(standingResults.dimensionCode));

/** Results by key, and the latest result of a dimension before a year (a target's baseline). */
export function resultIndex(results: readonly ResultRow[]) {
  const byKey = new Map(results.map((r) => [keyOf(r), r]));
  return {
    get: (indexCode: string, year: number, code: string) =>
      byKey.get(keyOf({ indexCode, year, dimensionCode: code })),
    latestBefore: (indexCode: string, year: number, code: string) =>
      results
        .filter((r) => r.indexCode === indexCode && r.dimensionCode === code && r.year < year)
        .reduce<ResultRow | undefined>((best, r) => (!best || r.year > best.year ? r : best), undefined),
  };
}

/** A result's change from the year before and why it is weak, by the rules of its year. */
export function readResult(r: ResultRow, previous: ResultRow | undefined) {
  const prev = previous ? figureOf(previous) : null;
  return {
    change: changeFrom(figureOf(r), prev),
    weak: weakReasons(figureOf(r), prev, scaleOf(r), standingRulesFor(r.year).rules),
  };
}

// ---------------------------------------------------------------------------------------------------
// The overview

function yearsOf(query: { fromYear?: number | undefined; toYear?: number | undefined }) {
  const toYear = query.toYear ?? Math.max(query.fromYear ?? 0, thisYear());
  const fromYear = query.fromYear ?? toYear - 4;
  if (fromYear > toYear) throw validation('fromYear', 'standings.years_order');
  if (toYear - fromYear > 30) throw validation('fromYear', 'standings.years_span', { max: 30 });
  return { fromYear, toYear };
}

/**
 * Each index over the years asked (by default the last five): the overall and every dimension, each year with its
 * result, change from last year, target and status, weakness, and the improvements already given.
 */
export async function standingsOverview(
  ctx: RequestContext,
  query: { fromYear?: number | undefined; toYear?: number | undefined; provinceId?: string | undefined },
): Promise<OverviewOut> {
  const province = await readableProvince(ctx, query.provinceId);
  const { fromYear, toYear } = yearsOf(query);
  const results = await provinceResults(ctx, province.id);
  const targets = await ctx.db
    .select()
    .from(standingTargets)
    .where(
      and(
        eq(standingTargets.provinceId, province.id),
        sql`${standingTargets.year} BETWEEN ${fromYear} AND ${toYear}`,
      ),
    );
  const improvements = await ctx.db
    .select({
      id: standingImprovements.id,
      indexCode: standingImprovements.indexCode,
      year: standingImprovements.year,
      dimensionCode: standingImprovements.dimensionCode,
    })
    .from(standingImprovements)
    .where(eq(standingImprovements.provinceId, province.id));
  const docs = await documentRefs(ctx, [
    ...results.flatMap((r) => (r.sourceDocumentId ? [r.sourceDocumentId] : [])),
    ...targets.flatMap((t) => (t.sourceDocumentId ? [t.sourceDocumentId] : [])),
  ]);
  const found = resultIndex(results);
  const targetByKey = new Map(targets.map((t) => [keyOf(t), t]));
  const improvementsByKey = new Map<string, string[]>();
  for (const i of improvements)
    improvementsByKey.set(keyOf(i), [...(improvementsByKey.get(keyOf(i)) ?? []), i.id]);
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);

  const indices: IndexOut[] = INDEX_CODES.map((index: IndexCode) => {
    const spec = INDEX_SPECS[index];
    const rows = dimensionRows(index, fromYear, toYear).map((d) => ({
      code: d.code,
      name: d.name,
      scaleMax: d.scaleMax,
      area: d.area,
      cells: years.map((year): CellOut => {
        const result = found.get(index, year, d.code);
        const read = result ? readResult(result, found.get(index, year - 1, d.code)) : null;
        const target = targetByKey.get(keyOf({ indexCode: index, year, dimensionCode: d.code }));
        const scale = result ? scaleOf(result) : (dimensionFor(index, year, d.code)?.scaleMax ?? d.scaleMax);
        const baseline = found.latestBefore(index, year, d.code);
        return {
          year,
          applies: dimensionFor(index, year, d.code) !== null,
          result: result ? presentResult(result, docs) : null,
          change: read?.change ?? null,
          target: target ? presentTarget(target, docs) : null,
          targetStatus: target
            ? targetStatus(
                target,
                result ? figureOf(result) : null,
                baseline ? figureOf(baseline) : null,
                scale,
                standingRulesFor(year).rules,
              )
            : null,
          weak: read?.weak ?? [],
          improvementIds:
            improvementsByKey.get(keyOf({ indexCode: index, year, dimensionCode: d.code })) ?? [],
        };
      }),
    }));
    const methodologies = METHODOLOGIES.filter(
      (m) => m.index === index && m.fromYear <= toYear && (m.toYear === null || m.toYear >= fromYear),
    ).map((m) => ({
      fromYear: m.fromYear,
      toYear: m.toYear,
      basis: m.basis,
      confirmed: m.confirmed,
      dimensionCount: m.dimensions.length,
    }));
    return {
      code: index,
      name: spec.name,
      shortName: spec.shortName,
      publisher: spec.publisher,
      methodologies,
      rows,
    };
  });
  return {
    province: { id: province.id, name: province.name },
    fromYear,
    toYear,
    years,
    indices,
    rules: STANDING_RULE_VERSIONS.map((v) => ({ fromYear: v.fromYear, basis: v.basis, rules: v.rules })),
    abilities: { edit: allow(standingsPolicy, ctx.actor, 'edit', { provincePath: province.path }) },
  };
}

// ---------------------------------------------------------------------------------------------------
// Entering a result

/** The dimension of an index year (400 naming the field otherwise), with the caller's words for the index. */
export function dimensionOrFail(
  ctx: RequestContext,
  indexCode: IndexCode,
  year: number,
  code: string,
  field = 'dimensionCode',
) {
  const d = dimensionFor(indexCode, year, code);
  if (!d)
    throw validation(field, 'standings.dimension_unknown', {
      index: INDEX_SPECS[indexCode].shortName[ctx.locale],
      year,
    });
  return d;
}

/** 400 unless the register document exists and the caller may read it. */
export async function checkDocument(ctx: RequestContext, id: string | null | undefined, field: string) {
  if (id && !(await documentRefs(ctx, [id])).has(id)) throw validation(field, 'standings.document_not_found');
}

/** A figure's own checks: within its scale, the rank not above the total. */
function checkFigure(input: {
  value: number;
  maxValue: number;
  rank?: number | null | undefined;
  rankOf?: number | null | undefined;
  nationalAverage?: number | null | undefined;
}) {
  if (input.value > input.maxValue)
    throw validation('value', 'standings.out_of_scale', { max: input.maxValue });
  if (input.nationalAverage != null && input.nationalAverage > input.maxValue)
    throw validation('nationalAverage', 'standings.out_of_scale', { max: input.maxValue });
  if (input.rank != null && input.rankOf != null && input.rank > input.rankOf)
    throw validation('rank', 'standings.rank_above_total', { total: input.rankOf });
}

/**
 * Enters or corrects one published result (the standing agency): created without a version; an existing one only
 * with the version read (409 otherwise). Re-sending the same figures changes nothing. Journalled.
 */
export async function upsertResult(
  ctx: RequestContext,
  input: ResultIn,
): Promise<{ created: boolean; result: ResultOut }> {
  const province = await editableProvince(ctx, input.provinceId);
  const dim = dimensionOrFail(ctx, input.indexCode, input.year, input.dimensionCode);
  if (input.year > thisYear()) throw validation('year', 'standings.year_future', { max: thisYear() });
  const maxValue = input.maxValue ?? dim.scaleMax;
  checkFigure({ ...input, maxValue });
  await checkDocument(ctx, input.sourceDocumentId, 'sourceDocumentId');
  const values = {
    value: input.value,
    maxValue,
    rank: input.rank ?? null,
    rankOf: input.rankOf ?? null,
    nationalAverage: input.nationalAverage ?? null,
    sourceDocumentId: input.sourceDocumentId ?? null,
    source: input.source ?? '',
    note: input.note ?? '',
  };
  const { created, row } = await upsertVersionedRow(ctx, RESULT_ROWS, province.id, input, values);
  const docs = await documentRefs(ctx, row.sourceDocumentId ? [row.sourceDocumentId] : []);
  return { created, result: presentResult(row, docs) };
}

/** Removes a result entered by mistake (the standing agency; version-checked, journalled). */
export async function deleteResult(ctx: RequestContext, id: string, version: number): Promise<void> {
  requireActor(ctx);
  const [row] = await ctx.db.select().from(standingResults).where(eq(standingResults.id, id));
  if (!row) throw notFound('standing_result');
  await editableProvince(ctx, row.provinceId);
  if (row.version !== version) throw staleVersion('standing_result', row.version);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(standingResults)
      .where(and(eq(standingResults.id, id), eq(standingResults.version, version)))
      .returning();
    if (!gone) throw staleVersion('standing_result', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'standing_result', entityId: id, before: row },
    );
  });
}

// ---------------------------------------------------------------------------------------------------
// Targets

export async function listTargets(
  ctx: RequestContext,
  query: { fromYear?: number | undefined; toYear?: number | undefined; provinceId?: string | undefined },
) {
  const province = await readableProvince(ctx, query.provinceId);
  const rows = await ctx.db
    .select()
    .from(standingTargets)
    .where(
      and(
        eq(standingTargets.provinceId, province.id),
        query.fromYear !== undefined ? sql`${standingTargets.year} >= ${query.fromYear}` : undefined,
        query.toYear !== undefined ? sql`${standingTargets.year} <= ${query.toYear}` : undefined,
      ),
    )
    .orderBy(asc(standingTargets.year), asc(standingTargets.indexCode), asc(standingTargets.dimensionCode));
  const docs = await documentRefs(
    ctx,
    rows.flatMap((t) => (t.sourceDocumentId ? [t.sourceDocumentId] : [])),
  );
  return {
    province: { id: province.id, name: province.name },
    items: rows.map((t) => presentTarget(t, docs)),
    abilities: { edit: allow(standingsPolicy, ctx.actor, 'edit', { provincePath: province.path }) },
  };
}

/**
 * Sets the province's target for an index, year and dimension (the standing agency): a value to reach, a rank,
 * or both; created without a version, changed with the version read. Journalled.
 */
export async function upsertTarget(
  ctx: RequestContext,
  input: TargetIn,
): Promise<{ created: boolean; target: TargetOut }> {
  const province = await editableProvince(ctx, input.provinceId);
  const dim = dimensionOrFail(ctx, input.indexCode, input.year, input.dimensionCode);
  const targetValue = input.targetValue ?? null;
  const targetRank = input.targetRank ?? null;
  if (targetValue === null && targetRank === null) throw validation('targetValue', 'standings.target_empty');
  if (targetValue !== null && targetValue > dim.scaleMax)
    throw validation('targetValue', 'standings.out_of_scale', { max: dim.scaleMax });
  await checkDocument(ctx, input.sourceDocumentId, 'sourceDocumentId');
  const values = {
    targetValue,
    targetRank,
    sourceDocumentId: input.sourceDocumentId ?? null,
    source: input.source ?? '',
  };
  const { created, row } = await upsertVersionedRow(ctx, TARGET_ROWS, province.id, input, values);
  const docs = await documentRefs(ctx, row.sourceDocumentId ? [row.sourceDocumentId] : []);
  return { created, target: presentTarget(row, docs) };
}

export async function deleteTarget(ctx: RequestContext, id: string, version: number): Promise<void> {
  requireActor(ctx);
  const [row] = await ctx.db.select().from(standingTargets).where(eq(standingTargets.id, id));
  if (!row) throw notFound('standing_target');
  await editableProvince(ctx, row.provinceId);
  if (row.version !== version) throw staleVersion('standing_target', row.version);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(standingTargets)
      .where(and(eq(standingTargets.id, id), eq(standingTargets.version, version)))
      .returning();
    if (!gone) throw staleVersion('standing_target', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'standing_target', entityId: id, before: row },
    );
  });
}
