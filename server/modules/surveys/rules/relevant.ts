/**
 * A question's condition (`showIf`, ./definition.ts) written as one readable line — the `relevant` column of the
 * questionnaire workbook (../xlsform.ts) — and read back. Pure.
 *
 * The syntax (XLSForm-like; keywords in English or Vietnamese, any case):
 * - an earlier question: `${gioi_tinh}`; a row of a matrix: `${yt1/1.1}`;
 * - comparisons: `${kenh} = 'truc_tiep'`, `${kenh} != 'truc_tiep'`, `${hai_long_chung} >= 4`, `${so_lan} <= 2`,
 *   `${mong_doi} in ('co_so_vat_chat', 'thai_do_phuc_vu')` — texts in single (or double) quotes, a quote inside
 *   doubled (`'it''s'`); numbers as digits with a dot for decimals; `true` / `false`;
 * - whether it was answered: `answered(${y_kien})`, `not answered(${y_kien})` (also `answered(${x}) = true|false`);
 * - combined: `A and B` (`và`), `A or B` (`hoặc`), `and` binding tighter than `or`, parentheses to group;
 *   `all(A; B)` and `any(A; B)` name a group outright (written so for a group of one).
 * `conditionText` writes every group inside another in parentheses, so reading its text back gives the very same
 * condition (the workbook's round trip keeps a definition's hash).
 */
import type { Condition, LeafCondition } from './definition.js';
import { isObject, type Text } from './text.js';

type Value = string | number | boolean;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function valueText(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return "''";
}

function leafText(c: LeafCondition): string {
  const ref = `\${${c.item}${c.row !== undefined ? `/${c.row}` : ''}}`;
  switch (c.op) {
    case 'answered':
      if (c.value === false) return `not answered(${ref})`;
      return c.value === true ? `answered(${ref}) = true` : `answered(${ref})`;
    case 'in':
      return `${ref} in (${(Array.isArray(c.value) ? c.value : [c.value]).map(valueText).join(', ')})`;
    case 'eq':
      return `${ref} = ${valueText(c.value)}`;
    case 'neq':
      return `${ref} != ${valueText(c.value)}`;
    case 'gte':
      return `${ref} >= ${valueText(c.value)}`;
    case 'lte':
      return `${ref} <= ${valueText(c.value)}`;
    default:
      return `${ref} ${String(c.op)} ${valueText(c.value)}`;
  }
}

const isGroup = (c: Condition): c is { all: Condition[] } | { any: Condition[] } =>
  isObject(c) && (Array.isArray((c as { all?: unknown }).all) || Array.isArray((c as { any?: unknown }).any));

/** A condition as one line of the syntax above. */
export function conditionText(c: Condition): string {
  if (!isGroup(c)) return leafText(c as LeafCondition);
  const all = 'all' in c && Array.isArray(c.all);
  const parts = all ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any;
  const inner = (x: Condition) => (isGroup(x) ? `(${conditionText(x)})` : conditionText(x));
  if (parts.length < 2) return `${all ? 'all' : 'any'}(${parts.map((p) => conditionText(p)).join('; ')})`;
  return parts.map(inner).join(all ? ' and ' : ' or ');
}

// ---------------------------------------------------------------------------------------------------------
// Reading

type Token =
  | { t: 'ref'; item: string; row?: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'num'; v: number; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'op'; v: '=' | '!=' | '>=' | '<='; at: number }
  | { t: '(' | ')' | ',' | ';'; at: number };

