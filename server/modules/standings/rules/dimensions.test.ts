import { describe, expect, it } from 'vitest';
import { REFORM_AREAS } from '../../tasks/index.js';
import {
  dimensionFor,
  dimensionRows,
  dimensionsFor,
  INDEX_CODES,
  INDEX_SPECS,
  METHODOLOGIES,
  methodologyFor,
  methodologyProblems,
  OVERALL,
  type Methodology,
} from './dimensions.js';

describe('the indices and their dimensions', () => {
  it('ships a consistent list of versions', () => {
    expect(methodologyProblems(METHODOLOGIES)).toEqual([]);
    for (const code of INDEX_CODES) {
      expect(INDEX_SPECS[code].code).toBe(code);
      expect(INDEX_SPECS[code].name.vi).not.toBe('');
      expect(INDEX_SPECS[code].name.en).not.toBe('');
    }
  });

  it('PAR Index: 8 fields per QĐ 876 (2022–2023), the impact field among them; QĐ 892 from 2024, unconfirmed', () => {
    const m876 = methodologyFor('par_index', 2023)!;
    expect(m876.basis.vi).toContain('876/QĐ-BNV');
    expect(m876.confirmed).toBe(true);
    expect(m876.dimensions).toHaveLength(8);
    expect(m876.dimensions.map((d) => d.code)).toEqual([
      'direction',
      'institutions',
      'procedures',
      'apparatus',
      'civil_service',
      'public_finance',
      'digital_government',
      'impact',
    ]);
    expect(dimensionFor('par_index', 2023, 'impact')!.name.vi).toBe(
      'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH',
    );
    expect(methodologyFor('par_index', 2022)!.key).toBe('par_index-876');
    const m892 = methodologyFor('par_index', 2024)!;
    expect(m892.basis.vi).toContain('892/QĐ-BNV ngày 05/12/2024');
    expect(m892.confirmed).toBe(false);
    expect(methodologyFor('par_index', 2030)!.key).toBe('par_index-892');
    expect(methodologyFor('par_index', 2021)).toBeNull();
    expect(dimensionsFor('par_index', 2021)).toEqual([]);
    for (const d of m876.dimensions) expect(d.scaleMax).toBe(100);
  });

  it('SIPAS: the 5 elements of QĐ 2640', () => {
    const m = methodologyFor('sipas', 2024)!;
    expect(m.basis.vi).toContain('2640/QĐ-BNV');
    expect(m.dimensions.map((d) => d.name.vi)).toEqual([
      'Tiếp cận dịch vụ',
      'Thủ tục hành chính',
      'Công chức giải quyết công việc',
      'Kết quả giải quyết công việc',
      'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    ]);
    expect(methodologyFor('sipas', 2016)).toBeNull();
  });

  it('PAPI: 6 dimensions until 2017, 8 since 2018, each on a 10-point scale', () => {
    expect(dimensionsFor('papi', 2017)).toHaveLength(6);
    expect(methodologyFor('papi', 2017)!.overallMax).toBe(60);
    expect(dimensionsFor('papi', 2018)).toHaveLength(8);
    expect(methodologyFor('papi', 2024)!.overallMax).toBe(80);
    expect(dimensionsFor('papi', 2024).map((d) => d.code)).toContain('e_governance');
    expect(dimensionsFor('papi', 2017).map((d) => d.code)).not.toContain('e_governance');
    for (const d of dimensionsFor('papi', 2024)) expect(d.scaleMax).toBe(10);
  });

  it('every dimension defaults to a reform area of the steering loop', () => {
    for (const m of METHODOLOGIES)
      for (const d of m.dimensions) expect(REFORM_AREAS as readonly string[], d.code).toContain(d.area);
  });

  it('the overall is a dimension of every year, with the nearest version’s scale before the first', () => {
    expect(dimensionFor('par_index', 2024, OVERALL)!.scaleMax).toBe(100);
    expect(dimensionFor('par_index', 2015, OVERALL)!.scaleMax).toBe(100);
    expect(dimensionFor('papi', 2015, OVERALL)!.scaleMax).toBe(60);
    expect(dimensionFor('papi', 2009, OVERALL)!.scaleMax).toBe(60);
    expect(dimensionFor('papi', 2020, OVERALL)!.scaleMax).toBe(80);
    expect(dimensionFor('papi', 2020, OVERALL)!.name.vi).toBe('Chỉ số chung');
    expect(dimensionFor('par_index', 2015, 'direction')).toBeNull();
    expect(dimensionFor('sipas', 2024, 'nope')).toBeNull();
  });

  it('rows over a span: the overall first, each dimension once, in the versions’ order', () => {
    const rows = dimensionRows('papi', 2016, 2019);
    expect(rows[0]!.code).toBe(OVERALL);
    expect(rows[0]!.scaleMax).toBe(80);
    expect(rows.map((r) => r.code)).toHaveLength(9);
    expect(rows.at(-1)!.code).toBe('e_governance');
    expect(dimensionRows('par_index', 2022, 2026).map((r) => r.code)).toHaveLength(9);
    expect(dimensionRows('par_index', 2010, 2012).map((r) => r.code)).toEqual([OVERALL]);
  });

  it('finds the problems of a bad list', () => {
    const base = METHODOLOGIES.find((m) => m.key === 'sipas-2640')!;
    const bad: Methodology[] = [
      ...METHODOLOGIES.filter((m) => m.index !== 'sipas'),
      { ...base, key: 'a', fromYear: 2020, toYear: 2019 },
      {
        ...base,
        key: 'b',
        fromYear: 2021,
        toYear: null,
        overallMax: 0,
        dimensions: [
          { ...base.dimensions[0]!, code: 'Bad Code' },
          { ...base.dimensions[0]!, code: 'x', scaleMax: 0, name: { vi: '', en: 'x' } },
          { ...base.dimensions[0]!, code: 'x' },
        ],
      },
    ];
    const problems = methodologyProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'a: ends before it starts',
        'b: a code twice',
        'b: bad code Bad Code',
        'b: x has no scale',
        'b: x unnamed',
        'b: no overall scale',
      ]),
    );
    expect(methodologyProblems(METHODOLOGIES.filter((m) => m.index !== 'papi'))).toContain(
      'papi: no version',
    );
    expect(
      methodologyProblems([...METHODOLOGIES, { ...base, key: 'c', fromYear: 2020, toYear: null }]),
    ).toContain('sipas-2640: overlaps c');
  });
});
