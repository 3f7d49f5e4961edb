import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_SCALE,
  checkDefinition,
  flattenItems,
  itemLabel,
  itemWording,
  resolveScale,
  SATISFACTION_SCALE,
  scaleCells,
  type Condition,
  type MatrixItem,
  type MultipleItem,
  type NumberItem,
  type SingleItem,
  type SurveyDefinition,
  type SurveyItem,
  type TextItem,
} from './definition.js';
import { t, toyDefinition } from './test-fixtures.js';

/** The problems of the toy survey after one change, as [at, problem] pairs in order. */
function after(change: (def: SurveyDefinition) => void): [string, string][] {
  const def = toyDefinition();
  change(def);
  return checkDefinition(def).map((p) => [p.at, p.problem]);
}
const item = <T extends SurveyItem = SurveyItem>(def: SurveyDefinition, code: string): T =>
  flattenItems(def).find((p) => p.item.code === code)!.item as T;
const showIf = (code: string, cond: Condition) => (def: SurveyDefinition) => {
  item(def, code).showIf = cond;
};
const garbage = (v: unknown) => v as never;

describe('the views of a definition', () => {
  it('the toy survey is sound', () => {
    expect(checkDefinition(toyDefinition())).toEqual([]);
  });

  it('flattenItems: every item in document order, with its section, place and path', () => {
    expect(flattenItems(toyDefinition()).map((p) => [p.item.code, p.section, p.order, p.path])).toEqual([
      ['gioi_tinh', 'info', 0, 'sections[0].items[0]'],
      ['tuoi', 'info', 1, 'sections[0].items[1]'],
      ['kenh', 'info', 2, 'sections[0].items[2]'],
      ['chung', 'rate', 3, 'sections[1].items[0]'],
      ['bang', 'rate', 4, 'sections[1].items[1]'],
      ['gop_y', 'rate', 5, 'sections[1].items[2]'],
      ['gop_y_hl', 'rate', 6, 'sections[1].items[3]'],
      ['ly_do', 'rate', 7, 'sections[1].items[4]'],
      ['mong_muon', 'rate', 8, 'sections[1].items[5]'],
    ]);
  });

  it('resolveScale: a named scale, an inline one, or null for an unknown or malformed one', () => {
    const def = toyDefinition();
    expect(resolveScale(def, 'hl')).toEqual(SATISFACTION_SCALE);
    expect(resolveScale(def, AGREEMENT_SCALE)).toBe(AGREEMENT_SCALE);
    expect(resolveScale(def, 'nope')).toBeNull();
    expect(resolveScale(def, SATISFACTION_SCALE.slice(0, 4))).toBeNull();
  });

  it('scaleCells: a Likert item is one cell; a matrix one per row, rows inheriting the item’s tags', () => {
    const def = toyDefinition();
    expect(scaleCells(item(def, 'chung'))).toEqual([
      { code: 'chung', item: 'chung', row: null, element: 'A', indexKey: null },
    ]);
    expect(scaleCells(item(def, 'bang'))).toEqual([
      { code: 'r1', item: 'bang', row: 'r1', element: 'A', indexKey: null },
      { code: 'r2', item: 'bang', row: 'r2', element: 'A', indexKey: null },
      { code: 'r3', item: 'bang', row: 'r3', element: 'B', indexKey: '3.6.2' },
    ]);
    expect(scaleCells(item(def, 'gioi_tinh'))).toEqual([]);
  });

  it('names items for officers and quotes their wording for respondents (English falls back to Vietnamese)', () => {
    expect(itemLabel('gioi_tinh')).toEqual({ vi: 'câu gioi_tinh', en: 'question gioi_tinh' });
    expect(itemWording({ text: t('Giới tính', '') })).toEqual({ vi: 'Giới tính', en: 'Giới tính' });
    const long =
      'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu và đầy đủ mọi thông tin cần thiết';
    expect([...itemWording({ text: t(long, long) }).vi].length).toBe(60);
    expect(itemWording({ text: t(long, long) }).vi.endsWith('…')).toBe(true);
  });
});

