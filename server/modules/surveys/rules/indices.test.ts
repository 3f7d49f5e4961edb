import { describe, expect, it } from 'vitest';
import type { NormalisedAnswers } from './answers.js';
import {
  checkIndexConfig,
  computeIndices,
  DEFAULT_MIN_GROUP_SIZE,
  IndexConfigError,
  type IndexCell,
  type IndexConfig,
  type IndexResponse,
  type IndexResults,
} from './indices.js';
import {
  emptyRatioSums,
  ratioMeanInterval,
  ratioProportionInterval,
  wilsonInterval,
  type RatioSums,
} from './sampling.js';
import { round2 } from './text.js';
import { t, toyDefinition } from './test-fixtures.js';

const def = toyDefinition();

function toyConfig(): IndexConfig {
  return {
    key: 'toy',
    version: 1,
    title: t('Chỉ số thử', 'Toy indices'),
    source: 'Kiểm thử',
    indices: [
      { key: 'A', name: t('Yếu tố A'), formula: 'share_top2', select: { elements: ['A'] } },
      { key: 'B', name: t('Yếu tố B'), formula: 'share_top2', select: { elements: ['B'] } },
      { key: 'diem', name: t('Điểm trung bình'), formula: 'mean_x20', select: { codes: ['bang'] } },
      {
        key: 'online',
        name: t('Tỷ lệ trực tuyến'),
        formula: 'share_choice',
        select: { codes: ['kenh'] },
        choices: ['truc_tuyen'],
      },
    ],
    overall: { key: 'chung', name: t('Chỉ số chung'), method: 'mean_of_indices', of: ['A', 'B'] },
  };
}

type Rating = 1 | 2 | 3 | 4 | 5;
const resp = (
  group: string | null,
  chung: Rating | 'na',
  [r1, r2, r3]: [Rating, Rating, Rating],
  kenh: string,
  gopYHl?: Rating,
): IndexResponse => {
  const answers: NormalisedAnswers = { kenh, chung, bang: { r1, r2, r3 }, gop_y: gopYHl ? 'co' : 'khong' };
  if (gopYHl) answers.gop_y_hl = gopYHl;
  return { group, answers };
};

/** Five respondents of unit u5, computed by hand in the tests below. */
const U5: IndexResponse[] = [
  resp('u5', 5, [4, 3, 2], 'truc_tiep', 5),
  resp('u5', 'na', [5, 5, 5], 'truc_tuyen'),
  resp('u5', 3, [2, 4, 4], 'truc_tuyen', 1),
  resp('u5', 4, [4, 4, 1], 'truc_tiep'),
  resp('u5', 2, [1, 5, 3], 'buu_chinh'),
];
const U4: IndexResponse[] = U5.slice(0, 4).map((r) => ({ ...r, group: 'u4' }));

function sums(respondents: [number, number][]): RatioSums {
  const s = emptyRatioSums();
  for (const [m, y] of respondents) {
    s.n += 1;
    s.m += m;
    s.y += y;
    s.yy += y * y;
    s.mm += m * m;
    s.ym += y * m;
  }
  return s;
}
const cellOf = (r: IndexResults, group: string | null, key: string): IndexCell =>
  (group === null ? r.all : r.groups.find((g) => g.group === group)!).cells.find((c) => c.key === key)!;

