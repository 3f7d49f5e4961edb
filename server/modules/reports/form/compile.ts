/**
 * Formulas bound to a form version — pure. `compileForm` parses every computed field's formula and every
 * validation rule, resolves their references against the form (field, `table.column`, `table.row.column`),
 * checks their types, finds division by a literal zero and reference cycles among computed fields, and
 * orders the computed fields so each comes after what it reads (topological, ties in reading order).
 * The result is cached per form object. `runExpression` evaluates a compiled expression over a `Scope`: a
 * unit's values (./evaluate.ts) or the consolidated figures (./consolidate.ts).
 *
 * Runtime semantics (README.md):
 * - an empty value is `null`, never 0; `+ - * /`, comparisons, `round`, `pct`, `not` and unary minus give
 *   null when an operand is empty; `and` is false if either side is false, `or` true if either is true,
 *   otherwise null when a side is empty;
 * - `sum`, `avg`, `min`, `max` ignore empty values, like a spreadsheet, and are empty when nothing is left
 *   (`sum` over a table entered with no rows is 0); `count(table)` is its number of rows,
 *   `count(table.column)` the number of filled cells; both empty when the table was not entered;
 * - `x / 0` is null and recorded (the caller reports it); `pct(part, 0)` is null by definition;
 * - `=`, `<>`, `<=`, `>=` compare up to floating-point noise (0.1 + 0.2 = 0.3);
 * - `if` evaluates only the branch it takes.
 */
import { nearlyEqual, parseFormula, roundTo, type FormulaNode, type FunctionName } from './formula.js';
import {
  formFields,
  type Column,
  type ComputedField,
  type Field,
  type FormVersion,
  type PlacedField,
  type ValidationRule,
} from './form-definition.js';
import type { Problem, ProblemKey } from './messages.js';

/** The static type of an expression. */
export type ValueType = 'number' | 'boolean' | 'list' | 'table' | 'text' | 'choice' | 'text_list';

type Cmp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A formula with its references resolved. */
export type Expr =
  | { k: 'num'; value: number }
  | { k: 'field'; key: string }
  | { k: 'column'; table: string; column: string }
  | { k: 'cell'; table: string; row: string; column: string }
  | { k: 'rows'; table: string }
  | { k: 'neg'; e: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'arith'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr; pos: number }
  | { k: 'cmp'; op: Cmp; l: Expr; r: Expr }
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'call'; fn: FunctionName; args: Expr[]; pos: number };

export type CompiledFormula = {
  expr: Expr;
  type: ValueType;
  /** Top-level fields the formula reads (tables included), in reading order, without repeats. */
  reads: string[];
  /** The computed fields among them. */
  dependsOn: string[];
};

export type CompiledRule = { rule: ValidationRule; formula: CompiledFormula | null; fields: string[] };

export type CompiledForm = {
  form: FormVersion;
  placed: PlacedField[];
  fields: Map<string, Field>;
  /** Each computed field's formula, or null when it has a problem. */
  computed: Map<string, CompiledFormula | null>;
  /** Computed fields that can be evaluated, in dependency order. */
  order: string[];
  rules: CompiledRule[];
  /** Cycles among computed fields, each in reference order (a → b → c means a reads b, b reads c, c reads a). */
  cycles: string[][];
  /** Problems of the formulas (syntax, references, types, zero divisors, cycles). */
  problems: Problem[];
};

type Owner = { field: string | null; rule?: string };

function problem(owner: Owner, key: ProblemKey, params: Record<string, string | number> = {}): Problem {
  return {
    key,
    field: owner.field,
    params: owner.rule !== undefined ? { rule: owner.rule, ...params } : params,
  };
}

const at = (pos: number) => ({ position: pos + 1, offset: pos });

/** The value type a field stands for when a formula names it. */
function fieldType(f: Field): ValueType {
  switch (f.type) {
    case 'number':
    case 'percent':
    case 'computed':
      return 'number';
    case 'table':
      return 'table';
    case 'narrative':
      return 'text';
    case 'choice':
      return 'choice';
  }
}
const columnType = (c: Column): 'number' | 'text' | 'choice' =>
  c.type === 'number' || c.type === 'percent' ? 'number' : c.type === 'text' ? 'text' : 'choice';

