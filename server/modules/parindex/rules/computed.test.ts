import { describe, expect, it } from 'vitest';
import {
  COMPUTE_SOURCE_LABELS,
  computeItem,
  describeComputation,
  pointsFromRate,
  shareFromRate,
  type Computation,
} from './computed.js';
import { COMPUTE_SOURCES, type Formula, type ScoredItem } from './framework-types.js';
import { t } from './test-fixtures.js';

const item = (maxPoints: number, formula: Formula, more: Partial<ScoredItem> = {}): ScoredItem => ({
  code: '1.1.2',
  name: t('Hoàn thành nhiệm vụ đúng hạn'),
  maxPoints,
  method: 'computed',
  source: 'plans.tasks_on_time',
  formula,
  ...more,
});
const LINEAR: Formula = { type: 'linear' };
const BANDS: Formula = {
  type: 'bands',
  bands: [
    { min: 1, share: 1 },
    { min: 0.9, share: 0.5 },
  ],
};

describe('pointsFromRate: linear', () => {
  it('rate × max, snapped DOWN to the step: 80% of 2 = 1.6 → 1.5', () => {
    expect(pointsFromRate(0.8, item(2, LINEAR))).toEqual({ points: 1.5, share: 0.8, noData: false });
  });
  it('100% → full, 0% → 0', () => {
    expect(pointsFromRate(1, item(2, LINEAR)).points).toBe(2);
    expect(pointsFromRate(0, item(2, LINEAR)).points).toBe(0);
  });
  it('the rate is held within [0, 1]', () => {
    expect(pointsFromRate(1.2, item(2, LINEAR))).toEqual({ points: 2, share: 1, noData: false });
    expect(pointsFromRate(-0.5, item(2, LINEAR))).toEqual({ points: 0, share: 0, noData: false });
  });
  it('from a floor: below 50% nothing, 50% → 0, 75% → half, 100% → all (max 4: 0, 0, 2, 4)', () => {
    const it50 = item(4, { type: 'linear', from: 0.5 });
    expect(pointsFromRate(0.4, it50).points).toBe(0);
    expect(pointsFromRate(0.5, it50).points).toBe(0);
    expect(pointsFromRate(0.75, it50)).toEqual({ points: 2, share: 0.5, noData: false }); // (0.75 − 0.5) / 0.5
    expect(pointsFromRate(1, it50).points).toBe(4);
    // 90%: (0.9 − 0.5) / 0.5 = 0.8 → 3.2 → 3 (quarter steps: 3.2 snaps to 3)
    expect(pointsFromRate(0.9, it50).points).toBe(3);
  });
  it('snaps to the item’s own step: 70% of 3 = 2.1 → 2 (halves); 95% of 10 = 9.5 → 9 (whole points)', () => {
    expect(pointsFromRate(0.7, item(3, LINEAR, { step: 0.5 })).points).toBe(2);
    expect(pointsFromRate(0.95, item(10, LINEAR, { step: 1 })).points).toBe(9);
  });
  it('an item without a formula is linear', () => {
    const { formula: _f, ...bare } = item(2, LINEAR);
    expect(pointsFromRate(0.5, bare).points).toBe(1);
  });
});

describe('pointsFromRate: bands and all-or-nothing', () => {
  it('bands highest first: 100% → all; 90–99.99% → half; below 90% → nothing (max 2: 2, 1, 1, 0)', () => {
    expect(pointsFromRate(1, item(2, BANDS)).points).toBe(2);
    expect(pointsFromRate(0.95, item(2, BANDS)).points).toBe(1);
    expect(pointsFromRate(0.9, item(2, BANDS)).points).toBe(1);
    expect(pointsFromRate(0.89, item(2, BANDS))).toEqual({ points: 0, share: 0, noData: false });
  });
  it('a rate reaching a threshold through division reaches it (27/30 = 0.9)', () => {
    expect(pointsFromRate(27 / 30, item(2, BANDS)).points).toBe(1);
    expect(shareFromRate(0.1 * 9, { type: 'all_or_nothing', min: 0.9 })).toBe(1); // 0.9000000000000001
    expect(shareFromRate(1 - 0.1, { type: 'all_or_nothing', min: 0.9 })).toBe(1);
  });
  it('all or nothing: 100% required → 99% earns 0', () => {
    const all = item(1, { type: 'all_or_nothing', min: 1 });
    expect(pointsFromRate(1, all).points).toBe(1);
    expect(pointsFromRate(0.99, all).points).toBe(0);
  });
});

