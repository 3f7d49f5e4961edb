/**
 * Timing of an administrative-procedure dossier (hồ sơ TTHC) as of a day — pure, no I/O, no clock.
 *
 * Sources and choices (see README.md of this module):
 * - Receipt: a dossier submitted after office hours or on a day off counts as received on the next working
 *   day (`Calendar.effectiveReceiptDay`, Nghị định 61/2018/NĐ-CP as implemented by the calendar module).
 * - Due day: the one-stop system's recorded due time (its local date) when there is one, otherwise the
 *   procedure's time limit in working days from the receipt day (`Calendar.addWorkingDays`; Bộ luật Dân sự
 *   2015 Điều 147: counting starts the day after). Weekends, public holidays (Tết, 30/4–1/5, …) and
 *   announced swaps come from the calendar module.
 * - Resolved early / on time / late (Gia Lai public statistics: "đã giải quyết: trước hạn, đúng hạn, quá
 *   hạn"; QĐ 766/QĐ-TTg group 2): the result's local day before / on / after the due day.
 * - Processing as of a day (Gia Lai: "đang giải quyết: chưa đến hạn, sắp đến hạn, quá hạn"): overdue after
 *   the due day; due soon when at most `dueSoonWorkingDays` working days remain [? the window is not
 *   published — configurable, default 1]; otherwise not yet due.
 * - Suspension (tạm dừng, e.g. waiting for the citizen to supplement the dossier): the working days of a
 *   suspension (after its first day up to and including the day it resumes) do not count, so the due day
 *   moves later by that many working days. A suspension that starts after the due day does not rescue a
 *   late dossier. [? the domain notes do not state this rule; it is the common practice of one-stop
 *   systems, kept behind `suspensionExtendsDue`.] While a suspension is open the dossier is "suspended".
 */
import { addDays, type Calendar, type IsoDate } from '../calendar/index.js';

