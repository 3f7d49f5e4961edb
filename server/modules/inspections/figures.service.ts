/**
 * The figures of PAR inspections (issue 15, part 4), for a year as of a date, each with the records behind it:
 *
 * - inspections planned in the year's plan (not cancelled) and, of them, inspected by the date (minutes signed or
 *   concluded); every inspection conducted in the year by the date — planned, surprise, re-inspections — and the
 *   conclusions issued;
 * - the findings of the inspections done, by content area and result;
 * - the recommendations of the conclusions issued in the year by the date, as they stood on the date (rebuilt from
 *   the work engine's history): total, verified, verified on time (the accepted remediation report on or before the
 *   due date, in working days), open, overdue (still owed and past the due date);
 * - units with repeated shortcomings: a shortcoming or violation in the same area in two inspections within three
 *   years (./rules/repeat-shortcomings.ts), the later one in the year.
 *
 * Other modules read `inspectionFiguresForReport` (the reports' prefill: inspections done, recommendations remedied)
 * and `recommendationsRemediedOnTime` (the PAR Index): no access check there — the caller's module checks its own.
 */
import { and, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar } from '../calendar/index.js';
import { getUnits, subtreeSql, unitFacts, ancestorPaths } from '../units/units.service.js';
import { listEvents } from '../work/work.service.js';
import { requireActor, today } from './inspection-records.service.js';
import { INSPECTION_READERS } from './inspections.policy.js';
import {
  inspectionFindings,
  inspectionPlans,
  inspectionRecommendations,
  inspections,
  type FindingResult,
} from './inspections.table.js';
import { RECOMMENDATION_KIND, recommendationTiming } from './recommendation.work-kind.js';
import { rulesByIds } from './recommendation-deadlines.service.js';
import type { FigureOut, FiguresOut } from './recommendations.schemas.js';
import { DEFAULT_INSPECTION_RULES } from './rules/inspection-rules.js';
import {
  isRecommendationStatus,
  OPEN_RECOMMENDATION_STATUSES,
  type RecommendationStatus,
} from './rules/recommendation-rules.js';
import { repeatedShortcomings, REPEAT_WINDOW_YEARS, yearsAfter } from './rules/repeat-shortcomings.js';

type InspectionRow = typeof inspections.$inferSelect & { planYear: number | null };
type RecommendationRow = typeof inspectionRecommendations.$inferSelect;

/** Who reads a province's figures: the office, the committee, and inspectors over the province. */
export const FIGURE_READERS = [...INSPECTION_READERS, 'inspector'] as const;

const INSPECTED = new Set(['minutes_signed', 'concluded']);
const fig = (ids: readonly string[]): FigureOut => ({ value: ids.length, ids: [...ids] });
const minDate = (a: string, b: string) => (a < b ? a : b);

/** The inspections in scope that matter for the year: of its plan, or conducted/concluded since three years before it. */
async function inspectionsOf(db: Db, scope: SQL, year: number, to: string): Promise<InspectionRow[]> {
  const since = yearsAfter(`${year}-01-01`, -REPEAT_WINDOW_YEARS);
  const rows = await db
    .select({ i: inspections, planYear: inspectionPlans.year })
    .from(inspections)
    .leftJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .where(
      and(
        scope,
        or(
          eq(inspectionPlans.year, year),
          and(gte(inspections.conductedOn, since), lte(inspections.conductedOn, to)),
          and(isNotNull(inspections.concludedOn), gte(inspections.concludedOn, `${year}-01-01`)),
        ),
      ),
    );
  return rows.map(({ i, planYear }) => ({ ...i, planYear }));
}

type Counts = {
  planned: string[];
  plannedDone: string[];
  done: string[];
  surprise: string[];
  reinspections: string[];
  concluded: string[];
};

function countInspections(list: readonly InspectionRow[], year: number, from: string, to: string): Counts {
  const planned = list.filter((i) => i.kind === 'planned' && i.planYear === year && i.status !== 'cancelled');
  const inspected = (i: InspectionRow) => INSPECTED.has(i.status) && !!i.conductedOn && i.conductedOn <= to;
  const done = list.filter((i) => inspected(i) && i.conductedOn! >= from);
  return {
    planned: planned.map((i) => i.id),
    plannedDone: planned.filter(inspected).map((i) => i.id),
    done: done.map((i) => i.id),
    surprise: done.filter((i) => i.kind === 'surprise').map((i) => i.id),
    reinspections: done.filter((i) => i.kind === 're_inspection').map((i) => i.id),
    concluded: list
      .filter(
        (i) => i.status === 'concluded' && !!i.concludedOn && i.concludedOn >= from && i.concludedOn <= to,
      )
      .map((i) => i.id),
  };
}

