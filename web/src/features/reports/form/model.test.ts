import { describe, expect, it } from 'vitest';
import {
  changedFigures,
  changedPrefill,
  isFilled,
  narrativeParagraphs,
  narrativeRuns,
  numberingOf,
  placeComments,
  placedFields,
  placeProblems,
  rowLimits,
  tableRows,
  type FormDefinition,
  type TableField,
} from './model';

const L = (vi: string) => ({ vi, en: vi });

const form = {
  key: 'demo',
  version: 1,
  name: L('Biểu'),
  legalBasis: [],
  rules: [],
  sections: [
    {
      key: 'direction',
      numbering: 'I.',
      title: L('CHỈ ĐẠO'),
      fields: [
        {
          key: 'intro',
          type: 'narrative',
          label: L('Mở đầu'),
          required: false,
          maxLength: 100,
          aggregate: 'compile',
        },
      ],
      subsections: [
        {
          key: 'plan',
          numbering: '1.',
          title: L('Kế hoạch'),
          fields: [
            {
              key: 'total',
              type: 'number',
              label: L('Tổng số'),
              required: true,
              decimals: 0,
              aggregate: 'sum',
              prefill: 'plan.tasks.total',
            },
            {
              key: 'rate',
              type: 'percent',
              label: L('Tỷ lệ'),
              required: false,
              decimals: 2,
              aggregate: 'average',
            },
            {
              key: 'done_rate',
              type: 'computed',
              label: L('Tỷ lệ xong'),
              formula: 'pct(total, total)',
              result: 'percent',
              decimals: 2,
              aggregate: 'recompute',
            },
          ],
        },
      ],
    },
    {
      key: 'results',
      title: L('KẾT QUẢ'),
      fields: [
        {
          key: 'by_level',
          type: 'table',
          label: L('Theo cấp'),
          required: false,
          aggregate: 'combine',
          columns: [
            { key: 'n', type: 'number', label: L('Số'), required: false, decimals: 0, aggregate: 'sum' },
          ],
          fixedRows: [
            { key: 'province', label: L('Cấp tỉnh') },
            { key: 'commune', label: L('Cấp xã') },
          ],
        },
        {
          key: 'ideas',
          type: 'table',
          label: L('Sáng kiến'),
          required: false,
          aggregate: 'combine',
          minRows: 1,
          maxRows: 2,
          columns: [
            {
              key: 'name',
              type: 'text',
              label: L('Tên'),
              required: false,
              maxLength: 100,
              aggregate: 'compile',
            },
          ],
        },
      ],
      subsections: [],
    },
  ],
} as unknown as FormDefinition;

const table = (key: string) => placedFields(form).find((p) => p.field.key === key)!.field as TableField;

describe('where fields sit', () => {
  it('numbers a subsection under its section ("I.1"), a section alone as written', () => {
    expect(numberingOf({ numbering: 'II.' }, { numbering: '1.' })).toBe('II.1');
    expect(numberingOf({ numbering: 'II.' }, { numbering: 'a)' })).toBe('II.a)');
    expect(numberingOf({ numbering: 'I.' })).toBe('I.');
    expect(numberingOf({ numbering: undefined }, { numbering: '2.' })).toBe('2.');
    expect(numberingOf({ numbering: undefined })).toBe('');
  });

  it('lists the fields in reading order with their place', () => {
    expect(placedFields(form).map((p) => `${p.numbering}:${p.field.key}`)).toEqual([
      'I.:intro',
      'I.1:total',
      'I.1:rate',
      'I.1:done_rate',
      ':by_level',
      ':ideas',
    ]);
  });
});

describe('problems and comments', () => {
  it('puts problems under their fields and counts errors and warnings; others are general', () => {
    const placed = placeProblems(
      [
        { key: 'a', field: 'total', severity: 'error', message: 'x' },
        { key: 'b', field: 'total', severity: 'warning', message: 'y' },
        { key: 'c', field: null, severity: 'error', message: 'rule' },
        { key: 'd', field: 'gone', severity: 'warning', message: 'unknown' },
      ],
      form,
    );
    expect(placed.byField.get('total')?.map((p) => p.key)).toEqual(['a', 'b']);
    expect(placed.general.map((p) => p.key)).toEqual(['c', 'd']);
    expect([placed.errors, placed.warnings]).toEqual([2, 2]);
  });

  it('shows a failed rule under each field it reads, counted once', () => {
    const placed = placeProblems(
      [{ key: 'rule', field: null, fields: ['total', 'gone'], severity: 'error', message: 'done ≤ total' }],
      form,
    );
    expect(placed.byField.get('total')?.map((p) => p.message)).toEqual(['done ≤ total']);
    expect(placed.general).toEqual([]);
    expect(placed.errors).toBe(1);
  });

  it('puts a comment next to its field, under its section heading, or on the whole report', () => {
    const placed = placeComments(
      [
        { target: 'total', text: 'field' },
        { target: 'plan', text: 'subsection' },
        { target: 'results', text: 'section' },
        { target: '', text: 'whole' },
        { target: 'old_field', text: 'unknown' },
      ],
      form,
    );
    expect(placed.byField.get('total')).toEqual(['field']);
    expect(placed.bySection.get('plan')).toEqual(['subsection']);
    expect(placed.bySection.get('results')).toEqual(['section']);
    expect(placed.general).toEqual(['whole', 'unknown']);
  });
});

