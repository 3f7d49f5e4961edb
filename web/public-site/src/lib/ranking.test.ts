import { describe, expect, it } from 'vitest';
import { barChart, describeChange, filterRanking, pickGroup, rankingBars, STACK_BELOW } from './ranking';

const rows = [
  { unitId: 'a', unitName: 'Sở Tài chính', percent: 88.81, rank: 1 },
  { unitId: 'b', unitName: 'Văn phòng UBND tỉnh', percent: 88.73, rank: 2 },
  { unitId: 'c', unitName: 'Sở Tư pháp', percent: 85.2, rank: 3 },
  { unitId: 'd', unitName: 'Sở Nội vụ', percent: 84, rank: 4 },
];

describe('the PAR Index ranking', () => {
  it('picks the group of the address, else the first', () => {
    const groups = [{ group: 'department' }, { group: 'commune' }];
    expect(pickGroup(groups, 'commune')).toEqual({ group: 'commune' });
    expect(pickGroup(groups, '')).toEqual({ group: 'department' });
    expect(pickGroup(groups, 'other')).toEqual({ group: 'department' });
    expect(pickGroup([], 'commune')).toBeNull();
  });

  it('filters by unit name without accents, keeping the rank order', () => {
    expect(filterRanking(rows, 'so tu phap').map((r) => r.unitId)).toEqual(['c']);
    expect(filterRanking(rows, 'sở').map((r) => r.unitId)).toEqual(['a', 'c', 'd']);
    expect(filterRanking(rows, 'ubnd').map((r) => r.unitId)).toEqual(['b']);
    expect(filterRanking(rows, '')).toEqual(rows);
    expect(filterRanking(rows, 'xyz')).toEqual([]);
  });

  it('says the change from last year as up, down, the same or none', () => {
    expect(describeChange(1.254)).toEqual({ dir: 'up', value: 1.25 });
    expect(describeChange(-0.5)).toEqual({ dir: 'down', value: 0.5 });
    expect(describeChange(0)).toEqual({ dir: 'same', value: 0 });
    expect(describeChange(0.004)).toEqual({ dir: 'same', value: 0 });
    expect(describeChange(-0.004)).toEqual({ dir: 'same', value: 0 });
    expect(describeChange(null)).toEqual({ dir: 'none', value: null });
    expect(describeChange(undefined)).toEqual({ dir: 'none', value: null });
    expect(describeChange(Number.NaN)).toEqual({ dir: 'none', value: null });
  });
});

describe('the bar chart', () => {
  it('draws one bar a row, 0–100% over the plot, values held at the ends', () => {
    const chart = barChart(
      [
        { key: 'a', label: 'A', value: 100 },
        { key: 'b', label: 'B', value: 50 },
        { key: 'c', label: 'C', value: 130 },
        { key: 'd', label: 'D', value: -5 },
      ],
      { width: 800 },
    );
    expect(chart.stacked).toBe(false);
    expect(chart.bars.map((b) => b.width)).toEqual([
      chart.plotWidth,
      chart.plotWidth / 2,
      chart.plotWidth,
      0,
    ]);
    expect(chart.bars.map((b) => b.value)).toEqual([100, 50, 130, -5]);
    // Rows go down one after the other, inside the chart.
    const ys = chart.bars.map((b) => b.y);
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);
    expect(ys[3]! + chart.barHeight).toBeLessThanOrEqual(chart.height);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(chart.ticks[0]!.x).toBe(chart.plotX);
    expect(chart.ticks[4]!.x).toBe(chart.plotX + chart.plotWidth);
    expect(chart.plotX + chart.plotWidth).toBeLessThan(chart.width);
  });

  it('puts the names above the bars on a phone, and never cuts them there', () => {
    const long = 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An và các khu công nghiệp';
    const phone = barChart([{ key: 'a', label: long, value: 80 }], { width: STACK_BELOW - 1 });
    expect(phone.stacked).toBe(true);
    expect(phone.bars[0]!.label).toBe(long);
    expect(phone.bars[0]!.labelY).toBeLessThan(phone.bars[0]!.y);
    const wide = barChart([{ key: 'a', label: long, value: 80 }], { width: 900, labelChars: 20 });
    expect(wide.bars[0]!.label).toHaveLength(20);
    expect(wide.bars[0]!.label.endsWith('…')).toBe(true);
    expect(wide.bars[0]!.labelX).toBeLessThan(wide.plotX);
  });

  it('has a height for an empty chart and turns ranking rows into bars', () => {
    expect(barChart([]).bars).toEqual([]);
    expect(barChart([]).height).toBeGreaterThan(0);
    expect(rankingBars(rows.slice(0, 1))).toEqual([{ key: 'a', label: 'Sở Tài chính', value: 88.81 }]);
  });
});
