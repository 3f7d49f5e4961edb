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
 * - **Rankings** leave out the units that had ended before the period and have nothing in it, hide the
 *   units ended by the stock day unless asked, and rank by `RANKING_RULE` (ties share a rank).
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
// The order of a ranking

/** A row to rank: the figures its order is made of. */
export type RankInput = {
  key: string;
  name: string;
  /** Dossiers received in the period and dossiers to process (received + carried over − withdrawn). */
  received: number;
  toProcess: number;
  /** QĐ 766 score ÷ the maximum of the groups it covers (0–1), null when no group has data. */
  qd766Share: number | null;
  onTimeRate: number | null;
  onlineRate: number | null;
};

export type RankOut = {
  /** 1 = best; rows that compare equal on every key share it ("đồng hạng"); null without dossiers. */
  rank: number | null;
  /** Another row has the same rank. */
  tied: boolean;
  /** Nothing received, carried over or processing in the period: listed last, with no rank. */
  noDossiers: boolean;
};

/**
 * The ranking rule (a version, shown on the page): highest first by
 *  1. the QĐ 766 score as a share of the maximum it covers (QĐ 766/QĐ-TTg: the five-group score is the
 *     measure of service quality; shares, because rows may cover different groups), to 0.1 point of 100;
 *  2. the on-time rate (Gia Lai statistics), to 0.01%;
 *  3. the online-submission rate, to 0.01%.
 * Values are compared as displayed (rounded), so two rows that look the same rank the same: equal on every
 * key → the same rank (competition ranking 1, 1, 3), listed in Vietnamese order of names. A missing value
 * ranks below any value. Rows with no dossiers in the period get no rank and come last.
 */
export const RANKING_RULE = {
  version: 'dossier-ranking-1',
  keys: ['qd766Share', 'onTimeRate', 'onlineRate'] as const,
  /** Rounding of each key before comparing: 0.1 point of 100, 0.01%, 0.01%. */
  steps: { qd766Share: 1000, onTimeRate: 10000, onlineRate: 10000 },
} as const;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const rounded = (v: number | null, step: number) =>
  v === null || !Number.isFinite(v) ? null : Math.round(v * step);

/** Compares two rows by the ranking keys only (negative: `a` ranks higher); 0 = tied. */
export function compareRank(a: RankInput, b: RankInput): number {
  for (const k of RANKING_RULE.keys) {
    const x = rounded(a[k], RANKING_RULE.steps[k]);
    const y = rounded(b[k], RANKING_RULE.steps[k]);
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x;
  }
  return 0;
}

export const hasDossiers = (r: Pick<RankInput, 'received' | 'toProcess'>) =>
  Math.abs(r.received) > 1e-9 || Math.abs(r.toProcess) > 1e-9;

/**
 * Rows in ranking order (`RANKING_RULE`; ties by name, then key) with each row's rank; rows without
 * dossiers last (by name), unranked.
 */
export function rankRows<T extends RankInput>(rows: readonly T[]): (T & RankOut)[] {
  const byName = (a: T, b: T) =>
    collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const ranked = rows.filter(hasDossiers).sort((a, b) => compareRank(a, b) || byName(a, b));
  const empty = rows.filter((r) => !hasDossiers(r)).sort(byName);
  const out: (T & RankOut)[] = [];
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    const rank = prev && compareRank(prev, r) === 0 ? out[i - 1]!.rank : i + 1;
    out.push({ ...r, rank, tied: false, noDossiers: false });
  });
  const counts = new Map<number, number>();
  for (const r of out) counts.set(r.rank!, (counts.get(r.rank!) ?? 0) + 1);
  for (const r of out) r.tied = counts.get(r.rank!)! > 1;
  for (const r of empty) out.push({ ...r, rank: null, tied: false, noDossiers: true });
  return out;
}

/**
 * Whether a ranking row is a unit that was no longer in force on the stock day (merged, split, abolished):
 * hidden unless asked for — its figures stay in the total, and restated they count for its successors.
 */
export const endedBy = (unit: { validTo: string | null }, stockDay: string) =>
  unit.validTo !== null && unit.validTo < stockDay;

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
