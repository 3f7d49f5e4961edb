import type { GsoHistory } from './gso-data.js';
import { dayBefore, type EventKind } from './lineage-rules.js';

/**
 * The GSO change list 2017 → 2025 replayed into unit lives, versions and dated lineage events. Pure: no I/O.
 * `gso-plan.ts` turns the result into planned units and events (keys, parents, the 2025 reorganisation after it).
 *
 * Rules (decision 0007):
 * - A unit's life starts at the oldest snapshot (15/10/2017) — then its founding date is unknown: the life has
 *   `knownSince` 2017-10-15 and an open start — or with the change that made it appear.
 * - A change takes effect on the date the source states, else on the date a chidao supplement fact gives for
 *   the province and interval (Nghệ An 1/12/2024, Resolution 1243/NQ-UBTVQH15), else on the last day of its
 *   window (the data date of the snapshot that first shows it) with `earliest` = the window's first day: the
 *   unit is in force through the whole window, and the event says "between … and …".
 * - Renames, retypes and moves are versions of the same unit (events `rename` / `transfer`); GSO re-codings keep
 *   the unit (a `rename` that changes the code); a unit that appears is `establish`ed.
 * - A unit that disappears ends the day before: `absorb`ed into the successors the source names (shares by the
 *   communes that went to each, when there are several), else `abolish`ed, and then it is listed as unresolved
 *   (successor unknown) with the source's heuristic hint, for a person to settle — never dropped.
 */
export const HISTORY_SOURCE = 'gso-history';
/** The stored start of a unit whose founding date is unknown: shown as "existed before <knownSince>". */
export const OPEN_START = '1900-01-01';

export type HistoryLevel = 'province' | 'district' | 'commune';

export type LifeVersion = {
  validFrom: string;
  code: string;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  /** The parent's life, resolved against the state the version first appears in. */
  parent: Life | null;
  /** The event that opened this version (null for the first version of a unit in force at the oldest snapshot). */
  event: HistoryEvent | null;
};

export type Life = {
  id: number;
  level: HistoryLevel;
  /** The (pre-2025) province it belongs to (no unit moved between provinces in these data). */
  provinceCode: string;
  versions: LifeVersion[];
  validFrom: string;
  /** Set when the founding date is unknown: the unit is attested since this date (validFrom is then OPEN_START). */
  knownSince: string | null;
  /** Last day in force, when it ended before the last state (30/6/2025). */
  validTo: string | null;
};

export type HistoryLink = { from: Life | null; to: Life | null; weight: number | null };

export type HistoryEvent = {
  kind: EventKind;
  /** The unit the event is about (the one that appears, changes or ends). */
  subject: Life;
  effectiveDate: string;
  /** First possible day when only a window is known (effectiveDate is then its last day); null = exact. */
  earliest: string | null;
  legalBasisText: string | null;
  links: HistoryLink[];
};

export type HistoryUnresolved = {
  event: HistoryEvent;
  predecessor: Life;
  sourceText: string;
  sourceLine: string;
};

export type HistoryStats = {
  lives: Record<HistoryLevel, number>;
  ended: Record<HistoryLevel, number>;
  events: Partial<Record<EventKind, number>>;
  exactDates: number;
  supplemented: number;
  unresolved: number;
  /** Events whose stated date was not after the unit's previous change: moved to the day after it. */
  clampedDates: number;
};

export type HistoryResult = {
  oldestSnapshot: string;
  lastState: string;
  lives: Life[];
  events: HistoryEvent[];
  unresolved: HistoryUnresolved[];
  stats: HistoryStats;
};

export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "939/NQ-UBTVQH15" → the resolution as printed in a basis line. */
export function basisText(symbol: string): string {
  return /NQ-UBTVQH/.test(symbol) ? `Nghị quyết ${symbol} của Ủy ban Thường vụ Quốc hội` : symbol;
}

const PHASE = { disappeared: 0, recodedAway: 0, changed: 1, appeared: 2, recoded: 2 } as const;
const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;
const PARENT_LEVEL = { province: null, district: 'province', commune: 'district' } as const;

