/**
 * A framework version as an Excel workbook and back (ExcelJS around the pure ./rules/framework-sheet.ts): two
 * sheets — "Bộ tiêu chí" (one row an item: fields, criteria, sub-criteria, bonus and penalty) and "Xếp loại và
 * thiết lập" (grade bands and the caps) — that the province edits and imports as a new version. An import is all
 * or nothing: any problem refuses the whole file, each problem named with its sheet, row and column.
 */
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { sniffContentType, XLSX_MEDIA_TYPE } from '../files/content-type.js';
import {
  MAX_ROWS,
  rowsToTree,
  SHEET_NAMES,
  treeToRows,
  type Cell,
  type FrameworkSheets,
  type SheetImport,
  type SheetRow,
} from './rules/framework-sheet.js';
import type { FrameworkTree, GradeBand } from './rules/framework-types.js';

export async function frameworkWorkbook(o: {
  title: string;
  tree: FrameworkTree;
  gradeBands: readonly GradeBand[];
  rescaleWithoutSurvey: boolean;
}): Promise<Buffer> {
  const sheets = treeToRows(o.tree, o.gradeBands, o.rescaleWithoutSurvey);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = o.title;
  for (const key of ['items', 'settings'] as const) {
    const ws = wb.addWorksheet(SHEET_NAMES[key]);
    sheets[key].forEach((row, i) => {
      const r = ws.addRow(row);
      if (i === 0) {
        r.font = { bold: true };
        r.alignment = { wrapText: true, vertical: 'middle' };
      }
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((c, i) => {
      c.width =
        key === 'items' ? ([10, 60, 40, 10, 14, 28, 18, 50, 40][i] ?? 16) : ([24, 30, 30, 14][i] ?? 16);
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellValue = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'x' : null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
};

function sheetRows(ws: ExcelJS.Worksheet | undefined): SheetRow[] {
  if (!ws) return [];
  const rows: SheetRow[] = [];
  const width = ws.columnCount;
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
  new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'parindex.framework_not_xlsx', { detected });

/** Reads an uploaded workbook (checked by its content) into a framework version, or its problems. */
export async function readFrameworkWorkbook(upload: {
  buffer: Buffer;
  filename: string;
}): Promise<SheetImport> {
  const sniffed = await sniffContentType(upload.buffer.subarray(0, 8192), upload.filename);
  if ('rejected' in sniffed) throw notXlsx(sniffed.rejected);
  if (sniffed.mediaType !== XLSX_MEDIA_TYPE) throw notXlsx(sniffed.mediaType);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(upload.buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx(sniffed.mediaType);
  }
  const sheets: FrameworkSheets = {
    items: sheetRows(wb.getWorksheet(SHEET_NAMES.items) ?? wb.worksheets[0]),
    settings: sheetRows(wb.getWorksheet(SHEET_NAMES.settings) ?? wb.worksheets[1]),
  };
  return rowsToTree(sheets);
}

/** The 400 of a refused import: every problem with its sheet, row and column, in the caller's language. */
export function importInvalid(ctx: RequestContext, problems: SheetImport['problems']): AppError {
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  return new AppError(
    400,
    'IMPORT_INVALID',
    'parindex.framework_import_invalid',
    { count: problems.length },
    problems.map((p) => ({
      field: `${SHEET_NAMES[p.sheet]}!${p.row}${p.column ? ` ${p.column}` : ''}`,
      message: p.message[lang] || p.message.vi,
    })),
  );
}
