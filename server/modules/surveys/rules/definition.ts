/**
 * A survey's definition (phiếu khảo sát) as data, and its checks. Pure.
 *
 * One shape serves the three kinds of survey of issue 17:
 * - the satisfaction survey of the Ministry's SIPAS method (Chỉ số hài lòng về sự phục vụ hành chính, Đề án đo
 *   lường sự hài lòng, Quyết định 2640/QĐ-BNV ngày 10/10/2017): 5 elements, 22 criteria rated on a 5-point
 *   satisfaction scale, the respondent's profile and expectations (domain notes §4);
 * - a DDCI-like survey of businesses about departments (the VCCI model's 5 sub-indices, domain notes §4);
 * - the sociological survey behind the criteria of the province's PAR Index that take their points from a survey
 *   (`method: 'survey'` in ../../parindex; QĐ 876/QĐ-BNV, 32 of 100 points for provinces).
 *
 * A definition has **sections**, each with **items** (questions) of six kinds:
 * - `single`: one choice of a list; `multiple`: several (optionally between `minSelections` and `maxSelections`;
 *   a choice marked `exclusive`, such as "Không có", cannot be ticked with others);
 * - `likert5`: one point of a 5-point scale (1–5, each point labelled in both languages), optionally "không ý
 *   kiến" (stored as `'na'`, excluded from every index);
 * - `matrix`: rows (criteria, each with its own stable code — SIPAS criterion "1.1"…"5.4") rated on one shared
 *   5-point scale — the form of the Ministry's SIPAS questionnaire;
 * - `number` (`min`, `max`, `integer`) and `text` (`maxLength` characters).
 *
 * Every item has a stable code (answers, indices and exports name items by it: unique across the definition,
 * together with the matrix rows' codes), bilingual wording and help, a `required` flag (default false), and may
 * be shown only under a condition (`showIf`) on the answers of EARLIER items: `eq`, `neq`, `in`, `gte`, `lte`,
 * `answered`, combined with `all` / `any`. Referring only backwards makes cycles impossible, and a respondent
 * never meets a question whose visibility depends on one they have not seen yet. `element` and `indexKey` tag
 * items (or matrix rows, which inherit their item's tags) so that indices can group them: the SIPAS elements,
 * the DDCI sub-indices, the PAR criterion a survey item feeds ("3.6.1").
 *
 * Scales are declared once in the definition (`scales: { satisfaction: [...] }`) and named by items, or written
 * inline. The definition is versioned by its caller (the survey's stored version and `definitionHash`,
 * ./answers.ts); these rules never compare versions.
 *
 * `checkDefinition` lists every problem with where it is (a path such as "sections[1].items[0].choices[2]") and
 * the item's code; an empty list means the definition can be published.
 */
import {
  isFiniteNumber,
  isObject,
  isString,
  isText,
  nums,
  shorten,
  type Problem,
  type Text,
} from './text.js';

export const ITEM_KINDS = ['single', 'multiple', 'likert5', 'matrix', 'number', 'text'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CONDITION_OPERATORS = ['eq', 'neq', 'in', 'gte', 'lte', 'answered'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A point of a 5-point scale. */
export type ScaleValue = 1 | 2 | 3 | 4 | 5;
/** A scale answer: a point, or "không ý kiến" where the item allows it. */
export type ScaleAnswer = ScaleValue | 'na';
export type ScalePoint = { value: ScaleValue; label: Text };
/** A scale named in the definition's `scales`, or written inline (exactly the five points 1…5, in order). */
export type ScaleRef = string | ScalePoint[];

export type Choice = {
  code: string;
  label: Text;
  /** In a `multiple` item: cannot be ticked together with another choice ("Không có", "Không biết"). */
  exclusive?: boolean;
};

/**
 * A condition on one earlier item (`row` names a row when the item is a matrix). Semantics (./answers.ts
 * `evaluateCondition`): an item that is unanswered, or itself hidden, satisfies no comparison — `neq` means
 * "answered, and not this"; `answered` (value true, the default) or `answered: false` test presence only. On a
 * `multiple` item `eq` means "ticked", `neq` "answered and not ticked", `in` "any of these ticked". `gte` and
 * `lte` apply to scales and numbers; "không ý kiến" satisfies neither.
 */
export type LeafCondition = {
  item: string;
  row?: string;
  op: ConditionOperator;
  value?: string | number | boolean | (string | number)[];
};
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] };

type ItemBase = {
  code: string;
  text: Text;
  help?: Text;
  /** Default false. A required item that its condition hides is not required. */
  required?: boolean;
  showIf?: Condition;
  /** The group an index may select it by (SIPAS element, DDCI sub-index, PAR field). */
  element?: string;
  /** The index it feeds (e.g. the PAR criterion code "3.6.1"). */
  indexKey?: string;
};

