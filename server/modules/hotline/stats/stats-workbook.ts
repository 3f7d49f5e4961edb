/**
 * The hotline statistics as an Excel file (ExcelJS), in Vietnamese: sheet "Tổng hợp" — the figures by group
 * and in total, with the formulas and their basis (QĐ 766/QĐ-TTg of 23/6/2022) —, sheet "Danh sách phản ánh"
 * — every case counted, named by its tracking code, never by who sent it (no name, phone, e-mail, address,
 * not even the title the submitter typed). Dates are date cells shown dd/mm/yyyy; rates are percentages with
 * two decimals.
 */
import ExcelJS from 'exceljs';
import type { CaseStatus } from '../case-rules.js';
import type { Channel } from '../hotline.table.js';
import type {
  StatsCaseOut,
  StatsFiguresOut,
  StatsGroupBy,
  StatsGroupOut,
  StatsOut,
} from './stats.schemas.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Cổng phản ánh trực tuyến',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  letter: 'Văn bản, thư',
  press: 'Báo chí',
  national_portal: 'Cổng Dịch vụ công quốc gia',
  visit: 'Trực tiếp tại cơ quan',
  open311: 'Ứng dụng kết nối (Open311)',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: 'Chờ phân loại',
  assigned: 'Đơn vị đang xử lý',
  answered: 'Chờ duyệt trả lời',
  published: 'Đã trả lời, công khai',
  not_accepted: 'Không tiếp nhận',
  forwarded: 'Đã chuyển cơ quan có thẩm quyền',
  merged: 'Đã gộp vào phản ánh khác',
};

const GROUP_BY_LABELS: Record<StatsGroupBy, string> = {
  unit: 'Theo đơn vị xử lý',
  category: 'Theo lĩnh vực',
  channel: 'Theo kênh tiếp nhận',
  month: 'Theo tháng',
};

/** The group without a key, by grouping. */
const NO_GROUP: Record<StatsGroupBy, string> = {
  unit: 'Chưa giao đơn vị xử lý (đang phân loại, không tiếp nhận, chuyển đi, gộp)',
  category: 'Chưa xác định lĩnh vực',
  channel: '—',
  month: '—',
};

/** The formulas and their basis, as printed on the figures sheet. */
export const BASIS = [
  'Căn cứ: Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử.',
  'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn = Số PAKN thuộc thẩm quyền được trả lời (công khai) đúng hạn trong kỳ / Tổng số PAKN thuộc thẩm quyền được trả lời trong kỳ × 100%.',
  'Mức độ hài lòng về xử lý phản ánh, kiến nghị = (Tổng số PAKN được trả lời trong kỳ − số PAKN bị đánh giá chưa hài lòng hoặc trả lời quá hạn) / Tổng số PAKN được trả lời trong kỳ × 100%; một PAKN vừa quá hạn vừa bị đánh giá chưa hài lòng chỉ bị trừ một lần.',
  'Cách đếm: PAKN thuộc thẩm quyền gồm PAKN thuộc thẩm quyền và PAKN về hành vi (Nghị định 20/2008/NĐ-CP); PAKN không tiếp nhận và PAKN chuyển cơ quan có thẩm quyền không tính vào hai tỷ lệ. Một PAKN thuộc kỳ có ngày trả lời được công khai; đúng hạn là công khai trong hạn (ngày nghỉ tính sang ngày làm việc kế tiếp). Tỷ lệ để trống khi trong kỳ chưa có PAKN nào được trả lời.',
  'Quá hạn chưa xử lý: PAKN còn mở và đã quá hạn (phân loại hoặc trả lời) tại ngày cuối kỳ, hoặc tại ngày lấy số liệu nếu sớm hơn.',
];

