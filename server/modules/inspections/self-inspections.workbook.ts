/**
 * The province's self-inspection coverage as an Excel file (ExcelJS), in Vietnamese: one sheet, the units as the
 * page lists them (filters applied) with their sub-units, those inspected, the share and whether it reaches the
 * threshold, then how it is counted. Percentages are numbers with two decimals; dates dd/mm/yyyy.
 */
import ExcelJS from 'exceljs';
import type { InspectingKind } from './rules/coverage.js';
import type { ProvinceCoverageOut, ProvinceRowOut } from './self-inspections.schemas.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const KIND_LABELS: Record<InspectingKind, string> = {
  department: 'Sở, ban, ngành',
  management_board: 'Ban quản lý',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
};

export const STATUS_LABELS: Record<ProvinceRowOut['status'], string> = {
  reached: 'Đạt',
  not_reached: 'Chưa đạt',
  no_sub_units: 'Chưa có đơn vị trực thuộc trong danh mục',
};

/** `2026-11-04` → `04/11/2026`. */
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const percentText = (share: number) =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(share * 100)}%`;

export const METHOD = (threshold: number) => [
  `Mỗi sở, ban, ngành và UBND cấp xã (cấp huyện đến 30/6/2025) tự kiểm tra ít nhất ${percentText(threshold)} số phòng, đơn vị trực thuộc trong năm.`,
  'Đơn vị trực thuộc được tính: của sở, ban, ngành — các phòng, văn phòng và đơn vị trực thuộc (chi cục, trung tâm, ban quản lý); của UBND cấp xã — văn phòng, các phòng chuyên môn và Trung tâm Phục vụ hành chính công; của UBND cấp huyện — các phòng và các xã, phường, thị trấn.',
  'Đơn vị trực thuộc tính theo danh mục đơn vị tại ngày cuối năm (ngày lấy số liệu với năm đang diễn ra; ngày cuối hoạt động với đơn vị đã kết thúc trong năm). Một đơn vị kiểm tra nhiều lần được tính một lần; đơn vị đã sáp nhập trong năm được tính cho đơn vị kế thừa.',
];

/** The file name: "Tự kiểm tra CCHC năm 2026.xlsx". */
export const provinceFileName = (view: Pick<ProvinceCoverageOut, 'year'>) =>
  `Tự kiểm tra CCHC năm ${view.year}.xlsx`;

export async function provinceWorkbook(
  view: ProvinceCoverageOut,
  filters: { kind?: InspectingKind | undefined; notReached: boolean },
): Promise<{ buffer: Buffer; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = `Tự kiểm tra CCHC năm ${view.year}`;
  const ws = wb.addWorksheet('Tự kiểm tra CCHC');
  ws.columns = [
    { width: 6 },
    { width: 44 },
    { width: 18 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 22 },
    { width: 14 },
    { width: 26 },
  ];
  ws.addRow([`KẾT QUẢ TỰ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM ${view.year}`]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([view.province.name]).font = { italic: true };
  ws.addRow([
    `Số liệu tại ngày ${viDate(view.asOf)}; yêu cầu tự kiểm tra ít nhất ${percentText(view.threshold)} số đơn vị trực thuộc`,
  ]).font = { italic: true };
  const shown = [
    filters.kind ? `Loại đơn vị: ${KIND_LABELS[filters.kind]}` : 'Tất cả loại đơn vị',
    filters.notReached ? 'chỉ đơn vị chưa đạt' : null,
  ]
    .filter(Boolean)
    .join('; ');
  ws.addRow([shown]);
  ws.addRow([
    `Tổng số đơn vị: ${view.counts.units}; đạt: ${view.counts.reached}; chưa đạt: ${view.counts.notReached}; chưa có đơn vị trực thuộc trong danh mục: ${view.counts.noSubUnits}`,
  ]);
  ws.addRow([]);
  const header = ws.addRow([
    'STT',
    'Đơn vị',
    'Loại đơn vị',
    'Số đơn vị trực thuộc',
    'Đã tự kiểm tra',
    'Tỷ lệ (%)',
    'Cần kiểm tra tối thiểu',
    'Kết quả',
    'Số cuộc kiểm tra đã ghi nhận',
    'Ghi chú',
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const headerRow = header.number;
  view.items.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      r.name,
      KIND_LABELS[r.kind],
      r.total,
      r.inspected,
      r.percent,
      r.needed,
      STATUS_LABELS[r.status],
      r.records,
      r.validTo ? `Đã kết thúc hoạt động ngày ${viDate(r.validTo)}` : '',
    ]);
    row.getCell(6).numFmt = '0.00';
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: 10 } };
  ws.addRow([]);
  ws.addRow(['Cách tính']).font = { bold: true };
  for (const line of METHOD(view.threshold)) {
    const r = ws.addRow([line]);
    ws.mergeCells(r.number, 1, r.number, 10);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 36;
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: provinceFileName(view) };
}
