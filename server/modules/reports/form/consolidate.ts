/**
 * Consolidating many units' reports of one form version — pure, linear in units × fields.
 *
 * Input: the evaluated values (./evaluate.ts `values`) of each unit that submitted, with its id and name,
 * and the units that were expected but did not submit. Each field is aggregated as it declares:
 * - numbers and percentages: `sum` (rounded to the field's decimals), `average`, `weighted_average`
 *   (Σ value × weight / Σ weight over units with both; a unit with an empty or negative weight is listed
 *   but left out; Σ weight = 0 gives null), `min`, `max`, `count_units` (units with a value), `none`;
 * - computed fields: `recompute` evaluates the formula again over the consolidated figures (the on-time rate
 *   of the province from its summed counts, not an average of rates), or any numeric aggregate of the
 *   units' own computed values;
 * - choices: how many units chose each option, and `count_units`;
 * - narratives and text columns (`compile`): each unit's text with its name, in the units' order, also
 *   grouped by section (`sections`);
 * - tables (`combine`): fixed rows cell by cell by each column's aggregate; free rows listed one after the
 *   other with the unit's name.
 * Every consolidated figure keeps its `sources` — `{ unitId, value }` of each unit that contributed (with
 * its `weight` for a weighted average) — so a person can trace it (`trace`). An empty value is never a 0:
 * a unit that left a field empty is not a source, and the units that did not submit are listed apart
 * (`notSubmitted`), never counted. A unit listed twice is consolidated once (with a problem).
 */
import { compileForm, runExpression, type Scope } from './compile.js';
import { roundTo } from './formula.js';
import type { Aggregate, Column, ComputedField, Field, FormVersion, TableField } from './form-definition.js';
import type { CellValue, FieldValue, FormValues, TableRow } from './evaluate.js';
import type { Problem } from './messages.js';

export type UnitRef = { unitId: string; unitName: string };
export type UnitReport = UnitRef & { values: FormValues };

export type Source = { unitId: string; value: number; weight?: number | null };
export type ConsolidatedNumber = {
  kind: 'number';
  aggregate: Aggregate;
  /** null when no unit reported a value (or under `none`). */
  value: number | null;
  /** How many units reported a value (= sources.length). */
  reported: number;
  sources: Source[];
};
export type ConsolidatedChoice = {
  kind: 'choice';
  aggregate: Aggregate;
  /** Units that chose something (`count_units`), or null under `none`. */
  value: number | null;
  reported: number;
  /** Units per option (a multiple choice counts a unit once per option it chose). */
  counts: Record<string, number>;
  sources: Array<{ unitId: string; value: string | string[] }>;
};
export type TextEntry = { unitId: string; unitName: string; text: string };
export type ConsolidatedText = { kind: 'text'; aggregate: Aggregate; reported: number; entries: TextEntry[] };
export type ConsolidatedCell = ConsolidatedNumber | ConsolidatedChoice | ConsolidatedText;
export type ConsolidatedFixedTable = {
  kind: 'table';
  mode: 'fixed';
  aggregate: Aggregate;
  /** Units that entered the table. */
  reported: number;
  rows: Array<{ key: string; cells: Record<string, ConsolidatedCell> }>;
};
export type ConsolidatedFreeTable = {
  kind: 'table';
  mode: 'free';
  aggregate: Aggregate;
  reported: number;
  rows: Array<UnitRef & { cells: Record<string, CellValue> }>;
};
export type ConsolidatedField =
  ConsolidatedNumber | ConsolidatedChoice | ConsolidatedText | ConsolidatedFixedTable | ConsolidatedFreeTable;

export type CompiledSection = {
  key: string;
  numbering?: string;
  title: { vi: string; en: string };
  narratives: Array<{ field: string; entries: TextEntry[] }>;
};

export type Consolidation = {
  formKey: string;
  formVersion: number;
  /** The units consolidated, in the order given. */
  units: UnitRef[];
  /** Expected units without a report: listed, never counted as zeros. */
  notSubmitted: UnitRef[];
  fields: Record<string, ConsolidatedField>;
  /** The consolidated figures as report values (numbers, fixed-table figures), e.g. for a draft. */
  values: FormValues;
  /** Compiled narratives by section and subsection, in the form's order. */
  sections: CompiledSection[];
  problems: Problem[];
};

