import { describe, expect, it } from 'vitest';
import type { Framework } from './api';
import {
  draftFrom,
  initialState,
  mismatch,
  n,
  outOfOrder,
  placeProblems,
  reducer,
  renumber,
  rowOrder,
  sumOf,
  toPercent,
  totalsOf,
  updateBody,
  type Action,
  type EditorState,
} from './frameworkModel';

const text = (vi: string, en = '') => ({ vi, en });

/** A small framework: two fields, a criterion with sub-criteria, one scored directly, a computed one, a survey. */
const FRAMEWORK = {
  id: '00000000-0000-4000-8000-000000000001',
  unitGroup: 'department',
  year: 2025,
  number: 2,
  title: 'Bộ tiêu chí 2025',
  titleEn: '',
  status: 'published',
  counts: { fields: 2, criteria: 3, subCriteria: 2 },
  maxPoints: 10,
  surveyPoints: 6,
  unconfirmed: 1,
  computedItems: 1,
  shipped: false,
  basedOn: null,
  usedBy: [],
  latest: true,
  updatedAt: '2025-01-01T00:00:00.000+07:00',
  version: 4,
  abilities: { update: true, publish: false, copy: true },
  tree: {
    fields: [
      {
        code: '1',
        name: text('Chỉ đạo', 'Direction'),
        maxPoints: 4,
        criteria: [
          {
            code: '1.1',
            name: text('Kế hoạch'),
            maxPoints: 3,
            subs: [
              {
                code: '1.1.1',
                name: text('Ban hành kế hoạch'),
                maxPoints: 1,
                method: 'computed',
                source: 'plans.own_plan_issued',
                formula: { type: 'all_or_nothing', min: 1 },
                whenNoData: 'manual',
                confirmed: false,
              },
              {
                code: '1.1.2',
                name: text('Hoàn thành kế hoạch'),
                maxPoints: 2,
                method: 'self',
                guidance: { vi: 'Đối chiếu', en: '' },
                step: 0.5,
              },
            ],
          },
          { code: '1.2', name: text('Báo cáo'), maxPoints: 1, subs: [], method: 'self' },
        ],
      },
      {
        code: '2',
        name: text('Hài lòng'),
        maxPoints: 6,
        criteria: [{ code: '2.1', name: text('Điều tra'), maxPoints: 6, subs: [], method: 'survey' }],
      },
    ],
    bonus: [{ code: 'B1', name: text('Sáng kiến'), cap: 1, step: 0.5 }],
    penalty: [],
    bonusCap: 1,
    penaltyCap: 0,
  },
  gradeBands: [
    { code: 'good', name: text('Tốt', 'Good'), minPercent: 90 },
    { code: 'weak', name: text('Yếu', 'Weak'), minPercent: 0 },
  ],
  rescaleWithoutSurvey: true,
  legalBasis: 'QĐ 1',
  document: null,
  note: '',
} as Framework;

const run = (state: EditorState, ...actions: Action[]) => actions.reduce(reducer, state);

describe('the framework draft', () => {
  it('comes back as the same framework when nothing is edited', () => {
    const body = updateBody(draftFrom(FRAMEWORK), FRAMEWORK.version);
    expect(body.version).toBe(4);
    expect(body.tree).toEqual(FRAMEWORK.tree);
    expect(body.gradeBands).toEqual(FRAMEWORK.gradeBands);
    expect(body).toMatchObject({ title: 'Bộ tiêu chí 2025', rescaleWithoutSurvey: true, documentId: null });
  });

  it('keeps rates as percents without float noise and numbers as typed', () => {
    expect(toPercent(0.57)).toBe(57);
    expect(toPercent(0.9)).toBe(90);
    expect(n('1.5')).toBe(1.5);
    expect(n('')).toBe(0);
    expect(n('1.')).toBe(1);
  });

  it('adds up the maximums and tells a declared one that differs', () => {
    const d = draftFrom(FRAMEWORK);
    const t = totalsOf(d.fields);
    expect(t).toMatchObject({
      scored: 10,
      declared: 10,
      survey: 6,
      computed: 1,
      fields: 2,
      criteria: 3,
      subs: 2,
    });
    expect(sumOf(d.fields[0]!.criteria[0]!.subs)).toBe(3);
    expect(mismatch(3, 3.0004)).toBe(false);
    expect(mismatch('2.5', 3)).toBe(true);
  });
});

