import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../api';
import {
  conditionMet,
  conditionOf,
  conditionText,
  formOf,
  operatorsFor,
  storedValue,
  valueOptions,
} from './conditions';

const def: SurveyDefinition = {
  title: { vi: 'Phiếu', en: 'Form' },
  scales: {
    sat: [
      { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
      { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
      { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
      { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
      { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
    ],
  },
  sections: [
    {
      code: 's',
      title: { vi: 'Phần', en: '' },
      items: [
        {
          kind: 'single',
          code: 'gt',
          text: { vi: 'Giới tính', en: 'Sex' },
          choices: [
            { code: 'nam', label: { vi: 'Nam', en: 'Male' } },
            { code: 'nu', label: { vi: 'Nữ', en: 'Female' } },
          ],
        },
        { kind: 'likert5', code: 'hl', text: { vi: 'Hài lòng', en: '' }, scale: 'sat', allowNa: true },
        {
          kind: 'matrix',
          code: 'm',
          text: { vi: 'Bảng', en: '' },
          scale: 'sat',
          rows: [{ code: '1.1', text: { vi: 'Niêm yết', en: 'Posting' } }],
        },
        { kind: 'number', code: 'lan', text: { vi: 'Số lần', en: '' } },
        {
          kind: 'multiple',
          code: 'kenh',
          text: { vi: 'Kênh', en: '' },
          choices: [
            { code: 'web', label: { vi: 'Web', en: 'Web' } },
            { code: 'tt', label: { vi: 'Trực tiếp', en: 'In person' } },
          ],
        },
      ],
    },
  ],
};

describe('the editor form of a condition', () => {
  it('reads none, one comparison, and all/any lists', () => {
    expect(formOf(undefined)).toEqual({ mode: 'all', leaves: [], nested: false });
    expect(formOf({ item: 'gt', op: 'eq', value: 'nu' }).leaves).toHaveLength(1);
    const any = formOf({
      any: [
        { item: 'gt', op: 'eq', value: 'nu' },
        { item: 'hl', op: 'gte', value: 4 },
      ],
    });
    expect(any).toMatchObject({ mode: 'any', nested: false });
    expect(any.leaves).toHaveLength(2);
    const nested = formOf({
      all: [{ item: 'gt', op: 'answered' }, { any: [{ item: 'hl', op: 'eq', value: 5 }] }],
    });
    expect(nested.nested).toBe(true);
  });

  it('writes none, a single comparison, or the joined list', () => {
    expect(conditionOf({ mode: 'all', leaves: [] })).toBeUndefined();
    expect(conditionOf({ mode: 'any', leaves: [{ item: 'gt', op: 'answered' }] })).toEqual({
      item: 'gt',
      op: 'answered',
    });
    expect(
      conditionOf({
        mode: 'any',
        leaves: [
          { item: 'gt', op: 'answered' },
          { item: 'hl', op: 'lte', value: 2 },
        ],
      }),
    ).toEqual({
      any: [
        { item: 'gt', op: 'answered' },
        { item: 'hl', op: 'lte', value: 2 },
      ],
    });
  });

  it('offers the operators and values that fit the question', () => {
    const [gt, hl, , lan] = def.sections[0]!.items;
    expect(operatorsFor(gt)).not.toContain('gte');
    expect(operatorsFor(lan)).toContain('gte');
    expect(valueOptions(def, gt, 'en', 'eq')).toEqual([
      { value: 'nam', label: 'Male' },
      { value: 'nu', label: 'Female' },
    ]);
    const points = valueOptions(def, hl, 'vi', 'eq')!;
    expect(points.map((p) => p.value)).toEqual(['1', '2', '3', '4', '5', 'na']);
    expect(points[3]!.label).toBe('4 — Hài lòng');
    expect(valueOptions(def, hl, 'vi', 'gte')!.map((p) => p.value)).not.toContain('na');
    expect(valueOptions(def, lan, 'vi', 'eq')).toBeNull();
    expect(storedValue(hl, '4')).toBe(4);
    expect(storedValue(lan, '1.234,5')).toBe(1234.5);
    expect(storedValue(gt, 'nu')).toBe('nu');
  });
});

describe('a condition in words', () => {
  it('names choices and scale points by their labels, in the reader language', () => {
    expect(conditionText(def, { item: 'gt', op: 'eq', value: 'nu' }, 'vi')).toBe(
      'Chỉ hiện khi câu gt là “Nữ”',
    );
    expect(conditionText(def, { item: 'gt', op: 'eq', value: 'nu' }, 'en')).toBe(
      'Shown only when question gt is “Female”',
    );
    expect(
      conditionText(
        def,
        {
          all: [
            { item: 'hl', op: 'gte', value: 4 },
            { item: 'lan', op: 'lte', value: 1500 },
          ],
        },
        'vi',
      ),
    ).toBe('Chỉ hiện khi câu hl từ “4 — Hài lòng” và câu lan đến 1.500');
    expect(conditionText(def, { item: 'm', row: '1.1', op: 'eq', value: 5 }, 'en')).toBe(
      'Shown only when question m (row Posting) is “5 — Very satisfied”',
    );
    expect(conditionText(def, { item: 'gt', op: 'answered', value: false }, 'vi')).toBe(
      'Chỉ hiện khi câu gt chưa được trả lời',
    );
    expect(
      conditionText(
        def,
        {
          any: [
            { item: 'gt', op: 'in', value: ['nam', 'nu'] },
            {
              all: [
                { item: 'hl', op: 'eq', value: 'na' },
                { item: 'lan', op: 'answered' },
              ],
            },
          ],
        },
        'vi',
      ),
    ).toBe(
      'Chỉ hiện khi câu gt là một trong “Nam”, “Nữ” hoặc (câu hl là “Không ý kiến” và câu lan đã được trả lời)',
    );
    expect(conditionText(def, undefined, 'vi')).toBe('');
  });
});

describe('a condition in the preview', () => {
  it('follows the server semantics', () => {
    expect(conditionMet(undefined, {})).toBe(true);
    expect(conditionMet({ item: 'gt', op: 'eq', value: 'nu' }, { gt: 'nu' })).toBe(true);
    expect(conditionMet({ item: 'gt', op: 'neq', value: 'nu' }, {})).toBe(false);
    expect(conditionMet({ item: 'gt', op: 'answered', value: false }, {})).toBe(true);
    expect(conditionMet({ item: 'kenh', op: 'eq', value: 'web' }, { kenh: ['tt', 'web'] })).toBe(true);
    expect(conditionMet({ item: 'kenh', op: 'in', value: ['x', 'tt'] }, { kenh: ['tt'] })).toBe(true);
    expect(conditionMet({ item: 'hl', op: 'gte', value: 4 }, { hl: 'na' })).toBe(false);
    expect(conditionMet({ item: 'm', row: '1.1', op: 'lte', value: 2 }, { m: { '1.1': 2 } })).toBe(true);
    expect(
      conditionMet(
        { all: [{ item: 'gt', op: 'answered' }, { any: [{ item: 'lan', op: 'gte', value: 3 }] }] },
        { gt: 'nam', lan: 2 },
      ),
    ).toBe(false);
  });
});
