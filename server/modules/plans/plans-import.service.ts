/**
 * Import of a plan's tasks from the Excel template (./excel-template.ts holds the columns and the row
 * rules; docs/templates/plan-tasks-import.md describes them for users).
 *
 * - All or nothing: every row is validated first (outside any transaction: PGlite has one connection),
 *   and the tasks are written only when no row has an error, in one transaction, with one journal
 *   entry per task and one for the import batch.
 * - Idempotent: the batch is keyed by (plan, SHA-256 of the rows the file holds: its header and the cells of
 *   its task rows, not its bytes — Excel stamps the time into a workbook each time it is saved, so the same
 *   rows saved again are a different file but the same import); importing them again into the same plan
 *   returns the first import's result and writes nothing. A different file naming a task
 *   that is already in the plan (same name and lead unit) is refused row by row.
 * - Only the plan's managers (admin, standing officer over the plan's owner unit) import.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { translate } from '../../core/messages.js';
import { recordChange } from '../audit/audit.service.js';
import { sniffContentType } from '../files/content-type.js';
import type { FileStore } from '../files/file-store.js';
import { storeUpload } from '../files/files.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { listUnits } from '../units/units.service.js';
import {
  pickCells,
  readHeader,
  SHEETS,
  TASK_COLUMNS,
  unmatchedUnitTexts,
  validateTaskRows,
  viDate,
  fold,
  IMPORT_STATUSES,
  IMPORT_STATUS_LABELS,
  type ColumnKey,
  type RawRow,
  type RowError,
  type UnitOption,
  type ValidTask,
} from './excel-template.js';
import { planImports } from './exchange.table.js';
import { getPlan } from './plans.service.js';
import { planTasks } from './plans.table.js';
import { REFORM_AREAS, REFORM_AREA_LABELS } from '../tasks/index.js';
import { todayInVietnam } from '../../core/dates.js';
import { appendEvents, type NewWorkEvent } from '../work/work.service.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Plan = Awaited<ReturnType<typeof getPlan>>;

/**
 * The date on which lead and supporting units must be in force: the last day of the plan year (the
 * units that owe the year's results; the demo plans are seeded the same way).
 */
export const unitsDateOf = (year: number) => `${year}-12-31`;

async function planUnits(ctx: RequestContext, plan: Plan): Promise<UnitOption[]> {
  const found = await unitsAsOf(ctx.db, { date: unitsDateOf(plan.year), withinId: plan.ownerUnitId });
  return found.map((u) => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName }));
}

/** 403 unless the caller manages the plan (checked before an upload is read, and again on import). */
export async function managedPlan(ctx: RequestContext, planId: string): Promise<Plan> {
  const plan = await getPlan(ctx, planId);
  if (!plan.abilities.manage) throw forbidden();
  return plan;
}

/** A file name without characters file systems refuse. */
export function safeFileName(name: string): string {
  return [...name]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/[/\\:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 180);
}

// ---------------------------------------------------------------------------------------------------
// The template

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};
/** Rows of the "Nhiệm vụ" sheet prepared with drop-downs and formats. */
const TEMPLATE_ROWS = 500;

