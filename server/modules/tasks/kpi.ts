/**
 * Plan KPIs over task facts, every number traceable to the tasks it counts (`{ value, taskIds }`).
 *
 * Completion rate, by the method the plan declares:
 * - `count`:    verified / (total − cancelled)
 * - `weighted`: Σ weight of verified / Σ weight of non-cancelled
 * Cancelled tasks leave the denominator: a task the committee cancelled (with a decision) is no longer
 * owed. Percentages are kept unrounded (0–100) and rounded to two decimals for display only (`roundPct`,
 * `formatPct`: vi "55,36%", en "55.36%").
 *
 * Status counts partition the tasks (notStarted + inProgress + reportedDone + returned + verified +
 * cancelled = total); `overdue` and `verifiedOnTime` cut across them and come from ./overdue.ts.
 */
import { daysBetween, parseIsoDate, type Calendar, type IsoDate } from '../calendar/index.js';
import { taskTiming, type TimingRule } from './overdue.js';
import type { TaskStatus } from './task-status.js';

export type CompletionMethod = 'count' | 'weighted';

/** What the KPIs need to know about a task (one row of a plan's tasks). */
export type TaskFact = {
  id: string;
  status: TaskStatus;
  dueDate: IsoDate | null;
  /** Date of the done report (verified or awaiting verification); see `TimingInput.completedOn`. */
  completedOn?: IsoDate | null;
  /** Date the standing agency verified the task; needed by `verifiedTrend`. */
  verifiedOn?: IsoDate | null;
  /** Needed (finite, ≥ 0) under the `weighted` method. */
  weight?: number | null;
  reformArea?: string | null;
  leadUnitId?: string | null;
  directingMemberId?: string | null;
};

export type Metric = { value: number; taskIds: string[] };

/** `value` is a percentage 0–100, or null when nothing is owed (empty denominator). */
export type PctMetric = {
  value: number | null;
  method: CompletionMethod;
  numerator: number;
  denominator: number;
  /** The verified tasks counted in the numerator. */
  numeratorTaskIds: string[];
  /** The non-cancelled tasks of the denominator. */
  taskIds: string[];
};

export type Kpis = {
  total: Metric;
  notStarted: Metric;
  inProgress: Metric;
  reportedDone: Metric;
  returned: Metric;
  verified: Metric;
  cancelled: Metric;
  verifiedOnTime: Metric;
  overdue: Metric;
  completionPct: PctMetric;
};

export type KpiOptions = {
  method: CompletionMethod;
  today: IsoDate;
  timingRule: TimingRule;
  /** Required when `timingRule.countIn` is 'working_days'. */
  calendar?: Calendar;
};

const metric = (facts: readonly TaskFact[]): Metric => ({
  value: facts.length,
  taskIds: facts.map((f) => f.id),
});

function weightOf(fact: TaskFact): number {
  const w = fact.weight;
  if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
    throw new RangeError(`Task ${fact.id} has no valid weight (${String(w)}) under the weighted method`);
  return w;
}

/** Completion of `facts` (verified over non-cancelled) by the declared method. */
export function completion(facts: readonly TaskFact[], method: CompletionMethod): PctMetric {
  const owed = facts.filter((f) => f.status !== 'cancelled');
  const done = owed.filter((f) => f.status === 'verified');
  const sum = (list: TaskFact[]) =>
    method === 'count' ? list.length : list.reduce((acc, f) => acc + weightOf(f), 0);
  const denominator = sum(owed);
  const numerator = sum(done);
  return {
    value: denominator > 0 ? (numerator * 100) / denominator : null,
    method,
    numerator,
    denominator,
    numeratorTaskIds: done.map((f) => f.id),
    taskIds: owed.map((f) => f.id),
  };
}

/** The KPIs of a list of tasks on `options.today`. */
export function computeKpis(facts: readonly TaskFact[], options: KpiOptions): Kpis {
  const ids = new Set<string>();
  for (const f of facts) {
    if (ids.has(f.id)) throw new RangeError(`Task ${f.id} is listed twice`);
    ids.add(f.id);
  }
  const withStatus = (s: TaskStatus) => metric(facts.filter((f) => f.status === s));
  const timings = new Map(
    facts.map((f) => [
      f.id,
      taskTiming({
        status: f.status,
        dueDate: f.dueDate,
        completedOn: f.completedOn ?? null,
        today: options.today,
        rule: options.timingRule,
        calendar: options.calendar,
      }).state,
    ]),
  );
  return {
    total: metric(facts),
    notStarted: withStatus('not_started'),
    inProgress: withStatus('in_progress'),
    reportedDone: withStatus('reported_done'),
    returned: withStatus('returned'),
    verified: withStatus('verified'),
    cancelled: withStatus('cancelled'),
    verifiedOnTime: metric(
      facts.filter((f) => timings.get(f.id) === 'done_on_time' && f.status === 'verified'),
    ),
    overdue: metric(facts.filter((f) => timings.get(f.id) === 'overdue')),
    completionPct: completion(facts, options.method),
  };
}

