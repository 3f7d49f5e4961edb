import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseAnswers } from '../../../../server/modules/surveys/rules/answers';
import type { SurveyDefinition, MultipleItem } from '../../../../server/modules/surveys/rules/definition';
import { toyAnswers, toyDefinition } from '../../../../server/modules/surveys/rules/test-fixtures';
import {
  answerOf,
  answersToSend,
  cleanDraft,
  isBlank,
  itemCount,
  minutesSince,
  neighbourSection,
  parseNumberText,
  problemsOf,
  progressOf,
  textLength,
  toggleChoice,
  viewOf,
  type DraftAnswers,
} from './form';

const def = toyDefinition();
const shown = (draft: DraftAnswers) => [...viewOf(def, draft).visible];

describe('parseNumberText', () => {
  it('reads numbers as people type them here', () => {
    expect(parseNumberText('12')).toBe(12);
    expect(parseNumberText(' 12 ')).toBe(12);
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('2,5')).toBe(2.5);
    expect(parseNumberText(',5')).toBe(0.5);
    expect(parseNumberText('2.5')).toBe(2.5);
    expect(parseNumberText('1.234')).toBe(1234);
    expect(parseNumberText('1.234.567,25')).toBe(1234567.25);
    expect(parseNumberText('1 234')).toBe(1234);
  });

  it('tells blank from unreadable', () => {
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('   ')).toBeNull();
    expect(parseNumberText('abc')).toBeNaN();
    expect(parseNumberText('2,')).toBeNaN();
    expect(parseNumberText('1,2,3')).toBeNaN();
    expect(parseNumberText('12a')).toBeNaN();
  });
});

describe('answerOf / isBlank', () => {
  const tuoi = def.sections[0]!.items[1]!;
  it('turns a number box into a number, keeps unreadable text for the rules to refuse', () => {
    expect(answerOf(tuoi, '34')).toBe(34);
    expect(answerOf(tuoi, '')).toBeUndefined();
    expect(answerOf(tuoi, 'ba mươi')).toBe('ba mươi');
  });

  it("knows the rules' empty answers", () => {
    for (const v of [undefined, null, '', '  ', [], {}, { r1: null }]) expect(isBlank(v)).toBe(true);
    for (const v of ['a', ['a'], { r1: 3 }, 0, 'na']) expect(isBlank(v)).toBe(false);
  });
});

describe('viewOf: visibility in document order', () => {
  it('hides conditional questions until their condition holds', () => {
    expect(shown({})).not.toContain('gop_y_hl');
    expect(shown({})).not.toContain('ly_do');
    expect(shown({ gop_y: 'khong' })).not.toContain('gop_y_hl');
    expect(shown({ gop_y: 'co' })).toContain('gop_y_hl');
    expect(shown({ gop_y: 'co' })).not.toContain('ly_do');
    expect(shown({ gop_y: 'co', gop_y_hl: 2 })).toContain('ly_do');
    expect(shown({ gop_y: 'co', gop_y_hl: 4 })).not.toContain('ly_do');
  });

  it('follows a chain: an answer that a hidden question keeps does not show what depends on it', () => {
    // gop_y_hl answered 1, then gop_y changed to "khong": gop_y_hl is hidden, so ly_do is too.
    expect(shown({ gop_y: 'khong', gop_y_hl: 1 })).not.toContain('ly_do');
  });

  it('sees only answers the rules would accept (an invalid value satisfies no condition)', () => {
    expect(shown({ gop_y: 'khac' })).not.toContain('gop_y_hl');
    expect(shown({ gop_y: 'co', gop_y_hl: 'na' })).not.toContain('ly_do'); // no "no opinion" on this item
  });

  it('agrees with the rules on every toy response', () => {
    const answers = toyAnswers();
    const result = normaliseAnswers(def, answers);
    expect(result.ok).toBe(true);
    if (result.ok) expect(shown(answers as DraftAnswers)).toEqual(result.shown);
  });

  it('skips a part whose questions are all hidden', () => {
    const gated: SurveyDefinition = {
      ...def,
      sections: [
        def.sections[1]!,
        {
          code: 'extra',
          title: { vi: 'Thêm', en: 'More' },
          items: [
            {
              code: 'them',
              kind: 'text',
              maxLength: 50,
              text: { vi: 'Thêm', en: 'More' },
              showIf: { item: 'gop_y', op: 'eq', value: 'co' },
            },
          ],
        },
        def.sections[0]!,
      ],
    };
    const hidden = viewOf(gated, {});
    expect(hidden.sections.map((s) => s.section.code)).toEqual(['rate', 'info']);
    expect(neighbourSection(gated, hidden, 'rate', 1)).toBe('info');
    expect(progressOf(hidden, 'info')).toEqual({ current: 2, total: 2 });
    const open = viewOf(gated, { gop_y: 'co' });
    expect(neighbourSection(gated, open, 'rate', 1)).toBe('extra');
    expect(progressOf(open, 'info')).toEqual({ current: 3, total: 3 });
    // A part that became hidden while the respondent was on it: the next is found from its place.
    expect(neighbourSection(gated, hidden, 'extra', 1)).toBe('info');
    expect(neighbourSection(gated, hidden, 'extra', -1)).toBe('rate');
    expect(neighbourSection(gated, hidden, 'rate', -1)).toBeNull();
    expect(neighbourSection(gated, hidden, null, 1)).toBe('rate');
  });
});

