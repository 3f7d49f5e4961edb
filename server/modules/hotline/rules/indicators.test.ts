import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { onTimeRate, satisfaction, summarise, type FeedbackFact } from './indicators.js';
import { DEFAULT_HOTLINE_SLA } from './sla.js';

// Tết 2026: off Sat 14/2 – Sun 22/2 (domain notes §6).
const context = { rules: DEFAULT_HOTLINE_SLA, calendar: createCalendar() };
const Q1 = { from: '2026-01-01', to: '2026-03-31' };

type Fact = FeedbackFact & { unitId: string | null };
const fact = (id: string, f: Partial<Fact> & Pick<Fact, 'receivedOn' | 'dueDate'>): Fact => ({
  id,
  classification: 'within_authority',
  answeredOn: null,
  rating: null,
  unitId: 'u1',
  ...f,
});

const FACTS: Fact[] = [
  // Answered before the due date, rated satisfied.
  fact('a', {
    receivedOn: '2026-02-02',
    dueDate: '2026-02-23',
    answeredOn: '2026-02-20',
    rating: 'satisfied',
  }),
  // Due Fri 13/2, answered Sat 14/2 (Tết): counts Mon 23/2 → late.
  fact('b', { receivedOn: '2026-02-02', dueDate: '2026-02-13', answeredOn: '2026-02-14', unitId: 'u2' }),
  // About behaviour, answered on the due day, rated not satisfied.
  fact('c', {
    classification: 'behaviour',
    receivedOn: '2026-02-02',
    dueDate: '2026-03-02',
    answeredOn: '2026-03-02',
    rating: 'not_satisfied',
  }),
  // Due Tue 17/2 (Tết) → Mon 23/2; answered then → on time.
  fact('d', {
    receivedOn: '2026-02-03',
    dueDate: '2026-02-17',
    answeredOn: '2026-02-23',
    rating: 'satisfied',
  }),
  // Forwarded and refused: handled, not in the rates.
  fact('e', {
    classification: 'outside_authority',
    receivedOn: '2026-02-02',
    dueDate: '2026-02-09',
    answeredOn: '2026-02-05',
  }),
  fact('f', {
    classification: 'not_accepted',
    receivedOn: '2026-01-08',
    dueDate: '2026-01-12',
    answeredOn: '2026-01-10',
  }),
  // Answered in April, after its due date: open and overdue at the end of Q1.
  fact('g', { receivedOn: '2026-03-02', dueDate: '2026-03-16', answeredOn: '2026-04-02', unitId: null }),
  // Answered in the previous period.
  fact('h', {
    receivedOn: '2025-12-10',
    dueDate: '2025-12-31',
    answeredOn: '2025-12-30',
    rating: 'not_satisfied',
  }),
  // Not yet classified and past its triage deadline (Fri 27/3) on Tue 31/3.
  fact('i', { classification: null, receivedOn: '2026-03-25', dueDate: '2026-03-27', unitId: 'u2' }),
  // Open, not yet due.
  fact('j', { receivedOn: '2026-03-20', dueDate: '2026-04-03' }),
  // Late and rated not satisfied: taken away once.
  fact('k', {
    receivedOn: '2026-02-20',
    dueDate: '2026-03-05',
    answeredOn: '2026-03-10',
    rating: 'not_satisfied',
    unitId: 'u2',
  }),
];

describe('onTimeRate (QĐ 766/QĐ-TTg: handled on time / handled within authority)', () => {
  it('counts the cases within authority answered in the period, on time against the working-day due date', () => {
    expect(onTimeRate(FACTS, Q1, context)).toEqual({
      numerator: 3,
      denominator: 5,
      value: 0.6,
      numeratorIds: ['a', 'c', 'd'],
      denominatorIds: ['a', 'b', 'c', 'd', 'k'],
    });
  });
  it('places a case in the period of its answer', () => {
    expect(onTimeRate(FACTS, { from: '2025-12-01', to: '2025-12-31' }, context)).toMatchObject({
      numeratorIds: ['h'],
      denominatorIds: ['h'],
      value: 1,
    });
    expect(onTimeRate(FACTS, { from: '2026-04-01', to: '2026-04-30' }, context)).toMatchObject({
      numeratorIds: [],
      denominatorIds: ['g'],
      value: 0,
    });
  });
  it('is null, not 0% or 100%, when nothing within authority was answered', () => {
    expect(onTimeRate(FACTS, { from: '2026-01-01', to: '2026-01-31' }, context)).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      numeratorIds: [],
      denominatorIds: [],
    });
    expect(onTimeRate([], Q1, context).value).toBeNull();
  });
  it('refuses a period that ends before it starts', () => {
    expect(() => onTimeRate(FACTS, { from: '2026-03-31', to: '2026-01-01' }, context)).toThrow(RangeError);
  });
});

