import { describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  RESERVED_WORDS,
  formatFormula,
  nearlyEqual,
  parseFormula,
  references,
  roundTo,
  tokenize,
  type FormulaError,
} from './formula.js';

/** The AST written back fully parenthesised, or the error. */
function read(text: string): string {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`${r.error.key} at ${r.error.position}`);
  return formatFormula(r.ast);
}
function error(text: string): FormulaError {
  const r = parseFormula(text);
  if (r.ok) throw new Error(`parsed: ${formatFormula(r.ast)}`);
  return r.error;
}

describe('tokenizer', () => {
  it('reads numbers with a decimal point, references with dots, operators and keywords', () => {
    const r = tokenize('12.5 + t.c.r >= 3 and not x <> y');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tokens.map((t) => [t.type, t.text, t.pos])).toEqual([
      ['number', '12.5', 0],
      ['op', '+', 5],
      ['name', 't.c.r', 7],
      ['op', '>=', 13],
      ['number', '3', 16],
      ['op', 'and', 18],
      ['op', 'not', 22],
      ['name', 'x', 26],
      ['op', '<>', 28],
      ['name', 'y', 31],
      ['eof', '', 32],
    ]);
  });
  it('reads ≤ ≥ ≠ as <= >= <>, and keywords in any case', () => {
    expect(read('a ≤ b')).toBe('(a <= b)');
    expect(read('a ≥ b')).toBe('(a >= b)');
    expect(read('a ≠ b')).toBe('(a <> b)');
    expect(read('a = 1 AND b = 2 Or NOT c = 3')).toBe('(((a = 1) and (b = 2)) or (not (c = 3)))');
  });
  it('skips spaces, tabs and line breaks', () => {
    expect(read(' a\t+\n b\r\n')).toBe('(a + b)');
  });
  it('refuses a character outside the language, with its position', () => {
    expect(error('a + b % 2')).toEqual({
      key: 'reports.formula.unexpected_char',
      position: 6,
      params: { found: '%' },
    });
    expect(error('a # b').params.found).toBe('#');
    expect(error('x + 😀').params).toEqual({ found: '😀' });
  });
  it('refuses a number with a dangling point', () => {
    expect(error('1. + 2')).toEqual({
      key: 'reports.formula.bad_number',
      position: 0,
      params: { found: '1.' },
    });
    expect(error('1.2.3').key).toBe('reports.formula.unexpected_char');
  });
  it('suggests the operator of this language for == != && ||', () => {
    expect(error('a == b')).toEqual({
      key: 'reports.formula.use_operator',
      position: 2,
      params: { found: '==', use: '=' },
    });
    expect(error('a != b').params).toEqual({ found: '!=', use: '<>' });
    expect(error('a = 1 && b = 2').params.use).toBe('and');
    expect(error('a = 1 || b = 2').params.use).toBe('or');
  });
  it('refuses malformed references: a trailing dot, a digit after a dot, more than three parts', () => {
    expect(error('t. + 1')).toMatchObject({ key: 'reports.formula.bad_reference', position: 0 });
    expect(error('t.1')).toMatchObject({ key: 'reports.formula.bad_reference' });
    expect(error('a.b.c.d')).toMatchObject({
      key: 'reports.formula.bad_reference',
      params: { found: 'a.b.c.d' },
    });
  });
});

