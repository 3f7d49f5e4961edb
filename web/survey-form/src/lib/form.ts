/**
 * The form's logic, pure: which questions and parts are shown for the answers given so far, what is sent, and
 * what is missing or wrong in a part before moving on.
 *
 * The decisions are the server's own rules (server/modules/surveys/rules/answers.ts, dependency-free, a few KB):
 * `evaluateCondition` for `showIf`, and `normaliseAnswers` for the checks. So the page hides exactly what the
 * server will treat as hidden, and refuses exactly what it would refuse — in the same words — before the
 * respondent sends anything; the server still checks everything again.
 *
 * A draft keeps what the controls hold: a choice code, choice codes, a scale point or 'na', rows → points, the
 * text typed in a number box (so "2," can be typed on the way to "2,5"), or text.
 */
import {
  evaluateCondition,
  normaliseAnswers,
  type AnswerValue,
} from '../../../../server/modules/surveys/rules/answers';
import type {
  Choice,
  MultipleItem,
  ScaleAnswer,
  Section,
  SurveyDefinition,
  SurveyItem,
} from '../../../../server/modules/surveys/rules/definition';
import type { Bilingual } from './i18n';

export type DraftValue = string | string[] | ScaleAnswer | Record<string, ScaleAnswer>;
export type DraftAnswers = Record<string, DraftValue>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nothing answered: the rules' "empty is unanswered" (null, blanks, [], {} or a matrix without a point). */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.values(value).every((v) => v === null || v === undefined))
  );
}

/**
 * A number as people type it here: "12", "2,5", "1.234" or "1.234,5" (the Vietnamese way: a dot between
 * thousands, a decimal comma), also "2.5". Null when blank, NaN when it is not a number.
 */
export function parseNumberText(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (/^[+-]?\d+$/.test(s)) return Number(s);
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^[+-]?\d*,\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^[+-]?\d*\.\d+$/.test(s)) return Number(s);
  return Number.NaN;
}

/** What a control's value is as an answer: a number box's text as its number (or, unreadable, as the text). */
export function answerOf(item: SurveyItem, value: DraftValue | undefined): unknown {
  if (isBlank(value)) return undefined;
  if (item.kind === 'number' && typeof value === 'string') {
    const n = parseNumberText(value);
    return n === null ? undefined : Number.isNaN(n) ? value : n;
  }
  return value;
}

/**
 * An answer as the rules accept it, or undefined when they would not: the rules' own normalisation of this
 * one question, on a form of that question alone (not required, no condition), so a condition on it sees
 * exactly what the server's would.
 */
function acceptedValue(def: SurveyDefinition, item: SurveyItem, value: unknown): AnswerValue | undefined {
  if (value === undefined) return undefined;
  const alone: SurveyDefinition = {
    title: def.title,
    ...(def.scales ? { scales: def.scales } : {}),
    sections: [{ code: 's', title: def.title, items: [{ ...item, required: false, showIf: undefined }] }],
  };
  const result = normaliseAnswers(alone, { [item.code]: value });
  return result.ok ? result.answers[item.code] : undefined;
}

export type SectionView = { section: Section; items: SurveyItem[] };
/** The shown questions, and the parts that have at least one (a part whose questions are all hidden is skipped). */
export type FormView = { visible: ReadonlySet<string>; sections: SectionView[] };

const sectionsOf = (def: SurveyDefinition): Section[] => (Array.isArray(def.sections) ? def.sections : []);

/** Visibility in document order, from the answers accepted so far (as `normaliseAnswers` decides it). */
export function viewOf(def: SurveyDefinition, draft: DraftAnswers): FormView {
  const accepted: Record<string, AnswerValue> = {};
  const visible = new Set<string>();
  const sections: SectionView[] = [];
  for (const section of sectionsOf(def)) {
    const items: SurveyItem[] = [];
    for (const item of section.items ?? []) {
      if (item.showIf && !evaluateCondition(item.showIf, accepted)) continue;
      visible.add(item.code);
      items.push(item);
      const value = acceptedValue(def, item, answerOf(item, draft[item.code]));
      if (value !== undefined) accepted[item.code] = value;
    }
    if (items.length) sections.push({ section, items });
  }
  return { visible, sections };
}

/**
 * The draft without the answers of hidden (or unknown) questions: a question that disappears takes its answer
 * with it, so a respondent never sends — nor finds again later — an answer to a question that does not apply.
 * The same object when nothing changes (React keeps its state).
 */
export function cleanDraft(def: SurveyDefinition, draft: DraftAnswers): DraftAnswers {
  // Removing an answer can hide further questions (a chain): repeat until nothing changes.
  let current = draft;
  for (;;) {
    const { visible } = viewOf(def, current);
    const kept = Object.entries(current).filter(([code, value]) => visible.has(code) && !isBlank(value));
    if (kept.length === Object.keys(current).length) return current;
    current = Object.fromEntries(kept);
  }
}

