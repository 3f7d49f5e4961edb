/**
 * The inspection rules a concluded inspection's recommendations are timed by (`inspection_rule_versions`,
 * ./rules/inspection-rules.ts; the version in force on the conclusion date is ./rules.service.ts
 * `inspectionRulesOn`): many versions at once, for lists. A stored version that does not pass the rules' checks
 * is left out (the shipped defaults stand), so a bad row never gives a recommendation an impossible timing.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectionRuleVersions } from './inspections.table.js';
import { validateInspectionRules, type InspectionRules } from './rules/inspection-rules.js';

const sound = (raw: unknown): InspectionRules | null =>
  raw && typeof raw === 'object' && !validateInspectionRules(raw as InspectionRules).length
    ? (raw as InspectionRules)
    : null;

/** Stored versions by id (those that pass the checks). */
export async function rulesByIds(db: Db, ids: readonly string[]): Promise<Map<string, InspectionRules>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select()
    .from(inspectionRuleVersions)
    .where(inArray(inspectionRuleVersions.id, unique));
  const out = new Map<string, InspectionRules>();
  for (const r of rows) {
    const rules = sound(r.rules);
    if (rules) out.set(r.id, rules);
  }
  return out;
}
