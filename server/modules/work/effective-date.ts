/**
 * The effective date of a workflow step — the day it happened, as opposed to the day it was recorded.
 * Pure: no I/O, no clock.
 *
 * Why: a province that starts mid-year (or takes over a predecessor's history) records in December what
 * was done in March. Without an effective date every step counts on the day it was typed in, so a task
 * finished on time shows "late 1265 days". Every action of the work engine (any kind: plan tasks, pilot
 * items, pilot reports, later kinds) may carry `effectiveDate`; the event keeps both — `on` (effective:
 * what lateness, overdue, KPIs and dashboards count) and `recorded_on` + `at` + `actor_id` (who recorded
 * it and when; never changed, shown in the history beside the effective date).
 *
 * Rules (each refusal is a 400 on the field `effectiveDate`, messages in ./messages.ts):
 * 1. A real date (YYYY-MM-DD). Absent = today.
 * 2. Not in the future: a step cannot be recorded as having happened tomorrow.
 * 3. Not before the item's previous status step (its effective date): history stays in order, so a
 *    verification never predates the report it verifies, and the rebuilt history (plans/as-of.ts)
 *    applies the steps in the order they were taken.
 * 4. Not before the item's period (`earliest`: for a plan task the first day of its plan year, or its
 *    start date if earlier) — nobody, whatever their role.
 * 5. Not before the day the item was recorded in the system — unless the actor holds a backfill role
 *    (`DEFAULT_EFFECTIVE_DATE_RULE`): administrators and standing-agency officers over the item's
 *    reviewing unit, and the leader of the unit that owes it. Decision: the people who answer for the
 *    record — the agency that verifies, the leader who signs the unit's reports — may write its past; the
 *    unit's focal points date their steps from the day the item reached them (one who finished on 15/03 a
 *    task assigned on 01/02 may say so; one whose task was recorded on 06/12 may not claim March: the
 *    leader reports it, or the standing agency imports the history with the plan's Excel template).
 *    Every backdated step shows both dates and the recorder in the history and the journal, and a done
 *    report is still verified by the standing agency.
 *    Footing: the standing agency (Sở Nội vụ) verifies completion or returns it and consolidates the
 *    province's reports (domain notes §1, §2.4–2.5): keeping the record true is its job. No legal
 *    text fixes a cut-off for late recording; the rule is data (`EffectiveDateRule`), not a legal claim.
 */
import { isIsoDate } from '../tasks/index.js';

export type IsoDate = string;

/** Who may date a step before the item was recorded (rules as data; the default below). */
export type EffectiveDateRule = {
  /** Roles that backfill history when held over the item's reviewing unit (the standing agency's province). */
  reviewingRoles: readonly ('admin' | 'standing_officer')[];
  /** Roles that backfill history when held over the unit that owes the item. */
  owingRoles: readonly ('unit_leader' | 'focal_point')[];
};

export const DEFAULT_EFFECTIVE_DATE_RULE: EffectiveDateRule = {
  reviewingRoles: ['admin', 'standing_officer'],
  owingRoles: ['unit_leader'],
};

export type EffectiveDateCheck = {
  /** The date asked for (already defaulted to today when absent). */
  effective: IsoDate;
  today: IsoDate;
  /** The day the item was recorded (created) in the system. */
  recordedOn: IsoDate | null;
  /** The first day the item may have a step on at all (its period's start); null = no such floor. */
  earliest: IsoDate | null;
  /** The effective date of the item's latest status step; null when it has none. */
  lastStepOn: IsoDate | null;
  /** The actor holds a backfill role over the item. */
  mayBackfill: boolean;
};

export const EFFECTIVE_DATE_PROBLEMS = [
  'work.effective_date_invalid',
  'work.effective_date_future',
  'work.effective_date_before_previous',
  'work.effective_date_before_period',
  'work.effective_date_before_recorded',
] as const;
export type EffectiveDateProblem = (typeof EFFECTIVE_DATE_PROBLEMS)[number];

/** The first rule an effective date breaks (with the date it broke, for the message), or null. */
export function effectiveDateProblem(
  c: EffectiveDateCheck,
): { key: EffectiveDateProblem; limit?: IsoDate } | null {
  if (!isIsoDate(c.effective)) return { key: 'work.effective_date_invalid' };
  if (c.effective > c.today) return { key: 'work.effective_date_future', limit: c.today };
  if (c.lastStepOn && c.effective < c.lastStepOn)
    return { key: 'work.effective_date_before_previous', limit: c.lastStepOn };
  if (c.earliest && c.effective < c.earliest)
    return { key: 'work.effective_date_before_period', limit: c.earliest };
  if (!c.mayBackfill && c.recordedOn && c.effective < c.recordedOn)
    return { key: 'work.effective_date_before_recorded', limit: c.recordedOn };
  return null;
}

/** The earliest effective date the actor may pick (the date picker's lower bound), or null. */
export function earliestEffectiveDate(c: Omit<EffectiveDateCheck, 'effective'>): IsoDate | null {
  const floors = [c.lastStepOn, c.earliest, c.mayBackfill ? null : c.recordedOn].filter(
    (d): d is IsoDate => !!d,
  );
  return floors.length ? floors.reduce((a, b) => (b > a ? b : a)) : null;
}

/** Whether a step was recorded later than it took effect (history shows both dates then). */
export const isBackdated = (e: { on: IsoDate; recordedOn: IsoDate | null }): boolean =>
  !!e.recordedOn && e.on < e.recordedOn;
