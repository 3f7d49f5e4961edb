/**
 * How a published result is read (pure): the change from last year, whether it is **weak**, and where it stands
 * against the province's target. The thresholds are data — versions by index year with shipped defaults
 * (`STANDING_RULE_VERSIONS`) — never constants in the rules: a caller passes the versions it holds.
 *
 * - **Change** from last year: the value's difference with the same dimension's result of the year before (null
 *   when either is missing) and the rank's movement in places (positive = climbed: 30th → 25th is +5).
 * - **Weak** (a result to improve), any of:
 *   `below_average` — the value is below the national average published with it;
 *   `falling` — the value fell by more than `fallBy` (share of the scale, default 0: any fall) or the rank dropped
 *   by at least `rankDrop` places (default 5) since the year before;
 *   `bottom_third` — the rank is in the bottom `bottomShare` of the provinces ranked (default 1/3: below 42nd of 63).
 * - **Status against a target** (a value to reach, a rank to reach, or both) for the target's year:
 *   `met` — that year's result is published and reaches every part of the target;
 *   `missed` — that year's result is published and falls short of a part;
 *   `on_track` — not yet published, and the latest earlier result already reaches the target, or is within the
 *   tolerance (`onTrackGap` share of the scale, default 2%; `onTrackRanks` places, default 3) of every part;
 *   `at_risk` — not yet published, and the latest earlier result is further from a part than that;
 *   `no_data` — not yet published and no earlier result to judge by.
 */

export type StandingRules = {
  weak: {
    belowAverage: boolean;
    /** A fall larger than this share of the scale counts (0: any fall). */
    fallBy: number;
    /** A drop of at least this many places counts (0: rank drops are not counted). */
    rankDrop: number;
    /** The bottom share of the ranked provinces (0: not counted). */
    bottomShare: number;
  };
  target: {
    /** Within this share of the scale of a value target: on track. */
    onTrackGap: number;
    /** Within this many places of a rank target: on track. */
    onTrackRanks: number;
  };
};

export type StandingRuleVersion = {
  /** The first index year it applies to (the latest version starting on or before a year governs it). */
  fromYear: number;
  basis: string;
  rules: StandingRules;
};

export const DEFAULT_STANDING_RULES: StandingRules = {
  weak: { belowAverage: true, fallBy: 0, rankDrop: 5, bottomShare: 1 / 3 },
  target: { onTrackGap: 0.02, onTrackRanks: 3 },
};

/** The shipped versions: the defaults for every year (a province's own versions are added after them). */
export const STANDING_RULE_VERSIONS: readonly StandingRuleVersion[] = [
  { fromYear: 2000, basis: 'chidao', rules: DEFAULT_STANDING_RULES },
];

/** The version in force for an index year: the latest starting on or before it, else the earliest. */
export function standingRulesFor(
  year: number,
  versions: readonly StandingRuleVersion[] = STANDING_RULE_VERSIONS,
): StandingRuleVersion {
  const sorted = versions.toSorted((a, b) => a.fromYear - b.fromYear);
  const found = sorted.filter((v) => v.fromYear <= year).pop() ?? sorted[0];
  if (!found) return { fromYear: 2000, basis: 'chidao', rules: DEFAULT_STANDING_RULES };
  return found;
}

