/**
 * Survey indices: their formulas as versioned data (`IndexConfig`, shipped with each template in ../data), their
 * checks, and their computation over every response in one pass. Pure.
 *
 * **Formulas** (each over a set of items chosen by code, element or index key; values on 0–100):
 * - `share_top2`: the share of answers 4–5 ("hài lòng" + "rất hài lòng", "đồng ý" + "hoàn toàn đồng ý") among the
 *   valid answers 1–5 of the selected scale cells — "không ý kiến" excluded — × 100. The common reading of the
 *   SIPAS indices (domain notes §4: "commonly share of satisfied + very satisfied" [?]); the province's PAR sets
 *   score their survey criteria this way ("tỷ lệ hài lòng và rất hài lòng × điểm tối đa", ../../parindex/data).
 * - `mean_x20`: the mean of the valid answers 1–5 × 20 (so 20–100) — a scale some provinces publish instead [?].
 * - `share_choice`: the share of answered `single`/`multiple` items on which one of `choices` was chosen × 100
 *   (DDCI's "informal costs": the share of businesses saying they did not pay).
 * Answers are pooled over the selected cells: a SIPAS element of 4 criteria answered by 100 people is a share of
 * (up to) 400 answers. The interval accounts for one person giving several answers (./sampling.ts, ratio
 * estimator): a share through Wilson at the effective size, a mean through the normal approximation with the
 * finite-population correction when the unit's population is given.
 *
 * **Overall** (optional): `mean_of_indices` — the (weighted) average of component indices, SIPAS practice for the
 * overall satisfaction index: the average of its 5 elements (2640/QĐ-BNV as reported in the SIPAS reports [?];
 * weights equal unless given); its interval is the average of the components' bounds (a cautious
 * approximation: it assumes the components move together). Or `pooled` — the components' formula over all their
 * cells at once (every component must use the same formula, and not `share_choice`).
 *
 * **Small groups are suppressed**: a cell (a group × an index) with fewer than `minGroupSize` respondents
 * (default 5) has `suppressed: true` and no value or interval — with fewer people, an officer could guess who
 * said what. "Respondents" are responses with at least one valid answer in the index — one person's 22 rows never
 * count as 22. An overall average is suppressed when any of its components is. (Complementary suppression —
 * deriving a hidden unit from the province's total and the other units — is the report's concern.)
 *
 * **Speed**: the selection is compiled once into slots per item and row; each response is read once, each of
 * its answers touches only its slots, so 100,000 SIPAS responses (22 criteria) take a fraction of a second.
 */
import type { NormalisedAnswers } from './answers.js';
import {
  CODE_PATTERN,
  flattenItems,
  isScaleValue,
  scaleCells,
  type SurveyDefinition,
  type SurveyItem,
} from './definition.js';
import { ratioMeanInterval, ratioProportionInterval, Z_95, type RatioSums } from './sampling.js';
import { isFiniteNumber, isObject, isString, isText, nums, round2, type Problem, type Text } from './text.js';

export const INDEX_FORMULAS = ['share_top2', 'mean_x20', 'share_choice'] as const;
export type IndexFormula = (typeof INDEX_FORMULAS)[number];

export const OVERALL_METHODS = ['mean_of_indices', 'pooled'] as const;
export type OverallMethod = (typeof OVERALL_METHODS)[number];

/** Fewer respondents than this in a cell: no value is shown. */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * Which items an index reads: the union of those named by code (an item; a matrix item means all its rows; a
 * matrix row's own code means that row), by element, or by index key (a row inherits its item's tags).
 */
export type ItemSelector = { codes?: string[]; elements?: string[]; indexKeys?: string[] };

export type IndexSpec = {
  /** Stable, unique in the config ("tiep_can", "3.6.1"). */
  key: string;
  name: Text;
  formula: IndexFormula;
  select: ItemSelector;
  /** For `share_choice`: the choice codes that count as a "yes". */
  choices?: string[];
  note?: Text;
  /** false where the formula is this installation's reading, not a published method. */
  confirmed?: boolean;
};

