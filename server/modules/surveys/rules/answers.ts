/**
 * One response to a survey: which questions it shows, whether its answers fit the form, and the canonical form
 * it is stored in. Pure.
 *
 * - **Visibility** is decided in document order from the answers already accepted: an item with `showIf` is shown
 *   when its condition holds on the earlier answers (./definition.ts `Condition`; an unanswered or hidden item
 *   satisfies no comparison). A chain (C shown if B, B shown if A) therefore hides C when A hides B.
 * - **Hidden items are dropped, not refused**: a respondent who answered B and then changed A so that B is hidden
 *   still sends B's answer with most form libraries; refusing the whole response for it would lose a real
 *   answer, and keeping it would count an answer to a question the respondent was not meant to see. So the
 *   answer is left out of the stored form (`normaliseAnswers` lists it in `dropped`), and a required hidden item
 *   is not required.
 * - **Unknown codes are refused** (`unknown_item`): they mean another version of the form, or a tampered
 *   request. The caller also compares the form's version: `definitionHash` gives the canonical text it hashes.
 * - **Values** must fit the item: a choice code of the list; several for `multiple`, within `minSelections` …
 *   `maxSelections`, an `exclusive` choice alone; 1–5 for scales, "na" only where "không ý kiến" is offered; for
 *   a matrix an object row code → value, every row when the item is required; a finite number within `min` …
 *   `max` (whole when `integer`); text of at most `maxLength` characters (counted after trimming, in Unicode
 *   NFC — Vietnamese typed with combining accents is not counted twice).
 * - **Empty is unanswered**: `null`, `undefined`, "" or blanks, `[]`, `{}` (or a matrix whose rows are all null).
 *
 * Messages speak to the respondent about the question by its wording, in both languages.
 */
import {
  flattenItems,
  isScaleValue,
  itemWording,
  type Condition,
  type MatrixItem,
  type ScaleAnswer,
  type SurveyDefinition,
  type SurveyItem,
} from './definition.js';
import { isFiniteNumber, isObject, isString, nums, type Problem } from './text.js';

/** A stored answer: a choice code, choice codes, a scale point (or 'na'), rows → points, a number, or text. */
export type AnswerValue = string | string[] | number | ScaleAnswer | Record<string, ScaleAnswer>;
/** The canonical stored form: only shown, answered items, keys in document order, values normalised. */
export type NormalisedAnswers = Record<string, AnswerValue>;

export type AnswerProblemCode =
  | 'answers_invalid'
  | 'unknown_item'
  | 'required'
  | 'wrong_type'
  | 'choice_unknown'
  | 'choice_repeated'
  | 'exclusive'
  | 'too_few'
  | 'too_many'
  | 'scale_range'
  | 'na_not_allowed'
  | 'row_unknown'
  | 'row_missing'
  | 'number_integer'
  | 'number_min'
  | 'number_max'
  | 'text_too_long';

/** `at`: the item's code, or "code[row]" for a row of a matrix. */
export type AnswerProblem = Problem<AnswerProblemCode>;

// ---------------------------------------------------------------------------------------------------------
// Conditions

/**
 * Whether a condition holds on the answers accepted so far (normalised). An item that is absent — unanswered or
 * hidden — satisfies no comparison: `eq`, `neq`, `in`, `gte`, `lte` are all false on it; `answered` false
 * (and `answered: false` true). On a `multiple` answer `eq` is "ticked", `neq` "not ticked", `in` "any ticked".
 */