/** The import template for a plan: the tasks sheet, the guide, and the lists of units and reform areas. */
export async function taskTemplate(
  ctx: RequestContext,
  planId: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const plan = await getPlan(ctx, planId);
  const units = await planUnits(ctx, plan);
  const unitsDate = unitsDateOf(plan.year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = `Mẫu nhập nhiệm vụ - ${plan.title}`;
  wb.created = new Date(0);
  wb.modified = new Date(0);

  // Nhiệm vụ
  const ws = wb.addWorksheet(SHEETS.tasks, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TASK_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { name: 'Times New Roman', bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;
  TASK_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.note = c.guide;
  });
  const col = (key: ColumnKey) => TASK_COLUMNS.findIndex((c) => c.key === key) + 1;
  for (const key of ['startDate', 'dueDate', 'doneDate', 'verifiedDate'] as const)
    ws.getColumn(col(key)).numFmt = 'dd/mm/yyyy';
  for (const key of ['leadUnit', 'supportingUnits'] as const) ws.getColumn(col(key)).numFmt = '@';
  for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
    const row = ws.getRow(r);
    row.getCell(col('reformArea')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`'${SHEETS.areas}'!$A$2:$A$${REFORM_AREAS.length + 1}`],
      showErrorMessage: true,
      errorTitle: 'Lĩnh vực CCHC',
      error: 'Chọn một lĩnh vực trong danh sách.',
    };
    row.getCell(col('focus')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"x"'],
      showErrorMessage: true,
      error: 'Ghi "x" hoặc để trống.',
    };
    row.getCell(col('status')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${IMPORT_STATUSES.map((st) => IMPORT_STATUS_LABELS[st].vi).join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Trạng thái',
      error: 'Chọn một trạng thái trong danh sách, hoặc để trống.',
    };
    row.getCell(col('progress')).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      error: 'Tiến độ là số nguyên từ 0 đến 100.',
    };
    row.getCell(col('weight')).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0.0001, 1000],
      showErrorMessage: true,
      error: 'Trọng số là số dương, tối đa 1.000.',
    };
  }

  // Hướng dẫn
  const guide = wb.addWorksheet(SHEETS.guide);
  guide.columns = [
    { key: 'a', width: 24 },
    { key: 'b', width: 12 },
    { key: 'c', width: 90 },
    { key: 'd', width: 40 },
  ];
  guide.addRow(['HƯỚNG DẪN NHẬP NHIỆM VỤ TỪ EXCEL']).font = { bold: true, size: 14 };
  guide.addRow([`Kế hoạch: ${plan.title} (năm ${plan.year})`]);
  guide.addRow([
    `Đơn vị chủ trì, phối hợp: các đơn vị có hiệu lực ngày ${viDate(unitsDate)} thuộc đơn vị chủ quản của kế hoạch (sheet "${SHEETS.units}").`,
  ]);
  guide.addRow([
    'Nhập dữ liệu vào sheet "Nhiệm vụ" từ dòng 2; giữ nguyên dòng tiêu đề. Cột có dấu * là bắt buộc.',
  ]);
  guide.addRow([
    'Hệ thống kiểm tra mọi dòng trước khi ghi: chỉ cần một dòng sai là không nhiệm vụ nào được ghi; danh sách lỗi nêu số dòng và cột.',
  ]);
  guide.addRow([
    'Nhập lại đúng tệp đã nhập thành công sẽ không tạo thêm nhiệm vụ (hệ thống trả lại kết quả lần nhập trước).',
  ]);
  guide.addRow([
    'Bắt đầu dùng hệ thống giữa năm: điền Trạng thái, Ngày hoàn thành, Ngày xác nhận, Tiến độ để nhập cả lịch sử. Đúng hạn hay chậm được tính theo Ngày hoàn thành, không theo ngày nhập; lịch sử ghi rõ ngày thực hiện và ngày, người nhập.',
  ]);
  guide.addRow([]);
  const th = guide.addRow(['Cột', 'Bắt buộc', 'Cách nhập', 'Ví dụ']);
  th.font = { bold: true };
  th.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  for (const c of TASK_COLUMNS) {
    const r = guide.addRow([c.header.replace('*', ''), c.required ? 'Có' : '', c.guide, c.example]);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.eachCell((cell) => (cell.border = THIN));
  }

  // Danh mục đơn vị
  const us = wb.addWorksheet(SHEETS.units, { views: [{ state: 'frozen', ySplit: 1 }] });
  us.columns = [
    { header: 'Mã đơn vị', key: 'code', width: 16 },
    { header: 'Tên đơn vị', key: 'name', width: 40 },
    { header: 'Tên đầy đủ', key: 'fullName', width: 55 },
  ];
  us.getRow(1).font = { bold: true };
  us.getColumn(1).numFmt = '@';
  for (const u of units) us.addRow({ code: u.code, name: u.name, fullName: u.fullName });
  us.addRow([]);
  us.addRow([`Danh mục các đơn vị có hiệu lực ngày ${viDate(unitsDate)}.`]).font = { italic: true };

  // Danh mục lĩnh vực
  const areas = wb.addWorksheet(SHEETS.areas);
  areas.columns = [
    { header: 'Lĩnh vực CCHC', key: 'vi', width: 45 },
    { header: 'Tên tiếng Anh', key: 'en', width: 40 },
  ];
  areas.getRow(1).font = { bold: true };
  for (const a of REFORM_AREAS) areas.addRow(REFORM_AREA_LABELS[a]);

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: safeFileName(`Mẫu nhập nhiệm vụ - ${plan.title}.xlsx`) };
}

