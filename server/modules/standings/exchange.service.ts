/**
 * The results workbook (./rules/import-rows.ts has its columns and row rules).
 *
 * - **Export** (`GET /api/standings/export.xlsx`): the sheet "Kết quả" with one row per index, year and dimension of
 *   the years asked — the overall first, then the dimensions of that year's methodology — prefilled with the stored
 *   results (a year without them is a template to fill); "Hướng dẫn" with the columns and each index's dimensions by
 *   methodology version; "Mục tiêu" with the targets (for reading: the import ignores it).
 * - **Import** (`POST /api/standings/import`): the upload's type is sniffed from its content (not .xlsx → 415); the
 *   rows are read and checked outside any transaction; any problem → nothing written, every problem listed by row
 *   and column in the caller's language. Then one transaction creates the new results and updates the changed ones
 *   (checked against what was read: a result entered or changed meanwhile → 409 and nothing written), one journal entry
 *   each (`import`). A row equal to its stored result writes nothing, so the same file again changes nothing.
 *   `dryRun` checks and says what would happen.
 */
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { translate, type MessageKey } from '../../core/messages.js';
import { recordChange } from '../audit/audit.service.js';
import { sniffContentType } from '../files/content-type.js';
import { XLSX_MEDIA_TYPE } from '../files/content-type.js';
import { safeFileName } from '../plans/plans-import.service.js';
import {
  COLUMNS,
  dimensionFor,
  dimensionsFor,
  GUIDE_SHEET,
  INDEX_CODES,
  INDEX_SPECS,
  METHODOLOGIES,
  OVERALL,
  OVERALL_NAME,
  pickCells,
  plainCell,
  planRows,
  readHeader,
  RESULTS_SHEET,
  validateRows,
  fold,
  type ImportProblem,
  type RawRow,
} from './rules/index.js';
import type { ImportOut } from './standings.schemas.js';
import {
  checkDocument,
  editableProvince,
  provinceResults,
  readableProvince,
  scaleOf,
  thisYear,
} from './standings.service.js';
import { standingResults, standingTargets } from './standings.table.js';

export { XLSX_MEDIA_TYPE };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TARGETS_SHEET = 'Mục tiêu';

/** 2 decimals with a comma, as the Ministry publishes (for text cells: the figures themselves stay numbers). */
const vn = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v);