describe('parser: precedence and associativity', () => {
  it('multiplication before addition, left to right', () => {
    expect(read('a + b * c')).toBe('(a + (b * c))');
    expect(read('a * b + c')).toBe('((a * b) + c)');
    expect(read('a - b - c')).toBe('((a - b) - c)');
    expect(read('a / b / c')).toBe('((a / b) / c)');
    expect(read('a - b + c')).toBe('((a - b) + c)');
  });
  it('parentheses override precedence', () => {
    expect(read('(a + b) * c')).toBe('((a + b) * c)');
    expect(read('((a))')).toBe('a');
  });
  it('unary minus binds tighter than * and can repeat', () => {
    expect(read('-a * b')).toBe('((-a) * b)');
    expect(read('2 - -3')).toBe('(2 - (-3))');
    expect(read('--a')).toBe('(-(-a))');
  });
  it('comparisons below arithmetic, not below comparisons, and below or', () => {
    expect(read('a + 1 <= b * 2')).toBe('((a + 1) <= (b * 2))');
    expect(read('not a = b')).toBe('(not (a = b))');
    expect(read('a = 1 or b = 2 and c = 3')).toBe('((a = 1) or ((b = 2) and (c = 3)))');
    expect(read('not not a > 0')).toBe('(not (not (a > 0)))');
  });
  it('the example rules of issue 13: done <= total; received = resolved + processing', () => {
    expect(read('done <= total')).toBe('(done <= total)');
    expect(read('received = resolved + processing')).toBe('(received = (resolved + processing))');
  });
  it('functions, with nested calls and column references', () => {
    expect(read('round(pct(sum(t.on_time), sum(t.resolved)), 2)')).toBe(
      'round(pct(sum(t.on_time), sum(t.resolved)), 2)',
    );
    expect(read('if(a > 0, b / a, 0)')).toBe('if((a > 0), (b / a), 0)');
    expect(read('min(a, b, c)')).toBe('min(a, b, c)');
    expect(read('count(t)')).toBe('count(t)');
    expect(read('SUM(x)')).toBe('sum(x)');
  });
  it('a cell of a fixed-row table is table.row.column', () => {
    const r = parseFormula('t.provincial.received + 1');
    expect(r.ok && references(r.ast).map((x) => x.path)).toEqual([['t', 'provincial', 'received']]);
  });
  it('keeps the start and end of each node', () => {
    const r = parseFormula('a + sum(t.c)');
    expect(r.ok).toBe(true);
    if (!r.ok || r.ast.kind !== 'binary') return;
    expect([r.ast.pos, r.ast.end]).toEqual([0, 12]);
    expect([r.ast.right.pos, r.ast.right.end]).toEqual([4, 12]);
  });
});

