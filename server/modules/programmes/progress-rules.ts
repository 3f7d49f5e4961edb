/**
 * Progress of a reform programme's targets (issue 18, item 0) — pure, no I/O.
 *
 * A target says what the programme promised: a comparison (≥ for "at least 80% of dossiers online", ≤ for "no
 * more than 2% late"), a final value for the programme's last year and milestones for some years in between
 * (Resolution 76/NQ-CP, 2021–2030, section III sets 2025 and 2030 values; a province's resolution sets its own
 * yearly steps). For each year of the period this file says where the target stands:
 *
 * - a past year with a milestone and a value: `achieved` (the value meets the milestone) or `missed`;
 * - the current year with a milestone and a value (year to date): `on_track` (meets it), `at_risk` (short of it
 *   by no more than the programme's tolerance) or `off_track` (further short);
 * - a year with a milestone but no value: `no_data`; a year without a milestone: `no_milestone` (the value is
 *   shown, not judged); a year after the current one: `upcoming`.
 *
 * The tolerance is the programme's own data (`points` of the target's measure, or `percent` of the milestone),
 * never a constant here; the default the module offers is 5 points. Each judgement carries its reasoning (value,
 * milestone, gap, tolerance) so the page can say "Đạt 82,4% so với mốc 80% năm 2025".
 */

export type Comparison = 'gte' | 'lte';
export type Tolerance = { kind: 'points' | 'percent'; value: number };

export type YearStatus =
  'achieved' | 'missed' | 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_milestone' | 'upcoming';

export const YEAR_STATUSES: readonly YearStatus[] = [
  'achieved',
  'missed',
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'no_milestone',
  'upcoming',
];

