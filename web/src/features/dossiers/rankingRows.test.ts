import { describe, expect, it } from 'vitest';
import { foldVi } from '../../lib/format';
import { rankOf, rowMatches } from './rankingRows';

const row = (key: string, name: string, rate: number | null, code: string | null = null) => ({
  key,
  name,
  code,
  indicators: { onTimeRate: { value: rate } },
});

describe('ranks of the dossier ranking', () => {
  it('ranks by on-time rate, best first; units without dossiers to process last; ties keep the given order', () => {
    const rows = [
      row('a', 'Phường Bến Thủy', 0.97),
      row('b', 'Phường Cửa Nam', null),
      row('c', 'Phường Hưng Dũng', 1),
      row('d', 'Phường Trường Vinh', 0.97),
      row('e', 'Phường Vinh Hưng', 0.5),
    ];
    expect(Object.fromEntries(rankOf(rows))).toEqual({ c: 1, a: 2, d: 3, e: 4, b: 5 });
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
