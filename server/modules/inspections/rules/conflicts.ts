/**
 * What may and may not be inspected when, and who should not inspect whom. Pure.
 *
 * - **Conflict of interest** (flagged, not refused: the standing agency decides — a small province may have no
 *   one else to send): a member of the team who holds a unit leader's or a focal point's grant over the inspected
 *   unit — on the unit itself, on a unit above it, or on a unit inside it — or who comes from the inspected unit
 *   (or a unit inside it). Practice: a team member does not inspect the body they lead or work for.
 * - **Refused**, with a message that says why: planned dates out of order or outside the plan's year; a unit
 *   that has ended (the 2025 restructuring ended the districts and merged departments and communes: domain notes
 *   §7) or that is not in force over the whole planned period.
 */

/** The grants that make a member "of" the unit: its leader or its PAR focal point. */
export const CONFLICT_ROLES = ['unit_leader', 'focal_point'] as const;
export type ConflictRole = (typeof CONFLICT_ROLES)[number];

export type ConflictReason = 'leads_unit' | 'focal_point_of_unit' | 'from_unit';

export type MemberFacts = {
  /** The unit the member comes from, with its ancestor chain (the unit itself first). */
  unitPath: readonly string[];
  /** The member's grants, each with its unit's ancestor chain (the unit itself first). */
  grants: readonly { role: string; unitPath: readonly string[] }[];
};

/** A unit chain touches the inspected unit: it is the unit, a unit above it, or a unit inside it. */
const touches = (grantPath: readonly string[], inspected: { unitId: string; unitPath: readonly string[] }) =>
  grantPath.length > 0 &&
  (inspected.unitPath.includes(grantPath[0]!) || grantPath.includes(inspected.unitId));

/**
 * Why a member has a conflict of interest with the inspected unit (empty: none). `inspected.unitPath` is the
 * inspected unit's ancestor chain, the unit itself first.
 */
export function conflictReasons(
  member: MemberFacts,
  inspected: { unitId: string; unitPath: readonly string[] },
): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const over = (role: ConflictRole) =>
    member.grants.some((g) => g.role === role && touches(g.unitPath, inspected));
  if (over('unit_leader')) reasons.push('leads_unit');
  if (over('focal_point')) reasons.push('focal_point_of_unit');
  // Coming from a unit above the inspected one (Sở Nội vụ inspecting one of its own divisions aside) is the
  // ordinary case of a department's team; coming from the unit or a unit inside it is not.
  if (member.unitPath.includes(inspected.unitId)) reasons.push('from_unit');
  return reasons;
}

export type DateProblem =
  | { field: 'plannedTo'; key: 'inspections.dates_order' }
  | { field: 'plannedFrom' | 'plannedTo'; key: 'inspections.dates_outside_year'; year: number };

/** Planned dates (ISO) for an inspection of a plan of `year`: in order, and both inside the year. */
export function plannedDateProblems(input: { year: number | null; from: string; to: string }): DateProblem[] {
  const problems: DateProblem[] = [];
  if (input.from > input.to) problems.push({ field: 'plannedTo', key: 'inspections.dates_order' });
  if (input.year !== null) {
    const y = String(input.year);
    if (input.from.slice(0, 4) !== y)
      problems.push({ field: 'plannedFrom', key: 'inspections.dates_outside_year', year: input.year });
    if (input.to.slice(0, 4) !== y)
      problems.push({ field: 'plannedTo', key: 'inspections.dates_outside_year', year: input.year });
  }
  return problems;
}

export type UnitValidity = { validFrom: string; validTo: string | null };

export type UnitProblem =
  | { key: 'inspections.unit_ended'; date: string }
  | { key: 'inspections.unit_not_yet'; date: string }
  | { key: 'inspections.unit_ends_during'; date: string };

/**
 * Whether a unit can be inspected from `from` to `to`: in force on every day of it. An ended unit (its last day
 * before `from`), a unit that starts after `from`, or one that ends before `to`, is refused — `date` is the
 * unit's last day (ended, ends during) or first day (not yet).
 */
export function unitValidityProblem(unit: UnitValidity, from: string, to: string): UnitProblem | null {
  if (unit.validTo !== null && unit.validTo < from)
    return { key: 'inspections.unit_ended', date: unit.validTo };
  if (unit.validFrom > from) return { key: 'inspections.unit_not_yet', date: unit.validFrom };
  if (unit.validTo !== null && unit.validTo < to)
    return { key: 'inspections.unit_ends_during', date: unit.validTo };
  return null;
}
