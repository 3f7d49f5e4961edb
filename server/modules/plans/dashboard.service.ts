/**
 * The plan progress dashboard: KPIs of a plan as of any day, overall and by reform area, lead unit,
 * directing committee member and month, every number with the ids of exactly the tasks it counts, and
 * the drill-down that lists those tasks.
 *
 * - **As of a date.** Each task's status, due date and report/verification dates are rebuilt from its
 *   status events (./as-of.ts), never read from today's row; overdue is derived on that day with the
 *   working-day calendar (../tasks/overdue.ts). Tasks recorded later do not count.
 * - **Units.** By default a lead unit is shown as it was on the as-of day (its name then). Restated, each
 *   lead unit no longer in force today is carried onto the units that hold its facts today, through the
 *   unit registry's lineage (merge, absorb: the whole; split: a task goes to every successor, with the
 *   successor's share shown beside it).
 * - **Committee members.** A member's tasks are those they direct (`directingMemberId` is their
 *   membership or their account) together with the tasks led by the units they follow (monitoring
 *   assignments) on the as-of day, in the committee of the plan's owner unit in force then. A task can
 *   count for several members.
 * - **Method.** Completion follows the plan's declared method (../tasks/kpi.ts): count of verified tasks,
 *   or weighted; a task without a weight under the weighted method counts with weight 1 and is listed.
 * - **Trend.** For each month of the plan's year up to the as-of day: cumulative verified, verified on
 *   time and overdue at the month's end (the as-of day for its own month), from the events.
 *
 * Reads only: a handful of queries per request whatever the number of tasks or units (plan, tasks, their
 * status events, the calendar, the units, the committee; restated, one lineage look-up for all the lead
 * units no longer in force), plus one journal query when a task was extended more than once.
 */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { validation } from '../../core/errors.js';
import { searchJournal } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { committeeRoster, listCommittees } from '../committees/committees.service.js';
import { listProgrammes, pilotItemsForUnits, pilotKpis } from '../pilots/pilots.service.js';
import type { Calendar } from '../calendar/index.js';
import {
  computeKpis,
  DEFAULT_TIMING_RULE,
  taskTiming,
  type CompletionMethod,
  type KpiOptions,
  type Kpis,
  type TaskFact,
  type TaskStatus,
  type Timing,
  type TimingState,
} from '../tasks/index.js';
import { carriersOn } from '../units/carriers.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { unitDisplayName, unitFacts, viCollator } from '../units/units.service.js';
import { monthEnds, stateOn, timelineOf, type HistoryEvent, type TaskState, type Timeline } from './as-of.js';
import { getPlan } from './plans.service.js';
import { DIMENSIONS, METRICS, type Dimension, type MetricKey } from './plans.schemas.js';
import { planTasks } from './plans.table.js';
import { listEvents } from '../work/work.service.js';
import { REFORM_AREAS } from '../tasks/index.js';

export { DIMENSIONS, METRICS, type Dimension, type MetricKey };
/** Computed when `groupBy` is not given; pilots only on request (they are another module's figures). */
export const DEFAULT_DIMENSIONS: readonly Dimension[] = ['area', 'unit', 'member', 'trend'];

/** How a committee member's tasks are found (see the module comment). */
export const MEMBER_BASIS = 'directed_or_followed' as const;

export type DashboardQuery = {
  asOf?: string | undefined;
  restate?: boolean | undefined;
  /** Dimensions to compute besides the overall KPIs (default: all but pilots). */
  groupBy?: readonly Dimension[] | undefined;
};

export type UnitGroup = {
  key: string;
  name: string;
  fullName: string;
  /** As of: the unit was in force on the as-of day. Restated: it is in force today. */
  inForce: boolean;
  /** Restated: the historical lead units whose tasks this unit carries, with their shares. */
  restatedFrom: { unitId: string; name: string; weight: number }[];
  /** Restated: tasks that count here with a share below 1 (a split unit's tasks), by task id. */
  shares: Record<string, number>;
  kpis: Kpis;
};

