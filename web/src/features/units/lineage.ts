/** Pure helpers of the units feature: the tree of units in force, dates, and merging restated shares. */
import { sortVi } from '../../lib/format';
import type { Share, UnitAsOf } from './api';

/** Order of kinds under a parent: agencies first, then territorial units. */
const KIND_ORDER: Record<string, number> = {
  province: 0,
  department: 1,
  management_board: 2,
  party_body: 3,
  mass_organisation: 4,
  other: 5,
  district: 6,
  commune: 7,
};

export type UnitTree = {
  roots: UnitAsOf[];
  children: Map<string, UnitAsOf[]>;
  byId: Map<string, UnitAsOf>;
};

/**
 * Builds the tree of a flat list of units: top-level = units whose parent is not in the list. Children
 * are grouped by kind (agencies, then districts, then communes) and sorted in Vietnamese order.
 */
export function buildTree(units: readonly UnitAsOf[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, UnitAsOf[]>();
  const roots: UnitAsOf[] = [];
  for (const u of units) {
    if (u.parentId && byId.has(u.parentId) && u.parentId !== u.id) {
      const list = children.get(u.parentId);
      if (list) list.push(u);
      else children.set(u.parentId, [u]);
    } else roots.push(u);
  }
  const order = (list: UnitAsOf[]) => {
    const sorted = sortVi(list, (u) => u.fullName);
    return sorted.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9));
  };
  for (const [id, list] of children) children.set(id, order(list));
  return { roots: order(roots), children, byId };
}

/** The number of units below `id` (all levels). */
export function descendantCount(tree: UnitTree, id: string): number {
  let n = 0;
  const stack = [...(tree.children.get(id) ?? [])];
  while (stack.length) {
    const u = stack.pop()!;
    n += 1;
    stack.push(...(tree.children.get(u.id) ?? []));
  }
  return n;
}

/** `YYYY-MM-DD` of the day before (UTC arithmetic on calendar dates). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD date (the first day of the units that continue an ended one). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export type Heir = { unit: UnitAsOf; from: { unit: UnitAsOf; weight: number }[] };

/**
 * Merges the restated shares of several old units (e.g. a district's communes) into the list of current
 * units that continue them: each heir once, with the old units it continues and the share of each it
 * carries. Shares pointing back at the old unit itself (no successor recorded) are left out.
 */
export function mergeHeirs(parts: readonly { source: UnitAsOf; shares: readonly Share[] }[]): Heir[] {
  const heirs = new Map<string, Heir>();
  for (const { source, shares } of parts) {
    for (const s of shares) {
      if (!s.unit || s.unitId === source.id) continue;
      const h = heirs.get(s.unitId) ?? { unit: s.unit, from: [] };
      heirs.set(s.unitId, h);
      const known = h.from.find((f) => f.unit.id === source.id);
      if (known) known.weight += s.weight;
      else h.from.push({ unit: source, weight: s.weight });
    }
  }
  return sortVi([...heirs.values()], (h) => h.unit.fullName);
}
