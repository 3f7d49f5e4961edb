/**
 * Display conditions ("hiện khi …") for the builder: the editor's flat form of a condition (one list of comparisons
 * joined by all/any) and the sentence that says it, in Vietnamese or English, with the choices' and scale points'
 * labels rather than their codes. Pure, tested in ./conditions.test.ts.
 */
import type { Condition, ConditionOperator, LeafCondition, SurveyDefinition, SurveyItem } from '../api';
import { scaleOf } from './definition';

export type Lang = 'vi' | 'en';

/**
 * What the editor edits: comparisons joined by `all` or `any`. A condition nested deeper (written in a workbook)
 * is `nested`: shown as its sentence, kept as it is unless cleared.
 */
export type ConditionForm = { mode: 'all' | 'any'; leaves: LeafCondition[]; nested: boolean };

const isLeaf = (c: Condition): c is LeafCondition => 'item' in c;

export function formOf(cond: Condition | undefined): ConditionForm {
  if (!cond) return { mode: 'all', leaves: [], nested: false };
  if (isLeaf(cond)) return { mode: 'all', leaves: [cond], nested: false };
  const mode = 'all' in cond ? 'all' : 'any';
  const list = 'all' in cond ? cond.all : cond.any;
  return list.every(isLeaf)
    ? { mode, leaves: list, nested: false }
    : { mode, leaves: list.filter(isLeaf), nested: true };
}

/** The condition to store: none, one comparison, or the list joined by all/any. */
export function conditionOf(form: Pick<ConditionForm, 'mode' | 'leaves'>): Condition | undefined {
  if (form.leaves.length === 0) return undefined;
  if (form.leaves.length === 1) return form.leaves[0];
  return form.mode === 'all' ? { all: form.leaves } : { any: form.leaves };
}

/** The operators that make sense for a question of this kind. */
export function operatorsFor(item: SurveyItem | undefined): ConditionOperator[] {
  if (!item) return ['answered'];
  switch (item.kind) {
    case 'single':
    case 'multiple':
      return ['eq', 'neq', 'in', 'answered'];
    case 'likert5':
    case 'matrix':
    case 'number':
      return ['eq', 'neq', 'in', 'gte', 'lte', 'answered'];
    case 'text':
      return ['eq', 'neq', 'answered'];
  }
}

/** The values a comparison may take for a question: its choices, its scale's points, or free input (null). */
export function valueOptions(
  def: Pick<SurveyDefinition, 'scales'>,
  item: SurveyItem | undefined,
  lang: Lang,
  op: ConditionOperator,
): { value: string; label: string }[] | null {
  if (!item) return null;
  if (item.kind === 'single' || item.kind === 'multiple')
    return item.choices.map((c) => ({ value: c.code, label: labelIn(c.label, lang) || c.code }));
  if (item.kind === 'likert5' || item.kind === 'matrix') {
    const points = scaleOf(def, item) ?? [];
    const out = [1, 2, 3, 4, 5].map((v) => {
      const p = points.find((x) => x.value === v);
      return { value: String(v), label: p ? `${v} — ${labelIn(p.label, lang)}` : String(v) };
    });
    if (item.allowNa && op !== 'gte' && op !== 'lte')
      out.push({ value: 'na', label: labelIn(item.naLabel, lang) || NA[lang] });
    return out;
  }
  return null;
}

const NA: Record<Lang, string> = { vi: 'Không ý kiến', en: 'No opinion' };

/** A bilingual text in one language (English falls back to Vietnamese). */
export function labelIn(text: { vi: string; en: string } | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' && text.en.trim() ? text.en : text.vi;
}