/** The statuses as people read them (vi first), for the review report and exports. */
export const YEAR_STATUS_LABELS: Record<YearStatus, { vi: string; en: string }> = {
  achieved: { vi: 'Đạt', en: 'Achieved' },
  missed: { vi: 'Không đạt', en: 'Missed' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
  no_milestone: { vi: 'Không đặt mốc', en: 'No milestone' },
  upcoming: { vi: 'Chưa đến kỳ', en: 'Upcoming' },
};

export type TargetSpec = {
  comparison: Comparison;
  /** Milestones by year (the final value is the programme's last year's milestone unless one is set). */
  milestones: readonly { year: number; value: number }[];
  finalValue: number;
};

export type YearJudgement = {
  year: number;
  status: YearStatus;
  /** The value judged (year to date for the current year), or null. */
  value: number | null;
  milestone: number | null;
  /**
   * How far the value is from the milestone in the direction that matters: ≥ 0 meets it; < 0 falls short
   * (for ≤ targets the sign is turned so that short is always negative). Null without both.
   */
  margin: number | null;
  /** The tolerance in the measure's units for this year's milestone (the current year only). */
  tolerance: number | null;
  current: boolean;
};

/** Floating-point slack: 80 − 79.99999999 is "meets". */
const EPS = 1e-9;

/** The milestone of a year: its own, else the final value in the programme's last year, else none. */
export function milestoneFor(spec: TargetSpec, year: number, toYear: number): number | null {
  const own = spec.milestones.find((m) => m.year === year);
  if (own) return own.value;
  return year === toYear ? spec.finalValue : null;
}

/** The margin by which a value meets (≥ 0) or falls short of (< 0) a milestone under the comparison. */
export function marginOf(comparison: Comparison, value: number, milestone: number): number {
  return comparison === 'gte' ? value - milestone : milestone - value;
}

/** The tolerance in the target's units: points as given, percent of the milestone's size. */
export function toleranceAmount(tolerance: Tolerance, milestone: number): number {
  return tolerance.kind === 'points'
    ? Math.max(0, tolerance.value)
    : (Math.abs(milestone) * Math.max(0, tolerance.value)) / 100;
}

/** One year's judgement (see the file's comment). */
export function judgeYear(
  spec: TargetSpec,
  q: { year: number; toYear: number; currentYear: number; value: number | null; tolerance: Tolerance },
): YearJudgement {
  const milestone = milestoneFor(spec, q.year, q.toYear);
  const current = q.year === q.currentYear;
  const base = { year: q.year, value: q.value, milestone, current };
  if (q.year > q.currentYear) return { ...base, status: 'upcoming', margin: null, tolerance: null };
  if (milestone === null) return { ...base, status: 'no_milestone', margin: null, tolerance: null };
  if (q.value === null) return { ...base, status: 'no_data', margin: null, tolerance: null };
  const margin = marginOf(spec.comparison, q.value, milestone);
  if (!current) return { ...base, status: margin >= -EPS ? 'achieved' : 'missed', margin, tolerance: null };
  const tolerance = toleranceAmount(q.tolerance, milestone);
  const status = margin >= -EPS ? 'on_track' : -margin <= tolerance + EPS ? 'at_risk' : 'off_track';
  return { ...base, status, margin, tolerance };
}

/** Every year of the period judged, in order. */
export function judgeTarget(
  spec: TargetSpec,
  q: {
    fromYear: number;
    toYear: number;
    currentYear: number;
    values: ReadonlyMap<number, number>;
    tolerance: Tolerance;
  },
): YearJudgement[] {
  const out: YearJudgement[] = [];
  for (let year = q.fromYear; year <= q.toYear; year += 1)
    out.push(
      judgeYear(spec, {
        year,
        toYear: q.toYear,
        currentYear: q.currentYear,
        value: q.values.get(year) ?? null,
        tolerance: q.tolerance,
      }),
    );
  return out;
}

export type Headline = 'achieved' | 'missed' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/**
 * Where a target stands overall: the current year's judgement when the period includes it and it is judged; else
 * the latest judged past year's (achieved / missed); else `no_data`. A programme whose period has ended is read by
 * its final year alone — the final value is what was promised: without that year's figure it is `no_data`, never
 * "achieved" on an earlier milestone.
 */
export function headlineOf(years: readonly YearJudgement[]): { status: Headline; year: number | null } {
  const last = years.at(-1);
  if (last && !last.current && years.every((y) => !y.current && y.status !== 'upcoming')) {
    if (last.status === 'achieved' || last.status === 'missed')
      return { status: last.status, year: last.year };
    return { status: 'no_data', year: null };
  }
  const current = years.find((y) => y.current);
  if (
    current &&
    (current.status === 'on_track' || current.status === 'at_risk' || current.status === 'off_track')
  )
    return { status: current.status, year: current.year };
  const past = [...years]
    .reverse()
    .find((y) => !y.current && (y.status === 'achieved' || y.status === 'missed'));
  if (past) return { status: past.status as Headline, year: past.year };
  return { status: 'no_data', year: null };
}

export type Summary = Record<Headline, number> & { total: number };

/** The programme's summary: how many targets stand where (each target counted once, by its headline). */
export function summarise(headlines: readonly Headline[]): Summary {
  const out: Summary = {
    total: headlines.length,
    achieved: 0,
    missed: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
    no_data: 0,
  };
  for (const h of headlines) out[h] += 1;
  return out;
}

export type MilestoneProblem =
  | { key: 'programmes.milestone_outside'; year: number }
  | { key: 'programmes.milestone_twice'; year: number }
  | { key: 'programmes.baseline_after_start'; year: number };

/**
 * What is wrong with a target's years against the programme's period: a milestone outside from–to, a year given
 * twice, a baseline year after the first year (a baseline is measured before or at the start).
 */
export function milestoneProblems(
  period: { fromYear: number; toYear: number },
  target: { milestones: readonly { year: number }[]; baselineYear: number | null },
): MilestoneProblem[] {
  const out: MilestoneProblem[] = [];
  const seen = new Set<number>();
  for (const m of target.milestones) {
    if (m.year < period.fromYear || m.year > period.toYear)
      out.push({ key: 'programmes.milestone_outside', year: m.year });
    else if (seen.has(m.year)) out.push({ key: 'programmes.milestone_twice', year: m.year });
    seen.add(m.year);
  }
  if (target.baselineYear !== null && target.baselineYear > period.fromYear)
    out.push({ key: 'programmes.baseline_after_start', year: target.baselineYear });
  return out;
}
