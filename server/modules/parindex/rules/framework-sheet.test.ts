import { describe, expect, it } from 'vitest';
import {
  fold,
  formatFormula,
  ITEM_COLUMNS,
  parseDecimal,
  parseFormula,
  rowsToTree,
  treeToRows,
  type Cell,
  type FrameworkSheets,
  type ItemColumnKey,
  type SheetProblem,
} from './framework-sheet.js';
import type { Formula } from './framework-types.js';
import { TOY_BANDS, toyTree } from './test-fixtures.js';

const exported = () => treeToRows(toyTree(), TOY_BANDS, true);
const col = (key: ItemColumnKey) => ITEM_COLUMNS.findIndex((c) => c.key === key);

/** The exported sheets with one item cell changed (by the row's code). */
function edit(code: string, key: ItemColumnKey, value: Cell, sheets = exported()): FrameworkSheets {
  const row = sheets.items.find((r) => r[0] === code);
  if (!row) throw new Error(`no row ${code}`);
  row[col(key)] = value;
  return sheets;
}
/** A row built from named cells (the others empty). */
function itemRow(cells: Partial<Record<ItemColumnKey, Cell>>): Cell[] {
  return ITEM_COLUMNS.map((c) => cells[c.key] ?? null);
}
const brief = (problems: SheetProblem[]) =>
  problems.map((p) => [p.sheet, p.row, p.column ?? null, p.problem]);

describe('treeToRows', () => {
  it('writes the header in Vietnamese with English in brackets, then one row per item in document order', () => {
    const { items } = exported();
    expect(items[0]).toEqual([
      'Mã (Code)',
      'Nội dung (Content)',
      'Nội dung tiếng Anh (Content in English)',
      'Điểm tối đa (Max points)',
      'Phương thức (Method)',
      'Nguồn dữ liệu (Data source)',
      'Công thức (Formula)',
      'Hướng dẫn chấm (Guidance)',
      'Tài liệu kiểm chứng (Evidence)',
      'Bước điểm (Step)',
      'Chưa xác nhận (Unconfirmed)',
      'Khi không phát sinh (When no data)',
      'Hướng dẫn chấm tiếng Anh (Guidance in English)',
      'Tài liệu kiểm chứng tiếng Anh (Evidence in English)',
    ]);
    expect(items.slice(1).map((r) => r[0])).toEqual([
      '1',
      '1.1',
      '1.1.1',
      '1.1.2',
      '1.2',
      '2',
      '2.1',
      '2.1.1',
      '2.1.2',
      '3',
      '3.1',
      'B1',
      'B2',
      'P1',
      'P2',
    ]);
  });

  it('fields carry only code, names and maximum; scored items their method, source, formula, step, rules', () => {
    const { items } = exported();
    const row = (code: string) => items.find((r) => r[0] === code);
    expect(row('1')).toEqual(
      itemRow({
        code: '1',
        name: 'Công tác chỉ đạo, điều hành CCHC',
        nameEn: 'Direction and management of PAR',
        max: 40,
      }),
    );
    expect(row('1.1.1')).toEqual(
      itemRow({
        code: '1.1.1',
        name: 'Ban hành kế hoạch CCHC năm',
        nameEn: 'Yearly PAR plan issued',
        max: 10,
        method: 'Tự chấm',
        guidance: 'Ban hành trước 31/12 năm trước',
        evidence: 'Kế hoạch CCHC năm',
        guidanceEn: 'Issued by 31/12 of the year before',
        evidenceEn: 'The yearly PAR plan',
      }),
    );
    expect(row('2.1.2')).toEqual(
      itemRow({
        code: '2.1.2',
        name: 'Hồ sơ giải quyết đúng hạn',
        nameEn: 'Dossiers resolved on time',
        max: 15,
        method: 'Tính từ dữ liệu',
        source: 'Hồ sơ TTHC giải quyết đúng hạn',
        formula: 'bậc 0,95:1; 0,8:0,5',
        whenNoData: 'Đủ điểm',
      }),
    );
    expect(row('1.2')![col('unconfirmed')]).toBe('x');
    expect(row('2.1.1')![col('step')]).toBe(0.5);
    expect(row('3.1')![col('method')]).toBe('Điều tra XHH');
    expect(row('B1')).toEqual(itemRow({ code: 'B1', name: 'Sáng kiến', nameEn: 'Initiatives', max: 2 }));
  });

  it('the second sheet: grade bands highest first, then the caps and the rescale flag', () => {
    expect(exported().settings).toEqual([
      ['Loại (Kind)', 'Mã (Code)', 'Tên (Name)', 'Tên tiếng Anh (Name in English)', 'Giá trị (Value)'],
      ['Xếp loại', 'good', 'Tốt', 'Good', 90],
      ['Xếp loại', 'fair', 'Khá', 'Fair', 80],
      ['Xếp loại', 'average', 'Trung bình', 'Average', 70],
      ['Xếp loại', 'weak', 'Yếu', 'Weak', 0],
      ['Thiết lập', 'bonusCap', 'Tổng điểm thưởng tối đa', 'Cap on total bonus points', 3],
      ['Thiết lập', 'penaltyCap', 'Tổng điểm trừ tối đa', 'Cap on total penalty points', 4],
      [
        'Thiết lập',
        'rescaleWithoutSurvey',
        'Quy đổi về thang điểm đầy đủ khi không có điều tra XHH',
        'Rescale to the full maximum when there is no survey',
        'Có',
      ],
    ]);
  });
});