describe('checkDefinition: the form as a whole', () => {
  it('never throws on garbage, and says what is wrong', () => {
    for (const bad of [null, 1, 'x', []])
      expect(checkDefinition(garbage(bad)).map((p) => p.problem)).toEqual(['definition_invalid']);
    expect(
      checkDefinition(
        garbage({ title: t('x'), sections: [null, { code: 's', title: t('s'), items: [null, 5] }] }),
      ).map((p) => [p.at, p.problem]),
    ).toEqual([
      ['sections[0]', 'section_invalid'],
      ['sections[1].items[0]', 'item_invalid'],
      ['sections[1].items[1]', 'item_invalid'],
    ]);
  });

  it('a title in Vietnamese is required; English may be empty but must be there', () => {
    expect(after((d) => (d.title = t('  ')))).toEqual([['title', 'title_required']]);
    expect(after((d) => (d.title = garbage({ vi: 'Phiếu' })))).toEqual([['title', 'title_required']]);
    expect(after((d) => (d.title = t('Phiếu', '')))).toEqual([]);
  });

  it('a survey needs sections, and each section a code, a title and questions', () => {
    expect(after((d) => (d.sections = []))).toEqual([['sections', 'sections_empty']]);
    expect(after((d) => (d.sections[1]!.code = 'info'))).toEqual([['sections[1].code', 'section_duplicate']]);
    expect(after((d) => (d.sections[1]!.code = 'a b'))).toEqual([['sections[1].code', 'section_code']]);
    expect(after((d) => (d.sections[0]!.title = t('')))).toEqual([['sections[0].title', 'section_title']]);
    expect(after((d) => d.sections.push({ code: 'empty', title: t('Trống'), items: [] }))).toEqual([
      ['sections[2].items', 'section_items_empty'],
    ]);
  });

  it('scales: a named scale must exist and have exactly the five points 1…5 in order', () => {
    expect(after((d) => (item<MatrixItem>(d, 'bang').scale = 'dong_y'))).toEqual([
      ['sections[1].items[1].scale', 'scale_unknown'],
    ]);
    expect(after((d) => (d.scales!.hl = SATISFACTION_SCALE.slice(0, 4)))).toEqual([
      ['scales.hl', 'scale_invalid'],
    ]);
    expect(after((d) => (d.scales!.hl = [...SATISFACTION_SCALE].reverse()))).toEqual([
      ['scales.hl', 'scale_invalid'],
    ]);
    expect(after((d) => (d.scales = garbage([])))).toContainEqual(['scales', 'scales_invalid']);
    expect(after((d) => (item<MatrixItem>(d, 'bang').scale = AGREEMENT_SCALE))).toEqual([]);
    expect(
      after(
        (d) =>
          (item<MatrixItem>(d, 'bang').scale = [...AGREEMENT_SCALE.slice(0, 4), { value: 5, label: t('') }]),
      ),
    ).toEqual([['sections[1].items[1].scale', 'scale_invalid']]);
  });

  it('elements: when declared, every tag must name one; codes are unique', () => {
    expect(after((d) => (item(d, 'chung').element = 'C'))).toEqual([
      ['sections[1].items[0].element', 'element_unknown'],
    ]);
    expect(after((d) => (item<MatrixItem>(d, 'bang').rows[2]!.element = 'C'))).toEqual([
      ['sections[1].items[1].rows[2].element', 'element_unknown'],
    ]);
    expect(after((d) => d.elements!.push({ code: 'A', name: t('A lần nữa') }))).toEqual([
      ['elements[2]', 'element_duplicate'],
    ]);
    expect(after((d) => d.elements!.push({ code: 'C', name: t('') }))).toEqual([
      ['elements[2]', 'element_invalid'],
    ]);
    // Without a declared list, any well-formed tag is accepted.
    expect(
      after((d) => {
        delete d.elements;
        item(d, 'chung').element = 'anything';
      }),
    ).toEqual([]);
    expect(after((d) => (item(d, 'chung').indexKey = 'bad key'))).toEqual([
      ['sections[1].items[0].indexKey', 'tag_invalid'],
    ]);
  });
});