type Reader = (values: FormValues) => FieldValue | CellValue | undefined;

function aggregateNumbers(
  reports: readonly UnitReport[],
  aggregate: Aggregate,
  decimals: number,
  read: Reader,
  readWeight: Reader | null,
): ConsolidatedNumber {
  const sources: Source[] = [];
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let weighted = 0;
  let weights = 0;
  const byWeight = aggregate === 'weighted_average' && readWeight !== null;
  for (const r of reports) {
    const v = read(r.values);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (byWeight) {
      const w = readWeight(r.values);
      const weight = typeof w === 'number' && Number.isFinite(w) ? w : null;
      sources.push({ unitId: r.unitId, value: v, weight });
      if (weight !== null && weight >= 0) {
        weighted += v * weight;
        weights += weight;
      }
    } else sources.push({ unitId: r.unitId, value: v });
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const n = sources.length;
  let value: number | null = null;
  if (n > 0)
    switch (aggregate) {
      case 'sum':
        value = roundTo(sum, decimals);
        break;
      case 'average':
        value = sum / n;
        break;
      case 'weighted_average':
        value = weights > 0 ? weighted / weights : null;
        break;
      case 'min':
        value = min;
        break;
      case 'max':
        value = max;
        break;
      case 'count_units':
        value = n;
        break;
      default:
        value = null;
    }
  return { kind: 'number', aggregate, value, reported: n, sources };
}

function aggregateChoice(
  reports: readonly UnitReport[],
  aggregate: Aggregate,
  options: ReadonlyArray<{ key: string }>,
  read: Reader,
): ConsolidatedChoice {
  const counts: Record<string, number> = {};
  for (const o of options) counts[o.key] = 0;
  const sources: ConsolidatedChoice['sources'] = [];
  for (const r of reports) {
    const v = read(r.values);
    if (typeof v === 'string' && v !== '') {
      sources.push({ unitId: r.unitId, value: v });
      if (Object.hasOwn(counts, v)) counts[v]! += 1;
    } else if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
      sources.push({ unitId: r.unitId, value: v as string[] });
      for (const x of v as string[]) if (Object.hasOwn(counts, x)) counts[x]! += 1;
    }
  }
  const reported = sources.length;
  return {
    kind: 'choice',
    aggregate,
    value: aggregate === 'none' ? null : reported,
    reported,
    counts,
    sources,
  };
}

function compileTexts(reports: readonly UnitReport[], aggregate: Aggregate, read: Reader): ConsolidatedText {
  const entries: TextEntry[] = [];
  for (const r of reports) {
    const v = read(r.values);
    if (typeof v === 'string' && v !== '') entries.push({ unitId: r.unitId, unitName: r.unitName, text: v });
  }
  return { kind: 'text', aggregate, reported: entries.length, entries };
}

const tableRows = (values: FormValues, key: string): TableRow[] | null => {
  const v = values[key];
  return Array.isArray(v) ? (v as TableRow[]) : null;
};

/** A fixed row's cells: at its index when the values are in the form's order (as `evaluate` writes them). */
function fixedRowCells(values: FormValues, table: string, index: number, key: string) {
  const rows = tableRows(values, table);
  if (!rows) return undefined;
  const atIndex = rows[index];
  if (atIndex && typeof atIndex === 'object' && atIndex.key === key) return atIndex.cells;
  return rows.find((r) => r && typeof r === 'object' && r.key === key)?.cells;
}

function consolidateCell(
  reports: readonly UnitReport[],
  t: TableField,
  c: Column,
  read: Reader,
  readColumn: (col: string) => Reader,
): ConsolidatedCell {
  switch (c.type) {
    case 'number':
    case 'percent':
      return aggregateNumbers(
        reports,
        c.aggregate,
        c.decimals,
        read,
        c.weight !== undefined && t.columns.some((x) => x.key === c.weight) ? readColumn(c.weight) : null,
      );
    case 'choice':
      return aggregateChoice(reports, c.aggregate, c.options, read);
    case 'text':
      return compileTexts(reports, c.aggregate, read);
  }
}

