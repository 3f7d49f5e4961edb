import { notifyingLineage } from './lineage-changes.service.js';
import { and, asc, eq, inArray, isNull, lte, or, gte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { type Db, rows } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { unitVersions } from './lineage.table.js';
import { UNIT_KINDS, type UnitKind } from './units.schemas.js';
import { units } from './units.table.js';
import { TERRITORIAL_KINDS } from './unit-label.js';

export { unitDisplayName } from './unit-label.js';

/** unitDisplayName (unit-label.ts) in SQL, over the units row aliased `u`. */
const displayNameSql = (u: SQL) =>
  sql`CASE WHEN ${u}.kind IN (${sql.join(
    TERRITORIAL_KINDS.map((k) => sql`${k}`),
    sql`, `,
  )}) AND ${u}.full_name IS NOT NULL AND ${u}.full_name <> '' THEN ${u}.full_name ELSE ${u}.name END`;

export { UNIT_KINDS, type UnitKind };

export type Unit = typeof units.$inferSelect;

/** Vietnamese collation for sorting names the way readers expect (Đ after D, tones ignored first). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * For each unit id, its ancestor chain starting with itself (unit, parent, grandparent, …), in one query.
 * Access rules use it to decide whether a grant over some unit covers a record's unit.
 */
export async function ancestorPaths(db: Db, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  return new Map([...(await unitFacts(db, unitIds))].map(([id, f]) => [id, f.path]));
}

export type UnitFacts = { name: string; fullName: string; path: string[] };

/**
 * Name, full name and ancestor chain of each unit, in one query (for presenting records with their units).
 * `name` is the name shown beside a record: a local government by its full name ("Huyện Kỳ Anh", not "Kỳ Anh",
 * which is also a thị xã and, since 2025, a xã of Hà Tĩnh), an agency by its short name ("Sở Tư pháp").
 */
export async function unitFacts(db: Db, unitIds: readonly string[]): Promise<Map<string, UnitFacts>> {
  const unique = [...new Set(unitIds)];
  const out = new Map<string, UnitFacts>();
  if (unique.length === 0) return out;
  const result = await rows<{ id: string; name: string; full_name: string; path: string[] }>(
    db,
    sql`WITH RECURSIVE chain(start, id, parent_id, depth) AS (
          SELECT u.id, u.id, u.parent_id, 0 FROM units u
           WHERE u.id IN (${sql.join(
             unique.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
          UNION ALL
          SELECT c.start, p.id, p.parent_id, c.depth + 1 FROM units p JOIN chain c ON p.id = c.parent_id
           WHERE c.depth < 32)
        SELECT u.id, ${displayNameSql(sql`u`)} AS name, u.full_name, p.path
          FROM (SELECT start, array_agg(id::text ORDER BY depth) AS path FROM chain GROUP BY start) AS p
          JOIN units u ON u.id = p.start`,
  );
  for (const r of result) out.set(r.id, { name: r.name, fullName: r.full_name, path: r.path });
  return out;
}

/** SQL for the ids of the given units and everything below them (use as `x IN (subtree)`). */
export function subtreeSql(rootIds: readonly string[]): SQL {
  if (rootIds.length === 0) return sql`SELECT NULL::uuid WHERE false`;
  return sql`WITH RECURSIVE sub(id, depth) AS (
      SELECT id, 0 FROM units WHERE id IN (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      UNION ALL
      SELECT u.id, s.depth + 1 FROM units u JOIN sub s ON u.parent_id = s.id WHERE s.depth < 32)
    SELECT id FROM sub`;
}

/**
 * A unit's name as a sort key for another module's list (accents and case ignored, so "Đ" sorts with "D"):
 * a sub-select by the unit id column given, e.g. `orderBy(unitNameSortSql(documents.unitId))`.
 */
export function unitNameSortSql(unitId: SQLWrapper): SQL {
  return sql`(SELECT f_unaccent(lower(${units.name})) FROM ${units} WHERE ${units.id} = ${unitId})`;
}

export async function getUnits(db: Db, ids: readonly string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...ids]));
}

export type UnitLabel = Pick<Unit, 'id' | 'kind' | 'name' | 'fullName' | 'validFrom' | 'validTo'>;

/**
 * What a list shows of many units — kind, names, validity — for the ids a sub-select gives (one statement,
 * however many: a round's 3,321 communes), e.g. `sql\`SELECT unit_id FROM reports WHERE round_id = ${id}\``.
 */
export async function unitLabelsOf(db: Db, ids: SQL): Promise<Map<string, UnitLabel>> {
  const rows = await db
    .select({
      id: units.id,
      kind: units.kind,
      name: units.name,
      fullName: units.fullName,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(sql`${units.id} IN (${ids})`);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getUnit(db: Db, id: string): Promise<Unit | undefined> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  return unit;
}

export type UnitQuery = {
  /** Only units valid on this date (YYYY-MM-DD); all units when omitted. */
  asOf?: string | undefined;
  kind?: UnitKind | undefined;
  parentId?: string | undefined;
  /** Accent- and case-insensitive search on the full name or code. */
  q?: string | undefined;
  limit?: number;
};

/** Units matching a query, sorted in Vietnamese order. */
export async function listUnits(db: Db, query: UnitQuery = {}): Promise<Unit[]> {
  const conditions: SQL[] = [];
  if (query.asOf) {
    conditions.push(lte(units.validFrom, query.asOf));
    conditions.push(or(isNull(units.validTo), gte(units.validTo, query.asOf))!);
  }
  if (query.kind) conditions.push(eq(units.kind, query.kind));
  if (query.parentId) conditions.push(eq(units.parentId, query.parentId));
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    conditions.push(
      or(
        sql`f_unaccent(lower(${units.fullName})) LIKE f_unaccent(${needle})`,
        sql`${units.code} = ${query.q.trim()}`,
      )!,
    );
  }
  const found = await db
    .select()
    .from(units)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(units.fullName))
    .limit(query.limit ?? 500);
  return found.sort((a, b) => viCollator.compare(a.fullName, b.fullName));
}

export type NewUnit = {
  id?: string;
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  validTo?: string | null;
};

/** Inserts units with their first version (seed and import), journalling each, in the caller's transaction. */
async function insertUnitsNow(
  ctx: RequestContext,
  list: NewUnit[],
  eventId: string | null = null,
): Promise<Unit[]> {
  if (list.length === 0) return [];
  const created: Unit[] = [];
  // Batches keep each statement well under the bind-parameter limit.
  for (let i = 0; i < list.length; i += 1000) {
    const batch = await ctx.db
      .insert(units)
      .values(list.slice(i, i + 1000))
      .returning();
    await ctx.db.insert(unitVersions).values(
      batch.map((u) => ({
        unitId: u.id,
        validFrom: u.validFrom,
        validTo: u.validTo,
        code: u.code,
        name: u.name,
        fullName: u.fullName,
        parentId: u.parentId,
        eventId,
      })),
    );
    created.push(...batch);
  }
  for (const u of created)
    await recordChange(ctx, { action: 'create', entity: 'unit', entityId: u.id, after: u });
  return created;
}

/** {@link insertUnitsNow}, telling the lineage caches afterwards (./lineage-changes.service.ts). */
export const insertUnits = notifyingLineage(insertUnitsNow);
