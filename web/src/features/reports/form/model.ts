/**
 * The pure rules of the report form on the page: where each field sits (section "II.1"), which problems and
 * reviewer comments go under which field or section, which prefilled or consolidated figures the user changed
 * (those need a note), and the rows a table shows. No React here: the renderer and its tests share it.
 */
import type { FormDefinition } from '../../../../../server/modules/reports/reports.schemas';

export type { FormDefinition };
export type Section = FormDefinition['sections'][number];
export type Subsection = Section['subsections'][number];
export type Field = Section['fields'][number];
export type FieldOf<T extends Field['type']> = Extract<Field, { type: T }>;
export type TableField = FieldOf<'table'>;
export type Column = TableField['columns'][number];
export type ChoiceLike = FieldOf<'choice'> | Extract<Column, { type: 'choice' }>;

export type Problem = {
  key: string;
  field: string | null;
  severity: string;
  message: string;
  /** The fields a failed rule reads: it is shown under each of them (and in the summary once). */
  fields?: string[] | null;
};
export type Comment = { target: string; text: string };
export type Values = Record<string, unknown>;
export type Cells = Record<string, unknown>;
export type TableRowValue = { key?: string; cells: Cells };

/** A field with where it sits and how its place is numbered ("II.1"). */
export type PlacedField = {
  field: Field;
  section: Section;
  subsection: Subsection | null;
  numbering: string;
};

const trimDot = (s: string) => s.replace(/[.\s]+$/, '');

/** "II." + "1." → "II.1"; a section alone keeps its own numbering ("I."); nothing when unnumbered. */
export function numberingOf(section: Pick<Section, 'numbering'>, sub?: Pick<Subsection, 'numbering'> | null) {
  if (!sub) return section.numbering ?? '';
  if (!sub.numbering) return section.numbering ?? '';
  if (!section.numbering) return sub.numbering;
  return `${trimDot(section.numbering)}.${trimDot(sub.numbering)}`;
}

/** Every field of the form in reading order (a section's own fields, then its subsections'). */
export function placedFields(form: FormDefinition): PlacedField[] {
  const out: PlacedField[] = [];
  for (const section of form.sections) {
    for (const field of section.fields)
      out.push({ field, section, subsection: null, numbering: numberingOf(section) });
    for (const sub of section.subsections)
      for (const field of sub.fields)
        out.push({ field, section, subsection: sub, numbering: numberingOf(section, sub) });
  }
  return out;
}

export function fieldMap(form: FormDefinition): Map<string, PlacedField> {
  const map = new Map<string, PlacedField>();
  for (const p of placedFields(form)) if (!map.has(p.field.key)) map.set(p.field.key, p);
  return map;
}

/** The keys of sections and subsections (the targets a reviewer may comment on besides fields). */
export function sectionKeys(form: FormDefinition): Set<string> {
  const keys = new Set<string>();
  for (const s of form.sections) {
    keys.add(s.key);
    for (const sub of s.subsections) keys.add(sub.key);
  }
  return keys;
}

export type ProblemsPlaced = {
  byField: Map<string, Problem[]>;
  /** Problems of the whole form or of a field this form does not show (a rule across fields…). */
  general: Problem[];
  errors: number;
  warnings: number;
};

/** The server's problems under their fields (in its language already), and the counts for the summary. */
export function placeProblems(problems: readonly Problem[], form: FormDefinition): ProblemsPlaced {
  const fields = fieldMap(form);
  const byField = new Map<string, Problem[]>();
  const general: Problem[] = [];
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'warning') warnings += 1;
    else errors += 1;
    const at = p.field ? [p.field] : (p.fields ?? []);
    const known = at.filter((f) => fields.has(f));
    for (const f of known) {
      const list = byField.get(f) ?? [];
      list.push(p);
      byField.set(f, list);
    }
    if (!known.length) general.push(p);
  }
  return { byField, general, errors, warnings };
}

export type CommentsPlaced = {
  byField: Map<string, string[]>;
  bySection: Map<string, string[]>;
  /** On the whole report (target ''), or on something this form version does not have. */
  general: string[];
};

/** The reviewer's comments next to what they are about: a field, a section's heading, or the whole report. */
export function placeComments(comments: readonly Comment[], form: FormDefinition): CommentsPlaced {
  const fields = fieldMap(form);
  const sections = sectionKeys(form);
  const byField = new Map<string, string[]>();
  const bySection = new Map<string, string[]>();
  const general: string[] = [];
  const add = (map: Map<string, string[]>, key: string, text: string) =>
    map.set(key, [...(map.get(key) ?? []), text]);
  for (const c of comments) {
    if (c.target && fields.has(c.target)) add(byField, c.target, c.text);
    else if (c.target && sections.has(c.target)) add(bySection, c.target, c.text);
    else general.push(c.text);
  }
  return { byField, bySection, general };
}

