import { notifyingLineage } from './lineage-changes.service.js';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../../core/context.js';
import type { MessageKey } from '../../core/messages.js';
import { AppError, forbidden, notFound, staleVersion, unauthenticated } from '../../core/errors.js';
import { type Db, rows } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import {
  backwardRestater,
  dayBefore,
  endsPredecessors,
  forwardRestater,
  overlaps,
  shapeProblem,
  successorShares,
  type EventKind,
  type Link,
  type Share,
} from './lineage-rules.js';
import { lineageEvents, lineageLinks, lineageUnresolved, unitVersions } from './lineage.table.js';
import { ancestorPaths, type UnitKind, viCollator } from './units.service.js';
import { units } from './units.table.js';

/** A unit as it was on a date: the version in force then, with the unit's whole validity. */
export type UnitAsOf = {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  /** Founding date unknown: attested since this date (validFrom is then the open start 1900-01-01). */
  knownSince?: string | null;
};

/** The columns of a `UnitAsOf`: the version's code, names and parent with the unit's kind and whole validity. */
const AS_OF_COLUMNS = {
  id: unitVersions.unitId,
  code: unitVersions.code,
  name: unitVersions.name,
  fullName: unitVersions.fullName,
  kind: units.kind,
  parentId: unitVersions.parentId,
  validFrom: units.validFrom,
  validTo: units.validTo,
  knownSince: units.knownSince,
};

const inForce = (date: string): SQL =>
  sql`${unitVersions.validFrom} <= ${date} AND (${unitVersions.validTo} IS NULL OR ${unitVersions.validTo} >= ${date})`;

export type AsOfQuery = {
  date: string;
  kind?: string | undefined;
  /** Only this unit's subtree as it stood on `date` (the unit itself included). */
  withinId?: string | undefined;
  parentId?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
};

/** The units in force on a date (names, codes and parents as they were then), in Vietnamese order. */
export async function unitsAsOf(db: Db, query: AsOfQuery): Promise<UnitAsOf[]> {
  const c: SQL[] = [inForce(query.date)];
  if (query.kind) c.push(eq(units.kind, query.kind));
  if (query.parentId) c.push(eq(unitVersions.parentId, query.parentId));
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    c.push(
      sql`(f_unaccent(lower(${unitVersions.fullName})) LIKE f_unaccent(${needle}) OR ${unitVersions.code} = ${query.q.trim()})`,
    );
  }
  if (query.withinId) {
    c.push(sql`${unitVersions.unitId} IN (
      WITH RECURSIVE sub(id, depth) AS (
        SELECT ${query.withinId}::uuid, 0
        UNION ALL
        SELECT v.unit_id, s.depth + 1 FROM unit_versions v JOIN sub s ON v.parent_id = s.id
         WHERE v.valid_from <= ${query.date} AND (v.valid_to IS NULL OR v.valid_to >= ${query.date}) AND s.depth < 32)
      SELECT id FROM sub)`);
  }
  const found = await db
    .select(AS_OF_COLUMNS)
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(and(...c))
    .limit(query.limit ?? 20_000);
  return found.sort((a, b) => viCollator.compare(a.fullName, b.fullName));
}

/** Codes are reused over time: a lookup by code always names the date. */
export async function findByCode(
  db: Db,
  code: string,
  date: string,
  kind?: string,
): Promise<UnitAsOf | undefined> {
  const found = await db
    .select(AS_OF_COLUMNS)
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(and(eq(unitVersions.code, code), inForce(date), kind ? eq(units.kind, kind) : undefined));
  return found[0];
}

/** The versions (code and name over a validity window) of the given units, oldest first. */
export async function unitVersionsOf(
  db: Db,
  unitIds: readonly string[],
): Promise<{ unitId: string; code: string; name: string; validFrom: string; validTo: string | null }[]> {
  if (!unitIds.length) return [];
  return db
    .select({
      unitId: unitVersions.unitId,
      code: unitVersions.code,
      name: unitVersions.name,
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
    })
    .from(unitVersions)
    .where(inArray(unitVersions.unitId, [...new Set(unitIds)]))
    .orderBy(unitVersions.unitId, unitVersions.validFrom);
}

