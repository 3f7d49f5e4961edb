import { describe, expect, it } from 'vitest';
import {
  actionEvent,
  actionPatch,
  allowedActions,
  isExtended,
  isTaskAction,
  isTaskStatus,
  TASK_ACTIONS,
  TASK_MESSAGES,
  TASK_STATUSES,
  transition,
  type TaskAction,
  type TaskActor,
  type TaskStatus,
  type TransitionContext,
} from './index.js';

/** Complete, valid inputs for every action. */
const INPUTS: TransitionContext = {
  reason: 'Theo chỉ đạo của Trưởng ban',
  documentId: 'doc-123',
  output: 'Đã ban hành Quyết định số 12/QĐ-UBND',
  evidenceCount: 1,
  dueDate: '2026-03-31',
  newDueDate: '2026-06-30',
};

const ALL_POWERS: TaskActor = {
  isAdmin: true,
  isStandingAgency: true,
  isLeadUnitStaff: true,
  isLeadUnitLeader: true,
  followsUnit: true,
};

const ACTORS = {
  admin: { isAdmin: true },
  standing: { isStandingAgency: true },
  leadStaff: { isLeadUnitStaff: true },
  leadLeader: { isLeadUnitLeader: true },
  followingMember: { followsUnit: true },
  committeeLeader: {},
  otherUnitStaff: {},
} satisfies Record<string, TaskActor>;

/**
 * The full transition matrix for an actor holding every power, with complete inputs: a status is the
 * next status, '×' is 'tasks.invalid_transition' and 'final' is 'tasks.status_final'.
 */
const MATRIX: Record<TaskStatus, Record<TaskAction, TaskStatus | '×' | 'final'>> = {
  not_started: {
    start: 'in_progress',
    report_done: 'reported_done',
    withdraw_report: '×',
    verify: '×',
    return: '×',
    reopen: '×',
    cancel: 'cancelled',
    extend: 'not_started',
  },
  in_progress: {
    start: '×',
    report_done: 'reported_done',
    withdraw_report: '×',
    verify: '×',
    return: '×',
    reopen: '×',
    cancel: 'cancelled',
    extend: 'in_progress',
  },
  reported_done: {
    start: '×',
    report_done: '×',
    withdraw_report: 'in_progress',
    verify: 'verified',
    return: 'returned',
    reopen: '×',
    cancel: 'cancelled',
    extend: '×',
  },
  returned: {
    start: '×',
    report_done: 'reported_done',
    withdraw_report: '×',
    verify: '×',
    return: '×',
    reopen: '×',
    cancel: 'cancelled',
    extend: 'returned',
  },
  verified: {
    start: 'final',
    report_done: 'final',
    withdraw_report: 'final',
    verify: 'final',
    return: 'final',
    reopen: 'in_progress',
    cancel: 'final',
    extend: 'final',
  },
  cancelled: {
    start: 'final',
    report_done: 'final',
    withdraw_report: 'final',
    verify: 'final',
    return: 'final',
    reopen: 'final',
    cancel: 'final',
    extend: 'final',
  },
};

/** A status from which `action` is possible (for the actor and input tests). */
const FROM: Record<TaskAction, TaskStatus> = {
  start: 'not_started',
  report_done: 'in_progress',
  withdraw_report: 'reported_done',
  verify: 'reported_done',
  return: 'reported_done',
  reopen: 'verified',
  cancel: 'in_progress',
  extend: 'in_progress',
};

describe('transition: the full status × action matrix', () => {
  it('covers every status and action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...TASK_STATUSES].sort());
    for (const row of Object.values(MATRIX))
      expect(Object.keys(row).sort()).toEqual([...TASK_ACTIONS].sort());
  });
  for (const status of TASK_STATUSES)
    for (const action of TASK_ACTIONS) {
      const expected = MATRIX[status][action];
      it(`${status} --${action}--> ${expected}`, () => {
        const result = transition(status, action, { ...ALL_POWERS, ...INPUTS });
        if (expected === '×') expect(result).toEqual({ ok: false, reason: 'tasks.invalid_transition' });
        else if (expected === 'final') expect(result).toEqual({ ok: false, reason: 'tasks.status_final' });
        else expect(result).toMatchObject({ ok: true, next: expected });
      });
    }
});