export type KpiGroup = { key: string | null; kpis: Kpis };

/**
 * KPIs per group (`keyOf` may return null: "not assigned"). Groups are sorted by key, null last, so the
 * output is stable whatever the input order.
 */
export function kpisBy(
  facts: readonly TaskFact[],
  keyOf: (fact: TaskFact) => string | null | undefined,
  options: KpiOptions,
): KpiGroup[] {
  const groups = new Map<string | null, TaskFact[]>();
  for (const f of facts) {
    const key = keyOf(f) ?? null;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.keys()]
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, kpis: computeKpis(groups.get(key) ?? [], options) }));
}

export const kpisByReformArea = (facts: readonly TaskFact[], options: KpiOptions) =>
  kpisBy(facts, (f) => f.reformArea, options);
export const kpisByLeadUnit = (facts: readonly TaskFact[], options: KpiOptions) =>
  kpisBy(facts, (f) => f.leadUnitId, options);
export const kpisByDirectingMember = (facts: readonly TaskFact[], options: KpiOptions) =>
  kpisBy(facts, (f) => f.directingMemberId, options);

export type TrendPoint = {
  /** 'YYYY-MM' */
  month: string;
  monthEnd: IsoDate;
  verifiedInMonth: Metric;
  /** Tasks verified on or before the month's last day. */
  cumulativeVerified: Metric;
  /** Cumulative completion by the declared method against today's denominator (non-cancelled tasks). */
  cumulativePct: number | null;
};

const MONTH = /^(\d{4})-(\d{2})$/;

function monthEndOf(year: number, month: number): IsoDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Month-by-month trend of verified tasks from month `from` to month `to` ('YYYY-MM', both included): for
 * each month the tasks verified in it and cumulatively by its last day. Uses the tasks' current status and
 * `verifiedOn`: a task verified in March and reopened since does not count in March (no status history).
 */
export function verifiedTrend(
  facts: readonly TaskFact[],
  range: { from: string; to: string },
  method: CompletionMethod,
): TrendPoint[] {
  const [from, to] = [MONTH.exec(range.from), MONTH.exec(range.to)];
  if (!from || !to) throw new RangeError(`Months must be YYYY-MM: ${range.from} – ${range.to}`);
  const verified = facts.filter((f) => f.status === 'verified');
  for (const f of verified) {
    if (!f.verifiedOn) throw new RangeError(`Verified task ${f.id} has no verifiedOn date`);
    parseIsoDate(f.verifiedOn);
  }
  const total = completion(facts, method);
  const points: TrendPoint[] = [];
  let [year, month] = [Number(from[1]), Number(from[2])];
  const [endYear, endMonth] = [Number(to[1]), Number(to[2])];
  if (month < 1 || month > 12 || endMonth < 1 || endMonth > 12) throw new RangeError('No such month');
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const monthEnd = monthEndOf(year, month);
    const key = monthEnd.slice(0, 7);
    const upTo = verified.filter((f) => daysBetween(f.verifiedOn as IsoDate, monthEnd) >= 0);
    const upToWeight = method === 'count' ? upTo.length : upTo.reduce((acc, f) => acc + weightOf(f), 0);
    points.push({
      month: key,
      monthEnd,
      verifiedInMonth: metric(upTo.filter((f) => (f.verifiedOn as IsoDate).startsWith(key))),
      cumulativeVerified: metric(upTo),
      cumulativePct: total.denominator > 0 ? (upToWeight * 100) / total.denominator : null,
    });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return points;
}

/** A percentage rounded half-up to two decimals (55.357… → 55.36), exact on decimal ties (1.005 → 1.01). */
export function roundPct(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite percentage: ${value}`);
  if (Math.abs(value) < 1e-6) return 0;
  const sign = value < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(value)}e2`))}e-2`);
}

/**
 * A percentage for display, two decimals: vi "55,36%", en "55.36%"; "—" for null (nothing owed).
 * (The brief asks for no space before "%"; the web's `formatShare` writes "33,33 %".)
 */
export function formatPct(value: number | null, locale: 'vi' | 'en'): string {
  if (value === null) return '—';
  const text = roundPct(value).toFixed(2);
  return `${locale === 'vi' ? text.replace('.', ',') : text}%`;
}
