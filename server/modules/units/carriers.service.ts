/**
 * The one answer to "who carries unit X on date D" (with shares), for every page that restates a
 * historical unit onto the units of a later day: the plan dashboard, the pilot page, the stale-links
 * report and the access rule that lets successors act on their predecessors' open work.
 *
 * Rules (the units are the registry's; the lineage is `lineage.service` `restateMany`, forward):
 * 1. A unit in force on D carries itself (share 1).
 * 2. An ended unit is carried by the units its lineage links lead to on D (merge, absorb: the successor
 *    with share 1; split: each successor with its share), over as many events as lie between.
 * 3. An ended unit whose lineage leads nowhere — a district abolished on 1/7/2025 (the district level ends
 *    with the two-level local government; Nghị quyết 76/2025/UBTVQH15 on the 2025 arrangement of
 *    administrative units and each province's arrangement resolution merge its communes into new ones, the
 *    district itself has no successor of its own) — is carried by the carriers of its children as they
 *    stood on its last day, each child counting for an equal part of it ("via children"): the units formed
 *    by the arrangement take over the duties of the units arranged (the same resolutions; the exact article
 *    is to be confirmed per province [?]).
 * 4. Otherwise (no lineage and no children) nobody carries it: `status = 'not_carried'`.
 *
 * Cost: restateMany's two statements for all the units asked; when some ended unit has no successor of
 * its own, one statement for their children and restateMany's two for those — whatever the number of units.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.js';
import { restateMany, type RestatedShare, type UnitAsOf } from './lineage.service.js';
import { viCollator } from './units.service.js';

export type CarrierShare = { unitId: string; weight: number; unit: UnitAsOf };

export type Carried = {
  unitId: string;
  /** The unit asked, as it is known (its version on D, or on its last day); null for an unknown id. */
  unit: UnitAsOf | null;
  status: 'in_force' | 'carried' | 'not_carried';
  /** `lineage`: through its own lineage events; `children`: through its children's successors (rule 3). */
  via: 'self' | 'lineage' | 'children' | null;
  /** The units in force on D that carry it, with their shares (summing to 1 when carried), Vietnamese order. */
  carriers: CarrierShare[];
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;

const inForceOn = (u: { validFrom: string; validTo: string | null }, on: string) =>
  u.validFrom <= on && (u.validTo === null || u.validTo >= on);

const byName = (a: CarrierShare, b: CarrierShare) =>
  viCollator.compare(a.unit.fullName, b.unit.fullName) || (a.unitId < b.unitId ? -1 : 1);

/** Only the carriers in force on `on` (a successor abolished since, with nobody after it, carries nothing). */
function liveCarriers(selfId: string, list: readonly RestatedShare[], on: string): CarrierShare[] {
  return list.flatMap((s) =>
    s.unitId !== selfId && s.unit && inForceOn(s.unit, on)
      ? [{ unitId: s.unitId, weight: s.weight, unit: s.unit }]
      : [],
  );
}

/**
 * Who carries each unit on `on` (YYYY-MM-DD), in a constant number of statements. Every id asked gets an
 * answer (unknown ids: `not_carried`, unit null).
 */
export async function carriersOn(
  db: Db,
  unitIds: readonly string[],
  on: string,
): Promise<Map<string, Carried>> {
  const ids = [...new Set(unitIds)];
  const out = new Map<string, Carried>();
  if (!ids.length) return out;
  const direct = await restateMany(db, ids, '1900-01-01', on);
  const orphans: { id: string; unit: UnitAsOf }[] = [];
  for (const id of ids) {
    const list = direct.get(id) ?? [];
    const self = list.find((s) => s.unitId === id)?.unit ?? null;
    if (list.length === 1 && self && inForceOn(self, on)) {
      out.set(id, {
        unitId: id,
        unit: self,
        status: 'in_force',
        via: 'self',
        carriers: [{ unitId: id, weight: 1, unit: self }],
      });
      continue;
    }
    const carriers = liveCarriers(id, list, on);
    if (carriers.length) {
      out.set(id, {
        unitId: id,
        unit: self,
        status: 'carried',
        via: 'lineage',
        carriers: carriers.sort(byName),
      });
      continue;
    }
    out.set(id, { unitId: id, unit: self, status: 'not_carried', via: null, carriers: [] });
    if (self?.validTo && self.validTo < on) orphans.push({ id, unit: self });
  }
  const unnamed = [...out.values()].filter((c) => !c.unit).map((c) => c.unitId);
  if (unnamed.length) {
    const found = await lastVersions(db, unnamed, on);
    for (const id of unnamed) out.get(id)!.unit = found.get(id) ?? null;
  }
  if (!orphans.length) return out;

  // Rule 3: the children as they stood on each orphan's last day, in one statement, then their carriers.
  const children = await rows<{ parent_id: string; unit_id: string }>(
    db,
    sql`SELECT v.parent_id, v.unit_id
          FROM unit_versions v JOIN units p ON p.id = v.parent_id
         WHERE v.parent_id IN (${sql.join(
           orphans.map((o) => sql`${o.id}::uuid`),
           sql`, `,
         )})
           AND p.valid_to IS NOT NULL
           AND v.valid_from <= p.valid_to AND (v.valid_to IS NULL OR v.valid_to >= p.valid_to)`,
  );
  const childrenOf = new Map<string, string[]>();
  for (const c of children) childrenOf.set(c.parent_id, [...(childrenOf.get(c.parent_id) ?? []), c.unit_id]);
  const childIds = [...new Set(children.map((c) => c.unit_id))];
  const viaChildren = childIds.length ? await restateMany(db, childIds, '1900-01-01', on) : new Map();
  for (const o of orphans) {
    const kids = childrenOf.get(o.id) ?? [];
    if (!kids.length) continue;
    const merged = new Map<string, CarrierShare>();
    for (const kid of kids) {
      const list: RestatedShare[] = viaChildren.get(kid) ?? [];
      // A child still in force carries its own part; otherwise its successors do.
      const self = list.find((s) => s.unitId === kid)?.unit;
      const parts =
        list.length === 1 && self && inForceOn(self, on)
          ? [{ unitId: kid, weight: 1, unit: self }]
          : liveCarriers(kid, list, on);
      for (const p of parts) {
        const prev = merged.get(p.unitId);
        merged.set(p.unitId, { ...p, weight: (prev?.weight ?? 0) + p.weight / kids.length });
      }
    }
    if (!merged.size) continue;
    out.set(o.id, {
      unitId: o.id,
      unit: o.unit,
      status: 'carried',
      via: 'children',
      carriers: [...merged.values()].map((c) => ({ ...c, weight: round(c.weight) })).sort(byName),
    });
  }
  return out;
}

