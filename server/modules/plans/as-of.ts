/**
 * A task as it stood at the end of a past day, rebuilt from its status events (the work engine's `work_events`), never
 * from today's row alone. Pure: no I/O, no clock. The dashboard (./dashboard.service.ts) uses it for its
 * "as of" view and for the trend (one state per month end).
 *
 * Rules:
 * - **Existence.** A task counts from the earliest of: the day it was recorded, its start date, and its
 *   first event (without events: its recorded report or verification date). (Backfilled plans — imports, the demo — record tasks after they began: their history
 *   and start date say since when they were owed.) Before that day it did not exist: `null`.
 * - **Order.** Events apply in the order of their day (`on`), then of their instant (`at`); events of
 *   the same instant (a batch import) in the workflow's order (start, extend, report, withdraw, return,
 *   verify, reopen, cancel). "As of D" is the state at the end of day D: every event of D has applied.
 * - **Status.** Before the first status event the task was in that event's `fromStatus` (else
 *   `not_started`); each event moves it to its `toStatus`. Events without a status (progress updates,
 *   approvals) do not change it. A task without any status event had its current status all along,
 *   except that a done report or a verification with a recorded date counts only from that date
 *   (before it the task was `in_progress`).
 * - **Report and verification dates.** A done report sets `reportedOn` (the date the timing rules
 *   measure: ../tasks/overdue.ts); withdrawing it, a return or a reopening clears it; a verification sets
 *   `verifiedOn` (and `reportedOn` if no report was recorded); a return, withdrawal or reopening clears it.
 * - **Due date.** Until the first extension the due date is the one the plan adopted (`originalDueDate`,
 *   else the current one); an extension sets the due date it decided (`newDueDate`), from its day on.
 *   the events (`work_events`) do not record that date: the caller fills it from the journal when it can; the last
 *   extension without one set today's due date, an earlier one without one changes nothing. Without any
 *   extension event the current due date holds throughout.
 * - **Reconciliation.** The rebuilt history must end where the record is: if the last state differs
 *   from today's row (status, due date), the row's values hold from the row's last change (`updatedOn`)
 *   on, so "as of today" is always today's state.
 */
import { isTaskStatus, type TaskStatus } from '../tasks/index.js';

export type IsoDate = string;

export type HistoryEvent = {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** The day the event counts on (Vietnam time). */
  on: IsoDate;
  /** The instant it was recorded; orders the events of one day. */
  at: Date | string | number;
  /** For an extension: the due date it set, when known. */
  newDueDate?: IsoDate | null;
};

/** What the rebuild needs to know about a task: today's row and its events. */
export type TaskHistory = {
  id: string;
  status: TaskStatus;
  /** The day the task was recorded (created). */
  createdOn: IsoDate;
  /** The day of the row's last change (for the reconciliation). Defaults to `createdOn`. */
  updatedOn?: IsoDate | null;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  originalDueDate: IsoDate | null;
  reportedOn: IsoDate | null;
  verifiedOn: IsoDate | null;
  events: readonly HistoryEvent[];
};

/** The task at the end of a day. */
export type TaskState = {
  status: TaskStatus;
  dueDate: IsoDate | null;
  /** Date of the done report in force (for `reported_done` and `verified`), else null. */
  reportedOn: IsoDate | null;
  verifiedOn: IsoDate | null;
  /** The due date in force differs from the one the plan adopted. */
  extended: boolean;
};

/** A task's states over time: `initial` from `since`, then each step's state from its day on. */
export type Timeline = {
  id: string;
  since: IsoDate;
  initial: TaskState;
  steps: { on: IsoDate; state: TaskState }[];
};

const ACTION_ORDER: Record<string, number> = {
  start: 0,
  extend: 1,
  report_done: 2,
  withdraw_report: 3,
  return: 4,
  verify: 5,
  reopen: 6,
  cancel: 7,
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | null | undefined, what: string): void {
  if (value != null && !ISO.test(value)) throw new RangeError(`${what} must be YYYY-MM-DD, got ${value}`);
}

const instant = (at: Date | string | number): number =>
  at instanceof Date ? at.getTime() : typeof at === 'number' ? at : new Date(at).getTime();

/** Whether an event changes the status or the due date (the ones the rebuild applies). */
export function isStatusEvent(e: Pick<HistoryEvent, 'action' | 'toStatus'>): boolean {
  return e.action === 'extend' || (e.toStatus != null && isTaskStatus(e.toStatus));
}

