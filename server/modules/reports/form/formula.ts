/**
 * The formula language of report forms — pure. Its own tokenizer and recursive-descent parser produce an
 * AST; nothing is ever passed to `eval` or `Function`. Errors carry a 0-based `position` and a machine key
 * (`reports.formula.*`) with params, so the messages are written once in ./messages.ts (vi first, en).
 *
 * Grammar (lowest precedence first; see README.md):
 *
 *   formula    := or EOF
 *   or         := and ( "or" and )*
 *   and        := not ( "and" not )*
 *   not        := "not" not | comparison
 *   comparison := additive ( ( "=" | "<>" | "<" | "<=" | ">" | ">=" ) additive )?   -- never chained
 *   additive   := term ( ( "+" | "-" ) term )*
 *   term       := unary ( ( "*" | "/" ) unary )*
 *   unary      := "-" unary | primary
 *   primary    := NUMBER | NAME "(" args? ")" | REF | "(" or ")"
 *   args       := or ( "," or )*
 *   NUMBER     := digits ( "." digits )?            -- "." is the only decimal mark
 *   REF        := key ( "." key ){0,2}              -- field, table.column, table.row.column
 *
 * Keywords (`and`, `or`, `not`) and function names are case-insensitive; references are not (keys are
 * lowercase). `≤`, `≥` and `≠` are read as `<=`, `>=` and `<>`.
 */

export const FUNCTIONS = {
  sum: { min: 1, max: Infinity },
  avg: { min: 1, max: Infinity },
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  round: { min: 2, max: 2 },
  count: { min: 1, max: 1 },
  if: { min: 3, max: 3 },
  pct: { min: 2, max: 2 },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

export const KEYWORDS = ['and', 'or', 'not'] as const;

/** Words a field, column, row or rule key may not be: they would read as an operator or a function. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set<string>([...KEYWORDS, ...Object.keys(FUNCTIONS)]);

export const MAX_FORMULA_LENGTH = 2000;
/** Nesting limit (parentheses, calls, unary operators): keeps hostile input off the call stack. */
export const MAX_FORMULA_DEPTH = 64;

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;

export type FormulaNode =
  | { kind: 'number'; value: number; pos: number; end: number }
  | { kind: 'ref'; path: string[]; pos: number; end: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: FormulaNode; pos: number; end: number }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode; pos: number; end: number }
  | { kind: 'call'; name: FunctionName; args: FormulaNode[]; pos: number; end: number };

export type FormulaErrorKey =
  | 'reports.formula.empty'
  | 'reports.formula.too_long'
  | 'reports.formula.too_complex'
  | 'reports.formula.unexpected_char'
  | 'reports.formula.bad_number'
  | 'reports.formula.decimal_comma'
  | 'reports.formula.use_operator'
  | 'reports.formula.unexpected_token'
  | 'reports.formula.unexpected_end'
  | 'reports.formula.unclosed_paren'
  | 'reports.formula.unknown_function'
  | 'reports.formula.call_expected'
  | 'reports.formula.arity'
  | 'reports.formula.chained_comparison'
  | 'reports.formula.bad_reference';

export type FormulaError = {
  key: FormulaErrorKey;
  /** 0-based offset in the formula text (messages show it 1-based). */
  position: number;
  params: Record<string, string | number>;
};

export type ParseResult = { ok: true; ast: FormulaNode } | { ok: false; error: FormulaError };

// ---------------------------------------------------------------------------------------------------------
// Tokenizer

export type Token =
  | { type: 'number'; value: number; text: string; pos: number; end: number }
  | { type: 'name'; parts: string[]; text: string; pos: number; end: number }
  | {
      type: 'op';
      op: ComparisonOp | ArithmeticOp | LogicalOp | 'not';
      text: string;
      pos: number;
      end: number;
    }
  | { type: '(' | ')' | ','; text: string; pos: number; end: number }
  | { type: 'eof'; text: ''; pos: number; end: number };

class FormulaSyntaxError extends Error {
  constructor(readonly detail: FormulaError) {
    super(detail.key);
  }
}

const fail = (
  key: FormulaErrorKey,
  position: number,
  params: Record<string, string | number> = {},
): never => {
  throw new FormulaSyntaxError({ key, position, params });
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNamePart = (c: string | undefined) => isNameStart(c) || isDigit(c);

/** Operators people type from other tools, and what this language writes instead. */
const FOREIGN_OPERATORS: ReadonlyArray<[string, string]> = [
  ['==', '='],
  ['!=', '<>'],
  ['&&', 'and'],
  ['||', 'or'],
];

const SINGLE_OPERATORS: ReadonlyMap<string, ComparisonOp | ArithmeticOp> = new Map<
  string,
  ComparisonOp | ArithmeticOp
>([
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '<>'],
]);

