/**
 * The data annexes of a consolidated report, read back with ExcelJS: four Nghệ An units' reports on the
 * shipped unit form (one left its survey empty), and one unit that did not submit.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate, evaluate, type Consolidation } from '../form/index.js';
import { makeForm, num, table, txt } from '../form/test-fixtures.js';
import {
  LATE_MARK,
  REPORT_SHEETS,
  numberFormat,
  reportWorkbook,
  type UnitSubmission,
} from './report-workbook.js';
import { UNITS, UNIT_RAWS, shippedForm } from './test-data.js';

const form = shippedForm('unit-par-report');
const submittedUnits = UNITS.slice(0, 4);
const consolidation: Consolidation = consolidate(form, {
  reports: submittedUnits.map((u) => ({ ...u, values: evaluate(form, UNIT_RAWS[u.unitId]).values })),
  notSubmitted: [UNITS[4]],
});
const units: UnitSubmission[] = [
  { ...UNITS[0], status: 'Đã nộp', submittedOn: '2026-09-14', late: false },
  { ...UNITS[1], status: 'Đã nộp', submittedOn: '2026-09-15', late: false },
  { ...UNITS[4], status: 'Chưa nộp', submittedOn: null, late: false },
  { ...UNITS[2], status: 'Đã nộp', submittedOn: '2026-09-18', late: true },
  { ...UNITS[3], status: 'Đã nộp', submittedOn: '2026-09-05', late: false },
];

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The row whose column `col` holds exactly `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(col).value === text) found = row;
  });
  if (!found) throw new Error(`No row with "${text}" in ${ws.name}`);
  return found;
}

const headerOf = (ws: ExcelJS.Worksheet, rowNumber: number) =>
  (ws.getRow(rowNumber).values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));

describe('reportWorkbook (unit form, quarter III of 2026)', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(
      await reportWorkbook({
        form,
        periodLabel: 'Quý III năm 2026',
        consolidation,
        units,
        date: '2026-09-25',
      }),
    );
  });

  it('has the sheets in Vietnamese, with frozen headers, A4 print setup and Times New Roman', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      REPORT_SHEETS.summary,
      REPORT_SHEETS.byUnit,
      REPORT_SHEETS.submissions,
      REPORT_SHEETS.tables,
    ]);
    expect(REPORT_SHEETS).toEqual({
      summary: 'Tổng hợp',
      byUnit: 'Theo đơn vị',
      submissions: 'Tình hình nộp',
      tables: 'Bảng',
    });
    const byUnit = wb.getWorksheet('Theo đơn vị')!;
    expect(byUnit.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
    expect(byUnit.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(wb.getWorksheet('Tổng hợp')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(byUnit.getCell('B7').font?.name).toBe('Times New Roman');
    expect(wb.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe(
      'BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG',
    );
    expect(wb.getWorksheet('Tổng hợp')!.getCell('A2').value).toBe(
      'Kỳ báo cáo: Quý III năm 2026 — ngày lập: 25/09/2026',
    );
    expect(wb.getWorksheet('Tổng hợp')!.getCell('A3').value).toBe('Số đơn vị đã nộp báo cáo: 4/5');
  });

  it('Tổng hợp: one row per figure — numbering, label, unit, the consolidated number, the aggregate, the units', () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(headerOf(ws, 5)).toEqual([
      'Mục',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Số liệu tổng hợp',
      'Cách tổng hợp',
      'Số đơn vị có số liệu',
    ]);
    const received = rowWith(ws, 2, 'Số hồ sơ TTHC tiếp nhận trong kỳ');
    expect(headerOf(ws, received.number)).toEqual([
      'II.2',
      'Số hồ sơ TTHC tiếp nhận trong kỳ',
      'hồ sơ',
      9524,
      'Tổng',
      4,
    ]);
    expect(received.getCell(4).numFmt).toBe('#,##0');
    expect(received.getCell(4).type).toBe(ExcelJS.ValueType.Number);

    // A rate recomputed from the summed counts, stored as a fraction with a percent format.
    const onTime = rowWith(ws, 2, 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn');
    expect(onTime.getCell(3).value).toBe('%');
    expect(onTime.getCell(4).value).toBeCloseTo(9350 / 9374, 4);
    expect(onTime.getCell(4).numFmt).toBe('0.00%');
    expect(onTime.getCell(5).value).toBe('Tính lại theo công thức');

    // Weighted by the respondents; the unit that left it empty is not counted.
    const sat = rowWith(ws, 2, 'Tỷ lệ người dân, tổ chức hài lòng');
    expect(sat.getCell(4).value).toBeCloseTo((90 * 400 + 95 * 600 + 80 * 1000) / 2000 / 100, 6);
    expect(sat.getCell(5).value).toBe('Trung bình có trọng số (theo «Số phiếu khảo sát sự hài lòng thu về»)');
    expect(sat.getCell(6).value).toBe(3);

    // Nobody reported it: an empty cell, not 0.
    const staff = rowWith(ws, 2, 'Biên chế công chức được giao');
    expect(staff.getCell(4).value).toBeNull();
    expect(staff.getCell(6).value).toBe(0);

    // A choice: how many units chose each option.
    expect(rowWith(ws, 2, 'Tình hình ban hành kế hoạch CCHC năm: Đã ban hành').getCell(4).value).toBe(4);
    expect(rowWith(ws, 2, 'Tình hình ban hành kế hoạch CCHC năm: Chưa ban hành').getCell(4).value).toBe(0);
  });

  it('Theo đơn vị: one row per unit that submitted, one column per figure, the unit’s own values', () => {
    const ws = wb.getWorksheet('Theo đơn vị')!;
    const header = headerOf(ws, 5);
    expect(header.slice(0, 3)).toEqual(['STT', 'Đơn vị', 'Tình hình ban hành kế hoạch CCHC năm']);
    const col = (label: string) => header.indexOf(label) + 1;
    expect(col('Số hồ sơ TTHC tiếp nhận trong kỳ')).toBeGreaterThan(2);
    expect(ws.getRow(6).getCell(col('Số hồ sơ TTHC tiếp nhận trong kỳ')).value).toBe('Mục II.2 (hồ sơ)');

    const names = [7, 8, 9, 10].map((r) => ws.getRow(r).getCell(2).value);
    expect(names).toEqual(['Sở Nội vụ', 'Sở Tư pháp', 'UBND phường Trường Vinh', 'UBND xã Diễn Châu']);
    expect(ws.getRow(11).getCell(2).value).toBe('Số liệu tổng hợp');

    const snv = ws.getRow(7);
    const received = snv.getCell(col('Số hồ sơ TTHC tiếp nhận trong kỳ'));
    expect(received.value).toBe(1234);
    expect(received.type).toBe(ExcelJS.ValueType.Number);
    expect(received.numFmt).toBe('#,##0');
    expect(snv.getCell(col('Tỷ lệ người dân, tổ chức hài lòng')).value).toBeCloseTo(0.9, 10);
    expect(snv.getCell(col('Tình hình ban hành kế hoạch CCHC năm')).value).toBe('Đã ban hành');

    // Diễn Châu left the survey empty: empty cells, never 0.
    const dienChau = ws.getRow(10);
    for (const label of ['Số phiếu khảo sát sự hài lòng thu về', 'Tỷ lệ người dân, tổ chức hài lòng']) {
      expect(dienChau.getCell(col(label)).value).toBeNull();
      expect(dienChau.getCell(col(label)).type).toBe(ExcelJS.ValueType.Null);
    }
    expect(ws.getRow(11).getCell(col('Số hồ sơ TTHC tiếp nhận trong kỳ')).value).toBe(9524);
  });

  it('Tình hình nộp: every expected unit, the day it submitted dd/mm/yyyy, late ones marked, missing ones listed', () => {
    const ws = wb.getWorksheet('Tình hình nộp')!;
    expect(ws.getCell('A3').value).toBe('Tổng số đơn vị: 5; đã nộp: 4 (nộp muộn: 1); chưa nộp: 1.');
    expect(headerOf(ws, 5)).toEqual(['STT', 'Đơn vị', 'Tình trạng', 'Ngày nộp', 'Nộp muộn']);
    const rows = [6, 7, 8, 9, 10].map((r) => headerOf(ws, r));
    expect(rows.map((r) => r[1])).toEqual([
      'Sở Nội vụ',
      'Sở Tư pháp',
      'UBND xã Con Cuông',
      'UBND phường Trường Vinh',
      'UBND xã Diễn Châu',
    ]);
    const conCuong = ws.getRow(8);
    expect(conCuong.getCell(3).value).toBe('Chưa nộp');
    expect(conCuong.getCell(4).value).toBeNull();
    const late = ws.getRow(9);
    expect(late.getCell(5).value).toBe(LATE_MARK);
    expect(late.getCell(4).value).toEqual(new Date('2026-09-18T00:00:00Z'));
    expect(late.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getRow(6).getCell(5).value).toBeNull();
  });

  it('Bảng: the free-row initiatives table, listed with the units’ names (none entered here)', () => {
    const ws = wb.getWorksheet('Bảng')!;
    expect(ws.getCell('A5').value).toBe('Mục I.5. Sáng kiến, mô hình, giải pháp mới trong CCHC');
    expect(headerOf(ws, 6)).toEqual([
      'Đơn vị',
      'Tên sáng kiến, mô hình, giải pháp',
      'Lĩnh vực CCHC',
      'Kết quả, hiệu quả',
    ]);
    expect(ws.getCell('A7').value).toBe('Không có');
  });

  it('refuses a consolidation of another form', async () => {
    await expect(
      reportWorkbook({
        form: shippedForm('provincial-par-report'),
        periodLabel: 'Quý III năm 2026',
        consolidation,
        units,
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('reportWorkbook: a fixed-row table consolidated cell by cell', () => {
  const tthc = makeForm([
    table(
      'tthc',
      [
        { key: 'in_force', type: 'number', label: txt('Số TTHC'), unit: txt('thủ tục') },
        { key: 'online', type: 'percent', label: txt('Tỷ lệ trực tuyến'), aggregate: 'average' },
      ],
      {
        label: txt('TTHC theo cấp', 'Procedures by level'),
        fixedRows: [
          { key: 'province', label: txt('Cấp tỉnh', 'Province') },
          { key: 'commune', label: txt('Cấp xã', 'Commune') },
        ],
      },
    ),
  ]);
  const row = (a: number | null, b: number | null, c: number | null, d: number | null) => ({
    tthc: [
      { key: 'province', cells: { in_force: a, online: b } },
      { key: 'commune', cells: { in_force: c, online: d } },
    ],
  });
  const c = consolidate(tthc, {
    reports: [
      { unitId: 'a', unitName: 'Sở Tài chính', values: evaluate(tthc, row(1200, 80, 300, null)).values },
      { unitId: 'b', unitName: 'Sở Y tế', values: evaluate(tthc, row(34, 91, 156, 60.5)).values },
    ],
  });

  it('writes one block per table: row labels, the aggregate of each column, numeric cells, empty stays empty', async () => {
    const wb = await load(
      await reportWorkbook({
        form: tthc,
        periodLabel: 'Năm 2026',
        consolidation: c,
        units: [
          { unitId: 'a', unitName: 'Sở Tài chính', status: 'Đã nộp', submittedOn: '2026-12-10', late: false },
          { unitId: 'b', unitName: 'Sở Y tế', status: 'Đã nộp', submittedOn: '2026-12-12', late: false },
        ],
      }),
    );
    const ws = wb.getWorksheet('Bảng')!;
    expect(ws.getCell('A5').value).toBe('Mục I. TTHC theo cấp');
    expect(headerOf(ws, 6)).toEqual(['Nội dung', 'Số TTHC (thủ tục)', 'Tỷ lệ trực tuyến (%)']);
    expect(headerOf(ws, 7)).toEqual(['Cách tổng hợp', 'Tổng', 'Trung bình']);
    expect(ws.getCell('A8').value).toBe('Cấp tỉnh');
    expect(ws.getCell('B8').value).toBe(1234);
    expect(ws.getCell('B8').numFmt).toBe('#,##0');
    expect(ws.getCell('C8').value).toBeCloseTo(0.855, 10);
    expect(ws.getCell('C8').numFmt).toBe('0.00%');
    expect(ws.getCell('B9').value).toBe(456);
    // Only one unit gave the commune's online share: its own figure, not an average with a 0.
    expect(ws.getCell('C9').value).toBeCloseTo(0.605, 10);
    expect(ws.getCell('A10').value).toBe('Số đơn vị đã nhập bảng: 2');
  });

  it('writes no Bảng sheet for a form without tables', async () => {
    const flat = makeForm([num('n')]);
    const wb = await load(
      await reportWorkbook({
        form: flat,
        periodLabel: 'Năm 2026',
        consolidation: consolidate(flat, { reports: [] }),
        units: [],
      }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Tình hình nộp']);
  });
});

describe('numberFormat', () => {
  it('groups thousands and shows the decimals (Excel writes them in the reader’s locale)', () => {
    expect(numberFormat(0, false)).toBe('#,##0');
    expect(numberFormat(1, false)).toBe('#,##0.0');
    expect(numberFormat(2, true)).toBe('0.00%');
  });
});
