/**
 * The settings page's pure rules: the key a new category gets from its name (never shown: Open311 serves it
 * as the service code), a rule version as an editable draft and back, which state a version is in, and where
 * the server's validation problems go on the form (with the words to say, in the reader's language).
 */
import { placeProblems, type FieldMessage } from '../../../components/rules/ruleVersions';
import type { FieldError } from '../../../lib/api';
import { foldVi } from '../../../lib/format';
import type { SlaRules } from './types';

// ---------------------------------------------------------------------------------------------------------
// Categories

/** The server's rule for a key: lower-case letters, digits and underscores, starting with a letter, 2–40. */
const KEY = /^[a-z][a-z0-9_]{1,39}$/;
const KEY_MAX = 40;

/**
 * A category's key from its Vietnamese name ("An ninh, trật tự" → `an_ninh_trat_tu`), different from every key
 * in `taken` (`_2`, `_3`… added), always one the server accepts.
 */
export function categoryKeyFrom(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = foldVi(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(base)) base = base ? `lv_${base}` : 'linh_vuc';
  const fit = (s: string, room: number) => s.slice(0, room).replace(/_+$/, '');
  base = fit(base, KEY_MAX);
  if (base.length < 2) base = 'linh_vuc';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const key = `${fit(base, KEY_MAX - suffix.length)}${suffix}`;
    if (!used.has(key) && KEY.test(key)) return key;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rule versions

/** A number typed in a field: empty until typed. */
export type Days = number | '';

/** A rule version as the form edits it (the fields named like the rules' own paths, see `RULE_FIELDS`). */
export type RulesDraft = {
  validFrom: string | null;
  version: string;
  note: string;
  basis: { vi: string; en: string }[];
  forwardWithinWorkingDays: Days;
  triageWithinWorkingDays: Days;
  statusUpdateEveryWorkingDays: Days;
  answerDefault: Days;
  /** Empty: the default applies. */
  withinAuthority: Days;
  behaviour: Days;
  /** Category key → days (the key is never shown: the form names the category). */
  byCategory: { key: string | null; days: Days }[];
  dueSoonWorkingDays: Days;
  maxExtensionWorkingDays: Days;
};

/** The form's field for each place the server may name ("answer.default" → `answerDefault`). */
export const RULE_FIELDS = {
  validFrom: 'validFrom',
  note: 'note',
  version: 'version',
  basis: 'basis',
  forwardWithinWorkingDays: 'forwardWithinWorkingDays',
  triageWithinWorkingDays: 'triageWithinWorkingDays',
  statusUpdateEveryWorkingDays: 'statusUpdateEveryWorkingDays',
  'answer.default': 'answerDefault',
  'answer.byClassification.within_authority': 'withinAuthority',
  'answer.byClassification.behaviour': 'behaviour',
  'answer.byCategory': 'byCategory',
  dueSoonWorkingDays: 'dueSoonWorkingDays',
  maxExtensionWorkingDays: 'maxExtensionWorkingDays',
} as const satisfies Record<string, keyof RulesDraft>;

/** A new version's draft: the numbers and sources of `from` (the version in force), from `validFrom`. */
export function draftFrom(from: SlaRules, validFrom: string | null): RulesDraft {
  return {
    validFrom,
    version: '',
    note: '',
    basis: from.basis.map((b) => ({ vi: b.vi, en: b.en })),
    forwardWithinWorkingDays: from.forwardWithinWorkingDays,
    triageWithinWorkingDays: from.triageWithinWorkingDays,
    statusUpdateEveryWorkingDays: from.statusUpdateEveryWorkingDays,
    answerDefault: from.answer.default,
    withinAuthority: from.answer.byClassification?.within_authority ?? '',
    behaviour: from.answer.byClassification?.behaviour ?? '',
    byCategory: Object.entries(from.answer.byCategory ?? {}).map(([key, days]) => ({ key, days })),
    dueSoonWorkingDays: from.dueSoonWorkingDays,
    maxExtensionWorkingDays: from.maxExtensionWorkingDays,
  };
}

const REQUIRED_DAYS = [
  'forwardWithinWorkingDays',
  'triageWithinWorkingDays',
  'statusUpdateEveryWorkingDays',
  'answerDefault',
  'dueSoonWorkingDays',
  'maxExtensionWorkingDays',
] as const;

/**
 * The fields still empty that a version needs (the date, the name, each number); the rules about the numbers
 * themselves are the server's. A line of `byCategory` without its category or days is named by its index.
 */
export function missingFields(d: RulesDraft): string[] {
  const missing: string[] = [];
  if (!d.validFrom) missing.push('validFrom');
  if (!d.version.trim()) missing.push('version');
  for (const f of REQUIRED_DAYS) if (d[f] === '') missing.push(f);
  d.byCategory.forEach((row, i) => {
    if (!row.key || row.days === '') missing.push(`byCategory.${i}`);
  });
  return missing;
}

/** The version to send (call when `missingFields` is empty). Empty optional numbers are left out. */
export function rulesFromDraft(d: RulesDraft): { validFrom: string; note: string; rules: SlaRules } {
  const n = (v: Days) => Number(v);
  const byClassification: NonNullable<SlaRules['answer']['byClassification']> = {};
  if (d.withinAuthority !== '') byClassification.within_authority = n(d.withinAuthority);
  if (d.behaviour !== '') byClassification.behaviour = n(d.behaviour);
  const byCategory: Record<string, number> = {};
  for (const row of d.byCategory) if (row.key && row.days !== '') byCategory[row.key] = n(row.days);
  return {
    validFrom: d.validFrom ?? '',
    note: d.note.trim(),
    rules: {
      version: d.version.trim(),
      basis: d.basis.map((b) => ({ vi: b.vi.trim(), en: b.en.trim() })),
      forwardWithinWorkingDays: n(d.forwardWithinWorkingDays),
      triageWithinWorkingDays: n(d.triageWithinWorkingDays),
      statusUpdateEveryWorkingDays: n(d.statusUpdateEveryWorkingDays),
      answer: {
        default: n(d.answerDefault),
        ...(Object.keys(byClassification).length ? { byClassification } : {}),
        ...(Object.keys(byCategory).length ? { byCategory } : {}),
      },
      dueSoonWorkingDays: n(d.dueSoonWorkingDays),
      maxExtensionWorkingDays: n(d.maxExtensionWorkingDays),
    },
  };
}

// Which state a version is in, their order and chidao's own version are the same for every rule version
// (web/src/components/rules/ruleVersions.ts).
export {
  byDateDesc,
  isShippedDefault,
  versionState,
  type VersionState,
} from '../../../components/rules/ruleVersions';

// ---------------------------------------------------------------------------------------------------------
// The server's problems, on the form's fields

export type { FieldMessage } from '../../../components/rules/ruleVersions';

/**
 * The server's answer to a new version (400 details) as messages on the form's fields (the shared rules of
 * `placeProblems`: the rules' own messages kept, Zod's said in the reader's words, `validFrom` and `note` kept,
 * what cannot be placed under `form`). `byCategory.<key>` points at the line of that category.
 */
export const placeRuleProblems = (
  details: readonly FieldError[],
  code: string = 'VALIDATION_FAILED',
): Map<string, FieldMessage> => placeProblems(details, code, fieldOf);

/** The form's field for a path the server names (`basis.0.vi` → `basis`, `answer.byCategory.x` → that line). */
function fieldOf(path: string): string | null {
  if (path.startsWith('basis')) return 'basis';
  if (path === 'answer.byCategory') return 'byCategory';
  const category = /^answer\.byCategory\.(.+)$/.exec(path);
  if (category) return `byCategory.${category[1]}`;
  return (RULE_FIELDS as Record<string, string>)[path] ?? null;
}
