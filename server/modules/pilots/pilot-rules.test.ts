import { describe, expect, it } from 'vitest';
import {
  allowedReportActions,
  clockDay,
  dayInYear,
  displayName,
  dueInYear,
  hasEnded,
  isReportKind,
  isReportStatus,
  missingAssessments,
  overlapsYear,
  REPORT_ACTIONS,
  REPORT_KINDS,
  REPORT_STATUSES,
  reportPeriod,
  reportTransition,
  yearBounds,
  type ReportAction,
  type ReportActor,
  type ReportStatus,
} from './pilot-rules.js';

describe('years and validity', () => {
  it('a year runs 1/1–31/12; anything else is not a year', () => {
    expect(yearBounds(2023)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(() => yearBounds(23)).toThrow(RangeError);
    expect(() => yearBounds(2023.5)).toThrow(RangeError);
  });

  it.each([
    // [from, to, year, overlaps]
    ['1900-01-01', '2025-06-30', 2023, true],
    ['1900-01-01', '2025-06-30', 2025, true],
    ['1900-01-01', '2025-06-30', 2026, false],
    ['2025-07-01', null, 2025, true],
    ['2025-07-01', null, 2024, false],
    ['2024-12-31', '2024-12-31', 2024, true],
    ['2024-12-31', '2024-12-31', 2025, false],
    ['2023-01-01', '2023-01-01', 2023, true],
    ['2023-03-06', null, 2023, true],
    ['2024-05-15', null, 2030, true],
  ] as const)('[%s, %s] overlaps %i: %s', (from, to, year, expected) => {
    expect(overlapsYear(year, from, to)).toBe(expected);
  });

  it('a unit is looked at on its last day of the year: 31/12, or the day it ended', () => {
    expect(dayInYear(2023, '1900-01-01', '2025-06-30')).toBe('2023-12-31');
    expect(dayInYear(2025, '1900-01-01', '2025-06-30')).toBe('2025-06-30');
    expect(dayInYear(2025, '2008-04-04', '2025-02-28')).toBe('2025-02-28');
    expect(dayInYear(2025, '2025-07-01', null)).toBe('2025-12-31');
    expect(dayInYear(2026, '1900-01-01', '2025-06-30')).toBeNull();
    expect(dayInYear(2024, '2025-07-01', null)).toBeNull();
  });

  it('items are due within the programme year', () => {
    expect(dueInYear(2024, '2024-01-01')).toBe(true);
    expect(dueInYear(2024, '2024-12-31')).toBe(true);
    expect(dueInYear(2024, '2025-01-01')).toBe(false);
    expect(dueInYear(2024, '2023-12-31')).toBe(false);
    expect(dueInYear(2024, '31/12/2024')).toBe(false);
  });

  it('a unit has ended once its last day is past', () => {
    expect(hasEnded(null, '2026-01-01')).toBe(false);
    expect(hasEnded('2025-06-30', '2025-06-30')).toBe(false);
    expect(hasEnded('2025-06-30', '2025-07-01')).toBe(true);
  });

  it("an item's clock stops on the last day of a unit that has ended", () => {
    expect(clockDay('2026-11-23', '2025-06-30')).toBe('2025-06-30');
    expect(clockDay('2025-06-30', '2025-06-30')).toBe('2025-06-30');
    expect(clockDay('2025-03-01', '2025-06-30')).toBe('2025-03-01');
    expect(clockDay('2026-11-23', null)).toBe('2026-11-23');
  });

  it('districts, communes and provinces go by their full name, departments by their name', () => {
    expect(displayName({ kind: 'district', name: 'Diễn Châu', fullName: 'Huyện Diễn Châu' })).toBe(
      'Huyện Diễn Châu',
    );
    expect(displayName({ kind: 'commune', name: 'Diễn Châu', fullName: 'Xã Diễn Châu' })).toBe(
      'Xã Diễn Châu',
    );
    expect(displayName({ kind: 'province', name: 'Nghệ An', fullName: 'UBND tỉnh Nghệ An' })).toBe(
      'UBND tỉnh Nghệ An',
    );
    expect(displayName({ kind: 'department', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp tỉnh Nghệ An' })).toBe(
      'Sở Tư pháp',
    );
    expect(
      displayName({
        kind: 'management_board',
        name: 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An',
        fullName: 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An',
      }),
    ).toBe('Ban Quản lý Khu kinh tế Đông Nam Nghệ An');
  });
});

describe('report kinds and periods', () => {
  it('the 6-monthly report is the first half, the year-end report the whole year', () => {
    expect(reportPeriod('half_year', 2023)).toEqual({ type: 'half', year: 2023, index: 1 });
    expect(reportPeriod('year_end', 2024)).toEqual({ type: 'year', year: 2024, index: 1 });
    expect(() => reportPeriod('half_year', 99)).toThrow(RangeError);
  });

  it('recognises kinds and statuses', () => {
    for (const k of REPORT_KINDS) expect(isReportKind(k)).toBe(true);
    for (const s of REPORT_STATUSES) expect(isReportStatus(s)).toBe(true);
    expect(isReportKind('quarter')).toBe(false);
    expect(isReportStatus('verified')).toBe(false);
  });
});

const ACTORS: Record<string, ReportActor> = {
  nobody: {},
  unitStaff: { isUnitStaff: true },
  unitLeader: { isUnitLeader: true },
  standing: { isStandingAgency: true },
  admin: { isAdmin: true },
};
const COMPLETE = {
  overall: 'Đạt yêu cầu',
  itemIds: ['a', 'b'],
  assessedItemIds: ['b', 'a'],
  reason: 'Bổ sung',
};
const STATES: (ReportStatus | null)[] = [null, ...REPORT_STATUSES];

/** The whole table: which (status, action) pairs move where, for a fully qualified actor with complete inputs. */
const EXPECTED: Record<string, Partial<Record<ReportAction, ReportStatus>>> = {
  none: { save: 'draft', submit: 'submitted' },
  draft: { save: 'draft', submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned' },
  accepted: {},
  returned: { save: 'returned', submit: 'submitted' },
};

describe('report workflow', () => {
  for (const status of STATES) {
    for (const action of REPORT_ACTIONS) {
      const next = EXPECTED[status ?? 'none']![action];
      const qualified = action === 'accept' || action === 'return' ? ACTORS.standing! : ACTORS.unitStaff!;
      it(`${status ?? '(none)'} --${action}--> ${next ?? 'refused'}`, () => {
        const r = reportTransition(status, action, { ...qualified, ...COMPLETE });
        if (next) expect(r).toEqual({ ok: true, next });
        else
          expect(r).toEqual({
            ok: false,
            reason: status === 'accepted' ? 'pilots.report_final' : 'pilots.report_invalid_transition',
          });
      });
    }
  }

  it.each(Object.entries(ACTORS))('who may act: %s', (name, actor) => {
    const unit = name === 'unitStaff' || name === 'unitLeader';
    const standing = name === 'standing' || name === 'admin';
    expect(reportTransition('draft', 'submit', { ...actor, ...COMPLETE }).ok).toBe(unit);
    expect(reportTransition('draft', 'save', actor).ok).toBe(unit);
    expect(reportTransition('submitted', 'accept', actor).ok).toBe(standing);
    expect(reportTransition('submitted', 'return', { ...actor, reason: 'x' }).ok).toBe(standing);
    if (!unit)
      expect(reportTransition('draft', 'submit', actor)).toEqual({
        ok: false,
        reason: 'pilots.report_unit_only',
      });
    if (!standing)
      expect(reportTransition('submitted', 'accept', actor)).toEqual({
        ok: false,
        reason: 'pilots.report_standing_only',
      });
  });

  it('status is checked before the actor, the actor before the inputs', () => {
    expect(reportTransition('accepted', 'submit', {})).toMatchObject({ reason: 'pilots.report_final' });
    expect(reportTransition('submitted', 'submit', {})).toMatchObject({
      reason: 'pilots.report_invalid_transition',
    });
    expect(reportTransition('draft', 'submit', { isAdmin: true })).toMatchObject({
      reason: 'pilots.report_unit_only',
    });
  });

  it('submitting needs the overall assessment and one for every item owed', () => {
    const staff = ACTORS.unitStaff!;
    expect(reportTransition('draft', 'submit', { ...staff, ...COMPLETE, overall: '  ' })).toEqual({
      ok: false,
      reason: 'pilots.report_overall_required',
    });
    expect(reportTransition('draft', 'submit', { ...staff, ...COMPLETE, assessedItemIds: ['a'] })).toEqual({
      ok: false,
      reason: 'pilots.report_assessment_missing',
      missingItemIds: ['b'],
    });
    // A unit with no item owed submits with the overall assessment alone.
    expect(
      reportTransition(null, 'submit', { ...staff, overall: 'Tốt', itemIds: [], assessedItemIds: [] }),
    ).toEqual({ ok: true, next: 'submitted' });
  });

  it('returning needs a reason', () => {
    expect(reportTransition('submitted', 'return', { ...ACTORS.standing, reason: ' ' })).toEqual({
      ok: false,
      reason: 'pilots.report_reason_required',
    });
    expect(reportTransition('submitted', 'return', { ...ACTORS.standing, reason: null })).toMatchObject({
      ok: false,
    });
  });

  it('lists the buttons each actor sees in each status', () => {
    const table = Object.fromEntries(
      Object.entries(ACTORS).map(([name, actor]) => [
        name,
        STATES.map((s) => `${s ?? 'none'}:${allowedReportActions(s, actor).join('+')}`),
      ]),
    );
    expect(table).toEqual({
      nobody: ['none:', 'draft:', 'submitted:', 'accepted:', 'returned:'],
      unitStaff: ['none:save+submit', 'draft:save+submit', 'submitted:', 'accepted:', 'returned:save+submit'],
      unitLeader: [
        'none:save+submit',
        'draft:save+submit',
        'submitted:',
        'accepted:',
        'returned:save+submit',
      ],
      standing: ['none:', 'draft:', 'submitted:accept+return', 'accepted:', 'returned:'],
      admin: ['none:', 'draft:', 'submitted:accept+return', 'accepted:', 'returned:'],
    });
  });

  it('missing assessments keep the items’ order', () => {
    expect(missingAssessments(['c', 'a', 'b'], ['a'])).toEqual(['c', 'b']);
    expect(missingAssessments([], ['a'])).toEqual([]);
    expect(missingAssessments(['a'], [])).toEqual(['a']);
  });
});
