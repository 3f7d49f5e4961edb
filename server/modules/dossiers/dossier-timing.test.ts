import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import {
  classify,
  dossierProblems,
  dueDayAsOf,
  DEFAULT_TIMING_RULES,
  stateChanges,
  stateChangesByDay,
  type DossierFacts,
  type TimingInput,
} from './dossier-timing.js';

const cal = createCalendar();
const at = (local: string) => new Date(`${local}+07:00`);
const dossier = (over: Partial<TimingInput> = {}): TimingInput => ({
  receivedAt: at('2026-02-11T10:00:00'),
  dueAt: null,
  timeLimitDays: 5,
  resolvedAt: null,
  withdrawnAt: null,
  suspensions: [],
  ...over,
});

describe('due day in working days (calendar module; BLDS 2015 Điều 147)', () => {
  it('skips the Tết Bính Ngọ break 14/2–22/2/2026: 5 working days from Wed 11/2 end on Wed 25/2', () => {
    expect(dueDayAsOf(cal, dossier(), '2026-02-11')).toBe('2026-02-25');
  });
  it('counts the make-up Saturday 26/4/2025 and skips 30/4–4/5/2025', () => {
    const d = dossier({ receivedAt: at('2025-04-25T09:00:00'), timeLimitDays: 3 });
    expect(dueDayAsOf(cal, d, '2025-04-25')).toBe('2025-04-29'); // Sat 26/4, Mon 28/4, Tue 29/4
    const e = dossier({ receivedAt: at('2025-04-29T09:00:00'), timeLimitDays: 2 });
    expect(dueDayAsOf(cal, e, '2025-04-29')).toBe('2025-05-06'); // 30/4–4/5 off → Mon 5/5, Tue 6/5
  });
  it('counts a dossier submitted after office hours from the next working day (NĐ 61/2018)', () => {
    const d = dossier({ receivedAt: at('2026-02-13T17:30:00'), timeLimitDays: 1 }); // Fri after hours
    expect(dueDayAsOf(cal, d, '2026-02-13')).toBe('2026-02-24'); // received Mon 23/2, due Tue 24/2
  });
  it('takes the due time recorded by the one-stop system when there is one', () => {
    expect(dueDayAsOf(cal, dossier({ dueAt: at('2026-03-02T17:00:00') }), '2026-02-11')).toBe('2026-03-02');
  });
});

describe('resolved early / on time / late (Gia Lai statistics; QĐ 766 group 2)', () => {
  const resolvedOn = (day: string) =>
    classify(cal, dossier({ resolvedAt: at(`${day}T15:00:00`) }), '2026-03-31');
  it('before the due day is early, on it on time, after it late — across Tết', () => {
    expect(resolvedOn('2026-02-24')).toMatchObject({
      state: 'resolved',
      timing: 'early',
      dueDay: '2026-02-25',
    });
    expect(resolvedOn('2026-02-25')).toMatchObject({ state: 'resolved', timing: 'on_time', workingDays: 5 });
    expect(resolvedOn('2026-02-26')).toMatchObject({ state: 'resolved', timing: 'late', workingDays: 6 });
  });
  it('a result dated during Tết (e.g. 18/2) is early: the days off are not working days', () => {
    expect(resolvedOn('2026-02-18')).toMatchObject({ timing: 'early', workingDays: 2 });
  });
  it('is still processing as of a day before the result', () => {
    const d = dossier({ resolvedAt: at('2026-02-26T15:00:00') });
    expect(classify(cal, d, '2026-02-10').state).toBe('not_received');
    expect(classify(cal, d, '2026-02-20').state).toBe('not_yet_due');
  });
});

