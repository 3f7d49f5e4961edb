import { describe, expect, it } from 'vitest';
import {
  adjustmentKind,
  checkFramework,
  checkGradeBands,
  copyForward,
  findItem,
  frameworkMaxPoints,
  isScoredItem,
  scoredItems,
  stepOf,
  surveyMaxPoints,
  treeCounts,
  type FrameworkProblem,
} from './framework.js';
import type { FrameworkTree, GradeBand } from './framework-types.js';
import { DEFAULT_GRADE_BANDS } from './grades.js';
import { t, TOY_BANDS, toyTree } from './test-fixtures.js';

/** The problems of the toy framework after one change (as [at, problem] pairs, in order). */
function after(change: (tree: FrameworkTree) => void, bands: GradeBand[] = TOY_BANDS): [string, string][] {
  const tree = toyTree();
  change(tree);
  return checkFramework(tree, bands).map((p) => [p.at, p.problem]);
}
const field = (tree: FrameworkTree, i: number) => tree.fields[i]!;
const criterion = (tree: FrameworkTree, f: number, c: number) => tree.fields[f]!.criteria[c]!;
const sub = (tree: FrameworkTree, f: number, c: number, s: number) => tree.fields[f]!.criteria[c]!.subs[s]!;

describe('the views of a framework', () => {
  it('the toy framework is sound', () => {
    expect(checkFramework(toyTree(), TOY_BANDS)).toEqual([]);
    expect(checkFramework(toyTree(), [...DEFAULT_GRADE_BANDS])).toEqual([]);
  });

  it('scoredItems: sub-criteria and criteria scored directly, in document order, with their field and criterion', () => {
    expect(
      scoredItems(toyTree()).map((p) => [p.item.code, p.fieldCode, p.criterionCode, p.item.method]),
    ).toEqual([
      ['1.1.1', '1', '1.1', 'self'],
      ['1.1.2', '1', '1.1', 'computed'],
      ['1.2', '1', '1.2', 'self'],
      ['2.1.1', '2', '2.1', 'self'],
      ['2.1.2', '2', '2.1', 'computed'],
      ['3.1', '3', '3.1', 'survey'],
    ]);
  });

  it('a criterion scored directly is presented as a scored item without its (empty) sub-criteria', () => {
    const direct = scoredItems(toyTree()).find((p) => p.item.code === '1.2')!.item;
    expect(direct).toEqual({
      code: '1.2',
      name: t('Báo cáo CCHC', 'PAR reports'),
      maxPoints: 20,
      method: 'self',
      confirmed: false,
    });
    expect('subs' in direct).toBe(false);
  });

  it('a sub-criterion is the tree’s own object', () => {
    const tree = toyTree();
    expect(scoredItems(tree)[0]!.item).toBe(sub(tree, 0, 0, 0));
  });

  it('maximum 100 = 10 + 10 + 20 + 15 + 15 + 30; survey 30', () => {
    expect(frameworkMaxPoints(toyTree())).toBe(100);
    expect(surveyMaxPoints(toyTree())).toBe(30);
  });

  it('the maximum is rounded: 0.1 + 0.2 sub-criteria make 0.3, not 0.30000000000000004', () => {
    const tree = toyTree();
    criterion(tree, 0, 1).maxPoints = 0.3;
    field(tree, 0).maxPoints = 20.3;
    criterion(tree, 0, 1).subs = [
      { code: '1.2.1', name: t('a'), maxPoints: 0.1, method: 'self', step: 0.1 },
      { code: '1.2.2', name: t('b'), maxPoints: 0.2, method: 'self', step: 0.1 },
    ];
    expect(checkFramework(tree, TOY_BANDS)).toEqual([]);
    expect(frameworkMaxPoints(tree)).toBe(80.3);
  });

  it('treeCounts counts fields, criteria and sub-criteria only (as the decisions print them)', () => {
    expect(treeCounts(toyTree())).toEqual({ fields: 3, criteria: 4, subCriteria: 4 });
    expect(treeCounts({ fields: [], bonus: [], penalty: [], bonusCap: 0, penaltyCap: 0 })).toEqual({
      fields: 0,
      criteria: 0,
      subCriteria: 0,
    });
  });

  it('findItem: scored items and bonus/penalty items; not fields, not criteria with sub-criteria', () => {
    const tree = toyTree();
    expect(findItem(tree, '1.1.2')).toBe(sub(tree, 0, 0, 1));
    expect(findItem(tree, '1.2')).toMatchObject({ code: '1.2', maxPoints: 20, method: 'self' });
    expect(findItem(tree, 'B2')).toBe(tree.bonus[1]);
    expect(findItem(tree, 'P1')).toBe(tree.penalty[0]);
    expect(findItem(tree, '1')).toBeNull();
    expect(findItem(tree, '1.1')).toBeNull();
    expect(findItem(tree, '9.9.9')).toBeNull();
    expect(isScoredItem(findItem(tree, '1.2')!)).toBe(true);
    expect(isScoredItem(findItem(tree, 'B1')!)).toBe(false);
    expect(adjustmentKind('B1')).toBe('bonus');
    expect(adjustmentKind('P3')).toBe('penalty');
    expect(adjustmentKind('1.1')).toBeNull();
  });

  it('copyForward: an equal, fully separate copy', () => {
    const tree = toyTree();
    const copy = copyForward(tree);
    expect(copy).toEqual(tree);
    sub(copy, 0, 0, 0).maxPoints = 99;
    sub(copy, 1, 0, 1).formula = { type: 'linear' };
    copy.bonus[0]!.name.vi = 'khác';
    expect(tree).toEqual(toyTree());
  });

  it('stepOf: the item’s own step, or quarter points', () => {
    expect(stepOf({})).toBe(0.25);
    expect(stepOf({ step: 0.5 })).toBe(0.5);
  });
});

