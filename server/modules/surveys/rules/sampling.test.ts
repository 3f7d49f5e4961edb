import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  DEFAULT_MARGIN,
  emptyRatioSums,
  meanInterval,
  proportionalQuotas,
  quotaProgress,
  quotasPerUnit,
  ratioMeanInterval,
  ratioProportionInterval,
  sampleSize,
  wilsonInterval,
  Z_95,
  type RatioSums,
} from './sampling.js';

const close = (actual: number | undefined, expected: number, digits = 4) =>
  expect(actual).toBeCloseTo(expected, digits);

/** The running sums of respondents given as [answers, successes-or-points] pairs. */
function sums(respondents: [number, number][]): RatioSums {
  const s = emptyRatioSums();
  for (const [m, y] of respondents) {
    if (m === 0) continue;
    s.n += 1;
    s.m += m;
    s.y += y;
    s.yy += y * y;
    s.mm += m * m;
    s.ym += y * m;
  }
  return s;
}

describe('sampleSize: n = N / (1 + N·e²), rounded up (SIPAS, e = 5%)', () => {
  it('n for N = 10,000 is 385', () => {
    expect(sampleSize(10_000)).toBe(385);
    expect(DEFAULT_MARGIN).toBe(0.05);
  });
  it('hand-computed values: 1,000 → 286; 100 → 80; 50 → 45; 1,000,000 → 400 (the formula’s ceiling)', () => {
    expect(sampleSize(1_000)).toBe(286); // 1000 / 3.5 = 285.71
    expect(sampleSize(100)).toBe(80); // 100 / 1.25
    expect(sampleSize(50)).toBe(45); // 50 / 1.125 = 44.44
    expect(sampleSize(1_000_000)).toBe(400); // 1e6 / 2501 = 399.84
  });
  it('a whole result is not pushed to the next one by floating-point noise (400 → 200, not 201)', () => {
    expect(sampleSize(400)).toBe(200);
    expect(sampleSize(400, 0.1)).toBe(80); // 400 / 5
  });
  it('never asks more people than there are; nobody of nobody', () => {
    expect(sampleSize(1)).toBe(1);
    expect(sampleSize(2)).toBe(2);
    expect(sampleSize(0)).toBe(0);
  });
  it('a wider margin asks fewer: N = 10,000 at 10% → 100', () => {
    expect(sampleSize(10_000, 0.1)).toBe(100); // 10000 / 101 = 99.01
  });
  it('refuses a population that is not a count, and a margin outside (0, 1)', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => sampleSize(bad)).toThrow(RangeError);
    for (const bad of [0, 1, -0.05, Number.NaN]) expect(() => sampleSize(100, bad)).toThrow(RangeError);
  });
});