describe('satisfaction (QĐ 766/QĐ-TTg: (total − not satisfied or overdue) / total)', () => {
  it('takes away the cases rated not satisfied and the late ones, each once', () => {
    expect(satisfaction(FACTS, Q1, context)).toEqual({
      numerator: 2,
      denominator: 5,
      value: 0.4,
      numeratorIds: ['a', 'd'],
      denominatorIds: ['a', 'b', 'c', 'd', 'k'],
    });
  });
  it('counts an unrated case answered on time as not dissatisfied', () => {
    const unrated = [
      fact('x', { receivedOn: '2026-03-02', dueDate: '2026-03-16', answeredOn: '2026-03-03' }),
    ];
    expect(satisfaction(unrated, Q1, context)).toMatchObject({ value: 1, numeratorIds: ['x'] });
  });
  it('is null when nothing within authority was answered', () => {
    expect(
      satisfaction(
        FACTS.filter((f) => f.id === 'e' || f.id === 'f'),
        Q1,
        context,
      ).value,
    ).toBeNull();
  });
});

describe('summarise', () => {
  it("gives the period's figures, each with its cases", () => {
    const { total, groups } = summarise(FACTS, Q1, { ...context, today: '2026-04-15' });
    expect(groups).toEqual([]);
    expect(total.received).toEqual({ value: 10, ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'i', 'j', 'k'] });
    expect(total.handled).toEqual({ value: 7, ids: ['a', 'b', 'c', 'd', 'e', 'f', 'k'] });
    expect(total.onTime).toEqual({ value: 3, ids: ['a', 'c', 'd'] });
    expect(total.late).toEqual({ value: 2, ids: ['b', 'k'] });
    expect(total.overdue).toEqual({ value: 2, ids: ['g', 'i'] });
    expect(total.satisfied).toEqual({ value: 2, ids: ['a', 'd'] });
    expect(total.notSatisfied).toEqual({ value: 2, ids: ['c', 'k'] });
    expect(total.onTimeRate).toEqual(onTimeRate(FACTS, Q1, context));
    expect(total.satisfaction).toEqual(satisfaction(FACTS, Q1, context));
  });
  it('counts overdue as of today while the period is not over', () => {
    const { total } = summarise(FACTS, Q1, { ...context, today: '2026-03-20' });
    expect(total.overdue.ids).toEqual(['g']);
    const early = summarise(FACTS, Q1, { ...context, today: '2026-03-16' });
    expect(early.total.overdue.ids).toEqual([]);
  });
  it('groups by any key, leaving cases without one in the total only', () => {
    const { total, groups } = summarise(FACTS, Q1, {
      ...context,
      today: '2026-04-15',
      groupBy: (f) => f.unitId,
    });
    expect(groups.map((g) => g.key)).toEqual(['u1', 'u2']);
    const [u1, u2] = groups.map((g) => g.summary);
    expect(u1!.received.ids).toEqual(['a', 'c', 'd', 'e', 'f', 'j']);
    expect(u1!.onTimeRate).toMatchObject({
      numeratorIds: ['a', 'c', 'd'],
      denominatorIds: ['a', 'c', 'd'],
      value: 1,
    });
    expect(u2!.received.ids).toEqual(['b', 'i', 'k']);
    expect(u2!.onTimeRate).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(u2!.overdue.ids).toEqual(['i']);
    expect(u2!.satisfaction.value).toBe(0);
    expect(total.overdue.ids).toEqual(['g', 'i']);
  });
  it('groups by classification, or anything computed from a case', () => {
    const { groups } = summarise(FACTS, Q1, {
      ...context,
      today: '2026-04-15',
      groupBy: (f) => f.classification ?? 'unclassified',
    });
    expect(groups.map((g) => [g.key, g.summary.received.value])).toEqual([
      ['behaviour', 1],
      ['not_accepted', 1],
      ['outside_authority', 1],
      ['unclassified', 1],
      ['within_authority', 6],
    ]);
  });
});
