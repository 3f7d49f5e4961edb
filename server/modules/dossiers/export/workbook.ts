/**
 * The dossier dashboard as an Excel workbook, written with ExcelJS's streaming writer to a file (rows are
 * flushed as they are committed, so a long dossier list never sits in memory). Sheets, in Vietnamese:
 *
 * 1. *Thông tin* — period, stock day, scope, units as they were or restated, who and when, the thresholds
 *    and the QĐ 766 configuration used.
 * 2. *Theo đơn vị* (or *Theo thủ tục* / *Theo lĩnh vực* / *Tổng hợp*, as the view's `groupBy`) — every
 *   group and the total: counts, every rate with its numerator and denominator, the traffic lights as
 *   text, the QĐ 766 score.
 * 3. *Theo lĩnh vực* (unless the view is already by field), 4. *Theo tháng* (the trend), and, when asked,
 * 5. *Danh sách hồ sơ* — the dossiers of one drill-down class, page by page through `scopeDossierList`'s
 *   cursor, stopped at a cap that the sheet states.
 *
 * The figures are those of `dossierBreakdown` / `dossierTrend` for the same view, never recomputed here: they
 * come from a `WorkbookSource` (the export's worker thread asks the main thread, which reads the database).
 * Dates are real dates shown dd/mm/yyyy (instants in Vietnam time); counts and rates are numbers with
 * number formats, so Excel shows them in the reader's locale (1.234,5 in Vietnamese).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DrillClass } from '../dossiers-query.rules.js';
import type { BreakdownResponse, DossierListResponse, TrendResponse } from '../dossiers-query.schemas.js';
import {
  INDICATOR_LABELS,
  QD766_CRITERION_LABELS,
  QD766_GROUP_LABELS,
  type ThresholdKey,
} from '../settings/dossiers-settings.rules.js';
import { qd766EditionLabel, type Qd766Criterion, type Qd766Group } from '../qd766.js';
import type { ExportQuery } from './dossiers-export.table.js';

type Figures = BreakdownResponse['total'];
type Light = Figures['lights'][keyof Figures['lights']];
export type ExportPhase = 'summary' | 'breakdown' | 'fields' | 'trend' | 'dossiers';

export const LIGHT_TEXT: Record<'green' | 'amber' | 'red' | 'none', string> = {
  green: 'Đạt',
  amber: 'Cần cố gắng',
  red: 'Chưa đạt',
  none: 'Chưa có số liệu',
};
const lightText = (l: Light) => LIGHT_TEXT[l ?? 'none'];

export const CLASS_LABELS: Record<DrillClass, string> = {
  toProcess: 'Phải giải quyết',
  received: 'Tiếp nhận trong kỳ',
  carriedOver: 'Kỳ trước chuyển qua',
  resolved: 'Đã giải quyết',
  resolvedEarly: 'Giải quyết trước hạn',
  resolvedOnTime: 'Giải quyết đúng hạn',
  resolvedLate: 'Giải quyết trễ hạn',
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  processing: 'Đang giải quyết',
  notYetDue: 'Trong hạn',
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  suspended: 'Tạm dừng',
  uncollected: 'Chưa trả kết quả',
  withdrawn: 'Rút hồ sơ',
  online: 'Nộp trực tuyến',
  feePayable: 'Phải nộp phí, lệ phí',
  paidOnline: 'Thanh toán trực tuyến',
  digitised: 'Đã số hóa',
  eResult: 'Có kết quả điện tử',
  dissatisfied: 'Chưa hài lòng',
};

const STATE_LABELS: Record<string, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  not_yet_due: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  suspended: 'Tạm dừng',
  withdrawn: 'Đã rút',
  not_received: 'Chưa tiếp nhận',
};
const STATUS_LABELS: Record<string, string> = {
  processing: 'Đang giải quyết',
  resolved: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút',
  suspended: 'Tạm dừng',
};
const CHANNEL_LABELS: Record<string, string> = {
  online: 'Trực tuyến',
  in_person: 'Trực tiếp',
  post: 'Bưu chính',
};

// ---------------------------------------------------------------------------------------------------
// The figure columns (shared by the breakdown, field and trend sheets)

type Kind = 'count' | 'rate' | 'days' | 'score' | 'text';
export type FigureColumn = {
  /** A stable id (tests find a column by it): `counts.received`, `onTimeRate.value`, `qd766.score`… */
  id: string;
  group: string;
  header: string;
  kind: Kind;
  width: number;
  value: (f: Figures) => number | string | null;
};

