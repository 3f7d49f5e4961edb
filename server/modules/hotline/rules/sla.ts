/**
 * Deadlines of the feedback hotline (phản ánh, kiến nghị — PAKN), as versioned data: a province changes its
 * numbers by storing a new version, never by changing code, and each version cites where its numbers come
 * from. Every deadline counts working days on the working-day calendar (../../calendar).
 *
 * Which numbers are law and which are practice (domain notes §3 marks deadlines as varying):
 * - Forwarding within 5 working days is the law: feedback outside the receiver's authority is sent on to the
 *   competent body within 5 working days of receipt (Nghị định 20/2008/NĐ-CP as amended by 48/2013/NĐ-CP
 *   and 92/2017/NĐ-CP; [? article not re-checked]). A province may be quicker, never slower:
 *   `validateSlaRules` refuses more than 5.
 * - Everything else is a province's practice, chosen here as sane defaults:
 *   - answer within 10 working days (feedback within the receiver's authority) and 15 (about an official's
 *     or agency's behaviour, which needs the official's unit to look into it). Practice varies: the
 *     Ministry of Home Affairs answers within 20 days, Đà Nẵng's góp ý app within 3 working days;
 *   - classify (triage) within 2 working days, so that forwarding can still meet its 5;
 *   - tell the citizen where the case stands every 7 working days while it is open (the Ministry of Home
 *     Affairs' practice);
 *   - "due soon" 2 working days before the deadline; extensions of at most 10 working days in all.
 *
 * Clocks: a case counts as received on `receivedOn` — the service passes `calendar.effectiveReceiptDay` of the
 * instant it arrived (after office hours or on a day off: the next working day); a date that is a day off is
 * moved to the next working day here too. A period of n working days ends on the n-th working day after
 * that day (Bộ luật Dân sự 2015, Điều 147: counting starts the day after). Timing is derived, never stored.
 *
 * A forwarded case leaves the receiver's hands once forwarded: its due date is the forwarding deadline. If the
 * body it reaches works in chidao too, the case starts a new clock there (received the day it arrived).
 * A case not accepted is answered with the reason when it is classified: its due date is the triage deadline.
 */
import type { Calendar, IsoDate } from '../../calendar/index.js';

/** How a case is classified on receipt (Nghị định 20/2008/NĐ-CP; domain notes §3). */
export type Classification = 'not_accepted' | 'behaviour' | 'within_authority' | 'outside_authority';

export const CLASSIFICATIONS: readonly Classification[] = [
  'not_accepted',
  'behaviour',
  'within_authority',
  'outside_authority',
];

/** The classifications that are answered by the receiver on the answer clock (`answer`). */
const ANSWERED: readonly Classification[] = ['behaviour', 'within_authority'];

export type LocalizedText = { vi: string; en: string };

export type HotlineSlaRules = {
  /** Names this version, e.g. '2026-01'; stored with each case's due date so an old due date can be explained. */
  version: string;
  /** The sources of the numbers, as cited to users. */
  basis: LocalizedText[];
  /** Outside the receiver's authority → forwarded within this many working days (law: at most 5). */
  forwardWithinWorkingDays: number;
  /** Classified within this many working days of receipt (a case not accepted is answered by then). */
  triageWithinWorkingDays: number;
  /** While open, the citizen hears where the case stands at least this often. */
  statusUpdateEveryWorkingDays: number;
  /**
   * Working days to answer a case within authority or about behaviour: the case's category's number when the
   * rules name its category, else its classification's, else `default`.
   */
  answer: {
    default: number;
    byClassification?: Partial<Record<Classification, number>>;
    byCategory?: Record<string, number>;
  };
  /** An open case is "due soon" when at most this many working days remain. */
  dueSoonWorkingDays: number;
  /** All extensions of one case together may add at most this many working days. */
  maxExtensionWorkingDays: number;
};

export const DEFAULT_HOTLINE_SLA: HotlineSlaRules = {
  version: 'chidao-default-2026',
  basis: [
    {
      vi: 'Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 48/2013/NĐ-CP và 92/2017/NĐ-CP: phản ánh, kiến nghị không thuộc thẩm quyền được chuyển đến cơ quan có thẩm quyền trong 05 ngày làm việc.',
      en: 'Decree 20/2008/NĐ-CP, amended by Decrees 48/2013/NĐ-CP and 92/2017/NĐ-CP: feedback outside the receiver’s authority is forwarded to the competent body within 5 working days.',
    },
    {
      vi: 'Các thời hạn khác (phân loại 02 ngày, trả lời 10 ngày làm việc, 15 ngày với phản ánh về hành vi, cập nhật tình trạng 07 ngày làm việc một lần, gia hạn tối đa 10 ngày) là mặc định của chidao theo thực tiễn; tỉnh điều chỉnh theo quy chế của mình.',
      en: 'The other deadlines (classify in 2 days, answer in 10 working days, 15 for feedback about behaviour, a status update every 7 working days, extensions of at most 10 days) are chidao’s defaults from practice; the province sets its own in its rules.',
    },
  ],
  forwardWithinWorkingDays: 5,
  triageWithinWorkingDays: 2,
  statusUpdateEveryWorkingDays: 7,
  answer: { default: 10, byClassification: { within_authority: 10, behaviour: 15 } },
  dueSoonWorkingDays: 2,
  maxExtensionWorkingDays: 10,
};

