import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crc32, respondentTemplate, RESPONDENT_COLUMNS } from './xlsx';

describe('the respondent list template', () => {
  it('computes the ZIP checksum', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('is a workbook ExcelJS (the server reader) opens, with the columns and a row per target', async () => {
    const bytes = respondentTemplate([
      { unit: 'Sở Tư pháp', group: 'Người dân' },
      { unit: 'UBND xã Anh Sơn & <Đô Lương>', group: 'Doanh nghiệp' },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Danh sách');
    const row = (n: number) => [1, 2, 3, 4].map((c) => ws.getRow(n).getCell(c).text);
    expect(row(1)).toEqual([...RESPONDENT_COLUMNS]);
    expect(row(2)).toEqual(['Sở Tư pháp', 'Người dân', '', '']);
    expect(row(3)).toEqual(['UBND xã Anh Sơn & <Đô Lương>', 'Doanh nghiệp', '', '']);
  });
});