/** Problems of a rule set (each a path and what is wrong with it). */
export function standingRulesProblems(rules: StandingRules): string[] {
  const problems: string[] = [];
  const share = (v: number, path: string) => {
    if (!Number.isFinite(v) || v < 0 || v >= 1) problems.push(`${path}: a share from 0 to below 1`);
  };
  share(rules.weak.fallBy, 'weak.fallBy');
  share(rules.weak.bottomShare, 'weak.bottomShare');
  share(rules.target.onTrackGap, 'target.onTrackGap');
  for (const [v, path] of [
    [rules.weak.rankDrop, 'weak.rankDrop'],
    [rules.target.onTrackRanks, 'target.onTrackRanks'],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v > 100) problems.push(`${path}: whole places from 0 to 100`);
  return problems;
}

/** A published figure as the rules read it. */
export type Figure = {
  value: number;
  rank: number | null;
  rankOf: number | null;
  nationalAverage: number | null;
};

export type Change = {
  /** This year's value minus last year's. */
  value: number;
  /** Places climbed since last year (positive: better), null without both ranks. */
  rank: number | null;
  direction: 'up' | 'down' | 'same';
};

const EPSILON = 1e-9;

/** Rounded as published (two decimals): 87.91 − 86.52 is 1.39, not 1.3899999999999864. */
const round2 = (v: number) => Math.round(v * 100) / 100;

/** The change from last year's result of the same dimension (null without it). */
export function changeFrom(current: Figure, previous: Figure | null | undefined): Change | null {
  if (!previous) return null;
  const value = round2(current.value - previous.value);
  const rank = current.rank !== null && previous.rank !== null ? previous.rank - current.rank : null;
  return { value, rank, direction: value > EPSILON ? 'up' : value < -EPSILON ? 'down' : 'same' };
}

export const WEAK_REASONS = ['below_average', 'falling', 'bottom_third'] as const;
export type WeakReason = (typeof WEAK_REASONS)[number];

/** Why a result is weak (empty: it is not). `scaleMax` is the top of its scale (for `fallBy`). */
export function weakReasons(
  current: Figure,
  previous: Figure | null | undefined,
  scaleMax: number,
  rules: StandingRules = DEFAULT_STANDING_RULES,
): WeakReason[] {
  const out: WeakReason[] = [];
  const w = rules.weak;
  if (w.belowAverage && current.nationalAverage !== null && current.value < current.nationalAverage - EPSILON)
    out.push('below_average');
  const change = changeFrom(current, previous);
  if (change) {
    const fell = change.value < -(w.fallBy * scaleMax) - EPSILON;
    const dropped = w.rankDrop > 0 && change.rank !== null && -change.rank >= w.rankDrop;
    if (fell || dropped) out.push('falling');
  }
  if (
    w.bottomShare > 0 &&
    current.rank !== null &&
    current.rankOf !== null &&
    current.rankOf > 0 &&
    current.rank > current.rankOf * (1 - w.bottomShare) + EPSILON
  )
    out.push('bottom_third');
  return out;
}

export const TARGET_STATUSES = ['met', 'on_track', 'at_risk', 'missed', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export type Target = { targetValue: number | null; targetRank: number | null };

/**
 * Where a target stands: against its year's result once published (`met`/`missed`), else against the latest earlier
 * result (`on_track`/`at_risk`), else `no_data`. A target with neither part is never met (`no_data`).
 */
export function targetStatus(
  target: Target,
  result: Figure | null | undefined,
  baseline: Figure | null | undefined,
  scaleMax: number,
  rules: StandingRules = DEFAULT_STANDING_RULES,
): TargetStatus {
  if (target.targetValue === null && target.targetRank === null) return 'no_data';
  if (result) return reaches(target, result, 0, 0) ? 'met' : 'missed';
  if (!baseline) return 'no_data';
  if (target.targetRank !== null && baseline.rank === null && target.targetValue === null) return 'no_data';
  const gap = rules.target.onTrackGap * scaleMax;
  return reaches(target, baseline, gap, rules.target.onTrackRanks) ? 'on_track' : 'at_risk';
}

/** Every part of the target reached, allowing `gap` on the value and `places` on the rank. */
function reaches(target: Target, f: Figure, gap: number, places: number): boolean {
  if (target.targetValue !== null && f.value < target.targetValue - gap - EPSILON) return false;
  if (target.targetRank !== null) {
    // A rank target with no published rank is not reached (we cannot tell).
    if (f.rank === null) return false;
    if (f.rank > target.targetRank + places) return false;
  }
  return true;
}