type RatioKey = Exclude<keyof Figures['indicators'], 'toProcess' | 'resolved' | 'processing' | 'late'>;

const count = (id: string, header: string, value: (f: Figures) => number): FigureColumn => ({
  id: `counts.${id}`,
  group: 'Số hồ sơ',
  header,
  kind: 'count',
  width: 12,
  value,
});

function ratio(key: RatioKey, group: string, light: ThresholdKey | null, days = false): FigureColumn[] {
  const r = (f: Figures) => f.indicators[key];
  const cols: FigureColumn[] = [
    {
      id: `${key}.numerator`,
      group,
      header: days ? 'Tổng ngày làm việc' : 'Tử số',
      kind: days ? 'days' : 'count',
      width: 12,
      value: (f) => r(f).numerator,
    },
    {
      id: `${key}.denominator`,
      group,
      header: days ? 'Số hồ sơ' : 'Mẫu số',
      kind: 'count',
      width: 12,
      value: (f) => r(f).denominator,
    },
    {
      id: `${key}.value`,
      group,
      header: days ? 'Bình quân (ngày)' : 'Tỷ lệ',
      kind: days ? 'days' : 'rate',
      width: 11,
      value: (f) => r(f).value,
    },
  ];
  if (light)
    cols.push({
      id: `${key}.light`,
      group,
      header: 'Đánh giá',
      kind: 'text',
      width: 15,
      value: (f) => lightText(f.lights[light]),
    });
  return cols;
}

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  count('toProcess', 'Phải giải quyết', (f) => f.indicators.toProcess),
  count('received', 'Tiếp nhận trong kỳ', (f) => f.totals.received),
  count('carriedOver', 'Kỳ trước chuyển qua', (f) => f.totals.carriedOver),
  count('withdrawn', 'Rút hồ sơ', (f) => f.totals.withdrawn),
  count('resolved', 'Đã giải quyết', (f) => f.indicators.resolved),
  count('resolvedEarly', 'Giải quyết trước hạn', (f) => f.totals.resolvedEarly),
  count('resolvedOnTime', 'Giải quyết đúng hạn', (f) => f.totals.resolvedOnTime),
  count('resolvedLate', 'Giải quyết trễ hạn', (f) => f.totals.resolvedLate),
  count('processing', 'Đang giải quyết', (f) => f.indicators.processing),
  count('overdue', 'Quá hạn', (f) => f.totals.overdue),
  count('suspended', 'Tạm dừng', (f) => f.totals.suspended),
  count('uncollected', 'Chưa trả kết quả', (f) => f.totals.uncollected),
  ...ratio('onTimeRate', 'Tỷ lệ đúng hạn', 'onTimeRate'),
  ...ratio('lateRate', 'Tỷ lệ trễ hạn', 'lateRate'),
  ...ratio('resolvedEarlyOrOnTimeRate', 'Giải quyết trước hạn và đúng hạn', null),
  ...ratio('onlineRate', 'Tỷ lệ trực tuyến', 'onlineRate'),
  ...ratio('onlinePaymentRate', 'Thanh toán trực tuyến', 'onlinePaymentRate'),
  ...ratio('digitisationRate', 'Tỷ lệ số hóa', 'digitisationRate'),
  ...ratio('eResultRate', 'Kết quả điện tử', 'eResultRate'),
  ...ratio('satisfaction', 'Mức độ hài lòng', 'satisfaction'),
  ...ratio('averageProcessingDays', 'Thời gian giải quyết bình quân', null, true),
  {
    id: 'qd766.score',
    group: 'Điểm QĐ 766',
    header: 'Điểm',
    kind: 'score',
    width: 10,
    value: (f) => f.qd766.score,
  },
  {
    id: 'qd766.maxCovered',
    group: 'Điểm QĐ 766',
    header: 'Điểm tối đa các nhóm có số liệu',
    kind: 'score',
    width: 14,
    value: (f) => f.qd766.maxCovered,
  },
  {
    id: 'qd766.share',
    group: 'Điểm QĐ 766',
    header: 'Tỷ lệ điểm',
    kind: 'rate',
    width: 11,
    value: (f) => (f.qd766.maxCovered > 0 ? f.qd766.score / f.qd766.maxCovered : null),
  },
  {
    id: 'qd766.provisional',
    group: 'Điểm QĐ 766',
    header: 'Tạm tính',
    kind: 'text',
    width: 10,
    value: (f) => (f.qd766.provisional ? 'Có' : 'Không'),
  },
  {
    id: 'qd766.light',
    group: 'Điểm QĐ 766',
    header: 'Đánh giá',
    kind: 'text',
    width: 15,
    value: (f) => lightText(f.lights.qd766),
  },
];

