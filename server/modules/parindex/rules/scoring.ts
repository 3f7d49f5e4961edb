/**
 * The points of a PAR Index assessment: each item's effective points, their checks, and the roll-up into fields,
 * bonus and penalty, the total and the index. Pure.
 *
 * **Which points count.** An item may carry the unit's self score, the council's round 1 (after appraisal), the
 * council's round 2 (after the unit's explanation — giải trình), a value computed from chidao's records, or the
 * survey's. The latest word wins:
 *
 *     final = round2 ?? round1 ?? (computed, for computed items) ?? (survey, for survey items) ?? self ?? 0
 *
 * and the page shows the points "as of" each stage (`ScoreStage`): `self` = the computed or survey value, else the
 * self score; `round1` = round 1, else that; `round2` and `final` = round 2, else that. A computed item's self
 * score is only the unit's proposal for when nothing could be computed (`whenNoData: 'manual'`).
 *
 * **Checks** (`checkPoints`): a finite number, not negative, not above the item's maximum (a bonus or penalty
 * item: its cap), and a whole number of steps (default 0.25 — the provinces' sets score in quarter points).
 * The roll-up never trusts its input: it clamps every item to [0, max] so that an index can never leave 0–100%.
 *
 * **Roll-up** (QĐ 876/QĐ-BNV: index = points / maximum × 100%; each field also as %):
 * - base = Σ scored items; bonus = Σ bonus items, capped by `bonusCap`; penalty = Σ penalty items, capped by
 *   `penaltyCap` (a sum above the total cap is cut to it — not an error; an item above its own cap is);
 * - total = base + bonus − penalty, within [0, maximum]; percent = total / maximum × 100.
 * - **Without the survey** (domain notes §4: Hà Nội's division set, survey 30/100 optional — "without it the
 *   appraised score is rescaled to 100"): when the framework says `rescaleWithoutSurvey`, no survey item has a
 *   value and the survey is not marked answered, the index is taken over the maximum without the survey items —
 *   percent = total / (maximum − survey maximum) × 100 — and the total is restated onto the full maximum
 *   (total × maximum / (maximum − survey maximum)); the total is then held within [0, maximum − survey maximum]
 *   before restating, so the index stays within 100%. A field's percent is likewise over its non-survey maximum
 *   (null for a field made only of survey items). Without `rescaleWithoutSurvey` the missing survey simply scores 0.
 * - Every output is rounded to two decimals half away from zero (./numbers.ts `round2`), from sums kept exact:
 *   the percent is computed from the unrounded points, then rounded.
 *
 * **Many at once** (`scoreMany`): the tree is flattened once per framework (`prepareFramework`) into typed
 * arrays; each assessment then costs one pass over them with reused scratch arrays, no closure per item — a
 * province's 3,321 communes × ~100 items in about a tenth of a second once warm (mostly the Map look-ups).
 */
import { DEFAULT_STEP, scoredItems } from './framework.js';
import type { AdjustmentItem, FrameworkTree, ScoredItem, ScoringMethod } from './framework-types.js';
import { capitalize, scoreLabel, type Problem } from './labels.js';
import { bothNumbers, isMultipleOf, round2 } from './numbers.js';

/** The values one item of one assessment carries (`par_scores`); null or absent = not given. */
export type ItemScores = {
  self?: number | null;
  round1?: number | null;
  round2?: number | null;
  computed?: number | null;
  survey?: number | null;
};

export const SCORE_STAGES = ['self', 'round1', 'round2', 'final'] as const;
/** The stage "as of" which points are shown; `final` is the latest word (the same as `round2`). */
export type ScoreStage = (typeof SCORE_STAGES)[number];

const SELF = 0;
const COMPUTED = 1;
const SURVEY = 2;
const METHOD_CODE: Record<ScoringMethod, number> = { self: SELF, computed: COMPUTED, survey: SURVEY };
const STAGE_CODE: Record<ScoreStage, number> = { self: 0, round1: 1, round2: 2, final: 2 };

/** The method of an item (a bonus or penalty item is scored like a self-assessed one). */
const methodOf = (item: ScoredItem | AdjustmentItem): ScoringMethod =>
  'maxPoints' in item ? (item.method ?? 'self') : 'self';

