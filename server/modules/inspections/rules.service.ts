/**
 * The inspections' rules as stored versions (`inspection_rule_versions`): the shipped defaults are written as the
 * first version (valid from 2000-01-01) the first time they are needed; the standing agency adds a version from a
 * day on (today or later — a concluded inspection keeps the version it was concluded under).
 */
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden, validation } from '../../core/errors.js';
import { rulesInvalid, ruleVersions, type RuleVersionOf } from '../../db/rule-versions.js';
import { officeProvinces, requireActor } from './inspection-records.service.js';
import { inspectionRuleVersions } from './inspections.table.js';
import {
  DEFAULT_INSPECTION_RULES,
  describeInspectionRulesProblem,
  validateInspectionRules,
  type InspectionRules,
} from './rules/inspection-rules.js';

export type InspectionRuleVersion = RuleVersionOf<InspectionRules>;

/** The inspections' rules' versions; the shipped defaults (`DEFAULT_INSPECTION_RULES`) are the first. */
const inspectionRules = ruleVersions({
  table: inspectionRuleVersions,
  entity: 'inspection_rules',
  shipped: DEFAULT_INSPECTION_RULES,
  problems: (rules) => validateInspectionRules(rules).map(describeInspectionRulesProblem),
});

/** The rules in force on a day (the latest version valid from it or before). */
export const inspectionRulesOn = (ctx: RequestContext, day: string): Promise<InspectionRuleVersion> =>
  inspectionRules.on(ctx, day);

/** A stored version by id (a concluded inspection's deadlines are explained by it). */
export async function inspectionRulesById(
  ctx: RequestContext,
  id: string,
): Promise<InspectionRuleVersion | null> {
  return (await inspectionRules.byIds(ctx.db, [id])).get(id) ?? null;
}

/** Every version, newest first, and the one in force today. */
export async function listInspectionRules(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const current = await inspectionRulesOn(ctx, todayInVietnam());
  return {
    currentId: current.id,
    versions: await inspectionRules.all(ctx.db),
    abilities: { manage: (await officeProvinces(ctx, actor)).length > 0 },
  };
}

/** A new version from a day on (today or later), checked by `validateInspectionRules`, each problem named. */
export async function addInspectionRules(
  ctx: RequestContext,
  input: { validFrom: string; rules: InspectionRules; note?: string | undefined },
): Promise<InspectionRuleVersion> {
  const actor = requireActor(ctx);
  if (!(await officeProvinces(ctx, actor)).length) throw forbidden();
  if (input.validFrom < todayInVietnam()) throw validation('validFrom', 'inspections.rules_in_past');
  const problems = validateInspectionRules(input.rules);
  if (problems.length) throw rulesInvalid(problems, 'inspections.rules_invalid', 'inspections.rules');
  return inspectionRules.add(ctx, input, actor.user.id, 'inspections.rules_date_taken');
}