export type MemberGroup = {
  key: string;
  name: string;
  position: string;
  office: string | null;
  userId: string | null;
  followedUnits: { unitId: string; name: string }[];
  /** The tasks counted because the member directs them (the rest come from the units followed). */
  directedTaskIds: string[];
  kpis: Kpis;
};

export type TrendPoint = {
  month: string;
  /** The day evaluated: the month's last day, or the as-of day for its own month. */
  on: string;
  verified: { value: number; taskIds: string[] };
  verifiedOnTime: { value: number; taskIds: string[] };
  overdue: { value: number; taskIds: string[] };
  completionPct: Kpis['completionPct'];
};

/** A pilot programme of the plan's committee and year, with its KPIs (from the pilots module). */
export type PilotGroup = {
  programmeId: string;
  committeeName: string;
  year: number;
  overall: Kpis;
  units: { pilotUnitId: string; unitId: string; unitName: string; kpis: Kpis }[];
};

export type Dashboard = {
  plan: { id: string; title: string; year: number; ownerUnitId: string };
  asOf: string;
  today: string;
  restate: boolean;
  method: { kind: CompletionMethod; unweightedTaskIds: string[] };
  memberBasis: typeof MEMBER_BASIS;
  committee: { id: string; name: string } | null;
  overall: Kpis;
  byArea: { key: string; kpis: Kpis }[] | null;
  byUnit: UnitGroup[] | null;
  byMember: MemberGroup[] | null;
  trend: TrendPoint[] | null;
  /**
   * Pilot programmes (chỉ đạo điểm) of the plan's committee in the plan's year, with the pilots module's
   * KPIs (`pilotKpis`); their task ids are pilot item ids. Only with `groupBy=pilot`.
   */
  pilots: PilotGroup[] | null;
};

type TaskRow = {
  id: string;
  title: string;
  reformArea: string;
  leadUnitId: string;
  directingMemberId: string | null;
  startDate: string | null;
  dueDate: string | null;
  originalDueDate: string | null;
  weight: number | null;
  status: string;
  reportedOn: string | null;
  verifiedOn: string | null;
  focus: boolean;
  createdAt: Date;
  updatedAt: Date;
};

type Loaded = {
  plan: Awaited<ReturnType<typeof getPlan>>;
  asOf: string;
  today: string;
  tasks: TaskRow[];
  timelines: Map<string, Timeline>;
  options: (date: string) => KpiOptions;
};

/** The as-of day: today by default; never in the future. */
function asOfDay(asOf: string | undefined, today: string): string {
  if (!asOf) return today;
  if (asOf > today) throw validation('asOf', 'dashboard.as_of_future', { today });
  return asOf;
}