describe('quotas', () => {
  it('quotasPerUnit: each unit its own sample from its own population', () => {
    expect(
      quotasPerUnit([
        { unit: 'so_tu_phap', population: 10_000 },
        { unit: 'xa_a', population: 100 },
        { unit: 'xa_b', population: 0 },
      ]),
    ).toEqual([
      { unit: 'so_tu_phap', population: 10_000, quota: 385 },
      { unit: 'xa_a', population: 100, quota: 80 },
      { unit: 'xa_b', population: 0, quota: 0 },
    ]);
  });

  it('proportionalQuotas: one sample split by population, largest remainders, adding up exactly', () => {
    const units = [
      { unit: 'a', population: 500 },
      { unit: 'b', population: 300 },
      { unit: 'c', population: 200 },
    ];
    expect(proportionalQuotas(units, 100).map((q) => q.quota)).toEqual([50, 30, 20]);
    // 101: exact 50.5 / 30.3 / 20.2 → floors 50 / 30 / 20, the one left to the largest remainder (a).
    expect(proportionalQuotas(units, 101).map((q) => q.quota)).toEqual([51, 30, 20]);
    // 3 of three equal units: one each; 2 of three equal units: ties go in the order given.
    const equal = ['x', 'y', 'z'].map((unit) => ({ unit, population: 10 }));
    expect(proportionalQuotas(equal, 3).map((q) => q.quota)).toEqual([1, 1, 1]);
    expect(proportionalQuotas(equal, 2).map((q) => q.quota)).toEqual([1, 1, 0]);
  });

  it('proportionalQuotas: a minimum per unit first, never more than a unit’s population', () => {
    const units = [
      { unit: 'big', population: 1000 },
      { unit: 'small', population: 10 },
      { unit: 'tiny', population: 3 },
    ];
    // Minimums 5, 5, 3 (tiny has only 3 people); the 87 left go by the room above them: 995 / 5 / 0 of 1,000 →
    // 86,565 / 0,435 / 0 → 86 / 0 / 0, the last one to the largest remainder (big).
    const q = proportionalQuotas(units, 100, { minPerUnit: 5 });
    expect(q.map((x) => x.quota)).toEqual([92, 5, 3]);
    expect(q.reduce((a, x) => a + x.quota, 0)).toBe(100);
    expect(q.every((x) => x.quota <= x.population)).toBe(true);
  });

  it('proportionalQuotas: a total above everyone asks everyone; below the minimums is refused', () => {
    const units = [
      { unit: 'a', population: 5 },
      { unit: 'b', population: 7 },
    ];
    expect(proportionalQuotas(units, 50).map((q) => q.quota)).toEqual([5, 7]);
    expect(() => proportionalQuotas(units, 5, { minPerUnit: 4 })).toThrow(RangeError);
    expect(() => proportionalQuotas(units, -1)).toThrow(RangeError);
  });

  it('quotaProgress: per unit and in total; one unit’s surplus does not make up for another’s shortfall', () => {
    const p = quotaProgress(
      [
        { unit: 'a', quota: 100 },
        { unit: 'b', quota: 50 },
        { unit: 'c', quota: 0 },
      ],
      { a: 130, b: 20, z: 4 },
    );
    expect(p.units).toEqual([
      { unit: 'a', quota: 100, received: 130, remaining: 0, percent: 130, reached: true },
      { unit: 'b', quota: 50, received: 20, remaining: 30, percent: 40, reached: false },
      { unit: 'c', quota: 0, received: 0, remaining: 0, percent: 100, reached: true },
    ]);
    expect(p.total).toEqual({
      quota: 150,
      received: 150,
      counted: 120,
      remaining: 30,
      percent: 80,
      reached: false,
    });
    expect(p.unexpected).toEqual([{ unit: 'z', received: 4 }]);
  });

  it('quotaProgress: percentages to two decimals (1 of 3 → 33,33%)', () => {
    expect(quotaProgress([{ unit: 'a', quota: 3 }], { a: 1 }).units[0]!.percent).toBe(33.33);
    expect(quotaProgress([{ unit: 'a', quota: 3 }], {}).units[0]!.received).toBe(0);
  });
});

describe('wilsonInterval: a proportion at 95%', () => {
  it('40 of 50 → 0,8 within [0,6696; 0,8876] (hand-computed with z = 1,96)', () => {
    // centre = (0.8 + 1.96²/100) / (1 + 1.96²/50) = 0.838416 / 1.076832 = 0.77860
    // half   = 1.96 · √(0.8·0.2/50 + 1.96²/10000) / 1.076832 = 0.10897
    const w = wilsonInterval(40, 50)!;
    expect(w.estimate).toBe(0.8);
    close(w.low, 0.6696);
    close(w.high, 0.8876);
    expect(Z_95).toBe(1.96);
  });
  it('0 of 10 → [0; 0,2775] and 10 of 10 → [0,7225; 1]: never a zero-width interval at the edges', () => {
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    close(none.high, 3.8416 / 13.8416); // z²/n / (1 + z²/n)
    const all = wilsonInterval(10, 10)!;
    close(all.low, 10 / 13.8416);
    expect(all.high).toBe(1);
  });
  it('1 of 2 → [0,0945; 0,9055]', () => {
    const w = wilsonInterval(1, 2)!;
    close(w.low, 0.0945);
    close(w.high, 0.9055);
  });
  it('no answers: no interval; impossible counts are refused', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });
  it('a wider z widens it', () => {
    const w95 = wilsonInterval(40, 50)!;
    const w99 = wilsonInterval(40, 50, 2.576)!;
    expect(w99.low).toBeLessThan(w95.low);
    expect(w99.high).toBeGreaterThan(w95.high);
  });
});