describe('checkFramework: codes', () => {
  it('a framework needs at least one field', () => {
    expect(after((tree) => (tree.fields = []))).toEqual([['fields', 'no_fields']]);
  });
  it('codes are unique across the whole tree', () => {
    expect(after((tree) => (sub(tree, 0, 0, 1).code = '1.1.1'))).toEqual([['1.1.1', 'code_duplicate']]);
    expect(after((tree) => (tree.penalty[1]!.code = 'P1'))).toEqual([['P1', 'code_duplicate']]);
  });
  it('each code starts with its parent’s', () => {
    expect(after((tree) => (criterion(tree, 0, 1).code = '2.5'))).toEqual([['2.5', 'code_parent']]);
    expect(after((tree) => (sub(tree, 0, 0, 0).code = '1.3.1'))).toEqual([['1.3.1', 'code_parent']]);
  });
  it('each code has the form of its level', () => {
    // One problem: the criteria under the malformed field are not blamed for it.
    expect(after((tree) => (field(tree, 0).code = 'A'))).toEqual([['A', 'code_format']]);
    expect(after((tree) => (sub(tree, 0, 0, 0).code = '1.1'))).toEqual([['1.1', 'code_format']]);
    expect(after((tree) => (tree.bonus[0]!.code = 'X1'))).toEqual([['X1', 'code_format']]);
    expect(after((tree) => (tree.penalty[0]!.code = 'B3'))).toEqual([['B3', 'code_format']]);
    expect(after((tree) => ((tree.bonus[0] as { code: unknown }).code = undefined))).toEqual([
      ['bonus[0]', 'code_format'],
    ]);
  });
  it('says what is wrong in both languages', () => {
    const tree = toyTree();
    criterion(tree, 0, 1).code = '2.5';
    expect(checkFramework(tree, TOY_BANDS)[0]!.message).toEqual({
      vi: 'Mã "2.5" phải bắt đầu bằng mã của lĩnh vực 1 chứa nó ("1.").',
      en: 'Code "2.5" must start with the code of field 1, which holds it ("1.").',
    });
  });
});