/** A value typed or picked in the editor, as the definition stores it (scale points and numbers as numbers). */
export function storedValue(item: SurveyItem | undefined, raw: string): string | number {
  if (!item) return raw;
  if ((item.kind === 'likert5' || item.kind === 'matrix') && /^[1-5]$/.test(raw)) return Number(raw);
  if (item.kind === 'number') {
    const n = Number(raw.replace(/\./g, '').replace(',', '.'));
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  return raw;
}

const WORDS: Record<
  Lang,
  Record<ConditionOperator | 'answeredNot' | 'all' | 'any' | 'show' | 'row', string>
> = {
  vi: {
    eq: 'là',
    neq: 'không phải',
    in: 'là một trong',
    gte: 'từ',
    lte: 'đến',
    answered: 'đã được trả lời',
    answeredNot: 'chưa được trả lời',
    all: ' và ',
    any: ' hoặc ',
    show: 'Chỉ hiện khi',
    row: 'dòng',
  },
  en: {
    eq: 'is',
    neq: 'is not',
    in: 'is one of',
    gte: 'is at least',
    lte: 'is at most',
    answered: 'is answered',
    answeredNot: 'is not answered',
    all: ' and ',
    any: ' or ',
    show: 'Shown only when',
    row: 'row',
  },
};

/** A number the Vietnamese way (1.234,5) in both languages, as the app writes figures. */
const num = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

function valueText(
  def: Pick<SurveyDefinition, 'scales'>,
  item: SurveyItem | undefined,
  v: unknown,
  lang: Lang,
) {
  if (typeof v === 'number' && item?.kind === 'number') return num(v);
  const options = valueOptions(def, item, lang, 'eq');
  const hit = options?.find((o) => o.value === String(v));
  if (hit) return `“${hit.label}”`;
  if (typeof v === 'number') return num(v);
  return `“${String(v)}”`;
}

/** One comparison in words: "câu gioi_tinh là “Nữ”". */
export function leafText(
  def: Pick<SurveyDefinition, 'scales'> & { sections: { items: SurveyItem[] }[] },
  leaf: LeafCondition,
  lang: Lang,
): string {
  const w = WORDS[lang];
  const item = def.sections.flatMap((s) => s.items).find((it) => it.code === leaf.item);
  const rowText =
    leaf.row && item?.kind === 'matrix'
      ? ` (${w.row} ${labelIn(item.rows.find((r) => r.code === leaf.row)?.text, lang) || leaf.row})`
      : leaf.row
        ? ` (${w.row} ${leaf.row})`
        : '';
  const subject = `${lang === 'vi' ? 'câu' : 'question'} ${leaf.item}${rowText}`;
  if (leaf.op === 'answered') return `${subject} ${leaf.value === false ? w.answeredNot : w.answered}`;
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const shown = values.map((v) => valueText(def, item, v, lang));
  return `${subject} ${w[leaf.op]} ${shown.join(', ')}`;
}

/** The whole condition in words: "Chỉ hiện khi câu a là “Có” và câu b từ “4 — Hài lòng”". Empty when none. */
export function conditionText(
  def: Pick<SurveyDefinition, 'scales'> & { sections: { items: SurveyItem[] }[] },
  cond: Condition | undefined,
  lang: Lang,
): string {
  if (!cond) return '';
  return `${WORDS[lang].show} ${partText(def, cond, lang, true)}`;
}

function partText(
  def: Pick<SurveyDefinition, 'scales'> & { sections: { items: SurveyItem[] }[] },
  cond: Condition,
  lang: Lang,
  top: boolean,
): string {
  if (isLeaf(cond)) return leafText(def, cond, lang);
  const joiner = 'all' in cond ? WORDS[lang].all : WORDS[lang].any;
  const list = 'all' in cond ? cond.all : cond.any;
  const text = list.map((c) => partText(def, c, lang, false)).join(joiner);
  return top || list.length < 2 ? text : `(${text})`;
}

/**
 * Whether a comparison of the preview is met by the preview's answers (the respondent's view: hidden questions
 * follow the answers given in the preview). Mirrors the server's semantics (rules/answers.ts `evaluateCondition`):
 * an unanswered question meets no comparison; on a multiple choice `eq` means ticked.
 */
export function conditionMet(
  cond: Condition | undefined,
  answers: Readonly<Record<string, unknown>>,
): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => conditionMet(c, answers));
  if ('any' in cond) return cond.any.some((c) => conditionMet(c, answers));
  const raw = answers[cond.item];
  const v =
    cond.row !== undefined && raw && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)[cond.row]
      : raw;
  const present = v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  if (cond.op === 'answered') return cond.value === false ? !present : present;
  if (!present) return false;
  const list = Array.isArray(v) ? v : [v];
  const same = (a: unknown, b: unknown) => String(a) === String(b);
  switch (cond.op) {
    case 'eq':
      return list.some((x) => same(x, cond.value));
    case 'neq':
      return !list.some((x) => same(x, cond.value));
    case 'in': {
      const wanted = Array.isArray(cond.value) ? cond.value : [cond.value];
      return list.some((x) => wanted.some((w) => same(x, w)));
    }
    case 'gte':
    case 'lte': {
      const n = Number(v);
      const bound = Number(cond.value);
      if (v === 'na' || !Number.isFinite(n) || !Number.isFinite(bound)) return false;
      return cond.op === 'gte' ? n >= bound : n <= bound;
    }
  }
}
