/**
 * The definition of a report form version (biểu mẫu báo cáo) — its Zod 4 schema and TypeScript types.
 * Pure data: no behaviour here beyond shape. The semantic checks (formulas, references, cycles, weights,
 * aggregates per type, duplicate and reserved keys) are in ./check-form.ts, which names the field of every
 * problem; this schema only refuses what is structurally wrong (a missing label, an unknown property, a key
 * that is not `a-z0-9_`).
 *
 * A form version is immutable once reports were submitted on it: the DB layer stores each version, and a
 * change is a new version (issue 13). Keys are stable across versions so figures stay comparable.
 *
 * Narrative fields hold **plain text with light emphasis** (./narrative.ts): one paragraph per line,
 * `**bold**` and `*italic*`; nothing else has meaning — no HTML (a `<b>` is shown as the characters `<b>`),
 * no headings, links, images or tables. Administrative documents (Decree 30/2020/NĐ-CP) number their items
 * in the text itself ("1.", "a)", "-"), so lists are written as typed; tables belong in table fields.
 */
import { z } from 'zod';

/** A stable key of a field, column, row, option, section or rule: lowercase letter, then `a-z`, `0-9`, `_`. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const FormKey = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_-]*$/);
export const Key = z.string().max(64).regex(KEY_PATTERN);

/**
 * Where a prefilled figure comes from: a dotted id such as `plan.tasks.total` or `dossiers.onTimeRate`
 * (segments start with a lowercase letter, then letters and digits). Only the format is checked here; the
 * DB layer maps ids to its sources.
 */
export const PREFILL_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
export const PrefillSource = z.string().max(120).regex(PREFILL_PATTERN);

/** A text in Vietnamese (first) and English. */
export const LocalText = z.strictObject({
  vi: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
});
export type LocalText = z.infer<typeof LocalText>;

/**
 * How a field is consolidated up the unit tree (./consolidate.ts). Which kinds fit which field type is
 * checked by `checkForm` (`reports.check.aggregate_not_allowed`), so the problem names the field:
 * - `sum`, `average`, `weighted_average` (by the `weight` field), `min`, `max`: numbers and percentages
 *   (`sum` never for a percentage);
 * - `count_units`: the number of units that reported a value (choices: also how many chose each option);
 * - `recompute`: computed fields only — the formula evaluated again over the consolidated figures (a rate
 *   is recomputed from the summed counts, never averaged);
 * - `compile`: narratives and text columns — each unit's text with its name, by section;
 * - `combine`: tables — fixed rows cell by cell by each column's aggregate, free rows listed per unit;
 * - `none`: not consolidated (the units' values are still kept for tracing).
 */
export const AGGREGATES = [
  'sum',
  'average',
  'weighted_average',
  'min',
  'max',
  'count_units',
  'recompute',
  'compile',
  'combine',
  'none',
] as const;
export const Aggregate = z.enum(AGGREGATES);
export type Aggregate = (typeof AGGREGATES)[number];

const Option = z.strictObject({ key: Key, label: LocalText });
export type ChoiceOption = z.infer<typeof Option>;

const base = {
  key: Key,
  label: LocalText,
  help: LocalText.optional(),
};
const entered = {
  ...base,
  required: z.boolean().default(false),
  prefill: PrefillSource.optional(),
};

const decimals = (max: number, fallback: number) => z.int().min(0).max(max).default(fallback);

export const NarrativeField = z.strictObject({
  ...entered,
  type: z.literal('narrative'),
  maxLength: z.int().min(1).max(100_000).default(20_000),
  aggregate: Aggregate.default('compile'),
});

/** What a number holds, as a field or as a table column: its unit, range, decimals and aggregate. */
const numberShape = {
  type: z.literal('number'),
  unit: LocalText.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** 0 = whole numbers only. */
  decimals: decimals(6, 0),
  aggregate: Aggregate.default('sum'),
  /** The numeric field (or column of the same table) that weighs this one under `weighted_average`. */
  weight: Key.optional(),
};

/** What a percentage holds: within 0–100 (min/max narrow the range). */
const percentShape = {
  type: z.literal('percent'),
  min: z.number().optional(),
  max: z.number().optional(),
  decimals: decimals(4, 2),
  aggregate: Aggregate.default('average'),
  weight: Key.optional(),
};

export const NumberField = z.strictObject({ ...entered, ...numberShape });
export const PercentField = z.strictObject({ ...entered, ...percentShape });

export const ChoiceField = z.strictObject({
  ...entered,
  type: z.literal('choice'),
  options: z.array(Option).min(1).max(100),
  multiple: z.boolean().default(false),
  aggregate: Aggregate.default('count_units'),
});

const columnBase = { ...base, required: z.boolean().default(false) };
export const NumberColumn = z.strictObject({ ...columnBase, ...numberShape });
export const PercentColumn = z.strictObject({ ...columnBase, ...percentShape });
export const TextColumn = z.strictObject({
  ...columnBase,
  type: z.literal('text'),
  maxLength: z.int().min(1).max(20_000).default(2000),
  aggregate: Aggregate.default('compile'),
});
export const ChoiceColumn = z.strictObject({
  ...columnBase,
  type: z.literal('choice'),
  options: z.array(Option).min(1).max(100),
  multiple: z.boolean().default(false),
  aggregate: Aggregate.default('count_units'),
});
export const Column = z.discriminatedUnion('type', [NumberColumn, PercentColumn, TextColumn, ChoiceColumn]);
export type Column = z.infer<typeof Column>;