describe('checkIndexConfig', () => {
  const after = (change: (c: IndexConfig) => void): [string, string][] => {
    const c = toyConfig();
    change(c);
    return checkIndexConfig(c, def).map((p) => [p.at, p.problem]);
  };
  const index = (c: IndexConfig, key: string) => c.indices.find((i) => i.key === key)!;

  it('the toy config fits the toy survey', () => {
    expect(checkIndexConfig(toyConfig(), def)).toEqual([]);
  });

  it('the config: a key, a version from 1, a title, a cited source, a sound minimum group size, indices', () => {
    expect(checkIndexConfig(null as never, def).map((p) => p.problem)).toEqual(['config_invalid']);
    expect(after((c) => (c.key = 'a b'))).toEqual([['key', 'key_format']]);
    expect(after((c) => (c.version = 0))).toEqual([['version', 'version_invalid']]);
    expect(after((c) => (c.title = t('')))).toEqual([['title', 'title_required']]);
    expect(after((c) => (c.source = ' '))).toEqual([['source', 'source_required']]);
    expect(after((c) => (c.minGroupSize = 0))).toEqual([['minGroupSize', 'min_group_size']]);
    expect(after((c) => (c.minGroupSize = 10))).toEqual([]);
    expect(after((c) => ((c.indices = []), delete c.overall))).toEqual([['indices', 'indices_empty']]);
  });

  it('indices: unique well-formed keys, a name, a known formula', () => {
    expect(after((c) => (index(c, 'B').key = 'A'))).toEqual([
      ['indices[1].key', 'key_duplicate'],
      ['overall.of', 'overall_of'], // the overall still names B, which is gone
    ]);
    expect(after((c) => (index(c, 'diem').name = t('')))).toEqual([['indices[2].name', 'name_required']]);
    expect(after((c) => (index(c, 'diem').formula = 'median' as never))).toEqual([
      ['indices[2].formula', 'formula_unknown'],
    ]);
  });

  it('the selection must name something, exist, and fit the formula', () => {
    expect(after((c) => (index(c, 'A').select = {}))).toEqual([['indices[0].select', 'select_empty']]);
    expect(after((c) => (index(c, 'A').select = { codes: [] }))).toEqual([
      ['indices[0].select', 'select_empty'],
    ]);
    expect(after((c) => (index(c, 'diem').select = { codes: ['bang', 'x9'] }))).toEqual([
      ['indices[2].select.codes', 'select_unknown'],
    ]);
    expect(after((c) => (index(c, 'diem').select = { codes: ['kenh'] }))).toEqual([
      ['indices[2].select.codes', 'select_kind'],
      ['indices[2].select', 'select_matches_nothing'],
    ]);
    expect(after((c) => (index(c, 'online').select = { codes: ['chung'] }))).toContainEqual([
      'indices[3].select.codes',
      'select_kind',
    ]);
    expect(after((c) => (index(c, 'A').select = { elements: ['Z'] }))).toEqual([
      ['indices[0].select', 'select_matches_nothing'],
    ]);
    expect(after((c) => (index(c, 'A').select = { indexKeys: ['3.6.2'] }))).toEqual([]);
    expect(after((c) => (index(c, 'A').select = { codes: ['r1'] }))).toEqual([]);
  });

  it('share_choice names choices of the selected questions; other formulas take none', () => {
    expect(after((c) => delete index(c, 'online').choices)).toEqual([
      ['indices[3].choices', 'choices_required'],
    ]);
    expect(after((c) => (index(c, 'online').choices = ['truc_tuyen', 'fax']))).toEqual([
      ['indices[3].choices', 'choice_unknown'],
    ]);
    expect(after((c) => (index(c, 'A').choices = ['x']))).toEqual([
      ['indices[0].choices', 'choices_unexpected'],
    ]);
  });

  it('the overall index: a new key, a known method, existing components; weights one per component', () => {
    expect(after((c) => (c.overall!.key = 'A'))).toEqual([['overall.key', 'key_duplicate']]);
    expect(after((c) => (c.overall!.method = 'median' as never))).toEqual([
      ['overall.method', 'overall_method'],
    ]);
    expect(after((c) => (c.overall!.of = ['A', 'Z']))).toEqual([['overall.of', 'overall_of']]);
    expect(after((c) => (c.overall!.of = ['A', 'A']))).toEqual([['overall.of', 'overall_of']]);
    expect(after((c) => (c.overall!.weights = [1]))).toEqual([['overall.weights', 'overall_weights']]);
    expect(after((c) => (c.overall!.weights = [1, 0]))).toEqual([['overall.weights', 'overall_weights']]);
    expect(after((c) => (c.overall!.weights = [2, 1]))).toEqual([]);
  });

  it('a pooled overall needs components of one formula, not share_choice', () => {
    expect(after((c) => (c.overall!.method = 'pooled'))).toEqual([]);
    expect(after((c) => ((c.overall!.method = 'pooled'), (c.overall!.of = ['A', 'diem'])))).toEqual([
      ['overall.method', 'overall_pooled_formula'],
    ]);
    expect(after((c) => ((c.overall!.method = 'pooled'), (c.overall!.of = ['online'])))).toEqual([
      ['overall.method', 'overall_pooled_formula'],
    ]);
    expect(after((c) => ((c.overall!.method = 'pooled'), (c.overall!.weights = [1, 1])))).toEqual([
      ['overall.weights', 'overall_weights'],
    ]);
  });

  it('a config that scores PAR Index criteria names a known unit group', () => {
    expect(after((c) => (c.par = { unitGroup: 'department' }))).toEqual([]);
    expect(after((c) => (c.par = { unitGroup: 'district' as never }))).toEqual([
      ['par.unitGroup', 'par_unit_group'],
    ]);
    expect(after((c) => (c.par = 'commune' as never))).toEqual([['par.unitGroup', 'par_unit_group']]);
  });

  it('messages are bilingual', () => {
    const c = toyConfig();
    c.overall!.weights = [1];
    expect(checkIndexConfig(c, def)[0]!.message).toEqual({
      vi: 'Trọng số của chỉ số chung phải là 2 số dương, mỗi thành phần một số (chỉ với cách tính trung bình).',
      en: 'The overall weights must be 2 positive numbers, one per component (mean of indices only).',
    });
  });
});

