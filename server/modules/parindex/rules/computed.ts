/**
 * Criteria computed from chidao's own records (tiêu chí tính từ dữ liệu): a rate becomes points. Pure.
 *
 * The provinces' sets score several criteria from figures the standing agency already holds — the share of the
 * yearly plan's tasks done on time, reports sent on time, dossiers resolved on time and filed online (the QĐ 766
 * indicators), feedback handled on time, inspection recommendations remedied on time, whether the unit issued its
 * own PAR plan (domain notes §2, §4). The service reads each figure for the unit and the year (the unit as it was,
 * with its predecessors by lineage: `unitIds`) and hands the numerator and denominator here; this file turns the
 * rate into points by the item's formula (./framework-types.ts `Formula`) and says how, in both languages, so that
 * every computed point can be checked by hand ("12/15 nhiệm vụ hoàn thành đúng hạn = 80,00% → 1,5/2 điểm").
 *
 * - The rate is held within [0, 1]; a rate that is not a number (NaN, ±∞) is treated as no data.
 * - Points are **snapped down** to the item's step (default 0.25): 80% of 2 points is 1.6, which earns 1.5 — a
 *   computed score never rounds up to points the data did not earn.
 * - **No records** (a unit that received no feedback that year, no dossier filed): the rate is null and the item's
 *   `whenNoData` decides — `full` (default: "không phát sinh" earns the full points, the common practice of the
 *   provinces' methodologies), `zero`, or `manual` (no points: the appraisal council scores it in round 1).
 */
import { DEFAULT_STEP } from './framework.js';
import type { ComputeSource, Formula, ScoredItem, Text, WhenNoData } from './framework-types.js';
import { formatNumber, formatPercent, snapDown } from './numbers.js';

/** The labels of the data sources (the framework sheet's "Nguồn dữ liệu" column reads and writes them). */
export const COMPUTE_SOURCE_LABELS: Readonly<Record<ComputeSource, Text>> = {
  'plans.tasks_on_time': {
    vi: 'Nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn',
    en: 'PAR plan tasks completed on time',
  },
  'plans.own_plan_issued': {
    vi: 'Ban hành kế hoạch CCHC năm của đơn vị',
    en: "Unit's own yearly PAR plan issued",
  },
  'reports.on_time': { vi: 'Báo cáo CCHC gửi đúng hạn', en: 'PAR reports submitted on time' },
  'dossiers.on_time': { vi: 'Hồ sơ TTHC giải quyết đúng hạn', en: 'Dossiers resolved on time' },
  'dossiers.online': { vi: 'Hồ sơ TTHC nộp trực tuyến', en: 'Dossiers filed online' },
  'hotline.on_time': { vi: 'Phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback handled on time' },
  'inspections.recommendations_on_time': {
    vi: 'Kiến nghị sau kiểm tra khắc phục đúng hạn',
    en: 'Inspection recommendations remedied on time',
  },
};

/** How a count of each source reads after "12/15 …", and what "no records" means for it. */
const PHRASES: Readonly<Record<ComputeSource, { counted: Text; none: Text }>> = {
  'plans.tasks_on_time': {
    counted: { vi: 'nhiệm vụ hoàn thành đúng hạn', en: 'tasks completed on time' },
    none: { vi: 'Không có nhiệm vụ đến hạn trong năm', en: 'No task fell due in' },
  },
  'plans.own_plan_issued': {
    counted: { vi: 'kế hoạch CCHC năm đã ban hành', en: 'yearly PAR plan issued' },
    none: { vi: 'Không có kế hoạch CCHC phải ban hành trong năm', en: 'No PAR plan was due in' },
  },
  'reports.on_time': {
    counted: { vi: 'báo cáo gửi đúng hạn', en: 'reports submitted on time' },
    none: { vi: 'Không có báo cáo phải gửi trong năm', en: 'No report was due in' },
  },
  'dossiers.on_time': {
    counted: { vi: 'hồ sơ giải quyết đúng hạn', en: 'dossiers resolved on time' },
    none: { vi: 'Không phát sinh hồ sơ trong năm', en: 'No dossier was resolved in' },
  },
  'dossiers.online': {
    counted: { vi: 'hồ sơ nộp trực tuyến', en: 'dossiers filed online' },
    none: { vi: 'Không phát sinh hồ sơ trong năm', en: 'No dossier was filed in' },
  },
  'hotline.on_time': {
    counted: { vi: 'phản ánh, kiến nghị xử lý đúng hạn', en: 'feedback cases handled on time' },
    none: { vi: 'Không phát sinh phản ánh, kiến nghị trong năm', en: 'No feedback was received in' },
  },
  'inspections.recommendations_on_time': {
    counted: {
      vi: 'kiến nghị sau kiểm tra khắc phục đúng hạn',
      en: 'inspection recommendations remedied on time',
    },
    none: {
      vi: 'Không có kiến nghị sau kiểm tra đến hạn khắc phục trong năm',
      en: 'No inspection recommendation fell due in',
    },
  },
};

