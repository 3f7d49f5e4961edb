/**
 * Evaluating one unit's submission against a form version — pure, never throws on the values.
 *
 * `evaluate(form, raw)` takes the values as the unit entered them (untrusted: any JSON) and returns
 * `{ values, problems }`:
 * - `values` has every field of the form, normalised: numbers as entered (out-of-range ones are kept so
 *   the unit sees what it typed, with a problem), texts trimmed (line endings `\n`), choices as option keys
 *   (`string`, or `string[]` when multiple), tables as rows `{ key?, cells }` (fixed rows always all
 *   present, in the form's order; free rows without their all-empty rows), computed fields evaluated in
 *   dependency order and rounded to their decimals. **Empty is `null`, never 0**: an empty text, an empty
 *   choice list and a missing value are all `null`; 0 is a figure.
 * - `problems`, each with its `severity`: errors (required and empty, wrong type, not whole, too many
 *   decimals, below the minimum or above the maximum, percentages outside 0–100, unknown options, too long,
 *   rows outside min/max, a computed share outside 0–100, a failed rule, a form whose formulas are broken)
 *   and warnings (a division by zero at run time — the computed value is then null —, failed `warning`
 *   rules, values of fields, columns or rows the form does not have, which are left out).
 *
 * `isComplete(result)`: all required fields filled and no error (the submitted flag is the caller's).
 */
import { compileForm, isFilled, runExpression, type Scope } from './compile.js';
import { roundTo } from './formula.js';
import type {
  ChoiceField,
  Column,
  ComputedField,
  FormVersion,
  NarrativeField,
  NumberField,
  PercentField,
  TableField,
} from './form-definition.js';
import type { Problem, ProblemKey, Severity } from './messages.js';
import { normalizeNarrative } from './narrative.js';

export type CellValue = number | string | string[] | null;
export type TableRow = { key?: string; cells: Record<string, CellValue> };
export type FieldValue = number | string | string[] | TableRow[] | null;
export type FormValues = Record<string, FieldValue>;
export type EvaluationResult = { values: FormValues; problems: Problem[] };

/** Figures beyond this are refused: sums over thousands of units must stay exact. */
export const MAX_MAGNITUDE = 1e15;
/** Rows a free table may send at most, whatever its own limit. */
export const MAX_TABLE_ROWS = 10_000;
const MAX_UNKNOWN_WARNINGS = 20;

type At = { field: string; row?: string | number; col?: string };
type Scalar = NumberField | PercentField | ChoiceField | NarrativeField | Column;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(o, key) ? o[key] : undefined;

class Collector {
  readonly problems: Problem[] = [];
  private unknown = 0;
  push(
    key: ProblemKey,
    at: At | null,
    params: Record<string, string | number> = {},
    severity: Severity = 'error',
  ) {
    const where: Record<string, string | number> = {};
    if (at?.row !== undefined) where.row = at.row;
    if (at?.col !== undefined) where.col = at.col;
    this.problems.push({ key, field: at?.field ?? null, params: { ...where, ...params }, severity });
  }
  /** Warnings about values the form does not have, capped so a hostile payload cannot flood the list. */
  unknownValue(key: ProblemKey, at: At | null, params: Record<string, string | number>) {
    this.unknown += 1;
    if (this.unknown <= MAX_UNKNOWN_WARNINGS) this.push(key, at, params, 'warning');
  }
}

function decimalsOk(v: number, decimals: number): boolean {
  const scaled = v * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

function normalizeNumber(spec: NumberField | PercentField | Column, raw: unknown, at: At, out: Collector) {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    out.push('reports.value.invalid', at, { expected: spec.type === 'percent' ? 'percent' : 'number' });
    return null;
  }
  if (Math.abs(raw) > MAX_MAGNITUDE) {
    out.push('reports.value.too_large', at, { limit: MAX_MAGNITUDE });
    return null;
  }
  if (spec.type !== 'number' && spec.type !== 'percent') return null;
  if (!decimalsOk(raw, spec.decimals)) {
    if (spec.decimals === 0) out.push('reports.value.not_integer', at, { value: raw });
    else out.push('reports.value.too_many_decimals', at, { value: raw, decimals: spec.decimals });
  }
  const min = spec.type === 'percent' ? Math.max(0, spec.min ?? 0) : spec.min;
  const max = spec.type === 'percent' ? Math.min(100, spec.max ?? 100) : spec.max;
  if (min !== undefined && raw < min) out.push('reports.value.below_min', at, { value: raw, min });
  if (max !== undefined && raw > max) out.push('reports.value.above_max', at, { value: raw, max });
  return raw;
}