export type OverallSpec = {
  key: string;
  name: Text;
  method: OverallMethod;
  /** The keys of the component indices. */
  of: string[];
  /** For `mean_of_indices`: one weight > 0 per component (default: equal). */
  weights?: number[];
  note?: Text;
  confirmed?: boolean;
};

/** A versioned set of index formulas for one survey definition. */
export type IndexConfig = {
  key: string;
  version: number;
  title: Text;
  /** Where the formulas come from (legal or methodological source), and what is unconfirmed. */
  source: string;
  minGroupSize?: number;
  indices: IndexSpec[];
  overall?: OverallSpec;
  /**
   * The PAR Index criteria this config scores (issue 16 ← 17): in a campaign of the survey's `par_year`, an item
   * of method `survey` in a framework of this unit group takes its points from the index whose key is the item's
   * code ("3.6.1"): points = index value / 100 × the item's maximum.
   */
  par?: { unitGroup: ParUnitGroup };
};

/** The PAR Index's unit groups (../../parindex: frameworks per departments, communes, others). */
export const PAR_UNIT_GROUPS = ['department', 'commune', 'other'] as const;
export type ParUnitGroup = (typeof PAR_UNIT_GROUPS)[number];

// ---------------------------------------------------------------------------------------------------------
// Checks

export type IndexConfigProblemCode =
  | 'config_invalid'
  | 'key_format'
  | 'key_duplicate'
  | 'version_invalid'
  | 'title_required'
  | 'source_required'
  | 'min_group_size'
  | 'indices_empty'
  | 'index_invalid'
  | 'name_required'
  | 'formula_unknown'
  | 'select_empty'
  | 'select_unknown'
  | 'select_kind'
  | 'select_matches_nothing'
  | 'choices_required'
  | 'choices_unexpected'
  | 'choice_unknown'
  | 'overall_method'
  | 'overall_of'
  | 'overall_weights'
  | 'overall_pooled_formula'
  | 'par_unit_group';

export type IndexConfigProblem = Problem<IndexConfigProblemCode>;

const SCALE_FORMULAS: ReadonlySet<string> = new Set(['share_top2', 'mean_x20']);
const isChoiceItem = (item: SurveyItem) => item.kind === 'single' || item.kind === 'multiple';
const stringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** A resolved selection: the scale cells (item, row or null) or the choice items an index reads. */
type Selection = { scale: { item: string; row: string | null }[]; choice: SurveyItem[] };

function resolveSelection(def: SurveyDefinition, select: ItemSelector, formula: IndexFormula): Selection {
  const codes = new Set(select.codes ?? []);
  const elements = new Set(select.elements ?? []);
  const keys = new Set(select.indexKeys ?? []);
  const out: Selection = { scale: [], choice: [] };
  for (const { item } of flattenItems(def)) {
    if (SCALE_FORMULAS.has(formula)) {
      for (const cell of scaleCells(item))
        if (
          codes.has(cell.code) ||
          codes.has(cell.item) ||
          (cell.element !== null && elements.has(cell.element)) ||
          (cell.indexKey !== null && keys.has(cell.indexKey))
        )
          out.scale.push({ item: cell.item, row: cell.row });
    } else if (
      isChoiceItem(item) &&
      (codes.has(item.code) ||
        (item.element !== undefined && elements.has(item.element)) ||
        (item.indexKey !== undefined && keys.has(item.indexKey)))
    )
      out.choice.push(item);
  }
  return out;
}

