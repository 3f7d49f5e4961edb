/**
 * Pure rules of pilot direction (chỉ đạo điểm). No I/O, no clock: callers pass the year and `today`.
 *
 * - A pilot unit is the unit **as it was** in the programme year: it must have been in force on at least
 *   one day of that year (`dayInYear`), and it keeps that name after the 2025 restructuring ended it.
 * - The responsible member must have sat on the committee on at least one day of that year (`overlapsYear`).
 * - Items are due within the programme year (`dueInYear`); an extension (a decision) may move them later.
 *   Their timing (overdue, done late) is derived by ../tasks; for a unit that has ended it is measured on the
 *   unit's last day (`clockDay`).
 * - Each pilot unit has one 6-monthly (`half_year`) and one year-end (`year_end`) report
 *   (`reportPeriod`: the periods module's `YYYY-H1` and `YYYY-Y`, due on the 20th of the period's last month
 *   under guidance 581/BNV-CCHC). Workflow below (`reportTransition`).
 *
 * Report workflow (SA: the standing agency — cơ quan thường trực — or an administrator):
 *
 * | action | from                   | to        | who                          | needs                                  |
 * | ------ | ---------------------- | --------- | ---------------------------- | -------------------------------------- |
 * | save   | (none), draft, returned| same/draft| the unit's focal point/leader|                                        |
 * | submit | (none), draft, returned| submitted | the unit's focal point/leader| overall text; an assessment per item   |
 * | accept | submitted              | accepted  | SA                           |                                        |
 * | return | submitted              | returned  | SA                           | a reason                               |
 *
 * `accepted` is final. A returned report is edited and submitted again.
 */
import type { Period } from '../periods/index.js';

export const REPORT_KINDS = ['half_year', 'year_end'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['save', 'submit', 'accept', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Message keys the rules return (texts in server/core/messages.ts). */
export type PilotRuleKey =
  | 'pilots.report_unit_only'
  | 'pilots.report_standing_only'
  | 'pilots.report_invalid_transition'
  | 'pilots.report_final'
  | 'pilots.report_overall_required'
  | 'pilots.report_assessment_missing'
  | 'pilots.report_reason_required';

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}
export function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value);
}

