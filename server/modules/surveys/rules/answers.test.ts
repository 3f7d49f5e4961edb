import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkAnswers,
  definitionHash,
  evaluateCondition,
  normaliseAnswers,
  type NormalisedAnswers,
} from './answers.js';
import { flattenItems, type MatrixItem, type SurveyDefinition } from './definition.js';
import { t, toyAnswers, toyDefinition } from './test-fixtures.js';

const def = toyDefinition();
const withAnswers = (patch: Record<string, unknown>) => ({ ...toyAnswers(), ...patch });
const problems = (answers: unknown, d: SurveyDefinition = def) =>
  checkAnswers(d, answers).map((p) => [p.at, p.problem]);
const normalised = (answers: unknown, d: SurveyDefinition = def) => {
  const r = normaliseAnswers(d, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe('normaliseAnswers: the canonical stored form', () => {
  it('a complete response is accepted: keys in document order, choices in the list’s order, text trimmed', () => {
    const r = normalised({ ...withAnswers({ ly_do: '  Chậm trả lời  ' }), mong_muon: ['b', 'a'] });
    expect(r.answers).toEqual({
      gioi_tinh: 'nu',
      tuoi: 34,
      kenh: 'truc_tiep',
      chung: 4,
      bang: { r1: 5, r2: 4, r3: 3 },
      gop_y: 'co',
      gop_y_hl: 2,
      ly_do: 'Chậm trả lời',
      mong_muon: ['a', 'b'],
    });
    expect(Object.keys(r.answers)).toEqual(flattenItems(def).map((p) => p.item.code));
    expect(r.dropped).toEqual([]);
    expect(r.shown).toEqual(Object.keys(r.answers));
  });

  it('is idempotent: the stored form, sent again, is stored the same', () => {
    const once = normalised(toyAnswers()).answers;
    expect(normalised(once).answers).toEqual(once);
    expect(canonicalJson(normalised(once).answers)).toBe(canonicalJson(once));
  });

  it('matrix rows are stored in the item’s order, whatever order they were sent in', () => {
    const r = normalised(withAnswers({ bang: { r3: 1, r1: 2, r2: 3 } }));
    expect(Object.keys(r.answers.bang as object)).toEqual(['r1', 'r2', 'r3']);
  });

  it('blank answers are unanswered: null, "", blanks, [], {} and a matrix of nulls', () => {
    for (const blank of [null, undefined, '', '   ', [], {}]) {
      const r = normalised(
        withAnswers({ tuoi: blank, ly_do: blank === '' || blank === '   ' ? blank : 'x' }),
      );
      expect(r.answers).not.toHaveProperty('tuoi');
    }
    expect(normalised(withAnswers({ ly_do: '   ' })).answers).not.toHaveProperty('ly_do');
    expect(problems(withAnswers({ bang: { r1: null, r2: null, r3: null } }))).toEqual([['bang', 'required']]);
  });

  it('"-0" is stored as 0', () => {
    const d = toyDefinition();
    Object.assign(flattenItems(d)[1]!.item, { min: -5 });
    expect(Object.is(normalised(withAnswers({ tuoi: -0 }), d).answers.tuoi, 0)).toBe(true);
  });
});

describe('visibility: conditions on earlier answers', () => {
  it('a required Likert item hidden by its condition is not required', () => {
    const { gop_y_hl: _a, ly_do: _b, ...rest } = withAnswers({ gop_y: 'khong' });
    const r = normalised(rest);
    expect(r.answers).not.toHaveProperty('gop_y_hl');
    expect(r.shown).not.toContain('gop_y_hl');
  });

  it('a required Likert item shown by its condition is required', () => {
    const { gop_y_hl: _a, ly_do: _b, ...rest } = withAnswers({ gop_y: 'co' });
    expect(problems(rest)).toEqual([['gop_y_hl', 'required']]);
  });

  it('the answer to a hidden question is dropped, not refused, and listed', () => {
    const r = normalised(withAnswers({ gop_y: 'khong', gop_y_hl: 1 }));
    expect(r.answers).not.toHaveProperty('gop_y_hl');
    expect(r.dropped).toEqual(['gop_y_hl', 'ly_do']);
  });

  it('a chain: the reason (shown if the rating ≤ 2) is hidden when the rating itself is hidden', () => {
    const r = normalised(withAnswers({ gop_y: 'khong', gop_y_hl: 1, ly_do: 'x' }));
    expect(r.shown).not.toContain('ly_do');
    expect(r.answers).not.toHaveProperty('ly_do');
  });

  it('the reason is hidden after a good rating, shown after a poor one', () => {
    expect(normalised(withAnswers({ gop_y_hl: 4, ly_do: 'x' })).dropped).toEqual(['ly_do']);
    expect(normalised(withAnswers({ gop_y_hl: 2, ly_do: 'x' })).answers.ly_do).toBe('x');
  });

  it('a hidden answer is dropped even when it would be invalid: it is never read', () => {
    expect(normalised(withAnswers({ gop_y: 'khong', gop_y_hl: 99 })).dropped).toContain('gop_y_hl');
  });

  it('an earlier answer that is invalid counts as unanswered for the conditions after it', () => {
    expect(problems(withAnswers({ gop_y: 'maybe' }))).toEqual([['gop_y', 'choice_unknown']]);
  });
});

describe('checkAnswers: what is refused, per question', () => {
  it('a valid response has no problems', () => {
    expect(checkAnswers(def, toyAnswers())).toEqual([]);
  });

  it('a response that is not an object is refused', () => {
    for (const bad of [null, [], 'x', 3]) expect(problems(bad)).toEqual([['', 'answers_invalid']]);
  });

  it('a question the form does not have is refused (another version of the form, or tampering)', () => {
    expect(problems(withAnswers({ nghe_nghiep: 'x' }))).toEqual([['nghe_nghiep', 'unknown_item']]);
    expect(checkAnswers(def, withAnswers({ nghe_nghiep: 'x' }))[0]!.message).toEqual({
      vi: 'Câu "nghe_nghiep" không có trong phiếu này (phiếu có thể đã được cập nhật: xin tải lại).',
      en: 'Question "nghe_nghiep" is not on this form (it may have been updated: please reload).',
    });
  });

  it('required questions must be answered; the message quotes the question', () => {
    const { gioi_tinh: _g, kenh: _k, ...rest } = toyAnswers();
    expect(problems(rest)).toEqual([
      ['gioi_tinh', 'required'],
      ['kenh', 'required'],
    ]);
    expect(checkAnswers(def, rest)[0]!.message).toEqual({
      vi: 'Xin trả lời câu "Giới tính" (câu bắt buộc).',
      en: 'Please answer "Gender" (required).',
    });
  });

  it('single choice: one code of the list', () => {
    expect(problems(withAnswers({ gioi_tinh: 'khac' }))).toEqual([['gioi_tinh', 'choice_unknown']]);
    expect(problems(withAnswers({ gioi_tinh: ['nu'] }))).toEqual([['gioi_tinh', 'wrong_type']]);
    expect(problems(withAnswers({ gioi_tinh: 1 }))).toEqual([['gioi_tinh', 'wrong_type']]);
  });

  it('multiple choice: codes of the list, each once, within min…max, an exclusive choice alone', () => {
    expect(problems(withAnswers({ mong_muon: ['a', 'b', 'c'] }))).toEqual([['mong_muon', 'too_many']]);
    expect(checkAnswers(def, withAnswers({ mong_muon: ['a', 'b', 'c'] }))[0]!.message).toEqual({
      vi: 'Câu "Mong muốn" chọn tối đa 2 phương án (đã chọn 3).',
      en: '"Wishes" takes at most 2 choices (3 ticked).',
    });
    expect(problems(withAnswers({ mong_muon: ['a', 'none'] }))).toEqual([['mong_muon', 'exclusive']]);
    expect(normalised(withAnswers({ mong_muon: ['none'] })).answers.mong_muon).toEqual(['none']);
    expect(problems(withAnswers({ mong_muon: ['a', 'z'] }))).toEqual([['mong_muon', 'choice_unknown']]);
    expect(problems(withAnswers({ mong_muon: ['a', 'a'] }))).toEqual([['mong_muon', 'choice_repeated']]);
    expect(problems(withAnswers({ mong_muon: 'a' }))).toEqual([['mong_muon', 'wrong_type']]);
    const d = toyDefinition();
    Object.assign(flattenItems(d)[8]!.item, { minSelections: 2 });
    expect(problems(withAnswers({ mong_muon: ['a'] }), d)).toEqual([['mong_muon', 'too_few']]);
    expect(problems(withAnswers({ mong_muon: ['none'] }), d)).toEqual([]); // "none" stands alone
  });

  it('a 5-point scale: a whole 1–5; "không ý kiến" only where offered', () => {
    for (const bad of [0, 6, 3.5, '4', true])
      expect(problems(withAnswers({ chung: bad }))).toEqual([['chung', 'scale_range']]);
    expect(normalised(withAnswers({ chung: 'na' })).answers.chung).toBe('na');
    expect(problems(withAnswers({ gop_y_hl: 'na' }))).toEqual([['gop_y_hl', 'na_not_allowed']]);
    expect(checkAnswers(def, withAnswers({ gop_y_hl: 'na' }))[0]!.message.vi).toBe(
      'Câu "Hài lòng về xử lý góp ý" không có lựa chọn "không ý kiến": xin chọn một mức từ 1 đến 5.',
    );
  });

  it('a required matrix: every row rated; each problem names its row', () => {
    expect(problems(withAnswers({ bang: { r1: 5 } }))).toEqual([
      ['bang[r2]', 'row_missing'],
      ['bang[r3]', 'row_missing'],
    ]);
    expect(checkAnswers(def, withAnswers({ bang: { r1: 5, r3: 3 } }))[0]!.message).toEqual({
      vi: 'Xin đánh giá tiêu chí "Tiêu chí 2" của câu "Các tiêu chí".',
      en: 'Please rate "Criterion 2" in "The criteria".',
    });
    expect(problems(withAnswers({ bang: { r1: 5, r2: 4, r3: 3, r4: 1 } }))).toEqual([
      ['bang[r4]', 'row_unknown'],
    ]);
    expect(problems(withAnswers({ bang: { r1: 5, r2: 7, r3: 'na' } }))).toEqual([
      ['bang[r2]', 'scale_range'],
      ['bang[r3]', 'na_not_allowed'],
    ]);
    expect(problems(withAnswers({ bang: [5, 4, 3] }))).toEqual([['bang', 'wrong_type']]);
  });

  it('an optional matrix may be rated in part; rows left out are not stored', () => {
    const d = toyDefinition();
    const m = flattenItems(d)[4]!.item as MatrixItem;
    m.required = false;
    m.allowNa = true;
    expect(normalised(withAnswers({ bang: { r1: 5, r3: 'na' } }), d).answers.bang).toEqual({
      r1: 5,
      r3: 'na',
    });
  });

  it('numbers: finite, whole where asked, within the bounds (messages in Vietnamese numbers)', () => {
    expect(problems(withAnswers({ tuoi: 34.5 }))).toEqual([['tuoi', 'number_integer']]);
    expect(problems(withAnswers({ tuoi: 14 }))).toEqual([['tuoi', 'number_min']]);
    expect(problems(withAnswers({ tuoi: 1200 }))).toEqual([['tuoi', 'number_max']]);
    expect(checkAnswers(def, withAnswers({ tuoi: 1200 }))[0]!.message).toEqual({
      vi: 'Câu "Tuổi": giá trị lớn nhất là 100 (đã nhập 1.200).',
      en: '"Age": the largest value is 100 (got 1,200).',
    });
    expect(checkAnswers(def, withAnswers({ tuoi: 34.5 }))[0]!.message.vi).toBe(
      'Câu "Tuổi" cần một số nguyên (đã nhập 34,5).',
    );
    for (const bad of ['34', Number.NaN, Number.POSITIVE_INFINITY, [34]])
      expect(problems(withAnswers({ tuoi: bad }))).toEqual([['tuoi', 'wrong_type']]);
  });

  it('text: at most maxLength characters after trimming, counted in NFC (Vietnamese accents count once)', () => {
    const decomposed = 'Chậm'.normalize('NFD'); // 6 code points, 4 characters
    expect(decomposed.length).toBeGreaterThan(4);
    const d = toyDefinition();
    Object.assign(flattenItems(d)[7]!.item, { maxLength: 4 });
    expect(normalised(withAnswers({ ly_do: ` ${decomposed} ` }), d).answers.ly_do).toBe(
      'Chậm'.normalize('NFC'),
    );
    expect(problems(withAnswers({ ly_do: 'Chậm!' }), d)).toEqual([['ly_do', 'text_too_long']]);
    expect(checkAnswers(d, withAnswers({ ly_do: 'x'.repeat(1234) }))[0]!.message.vi).toBe(
      'Câu trả lời cho "Vì sao chưa hài lòng" dài 1.234 ký tự, tối đa 4.',
    );
    expect(problems(withAnswers({ ly_do: 5 }))).toEqual([['ly_do', 'wrong_type']]);
  });

  it('reports every problem of the response at once', () => {
    expect(problems(withAnswers({ gioi_tinh: 'x', tuoi: 3, chung: 9, extra: 1 }))).toEqual([
      ['extra', 'unknown_item'],
      ['gioi_tinh', 'choice_unknown'],
      ['tuoi', 'number_min'],
      ['chung', 'scale_range'],
    ]);
  });
});

describe('evaluateCondition', () => {
  const answers: NormalisedAnswers = {
    kenh: 'truc_tiep',
    chung: 'na',
    bang: { r1: 2 },
    tuoi: 40,
    mong_muon: ['a', 'b'],
  };
  it('eq / neq / in on a single choice', () => {
    expect(evaluateCondition({ item: 'kenh', op: 'eq', value: 'truc_tiep' }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'kenh', op: 'neq', value: 'truc_tiep' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'kenh', op: 'in', value: ['buu_chinh', 'truc_tiep'] }, answers)).toBe(
      true,
    );
  });
  it('an unanswered (or hidden) question satisfies no comparison — "neq" included — and is not "answered"', () => {
    for (const op of ['eq', 'neq', 'gte', 'lte'] as const)
      expect(evaluateCondition({ item: 'gioi_tinh', op, value: 'nu' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'gioi_tinh', op: 'in', value: ['nu'] }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'gioi_tinh', op: 'answered' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'gioi_tinh', op: 'answered', value: false }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'kenh', op: 'answered', value: true }, answers)).toBe(true);
  });
  it('multiple choice: eq is "ticked", neq "not ticked", in "any ticked"', () => {
    expect(evaluateCondition({ item: 'mong_muon', op: 'eq', value: 'b' }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'mong_muon', op: 'neq', value: 'c' }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'mong_muon', op: 'neq', value: 'a' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'mong_muon', op: 'in', value: ['c', 'b'] }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'mong_muon', op: 'in', value: ['c'] }, answers)).toBe(false);
  });
  it('gte / lte on numbers and scales; "không ý kiến" satisfies neither', () => {
    expect(evaluateCondition({ item: 'tuoi', op: 'gte', value: 40 }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'tuoi', op: 'lte', value: 39 }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'chung', op: 'gte', value: 1 }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'chung', op: 'lte', value: 5 }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'chung', op: 'eq', value: 'na' }, answers)).toBe(true);
  });
  it('a matrix row by `row`; an unrated row is unanswered', () => {
    expect(evaluateCondition({ item: 'bang', row: 'r1', op: 'lte', value: 2 }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'bang', row: 'r2', op: 'lte', value: 5 }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'bang', row: 'r2', op: 'answered' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'bang', op: 'answered' }, answers)).toBe(true);
  });
  it('all / any', () => {
    const yes = { item: 'kenh', op: 'answered' } as const;
    const no = { item: 'gioi_tinh', op: 'answered' } as const;
    expect(evaluateCondition({ all: [yes, yes] }, answers)).toBe(true);
    expect(evaluateCondition({ all: [yes, no] }, answers)).toBe(false);
    expect(evaluateCondition({ any: [no, yes] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [no, { all: [no] }] }, answers)).toBe(false);
  });
  it('does not read inherited properties as answers', () => {
    expect(evaluateCondition({ item: 'toString', op: 'answered' }, {})).toBe(false);
    expect(evaluateCondition({ item: 'bang', row: 'constructor', op: 'answered' }, answers)).toBe(false);
  });
});

