/**
 * A criteria framework as spreadsheet rows, both ways (XLSX import and export; the workbook library is applied
 * elsewhere — these are plain cells: string, number or null). Pure.
 *
 * Provinces issue their sets as tables (QĐ 3323/QĐ-UBND, Nghệ An 2023: 7 fields, 48 criteria, 89 sub-criteria),
 * so the standing agency keeps them in Excel: it exports a version, edits it, imports it as the next version.
 *
 * **Sheet 1, the items** (`items`): row 1 is the header, Vietnamese with English in brackets; columns are found
 * by their header text (accents, case and a trailing "*" ignored; the Vietnamese or English part alone is
 * enough), so their order is free and unknown columns are ignored:
 *
 * | column                                   | holds                                                              |
 * | ---------------------------------------- | ------------------------------------------------------------------ |
 * | Mã (Code) *                              | "1" field, "1.2" criterion, "1.2.3" sub-criterion, "B1" bonus, "P1" penalty — the level is the number of dots |
 * | Nội dung (Content) *                     | the name in Vietnamese                                             |
 * | Nội dung tiếng Anh (Content in English)  | the name in English (may be empty)                                 |
 * | Điểm tối đa (Max points) *               | the maximum; for a bonus or penalty item, its cap. "1,5" or "1.5"   |
 * | Phương thức (Method)                     | Tự chấm / Tính từ dữ liệu / Điều tra XHH (or Self-assessed / Computed from data / Survey, or self / computed / survey) |
 * | Nguồn dữ liệu (Data source)              | a label of ./computed.ts `COMPUTE_SOURCE_LABELS` (either language) or its key |
 * | Công thức (Formula)                      | see the grammar below                                              |
 * | Hướng dẫn chấm (Guidance)                | how to score it                                                    |
 * | Tài liệu kiểm chứng (Evidence)           | the evidence documents required                                   |
 * | Bước điểm (Step)                         | the smallest fraction of a point (default 0,25)                    |
 * | Chưa xác nhận (Unconfirmed)              | "x" where the points are this installation's assumption           |
 * | Khi không phát sinh (When no data)       | Đủ điểm / 0 điểm / Hội đồng chấm (Full points / No points / Council scores; full / zero / manual) |
 * | Hướng dẫn chấm tiếng Anh (Guidance in English), Tài liệu kiểm chứng tiếng Anh (Evidence in English) | the English texts |
 *
 * Method, source, formula, step and "when no data" belong to scored items only (a sub-criterion, or a criterion
 * without sub-criteria); a field row takes only code, names and maximum. Rows whose cells are all empty are skipped;
 * a row comes after its parent's.
 *
 * **Formula grammar** (keywords in Vietnamese or English, accents and case ignored; a rate or share is a decimal
 * within 0–1 with "," or "." as the decimal mark, or a percentage: "0,9" = "0.9" = "90%"):
 *
 *     formula   := linear | bands | threshold
 *     linear    := ("linear" | "tuyến tính") [ ("từ" | "from") rate ]       e.g. "linear", "linear từ 0,5"
 *     bands     := ("bậc" | "bands") rate ":" share { ";" rate ":" share }   e.g. "bậc 1:1; 0,9:0,5"
 *     threshold := ("đạt" | "reach" | "all_or_nothing") rate                  e.g. "đạt 1"
 *
 * Exported formulas use the Vietnamese keywords and decimal commas, exactly as above.
 *
 * **Sheet 2, grades and settings** (`settings`): header Loại (Kind) | Mã (Code) | Tên (Name) | Tên tiếng Anh
 * (Name in English) | Giá trị (Value); one row per grade band, highest first (kind "Xếp loại"/"Grade", value the
 * lowest index in %), and one per setting (kind "Thiết lập"/"Setting", code `bonusCap`, `penaltyCap` or
 * `rescaleWithoutSurvey`; value a number, or Có/Không for the last). A missing cap is 0 when there are no items
 * of its kind; a missing rescale flag is "Không".
 *
 * **All or nothing**: every problem is reported (sheet, worksheet row as Excel numbers it, column header) and any
 * problem refuses the whole import; the tree built is then checked like any framework (./framework.ts).
 */
import { foldText } from '../../../core/fold.js';
import { COMPUTE_SOURCE_LABELS } from './computed.js';
import { checkFramework, type FrameworkProblem } from './framework.js';
import {
  COMPUTE_SOURCES,
  WHEN_NO_DATA,
  type AdjustmentItem,
  type ComputeSource,
  type Criterion,
  type Field,
  type Formula,
  type FrameworkTree,
  type GradeBand,
  type ScoredItem,
  type ScoringMethod,
  type Text,
  type WhenNoData,
} from './framework-types.js';
import { levelOf } from './labels.js';
import { formatNumber } from './numbers.js';

export type Cell = string | number | null;
export type SheetRow = Cell[];
/** The two sheets' rows, header first. */
export type FrameworkSheets = { items: SheetRow[]; settings: SheetRow[] };

export const SHEET_NAMES: Readonly<Record<keyof FrameworkSheets, string>> = {
  items: 'Bộ tiêu chí',
  settings: 'Xếp loại và thiết lập',
};

