/**
 * The data annexes of a consolidated report (phụ lục số liệu) as an Excel workbook — pure: a form version,
 * its consolidation and the expected units' submission status in, the .xlsx bytes out. No database, no
 * clock (the workbook's date is a parameter).
 *
 * Sheets, in Vietnamese:
 * 1. *Tổng hợp* — one row per figure of the form (number, percent, computed), then one row per option of
 *    each choice: section numbering, label, unit, the consolidated figure, how it was aggregated (Tổng,
 *    Trung bình, …), and how many units reported it.
 * 2. *Theo đơn vị* — one row per unit that submitted, one column per figure (and choice) of the form: the
 *    unit's own value, taken from the consolidation's sources; a last row with the consolidated figures.
 * 3. *Tình hình nộp* — every expected unit: its status, the day it submitted, "Nộp muộn"; the units that did
 *    not submit are listed too.
 * 4. *Bảng* (only when the form has tables) — each fixed-row table consolidated cell by cell, and each
 *    free-row table listed with the units' names, one block per table.
 *
 * Figures are numeric cells with number formats (`#,##0`, `#,##0.0`), so Excel shows them in the reader's
 * locale (1.234,5 in Vietnamese). A percentage is stored as a fraction with a percent format (85,5% is
 * 0.855), so it computes like any Excel percentage. **Empty is never 0**: a figure nobody reported, or a
 * unit left empty, is an empty cell.
 */
import ExcelJS from 'exceljs';
import {
  formFields,
  isNumeric,
  type Aggregate,
  type ChoiceField,
  type Column,
  type ConsolidatedCell,
  type ConsolidatedField,
  type Consolidation,
  type Field,
  type FormVersion,
  type LocalText,
  type PlacedField,
  type TableField,
} from '../form/index.js';

export const REPORT_SHEETS = {
  summary: 'Tổng hợp',
  byUnit: 'Theo đơn vị',
  submissions: 'Tình hình nộp',
  tables: 'Bảng',
} as const;

/** An expected unit and how its report stands. */
export type UnitSubmission = {
  unitId: string;
  unitName: string;
  /** The status as the user reads it, in Vietnamese ("Đã nộp", "Chưa nộp", "Bị trả lại", …). */
  status: string;
  /** The day it submitted (YYYY-MM-DD), or null. */
  submittedOn: string | null;
  /** Submitted after the deadline. */
  late: boolean;
};

export type ReportWorkbookInput = {
  form: FormVersion;
  /** The period as printed, e.g. "Quý III năm 2026". */
  periodLabel: string;
  consolidation: Consolidation;
  /** Every unit expected to report, in the order to list them. */
  units: readonly UnitSubmission[];
  /** The title over the sheets (default: the form's name). */
  title?: string;
  /** The day the annex is drawn up (YYYY-MM-DD): printed, and the file's date. */
  date?: string;
};

export const LATE_MARK = 'Nộp muộn';
export const FONT_NAME = 'Times New Roman';
const FONT_SIZE = 12;

export const AGGREGATE_WORDS: Record<Aggregate, string> = {
  sum: 'Tổng',
  average: 'Trung bình',
  weighted_average: 'Trung bình có trọng số',
  min: 'Nhỏ nhất',
  max: 'Lớn nhất',
  count_units: 'Số đơn vị có số liệu',
  recompute: 'Tính lại theo công thức',
  compile: 'Tổng hợp nội dung',
  combine: 'Tổng hợp theo ô',
  none: 'Không tổng hợp',
};
const CHOICE_WORDS = 'Số đơn vị chọn';

// ---------------------------------------------------------------------------------------------------
// Formats

type NumericSpec = { type: string; decimals: number; result?: 'number' | 'percent'; unit?: LocalText };

const isPercent = (f: NumericSpec) =>
  f.type === 'percent' || (f.type === 'computed' && f.result === 'percent');