/** `2026-11-04` → `04/11/2026`. */
export function viDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** A date cell (midnight UTC of the day, so every time zone reads the same day). */
const dateCell = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The name of a group as the sheet prints it. */
export function groupLabel(g: Pick<StatsGroupOut, 'key' | 'name' | 'ended'>, groupBy: StatsGroupBy): string {
  if (g.key === null) return NO_GROUP[groupBy];
  if (groupBy === 'channel') return CHANNEL_LABELS[g.key as Channel] ?? g.key;
  if (groupBy === 'month') return `Tháng ${g.key.slice(5, 7)}/${g.key.slice(0, 4)}`;
  return `${g.name?.vi ?? g.key}${g.ended ? ' (đã kết thúc)' : ''}`;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

/** The columns of the figures sheet after the group's name: [header, value]. */
const FIGURE_COLUMNS: [string, (f: StatsFiguresOut) => number | null, string?][] = [
  ['Tiếp nhận trong kỳ', (f) => f.received],
  ['Đang phân loại', (f) => f.inTriage],
  ['Đang xử lý', (f) => f.inProgress],
  ['Đã trả lời, công khai', (f) => f.published],
  ['Không tiếp nhận', (f) => f.notAccepted],
  ['Chuyển cơ quan có thẩm quyền', (f) => f.forwarded],
  ['Gộp vào phản ánh khác', (f) => f.merged],
  ['Trả lời trong kỳ (thuộc thẩm quyền)', (f) => f.answered],
  ['Đúng hạn', (f) => f.onTime],
  ['Trễ hạn', (f) => f.late],
  ['Quá hạn chưa xử lý', (f) => f.overdue],
  ['Hài lòng', (f) => f.satisfied],
  ['Chưa hài lòng', (f) => f.notSatisfied],
  ['Chưa đánh giá', (f) => f.notRated],
  ['Tỷ lệ xử lý đúng hạn (%)', (f) => pct(f.onTimeRate.value), '0.00'],
  ['Tử số', (f) => f.onTimeRate.numerator],
  ['Mẫu số', (f) => f.onTimeRate.denominator],
  ['Mức độ hài lòng (%)', (f) => pct(f.satisfactionRate.value), '0.00'],
  ['Tử số', (f) => f.satisfactionRate.numerator],
  ['Mẫu số', (f) => f.satisfactionRate.denominator],
  [
    'Số ngày làm việc trung bình đến khi trả lời',
    (f) => (f.avgWorkingDays === null ? null : Math.round(f.avgWorkingDays * 10) / 10),
    '0.0',
  ],
];

const SATISFACTION_LABELS = { satisfied: 'Hài lòng', not_satisfied: 'Chưa hài lòng' } as const;

/** The file name: "Thống kê phản ánh 01-01-2026 đến 31-12-2026.xlsx". */
export function statsFileName(stats: Pick<StatsOut, 'from' | 'to'>): string {
  const d = (iso: string) => viDate(iso).replace(/\//g, '-');
  return `Thống kê phản ánh ${d(stats.from)} đến ${d(stats.to)}.xlsx`;
}

export async function statsWorkbook(
  stats: StatsOut,
  cases: readonly StatsCaseOut[],
): Promise<{ buffer: Buffer; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = 'Thống kê phản ánh, kiến nghị';
  const bold = { bold: true };

  const sum = wb.addWorksheet('Tổng hợp');
  sum.columns = [{ width: 46 }, ...FIGURE_COLUMNS.map(() => ({ width: 13 }))];
  sum.addRow(['THỐNG KÊ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ']).font = { bold: true, size: 13 };
  sum.addRow([`Từ ngày ${viDate(stats.from)} đến ngày ${viDate(stats.to)}`]).font = { italic: true };
  sum.addRow([
    `Số liệu tính đến ngày ${viDate(stats.asOf)}; PAKN quá hạn tính tại ngày ${viDate(stats.stockDay)}`,
  ]).font = { italic: true };
  sum.addRow([
    `${GROUP_BY_LABELS[stats.groupBy]}${
      stats.groupBy === 'unit'
        ? stats.restated
          ? ' (quy đổi theo đơn vị hiện nay: một PAKN của đơn vị chia tách được tính cho mỗi đơn vị kế thừa)'
          : ' (đơn vị như tại thời điểm xử lý, tên tại ngày cuối kỳ)'
        : ''
    }`,
  ]);
  sum.addRow([]);
  const header = sum.addRow([GROUP_BY_LABELS[stats.groupBy], ...FIGURE_COLUMNS.map(([h]) => h)]);
  header.font = bold;
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const headerRow = header.number;
  const addFigures = (label: string, f: StatsFiguresOut) => {
    const row = sum.addRow([label, ...FIGURE_COLUMNS.map(([, value]) => value(f))]);
    FIGURE_COLUMNS.forEach(([, , fmt], i) => {
      if (fmt) row.getCell(i + 2).numFmt = fmt;
    });
    return row;
  };
  for (const g of stats.groups) addFigures(groupLabel(g, stats.groupBy), g.figures);
  addFigures('Tổng cộng', stats.total).font = bold;
  sum.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 1 }];
  sum.addRow([]);
  sum.addRow(['Cách tính']).font = bold;
  for (const line of BASIS) {
    const r = sum.addRow([line]);
    sum.mergeCells(r.number, 1, r.number, 12);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 48;
  }

  const list = wb.addWorksheet('Danh sách phản ánh', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: 'STT', key: 'stt', width: 6 },
    { header: 'Mã phản ánh', key: 'code', width: 24 },
    { header: 'Ngày tiếp nhận', key: 'received', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Lĩnh vực', key: 'category', width: 28 },
    { header: 'Đơn vị xử lý', key: 'unit', width: 30 },
    { header: 'Kênh tiếp nhận', key: 'channel', width: 24 },
    { header: `Trạng thái (ngày ${viDate(stats.asOf)})`, key: 'status', width: 26 },
    { header: 'Hạn xử lý', key: 'due', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Ngày trả lời, kết thúc', key: 'answered', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Đúng hạn', key: 'onTime', width: 10 },
    { header: 'Mức độ hài lòng', key: 'satisfaction', width: 16 },
  ];
  list.getRow(1).font = bold;
  list.getRow(1).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  cases.forEach((c, i) => {
    list.addRow({
      stt: i + 1,
      code: c.code,
      received: dateCell(c.receivedOn),
      category: c.category?.vi ?? '',
      unit: c.unit ?? '',
      channel: CHANNEL_LABELS[c.channel] ?? c.channel,
      status: STATUS_LABELS[c.status] ?? c.status,
      due: dateCell(c.dueDate),
      answered: dateCell(c.answeredOn),
      onTime: c.onTime === null ? '' : c.onTime ? 'Có' : 'Không',
      satisfaction: c.satisfaction
        ? SATISFACTION_LABELS[c.satisfaction]
        : c.status === 'published'
          ? 'Chưa đánh giá'
          : '',
    });
  });
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: list.columns.length } };

  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: statsFileName(stats) };
}
