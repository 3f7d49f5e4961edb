/**
 * How many to ask, how to split them among units, how far along the collection is, and how sure a figure is.
 * Pure.
 *
 * - **Sample size** n = N / (1 + N·e²) (the Yamane/Slovin formula; e the margin of error, 5% by default), rounded
 *   up — the formula the SIPAS method uses to size each unit's sample (Đề án 2640/QĐ-BNV; domain notes §4:
 *   "n = N / (1 + N·e²), e = 5%"). N = 10,000 → 385. It assumes a proportion near 50% and 95% confidence.
 *   A result a hair above a whole number through floating-point noise (400 / (1 + 400 · 0.0025)) is not rounded
 *   up to the next one.
 * - **Quotas**: either each unit its own sample (`quotasPerUnit`: n_i = n(N_i), when each unit's index is
 *   published — SIPAS by agency), or one sample split in proportion to the units' populations (`proportionalQuotas`:
 *   largest remainders, an optional minimum per unit, never more than a unit's population).
 * - **Progress** against the quotas: per unit and in total, where a unit's surplus never makes up for another's
 *   shortfall.
 * - **Intervals** at 95% (z = 1.96):
 *   - a proportion: the Wilson score interval (better than the normal one for small n and shares near 0 or 1);
 *   - a mean on a bounded scale (1–5): the normal approximation with the sample standard deviation, times the
 *     finite-population correction √((N − n)/(N − 1)) when the population N is known, clamped to the scale;
 *   - the same two for a **ratio** over respondents who each give several answers (a SIPAS element of four
 *     criteria: four answers per person, not independent): the linearised variance of the ratio estimator
 *     (Cochran, Sampling Techniques, §6.4) — the proportion through Wilson with the effective sample size it
 *     implies. With one answer per respondent both reduce exactly to the plain intervals.
 */

/** The normal quantile of a two-sided 95% interval, as rounded in the hand formulas (1.96). */
export const Z_95 = 1.96;
/** The margin of error (e) the SIPAS method sizes samples with. */
export const DEFAULT_MARGIN = 0.05;