describe('changed figures', () => {
  const prefill = [
    { field: 'total', value: 12 },
    { field: 'rate', value: 33.3 },
  ];
  it('flags a prefilled figure changed or emptied, not one equal up to noise', () => {
    expect(changedPrefill({ total: 12, rate: 33.3 + 1e-12 }, prefill)).toEqual([]);
    expect(changedPrefill({ total: 13, rate: 33.3 }, prefill)).toEqual(['total']);
    expect(changedPrefill({ total: null }, prefill)).toEqual(['total', 'rate']);
  });

  it('flags a consolidated figure changed by hand, numeric fields in the draft only', () => {
    const figures = {
      total: { value: 100 },
      rate: { value: null },
      done_rate: { value: 50 },
      intro: { value: 3 },
      elsewhere: { value: 1 },
    };
    expect(changedFigures({ total: 100, rate: null }, {}, figures, form)).toEqual([]);
    expect(changedFigures({ total: 99, rate: 5 }, {}, figures, form)).toEqual(['total', 'rate']);
    // Removed from the values but stored before: changed.
    expect(changedFigures({}, { total: 100 }, figures, form)).toEqual(['total']);
    // Not in the values, never stored: not the user's change.
    expect(changedFigures({}, {}, figures, form)).toEqual([]);
  });
});

describe('tables', () => {
  it('shows fixed rows in the form order whatever the value holds', () => {
    const rows = tableRows(table('by_level'), [
      { key: 'commune', cells: { n: 5 } },
      { key: 'stray', cells: { n: 1 } },
      'junk',
    ]);
    expect(rows).toEqual([
      { key: 'province', cells: {} },
      { key: 'commune', cells: { n: 5 } },
    ]);
  });

  it('keeps free rows as they are and tells whether one may be added or removed', () => {
    const ideas = table('ideas');
    expect(tableRows(ideas, [{ cells: { name: 'A' } }, { cells: null }])).toEqual([
      { cells: { name: 'A' } },
      { cells: {} },
    ]);
    expect(tableRows(ideas, null)).toEqual([]);
    expect(rowLimits(ideas, 1)).toEqual({ canAdd: true, canRemove: false });
    expect(rowLimits(ideas, 2)).toEqual({ canAdd: false, canRemove: true });
    expect(rowLimits(table('by_level'), 2)).toEqual({ canAdd: false, canRemove: false });
  });

  it('knows an empty value from a figure (0 is one)', () => {
    expect(isFilled(0)).toBe(true);
    expect(isFilled('  ')).toBe(false);
    expect(isFilled([{ cells: { a: null } }])).toBe(false);
    expect(isFilled([{ cells: { a: 'x' } }])).toBe(true);
  });
});

describe('narratives', () => {
  it('reads bold, italic and both; an unclosed marker is text; nothing else is markup', () => {
    expect(narrativeRuns('a **b** *c* ***d***')).toEqual([
      { text: 'a ', bold: false, italic: false },
      { text: 'b', bold: true, italic: false },
      { text: ' ', bold: false, italic: false },
      { text: 'c', bold: false, italic: true },
      { text: ' ', bold: false, italic: false },
      { text: 'd', bold: true, italic: true },
    ]);
    expect(narrativeRuns('5 * 3 <b>x</b>')).toEqual([{ text: '5 * 3 <b>x</b>', bold: false, italic: false }]);
    expect(narrativeRuns('a \\* b')).toEqual([{ text: 'a * b', bold: false, italic: false }]);
  });

  it('makes one paragraph per non-blank line', () => {
    expect(narrativeParagraphs('một\r\n\r\n**hai**  \n')).toEqual([
      [{ text: 'một', bold: false, italic: false }],
      [{ text: 'hai', bold: true, italic: false }],
    ]);
  });
});
