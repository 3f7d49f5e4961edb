/**
 * Rules kept as dated versions (rules are data: `hotline_rule_versions`, `inspection_rule_versions`): the version
 * in force on a day is the latest valid from it or before; what a module ships is its first version, written
 * (valid from 2000-01-01, noted "chidao", in the journal) the first time the rules are needed, so that every record
 * that applied them can name the version it was decided under — and a later version never rewrites history.
 *
 * A module declares its table and shipped rules once (`ruleVersions({...})`) and gets `on(day)` and `byIds`.
 */
import { desc, inArray, lte } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { MessageKey } from '../core/messages.js';
import { recordChange } from '../modules/audit/audit.service.js';
import type { Db } from './client.js';

/** The day the shipped rules are valid from: before any record a province could hold. */
export const SHIPPED_RULES_FROM = '2000-01-01';

export type RuleVersionOf<R> = { id: string; validFrom: string; note: string; rules: R };

/** A rule's problem as a module's checks name it: the path in the rules, the problem's key, its bounds. */
export type RuleProblem = {
  path: string;
  problem: string;
  min?: number | undefined;
  max?: number | undefined;
};

/**
 * The 400 for rules that fail their checks: one detail per problem, on its field (`rules.<path>`), as the message
 * key `<prefix>.<problem>` (the module declares them in both languages) with its bounds.
 */
export function rulesInvalid(
  problems: readonly RuleProblem[],
  summary: MessageKey,
  prefix: string,
): AppError {
  return new AppError(
    400,
    'RULES_INVALID',
    summary,
    { count: problems.length },
    problems.map((p) => ({
      field: `rules.${p.path}`,
      message: `${prefix}.${p.problem}` as MessageKey,
      params: {
        ...(p.min === undefined ? {} : { min: p.min }),
        ...(p.max === undefined ? {} : { max: p.max }),
      },
    })),
  );
}

type VersionTable = PgTable & {
  id: AnyPgColumn;
  validFrom: AnyPgColumn;
  rules: AnyPgColumn;
  note: AnyPgColumn;
};
type VersionRow = { id: string; validFrom: string; note: string; rules: unknown };

export function ruleVersions<R>(spec: {
  table: VersionTable;
  /** The journal's entity for a version (e.g. `hotline_rules`). */
  entity: string;
  shipped: R;
  /** The shipped rules' problems, described (none expected: a problem is a bug, refused loudly). */
  problems: (rules: R) => readonly string[];
}) {
  const { table } = spec;
  const present = (row: VersionRow): RuleVersionOf<R> => ({
    id: row.id,
    validFrom: row.validFrom,
    note: row.note,
    rules: row.rules as R,
  });
  const fields = { id: table.id, validFrom: table.validFrom, note: table.note, rules: table.rules };
  const select = (db: Db) => db.select(fields).from(table);

  async function writeShipped(ctx: RequestContext) {
    const problems = spec.problems(spec.shipped);
    if (problems.length) throw new Error(`The shipped ${spec.entity} are invalid: ${problems.join('; ')}`);
    const [inserted] = (await ctx.db
      .insert(table)
      .values({ validFrom: SHIPPED_RULES_FROM, rules: spec.shipped, note: 'chidao' } as never)
      .onConflictDoNothing()
      .returning()) as VersionRow[];
    if (inserted)
      await recordChange(ctx, {
        action: 'create',
        entity: spec.entity,
        entityId: inserted.id,
        after: inserted,
      });
  }

  return {
    /**
     * The version in force on `day`. A day before the first version (a date typed for the past) gets the first
     * version: the earliest rules the province had.
     */
    async on(ctx: RequestContext, day: string): Promise<RuleVersionOf<R>> {
      const pick = async () =>
        ((await select(ctx.db).where(lte(table.validFrom, day)).orderBy(desc(table.validFrom)).limit(1))[0] ??
          (await select(ctx.db).orderBy(table.validFrom).limit(1))[0]) as VersionRow | undefined;
      let row = await pick();
      if (!row) {
        await writeShipped(ctx);
        row = await pick();
      }
      return present(row!);
    },
    /** Versions by id (a record's deadlines are explained by the version it was decided under). */
    async byIds(db: Db, ids: readonly string[]): Promise<Map<string, RuleVersionOf<R>>> {
      const wanted = [...new Set(ids.filter(Boolean))];
      if (!wanted.length) return new Map();
      const rows = (await select(db).where(inArray(table.id, wanted))) as VersionRow[];
      return new Map(rows.map((r) => [r.id, present(r)]));
    },
    /**
     * A new version from `validFrom` on (checked by the caller), in the journal; a day that already has a version is
     * a 409 with `dateTaken`.
     */
    async add(
      ctx: RequestContext,
      input: { validFrom: string; rules: R; note?: string | undefined },
      createdBy: string,
      dateTaken: MessageKey,
    ): Promise<RuleVersionOf<R>> {
      return ctx.db.transaction(async (tx) => {
        const [row] = (await tx
          .insert(table)
          .values({
            validFrom: input.validFrom,
            rules: input.rules,
            note: (input.note ?? '').trim(),
            createdBy,
          } as never)
          .onConflictDoNothing()
          .returning()) as VersionRow[];
        if (!row) throw new AppError(409, 'CONFLICT', dateTaken, { date: input.validFrom });
        await recordChange(
          { ...ctx, db: tx },
          { action: 'create', entity: spec.entity, entityId: row.id, after: row },
        );
        return present(row);
      });
    },
    /** Every version, newest first. */
    async all(db: Db): Promise<RuleVersionOf<R>[]> {
      return ((await select(db).orderBy(desc(table.validFrom))) as VersionRow[]).map(present);
    },
  };
}