/** The workbook of a province's results over the years asked (default: the last five). */
export async function exportWorkbook(
  ctx: RequestContext,
  query: { fromYear?: number | undefined; toYear?: number | undefined; provinceId?: string | undefined },
): Promise<{ buffer: Buffer; fileName: string }> {
  const province = await readableProvince(ctx, query.provinceId);
  const toYear = query.toYear ?? Math.max(query.fromYear ?? 0, thisYear());
  const fromYear = Math.max(query.fromYear ?? toYear - 4, toYear - 30);
  const results = await provinceResults(ctx, province.id);
  const byKey = new Map(results.map((r) => [`${r.indexCode}|${r.year}|${r.dimensionCode}`, r]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = `Kết quả chỉ số - ${province.name}`;
  wb.created = new Date(0);
  wb.modified = new Date(0);

  const ws = wb.addWorksheet(RESULTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).fill = HEADER_FILL;
    header.getCell(i + 1).note = c.guide;
  });
  for (const key of ['value', 'maxValue', 'nationalAverage'] as const)
    ws.getColumn(COLUMNS.findIndex((c) => c.key === key) + 1).numFmt = '#,##0.00';
  for (const index of INDEX_CODES)
    for (let year = fromYear; year <= toYear; year++)
      for (const d of [dimensionFor(index, year, OVERALL)!, ...dimensionsFor(index, year)]) {
        const r = byKey.get(`${index}|${year}|${d.code}`);
        ws.addRow({
          index: INDEX_SPECS[index].shortName.vi,
          year,
          dimension: d.code === OVERALL ? OVERALL_NAME.vi : d.name.vi,
          value: r?.value ?? null,
          maxValue: r ? scaleOf(r) : d.scaleMax,
          rank: r?.rank ?? null,
          rankOf: r?.rankOf ?? null,
          nationalAverage: r?.nationalAverage ?? null,
          source: r?.source || null,
          note: r?.note || null,
        });
      }

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { key: 'a', width: 30 },
    { key: 'b', width: 12 },
    { key: 'c', width: 80 },
    { key: 'd', width: 30 },
  ];
  guide.addRow([`HƯỚNG DẪN NHẬP KẾT QUẢ CHỈ SỐ CỦA ${province.name.toLocaleUpperCase('vi')}`]).font = {
    bold: true,
    size: 13,
  };
  guide.addRow([
    'Mỗi dòng của sheet "Kết quả" là một kết quả công bố: chỉ số, năm đánh giá, lĩnh vực/yếu tố/nội dung và giá trị. Dòng để trống cột Giá trị được bỏ qua.',
  ]);
  guide.addRow([
    'Hệ thống kiểm tra mọi dòng trước khi ghi: chỉ cần một dòng sai là không ghi dòng nào. Nhập lại cùng một tệp không làm thay đổi gì; giá trị khác với giá trị đã lưu được cập nhật và ghi nhật ký.',
  ]);
  guide.addRow([]);
  const th = guide.addRow(['Cột', 'Bắt buộc', 'Cách nhập', 'Ví dụ']);
  th.font = { bold: true };
  for (const c of COLUMNS)
    guide.addRow([c.header.replace('*', ''), c.required ? 'Có' : '', c.guide, c.example]);
  guide.addRow([]);
  guide.addRow(['DANH MỤC LĨNH VỰC, YẾU TỐ, NỘI DUNG THEO PHƯƠNG PHÁP ĐÁNH GIÁ']).font = { bold: true };
  for (const index of INDEX_CODES)
    for (const m of METHODOLOGIES.filter((x) => x.index === index)) {
      const span = m.toYear === null ? `từ năm ${m.fromYear}` : `năm ${m.fromYear}–${m.toYear}`;
      guide.addRow([`${INDEX_SPECS[index].shortName.vi} (${span})`, '', m.basis.vi]).font = { bold: true };
      guide.addRow(['', '', `${OVERALL_NAME.vi} — thang ${vn(m.overallMax)}`]);
      for (const d of m.dimensions) guide.addRow(['', '', `${d.name.vi} — thang ${vn(d.scaleMax)}`]);
    }

  const targets = await ctx.db
    .select()
    .from(standingTargets)
    .where(eq(standingTargets.provinceId, province.id));
  const ts = wb.addWorksheet(TARGETS_SHEET);
  ts.columns = [
    { header: 'Chỉ số', key: 'index', width: 16 },
    { header: 'Năm', key: 'year', width: 8 },
    { header: 'Lĩnh vực, yếu tố, nội dung', key: 'dimension', width: 58 },
    { header: 'Giá trị cần đạt', key: 'value', width: 14 },
    { header: 'Thứ hạng cần đạt', key: 'rank', width: 14 },
    { header: 'Căn cứ', key: 'source', width: 40 },
  ];
  ts.getRow(1).font = { bold: true };
  for (const t of targets.toSorted((a, b) => a.year - b.year || a.indexCode.localeCompare(b.indexCode))) {
    const d = dimensionFor(t.indexCode, t.year, t.dimensionCode);
    ts.addRow({
      index: INDEX_SPECS[t.indexCode].shortName.vi,
      year: t.year,
      dimension: d?.name.vi ?? OVERALL_NAME.vi,
      value: t.targetValue,
      rank: t.targetRank,
      source: t.source || null,
    });
  }

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    buffer,
    fileName: safeFileName(`Kết quả chỉ số ${fromYear}-${toYear} - ${province.name}.xlsx`),
  };
}

// ---------------------------------------------------------------------------------------------------
// Import

export type ImportProblemOut = ImportOut['problems'][number];

const present = (ctx: RequestContext, problems: readonly ImportProblem[]): ImportProblemOut[] =>
  problems.map((p) => ({
    row: p.row,
    field: p.field,
    column: p.column,
    key: p.key,
    message: translate(ctx.locale, p.key as MessageKey, p.params),
  }));

/** The results sheet's header and rows as plain cells. */
async function readWorkbook(buffer: Buffer): Promise<{ rows: RawRow[]; problems: ImportProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'IMPORT_UNREADABLE', 'standings.import.unreadable');
  }
  const ws =
    wb.getWorksheet(RESULTS_SHEET) ??
    wb.worksheets.find((s) => fold(s.name) === fold(RESULTS_SHEET)) ??
    wb.worksheets[0];
  if (!ws) throw new AppError(400, 'IMPORT_UNREADABLE', 'standings.import.unreadable');
  const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map(plainCell);
  const { columns, problems } = readHeader(values(ws.getRow(1)));
  if (problems.length) return { rows: [], problems };
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1) rows.push(pickCells(n, values(row), columns));
  });
  return { rows, problems: [] };
}