describe('the editor reducer', () => {
  it('changes one row and keeps every other row the same object', () => {
    const s0 = initialState(draftFrom(FRAMEWORK));
    const f0 = s0.draft.fields[0]!;
    const c = f0.criteria[0]!;
    const s1 = reducer(s0, {
      type: 'item',
      at: { field: f0.uid, criterion: c.uid, sub: c.subs[1]!.uid },
      patch: { maxPoints: 2.5 },
    });
    expect(s1.dirty).toBe(true);
    expect(s1.draft.fields[1]).toBe(s0.draft.fields[1]);
    expect(s1.draft.fields[0]!.criteria[1]).toBe(f0.criteria[1]);
    expect(s1.draft.fields[0]!.criteria[0]!.subs[0]).toBe(c.subs[0]);
    expect(s1.draft.fields[0]!.criteria[0]!.subs[1]!.maxPoints).toBe(2.5);
    expect(s1.draft.bonus).toBe(s0.draft.bonus);
  });

  it('renumbers codes after adds, moves and removals, and leaves them alone when told', () => {
    const s0 = initialState(draftFrom(FRAMEWORK));
    const f0 = s0.draft.fields[0]!;
    const moved = reducer(s0, {
      type: 'move',
      at: { field: f0.uid, criterion: f0.criteria[1]!.uid },
      by: -1,
    });
    expect(moved.draft.fields[0]!.criteria.map((c) => c.code)).toEqual(['1.1', '1.2']);
    expect(moved.draft.fields[0]!.criteria[1]!.subs.map((s) => s.code)).toEqual(['1.2.1', '1.2.2']);
    expect(moved.draft.fields[0]!.criteria[0]!.name.vi).toBe('Báo cáo');
    // The other field did not change at all.
    expect(moved.draft.fields[1]).toBe(s0.draft.fields[1]);

    const manual = run(s0, { type: 'autoNumber', on: false }, { type: 'move', at: { field: f0.uid }, by: 1 });
    expect(manual.draft.fields.map((f) => f.code)).toEqual(['2', '1']);
    expect(outOfOrder(manual.draft)).toBe(true);
    const renumbered = reducer(manual, { type: 'renumber' });
    expect(renumbered.draft.fields.map((f) => f.code)).toEqual(['1', '2']);
    expect(renumbered.draft.fields[0]!.criteria[0]!.code).toBe('1.1');
    expect(renumber(renumbered.draft)).toBe(renumbered.draft);
  });

  it('adds rows with the next codes; the first sub-criterion takes over the criterion’s scoring', () => {
    const s0 = initialState(draftFrom(FRAMEWORK));
    const f0 = s0.draft.fields[0]!;
    const direct = f0.criteria[1]!;
    const s1 = reducer(s0, { type: 'add', at: { field: f0.uid, criterion: direct.uid } });
    const sub = s1.draft.fields[0]!.criteria[1]!.subs[0]!;
    expect(sub.code).toBe('1.2.1');
    expect(sub.maxPoints).toBe(1);
    expect(sub.method).toBe('self');
    const s2 = run(s1, { type: 'add', at: {} }, { type: 'addAdjustment', kind: 'penalty' });
    expect(s2.draft.fields.map((f) => f.code)).toEqual(['1', '2', '3']);
    expect(s2.draft.fields[2]!.criteria[0]!.code).toBe('3.1');
    expect(s2.draft.penalty.map((p) => p.code)).toEqual(['P1']);
    // Removing the last sub-criterion makes the criterion scored directly again, as that one was.
    const s3 = reducer(s1, {
      type: 'remove',
      at: { field: f0.uid, criterion: direct.uid, sub: sub.uid },
    });
    const back = s3.draft.fields[0]!.criteria[1]!;
    expect(back.subs).toEqual([]);
    expect(back.method).toBe('self');
    expect(updateBody(s3.draft, 4).tree.fields[0]!.criteria[1]).toEqual(
      FRAMEWORK.tree.fields[0]!.criteria[1],
    );
  });

  it('writes a computed item’s formula as rates and leaves out what is empty', () => {
    const s0 = initialState(draftFrom(FRAMEWORK));
    const f0 = s0.draft.fields[0]!;
    const c = f0.criteria[0]!;
    const at = { field: f0.uid, criterion: c.uid, sub: c.subs[0]!.uid };
    const s1 = run(
      s0,
      { type: 'item', at, patch: { formula: { ...c.subs[0]!.formula, type: 'bands' } } },
      {
        type: 'item',
        at,
        patch: {
          formula: {
            ...c.subs[0]!.formula,
            type: 'bands',
            bands: [
              { uid: 'a', min: 100, share: 100 },
              { uid: 'b', min: '90', share: 57 },
            ],
          },
          step: '',
        },
      },
    );
    const sub = updateBody(s1.draft, 4).tree.fields[0]!.criteria[0]!.subs[0]!;
    expect(sub.formula).toEqual({
      type: 'bands',
      bands: [
        { min: 1, share: 1 },
        { min: 0.9, share: 0.57 },
      ],
    });
    expect(sub).not.toHaveProperty('step');
    expect(sub.confirmed).toBe(false);
    const self = updateBody(s1.draft, 4).tree.fields[0]!.criteria[0]!.subs[1]!;
    expect(self).not.toHaveProperty('formula');
    expect(self).not.toHaveProperty('evidence');
  });

  it('clears a row’s problems when the row is edited', () => {
    const s0 = initialState(draftFrom(FRAMEWORK));
    const f0 = s0.draft.fields[0]!;
    const s1 = reducer(s0, {
      type: 'problems',
      problems: new Map([
        [f0.uid, ['x']],
        ['general', ['y']],
      ]),
    });
    const s2 = reducer(s1, { type: 'field', at: { field: f0.uid }, patch: { maxPoints: 5 } });
    expect(s2.problems.has(f0.uid)).toBe(false);
    expect(s2.problems.get('general')).toEqual(['y']);
  });
});

