/**
 * The inspections' settings page's pure rules: a checklist template as an editable draft and back (an item's
 * key is never shown: kept for the items that had one, made from the Vietnamese text for new ones), what an edit
 * changes, where the server's problems go on the form; the rules as a draft (shares typed as percentages) and
 * back, and where the server's problems with them go.
 */
import {
  placeProblems,
  type FieldMessage,
  type VersionDraftHead,
} from '../../../components/rules/ruleVersions';
import type { FieldError } from '../../../lib/api';
import { foldVi } from '../../../lib/format';
import type { InspectionRules, Template, TemplateItem } from './types';

// ---------------------------------------------------------------------------------------------------------
// Checklist templates

/** The server's limits (server/modules/inspections/rules/checklists.ts). */
export const CHECKLIST_LIMITS = { items: 60, text: 1000, guidance: 4000 } as const;
const ITEM_KEY = /^[a-z][a-z0-9_]{1,59}$/;
const KEY_BASE_MAX = 48;

/** One item as the form edits it. */
export type ItemDraft = {
  /** The form's own handle of the line (React key, focus); never sent. */
  uid: string;
  /** The item's key in the template, kept across versions; null for a new item (made when saved). */
  key: string | null;
  textVi: string;
  textEn: string;
  guidanceVi: string;
  guidanceEn: string;
};

export type ChecklistDraft = {
  /** The number of the version the edit started from (a version saved meanwhile: 409). */
  basedOn: number;
  items: ItemDraft[];
};

let uids = 0;
/** A new line's handle (unique in this page). */
export const newUid = () => `item-${++uids}`;

export const emptyItem = (): ItemDraft => ({
  uid: newUid(),
  key: null,
  textVi: '',
  textEn: '',
  guidanceVi: '',
  guidanceEn: '',
});

/** The draft of a new version: the items of `from` (the current version), in order. */
export function checklistDraftFrom(from: Pick<Template, 'number' | 'items'>): ChecklistDraft {
  return {
    basedOn: from.number,
    items: from.items.map((i) => ({
      uid: newUid(),
      key: i.key,
      textVi: i.text.vi,
      textEn: i.text.en,
      guidanceVi: i.guidance.vi,
      guidanceEn: i.guidance.en,
    })),
  };
}

/** `items` with the line at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item!);
  return out;
}

/**
 * A new item's key from its Vietnamese text ("Công khai TTHC đúng hạn" → `cong_khai_tthc_dung_han`), cut at a
 * word, different from every key in `taken` (`_2`, `_3`… added), always one the server accepts.
 */
