import { parseIsoDate, type IsoDate } from './dates.js';
import type { PeriodType } from './period.js';

/**
 * Reporting rules as data: versioned, cited configuration that says when a period's data window opens and
 * closes and when its report is due. Nothing in the module hard-codes "the 15th" or "the 20th": the national
 * defaults live in `DEFAULT_RULES`, and a province may add rule sets per report type (stored as rows, edited
 * by administrators) that take effect from a date without rewriting history.
 */

/** The part of a rule set that may differ per period type. */
export type PeriodRule = {
  /**
   * The day of the month on which data windows open. 15 (Decree 09/2019/NĐ-CP art. 12): a window opens on
   * the 15th of the month before the period's first month and closes on the 14th of its last month. 1 means
   * calendar windows (the window is the period's calendar span). Allowed: 1–28, so it exists in every month.
   */
  cutoffDay: number;
  /**
   * The report is due on this day of the period's last month (581/BNV-CCHC: no later than the 20th), or of
   * a later month when `dueMonthOffset` is set. Clamped to the month's last day (31 → 30 April).
   */
  dueDayOfLastMonth: number;
  /** Months after the period's last month in which the due day falls: 0 (default) = the last month itself. */
  dueMonthOffset: number;
  /**
   * When set, the report is due this many working days after the data window closes instead of on a
   * day of the month. Needs a working-day calendar (`addWorkingDays`) from the caller.
   */
  dueOffsetWorkingDays?: number;
};

/** Per-type overrides; `dueOffsetWorkingDays: null` switches an inherited working-day deadline off. */
export type PeriodRuleOverride = Partial<Omit<PeriodRule, 'dueOffsetWorkingDays'>> & {
  dueOffsetWorkingDays?: number | null;
};

export type ReportingRules = {
  /** Stable identifier of the rule set, e.g. 'nd09-2019'. Versions of one rule set share the id. */
  id: string;
  /** Version number within the id (1, 2, …); among versions valid on the same day the highest wins. */
  version: number;
  /** First day on which this version applies ('YYYY-MM-DD'); it applies until a later version starts. */
  validFrom: IsoDate;
  /** The report type this rule set governs (e.g. 'par-quarterly'); absent or null = every report type without its own. */
  reportType?: string | null;
  /** The legal sources the values come from, as they should be cited to users. */
  basis: string[];
  cutoffDay: number;
  dueDayOfLastMonth: number;
  dueMonthOffset?: number;
  dueOffsetWorkingDays?: number;
  /** Overrides for particular period types (e.g. annual reports due on another day). */
  windows?: Partial<Record<PeriodType, PeriodRuleOverride>>;
  /**
   * This version ends the rule set: from `validFrom` on it governs nothing (the report type falls back to
   * the general rules, then to the national defaults), until a later version of the same id starts. Its
   * other fields repeat the version it retires.
   */
  retired?: boolean;
};

/**
 * The national defaults.
 * - Decree 09/2019/NĐ-CP of 24 January 2019 (chế độ báo cáo của cơ quan hành chính nhà nước), in force from
 *   12 March 2019, art. 12 (thời gian chốt số liệu báo cáo): monthly data from the 15th of the previous month to
 *   the 14th of the reporting month; quarterly from the 15th of the month before the quarter to the 14th of its
 *   last month; 6-month from 15/12 of the previous year to 14/6 (second half: 15/6–14/12); annual from 15/12
 *   of the previous year to 14/12. The cumulative 9-month window (15/12 – 14/9) follows the same rule.
 * - Guidance 581/BNV-CCHC of the Ministry of Home Affairs on periodic PAR (CCHC) reports: reports are sent no
 *   later than the 20th of the period's last month.
 */
export const DEFAULT_RULES: ReportingRules = Object.freeze({
  id: 'nd09-2019',
  version: 1,
  validFrom: '2019-03-12',
  basis: Object.freeze([
    'Nghị định 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước, Điều 12 (thời gian chốt số liệu báo cáo)',
    'Văn bản 581/BNV-CCHC của Bộ Nội vụ hướng dẫn báo cáo cải cách hành chính định kỳ (gửi báo cáo chậm nhất ngày 20 của tháng cuối kỳ báo cáo)',
  ]) as string[],
  cutoffDay: 15,
  dueDayOfLastMonth: 20,
}) as ReportingRules;

/** The effective rule for one period type: the rule set's values with the type's overrides applied. */
export function ruleFor(rules: ReportingRules, type: PeriodType): PeriodRule {
  const o = rules.windows?.[type];
  const offset = o?.dueOffsetWorkingDays === undefined ? rules.dueOffsetWorkingDays : o.dueOffsetWorkingDays;
  const rule: PeriodRule = {
    cutoffDay: o?.cutoffDay ?? rules.cutoffDay,
    dueDayOfLastMonth: o?.dueDayOfLastMonth ?? rules.dueDayOfLastMonth,
    dueMonthOffset: o?.dueMonthOffset ?? rules.dueMonthOffset ?? 0,
  };
  if (offset !== undefined && offset !== null) rule.dueOffsetWorkingDays = offset;
  return rule;
}

function latest(candidates: ReportingRules[]): ReportingRules | undefined {
  let best: ReportingRules | undefined;
  for (const r of candidates) {
    if (!best || r.validFrom > best.validFrom || (r.validFrom === best.validFrom && r.version > best.version))
      best = r;
  }
  return best;
}

/** The started versions without those of rule sets whose latest started version retires them. */
function inForce(started: ReportingRules[]): ReportingRules[] {
  const latestOfId = new Map<string, ReportingRules>();
  for (const r of started) {
    const best = latestOfId.get(r.id);
    if (!best || latest([best, r]) === r) latestOfId.set(r.id, r);
  }
  return started.filter((r) => !r.retired && !latestOfId.get(r.id)?.retired);
}

/**
 * The rule set that governs `reportType` on `date`: the latest version (by `validFrom`, then `version`) among
 * the rule sets for that report type that have started by that date; failing that, the latest general rule
 * set (no `reportType`) started by that date; failing that, `DEFAULT_RULES`. A rule set whose latest
 * version started by that date is a retirement (`retired`) is left out entirely. Which date to pass is the
 * caller's choice — usually the day the report is prepared, or the period's first day.
 */
export function rulesFor(
  ruleSets: readonly ReportingRules[],
  reportType: string | null | undefined,
  date: IsoDate,
): ReportingRules {
  parseIsoDate(date);
  const started = inForce(ruleSets.filter((r) => r.validFrom <= date));
  const own = reportType ? latest(started.filter((r) => r.reportType === reportType)) : undefined;
  if (own) return own;
  return latest(started.filter((r) => !r.reportType)) ?? DEFAULT_RULES;
}
