import { describe, expect, it } from 'vitest';
import { addDays, createCalendar } from '../calendar/index.js';
import { DEFAULT_TIMING_RULE, taskTiming, type ReminderTask } from '../tasks/index.js';
import {
  DEFAULT_NOTIFICATION_RULE,
  digestJobKey,
  digestSlot,
  REMINDER_TEMPLATE,
  reminderDays,
  reminderJobKey,
  remindersToEnqueue,
  retryDelayMs,
  ruleProblems,
  vietnamInstant,
} from './schedule.js';

// Days off per Bộ luật Lao động 2019 (45/2019/QH14), Điều 112, with the announced schedules (../calendar):
// Tết 2026 off Sat 14/2 – Sun 22/2; 30/4–1/5/2026 Thu–Fri; Tết 2025 off Sat 25/1 – Sun 2/2.
const calendar = createCalendar();
const rule = DEFAULT_NOTIFICATION_RULE;

/**
 * Runs the scheduler `passesPerDay` times a day from `from` to `to` against a "jobs table" (a Set of
 * dedupe keys, like the UNIQUE index with ON CONFLICT DO NOTHING), skipping `downDays`. Returns what each
 * day newly enqueued.
 */
function run(
  tasksOn: (day: string) => ReminderTask[],
  from: string,
  to: string,
  options: { passesPerDay?: number; downDays?: (day: string) => boolean; table?: Set<string> } = {},
) {
  const table = options.table ?? new Set<string>();
  const log: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (options.downDays?.(day)) continue;
    for (let pass = 0; pass < (options.passesPerDay ?? 3); pass++) {
      for (const r of remindersToEnqueue(tasksOn(day), rule, calendar, day)) {
        const key = reminderJobKey(r);
        if (table.has(key)) continue; // ON CONFLICT DO NOTHING
        table.add(key);
        log.push(`${day} ${r.taskId} ${r.kind}:${r.n}`);
      }
    }
  }
  return { log, table };
}

const open = (id: string, dueDate: string): ReminderTask => ({ id, dueDate, status: 'in_progress' });

describe('the default rule: 5 and 1 working days before, on the day, then every 5 working days', () => {
  it('is the brief’s rule and is valid', () => {
    expect(rule).toEqual({ beforeDueWorkingDays: [5, 1], overdueEveryWorkingDays: 5 });
    expect(ruleProblems(rule)).toEqual([]);
  });

  it('across Tết 2026: a task due Mon 23/2 is reminded Mon 9/2 and Fri 13/2 (before the break), not during it', () => {
    const { log } = run(() => [open('A', '2026-02-23')], '2026-02-01', '2026-03-10');
    expect(log).toEqual([
      '2026-02-09 A before_due:5',
      '2026-02-13 A before_due:1',
      '2026-02-23 A due:0',
      '2026-02-24 A overdue:1',
      '2026-03-03 A overdue:2',
      '2026-03-10 A overdue:3',
    ]);
  });

  it('a task due Fri 6/2/2026: overdue Mon 9/2, then the next working week ends after Tết on Mon 23/2', () => {
    const { log } = run(() => [open('B', '2026-02-06')], '2026-01-26', '2026-03-03');
    expect(log).toEqual([
      '2026-01-30 B before_due:5',
      '2026-02-05 B before_due:1',
      '2026-02-06 B due:0',
      '2026-02-09 B overdue:1',
      '2026-02-23 B overdue:2',
      '2026-03-02 B overdue:3',
    ]);
  });

  it('Tết 2025 (off 25/1–2/2): a task due Fri 24/1/2025 gets its first overdue reminder Mon 3/2', () => {
    const { log } = run(() => [open('C', '2025-01-24')], '2025-01-15', '2025-02-11');
    expect(log).toEqual([
      '2025-01-17 C before_due:5',
      '2025-01-23 C before_due:1',
      '2025-01-24 C due:0',
      '2025-02-03 C overdue:1',
      '2025-02-10 C overdue:2',
    ]);
  });

  it('nothing is enqueued on days off: every reminder falls on a working day', () => {
    const { log } = run(
      () =>
        ['2026-02-13', '2026-02-20', '2026-04-29', '2026-05-04', '2026-09-01'].map((d, i) =>
          open(`T${i}`, d),
        ),
      '2026-01-01',
      '2026-12-31',
      { passesPerDay: 1 },
    );
    expect(log.length).toBeGreaterThan(100);
    for (const line of log) expect(calendar.isWorkingDay(line.slice(0, 10)), line).toBe(true);
  });
});

