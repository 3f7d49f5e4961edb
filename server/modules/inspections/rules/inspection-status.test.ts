import { describe, expect, it } from 'vitest';
import { INSPECTION_STATUSES, type InspectionStatus } from '../inspections.table.js';
import {
  allowedInspectionActions,
  INSPECTION_ACTIONS,
  INSPECTION_STEPS,
  inspectionTransition,
  isCounted,
  isInspected,
  type InspectionAction,
  type Who,
} from './inspection-status.js';

const OFFICE: Who = { office: true, head: false, team: false };
const HEAD: Who = { office: false, head: true, team: true };
const MEMBER: Who = { office: false, head: false, team: true };
const NOBODY: Who = { office: false, head: false, team: false };
const WHO = { OFFICE, HEAD, MEMBER, NOBODY };

/** The whole table, written out: for each status, which actions each caller may take. */
const EXPECTED: Record<InspectionStatus, Record<keyof typeof WHO, InspectionAction[]>> = {
  planned: {
    OFFICE: ['cancel', 'edit', 'edit_team'],
    HEAD: ['start', 'edit'],
    MEMBER: [],
    NOBODY: [],
  },
  in_progress: {
    OFFICE: ['cancel', 'edit', 'edit_team'],
    HEAD: ['sign_minutes', 'edit', 'record_findings'],
    MEMBER: ['record_findings'],
    NOBODY: [],
  },
  minutes_signed: { OFFICE: ['conclude'], HEAD: [], MEMBER: [], NOBODY: [] },
  concluded: { OFFICE: ['reinspect'], HEAD: [], MEMBER: [], NOBODY: [] },
  cancelled: { OFFICE: [], HEAD: [], MEMBER: [], NOBODY: [] },
};

describe('the inspection workflow', () => {
  it('allows exactly the table, for every status and caller', () => {
    for (const status of INSPECTION_STATUSES)
      for (const [name, who] of Object.entries(WHO))
        expect(allowedInspectionActions(status, who), `${status} ${name}`).toEqual(
          EXPECTED[status][name as keyof typeof WHO],
        );
  });

  it('planned → in_progress → minutes_signed → concluded; cancelled from planned or in progress', () => {
    expect(inspectionTransition('planned', 'start', HEAD)).toEqual({ ok: true, to: 'in_progress' });
    expect(inspectionTransition('in_progress', 'sign_minutes', HEAD, { conductedOn: '2026-05-12' })).toEqual({
      ok: true,
      to: 'minutes_signed',
    });
    expect(inspectionTransition('minutes_signed', 'conclude', OFFICE)).toEqual({ ok: true, to: 'concluded' });
    expect(inspectionTransition('planned', 'cancel', OFFICE, { reason: 'Đơn vị sáp nhập' })).toEqual({
      ok: true,
      to: 'cancelled',
    });
    expect(inspectionTransition('in_progress', 'cancel', OFFICE, { reason: 'Lý do' })).toEqual({
      ok: true,
      to: 'cancelled',
    });
  });

  it('edits, team changes, findings and re-inspection leave the status as it is', () => {
    expect(inspectionTransition('planned', 'edit', OFFICE)).toEqual({ ok: true, to: 'planned' });
    expect(inspectionTransition('in_progress', 'record_findings', MEMBER)).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(inspectionTransition('in_progress', 'edit_team', OFFICE)).toEqual({ ok: true, to: 'in_progress' });
    expect(inspectionTransition('concluded', 'reinspect', OFFICE)).toEqual({ ok: true, to: 'concluded' });
  });

  it('a status that does not allow the step is 409 whoever asks; the wrong caller 403', () => {
    for (const action of INSPECTION_ACTIONS)
      for (const status of INSPECTION_STATUSES) {
        const step = INSPECTION_STEPS[action];
        const anyone: Who = { office: true, head: true, team: true };
        const r = inspectionTransition(status, action, anyone, { reason: 'x', conductedOn: '2026-01-05' });
        if (!step.from.includes(status))
          expect(r, `${action} from ${status}`).toEqual({
            ok: false,
            status: 409,
            reason: 'inspections.rule.not_allowed_now',
          });
        else expect(r.ok, `${action} from ${status}`).toBe(true);
        if (step.from.includes(status))
          expect(
            inspectionTransition(status, action, NOBODY, { reason: 'x', conductedOn: '2026-01-05' }),
          ).toEqual({
            ok: false,
            status: 403,
            reason: 'inspections.rule.not_your_step',
          });
      }
  });

  it('only the head starts and signs; a member or the office cannot', () => {
    for (const who of [MEMBER, OFFICE]) {
      expect(inspectionTransition('planned', 'start', who)).toMatchObject({ ok: false, status: 403 });
      expect(
        inspectionTransition('in_progress', 'sign_minutes', who, { conductedOn: '2026-01-05' }),
      ).toMatchObject({
        ok: false,
        status: 403,
      });
    }
  });

  it('cancelling needs a reason; signing needs the day inspected, not in the future', () => {
    expect(inspectionTransition('planned', 'cancel', OFFICE, { reason: '  ' })).toEqual({
      ok: false,
      status: 400,
      reason: 'inspections.rule.reason_required',
    });
    expect(inspectionTransition('in_progress', 'sign_minutes', HEAD)).toEqual({
      ok: false,
      status: 400,
      reason: 'inspections.rule.conducted_on_required',
    });
    expect(
      inspectionTransition('in_progress', 'sign_minutes', HEAD, {
        conductedOn: '2026-12-08',
        today: '2026-12-07',
      }),
    ).toEqual({ ok: false, status: 400, reason: 'inspections.rule.conducted_on_future' });
    expect(
      inspectionTransition('in_progress', 'sign_minutes', HEAD, {
        conductedOn: '2026-12-07',
        today: '2026-12-07',
      }),
    ).toEqual({ ok: true, to: 'minutes_signed' });
  });

  it('counts an inspection as inspected once the minutes are signed, and cancelled ones not at all', () => {
    expect(INSPECTION_STATUSES.filter(isInspected)).toEqual(['minutes_signed', 'concluded']);
    expect(INSPECTION_STATUSES.filter((s) => !isCounted(s))).toEqual(['cancelled']);
  });
});
