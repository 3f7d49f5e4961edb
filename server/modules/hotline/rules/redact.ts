/**
 * Personal data removed from feedback before it is published with its answer (Quyết định 31/2021/QĐ-TTg:
 * the answer is published; Nghị định 13/2023/NĐ-CP on personal data protection: names, phone numbers,
 * e-mail addresses and identity numbers are personal data). Each is replaced by `[đã ẩn]` (English
 * `[removed]`); the rest of the text is kept exactly as written.
 *
 * What is removed:
 * - e-mail addresses, and the submitter's own as given;
 * - Vietnamese phone numbers: mobiles 0[35789]x xxx xxxx and landlines 02xx xxxx xxxx, with +84 / 84 for
 *   the 0, grouped by spaces, dots, dashes or a bracketed area code (first group of at least 3 digits,
 *   others of at least 2, as people write them), and the submitter's own phones in any grouping;
 * - identity numbers: 9 digits (CMND) or 12 digits (CCCD) written as one block, or a CCCD — its first
 *   digit is always 0, from the province code 001–096 — in groups of 3 or 4; not when "đồng" follows (an
 *   amount);
 * - the submitter's full name in any case, with or without accents, and its parts of two or more words
 *   ("Nguyễn Văn", "Văn An") when written as a name (each word capitalised), so "Văn An" goes but "công văn
 *   an ninh" stays; a part inside a longer name ("Nguyễn Văn Anh", "Trần Văn An") is someone else's and
 *   stays. One-word names are not searched: a syllable alone is an ordinary word too often.
 *
 * What is kept, by construction: amounts ("2.500.000 đồng": groups of 3 never make 10 or 11 digits, and
 * never start with 0), dates ("05/12/2023", "05.12.2023": first group under 3 digits), years, document
 * numbers ("Quyết định 1234/QĐ-UBND"), house numbers, and hotline numbers such as 1022.
 */

export type RedactLocale = 'vi' | 'en';

export const REDACTED: Readonly<Record<RedactLocale, string>> = { vi: '[đã ẩn]', en: '[removed]' };

/** The submitter's own data, searched for besides the patterns above. */
export type KnownPersonalData = {
  names: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
};