/** The problems of an index config for a definition (the definition itself sound); empty: it can be used. */
export function checkIndexConfig(config: IndexConfig, def: SurveyDefinition): IndexConfigProblem[] {
  const problems: IndexConfigProblem[] = [];
  const add = (at: string, problem: IndexConfigProblemCode, vi: string, en: string) =>
    problems.push({ at, problem, message: { vi, en } });
  const c = config as unknown;
  if (!isObject(c)) {
    add(
      '',
      'config_invalid',
      'Cấu hình chỉ số không đúng cấu trúc.',
      'The index configuration is malformed.',
    );
    return problems;
  }
  if (!isString(c.key) || !CODE_PATTERN.test(c.key))
    add('key', 'key_format', 'Mã cấu hình chỉ số không đúng dạng.', 'The configuration key is malformed.');
  if (!Number.isInteger(c.version) || (c.version as number) < 1)
    add(
      'version',
      'version_invalid',
      'Phiên bản cấu hình chỉ số phải là số nguyên từ 1.',
      'The configuration version must be a whole number from 1.',
    );
  if (!isText(c.title))
    add(
      'title',
      'title_required',
      'Cấu hình chỉ số chưa có tên (tiếng Việt).',
      'The configuration has no title (in Vietnamese).',
    );
  if (!isString(c.source) || !c.source.trim())
    add(
      'source',
      'source_required',
      'Cấu hình chỉ số cần nêu căn cứ (văn bản, phương pháp) của công thức.',
      'The configuration must cite the source (legal text, method) of its formulas.',
    );
  if (
    c.par !== undefined &&
    !(isObject(c.par) && (PAR_UNIT_GROUPS as readonly unknown[]).includes(c.par.unitGroup))
  )
    add(
      'par.unitGroup',
      'par_unit_group',
      'Nhóm đơn vị của Chỉ số CCHC phải là sở, ngành (department), xã (commune) hoặc đơn vị khác (other).',
      'The PAR Index unit group must be departments (department), communes (commune) or others (other).',
    );
  if (c.minGroupSize !== undefined && (!Number.isInteger(c.minGroupSize) || (c.minGroupSize as number) < 1))
    add(
      'minGroupSize',
      'min_group_size',
      'Số người trả lời tối thiểu để hiện kết quả phải là số nguyên từ 1.',
      'The minimum number of respondents to show a result must be a whole number from 1.',
    );

  const allCodes = new Map<string, SurveyItem>();
  for (const { item } of flattenItems(def)) {
    allCodes.set(item.code, item);
    if (item.kind === 'matrix') for (const r of item.rows) allCodes.set(r.code, item);
  }

  const formulas = new Map<string, IndexFormula>();
  const keys = new Set<string>();
  if (!Array.isArray(c.indices) || c.indices.length === 0)
    add('indices', 'indices_empty', 'Cấu hình chưa có chỉ số nào.', 'The configuration has no indices.');
  else
    c.indices.forEach((raw: unknown, i: number) => {
      const at = `indices[${i}]`;
      if (!isObject(raw)) {
        add(at, 'index_invalid', `Chỉ số thứ ${i + 1} không đúng cấu trúc.`, `Index ${i + 1} is malformed.`);
        return;
      }
      const key = isString(raw.key) ? raw.key : '';
      if (!CODE_PATTERN.test(key))
        add(
          `${at}.key`,
          'key_format',
          `Mã chỉ số "${key}" không đúng dạng.`,
          `Index key "${key}" is malformed.`,
        );
      else if (keys.has(key))
        add(
          `${at}.key`,
          'key_duplicate',
          `Mã chỉ số "${key}" bị trùng.`,
          `Index key "${key}" is used more than once.`,
        );
      keys.add(key);
      if (!isText(raw.name))
        add(
          `${at}.name`,
          'name_required',
          `Chỉ số "${key}" chưa có tên (tiếng Việt).`,
          `Index "${key}" has no name (in Vietnamese).`,
        );
      const formula = raw.formula;
      if (!isString(formula) || !(INDEX_FORMULAS as readonly string[]).includes(formula)) {
        add(
          `${at}.formula`,
          'formula_unknown',
          `Chỉ số "${key}" dùng công thức "${String(formula)}" không được hỗ trợ (share_top2, mean_x20, share_choice).`,
          `Index "${key}" uses unsupported formula "${String(formula)}" (share_top2, mean_x20, share_choice).`,
        );
        return;
      }
      formulas.set(key, formula as IndexFormula);
      checkSelect(add, `${at}`, key, raw, formula as IndexFormula, def, allCodes);
    });

  if (c.overall !== undefined) checkOverall(add, c.overall, keys, formulas);
  return problems;
}

