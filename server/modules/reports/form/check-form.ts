/**
 * Static checks of a whole form version — pure, never throws on user input. A form version with any
 * problem is refused (issue 13, "Bad input"): every problem names the field (or the rule, section or
 * column) it is about, so the form designer can point at it.
 *
 * `validateForm(input)` parses untrusted JSON with the schema (./form-definition.ts) and then runs
 * `checkForm`; `checkForm(form)` checks a parsed form:
 * - keys: duplicates (fields across the whole form, sections and subsections, rules; columns, fixed rows
 *   and options within their table or field) and keys that are words of the formula language;
 * - empty form, empty sections;
 * - ranges: min > max, percentage limits outside 0–100, min rows > max rows, row limits on fixed rows;
 * - aggregates that do not fit the type (a sum of percentages, a narrative averaged), weighted averages
 *   without a weight, with a missing weight or a weight that is not numeric;
 * - formulas (./compile.ts): syntax with its position, references to missing fields, columns or rows, type
 *   mismatches (a sum over a narrative), division by a literal zero, `round` digits, computed fields that
 *   do not give a number, rules that are not true/false, rules naming missing fields, and cycles among
 *   computed fields, named in order.
 */
import type { z } from 'zod';
import { compileForm } from './compile.js';
import { RESERVED_WORDS } from './formula.js';
import {
  FormVersion,
  formFields,
  isNumeric,
  type Aggregate,
  type Column,
  type Field,
  type TableField,
} from './form-definition.js';
import type { Problem } from './messages.js';

const NUMERIC: readonly Aggregate[] = [
  'sum',
  'average',
  'weighted_average',
  'min',
  'max',
  'count_units',
  'none',
];
const SHARES: readonly Aggregate[] = NUMERIC.filter((a) => a !== 'sum');

/** The aggregates each type of field may declare. */
export function allowedAggregates(f: Field | Column): readonly Aggregate[] {
  switch (f.type) {
    case 'narrative':
    case 'text':
      return ['compile', 'none'];
    case 'number':
      return NUMERIC;
    case 'percent':
      return SHARES;
    case 'choice':
      return ['count_units', 'none'];
    case 'table':
      return ['combine', 'none'];
    case 'computed':
      return [...(f.result === 'percent' ? SHARES : NUMERIC), 'recompute'];
  }
}

type Limits = { min?: number | undefined; max?: number | undefined };

