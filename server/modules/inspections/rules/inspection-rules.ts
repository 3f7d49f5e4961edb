/**
 * The numbers of PAR inspections, as versioned data (`inspection_rule_versions`): a province changes them by
 * storing a new version from a day on, never by changing code, and each version cites where its numbers come
 * from. Pure: no I/O, no clock.
 *
 * Which numbers are law and which are practice (domain notes §2.6):
 * - Self-inspection coverage: every department and commune inspects at least 50% of its own divisions and
 *   sub-units a year (the provincial PAR plans' requirement, as in Nghệ An's and Hà Tĩnh's yearly plans) —
 *   `selfInspectionCoverage` 0.5.
 * - The remediation deadline of a recommendation is practice, not law: conclusion notices usually give
 *   15–30 days [? practice]. chidao's default is 20 working days from the conclusion (≈ 4 weeks, inside that
 *   range); "due soon" 3 working days before.
 * - The data signals that propose a surprise inspection are chidao's defaults [? practice], each shown with
 *   its figure and threshold: dossiers handled on time below 90% (QĐ 766's on-time criterion counts every late
 *   dossier; provinces rank units under 90% as weak), at least 20 dossiers so that a handful does not decide;
 *   a unit's tasks in the committee's plan completed below 50% at the year's end; 2 or more recommendations of
 *   its inspections overdue.
 */
import type { Calendar, IsoDate } from '../../calendar/index.js';

export type LocalizedText = { vi: string; en: string };

export type InspectionSignalThresholds = {
  /** A unit whose dossiers were handled on time below this share (0–1) of those to process… */
  dossiersOnTimeBelow: number;
  /** …out of at least this many dossiers (fewer: no signal). */
  dossiersMinimum: number;
  /** A unit whose tasks in the committee's plan were completed below this share (0–1) at the year's end. */
  planCompletionBelow: number;
  /** A unit with at least this many recommendations overdue (past due and not verified). */
  overdueRecommendationsAtLeast: number;
};

export type InspectionRules = {
  /** Names this version, e.g. '2026-01'. */
  version: string;
  /** The sources of the numbers, as cited to users. */
  basis: LocalizedText[];
  /** A recommendation's remediation is due this many working days after the conclusion (practice 15–30 days). */
  recommendationWorkingDays: number;
  /** An open recommendation is "due soon" when at most this many working days remain. */
  dueSoonWorkingDays: number;
  /** The share (0–1) of its own divisions and sub-units a unit must self-inspect in a year. */
  selfInspectionCoverage: number;
  signals: InspectionSignalThresholds;
};

export const DEFAULT_INSPECTION_RULES: InspectionRules = {
  version: 'chidao-default-2026',
  basis: [
    {
      vi: 'Kế hoạch CCHC hằng năm của tỉnh: các sở, ban, ngành và UBND cấp xã tự kiểm tra ít nhất 50% cơ quan, đơn vị trực thuộc trong năm.',
      en: "The province's yearly PAR plan: every department and commune self-inspects at least 50% of its own divisions and sub-units a year.",
    },
    {
      vi: 'Thời hạn khắc phục kiến nghị 20 ngày làm việc kể từ ngày kết luận (thực tiễn thường 15–30 ngày), báo sắp đến hạn trước 3 ngày làm việc, và các ngưỡng tín hiệu đề xuất kiểm tra đột xuất (giải quyết hồ sơ đúng hạn dưới 90% trên ít nhất 20 hồ sơ; hoàn thành nhiệm vụ dưới 50% khi hết năm; từ 2 kiến nghị quá hạn) là mặc định của chidao theo thực tiễn; tỉnh điều chỉnh theo quy chế của mình.',
      en: 'The remediation deadline of 20 working days from the conclusion (practice: usually 15–30 days), "due soon" 3 working days before, and the thresholds of the signals that propose a surprise inspection (dossiers on time below 90% out of at least 20; tasks completed below 50% at the year\'s end; 2 or more recommendations overdue) are chidao\'s defaults from practice; the province sets its own.',
    },
  ],
  recommendationWorkingDays: 20,
  dueSoonWorkingDays: 3,
  selfInspectionCoverage: 0.5,
  signals: {
    dossiersOnTimeBelow: 0.9,
    dossiersMinimum: 20,
    planCompletionBelow: 0.5,
    overdueRecommendationsAtLeast: 2,
  },
};

