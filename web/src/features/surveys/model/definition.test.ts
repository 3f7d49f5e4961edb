import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../api';
import {
  addItem,
  addSection,
  changeKind,
  countsOf,
  dependentsOf,
  draftFrom,
  earlierItems,
  flatItems,
  moveItem,
  moveSection,
  newItem,
  removeItem,
  removeSection,
  renameCode,
  scaleOf,
  toDefinition,
  uniqueCode,
  updateSection,
} from './definition';

const t = (vi: string) => ({ vi, en: '' });

const def: SurveyDefinition = {
  title: t('Phiếu'),
  scales: {
    sat: [1, 2, 3, 4, 5].map((v) => ({ value: v as 1 | 2 | 3 | 4 | 5, label: t(`Mức ${v}`) })),
  },
  sections: [
    {
      code: 'a',
      title: t('Phần A'),
      items: [
        {
          kind: 'single',
          code: 'gioi_tinh',
          text: t('Giới tính'),
          choices: [{ code: 'nu', label: t('Nữ') }],
        },
        {
          kind: 'likert5',
          code: 'hl',
          text: t('Hài lòng'),
          scale: 'sat',
          showIf: { item: 'gioi_tinh', op: 'answered' },
        },
      ],
    },
    {
      code: 'b',
      title: t('Phần B'),
      items: [
        {
          kind: 'text',
          code: 'y_kien',
          text: t('Ý kiến'),
          maxLength: 500,
          showIf: {
            any: [
              { item: 'gioi_tinh', op: 'eq', value: 'nu' },
              { item: 'hl', op: 'gte', value: 4 },
            ],
          },
        },
      ],
    },
  ],
};

describe('draft and definition', () => {
  it('round-trips: the keys are added for the page and removed when sent', () => {
    const d = draftFrom(def);
    expect(d.sections.every((s) => s.uid && s.items.every((i) => i.uid))).toBe(true);
    expect(toDefinition(d)).toEqual(def);
  });

  it('gives unused codes', () => {
    const d = draftFrom(def);
    expect(uniqueCode(d, 'cau')).toBe('cau_1');
    const d2 = addItem(d, 0, 'number');
    expect(flatItems(d2).map((x) => x.item.code)).toContain('cau_1');
    expect(uniqueCode(d2, 'cau')).toBe('cau_2');
  });

  it('makes a new question of every kind answerable', () => {
    const d = draftFrom(def);
    expect(newItem(d, 'single')).toMatchObject({ kind: 'single', choices: [{ code: '1' }, { code: '2' }] });
    expect(newItem(d, 'likert5')).toMatchObject({ kind: 'likert5', scale: 'sat' });
    const m = newItem(d, 'matrix');
    expect(m).toMatchObject({ kind: 'matrix', scale: 'sat', rows: [{ code: `${m.code}.1` }] });
    expect(newItem(d, 'text')).toMatchObject({ kind: 'text', maxLength: 500 });
    expect(newItem(d, 'number')).toMatchObject({ kind: 'number', integer: true });
    // Without declared scales, the satisfaction scale inline.
    const bare = draftFrom({ ...def, scales: undefined } as SurveyDefinition);
    const l = newItem(bare, 'likert5');
    expect(l.kind === 'likert5' && Array.isArray(l.scale) && l.scale.length).toBe(5);
  });

  it('changes a kind keeping wording, condition and choices where they fit', () => {
    const d = draftFrom(def);
    const single = d.sections[0]!.items[0]!;
    const multiple = changeKind(d, single, 'multiple');
    expect(multiple).toMatchObject({
      kind: 'multiple',
      code: 'gioi_tinh',
      uid: single.uid,
      choices: [{ code: 'nu' }],
    });
    const likert = d.sections[0]!.items[1]!;
    const matrix = changeKind(d, likert, 'matrix');
    expect(matrix).toMatchObject({
      kind: 'matrix',
      scale: 'sat',
      rows: [{ code: 'hl.1' }],
      showIf: likert.showIf,
    });
    expect(changeKind(d, likert, 'text')).not.toHaveProperty('scale');
  });

  it('adds, updates, moves and removes sections', () => {
    let d = draftFrom(def);
    d = addSection(d);
    expect(d.sections.map((s) => s.code)).toEqual(['a', 'b', 'phan_1']);
    d = updateSection(d, 2, { title: t('Phần C') });
    expect(d.sections[2]!.title.vi).toBe('Phần C');
    d = moveSection(d, 2, -1);
    expect(d.sections.map((s) => s.code)).toEqual(['a', 'phan_1', 'b']);
    expect(moveSection(d, 0, -1)).toBe(d);
    d = removeSection(d, 1);
    expect(d.sections.map((s) => s.code)).toEqual(['a', 'b']);
  });

  it('moves a question within its section and across sections', () => {
    let d = draftFrom(def);
    d = moveItem(d, { s: 0, i: 1 }, -1);
    expect(d.sections[0]!.items.map((i) => i.code)).toEqual(['hl', 'gioi_tinh']);
    d = moveItem(d, { s: 0, i: 1 }, 1);
    expect(d.sections[0]!.items.map((i) => i.code)).toEqual(['hl']);
    expect(d.sections[1]!.items.map((i) => i.code)).toEqual(['gioi_tinh', 'y_kien']);
    d = moveItem(d, { s: 1, i: 0 }, -1);
    expect(d.sections[0]!.items.map((i) => i.code)).toEqual(['hl', 'gioi_tinh']);
    expect(moveItem(d, { s: 0, i: 0 }, -1)).toBe(d);
    expect(moveItem(d, { s: 1, i: 0 }, 1)).toBe(d);
  });

  it('finds the questions depending on one, and renames references with a code', () => {
    const d = draftFrom(def);
    expect(dependentsOf(d, 'gioi_tinh').map((i) => i.code)).toEqual(['hl', 'y_kien']);
    const renamed = renameCode(d, { s: 0, i: 0 }, 'gt');
    expect(renamed.sections[0]!.items[0]!.code).toBe('gt');
    expect(renamed.sections[0]!.items[1]!.showIf).toEqual({ item: 'gt', op: 'answered' });
    expect(renamed.sections[1]!.items[0]!.showIf).toEqual({
      any: [
        { item: 'gt', op: 'eq', value: 'nu' },
        { item: 'hl', op: 'gte', value: 4 },
      ],
    });
    const removed = removeItem(d, { s: 0, i: 0 });
    expect(countsOf(removed)).toEqual({ sections: 2, items: 2, required: 0 });
  });

  it('lists only earlier questions for a condition, and resolves scales', () => {
    const d = draftFrom(def);
    expect(earlierItems(d, { s: 1, i: 0 }).map((i) => i.code)).toEqual(['gioi_tinh', 'hl']);
    expect(earlierItems(d, { s: 0, i: 0 })).toEqual([]);
    expect(scaleOf(d, d.sections[0]!.items[1]!)?.[0]?.label.vi).toBe('Mức 1');
    expect(scaleOf(d, d.sections[0]!.items[0]!)).toBeNull();
  });
});
