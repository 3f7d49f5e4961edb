/**
 * A PAR Index criteria framework (bộ tiêu chí chỉ số CCHC): its checks and the views the scoring uses. Pure.
 *
 * The shape follows the Ministry's set (QĐ 876/QĐ-BNV of 10/11/2022: 8 fields, 37 criteria, 88 sub-criteria,
 * 100 points) and the provinces' own sets for their departments and communes (QĐ 3323/QĐ-UBND, Nghệ An 2023:
 * 7 fields, 48 criteria, 89 sub-criteria) — domain notes §4. A framework is data the province edits (and imports
 * from a spreadsheet, ./framework-sheet.ts), so everything that would make a score wrong is checked before a
 * version is saved or used (`checkFramework`); an empty list means it is sound.
 *
 * What is checked, and why:
 * - **Codes** say the level and the parent ("1" field, "1.2" criterion, "1.2.3" sub-criterion, "B1" bonus,
 *   "P1" penalty): a score row names its item by code (`par_scores.item_code`), so codes are unique in the whole
 *   tree and each starts with its parent's.
 * - **Names**: Vietnamese is required (the set as issued); English may be empty.
 * - **Maximums** > 0, at most two decimals (the sets print "0,25", "1,5"), and they add up: a field's maximum is
 *   the sum of its criteria's, a criterion's the sum of its sub-criteria's (tolerance 0.001) — otherwise the
 *   index of a unit scoring full marks would not be 100%.
 * - **Methods**: a criterion without sub-criteria is scored itself, so it carries the method; a computed item
 *   needs its data source and a formula turning the rate into points (bands highest first, thresholds and
 *   shares within 0–1, a linear floor within [0, 1)).
 * - **Steps** (the smallest fraction of a point, default 0.25) are > 0 and divide the maximum: otherwise the full
 *   points could never be given.
 * - **Bonus and penalty**: each item's cap and the totals' caps are ≥ 0.
 * - **Grade bands** (./grades.ts): at least one, codes unique, thresholds within 0–100 strictly falling, the last
 *   at 0 so that every result gets a grade.
 */
import {
  COMPUTE_SOURCES,
  WHEN_NO_DATA,
  type AdjustmentItem,
  type Criterion,
  type Field,
  type FrameworkTree,
  type GradeBand,
  type ScoredItem,
  type Text,
} from './framework-types.js';
import { capitalize, itemLabel, levelOf, type CodeLevel, type Problem } from './labels.js';
import { formatNumber, hasAtMost2Decimals, isMultipleOf, round2 } from './numbers.js';

/** The step of points when an item names none: quarter points, as the provinces' sets score. */
export const DEFAULT_STEP = 0.25;
/** How far declared maximums may be from the sum of their parts (rounding in the issued sets). */
export const SUM_TOLERANCE = 0.001;

export type FrameworkProblemCode =
  | 'no_fields'
  | 'code_format'
  | 'code_parent'
  | 'code_duplicate'
  | 'name_required'
  | 'max_invalid'
  | 'max_decimals'
  | 'max_sum'
  | 'criteria_empty'
  | 'method_required'
  | 'method_unknown'
  | 'source_required'
  | 'source_unknown'
  | 'formula_required'
  | 'formula_unknown'
  | 'formula_from'
  | 'formula_min'
  | 'formula_bands_empty'
  | 'formula_band_range'
  | 'formula_bands_order'
  | 'step_invalid'
  | 'max_not_multiple_of_step'
  | 'when_no_data_unknown'
  | 'cap_invalid'
  | 'cap_decimals'
  | 'grade_bands_empty'
  | 'grade_code_required'
  | 'grade_code_duplicate'
  | 'grade_name_required'
  | 'grade_min_range'
  | 'grade_order'
  | 'grade_last_not_zero';

export type FrameworkProblem = Problem<FrameworkProblemCode>;

// ---------------------------------------------------------------------------------------------------------
// Views

/** A scored item with where it sits: its field and its criterion (a criterion scored directly is its own). */
export type PlacedItem = { item: ScoredItem; fieldCode: string; criterionCode: string };

/** The scored item a criterion without sub-criteria is (its method defaults to `self` until the check says so). */
function criterionAsItem(c: Criterion): ScoredItem {
  const { subs: _subs, ...own } = c;
  return { ...own, method: c.method ?? 'self' };
}