type RecommendationAsOf = RecommendationRow & {
  statusOn: RecommendationStatus;
  timing: ReturnType<typeof recommendationTiming>;
};

/** Recommendations of these inspections as they stood on `asOf` (status and report day from the history). */
async function recommendationsAsOf(
  db: Db,
  where: SQL,
  asOf: string,
  calendar: Calendar,
  dueSoon: (inspectionId: string) => number,
): Promise<RecommendationAsOf[]> {
  const rows = await db.select().from(inspectionRecommendations).where(where);
  if (!rows.length) return [];
  const events = await listEvents(
    db,
    RECOMMENDATION_KIND,
    rows.map((r) => r.id),
    { statusChangesOnly: true, withFiles: false },
  );
  const status = new Map<string, RecommendationStatus>();
  const reported = new Map<string, string>();
  for (const e of events) {
    if (e.on > asOf) continue;
    if (e.toStatus && isRecommendationStatus(e.toStatus)) status.set(e.itemId, e.toStatus);
    if (e.action === 'report_done') reported.set(e.itemId, e.on);
  }
  return rows.map((r) => {
    // Without a history (recorded otherwise), the row as it is now.
    const statusOn =
      status.get(r.id) ??
      (events.some((e) => e.itemId === r.id) ? 'not_started' : (r.status as RecommendationStatus));
    return {
      ...r,
      statusOn,
      timing: recommendationTiming(
        { status: statusOn, dueDate: r.dueDate },
        reported.get(r.id) ?? null,
        asOf,
        calendar,
        dueSoon(r.inspectionId),
      ),
    };
  });
}

function countRecommendations(list: readonly RecommendationAsOf[]) {
  const ids = (f: (r: RecommendationAsOf) => boolean) => list.filter(f).map((r) => r.id);
  const open = (r: RecommendationAsOf) => OPEN_RECOMMENDATION_STATUSES.includes(r.statusOn);
  return {
    total: ids(() => true),
    verified: ids((r) => r.statusOn === 'verified'),
    verifiedOnTime: ids((r) => r.statusOn === 'verified' && r.timing.state === 'done_on_time'),
    open: ids(open),
    overdue: ids((r) => open(r) && r.timing.state === 'overdue'),
  };
}

/** The provinces whose figures the caller reads (a grant of a reader's role on the province or above). */
async function readableProvinces(ctx: RequestContext): Promise<string[]> {
  const actor = requireActor(ctx);
  const roots = actor.rootsFor(FIGURE_READERS);
  if (!roots.length) return [];
  const paths = await ancestorPaths(ctx.db, roots);
  const tops = [...new Set([...paths.values()].map((p) => p.at(-1)!))];
  const provinces = (await getUnits(ctx.db, tops)).filter((u) => u.kind === 'province');
  return provinces.filter((p) => actor.hasRoleOver(FIGURE_READERS, [p.id])).map((p) => p.id);
}