export type NewUnitSpec = {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  parentId: string | null;
};

export type EventInput = {
  kind: EventKind;
  effectiveDate: string;
  legalBasisId?: string | null | undefined;
  legalBasisText?: string | null | undefined;
  note?: string | null | undefined;
  /** Predecessors (or, for rename/transfer, the unit that changes). */
  from: string[];
  /** Successors: existing units, or units this event creates. */
  to: (
    | { unitId: string; weight?: number | null | undefined }
    | { create: NewUnitSpec; weight?: number | null | undefined }
  )[];
  /** Rename / transfer: the new attributes from the effective date. */
  changes?:
    | {
        name?: string | undefined;
        fullName?: string | undefined;
        code?: string | undefined;
        parentId?: string | null | undefined;
      }
    | undefined;
  source?: string;
};

type VersionRow = typeof unitVersions.$inferSelect;

async function versionOn(db: Db, unitId: string, date: string): Promise<VersionRow | undefined> {
  const [v] = await db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.unitId, unitId), inForce(date)));
  return v;
}

async function nameOf(db: Db, unitId: string): Promise<string> {
  const [u] = await db.select({ n: units.fullName }).from(units).where(eq(units.id, unitId));
  return u?.n ?? unitId;
}

function refuse(status: 400 | 409, key: MessageKey, params: Record<string, string | number>, field = 'from') {
  return new AppError(status, status === 400 ? 'VALIDATION_FAILED' : 'CONFLICT', key, params, [
    { field, message: key },
  ]);
}

/**
 * A code is used by one unit of a kind at a time. Units this same event ends (`ending`: id → their last day)
 * count as ending then, so a merge, split or absorption may give a successor the code of one of its
 * predecessors: the predecessor ends the day before the successor starts and the ranges do not overlap.
 */
async function assertCodeFree(
  db: Db,
  code: string,
  kind: string,
  from: string,
  exceptUnitId?: string,
  ending: ReadonlyMap<string, string> = new Map(),
) {
  const same = await db
    .select({
      unitId: unitVersions.unitId,
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
      fullName: unitVersions.fullName,
    })
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(and(eq(unitVersions.code, code), eq(units.kind, kind)));
  const clash = same.find((v) => {
    if (v.unitId === exceptUnitId) return false;
    const last = ending.get(v.unitId);
    const to = last !== undefined && (v.validTo === null || v.validTo > last) ? last : v.validTo;
    return overlaps(from, null, v.validFrom, to);
  });
  if (clash)
    throw refuse(409, 'lineage.code_overlap', { code, name: clash.fullName, from: clash.validFrom }, 'code');
}

/** Children in force on `date` under `unitId`, excluding those ending in the same event. */
async function openChildren(
  db: Db,
  unitId: string,
  date: string,
  endingIds: Set<string>,
): Promise<VersionRow[]> {
  const children = await db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.parentId, unitId), inForce(date)));
  return children.filter((c) => !endingIds.has(c.unitId));
}

function requireEditor(ctx: RequestContext, paths: string[][]) {
  if (!ctx.actor) throw unauthenticated();
  for (const p of paths) if (!ctx.actor.hasRoleOver(['admin', 'standing_officer'], p)) throw forbidden();
}

/**
 * Records a lineage event: validity and lineage change together in one transaction, history is never
 * deleted or overwritten (versions are closed, not edited). Refused with a reason, writing nothing, when
 * the shape does not fit the kind, a unit is not in force, a unit to end still has children in force,
 * a transfer would make a unit its own ancestor, a code would be used twice in one period, or weights
 * do not add up.
 */