describe('canonicalJson and definitionHash: the text the caller hashes to name a form’s version', () => {
  it('does not depend on the order of keys; keeps the order of lists', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [3, 1] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } }),
    );
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
  it('leaves out undefined members; reads Vietnamese the same however it was typed (NFC)', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson([undefined, null])).toBe('[null,null]');
    expect(canonicalJson({ ['Hài lòng'.normalize('NFD')]: 'Rất hài lòng'.normalize('NFD') })).toBe(
      canonicalJson({ 'Hài lòng': 'Rất hài lòng' }),
    );
  });
  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(RangeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
  it('the same definition gives the same text; a changed wording, choice or condition another', () => {
    const a = definitionHash(toyDefinition());
    const reordered = JSON.parse(
      JSON.stringify(toyDefinition(), Object.keys(toyDefinition()).reverse()),
    ) as SurveyDefinition;
    expect(definitionHash({ ...reordered, ...toyDefinition() })).toBe(a);
    expect(definitionHash(JSON.parse(JSON.stringify(toyDefinition())) as SurveyDefinition)).toBe(a);
    const changed = toyDefinition();
    flattenItems(changed)[0]!.item.text = t('Giới tính của Ông/Bà', 'Your gender');
    expect(definitionHash(changed)).not.toBe(a);
    const cond = toyDefinition();
    flattenItems(cond)[6]!.item.showIf = { item: 'gop_y', op: 'neq', value: 'khong' };
    expect(definitionHash(cond)).not.toBe(a);
    expect(JSON.parse(a)).toEqual(JSON.parse(JSON.stringify(toyDefinition())));
  });
});