export function itemKeyFrom(text: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = foldVi(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base.length > KEY_BASE_MAX) {
    const cut = base.slice(0, KEY_BASE_MAX);
    base = cut.includes('_') ? cut.slice(0, cut.lastIndexOf('_')) : cut;
  }
  if (!/^[a-z]/.test(base)) base = base ? `muc_${base}` : 'muc';
  if (base.length < 2) base = 'muc';
  if (!used.has(base) && ITEM_KEY.test(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}_${n}`;
    if (!used.has(key) && ITEM_KEY.test(key)) return key;
  }
}

/**
 * The items to send: trimmed, in the draft's order, each kept item with its key, each new one with a key made
 * from its text that no item of the draft or of `previous` (the version it started from) has.
 */
export function itemsFromDraft(
  draft: ChecklistDraft,
  previous: readonly Pick<TemplateItem, 'key'>[],
): TemplateItem[] {
  const taken = new Set<string>([
    ...previous.map((i) => i.key),
    ...draft.items.flatMap((i) => (i.key ? [i.key] : [])),
  ]);
  return draft.items.map((i) => {
    const key = i.key ?? itemKeyFrom(i.textVi, taken);
    taken.add(key);
    return {
      key,
      text: { vi: i.textVi.trim(), en: i.textEn.trim() },
      guidance: { vi: i.guidanceVi.trim(), en: i.guidanceEn.trim() },
    };
  });
}

/**
 * The fields still empty that a version needs: at least one item (`items`), and each item's text in Vietnamese
 * and English (`items.<i>.text.vi|en`, the server's own paths). The rest is the server's to check.
 */
export function missingItemFields(draft: ChecklistDraft): string[] {
  if (!draft.items.length) return ['items'];
  return draft.items.flatMap((item, i) => [
    ...(item.textVi.trim() ? [] : [`items.${i}.text.vi`]),
    ...(item.textEn.trim() ? [] : [`items.${i}.text.en`]),
  ]);
}

/** What a new version changes from the one it started from, counted for the confirmation. */
export type ChecklistChanges = { added: number; removed: number; edited: number; reordered: boolean };

export function checklistChanges(previous: readonly TemplateItem[], draft: ChecklistDraft): ChecklistChanges {
  const before = new Map(previous.map((i) => [i.key, i]));
  const kept = draft.items.flatMap((i) => (i.key && before.has(i.key) ? [i] : []));
  const keptKeys = new Set(kept.map((i) => i.key));
  const edited = kept.filter((i) => {
    const was = before.get(i.key!)!;
    return (
      was.text.vi.trim() !== i.textVi.trim() ||
      was.text.en.trim() !== i.textEn.trim() ||
      was.guidance.vi.trim() !== i.guidanceVi.trim() ||
      was.guidance.en.trim() !== i.guidanceEn.trim()
    );
  }).length;
  const order = previous.filter((i) => keptKeys.has(i.key)).map((i) => i.key);
  return {
    added: draft.items.length - kept.length,
    removed: previous.filter((i) => !keptKeys.has(i.key)).length,
    edited,
    reordered: kept.some((i, n) => i.key !== order[n]),
  };
}

export const hasChanges = (c: ChecklistChanges) => c.added + c.removed + c.edited > 0 || c.reordered;

/**
 * The server's problems with a new version (400 details, already in the reader's language) on the form: an item's
 * text or guidance on its field (`items.3.text.en`), its key (never shown) on the item (`items.3`), the list's own
 * (`items`: none, too many) on the list; the note on the note; anything else under `form`.
 */
export function placeChecklistProblems(details: readonly FieldError[]): Map<string, FieldMessage> {
  const out = new Map<string, FieldMessage>();
  for (const d of details) {
    const field = /^items\.\d+\.(text|guidance)\.(vi|en)$/.test(d.field)
      ? d.field
      : /^items\.\d+(\.|$)/.test(d.field)
        ? d.field.replace(/^(items\.\d+).*$/, '$1')
        : d.field === 'items' || d.field === 'note'
          ? d.field
          : 'form';
    if (!out.has(field)) out.set(field, { text: d.message });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Rules

/** A number typed in a field: empty until typed. */
export type Num = number | '';

/** How a rule's number is typed and said: working days, a percentage (a share 0–1 on the server), a count. */
export type RuleUnit = 'days' | 'percent' | 'dossiers' | 'recommendations';

/** The rules' numbers, in the order the page shows them, each in its section with its unit. */
export const RULE_NUMBERS = [
  {
    field: 'recommendationWorkingDays',
    path: 'recommendationWorkingDays',
    unit: 'days',
    section: 'remediation',
  },
  { field: 'dueSoonWorkingDays', path: 'dueSoonWorkingDays', unit: 'days', section: 'remediation' },
  { field: 'selfInspectionCoverage', path: 'selfInspectionCoverage', unit: 'percent', section: 'self' },
  {
    field: 'dossiersOnTimeBelow',
    path: 'signals.dossiersOnTimeBelow',
    unit: 'percent',
    section: 'signals',
  },
  { field: 'dossiersMinimum', path: 'signals.dossiersMinimum', unit: 'dossiers', section: 'signals' },
  {
    field: 'planCompletionBelow',
    path: 'signals.planCompletionBelow',
    unit: 'percent',
    section: 'signals',
  },
  {
    field: 'overdueRecommendationsAtLeast',
    path: 'signals.overdueRecommendationsAtLeast',
    unit: 'recommendations',
    section: 'signals',
  },
] as const;

export type RuleField = (typeof RULE_NUMBERS)[number]['field'];
export type RuleSection = (typeof RULE_NUMBERS)[number]['section'];
export const RULE_SECTIONS = ['remediation', 'self', 'signals'] as const satisfies readonly RuleSection[];

export type InspectionRulesDraft = VersionDraftHead & Record<RuleField, Num>;

/** A share (0–1) as a percentage (0,9 → 90), to two decimals. */
export const percentOf = (share: number) => Math.round(share * 10_000) / 100;
/** A percentage as a share (92,5 → 0,925). */
export const shareOf = (percent: number) => Math.round(percent * 100) / 10_000;

/** A rule's number as stored (a share for percentages). */
export function ruleValue(rules: InspectionRules, field: RuleField): number {
  const spec = RULE_NUMBERS.find((r) => r.field === field)!;
  const [head, tail] = spec.path.split('.') as [string, string | undefined];
  const value = tail
    ? (rules.signals as Record<string, number>)[tail]!
    : (rules as unknown as Record<string, number>)[head]!;
  return value;
}

/** A rule's number as the form shows it (a percentage for shares). */
export function ruleShown(rules: InspectionRules, field: RuleField): number {
  const spec = RULE_NUMBERS.find((r) => r.field === field)!;
  const value = ruleValue(rules, field);
  return spec.unit === 'percent' ? percentOf(value) : value;
}

/** A new version's draft: the numbers and sources of `from` (the version in force), from `validFrom`. */
export function rulesDraftFrom(from: InspectionRules, validFrom: string | null): InspectionRulesDraft {
  const numbers = Object.fromEntries(RULE_NUMBERS.map((r) => [r.field, ruleShown(from, r.field)])) as Record<
    RuleField,
    Num
  >;
  return {
    validFrom,
    version: '',
    note: '',
    basis: from.basis.map((b) => ({ vi: b.vi, en: b.en })),
    ...numbers,
  };
}

/** The fields still empty that a version needs (the date, the name, each number); the rest is the server's. */
export function missingRuleFields(d: InspectionRulesDraft): string[] {
  const missing: string[] = [];
  if (!d.validFrom) missing.push('validFrom');
  if (!d.version.trim()) missing.push('version');
  for (const r of RULE_NUMBERS) if (d[r.field] === '') missing.push(r.field);
  return missing;
}

/** The version to send (call when `missingRuleFields` is empty): percentages back to shares. */
export function rulesFromDraft(d: InspectionRulesDraft): {
  validFrom: string;
  note: string;
  rules: InspectionRules;
} {
  const n = (field: RuleField) => {
    const v = Number(d[field]);
    return RULE_NUMBERS.find((r) => r.field === field)!.unit === 'percent' ? shareOf(v) : v;
  };
  return {
    validFrom: d.validFrom ?? '',
    note: d.note.trim(),
    rules: {
      version: d.version.trim(),
      basis: d.basis.map((b) => ({ vi: b.vi.trim(), en: b.en.trim() })),
      recommendationWorkingDays: n('recommendationWorkingDays'),
      dueSoonWorkingDays: n('dueSoonWorkingDays'),
      selfInspectionCoverage: n('selfInspectionCoverage'),
      signals: {
        dossiersOnTimeBelow: n('dossiersOnTimeBelow'),
        dossiersMinimum: n('dossiersMinimum'),
        planCompletionBelow: n('planCompletionBelow'),
        overdueRecommendationsAtLeast: n('overdueRecommendationsAtLeast'),
      },
    },
  };
}

const PERCENT_FIELDS = new Set<string>(RULE_NUMBERS.filter((r) => r.unit === 'percent').map((r) => r.field));

/** The form's field for a path the server names (`signals.dossiersMinimum` → `dossiersMinimum`, `basis.0.en` → `basis`). */
function ruleFieldOf(path: string): string | null {
  if (path === 'version') return 'version';
  if (path.startsWith('basis')) return 'basis';
  return RULE_NUMBERS.find((r) => r.path === path)?.field ?? null;
}

/**
 * The server's answer to a new version (400 details) on the form's fields (`placeProblems`). A share's problem
 * is said by the page (`percent`): the server's words speak of a share from 0 to 1, the form of a percentage.
 */
export function placeInspectionRuleProblems(
  details: readonly FieldError[],
  code: string = 'VALIDATION_FAILED',
): Map<string, FieldMessage> {
  const placed = placeProblems(details, code, ruleFieldOf);
  for (const field of placed.keys()) if (PERCENT_FIELDS.has(field)) placed.set(field, { key: 'percent' });
  return placed;
}
