/**
 * The workflow of a periodic report (issue 13) — pure, no I/O:
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted (locked)
 *     ▲                  │
 *     └──── returned ◀──return (with a reason and comments per field or section)
 *              │
 *              └──submit──▶ submitted (resubmitted)
 *
 * - The unit's people (PAR focal point, leader) write the draft; the **leader** submits, or the focal point
 *   too where the assignment allows it. A report whose values have errors (required fields, rules) is not
 *   submitted; a late submission is allowed and marked (its first submission after the deadline).
 * - The standing agency over the round's owner unit returns or accepts; once accepted nothing changes.
 * - The standing agency may extend one unit's deadline, with a reason, while it is still owed.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_ACTIONS = ['submit', 'return', 'accept', 'extend'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const isReportStatus = (s: string): s is ReportStatus =>
  (REPORT_STATUSES as readonly string[]).includes(s);

/** Still owed by the unit (writable, reminded of). */
export const OWED_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];
/** Counted as submitted in the reporting rates. */
export const SUBMITTED_STATUSES: readonly ReportStatus[] = ['submitted', 'accepted'];

export type ReportActor = {
  /** The unit's PAR focal point or leader (over the report's unit). */
  unitPeople: boolean;
  unitLeader: boolean;
  /** Whether the assignment lets the focal point submit. */
  focalPointSubmits: boolean;
  /** The standing agency over the round's owner unit, or an administrator. */
  reviewer: boolean;
};

export type RuleRefusal =
  | 'reports.rule.not_allowed_now'
  | 'reports.rule.not_your_step'
  | 'reports.rule.reason_required'
  | 'reports.rule.has_errors'
  | 'reports.rule.due_date_required'
  | 'reports.rule.due_date_not_later'
  | 'reports.rule.round_closed'
  | 'reports.rule.locked';

export type Transition =
  { ok: true; next: ReportStatus } | { ok: false; reason: RuleRefusal; status: 403 | 409 | 400 };

export const canWrite = (status: ReportStatus, who: ReportActor): boolean =>
  OWED_STATUSES.includes(status) && who.unitPeople;

export const canSubmit = (who: ReportActor): boolean =>
  who.unitLeader || (who.unitPeople && who.focalPointSubmits);

type Inputs = {
  reason?: string | null;
  /** Errors of the values as they would be submitted. */
  errorCount?: number;
  dueDate?: string;
  newDueDate?: string | null;
  roundOpen?: boolean;
};

/** May `action` happen now, by this person, and into which status. */
export function reportTransition(
  status: ReportStatus,
  action: ReportAction,
  who: ReportActor,
  input: Inputs = {},
): Transition {
  const refuse = (reason: RuleRefusal, code: 403 | 409 | 400): Transition => ({
    ok: false,
    reason,
    status: code,
  });
  if (status === 'accepted') return refuse('reports.rule.locked', 409);
  switch (action) {
    case 'submit':
      if (!OWED_STATUSES.includes(status)) return refuse('reports.rule.not_allowed_now', 409);
      if (!canSubmit(who)) return refuse('reports.rule.not_your_step', 403);
      if ((input.errorCount ?? 0) > 0) return refuse('reports.rule.has_errors', 400);
      return { ok: true, next: 'submitted' };
    case 'return':
      if (status !== 'submitted') return refuse('reports.rule.not_allowed_now', 409);
      if (!who.reviewer) return refuse('reports.rule.not_your_step', 403);
      if (!input.reason?.trim()) return refuse('reports.rule.reason_required', 400);
      return { ok: true, next: 'returned' };
    case 'accept':
      if (status !== 'submitted') return refuse('reports.rule.not_allowed_now', 409);
      if (!who.reviewer) return refuse('reports.rule.not_your_step', 403);
      return { ok: true, next: 'accepted' };
    case 'extend':
      if (!OWED_STATUSES.includes(status)) return refuse('reports.rule.not_allowed_now', 409);
      if (!who.reviewer) return refuse('reports.rule.not_your_step', 403);
      if (input.roundOpen === false) return refuse('reports.rule.round_closed', 409);
      if (!input.reason?.trim()) return refuse('reports.rule.reason_required', 400);
      if (!input.newDueDate) return refuse('reports.rule.due_date_required', 400);
      if (input.dueDate && input.newDueDate <= input.dueDate)
        return refuse('reports.rule.due_date_not_later', 400);
      return { ok: true, next: status };
  }
}

/** The actions this person may take now (the buttons the web shows). Submit is offered even with errors. */
export function allowedReportActions(
  status: ReportStatus,
  who: ReportActor,
  roundOpen = true,
): ReportAction[] {
  return REPORT_ACTIONS.filter(
    (a) =>
      reportTransition(status, a, who, {
        reason: 'x',
        errorCount: 0,
        newDueDate: '9999-12-31',
        roundOpen,
      }).ok,
  );
}

/**
 * Timeliness: a report is on time when its first submission is on or before its deadline (the round's, or
 * the unit's extension). A report returned and resubmitted later stays on time: the unit met the deadline.
 */
export function submittedLate(firstSubmittedOn: string | null, dueDate: string): boolean {
  return firstSubmittedOn !== null && firstSubmittedOn > dueDate;
}

/** Who acts next once the report is in `status`, in plain words. */
export function reportNextActor(status: ReportStatus, unitName: string, reviewerName: string) {
  switch (status) {
    case 'draft':
      return {
        vi: `${unitName} hoàn thành và gửi báo cáo`,
        en: `${unitName} completes and submits the report`,
      };
    case 'returned':
      return { vi: `${unitName} sửa theo ý kiến và gửi lại`, en: `${unitName} revises and submits again` };
    case 'submitted':
      return { vi: `${reviewerName} xem xét, tiếp nhận`, en: `${reviewerName} reviews and accepts` };
    case 'accepted':
      return null;
  }
}

export type RateInput = { status: string; firstSubmittedOn: string | null; dueDate: string };
export type Rates = {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  accepted: number;
  returned: number;
  notSubmitted: number;
  /** Percentages of the expected (null when nothing is expected): never above 100 — the numerators are subsets. */
  submittedRate: number | null;
  onTimeRate: number | null;
  acceptedRate: number | null;
};

const pctOf = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);

/**
 * The reporting rates of a set of expected reports (one per expected unit, so a unit counts once whatever
 * it did): submitted = submitted or accepted now (a returned report is owed again); on time = submitted
 * and first submitted by its deadline; accepted. Rates are shares of the expected, to one decimal.
 */
export function reportingRates(rows: readonly RateInput[], today: string): Rates {
  let submitted = 0;
  let onTime = 0;
  let late = 0;
  let accepted = 0;
  let returned = 0;
  for (const r of rows) {
    const isSubmitted = (SUBMITTED_STATUSES as readonly string[]).includes(r.status);
    if (isSubmitted) {
      submitted += 1;
      if (submittedLate(r.firstSubmittedOn, r.dueDate)) late += 1;
      else onTime += 1;
    } else if (r.status === 'returned') {
      returned += 1;
      if (submittedLate(r.firstSubmittedOn, r.dueDate)) late += 1;
    } else if (today > r.dueDate) late += 1;
    if (r.status === 'accepted') accepted += 1;
  }
  const expected = rows.length;
  return {
    expected,
    submitted,
    onTime,
    late,
    accepted,
    returned,
    notSubmitted: expected - submitted,
    submittedRate: pctOf(submitted, expected),
    onTimeRate: pctOf(onTime, expected),
    acceptedRate: pctOf(accepted, expected),
  };
}