function normalizeText(raw: unknown, maxLength: number, narrative: boolean, at: At, out: Collector) {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') {
    out.push('reports.value.invalid', at, { expected: 'text' });
    return null;
  }
  const text = narrative ? normalizeNarrative(raw) : raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return null;
  if (text.length > maxLength)
    out.push('reports.value.too_long', at, { length: text.length, limit: maxLength });
  return text;
}

function normalizeChoice(
  spec: ChoiceField | Extract<Column, { type: 'choice' }>,
  raw: unknown,
  at: At,
  out: Collector,
) {
  if (raw === null || raw === undefined) return null;
  const known = (v: string) => spec.options.some((o) => o.key === v);
  if (!spec.multiple) {
    if (typeof raw !== 'string') {
      out.push('reports.value.invalid', at, { expected: 'option' });
      return null;
    }
    if (raw === '') return null;
    if (!known(raw)) {
      out.push('reports.value.unknown_option', at, { value: raw.slice(0, 100) });
      return null;
    }
    return raw;
  }
  if (!Array.isArray(raw) || raw.length > spec.options.length * 2 || raw.some((v) => typeof v !== 'string')) {
    out.push('reports.value.invalid', at, { expected: 'options' });
    return null;
  }
  const chosen: string[] = [];
  for (const v of raw as string[]) {
    if (!known(v)) out.push('reports.value.unknown_option', at, { value: v.slice(0, 100) });
    else if (!chosen.includes(v)) chosen.push(v);
  }
  // In the form's order, so two reports choosing the same options store the same value.
  const ordered = spec.options.map((o) => o.key).filter((k) => chosen.includes(k));
  return ordered.length === 0 ? null : ordered;
}

function normalizeScalar(spec: Scalar, raw: unknown, at: At, out: Collector): CellValue {
  switch (spec.type) {
    case 'number':
    case 'percent':
      return normalizeNumber(spec, raw, at, out);
    case 'narrative':
      return normalizeText(raw, spec.maxLength, true, at, out);
    case 'text':
      return normalizeText(raw, spec.maxLength, false, at, out);
    case 'choice':
      return normalizeChoice(spec, raw, at, out);
  }
}

/** A scalar with its required check (skipped when the value was refused: one problem is enough). */
function scalarValue(spec: Scalar, raw: unknown, at: At, out: Collector): CellValue {
  const before = out.problems.length;
  const value = normalizeScalar(spec, raw, at, out);
  if (value === null && spec.required && out.problems.length === before)
    out.push('reports.value.required', at);
  return value;
}

function normalizeCells(t: TableField, cells: Record<string, unknown>, row: string | number, out: Collector) {
  const result: Record<string, CellValue> = {};
  for (const c of t.columns)
    result[c.key] = scalarValue(c, own(cells, c.key), { field: t.key, row, col: c.key }, out);
  for (const k of Object.keys(cells))
    if (!t.columns.some((c) => c.key === k))
      out.unknownValue('reports.value.unknown_column', { field: t.key }, { col: k.slice(0, 64) });
  return result;
}

const rawFilled = (cells: Record<string, unknown>) =>
  Object.values(cells).some((v) => isFilled(typeof v === 'string' ? v.trim() : v));

function normalizeTable(t: TableField, raw: unknown, out: Collector): TableRow[] | null {
  const at: At = { field: t.key };
  if (raw === null || raw === undefined) {
    if (t.required) out.push('reports.value.required', at);
    return null;
  }
  if (!Array.isArray(raw)) {
    out.push('reports.value.invalid', at, { expected: 'rows' });
    return null;
  }
  if (raw.length > MAX_TABLE_ROWS) {
    out.push('reports.value.too_many_rows', at, { max: t.maxRows ?? MAX_TABLE_ROWS, count: raw.length });
    return null;
  }
  const before = out.problems.length;
  let rows: TableRow[];
  if (t.fixedRows) {
    const byKey = new Map<string, Record<string, unknown>>();
    raw.forEach((r: unknown, i) => {
      const key = isRecord(r) ? r.key : undefined;
      if (!isRecord(r) || !isRecord(r.cells) || typeof key !== 'string') {
        out.push('reports.value.invalid', { field: t.key, row: i + 1 }, { expected: 'rows' });
        return;
      }
      if (!t.fixedRows!.some((fr) => fr.key === key))
        out.unknownValue('reports.value.unknown_row', at, { row: key.slice(0, 64) });
      else if (byKey.has(key)) out.push('reports.value.duplicate_row', at, { row: key }, 'warning');
      else byKey.set(key, r.cells);
    });
    rows = t.fixedRows.map((fr) => ({
      key: fr.key,
      cells: normalizeCells(t, byKey.get(fr.key) ?? {}, fr.key, out),
    }));
  } else {
    const kept: Record<string, unknown>[] = [];
    raw.forEach((r: unknown, i) => {
      if (!isRecord(r) || !isRecord(r.cells))
        out.push('reports.value.invalid', { field: t.key, row: i + 1 }, { expected: 'rows' });
      else if (rawFilled(r.cells)) kept.push(r.cells);
    });
    rows = kept.map((cells, i) => ({ cells: normalizeCells(t, cells, i + 1, out) }));
    if (t.minRows !== undefined && rows.length < t.minRows)
      out.push('reports.value.too_few_rows', at, { min: t.minRows, count: rows.length });
    if (t.maxRows !== undefined && rows.length > t.maxRows)
      out.push('reports.value.too_many_rows', at, { max: t.maxRows, count: rows.length });
  }
  const anything = rows.some((r) => Object.values(r.cells).some(isFilled));
  if (t.required && !anything && out.problems.length === before) out.push('reports.value.required', at);
  return rows;
}