/** `#,##0`, `#,##0.0`, … or `0.0%`: Excel writes them in the reader's locale (1.234,5 / 85,5%). */
export function numberFormat(decimals: number, percent: boolean): string {
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const tail = d > 0 ? `.${'0'.repeat(d)}` : '';
  return percent ? `0${tail}%` : `#,##0${tail}`;
}

/** How a figure is stored and shown under its aggregate: a count of units is a whole number of units. */
function figureStyle(f: NumericSpec, aggregate: Aggregate) {
  if (aggregate === 'count_units') return { percent: false, decimals: 0, unit: 'đơn vị' };
  const percent = isPercent(f);
  // Averages are not rounded by the consolidation: show two decimals at least for counts.
  const decimals =
    !percent && (aggregate === 'average' || aggregate === 'weighted_average')
      ? Math.max(f.decimals, 2)
      : f.decimals;
  return { percent, decimals, unit: percent ? '%' : (f.unit?.vi ?? '') };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A figure into a cell: a number with its format, or nothing at all when empty. */
function putFigure(cell: ExcelJS.Cell, value: unknown, style: { percent: boolean; decimals: number }) {
  if (!isFiniteNumber(value)) return;
  cell.value = style.percent ? value / 100 : value;
  cell.numFmt = numberFormat(style.decimals, style.percent);
  cell.alignment = { horizontal: 'right', vertical: 'top' };
}

/** `2026-10-05` → a date cell (Excel dates carry no zone: midnight UTC is the day itself). */
const dateCell = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------------
// Layout helpers

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

function boxRange(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number) {
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) ws.getCell(r, c).border = BOX;
}

function headerRow(ws: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[], height?: number) {
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  if (height) row.height = height;
}

/** Title lines over a sheet's table, bold first. Returns the next free row. */
function titleLines(ws: ExcelJS.Worksheet, lines: readonly string[], span: number): number {
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    if (span > 1) ws.mergeCells(i + 1, 1, i + 1, span);
  });
  return lines.length + 2;
}

/** A header row's height for labels wrapped in columns `width` characters wide. */
function wrappedHeight(texts: readonly string[], widths: readonly number[]): number {
  let lines = 1;
  texts.forEach((t, i) => {
    const w = Math.max(4, (widths[i] ?? 12) - 1);
    lines = Math.max(lines, Math.ceil(t.length / w));
  });
  return Math.min(220, lines * 16 + 6);
}

/** Times New Roman on every cell, keeping each cell's bold, italic and size. */
function applyFont(ws: ExcelJS.Worksheet) {
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.font = { size: FONT_SIZE, ...cell.font, name: FONT_NAME };
    }),
  );
}

function printSetup(ws: ExcelJS.Worksheet, o: { landscape: boolean; titleRows?: string; fitWidth: boolean }) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: o.landscape ? 'landscape' : 'portrait',
    fitToPage: o.fitWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(o.titleRows ? { printTitlesRow: o.titleRows } : {}),
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

// ---------------------------------------------------------------------------------------------------
// What the sheets list

/** "II.2" from the section's "II." and the subsection's "2."; "" when neither is numbered. */
function placeNumbering(p: PlacedField): string {
  const parts = [p.section.numbering, p.subsection?.numbering]
    .filter((x): x is string => !!x)
    .map((x) => x.replace(/\.$/, ''));
  return parts.join('.');
}

/** The words of a field's aggregate, naming the weight of a weighted average. */
function aggregateWords(f: Field, aggregate: Aggregate, labels: Map<string, string>): string {
  const words = AGGREGATE_WORDS[aggregate];
  if (aggregate === 'weighted_average' && 'weight' in f && f.weight) {
    const weight = labels.get(f.weight);
    return weight ? `${words} (theo «${weight}»)` : words;
  }
  return words;
}

type FigureRow = {
  placed: PlacedField;
  /** The label in the sheets (Vietnamese). */
  label: string;
  consolidated: ConsolidatedField | undefined;
};