describe('computeIndices: the formulas, by hand', () => {
  const r = computeIndices(def, toyConfig(), [...U5, ...U4]);

  it('share_top2 of element A (chung, r1, r2): 9 answers 4–5 of 14 valid — "không ý kiến" excluded — = 64,29', () => {
    const a = cellOf(r, 'u5', 'A');
    expect(a).toMatchObject({
      suppressed: false,
      value: 64.29,
      respondents: 5,
      answers: 14,
      formula: 'share_top2',
    });
    const e = ratioProportionInterval(
      sums([
        [3, 2],
        [2, 2],
        [3, 1],
        [3, 3],
        [3, 1],
      ]),
    )!;
    expect(a.ci).toEqual({ low: round2(e.low * 100), high: round2(e.high * 100) });
    expect(a.ci!.low).toBeLessThan(64.29);
    expect(a.ci!.high).toBeGreaterThan(64.29);
  });

  it('element B takes the matrix row tagged B and the Likert item tagged B: 3 of 7 = 42,86', () => {
    expect(cellOf(r, 'u5', 'B')).toMatchObject({ value: 42.86, respondents: 5, answers: 7 });
  });

  it('mean_x20 over the matrix (a matrix code means all its rows): mean 52 / 15 = 3,4667 × 20 = 69,33', () => {
    const d = cellOf(r, 'u5', 'diem');
    expect(d).toMatchObject({ value: 69.33, respondents: 5, answers: 15, formula: 'mean_x20' });
    const e = ratioMeanInterval(
      sums([
        [3, 9],
        [3, 15],
        [3, 10],
        [3, 9],
        [3, 9],
      ]),
      { min: 1, max: 5 },
    )!;
    expect(d.ci).toEqual({ low: round2(e.low * 20), high: round2(e.high * 20) });
  });

  it('share_choice: 2 of 5 came online = 40, with Wilson’s interval (one answer each)', () => {
    const o = cellOf(r, 'u5', 'online');
    const w = wilsonInterval(2, 5)!;
    expect(o).toMatchObject({ value: 40, respondents: 5, answers: 5 });
    expect(o.ci).toEqual({ low: round2(w.low * 100), high: round2(w.high * 100) });
  });

  it('the overall is the average of the elements (SIPAS practice): (64,2857 + 42,8571) / 2 = 53,57', () => {
    expect(cellOf(r, 'u5', 'chung')).toMatchObject({
      formula: 'mean_of_indices',
      value: 53.57,
      respondents: 5,
      answers: 21,
    });
  });

  it('4 answers in a unit are suppressed, 5 are shown', () => {
    expect(cellOf(r, 'u5', 'online')).toMatchObject({ suppressed: false, respondents: 5 });
    for (const key of ['A', 'B', 'diem', 'online', 'chung'])
      expect(cellOf(r, 'u4', key)).toMatchObject({ suppressed: true, value: null, ci: null, respondents: 4 });
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
  });

  it('one person’s many rows count once: 4 people rating 12 rows are still suppressed', () => {
    expect(cellOf(r, 'u4', 'diem')).toMatchObject({ suppressed: true, respondents: 4, answers: 12 });
  });

  it('all responses together, and each group sorted; responses without a group count only in the total', () => {
    const withLoose = computeIndices(def, toyConfig(), [
      ...U4,
      ...U5,
      resp(null, 5, [5, 5, 5], 'truc_tuyen'),
    ]);
    expect(withLoose.groups.map((g) => [g.group, g.responses])).toEqual([
      ['u4', 4],
      ['u5', 5],
    ]);
    expect(withLoose.all.responses).toBe(10);
    expect(cellOf(withLoose, null, 'online')).toMatchObject({ respondents: 10, value: 50 }); // 2 + 2 + 1 of 10
    expect(withLoose).toMatchObject({ config: 'toy', version: 1, minGroupSize: 5 });
  });

  it('an element shown only to some: its respondents are those who answered it', () => {
    const b = cellOf(r, null, 'B');
    expect(b.respondents).toBe(9);
    const cfg = toyConfig();
    cfg.indices[1]!.select = { codes: ['gop_y_hl'] };
    const only = computeIndices(def, cfg, [...U5, ...U4]);
    expect(cellOf(only, null, 'B')).toMatchObject({ respondents: 4, suppressed: true }); // 2 in u5 + 2 in u4
  });
});