/** Plan, tasks, their status events and the calendar: four queries whatever the plan's size. */
async function load(ctx: RequestContext, planId: string, asOfInput: string | undefined): Promise<Loaded> {
  const plan = await getPlan(ctx, planId);
  const today = todayInVietnam();
  const asOf = asOfDay(asOfInput, today);
  const tasks: TaskRow[] = await ctx.db
    .select({
      id: planTasks.id,
      title: planTasks.title,
      reformArea: planTasks.reformArea,
      leadUnitId: planTasks.leadUnitId,
      directingMemberId: planTasks.directingMemberId,
      startDate: planTasks.startDate,
      dueDate: planTasks.dueDate,
      originalDueDate: planTasks.originalDueDate,
      weight: planTasks.weight,
      status: planTasks.status,
      reportedOn: planTasks.reportedOn,
      verifiedOn: planTasks.verifiedOn,
      focus: planTasks.focus,
      createdAt: planTasks.createdAt,
      updatedAt: planTasks.updatedAt,
    })
    .from(planTasks)
    .where(eq(planTasks.planId, planId));
  const events = (
    await listEvents(
      ctx.db,
      'plan_task',
      tasks.map((t) => t.id),
      { statusChangesOnly: true, withFiles: false },
    )
  ).map((e) => ({
    taskId: e.itemId,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    on: e.on,
    at: e.at,
  }));
  const byTask = new Map<string, HistoryEvent[]>();
  for (const e of events) {
    const list = byTask.get(e.taskId);
    if (list) list.push(e);
    else byTask.set(e.taskId, [e]);
  }
  await fillExtensionDates(ctx, byTask);
  const calendar = fastCalendar(await loadCalendar(ctx.db));
  const timelines = new Map(
    tasks.map((t) => [
      t.id,
      timelineOf({
        id: t.id,
        status: t.status as TaskStatus,
        createdOn: todayInVietnam(t.createdAt),
        updatedOn: todayInVietnam(t.updatedAt),
        startDate: t.startDate,
        dueDate: t.dueDate,
        originalDueDate: t.originalDueDate,
        reportedOn: t.reportedOn,
        verifiedOn: t.verifiedOn,
        events: byTask.get(t.id) ?? [],
      }),
    ]),
  );
  const method = plan.method as CompletionMethod;
  return {
    plan,
    asOf,
    today,
    tasks,
    timelines,
    options: (date) => ({ method, today: date, timingRule: DEFAULT_TIMING_RULE, calendar }),
  };
}

const fastCalendars = new WeakMap<Calendar, Calendar>();

/**
 * The working-day calendar with two speed-ups for the dashboard, which asks the same questions for every
 * group and month: answers per day are remembered, and `workingDaysBetween(a, b)` is computed as the
 * difference of running counts of working days (one pass per year) instead of walking every day between
 * (a 2024 plan viewed in 2026 spans two years per task). Same answers as the calendar's own (tested);
 * kept per calendar object, which the calendar service replaces whenever a schedule changes.
 */
export function fastCalendar(calendar: Calendar): Calendar {
  const known = fastCalendars.get(calendar);
  if (known) return known;
  const working = new Map<string, boolean>();
  const isWorkingDay = (d: string) => {
    let w = working.get(d);
    if (w === undefined) working.set(d, (w = calendar.isWorkingDay(d)));
    return w;
  };
  // Running count of working days from 1 January of each year (index = day of the year − 1).
  const years = new Map<number, { total: number; upTo: Int16Array }>();
  const yearOf = (y: number) => {
    let entry = years.get(y);
    if (!entry) {
      const days = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
      const upTo = new Int16Array(days);
      let n = 0;
      for (let i = 0; i < days; i++) {
        if (isWorkingDay(new Date(Date.UTC(y, 0, 1 + i)).toISOString().slice(0, 10))) n++;
        upTo[i] = n;
      }
      years.set(y, (entry = { total: n, upTo }));
    }
    return entry;
  };
  const ANCHOR = 2000;
  /** Working days d with 1/1/ANCHOR ≤ d ≤ date (negative before the anchor year): differences only. */
  const count = (date: string) => {
    const y = Number(date.slice(0, 4));
    const index = (Date.parse(`${date}T00:00:00Z`) - Date.UTC(y, 0, 1)) / 86_400_000;
    let base = 0;
    for (let k = ANCHOR; k < y; k++) base += yearOf(k).total;
    for (let k = y; k < ANCHOR; k++) base -= yearOf(k).total;
    return base + yearOf(y).upTo[index]!;
  };
  const remember = <R>(f: (d: string, n: number) => R) => {
    const cache = new Map<string, R>();
    return (d: string, n: number): R => {
      const key = `${d}|${n}`;
      let r = cache.get(key);
      if (r === undefined) cache.set(key, (r = f(d, n)));
      return r;
    };
  };
  const fast: Calendar = {
    ...calendar,
    isWorkingDay,
    nextWorkingDay: (
      (next) => (d: string) =>
        next(d, 0)
    )(remember((d) => calendar.nextWorkingDay(d))),
    addWorkingDays: remember((d, n) => calendar.addWorkingDays(d, n)),
    workingDaysBetween: (a, b) => count(b) - count(a),
  };
  fastCalendars.set(calendar, fast);
  return fast;
}

