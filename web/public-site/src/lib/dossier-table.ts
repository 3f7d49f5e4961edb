/**
 * The dossiers page's table without React: its columns, the sort from the address (`sort=-onTime`), the search
 * over unit names, and the period chosen. Missing figures (nothing to divide by) always sort last.
 */
import { viCollator } from './format';
import type { DossierUnitRow } from './portal-types';
import { parseSort, type Sort, type SortDir } from './portal-query';
import { filterBySearch } from './search';

export const DOSSIER_COLUMNS = ['unit', 'received', 'resolved', 'onTime', 'online'] as const;
export type DossierColumn = (typeof DOSSIER_COLUMNS)[number];

export const DEFAULT_DOSSIER_SORT: Sort<DossierColumn> = { key: 'received', dir: 'desc' };

/** A column's first direction when chosen: names A→Z, figures largest first. */
export const naturalDir = (key: DossierColumn): SortDir => (key === 'unit' ? 'asc' : 'desc');

export function parseDossierSort(value: string): Sort<DossierColumn> {
  return parseSort(value, DOSSIER_COLUMNS, DEFAULT_DOSSIER_SORT);
}

type Row = Pick<DossierUnitRow, 'unitName' | 'received' | 'resolved' | 'onTimePercent' | 'onlinePercent'>;

const valueOf = (row: Row, key: Exclude<DossierColumn, 'unit'>): number | null =>
  key === 'received'
    ? row.received
    : key === 'resolved'
      ? row.resolved
      : key === 'onTime'
        ? row.onTimePercent
        : row.onlinePercent;

/** A sorted copy: by the column, missing figures last, ties by name in Vietnamese order. */
export function sortDossierRows<R extends Row>(rows: readonly R[], sort: Sort<DossierColumn>): R[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: R, b: R) => viCollator.compare(a.unitName, b.unitName);
  return [...rows].sort((a, b) => {
    if (sort.key === 'unit') return sign * byName(a, b);
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

/** The rows the search keeps, sorted. */
export function dossierRows<R extends Row>(
  rows: readonly R[],
  query: string,
  sort: Sort<DossierColumn>,
): R[] {
  return sortDossierRows(
    filterBySearch(rows, query, (r) => r.unitName),
    sort,
  );
}
