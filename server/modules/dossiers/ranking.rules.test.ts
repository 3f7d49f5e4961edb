/** The dossier ranking's order and ties (dossiers-query.rules.ts `RANKING_RULE`, `rankRows`, `endedBy`). */
import { describe, expect, it } from 'vitest';
import { compareRank, endedBy, rankRows, RANKING_RULE, type RankInput } from './dossiers-query.rules.js';

const row = (key: string, name: string, over: Partial<RankInput> = {}): RankInput => ({
  key,
  name,
  received: 10,
  toProcess: 10,
  qd766Share: 0.9,
  onTimeRate: 1,
  onlineRate: 0.5,
  ...over,
});
const ranks = (rows: RankInput[]) => rankRows(rows).map((r) => [r.key, r.rank, r.tied, r.noDossiers]);

describe('the ranking rule (QĐ 766 share, then on-time rate, then online rate)', () => {
  it('orders by the QĐ 766 share first: 100% on time everywhere no longer decides', () => {
    const out = rankRows([
      row('a', 'Xã An Châu', { qd766Share: 0.81 }),
      row('b', 'Xã Bắc Lý', { qd766Share: 0.93 }),
      row('c', 'Xã Cam Lâm', { qd766Share: 0.88 }),
    ]);
    expect(out.map((r) => [r.key, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('breaks a tie of the score by the on-time rate, then by the online rate', () => {
    const out = rankRows([
      row('a', 'A', { onTimeRate: 0.99, onlineRate: 0.9 }),
      row('b', 'B', { onTimeRate: 1, onlineRate: 0.2 }),
      row('c', 'C', { onTimeRate: 1, onlineRate: 0.6 }),
    ]);
    expect(out.map((r) => r.key)).toEqual(['c', 'b', 'a']);
    expect(out.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('rows equal on every key as displayed share a rank (đồng hạng, 1-1-3), listed by Vietnamese name', () => {
    expect(
      ranks([
        row('z', 'Phường Vinh Phú'),
        row('y', 'Phường Bến Thủy', { qd766Share: 0.90004 }), // 90,0 as shown: the same
        row('x', 'Phường Đông Vĩnh', { qd766Share: 0.95 }),
        row('w', 'Phường Cửa Nam'),
      ]),
    ).toEqual([
      ['x', 1, false, false],
      ['y', 2, true, false],
      ['w', 2, true, false],
      ['z', 2, true, false],
    ]);
  });

  it('a rank after a tie skips the shared places; the order never depends on the input order', () => {
    const rows = [
      row('a', 'A', { qd766Share: 0.9 }),
      row('b', 'B', { qd766Share: 0.9 }),
      row('c', 'C', { qd766Share: 0.8 }),
    ];
    const forward = ranks(rows);
    expect(forward).toEqual([
      ['a', 1, true, false],
      ['b', 1, true, false],
      ['c', 3, false, false],
    ]);
    expect(ranks([...rows].reverse())).toEqual(forward);
  });

  it('a missing value ranks below any value', () => {
    const out = rankRows([row('a', 'A', { qd766Share: null }), row('b', 'B', { qd766Share: 0.1 })]);
    expect(out.map((r) => r.key)).toEqual(['b', 'a']);
    expect(compareRank(row('a', 'A', { onlineRate: null }), row('b', 'B'))).toBeGreaterThan(0);
  });

  it('units with no dossiers in the period come last, unranked, whatever their other values', () => {
    expect(
      ranks([
        row('e', 'Xã Yên Thành', { received: 0, toProcess: 0, qd766Share: null, onTimeRate: null }),
        row('a', 'Xã Anh Sơn', { qd766Share: 0.5 }),
        row('d', 'Xã Diễn Châu', { received: 0, toProcess: 0, qd766Share: null, onTimeRate: null }),
      ]),
    ).toEqual([
      ['a', 1, false, false],
      ['d', null, false, true],
      ['e', null, false, true],
    ]);
  });

  it('a unit with only dossiers carried over still has dossiers (and a rank)', () => {
    const [only] = rankRows([row('a', 'A', { received: 0, toProcess: 3, onlineRate: null })]);
    expect(only).toMatchObject({ rank: 1, noDossiers: false });
  });

  it('is a versioned rule with its keys in order', () => {
    expect(RANKING_RULE.version).toBe('dossier-ranking-1');
    expect(RANKING_RULE.keys).toEqual(['qd766Share', 'onTimeRate', 'onlineRate']);
  });
});

describe('ended units', () => {
  it('a unit ended before the stock day is ended; one still in force or ending on it is not', () => {
    expect(endedBy({ validTo: '2025-06-30' }, '2025-12-31')).toBe(true);
    expect(endedBy({ validTo: '2025-12-31' }, '2025-12-31')).toBe(false);
    expect(endedBy({ validTo: null }, '2025-12-31')).toBe(false);
  });
});