type Span = { start: number; end: number };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DIGITS = /\d+/g;
/** What may stand between two groups of one number: one space, dot or dash, maybe closing or opening a bracket. */
const GROUP_GAP = /^\)?[ \u00a0.-]?\(?$/;
const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;
const AMOUNT_AFTER = /^\s*(?:đồng|vnđ|vnd|đ|₫)(?!\p{L})/iu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd');
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/** A phone number's digits with the country code read as 0 (84912345678 and +84 (0)912… → 0912345678). */
function nationalDigits(digits: string, international: boolean): string {
  return international && digits.startsWith('84') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
}

type Group = { start: number; end: number; digits: string };

/** Maximal runs of digit groups written as one number (see GROUP_GAP). */
function numberRuns(text: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const group = { start: m.index, end: m.index + m[0].length, digits: m[0] };
    const previous = run.at(-1);
    if (previous && GROUP_GAP.test(text.slice(previous.end, group.start))) run.push(group);
    else {
      if (run.length) runs.push(run);
      run = [group];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

function numberSpans(text: string, knownPhones: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const run of numberRuns(text)) {
    let i = 0;
    while (i < run.length) {
      const found = phoneAt(text, run, i, knownPhones) ?? identityAt(text, run, i);
      if (found) {
        spans.push(found.span);
        i = found.next;
      } else i++;
    }
  }
  return spans;
}

/**
 * The longest phone number starting at group `i`; its span takes a leading "+", and a leading "(" when the
 * bracket closes inside the number ("(024) 3825 1234", "(+84) 912…"), else the brackets stay as written.
 */
function phoneAt(
  text: string,
  run: Group[],
  i: number,
  knownPhones: ReadonlySet<string>,
): { span: Span; next: number } | null {
  const lead = /\(?\+?$/.exec(text.slice(Math.max(0, run[i]!.start - 2), run[i]!.start))?.[0] ?? '';
  // "84" opens an international number unless a national one follows it ("nhà số 84 0912…").
  const international =
    lead.includes('+') || (run[i]!.digits === '84' && !run[i + 1]?.digits.startsWith('0'));
  let last = -1;
  let typed = '';
  // At most 13 digits (+84 and an 11-digit landline): a long run of numbers costs no more than a short one.
  for (let j = i; j < run.length && (typed += run[j]!.digits).length <= 13; j++) {
    const groups = run.slice(i, j + 1);
    const digits = nationalDigits(typed, international);
    const phone = (MOBILE.test(digits) || LANDLINE.test(digits)) && wellGrouped(groups, international);
    if (phone || knownPhones.has(digits)) last = j;
  }
  if (last < 0) return null;
  const end = run[last]!.end;
  const closes = text.slice(run[i]!.start, end).includes(')');
  const start = run[i]!.start - (closes ? lead.length : lead.replace('(', '').length);
  return { span: { start, end }, next: last + 1 };
}

/**
 * Groups as people write a phone: the first of at least 3 digits (after +84, of at least 2: "+84 24 3825
 * 1234"), the others of at least 2.
 */
function wellGrouped(groups: Group[], international: boolean): boolean {
  const sizes = groups.map((g) => g.digits.length);
  if (international) {
    if (groups[0]!.digits === '84') sizes.shift();
    else sizes[0] = sizes[0]! - 2;
  }
  return sizes.length > 0 && sizes[0]! >= (international ? 2 : 3) && sizes.every((s) => s >= 2);
}

/**
 * A CMND (9 digits) or CCCD (12) in one block, or a CCCD (first digit 0) in groups of at least 3 digits
 * ("001 203 012 345", "0012 0301 2345"; a date and time in groups of 2 never adds up to one), at group `i`.
 */
function identityAt(text: string, run: Group[], i: number): { span: Span; next: number } | null {
  const block = run[i]!;
  let found: { span: Span; next: number } | null = null;
  if (block.digits.length === 9 || block.digits.length === 12)
    found = { span: { start: block.start, end: block.end }, next: i + 1 };
  else if (block.digits.startsWith('0') && block.digits.length >= 3)
    for (let j = i + 1, digits = block.digits; j < run.length && digits.length < 12; j++) {
      if (run[j]!.digits.length < 3) break;
      digits += run[j]!.digits;
      if (digits.length === 12) found = { span: { start: block.start, end: run[j]!.end }, next: j + 1 };
    }
  if (!found || AMOUNT_AFTER.test(text.slice(found.span.end))) return null;
  return found;
}

function emailSpans(text: string, knownEmails: readonly string[]): Span[] {
  const spans = [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const email of knownEmails) {
    if (!email.trim()) continue;
    for (const m of text.matchAll(new RegExp(escapeRegExp(email.trim()), 'giu')))
      spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** The names to look for: each full name and its runs of two or more words, folded, longest first. */
function nameVariants(names: readonly string[]): { words: string[]; full: boolean }[] {
  const variants = new Map<string, { words: string[]; full: boolean }>();
  for (const name of names) {
    const words = [...fold(name).matchAll(WORD)].map((m) => m[0]);
    for (let length = words.length; length >= 2; length--)
      for (let from = 0; from + length <= words.length; from++) {
        const part = words.slice(from, from + length);
        const key = part.join(' ');
        const full = length === words.length;
        if (!variants.get(key)?.full) variants.set(key, { words: part, full });
      }
  }
  return [...variants.values()].sort((a, b) => b.words.length - a.words.length);
}

/** Forms of address written before a name, capitalised at the start of a sentence (folded). */
const TITLES = new Set('ong ba anh chi em co chu bac di cau chau con thay'.split(' '));

function nameSpans(text: string, names: readonly string[], taken: readonly Span[]): Span[] {
  const variants = nameVariants(names);
  if (variants.length === 0) return [];
  const free = (m: { index: number }) => !taken.some((s) => m.index < s.end && m.index >= s.start);
  const tokens = [...text.matchAll(WORD)]
    .filter(free)
    .map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0], folded: fold(m[0]) }));
  const joined = (a: (typeof tokens)[number] | undefined, b: (typeof tokens)[number] | undefined) =>
    !!a && !!b && /^\s+$/u.test(text.slice(a.end, b.start));
  // A capitalised word right before or after a part of the name makes it a longer name, someone else's —
  // but for a form of address before it ("Ông Văn An").
  const capitalised = (t: (typeof tokens)[number] | undefined) => !!t && isCapitalised(t.word);
  const spans: Span[] = [];
  let k = 0;
  while (k < tokens.length) {
    const match = variants.find((v) => {
      const last = k + v.words.length - 1;
      const here = tokens.slice(k, last + 1);
      if (here.length < v.words.length || here.some((t, n) => t.folded !== v.words[n])) return false;
      if (here.slice(1).some((t, n) => !joined(here[n], t))) return false;
      if (v.full) return true;
      if (!here.every((t) => isCapitalised(t.word))) return false;
      const before = tokens[k - 1];
      const after = tokens[last + 1];
      const longerBefore = joined(before, tokens[k]) && capitalised(before) && !TITLES.has(before!.folded);
      return !longerBefore && !(joined(tokens[last], after) && capitalised(after));
    });
    if (match) {
      spans.push({ start: tokens[k]!.start, end: tokens[k + match.words.length - 1]!.end });
      k += match.words.length;
    } else k++;
  }
  return spans;
}

/** Spans sorted, overlapping ones merged. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The text with personal data replaced (see the module comment), and how many pieces were removed. */
export function redactPersonalData(
  text: string,
  known: KnownPersonalData,
  options: { locale?: RedactLocale } = {},
): { text: string; removed: number } {
  const placeholder = REDACTED[options.locale ?? 'vi'];
  const knownPhones = new Set(
    known.phones
      .map((p) => nationalDigits(p.replace(/\D/g, ''), /^\s*\+|^\s*84/.test(p)))
      .filter((d) => d.length >= 6),
  );
  const emails = emailSpans(text, known.emails);
  const numbers = numberSpans(text, knownPhones).filter(
    (n) => !emails.some((e) => n.start < e.end && n.end > e.start),
  );
  const spans = merge([...emails, ...numbers]);
  const all = merge([...spans, ...nameSpans(text, known.names, spans)]);
  let out = '';
  let at = 0;
  for (const s of all) {
    out += text.slice(at, s.start) + placeholder;
    at = s.end;
  }
  return { text: out + text.slice(at), removed: all.length };
}
