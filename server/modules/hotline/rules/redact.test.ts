import { describe, expect, it } from 'vitest';
import { redactPersonalData, type KnownPersonalData } from './redact.js';

const NONE: KnownPersonalData = { names: [], phones: [], emails: [] };
const AN: KnownPersonalData = {
  names: ['Nguyễn Văn An'],
  phones: ['0912 345 678'],
  emails: ['an.nguyen@gmail.com'],
};
const redact = (text: string, known: KnownPersonalData = NONE) => redactPersonalData(text, known).text;
const X = '[đã ẩn]';

describe('redactPersonalData (published answers: QĐ 31/2021/QĐ-TTg; personal data: NĐ 13/2023/NĐ-CP)', () => {
  it('removes name, phone, e-mail and identity number and keeps every other character', () => {
    expect(
      redactPersonalData(
        'Tôi là Nguyễn Văn An, SĐT 0912.345.678, email an.nguyen@gmail.com, CCCD 001203012345. Xin cảm ơn!',
        AN,
      ),
    ).toEqual({ text: `Tôi là ${X}, SĐT ${X}, email ${X}, CCCD ${X}. Xin cảm ơn!`, removed: 4 });
  });
  it('says "[removed]" in English', () => {
    expect(redactPersonalData('Call 0912345678', NONE, { locale: 'en' })).toEqual({
      text: 'Call [removed]',
      removed: 1,
    });
    expect(redactPersonalData('Gọi 0912345678', NONE, { locale: 'vi' }).text).toBe(`Gọi ${X}`);
  });
  it('leaves a text without personal data as it is', () => {
    const text = 'Đường Lê Lợi bị ngập sâu 30 cm sau mưa; đề nghị xử lý trước ngày 15/10/2025.';
    expect(redactPersonalData(text, AN)).toEqual({ text, removed: 0 });
    expect(redactPersonalData('', AN)).toEqual({ text: '', removed: 0 });
  });
});

describe('phone numbers', () => {
  it('reads a long run of numbers quickly (a phone is at most 13 digits)', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => String(i % 100)).join(' ');
    const started = performance.now();
    expect(redactPersonalData(text, AN).removed).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '091 234 5678',
    '0912 34 56 78',
    '0388 123 456',
    '0567.123.456',
    '0708 123 456',
    '0868 123 456',
    '+84 912 345 678',
    '+84912345678',
    '+84-912-345-678',
    '(+84) 912 345 678',
    '84 912 345 678',
    '(024) 3825 1234',
    '024 3825 1234',
    '024.3825.1234',
    '0236 3822 123',
    '02363822123',
    '+84 24 3825 1234',
  ])('removes %s', (phone) => {
    expect(redact(`Liên hệ ${phone}, xin cảm ơn.`)).toBe(`Liên hệ ${X}, xin cảm ơn.`);
  });
  it('removes several numbers, next to each other or glued to a label', () => {
    expect(redactPersonalData('ĐT: 0987654321 0388123456; sdt0912345678 hoặc (0912345678)', NONE)).toEqual({
      text: `ĐT: ${X} ${X}; sdt${X} hoặc (${X})`,
      removed: 4,
    });
  });
  it('does not take a house number before a phone for a country code', () => {
    expect(redact('Nhà số 84 0912345678')).toBe(`Nhà số 84 ${X}`);
  });
  it("removes the submitter's own phone in any grouping, and only theirs outside the usual patterns", () => {
    const own = { ...NONE, phones: ['+84 (0)912 345 678', '38251234'] };
    expect(redact('Gọi 09 12 34 56 78 hoặc 3825 1234', own)).toBe(`Gọi ${X} hoặc ${X}`);
    expect(redact('Gọi 09 12 34 56 78 hoặc 3825 1234')).toBe('Gọi 09 12 34 56 78 hoặc 3825 1234');
  });
  it.each([
    'Tổng đài 1022 và 113, 114, 115',
    'Theo Quyết định 1234/QĐ-UBND ngày 05/12/2023 của UBND tỉnh',
    'Nghị định 20/2008/NĐ-CP, sửa đổi bởi 92/2017/NĐ-CP',
    'Phí 2.500.000 đồng; 125.000.000 đồng; 1.050.000.000 đồng; 10.000.000.000 VNĐ',
    'Ngày 05.12.2023 lúc 09.30, ngày 05-12-2023, năm 2024, quý 3/2025',
    'lúc 05.12.2023 09.30.15',
    'Số nhà 123, ngõ 45/12, tổ 7, khu phố 3',
    'Mã hồ sơ 000.00.20.H42-240315-0001',
    'Mã số thuế doanh nghiệp 0101234567',
    'Tỷ lệ đúng hạn 99,85%, 28.84%',
    'Đã chờ 0912 ngày', // a fragment is not a phone
  ])('keeps %s', (text) => {
    expect(redactPersonalData(text, AN)).toEqual({ text, removed: 0 });
  });
});

