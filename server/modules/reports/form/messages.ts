/**
 * Problems of the report-form engine and their texts, Vietnamese first, then English.
 *
 * A problem is data: `{ key, field, params }` (plus `fields` and `severity` where they apply). `params`
 * hold machine values — field, column, row and rule keys, numbers, type and aggregate codes — so the same
 * problem reads in either language. `describeProblem(problem, locale, form)` writes the sentence: it puts
 * the field's label where the key was (`{subject}`: «Số hồ sơ tiếp nhận», with the row and column of a
 * table cell), translates the codes, and writes figures the Vietnamese way (1.234,5) in both languages,
 * as the web does (`web/src/lib/format.ts`). Placeholders avoid the names the platform's `translate` fills
 * itself (`{field}`, `{entity}`, `{kind}`, `{status}`, `{actions}`), so the catalog can be merged there.
 * Formula positions: `params.position` is 1-based (as people count), `params.offset` 0-based (for editors).
 */
import {
  fieldIndex,
  formFields,
  type Column,
  type Field,
  type FormVersion,
  type TableField,
} from './form-definition.js';

type Text = { vi: string; en: string };

export const REPORT_FORM_MESSAGES = {
  // Formula syntax (formula.ts)
  'reports.formula.empty': {
    vi: '{subject}: công thức đang để trống.',
    en: '{subject}: the formula is empty.',
  },
  'reports.formula.too_long': {
    vi: '{subject}: công thức dài quá {limit} ký tự.',
    en: '{subject}: the formula is longer than {limit} characters.',
  },
  'reports.formula.too_complex': {
    vi: '{subject}: công thức lồng nhau quá {limit} tầng (vị trí {position}).',
    en: '{subject}: the formula nests more than {limit} levels deep (position {position}).',
  },
  'reports.formula.unexpected_char': {
    vi: '{subject}: ký tự «{found}» ở vị trí {position} không dùng được trong công thức.',
    en: '{subject}: the character “{found}” at position {position} cannot be used in a formula.',
  },
  'reports.formula.bad_number': {
    vi: '{subject}: số «{found}» ở vị trí {position} viết chưa đúng (phần thập phân viết sau dấu chấm, ví dụ 12.5).',
    en: '{subject}: the number “{found}” at position {position} is malformed (write decimals after a point, e.g. 12.5).',
  },
  'reports.formula.decimal_comma': {
    vi: '{subject}: trong công thức, số thập phân viết bằng dấu chấm: «{use}» thay cho «{found}» (vị trí {position}).',
    en: '{subject}: formulas write decimals with a point: “{use}” instead of “{found}” (position {position}).',
  },
  'reports.formula.use_operator': {
    vi: '{subject}: ở vị trí {position}, hãy viết «{use}» thay cho «{found}».',
    en: '{subject}: at position {position}, write “{use}” instead of “{found}”.',
  },
  'reports.formula.unexpected_token': {
    vi: '{subject}: «{found}» ở vị trí {position} không đúng chỗ.',
    en: '{subject}: “{found}” at position {position} is out of place.',
  },
  'reports.formula.unexpected_end': {
    vi: '{subject}: công thức dừng lại khi còn thiếu một số hoặc chỉ tiêu (vị trí {position}).',
    en: '{subject}: the formula ends where a number or a field is still expected (position {position}).',
  },
  'reports.formula.unclosed_paren': {
    vi: '{subject}: dấu ngoặc mở ở vị trí {position} chưa được đóng.',
    en: '{subject}: the parenthesis opened at position {position} is never closed.',
  },
  'reports.formula.unknown_function': {
    vi: '{subject}: không có hàm «{name}» (vị trí {position}); các hàm dùng được: sum, avg, min, max, round, count, if, pct.',
    en: '{subject}: there is no function “{name}” (position {position}); the functions are sum, avg, min, max, round, count, if, pct.',
  },
  'reports.formula.call_expected': {
    vi: '{subject}: «{name}» ở vị trí {position} là tên hàm, cần viết kèm đối số trong ngoặc: {name}(…).',
    en: '{subject}: “{name}” at position {position} is a function and needs its arguments in parentheses: {name}(…).',
  },
  'reports.formula.arity': {
    vi: '{subject}: hàm {name} cần {expected} đối số, đang có {found} (vị trí {position}).',
    en: '{subject}: the function {name} takes {expected} argument(s), not {found} (position {position}).',
  },
  'reports.formula.chained_comparison': {
    vi: '{subject}: không viết các phép so sánh liền nhau (vị trí {position}); hãy tách bằng «and», ví dụ a <= b and b <= c.',
    en: '{subject}: comparisons cannot be chained (position {position}); join them with “and”, e.g. a <= b and b <= c.',
  },
  'reports.formula.bad_reference': {
    vi: '{subject}: tham chiếu «{found}» ở vị trí {position} viết chưa đúng (chỉ tiêu, bảng.cột hoặc bảng.dòng.cột).',
    en: '{subject}: the reference “{found}” at position {position} is malformed (field, table.column or table.row.column).',
  },

  // Static checks of a form version (check-form.ts)
  'reports.check.schema': {
    vi: 'Biểu mẫu chưa đúng cấu trúc tại «{path}»: {issue}.',
    en: 'The form is malformed at “{path}”: {issue}.',
  },
  'reports.check.form_empty': {
    vi: 'Biểu mẫu chưa có chỉ tiêu nào.',
    en: 'The form has no fields.',
  },
  'reports.check.section_empty': {
    vi: 'Mục «{section}» chưa có chỉ tiêu nào.',
    en: 'The section “{section}” has no fields.',
  },
  'reports.check.duplicate_key': {
    vi: '{subject}: mã «{key}» được dùng cho nhiều {scope}; mỗi mục cần một mã riêng.',
    en: '{subject}: the key “{key}” is used by more than one of its {scope}; each needs its own.',
  },
  'reports.check.reserved_key': {
    vi: '{subject}: mã «{key}» trùng với từ khóa của công thức (and, or, not hoặc tên hàm); hãy đặt mã khác.',
    en: '{subject}: the key “{key}” is a word of the formula language (and, or, not or a function name); choose another.',
  },
  'reports.check.range_invalid': {
    vi: '{subject}: giá trị nhỏ nhất ({min}) lớn hơn giá trị lớn nhất ({max}).',
    en: '{subject}: the minimum ({min}) is greater than the maximum ({max}).',
  },
  'reports.check.percent_range': {
    vi: '{subject}: giới hạn của tỷ lệ phải nằm trong khoảng 0–100 (đang là {min}–{max}).',
    en: '{subject}: the limits of a percentage must lie within 0–100 (they are {min}–{max}).',
  },
  'reports.check.rows_range_invalid': {
    vi: '{subject}: số dòng tối thiểu ({min}) lớn hơn số dòng tối đa ({max}).',
    en: '{subject}: the minimum number of rows ({min}) is greater than the maximum ({max}).',
  },
  'reports.check.fixed_rows_no_limits': {
    vi: '{subject}: bảng có các dòng cố định nên không đặt số dòng tối thiểu, tối đa.',
    en: '{subject}: a table with fixed rows takes no minimum or maximum number of rows.',
  },
  'reports.check.aggregate_not_allowed': {
    vi: '{subject}: chỉ tiêu dạng {type} không tổng hợp theo cách «{aggregate}» được.',
    en: '{subject}: {type} cannot be consolidated by “{aggregate}”.',
  },
  'reports.check.weight_required': {
    vi: '{subject}: tổng hợp trung bình có trọng số cần nêu chỉ tiêu làm trọng số.',
    en: '{subject}: a weighted average needs a weight field.',
  },
  'reports.check.weight_missing': {
    vi: '{subject}: chỉ tiêu làm trọng số «{weight}» không có trong biểu mẫu.',
    en: '{subject}: the weight field “{weight}” is not in the form.',
  },
  'reports.check.weight_not_numeric': {
    vi: '{subject}: trọng số «{weight}» phải là chỉ tiêu dạng số (đang là {type}).',
    en: '{subject}: the weight “{weight}” must be a numeric field (it is {type}).',
  },
  'reports.check.unknown_field': {
    vi: '{subject}: công thức dùng chỉ tiêu «{ref}» không có trong biểu mẫu (vị trí {position}).',
    en: '{subject}: the formula uses “{ref}”, which is not a field of the form (position {position}).',
  },
  'reports.check.unknown_column': {
    vi: '{subject}: bảng «{table}» không có cột «{col}» (vị trí {position}).',
    en: '{subject}: the table “{table}” has no column “{col}” (position {position}).',
  },
  'reports.check.unknown_row': {
    vi: '{subject}: bảng «{table}» không có dòng «{row}» (vị trí {position}).',
    en: '{subject}: the table “{table}” has no row “{row}” (position {position}).',
  },
  'reports.check.not_a_table': {
    vi: '{subject}: «{ref}» không phải là bảng nên không có cột «{col}» (vị trí {position}).',
    en: '{subject}: “{ref}” is not a table, so it has no column “{col}” (position {position}).',
  },
  'reports.check.not_fixed_rows': {
    vi: '{subject}: bảng «{table}» không có dòng cố định nên không tham chiếu được từng ô (vị trí {position}).',
    en: '{subject}: the table “{table}” has no fixed rows, so its cells cannot be referenced (position {position}).',
  },
  'reports.check.type_mismatch': {
    vi: '{subject}: ở vị trí {position} cần {expected}, nhưng {what} là {found}.',
    en: '{subject}: position {position} needs {expected}, but {what} is {found}.',
  },
  'reports.check.division_by_zero': {
    vi: '{subject}: công thức chia cho 0 ở vị trí {position}.',
    en: '{subject}: the formula divides by zero at position {position}.',
  },
  'reports.check.round_digits': {
    vi: '{subject}: số chữ số thập phân của round() phải là số nguyên từ 0 đến 10 (vị trí {position}).',
    en: '{subject}: the digits of round() must be a whole number from 0 to 10 (position {position}).',
  },
  'reports.check.cycle': {
    vi: 'Các chỉ tiêu tính toán tham chiếu vòng tròn: {cycle}.',
    en: 'Computed fields refer to each other in a circle: {cycle}.',
  },
  'reports.check.computed_not_number': {
    vi: '{subject}: công thức phải cho ra một số (đang cho ra {found}).',
    en: '{subject}: the formula must give a number (it gives {found}).',
  },
  'reports.check.rule_not_boolean': {
    vi: '{subject}: phải là một điều kiện đúng/sai, ví dụ «đã giải quyết <= tiếp nhận» (đang cho ra {found}).',
    en: '{subject}: must be a true/false condition, e.g. “resolved <= received” (it gives {found}).',
  },
  'reports.check.rule_unknown_field': {
    vi: '{subject}: chỉ tiêu «{ref}» được nêu trong quy tắc không có trong biểu mẫu.',
    en: '{subject}: the field “{ref}” named by the rule is not in the form.',
  },

  // Evaluating a submission (evaluate.ts)
  'reports.value.values_invalid': {
    vi: 'Dữ liệu báo cáo không đúng dạng (cần một bảng giá trị theo mã chỉ tiêu).',
    en: 'The report data is malformed (it must map field keys to values).',
  },
  'reports.value.required': {
    vi: '{subject}: chỉ tiêu bắt buộc, chưa được nhập.',
    en: '{subject}: required, not filled in.',
  },
  'reports.value.invalid': {
    vi: '{subject}: giá trị không hợp lệ (cần {expected}).',
    en: '{subject}: invalid value ({expected} expected).',
  },
  'reports.value.too_large': {
    vi: '{subject}: số quá lớn (tối đa {limit}).',
    en: '{subject}: the number is too large (at most {limit}).',
  },
  'reports.value.not_integer': {
    vi: '{subject}: phải là số nguyên (đang nhập {value}).',
    en: '{subject}: must be a whole number (entered {value}).',
  },
  'reports.value.too_many_decimals': {
    vi: '{subject}: chỉ được tối đa {decimals} chữ số thập phân (đang nhập {value}).',
    en: '{subject}: at most {decimals} decimal places (entered {value}).',
  },
  'reports.value.below_min': {
    vi: '{subject}: không được nhỏ hơn {min} (đang nhập {value}).',
    en: '{subject}: must not be less than {min} (entered {value}).',
  },
  'reports.value.above_max': {
    vi: '{subject}: không được lớn hơn {max} (đang nhập {value}).',
    en: '{subject}: must not be more than {max} (entered {value}).',
  },
  'reports.value.unknown_option': {
    vi: '{subject}: «{value}» không phải là một phương án của chỉ tiêu này.',
    en: '{subject}: “{value}” is not one of its options.',
  },
  'reports.value.too_long': {
    vi: '{subject}: dài {length} ký tự, vượt quá {limit} ký tự cho phép.',
    en: '{subject}: {length} characters, more than the {limit} allowed.',
  },
  'reports.value.too_few_rows': {
    vi: '{subject}: cần ít nhất {min} dòng (đang có {count}).',
    en: '{subject}: needs at least {min} rows (has {count}).',
  },
  'reports.value.too_many_rows': {
    vi: '{subject}: tối đa {max} dòng (đang có {count}).',
    en: '{subject}: at most {max} rows (has {count}).',
  },
  'reports.value.unknown_row': {
    vi: '{subject}: dòng «{row}» không có trong bảng nên bị bỏ qua.',
    en: '{subject}: the row “{row}” is not in the table and was left out.',
  },
  'reports.value.duplicate_row': {
    vi: '{subject}: dòng «{row}» được nhập hai lần; chỉ giữ lần thứ nhất.',
    en: '{subject}: the row “{row}” was entered twice; the first is kept.',
  },
  'reports.value.unknown_column': {
    vi: '{subject}: cột «{col}» không có trong bảng nên bị bỏ qua.',
    en: '{subject}: the column “{col}” is not in the table and was left out.',
  },
  'reports.value.unknown_field': {
    vi: 'Chỉ tiêu «{ref}» không có trong phiên bản biểu mẫu này nên bị bỏ qua.',
    en: 'The field “{ref}” is not in this version of the form and was left out.',
  },
  'reports.value.division_by_zero': {
    vi: '{subject}: không tính được vì công thức chia cho 0 (vị trí {position}); chỉ tiêu để trống.',
    en: '{subject}: not computed because the formula divides by zero (position {position}); left empty.',
  },
  'reports.value.computed_out_of_range': {
    vi: '{subject}: tỷ lệ tính được là {value}%, nằm ngoài khoảng 0–100%; hãy kiểm tra các số liệu dùng để tính.',
    en: '{subject}: the computed share is {value}%, outside 0–100%; check the figures it is computed from.',
  },
  'reports.value.rule_failed': {
    vi: '{message} ({fields})',
    en: '{message} ({fields})',
  },
  'reports.value.form_invalid': {
    vi: '{subject}: biểu mẫu có lỗi công thức nên chưa tính, chưa kiểm tra được.',
    en: '{subject}: the form has a formula error, so this cannot be computed or checked.',
  },

  // Consolidation (consolidate.ts)
  'reports.consolidate.duplicate_unit': {
    vi: 'Đơn vị «{unit}» có hơn một báo cáo; chỉ tổng hợp báo cáo thứ nhất.',
    en: 'The unit “{unit}” has more than one report; only the first is consolidated.',
  },
} as const satisfies Record<string, Text>;

