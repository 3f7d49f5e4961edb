/**
 * Self-inspection coverage (tự kiểm tra CCHC; domain notes §2.6): every department and commune inspects at least
 * half of its own divisions and sub-units each year — the share is the rules' `selfInspectionCoverage`
 * (./inspection-rules.ts, default 0.5), never a constant here. Pure: no I/O; the service gives the units as the
 * registry holds them.
 *
 * Who self-inspects, and what counts as its "divisions and sub-units" (SELF_INSPECTION_SCOPE, below). The unit
 * registry (../../units: UNIT_KINDS) has no kind of its own for a division: a department's divisions (văn phòng
 * sở, phòng chuyên môn) and attached units (chi cục, trung tâm, ban quản lý dự án, đơn vị sự nghiệp), a commune's
 * divisions (Văn phòng HĐND và UBND, Phòng Kinh tế — in a ward Phòng Kinh tế, Hạ tầng và Đô thị —, Phòng Văn hóa
 * - Xã hội: Nghị định 150/2025/NĐ-CP) and its Trung tâm Phục vụ hành chính công are registered with the kind
 * `other` — everything that is neither a level of government nor a department, board, Party or mass body. So:
 * - a department (sở, ban, ngành; `department`) counts its direct sub-units of kind `other` (its divisions and
 *   attached units) and `management_board` (a board attached to it);
 * - a management board (BQL Khu kinh tế…) counts its `other` sub-units;
 * - a district (until 30/6/2025, when the level ended) counts its communes and its `other` sub-units (phòng);
 * - a commune (xã, phường, đặc khu) counts its `other` sub-units.
 * Party bodies and mass organisations under a unit (Đảng ủy, Công đoàn) are not inspected by it for PAR, and a
 * unit deeper than a direct sub-unit (a trạm of a chi cục) may be inspected and recorded but does not count:
 * the rule is about the unit's own divisions and sub-units.
 *
 * The year's units "as the registry holds them": a unit is looked at on its **reference day** of the year — the
 * year's last day, or today for the year under way, or its own last day if it ended that year (a district that
 * ended on 30/6/2025 is counted with its communes as they stood that day; a commune formed on 1/7/2025 with the
 * divisions it has). Its sub-units are those in force under it that day. An inspection counts when it was made
 * in the year by the unit and names one of those sub-units — or a sub-unit that ended earlier in the year and
 * whose lineage leads to one of them (a division merged on 1/3 and inspected in January counts for the
 * division that carries it): `carriedBy`.
 */

/** The coverage threshold when no rules version says otherwise (domain notes §2.6: at least 50%). */
export const DEFAULT_SELF_INSPECTION_COVERAGE = 0.5;

/** The kinds of unit that self-inspect, each with the kinds of its direct sub-units that count (see above). */
export const SELF_INSPECTION_SCOPE = {
  department: ['other', 'management_board'],
  management_board: ['other'],
  district: ['commune', 'other'],
  commune: ['other'],
} as const satisfies Record<string, readonly string[]>;

export type InspectingKind = keyof typeof SELF_INSPECTION_SCOPE;
export const INSPECTING_KINDS = Object.keys(SELF_INSPECTION_SCOPE) as InspectingKind[];

export type CoverageRules = {
  /** The share of sub-units to inspect in a year, in (0, 1]. */
  threshold: number;
  /** Inspecting kind → the kinds of its direct sub-units that count. */
  scope: Readonly<Record<string, readonly string[]>>;
};

export const DEFAULT_COVERAGE_RULES: CoverageRules = {
  threshold: DEFAULT_SELF_INSPECTION_COVERAGE,
  scope: SELF_INSPECTION_SCOPE,
};

export const isInspectingKind = (rules: CoverageRules, kind: string): boolean =>
  Object.hasOwn(rules.scope, kind);

/** Whether a direct sub-unit of this kind counts for a unit of that kind. */
export const countsAsSubUnit = (rules: CoverageRules, inspectingKind: string, subUnitKind: string): boolean =>
  (Object.hasOwn(rules.scope, inspectingKind) ? rules.scope[inspectingKind]! : []).includes(subUnitKind);

/** A threshold a rules version may hold: a share above 0 and at most 1. */
export const validThreshold = (t: unknown): t is number =>
  typeof t === 'number' && Number.isFinite(t) && t > 0 && t <= 1;

