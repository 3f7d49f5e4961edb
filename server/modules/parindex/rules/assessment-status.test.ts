import { describe, expect, it } from 'vitest';
import { ASSESSMENT_STATUSES as TABLE_STATUSES } from '../parindex.table.js';
import {
  allowedAssessmentActions,
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUS_LABELS,
  ASSESSMENT_STATUSES,
  ASSESSMENT_STEPS,
  AWAITING_COUNCIL,
  decideAssessment,
  OPEN_FOR_UNIT,
  nextStepOf,
  unitDueOf,
  type AssessmentAction,
  type AssessmentContext,
  type AssessmentStatus,
} from './assessment-status.js';
import type { CampaignStage, Deadlines } from './stages.js';

const D: Deadlines = {
  selfDeadline: '2026-01-31',
  appraisal1Deadline: '2026-02-28',
  explanationDeadline: '2026-03-10',
  appraisal2Deadline: '2026-03-31',
};
const NOBODY = { unitSide: false, council: false, chair: false, standingOfficer: false, system: false };
const WHO = {
  UNIT: { ...NOBODY, unitSide: true },
  MEMBER: { ...NOBODY, council: true },
  CHAIR: { ...NOBODY, council: true, chair: true },
  OFFICER: { ...NOBODY, standingOfficer: true },
  SYSTEM: { ...NOBODY, system: true },
  NOBODY,
};
/** A typical day of each stage. */
const DAY: Record<CampaignStage, string> = {
  preparing: '2025-12-01',
  self_assessment: '2026-01-15',
  appraisal_1: '2026-02-10',
  explanation: '2026-03-05',
  appraisal_2: '2026-03-20',
  finalised: '2026-04-01',
  published: '2026-04-10',
};
const ctx = (
  who: keyof typeof WHO,
  stage: CampaignStage,
  more: Partial<AssessmentContext> = {},
): AssessmentContext => ({ ...WHO[who], stage, today: DAY[stage], deadlines: D, contested: 2, ...more });

describe('the statuses', () => {
  it('are the table’s', () => {
    expect(ASSESSMENT_STATUSES).toEqual(TABLE_STATUSES);
    expect(Object.keys(ASSESSMENT_STATUS_LABELS)).toEqual([...ASSESSMENT_STATUSES]);
  });
});

describe('the workflow, written out: what each caller may do, stage by stage', () => {
  // [status, stage, who, contested] → the allowed actions
  const CASES: [AssessmentStatus, CampaignStage, keyof typeof WHO, number, AssessmentAction[]][] = [
    ['not_started', 'self_assessment', 'UNIT', 0, ['submit']],
    ['in_progress', 'self_assessment', 'UNIT', 0, ['submit']],
    ['in_progress', 'self_assessment', 'MEMBER', 0, []],
    ['in_progress', 'self_assessment', 'SYSTEM', 0, []], // not due yet
    ['in_progress', 'appraisal_1', 'SYSTEM', 0, ['lock']], // past the deadline
    ['in_progress', 'appraisal_1', 'UNIT', 0, []],
    ['submitted', 'appraisal_1', 'MEMBER', 0, ['appraise_1']],
    ['locked', 'appraisal_1', 'CHAIR', 0, ['appraise_1']],
    ['submitted', 'appraisal_1', 'UNIT', 0, []],
    ['submitted', 'appraisal_1', 'OFFICER', 0, []],
    ['appraised_1', 'explanation', 'UNIT', 2, ['explain']],
    ['appraised_1', 'explanation', 'UNIT', 0, []], // nothing contested
    ['appraised_1', 'explanation', 'MEMBER', 2, []],
    ['appraised_1', 'appraisal_2', 'MEMBER', 2, ['appraise_2']],
    ['explained', 'appraisal_2', 'MEMBER', 2, ['appraise_2']],
    ['appraised_1', 'appraisal_2', 'CHAIR', 0, ['appraise_2', 'finalise']], // nothing contested: straight to final
    ['appraised_1', 'appraisal_2', 'CHAIR', 2, ['appraise_2']],
    ['appraised_1', 'appraisal_2', 'OFFICER', 0, ['finalise']],
    ['appraised_2', 'appraisal_2', 'CHAIR', 2, ['finalise']],
    ['appraised_2', 'appraisal_2', 'OFFICER', 2, ['finalise']],
    ['appraised_2', 'appraisal_2', 'MEMBER', 2, []],
    ['final', 'appraisal_2', 'CHAIR', 2, []],
    ['final', 'published', 'OFFICER', 2, []],
  ];
  it.each(CASES)('%s in %s, %s (contested %d) → %j', (status, stage, who, contested, expected) => {
    expect(allowedAssessmentActions(status, ctx(who, stage, { contested }))).toEqual(expected);
  });
});