const subsOf = (c: Criterion): ScoredItem[] => (Array.isArray(c.subs) ? c.subs : []);
const criteriaOf = (f: Field): Criterion[] => (Array.isArray(f.criteria) ? f.criteria : []);
const fieldsOf = (t: FrameworkTree): Field[] => (Array.isArray(t.fields) ? t.fields : []);

/**
 * Every scored item in document order — the sub-criteria, and the criteria that have none — with its field and
 * criterion. Sub-criteria are the tree's own objects; a criterion scored directly is presented as a ScoredItem.
 */
export function scoredItems(tree: FrameworkTree): PlacedItem[] {
  const items: PlacedItem[] = [];
  for (const field of fieldsOf(tree))
    for (const criterion of criteriaOf(field)) {
      const subs = subsOf(criterion);
      if (subs.length === 0)
        items.push({
          item: criterionAsItem(criterion),
          fieldCode: field.code,
          criterionCode: criterion.code,
        });
      else
        for (const sub of subs)
          items.push({ item: sub, fieldCode: field.code, criterionCode: criterion.code });
    }
  return items;
}

/**
 * The framework's maximum: the sum of what can be scored (the scored items'), which `checkFramework` ties to the
 * declared maximums of the fields. Rounded to two decimals.
 */
export function frameworkMaxPoints(tree: FrameworkTree): number {
  let sum = 0;
  for (const { item } of scoredItems(tree)) sum += item.maxPoints;
  return round2(sum);
}

/** The points that come from the sociological survey (QĐ 876: 32 of 100 for provinces; Hà Nội's divisions 30). */
export function surveyMaxPoints(tree: FrameworkTree): number {
  let sum = 0;
  for (const { item } of scoredItems(tree)) if (item.method === 'survey') sum += item.maxPoints;
  return round2(sum);
}

/**
 * The item a score row names: a scored item (`maxPoints`), or a bonus or penalty item (`cap`; which of the two
 * its code says: `adjustmentKind`); null for a field, a criterion with sub-criteria, or an unknown code.
 */
export function findItem(tree: FrameworkTree, code: string): ScoredItem | AdjustmentItem | null {
  const scored = scoredItems(tree).find((p) => p.item.code === code);
  if (scored) return scored.item;
  return (
    (tree.bonus ?? []).find((i) => i.code === code) ??
    (tree.penalty ?? []).find((i) => i.code === code) ??
    null
  );
}

/** Whether a code names a bonus ("B1") or a penalty ("P1") item; null for anything else. */
export function adjustmentKind(code: string): 'bonus' | 'penalty' | null {
  const level = levelOf(code);
  return level === 'bonus' || level === 'penalty' ? level : null;
}

/** A scored item, not a bonus or penalty item (the narrowing `findItem`'s callers need). */
export function isScoredItem(item: ScoredItem | AdjustmentItem): item is ScoredItem {
  return 'maxPoints' in item;
}

/**
 * Next year's first version starts as this year's set, unchanged (the province then edits it): a deep copy, so
 * that editing the copy can never touch the version a past campaign was scored with.
 */
export function copyForward(tree: FrameworkTree): FrameworkTree {
  return structuredClone(tree);
}

/** The counts the decisions print ("7 lĩnh vực, 48 tiêu chí, 89 tiêu chí thành phần"): sub-criteria only. */
export function treeCounts(tree: FrameworkTree): { fields: number; criteria: number; subCriteria: number } {
  let criteria = 0;
  let subCriteria = 0;
  for (const field of fieldsOf(tree)) {
    criteria += criteriaOf(field).length;
    for (const c of criteriaOf(field)) subCriteria += subsOf(c).length;
  }
  return { fields: fieldsOf(tree).length, criteria, subCriteria };
}

// ---------------------------------------------------------------------------------------------------------
// Checks

const n = (value: number) => ({ vi: formatNumber(value, 'vi'), en: formatNumber(value, 'en') });
const isText = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const EXAMPLES: Record<CodeLevel, string> = {
  field: '1, 2, 3…',
  criterion: '1.1, 1.2…',
  sub: '1.1.1, 1.1.2…',
  bonus: 'B1, B2…',
  penalty: 'P1, P2…',
};
const LEVEL_WORDS: Record<CodeLevel, Text> = {
  field: { vi: 'lĩnh vực', en: 'a field' },
  criterion: { vi: 'tiêu chí', en: 'a criterion' },
  sub: { vi: 'tiêu chí thành phần', en: 'a sub-criterion' },
  bonus: { vi: 'mục điểm thưởng', en: 'a bonus item' },
  penalty: { vi: 'mục điểm trừ', en: 'a penalty item' },
};