describe('round trip', () => {
  it('rows → tree → rows are the same rows', () => {
    const rows = exported();
    const read = rowsToTree(rows);
    expect(read.problems).toEqual([]);
    expect(treeToRows(read.tree, read.gradeBands, read.rescaleWithoutSurvey)).toEqual(rows);
  });
  it('tree → rows → tree is the same framework, bands and flag', () => {
    const read = rowsToTree(exported());
    expect(read.tree).toEqual(toyTree());
    expect(read.gradeBands).toEqual(TOY_BANDS);
    expect(read.rescaleWithoutSurvey).toBe(true);
    expect(rowsToTree(treeToRows(toyTree(), TOY_BANDS, false)).rescaleWithoutSurvey).toBe(false);
  });
});

describe('reading what people type', () => {
  it('Vietnamese decimal commas, number cells, percentages', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal(' 1.5 ')).toBe(1.5);
    expect(parseDecimal(2)).toBe(2);
    expect(parseDecimal('1,5 điểm')).toBeNull();
    expect(parseDecimal('1.234,5')).toBeNull(); // thousands never occur in points: refused rather than guessed
    expect(parseDecimal('')).toBeNull();
  });

  it('a whole sheet typed by hand: English headers in another order, commas, English and internal words', () => {
    const sheets: FrameworkSheets = {
      items: [
        [
          'Code',
          'Max points*',
          'Content',
          'Method',
          'Data source',
          'Formula',
          'Ghi chú',
          'Step',
          'When no data',
        ],
        ['1', '3,5', 'Chỉ đạo', null, null, null, 'ghi chú riêng', null, null],
        [null, null, null, null, null, null, null, null, null], // blank rows are skipped
        ['1.1', '1,5', 'Kế hoạch', 'self', null, null, null, '0,5', null],
        [
          '1.2',
          2,
          'Nhiệm vụ đúng hạn',
          'Computed from data',
          'PAR plan tasks completed on time',
          'Tuyến tính từ 50%',
          null,
          null,
          'manual',
        ],
        ['b1', 1, 'Sáng kiến', null, null, null, null, null, null],
      ],
      settings: [
        ['Kind', 'Code', 'Name', 'Value'],
        ['Grade', 'pass', 'Đạt', '50%'],
        ['grade', 'fail', 'Không đạt', 0],
        ['Setting', 'Tổng điểm thưởng tối đa', null, '1'],
        ['setting', 'rescaleWithoutSurvey', null, 'x'],
      ],
    };
    const read = rowsToTree(sheets);
    expect(read.problems).toEqual([]);
    expect(read.tree).toEqual({
      fields: [
        {
          code: '1',
          name: { vi: 'Chỉ đạo', en: '' },
          maxPoints: 3.5,
          criteria: [
            {
              code: '1.1',
              name: { vi: 'Kế hoạch', en: '' },
              maxPoints: 1.5,
              subs: [],
              method: 'self',
              step: 0.5,
            },
            {
              code: '1.2',
              name: { vi: 'Nhiệm vụ đúng hạn', en: '' },
              maxPoints: 2,
              subs: [],
              method: 'computed',
              source: 'plans.tasks_on_time',
              formula: { type: 'linear', from: 0.5 },
              whenNoData: 'manual',
            },
          ],
        },
      ],
      bonus: [{ code: 'B1', name: { vi: 'Sáng kiến', en: '' }, cap: 1 }],
      penalty: [],
      bonusCap: 1,
      penaltyCap: 0,
    });
    expect(read.gradeBands).toEqual([
      { code: 'pass', name: { vi: 'Đạt', en: '' }, minPercent: 50 },
      { code: 'fail', name: { vi: 'Không đạt', en: '' }, minPercent: 0 },
    ]);
    expect(read.rescaleWithoutSurvey).toBe(true);
  });

  it('the formula grammar: linear, bands, threshold — Vietnamese or English, decimals or percentages', () => {
    const cases: [string, Formula][] = [
      ['linear', { type: 'linear' }],
      ['Tuyến tính', { type: 'linear' }],
      ['linear từ 0,5', { type: 'linear', from: 0.5 }],
      ['linear from 0.5', { type: 'linear', from: 0.5 }],
      ['LINEAR TỪ 50%', { type: 'linear', from: 0.5 }],
      [
        'bậc 1:1; 0,9:0,5',
        {
          type: 'bands',
          bands: [
            { min: 1, share: 1 },
            { min: 0.9, share: 0.5 },
          ],
        },
      ],
      [
        'bands 100%:1 ; 90% : 50%;',
        {
          type: 'bands',
          bands: [
            { min: 1, share: 1 },
            { min: 0.9, share: 0.5 },
          ],
        },
      ],
      ['đạt 1', { type: 'all_or_nothing', min: 1 }],
      ['ĐẠT 0,95', { type: 'all_or_nothing', min: 0.95 }],
      ['reach 95%', { type: 'all_or_nothing', min: 0.95 }],
      ['all_or_nothing 1', { type: 'all_or_nothing', min: 1 }],
    ];
    for (const [text, formula] of cases) expect(parseFormula(text), text).toEqual(formula);
    for (const bad of [
      '',
      'log',
      'linear 0,5',
      'linear từ',
      'bậc',
      'bậc 1',
      'bậc 1:1, 0,9:0,5',
      'đạt',
      'đạt nhiều',
    ])
      expect(parseFormula(bad), bad).toBeNull();
  });

  it('formulas are written back exactly as the grammar shows', () => {
    expect(formatFormula({ type: 'linear' })).toBe('linear');
    expect(formatFormula({ type: 'linear', from: 0.5 })).toBe('linear từ 0,5');
    expect(
      formatFormula({
        type: 'bands',
        bands: [
          { min: 1, share: 1 },
          { min: 0.9, share: 0.5 },
        ],
      }),
    ).toBe('bậc 1:1; 0,9:0,5');
    expect(formatFormula({ type: 'all_or_nothing', min: 1 })).toBe('đạt 1');
    expect(formatFormula({ type: 'all_or_nothing', min: 0.955 })).toBe('đạt 0,955');
    for (const f of [
      { type: 'linear', from: 0.25 },
      {
        type: 'bands',
        bands: [
          { min: 0.95, share: 1 },
          { min: 0.5, share: 0.25 },
        ],
      },
    ] as Formula[])
      expect(parseFormula(formatFormula(f))).toEqual(f);
  });

  it('fold: accents, case and spacing ignored', () => {
    expect(fold('  Điều   tra XHH ')).toBe('dieu tra xhh');
  });
});