// ---------------------------------------------------------------------------------------------------
// Cells

const DATE_FMT = 'dd/mm/yyyy';
const DATETIME_FMT = 'dd/mm/yyyy hh:mm';
const VN_OFFSET_MS = 7 * 3_600_000;

/** `2025-03-31` → a date cell (Excel dates carry no zone: midnight UTC is the day itself). */
const dateCell = (iso: string | null | undefined) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
/** An instant → its Vietnam wall time as a date-time cell. */
const instantCell = (iso: string | null | undefined) =>
  iso ? new Date(new Date(iso).getTime() + VN_OFFSET_MS) : null;
/** `2025-03-31` → `31/03/2025` (text). */
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function formatFor(kind: Kind, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  switch (kind) {
    case 'count':
      return Number.isInteger(value) ? '#,##0' : '#,##0.00';
    case 'rate':
      return '0.00%';
    case 'days':
    case 'score':
      return '#,##0.00';
    default:
      return undefined;
  }
}

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const HEADER_ALIGN: Partial<ExcelJS.Alignment> = {
  wrapText: true,
  vertical: 'middle',
  horizontal: 'center',
};

type Sheet = ExcelJS.Worksheet;

/**
 * A two-row header: identity columns merged over both rows, each figure group merged over its columns in
 * the first row with the sub-headers below. Returns the next free row number.
 */
function writeTableHeader(ws: Sheet, top: number, identity: string[], columns: readonly FigureColumn[]) {
  const r1 = ws.getRow(top);
  const r2 = ws.getRow(top + 1);
  identity.forEach((h, i) => {
    r1.getCell(i + 1).value = h;
  });
  let c = identity.length + 1;
  let start = c;
  columns.forEach((col, i) => {
    if (i === 0 || columns[i - 1]!.group !== col.group) start = c;
    r1.getCell(start).value = col.group;
    r2.getCell(c).value = col.header;
    const next = columns[i + 1];
    if ((!next || next.group !== col.group) && c > start) ws.mergeCells(top, start, top, c);
    c++;
  });
  identity.forEach((_, i) => ws.mergeCells(top, i + 1, top + 1, i + 1));
  for (const row of [r1, r2]) {
    row.font = BOLD;
    row.alignment = HEADER_ALIGN;
    for (let i = 1; i < c; i++) row.getCell(i).fill = HEADER_FILL;
  }
  r2.height = 45;
  r2.commit();
  return top + 2;
}

function writeFiguresRow(
  ws: Sheet,
  identity: (string | number | Date | null)[],
  identityFormats: (string | undefined)[],
  f: Figures,
  bold = false,
) {
  const values = [...identity, ...FIGURE_COLUMNS.map((col) => col.value(f))];
  const row = ws.addRow(values);
  identityFormats.forEach((fmt, i) => {
    if (fmt) row.getCell(i + 1).numFmt = fmt;
  });
  FIGURE_COLUMNS.forEach((col, i) => {
    const fmt = formatFor(col.kind, values[identity.length + i]);
    if (fmt) row.getCell(identity.length + i + 1).numFmt = fmt;
  });
  if (bold) row.font = BOLD;
  row.commit();
}

function setWidths(ws: Sheet, identityWidths: number[]) {
  ws.columns = [
    ...identityWidths.map((width) => ({ width })),
    ...FIGURE_COLUMNS.map((col) => ({ width: col.width })),
  ];
}

// ---------------------------------------------------------------------------------------------------
// The workbook

export const GROUP_SHEET_NAMES: Record<ExportQuery['groupBy'], string> = {
  unit: 'Theo đơn vị',
  procedure: 'Theo thủ tục',
  field: 'Theo lĩnh vực',
  total: 'Tổng hợp',
};
const GROUP_NAME_HEADERS: Record<ExportQuery['groupBy'], string> = {
  unit: 'Đơn vị',
  procedure: 'Thủ tục hành chính',
  field: 'Lĩnh vực',
  total: 'Phạm vi',
};
export const TREND_SHEET = 'Theo tháng';
export const DOSSIER_SHEET = 'Danh sách hồ sơ';
export const INFO_SHEET = 'Thông tin';