class Collector {
  readonly problems: FrameworkProblem[] = [];
  add(at: string, problem: FrameworkProblemCode, vi: string, en: string): void {
    this.problems.push({ at, problem, message: { vi, en } });
  }
}

/** Checks the code of an item at `level` under `parent` (null for fields, bonus and penalty); records it. */
function checkCode(
  out: Collector,
  seen: Set<string>,
  code: unknown,
  level: CodeLevel,
  parent: string | null,
  path: string,
): string {
  if (!isText(code) || levelOf(code) !== level) {
    const shown = isText(code) ? code : '';
    out.add(
      shown || path,
      'code_format',
      `Mã "${shown}" của ${LEVEL_WORDS[level].vi} không đúng dạng (phải như ${EXAMPLES[level]}).`,
      `Code "${shown}" of ${LEVEL_WORDS[level].en} is malformed (expected like ${EXAMPLES[level]}).`,
    );
    return shown || path;
  }
  if (parent !== null && !code.startsWith(`${parent}.`)) {
    const parentLabel = itemLabel(parent);
    out.add(
      code,
      'code_parent',
      `Mã "${code}" phải bắt đầu bằng mã của ${parentLabel.vi} chứa nó ("${parent}.").`,
      `Code "${code}" must start with the code of ${parentLabel.en}, which holds it ("${parent}.").`,
    );
  }
  if (seen.has(code))
    out.add(
      code,
      'code_duplicate',
      `Mã "${code}" bị trùng: mỗi mục của bộ tiêu chí cần một mã riêng.`,
      `Code "${code}" is used more than once: every item of the framework needs its own code.`,
    );
  seen.add(code);
  return code;
}

function checkName(out: Collector, at: string, name: unknown): void {
  const vi = (name as Partial<Text> | null | undefined)?.vi;
  const en = (name as Partial<Text> | null | undefined)?.en;
  if (!isText(vi) || !vi.trim() || (en !== undefined && !isText(en))) {
    const label = itemLabel(at);
    out.add(
      at,
      'name_required',
      `${capitalize(label.vi)} chưa có tên (tiếng Việt).`,
      `${capitalize(label.en)} has no name (in Vietnamese).`,
    );
  }
}

/** A maximum > 0 with at most two decimals; true when it can be summed. */
function checkMax(out: Collector, at: string, max: unknown): max is number {
  const label = itemLabel(at);
  if (!isNum(max) || max <= 0) {
    out.add(
      at,
      'max_invalid',
      `Điểm tối đa của ${label.vi} phải là một số lớn hơn 0.`,
      `The maximum points of ${label.en} must be a number above 0.`,
    );
    return false;
  }
  if (!hasAtMost2Decimals(max)) {
    out.add(
      at,
      'max_decimals',
      `Điểm tối đa của ${label.vi} (${String(max).replace('.', ',')}) có quá 2 chữ số thập phân.`,
      `The maximum points of ${label.en} (${max}) have more than 2 decimals.`,
    );
    return false;
  }
  return true;
}

function checkSum(out: Collector, at: string, declared: number, parts: number[], partWord: Text): void {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - declared) <= SUM_TOLERANCE) return;
  const label = itemLabel(at);
  out.add(
    at,
    'max_sum',
    `Điểm tối đa của ${label.vi} là ${n(declared).vi} nhưng tổng điểm tối đa các ${partWord.vi} của nó là ${n(sum).vi}.`,
    `The maximum points of ${label.en} are ${n(declared).en} but its ${partWord.en} add up to ${n(sum).en}.`,
  );
}

/** The step an item scores in (its own, or the default). */
export function stepOf(item: { step?: number | undefined }): number {
  return item.step ?? DEFAULT_STEP;
}

function checkStep(out: Collector, at: string, step: unknown, max: number | null): void {
  const label = itemLabel(at);
  if (step !== undefined && (!isNum(step) || step <= 0)) {
    out.add(
      at,
      'step_invalid',
      `Bước điểm của ${label.vi} phải là một số lớn hơn 0.`,
      `The point step of ${label.en} must be a number above 0.`,
    );
    return;
  }
  const s = (step as number | undefined) ?? DEFAULT_STEP;
  if (max !== null && max > 0 && !isMultipleOf(max, s))
    out.add(
      at,
      'max_not_multiple_of_step',
      `Điểm tối đa của ${label.vi} (${n(max).vi}) không phải bội số của bước điểm ${n(s).vi}: không thể chấm đủ điểm.`,
      `The maximum points of ${label.en} (${n(max).en}) are not a multiple of its step ${n(s).en}: full points could never be given.`,
    );
}