function consolidateTable(
  reports: readonly UnitReport[],
  t: TableField,
): ConsolidatedFixedTable | ConsolidatedFreeTable {
  let reported = 0;
  for (const r of reports) if (tableRows(r.values, t.key)) reported += 1;
  if (t.fixedRows) {
    const rows = t.fixedRows.map((fr, i) => {
      const cells: Record<string, ConsolidatedCell> = {};
      const readColumn =
        (col: string): Reader =>
        (values) =>
          fixedRowCells(values, t.key, i, fr.key)?.[col];
      for (const c of t.columns) cells[c.key] = consolidateCell(reports, t, c, readColumn(c.key), readColumn);
      return { key: fr.key, cells };
    });
    return { kind: 'table', mode: 'fixed', aggregate: t.aggregate, reported, rows };
  }
  const rows: ConsolidatedFreeTable['rows'] = [];
  for (const r of reports) {
    const own = tableRows(r.values, t.key);
    if (own)
      for (const row of own)
        if (row && typeof row === 'object' && row.cells)
          rows.push({ unitId: r.unitId, unitName: r.unitName, cells: row.cells });
  }
  return { kind: 'table', mode: 'free', aggregate: t.aggregate, reported, rows };
}

/** Formulas over the consolidated figures. */
function consolidatedScope(form: Map<string, Field>, fields: Record<string, ConsolidatedField>): Scope {
  const table = (key: string) => {
    const c = fields[key];
    return c?.kind === 'table' ? c : null;
  };
  const cellNumber = (cell: ConsolidatedCell | undefined) =>
    cell?.kind === 'number' && cell.value !== null ? cell.value : null;
  return {
    number: (k) => {
      const c = fields[k];
      return c?.kind === 'number' ? c.value : null;
    },
    column: (t, col) => {
      const c = table(t);
      if (!c || c.reported === 0) return null;
      if (c.mode === 'fixed') return c.rows.map((r) => cellNumber(r.cells[col]));
      return c.rows.map((r) => r.cells[col] ?? null);
    },
    cell: (t, row, col) => {
      const c = table(t);
      if (!c || c.mode !== 'fixed') return null;
      return cellNumber(c.rows.find((r) => r.key === row)?.cells[col]);
    },
    rows: (t) => {
      const c = table(t);
      if (!c || c.reported === 0) return null;
      return c.mode === 'fixed' ? (form.get(t) as TableField).fixedRows!.length : c.rows.length;
    },
  };
}