describe('once per due date, even across restarts and overlapping passes', () => {
  it('any number of passes a day enqueue each reminder once', () => {
    const once = run(() => [open('A', '2026-02-23')], '2026-02-01', '2026-03-31', { passesPerDay: 1 });
    const many = run(() => [open('A', '2026-02-23')], '2026-02-01', '2026-03-31', { passesPerDay: 7 });
    expect(many.log).toEqual(once.log);
    expect(new Set(many.log.map((l) => l.slice(11))).size).toBe(many.log.length);
  });

  it('a restart (a new process with the same jobs table) sends nothing twice', () => {
    const table = new Set<string>();
    const first = run(() => [open('A', '2026-02-23')], '2026-02-01', '2026-02-23', { table });
    // The process restarts on 23/2 and runs the whole day again, then carries on.
    const second = run(() => [open('A', '2026-02-23')], '2026-02-23', '2026-03-03', { table });
    expect(first.log.at(-1)).toBe('2026-02-23 A due:0');
    expect(second.log).toEqual(['2026-02-24 A overdue:1', '2026-03-03 A overdue:2']);
  });

  it('a missed day is caught up once (not zero times): down on Mon 9/2, the reminder goes out Tue 10/2', () => {
    const { log } = run(() => [open('A', '2026-02-23')], '2026-02-01', '2026-02-13', {
      downDays: (d) => d === '2026-02-09',
    });
    expect(log).toEqual(['2026-02-10 A before_due:5', '2026-02-13 A before_due:1']);
  });

  it('after long downtime only the latest reminder due is sent, then the schedule resumes', () => {
    const { log } = run(() => [open('A', '2026-02-23')], '2026-02-01', '2026-03-20', {
      downDays: (d) => d >= '2026-02-12' && d <= '2026-03-05',
    });
    expect(log).toEqual([
      '2026-02-09 A before_due:5',
      '2026-03-06 A overdue:2', // 13/2, 23/2, 24/2 and 3/3 were missed: one catch-up, the latest
      '2026-03-10 A overdue:3',
      '2026-03-17 A overdue:4',
    ]);
  });

  it('an extended due date is a new deadline with its own reminders; a closed task gets no more', () => {
    const tasksOn = (day: string): ReminderTask[] => [
      day < '2026-02-20' ? open('A', '2026-02-23') : open('A', '2026-03-31'),
      { id: 'B', dueDate: '2026-02-23', status: day < '2026-02-23' ? 'in_progress' : 'reported_done' },
    ];
    const { log } = run(tasksOn, '2026-02-01', '2026-04-02');
    expect(log).toEqual([
      '2026-02-09 A before_due:5',
      '2026-02-09 B before_due:5',
      '2026-02-13 A before_due:1',
      '2026-02-13 B before_due:1',
      '2026-03-24 A before_due:5',
      '2026-03-30 A before_due:1',
      '2026-03-31 A due:0',
      '2026-04-01 A overdue:1',
    ]);
  });

  it('the job key is the reminder key with a prefix: per task and due date', () => {
    const [r] = remindersToEnqueue([open('T1', '2026-02-23')], rule, calendar, '2026-02-09');
    expect(reminderJobKey(r!)).toBe('reminder:T1:2026-02-23:before_due:5');
    expect(digestJobKey('U1', '2026-02-23')).toBe('digest:U1:2026-02-23');
  });

  it('a task overdue for years still gets its weekly reminder (planned up to today)', () => {
    const due = remindersToEnqueue([open('OLD', '2023-03-28')], rule, calendar, '2026-11-23');
    expect(due).toHaveLength(1);
    expect(due[0]!.kind).toBe('overdue');
    expect(calendar.workingDaysBetween(due[0]!.sendOn, '2026-11-23')).toBeLessThan(5);
  });

  it('tasks without a due date or not open get nothing', () => {
    expect(
      remindersToEnqueue(
        [
          { id: 'N', dueDate: null, status: 'in_progress' },
          { id: 'V', dueDate: '2026-02-23', status: 'verified' },
          { id: 'X', dueDate: '2026-02-23', status: 'cancelled' },
        ],
        rule,
        calendar,
        '2026-03-01',
      ),
    ).toEqual([]);
  });
});