class SyntaxProblem extends Error {
  constructor(
    readonly at: number,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

const fail = (at: number, vi: string, en: string): never => {
  throw new SyntaxProblem(at, { vi, en });
};

const WORDS: Record<string, string> = {
  and: 'and',
  và: 'and',
  or: 'or',
  hoặc: 'or',
  not: 'not',
  không: 'not',
  answered: 'answered',
  đã_trả_lời: 'answered',
  all: 'all',
  any: 'any',
  in: 'in',
  true: 'true',
  false: 'false',
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '$' && src[i + 1] === '{') {
      const end = src.indexOf('}', i + 2);
      if (end < 0) fail(i, 'Thiếu dấu “}” đóng tên câu hỏi.', 'A “}” closing a question name is missing.');
      const inner = src.slice(i + 2, end).trim();
      const slash = inner.indexOf('/');
      const item = (slash < 0 ? inner : inner.slice(0, slash)).trim();
      const row = slash < 0 ? undefined : inner.slice(slash + 1).trim();
      if (!item || row === '')
        fail(i, 'Tên câu hỏi trong ${…} bị trống.', 'A question name in ${…} is empty.');
      out.push(row === undefined ? { t: 'ref', item, at: i } : { t: 'ref', item, row, at: i });
      i = end + 1;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) fail(i, 'Thiếu dấu nháy đóng chuỗi.', 'A closing quote is missing.');
        if (src[j] === ch) {
          if (src[j + 1] === ch) {
            s += ch;
            j += 2;
            continue;
          }
          break;
        }
        s += src[j];
        j++;
      }
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && (ch === '-' || /\d/.test(ch))) {
      out.push({ t: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<>' || two === '>=' || two === '<=') {
      out.push({ t: 'op', v: two === '<>' ? '!=' : two, at: i });
      i += 2;
      continue;
    }
    if (ch === '=') {
      out.push({ t: 'op', v: '=', at: i });
      i += two === '==' ? 2 : 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === ';') {
      out.push({ t: ch, at: i });
      i++;
      continue;
    }
    const word = /^[\p{L}_][\p{L}\p{M}_]*/u.exec(src.slice(i));
    if (word) {
      const w = WORDS[word[0].toLowerCase().normalize('NFC')];
      if (!w) fail(i, `Không hiểu từ “${word[0]}”.`, `Unknown word “${word[0]}”.`);
      out.push({ t: 'word', v: w!, at: i });
      i += word[0].length;
      continue;
    }
    fail(i, `Ký tự “${ch}” không hợp lệ.`, `Unexpected character “${ch}”.`);
  }
  return out;
}

