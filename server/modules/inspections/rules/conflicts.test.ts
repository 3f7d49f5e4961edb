import { describe, expect, it } from 'vitest';
import { conflictReasons, plannedDateProblems, unitValidityProblem } from './conflicts.js';

// A province P with Sở Tư pháp T (division T1 inside it) and Sở Nội vụ N; a ward W.
const P = 'province';
const T = 'tuphap';
const T1 = 'tuphap-phong-hcbttp';
const N = 'noivu';
const W = 'phuong-vinh-hung';
const path = {
  [P]: [P],
  [T]: [T, P],
  [T1]: [T1, T, P],
  [N]: [N, P],
  [W]: [W, P],
} as Record<string, string[]>;
const inspected = (unitId: string) => ({ unitId, unitPath: path[unitId]! });
const member = (from: string, grants: [string, string][] = []) => ({
  unitPath: path[from]!,
  grants: grants.map(([role, unit]) => ({ role, unitPath: path[unit]! })),
});

describe('conflicts of interest (flagged, not refused)', () => {
  it('an inspector from Sở Nội vụ with no grant over the unit has none', () => {
    expect(conflictReasons(member(N, [['inspector', P]]), inspected(T))).toEqual([]);
  });
  it("the unit's leader or focal point is flagged", () => {
    expect(conflictReasons(member(N, [['unit_leader', T]]), inspected(T))).toEqual(['leads_unit']);
    expect(conflictReasons(member(N, [['focal_point', T]]), inspected(T))).toEqual(['focal_point_of_unit']);
  });
  it('a grant over a unit inside the inspected one, or above it, is flagged too', () => {
    expect(conflictReasons(member(N, [['unit_leader', T1]]), inspected(T))).toEqual(['leads_unit']);
    expect(conflictReasons(member(N, [['focal_point', P]]), inspected(T))).toEqual(['focal_point_of_unit']);
  });
  it("a grant over a sibling unit is not (Sở Tư pháp's focal point inspecting a ward)", () => {
    expect(conflictReasons(member(N, [['focal_point', T]]), inspected(W))).toEqual([]);
    expect(conflictReasons(member(P, [['unit_leader', T1]]), inspected(N))).toEqual([]);
  });
  it('other roles over the unit are not a conflict', () => {
    for (const role of ['admin', 'standing_officer', 'committee_member', 'inspector', 'appraiser'])
      expect(conflictReasons(member(N, [[role, T]]), inspected(T)), role).toEqual([]);
  });
  it('coming from the inspected unit, or a unit inside it, is flagged; from a unit above it is not', () => {
    expect(conflictReasons(member(T), inspected(T))).toEqual(['from_unit']);
    expect(conflictReasons(member(T1), inspected(T))).toEqual(['from_unit']);
    expect(conflictReasons(member(P), inspected(T))).toEqual([]);
  });
  it('lists every reason that applies', () => {
    expect(
      conflictReasons(
        member(T, [
          ['unit_leader', T],
          ['focal_point', T1],
        ]),
        inspected(T),
      ),
    ).toEqual(['leads_unit', 'focal_point_of_unit', 'from_unit']);
  });
});

describe('planned dates', () => {
  it('inside the plan year and in order: nothing to say', () => {
    expect(plannedDateProblems({ year: 2026, from: '2026-03-02', to: '2026-03-04' })).toEqual([]);
    expect(plannedDateProblems({ year: 2026, from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    expect(plannedDateProblems({ year: 2026, from: '2026-05-05', to: '2026-05-05' })).toEqual([]);
  });
  it('out of order', () => {
    expect(plannedDateProblems({ year: 2026, from: '2026-03-04', to: '2026-03-02' })).toEqual([
      { field: 'plannedTo', key: 'inspections.dates_order' },
    ]);
  });
  it('outside the year, on either side', () => {
    expect(plannedDateProblems({ year: 2026, from: '2025-12-29', to: '2026-01-02' })).toEqual([
      { field: 'plannedFrom', key: 'inspections.dates_outside_year', year: 2026 },
    ]);
    expect(plannedDateProblems({ year: 2026, from: '2026-12-30', to: '2027-01-04' })).toEqual([
      { field: 'plannedTo', key: 'inspections.dates_outside_year', year: 2026 },
    ]);
    expect(plannedDateProblems({ year: 2026, from: '2027-02-01', to: '2027-01-04' })).toHaveLength(3);
  });
  it('outside a plan (surprise inspections, re-inspections), only the order counts', () => {
    expect(plannedDateProblems({ year: null, from: '2025-12-29', to: '2026-01-02' })).toEqual([]);
    expect(plannedDateProblems({ year: null, from: '2026-01-02', to: '2025-12-29' })).toHaveLength(1);
  });
});

describe('the unit over the planned dates (the 2025 restructuring)', () => {
  // Huyện Diễn Châu: abolished 1/7/2025 (its last day 30/6/2025); Xã Diễn Châu: from 1/7/2025.
  const district = { validFrom: '1900-01-01', validTo: '2025-06-30' };
  const commune = { validFrom: '2025-07-01', validTo: null };
  it('a unit in force over the whole period: fine', () => {
    expect(unitValidityProblem(commune, '2026-03-02', '2026-03-04')).toBeNull();
    expect(unitValidityProblem(district, '2025-06-02', '2025-06-30')).toBeNull();
  });
  it('an ended unit is refused, naming its last day', () => {
    expect(unitValidityProblem(district, '2026-03-02', '2026-03-04')).toEqual({
      key: 'inspections.unit_ended',
      date: '2025-06-30',
    });
  });
  it('a unit that does not yet exist on the first day is refused, naming its first day', () => {
    expect(unitValidityProblem(commune, '2025-06-30', '2025-07-02')).toEqual({
      key: 'inspections.unit_not_yet',
      date: '2025-07-01',
    });
  });
  it('a unit that ends during the period is refused, naming its last day', () => {
    expect(unitValidityProblem(district, '2025-06-25', '2025-07-03')).toEqual({
      key: 'inspections.unit_ends_during',
      date: '2025-06-30',
    });
  });
});