export type ProblemKey = keyof typeof REPORT_FORM_MESSAGES;

export type Severity = 'error' | 'warning';

/**
 * A problem of a form version, a submission or a consolidation. `field` names the field (or table) it is
 * about, null for the form or a rule as a whole; `params.rule` names a rule; `params.row` / `params.col`
 * locate a table cell; `fields` lists the fields a failed rule reads. `severity` is set by the evaluation
 * (warnings never block completeness); static problems always refuse the form version.
 */
export type Problem = {
  key: ProblemKey;
  field: string | null;
  params: Record<string, string | number>;
  fields?: string[];
  severity?: Severity;
};

export type Locale = 'vi' | 'en';

const TYPE_NAMES: Record<string, Text> = {
  number: { vi: 'số', en: 'a number' },
  percent: { vi: 'tỷ lệ phần trăm', en: 'a percentage' },
  computed: { vi: 'chỉ tiêu tính toán', en: 'a computed field' },
  narrative: { vi: 'văn bản', en: 'text' },
  text: { vi: 'văn bản', en: 'text' },
  choice: { vi: 'lựa chọn', en: 'a choice' },
  table: { vi: 'bảng', en: 'a table' },
  boolean: { vi: 'điều kiện đúng/sai', en: 'a true/false condition' },
  list: { vi: 'cột số liệu của bảng', en: 'a numeric table column' },
  text_list: { vi: 'cột văn bản hoặc lựa chọn của bảng', en: 'a text or choice table column' },
  number_or_list: { vi: 'số hoặc cột số liệu của bảng', en: 'a number or a numeric table column' },
  table_or_column: { vi: 'bảng hoặc cột của bảng', en: 'a table or a table column' },
  array: { vi: 'danh sách', en: 'a list' },
  rows: { vi: 'danh sách dòng của bảng', en: 'a list of table rows' },
  option: { vi: 'một phương án', en: 'one of the options' },
  options: { vi: 'danh sách phương án', en: 'a list of options' },
  string: { vi: 'văn bản', en: 'text' },
};