/** The most rows a framework sheet may have (the largest sets have about 150 items). */
export const MAX_ROWS = 2000;
const MAX_NAME = 1000;
const MAX_NOTE = 4000;

type Column<K extends string> = { key: K; vi: string; en: string; required?: boolean };
const header = (c: { vi: string; en: string }) => `${c.vi} (${c.en})`;

export const ITEM_COLUMNS = [
  { key: 'code', vi: 'Mã', en: 'Code', required: true },
  { key: 'name', vi: 'Nội dung', en: 'Content', required: true },
  { key: 'nameEn', vi: 'Nội dung tiếng Anh', en: 'Content in English' },
  { key: 'max', vi: 'Điểm tối đa', en: 'Max points', required: true },
  { key: 'method', vi: 'Phương thức', en: 'Method' },
  { key: 'source', vi: 'Nguồn dữ liệu', en: 'Data source' },
  { key: 'formula', vi: 'Công thức', en: 'Formula' },
  { key: 'guidance', vi: 'Hướng dẫn chấm', en: 'Guidance' },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  { key: 'step', vi: 'Bước điểm', en: 'Step' },
  { key: 'unconfirmed', vi: 'Chưa xác nhận', en: 'Unconfirmed' },
  { key: 'whenNoData', vi: 'Khi không phát sinh', en: 'When no data' },
  { key: 'guidanceEn', vi: 'Hướng dẫn chấm tiếng Anh', en: 'Guidance in English' },
  { key: 'evidenceEn', vi: 'Tài liệu kiểm chứng tiếng Anh', en: 'Evidence in English' },
] as const satisfies readonly Column<string>[];
export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];

export const SETTINGS_COLUMNS = [
  { key: 'kind', vi: 'Loại', en: 'Kind', required: true },
  { key: 'code', vi: 'Mã', en: 'Code', required: true },
  { key: 'name', vi: 'Tên', en: 'Name' },
  { key: 'nameEn', vi: 'Tên tiếng Anh', en: 'Name in English' },
  { key: 'value', vi: 'Giá trị', en: 'Value', required: true },
] as const satisfies readonly Column<string>[];
export type SettingsColumnKey = (typeof SETTINGS_COLUMNS)[number]['key'];

export const METHOD_LABELS: Readonly<Record<ScoringMethod, Text>> = {
  self: { vi: 'Tự chấm', en: 'Self-assessed' },
  computed: { vi: 'Tính từ dữ liệu', en: 'Computed from data' },
  survey: { vi: 'Điều tra XHH', en: 'Survey' },
};

export const WHEN_NO_DATA_LABELS: Readonly<Record<WhenNoData, Text>> = {
  full: { vi: 'Đủ điểm', en: 'Full points' },
  zero: { vi: '0 điểm', en: 'No points' },
  manual: { vi: 'Hội đồng chấm', en: 'Council scores' },
};

const KIND_LABELS = {
  grade: { vi: 'Xếp loại', en: 'Grade' },
  setting: { vi: 'Thiết lập', en: 'Setting' },
} as const;

const SETTING_KEYS = ['bonusCap', 'penaltyCap', 'rescaleWithoutSurvey'] as const;
type SettingKey = (typeof SETTING_KEYS)[number];
export const SETTING_LABELS: Readonly<Record<SettingKey, Text>> = {
  bonusCap: { vi: 'Tổng điểm thưởng tối đa', en: 'Cap on total bonus points' },
  penaltyCap: { vi: 'Tổng điểm trừ tối đa', en: 'Cap on total penalty points' },
  rescaleWithoutSurvey: {
    vi: 'Quy đổi về thang điểm đầy đủ khi không có điều tra XHH',
    en: 'Rescale to the full maximum when there is no survey',
  },
};

// ---------------------------------------------------------------------------------------------------------
// Cells

/** Accents, case and spacing ignored ("Điều tra XHH" = "dieu tra xhh"). */
export const fold = foldText;

const cellText = (c: Cell | undefined): string =>
  c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim();
const blank = (c: Cell | undefined) => cellText(c) === '';

/** A decimal as people type it: 1,5 / 1.5 / 1 (a number cell as is); null when it is not one. */
export function parseDecimal(c: Cell | undefined): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  const t = cellText(c).replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** A rate or share: "0,9", "0.9", "1" or "90%"; null when it is not one. */
function parseRate(text: string): number | null {
  const t = text.trim();
  if (t.endsWith('%')) {
    const v = parseDecimal(t.slice(0, -1));
    return v === null ? null : v / 100;
  }
  return parseDecimal(t);
}

/** A rate written the Vietnamese way, exactly (0.955 → "0,955"). */
const rateText = (v: number) => String(v).replace('.', ',');

