import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  fold,
  parseDimension,
  parseIndex,
  parseNumber,
  pickCells,
  plainCell,
  planRows,
  readHeader,
  validateRows,
  type RawRow,
  type StoredResult,
} from './import-rows.js';

const HEADERS = COLUMNS.map((c) => c.header);
const row = (n: number, cells: RawRow['cells']): RawRow => ({ row: n, cells });
const opts = { maxYear: 2026 };

describe('reading the header', () => {
  it('finds the columns by their headers, accents and stars ignored', () => {
    const { columns, problems } = readHeader([
      'Ghi chu',
      'CHỈ SỐ',
      'nam',
      'Lĩnh vực, yếu tố, nội dung',
      'Giá trị*',
    ]);
    expect(problems).toEqual([]);
    expect(columns.get('index')).toBe(1);
    expect(columns.get('note')).toBe(0);
    expect(columns.get('value')).toBe(4);
  });

  it('names each required column missing', () => {
    const { problems } = readHeader(['Chỉ số', null, 'Xếp hạng']);
    expect(problems.map((p) => p.params.column)).toEqual(['Năm', 'Lĩnh vực, yếu tố, nội dung', 'Giá trị']);
    expect(problems.every((p) => p.row === 1 && p.key === 'standings.import.missing_column')).toBe(true);
  });

  it('picks a row’s cells by column', () => {
    const { columns } = readHeader(HEADERS);
    expect(pickCells(5, ['PAPI', 2024, 'Quản trị điện tử', 3.52], columns)).toEqual({
      row: 5,
      cells: {
        index: 'PAPI',
        year: 2024,
        dimension: 'Quản trị điện tử',
        value: 3.52,
        maxValue: null,
        rank: null,
        rankOf: null,
        nationalAverage: null,
        source: null,
        note: null,
      },
    });
  });
});

