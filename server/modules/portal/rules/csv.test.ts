import { describe, expect, it } from 'vitest';
import { csvField, csvNumber, CSV_DIALECT, toCsv } from './csv.js';

describe('csvNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [12, '12'],
    [1234567, '1234567'],
    [85.5, '85.5'],
    [85.123456, '85.1235'],
    [-3.25, '-3.25'],
    [0.00001, '0'],
    [1e-7, '0'],
    [1e21, '1000000000000000000000'],
    [123456789.5, '123456789.5'],
    [NaN, ''],
    [Infinity, ''],
  ])('%d → %s', (n, s) => {
    expect(csvNumber(n)).toBe(s);
  });
});

describe('csvField', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [false, 'false'],
    [2.5, '2.5'],
    ['Sở Tư pháp', 'Sở Tư pháp'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    [' padded', '" padded"'],
    ['padded ', '"padded "'],
    ['', ''],
    ['a,b', 'a,b'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+84 912', "'+84 912"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['=a;b', `"'=a;b"`],
  ] as const)('%j → %j', (v, s) => {
    expect(csvField(v)).toBe(s);
  });
});

describe('toCsv', () => {
  it('writes a BOM, the header, one CRLF line a row in the columns’ order', () => {
    const csv = toCsv(
      ['year', 'unit_name', 'index_percent', 'on_time'],
      [
        { year: 2025, unit_name: 'Sở Tư pháp', index_percent: 91.25, on_time: true },
        { unit_name: 'UBND xã "Hòa Bình"; Nghệ An', year: 2025, index_percent: null },
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe(
      'year;unit_name;index_percent;on_time\r\n' +
        '2025;Sở Tư pháp;91.25;true\r\n' +
        '2025;"UBND xã ""Hòa Bình""; Nghệ An";;\r\n',
    );
  });
  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa;b\r\n');
  });
  it('documents its dialect', () => {
    expect(CSV_DIALECT).toEqual({
      encoding: 'utf-8',
      bom: true,
      delimiter: ';',
      decimalChar: '.',
      lineTerminator: '\r\n',
    });
  });
});
