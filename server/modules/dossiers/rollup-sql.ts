/**
 * SQL over the rollup buckets (`dossier_rollups`): period totals as differences of prefix sums, read at
 * the coarsest grains that cover them (rollup.ts `prefixBuckets`). Shared by the indicators and the
 * dashboard reads, so both count the same way. Dates reaching these functions are validated ISO dates
 * (Zod), so they are inlined as literals, which lets PostgreSQL pick range scans per grain.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../calendar/index.js';
import { addDays } from '../calendar/index.js';
import {
  COUNTERS,
  FLOW_COUNTERS,
  OPEN_STOCKS,
  prefixBuckets,
  STOCK_COUNTERS,
  type Counter,
  type Grain,
  type PeriodTotals,
} from './rollup.js';

/** The column of each counter. */
export const COLUMN = Object.fromEntries(
  COUNTERS.map((c) => [c, c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)]),
) as Readonly<Record<Counter, string>>;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const lit = (day: IsoDate) => {
  if (!ISO.test(day)) throw new Error(`not an ISO date: ${day}`);
  return `'${day}'::date`;
};

/** Condition (SQL text) that a bucket row lies in the prefix up to and including `day`. */
export function prefixCondition(day: IsoDate): string {
  const p = prefixBuckets(day);
  const parts = [`(grain = 'y' AND day < ${lit(p.y.before)})`];
  if (p.m.from < p.m.before)
    parts.push(`(grain = 'm' AND day >= ${lit(p.m.from)} AND day < ${lit(p.m.before)})`);
  if (p.d.from < p.d.before)
    parts.push(`(grain = 'd' AND day >= ${lit(p.d.from)} AND day < ${lit(p.d.before)})`);
  return `(${parts.join(' OR ')})`;
}

export const emptyTotals = (): PeriodTotals => {
  const t = { carriedOver: 0 } as PeriodTotals;
  for (const c of COUNTERS) t[c] = 0;
  return t;
};

export const addInto = (into: PeriodTotals, t: PeriodTotals, weight: number) => {
  for (const k of Object.keys(into) as (keyof PeriodTotals)[]) into[k] += t[k] * weight;
};

/**
 * Period totals per group: flows = prefix(to) − prefix(from − 1), carried over = open stocks of
 * prefix(from − 1), stocks = prefix(stockDay). `keys` are the grouping columns (e.g. `unit_id`), `scope`
 * the bucket filter (which procedure rows, which units). Only the buckets of the three prefixes are read.
 */
export function periodTotalsSql(q: {
  from: IsoDate;
  to: IsoDate;
  stockDay: IsoDate;
  keys: readonly string[];
  scope: SQL;
}): SQL {
  const days = { to: q.to, before: addDays(q.from, -1), stock: q.stockDay };
  const keys = q.keys.join(', ');
  const open = OPEN_STOCKS.map((s) => COLUMN[s]).join(' + ');
  const select = [
    ...FLOW_COUNTERS.map((c) => `SUM(${COLUMN[c]} * (in_to - in_before))::float8 AS "${COLUMN[c]}"`),
    `SUM((${open}) * in_before)::float8 AS carried_over`,
    ...STOCK_COUNTERS.map((c) => `SUM(${COLUMN[c]} * in_stock)::float8 AS "${COLUMN[c]}"`),
  ].join(', ');
  const flags = Object.entries(days)
    .map(([name, day]) => `(${prefixCondition(day)})::int AS in_${name}`)
    .join(', ');
  const columns = `${keys}, ${COUNTERS.map((c) => COLUMN[c]).join(', ')}, ${flags}`;
  return sql`SELECT ${sql.raw(keys)}, ${sql.raw(select)}
               FROM (${prefixRowsSql(q.scope, Object.values(days), columns)}) AS r
              GROUP BY ${sql.raw(keys)}`;
}

/**
 * The bucket rows (`columns` of them) a set of prefixes needs: one index range scan per grain over the
 * hull of the prefixes, not one OR over the whole table (which PostgreSQL reads sequentially). Rows
 * outside a given prefix are still returned; test them with `prefixCondition`.
 */
export function prefixRowsSql(scope: SQL, days: readonly IsoDate[], columns: string): SQL {
  const branches = prefixHull(days).map(
    (r) => sql`SELECT ${sql.raw(columns)} FROM dossier_rollups
                WHERE ${scope} AND grain = ${sql.raw(`'${r.grain}'`)}
                  ${sql.raw(r.from ? `AND day >= ${lit(r.from)}` : '')} AND day < ${sql.raw(lit(r.before))}`,
  );
  return sql.join(branches, sql` UNION ALL `);
}

/** Per grain, the smallest range of bucket days that holds the buckets of all the given prefixes. */
export function prefixHull(
  days: readonly IsoDate[],
): { grain: Grain; from: IsoDate | null; before: IsoDate }[] {
  const ps = days.map(prefixBuckets);
  const out: { grain: Grain; from: IsoDate | null; before: IsoDate }[] = [
    { grain: 'y', from: null, before: ps.map((p) => p.y.before).reduce((a, b) => (a > b ? a : b)) },
  ];
  for (const grain of ['m', 'd'] as const) {
    const ranges = ps.map((p) => p[grain]).filter((r) => r.from < r.before);
    if (ranges.length)
      out.push({
        grain,
        from: ranges.map((r) => r.from).reduce((a, b) => (a < b ? a : b)),
        before: ranges.map((r) => r.before).reduce((a, b) => (a > b ? a : b)),
      });
  }
  return out;
}

/** A row of `periodTotalsSql` → totals. */
export function totalsOfRow(row: Record<string, unknown>): PeriodTotals {
  const t = emptyTotals();
  for (const c of COUNTERS) t[c] = Number(row[COLUMN[c]] ?? 0);
  t.carriedOver = Number(row.carried_over ?? 0);
  return t;
}