export type SingleItem = ItemBase & { kind: 'single'; choices: Choice[] };
export type MultipleItem = ItemBase & {
  kind: 'multiple';
  choices: Choice[];
  minSelections?: number;
  maxSelections?: number;
};
export type Likert5Item = ItemBase & {
  kind: 'likert5';
  scale: ScaleRef;
  /** Offer "không ý kiến" (stored as 'na'; excluded from indices). */
  allowNa?: boolean;
  naLabel?: Text;
};
export type MatrixRow = {
  code: string;
  text: Text;
  help?: Text;
  /** Default: the matrix item's own tags. */
  element?: string;
  indexKey?: string;
};
export type MatrixItem = ItemBase & {
  kind: 'matrix';
  rows: MatrixRow[];
  scale: ScaleRef;
  allowNa?: boolean;
  naLabel?: Text;
};
export type NumberItem = ItemBase & {
  kind: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
  /** The unit shown beside the box ("lần", "ngày"). */
  unit?: Text;
};
export type TextItem = ItemBase & { kind: 'text'; maxLength: number; multiline?: boolean };

export type SurveyItem = SingleItem | MultipleItem | Likert5Item | MatrixItem | NumberItem | TextItem;

export type Section = { code: string; title: Text; help?: Text; items: SurveyItem[] };

/** A named group of items (SIPAS element, DDCI sub-index, PAR field) the indices report on. */
export type Element = { code: string; name: Text };

export type SurveyDefinition = {
  title: Text;
  intro?: Text;
  scales?: Record<string, ScalePoint[]>;
  /** When declared, every item's and row's `element` must be one of these. */
  elements?: Element[];
  sections: Section[];
};

/** Codes: a letter or digit, then letters, digits, "_", "." or "-"; at most 64 characters ("gioi_tinh", "1.1"). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** The longest text answer an item may allow (characters). */
export const MAX_TEXT_LENGTH = 5000;
/** How deep `all` / `any` may nest. */
export const MAX_CONDITION_DEPTH = 4;

/** "Không ý kiến": the label of the N/A point when an item gives none. */
export const DEFAULT_NA_LABEL: Text = { vi: 'Không ý kiến', en: 'No opinion' };

/**
 * The SIPAS satisfaction scale, 1 (very dissatisfied) → 5 (very satisfied): the five levels of the Ministry's
 * questionnaire (dựa theo 2640/QĐ-BNV; wording of the points to be checked against the current form).
 */