const inUnit = (v: unknown): v is number => isNum(v) && v >= 0 && v <= 1;

/** The problems of a computed item's formula (./framework-types.ts `Formula`). */
function checkFormula(out: Collector, at: string, formula: unknown): void {
  const label = itemLabel(at);
  const f = formula as { type?: unknown; from?: unknown; min?: unknown; bands?: unknown } | null | undefined;
  if (f === undefined || f === null) {
    out.add(
      at,
      'formula_required',
      `${capitalize(label.vi)} tính từ dữ liệu nhưng chưa có công thức quy đổi tỷ lệ ra điểm.`,
      `${capitalize(label.en)} is computed from data but has no formula turning the rate into points.`,
    );
    return;
  }
  if (f.type === 'linear') {
    if (f.from !== undefined && !(isNum(f.from) && f.from >= 0 && f.from < 1))
      out.add(
        at,
        'formula_from',
        `Công thức tuyến tính của ${label.vi}: ngưỡng "từ" phải từ 0 đến dưới 1 (tỷ lệ).`,
        `The linear formula of ${label.en}: its floor ("from") must be at least 0 and below 1 (a rate).`,
      );
    return;
  }
  if (f.type === 'all_or_nothing') {
    if (!inUnit(f.min))
      out.add(
        at,
        'formula_min',
        `Công thức "đạt" của ${label.vi}: ngưỡng đạt phải từ 0 đến 1 (tỷ lệ).`,
        `The all-or-nothing formula of ${label.en}: its threshold must be within 0–1 (a rate).`,
      );
    return;
  }
  if (f.type === 'bands') {
    const bands = Array.isArray(f.bands) ? (f.bands as { min?: unknown; share?: unknown }[]) : [];
    if (bands.length === 0) {
      out.add(
        at,
        'formula_bands_empty',
        `Công thức bậc của ${label.vi} chưa có bậc nào.`,
        `The bands formula of ${label.en} has no band.`,
      );
      return;
    }
    let ordered = true;
    bands.forEach((b, i) => {
      if (!inUnit(b?.min) || !inUnit(b?.share))
        out.add(
          at,
          'formula_band_range',
          `Bậc ${i + 1} của ${label.vi}: ngưỡng và tỷ lệ điểm phải từ 0 đến 1.`,
          `Band ${i + 1} of ${label.en}: its threshold and share of points must be within 0–1.`,
        );
      const prev = bands[i - 1];
      if (i > 0 && isNum(b?.min) && isNum(prev?.min) && !(b.min < prev.min)) ordered = false;
    });
    if (!ordered)
      out.add(
        at,
        'formula_bands_order',
        `Các bậc của ${label.vi} phải xếp theo ngưỡng giảm dần (bậc cao nhất trước), không trùng ngưỡng.`,
        `The bands of ${label.en} must be ordered by threshold, highest first, with no threshold repeated.`,
      );
    return;
  }
  out.add(
    at,
    'formula_unknown',
    `Công thức của ${label.vi} không thuộc loại nào đã biết (tuyến tính, bậc, đạt/không đạt).`,
    `The formula of ${label.en} is of no known kind (linear, bands, all or nothing).`,
  );
}

const METHODS: readonly string[] = ['self', 'computed', 'survey'];

