/**
 * The assessment page's view of the framework and the caller's part in it. Pure (no React, no requests): which
 * items there are and where they sit, which the caller may score in which round (from the server's `abilities`,
 * `windows` and `appraiseFields` — never the rules themselves), which columns the stage shows, and what is left
 * to do. Tested in `model.test.ts`.
 */
import type { Assessment, Criterion, Score, Tree } from './api';

/** The smallest fraction of a point when an item names none (the provinces' sets score in quarter points). */
export const DEFAULT_STEP = 0.25;

type Text = { vi: string; en: string };

/** A scored item (a sub-criterion, a criterion without any, a bonus or a penalty item) with where it sits. */
export type PlacedItem = {
  code: string;
  name: Text;
  maxPoints: number;
  method: 'self' | 'computed' | 'survey';
  step: number;
  guidance: Text | null;
  evidence: Text | null;
  /** false: the point value is this installation's assumption, not the published set's. */
  confirmed: boolean;
  kind: 'scored' | 'bonus' | 'penalty';
  /** The field ("3") of a scored item; null for bonus and penalty items. */
  fieldCode: string | null;
};

const hasText = (t: Text | undefined | null): t is Text => !!t && !!(t.vi || t.en);

/** The items a criterion is scored by: its sub-criteria, or itself when it has none. */
export function criterionItems(c: Criterion, fieldCode: string): PlacedItem[] {
  const own = c.subs.length === 0 ? [{ ...c, method: c.method ?? 'self' }] : c.subs;
  return own.map((i) => ({
    code: i.code,
    name: i.name,
    maxPoints: i.maxPoints,
    method: i.method ?? 'self',
    step: i.step ?? DEFAULT_STEP,
    guidance: hasText(i.guidance) ? i.guidance : null,
    evidence: hasText(i.evidence) ? i.evidence : null,
    confirmed: i.confirmed !== false,
    kind: 'scored',
    fieldCode,
  }));
}

/** The bonus or penalty items, as items (their cap is their maximum; the unit scores them like its own). */
export function adjustmentItems(tree: Tree, kind: 'bonus' | 'penalty'): PlacedItem[] {
  return tree[kind].map((i) => ({
    code: i.code,
    name: i.name,
    maxPoints: i.cap,
    method: 'self',
    step: i.step ?? DEFAULT_STEP,
    guidance: hasText(i.guidance) ? i.guidance : null,
    evidence: hasText(i.evidence) ? i.evidence : null,
    confirmed: true,
    kind,
    fieldCode: null,
  }));
}

/** Every item of the framework in document order: the fields' items, then bonus, then penalty. */
export function allItems(tree: Tree): PlacedItem[] {
  return [
    ...tree.fields.flatMap((f) => f.criteria.flatMap((c) => criterionItems(c, f.code))),
    ...adjustmentItems(tree, 'bonus'),
    ...adjustmentItems(tree, 'penalty'),
  ];
}

/** The appraisal round the caller may enter now (the server's windows and abilities), or null. */
export function openRound(a: Assessment): 1 | 2 | null {
  if (!a.abilities.appraise) return null;
  if (a.windows.round1) return 1;
  if (a.windows.round2) return 2;
  return null;
}

/** May the caller appraise this item now (its field given to them; bonus and penalty: anyone with a field)? */
export function canAppraise(a: Assessment, item: PlacedItem, round: 1 | 2): boolean {
  if (openRound(a) !== round) return false;
  return item.fieldCode === null ? a.appraiseFields.length > 0 : a.appraiseFields.includes(item.fieldCode);
}

/** May the unit score this item itself now (its own items only: not computed, not the survey)? */
export const canScoreSelf = (a: Assessment, item: PlacedItem): boolean =>
  a.abilities.score && item.method === 'self';

/** May the unit explain this item now (a score the council changed in round 1)? */
export const canExplain = (a: Assessment, score: Score | undefined): boolean =>
  a.abilities.explain && !!score?.contested;

/**
 * The points a round's score is compared with (a different one needs a reason): round 1 — the unit's own (its self
 * score, or the computed value); round 2 — round 1 (or the self score).
 */
export function earlierPoints(score: Score | undefined, round: 1 | 2): number | null {
  if (!score) return null;
  return round === 1 ? (score.self ?? score.computed) : (score.round1 ?? score.self);
}

/** Two points are the same score (within rounding). */
export const samePoints = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Does a round's score need a reason: it differs from the earlier one, or there was none. */
export function reasonNeeded(points: number | null, earlier: number | null): boolean {
  if (points === null) return false;
  return earlier === null || !samePoints(points, earlier);
}

