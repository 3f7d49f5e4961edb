/**
 * What one dossier contributes to the daily rollup buckets (unit × procedure × day) — pure.
 *
 * Two kinds of counters:
 * - **Flows**, counted on the day the event happened: received (receipt day), of which online, fee payable,
 *   paid online, digitised (thành phần hồ sơ số hóa); resolved early / on time / late, with an electronic
 *   result, the working days taken, rated and dissatisfied (resolution day); withdrawn (withdrawal day).
 * - **Stocks** stored as deltas: +1 on the day a dossier enters a processing state (not yet due, due soon,
 *   overdue, suspended; resolved but not yet collected) and −1 on the day it leaves it. The stock on a day D
 *   is the sum of the deltas of all days up to D, so "carried over" into a period is the stock on the day
 *   before it, and "processing" at its end the stock on its last day — no dossier is read.
 *
 * A dossier's contribution is stored with it; when it changes, `contributionDelta(old, new)` subtracts the
 * old one and adds the new one (also when its unit or procedure changed), so re-importing never counts
 * twice.
 */
import { addDays, type Calendar, type IsoDate } from '../calendar/index.js';
import {
  classify,
  DEFAULT_TIMING_RULES,
  maxDay,
  resolvedDayOf,
  stateChanges,
  withdrawnDayOf,
  type Channel,
  type DossierFacts,
  type ProcessingState,
  type TimingRules,
} from './dossier-timing.js';

export const FLOW_COUNTERS = [
  'received',
  'receivedOnline',
  'feePayable',
  'paidOnline',
  'digitised',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'eResult',
  'processingDaysSum',
  'rated',
  'dissatisfied',
  'withdrawn',
] as const;

/** Stocks, stored as day deltas. */
export const STOCK_COUNTERS = ['notYetDue', 'dueSoon', 'overdue', 'suspended', 'uncollected'] as const;

export const COUNTERS = [...FLOW_COUNTERS, ...STOCK_COUNTERS] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

/**
 * The code of each counter in a dossier's stored contribution (`contrib_counter`). Stored data: append new
 * counters with new codes, never renumber (migration 0027 wrote these codes).
 */
export const COUNTER_CODE: Readonly<Record<Counter, number>> = {
  received: 0,
  receivedOnline: 1,
  feePayable: 2,
  paidOnline: 3,
  digitised: 4,
  resolvedEarly: 5,
  resolvedOnTime: 6,
  resolvedLate: 7,
  eResult: 8,
  processingDaysSum: 9,
  rated: 10,
  dissatisfied: 11,
  withdrawn: 12,
  notYetDue: 13,
  dueSoon: 14,
  overdue: 15,
  suspended: 16,
  uncollected: 17,
};
const COUNTER_OF_CODE = new Map(Object.entries(COUNTER_CODE).map(([c, code]) => [code, c as Counter]));

export const RATINGS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export type RollupFacts = DossierFacts & {
  unitId: string;
  procedureId: string;
  channel: Channel;
  feePayable: boolean;
  paidOnline: boolean;
  digitised: boolean;
  eResult: boolean;
  rating: Rating | null;
  complained: boolean;
};

export type Contribution = {
  unitId: string;
  procedureId: string;
  /** Non-zero counters by day. */
  days: Record<IsoDate, Partial<Counters>>;
};

export type BucketDelta = { unitId: string; procedureId: string; day: IsoDate; counters: Partial<Counters> };

export const emptyCounters = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

const STATE_COUNTER: Record<ProcessingState, Counter> = {
  not_yet_due: 'notYetDue',
  due_soon: 'dueSoon',
  overdue: 'overdue',
  suspended: 'suspended',
};

/** The counters a dossier adds to its unit's and procedure's buckets, by day. */
export function contribution(
  cal: Calendar,
  d: RollupFacts,
  rules: TimingRules = DEFAULT_TIMING_RULES,
): Contribution {
  const days: Record<IsoDate, Partial<Counters>> = {};
  const bump = (day: IsoDate, counter: Counter, by = 1) => {
    if (by === 0) return;
    const bucket = (days[day] ??= {});
    const next = (bucket[counter] ?? 0) + by;
    if (next === 0) delete bucket[counter];
    else bucket[counter] = next;
    if (Object.keys(bucket).length === 0) delete days[day];
  };

  const changes = stateChanges(cal, d, rules);
  const received = changes[0]?.day ?? cal.effectiveReceiptDay(d.receivedAt);
  bump(received, 'received');
  if (d.channel === 'online') bump(received, 'receivedOnline');
  if (d.feePayable) bump(received, 'feePayable');
  if (d.feePayable && d.paidOnline) bump(received, 'paidOnline');
  if (d.digitised) bump(received, 'digitised');

  let previous: ProcessingState | null = null;
  for (const { day, state } of changes) {
    if (previous) bump(day, STATE_COUNTER[previous], -1);
    if (state) bump(day, STATE_COUNTER[state]);
    previous = state;
  }

  const resolvedDay = resolvedDayOf(cal, d);
  if (resolvedDay) {
    const c = classify(cal, d, resolvedDay, rules);
    if (c.state === 'resolved') {
      bump(
        resolvedDay,
        c.timing === 'early' ? 'resolvedEarly' : c.timing === 'on_time' ? 'resolvedOnTime' : 'resolvedLate',
      );
      bump(resolvedDay, 'processingDaysSum', c.workingDays);
      if (d.eResult) bump(resolvedDay, 'eResult');
      if (d.rating) bump(resolvedDay, 'rated');
      // QĐ 766/QĐ-TTg: a dossier rated "not satisfied", complained about or resolved late is not satisfied.
      if (d.rating === 'not_satisfied' || d.complained || c.timing === 'late')
        bump(resolvedDay, 'dissatisfied');
      bump(resolvedDay, 'uncollected');
      if (d.returnedAt) bump(maxDay(cal.localDateOf(d.returnedAt), resolvedDay), 'uncollected', -1);
    }
  } else {
    const withdrawnDay = withdrawnDayOf(cal, d);
    if (withdrawnDay) bump(withdrawnDay, 'withdrawn');
  }
  return { unitId: d.unitId, procedureId: d.procedureId, days };
}

