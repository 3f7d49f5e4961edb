/**
 * Pure scheduling rules of notifications: which reminder jobs a scheduler pass enqueues, when a user's
 * daily digest goes out, how a failed job is retried. No I/O, no clock: callers pass `now`/`today` and
 * the working-day calendar (../calendar, holidays per Bộ luật Lao động 2019, Điều 112).
 *
 * Once-only reminders: each reminder has a deterministic key (`taskId:dueDate:kind:n`, ../tasks); the
 * scheduler enqueues job `reminder:<key>` with ON CONFLICT DO NOTHING on the jobs table's unique
 * dedupe key. Re-running the pass, running it from two processes, or restarting never duplicates a
 * reminder; a pass after downtime enqueues the latest reminder due per task (a missed day is caught up,
 * once, instead of being lost or sent as a burst).
 */
import type { Calendar, IsoDate } from '../calendar/index.js';
import {
  DEFAULT_TIMING_RULE,
  dueReminders,
  remindersFor,
  taskTiming,
  type Reminder,
  type ReminderKind,
  type ReminderRule,
  type ReminderTask,
} from '../tasks/index.js';
import type { NotificationTemplate } from './messages.js';

/**
 * The rule used until an administrator stores another: 5 and 1 working days before the due date, on
 * the due date, then every 5 working days (a working week, which stretches over Tết and other days off)
 * while the task stays open.
 */
export const DEFAULT_NOTIFICATION_RULE: ReminderRule = {
  beforeDueWorkingDays: [5, 1],
  overdueEveryWorkingDays: 5,
};

/** Bounds an administrator may set (a rule outside them is refused with a message naming the field). */
export const RULE_LIMITS = { maxBeforeDays: 60, maxBeforeCount: 10, maxInterval: 60, maxOverdue: 1000 };

/** Problems of a rule as `field: reason` strings; empty when the rule is usable. */
export function ruleProblems(rule: ReminderRule): string[] {
  const out: string[] = [];
  const before = rule.beforeDueWorkingDays;
  if (before.length > RULE_LIMITS.maxBeforeCount)
    out.push(`beforeDueWorkingDays: at most ${RULE_LIMITS.maxBeforeCount} values`);
  before.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1 || n > RULE_LIMITS.maxBeforeDays)
      out.push(`beforeDueWorkingDays.${i}: an integer 1–${RULE_LIMITS.maxBeforeDays}`);
  });
  if (new Set(before).size !== before.length) out.push('beforeDueWorkingDays: values repeat');
  const cal = rule.overdueEveryCalendarDays;
  const work = rule.overdueEveryWorkingDays;
  if ((cal === undefined) === (work === undefined))
    out.push('overdue: set exactly one of overdueEveryWorkingDays and overdueEveryCalendarDays');
  for (const [field, v] of [
    ['overdueEveryWorkingDays', work],
    ['overdueEveryCalendarDays', cal],
  ] as const)
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > RULE_LIMITS.maxInterval))
      out.push(`${field}: an integer 1–${RULE_LIMITS.maxInterval}`);
  const max = rule.maxOverdueReminders;
  if (max !== undefined && (!Number.isInteger(max) || max < 0 || max > RULE_LIMITS.maxOverdue))
    out.push(`maxOverdueReminders: an integer 0–${RULE_LIMITS.maxOverdue}`);
  return out;
}

/** The job key of a reminder: unique in the jobs table, so a reminder is enqueued once, ever. */
export const reminderJobKey = (reminder: Pick<Reminder, 'key'>) => `reminder:${reminder.key}`;

/**
 * The reminders a scheduler pass on `today` enqueues: per open task, the latest reminder whose day has
 * come (`dueReminders` with no sent keys — the jobs table's unique key drops those already enqueued).
 * Overdue reminders are planned up to `today`, so a task overdue for years still gets its weekly one.
 */
export function remindersToEnqueue(
  tasks: readonly ReminderTask[],
  rule: ReminderRule,
  calendar: Calendar,
  today: IsoDate,
): Reminder[] {
  const list = tasks.flatMap((t) => remindersFor(t, rule, calendar, { until: today }));
  return dueReminders(list, today, []).send;
}

/** The message of a reminder kind. */
export const REMINDER_TEMPLATE: Record<ReminderKind, NotificationTemplate> = {
  before_due: 'notification.task_due_soon',
  due: 'notification.task_due_today',
  overdue: 'notification.task_overdue',
};

/**
 * The `days` parameter of a reminder's message, counted on `today` (the day it is written, which after
 * downtime may be later than the day it was planned for): working days left before the effective due
 * date, or working days overdue. It is the task timing's own count (../tasks/overdue.ts `taskTiming`,
 * the rule the cockpit, the plan pages and the dashboards show), never a second computation: on a day
 * off "today" counts as the next working day there, and so it does here (issue 12: a notification said
 * 776 working days overdue while the cockpit said 777 on the same Sunday).
 */
export function reminderDays(calendar: Calendar, dueDate: IsoDate, today: IsoDate): number {
  const timing = taskTiming({ status: 'in_progress', dueDate, today, calendar, rule: DEFAULT_TIMING_RULE });
  return timing.state === 'overdue' ? timing.daysOverdue : (timing.daysLeft ?? 0);
}

const VN_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving)

/** The instant of `hour`:00 on `date` in Vietnam. */
export function vietnamInstant(date: IsoDate, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000 - VN_OFFSET_MS);
}

/**
 * The digest a notification created at `now` goes into: the first `hour`:00 (Vietnam time) strictly
 * after `now` on a working day (with a calendar; every day without one) — officials get no digest on
 * weekends and holidays, the events of those days wait for the next working morning. The date names
 * the digest (job key `digest:<userId>:<date>`), so a user gets at most one digest a day whatever the
 * number of events.
 */
export function digestSlot(
  now: Date,
  hour: number,
  calendar?: Pick<Calendar, 'isWorkingDay'>,
): { date: IsoDate; runAt: Date } {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour 0–23, got ${hour}`);
  let date = new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
  for (let i = 0; i < 400; i++) {
    const runAt = vietnamInstant(date, hour);
    if (runAt.getTime() > now.getTime() && (!calendar || calendar.isWorkingDay(date))) return { date, runAt };
    date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  throw new RangeError('no working day within 400 days');
}

export const digestJobKey = (userId: string, date: IsoDate) => `digest:${userId}:${date}`;

/** Wait before attempt `attempts + 1` after a failure: attempts² minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(Math.max(attempts, 1) ** 2, 60) * 60_000;
}
