/**
 * The pure parts of the shared table: comparing, sorting and paging rows. No React here, so every rule is
 * unit-tested (`tableModel.test.ts`).
 */
import { viCollator } from '../../lib/format';

export type SortDir = 'asc' | 'desc';
/** The column a table is sorted by and its direction; null: the rows' own order. */
export type SortState = { key: string; dir: SortDir } | null;

/** What a column sorts by: text in Vietnamese order, numbers numerically, dates as `YYYY-MM-DD` strings. */
export type SortValue = string | number | boolean | null | undefined;

/** The sorting part of a column definition (the component's `Column` extends it). */
export type SortableColumn<T> = {
  key: string;
  /** The value the column shows and sorts by. */
  value?: (row: T) => SortValue;
  /** A comparison in ascending order, for columns whose order is not their value's (nulls are yours here). */
  compare?: (a: T, b: T) => number;
  /** Default: true when the column has `value` or `compare`. */
  sortable?: boolean;
  /** The direction of the first click: numbers start high-to-low by default, text A-to-Z. */
  firstDir?: SortDir;
  numeric?: boolean;
};

const isMissing = (v: SortValue): v is null | undefined =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '';

/**
 * Ascending comparison of two values, missing ones (null, undefined, NaN, empty text) **last** — callers
 * keep them last in both directions (see `sortRows`). Text in Vietnamese collation (Đ after D, tones after
 * base letters, numbers inside text numerically).
 */
export function compareValues(a: SortValue, b: SortValue): number {
  const ma = isMissing(a);
  const mb = isMissing(b);
  if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return viCollator.compare(String(a), String(b));
}

export function isSortable<T>(column: SortableColumn<T>): boolean {
  return column.sortable ?? Boolean(column.value || column.compare);
}

/**
 * The rows in the order `sort` asks for (a new array; stable, so ties keep the incoming order). Missing
 * values stay at the end whether ascending or descending. Unknown or unsortable column: the rows as given.
 */
export function sortRows<T>(rows: readonly T[], columns: readonly SortableColumn<T>[], sort: SortState): T[] {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column || !isSortable(column)) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const indexed = rows.map((row, i) => ({ row, i }));
  const { compare, value } = column;
  if (compare) {
    indexed.sort((a, b) => sign * compare(a.row, b.row) || a.i - b.i);
  } else if (value) {
    const values = indexed.map(({ row }) => value(row));
    indexed.sort((a, b) => {
      const x = values[a.i];
      const y = values[b.i];
      const mx = isMissing(x);
      const my = isMissing(y);
      if (mx || my) return mx === my ? a.i - b.i : mx ? 1 : -1;
      return sign * compareValues(x, y) || a.i - b.i;
    });
  }
  return indexed.map(({ row }) => row);
}

/**
 * The sort after a click on a column's header: a new column starts in its first direction (numbers
 * high-to-low, text A-to-Z, or `firstDir`); another click on the same column reverses it.
 */
export function nextSort<T>(current: SortState, column: SortableColumn<T>): { key: string; dir: SortDir } {
  const first: SortDir = column.firstDir ?? (column.numeric ? 'desc' : 'asc');
  if (!current || current.key !== column.key) return { key: column.key, dir: first };
  return { key: column.key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}

/** `aria-sort` of a sortable column's header. */
export function ariaSort(sort: SortState, key: string): 'ascending' | 'descending' | 'none' {
  if (!sort || sort.key !== key) return 'none';
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/** The number of pages (at least 1) for `total` rows. */
export function pageCount(total: number, pageSize: number): number {
  if (!(pageSize > 0) || !Number.isFinite(pageSize)) return 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page number that exists: 1 … pageCount (a list that shrank under page 7 shows its last page). */
export function clampPage(page: number, total: number, pageSize: number): number {
  if (!Number.isFinite(page) || page < 1) return 1;
  return Math.min(Math.floor(page), pageCount(total, pageSize));
}

/** The rows of page `page` (1-based, clamped); a page size of 0 or Infinity means no paging. */
export function pageSlice<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  if (!(pageSize > 0) || !Number.isFinite(pageSize)) return [...rows];
  const p = clampPage(page, rows.length, pageSize);
  return rows.slice((p - 1) * pageSize, p * pageSize);
}

/** Whether a horizontally scrollable box has more to show to its right / left (1 px of rounding allowed). */
export function scrollEdges(box: { scrollLeft: number; scrollWidth: number; clientWidth: number }): {
  overflowing: boolean;
  moreRight: boolean;
  moreLeft: boolean;
} {
  const overflowing = box.scrollWidth - box.clientWidth > 1;
  // scrollLeft is negative in right-to-left layouts; the magnitude is what matters.
  const left = Math.abs(box.scrollLeft);
  return {
    overflowing,
    moreLeft: overflowing && left > 1,
    moreRight: overflowing && left + box.clientWidth < box.scrollWidth - 1,
  };
}