/**
 * the events (`work_events`) do not keep the date an extension decided; the journal does (the task's row after the
 * change). Only needed for tasks extended more than once (the last extension set today's due date).
 */
async function fillExtensionDates(ctx: RequestContext, byTask: Map<string, HistoryEvent[]>) {
  const multi = [...byTask].filter(([, list]) => list.filter((e) => e.action === 'extend').length > 1);
  if (!multi.length) return;
  const wanted = new Set(multi.map(([id]) => id));
  const journal = (await searchJournal(ctx, { entity: 'task', action: 'extend', limit: 10_000 }))
    .filter((j) => wanted.has(j.entityId))
    .sort((a, b) => a.id - b.id);
  for (const [taskId, list] of multi) {
    const decided = journal
      .filter((j) => j.entityId === taskId)
      .map((j) => (j.after as { dueDate?: string | null } | null)?.dueDate ?? null);
    const extensions = list
      .filter((e) => e.action === 'extend')
      .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
    if (decided.length !== extensions.length) continue;
    extensions.forEach((e, i) => (e.newDueDate = decided[i] ?? null));
  }
}

/** The tasks that existed on `date`, as they stood then, as KPI facts. */
function factsOn(data: Loaded, date: string): { facts: TaskFact[]; states: Map<string, TaskState> } {
  const facts: TaskFact[] = [];
  const states = new Map<string, TaskState>();
  const weighted = data.plan.method === 'weighted';
  for (const t of data.tasks) {
    const s = stateOn(data.timelines.get(t.id)!, date);
    if (!s) continue;
    states.set(t.id, s);
    facts.push({
      id: t.id,
      status: s.status,
      dueDate: s.dueDate,
      completedOn: s.reportedOn,
      verifiedOn: s.verifiedOn,
      weight: weighted ? (validWeight(t.weight) ? t.weight : 1) : t.weight,
      reformArea: t.reformArea,
      leadUnitId: t.leadUnitId,
      directingMemberId: t.directingMemberId,
    });
  }
  return { facts, states };
}

const validWeight = (w: number | null): w is number => typeof w === 'number' && Number.isFinite(w) && w >= 0;

function byArea(facts: TaskFact[], options: KpiOptions) {
  const order = new Map<string, number>(REFORM_AREAS.map((a, i) => [a, i]));
  const groups = new Map<string, TaskFact[]>();
  for (const f of facts) {
    const key = f.reformArea ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups]
    .sort(([a], [b]) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b))
    .map(([key, list]) => ({ key, kpis: computeKpis(list, options) }));
}

type Carrier = { unitId: string; weight: number };