/** The value of a constant sub-expression (no references), or undefined. */
function constant(e: Expr): number | undefined {
  switch (e.k) {
    case 'num':
      return e.value;
    case 'neg': {
      const v = constant(e.e);
      return v === undefined ? undefined : -v;
    }
    case 'arith': {
      const l = constant(e.l);
      const r = constant(e.r);
      if (l === undefined || r === undefined) return undefined;
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      return r === 0 ? undefined : l / r;
    }
    default:
      return undefined;
  }
}

class Binder {
  readonly problems: Problem[] = [];
  readonly reads: string[] = [];
  constructor(
    private readonly fields: Map<string, Field>,
    private readonly owner: Owner,
  ) {}

  private report(key: ProblemKey, params: Record<string, string | number>) {
    this.problems.push(problem(this.owner, key, params));
  }
  private read(key: string) {
    if (!this.reads.includes(key)) this.reads.push(key);
  }

  /** Binds and types a node; returns null (after reporting) when it cannot. */
  bind(node: FormulaNode): { e: Expr; t: ValueType } | null {
    switch (node.kind) {
      case 'number':
        return { e: { k: 'num', value: node.value }, t: 'number' };
      case 'ref':
        return this.ref(node);
      case 'unary': {
        const inner = this.bind(node.operand);
        if (!inner) return null;
        if (node.op === '-') {
          if (!this.expect(inner.t, 'number', node.operand)) return null;
          return { e: { k: 'neg', e: inner.e }, t: 'number' };
        }
        if (!this.expect(inner.t, 'boolean', node.operand)) return null;
        return { e: { k: 'not', e: inner.e }, t: 'boolean' };
      }
      case 'binary': {
        const l = this.bind(node.left);
        const r = this.bind(node.right);
        if (!l || !r) return null;
        if (node.op === 'and' || node.op === 'or') {
          const ok = this.expect(l.t, 'boolean', node.left) && this.expect(r.t, 'boolean', node.right);
          return ok ? { e: { k: node.op, l: l.e, r: r.e }, t: 'boolean' } : null;
        }
        const ok = this.expect(l.t, 'number', node.left) && this.expect(r.t, 'number', node.right);
        if (!ok) return null;
        if (node.op === '+' || node.op === '-' || node.op === '*' || node.op === '/') {
          if (node.op === '/' && constant(r.e) === 0)
            this.report('reports.check.division_by_zero', at(node.right.pos));
          return { e: { k: 'arith', op: node.op, l: l.e, r: r.e, pos: node.right.pos }, t: 'number' };
        }
        return { e: { k: 'cmp', op: node.op, l: l.e, r: r.e }, t: 'boolean' };
      }
      case 'call':
        return this.call(node);
    }
  }

  /** Reports a mismatch naming the reference (or the expression) at the node's position. */
  private expect(
    actual: ValueType,
    expected: ValueType | 'number_or_list' | 'table_or_column',
    node: FormulaNode,
  ) {
    const fits =
      actual === expected ||
      (expected === 'number_or_list' && (actual === 'number' || actual === 'list')) ||
      (expected === 'table_or_column' && (actual === 'table' || actual === 'list' || actual === 'text_list'));
    if (fits) return true;
    this.report('reports.check.type_mismatch', {
      ...at(node.pos),
      expected,
      found: actual,
      ...(node.kind === 'ref' ? { ref: node.path.join('.') } : {}),
    });
    return false;
  }