describe('computeIndices: the overall index and its options', () => {
  it('an overall average is suppressed when any of its components is', () => {
    const cfg = toyConfig();
    cfg.indices[1]!.select = { codes: ['gop_y_hl'] }; // only 2 respondents in u5
    const r = computeIndices(def, cfg, U5);
    expect(cellOf(r, 'u5', 'A').suppressed).toBe(false);
    expect(cellOf(r, 'u5', 'B').suppressed).toBe(true);
    expect(cellOf(r, 'u5', 'chung')).toMatchObject({ suppressed: true, value: null, respondents: 5 });
  });

  it('weights: (2 × 64,2857 + 1 × 42,8571) / 3 = 57,14', () => {
    const cfg = toyConfig();
    cfg.overall!.weights = [2, 1];
    expect(cellOf(computeIndices(def, cfg, U5), 'u5', 'chung').value).toBe(57.14);
  });

  it('the average’s interval averages the components’ bounds', () => {
    const r = computeIndices(def, toyConfig(), U5);
    const a = cellOf(r, 'u5', 'A').ci!;
    const b = cellOf(r, 'u5', 'B').ci!;
    const c = cellOf(r, 'u5', 'chung').ci!;
    expect(c.low).toBeCloseTo((a.low + b.low) / 2, 1);
    expect(c.high).toBeCloseTo((a.high + b.high) / 2, 1);
  });

  it('pooled instead: every answer of A and B at once, 12 of 21 = 57,14', () => {
    const cfg = toyConfig();
    cfg.overall!.method = 'pooled';
    expect(cellOf(computeIndices(def, cfg, U5), 'u5', 'chung')).toMatchObject({
      formula: 'pooled',
      value: 57.14,
      answers: 21,
      respondents: 5,
    });
  });

  it('a cell counted in two indices (pooled overall of overlapping ones) counts once in the pooled one', () => {
    const cfg = toyConfig();
    cfg.indices[1]!.select = { elements: ['A', 'B'] };
    cfg.overall!.method = 'pooled';
    expect(cellOf(computeIndices(def, cfg, U5), 'u5', 'chung').answers).toBe(21);
  });

  it('the minimum group size can be set per config or per call', () => {
    const cfg = { ...toyConfig(), minGroupSize: 3 };
    expect(cellOf(computeIndices(def, cfg, U4), 'u4', 'online').suppressed).toBe(false);
    expect(cellOf(computeIndices(def, toyConfig(), U4, { minGroupSize: 4 }), 'u4', 'online').suppressed).toBe(
      false,
    );
    expect(() => computeIndices(def, toyConfig(), U4, { minGroupSize: 0 })).toThrow(RangeError);
  });

  it('a known population narrows the mean’s interval (finite-population correction); a wrong one is ignored', () => {
    const plain = cellOf(computeIndices(def, toyConfig(), U5), 'u5', 'diem').ci!;
    const fpc = cellOf(
      computeIndices(def, toyConfig(), U5, { populations: { groups: { u5: 8 } } }),
      'u5',
      'diem',
    ).ci!;
    expect(fpc.high - fpc.low).toBeLessThan(plain.high - plain.low);
    const census = cellOf(
      computeIndices(def, toyConfig(), U5, { populations: { groups: { u5: 5 } } }),
      'u5',
      'diem',
    );
    expect(census.ci).toEqual({ low: 69.33, high: 69.33 });
    const wrong = cellOf(
      computeIndices(def, toyConfig(), U5, { populations: { groups: { u5: 2 } } }),
      'u5',
      'diem',
    );
    expect(wrong.ci).toEqual(plain);
  });

  it('answers that are not valid points are not counted; a response that is not an object is skipped', () => {
    const odd: IndexResponse[] = [
      ...U5,
      { group: 'u5', answers: { chung: 7 as never, bang: 'x' as never, kenh: '' } },
      { group: 'u5', answers: null as never },
    ];
    const r = computeIndices(def, toyConfig(), odd);
    expect(cellOf(r, 'u5', 'A')).toMatchObject({ value: 64.29, respondents: 5 });
    expect(r.groups[0]!.responses).toBe(6);
  });

  it('a config that does not fit the survey is refused with its problems', () => {
    const cfg = toyConfig();
    cfg.indices[0]!.select = { codes: ['nope'] };
    expect(() => computeIndices(def, cfg, U5)).toThrow(IndexConfigError);
    try {
      computeIndices(def, cfg, U5);
    } catch (e) {
      expect((e as IndexConfigError).problems.map((p) => p.problem)).toEqual([
        'select_unknown',
        'select_matches_nothing',
      ]);
    }
  });

  it('no responses: everything suppressed, nothing thrown', () => {
    const r = computeIndices(def, toyConfig(), []);
    expect(r.all.responses).toBe(0);
    expect(r.all.cells.every((c) => c.suppressed && c.respondents === 0)).toBe(true);
    expect(r.groups).toEqual([]);
  });

  it('reads any iterable once (a generator streaming responses from the database)', () => {
    function* stream() {
      yield* U5;
    }
    expect(cellOf(computeIndices(def, toyConfig(), stream()), 'u5', 'A').value).toBe(64.29);
  });
});