// ---------------------------------------------------------------------------------------------------
// Reading and validating an upload

export type RowErrorOut = {
  row: number;
  field: string;
  column: string;
  key: string;
  message: string;
};

export type TaskPreview = {
  row: number;
  title: string;
  reformArea: string;
  leadUnitId: string;
  leadUnitName: string;
  supportingUnitNames: string[];
  startDate: string | null;
  dueDate: string | null;
  focus: boolean;
  weight: number | null;
  status: ValidTask['status'];
  reportedOn: string | null;
  verifiedOn: string | null;
  progress: number | null;
};

export type ImportBatch = {
  importId: string;
  planId: string;
  fileName: string;
  created: number;
  taskIds: string[];
  at: string;
};

export type ImportOutcome =
  | { kind: 'invalid'; total: number; rows: RowErrorOut[] }
  | {
      kind: 'dry_run';
      valid: boolean;
      total: number;
      rows: RowErrorOut[];
      tasks: TaskPreview[];
      /** The same file was already imported into this plan: importing it again writes nothing. */
      alreadyImported: ImportBatch | null;
    }
  | { kind: 'created' | 'replayed'; batch: ImportBatch };

function present(ctx: RequestContext, errors: RowError[]): RowErrorOut[] {
  return errors.map((e) => ({
    row: e.row,
    field: e.field,
    column: e.column,
    key: e.key,
    message: translate(ctx.locale, e.key, e.params),
  }));
}

function batchOf(row: typeof planImports.$inferSelect): ImportBatch {
  return {
    importId: row.id,
    planId: row.planId,
    fileName: row.fileName,
    created: row.taskIds.length,
    taskIds: row.taskIds,
    at: row.createdAt.toISOString(),
  };
}

async function earlierImport(ctx: RequestContext, planId: string, sha256: string) {
  const [row] = await ctx.db
    .select()
    .from(planImports)
    .where(and(eq(planImports.planId, planId), eq(planImports.sha256, sha256)));
  return row;
}

/** Reads the tasks sheet's header and rows as plain cells (no validation yet). */
async function readWorkbook(buffer: Buffer): Promise<{ rows: RawRow[]; headerErrors: RowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'IMPORT_UNREADABLE', 'plan_import.unreadable');
  }
  const ws =
    wb.getWorksheet(SHEETS.tasks) ??
    wb.worksheets.find((s) => fold(s.name) === fold(SHEETS.tasks)) ??
    wb.worksheets[0];
  if (!ws) throw new AppError(400, 'IMPORT_UNREADABLE', 'plan_import.unreadable');
  const { columns, errors } = readHeader(ws.getRow(1).values as unknown[]);
  if (errors.length) return { rows: [], headerErrors: errors };
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1) rows.push(pickCells(n, row.values as unknown[], columns));
  });
  return { rows, headerErrors: [] };
}

/** The units the rows name that are not in force on the plan's date but are known to the registry. */
async function outOfForceUnits(ctx: RequestContext, texts: string[]): Promise<UnitOption[]> {
  const out: UnitOption[] = [];
  for (const text of texts.slice(0, 50)) {
    const found = await listUnits(ctx.db, { q: text, limit: 20 });
    for (const u of found)
      if (u.code === text.trim() || fold(u.name) === fold(text) || fold(u.fullName) === fold(text))
        out.push({ id: u.id, code: u.code, name: u.name, fullName: u.fullName });
  }
  return out;
}