type Add = (at: string, problem: IndexConfigProblemCode, vi: string, en: string) => void;

function checkSelect(
  add: Add,
  at: string,
  key: string,
  raw: Record<string, unknown>,
  formula: IndexFormula,
  def: SurveyDefinition,
  allCodes: Map<string, SurveyItem>,
): void {
  const select = raw.select;
  const lists = isObject(select) ? [select.codes, select.elements, select.indexKeys] : [];
  if (
    !isObject(select) ||
    !lists.every((l) => l === undefined || stringList(l)) ||
    lists.every((l) => l === undefined || (l as string[]).length === 0)
  ) {
    add(
      `${at}.select`,
      'select_empty',
      `Chỉ số "${key}" chưa chọn câu hỏi nào (theo mã, nhóm hoặc khóa chỉ số).`,
      `Index "${key}" selects no questions (by code, element or index key).`,
    );
    return;
  }
  const sel = select as ItemSelector;
  for (const code of sel.codes ?? []) {
    const item = allCodes.get(code);
    if (!item) {
      add(
        `${at}.select.codes`,
        'select_unknown',
        `Chỉ số "${key}" chọn câu "${code}" không có trong phiếu.`,
        `Index "${key}" selects "${code}", which is not in the survey.`,
      );
      continue;
    }
    const fits = SCALE_FORMULAS.has(formula)
      ? item.kind === 'likert5' || item.kind === 'matrix'
      : isChoiceItem(item);
    if (!fits)
      add(
        `${at}.select.codes`,
        'select_kind',
        `Công thức ${formula} của chỉ số "${key}" không áp dụng được cho câu "${code}" (${
          SCALE_FORMULAS.has(formula) ? 'cần câu thang 5 mức hoặc dạng bảng' : 'cần câu lựa chọn'
        }).`,
        `Formula ${formula} of index "${key}" does not apply to "${code}" (${
          SCALE_FORMULAS.has(formula) ? 'a 5-point scale or matrix is needed' : 'a choice question is needed'
        }).`,
      );
  }
  const selection = resolveSelection(def, sel, formula);
  if (selection.scale.length === 0 && selection.choice.length === 0)
    add(
      `${at}.select`,
      'select_matches_nothing',
      `Chỉ số "${key}" không chọn được câu hỏi nào phù hợp với công thức ${formula}.`,
      `Index "${key}" selects no question its formula ${formula} applies to.`,
    );
  if (formula === 'share_choice') {
    if (!stringList(raw.choices) || raw.choices.length === 0) {
      add(
        `${at}.choices`,
        'choices_required',
        `Chỉ số "${key}" (tỷ lệ chọn) cần nêu các phương án được tính.`,
        `Index "${key}" (share choosing) must name the choices that count.`,
      );
      return;
    }
    for (const choice of raw.choices)
      if (
        !selection.choice.some(
          (it) => isChoiceItem(it) && 'choices' in it && it.choices.some((x) => x.code === choice),
        )
      )
        add(
          `${at}.choices`,
          'choice_unknown',
          `Phương án "${choice}" của chỉ số "${key}" không có trong các câu được chọn.`,
          `Choice "${choice}" of index "${key}" is not in the selected questions.`,
        );
  } else if (raw.choices !== undefined)
    add(
      `${at}.choices`,
      'choices_unexpected',
      `Chỉ số "${key}" dùng công thức ${formula}: danh sách phương án chỉ dùng cho share_choice.`,
      `Index "${key}" uses formula ${formula}: a list of choices applies only to share_choice.`,
    );
}