export type WorkbookProgress = {
  phase: ExportPhase;
  /** 0–1 of the workbook (storing it comes after). */
  progress: number;
  rowsWritten: number;
  dossierRows: number;
  dossierTotal: number | null;
  capped: boolean;
};

/** Where the workbook's figures and dossiers come from, for the export's view. */
export type WorkbookSource = {
  breakdown(groupBy: ExportQuery['groupBy']): Promise<BreakdownResponse>;
  trend(): Promise<TrendResponse>;
  /** The dossier list of the view's class: the day its states are taken, and how many there are. */
  list(): Promise<{ stockDay: string; count: number }>;
  /** The next `limit` dossiers of the list after `cursor` (null: from the start). */
  page(
    cursor: string | null,
    limit: number,
  ): Promise<{ items: DossierListResponse['items']; nextCursor: string | null }>;
};

export type WorkbookOptions = {
  /** The dossier list stops after this many rows. */
  maxDossierRows: number;
  /** Dossiers read per page of the list. */
  pageSize?: number;
  requestedBy: string;
  at: Date;
  report: (p: WorkbookProgress) => Promise<void>;
};

/** Share of the progress bar each phase takes (the dossier list, when asked, is the long one). */
function phaseShares(withDossiers: boolean): Record<ExportPhase, number> {
  return withDossiers
    ? { summary: 0.05, breakdown: 0.15, fields: 0.05, trend: 0.1, dossiers: 0.65 }
    : { summary: 0.1, breakdown: 0.45, fields: 0.15, trend: 0.3, dossiers: 0 };
}

function scopeText(b: BreakdownResponse, q: ExportQuery): string {
  const parts: string[] = [];
  if (b.scope.unit)
    parts.push(q.subtree ? `${b.scope.unit.name} và các đơn vị trực thuộc` : b.scope.unit.name);
  if (b.scope.procedure) parts.push(`thủ tục ${b.scope.procedure.code} – ${b.scope.procedure.name}`);
  if (parts.length) return parts.join('; ');
  // Whose figures these are: the province only for a reader over the whole province.
  return b.reader.whole || b.reader.units.length === 0
    ? 'Toàn tỉnh'
    : b.reader.units.map((u) => u.name).join('; ');
}

/** Vietnamese names of the online levels (NĐ 42/2022/NĐ-CP) and of the online services together. */
export const LEVEL_LABELS: Record<BreakdownResponse['byLevel'][number]['level'], string> = {
  full: 'DVC trực tuyến toàn trình',
  partial: 'DVC trực tuyến một phần',
  online: 'DVC trực tuyến (toàn trình + một phần; trước đây mức độ 3, 4)',
  none: 'Không cung cấp DVC trực tuyến',
};
export const LEVEL_SHEET = 'Theo mức độ DVC';

/**
 * The online-submission rate by the online level of the procedures (dossiers of the view, restated as the
 * view is), and the province's catalogue by level and publication.
 */
function writeLevelSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, b: BreakdownResponse): number {
  const ws = wb.addWorksheet(LEVEL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 58 }, { width: 18 }, { width: 16 }, { width: 18 }, { width: 16 }, { width: 16 }];
  let rows = 0;
  const head = (values: string[]) => {
    const r = ws.addRow(values);
    r.font = BOLD;
    r.alignment = HEADER_ALIGN;
    r.commit();
  };
  head([
    'Mức độ dịch vụ công trực tuyến của thủ tục',
    'Thủ tục có hồ sơ',
    'Hồ sơ tiếp nhận',
    'Tiếp nhận trực tuyến',
    'Tỷ lệ trực tuyến',
  ]);
  for (const l of b.byLevel) {
    const r = ws.addRow([
      LEVEL_LABELS[l.level],
      l.proceduresWithDossiers,
      l.received,
      l.receivedOnline,
      l.onlineRate.value,
    ]);
    r.getCell(3).numFmt = formatFor('count', l.received)!;
    r.getCell(4).numFmt = formatFor('count', l.receivedOnline)!;
    r.getCell(5).numFmt = '0.00%';
    if (l.level === 'online') r.font = BOLD;
    r.commit();
    rows++;
  }
  ws.addRow([
    'Tỷ lệ trực tuyến = hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận, của các thủ tục ở mức độ đó (Nghị định 42/2022/NĐ-CP; mức độ 3 → một phần, mức độ 4 → toàn trình).',
  ]).commit();
  ws.addRow([]).commit();
  head(['Danh mục thủ tục của tỉnh', 'Số thủ tục', 'Đã công khai', 'Chưa công khai', 'Chưa ghi nhận']);
  for (const c of b.catalogue) {
    ws.addRow([LEVEL_LABELS[c.level], c.procedures, c.published, c.notPublished, c.unknown]).commit();
    rows++;
  }
  ws.commit();
  return rows;
}

function writeInfoSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  q: ExportQuery,
  main: BreakdownResponse,
  options: WorkbookOptions,
): number {
  const ws = wb.addWorksheet(INFO_SHEET);
  ws.columns = [{ width: 42 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 60 }];
  let rows = 0;
  const line = (label: string, value: string | number | Date | null, fmt?: string) => {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = BOLD;
    if (fmt) row.getCell(2).numFmt = fmt;
    row.commit();
    rows++;
  };
  const title = ws.addRow(['SỐ LIỆU GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH']);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([]).commit();
  line('Kỳ số liệu', `Từ ngày ${viDate(q.from)} đến ngày ${viDate(q.to)}`);
  line('Hồ sơ đang giải quyết tính đến ngày', dateCell(main.stockDay), DATE_FMT);
  line('Phạm vi', scopeText(main, q));
  line(
    'Đơn vị',
    q.restate
      ? 'Quy đổi theo đơn vị hiện nay (số liệu của đơn vị đã sáp nhập, hợp nhất cộng vào đơn vị kế thừa)'
      : 'Theo đơn vị tiếp nhận tại thời điểm đó',
  );
  line(
    'Xếp hạng',
    'Theo điểm QĐ 766 (tỷ lệ trên điểm tối đa của các nhóm có số liệu), rồi tỷ lệ đúng hạn, rồi tỷ lệ trực tuyến; bằng nhau thì đồng hạng; đơn vị chưa có hồ sơ trong kỳ xếp cuối, không xếp hạng.',
  );
  if (main.ranking.endedUnits > 0)
    line(
      'Đơn vị đã kết thúc',
      main.ranking.ended === 'show'
        ? `${main.ranking.endedUnits} đơn vị đã kết thúc hoạt động được liệt kê`
        : `${main.ranking.endedUnits} đơn vị đã kết thúc hoạt động không liệt kê (số liệu vẫn tính vào tổng; chọn quy đổi theo đơn vị hiện nay để cộng vào đơn vị kế thừa)`,
    );
  if (q.dossierClass) line('Danh sách hồ sơ', CLASS_LABELS[q.dossierClass as DrillClass] ?? q.dossierClass);
  line('Người xuất', options.requestedBy);
  line('Thời điểm xuất', instantCell(options.at.toISOString()), DATETIME_FMT);
  line(
    'Cách tính',
    'Tỷ lệ đúng hạn = 100% − tỷ lệ trễ hạn; trễ hạn = quá hạn đang giải quyết + giải quyết trễ hạn, trên tổng số phải giải quyết (tiếp nhận trong kỳ + kỳ trước chuyển qua − rút hồ sơ).',
  );
  ws.addRow([]).commit();

  const th = ws.addRow(['Ngưỡng đánh giá', 'Chiều', 'Đạt', 'Cần cố gắng', 'Nguồn']);
  th.font = BOLD;
  th.commit();
  for (const t of main.thresholds) {
    const key = t.key as ThresholdKey;
    const row = ws.addRow([
      INDICATOR_LABELS[key]?.vi ?? t.key,
      t.direction === 'higher' ? 'Càng cao càng tốt' : 'Càng thấp càng tốt',
      t.green,
      t.amber,
      t.source ?? 'Ngưỡng mặc định của hệ thống (chưa có văn bản quy định), có thể điều chỉnh',
    ]);
    row.getCell(3).numFmt = '0.00%';
    row.getCell(4).numFmt = '0.00%';
    row.commit();
    rows++;
  }
  ws.addRow([]).commit();

  const qd = main.total.qd766;
  const qh = ws.addRow([qd766EditionLabel(qd.edition, 'vi'), 'Điểm tối đa', 'Trọng số', 'Đã xác nhận']);
  qh.font = BOLD;
  qh.commit();
  for (const g of qd.groups) {
    const gr = ws.addRow([
      QD766_GROUP_LABELS[g.key as Qd766Group]?.vi ?? g.key,
      g.max,
      null,
      g.confirmed ? 'Có' : 'Chưa',
    ]);
    gr.font = BOLD;
    gr.commit();
    rows++;
    for (const c of g.criteria) {
      ws.addRow([
        `    ${QD766_CRITERION_LABELS[c.key as Qd766Criterion]?.vi ?? c.key}`,
        null,
        c.weight,
        c.confirmed ? 'Có' : 'Chưa',
      ]).commit();
      rows++;
    }
  }
  if (qd.provisional) {
    ws.addRow([
      'Điểm QĐ 766 là tạm tính: một số điểm tối đa nhóm hoặc trọng số chưa được xác nhận từ văn bản gốc.',
    ]).commit();
    rows++;
  }
  ws.commit();
  return rows;
}

function writeGroupSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  groupBy: ExportQuery['groupBy'],
  b: BreakdownResponse,
): number {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  setWidths(ws, [8, 14, 48, 24]);
  writeTableHeader(ws, 1, ['Hạng', 'Mã', GROUP_NAME_HEADERS[groupBy], 'Ghi chú'], FIGURE_COLUMNS);
  let rows = 0;
  // Ranking order (dossiers-query.rules.ts RANKING_RULE): equal rows share a rank, rows without dossiers last.
  b.groups.forEach((g) => {
    const notes = [
      g.tied ? 'Đồng hạng' : null,
      g.noDossiers ? 'Chưa có hồ sơ trong kỳ' : null,
      g.validTo ? `Đã kết thúc ngày ${viDate(g.validTo)}` : null,
    ].filter(Boolean);
    writeFiguresRow(ws, [g.rank, g.code, g.name, notes.length ? notes.join('; ') : null], [], g);
    rows++;
  });
  writeFiguresRow(
    ws,
    [null, null, b.scope.unit || b.scope.procedure ? 'Cộng' : 'Tổng cộng', null],
    [],
    b.total,
    true,
  );
  rows++;
  ws.commit();
  return rows;
}

function writeTrendSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, trend: TrendResponse): number {
  const ws = wb.addWorksheet(TREND_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  setWidths(ws, [10, 12, 12, 16]);
  writeTableHeader(ws, 1, ['Tháng', 'Từ ngày', 'Đến ngày', 'Đang giải quyết tính đến ngày'], FIGURE_COLUMNS);
  for (const m of trend.months)
    writeFiguresRow(
      ws,
      [
        `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`,
        dateCell(m.from),
        dateCell(m.to),
        dateCell(m.stockDay),
      ],
      [undefined, DATE_FMT, DATE_FMT, DATE_FMT],
      m,
    );
  ws.commit();
  return trend.months.length;
}

const DOSSIER_COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 8 },
  { header: 'Mã hồ sơ', width: 22 },
  { header: 'Mã TTHC', width: 14 },
  { header: 'Thủ tục hành chính', width: 50 },
  { header: 'Đơn vị tiếp nhận', width: 36 },
  { header: 'Hình thức nộp', width: 13 },
  { header: 'Trạng thái', width: 16 },
  { header: 'Tình trạng', width: 16 },
  { header: 'Ngày tiếp nhận', width: 17 },
  { header: 'Hạn giải quyết', width: 14 },
  { header: 'Ngày có kết quả', width: 17 },
  { header: 'Tỷ trọng', width: 10 },
];

