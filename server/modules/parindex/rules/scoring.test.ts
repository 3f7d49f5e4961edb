import { describe, expect, it } from 'vitest';
import { findItem, scoredItems } from './framework.js';
import type { AdjustmentItem, ScoredItem } from './framework-types.js';
import {
  adjustmentTotals,
  checkPoints,
  effectivePoints,
  pointsAt,
  pointsByCodeAt,
  prepareFramework,
  rollup,
  scoreMany,
  type ItemScores,
  type Rollup,
} from './scoring.js';
import { largeTree, t, toyTree } from './test-fixtures.js';

const SELF: ScoredItem = { code: '1.1.1', name: t('a'), maxPoints: 10, method: 'self' };
const COMPUTED: ScoredItem = {
  code: '1.1.2',
  name: t('b'),
  maxPoints: 10,
  method: 'computed',
  source: 'plans.tasks_on_time',
  formula: { type: 'linear' },
};
const SURVEY: ScoredItem = { code: '3.1', name: t('c'), maxPoints: 30, method: 'survey' };
const BONUS: AdjustmentItem = { code: 'B1', name: t('Sáng kiến'), cap: 2 };

const ANSWERED = { rescaleWithoutSurvey: false, surveyAnswered: true };

describe('pointsAt: the latest word wins, as of each stage', () => {
  it('a self-assessed item: self → round 1 → round 2', () => {
    const s: ItemScores = { self: 8, round1: 7, round2: 7.5 };
    expect(pointsAt(SELF, s, 'self')).toBe(8);
    expect(pointsAt(SELF, s, 'round1')).toBe(7);
    expect(pointsAt(SELF, s, 'round2')).toBe(7.5);
    expect(pointsAt(SELF, s, 'final')).toBe(7.5);
    expect(pointsAt(SELF, s)).toBe(7.5);
  });
  it('a later stage without its own word shows the earlier one', () => {
    const s: ItemScores = { self: 8, round1: null, round2: null };
    expect(pointsAt(SELF, s, 'round1')).toBe(8);
    expect(pointsAt(SELF, s, 'final')).toBe(8);
    expect(pointsAt(SELF, { self: 8, round1: 6 }, 'final')).toBe(6);
  });
  it('a computed item: the computed value before the unit’s own proposal; the council’s rounds above both', () => {
    expect(pointsAt(COMPUTED, { computed: 7.5, self: 10 }, 'self')).toBe(7.5);
    expect(pointsAt(COMPUTED, { computed: 7.5, self: 10 }, 'final')).toBe(7.5);
    expect(pointsAt(COMPUTED, { computed: null, self: 6 }, 'self')).toBe(6); // whenNoData: manual
    expect(pointsAt(COMPUTED, { computed: 7.5, round1: 5 }, 'round1')).toBe(5);
    expect(pointsAt(COMPUTED, { computed: 7.5, round1: 5 }, 'self')).toBe(7.5);
  });
  it('a survey item: the survey value', () => {
    expect(pointsAt(SURVEY, { survey: 24 }, 'self')).toBe(24);
    expect(pointsAt(SURVEY, { survey: 24, self: 30 }, 'final')).toBe(24);
  });
  it('a computed value on a self-assessed item is not its own (it never happens, and never counts)', () => {
    expect(pointsAt(SELF, { computed: 10, self: 4 }, 'final')).toBe(4);
  });
  it('a bonus item is scored like a self-assessed one', () => {
    expect(pointsAt(BONUS, { self: 1, round1: 0.5 }, 'self')).toBe(1);
    expect(pointsAt(BONUS, { self: 1, round1: 0.5 }, 'final')).toBe(0.5);
  });
  it('nothing given: null, and 0 as effective points; non-finite values are not given', () => {
    expect(pointsAt(SELF, undefined)).toBeNull();
    expect(pointsAt(SELF, {})).toBeNull();
    expect(pointsAt(SELF, { self: NaN })).toBeNull();
    expect(effectivePoints(SELF, undefined)).toBe(0);
    expect(effectivePoints(SELF, { self: 3 }, 'self')).toBe(3);
  });
  it('0 is a score, not nothing', () => {
    expect(pointsAt(SELF, { self: 8, round1: 0 }, 'final')).toBe(0);
  });
});

