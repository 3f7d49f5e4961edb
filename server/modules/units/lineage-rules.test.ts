import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  EVENT_KINDS,
  overlaps,
  restateBackward,
  restateForward,
  shapeProblem,
  successorShares,
  type Link,
} from './lineage-rules.js';

describe('event shapes', () => {
  const ok: Record<(typeof EVENT_KINDS)[number], [number, number]> = {
    establish: [0, 1],
    rename: [1, 0],
    transfer: [1, 0],
    merge: [2, 1],
    absorb: [1, 1],
    split: [1, 2],
    abolish: [1, 0],
  };
  for (const kind of EVENT_KINDS) {
    it(`${kind}: ${ok[kind][0]} → ${ok[kind][1]} fits; other shapes are refused with the rule in both languages`, () => {
      expect(shapeProblem(kind, { from: ok[kind][0], to: ok[kind][1] })).toBeNull();
      const bad = shapeProblem(kind, { from: ok[kind][0] + 5, to: ok[kind][1] + 5 });
      if (kind === 'merge' || kind === 'absorb' || kind === 'split' || kind === 'abolish') {
        // These accept many on the open side; break the closed side instead.
        expect(shapeProblem(kind, { from: 0, to: 0 })).not.toBeNull();
      } else {
        expect(bad).not.toBeNull();
      }
    });
  }
  it('a merge needs two predecessors', () => {
    expect(shapeProblem('merge', { from: 1, to: 1 })?.en).toBe(
      'at least two predecessors and exactly one successor',
    );
  });
});

describe('successor shares', () => {
  it('a split without weights shares equally; other kinds pass the whole', () => {
    expect(successorShares('split', [null, null, null])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(successorShares('merge', [undefined])).toEqual([1]);
  });
  it('given weights must all be given and add up to 1', () => {
    expect(successorShares('split', [0.25, 0.75])).toEqual([0.25, 0.75]);
    expect(successorShares('split', [0.25, 0.7])).toBeNull();
    expect(successorShares('split', [0.25, null])).toBeNull();
  });
});

const L = (
  eventId: string,
  kind: Link['kind'],
  date: string,
  p: string,
  s: string,
  weight: number | null = null,
): Link => ({ eventId, kind, date, predecessorId: p, successorId: s, weight });

describe('restating facts across lineage (DHIS2 lesson: history is not rewritten, it is restated)', () => {
  // 2025: communes A and B merge into AB; C splits into C1 (0.7) and C2 (0.3); 2026: AB and C1 merge into Z.
  const links = [
    L('e1', 'merge', '2025-07-01', 'A', 'AB'),
    L('e1', 'merge', '2025-07-01', 'B', 'AB'),
    L('e2', 'split', '2025-07-01', 'C', 'C1', 0.7),
    L('e2', 'split', '2025-07-01', 'C', 'C2', 0.3),
    L('e3', 'merge', '2026-03-01', 'AB', 'Z'),
    L('e3', 'merge', '2026-03-01', 'C1', 'Z'),
  ];
  it('forward through a merge and a later merge', () => {
    expect(restateForward('A', '2024-01-01', '2026-06-01', links)).toEqual([{ unitId: 'Z', weight: 1 }]);
  });
  it('forward through a split keeps the shares', () => {
    expect(restateForward('C', '2024-01-01', '2026-06-01', links)).toEqual([
      { unitId: 'Z', weight: 0.7 },
      { unitId: 'C2', weight: 0.3 },
    ]);
  });
  it('stops at the target date', () => {
    expect(restateForward('A', '2024-01-01', '2025-12-31', links)).toEqual([{ unitId: 'AB', weight: 1 }]);
  });
  it('a unit with no later event carries its own facts', () => {
    expect(restateForward('C2', '2025-07-01', '2026-06-01', links)).toEqual([{ unitId: 'C2', weight: 1 }]);
  });
  it('backward: Z today is A + B + 70% of C', () => {
    expect(
      restateBackward('Z', '2026-06-01', '2024-01-01', links).sort((a, b) =>
        a.unitId.localeCompare(b.unitId),
      ),
    ).toEqual([
      { unitId: 'A', weight: 1 },
      { unitId: 'B', weight: 1 },
      { unitId: 'C', weight: 0.7 },
    ]);
  });
  it('backward through an absorb includes the receiving unit itself', () => {
    const absorb = [L('e9', 'absorb', '2025-03-01', 'KHDT', 'TC')];
    expect(
      restateBackward('TC', '2026-01-01', '2024-01-01', absorb)
        .map((s) => s.unitId)
        .sort(),
    ).toEqual(['KHDT', 'TC']);
  });
});

describe('dates', () => {
  it('the day before, across months, years and leap days', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
  it('validity ranges overlap (open ends included)', () => {
    expect(overlaps('2025-07-01', null, '1900-01-01', '2025-06-30')).toBe(false);
    expect(overlaps('2025-06-30', null, '1900-01-01', '2025-06-30')).toBe(true);
    expect(overlaps('2020-01-01', '2020-12-31', '2021-01-01', null)).toBe(false);
  });
});
