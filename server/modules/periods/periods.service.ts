import { asc, desc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import {
  AppError,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { DEFAULT_RULES, rulesFor, validateRules, type ReportingRules, type WorkdayHooks } from './index.js';
import { reportingRules } from './periods.table.js';

/**
 * The working-day calendar in force as the hooks the pure rules need: a rule set may set deadlines in
 * working days after the window closes (`dueOffsetWorkingDays`), so every caller that describes a period
 * or its due date must pass these.
 */
export async function workdayHooks(db: Db): Promise<WorkdayHooks> {
  const calendar = await loadCalendar(db);
  return { addWorkingDays: calendar.addWorkingDays };
}

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

/**
 * Retires a rule set (administrators and standing-agency officers): a new version that ends it from
 * `validFrom` (by default the day its latest version began, so that version never governs). Nothing is
 * removed: periods before that date keep the rules they were judged by, later ones fall back to the general
 * rules or the national defaults. `version` is the latest version the caller saw (409 otherwise).
 */
export async function retireRuleSet(
  ctx: RequestContext,
  ruleSetId: string,
  input: { version: number; validFrom?: string; basis?: string[] },
): Promise<ReportingRules> {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRole('admin', 'standing_officer')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select()
      .from(reportingRules)
      .where(eq(reportingRules.ruleSetId, ruleSetId))
      .orderBy(desc(reportingRules.version))
      .limit(1);
    if (!last) throw notFound('reporting_rules');
    if (last.version !== input.version) throw staleVersion('reporting_rules', last.version);
    const previous = last.rules as ReportingRules;
    if (previous.retired) throw conflict('periods.already_retired', { id: ruleSetId });
    const validFrom = input.validFrom ?? previous.validFrom;
    if (validFrom < previous.validFrom)
      throw validation('validFrom', 'periods.retire_before_start', { from: previous.validFrom });
    const rules: ReportingRules = {
      ...previous,
      version: last.version + 1,
      validFrom,
      basis: input.basis?.length ? input.basis : previous.basis,
      retired: true,
    };
    const [row] = await tx
      .insert(reportingRules)
      .values({
        ruleSetId,
        version: rules.version,
        reportType: rules.reportType ?? null,
        validFrom,
        rules,
        createdBy: ctx.actor?.user.id ?? null,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'retire', entity: 'reporting_rules', entityId: row!.id, before: previous, after: rules },
    );
    return rules;
  });
}

export async function countStoredRuleVersions(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(reportingRules);
  return Number(r?.n ?? 0);
}
