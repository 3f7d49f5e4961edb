import { describe, expect, it } from 'vitest';
import { repeatedShortcomings, yearsAfter, type InspectedFacts } from './repeat-shortcomings.js';

const insp = (
  id: string,
  unitId: string,
  on: string,
  findings: [area: string, result: string | null][],
): InspectedFacts => ({
  id,
  unitId,
  on,
  findings: findings.map(([area, result], i) => ({ id: `${id}-f${i}`, area, result })),
});

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

describe('yearsAfter', () => {
  it('moves the year, keeping the day (29/2 becomes 28/2)', () => {
    expect(yearsAfter('2023-05-10', 3)).toBe('2026-05-10');
    expect(yearsAfter('2024-02-29', 3)).toBe('2027-02-28');
    expect(yearsAfter('2024-02-29', 4)).toBe('2028-02-29');
    expect(yearsAfter('2025-12-31', 1)).toBe('2026-12-31');
  });
});

describe('repeated shortcomings', () => {
  it('a shortcoming or violation in the same area in two inspections within three years is a repeat', () => {
    const repeats = repeatedShortcomings(
      [
        insp('a', 'u1', '2024-04-01', [
          ['institutional', 'shortcoming'],
          ['civil_service', 'compliant'],
        ]),
        insp('b', 'u1', '2026-03-20', [
          ['institutional', 'violation'],
          ['civil_service', 'shortcoming'],
        ]),
      ],
      YEAR_2026,
    );
    expect(repeats).toEqual([
      {
        unitId: 'u1',
        area: 'institutional',
        inspectionId: 'b',
        earlierInspectionIds: ['a'],
        findingIds: ['a-f0', 'b-f0'],
      },
    ]);
  });

  it('counts only the same area, the same unit, shortcomings and violations, within three years', () => {
    expect(
      repeatedShortcomings(
        [
          insp('a', 'u1', '2023-03-19', [['institutional', 'shortcoming']]), // more than 3 years before b
          insp('b', 'u1', '2026-03-20', [['institutional', 'shortcoming']]),
          insp('c', 'u2', '2025-01-01', [['civil_service', 'shortcoming']]),
          insp('d', 'u2', '2026-01-01', [['civil_service', 'compliant']]),
          insp('e', 'u3', '2025-01-01', [['finance', 'not_applicable']]),
          insp('f', 'u3', '2026-01-01', [['finance', 'shortcoming']]),
          insp('g', 'u4', '2025-01-01', [['finance', null]]),
          insp('h', 'u4', '2026-01-01', [['finance', 'violation']]),
          insp('i', 'u5', '2025-01-01', [['finance', 'violation']]),
          insp('j', 'u6', '2026-01-01', [['finance', 'violation']]),
        ],
        YEAR_2026,
      ),
    ).toEqual([]);
  });

  it('exactly three years is still within the window', () => {
    expect(
      repeatedShortcomings(
        [
          insp('a', 'u1', '2023-03-20', [['institutional', 'shortcoming']]),
          insp('b', 'u1', '2026-03-20', [['institutional', 'shortcoming']]),
        ],
        YEAR_2026,
      ).map((r) => r.earlierInspectionIds),
    ).toEqual([['a']]);
  });

  it('only the later inspection must be in the period; every earlier one within the window is named', () => {
    const list = [
      insp('a', 'u1', '2024-01-10', [['e_government', 'shortcoming']]),
      insp('b', 'u1', '2025-01-10', [['e_government', 'violation']]),
      insp('c', 'u1', '2026-01-10', [['e_government', 'shortcoming']]),
    ];
    expect(repeatedShortcomings(list, YEAR_2026)).toEqual([
      {
        unitId: 'u1',
        area: 'e_government',
        inspectionId: 'c',
        earlierInspectionIds: ['a', 'b'],
        findingIds: ['a-f0', 'b-f0', 'c-f0'],
      },
    ]);
    expect(
      repeatedShortcomings(list, { from: '2025-01-01', to: '2025-12-31' }).map((r) => r.inspectionId),
    ).toEqual(['b']);
    expect(repeatedShortcomings(list, { from: '2026-01-11', to: '2026-12-31' })).toEqual([]);
  });

  it('two inspections on one day are not a repeat of each other; the order of the input does not matter', () => {
    expect(
      repeatedShortcomings(
        [
          insp('b', 'u1', '2026-02-02', [['finance', 'shortcoming']]),
          insp('a', 'u1', '2026-02-02', [['finance', 'shortcoming']]),
        ],
        YEAR_2026,
      ),
    ).toEqual([]);
    const forward = [
      insp('a', 'u1', '2025-02-02', [['finance', 'shortcoming']]),
      insp('b', 'u1', '2026-02-02', [['finance', 'shortcoming']]),
      insp('c', 'u0', '2025-02-02', [['finance', 'shortcoming']]),
      insp('d', 'u0', '2026-02-02', [['finance', 'shortcoming']]),
    ];
    expect(repeatedShortcomings([...forward].reverse(), YEAR_2026)).toEqual(
      repeatedShortcomings(forward, YEAR_2026),
    );
    expect(repeatedShortcomings(forward, YEAR_2026).map((r) => r.unitId)).toEqual(['u0', 'u1']);
  });
});
