import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import {
  DEFAULT_REMINDER_RULE,
  dueReminders,
  groupForDigest,
  obsoleteKeys,
  reminderKey,
  remindersFor,
  workingDaysBefore,
  type AddressedReminder,
  type Reminder,
  type ReminderTask,
} from './index.js';

const calendar = createCalendar();
const task = (dueDate: string | null, status: ReminderTask['status'] = 'in_progress'): ReminderTask => ({
  id: 'T1',
  dueDate,
  status,
});
const brief = (list: Reminder[]) => list.map((r) => `${r.kind}:${r.n}@${r.sendOn}`);
const plan = (dueDate: string, until = '2026-04-30') =>
  remindersFor(task(dueDate), DEFAULT_REMINDER_RULE, calendar, { until });

/** Runs the daily job from `from` to `to` (twice a day, as after a restart), returning what was sent. */
function simulate(from: string, to: string, listOn: (day: string) => Reminder[], sent = new Set<string>()) {
  const log: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const day = d.toISOString().slice(0, 10);
    for (let run = 0; run < 2; run++) {
      const { send } = dueReminders(listOn(day), day, sent);
      for (const r of send) {
        expect(sent.has(r.key)).toBe(false);
        sent.add(r.key);
        log.push(`${day} ${r.kind}:${r.n}`);
      }
    }
  }
  return { log, sent };
}