/** A contribution as stored: parallel arrays sorted by day, then counter code (one order, so equal
 *  contributions are equal arrays and SQL can compare and unnest them). */
export type PackedContribution = { contribDay: IsoDate[]; contribCounter: number[]; contribValue: number[] };

export function packContribution(c: Contribution): PackedContribution {
  const out: PackedContribution = { contribDay: [], contribCounter: [], contribValue: [] };
  for (const day of Object.keys(c.days).sort()) {
    const counters = c.days[day]!;
    const codes = (Object.keys(counters) as Counter[])
      .map((name) => [COUNTER_CODE[name], counters[name]!] as const)
      .sort((a, b) => a[0] - b[0]);
    for (const [code, value] of codes) {
      out.contribDay.push(day);
      out.contribCounter.push(code);
      out.contribValue.push(value);
    }
  }
  return out;
}

export function unpackContribution(unitId: string, procedureId: string, p: PackedContribution): Contribution {
  const days: Record<IsoDate, Partial<Counters>> = {};
  p.contribDay.forEach((day, i) => {
    const counter = COUNTER_OF_CODE.get(p.contribCounter[i]!);
    if (!counter) throw new Error(`unknown counter code ${p.contribCounter[i]}`);
    (days[day] ??= {})[counter] = p.contribValue[i]!;
  });
  return { unitId, procedureId, days };
}

const bucketKey = (unitId: string, procedureId: string, day: IsoDate) => `${unitId}|${procedureId}|${day}`;

/** The changes to apply to the buckets when a dossier's contribution goes from `old` to `next` (either may
 *  be null: a new dossier, or one removed). Only non-zero counters and buckets are listed. */
export function contributionDelta(old: Contribution | null, next: Contribution | null): BucketDelta[] {
  const out = new Map<string, BucketDelta>();
  const apply = (c: Contribution, sign: 1 | -1) => {
    for (const [day, counters] of Object.entries(c.days)) {
      const key = bucketKey(c.unitId, c.procedureId, day);
      const entry = out.get(key) ?? { unitId: c.unitId, procedureId: c.procedureId, day, counters: {} };
      addCounters(entry.counters, counters, sign);
      out.set(key, entry);
    }
  };
  if (old) apply(old, -1);
  if (next) apply(next, 1);
  return [...out.values()]
    .filter((e) => Object.keys(e.counters).length > 0)
    .sort((a, b) =>
      bucketKey(a.unitId, a.procedureId, a.day) < bucketKey(b.unitId, b.procedureId, b.day) ? -1 : 1,
    );
}

/** Adds counters (for merging deltas of many dossiers into one write per bucket). */
export function mergeDeltas(deltas: readonly BucketDelta[]): BucketDelta[] {
  const out = new Map<string, BucketDelta>();
  for (const d of deltas) {
    const key = bucketKey(d.unitId, d.procedureId, d.day);
    const entry = out.get(key) ?? { unitId: d.unitId, procedureId: d.procedureId, day: d.day, counters: {} };
    addCounters(entry.counters, d.counters);
    out.set(key, entry);
  }
  return [...out.values()].filter((e) => Object.keys(e.counters).length > 0);
}

/** Adds `add` into `into`, dropping counters that come to zero. */
function addCounters(into: Partial<Counters>, add: Partial<Counters>, sign: 1 | -1 = 1): void {
  for (const [name, value] of Object.entries(add) as [Counter, number][]) {
    const sum = (into[name] ?? 0) + sign * value;
    if (sum === 0) delete into[name];
    else into[name] = sum;
  }
}

/**
 * Period totals from bucket rows: flows summed over `from..to`, stocks summed up to the day before `from`
 * (carried over) and up to `stockDay` (the period's last day, or today when the period is not over).
 * Pure mirror of the SQL the service runs, used by the tests as the reference.
 */