describe('cleanDraft: hidden questions take their answers with them', () => {
  it('drops the answers of hidden questions, along a chain', () => {
    const draft: DraftAnswers = { gop_y: 'khong', gop_y_hl: 1, ly_do: 'Chậm', gioi_tinh: 'nu' };
    expect(cleanDraft(def, draft)).toEqual({ gop_y: 'khong', gioi_tinh: 'nu' });
  });

  it('drops unknown codes and empty answers, and returns the same object when nothing changes', () => {
    expect(cleanDraft(def, { nope: 'x', gioi_tinh: 'nam', tuoi: '' })).toEqual({ gioi_tinh: 'nam' });
    const kept: DraftAnswers = { gioi_tinh: 'nam', gop_y: 'co', gop_y_hl: 2, ly_do: 'x' };
    expect(cleanDraft(def, kept)).toBe(kept);
  });
});

describe('answersToSend', () => {
  it('sends shown, answered questions only, numbers as numbers — what the rules accept', () => {
    const draft: DraftAnswers = {
      gioi_tinh: 'nu',
      tuoi: '34',
      kenh: 'truc_tiep',
      chung: 4,
      bang: { r1: 5, r2: 4, r3: 3 },
      gop_y: 'khong',
      gop_y_hl: 2, // hidden: not sent
      mong_muon: ['a', 'b'],
    };
    const sent = answersToSend(def, draft);
    expect(sent).toEqual({
      gioi_tinh: 'nu',
      tuoi: 34,
      kenh: 'truc_tiep',
      chung: 4,
      bang: { r1: 5, r2: 4, r3: 3 },
      gop_y: 'khong',
      mong_muon: ['a', 'b'],
    });
    const result = normaliseAnswers(def, sent);
    expect(result.ok && result.dropped).toEqual([]);
  });
});