function tokenizeOrThrow(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(text[i])) i += 1;
      if (text[i] === '.') {
        if (!isDigit(text[i + 1]))
          fail('reports.formula.bad_number', start, { found: text.slice(start, i + 1) });
        i += 1;
        while (isDigit(text[i])) i += 1;
      }
      const raw = text.slice(start, i);
      tokens.push({ type: 'number', value: Number(raw), text: raw, pos: start, end: i });
      continue;
    }
    if (isNameStart(c)) {
      const parts: string[] = [];
      for (;;) {
        const partStart = i;
        while (isNamePart(text[i])) i += 1;
        parts.push(text.slice(partStart, i));
        if (text[i] === '.' && isNameStart(text[i + 1])) {
          i += 1;
          continue;
        }
        if (text[i] === '.')
          fail('reports.formula.bad_reference', start, { found: text.slice(start, i + 1) });
        break;
      }
      const raw = text.slice(start, i);
      if (parts.length > 3) fail('reports.formula.bad_reference', start, { found: raw });
      const lower = raw.toLowerCase();
      if (parts.length === 1 && (lower === 'and' || lower === 'or' || lower === 'not'))
        tokens.push({ type: 'op', op: lower, text: raw, pos: start, end: i });
      else tokens.push({ type: 'name', parts, text: raw, pos: start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    const foreign = FOREIGN_OPERATORS.find(([f]) => f === two);
    if (foreign) fail('reports.formula.use_operator', start, { found: foreign[0], use: foreign[1] });
    if (two === '<=' || two === '>=' || two === '<>') {
      tokens.push({ type: 'op', op: two, text: two, pos: start, end: i + 2 });
      i += 2;
      continue;
    }
    const op = SINGLE_OPERATORS.get(c);
    if (op !== undefined) {
      tokens.push({ type: 'op', op, text: c, pos: start, end: i + 1 });
      i += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, pos: start, end: i + 1 });
      i += 1;
      continue;
    }
    // Report the whole character (a surrogate pair is one character to the reader).
    const cp = text.codePointAt(i)!;
    fail('reports.formula.unexpected_char', start, { found: String.fromCodePoint(cp) });
  }
  tokens.push({ type: 'eof', text: '', pos: text.length, end: text.length });
  return tokens;
}

