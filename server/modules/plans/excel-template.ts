/**
 * The Excel template for importing a plan's tasks and the validation of its rows — pure: no database,
 * no workbook library. The service reads the workbook (exceljs), hands the cells here as plain values,
 * and writes only when every row is valid (all-or-nothing). The template is described for users in
 * docs/templates/plan-tasks-import.md; keep both in step.
 *
 * Rules (each has a message key below, vi and en):
 * - Header row 1, data from row 2; row numbers in errors are the worksheet's own, as Excel shows them.
 *   Columns are found by their header text (accents, case and the "*" ignored), so their order is free.
 * - Rows whose cells are all empty (the STT column aside) are skipped.
 * - Tên nhiệm vụ*: 3–1000 characters; unique within the file (case and spacing ignored); a task with the
 *   same name and the same lead unit must not already be in the plan.
 * - Lĩnh vực CCHC*: one of the reform areas (../tasks/reform-areas.ts) by its Vietnamese or English label
 *   (accents and case ignored) or its key.
 * - Đơn vị chủ trì*: a unit code, or a unit's name or full name — exact, accents and case ignored —
 *   among the units in force on the plan's reference date inside the plan owner's unit tree. A name
 *   that fits several units must be given as a code. Đơn vị phối hợp: the same, separated by ";".
 * - Dates: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd) or an Excel date. The start
 *   date lies in the plan year; the due date from 1/1 of the plan year to 31/12 of the next year, not
 *   before the start date; "Thường xuyên" (ongoing) or empty means no due date.
 * - Trọng tâm: "x" (also X, có, 1) marks a focus task; empty (or 0, không) does not.
 * - Trọng số: a number > 0 and ≤ 1000 (1,5 or 1.5); required when the plan computes completion by weight.
 * - History (optional columns, for a province that starts mid-year or takes over a predecessor's work;
 *   a file without them imports every task not started, as before):
 *   - Trạng thái: "Chưa bắt đầu", "Đang thực hiện", "Đã báo cáo hoàn thành", "Đã xác nhận hoàn thành"
 *     (the labels of the plan's export; English labels and the keys are read too). "Bị trả lại" and "Đã hủy"
 *     are refused: a return or cancellation needs its reason (and a cancellation its decision) — record them
 *     on the page. Empty: inferred — a verification date → verified, a done date → reported done, a
 *     progress above 0 → in progress, else not started.
 *   - Ngày hoàn thành (the day the unit reported the task done — what lateness is measured by): required
 *     for "reported done" and "verified", refused otherwise. Ngày xác nhận: only for "verified" (default
 *     the done date), not before the done date. Both from 1/1 of the plan year (or the start date when
 *     given) up to the import day — never in the future.
 *   - Tiến độ (%): a whole number 0–100; a task not started has none (or 0), a done one none or 100.
 *   - Kết quả đạt được: the output reported (≤ 5,000 characters), only with a done status.
 *   The import records each step as an event of the work engine dated on its day (effective date), with
 *   the import's day and importer as its recording (../work/effective-date.ts).
 */
import { foldText } from '../../core/fold.js';
import { REFORM_AREAS, REFORM_AREA_LABELS, type ReformArea } from '../tasks/index.js';

export const SHEETS = {
  tasks: 'Nhiệm vụ',
  guide: 'Hướng dẫn',
  units: 'Danh mục đơn vị',
  areas: 'Danh mục lĩnh vực',
} as const;