export const SATISFACTION_SCALE: ScalePoint[] = [
  { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
  { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
  { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
  { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
];

/** A 5-point agreement scale (DDCI-like business surveys rate statements this way). */
export const AGREEMENT_SCALE: ScalePoint[] = [
  { value: 1, label: { vi: 'Hoàn toàn không đồng ý', en: 'Strongly disagree' } },
  { value: 2, label: { vi: 'Không đồng ý', en: 'Disagree' } },
  { value: 3, label: { vi: 'Phân vân', en: 'Undecided' } },
  { value: 4, label: { vi: 'Đồng ý', en: 'Agree' } },
  { value: 5, label: { vi: 'Hoàn toàn đồng ý', en: 'Strongly agree' } },
];

// ---------------------------------------------------------------------------------------------------------
// Views

export const isScaleValue = (v: unknown): v is ScaleValue =>
  v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

/** An item with where it sits: its section, its place in document order and its path. */
export type PlacedItem = { item: SurveyItem; section: string; order: number; path: string };

const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

/** Every item in document order (sections in order, items in order). */
export function flattenItems(def: SurveyDefinition): PlacedItem[] {
  const out: PlacedItem[] = [];
  arr(def.sections).forEach((section, i) => {
    arr(section?.items).forEach((item, j) => {
      out.push({ item, section: section.code, order: out.length, path: `sections[${i}].items[${j}]` });
    });
  });
  return out;
}

/** The points of an item's scale (named or inline); null when it names no valid scale. */
export function resolveScale(def: SurveyDefinition, scale: ScaleRef | undefined): ScalePoint[] | null {
  const points = isString(scale) ? def.scales?.[scale] : scale;
  return isValidScale(points) ? points : null;
}

function isValidScale(points: unknown): points is ScalePoint[] {
  return (
    Array.isArray(points) &&
    points.length === 5 &&
    points.every((p, i) => isObject(p) && p.value === i + 1 && isText(p.label))
  );
}

/**
 * A rated cell: a `likert5` item, or one row of a `matrix` — what share_top2 and mean_x20 count. `code` is the
 * item's code or the row's; `element` and `indexKey` are the row's own or else its item's.
 */
export type ScaleCell = {
  code: string;
  item: string;
  row: string | null;
  element: string | null;
  indexKey: string | null;
};

/** The rated cells of an item (none for other kinds). */
export function scaleCells(item: SurveyItem): ScaleCell[] {
  if (item.kind === 'likert5')
    return [
      {
        code: item.code,
        item: item.code,
        row: null,
        element: item.element ?? null,
        indexKey: item.indexKey ?? null,
      },
    ];
  if (item.kind === 'matrix')
    return arr(item.rows).map((r) => ({
      code: r.code,
      item: item.code,
      row: r.code,
      element: r.element ?? item.element ?? null,
      indexKey: r.indexKey ?? item.indexKey ?? null,
    }));
  return [];
}

/** How a question is named in messages to the officer building the form: "câu gioi_tinh". */
export function itemLabel(code: string): Text {
  return { vi: `câu ${code}`, en: `question ${code}` };
}

// ---------------------------------------------------------------------------------------------------------
// Checks

export type DefinitionProblemCode =
  | 'definition_invalid'
  | 'title_required'
  | 'scales_invalid'
  | 'scale_invalid'
  | 'scale_unknown'
  | 'elements_invalid'
  | 'element_invalid'
  | 'element_duplicate'
  | 'element_unknown'
  | 'tag_invalid'
  | 'sections_empty'
  | 'section_invalid'
  | 'section_code'
  | 'section_duplicate'
  | 'section_title'
  | 'section_items_empty'
  | 'item_invalid'
  | 'code_format'
  | 'code_duplicate'
  | 'text_required'
  | 'help_invalid'
  | 'kind_unknown'
  | 'required_invalid'
  | 'choices_empty'
  | 'choice_code'
  | 'choice_duplicate'
  | 'choice_label'
  | 'selections_invalid'
  | 'selections_order'
  | 'selections_exceed'
  | 'na_invalid'
  | 'rows_empty'
  | 'row_invalid'
  | 'number_bounds'
  | 'number_order'
  | 'max_length'
  | 'condition_invalid'
  | 'condition_depth'
  | 'condition_operator'
  | 'condition_target_missing'
  | 'condition_target_later'
  | 'condition_row'
  | 'condition_value';

export type DefinitionProblem = Problem<DefinitionProblemCode>;

class Collector {
  readonly problems: DefinitionProblem[] = [];
  add(at: string, problem: DefinitionProblemCode, vi: string, en: string, item?: string): void {
    this.problems.push(
      item === undefined ? { at, problem, message: { vi, en } } : { at, problem, message: { vi, en }, item },
    );
  }
}

const shown = (v: unknown): string => (isString(v) ? v : (JSON.stringify(v) ?? String(v)));

/** The problems of a definition; an empty list means it is sound. Never throws, whatever it is given. */
export function checkDefinition(def: SurveyDefinition): DefinitionProblem[] {
  const out = new Collector();
  const d = def as unknown;
  if (!isObject(d)) {
    out.add(
      '',
      'definition_invalid',
      'Phiếu khảo sát không đúng cấu trúc (không phải một đối tượng).',
      'The survey definition is malformed (not an object).',
    );
    return out.problems;
  }
  if (!isText(d.title))
    out.add(
      'title',
      'title_required',
      'Phiếu khảo sát chưa có tiêu đề (tiếng Việt).',
      'The survey has no title (in Vietnamese).',
    );
  if (d.intro !== undefined && !isText(d.intro))
    out.add(
      'intro',
      'help_invalid',
      'Lời giới thiệu của phiếu phải có tiếng Việt và tiếng Anh (có thể để trống).',
      'The introduction must have Vietnamese and English (which may be empty).',
    );

  checkScales(out, d.scales);
  const elements = checkElements(out, d.elements);

  const sections = d.sections;
  if (!Array.isArray(sections) || sections.length === 0) {
    out.add('sections', 'sections_empty', 'Phiếu khảo sát chưa có phần nào.', 'The survey has no sections.');
    return out.problems;
  }

  // Every item code with its place, so that a condition can tell a later item from a missing one.
  const orderOf = new Map<string, number>();
  let counter = 0;
  for (const s of sections)
    if (isObject(s) && Array.isArray(s.items))
      for (const it of s.items) {
        if (isObject(it) && isString(it.code) && !orderOf.has(it.code)) orderOf.set(it.code, counter);
        counter++;
      }

  const seenSections = new Set<string>();
  const seenCodes = new Set<string>();
  const earlier = new Map<string, SurveyItem>();
  let order = 0;
  sections.forEach((section: unknown, i: number) => {
    const sPath = `sections[${i}]`;
    if (!isObject(section)) {
      out.add(
        sPath,
        'section_invalid',
        `Phần thứ ${i + 1} không đúng cấu trúc.`,
        `Section ${i + 1} is malformed.`,
      );
      return;
    }
    if (!isString(section.code) || !CODE_PATTERN.test(section.code))
      out.add(
        `${sPath}.code`,
        'section_code',
        `Mã phần "${shown(section.code ?? '')}" không đúng dạng (chữ, số, "_", ".", "-"; tối đa 64 ký tự).`,
        `Section code "${shown(section.code ?? '')}" is malformed (letters, digits, "_", ".", "-"; at most 64 characters).`,
      );
    else if (seenSections.has(section.code))
      out.add(
        `${sPath}.code`,
        'section_duplicate',
        `Mã phần "${section.code}" bị trùng.`,
        `Section code "${section.code}" is used more than once.`,
      );
    else seenSections.add(section.code);
    if (!isText(section.title))
      out.add(
        `${sPath}.title`,
        'section_title',
        `Phần thứ ${i + 1} chưa có tiêu đề (tiếng Việt).`,
        `Section ${i + 1} has no title (in Vietnamese).`,
      );
    if (section.help !== undefined && !isText(section.help))
      out.add(
        `${sPath}.help`,
        'help_invalid',
        `Hướng dẫn của phần thứ ${i + 1} không đúng dạng (cần tiếng Việt và tiếng Anh).`,
        `The help of section ${i + 1} is malformed (Vietnamese and English needed).`,
      );
    if (!Array.isArray(section.items) || section.items.length === 0) {
      out.add(
        `${sPath}.items`,
        'section_items_empty',
        `Phần thứ ${i + 1} chưa có câu hỏi nào.`,
        `Section ${i + 1} has no questions.`,
      );
      return;
    }
    section.items.forEach((raw: unknown, j: number) => {
      const path = `${sPath}.items[${j}]`;
      const item = checkItem(out, raw, path, d as SurveyDefinition, seenCodes, elements);
      if (item && isObject(raw) && raw.showIf !== undefined)
        checkCondition(out, raw.showIf, `${path}.showIf`, item.code, order, orderOf, earlier, 1);
      if (item) earlier.set(item.code, item);
      order++;
    });
  });
  return out.problems;
}

function checkScales(out: Collector, scales: unknown): void {
  if (scales === undefined) return;
  if (!isObject(scales)) {
    out.add(
      'scales',
      'scales_invalid',
      'Danh sách thang đo phải là một bảng tên → 5 mức.',
      'The scales must be a table of name → 5 points.',
    );
    return;
  }
  for (const [name, points] of Object.entries(scales))
    if (!isValidScale(points))
      out.add(
        `scales.${name}`,
        'scale_invalid',
        `Thang đo "${name}" phải có đúng 5 mức, giá trị 1 đến 5 theo thứ tự, mỗi mức có nhãn tiếng Việt.`,
        `Scale "${name}" must have exactly 5 points, values 1 to 5 in order, each labelled in Vietnamese.`,
      );
}

/** The declared element codes (null when the definition declares none: any well-formed tag is accepted). */
function checkElements(out: Collector, elements: unknown): Set<string> | null {
  if (elements === undefined) return null;
  const codes = new Set<string>();
  if (!Array.isArray(elements)) {
    out.add(
      'elements',
      'elements_invalid',
      'Danh sách nhóm (yếu tố) phải là một danh sách.',
      'The elements must be a list.',
    );
    return codes;
  }
  elements.forEach((e: unknown, i: number) => {
    const at = `elements[${i}]`;
    if (!isObject(e) || !isString(e.code) || !CODE_PATTERN.test(e.code) || !isText(e.name)) {
      out.add(
        at,
        'element_invalid',
        `Nhóm (yếu tố) thứ ${i + 1} cần một mã đúng dạng và tên tiếng Việt.`,
        `Element ${i + 1} needs a well-formed code and a Vietnamese name.`,
      );
      if (isObject(e) && isString(e.code)) codes.add(e.code);
      return;
    }
    if (codes.has(e.code))
      out.add(
        at,
        'element_duplicate',
        `Mã nhóm (yếu tố) "${e.code}" bị trùng.`,
        `Element code "${e.code}" is used more than once.`,
      );
    codes.add(e.code);
  });
  return codes;
}

function checkTags(
  out: Collector,
  raw: Record<string, unknown>,
  path: string,
  code: string,
  elements: Set<string> | null,
): void {
  for (const tag of ['element', 'indexKey'] as const) {
    const v = raw[tag];
    if (v === undefined) continue;
    if (!isString(v) || !CODE_PATTERN.test(v)) {
      out.add(
        `${path}.${tag}`,
        'tag_invalid',
        `Nhãn ${tag} "${shown(v)}" của ${itemLabel(code).vi} không đúng dạng.`,
        `The ${tag} tag "${shown(v)}" of ${itemLabel(code).en} is malformed.`,
        code,
      );
      continue;
    }
    if (tag === 'element' && elements && !elements.has(v))
      out.add(
        `${path}.element`,
        'element_unknown',
        `${cap(itemLabel(code).vi)} thuộc nhóm "${v}", nhưng phiếu không khai báo nhóm này.`,
        `${cap(itemLabel(code).en)} names element "${v}", which the survey does not declare.`,
        code,
      );
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Checks one item; returns it (typed) when its code and kind can be relied on by later checks. */
function checkItem(
  out: Collector,
  raw: unknown,
  path: string,
  def: SurveyDefinition,
  seenCodes: Set<string>,
  elements: Set<string> | null,
): SurveyItem | null {
  if (!isObject(raw)) {
    out.add(path, 'item_invalid', 'Câu hỏi không đúng cấu trúc.', 'The question is malformed.');
    return null;
  }
  const code = isString(raw.code) ? raw.code : '';
  const label = itemLabel(code || path);
  const codeOk = checkCode(out, raw.code, `${path}.code`, seenCodes, code || undefined);
  if (!isText(raw.text))
    out.add(
      `${path}.text`,
      'text_required',
      `${cap(label.vi)} chưa có nội dung câu hỏi (tiếng Việt).`,
      `${cap(label.en)} has no wording (in Vietnamese).`,
      code,
    );
  if (raw.help !== undefined && !isText(raw.help))
    out.add(
      `${path}.help`,
      'help_invalid',
      `Hướng dẫn của ${label.vi} không đúng dạng (cần tiếng Việt và tiếng Anh).`,
      `The help of ${label.en} is malformed (Vietnamese and English needed).`,
      code,
    );
  if (raw.required !== undefined && typeof raw.required !== 'boolean')
    out.add(
      `${path}.required`,
      'required_invalid',
      `Thuộc tính "bắt buộc" của ${label.vi} phải là có hoặc không.`,
      `The "required" flag of ${label.en} must be true or false.`,
      code,
    );
  checkTags(out, raw, path, code, elements);

  const kind = raw.kind;
  if (!isString(kind) || !(ITEM_KINDS as readonly string[]).includes(kind)) {
    out.add(
      `${path}.kind`,
      'kind_unknown',
      `${cap(label.vi)} có dạng "${shown(kind ?? '')}" không được hỗ trợ (một lựa chọn, nhiều lựa chọn, thang 5 mức, bảng, số, văn bản).`,
      `${cap(label.en)} has unsupported kind "${shown(kind ?? '')}" (single, multiple, likert5, matrix, number, text).`,
      code,
    );
    return null;
  }
  switch (kind as ItemKind) {
    case 'single':
    case 'multiple':
      checkChoices(out, raw, path, code);
      break;
    case 'likert5':
      checkScaleRef(out, raw, path, code, def);
      break;
    case 'matrix':
      checkRows(out, raw, path, code, seenCodes, elements);
      checkScaleRef(out, raw, path, code, def);
      break;
    case 'number':
      checkNumberBounds(out, raw, path, code);
      break;
    case 'text':
      if (
        !Number.isInteger(raw.maxLength) ||
        (raw.maxLength as number) < 1 ||
        (raw.maxLength as number) > MAX_TEXT_LENGTH
      )
        out.add(
          `${path}.maxLength`,
          'max_length',
          `Độ dài tối đa của ${label.vi} phải là số nguyên từ 1 đến ${nums(MAX_TEXT_LENGTH).vi} ký tự.`,
          `The maximum length of ${label.en} must be a whole number from 1 to ${nums(MAX_TEXT_LENGTH).en} characters.`,
          code,
        );
      break;
  }
  return codeOk ? (raw as unknown as SurveyItem) : null;
}

function checkCode(
  out: Collector,
  code: unknown,
  at: string,
  seenCodes: Set<string>,
  item: string | undefined,
): boolean {
  if (!isString(code) || !CODE_PATTERN.test(code)) {
    out.add(
      at,
      'code_format',
      `Mã "${shown(code ?? '')}" không đúng dạng: bắt đầu bằng chữ hoặc số, chỉ gồm chữ, số, "_", ".", "-", tối đa 64 ký tự.`,
      `Code "${shown(code ?? '')}" is malformed: a letter or digit first, then letters, digits, "_", ".", "-"; at most 64 characters.`,
      item,
    );
    return false;
  }
  if (seenCodes.has(code)) {
    out.add(
      at,
      'code_duplicate',
      `Mã "${code}" bị trùng: mỗi câu hỏi và mỗi dòng của câu hỏi dạng bảng cần một mã riêng.`,
      `Code "${code}" is used more than once: every question and every row of a matrix needs its own code.`,
      item,
    );
    return false;
  }
  seenCodes.add(code);
  return true;
}

function checkChoices(out: Collector, raw: Record<string, unknown>, path: string, code: string): void {
  const label = itemLabel(code || path);
  const choices = raw.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    out.add(
      `${path}.choices`,
      'choices_empty',
      `${cap(label.vi)} chưa có phương án trả lời nào.`,
      `${cap(label.en)} has no choices.`,
      code,
    );
    return;
  }
  const seen = new Set<string>();
  choices.forEach((c: unknown, k: number) => {
    const at = `${path}.choices[${k}]`;
    const cc = isObject(c) ? c.code : undefined;
    if (!isString(cc) || !CODE_PATTERN.test(cc))
      out.add(
        `${at}.code`,
        'choice_code',
        `Phương án thứ ${k + 1} của ${label.vi} có mã "${shown(cc ?? '')}" không đúng dạng.`,
        `Choice ${k + 1} of ${label.en} has a malformed code "${shown(cc ?? '')}".`,
        code,
      );
    else if (seen.has(cc))
      out.add(
        `${at}.code`,
        'choice_duplicate',
        `Mã phương án "${cc}" của ${label.vi} bị trùng.`,
        `Choice code "${cc}" of ${label.en} is used more than once.`,
        code,
      );
    else seen.add(cc);
    if (!isObject(c) || !isText(c.label))
      out.add(
        `${at}.label`,
        'choice_label',
        `Phương án thứ ${k + 1} của ${label.vi} chưa có nhãn (tiếng Việt).`,
        `Choice ${k + 1} of ${label.en} has no label (in Vietnamese).`,
        code,
      );
  });
  if (raw.kind !== 'multiple') return;
  const count = choices.length;
  const min = raw.minSelections;
  const max = raw.maxSelections;
  const badMin = min !== undefined && (!Number.isInteger(min) || (min as number) < 0);
  const badMax = max !== undefined && (!Number.isInteger(max) || (max as number) < 1);
  if (badMin || badMax) {
    out.add(
      `${path}.${badMin ? 'minSelections' : 'maxSelections'}`,
      'selections_invalid',
      `Số lựa chọn tối thiểu của ${label.vi} phải là số nguyên ≥ 0, tối đa là số nguyên ≥ 1.`,
      `The minimum selections of ${label.en} must be a whole number ≥ 0, the maximum a whole number ≥ 1.`,
      code,
    );
    return;
  }
  if (isFiniteNumber(min) && isFiniteNumber(max) && min > max)
    out.add(
      `${path}.minSelections`,
      'selections_order',
      `Số lựa chọn tối thiểu của ${label.vi} (${nums(min).vi}) lớn hơn tối đa (${nums(max).vi}).`,
      `The minimum selections of ${label.en} (${nums(min).en}) exceed the maximum (${nums(max).en}).`,
      code,
    );
  for (const [name, v] of [
    ['minSelections', min],
    ['maxSelections', max],
  ] as const)
    if (isFiniteNumber(v) && v > count)
      out.add(
        `${path}.${name}`,
        'selections_exceed',
        `${cap(label.vi)} chỉ có ${nums(count).vi} phương án nhưng yêu cầu ${name === 'minSelections' ? 'tối thiểu' : 'tối đa'} ${nums(v).vi} lựa chọn.`,
        `${cap(label.en)} has only ${nums(count).en} choices but asks for ${name === 'minSelections' ? 'at least' : 'at most'} ${nums(v).en}.`,
        code,
      );
}

function checkScaleRef(
  out: Collector,
  raw: Record<string, unknown>,
  path: string,
  code: string,
  def: SurveyDefinition,
): void {
  const label = itemLabel(code || path);
  const scale = raw.scale;
  if (isString(scale)) {
    if (!isObject(def.scales) || !Object.hasOwn(def.scales, scale))
      out.add(
        `${path}.scale`,
        'scale_unknown',
        `${cap(label.vi)} dùng thang đo "${scale}" mà phiếu chưa khai báo.`,
        `${cap(label.en)} uses scale "${scale}", which the survey does not declare.`,
        code,
      );
  } else if (!isValidScale(scale))
    out.add(
      `${path}.scale`,
      'scale_invalid',
      `Thang đo của ${label.vi} phải có đúng 5 mức, giá trị 1 đến 5 theo thứ tự, mỗi mức có nhãn tiếng Việt.`,
      `The scale of ${label.en} must have exactly 5 points, values 1 to 5 in order, each labelled in Vietnamese.`,
      code,
    );
  if (
    (raw.allowNa !== undefined && typeof raw.allowNa !== 'boolean') ||
    (raw.naLabel !== undefined && !isText(raw.naLabel))
  )
    out.add(
      `${path}.${raw.naLabel !== undefined && !isText(raw.naLabel) ? 'naLabel' : 'allowNa'}`,
      'na_invalid',
      `Lựa chọn "không ý kiến" của ${label.vi} không đúng dạng (bật/tắt, nhãn tiếng Việt).`,
      `The "no opinion" option of ${label.en} is malformed (true/false, a Vietnamese label).`,
      code,
    );
}

function checkRows(
  out: Collector,
  raw: Record<string, unknown>,
  path: string,
  code: string,
  seenCodes: Set<string>,
  elements: Set<string> | null,
): void {
  const label = itemLabel(code || path);
  const rows = raw.rows;
  if (!Array.isArray(rows) || rows.length === 0) {
    out.add(
      `${path}.rows`,
      'rows_empty',
      `${cap(label.vi)} là câu hỏi dạng bảng nhưng chưa có dòng (tiêu chí) nào.`,
      `${cap(label.en)} is a matrix without rows (criteria).`,
      code,
    );
    return;
  }
  rows.forEach((r: unknown, k: number) => {
    const at = `${path}.rows[${k}]`;
    if (!isObject(r)) {
      out.add(
        at,
        'row_invalid',
        `Dòng thứ ${k + 1} của ${label.vi} không đúng cấu trúc.`,
        `Row ${k + 1} of ${label.en} is malformed.`,
        code,
      );
      return;
    }
    checkCode(out, r.code, `${at}.code`, seenCodes, code || undefined);
    if (!isText(r.text))
      out.add(
        `${at}.text`,
        'text_required',
        `Dòng thứ ${k + 1} của ${label.vi} chưa có nội dung (tiếng Việt).`,
        `Row ${k + 1} of ${label.en} has no wording (in Vietnamese).`,
        code,
      );
    if (r.help !== undefined && !isText(r.help))
      out.add(
        `${at}.help`,
        'help_invalid',
        `Hướng dẫn dòng thứ ${k + 1} của ${label.vi} không đúng dạng.`,
        `The help of row ${k + 1} of ${label.en} is malformed.`,
        code,
      );
    checkTags(out, r, at, code, elements);
  });
}

function checkNumberBounds(out: Collector, raw: Record<string, unknown>, path: string, code: string): void {
  const label = itemLabel(code || path);
  const { min, max, integer } = raw;
  for (const [name, v] of [
    ['min', min],
    ['max', max],
  ] as const)
    if (v !== undefined && !isFiniteNumber(v))
      out.add(
        `${path}.${name}`,
        'number_bounds',
        `Giới hạn ${name === 'min' ? 'dưới' : 'trên'} của ${label.vi} phải là một số.`,
        `The ${name === 'min' ? 'lower' : 'upper'} bound of ${label.en} must be a number.`,
        code,
      );
  if (integer !== undefined && typeof integer !== 'boolean')
    out.add(
      `${path}.integer`,
      'number_bounds',
      `Thuộc tính "số nguyên" của ${label.vi} phải là có hoặc không.`,
      `The "integer" flag of ${label.en} must be true or false.`,
      code,
    );
  if (isFiniteNumber(min) && isFiniteNumber(max)) {
    if (min > max)
      out.add(
        `${path}.min`,
        'number_order',
        `Giới hạn dưới của ${label.vi} (${nums(min).vi}) lớn hơn giới hạn trên (${nums(max).vi}).`,
        `The lower bound of ${label.en} (${nums(min).en}) is above the upper bound (${nums(max).en}).`,
        code,
      );
    else if (integer === true && Math.ceil(min) > Math.floor(max))
      out.add(
        `${path}.min`,
        'number_order',
        `Không có số nguyên nào từ ${nums(min).vi} đến ${nums(max).vi}: ${label.vi} không thể trả lời được.`,
        `There is no whole number from ${nums(min).en} to ${nums(max).en}: ${label.en} could never be answered.`,
        code,
      );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditions

function checkCondition(
  out: Collector,
  cond: unknown,
  at: string,
  owner: string,
  ownOrder: number,
  orderOf: Map<string, number>,
  earlier: Map<string, SurveyItem>,
  depth: number,
): void {
  const label = itemLabel(owner);
  const invalid = () =>
    out.add(
      at,
      'condition_invalid',
      `Điều kiện hiển thị của ${label.vi} không đúng cấu trúc (cần câu hỏi, phép so sánh và giá trị; hoặc "all"/"any" với danh sách điều kiện).`,
      `The display condition of ${label.en} is malformed (an item, an operator and a value; or "all"/"any" with a list of conditions).`,
      owner,
    );
  if (!isObject(cond)) return invalid();
  if ('all' in cond || 'any' in cond) {
    const key = 'all' in cond ? 'all' : 'any';
    const list = cond[key];
    if (!Array.isArray(list) || list.length === 0 || Object.keys(cond).length !== 1) return invalid();
    if (depth >= MAX_CONDITION_DEPTH) {
      out.add(
        at,
        'condition_depth',
        `Điều kiện hiển thị của ${label.vi} lồng quá ${nums(MAX_CONDITION_DEPTH).vi} cấp.`,
        `The display condition of ${label.en} nests more than ${nums(MAX_CONDITION_DEPTH).en} levels.`,
        owner,
      );
      return;
    }
    list.forEach((c: unknown, k: number) =>
      checkCondition(out, c, `${at}.${key}[${k}]`, owner, ownOrder, orderOf, earlier, depth + 1),
    );
    return;
  }
  const { item, row, op, value } = cond;
  if (!isString(item)) return invalid();
  if (!isString(op) || !(CONDITION_OPERATORS as readonly string[]).includes(op)) {
    out.add(
      `${at}.op`,
      'condition_operator',
      `Điều kiện hiển thị của ${label.vi} dùng phép so sánh "${shown(op ?? '')}" không được hỗ trợ (eq, neq, in, gte, lte, answered).`,
      `The display condition of ${label.en} uses unsupported operator "${shown(op ?? '')}" (eq, neq, in, gte, lte, answered).`,
      owner,
    );
    return;
  }
  const target = earlier.get(item);
  if (!target) {
    const place = orderOf.get(item);
    if (place === undefined)
      out.add(
        `${at}.item`,
        'condition_target_missing',
        `Điều kiện hiển thị của ${label.vi} dựa vào câu "${item}" không có trong phiếu.`,
        `The display condition of ${label.en} refers to "${item}", which is not in the survey.`,
        owner,
      );
    else if (place >= ownOrder)
      out.add(
        `${at}.item`,
        'condition_target_later',
        `Điều kiện hiển thị của ${label.vi} chỉ được dựa vào câu hỏi đứng trước nó; câu "${item}" ${place === ownOrder ? 'là chính nó' : 'đứng sau'}.`,
        `The display condition of ${label.en} may only refer to questions before it; "${item}" ${place === ownOrder ? 'is itself' : 'comes after it'}.`,
        owner,
      );
    // An earlier item whose own problems made it unusable: those problems are reported where it is.
    return;
  }
  checkConditionValue(out, at, owner, target, row, op as ConditionOperator, value);
}

function checkConditionValue(
  out: Collector,
  at: string,
  owner: string,
  target: SurveyItem,
  row: unknown,
  op: ConditionOperator,
  value: unknown,
): void {
  const label = itemLabel(owner);
  const bad = (vi: string, en: string) =>
    out.add(
      `${at}.value`,
      'condition_value',
      `Điều kiện hiển thị của ${label.vi}: ${vi}`,
      `The display condition of ${label.en}: ${en}`,
      owner,
    );
  if (target.kind === 'matrix') {
    if (row !== undefined && (!isString(row) || !arr(target.rows).some((r) => r?.code === row))) {
      out.add(
        `${at}.row`,
        'condition_row',
        `Điều kiện hiển thị của ${label.vi} nêu dòng "${shown(row)}" không có trong câu "${target.code}".`,
        `The display condition of ${label.en} names row "${shown(row)}", which question "${target.code}" does not have.`,
        owner,
      );
      return;
    }
    if (row === undefined && op !== 'answered') {
      out.add(
        `${at}.row`,
        'condition_row',
        `Điều kiện hiển thị của ${label.vi} so sánh với câu dạng bảng "${target.code}": cần nêu dòng (row).`,
        `The display condition of ${label.en} compares a matrix ("${target.code}"): it must name a row.`,
        owner,
      );
      return;
    }
  } else if (row !== undefined) {
    out.add(
      `${at}.row`,
      'condition_row',
      `Điều kiện hiển thị của ${label.vi} nêu dòng, nhưng câu "${target.code}" không phải dạng bảng.`,
      `The display condition of ${label.en} names a row, but "${target.code}" is not a matrix.`,
      owner,
    );
    return;
  }

  if (op === 'answered') {
    if (value !== undefined && typeof value !== 'boolean')
      bad('phép "answered" chỉ nhận giá trị có/không.', 'operator "answered" takes only true or false.');
    return;
  }
  const kind = target.kind;
  const scaleLike = kind === 'likert5' || kind === 'matrix';
  if ((op === 'gte' || op === 'lte') && !(scaleLike || kind === 'number')) {
    bad(
      `phép "${op}" chỉ dùng được với thang 5 mức hoặc câu trả lời là số; câu "${target.code}" không phải.`,
      `operator "${op}" applies only to scales and numbers; "${target.code}" is neither.`,
    );
    return;
  }
  const values = op === 'in' ? value : [value];
  if (!Array.isArray(values) || values.length === 0) {
    bad('phép "in" cần một danh sách giá trị.', 'operator "in" needs a list of values.');
    return;
  }
  const allowNa =
    scaleLike && (target as Likert5Item | MatrixItem).allowNa === true && op !== 'gte' && op !== 'lte';
  for (const v of values) {
    if (scaleLike) {
      if (!(isScaleValue(v) || (allowNa && v === 'na')))
        bad(
          `giá trị "${shown(v)}" không thuộc thang 1–5${allowNa ? ' (hoặc "na")' : ''} của câu "${target.code}".`,
          `value "${shown(v)}" is not on the 1–5 scale${allowNa ? ' (or "na")' : ''} of "${target.code}".`,
        );
    } else if (kind === 'single' || kind === 'multiple') {
      if (!isString(v) || !arr(target.choices).some((c) => c?.code === v))
        bad(
          `"${shown(v)}" không phải mã phương án của câu "${target.code}".`,
          `"${shown(v)}" is not a choice code of "${target.code}".`,
        );
    } else if (kind === 'number') {
      if (!isFiniteNumber(v))
        bad(
          `câu "${target.code}" là câu trả lời bằng số: giá trị so sánh phải là số.`,
          `"${target.code}" takes a number: the value compared must be a number.`,
        );
    } else if (!isString(v))
      bad(
        `câu "${target.code}" là câu trả lời bằng chữ: giá trị so sánh phải là chữ.`,
        `"${target.code}" takes text: the value compared must be text.`,
      );
  }
}

/** The wording of an item cut for a message, in both languages (English falls back to Vietnamese). */
export function itemWording(item: { text?: Text }): Text {
  const vi = isString(item.text?.vi) ? item.text.vi : '';
  const en = isString(item.text?.en) && item.text.en.trim() ? item.text.en : vi;
  return { vi: shorten(vi), en: shorten(en) };
}
