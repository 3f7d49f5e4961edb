/**
 * The province's multi-year reform programmes (./README.md): programmes of a steering committee, their targets,
 * each year's value and judgement (./progress-rules.ts), the committee's yearly plans under them, evidence, and the
 * review report opened through the reports module. Every write is version-checked and journalled in the same
 * transaction; every read and write checks the programme's committee host unit (./programmes.policy.ts).
 */
import { Readable } from 'node:stream';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import {
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import { abilities, allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { listCommittees } from '../committees/committees.service.js';
import {
  FIGURE_CATALOGUE,
  FIGURE_KEYS,
  provinceFigures,
  type FigureKey,
  type FigureValue,
} from '../dashboard/figures.service.js';
import { documentRefs, type DocumentRef } from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import { getFiles, storeUpload, type StoredFile } from '../files/files.service.js';
import { listPlans, planKpis } from '../plans/plans.service.js';
import { REFORM_AREA_LABELS } from '../tasks/index.js';
import { unitFacts } from '../units/units.service.js';
import { PROGRAMME_EDITORS, programmePolicy } from './programmes.policy.js';
import type {
  ProgrammeIn,
  ProgrammeItemOut,
  ProgrammeListOut,
  ProgrammeOut,
  ProgrammeUpdateIn,
  TargetIn,
  TargetOut,
  TargetUpdateIn,
  TargetYearOut,
  ValueIn,
} from './programmes.schemas.js';
import {
  reformProgrammeReviews,
  reformProgrammes,
  reformTargets,
  reformTargetValues,
  type Milestone,
  type ReviewKind,
} from './programmes.table.js';
import {
  headlineOf,
  judgeTarget,
  milestoneProblems,
  summarise,
  type Headline,
  type Summary,
  type YearJudgement,
} from './progress-rules.js';

export type ProgrammeRow = typeof reformProgrammes.$inferSelect;
export type TargetRow = typeof reformTargets.$inferSelect;
export type ValueRow = typeof reformTargetValues.$inferSelect;

/** The longest programme (Resolution 76/NQ-CP runs ten years; a province's strategy may run longer). */
export const MAX_PROGRAMME_YEARS = 15;

export const currentYear = () => Number(todayInVietnam().slice(0, 4));

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

// ---------------------------------------------------------------------------------------------------
// Committees and access

type CommitteeInfo = { id: string; name: string; hostUnitId: string; standingUnitId: string | null };
type Scope = { committees: Map<string, CommitteeInfo>; paths: Map<string, readonly string[]> };

/** Every committee with its host unit's chain (a province has a handful). */
async function loadScope(ctx: RequestContext): Promise<Scope> {
  const { items } = await listCommittees(ctx, {});
  const committees = new Map(
    items.map((c) => [
      c.id,
      { id: c.id, name: c.name, hostUnitId: c.hostUnitId, standingUnitId: c.standingUnitId },
    ]),
  );
  const facts = await unitFacts(
    ctx.db,
    items.map((c) => c.hostUnitId),
  );
  const paths = new Map<string, readonly string[]>(
    items.map((c) => [c.id, facts.get(c.hostUnitId)?.path ?? [c.hostUnitId]]),
  );
  return { committees, paths };
}

const subjectOf = (scope: Scope, committeeId: string) => ({ hostPath: scope.paths.get(committeeId) ?? [] });

async function programmeRow(ctx: RequestContext, id: string): Promise<ProgrammeRow> {
  const [row] = await ctx.db.select().from(reformProgrammes).where(eq(reformProgrammes.id, id));
  if (!row) throw notFound('reform_programme');
  return row;
}

/** A programme the caller may read (404 when absent, 403 when outside their grants), with the scope read. */
async function readable(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await programmeRow(ctx, id);
  const scope = await loadScope(ctx);
  if (!allow(programmePolicy, actor, 'read', subjectOf(scope, row.committeeId))) throw forbidden();
  return { row, scope };
}

/** A programme the caller may edit (the standing agency over its committee's host unit). */
async function editable(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await programmeRow(ctx, id);
  const scope = await loadScope(ctx);
  if (!allow(programmePolicy, actor, 'update', subjectOf(scope, row.committeeId))) throw forbidden();
  return { row, scope };
}

// ---------------------------------------------------------------------------------------------------
// Figures: each year's value of the bound targets, read once per year and request

const isFigureKey = (key: string): key is FigureKey => (FIGURE_KEYS as readonly string[]).includes(key);

export const figureOptions = () =>
  FIGURE_KEYS.map((key) => {
    const d = FIGURE_CATALOGUE[key];
    return { key, label: d.label, unit: d.unit, better: d.better };
  });

/** A cache of province figures by year (the figures of one year read together). */
export type FigureCache = Map<number, Map<FigureKey, FigureValue>>;

/** The bound figures of the years asked (none after this year; this year's up to today). */
async function figuresFor(
  ctx: RequestContext,
  cache: FigureCache,
  years: readonly number[],
  keys: readonly FigureKey[],
): Promise<void> {
  if (!keys.length) return;
  const now = currentYear();
  for (const year of years) {
    if (year > now) continue;
    const have = cache.get(year) ?? new Map<FigureKey, FigureValue>();
    const missing = [...new Set(keys)].filter((k) => !have.has(k));
    if (!missing.length) continue;
    let found: FigureValue[];
    try {
      found = await provinceFigures(ctx, { from: `${year}-01-01`, to: `${year}-12-31` }, missing);
    } catch {
      // A figure the caller may not read for that year stays without data (never 0).
      found = missing.map((key) => ({
        key,
        value: null,
        numerator: null,
        denominator: null,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        link: null,
      }));
    }
    // A yearly figure published later answers with the latest year it has: it is not this year's value.
    for (const f of found)
      have.set(
        f.key,
        f.to.slice(0, 4) === String(year) ? f : { ...f, value: null, numerator: null, denominator: null },
      );
    cache.set(year, have);
  }
}

/** The value a bound target computes for a year (null when chidao has no data for it). */
export async function computedValue(
  ctx: RequestContext,
  key: FigureKey,
  year: number,
  cache: FigureCache = new Map(),
): Promise<FigureValue | null> {
  await figuresFor(ctx, cache, [year], [key]);
  return cache.get(year)?.get(key) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Reading a programme

type Evaluated = { targets: TargetOut[]; summary: Summary };

const yearsOf = (p: { fromYear: number; toYear: number }) =>
  Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);

async function evaluate(
  ctx: RequestContext,
  programme: ProgrammeRow,
  targets: readonly TargetRow[],
  values: readonly ValueRow[],
  cache: FigureCache,
): Promise<Evaluated> {
  const now = currentYear();
  const keys = targets.flatMap((t) => (t.figureKey && isFigureKey(t.figureKey) ? [t.figureKey] : []));
  await figuresFor(ctx, cache, yearsOf(programme), keys);
  const files = new Map(
    (
      await getFiles(
        ctx,
        values.flatMap((v) => (v.evidenceFileId ? [v.evidenceFileId] : [])),
      )
    ).map((f) => [f.id, f]),
  );
  const docs = await documentRefs(
    ctx,
    values.flatMap((v) => (v.evidenceDocumentId ? [v.evidenceDocumentId] : [])),
  );
  const tolerance = { kind: programme.toleranceKind, value: programme.toleranceValue };
  const out: TargetOut[] = targets.map((t) => {
    const manual = new Map(values.filter((v) => v.reformTargetId === t.id).map((v) => [v.year, v]));
    const bound = t.figureKey && isFigureKey(t.figureKey) ? t.figureKey : null;
    const chosen = new Map<number, number>();
    const sources = new Map<number, 'computed' | 'manual'>();
    for (const year of yearsOf(programme)) {
      const c = bound ? cache.get(year)?.get(bound) : undefined;
      if (c && c.value !== null) {
        chosen.set(year, c.value);
        sources.set(year, 'computed');
      } else if (manual.has(year)) {
        chosen.set(year, manual.get(year)!.value);
        sources.set(year, 'manual');
      }
    }
    const years = judgeTarget(
      { comparison: t.comparison, milestones: t.milestones, finalValue: t.finalValue },
      { fromYear: programme.fromYear, toYear: programme.toYear, currentYear: now, values: chosen, tolerance },
    );
    return {
      id: t.id,
      name: t.name,
      area: t.area as TargetOut['area'],
      measure: t.measure,
      comparison: t.comparison,
      baselineYear: t.baselineYear,
      baselineValue: t.baselineValue,
      milestones: [...t.milestones].sort((a, b) => a.year - b.year),
      finalValue: t.finalValue,
      figureKey: t.figureKey,
      figure: bound ? { label: FIGURE_CATALOGUE[bound].label } : null,
      sortOrder: t.sortOrder,
      note: t.note,
      headline: headlineOf(years),
      years: years.map((y): TargetYearOut => {
        const c = bound ? cache.get(y.year)?.get(bound) : undefined;
        const m = manual.get(y.year);
        return {
          ...y,
          source: sources.get(y.year) ?? null,
          computed: c
            ? {
                value: c.value,
                numerator: c.numerator,
                denominator: c.denominator,
                from: c.from,
                to: c.to,
                link: c.link,
              }
            : null,
          manual: m ? presentValue(m, files, docs) : null,
        };
      }),
      version: t.version,
    };
  });
  return { targets: out, summary: summarise(out.map((t) => t.headline.status as Headline)) };
}

function presentValue(v: ValueRow, files: Map<string, StoredFile>, docs: Map<string, DocumentRef>) {
  const f = v.evidenceFileId ? files.get(v.evidenceFileId) : undefined;
  return {
    id: v.id,
    year: v.year,
    value: v.value,
    measuredOn: v.measuredOn,
    note: v.note,
    evidenceFile: f
      ? { id: f.id, name: f.originalName, mediaType: f.mediaType, size: f.size, sha256: f.sha256 }
      : null,
    evidenceDocument: v.evidenceDocumentId ? (docs.get(v.evidenceDocumentId) ?? null) : null,
    version: v.version,
    updatedAt: v.updatedAt.toISOString(),
  };
}

async function targetsAndValues(ctx: RequestContext, programmeIds: readonly string[]) {
  if (!programmeIds.length) return { targets: [] as TargetRow[], values: [] as ValueRow[] };
  const targets = await ctx.db
    .select()
    .from(reformTargets)
    .where(inArray(reformTargets.reformProgrammeId, [...programmeIds]))
    .orderBy(asc(reformTargets.sortOrder), asc(reformTargets.createdAt));
  const values = targets.length
    ? await ctx.db
        .select()
        .from(reformTargetValues)
        .where(
          inArray(
            reformTargetValues.reformTargetId,
            targets.map((t) => t.id),
          ),
        )
    : [];
  return { targets, values };
}

function itemOf(
  row: ProgrammeRow,
  scope: Scope,
  docs: Map<string, DocumentRef>,
  summary: Summary,
): ProgrammeItemOut {
  const now = currentYear();
  const c = scope.committees.get(row.committeeId);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    fromYear: row.fromYear,
    toYear: row.toYear,
    current: row.fromYear <= now && now <= row.toYear,
    committee: { id: row.committeeId, name: c?.name ?? '' },
    document: row.documentId ? (docs.get(row.documentId) ?? null) : null,
    summary,
    version: row.version,
  };
}

/** The programmes the caller may read, current first then newest, each with its targets' summary. */
export async function listProgrammes(ctx: RequestContext): Promise<ProgrammeListOut> {
  const actor = requireActor(ctx);
  const scope = await loadScope(ctx);
  const rows = (await ctx.db.select().from(reformProgrammes)).filter((r) =>
    allow(programmePolicy, actor, 'read', subjectOf(scope, r.committeeId)),
  );
  const { targets, values } = await targetsAndValues(
    ctx,
    rows.map((r) => r.id),
  );
  const docs = await documentRefs(
    ctx,
    rows.flatMap((r) => (r.documentId ? [r.documentId] : [])),
  );
  const cache: FigureCache = new Map();
  const items: ProgrammeItemOut[] = [];
  for (const r of rows) {
    const mine = targets.filter((t) => t.reformProgrammeId === r.id);
    const ids = new Set(mine.map((t) => t.id));
    const { summary } = await evaluate(
      ctx,
      r,
      mine,
      values.filter((v) => ids.has(v.reformTargetId)),
      cache,
    );
    items.push(itemOf(r, scope, docs, summary));
  }
  items.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      b.fromYear - a.fromYear ||
      a.title.localeCompare(b.title, 'vi'),
  );
  const committees = [...scope.committees.values()]
    .filter((c) => actor.hasRoleOver(PROGRAMME_EDITORS, scope.paths.get(c.id) ?? []))
    .map((c) => ({ id: c.id, name: c.name }));
  return {
    items,
    committees,
    figures: figureOptions(),
    currentYear: currentYear(),
    abilities: { create: committees.length > 0 },
  };
}