/** No remediation deadline reasonably runs past a year of working days; larger numbers are typing mistakes. */
export const MAX_WORKING_DAYS = 250;
/** Counts (dossiers, recommendations) above this are typing mistakes too. */
export const MAX_COUNT = 100_000;

/** What is wrong with a rule set, at which path; `inspections.rules.<problem>` (../messages.ts) words it. */
export type InspectionRulesProblem = {
  path: string;
  problem:
    | 'required'
    | 'basis_missing'
    | 'basis_bilingual'
    | 'days_range'
    | 'share_range'
    | 'count_range'
    | 'due_soon_too_long';
  min?: number;
  max?: number;
};

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** A share strictly between 0 and 1, or 1 itself (a threshold of 0 never signals anything). */
const isShare = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1;

/**
 * Problems of a rule set before it is stored or used (rules are data, so they can be wrong); empty when it is
 * sound. Each names its path (`signals.dossiersOnTimeBelow`).
 */
export function validateInspectionRules(rules: InspectionRules): InspectionRulesProblem[] {
  const problems: InspectionRulesProblem[] = [];
  const r = (rules ?? {}) as Partial<InspectionRules>;
  const days = (path: string, v: unknown, min: number) => {
    const ok = isInt(v, min, MAX_WORKING_DAYS);
    if (!ok) problems.push({ path, problem: 'days_range', min, max: MAX_WORKING_DAYS });
    return ok;
  };
  const share = (path: string, v: unknown) => {
    if (!isShare(v)) problems.push({ path, problem: 'share_range', min: 0, max: 1 });
  };
  const count = (path: string, v: unknown, min: number) => {
    if (!isInt(v, min, MAX_COUNT)) problems.push({ path, problem: 'count_range', min, max: MAX_COUNT });
  };
  if (typeof r.version !== 'string' || !r.version.trim())
    problems.push({ path: 'version', problem: 'required' });
  if (!Array.isArray(r.basis) || !r.basis.some((b) => typeof b?.vi === 'string' && b.vi.trim()))
    problems.push({ path: 'basis', problem: 'basis_missing' });
  else if (
    r.basis.some(
      (b) => typeof b?.vi !== 'string' || !b.vi.trim() || typeof b?.en !== 'string' || !b.en.trim(),
    )
  )
    problems.push({ path: 'basis', problem: 'basis_bilingual' });
  const deadlineOk = days('recommendationWorkingDays', r.recommendationWorkingDays, 1);
  if (
    days('dueSoonWorkingDays', r.dueSoonWorkingDays, 0) &&
    deadlineOk &&
    r.dueSoonWorkingDays! >= r.recommendationWorkingDays!
  )
    problems.push({
      path: 'dueSoonWorkingDays',
      problem: 'due_soon_too_long',
      max: r.recommendationWorkingDays! - 1,
    });
  share('selfInspectionCoverage', r.selfInspectionCoverage);
  const s = (r.signals ?? {}) as Partial<InspectionSignalThresholds>;
  share('signals.dossiersOnTimeBelow', s.dossiersOnTimeBelow);
  count('signals.dossiersMinimum', s.dossiersMinimum, 1);
  share('signals.planCompletionBelow', s.planCompletionBelow);
  count('signals.overdueRecommendationsAtLeast', s.overdueRecommendationsAtLeast, 1);
  return problems;
}

/** A problem in English, for logs and for the error of a shipped rule set that is wrong. */
export function describeInspectionRulesProblem({ path, problem, min, max }: InspectionRulesProblem): string {
  const said: Record<InspectionRulesProblem['problem'], string> = {
    required: 'is empty',
    basis_missing: 'must cite at least one source',
    basis_bilingual: 'needs its Vietnamese and English text in every entry',
    days_range: `must be a whole number of working days from ${min} to ${max}`,
    share_range: 'must be a share above 0 and at most 1',
    count_range: `must be a whole number from ${min} to ${max}`,
    due_soon_too_long: `must be shorter than the remediation deadline (at most ${max})`,
  };
  return `${path} ${said[problem]}`;
}

/**
 * The day a recommendation's remediation is due: `recommendationWorkingDays` working days after the
 * conclusion (counting from the day after, Bộ luật Dân sự 2015, Điều 147; a conclusion on a day off counts from
 * the next working day).
 */
export function recommendationDueDate(
  concludedOn: IsoDate,
  rules: InspectionRules,
  calendar: Calendar,
): IsoDate {
  return calendar.addWorkingDays(calendar.addWorkingDays(concludedOn, 0), rules.recommendationWorkingDays);
}
