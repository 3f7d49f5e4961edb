import type { GsoData } from './gso-data.js';
import type { EventKind } from './lineage-rules.js';

/**
 * The 2025 reorganisation as a plan of units and lineage events, from the shipped GSO data. Pure: no I/O.
 *
 * - Old units (provinces, districts, communes as of 30/6/2025) run from {@link BEFORE_RECORDS} — a sentinel
 *   meaning "in force before the records begin" — to 2025-06-30. New units (the 34 provinces and 3,321
 *   communes of the two-level government) run from 2025-07-01, open-ended. The new list is a later snapshot
 *   (2026) read as of 2025-07-01.
 * - A province formed from exactly itself (same code) continues: one unit, old and new, open-ended, no event.
 *   Any other new province is a new unit with a `merge` event from each old province it was formed from.
 * - Every district ends with its own `abolish` event (the district level was abolished); which current
 *   communes took over its communes is told by the commune events.
 * - Every new commune is a new unit with a `merge` event whose links come from its resolved predecessor old
 *   communes, except those split (below); predecessors the source names without a code go to the
 *   unresolved list, never dropped. A commune with no merge link and no unresolved text is `establish`ed
 *   (formed only of parts of split communes, or — one case — with no lineage data at all, which is then
 *   noted as unresolved).
 * - An old commune listed as predecessor of several new communes is `split`: one event with a link to each
 *   successor (weight null = not known), and it takes no part in the merge events.
 * - An old commune no lineage names still ends on 2025-06-30 with an `abolish` event without successor, for a
 *   person to complete.
 * - Codes are reused over time (province 15, commune 16681), so a unit's natural key is
 *   `kind:code:validFrom`.
 */
export const GSO_SOURCE = 'gso-2025';
export const BEFORE_RECORDS = '1900-01-01';
export const REFORM_DATE = '2025-07-01';
export const LAST_OLD_DAY = '2025-06-30';

export const PROVINCE_BASIS =
  'Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh';
export const DISTRICT_BASIS =
  'Luật Tổ chức chính quyền địa phương 2025 (72/2025/QH15): bỏ cấp huyện từ 1/7/2025';
export const communeBasis = (provinceFullName: string) =>
  `Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của ${lowerFirst(provinceFullName)} năm 2025`;
export const NO_LINEAGE_TEXT = 'Không có dữ liệu tiền thân trong bản đồ sắp xếp năm 2025';

export type GsoUnitKind = 'province' | 'district' | 'commune';

export type PlannedUnit = {
  /** `kind:code:validFrom` — stable across imports, never shared by two units. */
  key: string;
  kind: GsoUnitKind;
  code: string;
  name: string;
  fullName: string;
  /** The type as the source prints it ("Tỉnh", "Huyện", "Phường", "Đặc khu", …). */
  type: string;
  parentKey: string | null;
  validFrom: string;
  validTo: string | null;
  /** A province that is both an old and a new unit (formed from exactly itself). */
  continues: boolean;
  /** Key of the event that created the unit; null for units in force before the records begin. */
  createdBy: string | null;
};

/** A predecessor → successor link; null on one side for `abolish` (no successor) and `establish` (none before). */
export type PlannedLink = { from: string | null; to: string | null; weight: null };

export type PlannedEvent = {
  /** `kind:<subject unit key>` — stable across imports (stored in `lineage_events.note`). */
  key: string;
  kind: EventKind;
  effectiveDate: string;
  legalBasisText: string;
  links: PlannedLink[];
};

export type PlannedUnresolved = {
  eventKey: string;
  successorKey: string;
  /** The predecessor as the source names it (with the source's note in brackets, if any). */
  sourceText: string;
  /** The whole "before merger" line it came from. */
  sourceLine: string | null;
};

export type GsoPlanStats = {
  oldProvinces: number;
  oldDistricts: number;
  oldCommunes: number;
  newProvinces: number;
  newCommunes: number;
  continuingProvinces: number;
  /** Predecessor entries of the commune lineage (resolved + unresolved). */
  listedPredecessors: number;
  /** Predecessors resolved to an old commune (= mergeLinks + splitLinks). */
  resolved: number;
  unresolved: number;
  mergeLinks: number;
  splitEvents: number;
  splitLinks: number;
  /** Resolved predecessors the source qualifies ("phần còn lại sau khi sáp nhập vào …"). */
  resolvedWithNote: number;
  /** New communes whose event is `establish` (no merge link and no unresolved text). */
  establishedCommunes: number;
  /** New communes the lineage does not cover at all. */
  communesWithoutLineage: string[];
  /** Old communes no lineage names: they end with an `abolish` event without successor. */
  orphanOldCommunes: number;
  /** Merge events with fewer than two predecessor links (one resolved predecessor, the rest unresolved). */
  mergesWithFewerThanTwoLinks: number;
};

