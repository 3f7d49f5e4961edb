import { describe, expect, it } from 'vitest';
import { changeFromLastYear, rankWithinGroups, type RankRow } from './ranking.js';

const row = (id: string, group: string, percent: number, name = id): RankRow => ({
  id,
  group,
  percent,
  name,
});

describe('rankWithinGroups', () => {
  it('standard competition ranking within each group: 1, 2, 2, 4; rankOf is the group’s size', () => {
    const ranks = rankWithinGroups([
      row('a', 'department', 88.81),
      row('b', 'department', 85),
      row('c', 'department', 90.5),
      row('d', 'department', 85),
      row('x', 'commune', 70),
      row('y', 'commune', 75),
    ]);
    expect(Object.fromEntries(ranks)).toEqual({
      c: { rank: 1, rankOf: 4 },
      a: { rank: 2, rankOf: 4 },
      b: { rank: 3, rankOf: 4 },
      d: { rank: 3, rankOf: 4 },
      y: { rank: 1, rankOf: 2 },
      x: { rank: 2, rankOf: 2 },
    });
  });

  it('the rank after a tie skips: 1, 2, 2, 4', () => {
    const ranks = rankWithinGroups([
      row('a', 'g', 90),
      row('b', 'g', 85),
      row('c', 'g', 85),
      row('d', 'g', 80),
    ]);
    expect([...ranks.values()].map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  it('ties are on the published index: 88.805 and 88.81 both show 88,81% and share a rank; 88.804 shows 88,80%', () => {
    const ranks = rankWithinGroups([row('a', 'g', 88.805), row('b', 'g', 88.81), row('c', 'g', 88.804)]);
    expect(ranks.get('a')).toEqual({ rank: 1, rankOf: 3 });
    expect(ranks.get('b')).toEqual({ rank: 1, rankOf: 3 });
    expect(ranks.get('c')).toEqual({ rank: 3, rankOf: 3 });
  });

  it('everyone tied: all first', () => {
    const ranks = rankWithinGroups([row('a', 'g', 50), row('b', 'g', 50), row('c', 'g', 50)]);
    expect([...ranks.values()]).toEqual([
      { rank: 1, rankOf: 3 },
      { rank: 1, rankOf: 3 },
      { rank: 1, rankOf: 3 },
    ]);
  });

  it('lists tied units in Vietnamese order (Â after A, before B), so the table reads the same every time', () => {
    const ranks = rankWithinGroups([
      row('binh', 'g', 80, 'Xã Bình Minh'),
      row('an', 'g', 80, 'Xã Ân Phú'),
      row('anh', 'g', 80, 'Xã Anh Sơn'),
      row('top', 'g', 95, 'Xã Yên Thành'),
    ]);
    expect([...ranks.keys()]).toEqual(['top', 'anh', 'an', 'binh']);
  });

  it('one unit alone is 1 of 1; no rows, no ranks', () => {
    expect(rankWithinGroups([row('a', 'other', 10)]).get('a')).toEqual({ rank: 1, rankOf: 1 });
    expect(rankWithinGroups([]).size).toBe(0);
  });
});

describe('changeFromLastYear', () => {
  it('percentage points between the two published figures', () => {
    expect(changeFromLastYear(88.81, 85.5)).toBe(3.31);
    expect(changeFromLastYear(75, 80)).toBe(-5);
    expect(changeFromLastYear(80, 80)).toBe(0);
    // Shown: 88,81% now and 80,00% last year → +8,81 (not 8,80 from the unrounded 88.805 − 80.004).
    expect(changeFromLastYear(88.805, 80.004)).toBe(8.81);
  });
  it('no previous index (a new unit, no predecessor scored): null', () => {
    expect(changeFromLastYear(88, null)).toBeNull();
    expect(changeFromLastYear(88, undefined)).toBeNull();
    expect(changeFromLastYear(88, NaN)).toBeNull();
  });
});
