/**
 * The stages of a PAR Index campaign (đợt đánh giá chỉ số CCHC), their deadlines and the windows they open. Pure.
 *
 * The process the Ministry runs for the provinces (QĐ 876/QĐ-BNV: self-assessment with evidence → appraisal →
 * survey → publication) and the provinces run for their own units, with what real scoring tools add (domain
 * notes §4: a self-score window, an automatic lock at the deadline, appraisal round 1, the unit's explanation —
 * giải trình —, appraisal round 2):
 *
 *   preparing → self_assessment → appraisal_1 → explanation → appraisal_2 → finalised → published
 *
 * The standing officer moves the campaign on (`advanceStage`); each move has its condition:
 * - preparing → self_assessment: a framework version chosen for every unit group the campaign scores, sound
 *   deadlines, and the self-assessment deadline not already past;
 * - self_assessment → appraisal_1: after the self-assessment deadline, or earlier when every unit has submitted;
 * - appraisal_1 → explanation: every assessment appraised in round 1;
 * - explanation → appraisal_2: after the explanation deadline, or earlier when every contested assessment has
 *   been explained (or nothing was contested);
 * - appraisal_2 → finalised: every assessment final-checked and the council's sign-off — which itself makes this
 *   move (../results.service.ts `signOffCampaign`), so the office's button only says what is missing;
 * - finalised → published: the council has signed off the results.
 *
 * **Deadlines** are ISO dates, inclusive, in Vietnam's days (the service passes today in Asia/Ho_Chi_Minh): the
 * self-assessment deadline is the last day a unit may score; the day after, its assessment is locked. The lock
 * needs no job to refuse edits — `selfScoringOpen` is false from that day — and a sweep marks the rows `locked`
 * (`lockDue`) so that lists and the work engine show it. The council's own deadlines (round 1, round 2) are
 * targets shown and reminded, not locks: a council cannot be locked out of the work the next stage waits for.
 */
import type { AssessmentStatus } from './assessment-status.js';
import type { Text } from './framework-types.js';
import type { Problem } from './labels.js';

