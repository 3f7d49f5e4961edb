/**
 * The criteria computed from chidao's own records (issue 16, item 5): plan tasks done on time, the unit's own plan
 * issued, reports submitted on time, dossiers resolved on time and filed online (QĐ 766), feedback handled on time,
 * inspection recommendations remedied on time — each read from its module's exported figure for the campaign's
 * year and the unit as it was, with the units it carries by lineage, then turned into points by the item's formula
 * (./rules/computed.ts). Each computation keeps its counts, the records counted (`ids`, at most 500) and the page
 * where a person sees them (`link`), so every computed point can be checked by hand.
 *
 * Which module answers which source (modules talk through exported functions, never each other's tables):
 * - `plans.tasks_on_time`, `plans.own_plan_issued` → plans/par-figures.service (`planTasksOnTime`,
 *   `ownPlanIssued`);
 * - `reports.on_time` → reports/par-figures.service (`reportsOnTime`);
 * - `dossiers.on_time`, `dossiers.online` → dossiers/par-figures.service (`dossierParFigures`, one read for both);
 * - `hotline.on_time` → hotline/par-figures.service (`feedbackHandledOnTime`);
 * - `inspections.recommendations_on_time` → inspections/figures.service (`recommendationsRemediedOnTime`, one unit
 *   at a time: each unit of the set with the units below it, added up);
 * - items of method `survey` → surveys/par-figures.service (`surveyItemFigures`: the year's survey whose index
 *   config declares it scores the framework's unit group; stored like a computed value, read as the survey's).
 *
 * **Lineage** (`unitsCarriedIn`): a unit scored for a year also answers for the units it carries that existed
 * during that year — Sở Tài chính for Sở Kế hoạch và Đầu tư (merged into it on 1/3/2025), a commune formed on
 * 1/7/2025 for the communes merged into it — so their records of that year count in its figures. The registry's
 * one resolver decides who carries whom (`units/carriers.service` `carriedBy`, the access rule's too).
 *
 * No access check in `computeItems`/`refreshComputedScores`: their callers (the assessment and campaign use-cases
 * and routes) check theirs; the figure functions check none either (the caller's module checks its own).
 * `refreshComputedScores` reads every figure before it opens its transaction (PGlite is one connection: nothing but
 * the writes inside), one transaction per assessment, and journals each score it changes (`compute`).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { dossierParFigures } from '../dossiers/par-figures.service.js';
import { feedbackHandledOnTime } from '../hotline/par-figures.service.js';
import { recommendationsRemediedOnTime } from '../inspections/figures.service.js';
import { ownPlanIssued, planTasksOnTime } from '../plans/par-figures.service.js';
import { reportsOnTime } from '../reports/par-figures.service.js';
import { carriedBy } from '../units/carriers.service.js';
import { getUnits } from '../units/units.service.js';
import { parAssessments, parCampaigns, parFrameworks, parScores, type UnitGroup } from './parindex.table.js';
import { surveyItemFigures } from '../surveys/par-figures.service.js';
import { computeItem, computeSurveyItem, type Computation } from './rules/computed.js';
import { scoredItems } from './rules/framework.js';
import type { ComputeSource, FrameworkTree, ScoredItem } from './rules/framework-types.js';

/** For callers that show or test a computation (the surveys' criteria): its words, and the items' type. */
export { describeComputation } from './rules/computed.js';
export type { ScoredItem } from './rules/framework-types.js';

/** The records a computation lists (the counts are never capped). */
export const COMPUTED_MAX_IDS = 500;

/** A figure as the modules answer it. */
export type SourceFigure = { numerator: number; denominator: number; ids: string[]; link: string | null };

/** A computed item: how its points came about, the records counted and where a person sees them. */
export type ItemComputation = Computation & { link: string | null; ids: string[] };

const inYear = (u: { validFrom: string; validTo: string | null }, year: number) =>
  u.validFrom <= `${year}-12-31` && (u.validTo === null || u.validTo >= `${year}-01-01`);

/**
 * The unit and the units it carries that existed during `year` (the unit first, then its predecessors by id, so
 * that the same registry always gives the same list). Read on the unit's last day in the year (the year's last day,
 * its own last day if it ended earlier, or today while the year runs): its predecessors by lineage links at any
 * depth — merged, absorbed, and split ones (a split unit's records count whole in each successor's figure) — kept
 * when they existed for part of the year. An abolished district carried only through its communes (`via:
 * 'children'`, the access rule's "the district only") is not one of them: its own records are not a commune's.
 */