  private ref(node: Extract<FormulaNode, { kind: 'ref' }>): { e: Expr; t: ValueType } | null {
    const [head, second, third] = node.path as [string, string | undefined, string | undefined];
    const f = this.fields.get(head);
    if (!f) {
      this.report('reports.check.unknown_field', { ...at(node.pos), ref: head });
      return null;
    }
    this.read(head);
    if (second === undefined) {
      const t = fieldType(f);
      return t === 'table' ? { e: { k: 'rows', table: head }, t } : { e: { k: 'field', key: head }, t };
    }
    if (f.type !== 'table') {
      this.report('reports.check.not_a_table', { ...at(node.pos), ref: head, col: third ?? second });
      return null;
    }
    if (third === undefined) {
      const col = f.columns.find((c) => c.key === second);
      if (!col) {
        this.report('reports.check.unknown_column', { ...at(node.pos), table: head, col: second });
        return null;
      }
      const t = columnType(col) === 'number' ? 'list' : 'text_list';
      return { e: { k: 'column', table: head, column: second }, t };
    }
    if (!f.fixedRows) {
      this.report('reports.check.not_fixed_rows', { ...at(node.pos), table: head });
      return null;
    }
    if (!f.fixedRows.some((r) => r.key === second)) {
      this.report('reports.check.unknown_row', { ...at(node.pos), table: head, row: second });
      return null;
    }
    const col = f.columns.find((c) => c.key === third);
    if (!col) {
      this.report('reports.check.unknown_column', { ...at(node.pos), table: head, col: third });
      return null;
    }
    return { e: { k: 'cell', table: head, row: second, column: third }, t: columnType(col) };
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>): { e: Expr; t: ValueType } | null {
    const args = node.args.map((a) => this.bind(a));
    if (args.some((a) => a === null)) return null;
    const bound = args as Array<{ e: Expr; t: ValueType }>;
    const exprs = bound.map((a) => a.e);
    const out = (t: ValueType) => ({
      e: { k: 'call', fn: node.name, args: exprs, pos: node.pos } as Expr,
      t,
    });
    switch (node.name) {
      case 'sum':
      case 'avg':
      case 'min':
      case 'max':
        return bound.every((a, i) => this.expect(a.t, 'number_or_list', node.args[i]!))
          ? out('number')
          : null;
      case 'round': {
        const ok =
          this.expect(bound[0]!.t, 'number', node.args[0]!) &&
          this.expect(bound[1]!.t, 'number', node.args[1]!);
        if (!ok) return null;
        const digits = constant(bound[1]!.e);
        if (digits !== undefined && (!Number.isInteger(digits) || digits < 0 || digits > 10))
          this.report('reports.check.round_digits', at(node.args[1]!.pos));
        return out('number');
      }
      case 'count':
        return this.expect(bound[0]!.t, 'table_or_column', node.args[0]!) ? out('number') : null;
      case 'pct': {
        const ok =
          this.expect(bound[0]!.t, 'number', node.args[0]!) &&
          this.expect(bound[1]!.t, 'number', node.args[1]!);
        if (!ok) return null;
        if (constant(bound[1]!.e) === 0) this.report('reports.check.division_by_zero', at(node.args[1]!.pos));
        return out('number');
      }
      case 'if': {
        if (!this.expect(bound[0]!.t, 'boolean', node.args[0]!)) return null;
        const then = bound[1]!.t;
        if (then !== 'number' && then !== 'boolean') {
          this.expect(then, 'number', node.args[1]!);
          return null;
        }
        return this.expect(bound[2]!.t, then, node.args[2]!) ? out(then) : null;
      }
    }
  }
}

function compileFormula(
  text: string,
  fields: Map<string, Field>,
  owner: Owner,
  problems: Problem[],
): CompiledFormula | null {
  const parsed = parseFormula(text);
  if (!parsed.ok) {
    problems.push(problem(owner, parsed.error.key, { ...parsed.error.params, ...at(parsed.error.position) }));
    return null;
  }
  const binder = new Binder(fields, owner);
  const bound = binder.bind(parsed.ast);
  problems.push(...binder.problems);
  if (!bound || binder.problems.length > 0) return null;
  const dependsOn = binder.reads.filter((k) => fields.get(k)?.type === 'computed');
  return { expr: bound.e, type: bound.t, reads: binder.reads, dependsOn };
}

/** Every cycle among computed fields, each once, in reference order starting at its first-declared field. */
function findCycles(computedKeys: string[], deps: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    state.set(key, 'open');
    stack.push(key);
    for (const next of deps.get(key) ?? []) {
      const s = state.get(next);
      if (s === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const id = [...cycle].sort().join('\u0000');
        if (!seen.has(id)) {
          seen.add(id);
          cycles.push(cycle);
        }
      } else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const key of computedKeys) if (!state.has(key)) visit(key);
  return cycles;
}

/** Kahn's algorithm; ties go in reading order. Fields in or after a cycle are left out. */
function dependencyOrder(computedKeys: string[], deps: Map<string, string[]>): string[] {
  const indegree = new Map<string, number>();
  const readers = new Map<string, string[]>();
  for (const key of computedKeys) {
    const list = deps.get(key) ?? [];
    indegree.set(key, list.length);
    for (const d of list) {
      const r = readers.get(d);
      if (r) r.push(key);
      else readers.set(d, [key]);
    }
  }
  const rank = new Map(computedKeys.map((k, i) => [k, i]));
  const ready = computedKeys.filter((k) => indegree.get(k) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
    const key = ready.shift()!;
    order.push(key);
    for (const r of readers.get(key) ?? []) {
      const n = indegree.get(r)! - 1;
      indegree.set(r, n);
      if (n === 0) ready.push(r);
    }
  }
  return order;
}

