/**
 * The province dashboard (issue 18, item 1): "how is the province doing, and where is it stuck", for the Steering
 * Committee's leaders and members, the standing agency and administrators.
 *
 * - **Windows.** A reporting period's data window (`periods`: Decree 09/2019/NĐ-CP art. 12 under the default
 *   rules, the province's stored rule versions otherwise) or a year to date; the previous comparable window and the
 *   trend's windows follow from it (./rules.ts). Figures are read on the window's last day, or on the as-of day if
 *   earlier.
 * - **Figures** come from the catalogue (./figures.service.ts), each module computing its own.
 * - **Filters.** A unit type (departments, localities, other bodies: the province's units as they stood on each
 *   window's reading day, or — restated — today's units) and a committee member (the units they follow on the
 *   reading day) narrow every figure that records units; a reform area narrows the plan's figures.
 * - **Where it is stuck.** The work engine's items of every kind overdue on the reading day, by unit and kind; the
 *   figures that moved most against their good direction; the inspections' recommendations overdue. Every count
 *   opens the records behind it (`dashboardDrill`), computed the same way.
 *
 * Reads only, through the modules' exported functions.
 */
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden, unauthenticated, validation } from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import { committeeRoster } from '../committees/committees.service.js';
import { allRuleSets, workdayHooks } from '../periods/periods.service.js';
import { rulesFor, type ReportingRules, type WorkdayHooks } from '../periods/index.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { unitFacts } from '../units/units.service.js';
import { overdueWork, type OverdueWorkItem } from '../work/work.service.js';
import type {
  DashboardFigureOut,
  DashboardOut,
  DashboardQuery,
  DashboardSummaryOut,
  DrillItemOut,
  DrillOut,
  DrillQuery,
  PeriodOut,
  UnitType,
} from './dashboard.schemas.js';
import {
  FIGURE_BY_AREA,
  FIGURE_CATALOGUE,
  FIGURE_KEYS,
  FIGURE_PROVINCE_ONLY,
  FIGURE_READER_ROLES,
  callerProvince,
  figureProvince,
  provinceFigures,
  readingDay,
  recommendationsInWindow,
  unitsInside,
  type FigureKey,
  type FigureValue,
  type FigureWindow,
} from './figures.service.js';
import {
  currentQuarterKey,
  dashboardPeriodKey,
  dashboardPeriodLabel,
  dueWindowOf,
  overdueByUnit,
  parseDashboardPeriod,
  periodChoices,
  trendPeriods,
  verdict,
  changeOf,
  windowOf,
  worstMoving,
  type DashboardPeriod,
} from './rules.js';

/** The trend's length: the current window and the three before it. */
export const TREND_WINDOWS = 4;
/** How many units, worst figures and recommendations "where it is stuck" lists (the drill lists them all). */
export const STUCK_UNITS = 8;
export const WORST_FIGURES = 3;
export const STUCK_RECOMMENDATIONS = 8;

/** The periodic reports' rule sets (Decree 09/2019 windows unless the province stored its own). */
const REPORT_RULES_TYPE = 'par_report';

/** The unit kinds of each unit type of the filter. */
const UNIT_TYPE_KINDS: Record<UnitType, readonly string[]> = {
  department: ['department', 'management_board'],
  commune: ['district', 'commune'],
  other: ['party_body', 'mass_organisation', 'other'],
};

function requireReader(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRole(...FIGURE_READER_ROLES)) throw forbidden();
  return ctx.actor;
}

type Resolved = {
  province: string;
  today: string;
  rules: ReportingRules;
  hooks: WorkdayHooks;
  period: DashboardPeriod;
  window: { from: string; to: string };
  day: string;
  member: { id: string; name: string; unitIds: string[] } | null;
  members: DashboardOut['members'];
};

function periodOut(p: DashboardPeriod, rules: ReportingRules, today: string): PeriodOut {
  const w = windowOf(p, rules, today);
  return { key: dashboardPeriodKey(p), label: dashboardPeriodLabel(p), from: w.from, to: w.to };
}

