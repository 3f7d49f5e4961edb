import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { taskTiming, type TimingInput, type TimingRule } from './index.js';

const calendar = createCalendar();
const WORKING: TimingRule = { countIn: 'working_days', dueSoonDays: 5 };
const CALENDAR: TimingRule = { countIn: 'calendar_days', dueSoonDays: 5 };

const timing = (input: Partial<TimingInput> & Pick<TimingInput, 'today'>) =>
  taskTiming({ status: 'in_progress', dueDate: '2026-02-13', rule: WORKING, calendar, ...input });

describe('taskTiming over Tết 2026 (off Sat 14/2 – Sun 22/2)', () => {
  it('due Fri 13/2, today Mon 23/2: 1 working day overdue, 10 calendar days', () => {
    expect(timing({ today: '2026-02-23' })).toMatchObject({
      state: 'overdue',
      daysOverdue: 1,
      daysLeft: null,
    });
    expect(timing({ today: '2026-02-23', rule: CALENDAR })).toMatchObject({
      state: 'overdue',
      daysOverdue: 10,
    });
  });
  it('on the due day it is due soon with 0 days left, not overdue', () => {
    expect(timing({ today: '2026-02-13' })).toMatchObject({ state: 'due_soon', daysOverdue: 0, daysLeft: 0 });
  });
  it('the Saturday after a Friday deadline already counts 1 working day overdue (anything done now counts as Monday)', () => {
    expect(timing({ today: '2026-02-14' })).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    expect(timing({ today: '2026-02-22' })).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    expect(timing({ today: '2026-02-24' })).toMatchObject({ state: 'overdue', daysOverdue: 2 });
    expect(timing({ today: '2026-02-14', rule: CALENDAR })).toMatchObject({
      state: 'overdue',
      daysOverdue: 1,
    });
  });
  it('a due date on a day off moves to the next working day (BLDS 2015, Điều 148 khoản 5) under working days only', () => {
    const t = (today: string, rule = WORKING) => timing({ dueDate: '2026-02-17', today, rule });
    expect(t('2026-02-23')).toMatchObject({ state: 'due_soon', daysLeft: 0, effectiveDueDate: '2026-02-23' });
    expect(t('2026-02-24')).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    expect(t('2026-02-23', CALENDAR)).toMatchObject({
      state: 'overdue',
      daysOverdue: 6,
      effectiveDueDate: '2026-02-17',
    });
  });
  it('due soon from the 5th working day before the due date: due Mon 23/2 → from Mon 9/2', () => {
    const t = (today: string, rule = WORKING) => timing({ dueDate: '2026-02-23', today, rule });
    expect(t('2026-02-09')).toMatchObject({
      state: 'due_soon',
      daysLeft: 5,
      dueSoonFrom: '2026-02-09',
      dueSoonThreshold: 5,
    });
    expect(t('2026-02-08')).toMatchObject({ state: 'on_track', daysLeft: 6 });
    expect(t('2026-02-06')).toMatchObject({ state: 'on_track', daysLeft: 6 });
    expect(t('2026-02-20')).toMatchObject({ state: 'due_soon', daysLeft: 1 });
    // Calendar days: 18/2 onwards (5 days before 23/2).
    expect(t('2026-02-17', CALENDAR)).toMatchObject({
      state: 'on_track',
      daysLeft: 6,
      dueSoonFrom: '2026-02-18',
    });
    expect(t('2026-02-18', CALENDAR)).toMatchObject({ state: 'due_soon', daysLeft: 5 });
  });
  it('a make-up Saturday is a working day: due Fri 9/1/2026, today Sat 10/1 → 1, Mon 12/1 → 2', () => {
    expect(timing({ dueDate: '2026-01-09', today: '2026-01-10' })).toMatchObject({
      state: 'overdue',
      daysOverdue: 1,
    });
    expect(timing({ dueDate: '2026-01-09', today: '2026-01-12' })).toMatchObject({
      state: 'overdue',
      daysOverdue: 2,
    });
  });
  it('dueSoonDays 0: due soon on the due day only', () => {
    const rule = { countIn: 'working_days', dueSoonDays: 0 } as const;
    expect(timing({ today: '2026-02-12', rule })).toMatchObject({ state: 'on_track', daysLeft: 1 });
    expect(timing({ today: '2026-02-13', rule })).toMatchObject({ state: 'due_soon', daysLeft: 0 });
  });
});