describe('transition: who may act', () => {
  const LEAD = 'tasks.lead_unit_only';
  const STANDING = 'tasks.standing_agency_only';
  const LEAD_OR_STANDING = 'tasks.lead_unit_or_standing_agency_only';
  const EXPECTED: Record<TaskAction, Record<keyof typeof ACTORS, 'ok' | string>> = {
    start: {
      admin: 'ok',
      standing: 'ok',
      leadStaff: 'ok',
      leadLeader: 'ok',
      followingMember: LEAD_OR_STANDING,
      committeeLeader: LEAD_OR_STANDING,
      otherUnitStaff: LEAD_OR_STANDING,
    },
    report_done: {
      admin: LEAD,
      standing: LEAD,
      leadStaff: 'ok',
      leadLeader: 'ok',
      followingMember: LEAD,
      committeeLeader: LEAD,
      otherUnitStaff: LEAD,
    },
    withdraw_report: {
      admin: LEAD,
      standing: LEAD,
      leadStaff: 'ok',
      leadLeader: 'ok',
      followingMember: LEAD,
      committeeLeader: LEAD,
      otherUnitStaff: LEAD,
    },
    verify: {
      admin: 'ok',
      standing: 'ok',
      leadStaff: STANDING,
      leadLeader: STANDING,
      followingMember: STANDING,
      committeeLeader: STANDING,
      otherUnitStaff: STANDING,
    },
    return: {} as never,
    reopen: {} as never,
    cancel: {} as never,
    extend: {} as never,
  };
  for (const a of ['return', 'reopen', 'cancel', 'extend'] as const) EXPECTED[a] = EXPECTED.verify;

  for (const action of TASK_ACTIONS)
    for (const [name, actor] of Object.entries(ACTORS)) {
      const expected = EXPECTED[action][name as keyof typeof ACTORS];
      it(`${action} by ${name}: ${expected}`, () => {
        const result = transition(FROM[action], action, { ...actor, ...INPUTS });
        if (expected === 'ok') expect(result.ok).toBe(true);
        else expect(result).toEqual({ ok: false, reason: expected });
      });
    }

  it('a committee member following the unit changes no status, verification included', () => {
    expect(allowedActions('reported_done', ACTORS.followingMember)).toEqual([]);
    expect(allowedActions('in_progress', ACTORS.followingMember)).toEqual([]);
  });

  it('when the plan routes done reports through the unit leader, only the leader reports', () => {
    const plan = { reportNeedsUnitLeader: true };
    expect(transition('in_progress', 'report_done', { ...ACTORS.leadStaff, ...plan, ...INPUTS })).toEqual({
      ok: false,
      reason: 'tasks.unit_leader_only',
    });
    expect(
      transition('in_progress', 'report_done', {
        ...ALL_POWERS,
        isLeadUnitLeader: false,
        ...plan,
        ...INPUTS,
      }),
    ).toEqual({ ok: false, reason: 'tasks.unit_leader_only' });
    expect(transition('in_progress', 'report_done', { ...ACTORS.leadLeader, ...plan, ...INPUTS })).toEqual({
      ok: true,
      next: 'reported_done',
    });
    // The staff may still withdraw a report and start the task.
    expect(transition('reported_done', 'withdraw_report', { ...ACTORS.leadStaff, ...plan }).ok).toBe(true);
    expect(transition('not_started', 'start', { ...ACTORS.leadStaff, ...plan }).ok).toBe(true);
  });

  it('the status is checked before the actor, the actor before the inputs', () => {
    expect(transition('verified', 'verify', {})).toEqual({ ok: false, reason: 'tasks.status_final' });
    expect(transition('in_progress', 'verify', {})).toEqual({
      ok: false,
      reason: 'tasks.invalid_transition',
    });
    expect(transition('reported_done', 'return', { isLeadUnitStaff: true })).toEqual({
      ok: false,
      reason: 'tasks.standing_agency_only',
    });
    expect(transition('reported_done', 'return', { isStandingAgency: true })).toEqual({
      ok: false,
      reason: 'tasks.reason_required',
    });
  });
});