const RATE_EPSILON = 1e-9;

/** The share of the maximum a rate in [0, 1] earns by a formula (bands highest first; see framework-types.ts). */
export function shareFromRate(rate: number, formula: Formula): number {
  switch (formula.type) {
    case 'linear': {
      const from = formula.from ?? 0;
      if (rate + RATE_EPSILON < from) return 0;
      if (from >= 1) return rate >= 1 ? 1 : 0;
      return Math.min(1, Math.max(0, (rate - from) / (1 - from)));
    }
    case 'bands': {
      for (const band of formula.bands) if (rate + RATE_EPSILON >= band.min) return band.share;
      return 0;
    }
    case 'all_or_nothing':
      return rate + RATE_EPSILON >= formula.min ? 1 : 0;
  }
}

export type RatePoints = {
  /** Points earned, snapped down to the step; null when the council scores it (`whenNoData: 'manual'`). */
  points: number | null;
  /** The share of the maximum (0–1) before snapping; null with the points. */
  share: number | null;
  /** There were no records to compute from. */
  noData: boolean;
};

/** The points a computed item earns for a rate (null: no records that year). An item without a formula is linear. */
export function pointsFromRate(rate: number | null, item: ScoredItem): RatePoints {
  const step = item.step ?? DEFAULT_STEP;
  if (rate === null || !Number.isFinite(rate)) {
    const rule: WhenNoData = item.whenNoData ?? 'full';
    if (rule === 'manual') return { points: null, share: null, noData: true };
    const share = rule === 'full' ? 1 : 0;
    return { points: snapDown(share * item.maxPoints, step), share, noData: true };
  }
  const held = Math.min(1, Math.max(0, rate));
  const share = shareFromRate(held, item.formula ?? { type: 'linear' });
  return { points: snapDown(share * item.maxPoints, step), share, noData: false };
}

/** How one computed score came about (`par_scores.computation`): what was read, for whom, and what it gave. */
export type Computation = {
  /** A module's figure, or `survey` for an item of method survey scored from a survey's index (issue 17). */
  source: ComputeSource | 'survey';
  year: number;
  /** The unit and, by lineage, its predecessors whose records were counted. */
  unitIds: string[];
  numerator: number;
  denominator: number;
  /** numerator / denominator within [0, 1]; null when there were no records (denominator 0). */
  rate: number | null;
  formula: Formula;
  points: number | null;
  noData: boolean;
  /** The item's maximum when computed (for "1,5/2 điểm"); absent in computations stored without it. */
  maxPoints?: number;
  /** The item's rule for no records when computed (default `full`). */
  whenNoData?: WhenNoData;
  /** For `survey`: the survey read, its respondents for the unit and the minimum below which nothing counts. */
  survey?: { title: string; respondents: number; minGroupSize: number };
};

/** Computes an item from the counts the service read: the rate, the points and everything needed to explain them. */
export function computeItem(
  input: {
    source: ComputeSource;
    year: number;
    unitIds: readonly string[];
    numerator: number;
    denominator: number;
  },
  item: ScoredItem,
): Computation {
  const raw = input.denominator > 0 ? input.numerator / input.denominator : null;
  const result = pointsFromRate(raw, item);
  return {
    source: input.source,
    year: input.year,
    unitIds: [...input.unitIds],
    numerator: input.numerator,
    denominator: input.denominator,
    rate: result.noData || raw === null ? null : Math.min(1, Math.max(0, raw)),
    formula: item.formula ?? { type: 'linear' },
    points: result.points,
    noData: result.noData,
    maxPoints: item.maxPoints,
    whenNoData: item.whenNoData ?? 'full',
  };
}

/**
 * An item of method `survey` from a survey's index for the unit (0–100, null when the survey's group was under its
 * minimum size): points = value / 100 × maximum by the item's formula (linear by default: "share satisfied × 3"),
 * snapped down to the step. Without a value the council scores it (never full points for a survey nobody answered).
 */
export function computeSurveyItem(
  input: {
    year: number;
    unitIds: readonly string[];
    value: number | null;
    respondents: number;
    minGroupSize: number;
    surveyTitle: string;
  },
  item: ScoredItem,
): Computation {
  // From the unrounded index: 10 of 12 satisfied is a share of exactly 5/6 (× 3 = 2,5 points).
  const rate = input.value === null ? null : Math.min(1, Math.max(0, input.value / 100));
  const result = pointsFromRate(rate, { ...item, whenNoData: 'manual' });
  return {
    source: 'survey',
    year: input.year,
    unitIds: [...input.unitIds],
    numerator: input.respondents,
    denominator: input.respondents,
    rate,
    formula: item.formula ?? { type: 'linear' },
    points: result.points,
    noData: result.noData,
    maxPoints: item.maxPoints,
    whenNoData: 'manual',
    survey: { title: input.surveyTitle, respondents: input.respondents, minGroupSize: input.minGroupSize },
  };
}

