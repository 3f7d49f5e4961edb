/**
 * Units with repeated shortcomings (tồn tại, hạn chế lặp lại): a unit whose inspection finds a shortcoming or a
 * violation in a content area where an earlier inspection of the same unit, at most three years before it, found
 * one too. Pure: the inspections with their findings in, the repeats out (each with the records behind it).
 */
import type { IsoDate } from '../../calendar/index.js';

export const REPEAT_WINDOW_YEARS = 3;

/** Results that count as a shortcoming. */
export const SHORTCOMING_RESULTS: readonly string[] = ['shortcoming', 'violation'];

export type InspectedFacts = {
  id: string;
  unitId: string;
  /** The day it was conducted (or concluded). */
  on: IsoDate;
  findings: readonly { id: string; area: string; result: string | null }[];
};

export type Repeat = {
  unitId: string;
  area: string;
  /** The later inspection (the one in the period asked about) and the earlier one(s) it repeats. */
  inspectionId: string;
  earlierInspectionIds: string[];
  /** The shortcoming and violation findings of the area in all of them. */
  findingIds: string[];
};

/** The day `years` years after an ISO date (29/2 → 28/2 when the target year has none). */
export function yearsAfter(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const badAreas = (i: InspectedFacts): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const f of i.findings)
    if (f.result && SHORTCOMING_RESULTS.includes(f.result))
      out.set(f.area, [...(out.get(f.area) ?? []), f.id]);
  return out;
};

/**
 * The repeats whose later inspection was conducted within [from, to]: for each such inspection and each area
 * with a shortcoming or violation, the earlier inspections of the same unit, on or after the day three years
 * before it and before it, that also had one in that area. Sorted by unit, area, later inspection.
 */
export function repeatedShortcomings(
  inspections: readonly InspectedFacts[],
  period: { from: IsoDate; to: IsoDate },
  windowYears = REPEAT_WINDOW_YEARS,
): Repeat[] {
  const byUnit = new Map<string, InspectedFacts[]>();
  for (const i of inspections) byUnit.set(i.unitId, [...(byUnit.get(i.unitId) ?? []), i]);
  const out: Repeat[] = [];
  for (const [unitId, list] of byUnit) {
    const sorted = [...list].sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
    const bad = new Map(sorted.map((i) => [i.id, badAreas(i)]));
    sorted.forEach((later, index) => {
      if (later.on < period.from || later.on > period.to) return;
      for (const [area, findingIds] of bad.get(later.id)!) {
        const earlier = sorted
          .slice(0, index)
          .filter(
            (e) => e.on < later.on && yearsAfter(e.on, windowYears) >= later.on && bad.get(e.id)!.has(area),
          );
        if (!earlier.length) continue;
        out.push({
          unitId,
          area,
          inspectionId: later.id,
          earlierInspectionIds: earlier.map((e) => e.id),
          findingIds: [...earlier.flatMap((e) => bad.get(e.id)!.get(area)!), ...findingIds],
        });
      }
    });
  }
  return out.sort(
    (a, b) =>
      a.unitId.localeCompare(b.unitId) ||
      a.area.localeCompare(b.area) ||
      a.inspectionId.localeCompare(b.inspectionId),
  );
}
