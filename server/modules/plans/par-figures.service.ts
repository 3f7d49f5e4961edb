/**
 * The plans' figures the PAR Index reads (issue 16, computed criteria), for a set of units and a year: the unit
 * scored and the units it carries by lineage (`parindex/computed.service` `unitsCarriedIn`), each with the units
 * below it. No access check here — the caller's module checks its own (as `inspections/figures.service`
 * `recommendationsRemediedOnTime`).
 *
 * - `planTasksOnTime`: the tasks of the year's plans (the committee's and the units' own, sub-tasks included) led
 *   by the units, not cancelled, whose due date lies in the year. A task counts once it is done (verified) or its
 *   effective due date has passed (`today` after it: until then it is not yet due and counts nowhere). On time =
 *   verified, with the verified done report on or before the effective due date in working days — the tasks
 *   module's `taskTiming` with `DEFAULT_TIMING_RULE`, exactly the dashboard's "verified on time" (`computeKpis`
 *   `verifiedOnTime`). A task reported done but not yet verified, or still open, past its due date counts in the
 *   denominator only (as the dashboard's completion counts it).
 * - `ownPlanIssued`: 1/1 when the unit has its own yearly PAR plan (`owner_kind = 'unit'`, `purpose = 'reform'`: the
 *   plan the PAR Index's sub-criterion "ban hành kế hoạch CCHC năm" asks for — a remediation or improvement plan the
 *   unit owns is not it) for the year and it is issued — its decision dated on or before the year's reference day
 *   (the year's last day, or today while it runs), or recorded without a decision — the rule of `unitPlanCoverage`
 *   (./unit-plans.service.ts); there is no deadline in the registry beyond that day. A unit that began during the year (formed by a merger) also counts
 *   as having one when a predecessor it carries issued its plan for that year. Otherwise 0/1.
 *
 * Each answer carries the records counted (`ids`, at most `PAR_FIGURE_MAX_IDS`) and the web page showing them.
 */
import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { Actor } from '../access/actor.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { DEFAULT_TIMING_RULE, taskTiming, type TaskStatus } from '../tasks/index.js';
import { ancestorPaths, getUnits, subtreeSql } from '../units/units.service.js';
import { plans, planTasks } from './plans.table.js';
import { referenceDate } from './unit-plans.service.js';

/** A figure for the PAR Index: numerator over denominator, the records counted and where a person sees them. */
export type PlanParFigure = { numerator: number; denominator: number; ids: string[]; link: string | null };

/** The records listed with a figure (the counts are never capped). */
export const PAR_FIGURE_MAX_IDS = 500;

const NO_UNITS = { numerator: 0, denominator: 0, ids: [], link: '/plans' } satisfies PlanParFigure;

/**
 * The tasks of `year`'s plans led by `unitIds` (and the units below them) that fell due in the year: done on
 * time (numerator) over those done or past their due date by `today` (denominator). Link: the dashboard of the
 * plan holding them when it is one plan, else the plans list (the dashboard takes no unit filter in its address:
 * its "by lead unit" breakdown opens the unit's tasks).
 */
export async function planTasksOnTime(
  ctx: RequestContext,
  unitIds: readonly string[],
  year: number,
  options: { today?: string } = {},
): Promise<PlanParFigure> {
  if (!unitIds.length) return NO_UNITS;
  const today = options.today ?? todayInVietnam();
  const found = await ctx.db
    .select({
      id: planTasks.id,
      planId: planTasks.planId,
      status: planTasks.status,
      dueDate: planTasks.dueDate,
      reportedOn: planTasks.reportedOn,
      verifiedOn: planTasks.verifiedOn,
    })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        eq(plans.year, year),
        sql`${planTasks.leadUnitId} IN (${subtreeSql([...new Set(unitIds)])})`,
        ne(planTasks.status, 'cancelled'),
        gte(planTasks.dueDate, `${year}-01-01`),
        lte(planTasks.dueDate, `${year}-12-31`),
      ),
    )
    .orderBy(asc(planTasks.dueDate), asc(planTasks.id));
  const calendar = found.length ? await loadCalendar(ctx.db) : null;
  const counted: typeof found = [];
  let onTime = 0;
  for (const t of found) {
    const status = t.status as TaskStatus;
    // A done task recorded without its report's date is timed by its verification (none: it cannot be timed).
    const completedOn = t.reportedOn ?? t.verifiedOn;
    if ((status === 'verified' || status === 'reported_done') && !completedOn) continue;
    const timing = taskTiming({
      status,
      dueDate: t.dueDate,
      completedOn,
      today,
      rule: DEFAULT_TIMING_RULE,
      calendar: calendar!,
    });
    const due = timing.effectiveDueDate ?? t.dueDate!;
    if (status !== 'verified' && !(due < today)) continue;
    counted.push(t);
    if (status === 'verified' && timing.state === 'done_on_time') onTime += 1;
  }
  const planIds = [...new Set(counted.map((t) => t.planId))];
  return {
    numerator: onTime,
    denominator: counted.length,
    ids: counted.slice(0, PAR_FIGURE_MAX_IDS).map((t) => t.id),
    link: planIds.length === 1 ? `/plans/${planIds[0]}/dashboard` : '/plans',
  };
}

