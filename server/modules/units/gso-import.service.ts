import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { recordChange } from '../audit/audit.service.js';
import { loadGsoData, type GsoData } from './gso-data.js';
import { GSO_SOURCE, planGsoImport, unitKey, type GsoPlan, type PlannedUnit } from './gso-plan.js';
import { lineageEvents, lineageLinks, lineageUnresolved, unitVersions } from './lineage.table.js';
import { insertUnits } from './units.service.js';
import { units } from './units.table.js';

export type GsoImportOptions = {
  /** One current province code (e.g. '40'), with the old provinces that formed it; the whole country when omitted. */
  province?: string | undefined;
  /** The data to import; the shipped file when omitted (tests may pass a prepared copy). */
  data?: GsoData | undefined;
};

export type GsoImportResult = {
  unitsCreated: number;
  unitsReused: number;
  /** Reused units that were still open although the plan ends them: closed on 2025-06-30. */
  unitsClosed: number;
  events: number;
  links: number;
  unresolved: number;
  ms: number;
};

const BATCH = 1000;

function chunks<T>(list: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Imports the 2025 reorganisation (units before and after, and the lineage between them) from the shipped
 * GSO data: the whole country or one current province. All-or-nothing (one transaction) and idempotent:
 *
 * - a unit is reused when one with the same natural key (kind, code, validFrom) exists; a continuing
 *   province (formed from exactly itself) is also reused when a province with its code is open-ended (e.g.
 *   the demo seed's Nghệ An, valid from 1976). A reused unit the plan ends but that is still open is closed
 *   on 2025-06-30 (unit and its open version).
 * - an event is identified by its source `gso-2025` and its plan key, stored in `lineage_events.note`; an
 *   existing one is skipped with its links and unresolved predecessors (they are written together).
 *
 * Units are written by `insertUnits` (one journal entry each); the events, links and unresolved
 * predecessors are journalled by one summary entry (entity `unit_import`). The data is read and planned
 * before the transaction starts.
 */
export async function importGso(
  ctx: RequestContext,
  options: GsoImportOptions = {},
): Promise<GsoImportResult> {
  const started = performance.now();
  const plan = planGsoImport(options.data ?? loadGsoData(), { province: options.province });
  const result = await ctx.db.transaction(async (tx) => applyPlan({ ...ctx, db: tx }, plan));
  return { ...result, ms: Math.round(performance.now() - started) };
}

async function applyPlan(ctx: RequestContext, plan: GsoPlan): Promise<Omit<GsoImportResult, 'ms'>> {
  const db = ctx.db;
  const kinds = [...new Set(plan.units.map((u) => u.kind))];

  // 1. Units already there.
  const existing = await db
    .select({
      id: units.id,
      kind: units.kind,
      code: units.code,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(inArray(units.kind, kinds));
  const byKey = new Map(
    existing.map((u) => [unitKey(u.kind as PlannedUnit['kind'], u.code, u.validFrom), u]),
  );
  const openByCode = new Map(
    existing.filter((u) => u.validTo === null).map((u) => [`${u.kind}:${u.code}`, u] as const),
  );
  const ids = new Map<string, string>();
  const toClose: { id: string; validTo: string }[] = [];
  for (const u of plan.units) {
    const found = byKey.get(u.key) ?? (u.continues ? openByCode.get(`${u.kind}:${u.code}`) : undefined);
    if (!found) continue;
    ids.set(u.key, found.id);
    if (u.validTo !== null && found.validTo === null) toClose.push({ id: found.id, validTo: u.validTo });
  }
  const unitsReused = ids.size;

  // 2. Events not yet imported (keyed by note).
  const done = new Set(
    (
      await db
        .select({ note: lineageEvents.note })
        .from(lineageEvents)
        .where(eq(lineageEvents.source, GSO_SOURCE))
    ).map((e) => e.note),
  );
  const newEvents = plan.events.filter((e) => !done.has(e.key));
  const eventIds = new Map<string, string>();
  for (const batch of chunks(newEvents)) {
    const rows = await db
      .insert(lineageEvents)
      .values(
        batch.map((e) => ({
          kind: e.kind,
          effectiveDate: e.effectiveDate,
          legalBasisText: e.legalBasisText,
          note: e.key,
          source: GSO_SOURCE,
          createdBy: ctx.actor?.user.id ?? null,
        })),
      )
      .returning({ id: lineageEvents.id, note: lineageEvents.note });
    for (const r of rows) eventIds.set(r.note!, r.id);
  }

  // 3. Missing units, parents first (provinces, districts, communes), each version tied to its event.
  let unitsCreated = 0;
  const eventOfUnit: { unitId: string; eventId: string }[] = [];
  for (const kind of ['province', 'district', 'commune'] as const) {
    const missing = plan.units.filter((u) => u.kind === kind && !ids.has(u.key));
    const created = await insertUnits(
      ctx,
      missing.map((u) => ({
        code: u.code,
        name: u.name,
        fullName: u.fullName,
        kind: u.kind,
        parentId: u.parentKey === null ? null : ids.get(u.parentKey)!,
        validFrom: u.validFrom,
        validTo: u.validTo,
      })),
    );
    // Matched by natural key, not by position (RETURNING order is not promised).
    const planned = new Map(missing.map((u) => [u.key, u]));
    for (const row of created) {
      const u = planned.get(unitKey(kind, row.code, row.validFrom))!;
      ids.set(u.key, row.id);
      const eventId = u.createdBy === null ? undefined : eventIds.get(u.createdBy);
      if (eventId) eventOfUnit.push({ unitId: row.id, eventId });
    }
    unitsCreated += created.length;
  }
  for (const batch of chunks(eventOfUnit)) {
    const values = sql.join(
      batch.map((v) => sql`(${v.unitId}::uuid, ${v.eventId}::uuid)`),
      sql`, `,
    );
    await db.execute(
      sql`UPDATE unit_versions v SET event_id = x.event_id FROM (VALUES ${values}) AS x(unit_id, event_id)
           WHERE v.unit_id = x.unit_id AND v.event_id IS NULL`,
    );
  }

  // 4. Reused units the plan ends but that are still open.
  for (const c of toClose) {
    const [before] = await db.select().from(units).where(eq(units.id, c.id));
    const [after] = await db
      .update(units)
      .set({ validTo: c.validTo, version: sql`${units.version} + 1`, updatedAt: new Date() })
      .where(eq(units.id, c.id))
      .returning();
    await db
      .update(unitVersions)
      .set({ validTo: c.validTo })
      .where(and(eq(unitVersions.unitId, c.id), isNull(unitVersions.validTo)));
    await recordChange(ctx, { action: 'update', entity: 'unit', entityId: c.id, before, after });
  }

  // 5. Links and unresolved predecessors of the new events.
  const id = (key: string | null) => (key === null ? null : ids.get(key)!);
  const links = newEvents.flatMap((e) =>
    e.links.map((l) => ({
      eventId: eventIds.get(e.key)!,
      predecessorId: id(l.from),
      successorId: id(l.to),
      weight: l.weight,
    })),
  );
  for (const batch of chunks(links)) await db.insert(lineageLinks).values(batch);
  const unresolved = plan.unresolved
    .filter((u) => eventIds.has(u.eventKey))
    .map((u) => ({
      successorId: ids.get(u.successorKey)!,
      sourceText: u.sourceText,
      sourceLine: u.sourceLine,
    }));
  for (const batch of chunks(unresolved)) await db.insert(lineageUnresolved).values(batch);

  const result = {
    unitsCreated,
    unitsReused,
    unitsClosed: toClose.length,
    events: newEvents.length,
    links: links.length,
    unresolved: unresolved.length,
  };
  if (unitsCreated + toClose.length + newEvents.length === 0) return result; // nothing changed, nothing to journal
  await recordChange(ctx, {
    action: 'import',
    entity: 'unit_import',
    entityId: randomUUID(),
    after: { source: GSO_SOURCE, province: plan.province, ...result, plan: plan.stats },
  });
  return result;
}

/** The shipped GSO data, loaded once (callers load it before opening a transaction). */
export { loadGsoData } from './gso-data.js';
