/**
 * A questionnaire (./rules/definition.ts) as an XLSForm-like workbook and back, so that an office can write or
 * edit a form in Excel. The layout follows XLSForm where it can (https://xlsform.org: a "survey" sheet of rows
 * typed `select_one <list>`, a "choices" sheet of lists, a "settings" sheet) and adds what chidao's forms have:
 *
 * - **survey**: one row per section, question or matrix row — `begin_group` … `end_group` around a section's
 *   questions (name = the section's code, label = its title, hint = its help); `select_one <list>`,
 *   `select_multiple <list>`, `likert5 <scale>`, `matrix <scale>` followed by its `row` lines, `number`, `text`.
 *   Columns: name (the stable code), label::Tiếng Việt, label::English, hint::…, required, relevant (the
 *   condition, in the syntax of ./rules/relevant.ts: `${kenh} = 'truc_tiep'`), element, index_key, min, max,
 *   integer, max_length, multiline, allow_na, na_label::…, unit::…, min_selections, max_selections. Yes/no
 *   columns read "yes" / "no" (also có / không); an empty cell leaves the setting out.
 * - **choices**: list_name, name, label::Tiếng Việt, label::English, exclusive — the choices of a `select_*`
 *   question, and the five points (names 1…5) of a scale.
 * - **settings**: form_title::…, intro::…, scales (the lists that are the form's named scales, comma-separated;
 *   any other list a likert or matrix names is that question's own scale).
 * - **elements**: code, name::Tiếng Việt, name::English (the groups indices report on).
 * - **hướng dẫn** (a guide, not read back).
 *
 * Reading back is all or nothing: every problem is named with its sheet, row and column (both languages), then
 * the definition's own checks (`checkDefinition`) run on the result. Exporting and importing a sound definition
 * gives the very same definition (the same hash).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.js';
import type { RequestContext } from '../../core/context.js';
import { sniffContentType, XLSX_MEDIA_TYPE } from '../files/content-type.js';
import type {
  Choice,
  Condition,
  Element,
  MatrixRow,
  ScalePoint,
  ScaleRef,
  Section,
  SurveyDefinition,
  SurveyItem,
} from './rules/definition.js';
import { conditionText, parseCondition } from './rules/relevant.js';
import type { Text } from './rules/text.js';

export type Cell = string | number | null;
export type SheetRow = Cell[];
export type XlsFormSheets = {
  survey: SheetRow[];
  choices: SheetRow[];
  settings: SheetRow[];
  elements: SheetRow[];
};
export type SheetName = keyof XlsFormSheets;
export type XlsFormProblem = { sheet: SheetName; row: number; column?: string; message: Text };

export const SHEET_NAMES: Record<SheetName, string> = {
  survey: 'survey',
  choices: 'choices',
  settings: 'settings',
  elements: 'elements',
};
const VI = 'Tiếng Việt';
const EN = 'English';
const bi = (name: string) => [`${name}::${VI}`, `${name}::${EN}`] as const;

export const SURVEY_COLUMNS = [
  'type',
  'name',
  ...bi('label'),
  ...bi('hint'),
  'required',
  'relevant',
  'element',
  'index_key',
  'min',
  'max',
  'integer',
  'max_length',
  'multiline',
  'allow_na',
  ...bi('na_label'),
  ...bi('unit'),
  'min_selections',
  'max_selections',
] as const;
export const CHOICE_COLUMNS = ['list_name', 'name', ...bi('label'), 'exclusive'] as const;
export const SETTINGS_COLUMNS = [...bi('form_title'), ...bi('intro'), 'scales', 'default_language'] as const;
export const ELEMENT_COLUMNS = ['code', ...bi('name')] as const;
/** The most rows a sheet may have (a form is tens of questions; this only bounds what is read). */
export const MAX_ROWS = 5000;

// ---------------------------------------------------------------------------------------------------------
// Definition → rows

const yesNo = (v: boolean | undefined): Cell => (v === undefined ? null : v ? 'yes' : 'no');
const num = (v: number | undefined): Cell => (v === undefined ? null : v);
const texts = (t: Text | undefined): [Cell, Cell] => (t ? [t.vi, t.en] : [null, null]);

type Row = Partial<Record<(typeof SURVEY_COLUMNS)[number], Cell>>;
const surveyRow = (r: Row): SheetRow => SURVEY_COLUMNS.map((c) => r[c] ?? null);