function checkOverall(add: Add, raw: unknown, keys: Set<string>, formulas: Map<string, IndexFormula>): void {
  if (!isObject(raw)) {
    add('overall', 'overall_method', 'Chỉ số chung không đúng cấu trúc.', 'The overall index is malformed.');
    return;
  }
  const key = isString(raw.key) ? raw.key : '';
  if (!CODE_PATTERN.test(key))
    add(
      'overall.key',
      'key_format',
      `Mã chỉ số chung "${key}" không đúng dạng.`,
      `Overall index key "${key}" is malformed.`,
    );
  else if (keys.has(key))
    add(
      'overall.key',
      'key_duplicate',
      `Mã chỉ số chung "${key}" trùng với một chỉ số.`,
      `Overall index key "${key}" repeats an index's key.`,
    );
  if (!isText(raw.name))
    add(
      'overall.name',
      'name_required',
      'Chỉ số chung chưa có tên (tiếng Việt).',
      'The overall index has no name (in Vietnamese).',
    );
  if (!isString(raw.method) || !(OVERALL_METHODS as readonly string[]).includes(raw.method)) {
    add(
      'overall.method',
      'overall_method',
      `Cách tính chỉ số chung "${String(raw.method)}" không được hỗ trợ (mean_of_indices, pooled).`,
      `Overall method "${String(raw.method)}" is not supported (mean_of_indices, pooled).`,
    );
    return;
  }
  const of = raw.of;
  if (
    !stringList(of) ||
    of.length === 0 ||
    new Set(of).size !== of.length ||
    of.some((k) => !formulas.has(k))
  ) {
    add(
      'overall.of',
      'overall_of',
      'Chỉ số chung phải nêu các chỉ số thành phần (mỗi mã một lần, đều có trong cấu hình).',
      'The overall index must list its component indices (each once, all in the configuration).',
    );
    return;
  }
  if (raw.weights !== undefined) {
    const w = raw.weights;
    if (
      raw.method !== 'mean_of_indices' ||
      !Array.isArray(w) ||
      w.length !== of.length ||
      !w.every((x) => isFiniteNumber(x) && x > 0)
    )
      add(
        'overall.weights',
        'overall_weights',
        `Trọng số của chỉ số chung phải là ${nums(of.length).vi} số dương, mỗi thành phần một số (chỉ với cách tính trung bình).`,
        `The overall weights must be ${nums(of.length).en} positive numbers, one per component (mean of indices only).`,
      );
  }
  if (raw.method === 'pooled') {
    const used = new Set(of.map((k) => formulas.get(k)));
    if (used.size !== 1 || used.has('share_choice'))
      add(
        'overall.method',
        'overall_pooled_formula',
        'Chỉ số chung gộp (pooled) cần các thành phần cùng một công thức share_top2 hoặc mean_x20.',
        'A pooled overall index needs components sharing one formula, share_top2 or mean_x20.',
      );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Computation

/** One response as the indices read it: its canonical answers and the group (unit, channel…) it counts in. */
export type IndexResponse = { group?: string | null; answers: Readonly<NormalisedAnswers> };

export type IndexCell = {
  key: string;
  name: Text;
  formula: IndexFormula | OverallMethod;
  /** Fewer respondents than the minimum: no value, no interval. */
  suppressed: boolean;
  /** 0–100 (share × 100, or mean × 20), two decimals. */
  value: number | null;
  /**
   * The same, unrounded: for figures computed from it (a PAR Index criterion's points: 10 of 12 satisfied × 3 is
   * 2,5 points, where 83,33% × 3 would snap down to 2,25). People read `value`.
   */
  exact: number | null;
  /** The 95% interval on the same scale, two decimals. */
  ci: { low: number; high: number } | null;
  /** Responses with at least one valid answer counted. */
  respondents: number;
  /** Valid answers counted (cells × respondents, "không ý kiến" excluded). */
  answers: number;
};

export type GroupResult = { group: string | null; responses: number; cells: IndexCell[] };

export type IndexResults = {
  config: string;
  version: number;
  minGroupSize: number;
  /** Every response. */
  all: GroupResult;
  /** One per group named by the responses, sorted by group. */
  groups: GroupResult[];
};

export type ComputeOptions = {
  /** Overrides the config's `minGroupSize`. */
  minGroupSize?: number;
  /** Populations (people served) for the finite-population correction of means: of all, and per group. */
  populations?: { all?: number; groups?: Readonly<Record<string, number>> };
  z?: number;
};

export class IndexConfigError extends Error {
  constructor(readonly problems: IndexConfigProblem[]) {
    super(`index configuration is not usable: ${problems.map((p) => `${p.at}: ${p.problem}`).join('; ')}`);
    this.name = 'IndexConfigError';
  }
}

const F_TOP2 = 0;
const F_MEAN = 1;
const F_CHOICE = 2;
const F_PRESENCE = 3;
const FORMULA_CODE: Record<IndexFormula, number> = {
  share_top2: F_TOP2,
  mean_x20: F_MEAN,
  share_choice: F_CHOICE,
};
const STATS = 6; // n, m, y, yy, mm, ym

type ItemPlan =
  | { code: string; kind: 'likert'; slots: number[] }
  | { code: string; kind: 'matrix'; rows: { row: string; slots: number[] }[] }
  | { code: string; kind: 'choice'; slots: number[] };

type Plan = {
  items: ItemPlan[];
  formula: Uint8Array;
  choices: (ReadonlySet<string> | null)[];
  /** For a mean-of-indices overall: the slot counting its respondents, and its components' slots. */
  presence: { slot: number; of: number[] } | null;
  slotCount: number;
};

function compile(def: SurveyDefinition, config: IndexConfig): Plan {
  const specs = config.indices;
  const overall = config.overall;
  const pooled = overall?.method === 'pooled';
  const slotCount = specs.length + (overall ? 1 : 0);
  const formula = new Uint8Array(slotCount);
  const choices: (ReadonlySet<string> | null)[] = new Array<ReadonlySet<string> | null>(slotCount).fill(null);
  const slotsOfCell = new Map<string, number[]>(); // "item\u0000row" → slots
  const cellKey = (item: string, row: string | null) => `${item}\u0000${row ?? ''}`;
  const addCell = (item: string, row: string | null, slot: number) => {
    const k = cellKey(item, row);
    const list = slotsOfCell.get(k);
    if (!list) slotsOfCell.set(k, [slot]);
    else if (!list.includes(slot)) list.push(slot);
  };
  const select = (spec: { formula: IndexFormula; select: ItemSelector }, slot: number) => {
    const sel = resolveSelection(def, spec.select, spec.formula);
    for (const c of sel.scale) addCell(c.item, c.row, slot);
    for (const it of sel.choice) addCell(it.code, null, slot);
  };
  specs.forEach((spec, i) => {
    formula[i] = FORMULA_CODE[spec.formula];
    if (spec.formula === 'share_choice') choices[i] = new Set(spec.choices ?? []);
    select(spec, i);
  });
  let presence: Plan['presence'] = null;
  if (overall) {
    const slot = specs.length;
    const of = overall.of.map((k) => specs.findIndex((s) => s.key === k));
    if (pooled) {
      const first = specs[of[0]!]!;
      formula[slot] = FORMULA_CODE[first.formula];
      for (const i of of) select(specs[i]!, slot);
    } else {
      formula[slot] = F_PRESENCE;
      presence = { slot, of };
    }
  }
  const items: ItemPlan[] = [];
  for (const { item } of flattenItems(def)) {
    if (item.kind === 'likert5' || isChoiceItem(item)) {
      const slots = slotsOfCell.get(cellKey(item.code, null));
      if (slots) items.push({ code: item.code, kind: item.kind === 'likert5' ? 'likert' : 'choice', slots });
    } else if (item.kind === 'matrix') {
      const rows = item.rows
        .map((r) => ({ row: r.code, slots: slotsOfCell.get(cellKey(item.code, r.code)) ?? [] }))
        .filter((r) => r.slots.length > 0);
      if (rows.length) items.push({ code: item.code, kind: 'matrix', rows });
    }
  }
  return { items, formula, choices, presence, slotCount };
}

/**
 * Computes every index of `config` over the responses, for all of them and for each group, in one pass. Throws
 * `IndexConfigError` when the config does not fit the definition (check it with `checkIndexConfig` on save).
 * Answers are read as `normaliseAnswers` stores them; anything else (a value outside 1–5, a malformed matrix)
 * is not counted.
 */
export function computeIndices(
  def: SurveyDefinition,
  config: IndexConfig,
  responses: Iterable<IndexResponse>,
  options: ComputeOptions = {},
): IndexResults {
  const problems = checkIndexConfig(config, def);
  if (problems.length) throw new IndexConfigError(problems);
  const minGroupSize = options.minGroupSize ?? config.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
    throw new RangeError(`minGroupSize must be a whole number ≥ 1 (got ${minGroupSize})`);
  const plan = compile(def, config);
  const { slotCount, formula, choices, presence } = plan;

  const width = slotCount * STATS;
  const allAcc = new Float64Array(width);
  let allResponses = 0;
  const groups = new Map<string, { acc: Float64Array; responses: number }>();

  const mScratch = new Float64Array(slotCount);
  const yScratch = new Float64Array(slotCount);
  const touched = new Int32Array(slotCount);
  const isTouched = new Uint8Array(slotCount);
  let touchedCount = 0;

  const addScale = (slots: number[], v: number) => {
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k]!;
      mScratch[s]! += 1;
      yScratch[s]! += formula[s] === F_MEAN ? v : v >= 4 ? 1 : 0;
      if (!isTouched[s]) {
        isTouched[s] = 1;
        touched[touchedCount++] = s;
      }
    }
  };
  const fold = (acc: Float64Array, s: number, m: number, y: number) => {
    const o = s * STATS;
    acc[o]! += 1;
    acc[o + 1]! += m;
    acc[o + 2]! += y;
    acc[o + 3]! += y * y;
    acc[o + 4]! += m * m;
    acc[o + 5]! += y * m;
  };

  for (const response of responses) {
    const answers = response.answers as Record<string, unknown>;
    if (!isObject(answers)) continue;
    allResponses++;
    const groupKey = response.group ?? null;
    let group: { acc: Float64Array; responses: number } | null = null;
    if (groupKey !== null) {
      group = groups.get(groupKey) ?? null;
      if (!group) {
        group = { acc: new Float64Array(width), responses: 0 };
        groups.set(groupKey, group);
      }
      group.responses++;
    }
    for (let p = 0; p < plan.items.length; p++) {
      const ip = plan.items[p]!;
      const v = answers[ip.code];
      if (v === undefined || v === null) continue;
      if (ip.kind === 'likert') {
        if (isScaleValue(v)) addScale(ip.slots, v);
      } else if (ip.kind === 'matrix') {
        if (!isObject(v)) continue;
        for (let r = 0; r < ip.rows.length; r++) {
          const row = ip.rows[r]!;
          const cv = v[row.row];
          if (isScaleValue(cv)) addScale(row.slots, cv);
        }
      } else {
        const chosen = isString(v) && v !== '' ? [v] : Array.isArray(v) && v.length > 0 ? v : null;
        if (!chosen) continue;
        for (let k = 0; k < ip.slots.length; k++) {
          const s = ip.slots[k]!;
          const yes = choices[s]!;
          mScratch[s]! += 1;
          if (chosen.some((c) => yes.has(c as string))) yScratch[s]! += 1;
          if (!isTouched[s]) {
            isTouched[s] = 1;
            touched[touchedCount++] = s;
          }
        }
      }
    }
    if (presence && presence.of.some((s) => isTouched[s])) {
      mScratch[presence.slot] = 1;
      isTouched[presence.slot] = 1;
      touched[touchedCount++] = presence.slot;
    }
    for (let t = 0; t < touchedCount; t++) {
      const s = touched[t]!;
      const m = mScratch[s]!;
      const y = yScratch[s]!;
      fold(allAcc, s, m, y);
      if (group) fold(group.acc, s, m, y);
      mScratch[s] = 0;
      yScratch[s] = 0;
      isTouched[s] = 0;
    }
    touchedCount = 0;
  }

  const z = options.z ?? Z_95;
  const finish = (groupKey: string | null, acc: Float64Array, count: number): GroupResult => {
    const population = groupKey === null ? options.populations?.all : options.populations?.groups?.[groupKey];
    return {
      group: groupKey,
      responses: count,
      cells: cellsOf(config, plan, acc, minGroupSize, population, z),
    };
  };
  return {
    config: config.key,
    version: config.version,
    minGroupSize,
    all: finish(null, allAcc, allResponses),
    groups: [...groups.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => finish(k, groups.get(k)!.acc, groups.get(k)!.responses)),
  };
}