/** Reads a unit's normalised values for formulas. */
export function valuesScope(values: FormValues): Scope {
  const rowsOf = (t: string): TableRow[] | null => {
    const v = values[t];
    return Array.isArray(v) && v.every(isRecord) ? (v as TableRow[]) : null;
  };
  return {
    number: (k) => {
      const v = values[k];
      return typeof v === 'number' ? v : null;
    },
    column: (t, c) => rowsOf(t)?.map((r) => r.cells[c] ?? null) ?? null,
    cell: (t, r, c) => {
      const v = rowsOf(t)?.find((x) => x.key === r)?.cells[c];
      return typeof v === 'number' ? v : null;
    },
    rows: (t) => rowsOf(t)?.length ?? null,
  };
}

/** Evaluates a submission: normalised values, computed fields, and every problem. */
export function evaluate(form: FormVersion, raw: unknown): EvaluationResult {
  const compiled = compileForm(form);
  const out = new Collector();
  let input: Record<string, unknown> = {};
  if (isRecord(raw)) input = raw;
  else if (raw !== null && raw !== undefined) out.push('reports.value.values_invalid', null);

  const values: FormValues = {};
  for (const [key, f] of compiled.fields) {
    const rawValue = own(input, key);
    if (f.type === 'computed') values[key] = null;
    else if (f.type === 'table') values[key] = normalizeTable(f, rawValue, out);
    else values[key] = scalarValue(f, rawValue, { field: key }, out);
  }
  for (const key of Object.keys(input))
    if (!compiled.fields.has(key))
      out.unknownValue('reports.value.unknown_field', null, { ref: key.slice(0, 64) });

  const scope = valuesScope(values);
  const computable = new Set(compiled.order);
  for (const key of compiled.order) {
    const f = compiled.fields.get(key) as ComputedField;
    const formula = compiled.computed.get(key)!;
    const ctx = { divisionByZero: null as number | null };
    const v = runExpression(formula.expr, scope, ctx);
    let value = typeof v === 'number' && Number.isFinite(v) ? roundTo(v, f.decimals) : null;
    if (ctx.divisionByZero !== null)
      out.push(
        'reports.value.division_by_zero',
        { field: key },
        { position: ctx.divisionByZero + 1, offset: ctx.divisionByZero },
        'warning',
      );
    if (value !== null && Math.abs(value) > MAX_MAGNITUDE) value = null;
    if (f.result === 'percent' && value !== null && (value < 0 || value > 100))
      out.push('reports.value.computed_out_of_range', { field: key }, { value });
    values[key] = value;
  }
  for (const [key, f] of compiled.fields)
    if (f.type === 'computed' && !computable.has(key)) out.push('reports.value.form_invalid', { field: key });

  for (const { rule, formula, fields } of compiled.rules) {
    if (!formula) {
      out.push('reports.value.form_invalid', null, { rule: rule.key });
      continue;
    }
    const ok = runExpression(formula.expr, scope, { divisionByZero: null });
    if (ok === false)
      out.problems.push({
        key: 'reports.value.rule_failed',
        field: null,
        params: { rule: rule.key },
        fields,
        severity: rule.severity,
      });
  }
  return { values, problems: out.problems };
}

/** All required fields filled and nothing wrong: only warnings left. The submitted flag is the caller's. */
export function isComplete(result: Pick<EvaluationResult, 'problems'>): boolean {
  return result.problems.every((p) => p.severity === 'warning');
}

/** The problems about one field (a rule's failure counts for each field it names). */
export function problemsOf(result: Pick<EvaluationResult, 'problems'>, field: string): Problem[] {
  return result.problems.filter((p) => p.field === field || (p.fields?.includes(field) ?? false));
}