/** The figures of a year (as of a date) for the caller's province: 403 for a caller who reads no province's. */
export async function inspectionFigures(
  ctx: RequestContext,
  query: { year: number; asOf?: string | undefined },
): Promise<FiguresOut> {
  const provinces = await readableProvinces(ctx);
  if (!provinces.length) throw forbidden();
  const now = today();
  const yearEnd = `${query.year}-12-31`;
  const asOf = minDate(query.asOf ?? minDate(yearEnd, now), now);
  const from = `${query.year}-01-01`;
  const to = minDate(yearEnd, asOf);
  const scope = inArray(inspections.provinceId, provinces);
  const list = await inspectionsOf(ctx.db, scope, query.year, to);
  const counts = countInspections(list, query.year, from, to);
  const calendar = await loadCalendar(ctx.db);
  const rules = await rulesByIds(
    ctx.db,
    list.flatMap((i) => (i.ruleVersionId ? [i.ruleVersionId] : [])),
  );
  const byId = new Map(list.map((i) => [i.id, i]));
  const dueSoon = (id: string) => {
    const v = byId.get(id)?.ruleVersionId;
    return ((v ? rules.get(v) : undefined) ?? DEFAULT_INSPECTION_RULES).dueSoonWorkingDays;
  };
  // Findings of every inspection conducted by the date within the window (the year's, and the earlier ones that a
  // repeat may name).
  const inspectedIds = list
    .filter((i) => INSPECTED.has(i.status) && i.conductedOn && i.conductedOn <= to)
    .map((i) => i.id);
  const findings = inspectedIds.length
    ? await ctx.db
        .select()
        .from(inspectionFindings)
        .where(inArray(inspectionFindings.inspectionId, inspectedIds))
    : [];
  const done = new Set(counts.done);
  const ofDone = findings.filter((f) => done.has(f.inspectionId));
  const areas = [...new Set(ofDone.map((f) => f.area))].sort();
  const byResult = (area: string, result: FindingResult) =>
    fig(ofDone.filter((f) => f.area === area && f.result === result).map((f) => f.id));
  const recommendations = counts.concluded.length
    ? await recommendationsAsOf(
        ctx.db,
        and(
          inArray(inspectionRecommendations.inspectionId, counts.concluded),
          sql`${inspectionRecommendations.createdAt}::date <= ${asOf}::date`,
        )!,
        asOf,
        calendar,
        dueSoon,
      )
    : [];
  const rc = countRecommendations(recommendations);
  const repeats = repeatedShortcomings(
    inspectedIds.map((id) => ({
      id,
      unitId: byId.get(id)!.unitId,
      on: byId.get(id)!.conductedOn!,
      findings: findings.filter((f) => f.inspectionId === id),
    })),
    { from, to },
  );
  const named = await unitFacts(ctx.db, [
    ...list.map((i) => i.unitId),
    ...recommendations.map((r) => r.unitId),
  ]);
  const name = (id: string) => ({ id, name: named.get(id)?.name ?? '' });
  const shown = new Set([
    ...Object.values(counts).flat(),
    ...recommendations.map((r) => r.inspectionId),
    ...repeats.flatMap((r) => [r.inspectionId, ...r.earlierInspectionIds]),
  ]);
  const findingShown = new Set([...ofDone.map((f) => f.id), ...repeats.flatMap((r) => r.findingIds)]);
  return {
    year: query.year,
    asOf,
    inspections: {
      planned: fig(counts.planned),
      plannedDone: fig(counts.plannedDone),
      done: fig(counts.done),
      surprise: fig(counts.surprise),
      reinspections: fig(counts.reinspections),
      concluded: fig(counts.concluded),
    },
    findings: areas.map((area) => ({
      area,
      compliant: byResult(area, 'compliant'),
      shortcoming: byResult(area, 'shortcoming'),
      violation: byResult(area, 'violation'),
      notApplicable: byResult(area, 'not_applicable'),
    })),
    recommendations: {
      total: fig(rc.total),
      verified: fig(rc.verified),
      verifiedOnTime: fig(rc.verifiedOnTime),
      open: fig(rc.open),
      overdue: fig(rc.overdue),
    },
    repeatedShortcomings: {
      units: fig([...new Set(repeats.map((r) => r.unitId))]),
      items: repeats.map((r) => ({
        unitId: r.unitId,
        unitName: named.get(r.unitId)?.name ?? '',
        area: r.area,
        inspectionIds: [...r.earlierInspectionIds, r.inspectionId],
        findingIds: r.findingIds,
      })),
    },
    records: {
      inspections: list
        .filter((i) => shown.has(i.id))
        .sort((a, b) => (a.conductedOn ?? a.plannedFrom).localeCompare(b.conductedOn ?? b.plannedFrom))
        .map((i) => ({
          id: i.id,
          unit: name(i.unitId),
          kind: i.kind,
          status: i.status,
          plannedFrom: i.plannedFrom,
          plannedTo: i.plannedTo,
          conductedOn: i.conductedOn,
          concludedOn: i.concludedOn,
        })),
      recommendations: recommendations
        .sort((a, b) => a.inspectionId.localeCompare(b.inspectionId) || a.number - b.number)
        .map((r) => ({
          id: r.id,
          inspectionId: r.inspectionId,
          number: r.number,
          text: r.text,
          unit: name(r.unitId),
          dueDate: r.dueDate,
          status: r.statusOn,
          timing: r.timing,
        })),
      findings: findings
        .filter((f) => findingShown.has(f.id))
        .map((f) => ({
          id: f.id,
          inspectionId: f.inspectionId,
          area: f.area,
          itemKey: f.itemKey,
          result: f.result,
        })),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// For other modules

export type ReportInspectionFigures = {
  /** Planned in the plan of the window's year (not cancelled), and of them inspected by the window's end. */
  planned: number;
  plannedDone: number;
  /** Conducted within the window: every kind, and the surprise ones. */
  done: number;
  surprise: number;
  /** Recommendations of the conclusions issued within the window, as they stood at its end. */
  recommendations: { total: number; verified: number; verifiedOnTime: number; overdue: number };
};

/**
 * Each unit's inspection figures over a reporting window (its subtree's inspections: a department's own, the
 * province's for the province), as of the window's end or today if earlier — for the reports' prefill. One read
 * for all the units. No access check (the reports module checks its own).
 */
export async function inspectionFiguresForReport(
  ctx: RequestContext,
  unitIds: readonly string[],
  window: { from: string; to: string },
): Promise<Map<string, ReportInspectionFigures>> {
  const out = new Map<string, ReportInspectionFigures>();
  if (!unitIds.length) return out;
  const to = minDate(window.to, today());
  const year = Number(window.to.slice(0, 4));
  const list = await inspectionsOf(
    ctx.db,
    sql`${inspections.unitId} IN (${subtreeSql([...unitIds])})`,
    year,
    to,
  );
  const paths = await ancestorPaths(
    ctx.db,
    list.map((i) => i.unitId),
  );
  const calendar = await loadCalendar(ctx.db);
  const concluded = list.filter(
    (i) => i.status === 'concluded' && !!i.concludedOn && i.concludedOn >= window.from && i.concludedOn <= to,
  );
  const recs = concluded.length
    ? await recommendationsAsOf(
        ctx.db,
        inArray(
          inspectionRecommendations.inspectionId,
          concluded.map((i) => i.id),
        ),
        to,
        calendar,
        () => DEFAULT_INSPECTION_RULES.dueSoonWorkingDays,
      )
    : [];
  for (const unitId of unitIds) {
    const mine = list.filter((i) => (paths.get(i.unitId) ?? [i.unitId]).includes(unitId));
    const c = countInspections(mine, year, window.from, to);
    const ids = new Set(c.concluded);
    const rc = countRecommendations(recs.filter((r) => ids.has(r.inspectionId)));
    out.set(unitId, {
      planned: c.planned.length,
      plannedDone: c.plannedDone.length,
      done: c.done.length,
      surprise: c.surprise.length,
      recommendations: {
        total: rc.total.length,
        verified: rc.verified.length,
        verifiedOnTime: rc.verifiedOnTime.length,
        overdue: rc.overdue.length,
      },
    });
  }
  return out;
}

/**
 * A unit's recommendations due in a year (its own and its sub-units'), as they stood at the year's end (or today
 * while the year runs), and how many were remedied on time — verified, with the accepted remediation reported on
 * or before the due date in working days — for the PAR Index (issue 16). `share` is null when none was due.
 * No access check (the caller's module checks its own).
 */
export async function recommendationsRemediedOnTime(
  ctx: RequestContext,
  unitId: string,
  year: number,
): Promise<{ year: number; asOf: string; due: string[]; remediedOnTime: string[]; share: number | null }> {
  const asOf = minDate(`${year}-12-31`, today());
  const calendar = await loadCalendar(ctx.db);
  const recs = await recommendationsAsOf(
    ctx.db,
    and(
      sql`${inspectionRecommendations.unitId} IN (${subtreeSql([unitId])})`,
      gte(inspectionRecommendations.dueDate, `${year}-01-01`),
      lte(inspectionRecommendations.dueDate, `${year}-12-31`),
    )!,
    asOf,
    calendar,
    () => DEFAULT_INSPECTION_RULES.dueSoonWorkingDays,
  );
  const due = recs.map((r) => r.id);
  const onTime = recs
    .filter((r) => r.statusOn === 'verified' && r.timing.state === 'done_on_time')
    .map((r) => r.id);
  return { year, asOf, due, remediedOnTime: onTime, share: due.length ? onTime.length / due.length : null };
}
