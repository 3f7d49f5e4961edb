import { describe, expect, it } from 'vitest';
import type { ResultRow } from './api';
import {
  belowThreshold,
  byGroup,
  directionOf,
  formatChange,
  formatIndex,
  matches,
  summarise,
  tiedRows,
} from './resultsModel';

const row = (
  id: string,
  group: ResultRow['group'],
  rank: number,
  percent: number,
  extra: Partial<ResultRow> = {},
) =>
  ({
    assessmentId: id,
    unitId: id,
    unitName: `Đơn vị ${id}`,
    group,
    points: percent,
    maxPoints: 100,
    percent,
    byField: [],
    grade: percent >= 90 ? 'tot' : 'kha',
    gradeName: { vi: percent >= 90 ? 'Tốt' : 'Khá', en: '' },
    rank,
    rankOf: 3,
    previousPercent: null,
    change: null,
    ...extra,
  }) as ResultRow;

describe('the results', () => {
  const rows = [
    row('c1', 'commune', 1, 80),
    row('d1', 'department', 1, 92.5),
    row('d2', 'department', 2, 88.811),
    row('d3', 'department', 2, 88.805),
    row('o1', 'other', 1, 60),
  ];

  it('group departments first, then communes, then the others', () => {
    expect(byGroup(rows).map((g) => [g.group, g.rows.map((r) => r.assessmentId)])).toEqual([
      ['department', ['d1', 'd2', 'd3']],
      ['commune', ['c1']],
      ['other', ['o1']],
    ]);
  });

  it('mark the rows that share a rank within their group', () => {
    expect([...tiedRows(rows)].sort()).toEqual(['d2', 'd3']);
  });

  it('find a unit by name, accents and case ignored', () => {
    const r = row('x', 'department', 1, 90, { unitName: 'Sở Tư pháp' });
    expect(matches(r, 'so tu phap')).toBe(true);
    expect(matches(r, 'TƯ PHÁP')).toBe(true);
    expect(matches(r, 'phap so')).toBe(true);
    expect(matches(r, 'tài chính')).toBe(false);
    expect(matches(r, '  ')).toBe(true);
  });

  it('show the index with two decimals and the change signed', () => {
    expect(formatIndex(88.8)).toBe('88,80%');
    expect(formatIndex(89.995)).toBe('90,00%');
    expect(formatIndex(88.805)).toBe('88,81%');
    expect(formatIndex(89.99499999999999)).toBe('90,00%');
    expect(formatIndex(1234.5)).toBe('1.234,50%');
    expect(formatChange(2.345)).toBe('+2,35');
    expect(formatChange(-1.2)).toBe('−1,20');
    expect(formatChange(-1.005)).toBe('−1,01');
    expect(formatChange(0.001)).toBe('0,00');
    expect(directionOf(null)).toBe('none');
    expect(directionOf(0.004)).toBe('same');
    expect(directionOf(-0.5)).toBe('down');
  });

  it('mark units below the remediation threshold on the published index', () => {
    expect(belowThreshold({ percent: 69.994 }, 70)).toBe(true);
    expect(belowThreshold({ percent: 69.995 }, 70)).toBe(false);
    expect(belowThreshold({ percent: 10 }, null)).toBe(false);
  });

  it('summarise a group: units, mean, grades, below the threshold', () => {
    const s = summarise(
      rows.filter((r) => r.group === 'department'),
      89,
    );
    expect(s.units).toBe(3);
    expect(s.mean).toBeCloseTo((92.5 + 88.811 + 88.805) / 3);
    expect(s.grades.map((g) => [g.code, g.count])).toEqual([
      ['tot', 1],
      ['kha', 2],
    ]);
    expect(s.below).toBe(2);
  });
});
