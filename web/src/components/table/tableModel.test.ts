import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  clampPage,
  compareValues,
  nextSort,
  pageCount,
  pageSlice,
  scrollEdges,
  sortRows,
  type SortableColumn,
} from './tableModel';

type Row = { id: string; name: string; rate: number | null; when?: string | null };
const rows: Row[] = [
  { id: 'a', name: 'Xã Đông Hà', rate: 0.5, when: '2025-03-01' },
  { id: 'b', name: 'Xã Dũng Tiến', rate: null, when: null },
  { id: 'c', name: 'Phường 10', rate: 0.9, when: '2024-12-31' },
  { id: 'd', name: 'Phường 2', rate: 0.5, when: '2025-01-15' },
  { id: 'e', name: 'Xã An Phú', rate: 0.1 },
];
const columns: SortableColumn<Row>[] = [
  { key: 'name', value: (r) => r.name },
  { key: 'rate', value: (r) => r.rate, numeric: true },
  { key: 'when', value: (r) => r.when },
  { key: 'plain' },
  { key: 'byLength', compare: (a, b) => a.name.length - b.name.length },
];
const ids = (list: Row[]) => list.map((r) => r.id).join('');

describe('compareValues', () => {
  it('orders text in Vietnamese collation: Đ after D, numbers inside text numerically', () => {
    expect(compareValues('Dũng', 'Đông')).toBeLessThan(0);
    expect(compareValues('Đông', 'Em')).toBeLessThan(0);
    expect(compareValues('Phường 2', 'Phường 10')).toBeLessThan(0);
  });
  it('orders numbers numerically and puts missing values last', () => {
    expect(compareValues(2, 10)).toBeLessThan(0);
    expect(compareValues(null, 0)).toBeGreaterThan(0);
    expect(compareValues(0, undefined)).toBeLessThan(0);
    expect(compareValues(Number.NaN, 1)).toBeGreaterThan(0);
    expect(compareValues('', 'a')).toBeGreaterThan(0);
    expect(compareValues(null, undefined)).toBe(0);
  });
});

describe('sortRows', () => {
  it('sorts text ascending and descending in Vietnamese order', () => {
    expect(ids(sortRows(rows, columns, { key: 'name', dir: 'asc' }))).toBe('dceba');
    expect(ids(sortRows(rows, columns, { key: 'name', dir: 'desc' }))).toBe('abecd');
  });
  it('keeps rows without a value last in both directions', () => {
    expect(ids(sortRows(rows, columns, { key: 'rate', dir: 'desc' }))).toBe('cadeb');
    expect(ids(sortRows(rows, columns, { key: 'rate', dir: 'asc' }))).toBe('eadcb');
    expect(
      sortRows(rows, columns, { key: 'when', dir: 'asc' })
        .slice(-2)
        .map((r) => r.id),
    ).toEqual(['b', 'e']);
    expect(
      sortRows(rows, columns, { key: 'when', dir: 'desc' })
        .slice(-2)
        .map((r) => r.id),
    ).toEqual(['b', 'e']);
  });
  it('is stable: ties keep the incoming order in both directions', () => {
    const desc = sortRows(rows, columns, { key: 'rate', dir: 'desc' });
    expect(desc.indexOf(rows[0]!)).toBeLessThan(desc.indexOf(rows[3]!));
    const asc = sortRows(rows, columns, { key: 'rate', dir: 'asc' });
    expect(asc.indexOf(rows[0]!)).toBeLessThan(asc.indexOf(rows[3]!));
  });
  it('uses a column’s own comparison when it has one', () => {
    expect(sortRows(rows, columns, { key: 'byLength', dir: 'asc' })[0]!.id).toBe('d');
    expect(sortRows(rows, columns, { key: 'byLength', dir: 'desc' })[0]!.id).toBe('b');
  });
  it('returns a copy in the given order when unsorted, unknown or unsortable', () => {
    for (const sort of [null, { key: 'nope', dir: 'asc' as const }, { key: 'plain', dir: 'asc' as const }]) {
      const out = sortRows(rows, columns, sort);
      expect(out).not.toBe(rows);
      expect(ids(out)).toBe('abcde');
    }
  });
});

describe('nextSort and ariaSort', () => {
  it('starts text A-to-Z and numbers high-to-low, then reverses', () => {
    expect(nextSort(null, columns[0]!)).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, columns[0]!)).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, columns[0]!)).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, columns[1]!)).toEqual({ key: 'rate', dir: 'desc' });
    expect(nextSort(null, { key: 'x', value: () => 1, firstDir: 'asc', numeric: true })).toEqual({
      key: 'x',
      dir: 'asc',
    });
  });
  it('tells assistive technology which column is sorted and how', () => {
    expect(ariaSort({ key: 'rate', dir: 'desc' }, 'rate')).toBe('descending');
    expect(ariaSort({ key: 'rate', dir: 'asc' }, 'rate')).toBe('ascending');
    expect(ariaSort({ key: 'rate', dir: 'asc' }, 'name')).toBe('none');
    expect(ariaSort(null, 'name')).toBe('none');
  });
});

describe('paging', () => {
  const many = Array.from({ length: 582 }, (_, i) => i + 1);
  it('counts pages, at least one', () => {
    expect(pageCount(582, 25)).toBe(24);
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(10, 0)).toBe(1);
  });
  it('slices a page, the last one short', () => {
    expect(pageSlice(many, 1, 25)).toEqual(many.slice(0, 25));
    expect(pageSlice(many, 2, 25)[0]).toBe(26);
    expect(pageSlice(many, 24, 25)).toEqual([576, 577, 578, 579, 580, 581, 582]);
  });
  it('clamps a page that no longer exists to the last one, and nonsense to the first', () => {
    expect(clampPage(30, 582, 25)).toBe(24);
    expect(pageSlice(many, 30, 25)[0]).toBe(576);
    expect(clampPage(0, 582, 25)).toBe(1);
    expect(clampPage(Number.NaN, 582, 25)).toBe(1);
    expect(clampPage(3, 0, 25)).toBe(1);
  });
  it('shows every row with a page size of 0', () => {
    expect(pageSlice(many, 3, 0)).toHaveLength(582);
  });
});

describe('scrollEdges', () => {
  it('has no cue when the content fits', () => {
    expect(scrollEdges({ scrollLeft: 0, scrollWidth: 400, clientWidth: 400 })).toEqual({
      overflowing: false,
      moreLeft: false,
      moreRight: false,
    });
  });
  it('shows more to the right at the start, both sides midway, only left at the end', () => {
    expect(scrollEdges({ scrollLeft: 0, scrollWidth: 900, clientWidth: 360 })).toEqual({
      overflowing: true,
      moreLeft: false,
      moreRight: true,
    });
    expect(scrollEdges({ scrollLeft: 200, scrollWidth: 900, clientWidth: 360 })).toMatchObject({
      moreLeft: true,
      moreRight: true,
    });
    // Fractional scroll positions at the end still count as the end.
    expect(scrollEdges({ scrollLeft: 539.6, scrollWidth: 900, clientWidth: 360 })).toMatchObject({
      moreLeft: true,
      moreRight: false,
    });
  });
});