const cache = new WeakMap<FormVersion, CompiledForm>();

/** Compiles a form version's formulas (cached per form object). Never throws on a parsed form. */
export function compileForm(form: FormVersion): CompiledForm {
  const hit = cache.get(form);
  if (hit) return hit;
  const placed = formFields(form);
  const fields = new Map<string, Field>();
  for (const { field } of placed) if (!fields.has(field.key)) fields.set(field.key, field);
  const problems: Problem[] = [];
  const computed = new Map<string, CompiledFormula | null>();
  const computedKeys: string[] = [];
  for (const { field } of placed) {
    if (field.type !== 'computed' || computed.has(field.key)) continue;
    computedKeys.push(field.key);
    const c = compileFormula(field.formula, fields, { field: field.key }, problems);
    if (c && c.type !== 'number') {
      problems.push(problem({ field: field.key }, 'reports.check.computed_not_number', { found: c.type }));
      computed.set(field.key, null);
    } else computed.set(field.key, c);
  }
  // A formula with a problem still counts its readable references for cycles: bind again leniently.
  const deps = new Map<string, string[]>();
  for (const key of computedKeys) {
    const field = fields.get(key) as ComputedField;
    deps.set(key, computedReads(field.formula, fields));
  }
  const cycles = findCycles(computedKeys, deps);
  for (const cycle of cycles)
    problems.push({
      key: 'reports.check.cycle',
      field: cycle[0]!,
      params: { cycle: [...cycle, cycle[0]!].join(' → ') },
      fields: cycle,
    });
  const order = dependencyOrder(computedKeys, deps).filter((k) => computed.get(k) != null);

  const rules: CompiledRule[] = [];
  for (const rule of form.rules) {
    const owner = { field: null, rule: rule.key };
    const c = compileFormula(rule.expression, fields, owner, problems);
    if (c && c.type !== 'boolean')
      problems.push(problem(owner, 'reports.check.rule_not_boolean', { found: c.type }));
    for (const ref of rule.fields ?? [])
      if (!fields.has(ref)) problems.push(problem(owner, 'reports.check.rule_unknown_field', { ref }));
    rules.push({
      rule,
      formula: c && c.type === 'boolean' ? c : null,
      fields: (rule.fields ?? c?.reads ?? []).filter((k) => fields.has(k)),
    });
  }
  const result: CompiledForm = { form, placed, fields, computed, order, rules, cycles, problems };
  cache.set(form, result);
  return result;
}

/** The computed fields a formula names, whatever else is wrong with it (for cycle detection). */
function computedReads(text: string, fields: Map<string, Field>): string[] {
  const parsed = parseFormula(text);
  if (!parsed.ok) return [];
  const out: string[] = [];
  const walk = (n: FormulaNode) => {
    if (n.kind === 'ref') {
      const k = n.path[0]!;
      if (n.path.length === 1 && fields.get(k)?.type === 'computed' && !out.includes(k)) out.push(k);
    } else if (n.kind === 'unary') walk(n.operand);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === 'call') n.args.forEach(walk);
  };
  walk(parsed.ast);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

/** Where values come from: one unit's report, or the consolidated figures. */
export type Scope = {
  number(key: string): number | null;
  /** A column's cells (any type), or null when the table was not entered. */
  column(table: string, column: string): readonly unknown[] | null;
  cell(table: string, row: string, column: string): number | null;
  /** The number of rows, or null when the table was not entered. */
  rows(table: string): number | null;
};

type Runtime = number | boolean | null | { list: readonly unknown[] } | undefined;

export type RunContext = {
  /** Position (0-based) of the first division by zero met, if any. */
  divisionByZero: number | null;
};

/** Whether a value counts as entered: not null, not an empty string, not an empty list. */
export function isFilled(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return false;
  return !(Array.isArray(v) && v.length === 0);
}

/** Evaluates a compiled expression. Types were checked by `compileForm`; anything unexpected reads as empty. */
export function runExpression(e: Expr, scope: Scope, ctx: RunContext): number | boolean | null {
  const v = run(e, scope, ctx);
  return typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

const num = (v: Runtime): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: Runtime): boolean | null => (typeof v === 'boolean' ? v : null);

