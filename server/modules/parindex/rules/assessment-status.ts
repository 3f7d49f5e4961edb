/**
 * An assessment's workflow: the work engine's transitions of kind `par_assessment` (one unit's PAR Index scoring
 * in a campaign). Pure. The campaign's stages and windows are ./stages.ts.
 *
 *   not_started ─┬─submit──▶ submitted ─┬─appraise_1──▶ appraised_1 ─┬─explain──▶ explained ─┐
 *   in_progress ─┘           locked ────┘                 │          │                      │
 *        └──lock (system, at the deadline)──▶ locked      │          └──────appraise_2──────┴─▶ appraised_2
 *                                                          └──finalise (nothing contested)──▶ final ◀──finalise──┘
 *
 * | action     | from                     | to          | who                              | when                                     |
 * | ---------- | ------------------------ | ----------- | -------------------------------- | ---------------------------------------- |
 * | submit     | not_started, in_progress | submitted   | the unit                         | self-scoring open (stage, deadline)      |
 * | lock       | not_started, in_progress | locked      | the system (the sweep)           | the self-assessment deadline has passed  |
 * | appraise_1 | submitted, locked        | appraised_1 | the council                      | stage appraisal_1                        |
 * | explain    | appraised_1              | explained   | the unit                         | explanation open, ≥ 1 contested item     |
 * | appraise_2 | appraised_1, explained   | appraised_2 | the council                      | stage appraisal_2                        |
 * | finalise   | appraised_2              | final       | council chair or standing officer| stage appraisal_2                        |
 * | finalise   | appraised_1              | final       | council chair or standing officer| stage appraisal_2, nothing contested     |
 *
 * A locked assessment is appraised as it stood at the deadline (whatever was scored stays; nothing more may
 * change). A unit that does not explain by the deadline has its round 1 scores answered in round 2 all the same.
 * Refusals: 409 when the status or the moment does not allow the step (whoever asks), 403 when it is not the
 * caller's step — as the other workflows (../../inspections/rules/inspection-status.ts).
 */
import type { Text } from './framework-types.js';
import {
  explanationOpen,
  formatDate,
  lockDue,
  selfScoringOpen,
  type CampaignStage,
  type Deadlines,
} from './stages.js';

/** The work engine's kind of a unit's self-assessment (work/kinds). */
export const ASSESSMENT_KIND = 'par_assessment' as const;