async function recordEventNow(
  ctx: RequestContext,
  input: EventInput,
  options: { skipAuthorization?: boolean } = {},
): Promise<{ eventId: string; created: string[] }> {
  const { kind, effectiveDate: date } = input;
  const lastDay = dayBefore(date);
  const problem = shapeProblem(kind, { from: input.from.length, to: input.to.length });
  if (problem)
    throw refuse(400, 'lineage.shape', { kind, rule: ctx.locale === 'en' ? problem.en : problem.vi }, 'to');
  if ((kind === 'rename' || kind === 'transfer') && !input.changes)
    throw refuse(400, 'lineage.no_change', {}, 'changes');

  const db = ctx.db;
  // Every predecessor must be in force on the last day before the event (and began before it).
  const fromVersions: VersionRow[] = [];
  for (const id of input.from) {
    const v = await versionOn(db, id, kind === 'rename' || kind === 'transfer' ? date : lastDay);
    if (!v)
      throw refuse(409, 'lineage.unit_not_valid', {
        name: await nameOf(db, id),
        date: kind === 'rename' || kind === 'transfer' ? date : lastDay,
      });
    if (v.validFrom >= date)
      throw refuse(
        400,
        'lineage.date_before_start',
        { date, name: v.fullName, from: v.validFrom },
        'effectiveDate',
      );
    fromVersions.push(v);
  }
  for (const t of input.to) {
    if ('unitId' in t && !(await versionOn(db, t.unitId, date))) {
      throw refuse(409, 'lineage.unit_not_valid', { name: await nameOf(db, t.unitId), date }, 'to');
    }
    if ('create' in t) {
      if (t.create.parentId && !(await versionOn(db, t.create.parentId, date))) {
        throw refuse(
          409,
          'lineage.unit_not_valid',
          { name: await nameOf(db, t.create.parentId), date },
          'to',
        );
      }
    }
  }
  const ending = new Set(endsPredecessors(kind) ? input.from : []);
  const endingOn = new Map([...ending].map((id) => [id, lastDay]));
  const created = input.to.flatMap((t) => ('create' in t ? [t.create] : []));
  for (const [i, c] of created.entries()) {
    if (created.some((o, j) => j < i && o.code === c.code && o.kind === c.kind))
      throw refuse(409, 'lineage.code_overlap', { code: c.code, name: c.fullName, from: date }, 'code');
    await assertCodeFree(db, c.code, c.kind, date, undefined, endingOn);
  }
  const shares = successorShares(
    kind,
    input.to.map((t) => t.weight),
  );
  if (!shares) {
    const sum = input.to.reduce((a, t) => a + (t.weight ?? 0), 0);
    throw refuse(400, 'lineage.weights', { sum: Math.round(sum * 1000) / 1000 }, 'to');
  }
  for (const v of fromVersions.filter((x) => ending.has(x.unitId))) {
    const children = await openChildren(db, v.unitId, date, ending);
    if (children.length)
      throw refuse(409, 'lineage.open_children', {
        name: v.fullName,
        count: children.length,
        example: children[0]!.fullName,
      });
  }
  const current = fromVersions[0];
  if (kind === 'transfer' && current) {
    const newParent = input.changes?.parentId ?? null;
    if (newParent) {
      const chain = (await ancestorPaths(db, [newParent])).get(newParent) ?? [newParent];
      if (chain.includes(current.unitId))
        throw refuse(
          400,
          'lineage.cycle',
          { name: current.fullName, parent: await nameOf(db, newParent) },
          'changes.parentId',
        );
      if (!(await versionOn(db, newParent, date)))
        throw refuse(
          409,
          'lineage.unit_not_valid',
          { name: await nameOf(db, newParent), date },
          'changes.parentId',
        );
    }
  }
  if (kind === 'rename' && current && input.changes?.code && input.changes.code !== current.code) {
    const [u] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, current.unitId));
    await assertCodeFree(db, input.changes.code, u!.kind, date, current.unitId);
  }
  if (!options.skipAuthorization) {
    const involved = [
      ...input.from,
      ...input.to.flatMap((t) => ('unitId' in t ? [t.unitId] : t.create.parentId ? [t.create.parentId] : [])),
    ];
    if (kind === 'transfer' && input.changes?.parentId) involved.push(input.changes.parentId);
    const paths = await ancestorPaths(db, involved);
    requireEditor(
      ctx,
      involved.map((id) => paths.get(id) ?? [id]),
    );
  }

  return db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    const [event] = await tx
      .insert(lineageEvents)
      .values({
        kind,
        effectiveDate: date,
        legalBasisId: input.legalBasisId ?? null,
        legalBasisText: input.legalBasisText ?? null,
        note: input.note ?? null,
        source: input.source ?? 'manual',
        createdBy: ctx.actor?.user.id ?? null,
      })
      .returning();
    const eventId = event!.id;
    // End predecessors: close their open version and the unit itself on the day before.
    for (const v of fromVersions.filter((x) => ending.has(x.unitId))) {
      await tx.update(unitVersions).set({ validTo: lastDay }).where(eq(unitVersions.id, v.id));
      await tx
        .update(units)
        .set({ validTo: lastDay, version: sql`${units.version} + 1`, updatedAt: new Date() })
        .where(eq(units.id, v.unitId));
    }
    // Rename / transfer: a new version from the effective date.
    if ((kind === 'rename' || kind === 'transfer') && current) {
      const ch = input.changes!;
      const next = {
        code: ch.code ?? current.code,
        name: ch.name ?? current.name,
        fullName: ch.fullName ?? current.fullName,
        parentId: ch.parentId === undefined ? current.parentId : ch.parentId,
      };
      if (
        next.code === current.code &&
        next.name === current.name &&
        next.fullName === current.fullName &&
        next.parentId === current.parentId
      ) {
        throw refuse(400, 'lineage.no_change', {}, 'changes');
      }
      await tx.update(unitVersions).set({ validTo: lastDay }).where(eq(unitVersions.id, current.id));
      await tx
        .insert(unitVersions)
        .values({ unitId: current.unitId, validFrom: date, validTo: current.validTo, eventId, ...next });
      if (current.validTo === null) {
        await tx
          .update(units)
          .set({ ...next, version: sql`${units.version} + 1`, updatedAt: new Date() })
          .where(eq(units.id, current.unitId));
      }
    }
    // Successors: create new units (with their first version) and link.
    const successorIds: string[] = [];
    const created: string[] = [];
    for (const s of input.to) {
      if ('unitId' in s) {
        successorIds.push(s.unitId);
        continue;
      }
      const [u] = await tx
        .insert(units)
        .values({ ...s.create, validFrom: date, validTo: null })
        .returning();
      await tx
        .insert(unitVersions)
        .values({ unitId: u!.id, validFrom: date, validTo: null, eventId, ...s.create });
      await recordChange(t, { action: 'create', entity: 'unit', entityId: u!.id, after: u });
      successorIds.push(u!.id);
      created.push(u!.id);
    }
    const links: (typeof lineageLinks.$inferInsert)[] = [];
    if (kind === 'establish')
      links.push({ eventId, predecessorId: null, successorId: successorIds[0]!, weight: null });
    else if (kind === 'abolish')
      for (const id of input.from)
        links.push({ eventId, predecessorId: id, successorId: null, weight: null });
    else if (kind === 'rename' || kind === 'transfer')
      links.push({ eventId, predecessorId: input.from[0]!, successorId: input.from[0]!, weight: null });
    else
      for (const p of input.from)
        successorIds.forEach((sid, i) =>
          links.push({
            eventId,
            predecessorId: p,
            successorId: sid,
            weight: input.to[i]!.weight != null ? shares[i]! : null,
          }),
        );
    if (links.length) await tx.insert(lineageLinks).values(links);
    await recordChange(t, {
      action: 'lineage_event',
      entity: 'lineage_event',
      entityId: eventId,
      after: { ...event, from: input.from, to: successorIds, changes: input.changes ?? null },
    });
    for (const id of new Set([...input.from, ...successorIds.filter((s) => !created.includes(s))])) {
      await recordChange(t, {
        action: kind,
        entity: 'unit',
        entityId: id,
        after: { eventId, effectiveDate: date },
      });
    }
    return { eventId, created };
  });
}