const given = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The points as of a stage, by method and stage code; NaN when nothing is given (kept in typed arrays). */
function pick(method: number, s: ItemScores | null | undefined, stage: number): number {
  if (!s) return NaN;
  if (stage >= 2 && given(s.round2)) return s.round2;
  if (stage >= 1 && given(s.round1)) return s.round1;
  if (method === COMPUTED && given(s.computed)) return s.computed;
  if (method === SURVEY && given(s.survey)) return s.survey;
  if (given(s.self)) return s.self;
  return NaN;
}

/** The points of an item as of `stage` (see the module comment); null when nothing has been given yet. */
export function pointsAt(
  item: ScoredItem | AdjustmentItem,
  scores: ItemScores | null | undefined,
  stage: ScoreStage = 'final',
): number | null {
  const v = pick(METHOD_CODE[methodOf(item)] ?? SELF, scores, STAGE_CODE[stage]);
  return Number.isNaN(v) ? null : v;
}

/** The points that count for an item as of `stage`: `pointsAt`, or 0 when nothing has been given. */
export function effectivePoints(
  item: ScoredItem | AdjustmentItem,
  scores: ItemScores | null | undefined,
  stage: ScoreStage = 'final',
): number {
  return pointsAt(item, scores, stage) ?? 0;
}

// ---------------------------------------------------------------------------------------------------------
// Checks of one value

export type PointsProblemCode = 'not_a_number' | 'negative' | 'above_max' | 'off_step';
export type PointsProblem = Problem<PointsProblemCode>;

/**
 * What is wrong with giving `points` to an item (a scored item up to its maximum, a bonus or penalty item up to
 * its cap), or null. The message names the limit: "Điểm tối đa của tiêu chí 3.2.1 là 1,5".
 */