/**
 * Whether the unit (`unitIds[0]`) issued its own yearly PAR plan for `year` (1/1) or not (0/1); a unit that began
 * during the year counts a plan its predecessors (`unitIds[1…]`) issued for it. Only a plan with purpose 'reform'
 * counts — the yearly PAR plan is what the PAR Index's "ban hành kế hoạch CCHC" sub-criterion asks for; the unit's
 * remediation plan (parindex/remediation.service.ts) or improvement plan (standings/improvements.service.ts) is not
 * (the rule of `unitPlanCoverage`). `ids`: the plan counted; link: its page, else the plans list.
 */
export async function ownPlanIssued(
  ctx: RequestContext,
  unitIds: readonly string[],
  year: number,
  options: { today?: string } = {},
): Promise<PlanParFigure> {
  const [unitId, ...predecessors] = unitIds;
  if (!unitId) return NO_UNITS;
  const asOf = referenceDate(year, options.today ?? todayInVietnam());
  const [unit] = await getUnits(ctx.db, [unitId]);
  const beganInYear = !!unit && unit.validFrom > `${year}-01-01`;
  const owners = beganInYear ? [unitId, ...predecessors] : [unitId];
  const found = await ctx.db
    .select({ id: plans.id, ownerUnitId: plans.ownerUnitId, documentId: plans.documentId })
    .from(plans)
    .where(
      and(
        eq(plans.year, year),
        eq(plans.ownerKind, 'unit'),
        eq(plans.purpose, 'reform'),
        inArray(plans.ownerUnitId, owners),
      ),
    )
    .orderBy(asc(plans.createdAt), asc(plans.id));
  const issuedOn = await decisionDates(
    ctx,
    found.flatMap((p) => (p.documentId ? [{ documentId: p.documentId, ownerUnitId: p.ownerUnitId }] : [])),
  );
  // As `unitPlanCoverage`: issued once its decision is dated on or before the day (or recorded without one).
  const issued = found.filter((p) => {
    const on = p.documentId ? issuedOn.get(p.documentId) : undefined;
    return !on || on <= asOf;
  });
  const plan = issued.find((p) => p.ownerUnitId === unitId) ?? issued[0];
  return {
    numerator: plan ? 1 : 0,
    denominator: 1,
    ids: plan ? [plan.id] : [],
    link: plan ? `/plans/${plan.id}` : '/plans',
  };
}

/**
 * The issue dates of plans' decisions, whoever asks (a figure, not a reader's view): the documents register
 * answers for a reader, so it is asked as an administrator of the owners' provinces.
 */
async function decisionDates(
  ctx: RequestContext,
  refs: readonly { documentId: string; ownerUnitId: string }[],
): Promise<Map<string, string>> {
  if (!refs.length) return new Map();
  const paths = await ancestorPaths(ctx.db, [...new Set(refs.map((r) => r.ownerUnitId))]);
  const roots = [...new Set([...paths.values()].map((p) => p.at(-1)!))];
  const reader = new Actor(
    { id: '00000000-0000-0000-0000-000000000000', email: '', fullName: 'PAR Index', unitId: null },
    roots.map((unitId) => ({ id: '00000000-0000-0000-0000-000000000000', role: 'admin' as const, unitId })),
  );
  const found = await documentRefs(
    { ...ctx, actor: reader },
    refs.map((r) => r.documentId),
  );
  return new Map([...found].map(([id, d]) => [id, d.issuedOn]));
}