export type TimelineLink = {
  eventId: string;
  kind: EventKind;
  effectiveDate: string;
  earliestDate: string | null;
  legalBasisId: string | null;
  legalBasisText: string | null;
  note: string | null;
  unit: {
    id: string;
    code: string;
    fullName: string;
    kind: string;
    validFrom: string;
    validTo: string | null;
    knownSince: string | null;
  };
  weight: number | null;
};

async function linksAround(
  db: Db,
  unitId: string,
  side: 'predecessors' | 'successors',
): Promise<TimelineLink[]> {
  const self = side === 'predecessors' ? lineageLinks.successorId : lineageLinks.predecessorId;
  const other = side === 'predecessors' ? lineageLinks.predecessorId : lineageLinks.successorId;
  const found = await db
    .select({ link: lineageLinks, event: lineageEvents, unit: units })
    .from(lineageLinks)
    .innerJoin(lineageEvents, eq(lineageEvents.id, lineageLinks.eventId))
    .innerJoin(units, eq(units.id, other))
    .where(and(eq(self, unitId), sql`${other} <> ${unitId}`))
    .orderBy(asc(lineageEvents.effectiveDate));
  return found.map((r) => ({
    eventId: r.event.id,
    kind: r.event.kind as EventKind,
    effectiveDate: r.event.effectiveDate,
    earliestDate: r.event.earliestDate,
    legalBasisId: r.event.legalBasisId,
    legalBasisText: r.event.legalBasisText,
    note: r.event.note,
    unit: {
      id: r.unit.id,
      code: r.unit.code,
      fullName: r.unit.fullName,
      kind: r.unit.kind,
      validFrom: r.unit.validFrom,
      validTo: r.unit.validTo,
      knownSince: r.unit.knownSince,
    },
    weight: r.link.weight,
  }));
}

