import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import {
  completion,
  computeKpis,
  formatPct,
  kpisByDirectingMember,
  kpisByLeadUnit,
  kpisByReformArea,
  roundPct,
  verifiedTrend,
  type KpiOptions,
  type TaskFact,
  type TaskStatus,
} from './index.js';

const calendar = createCalendar();
const OPTIONS: KpiOptions = {
  method: 'count',
  today: '2026-02-23',
  timingRule: { countIn: 'working_days', dueSoonDays: 5 },
  calendar,
};

/** `verified` verified tasks among `owed` non-cancelled ones, plus `cancelled` cancelled ones. */
function plan(verified: number, owed: number, cancelled = 0): TaskFact[] {
  const facts: TaskFact[] = [];
  for (let i = 0; i < owed; i++)
    facts.push({
      id: `t${i + 1}`,
      status: i < verified ? 'verified' : 'in_progress',
      dueDate: '2026-12-31',
      completedOn: i < verified ? '2026-01-15' : null,
    });
  for (let i = 0; i < cancelled; i++)
    facts.push({ id: `c${i + 1}`, status: 'cancelled', dueDate: '2026-06-30' });
  return facts;
}

describe('completion rate: the seeds’ figures', () => {
  it('31 of 56 verified → 55.36% (cancelled tasks leave the denominator)', () => {
    const k = computeKpis(plan(31, 56, 4), OPTIONS);
    expect(k.total.value).toBe(60);
    expect(k.cancelled.value).toBe(4);
    expect(k.completionPct).toMatchObject({ method: 'count', numerator: 31, denominator: 56 });
    expect(formatPct(k.completionPct.value, 'vi')).toBe('55,36%');
    expect(formatPct(k.completionPct.value, 'en')).toBe('55.36%');
    expect(roundPct(k.completionPct.value as number)).toBe(55.36);
  });
  it('Sơn La: 31 of 75 → 41,33%', () => {
    expect(formatPct(computeKpis(plan(31, 75), OPTIONS).completionPct.value, 'vi')).toBe('41,33%');
  });
  it('Hà Tĩnh: 35 of 63 (and 30 of 54) → 55,56%', () => {
    expect(formatPct(computeKpis(plan(35, 63), OPTIONS).completionPct.value, 'vi')).toBe('55,56%');
    expect(formatPct(completion(plan(30, 54), 'count').value, 'vi')).toBe('55,56%');
  });
  it('the value is unrounded; rounding is for display', () => {
    expect(completion(plan(31, 56), 'count').value).toBeCloseTo(55.357142857, 8);
  });
  it('nothing owed → null, shown as "—"', () => {
    expect(completion(plan(0, 0, 3), 'count').value).toBeNull();
    expect(formatPct(null, 'vi')).toBe('—');
  });
});

describe('completion rate: weighted method', () => {
  const facts: TaskFact[] = [
    { id: 'a', status: 'verified', dueDate: null, completedOn: '2026-01-10', weight: 3 },
    { id: 'b', status: 'in_progress', dueDate: null, weight: 1 },
    { id: 'c', status: 'verified', dueDate: null, completedOn: '2026-01-10', weight: 0.5 },
    { id: 'd', status: 'cancelled', dueDate: null, weight: 10 },
    { id: 'e', status: 'reported_done', dueDate: null, completedOn: '2026-01-10', weight: 2 },
  ];
  it('Σ weight of verified / Σ weight of non-cancelled: 3.5 / 6.5 → 53.85%', () => {
    const c = completion(facts, 'weighted');
    expect(c).toMatchObject({ numerator: 3.5, denominator: 6.5, numeratorTaskIds: ['a', 'c'] });
    expect(c.taskIds).toEqual(['a', 'b', 'c', 'e']);
    expect(formatPct(c.value, 'en')).toBe('53.85%');
    // The same tasks by count: 2 of 4.
    expect(formatPct(completion(facts, 'count').value, 'en')).toBe('50.00%');
  });
  it('a missing or invalid weight is an error under the weighted method only', () => {
    for (const weight of [undefined, null, -1, Number.NaN])
      expect(() => completion([{ id: 'x', status: 'verified', dueDate: null, weight }], 'weighted')).toThrow(
        /x/,
      );
    expect(completion([{ id: 'x', status: 'verified', dueDate: null }], 'count').value).toBe(100);
  });
});