/** The committee's yearly plans in the programme's period, each with its completion as of its year's end or today. */
async function plansUnder(ctx: RequestContext, programme: ProgrammeRow, hostUnitId: string) {
  const today = todayInVietnam();
  const plans = (await listPlans(ctx, undefined, 'committee'))
    .filter((p) => p.ownerUnitId === hostUnitId && p.year >= programme.fromYear && p.year <= programme.toYear)
    .sort((a, b) => a.year - b.year);
  const out = [];
  for (const p of plans) {
    // As the plan stands today (tasks finished late count); a bound `plan.completion` target reads its year's end.
    const k = await planKpis(ctx, p.id, today);
    out.push({
      id: p.id,
      year: p.year,
      title: p.title,
      total: k.overall.completionPct.denominator,
      verified: k.overall.verified.value,
      overdue: k.overall.overdue.value,
      completionPct: k.overall.completionPct.value,
    });
  }
  return out;
}

/** One programme for its page. */
export async function getProgramme(ctx: RequestContext, id: string): Promise<ProgrammeOut> {
  const { row, scope } = await readable(ctx, id);
  return presentProgramme(ctx, row, scope);
}

async function presentProgramme(ctx: RequestContext, row: ProgrammeRow, scope: Scope): Promise<ProgrammeOut> {
  const { targets, values } = await targetsAndValues(ctx, [row.id]);
  const docs = await documentRefs(ctx, row.documentId ? [row.documentId] : []);
  const { targets: evaluated, summary } = await evaluate(ctx, row, targets, values, new Map());
  const c = scope.committees.get(row.committeeId);
  const reviews = await ctx.db
    .select()
    .from(reformProgrammeReviews)
    .where(eq(reformProgrammeReviews.reformProgrammeId, row.id))
    .orderBy(asc(reformProgrammeReviews.createdAt));
  return {
    ...itemOf(row, scope, docs, summary),
    goals: row.goals,
    note: row.note,
    toleranceKind: row.toleranceKind,
    toleranceValue: row.toleranceValue,
    currentYear: currentYear(),
    targets: evaluated,
    plans: c ? await plansUnder(ctx, row, c.hostUnitId) : [],
    reviews: reviews.map((r) => ({
      id: r.id,
      kind: r.kind,
      year: r.year,
      roundId: r.roundId,
      createdAt: r.createdAt.toISOString(),
    })),
    figures: figureOptions(),
    abilities: abilities(programmePolicy, ctx.actor, subjectOf(scope, row.committeeId)),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing a programme

function checkPeriod(fromYear: number, toYear: number) {
  if (fromYear > toYear) throw validation('toYear', 'programmes.years_order');
  if (toYear - fromYear + 1 > MAX_PROGRAMME_YEARS)
    throw validation('toYear', 'programmes.years_span', { max: MAX_PROGRAMME_YEARS });
}

async function checkDocument(ctx: RequestContext, field: string, id: string | null | undefined) {
  if (id && !(await documentRefs(ctx, [id])).has(id))
    throw validation(field, 'programmes.document_not_found');
}

/** Creates a programme (the standing agency over the committee's host unit). */
export async function createProgramme(ctx: RequestContext, input: ProgrammeIn): Promise<ProgrammeOut> {
  const actor = requireActor(ctx);
  const scope = await loadScope(ctx);
  if (!scope.committees.has(input.committeeId))
    throw validation('committeeId', 'programmes.committee_unknown');
  if (!allow(programmePolicy, actor, 'update', subjectOf(scope, input.committeeId))) throw forbidden();
  checkPeriod(input.fromYear, input.toYear);
  await checkDocument(ctx, 'documentId', input.documentId);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reformProgrammes)
      .values({ ...input, documentId: input.documentId ?? null, createdBy: actor.user.id })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'reform_programme', entityId: created!.id, after: created },
    );
    return created!;
  });
  return presentProgramme(ctx, row, scope);
}