describe('malformed sheets: every problem found, the import refused', () => {
  it('an unknown method', () => {
    const read = rowsToTree(edit('1.1.1', 'method', 'Tự động'));
    expect(brief(read.problems)).toEqual([['items', 4, 'Phương thức (Method)', 'method_unknown']]);
    expect(read.problems[0]!.message).toEqual({
      vi: 'Phương thức "Tự động" không hợp lệ: ghi Tự chấm, Tính từ dữ liệu hoặc Điều tra XHH.',
      en: 'Method "Tự động" is not valid: write Self-assessed, Computed from data or Survey.',
    });
  });

  it('a bad number', () => {
    const read = rowsToTree(edit('1.1.1', 'max', 'mười'));
    expect(brief(read.problems)).toEqual([['items', 4, 'Điểm tối đa (Max points)', 'number_invalid']]);
    expect(read.problems[0]!.message.vi).toBe('Điểm tối đa "mười" không phải là số (ví dụ 1,5).');
    expect(brief(rowsToTree(edit('2.1.1', 'step', 'nửa')).problems)).toEqual([
      ['items', 9, 'Bước điểm (Step)', 'number_invalid'],
    ]);
  });

  it('a missing maximum', () => {
    const read = rowsToTree(edit('1.2', 'max', null));
    // Its row says it; the field's sum is not checked over a broken part.
    expect(brief(read.problems)).toEqual([['items', 6, 'Điểm tối đa (Max points)', 'max_required']]);
    expect(read.problems[0]!.message).toEqual({
      vi: 'Chưa nhập điểm tối đa.',
      en: 'The maximum points are missing.',
    });
  });

  it('an orphan code (its parent is not above it)', () => {
    const sheets = exported();
    sheets.items.splice(2, 0, itemRow({ code: '4.1', name: 'Tiêu chí lạc', max: 1, method: 'Tự chấm' }));
    const read = rowsToTree(sheets);
    expect(brief(read.problems)).toEqual([['items', 3, 'Mã (Code)', 'orphan']]);
    expect(read.problems[0]!.message).toEqual({
      vi: 'Mã "4.1" thuộc lĩnh vực "4" nhưng chưa có dòng "4" ở phía trên.',
      en: 'Code "4.1" belongs to field "4", but no row "4" comes before it.',
    });
    const sub = exported();
    sub.items.push(itemRow({ code: '1.3.1', name: 'x', max: 1, method: 'Tự chấm' }));
    expect(brief(rowsToTree(sub).problems)).toEqual([['items', 17, 'Mã (Code)', 'orphan']]);
  });

  it('a duplicate code', () => {
    const read = rowsToTree(edit('1.1.2', 'code', '1.1.1'));
    expect(brief(read.problems)).toEqual([
      ['items', 5, 'Mã (Code)', 'code_duplicate'],
      // The duplicate row is not read, so its criterion no longer adds up: 10 ≠ 20.
      ['items', 3, 'Điểm tối đa (Max points)', 'max_sum'],
    ]);
    expect(read.problems[0]!.message.vi).toBe('Mã "1.1.1" đã có ở dòng 4.');
  });

  it('a malformed or missing code', () => {
    expect(brief(rowsToTree(edit('1.1.1', 'code', '1.1.1.1')).problems)[0]).toEqual([
      'items',
      4,
      'Mã (Code)',
      'code_format',
    ]);
    expect(brief(rowsToTree(edit('1.1.1', 'code', null)).problems)[0]).toEqual([
      'items',
      4,
      'Mã (Code)',
      'code_required',
    ]);
  });

  it('an unknown data source, a formula that does not parse, a bad "when no data", a bad flag', () => {
    expect(brief(rowsToTree(edit('1.1.2', 'source', 'Hồ sơ')).problems)).toEqual([
      ['items', 5, 'Nguồn dữ liệu (Data source)', 'source_unknown'],
    ]);
    const formula = rowsToTree(edit('1.1.2', 'formula', 'logarit'));
    expect(brief(formula.problems)).toEqual([['items', 5, 'Công thức (Formula)', 'formula_invalid']]);
    expect(formula.problems[0]!.message.vi).toBe(
      'Công thức "logarit" không đúng cú pháp: ví dụ "linear", "linear từ 0,5", "bậc 1:1; 0,9:0,5", "đạt 1".',
    );
    expect(brief(rowsToTree(edit('1.1.2', 'whenNoData', 'một nửa')).problems)).toEqual([
      ['items', 5, 'Khi không phát sinh (When no data)', 'when_no_data_unknown'],
    ]);
    expect(brief(rowsToTree(edit('1.1.2', 'unconfirmed', 'chưa')).problems)).toEqual([
      ['items', 5, 'Chưa xác nhận (Unconfirmed)', 'flag_invalid'],
    ]);
  });

  it('columns that do not belong on the row', () => {
    expect(brief(rowsToTree(edit('1', 'method', 'Tự chấm')).problems)).toEqual([
      ['items', 2, 'Phương thức (Method)', 'not_for_this_row'],
    ]);
    expect(brief(rowsToTree(edit('B1', 'formula', 'linear')).problems)).toEqual([
      ['items', 13, 'Công thức (Formula)', 'not_for_this_row'],
    ]);
    const parent = rowsToTree(edit('1.1', 'method', 'Tự chấm'));
    expect(brief(parent.problems)).toEqual([['items', 3, 'Phương thức (Method)', 'method_on_parent']]);
  });

  it('the framework’s own checks, placed on their rows: a field that does not add up, a computed item without formula', () => {
    expect(brief(rowsToTree(edit('2', 'max', 31)).problems)).toEqual([
      ['items', 7, 'Điểm tối đa (Max points)', 'max_sum'],
    ]);
    expect(brief(rowsToTree(edit('1.1.2', 'formula', null)).problems)).toEqual([
      ['items', 5, 'Công thức (Formula)', 'formula_required'],
    ]);
    expect(brief(rowsToTree(edit('1.1.1', 'method', null)).problems)).toEqual([
      ['items', 4, 'Phương thức (Method)', 'method_required'],
    ]);
    expect(brief(rowsToTree(edit('1.1.1', 'name', null)).problems)).toEqual([
      ['items', 4, 'Nội dung (Content)', 'name_required'],
    ]);
    expect(brief(rowsToTree(edit('1.1.2', 'formula', 'linear từ 1')).problems)).toEqual([
      ['items', 5, 'Công thức (Formula)', 'formula_from'],
    ]);
  });

  it('every problem at once, in sheet order', () => {
    const sheets = edit(
      '1.1.1',
      'method',
      'Tự động',
      edit('2.1.1', 'max', 'x', edit('1.1.2', 'source', '?')),
    );
    expect(brief(rowsToTree(sheets).problems).map((p) => p[3])).toEqual([
      'method_unknown',
      'source_unknown',
      'number_invalid',
    ]);
  });

  it('a missing header column; an empty sheet', () => {
    const sheets = exported();
    sheets.items = sheets.items.map((r) => r.filter((_, i) => i !== col('max')));
    const read = rowsToTree(sheets);
    expect(brief(read.problems)).toEqual([['items', 1, 'Điểm tối đa (Max points)', 'header_missing']]);
    expect(read.problems[0]!.message.vi).toBe(
      'Thiếu cột "Điểm tối đa (Max points)" ở dòng tiêu đề (dòng 1) của sheet "Bộ tiêu chí"; hãy dùng đúng mẫu tải về.',
    );
    const empty = exported();
    empty.items = [empty.items[0]!];
    expect(brief(rowsToTree(empty).problems)).toEqual([['items', 2, null, 'empty']]);
    expect(brief(rowsToTree({ items: [], settings: [] }).problems).map((p) => p[3])).toEqual([
      'header_missing',
      'header_missing',
      'header_missing',
      'header_missing',
      'header_missing',
      'header_missing',
    ]);
  });

  it('too many rows', () => {
    const sheets = exported();
    for (let i = 0; i < 2001; i++) sheets.items.push(itemRow({}));
    expect(brief(rowsToTree(sheets).problems)).toEqual([['items', 2002, null, 'too_many_rows']]);
  });
});