/** The tokens of a formula, or the first lexical error. */
export function tokenize(text: string): { ok: true; tokens: Token[] } | { ok: false; error: FormulaError } {
  try {
    return { ok: true, tokens: tokenizeOrThrow(text) };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parser

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.type !== 'eof') this.i += 1;
    return t;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.op === op;
  }
  private enter(pos: number) {
    this.depth += 1;
    if (this.depth > MAX_FORMULA_DEPTH)
      fail('reports.formula.too_complex', pos, { limit: MAX_FORMULA_DEPTH });
  }
  private leave() {
    this.depth -= 1;
  }

  /** An unexpected token: the end of the formula, a stray "," used as a decimal mark, or anything else. */
  private unexpected(t: Token): never {
    if (t.type === 'eof') return fail('reports.formula.unexpected_end', t.pos);
    if (t.type === ',') {
      const before = this.tokens[this.i - 1];
      const after = this.tokens[this.i + 1];
      if (
        before?.type === 'number' &&
        after?.type === 'number' &&
        before.end === t.pos &&
        after.pos === t.end
      )
        return fail('reports.formula.decimal_comma', before.pos, {
          found: `${before.text},${after.text}`,
          use: `${before.text}.${after.text}`,
        });
    }
    return fail('reports.formula.unexpected_token', t.pos, { found: t.text });
  }

  parseFormula(): FormulaNode {
    if (this.peek().type === 'eof') fail('reports.formula.empty', 0);
    const node = this.or();
    const t = this.peek();
    if (t.type !== 'eof') this.unexpected(t);
    return node;
  }

  private or(): FormulaNode {
    let left = this.and();
    while (this.isOp('or')) {
      this.next();
      const right = this.and();
      left = { kind: 'binary', op: 'or', left, right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private and(): FormulaNode {
    let left = this.not();
    while (this.isOp('and')) {
      this.next();
      const right = this.not();
      left = { kind: 'binary', op: 'and', left, right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private not(): FormulaNode {
    if (this.isOp('not')) {
      const t = this.next();
      this.enter(t.pos);
      const operand = this.not();
      this.leave();
      return { kind: 'unary', op: 'not', operand, pos: t.pos, end: operand.end };
    }
    return this.comparison();
  }

  private comparison(): FormulaNode {
    const left = this.additive();
    const t = this.peek();
    if (t.type !== 'op' || !COMPARISONS.has(t.op)) return left;
    this.next();
    const right = this.additive();
    const after = this.peek();
    if (after.type === 'op' && COMPARISONS.has(after.op))
      fail('reports.formula.chained_comparison', after.pos, { found: after.text });
    return { kind: 'binary', op: t.op as ComparisonOp, left, right, pos: left.pos, end: right.end };
  }

  private additive(): FormulaNode {
    let left = this.term();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || (t.op !== '+' && t.op !== '-')) return left;
      this.next();
      const right = this.term();
      left = { kind: 'binary', op: t.op, left, right, pos: left.pos, end: right.end };
    }
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || (t.op !== '*' && t.op !== '/')) return left;
      this.next();
      const right = this.unary();
      left = { kind: 'binary', op: t.op, left, right, pos: left.pos, end: right.end };
    }
  }

  private unary(): FormulaNode {
    if (this.isOp('-')) {
      const t = this.next();
      this.enter(t.pos);
      const operand = this.unary();
      this.leave();
      return { kind: 'unary', op: '-', operand, pos: t.pos, end: operand.end };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.next();
    if (t.type === 'number') return { kind: 'number', value: t.value, pos: t.pos, end: t.end };
    if (t.type === '(') {
      this.enter(t.pos);
      const inner = this.or();
      this.leave();
      const close = this.peek();
      if (close.type !== ')') {
        if (close.type === 'eof') fail('reports.formula.unclosed_paren', t.pos);
        this.unexpected(close);
      }
      this.next();
      return inner;
    }
    if (t.type === 'name') {
      const lower = t.text.toLowerCase();
      const isFunction = t.parts.length === 1 && Object.hasOwn(FUNCTIONS, lower);
      if (this.peek().type === '(') {
        if (!isFunction) fail('reports.formula.unknown_function', t.pos, { name: t.text });
        return this.call(lower as FunctionName, t);
      }
      if (isFunction) fail('reports.formula.call_expected', t.pos, { name: lower });
      return { kind: 'ref', path: t.parts, pos: t.pos, end: t.end };
    }
    this.i -= t.type === 'eof' ? 0 : 1;
    return this.unexpected(t);
  }

  private call(name: FunctionName, nameToken: Token): FormulaNode {
    const open = this.next();
    this.enter(open.pos);
    const args: FormulaNode[] = [];
    if (this.peek().type !== ')') {
      for (;;) {
        args.push(this.or());
        if (this.peek().type !== ',') break;
        this.next();
      }
    }
    const close = this.peek();
    if (close.type !== ')') {
      if (close.type === 'eof') fail('reports.formula.unclosed_paren', open.pos);
      this.unexpected(close);
    }
    this.next();
    this.leave();
    const { min, max } = FUNCTIONS[name];
    if (args.length < min || args.length > max)
      fail('reports.formula.arity', nameToken.pos, {
        name,
        expected: max === Infinity ? `${min}+` : min === max ? String(min) : `${min}–${max}`,
        found: args.length,
      });
    return { kind: 'call', name, args, pos: nameToken.pos, end: close.end };
  }
}

/** Parses a formula into its AST, or returns the first error with its position. Never throws. */
export function parseFormula(text: string): ParseResult {
  if (text.length > MAX_FORMULA_LENGTH)
    return {
      ok: false,
      error: {
        key: 'reports.formula.too_long',
        position: MAX_FORMULA_LENGTH,
        params: { limit: MAX_FORMULA_LENGTH },
      },
    };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, ast: new Parser(lexed.tokens).parseFormula() };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
}

/** Every reference of a formula, in reading order. */
export function references(node: FormulaNode, out: Array<Extract<FormulaNode, { kind: 'ref' }>> = []) {
  switch (node.kind) {
    case 'ref':
      out.push(node);
      break;
    case 'unary':
      references(node.operand, out);
      break;
    case 'binary':
      references(node.left, out);
      references(node.right, out);
      break;
    case 'call':
      for (const a of node.args) references(a, out);
      break;
    case 'number':
      break;
  }
  return out;
}

/** The AST written back as text, fully parenthesised — for tests and for showing how a formula was read. */
export function formatFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'ref':
      return node.path.join('.');
    case 'unary':
      return node.op === 'not' ? `(not ${formatFormula(node.operand)})` : `(-${formatFormula(node.operand)})`;
    case 'binary':
      return `(${formatFormula(node.left)} ${node.op} ${formatFormula(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(formatFormula).join(', ')})`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

/**
 * Rounds half away from zero to `digits` decimals, exactly on the decimal digits people see
 * (`round(1.005, 2)` = 1.01, where `Math.round(100.49999…)/100` would give 1).
 */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const d = Math.max(0, Math.min(10, Math.trunc(digits)));
  const abs = Math.abs(value);
  const text = String(abs);
  // Shift by the decimal exponent (exact), unless the number already prints in exponent form.
  let result: number;
  if (text.includes('e')) result = Math.round(abs * 10 ** d) / 10 ** d;
  else {
    const shifted = String(Math.round(Number(`${text}e${d}`)));
    result = shifted.includes('e') ? Number(shifted) / 10 ** d : Number(`${shifted}e-${d}`);
  }
  return result === 0 ? 0 : value < 0 ? -result : result;
}

/** Equality of figures up to floating-point noise (0.1 + 0.2 = 0.3). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