/** First and last day of a year. */
export function yearBounds(year: number): { from: IsoDate; to: IsoDate } {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Whether the range [from, to] (to null = still open) has at least one day in `year`. */
export function overlapsYear(year: number, from: IsoDate, to: IsoDate | null): boolean {
  const y = yearBounds(year);
  return from <= y.to && (to === null || to >= y.from);
}

/**
 * The day of `year` on which a unit valid [validFrom, validTo] is looked at "as it was that year": the
 * last day of the year it was in force (its last day if it ended that year). Null when it was not in force
 * on any day of the year.
 */
export function dayInYear(year: number, validFrom: IsoDate, validTo: IsoDate | null): IsoDate | null {
  if (!overlapsYear(year, validFrom, validTo)) return null;
  const { to } = yearBounds(year);
  return validTo !== null && validTo < to ? validTo : to;
}

/** Whether a due date falls within the programme year. */
export function dueInYear(year: number, due: IsoDate): boolean {
  if (!ISO.test(due)) return false;
  const y = yearBounds(year);
  return due >= y.from && due <= y.to;
}

/** A unit has ended on `today` when its last day is before today. */
export function hasEnded(validTo: IsoDate | null, today: IsoDate): boolean {
  return validTo !== null && validTo < today;
}

/**
 * The day an item's timing is measured on: `asOf`, or the unit's last day if it has ended before — a unit
 * that no longer exists cannot act, so the clock of its open items stops when it ended (Huyện Diễn Châu's
 * open 2023 items are overdue as of 30/06/2025, not more and more each day after).
 */
export function clockDay(asOf: IsoDate, validTo: IsoDate | null): IsoDate {
  return validTo !== null && validTo < asOf ? validTo : asOf;
}

/**
 * The name a pilot unit is shown by: districts, communes and provinces by their full name ("Huyện Diễn
 * Châu", "Thành phố Vinh" — the short name lacks the type), departments and boards by their name ("Sở Tư
 * pháp", without "tỉnh Nghệ An").
 */
export function displayName(unit: { kind: string; name: string; fullName: string }): string {
  return unit.kind === 'district' || unit.kind === 'commune' || unit.kind === 'province'
    ? unit.fullName
    : unit.name;
}

/** The reporting period of a pilot report: the first half (`YYYY-H1`) or the whole year (`YYYY-Y`). */
export function reportPeriod(kind: ReportKind, year: number): Period {
  yearBounds(year);
  return kind === 'half_year' ? { type: 'half', year, index: 1 } : { type: 'year', year, index: 1 };
}

/** The caller's relation to a pilot unit (computed by the caller from roles and grants). */
export type ReportActor = {
  isAdmin?: boolean;
  isStandingAgency?: boolean;
  /** The pilot unit's focal point(s). */
  isUnitStaff?: boolean;
  isUnitLeader?: boolean;
};

export type ReportInput = {
  overall?: string | null;
  /** The items the report must assess (not cancelled). */
  itemIds?: readonly string[];
  /** The items that have an assessment text. */
  assessedItemIds?: readonly string[];
  reason?: string | null;
};

export type ReportResult =
  { ok: true; next: ReportStatus } | { ok: false; reason: PilotRuleKey; missingItemIds?: string[] };

type Who = 'unit' | 'standing';
const RULES: Record<ReportAction, { from: readonly (ReportStatus | null)[]; who: Who }> = {
  save: { from: [null, 'draft', 'returned'], who: 'unit' },
  submit: { from: [null, 'draft', 'returned'], who: 'unit' },
  accept: { from: ['submitted'], who: 'standing' },
  return: { from: ['submitted'], who: 'standing' },
};

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

function statusProblem(current: ReportStatus | null, action: ReportAction): PilotRuleKey | null {
  if (RULES[action].from.includes(current)) return null;
  return current === 'accepted' ? 'pilots.report_final' : 'pilots.report_invalid_transition';
}

function actorProblem(who: Who, a: ReportActor): PilotRuleKey | null {
  if (who === 'unit') return a.isUnitStaff || a.isUnitLeader ? null : 'pilots.report_unit_only';
  return a.isStandingAgency || a.isAdmin ? null : 'pilots.report_standing_only';
}

/** Items of `itemIds` without an assessment, in the given order. */
export function missingAssessments(itemIds: readonly string[], assessedItemIds: readonly string[]): string[] {
  const done = new Set(assessedItemIds);
  return itemIds.filter((id) => !done.has(id));
}

/**
 * Applies `action` to a report in status `current` (null: not written yet). Checks, in order: the status
 * allows it, the actor may take it, the inputs are complete.
 */
export function reportTransition(
  current: ReportStatus | null,
  action: ReportAction,
  ctx: ReportActor & ReportInput,
): ReportResult {
  const problem = statusProblem(current, action) ?? actorProblem(RULES[action].who, ctx);
  if (problem) return { ok: false, reason: problem };
  switch (action) {
    case 'save':
      return { ok: true, next: current ?? 'draft' };
    case 'submit': {
      if (!filled(ctx.overall)) return { ok: false, reason: 'pilots.report_overall_required' };
      const missing = missingAssessments(ctx.itemIds ?? [], ctx.assessedItemIds ?? []);
      if (missing.length)
        return { ok: false, reason: 'pilots.report_assessment_missing', missingItemIds: missing };
      return { ok: true, next: 'submitted' };
    }
    case 'accept':
      return { ok: true, next: 'accepted' };
    case 'return':
      return filled(ctx.reason)
        ? { ok: true, next: 'returned' }
        : { ok: false, reason: 'pilots.report_reason_required' };
  }
}

/** The actions the actor may take on a report in status `current`, for the UI (inputs not checked). */
export function allowedReportActions(current: ReportStatus | null, actor: ReportActor): ReportAction[] {
  return REPORT_ACTIONS.filter(
    (action) => !statusProblem(current, action) && !actorProblem(RULES[action].who, actor),
  );
}