describe('meanInterval: a mean on a bounded scale at 95%', () => {
  it('answers 4, 4, 5, 3 → 4 ± 1,96·0,8165/2 = [3,1998; 4,8002]', () => {
    const m = meanInterval({ n: 4, sum: 16, sumSquares: 66 }, { min: 1, max: 5 })!;
    expect(m.estimate).toBe(4);
    close(m.low, 3.1998);
    close(m.high, 4.8002);
  });
  it('with the population known (N = 10), the finite-population correction √(6/9) narrows it: [3,3467; 4,6533]', () => {
    const m = meanInterval({ n: 4, sum: 16, sumSquares: 66 }, { min: 1, max: 5, populationSize: 10 })!;
    close(m.low, 3.3467);
    close(m.high, 4.6533);
  });
  it('a census (n = N) has no sampling error', () => {
    const m = meanInterval({ n: 4, sum: 16, sumSquares: 66 }, { min: 1, max: 5, populationSize: 4 })!;
    expect([m.low, m.high]).toEqual([4, 4]);
  });
  it('stays within the scale', () => {
    const m = meanInterval({ n: 3, sum: 14, sumSquares: 25 + 25 + 16 }, { min: 1, max: 5 })!;
    expect(m.high).toBe(5);
  });
  it('one answer says nothing of the spread: the whole scale; none: no interval', () => {
    expect(meanInterval({ n: 1, sum: 4, sumSquares: 16 }, { min: 1, max: 5 })).toEqual({
      estimate: 4,
      low: 1,
      high: 5,
    });
    expect(meanInterval({ n: 0, sum: 0, sumSquares: 0 }, { min: 1, max: 5 })).toBeNull();
  });
  it('a population smaller than the sample is refused', () => {
    expect(() =>
      meanInterval({ n: 4, sum: 16, sumSquares: 66 }, { min: 1, max: 5, populationSize: 3 }),
    ).toThrow(RangeError);
  });
});

describe('ratio intervals: several answers per respondent', () => {
  it('one answer each: the share’s interval is Wilson’s exactly', () => {
    const s = sums([...Array(40).fill([1, 1]), ...Array(10).fill([1, 0])] as [number, number][]);
    const r = ratioProportionInterval(s)!;
    const w = wilsonInterval(40, 50)!;
    expect(r.estimate).toBe(0.8);
    close(r.effectiveN, 50, 9);
    close(r.low, w.low, 9);
    close(r.high, w.high, 9);
  });

  it('one answer each: the mean’s interval is meanInterval’s exactly (with the population correction too)', () => {
    const s = sums([
      [1, 4],
      [1, 4],
      [1, 5],
      [1, 3],
    ]);
    const plain = meanInterval({ n: 4, sum: 16, sumSquares: 66 }, { min: 1, max: 5, populationSize: 10 })!;
    const ratio = ratioMeanInterval(s, { min: 1, max: 5, populationSize: 10 })!;
    close(ratio.low, plain.low, 9);
    close(ratio.high, plain.high, 9);
  });

  it('people who answer all their rows alike count for less than as many independent answers', () => {
    // 10 people × 4 rows: 8 rate every row 4–5, 2 rate every row below: 32 of 40 answers, but only 10 people.
    const clustered = ratioProportionInterval(
      sums([...Array(8).fill([4, 4]), ...Array(2).fill([4, 0])] as [number, number][]),
    )!;
    expect(clustered.estimate).toBe(0.8);
    close(clustered.effectiveN, 10, 9);
    const independent = wilsonInterval(32, 40)!;
    expect(clustered.high - clustered.low).toBeGreaterThan(independent.high - independent.low);
  });

  it('every answer 4–5: the number of respondents is the effective size (the cautious choice)', () => {
    const r = ratioProportionInterval(sums(Array(10).fill([4, 4]) as [number, number][]))!;
    expect(r.effectiveN).toBe(10);
    close(r.low, 10 / 13.8416);
  });

  it('identical mixed respondents: the clustering cannot lower it, the number of answers caps it', () => {
    const r = ratioProportionInterval(sums(Array(3).fill([2, 1]) as [number, number][]))!;
    expect(r.effectiveN).toBe(6);
  });

  it('a single respondent’s mean: the whole scale; nobody: no interval', () => {
    expect(ratioMeanInterval(sums([[4, 18]]), { min: 1, max: 5 })).toEqual({
      estimate: 4.5,
      low: 1,
      high: 5,
    });
    expect(ratioMeanInterval(emptyRatioSums(), { min: 1, max: 5 })).toBeNull();
    expect(ratioProportionInterval(emptyRatioSums())).toBeNull();
  });
});

describe('confidenceInterval: one entry point', () => {
  it('a proportion → Wilson; a mean → the normal approximation', () => {
    expect(confidenceInterval({ kind: 'proportion', successes: 40, n: 50 })).toEqual(wilsonInterval(40, 50));
    expect(confidenceInterval({ kind: 'mean', n: 4, sum: 16, sumSquares: 66, min: 1, max: 5 })).toEqual(
      meanInterval({ n: 4, sum: 16, sumSquares: 66 }, { min: 1, max: 5 }),
    );
  });
});
