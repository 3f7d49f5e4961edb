/**
 * The appraisal council's changes and the unit's explanation (thẩm định — giải trình). Pure.
 *
 * Domain notes §4: self-score → appraisal round 1 → the unit's explanation → appraisal round 2. What keeps it
 * fair is that every change is reasoned and every changed item can be answered:
 * - Round 1: a reason is mandatory when the council's points differ from the unit's self score, or when the unit
 *   gave none (the council then scores on its own findings and must say what it found). The self score to compare
 *   with is what the unit saw as its own: for a computed or survey item, the computed or survey value
 *   (./scoring.ts `pointsAt(item, scores, 'self')`).
 * - An item is **contested** when round 1 gave points that differ from that self score (or when there was none):
 *   only contested items may be explained.
 * - Round 2: a reason is mandatory when the points differ from round 1.
 * - An explanation is for a contested item, not empty, at most 4,000 characters.
 * Points themselves are checked by ./scoring.ts `checkPoints` (maximum, step) first.
 */
import type { AdjustmentItem, ScoredItem } from './framework-types.js';
import { compareCodes, scoreLabel, type Problem } from './labels.js';
import { formatNumber } from './numbers.js';
import { checkPoints, type ItemScores, type PointsProblemCode } from './scoring.js';

/** The longest explanation or reason kept (characters). */
export const MAX_TEXT = 4000;

export type AppraisalProblemCode =
  | PointsProblemCode
  | 'reason_required'
  | 'reason_too_long'
  | 'not_contested'
  | 'explanation_required'
  | 'explanation_too_long';
export type AppraisalProblem = Problem<AppraisalProblemCode>;

const given = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const length = (text: string) => [...text].length;

function checkChange(
  item: ScoredItem | AdjustmentItem,
  before: number | null | undefined,
  points: number | null,
  reason: string | null | undefined,
  round: 1 | 2,
): AppraisalProblem | null {
  // Clearing a round's points needs no reason: the earlier word stands again.
  if (points === null) return null;
  const invalid = checkPoints(item, points);
  if (invalid) return invalid;
  const text = (reason ?? '').trim();
  const label = scoreLabel(item.code);
  if (length(text) > MAX_TEXT)
    return {
      at: item.code,
      problem: 'reason_too_long',
      message: {
        vi: `Lý do điều chỉnh điểm ${label.vi} dài quá ${formatNumber(MAX_TEXT, 'vi')} ký tự.`,
        en: `The reason for changing the points of ${label.en} is longer than ${formatNumber(MAX_TEXT, 'en')} characters.`,
      },
    };
  if ((!given(before) || !same(before, points)) && !text)
    return {
      at: item.code,
      problem: 'reason_required',
      message:
        round === 1
          ? given(before)
            ? {
                vi: `Cần nêu lý do khi điều chỉnh điểm ${label.vi}.`,
                en: `Give a reason for changing the points of ${label.en}.`,
              }
            : {
                vi: `Đơn vị chưa tự chấm ${label.vi}: cần nêu căn cứ chấm điểm.`,
                en: `The unit did not score ${label.en}: give the grounds for the points.`,
              }
          : {
              vi: `Cần nêu lý do khi điều chỉnh điểm ${label.vi} so với vòng 1.`,
              en: `Give a reason for changing the points of ${label.en} from round 1.`,
            },
    };
  return null;
}

/**
 * Round 1 points for an item (null: clearing them): valid points, and a reason when they differ from the self
 * score (`self`: what the unit saw as its own) or when there was none.
 */
export function checkRound1Change(
  item: ScoredItem | AdjustmentItem,
  self: number | null | undefined,
  round1: number | null,
  reason: string | null | undefined,
): AppraisalProblem | null {
  return checkChange(item, self, round1, reason, 1);
}

/** Round 2 points for an item (null: clearing them): valid points, and a reason when they differ from round 1. */
export function checkRound2Change(
  item: ScoredItem | AdjustmentItem,
  round1: number | null | undefined,
  round2: number | null,
  reason: string | null | undefined,
): AppraisalProblem | null {
  return checkChange(item, round1, round2, reason, 2);
}

/**
 * The codes of the contested items, in framework order: round 1 given and different from what the unit saw as its
 * own (the computed or survey value, else the self score), or given where the unit had nothing.
 */
export function contestedCodes(
  scores: ReadonlyMap<string, ItemScores | undefined> | Readonly<Record<string, ItemScores | undefined>>,
): string[] {
  const entries: [string, ItemScores | undefined][] =
    scores instanceof Map ? [...scores.entries()] : Object.entries(scores);
  const out: string[] = [];
  for (const [code, s] of entries) {
    if (!s || !given(s.round1)) continue;
    const own = given(s.computed) ? s.computed : given(s.survey) ? s.survey : s.self;
    if (!given(own) || !same(own, s.round1)) out.push(code);
  }
  return out.sort(compareCodes);
}

/** The unit's explanation of one item: only of a contested item, not empty, at most 4,000 characters. */
export function checkExplanation(
  code: string,
  contested: readonly string[] | ReadonlySet<string>,
  text: string | null | undefined,
): AppraisalProblem | null {
  const label = scoreLabel(code);
  const isContested = Array.isArray(contested)
    ? contested.includes(code)
    : (contested as ReadonlySet<string>).has(code);
  if (!isContested)
    return {
      at: code,
      problem: 'not_contested',
      message: {
        vi: `Điểm ${label.vi} không bị điều chỉnh ở vòng 1 nên không cần giải trình.`,
        en: `The points of ${label.en} were not changed in round 1, so there is nothing to explain.`,
      },
    };
  const body = (text ?? '').trim();
  if (!body)
    return {
      at: code,
      problem: 'explanation_required',
      message: {
        vi: `Cần nhập nội dung giải trình cho ${label.vi}.`,
        en: `Write the explanation for ${label.en}.`,
      },
    };
  if (length(body) > MAX_TEXT)
    return {
      at: code,
      problem: 'explanation_too_long',
      message: {
        vi: `Nội dung giải trình ${label.vi} dài quá 4.000 ký tự.`,
        en: `The explanation for ${label.en} is longer than 4,000 characters.`,
      },
    };
  return null;
}