/** `carriersOn` for one unit. */
export async function carriersOf(db: Db, unitId: string, on: string): Promise<Carried> {
  return (
    (await carriersOn(db, [unitId], on)).get(unitId) ?? {
      unitId,
      unit: null,
      status: 'not_carried',
      via: null,
      carriers: [],
    }
  );
}

/** The units restateMany did not list (carried on entirely by successors): their version on D or last day. */
async function lastVersions(db: Db, ids: readonly string[], on: string): Promise<Map<string, UnitAsOf>> {
  const found = await rows<UnitAsOf>(
    db,
    sql`SELECT u.id::text AS id, coalesce(v.code, u.code) AS code, coalesce(v.name, u.name) AS name,
               coalesce(v.full_name, u.full_name) AS "fullName", u.kind,
               coalesce(v.parent_id, u.parent_id)::text AS "parentId",
               u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo"
          FROM units u
          LEFT JOIN LATERAL (SELECT * FROM unit_versions x WHERE x.unit_id = u.id
                              AND x.valid_from <= least(${on}::date, coalesce(u.valid_to, ${on}::date))
                             ORDER BY x.valid_from DESC LIMIT 1) v ON true
         WHERE u.id IN (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})`,
  );
  return new Map(found.map((u) => [u.id, u]));
}

/**
 * The other way round: for each unit (e.g. the units of a user's grants), the ended units it carries on
 * `on` — its predecessors through lineage links, at any depth, and the abolished parents of those
 * (rule 3) — each with the share it carries. Candidates are found in one statement walking the links
 * backward; `carriersOn` then confirms each, so the answer is exactly the inverse of `carriersOn`.
 */
export async function carriedBy(
  db: Db,
  unitIds: readonly string[],
  on: string,
): Promise<Map<string, { unitId: string; weight: number; via: 'lineage' | 'children' }[]>> {
  const ids = [...new Set(unitIds)];
  const out = new Map<string, { unitId: string; weight: number; via: 'lineage' | 'children' }[]>();
  if (!ids.length) return out;
  const candidates = await rows<{ id: string }>(
    db,
    sql`WITH RECURSIVE back(id, depth) AS (
          SELECT unnest(ARRAY[${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}]::uuid[]), 0
          UNION
          SELECT l.predecessor_id, b.depth + 1 FROM lineage_links l JOIN back b ON l.successor_id = b.id
           WHERE l.predecessor_id IS NOT NULL AND l.predecessor_id <> l.successor_id AND b.depth < 50)
        SELECT DISTINCT id::text AS id FROM back WHERE depth > 0
        UNION
        SELECT DISTINCT p.id::text FROM back b
          JOIN unit_versions v ON v.unit_id = b.id
          JOIN units p ON p.id = v.parent_id
         WHERE b.depth > 0 AND p.valid_to IS NOT NULL AND p.valid_to < ${on}::date
           AND v.valid_from <= p.valid_to AND (v.valid_to IS NULL OR v.valid_to >= p.valid_to)
           AND NOT EXISTS (SELECT 1 FROM lineage_links x WHERE x.predecessor_id = p.id
                            AND x.successor_id IS NOT NULL AND x.successor_id <> p.id)`,
  );
  if (!candidates.length) return out;
  const carried = await carriersOn(
    db,
    candidates.map((c) => c.id),
    on,
  );
  const asked = new Set(ids);
  for (const c of carried.values()) {
    if (c.status !== 'carried') continue;
    for (const k of c.carriers) {
      if (!asked.has(k.unitId)) continue;
      out.set(k.unitId, [
        ...(out.get(k.unitId) ?? []),
        { unitId: c.unitId, weight: k.weight, via: c.via === 'children' ? 'children' : 'lineage' },
      ]);
    }
  }
  return out;
}
