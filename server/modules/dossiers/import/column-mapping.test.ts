import { describe, expect, it } from 'vitest';
import {
  compileMapping,
  DEFAULT_MAPPING,
  mappingProblems,
  mapRow,
  normalizeLabel,
  parseInstant,
} from './column-mapping.js';

const HEADER = Object.keys(DEFAULT_MAPPING.columns);
const compiled = () => {
  const c = compileMapping(DEFAULT_MAPPING, HEADER);
  if (!c.ok) throw new Error('default mapping does not compile');
  return c.mapping;
};
const row = (over: Record<string, string>) => HEADER.map((h) => over[h] ?? '');

describe('dates of one-stop exports (Vietnam time, +07:00)', () => {
  it('reads dd/mm/yyyy with or without a time, and ISO forms', () => {
    expect(parseInstant('04/03/2025 08:30', 'dd/mm/yyyy')).toBe('2025-03-04T08:30:00+07:00');
    expect(parseInstant('4/3/2025', 'dd/mm/yyyy')).toBe('2025-03-04T00:00:00+07:00');
    expect(parseInstant('2025-03-04 08:30:15', 'dd/mm/yyyy')).toBe('2025-03-04T08:30:15+07:00');
    expect(parseInstant('2025-03-04T01:30:00Z', 'dd/mm/yyyy')).toBe('2025-03-04T01:30:00Z');
    expect(parseInstant('03/04/2025', 'mm/dd/yyyy')).toBe('2025-03-04T00:00:00+07:00');
  });
  it('takes a spreadsheet date cell at its wall-clock time, and Excel serial numbers', () => {
    expect(parseInstant(new Date(Date.UTC(2025, 2, 4, 8, 30)), 'dd/mm/yyyy')).toBe(
      '2025-03-04T08:30:00+07:00',
    );
    expect(parseInstant(45720.5, 'dd/mm/yyyy')).toBe('2025-03-04T12:00:00+07:00');
  });
  it('refuses impossible dates and says empty is empty', () => {
    expect(parseInstant('31/02/2025', 'dd/mm/yyyy')).toBeNull();
    expect(parseInstant('12/13/2025', 'dd/mm/yyyy')).toBeNull();
    expect(parseInstant('hôm qua', 'dd/mm/yyyy')).toBeNull();
    expect(parseInstant('  ', 'dd/mm/yyyy')).toBeUndefined();
  });
});

describe('mapping a row', () => {
  it('maps the default headers, Vietnamese words and yes/no cells', () => {
    const r = mapRow(
      compiled(),
      row({
        'Mã hồ sơ': 'HS-1',
        'Mã TTHC': '1.001234',
        'Mã đơn vị': '40.tuphap',
        'Ngày tiếp nhận': '04/03/2025 08:30',
        'Ngày có kết quả': '05/03/2025 10:00',
        'Hình thức nộp': 'Trực tuyến',
        'Trạng thái': 'Đã có kết quả',
        'Số hóa': 'Có',
        'Đánh giá': 'Rất hài lòng',
      }),
      2,
    );
    expect(r.ok && r.value).toMatchObject({
      code: 'HS-1',
      unitCode: '40.tuphap',
      channel: 'online',
      status: 'resolved',
      receivedAt: '2025-03-04T08:30:00+07:00',
      resolvedAt: '2025-03-05T10:00:00+07:00',
      digitised: true,
      paidOnline: false,
      rating: 'very_satisfied',
    });
  });
  it('reports every bad cell with its row and column', () => {
    const r = mapRow(
      compiled(),
      row({ 'Mã hồ sơ': 'HS-2', 'Ngày tiếp nhận': '31/02/2025', 'Hình thức nộp': 'Fax', 'Số hóa': 'có lẽ' }),
      7,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [7, 'Mã TTHC', 'dossiersImport.required'],
      [7, 'Mã đơn vị', 'dossiersImport.required'],
      [7, 'Hình thức nộp', 'dossiersImport.bad_value'],
      [7, 'Ngày tiếp nhận', 'dossiersImport.bad_date'],
      [7, 'Trạng thái', 'dossiersImport.required'],
      [7, 'Số hóa', 'dossiersImport.bad_boolean'],
    ]);
  });
  it('finds headers without regard to case or diacritics, and names a missing column', () => {
    expect(
      compileMapping(
        DEFAULT_MAPPING,
        HEADER.map((h) => normalizeLabel(h).toUpperCase()),
      ).ok,
    ).toBe(true);
    const missing = compileMapping(
      DEFAULT_MAPPING,
      HEADER.filter((h) => h !== 'Trạng thái'),
    );
    expect(!missing.ok && missing.errors.map((e) => e.params)).toEqual([{ column: 'Trạng thái' }]);
  });
  it('lets a mapping add its own words', () => {
    const spec = { ...DEFAULT_MAPPING, valueMaps: { channel: { Web: 'online' } } };
    const c = compileMapping(spec, HEADER);
    if (!c.ok) throw new Error('no');
    const r = mapRow(c.mapping, row({ 'Hình thức nộp': 'WEB' }), 2);
    expect(!r.ok && r.errors.some((e) => e.field === 'channel')).toBe(false);
  });
  it('checks a saved mapping as a whole', () => {
    expect(mappingProblems(DEFAULT_MAPPING)).toEqual([]);
    expect(
      mappingProblems({
        ...DEFAULT_MAPPING,
        delimiter: ';;',
        columns: { A: 'code', B: 'code' },
        valueMaps: { status: { x: 'lost' } },
      }).map((p) => p.key),
    ).toEqual([
      'dossiersImport.bad_delimiter',
      'dossiersImport.field_twice',
      'dossiersImport.field_unmapped',
      'dossiersImport.field_unmapped',
      'dossiersImport.field_unmapped',
      'dossiersImport.field_unmapped',
      'dossiersImport.field_unmapped',
      'dossiersImport.unknown_code',
    ]);
  });
});