describe('processing as of a day: not yet due, due soon, overdue (Gia Lai statistics)', () => {
  it('moves from not yet due to due soon (1 working day or less left) to overdue', () => {
    const d = dossier();
    expect(classify(cal, d, '2026-02-11')).toMatchObject({ state: 'not_yet_due', workingDaysLeft: 5 });
    expect(classify(cal, d, '2026-02-20')).toMatchObject({ state: 'not_yet_due', workingDaysLeft: 3 });
    expect(classify(cal, d, '2026-02-24')).toMatchObject({ state: 'due_soon', workingDaysLeft: 1 });
    expect(classify(cal, d, '2026-02-25')).toMatchObject({ state: 'due_soon', workingDaysLeft: 0 });
    expect(classify(cal, d, '2026-02-26')).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
  });
  it('honours a wider due-soon window from the rules', () => {
    const rules = {
      version: 't',
      dueSoonWorkingDays: 3,
      suspensionExtendsDue: true,
      confirmed: { dueSoonWorkingDays: false, suspensionExtendsDue: false },
    };
    expect(classify(cal, dossier(), '2026-02-20', rules).state).toBe('due_soon');
  });
  it('a withdrawn dossier leaves processing on its withdrawal day', () => {
    const d = dossier({ withdrawnAt: at('2026-02-12T09:00:00') });
    expect(classify(cal, d, '2026-02-11').state).toBe('not_yet_due');
    expect(classify(cal, d, '2026-02-12')).toEqual({ state: 'withdrawn', day: '2026-02-12' });
  });
});

describe('suspension (tạm dừng) excluded from the time limit [? rule configurable]', () => {
  // Received Mon 2/3/2026, 5 working days → due Mon 9/3. Suspended Wed 4/3, resumed Mon 9/3:
  // the working days after 4/3 up to 9/3 (5, 6, 9/3) do not count → due moves 3 working days to Thu 12/3.
  const base = { receivedAt: at('2026-03-02T08:00:00') };
  const s = { from: '2026-03-04', to: '2026-03-09', reason: 'Chờ bổ sung hồ sơ' };
  it('is suspended while the suspension is open and does not become overdue', () => {
    const open = dossier({ ...base, suspensions: [{ ...s, to: null }] });
    expect(classify(cal, open, '2026-03-04').state).toBe('suspended');
    expect(classify(cal, open, '2026-04-30').state).toBe('suspended');
    expect(classify(cal, open, '2026-03-03').state).toBe('not_yet_due');
  });
  it('extends the due day by the suspended working days once resumed', () => {
    const d = dossier({ ...base, suspensions: [s] });
    expect(dueDayAsOf(cal, d, '2026-03-09')).toBe('2026-03-12');
    expect(classify(cal, d, '2026-03-08').state).toBe('suspended');
    expect(classify(cal, d, '2026-03-12').state).toBe('due_soon');
    expect(classify(cal, d, '2026-03-13').state).toBe('overdue');
    const resolved = { ...d, resolvedAt: at('2026-03-12T10:00:00') };
    expect(classify(cal, resolved, '2026-03-31')).toMatchObject({ timing: 'on_time', workingDays: 5 });
  });
  it('a suspension starting after the due day does not rescue a late dossier', () => {
    const d = dossier({ ...base, suspensions: [{ from: '2026-03-10', to: '2026-03-16', reason: 'x' }] });
    expect(dueDayAsOf(cal, d, '2026-03-31')).toBe('2026-03-09');
  });
  it('is ignored when the rules say suspensions do not extend the time limit', () => {
    const rules = {
      version: 't',
      dueSoonWorkingDays: 1,
      suspensionExtendsDue: false,
      confirmed: { dueSoonWorkingDays: false, suspensionExtendsDue: false },
    };
    expect(dueDayAsOf(cal, dossier({ ...base, suspensions: [s] }), '2026-03-31', rules)).toBe('2026-03-09');
  });
});