describe('pointsFromRate: no records that year (whenNoData)', () => {
  it('default full: "không phát sinh" earns the full points', () => {
    expect(pointsFromRate(null, item(2, LINEAR))).toEqual({ points: 2, share: 1, noData: true });
    expect(pointsFromRate(null, item(2, LINEAR, { whenNoData: 'full' })).points).toBe(2);
  });
  it('zero: nothing', () => {
    expect(pointsFromRate(null, item(2, LINEAR, { whenNoData: 'zero' }))).toEqual({
      points: 0,
      share: 0,
      noData: true,
    });
  });
  it('manual: no points computed — the council scores it', () => {
    expect(pointsFromRate(null, item(2, LINEAR, { whenNoData: 'manual' }))).toEqual({
      points: null,
      share: null,
      noData: true,
    });
  });
  it('a rate that is not a number (0/0, x/0) is no data', () => {
    expect(pointsFromRate(NaN, item(2, LINEAR)).noData).toBe(true);
    expect(pointsFromRate(Infinity, item(2, LINEAR, { whenNoData: 'zero' })).points).toBe(0);
  });
});

describe('computeItem', () => {
  it('12 of 15 tasks on time: rate 0.8, 1.5 of 2 points, with what it counted', () => {
    expect(
      computeItem(
        { source: 'plans.tasks_on_time', year: 2025, unitIds: ['u1', 'u0'], numerator: 12, denominator: 15 },
        item(2, LINEAR),
      ),
    ).toEqual<Computation>({
      source: 'plans.tasks_on_time',
      year: 2025,
      unitIds: ['u1', 'u0'],
      numerator: 12,
      denominator: 15,
      rate: 0.8,
      formula: LINEAR,
      points: 1.5,
      noData: false,
      maxPoints: 2,
      whenNoData: 'full',
    });
  });
  it('nothing to count (denominator 0): no data, rate null', () => {
    const c = computeItem(
      { source: 'hotline.on_time', year: 2025, unitIds: ['u1'], numerator: 0, denominator: 0 },
      item(1, LINEAR, { source: 'hotline.on_time', whenNoData: 'manual' }),
    );
    expect([c.rate, c.points, c.noData, c.whenNoData]).toEqual([null, null, true, 'manual']);
  });
  it('more on time than counted (a data slip) is held at 100%', () => {
    const c = computeItem(
      { source: 'reports.on_time', year: 2025, unitIds: ['u1'], numerator: 5, denominator: 4 },
      item(2, LINEAR),
    );
    expect([c.rate, c.points]).toEqual([1, 2]);
  });
});