/** The stages in order (the table's column takes this list). */
export const CAMPAIGN_STAGES = [
  'preparing',
  'self_assessment',
  'appraisal_1',
  'explanation',
  'appraisal_2',
  'finalised',
  'published',
] as const;
export type CampaignStage = (typeof CAMPAIGN_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<CampaignStage, Text>> = {
  preparing: { vi: 'Chuẩn bị', en: 'Preparing' },
  self_assessment: { vi: 'Tự đánh giá, chấm điểm', en: 'Self-assessment' },
  appraisal_1: { vi: 'Thẩm định vòng 1', en: 'Appraisal, round 1' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
  appraisal_2: { vi: 'Thẩm định vòng 2', en: 'Appraisal, round 2' },
  finalised: { vi: 'Hoàn thành thẩm định', en: 'Finalised' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

/** A campaign's deadlines (`par_campaigns`): the last day of each stage, inclusive. */
export type Deadlines = {
  selfDeadline: string;
  appraisal1Deadline: string;
  explanationDeadline: string;
  appraisal2Deadline: string;
};
/** The deadlines of a campaign row (or anything carrying them), alone. */
export const deadlinesOf = (c: Deadlines): Deadlines => ({
  selfDeadline: c.selfDeadline,
  appraisal1Deadline: c.appraisal1Deadline,
  explanationDeadline: c.explanationDeadline,
  appraisal2Deadline: c.appraisal2Deadline,
});

export const DEADLINE_KEYS = [
  'selfDeadline',
  'appraisal1Deadline',
  'explanationDeadline',
  'appraisal2Deadline',
] as const satisfies readonly (keyof Deadlines)[];

const DEADLINE_LABELS: Readonly<Record<keyof Deadlines, Text>> = {
  selfDeadline: { vi: 'Hạn tự đánh giá', en: 'The self-assessment deadline' },
  appraisal1Deadline: { vi: 'Hạn thẩm định vòng 1', en: 'The round 1 appraisal deadline' },
  explanationDeadline: { vi: 'Hạn giải trình', en: 'The explanation deadline' },
  appraisal2Deadline: { vi: 'Hạn thẩm định vòng 2', en: 'The round 2 appraisal deadline' },
};

export type StageProblemCode =
  | 'date_invalid'
  | 'deadline_order'
  | 'frameworks_missing'
  | 'self_deadline_passed'
  | 'not_all_submitted'
  | 'not_all_appraised'
  | 'not_all_explained'
  | 'not_all_final'
  | 'not_signed_off'
  | 'already_published';
export type StageProblem = Problem<StageProblemCode>;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[m - 1]!;
}

/** 2026-03-31 → "31/03/2026" (how Vietnamese documents write dates). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The problems of a set of deadlines: each a real date, each on or after the one before; empty when sound. */
export function checkDeadlines(d: Deadlines): StageProblem[] {
  const problems: StageProblem[] = [];
  for (const key of DEADLINE_KEYS)
    if (!isIsoDate(d[key]))
      problems.push({
        at: key,
        problem: 'date_invalid',
        message: {
          vi: `${DEADLINE_LABELS[key].vi} không phải ngày hợp lệ.`,
          en: `${DEADLINE_LABELS[key].en} is not a valid date.`,
        },
      });
  if (problems.length) return problems;
  for (let i = 1; i < DEADLINE_KEYS.length; i++) {
    const key = DEADLINE_KEYS[i]!;
    const before = DEADLINE_KEYS[i - 1]!;
    if (d[key] < d[before])
      problems.push({
        at: key,
        problem: 'deadline_order',
        message: {
          vi: `${DEADLINE_LABELS[key].vi} (${formatDate(d[key])}) không được trước ${DEADLINE_LABELS[before].vi.toLowerCase()} (${formatDate(d[before])}).`,
          en: `${DEADLINE_LABELS[key].en} (${formatDate(d[key])}) cannot be before ${DEADLINE_LABELS[before].en.toLowerCase()} (${formatDate(d[before])}).`,
        },
      });
  }
  return problems;
}

/** The stage after `stage`; null after `published`. */
export function nextStage(stage: CampaignStage): CampaignStage | null {
  const i = CAMPAIGN_STAGES.indexOf(stage);
  return CAMPAIGN_STAGES[i + 1] ?? null;
}

/** What the service counts over the campaign's assessments to decide a move. */
export type CampaignCounts = {
  /** A framework version is chosen for every unit group the campaign scores. */
  frameworksReady: boolean;
  /** Assessments in the campaign. */
  assessments: number;
  /** Of them, submitted by their unit (status `submitted`; a locked one was not). */
  submitted: number;
  /** Appraised in round 1 (`appraised_1` or later). */
  appraised1: number;
  /** With at least one contested item (round 1 ≠ self score). */
  contested: number;
  /** Of the contested, explained by their unit (`explained` or later). */
  explained: number;
  /** Final-checked (`final`). */
  final: number;
  /** The council has signed the results off (`par_campaigns.signed_off_at`). */
  signedOff: boolean;
};

export type AdvanceResult = { ok: true; next: CampaignStage } | { ok: false; reason: StageProblem };

const refuse = (problem: StageProblemCode, vi: string, en: string): AdvanceResult => ({
  ok: false,
  reason: { at: 'stage', problem, message: { vi, en } },
});

/**
 * Whether the officer may move the campaign from `stage` to the next one today (the conditions are in the module
 * comment); the refusal says what is still missing.
 */
export function advanceStage(
  stage: CampaignStage,
  today: string,
  deadlines: Deadlines,
  counts: CampaignCounts,
): AdvanceResult {
  const next = nextStage(stage);
  if (next === null)
    return refuse(
      'already_published',
      'Kết quả đã được công bố.',
      'The results have already been published.',
    );
  const ok: AdvanceResult = { ok: true, next };
  switch (stage) {
    case 'preparing': {
      if (!counts.frameworksReady)
        return refuse(
          'frameworks_missing',
          'Chưa chọn bộ tiêu chí cho mọi nhóm đơn vị của đợt đánh giá.',
          'A criteria framework has not been chosen for every unit group of the campaign.',
        );
      const [problem] = checkDeadlines(deadlines);
      if (problem) return { ok: false, reason: problem };
      if (today > deadlines.selfDeadline)
        return refuse(
          'self_deadline_passed',
          `Hạn tự đánh giá (${formatDate(deadlines.selfDeadline)}) đã qua; hãy lùi hạn trước khi mở đợt đánh giá.`,
          `The self-assessment deadline (${formatDate(deadlines.selfDeadline)}) has passed; move it before opening the campaign.`,
        );
      return ok;
    }
    case 'self_assessment': {
      if (today > deadlines.selfDeadline || counts.submitted >= counts.assessments) return ok;
      const left = counts.assessments - counts.submitted;
      return refuse(
        'not_all_submitted',
        `Còn ${left}/${counts.assessments} đơn vị chưa nộp bản tự đánh giá; chỉ chuyển sang thẩm định vòng 1 sau hạn ${formatDate(deadlines.selfDeadline)} hoặc khi tất cả đã nộp.`,
        `${left} of ${counts.assessments} units have not submitted their self-assessment; round 1 opens after the deadline (${formatDate(deadlines.selfDeadline)}) or once all have submitted.`,
      );
    }
    case 'appraisal_1': {
      if (counts.appraised1 >= counts.assessments) return ok;
      const left = counts.assessments - counts.appraised1;
      return refuse(
        'not_all_appraised',
        `Còn ${left}/${counts.assessments} đơn vị chưa được thẩm định vòng 1.`,
        `${left} of ${counts.assessments} units have not been appraised in round 1.`,
      );
    }
    case 'explanation': {
      if (
        today > deadlines.explanationDeadline ||
        counts.contested === 0 ||
        counts.explained >= counts.contested
      )
        return ok;
      const left = counts.contested - counts.explained;
      return refuse(
        'not_all_explained',
        `Còn ${left}/${counts.contested} đơn vị có điểm bị điều chỉnh chưa giải trình; chỉ chuyển sang thẩm định vòng 2 sau hạn ${formatDate(deadlines.explanationDeadline)} hoặc khi tất cả đã giải trình.`,
        `${left} of ${counts.contested} units whose scores were changed have not explained; round 2 opens after the deadline (${formatDate(deadlines.explanationDeadline)}) or once all have explained.`,
      );
    }
    case 'appraisal_2': {
      const left = counts.assessments - counts.final;
      if (left > 0)
        return refuse(
          'not_all_final',
          `Còn ${left}/${counts.assessments} đơn vị chưa được chốt kết quả thẩm định.`,
          `${left} of ${counts.assessments} units have no final-checked result yet.`,
        );
      // The council's sign-off is what ends the appraisal (it freezes the results and moves the campaign on);
      // the office does not move past it.
      if (!counts.signedOff)
        return refuse(
          'not_signed_off',
          'Mọi đơn vị đã được chốt kết quả; Chủ tịch Hội đồng thẩm định (hoặc cơ quan thường trực) ký xác nhận kết quả tại trang "Kết quả, xếp hạng" để hoàn thành thẩm định.',
          'Every unit has its final result; the appraisal council’s chair (or the standing agency) signs the results off on the "Results and ranking" page, which ends the appraisal.',
        );
      return ok;
    }
    case 'finalised':
      return counts.signedOff
        ? ok
        : refuse(
            'not_signed_off',
            'Hội đồng thẩm định chưa ký duyệt kết quả.',
            'The appraisal council has not signed the results off.',
          );
    default:
      return refuse(
        'already_published',
        'Kết quả đã được công bố.',
        'The results have already been published.',
      );
  }
}

/** The statuses in which the unit is still scoring itself. */
const SELF_OPEN: readonly AssessmentStatus[] = ['not_started', 'in_progress'];

/**
 * The unit may score itself (and add or withdraw evidence): the campaign is in self-assessment, the deadline
 * (inclusive) has not passed and the unit has not submitted. From the day after the deadline this is false: the
 * assessment is locked whether or not the sweep has marked it yet.
 */
export function selfScoringOpen(
  stage: CampaignStage,
  today: string,
  deadlines: Deadlines,
  status: AssessmentStatus,
): boolean {
  return stage === 'self_assessment' && today <= deadlines.selfDeadline && SELF_OPEN.includes(status);
}

/**
 * The sweep's rule: an assessment still being scored is locked once the self-assessment deadline has passed (or
 * the campaign has moved past self-assessment — possible before the deadline only when every unit submitted).
 */
export function lockDue(
  stage: CampaignStage,
  today: string,
  deadlines: Deadlines,
  status: AssessmentStatus,
): boolean {
  if (!SELF_OPEN.includes(status) || stage === 'preparing') return false;
  return stage !== 'self_assessment' || today > deadlines.selfDeadline;
}

/**
 * The unit may explain (giải trình) its contested items: the campaign is in the explanation stage, its deadline
 * (inclusive) has not passed, and the assessment was appraised in round 1 and not yet explained. Whether anything
 * was contested is the caller's (./assessment-status.ts `explain`; ./appraisal.ts `checkExplanation`).
 */
export function explanationOpen(
  stage: CampaignStage,
  today: string,
  deadlines: Deadlines,
  status: AssessmentStatus,
): boolean {
  return stage === 'explanation' && today <= deadlines.explanationDeadline && status === 'appraised_1';
}

/**
 * The council may enter or revise round `round`'s scores of an assessment: round 1 in stage `appraisal_1` for a
 * submitted or locked assessment (or one already appraised, to revise it until the stage moves on); round 2 in
 * stage `appraisal_2` for one appraised in round 1, explained, or appraised in round 2 not yet final. The council's
 * deadlines do not close it (module comment); `today` and `deadlines` are taken for the callers' symmetry.
 */
export function appraisalOpen(
  round: 1 | 2,
  stage: CampaignStage,
  _today: string,
  _deadlines: Deadlines,
  status: AssessmentStatus,
): boolean {
  if (round === 1) return stage === 'appraisal_1' && ['submitted', 'locked', 'appraised_1'].includes(status);
  return stage === 'appraisal_2' && ['appraised_1', 'explained', 'appraised_2'].includes(status);
}

/** The stages in which computed criteria follow the records (before the council's sign-off freezes them). */
export const COMPUTING_STAGES: readonly CampaignStage[] = [
  'self_assessment',
  'appraisal_1',
  'explanation',
  'appraisal_2',
];

/**
 * Whether a campaign's computed criteria are due for recomputing: only while it is open (self-assessment to round
 * 2), and then when never computed, when the office asked after the last computation, or when the last one was on
 * an earlier day (Vietnam's) — the figures they read (tasks done, reports sent, dossiers…) move every day.
 */
export function computationDue(
  stage: CampaignStage,
  today: string,
  computedOn: string | null,
  requestedAfterLast: boolean,
): boolean {
  if (!COMPUTING_STAGES.includes(stage)) return false;
  return computedOn === null || requestedAfterLast || computedOn < today;
}

/**
 * A computation waits or runs (what the campaign page shows): the campaign computes, and it was never computed or
 * was asked for since the last computation. (The daily refresh is not "waiting": the last values stand meanwhile.)
 */
export function computationPending(
  stage: CampaignStage,
  computedAt: Date | null,
  requestedAt: Date | null,
): boolean {
  return COMPUTING_STAGES.includes(stage) && (!computedAt || requestedSince(computedAt, requestedAt));
}

/** The office asked after the last computation (or there was none). */
export const requestedSince = (computedAt: Date | null, requestedAt: Date | null): boolean =>
  !!requestedAt && (!computedAt || requestedAt > computedAt);