describe('checkFramework: names and maximums', () => {
  it('a Vietnamese name is required; the English one may be empty', () => {
    expect(after((tree) => (sub(tree, 0, 0, 0).name = t('  ')))).toEqual([['1.1.1', 'name_required']]);
    expect(after((tree) => (field(tree, 2).name = t('', 'Impact')))).toEqual([['3', 'name_required']]);
    expect(after((tree) => (sub(tree, 0, 0, 0).name = t('Tên', '')))).toEqual([]);
    const tree = toyTree();
    tree.bonus[0]!.name = t('');
    expect(checkFramework(tree, TOY_BANDS)[0]!.message.vi).toBe('Điểm thưởng B1 chưa có tên (tiếng Việt).');
  });

  it('maximums are numbers above 0', () => {
    for (const bad of [0, -1, NaN, Infinity])
      expect(
        after((tree) => {
          sub(tree, 0, 0, 0).maxPoints = bad;
        }),
        String(bad),
      ).toEqual([['1.1.1', 'max_invalid']]); // the sum of 1.1 is not checked over a broken part
  });

  it('maximums have at most two decimals', () => {
    expect(after((tree) => (sub(tree, 0, 0, 0).maxPoints = 1.125))).toEqual([['1.1.1', 'max_decimals']]);
  });

  it('a criterion’s maximum is the sum of its sub-criteria’s: 9.5 + 10 = 19.5 ≠ 20', () => {
    const tree = toyTree();
    sub(tree, 0, 0, 0).maxPoints = 9.5;
    const problems = checkFramework(tree, TOY_BANDS);
    expect(problems.map((p) => [p.at, p.problem])).toEqual([['1.1', 'max_sum']]);
    expect(problems[0]!.message).toEqual({
      vi: 'Điểm tối đa của tiêu chí 1.1 là 20 nhưng tổng điểm tối đa các tiêu chí thành phần của nó là 19,5.',
      en: 'The maximum points of criterion 1.1 are 20 but its sub-criteria add up to 19.5.',
    });
  });

  it('a field’s maximum is the sum of its criteria’s: 41 ≠ 20 + 20', () => {
    const problems = after((tree) => (field(tree, 0).maxPoints = 41));
    expect(problems).toEqual([['1', 'max_sum']]);
  });

  it('a field needs criteria', () => {
    expect(after((tree) => (field(tree, 2).criteria = []))).toEqual([['3', 'criteria_empty']]);
  });
});