/** Equal up to floating-point noise (the server's rule for "changed"). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const numberIn = (values: Values, field: string): number | null => {
  const v = values[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * The prefilled fields whose figure the unit changed (emptied counts as changed): each needs a note, as the
 * server checks on saving.
 */
export function changedPrefill(
  values: Values,
  prefill: readonly { field: string; value: number }[],
): string[] {
  return prefill
    .filter((p) => {
      const v = numberIn(values, p.field);
      return v === null || !nearlyEqual(v, p.value);
    })
    .map((p) => p.field);
}

/**
 * The consolidated figures the standing agency changed by hand in the province's draft (numeric fields of
 * the draft's form only): each needs a note. A figure counts when the field is in the draft's values now or
 * was in the stored ones (the server's rule).
 */
export function changedFigures(
  values: Values,
  stored: Values,
  figures: Readonly<Record<string, { value: number | null }>>,
  form: FormDefinition,
): string[] {
  const fields = fieldMap(form);
  return Object.entries(figures)
    .filter(([key]) => {
      const t = fields.get(key)?.field.type;
      return (t === 'number' || t === 'percent') && (key in values || key in stored);
    })
    .filter(([key, f]) => {
      const v = values[key];
      if (f.value === null) return v !== null && v !== undefined;
      return typeof v !== 'number' || !nearlyEqual(v, f.value);
    })
    .map(([key]) => key);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rows a table field shows for editing: with fixed rows, one per declared row in the form's order (cells
 * from the value by row key); with free rows, the value's rows as they are.
 */
export function tableRows(field: TableField, raw: unknown): TableRowValue[] {
  const given = Array.isArray(raw)
    ? raw.filter(isRecord).map((r) => ({
        key: typeof r.key === 'string' ? r.key : undefined,
        cells: isRecord(r.cells) ? r.cells : {},
      }))
    : [];
  if (field.fixedRows)
    return field.fixedRows.map((fr) => ({
      key: fr.key,
      cells: { ...(given.find((r) => r.key === fr.key)?.cells ?? {}) },
    }));
  return given.map((r) => ({ cells: { ...r.cells } }));
}

/** A free-row table may take another row / lose one (within its min and max rows). */
export function rowLimits(field: TableField, count: number): { canAdd: boolean; canRemove: boolean } {
  if (field.fixedRows) return { canAdd: false, canRemove: false };
  return {
    canAdd: count < (field.maxRows ?? 10_000),
    canRemove: count > (field.minRows ?? 0),
  };
}

/** An empty cell for each column of a table (what "add a row" appends). */
export function emptyRow(field: TableField): TableRowValue {
  return { cells: Object.fromEntries(field.columns.map((c) => [c.key, null])) };
}

/** Whether a value holds anything (0 is a figure; an empty text, list or table is not). */
export function isFilled(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v))
    return v.some((x) =>
      isRecord(x) && isRecord(x.cells) ? Object.values(x.cells).some(isFilled) : isFilled(x),
    );
  return true;
}

/** A piece of a narrative line with its emphasis. */
export type Run = { text: string; bold: boolean; italic: boolean };

const MARKERS = /(\\\*|\*\*\*|\*\*|\*)/;

/**
 * The runs of one narrative line, as the server reads them (server/modules/reports/form/narrative.ts):
 * `**bold**`, `*italic*`, `***both***`, `\\*` a literal asterisk, a marker without its closing partner on the
 * line is literal text. Nothing else is markup: the page renders the runs as text.
 */
export function narrativeRuns(line: string): Run[] {
  const parts = line.split(MARKERS).filter((p) => p !== '');
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  const push = (text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else runs.push({ text, bold, italic });
  };
  const closes = (from: number, marker: string) => parts.indexOf(marker, from + 1) !== -1;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '\\*') push('*');
    else if (p === '***' || p === '**' || p === '*') {
      const on = p === '***' ? bold && italic : p === '**' ? bold : italic;
      if (!on && !closes(i, p)) {
        push(p);
        continue;
      }
      if (p !== '*') bold = !bold;
      if (p !== '**') italic = !italic;
    } else push(p);
  }
  return runs;
}

/** The paragraphs of a narrative (one per non-blank line), each as runs. */
export function narrativeParagraphs(text: string): Run[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => narrativeRuns(l.replace(/[ \t]+$/, '')));
}
