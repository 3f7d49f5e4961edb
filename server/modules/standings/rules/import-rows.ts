/**
 * The results workbook's rows (pure): the columns of the sheet "Kết quả", reading its header, checking every row
 * (all or nothing: the service writes only a file without problems) and comparing the rows with the results
 * already stored (a row equal to its stored result changes nothing, so importing the same file twice changes
 * nothing; a changed value is an update, journalled by the service).
 *
 * A row is one published figure: the index (its name as people write it — "Chỉ số CCHC", "PAR Index", "SIPAS",
 * "PAPI"), the index year, the field/element/dimension by its name (or "Chỉ số chung" for the overall), the value
 * (a number, or text with a decimal comma "87,91"), and optionally the scale's maximum (default: the dimension's),
 * the rank among the provinces and of how many, the national average, the source and a note. A row whose value is
 * empty and that says nothing else is a template row left blank: skipped.
 */
import { foldText } from '../../../core/fold.js';
import {
  dimensionFor,
  dimensionsFor,
  INDEX_CODES,
  INDEX_SPECS,
  isIndexCode,
  OVERALL,
  OVERALL_NAME,
  type IndexCode,
  type Methodology,
  METHODOLOGIES,
} from './dimensions.js';

export const RESULTS_SHEET = 'Kết quả';
export const GUIDE_SHEET = 'Hướng dẫn';

export const COLUMN_KEYS = [
  'index',
  'year',
  'dimension',
  'value',
  'maxValue',
  'rank',
  'rankOf',
  'nationalAverage',
  'source',
  'note',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type Column = {
  key: ColumnKey;
  header: string;
  required: boolean;
  width: number;
  guide: string;
  example: string;
};

export const COLUMNS: readonly Column[] = [
  {
    key: 'index',
    header: 'Chỉ số*',
    required: true,
    width: 16,
    guide: 'Chỉ số CCHC (PAR Index), SIPAS hoặc PAPI.',
    example: 'Chỉ số CCHC',
  },
  {
    key: 'year',
    header: 'Năm*',
    required: true,
    width: 8,
    guide: 'Năm đánh giá của chỉ số (không phải năm công bố).',
    example: '2024',
  },
  {
    key: 'dimension',
    header: 'Lĩnh vực, yếu tố, nội dung*',
    required: true,
    width: 58,
    guide:
      'Tên lĩnh vực (PAR Index), yếu tố (SIPAS) hoặc nội dung (PAPI) như trong danh mục; "Chỉ số chung" cho giá trị chung của chỉ số.',
    example: 'Cải cách chế độ công vụ',
  },
  {
    key: 'value',
    header: 'Giá trị*',
    required: true,
    width: 10,
    guide: 'Kết quả công bố: % đối với PAR Index và SIPAS, điểm đối với PAPI. Dấu phẩy thập phân (87,91).',
    example: '87,91',
  },
  {
    key: 'maxValue',
    header: 'Thang điểm tối đa',
    required: false,
    width: 12,
    guide: 'Để trống: thang của lĩnh vực (100 với %, 10 với mỗi nội dung PAPI, 80 với PAPI chung).',
    example: '100',
  },
  {
    key: 'rank',
    header: 'Xếp hạng',
    required: false,
    width: 10,
    guide: 'Thứ hạng của tỉnh (1 là cao nhất).',
    example: '34',
  },
  {
    key: 'rankOf',
    header: 'Trên tổng số',
    required: false,
    width: 12,
    guide: 'Số tỉnh, thành phố được xếp hạng.',
    example: '63',
  },
  {
    key: 'nationalAverage',
    header: 'Trung bình cả nước',
    required: false,
    width: 14,
    guide: 'Giá trị trung bình của cả nước công bố cùng kết quả.',
    example: '88,37',
  },
  {
    key: 'source',
    header: 'Nguồn công bố',
    required: false,
    width: 40,
    guide: 'Văn bản hoặc báo cáo công bố kết quả (trích dẫn).',
    example: 'Báo cáo Chỉ số CCHC năm 2024 của Bộ Nội vụ',
  },
  { key: 'note', header: 'Ghi chú', required: false, width: 40, guide: 'Ghi chú thêm.', example: '' },
];

/** Lower case without tone marks, đ → d, spaces collapsed, '*' dropped ("Lĩnh vực*" → "linh vuc"). */
export const fold = (text: string): string => foldText(text.replace(/\*/g, ''));

export type ImportProblem = {
  /** The sheet row (1 = the header). */
  row: number;
  field: ColumnKey | 'file';
  /** The column's header as the file has it ('' for the file as a whole). */
  column: string;
  key: string;
  params: Record<string, string | number>;
};

/** A cell as read from the workbook: text, a number, or nothing. */
export type Cell = string | number | null;
export type RawRow = { row: number; cells: Partial<Record<ColumnKey, Cell>> };

/**
 * The columns a header row names (by header text, accents and '*' ignored; the first occurrence wins), and a
 * problem for each required column missing.
 */
export function readHeader(headers: readonly Cell[]): {
  columns: Map<ColumnKey, number>;
  problems: ImportProblem[];
} {
  const columns = new Map<ColumnKey, number>();
  headers.forEach((h, i) => {
    if (h === null || h === undefined) return;
    const f = fold(String(h));
    const c = COLUMNS.find((col) => fold(col.header) === f);
    if (c && !columns.has(c.key)) columns.set(c.key, i);
  });
  const problems = COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => ({
    row: 1,
    field: c.key,
    column: c.header.replace('*', ''),
    key: 'standings.import.missing_column',
    params: { column: c.header.replace('*', '') },
  }));
  return { columns, problems };
}