const STAGE_ORDER = [
  'preparing',
  'self_assessment',
  'appraisal_1',
  'explanation',
  'appraisal_2',
  'finalised',
  'published',
] as const;
const reached = (a: Assessment, stage: (typeof STAGE_ORDER)[number]) =>
  STAGE_ORDER.indexOf(a.campaign.stage) >= STAGE_ORDER.indexOf(stage);

/** The columns the stage shows beside the self score: round 1, the explanation, round 2. */
export function visibleColumns(a: Assessment): { round1: boolean; explanation: boolean; round2: boolean } {
  const round1 = a.totals.round1 !== null || a.windows.round1;
  const round2 = a.totals.round2 !== null || a.windows.round2;
  return {
    round1,
    explanation: round1 && (a.windows.explanation || reached(a, 'explanation')),
    round2,
  };
}

/** What the caller has left to do on an item now (to score, to appraise, to explain), if anything. */
export function todo(a: Assessment, item: PlacedItem, score: Score | undefined): boolean {
  if (canScoreSelf(a, item)) return score?.self == null;
  const round = openRound(a);
  if (round && canAppraise(a, item, round)) return (round === 1 ? score?.round1 : score?.round2) == null;
  if (canExplain(a, score)) return !score?.explanation;
  return false;
}

/** The caller's progress: what they work on now and how much of it is done (null: nothing to do). */
export function progressOf(
  a: Assessment,
  items: readonly PlacedItem[],
  scores: ReadonlyMap<string, Score>,
): { kind: 'self' | 'round1' | 'round2' | 'explain'; done: number; total: number } | null {
  const mine = (pick: (i: PlacedItem) => boolean) => items.filter(pick);
  if (a.abilities.score) {
    // As the units' list counts: the unit's own scored items (bonus and penalty are extra).
    const own = mine((i) => i.kind === 'scored' && i.method === 'self');
    return {
      kind: 'self',
      total: own.length,
      done: own.filter((i) => scores.get(i.code)?.self != null).length,
    };
  }
  const round = openRound(a);
  if (round) {
    const own = mine((i) => i.kind === 'scored' && canAppraise(a, i, round));
    const value = (i: PlacedItem) => (round === 1 ? scores.get(i.code)?.round1 : scores.get(i.code)?.round2);
    return {
      kind: round === 1 ? 'round1' : 'round2',
      total: own.length,
      done: own.filter((i) => value(i) != null).length,
    };
  }
  if (a.abilities.explain) {
    const own = mine((i) => !!scores.get(i.code)?.contested);
    return {
      kind: 'explain',
      total: own.length,
      done: own.filter((i) => !!scores.get(i.code)?.explanation).length,
    };
  }
  return null;
}

/** The self-scored items of the unit still without a score (said before submitting). */
export function unscoredSelf(items: readonly PlacedItem[], scores: ReadonlyMap<string, Score>): number {
  return items.filter((i) => i.kind === 'scored' && i.method === 'self' && scores.get(i.code)?.self == null)
    .length;
}

/** The totals as the stage reached counts them: round 2, else round 1, else the self score. */
export const latestTotals = (a: Assessment) => a.totals.round2 ?? a.totals.round1 ?? a.totals.self;

/** A chidao page's record named in a pasted address ("https://…/plans/<id>", "/inspections/<id>") or a bare id. */
export type PastedRecord = { kind: 'plan' | 'report' | 'inspection' | 'document' | null; id: string };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATHS: readonly [NonNullable<PastedRecord['kind']>, RegExp][] = [
  ['plan', new RegExp(`/plans/(${UUID})(?:[/?#]|$)`, 'i')],
  ['report', new RegExp(`/reports/(${UUID})(?:[/?#]|$)`, 'i')],
  ['inspection', new RegExp(`/inspections/(${UUID})(?:[/?#]|$)`, 'i')],
  ['document', new RegExp(`/documents/(${UUID})(?:[/?#]|$)`, 'i')],
];

export function pastedRecord(text: string): PastedRecord | null {
  const s = text.trim();
  for (const [kind, re] of PATHS) {
    const m = re.exec(s);
    if (m) return { kind, id: m[1]!.toLowerCase() };
  }
  const bare = new RegExp(`^${UUID}$`, 'i').exec(s);
  return bare ? { kind: null, id: s.toLowerCase() } : null;
}

/** An address on the web (http or https). */
export function isWebAddress(text: string): boolean {
  try {
    const u = new URL(text.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