/** The method, data source, formula, step and no-data rule of a scored item (a sub, or a criterion without). */
function checkScoring(out: Collector, at: string, item: Partial<ScoredItem>, max: number | null): void {
  const label = itemLabel(at);
  if (item.method === undefined) {
    const direct = levelOf(at) === 'criterion';
    out.add(
      at,
      'method_required',
      direct
        ? `${capitalize(label.vi)} không có tiêu chí thành phần nên phải có phương thức chấm (tự chấm, tính từ dữ liệu hoặc điều tra XHH).`
        : `${capitalize(label.vi)} chưa có phương thức chấm (tự chấm, tính từ dữ liệu hoặc điều tra XHH).`,
      direct
        ? `${capitalize(label.en)} has no sub-criteria, so it needs its own scoring method (self-assessed, computed from data or survey).`
        : `${capitalize(label.en)} has no scoring method (self-assessed, computed from data or survey).`,
    );
  } else if (!METHODS.includes(item.method)) {
    out.add(
      at,
      'method_unknown',
      `Phương thức chấm "${String(item.method)}" của ${label.vi} không hợp lệ.`,
      `Scoring method "${String(item.method)}" of ${label.en} is not valid.`,
    );
  } else if (item.method === 'computed') {
    if (item.source === undefined)
      out.add(
        at,
        'source_required',
        `${capitalize(label.vi)} tính từ dữ liệu nhưng chưa chọn nguồn dữ liệu.`,
        `${capitalize(label.en)} is computed from data but names no data source.`,
      );
    else if (!(COMPUTE_SOURCES as readonly string[]).includes(item.source))
      out.add(
        at,
        'source_unknown',
        `Nguồn dữ liệu "${String(item.source)}" của ${label.vi} không có trong danh sách nguồn của chidao.`,
        `Data source "${String(item.source)}" of ${label.en} is not one chidao knows.`,
      );
    checkFormula(out, at, item.formula);
  }
  if (item.whenNoData !== undefined && !(WHEN_NO_DATA as readonly string[]).includes(item.whenNoData))
    out.add(
      at,
      'when_no_data_unknown',
      `Cách chấm khi không phát sinh dữ liệu của ${label.vi} không hợp lệ (đủ điểm, 0 điểm hoặc hội đồng chấm).`,
      `What ${label.en} earns without data is not valid (full points, zero or scored by the council).`,
    );
  checkStep(out, at, item.step, max);
}

function checkCap(out: Collector, at: string, cap: unknown, what: Text): boolean {
  if (!isNum(cap) || cap < 0) {
    out.add(
      at,
      'cap_invalid',
      `${capitalize(what.vi)} phải là một số không âm.`,
      `${capitalize(what.en)} must be a number, 0 or more.`,
    );
    return false;
  }
  if (!hasAtMost2Decimals(cap)) {
    out.add(
      at,
      'cap_decimals',
      `${capitalize(what.vi)} có quá 2 chữ số thập phân.`,
      `${capitalize(what.en)} has more than 2 decimals.`,
    );
    return false;
  }
  return true;
}

function checkAdjustments(
  out: Collector,
  seen: Set<string>,
  items: unknown,
  level: 'bonus' | 'penalty',
): void {
  const list = Array.isArray(items) ? (items as Partial<AdjustmentItem>[]) : [];
  list.forEach((item, i) => {
    const code = checkCode(out, seen, item?.code, level, null, `${level}[${i}]`);
    checkName(out, code, item?.name);
    const label = itemLabel(code);
    const ok = checkCap(out, code, item?.cap, {
      vi: `mức điểm tối đa của ${label.vi}`,
      en: `the cap of ${label.en}`,
    });
    checkStep(out, code, item?.step, ok ? (item.cap as number) : null);
  });
}

/** The problems of a set of grade bands (highest first; the last from 0%). */
export function checkGradeBands(gradeBands: readonly GradeBand[]): FrameworkProblem[] {
  const out = new Collector();
  const bands = Array.isArray(gradeBands) ? gradeBands : [];
  if (bands.length === 0) {
    out.add('gradeBands', 'grade_bands_empty', 'Chưa có mức xếp loại nào.', 'There is no grade band.');
    return out.problems;
  }
  const codes = new Set<string>();
  bands.forEach((band, i) => {
    const at = `gradeBands[${i}]`;
    const code = isText(band?.code) ? band.code.trim() : '';
    const shown = code || String(i + 1);
    if (!code)
      out.add(
        at,
        'grade_code_required',
        `Mức xếp loại thứ ${i + 1} chưa có mã.`,
        `Grade band ${i + 1} has no code.`,
      );
    else if (codes.has(code))
      out.add(
        at,
        'grade_code_duplicate',
        `Mã xếp loại "${code}" bị trùng.`,
        `Grade code "${code}" is used more than once.`,
      );
    codes.add(code);
    if (!isText(band?.name?.vi) || !band.name.vi.trim())
      out.add(
        at,
        'grade_name_required',
        `Mức xếp loại "${shown}" chưa có tên (tiếng Việt).`,
        `Grade band "${shown}" has no name (in Vietnamese).`,
      );
    const min = band?.minPercent;
    if (!isNum(min) || min < 0 || min > 100) {
      out.add(
        at,
        'grade_min_range',
        `Ngưỡng của mức xếp loại "${shown}" phải từ 0 đến 100 (%).`,
        `The threshold of grade band "${shown}" must be within 0–100 (%).`,
      );
      return;
    }
    const prev = bands[i - 1]?.minPercent;
    if (i > 0 && isNum(prev) && !(min < prev))
      out.add(
        at,
        'grade_order',
        `Các mức xếp loại phải xếp từ cao xuống thấp: ngưỡng của "${shown}" (${n(min).vi}%) phải thấp hơn mức trước (${n(prev).vi}%).`,
        `Grade bands go from the highest down: the threshold of "${shown}" (${n(min).en}%) must be below the one before (${n(prev).en}%).`,
      );
  });
  const last = bands[bands.length - 1];
  if (isNum(last?.minPercent) && last.minPercent !== 0)
    out.add(
      `gradeBands[${bands.length - 1}]`,
      'grade_last_not_zero',
      `Mức xếp loại thấp nhất ("${last.code}") phải bắt đầu từ 0% để mọi kết quả đều được xếp loại.`,
      `The lowest grade band ("${last.code}") must start at 0% so that every result gets a grade.`,
    );
  return out.problems;
}

