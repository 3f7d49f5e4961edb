import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../api';
import { draftFrom } from './definition';
import { GENERAL, placedOnRows, placeProblems, workbookPlace } from './problems';

const def: SurveyDefinition = {
  title: { vi: 'Phiếu', en: '' },
  sections: [
    {
      code: 'a',
      title: { vi: 'A', en: '' },
      items: [
        { kind: 'text', code: 't1', text: { vi: 'T', en: '' }, maxLength: 10 },
        {
          kind: 'matrix',
          code: 'm',
          text: { vi: 'M', en: '' },
          scale: 'x',
          rows: [{ code: '1.1', text: { vi: 'r', en: '' } }],
        },
      ],
    },
    { code: 'b', title: { vi: 'B', en: '' }, items: [] },
  ],
};

describe('placing the server problems', () => {
  it('puts each next to the section or question it names, the others on top', () => {
    const d = draftFrom(def);
    const placed = placeProblems(
      d,
      [
        { at: 'sections[0].items[1].scale', message: { vi: 'Thang đo lạ', en: 'Unknown scale' } },
        { field: 'definition.sections[0].items[0].maxLength', message: 'Quá dài' },
        { at: 'sections[1].items', message: { vi: 'Phần trống', en: 'Empty section' } },
        { at: 'title', message: { vi: 'Chưa có tiêu đề', en: '' } },
        { at: 'indices[0].indices[2]', item: 't1', message: { vi: 'Câu t1 không chấm được', en: '' } },
        { field: '1.1', message: 'Dòng 1.1' },
        { at: 'sections[9].items[0]', message: { vi: 'Lạ', en: '' } },
      ],
      'en',
    );
    const [t1, m] = d.sections[0]!.items;
    expect(placed.get(m!.uid)).toEqual(['Unknown scale', 'Dòng 1.1']);
    expect(placed.get(t1!.uid)).toEqual(['Quá dài', 'Câu t1 không chấm được']);
    expect(placed.get(d.sections[1]!.uid)).toEqual(['Empty section']);
    expect(placed.get(GENERAL)).toEqual(['Chưa có tiêu đề', 'Lạ']);
    expect(placedOnRows(placed)).toBe(5);
  });
});

describe('where a workbook problem is', () => {
  it('reads sheet, row and column, or a row alone, and nothing from other fields', () => {
    expect(workbookPlace('Phiếu!12 Mã (Code)')).toEqual({ sheet: 'Phiếu', row: 12, column: 'Mã (Code)' });
    expect(workbookPlace('survey!3')).toEqual({ sheet: 'survey', row: 3, column: null });
    expect(workbookPlace('dòng 7')).toEqual({ sheet: null, row: 7, column: null });
    expect(workbookPlace('rows[4]')).toEqual({ sheet: null, row: 4, column: null });
    expect(workbookPlace('5')).toEqual({ sheet: null, row: 5, column: null });
    expect(workbookPlace('sections[0].items[1]')).toEqual({ sheet: null, row: null, column: null });
  });
});