export function evaluateCondition(cond: Condition, answers: Readonly<NormalisedAnswers>): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, answers));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, answers));
  let v: AnswerValue | undefined = Object.hasOwn(answers, cond.item) ? answers[cond.item] : undefined;
  if (cond.row !== undefined)
    v = isObject(v) && Object.hasOwn(v, cond.row) ? (v as Record<string, ScaleAnswer>)[cond.row] : undefined;
  if (cond.op === 'answered') return (cond.value === false ? false : true) === (v !== undefined);
  if (v === undefined) return false;
  const has = (x: unknown) => (Array.isArray(v) ? (v as unknown[]).includes(x) : v === x);
  switch (cond.op) {
    case 'eq':
      return has(cond.value);
    case 'neq':
      return !has(cond.value);
    case 'in':
      return Array.isArray(cond.value) && cond.value.some(has);
    case 'gte':
      return typeof v === 'number' && typeof cond.value === 'number' && v >= cond.value;
    case 'lte':
      return typeof v === 'number' && typeof cond.value === 'number' && v <= cond.value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One response

const isBlank = (raw: unknown): boolean =>
  raw === undefined ||
  raw === null ||
  (isString(raw) && raw.trim() === '') ||
  (Array.isArray(raw) && raw.length === 0) ||
  (isObject(raw) && Object.values(raw).every((v) => v === null || v === undefined));

type Outcome = { value: AnswerValue } | { problems: AnswerProblem[] };

function problem(at: string, item: string, code: AnswerProblemCode, vi: string, en: string): AnswerProblem {
  return { at, item, problem: code, message: { vi, en } };
}

function normaliseValue(item: SurveyItem, raw: unknown): Outcome {
  const w = itemWording(item);
  const code = item.code;
  const one = (c: AnswerProblemCode, vi: string, en: string): Outcome => ({
    problems: [problem(code, code, c, vi, en)],
  });
  switch (item.kind) {
    case 'single': {
      if (!isString(raw))
        return one('wrong_type', `Câu "${w.vi}" chỉ nhận một lựa chọn.`, `"${w.en}" takes one choice.`);
      if (!item.choices.some((c) => c.code === raw))
        return one(
          'choice_unknown',
          `Lựa chọn "${raw}" không có trong câu "${w.vi}".`,
          `Choice "${raw}" is not one of "${w.en}".`,
        );
      return { value: raw };
    }
    case 'multiple': {
      if (!Array.isArray(raw) || !raw.every(isString))
        return one(
          'wrong_type',
          `Câu "${w.vi}" nhận một danh sách lựa chọn.`,
          `"${w.en}" takes a list of choices.`,
        );
      const problems: AnswerProblem[] = [];
      const chosen = new Set<string>();
      for (const c of raw) {
        if (!item.choices.some((x) => x.code === c))
          problems.push(
            problem(
              code,
              code,
              'choice_unknown',
              `Lựa chọn "${c}" không có trong câu "${w.vi}".`,
              `Choice "${c}" is not one of "${w.en}".`,
            ),
          );
        else if (chosen.has(c))
          problems.push(
            problem(
              code,
              code,
              'choice_repeated',
              `Lựa chọn "${c}" của câu "${w.vi}" được gửi hai lần.`,
              `Choice "${c}" of "${w.en}" was sent twice.`,
            ),
          );
        chosen.add(c);
      }
      if (problems.length) return { problems };
      const exclusive = item.choices.find((c) => c.exclusive && chosen.has(c.code));
      if (exclusive && chosen.size > 1)
        return one(
          'exclusive',
          `Ở câu "${w.vi}", lựa chọn "${exclusive.label.vi}" không chọn cùng lựa chọn khác.`,
          `In "${w.en}", "${exclusive.label.en || exclusive.label.vi}" cannot be ticked with another choice.`,
        );
      const min = item.minSelections;
      const max = item.maxSelections;
      if (min !== undefined && chosen.size < min && !exclusive)
        return one(
          'too_few',
          `Câu "${w.vi}" cần chọn ít nhất ${nums(min).vi} phương án (đã chọn ${nums(chosen.size).vi}).`,
          `"${w.en}" needs at least ${nums(min).en} choices (${nums(chosen.size).en} ticked).`,
        );
      if (max !== undefined && chosen.size > max)
        return one(
          'too_many',
          `Câu "${w.vi}" chọn tối đa ${nums(max).vi} phương án (đã chọn ${nums(chosen.size).vi}).`,
          `"${w.en}" takes at most ${nums(max).en} choices (${nums(chosen.size).en} ticked).`,
        );
      // Canonical: in the order of the list.
      return { value: item.choices.filter((c) => chosen.has(c.code)).map((c) => c.code) };
    }
    case 'likert5':
      return scaleValue(item.allowNa === true, raw, code, code, w.vi, w.en);
    case 'matrix':
      return matrixValue(item, raw, w.vi, w.en);
    case 'number': {
      if (!isFiniteNumber(raw))
        return one('wrong_type', `Câu "${w.vi}" cần một con số.`, `"${w.en}" needs a number.`);
      if (item.integer && !Number.isInteger(raw))
        return one(
          'number_integer',
          `Câu "${w.vi}" cần một số nguyên (đã nhập ${nums(raw, 6).vi}).`,
          `"${w.en}" needs a whole number (got ${nums(raw, 6).en}).`,
        );
      if (item.min !== undefined && raw < item.min)
        return one(
          'number_min',
          `Câu "${w.vi}": giá trị nhỏ nhất là ${nums(item.min).vi} (đã nhập ${nums(raw, 6).vi}).`,
          `"${w.en}": the smallest value is ${nums(item.min).en} (got ${nums(raw, 6).en}).`,
        );
      if (item.max !== undefined && raw > item.max)
        return one(
          'number_max',
          `Câu "${w.vi}": giá trị lớn nhất là ${nums(item.max).vi} (đã nhập ${nums(raw, 6).vi}).`,
          `"${w.en}": the largest value is ${nums(item.max).en} (got ${nums(raw, 6).en}).`,
        );
      return { value: raw === 0 ? 0 : raw }; // −0 is stored as 0
    }
    case 'text': {
      if (!isString(raw))
        return one(
          'wrong_type',
          `Câu "${w.vi}" cần một câu trả lời bằng chữ.`,
          `"${w.en}" needs a text answer.`,
        );
      const text = raw.normalize('NFC').trim();
      const length = [...text].length;
      if (length > item.maxLength)
        return one(
          'text_too_long',
          `Câu trả lời cho "${w.vi}" dài ${nums(length).vi} ký tự, tối đa ${nums(item.maxLength).vi}.`,
          `The answer to "${w.en}" is ${nums(length).en} characters long; at most ${nums(item.maxLength).en}.`,
        );
      return { value: text };
    }
  }
}

function scaleValue(
  allowNa: boolean,
  raw: unknown,
  at: string,
  item: string,
  vi: string,
  en: string,
): Outcome {
  if (raw === 'na') {
    if (allowNa) return { value: 'na' };
    return {
      problems: [
        problem(
          at,
          item,
          'na_not_allowed',
          `Câu "${vi}" không có lựa chọn "không ý kiến": xin chọn một mức từ 1 đến 5.`,
          `"${en}" has no "no opinion" option: please choose a level from 1 to 5.`,
        ),
      ],
    };
  }
  if (isScaleValue(raw)) return { value: raw };
  return {
    problems: [
      problem(
        at,
        item,
        'scale_range',
        `Câu "${vi}" nhận một mức từ 1 đến 5${allowNa ? ' hoặc "không ý kiến"' : ''}.`,
        `"${en}" takes a level from 1 to 5${allowNa ? ' or "no opinion"' : ''}.`,
      ),
    ],
  };
}

function matrixValue(item: MatrixItem, raw: unknown, vi: string, en: string): Outcome {
  const code = item.code;
  if (!isObject(raw))
    return {
      problems: [
        problem(
          code,
          code,
          'wrong_type',
          `Câu "${vi}" nhận một mức cho từng tiêu chí.`,
          `"${en}" takes a level for each criterion.`,
        ),
      ],
    };
  const problems: AnswerProblem[] = [];
  const rowCodes = new Set(item.rows.map((r) => r.code));
  for (const key of Object.keys(raw))
    if (!rowCodes.has(key))
      problems.push(
        problem(
          `${code}[${key}]`,
          code,
          'row_unknown',
          `Câu "${vi}" không có tiêu chí "${key}".`,
          `"${en}" has no criterion "${key}".`,
        ),
      );
  const value: Record<string, ScaleAnswer> = {};
  for (const row of item.rows) {
    const cell = Object.hasOwn(raw, row.code) ? raw[row.code] : undefined;
    const rowText = { vi: `${vi} — ${row.text.vi}`, en: `${en} — ${row.text.en || row.text.vi}` };
    if (cell === undefined || cell === null) {
      if (item.required)
        problems.push(
          problem(
            `${code}[${row.code}]`,
            code,
            'row_missing',
            `Xin đánh giá tiêu chí "${row.text.vi}" của câu "${vi}".`,
            `Please rate "${row.text.en || row.text.vi}" in "${en}".`,
          ),
        );
      continue;
    }
    const outcome = scaleValue(
      item.allowNa === true,
      cell,
      `${code}[${row.code}]`,
      code,
      rowText.vi,
      rowText.en,
    );
    if ('problems' in outcome) problems.push(...outcome.problems);
    else value[row.code] = outcome.value as ScaleAnswer;
  }
  return problems.length ? { problems } : { value };
}

export type NormaliseResult =
  | {
      ok: true;
      /** The canonical stored form. */
      answers: NormalisedAnswers;
      /** Items whose answer was sent but which the conditions hide: left out (documented above). */
      dropped: string[];
      /** Every item shown to this respondent, in document order (answered or not). */
      shown: string[];
    }
  | { ok: false; problems: AnswerProblem[] };

/**
 * Checks one response and gives its canonical form: shown, answered items only, in document order, each value
 * normalised (choices of `multiple` in the list's order; matrix rows in the item's order; text trimmed, NFC).
 */
export function normaliseAnswers(def: SurveyDefinition, answers: unknown): NormaliseResult {
  if (!isObject(answers))
    return {
      ok: false,
      problems: [
        problem(
          '',
          '',
          'answers_invalid',
          'Phiếu trả lời không đúng cấu trúc.',
          'The response is malformed.',
        ),
      ],
    };
  const placed = flattenItems(def);
  const known = new Set(placed.map((p) => p.item.code));
  const problems: AnswerProblem[] = [];
  for (const key of Object.keys(answers))
    if (!known.has(key))
      problems.push(
        problem(
          key,
          key,
          'unknown_item',
          `Câu "${key}" không có trong phiếu này (phiếu có thể đã được cập nhật: xin tải lại).`,
          `Question "${key}" is not on this form (it may have been updated: please reload).`,
        ),
      );
  const accepted: NormalisedAnswers = {};
  const dropped: string[] = [];
  const shown: string[] = [];
  for (const { item } of placed) {
    const raw = answers[item.code];
    if (item.showIf && !evaluateCondition(item.showIf, accepted)) {
      if (!isBlank(raw)) dropped.push(item.code);
      continue;
    }
    shown.push(item.code);
    if (isBlank(raw)) {
      if (item.required) {
        const w = itemWording(item);
        problems.push(
          problem(
            item.code,
            item.code,
            'required',
            `Xin trả lời câu "${w.vi}" (câu bắt buộc).`,
            `Please answer "${w.en}" (required).`,
          ),
        );
      }
      continue;
    }
    const outcome = normaliseValue(item, raw);
    if ('problems' in outcome) problems.push(...outcome.problems);
    else accepted[item.code] = outcome.value;
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, answers: accepted, dropped, shown };
}

/** Every problem of one response (empty: it can be stored as `normaliseAnswers` gives it). */
export function checkAnswers(def: SurveyDefinition, answers: unknown): AnswerProblem[] {
  const result = normaliseAnswers(def, answers);
  return result.ok ? [] : result.problems;
}

// ---------------------------------------------------------------------------------------------------------
// The form's version

/**
 * A value as canonical JSON: object keys sorted (by UTF-16 code units), `undefined` members left out, strings
 * and keys in Unicode NFC (so that the same Vietnamese typed with combining accents reads the same), arrays in
 * their order. Throws on what JSON cannot carry (NaN, Infinity, functions, bigint).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${value} is not JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k.normalize('NFC'), v] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
}

/**
 * The text the caller hashes (e.g. SHA-256) to name a definition's version: its canonical JSON. Two
 * definitions get the same text exactly when they hold the same data, whatever the order of their keys; any
 * change a respondent could see (a wording, a choice, a condition) changes it. A response sent with another
 * version's hash was filled in on another form: the caller refuses it before `normaliseAnswers`.
 */
export function definitionHash(def: SurveyDefinition): string {
  return canonicalJson(def);
}
