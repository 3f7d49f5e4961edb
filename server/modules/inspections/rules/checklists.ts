/**
 * The shape of a checklist template (one content area's items, versioned) and of an inspection's custom items.
 * Pure. An item is `{ key, text: { vi, en }, guidance: { vi, en } }`: the key is stable across versions (a
 * finding names its item by key), the text is what the team checks, the guidance how to check it (which papers
 * to look at). Vietnamese is required, English too (the web is bilingual); guidance may be empty.
 */

export type Bilingual = { vi: string; en: string };
export type ChecklistItem = { key: string; text: Bilingual; guidance: Bilingual };
export type CustomItem = { key: string; text: Bilingual };

export const ITEM_KEY = /^[a-z][a-z0-9_]{1,59}$/;
export const MAX_ITEMS = 60;
export const MAX_TEXT = 1000;
export const MAX_GUIDANCE = 4000;
/** The area of an inspection's custom items (outside every template). */
export const CUSTOM_AREA = 'custom';

export type ChecklistProblem = {
  path: string;
  problem:
    | 'items_empty'
    | 'items_too_many'
    | 'key_format'
    | 'key_duplicate'
    | 'text_required'
    | 'text_too_long'
    | 'guidance_too_long';
  max?: number;
};

const str = (v: unknown): v is string => typeof v === 'string';

function textProblems(
  path: string,
  value: unknown,
  required: boolean,
  max: number,
  problems: ChecklistProblem[],
): void {
  const t = (value ?? {}) as Partial<Bilingual>;
  for (const lang of ['vi', 'en'] as const) {
    const v = t[lang];
    if (!str(v) || (required && !v.trim()))
      problems.push({ path: `${path}.${lang}`, problem: 'text_required' });
    else if (v.length > max)
      problems.push({
        path: `${path}.${lang}`,
        problem: path.endsWith('guidance') ? 'guidance_too_long' : 'text_too_long',
        max,
      });
  }
}

function keyProblems(
  items: readonly { key?: unknown }[],
  problems: ChecklistProblem[],
  taken = new Set<string>(),
) {
  items.forEach((item, i) => {
    const key = item?.key;
    if (!str(key) || !ITEM_KEY.test(key)) problems.push({ path: `items.${i}.key`, problem: 'key_format' });
    else if (taken.has(key)) problems.push({ path: `items.${i}.key`, problem: 'key_duplicate' });
    else taken.add(key);
  });
}

/** Problems of a template's items (empty: sound). Paths are `items.<i>.<field>[.<lang>]`. */
export function checklistProblems(items: readonly ChecklistItem[]): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (!Array.isArray(items) || items.length === 0) return [{ path: 'items', problem: 'items_empty' }];
  if (items.length > MAX_ITEMS) problems.push({ path: 'items', problem: 'items_too_many', max: MAX_ITEMS });
  keyProblems(items, problems);
  items.forEach((item, i) => {
    textProblems(`items.${i}.text`, item?.text, true, MAX_TEXT, problems);
    textProblems(`items.${i}.guidance`, item?.guidance, false, MAX_GUIDANCE, problems);
  });
  return problems;
}

/** Problems of an inspection's custom items (may be none). Paths are `customItems.<i>.<field>[.<lang>]`. */
export function customItemProblems(items: readonly CustomItem[]): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (items.length > MAX_ITEMS)
    problems.push({ path: 'customItems', problem: 'items_too_many', max: MAX_ITEMS });
  const inner: ChecklistProblem[] = [];
  keyProblems(items, inner);
  items.forEach((item, i) => textProblems(`items.${i}.text`, item?.text, true, MAX_TEXT, inner));
  return [...problems, ...inner.map((p) => ({ ...p, path: p.path.replace(/^items/, 'customItems') }))];
}

/**
 * The items of a new version that keep a key of the previous version but change what it asks are fine (a finding
 * names the version it was filled with); this lists the keys the new version drops, for the journal's note.
 */
export function droppedKeys(previous: readonly ChecklistItem[], next: readonly ChecklistItem[]): string[] {
  const kept = new Set(next.map((i) => i.key));
  return previous.map((i) => i.key).filter((k) => !kept.has(k));
}

/** A problem in English, for logs and for the error of a shipped template that is wrong. */
export function describeChecklist({ path, problem, max }: ChecklistProblem): string {
  const said: Record<ChecklistProblem['problem'], string> = {
    items_empty: 'has no items',
    items_too_many: `has more than ${max} items`,
    key_format: 'is not a key (lower-case letters, digits, underscores)',
    key_duplicate: 'repeats a key',
    text_required: 'is empty',
    text_too_long: `is longer than ${max} characters`,
    guidance_too_long: `is longer than ${max} characters`,
  };
  return `${path} ${said[problem]}`;
}