/** The period, its window and reading day, the member chosen. */
async function resolve(ctx: RequestContext, q: DashboardQuery, today: string): Promise<Resolved> {
  requireReader(ctx);
  if (q.asOf && q.asOf > today) throw validation('asOf', 'dashboard.as_of_future', { today });
  const province = await callerProvince(ctx);
  const rules = rulesFor(await allRuleSets(ctx.db), REPORT_RULES_TYPE, today);
  // Default: the quarter whose data window holds the as-of day (today).
  const period = parseDashboardPeriod(q.period ?? currentQuarterKey(q.asOf ?? today, rules));
  if (!period) throw validation('period', 'overview.no_such_period');
  const window = windowOf(period, rules, today);
  const day = readingDay({ to: window.to, ...(q.asOf ? { asOf: q.asOf } : {}) }, today);
  const roster = await committeeRoster(ctx, province, day);
  const members = roster.members.map((m) => ({ id: m.id, name: m.name, units: m.assignments.length }));
  let member: Resolved['member'] = null;
  if (q.member) {
    const m = roster.members.find((x) => x.id === q.member);
    if (!m) throw validation('member', 'overview.no_such_member');
    member = { id: m.id, name: m.name, unitIds: [...new Set(m.assignments.map((a) => a.unitId))] };
  }
  const hooks = await workdayHooks(ctx.db);
  return { province, today, rules, hooks, period, window, day, member, members };
}

/**
 * The units the filters leave for a window read on `day` (undefined: no unit filter, the whole province): the
 * province's units of the type as they stood on that day (restated: today's), and those the member follows.
 */
async function unitsFor(
  ctx: RequestContext,
  r: Resolved,
  q: Pick<DashboardQuery, 'unitType' | 'restate'>,
  day: string,
): Promise<string[] | undefined> {
  let ids: string[] | undefined;
  if (q.unitType) {
    const kinds = UNIT_TYPE_KINDS[q.unitType];
    const on = q.restate ? r.today : day;
    ids = (await unitsAsOf(ctx.db, { date: on, parentId: r.province }))
      .filter((u) => kinds.includes(u.kind))
      .map((u) => u.id);
  }
  if (r.member) {
    const followed = new Set(r.member.unitIds);
    ids = ids ? ids.filter((id) => followed.has(id)) : [...followed];
  }
  return ids;
}

function windowFor(
  r: Resolved,
  q: DashboardQuery,
  p: DashboardPeriod,
  unitIds: string[] | undefined,
): FigureWindow {
  const range = windowOf(p, r.rules, r.today);
  return {
    from: range.from,
    to: range.to,
    dueWindow: dueWindowOf(p, r.rules, r.today, r.hooks),
    asOf: r.day,
    restate: q.restate,
    ...(unitIds ? { unitIds } : {}),
    ...(q.area ? { reformArea: q.area } : {}),
  };
}

/** Whether the chosen filters narrow a figure. */
function narrowed(key: FigureKey, q: DashboardQuery, units: boolean): boolean {
  if (FIGURE_PROVINCE_ONLY.includes(key)) return false;
  return units || (!!q.area && FIGURE_BY_AREA.includes(key));
}

/** The figures of the window with their previous window, change and trend. */
async function figuresWithTrend(
  ctx: RequestContext,
  r: Resolved,
  q: DashboardQuery,
  keys: readonly FigureKey[],
  trendLength: number,
): Promise<{ figures: DashboardFigureOut[]; previous: PeriodOut; units: number | null }> {
  const periods = trendPeriods(r.period, Math.max(2, trendLength));
  const values: FigureValue[][] = [];
  let units: number | null = null;
  for (const p of periods) {
    const range = windowOf(p, r.rules, r.today);
    const day = readingDay({ to: range.to, asOf: r.day }, r.today);
    const unitIds = await unitsFor(ctx, r, q, day);
    if (p === periods.at(-1)) units = unitIds ? unitIds.length : null;
    values.push(await provinceFigures(ctx, windowFor(r, q, p, unitIds), keys));
  }
  const outs = periods.map((p) => periodOut(p, r.rules, r.today));
  const current = values.at(-1)!;
  const before = values.at(-2)!;
  const shown = trendLength >= 2 ? periods.length : 1;
  const figures = keys.map((key, i): DashboardFigureOut => {
    const def = FIGURE_CATALOGUE[key];
    const now = current[i]!;
    const prev = before[i]!;
    const change = changeOf(now.value, prev.value);
    return {
      def,
      current: now,
      previous: prev,
      change,
      verdict: verdict(change, def.better),
      trend: outs.slice(-shown).map((period, j) => ({
        period,
        value: values[values.length - shown + j]![i]!.value,
      })),
      narrowed: narrowed(key, q, units !== null),
    };
  });
  return { figures, previous: outs.at(-2)!, units };
}

