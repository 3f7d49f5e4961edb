import { describe, expect, it } from 'vitest';
import { sortRows } from '../../components/table';
import { foldVi } from '../../lib/format';
import { rankValue, rowMatches } from './rankingRows';

const row = (key: string, name: string, rank: number | null, code: string | null = null) => ({
  key,
  name,
  code,
  rank,
});

describe('the rank column of the dossier ranking', () => {
  const rows = [
    row('a', 'Phường Bến Thủy', 2),
    row('b', 'Phường Cửa Nam', null),
    row('c', 'Phường Hưng Dũng', 1),
    row('d', 'Phường Trường Vinh', 2),
    row('e', 'Phường Vinh Hưng', 4),
  ];
  const sorted = (dir: 'asc' | 'desc') =>
    sortRows(rows, [{ key: 'rank', value: rankValue }], { key: 'rank', dir }).map((r) => r.key);
  it('sorts by the server’s rank; tied rows keep the server’s order; no rank stays last', () => {
    expect(sorted('asc')).toEqual(['c', 'a', 'd', 'e', 'b']);
  });
  it('sorted the other way, rows without dossiers are still last', () => {
    expect(sorted('desc').at(-1)).toBe('b');
  });
});

describe('searching the ranking', () => {
  const tuPhap = row('x', 'Sở Tư pháp', 1, '000.00.08.H40');
  const doLuong = row('y', 'Xã Đô Lương', 1, '17455');
  it('finds a name without tone marks, by any of its words', () => {
    expect(rowMatches(tuPhap, foldVi('so tu phap'))).toBe(true);
    expect(rowMatches(tuPhap, foldVi('tư'))).toBe(true);
    expect(rowMatches(doLuong, foldVi('do luong'))).toBe(true);
    expect(rowMatches(doLuong, foldVi('luong do'))).toBe(true);
    expect(rowMatches(doLuong, foldVi('tư pháp'))).toBe(false);
  });
  it('finds a code by its start', () => {
    expect(rowMatches(doLuong, '174')).toBe(true);
    expect(rowMatches(doLuong, '455')).toBe(false);
    expect(rowMatches(tuPhap, foldVi('000.00.08'))).toBe(true);
  });
  it('an empty search keeps every row', () => {
    expect(rowMatches(tuPhap, '')).toBe(true);
  });
});