describe('checkDefinition: each question', () => {
  it('codes are well formed and unique across questions and matrix rows', () => {
    expect(after((d) => (item(d, 'tuoi').code = 'gioi_tinh'))).toEqual([
      ['sections[0].items[1].code', 'code_duplicate'],
    ]);
    expect(after((d) => (item(d, 'tuoi').code = 'r1'))).toEqual([
      ['sections[1].items[1].rows[0].code', 'code_duplicate'],
    ]);
    expect(after((d) => (item<MatrixItem>(d, 'bang').rows[1]!.code = 'r1'))).toEqual([
      ['sections[1].items[1].rows[1].code', 'code_duplicate'],
    ]);
    expect(after((d) => (item(d, 'tuoi').code = 'tuổi'))).toEqual([
      ['sections[0].items[1].code', 'code_format'],
    ]);
    expect(after((d) => (item(d, 'tuoi').code = '_x'))).toEqual([
      ['sections[0].items[1].code', 'code_format'],
    ]);
    expect(after((d) => (item(d, 'tuoi').code = 'x'.repeat(65)))).toEqual([
      ['sections[0].items[1].code', 'code_format'],
    ]);
    expect(after((d) => (item(d, 'tuoi').code = '1.1'))).toEqual([]);
  });

  it('a problem names the question’s code beside its path', () => {
    const def = toyDefinition();
    item<TextItem>(def, 'ly_do').maxLength = 0;
    const [p] = checkDefinition(def);
    expect(p).toMatchObject({ at: 'sections[1].items[4].maxLength', item: 'ly_do', problem: 'max_length' });
  });

  it('wording in Vietnamese is required; help, when given, is bilingual', () => {
    expect(after((d) => (item(d, 'tuoi').text = t('')))).toEqual([
      ['sections[0].items[1].text', 'text_required'],
    ]);
    expect(after((d) => (item(d, 'tuoi').help = garbage('giúp')))).toEqual([
      ['sections[0].items[1].help', 'help_invalid'],
    ]);
    expect(after((d) => (item(d, 'tuoi').help = t('Tuổi tròn', 'Whole years')))).toEqual([]);
  });

  it('a kind must be one of the six; required is true or false', () => {
    expect(after((d) => (item(d, 'tuoi').kind = garbage('date')))).toEqual([
      ['sections[0].items[1].kind', 'kind_unknown'],
    ]);
    expect(after((d) => (item(d, 'tuoi').required = garbage('yes')))).toEqual([
      ['sections[0].items[1].required', 'required_invalid'],
    ]);
  });

  it('choice questions need choices, each with its own well-formed code and a label', () => {
    expect(after((d) => (item<SingleItem>(d, 'gioi_tinh').choices = []))).toEqual([
      ['sections[0].items[0].choices', 'choices_empty'],
    ]);
    expect(after((d) => (item<SingleItem>(d, 'gioi_tinh').choices[1]!.code = 'nam'))).toEqual([
      ['sections[0].items[0].choices[1].code', 'choice_duplicate'],
    ]);
    expect(after((d) => (item<SingleItem>(d, 'gioi_tinh').choices[1]!.code = 'n ữ'))).toEqual([
      ['sections[0].items[0].choices[1].code', 'choice_code'],
    ]);
    expect(after((d) => (item<SingleItem>(d, 'gioi_tinh').choices[1]!.label = t('')))).toEqual([
      ['sections[0].items[0].choices[1].label', 'choice_label'],
    ]);
  });

  it('multiple choice: min and max selections are whole, ordered and within the number of choices', () => {
    const set = (min?: number, max?: number) => (d: SurveyDefinition) => {
      const m = item<MultipleItem>(d, 'mong_muon');
      if (min === undefined) delete m.minSelections;
      else m.minSelections = min;
      if (max === undefined) delete m.maxSelections;
      else m.maxSelections = max;
    };
    expect(after(set(3, 2))).toEqual([['sections[1].items[5].minSelections', 'selections_order']]);
    expect(after(set(1, 5))).toEqual([['sections[1].items[5].maxSelections', 'selections_exceed']]);
    expect(after(set(5, undefined))).toEqual([['sections[1].items[5].minSelections', 'selections_exceed']]);
    expect(after(set(-1, 2))).toEqual([['sections[1].items[5].minSelections', 'selections_invalid']]);
    expect(after(set(1, 0))).toEqual([['sections[1].items[5].maxSelections', 'selections_invalid']]);
    expect(after(set(1.5, 2))).toEqual([['sections[1].items[5].minSelections', 'selections_invalid']]);
    expect(after(set(undefined, undefined))).toEqual([]);
    expect(after(set(0, 4))).toEqual([]);
  });

  it('a matrix needs rows, each with its own code and wording', () => {
    expect(after((d) => (item<MatrixItem>(d, 'bang').rows = []))).toEqual([
      ['sections[1].items[1].rows', 'rows_empty'],
    ]);
    expect(after((d) => (item<MatrixItem>(d, 'bang').rows[0]!.text = t('')))).toEqual([
      ['sections[1].items[1].rows[0].text', 'text_required'],
    ]);
    expect(after((d) => (item<MatrixItem>(d, 'bang').rows[0] = garbage(null)))).toEqual([
      ['sections[1].items[1].rows[0]', 'row_invalid'],
    ]);
  });

  it('"không ý kiến": allowNa is true or false, its label bilingual', () => {
    expect(after((d) => (item<MatrixItem>(d, 'bang').allowNa = garbage('yes')))).toEqual([
      ['sections[1].items[1].allowNa', 'na_invalid'],
    ]);
    expect(after((d) => (item<MatrixItem>(d, 'bang').naLabel = garbage('KYK')))).toEqual([
      ['sections[1].items[1].naLabel', 'na_invalid'],
    ]);
  });

  it('numbers: bounds are numbers, in order, and leave a whole number when integer', () => {
    const set = (patch: Partial<NumberItem>) => (d: SurveyDefinition) =>
      Object.assign(item(d, 'tuoi'), patch);
    expect(after(set({ min: 100, max: 15 }))).toEqual([['sections[0].items[1].min', 'number_order']]);
    expect(after(set({ min: 1.2, max: 1.8 }))).toEqual([['sections[0].items[1].min', 'number_order']]);
    expect(after(set({ min: 1.2, max: 1.8, integer: false }))).toEqual([]);
    expect(after(set({ min: garbage('15') }))).toEqual([['sections[0].items[1].min', 'number_bounds']]);
    expect(after(set({ max: Number.POSITIVE_INFINITY }))).toEqual([
      ['sections[0].items[1].max', 'number_bounds'],
    ]);
    expect(after(set({ integer: garbage(1) }))).toEqual([['sections[0].items[1].integer', 'number_bounds']]);
  });

  it('text: a maximum length from 1 to 5.000 characters', () => {
    for (const bad of [0, 5001, 2.5, undefined])
      expect(after((d) => (item<TextItem>(d, 'ly_do').maxLength = garbage(bad)))).toEqual([
        ['sections[1].items[4].maxLength', 'max_length'],
      ]);
    const def = toyDefinition();
    item<TextItem>(def, 'ly_do').maxLength = 5001;
    expect(checkDefinition(def)[0]!.message).toEqual({
      vi: 'Độ dài tối đa của câu ly_do phải là số nguyên từ 1 đến 5.000 ký tự.',
      en: 'The maximum length of question ly_do must be a whole number from 1 to 5,000 characters.',
    });
  });
});