/** The legal ceiling on forwarding (Nghị định 20/2008/NĐ-CP as amended). */
const FORWARD_LEGAL_MAX = 5;
/** No deadline of this kind reasonably runs past a year of working days; larger numbers are typing mistakes. */
const MAX_DAYS = 250;

const isDays = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_DAYS;

/** What is wrong with a rule set, at which path (`answer.byCategory.dat_dai`): the messages say it to people. */
export type SlaProblem = {
  path: string;
  problem:
    | 'required'
    | 'basis_missing'
    | 'basis_bilingual'
    | 'days_range'
    | 'forward_law'
    | 'triage_after_forward'
    | 'unknown_classification'
    | 'set_by_forwarding'
    | 'set_by_triage'
    | 'empty_category';
  min?: number;
  max?: number;
};

/**
 * Problems of a rule set before it is stored or used (rules are data, so they can be wrong); empty when it
 * is sound. Each names its path; `hotline.sla.<problem>` (../messages.ts) words it, `describeSlaProblem` in
 * English for logs.
 */
export function validateSlaRules(rules: HotlineSlaRules): SlaProblem[] {
  const problems: SlaProblem[] = [];
  const days = (path: string, value: unknown, min: number) => {
    if (!isDays(value, min)) problems.push({ path, problem: 'days_range', min, max: MAX_DAYS });
    return isDays(value, min);
  };
  if (typeof rules.version !== 'string' || !rules.version.trim())
    problems.push({ path: 'version', problem: 'required' });
  if (!Array.isArray(rules.basis) || !rules.basis.some((b) => b?.vi?.trim()))
    problems.push({ path: 'basis', problem: 'basis_missing' });
  else if (rules.basis.some((b) => !b?.vi?.trim() || !b?.en?.trim()))
    problems.push({ path: 'basis', problem: 'basis_bilingual' });
  const forwardOk =
    isDays(rules.forwardWithinWorkingDays, 1) && rules.forwardWithinWorkingDays <= FORWARD_LEGAL_MAX;
  if (!forwardOk)
    problems.push({
      path: 'forwardWithinWorkingDays',
      problem: 'forward_law',
      min: 1,
      max: FORWARD_LEGAL_MAX,
    });
  if (
    days('triageWithinWorkingDays', rules.triageWithinWorkingDays, 0) &&
    isDays(rules.forwardWithinWorkingDays, 1) &&
    rules.triageWithinWorkingDays > rules.forwardWithinWorkingDays
  )
    problems.push({ path: 'triageWithinWorkingDays', problem: 'triage_after_forward' });
  days('statusUpdateEveryWorkingDays', rules.statusUpdateEveryWorkingDays, 1);
  days('answer.default', rules.answer?.default, 1);
  for (const [key, value] of Object.entries(rules.answer?.byClassification ?? {})) {
    const path = `answer.byClassification.${key}`;
    if (!CLASSIFICATIONS.includes(key as Classification))
      problems.push({ path, problem: 'unknown_classification' });
    else if (!ANSWERED.includes(key as Classification))
      problems.push({
        path,
        problem: key === 'outside_authority' ? 'set_by_forwarding' : 'set_by_triage',
      });
    else days(path, value, 1);
  }
  for (const [key, value] of Object.entries(rules.answer?.byCategory ?? {})) {
    if (!key.trim()) problems.push({ path: 'answer.byCategory', problem: 'empty_category' });
    else days(`answer.byCategory.${key}`, value, 1);
  }
  days('dueSoonWorkingDays', rules.dueSoonWorkingDays, 0);
  days('maxExtensionWorkingDays', rules.maxExtensionWorkingDays, 0);
  return problems;
}

/** A problem in English, for logs and for the error of a shipped rule set that is wrong. */
export function describeSlaProblem({ path, problem, min, max }: SlaProblem): string {
  const said: Record<SlaProblem['problem'], string> = {
    required: 'is empty',
    basis_missing: 'must cite at least one source',
    basis_bilingual: 'needs its Vietnamese and English text in every entry',
    days_range: `must be an integer from ${min} to ${max}`,
    forward_law: `must be an integer from ${min} to ${max} (Decree 20/2008: within 5 working days)`,
    triage_after_forward:
      'must not exceed forwardWithinWorkingDays (a case is classified before it is forwarded)',
    unknown_classification: 'is not a classification',
    set_by_forwarding: 'is set by forwardWithinWorkingDays',
    set_by_triage: 'is set by triageWithinWorkingDays',
    empty_category: 'has an empty category',
  };
  return `${path} ${said[problem]}`;
}

/** An extension of a case's answer deadline, in working days. */
export type Extension = { workingDays: number };

/** Working days of extension a case may still get (0 when it has used them all). */
export function extensionRoom(extensions: readonly Extension[], rules: HotlineSlaRules): number {
  return Math.max(0, rules.maxExtensionWorkingDays - extensionTotal(extensions));
}

