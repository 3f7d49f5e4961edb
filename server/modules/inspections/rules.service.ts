/**
 * The inspections' rules as stored versions (`inspection_rule_versions`): the shipped defaults are written as the
 * first version (valid from 2000-01-01) the first time they are needed; the standing agency adds a version from a
 * day on (today or later — a concluded inspection keeps the version it was concluded under).
 */
import { desc, eq, lte } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, forbidden, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { officeProvinces, requireActor } from './inspection-records.service.js';
import { inspectionRuleVersions } from './inspections.table.js';
import {
  DEFAULT_INSPECTION_RULES,
  describeInspectionRulesProblem,
  validateInspectionRules,
  type InspectionRules,
} from './rules/inspection-rules.js';

export type InspectionRuleVersion = { id: string; validFrom: string; note: string; rules: InspectionRules };

const present = (r: typeof inspectionRuleVersions.$inferSelect): InspectionRuleVersion => ({
  id: r.id,
  validFrom: r.validFrom,
  note: r.note,
  rules: r.rules as InspectionRules,
});

/** The rules in force on a day (the latest version valid from it or before). */
export async function inspectionRulesOn(ctx: RequestContext, day: string): Promise<InspectionRuleVersion> {
  const pick = async () =>
    (
      await ctx.db
        .select()
        .from(inspectionRuleVersions)
        .where(lte(inspectionRuleVersions.validFrom, day))
        .orderBy(desc(inspectionRuleVersions.validFrom))
        .limit(1)
    )[0];
  let row = await pick();
  if (!row) {
    const problems = validateInspectionRules(DEFAULT_INSPECTION_RULES);
    if (problems.length)
      throw new Error(
        `The shipped inspection rules are invalid: ${problems.map(describeInspectionRulesProblem).join('; ')}`,
      );
    const [inserted] = await ctx.db
      .insert(inspectionRuleVersions)
      .values({ validFrom: '2000-01-01', rules: DEFAULT_INSPECTION_RULES, note: 'chidao' })
      .onConflictDoNothing()
      .returning();
    if (inserted)
      await recordChange(ctx, {
        action: 'create',
        entity: 'inspection_rules',
        entityId: inserted.id,
        after: inserted,
      });
    row = await pick();
  }
  return present(row!);
}

/** A stored version by id (a concluded inspection's deadlines are explained by it). */
export async function inspectionRulesById(
  ctx: RequestContext,
  id: string,
): Promise<InspectionRuleVersion | null> {
  const [row] = await ctx.db.select().from(inspectionRuleVersions).where(eq(inspectionRuleVersions.id, id));
  return row ? present(row) : null;
}

/** Every version, newest first, and the one in force today. */
export async function listInspectionRules(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const current = await inspectionRulesOn(ctx, todayInVietnam());
  const rows = await ctx.db
    .select()
    .from(inspectionRuleVersions)
    .orderBy(desc(inspectionRuleVersions.validFrom));
  return {
    currentId: current.id,
    versions: rows.map(present),
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
  if (problems.length)
    throw new AppError(
      400,
      'RULES_INVALID',
      'inspections.rules_invalid',
      { count: problems.length },
      problems.map((p) => ({
        field: `rules.${p.path}`,
        message: `inspections.rules.${p.problem}` as const,
        params: {
          ...(p.min === undefined ? {} : { min: p.min }),
          ...(p.max === undefined ? {} : { max: p.max }),
        },
      })),
    );
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionRuleVersions)
      .values({
        validFrom: input.validFrom,
        rules: input.rules,
        note: (input.note ?? '').trim(),
        createdBy: actor.user.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError(409, 'CONFLICT', 'inspections.rules_date_taken', { date: input.validFrom });
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'inspection_rules', entityId: row.id, after: row },
    );
    return present(row);
  });
}
