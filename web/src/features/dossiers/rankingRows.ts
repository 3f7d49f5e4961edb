/** The pure parts of the dossier ranking: the rank as shown and the name/code search. */
import { foldVi } from '../../lib/format';
import type { BreakdownRow } from './dashboardApi';

/**
 * The rank the server gave (dossiers-query.rules.ts `RANKING_RULE`: QĐ 766 share, then on-time rate, then
 * online rate; equal rows share a rank), as sortable values: rows without dossiers have none, so they stay
 * last whichever way the column is sorted.
 */
export const rankValue = (row: Pick<BreakdownRow, 'rank'>): number | null => row.rank;

/**
 * Whether a row answers a search (`needle` already folded with `foldVi`): every word of it appears in the
 * name without tone marks ("so tu phap", "do luong"), or the code starts with it.
 */
export function rowMatches(row: Pick<BreakdownRow, 'name' | 'code'>, needle: string): boolean {
  if (!needle) return true;
  const name = foldVi(row.name);
  if (needle.split(/\s+/).every((word) => name.includes(word))) return true;
  return !!row.code && foldVi(row.code).startsWith(needle);
}