/** The statuses (the table's column takes this list). */
export const ASSESSMENT_STATUSES = [
  'not_started',
  'in_progress',
  'submitted',
  'locked',
  'appraised_1',
  'explained',
  'appraised_2',
  'final',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_ACTIONS = [
  'submit',
  'lock',
  'appraise_1',
  'explain',
  'appraise_2',
  'finalise',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, Text>> = {
  not_started: { vi: 'Chưa chấm', en: 'Not started' },
  in_progress: { vi: 'Đang tự chấm', en: 'In progress' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  locked: { vi: 'Đã khóa (quá hạn)', en: 'Locked (deadline passed)' },
  appraised_1: { vi: 'Đã thẩm định vòng 1', en: 'Appraised, round 1' },
  explained: { vi: 'Đã giải trình', en: 'Explained' },
  appraised_2: { vi: 'Đã thẩm định vòng 2', en: 'Appraised, round 2' },
  final: { vi: 'Đã chốt kết quả', en: 'Final' },
};

/** Statuses in which the unit may owe something: its self-assessment, or (appraised_1) an explanation. */
export const OPEN_FOR_UNIT: readonly AssessmentStatus[] = ['not_started', 'in_progress', 'appraised_1'];
/**
 * Statuses in which the council may owe something: round 1, round 2, the final check. `appraised_1` is in both
 * lists: while items are contested and the explanation is open the unit owes; otherwise the council (`owedBy`).
 */
export const AWAITING_COUNCIL: readonly AssessmentStatus[] = [
  'submitted',
  'locked',
  'appraised_1',
  'explained',
  'appraised_2',
];

/** The caller's relation to the assessment, the campaign's moment, and what round 1 contested. */
export type AssessmentContext = {
  /** The unit's focal point or leader over the assessed unit. */
  unitSide: boolean;
  /** A member (any role) of the campaign's appraisal council. */
  council: boolean;
  /** The council's chair. */
  chair: boolean;
  /** A standing-agency officer (or administrator) over the province. */
  standingOfficer: boolean;
  /** The system itself (the deadline sweep). */
  system?: boolean;
  stage: CampaignStage;
  /** Today in Vietnam (YYYY-MM-DD). */
  today: string;
  deadlines: Deadlines;
  /** How many items round 1 changed (./appraisal.ts `contestedCodes`). */
  contested: number;
};

export type AssessmentProblemCode =
  | 'not_allowed_now'
  | 'not_your_step'
  | 'self_closed'
  | 'lock_not_due'
  | 'wrong_stage'
  | 'explanation_closed'
  | 'nothing_contested'
  | 'contested_needs_round_2';

export type AssessmentDecision =
  | { ok: true; to: AssessmentStatus }
  | { ok: false; status: 403 | 409; problem: AssessmentProblemCode; message: Text };

type Step = {
  from: readonly AssessmentStatus[];
  to: AssessmentStatus;
  who: (c: AssessmentContext) => boolean;
};

const unit = (c: AssessmentContext) => c.unitSide;
const council = (c: AssessmentContext) => c.council || c.chair;

/** The table of steps (the module comment); `when` conditions are in `decideAssessment`. */
export const ASSESSMENT_STEPS: Readonly<Record<AssessmentAction, Step>> = {
  submit: { from: ['not_started', 'in_progress'], to: 'submitted', who: unit },
  lock: { from: ['not_started', 'in_progress'], to: 'locked', who: (c) => c.system === true },
  appraise_1: { from: ['submitted', 'locked'], to: 'appraised_1', who: council },
  explain: { from: ['appraised_1'], to: 'explained', who: unit },
  appraise_2: { from: ['appraised_1', 'explained'], to: 'appraised_2', who: council },
  finalise: { from: ['appraised_1', 'appraised_2'], to: 'final', who: (c) => c.chair || c.standingOfficer },
};

const ACTION_NAMES: Readonly<Record<AssessmentAction, Text>> = {
  submit: { vi: 'nộp bản tự đánh giá', en: 'submit the self-assessment' },
  lock: { vi: 'khóa bản tự đánh giá', en: 'lock the self-assessment' },
  appraise_1: { vi: 'thẩm định vòng 1', en: 'appraise in round 1' },
  explain: { vi: 'gửi giải trình', en: 'send the explanation' },
  appraise_2: { vi: 'thẩm định vòng 2', en: 'appraise in round 2' },
  finalise: { vi: 'chốt kết quả', en: 'finalise the result' },
};

const refuse = (
  status: 403 | 409,
  problem: AssessmentProblemCode,
  vi: string,
  en: string,
): AssessmentDecision => ({ ok: false, status, problem, message: { vi, en } });

/** Whether `action` may be taken on an assessment in `status` by this caller now: the status after it, or why not. */
export function decideAssessment(
  status: AssessmentStatus,
  action: AssessmentAction,
  ctx: AssessmentContext,
): AssessmentDecision {
  const step = ASSESSMENT_STEPS[action];
  const name = ACTION_NAMES[action];
  if (!step.from.includes(status)) {
    const label = ASSESSMENT_STATUS_LABELS[status];
    return refuse(
      409,
      'not_allowed_now',
      `Không thể ${name.vi} khi bản đánh giá ở trạng thái "${label.vi}".`,
      `Cannot ${name.en} while the assessment is "${label.en}".`,
    );
  }
  if (!step.who(ctx))
    return refuse(403, 'not_your_step', `Bạn không có quyền ${name.vi}.`, `You may not ${name.en}.`);
  const deadline = (iso: string) => formatDate(iso);
  switch (action) {
    case 'submit':
      if (!selfScoringOpen(ctx.stage, ctx.today, ctx.deadlines, status))
        return refuse(
          409,
          'self_closed',
          ctx.stage === 'self_assessment'
            ? `Đã hết hạn tự đánh giá (${deadline(ctx.deadlines.selfDeadline)}): bản tự đánh giá đã bị khóa.`
            : 'Đợt đánh giá không ở giai đoạn tự đánh giá.',
          ctx.stage === 'self_assessment'
            ? `The self-assessment deadline (${deadline(ctx.deadlines.selfDeadline)}) has passed: the assessment is locked.`
            : 'The campaign is not in its self-assessment stage.',
        );
      break;
    case 'lock':
      if (!lockDue(ctx.stage, ctx.today, ctx.deadlines, status))
        return refuse(
          409,
          'lock_not_due',
          `Chưa đến lúc khóa: hạn tự đánh giá là ${deadline(ctx.deadlines.selfDeadline)}.`,
          `Not due for locking: the self-assessment deadline is ${deadline(ctx.deadlines.selfDeadline)}.`,
        );
      break;
    case 'appraise_1':
      if (ctx.stage !== 'appraisal_1')
        return refuse(
          409,
          'wrong_stage',
          'Chỉ thẩm định vòng 1 khi đợt đánh giá ở giai đoạn thẩm định vòng 1.',
          'Round 1 appraisal happens only in the campaign’s round 1 stage.',
        );
      break;
    case 'explain':
      if (!explanationOpen(ctx.stage, ctx.today, ctx.deadlines, status))
        return refuse(
          409,
          'explanation_closed',
          ctx.stage === 'explanation'
            ? `Đã hết hạn giải trình (${deadline(ctx.deadlines.explanationDeadline)}).`
            : 'Đợt đánh giá không ở giai đoạn giải trình.',
          ctx.stage === 'explanation'
            ? `The explanation deadline (${deadline(ctx.deadlines.explanationDeadline)}) has passed.`
            : 'The campaign is not in its explanation stage.',
        );
      if (ctx.contested < 1)
        return refuse(
          409,
          'nothing_contested',
          'Không có tiêu chí nào bị điều chỉnh điểm nên không cần giải trình.',
          'No item’s points were changed, so there is nothing to explain.',
        );
      break;
    case 'appraise_2':
      if (ctx.stage !== 'appraisal_2')
        return refuse(
          409,
          'wrong_stage',
          'Chỉ thẩm định vòng 2 khi đợt đánh giá ở giai đoạn thẩm định vòng 2.',
          'Round 2 appraisal happens only in the campaign’s round 2 stage.',
        );
      break;
    case 'finalise':
      if (ctx.stage !== 'appraisal_2')
        return refuse(
          409,
          'wrong_stage',
          'Chỉ chốt kết quả khi đợt đánh giá ở giai đoạn thẩm định vòng 2.',
          'Results are finalised only in the campaign’s round 2 stage.',
        );
      if (status === 'appraised_1' && ctx.contested > 0)
        return refuse(
          409,
          'contested_needs_round_2',
          `Có ${ctx.contested} tiêu chí bị điều chỉnh điểm: cần thẩm định vòng 2 trước khi chốt kết quả.`,
          `${ctx.contested} item(s) had their points changed: appraise in round 2 before finalising.`,
        );
      break;
  }
  return { ok: true, to: step.to };
}

/** The actions the caller may take now (the page shows exactly these buttons). */
export function allowedAssessmentActions(
  status: AssessmentStatus,
  ctx: AssessmentContext,
): AssessmentAction[] {
  return ASSESSMENT_ACTIONS.filter((a) => decideAssessment(status, a, ctx).ok);
}

/** The step an assessment waits for next: what, who owes it, and the campaign's deadline for it. */
export type NextStep = { action: AssessmentAction; by: 'unit' | 'council'; dueDate: string };

/**
 * What an assessment waits for next (the campaign page's "next" for each unit, and the unit's own card):
 * - while self-scoring is open, the unit's submission by the self-assessment deadline; once it has passed (the
 *   sweep locks what was scored), the council's round 1;
 * - submitted or locked: round 1, by its deadline;
 * - appraised in round 1 with contested items: the unit's explanation (giải trình) until the explanation closes,
 *   then round 2; with nothing contested, the council's final check (by round 2's deadline);
 * - explained: round 2; appraised in round 2: the final check; final: nothing.
 */
export function nextStepOf(
  status: AssessmentStatus,
  contested: number,
  stage: CampaignStage,
  today: string,
  deadlines: Deadlines,
): NextStep | null {
  const council = (action: AssessmentAction, dueDate: string): NextStep => ({
    action,
    by: 'council',
    dueDate,
  });
  switch (status) {
    case 'not_started':
    case 'in_progress':
      return selfScoringOpen(stage, today, deadlines, status)
        ? { action: 'submit', by: 'unit', dueDate: deadlines.selfDeadline }
        : council('appraise_1', deadlines.appraisal1Deadline);
    case 'submitted':
    case 'locked':
      return council('appraise_1', deadlines.appraisal1Deadline);
    case 'appraised_1':
      if (contested === 0) return council('finalise', deadlines.appraisal2Deadline);
      return stage === 'appraisal_1' || explanationOpen(stage, today, deadlines, status)
        ? { action: 'explain', by: 'unit', dueDate: deadlines.explanationDeadline }
        : council('appraise_2', deadlines.appraisal2Deadline);
    case 'explained':
      return council('appraise_2', deadlines.appraisal2Deadline);
    case 'appraised_2':
      return council('finalise', deadlines.appraisal2Deadline);
    case 'final':
      return null;
  }
}

/** The day the unit owes something by (its work list's deadline): the self-assessment's, then the explanation's. */
export function unitDueOf(status: AssessmentStatus, deadlines: Deadlines): string | null {
  if (status === 'not_started' || status === 'in_progress') return deadlines.selfDeadline;
  if (status === 'appraised_1') return deadlines.explanationDeadline;
  return null;
}