describe('checkPoints', () => {
  const item: ScoredItem = { code: '3.2.1', name: t('x'), maxPoints: 1.5, method: 'self' };
  it('accepts 0, the maximum and every quarter between', () => {
    for (const p of [0, 0.25, 0.5, 1, 1.25, 1.5]) expect(checkPoints(item, p), String(p)).toBeNull();
  });
  it('above the maximum: says the maximum the Vietnamese way', () => {
    expect(checkPoints(item, 2)).toEqual({
      at: '3.2.1',
      problem: 'above_max',
      message: { vi: 'Điểm tối đa của tiêu chí 3.2.1 là 1,5.', en: 'The maximum of criterion 3.2.1 is 1.5.' },
    });
    expect(checkPoints(item, 1.75)?.problem).toBe('above_max');
  });
  it('not a number, negative', () => {
    for (const bad of ['1', null, undefined, NaN, Infinity])
      expect(checkPoints(item, bad)?.problem, String(bad)).toBe('not_a_number');
    expect(checkPoints(item, -0.25)).toEqual({
      at: '3.2.1',
      problem: 'negative',
      message: {
        vi: 'Điểm của tiêu chí 3.2.1 không được âm.',
        en: 'The points of criterion 3.2.1 cannot be negative.',
      },
    });
  });
  it('off the step (default 0.25)', () => {
    expect(checkPoints(item, 0.3)).toEqual({
      at: '3.2.1',
      problem: 'off_step',
      message: {
        vi: 'Tiêu chí 3.2.1 chấm theo bước 0,25 điểm: 0,3 không hợp lệ.',
        en: 'Criterion 3.2.1 is scored in steps of 0.25 points: 0.3 is not one.',
      },
    });
  });
  it('off the item’s own step', () => {
    const halves = { ...item, maxPoints: 15, step: 0.5 };
    expect(checkPoints(halves, 0.75)?.problem).toBe('off_step');
    expect(checkPoints(halves, 14.5)).toBeNull();
    const whole = { ...item, maxPoints: 3, step: 1 };
    expect(checkPoints(whole, 2.5)?.problem).toBe('off_step');
    const tenths = { ...item, maxPoints: 1, step: 0.1 };
    expect(checkPoints(tenths, 0.3)).toBeNull(); // 0.3 / 0.1 = 2.9999999999999996
  });
  it('a bonus or penalty item is within [0, its cap]', () => {
    expect(checkPoints(BONUS, 2)).toBeNull();
    expect(checkPoints(BONUS, 2.5)?.message).toEqual({
      vi: 'Điểm tối đa của mục điểm thưởng B1 là 2.',
      en: 'The maximum of bonus item B1 is 2.',
    });
    const penalty: AdjustmentItem = { code: 'P1', name: t('Chậm'), cap: 3 };
    expect(checkPoints(penalty, 3.25)?.message.vi).toBe('Điểm tối đa của mục điểm trừ P1 là 3.');
    expect(checkPoints(penalty, -1)?.problem).toBe('negative');
  });
});

/** Points of the toy framework by code (see test-fixtures.ts). */
const points = (entries: Record<string, number>) => new Map(Object.entries(entries));
const MIXED = {
  '1.1.1': 8,
  '1.1.2': 7.5,
  '1.2': 15.25,
  '2.1.1': 12.5,
  '2.1.2': 7.5,
  '3.1': 24,
};