function extensionTotal(extensions: readonly Extension[]): number {
  let total = 0;
  for (const e of extensions) {
    if (!Number.isInteger(e.workingDays) || e.workingDays < 1)
      throw new RangeError(`An extension must be a whole number of working days ≥ 1, got ${e.workingDays}`);
    total += e.workingDays;
  }
  return total;
}

/** The day the clock starts from: the received day, or the next working day when it is a day off. */
const startDay = (calendar: Calendar, receivedOn: IsoDate): IsoDate => calendar.addWorkingDays(receivedOn, 0);

/** The working days allowed to answer a case of this classification and category (before extensions). */
export function answerWorkingDays(
  classification: Classification,
  category: string | null,
  rules: HotlineSlaRules,
): number {
  if (classification === 'outside_authority') return rules.forwardWithinWorkingDays;
  if (classification === 'not_accepted') return rules.triageWithinWorkingDays;
  const byCategory = category === null ? undefined : rules.answer.byCategory?.[category];
  return byCategory ?? rules.answer.byClassification?.[classification] ?? rules.answer.default;
}

/**
 * The last day to answer a case (`answerWorkingDays` plus its extensions after the day it was received).
 * Throws a RangeError when the extensions exceed `maxExtensionWorkingDays`: the service checks
 * `extensionRoom` before it grants one.
 */
export function answerDueDate(
  input: {
    receivedOn: IsoDate;
    classification: Classification;
    category: string | null;
    extensions: readonly Extension[];
  },
  rules: HotlineSlaRules,
  calendar: Calendar,
): IsoDate {
  const extra = extensionTotal(input.extensions);
  if (extra > 0 && !ANSWERED.includes(input.classification))
    throw new RangeError(`A case classified ${input.classification} cannot be extended`);
  if (extra > rules.maxExtensionWorkingDays)
    throw new RangeError(
      `Extensions of ${extra} working days exceed the ${rules.maxExtensionWorkingDays} allowed`,
    );
  const days = answerWorkingDays(input.classification, input.category, rules) + extra;
  return calendar.addWorkingDays(startDay(calendar, input.receivedOn), days);
}

/** The last day to forward a case outside the receiver's authority (Nghị định 20/2008/NĐ-CP: 5 working days). */
export function forwardDueDate(
  input: { receivedOn: IsoDate },
  rules: HotlineSlaRules,
  calendar: Calendar,
): IsoDate {
  return calendar.addWorkingDays(startDay(calendar, input.receivedOn), rules.forwardWithinWorkingDays);
}

/** The last day to classify a case. */
export function triageDueDate(
  input: { receivedOn: IsoDate },
  rules: HotlineSlaRules,
  calendar: Calendar,
): IsoDate {
  return calendar.addWorkingDays(startDay(calendar, input.receivedOn), rules.triageWithinWorkingDays);
}

/** The day by which an open case owes the citizen its next status update (from the last one, or receipt). */
export function statusUpdateDueDate(
  input: { lastUpdateOn: IsoDate },
  rules: HotlineSlaRules,
  calendar: Calendar,
): IsoDate {
  return calendar.addWorkingDays(startDay(calendar, input.lastUpdateOn), rules.statusUpdateEveryWorkingDays);
}

export type TimingState = 'on_time' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late';

export type Timing = {
  state: TimingState;
  /** Open and not overdue: working days left until the due date (0 on the due day); else null. */
  workingDaysLeft: number | null;
  /** Working days past the due date: up to today while open, up to the closing day once closed. */
  workingDaysOver: number;
};

/**
 * A case's timing on `today`, derived from its due date and closing day (never stored).
 * - A due date on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5), and so
 *   does a closing day or "today" on a day off: on the Saturday after a Friday deadline anything done now
 *   counts as Monday, so the case is already 1 working day over (as plan tasks count, ../../tasks/overdue.ts).
 * - Closed: 'closed_on_time' on or before the due date, else 'closed_late'.
 * - Open: 'overdue' after the due date; 'due_soon' when at most `dueSoonWorkingDays` remain (the due day
 *   itself included); else 'on_time'.
 */
export function timing(
  input: { dueDate: IsoDate; closedOn: IsoDate | null; today: IsoDate },
  rules: HotlineSlaRules,
  calendar: Calendar,
): Timing {
  const due = calendar.addWorkingDays(input.dueDate, 0);
  const counted = (d: IsoDate) => calendar.addWorkingDays(d, 0);
  if (input.closedOn !== null) {
    const over = Math.max(0, calendar.workingDaysBetween(due, counted(input.closedOn)));
    return {
      state: over > 0 ? 'closed_late' : 'closed_on_time',
      workingDaysLeft: null,
      workingDaysOver: over,
    };
  }
  const over = calendar.workingDaysBetween(due, counted(input.today));
  if (over > 0) return { state: 'overdue', workingDaysLeft: null, workingDaysOver: over };
  const left = Math.max(0, calendar.workingDaysBetween(input.today, due));
  return {
    state: left <= rules.dueSoonWorkingDays ? 'due_soon' : 'on_time',
    workingDaysLeft: left,
    workingDaysOver: 0,
  };
}