function checkRange(problems: Problem[], f: Limits & { type: string }, field: string, col?: string) {
  const extra: Record<string, string> = col === undefined ? {} : { col };
  if (f.min !== undefined && f.max !== undefined && f.min > f.max)
    problems.push({
      key: 'reports.check.range_invalid',
      field,
      params: { ...extra, min: f.min, max: f.max },
    });
  if (f.type === 'percent') {
    const lo = f.min ?? 0;
    const hi = f.max ?? 100;
    if (lo < 0 || lo > 100 || hi < 0 || hi > 100)
      problems.push({ key: 'reports.check.percent_range', field, params: { ...extra, min: lo, max: hi } });
  }
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const k of keys) {
    if (seen.has(k) && !dup.includes(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}

function checkTable(problems: Problem[], t: TableField) {
  for (const key of duplicates(t.columns.map((c) => c.key)))
    problems.push({ key: 'reports.check.duplicate_key', field: t.key, params: { key, scope: 'column' } });
  for (const key of duplicates((t.fixedRows ?? []).map((r) => r.key)))
    problems.push({ key: 'reports.check.duplicate_key', field: t.key, params: { key, scope: 'row' } });
  for (const key of [...t.columns.map((c) => c.key), ...(t.fixedRows ?? []).map((r) => r.key)])
    if (RESERVED_WORDS.has(key))
      problems.push({ key: 'reports.check.reserved_key', field: t.key, params: { key } });
  if (t.fixedRows && (t.minRows !== undefined || t.maxRows !== undefined))
    problems.push({ key: 'reports.check.fixed_rows_no_limits', field: t.key, params: {} });
  if (t.minRows !== undefined && t.maxRows !== undefined && t.minRows > t.maxRows)
    problems.push({
      key: 'reports.check.rows_range_invalid',
      field: t.key,
      params: { min: t.minRows, max: t.maxRows },
    });
  for (const c of t.columns) {
    const col = c.key;
    if (c.type === 'number' || c.type === 'percent') checkRange(problems, c, t.key, col);
    if (c.type === 'choice')
      for (const key of duplicates(c.options.map((o) => o.key)))
        problems.push({
          key: 'reports.check.duplicate_key',
          field: t.key,
          params: { key, scope: 'option', col },
        });
    if (!allowedAggregates(c).includes(c.aggregate))
      problems.push({
        key: 'reports.check.aggregate_not_allowed',
        field: t.key,
        params: { col, aggregate: c.aggregate, type: c.type },
      });
    if ((c.type === 'number' || c.type === 'percent') && c.aggregate === 'weighted_average') {
      const w = c.weight;
      const weight = w === undefined ? undefined : t.columns.find((x) => x.key === w);
      if (w === undefined)
        problems.push({ key: 'reports.check.weight_required', field: t.key, params: { col } });
      else if (!weight)
        problems.push({ key: 'reports.check.weight_missing', field: t.key, params: { col, weight: w } });
      else if (!isNumeric(weight))
        problems.push({
          key: 'reports.check.weight_not_numeric',
          field: t.key,
          params: { col, weight: w, type: weight.type },
        });
    }
  }
}

/** Every problem of a parsed form version; an empty list means it may be stored and used. */
export function checkForm(form: FormVersion): Problem[] {
  const problems: Problem[] = [];
  const placed = formFields(form);
  const fields = new Map<string, Field>();
  for (const { field } of placed) if (!fields.has(field.key)) fields.set(field.key, field);

  if (placed.length === 0) problems.push({ key: 'reports.check.form_empty', field: null, params: {} });
  for (const key of duplicates(placed.map((p) => p.field.key)))
    problems.push({ key: 'reports.check.duplicate_key', field: key, params: { key, scope: 'field' } });
  const sectionKeys = form.sections.flatMap((s) => [s.key, ...s.subsections.map((x) => x.key)]);
  for (const key of duplicates(sectionKeys))
    problems.push({ key: 'reports.check.duplicate_key', field: null, params: { key, scope: 'section' } });
  for (const key of duplicates(form.rules.map((r) => r.key)))
    problems.push({
      key: 'reports.check.duplicate_key',
      field: null,
      params: { key, scope: 'rule', rule: key },
    });
  for (const s of form.sections) {
    if (s.fields.length === 0 && s.subsections.length === 0)
      problems.push({ key: 'reports.check.section_empty', field: null, params: { section: s.key } });
    for (const sub of s.subsections)
      if (sub.fields.length === 0)
        problems.push({ key: 'reports.check.section_empty', field: null, params: { section: sub.key } });
  }

  for (const { field: f } of placed) {
    if (RESERVED_WORDS.has(f.key))
      problems.push({ key: 'reports.check.reserved_key', field: f.key, params: { key: f.key } });
    if (f.type === 'number' || f.type === 'percent') checkRange(problems, f, f.key);
    if (f.type === 'choice')
      for (const key of duplicates(f.options.map((o) => o.key)))
        problems.push({ key: 'reports.check.duplicate_key', field: f.key, params: { key, scope: 'option' } });
    if (f.type === 'table') checkTable(problems, f);
    if (!allowedAggregates(f).includes(f.aggregate))
      problems.push({
        key: 'reports.check.aggregate_not_allowed',
        field: f.key,
        params: { aggregate: f.aggregate, type: f.type },
      });
    if (
      (f.type === 'number' || f.type === 'percent' || f.type === 'computed') &&
      f.aggregate === 'weighted_average'
    ) {
      const w = f.weight;
      const weight = w === undefined ? undefined : fields.get(w);
      if (w === undefined) problems.push({ key: 'reports.check.weight_required', field: f.key, params: {} });
      else if (!weight)
        problems.push({ key: 'reports.check.weight_missing', field: f.key, params: { weight: w } });
      else if (!isNumeric(weight))
        problems.push({
          key: 'reports.check.weight_not_numeric',
          field: f.key,
          params: { weight: w, type: weight.type },
        });
    }
  }

  problems.push(...compileForm(form).problems);
  return problems;
}

const MAX_SCHEMA_PROBLEMS = 50;

/** The key of the field an issue's path lies in (the nearest object of a `fields` array with a key). */
function fieldAt(input: unknown, path: readonly PropertyKey[]): string | null {
  let node: unknown = input;
  let found: string | null = null;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[path[i]!];
    if (path[i - 1] === 'fields' && node !== null && typeof node === 'object') {
      const key = (node as { key?: unknown }).key;
      if (typeof key === 'string') found = key;
    }
  }
  return found;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node;
}

function schemaProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.slice(0, MAX_SCHEMA_PROBLEMS).map((issue) => {
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return {
      key: 'reports.check.schema',
      field: fieldAt(input, issue.path),
      params: {
        path: issue.path.map(String).join('.') || '(root)',
        issue: missing ? 'required' : issue.code,
        detail: issue.message,
      },
    };
  });
}

/**
 * Parses untrusted input as a form version and checks it. `form` is the parsed form (defaults applied)
 * when the shape is right, even if `checkForm` found problems; null otherwise. Never throws.
 */
export function validateForm(input: unknown): { form: FormVersion | null; problems: Problem[] } {
  let parsed: ReturnType<typeof FormVersion.safeParse>;
  try {
    parsed = FormVersion.safeParse(input);
  } catch {
    return {
      form: null,
      problems: [
        {
          key: 'reports.check.schema',
          field: null,
          params: { path: '(root)', issue: 'too_big', detail: '' },
        },
      ],
    };
  }
  if (!parsed.success) return { form: null, problems: schemaProblems(input, parsed.error.issues) };
  return { form: parsed.data, problems: checkForm(parsed.data) };
}
