import { describe, expect, it } from 'vitest';
import type { UnitAsOf } from './api';
import { buildTree, dayBefore, descendantCount, mapLimit, mergeHeirs } from './lineage';

const unit = (id: string, fullName: string, kind: string, parentId: string | null = null): UnitAsOf => ({
  id,
  code: id,
  name: fullName,
  fullName,
  kind,
  parentId,
  validFrom: '1900-01-01',
  validTo: null,
});

describe('buildTree', () => {
  const units = [
    unit('c2', 'Xã Diễn Thành', 'commune', 'd1'),
    unit('d1', 'Huyện Diễn Châu', 'district', 'p'),
    unit('s2', 'Sở Y tế', 'department', 'p'),
    unit('s1', 'Sở Đào tạo', 'department', 'p'),
    unit('s0', 'Sở Dân tộc', 'department', 'p'),
    unit('c1', 'Xã Diễn An', 'commune', 'd1'),
    unit('p', 'UBND tỉnh Nghệ An', 'province', 'gone'),
  ];
  const tree = buildTree(units);
  it('roots are units whose parent is not in the list', () => {
    expect(tree.roots.map((u) => u.id)).toEqual(['p']);
  });
  it('orders agencies before districts, each in Vietnamese order (D before Đ)', () => {
    expect(tree.children.get('p')!.map((u) => u.id)).toEqual(['s0', 's1', 's2', 'd1']);
    expect(tree.children.get('d1')!.map((u) => u.id)).toEqual(['c1', 'c2']);
  });
  it('counts every level below', () => {
    expect(descendantCount(tree, 'p')).toBe(6);
    expect(descendantCount(tree, 'c1')).toBe(0);
  });
  it('copes with 4,000 units quickly', () => {
    const many = [unit('p', 'Tỉnh', 'province')];
    for (let d = 0; d < 40; d++) {
      many.push(unit(`d${d}`, `Huyện ${d}`, 'district', 'p'));
      for (let c = 0; c < 100; c++) many.push(unit(`c${d}-${c}`, `Xã ${c}`, 'commune', `d${d}`));
    }
    const started = performance.now();
    const big = buildTree(many);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(descendantCount(big, 'p')).toBe(4040);
  });
});

describe('dayBefore', () => {
  it('crosses months and leap days', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
});

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5 * (n % 3)));
      running -= 1;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(peak).toBeLessThanOrEqual(3);
  });
  it('handles an empty list', async () => {
    expect(await mapLimit([], 6, async () => 1)).toEqual([]);
  });
});

describe('mergeHeirs', () => {
  it('lists each heir once with the old units it continues, leaving out self-shares', () => {
    const a = unit('a', 'Xã A', 'commune');
    const b = unit('b', 'Xã B', 'commune');
    const x = unit('x', 'Xã Mới X', 'commune');
    const y = unit('y', 'Phường Y', 'commune');
    const heirs = mergeHeirs([
      { source: a, shares: [{ unitId: 'x', weight: 1, unit: x }] },
      {
        source: b,
        shares: [
          { unitId: 'x', weight: 0.5, unit: x },
          { unitId: 'y', weight: 0.5, unit: y },
        ],
      },
      { source: unit('z', 'Xã Z', 'commune'), shares: [{ unitId: 'z', weight: 1, unit: null }] },
    ]);
    expect(heirs.map((h) => [h.unit.id, h.from.map((f) => [f.unit.id, f.weight])])).toEqual([
      ['y', [['b', 0.5]]],
      [
        'x',
        [
          ['a', 1],
          ['b', 0.5],
        ],
      ],
    ]);
  });
});