describe('checkFramework: methods, sources, formulas, steps', () => {
  it('a criterion without sub-criteria must carry a method; so must every sub-criterion', () => {
    expect(after((tree) => delete criterion(tree, 0, 1).method)).toEqual([['1.2', 'method_required']]);
    expect(after((tree) => delete (sub(tree, 0, 0, 0) as { method?: unknown }).method)).toEqual([
      ['1.1.1', 'method_required'],
    ]);
    expect(after((tree) => ((sub(tree, 0, 0, 0) as { method: string }).method = 'auto'))).toEqual([
      ['1.1.1', 'method_unknown'],
    ]);
  });

  it('a computed item needs a known source and a formula', () => {
    expect(after((tree) => delete sub(tree, 0, 0, 1).source)).toEqual([['1.1.2', 'source_required']]);
    expect(after((tree) => ((sub(tree, 0, 0, 1) as { source: string }).source = 'tasks.done'))).toEqual([
      ['1.1.2', 'source_unknown'],
    ]);
    expect(after((tree) => delete sub(tree, 0, 0, 1).formula)).toEqual([['1.1.2', 'formula_required']]);
    expect(after((tree) => ((sub(tree, 0, 0, 1) as { formula: unknown }).formula = { type: 'log' }))).toEqual(
      [['1.1.2', 'formula_unknown']],
    );
  });

  it('a self-assessed item needs neither source nor formula', () => {
    expect(after((tree) => delete sub(tree, 0, 0, 0).source)).toEqual([]);
  });

  it('linear: the floor is within [0, 1)', () => {
    for (const from of [0, 0.5, 0.99])
      expect(after((tree) => (sub(tree, 0, 0, 1).formula = { type: 'linear', from }))).toEqual([]);
    for (const from of [1, -0.1, NaN])
      expect(after((tree) => (sub(tree, 0, 0, 1).formula = { type: 'linear', from }))).toEqual([
        ['1.1.2', 'formula_from'],
      ]);
  });

  it('all or nothing: the threshold is within [0, 1]', () => {
    expect(after((tree) => (sub(tree, 0, 0, 1).formula = { type: 'all_or_nothing', min: 1 }))).toEqual([]);
    expect(after((tree) => (sub(tree, 0, 0, 1).formula = { type: 'all_or_nothing', min: 1.5 }))).toEqual([
      ['1.1.2', 'formula_min'],
    ]);
  });

  it('bands: at least one, thresholds and shares within [0, 1], thresholds strictly falling', () => {
    const set = (bands: { min: number; share: number }[]) =>
      after((tree) => (sub(tree, 1, 0, 1).formula = { type: 'bands', bands }));
    expect(set([])).toEqual([['2.1.2', 'formula_bands_empty']]);
    expect(set([{ min: 1, share: 1.2 }])).toEqual([['2.1.2', 'formula_band_range']]);
    expect(set([{ min: -0.1, share: 1 }])).toEqual([['2.1.2', 'formula_band_range']]);
    expect(
      set([
        { min: 0.8, share: 0.5 },
        { min: 0.95, share: 1 },
      ]),
    ).toEqual([['2.1.2', 'formula_bands_order']]);
    expect(
      set([
        { min: 0.9, share: 1 },
        { min: 0.9, share: 0.5 },
      ]),
    ).toEqual([['2.1.2', 'formula_bands_order']]);
    expect(
      set([
        { min: 1, share: 1 },
        { min: 0.5, share: 0.5 },
        { min: 0, share: 0.25 },
      ]),
    ).toEqual([]);
  });

  it('steps are above 0 and divide the maximum (else the full points could never be given)', () => {
    expect(after((tree) => (sub(tree, 1, 0, 0).step = 0))).toEqual([['2.1.1', 'step_invalid']]);
    expect(after((tree) => (sub(tree, 1, 0, 0).step = -0.25))).toEqual([['2.1.1', 'step_invalid']]);
    expect(after((tree) => (sub(tree, 1, 0, 0).step = 2))).toEqual([['2.1.1', 'max_not_multiple_of_step']]); // 15 / 2
    expect(after((tree) => (sub(tree, 1, 0, 0).step = 0.1))).toEqual([]);
    expect(after((tree) => (sub(tree, 1, 0, 0).step = 1))).toEqual([]);
  });

  it('the default step is 0.25: a maximum of 1.1 needs a step of its own', () => {
    const problems = checkFramework(
      {
        fields: [
          {
            code: '1',
            name: t('Lĩnh vực'),
            maxPoints: 1.1,
            criteria: [{ code: '1.1', name: t('Tiêu chí'), maxPoints: 1.1, subs: [], method: 'self' }],
          },
        ],
        bonus: [],
        penalty: [],
        bonusCap: 0,
        penaltyCap: 0,
      },
      TOY_BANDS,
    );
    expect(problems).toEqual<FrameworkProblem[]>([
      {
        at: '1.1',
        problem: 'max_not_multiple_of_step',
        message: {
          vi: 'Điểm tối đa của tiêu chí 1.1 (1,1) không phải bội số của bước điểm 0,25: không thể chấm đủ điểm.',
          en: 'The maximum points of criterion 1.1 (1.1) are not a multiple of its step 0.25: full points could never be given.',
        },
      },
    ]);
  });

  it('whenNoData is full, zero or manual', () => {
    for (const rule of ['full', 'zero', 'manual'] as const)
      expect(after((tree) => (sub(tree, 0, 0, 1).whenNoData = rule))).toEqual([]);
    expect(after((tree) => ((sub(tree, 0, 0, 1) as { whenNoData: string }).whenNoData = 'half'))).toEqual([
      ['1.1.2', 'when_no_data_unknown'],
    ]);
  });
});