describe('transition: required inputs', () => {
  const lead = ACTORS.leadStaff;
  const standing = ACTORS.standing;

  it('report_done needs the output text (not blank)', () => {
    for (const output of [undefined, null, '', '   '])
      expect(transition('in_progress', 'report_done', { ...lead, ...INPUTS, output })).toEqual({
        ok: false,
        reason: 'tasks.output_required',
      });
  });
  it('report_done needs at least one piece of evidence unless the plan makes it optional', () => {
    for (const evidenceCount of [undefined, null, 0])
      expect(transition('in_progress', 'report_done', { ...lead, ...INPUTS, evidenceCount })).toEqual({
        ok: false,
        reason: 'tasks.evidence_required',
      });
    expect(
      transition('in_progress', 'report_done', {
        ...lead,
        ...INPUTS,
        evidenceCount: 0,
        evidenceOptional: true,
      }),
    ).toEqual({ ok: true, next: 'reported_done' });
    expect(transition('returned', 'report_done', { ...lead, ...INPUTS, evidenceCount: 3 })).toEqual({
      ok: true,
      next: 'reported_done',
    });
  });
  it('return and reopen need a reason; verify needs nothing', () => {
    for (const [from, action] of [
      ['reported_done', 'return'],
      ['verified', 'reopen'],
    ] as const) {
      expect(transition(from, action, { ...standing, reason: ' ' })).toEqual({
        ok: false,
        reason: 'tasks.reason_required',
      });
      expect(transition(from, action, { ...standing, reason: 'Minh chứng chưa đủ' }).ok).toBe(true);
    }
    expect(transition('reported_done', 'verify', standing)).toEqual({ ok: true, next: 'verified' });
  });
  it('cancel needs a reason AND a document', () => {
    expect(transition('in_progress', 'cancel', { ...standing, documentId: 'd' })).toEqual({
      ok: false,
      reason: 'tasks.reason_required',
    });
    expect(transition('in_progress', 'cancel', { ...standing, reason: 'r' })).toEqual({
      ok: false,
      reason: 'tasks.document_required',
    });
    expect(transition('in_progress', 'cancel', { ...standing, reason: 'r', documentId: 'd' })).toEqual({
      ok: true,
      next: 'cancelled',
    });
  });
  it('extend needs a reason, a document and a valid new due date after the current one', () => {
    const base = { ...standing, reason: 'r', documentId: 'd', dueDate: '2026-03-31' };
    expect(transition('in_progress', 'extend', { ...base, reason: '' })).toEqual({
      ok: false,
      reason: 'tasks.reason_required',
    });
    expect(transition('in_progress', 'extend', { ...base, documentId: null })).toEqual({
      ok: false,
      reason: 'tasks.document_required',
    });
    expect(transition('in_progress', 'extend', base)).toEqual({
      ok: false,
      reason: 'tasks.new_due_date_required',
    });
    for (const newDueDate of ['2026-02-30', '31/03/2026', 'soon'])
      expect(transition('in_progress', 'extend', { ...base, newDueDate })).toEqual({
        ok: false,
        reason: 'tasks.new_due_date_invalid',
      });
    for (const newDueDate of ['2026-03-31', '2026-03-30'])
      expect(transition('in_progress', 'extend', { ...base, newDueDate })).toEqual({
        ok: false,
        reason: 'tasks.new_due_date_not_later',
      });
    expect(transition('in_progress', 'extend', { ...base, newDueDate: '2026-04-01' })).toEqual({
      ok: true,
      next: 'in_progress',
      dueDate: '2026-04-01',
    });
  });
  it('extend gives an open-ended task ("thường xuyên") its first due date', () => {
    expect(
      transition('not_started', 'extend', {
        ...standing,
        reason: 'r',
        documentId: 'd',
        dueDate: null,
        newDueDate: '2026-12-31',
      }),
    ).toEqual({ ok: true, next: 'not_started', dueDate: '2026-12-31' });
  });
});

describe('allowedActions', () => {
  it('agrees with transition given complete inputs, for every status, actor and plan option', () => {
    for (const status of TASK_STATUSES)
      for (const actor of [...Object.values(ACTORS), ALL_POWERS])
        for (const plan of [{}, { reportNeedsUnitLeader: true }]) {
          const expected = TASK_ACTIONS.filter(
            (a) => transition(status, a, { ...actor, ...plan, ...INPUTS }).ok,
          );
          expect(allowedActions(status, { ...actor, ...plan })).toEqual(expected);
        }
  });
  it('offers the buttons each role expects', () => {
    expect(allowedActions('not_started', ACTORS.leadStaff)).toEqual(['start', 'report_done']);
    expect(allowedActions('reported_done', ACTORS.leadStaff)).toEqual(['withdraw_report']);
    expect(allowedActions('reported_done', ACTORS.standing)).toEqual(['verify', 'return', 'cancel']);
    expect(allowedActions('in_progress', ACTORS.standing)).toEqual(['cancel', 'extend']);
    expect(allowedActions('verified', ACTORS.standing)).toEqual(['reopen']);
    expect(allowedActions('verified', ACTORS.leadLeader)).toEqual([]);
    expect(allowedActions('cancelled', ALL_POWERS)).toEqual([]);
    expect(allowedActions('returned', ACTORS.committeeLeader)).toEqual([]);
  });
  it('ignores inputs: buttons show before the form is filled', () => {
    expect(allowedActions('reported_done', { ...ACTORS.standing })).toContain('return');
  });
});

