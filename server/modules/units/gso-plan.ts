import type { GsoData, GsoHistory } from './gso-data.js';
import { HISTORY_SOURCE, OPEN_START, replayHistory, type HistoryResult, type Life } from './gso-history.js';
import type { EventKind } from './lineage-rules.js';

/**
 * The 2025 reorganisation as a plan of units and lineage events, from the shipped GSO data. Pure: no I/O.
 *
 * - Old units (provinces, districts, communes as of 30/6/2025) run to 2025-06-30. With the history
 *   (`gso-history.ts`, decision 0007) each starts where the history starts it — at a change 2017–2025, or
 *   with an unknown founding date (`knownSince` 15/10/2017, stored start {@link BEFORE_RECORDS} = "open") —
 *   has its versions (renames, moves, re-codings) and the units that ended before 2025 come with it. Without
 *   history, every old unit's founding date is unknown (`knownSince` = the date of the 2025 list). New units
 *   (the 34 provinces and 3,321 communes of the two-level government) run from 2025-07-01, open-ended. The
 *   new list is a later snapshot (2026) read as of 2025-07-01.
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
 *   `kind:code:validFrom` (code = its last code), and `kind:code:validFrom:validTo` for a unit that ended
 *   before 30/6/2025 (a code may have been given to another unit with an unknown start too). The 2025
 *   events keep the keys they had before the history (`…:code:1900-01-01`), so an upgrade finds them.
 */
export const GSO_SOURCE = 'gso-2025';
/** The stored start of a unit whose founding date is unknown (shown with its `knownSince`, never as a date). */
export const BEFORE_RECORDS = OPEN_START;
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
  /** Founding date unknown: the unit is attested since this date (validFrom is then BEFORE_RECORDS). */
  knownSince: string | null;
  /** A province that is both an old and a new unit (formed from exactly itself). */
  continues: boolean;
  /** Key of the event that created the unit; null for units in force before the records begin. */
  createdBy: string | null;
  /** Its key as the 2025-only import wrote it (`kind:code:1900-01-01`), when different: an upgrade finds it so. */
  legacyKey: string | null;
  /** Code, names and parent over time, oldest first (the last one is the unit's own). */
  versions: PlannedVersion[];
};

export type PlannedVersion = {
  validFrom: string;
  validTo: string | null;
  code: string;
  name: string;
  fullName: string;
  parentKey: string | null;
  /** The event that opened it (null for the first version of a unit with an unknown start). */
  eventKey: string | null;
};

/** A predecessor → successor link; null on one side for `abolish` (no successor) and `establish` (none before). */
export type PlannedLink = { from: string | null; to: string | null; weight: number | null };

export type PlannedEvent = {
  /** `kind:<subject unit key>` — stable across imports (stored in `lineage_events.note`). */
  key: string;
  kind: EventKind;
  effectiveDate: string;
  /** First possible day when only a window is known (effectiveDate is its last day); null = exact. */
  earliestDate: string | null;
  legalBasisText: string | null;
  /** `gso-2025` (the reorganisation) or `gso-history` (2017–2025 changes). */
  source: string;
  links: PlannedLink[];
};