function textColumns(name: string, t: Text | undefined): Row {
  const [vi, en] = texts(t);
  return { [`${name}::${VI}`]: vi, [`${name}::${EN}`]: en } as Row;
}

/** The workbook's rows for a definition (header first in each sheet). */
export function definitionToSheets(def: SurveyDefinition): XlsFormSheets {
  const survey: SheetRow[] = [[...SURVEY_COLUMNS]];
  const choices: SheetRow[] = [[...CHOICE_COLUMNS]];
  const named = Object.keys(def.scales ?? {});
  const used = new Set(named);
  // A list name per question with choices or an inline scale: its code, made unique if it clashes.
  const listName = (code: string) => {
    let name = code;
    for (let i = 2; used.has(name); i++) name = `${code}_${i}`;
    used.add(name);
    return name;
  };
  const scaleRows = (list: string, points: ScalePoint[]) => {
    for (const p of points) choices.push([list, p.value, p.label.vi, p.label.en, null]);
  };
  for (const [name, points] of Object.entries(def.scales ?? {})) scaleRows(name, points);

  const scaleOf = (code: string, scale: ScaleRef): string => {
    if (typeof scale === 'string') return scale;
    const list = listName(code);
    scaleRows(list, scale);
    return list;
  };
  for (const section of def.sections) {
    survey.push(
      surveyRow({
        type: 'begin_group',
        name: section.code,
        ...textColumns('label', section.title),
        ...textColumns('hint', section.help),
      }),
    );
    for (const item of section.items) {
      const base: Row = {
        name: item.code,
        ...textColumns('label', item.text),
        ...textColumns('hint', item.help),
        required: yesNo(item.required),
        relevant: item.showIf ? conditionText(item.showIf) : null,
        element: item.element ?? null,
        index_key: item.indexKey ?? null,
      };
      switch (item.kind) {
        case 'single':
        case 'multiple': {
          const list = listName(item.code);
          for (const c of item.choices)
            choices.push([list, c.code, c.label.vi, c.label.en, yesNo(c.exclusive)]);
          survey.push(
            surveyRow({
              ...base,
              type: `${item.kind === 'single' ? 'select_one' : 'select_multiple'} ${list}`,
              ...(item.kind === 'multiple'
                ? { min_selections: num(item.minSelections), max_selections: num(item.maxSelections) }
                : {}),
            }),
          );
          break;
        }
        case 'likert5':
        case 'matrix': {
          survey.push(
            surveyRow({
              ...base,
              type: `${item.kind} ${scaleOf(item.code, item.scale)}`,
              allow_na: yesNo(item.allowNa),
              ...textColumns('na_label', item.naLabel),
            }),
          );
          if (item.kind === 'matrix')
            for (const r of item.rows)
              survey.push(
                surveyRow({
                  type: 'row',
                  name: r.code,
                  ...textColumns('label', r.text),
                  ...textColumns('hint', r.help),
                  element: r.element ?? null,
                  index_key: r.indexKey ?? null,
                }),
              );
          break;
        }
        case 'number':
          survey.push(
            surveyRow({
              ...base,
              type: 'number',
              min: num(item.min),
              max: num(item.max),
              integer: yesNo(item.integer),
              ...textColumns('unit', item.unit),
            }),
          );
          break;
        case 'text':
          survey.push(
            surveyRow({
              ...base,
              type: 'text',
              max_length: num(item.maxLength),
              multiline: yesNo(item.multiline),
            }),
          );
          break;
      }
    }
    survey.push(surveyRow({ type: 'end_group', name: section.code }));
  }
  const settings: SheetRow[] = [
    [...SETTINGS_COLUMNS],
    [...texts(def.title), ...texts(def.intro), named.join(', ') || null, VI],
  ];
  const elements: SheetRow[] = [
    [...ELEMENT_COLUMNS],
    ...(def.elements ?? []).map((e) => [e.code, e.name.vi, e.name.en]),
  ];
  return { survey, choices, settings, elements };
}

// ---------------------------------------------------------------------------------------------------------
// Rows → definition

const str = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/** A sheet's rows as records by header (headers matched without regard to case or spacing). */
function records(rows: SheetRow[]): { row: number; get(col: string): Cell }[] {
  const header = (rows[0] ?? []).map((h) => str(h).toLowerCase().replace(/\s+/g, ' ').normalize('NFC'));
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  const out: { row: number; get(col: string): Cell }[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (!cells || cells.every((c) => str(c) === '')) return;
    out.push({
      row: i + 2,
      get: (col) => {
        const at = index.get(col.toLowerCase().normalize('NFC'));
        return at === undefined ? null : (cells[at] ?? null);
      },
    });
  });
  return out;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'có', 'co']);