export type PeriodTotals = Record<(typeof FLOW_COUNTERS)[number], number> & {
  carriedOver: number;
  notYetDue: number;
  dueSoon: number;
  overdue: number;
  suspended: number;
  uncollected: number;
};

export function periodTotals(
  rows: readonly { day: IsoDate; counters: Partial<Counters> }[],
  from: IsoDate,
  stockDay: IsoDate,
  to: IsoDate = stockDay,
): PeriodTotals {
  const out = { ...Object.fromEntries(FLOW_COUNTERS.map((c) => [c, 0])), carriedOver: 0 } as PeriodTotals;
  for (const s of STOCK_COUNTERS) out[s] = 0;
  for (const { day, counters: c } of rows) {
    if (day >= from && day <= to) for (const f of FLOW_COUNTERS) out[f] += c[f] ?? 0;
    if (day < from) out.carriedOver += OPEN_STOCKS.reduce((n, s) => n + (c[s] ?? 0), 0);
    if (day <= stockDay) for (const s of STOCK_COUNTERS) out[s] += c[s] ?? 0;
  }
  return out;
}

/** The stocks that make up "processing" (đang giải quyết). */
export const OPEN_STOCKS = ['notYetDue', 'dueSoon', 'overdue', 'suspended'] as const;

// ---------------------------------------------------------------------------------------------------
// Grains: the same buckets by day, month and year, and for all procedures together

/** `procedure_id` of the buckets that add up all procedures of a unit (the nil UUID). */
export const ALL_PROCEDURES = '00000000-0000-0000-0000-000000000000';

export const GRAINS = ['d', 'm', 'y'] as const;
export type Grain = (typeof GRAINS)[number];

/** The first day of the bucket of `grain` that holds `day`. */
export const bucketStart = (grain: Grain, day: IsoDate): IsoDate =>
  grain === 'd' ? day : grain === 'm' ? `${day.slice(0, 7)}-01` : `${day.slice(0, 4)}-01-01`;

export type GrainDelta = BucketDelta & { grain: Grain };

/**
 * Day deltas → the deltas of every bucket they fall in: day, month and year, for the procedure and for
 * all procedures (six buckets each, merged). The bulk import does the same in SQL
 * (`applyStagedDossiers`); a test keeps the two equal.
 */
export function expandGrains(deltas: readonly BucketDelta[]): GrainDelta[] {
  const out = new Map<string, GrainDelta>();
  for (const d of deltas)
    for (const procedureId of [d.procedureId, ALL_PROCEDURES])
      for (const grain of GRAINS) {
        const day = bucketStart(grain, d.day);
        const key = `${grain}|${d.unitId}|${procedureId}|${day}`;
        const entry = out.get(key) ?? { grain, unitId: d.unitId, procedureId, day, counters: {} };
        addCounters(entry.counters, d.counters);
        out.set(key, entry);
      }
  return [...out.values()].filter((e) => Object.keys(e.counters).length > 0);
}

/**
 * The buckets whose sum is everything up to and including `day` (a prefix sum): the years before the
 * year of the next day, that year's months before the next day's month, and that month's days up to
 * `day`. At most (years of history) + 11 + 30 buckets per unit and procedure, whatever the history.
 * Each range is half-open: `[from, before)`.
 */
export type PrefixBuckets = {
  through: IsoDate;
  y: { before: IsoDate };
  m: { from: IsoDate; before: IsoDate };
  d: { from: IsoDate; before: IsoDate };
};

export function prefixBuckets(day: IsoDate): PrefixBuckets {
  const next = addDays(day, 1);
  const year = bucketStart('y', next);
  const month = bucketStart('m', next);
  return {
    through: day,
    y: { before: year },
    m: { from: year, before: month },
    d: { from: month, before: next },
  };
}

export const inPrefix = (p: PrefixBuckets, grain: Grain, day: IsoDate): boolean =>
  grain === 'y'
    ? day < p.y.before
    : grain === 'm'
      ? day >= p.m.from && day < p.m.before
      : day >= p.d.from && day < p.d.before;

/** Sum of the counters of the buckets (of any grains, one procedure scope) in the prefix up to `day`. */
export function prefixSum(
  rows: readonly { grain: Grain; day: IsoDate; counters: Partial<Counters> }[],
  day: IsoDate,
): Counters {
  const p = prefixBuckets(day);
  const out = emptyCounters();
  for (const r of rows)
    if (inPrefix(p, r.grain, r.day)) for (const c of COUNTERS) out[c] += r.counters[c] ?? 0;
  return out;
}

/**
 * Period totals from prefix sums: flows = prefix(to) − prefix(from − 1), carried over = the open stocks
 * of prefix(from − 1), stocks = prefix(stockDay). What the SQL of the services computes.
 */
export function totalsFromPrefixes(at: { before: Counters; to: Counters; stock: Counters }): PeriodTotals {
  const out = { carriedOver: OPEN_STOCKS.reduce((n, s) => n + at.before[s], 0) } as PeriodTotals;
  for (const f of FLOW_COUNTERS) out[f] = at.to[f] - at.before[f];
  for (const s of STOCK_COUNTERS) out[s] = at.stock[s];
  return out;
}