describe('message parameters', () => {
  it('days left or overdue are counted in working days on the day the message is written', () => {
    expect(reminderDays(calendar, '2026-02-23', '2026-02-09')).toBe(5);
    expect(reminderDays(calendar, '2026-02-23', '2026-02-13')).toBe(1);
    expect(reminderDays(calendar, '2026-02-23', '2026-02-23')).toBe(0);
    expect(reminderDays(calendar, '2026-02-13', '2026-02-23')).toBe(1); // 16–20/2 Tết, 21–22 weekend
    expect(reminderDays(calendar, '2026-02-22', '2026-02-23')).toBe(0); // due on a Sunday → Mon 23/2
  });
  it('counted once: a reminder says what the cockpit and the plan pages say, on every day, days off included', () => {
    // Issue 12: "quá hạn 776 ngày làm việc" in a notification and "777" on the cockpit the same Sunday —
    // the reminder counted up to the day off, the timing from the next working day. Both now use
    // taskTiming (what tasksLedBy gives the cockpit).
    const cockpit = (due: string, day: string) => {
      const t = taskTiming({
        status: 'in_progress',
        dueDate: due,
        today: day,
        calendar,
        rule: DEFAULT_TIMING_RULE,
      });
      return t.state === 'overdue' ? t.daysOverdue : t.daysLeft;
    };
    for (const due of ['2023-10-31', '2026-02-13', '2026-04-30', '2026-12-04']) {
      for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1))
        expect(reminderDays(calendar, due, day), `${due} on ${day}`).toBe(cockpit(due, day));
    }
    // Sunday 6/12/2026, a task due 31/10/2023: the same figure in both places (the Monday counts).
    expect(reminderDays(calendar, '2023-10-31', '2026-12-06')).toBe(cockpit('2023-10-31', '2026-12-07'));
    expect(reminderDays(calendar, '2023-10-31', '2026-12-06')).toBe(
      reminderDays(calendar, '2023-10-31', '2026-12-04') + 1,
    );
  });
  it('each reminder kind has its message', () => {
    expect(REMINDER_TEMPLATE).toEqual({
      before_due: 'notification.task_due_soon',
      due: 'notification.task_due_today',
      overdue: 'notification.task_overdue',
    });
  });
});

describe('ruleProblems', () => {
  it('refuses empty or repeated values, two or no intervals, values out of range', () => {
    expect(ruleProblems({ beforeDueWorkingDays: [], overdueEveryCalendarDays: 7 })).toEqual([]);
    expect(ruleProblems({ beforeDueWorkingDays: [3, 3], overdueEveryWorkingDays: 5 })).toEqual([
      'beforeDueWorkingDays: values repeat',
    ]);
    expect(ruleProblems({ beforeDueWorkingDays: [0, 61], overdueEveryWorkingDays: 5 })).toHaveLength(2);
    expect(ruleProblems({ beforeDueWorkingDays: [5] })).toHaveLength(1);
    expect(
      ruleProblems({ beforeDueWorkingDays: [5], overdueEveryWorkingDays: 5, overdueEveryCalendarDays: 7 }),
    ).toHaveLength(1);
    expect(
      ruleProblems({ beforeDueWorkingDays: [5], overdueEveryWorkingDays: 0, maxOverdueReminders: -1 }),
    ).toEqual(['overdueEveryWorkingDays: an integer 1–60', 'maxOverdueReminders: an integer 0–1000']);
    expect(
      ruleProblems({
        beforeDueWorkingDays: Array.from({ length: 11 }, (_, i) => i + 1),
        overdueEveryWorkingDays: 5,
      }),
    ).toHaveLength(1);
  });
});