describe('identity numbers (CMND 9 digits, CCCD 12 digits)', () => {
  it.each([
    ['CMND 123456789', `CMND ${X}`],
    ['CCCD số 001203012345.', `CCCD số ${X}.`],
    ['CCCD 001 203 012 345', `CCCD ${X}`],
    ['CCCD 0012 0301 2345', `CCCD ${X}`],
    ['Căn cước 079.203.012.345', `Căn cước ${X}`],
    ['số 123456789012 cấp ngày 01/01/2022', `số ${X} cấp ngày 01/01/2022`],
  ])('removes %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
  it.each([
    'Số tiền 500000000 đồng',
    'Số tiền 123456789 VNĐ',
    'Số tiền 123456789012đ',
    'Số tiền 123.456.789 đồng',
    'Dân số 1.234.567.890 người',
    'Lúc 05 12 2023 09 30 15',
  ])('keeps %s', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('e-mail addresses', () => {
  it('removes any address, with dots, plus and dashes, and the known one in any case', () => {
    expect(redact('Gửi tran.thi-b+pakn@so-noivu.gov.vn hoặc AN.NGUYEN@GMAIL.COM.', AN)).toBe(
      `Gửi ${X} hoặc ${X}.`,
    );
    expect(redact('email: lan@yahoo.com.vn, cảm ơn')).toBe(`email: ${X}, cảm ơn`);
  });
  it('removes an address containing digits as one piece, not as a phone', () => {
    expect(redactPersonalData('Hộp thư 0912345678@gmail.com', NONE)).toEqual({
      text: `Hộp thư ${X}`,
      removed: 1,
    });
  });
});

describe('names', () => {
  it('removes the full name with or without accents, in any case, and across a line break', () => {
    for (const written of [
      'Nguyễn Văn An',
      'Nguyen Van An',
      'NGUYỄN VĂN AN',
      'nguyễn văn an',
      'nguyen van an',
      'Nguyễn\nVăn  An',
    ])
      expect(redact(`Người gửi: ${written}.`, AN), written).toBe(`Người gửi: ${X}.`);
  });
  it('finds names typed decomposed (NFD) and keeps the rest as typed', () => {
    const text = 'Ông Nguyễn Văn An ở phường Bến Thành'.normalize('NFD');
    expect(redact(text, AN)).toBe(`${'Ông'.normalize('NFD')} ${X} ${'ở phường Bến Thành'.normalize('NFD')}`);
  });
  it('removes parts of two or more words written as a name, with or without a form of address', () => {
    expect(redactPersonalData('Ông Văn An và anh Nguyễn Văn đã gọi; Văn An nói rõ.', AN)).toEqual({
      text: `Ông ${X} và anh ${X} đã gọi; ${X} nói rõ.`,
      removed: 3,
    });
    expect(redact('Chị Minh Khai cảm ơn', { ...NONE, names: ['Nguyễn Thị Minh Khai'] })).toBe(
      `Chị ${X} cảm ơn`,
    );
    expect(redact('Bà Thị Minh đến', { ...NONE, names: ['Nguyễn Thị Minh Khai'] })).toBe(`Bà ${X} đến`);
  });
  it('keeps ordinary words that happen to spell a part of the name', () => {
    expect(redact('Công văn an ninh trật tự; văn an toàn', AN)).toBe('Công văn an ninh trật tự; văn an toàn');
  });
  it("keeps another person's longer name that contains a part of it", () => {
    expect(redact('Cán bộ Nguyễn Văn Anh và ông Trần Văn An tiếp dân', AN)).toBe(
      'Cán bộ Nguyễn Văn Anh và ông Trần Văn An tiếp dân',
    );
  });
  it('matches whole words only and does not search one-word names', () => {
    expect(redact('Nguyễn Văn Ant', AN)).toBe('Nguyễn Văn Ant');
    expect(redact('An đến nhà An', { ...NONE, names: ['An'] })).toBe('An đến nhà An');
  });
  it('removes several names, the longest match first, once each', () => {
    const known = { ...NONE, names: ['Nguyễn Văn An', 'Lê Thị Hoa'] };
    expect(redactPersonalData('Nguyễn Văn An và vợ là LE THI HOA cùng ký', known)).toEqual({
      text: `${X} và vợ là ${X} cùng ký`,
      removed: 2,
    });
  });
});
