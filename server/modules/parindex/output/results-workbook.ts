/**
 * A campaign's results as an Excel file (ExcelJS), in Vietnamese: one sheet per group — rank, unit, points, index,
 * grade, last year's index and the change, then each field's points and index. Numbers are numbers (two
 * decimals), so the province can sort and chart them.
 */
import ExcelJS from 'exceljs';
import type { UnitGroup } from '../parindex.table.js';
import { GROUP_TITLES } from './results-document.js';

export type WorkbookGroup = {
  group: UnitGroup;
  fields: readonly { code: string; name: string }[];
  rows: readonly {
    rank: number;
    unitName: string;
    points: number;
    maxPoints: number;
    percent: number;
    grade: string;
    previousPercent: number | null;
    change: number | null;
    byField: readonly { code: string; points: number; maxPoints: number; percent: number | null }[];
  }[];
};

const SHEET_NAMES: Record<UnitGroup, string> = {
  department: 'Sở, ban, ngành',
  commune: 'Cấp xã',
  other: 'Đơn vị khác',
};

export async function resultsWorkbook(o: {
  year: number;
  provisional: boolean;
  groups: readonly WorkbookGroup[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = `Chỉ số CCHC năm ${o.year}`;
  for (const g of o.groups) {
    const ws = wb.addWorksheet(SHEET_NAMES[g.group]);
    ws.addRow([
      `CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${o.year} CỦA ${GROUP_TITLES[g.group].toLocaleUpperCase('vi')}`,
    ]).font = { bold: true, size: 13 };
    if (o.provisional)
      ws.addRow(['Kết quả tạm tính — chưa được Hội đồng thẩm định xác nhận']).font = {
        italic: true,
        color: { argb: 'FFC00000' },
      };
    ws.addRow([]);
    const header = ws.addRow([
      'Xếp hạng',
      'Cơ quan, đơn vị',
      'Tổng điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Xếp loại',
      'Chỉ số năm trước (%)',
      'Tăng/giảm (%)',
      ...g.fields.flatMap((f) => [`LV ${f.code} — điểm`, `LV ${f.code} — %`]),
    ]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const r of g.rows)
      ws.addRow([
        r.rank,
        r.unitName,
        r.points,
        r.maxPoints,
        r.percent,
        r.grade,
        r.previousPercent,
        r.change,
        ...g.fields.flatMap((f) => {
          const b = r.byField.find((x) => x.code === f.code);
          return [b?.points ?? null, b?.percent ?? null];
        }),
      ]);
    ws.columns.forEach((c, i) => {
      c.width = i === 1 ? 42 : 12;
      if (i >= 2 && i !== 5) c.numFmt = '0.00';
    });
    ws.getColumn(1).numFmt = '0';
    ws.addRow([]);
    ws.addRow([`Các lĩnh vực: ${g.fields.map((f) => `LV ${f.code} — ${f.name}`).join('; ')}.`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
