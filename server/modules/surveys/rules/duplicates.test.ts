import { describe, expect, it } from 'vitest';
import type { NormalisedAnswers } from './answers.js';
import { findDuplicatePatterns, type PatternResponse } from './duplicates.js';
import { toyDefinition } from './test-fixtures.js';

const def = toyDefinition();
const base: NormalisedAnswers = {
  gioi_tinh: 'nu',
  kenh: 'truc_tiep',
  chung: 4,
  bang: { r1: 5, r2: 4, r3: 3 },
  gop_y: 'khong',
  mong_muon: ['a'],
};
let next = 0;
const r = (patch: Partial<PatternResponse> = {}, answers: NormalisedAnswers = base): PatternResponse => ({
  id: `r${++next}`,
  unit: 'xa_a',
  channel: 'truc_tiep',
  bucket: '2025-04-01',
  answers,
  ...patch,
});

describe('identical answers in the same unit, channel and time bucket', () => {
  it('three alike in one bucket are flagged with their count; nothing is removed', () => {
    const responses = [r({ id: 'a' }), r({ id: 'b' }), r({ id: 'c' }), r({ id: 'd' }, { ...base, chung: 5 })];
    const report = findDuplicatePatterns(def, responses);
    expect(report.responses).toBe(4);
    expect(report.flags).toEqual([
      {
        kind: 'identical_answers',
        unit: 'xa_a',
        channel: 'truc_tiep',
        bucket: '2025-04-01',
        count: 3,
        responseIds: ['a', 'b', 'c'],
        message: {
          vi: '3 phiếu có câu trả lời giống hệt nhau (đơn vị xa_a, kênh truc_tiep, thời gian 2025-04-01; ngưỡng 3). Cần xem xét; không phiếu nào bị loại.',
          en: '3 responses with identical answers (unit xa_a, channel truc_tiep, time 2025-04-01; threshold 3). To be reviewed; no response was removed.',
        },
      },
    ]);
    expect(report.flagged).toBe(3);
    expect(report.byKind).toEqual({ identical_answers: 3, straight_lining: 0, too_fast: 0 });
    expect(responses).toHaveLength(4); // the input is untouched
  });

  it('two alike are not flagged by default (common on short forms); the threshold is a setting', () => {
    expect(findDuplicatePatterns(def, [r(), r()]).flags).toEqual([]);
    expect(findDuplicatePatterns(def, [r(), r()], { minIdentical: 2 }).flags.map((f) => f.count)).toEqual([
      2,
    ]);
    expect(() => findDuplicatePatterns(def, [], { minIdentical: 1 })).toThrow(RangeError);
  });

  it('the same answers in another bucket, unit or channel are not the same pattern', () => {
    const report = findDuplicatePatterns(def, [
      r(),
      r(),
      r({ bucket: '2025-04-02' }),
      r({ unit: 'xa_b' }),
      r({ channel: 'truc_tuyen' }),
    ]);
    expect(report.flags).toEqual([]);
  });

  it('key order in the stored answers does not hide a duplicate', () => {
    const reordered: NormalisedAnswers = Object.fromEntries(Object.entries(base).reverse());
    expect(findDuplicatePatterns(def, [r(), r({}, reordered), r()]).flags.map((f) => f.count)).toEqual([3]);
  });

  it('counts in Vietnamese numbers (1.234 phiếu)', () => {
    const many = Array.from({ length: 1234 }, () => r());
    expect(findDuplicatePatterns(def, many).flags[0]!.message.vi.startsWith('1.234 phiếu')).toBe(true);
    expect(findDuplicatePatterns(def, many).flags[0]!.message.en.startsWith('1,234 responses')).toBe(true);
  });
});