/** Edits a programme (version-checked; a period that would leave a target's milestone out is refused). */
export async function updateProgramme(
  ctx: RequestContext,
  id: string,
  input: ProgrammeUpdateIn,
): Promise<ProgrammeOut> {
  const { row, scope } = await editable(ctx, id);
  const { version, ...changes } = input;
  const fromYear = changes.fromYear ?? row.fromYear;
  const toYear = changes.toYear ?? row.toYear;
  checkPeriod(fromYear, toYear);
  if (changes.documentId !== undefined) await checkDocument(ctx, 'documentId', changes.documentId);
  if (fromYear !== row.fromYear || toYear !== row.toYear) {
    const { targets } = await targetsAndValues(ctx, [id]);
    for (const t of targets) {
      const outside = t.milestones.find((m) => m.year < fromYear || m.year > toYear);
      if (outside)
        throw validation(
          changes.fromYear !== undefined ? 'fromYear' : 'toYear',
          'programmes.period_excludes_targets',
          {
            year: outside.year,
            target: t.name,
          },
        );
    }
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(reformProgrammes)
      .set({ ...changes, version: sql`${reformProgrammes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reformProgrammes.id, id), eq(reformProgrammes.version, version)))
      .returning();
    if (!after) throw staleVersion('reform_programme', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'reform_programme', entityId: id, before: row, after },
    );
    return after;
  });
  return presentProgramme(ctx, updated, scope);
}

// ---------------------------------------------------------------------------------------------------
// Targets

function checkTarget(
  programme: ProgrammeRow,
  t: { milestones: readonly Milestone[]; baselineYear: number | null; figureKey: string | null },
) {
  const problems = milestoneProblems(programme, t);
  const first = problems[0];
  if (first) {
    const at = t.milestones.findIndex((m) => m.year === first.year);
    throw validation(
      first.key === 'programmes.baseline_after_start' ? 'baselineYear' : `milestones.${Math.max(at, 0)}.year`,
      first.key,
      { year: first.year, from: programme.fromYear, to: programme.toYear },
    );
  }
  if (t.figureKey !== null && !isFigureKey(t.figureKey))
    throw validation('figureKey', 'programmes.figure_unknown');
}

async function targetRow(ctx: RequestContext, programmeId: string, targetId: string): Promise<TargetRow> {
  const [row] = await ctx.db
    .select()
    .from(reformTargets)
    .where(and(eq(reformTargets.id, targetId), eq(reformTargets.reformProgrammeId, programmeId)));
  if (!row) throw notFound('reform_target');
  return row;
}

/** Adds a target to a programme (the standing agency). */
export async function addTarget(
  ctx: RequestContext,
  programmeId: string,
  input: TargetIn,
): Promise<TargetOut> {
  const { row } = await editable(ctx, programmeId);
  const target = {
    ...input,
    baselineYear: input.baselineYear ?? null,
    baselineValue: input.baselineValue ?? null,
    figureKey: input.figureKey || null,
  };
  checkTarget(row, target);
  const created = await ctx.db.transaction(async (tx) => {
    const [max] = await tx
      .select({ n: sql<number>`coalesce(max(${reformTargets.sortOrder}), -1)::int` })
      .from(reformTargets)
      .where(eq(reformTargets.reformProgrammeId, programmeId));
    const [inserted] = await tx
      .insert(reformTargets)
      .values({
        ...target,
        reformProgrammeId: programmeId,
        sortOrder: input.sortOrder ?? Number(max?.n ?? -1) + 1,
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'reform_target', entityId: inserted!.id, after: inserted },
    );
    return inserted!;
  });
  return targetOf(ctx, row, created.id);
}

async function targetOf(ctx: RequestContext, programme: ProgrammeRow, targetId: string): Promise<TargetOut> {
  const { targets, values } = await targetsAndValues(ctx, [programme.id]);
  const t = targets.find((x) => x.id === targetId)!;
  const { targets: out } = await evaluate(
    ctx,
    programme,
    [t],
    values.filter((v) => v.reformTargetId === targetId),
    new Map(),
  );
  return out[0]!;
}

/** Edits a target (version-checked). */
export async function updateTarget(
  ctx: RequestContext,
  programmeId: string,
  targetId: string,
  input: TargetUpdateIn,
): Promise<TargetOut> {
  const { row } = await editable(ctx, programmeId);
  const before = await targetRow(ctx, programmeId, targetId);
  const { version, ...changes } = input;
  const next = {
    milestones: changes.milestones ?? before.milestones,
    baselineYear: changes.baselineYear !== undefined ? changes.baselineYear : before.baselineYear,
    figureKey: changes.figureKey !== undefined ? changes.figureKey || null : before.figureKey,
  };
  checkTarget(row, next);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(reformTargets)
      .set({
        ...changes,
        figureKey: next.figureKey,
        version: sql`${reformTargets.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(reformTargets.id, targetId), eq(reformTargets.version, version)))
      .returning();
    if (!after) throw staleVersion('reform_target', before.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'reform_target', entityId: targetId, before, after },
    );
  });
  return targetOf(ctx, row, targetId);
}