/** The formula a cell holds (the grammar in the module comment); null when it does not parse. */
export function parseFormula(text: string): Formula | null {
  const t = fold(text);
  let m = /^(?:linear|tuyen tinh)(?:\s+(?:tu|from)\s+(\S+))?$/.exec(t);
  if (m) {
    if (m[1] === undefined) return { type: 'linear' };
    const from = parseRate(m[1]);
    return from === null ? null : { type: 'linear', from };
  }
  m = /^(?:bac|bands)\s+(.+)$/.exec(t);
  if (m) {
    const parts = m[1]!
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    const bands: { min: number; share: number }[] = [];
    for (const part of parts) {
      const pair = /^(\S+)\s*:\s*(\S+)$/.exec(part);
      const min = pair ? parseRate(pair[1]!) : null;
      const share = pair ? parseRate(pair[2]!) : null;
      if (min === null || share === null) return null;
      bands.push({ min, share });
    }
    return bands.length ? { type: 'bands', bands } : null;
  }
  m = /^(?:dat|reach|all_or_nothing|all or nothing)\s+(\S+)$/.exec(t);
  if (m) {
    const min = parseRate(m[1]!);
    return min === null ? null : { type: 'all_or_nothing', min };
  }
  return null;
}

/** A formula as the sheet writes it: "linear", "linear từ 0,5", "bậc 1:1; 0,9:0,5", "đạt 1". */
export function formatFormula(f: Formula): string {
  switch (f.type) {
    case 'linear':
      return f.from === undefined ? 'linear' : `linear từ ${rateText(f.from)}`;
    case 'bands':
      return `bậc ${f.bands.map((b) => `${rateText(b.min)}:${rateText(b.share)}`).join('; ')}`;
    case 'all_or_nothing':
      return `đạt ${rateText(f.min)}`;
  }
}

function lookup<T extends string>(entries: readonly [T, readonly string[]][]): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const [key, names] of entries) for (const name of names) map.set(fold(name), key);
  return (text) => map.get(fold(text)) ?? null;
}

const parseMethod = lookup<ScoringMethod>(
  (Object.keys(METHOD_LABELS) as ScoringMethod[]).map((m) => [
    m,
    [
      m,
      METHOD_LABELS[m].vi,
      METHOD_LABELS[m].en,
      ...({
        self: ['self-assessment', 'self assessed', 'tự đánh giá'],
        computed: ['computed'],
        survey: ['điều tra xã hội học', 'sociological survey'],
      }[m] ?? []),
    ],
  ]),
);
const parseSource = lookup<ComputeSource>(
  COMPUTE_SOURCES.map((s) => [s, [s, COMPUTE_SOURCE_LABELS[s].vi, COMPUTE_SOURCE_LABELS[s].en]]),
);
const parseWhenNoData = lookup<WhenNoData>(
  WHEN_NO_DATA.map((w) => [w, [w, WHEN_NO_DATA_LABELS[w].vi, WHEN_NO_DATA_LABELS[w].en]]),
);
const parseKind = lookup<'grade' | 'setting'>([
  ['grade', ['grade', KIND_LABELS.grade.vi, KIND_LABELS.grade.en]],
  ['setting', ['setting', KIND_LABELS.setting.vi, KIND_LABELS.setting.en]],
]);
const parseSettingKey = lookup<SettingKey>(
  SETTING_KEYS.map((k) => [k, [k, SETTING_LABELS[k].vi, SETTING_LABELS[k].en]]),
);