describe('checkDefinition: display conditions', () => {
  it('a condition may only refer to an earlier question: later ones and itself are refused, so no cycle can exist', () => {
    expect(after(showIf('tuoi', { item: 'kenh', op: 'answered' }))).toEqual([
      ['sections[0].items[1].showIf.item', 'condition_target_later'],
    ]);
    expect(after(showIf('tuoi', { item: 'tuoi', op: 'answered' }))).toEqual([
      ['sections[0].items[1].showIf.item', 'condition_target_later'],
    ]);
    // A cycle written both ways: each refers to the other; the one referring forward is refused.
    expect(
      after((d) => {
        item(d, 'gop_y').showIf = { item: 'ly_do', op: 'answered' };
      }),
    ).toEqual([['sections[1].items[2].showIf.item', 'condition_target_later']]);
  });

  it('a condition on a question the survey does not have is refused', () => {
    expect(after(showIf('tuoi', { item: 'nghe_nghiep', op: 'answered' }))).toEqual([
      ['sections[0].items[1].showIf.item', 'condition_target_missing'],
    ]);
    // A matrix row is named with `row`, not as an item.
    expect(after(showIf('gop_y', { item: 'r1', op: 'gte', value: 4 }))).toEqual([
      ['sections[1].items[2].showIf.item', 'condition_target_missing'],
    ]);
  });

  it('operators are eq, neq, in, gte, lte, answered; malformed conditions are refused', () => {
    expect(after(showIf('tuoi', garbage({ item: 'gioi_tinh', op: 'contains', value: 'nu' })))).toEqual([
      ['sections[0].items[1].showIf.op', 'condition_operator'],
    ]);
    expect(after(showIf('tuoi', garbage({ op: 'eq', value: 'nu' })))).toEqual([
      ['sections[0].items[1].showIf', 'condition_invalid'],
    ]);
    expect(after(showIf('tuoi', garbage('gioi_tinh = nu')))).toEqual([
      ['sections[0].items[1].showIf', 'condition_invalid'],
    ]);
    expect(after(showIf('tuoi', { all: [] }))).toEqual([
      ['sections[0].items[1].showIf', 'condition_invalid'],
    ]);
  });

  it('the value must fit the question: a choice of its list, a point of its scale, a number', () => {
    const at = 'sections[1].items[2].showIf.value';
    expect(after(showIf('gop_y', { item: 'gioi_tinh', op: 'eq', value: 'khac' }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'gioi_tinh', op: 'gte', value: 1 }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'gioi_tinh', op: 'in', value: ['nam', 'x'] }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'gioi_tinh', op: 'in', value: [] }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'gioi_tinh', op: 'in', value: 'nam' }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'chung', op: 'gte', value: 6 }))).toEqual([[at, 'condition_value']]);
    expect(after(showIf('gop_y', { item: 'chung', op: 'gte', value: 'na' }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'chung', op: 'eq', value: 'na' }))).toEqual([]); // N/A allowed on chung
    expect(after(showIf('gop_y', { item: 'tuoi', op: 'lte', value: '30' }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'tuoi', op: 'lte', value: 30 }))).toEqual([]);
    expect(after(showIf('gop_y', { item: 'chung', op: 'answered', value: 'yes' }))).toEqual([
      [at, 'condition_value'],
    ]);
    expect(after(showIf('gop_y', { item: 'chung', op: 'answered', value: false }))).toEqual([]);
    expect(after(showIf('gop_y', { item: 'mong_muon', op: 'eq', value: 'a' }))).toEqual([
      ['sections[1].items[2].showIf.item', 'condition_target_later'],
    ]);
  });

  it('a condition on a matrix names one of its rows (except "answered"); other questions have no rows', () => {
    expect(after(showIf('gop_y', { item: 'bang', row: 'r3', op: 'lte', value: 2 }))).toEqual([]);
    expect(after(showIf('gop_y', { item: 'bang', op: 'answered' }))).toEqual([]);
    expect(after(showIf('gop_y', { item: 'bang', op: 'lte', value: 2 }))).toEqual([
      ['sections[1].items[2].showIf.row', 'condition_row'],
    ]);
    expect(after(showIf('gop_y', { item: 'bang', row: 'r9', op: 'lte', value: 2 }))).toEqual([
      ['sections[1].items[2].showIf.row', 'condition_row'],
    ]);
    expect(after(showIf('gop_y', { item: 'bang', row: 'r1', op: 'eq', value: 'na' }))).toEqual([
      ['sections[1].items[2].showIf.value', 'condition_value'], // the matrix offers no N/A
    ]);
    expect(after(showIf('gop_y', { item: 'chung', row: 'r1', op: 'eq', value: 3 }))).toEqual([
      ['sections[1].items[2].showIf.row', 'condition_row'],
    ]);
  });

  it('all / any combine conditions, each checked with its own path, nested at most 4 levels', () => {
    expect(
      after(
        showIf('gop_y', {
          all: [
            { item: 'kenh', op: 'eq', value: 'truc_tiep' },
            {
              any: [
                { item: 'chung', op: 'lte', value: 2 },
                { item: 'ly_do', op: 'answered' },
              ],
            },
          ],
        }),
      ),
    ).toEqual([['sections[1].items[2].showIf.all[1].any[1].item', 'condition_target_later']]);
    const leaf: Condition = { item: 'kenh', op: 'answered' };
    const nest = (depth: number): Condition => (depth === 0 ? leaf : { all: [nest(depth - 1)] });
    expect(after(showIf('gop_y', nest(3)))).toEqual([]);
    expect(after(showIf('gop_y', nest(4)))).toEqual([
      ['sections[1].items[2].showIf.all[0].all[0].all[0]', 'condition_depth'],
    ]);
  });

  it('every problem is said in Vietnamese first and in English', () => {
    const def = toyDefinition();
    item(def, 'tuoi').showIf = { item: 'kenh', op: 'answered' };
    expect(checkDefinition(def)[0]!.message).toEqual({
      vi: 'Điều kiện hiển thị của câu tuoi chỉ được dựa vào câu hỏi đứng trước nó; câu "kenh" đứng sau.',
      en: 'The display condition of question tuoi may only refer to questions before it; "kenh" comes after it.',
    });
  });

  it('lists every problem at once', () => {
    const problems = after((d) => {
      d.title = t('');
      item<SingleItem>(d, 'gioi_tinh').choices = [];
      item<MatrixItem>(d, 'bang').rows = [];
      item(d, 'tuoi').showIf = { item: 'x', op: 'answered' };
    });
    expect(problems.map(([, p]) => p)).toEqual([
      'title_required',
      'choices_empty',
      'condition_target_missing',
      'rows_empty',
    ]);
  });
});