describe('checkFramework: bonus and penalty', () => {
  it('item caps are numbers, 0 or more, two decimals at most', () => {
    expect(after((tree) => (tree.bonus[0]!.cap = 0))).toEqual([]);
    expect(after((tree) => (tree.bonus[0]!.cap = -1))).toEqual([['B1', 'cap_invalid']]);
    expect(after((tree) => (tree.penalty[0]!.cap = 0.125))).toEqual([['P1', 'cap_decimals']]);
    expect(after((tree) => (tree.penalty[0]!.step = 0.5))).toEqual([]); // 3 = 6 × 0.5
    expect(after((tree) => (tree.penalty[0]!.step = 2))).toEqual([['P1', 'max_not_multiple_of_step']]); // 3 / 2
  });
  it('the total caps are numbers, 0 or more', () => {
    expect(after((tree) => (tree.bonusCap = 0))).toEqual([]);
    expect(after((tree) => (tree.bonusCap = -1))).toEqual([['bonusCap', 'cap_invalid']]);
    expect(after((tree) => (tree.penaltyCap = NaN))).toEqual([['penaltyCap', 'cap_invalid']]);
  });
});

describe('grade bands', () => {
  const band = (code: string, minPercent: number, vi = code): GradeBand => ({
    code,
    name: t(vi),
    minPercent,
  });
  const problems = (bands: GradeBand[]) => checkGradeBands(bands).map((p) => [p.at, p.problem]);

  it('the defaults and the letters are sound', () => {
    expect(checkGradeBands(DEFAULT_GRADE_BANDS)).toEqual([]);
  });
  it('at least one band', () => {
    expect(problems([])).toEqual([['gradeBands', 'grade_bands_empty']]);
    expect(after(() => undefined, [])).toEqual([['gradeBands', 'grade_bands_empty']]);
  });
  it('one band from 0 is enough', () => {
    expect(problems([band('all', 0)])).toEqual([]);
  });
  it('codes present and unique, names present', () => {
    expect(problems([band('a', 50), band('', 0, 'Yếu')])).toEqual([['gradeBands[1]', 'grade_code_required']]);
    expect(problems([band('a', 50), band('a', 0)])).toEqual([['gradeBands[1]', 'grade_code_duplicate']]);
    expect(problems([band('a', 50, ''), band('b', 0)])).toEqual([['gradeBands[0]', 'grade_name_required']]);
  });
  it('thresholds within 0–100, strictly falling, the last at 0', () => {
    expect(problems([band('a', 101), band('b', 0)])).toEqual([['gradeBands[0]', 'grade_min_range']]);
    expect(problems([band('a', 80), band('b', 80), band('c', 0)])).toEqual([
      ['gradeBands[1]', 'grade_order'],
    ]);
    expect(problems([band('a', 70), band('b', 80), band('c', 0)])).toEqual([
      ['gradeBands[1]', 'grade_order'],
    ]);
    expect(problems([band('a', 90), band('b', 50)])).toEqual([['gradeBands[1]', 'grade_last_not_zero']]);
  });
  it('says so in both languages', () => {
    expect(checkGradeBands([band('good', 90, 'Tốt'), band('fair', 50, 'Khá')])[0]!.message).toEqual({
      vi: 'Mức xếp loại thấp nhất ("fair") phải bắt đầu từ 0% để mọi kết quả đều được xếp loại.',
      en: 'The lowest grade band ("fair") must start at 0% so that every result gets a grade.',
    });
  });
});

describe('checkFramework on data that is not even shaped right (JSON from an import or an old row)', () => {
  it('reports instead of throwing', () => {
    const broken = { fields: [{ code: '1', criteria: 'x' }], bonus: 'no' } as unknown as FrameworkTree;
    const problems = checkFramework(broken, TOY_BANDS).map((p) => p.problem);
    expect(problems).toEqual([
      'name_required',
      'max_invalid',
      'criteria_empty',
      'cap_invalid',
      'cap_invalid',
    ]);
  });
});