const AGGREGATE_NAMES: Record<string, Text> = {
  sum: { vi: 'cộng tổng', en: 'sum' },
  average: { vi: 'trung bình', en: 'average' },
  weighted_average: { vi: 'trung bình có trọng số', en: 'weighted average' },
  min: { vi: 'giá trị nhỏ nhất', en: 'minimum' },
  max: { vi: 'giá trị lớn nhất', en: 'maximum' },
  count_units: { vi: 'đếm số đơn vị báo cáo', en: 'count of reporting units' },
  recompute: { vi: 'tính lại theo công thức', en: 'recompute by the formula' },
  compile: { vi: 'tập hợp nội dung các đơn vị', en: 'compile the units’ texts' },
  combine: { vi: 'tổng hợp bảng', en: 'combine the tables' },
  none: { vi: 'không tổng hợp', en: 'none' },
};

const SCOPE_NAMES: Record<string, Text> = {
  field: { vi: 'chỉ tiêu', en: 'fields' },
  section: { vi: 'mục', en: 'sections' },
  rule: { vi: 'quy tắc kiểm tra', en: 'validation rules' },
  column: { vi: 'cột', en: 'columns' },
  row: { vi: 'dòng', en: 'rows' },
  option: { vi: 'phương án', en: 'options' },
};