describe('digestSlot: one digest a day at the user’s hour, Vietnam time (UTC+7, no daylight saving)', () => {
  it('before the hour → today’s digest; at or after it → tomorrow’s', () => {
    expect(digestSlot(new Date('2026-02-23T23:59:00Z'), 7)).toEqual({
      date: '2026-02-24', // 06:59 on 24/2 in Vietnam
      runAt: new Date('2026-02-24T00:00:00Z'),
    });
    expect(digestSlot(new Date('2026-02-24T00:00:00Z'), 7)).toEqual({
      date: '2026-02-25',
      runAt: new Date('2026-02-25T00:00:00Z'),
    });
    expect(digestSlot(new Date('2026-02-24T09:30:00Z'), 17)).toEqual({
      date: '2026-02-24', // 16:30 → 17:00 the same day
      runAt: new Date('2026-02-24T10:00:00Z'),
    });
  });
  it('the Vietnamese date, not the UTC one, names the digest (17:00 UTC is already tomorrow in Vietnam)', () => {
    expect(digestSlot(new Date('2026-12-31T17:30:00Z'), 7).date).toBe('2027-01-01');
    expect(digestSlot(new Date('2026-12-31T16:59:00Z'), 0)).toEqual({
      date: '2027-01-01',
      runAt: new Date('2026-12-31T17:00:00Z'),
    });
    expect(digestSlot(new Date('2026-12-31T17:00:00Z'), 0).date).toBe('2027-01-02');
  });
  it('every instant of a day maps to a slot strictly later and at most a day ahead', () => {
    for (let m = 0; m < 24 * 60; m += 7) {
      const now = new Date(Date.UTC(2026, 1, 20, 0, m));
      for (const hour of [0, 7, 12, 23]) {
        const { runAt, date } = digestSlot(now, hour);
        expect(runAt.getTime()).toBeGreaterThan(now.getTime());
        expect(runAt.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
        expect(runAt).toEqual(vietnamInstant(date, hour));
      }
    }
  });
  it('with the calendar, only on working days: Friday afternoon → Monday; before Tết 2026 → Mon 23/2 after it', () => {
    expect(digestSlot(new Date('2026-02-06T09:00:00Z'), 7, calendar).date).toBe('2026-02-09'); // Fri 16:00
    expect(digestSlot(new Date('2026-02-06T09:00:00Z'), 7).date).toBe('2026-02-07'); // without: Saturday
    expect(digestSlot(new Date('2026-02-13T01:00:00Z'), 7, calendar)).toEqual({
      date: '2026-02-23', // Fri 13/2 08:00 → Tết 14–22/2 (Bộ luật Lao động 2019, Điều 112) → Mon 23/2
      runAt: new Date('2026-02-23T00:00:00Z'),
    });
    expect(digestSlot(new Date('2026-02-12T23:00:00Z'), 7, calendar).date).toBe('2026-02-13'); // 06:00 Fri
    expect(digestSlot(new Date('2026-04-29T03:00:00Z'), 7, calendar).date).toBe('2026-05-04'); // 30/4–1/5 off
  });
  it('refuses an hour outside 0–23', () => {
    expect(() => digestSlot(new Date(), 24)).toThrow(RangeError);
    expect(() => digestSlot(new Date(), -1)).toThrow(RangeError);
  });
});

describe('retries', () => {
  it('wait attempts² minutes, at most an hour', () => {
    expect([1, 2, 3, 5, 8, 20].map((a) => retryDelayMs(a) / 60_000)).toEqual([1, 4, 9, 25, 60, 60]);
  });
});