/** The items overdue on the reading day inside the filters' units. */
async function overdueIn(
  ctx: RequestContext,
  r: Resolved,
  unitIds: string[] | undefined,
  restate = false,
): Promise<OverdueWorkItem[]> {
  const items = await overdueWork(ctx, [r.province], r.day);
  if (!unitIds) return items;
  const inside = await unitsInside(
    ctx,
    { unitIds, restate },
    items.map((i) => i.unit.id),
  );
  return items.filter((i) => inside.has(i.unit.id));
}

/** "Where it is stuck": units with the most overdue items, the worst-moving figures, overdue recommendations. */
async function stuck(
  ctx: RequestContext,
  r: Resolved,
  q: DashboardQuery,
  figures: DashboardFigureOut[],
  unitIds: string[] | undefined,
): Promise<DashboardOut['stuck']> {
  const items = await overdueIn(ctx, r, unitIds, q.restate);
  const names = new Map(items.map((i) => [i.unit.id, i.unit.name]));
  const byUnit = overdueByUnit(
    items.map((i) => ({ kind: i.kind, unitId: i.unit.id, daysOverdue: i.daysOverdue })),
    names,
  );
  const worst = worstMoving(
    figures.map((f) => ({
      key: f.def.key,
      unit: f.def.unit,
      better: f.def.better,
      current: f.current.value,
      previous: f.previous?.value ?? null,
    })),
    WORST_FIGURES,
  );
  const recs = await overdueRecommendations(ctx, r, q, unitIds);
  return {
    overdueTotal: items.length,
    unitCount: byUnit.length,
    units: byUnit.slice(0, STUCK_UNITS).map((u) => ({
      unit: { id: u.unitId, name: names.get(u.unitId) ?? '' },
      total: u.total,
      byKind: Object.entries(u.byKind).map(([kind, count]) => ({
        kind: kind as OverdueWorkItem['kind'],
        count: count as number,
      })),
      maxDaysOverdue: u.maxDaysOverdue,
    })),
    worst: worst.map((w) => {
      const f = figures.find((x) => x.def.key === w.key)!;
      return {
        key: w.key,
        label: f.def.label,
        unit: w.unit,
        current: w.current!,
        previous: w.previous!,
        change: w.change,
        link: f.current.link,
      };
    }),
    recommendations: recs.slice(0, STUCK_RECOMMENDATIONS),
    recommendationsTotal: recs.length,
  };
}