const sumsAt = (acc: Float64Array, s: number): RatioSums => {
  const o = s * STATS;
  return { n: acc[o]!, m: acc[o + 1]!, y: acc[o + 2]!, yy: acc[o + 3]!, mm: acc[o + 4]!, ym: acc[o + 5]! };
};

type Raw = { value: number; low: number; high: number } | null;

function estimate(
  f: number,
  sums: RatioSums,
  minGroupSize: number,
  population: number | undefined,
  z: number,
): Raw {
  if (sums.n < minGroupSize || sums.n === 0) return null;
  if (f === F_MEAN) {
    const pop = population !== undefined && population >= sums.n ? population : undefined;
    const e = ratioMeanInterval(
      sums,
      pop === undefined ? { min: 1, max: 5, z } : { min: 1, max: 5, z, populationSize: pop },
    );
    return e && { value: e.estimate * 20, low: e.low * 20, high: e.high * 20 };
  }
  const e = ratioProportionInterval(sums, z);
  return e && { value: e.estimate * 100, low: e.low * 100, high: e.high * 100 };
}

function cell(
  key: string,
  name: Text,
  formula: IndexCell['formula'],
  raw: Raw,
  respondents: number,
  answers: number,
): IndexCell {
  return {
    key,
    name,
    formula,
    suppressed: raw === null,
    value: raw ? round2(raw.value) : null,
    exact: raw ? raw.value : null,
    ci: raw ? { low: round2(raw.low), high: round2(raw.high) } : null,
    respondents,
    answers,
  };
}