describe('computeKpis', () => {
  const s = (id: string, status: TaskStatus, dueDate: string | null, completedOn?: string): TaskFact => ({
    id,
    status,
    dueDate,
    completedOn,
  });
  const facts = [
    s('ns-late', 'not_started', '2026-02-13'),
    s('ns-ok', 'not_started', '2026-12-31'),
    s('ip-late', 'in_progress', '2026-01-30'),
    s('ip-soon', 'in_progress', '2026-02-25'),
    s('rd-ontime', 'reported_done', '2026-02-13', '2026-02-12'),
    s('rd-late', 'reported_done', '2026-02-13', '2026-02-23'),
    s('ret', 'returned', '2026-02-13', '2026-02-10'),
    s('v-ontime', 'verified', '2026-02-13', '2026-02-13'),
    s('v-late', 'verified', '2026-02-13', '2026-02-23'),
    s('v-open', 'verified', null, '2026-02-01'),
    s('cx', 'cancelled', '2026-01-01'),
  ];
  const k = computeKpis(facts, OPTIONS);

  it('status counts partition the tasks, each with its ids', () => {
    expect(k.total.value).toBe(11);
    expect(k.notStarted).toEqual({ value: 2, taskIds: ['ns-late', 'ns-ok'] });
    expect(k.inProgress).toEqual({ value: 2, taskIds: ['ip-late', 'ip-soon'] });
    expect(k.reportedDone).toEqual({ value: 2, taskIds: ['rd-ontime', 'rd-late'] });
    expect(k.returned).toEqual({ value: 1, taskIds: ['ret'] });
    expect(k.verified).toEqual({ value: 3, taskIds: ['v-ontime', 'v-late', 'v-open'] });
    expect(k.cancelled).toEqual({ value: 1, taskIds: ['cx'] });
    const parts = [k.notStarted, k.inProgress, k.reportedDone, k.returned, k.verified, k.cancelled];
    expect(parts.reduce((n, m) => n + m.value, 0)).toBe(k.total.value);
    expect(parts.flatMap((m) => m.taskIds).sort()).toEqual([...k.total.taskIds].sort());
  });
  it('overdue and verified on time are derived from the dates (a late report awaiting verification counts as overdue)', () => {
    expect(k.overdue).toEqual({ value: 4, taskIds: ['ns-late', 'ip-late', 'rd-late', 'ret'] });
    expect(k.verifiedOnTime).toEqual({ value: 2, taskIds: ['v-ontime', 'v-open'] });
  });
  it('completion: 3 verified of 10 owed', () => {
    expect(k.completionPct).toMatchObject({ numerator: 3, denominator: 10, value: 30 });
    expect(k.completionPct.numeratorTaskIds).toEqual(k.verified.taskIds);
    expect(k.completionPct.taskIds).not.toContain('cx');
  });
  it('rejects duplicate ids', () => {
    expect(() => computeKpis([facts[0] as TaskFact, facts[0] as TaskFact], OPTIONS)).toThrow(/twice/);
  });
});

describe('group-by helpers', () => {
  const facts: TaskFact[] = [
    {
      id: '1',
      status: 'verified',
      dueDate: '2026-03-31',
      completedOn: '2026-03-01',
      reformArea: 'the_che',
      leadUnitId: 'stp',
      directingMemberId: 'm1',
    },
    {
      id: '2',
      status: 'in_progress',
      dueDate: '2026-03-31',
      reformArea: 'the_che',
      leadUnitId: 'snv',
      directingMemberId: 'm1',
    },
    {
      id: '3',
      status: 'verified',
      dueDate: '2026-03-31',
      completedOn: '2026-03-01',
      reformArea: 'tthc',
      leadUnitId: 'stp',
      directingMemberId: null,
    },
    { id: '4', status: 'not_started', dueDate: '2026-03-31', reformArea: 'tthc', leadUnitId: 'snv' },
    {
      id: '5',
      status: 'cancelled',
      dueDate: '2026-03-31',
      reformArea: null,
      leadUnitId: 'stp',
      directingMemberId: 'm2',
    },
  ];
  it('by reform area, sorted by key with the unassigned group last', () => {
    const groups = kpisByReformArea(facts, OPTIONS);
    expect(groups.map((g) => g.key)).toEqual(['the_che', 'tthc', null]);
    expect(groups[0]?.kpis.completionPct.value).toBe(50);
    expect(groups[0]?.kpis.total.taskIds).toEqual(['1', '2']);
    expect(groups[2]?.kpis.completionPct.value).toBeNull();
  });
  it('by lead unit', () => {
    const groups = kpisByLeadUnit(facts, OPTIONS);
    expect(groups.map((g) => [g.key, g.kpis.verified.taskIds, g.kpis.completionPct.value])).toEqual([
      ['snv', [], 0],
      ['stp', ['1', '3'], 100],
    ]);
  });
  it('by directing member (missing and null both mean unassigned)', () => {
    const groups = kpisByDirectingMember(facts, OPTIONS);
    expect(groups.map((g) => [g.key, g.kpis.total.taskIds])).toEqual([
      ['m1', ['1', '2']],
      ['m2', ['5']],
      [null, ['3', '4']],
    ]);
  });
  it('the groups add up to the whole', () => {
    const groups = kpisByLeadUnit(facts, OPTIONS);
    expect(groups.reduce((n, g) => n + g.kpis.total.value, 0)).toBe(facts.length);
  });
});