export function checkPoints(item: ScoredItem | AdjustmentItem, points: unknown): PointsProblem | null {
  const label = scoreLabel(item.code);
  const at = item.code;
  if (typeof points !== 'number' || !Number.isFinite(points))
    return {
      at,
      problem: 'not_a_number',
      message: {
        vi: `Điểm của ${label.vi} phải là một số.`,
        en: `The points of ${label.en} must be a number.`,
      },
    };
  if (points < 0)
    return {
      at,
      problem: 'negative',
      message: {
        vi: `Điểm của ${label.vi} không được âm.`,
        en: `The points of ${label.en} cannot be negative.`,
      },
    };
  const max = 'maxPoints' in item ? item.maxPoints : item.cap;
  if (points > max + 1e-9) {
    const m = bothNumbers(max);
    return {
      at,
      problem: 'above_max',
      message: {
        vi: `Điểm tối đa của ${label.vi} là ${m.vi}.`,
        en: `The maximum of ${label.en} is ${m.en}.`,
      },
    };
  }
  const step = item.step ?? DEFAULT_STEP;
  if (!isMultipleOf(points, step)) {
    const s = bothNumbers(step);
    const p = bothNumbers(points);
    return {
      at,
      problem: 'off_step',
      message: {
        vi: `${capitalize(label.vi)} chấm theo bước ${s.vi} điểm: ${p.vi} không hợp lệ.`,
        en: `${capitalize(label.en)} is scored in steps of ${s.en} points: ${p.en} is not one.`,
      },
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// The flattened framework

/** A framework flattened for scoring (`prepareFramework`): typed arrays, one slot per scored or adjustment item. */
export type PreparedFramework = {
  /** The scored items' codes, in document order. */
  readonly codes: readonly string[];
  readonly max: Float64Array;
  /** 0 self, 1 computed, 2 survey. */
  readonly method: Uint8Array;
  /** The index of each scored item's field in `fieldCodes`. */
  readonly fieldOf: Uint32Array;
  readonly fieldCodes: readonly string[];
  readonly fieldMax: Float64Array;
  readonly fieldSurveyMax: Float64Array;
  /** Bonus items first (`bonusCount` of them), then penalty items. */
  readonly adjustmentCodes: readonly string[];
  readonly adjustmentCaps: Float64Array;
  readonly bonusCount: number;
  readonly bonusCap: number;
  readonly penaltyCap: number;
  readonly maxPoints: number;
  readonly surveyMax: number;
  readonly surveyCount: number;
};

/** Flattens a framework once, for scoring any number of its assessments. */
export function prepareFramework(tree: FrameworkTree): PreparedFramework {
  const placed = scoredItems(tree);
  const fieldCodes = (Array.isArray(tree.fields) ? tree.fields : []).map((f) => f.code);
  const fieldIndex = new Map(fieldCodes.map((c, i) => [c, i]));
  const fieldMax = new Float64Array(fieldCodes.length);
  const fieldSurveyMax = new Float64Array(fieldCodes.length);
  const max = new Float64Array(placed.length);
  const method = new Uint8Array(placed.length);
  const fieldOf = new Uint32Array(placed.length);
  let maxPoints = 0;
  let surveyMax = 0;
  let surveyCount = 0;
  placed.forEach(({ item, fieldCode }, i) => {
    const m = Number.isFinite(item.maxPoints) && item.maxPoints > 0 ? item.maxPoints : 0;
    const f = fieldIndex.get(fieldCode) ?? 0;
    max[i] = m;
    method[i] = METHOD_CODE[item.method] ?? SELF;
    fieldOf[i] = f;
    fieldMax[f] = (fieldMax[f] ?? 0) + m;
    maxPoints += m;
    if (method[i] === SURVEY) {
      fieldSurveyMax[f] = (fieldSurveyMax[f] ?? 0) + m;
      surveyMax += m;
      surveyCount++;
    }
  });
  const bonus = tree.bonus ?? [];
  const penalty = tree.penalty ?? [];
  const adjustments = [...bonus, ...penalty];
  const cap = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  return {
    codes: placed.map((p) => p.item.code),
    max,
    method,
    fieldOf,
    fieldCodes,
    fieldMax,
    fieldSurveyMax,
    adjustmentCodes: adjustments.map((a) => a.code),
    adjustmentCaps: Float64Array.from(adjustments, (a) => cap(a.cap)),
    bonusCount: bonus.length,
    bonusCap: cap(tree.bonusCap),
    penaltyCap: cap(tree.penaltyCap),
    maxPoints,
    surveyMax,
    surveyCount,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Roll-up

export type FieldResult = {
  code: string;
  points: number;
  maxPoints: number;
  /** Over the field's maximum (its non-survey maximum when rescaled; null if that is 0). */
  percent: number | null;
};

export type Rollup = {
  fields: FieldResult[];
  /** Σ scored items. */
  base: number;
  /** Σ bonus items within their caps, capped by `bonusCap`. */
  bonus: number;
  /** Σ penalty items within their caps, capped by `penaltyCap`. */
  penalty: number;
  /** base + bonus − penalty within [0, maxPoints] (restated onto the full maximum when rescaled). */
  total: number;
  maxPoints: number;
  /** The index (%). */
  percent: number;
  /** The framework has survey items, none has a value, and the survey is not marked answered. */
  surveyMissing: boolean;
  /** The index was taken over the maximum without the survey (`rescaleWithoutSurvey`). */
  rescaled: boolean;
};

export type RollupOptions = {
  /** The framework's `rescaleWithoutSurvey` (`par_frameworks.rescale_without_survey`). */
  rescaleWithoutSurvey: boolean;
  /** The survey was held for this unit (its values may still be 0 or absent): never rescale. */
  surveyAnswered: boolean;
};

/** Points per item code: a Map or a plain object; null or absent = not given (counts 0). */
export type PointsLookup =
  ReadonlyMap<string, number | null | undefined> | Readonly<Record<string, number | null | undefined>>;

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** The roll-up over points already placed in the prepared slots (NaN = not given). */
function rollupSlots(
  p: PreparedFramework,
  points: Float64Array,
  adjustments: Float64Array,
  rescaleWithoutSurvey: boolean,
  surveyAnswered: boolean,
  fieldPoints: Float64Array,
): Rollup {
  fieldPoints.fill(0);
  let surveyValued = false;
  const n = p.codes.length;
  for (let i = 0; i < n; i++) {
    const v = points[i]!;
    if (Number.isNaN(v)) continue;
    if (p.method[i] === SURVEY) surveyValued = true;
    const f = p.fieldOf[i]!;
    fieldPoints[f] = fieldPoints[f]! + clamp(v, 0, p.max[i]!);
  }
  let base = 0;
  for (let f = 0; f < p.fieldCodes.length; f++) base += fieldPoints[f]!;

  let bonusRaw = 0;
  let penaltyRaw = 0;
  for (let j = 0; j < p.adjustmentCodes.length; j++) {
    const v = adjustments[j]!;
    if (Number.isNaN(v)) continue;
    const c = clamp(v, 0, p.adjustmentCaps[j]!);
    if (j < p.bonusCount) bonusRaw += c;
    else penaltyRaw += c;
  }
  const bonus = Math.min(bonusRaw, p.bonusCap);
  const penalty = Math.min(penaltyRaw, p.penaltyCap);

  const surveyMissing = p.surveyCount > 0 && !surveyValued && !surveyAnswered;
  const scoredMax = p.maxPoints - p.surveyMax;
  const rescaled = surveyMissing && rescaleWithoutSurvey && scoredMax > 0;
  const over = rescaled ? scoredMax : p.maxPoints;
  const held = clamp(base + bonus - penalty, 0, over);
  const percent = over > 0 ? (held / over) * 100 : 0;
  const total = rescaled ? (held * p.maxPoints) / scoredMax : held;

  const fields: FieldResult[] = new Array<FieldResult>(p.fieldCodes.length);
  for (let f = 0; f < p.fieldCodes.length; f++) {
    const fmax = p.fieldMax[f]!;
    const denominator = rescaled ? fmax - p.fieldSurveyMax[f]! : fmax;
    fields[f] = {
      code: p.fieldCodes[f]!,
      points: round2(fieldPoints[f]!),
      maxPoints: round2(fmax),
      percent: denominator > 1e-9 ? round2((fieldPoints[f]! / denominator) * 100) : null,
    };
  }
  return {
    fields,
    base: round2(base),
    bonus: round2(bonus),
    penalty: round2(penalty),
    total: round2(total),
    maxPoints: round2(p.maxPoints),
    percent: round2(percent),
    surveyMissing,
    rescaled,
  };
}

function lookupOf<T>(
  source: ReadonlyMap<string, T> | Readonly<Record<string, T>>,
): (code: string) => T | undefined {
  if (source instanceof Map) return (code) => source.get(code);
  const record = source as Readonly<Record<string, T>>;
  return (code) => (Object.prototype.hasOwnProperty.call(record, code) ? record[code] : undefined);
}

/** The roll-up of one assessment from the points of its items (already as of the stage wanted: `pointsAt`). */
export function rollup(
  tree: FrameworkTree | PreparedFramework,
  points: PointsLookup,
  options: RollupOptions,
): Rollup {
  const p = 'codes' in tree ? tree : prepareFramework(tree);
  const get = lookupOf(points);
  const slots = Float64Array.from(p.codes, (c) => {
    const v = get(c);
    return given(v) ? v : NaN;
  });
  const adjustments = Float64Array.from(p.adjustmentCodes, (c) => {
    const v = get(c);
    return given(v) ? v : NaN;
  });
  return rollupSlots(
    p,
    slots,
    adjustments,
    options.rescaleWithoutSurvey,
    options.surveyAnswered,
    new Float64Array(p.fieldCodes.length),
  );
}

/** The bonus and penalty totals with their caps applied, and whether a cap cut them (for the page to say so). */
export function adjustmentTotals(
  tree: FrameworkTree,
  points: PointsLookup,
): {
  bonus: number;
  bonusRaw: number;
  bonusCapped: boolean;
  penalty: number;
  penaltyRaw: number;
  penaltyCapped: boolean;
} {
  const p = prepareFramework(tree);
  const get = lookupOf(points);
  let bonusRaw = 0;
  let penaltyRaw = 0;
  p.adjustmentCodes.forEach((code, j) => {
    const v = get(code);
    if (!given(v)) return;
    const c = clamp(v, 0, p.adjustmentCaps[j]!);
    if (j < p.bonusCount) bonusRaw += c;
    else penaltyRaw += c;
  });
  return {
    bonus: round2(Math.min(bonusRaw, p.bonusCap)),
    bonusRaw: round2(bonusRaw),
    bonusCapped: bonusRaw > p.bonusCap + 1e-9,
    penalty: round2(Math.min(penaltyRaw, p.penaltyCap)),
    penaltyRaw: round2(penaltyRaw),
    penaltyCapped: penaltyRaw > p.penaltyCap + 1e-9,
  };
}

/** The item values of one assessment, by code: a Map (as the service builds it) or a plain object. */
export type ScoresLookup =
  ReadonlyMap<string, ItemScores | undefined> | Readonly<Record<string, ItemScores | undefined>>;

export type ScoreManyInput = {
  id: string;
  scores: ScoresLookup;
  /** Overrides the options' `surveyAnswered` for this assessment. */
  surveyAnswered?: boolean;
};

export type ScoreManyOptions = {
  stage?: ScoreStage;
  rescaleWithoutSurvey: boolean;
  surveyAnswered?: boolean;
};

/**
 * The roll-up of many assessments of one framework as of `stage` (default `final`), in input order: the same
 * answer as `pointsAt` + `rollup` for each, with the tree flattened once and the scratch arrays reused.
 */
export function scoreMany(
  tree: FrameworkTree | PreparedFramework,
  assessments: readonly ScoreManyInput[],
  options: ScoreManyOptions,
): { id: string; result: Rollup }[] {
  const p = 'codes' in tree ? tree : prepareFramework(tree);
  const stage = STAGE_CODE[options.stage ?? 'final'];
  const n = p.codes.length;
  const m = p.adjustmentCodes.length;
  const slots = new Float64Array(n);
  const adjustments = new Float64Array(m);
  const fieldPoints = new Float64Array(p.fieldCodes.length);
  const out: { id: string; result: Rollup }[] = new Array(assessments.length);
  for (let a = 0; a < assessments.length; a++) {
    const input = assessments[a]!;
    const scores = input.scores;
    if (scores instanceof Map) {
      for (let i = 0; i < n; i++) slots[i] = pick(p.method[i]!, scores.get(p.codes[i]!), stage);
      for (let j = 0; j < m; j++) adjustments[j] = pick(SELF, scores.get(p.adjustmentCodes[j]!), stage);
    } else {
      const record = scores as Readonly<Record<string, ItemScores | undefined>>;
      for (let i = 0; i < n; i++) slots[i] = pick(p.method[i]!, ownValue(record, p.codes[i]!), stage);
      for (let j = 0; j < m; j++) adjustments[j] = pick(SELF, ownValue(record, p.adjustmentCodes[j]!), stage);
    }
    out[a] = {
      id: input.id,
      result: rollupSlots(
        p,
        slots,
        adjustments,
        options.rescaleWithoutSurvey,
        input.surveyAnswered ?? options.surveyAnswered ?? false,
        fieldPoints,
      ),
    };
  }
  return out;
}

function ownValue<T>(record: Readonly<Record<string, T>>, code: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, code) ? record[code] : undefined;
}

/**
 * The points of every item as of `stage`, by code (scored, bonus and penalty items), ready for `rollup`; items
 * with nothing given are left out.
 */
export function pointsByCodeAt(
  tree: FrameworkTree,
  scores: ScoresLookup,
  stage: ScoreStage = 'final',
): Map<string, number> {
  const get = lookupOf<ItemScores | undefined>(scores);
  const out = new Map<string, number>();
  for (const { item } of scoredItems(tree)) {
    const v = pointsAt(item, get(item.code), stage);
    if (v !== null) out.set(item.code, v);
  }
  for (const item of [...(tree.bonus ?? []), ...(tree.penalty ?? [])]) {
    const v = pointsAt(item, get(item.code), stage);
    if (v !== null) out.set(item.code, v);
  }
  return out;
}