/** The answers sent: shown, answered questions only, numbers as numbers. */
export function answersToSend(def: SurveyDefinition, draft: DraftAnswers): Record<string, unknown> {
  const { sections } = viewOf(def, draft);
  const out: Record<string, unknown> = {};
  for (const { items } of sections)
    for (const item of items) {
      const value = answerOf(item, draft[item.code]);
      if (value !== undefined) out[item.code] = value;
    }
  return out;
}

/**
 * A problem of one question (`row`: a matrix row). `message` is the rules' own sentence; null when this page
 * says it in its own shorter words beside the question (`required`, `row_missing`, `number_format`).
 */
export type ItemProblem = { item: string; row: string | null; problem: string; message: Bilingual | null };

const ROW_AT = /^(.*)\[([^\]]*)\]$/;

/**
 * The problems of the shown questions of the given parts (all parts when none are given), in document order —
 * the check made before "Next" and before sending. The rules check the whole response, so a question is judged
 * with everything answered before it.
 */
export function problemsOf(
  def: SurveyDefinition,
  draft: DraftAnswers,
  sectionCodes?: readonly string[],
): ItemProblem[] {
  const result = normaliseAnswers(def, answersToSend(def, draft));
  if (result.ok) return [];
  const { sections } = viewOf(def, draft);
  const items = new Map<string, SurveyItem>();
  for (const { section, items: shown } of sections)
    if (!sectionCodes || sectionCodes.includes(section.code))
      for (const item of shown) items.set(item.code, item);
  const out: ItemProblem[] = [];
  for (const p of result.problems) {
    const code = p.item ?? p.at;
    const item = items.get(code);
    if (!item) continue;
    const row = ROW_AT.exec(p.at)?.[2] ?? null;
    if (p.problem === 'required' || p.problem === 'row_missing')
      out.push({ item: code, row, problem: p.problem, message: null });
    else if (p.problem === 'wrong_type' && item.kind === 'number')
      out.push({ item: code, row: null, problem: 'number_format', message: null });
    else out.push({ item: code, row, problem: p.problem, message: p.message });
  }
  const order = [...items.keys()];
  return out.sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
}

/** The parts' position: "Phần 2/5" counts the parts shown to this respondent. */
export function progressOf(view: FormView, sectionCode: string): { current: number; total: number } {
  const i = view.sections.findIndex((s) => s.section.code === sectionCode);
  return { current: i + 1, total: view.sections.length };
}

/** The part shown after (or before) `sectionCode`, in the definition's order; null at the end. */
export function neighbourSection(
  def: SurveyDefinition,
  view: FormView,
  sectionCode: string | null,
  step: 1 | -1,
): string | null {
  const shown = new Set(view.sections.map((s) => s.section.code));
  const all = sectionsOf(def).map((s) => s.code);
  // A part that has become hidden keeps its place in the order: the next one is found from there.
  let i = sectionCode === null ? (step === 1 ? -1 : all.length) : all.indexOf(sectionCode);
  for (i += step; i >= 0 && i < all.length; i += step) if (shown.has(all[i]!)) return all[i]!;
  return null;
}

/**
 * A box of a `multiple` question ticked or unticked: an exclusive choice ("Không có") clears the others, and
 * another choice clears the exclusive ones. In the list's order.
 */
export function toggleChoice(
  item: MultipleItem,
  current: readonly string[],
  code: string,
  on: boolean,
): string[] {
  const choice = item.choices.find((c) => c.code === code);
  if (!choice) return [...current];
  let next: Set<string>;
  if (!on) next = new Set(current.filter((c) => c !== code));
  else if (choice.exclusive) next = new Set([code]);
  else {
    const exclusive = new Set(item.choices.filter((c) => c.exclusive).map((c) => c.code));
    next = new Set([...current.filter((c) => !exclusive.has(c)), code]);
  }
  return item.choices.filter((c: Choice) => next.has(c.code)).map((c) => c.code);
}

/** Characters as the rules count them (trimmed, NFC: Vietnamese typed with combining accents counts once). */
export function textLength(text: string): number {
  return [...text.normalize('NFC').trim()].length;
}

/** The number of questions a respondent may meet (all of them; conditions may hide some). */
export function itemCount(def: SurveyDefinition): number {
  return sectionsOf(def).reduce((n, s) => n + (s.items?.length ?? 0), 0);
}

/** Minutes from the start to now, rounded, within what the API takes (0…10.000). */
export function minutesSince(startedAt: number, now: number): number | null {
  if (!Number.isFinite(startedAt) || startedAt > now) return null;
  return Math.min(10_000, Math.round((now - startedAt) / 60_000));
}
