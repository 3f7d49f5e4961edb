/**
 * Dashboard and drill-down rules for dossiers — pure.
 *
 * - **Drill-down classes.** Every number a dashboard shows is a sum of rollup counters (rollup.ts): flows
 *   summed over the period, stocks summed up to the stock day, "carried over" the open stocks before the
 *   period. Each dossier stores the contribution it made to those counters, so the dossiers behind a
 *   number are exactly those whose own contribution, summed the same way, is positive. A class is that
 *   linear combination of counters (`DRILL_CLASSES`); the SQL of the list is generated from it.
 * - **Traffic lights.** Thresholds are data (`DEFAULT_THRESHOLDS`, chidao defaults **[?]** except where a
 *   source is named), a light is green / amber / red or null when the value is unknown.
 * - **Rankings** leave out the units that had ended before the period and have nothing in it.
 * - **Months** of a period for the trend (the keyset cursor of the dossier list: dossiers-query.cursor.ts).
 */
import type { Counter, PeriodTotals } from './rollup.js';

export type TermKind = 'flow' | 'stock' | 'carried';
export type Term = { kind: TermKind; counter: Counter; sign: 1 | -1 };

const flow = (...counters: Counter[]): Term[] =>
  counters.map((counter) => ({ kind: 'flow', counter, sign: 1 }));
const stock = (...counters: Counter[]): Term[] =>
  counters.map((counter) => ({ kind: 'stock', counter, sign: 1 }));
const OPEN: Counter[] = ['notYetDue', 'dueSoon', 'overdue', 'suspended'];
const carried: Term[] = OPEN.map((counter) => ({ kind: 'carried', counter, sign: 1 }));
const minus = (terms: Term[]): Term[] => terms.map((t) => ({ ...t, sign: (t.sign * -1) as 1 | -1 }));

/** Received in the period + carried over − withdrawn (Gia Lai "phải giải quyết"). */
const TO_PROCESS: Term[] = [...flow('received'), ...carried, ...minus(flow('withdrawn'))];
/** Overdue at the stock day + resolved late in the period. */
const LATE: Term[] = [...stock('overdue'), ...flow('resolvedLate')];

/**
 * The classes a drill-down can list, each the same combination of counters as the figure it explains
 * (indicators.ts): `toProcess` is the denominator of the on-time and late rates, `late`/`onTime` their
 * numerators, `online` the online rate's numerator over `received`, and so on.
 */
export const DRILL_CLASSES = {
  toProcess: TO_PROCESS,
  received: flow('received'),
  carriedOver: carried,
  resolved: flow('resolvedEarly', 'resolvedOnTime', 'resolvedLate'),
  resolvedEarly: flow('resolvedEarly'),
  resolvedOnTime: flow('resolvedOnTime'),
  resolvedLate: flow('resolvedLate'),
  onTime: [...TO_PROCESS, ...minus(LATE)],
  late: LATE,
  processing: stock(...OPEN),
  notYetDue: stock('notYetDue'),
  dueSoon: stock('dueSoon'),
  overdue: stock('overdue'),
  suspended: stock('suspended'),
  uncollected: stock('uncollected'),
  withdrawn: flow('withdrawn'),
  online: flow('receivedOnline'),
  feePayable: flow('feePayable'),
  paidOnline: flow('paidOnline'),
  digitised: flow('digitised'),
  eResult: flow('eResult'),
  dissatisfied: flow('dissatisfied'),
} satisfies Record<string, Term[]>;
export type DrillClass = keyof typeof DRILL_CLASSES;
export const DRILL_CLASS_KEYS = Object.keys(DRILL_CLASSES) as [DrillClass, ...DrillClass[]];

/** A dossier's counters summed the way a period's figures are (the pure mirror of the list's SQL). */
export type DossierSums = {
  flow: Partial<Record<Counter, number>>;
  stock: Partial<Record<Counter, number>>;
  carried: Partial<Record<Counter, number>>;
};

export function sumsOf(
  days: Record<string, Partial<Record<Counter, number>>>,
  from: string,
  to: string,
  stockDay: string,
): DossierSums {
  const out: DossierSums = { flow: {}, stock: {}, carried: {} };
  const add = (into: Partial<Record<Counter, number>>, c: Counter, v: number) => {
    into[c] = (into[c] ?? 0) + v;
  };
  for (const [day, counters] of Object.entries(days))
    for (const [c, v] of Object.entries(counters) as [Counter, number][]) {
      if (day >= from && day <= to) add(out.flow, c, v);
      if (day <= stockDay) add(out.stock, c, v);
      if (day < from) add(out.carried, c, v);
    }
  return out;
}

