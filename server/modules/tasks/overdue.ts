/**
 * Timing of a task against its due date: done on time or late, overdue, due soon or on track. Overdue is
 * always derived here, never stored or typed in (commissioning issue).
 *
 * Counting, per the plan's rule (data, not code):
 * - `calendar_days`: plain calendar days; a task is overdue from the day after its due date.
 * - `working_days`: the working-day calendar (../calendar). A due date on a day off moves to the next
 *   working day (Bộ luật Dân sự 2015, Điều 148 khoản 5, see ./days.ts). A report made on a day off counts
 *   from the next working day, as a dossier does (Nghị định 61/2018/NĐ-CP, Điều 19, cited by the
 *   calendar module), and so does "today": on the Saturday after a Friday deadline anything done now
 *   counts as Monday, so the task is already 1 working day overdue. Days overdue = working days after the
 *   effective due date up to and including the (effective) completion day or today (`workingDaysBetween`).
 *
 * Example (Tết 2026: off Sat 14/2 – Sun 22/2): due Fri 13/2/2026, today Mon 23/2/2026 → 1 working day
 * overdue, 10 calendar days.
 */
import { addDays, daysBetween, type Calendar, type IsoDate } from '../calendar/index.js';
import { effectiveDue, workingDaysBefore } from './days.js';
import type { TaskStatus } from './task-status.js';

export type TimingRule = {
  countIn: 'working_days' | 'calendar_days';
  /** A task is "due soon" when at most this many days (in `countIn`) remain. */
  dueSoonDays: number;
};

export const DEFAULT_TIMING_RULE: TimingRule = { countIn: 'working_days', dueSoonDays: 5 };

export type TimingState = 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track' | 'cancelled';

export type TimingInput = {
  status: TaskStatus;
  /** Null for an open-ended task ("thực hiện thường xuyên"): never overdue. */
  dueDate: IsoDate | null;
  /**
   * The date of the done report: for `verified`, of the report that got verified (required); for
   * `reported_done`, of the report awaiting verification (required). Ignored otherwise.
   */
  completedOn?: IsoDate | null;
  today: IsoDate;
  /** Required when `rule.countIn` is 'working_days'. */
  calendar?: Calendar;
  rule: TimingRule;
};

export type Timing = {
  state: TimingState;
  /** Days (in `rule.countIn`) the task is or was late: for overdue up to today, for done_late up to the report. */
  daysOverdue: number;
  /** Days (in `rule.countIn`) left until the effective due date for an open task not yet overdue; else null. */
  daysLeft: number | null;
  /** The rule's due-soon threshold in days, echoed for display. */
  dueSoonThreshold: number;
  /** First day on which the task counts as due soon; null without a due date. */
  dueSoonFrom: IsoDate | null;
  /** The due date after moving off a day off (working_days), else the due date itself. */
  effectiveDueDate: IsoDate | null;
};

type Counter = {
  /** The due date the task is measured against. */
  due: (d: IsoDate) => IsoDate;
  /** The day an event on `d` counts on. */
  counted: (d: IsoDate) => IsoDate;
  /** Days after `a` up to and including `b`. */
  between: (a: IsoDate, b: IsoDate) => number;
  /** The day `n` days before `d`. */
  before: (d: IsoDate, n: number) => IsoDate;
};

function counterFor(rule: TimingRule, calendar: Calendar | undefined): Counter {
  if (rule.countIn === 'calendar_days') {
    return { due: (d) => d, counted: (d) => d, between: daysBetween, before: (d, n) => addDays(d, -n) };
  }
  if (!calendar) throw new RangeError('A working-day timing rule needs the working-day calendar');
  return {
    due: (d) => effectiveDue(calendar, d),
    counted: (d) => calendar.addWorkingDays(d, 0),
    between: calendar.workingDaysBetween,
    before: (d, n) => workingDaysBefore(calendar, d, n),
  };
}

function checkRule(rule: TimingRule): void {
  if (rule.countIn !== 'working_days' && rule.countIn !== 'calendar_days')
    throw new RangeError(`Unknown countIn: ${String(rule.countIn)}`);
  if (!Number.isInteger(rule.dueSoonDays) || rule.dueSoonDays < 0)
    throw new RangeError(`dueSoonDays must be a non-negative integer, got ${rule.dueSoonDays}`);
}

/**
 * The timing of one task on `today`.
 * - cancelled → 'cancelled';
 * - verified → 'done_on_time' when the verified report's date (counted as above) is on or before the
 *   effective due date, else 'done_late' with the days late;
 * - reported_done → the clock stops at the report (the unit is not charged for the verification delay):
 *   'overdue' with the days late if the report came late, else 'on_track'; if the report is returned the
 *   clock runs again from the original due date;
 * - open (not_started, in_progress, returned) → 'overdue' after the effective due date, 'due_soon' when at
 *   most `dueSoonDays` remain (the due day itself included), else 'on_track'.
 */
export function taskTiming(input: TimingInput): Timing {
  const { status, dueDate, today, rule } = input;
  checkRule(rule);
  const base = { dueSoonThreshold: rule.dueSoonDays };
  const idle = { daysOverdue: 0, daysLeft: null };
  if (status === 'cancelled')
    return { state: 'cancelled', ...idle, ...base, dueSoonFrom: null, effectiveDueDate: dueDate };
  const done = status === 'verified' || status === 'reported_done';
  if (done && !input.completedOn)
    throw new RangeError(`A ${status} task needs completedOn (the date of its done report)`);
  if (dueDate === null) {
    const state = status === 'verified' ? 'done_on_time' : 'on_track';
    return { state, ...idle, ...base, dueSoonFrom: null, effectiveDueDate: null };
  }

  const count = counterFor(rule, input.calendar);
  const due = count.due(dueDate);
  const timing = { ...base, dueSoonFrom: count.before(due, rule.dueSoonDays), effectiveDueDate: due };

  if (done) {
    const late = Math.max(0, count.between(due, count.counted(input.completedOn as IsoDate)));
    if (status === 'verified')
      return { state: late > 0 ? 'done_late' : 'done_on_time', daysOverdue: late, daysLeft: null, ...timing };
    return { state: late > 0 ? 'overdue' : 'on_track', daysOverdue: late, daysLeft: null, ...timing };
  }

  const late = count.between(due, count.counted(today));
  if (late > 0) return { state: 'overdue', daysOverdue: late, daysLeft: null, ...timing };
  const left = Math.max(0, count.between(today, due));
  return {
    state: left <= rule.dueSoonDays ? 'due_soon' : 'on_track',
    daysOverdue: 0,
    daysLeft: left,
    ...timing,
  };
}

/** The order lists of owed work are read in: overdue first, then due soon, on track, done late, on time, cancelled. */
export const TIMING_ORDER: Readonly<Record<TimingState, number>> = {
  overdue: 0,
  due_soon: 1,
  on_track: 2,
  done_late: 3,
  done_on_time: 4,
  cancelled: 5,
};

/** Most urgent first (`TIMING_ORDER`), then the earliest due date (open-ended last). */
export function byUrgency(
  a: { timing: { state: TimingState } | null; dueDate: IsoDate | null },
  b: { timing: { state: TimingState } | null; dueDate: IsoDate | null },
): number {
  return (
    TIMING_ORDER[a.timing?.state ?? 'on_track'] - TIMING_ORDER[b.timing?.state ?? 'on_track'] ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')
  );
}
