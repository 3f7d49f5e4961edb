/**
 * The results page's rules: pure, tested in ./resultsModel.test.ts. The ranks, grades and changes are the server's
 * (never recomputed here); this groups, finds, summarises and formats them.
 */
import { foldVi } from '../../../lib/format';
import type { ResultRow } from './api';

type Group = ResultRow['group'];

/** The groups in the order the province publishes them: departments, communes, the others. */
export const GROUP_ORDER: readonly Group[] = ['department', 'commune', 'other'];

/** The rows of each group that has any, in the server's ranking order. */
export function byGroup(rows: readonly ResultRow[]): { group: Group; rows: ResultRow[] }[] {
  return GROUP_ORDER.map((group) => ({ group, rows: rows.filter((r) => r.group === group) })).filter(
    (g) => g.rows.length > 0,
  );
}

/** The rows whose rank another row of the group shares ("đồng hạng"). */
export function tiedRows(rows: readonly ResultRow[]): Set<string> {
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.group}:${r.rank}`, (count.get(`${r.group}:${r.rank}`) ?? 0) + 1);
  return new Set(rows.filter((r) => (count.get(`${r.group}:${r.rank}`) ?? 0) > 1).map((r) => r.assessmentId));
}

/** The unit's name holds the words typed, accents and case ignored ("so tu phap" finds "Sở Tư pháp"). */
export function matches(row: ResultRow, query: string): boolean {
  const needle = foldVi(query);
  if (!needle) return true;
  const name = foldVi(row.unitName);
  return needle.split(/\s+/).every((w) => name.includes(w));
}

/**
 * As published: two decimals, half away from zero, decided on the digits people see (88.805 → 88.81, although the
 * double nearest 88.805 is a hair below it) — the same rounding the server grades and ranks with
 * (server/modules/parindex/rules/numbers.ts `round2`), so that the page and the decision never disagree.
 */
export function round2(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  if (abs >= 1e13) return value;
  const hundredths = abs * 100;
  const whole = Math.floor(hundredths);
  let result: number;
  if (Math.abs(hundredths - whole - 0.5) > 1e-6) result = Math.round(hundredths) / 100;
  else result = Number(`${Math.round(Number(`${abs.toPrecision(15)}e2`))}e-2`);
  return result === 0 ? 0 : value < 0 ? -result : result;
}

/** Below the campaign's remediation threshold (on the index as published, like the grade). */
export const belowThreshold = (row: Pick<ResultRow, 'percent'>, threshold: number | null | undefined) =>
  threshold != null && threshold > 0 && round2(row.percent) < threshold;

const fixed2 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An index as published, always two decimals with the Vietnamese comma: `88.8` → `88,80%`. */
export const formatIndex = (percent: number | null | undefined) =>
  percent == null || !Number.isFinite(percent) ? '' : `${fixed2.format(round2(percent))}%`;

/** A change in percentage points, signed: `+2,35`, `−1,20`, `0,00`. */
export function formatChange(change: number): string {
  const v = round2(change);
  if (v === 0) return fixed2.format(0);
  return `${v > 0 ? '+' : '−'}${fixed2.format(Math.abs(v))}`;
}

export type Direction = 'up' | 'down' | 'same' | 'none';
export const directionOf = (change: number | null): Direction =>
  change === null ? 'none' : round2(change) > 0 ? 'up' : round2(change) < 0 ? 'down' : 'same';

export type GroupSummary = {
  units: number;
  /** The mean index of the group (null without rows). */
  mean: number | null;
  /** Units per grade code, in the order first met (the rows come best first, so the best grade first). */
  grades: { code: string; row: ResultRow; count: number }[];
  below: number;
};

export function summarise(rows: readonly ResultRow[], threshold: number | null | undefined): GroupSummary {
  const grades = new Map<string, { code: string; row: ResultRow; count: number }>();
  for (const r of rows) {
    const g = grades.get(r.grade);
    if (g) g.count += 1;
    else grades.set(r.grade, { code: r.grade, row: r, count: 1 });
  }
  return {
    units: rows.length,
    mean: rows.length ? rows.reduce((s, r) => s + r.percent, 0) / rows.length : null,
    grades: [...grades.values()].filter((g) => g.code),
    below: rows.filter((r) => belowThreshold(r, threshold)).length,
  };
}