const FixedRow = z.strictObject({ key: Key, label: LocalText });
export type FixedRow = z.infer<typeof FixedRow>;

/**
 * A table of repeating rows. With `fixedRows` the rows are given (e.g. one per level of government) and
 * consolidate cell by cell; without, the unit adds free rows (e.g. one per initiative), between `minRows`
 * and `maxRows`, and consolidation lists every unit's rows with the unit's name.
 */
export const TableField = z.strictObject({
  ...entered,
  type: z.literal('table'),
  columns: z.array(Column).min(1).max(50),
  fixedRows: z.array(FixedRow).min(1).max(200).optional(),
  minRows: z.int().min(0).max(10_000).optional(),
  maxRows: z.int().min(1).max(10_000).optional(),
  aggregate: Aggregate.default('combine'),
});

/**
 * A figure computed from others by a formula (./formula.ts). `percent` results are shares (0–100; outside
 * that range the evaluation reports a problem) — use `number` for ratios and growth. The value is rounded
 * to `decimals` (half away from zero), so what is shown is what is validated and consolidated. Computed
 * fields are never entered, required or prefilled.
 */
export const ComputedField = z.strictObject({
  ...base,
  type: z.literal('computed'),
  formula: z.string().min(1).max(2000),
  result: z.enum(['number', 'percent']).default('number'),
  unit: LocalText.optional(),
  decimals: decimals(6, 2),
  aggregate: Aggregate.default('recompute'),
  weight: Key.optional(),
});

export const Field = z.discriminatedUnion('type', [
  NarrativeField,
  NumberField,
  PercentField,
  ChoiceField,
  TableField,
  ComputedField,
]);
export type Field = z.infer<typeof Field>;
export type FieldType = Field['type'];
export type NarrativeField = z.infer<typeof NarrativeField>;
export type NumberField = z.infer<typeof NumberField>;
export type PercentField = z.infer<typeof PercentField>;
export type ChoiceField = z.infer<typeof ChoiceField>;
export type TableField = z.infer<typeof TableField>;
export type ComputedField = z.infer<typeof ComputedField>;

const sectionShape = {
  key: Key,
  /** As printed: "I.", "II.1", "a)". */
  numbering: z.string().trim().min(1).max(16).optional(),
  title: LocalText,
  help: LocalText.optional(),
  fields: z.array(Field).max(500).default([]),
};
export const Subsection = z.strictObject(sectionShape);
/** A section holds its own fields first, then its subsections (two levels: "II." and "II.1"). */
export const Section = z.strictObject({
  ...sectionShape,
  subsections: z.array(Subsection).max(50).default([]),
});
export type Subsection = z.infer<typeof Subsection>;
export type Section = z.infer<typeof Section>;

/**
 * A form-level validation rule: a boolean formula over the fields (e.g. `done <= total`,
 * `received + carried_over = resolved + processing`). It fails when it evaluates to false; when a figure it
 * reads is empty it is not checked (the required-field check speaks for that). `fields` are the fields to
 * highlight (by default those the expression reads). `warning` rules never block completeness.
 */
export const ValidationRule = z.strictObject({
  key: Key,
  expression: z.string().min(1).max(2000),
  message: LocalText,
  fields: z.array(Key).max(50).optional(),
  severity: z.enum(['error', 'warning']).default('error'),
});
export type ValidationRule = z.infer<typeof ValidationRule>;

export const FormVersion = z.strictObject({
  key: FormKey,
  version: z.int().min(1),
  name: LocalText,
  /** What the form is for, citing its legal source (the shipped forms always have one). */
  description: LocalText.optional(),
  /** The legal sources, as their citations read. */
  legalBasis: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
  sections: z.array(Section).min(1).max(100),
  rules: z.array(ValidationRule).max(500).default([]),
});
/** A form version as stored and used (defaults applied). */
export type FormVersion = z.infer<typeof FormVersion>;
/** A form version as written (defaults may be left out), e.g. the shipped JSON files. */
export type FormVersionInput = z.input<typeof FormVersion>;

/** A field with where it sits: its section and, if any, subsection. */
export type PlacedField = { field: Field; section: Section; subsection: Subsection | null };

/** Every field of a form in reading order (a section's own fields, then its subsections'). */
export function formFields(form: FormVersion): PlacedField[] {
  const out: PlacedField[] = [];
  for (const section of form.sections) {
    for (const field of section.fields) out.push({ field, section, subsection: null });
    for (const sub of section.subsections)
      for (const field of sub.fields) out.push({ field, section, subsection: sub });
  }
  return out;
}

/** Fields by key; the first wins when a key is duplicated (which `checkForm` refuses). */
export function fieldIndex(form: FormVersion): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const { field } of formFields(form)) if (!map.has(field.key)) map.set(field.key, field);
  return map;
}

/** Whether a field or column holds a number (number, percent, computed). */
export const isNumeric = (f: { type: string }): boolean =>
  f.type === 'number' || f.type === 'percent' || f.type === 'computed';