const choiceLabels = (f: ChoiceField | Extract<Column, { type: 'choice' }>, value: unknown): string => {
  const keys = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return keys
    .filter((k): k is string => typeof k === 'string')
    .map((k) => f.options.find((o) => o.key === k)?.label.vi ?? k)
    .join('; ');
};

// ---------------------------------------------------------------------------------------------------
// The sheets

function summarySheet(
  wb: ExcelJS.Workbook,
  input: ReportWorkbookInput,
  figures: FigureRow[],
  head: string[],
) {
  const ws = wb.addWorksheet(REPORT_SHEETS.summary);
  const labels = new Map(formFields(input.form).map((p) => [p.field.key, p.field.label.vi]));
  const headers = [
    'Mục',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Số liệu tổng hợp',
    'Cách tổng hợp',
    'Số đơn vị có số liệu',
  ];
  const widths = [8, 60, 14, 18, 26, 14];
  ws.columns = widths.map((width) => ({ width }));
  const top = titleLines(ws, head, headers.length);
  headerRow(ws, top, headers, wrappedHeight(headers, widths));
  let r = top + 1;
  for (const fig of figures) {
    const f = fig.placed.field;
    const cons = fig.consolidated;
    if (f.type === 'choice') {
      if (cons?.kind !== 'choice' || cons.aggregate === 'none') continue;
      for (const option of f.options) {
        const row = ws.getRow(r++);
        row.getCell(1).value = placeNumbering(fig.placed);
        row.getCell(2).value = `${f.label.vi}: ${option.label.vi}`;
        row.getCell(3).value = 'đơn vị';
        putFigure(row.getCell(4), cons.counts[option.key] ?? 0, { percent: false, decimals: 0 });
        row.getCell(5).value = CHOICE_WORDS;
        putFigure(row.getCell(6), cons.reported, { percent: false, decimals: 0 });
      }
      continue;
    }
    if (!isNumeric(f)) continue;
    const aggregate = cons?.kind === 'number' ? cons.aggregate : (f as { aggregate: Aggregate }).aggregate;
    const style = figureStyle(f as NumericSpec, aggregate);
    const row = ws.getRow(r++);
    row.getCell(1).value = placeNumbering(fig.placed);
    row.getCell(2).value = fig.label;
    row.getCell(3).value = style.unit;
    if (cons?.kind === 'number') putFigure(row.getCell(4), cons.value, style);
    row.getCell(5).value = aggregateWords(f, aggregate, labels);
    putFigure(row.getCell(6), cons?.kind === 'number' ? cons.reported : 0, { percent: false, decimals: 0 });
  }
  for (let i = top + 1; i < r; i++) {
    ws.getCell(i, 1).alignment = { horizontal: 'center', vertical: 'top' };
    ws.getCell(i, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(i, 3).alignment = { horizontal: 'center', vertical: 'top' };
    ws.getCell(i, 5).alignment = { wrapText: true, vertical: 'top' };
  }
  boxRange(ws, top, 1, r - 1, headers.length);
  ws.views = [{ state: 'frozen', ySplit: top, xSplit: 0 }];
  ws.autoFilter = {
    from: { row: top, column: 1 },
    to: { row: Math.max(top, r - 1), column: headers.length },
  };
  printSetup(ws, { landscape: false, titleRows: `${top}:${top}`, fitWidth: true });
  applyFont(ws);
}

function byUnitSheet(wb: ExcelJS.Workbook, input: ReportWorkbookInput, figures: FigureRow[], head: string[]) {
  const ws = wb.addWorksheet(REPORT_SHEETS.byUnit);
  const c = input.consolidation;
  const columns = figures.filter((fig) => isNumeric(fig.placed.field) || fig.placed.field.type === 'choice');
  const headers = ['STT', 'Đơn vị', ...columns.map((fig) => fig.label)];
  const widths = [6, 34, ...columns.map((fig) => (fig.placed.field.type === 'choice' ? 20 : 16))];
  ws.columns = widths.map((width) => ({ width }));
  const top = titleLines(ws, head, Math.min(headers.length, 8));
  headerRow(ws, top, headers, wrappedHeight(headers, widths));
  // Second header row: the section and the unit of each column.
  const units = [
    '',
    '',
    ...columns.map((fig) => {
      const f = fig.placed.field;
      const n = placeNumbering(fig.placed);
      const unit = f.type === 'choice' ? '' : figureStyle(f as NumericSpec, 'none').unit;
      return [n && `Mục ${n}`, unit && `(${unit})`].filter(Boolean).join(' ');
    }),
  ];
  headerRow(ws, top + 1, units);
  for (let i = 1; i <= headers.length; i++) ws.getCell(top + 1, i).font = { italic: true };
  ws.mergeCells(top, 1, top + 1, 1);
  ws.mergeCells(top, 2, top + 1, 2);

  // Each unit's own values, by field: from the consolidation's sources (a unit that left it empty has none).
  const own = columns.map((fig) => {
    const m = new Map<string, unknown>();
    const cons = fig.consolidated;
    if (cons && (cons.kind === 'number' || cons.kind === 'choice'))
      for (const s of cons.sources) m.set(s.unitId, s.value);
    return m;
  });
  let r = top + 2;
  c.units.forEach((u, i) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = i + 1;
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    row.getCell(2).value = u.unitName;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    columns.forEach((fig, j) => {
      const f = fig.placed.field;
      const value = own[j]!.get(u.unitId);
      const cell = row.getCell(j + 3);
      if (f.type === 'choice') {
        const t = choiceLabels(f, value);
        if (t) cell.value = t;
        cell.alignment = { wrapText: true, vertical: 'top' };
      } else putFigure(cell, value, figureStyle(f as NumericSpec, 'none'));
    });
  });
  // The consolidated figures.
  const total = ws.getRow(r++);
  total.getCell(2).value = 'Số liệu tổng hợp';
  columns.forEach((fig, j) => {
    const cons = fig.consolidated;
    const cell = total.getCell(j + 3);
    if (cons?.kind === 'number')
      putFigure(cell, cons.value, figureStyle(fig.placed.field as NumericSpec, cons.aggregate));
    else if (cons?.kind === 'choice' && fig.placed.field.type === 'choice') {
      const f = fig.placed.field;
      cell.value = f.options.map((o) => `${o.label.vi}: ${cons.counts[o.key] ?? 0}`).join('; ');
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  });
  for (let i = 1; i <= headers.length; i++) total.getCell(i).font = { bold: true };
  boxRange(ws, top, 1, r - 1, headers.length);
  ws.views = [{ state: 'frozen', ySplit: top + 1, xSplit: 2 }];
  printSetup(ws, { landscape: true, titleRows: `${top}:${top + 1}`, fitWidth: false });
  ws.pageSetup.printTitlesColumn = 'A:B';
  applyFont(ws);
}

function submissionsSheet(wb: ExcelJS.Workbook, input: ReportWorkbookInput, head: string[]) {
  const ws = wb.addWorksheet(REPORT_SHEETS.submissions);
  const c = input.consolidation;
  const consolidated = new Set(c.units.map((u) => u.unitId));
  // Every expected unit; a unit the consolidation knows but the list does not is added, so none is lost.
  const list: UnitSubmission[] = [...input.units];
  const known = new Set(list.map((u) => u.unitId));
  for (const u of c.units)
    if (!known.has(u.unitId)) {
      known.add(u.unitId);
      list.push({ ...u, status: 'Đã nộp', submittedOn: null, late: false });
    }
  for (const u of c.notSubmitted)
    if (!known.has(u.unitId)) {
      known.add(u.unitId);
      list.push({ ...u, status: 'Chưa nộp', submittedOn: null, late: false });
    }
  const submitted = list.filter((u) => u.submittedOn !== null || consolidated.has(u.unitId));
  const late = submitted.filter((u) => u.late).length;
  const headers = ['STT', 'Đơn vị', 'Tình trạng', 'Ngày nộp', 'Nộp muộn'];
  const widths = [6, 44, 20, 14, 12];
  ws.columns = widths.map((width) => ({ width }));
  const top = titleLines(
    ws,
    [
      ...head.slice(0, 2),
      `Tổng số đơn vị: ${list.length}; đã nộp: ${submitted.length} (nộp muộn: ${late}); chưa nộp: ${list.length - submitted.length}.`,
    ],
    headers.length,
  );
  headerRow(ws, top, headers, wrappedHeight(headers, widths));
  list.forEach((u, i) => {
    const row = ws.getRow(top + 1 + i);
    row.getCell(1).value = i + 1;
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    row.getCell(2).value = u.unitName;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(3).value = u.status;
    if (u.submittedOn) {
      row.getCell(4).value = dateCell(u.submittedOn);
      row.getCell(4).numFmt = 'dd/mm/yyyy';
      row.getCell(4).alignment = { horizontal: 'center', vertical: 'top' };
    }
    if (u.late) {
      row.getCell(5).value = LATE_MARK;
      row.getCell(5).alignment = { horizontal: 'center', vertical: 'top' };
    }
    if (u.submittedOn === null && !consolidated.has(u.unitId)) row.getCell(3).font = { italic: true };
  });
  const last = top + list.length;
  boxRange(ws, top, 1, last, headers.length);
  ws.views = [{ state: 'frozen', ySplit: top, xSplit: 0 }];
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: last, column: headers.length } };
  printSetup(ws, { landscape: false, titleRows: `${top}:${top}`, fitWidth: true });
  applyFont(ws);
}