/** The status events in the order they apply (see the module comment). */
export function orderEvents<E extends HistoryEvent>(events: readonly E[]): E[] {
  return events
    .filter(isStatusEvent)
    .map((e, i) => ({ e, i, t: instant(e.at) }))
    .sort(
      (a, b) =>
        (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : 0) ||
        (a.t !== b.t && Number.isFinite(a.t) && Number.isFinite(b.t) ? a.t - b.t : 0) ||
        (ACTION_ORDER[a.e.action] ?? 9) - (ACTION_ORDER[b.e.action] ?? 9) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}

const minDate = (...dates: (IsoDate | null | undefined)[]): IsoDate =>
  dates.filter((d): d is IsoDate => !!d).reduce((a, b) => (b < a ? b : a));

/** Applies one status event to a state. */
function apply(state: TaskState, e: HistoryEvent, adopted: IsoDate | null): TaskState {
  const next: TaskState = { ...state };
  if (e.toStatus != null && isTaskStatus(e.toStatus)) next.status = e.toStatus;
  switch (e.action) {
    case 'report_done':
      next.reportedOn = e.on;
      next.verifiedOn = null;
      break;
    case 'verify':
      next.verifiedOn = e.on;
      next.reportedOn = state.reportedOn ?? e.on;
      break;
    case 'withdraw_report':
    case 'return':
    case 'reopen':
      next.reportedOn = null;
      next.verifiedOn = null;
      break;
    case 'extend':
      if (e.newDueDate) next.dueDate = e.newDueDate;
      break;
  }
  // A status reached without its usual event (imported histories) keeps the dates coherent.
  if (next.status === 'verified' && !next.verifiedOn) next.verifiedOn = e.on;
  if ((next.status === 'verified' || next.status === 'reported_done') && !next.reportedOn)
    next.reportedOn = e.on;
  if (next.status !== 'verified') next.verifiedOn = null;
  if (next.status !== 'verified' && next.status !== 'reported_done') next.reportedOn = null;
  next.extended = next.dueDate !== adopted;
  return next;
}

/** Rebuilds a task's timeline from its events (see the module comment for the rules). */
export function timelineOf(task: TaskHistory): Timeline {
  checkDate(task.createdOn, 'createdOn');
  checkDate(task.updatedOn, 'updatedOn');
  checkDate(task.startDate, 'startDate');
  checkDate(task.dueDate, 'dueDate');
  checkDate(task.originalDueDate, 'originalDueDate');
  checkDate(task.reportedOn, 'reportedOn');
  checkDate(task.verifiedOn, 'verifiedOn');
  if (!isTaskStatus(task.status)) throw new RangeError(`Unknown status ${String(task.status)}`);
  for (const e of task.events) {
    checkDate(e.on, 'event.on');
    checkDate(e.newDueDate, 'event.newDueDate');
  }
  const events = orderEvents(task.events);
  // Without history, a dated report or verification also shows the task existed by then.
  const since = events.length
    ? minDate(task.createdOn, task.startDate, events[0]!.on)
    : minDate(task.createdOn, task.startDate, task.reportedOn, task.verifiedOn);
  const adopted = task.originalDueDate ?? task.dueDate;
  const initialDue = events.some((e) => e.action === 'extend') ? adopted : task.dueDate;
  const steps: Timeline['steps'] = [];
  const push = (on: IsoDate, state: TaskState) => {
    const last = steps.at(-1);
    if (last && last.on === on) last.state = state;
    else steps.push({ on, state });
  };

  let initial: TaskState;
  let state: TaskState;
  if (events.length === 0) {
    // No history: today's status all along, except a dated report or verification.
    const done = task.status === 'verified' || task.status === 'reported_done';
    const current: TaskState = {
      status: task.status,
      dueDate: task.dueDate,
      reportedOn: done ? (task.reportedOn ?? task.verifiedOn) : null,
      verifiedOn: task.status === 'verified' ? task.verifiedOn : null,
      extended: task.dueDate !== adopted,
    };
    const from = done ? current.reportedOn : null;
    if (done && from && from > since) {
      initial = { ...current, status: 'in_progress', reportedOn: null, verifiedOn: null };
      if (task.status === 'verified' && current.verifiedOn && current.verifiedOn > from) {
        push(from, { ...current, status: 'reported_done', verifiedOn: null });
        push(current.verifiedOn, current);
      } else push(from, current);
    } else initial = current;
    state = current;
  } else {
    const first = events[0]!;
    const before =
      first.fromStatus != null && isTaskStatus(first.fromStatus) ? first.fromStatus : 'not_started';
    initial = {
      status: before,
      dueDate: initialDue,
      reportedOn: null,
      verifiedOn: null,
      extended: initialDue !== adopted,
    };
    state = initial;
    const extendsWithoutDate = events.filter((e) => e.action === 'extend' && !e.newDueDate);
    for (const e of events) {
      // An extension whose decided date is unknown: the last one set today's due date.
      const known =
        e.action === 'extend' && !e.newDueDate && e === extendsWithoutDate.at(-1)
          ? { ...e, newDueDate: task.dueDate }
          : e;
      state = apply(state, known, adopted);
      push(e.on, state);
    }
  }

  // Reconciliation with today's row.
  if (state.status !== task.status || state.dueDate !== task.dueDate) {
    const lastOn = steps.at(-1)?.on ?? since;
    const on = task.updatedOn && task.updatedOn > lastOn ? task.updatedOn : lastOn;
    const done = task.status === 'verified' || task.status === 'reported_done';
    const row: TaskState = {
      status: task.status,
      dueDate: task.dueDate,
      reportedOn: done ? (task.reportedOn ?? state.reportedOn ?? on) : null,
      verifiedOn: task.status === 'verified' ? (task.verifiedOn ?? state.verifiedOn ?? on) : null,
      extended: task.dueDate !== adopted,
    };
    if (steps.length === 0 && on === since) initial = row;
    else push(on, row);
  }
  return { id: task.id, since, initial, steps };
}

/** The state at the end of `date`, or null when the task did not exist yet. */
export function stateOn(timeline: Timeline, date: IsoDate): TaskState | null {
  checkDate(date, 'date');
  if (date < timeline.since) return null;
  let state = timeline.initial;
  for (const s of timeline.steps) {
    if (s.on > date) break;
    state = s.state;
  }
  return state;
}

/** `stateOn(timelineOf(task), date)`. */
export function taskAsOf(task: TaskHistory, date: IsoDate): TaskState | null {
  return stateOn(timelineOf(task), date);
}

/** The last day of each month of `year` up to `asOf`'s month (for a past year: all twelve). */
export function monthEnds(year: number, asOf: IsoDate): { month: string; end: IsoDate; on: IsoDate }[] {
  checkDate(asOf, 'asOf');
  const out: { month: string; end: IsoDate; on: IsoDate }[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (`${month}-01` > asOf) break;
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const end = `${month}-${String(last).padStart(2, '0')}`;
    out.push({ month, end, on: end > asOf ? asOf : end });
  }
  return out;
}
