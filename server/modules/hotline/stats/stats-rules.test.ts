import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { DEFAULT_HOTLINE_SLA } from '../rules/sla.js';
import {
  caseAsOf,
  countedIds,
  countsOf,
  figuresOf,
  groupCases,
  monthWindows,
  onTimeOf,
  type StatsCase,
  type StatusStep,
  type StoredCase,
} from './stats-rules.js';
import { groupLabel, statsFileName, viDate } from './stats-workbook.js';

const calendar = createCalendar();
const context = (asOf: string) => ({ rules: DEFAULT_HOTLINE_SLA, calendar, asOf });
const Q4 = { from: '2026-10-01', to: '2026-12-31' };

const stored = (id: string, s: Partial<StoredCase>): StoredCase => ({
  id,
  channel: 'web',
  categoryId: 'cat',
  handlingUnitId: 'u1',
  receivedOn: '2026-11-02',
  status: 'assigned',
  classification: 'within_authority',
  triageDueDate: '2026-11-04',
  dueDate: '2026-11-16',
  publishedOn: null,
  closedOn: null,
  satisfaction: null,
  ratedOn: null,
  changedAfter: false,
  ...s,
});

const step = (on: string, fromStatus: string | null, toStatus: string): StatusStep => ({
  on,
  fromStatus,
  toStatus,
});

describe('caseAsOf: a case as it stood on the as-of day', () => {
  const published = stored('p', {
    status: 'published',
    publishedOn: '2026-11-13',
    closedOn: '2026-11-13',
    satisfaction: 'not_satisfied',
    ratedOn: '2026-11-20',
    changedAfter: true,
  });
  const steps = [
    step('2026-11-02', null, 'received'),
    step('2026-11-03', 'received', 'assigned'),
    step('2026-11-12', 'assigned', 'answered'),
    step('2026-11-13', 'answered', 'published'),
    step('2026-11-20', 'published', 'published'),
  ];

  it('is not there before it was received', () => {
    expect(caseAsOf(published, steps, '2026-11-01')).toBeNull();
  });

  it('a case untouched since is what it is now', () => {
    const c = caseAsOf({ ...published, changedAfter: false }, [], '2026-11-25')!;
    expect(c).toMatchObject({ status: 'published', answeredOn: '2026-11-13', rating: 'not_satisfied' });
  });

  it('walks the steps taken by the as-of day (status, closing day, deadline, rating)', () => {
    expect(caseAsOf(published, steps, '2026-11-02')).toMatchObject({
      status: 'received',
      classification: null,
      handlingUnitId: null,
      dueDate: '2026-11-04',
      answeredOn: null,
    });
    expect(caseAsOf(published, steps, '2026-11-12')).toMatchObject({
      status: 'answered',
      handlingUnitId: 'u1',
      dueDate: '2026-11-16',
      answeredOn: null,
      rating: null,
    });
    // Published on 13/11, rated only on 20/11.
    expect(caseAsOf(published, steps, '2026-11-15')).toMatchObject({
      status: 'published',
      answeredOn: '2026-11-13',
      rating: null,
    });
    expect(caseAsOf(published, steps, '2026-11-20')!.rating).toBe('not_satisfied');
  });

  it('on one day, the receipt comes before a step noted earlier that day (a duplicate merged at once)', () => {
    const merged = stored('m', {
      status: 'merged',
      classification: null,
      handlingUnitId: null,
      dueDate: null,
      closedOn: '2026-11-26',
      changedAfter: true,
    });
    const c = caseAsOf(
      merged,
      [step('2026-11-26', 'received', 'merged'), step('2026-11-26', null, 'received')],
      '2026-11-30',
    )!;
    expect(c).toMatchObject({ status: 'merged', answeredOn: '2026-11-26', dueDate: '2026-11-04' });
  });

  it('a case with no steps recorded keeps its stored state', () => {
    expect(caseAsOf(stored('x', { changedAfter: true }), [], '2026-11-10')!.status).toBe('assigned');
  });
});

