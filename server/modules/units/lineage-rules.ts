/**
 * Pure rules of unit lineage: which shapes each event kind takes, how successor shares are derived, and
 * how facts of a historical unit are restated onto later units (and back). No I/O.
 */
export const EVENT_KINDS = [
  'establish',
  'rename',
  'merge',
  'split',
  'transfer',
  'absorb',
  'abolish',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type Shape = { from: number; to: number };

/** Allowed number of predecessors (`from`) and successors (`to`) per kind; `Infinity` = any number ≥ min. */
const SHAPES: Record<
  EventKind,
  { from: [number, number]; to: [number, number]; rule: { vi: string; en: string } }
> = {
  establish: {
    from: [0, 0],
    to: [1, 1],
    rule: { vi: 'đúng một đơn vị mới và không có tiền thân', en: 'exactly one new unit and no predecessor' },
  },
  rename: {
    from: [1, 1],
    to: [0, 0],
    rule: { vi: 'đúng một đơn vị và tên mới', en: 'exactly one unit and its new name' },
  },
  transfer: {
    from: [1, 1],
    to: [0, 0],
    rule: { vi: 'đúng một đơn vị và đơn vị cấp trên mới', en: 'exactly one unit and its new parent' },
  },
  merge: {
    from: [2, Infinity],
    to: [1, 1],
    rule: {
      vi: 'ít nhất hai đơn vị tiền thân và đúng một đơn vị kế thừa',
      en: 'at least two predecessors and exactly one successor',
    },
  },
  absorb: {
    from: [1, Infinity],
    to: [1, 1],
    rule: {
      vi: 'ít nhất một đơn vị nhập vào và đúng một đơn vị tiếp nhận đang hoạt động',
      en: 'at least one absorbed unit and exactly one existing receiving unit',
    },
  },
  split: {
    from: [1, 1],
    to: [2, Infinity],
    rule: {
      vi: 'đúng một đơn vị bị chia và ít nhất hai đơn vị kế thừa',
      en: 'exactly one unit split and at least two successors',
    },
  },
  abolish: {
    from: [1, Infinity],
    to: [0, 0],
    rule: { vi: 'ít nhất một đơn vị và không có đơn vị kế thừa', en: 'at least one unit and no successor' },
  },
};

/** Null when the counts fit the kind; otherwise the rule (vi, en) that was broken. */
export function shapeProblem(kind: EventKind, shape: Shape): { vi: string; en: string } | null {
  const s = SHAPES[kind];
  const ok = shape.from >= s.from[0] && shape.from <= s.from[1] && shape.to >= s.to[0] && shape.to <= s.to[1];
  return ok ? null : s.rule;
}

/** Whether the event ends its predecessors (the day before the effective date). */
export function endsPredecessors(kind: EventKind): boolean {
  return kind === 'merge' || kind === 'absorb' || kind === 'split' || kind === 'abolish';
}

/**
 * Successor shares: given weights must add up to 1 (within 0.0005); when none is given, a split shares
 * equally and every other kind passes the whole (1). Returns null when given weights do not add up.
 */
export function successorShares(kind: EventKind, weights: (number | null | undefined)[]): number[] | null {
  if (weights.length === 0) return [];
  const given = weights.filter((w): w is number => typeof w === 'number');
  if (given.length === 0) return weights.map(() => (kind === 'split' ? 1 / weights.length : 1));
  if (given.length !== weights.length) return null;
  const sum = given.reduce((a, b) => a + b, 0);
  if (kind !== 'split' && weights.length === 1) return Math.abs(sum - 1) < 0.0005 ? given : null;
  return Math.abs(sum - 1) < 0.0005 ? given : null;
}

export type Link = {
  eventId: string;
  kind: EventKind;
  date: string;
  predecessorId: string;
  successorId: string;
  /** Stored weight; null = derived by `successorShares` over the event's links. */
  weight: number | null;
};

/** The share of each link: its own weight, or for a split without weights, 1 / number of successors. */
export function linkShares(links: readonly Link[]): Map<Link, number> {
  const byEventAndPred = new Map<string, Link[]>();
  for (const l of links) {
    const key = `${l.eventId}|${l.predecessorId}`;
    byEventAndPred.set(key, [...(byEventAndPred.get(key) ?? []), l]);
  }
  const out = new Map<Link, number>();
  for (const group of byEventAndPred.values()) {
    for (const l of group) out.set(l, l.weight ?? (l.kind === 'split' ? 1 / group.length : 1));
  }
  return out;
}

export type Share = { unitId: string; weight: number };

/**
 * Restates a historical unit onto the units that carry its facts on `to` (a later date): follows successor
 * links with effective dates after `from` and up to `to`, multiplying shares along the way. A unit with no
 * further link on the way is its own carrier (it may still be in force, or it was abolished: then it
 * carries its facts alone and the caller sees it is no longer valid).
 */
export function restateForward(unitId: string, from: string, to: string, links: readonly Link[]): Share[] {
  return forwardRestater(from, to, links)(unitId);
}

/**
 * The reverse: the units of an earlier date `to` whose facts (in the given shares) make up today's unit.
 * For a merge each predecessor contributes its whole; for a split, its share.
 */
export function restateBackward(unitId: string, from: string, to: string, links: readonly Link[]): Share[] {
  return backwardRestater(from, to, links)(unitId);
}

/**
 * `restateForward` for many units over the same links and dates: the shares and the links by unit are
 * worked out once. The links must include, for every unit the walk can reach, all of its links (a split's
 * share without weights is 1 / its links of the event).
 */
export function forwardRestater(
  from: string,
  to: string,
  links: readonly Link[],
): (unitId: string) => Share[] {
  const shares = linkShares(links);
  const outgoing = new Map<string, Link[]>();
  for (const l of links) {
    if (l.date <= from || l.date > to) continue;
    outgoing.set(l.predecessorId, [...(outgoing.get(l.predecessorId) ?? []), l]);
  }
  return (unitId) => {
    const result = new Map<string, number>();
    const walk = (id: string, weight: number, depth: number) => {
      const next = outgoing.get(id);
      if (!next?.length || depth > 50) {
        result.set(id, (result.get(id) ?? 0) + weight);
        return;
      }
      for (const l of next) walk(l.successorId, weight * shares.get(l)!, depth + 1);
    };
    walk(unitId, 1, 0);
    return [...result].map(([id, weight]) => ({ unitId: id, weight: round(weight) }));
  };
}

/** `restateBackward` for many units over the same links and dates (see `forwardRestater`). */
export function backwardRestater(
  from: string,
  to: string,
  links: readonly Link[],
): (unitId: string) => Share[] {
  const shares = linkShares(links);
  const incoming = new Map<string, Link[]>();
  for (const l of links) {
    if (l.date <= to || l.date > from) continue;
    incoming.set(l.successorId, [...(incoming.get(l.successorId) ?? []), l]);
  }
  return (unitId) => {
    const result = new Map<string, number>();
    const walk = (id: string, weight: number, depth: number) => {
      const prev = incoming.get(id);
      if (!prev?.length || depth > 50) {
        result.set(id, (result.get(id) ?? 0) + weight);
        return;
      }
      // A unit that absorbed others existed before too: it also carries its own earlier facts.
      if (prev.some((l) => l.kind === 'absorb')) result.set(id, (result.get(id) ?? 0) + weight);
      for (const l of prev) walk(l.predecessorId, weight * shares.get(l)!, depth + 1);
    };
    walk(unitId, 1, 0);
    return [...result].map(([id, weight]) => ({ unitId: id, weight: round(weight) }));
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The day before a YYYY-MM-DD date (the last day of the units an event ends). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Validity ranges [from, to] (to null = open) overlap. */
export function overlaps(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || aFrom <= bTo) && (aTo === null || bFrom <= aTo);
}