/** A consolidated fixed-table cell into a cell: the figure, the counts per option, or the units' texts. */
function putConsolidatedCell(cell: ExcelJS.Cell, col: Column, cons: ConsolidatedCell | undefined) {
  if (!cons) return;
  if (cons.kind === 'number') {
    if (col.type === 'number' || col.type === 'percent')
      putFigure(cell, cons.value, figureStyle(col, cons.aggregate));
    return;
  }
  if (cons.kind === 'choice' && col.type === 'choice') {
    if (cons.aggregate !== 'none')
      cell.value = col.options.map((o) => `${o.label.vi}: ${cons.counts[o.key] ?? 0}`).join('; ');
  } else if (cons.kind === 'text' && cons.entries.length > 0)
    cell.value = cons.entries.map((e) => `${e.unitName}: ${e.text}`).join('\n');
  cell.alignment = { wrapText: true, vertical: 'top' };
}

function tablesSheet(
  wb: ExcelJS.Workbook,
  input: ReportWorkbookInput,
  tables: PlacedField[],
  head: string[],
) {
  const ws = wb.addWorksheet(REPORT_SHEETS.tables);
  const c = input.consolidation;
  const widest = Math.max(...tables.map((p) => (p.field as TableField).columns.length));
  ws.columns = [{ width: 32 }, ...Array.from({ length: widest }, () => ({ width: 18 }))];
  let r = titleLines(ws, head, Math.min(widest + 1, 8));
  for (const p of tables) {
    const t = p.field as TableField;
    const cons = c.fields[t.key];
    const n = placeNumbering(p);
    const title = ws.getCell(r, 1);
    title.value = `${n ? `Mục ${n}. ` : ''}${t.label.vi}`;
    title.font = { bold: true };
    r += 1;
    const colHeaders = t.columns.map((col) =>
      col.type === 'number' && col.unit
        ? `${col.label.vi} (${col.unit.vi})`
        : col.type === 'percent' && !col.label.vi.includes('%')
          ? `${col.label.vi} (%)`
          : col.label.vi,
    );
    const widths = [32, ...t.columns.map(() => 18)];
    const top = r;
    if (t.fixedRows) {
      headerRow(ws, r, ['Nội dung', ...colHeaders], wrappedHeight(['Nội dung', ...colHeaders], widths));
      r += 1;
      headerRow(ws, r, ['Cách tổng hợp', ...t.columns.map((col) => AGGREGATE_WORDS[col.aggregate])]);
      for (let i = 1; i <= t.columns.length + 1; i++) ws.getCell(r, i).font = { italic: true };
      r += 1;
      const rows = cons?.kind === 'table' && cons.mode === 'fixed' ? cons.rows : [];
      for (const fr of t.fixedRows) {
        const consRow = rows.find((x) => x.key === fr.key);
        ws.getCell(r, 1).value = fr.label.vi;
        ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
        t.columns.forEach((col, j) =>
          putConsolidatedCell(ws.getCell(r, j + 2), col, consRow?.cells[col.key]),
        );
        r += 1;
      }
      boxRange(ws, top, 1, r - 1, t.columns.length + 1);
    } else {
      headerRow(ws, r, ['Đơn vị', ...colHeaders], wrappedHeight(['Đơn vị', ...colHeaders], widths));
      r += 1;
      const rows = cons?.kind === 'table' && cons.mode === 'free' ? cons.rows : [];
      for (const row of rows) {
        ws.getCell(r, 1).value = row.unitName;
        ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
        t.columns.forEach((col, j) => {
          const cell = ws.getCell(r, j + 2);
          const v = row.cells[col.key];
          if (col.type === 'number' || col.type === 'percent') putFigure(cell, v, figureStyle(col, 'none'));
          else {
            const text = col.type === 'choice' ? choiceLabels(col, v) : typeof v === 'string' ? v : '';
            if (text) cell.value = text;
            cell.alignment = { wrapText: true, vertical: 'top' };
          }
        });
        r += 1;
      }
      if (rows.length === 0) {
        ws.getCell(r, 1).value = 'Không có';
        ws.getCell(r, 1).font = { italic: true };
        r += 1;
      }
      boxRange(ws, top, 1, r - 1, t.columns.length + 1);
    }
    const reported = cons?.kind === 'table' ? cons.reported : 0;
    ws.getCell(r, 1).value = `Số đơn vị đã nhập bảng: ${reported}`;
    ws.getCell(r, 1).font = { italic: true };
    r += 2;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 0 }];
  printSetup(ws, { landscape: true, fitWidth: true });
  applyFont(ws);
}