describe('remindersFor', () => {
  it('before-due dates are counted in working days over Tết 2026: due Mon 23/2 → 5 before = Mon 9/2, 1 before = Fri 13/2', () => {
    expect(workingDaysBefore(calendar, '2026-02-23', 5)).toBe('2026-02-09');
    expect(workingDaysBefore(calendar, '2026-02-23', 1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-09', 5)).toBe('2026-02-23');
    expect(brief(plan('2026-02-23', '2026-03-10'))).toEqual([
      'before_due:5@2026-02-09',
      'before_due:1@2026-02-13',
      'due:0@2026-02-23',
      'overdue:1@2026-02-24',
      'overdue:2@2026-03-03',
      'overdue:3@2026-03-10',
    ]);
  });
  it('skips weekends: due Fri 13/2/2026 → Fri 6/2 and Thu 12/2; first overdue reminder Mon 23/2 after Tết', () => {
    expect(brief(plan('2026-02-13', '2026-03-02'))).toEqual([
      'before_due:5@2026-02-06',
      'before_due:1@2026-02-12',
      'due:0@2026-02-13',
      'overdue:1@2026-02-23',
      'overdue:2@2026-03-02',
    ]);
  });
  it('a due date on a day off is reminded as the next working day but keyed by the stored date', () => {
    const list = plan('2026-02-17', '2026-02-24');
    expect(brief(list)).toEqual([
      'before_due:5@2026-02-09',
      'before_due:1@2026-02-13',
      'due:0@2026-02-23',
      'overdue:1@2026-02-24',
    ]);
    expect(list.map((r) => r.key)).toContain('T1:2026-02-17:due:0');
  });
  it('overdue reminders landing on the same working day after a long break are sent once (the later n)', () => {
    // Due Fri 6/2/2026: overdue 1 Mon 9/2, 2 on Mon 16/2 (Tết) → 23/2, 3 on 23/2 → kept as n = 3.
    expect(brief(plan('2026-02-06', '2026-03-02')).filter((s) => s.startsWith('overdue'))).toEqual([
      'overdue:1@2026-02-09',
      'overdue:3@2026-02-23',
      'overdue:4@2026-03-02',
    ]);
  });
  it('keys are deterministic: taskId:dueDate:kind:n', () => {
    const list = plan('2026-02-23', '2026-02-24');
    expect(list.map((r) => r.key)).toEqual([
      'T1:2026-02-23:before_due:5',
      'T1:2026-02-23:before_due:1',
      'T1:2026-02-23:due:0',
      'T1:2026-02-23:overdue:1',
    ]);
    expect(reminderKey('T1', '2026-02-23', 'due', 0)).toBe('T1:2026-02-23:due:0');
    expect(plan('2026-02-23', '2026-02-24')).toEqual(list);
  });
  it('maxOverdueReminders caps the overdue reminders; by default they run for a year', () => {
    const capped = remindersFor(
      task('2026-02-23'),
      { ...DEFAULT_REMINDER_RULE, maxOverdueReminders: 2 },
      calendar,
    );
    expect(capped.filter((r) => r.kind === 'overdue').map((r) => r.n)).toEqual([1, 2]);
    const year = remindersFor(task('2026-02-23'), DEFAULT_REMINDER_RULE, calendar).filter(
      (r) => r.kind === 'overdue',
    );
    expect(year.length).toBeGreaterThan(50);
    expect(year.length).toBeLessThanOrEqual(53);
    expect((year.at(-1) as Reminder).sendOn <= '2027-02-24').toBe(true);
  });
  it('tasks reported done, verified, cancelled or without a due date get none', () => {
    for (const status of ['reported_done', 'verified', 'cancelled'] as const)
      expect(remindersFor(task('2026-02-23', status), DEFAULT_REMINDER_RULE, calendar)).toEqual([]);
    expect(remindersFor(task(null), DEFAULT_REMINDER_RULE, calendar)).toEqual([]);
    for (const status of ['not_started', 'in_progress', 'returned'] as const)
      expect(
        remindersFor(task('2026-02-23', status), DEFAULT_REMINDER_RULE, calendar).length,
      ).toBeGreaterThan(0);
  });
  it('duplicate before-due days are planned once; bad rules are rejected', () => {
    const rule = { beforeDueWorkingDays: [1, 1, 3], overdueEveryCalendarDays: 7, maxOverdueReminders: 0 };
    expect(brief(remindersFor(task('2026-02-23'), rule, calendar))).toEqual([
      'before_due:3@2026-02-11',
      'before_due:1@2026-02-13',
      'due:0@2026-02-23',
    ]);
    const bad = [
      { beforeDueWorkingDays: [0], overdueEveryCalendarDays: 7 },
      { beforeDueWorkingDays: [1.5], overdueEveryCalendarDays: 7 },
      { beforeDueWorkingDays: [5], overdueEveryCalendarDays: 0 },
      { beforeDueWorkingDays: [5], overdueEveryCalendarDays: 7, maxOverdueReminders: -1 },
    ];
    for (const r of bad) expect(() => remindersFor(task('2026-02-23'), r, calendar)).toThrow(RangeError);
  });
});

describe('remindersFor with overdue reminders every N working days', () => {
  // Tết 2026 (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; schedule in ../calendar): off Sat 14/2 – Sun 22/2.
  const weekly = { beforeDueWorkingDays: [5, 1], overdueEveryWorkingDays: 5 };
  const overdueOf = (dueDate: string, until = '2026-03-20') =>
    brief(remindersFor(task(dueDate), weekly, calendar, { until })).filter((s) => s.startsWith('overdue'));

  it('a working week stretches over Tết: due Fri 6/2/2026 → Mon 9/2, Mon 23/2, Mon 2/3 (n stays consecutive)', () => {
    expect(overdueOf('2026-02-06')).toEqual([
      'overdue:1@2026-02-09',
      'overdue:2@2026-02-23',
      'overdue:3@2026-03-02',
      'overdue:4@2026-03-09',
      'overdue:5@2026-03-16',
    ]);
    // The calendar-day interval lands two reminders on 23/2 and keeps the later n instead.
    expect(brief(plan('2026-02-06', '2026-03-02')).filter((s) => s.startsWith('overdue'))).toEqual([
      'overdue:1@2026-02-09',
      'overdue:3@2026-02-23',
      'overdue:4@2026-03-02',
    ]);
  });
  it('every overdue reminder is a working day, exactly N working days after the previous one', () => {
    for (const due of ['2026-02-13', '2026-04-29', '2026-08-28', '2025-01-24']) {
      const list = remindersFor(task(due), weekly, calendar, { until: '2026-12-31' }).filter(
        (r) => r.kind === 'overdue',
      );
      expect(list.length).toBeGreaterThan(10);
      list.forEach((r, i) => {
        expect(calendar.isWorkingDay(r.sendOn)).toBe(true);
        expect(r.n).toBe(i + 1);
        if (i > 0) expect(calendar.workingDaysBetween(list[i - 1]!.sendOn, r.sendOn)).toBe(5);
      });
    }
  });
  it('30/4–1/5/2026 (Thu–Fri off): due Wed 29/4 → first overdue Mon 4/5, then Mon 11/5', () => {
    expect(overdueOf('2026-04-29', '2026-05-11')).toEqual(['overdue:1@2026-05-04', 'overdue:2@2026-05-11']);
  });
  it('`until` bounds the overdue reminders (a job passes today), `maxOverdueReminders` caps them', () => {
    expect(overdueOf('2026-02-13', '2026-03-01')).toEqual(['overdue:1@2026-02-23']);
    expect(overdueOf('2026-02-13', '2026-02-20')).toEqual([]);
    const capped = remindersFor(task('2026-02-13'), { ...weekly, maxOverdueReminders: 1 }, calendar, {
      until: '2026-12-31',
    });
    expect(brief(capped).filter((s) => s.startsWith('overdue'))).toEqual(['overdue:1@2026-02-23']);
  });
  it('a rule sets exactly one interval, a positive integer', () => {
    const bad = [
      { beforeDueWorkingDays: [5] },
      { beforeDueWorkingDays: [5], overdueEveryCalendarDays: 7, overdueEveryWorkingDays: 5 },
      { beforeDueWorkingDays: [5], overdueEveryWorkingDays: 0 },
      { beforeDueWorkingDays: [5], overdueEveryWorkingDays: 2.5 },
    ];
    for (const r of bad) expect(() => remindersFor(task('2026-02-23'), r, calendar)).toThrow(RangeError);
  });
  it('sends each reminder once across restarts, also with the working-day interval', () => {
    const { log } = simulate('2026-01-20', '2026-03-05', () =>
      remindersFor(task('2026-02-06'), weekly, calendar, { until: '2026-03-05' }),
    );
    expect(log).toEqual([
      '2026-01-30 before_due:5',
      '2026-02-05 before_due:1',
      '2026-02-06 due:0',
      '2026-02-09 overdue:1',
      '2026-02-23 overdue:2',
      '2026-03-02 overdue:3',
    ]);
  });
});

describe('dueReminders', () => {
  it('sends each reminder once per due date, across restarts (two runs a day)', () => {
    const { log } = simulate('2026-02-01', '2026-03-10', () => plan('2026-02-23'));
    expect(log).toEqual([
      '2026-02-09 before_due:5',
      '2026-02-13 before_due:1',
      '2026-02-23 due:0',
      '2026-02-24 overdue:1',
      '2026-03-03 overdue:2',
      '2026-03-10 overdue:3',
    ]);
  });
  it('sends nothing before its day, nothing already sent', () => {
    const list = plan('2026-02-23');
    expect(dueReminders(list, '2026-02-08', []).send).toEqual([]);
    expect(dueReminders(list, '2026-02-09', []).send.map((r) => r.key)).toEqual([
      'T1:2026-02-23:before_due:5',
    ]);
    expect(dueReminders(list, '2026-02-09', ['T1:2026-02-23:before_due:5'])).toEqual({
      send: [],
      superseded: [],
    });
  });
  it('catch-up after downtime sends only the latest overdue reminder, then resumes the schedule', () => {
    const list = plan('2026-02-23');
    const sent = new Set(['T1:2026-02-23:before_due:5', 'T1:2026-02-23:before_due:1']);
    // Down from 14/2 to 19/3: back on 20/3, overdue 1 (24/2), 2 (3/3), 3 (10/3) and 4 (17/3) are due.
    const { send, superseded } = dueReminders(list, '2026-03-20', sent);
    expect(brief(send)).toEqual(['overdue:4@2026-03-17']);
    expect(brief(superseded)).toEqual([
      'due:0@2026-02-23',
      'overdue:1@2026-02-24',
      'overdue:2@2026-03-03',
      'overdue:3@2026-03-10',
    ]);
    for (const r of send) sent.add(r.key);
    // The older unsent ones never come back; the next goes out on its day.
    const { log } = simulate('2026-03-20', '2026-03-31', () => list, sent);
    expect(log).toEqual(['2026-03-24 overdue:5', '2026-03-31 overdue:6']);
  });
  it('a changed due date yields new keys: the new deadline is reminded, the old keys are obsolete', () => {
    const before = plan('2026-02-23');
    const after = remindersFor(
      { id: 'T1', dueDate: '2026-03-31', status: 'in_progress' },
      DEFAULT_REMINDER_RULE,
      calendar,
      {
        until: '2026-04-30',
      },
    );
    const oldKeys = obsoleteKeys(before, after);
    expect(oldKeys).toEqual(before.map((r) => r.key));
    expect(oldKeys.every((k) => k.startsWith('T1:2026-02-23:'))).toBe(true);
    expect(obsoleteKeys(before, before)).toEqual([]);
    // Extended on 16/2 (during Tết) after both before-due reminders of 23/2 went out.
    const { log } = simulate('2026-02-01', '2026-04-08', (day) => (day < '2026-02-16' ? before : after));
    expect(log).toEqual([
      '2026-02-09 before_due:5',
      '2026-02-13 before_due:1',
      '2026-03-24 before_due:5',
      '2026-03-30 before_due:1',
      '2026-03-31 due:0',
      '2026-04-01 overdue:1',
      '2026-04-08 overdue:2',
    ]);
  });
  it('a deadline re-set to the same date keeps its keys, so nothing is sent twice', () => {
    const sent = simulate('2026-02-01', '2026-02-13', () => plan('2026-02-23')).sent;
    const { log } = simulate('2026-02-13', '2026-02-23', () => plan('2026-02-23'), sent);
    expect(log).toEqual(['2026-02-23 due:0']);
  });
  it('a task done or cancelled meanwhile drops out of the freshly computed list', () => {
    const { log } = simulate('2026-02-01', '2026-03-10', (day) =>
      remindersFor(
        task('2026-02-23', day < '2026-02-20' ? 'in_progress' : 'reported_done'),
        DEFAULT_REMINDER_RULE,
        calendar,
      ),
    );
    expect(log).toEqual(['2026-02-09 before_due:5', '2026-02-13 before_due:1']);
  });
  it('works per task: several tasks each get their own latest reminder', () => {
    const list = [
      ...plan('2026-02-23'),
      ...remindersFor(
        { id: 'T2', dueDate: '2026-02-13', status: 'returned' },
        DEFAULT_REMINDER_RULE,
        calendar,
        {
          until: '2026-04-30',
        },
      ),
    ];
    expect(dueReminders(list, '2026-02-23', []).send.map((r) => r.key)).toEqual([
      'T1:2026-02-23:due:0',
      'T2:2026-02-13:overdue:1',
    ]);
  });
});

describe('groupForDigest', () => {
  const [b5, , due, o1] = plan('2026-02-23');
  const to = (r: Reminder | undefined, ...recipientIds: string[]): AddressedReminder => ({
    ...(r as Reminder),
    recipientIds,
  });

  it('by default before-due notices go to the daily digest, due-day and overdue ones at once', () => {
    expect(groupForDigest([to(o1, 'u2'), to(b5, 'u1', 'u2'), to(due, 'u1')])).toEqual([
      { userId: 'u1', immediate: [due], daily: [b5] },
      { userId: 'u2', immediate: [o1], daily: [b5] },
    ]);
  });
  it('follows each user’s preferences; "off" drops that kind; users left empty are omitted', () => {
    const prefs = {
      u1: { due: 'daily', overdue: 'daily' },
      u2: { before_due: 'immediate', overdue: 'off' },
    } as const;
    expect(groupForDigest([to(o1, 'u2', 'u1'), to(b5, 'u2'), to(due, 'u1')], prefs)).toEqual([
      { userId: 'u1', immediate: [], daily: [due, o1] },
      { userId: 'u2', immediate: [b5], daily: [] },
    ]);
    expect(groupForDigest([to(o1, 'u2')], prefs)).toEqual([]);
  });
  it('a user listed twice on one reminder gets it once; the output has no recipient lists', () => {
    const out = groupForDigest([to(due, 'u1', 'u1')]);
    expect(out).toEqual([{ userId: 'u1', immediate: [due], daily: [] }]);
    expect(Object.keys(out[0]?.immediate[0] ?? {})).not.toContain('recipientIds');
  });
});