describe('rollup of the toy framework', () => {
  it('full marks: 100 of 100', () => {
    const r = rollup(
      toyTree(),
      points({ '1.1.1': 10, '1.1.2': 10, '1.2': 20, '2.1.1': 15, '2.1.2': 15, '3.1': 30 }),
      ANSWERED,
    );
    expect(r).toEqual<Rollup>({
      fields: [
        { code: '1', points: 40, maxPoints: 40, percent: 100 },
        { code: '2', points: 30, maxPoints: 30, percent: 100 },
        { code: '3', points: 30, maxPoints: 30, percent: 100 },
      ],
      base: 100,
      bonus: 0,
      penalty: 0,
      total: 100,
      maxPoints: 100,
      percent: 100,
      surveyMissing: false,
      rescaled: false,
    });
  });

  it('mixed points, bonus above its total cap, one penalty', () => {
    // Field 1: 8 + 7.5 + 15.25 = 30.75 of 40 = 76.875% → 76.88 (half away from zero)
    // Field 2: 12.5 + 7.5 = 20 of 30 = 66.666…% → 66.67
    // Field 3: 24 of 30 = 80%
    // base = 30.75 + 20 + 24 = 74.75
    // bonus: B1 2 + B2 2 = 4, total cap 3 → 3 (not an error)
    // penalty: P1 1.5 → 1.5
    // total = 74.75 + 3 − 1.5 = 76.25 of 100 → 76.25%
    const r = rollup(toyTree(), points({ ...MIXED, B1: 2, B2: 2, P1: 1.5 }), ANSWERED);
    expect(r.fields).toEqual([
      { code: '1', points: 30.75, maxPoints: 40, percent: 76.88 },
      { code: '2', points: 20, maxPoints: 30, percent: 66.67 },
      { code: '3', points: 24, maxPoints: 30, percent: 80 },
    ]);
    expect([r.base, r.bonus, r.penalty, r.total, r.maxPoints, r.percent]).toEqual([
      74.75, 3, 1.5, 76.25, 100, 76.25,
    ]);
  });

  it('penalty: each item within its own cap, the sum within the total cap', () => {
    // P1 3 + P2 3 = 6 → total cap 4; B1 1 → 1; total = 74.75 + 1 − 4 = 71.75
    const r = rollup(toyTree(), points({ ...MIXED, B1: 1, P1: 3, P2: 3 }), ANSWERED);
    expect([r.bonus, r.penalty, r.total, r.percent]).toEqual([1, 4, 71.75, 71.75]);
  });

  it('an item above its own cap counts as its cap (the check refuses it on entry: checkPoints)', () => {
    // B1 5 → its cap 2; B2 0.5 → 2.5 ≤ 3; total = 74.75 + 2.5 = 77.25
    const r = rollup(toyTree(), points({ ...MIXED, B1: 5, B2: 0.5 }), ANSWERED);
    expect([r.bonus, r.total]).toEqual([2.5, 77.25]);
    const tree = toyTree();
    expect(checkPoints(findItem(tree, 'B1')!, 5)?.problem).toBe('above_max');
  });

  it('a scored item above its maximum or below 0 is held within [0, max]', () => {
    const r = rollup(toyTree(), points({ '1.1.1': 12, '1.2': -3 }), ANSWERED);
    expect(r.fields[0]).toEqual({ code: '1', points: 10, maxPoints: 40, percent: 25 });
  });

  it('the total never exceeds the maximum: 100 + bonus 3 → 100', () => {
    const r = rollup(
      toyTree(),
      points({ '1.1.1': 10, '1.1.2': 10, '1.2': 20, '2.1.1': 15, '2.1.2': 15, '3.1': 30, B1: 2, B2: 1 }),
      ANSWERED,
    );
    expect([r.base, r.bonus, r.total, r.percent]).toEqual([100, 3, 100, 100]);
  });

  it('the total never goes below 0: 2 − penalty 4 → 0', () => {
    const r = rollup(toyTree(), points({ '1.1.1': 2, P1: 3, P2: 1, '3.1': 0 }), ANSWERED);
    expect([r.base, r.penalty, r.total, r.percent]).toEqual([2, 4, 0, 0]);
  });

  it('nothing scored: 0%', () => {
    const r = rollup(toyTree(), new Map(), ANSWERED);
    expect([r.base, r.total, r.percent]).toEqual([0, 0, 0]);
  });

  it('reads a plain object as well as a Map', () => {
    expect(rollup(toyTree(), { ...MIXED, B1: 2 }, ANSWERED)).toEqual(
      rollup(toyTree(), points({ ...MIXED, B1: 2 }), ANSWERED),
    );
  });
});