describe('helpers', () => {
  it('isTaskStatus / isTaskAction', () => {
    expect(isTaskStatus('verified')).toBe(true);
    expect(isTaskStatus('overdue')).toBe(false);
    expect(isTaskStatus('extended')).toBe(false);
    expect(isTaskAction('extend')).toBe(true);
    expect(isTaskAction('delete')).toBe(false);
  });
  it('isExtended compares the due date with the plan’s original one', () => {
    expect(isExtended({ dueDate: '2026-06-30', originalDueDate: '2026-03-31' })).toBe(true);
    expect(isExtended({ dueDate: '2026-03-31', originalDueDate: '2026-03-31' })).toBe(false);
    expect(isExtended({ dueDate: null, originalDueDate: null })).toBe(false);
  });
  const OTHER_RULE_KEYS = [
    'tasks.blocked_by_prerequisite',
    'tasks.dependency_cycle',
    'tasks.dependency_exists',
    'tasks.dependency_other_plan',
    'tasks.parent_other_plan',
    'tasks.progress_not_pending',
    'tasks.subtasks_open',
    'tasks.unit_leader_only_review',
  ];
  it('every reason transition can give has a vi and en message', () => {
    const reasons = new Set<string>();
    const ctxs: TransitionContext[] = [
      {},
      { ...ALL_POWERS },
      { ...ALL_POWERS, ...INPUTS },
      { ...ALL_POWERS, reportNeedsUnitLeader: true, isLeadUnitLeader: false },
      { ...ALL_POWERS, reason: 'r' },
      { ...ALL_POWERS, reason: 'r', documentId: 'd' },
      { ...ALL_POWERS, reason: 'r', documentId: 'd', newDueDate: 'x' },
      { ...ALL_POWERS, reason: 'r', documentId: 'd', newDueDate: '2000-01-01', dueDate: '2026-01-01' },
      { ...ALL_POWERS, output: 'o' },
      ...Object.values(ACTORS),
    ];
    for (const status of TASK_STATUSES)
      for (const action of TASK_ACTIONS)
        for (const ctx of ctxs) {
          const r = transition(status, action, ctx);
          if (!r.ok) reasons.add(r.reason);
        }
    // Keys of the other rule files (dependencies, progress review) are covered by their own tests.
    const workflowKeys = Object.keys(TASK_MESSAGES).filter((k) => !OTHER_RULE_KEYS.includes(k));
    expect([...reasons].sort()).toEqual(workflowKeys.sort());
    for (const m of Object.values(TASK_MESSAGES)) {
      expect(m.vi.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
    }
  });
});

describe('actionPatch: what an accepted action writes on the record', () => {
  const current = { lastReason: 'earlier reason' };
  const on = '2026-04-02';
  it('report_done stores the output and the report date; the last reason stays', () => {
    expect(actionPatch('report_done', { next: 'reported_done' }, { output: 'QĐ 12' }, current, on)).toEqual({
      status: 'reported_done',
      lastReason: 'earlier reason',
      output: 'QĐ 12',
      reportedOn: on,
    });
  });
  it.each(['withdraw_report', 'return', 'reopen'] as const)(
    '%s clears the report and verification dates',
    (a) => {
      expect(actionPatch(a, { next: 'in_progress' }, { reason: 'thiếu minh chứng' }, current, on)).toEqual({
        status: 'in_progress',
        lastReason: 'thiếu minh chứng',
        reportedOn: null,
        verifiedOn: null,
      });
    },
  );
  it('verify dates the verification', () => {
    expect(actionPatch('verify', { next: 'verified' }, {}, current, on)).toEqual({
      status: 'verified',
      lastReason: 'earlier reason',
      verifiedOn: on,
    });
  });
  it('extend moves the due date; start and cancel change only the status (and reason)', () => {
    expect(
      actionPatch('extend', { next: 'in_progress', dueDate: '2026-06-30' }, { reason: 'r' }, current, on),
    ).toEqual({ status: 'in_progress', lastReason: 'r', dueDate: '2026-06-30' });
    expect(actionPatch('start', { next: 'in_progress' }, {}, { lastReason: null }, on)).toEqual({
      status: 'in_progress',
      lastReason: null,
    });
    expect(actionPatch('cancel', { next: 'cancelled' }, { reason: 'r' }, current, on)).toEqual({
      status: 'cancelled',
      lastReason: 'r',
    });
  });
});

describe('actionEvent', () => {
  it('notes the reason, else the output, with the cited files and document', () => {
    expect(
      actionEvent(
        'report_done',
        'in_progress',
        'reported_done',
        { output: 'QĐ 12' },
        ['f1'],
        '2026-04-02',
        'u1',
      ),
    ).toEqual({
      action: 'report_done',
      fromStatus: 'in_progress',
      toStatus: 'reported_done',
      note: 'QĐ 12',
      fileIds: ['f1'],
      documentId: null,
      on: '2026-04-02',
      actorId: 'u1',
    });
    expect(
      actionEvent(
        'cancel',
        'returned',
        'cancelled',
        { reason: 'r', documentId: 'd' },
        [],
        '2026-04-02',
        'u1',
      ),
    ).toMatchObject({ note: 'r', documentId: 'd' });
  });
});