export const CHANNELS = ['online', 'in_person', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DOSSIER_STATUSES = ['processing', 'resolved', 'returned', 'withdrawn', 'suspended'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export type Suspension = { from: IsoDate; to: IsoDate | null; reason: string };

/** What the timing rules read from a dossier. */
export type TimingInput = {
  receivedAt: Date;
  /** The due time recorded by the one-stop system, if any (its local date is the due day). */
  dueAt: Date | null;
  /** The procedure's time limit in working days (used when `dueAt` is missing). */
  timeLimitDays: number;
  /** When the result was ready (status resolved or returned). */
  resolvedAt: Date | null;
  /** When the citizen withdrew the dossier (status withdrawn). */
  withdrawnAt: Date | null;
  suspensions: readonly Suspension[];
};

export type TimingRules = {
  version: string;
  /** A dossier in process with at most this many working days left (due day included) is "due soon". */
  dueSoonWorkingDays: number;
  /** Working days inside suspensions move the due day later. */
  suspensionExtendsDue: boolean;
  /** Which of these values come from a confirmed source (the others are chidao's defaults). */
  confirmed: { dueSoonWorkingDays: boolean; suspensionExtendsDue: boolean };
};

export const DEFAULT_TIMING_RULES: TimingRules = {
  version: 'chidao-2025-1',
  dueSoonWorkingDays: 1,
  suspensionExtendsDue: true,
  confirmed: { dueSoonWorkingDays: false, suspensionExtendsDue: false },
};

export type ResolvedTiming = 'early' | 'on_time' | 'late';
export type ProcessingState = 'not_yet_due' | 'due_soon' | 'overdue' | 'suspended';

export type Classification =
  | { state: 'not_received' }
  | { state: 'withdrawn'; day: IsoDate }
  | {
      state: 'resolved';
      timing: ResolvedTiming;
      dueDay: IsoDate;
      resolvedDay: IsoDate;
      /** Working days from the receipt day to the resolution day, suspended days excluded. */
      workingDays: number;
    }
  | { state: ProcessingState; dueDay: IsoDate | null; workingDaysLeft: number | null };

export const maxDay = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
export const minDay = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** The working day the dossier counts as received on. */
export const receiptDay = (cal: Calendar, d: TimingInput): IsoDate => cal.effectiveReceiptDay(d.receivedAt);

/** The due day before any suspension. */
export function baseDueDay(cal: Calendar, d: TimingInput): IsoDate {
  if (d.dueAt) return cal.localDateOf(d.dueAt);
  return cal.addWorkingDays(receiptDay(cal, d), d.timeLimitDays);
}

/** The day a dossier was resolved: its local day, never before its receipt day (a result recorded
 *  after hours the day it was submitted counts on the receipt day). */
export const resolvedDayOf = (cal: Calendar, d: TimingInput): IsoDate | null =>
  d.resolvedAt ? maxDay(cal.localDateOf(d.resolvedAt), receiptDay(cal, d)) : null;

export const withdrawnDayOf = (cal: Calendar, d: TimingInput): IsoDate | null =>
  d.withdrawnAt ? maxDay(cal.localDateOf(d.withdrawnAt), receiptDay(cal, d)) : null;

/** Sorted suspensions as they were known on `day`: started by then, and cut at `day` if still open. */
function suspensionsUpTo(d: TimingInput, day: IsoDate): { from: IsoDate; to: IsoDate }[] {
  return [...d.suspensions]
    .filter((s) => s.from <= day)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((s) => ({ from: s.from, to: s.to === null || s.to > day ? day : s.to }));
}

/** Working days of the suspensions (each: after its first day up to its resume day), as known on `day`. */
export function suspendedWorkingDays(cal: Calendar, d: TimingInput, day: IsoDate): number {
  return suspensionsUpTo(d, day).reduce((n, s) => n + Math.max(0, cal.workingDaysBetween(s.from, s.to)), 0);
}

/** The due day as extended by the suspensions known on `day` (each one starting on or before the
 *  running due day moves it by its working days). */
export function dueDayAsOf(
  cal: Calendar,
  d: TimingInput,
  day: IsoDate,
  rules = DEFAULT_TIMING_RULES,
): IsoDate {
  let due = baseDueDay(cal, d);
  if (!rules.suspensionExtendsDue) return due;
  for (const s of suspensionsUpTo(d, day)) {
    if (s.from > due) continue;
    const n = Math.max(0, cal.workingDaysBetween(s.from, s.to));
    if (n > 0) due = cal.addWorkingDays(due, n);
  }
  return due;
}

/** The suspension open on `day` (started, not yet resumed), if any. */
export const openSuspensionOn = (d: TimingInput, day: IsoDate): Suspension | undefined =>
  d.suspensions.find((s) => s.from <= day && (s.to === null || s.to > day));

/** Classifies a dossier as of the end of `day`. */
export function classify(
  cal: Calendar,
  d: TimingInput,
  day: IsoDate,
  rules: TimingRules = DEFAULT_TIMING_RULES,
): Classification {
  const received = receiptDay(cal, d);
  if (day < received) return { state: 'not_received' };
  const resolvedDay = resolvedDayOf(cal, d);
  if (resolvedDay && resolvedDay <= day) {
    const dueDay = dueDayAsOf(cal, d, resolvedDay, rules);
    const timing: ResolvedTiming =
      resolvedDay < dueDay ? 'early' : resolvedDay === dueDay ? 'on_time' : 'late';
    const workingDays = Math.max(
      0,
      cal.workingDaysBetween(received, resolvedDay) - suspendedWorkingDays(cal, d, resolvedDay),
    );
    return { state: 'resolved', timing, dueDay, resolvedDay, workingDays };
  }
  const withdrawnDay = withdrawnDayOf(cal, d);
  if (withdrawnDay && withdrawnDay <= day) return { state: 'withdrawn', day: withdrawnDay };
  if (openSuspensionOn(d, day)) return { state: 'suspended', dueDay: null, workingDaysLeft: null };
  const dueDay = dueDayAsOf(cal, d, day, rules);
  if (day > dueDay)
    return { state: 'overdue', dueDay, workingDaysLeft: -cal.workingDaysBetween(dueDay, day) };
  const left = cal.workingDaysBetween(day, dueDay);
  return {
    state: left <= rules.dueSoonWorkingDays ? 'due_soon' : 'not_yet_due',
    dueDay,
    workingDaysLeft: left,
  };
}

/**
 * The processing state of an open dossier on each day it changes, from its receipt day until it closes
 * (resolved or withdrawn: `null` from that day) or settles for good. Consecutive entries differ.
 * Used by the rollups to store stocks as deltas: the state on day D is the last entry on or before D.
 */
export function stateChanges(
  cal: Calendar,
  d: TimingInput,
  rules: TimingRules = DEFAULT_TIMING_RULES,
): { day: IsoDate; state: ProcessingState | null }[] {
  return d.suspensions.length === 0 ? plainStateChanges(cal, d, rules) : stateChangesByDay(cal, d, rules);
}

/**
 * `stateChanges` of a dossier without suspensions, from its due day rather than day by day (its due day
 * never moves): not yet due, due soon from the first day with at most `dueSoonWorkingDays` working days
 * left, overdue after the due day, closed on its resolution or withdrawal day. The day-by-day walk is the
 * reference; a test checks the two agree.
 */
function plainStateChanges(
  cal: Calendar,
  d: TimingInput,
  rules: TimingRules,
): { day: IsoDate; state: ProcessingState | null }[] {
  const start = receiptDay(cal, d);
  const closes = [resolvedDayOf(cal, d), withdrawnDayOf(cal, d)].filter((x): x is IsoDate => x !== null);
  const closeDay = closes.length ? closes.reduce(minDay) : null;
  const due = baseDueDay(cal, d);
  const open: { day: IsoDate; state: ProcessingState }[] = [];
  if (start > due) open.push({ day: start, state: 'overdue' });
  else {
    let soon = due;
    for (;;) {
      const before = addDays(soon, -1);
      if (before < start || cal.workingDaysBetween(before, due) > rules.dueSoonWorkingDays) break;
      soon = before;
    }
    if (start < soon) open.push({ day: start, state: 'not_yet_due' });
    open.push({ day: soon, state: 'due_soon' }, { day: addDays(due, 1), state: 'overdue' });
  }
  if (closeDay === null) return open;
  return [...open.filter((c) => c.day < closeDay), { day: closeDay, state: null }];
}

/** `stateChanges` by classifying every day from receipt until the state settles (any dossier). */
export function stateChangesByDay(
  cal: Calendar,
  d: TimingInput,
  rules: TimingRules = DEFAULT_TIMING_RULES,
): { day: IsoDate; state: ProcessingState | null }[] {
  const start = receiptDay(cal, d);
  const closes = [resolvedDayOf(cal, d), withdrawnDayOf(cal, d)].filter((x): x is IsoDate => x !== null);
  const closeDay = closes.length ? closes.reduce(minDay) : null;
  // After every suspension boundary and the (fully extended) due day, the state no longer changes.
  const boundaries = d.suspensions.flatMap((s) => (s.to ? [s.from, s.to] : [s.from]));
  const lastDue = dueDayAsOf(cal, d, boundaries.reduce(maxDay, start), rules);
  const settled = addDays([start, lastDue, ...boundaries].reduce(maxDay), 1);
  const end = closeDay ?? settled;
  const out: { day: IsoDate; state: ProcessingState | null }[] = [];
  let previous: ProcessingState | null | undefined;
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const c = classify(cal, d, day, rules);
    const state =
      c.state === 'resolved' || c.state === 'withdrawn' || c.state === 'not_received' ? null : c.state;
    if (state !== previous) out.push({ day, state });
    previous = state;
    if (state === null) break;
  }
  return out;
}

export type DossierFacts = TimingInput & {
  status: DossierStatus;
  statusReason: string | null;
  returnedAt: Date | null;
};

export type Problem = { field: string; key: string };

/** Consistency of a dossier's status, times and suspensions; empty when it is acceptable. */
export function dossierProblems(cal: Calendar, d: DossierFacts): Problem[] {
  const p: Problem[] = [];
  const add = (field: string, key: string) => p.push({ field, key });
  const t = (x: Date | null) => (x ? x.getTime() : null);
  const received = d.receivedAt.getTime();
  if (d.resolvedAt && t(d.resolvedAt)! < received) add('resolvedAt', 'dossiers.time_before_receipt');
  if (d.withdrawnAt && t(d.withdrawnAt)! < received) add('withdrawnAt', 'dossiers.time_before_receipt');
  if (d.dueAt && t(d.dueAt)! < received) add('dueAt', 'dossiers.time_before_receipt');
  if (d.returnedAt && (!d.resolvedAt || t(d.returnedAt)! < t(d.resolvedAt)!))
    add('returnedAt', 'dossiers.returned_before_resolved');
  if (d.resolvedAt && d.withdrawnAt) add('withdrawnAt', 'dossiers.resolved_and_withdrawn');
  const needsResult = d.status === 'resolved' || d.status === 'returned';
  if (needsResult && !d.resolvedAt) add('resolvedAt', 'dossiers.status_needs_time');
  if (!needsResult && d.resolvedAt) add('resolvedAt', 'dossiers.status_forbids_time');
  if (d.status === 'returned' && !d.returnedAt) add('returnedAt', 'dossiers.status_needs_time');
  if (d.status !== 'returned' && d.returnedAt) add('returnedAt', 'dossiers.status_forbids_time');
  if (d.status === 'withdrawn' && !d.withdrawnAt) add('withdrawnAt', 'dossiers.status_needs_time');
  if (d.status !== 'withdrawn' && d.withdrawnAt) add('withdrawnAt', 'dossiers.status_forbids_time');
  if ((d.status === 'withdrawn' || d.status === 'suspended') && !d.statusReason?.trim())
    add('statusReason', 'dossiers.reason_required');
  const receivedDay = cal.localDateOf(d.receivedAt);
  const sorted = [...d.suspensions].sort((a, b) => (a.from < b.from ? -1 : 1));
  sorted.forEach((s, i) => {
    const field = `suspensions.${d.suspensions.indexOf(s)}`;
    if (s.from < receivedDay) add(`${field}.from`, 'dossiers.time_before_receipt');
    if (s.to !== null && s.to < s.from) add(`${field}.to`, 'dossiers.suspension_order');
    const next = sorted[i + 1];
    if (next && (s.to === null || s.to > next.from)) add(`${field}.to`, 'dossiers.suspension_overlap');
  });
  const open = sorted.filter((s) => s.to === null).length;
  if (d.status === 'suspended' && open !== 1) add('suspensions', 'dossiers.suspended_needs_open');
  if (d.status === 'processing' && open > 0) add('suspensions', 'dossiers.open_suspension_not_suspended');
  return p;
}