/** Consolidates the reports of one form version. */
export function consolidate(
  form: FormVersion,
  input: { reports: readonly UnitReport[]; notSubmitted?: readonly UnitRef[] },
): Consolidation {
  const compiled = compileForm(form);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const reports: UnitReport[] = [];
  for (const r of input.reports) {
    if (seen.has(r.unitId)) {
      problems.push({
        key: 'reports.consolidate.duplicate_unit',
        field: null,
        params: { unitId: r.unitId, unitName: r.unitName },
        severity: 'warning',
      });
      continue;
    }
    seen.add(r.unitId);
    reports.push(r);
  }
  const notSubmitted = (input.notSubmitted ?? []).filter((u) => !seen.has(u.unitId));

  const fields: Record<string, ConsolidatedField> = {};
  const values: FormValues = {};
  const readField =
    (key: string): Reader =>
    (v) =>
      v[key];
  for (const [key, f] of compiled.fields) {
    switch (f.type) {
      case 'number':
      case 'percent': {
        const weight = f.weight !== undefined && compiled.fields.has(f.weight) ? readField(f.weight) : null;
        fields[key] = aggregateNumbers(reports, f.aggregate, f.decimals, readField(key), weight);
        break;
      }
      case 'choice':
        fields[key] = aggregateChoice(reports, f.aggregate, f.options, readField(key));
        break;
      case 'narrative':
        fields[key] = compileTexts(reports, f.aggregate, readField(key));
        break;
      case 'table':
        fields[key] = consolidateTable(reports, f);
        break;
      case 'computed':
        break; // below, in dependency order
    }
  }

  const scope = consolidatedScope(compiled.fields, fields);
  const computable = new Set(compiled.order);
  const computedKeys = [
    ...compiled.order,
    ...[...compiled.fields.keys()].filter(
      (k) => compiled.fields.get(k)!.type === 'computed' && !computable.has(k),
    ),
  ];
  for (const key of computedKeys) {
    const f = compiled.fields.get(key) as ComputedField;
    const weight = f.weight !== undefined && compiled.fields.has(f.weight) ? readField(f.weight) : null;
    // The units' own values, kept as the sources in every case.
    const own = aggregateNumbers(
      reports,
      f.aggregate === 'recompute' ? 'none' : f.aggregate,
      f.decimals,
      readField(key),
      weight,
    );
    const formula = compiled.computed.get(key);
    if (f.aggregate === 'recompute') {
      let value: number | null = null;
      if (formula && computable.has(key)) {
        const ctx = { divisionByZero: null as number | null };
        const v = runExpression(formula.expr, scope, ctx);
        value = typeof v === 'number' && Number.isFinite(v) ? roundTo(v, f.decimals) : null;
        if (ctx.divisionByZero !== null)
          problems.push({
            key: 'reports.value.division_by_zero',
            field: key,
            params: { position: ctx.divisionByZero + 1, offset: ctx.divisionByZero },
            severity: 'warning',
          });
      }
      own.aggregate = 'recompute';
      own.value = value;
    }
    fields[key] = own;
  }

  for (const [key, c] of Object.entries(fields)) {
    if (c.kind === 'number') values[key] = c.value;
    else if (c.kind === 'table' && c.mode === 'fixed')
      values[key] = c.rows.map((r) => {
        const cells: Record<string, CellValue> = {};
        for (const [col, cell] of Object.entries(r.cells))
          cells[col] = cell.kind === 'number' ? cell.value : null;
        return { key: r.key, cells };
      });
    else values[key] = null;
  }
  // Keep the form's order in `values` and `fields` (computed fields were added last).
  const orderedFields: Record<string, ConsolidatedField> = {};
  const orderedValues: FormValues = {};
  for (const key of compiled.fields.keys()) {
    orderedFields[key] = fields[key]!;
    orderedValues[key] = values[key] ?? null;
  }

  const sections: CompiledSection[] = [];
  for (const s of form.sections)
    for (const part of [s, ...s.subsections]) {
      const narratives = part.fields
        .filter(
          (f) => f.type === 'narrative' && f.aggregate === 'compile' && compiled.fields.get(f.key) === f,
        )
        .map((f) => ({ field: f.key, entries: (orderedFields[f.key] as ConsolidatedText).entries }));
      if (narratives.length > 0)
        sections.push({
          key: part.key,
          ...(part.numbering !== undefined ? { numbering: part.numbering } : {}),
          title: part.title,
          narratives,
        });
    }

  return {
    formKey: form.key,
    formVersion: form.version,
    units: reports.map((r) => ({ unitId: r.unitId, unitName: r.unitName })),
    notSubmitted,
    fields: orderedFields,
    values: orderedValues,
    sections,
    problems,
  };
}

export type TraceLine = {
  unitId: string;
  unitName: string;
  value: number | string | string[];
  weight?: number | null;
};

/**
 * The unit figures behind a consolidated number (a field, or a fixed-table cell with `row` and `col`), with
 * the units' names: what a person sees when they click on a consolidated figure.
 */
export function trace(
  consolidation: Consolidation,
  field: string,
  cell?: { row: string; col: string },
): TraceLine[] {
  const c = consolidation.fields[field];
  let target: ConsolidatedCell | undefined;
  if (c?.kind === 'table') {
    if (c.mode !== 'fixed' || !cell) return [];
    target = c.rows.find((r) => r.key === cell.row)?.cells[cell.col];
  } else target = c;
  if (!target || target.kind === 'text') return [];
  const names = new Map(consolidation.units.map((u) => [u.unitId, u.unitName]));
  return target.sources.map((s) => ({
    ...s,
    unitName: names.get(s.unitId) ?? s.unitId,
  }));
}