function parser(tokens: Token[], length: number) {
  let p = 0;
  const peek = () => tokens[p];
  const at = () => peek()?.at ?? length;
  const isWord = (w: string) => {
    const k = peek();
    return k?.t === 'word' && k.v === w;
  };
  const expect = (t: Token['t'], what: Text) => {
    const k = peek();
    if (k?.t !== t) fail(at(), `Cần ${what.vi}.`, `Expected ${what.en}.`);
    p++;
    return k!;
  };
  const ref = () =>
    expect('ref', { vi: 'tên câu hỏi dạng ${ma_cau}', en: 'a question as ${code}' }) as Extract<
      Token,
      { t: 'ref' }
    >;
  const leaf = (r: Extract<Token, { t: 'ref' }>, op: LeafCondition['op'], value?: unknown): LeafCondition => {
    const c: LeafCondition = { item: r.item, op };
    if (r.row !== undefined) c.row = r.row;
    if (value !== undefined) c.value = value as LeafCondition['value'];
    return c;
  };
  const value = (): Value => {
    const k = peek();
    if (k?.t === 'str' || k?.t === 'num') {
      p++;
      return k.v;
    }
    if (k?.t === 'word' && (k.v === 'true' || k.v === 'false')) {
      p++;
      return k.v === 'true';
    }
    return fail(
      at(),
      'Cần một giá trị (chuỗi trong dấu nháy, số, true/false).',
      'Expected a value (a quoted text, a number, true/false).',
    );
  };

  function unary(): Condition {
    const k = peek();
    if (!k) return fail(length, 'Điều kiện bị cụt.', 'The condition ends too early.');
    if (k.t === 'word' && k.v === 'not') {
      p++;
      if (!isWord('answered'))
        fail(at(), 'Sau “not” cần “answered(…)”.', '“not” must be followed by “answered(…)”.');
      p++;
      expect('(', { vi: '“(”', en: '“(”' });
      const r = ref();
      expect(')', { vi: '“)”', en: '“)”' });
      return leaf(r, 'answered', false);
    }
    if (k.t === 'word' && k.v === 'answered') {
      p++;
      expect('(', { vi: '“(”', en: '“(”' });
      const r = ref();
      expect(')', { vi: '“)”', en: '“)”' });
      if (peek()?.t === 'op' && (peek() as { v: string }).v === '=') {
        p++;
        const v = value();
        if (typeof v !== 'boolean')
          fail(at(), 'Sau “answered(…) =” cần true hoặc false.', '“answered(…) =” takes true or false.');
        return leaf(r, 'answered', v);
      }
      return leaf(r, 'answered');
    }
    if (k.t === 'word' && (k.v === 'all' || k.v === 'any')) {
      p++;
      expect('(', { vi: '“(”', en: '“(”' });
      const parts: Condition[] = [];
      if (peek()?.t !== ')') {
        parts.push(expr());
        while (peek()?.t === ';') {
          p++;
          parts.push(expr());
        }
      }
      expect(')', { vi: '“)”', en: '“)”' });
      return k.v === 'all' ? { all: parts } : { any: parts };
    }
    if (k.t === '(') {
      p++;
      const inner = expr();
      expect(')', { vi: '“)”', en: '“)”' });
      return inner;
    }
    const r = ref();
    const op = peek();
    if (op?.t === 'word' && op.v === 'in') {
      p++;
      expect('(', { vi: '“(” mở danh sách', en: '“(” opening the list' });
      const list: (string | number)[] = [];
      for (;;) {
        const v = value();
        if (typeof v === 'boolean')
          fail(at(), 'Danh sách “in” chỉ gồm chuỗi hoặc số.', 'An “in” list holds texts or numbers only.');
        list.push(v as string | number);
        if (peek()?.t === ',') {
          p++;
          continue;
        }
        break;
      }
      expect(')', { vi: '“)” đóng danh sách', en: '“)” closing the list' });
      return leaf(r, 'in', list);
    }
    if (op?.t !== 'op')
      return fail(
        at(),
        'Cần một phép so sánh (=, !=, >=, <=, in).',
        'Expected a comparison (=, !=, >=, <=, in).',
      );
    p++;
    const ops = { '=': 'eq', '!=': 'neq', '>=': 'gte', '<=': 'lte' } as const;
    return leaf(r, ops[op.v], value());
  }

  function chain(word: 'and' | 'or', next: () => Condition): Condition {
    const parts = [next()];
    while (isWord(word)) {
      p++;
      parts.push(next());
    }
    if (parts.length === 1) return parts[0]!;
    return word === 'and' ? { all: parts } : { any: parts };
  }
  const expr = (): Condition => chain('or', () => chain('and', unary));

  return {
    parse(): Condition {
      const c = expr();
      if (p < tokens.length)
        fail(at(), 'Thừa nội dung sau điều kiện.', 'Unexpected text after the condition.');
      return c;
    },
  };
}

/** Reads a condition written in the syntax above: the condition, or what is wrong and where (a character offset). */
export function parseCondition(
  src: string,
): { ok: true; condition: Condition } | { ok: false; at: number; message: Text } {
  try {
    const tokens = tokenize(src);
    if (!tokens.length)
      return { ok: false, at: 0, message: { vi: 'Điều kiện trống.', en: 'The condition is empty.' } };
    return { ok: true, condition: parser(tokens, src.length).parse() };
  } catch (err) {
    if (err instanceof SyntaxProblem) {
      const pos = { vi: ` (ký tự thứ ${err.at + 1})`, en: ` (at character ${err.at + 1})` };
      return { ok: false, at: err.at, message: { vi: err.text.vi + pos.vi, en: err.text.en + pos.en } };
    }
    throw err;
  }
}