/**
 * The data annexes of a consolidated report as .xlsx bytes: Tổng hợp, Theo đơn vị, Tình hình nộp, and Bảng
 * when the form has tables.
 */
export async function reportWorkbook(input: ReportWorkbookInput): Promise<Buffer> {
  const { form, consolidation: c } = input;
  if (c.formKey !== form.key || c.formVersion !== form.version)
    throw new RangeError(
      `The consolidation is of ${c.formKey} v${c.formVersion}, not of the form ${form.key} v${form.version}`,
    );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  const fileDate = input.date ? dateCell(input.date) : new Date(0);
  wb.created = fileDate;
  wb.modified = fileDate;
  wb.title = `${input.title ?? form.name.vi} — ${input.periodLabel}`;

  const placed = formFields(form);
  const figures: FigureRow[] = placed
    .filter((p) => isNumeric(p.field) || p.field.type === 'choice')
    .map((p) => ({ placed: p, label: p.field.label.vi, consolidated: c.fields[p.field.key] }));
  const tables = placed.filter((p) => p.field.type === 'table' && p.field.aggregate !== 'none');
  const submittedCount = c.units.length;
  const expected = new Set([
    ...input.units.map((u) => u.unitId),
    ...c.units.map((u) => u.unitId),
    ...c.notSubmitted.map((u) => u.unitId),
  ]).size;
  const head = [
    (input.title ?? form.name.vi).toLocaleUpperCase('vi'),
    `Kỳ báo cáo: ${input.periodLabel}${input.date ? ` — ngày lập: ${viDate(input.date)}` : ''}`,
    `Số đơn vị đã nộp báo cáo: ${submittedCount}/${expected}`,
  ];

  summarySheet(wb, input, figures, head);
  byUnitSheet(wb, input, figures, head);
  submissionsSheet(wb, input, head);
  if (tables.length > 0) tablesSheet(wb, input, tables, head);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