/** Each lead unit → the units carrying it (itself as of; today's successors restated). */
async function unitCarriers(
  ctx: RequestContext,
  data: Loaded,
  leadUnitIds: string[],
  restated: boolean,
): Promise<{
  carriers: Map<string, Carrier[]>;
  names: Map<string, { name: string; fullName: string; inForce: boolean }>;
}> {
  const ids = [...new Set(leadUnitIds)];
  const names = new Map<string, { name: string; fullName: string; inForce: boolean }>();
  const carriers = new Map<string, Carrier[]>();
  if (!restated) {
    const facts = await unitFacts(ctx.db, ids);
    // Names as they were on the as-of day (the plan owner's subtree then); units no longer or not yet
    // in force then keep their last recorded name.
    const then = new Map(
      (await unitsAsOf(ctx.db, { date: data.asOf, withinId: data.plan.ownerUnitId })).map((u) => [u.id, u]),
    );
    for (const id of ids) {
      const u = then.get(id);
      const f = facts.get(id);
      names.set(id, {
        name: (u && shownName(u)) ?? f?.name ?? id,
        fullName: u?.fullName ?? f?.fullName ?? id,
        inForce: !!u,
      });
      carriers.set(id, [{ unitId: id, weight: 1 }]);
    }
    return { carriers, names };
  }
  // The unit registry's one resolver (the same answer as the pilot page): lineage forward, and a district
  // abolished in 2025 carried by its communes' successors — for all the lead units at once.
  const resolved = await carriersOn(ctx.db, ids, data.today);
  for (const id of ids) {
    const r = resolved.get(id);
    const inForce = r?.status === 'in_force';
    names.set(id, {
      name: r?.unit ? shownName(r.unit) : id,
      fullName: r?.unit?.fullName ?? id,
      inForce,
    });
    if (!r || r.status !== 'carried') {
      // In force, or ended with nobody carrying it on: its facts stay with it.
      carriers.set(id, [{ unitId: id, weight: 1 }]);
      continue;
    }
    carriers.set(
      id,
      r.carriers.map((s) => ({ unitId: s.unitId, weight: s.weight })),
    );
    for (const s of r.carriers)
      names.set(s.unitId, { name: shownName(s.unit), fullName: s.unit.fullName, inForce: true });
  }
  return { carriers, names };
}

/**
 * A lead unit's name as the dashboard shows it: localities by their full name ("Huyện Diễn Châu", "Xã Diễn
 * Châu": the short name is the same for a district and the commune that continues it), others by their name.
 */
const shownName = unitDisplayName;

async function byUnit(
  ctx: RequestContext,
  data: Loaded,
  facts: TaskFact[],
  options: KpiOptions,
  restated: boolean,
): Promise<{ groups: UnitGroup[]; carriers: Map<string, Carrier[]> }> {
  const { carriers, names } = await unitCarriers(
    ctx,
    data,
    facts.map((f) => f.leadUnitId!),
    restated,
  );
  const groups = new Map<
    string,
    { facts: TaskFact[]; shares: Record<string, number>; from: Map<string, number> }
  >();
  for (const f of facts) {
    for (const c of carriers.get(f.leadUnitId!) ?? []) {
      let g = groups.get(c.unitId);
      if (!g) groups.set(c.unitId, (g = { facts: [], shares: {}, from: new Map() }));
      g.facts.push(f);
      if (c.weight < 1) g.shares[f.id] = c.weight;
      if (c.unitId !== f.leadUnitId) g.from.set(f.leadUnitId!, c.weight);
    }
  }
  const out: UnitGroup[] = [...groups].map(([key, g]) => ({
    key,
    name: names.get(key)?.name ?? key,
    fullName: names.get(key)?.fullName ?? key,
    inForce: names.get(key)?.inForce ?? false,
    restatedFrom: [...g.from]
      .map(([unitId, weight]) => ({ unitId, name: names.get(unitId)?.name ?? unitId, weight }))
      .sort((a, b) => viCollator.compare(a.name, b.name)),
    shares: g.shares,
    kpis: computeKpis(g.facts, options),
  }));
  return { groups: out.sort((a, b) => viCollator.compare(a.name, b.name)), carriers };
}

/** The committee of the plan's owner unit in force on the as-of day (the province's first). */
async function planCommittee(ctx: RequestContext, data: Loaded) {
  const committees = (await listCommittees(ctx, { hostUnitId: data.plan.ownerUnitId })).items.filter(
    (c) => c.foundedOn <= data.asOf && (c.dissolvedOn === null || c.dissolvedOn >= data.asOf),
  );
  return committees.find((c) => c.level === 'province') ?? committees[0] ?? null;
}

/** The pilot programmes of the plan's committee and year that the caller may read, with their KPIs. */
async function pilotGroups(
  ctx: RequestContext,
  data: Loaded,
  committeeId: string | null,
): Promise<PilotGroup[]> {
  if (!committeeId) return [];
  const { items } = await listProgrammes(ctx, { committeeId, year: data.plan.year }, data.asOf);
  const out: PilotGroup[] = [];
  for (const p of items.filter((x) => x.year === data.plan.year)) {
    const k = await pilotKpis(ctx, p.id, data.asOf);
    out.push({
      programmeId: p.id,
      committeeName: p.committeeName,
      year: p.year,
      overall: k.overall,
      units: k.units,
    });
  }
  return out;
}