export type GsoPlan = {
  /** The current province the plan is limited to, or null for the whole country. */
  province: string | null;
  /** Parents before children. */
  units: PlannedUnit[];
  events: PlannedEvent[];
  unresolved: PlannedUnresolved[];
  stats: GsoPlanStats;
};

export const unitKey = (kind: GsoUnitKind, code: string, validFrom: string) => `${kind}:${code}:${validFrom}`;

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Plans the import of the whole country, or of one current province (with the old provinces that formed it). */
export function planGsoImport(data: GsoData, options: { province?: string | undefined } = {}): GsoPlan {
  const only = options.province ?? null;
  const newProvinces = data.new.provinces.filter((p) => only === null || p[0] === only);
  if (only !== null && newProvinces.length === 0) throw new Error(`No current province with code ${only}`);

  const mergesOf = new Map(data.provinceMerges.provinces.map(([c, olds]) => [c, olds]));
  const oldProvinceByCode = new Map(data.old.provinces.map((p) => [p[0], p]));
  const lineageOf = new Map(data.communeLineage.communes.map((c) => [c[0], c]));

  // Old communes named (resolved) by the lineage, with every new commune naming them (whole country).
  const successorsOfOld = new Map<string, string[]>();
  for (const [newCode, , preds] of data.communeLineage.communes)
    for (const [oldCode] of preds)
      if (oldCode !== null) successorsOfOld.set(oldCode, [...(successorsOfOld.get(oldCode) ?? []), newCode]);

  const units: PlannedUnit[] = [];
  const events: PlannedEvent[] = [];
  const unresolved: PlannedUnresolved[] = [];
  const stats: GsoPlanStats = {
    oldProvinces: 0,
    oldDistricts: 0,
    oldCommunes: 0,
    newProvinces: 0,
    newCommunes: 0,
    continuingProvinces: 0,
    listedPredecessors: 0,
    resolved: 0,
    unresolved: 0,
    mergeLinks: 0,
    splitEvents: 0,
    splitLinks: 0,
    resolvedWithNote: 0,
    establishedCommunes: 0,
    communesWithoutLineage: [],
    orphanOldCommunes: 0,
    mergesWithFewerThanTwoLinks: 0,
  };

  const oldKey = (kind: GsoUnitKind, code: string) => unitKey(kind, code, BEFORE_RECORDS);
  const newKey = (kind: GsoUnitKind, code: string) => unitKey(kind, code, REFORM_DATE);
  /** Key of each new commune's event (merge or establish), by new commune code. */
  const newCommuneKey = new Map<string, string>();
  /** Old commune code → key and the basis of the province it went into. */
  const oldCommunes = new Map<string, { key: string; basis: string }>();
  const provinceUnits: PlannedUnit[] = [];
  const districtUnits: PlannedUnit[] = [];
  const oldCommuneUnits: PlannedUnit[] = [];
  const newCommuneUnits: PlannedUnit[] = [];

  for (const [code, name, fullName, type, communes] of newProvinces) {
    const olds = mergesOf.get(code);
    if (!olds) throw new Error(`Province ${code} has no merge record`);
    const continues = olds.length === 1 && olds[0] === code;
    const key = continues ? oldKey('province', code) : newKey('province', code);
    const basis = communeBasis(fullName);
    stats.newProvinces++;
    if (continues) stats.continuingProvinces++;
    provinceUnits.push({
      key,
      kind: 'province',
      code,
      name,
      fullName,
      type,
      parentKey: null,
      validFrom: continues ? BEFORE_RECORDS : REFORM_DATE,
      validTo: null,
      continues,
      createdBy: continues ? null : `merge:${key}`,
    });
    if (!continues)
      events.push({
        key: `merge:${key}`,
        kind: 'merge',
        effectiveDate: REFORM_DATE,
        legalBasisText: PROVINCE_BASIS,
        links: olds.map((c) => ({ from: oldKey('province', c), to: key, weight: null })),
      });

    // The old provinces that formed it, their districts and communes.
    for (const oldCode of olds) {
      const old = oldProvinceByCode.get(oldCode);
      if (!old) throw new Error(`Old province ${oldCode} (of ${code}) is not in the old list`);
      const [, oName, oFullName, oType, districts] = old;
      const oKey = oldKey('province', oldCode);
      stats.oldProvinces++;
      if (!continues)
        provinceUnits.push({
          key: oKey,
          kind: 'province',
          code: oldCode,
          name: oName,
          fullName: oFullName,
          type: oType,
          parentKey: null,
          validFrom: BEFORE_RECORDS,
          validTo: LAST_OLD_DAY,
          continues: false,
          createdBy: null,
        });
      for (const [dCode, dName, dFullName, dType, dCommunes] of districts) {
        const dKey = oldKey('district', dCode);
        stats.oldDistricts++;
        districtUnits.push({
          key: dKey,
          kind: 'district',
          code: dCode,
          name: dName,
          fullName: dFullName,
          type: dType,
          parentKey: oKey,
          validFrom: BEFORE_RECORDS,
          validTo: LAST_OLD_DAY,
          continues: false,
          createdBy: null,
        });
        events.push({
          key: `abolish:${dKey}`,
          kind: 'abolish',
          effectiveDate: REFORM_DATE,
          legalBasisText: DISTRICT_BASIS,
          links: [{ from: dKey, to: null, weight: null }],
        });
        for (const [cCode, cName, cFullName, cType] of dCommunes) {
          const cKey = oldKey('commune', cCode);
          stats.oldCommunes++;
          oldCommunes.set(cCode, { key: cKey, basis });
          oldCommuneUnits.push({
            key: cKey,
            kind: 'commune',
            code: cCode,
            name: cName,
            fullName: cFullName,
            type: cType,
            parentKey: dKey,
            validFrom: BEFORE_RECORDS,
            validTo: LAST_OLD_DAY,
            continues: false,
            createdBy: null,
          });
        }
      }
    }

    for (const [cCode, cName, cFullName, cType] of communes) {
      const cKey = newKey('commune', cCode);
      stats.newCommunes++;
      newCommuneKey.set(cCode, cKey);
      const lineage = lineageOf.get(cCode);
      const links: PlannedLink[] = [];
      const texts: { sourceText: string; sourceLine: string | null }[] = [];
      if (!lineage) {
        stats.communesWithoutLineage.push(cCode);
        texts.push({ sourceText: NO_LINEAGE_TEXT, sourceLine: null });
      } else {
        const [, sourceLine, preds] = lineage;
        for (const [oldCode, listed, note] of preds) {
          stats.listedPredecessors++;
          if (oldCode === null) {
            texts.push({ sourceText: note ? `${listed} (${note})` : listed, sourceLine });
            continue;
          }
          stats.resolved++;
          if (note) stats.resolvedWithNote++;
          if ((successorsOfOld.get(oldCode)?.length ?? 0) > 1) continue; // in its split event
          links.push({ from: oldKey('commune', oldCode), to: cKey, weight: null });
        }
      }
      const establish = links.length === 0 && (lineage === undefined || texts.length === 0);
      const kind: EventKind = establish ? 'establish' : 'merge';
      if (establish) stats.establishedCommunes++;
      else if (links.length < 2) stats.mergesWithFewerThanTwoLinks++;
      stats.mergeLinks += links.length;
      const eventKey = `${kind}:${cKey}`;
      events.push({
        key: eventKey,
        kind,
        effectiveDate: REFORM_DATE,
        legalBasisText: basis,
        // An event with no predecessor link still names its successor.
        links: links.length ? links : [{ from: null, to: cKey, weight: null }],
      });
      stats.unresolved += lineage ? texts.length : 0;
      for (const t of texts) unresolved.push({ eventKey, successorKey: cKey, ...t });
      newCommuneUnits.push({
        key: cKey,
        kind: 'commune',
        code: cCode,
        name: cName,
        fullName: cFullName,
        type: cType,
        parentKey: key,
        validFrom: REFORM_DATE,
        validTo: null,
        continues: false,
        createdBy: eventKey,
      });
    }
  }

  // Split and orphan old communes (within the plan's old provinces).
  for (const [oldCode, { key, basis }] of oldCommunes) {
    const successors = successorsOfOld.get(oldCode) ?? [];
    if (successors.length === 0) {
      stats.orphanOldCommunes++;
      events.push({
        key: `abolish:${key}`,
        kind: 'abolish',
        effectiveDate: REFORM_DATE,
        legalBasisText: basis,
        links: [{ from: key, to: null, weight: null }],
      });
    } else if (successors.length > 1) {
      const to = successors.map((c) => {
        const k = newCommuneKey.get(c);
        if (!k) throw new Error(`Old commune ${oldCode} has a successor ${c} outside the plan`);
        return k;
      });
      stats.splitEvents++;
      stats.splitLinks += to.length;
      events.push({
        key: `split:${key}`,
        kind: 'split',
        effectiveDate: REFORM_DATE,
        legalBasisText: basis,
        links: to.map((t) => ({ from: key, to: t, weight: null })),
      });
    }
  }

  // Every merge link must point at an old commune of the plan.
  const known = new Set(
    [...provinceUnits, ...districtUnits, ...oldCommuneUnits, ...newCommuneUnits].map((u) => u.key),
  );
  for (const e of events)
    for (const l of e.links)
      for (const k of [l.from, l.to])
        if (k !== null && !known.has(k))
          throw new Error(`Event ${e.key} links ${k}, which is not in the plan`);

  units.push(...provinceUnits, ...districtUnits, ...oldCommuneUnits, ...newCommuneUnits);
  return { province: only, units, events, unresolved, stats };
}