export async function unitsCarriedIn(db: Db, unitId: string, year: number): Promise<string[]> {
  const [unit] = await getUnits(db, [unitId]);
  if (!unit || !inYear(unit, year)) return [unitId];
  const today = todayInVietnam();
  let on = `${year}-12-31`;
  if (unit.validTo && unit.validTo < on) on = unit.validTo;
  if (today < on) on = today < unit.validFrom ? unit.validFrom : today;
  const carried = ((await carriedBy(db, [unitId], on)).get(unitId) ?? []).filter((c) => c.via === 'lineage');
  if (!carried.length) return [unitId];
  const known = new Map(
    (
      await getUnits(
        db,
        carried.map((c) => c.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  const kept = carried.filter((c) => {
    const u = known.get(c.unitId);
    return !!u && c.unitId !== unitId && inYear(u, year);
  });
  return [unitId, ...[...new Set(kept.map((c) => c.unitId))].sort()];
}

const isComputed = (item: ScoredItem): item is ScoredItem & { source: ComputeSource } =>
  item.method === 'computed' && typeof item.source === 'string';

/** One figure of a source for the units and the year (the modules' exported functions). */
async function figureOf(
  ctx: RequestContext,
  source: ComputeSource,
  unitIds: readonly string[],
  year: number,
  dossiers: () => Promise<{ onTime: SourceFigure; online: SourceFigure }>,
): Promise<SourceFigure> {
  switch (source) {
    case 'plans.tasks_on_time':
      return planTasksOnTime(ctx, unitIds, year);
    case 'plans.own_plan_issued':
      return ownPlanIssued(ctx, unitIds, year);
    case 'reports.on_time':
      return reportsOnTime(ctx, unitIds, year);
    case 'dossiers.on_time':
      return (await dossiers()).onTime;
    case 'dossiers.online':
      return (await dossiers()).online;
    case 'hotline.on_time':
      return feedbackHandledOnTime(ctx, unitIds, year);
    case 'inspections.recommendations_on_time': {
      // Each unit with the units below it; a predecessor is never below its carrier, so nothing counts twice.
      const due = new Set<string>();
      const onTime = new Set<string>();
      for (const id of unitIds) {
        const r = await recommendationsRemediedOnTime(ctx, id, year);
        for (const x of r.due) due.add(x);
        for (const x of r.remediedOnTime) onTime.add(x);
      }
      return {
        numerator: onTime.size,
        denominator: due.size,
        ids: [...due].sort().slice(0, COMPUTED_MAX_IDS),
        link: '/inspections/figures',
      };
    }
  }
}

/**
 * The computed items among `items` (method `computed` with a source) for a unit and a year: each source's figure
 * read once for the unit and the units it carries in the year (`unitsCarriedIn`), turned into points by the item's
 * formula (`computeItem` → `pointsFromRate`). Keyed by item code.
 */
export async function computeItems(
  ctx: RequestContext,
  input: { year: number; unitId: string; items: readonly ScoredItem[]; unitGroup?: UnitGroup },
): Promise<Map<string, ItemComputation>> {
  const out = new Map<string, ItemComputation>();
  const items = input.items.filter(isComputed);
  const surveyed = input.unitGroup ? input.items.filter((i) => i.method === 'survey') : [];
  if (!items.length && !surveyed.length) return out;
  const unitIds = await unitsCarriedIn(ctx.db, input.unitId, input.year);
  if (surveyed.length) {
    // Items of method survey: the index of the year's survey that declares it scores this group (issue 17).
    const figures = await surveyItemFigures(ctx, {
      year: input.year,
      unitGroup: input.unitGroup!,
      unitIds,
      codes: surveyed.map((i) => i.code),
    });
    for (const item of surveyed) {
      const f = figures.get(item.code);
      if (!f) continue;
      const computation = computeSurveyItem(
        {
          year: input.year,
          unitIds,
          value: f.exact,
          respondents: f.respondents,
          minGroupSize: f.minGroupSize,
          surveyTitle: f.survey.title,
        },
        item,
      );
      out.set(item.code, { ...computation, link: f.link, ids: [f.survey.id] });
    }
  }
  let dossiers: Promise<{ onTime: SourceFigure; online: SourceFigure }> | null = null;
  const dossiersOnce = () => (dossiers ??= dossierParFigures(ctx, unitIds, input.year));
  const figures = new Map<ComputeSource, SourceFigure>();
  for (const item of items) {
    let figure = figures.get(item.source);
    if (!figure) {
      figure = await figureOf(ctx, item.source, unitIds, input.year, dossiersOnce);
      figures.set(item.source, figure);
    }
    const computation = computeItem(
      {
        source: item.source,
        year: input.year,
        unitIds,
        numerator: figure.numerator,
        denominator: figure.denominator,
      },
      item,
    );
    out.set(item.code, { ...computation, link: figure.link, ids: figure.ids.slice(0, COMPUTED_MAX_IDS) });
  }
  return out;
}

/** A JSON value with its object keys sorted: two computations are the same when these are equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export type RefreshCounts = {
  /** Assessments whose computed items were read (those not yet signed off). */
  assessments: number;
  /** Signed off (final, or their campaign finalised or published): their scores stay as they were. */
  skipped: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

/**
 * Recomputes the computed items of these assessments and stores them (`par_scores.computed_points` and
 * `computation`): a score row is inserted when missing, updated (version bumped) when its points or computation
 * changed, left alone otherwise; each change journalled (`compute`, `par_score`, before and after). An assessment
 * signed off (status `final`, or its campaign `finalised`/`published`) keeps its scores: the results are frozen.
 * Every figure is read first; then one transaction per assessment writes its changes.
 */
export async function refreshComputedScores(
  ctx: RequestContext,
  assessmentIds: readonly string[],
): Promise<RefreshCounts> {
  const counts: RefreshCounts = { assessments: 0, skipped: 0, inserted: 0, updated: 0, unchanged: 0 };
  const ids = [...new Set(assessmentIds)];
  if (!ids.length) return counts;
  const found = await ctx.db
    .select({
      id: parAssessments.id,
      unitId: parAssessments.unitId,
      status: parAssessments.status,
      year: parCampaigns.year,
      stage: parCampaigns.stage,
      tree: parFrameworks.tree,
      unitGroup: parFrameworks.unitGroup,
    })
    .from(parAssessments)
    .innerJoin(parCampaigns, eq(parCampaigns.id, parAssessments.campaignId))
    .innerJoin(parFrameworks, eq(parFrameworks.id, parAssessments.frameworkId))
    .where(inArray(parAssessments.id, ids))
    .orderBy(parAssessments.id);

  // Every figure first (no reading of other modules inside a transaction).
  const computed: { assessmentId: string; items: Map<string, ItemComputation> }[] = [];
  for (const a of found) {
    if (a.status === 'final' || a.stage === 'finalised' || a.stage === 'published') {
      counts.skipped += 1;
      continue;
    }
    counts.assessments += 1;
    const items = scoredItems(a.tree as FrameworkTree).map((p) => p.item);
    const result = await computeItems(ctx, { year: a.year, unitId: a.unitId, items, unitGroup: a.unitGroup });
    if (result.size) computed.push({ assessmentId: a.id, items: result });
  }

  for (const { assessmentId, items } of computed) {
    await ctx.db.transaction(async (tx) => {
      const t: RequestContext = { ...ctx, db: tx };
      // One refresh of an assessment at a time (PostgreSQL): its score rows are read under the assessment's lock.
      await tx
        .select({ id: parAssessments.id })
        .from(parAssessments)
        .where(eq(parAssessments.id, assessmentId))
        .for('update');
      const existing = new Map(
        (await tx.select().from(parScores).where(eq(parScores.assessmentId, assessmentId))).map((s) => [
          s.itemCode,
          s,
        ]),
      );
      for (const [code, computation] of items) {
        const before = existing.get(code);
        if (
          before &&
          before.computedPoints === computation.points &&
          canonical(before.computation) === canonical(computation)
        ) {
          counts.unchanged += 1;
          continue;
        }
        if (!before) {
          const [row] = await tx
            .insert(parScores)
            .values({ assessmentId, itemCode: code, computedPoints: computation.points, computation })
            .returning();
          await recordChange(t, { action: 'compute', entity: 'par_score', entityId: row!.id, after: row });
          counts.inserted += 1;
          continue;
        }
        const [row] = await tx
          .update(parScores)
          .set({
            computedPoints: computation.points,
            computation,
            version: sql`${parScores.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(parScores.id, before.id))
          .returning();
        await recordChange(t, {
          action: 'compute',
          entity: 'par_score',
          entityId: row!.id,
          before,
          after: row,
        });
        counts.updated += 1;
      }
    });
  }
  return counts;
}