/** The cells of one sheet row by column key. */
export function pickCells(row: number, values: readonly Cell[], columns: Map<ColumnKey, number>): RawRow {
  const cells: Partial<Record<ColumnKey, Cell>> = {};
  for (const [key, at] of columns) cells[key] = values[at] ?? null;
  return { row, cells };
}

/**
 * A spreadsheet cell's value (ExcelJS's shapes) as a plain one: rich text and hyperlinks become their text, formulas
 * their cached result, a formula error or anything unknown its text; empty text nothing.
 */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const t = value.replace(/\u00a0/g, ' ').trim();
    return t === '' ? null : t.normalize('NFC');
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return plainCell((v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''));
    if ('formula' in v || 'sharedFormula' in v) return plainCell(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return plainCell(v.text);
  }
  return plainCell(JSON.stringify(value));
}

const blank = (c: Cell | undefined) => c === null || c === undefined || String(c).trim() === '';

/** A number from a cell: a number, or text with a decimal comma ("87,91", "1.234,5") or point ("87.91"). */
export function parseNumber(cell: Cell | undefined): number | null | 'invalid' {
  if (blank(cell)) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  const t = String(cell).trim().replace(/\s/g, '').replace(/%$/, '');
  let n: number;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t))
    n = Number(t.replace(/\./g, '').replace(',', '.'));
  else if (/^-?\d+(\.\d+)?$/.test(t)) n = Number(t);
  else return 'invalid';
  return Number.isFinite(n) ? n : 'invalid';
}

/** The index a cell names (code, short or full name, in Vietnamese or English; accents ignored). */
export function parseIndex(cell: Cell | undefined): IndexCode | null {
  if (blank(cell)) return null;
  const f = fold(String(cell));
  if (isIndexCode(f)) return f;
  for (const code of INDEX_CODES) {
    const s = INDEX_SPECS[code];
    const names = [s.name.vi, s.name.en, s.shortName.vi, s.shortName.en].map(fold);
    if (names.includes(f)) return code;
  }
  if (f === 'par' || f === 'par index' || f === 'chi so cai cach hanh chinh') return 'par_index';
  return null;
}