async function byMember(
  ctx: RequestContext,
  data: Loaded,
  facts: TaskFact[],
  options: KpiOptions,
  carriers: Map<string, Carrier[]> | null,
): Promise<{ committee: { id: string; name: string } | null; groups: MemberGroup[] }> {
  const { committee, members } = await committeeRoster(ctx, data.plan.ownerUnitId, data.asOf);
  if (!committee) return { committee: null, groups: [] };
  const groups = members.map((m) => {
    const followed = new Set(m.assignments.map((a) => a.unitId));
    const directed = facts.filter(
      (f) => f.directingMemberId && (f.directingMemberId === m.id || f.directingMemberId === m.userId),
    );
    const directedIds = new Set(directed.map((f) => f.id));
    const mine = facts.filter(
      (f) =>
        directedIds.has(f.id) ||
        followed.has(f.leadUnitId!) ||
        (carriers?.get(f.leadUnitId!) ?? []).some((c) => followed.has(c.unitId)),
    );
    return {
      key: m.id,
      name: m.name,
      position: m.position,
      office: m.office,
      userId: m.userId,
      followedUnits: m.assignments.map((a) => ({ unitId: a.unitId, name: a.unitName })),
      directedTaskIds: directed.map((f) => f.id),
      kpis: computeKpis(mine, options),
    };
  });
  return { committee: { id: committee.id, name: committee.name }, groups };
}

function trend(data: Loaded): TrendPoint[] {
  return monthEnds(data.plan.year, data.asOf).map(({ month, on }) => {
    const k = computeKpis(factsOn(data, on).facts, data.options(on));
    return {
      month,
      on,
      verified: k.verified,
      verifiedOnTime: k.verifiedOnTime,
      overdue: k.overdue,
      completionPct: k.completionPct,
    };
  });
}

/** The dashboard of a plan (see the module comment). Readable by whoever may read the plan. */
export async function planDashboard(
  ctx: RequestContext,
  planId: string,
  query: DashboardQuery = {},
): Promise<Dashboard> {
  const data = await load(ctx, planId, query.asOf);
  return compute(ctx, data, query);
}

async function compute(ctx: RequestContext, data: Loaded, query: DashboardQuery): Promise<Dashboard> {
  const wanted = new Set<Dimension>(query.groupBy?.length ? query.groupBy : DEFAULT_DIMENSIONS);
  const restated = !!query.restate;
  const options = data.options(data.asOf);
  const { facts } = factsOn(data, data.asOf);
  const units = wanted.has('unit') || (wanted.has('member') && restated);
  const unit = units ? await byUnit(ctx, data, facts, options, restated) : null;
  const member = wanted.has('member')
    ? await byMember(ctx, data, facts, options, restated ? (unit?.carriers ?? null) : null)
    : null;
  const committee = member ? member.committee : wanted.has('pilot') ? await planCommittee(ctx, data) : null;
  const pilots = wanted.has('pilot') ? await pilotGroups(ctx, data, committee?.id ?? null) : null;
  return {
    plan: {
      id: data.plan.id,
      title: data.plan.title,
      year: data.plan.year,
      ownerUnitId: data.plan.ownerUnitId,
    },
    asOf: data.asOf,
    today: data.today,
    restate: restated,
    method: {
      kind: data.plan.method as CompletionMethod,
      unweightedTaskIds:
        data.plan.method === 'weighted'
          ? data.tasks.filter((t) => !validWeight(t.weight)).map((t) => t.id)
          : [],
    },
    memberBasis: MEMBER_BASIS,
    committee: committee ? { id: committee.id, name: committee.name } : null,
    overall: computeKpis(facts, options),
    byArea: wanted.has('area') ? byArea(facts, options) : null,
    byUnit: wanted.has('unit') ? (unit?.groups ?? []) : null,
    byMember: member?.groups ?? null,
    trend: wanted.has('trend') ? trend(data) : null,
    pilots,
  };
}

