import { describe, expect, it } from 'vitest';
import {
  allowedReportActions,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  reportingRates,
  reportTransition,
  submittedLate,
  type ReportActor,
} from './report-rules.js';

const nobody: ReportActor = {
  unitPeople: false,
  unitLeader: false,
  focalPointSubmits: false,
  reviewer: false,
};
const focal: ReportActor = { ...nobody, unitPeople: true };
const leader: ReportActor = { ...nobody, unitPeople: true, unitLeader: true };
const focalAllowed: ReportActor = { ...focal, focalPointSubmits: true };
const reviewer: ReportActor = { ...nobody, reviewer: true };
const ALL = {
  reason: 'lý do',
  errorCount: 0,
  dueDate: '2026-09-20',
  newDueDate: '2026-10-31',
  roundOpen: true,
};

describe('the workflow of a periodic report (issue 13; deadline: guidance 581/BNV-CCHC)', () => {
  it('every status × action × person gives exactly the transitions of the diagram', () => {
    const table: string[] = [];
    for (const status of REPORT_STATUSES)
      for (const action of REPORT_ACTIONS)
        for (const [name, who] of Object.entries({ focal, leader, focalAllowed, reviewer, nobody })) {
          const r = reportTransition(status, action, who, ALL);
          if (r.ok) table.push(`${status} ${action} ${name} → ${r.next}`);
        }
    expect(table).toEqual([
      'draft submit leader → submitted',
      'draft submit focalAllowed → submitted',
      'draft extend reviewer → draft',
      'submitted return reviewer → returned',
      'submitted accept reviewer → accepted',
      'returned submit leader → submitted',
      'returned submit focalAllowed → submitted',
      'returned extend reviewer → returned',
    ]);
  });

  it('says why a step is refused: locked once accepted, not the person, a reason, errors, a later date', () => {
    expect(reportTransition('accepted', 'return', reviewer, ALL)).toMatchObject({
      ok: false,
      reason: 'reports.rule.locked',
      status: 409,
    });
    expect(reportTransition('draft', 'submit', focal, ALL)).toMatchObject({
      reason: 'reports.rule.not_your_step',
      status: 403,
    });
    expect(reportTransition('draft', 'submit', leader, { ...ALL, errorCount: 3 })).toMatchObject({
      reason: 'reports.rule.has_errors',
      status: 400,
    });
    expect(reportTransition('submitted', 'return', reviewer, { ...ALL, reason: '  ' })).toMatchObject({
      reason: 'reports.rule.reason_required',
    });
    expect(reportTransition('submitted', 'submit', leader, ALL)).toMatchObject({
      reason: 'reports.rule.not_allowed_now',
      status: 409,
    });
    expect(reportTransition('draft', 'extend', reviewer, { ...ALL, newDueDate: '2026-09-20' })).toMatchObject(
      { reason: 'reports.rule.due_date_not_later' },
    );
    expect(reportTransition('draft', 'extend', reviewer, { ...ALL, newDueDate: null })).toMatchObject({
      reason: 'reports.rule.due_date_required',
    });
    expect(reportTransition('draft', 'extend', reviewer, { ...ALL, roundOpen: false })).toMatchObject({
      reason: 'reports.rule.round_closed',
    });
  });

  it('offers the buttons the person may press now (submit even before the errors are fixed)', () => {
    expect(allowedReportActions('draft', leader)).toEqual(['submit']);
    expect(allowedReportActions('draft', focal)).toEqual([]);
    expect(allowedReportActions('submitted', reviewer)).toEqual(['return', 'accept']);
    expect(allowedReportActions('draft', reviewer, false)).toEqual([]);
    expect(allowedReportActions('accepted', reviewer)).toEqual([]);
  });

  it('is on time when first submitted by its deadline, whatever happened after', () => {
    expect(submittedLate('2026-09-20', '2026-09-20')).toBe(false);
    expect(submittedLate('2026-09-21', '2026-09-20')).toBe(true);
    expect(submittedLate(null, '2026-09-20')).toBe(false);
  });
});

describe('reporting rates: never above 100%', () => {
  const r = (status: string, firstSubmittedOn: string | null, dueDate = '2026-09-20') => ({
    status,
    firstSubmittedOn,
    dueDate,
  });
  it('counts each expected unit once: submitted (now), on time, late, accepted, returned, not submitted', () => {
    const rates = reportingRates(
      [
        r('accepted', '2026-09-18'),
        r('accepted', '2026-09-25'),
        r('submitted', '2026-09-19'),
        r('returned', '2026-09-10'),
        r('draft', null),
        r('draft', null, '2026-12-31'),
      ],
      '2026-10-01',
    );
    expect(rates).toEqual({
      expected: 6,
      submitted: 3,
      onTime: 2,
      late: 2,
      accepted: 2,
      returned: 1,
      notSubmitted: 3,
      submittedRate: 50,
      onTimeRate: 33.3,
      acceptedRate: 33.3,
    });
  });
  it('nothing expected gives no rate rather than 0% or 100%', () => {
    expect(reportingRates([], '2026-10-01')).toMatchObject({
      expected: 0,
      submittedRate: null,
      onTimeRate: null,
    });
  });
  it('any mix stays within 0–100%', () => {
    const statuses = ['draft', 'submitted', 'returned', 'accepted'];
    for (let n = 1; n < 200; n += 7) {
      const rows = Array.from({ length: n }, (_, i) =>
        r(statuses[i % 4]!, i % 3 ? '2026-09-19' : '2026-09-30'),
      );
      const x = reportingRates(rows, '2026-10-01');
      for (const v of [x.submittedRate, x.onTimeRate, x.acceptedRate]) expect(v!).toBeLessThanOrEqual(100);
      expect(x.onTime + (x.submitted - x.onTime)).toBe(x.submitted);
    }
  });
});
