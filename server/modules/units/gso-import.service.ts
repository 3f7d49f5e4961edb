import { notifyingLineage } from './lineage-changes.service.js';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { recordChange } from '../audit/audit.service.js';
import { loadGsoData, loadGsoHistory, type GsoData, type GsoHistory } from './gso-data.js';
import { HISTORY_SOURCE } from './gso-history.js';
import {
  BEFORE_RECORDS,
  GSO_SOURCE,
  planGsoImport,
  unitKey,
  type GsoPlan,
  type PlannedUnit,
} from './gso-plan.js';
import { lineageEvents, lineageLinks, lineageUnresolved, unitVersions } from './lineage.table.js';
import { units } from './units.table.js';

export type GsoImportOptions = {
  /** One current province code (e.g. '40'), with the old provinces that formed it; the whole country when omitted. */
  province?: string | undefined;
  /** The data to import; the shipped file when omitted (tests may pass a prepared copy). */
  data?: GsoData | undefined;
  /** The history 2017 → 2025; the shipped one when omitted, none with `null` (only the 2025 lists). */
  history?: GsoHistory | null | undefined;
};

export type GsoImportResult = {
  unitsCreated: number;
  unitsReused: number;
  /** Reused units that were still open although the plan ends them: closed on 2025-06-30. */
  unitsClosed: number;
  /**
   * Reused units whose start and versions the history replaced: those the 2025-only import wrote (open start,
   * one version), now with their real start, or "attested since 15/10/2017", and their names over time.
   */
  unitsUpgraded: number;
  /** Reused units whose versions differ from the history but were changed by a person since: left alone. */
  unitsKeptAsEdited: number;
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
 * Imports the GSO units with their history: the changes 2017 → 2025 (dated lineage events, decision 0007) and
 * the 2025 reorganisation (units before and after, and the lineage between them), from the shipped data: the
 * whole country or one current province. All-or-nothing (one transaction) and idempotent:
 *
 * - a unit is reused when one with the same natural key exists (kind, code, start; and end for units that
 *   ended before 30/6/2025); a unit the 2025-only import wrote with the open start is found by that key and
 *   upgraded (its start and versions); a continuing province (formed from exactly itself) is also reused when
 *   a province with its code is open-ended (e.g. the demo seed's Nghệ An, valid from 1976: its start and names
 *   are the seed's and stay). A reused unit the plan ends but that is still open is closed on 2025-06-30.
 * - versions of a reused unit are replaced only while they are the import's own (one version from the open
 *   start, no event); versions a person changed are left and counted.
 * - an event is identified by its source (`gso-2025`, `gso-history`) and its plan key, stored in
 *   `lineage_events.note`; an existing one is skipped with its links and unresolved items (written together).
 *
 * Units are journalled one entry each; the events, links and unresolved items by one summary entry (entity
 * `unit_import`). The data is read and planned before the transaction starts.
 */
async function importGsoNow(ctx: RequestContext, options: GsoImportOptions = {}): Promise<GsoImportResult> {
  const started = performance.now();
  const history = options.history === undefined ? loadGsoHistory() : options.history;
  const plan = planGsoImport(options.data ?? loadGsoData(), { province: options.province, history });
  const result = await ctx.db.transaction(async (tx) => applyPlan({ ...ctx, db: tx }, plan));
  return { ...result, ms: Math.round(performance.now() - started) };
}

type ExistingUnit = {
  id: string;
  kind: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  knownSince: string | null;
};

async function applyPlan(ctx: RequestContext, plan: GsoPlan): Promise<Omit<GsoImportResult, 'ms'>> {
  const db = ctx.db;
  const kinds = [...new Set(plan.units.map((u) => u.kind))];

  // 1. Units already there.
  const existing: ExistingUnit[] = await db
    .select({
      id: units.id,
      kind: units.kind,
      code: units.code,
      validFrom: units.validFrom,
      validTo: units.validTo,
      knownSince: units.knownSince,
    })
    .from(units)
    .where(inArray(units.kind, kinds));
  const keyOf = (u: ExistingUnit) => unitKey(u.kind as PlannedUnit['kind'], u.code, u.validFrom, u.validTo);
  const byKey = new Map(existing.map((u) => [keyOf(u), u]));
  const openByCode = new Map(
    existing.filter((u) => u.validTo === null).map((u) => [`${u.kind}:${u.code}`, u] as const),
  );
  const ids = new Map<string, string>();
  const reused: { planned: PlannedUnit; found: ExistingUnit }[] = [];
  for (const u of plan.units) {
    const found =
      byKey.get(u.key) ??
      (u.legacyKey ? byKey.get(u.legacyKey) : undefined) ??
      (u.continues ? openByCode.get(`${u.kind}:${u.code}`) : undefined);
    if (!found) continue;
    ids.set(u.key, found.id);
    reused.push({ planned: u, found });
  }
  const unitsReused = ids.size;

  // 2. Events: those already imported (by source and key), then the new ones.
  const known = await db
    .select({ id: lineageEvents.id, source: lineageEvents.source, note: lineageEvents.note })
    .from(lineageEvents)
    .where(inArray(lineageEvents.source, [GSO_SOURCE, HISTORY_SOURCE]));
  const eventIds = new Map(known.map((e) => [`${e.source}|${e.note}`, e.id]));
  const eventId = (key: string | null, source?: string) =>
    key === null
      ? null
      : (eventIds.get(`${source ?? GSO_SOURCE}|${key}`) ?? eventIds.get(`${HISTORY_SOURCE}|${key}`) ?? null);
  const newEvents = plan.events.filter((e) => !eventIds.has(`${e.source}|${e.key}`));
  for (const batch of chunks(newEvents)) {
    const rows = await db
      .insert(lineageEvents)
      .values(
        batch.map((e) => ({
          kind: e.kind,
          effectiveDate: e.effectiveDate,
          earliestDate: e.earliestDate,
          legalBasisText: e.legalBasisText,
          note: e.key,
          source: e.source,
          createdBy: ctx.actor?.user.id ?? null,
        })),
      )
      .returning({ id: lineageEvents.id, source: lineageEvents.source, note: lineageEvents.note });
    for (const r of rows) eventIds.set(`${r.source}|${r.note}`, r.id);
  }
  const newEventKeys = new Set(newEvents.map((e) => `${e.source}|${e.key}`));

  // 3. Missing units, parents first (provinces, districts, communes), with all their versions.
  let unitsCreated = 0;
  const versionRows = (u: PlannedUnit, unitId: string) =>
    u.versions.map((v) => ({
      unitId,
      validFrom: v.validFrom,
      validTo: v.validTo,
      code: v.code,
      name: v.name,
      fullName: v.fullName,
      parentId: v.parentKey === null ? null : ids.get(v.parentKey)!,
      eventId: eventId(v.eventKey),
    }));
  for (const kind of ['province', 'district', 'commune'] as const) {
    const missing = plan.units.filter((u) => u.kind === kind && !ids.has(u.key));
    for (const batch of chunks(missing)) {
      const created = await db
        .insert(units)
        .values(
          batch.map((u) => ({
            code: u.code,
            name: u.name,
            fullName: u.fullName,
            kind: u.kind,
            parentId: u.parentKey === null ? null : ids.get(u.parentKey)!,
            validFrom: u.validFrom,
            validTo: u.validTo,
            knownSince: u.knownSince,
          })),
        )
        .returning();
      // Matched by natural key, not by position (RETURNING order is not promised).
      const planned = new Map(batch.map((u) => [u.key, u]));
      const versions = [];
      for (const row of created) {
        const u = planned.get(unitKey(kind, row.code, row.validFrom, row.validTo))!;
        ids.set(u.key, row.id);
        versions.push(...versionRows(u, row.id));
      }
      for (const vb of chunks(versions)) await db.insert(unitVersions).values(vb);
      for (const u of created)
        await recordChange(ctx, { action: 'create', entity: 'unit', entityId: u.id, after: u });
      unitsCreated += created.length;
    }
  }

  // 4. Reused units: close those still open that the plan ends; give those the 2025-only import wrote their
  //    history (start, "attested since", versions), unless a person has changed their versions since.
  const current = new Map<string, (typeof unitVersions.$inferSelect)[]>();
  const imported = reused.filter(({ found }) => found.validFrom === BEFORE_RECORDS);
  for (const batch of chunks(imported.map((r) => r.found.id)))
    for (const v of await db.select().from(unitVersions).where(inArray(unitVersions.unitId, batch)))
      current.set(v.unitId, [...(current.get(v.unitId) ?? []), v]);
  let unitsClosed = 0;
  let unitsUpgraded = 0;
  let unitsKeptAsEdited = 0;
  for (const { planned: u, found } of reused) {
    const close = u.validTo !== null && found.validTo === null;
    const ours = found.validFrom === BEFORE_RECORDS;
    const have = (current.get(found.id) ?? []).toSorted((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    const want = versionRows(u, found.id);
    const sameVersions =
      have.length === want.length &&
      have.every((v, i) => {
        const w = want[i]!;
        return (
          v.validFrom === w.validFrom &&
          (v.validTo === w.validTo || (close && i === have.length - 1)) &&
          v.code === w.code &&
          v.name === w.name &&
          v.fullName === w.fullName &&
          v.parentId === w.parentId
        );
      });
    const importOwned =
      ours && have.length === 1 && have[0]!.eventId === null && have[0]!.validFrom === BEFORE_RECORDS;
    const rewrite = ours && !sameVersions && importOwned;
    if (ours && !sameVersions && !importOwned) unitsKeptAsEdited++;
    const startChanges =
      ours &&
      (found.validFrom !== u.validFrom || found.knownSince !== u.knownSince) &&
      (rewrite || sameVersions);
    if (!close && !rewrite && !startChanges) continue;
    const [before] = await db.select().from(units).where(eq(units.id, found.id));
    const [after] = await db
      .update(units)
      .set({
        ...(close ? { validTo: u.validTo } : {}),
        ...(startChanges || rewrite ? { validFrom: u.validFrom, knownSince: u.knownSince } : {}),
        version: sql`${units.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(units.id, found.id))
      .returning();
    if (rewrite) {
      await db.delete(unitVersions).where(eq(unitVersions.unitId, found.id));
      await db.insert(unitVersions).values(want);
      unitsUpgraded++;
    } else if (close) {
      await db
        .update(unitVersions)
        .set({ validTo: u.validTo })
        .where(and(eq(unitVersions.unitId, found.id), isNull(unitVersions.validTo)));
    } else unitsUpgraded++;
    if (close) unitsClosed++;
    await recordChange(ctx, {
      action: 'update',
      entity: 'unit',
      entityId: found.id,
      before: rewrite ? { ...before, versions: have } : before,
      after: rewrite ? { ...after, versions: want } : after,
    });
  }

  // 5. Links and unresolved items of the new events.
  const id = (key: string | null) => (key === null ? null : ids.get(key)!);
  const links = newEvents.flatMap((e) =>
    e.links.map((l) => ({
      eventId: eventIds.get(`${e.source}|${e.key}`)!,
      predecessorId: id(l.from),
      successorId: id(l.to),
      weight: l.weight,
    })),
  );
  for (const batch of chunks(links)) await db.insert(lineageLinks).values(batch);
  const sourceOf = new Map(plan.events.map((e) => [e.key, e.source]));
  const unresolved = plan.unresolved
    .filter((u) => newEventKeys.has(`${sourceOf.get(u.eventKey)}|${u.eventKey}`))
    .map((u) => ({
      successorId: id(u.successorKey),
      predecessorId: id(u.predecessorKey),
      sourceText: u.sourceText,
      sourceLine: u.sourceLine,
    }));
  for (const batch of chunks(unresolved)) await db.insert(lineageUnresolved).values(batch);

  const result = {
    unitsCreated,
    unitsReused,
    unitsClosed,
    unitsUpgraded,
    unitsKeptAsEdited,
    events: newEvents.length,
    links: links.length,
    unresolved: unresolved.length,
  };
  if (unitsCreated + unitsClosed + unitsUpgraded + newEvents.length === 0) return result; // nothing changed
  await recordChange(ctx, {
    action: 'import',
    entity: 'unit_import',
    entityId: randomUUID(),
    after: {
      source: plan.history ? `${HISTORY_SOURCE}+${GSO_SOURCE}` : GSO_SOURCE,
      province: plan.province,
      ...result,
      plan: plan.stats,
      history: plan.history,
    },
  });
  return result;
}

/** The shipped GSO data and history, loaded once (callers load them before opening a transaction). */
export { loadGsoData, loadGsoHistory } from './gso-data.js';

/** {@link importGsoNow}, telling the lineage caches afterwards (./lineage-changes.service.ts). */
export const importGso = notifyingLineage(importGsoNow);