describe('problemsOf: the checks before "Next"', () => {
  it('asks for the required questions of the part only', () => {
    const problems = problemsOf(def, {}, ['info']);
    expect(problems).toEqual([
      { item: 'gioi_tinh', row: null, problem: 'required', message: null },
      { item: 'kenh', row: null, problem: 'required', message: null },
    ]);
    expect(problemsOf(def, { gioi_tinh: 'nam', kenh: 'truc_tuyen' }, ['info'])).toEqual([]);
  });

  it('does not require a question its condition hides, and requires it once shown', () => {
    const base: DraftAnswers = { chung: 3, bang: { r1: 3, r2: 3, r3: 3 }, gop_y: 'khong' };
    expect(problemsOf(def, base, ['rate'])).toEqual([]);
    expect(problemsOf(def, { ...base, gop_y: 'co' }, ['rate']).map((p) => p.item)).toEqual(['gop_y_hl']);
  });

  it('names the missing rows of a required matrix', () => {
    const problems = problemsOf(def, { chung: 'na', bang: { r2: 4 }, gop_y: 'khong' }, ['rate']);
    expect(problems).toEqual([
      { item: 'bang', row: 'r1', problem: 'row_missing', message: null },
      { item: 'bang', row: 'r3', problem: 'row_missing', message: null },
    ]);
  });

  it("says an unreadable number in its own words, and the rules' limits in theirs", () => {
    const filled = { gioi_tinh: 'nam', kenh: 'truc_tiep' };
    expect(problemsOf(def, { ...filled, tuoi: 'ba mươi' }, ['info'])).toEqual([
      { item: 'tuoi', row: null, problem: 'number_format', message: null },
    ]);
    const [tooYoung] = problemsOf(def, { ...filled, tuoi: '12' }, ['info']);
    expect(tooYoung).toMatchObject({ item: 'tuoi', problem: 'number_min' });
    expect(tooYoung!.message!.vi).toContain('15');
    const [half] = problemsOf(def, { ...filled, tuoi: '30,5' }, ['info']);
    expect(half).toMatchObject({ item: 'tuoi', problem: 'number_integer' });
  });

  it("checks a multiple question's limits and exclusive choice", () => {
    const base: DraftAnswers = { chung: 3, bang: { r1: 3, r2: 3, r3: 3 }, gop_y: 'khong' };
    expect(problemsOf(def, { ...base, mong_muon: ['a', 'b', 'c'] }, ['rate'])).toMatchObject([
      { item: 'mong_muon', problem: 'too_many' },
    ]);
    expect(problemsOf(def, { ...base, mong_muon: ['a', 'none'] }, ['rate'])).toMatchObject([
      { item: 'mong_muon', problem: 'exclusive' },
    ]);
  });

  it('lists every part\'s problems in document order when no part is named (an empty matrix is one "required")', () => {
    expect(problemsOf(def, {}).map((p) => p.item)).toEqual(['gioi_tinh', 'kenh', 'chung', 'bang', 'gop_y']);
  });
});

describe('toggleChoice', () => {
  const item = def.sections[1]!.items.find((i) => i.code === 'mong_muon') as MultipleItem;
  it('keeps the list order, and an exclusive choice alone', () => {
    expect(toggleChoice(item, [], 'b', true)).toEqual(['b']);
    expect(toggleChoice(item, ['b'], 'a', true)).toEqual(['a', 'b']);
    expect(toggleChoice(item, ['a', 'b'], 'none', true)).toEqual(['none']);
    expect(toggleChoice(item, ['none'], 'c', true)).toEqual(['c']);
    expect(toggleChoice(item, ['a', 'c'], 'a', false)).toEqual(['c']);
    expect(toggleChoice(item, ['a'], 'zzz', true)).toEqual(['a']);
  });
});

describe('small helpers', () => {
  it('count characters as the rules do', () => {
    expect(textLength('  Chậm  ')).toBe(4);
    expect(textLength('Ha\u0300 Nô\u0323i')).toBe(6); // combining accents count once
  });

  it('count the questions and the minutes', () => {
    expect(itemCount(def)).toBe(9);
    expect(minutesSince(0, 7.4 * 60_000)).toBe(7);
    expect(minutesSince(0, 7.6 * 60_000)).toBe(8);
    expect(minutesSince(0, 1e12)).toBe(10_000);
    expect(minutesSince(10, 5)).toBeNull(); // the clock went back
  });
});

describe('the shipped templates', () => {
  const folder = path.resolve(import.meta.dirname, '../../../../server/modules/surveys/data');
  for (const file of ['sipas.json', 'ddci-department.json', 'par-survey.json']) {
    it(`${file}: every part shows, an empty form asks for the required questions of the first part only`, () => {
      const shipped = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as {
        definition: SurveyDefinition;
      };
      const d = shipped.definition;
      const view = viewOf(d, {});
      expect(view.sections.length).toBeGreaterThan(0);
      const first = view.sections[0]!;
      const problems = problemsOf(d, {}, [first.section.code]);
      const required = first.items.filter((i) => i.required).map((i) => i.code);
      expect([...new Set(problems.map((p) => p.item))]).toEqual(required);
    });
  }
});
