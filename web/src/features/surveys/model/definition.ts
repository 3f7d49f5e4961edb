/**
 * The questionnaire builder's operations on a definition: pure, tested in ./definition.test.ts. The editor works on
 * a draft (the definition with a stable `uid` on each section and item, for React keys and for placing the server's
 * problems on the rows they name) and sends the definition back without them. The server checks the result
 * (`checkDefinition`): these operations keep the draft well-formed but do not re-implement its checks.
 */
import type { Choice, Condition, ItemKind, ScalePoint, Section, SurveyDefinition, SurveyItem } from '../api';

export type DraftItem = SurveyItem & { uid: string };
export type DraftSection = Omit<Section, 'items'> & { uid: string; items: DraftItem[] };
export type Draft = Omit<SurveyDefinition, 'sections'> & { sections: DraftSection[] };

/** Where an item sits: its section's index and its own. */
export type Place = { s: number; i: number };

let counter = 0;
/** A key for the page's life (not sent). */
export const newUid = () => `u${(counter += 1)}`;

const empty = () => ({ vi: '', en: '' });

/** The satisfaction scale of the SIPAS form, for a new rated question when the survey declares no scale. */
export const DEFAULT_SCALE: ScalePoint[] = [
  { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
  { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
  { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
  { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
];

export function draftFrom(def: SurveyDefinition): Draft {
  return {
    ...structuredClone(def),
    sections: (def.sections ?? []).map((s) => ({
      ...structuredClone(s),
      uid: newUid(),
      items: (s.items ?? []).map((it) => ({ ...structuredClone(it), uid: newUid() }) as DraftItem),
    })),
  };
}

/** The definition to send: the draft without its keys. */
export function toDefinition(draft: Draft): SurveyDefinition {
  return {
    ...draft,
    sections: draft.sections.map(({ uid: _s, items, ...section }) => ({
      ...section,
      items: items.map(({ uid: _i, ...item }) => item as SurveyItem),
    })),
  };
}

/** Every item in document order, with its place. */
export function flatItems(draft: Draft): (Place & { item: DraftItem })[] {
  return draft.sections.flatMap((section, s) => section.items.map((item, i) => ({ s, i, item })));
}

/** Every code in use: sections', items' and matrix rows'. */
export function usedCodes(draft: Draft): Set<string> {
  const out = new Set<string>();
  for (const section of draft.sections) {
    out.add(section.code);
    for (const item of section.items) {
      out.add(item.code);
      if (item.kind === 'matrix') for (const r of item.rows) out.add(r.code);
    }
  }
  return out;
}

/** The first `prefix_N` not in use (codes must be unique across the definition). */
export function uniqueCode(draft: Draft, prefix: string): string {
  const used = usedCodes(draft);
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** The scale a new rated question uses: the survey's first declared scale, else the satisfaction scale inline. */
function defaultScale(draft: Draft): string | ScalePoint[] {
  const named = Object.keys(draft.scales ?? {})[0];
  return named ?? structuredClone(DEFAULT_SCALE);
}

const twoChoices = (): Choice[] => [
  { code: '1', label: empty() },
  { code: '2', label: empty() },
];

/** A new question of a kind, with an unused code and what the kind needs to be answerable. */
export function newItem(draft: Draft, kind: ItemKind): DraftItem {
  const code = uniqueCode(draft, 'cau');
  const base = { uid: newUid(), code, text: empty(), required: false };
  switch (kind) {
    case 'single':
    case 'multiple':
      return { ...base, kind, choices: twoChoices() };
    case 'likert5':
      return { ...base, kind, scale: defaultScale(draft) };
    case 'matrix':
      return { ...base, kind, scale: defaultScale(draft), rows: [{ code: `${code}.1`, text: empty() }] };
    case 'number':
      return { ...base, kind, integer: true };
    case 'text':
      return { ...base, kind, maxLength: 500, multiline: true };
  }
}

/**
 * The same question as another kind: its code, wording, help, required flag, condition and tags are kept; choices
 * pass between single and multiple, the scale between likert5 and matrix; the rest is the new kind's default.
 */
export function changeKind(draft: Draft, item: DraftItem, kind: ItemKind): DraftItem {
  if (item.kind === kind) return item;
  const fresh = newItem(draft, kind);
  const keep = {
    uid: item.uid,
    code: item.code,
    text: item.text,
    required: item.required ?? false,
    ...(item.help ? { help: item.help } : {}),
    ...(item.showIf ? { showIf: item.showIf } : {}),
    ...(item.element ? { element: item.element } : {}),
    ...(item.indexKey ? { indexKey: item.indexKey } : {}),
  };
  if (fresh.kind === 'matrix') fresh.rows = [{ code: `${item.code}.1`, text: empty() }];
  if ((fresh.kind === 'single' || fresh.kind === 'multiple') && 'choices' in item)
    fresh.choices = structuredClone(item.choices);
  if ((fresh.kind === 'likert5' || fresh.kind === 'matrix') && 'scale' in item) {
    fresh.scale = structuredClone(item.scale);
    if (item.allowNa) fresh.allowNa = true;
  }
  const { uid: _u, code: _c, text: _t, required: _r, ...specific } = fresh;
  return { ...keep, ...specific } as DraftItem;
}

const withSections = (draft: Draft, sections: DraftSection[]): Draft => ({ ...draft, sections });

export function addSection(draft: Draft, at: number = draft.sections.length): Draft {
  const section: DraftSection = { uid: newUid(), code: uniqueCode(draft, 'phan'), title: empty(), items: [] };
  const sections = [...draft.sections];
  sections.splice(at, 0, section);
  return withSections(draft, sections);
}

export function updateSection(
  draft: Draft,
  s: number,
  patch: Partial<Omit<DraftSection, 'uid' | 'items'>>,
): Draft {
  return withSections(
    draft,
    draft.sections.map((x, k) => (k === s ? { ...x, ...patch } : x)),
  );
}

export function removeSection(draft: Draft, s: number): Draft {
  return withSections(
    draft,
    draft.sections.filter((_, k) => k !== s),
  );
}

/** Moves a section up (-1) or down (+1); out of bounds: unchanged. */
export function moveSection(draft: Draft, s: number, dir: -1 | 1): Draft {
  const to = s + dir;
  if (to < 0 || to >= draft.sections.length) return draft;
  const sections = [...draft.sections];
  [sections[s], sections[to]] = [sections[to]!, sections[s]!];
  return withSections(draft, sections);
}

export function addItem(draft: Draft, s: number, kind: ItemKind, at?: number): Draft {
  const item = newItem(draft, kind);
  return withSections(
    draft,
    draft.sections.map((x, k) => {
      if (k !== s) return x;
      const items = [...x.items];
      items.splice(at ?? items.length, 0, item);
      return { ...x, items };
    }),
  );
}

export function updateItem(draft: Draft, { s, i }: Place, next: DraftItem): Draft {
  return withSections(
    draft,
    draft.sections.map((x, k) =>
      k === s ? { ...x, items: x.items.map((it, j) => (j === i ? next : it)) } : x,
    ),
  );
}

export function removeItem(draft: Draft, { s, i }: Place): Draft {
  return withSections(
    draft,
    draft.sections.map((x, k) => (k === s ? { ...x, items: x.items.filter((_, j) => j !== i) } : x)),
  );
}

/**
 * Moves a question up (-1) or down (+1) in document order: past the first or last of its section it goes to the end
 * of the previous section or the start of the next. Out of bounds: unchanged.
 */
export function moveItem(draft: Draft, { s, i }: Place, dir: -1 | 1): Draft {
  const section = draft.sections[s];
  const item = section?.items[i];
  if (!section || !item) return draft;
  const sections = draft.sections.map((x) => ({ ...x, items: [...x.items] }));
  const to = i + dir;
  if (to >= 0 && to < section.items.length) {
    const items = sections[s]!.items;
    [items[i], items[to]] = [items[to]!, items[i]!];
    return withSections(draft, sections);
  }
  const target = s + dir;
  if (target < 0 || target >= sections.length) return draft;
  sections[s]!.items.splice(i, 1);
  if (dir < 0) sections[target]!.items.push(item);
  else sections[target]!.items.unshift(item);
  return withSections(draft, sections);
}

/** The item codes a condition refers to (leaves of every `all`/`any`). */
export function conditionRefs(cond: Condition | undefined): string[] {
  if (!cond) return [];
  if ('all' in cond) return cond.all.flatMap(conditionRefs);
  if ('any' in cond) return cond.any.flatMap(conditionRefs);
  return [cond.item];
}

/** The questions whose display condition refers to `code` (asked about before it is removed). */
export function dependentsOf(draft: Draft, code: string): DraftItem[] {
  return flatItems(draft)
    .map((x) => x.item)
    .filter((it) => conditionRefs(it.showIf).includes(code));
}

function renameInCondition(cond: Condition, from: string, to: string): Condition {
  if ('all' in cond) return { all: cond.all.map((c) => renameInCondition(c, from, to)) };
  if ('any' in cond) return { any: cond.any.map((c) => renameInCondition(c, from, to)) };
  return cond.item === from ? { ...cond, item: to } : cond;
}

/** A question's code changed: the conditions that named the old code name the new one. */
export function renameCode(draft: Draft, place: Place, to: string): Draft {
  const item = draft.sections[place.s]?.items[place.i];
  if (!item || item.code === to) return draft;
  const from = item.code;
  const renamed = updateItem(draft, place, { ...item, code: to });
  return withSections(
    renamed,
    renamed.sections.map((x) => ({
      ...x,
      items: x.items.map((it) =>
        it.showIf && conditionRefs(it.showIf).includes(from)
          ? { ...it, showIf: renameInCondition(it.showIf, from, to) }
          : it,
      ),
    })),
  );
}

/** The questions before a place, in document order (a condition may only look back). */
export function earlierItems(draft: Draft, { s, i }: Place): DraftItem[] {
  return flatItems(draft)
    .filter((x) => x.s < s || (x.s === s && x.i < i))
    .map((x) => x.item);
}

/** The points of an item's scale (named or inline), null when it names none. */
export function scaleOf(draft: Pick<SurveyDefinition, 'scales'>, item: SurveyItem): ScalePoint[] | null {
  if (item.kind !== 'likert5' && item.kind !== 'matrix') return null;
  const points = typeof item.scale === 'string' ? draft.scales?.[item.scale] : item.scale;
  return Array.isArray(points) && points.length === 5 ? points : null;
}

/** Counts for the builder's header. */
export function countsOf(draft: Draft): { sections: number; items: number; required: number } {
  const items = flatItems(draft);
  return {
    sections: draft.sections.length,
    items: items.length,
    required: items.filter((x) => x.item.required).length,
  };
}