const NO = new Set(['no', 'n', 'false', '0', 'không', 'khong']);

/** Rows of the workbook → the definition, or every problem found (sheet, row, column). */
export function sheetsToDefinition(sheets: XlsFormSheets): {
  definition: SurveyDefinition;
  problems: XlsFormProblem[];
} {
  const problems: XlsFormProblem[] = [];
  const problem = (sheet: SheetName, row: number, column: string | undefined, vi: string, en: string) =>
    problems.push({ sheet, row, ...(column ? { column } : {}), message: { vi, en } });

  type Rec = ReturnType<typeof records>[number];
  const bool = (sheet: SheetName, r: Rec, col: string): boolean | undefined => {
    const v = str(r.get(col)).toLowerCase();
    if (!v) return undefined;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    problem(
      sheet,
      r.row,
      col,
      `Ghi “yes” hoặc “no” (đang là “${v}”).`,
      `Write “yes” or “no” (it is “${v}”).`,
    );
    return undefined;
  };
  const number = (sheet: SheetName, r: Rec, col: string): number | undefined => {
    const raw = r.get(col);
    if (str(raw) === '') return undefined;
    const n = typeof raw === 'number' ? raw : Number(str(raw).replace(',', '.'));
    if (!Number.isFinite(n)) {
      problem(
        sheet,
        r.row,
        col,
        `Cần một số (đang là “${str(raw)}”).`,
        `A number is needed (it is “${str(raw)}”).`,
      );
      return undefined;
    }
    return n;
  };
  const text = (r: Rec, name: string): Text | undefined => {
    const vi = str(r.get(`${name}::${VI}`));
    const en = str(r.get(`${name}::${EN}`));
    return vi || en ? { vi, en } : undefined;
  };
  const requiredText = (sheet: SheetName, r: Rec, name: string): Text => {
    const t = text(r, name);
    if (!t?.vi)
      problem(sheet, r.row, `${name}::${VI}`, 'Cần nội dung tiếng Việt.', 'The Vietnamese text is needed.');
    return t ?? { vi: '', en: '' };
  };

  // Settings.
  const [settings] = records(sheets.settings);
  const title = settings ? requiredText('settings', settings, 'form_title') : { vi: '', en: '' };
  if (!settings)
    problem(
      'settings',
      2,
      `form_title::${VI}`,
      'Thiếu tiêu đề phiếu (dòng 2).',
      'The form title is missing (row 2).',
    );
  const intro = settings ? text(settings, 'intro') : undefined;
  const namedScales = settings
    ? str(settings.get('scales'))
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

  // Choices and scales, list by list.
  const lists = new Map<string, { row: number; name: Cell; label: Text; exclusive?: boolean }[]>();
  for (const r of records(sheets.choices)) {
    const list = str(r.get('list_name'));
    if (!list) {
      problem('choices', r.row, 'list_name', 'Thiếu tên danh sách.', 'The list name is missing.');
      continue;
    }
    const name = r.get('name');
    if (str(name) === '')
      problem('choices', r.row, 'name', 'Thiếu mã lựa chọn.', 'The choice code is missing.');
    const entry = {
      row: r.row,
      name,
      label: requiredText('choices', r, 'label'),
      ...(() => {
        const e = bool('choices', r, 'exclusive');
        return e === undefined ? {} : { exclusive: e };
      })(),
    };
    const l = lists.get(list) ?? [];
    l.push(entry);
    lists.set(list, l);
  }
  const scalePoints = (list: string, at: { row: number }): ScalePoint[] => {
    const entries = lists.get(list);
    if (!entries) {
      problem(
        'survey',
        at.row,
        'type',
        `Không có danh sách “${list}” ở trang choices.`,
        `There is no list “${list}” in the choices sheet.`,
      );
      return [];
    }
    return entries.map((e) => {
      const v = typeof e.name === 'number' ? e.name : Number(str(e.name));
      if (!Number.isInteger(v))
        problem(
          'choices',
          e.row,
          'name',
          'Mức của thang đo là số từ 1 đến 5.',
          'A scale point is a number from 1 to 5.',
        );
      return { value: (Number.isInteger(v) ? v : 0) as ScalePoint['value'], label: e.label };
    });
  };
  const choicesOf = (list: string, at: { row: number }): Choice[] => {
    const entries = lists.get(list);
    if (!entries) {
      problem(
        'survey',
        at.row,
        'type',
        `Không có danh sách “${list}” ở trang choices.`,
        `There is no list “${list}” in the choices sheet.`,
      );
      return [];
    }
    return entries.map((e) => ({
      code: str(e.name),
      label: e.label,
      ...(e.exclusive === undefined ? {} : { exclusive: e.exclusive }),
    }));
  };

  const scales: Record<string, ScalePoint[]> = {};
  for (const name of namedScales) {
    if (!lists.has(name))
      problem(
        'settings',
        2,
        'scales',
        `Không có danh sách “${name}” ở trang choices.`,
        `There is no list “${name}” in the choices sheet.`,
      );
    else scales[name] = scalePoints(name, { row: 2 });
  }

  // Questions.
  const sections: Section[] = [];
  let section: Section | null = null;
  let matrix: Extract<SurveyItem, { kind: 'matrix' }> | null = null;
  for (const r of records(sheets.survey)) {
    const [kind = '', arg = ''] = str(r.get('type')).split(/\s+/);
    const type = kind.toLowerCase();
    const code = str(r.get('name'));
    if (type !== 'row') matrix = null;
    if (type === 'begin_group' || type === 'begin group') {
      if (section)
        problem(
          'survey',
          r.row,
          'type',
          'Nhóm câu hỏi chưa được đóng (end_group) trước nhóm mới.',
          'The previous group is not closed (end_group).',
        );
      section = { code, title: requiredText('survey', r, 'label'), items: [] };
      const help = text(r, 'hint');
      if (help) section.help = help;
      sections.push(section);
      continue;
    }
    if (type === 'end_group' || type === 'end group') {
      if (!section)
        problem(
          'survey',
          r.row,
          'type',
          'end_group không có begin_group tương ứng.',
          'end_group without a begin_group.',
        );
      section = null;
      continue;
    }
    if (type === 'row') {
      if (!matrix) {
        problem(
          'survey',
          r.row,
          'type',
          'Dòng “row” phải đứng ngay sau câu hỏi matrix hoặc dòng row khác.',
          'A “row” line must follow a matrix question or another row.',
        );
        continue;
      }
      const row: MatrixRow = { code, text: requiredText('survey', r, 'label') };
      const help = text(r, 'hint');
      if (help) row.help = help;
      const element = str(r.get('element'));
      if (element) row.element = element;
      const indexKey = str(r.get('index_key'));
      if (indexKey) row.indexKey = indexKey;
      matrix.rows.push(row);
      continue;
    }
    if (!section) {
      problem(
        'survey',
        r.row,
        'type',
        'Câu hỏi phải nằm trong một nhóm (begin_group … end_group).',
        'A question must be inside a group (begin_group … end_group).',
      );
      continue;
    }
    const base: Omit<SurveyItem, 'kind'> & Record<string, unknown> = {
      code,
      text: requiredText('survey', r, 'label'),
    };
    const help = text(r, 'hint');
    if (help) base.help = help;
    const required = bool('survey', r, 'required');
    if (required !== undefined) base.required = required;
    const relevant = str(r.get('relevant'));
    if (relevant) {
      const parsed = parseCondition(relevant);
      if (parsed.ok) base.showIf = parsed.condition as Condition;
      else
        problems.push({
          sheet: 'survey',
          row: r.row,
          column: 'relevant',
          message: {
            vi: `Điều kiện hiển thị không đọc được: ${parsed.message.vi}`,
            en: `The condition cannot be read: ${parsed.message.en}`,
          },
        });
    }
    const element = str(r.get('element'));
    if (element) base.element = element;
    const indexKey = str(r.get('index_key'));
    if (indexKey) base.indexKey = indexKey;
    const put = <T extends object>(o: T, key: string, v: unknown) => {
      if (v !== undefined) (o as Record<string, unknown>)[key] = v;
      return o;
    };
    const needsList = () => {
      if (!arg)
        problem(
          'survey',
          r.row,
          'type',
          `Sau “${kind}” cần tên danh sách (ví dụ “${kind} gioi_tinh”).`,
          `“${kind}” needs a list name (e.g. “${kind} gioi_tinh”).`,
        );
    };
    let item: SurveyItem | null = null;
    switch (type) {
      case 'select_one':
      case 'select_multiple': {
        needsList();
        const choices = arg ? choicesOf(arg, r) : [];
        item =
          type === 'select_one'
            ? ({ ...base, kind: 'single', choices } as SurveyItem)
            : put(
                put(
                  { ...base, kind: 'multiple', choices } as SurveyItem,
                  'minSelections',
                  number('survey', r, 'min_selections'),
                ),
                'maxSelections',
                number('survey', r, 'max_selections'),
              );
        break;
      }
      case 'likert5':
      case 'matrix': {
        needsList();
        const scale: ScaleRef = namedScales.includes(arg) ? arg : arg ? scalePoints(arg, r) : [];
        const it = { ...base, kind: type, scale } as Record<string, unknown>;
        if (type === 'matrix') it.rows = [];
        put(it, 'allowNa', bool('survey', r, 'allow_na'));
        put(it, 'naLabel', text(r, 'na_label'));
        item = it as unknown as SurveyItem;
        if (type === 'matrix') matrix = item as Extract<SurveyItem, { kind: 'matrix' }>;
        break;
      }
      case 'number':
      case 'integer':
      case 'decimal': {
        const it = { ...base, kind: 'number' } as Record<string, unknown>;
        put(it, 'min', number('survey', r, 'min'));
        put(it, 'max', number('survey', r, 'max'));
        put(it, 'integer', type === 'integer' ? true : bool('survey', r, 'integer'));
        put(it, 'unit', text(r, 'unit'));
        item = it as unknown as SurveyItem;
        break;
      }
      case 'text': {
        const it = { ...base, kind: 'text' } as Record<string, unknown>;
        const max = number('survey', r, 'max_length');
        it.maxLength = max ?? 500;
        put(it, 'multiline', bool('survey', r, 'multiline'));
        item = it as unknown as SurveyItem;
        break;
      }
      default:
        problem(
          'survey',
          r.row,
          'type',
          `Không hiểu loại “${kind}” (dùng begin_group, end_group, select_one, select_multiple, likert5, matrix, row, number, text).`,
          `Unknown type “${kind}” (use begin_group, end_group, select_one, select_multiple, likert5, matrix, row, number, text).`,
        );
    }
    if (item) section.items.push(item);
  }
  if (section) {
    const last = records(sheets.survey).at(-1);
    problem(
      'survey',
      last?.row ?? 2,
      'type',
      `Nhóm “${section.code}” chưa được đóng bằng end_group.`,
      `The group “${section.code}” is not closed by end_group.`,
    );
  }
  if (!sections.length)
    problem('survey', 2, 'type', 'Phiếu chưa có nhóm câu hỏi nào.', 'The form has no group of questions.');

  const elements: Element[] = records(sheets.elements).map((r) => ({
    code: str(r.get('code')),
    name: requiredText('elements', r, 'name'),
  }));

  const definition: SurveyDefinition = { title, sections };
  if (intro) definition.intro = intro;
  if (namedScales.length) definition.scales = scales;
  if (elements.length) definition.elements = elements;
  return { definition, problems };
}

