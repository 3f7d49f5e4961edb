import { describe, expect, it } from 'vitest';
import { asciiFileName, cleanFileName, contentDisposition, sniffContentType } from './content-type.js';

describe('file type from content', () => {
  it('recognises a PDF whatever its name', async () => {
    expect(await sniffContentType(Buffer.from('%PDF-1.7\n...'), 'anh.png')).toEqual({
      mediaType: 'application/pdf',
      extension: 'pdf',
    });
  });
  it('recognises PNG and JPEG', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await sniffContentType(png, 'x')).toMatchObject({ mediaType: 'image/png' });
    expect(await sniffContentType(Buffer.from('ffd8ffe000104a464946', 'hex'), 'x')).toMatchObject({
      mediaType: 'image/jpeg',
    });
  });
  it('accepts UTF-8 text (Vietnamese) and CSV by name', async () => {
    expect(await sniffContentType(Buffer.from('Mã hồ sơ;Ngày nhận\n'), 'hoso.csv')).toEqual({
      mediaType: 'text/csv',
      extension: 'csv',
    });
    expect(await sniffContentType(Buffer.from('Báo cáo'), 'ghi-chu')).toEqual({
      mediaType: 'text/plain',
      extension: 'txt',
    });
  });
  it('accepts text whose sample ends in the middle of a multi-byte letter', async () => {
    const text = Buffer.from('Nghệ An'.repeat(10));
    const cut = text.subarray(0, text.indexOf(Buffer.from('ệ')) + 1);
    expect(await sniffContentType(cut, 'a.txt')).toMatchObject({ mediaType: 'text/plain' });
  });
  it('refuses executables, archives of unknown kind and binary junk', async () => {
    expect(await sniffContentType(Buffer.from('7f454c46020101', 'hex'), 'bao-cao.pdf')).toHaveProperty(
      'rejected',
    );
    expect(
      await sniffContentType(Buffer.from('4d5a90000300000004000000ffff', 'hex'), 'a.docx'),
    ).toHaveProperty('rejected');
    expect(await sniffContentType(Buffer.from([0, 1, 2, 3, 0xff, 0xfe]), 'a.txt')).toHaveProperty('rejected');
  });
});

describe('file names', () => {
  it('keeps the Vietnamese name for modern clients and an ASCII one for old ones (RFC 6266)', () => {
    const header = contentDisposition('Kế hoạch CCHC năm 2024 (bản cuối).docx');
    expect(header).toBe(
      `attachment; filename="Ke hoach CCHC nam 2024 (ban cuoi).docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20CCHC%20n%C4%83m%202024%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29.docx`,
    );
  });
  it('maps đ/Đ and strips quotes', () => {
    expect(asciiFileName('Đường dây "nóng".txt')).toBe('Duong day _nong_.txt');
  });
  it('drops folders and control characters from uploaded names', () => {
    expect(cleanFileName('C:\\Users\\x\\Báo cáo.pdf')).toBe('Báo cáo.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b.txt')).toBe('ab.txt');
  });
  it('drops bidirectional formatting characters that disguise a name (invoice\\u202Efdp.exe)', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    for (const ch of [
      '\u061C',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(cleanFileName(`bao${ch}cao.pdf`)).toBe('baocao.pdf');
    expect(cleanFileName('a\u0085b\u009f.txt')).toBe('ab.txt');
    // Vietnamese (and other scripts) are kept, composed.
    expect(cleanFileName('Báo cáo quý 1 – تقرير.pdf')).toBe('Báo cáo quý 1 – تقرير.pdf');
    expect(cleanFileName('\u202E')).toBe('file');
    expect(contentDisposition('invoice\u202Efdp.exe')).toBe(
      `attachment; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`,
    );
  });
});
