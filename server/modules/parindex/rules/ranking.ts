/**
 * Ranks of the PAR Index within each unit group (departments among departments, communes among communes — the
 * provinces publish them so: QĐ 3323/QĐ-UBND, Nghệ An 2023 ranks its departments "Sở Tài chính 88,81 — first").
 * Pure.
 *
 * - **Standard competition ranking** ("1, 2, 2, 4"): units with the same index share a rank and the next rank
 *   skips, so "hạng 4/40" always means three units did better.
 * - **Ties on the published index**: two units shown "88,81%" share a rank even if their unrounded points differ
 *   (./numbers.ts `round2`, the same rounding the grade uses).
 * - `rankOf` is the size of the group ("hạng 3/21").
 * - Units that tie are listed by name in Vietnamese order (the collator), so the list reads the same every time.
 */
import { round2 } from './numbers.js';

export type RankRow = { id: string; group: string; percent: number; name: string };
export type Rank = { rank: number; rankOf: number };

/**
 * The rank of every row within its group, by index descending. The map lists rows group by group in ranking
 * order (ties by name), so iterating it gives the published table.
 */
export function rankWithinGroups(
  rows: readonly RankRow[],
  collator: Intl.Collator = new Intl.Collator('vi'),
): Map<string, Rank> {
  const groups = new Map<string, { row: RankRow; published: number }[]>();
  for (const row of rows) {
    const list = groups.get(row.group) ?? [];
    list.push({ row, published: Number.isFinite(row.percent) ? round2(row.percent) : -Infinity });
    groups.set(row.group, list);
  }
  const out = new Map<string, Rank>();
  for (const list of groups.values()) {
    list.sort((a, b) => b.published - a.published || collator.compare(a.row.name, b.row.name));
    let rank = 0;
    list.forEach((entry, i) => {
      if (i === 0 || entry.published !== list[i - 1]!.published) rank = i + 1;
      out.set(entry.row.id, { rank, rankOf: list.length });
    });
  }
  return out;
}

/**
 * The change of the index since last year, in percentage points, as the two published figures differ (so the
 * shown change is always shown current − shown previous); null when the unit (or its predecessors) had none.
 */
export function changeFromLastYear(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || !Number.isFinite(previous) || !Number.isFinite(current))
    return null;
  return round2(round2(current) - round2(previous));
}
