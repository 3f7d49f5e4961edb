import { describe, expect, it } from 'vitest';
import type { Assessment, Score } from './api';
import {
  allItems,
  canAppraise,
  earlierPoints,
  isWebAddress,
  pastedRecord,
  progressOf,
  reasonNeeded,
  todo,
  visibleColumns,
} from './model';

const text = (vi: string) => ({ vi, en: '' });
const tree: Assessment['framework']['tree'] = {
  fields: [
    {
      code: '1',
      name: text('Công tác chỉ đạo, điều hành'),
      maxPoints: 3,
      criteria: [
        {
          code: '1.1',
          name: text('Kế hoạch CCHC'),
          maxPoints: 2,
          subs: [
            { code: '1.1.1', name: text('Ban hành kế hoạch'), maxPoints: 1, method: 'self' },
            { code: '1.1.2', name: text('Hoàn thành kế hoạch'), maxPoints: 1, method: 'computed', step: 0.5 },
          ],
        },
        { code: '1.2', name: text('Tuyên truyền'), maxPoints: 1, subs: [], confirmed: false },
      ],
    },
    {
      code: '2',
      name: text('Cải cách thể chế'),
      maxPoints: 1,
      criteria: [{ code: '2.1', name: text('Văn bản'), maxPoints: 1, subs: [], method: 'survey' }],
    },
  ],
  bonus: [{ code: 'B1', name: text('Sáng kiến'), cap: 1 }],
  penalty: [],
  bonusCap: 1,
  penaltyCap: 0,
};

const score = (code: string, patch: Partial<Score> = {}): Score => ({
  code,
  self: null,
  selfNote: '',
  round1: null,
  round1Reason: '',
  explanation: '',
  round2: null,
  round2Reason: '',
  computed: null,
  computation: null,
  current: null,
  contested: false,
  updatedAt: null,
  version: 0,
  ...patch,
});

const assessment = (patch: Partial<Assessment> = {}): Assessment =>
  ({
    id: 'a',
    campaign: { stage: 'self_assessment' },
    framework: { tree },
    scores: [],
    evidence: [],
    totals: { self: {}, round1: null, round2: null },
    windows: { self: true, explanation: false, round1: false, round2: false },
    appraiseFields: [],
    abilities: { score: true, evidence: true, explain: false, appraise: false },
    allowedActions: [],
    version: 1,
    ...patch,
  }) as unknown as Assessment;

describe('the framework as items', () => {
  it('lists sub-criteria, criteria scored directly, then bonus and penalty items, with their field', () => {
    const items = allItems(tree);
    expect(items.map((i) => i.code)).toEqual(['1.1.1', '1.1.2', '1.2', '2.1', 'B1']);
    expect(items.find((i) => i.code === '1.2')).toMatchObject({
      method: 'self',
      confirmed: false,
      fieldCode: '1',
    });
    expect(items.find((i) => i.code === '1.1.2')).toMatchObject({ method: 'computed', step: 0.5 });
    expect(items.find((i) => i.code === 'B1')).toMatchObject({
      kind: 'bonus',
      fieldCode: null,
      maxPoints: 1,
      step: 0.25,
    });
  });
});

describe('the rounds', () => {
  const items = allItems(tree);
  const item = (code: string) => items.find((i) => i.code === code)!;
  const appraising = assessment({
    campaign: { stage: 'appraisal_1' } as Assessment['campaign'],
    windows: { self: false, explanation: false, round1: true, round2: false },
    abilities: { score: false, evidence: false, explain: false, appraise: true },
    appraiseFields: ['1'],
  });

  it('lets an appraiser score the items of their fields (and bonus items) in the open round only', () => {
    expect(canAppraise(appraising, item('1.1.1'), 1)).toBe(true);
    expect(canAppraise(appraising, item('2.1'), 1)).toBe(false);
    expect(canAppraise(appraising, item('B1'), 1)).toBe(true);
    expect(canAppraise(appraising, item('1.1.1'), 2)).toBe(false);
    expect(canAppraise({ ...appraising, appraiseFields: [] }, item('B1'), 1)).toBe(false);
  });

  it('compares round 1 with the unit’s own points (or the computed ones), round 2 with round 1', () => {
    expect(earlierPoints(score('x', { self: 1 }), 1)).toBe(1);
    expect(earlierPoints(score('x', { computed: 0.5 }), 1)).toBe(0.5);
    expect(earlierPoints(score('x', { self: 1, round1: 0.5 }), 2)).toBe(0.5);
    expect(earlierPoints(undefined, 1)).toBeNull();
    expect(reasonNeeded(1, 1)).toBe(false);
    expect(reasonNeeded(0.75, 1)).toBe(true);
    expect(reasonNeeded(1, null)).toBe(true);
    expect(reasonNeeded(null, 1)).toBe(false);
  });

  it('counts what is left to do for the caller', () => {
    const scores = new Map([['1.1.1', score('1.1.1', { self: 1, round1: 1 })]]);
    expect(progressOf(appraising, items, scores)).toEqual({ kind: 'round1', done: 1, total: 3 });
    expect(todo(appraising, item('1.2'), undefined)).toBe(true);
    expect(todo(appraising, item('2.1'), undefined)).toBe(false);
    const unit = assessment();
    expect(progressOf(unit, items, new Map([['1.2', score('1.2', { self: 1 })]]))).toEqual({
      kind: 'self',
      done: 1,
      total: 2,
    });
    expect(todo(unit, item('1.1.2'), undefined)).toBe(false);
  });

  it('shows the columns of the stages reached', () => {
    expect(visibleColumns(assessment())).toEqual({ round1: false, explanation: false, round2: false });
    expect(visibleColumns(appraising)).toEqual({ round1: true, explanation: false, round2: false });
    const explaining = assessment({
      campaign: { stage: 'explanation' } as Assessment['campaign'],
      totals: { round1: {}, round2: null } as unknown as Assessment['totals'],
    });
    expect(visibleColumns(explaining)).toEqual({ round1: true, explanation: true, round2: false });
  });
});

describe('a pasted link', () => {
  const id = '0b6f1c2e-8d2a-4c1e-9a57-3f0d3c1b2a44';
  it('names the record of a chidao page, or takes a bare id', () => {
    expect(pastedRecord(`https://chidao.example.vn/plans/${id}`)).toEqual({ kind: 'plan', id });
    expect(pastedRecord(`/inspections/${id}/conclusion`)).toEqual({ kind: 'inspection', id });
    expect(pastedRecord(`http://x/reports/${id.toUpperCase()}?tab=1`)).toEqual({ kind: 'report', id });
    expect(pastedRecord(` ${id} `)).toEqual({ kind: null, id });
    expect(pastedRecord('https://example.vn/plans/123')).toBeNull();
    expect(isWebAddress('https://dichvucong.gov.vn/p/home')).toBe(true);
    expect(isWebAddress('ftp://x')).toBe(false);
    expect(isWebAddress('không phải địa chỉ')).toBe(false);
  });
});