describe('straight-lining', () => {
  const allFours: NormalisedAnswers = { ...base, bang: { r1: 4, r2: 4, r3: 4 } };
  it('every matrix row alike over at least the minimum number of rows', () => {
    const report = findDuplicatePatterns(def, [r({ id: 's1' }, allFours)], { minStraightRows: 3 });
    expect(report.flags.map((f) => [f.kind, f.count, f.responseIds, f.bucket])).toEqual([
      ['straight_lining', 1, ['s1'], null],
    ]);
  });
  it('fewer rows than the minimum (default 5) are not enough to tell', () => {
    expect(findDuplicatePatterns(def, [r({}, allFours)]).flags).toEqual([]);
  });
  it('one different row, or "không ý kiến" rows, decide as they should', () => {
    expect(
      findDuplicatePatterns(def, [r({}, { ...base, bang: { r1: 4, r2: 4, r3: 5 } })], { minStraightRows: 3 })
        .flags,
    ).toEqual([]);
    // N/A rows are not counted: two rated rows left, below a minimum of 3.
    expect(
      findDuplicatePatterns(def, [r({}, { ...base, bang: { r1: 4, r2: 'na', r3: 4 } })], {
        minStraightRows: 3,
      }).flags,
    ).toEqual([]);
  });
  it('grouped by unit and channel over the whole period', () => {
    const report = findDuplicatePatterns(
      def,
      [
        r({ bucket: '2025-04-01' }, allFours),
        r({ bucket: '2025-04-09' }, { ...base, bang: { r1: 2, r2: 2, r3: 2 } }),
      ],
      { minStraightRows: 3 },
    );
    expect(report.flags.map((f) => [f.kind, f.unit, f.channel, f.count])).toEqual([
      ['straight_lining', 'xa_a', 'truc_tiep', 2],
    ]);
  });
});

describe('too fast', () => {
  // base answers: 5 items (gioi_tinh, kenh, chung, gop_y, mong_muon) + 3 matrix rows = 8 × 2 s = 16 s.
  it('faster than 2 seconds per answered item and matrix row is flagged; as fast is not', () => {
    const report = findDuplicatePatterns(def, [
      r({ id: 'f', durationSeconds: 15 }),
      r({ id: 'ok', durationSeconds: 16 }),
    ]);
    expect(report.flags.map((f) => [f.kind, f.responseIds])).toEqual([['too_fast', ['f']]]);
    expect(report.flags[0]!.message.vi).toBe(
      '1 phiếu hoàn thành nhanh hơn thời gian tối thiểu để đọc các câu đã trả lời (đơn vị xa_a, kênh truc_tiep). Cần xem xét; không phiếu nào bị loại.',
    );
  });
  it('per-item minimums (per row for a matrix) override the default', () => {
    // gioi_tinh, kenh, gop_y, mong_muon 4 × 2 s + bang 3 rows × 5 s + chung 10 s = 8 + 15 + 10 = 33 s
    const opts = { secondsByItem: { bang: 5, chung: 10 } };
    expect(findDuplicatePatterns(def, [r({ durationSeconds: 32 })], opts).byKind.too_fast).toBe(1);
    expect(findDuplicatePatterns(def, [r({ durationSeconds: 33 })], opts).byKind.too_fast).toBe(0);
  });
  it('responses without a measured duration are not judged', () => {
    expect(
      findDuplicatePatterns(def, [r({ durationSeconds: null }), r({ durationSeconds: Number.NaN })]).flags,
    ).toEqual([]);
  });
});

describe('the report', () => {
  it('a response flagged twice is counted once among the flagged; flags sorted by kind, unit, channel, bucket', () => {
    const allFours: NormalisedAnswers = { ...base, bang: { r1: 4, r2: 4, r3: 4 } };
    const report = findDuplicatePatterns(
      def,
      [
        r({ id: 'x1', unit: 'xa_b', durationSeconds: 1 }, allFours),
        r({ id: 'x2', unit: 'xa_b' }, allFours),
        r({ id: 'x3', unit: 'xa_b' }, allFours),
        r({ id: 'y1', unit: 'xa_a', durationSeconds: 1 }),
      ],
      { minStraightRows: 3 },
    );
    expect(report.flags.map((f) => [f.kind, f.unit, f.count])).toEqual([
      ['identical_answers', 'xa_b', 3],
      ['straight_lining', 'xa_b', 3],
      ['too_fast', 'xa_a', 1],
      ['too_fast', 'xa_b', 1],
    ]);
    expect(report.flagged).toBe(4);
    expect(report.byKind).toEqual({ identical_answers: 3, straight_lining: 3, too_fast: 2 });
  });
  it('no responses, no flags', () => {
    expect(findDuplicatePatterns(def, [])).toEqual({
      responses: 0,
      flagged: 0,
      byKind: { identical_answers: 0, straight_lining: 0, too_fast: 0 },
      flags: [],
    });
  });
});
