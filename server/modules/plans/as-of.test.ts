import { describe, expect, it } from 'vitest';
import {
  isStatusEvent,
  monthEnds,
  orderEvents,
  stateOn,
  taskAsOf,
  timelineOf,
  type HistoryEvent,
  type TaskHistory,
} from './as-of.js';

const ev = (
  action: string,
  on: string,
  fromStatus: string | null,
  toStatus: string | null,
  extra: Partial<HistoryEvent> = {},
): HistoryEvent => ({ action, on, fromStatus, toStatus, at: `${on}T09:00:00+07:00`, ...extra });

const task = (over: Partial<TaskHistory> = {}): TaskHistory => ({
  id: 't1',
  status: 'not_started',
  createdOn: '2024-01-10',
  updatedOn: null,
  startDate: null,
  dueDate: '2024-06-28',
  originalDueDate: '2024-06-28',
  reportedOn: null,
  verifiedOn: null,
  events: [],
  ...over,
});

/** A task reported on 10/5, returned on 15/5, re-reported 3/6, verified 10/6 (2024). */
const returnedThenVerified = () =>
  task({
    status: 'verified',
    reportedOn: '2024-06-03',
    verifiedOn: '2024-06-10',
    events: [
      ev('start', '2024-02-01', 'not_started', 'in_progress'),
      ev('report_done', '2024-05-10', 'in_progress', 'reported_done'),
      ev('progress', '2024-05-12', null, null),
      ev('return', '2024-05-15', 'reported_done', 'returned'),
      ev('report_done', '2024-06-03', 'returned', 'reported_done'),
      ev('verify', '2024-06-10', 'reported_done', 'verified'),
    ],
  });

describe('existence: a task counts from the day it was recorded, its start date or its first event', () => {
  it('is absent (null) before the day it was recorded', () => {
    expect(taskAsOf(task(), '2024-01-09')).toBeNull();
    expect(taskAsOf(task(), '2024-01-10')).toMatchObject({ status: 'not_started' });
  });

  it('counts from an earlier start date (a plan recorded after its tasks began)', () => {
    const t = task({ createdOn: '2025-03-01', startDate: '2024-01-15' });
    expect(taskAsOf(t, '2024-01-14')).toBeNull();
    expect(taskAsOf(t, '2024-01-15')).toMatchObject({ status: 'not_started' });
  });

  it('counts from an earlier first event (a history imported later)', () => {
    const t = task({
      createdOn: '2025-03-01',
      status: 'in_progress',
      events: [ev('start', '2024-03-04', 'not_started', 'in_progress')],
    });
    expect(timelineOf(t).since).toBe('2024-03-04');
    expect(taskAsOf(t, '2024-03-03')).toBeNull();
    expect(taskAsOf(t, '2024-03-04')).toMatchObject({ status: 'in_progress' });
  });

  it('without events, counts from a recorded report or verification date', () => {
    const t = task({
      createdOn: '2025-03-01',
      status: 'verified',
      reportedOn: '2024-05-02',
      verifiedOn: '2024-05-06',
    });
    expect(taskAsOf(t, '2024-05-01')).toBeNull();
    expect(taskAsOf(t, '2024-05-02')).toMatchObject({ status: 'verified', reportedOn: '2024-05-02' });
  });
});