/** The dimension a cell names for an index year: its name (vi or en) or code; the overall by its name or blank. */
export function parseDimension(
  index: IndexCode,
  year: number,
  cell: Cell | undefined,
  versions: readonly Methodology[] = METHODOLOGIES,
): string | null {
  if (blank(cell)) return null;
  const f = fold(String(cell));
  if ([OVERALL_NAME.vi, OVERALL_NAME.en, 'chung', 'tong', 'tong hop', 'chi so'].map(fold).includes(f))
    return dimensionFor(index, year, OVERALL, versions) ? OVERALL : null;
  const found = dimensionsFor(index, year, versions).find(
    (d) => d.code === f || fold(d.name.vi) === f || fold(d.name.en) === f,
  );
  return found?.code ?? null;
}

/** A row ready to be stored. */
export type ValidRow = {
  row: number;
  indexCode: IndexCode;
  year: number;
  dimensionCode: string;
  value: number;
  maxValue: number;
  rank: number | null;
  rankOf: number | null;
  nationalAverage: number | null;
  source: string;
  note: string;
};

export const keyOf = (r: { indexCode: string; year: number; dimensionCode: string }) =>
  `${r.indexCode}|${r.year}|${r.dimensionCode}`;

/** The cells the template fills in itself: a row with nothing else is a blank template row. */
const TEMPLATE_CELLS: readonly ColumnKey[] = ['index', 'year', 'dimension', 'maxValue', 'value'];

const SOURCE_MAX = 500;
const NOTE_MAX = 1000;

