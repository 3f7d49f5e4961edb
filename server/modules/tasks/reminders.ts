/**
 * Deadline reminders as data. A job recomputes `remindersFor` for every task on each run, asks
 * `dueReminders` what to send now, and records each sent key in a table with a UNIQUE key column, so a
 * reminder goes out once even across restarts, overlapping runs or re-planning.
 *
 * Keys are deterministic: `taskId:dueDate:kind:n`. A changed due date gives new keys, so the reminders of
 * the new deadline are sent even if those of the old one were; `obsoleteKeys` lists the old ones for the
 * job to drop from any queue of unsent reminders.
 *
 * Schedule (rule as data, defaults `DEFAULT_REMINDER_RULE`):
 * - `before_due` n: n working days before the effective due date (a due date on a day off moves to the
 *   next working day, BLDS 2015 Điều 148 khoản 5, see ./days.ts);
 * - `due` 0: on the effective due date;
 * - `overdue` n (n = 1, 2, …): the first on the working day after the effective due date, then every
 *   `overdueEveryCalendarDays` calendar days, each moved to a working day; two that land on the same day
 *   (a block of days off longer than the interval) are sent once, as the later n. Alternatively every
 *   `overdueEveryWorkingDays` working days (a "working week" of 5 stretches over holidays such as Tết,
 *   so reminders never bunch up after a long break); a rule sets exactly one of the two intervals.
 * Tasks reported done, verified or cancelled get no reminders.
 */
import { addDays, daysBetween, type Calendar, type IsoDate } from '../calendar/index.js';
import { effectiveDue, workingDaysBefore } from './days.js';
import { OPEN_STATUSES, type TaskStatus } from './task-status.js';

export type ReminderKind = 'before_due' | 'due' | 'overdue';

export type ReminderRule = {
  /** Working days before the due date on which to remind, e.g. [5, 1]. */
  beforeDueWorkingDays: readonly number[];
  /** Interval between overdue reminders, in calendar days (each moved onto a working day). */
  overdueEveryCalendarDays?: number;
  /** Or: interval between overdue reminders, in working days. Set exactly one of the two intervals. */
  overdueEveryWorkingDays?: number;
  /** Stop after this many overdue reminders; absent = until `until` (see `remindersFor`). */
  maxOverdueReminders?: number;
};

export const DEFAULT_REMINDER_RULE: ReminderRule = {
  beforeDueWorkingDays: [5, 1],
  overdueEveryCalendarDays: 7,
};

export type ReminderTask = { id: string; dueDate: IsoDate | null; status: TaskStatus };

export type Reminder = {
  key: string;
  taskId: string;
  /** The due date the reminder was planned for (part of the key). */
  dueDate: IsoDate;
  sendOn: IsoDate;
  kind: ReminderKind;
  n: number;
};

const KIND_ORDER: Record<ReminderKind, number> = { before_due: 0, due: 1, overdue: 2 };

/** The deterministic key of a reminder. */
export function reminderKey(taskId: string, dueDate: IsoDate, kind: ReminderKind, n: number): string {
  return `${taskId}:${dueDate}:${kind}:${n}`;
}

function checkRule(rule: ReminderRule): void {
  for (const n of rule.beforeDueWorkingDays)
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`beforeDueWorkingDays must be integers ≥ 1, got ${n}`);
  const calendarDays = rule.overdueEveryCalendarDays;
  const workingDays = rule.overdueEveryWorkingDays;
  if ((calendarDays === undefined) === (workingDays === undefined))
    throw new RangeError('set exactly one of overdueEveryCalendarDays and overdueEveryWorkingDays');
  for (const [name, v] of [
    ['overdueEveryCalendarDays', calendarDays],
    ['overdueEveryWorkingDays', workingDays],
  ] as const)
    if (v !== undefined && (!Number.isInteger(v) || v < 1))
      throw new RangeError(`${name} must be an integer ≥ 1, got ${v}`);
  const max = rule.maxOverdueReminders;
  if (max !== undefined && (!Number.isInteger(max) || max < 0))
    throw new RangeError(`maxOverdueReminders must be a non-negative integer, got ${max}`);
}

/** Orders reminders by send date, then kind (before_due, due, overdue), then n. */
export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.sendOn !== b.sendOn) return a.sendOn < b.sendOn ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.n - b.n;
}

/**
 * The reminders of one task, sorted by send date. Overdue reminders are planned up to `options.until`
 * (default: one year after the effective due date) and at most `rule.maxOverdueReminders`.
 */