/** Every problem of a framework version and its grade bands, in document order; empty when it is sound. */
export function checkFramework(tree: FrameworkTree, gradeBands: readonly GradeBand[]): FrameworkProblem[] {
  const out = new Collector();
  const seen = new Set<string>();
  const fields = fieldsOf(tree ?? ({} as FrameworkTree));
  if (fields.length === 0)
    out.add('fields', 'no_fields', 'Bộ tiêu chí chưa có lĩnh vực nào.', 'The framework has no field.');

  fields.forEach((field, fi) => {
    const fieldCode = checkCode(out, seen, field?.code, 'field', null, `fields[${fi}]`);
    checkName(out, fieldCode, field?.name);
    const fieldMaxOk = checkMax(out, fieldCode, field?.maxPoints);
    const criteria = field ? criteriaOf(field) : [];
    if (criteria.length === 0)
      out.add(
        fieldCode,
        'criteria_empty',
        `${capitalize(itemLabel(fieldCode).vi)} chưa có tiêu chí nào.`,
        `${capitalize(itemLabel(fieldCode).en)} has no criterion.`,
      );
    let criteriaSummable = criteria.length > 0;
    criteria.forEach((criterion, ci) => {
      // Under a malformed parent code, only the child's own form is checked (one problem, not one per child).
      const code = checkCode(
        out,
        seen,
        criterion?.code,
        'criterion',
        levelOf(fieldCode) === 'field' ? fieldCode : null,
        `fields[${fi}].criteria[${ci}]`,
      );
      checkName(out, code, criterion?.name);
      const maxOk = checkMax(out, code, criterion?.maxPoints);
      if (!maxOk) criteriaSummable = false;
      const subs = criterion ? subsOf(criterion) : [];
      if (subs.length === 0) {
        checkScoring(out, code, criterion ?? {}, maxOk ? criterion.maxPoints : null);
        return;
      }
      let subsSummable = true;
      subs.forEach((sub, si) => {
        const subCode = checkCode(
          out,
          seen,
          sub?.code,
          'sub',
          levelOf(code) === 'criterion' ? code : null,
          `fields[${fi}].criteria[${ci}].subs[${si}]`,
        );
        checkName(out, subCode, sub?.name);
        const subMaxOk = checkMax(out, subCode, sub?.maxPoints);
        if (!subMaxOk) subsSummable = false;
        checkScoring(out, subCode, sub ?? {}, subMaxOk ? sub.maxPoints : null);
      });
      if (maxOk && subsSummable)
        checkSum(
          out,
          code,
          criterion.maxPoints,
          subs.map((s) => s.maxPoints),
          { vi: 'tiêu chí thành phần', en: 'sub-criteria' },
        );
    });
    if (fieldMaxOk && criteriaSummable)
      checkSum(
        out,
        fieldCode,
        field.maxPoints,
        criteria.map((c) => c.maxPoints),
        { vi: 'tiêu chí', en: 'criteria' },
      );
  });

  checkAdjustments(out, seen, tree?.bonus, 'bonus');
  checkAdjustments(out, seen, tree?.penalty, 'penalty');
  checkCap(out, 'bonusCap', tree?.bonusCap, {
    vi: 'tổng điểm thưởng tối đa',
    en: 'the cap on total bonus points',
  });
  checkCap(out, 'penaltyCap', tree?.penaltyCap, {
    vi: 'tổng điểm trừ tối đa',
    en: 'the cap on total penalty points',
  });
  out.problems.push(...checkGradeBands(gradeBands));
  return out.problems;
}