// ---------------------------------------------------------------------------------------------------------
// The workbook

const GUIDE: [string, string][] = [
  ['survey', 'Mỗi dòng một nhóm câu hỏi, một câu hỏi hoặc một dòng của câu hỏi dạng bảng (matrix).'],
  [
    'begin_group / end_group',
    'Mở và đóng một nhóm câu hỏi (name = mã nhóm, label = tiêu đề, hint = hướng dẫn).',
  ],
  ['select_one <danh sách>', 'Chọn một; các lựa chọn ở trang choices, cột list_name = tên danh sách.'],
  [
    'select_multiple <danh sách>',
    'Chọn nhiều (min_selections, max_selections; exclusive = yes: lựa chọn không đi cùng lựa chọn khác).',
  ],
  ['likert5 <thang đo>', 'Thang 5 mức; thang đo là một danh sách ở trang choices gồm các mức 1…5.'],
  ['matrix <thang đo>', 'Câu hỏi dạng bảng; các dòng “row” ngay sau là các tiêu chí (mã riêng, ví dụ 1.1).'],
  ['number', 'Số (min, max, integer = yes: số nguyên, unit::…: đơn vị).'],
  ['text', 'Câu trả lời tự do (max_length: số ký tự tối đa, multiline = yes: nhiều dòng).'],
  ['required', 'yes: bắt buộc trả lời (khi câu hỏi được hiển thị); no hoặc để trống: không bắt buộc.'],
  [
    'relevant',
    "Điều kiện hiển thị, chỉ theo câu hỏi đứng trước: ${kenh} = 'truc_tiep'; ${hai_long_chung} >= 4; ${mong_doi} in ('a', 'b'); answered(${y_kien}); not answered(${y_kien}); ${yt1/1.1} <= 2; nối bằng and / or (và / hoặc), nhóm bằng ngoặc đơn.",
  ],
  [
    'settings',
    'Tiêu đề, lời giới thiệu của phiếu; scales: tên các thang đo dùng chung (danh sách ở trang choices).',
  ],
  ['elements', 'Các nhóm tiêu chí (yếu tố) để tính chỉ số: code, name.'],
];