const ISSUE_NAMES: Record<string, Text> = {
  required: { vi: 'thiếu thông tin bắt buộc', en: 'a required property is missing' },
  invalid_type: { vi: 'sai kiểu dữ liệu', en: 'wrong type' },
  invalid_format: {
    vi: 'sai định dạng (mã chỉ gồm chữ thường a–z, chữ số và dấu gạch dưới, bắt đầu bằng chữ)',
    en: 'wrong format (keys are lowercase a–z, digits and underscores, starting with a letter)',
  },
  unrecognized_keys: { vi: 'có thuộc tính không được hỗ trợ', en: 'unsupported property' },
  invalid_union: { vi: 'loại chỉ tiêu không được hỗ trợ', en: 'unsupported field type' },
  invalid_value: { vi: 'giá trị không được hỗ trợ', en: 'unsupported value' },
  too_small: { vi: 'quá ngắn hoặc quá nhỏ', en: 'too short or too small' },
  too_big: { vi: 'quá dài hoặc quá lớn', en: 'too long or too large' },
  not_multiple_of: { vi: 'phải là số nguyên', en: 'must be a whole number' },
};

const SUBJECT_WORDS = {
  form: { vi: 'Biểu mẫu', en: 'The form' },
  rule: { vi: 'Quy tắc kiểm tra «{x}»', en: 'Validation rule “{x}”' },
  row: { vi: 'dòng {x}', en: 'row {x}' },
  column: { vi: 'cột {x}', en: 'column {x}' },
  expression: { vi: 'biểu thức này', en: 'this expression' },
} as const;

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/** Figures as the UI shows them, whatever the language (1.234,5); small whole numbers as they are. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) && Math.abs(value) < 10000 ? String(value) : VI_NUMBER.format(value);
}

const quote = (locale: Locale, s: string) => (locale === 'vi' ? `«${s}»` : `“${s}”`);

type Labels = {
  field(key: string): string | null;
  column(table: string, col: string): string | null;
  row(table: string, row: string): string | null;
  section(key: string): string | null;
  rule(key: string): { message: Text } | null;
};

function labelsOf(form: FormVersion | undefined, locale: Locale): Labels {
  if (!form)
    return { field: () => null, column: () => null, row: () => null, section: () => null, rule: () => null };
  const fields = fieldIndex(form);
  const table = (key: string): TableField | null => {
    const f: Field | undefined = fields.get(key);
    return f?.type === 'table' ? f : null;
  };
  return {
    field: (key) => fields.get(key)?.label[locale] ?? null,
    column: (t, c) => table(t)?.columns.find((x: Column) => x.key === c)?.label[locale] ?? null,
    row: (t, r) => table(t)?.fixedRows?.find((x) => x.key === r)?.label[locale] ?? null,
    section: (key) => {
      for (const s of form.sections) {
        if (s.key === key) return s.title[locale];
        for (const sub of s.subsections) if (sub.key === key) return sub.title[locale];
      }
      return null;
    },
    rule: (key) => form.rules.find((r) => r.key === key) ?? null,
  };
}

/**
 * The params of a problem as a sentence needs them: labels for keys, codes translated, figures formatted,
 * `subject` (what the problem is about) and `what` filled in.
 */
