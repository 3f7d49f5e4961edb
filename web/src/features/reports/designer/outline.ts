/**
 * The form designer's pure rules: the draft as the editor holds it (the definition with a stable `uid` on
 * every section, subsection and field, so a selection and React's keys survive moves and key edits), moving,
 * inserting and removing in the outline, the aggregates each type of field may declare (the server's
 * `allowedAggregates`, server/modules/reports/form/check-form.ts), fresh keys, renaming a field's key in the
 * formulas that read it, and the checks the server would refuse as malformed (a missing label, a bad key).
 */
import type { FormDefinition, Problem } from './api';

export type Section = FormDefinition['sections'][number];
export type Subsection = Section['subsections'][number];
export type Field = Section['fields'][number];
export type FieldType = Field['type'];
export type TableField = Extract<Field, { type: 'table' }>;
export type ChoiceField = Extract<Field, { type: 'choice' }>;
export type ComputedField = Extract<Field, { type: 'computed' }>;
export type Column = TableField['columns'][number];
export type ColumnType = Column['type'];
export type FixedRow = NonNullable<TableField['fixedRows']>[number];
export type ChoiceOption = ChoiceField['options'][number];
export type Aggregate = Field['aggregate'];
export type Rule = FormDefinition['rules'][number];
export type LocalText = { vi: string; en: string };

export type DraftField = Field & { uid: string };
export type DraftSubsection = Omit<Subsection, 'fields'> & { uid: string; fields: DraftField[] };
export type DraftSection = Omit<Section, 'fields' | 'subsections'> & {
  uid: string;
  fields: DraftField[];
  subsections: DraftSubsection[];
};
export type Draft = Omit<FormDefinition, 'sections'> & { sections: DraftSection[] };

export const FIELD_TYPES = [
  'narrative',
  'number',
  'percent',
  'choice',
  'table',
  'computed',
] as const satisfies readonly FieldType[];
export const COLUMN_TYPES = ['number', 'percent', 'text', 'choice'] as const satisfies readonly ColumnType[];

/** Keys: a lowercase letter, then `a-z`, `0-9`, `_` (at most 64). A form's own key may also hold `-`. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const FORM_KEY_PATTERN = /^[a-z][a-z0-9_-]*$/;
export const MAX_KEY_LENGTH = 64;
/** Words a key may not be: the formula language's keywords and function names. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'sum',
  'avg',
  'min',
  'max',
  'round',
  'count',
  'if',
  'pct',
]);

export const isValidKey = (key: string) =>
  KEY_PATTERN.test(key) && key.length <= MAX_KEY_LENGTH && !RESERVED_WORDS.has(key);

// ---------------------------------------------------------------------------------------------------
// Lists

/** A copy of `list` with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length || delta === 0) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** A copy of `list` with `item` inserted at `index` (clamped: past the end appends). */
export function insertItem<T>(list: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** A copy of `list` without the item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A copy of `list` with the item at `index` replaced. */
export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

// ---------------------------------------------------------------------------------------------------
// Keys

/** `${prefix}_${n}` with the smallest n ≥ 1 that is not taken (nor a reserved word). */
export function freshKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const key = `${prefix}_${n}`;
    if (!used.has(key) && !RESERVED_WORDS.has(key)) return key;
  }
}