describe('parser: errors carry a key, a position and params', () => {
  it('an empty formula', () => {
    expect(error('')).toEqual({ key: 'reports.formula.empty', position: 0, params: {} });
    expect(error('   ').key).toBe('reports.formula.empty');
  });
  it('a formula that ends too early', () => {
    expect(error('a +')).toEqual({ key: 'reports.formula.unexpected_end', position: 3, params: {} });
    expect(error('not')).toMatchObject({ key: 'reports.formula.unexpected_end' });
  });
  it('an unexpected token', () => {
    expect(error('a b')).toEqual({
      key: 'reports.formula.unexpected_token',
      position: 2,
      params: { found: 'b' },
    });
    expect(error('a + * b')).toMatchObject({ key: 'reports.formula.unexpected_token', position: 4 });
    expect(error('a )')).toMatchObject({ key: 'reports.formula.unexpected_token', position: 2 });
    expect(error('+a')).toMatchObject({ key: 'reports.formula.unexpected_token', position: 0 });
    expect(error('(a,b)')).toMatchObject({ key: 'reports.formula.unexpected_token', position: 2 });
  });
  it('an unclosed parenthesis points at where it opened', () => {
    expect(error('(a + (b * c)')).toEqual({ key: 'reports.formula.unclosed_paren', position: 0, params: {} });
    expect(error('sum(a')).toMatchObject({ key: 'reports.formula.unclosed_paren', position: 3 });
    expect(error('sum(a b)')).toMatchObject({ key: 'reports.formula.unexpected_token', position: 6 });
  });
  it('a Vietnamese decimal comma gets its own message', () => {
    expect(error('a * 0,5')).toEqual({
      key: 'reports.formula.decimal_comma',
      position: 4,
      params: { found: '0,5', use: '0.5' },
    });
    // Inside a call the comma separates arguments.
    expect(read('round(a, 0)')).toBe('round(a, 0)');
  });
  it('an unknown function, a function without parentheses, a wrong number of arguments', () => {
    expect(error('total(a)')).toEqual({
      key: 'reports.formula.unknown_function',
      position: 0,
      params: { name: 'total' },
    });
    expect(error('a + sum')).toEqual({
      key: 'reports.formula.call_expected',
      position: 4,
      params: { name: 'sum' },
    });
    expect(error('round(a)')).toEqual({
      key: 'reports.formula.arity',
      position: 0,
      params: { name: 'round', expected: '2', found: 1 },
    });
    expect(error('sum()').params).toEqual({ name: 'sum', expected: '1+', found: 0 });
    expect(error('if(a > 1, 2)').params).toEqual({ name: 'if', expected: '3', found: 2 });
    expect(error('count(a, b)').params.found).toBe(2);
    expect(error('pct(a)').params.expected).toBe('2');
    expect(error('t.c(a)').key).toBe('reports.formula.unknown_function');
  });
  it('comparisons are never chained', () => {
    expect(error('a <= b <= c')).toEqual({
      key: 'reports.formula.chained_comparison',
      position: 7,
      params: { found: '<=' },
    });
    expect(read('a <= b and b <= c')).toBe('((a <= b) and (b <= c))');
  });
  it('refuses a formula longer than the limit, and nesting deeper than the limit', () => {
    expect(error('a+'.repeat(MAX_FORMULA_LENGTH))).toMatchObject({
      key: 'reports.formula.too_long',
      params: { limit: MAX_FORMULA_LENGTH },
    });
    const deep = '('.repeat(MAX_FORMULA_DEPTH + 1) + 'a' + ')'.repeat(MAX_FORMULA_DEPTH + 1);
    expect(error(deep)).toMatchObject({
      key: 'reports.formula.too_complex',
      params: { limit: MAX_FORMULA_DEPTH },
    });
    expect(error('-'.repeat(MAX_FORMULA_DEPTH + 1) + 'a').key).toBe('reports.formula.too_complex');
    expect(error('not '.repeat(MAX_FORMULA_DEPTH + 1) + 'a').key).toBe('reports.formula.too_complex');
    const nested = 'sum('.repeat(MAX_FORMULA_DEPTH + 1) + 'a' + ')'.repeat(MAX_FORMULA_DEPTH + 1);
    expect(error(nested).key).toBe('reports.formula.too_complex');
    const ok = '('.repeat(MAX_FORMULA_DEPTH - 1) + 'a' + ')'.repeat(MAX_FORMULA_DEPTH - 1);
    expect(read(ok)).toBe('a');
  });
  it('never throws, whatever the text', () => {
    const samples = [
      '(',
      ')',
      ',',
      '.',
      '..',
      'a..b',
      '1e5',
      '0x10',
      '"a"',
      "'a'",
      'a[1]',
      '\u0000',
      'a.b.',
      '-',
      'if(',
      'not(',
      '1..2',
    ];
    for (const s of samples) expect(() => parseFormula(s)).not.toThrow();
    for (const s of samples) expect(parseFormula(s).ok).toBe(false);
  });
});

describe('the language', () => {
  it('reserves its keywords and function names as keys', () => {
    for (const w of ['and', 'or', 'not', ...Object.keys(FUNCTIONS)]) expect(RESERVED_WORDS.has(w)).toBe(true);
    expect(RESERVED_WORDS.has('total')).toBe(false);
  });
  it('lists references in reading order', () => {
    const r = parseFormula('if(a > 0, pct(b, a), -c.d)');
    expect(r.ok && references(r.ast).map((x) => x.path.join('.'))).toEqual(['a', 'b', 'a', 'c.d']);
  });
});

describe('numbers', () => {
  it('rounds half away from zero on the decimal digits people see', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(0.5, 0)).toBe(1);
    expect(roundTo(-0.5, 0)).toBe(-1);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(roundTo(55.357142857, 2)).toBe(55.36);
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(roundTo(123456789.125, 2)).toBe(123456789.13);
    expect(roundTo(12.3456, 10)).toBe(12.3456);
    expect(roundTo(Infinity, 2)).toBe(Infinity);
  });
  it('compares up to floating-point noise', () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(1000000.1 + 0.2, 1000000.3)).toBe(true);
    expect(nearlyEqual(1, 1.0001)).toBe(false);
  });
});
