/** The pure parts of the dossier ranking: ranks by on-time rate and the name/code search. */
import { sortRows } from '../../components/table';
import { foldVi } from '../../lib/format';
import type { BreakdownRow } from './dashboardApi';

type Ranked = Pick<BreakdownRow, 'key' | 'name' | 'code'> & {
  indicators: { onTimeRate: { value: number | null } };
};

/**
 * Each row's rank (1 = best): on-time rate high to low, rows without dossiers to process (no rate) last,
 * ties in the order given (the server's: Vietnamese order of names).
 */
export function rankOf(rows: readonly Ranked[]): Map<string, number> {
  const order = sortRows(rows, [{ key: 'rate', value: (r) => r.indicators.onTimeRate.value }], {
    key: 'rate',
    dir: 'desc',
  });
  return new Map(order.map((r, i) => [r.key, i + 1]));
}

/**
 * Whether a row answers a search (`needle` already folded with `foldVi`): every word of it appears in the
 * name without tone marks ("so tu phap", "do luong"), or the code starts with it.
 */
export function rowMatches(row: Pick<Ranked, 'name' | 'code'>, needle: string): boolean {
  if (!needle) return true;
  const name = foldVi(row.name);
  if (needle.split(/\s+/).every((word) => name.includes(word))) return true;
  return !!row.code && foldVi(row.code).startsWith(needle);
}