describe('decideAssessment: every step allowed, and every refusal with its status', () => {
  it('submit: the unit, while self-scoring is open (the deadline day included)', () => {
    expect(decideAssessment('in_progress', 'submit', ctx('UNIT', 'self_assessment'))).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(
      decideAssessment('not_started', 'submit', ctx('UNIT', 'self_assessment', { today: '2026-01-31' })),
    ).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(
      decideAssessment('in_progress', 'submit', ctx('UNIT', 'self_assessment', { today: '2026-02-01' })),
    ).toEqual({
      ok: false,
      status: 409,
      problem: 'self_closed',
      message: {
        vi: 'Đã hết hạn tự đánh giá (31/01/2026): bản tự đánh giá đã bị khóa.',
        en: 'The self-assessment deadline (31/01/2026) has passed: the assessment is locked.',
      },
    });
    expect(decideAssessment('in_progress', 'submit', ctx('UNIT', 'preparing'))).toMatchObject({
      ok: false,
      status: 409,
      problem: 'self_closed',
    });
    expect(decideAssessment('in_progress', 'submit', ctx('MEMBER', 'self_assessment'))).toMatchObject({
      ok: false,
      status: 403,
      problem: 'not_your_step',
    });
    expect(decideAssessment('submitted', 'submit', ctx('UNIT', 'self_assessment'))).toEqual({
      ok: false,
      status: 409,
      problem: 'not_allowed_now',
      message: {
        vi: 'Không thể nộp bản tự đánh giá khi bản đánh giá ở trạng thái "Đã nộp".',
        en: 'Cannot submit the self-assessment while the assessment is "Submitted".',
      },
    });
  });

  it('lock: the system only, only once the deadline has passed', () => {
    expect(
      decideAssessment('not_started', 'lock', ctx('SYSTEM', 'self_assessment', { today: '2026-02-01' })),
    ).toEqual({
      ok: true,
      to: 'locked',
    });
    expect(
      decideAssessment('in_progress', 'lock', ctx('SYSTEM', 'self_assessment', { today: '2026-01-31' })),
    ).toMatchObject({
      ok: false,
      status: 409,
      problem: 'lock_not_due',
    });
    expect(
      decideAssessment('in_progress', 'lock', ctx('OFFICER', 'self_assessment', { today: '2026-02-01' })),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(decideAssessment('submitted', 'lock', ctx('SYSTEM', 'appraisal_1'))).toMatchObject({
      ok: false,
      status: 409,
      problem: 'not_allowed_now',
    });
  });

  it('appraise_1: the council, in round 1, on a submitted or locked assessment', () => {
    expect(decideAssessment('submitted', 'appraise_1', ctx('MEMBER', 'appraisal_1'))).toEqual({
      ok: true,
      to: 'appraised_1',
    });
    expect(decideAssessment('locked', 'appraise_1', ctx('MEMBER', 'appraisal_1'))).toEqual({
      ok: true,
      to: 'appraised_1',
    });
    expect(decideAssessment('submitted', 'appraise_1', ctx('MEMBER', 'explanation'))).toMatchObject({
      ok: false,
      status: 409,
      problem: 'wrong_stage',
    });
    expect(decideAssessment('submitted', 'appraise_1', ctx('UNIT', 'appraisal_1'))).toMatchObject({
      status: 403,
    });
    expect(decideAssessment('in_progress', 'appraise_1', ctx('MEMBER', 'appraisal_1'))).toMatchObject({
      status: 409,
      problem: 'not_allowed_now',
    });
  });

  it('explain: the unit, while the explanation is open, with at least one contested item', () => {
    expect(decideAssessment('appraised_1', 'explain', ctx('UNIT', 'explanation'))).toEqual({
      ok: true,
      to: 'explained',
    });
    expect(
      decideAssessment('appraised_1', 'explain', ctx('UNIT', 'explanation', { today: '2026-03-11' })),
    ).toEqual({
      ok: false,
      status: 409,
      problem: 'explanation_closed',
      message: {
        vi: 'Đã hết hạn giải trình (10/03/2026).',
        en: 'The explanation deadline (10/03/2026) has passed.',
      },
    });
    expect(decideAssessment('appraised_1', 'explain', ctx('UNIT', 'appraisal_1'))).toMatchObject({
      problem: 'explanation_closed',
    });
    expect(
      decideAssessment('appraised_1', 'explain', ctx('UNIT', 'explanation', { contested: 0 })),
    ).toMatchObject({
      ok: false,
      status: 409,
      problem: 'nothing_contested',
    });
    expect(decideAssessment('appraised_1', 'explain', ctx('CHAIR', 'explanation'))).toMatchObject({
      status: 403,
    });
    expect(decideAssessment('explained', 'explain', ctx('UNIT', 'explanation'))).toMatchObject({
      problem: 'not_allowed_now',
    });
  });

  it('appraise_2: the council, in round 2, after round 1 or the explanation', () => {
    expect(decideAssessment('explained', 'appraise_2', ctx('MEMBER', 'appraisal_2'))).toEqual({
      ok: true,
      to: 'appraised_2',
    });
    expect(decideAssessment('appraised_1', 'appraise_2', ctx('MEMBER', 'appraisal_2'))).toEqual({
      ok: true,
      to: 'appraised_2',
    });
    expect(decideAssessment('explained', 'appraise_2', ctx('MEMBER', 'explanation'))).toMatchObject({
      status: 409,
      problem: 'wrong_stage',
    });
    expect(decideAssessment('explained', 'appraise_2', ctx('OFFICER', 'appraisal_2'))).toMatchObject({
      status: 403,
    });
  });

  it('finalise: the chair or the standing officer, in round 2; from round 1 only when nothing was contested', () => {
    expect(decideAssessment('appraised_2', 'finalise', ctx('CHAIR', 'appraisal_2'))).toEqual({
      ok: true,
      to: 'final',
    });
    expect(decideAssessment('appraised_2', 'finalise', ctx('OFFICER', 'appraisal_2'))).toEqual({
      ok: true,
      to: 'final',
    });
    expect(
      decideAssessment('appraised_1', 'finalise', ctx('CHAIR', 'appraisal_2', { contested: 0 })),
    ).toEqual({
      ok: true,
      to: 'final',
    });
    expect(
      decideAssessment('appraised_1', 'finalise', ctx('CHAIR', 'appraisal_2', { contested: 3 })),
    ).toEqual({
      ok: false,
      status: 409,
      problem: 'contested_needs_round_2',
      message: {
        vi: 'Có 3 tiêu chí bị điều chỉnh điểm: cần thẩm định vòng 2 trước khi chốt kết quả.',
        en: '3 item(s) had their points changed: appraise in round 2 before finalising.',
      },
    });
    expect(decideAssessment('appraised_2', 'finalise', ctx('MEMBER', 'appraisal_2'))).toMatchObject({
      status: 403,
    });
    expect(decideAssessment('appraised_2', 'finalise', ctx('CHAIR', 'finalised'))).toMatchObject({
      status: 409,
      problem: 'wrong_stage',
    });
    expect(decideAssessment('explained', 'finalise', ctx('CHAIR', 'appraisal_2'))).toMatchObject({
      problem: 'not_allowed_now',
    });
  });

  it('a status that does not allow the step is 409 whoever asks; otherwise the wrong caller is 403', () => {
    const everyone: AssessmentContext = {
      unitSide: true,
      council: true,
      chair: true,
      standingOfficer: true,
      system: true,
      stage: 'appraisal_2',
      today: DAY.appraisal_2,
      deadlines: D,
      contested: 0,
    };
    for (const action of ASSESSMENT_ACTIONS)
      for (const status of ASSESSMENT_STATUSES) {
        const nobody = decideAssessment(status, action, ctx('NOBODY', 'appraisal_2'));
        expect(nobody.ok, `${status} ${action}`).toBe(false);
        if (!ASSESSMENT_STEPS[action].from.includes(status)) {
          expect(decideAssessment(status, action, everyone), `${status} ${action}`).toMatchObject({
            ok: false,
            status: 409,
            problem: 'not_allowed_now',
          });
          expect(nobody).toMatchObject({ status: 409, problem: 'not_allowed_now' });
        } else expect(nobody).toMatchObject({ status: 403, problem: 'not_your_step' });
      }
  });

  it('final is final: nothing moves it, whoever asks', () => {
    for (const who of Object.keys(WHO) as (keyof typeof WHO)[])
      for (const stage of Object.keys(DAY) as CampaignStage[])
        expect(allowedAssessmentActions('final', ctx(who, stage))).toEqual([]);
  });
});

describe('who owes the next step', () => {
  it('the lists', () => {
    expect(OPEN_FOR_UNIT).toEqual(['not_started', 'in_progress', 'appraised_1']);
    expect(AWAITING_COUNCIL).toEqual(['submitted', 'locked', 'appraised_1', 'explained', 'appraised_2']);
  });
  it('nextStepOf: the unit submits by the self deadline; once it passed, round 1 by its deadline', () => {
    expect(nextStepOf('not_started', 0, 'self_assessment', '2026-01-20', D)).toEqual({
      action: 'submit',
      by: 'unit',
      dueDate: '2026-01-31',
    });
    expect(nextStepOf('in_progress', 0, 'self_assessment', '2026-01-31', D)?.action).toBe('submit');
    // The day after the deadline the sweep locks what was scored: the council's round 1 is next.
    expect(nextStepOf('in_progress', 0, 'self_assessment', '2026-02-01', D)).toEqual({
      action: 'appraise_1',
      by: 'council',
      dueDate: '2026-02-28',
    });
    expect(nextStepOf('submitted', 0, 'self_assessment', '2026-01-20', D)?.by).toBe('council');
    expect(nextStepOf('locked', 0, 'appraisal_1', '2026-02-10', D)?.action).toBe('appraise_1');
  });
  it('nextStepOf: contested items wait for the unit until the explanation closes, then round 2', () => {
    expect(nextStepOf('appraised_1', 2, 'appraisal_1', '2026-02-10', D)).toEqual({
      action: 'explain',
      by: 'unit',
      dueDate: '2026-03-10',
    });
    expect(nextStepOf('appraised_1', 2, 'explanation', '2026-03-10', D)?.by).toBe('unit');
    expect(nextStepOf('appraised_1', 2, 'explanation', '2026-03-11', D)).toEqual({
      action: 'appraise_2',
      by: 'council',
      dueDate: '2026-03-31',
    });
    expect(nextStepOf('appraised_1', 2, 'appraisal_2', '2026-03-20', D)?.action).toBe('appraise_2');
    // Nothing contested: the unit has nothing to explain; the council's final check.
    expect(nextStepOf('appraised_1', 0, 'explanation', '2026-03-01', D)).toEqual({
      action: 'finalise',
      by: 'council',
      dueDate: '2026-03-31',
    });
    expect(nextStepOf('explained', 2, 'explanation', '2026-03-05', D)?.action).toBe('appraise_2');
    expect(nextStepOf('appraised_2', 2, 'appraisal_2', '2026-03-25', D)?.action).toBe('finalise');
    expect(nextStepOf('final', 2, 'published', '2026-04-25', D)).toBeNull();
  });
  it("unitDueOf: the unit's work-list deadline", () => {
    expect(unitDueOf('not_started', D)).toBe('2026-01-31');
    expect(unitDueOf('in_progress', D)).toBe('2026-01-31');
    expect(unitDueOf('appraised_1', D)).toBe('2026-03-10');
    for (const s of ['submitted', 'locked', 'explained', 'appraised_2', 'final'] as const)
      expect(unitDueOf(s, D)).toBeNull();
  });
});
