/** Small builders of form versions for the tests of this folder. */
import { FormVersion, type FormVersionInput } from './form-definition.js';

type SectionInput = FormVersionInput['sections'][number];
type FieldInput = NonNullable<SectionInput['fields']>[number];
type RuleInput = NonNullable<FormVersionInput['rules']>[number];

export const txt = (vi: string, en: string = vi) => ({ vi, en });

export const num = (key: string, extra: Record<string, unknown> = {}): FieldInput =>
  ({ key, type: 'number', label: txt(`Số ${key}`, `Number ${key}`), ...extra }) as FieldInput;
export const pctField = (key: string, extra: Record<string, unknown> = {}): FieldInput =>
  ({ key, type: 'percent', label: txt(`Tỷ lệ ${key}`, `Share ${key}`), ...extra }) as FieldInput;
export const text = (key: string, extra: Record<string, unknown> = {}): FieldInput =>
  ({ key, type: 'narrative', label: txt(`Nội dung ${key}`, `Text ${key}`), ...extra }) as FieldInput;
export const choice = (key: string, options: string[], extra: Record<string, unknown> = {}): FieldInput =>
  ({
    key,
    type: 'choice',
    label: txt(`Lựa chọn ${key}`, `Choice ${key}`),
    options: options.map((o) => ({ key: o, label: txt(o) })),
    ...extra,
  }) as FieldInput;
export const calc = (key: string, formula: string, extra: Record<string, unknown> = {}): FieldInput =>
  ({ key, type: 'computed', label: txt(`Tính ${key}`, `Computed ${key}`), formula, ...extra }) as FieldInput;
export const table = (
  key: string,
  columns: Array<Record<string, unknown>>,
  extra: Record<string, unknown> = {},
) =>
  ({
    key,
    type: 'table',
    label: txt(`Bảng ${key}`, `Table ${key}`),
    columns: columns.map((c) => ({ label: txt(`Cột ${String(c.key)}`, `Column ${String(c.key)}`), ...c })),
    ...extra,
  }) as FieldInput;
export const rule = (key: string, expression: string, extra: Record<string, unknown> = {}): RuleInput =>
  ({
    key,
    expression,
    message: txt(`Quy tắc ${key} không đạt.`, `Rule ${key} fails.`),
    ...extra,
  }) as RuleInput;

/** A form of one section holding `fields`, with `rules`. */
export function makeForm(
  fields: FieldInput[],
  rules: RuleInput[] = [],
  extra: Partial<FormVersionInput> = {},
) {
  return FormVersion.parse({
    key: 'test-form',
    version: 1,
    name: txt('Biểu mẫu thử', 'Test form'),
    sections: [{ key: 'main', numbering: 'I.', title: txt('Phần chính', 'Main part'), fields }],
    rules,
    ...extra,
  });
}