describe('malformed settings', () => {
  const settings = (rows: Cell[][]): FrameworkSheets => ({
    ...exported(),
    settings: [exported().settings[0]!, ...rows],
  });
  const bands: Cell[][] = [
    ['Xếp loại', 'good', 'Tốt', 'Good', 90],
    ['Xếp loại', 'weak', 'Yếu', 'Weak', 0],
  ];
  const caps: Cell[][] = [
    ['Thiết lập', 'bonusCap', null, null, 3],
    ['Thiết lập', 'penaltyCap', null, null, 4],
  ];

  it('the minimum: bands and the caps the items need; the rescale flag defaults to no', () => {
    const read = rowsToTree(settings([...bands, ...caps]));
    expect(read.problems).toEqual([]);
    expect(read.rescaleWithoutSurvey).toBe(false);
  });
  it('a cap missing where there are items of its kind', () => {
    const read = rowsToTree(settings([...bands, caps[0]!]));
    expect(brief(read.problems)).toEqual([['settings', 1, null, 'setting_missing']]);
    expect(read.problems[0]!.message.vi).toBe(
      'Có 2 mục điểm trừ nhưng chưa có dòng thiết lập "penaltyCap" (tổng điểm trừ tối đa).',
    );
  });
  it('an unknown kind, an unknown or repeated setting, a bad value', () => {
    expect(brief(rowsToTree(settings([...bands, ...caps, ['Khác', 'x', null, null, 1]])).problems)).toEqual([
      ['settings', 6, 'Loại (Kind)', 'kind_unknown'],
    ]);
    expect(
      brief(rowsToTree(settings([...bands, ...caps, ['Thiết lập', 'maxPoints', null, null, 1]])).problems),
    ).toEqual([['settings', 6, 'Mã (Code)', 'setting_unknown']]);
    expect(
      brief(rowsToTree(settings([...bands, ...caps, ['Thiết lập', 'bonusCap', null, null, 1]])).problems),
    ).toEqual([['settings', 6, 'Mã (Code)', 'setting_duplicate']]);
    expect(
      brief(
        rowsToTree(settings([...bands, ...caps, ['Thiết lập', 'rescaleWithoutSurvey', null, null, 'có lẽ']]))
          .problems,
      ),
    ).toEqual([['settings', 6, 'Giá trị (Value)', 'flag_invalid']]);
    expect(
      brief(
        rowsToTree(settings([['Xếp loại', 'good', 'Tốt', null, 'chín mươi'], bands[1]!, ...caps])).problems,
      ),
    ).toEqual([['settings', 2, 'Giá trị (Value)', 'number_invalid']]);
    expect(
      brief(rowsToTree(settings([...bands, ['Thiết lập', 'bonusCap', null, null, null], caps[1]!])).problems),
    ).toEqual([
      ['settings', 4, 'Giá trị (Value)', 'value_required'],
      ['settings', 1, null, 'setting_missing'],
    ]);
  });
  it('the bands’ own checks, placed on their rows', () => {
    expect(
      brief(
        rowsToTree(
          settings([['Xếp loại', 'good', 'Tốt', null, 90], ['Xếp loại', 'weak', 'Yếu', null, 10], ...caps]),
        ).problems,
      ),
    ).toEqual([['settings', 3, 'Giá trị (Value)', 'grade_last_not_zero']]);
    expect(
      brief(
        rowsToTree(
          settings([
            ['Xếp loại', 'good', 'Tốt', null, 80],
            ['Xếp loại', 'fair', 'Khá', null, 90],
            ['Xếp loại', 'weak', null, null, 0],
            ...caps,
          ]),
        ).problems,
      ),
    ).toEqual([
      ['settings', 3, 'Giá trị (Value)', 'grade_order'],
      ['settings', 4, 'Tên (Name)', 'grade_name_required'],
    ]);
    expect(brief(rowsToTree(settings(caps)).problems)).toEqual([['settings', 1, null, 'grade_bands_empty']]);
    expect(
      brief(rowsToTree(settings([...bands, ['Thiết lập', 'bonusCap', null, null, '-1'], caps[1]!])).problems),
    ).toEqual([['settings', 4, 'Giá trị (Value)', 'cap_invalid']]);
  });
});