export type DrillQuery = {
  asOf?: string | undefined;
  restate?: boolean | undefined;
  /** Explicit task ids (of this plan). */
  ids?: string[] | undefined;
  /** Or a number of the dashboard: its dimension, group key and metric. */
  dimension?: 'overall' | Dimension | undefined;
  group?: string | undefined;
  metric?: MetricKey | undefined;
};

function idsOf(kpis: Kpis, metric: MetricKey): string[] {
  if (metric === 'completion') return kpis.completionPct.numeratorTaskIds;
  if (metric === 'owed') return kpis.completionPct.taskIds;
  return kpis[metric].taskIds;
}

function trendIds(point: TrendPoint, metric: MetricKey): string[] {
  switch (metric) {
    case 'verified':
    case 'verifiedOnTime':
    case 'overdue':
      return point[metric].taskIds;
    case 'completion':
      return point.completionPct.numeratorTaskIds;
    case 'owed':
      return point.completionPct.taskIds;
    default:
      throw validation('metric', 'dashboard.no_such_metric', { metric });
  }
}

export type DrillTask = {
  id: string;
  title: string;
  reformArea: string;
  focus: boolean;
  leadUnitId: string;
  leadUnitName: string;
  /** Restated: the units carrying the task today, with shares. */
  restatedUnits: { unitId: string; name: string; weight: number }[];
  /** The task existed on the as-of day (false only for explicit ids of later tasks). */
  existed: boolean;
  status: TaskStatus | null;
  dueDate: string | null;
  originalDueDate: string | null;
  extended: boolean;
  reportedOn: string | null;
  verifiedOn: string | null;
  weight: number | null;
  timing: Pick<Timing, 'state' | 'daysOverdue' | 'daysLeft' | 'effectiveDueDate'> | null;
};

/**
 * The tasks behind one number of the dashboard (the same computation picks them), or behind explicit
 * ids, as they stood on the as-of day: title, lead unit, status, due date and timing then.
 */