/** A unit's page: its versions over time, the events that made and ended it, predecessors and successors. */
export async function unitTimeline(ctx: RequestContext, unitId: string) {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound('unit');
  const versions = await ctx.db
    .select()
    .from(unitVersions)
    .where(eq(unitVersions.unitId, unitId))
    .orderBy(asc(unitVersions.validFrom));
  const parentIds = [...new Set(versions.flatMap((v) => (v.parentId ? [v.parentId] : [])))];
  const parents = new Map(
    (parentIds.length
      ? await ctx.db
          .select({ id: units.id, fullName: units.fullName })
          .from(units)
          .where(inArray(units.id, parentIds))
      : []
    ).map((p) => [p.id, p.fullName]),
  );
  const events = await ctx.db
    .selectDistinct({ event: lineageEvents })
    .from(lineageEvents)
    .innerJoin(lineageLinks, eq(lineageLinks.eventId, lineageEvents.id))
    .where(or(eq(lineageLinks.predecessorId, unitId), eq(lineageLinks.successorId, unitId)))
    .orderBy(asc(lineageEvents.effectiveDate));
  const unresolved = await ctx.db
    .select()
    .from(lineageUnresolved)
    .where(or(eq(lineageUnresolved.successorId, unitId), eq(lineageUnresolved.predecessorId, unitId)));
  const path = (await ancestorPaths(ctx.db, [unitId])).get(unitId) ?? [unitId];
  return {
    unit,
    versions: versions.map((v) => ({
      ...v,
      parentName: v.parentId ? (parents.get(v.parentId) ?? null) : null,
    })),
    events: events.map((e) => e.event),
    predecessors: await linksAround(ctx.db, unitId, 'predecessors'),
    successors: await linksAround(ctx.db, unitId, 'successors'),
    unresolved,
    abilities: { recordEvent: !!ctx.actor?.hasRoleOver(['admin', 'standing_officer'], path) },
  };
}