/** The dossier's value in a class: 1 when it is behind the number, 0 otherwise (never negative). */
export function classValue(sums: DossierSums, cls: DrillClass): number {
  return DRILL_CLASSES[cls].reduce((n, t) => n + t.sign * (sums[t.kind][t.counter] ?? 0), 0);
}

// ---------------------------------------------------------------------------------------------------
// Which units a ranking shows

/**
 * Whether a period's totals hold any of the figures a ranking shows or derives its rates from: a flow of
 * the period, a dossier carried over, a dossier still processing on the stock day. Results waiting to be
 * collected (`uncollected`, a stock that can linger for years) do not count: no ranking column shows them
 * (the province's total still does).
 */
export function hasFigures(t: PeriodTotals): boolean {
  return Object.entries(t).some(([key, v]) => key !== 'uncollected' && Math.abs(v) > 1e-9);
}

/**
 * Whether a unit has a row in a ranking of a period: every unit in force during the period (even with
 * nothing to show: a unit without dossiers is news), and a unit that had ended before the period only
 * when it still has figures in it (dossiers carried over and still processing…). The units that ended
 * years ago — a province's old districts and communes — would otherwise fill the ranking with zeros.
 */
export function shownInRanking(unit: { validTo: string | null }, from: string, t: PeriodTotals): boolean {
  return unit.validTo === null || unit.validTo >= from || hasFigures(t);
}

// ---------------------------------------------------------------------------------------------------
// Traffic lights

export type Light = 'green' | 'amber' | 'red';
export type Threshold = {
  /** The indicator (indicators.ts key, or `qd766` for score ÷ covered maximum). */
  key:
    | 'onTimeRate'
    | 'lateRate'
    | 'onlineRate'
    | 'onlinePaymentRate'
    | 'digitisationRate'
    | 'eResultRate'
    | 'satisfaction'
    | 'qd766';
  /** `higher`: green at or above `green`; `lower`: green at or below `green`. */
  direction: 'higher' | 'lower';
  green: number;
  amber: number;
  /** Where the level comes from; null for chidao's default [?]. */
  source: string | null;
};

export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  { key: 'onTimeRate', direction: 'higher', green: 0.98, amber: 0.95, source: null },
  { key: 'lateRate', direction: 'lower', green: 0.02, amber: 0.05, source: null },
  {
    key: 'onlineRate',
    direction: 'higher',
    green: 0.8,
    amber: 0.5,
    source: 'Mục tiêu năm 2025: 80% hồ sơ TTHC được tiếp nhận trực tuyến',
  },
  { key: 'onlinePaymentRate', direction: 'higher', green: 0.5, amber: 0.3, source: null },
  { key: 'digitisationRate', direction: 'higher', green: 0.8, amber: 0.5, source: null },
  { key: 'eResultRate', direction: 'higher', green: 0.8, amber: 0.5, source: null },
  { key: 'satisfaction', direction: 'higher', green: 0.95, amber: 0.9, source: null },
  { key: 'qd766', direction: 'higher', green: 0.9, amber: 0.8, source: null },
];

export function trafficLight(value: number | null | undefined, t: Threshold): Light | null {
  if (value == null || !Number.isFinite(value)) return null;
  if (t.direction === 'higher') return value >= t.green ? 'green' : value >= t.amber ? 'amber' : 'red';
  return value <= t.green ? 'green' : value <= t.amber ? 'amber' : 'red';
}

/** Problems of a threshold list (for a later editable version): amber on the right side of green. */
export function thresholdProblems(list: readonly Threshold[]): string[] {
  const p: string[] = [];
  for (const t of list) {
    if (t.direction === 'higher' && t.amber > t.green) p.push(`${t.key}: amber above green`);
    if (t.direction === 'lower' && t.amber < t.green) p.push(`${t.key}: amber below green`);
  }
  const keys = list.map((t) => t.key);
  if (new Set(keys).size !== keys.length) p.push('an indicator is listed twice');
  return p;
}

// ---------------------------------------------------------------------------------------------------
// Months

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The calendar months a period touches, each clipped to the period: `{ month: 'YYYY-MM', from, to }`. */
export function monthsOf(from: string, to: string): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const month = `${y}-${pad(m)}`;
    if (month > to.slice(0, 7)) break;
    const start = `${month}-01`;
    const end = `${month}-${pad(lastDayOfMonth(y, m))}`;
    out.push({ month, from: start < from ? from : start, to: end > to ? to : end });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