/** Replays the shipped history (the whole country; the planner selects provinces). */
export function replayHistory(history: GsoHistory): HistoryResult {
  const { data, supplement } = history;
  const snapshots = data.snapshots;
  const lives: Life[] = [];
  const events: HistoryEvent[] = [];
  const unresolved: HistoryUnresolved[] = [];
  const stats: HistoryStats = {
    lives: { province: 0, district: 0, commune: 0 },
    ended: { province: 0, district: 0, commune: 0 },
    events: {},
    exactDates: 0,
    supplemented: 0,
    unresolved: 0,
    clampedDates: 0,
  };
  const current: Record<HistoryLevel, Map<string, Life>> = {
    province: new Map(),
    district: new Map(),
    commune: new Map(),
  };
  const newLife = (
    level: HistoryLevel,
    provinceCode: string,
    validFrom: string,
    knownSince: string | null,
  ) => {
    const life: Life = {
      id: lives.length,
      level,
      provinceCode,
      versions: [],
      validFrom,
      knownSince,
      validTo: null,
    };
    lives.push(life);
    stats.lives[level]++;
    return life;
  };
  const addEvent = (e: HistoryEvent) => {
    events.push(e);
    stats.events[e.kind] = (stats.events[e.kind] ?? 0) + 1;
    return e;
  };

  // The oldest state: founding dates unknown.
  const oldest = snapshots[0]!;
  for (const [pc, pn, pf, pt, districts] of data.base) {
    const p = newLife('province', pc, OPEN_START, oldest);
    p.versions.push({
      validFrom: OPEN_START,
      code: pc,
      name: pn,
      fullName: pf,
      type: pt,
      parentCode: null,
      parent: null,
      event: null,
    });
    current.province.set(pc, p);
    for (const [dc, dn, df, dt, communes] of districts) {
      const d = newLife('district', pc, OPEN_START, oldest);
      d.versions.push({
        validFrom: OPEN_START,
        code: dc,
        name: dn,
        fullName: df,
        type: dt,
        parentCode: pc,
        parent: p,
        event: null,
      });
      current.district.set(dc, d);
      for (const [cc, cn, cf, ct] of communes) {
        const c = newLife('commune', pc, OPEN_START, oldest);
        c.versions.push({
          validFrom: OPEN_START,
          code: cc,
          name: cn,
          fullName: cf,
          type: ct,
          parentCode: dc,
          parent: d,
          event: null,
        });
        current.commune.set(cc, c);
      }
    }
  }

  const byInterval = new Map<number, typeof data.changes>();
  for (const c of data.changes) byInterval.set(c[0], [...(byInterval.get(c[0]) ?? []), c]);

  for (let i = 0; i + 1 < snapshots.length; i++) {
    const from = snapshots[i]!;
    const to = snapshots[i + 1]!;
    const step = (byInterval.get(i) ?? []).toSorted(
      (a, b) => PHASE[a[2]] - PHASE[b[2]] || LEVEL_ORDER[a[1]] - LEVEL_ORDER[b[1]],
    );
    const fresh: { life: Life; version: LifeVersion }[] = [];
    const recodedAway = new Map<string, Life>();
    const ending: {
      life: Life;
      event: HistoryEvent;
      successors: [string, number | null][] | null;
      probable: string[] | null;
    }[] = [];
    const absorbedBy = new Map<Life, Life[]>();
    /** Predecessors a continuing or new unit names that ended in this interval: absorbed into it. */
    const noteAbsorbed = (
      receiver: Life,
      links: readonly (string | readonly [string, number | null])[] | null,
    ) => {
      for (const p of links ?? []) {
        if (typeof p !== 'string') continue;
        const ended = ending.find(
          (e) => e.life.level === receiver.level && e.life.versions.at(-1)!.code === p,
        )?.life;
        if (ended) absorbedBy.set(receiver, [...(absorbedBy.get(receiver) ?? []), ended]);
      }
    };

    /** Date, window and basis of one change of a unit. */
    const when = (
      life: Life,
      level: HistoryLevel,
      stated: string | null,
      after: string,
      onOrBefore: string,
      basis: string | null,
    ) => {
      const fact =
        level === 'province'
          ? undefined
          : supplement.facts.find(
              (f) =>
                f.province === life.provinceCode && f.interval.after === from && f.interval.onOrBefore === to,
            );
      let date = stated ?? fact?.effectiveDate ?? onOrBefore;
      if (stated) stats.exactDates++;
      else if (fact) stats.supplemented++;
      const last = life.versions.at(-1)?.validFrom ?? life.validFrom;
      if (last !== OPEN_START && date <= last) {
        date = dayAfter(last);
        stats.clampedDates++;
      }
      const exact = !!stated || !!fact;
      return {
        effectiveDate: date,
        earliest: exact ? null : dayAfter(after) <= date ? dayAfter(after) : null,
        legalBasisText: basis ? basisText(basis) : (fact?.legalBasis ?? null),
      };
    };

    for (const [, level, kind, code, after, stated, wAfter, wBefore, basis, links, probable] of step) {
      const map = current[level];
      if (kind === 'disappeared' || kind === 'recodedAway') {
        const life = map.get(code);
        if (!life) throw new Error(`History interval ${from}…${to}: ${level} ${code} to end is not in force`);
        map.delete(code);
        if (kind === 'recodedAway') {
          recodedAway.set(code, life);
          continue;
        }
        const w = when(life, level, stated, wAfter, wBefore, basis);
        life.validTo = dayBefore(w.effectiveDate);
        stats.ended[level]++;
        const successors =
          links?.map((l) => (typeof l === 'string' ? ([l, null] as [string, number | null]) : l)) ?? null;
        ending.push({
          life,
          event: { kind: 'abolish', subject: life, ...w, links: [] },
          successors,
          probable,
        });
        continue;
      }
      const [name, fullName, type, parentCode] = after!;
      /** The unit as this record states it, from the change's date (its parent is resolved later). */
      const addVersion = (life: Life, validFrom: string, event: LifeVersion['event']) => {
        const v: LifeVersion = { validFrom, code, name, fullName, type, parentCode, parent: null, event };
        life.versions.push(v);
        fresh.push({ life, version: v });
      };
      if (kind === 'changed') {
        const life = map.get(code);
        if (!life)
          throw new Error(`History interval ${from}…${to}: ${level} ${code} to change is not in force`);
        const prev = life.versions.at(-1)!;
        noteAbsorbed(life, links);
        if (
          prev.name === name &&
          prev.fullName === fullName &&
          prev.type === type &&
          prev.parentCode === parentCode
        )
          continue;
        const w = when(life, level, stated, wAfter, wBefore, basis);
        const event = addEvent({
          kind: prev.parentCode !== parentCode ? 'transfer' : 'rename',
          subject: life,
          ...w,
          links: [{ from: life, to: life, weight: null }],
        });
        addVersion(life, w.effectiveDate, event);
        continue;
      }
      if (kind === 'recoded') {
        const was = (links ?? [])
          .map((l) => (typeof l === 'string' ? l : l[0]))
          .find((c) => recodedAway.has(c));
        const life = was === undefined ? undefined : recodedAway.get(was);
        if (!life || was === undefined)
          throw new Error(`History interval ${from}…${to}: ${level} ${code} re-coded from nothing`);
        recodedAway.delete(was);
        const w = when(life, level, stated, wAfter, wBefore, basis);
        const event = addEvent({
          kind: 'rename',
          subject: life,
          ...w,
          links: [{ from: life, to: life, weight: null }],
        });
        addVersion(life, w.effectiveDate, event);
        map.set(code, life);
        continue;
      }
      // appeared
      const parentLevel = PARENT_LEVEL[level];
      const provinceCode =
        parentLevel === null
          ? code
          : parentLevel === 'province'
            ? parentCode!
            : current.district.get(parentCode!)!.provinceCode;
      const probe: Life = {
        id: -1,
        level,
        provinceCode,
        versions: [],
        validFrom: OPEN_START,
        knownSince: null,
        validTo: null,
      };
      const w = when(probe, level, stated, wAfter, wBefore, basis);
      const life = newLife(level, provinceCode, w.effectiveDate, null);
      const event = addEvent({
        kind: 'establish',
        subject: life,
        ...w,
        links: [{ from: null, to: life, weight: null }],
      });
      addVersion(life, w.effectiveDate, event);
      map.set(code, life);
      noteAbsorbed(life, links);
    }
    if (recodedAway.size)
      throw new Error(
        `History interval ${from}…${to}: codes re-coded to nothing: ${[...recodedAway.keys()].join(', ')}`,
      );

    // Parents as they stood at the end of the interval.
    for (const { life, version: v } of fresh) {
      const parentLevel = PARENT_LEVEL[life.level];
      if (parentLevel && v.parentCode) {
        v.parent = current[parentLevel].get(v.parentCode) ?? null;
        if (!v.parent)
          throw new Error(`History interval ${from}…${to}: parent ${v.parentCode} of ${v.code} not in force`);
      }
    }

    // Units that ended: absorbed into the successors the source names (or that name them), else abolished.
    for (const { life, event, successors, probable } of ending) {
      const named = (successors ?? [])
        .map(([c, n]) => ({ life: current[life.level].get(c), communes: n }))
        .filter((s): s is { life: Life; communes: number | null } => !!s.life);
      for (const [receiver, preds] of absorbedBy)
        if (preds.includes(life) && !named.some((s) => s.life === receiver))
          named.push({ life: receiver, communes: null });
      if (named.length) {
        const counts = named.map((s) => s.communes);
        const total = counts.reduce<number>((a, n) => a + (n ?? 0), 0);
        const weights =
          named.length === 1
            ? [null]
            : counts.every((n) => n !== null && n > 0)
              ? shares(counts.map((n) => n! / total))
              : shares(named.map(() => 1 / named.length));
        event.kind = 'absorb';
        event.links = named.map((s, k) => ({ from: life, to: s.life, weight: weights[k]! }));
        addEvent(event);
        continue;
      }
      event.links = [{ from: life, to: null, weight: null }];
      addEvent(event);
      const last = life.versions.at(-1)!;
      const parent = last.parent?.versions.findLast((v) => v.validFrom <= life.validTo!) ?? null;
      const hints = (probable ?? [])
        .map((c) => current[life.level].get(c)?.versions.at(-1))
        .filter((v) => !!v)
        .map((v) => `${v.fullName} (mã ${v.code})`);
      const window = event.earliest
        ? `vào một ngày trong khoảng ${vnDate(event.earliest)} – ${vnDate(event.effectiveDate)}`
        : `từ ${vnDate(event.effectiveDate)}`;
      unresolved.push({
        event,
        predecessor: life,
        sourceText:
          `Chưa rõ đơn vị kế thừa ${last.fullName} (mã ${last.code}${parent ? `, ${parent.fullName}` : ''}): ` +
          `thôi tồn tại ${window}` +
          (hints.length
            ? `; có thể đã nhập vào ${hints.join(', ')} (suy đoán theo tên, chưa khẳng định)`
            : ''),
        sourceLine: `Danh mục đơn vị hành chính (GSO) ngày ${vnDate(from)} có, ngày ${vnDate(to)} không còn`,
      });
      stats.unresolved++;
    }
  }
  return { oldestSnapshot: oldest, lastState: snapshots.at(-1)!, lives, events, unresolved, stats };
}

/** Shares rounded to 6 decimals that add up to exactly 1 (the last takes the rest). */
function shares(raw: number[]): number[] {
  const rounded = raw.map((w) => Math.round(w * 1e6) / 1e6);
  const rest = rounded.slice(0, -1).reduce((a, w) => a + w, 0);
  rounded[rounded.length - 1] = Math.round((1 - rest) * 1e6) / 1e6;
  return rounded;
}