/** A case as the figures see it. */
const fact = (id: string, f: Partial<StatsCase>): StatsCase => ({
  id,
  channel: 'web',
  categoryId: 'cat',
  handlingUnitId: 'u1',
  receivedOn: '2026-11-02',
  status: 'assigned',
  classification: 'within_authority',
  dueDate: '2026-11-16',
  answeredOn: null,
  rating: null,
  ...f,
});

const FACTS: StatsCase[] = [
  // Published on time (due Mon 16/11, published Fri 13/11), rated satisfied.
  fact('ontime', { status: 'published', answeredOn: '2026-11-13', rating: 'satisfied' }),
  // Published late, rated satisfied: still out of the satisfaction numerator (late).
  fact('late', { status: 'published', answeredOn: '2026-11-17', rating: 'satisfied', channel: 'phone' }),
  // Published on time, rated not satisfied.
  fact('unhappy', {
    status: 'published',
    answeredOn: '2026-11-16',
    rating: 'not_satisfied',
    handlingUnitId: 'u2',
  }),
  // Published on time, not rated; received in September (before the period).
  fact('unrated', {
    receivedOn: '2026-09-28',
    dueDate: '2026-10-12',
    status: 'published',
    answeredOn: '2026-10-09',
  }),
  // Open and overdue (due 16/11).
  fact('overdue', {}),
  // Open, received in September, overdue since: in the stock, not in `received`.
  fact('backlog', { receivedOn: '2026-09-01', dueDate: '2026-09-15', handlingUnitId: 'u2' }),
  // In triage, still within its triage deadline on 20/11.
  fact('triage', {
    receivedOn: '2026-11-19',
    status: 'received',
    classification: null,
    handlingUnitId: null,
    dueDate: '2026-11-23',
  }),
  // Refused, forwarded, merged: received, closed, never in the rates.
  fact('refused', {
    status: 'not_accepted',
    classification: 'not_accepted',
    handlingUnitId: null,
    dueDate: '2026-11-04',
    answeredOn: '2026-11-03',
  }),
  fact('forwarded', {
    status: 'forwarded',
    classification: 'outside_authority',
    handlingUnitId: null,
    dueDate: '2026-11-04',
    answeredOn: '2026-11-04',
  }),
  fact('merged', {
    status: 'merged',
    classification: null,
    handlingUnitId: null,
    dueDate: '2026-11-04',
    answeredOn: '2026-11-02',
  }),
  // Received after the as-of day: not known yet.
  fact('later', { receivedOn: '2026-11-25' }),
];

