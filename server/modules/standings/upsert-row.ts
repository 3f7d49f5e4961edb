/**
 * Entering or correcting the one row a province holds for an index, year and dimension — a published result or a
 * target (./standings.table.ts: both unique on that key, both versioned). `upsertResult` and `upsertTarget`
 * (./standings.service.ts) check their own input, then write through here, so the two keep one rule of
 * optimistic concurrency and one journal (./README.md, "API"):
 *
 * - no row yet: created only without a version (a version names a row that is gone → 404); entered by someone else
 *   between the read and the insert → 409 `STALE_VERSION` with their version, the one to correct;
 * - a row: changed only with the version read (409 `STALE_VERSION` with the current one otherwise); the same values
 *   again write nothing and journal nothing, so re-sending is harmless;
 * - every write is journalled in its transaction (`create` / `update` of the row's entity).
 *
 * The workbook's import (./exchange.service.ts) writes many rows in one transaction against what it read and
 * journals them as `import` (409 `standings.import.changed_meanwhile`), so it keeps its own loop.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { notFound, staleVersion } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import type { IndexCode } from './rules/index.js';
import { standingResults, standingTargets } from './standings.table.js';

/** The kinds of row written here: the table and the entity its journal entries and errors name. */
export const RESULT_ROWS = { table: standingResults, entity: 'standing_result' } as const;
export const TARGET_ROWS = { table: standingTargets, entity: 'standing_target' } as const;
type RowKind = typeof RESULT_ROWS | typeof TARGET_ROWS;

/** Equal as stored: numbers within rounding (doubles come back from the database), absent as null. */
const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : (a ?? null) === (b ?? null);

/**
 * Creates (`at.version` absent) or updates (`at.version` = the one read) the province's row of `at`'s index, year
 * and dimension with `values`. Unchanged when every field of `values` already holds (then `row` is the stored one).
 */
export async function upsertVersionedRow<K extends RowKind>(
  ctx: RequestContext,
  kind: K,
  provinceId: string,
  at: { indexCode: IndexCode; year: number; dimensionCode: string; version?: number | undefined },
  values: Partial<K['table']['$inferInsert']>,
): Promise<{ created: boolean; row: K['table']['$inferSelect'] }> {
  // Both tables have the key and version columns, but drizzle cannot type a query over either of two tables:
  // the columns are read through the union and the rows cast back to the caller's kind.
  type Row = K['table']['$inferSelect'];
  const table: RowKind['table'] = kind.table;
  const { entity } = kind;
  // Picked, not spread: `at` is usually the whole request body.
  const key = { provinceId, indexCode: at.indexCode, year: at.year, dimensionCode: at.dimensionCode };
  const where = and(
    eq(table.provinceId, key.provinceId),
    eq(table.indexCode, key.indexCode),
    eq(table.year, key.year),
    eq(table.dimensionCode, key.dimensionCode),
  );
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx };
    const [existing] = (await tx.select().from(table).where(where)) as Row[];
    if (!existing) {
      if (at.version !== undefined) throw notFound(entity);
      const [inserted] = (await tx
        .insert(table)
        .values({ ...key, ...values, createdBy: ctx.actor?.user.id ?? null } as never)
        .onConflictDoNothing()
        .returning()) as Row[];
      if (!inserted) {
        // Entered by someone else meanwhile: their version is the one to correct.
        const [now] = (await tx.select().from(table).where(where)) as Row[];
        throw staleVersion(entity, now?.version ?? 1);
      }
      await recordChange(t, { action: 'create', entity, entityId: inserted.id, after: inserted });
      return { created: true, row: inserted };
    }
    if (at.version !== existing.version) throw staleVersion(entity, existing.version);
    const stored = existing as Record<string, unknown>;
    if (Object.entries(values).every(([f, v]) => same(v, stored[f])))
      return { created: false, row: existing };
    const [updated] = (await tx
      .update(table)
      .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(table.id, existing.id), eq(table.version, existing.version)))
      .returning()) as Row[];
    if (!updated) throw staleVersion(entity, existing.version);
    await recordChange(t, {
      action: 'update',
      entity,
      entityId: existing.id,
      before: existing,
      after: updated,
    });
    return { created: false, row: updated };
  });
}