describe('cells', () => {
  it('numbers: cells, a decimal comma, a decimal point, thousands, a percent sign', () => {
    expect(parseNumber(87.91)).toBe(87.91);
    expect(parseNumber('87,91')).toBe(87.91);
    expect(parseNumber('87.91')).toBe(87.91);
    expect(parseNumber(' 88,37 % ')).toBe(88.37);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('63')).toBe(63);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber('abc')).toBe('invalid');
    expect(parseNumber('1,2,3')).toBe('invalid');
    expect(parseNumber(Number.NaN)).toBe('invalid');
  });

  it('the index by code or name, in either language', () => {
    expect(parseIndex('Chỉ số CCHC')).toBe('par_index');
    expect(parseIndex('chi so cchc')).toBe('par_index');
    expect(parseIndex('PAR Index')).toBe('par_index');
    expect(parseIndex('par_index')).toBe('par_index');
    expect(parseIndex('SIPAS')).toBe('sipas');
    expect(parseIndex('papi')).toBe('papi');
    expect(parseIndex('PCI')).toBeNull();
    expect(parseIndex(null)).toBeNull();
  });

  it('the dimension of the index year by its name or code; the overall by its name', () => {
    expect(parseDimension('par_index', 2024, 'cai cach che do cong vu')).toBe('civil_service');
    expect(parseDimension('par_index', 2024, 'Civil service reform')).toBe('civil_service');
    expect(parseDimension('par_index', 2024, 'civil_service')).toBe('civil_service');
    expect(parseDimension('par_index', 2024, 'Chỉ số chung')).toBe('');
    expect(parseDimension('papi', 2024, 'Overall')).toBe('');
    expect(parseDimension('papi', 2017, 'Quản trị điện tử')).toBeNull();
    expect(parseDimension('papi', 2018, 'Quản trị điện tử')).toBe('e_governance');
    expect(parseDimension('par_index', 2020, 'Cải cách thể chế')).toBeNull();
    expect(parseDimension('par_index', 2020, 'Chỉ số chung')).toBe('');
    expect(parseDimension('sipas', 2024, '')).toBeNull();
  });

  it('plain values from the workbook’s cell shapes', () => {
    expect(plainCell('  Chỉ số CCHC\u00a0')).toBe('Chỉ số CCHC');
    expect(plainCell('')).toBeNull();
    expect(plainCell(undefined)).toBeNull();
    expect(plainCell(87.91)).toBe(87.91);
    expect(plainCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(plainCell(true)).toBe('true');
    expect(plainCell(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02');
    expect(plainCell(new Date(Number.NaN))).toBeNull();
    expect(plainCell({ richText: [{ text: 'Chỉ số ' }, { text: 'chung' }] })).toBe('Chỉ số chung');
    expect(plainCell({ formula: 'A1+1', result: 88.37 })).toBe(88.37);
    expect(plainCell({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(plainCell({ error: '#REF!' })).toBe('#REF!');
    expect(plainCell({ text: 'Báo cáo', hyperlink: 'https://x' })).toBe('Báo cáo');
    expect(plainCell({ a: 1 })).toBe('{"a":1}');
  });

  it('folds Vietnamese for matching', () => {
    expect(fold('  Lĩnh vực,   Đánh giá* ')).toBe('linh vuc, danh gia');
  });
});

describe('checking the rows (all or nothing)', () => {
  it('accepts valid rows with the dimension’s scale by default', () => {
    const out = validateRows(
      [
        row(2, {
          index: 'Chỉ số CCHC',
          year: 2024,
          dimension: 'Chỉ số chung',
          value: 87.91,
          rank: 34,
          rankOf: 63,
          nationalAverage: '88,37',
          source: ' Bộ Nội vụ ',
        }),
        row(3, { index: 'PAPI', year: '2024', dimension: 'Quản trị điện tử', value: '3,52' }),
        row(4, { index: 'PAPI', year: 2024, dimension: 'Chỉ số chung', value: 43.1 }),
      ],
      opts,
    );
    expect(out.problems).toEqual([]);
    expect(out.rows).toEqual([
      {
        row: 2,
        indexCode: 'par_index',
        year: 2024,
        dimensionCode: '',
        value: 87.91,
        maxValue: 100,
        rank: 34,
        rankOf: 63,
        nationalAverage: 88.37,
        source: 'Bộ Nội vụ',
        note: '',
      },
      expect.objectContaining({
        row: 3,
        indexCode: 'papi',
        dimensionCode: 'e_governance',
        value: 3.52,
        maxValue: 10,
      }),
      expect.objectContaining({ row: 4, dimensionCode: '', maxValue: 80 }),
    ]);
  });

  it('skips template rows left without a value, and says when nothing is left', () => {
    const out = validateRows(
      [row(2, { index: 'SIPAS', year: 2025, dimension: 'Chỉ số chung', maxValue: 100 }), row(3, {})],
      opts,
    );
    expect(out.skipped).toBe(2);
    expect(out.rows).toEqual([]);
    expect(out.problems).toEqual([
      { row: 1, field: 'file', column: '', key: 'standings.import.no_rows', params: {} },
    ]);
  });

  it('names every problem by row and column', () => {
    const out = validateRows(
      [
        row(2, { index: 'PCI', year: 2024, dimension: 'x', value: 1 }),
        row(3, { index: 'SIPAS', year: 1999, dimension: 'Chỉ số chung', value: 80 }),
        row(4, { index: 'SIPAS', year: 2024, dimension: 'Không có', value: 80 }),
        row(5, { index: 'SIPAS', year: 2024, dimension: 'Chỉ số chung', value: 101 }),
        row(6, {
          index: 'SIPAS',
          year: 2024,
          dimension: 'Tiếp cận dịch vụ',
          value: 'nhiều',
          rank: 70,
          rankOf: 63,
        }),
        row(7, {
          index: 'SIPAS',
          year: 2024,
          dimension: 'Thủ tục hành chính',
          value: 80,
          rank: 0.5,
          rankOf: 'abc',
          nationalAverage: 120,
        }),
        row(8, {
          index: 'SIPAS',
          year: 2024,
          dimension: 'Tiếp cận dịch vụ',
          value: 80,
          source: 'x'.repeat(501),
          maxValue: -1,
        }),
        row(9, { index: '', year: '', dimension: '', value: '', note: 'chỉ có ghi chú' }),
        row(10, { index: 'SIPAS', year: 2027, dimension: 'Chỉ số chung', value: 80 }),
        row(11, { index: 'SIPAS', year: 2024.5, dimension: 'Chỉ số chung', value: 80 }),
      ],
      opts,
    );
    const by = (r: number) =>
      out.problems
        .filter((p) => p.row === r)
        .map((p) => `${p.field}:${p.key.replace('standings.import.', '')}`);
    expect(by(2)).toEqual(['index:index_unknown']);
    expect(by(3)).toEqual(['year:year_invalid']);
    expect(by(4)).toEqual(['dimension:dimension_unknown']);
    expect(by(5)).toEqual(['value:out_of_scale']);
    expect(by(6)).toEqual(['value:not_a_number', 'rank:rank_above_total']);
    expect(by(7)).toEqual(['nationalAverage:out_of_scale', 'rank:rank_invalid', 'rankOf:rank_invalid']);
    expect(by(8)).toEqual(['maxValue:not_a_number', 'source:too_long', 'dimension:duplicate']);
    expect(by(9)).toEqual(['index:required', 'year:required', 'value:required']);
    expect(by(10)).toEqual(['year:year_invalid']);
    expect(by(11)).toEqual(['year:year_invalid']);
    expect(out.problems.find((p) => p.row === 8 && p.field === 'dimension')!.params).toEqual({ row: 6 });
    expect(out.problems.find((p) => p.row === 4)!.params).toEqual({
      value: 'Không có',
      index: 'SIPAS',
      year: 2024,
    });
    expect(out.problems.find((p) => p.row === 5)!.column).toBe('Giá trị');
    // Valid rows among invalid ones are still listed (the service writes none of them).
    expect(out.rows).toEqual([]);
  });

  it('a value within a scale the row gives', () => {
    const out = validateRows(
      [row(2, { index: 'PAPI', year: 2024, dimension: 'Chỉ số chung', value: 43, maxValue: 40 })],
      opts,
    );
    expect(out.problems.map((p) => p.key)).toEqual(['standings.import.out_of_scale']);
    const ok = validateRows(
      [row(2, { index: 'PAPI', year: 2024, dimension: 'Chỉ số chung', value: 43, maxValue: '80' })],
      opts,
    );
    expect(ok.rows[0]!.maxValue).toBe(80);
  });
});

describe('comparing with the stored results (idempotent)', () => {
  const stored: StoredResult = {
    id: 's1',
    indexCode: 'par_index',
    year: 2024,
    dimensionCode: '',
    value: 87.91,
    maxValue: 100,
    rank: 34,
    rankOf: 63,
    nationalAverage: 88.37,
    source: 'Bộ Nội vụ',
    note: '',
    sourceDocumentId: 'doc-1',
  };
  const valid = validateRows(
    [
      row(2, {
        index: 'PAR Index',
        year: 2024,
        dimension: 'Chỉ số chung',
        value: 87.91,
        rank: 34,
        rankOf: 63,
        nationalAverage: 88.37,
        source: 'Bộ Nội vụ',
      }),
      row(3, { index: 'PAR Index', year: 2024, dimension: 'Cải cách chế độ công vụ', value: 85.2 }),
    ],
    opts,
  ).rows;

  it('an equal row changes nothing; a new one is created', () => {
    const plan = planRows(valid, [stored], null);
    expect(plan.map((p) => p.kind)).toEqual(['unchanged', 'create']);
  });

  it('a changed figure is an update naming the fields', () => {
    const plan = planRows(valid, [{ ...stored, value: 87.5, rank: 36 }], null);
    expect(plan[0]).toMatchObject({ kind: 'update', changed: ['value', 'rank'] });
  });

  it('the import’s source document replaces the stored one; without one the stored one stays', () => {
    expect(planRows(valid, [stored], 'doc-2')[0]).toMatchObject({
      kind: 'update',
      changed: ['sourceDocumentId'],
    });
    expect(planRows(valid, [stored], 'doc-1')[0]!.kind).toBe('unchanged');
    expect(planRows(valid, [{ ...stored, sourceDocumentId: null }], null)[0]!.kind).toBe('unchanged');
  });

  it('numbers compare as numbers (no float noise)', () => {
    expect(planRows(valid, [{ ...stored, value: 87.91000000000001 }], null)[0]!.kind).toBe('unchanged');
  });
});