export function remindersFor(
  task: ReminderTask,
  rule: ReminderRule,
  calendar: Calendar,
  options: { until?: IsoDate } = {},
): Reminder[] {
  checkRule(rule);
  if (task.dueDate === null || !OPEN_STATUSES.includes(task.status)) return [];
  const dueDate = task.dueDate;
  const due = effectiveDue(calendar, dueDate);
  const make = (kind: ReminderKind, n: number, sendOn: IsoDate): Reminder => ({
    key: reminderKey(task.id, dueDate, kind, n),
    taskId: task.id,
    dueDate,
    sendOn,
    kind,
    n,
  });

  const before = [...new Set(rule.beforeDueWorkingDays)].map((n) =>
    make('before_due', n, workingDaysBefore(calendar, due, n)),
  );
  const until = options.until ?? addDays(due, 366);
  const max = rule.maxOverdueReminders ?? Number.POSITIVE_INFINITY;
  const overdue: Reminder[] = [];
  const first = calendar.nextWorkingDay(due);
  let previous = first;
  for (let n = 1; n <= max; n++) {
    // `first` is a working day, so stepping by k working days from the previous one is the same as
    // adding (n − 1)·k working days to `first`, without recounting from the start.
    const planned =
      rule.overdueEveryWorkingDays === undefined
        ? addDays(first, (n - 1) * rule.overdueEveryCalendarDays!)
        : n === 1
          ? first
          : calendar.addWorkingDays(previous, rule.overdueEveryWorkingDays);
    previous = planned;
    if (daysBetween(planned, until) < 0) break;
    const sendOn = calendar.addWorkingDays(planned, 0);
    if (overdue.at(-1)?.sendOn === sendOn) overdue.pop();
    overdue.push(make('overdue', n, sendOn));
  }
  return [...before, make('due', 0, due), ...overdue].sort(compareReminders);
}

/** Keys planned in `oldList` but not in `newList` (e.g. after a due-date change): drop them if unsent. */
export function obsoleteKeys(oldList: readonly Reminder[], newList: readonly Reminder[]): string[] {
  const current = new Set(newList.map((r) => r.key));
  return [...new Set(oldList.map((r) => r.key))].filter((k) => !current.has(k));
}

export type DueReminders = {
  /** Send these now, then record their keys. */
  send: Reminder[];
  /** Unsent reminders made pointless by a later one that is due (catch-up after downtime); may be logged. */
  superseded: Reminder[];
};

/**
 * What to send on `today`. `list` is the freshly computed `remindersFor` of the current tasks (so tasks
 * done or cancelled since are already gone). Per task only the LATEST reminder with `sendOn ≤ today` counts:
 * it is sent unless its key was already sent; earlier unsent ones are superseded, so after downtime a task
 * gets one reminder (the latest overdue one), not a burst. Stateless: it needs only the sent keys.
 */
export function dueReminders(
  list: readonly Reminder[],
  today: IsoDate,
  alreadySentKeys: ReadonlySet<string> | readonly string[],
): DueReminders {
  const sent =
    alreadySentKeys instanceof Set ? alreadySentKeys : new Set(alreadySentKeys as readonly string[]);
  const latest = new Map<string, Reminder>();
  for (const r of list) {
    if (daysBetween(r.sendOn, today) < 0) continue;
    const best = latest.get(r.taskId);
    if (!best || compareReminders(best, r) < 0) latest.set(r.taskId, r);
  }
  const send: Reminder[] = [];
  const superseded: Reminder[] = [];
  for (const r of list) {
    if (daysBetween(r.sendOn, today) < 0 || sent.has(r.key)) continue;
    if (latest.get(r.taskId) === r) send.push(r);
    else superseded.push(r);
  }
  return { send: send.sort(compareReminders), superseded: superseded.sort(compareReminders) };
}

export type Delivery = 'immediate' | 'daily' | 'off';

/** A user's choice per reminder kind; kinds not listed take `DEFAULT_DELIVERY`. */
export type DigestPrefs = Partial<Record<ReminderKind, Delivery>>;

/** Before-due notices go in the daily digest; the due-day and overdue ones are sent at once. */
export const DEFAULT_DELIVERY: Record<ReminderKind, Delivery> = {
  before_due: 'daily',
  due: 'immediate',
  overdue: 'immediate',
};

export type AddressedReminder = Reminder & { recipientIds: readonly string[] };

export type UserDigest = { userId: string; immediate: Reminder[]; daily: Reminder[] };

/**
 * Splits the reminders to send per recipient into those to send at once and those for the daily digest,
 * by each user's preferences (`userPrefs[userId]`, else `DEFAULT_DELIVERY`). 'off' drops the reminder for
 * that user. Users are sorted by id; users left with nothing are omitted.
 */
export function groupForDigest(
  reminders: readonly AddressedReminder[],
  userPrefs: Readonly<Record<string, DigestPrefs>> = {},
): UserDigest[] {
  const byUser = new Map<string, UserDigest>();
  for (const r of reminders) {
    const { recipientIds, ...reminder } = r;
    for (const userId of new Set(recipientIds)) {
      const delivery = userPrefs[userId]?.[r.kind] ?? DEFAULT_DELIVERY[r.kind];
      if (delivery === 'off') continue;
      let digest = byUser.get(userId);
      if (!digest) {
        digest = { userId, immediate: [], daily: [] };
        byUser.set(userId, digest);
      }
      digest[delivery].push(reminder);
    }
  }
  return [...byUser.values()]
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
    .map((d) => ({
      ...d,
      immediate: d.immediate.sort(compareReminders),
      daily: d.daily.sort(compareReminders),
    }));
}