const TRUE_WORDS = new Set(['x', 'co', 'yes', 'true', '1']);
const FALSE_WORDS = new Set(['', 'khong', 'no', 'false', '0']);
function parseFlag(c: Cell | undefined): boolean | null {
  const t = fold(cellText(c));
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Export

const orNull = (s: string | undefined) => (s ? s : null);

function scoringCells(item: Partial<ScoredItem>): Cell[] {
  return [
    item.method ? METHOD_LABELS[item.method].vi : null,
    item.source ? COMPUTE_SOURCE_LABELS[item.source].vi : null,
    item.formula ? formatFormula(item.formula) : null,
  ];
}

function itemRow(
  code: string,
  name: Text,
  max: number,
  more: {
    scoring?: Partial<ScoredItem>;
    guidance?: Text | undefined;
    evidence?: Text | undefined;
    step?: number | undefined;
    unconfirmed?: boolean;
  },
): SheetRow {
  const s = more.scoring;
  return [
    code,
    name.vi,
    orNull(name.en),
    max,
    ...(s ? scoringCells(s) : [null, null, null]),
    orNull(more.guidance?.vi),
    orNull(more.evidence?.vi),
    more.step ?? null,
    more.unconfirmed ? 'x' : null,
    s?.whenNoData ? WHEN_NO_DATA_LABELS[s.whenNoData].vi : null,
    orNull(more.guidance?.en),
    orNull(more.evidence?.en),
  ];
}

/** The two sheets of a framework version (header rows first). */
export function treeToRows(
  tree: FrameworkTree,
  gradeBands: readonly GradeBand[],
  rescaleWithoutSurvey: boolean,
): FrameworkSheets {
  const items: SheetRow[] = [ITEM_COLUMNS.map(header)];
  for (const field of tree.fields) {
    items.push(itemRow(field.code, field.name, field.maxPoints, {}));
    for (const c of field.criteria) {
      const direct = c.subs.length === 0;
      items.push(
        itemRow(c.code, c.name, c.maxPoints, {
          ...(direct ? { scoring: c, step: c.step } : {}),
          guidance: c.guidance,
          evidence: c.evidence,
          unconfirmed: c.confirmed === false,
        }),
      );
      for (const s of c.subs)
        items.push(
          itemRow(s.code, s.name, s.maxPoints, {
            scoring: s,
            step: s.step,
            guidance: s.guidance,
            evidence: s.evidence,
            unconfirmed: s.confirmed === false,
          }),
        );
    }
  }
  for (const a of [...tree.bonus, ...tree.penalty])
    items.push(itemRow(a.code, a.name, a.cap, { guidance: a.guidance, evidence: a.evidence, step: a.step }));

  const settings: SheetRow[] = [SETTINGS_COLUMNS.map(header)];
  for (const band of gradeBands)
    settings.push([KIND_LABELS.grade.vi, band.code, band.name.vi, orNull(band.name.en), band.minPercent]);
  const setting = (key: SettingKey, value: Cell): SheetRow => [
    KIND_LABELS.setting.vi,
    key,
    SETTING_LABELS[key].vi,
    SETTING_LABELS[key].en,
    value,
  ];
  settings.push(setting('bonusCap', tree.bonusCap));
  settings.push(setting('penaltyCap', tree.penaltyCap));
  settings.push(setting('rescaleWithoutSurvey', rescaleWithoutSurvey ? 'Có' : 'Không'));
  return { items, settings };
}

// ---------------------------------------------------------------------------------------------------------
// Import

export type SheetProblemCode =
  | 'empty'
  | 'too_many_rows'
  | 'header_missing'
  | 'code_required'
  | 'code_format'
  | 'code_duplicate'
  | 'orphan'
  | 'max_required'
  | 'number_invalid'
  | 'method_unknown'
  | 'source_unknown'
  | 'formula_invalid'
  | 'when_no_data_unknown'
  | 'flag_invalid'
  | 'text_too_long'
  | 'not_for_this_row'
  | 'method_on_parent'
  | 'kind_unknown'
  | 'setting_unknown'
  | 'setting_duplicate'
  | 'setting_missing'
  | 'value_required'
  | FrameworkProblem['problem'];

export type SheetProblem = {
  sheet: keyof FrameworkSheets;
  /** The worksheet row, as Excel numbers it (the header is row 1). */
  row: number;
  /** The column's header as printed in the template. */
  column?: string;
  problem: SheetProblemCode;
  message: Text;
};

export type SheetImport = {
  tree: FrameworkTree;
  gradeBands: GradeBand[];
  rescaleWithoutSurvey: boolean;
  /** Any problem refuses the import as a whole. */
  problems: SheetProblem[];
};

type Header<K extends string> = Map<K, number>;

function readHeader<K extends string>(
  sheet: keyof FrameworkSheets,
  row: SheetRow | undefined,
  columns: readonly Column<K>[],
  problems: SheetProblem[],
): Header<K> {
  const names = new Map<string, K>();
  for (const c of columns) for (const n of [header(c), c.vi, c.en]) names.set(fold(n), c.key);
  const found: Header<K> = new Map();
  (row ?? []).forEach((cell, i) => {
    const key = names.get(fold(cellText(cell).replace(/\*+$/, '')));
    if (key !== undefined && !found.has(key)) found.set(key, i);
  });
  for (const c of columns)
    if (c.required && !found.has(c.key))
      problems.push({
        sheet,
        row: 1,
        column: header(c),
        problem: 'header_missing',
        message: {
          vi: `Thiếu cột "${header(c)}" ở dòng tiêu đề (dòng 1) của sheet "${SHEET_NAMES[sheet]}"; hãy dùng đúng mẫu tải về.`,
          en: `Column "${header(c)}" is missing from the header (row 1) of sheet "${SHEET_NAMES[sheet]}"; use the downloaded template.`,
        },
      });
  return found;
}

const ITEM_HEADERS = new Map<ItemColumnKey, string>(ITEM_COLUMNS.map((c) => [c.key, header(c)]));
const SETTINGS_HEADERS = new Map<SettingsColumnKey, string>(SETTINGS_COLUMNS.map((c) => [c.key, header(c)]));

/** Which column a problem of the framework's own check points at. */
function columnOfProblem(problem: FrameworkProblem['problem']): ItemColumnKey {
  if (problem.startsWith('code_')) return 'code';
  if (problem === 'name_required') return 'name';
  if (problem.startsWith('formula_')) return 'formula';
  if (problem.startsWith('source_')) return 'source';
  if (problem.startsWith('method_')) return 'method';
  if (problem === 'step_invalid' || problem === 'max_not_multiple_of_step') return 'step';
  if (problem === 'when_no_data_unknown') return 'whenNoData';
  return 'max';
}

/** Reads the two sheets into a framework version; see the module comment for the layout and the rules. */
export function rowsToTree(sheets: FrameworkSheets): SheetImport {
  const problems: SheetProblem[] = [];
  const fields: Field[] = [];
  const bonus: AdjustmentItem[] = [];
  const penalty: AdjustmentItem[] = [];
  const gradeBands: GradeBand[] = [];
  let rescaleWithoutSurvey = false;
  const caps: Partial<Record<'bonusCap' | 'penaltyCap', number>> = {};
  const tree = (): FrameworkTree => ({
    fields,
    bonus,
    penalty,
    bonusCap: caps.bonusCap ?? 0,
    penaltyCap: caps.penaltyCap ?? 0,
  });

  const itemRows = Array.isArray(sheets?.items) ? sheets.items : [];
  const settingRows = Array.isArray(sheets?.settings) ? sheets.settings : [];
  for (const [sheet, rows] of [
    ['items', itemRows],
    ['settings', settingRows],
  ] as const) {
    if (rows.length > MAX_ROWS + 1)
      problems.push({
        sheet,
        row: MAX_ROWS + 2,
        problem: 'too_many_rows',
        message: {
          vi: `Sheet "${SHEET_NAMES[sheet]}" có quá ${MAX_ROWS} dòng.`,
          en: `Sheet "${SHEET_NAMES[sheet]}" has more than ${MAX_ROWS} rows.`,
        },
      });
  }
  if (problems.length) return { tree: tree(), gradeBands, rescaleWithoutSurvey, problems };

  // -- Sheet 1: the items -------------------------------------------------------------------------------
  const rowOfCode = new Map<string, number>();
  /** Codes whose row already has a problem: the framework's check adds nothing new about them. */
  const reported = new Set<string>();
  const cols = readHeader('items', itemRows[0], ITEM_COLUMNS, problems);
  const itemProblem = (
    row: number,
    key: ItemColumnKey | null,
    problem: SheetProblemCode,
    vi: string,
    en: string,
  ) =>
    problems.push({
      sheet: 'items',
      row,
      ...(key ? { column: ITEM_HEADERS.get(key)! } : {}),
      problem,
      message: { vi, en },
    });

  const fieldsByCode = new Map<string, Field>();
  const criteriaByCode = new Map<string, { criterion: Criterion; row: number; scoringGiven: boolean }>();

  if (!problems.length) {
    let any = false;
    for (let r = 1; r < itemRows.length; r++) {
      const cells = itemRows[r] ?? [];
      const rowNo = r + 1;
      const cell = (key: ItemColumnKey): Cell | undefined => {
        const i = cols.get(key);
        return i === undefined ? undefined : cells[i];
      };
      if ([...cols.values()].every((i) => blank(cells[i]))) continue;
      any = true;
      const before = problems.length;

      const rawCode = cellText(cell('code'));
      if (!rawCode) {
        itemProblem(rowNo, 'code', 'code_required', 'Chưa nhập mã.', 'The code is missing.');
        continue;
      }
      const code = /^[bp]\d+$/i.test(rawCode) ? rawCode.toUpperCase() : rawCode;
      const level = levelOf(code);
      if (!level) {
        itemProblem(
          rowNo,
          'code',
          'code_format',
          `Mã "${rawCode}" không đúng dạng: lĩnh vực 1, 2…; tiêu chí 1.1; tiêu chí thành phần 1.1.1; điểm thưởng B1; điểm trừ P1.`,
          `Code "${rawCode}" is malformed: fields 1, 2…; criteria 1.1; sub-criteria 1.1.1; bonus B1; penalty P1.`,
        );
        continue;
      }
      if (rowOfCode.has(code)) {
        itemProblem(
          rowNo,
          'code',
          'code_duplicate',
          `Mã "${code}" đã có ở dòng ${rowOfCode.get(code)}.`,
          `Code "${code}" is already used on row ${rowOfCode.get(code)}.`,
        );
        continue;
      }

      // Texts
      const name: Text = { vi: cellText(cell('name')), en: cellText(cell('nameEn')) };
      const note = (vi: ItemColumnKey, en: ItemColumnKey): Text | undefined => {
        const t = { vi: cellText(cell(vi)), en: cellText(cell(en)) };
        return t.vi || t.en ? t : undefined;
      };
      const guidance = note('guidance', 'guidanceEn');
      const evidence = note('evidence', 'evidenceEn');
      for (const [key, max] of [
        ['name', MAX_NAME],
        ['nameEn', MAX_NAME],
        ['guidance', MAX_NOTE],
        ['guidanceEn', MAX_NOTE],
        ['evidence', MAX_NOTE],
        ['evidenceEn', MAX_NOTE],
      ] as const)
        if ([...cellText(cell(key))].length > max)
          itemProblem(
            rowNo,
            key,
            'text_too_long',
            `Ô "${ITEM_HEADERS.get(key)}" dài quá ${formatNumber(max, 'vi')} ký tự.`,
            `The "${ITEM_HEADERS.get(key)}" cell is longer than ${formatNumber(max, 'en')} characters.`,
          );

      // Numbers
      let max = NaN;
      if (blank(cell('max')))
        itemProblem(
          rowNo,
          'max',
          'max_required',
          'Chưa nhập điểm tối đa.',
          'The maximum points are missing.',
        );
      else {
        const v = parseDecimal(cell('max') ?? null);
        if (v === null)
          itemProblem(
            rowNo,
            'max',
            'number_invalid',
            `Điểm tối đa "${cellText(cell('max'))}" không phải là số (ví dụ 1,5).`,
            `Max points "${cellText(cell('max'))}" is not a number (e.g. 1.5).`,
          );
        else max = v;
      }
      let step: number | undefined;
      if (!blank(cell('step'))) {
        const v = parseDecimal(cell('step') ?? null);
        if (v === null)
          itemProblem(
            rowNo,
            'step',
            'number_invalid',
            `Bước điểm "${cellText(cell('step'))}" không phải là số (ví dụ 0,25).`,
            `Step "${cellText(cell('step'))}" is not a number (e.g. 0.25).`,
          );
        else step = v;
      }

      // Scoring
      let method: ScoringMethod | undefined;
      if (!blank(cell('method'))) {
        method = parseMethod(cellText(cell('method'))) ?? undefined;
        if (!method)
          itemProblem(
            rowNo,
            'method',
            'method_unknown',
            `Phương thức "${cellText(cell('method'))}" không hợp lệ: ghi Tự chấm, Tính từ dữ liệu hoặc Điều tra XHH.`,
            `Method "${cellText(cell('method'))}" is not valid: write Self-assessed, Computed from data or Survey.`,
          );
      }
      let source: ComputeSource | undefined;
      if (!blank(cell('source'))) {
        source = parseSource(cellText(cell('source'))) ?? undefined;
        if (!source)
          itemProblem(
            rowNo,
            'source',
            'source_unknown',
            `Nguồn dữ liệu "${cellText(cell('source'))}" không có trong danh sách: ${COMPUTE_SOURCES.map((s) => COMPUTE_SOURCE_LABELS[s].vi).join('; ')}.`,
            `Data source "${cellText(cell('source'))}" is not in the list: ${COMPUTE_SOURCES.map((s) => COMPUTE_SOURCE_LABELS[s].en).join('; ')}.`,
          );
      }
      let formula: Formula | undefined;
      if (!blank(cell('formula'))) {
        formula = parseFormula(cellText(cell('formula'))) ?? undefined;
        if (!formula)
          itemProblem(
            rowNo,
            'formula',
            'formula_invalid',
            `Công thức "${cellText(cell('formula'))}" không đúng cú pháp: ví dụ "linear", "linear từ 0,5", "bậc 1:1; 0,9:0,5", "đạt 1".`,
            `Formula "${cellText(cell('formula'))}" does not parse: e.g. "linear", "linear from 0.5", "bands 1:1; 0.9:0.5", "reach 1".`,
          );
      }
      let whenNoData: WhenNoData | undefined;
      if (!blank(cell('whenNoData'))) {
        whenNoData = parseWhenNoData(cellText(cell('whenNoData'))) ?? undefined;
        if (!whenNoData)
          itemProblem(
            rowNo,
            'whenNoData',
            'when_no_data_unknown',
            `"${cellText(cell('whenNoData'))}" không hợp lệ: ghi Đủ điểm, 0 điểm hoặc Hội đồng chấm.`,
            `"${cellText(cell('whenNoData'))}" is not valid: write Full points, No points or Council scores.`,
          );
      }
      let unconfirmed = false;
      if (!blank(cell('unconfirmed'))) {
        const flag = parseFlag(cell('unconfirmed') ?? null);
        if (flag === null)
          itemProblem(
            rowNo,
            'unconfirmed',
            'flag_invalid',
            `Cột "Chưa xác nhận" chỉ nhận "x" hoặc để trống (đang có "${cellText(cell('unconfirmed'))}").`,
            `The Unconfirmed column takes "x" or nothing (it holds "${cellText(cell('unconfirmed'))}").`,
          );
        else unconfirmed = flag;
      }

      // Columns that do not belong on this kind of row
      const notFor = (keys: readonly ItemColumnKey[], what: Text) => {
        for (const key of keys)
          if (!blank(cell(key)))
            itemProblem(
              rowNo,
              key,
              'not_for_this_row',
              `Cột "${ITEM_HEADERS.get(key)}" không dùng cho ${what.vi}; hãy để trống.`,
              `Column "${ITEM_HEADERS.get(key)}" is not used for ${what.en}; leave it empty.`,
            );
      };
      const SCORING: readonly ItemColumnKey[] = ['method', 'source', 'formula', 'step', 'whenNoData'];
      if (level === 'field')
        notFor([...SCORING, 'guidance', 'guidanceEn', 'evidence', 'evidenceEn', 'unconfirmed'], {
          vi: 'dòng lĩnh vực',
          en: 'a field row',
        });
      if (level === 'bonus' || level === 'penalty')
        notFor(['method', 'source', 'formula', 'whenNoData', 'unconfirmed'], {
          vi: 'dòng điểm thưởng, điểm trừ',
          en: 'a bonus or penalty row',
        });

      const scoring: Partial<ScoredItem> = {
        ...(method ? { method } : {}),
        ...(source ? { source } : {}),
        ...(formula ? { formula } : {}),
        ...(step !== undefined ? { step } : {}),
        ...(whenNoData ? { whenNoData } : {}),
      };
      const extras = {
        ...(guidance ? { guidance } : {}),
        ...(evidence ? { evidence } : {}),
        ...(unconfirmed ? { confirmed: false } : {}),
      };

      const orphan = (parent: string, what: Text) =>
        itemProblem(
          rowNo,
          'code',
          'orphan',
          `Mã "${code}" thuộc ${what.vi} "${parent}" nhưng chưa có dòng "${parent}" ở phía trên.`,
          `Code "${code}" belongs to ${what.en} "${parent}", but no row "${parent}" comes before it.`,
        );

      switch (level) {
        case 'field': {
          const field: Field = { code, name, maxPoints: max, criteria: [] };
          fields.push(field);
          fieldsByCode.set(code, field);
          break;
        }
        case 'criterion': {
          const parent = code.slice(0, code.lastIndexOf('.'));
          const field = fieldsByCode.get(parent);
          if (!field) {
            orphan(parent, { vi: 'lĩnh vực', en: 'field' });
            continue;
          }
          const criterion: Criterion = { code, name, maxPoints: max, subs: [], ...scoring, ...extras };
          field.criteria.push(criterion);
          criteriaByCode.set(code, {
            criterion,
            row: rowNo,
            scoringGiven: SCORING.some((k) => !blank(cell(k))),
          });
          break;
        }
        case 'sub': {
          const parent = code.slice(0, code.lastIndexOf('.'));
          const owner = criteriaByCode.get(parent);
          if (!owner) {
            orphan(parent, { vi: 'tiêu chí', en: 'criterion' });
            continue;
          }
          // A sub-criterion must carry a method (checked below); ScoredItem's `method` is filled after the check.
          const sub = { code, name, maxPoints: max, ...scoring, ...extras } as ScoredItem;
          owner.criterion.subs.push(sub);
          break;
        }
        case 'bonus':
        case 'penalty': {
          const item: AdjustmentItem = {
            code,
            name,
            cap: max,
            ...(guidance ? { guidance } : {}),
            ...(evidence ? { evidence } : {}),
            ...(step !== undefined ? { step } : {}),
          };
          (level === 'bonus' ? bonus : penalty).push(item);
          break;
        }
      }
      rowOfCode.set(code, rowNo);
      if (problems.length > before) reported.add(code);
    }
    if (!any)
      itemProblem(
        2,
        null,
        'empty',
        `Sheet "${SHEET_NAMES.items}" không có dòng tiêu chí nào.`,
        `Sheet "${SHEET_NAMES.items}" has no item rows.`,
      );
    for (const { criterion, row, scoringGiven } of criteriaByCode.values())
      if (criterion.subs.length > 0 && scoringGiven) {
        itemProblem(
          row,
          'method',
          'method_on_parent',
          `Tiêu chí ${criterion.code} có tiêu chí thành phần nên được chấm qua các tiêu chí thành phần: để trống phương thức, nguồn dữ liệu, công thức, bước điểm và cột "khi không phát sinh" ở dòng này.`,
          `Criterion ${criterion.code} has sub-criteria and is scored through them: leave method, data source, formula, step and "when no data" empty on its row.`,
        );
        reported.add(criterion.code);
      }
  }

  // -- Sheet 2: grades and settings ---------------------------------------------------------------------
  const bandRows: number[] = [];
  const settingRowOf = new Map<SettingKey, number>();
  const settingProblem = (
    row: number,
    key: SettingsColumnKey | null,
    problem: SheetProblemCode,
    vi: string,
    en: string,
  ) =>
    problems.push({
      sheet: 'settings',
      row,
      ...(key ? { column: SETTINGS_HEADERS.get(key)! } : {}),
      problem,
      message: { vi, en },
    });
  const headerProblems = problems.length;
  const scols = readHeader('settings', settingRows[0], SETTINGS_COLUMNS, problems);
  if (problems.length === headerProblems) {
    for (let r = 1; r < settingRows.length; r++) {
      const cells = settingRows[r] ?? [];
      const rowNo = r + 1;
      const cell = (key: SettingsColumnKey): Cell | undefined => {
        const i = scols.get(key);
        return i === undefined ? undefined : cells[i];
      };
      if ([...scols.values()].every((i) => blank(cells[i]))) continue;
      const kind = parseKind(cellText(cell('kind')));
      const value = cell('value');
      if (!kind) {
        settingProblem(
          rowNo,
          'kind',
          'kind_unknown',
          `Loại "${cellText(cell('kind'))}" không hợp lệ: ghi "Xếp loại" hoặc "Thiết lập".`,
          `Kind "${cellText(cell('kind'))}" is not valid: write "Grade" or "Setting".`,
        );
        continue;
      }
      if (blank(value)) {
        settingProblem(rowNo, 'value', 'value_required', 'Chưa nhập giá trị.', 'The value is missing.');
        continue;
      }
      if (kind === 'grade') {
        const text = cellText(value);
        const min = parseDecimal(text.endsWith('%') ? text.slice(0, -1) : (value ?? null));
        if (min === null) {
          settingProblem(
            rowNo,
            'value',
            'number_invalid',
            `Ngưỡng xếp loại "${text}" không phải là số (ví dụ 90).`,
            `Grade threshold "${text}" is not a number (e.g. 90).`,
          );
          continue;
        }
        bandRows.push(rowNo);
        gradeBands.push({
          code: cellText(cell('code')),
          name: { vi: cellText(cell('name')), en: cellText(cell('nameEn')) },
          minPercent: min,
        });
        continue;
      }
      const key = parseSettingKey(cellText(cell('code')));
      if (!key) {
        settingProblem(
          rowNo,
          'code',
          'setting_unknown',
          `Thiết lập "${cellText(cell('code'))}" không có: dùng ${SETTING_KEYS.join(', ')}.`,
          `There is no setting "${cellText(cell('code'))}": use ${SETTING_KEYS.join(', ')}.`,
        );
        continue;
      }
      if (settingRowOf.has(key)) {
        settingProblem(
          rowNo,
          'code',
          'setting_duplicate',
          `Thiết lập "${key}" đã có ở dòng ${settingRowOf.get(key)}.`,
          `Setting "${key}" is already given on row ${settingRowOf.get(key)}.`,
        );
        continue;
      }
      settingRowOf.set(key, rowNo);
      if (key === 'rescaleWithoutSurvey') {
        const flag = parseFlag(value ?? null);
        if (flag === null)
          settingProblem(
            rowNo,
            'value',
            'flag_invalid',
            `Giá trị "${cellText(value)}" không hợp lệ: ghi Có hoặc Không.`,
            `Value "${cellText(value)}" is not valid: write Yes or No.`,
          );
        else rescaleWithoutSurvey = flag;
        continue;
      }
      const v = parseDecimal(value ?? null);
      if (v === null)
        settingProblem(
          rowNo,
          'value',
          'number_invalid',
          `${SETTING_LABELS[key].vi} "${cellText(value)}" không phải là số.`,
          `${SETTING_LABELS[key].en} "${cellText(value)}" is not a number.`,
        );
      else caps[key] = v;
    }
    for (const [key, items] of [
      ['bonusCap', bonus],
      ['penaltyCap', penalty],
    ] as const)
      if (items.length > 0 && !settingRowOf.has(key))
        settingProblem(
          1,
          null,
          'setting_missing',
          `Có ${items.length} mục ${key === 'bonusCap' ? 'điểm thưởng' : 'điểm trừ'} nhưng chưa có dòng thiết lập "${key}" (${SETTING_LABELS[key].vi.toLowerCase()}).`,
          `There are ${items.length} ${key === 'bonusCap' ? 'bonus' : 'penalty'} item(s) but no "${key}" setting row (${SETTING_LABELS[key].en.toLowerCase()}).`,
        );
  }

  // -- The framework's own check, on what was read -----------------------------------------------------
  // Only when both sheets could be read at all (a missing header says enough), and without repeating what a
  // row's own problem already says. Sub-criteria read without a method keep `method` undefined, so that the
  // check names them (method_required).
  const built = tree();
  const unreadable = problems.some((p) => p.problem === 'header_missing' || p.problem === 'empty');
  if (unreadable) return { tree: built, gradeBands, rescaleWithoutSurvey, problems };
  for (const problem of checkFramework(built, gradeBands)) {
    const mapped = placeProblem(problem, rowOfCode, bandRows, settingRowOf);
    if (mapped.sheet === 'items' && reported.has(problem.at)) continue;
    problems.push(mapped);
  }
  return { tree: built, gradeBands, rescaleWithoutSurvey, problems };
}

function placeProblem(
  p: FrameworkProblem,
  rowOfCode: ReadonlyMap<string, number>,
  bandRows: readonly number[],
  settingRowOf: ReadonlyMap<SettingKey, number>,
): SheetProblem {
  const band = /^gradeBands\[(\d+)\]$/.exec(p.at);
  if (band) {
    const column: SettingsColumnKey =
      p.problem === 'grade_name_required' ? 'name' : p.problem.startsWith('grade_code') ? 'code' : 'value';
    return {
      sheet: 'settings',
      row: bandRows[Number(band[1])] ?? 1,
      column: SETTINGS_HEADERS.get(column)!,
      problem: p.problem,
      message: p.message,
    };
  }
  if (p.at === 'gradeBands') return { sheet: 'settings', row: 1, problem: p.problem, message: p.message };
  if (p.at === 'bonusCap' || p.at === 'penaltyCap')
    return {
      sheet: 'settings',
      row: settingRowOf.get(p.at) ?? 1,
      column: SETTINGS_HEADERS.get('value')!,
      problem: p.problem,
      message: p.message,
    };
  const row = rowOfCode.get(p.at);
  return {
    sheet: 'items',
    row: row ?? 1,
    ...(row !== undefined ? { column: ITEM_HEADERS.get(columnOfProblem(p.problem))! } : {}),
    problem: p.problem,
    message: p.message,
  };
}