function pointsText(c: Computation, locale: 'vi' | 'en'): string {
  const unit = locale === 'vi' ? 'điểm' : 'points';
  if (c.points === null)
    return locale === 'vi' ? 'Hội đồng thẩm định chấm' : 'scored by the appraisal council';
  const p = formatNumber(c.points, locale);
  return c.maxPoints !== undefined ? `${p}/${formatNumber(c.maxPoints, locale)} ${unit}` : `${p} ${unit}`;
}

/**
 * A computation in words, Vietnamese and English: "12/15 nhiệm vụ hoàn thành đúng hạn = 80,00% → 1,5/2 điểm";
 * "Đã ban hành kế hoạch CCHC năm 2025 → 1/1 điểm"; "Không phát sinh phản ánh, kiến nghị trong năm 2025 (không
 * phát sinh: đủ điểm) → 1/1 điểm".
 */
export function describeComputation(c: Computation): Text {
  if (c.source === 'survey') return describeSurvey(c);
  const phrase = (PHRASES as Readonly<Record<string, (typeof PHRASES)[ComputeSource]>>)[c.source] ?? {
    counted: { vi: String(c.source), en: String(c.source) },
    none: { vi: 'Không có dữ liệu trong năm', en: 'No data in' },
  };
  if (c.noData) {
    const rule = c.whenNoData ?? 'full';
    const why: Text =
      rule === 'full'
        ? { vi: 'không phát sinh: đủ điểm', en: 'nothing to count: full points' }
        : rule === 'zero'
          ? { vi: 'không phát sinh: 0 điểm', en: 'nothing to count: no points' }
          : { vi: 'không phát sinh: hội đồng chấm', en: 'nothing to count: the council scores it' };
    return {
      vi: `${phrase.none.vi} ${c.year} (${why.vi}) → ${pointsText(c, 'vi')}`,
      en: `${phrase.none.en} ${c.year} (${why.en}) → ${pointsText(c, 'en')}`,
    };
  }
  if (c.source === 'plans.own_plan_issued') {
    const issued = c.numerator > 0;
    return {
      vi: `${issued ? 'Đã' : 'Chưa'} ban hành kế hoạch CCHC năm ${c.year} → ${pointsText(c, 'vi')}`,
      en: `Yearly PAR plan for ${c.year} ${issued ? 'issued' : 'not issued'} → ${pointsText(c, 'en')}`,
    };
  }
  const rate = c.rate ?? (c.denominator > 0 ? c.numerator / c.denominator : 0);
  const counts = (locale: 'vi' | 'en') =>
    `${formatNumber(c.numerator, locale)}/${formatNumber(c.denominator, locale)}`;
  return {
    vi: `${counts('vi')} ${phrase.counted.vi} = ${formatPercent(rate * 100, 'vi')} → ${pointsText(c, 'vi')}`,
    en: `${counts('en')} ${phrase.counted.en} = ${formatPercent(rate * 100, 'en')} → ${pointsText(c, 'en')}`,
  };
}

/**
 * A survey's points in words: "Khảo sát «Khảo sát SIPAS 2026»: 84,50% hài lòng (212 phiếu) → 2,5/3 điểm"; under the
 * minimum: "… 3 phiếu, dưới 5 phiếu nên không tính → Hội đồng thẩm định chấm".
 */
function describeSurvey(c: Computation): Text {
  const s = c.survey ?? { title: '', respondents: c.denominator, minGroupSize: 5 };
  const n = (locale: 'vi' | 'en') => formatNumber(s.respondents, locale);
  if (c.rate === null) {
    return {
      vi: `Khảo sát «${s.title}»: ${n('vi')} phiếu, dưới ${s.minGroupSize} phiếu nên không tính → ${pointsText(c, 'vi')}`,
      en: `Survey “${s.title}”: ${n('en')} responses, fewer than ${s.minGroupSize}, not counted → ${pointsText(c, 'en')}`,
    };
  }
  return {
    vi: `Khảo sát «${s.title}»: ${formatPercent(c.rate * 100, 'vi')} hài lòng (${n('vi')} phiếu) → ${pointsText(c, 'vi')}`,
    en: `Survey “${s.title}”: ${formatPercent(c.rate * 100, 'en')} satisfied (${n('en')} responses) → ${pointsText(c, 'en')}`,
  };
}