describe('stateChanges: the days the processing state changes', () => {
  it('lists every change up to settling, agreeing with classify on each day', () => {
    const d = dossier();
    expect(stateChanges(cal, d)).toEqual([
      { day: '2026-02-11', state: 'not_yet_due' },
      { day: '2026-02-24', state: 'due_soon' },
      { day: '2026-02-26', state: 'overdue' },
    ]);
  });
  it('ends with null on the day the dossier is resolved', () => {
    const d = dossier({ resolvedAt: at('2026-02-24T09:00:00') });
    expect(stateChanges(cal, d)).toEqual([
      { day: '2026-02-11', state: 'not_yet_due' },
      { day: '2026-02-24', state: null },
    ]);
  });
  it('a dossier resolved the day it is received never enters processing', () => {
    const d = dossier({ resolvedAt: at('2026-02-11T16:00:00') });
    expect(stateChanges(cal, d)).toEqual([{ day: '2026-02-11', state: null }]);
  });

  it('computed from the due day, agrees with the day-by-day walk on 5,000 random dossiers (Tết, weekends, after hours, recorded due times, 0–3 days "due soon")', () => {
    let seed = 20250101;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (n: number) => Math.floor(rnd() * n);
    const base = at('2025-12-20T00:00:00').getTime();
    for (let i = 0; i < 5000; i++) {
      const received = base + pick(90 * 24) * 3_600_000 + pick(60) * 60_000; // 20/12/2025 – 19/3/2026 (Tết Bính Ngọ)
      const d = dossier({
        receivedAt: new Date(received),
        timeLimitDays: pick(4) === 0 ? 0 : pick(30),
        dueAt: pick(3) === 0 ? new Date(received + pick(40 * 24) * 3_600_000) : null,
        resolvedAt: pick(3) === 0 ? null : new Date(received + pick(50 * 24) * 3_600_000),
      });
      if (!d.resolvedAt && pick(5) === 0) d.withdrawnAt = new Date(received + pick(20 * 24) * 3_600_000);
      const rules = { ...DEFAULT_TIMING_RULES, dueSoonWorkingDays: pick(4) };
      expect(stateChanges(cal, d, rules), JSON.stringify(d)).toEqual(stateChangesByDay(cal, d, rules));
    }
  });
});

describe('dossierProblems: status, times and suspensions agree', () => {
  const facts = (over: Partial<DossierFacts>): DossierFacts => ({
    ...dossier(),
    status: 'processing',
    statusReason: null,
    returnedAt: null,
    ...over,
  });
  const keys = (over: Partial<DossierFacts>) =>
    dossierProblems(cal, facts(over)).map((p) => `${p.field}:${p.key}`);
  it('accepts consistent dossiers', () => {
    expect(keys({})).toEqual([]);
    expect(keys({ status: 'resolved', resolvedAt: at('2026-02-20T09:00:00') })).toEqual([]);
    expect(
      keys({
        status: 'returned',
        resolvedAt: at('2026-02-20T09:00:00'),
        returnedAt: at('2026-02-23T09:00:00'),
      }),
    ).toEqual([]);
    expect(
      keys({ status: 'withdrawn', withdrawnAt: at('2026-02-12T09:00:00'), statusReason: 'Công dân rút' }),
    ).toEqual([]);
    expect(
      keys({
        status: 'suspended',
        statusReason: 'Chờ bổ sung',
        suspensions: [{ from: '2026-02-12', to: null, reason: 'x' }],
      }),
    ).toEqual([]);
  });
  it('names each inconsistency', () => {
    expect(keys({ status: 'resolved' })).toEqual(['resolvedAt:dossiers.status_needs_time']);
    expect(keys({ resolvedAt: at('2026-02-20T09:00:00') })).toEqual([
      'resolvedAt:dossiers.status_forbids_time',
    ]);
    expect(keys({ status: 'resolved', resolvedAt: at('2026-02-10T09:00:00') })).toEqual([
      'resolvedAt:dossiers.time_before_receipt',
    ]);
    expect(keys({ status: 'withdrawn', withdrawnAt: at('2026-02-12T09:00:00') })).toEqual([
      'statusReason:dossiers.reason_required',
    ]);
    expect(keys({ status: 'suspended', statusReason: 'x' })).toEqual([
      'suspensions:dossiers.suspended_needs_open',
    ]);
    expect(keys({ suspensions: [{ from: '2026-02-12', to: null, reason: 'x' }] })).toEqual([
      'suspensions:dossiers.open_suspension_not_suspended',
    ]);
    expect(
      keys({
        suspensions: [
          { from: '2026-02-12', to: '2026-02-25', reason: 'x' },
          { from: '2026-02-24', to: '2026-02-26', reason: 'y' },
        ],
      }),
    ).toEqual(['suspensions.0.to:dossiers.suspension_overlap']);
    expect(keys({ suspensions: [{ from: '2026-02-12', to: '2026-02-11', reason: 'x' }] })).toEqual([
      'suspensions.0.to:dossiers.suspension_order',
    ]);
    expect(keys({ returnedAt: at('2026-02-20T09:00:00') })).toEqual([
      'returnedAt:dossiers.returned_before_resolved',
      'returnedAt:dossiers.status_forbids_time',
    ]);
  });
});
