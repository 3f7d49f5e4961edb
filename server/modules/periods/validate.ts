import { isIsoDate } from './dates.js';
import { PERIOD_TYPES, isPeriodType, periodsInYear, type PeriodType } from './period.js';
import { ruleFor, type PeriodRule, type PeriodRuleOverride, type ReportingRules } from './rules.js';
import { dueDate, periodWindow } from './schedule.js';

/**
 * Checks a rule set before it is stored or used (rules are data, so they can be wrong): well-formed values,
 * at least one cited legal basis, and no period whose report would fall due before its data window closes.
 * Returns human-readable problems (English, for administrators and logs); empty when the rule set is sound.
 */
export function validateRules(rules: ReportingRules): string[] {
  const problems: string[] = [];
  if (!rules.id?.trim()) problems.push('id is empty');
  if (!Number.isInteger(rules.version) || rules.version < 1) problems.push('version must be an integer ≥ 1');
  if (!isIsoDate(rules.validFrom)) problems.push(`validFrom "${rules.validFrom}" is not a YYYY-MM-DD date`);
  if (!rules.basis?.some((b) => b.trim())) problems.push('basis must cite at least one legal source');
  problems.push(...checkFields(rules, ''));
  for (const [type, override] of Object.entries(rules.windows ?? {})) {
    if (!isPeriodType(type)) {
      problems.push(`windows.${type}: unknown period type`);
      continue;
    }
    problems.push(...checkFields(override ?? {}, `windows.${type}.`));
  }
  if (problems.length) return problems;
  for (const type of PERIOD_TYPES) problems.push(...checkDeadlines(rules, type));
  return problems;
}

const inRange = (v: number, min: number, max: number): boolean => Number.isInteger(v) && v >= min && v <= max;

function checkFields(r: Partial<PeriodRule> | PeriodRuleOverride, prefix: string): string[] {
  const problems: string[] = [];
  if (r.cutoffDay !== undefined && !inRange(r.cutoffDay, 1, 28))
    problems.push(`${prefix}cutoffDay must be an integer from 1 to 28`);
  if (r.dueDayOfLastMonth !== undefined && !inRange(r.dueDayOfLastMonth, 1, 31))
    problems.push(`${prefix}dueDayOfLastMonth must be an integer from 1 to 31`);
  if (r.dueMonthOffset !== undefined && !inRange(r.dueMonthOffset, 0, 12))
    problems.push(`${prefix}dueMonthOffset must be an integer from 0 to 12`);
  const offset = r.dueOffsetWorkingDays;
  if (offset !== undefined && offset !== null && !inRange(offset, 0, 366))
    problems.push(`${prefix}dueOffsetWorkingDays must be an integer from 0 to 366`);
  return problems;
}

/** A day-of-month deadline must not precede the window's close (checked on a common and a leap year). */
function checkDeadlines(rules: ReportingRules, type: PeriodType): string[] {
  if (ruleFor(rules, type).dueOffsetWorkingDays !== undefined) return [];
  for (const year of [2024, 2025]) {
    for (const period of periodsInYear(type, year)) {
      const closes = periodWindow(period, rules).to;
      const due = dueDate(period, rules);
      if (due < closes)
        return [`${type}: the report would be due (${due}) before its data closes (${closes})`];
    }
  }
  return [];
}