describe('verifiedTrend: cumulative verified by month-end', () => {
  const facts: TaskFact[] = [
    {
      id: 'a',
      status: 'verified',
      dueDate: null,
      completedOn: '2026-01-20',
      verifiedOn: '2026-01-31',
      weight: 2,
    },
    {
      id: 'b',
      status: 'verified',
      dueDate: null,
      completedOn: '2026-01-28',
      verifiedOn: '2026-02-02',
      weight: 1,
    },
    {
      id: 'c',
      status: 'verified',
      dueDate: null,
      completedOn: '2026-03-10',
      verifiedOn: '2026-03-31',
      weight: 1,
    },
    { id: 'd', status: 'in_progress', dueDate: null, weight: 4 },
    { id: 'x', status: 'cancelled', dueDate: null, weight: 9 },
  ];
  it('counts by verification date, month by month, across the year end', () => {
    const trend = verifiedTrend(facts, { from: '2025-12', to: '2026-04' }, 'count');
    expect(
      trend.map((p) => [
        p.month,
        p.monthEnd,
        p.verifiedInMonth.taskIds,
        p.cumulativeVerified.taskIds,
        p.cumulativePct,
      ]),
    ).toEqual([
      ['2025-12', '2025-12-31', [], [], 0],
      ['2026-01', '2026-01-31', ['a'], ['a'], 25],
      ['2026-02', '2026-02-28', ['b'], ['a', 'b'], 50],
      ['2026-03', '2026-03-31', ['c'], ['a', 'b', 'c'], 75],
      ['2026-04', '2026-04-30', [], ['a', 'b', 'c'], 75],
    ]);
  });
  it('weighted: (2 + 1) / 8 by the end of February', () => {
    const trend = verifiedTrend(facts, { from: '2026-02', to: '2026-02' }, 'weighted');
    expect(trend[0]?.cumulativePct).toBe(37.5);
  });
  it('a leap February ends on the 29th; an inverted range is empty', () => {
    expect(verifiedTrend([], { from: '2028-02', to: '2028-02' }, 'count')[0]?.monthEnd).toBe('2028-02-29');
    expect(verifiedTrend(facts, { from: '2026-05', to: '2026-04' }, 'count')).toEqual([]);
  });
  it('rejects a verified task without verifiedOn, and bad months', () => {
    expect(() =>
      verifiedTrend(
        [{ id: 'z', status: 'verified', dueDate: null }],
        { from: '2026-01', to: '2026-02' },
        'count',
      ),
    ).toThrow(/z/);
    expect(() => verifiedTrend(facts, { from: '2026-1', to: '2026-02' }, 'count')).toThrow(RangeError);
    expect(() => verifiedTrend(facts, { from: '2026-13', to: '2027-02' }, 'count')).toThrow(RangeError);
  });
});

describe('roundPct / formatPct', () => {
  it('rounds half up on the decimal value, not its binary approximation', () => {
    expect(roundPct(1.005)).toBe(1.01);
    expect(roundPct(12.345)).toBe(12.35);
    expect(roundPct(55.555)).toBe(55.56);
    expect(roundPct(41.3333333)).toBe(41.33);
    expect(roundPct(3.125)).toBe(3.13);
    expect(roundPct(1e-9)).toBe(0);
  });
  it('always two decimals; vi uses a decimal comma', () => {
    expect(formatPct(100, 'vi')).toBe('100,00%');
    expect(formatPct(0, 'en')).toBe('0.00%');
    expect(formatPct(7.5, 'vi')).toBe('7,50%');
  });
  it('rejects non-finite values', () => {
    expect(() => roundPct(Number.NaN)).toThrow(RangeError);
    expect(() => formatPct(Number.POSITIVE_INFINITY, 'vi')).toThrow(RangeError);
  });
});