function cellsOf(
  config: IndexConfig,
  plan: Plan,
  acc: Float64Array,
  minGroupSize: number,
  population: number | undefined,
  z: number,
): IndexCell[] {
  const raws: Raw[] = [];
  const cells = config.indices.map((spec, i) => {
    const sums = sumsAt(acc, i);
    const raw = estimate(plan.formula[i]!, sums, minGroupSize, population, z);
    raws.push(raw);
    return cell(spec.key, spec.name, spec.formula, raw, sums.n, sums.m);
  });
  const overall = config.overall;
  if (!overall) return cells;
  const slot = config.indices.length;
  const sums = sumsAt(acc, slot);
  if (overall.method === 'pooled') {
    cells.push(
      cell(
        overall.key,
        overall.name,
        'pooled',
        estimate(plan.formula[slot]!, sums, minGroupSize, population, z),
        sums.n,
        sums.m,
      ),
    );
    return cells;
  }
  const of = plan.presence!.of;
  const weights = overall.weights ?? of.map(() => 1);
  const parts = of.map((i) => raws[i]!);
  const answers = of.reduce((a, i) => a + sumsAt(acc, i).m, 0);
  let raw: Raw = null;
  if (sums.n >= minGroupSize && parts.every((p) => p !== null)) {
    const total = weights.reduce((a, b) => a + b, 0);
    const avg = (pick: (p: NonNullable<Raw>) => number) =>
      parts.reduce((a, p, k) => a + weights[k]! * pick(p!), 0) / total;
    raw = { value: avg((p) => p.value), low: avg((p) => p.low), high: avg((p) => p.high) };
  }
  cells.push(cell(overall.key, overall.name, 'mean_of_indices', raw, sums.n, answers));
  return cells;
}
