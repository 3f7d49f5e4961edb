import { asc, desc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, unauthenticated } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { DEFAULT_RULES, rulesFor, validateRules, type ReportingRules } from './index.js';
import { reportingRules } from './periods.table.js';

/** Every rule set in force over time: the national defaults plus the province's stored versions. */
export async function allRuleSets(db: Db): Promise<ReportingRules[]> {
  const stored = await db
    .select()
    .from(reportingRules)
    .orderBy(asc(reportingRules.validFrom), asc(reportingRules.version));
  return [DEFAULT_RULES, ...stored.map((r) => r.rules as ReportingRules)];
}

/** The rules a report type follows on a date. */
export async function rulesForReport(
  db: Db,
  reportType: string | null | undefined,
  date: string,
): Promise<ReportingRules> {
  return rulesFor(await allRuleSets(db), reportType, date);
}

/**
 * Adds a version of a rule set (administrators and standing-agency officers). The version number is the
 * next one of that rule set; earlier versions stay and keep governing the periods before `validFrom`.
 */
export async function addRuleVersion(
  ctx: RequestContext,
  input: Omit<ReportingRules, 'version'>,
): Promise<ReportingRules> {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRole('admin', 'standing_officer')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ v: reportingRules.version })
      .from(reportingRules)
      .where(eq(reportingRules.ruleSetId, input.id))
      .orderBy(desc(reportingRules.version))
      .limit(1);
    const rules: ReportingRules = {
      ...input,
      version: (last?.v ?? (input.id === DEFAULT_RULES.id ? 1 : 0)) + 1,
    };
    const problems = validateRules(rules);
    if (problems.length) {
      throw new AppError(400, 'VALIDATION_FAILED', 'periods.invalid_rules', { detail: problems.join('; ') }, [
        { field: 'rules', message: 'periods.invalid_rules' },
      ]);
    }
    const [row] = await tx
      .insert(reportingRules)
      .values({
        ruleSetId: rules.id,
        version: rules.version,
        reportType: rules.reportType ?? null,
        validFrom: rules.validFrom,
        rules,
        createdBy: ctx.actor?.user.id ?? null,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'reporting_rules', entityId: row!.id, after: rules },
    );
    return rules;
  });
}

export async function countStoredRuleVersions(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(reportingRules);
  return Number(r?.n ?? 0);
}