/** The inspections' recommendations overdue on the reading day (the figure's records), longest overdue first. */
async function overdueRecommendations(
  ctx: RequestContext,
  r: Resolved,
  q: DashboardQuery,
  unitIds: string[] | undefined,
) {
  const found = await recommendationsInWindow(ctx, windowFor(r, q, r.period, unitIds));
  return found.overdue
    .map((x) => ({
      id: x.id,
      inspectionId: x.inspectionId,
      number: x.number,
      text: x.text,
      unit: x.unit,
      dueDate: x.dueDate,
      daysOverdue: x.timing?.daysOverdue ?? 0,
      link: `/inspections/${x.inspectionId}`,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.number - b.number);
}

/** The dashboard of a period (see the module comment). */
export async function provinceDashboard(
  ctx: RequestContext,
  q: DashboardQuery,
  today = todayInVietnam(),
): Promise<DashboardOut> {
  const r = await resolve(ctx, q, today);
  const { figures, previous, units } = await figuresWithTrend(ctx, r, q, FIGURE_KEYS, TREND_WINDOWS);
  const unitIds = await unitsFor(ctx, r, q, r.day);
  return {
    period: periodOut(r.period, r.rules, today),
    previousPeriod: previous,
    asOf: r.day,
    today,
    restate: q.restate,
    filters: {
      area: q.area ?? null,
      unitType: q.unitType ?? null,
      member: r.member ? { id: r.member.id, name: r.member.name } : null,
      units,
    },
    periods: periodChoices(today, r.rules).map((p) => periodOut(p, r.rules, today)),
    members: r.members,
    figures,
    stuck: await stuck(ctx, r, q, figures, unitIds),
  };
}

/** The figures the landing page shows (the dashboard's summary: its first cards and the top of "stuck"). */
export const SUMMARY_FIGURES: readonly FigureKey[] = [
  'plan.completion',
  'plan.overdue',
  'reports.onTime',
  'dossiers.onTime',
  'hotline.onTime',
  'inspections.recommendationsOverdue',
];

/**
 * The landing page's province panel: the current quarter's key figures with the previous quarter's change, and
 * the units where work is most overdue — cheaper than the dashboard (no trend, no picker lists).
 */
export async function dashboardSummary(
  ctx: RequestContext,
  asOf?: string,
  today = todayInVietnam(),
): Promise<DashboardSummaryOut | null> {
  if (!ctx.actor?.hasRole(...FIGURE_READER_ROLES) || !(await figureProvince(ctx))) return null;
  const q: DashboardQuery = { restate: false, ...(asOf && asOf < today ? { asOf } : {}) };
  const r = await resolve(ctx, q, today);
  const { figures } = await figuresWithTrend(ctx, r, q, SUMMARY_FIGURES, 2);
  const items = await overdueIn(ctx, r, undefined);
  const names = new Map(items.map((i) => [i.unit.id, i.unit.name]));
  const byUnit = overdueByUnit(
    items.map((i) => ({ kind: i.kind, unitId: i.unit.id, daysOverdue: i.daysOverdue })),
    names,
  );
  const worst = worstMoving(
    figures.map((f) => ({
      key: f.def.key,
      unit: f.def.unit,
      better: f.def.better,
      current: f.current.value,
      previous: f.previous?.value ?? null,
    })),
    WORST_FIGURES,
  );
  return {
    period: periodOut(r.period, r.rules, today),
    asOf: r.day,
    figures: figures.map((f) => ({ ...f, trend: [] })),
    stuck: {
      overdueTotal: items.length,
      unitCount: byUnit.length,
      units: byUnit.slice(0, 3).map((u) => ({
        unit: { id: u.unitId, name: names.get(u.unitId) ?? '' },
        total: u.total,
        byKind: Object.entries(u.byKind).map(([kind, count]) => ({
          kind: kind as OverdueWorkItem['kind'],
          count: count as number,
        })),
        maxDaysOverdue: u.maxDaysOverdue,
      })),
      worst: worst.map((w) => {
        const f = figures.find((x) => x.def.key === w.key)!;
        return {
          key: w.key,
          label: f.def.label,
          unit: w.unit,
          current: w.current!,
          previous: w.previous!,
          change: w.change,
          link: f.current.link,
        };
      }),
    },
    link: '/province',
  };
}

/** The records behind a count of the dashboard, computed as the count was (same filters, same reading day). */
export async function dashboardDrill(
  ctx: RequestContext,
  q: DrillQuery,
  today = todayInVietnam(),
): Promise<DrillOut> {
  const r = await resolve(ctx, q, today);
  const unitIds = await unitsFor(ctx, r, q, r.day);
  let items: DrillItemOut[];
  if (q.what === 'overdue') {
    items = (await overdueIn(ctx, r, unitIds, q.restate))
      .filter((i) => (!q.unit || i.unit.id === q.unit) && (!q.kind || i.kind === q.kind))
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        titles: i.titles ?? null,
        context: i.context,
        unit: i.unit,
        status: i.status,
        dueDate: i.dueDate,
        daysOverdue: i.daysOverdue,
        link: i.link,
      }));
  } else {
    items = (await overdueRecommendations(ctx, r, q, unitIds))
      .filter((x) => !q.unit || x.unit.id === q.unit)
      .map((x) => ({
        id: x.id,
        kind: 'recommendation' as const,
        title: x.text,
        titles: null,
        context: null,
        unit: x.unit,
        status: null,
        dueDate: x.dueDate,
        daysOverdue: x.daysOverdue,
        link: x.link,
      }));
  }
  let unit: DrillOut['unit'] = null;
  if (q.unit) {
    const named = items.find((i) => i.unit.id === q.unit)?.unit;
    unit = named ?? { id: q.unit, name: (await unitFacts(ctx.db, [q.unit])).get(q.unit)?.name ?? '' };
  }
  return {
    what: q.what,
    period: periodOut(r.period, r.rules, today),
    asOf: r.day,
    unit,
    kind: q.kind ?? null,
    count: items.length,
    items,
  };
}