describe('status on a date, from the status events', () => {
  it('starts in the first event’s fromStatus, then follows each toStatus from the event’s day on', () => {
    const t = returnedThenVerified();
    expect(taskAsOf(t, '2024-01-31')).toMatchObject({ status: 'not_started', reportedOn: null });
    expect(taskAsOf(t, '2024-02-01')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-05-09')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-05-10')).toMatchObject({ status: 'reported_done', reportedOn: '2024-05-10' });
  });

  it('after a return: returned, and the returned report no longer counts (reportedOn cleared)', () => {
    const t = returnedThenVerified();
    expect(taskAsOf(t, '2024-05-15')).toEqual({
      status: 'returned',
      dueDate: '2024-06-28',
      reportedOn: null,
      verifiedOn: null,
      extended: false,
    });
    expect(taskAsOf(t, '2024-06-02')).toMatchObject({ status: 'returned' });
  });

  it('after verification: verified, measured against the report that got verified', () => {
    const t = returnedThenVerified();
    expect(taskAsOf(t, '2024-06-09')).toMatchObject({ status: 'reported_done', reportedOn: '2024-06-03' });
    expect(taskAsOf(t, '2024-06-10')).toEqual({
      status: 'verified',
      dueDate: '2024-06-28',
      reportedOn: '2024-06-03',
      verifiedOn: '2024-06-10',
      extended: false,
    });
    expect(taskAsOf(t, '2030-01-01')).toMatchObject({ status: 'verified', verifiedOn: '2024-06-10' });
  });

  it('a withdrawn report returns the task to in progress', () => {
    const t = task({
      status: 'in_progress',
      events: [
        ev('report_done', '2024-04-01', 'not_started', 'reported_done'),
        ev('withdraw_report', '2024-04-03', 'reported_done', 'in_progress'),
      ],
    });
    expect(taskAsOf(t, '2024-04-02')).toMatchObject({ status: 'reported_done', reportedOn: '2024-04-01' });
    expect(taskAsOf(t, '2024-04-03')).toMatchObject({ status: 'in_progress', reportedOn: null });
  });

  it('a reopened task is no longer verified from the reopening on', () => {
    const t = task({
      status: 'in_progress',
      events: [
        ev('report_done', '2024-04-01', 'in_progress', 'reported_done'),
        ev('verify', '2024-04-05', 'reported_done', 'verified'),
        ev('reopen', '2024-09-02', 'verified', 'in_progress'),
      ],
    });
    expect(taskAsOf(t, '2024-03-01')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-08-31')).toMatchObject({ status: 'verified', verifiedOn: '2024-04-05' });
    expect(taskAsOf(t, '2024-09-02')).toMatchObject({
      status: 'in_progress',
      reportedOn: null,
      verifiedOn: null,
    });
  });

  it('a cancelled task is cancelled from the day of the decision', () => {
    const t = task({
      status: 'cancelled',
      events: [ev('cancel', '2024-07-01', 'in_progress', 'cancelled')],
    });
    expect(taskAsOf(t, '2024-06-30')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-07-01')).toMatchObject({ status: 'cancelled' });
  });

  it('progress updates and approvals change nothing', () => {
    const t = task({
      status: 'not_started',
      events: [
        ev('progress', '2024-02-01', null, null, { newDueDate: '2030-01-01' }),
        ev('approve_progress', '2024-02-02', null, null),
      ],
    });
    expect(isStatusEvent({ action: 'progress', toStatus: null })).toBe(false);
    expect(timelineOf(t).steps).toEqual([]);
    expect(taskAsOf(t, '2024-12-31')).toMatchObject({ status: 'not_started', dueDate: '2024-06-28' });
  });

  it('"as of D" is the end of day D: every event of D has applied', () => {
    const t = task({
      status: 'returned',
      events: [
        ev('report_done', '2024-05-10', 'in_progress', 'reported_done', { at: '2024-05-10T08:00:00Z' }),
        ev('return', '2024-05-10', 'reported_done', 'returned', { at: '2024-05-10T09:00:00Z' }),
      ],
    });
    expect(taskAsOf(t, '2024-05-10')).toMatchObject({ status: 'returned' });
    expect(timelineOf(t).steps).toHaveLength(1);
  });
});

describe('ordering of events', () => {
  it('orders by day, then instant, whatever the input order', () => {
    const a = ev('verify', '2024-03-02', 'reported_done', 'verified', { at: '2024-03-02T01:00:00Z' });
    const b = ev('report_done', '2024-03-01', 'in_progress', 'reported_done');
    const c = ev('reopen', '2024-03-02', 'verified', 'in_progress', { at: '2024-03-02T05:00:00Z' });
    expect(orderEvents([c, a, b])).toEqual([b, a, c]);
    const t = task({ status: 'in_progress', events: [c, a, b] });
    expect(taskAsOf(t, '2024-03-02')).toMatchObject({ status: 'in_progress' });
  });

  it('events of one instant (a batch import) apply in workflow order: report, return, report, verify', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    const t = task({
      status: 'verified',
      reportedOn: '2024-05-10',
      verifiedOn: '2024-05-10',
      events: [
        ev('verify', '2024-05-10', 'reported_done', 'verified', { at }),
        ev('report_done', '2024-05-10', 'in_progress', 'reported_done', { at }),
        ev('return', '2024-05-10', 'reported_done', 'returned', { at }),
        ev('report_done', '2024-05-10', 'in_progress', 'reported_done', { at }),
      ],
    });
    expect(taskAsOf(t, '2024-05-09')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-05-10')).toMatchObject({ status: 'verified', reportedOn: '2024-05-10' });
  });

  it('drops progress events from the ordered list', () => {
    expect(orderEvents([ev('progress', '2024-01-01', null, null)])).toEqual([]);
  });
});

describe('due date as of a date: an extension changes it from its own day on', () => {
  it('before the extension the adopted due date, after it the new one', () => {
    const t = task({
      status: 'in_progress',
      dueDate: '2024-09-30',
      originalDueDate: '2024-06-28',
      events: [
        ev('start', '2024-02-01', 'not_started', 'in_progress'),
        ev('extend', '2024-06-20', 'in_progress', 'in_progress', { newDueDate: '2024-09-30' }),
      ],
    });
    expect(taskAsOf(t, '2024-06-19')).toMatchObject({ dueDate: '2024-06-28', extended: false });
    expect(taskAsOf(t, '2024-06-20')).toMatchObject({ dueDate: '2024-09-30', extended: true });
  });

  it('the last extension without a recorded date set today’s due date', () => {
    const t = task({
      status: 'in_progress',
      dueDate: '2024-09-30',
      originalDueDate: '2024-06-28',
      events: [ev('extend', '2024-06-20', 'in_progress', 'in_progress')],
    });
    expect(taskAsOf(t, '2024-06-19')).toMatchObject({ status: 'in_progress', dueDate: '2024-06-28' });
    expect(taskAsOf(t, '2024-06-20')).toMatchObject({ dueDate: '2024-09-30' });
  });

  it('two extensions: each date from its own day (dates from the journal)', () => {
    const t = task({
      status: 'in_progress',
      dueDate: '2024-12-15',
      originalDueDate: '2024-06-28',
      events: [
        ev('extend', '2024-06-20', 'in_progress', 'in_progress', { newDueDate: '2024-09-30' }),
        ev('extend', '2024-09-25', 'in_progress', 'in_progress', { newDueDate: '2024-12-15' }),
      ],
    });
    expect(taskAsOf(t, '2024-06-01')!.dueDate).toBe('2024-06-28');
    expect(taskAsOf(t, '2024-07-01')!.dueDate).toBe('2024-09-30');
    expect(taskAsOf(t, '2024-10-01')!.dueDate).toBe('2024-12-15');
  });

  it('two extensions, dates unknown: the earlier changes nothing, the last sets today’s date', () => {
    const t = task({
      status: 'in_progress',
      dueDate: '2024-12-15',
      originalDueDate: '2024-06-28',
      events: [
        ev('extend', '2024-06-20', 'in_progress', 'in_progress'),
        ev('extend', '2024-09-25', 'in_progress', 'in_progress'),
      ],
    });
    expect(taskAsOf(t, '2024-07-01')!.dueDate).toBe('2024-06-28');
    expect(taskAsOf(t, '2024-10-01')!.dueDate).toBe('2024-12-15');
  });

  it('without an extension the current due date holds throughout', () => {
    const t = task({ dueDate: '2024-07-31', originalDueDate: '2024-06-28' });
    expect(taskAsOf(t, '2024-02-01')).toMatchObject({ dueDate: '2024-07-31', extended: true });
  });

  it('without an adopted date, the current one stands before the extension', () => {
    const t = task({
      status: 'in_progress',
      dueDate: '2024-09-30',
      originalDueDate: null,
      events: [ev('extend', '2024-06-20', 'in_progress', 'in_progress', { newDueDate: '2024-09-30' })],
    });
    expect(taskAsOf(t, '2024-06-01')!.dueDate).toBe('2024-09-30');
  });
});

describe('tasks without history', () => {
  it('keep their current status all along', () => {
    const t = task({ status: 'in_progress', createdOn: '2025-01-01', startDate: '2024-01-15' });
    expect(taskAsOf(t, '2024-03-01')).toMatchObject({ status: 'in_progress' });
  });

  it('a dated report and verification count only from their dates', () => {
    const t = task({ status: 'verified', reportedOn: '2024-05-02', verifiedOn: '2024-05-06' });
    expect(taskAsOf(t, '2024-05-01')).toMatchObject({ status: 'in_progress', reportedOn: null });
    expect(taskAsOf(t, '2024-05-03')).toMatchObject({
      status: 'reported_done',
      reportedOn: '2024-05-02',
      verifiedOn: null,
    });
    expect(taskAsOf(t, '2024-05-06')).toMatchObject({ status: 'verified', verifiedOn: '2024-05-06' });
  });

  it('a verified task with only a verification date counts as reported that day', () => {
    const t = task({ status: 'verified', verifiedOn: '2024-05-06' });
    expect(taskAsOf(t, '2024-05-05')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-05-06')).toMatchObject({
      status: 'verified',
      reportedOn: '2024-05-06',
      verifiedOn: '2024-05-06',
    });
  });
});