/** The key of a batch: the SHA-256 of the rows read (header errors included), whatever else the file holds. */
function contentKey(read: { rows: RawRow[]; headerErrors: RowError[] }): string {
  return createHash('sha256').update(JSON.stringify(read)).digest('hex');
}

async function validateFile(
  ctx: RequestContext,
  plan: Plan,
  { rows, headerErrors }: { rows: RawRow[]; headerErrors: RowError[] },
) {
  if (headerErrors.length) return { tasks: [] as ValidTask[], errors: headerErrors, total: 0, units: [] };
  const units = await planUnits(ctx, plan);
  const existing = await ctx.db
    .select({ title: planTasks.title, leadUnitId: planTasks.leadUnitId })
    .from(planTasks)
    .where(eq(planTasks.planId, plan.id));
  const unmatched = unmatchedUnitTexts(rows, units);
  const outOfForce = unmatched.length ? await outOfForceUnits(ctx, unmatched) : [];
  const result = validateTaskRows(rows, {
    year: plan.year,
    method: plan.method,
    units,
    unitsDate: unitsDateOf(plan.year),
    outOfForce,
    existing,
    today: todayInVietnam(),
  });
  return { ...result, units };
}

function sniffFailure(detected: string) {
  return new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'plan_import.not_xlsx', { detected });
}

/**
 * Imports the tasks of an uploaded workbook into a plan (see the header of this file). `dryRun` only
 * validates and previews. The caller reads the upload into memory first (bounded by the upload limit).
 */
export async function importTasks(
  ctx: RequestContext,
  store: FileStore,
  planId: string,
  upload: { buffer: Buffer; filename: string },
  options: { dryRun: boolean; maxBytes: number },
): Promise<ImportOutcome> {
  const plan = await managedPlan(ctx, planId);
  if (upload.buffer.length === 0) throw new AppError(400, 'FILE_EMPTY', 'file.empty');
  // The files module's rule: the type comes from the content, never from the name.
  const sniffed = await sniffContentType(upload.buffer.subarray(0, 8192), upload.filename);
  if ('rejected' in sniffed) throw sniffFailure(sniffed.rejected);
  if (sniffed.mediaType !== XLSX_MEDIA_TYPE) throw sniffFailure(sniffed.mediaType);

  const read = await readWorkbook(upload.buffer);
  const sha256 = contentKey(read);
  const earlier = await earlierImport(ctx, plan.id, sha256);
  if (earlier && !options.dryRun) return { kind: 'replayed', batch: batchOf(earlier) };

  const { tasks, errors, total, units } = await validateFile(ctx, plan, read);
  const rows = present(ctx, errors);
  if (options.dryRun) {
    const names = new Map(units.map((u) => [u.id, u.fullName]));
    return {
      kind: 'dry_run',
      valid: errors.length === 0,
      total,
      rows,
      tasks: tasks.map((t) => ({
        row: t.row,
        title: t.title,
        reformArea: t.reformArea,
        leadUnitId: t.leadUnitId,
        leadUnitName: names.get(t.leadUnitId) ?? '',
        supportingUnitNames: t.supportingUnitIds.map((id) => names.get(id) ?? id),
        startDate: t.startDate,
        dueDate: t.dueDate,
        focus: t.focus,
        weight: t.weight,
        status: t.status,
        reportedOn: t.reportedOn,
        verifiedOn: t.verifiedOn,
        progress: t.progress,
      })),
      alreadyImported: earlier ? batchOf(earlier) : null,
    };
  }
  if (errors.length) {
    // The same file sent twice at once: the other request may have written its tasks while this one read the
    // plan, so they look like duplicates here. That is a replay, not a mistake in the file.
    const meanwhile = await earlierImport(ctx, plan.id, sha256);
    if (meanwhile) return { kind: 'replayed', batch: batchOf(meanwhile) };
    return { kind: 'invalid', total, rows };
  }

  // The workbook is kept like every upload (file I/O before the transaction).
  const file = await storeUpload(ctx, store, Readable.from(upload.buffer), upload.filename, options.maxBytes);
  try {
    const batch = await ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      const created: (typeof planTasks.$inferSelect)[] = [];
      for (let i = 0; i < tasks.length; i += 200) {
        const slice = tasks.slice(i, i + 200);
        created.push(
          ...(await tx
            .insert(planTasks)
            .values(
              slice.map((t) => ({
                planId: plan.id,
                title: t.title,
                description: t.description,
                reformArea: t.reformArea,
                leadUnitId: t.leadUnitId,
                supportingUnitIds: t.supportingUnitIds,
                startDate: t.startDate,
                dueDate: t.dueDate,
                originalDueDate: t.dueDate,
                expectedOutput: t.expectedOutput,
                focus: t.focus,
                weight: t.weight,
                source: 'plan',
                status: t.status,
                reportedOn: t.reportedOn,
                verifiedOn: t.verifiedOn,
                output: t.output,
              })),
            )
            .returning()),
        );
      }
      for (const task of created)
        await recordChange(txCtx, { action: 'create', entity: 'task', entityId: task.id, after: task });
      // The history the file gives, each step on its own day (effective date), recorded today by the importer.
      await appendEvents(
        tx,
        created.flatMap((task, i) => importedHistory(task.id, tasks[i]!, ctx.actor?.user.id ?? null)),
      );
      const [row] = await tx
        .insert(planImports)
        .values({
          planId: plan.id,
          sha256,
          fileName: file.originalName,
          fileId: file.id,
          rowCount: total,
          taskIds: created.map((t) => t.id),
          actorId: ctx.actor?.user.id ?? null,
        })
        .returning();
      await recordChange(txCtx, { action: 'create', entity: 'plan_import', entityId: row!.id, after: row });
      return batchOf(row!);
    });
    return { kind: 'created', batch };
  } catch (err) {
    // The same file sent twice at once: the unique (plan, sha256) index lets one through.
    const again = await earlierImport(ctx, plan.id, sha256);
    if (again) return { kind: 'replayed', batch: batchOf(again) };
    throw err;
  }
}