// ---------------------------------------------------------------------------------------------------
// Values entered by hand, with evidence

/** Stores an evidence file for a target (its type checked from its content by the files module). */
export async function uploadEvidence(
  ctx: RequestContext,
  store: FileStore,
  programmeId: string,
  targetId: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
): Promise<StoredFile> {
  await editable(ctx, programmeId);
  await targetRow(ctx, programmeId, targetId);
  return storeUpload(ctx, store, upload.content, upload.filename, maxBytes);
}

/** Seeding: an evidence file made by the demo (content known), stored and checked like an upload. */
export async function storeEvidenceBuffer(
  ctx: RequestContext,
  store: FileStore,
  content: Buffer,
  filename: string,
): Promise<StoredFile> {
  return storeUpload(ctx, store, Readable.from(content), filename, Math.max(content.length, 1));
}

/**
 * Records (no version) or corrects (the version read) a target's value of a year, with evidence. Refused: a year
 * outside the period or after this one; a year a bound target computes from chidao's data; no evidence; a file
 * not uploaded by the caller (nor already cited by this target); a document the caller may not read.
 */
export async function recordValue(
  ctx: RequestContext,
  programmeId: string,
  targetId: string,
  input: ValueIn,
): Promise<TargetOut> {
  const { row } = await editable(ctx, programmeId);
  const target = await targetRow(ctx, programmeId, targetId);
  const params = { year: input.year, from: row.fromYear, to: row.toYear };
  if (input.year < row.fromYear || input.year > row.toYear)
    throw validation('year', 'programmes.year_outside', params);
  if (input.year > currentYear()) throw validation('year', 'programmes.year_future', { year: input.year });
  if (
    input.measuredOn &&
    (input.measuredOn.slice(0, 4) !== String(input.year) || input.measuredOn > todayInVietnam())
  )
    throw validation('measuredOn', 'programmes.measured_on_year', { year: input.year });
  if (target.figureKey && isFigureKey(target.figureKey)) {
    const computed = await computedValue(ctx, target.figureKey, input.year);
    if (computed && computed.value !== null)
      throw validation('value', 'programmes.value_computed', {
        year: input.year,
        value: Math.round(computed.value * 10) / 10,
      });
  }
  const [existing] = await ctx.db
    .select()
    .from(reformTargetValues)
    .where(and(eq(reformTargetValues.reformTargetId, targetId), eq(reformTargetValues.year, input.year)));
  const fileId = input.evidenceFileId ?? null;
  const documentId = input.evidenceDocumentId ?? null;
  if (!fileId && !documentId) throw validation('evidenceFileId', 'programmes.evidence_required');
  if (fileId) {
    const [file] = await getFiles(ctx, [fileId]);
    const citedHere = existing?.evidenceFileId === fileId;
    if (!file || (!citedHere && file.createdBy !== ctx.actor!.user.id))
      throw validation('evidenceFileId', 'programmes.evidence_file_unknown');
  }
  await checkDocument(ctx, 'evidenceDocumentId', documentId);
  const values = {
    value: input.value,
    measuredOn: input.measuredOn ?? null,
    note: input.note,
    evidenceFileId: fileId,
    evidenceDocumentId: documentId,
  };
  await ctx.db.transaction(async (tx) => {
    if (!existing) {
      const [created] = await tx
        .insert(reformTargetValues)
        .values({ ...values, reformTargetId: targetId, year: input.year, createdBy: ctx.actor!.user.id })
        .onConflictDoNothing()
        .returning();
      if (!created) throw conflict('error.conflict');
      await recordChange(
        { ...ctx, db: tx },
        { action: 'create', entity: 'reform_target_value', entityId: created.id, after: created },
      );
      return;
    }
    if (input.version === undefined) throw staleVersion('reform_target_value', existing.version);
    const [after] = await tx
      .update(reformTargetValues)
      .set({ ...values, version: sql`${reformTargetValues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reformTargetValues.id, existing.id), eq(reformTargetValues.version, input.version)))
      .returning();
    if (!after) throw staleVersion('reform_target_value', existing.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'reform_target_value', entityId: existing.id, before: existing, after },
    );
  });
  return targetOf(ctx, row, targetId);
}

/** An evidence file cited by one of the target's values, for whoever reads the programme. */
export async function evidenceForDownload(
  ctx: RequestContext,
  programmeId: string,
  targetId: string,
  fileId: string,
): Promise<StoredFile> {
  await readable(ctx, programmeId);
  await targetRow(ctx, programmeId, targetId);
  const [cited] = await ctx.db
    .select({ id: reformTargetValues.id })
    .from(reformTargetValues)
    .where(
      and(eq(reformTargetValues.reformTargetId, targetId), eq(reformTargetValues.evidenceFileId, fileId)),
    );
  if (!cited) throw notFound('file');
  const [file] = await getFiles(ctx, [fileId]);
  if (!file) throw notFound('file');
  return file;
}

// ---------------------------------------------------------------------------------------------------
// The review report (through the reports module)

const REVIEW_LABELS: Record<ReviewKind, { vi: string; en: string }> = {
  midterm: { vi: 'sơ kết', en: 'mid-term' },
  final: { vi: 'tổng kết', en: 'final' },
};

const MEASURE_SUFFIX: Record<string, string> = {
  percent: '%',
  points: ' điểm',
  count: '',
  rank: '',
  days: ' ngày',
};
const viNumber = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const SOURCE_LABELS = { computed: 'Tính từ dữ liệu hệ thống', manual: 'Nhập tay, kèm minh chứng' } as const;
const STATUS_VI: Record<YearJudgement['status'], string> = {
  achieved: 'Đạt',
  missed: 'Không đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  no_milestone: 'Không đặt mốc',
  upcoming: 'Chưa đến kỳ',
};

/**
 * The review's tables as the reports form's rows (Vietnamese: the report is written in it): each target by year up
 * to the review year (baseline, milestone, achieved, source, status) and the yearly plans' completion.
 */
export function reviewTables(p: ProgrammeOut, upToYear: number) {
  const targets = p.targets.flatMap((t) =>
    t.years
      .filter((y) => y.year <= upToYear)
      .map((y) => ({
        cells: {
          target: t.name,
          area: REFORM_AREA_LABELS[t.area].vi,
          year: y.year,
          baseline:
            t.baselineValue === null
              ? null
              : `${viNumber(t.baselineValue)}${MEASURE_SUFFIX[t.measure] ?? ''}${t.baselineYear ? ` (năm ${t.baselineYear})` : ''}`,
          milestone: y.milestone,
          achieved: y.value === null ? null : Math.round(y.value * 100) / 100,
          source: y.source ? SOURCE_LABELS[y.source] : null,
          status: STATUS_VI[y.status],
          remarks: null,
        },
      })),
  );
  const plans = p.plans
    .filter((x) => x.year <= upToYear)
    .map((x) => ({
      cells: {
        year: x.year,
        plan: x.title,
        tasks_total: x.total,
        tasks_done: x.verified,
        completion: x.completionPct === null ? null : Math.round(x.completionPct * 100) / 100,
      },
    }));
  return { targets, plans };
}

export { REVIEW_LABELS };