describe('reconciliation with today’s row', () => {
  it('a status the events do not explain holds from the row’s last change', () => {
    const t = task({
      status: 'cancelled',
      updatedOn: '2024-08-01',
      events: [ev('start', '2024-02-01', 'not_started', 'in_progress')],
    });
    expect(taskAsOf(t, '2024-07-31')).toMatchObject({ status: 'in_progress' });
    expect(taskAsOf(t, '2024-08-01')).toMatchObject({ status: 'cancelled' });
  });

  it('as of the last day, the state is always the row’s', () => {
    const t = task({
      status: 'verified',
      reportedOn: '2024-03-01',
      verifiedOn: '2024-03-02',
      updatedOn: '2024-03-02',
      events: [ev('report_done', '2024-03-01', 'in_progress', 'reported_done')],
    });
    expect(taskAsOf(t, '2024-03-02')).toMatchObject({ status: 'verified', verifiedOn: '2024-03-02' });
  });
});

describe('inputs', () => {
  it('refuses malformed dates and statuses', () => {
    expect(() => taskAsOf(task(), '1/2/2024')).toThrow(RangeError);
    expect(() => timelineOf(task({ dueDate: '2024-6-1' }))).toThrow(RangeError);
    expect(() => timelineOf(task({ events: [ev('start', '20240101', null, 'in_progress')] }))).toThrow(
      RangeError,
    );
    expect(() => timelineOf(task({ status: 'overdue' as never }))).toThrow(RangeError);
  });

  it('stateOn reuses one timeline for many dates', () => {
    const tl = timelineOf(returnedThenVerified());
    expect(['2024-01-20', '2024-05-31', '2024-06-30'].map((d) => stateOn(tl, d)?.status)).toEqual([
      'not_started',
      'returned',
      'verified',
    ]);
  });
});

describe('monthEnds', () => {
  it('a past year: the twelve month ends (29/2 in a leap year)', () => {
    const m = monthEnds(2024, '2026-05-01');
    expect(m).toHaveLength(12);
    expect(m[1]).toEqual({ month: '2024-02', end: '2024-02-29', on: '2024-02-29' });
    expect(m[11]!.end).toBe('2024-12-31');
  });

  it('the current year stops at the as-of month, evaluated on the as-of day', () => {
    expect(monthEnds(2026, '2026-03-10')).toEqual([
      { month: '2026-01', end: '2026-01-31', on: '2026-01-31' },
      { month: '2026-02', end: '2026-02-28', on: '2026-02-28' },
      { month: '2026-03', end: '2026-03-31', on: '2026-03-10' },
    ]);
  });

  it('a future year has no points yet', () => {
    expect(monthEnds(2027, '2026-03-10')).toEqual([]);
  });
});