describe('figuresOf: the period’s figures with their cases', () => {
  const f = figuresOf(FACTS, Q4, context('2026-11-20'));

  it('splits the cases received in the period by where they stood (adding up to received)', () => {
    expect(f.ids.received.sort()).toEqual(
      ['forwarded', 'late', 'merged', 'ontime', 'overdue', 'refused', 'triage', 'unhappy'].sort(),
    );
    const c = countsOf(f);
    expect(c).toMatchObject({
      received: 8,
      inTriage: 1,
      inProgress: 1,
      published: 3,
      notAccepted: 1,
      forwarded: 1,
      merged: 1,
    });
    expect(c.inTriage + c.inProgress + c.published + c.notAccepted + c.forwarded + c.merged).toBe(c.received);
  });

  it('counts the answers published in the period with the QĐ 766 formulas', () => {
    expect(f.ids.answered.sort()).toEqual(['late', 'ontime', 'unhappy', 'unrated']);
    expect(f.ids.onTime.sort()).toEqual(['ontime', 'unhappy', 'unrated']);
    expect(f.ids.late).toEqual(['late']);
    expect(f.ids.satisfied.sort()).toEqual(['late', 'ontime']);
    expect(f.ids.notSatisfied).toEqual(['unhappy']);
    expect(f.ids.notRated).toEqual(['unrated']);
    expect(f.ids.satisfactionNumerator.sort()).toEqual(['ontime', 'unrated']);
    expect(countsOf(f).onTimeRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(countsOf(f).satisfactionRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('lists the open cases past their deadline on the stock day, whenever received', () => {
    expect(f.ids.overdue.sort()).toEqual(['backlog', 'overdue']);
    // As of 13/11, "overdue" (due 16/11) was not yet late.
    expect(figuresOf(FACTS, Q4, context('2026-11-13')).ids.overdue).toEqual(['backlog']);
  });

  it('averages the working days from receipt to the published answer', () => {
    // ontime 2/11→13/11: 9; late →17/11: 11; unhappy →16/11: 10; unrated 28/9→9/10: 9.
    expect(f.avgWorkingDays).toBe((9 + 11 + 10 + 9) / 4);
  });

  it('gives null rates and no average when nothing was answered', () => {
    const none = countsOf(figuresOf([fact('open', {})], Q4, context('2026-11-03')));
    expect(none.onTimeRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(none.satisfactionRate.value).toBeNull();
    expect(none.avgWorkingDays).toBeNull();
  });

  it('names every case counted once, and whether each answer was on time', () => {
    expect(countedIds(f).sort()).toEqual(
      [
        'backlog',
        'forwarded',
        'late',
        'merged',
        'ontime',
        'overdue',
        'refused',
        'triage',
        'unhappy',
        'unrated',
      ].sort(),
    );
    const onTime = onTimeOf(f);
    expect([onTime('ontime'), onTime('late'), onTime('overdue')]).toEqual([true, false, null]);
  });
});

describe('groupCases', () => {
  it('puts a case in each of its groups once, and keeps the ungrouped under null', () => {
    const by = groupCases(FACTS, (c) => (c.handlingUnitId ? [c.handlingUnitId, c.handlingUnitId] : [null]));
    expect([...by.keys()].sort()).toEqual([null, 'u1', 'u2'].sort());
    expect(
      by
        .get('u2')!
        .map((c) => c.id)
        .sort(),
    ).toEqual(['backlog', 'unhappy']);
    const shared = groupCases([fact('a', {})], () => ['x', 'y']);
    expect([shared.get('x')!.length, shared.get('y')!.length]).toEqual([1, 1]);
  });
});

describe('monthWindows', () => {
  it('clips the months to the period and stops at the as-of month', () => {
    expect(monthWindows({ from: '2026-10-15', to: '2027-02-10' }, '2027-03-01')).toEqual([
      { key: '2026-10', from: '2026-10-15', to: '2026-10-31' },
      { key: '2026-11', from: '2026-11-01', to: '2026-11-30' },
      { key: '2026-12', from: '2026-12-01', to: '2026-12-31' },
      { key: '2027-01', from: '2027-01-01', to: '2027-01-31' },
      { key: '2027-02', from: '2027-02-01', to: '2027-02-10' },
    ]);
    expect(monthWindows({ from: '2026-01-01', to: '2026-12-31' }, '2026-02-28').map((w) => w.key)).toEqual([
      '2026-01',
      '2026-02',
    ]);
    expect(monthWindows({ from: '2028-02-01', to: '2028-02-29' }, '2028-03-01')[0]!.to).toBe('2028-02-29');
    expect(monthWindows({ from: '2026-05-01', to: '2026-05-31' }, '2026-04-30')).toEqual([]);
  });
});

describe('the workbook’s words', () => {
  it('writes dates dd/mm/yyyy and names groups in Vietnamese', () => {
    expect(viDate('2026-11-04')).toBe('04/11/2026');
    expect(viDate(null)).toBe('');
    expect(statsFileName({ from: '2026-01-01', to: '2026-12-31' })).toBe(
      'Thống kê phản ánh 01-01-2026 đến 31-12-2026.xlsx',
    );
    expect(groupLabel({ key: '2026-11', name: null, ended: false }, 'month')).toBe('Tháng 11/2026');
    expect(groupLabel({ key: 'national_portal', name: null, ended: false }, 'channel')).toBe(
      'Cổng Dịch vụ công quốc gia',
    );
    expect(groupLabel({ key: 'u', name: { vi: 'Huyện Diễn Châu', en: '' }, ended: true }, 'unit')).toBe(
      'Huyện Diễn Châu (đã kết thúc)',
    );
    expect(groupLabel({ key: null, name: null, ended: false }, 'unit')).toMatch(/^Chưa giao đơn vị/);
  });
});