export type ImportOutcome = { kind: 'done'; out: ImportOut } | { kind: 'invalid'; out: ImportOut };

/** Imports a results workbook (see the header of this file); the caller reads the upload into memory first. */
export async function importResults(
  ctx: RequestContext,
  upload: { buffer: Buffer; filename: string },
  options: { dryRun: boolean; provinceId?: string | undefined; sourceDocumentId?: string | undefined },
): Promise<ImportOutcome> {
  const province = await editableProvince(ctx, options.provinceId);
  if (upload.buffer.length === 0) throw new AppError(400, 'FILE_EMPTY', 'file.empty');
  const sniffed = await sniffContentType(upload.buffer.subarray(0, 8192), upload.filename);
  const detected = 'rejected' in sniffed ? sniffed.rejected : sniffed.mediaType;
  if (detected !== XLSX_MEDIA_TYPE)
    throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'standings.import.not_xlsx', { detected });
  await checkDocument(ctx, options.sourceDocumentId, 'sourceDocumentId');

  const read = await readWorkbook(upload.buffer);
  const checked = read.problems.length
    ? { rows: [], problems: read.problems, skipped: 0 }
    : validateRows(read.rows, { maxYear: thisYear() });
  const stored = await provinceResults(ctx, province.id);
  const plan = planRows(checked.rows, stored, options.sourceDocumentId ?? null);
  const count = (kind: string) => plan.filter((p) => p.kind === kind).length;
  const out: ImportOut = {
    dryRun: options.dryRun,
    valid: checked.problems.length === 0,
    rows: plan.map((p) => ({
      row: p.row.row,
      indexCode: p.row.indexCode,
      year: p.row.year,
      dimensionCode: p.row.dimensionCode,
      dimensionName: dimensionFor(p.row.indexCode, p.row.year, p.row.dimensionCode)!.name,
      value: p.row.value,
      rank: p.row.rank,
      rankOf: p.row.rankOf,
      outcome: p.kind,
      changed: p.kind === 'update' ? [...p.changed] : [],
    })),
    problems: present(ctx, checked.problems),
    skipped: checked.skipped,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
  };
  if (!out.valid) return { kind: 'invalid', out };
  if (options.dryRun || out.created + out.updated === 0) return { kind: 'done', out };

  await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx };
    for (const p of plan) {
      const values = {
        value: p.row.value,
        maxValue: p.row.maxValue,
        rank: p.row.rank,
        rankOf: p.row.rankOf,
        nationalAverage: p.row.nationalAverage,
        source: p.row.source,
        note: p.row.note,
      };
      if (p.kind === 'create') {
        const [inserted] = await tx
          .insert(standingResults)
          .values({
            provinceId: province.id,
            indexCode: p.row.indexCode,
            year: p.row.year,
            dimensionCode: p.row.dimensionCode,
            ...values,
            sourceDocumentId: options.sourceDocumentId ?? null,
            createdBy: ctx.actor?.user.id ?? null,
          })
          .onConflictDoNothing()
          .returning();
        // Entered meanwhile (another import, a hand entry): this import was read against an older state.
        if (!inserted) throw conflict('standings.import.changed_meanwhile');
        await recordChange(t, {
          action: 'import',
          entity: 'standing_result',
          entityId: inserted.id,
          after: inserted,
        });
      } else if (p.kind === 'update') {
        const [updated] = await tx
          .update(standingResults)
          .set({
            ...values,
            sourceDocumentId: options.sourceDocumentId ?? p.stored.sourceDocumentId,
            version: sql`${standingResults.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(standingResults.id, p.stored.id), eq(standingResults.version, p.stored.version)))
          .returning();
        if (!updated) throw conflict('standings.import.changed_meanwhile');
        await recordChange(t, {
          action: 'import',
          entity: 'standing_result',
          entityId: updated.id,
          before: p.stored,
          after: updated,
        });
      }
    }
  });
  return { kind: 'done', out };
}