export async function definitionWorkbook(def: SurveyDefinition, title: string): Promise<Buffer> {
  const sheets = definitionToSheets(def);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = title;
  const widths: Record<SheetName, number[]> = {
    survey: [22, 16, 60, 50, 30, 30, 10, 36, 12, 12, 8, 8, 8, 10, 10, 10, 18, 18, 12, 12, 10, 10],
    choices: [18, 18, 50, 40, 10],
    settings: [50, 40, 50, 40, 24, 16],
    elements: [14, 50, 40],
  };
  for (const key of ['survey', 'choices', 'settings', 'elements'] as const) {
    const ws = wb.addWorksheet(SHEET_NAMES[key]);
    sheets[key].forEach((row, i) => {
      const r = ws.addRow(row);
      if (i === 0) r.font = { bold: true };
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((c, i) => {
      c.width = widths[key][i] ?? 14;
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const guide = wb.addWorksheet('hướng dẫn');
  guide.addRow(['Mục', 'Cách ghi']).font = { bold: true };
  for (const g of GUIDE) guide.addRow(g);
  guide.getColumn(1).width = 30;
  guide.getColumn(2).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const cellValue = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
};

export function sheetRows(ws: ExcelJS.Worksheet | undefined): SheetRow[] {
  if (!ws) return [];
  const rows: SheetRow[] = [];
  const width = Math.min(ws.columnCount, 60);
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > MAX_ROWS + 1) return;
    const out: SheetRow = [];
    for (let c = 1; c <= width; c++) out.push(cellValue(row.getCell(c).value));
    rows[n - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** The 415 for a file that is not an Excel workbook by its content. */
const notXlsx = (detected: string) =>
  new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'survey.not_xlsx', { detected });

/** An uploaded workbook, checked by its content (415 otherwise). */
export async function loadWorkbook(upload: { buffer: Buffer; filename: string }): Promise<ExcelJS.Workbook> {
  const sniffed = await sniffContentType(upload.buffer.subarray(0, 8192), upload.filename);
  if ('rejected' in sniffed) throw notXlsx(sniffed.rejected);
  if (sniffed.mediaType !== XLSX_MEDIA_TYPE) throw notXlsx(sniffed.mediaType);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(upload.buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx(sniffed.mediaType);
  }
  return wb;
}

/** Reads an uploaded questionnaire workbook: the definition, or its problems. */
export async function readDefinitionWorkbook(upload: { buffer: Buffer; filename: string }) {
  const wb = await loadWorkbook(upload);
  const sheet = (name: SheetName) => sheetRows(wb.getWorksheet(SHEET_NAMES[name]));
  return sheetsToDefinition({
    survey: sheetRows(wb.getWorksheet(SHEET_NAMES.survey) ?? wb.worksheets[0]),
    choices: sheet('choices'),
    settings: sheet('settings'),
    elements: sheet('elements'),
  });
}

/** The 400 of a refused workbook: every problem with its sheet, row and column, in the caller's language. */
export function xlsformInvalid(ctx: RequestContext, problems: readonly XlsFormProblem[]): AppError {
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  return new AppError(
    400,
    'IMPORT_INVALID',
    'survey.xlsform_invalid',
    { count: problems.length },
    problems.map((p) => ({
      field: `${SHEET_NAMES[p.sheet]}!${p.row}${p.column ? ` ${p.column}` : ''}`,
      message: p.message[lang] || p.message.vi,
    })),
  );
}