describe('the server’s problems', () => {
  it('are placed on the rows by code, by path and by band, the rest in general', () => {
    const d = draftFrom(FRAMEWORK);
    const placed = placeProblems(d, [
      { field: '1.1', message: 'sum' },
      { field: '1.1.1', message: 'formula' },
      { field: 'B1', message: 'cap' },
      { field: 'gradeBands[1]', message: 'last' },
      { field: 'bonusCap', message: 'bonus cap' },
      { field: 'tree.fields.1.criteria.0.maxPoints', message: 'zod' },
      { field: 'title', message: 'title' },
      { field: 'somewhere', message: 'other' },
    ]);
    const f0 = d.fields[0]!;
    expect(placed.get(f0.criteria[0]!.uid)).toEqual(['sum']);
    expect(placed.get(f0.criteria[0]!.subs[0]!.uid)).toEqual(['formula']);
    expect(placed.get(d.bonus[0]!.uid)).toEqual(['cap']);
    expect(placed.get(d.grades[1]!.uid)).toEqual(['last']);
    expect(placed.get('meta.bonusCap')).toEqual(['bonus cap']);
    expect(placed.get(d.fields[1]!.criteria[0]!.uid)).toEqual(['zod']);
    expect(placed.get('meta.title')).toEqual(['title']);
    expect(placed.get('general')).toEqual(['other']);
    expect(rowOrder(d).indexOf(f0.criteria[0]!.uid)).toBeLessThan(rowOrder(d).indexOf(d.bonus[0]!.uid));
  });
});