export function problemParams(problem: Problem, locale: Locale, form?: FormVersion): Record<string, string> {
  const L = labelsOf(form, locale);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.params))
    out[name] = typeof value === 'number' ? formatFigure(value) : value;
  const p = problem.params;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const fieldName = (key: string) => L.field(key) ?? key;

  // What the problem is about: the field (and the cell), or the rule, or the form.
  // A table cell's row and column join the subject unless the sentence names them itself.
  const template: string = REPORT_FORM_MESSAGES[problem.key][locale];
  let subject: string;
  if (problem.field !== null) {
    subject = quote(locale, fieldName(problem.field));
    const where: string[] = [];
    if (p.row !== undefined && typeof p.table !== 'string' && !template.includes('{row}')) {
      const row =
        typeof p.row === 'string' ? quote(locale, L.row(problem.field, p.row) ?? p.row) : String(p.row);
      where.push(SUBJECT_WORDS.row[locale].replace('{x}', row));
    }
    if (typeof p.col === 'string' && typeof p.table !== 'string' && !template.includes('{col}'))
      where.push(
        SUBJECT_WORDS.column[locale].replace('{x}', quote(locale, L.column(problem.field, p.col) ?? p.col)),
      );
    if (where.length) subject += ` (${where.join(', ')})`;
  } else if (typeof p.rule === 'string') subject = SUBJECT_WORDS.rule[locale].replace('{x}', p.rule);
  else subject = SUBJECT_WORDS.form[locale];
  out.subject = subject;

  if (typeof p.ref === 'string') out.ref = L.field(p.ref) ?? p.ref;
  if (typeof p.table === 'string') {
    if (typeof p.col === 'string') out.col = L.column(p.table, p.col) ?? p.col;
    if (typeof p.row === 'string') out.row = L.row(p.table, p.row) ?? p.row;
    out.table = L.field(p.table) ?? p.table;
  } else if (problem.field !== null) {
    if (typeof p.col === 'string') out.col = L.column(problem.field, p.col) ?? p.col;
    if (typeof p.row === 'string') out.row = L.row(problem.field, p.row) ?? p.row;
  }
  if (typeof p.weight === 'string') out.weight = L.field(p.weight) ?? p.weight;
  if (typeof p.section === 'string') out.section = L.section(p.section) ?? p.section;
  for (const name of ['expected', 'found', 'type'] as const) {
    const code = str(p[name]);
    if (TYPE_NAMES[code]) out[name] = TYPE_NAMES[code][locale];
  }
  if (typeof p.aggregate === 'string') out.aggregate = AGGREGATE_NAMES[p.aggregate]?.[locale] ?? p.aggregate;
  if (typeof p.scope === 'string') out.scope = SCOPE_NAMES[p.scope]?.[locale] ?? p.scope;
  if (typeof p.issue === 'string') out.issue = ISSUE_NAMES[p.issue]?.[locale] ?? (str(p.detail) || p.issue);
  out.what = typeof p.ref === 'string' ? quote(locale, out.ref ?? p.ref) : SUBJECT_WORDS.expression[locale];
  if (typeof p.cycle === 'string')
    out.cycle = p.cycle
      .split(' → ')
      .map((k) => quote(locale, fieldName(k)))
      .join(' → ');
  if (problem.fields) out.fields = problem.fields.map((k) => fieldName(k)).join(', ');
  if (problem.key === 'reports.value.rule_failed' && typeof p.rule === 'string') {
    const rule = L.rule(p.rule);
    out.message = rule ? rule.message[locale] : p.rule;
  }
  if (typeof p.unitName === 'string') out.unit = p.unitName;
  return out;
}

/** The sentence of a problem in `locale`, with labels from `form` where it is given. */
export function describeProblem(problem: Problem, locale: Locale, form?: FormVersion): string {
  const template: string = REPORT_FORM_MESSAGES[problem.key][locale];
  const params = problemParams(problem, locale, form);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The section of the form where a field sits (for grouping problems on screen). */
export function sectionOfField(form: FormVersion, key: string): string | null {
  const placed = formFields(form).find((p) => p.field.key === key);
  return placed ? (placed.subsection ?? placed.section).key : null;
}