/** `base` when free, else `base_2`, `base_3`, … (reserved words count as taken). */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base) && !RESERVED_WORDS.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base.slice(0, MAX_KEY_LENGTH - String(n).length - 1)}_${n}`;
    if (!used.has(key)) return key;
  }
}

/** A key made from a label ("Số hồ sơ tiếp nhận" → `so_ho_so_tiep_nhan`): accents dropped, `a-z0-9_`. */
export function slugKey(text: string, fallback = 'field'): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  let key = folded.slice(0, 40).replace(/_+$/, '');
  if (!key) return fallback;
  if (!/^[a-z]/.test(key)) key = `${fallback}_${key}`.slice(0, MAX_KEY_LENGTH);
  return key;
}

// ---------------------------------------------------------------------------------------------------
// The draft

let uidCounter = 0;
/** A stable id of an outline item in this browser tab (never sent to the server). */
export const newUid = () => `n${++uidCounter}`;

/** The editor's draft of a definition: the same data with a `uid` on every section, subsection and field. */
export function toDraft(def: FormDefinition): Draft {
  return {
    ...def,
    sections: def.sections.map((s) => ({
      ...s,
      uid: newUid(),
      fields: s.fields.map((f) => ({ ...f, uid: newUid() })),
      subsections: s.subsections.map((sub) => ({
        ...sub,
        uid: newUid(),
        fields: sub.fields.map((f) => ({ ...f, uid: newUid() })),
      })),
    })),
  };
}

const stripField = (f: DraftField): Field => {
  const { uid: _uid, ...rest } = f;
  return rest as Field;
};

/** The definition to send: the draft without its uids. */
export function fromDraft(draft: Draft): FormDefinition {
  return {
    ...draft,
    sections: draft.sections.map((s) => {
      const { uid: _uid, ...section } = s;
      return {
        ...section,
        fields: s.fields.map(stripField),
        subsections: s.subsections.map((sub) => {
          const { uid: _u, ...rest } = sub;
          return { ...rest, fields: sub.fields.map(stripField) };
        }),
      };
    }),
  };
}

/** Every field of the draft in reading order (a section's own fields, then its subsections'). */
export function draftFields(draft: Draft): DraftField[] {
  return draft.sections.flatMap((s) => [...s.fields, ...s.subsections.flatMap((sub) => sub.fields)]);
}

/** The keys of every field, section and subsection (one namespace each in the server's checks). */
export const fieldKeys = (draft: Draft) => draftFields(draft).map((f) => f.key);
export const sectionKeys = (draft: Draft) =>
  draft.sections.flatMap((s) => [s.key, ...s.subsections.map((x) => x.key)]);

/** Where an outline item is: a section, a subsection of one, or a field of either. */
export type Place =
  | { kind: 'section'; section: number }
  | { kind: 'subsection'; section: number; sub: number }
  | { kind: 'field'; section: number; sub: number | null; index: number };

export function locate(draft: Draft, uid: string): Place | null {
  for (let s = 0; s < draft.sections.length; s++) {
    const section = draft.sections[s]!;
    if (section.uid === uid) return { kind: 'section', section: s };
    const own = section.fields.findIndex((f) => f.uid === uid);
    if (own >= 0) return { kind: 'field', section: s, sub: null, index: own };
    for (let j = 0; j < section.subsections.length; j++) {
      const sub = section.subsections[j]!;
      if (sub.uid === uid) return { kind: 'subsection', section: s, sub: j };
      const i = sub.fields.findIndex((f) => f.uid === uid);
      if (i >= 0) return { kind: 'field', section: s, sub: j, index: i };
    }
  }
  return null;
}

export function findField(draft: Draft, uid: string): DraftField | null {
  return draftFields(draft).find((f) => f.uid === uid) ?? null;
}

/** The section or subsection holding fields at `(section, sub)`. */
export type Container = { section: number; sub: number | null };

function mapFields(draft: Draft, at: Container, fn: (fields: DraftField[]) => DraftField[]): Draft {
  return {
    ...draft,
    sections: draft.sections.map((s, i) => {
      if (i !== at.section) return s;
      if (at.sub === null) return { ...s, fields: fn(s.fields) };
      return {
        ...s,
        subsections: s.subsections.map((sub, j) => (j === at.sub ? { ...sub, fields: fn(sub.fields) } : sub)),
      };
    }),
  };
}

function mapSubsections(
  draft: Draft,
  section: number,
  fn: (subs: DraftSubsection[]) => DraftSubsection[],
): Draft {
  return {
    ...draft,
    sections: draft.sections.map((s, i) => (i === section ? { ...s, subsections: fn(s.subsections) } : s)),
  };
}

/** The draft with the item `uid` moved up (−1) or down (+1) among its siblings. */
export function moveNode(draft: Draft, uid: string, delta: number): Draft {
  const at = locate(draft, uid);
  if (!at) return draft;
  if (at.kind === 'section') return { ...draft, sections: moveItem(draft.sections, at.section, delta) };
  if (at.kind === 'subsection') return mapSubsections(draft, at.section, (l) => moveItem(l, at.sub, delta));
  return mapFields(draft, at, (l) => moveItem(l, at.index, delta));
}

/** The draft without the item `uid` (a section or subsection goes with its fields). */
export function removeNode(draft: Draft, uid: string): Draft {
  const at = locate(draft, uid);
  if (!at) return draft;
  if (at.kind === 'section') return { ...draft, sections: removeItem(draft.sections, at.section) };
  if (at.kind === 'subsection') return mapSubsections(draft, at.section, (l) => removeItem(l, at.sub));
  return mapFields(draft, at, (l) => removeItem(l, at.index));
}

/** Whether the item can move by `delta` among its siblings. */
export function canMove(draft: Draft, uid: string, delta: number): boolean {
  const at = locate(draft, uid);
  if (!at) return false;
  const length =
    at.kind === 'section'
      ? draft.sections.length
      : at.kind === 'subsection'
        ? draft.sections[at.section]!.subsections.length
        : (at.sub === null
            ? draft.sections[at.section]!.fields
            : draft.sections[at.section]!.subsections[at.sub]!.fields
          ).length;
  const index = at.kind === 'section' ? at.section : at.kind === 'subsection' ? at.sub : at.index;
  return index + delta >= 0 && index + delta < length;
}

/** The draft with `field` appended to a section's own fields or a subsection's (or at `index`). */
export function insertField(draft: Draft, at: Container, field: DraftField, index = Infinity): Draft {
  return mapFields(draft, at, (l) => insertItem(l, index, field));
}

/** The draft with the field `uid` replaced by `field` (same place). */
export function replaceField(draft: Draft, uid: string, field: DraftField): Draft {
  const at = locate(draft, uid);
  if (!at || at.kind !== 'field') return draft;
  return mapFields(draft, at, (l) => replaceItem(l, at.index, field));
}

/** The draft with the field `uid` moved to the end of another section or subsection. */
export function moveFieldTo(draft: Draft, uid: string, to: Container): Draft {
  const at = locate(draft, uid);
  if (!at || at.kind !== 'field') return draft;
  if (at.section === to.section && at.sub === to.sub) return draft;
  const field = findField(draft, uid)!;
  return insertField(removeNode(draft, uid), to, field);
}

type SectionPatch = Partial<Pick<DraftSection, 'numbering' | 'title' | 'help' | 'key'>>;

/** The draft with a section's or subsection's own properties changed. */
export function patchSection(draft: Draft, uid: string, patch: SectionPatch): Draft {
  const at = locate(draft, uid);
  if (!at) return draft;
  const apply = <T extends { help?: LocalText | undefined; numbering?: string | undefined }>(x: T): T => {
    const next = { ...x, ...patch };
    if ('help' in patch && !patch.help) delete next.help;
    if ('numbering' in patch && !patch.numbering) delete next.numbering;
    return next;
  };
  if (at.kind === 'section')
    return {
      ...draft,
      sections: replaceItem(draft.sections, at.section, apply(draft.sections[at.section]!)),
    };
  if (at.kind === 'subsection')
    return mapSubsections(draft, at.section, (l) => replaceItem(l, at.sub, apply(l[at.sub]!)));
  return draft;
}

/** "I.", "II.", … for the n-th section (1-based). */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = Math.max(1, Math.floor(n));
  let out = '';
  for (const [value, letters] of table)
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  return out;
}

/** A new section (numbered after the last), with no fields yet. */
export function newSection(draft: Draft, title: LocalText): DraftSection {
  return {
    uid: newUid(),
    key: freshKey('section', sectionKeys(draft)),
    numbering: `${romanNumeral(draft.sections.length + 1)}.`,
    title,
    fields: [],
    subsections: [],
  };
}

/** A new subsection of section `section` ("1.", "2.", …). */
export function newSubsection(draft: Draft, section: number, title: LocalText): DraftSubsection {
  const count = draft.sections[section]?.subsections.length ?? 0;
  return {
    uid: newUid(),
    key: freshKey('section', sectionKeys(draft)),
    numbering: `${count + 1}.`,
    title,
    fields: [],
  };
}

export function addSection(draft: Draft, title: LocalText): { draft: Draft; uid: string } {
  const section = newSection(draft, title);
  return { draft: { ...draft, sections: [...draft.sections, section] }, uid: section.uid };
}

export function addSubsection(
  draft: Draft,
  sectionUid: string,
  title: LocalText,
): { draft: Draft; uid: string } {
  const at = locate(draft, sectionUid);
  if (!at || at.kind !== 'section') return { draft, uid: '' };
  const sub = newSubsection(draft, at.section, title);
  return { draft: mapSubsections(draft, at.section, (l) => [...l, sub]), uid: sub.uid };
}

// ---------------------------------------------------------------------------------------------------
// Aggregates

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

type Typed = { type: FieldType | ColumnType; result?: 'number' | 'percent' | undefined };

/** The aggregates a field or column of this type may declare (as the server checks them). */
export function allowedAggregates(f: Typed): readonly Aggregate[] {
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
      return ['recompute', ...(f.result === 'percent' ? SHARES : NUMERIC)];
  }
}

/** The aggregate a new field or column of this type gets (the schema's default). */
export function defaultAggregate(f: Typed): Aggregate {
  switch (f.type) {
    case 'narrative':
    case 'text':
      return 'compile';
    case 'number':
      return 'sum';
    case 'percent':
      return 'average';
    case 'choice':
      return 'count_units';
    case 'table':
      return 'combine';
    case 'computed':
      return 'recompute';
  }
}

/** `aggregate` when the type allows it, else the type's default. */
export function fitAggregate(f: Typed, aggregate: Aggregate | undefined): Aggregate {
  return aggregate && allowedAggregates(f).includes(aggregate) ? aggregate : defaultAggregate(f);
}

// ---------------------------------------------------------------------------------------------------
// New fields and columns, and changing their type

const option = (n: number): ChoiceOption => ({
  key: `option_${n}`,
  label: { vi: `Phương án ${n}`, en: `Option ${n}` },
});

/** A new column of a type, with what the type needs. */
export function newColumn(type: ColumnType, key: string, label: LocalText): Column {
  const base = { key, label, required: false };
  switch (type) {
    case 'number':
      return { ...base, type, decimals: 0, aggregate: 'sum' };
    case 'percent':
      return { ...base, type, decimals: 2, aggregate: 'average' };
    case 'text':
      return { ...base, type, maxLength: 2000, aggregate: 'compile' };
    case 'choice':
      return { ...base, type, options: [option(1), option(2)], multiple: false, aggregate: 'count_units' };
  }
}

/** A column turned into another type: its key, label, help and required kept, the rest from the new type. */
export function changeColumnType(column: Column, type: ColumnType): Column {
  if (column.type === type) return column;
  const next = newColumn(type, column.key, column.label);
  return { ...next, required: column.required, ...(column.help ? { help: column.help } : {}) };
}

/** A new field of a type with what the type needs (a computed field's formula is left to write). */
export function newField(type: FieldType, key: string, label: LocalText): DraftField {
  const uid = newUid();
  const entered = { uid, key, label, required: false };
  switch (type) {
    case 'narrative':
      return { ...entered, type, maxLength: 20_000, aggregate: 'compile' };
    case 'number':
      return { ...entered, type, decimals: 0, aggregate: 'sum' };
    case 'percent':
      return { ...entered, type, decimals: 2, aggregate: 'average' };
    case 'choice':
      return { ...entered, type, options: [option(1), option(2)], multiple: false, aggregate: 'count_units' };
    case 'table':
      return {
        ...entered,
        type,
        columns: [newColumn('text', 'column_1', { vi: 'Cột 1', en: 'Column 1' })],
        aggregate: 'combine',
      };
    case 'computed':
      return { uid, key, label, type, formula: '', result: 'number', decimals: 2, aggregate: 'recompute' };
  }
}

/**
 * A field turned into another type: its uid, key, label and help kept, and what both types have (required,
 * prefill, unit, limits, options) where it still fits; the rest from the new type.
 */
export function changeFieldType(field: DraftField, type: FieldType): DraftField {
  if (field.type === type) return field;
  const next = newField(type, field.key, field.label) as DraftField & Record<string, unknown>;
  const old = field as DraftField & Record<string, unknown>;
  next.uid = field.uid;
  if (field.help) next.help = field.help;
  if (type !== 'computed' && field.type !== 'computed') {
    next.required = old.required;
    if (old.prefill !== undefined && (type === 'number' || type === 'percent')) next.prefill = old.prefill;
  }
  if ((type === 'number' || type === 'computed') && old.unit !== undefined) next.unit = old.unit;
  if ((type === 'number' || type === 'percent') && (field.type === 'number' || field.type === 'percent')) {
    if (old.min !== undefined) next.min = old.min;
    if (old.max !== undefined) next.max = old.max;
  }
  return next as DraftField;
}

// ---------------------------------------------------------------------------------------------------
// Renaming a field's key where it is read

/** `formula` with every reference to the field `from` (alone or as a table's first segment) now `to`. */
export function renameInFormula(formula: string, from: string, to: string): string {
  if (!from || from === to) return formula;
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return formula.replace(
    new RegExp(`(^|[^A-Za-z0-9_.])${escaped}(?![A-Za-z0-9_])`, 'g'),
    (_whole, before: string) => `${before}${to}`,
  );
}

/**
 * The draft with the field key `from` renamed `to` where it is read: formulas of computed fields, weights,
 * rules' expressions and highlighted fields. The field itself is renamed by the caller.
 */
export function renameFieldKey(draft: Draft, from: string, to: string): Draft {
  if (!from || from === to) return draft;
  const fix = (f: DraftField): DraftField => {
    let next = f;
    if (next.type === 'computed') {
      const formula = renameInFormula(next.formula, from, to);
      if (formula !== next.formula) next = { ...next, formula };
    }
    if ('weight' in next && next.weight === from) next = { ...next, weight: to } as DraftField;
    return next;
  };
  return {
    ...draft,
    sections: draft.sections.map((s) => ({
      ...s,
      fields: s.fields.map(fix),
      subsections: s.subsections.map((sub) => ({ ...sub, fields: sub.fields.map(fix) })),
    })),
    rules: draft.rules.map((r) => {
      const expression = renameInFormula(r.expression, from, to);
      const fields = r.fields?.map((k) => (k === from ? to : k));
      return { ...r, expression, ...(fields ? { fields } : {}) };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------
// What the server would refuse as malformed, found before sending

export type LocalIssue = {
  /** The outline item (section, subsection or field uid), `rule:<index>` for a rule, or `form`. */
  at: string;
  /** What is wrong (a text key of the designer's `issues`). */
  issue: 'label' | 'key' | 'keyTaken' | 'formula' | 'options' | 'rows' | 'expression' | 'message' | 'name';
  /** Where inside the item (a column, row or option's position, 1-based), when it is not the item itself. */
  part?: string;
};

const blank = (t: LocalText | undefined) => !t || !t.vi.trim() || !t.en.trim();

/** The malformed parts of a draft: missing labels, keys that do not fit the pattern or repeat, empty formulas. */
export function localIssues(draft: Draft): LocalIssue[] {
  const out: LocalIssue[] = [];
  if (blank(draft.name)) out.push({ at: 'form', issue: 'name' });
  const seen = new Map<string, number>();
  for (const f of draftFields(draft)) seen.set(f.key, (seen.get(f.key) ?? 0) + 1);
  const optionIssues = (at: string, options: readonly ChoiceOption[], where: string) => {
    const keys = new Set<string>();
    options.forEach((o, i) => {
      if (blank(o.label)) out.push({ at, issue: 'label', part: `${where}option:${i + 1}` });
      if (!isValidKey(o.key)) out.push({ at, issue: 'key', part: `${where}option:${i + 1}` });
      else if (keys.has(o.key)) out.push({ at, issue: 'keyTaken', part: `${where}option:${i + 1}` });
      keys.add(o.key);
    });
  };
  const checkField = (f: DraftField) => {
    if (blank(f.label)) out.push({ at: f.uid, issue: 'label' });
    if (!isValidKey(f.key)) out.push({ at: f.uid, issue: 'key' });
    else if ((seen.get(f.key) ?? 0) > 1) out.push({ at: f.uid, issue: 'keyTaken' });
    if (f.help && blank(f.help)) out.push({ at: f.uid, issue: 'label', part: 'help' });
    if (f.type === 'computed' && !f.formula.trim()) out.push({ at: f.uid, issue: 'formula' });
    if (f.type === 'choice') {
      if (!f.options.length) out.push({ at: f.uid, issue: 'options' });
      optionIssues(f.uid, f.options, '');
    }
    if (f.type === 'table') {
      const cols = new Set<string>();
      f.columns.forEach((c, i) => {
        const part = `column:${i + 1}`;
        if (blank(c.label)) out.push({ at: f.uid, issue: 'label', part });
        if (!isValidKey(c.key)) out.push({ at: f.uid, issue: 'key', part });
        else if (cols.has(c.key)) out.push({ at: f.uid, issue: 'keyTaken', part });
        cols.add(c.key);
        if (c.type === 'choice') {
          if (!c.options.length) out.push({ at: f.uid, issue: 'options', part });
          optionIssues(f.uid, c.options, `${part}/`);
        }
      });
      if (f.fixedRows && !f.fixedRows.length) out.push({ at: f.uid, issue: 'rows' });
      const rows = new Set<string>();
      (f.fixedRows ?? []).forEach((r, i) => {
        const part = `row:${i + 1}`;
        if (blank(r.label)) out.push({ at: f.uid, issue: 'label', part });
        if (!isValidKey(r.key)) out.push({ at: f.uid, issue: 'key', part });
        else if (rows.has(r.key)) out.push({ at: f.uid, issue: 'keyTaken', part });
        rows.add(r.key);
      });
    }
  };
  for (const s of draft.sections) {
    if (blank(s.title)) out.push({ at: s.uid, issue: 'label' });
    if (s.help && blank(s.help)) out.push({ at: s.uid, issue: 'label', part: 'help' });
    s.fields.forEach(checkField);
    for (const sub of s.subsections) {
      if (blank(sub.title)) out.push({ at: sub.uid, issue: 'label' });
      if (sub.help && blank(sub.help)) out.push({ at: sub.uid, issue: 'label', part: 'help' });
      sub.fields.forEach(checkField);
    }
  }
  draft.rules.forEach((r, i) => {
    if (!r.expression.trim()) out.push({ at: `rule:${i}`, issue: 'expression' });
    if (blank(r.message)) out.push({ at: `rule:${i}`, issue: 'message' });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The server's problems, placed

export type PlacedProblems = {
  /** Problems by the field key they name. */
  byField: Map<string, Problem[]>;
  /** Problems by the rule key their sentence names (the server names a rule in its message). */
  byRule: Map<string, Problem[]>;
  /** The rest (the form as a whole, a section). */
  general: Problem[];
};

/**
 * The server's problems sorted by what they name: a field (its `field`), a rule (the rule's key quoted in the
 * sentence, «key» or “key”: the API gives no other link), or the form.
 */
export function placeProblems(problems: readonly Problem[], ruleKeys: readonly string[]): PlacedProblems {
  const byField = new Map<string, Problem[]>();
  const byRule = new Map<string, Problem[]>();
  const general: Problem[] = [];
  for (const p of problems) {
    if (p.field && p.field !== 'definition') {
      byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
      continue;
    }
    const rule = ruleKeys.find((k) => p.message.includes(`«${k}»`) || p.message.includes(`“${k}”`));
    if (rule) byRule.set(rule, [...(byRule.get(rule) ?? []), p]);
    else general.push(p);
  }
  return { byField, byRule, general };
}

/** How many problems sit under an outline item: its own (a field) or all its fields' (a section). */
export function problemCount(
  placed: PlacedProblems,
  node: DraftSection | DraftSubsection | DraftField,
): number {
  if ('type' in node) return placed.byField.get(node.key)?.length ?? 0;
  const fields =
    'subsections' in node ? [...node.fields, ...node.subsections.flatMap((s) => s.fields)] : node.fields;
  return fields.reduce((n, f) => n + (placed.byField.get(f.key)?.length ?? 0), 0);
}

/** The definition a new form starts from: one section with one narrative field (valid as it is). */
export function minimalDefinition(key: string, name: LocalText): FormDefinition {
  return {
    key,
    version: 1,
    name,
    legalBasis: [],
    sections: [
      {
        key: 'section_1',
        numbering: 'I.',
        title: { vi: 'Nội dung báo cáo', en: 'Report' },
        fields: [
          {
            key: 'content',
            type: 'narrative',
            label: { vi: 'Kết quả thực hiện', en: 'Results' },
            required: false,
            maxLength: 20_000,
            aggregate: 'compile',
          },
        ],
        subsections: [],
      },
    ],
    rules: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Comparing with what is saved

/** JSON with keys sorted and undefined values left out: two definitions equal in data compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = x;
    }
    return out;
  });
}

/** Whether the draft holds the same definition as `saved` (whatever the order of properties). */
export const sameDefinition = (draft: Draft, saved: FormDefinition) =>
  canonicalJson(fromDraft(draft)) === canonicalJson(saved);

/**
 * The draft of `saved` (what the server stored), keeping the uids of `draft` where the outline has the same
 * shape (the server never reorders), so the selection survives a save.
 */
export function rebase(draft: Draft, saved: FormDefinition): Draft {
  const next = toDraft(saved);
  const keep = <T extends { uid: string }>(fresh: T, old: { uid: string } | undefined): T =>
    old ? { ...fresh, uid: old.uid } : fresh;
  return {
    ...next,
    sections: next.sections.map((s, i) => {
      const old = draft.sections[i];
      return {
        ...keep(s, old),
        fields: s.fields.map((f, k) => keep(f, old?.fields[k])),
        subsections: s.subsections.map((sub, j) => {
          const o = old?.subsections[j];
          return { ...keep(sub, o), fields: sub.fields.map((f, k) => keep(f, o?.fields[k])) };
        }),
      };
    }),
  };
}