/**
 * The steps that lead an imported task to its status, each dated on the day it took effect (`on`), all
 * recorded today by the importer: a start on the start date (when given and the task has begun), the
 * done report on the done date, the verification on its date, and the progress given (on the latest of
 * those days, else today). Instants increase by a millisecond so the history keeps the workflow's order.
 */
export function importedHistory(taskId: string, t: ValidTask, actorId: string | null): NewWorkEvent[] {
  const recordedOn = todayInVietnam();
  const base = Date.now();
  const events: NewWorkEvent[] = [];
  const push = (e: Omit<NewWorkEvent, 'kind' | 'itemId' | 'recordedOn' | 'actorId' | 'at'>) =>
    events.push({
      kind: 'plan_task',
      itemId: taskId,
      recordedOn,
      actorId,
      at: new Date(base + events.length),
      ...e,
    });
  if (t.status === 'not_started') return events;
  let from = 'not_started';
  if (t.startDate && t.startDate <= (t.reportedOn ?? recordedOn)) {
    push({ action: 'start', fromStatus: from, toStatus: 'in_progress', on: t.startDate });
    from = 'in_progress';
  } else if (t.status === 'in_progress') {
    push({ action: 'start', fromStatus: from, toStatus: 'in_progress', on: recordedOn });
    from = 'in_progress';
  }
  if (t.reportedOn) {
    push({
      action: 'report_done',
      fromStatus: from,
      toStatus: 'reported_done',
      on: t.reportedOn,
      note: t.output,
    });
    if (t.status === 'verified' && t.verifiedOn)
      push({ action: 'verify', fromStatus: 'reported_done', toStatus: 'verified', on: t.verifiedOn });
  }
  if (t.progress !== null)
    push({ action: 'progress', percent: t.progress, on: t.verifiedOn ?? t.reportedOn ?? recordedOn });
  return events;
}

/** The imports of a plan, newest first (who imported which file, how many tasks). */
export async function planImportHistory(ctx: RequestContext, planId: string) {
  await getPlan(ctx, planId);
  const rows = await ctx.db.select().from(planImports).where(eq(planImports.planId, planId));
  return rows.map(batchOf).sort((a, b) => b.at.localeCompare(a.at));
}
