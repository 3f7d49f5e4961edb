import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crc32, invitationLinksWorkbook, LINK_COLUMNS, respondentTemplate, RESPONDENT_COLUMNS } from './xlsx';

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets[0]!;
}

describe('the respondent list template', () => {
  it('computes the ZIP checksum', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('is a workbook ExcelJS (the server reader) opens, with the columns and a row per target', async () => {
    const bytes = respondentTemplate([
      { unit: 'Sở Tư pháp', group: 'Người dân' },
      { unit: 'UBND xã Anh Sơn & <Đô Lương>', group: 'Doanh nghiệp' },
    ]);
    const ws = await read(bytes);
    expect(ws.name).toBe('Danh sách');
    const row = (n: number) => [1, 2, 3, 4, 5].map((c) => ws.getRow(n).getCell(c).text);
    expect(row(1)).toEqual([...RESPONDENT_COLUMNS]);
    // The phone column the server reads for respondents without e-mail (Zalo / SMS).
    expect(row(1)[4]).toBe('Điện thoại / Zalo');
    expect(row(2)).toEqual(['Sở Tư pháp', 'Người dân', '', '', '']);
    expect(row(3)).toEqual(['UBND xã Anh Sơn & <Đô Lương>', 'Doanh nghiệp', '', '', '']);
  });
});

describe('the personal links workbook', () => {
  it('holds one row per link, readable by ExcelJS', async () => {
    const ws = await read(
      invitationLinksWorkbook([
        {
          name: 'Trần Thị B',
          unit: 'Sở Tư pháp',
          group: 'Người dân',
          phone: '0912345678',
          url: 'https://nghean.chidao.vn/khao-sat/moi/abc_DEF-123',
        },
      ]),
    );
    expect(ws.name).toBe('Đường dẫn cá nhân');
    const row = (n: number) => [1, 2, 3, 4, 5].map((c) => ws.getRow(n).getCell(c).text);
    expect(row(1)).toEqual([...LINK_COLUMNS]);
    expect(row(2)).toEqual([
      'Trần Thị B',
      'Sở Tư pháp',
      'Người dân',
      '0912345678',
      'https://nghean.chidao.vn/khao-sat/moi/abc_DEF-123',
    ]);
    expect(ws.rowCount).toBe(2);
  });
});