type IsoDate = string;

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The day a unit valid [validFrom, validTo] is looked at for `year`: the year's last day, today for the year
 * under way, its own last day if it ended earlier. Null when it was in force on no day of the year up to today
 * (a year to come, a unit formed later or ended before).
 */
export function referenceDay(
  year: number,
  today: IsoDate,
  validFrom: IsoDate,
  validTo: IsoDate | null,
): IsoDate | null {
  const y = yearBounds(year);
  let day = y.to < today ? y.to : today;
  if (validTo !== null && validTo < day) day = validTo;
  if (day < y.from || day < validFrom) return null;
  return day;
}

/** Why an inspection's date cannot be recorded for `year` by a unit valid [from, to] (null: it can). */
export type DateProblem =
  | { problem: 'outside_year' }
  | { problem: 'future' }
  | { problem: 'unit_not_yet'; from: IsoDate }
  | { problem: 'unit_ended'; to: IsoDate };

export function inspectionDateProblem(
  date: IsoDate,
  year: number,
  today: IsoDate,
  unit: { validFrom: IsoDate; validTo: IsoDate | null },
): DateProblem | null {
  const y = yearBounds(year);
  if (date < y.from || date > y.to) return { problem: 'outside_year' };
  if (date > today) return { problem: 'future' };
  if (date < unit.validFrom) return { problem: 'unit_not_yet', from: unit.validFrom };
  if (unit.validTo !== null && date > unit.validTo) return { problem: 'unit_ended', to: unit.validTo };
  return null;
}

/**
 * How many sub-units must be inspected: the smallest whole number reaching the threshold (4 of 8 at 50%, 2 of
 * 3, 1 of 1; 0 of none). Computed on thousandths so that 0.1 × 30 is 3, not 3.0000000000000004 → 4.
 */
export function neededFor(total: number, threshold: number): number {
  if (total <= 0) return 0;
  const milli = Math.round(threshold * 1000);
  return Math.ceil((total * milli) / 1000 - 1e-9);
}

export type CoverageStatus = 'reached' | 'not_reached' | 'no_sub_units';

export type Coverage = {
  /** Sub-units in force on the reference day (the denominator). */
  total: number;
  /** The distinct sub-units counted as inspected, in the order given (the numerator's list). */
  inspected: string[];
  /** inspected / total as a percentage with two decimals; null without sub-units. */
  percent: number | null;
  /** Sub-units to inspect to reach the threshold. */
  needed: number;
  /** Of those, still to inspect (0 once reached). */
  missing: number;
  status: CoverageStatus;
};

const pct = (n: number, d: number) => Math.round((n / d) * 10000) / 100;

/**
 * A unit's coverage: `subUnitIds` are its counted sub-units on the reference day; `inspectedIds` the units named
 * by its inspections of the year; `carriedBy` gives, for an inspected unit that is not among them (ended during
 * the year), the units that carry it on the reference day (its lineage successors).
 */
export function coverageOf(
  subUnitIds: readonly string[],
  inspectedIds: readonly string[],
  threshold: number,
  carriedBy: ReadonlyMap<string, readonly string[]> = new Map(),
): Coverage {
  const set = new Set(subUnitIds);
  const hit = new Set<string>();
  for (const id of inspectedIds) {
    if (set.has(id)) hit.add(id);
    else for (const c of carriedBy.get(id) ?? []) if (set.has(c)) hit.add(c);
  }
  const total = set.size;
  const inspected = [...set].filter((id) => hit.has(id));
  const needed = neededFor(total, threshold);
  const status: CoverageStatus =
    total === 0 ? 'no_sub_units' : inspected.length >= needed ? 'reached' : 'not_reached';
  return {
    total,
    inspected,
    percent: total ? pct(inspected.length, total) : null,
    needed,
    missing: Math.max(0, needed - inspected.length),
    status,
  };
}

/** The province view's counts of a list of units' coverage. */
export function coverageCounts(rows: readonly { status: CoverageStatus }[]) {
  return {
    units: rows.length,
    reached: rows.filter((r) => r.status === 'reached').length,
    notReached: rows.filter((r) => r.status === 'not_reached').length,
    noSubUnits: rows.filter((r) => r.status === 'no_sub_units').length,
  };
}