const EPS = 1e-9;

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0 (got ${value})`);
}

/** n = ⌈N / (1 + N·e²)⌉, never above N: 10,000 → 385; 1,000 → 286; 100 → 80; 0 → 0. */
export function sampleSize(population: number, margin: number = DEFAULT_MARGIN): number {
  assertCount('population', population);
  if (!(margin > 0 && margin < 1)) throw new RangeError(`margin must be within (0, 1) (got ${margin})`);
  if (population === 0) return 0;
  const exact = population / (1 + population * margin * margin);
  return Math.min(population, Math.ceil(exact - EPS));
}

export type UnitPopulation = { unit: string; population: number };
export type Quota = { unit: string; population: number; quota: number };

/** Each unit its own sample, sized by `sampleSize` from its own population. */
export function quotasPerUnit(units: readonly UnitPopulation[], margin: number = DEFAULT_MARGIN): Quota[] {
  return units.map((u) => ({
    unit: u.unit,
    population: u.population,
    quota: sampleSize(u.population, margin),
  }));
}

/**
 * One sample of `total` split in proportion to the populations (Hamilton's largest remainders; ties to the larger
 * population, then the order given), after giving each unit `minPerUnit` (or its whole population when smaller).
 * No unit gets more than its population; a `total` above all populations asks everyone. Throws when `total` is
 * below the minimums.
 */
export function proportionalQuotas(
  units: readonly UnitPopulation[],
  total: number,
  options: { minPerUnit?: number } = {},
): Quota[] {
  assertCount('total', total);
  const minPerUnit = options.minPerUnit ?? 0;
  assertCount('minPerUnit', minPerUnit);
  for (const u of units) assertCount(`population of ${u.unit}`, u.population);
  const everyone = units.reduce((a, u) => a + u.population, 0);
  if (total >= everyone) return units.map((u) => ({ ...u, quota: u.population }));
  const floors = units.map((u) => Math.min(minPerUnit, u.population));
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (total < floorSum)
    throw new RangeError(
      `total ${total} is below the minimum of ${minPerUnit} per unit (${floorSum} in all)`,
    );
  const rest = total - floorSum;
  const room = units.map((u, i) => u.population - floors[i]!);
  const roomSum = room.reduce((a, b) => a + b, 0);
  const exact = room.map((r) => (roomSum === 0 ? 0 : (r * rest) / roomSum));
  const quotas = exact.map((x, i) => floors[i]! + Math.floor(x + EPS));
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const order = units
    .map((u, i) => ({ i, frac: exact[i]! - Math.floor(exact[i]! + EPS), population: u.population }))
    .filter((x) => x.frac > EPS)
    .sort((a, b) => b.frac - a.frac || b.population - a.population || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    quotas[i]! += 1;
    left--;
  }
  return units.map((u, i) => ({ unit: u.unit, population: u.population, quota: quotas[i]! }));
}

export type UnitProgress = {
  unit: string;
  quota: number;
  received: number;
  /** Still to collect (0 once reached). */
  remaining: number;
  /** received / quota × 100, two decimals (may pass 100); 100 for a quota of 0. */
  percent: number;
  reached: boolean;
};

export type QuotaProgress = {
  units: UnitProgress[];
  total: {
    quota: number;
    received: number;
    /** Responses that count towards a quota (a unit's surplus does not make up for another's shortfall). */
    counted: number;
    remaining: number;
    /** counted / quota × 100, two decimals. */
    percent: number;
    reached: boolean;
  };
  /** Units with responses but no quota (received counts only). */
  unexpected: { unit: string; received: number }[];
};

const pct = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 10000) / 100);

/** Where the collection stands against the quotas; `received` maps a unit to its valid responses. */
export function quotaProgress(
  quotas: readonly { unit: string; quota: number }[],
  received: Readonly<Record<string, number>>,
): QuotaProgress {
  const units: UnitProgress[] = quotas.map(({ unit, quota }) => {
    const got = Object.hasOwn(received, unit) ? (received[unit] ?? 0) : 0;
    return {
      unit,
      quota,
      received: got,
      remaining: Math.max(0, quota - got),
      percent: pct(got, quota),
      reached: got >= quota,
    };
  });
  const quota = units.reduce((a, u) => a + u.quota, 0);
  const got = units.reduce((a, u) => a + u.received, 0);
  const counted = units.reduce((a, u) => a + Math.min(u.received, u.quota), 0);
  const known = new Set(quotas.map((q) => q.unit));
  const unexpected = Object.entries(received)
    .filter(([unit, n]) => !known.has(unit) && n > 0)
    .map(([unit, n]) => ({ unit, received: n }));
  return {
    units,
    total: {
      quota,
      received: got,
      counted,
      remaining: quota - counted,
      percent: pct(counted, quota),
      reached: counted >= quota,
    },
    unexpected,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Intervals

/** A point estimate and its interval, on the estimate's own scale (a share 0–1, or a mean on the scale). */
export type Estimate = { estimate: number; low: number; high: number };

/**
 * The Wilson score interval of a proportion: successes of n (n may be an effective, fractional size). Null for
 * n = 0. 40 of 50 → 0.8 within [0.6696, 0.8876].
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Estimate | null {
  if (!(n >= 0) || !(successes >= 0) || successes > n + EPS)
    throw new RangeError(`wilsonInterval: need 0 ≤ successes ≤ n (got ${successes} of ${n})`);
  if (n === 0) return null;
  const p = Math.min(1, successes / n);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type MeanOptions = {
  /** The scale's bounds: the interval never leaves them. */
  min: number;
  max: number;
  /** The population the sample was drawn from (finite-population correction). */
  populationSize?: number;
  z?: number;
};

function fpc(n: number, populationSize: number | undefined): number {
  if (populationSize === undefined) return 1;
  if (!(populationSize >= n))
    throw new RangeError(`population ${populationSize} is smaller than the sample ${n}`);
  if (populationSize <= 1) return 0;
  return Math.sqrt((populationSize - n) / (populationSize - 1));
}

const clampTo = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The normal-approximation interval of a mean from its running sums (n, Σx, Σx²): mean ± z·s/√n (s the sample
 * standard deviation), times the finite-population correction when N is known, within [min, max]. One answer
 * says nothing of the spread: the interval is then the whole scale. Null for n = 0.
 */
export function meanInterval(
  sums: { n: number; sum: number; sumSquares: number },
  options: MeanOptions,
): Estimate | null {
  const { n, sum, sumSquares } = sums;
  if (n === 0) return null;
  const mean = sum / n;
  if (n === 1) return { estimate: mean, low: options.min, high: options.max };
  const variance = Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
  const se = (Math.sqrt(variance) / Math.sqrt(n)) * fpc(n, options.populationSize);
  const z = options.z ?? Z_95;
  return {
    estimate: mean,
    low: clampTo(mean - z * se, options.min, options.max),
    high: clampTo(mean + z * se, options.min, options.max),
  };
}

/**
 * Running sums of a ratio over respondents (clusters): respondent i gives m_i answers adding up to y_i (the
 * answers 4–5 for a share, the points for a mean). Collected in one pass: n = number of respondents with m_i > 0,
 * m = Σm_i, y = Σy_i, yy = Σy_i², mm = Σm_i², ym = Σy_i·m_i.
 */
export type RatioSums = { n: number; m: number; y: number; yy: number; mm: number; ym: number };

export const emptyRatioSums = (): RatioSums => ({ n: 0, m: 0, y: 0, yy: 0, mm: 0, ym: 0 });

/** Σ(y_i − R·m_i)² from the running sums, never negative. */
function residualSquares(s: RatioSums, r: number): number {
  return Math.max(0, s.yy - 2 * r * s.ym + r * r * s.mm);
}

/**
 * The share R = y / m with a Wilson interval at the effective sample size R(1 − R)·m² / Σ(y_i − R·m_i)² — the
 * respondents' clustering accounted for; one answer each gives Wilson at n exactly. When every answer is 4–5 (or
 * none is) the clustering cannot be measured: the number of respondents is used (the cautious choice). The
 * effective size never exceeds the number of answers.
 */
export function ratioProportionInterval(
  s: RatioSums,
  z: number = Z_95,
): (Estimate & { effectiveN: number }) | null {
  if (s.n === 0 || s.m === 0) return null;
  const r = s.y / s.m;
  const d = residualSquares(s, r);
  let effectiveN: number;
  if (r <= EPS || r >= 1 - EPS) effectiveN = s.n;
  else if (d <= EPS * s.m) effectiveN = s.m;
  else effectiveN = Math.min(s.m, (r * (1 - r) * s.m * s.m) / d);
  const w = wilsonInterval(Math.min(effectiveN, r * effectiveN), effectiveN, z)!;
  return { estimate: r, low: w.low, high: w.high, effectiveN };
}

/**
 * The mean R = y / m of all answers with the normal interval of the ratio estimator: var = n/(n−1) · Σ(y_i −
 * R·m_i)² / m², times the finite-population correction (of respondents) when N is known, within [min, max]. One
 * answer each reduces to `meanInterval`. A single respondent: the whole scale. Null without answers.
 */
export function ratioMeanInterval(s: RatioSums, options: MeanOptions): Estimate | null {
  if (s.n === 0 || s.m === 0) return null;
  const r = s.y / s.m;
  if (s.n === 1) return { estimate: r, low: options.min, high: options.max };
  const variance = ((s.n / (s.n - 1)) * residualSquares(s, r)) / (s.m * s.m);
  const se = Math.sqrt(variance) * fpc(s.n, options.populationSize);
  const z = options.z ?? Z_95;
  return {
    estimate: r,
    low: clampTo(r - z * se, options.min, options.max),
    high: clampTo(r + z * se, options.min, options.max),
  };
}

/** One entry point for both kinds of interval (95% unless `z` says otherwise). */
export type IntervalInput =
  | { kind: 'proportion'; successes: number; n: number; z?: number }
  | ({ kind: 'mean'; n: number; sum: number; sumSquares: number } & MeanOptions);

export function confidenceInterval(input: IntervalInput): Estimate | null {
  if (input.kind === 'proportion') return wilsonInterval(input.successes, input.n, input.z ?? Z_95);
  return meanInterval(input, input);
}