/**
 * The lineage links a walk from `unitIds` can follow, in one statement: the units reachable through
 * predecessor → successor links (forward) or successor → predecessor links (backward), whatever the dates,
 * and every link that leaves a reached unit. Leaving links are taken whole so that a split's share without
 * weights (1 / the successors of the event) is the same as over all links; a walk backward reaches only
 * links whose predecessor it reached, so these are the links it needs too. Renames and transfers (a unit
 * linked to itself), establishments and abolitions (one side empty) carry nothing on and are left out.
 */
async function reachableLinks(db: Db, unitIds: readonly string[], direction: 'forward' | 'backward') {
  const seeds = sql.join(
    unitIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const step =
    direction === 'forward'
      ? sql`SELECT l.successor_id FROM lineage_links l JOIN reach r ON l.predecessor_id = r.id
             WHERE l.successor_id IS NOT NULL`
      : sql`SELECT l.predecessor_id FROM lineage_links l JOIN reach r ON l.successor_id = r.id
             WHERE l.predecessor_id IS NOT NULL`;
  const found = await rows<{
    event_id: string;
    kind: EventKind;
    date: string;
    predecessor_id: string;
    successor_id: string;
    weight: string | number | null;
  }>(
    db,
    sql`WITH RECURSIVE reach(id) AS (SELECT unnest(ARRAY[${seeds}]::uuid[]) UNION ${step})
        SELECT l.event_id, e.kind, e.effective_date::text AS date, l.predecessor_id, l.successor_id, l.weight
          FROM lineage_links l JOIN lineage_events e ON e.id = l.event_id
         WHERE l.predecessor_id IN (SELECT id FROM reach)
           AND l.successor_id IS NOT NULL AND l.predecessor_id <> l.successor_id
         ORDER BY e.effective_date, l.event_id, l.predecessor_id, l.successor_id`,
  );
  return found.map((r): Link => ({
    eventId: r.event_id,
    kind: r.kind,
    date: r.date,
    predecessorId: r.predecessor_id,
    successorId: r.successor_id,
    weight: r.weight === null ? null : Number(r.weight),
  }));
}

export type RestatedShare = Share & { unit: UnitAsOf | null };

/**
 * `restate` for many units at once, in two statements whatever their number: the lineage links reachable
 * from them (a recursive query), then the units that carry their facts, as they are on `to`. For each
 * unit asked (once per id), the same answer as `restate`: the units carrying its facts on `to` with their
 * shares (multiplied along the way, over as many events as lie between), in Vietnamese order.
 */
export async function restateMany(
  db: Db,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, RestatedShare[]>> {
  const ids = [...new Set(unitIds)];
  const out = new Map<string, RestatedShare[]>();
  if (!ids.length) return out;
  const forward = to >= from;
  const links = await reachableLinks(db, ids, forward ? 'forward' : 'backward');
  const walk = forward ? forwardRestater(from, to, links) : backwardRestater(from, to, links);
  const shares = new Map(ids.map((id) => [id, walk(id)]));
  const carrierIds = [...new Set([...shares.values()].flatMap((list) => list.map((s) => s.unitId)))];
  const found = await db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      fullName: units.fullName,
      kind: units.kind,
      parentId: units.parentId,
      validFrom: units.validFrom,
      validTo: units.validTo,
      knownSince: units.knownSince,
      version: {
        code: unitVersions.code,
        name: unitVersions.name,
        fullName: unitVersions.fullName,
        parentId: unitVersions.parentId,
      },
    })
    .from(units)
    .leftJoin(unitVersions, and(eq(unitVersions.unitId, units.id), inForce(to)))
    .where(inArray(units.id, carrierIds));
  const carriers = new Map<string, UnitAsOf>();
  for (const { version: v, ...u } of found) {
    if (carriers.has(u.id)) continue;
    carriers.set(u.id, {
      id: u.id,
      code: v?.code ?? u.code,
      name: v?.name ?? u.name,
      fullName: v?.fullName ?? u.fullName,
      kind: u.kind,
      parentId: v?.parentId ?? u.parentId,
      validFrom: u.validFrom,
      validTo: u.validTo,
      knownSince: u.knownSince,
    });
  }
  for (const [id, list] of shares) {
    out.set(
      id,
      list
        .map((s) => ({ ...s, unit: carriers.get(s.unitId) ?? null }))
        .sort(
          (a, b) =>
            viCollator.compare(a.unit?.fullName ?? '', b.unit?.fullName ?? '') ||
            (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
        ),
    );
  }
  return out;
}

/**
 * `restate(unit, date → today)`: the units that carry a historical unit's facts on `to` (forward), or
 * the earlier units whose facts make up a unit (backward, when `to` is before `from`), with weights.
 */
export async function restate(db: Db, unitId: string, from: string, to: string): Promise<RestatedShare[]> {
  return (await restateMany(db, [unitId], from, to)).get(unitId) ?? [];
}

export type UnresolvedQuery = {
  status?: string | undefined;
  q?: string | undefined;
  successorId?: string | undefined;
  limit: number;
  offset: number;
};

/**
 * Lineage the source data leaves open, for a person to settle: predecessors named without a code (with their
 * successor) and units that ended without a known successor (with the ended unit), ended units first by name.
 */
export async function listUnresolved(ctx: RequestContext, query: UnresolvedQuery) {
  const succ = alias(units, 'succ');
  const pred = alias(units, 'pred');
  const c: SQL[] = [];
  if (query.status) c.push(eq(lineageUnresolved.status, query.status));
  if (query.successorId)
    c.push(
      or(
        eq(lineageUnresolved.successorId, query.successorId),
        eq(lineageUnresolved.predecessorId, query.successorId),
      )!,
    );
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    c.push(
      sql`f_unaccent(lower(${lineageUnresolved.sourceText} || ' ' || coalesce(${succ.fullName}, '') || ' ' || coalesce(${pred.fullName}, ''))) LIKE f_unaccent(${needle})`,
    );
  }
  const found = await ctx.db
    .select({
      item: lineageUnresolved,
      successor: { id: succ.id, code: succ.code, fullName: succ.fullName, validTo: succ.validTo },
      predecessor: { id: pred.id, code: pred.code, fullName: pred.fullName, validTo: pred.validTo },
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(lineageUnresolved)
    .leftJoin(succ, eq(succ.id, lineageUnresolved.successorId))
    .leftJoin(pred, eq(pred.id, lineageUnresolved.predecessorId))
    .where(c.length ? and(...c) : undefined)
    .orderBy(
      asc(sql`coalesce(${succ.fullName}, ${pred.fullName})`),
      asc(lineageUnresolved.sourceText),
      asc(lineageUnresolved.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: found.map((f) => ({
      ...f.item,
      successor: f.successor?.id ? f.successor : null,
      predecessor: f.predecessor?.id ? f.predecessor : null,
    })),
    total: found[0]?.total ?? 0,
  };
}

/**
 * Settles an unresolved item, version-checked. A predecessor named without a code: links the chosen old unit
 * to the successor (on the successor's merge event, or a new absorb link). A unit that ended without a known
 * successor: the chosen unit (in force the day it ended + 1) takes it over — its `abolish` event becomes an
 * `absorb` into it. Or dismisses it with a note.
 */
async function settleUnresolvedNow(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    predecessorId?: string | null | undefined;
    successorId?: string | null | undefined;
    dismiss?: boolean | undefined;
    note?: string | null | undefined;
  },
) {
  const [item] = await ctx.db.select().from(lineageUnresolved).where(eq(lineageUnresolved.id, id));
  if (!item) throw notFound('lineage_unresolved');
  const chosen = item.predecessorId ? input.successorId : input.predecessorId;
  const paths = await ancestorPaths(ctx.db, [
    ...[item.successorId, item.predecessorId].filter((x): x is string => !!x),
    ...(chosen ? [chosen] : []),
  ]);
  requireEditor(ctx, [...paths.values()]);
  if (item.status !== 'open') throw new AppError(409, 'CONFLICT', 'lineage.already_resolved');
  if (item.version !== input.version) throw staleVersion('lineage_unresolved', item.version);
  return ctx.db.transaction(async (tx) => {
    let eventId: string | null = null;
    if (chosen && !input.dismiss && item.predecessorId) {
      // The ended unit's own ending event (abolish, without successor): it now names the successor.
      const [ended] = await tx.select().from(units).where(eq(units.id, item.predecessorId));
      const [ev] = await tx
        .select({ id: lineageEvents.id, kind: lineageEvents.kind, date: lineageEvents.effectiveDate })
        .from(lineageEvents)
        .innerJoin(lineageLinks, eq(lineageLinks.eventId, lineageEvents.id))
        .where(
          and(
            eq(lineageLinks.predecessorId, item.predecessorId),
            inArray(lineageEvents.kind, ['abolish', 'absorb']),
          ),
        )
        .limit(1);
      if (!ended || !ev) throw notFound('lineage_event');
      if (!(await versionOn(tx, chosen, ev.date)))
        throw refuse(
          409,
          'lineage.unit_not_valid',
          { name: await nameOf(tx, chosen), date: ev.date },
          'successorId',
        );
      eventId = ev.id;
      await tx
        .delete(lineageLinks)
        .where(
          and(
            eq(lineageLinks.eventId, ev.id),
            eq(lineageLinks.predecessorId, item.predecessorId),
            sql`${lineageLinks.successorId} IS NULL`,
          ),
        );
      await tx
        .insert(lineageLinks)
        .values({ eventId, predecessorId: item.predecessorId, successorId: chosen, weight: null });
      if (ev.kind === 'abolish')
        await tx.update(lineageEvents).set({ kind: 'absorb' }).where(eq(lineageEvents.id, ev.id));
    } else if (chosen && !input.dismiss && item.successorId) {
      const [ev] = await tx
        .select({ id: lineageEvents.id })
        .from(lineageEvents)
        .innerJoin(lineageLinks, eq(lineageLinks.eventId, lineageEvents.id))
        .where(
          and(
            eq(lineageLinks.successorId, item.successorId),
            inArray(lineageEvents.kind, ['merge', 'establish', 'absorb', 'split']),
          ),
        )
        .limit(1);
      eventId = ev?.id ?? null;
      if (!eventId) throw notFound('lineage_event');
      await tx
        .insert(lineageLinks)
        .values({ eventId, predecessorId: chosen, successorId: item.successorId, weight: null });
    }
    const [updated] = await tx
      .update(lineageUnresolved)
      .set({
        status: input.dismiss ? 'dismissed' : 'resolved',
        resolvedPredecessorId: input.dismiss || item.predecessorId ? null : (chosen ?? null),
        ...(item.predecessorId && !input.dismiss && chosen ? { successorId: chosen } : {}),
        resolvedEventId: eventId,
        resolvedBy: ctx.actor?.user.id ?? null,
        resolvedAt: new Date(),
        version: sql`${lineageUnresolved.version} + 1`,
      })
      .where(and(eq(lineageUnresolved.id, id), eq(lineageUnresolved.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('lineage_unresolved', item.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: input.dismiss ? 'dismiss' : 'resolve',
        entity: 'lineage_unresolved',
        entityId: id,
        before: item,
        after: { ...updated, note: input.note ?? null },
      },
    );
    return updated;
  });
}

/** {@link recordEventNow}, telling the lineage caches afterwards (./lineage-changes.service.ts). */
export const recordEvent = notifyingLineage(recordEventNow);

/** {@link settleUnresolvedNow}, telling the lineage caches afterwards (./lineage-changes.service.ts). */
export const settleUnresolved = notifyingLineage(settleUnresolvedNow);