describe('taskTiming: done tasks', () => {
  const verified = (completedOn: string, rule = WORKING) =>
    timing({ status: 'verified', completedOn, today: '2026-06-01', rule });
  it('done on time when the verified report is dated on or before the due date', () => {
    expect(verified('2026-02-13')).toMatchObject({ state: 'done_on_time', daysOverdue: 0, daysLeft: null });
    expect(verified('2026-01-05')).toMatchObject({ state: 'done_on_time', daysOverdue: 0 });
    expect(verified('2026-02-13', CALENDAR)).toMatchObject({ state: 'done_on_time' });
  });
  it('done late, with the days late: reported Mon 23/2 for Fri 13/2 → 1 working day, 10 calendar days', () => {
    expect(verified('2026-02-23')).toMatchObject({ state: 'done_late', daysOverdue: 1 });
    expect(verified('2026-02-23', CALENDAR)).toMatchObject({ state: 'done_late', daysOverdue: 10 });
  });
  it('a report made during Tết counts from the next working day', () => {
    expect(verified('2026-02-16')).toMatchObject({ state: 'done_late', daysOverdue: 1 });
  });
  it('reported_done stops the clock at the report: the unit is not charged for the verification delay', () => {
    const pending = (completedOn: string, today: string) =>
      timing({ status: 'reported_done', completedOn, today });
    expect(pending('2026-02-12', '2026-03-31')).toMatchObject({ state: 'on_track', daysOverdue: 0 });
    expect(pending('2026-02-24', '2026-02-24')).toMatchObject({ state: 'overdue', daysOverdue: 2 });
    expect(pending('2026-02-24', '2026-03-31')).toMatchObject({ state: 'overdue', daysOverdue: 2 });
  });
  it('a returned task is timed like an open one, from the original due date', () => {
    expect(timing({ status: 'returned', completedOn: '2026-02-12', today: '2026-02-25' })).toMatchObject({
      state: 'overdue',
      daysOverdue: 3,
    });
  });
  it('cancelled tasks are never overdue', () => {
    expect(timing({ status: 'cancelled', today: '2026-12-31' })).toMatchObject({
      state: 'cancelled',
      daysOverdue: 0,
    });
  });
  it('not_started is timed like in_progress', () => {
    expect(timing({ status: 'not_started', today: '2026-02-23' })).toMatchObject({
      state: 'overdue',
      daysOverdue: 1,
    });
  });
});

describe('taskTiming: open-ended tasks and errors', () => {
  it('a task without a due date is never overdue', () => {
    expect(timing({ dueDate: null, today: '2030-01-01' })).toMatchObject({
      state: 'on_track',
      dueSoonFrom: null,
      effectiveDueDate: null,
    });
    expect(
      timing({ dueDate: null, status: 'verified', completedOn: '2026-01-01', today: '2030-01-01' }),
    ).toMatchObject({
      state: 'done_on_time',
    });
  });
  it('calendar days need no calendar; working days do', () => {
    expect(
      taskTiming({ status: 'in_progress', dueDate: '2026-02-13', today: '2026-02-23', rule: CALENDAR })
        .daysOverdue,
    ).toBe(10);
    expect(() =>
      taskTiming({ status: 'in_progress', dueDate: '2026-02-13', today: '2026-02-23', rule: WORKING }),
    ).toThrow(/calendar/);
  });
  it('a verified or reported task needs the date of its report', () => {
    expect(() => timing({ status: 'verified', today: '2026-02-23' })).toThrow(RangeError);
    expect(() => timing({ status: 'reported_done', completedOn: null, today: '2026-02-23' })).toThrow(
      RangeError,
    );
  });
  it('rejects a malformed rule or date', () => {
    expect(() =>
      timing({ today: '2026-02-23', rule: { countIn: 'hours' as never, dueSoonDays: 5 } }),
    ).toThrow(RangeError);
    expect(() => timing({ today: '2026-02-23', rule: { countIn: 'working_days', dueSoonDays: -1 } })).toThrow(
      RangeError,
    );
    expect(() => timing({ today: '2026-02-30' })).toThrow(RangeError);
  });
});