describe('without the survey (Hà Nội’s division set: rescaled to the full maximum)', () => {
  const FULL_SELF = { '1.1.1': 10, '1.1.2': 10, '1.2': 20, '2.1.1': 15, '2.1.2': 15 }; // 70 of the 70 non-survey points
  const RESCALE = { rescaleWithoutSurvey: true, surveyAnswered: false };

  it('70 of the 70 non-survey points → 100%, total restated as 100 of 100', () => {
    const r = rollup(toyTree(), points(FULL_SELF), RESCALE);
    expect(r).toEqual<Rollup>({
      fields: [
        { code: '1', points: 40, maxPoints: 40, percent: 100 },
        { code: '2', points: 30, maxPoints: 30, percent: 100 },
        // A field made only of survey items has no percent without the survey.
        { code: '3', points: 0, maxPoints: 30, percent: null },
      ],
      base: 70,
      bonus: 0,
      penalty: 0,
      total: 100,
      maxPoints: 100,
      percent: 100,
      surveyMissing: true,
      rescaled: true,
    });
  });

  it('56 of 70 → 80%, total 56 × 100 / 70 = 80', () => {
    const r = rollup(
      toyTree(),
      points({ '1.1.1': 8, '1.1.2': 8, '1.2': 16, '2.1.1': 12, '2.1.2': 12 }),
      RESCALE,
    );
    expect([r.base, r.total, r.percent, r.rescaled]).toEqual([56, 80, 80, true]);
  });

  it('bonus counts before rescaling: (56 + 3) / 70 = 84.2857…% → 84.29; total 84.29', () => {
    const r = rollup(
      toyTree(),
      points({ '1.1.1': 8, '1.1.2': 8, '1.2': 16, '2.1.1': 12, '2.1.2': 12, B1: 2, B2: 1 }),
      RESCALE,
    );
    expect([r.base, r.bonus, r.total, r.percent]).toEqual([56, 3, 84.29, 84.29]);
  });

  it('is held within the non-survey maximum before restating: (70 + 3) / 70 → 100%, not 104.29%', () => {
    const r = rollup(toyTree(), points({ ...FULL_SELF, B1: 2, B2: 1 }), RESCALE);
    expect([r.total, r.percent]).toEqual([100, 100]);
  });

  it('the framework does not rescale: the missing survey scores 0 — 56 of 100 = 56%', () => {
    const r = rollup(toyTree(), points({ '1.1.1': 8, '1.1.2': 8, '1.2': 16, '2.1.1': 12, '2.1.2': 12 }), {
      rescaleWithoutSurvey: false,
      surveyAnswered: false,
    });
    expect([r.total, r.percent, r.surveyMissing, r.rescaled]).toEqual([56, 56, true, false]);
    expect(r.fields[2]!.percent).toBe(0);
  });

  it('the survey was held (answered) or has a value, even 0: no rescaling', () => {
    const answered = rollup(toyTree(), points(FULL_SELF), {
      rescaleWithoutSurvey: true,
      surveyAnswered: true,
    });
    expect([answered.percent, answered.surveyMissing, answered.rescaled]).toEqual([70, false, false]);
    const zero = rollup(toyTree(), points({ ...FULL_SELF, '3.1': 0 }), RESCALE);
    expect([zero.percent, zero.surveyMissing, zero.rescaled]).toEqual([70, false, false]);
  });

  it('a framework without survey items never misses a survey', () => {
    const tree = toyTree();
    tree.fields.pop();
    const r = rollup(tree, points(FULL_SELF), RESCALE);
    expect([r.maxPoints, r.percent, r.surveyMissing, r.rescaled]).toEqual([70, 100, false, false]);
  });

  it('a field mixing survey and other items is taken over its non-survey part', () => {
    // Field 3 becomes 3.1 survey 30 + 3.2 self 10 (max 40; framework 110, non-survey 80).
    const tree = toyTree();
    tree.fields[2]!.maxPoints = 40;
    tree.fields[2]!.criteria.push({ code: '3.2', name: t('Khác'), maxPoints: 10, subs: [], method: 'self' });
    const r = rollup(tree, points({ ...FULL_SELF, '3.2': 5 }), RESCALE);
    // Field 3: 5 of its 10 non-survey points = 50%; total: 75 of 80 = 93.75%, restated 75 × 110 / 80 = 103.125 → 103.13
    expect(r.fields[2]).toEqual({ code: '3', points: 5, maxPoints: 40, percent: 50 });
    expect([r.base, r.percent, r.total, r.maxPoints]).toEqual([75, 93.75, 103.13, 110]);
  });
});

describe('adjustmentTotals: what the caps did, for the page to say it', () => {
  it('bonus 4 cut to 3; penalty 1.5 not cut', () => {
    expect(adjustmentTotals(toyTree(), points({ B1: 2, B2: 2, P1: 1.5 }))).toEqual({
      bonus: 3,
      bonusRaw: 4,
      bonusCapped: true,
      penalty: 1.5,
      penaltyRaw: 1.5,
      penaltyCapped: false,
    });
  });
});