/** Checks every row; `maxYear` is the latest index year accepted (results are published after their year). */
export function validateRows(
  rows: readonly RawRow[],
  options: { maxYear: number; minYear?: number; versions?: readonly Methodology[] },
): { rows: ValidRow[]; problems: ImportProblem[]; skipped: number } {
  const versions = options.versions ?? METHODOLOGIES;
  const minYear = options.minYear ?? 2000;
  const problems: ImportProblem[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header.replace('*', '');
  for (const raw of rows) {
    const c = raw.cells;
    if (blank(c.value) && COLUMN_KEYS.every((k) => TEMPLATE_CELLS.includes(k) || blank(c[k]))) {
      // A template row (index, year and dimension prefilled) left without a value: nothing to import.
      skipped++;
      continue;
    }
    const before = problems.length;
    const problem = (field: ColumnKey, key: string, params: Record<string, string | number> = {}) =>
      problems.push({ row: raw.row, field, column: header(field), key: `standings.import.${key}`, params });

    const indexCode = parseIndex(c.index);
    if (blank(c.index)) problem('index', 'required');
    else if (!indexCode) problem('index', 'index_unknown', { value: String(c.index) });

    const yearN = parseNumber(c.year);
    let year: number | null = null;
    if (yearN === null) problem('year', 'required');
    else if (yearN === 'invalid' || !Number.isInteger(yearN) || yearN < minYear || yearN > options.maxYear)
      problem('year', 'year_invalid', { min: minYear, max: options.maxYear });
    else year = yearN;

    let dimensionCode: string | null = null;
    let scaleMax: number | null = null;
    if (indexCode && year !== null) {
      dimensionCode = blank(c.dimension) ? null : parseDimension(indexCode, year, c.dimension, versions);
      if (blank(c.dimension)) problem('dimension', 'required');
      else if (dimensionCode === null)
        problem('dimension', 'dimension_unknown', {
          value: String(c.dimension),
          index: INDEX_SPECS[indexCode].shortName.vi,
          year,
        });
      else scaleMax = dimensionFor(indexCode, year, dimensionCode, versions)!.scaleMax;
    }

    const maxN = parseNumber(c.maxValue);
    let maxValue = scaleMax;
    if (maxN === 'invalid' || (typeof maxN === 'number' && !(maxN > 0 && maxN <= 1000)))
      problem('maxValue', 'not_a_number', { min: 0, max: 1000 });
    else if (typeof maxN === 'number') maxValue = maxN;

    const valueN = parseNumber(c.value);
    let value: number | null = null;
    if (valueN === null) problem('value', 'required');
    else if (valueN === 'invalid') problem('value', 'not_a_number', { min: 0, max: maxValue ?? 1000 });
    else if (valueN < 0 || (maxValue !== null && valueN > maxValue))
      problem('value', 'out_of_scale', { max: maxValue ?? 0 });
    else value = valueN;

    const avgN = parseNumber(c.nationalAverage);
    let nationalAverage: number | null = null;
    if (avgN === 'invalid') problem('nationalAverage', 'not_a_number', { min: 0, max: maxValue ?? 1000 });
    else if (avgN !== null && (avgN < 0 || (maxValue !== null && avgN > maxValue)))
      problem('nationalAverage', 'out_of_scale', { max: maxValue ?? 0 });
    else nationalAverage = avgN;

    const whole = (key: 'rank' | 'rankOf'): number | null => {
      const n = parseNumber(c[key]);
      if (n === null) return null;
      if (n === 'invalid' || !Number.isInteger(n) || n < 1 || n > 1000) {
        problem(key, 'rank_invalid', { max: 1000 });
        return null;
      }
      return n;
    };
    const rank = whole('rank');
    const rankOf = whole('rankOf');
    if (rank !== null && rankOf !== null && rank > rankOf)
      problem('rank', 'rank_above_total', { total: rankOf });

    const text = (key: 'source' | 'note', max: number) => {
      const v = blank(c[key]) ? '' : String(c[key]).trim();
      if (v.length > max) problem(key, 'too_long', { max });
      return v;
    };
    const source = text('source', SOURCE_MAX);
    const note = text('note', NOTE_MAX);

    if (indexCode && year !== null && dimensionCode !== null) {
      const key = keyOf({ indexCode, year, dimensionCode });
      const first = seen.get(key);
      if (first !== undefined) problem('dimension', 'duplicate', { row: first });
      else seen.set(key, raw.row);
    }
    if (problems.length === before && indexCode && year !== null && dimensionCode !== null && value !== null)
      valid.push({
        row: raw.row,
        indexCode,
        year,
        dimensionCode,
        value,
        maxValue: maxValue ?? 100,
        rank,
        rankOf,
        nationalAverage,
        source,
        note,
      });
  }
  if (!valid.length && !problems.length)
    problems.push({ row: 1, field: 'file', column: '', key: 'standings.import.no_rows', params: {} });
  return { rows: valid, problems, skipped };
}

/** A stored result as the comparison needs it. */
export type StoredResult = {
  id: string;
  indexCode: string;
  year: number;
  dimensionCode: string;
  value: number;
  maxValue: number | null;
  rank: number | null;
  rankOf: number | null;
  nationalAverage: number | null;
  source: string;
  note: string;
  sourceDocumentId: string | null;
};

export const COMPARED = [
  'value',
  'maxValue',
  'rank',
  'rankOf',
  'nationalAverage',
  'source',
  'note',
  'sourceDocumentId',
] as const;

const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : (a ?? null) === (b ?? null);

export type RowPlan<S extends StoredResult = StoredResult> =
  | { kind: 'create'; row: ValidRow }
  | { kind: 'update'; row: ValidRow; stored: S; changed: (typeof COMPARED)[number][] }
  | { kind: 'unchanged'; row: ValidRow; stored: S };

/**
 * What importing the rows does to the stored results: create, update (the fields that differ) or nothing. The
 * import's source document (when one is given) is set on every row; without one, a stored result keeps its own.
 */
export function planRows<S extends StoredResult>(
  rows: readonly ValidRow[],
  stored: readonly S[],
  sourceDocumentId: string | null,
): RowPlan<S>[] {
  const byKey = new Map(stored.map((s) => [keyOf(s), s]));
  return rows.map((row) => {
    const s = byKey.get(keyOf(row));
    if (!s) return { kind: 'create', row };
    const next = { ...row, sourceDocumentId: sourceDocumentId ?? s.sourceDocumentId };
    const changed = COMPARED.filter((f) => !same(next[f], s[f]));
    return changed.length
      ? { kind: 'update', row, stored: s, changed }
      : { kind: 'unchanged', row, stored: s };
  });
}