describe('describeComputation', () => {
  const base = (more: Partial<Computation>): Computation => ({
    source: 'plans.tasks_on_time',
    year: 2025,
    unitIds: ['u1'],
    numerator: 12,
    denominator: 15,
    rate: 0.8,
    formula: LINEAR,
    points: 1.5,
    noData: false,
    maxPoints: 2,
    ...more,
  });

  it('"12/15 nhiệm vụ hoàn thành đúng hạn = 80,00% → 1,5/2 điểm"', () => {
    expect(describeComputation(base({}))).toEqual({
      vi: '12/15 nhiệm vụ hoàn thành đúng hạn = 80,00% → 1,5/2 điểm',
      en: '12/15 tasks completed on time = 80.00% → 1.5/2 points',
    });
  });
  it('large counts grouped the Vietnamese way: 1.234/1.300 = 94,92%', () => {
    // 1234 / 1300 = 0.949230… → 94.92%; bands: ≥ 90% → half of 2 = 1
    expect(
      describeComputation(
        base({
          source: 'dossiers.on_time',
          numerator: 1234,
          denominator: 1300,
          rate: 1234 / 1300,
          points: 1,
        }),
      ),
    ).toEqual({
      vi: '1.234/1.300 hồ sơ giải quyết đúng hạn = 94,92% → 1/2 điểm',
      en: '1,234/1,300 dossiers resolved on time = 94.92% → 1/2 points',
    });
  });
  it('every source reads in both languages', () => {
    for (const source of COMPUTE_SOURCES) {
      const d = describeComputation(base({ source }));
      expect(d.vi, source).toMatch(/→ 1,5\/2 điểm$/);
      expect(d.en, source).toMatch(/→ 1\.5\/2 points$/);
    }
    expect(describeComputation(base({ source: 'hotline.on_time' })).vi).toBe(
      '12/15 phản ánh, kiến nghị xử lý đúng hạn = 80,00% → 1,5/2 điểm',
    );
    expect(describeComputation(base({ source: 'inspections.recommendations_on_time' })).en).toBe(
      '12/15 inspection recommendations remedied on time = 80.00% → 1.5/2 points',
    );
  });
  it('the unit’s own plan: issued or not', () => {
    const plan = base({
      source: 'plans.own_plan_issued',
      numerator: 1,
      denominator: 1,
      rate: 1,
      points: 1,
      maxPoints: 1,
    });
    expect(describeComputation(plan)).toEqual({
      vi: 'Đã ban hành kế hoạch CCHC năm 2025 → 1/1 điểm',
      en: 'Yearly PAR plan for 2025 issued → 1/1 points',
    });
    expect(describeComputation({ ...plan, numerator: 0, rate: 0, points: 0 }).vi).toBe(
      'Chưa ban hành kế hoạch CCHC năm 2025 → 0/1 điểm',
    );
  });
  it('no records: says so and what the rule gave', () => {
    const none = base({
      source: 'hotline.on_time',
      numerator: 0,
      denominator: 0,
      rate: null,
      noData: true,
      points: 1,
      maxPoints: 1,
    });
    expect(describeComputation(none)).toEqual({
      vi: 'Không phát sinh phản ánh, kiến nghị trong năm 2025 (không phát sinh: đủ điểm) → 1/1 điểm',
      en: 'No feedback was received in 2025 (nothing to count: full points) → 1/1 points',
    });
    expect(describeComputation({ ...none, whenNoData: 'zero', points: 0 }).vi).toBe(
      'Không phát sinh phản ánh, kiến nghị trong năm 2025 (không phát sinh: 0 điểm) → 0/1 điểm',
    );
    expect(describeComputation({ ...none, whenNoData: 'manual', points: null })).toEqual({
      vi: 'Không phát sinh phản ánh, kiến nghị trong năm 2025 (không phát sinh: hội đồng chấm) → Hội đồng thẩm định chấm',
      en: 'No feedback was received in 2025 (nothing to count: the council scores it) → scored by the appraisal council',
    });
  });
  it('a computation stored without the maximum shows the points alone', () => {
    const { maxPoints: _m, ...old } = base({});
    expect(describeComputation(old).vi).toBe('12/15 nhiệm vụ hoàn thành đúng hạn = 80,00% → 1,5 điểm');
  });
  it('describes what computeItem made', () => {
    const c = computeItem(
      { source: 'reports.on_time', year: 2025, unitIds: ['u'], numerator: 9, denominator: 10 },
      item(2, BANDS, { source: 'reports.on_time' }),
    );
    expect(describeComputation(c).vi).toBe('9/10 báo cáo gửi đúng hạn = 90,00% → 1/2 điểm');
  });
});

describe('COMPUTE_SOURCE_LABELS', () => {
  it('every source has a label in both languages, none repeated (the sheet reads them back)', () => {
    expect(Object.keys(COMPUTE_SOURCE_LABELS).sort()).toEqual([...COMPUTE_SOURCES].sort());
    for (const lang of ['vi', 'en'] as const) {
      const labels = COMPUTE_SOURCES.map((s) => COMPUTE_SOURCE_LABELS[s][lang]);
      expect(labels.every((l) => l.trim().length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
