/**
 * Every department and locality must issue its own yearly PAR plan (kế hoạch CCHC năm của đơn vị; Hà Tĩnh
 * 2022: 100% did). This tracks, for a parent unit and a year, which of its direct sub-units — as they
 * stood that year — have registered theirs (a plan with owner kind 'unit' and purpose 'reform').
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { documentRefs } from '../documents/documents.service.js';
import { roundPct } from '../tasks/index.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { requireActor } from './plan-access.js';
import type { UnitCoverageOut } from './plans.schemas.js';
import { plans, planTasks } from './plans.table.js';

/** The kinds of sub-unit that must issue a plan: departments and the localities (districts, communes). */
const MUST_PLAN = new Set(['department', 'management_board', 'district', 'commune']);

/** The date that represents a year: its last day, or today for the year under way. */
export function referenceDate(year: number, today = todayInVietnam()): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/**
 * Which of a parent's departments and localities (as they stood on the year's reference day) issued their own
 * yearly PAR plan for the year. The plan counted is the unit's yearly PAR plan — `owner_kind = 'unit'` and
 * `purpose = 'reform'` — the plan the PAR Index's sub-criterion "ban hành kế hoạch CCHC năm" asks for; a
 * remediation plan (made for the PAR Index's remediation work, parindex/remediation.service.ts) or an improvement
 * plan (a weak dimension of a national index, standings/improvements.service.ts) owned by the unit is not it and
 * does not count. Issued = its decision dated on or before the day, or recorded without a decision.
 */
export async function unitPlanCoverage(
  ctx: RequestContext,
  year: number,
  parentId?: string,
): Promise<UnitCoverageOut> {
  requireActor(ctx);
  const asOf = referenceDate(year);
  let parent = parentId;
  if (!parent) {
    const [committeePlan] = await ctx.db
      .select({ owner: plans.ownerUnitId })
      .from(plans)
      .where(and(eq(plans.year, year), eq(plans.ownerKind, 'committee')));
    parent = committeePlan?.owner;
  }
  if (!parent) return { year, asOf, parentId: null, expected: 0, issued: [], percent: null, units: [] };
  const children = (await unitsAsOf(ctx.db, { date: asOf, parentId: parent })).filter((u) =>
    MUST_PLAN.has(u.kind),
  );
  const ids = children.map((u) => u.id);
  const ownPlans = ids.length
    ? await ctx.db
        .select({
          id: plans.id,
          ownerUnitId: plans.ownerUnitId,
          title: plans.title,
          documentId: plans.documentId,
          purpose: plans.purpose,
        })
        .from(plans)
        .where(and(eq(plans.year, year), eq(plans.ownerKind, 'unit'), inArray(plans.ownerUnitId, ids)))
        .orderBy(asc(plans.createdAt), asc(plans.id))
    : [];
  // Only the yearly PAR plan counts; the unit's remediation and improvement plans are listed beside it.
  const unitPlans = ownPlans.filter((p) => p.purpose === 'reform');
  const others = new Map<string, { id: string; title: string; purpose: 'remediation' | 'improvement' }[]>();
  for (const p of ownPlans)
    if (p.purpose === 'remediation' || p.purpose === 'improvement')
      others.set(p.ownerUnitId, [
        ...(others.get(p.ownerUnitId) ?? []),
        { id: p.id, title: p.title, purpose: p.purpose },
      ]);
  // A plan counts once issued: its decision dated on or before the day (a plan issued later was not there yet).
  const refs = await documentRefs(
    ctx,
    unitPlans.flatMap((p) => (p.documentId ? [p.documentId] : [])),
  );
  const issuedBy = unitPlans.filter((p) => {
    const issuedOn = p.documentId ? refs.get(p.documentId)?.issuedOn : undefined;
    return !issuedOn || issuedOn <= asOf;
  });
  // A unit with several: the first registered (as `ownPlanIssued`).
  const byUnit = new Map<string, (typeof issuedBy)[number]>();
  for (const p of issuedBy) if (!byUnit.has(p.ownerUnitId)) byUnit.set(p.ownerUnitId, p);
  const units = children.map((u) => {
    const p = byUnit.get(u.id);
    return {
      unitId: u.id,
      unitName: u.fullName,
      kind: u.kind,
      plan: p ? { id: p.id, title: p.title, documentId: p.documentId } : null,
      otherPlans: others.get(u.id) ?? [],
    };
  });
  const issued = units.filter((u) => u.plan).map((u) => u.unitId);
  return {
    year,
    asOf,
    parentId: parent,
    expected: units.length,
    /** Ids of the units that issued theirs: the list behind the percentage. */
    issued,
    percent: units.length ? roundPct((issued.length / units.length) * 100) : null,
    units,
  };
}

/**
 * The task counts of the plans of a year owned by these units (for the periodic reports' prefill:
 * `unitPlan.tasks.*`, `plan.tasks.*`): all tasks but the cancelled ones, and those verified done by `asOf`.
 * No access check: the reports module asks for the units whose reports the caller may read.
 */
export async function planTaskCounts(
  db: Db,
  ownerUnitIds: readonly string[],
  year: number,
  asOf: string,
): Promise<Map<string, { total: number; verified: number }>> {
  const out = new Map<string, { total: number; verified: number }>();
  if (!ownerUnitIds.length) return out;
  const rows = await db
    .select({
      ownerUnitId: plans.ownerUnitId,
      total: sql<number>`count(*) FILTER (WHERE ${planTasks.status} <> 'cancelled')::int`,
      verified: sql<number>`count(*) FILTER (WHERE ${planTasks.status} = 'verified' AND ${planTasks.verifiedOn} <= ${asOf})::int`,
    })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(and(inArray(plans.ownerUnitId, [...ownerUnitIds]), eq(plans.year, year)))
    .groupBy(plans.ownerUnitId);
  for (const r of rows) out.set(r.ownerUnitId, { total: Number(r.total), verified: Number(r.verified) });
  return out;
}