describe('pointsByCodeAt: the points of every item as of a stage, ready for the roll-up', () => {
  const scores = new Map<string, ItemScores>([
    ['1.1.1', { self: 8, round1: 7 }],
    ['1.1.2', { computed: 7.5 }],
    ['3.1', { survey: null }],
    ['B1', { self: 1, round1: 0.5, round2: 1 }],
  ]);
  it('self, round 1 and final views; items with nothing are left out', () => {
    expect(Object.fromEntries(pointsByCodeAt(toyTree(), scores, 'self'))).toEqual({
      '1.1.1': 8,
      '1.1.2': 7.5,
      B1: 1,
    });
    expect(Object.fromEntries(pointsByCodeAt(toyTree(), scores, 'round1'))).toEqual({
      '1.1.1': 7,
      '1.1.2': 7.5,
      B1: 0.5,
    });
    expect(Object.fromEntries(pointsByCodeAt(toyTree(), scores, 'final'))).toEqual({
      '1.1.1': 7,
      '1.1.2': 7.5,
      B1: 1,
    });
  });
});

/** A small deterministic generator (mulberry32), so that the same "random" assessments are scored every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random scores for every item of a tree: some missing, some over the maximum, every stage. */
function randomScores(tree: ReturnType<typeof toyTree>, next: () => number): Map<string, ItemScores> {
  const quarter = (max: number) => Math.round(next() * max * 1.2 * 4) / 4;
  const maybe = (max: number) => (next() < 0.3 ? null : quarter(max));
  const out = new Map<string, ItemScores>();
  for (const { item } of scoredItems(tree))
    out.set(item.code, {
      self: maybe(item.maxPoints),
      round1: maybe(item.maxPoints),
      round2: next() < 0.8 ? null : quarter(item.maxPoints),
      computed: item.method === 'computed' ? maybe(item.maxPoints) : null,
      survey: item.method === 'survey' && next() < 0.5 ? quarter(item.maxPoints) : null,
    });
  for (const a of [...tree.bonus, ...tree.penalty])
    out.set(a.code, { self: maybe(a.cap), round1: maybe(a.cap) });
  return out;
}

describe('scoreMany', () => {
  it('gives exactly what pointsAt + rollup give for each assessment, at every stage, Map or object', () => {
    const next = random(16);
    for (const tree of [toyTree(), largeTree()]) {
      const inputs = Array.from({ length: 200 }, (_, i) => ({
        id: `a${i}`,
        scores: randomScores(tree, next),
      }));
      for (const stage of ['self', 'round1', 'round2', 'final'] as const)
        for (const rescaleWithoutSurvey of [false, true]) {
          const many = scoreMany(tree, inputs, { stage, rescaleWithoutSurvey });
          expect(many.map((m) => m.id)).toEqual(inputs.map((i) => i.id));
          inputs.forEach((input, i) => {
            const one = rollup(tree, pointsByCodeAt(tree, input.scores, stage), {
              rescaleWithoutSurvey,
              surveyAnswered: false,
            });
            expect(many[i]!.result).toEqual(one);
          });
          const asObjects = scoreMany(
            tree,
            inputs.map((x) => ({ id: x.id, scores: Object.fromEntries(x.scores) })),
            { stage, rescaleWithoutSurvey },
          );
          expect(asObjects).toEqual(many);
        }
    }
  });

  it('takes a prepared framework, and a per-assessment surveyAnswered', () => {
    const tree = toyTree();
    const prepared = prepareFramework(tree);
    const scores = new Map<string, ItemScores>([['1.1.1', { self: 10 }]]);
    const [a, b] = scoreMany(
      prepared,
      [
        { id: 'a', scores },
        { id: 'b', scores, surveyAnswered: true },
      ],
      {
        rescaleWithoutSurvey: true,
      },
    );
    // 10 of the 70 non-survey points = 14.29%; answered: 10 of 100 = 10%.
    expect([a!.result.percent, a!.result.rescaled]).toEqual([14.29, true]);
    expect([b!.result.percent, b!.result.rescaled]).toEqual([10, false]);
  });

  // Its speed is measured by `npm run bench -- parindex`, not here (no timed assertions in tests).
  it('scores a province’s 3,321 communes × ~100 items in one pass, one result each, in input order', () => {
    const tree = largeTree();
    const next = random(3321);
    const inputs = Array.from({ length: 3321 }, (_, i) => ({
      id: `x${i}`,
      scores: randomScores(tree, next),
    }));
    expect(scoredItems(tree).length).toBeGreaterThanOrEqual(90);
    const out = scoreMany(tree, inputs, { rescaleWithoutSurvey: true });
    expect(out.map((o) => o.id)).toEqual(inputs.map((i) => i.id));
    expect(out.every((o) => o.result.percent >= 0 && o.result.percent <= 100)).toBe(true);
  });
});