function run(e: Expr, scope: Scope, ctx: RunContext): Runtime {
  switch (e.k) {
    case 'num':
      return e.value;
    case 'field':
      return scope.number(e.key);
    case 'cell':
      return scope.cell(e.table, e.row, e.column);
    case 'column': {
      const list = scope.column(e.table, e.column);
      return list ? { list } : null;
    }
    case 'rows':
      return scope.rows(e.table);
    case 'neg': {
      const v = num(run(e.e, scope, ctx));
      return v === null ? null : -v;
    }
    case 'not': {
      const v = bool(run(e.e, scope, ctx));
      return v === null ? null : !v;
    }
    case 'arith': {
      const l = num(run(e.l, scope, ctx));
      const r = num(run(e.r, scope, ctx));
      if (l === null || r === null) return null;
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          if (r === 0) {
            ctx.divisionByZero ??= e.pos;
            return null;
          }
          return l / r;
      }
      return null;
    }
    case 'cmp': {
      const l = num(run(e.l, scope, ctx));
      const r = num(run(e.r, scope, ctx));
      if (l === null || r === null) return null;
      const eq = nearlyEqual(l, r);
      switch (e.op) {
        case '=':
          return eq;
        case '<>':
          return !eq;
        case '<':
          return l < r && !eq;
        case '<=':
          return l < r || eq;
        case '>':
          return l > r && !eq;
        case '>=':
          return l > r || eq;
      }
      return null;
    }
    case 'and': {
      const l = bool(run(e.l, scope, ctx));
      if (l === false) return false;
      const r = bool(run(e.r, scope, ctx));
      if (r === false) return false;
      return l === null || r === null ? null : true;
    }
    case 'or': {
      const l = bool(run(e.l, scope, ctx));
      if (l === true) return true;
      const r = bool(run(e.r, scope, ctx));
      if (r === true) return true;
      return l === null || r === null ? null : false;
    }
    case 'call':
      return call(e, scope, ctx);
  }
}

/** The numbers of aggregate arguments: scalars and column cells, empties dropped. */
function gather(args: Expr[], scope: Scope, ctx: RunContext): { values: number[]; emptyTable: boolean } {
  const values: number[] = [];
  let emptyTable = false;
  for (const a of args) {
    const v = run(a, scope, ctx);
    if (typeof v === 'number') {
      if (Number.isFinite(v)) values.push(v);
    } else if (v !== null && typeof v === 'object') {
      if (v.list.length === 0) emptyTable = true;
      for (const x of v.list) if (typeof x === 'number' && Number.isFinite(x)) values.push(x);
    }
  }
  return { values, emptyTable };
}

function call(e: Extract<Expr, { k: 'call' }>, scope: Scope, ctx: RunContext): Runtime {
  switch (e.fn) {
    case 'sum': {
      const { values, emptyTable } = gather(e.args, scope, ctx);
      if (values.length === 0) return emptyTable ? 0 : null;
      let s = 0;
      for (const v of values) s += v;
      return s;
    }
    case 'avg': {
      const { values } = gather(e.args, scope, ctx);
      if (values.length === 0) return null;
      let s = 0;
      for (const v of values) s += v;
      return s / values.length;
    }
    case 'min':
    case 'max': {
      const { values } = gather(e.args, scope, ctx);
      if (values.length === 0) return null;
      let m = values[0]!;
      for (const v of values) m = e.fn === 'min' ? Math.min(m, v) : Math.max(m, v);
      return m;
    }
    case 'round': {
      const x = num(run(e.args[0]!, scope, ctx));
      const d = num(run(e.args[1]!, scope, ctx));
      return x === null || d === null ? null : roundTo(x, d);
    }
    case 'count': {
      const v = run(e.args[0]!, scope, ctx);
      if (typeof v === 'number') return v;
      if (v === null || typeof v !== 'object') return null;
      let n = 0;
      for (const x of v.list) if (isFilled(x)) n += 1;
      return n;
    }
    case 'pct': {
      const part = num(run(e.args[0]!, scope, ctx));
      const whole = num(run(e.args[1]!, scope, ctx));
      if (part === null || whole === null || whole === 0) return null;
      return (part * 100) / whole;
    }
    case 'if': {
      const c = bool(run(e.args[0]!, scope, ctx));
      if (c === null) return null;
      return run(c ? e.args[1]! : e.args[2]!, scope, ctx);
    }
  }
}