export async function dashboardTasks(
  ctx: RequestContext,
  planId: string,
  query: DrillQuery,
): Promise<{ asOf: string; restate: boolean; count: number; items: DrillTask[] }> {
  const data = await load(ctx, planId, query.asOf);
  const restated = !!query.restate;
  let ids: string[];
  if (query.dimension === 'pilot') return pilotTasks(ctx, data, query);
  if (query.ids?.length) {
    const known = new Set(data.tasks.map((t) => t.id));
    ids = [...new Set(query.ids)].filter((id) => known.has(id));
  } else {
    const dimension = query.dimension ?? 'overall';
    const metric = query.metric ?? 'total';
    if (dimension === 'overall') {
      ids = idsOf(computeKpis(factsOn(data, data.asOf).facts, data.options(data.asOf)), metric);
    } else {
      const group = query.group ?? '';
      const d = await compute(ctx, data, { asOf: data.asOf, restate: restated, groupBy: [dimension] });
      if (dimension === 'trend') {
        const point = d.trend?.find((p) => p.month === group);
        if (!point) throw validation('group', 'dashboard.no_such_group', { group });
        ids = trendIds(point, metric);
      } else {
        const list = dimension === 'area' ? d.byArea : dimension === 'unit' ? d.byUnit : d.byMember;
        const found = (list ?? []).find((g) => g.key === group);
        if (!found) throw validation('group', 'dashboard.no_such_group', { group });
        ids = idsOf(found.kpis, metric);
      }
    }
  }
  const { states } = factsOn(data, data.asOf);
  const rows = new Map(data.tasks.map((t) => [t.id, t]));
  const leadIds = ids.map((id) => rows.get(id)!.leadUnitId);
  const { carriers, names } = await unitCarriers(ctx, data, leadIds, restated);
  const calendar = data.options(data.asOf).calendar;
  const items = ids.map((id): DrillTask => {
    const t = rows.get(id)!;
    const s = states.get(id) ?? null;
    const timing = s
      ? taskTiming({
          status: s.status,
          dueDate: s.dueDate,
          completedOn: s.reportedOn,
          today: data.asOf,
          rule: DEFAULT_TIMING_RULE,
          calendar,
        })
      : null;
    return {
      id,
      title: t.title,
      reformArea: t.reformArea,
      focus: t.focus,
      leadUnitId: t.leadUnitId,
      leadUnitName: names.get(t.leadUnitId)?.name ?? t.leadUnitId,
      restatedUnits: restated
        ? (carriers.get(t.leadUnitId) ?? []).map((c) => ({
            unitId: c.unitId,
            name: names.get(c.unitId)?.name ?? c.unitId,
            weight: c.weight,
          }))
        : [],
      existed: !!s,
      status: s?.status ?? null,
      dueDate: s ? s.dueDate : t.dueDate,
      originalDueDate: t.originalDueDate,
      extended: s?.extended ?? false,
      reportedOn: s?.reportedOn ?? null,
      verifiedOn: s?.verifiedOn ?? null,
      weight: t.weight,
      timing: timing && {
        state: timing.state,
        daysOverdue: timing.daysOverdue,
        daysLeft: timing.daysLeft,
        effectiveDueDate: timing.effectiveDueDate,
      },
    };
  });
  items.sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || viCollator.compare(a.title, b.title),
  );
  return { asOf: data.asOf, restate: restated, count: items.length, items };
}

/**
 * The pilot items behind a pilot number: `group` is `<programmeId>` (the programme's overall figures) or
 * `<programmeId>:<pilotUnitId>`; the pilots module computes the number and lists the items.
 */
async function pilotTasks(
  ctx: RequestContext,
  data: Loaded,
  query: DrillQuery,
): Promise<{ asOf: string; restate: boolean; count: number; items: DrillTask[] }> {
  const [programmeId, pilotUnitId] = (query.group ?? '').split(':');
  const committee = await planCommittee(ctx, data);
  const programme = (await pilotGroups(ctx, data, committee?.id ?? null)).find(
    (p) => p.programmeId === programmeId,
  );
  const unit = pilotUnitId ? programme?.units.find((u) => u.pilotUnitId === pilotUnitId) : null;
  if (!programme || (pilotUnitId && !unit))
    throw validation('group', 'dashboard.no_such_group', { group: query.group ?? '' });
  const ids = new Set(idsOf(unit ? unit.kpis : programme.overall, query.metric ?? 'total'));
  const unitIds = unit ? [unit.unitId] : programme.units.map((u) => u.unitId);
  const found = (await pilotItemsForUnits(ctx, unitIds, data.asOf)).filter((i) => ids.has(i.id));
  const items: DrillTask[] = found.map((i) => ({
    id: i.id,
    title: i.title,
    reformArea: 'pilot',
    focus: false,
    leadUnitId: i.unitId,
    leadUnitName: i.unitName,
    restatedUnits: [],
    existed: true,
    status: i.status,
    dueDate: i.dueDate,
    originalDueDate: null,
    extended: false,
    reportedOn: null,
    verifiedOn: null,
    weight: null,
    timing: {
      state: i.timing.state as TimingState,
      daysOverdue: Number(i.timing.daysOverdue ?? 0),
      daysLeft: (i.timing.daysLeft as number | null | undefined) ?? null,
      effectiveDueDate: (i.timing.effectiveDueDate as string | null | undefined) ?? null,
    },
  }));
  items.sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || viCollator.compare(a.title, b.title),
  );
  return { asOf: data.asOf, restate: false, count: items.length, items };
}