export type PlannedUnresolved = {
  eventKey: string;
  /** The unit whose predecessor is not known by code (2025 lineage), or null. */
  successorKey: string | null;
  /** The unit that ended without a known successor (history), or null. */
  predecessorKey: string | null;
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

export type GsoPlanHistoryStats = {
  /** Units of the plan that ended before 30/6/2025. */
  endedBefore2025: number;
  versions: number;
  events: number;
  unresolved: number;
  knownSince: string | null;
};

export type GsoPlan = {
  /** The current province the plan is limited to, or null for the whole country. */
  province: string | null;
  /** Parents before children. */
  units: PlannedUnit[];
  events: PlannedEvent[];
  unresolved: PlannedUnresolved[];
  stats: GsoPlanStats;
  /** Null when planned without history. */
  history: GsoPlanHistoryStats | null;
};

/** A unit's natural key; `validTo` matters only for units that ended before the last old day (see above). */
export const unitKey = (kind: GsoUnitKind, code: string, validFrom: string, validTo: string | null = null) =>
  validTo !== null && validTo < LAST_OLD_DAY
    ? `${kind}:${code}:${validFrom}:${validTo}`
    : `${kind}:${code}:${validFrom}`;

const replayed = new WeakMap<GsoHistory, HistoryResult>();
/** The history replayed once per loaded history (pure: same input, same result). */
function replayOnce(history: GsoHistory): HistoryResult {
  let r = replayed.get(history);
  if (!r) replayed.set(history, (r = replayHistory(history)));
  return r;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Plans the import of the whole country, or of one current province (with the old provinces that formed it). */
export function planGsoImport(
  data: GsoData,
  options: { province?: string | undefined; history?: GsoHistory | null | undefined } = {},
): GsoPlan {
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

  /** 2025 events keep the subject keys of the 2025-only import (stable across the upgrade). */
  const subjectKey = (kind: GsoUnitKind, code: string) => unitKey(kind, code, BEFORE_RECORDS);
  const newKey = (kind: GsoUnitKind, code: string) => unitKey(kind, code, REFORM_DATE);

  // The history: lives of the old provinces in the plan, keyed; those in force on the last old day by code.
  const inScope = new Set(newProvinces.flatMap(([code]) => mergesOf.get(code) ?? []));
  const history = options.history ? replayOnce(options.history) : null;
  const lifeKeys = new Map<Life, string>();
  const lastLife = new Map<string, Life>();
  if (history) {
    for (const l of history.lives) {
      if (!inScope.has(l.provinceCode)) continue;
      const last = l.versions.at(-1)!;
      lifeKeys.set(l, unitKey(l.level, last.code, l.validFrom, l.validTo));
      if (l.validTo === null) lastLife.set(`${l.level}:${last.code}`, l);
    }
  }
  const historyEventKey = (e: HistoryResult['events'][number]) => {
    const k = lifeKeys.get(e.subject)!;
    return e.kind === 'rename' || e.kind === 'transfer'
      ? `${e.kind}:${k}:${e.effectiveDate}`
      : `${e.kind}:${k}`;
  };
  const historyEventKeys = new Map(
    (history?.events ?? []).filter((e) => lifeKeys.has(e.subject)).map((e) => [e, historyEventKey(e)]),
  );
  const usedLives = new Set<Life>();

  /** An old unit (in force on 30/6/2025): its start, versions and creating event from the history, if any. */
  const oldUnit = (
    kind: GsoUnitKind,
    attrs: { code: string; name: string; fullName: string; type: string; parentKey: string | null },
    validTo: string | null,
    continues = false,
  ): PlannedUnit => {
    const legacy = unitKey(kind, attrs.code, BEFORE_RECORDS);
    const life = history ? lastLife.get(`${kind}:${attrs.code}`) : undefined;
    if (history && !life) throw new Error(`History has no ${kind} ${attrs.code} in force on ${LAST_OLD_DAY}`);
    if (!life)
      return {
        key: legacy,
        kind,
        ...attrs,
        validFrom: BEFORE_RECORDS,
        validTo,
        knownSince: data.old.validUntil,
        continues,
        createdBy: null,
        legacyKey: null,
        versions: [{ ...version(attrs, BEFORE_RECORDS, validTo), eventKey: null }],
      };
    usedLives.add(life);
    const key = lifeKeys.get(life)!;
    const versions = lifeVersions(life, validTo);
    // The current list names the unit as it is now (a continuing province).
    versions[versions.length - 1] = { ...versions.at(-1)!, name: attrs.name, fullName: attrs.fullName };
    const first = life.versions[0]!.event;
    return {
      key,
      kind,
      ...attrs,
      validFrom: life.validFrom,
      validTo,
      knownSince: life.knownSince,
      continues,
      createdBy: first ? historyEventKeys.get(first)! : null,
      legacyKey: key === legacy ? null : legacy,
      versions,
    };
  };
  const version = (
    a: { code: string; name: string; fullName: string; parentKey: string | null },
    validFrom: string,
    validTo: string | null,
  ) => ({ validFrom, validTo, code: a.code, name: a.name, fullName: a.fullName, parentKey: a.parentKey });
  const lifeVersions = (life: Life, validTo: string | null): PlannedVersion[] =>
    life.versions.map((v, i) => ({
      validFrom: v.validFrom,
      validTo: i + 1 < life.versions.length ? dayBeforeIso(life.versions[i + 1]!.validFrom) : validTo,
      code: v.code,
      name: v.name,
      fullName: v.fullName,
      parentKey: v.parent ? lifeKeys.get(v.parent)! : null,
      eventKey: v.event ? historyEventKeys.get(v.event)! : null,
    }));

  /** Key of each new commune's event (merge or establish), by new commune code. */
  const newCommuneKey = new Map<string, string>();
  /** Old commune code → key, event subject and the basis of the province it went into. */
  const oldCommunes = new Map<string, { key: string; subject: string; basis: string }>();
  const provinceUnits: PlannedUnit[] = [];
  const districtUnits: PlannedUnit[] = [];
  const oldCommuneUnits: PlannedUnit[] = [];
  const newCommuneUnits: PlannedUnit[] = [];

  for (const [code, name, fullName, type, communes] of newProvinces) {
    const olds = mergesOf.get(code);
    if (!olds) throw new Error(`Province ${code} has no merge record`);
    const continues = olds.length === 1 && olds[0] === code;
    const basis = communeBasis(fullName);
    stats.newProvinces++;
    if (continues) stats.continuingProvinces++;
    let key: string;
    if (continues) {
      const unit = oldUnit('province', { code, name, fullName, type, parentKey: null }, null, true);
      key = unit.key;
      provinceUnits.push(unit);
    } else {
      key = newKey('province', code);
      provinceUnits.push({
        key,
        kind: 'province',
        code,
        name,
        fullName,
        type,
        parentKey: null,
        validFrom: REFORM_DATE,
        validTo: null,
        knownSince: null,
        continues,
        createdBy: `merge:${key}`,
        legacyKey: null,
        versions: [
          {
            ...version({ code, name, fullName, parentKey: null }, REFORM_DATE, null),
            eventKey: `merge:${key}`,
          },
        ],
      });
    }
    const oldProvinceKeys = new Map<string, string>();
    if (continues) oldProvinceKeys.set(code, key);

    // The old provinces that formed it, their districts and communes.
    for (const oldCode of olds) {
      const old = oldProvinceByCode.get(oldCode);
      if (!old) throw new Error(`Old province ${oldCode} (of ${code}) is not in the old list`);
      const [, oName, oFullName, oType, districts] = old;
      stats.oldProvinces++;
      if (!continues) {
        const unit = oldUnit(
          'province',
          { code: oldCode, name: oName, fullName: oFullName, type: oType, parentKey: null },
          LAST_OLD_DAY,
        );
        oldProvinceKeys.set(oldCode, unit.key);
        provinceUnits.push(unit);
      }
      const oKey = oldProvinceKeys.get(oldCode)!;
      for (const [dCode, dName, dFullName, dType, dCommunes] of districts) {
        stats.oldDistricts++;
        const district = oldUnit(
          'district',
          { code: dCode, name: dName, fullName: dFullName, type: dType, parentKey: oKey },
          LAST_OLD_DAY,
        );
        districtUnits.push(district);
        events.push({
          key: `abolish:${subjectKey('district', dCode)}`,
          kind: 'abolish',
          effectiveDate: REFORM_DATE,
          earliestDate: null,
          legalBasisText: DISTRICT_BASIS,
          source: GSO_SOURCE,
          links: [{ from: district.key, to: null, weight: null }],
        });
        for (const [cCode, cName, cFullName, cType] of dCommunes) {
          stats.oldCommunes++;
          const commune = oldUnit(
            'commune',
            { code: cCode, name: cName, fullName: cFullName, type: cType, parentKey: district.key },
            LAST_OLD_DAY,
          );
          oldCommunes.set(cCode, { key: commune.key, subject: subjectKey('commune', cCode), basis });
          oldCommuneUnits.push(commune);
        }
      }
    }
    if (!continues)
      events.push({
        key: `merge:${key}`,
        kind: 'merge',
        effectiveDate: REFORM_DATE,
        earliestDate: null,
        legalBasisText: PROVINCE_BASIS,
        source: GSO_SOURCE,
        links: olds.map((c) => ({ from: oldProvinceKeys.get(c)!, to: key, weight: null })),
      });

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
          const old = oldCommunes.get(oldCode);
          if (!old) throw new Error(`Commune ${cCode} names ${oldCode}, which is not in the plan`);
          links.push({ from: old.key, to: cKey, weight: null });
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
        earliestDate: null,
        legalBasisText: basis,
        source: GSO_SOURCE,
        // An event with no predecessor link still names its successor.
        links: links.length ? links : [{ from: null, to: cKey, weight: null }],
      });
      stats.unresolved += lineage ? texts.length : 0;
      for (const t of texts) unresolved.push({ eventKey, successorKey: cKey, predecessorKey: null, ...t });
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
        knownSince: null,
        continues: false,
        createdBy: eventKey,
        legacyKey: null,
        versions: [
          {
            ...version({ code: cCode, name: cName, fullName: cFullName, parentKey: key }, REFORM_DATE, null),
            eventKey,
          },
        ],
      });
    }
  }

  // Split and orphan old communes (within the plan's old provinces).
  for (const [oldCode, { key, subject, basis }] of oldCommunes) {
    const successors = successorsOfOld.get(oldCode) ?? [];
    if (successors.length === 0) {
      stats.orphanOldCommunes++;
      events.push({
        key: `abolish:${subject}`,
        kind: 'abolish',
        effectiveDate: REFORM_DATE,
        earliestDate: null,
        legalBasisText: basis,
        source: GSO_SOURCE,
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
        key: `split:${subject}`,
        kind: 'split',
        effectiveDate: REFORM_DATE,
        earliestDate: null,
        legalBasisText: basis,
        source: GSO_SOURCE,
        links: to.map((t) => ({ from: key, to: t, weight: null })),
      });
    }
  }

  // The units that ended before 30/6/2025, and the history's events (before the 2025 ones: dated earlier).
  const endedUnits: PlannedUnit[] = [];
  let historyStats: GsoPlanHistoryStats | null = null;
  if (history) {
    for (const [life, key] of lifeKeys) {
      if (life.validTo === null) {
        if (!usedLives.has(life))
          throw new Error(`History unit ${key} is not in the list of ${LAST_OLD_DAY}`);
        continue;
      }
      const last = life.versions.at(-1)!;
      const first = life.versions[0]!.event;
      const versions = lifeVersions(life, life.validTo);
      endedUnits.push({
        key,
        kind: life.level,
        code: last.code,
        name: last.name,
        fullName: last.fullName,
        type: last.type,
        parentKey: versions.at(-1)!.parentKey,
        validFrom: life.validFrom,
        validTo: life.validTo,
        knownSince: life.knownSince,
        continues: false,
        createdBy: first ? historyEventKeys.get(first)! : null,
        legacyKey: null,
        versions,
      });
    }
    const historyEvents: PlannedEvent[] = [];
    for (const [e, key] of historyEventKeys)
      historyEvents.push({
        key,
        kind: e.kind,
        effectiveDate: e.effectiveDate,
        earliestDate: e.earliest,
        legalBasisText: e.legalBasisText,
        source: HISTORY_SOURCE,
        links: e.links.map((l) => ({
          from: l.from ? lifeKeys.get(l.from)! : null,
          to: l.to ? lifeKeys.get(l.to)! : null,
          weight: l.weight,
        })),
      });
    const historyUnresolved = history.unresolved
      .filter((u) => lifeKeys.has(u.predecessor))
      .map((u) => ({
        eventKey: historyEventKeys.get(u.event)!,
        successorKey: null,
        predecessorKey: lifeKeys.get(u.predecessor)!,
        sourceText: u.sourceText,
        sourceLine: u.sourceLine,
      }));
    events.unshift(...historyEvents);
    unresolved.unshift(...historyUnresolved);
    historyStats = {
      endedBefore2025: endedUnits.length,
      versions: [...lifeKeys.keys()].reduce((n, l) => n + l.versions.length, 0),
      events: historyEvents.length,
      unresolved: historyUnresolved.length,
      knownSince: history.oldestSnapshot,
    };
  }

  // Every link must point at a unit of the plan.
  const all = [...provinceUnits, ...districtUnits, ...endedUnits, ...oldCommuneUnits, ...newCommuneUnits];
  const known = new Set(all.map((u) => u.key));
  if (known.size !== all.length) throw new Error('Two planned units share a key');
  for (const e of events)
    for (const l of e.links)
      for (const k of [l.from, l.to])
        if (k !== null && !known.has(k))
          throw new Error(`Event ${e.key} links ${k}, which is not in the plan`);

  // Parents before children: provinces, districts, communes.
  const order = { province: 0, district: 1, commune: 2 } as const;
  units.push(...all.toSorted((a, b) => order[a.kind] - order[b.kind]));
  return { province: only, units, events, unresolved, stats, history: historyStats };
}

function dayBeforeIso(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