/** Writes the whole workbook to `filename`; reports its progress after each sheet and each page of dossiers. */
export async function writeDossierWorkbook(
  source: WorkbookSource,
  q: ExportQuery,
  filename: string,
  options: WorkbookOptions,
): Promise<Omit<WorkbookProgress, 'phase' | 'progress'>> {
  const shares = phaseShares(!!q.dossierClass);
  let done = 0;
  const state = { rowsWritten: 0, dossierRows: 0, dossierTotal: null as number | null, capped: false };
  const report = (phase: ExportPhase, within = 1) =>
    options.report({ phase, progress: Math.min(1, done + shares[phase] * within), ...state });
  const finished = async (phase: ExportPhase) => {
    done += shares[phase];
    await report(phase, 0);
  };

  // Our own stream, so that a failure half-way (or a lost lease) closes the file at once.
  const out = fs.createWriteStream(filename);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'chidao';
  wb.created = options.at;
  wb.title = `Số liệu hồ sơ TTHC ${viDate(q.from)} – ${viDate(q.to)}`;
  try {
    await report('summary', 0);
    const main = await source.breakdown(q.groupBy);
    state.rowsWritten += writeInfoSheet(wb, q, main, options);
    await finished('summary');

    state.rowsWritten += writeGroupSheet(wb, GROUP_SHEET_NAMES[q.groupBy], q.groupBy, main);
    state.rowsWritten += writeLevelSheet(wb, main);
    await finished('breakdown');

    if (q.groupBy !== 'field') {
      const byField = await source.breakdown('field');
      state.rowsWritten += writeGroupSheet(wb, GROUP_SHEET_NAMES.field, 'field', byField);
    }
    await finished('fields');

    const trend = await source.trend();
    state.rowsWritten += writeTrendSheet(wb, trend);
    await finished('trend');

    if (q.dossierClass) {
      const cls = q.dossierClass as DrillClass;
      const ws = wb.addWorksheet(DOSSIER_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
      ws.columns = DOSSIER_COLUMNS.map((c) => ({ width: c.width }));
      const cap = Math.max(0, options.maxDossierRows);
      const pageSize = options.pageSize ?? 1000;
      let cursor: string | null = null;
      let started = false;
      for (;;) {
        const limit = Math.max(1, Math.min(pageSize, cap - state.dossierRows));
        if (!started) {
          started = true;
          const { stockDay, count } = await source.list();
          state.dossierTotal = count;
          const title = ws.addRow([
            `Danh sách hồ sơ: ${CLASS_LABELS[cls]} — từ ngày ${viDate(q.from)} đến ngày ${viDate(q.to)} (tình trạng tại ngày ${viDate(stockDay)})`,
          ]);
          title.font = { bold: true, size: 12 };
          title.commit();
          const total = state.dossierTotal;
          ws.addRow([
            total > cap
              ? `Có ${total.toLocaleString('vi-VN')} hồ sơ; chỉ xuất ${cap.toLocaleString('vi-VN')} hồ sơ đầu tiên (giới hạn số dòng của tệp xuất). Xem đủ danh sách trên trang Hồ sơ TTHC hoặc thu hẹp phạm vi.`
              : `Có ${total.toLocaleString('vi-VN')} hồ sơ.`,
          ]).commit();
          ws.addRow([]).commit();
          const header = ws.addRow(DOSSIER_COLUMNS.map((c) => c.header));
          header.font = BOLD;
          header.alignment = HEADER_ALIGN;
          header.commit();
        }
        const page = await source.page(cursor, limit);
        for (const d of page.items) {
          if (state.dossierRows >= cap) break;
          state.dossierRows++;
          state.rowsWritten++;
          const row = ws.addRow([
            state.dossierRows,
            d.code,
            d.procedure.code,
            d.procedure.name,
            d.unit.name,
            CHANNEL_LABELS[d.channel] ?? d.channel,
            STATUS_LABELS[d.status] ?? d.status,
            STATE_LABELS[d.state] ?? d.state,
            instantCell(d.receivedAt),
            dateCell(d.dueDay),
            instantCell(d.resolvedAt),
            d.weight,
          ]);
          row.getCell(9).numFmt = DATETIME_FMT;
          row.getCell(10).numFmt = DATE_FMT;
          row.getCell(11).numFmt = DATETIME_FMT;
          row.getCell(12).numFmt = '0.00%';
          row.commit();
        }
        cursor = page.nextCursor;
        const target = Math.min(cap, state.dossierTotal ?? 0);
        if (!cursor || state.dossierRows >= cap) {
          state.capped =
            state.dossierRows >= cap && (!!cursor || (state.dossierTotal ?? 0) > state.dossierRows);
          break;
        }
        await report('dossiers', target ? state.dossierRows / target : 1);
      }
      if (state.capped)
        ws.addRow([
          `Danh sách dừng ở ${cap.toLocaleString('vi-VN')} hồ sơ (giới hạn của tệp xuất); còn ${((state.dossierTotal ?? 0) - state.dossierRows).toLocaleString('vi-VN')} hồ sơ không được liệt kê.`,
        ]).commit();
      ws.commit();
      await finished('dossiers');
    }
    await wb.commit();
  } catch (err) {
    out.destroy();
    throw err;
  }
  return state;
}