export const COLUMN_KEYS = [
  'stt',
  'title',
  'description',
  'reformArea',
  'leadUnit',
  'supportingUnits',
  'startDate',
  'dueDate',
  'expectedOutput',
  'focus',
  'weight',
  'status',
  'doneDate',
  'verifiedDate',
  'progress',
  'output',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type ColumnDef = {
  key: ColumnKey;
  /** The header as printed in row 1 (a "*" marks a required column). */
  header: string;
  required: boolean;
  /** Column width in characters. */
  width: number;
  /** How to fill it (the "Hướng dẫn" sheet and the header's note). */
  guide: string;
  example: string;
};

export const TASK_COLUMNS: readonly ColumnDef[] = [
  {
    key: 'stt',
    header: 'STT',
    required: false,
    width: 6,
    guide: 'Số thứ tự, chỉ để tiện theo dõi; không được nhập vào hệ thống.',
    example: '1',
  },
  {
    key: 'title',
    header: 'Tên nhiệm vụ*',
    required: true,
    width: 50,
    guide:
      'Tên nhiệm vụ, từ 3 đến 1.000 ký tự. Không trùng với dòng khác trong tệp, không trùng nhiệm vụ đã có trong kế hoạch của cùng đơn vị chủ trì.',
    example: 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp',
  },
  {
    key: 'description',
    header: 'Mô tả',
    required: false,
    width: 40,
    guide: 'Nội dung chi tiết (không bắt buộc), tối đa 5.000 ký tự.',
    example: 'Rà soát toàn bộ TTHC thuộc thẩm quyền giải quyết của Sở',
  },
  {
    key: 'reformArea',
    header: 'Lĩnh vực CCHC*',
    required: true,
    width: 34,
    guide: 'Chọn trong danh sách thả xuống (sheet "Danh mục lĩnh vực").',
    example: REFORM_AREA_LABELS.procedures.vi,
  },
  {
    key: 'leadUnit',
    header: 'Đơn vị chủ trì*',
    required: true,
    width: 30,
    guide:
      'Mã đơn vị hoặc đúng tên đơn vị như trong sheet "Danh mục đơn vị" (không phân biệt dấu, chữ hoa). Tên trùng với nhiều đơn vị thì nhập mã.',
    example: 'Sở Tư pháp',
  },
  {
    key: 'supportingUnits',
    header: 'Đơn vị phối hợp',
    required: false,
    width: 30,
    guide: 'Mã (hoặc tên) các đơn vị phối hợp, ngăn cách bằng dấu chấm phẩy ";". Không trùng đơn vị chủ trì.',
    example: '40.noivu; 40.vpubnd',
  },
  {
    key: 'startDate',
    header: 'Ngày bắt đầu',
    required: false,
    width: 14,
    guide: 'Ngày dạng dd/mm/yyyy (hoặc ô kiểu ngày của Excel), trong năm kế hoạch.',
    example: '15/01/2026',
  },
  {
    key: 'dueDate',
    header: 'Hạn hoàn thành',
    required: false,
    width: 16,
    guide:
      'Ngày dạng dd/mm/yyyy (hoặc ô kiểu ngày của Excel), từ đầu năm kế hoạch đến hết năm sau, không trước ngày bắt đầu. Để trống hoặc ghi "Thường xuyên" nếu nhiệm vụ thực hiện thường xuyên.',
    example: '30/06/2026',
  },
  {
    key: 'expectedOutput',
    header: 'Sản phẩm',
    required: false,
    width: 30,
    guide: 'Sản phẩm dự kiến (báo cáo, quyết định…), tối đa 2.000 ký tự.',
    example: 'Quyết định phê duyệt phương án đơn giản hóa',
  },
  {
    key: 'focus',
    header: 'Trọng tâm (x)',
    required: false,
    width: 12,
    guide: 'Ghi "x" nếu là nhiệm vụ trọng tâm; để trống nếu không.',
    example: 'x',
  },
  {
    key: 'weight',
    header: 'Trọng số',
    required: false,
    width: 10,
    guide:
      'Số dương, tối đa 1.000 (ví dụ 1 hoặc 1,5). Bắt buộc khi kế hoạch tính tỷ lệ hoàn thành theo trọng số.',
    example: '1',
  },
  {
    key: 'status',
    header: 'Trạng thái',
    required: false,
    width: 24,
    guide:
      'Chỉ khi nhập lịch sử (bắt đầu dùng hệ thống giữa năm): Chưa bắt đầu, Đang thực hiện, Đã báo cáo hoàn thành hoặc Đã xác nhận hoàn thành. Để trống: hệ thống suy ra từ các ngày (có Ngày xác nhận → đã xác nhận; có Ngày hoàn thành → đã báo cáo; có Tiến độ → đang thực hiện), không có gì → chưa bắt đầu. Bị trả lại, Đã hủy: thực hiện trên trang nhiệm vụ.',
    example: 'Đã xác nhận hoàn thành',
  },
  {
    key: 'doneDate',
    header: 'Ngày hoàn thành',
    required: false,
    width: 16,
    guide:
      'Ngày đơn vị báo cáo hoàn thành (dd/mm/yyyy), dùng để tính đúng hạn/chậm. Bắt buộc với Đã báo cáo hoàn thành và Đã xác nhận hoàn thành; từ đầu năm kế hoạch (hoặc ngày bắt đầu) đến hôm nay.',
    example: '15/03/2026',
  },
  {
    key: 'verifiedDate',
    header: 'Ngày xác nhận',
    required: false,
    width: 16,
    guide:
      'Ngày cơ quan thường trực xác nhận hoàn thành (dd/mm/yyyy), chỉ với Đã xác nhận hoàn thành; không trước Ngày hoàn thành, không sau hôm nay. Để trống: lấy Ngày hoàn thành.',
    example: '20/03/2026',
  },
  {
    key: 'progress',
    header: 'Tiến độ (%)',
    required: false,
    width: 12,
    guide:
      'Số nguyên từ 0 đến 100. Nhiệm vụ chưa bắt đầu: để trống hoặc 0; đã hoàn thành: để trống hoặc 100.',
    example: '100',
  },
  {
    key: 'output',
    header: 'Kết quả đạt được',
    required: false,
    width: 30,
    guide: 'Kết quả, sản phẩm đơn vị đã báo cáo (tối đa 5.000 ký tự), chỉ với nhiệm vụ đã hoàn thành.',
    example: 'Quyết định số 123/QĐ-UBND ngày 10/03/2026',
  },
];

/** The statuses a file may set (a return or a cancellation needs its reason: recorded on the page). */
export const IMPORT_STATUSES = ['not_started', 'in_progress', 'reported_done', 'verified'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The status labels the file uses (those of the plan's Excel export), with their English forms. */
export const IMPORT_STATUS_LABELS: Record<
  ImportStatus | 'returned' | 'cancelled',
  { vi: string; en: string }
> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  reported_done: { vi: 'Đã báo cáo hoàn thành', en: 'Reported done' },
  verified: { vi: 'Đã xác nhận hoàn thành', en: 'Verified' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const COLUMN_BY_KEY = Object.fromEntries(TASK_COLUMNS.map((c) => [c.key, c])) as Record<
  ColumnKey,
  ColumnDef
>;

/** At most this many task rows in one file. */
export const MAX_IMPORT_ROWS = 1000;

/** Messages of the import rules, merged into server/core/messages.ts ({column} etc. are filled in). */
export const IMPORT_MESSAGES = {
  'plan_import.required': { vi: 'Chưa nhập {column}.', en: '{column} is required.' },
  'plan_import.too_long': {
    vi: '{column} dài quá {max} ký tự.',
    en: '{column} is longer than {max} characters.',
  },
  'plan_import.title_too_short': {
    vi: 'Tên nhiệm vụ cần ít nhất 3 ký tự.',
    en: 'The task name needs at least 3 characters.',
  },
  'plan_import.duplicate_title': {
    vi: 'Trùng tên nhiệm vụ với dòng {other}.',
    en: 'The same task name as row {other}.',
  },
  'plan_import.already_in_plan': {
    vi: 'Kế hoạch đã có nhiệm vụ này (cùng tên, cùng đơn vị chủ trì).',
    en: 'The plan already has this task (same name, same lead unit).',
  },
  'plan_import.area_unknown': {
    vi: 'Lĩnh vực "{value}" không có trong danh mục (xem sheet "Danh mục lĩnh vực").',
    en: 'Reform area "{value}" is not in the list (see the "Danh mục lĩnh vực" sheet).',
  },
  'plan_import.unit_unknown': {
    vi: 'Không tìm thấy đơn vị "{value}": nhập mã hoặc đúng tên như trong sheet "Danh mục đơn vị".',
    en: 'No unit "{value}": enter a code or the exact name from the "Danh mục đơn vị" sheet.',
  },
  'plan_import.unit_not_in_force': {
    vi: 'Đơn vị "{value}" không có hiệu lực vào ngày {date} (mốc đơn vị của kế hoạch).',
    en: 'Unit "{value}" is not in force on {date} (the plan’s reference date for units).',
  },
  'plan_import.unit_ambiguous': {
    vi: 'Tên "{value}" khớp với nhiều đơn vị ({names}); hãy nhập mã đơn vị.',
    en: 'The name "{value}" fits several units ({names}); enter the unit code.',
  },
  'plan_import.supporting_is_lead': {
    vi: 'Đơn vị phối hợp "{value}" trùng với đơn vị chủ trì.',
    en: 'Supporting unit "{value}" is the lead unit.',
  },
  'plan_import.date_invalid': {
    vi: '{column} "{value}" không phải ngày hợp lệ (dd/mm/yyyy).',
    en: '{column} "{value}" is not a valid date (dd/mm/yyyy).',
  },
  'plan_import.start_outside_year': {
    vi: 'Ngày bắt đầu {value} không thuộc năm kế hoạch {year}.',
    en: 'The start date {value} is not in the plan year {year}.',
  },
  'plan_import.date_before_year': {
    vi: '{column} {value} trước năm kế hoạch {year}.',
    en: '{column} {value} is before the plan year {year}.',
  },
  'plan_import.date_too_late': {
    vi: '{column} {value} quá xa năm kế hoạch {year} (muộn nhất 31/12/{last}).',
    en: '{column} {value} is too far past the plan year {year} (at the latest 31/12/{last}).',
  },
  'plan_import.due_before_start': {
    vi: 'Hạn hoàn thành {value} trước ngày bắt đầu {start}.',
    en: 'The due date {value} is before the start date {start}.',
  },
  'plan_import.focus_invalid': {
    vi: 'Cột Trọng tâm chỉ nhận "x" hoặc để trống (đang là "{value}").',
    en: 'The Focus column takes "x" or nothing (it holds "{value}").',
  },
  'plan_import.weight_invalid': {
    vi: 'Trọng số "{value}" phải là số dương không quá 1.000.',
    en: 'Weight "{value}" must be a positive number of at most 1,000.',
  },
  'plan_import.weight_required': {
    vi: 'Kế hoạch tính tỷ lệ hoàn thành theo trọng số nên phải nhập Trọng số.',
    en: 'The plan computes completion by weight, so a weight is required.',
  },
  'plan_import.too_many_units': {
    vi: 'Quá nhiều đơn vị phối hợp (tối đa {max}).',
    en: 'Too many supporting units (at most {max}).',
  },
  'plan_import.cell_error': {
    vi: 'Ô {column} chứa lỗi công thức ({value}).',
    en: 'The {column} cell holds a formula error ({value}).',
  },
  'plan_import.header_missing': {
    vi: 'Thiếu cột "{column}" ở dòng tiêu đề (dòng 1); hãy dùng đúng mẫu tải về.',
    en: 'Column "{column}" is missing from the header (row 1); use the downloaded template.',
  },
  'plan_import.no_rows': {
    vi: 'Tệp không có dòng nhiệm vụ nào (dữ liệu bắt đầu từ dòng 2 của sheet "Nhiệm vụ").',
    en: 'The file has no task rows (data starts at row 2 of the "Nhiệm vụ" sheet).',
  },
  'plan_import.too_many_rows': {
    vi: 'Tệp có quá nhiều dòng: tối đa {max} nhiệm vụ một lần nhập.',
    en: 'Too many rows: at most {max} tasks per import.',
  },
  'plan_import.unreadable': {
    vi: 'Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng .xlsx).',
    en: 'The Excel file cannot be read (damaged, or not in .xlsx format).',
  },
  'plan_import.not_xlsx': {
    vi: 'Chỉ nhận tệp Excel .xlsx theo mẫu (nội dung thực của tệp là {detected}).',
    en: 'Only an .xlsx Excel file from the template is accepted (this file’s content is {detected}).',
  },
  'plan_import.status_unknown': {
    vi: 'Trạng thái "{value}" không hợp lệ: nhập Chưa bắt đầu, Đang thực hiện, Đã báo cáo hoàn thành hoặc Đã xác nhận hoàn thành.',
    en: 'Status "{value}" is not valid: enter Chưa bắt đầu, Đang thực hiện, Đã báo cáo hoàn thành or Đã xác nhận hoàn thành.',
  },
  'plan_import.status_not_importable': {
    vi: 'Trạng thái "{value}" cần lý do (và văn bản khi hủy) nên không nhập từ tệp được: nhập trạng thái trước đó rồi thực hiện thao tác trên trang nhiệm vụ.',
    en: 'Status "{value}" needs a reason (and a decision to cancel), so it cannot come from a file: import the status before it, then act on the task page.',
  },
  'plan_import.done_date_required': {
    vi: 'Trạng thái {status} cần Ngày hoàn thành.',
    en: 'Status {status} needs the done date.',
  },
  'plan_import.only_with_status': {
    vi: 'Cột {column} chỉ nhập khi Trạng thái là {states}.',
    en: 'The {column} column is only for status {states}.',
  },
  'plan_import.date_in_future': {
    vi: '{column} {value} sau ngày nhập ({today}).',
    en: '{column} {value} is after the day of the import ({today}).',
  },
  'plan_import.date_before_start': {
    vi: '{column} {value} trước ngày bắt đầu {start}.',
    en: '{column} {value} is before the start date {start}.',
  },
  'plan_import.verified_before_done': {
    vi: 'Ngày xác nhận {value} trước Ngày hoàn thành {done}.',
    en: 'The verification date {value} is before the done date {done}.',
  },
  'plan_import.progress_invalid': {
    vi: 'Tiến độ "{value}" phải là số nguyên từ 0 đến 100.',
    en: 'Progress "{value}" must be a whole number from 0 to 100.',
  },
  'plan_import.progress_mismatch': {
    vi: 'Tiến độ {value}% không khớp trạng thái {status}.',
    en: 'Progress {value}% does not fit status {status}.',
  },
  'plan_import.invalid': {
    vi: 'Tệp có {errors} lỗi ở {rows} dòng; chưa nhiệm vụ nào được ghi. Sửa các dòng được nêu rồi nhập lại.',
    en: 'The file has {errors} errors in {rows} rows; no task was written. Fix the rows listed and import again.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** A cell reduced to a plain value: text, number, boolean, date, a formula error, or nothing. */
export type CellValue = string | number | boolean | Date | { error: string } | null;

/**
 * A spreadsheet cell's value as a plain one: rich text and hyperlinks become their text, formulas their
 * cached result, empty text nothing. (exceljs's cell value shapes; anything else is read as text.)
 */
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const t = value.replace(/\u00a0/g, ' ').trim();
    return t === '' ? null : t.normalize('NFC');
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return plainCell((v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''));
    if ('formula' in v || 'sharedFormula' in v) return plainCell(v.result);
    if ('error' in v) return { error: String(v.error) };
    if ('text' in v) return plainCell(v.text);
  }
  return plainCell(String(value));
}

/** Accent-, case- and spacing-insensitive form of a text: "Sở  Tư PHÁP" → "so tu phap". */
export const fold = foldText;

/** Case- and spacing-insensitive form that keeps accents (two names differing by a tone are two names). */
function squash(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function cellText(value: CellValue): string | null {
  if (value === null || typeof value === 'object') return null;
  return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** An Excel serial day number (1900 system, as Excel stores dates) as YYYY-MM-DD. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export type DateParse = { ok: true; date: string | null } | { ok: false };

/**
 * A date cell: an Excel date (exceljs gives it as a Date at UTC midnight) or serial number, or text
 * dd/mm/yyyy (also with "-" or "." and one-digit day or month) or yyyy-mm-dd. Empty → no date;
 * with `ongoingAllowed`, "Thường xuyên" (ongoing) → no date as well.
 */
export function parseDateCell(value: CellValue, ongoingAllowed = false): DateParse {
  if (value === null) return { ok: true, date: null };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false };
    // Excel dates carry no zone; a time part (e.g. 23:59 typed by a user) stays on the same day.
    const iso = isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return iso ? { ok: true, date: iso } : { ok: false };
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso ? { ok: true, date: iso } : { ok: false };
  }
  if (typeof value !== 'string') return { ok: false };
  if (ongoingAllowed && fold(value) === 'thuong xuyen') return { ok: true, date: null };
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (vn) {
    const iso = isoOf(Number(vn[3]), Number(vn[2]), Number(vn[1]));
    return iso ? { ok: true, date: iso } : { ok: false };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const d = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? { ok: true, date: d } : { ok: false };
  }
  return { ok: false };
}

/** 2026-06-30 → 30/06/2026. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A number written the Vietnamese way: 1234.5 → "1.234,5" (dot thousands, comma decimals). */
export function viNumber(value: number, fractionDigits?: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed =
    fractionDigits === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(fractionDigits);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Numbers as people type them: 1,5 / 1.5 / 1.234,5 → 1.5 / 1.5 / 1234.5; null when it is not one. */
export function parseViNumber(value: CellValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const t = value.replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Headers and rows

export type RowError = {
  /** The worksheet row (as Excel numbers it). */
  row: number;
  field: ColumnKey | 'file';
  /** The column's header as printed in the template (for people). */
  column: string;
  key: ImportMessageKey;
  params: Record<string, string | number>;
};

function rowError(
  row: number,
  field: ColumnKey | 'file',
  key: ImportMessageKey,
  params: Record<string, string | number> = {},
): RowError {
  const column = field === 'file' ? '' : COLUMN_BY_KEY[field].header.replace('*', '');
  return { row, field, column, key, params: { column, ...params } };
}

/** Which spreadsheet column (1-based) holds each template column, found by header text. */
export type HeaderMap = Partial<Record<ColumnKey, number>>;

const HEADER_KEYS = new Map(TASK_COLUMNS.map((c) => [fold(c.header.replace(/[*]|\(x\)/g, '')), c.key]));

/** Reads the header row (cells indexed from 1; index 0 unused, as exceljs gives them). */
export function readHeader(cells: readonly unknown[]): { columns: HeaderMap; errors: RowError[] } {
  const columns: HeaderMap = {};
  cells.forEach((cell, index) => {
    const text = cellText(plainCell(cell));
    if (!text) return;
    const key = HEADER_KEYS.get(fold(text.replace(/[*]|\(x\)/g, '')));
    if (key && columns[key] === undefined) columns[key] = index;
  });
  const errors = TASK_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) =>
    rowError(1, 'file', 'plan_import.header_missing', { column: c.header.replace('*', '') }),
  );
  return { columns, errors };
}

export type RawRow = { row: number; cells: Partial<Record<ColumnKey, unknown>> };

/** Picks a row's template cells from the worksheet row's cells (indexed from 1). */
export function pickCells(row: number, cells: readonly unknown[], columns: HeaderMap): RawRow {
  const picked: RawRow['cells'] = {};
  for (const key of COLUMN_KEYS) {
    const i = columns[key];
    if (i !== undefined) picked[key] = cells[i];
  }
  return { row, cells: picked };
}

export type UnitOption = { id: string; code: string; name: string; fullName: string };

export type ValidationContext = {
  year: number;
  method: 'count' | 'weighted' | string;
  /** Units that may lead or support: in force on `unitsDate` inside the plan owner's tree. */
  units: readonly UnitOption[];
  unitsDate: string;
  /** Units known to the registry but not in force then (for a clearer message than "unknown"). */
  outOfForce?: readonly UnitOption[];
  /** The plan's tasks already recorded (name + lead unit). */
  existing?: readonly { title: string; leadUnitId: string }[];
  maxRows?: number;
  /** The day of the import: history dates may not be after it. Default: no limit (tests of other rules). */
  today?: string;
};

export type ValidTask = {
  row: number;
  title: string;
  description: string | null;
  reformArea: ReformArea;
  leadUnitId: string;
  supportingUnitIds: string[];
  startDate: string | null;
  dueDate: string | null;
  expectedOutput: string | null;
  focus: boolean;
  weight: number | null;
  /** The status the task is imported in, with its history's dates (see the module comment). */
  status: ImportStatus;
  /** The day the unit reported it done (reported_done, verified). */
  reportedOn: string | null;
  verifiedOn: string | null;
  progress: number | null;
  output: string | null;
};

const STATUS_LOOKUP = new Map<string, ImportStatus | 'returned' | 'cancelled'>(
  (Object.keys(IMPORT_STATUS_LABELS) as (keyof typeof IMPORT_STATUS_LABELS)[]).flatMap((k) => [
    [fold(k), k],
    [fold(k.replace(/_/g, ' ')), k],
    [fold(IMPORT_STATUS_LABELS[k].vi), k],
    [fold(IMPORT_STATUS_LABELS[k].en), k],
  ]),
);

/** The status a cell names (Vietnamese or English label, or key; accents and case ignored). */
export function resolveStatus(text: string): ImportStatus | 'returned' | 'cancelled' | null {
  return STATUS_LOOKUP.get(fold(text)) ?? null;
}

const AREA_LOOKUP = new Map<string, ReformArea>(
  REFORM_AREAS.flatMap((a) => [
    [fold(a), a],
    [fold(a.replace(/_/g, ' ')), a],
    [fold(REFORM_AREA_LABELS[a].vi), a],
    [fold(REFORM_AREA_LABELS[a].en), a],
  ]),
);

/** The reform area a cell names (Vietnamese or English label, or key; accents and case ignored). */
export function resolveArea(text: string): ReformArea | null {
  return AREA_LOOKUP.get(fold(text)) ?? null;
}

type UnitMatch = { unit: UnitOption } | { ambiguous: UnitOption[] } | null;

/** Finds units by code, by exact name, then by name without accents (case and spacing ignored). */
export function unitResolver(list: readonly UnitOption[]): (text: string) => UnitMatch {
  const byCode = new Map<string, UnitOption[]>();
  const byName = new Map<string, UnitOption[]>();
  const byFolded = new Map<string, UnitOption[]>();
  const add = (map: Map<string, UnitOption[]>, key: string, u: UnitOption) => {
    const found = map.get(key) ?? [];
    if (!found.includes(u)) found.push(u);
    map.set(key, found);
  };
  for (const u of list) {
    add(byCode, u.code.trim().toLowerCase(), u);
    for (const n of [u.name, u.fullName]) {
      add(byName, squash(n), u);
      add(byFolded, fold(n), u);
    }
  }
  return (text) => {
    for (const [map, key] of [
      [byCode, text.trim().toLowerCase()],
      [byName, squash(text)],
      [byFolded, fold(text)],
    ] as const) {
      const found = map.get(key);
      if (found?.length === 1) return { unit: found[0]! };
      if (found && found.length > 1) return { ambiguous: found };
    }
    return null;
  };
}

/** Unit texts of the rows that no unit in force answers to (the service looks them up elsewhere). */
export function unmatchedUnitTexts(rows: readonly RawRow[], units: readonly UnitOption[]): string[] {
  const resolve = unitResolver(units);
  const out = new Set<string>();
  for (const r of rows) {
    const lead = cellText(plainCell(r.cells.leadUnit));
    const supporting = cellText(plainCell(r.cells.supportingUnits));
    for (const t of [lead, ...(supporting ? splitUnits(supporting) : [])]) if (t && !resolve(t)) out.add(t);
  }
  return [...out];
}

function splitUnits(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function isBlank(r: RawRow): boolean {
  return COLUMN_KEYS.every((k) => k === 'stt' || plainCell(r.cells[k]) === null);
}

const FOCUS_YES = new Set(['x', 'co', '1', 'true', '✓', 'v']);
const FOCUS_NO = new Set(['0', 'khong', 'false']);
export const MAX_SUPPORTING_UNITS = 100;

/**
 * Validates every row (never stopping at the first error) and returns the tasks to write, or the
 * errors: a file is written whole or not at all, so a caller writes only when `errors` is empty.
 */
export function validateTaskRows(
  rows: readonly RawRow[],
  ctx: ValidationContext,
): { tasks: ValidTask[]; errors: RowError[]; total: number } {
  const errors: RowError[] = [];
  const tasks: ValidTask[] = [];
  const resolve = unitResolver(ctx.units);
  const resolveOld = unitResolver(ctx.outOfForce ?? []);
  const existing = new Set((ctx.existing ?? []).map((e) => `${squash(e.title)}|${e.leadUnitId}`));
  const seenTitles = new Map<string, number>();
  const data = rows.filter((r) => !isBlank(r));
  const max = ctx.maxRows ?? MAX_IMPORT_ROWS;
  const first = `${ctx.year}-01-01`;
  const lastOfYear = `${ctx.year}-12-31`;
  const latestDue = `${ctx.year + 1}-12-31`;

  if (data.length === 0) return { tasks, errors: [rowError(2, 'file', 'plan_import.no_rows')], total: 0 };
  if (data.length > max)
    return {
      tasks,
      errors: [rowError(data[max]!.row, 'file', 'plan_import.too_many_rows', { max })],
      total: data.length,
    };

  const unitOf = (row: number, field: ColumnKey, text: string): UnitOption | null => {
    const found = resolve(text);
    if (found && 'unit' in found) return found.unit;
    if (found) {
      errors.push(
        rowError(row, field, 'plan_import.unit_ambiguous', {
          value: text,
          names: found.ambiguous.map((u) => `${u.code} ${u.fullName}`).join('; '),
        }),
      );
      return null;
    }
    if (resolveOld(text))
      errors.push(
        rowError(row, field, 'plan_import.unit_not_in_force', { value: text, date: ctx.unitsDate }),
      );
    else errors.push(rowError(row, field, 'plan_import.unit_unknown', { value: text }));
    return null;
  };

  for (const { row, cells } of data) {
    const before = errors.length;
    const values = Object.fromEntries(COLUMN_KEYS.map((k) => [k, plainCell(cells[k])])) as Record<
      ColumnKey,
      CellValue
    >;
    for (const key of COLUMN_KEYS) {
      const v = values[key];
      if (v && typeof v === 'object' && 'error' in v)
        errors.push(rowError(row, key, 'plan_import.cell_error', { value: v.error }));
    }
    const text = (key: ColumnKey, maxLength: number): string | null => {
      const v = values[key];
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      const t = cellText(v);
      if (t && t.length > maxLength) {
        errors.push(rowError(row, key, 'plan_import.too_long', { max: viNumber(maxLength) }));
        return null;
      }
      return t;
    };

    // Tên nhiệm vụ
    const title = text('title', 1000);
    if (!title) {
      if (values.title === null) errors.push(rowError(row, 'title', 'plan_import.required'));
    } else if (title.length < 3) errors.push(rowError(row, 'title', 'plan_import.title_too_short'));
    else {
      const key = squash(title);
      const other = seenTitles.get(key);
      if (other !== undefined) errors.push(rowError(row, 'title', 'plan_import.duplicate_title', { other }));
      else seenTitles.set(key, row);
    }
    const description = text('description', 5000);
    const expectedOutput = text('expectedOutput', 2000);

    // Lĩnh vực
    const areaText = text('reformArea', 300);
    let reformArea: ReformArea | null = null;
    if (!areaText) {
      if (values.reformArea === null) errors.push(rowError(row, 'reformArea', 'plan_import.required'));
    } else {
      reformArea = resolveArea(areaText);
      if (!reformArea)
        errors.push(rowError(row, 'reformArea', 'plan_import.area_unknown', { value: areaText }));
    }

    // Đơn vị chủ trì, phối hợp
    const leadText = text('leadUnit', 500);
    let lead: UnitOption | null = null;
    if (!leadText) {
      if (values.leadUnit === null) errors.push(rowError(row, 'leadUnit', 'plan_import.required'));
    } else lead = unitOf(row, 'leadUnit', leadText);
    const supportingText = text('supportingUnits', 5000);
    const supportingUnitIds: string[] = [];
    if (supportingText) {
      const parts = splitUnits(supportingText);
      if (parts.length > MAX_SUPPORTING_UNITS)
        errors.push(
          rowError(row, 'supportingUnits', 'plan_import.too_many_units', { max: MAX_SUPPORTING_UNITS }),
        );
      else
        for (const part of parts) {
          const u = unitOf(row, 'supportingUnits', part);
          if (!u) continue;
          if (lead && u.id === lead.id)
            errors.push(rowError(row, 'supportingUnits', 'plan_import.supporting_is_lead', { value: part }));
          else if (!supportingUnitIds.includes(u.id)) supportingUnitIds.push(u.id);
        }
    }

    // Ngày
    const dateOf = (key: 'startDate' | 'dueDate' | 'doneDate' | 'verifiedDate'): string | null => {
      const v = values[key];
      if (v && typeof v === 'object' && !(v instanceof Date)) return null; // formula error, reported
      const parsed = parseDateCell(v, key === 'dueDate');
      if (!parsed.ok) {
        errors.push(
          rowError(row, key, 'plan_import.date_invalid', {
            value: typeof v === 'number' ? viNumber(v) : String(v),
          }),
        );
        return null;
      }
      return parsed.date;
    };
    let startDate = dateOf('startDate');
    let dueDate = dateOf('dueDate');
    if (startDate && (startDate < first || startDate > lastOfYear)) {
      errors.push(
        rowError(row, 'startDate', 'plan_import.start_outside_year', { value: startDate, year: ctx.year }),
      );
      startDate = null;
    }
    if (dueDate && dueDate < first) {
      errors.push(
        rowError(row, 'dueDate', 'plan_import.date_before_year', { value: dueDate, year: ctx.year }),
      );
      dueDate = null;
    } else if (dueDate && dueDate > latestDue) {
      errors.push(
        rowError(row, 'dueDate', 'plan_import.date_too_late', {
          value: dueDate,
          year: ctx.year,
          last: ctx.year + 1,
        }),
      );
      dueDate = null;
    }
    if (startDate && dueDate && dueDate < startDate)
      errors.push(
        rowError(row, 'dueDate', 'plan_import.due_before_start', { value: dueDate, start: startDate }),
      );

    // Trọng tâm
    let focus = false;
    const focusValue = values.focus;
    if (focusValue !== null && !(typeof focusValue === 'object' && !(focusValue instanceof Date))) {
      const f = focusValue instanceof Date ? 'date' : fold(String(focusValue));
      if (FOCUS_YES.has(f)) focus = true;
      else if (!FOCUS_NO.has(f))
        errors.push(rowError(row, 'focus', 'plan_import.focus_invalid', { value: String(focusValue) }));
    }

    // Trọng số
    let weight: number | null = null;
    const w = values.weight;
    if (w !== null && !(typeof w === 'object' && !(w instanceof Date))) {
      const n = parseViNumber(w);
      if (n === null || !(n > 0) || n > 1000)
        errors.push(
          rowError(row, 'weight', 'plan_import.weight_invalid', {
            value: typeof w === 'number' ? viNumber(w) : String(w),
          }),
        );
      else weight = n;
    } else if (w === null && ctx.method === 'weighted')
      errors.push(rowError(row, 'weight', 'plan_import.weight_required'));

    // Trạng thái và lịch sử
    const history = historyOf(row, values, startDate, text, dateOf, errors, { first, today: ctx.today });

    if (title && lead && existing.has(`${squash(title)}|${lead.id}`))
      errors.push(rowError(row, 'title', 'plan_import.already_in_plan'));

    if (errors.length === before && title && reformArea && lead)
      tasks.push({
        row,
        title,
        description,
        reformArea,
        leadUnitId: lead.id,
        supportingUnitIds,
        startDate,
        dueDate,
        expectedOutput,
        focus,
        weight,
        ...history,
      });
  }
  return { tasks: errors.length ? [] : tasks, errors, total: data.length };
}

const DONE: readonly ImportStatus[] = ['reported_done', 'verified'];
const statusLabel = (s: ImportStatus) => IMPORT_STATUS_LABELS[s].vi;

/** The status columns of one row (see the module comment): the status, its dates, progress and output. */
function historyOf(
  row: number,
  values: Record<ColumnKey, CellValue>,
  startDate: string | null,
  text: (key: ColumnKey, maxLength: number) => string | null,
  dateOf: (key: 'doneDate' | 'verifiedDate') => string | null,
  errors: RowError[],
  bounds: { first: string; today: string | undefined },
): Pick<ValidTask, 'status' | 'reportedOn' | 'verifiedOn' | 'progress' | 'output'> {
  const none = {
    status: 'not_started' as const,
    reportedOn: null,
    verifiedOn: null,
    progress: null,
    output: null,
  };
  const before = errors.length;
  const floor = startDate && startDate > bounds.first ? startDate : bounds.first;
  const dated = (key: 'doneDate' | 'verifiedDate'): string | null => {
    const d = dateOf(key);
    if (!d) return null;
    if (bounds.today && d > bounds.today) {
      errors.push(
        rowError(row, key, 'plan_import.date_in_future', { value: viDate(d), today: viDate(bounds.today) }),
      );
      return null;
    }
    if (d < floor) {
      errors.push(
        startDate && startDate > bounds.first
          ? rowError(row, key, 'plan_import.date_before_start', {
              value: viDate(d),
              start: viDate(startDate),
            })
          : rowError(row, key, 'plan_import.date_before_year', {
              value: viDate(d),
              year: bounds.first.slice(0, 4),
            }),
      );
      return null;
    }
    return d;
  };
  const done = dated('doneDate');
  const verified = dated('verifiedDate');

  let progress: number | null = null;
  const p = values.progress;
  if (p !== null && !(typeof p === 'object' && !(p instanceof Date))) {
    const n = parseViNumber(typeof p === 'string' ? p.replace(/%$/, '').trim() : p);
    if (n === null || !Number.isInteger(n) || n < 0 || n > 100)
      errors.push(
        rowError(row, 'progress', 'plan_import.progress_invalid', {
          value: typeof p === 'number' ? viNumber(p) : String(p),
        }),
      );
    else progress = n;
  }
  const output = text('output', 5000);

  const statusText = text('status', 100);
  let status: ImportStatus;
  if (statusText) {
    const found = resolveStatus(statusText);
    if (!found) {
      errors.push(rowError(row, 'status', 'plan_import.status_unknown', { value: statusText }));
      return none;
    }
    if (found === 'returned' || found === 'cancelled') {
      errors.push(rowError(row, 'status', 'plan_import.status_not_importable', { value: statusText }));
      return none;
    }
    status = found;
  } else
    status =
      values.verifiedDate !== null
        ? 'verified'
        : values.doneDate !== null
          ? 'reported_done'
          : progress
            ? 'in_progress'
            : 'not_started';

  const isDone = DONE.includes(status);
  if (isDone && values.doneDate === null)
    errors.push(rowError(row, 'doneDate', 'plan_import.done_date_required', { status: statusLabel(status) }));
  const onlyWith = (key: ColumnKey, states: readonly ImportStatus[]) => {
    if (values[key] !== null && !states.includes(status))
      errors.push(
        rowError(row, key, 'plan_import.only_with_status', { states: states.map(statusLabel).join(', ') }),
      );
  };
  onlyWith('doneDate', DONE);
  onlyWith('verifiedDate', ['verified']);
  onlyWith('output', DONE);
  if (progress !== null && ((status === 'not_started' && progress > 0) || (isDone && progress !== 100)))
    errors.push(
      rowError(row, 'progress', 'plan_import.progress_mismatch', {
        value: progress,
        status: statusLabel(status),
      }),
    );
  const verifiedOn = status === 'verified' ? (verified ?? done) : null;
  if (status === 'verified' && done && verified && verified < done)
    errors.push(
      rowError(row, 'verifiedDate', 'plan_import.verified_before_done', {
        value: viDate(verified),
        done: viDate(done),
      }),
    );
  if (errors.length > before) return none;
  return {
    status,
    reportedOn: isDone ? done : null,
    verifiedOn,
    progress,
    output: isDone ? output : null,
  };
}
