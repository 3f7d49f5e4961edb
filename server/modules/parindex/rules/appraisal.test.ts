import { describe, expect, it } from 'vitest';
import {
  checkExplanation,
  checkRound1Change,
  checkRound2Change,
  contestedCodes,
  MAX_TEXT,
} from './appraisal.js';
import type { AdjustmentItem, ScoredItem } from './framework-types.js';
import type { ItemScores } from './scoring.js';
import { t } from './test-fixtures.js';

const ITEM: ScoredItem = { code: '2.1.1', name: t('Công khai TTHC'), maxPoints: 1.5, method: 'self' };
const BONUS: AdjustmentItem = { code: 'B1', name: t('Sáng kiến'), cap: 2 };

describe('checkRound1Change', () => {
  it('the same points as the unit’s: no reason needed', () => {
    expect(checkRound1Change(ITEM, 1, 1, '')).toBeNull();
    expect(checkRound1Change(ITEM, 1.5, 1.5, null)).toBeNull();
  });
  it('different points need a reason', () => {
    expect(checkRound1Change(ITEM, 1.5, 1, '  ')).toEqual({
      at: '2.1.1',
      problem: 'reason_required',
      message: {
        vi: 'Cần nêu lý do khi điều chỉnh điểm tiêu chí 2.1.1.',
        en: 'Give a reason for changing the points of criterion 2.1.1.',
      },
    });
    expect(checkRound1Change(ITEM, 1.5, 1, 'Thiếu văn bản công khai tại bộ phận một cửa')).toBeNull();
    expect(checkRound1Change(ITEM, 0, 0.25, undefined)?.problem).toBe('reason_required');
  });
  it('no self score at all: the council says on what it scores — even 0', () => {
    expect(checkRound1Change(ITEM, null, 0, '')).toEqual({
      at: '2.1.1',
      problem: 'reason_required',
      message: {
        vi: 'Đơn vị chưa tự chấm tiêu chí 2.1.1: cần nêu căn cứ chấm điểm.',
        en: 'The unit did not score criterion 2.1.1: give the grounds for the points.',
      },
    });
    expect(checkRound1Change(ITEM, undefined, 1, 'Có kế hoạch số 12/KH-UBND')).toBeNull();
  });
  it('the points themselves are checked first (maximum, step, sign)', () => {
    expect(checkRound1Change(ITEM, 1.5, 2, 'x')?.problem).toBe('above_max');
    expect(checkRound1Change(ITEM, 1.5, 0.3, 'x')?.problem).toBe('off_step');
    expect(checkRound1Change(ITEM, 1.5, -1, 'x')?.problem).toBe('negative');
  });
  it('clearing round 1 (null) needs no reason', () => {
    expect(checkRound1Change(ITEM, 1.5, null, '')).toBeNull();
  });
  it('a reason is at most 4,000 characters (Vietnamese letters count once)', () => {
    expect(checkRound1Change(ITEM, 1.5, 1, 'ệ'.repeat(MAX_TEXT))).toBeNull();
    expect(checkRound1Change(ITEM, 1.5, 1, 'ệ'.repeat(MAX_TEXT + 1))?.message.vi).toBe(
      'Lý do điều chỉnh điểm tiêu chí 2.1.1 dài quá 4.000 ký tự.',
    );
  });
  it('bonus and penalty items too', () => {
    expect(checkRound1Change(BONUS, 2, 1, '')?.message.vi).toBe(
      'Cần nêu lý do khi điều chỉnh điểm mục điểm thưởng B1.',
    );
    expect(checkRound1Change(BONUS, 2, 2.5, 'x')?.problem).toBe('above_max');
  });
});

describe('checkRound2Change', () => {
  it('the same as round 1: no reason; different: a reason', () => {
    expect(checkRound2Change(ITEM, 1, 1, '')).toBeNull();
    expect(checkRound2Change(ITEM, 1, 1.5, '')).toEqual({
      at: '2.1.1',
      problem: 'reason_required',
      message: {
        vi: 'Cần nêu lý do khi điều chỉnh điểm tiêu chí 2.1.1 so với vòng 1.',
        en: 'Give a reason for changing the points of criterion 2.1.1 from round 1.',
      },
    });
    expect(checkRound2Change(ITEM, 1, 1.5, 'Đơn vị đã bổ sung tài liệu kiểm chứng')).toBeNull();
  });
  it('round 1 never given: a reason', () => {
    expect(checkRound2Change(ITEM, null, 1, '')?.problem).toBe('reason_required');
  });
  it('points checked first', () => {
    expect(checkRound2Change(ITEM, 1, 1.75, 'x')?.problem).toBe('above_max');
  });
});

describe('contestedCodes', () => {
  it('round 1 given and different from what the unit saw as its own; in framework order', () => {
    const scores = new Map<string, ItemScores>([
      ['2.1.1', { self: 1.5, round1: 1 }], // changed → contested
      ['1.10', { self: 1, round1: 0.5 }], // changed → contested
      ['1.2', { self: 1, round1: 1 }], // confirmed → not
      ['1.3', { self: 1 }], // not appraised yet → not
      ['1.1.2', { computed: 7.5, round1: 7.5 }], // computed value kept → not
      ['1.1.3', { computed: 7.5, self: 10, round1: 10 }], // round 1 differs from the computed value → contested
      ['3.1', { survey: 24, round1: 20 }], // survey value changed → contested
      ['1.4', { round1: 0 }], // the unit gave nothing → contested (it may explain)
      ['B1', { self: 2, round1: 1 }],
      ['P1', { self: 0, round1: 0 }],
    ]);
    expect(contestedCodes(scores)).toEqual(['1.1.3', '1.4', '1.10', '2.1.1', '3.1', 'B1']);
  });
  it('reads a plain object too; nothing appraised → nothing contested', () => {
    expect(contestedCodes({ '1.1': { self: 1, round1: 0.75 }, '1.2': undefined })).toEqual(['1.1']);
    expect(contestedCodes(new Map())).toEqual([]);
  });
});

describe('checkExplanation', () => {
  const contested = ['2.1.1', 'B1'];
  it('a contested item with a text: fine (array or set)', () => {
    expect(
      checkExplanation('2.1.1', contested, 'Đơn vị đã niêm yết tại bộ phận một cửa, ảnh đính kèm'),
    ).toBeNull();
    expect(checkExplanation('B1', new Set(contested), 'Sáng kiến được công nhận')).toBeNull();
  });
  it('only contested items may be explained', () => {
    expect(checkExplanation('1.2', contested, 'x')).toEqual({
      at: '1.2',
      problem: 'not_contested',
      message: {
        vi: 'Điểm tiêu chí 1.2 không bị điều chỉnh ở vòng 1 nên không cần giải trình.',
        en: 'The points of criterion 1.2 were not changed in round 1, so there is nothing to explain.',
      },
    });
  });
  it('not empty', () => {
    expect(checkExplanation('2.1.1', contested, '   ')).toEqual({
      at: '2.1.1',
      problem: 'explanation_required',
      message: {
        vi: 'Cần nhập nội dung giải trình cho tiêu chí 2.1.1.',
        en: 'Write the explanation for criterion 2.1.1.',
      },
    });
    expect(checkExplanation('2.1.1', contested, null)?.problem).toBe('explanation_required');
  });
  it('at most 4,000 characters', () => {
    expect(checkExplanation('2.1.1', contested, 'a'.repeat(4000))).toBeNull();
    expect(checkExplanation('2.1.1', contested, 'a'.repeat(4001))?.problem).toBe('explanation_too_long');
  });
});
