import { describe, expect, it } from 'vitest';
import { allowedAggregates, checkForm, validateForm } from './check-form.js';
import { compileForm } from './compile.js';
import { FormVersion } from './form-definition.js';
import { describeProblem, type Problem } from './messages.js';
import { calc, choice, makeForm, num, pctField, rule, table, text, txt } from './test-fixtures.js';

const keys = (problems: Problem[]) => problems.map((p) => p.key);
const only = (problems: Problem[]) => {
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('a well-formed form has no problems', () => {
  it('numbers, a percentage, a choice, a narrative, tables and formulas over them', () => {
    const form = makeForm(
      [
        num('received'),
        num('resolved'),
        num('processing'),
        pctField('satisfaction', { aggregate: 'weighted_average', weight: 'respondents' }),
        num('respondents'),
        choice('issued', ['yes', 'no']),
        text('notes'),
        table(
          'levels',
          [
            { key: 'received', type: 'number' },
            { key: 'on_time', type: 'number' },
            { key: 'rate', type: 'percent', aggregate: 'weighted_average', weight: 'received' },
            { key: 'remark', type: 'text' },
          ],
          {
            fixedRows: [
              { key: 'province', label: txt('Cấp tỉnh') },
              { key: 'commune', label: txt('Cấp xã') },
            ],
          },
        ),
        table(
          'initiatives',
          [
            { key: 'name', type: 'text' },
            { key: 'cost', type: 'number', decimals: 1 },
          ],
          {
            minRows: 0,
            maxRows: 20,
          },
        ),
        calc('on_time_rate', 'pct(sum(levels.on_time), sum(levels.received))', { result: 'percent' }),
        calc('province_share', 'pct(levels.province.received, received)', { result: 'percent' }),
        calc('initiatives_count', 'count(initiatives)', { decimals: 0 }),
        calc('balance', 'received - resolved - processing', { aggregate: 'sum' }),
        calc('spread', 'if(count(initiatives.name) > 0, max(initiatives.cost) - min(initiatives.cost), 0)'),
      ],
      [
        rule('balanced', 'received = resolved + processing'),
        rule('rate_ok', 'on_time_rate >= 0 and not (on_time_rate > 100) or received = 0'),
      ],
    );
    expect(checkForm(form)).toEqual([]);
  });
});

describe('duplicate and reserved keys', () => {
  it('the same field key twice in the form, even in different sections', () => {
    const form = FormVersion.parse({
      key: 'f',
      version: 1,
      name: txt('Biểu mẫu'),
      sections: [
        { key: 'a', title: txt('A'), fields: [num('total')] },
        {
          key: 'b',
          title: txt('B'),
          fields: [],
          subsections: [{ key: 'b1', title: txt('B1'), fields: [num('total')] }],
        },
      ],
    });
    expect(checkForm(form)).toEqual([
      { key: 'reports.check.duplicate_key', field: 'total', params: { key: 'total', scope: 'field' } },
    ]);
  });
  it('sections and subsections, rules, columns, fixed rows and options', () => {
    const form = FormVersion.parse({
      key: 'f',
      version: 1,
      name: txt('Biểu mẫu'),
      sections: [
        {
          key: 'a',
          title: txt('A'),
          fields: [
            choice('level', ['x', 'x']),
            table(
              't',
              [
                { key: 'c', type: 'number' },
                { key: 'c', type: 'number' },
                {
                  key: 'k',
                  type: 'choice',
                  options: [
                    { key: 'o', label: txt('O') },
                    { key: 'o', label: txt('O') },
                  ],
                },
              ],
              {
                fixedRows: [
                  { key: 'r', label: txt('R') },
                  { key: 'r', label: txt('R') },
                ],
              },
            ),
          ],
          subsections: [{ key: 'a', title: txt('A again'), fields: [num('n')] }],
        },
      ],
      rules: [rule('r1', 'n >= 0'), rule('r1', 'n <= 10')],
    });
    const problems = checkForm(form).filter((p) => p.key === 'reports.check.duplicate_key');
    expect(problems.map((p) => [p.field, p.params.scope, p.params.key])).toEqual([
      [null, 'section', 'a'],
      [null, 'rule', 'r1'],
      ['level', 'option', 'x'],
      ['t', 'column', 'c'],
      ['t', 'row', 'r'],
      ['t', 'option', 'o'],
    ]);
    expect(problems.find((p) => p.params.scope === 'option' && p.field === 't')!.params.col).toBe('k');
  });
  it('keys that are words of the formula language: fields, columns, rows', () => {
    const form = makeForm([
      num('sum'),
      table('t', [{ key: 'and', type: 'number' }], { fixedRows: [{ key: 'if', label: txt('If') }] }),
    ]);
    expect(checkForm(form).map((p) => [p.key, p.field, p.params.key])).toEqual([
      ['reports.check.reserved_key', 'sum', 'sum'],
      ['reports.check.reserved_key', 't', 'and'],
      ['reports.check.reserved_key', 't', 'if'],
    ]);
  });
});

describe('empty forms and sections', () => {
  it('a form without any field', () => {
    expect(keys(checkForm(makeForm([])))).toEqual([
      'reports.check.form_empty',
      'reports.check.section_empty',
    ]);
  });
  it('a section without fields or subsections, and an empty subsection', () => {
    const form = FormVersion.parse({
      key: 'f',
      version: 1,
      name: txt('Biểu mẫu'),
      sections: [
        { key: 'a', title: txt('A'), fields: [num('n')] },
        { key: 'b', title: txt('B') },
        { key: 'c', title: txt('C'), subsections: [{ key: 'c1', title: txt('C1') }] },
      ],
    });
    expect(checkForm(form).map((p) => p.params.section)).toEqual(['b', 'c1']);
  });
});

describe('ranges and row limits', () => {
  it('min above max, on fields and columns', () => {
    const form = makeForm([
      num('a', { min: 10, max: 5 }),
      table('t', [{ key: 'c', type: 'number', min: 3, max: 1 }]),
    ]);
    expect(checkForm(form)).toEqual([
      { key: 'reports.check.range_invalid', field: 'a', params: { min: 10, max: 5 } },
      { key: 'reports.check.range_invalid', field: 't', params: { col: 'c', min: 3, max: 1 } },
    ]);
  });
  it('percentage limits outside 0–100', () => {
    const form = makeForm([
      pctField('p', { max: 120 }),
      pctField('q', { min: -5 }),
      pctField('ok', { min: 50, max: 100 }),
      table('t', [{ key: 'c', type: 'percent', max: 101 }]),
    ]);
    expect(checkForm(form).map((p) => [p.key, p.field, p.params.min, p.params.max])).toEqual([
      ['reports.check.percent_range', 'p', 0, 120],
      ['reports.check.percent_range', 'q', -5, 100],
      ['reports.check.percent_range', 't', 0, 101],
    ]);
  });
  it('min rows above max rows; row limits on a table with fixed rows', () => {
    const form = makeForm([
      table('free', [{ key: 'c', type: 'text' }], { minRows: 5, maxRows: 2 }),
      table('fixed', [{ key: 'c', type: 'number' }], {
        fixedRows: [{ key: 'r', label: txt('R') }],
        maxRows: 3,
      }),
    ]);
    expect(checkForm(form)).toEqual([
      { key: 'reports.check.rows_range_invalid', field: 'free', params: { min: 5, max: 2 } },
      { key: 'reports.check.fixed_rows_no_limits', field: 'fixed', params: {} },
    ]);
  });
});

describe('aggregates fit the type (consolidation up the unit tree, issue 13 §5)', () => {
  it('lists what each type accepts', () => {
    expect(
      allowedAggregates(
        FormVersion.parse({ ...base(), sections: [sec([text('x')])] }).sections[0]!.fields[0]!,
      ),
    ).toEqual(['compile', 'none']);
  });
  it('refuses a sum of percentages, an averaged narrative, a compiled number, a recomputed input, a summed table', () => {
    const form = makeForm([
      pctField('p', { aggregate: 'sum' }),
      text('n', { aggregate: 'average' }),
      num('x', { aggregate: 'compile' }),
      num('y', { aggregate: 'recompute' }),
      choice('c', ['a'], { aggregate: 'sum' }),
      table(
        't',
        [
          { key: 'c', type: 'percent', aggregate: 'sum' },
          { key: 'd', type: 'text', aggregate: 'max' },
        ],
        {
          aggregate: 'sum',
        },
      ),
      calc('k', 'x', { result: 'percent', aggregate: 'sum' }),
    ]);
    expect(
      checkForm(form).map((p) => [p.field, p.params.col ?? null, p.params.aggregate, p.params.type]),
    ).toEqual([
      ['p', null, 'sum', 'percent'],
      ['n', null, 'average', 'narrative'],
      ['x', null, 'compile', 'number'],
      ['y', null, 'recompute', 'number'],
      ['c', null, 'sum', 'choice'],
      ['t', 'c', 'sum', 'percent'],
      ['t', 'd', 'max', 'text'],
      ['t', null, 'sum', 'table'],
      ['k', null, 'sum', 'computed'],
    ]);
  });
  it('accepts every numeric aggregate on numbers and computed numbers, count_units on choices', () => {
    for (const aggregate of ['sum', 'average', 'min', 'max', 'count_units', 'none']) {
      const form = makeForm([num('x', { aggregate }), calc('k', 'x', { aggregate }), choice('c', ['a'])]);
      expect(checkForm(form)).toEqual([]);
    }
  });
});

describe('weighted averages need a numeric weight', () => {
  it('no weight, a missing weight, a weight that is not a number', () => {
    const form = makeForm([
      pctField('a', { aggregate: 'weighted_average' }),
      pctField('b', { aggregate: 'weighted_average', weight: 'nowhere' }),
      pctField('c', { aggregate: 'weighted_average', weight: 'notes' }),
      text('notes'),
    ]);
    expect(checkForm(form)).toEqual([
      { key: 'reports.check.weight_required', field: 'a', params: {} },
      { key: 'reports.check.weight_missing', field: 'b', params: { weight: 'nowhere' } },
      { key: 'reports.check.weight_not_numeric', field: 'c', params: { weight: 'notes', type: 'narrative' } },
    ]);
  });
  it('a weight may be a number, a percentage or a computed field', () => {
    const form = makeForm([
      num('n'),
      calc('k', 'n * 2'),
      pctField('a', { aggregate: 'weighted_average', weight: 'n' }),
      pctField('b', { aggregate: 'weighted_average', weight: 'k' }),
      calc('c', 'n / 2', { aggregate: 'weighted_average', weight: 'a' }),
    ]);
    expect(checkForm(form)).toEqual([]);
  });
  it('a column is weighted by another numeric column of its table', () => {
    const form = makeForm([
      table('t', [
        { key: 'n', type: 'number' },
        { key: 's', type: 'text' },
        { key: 'a', type: 'percent', aggregate: 'weighted_average' },
        { key: 'b', type: 'percent', aggregate: 'weighted_average', weight: 'zz' },
        { key: 'c', type: 'percent', aggregate: 'weighted_average', weight: 's' },
        { key: 'd', type: 'percent', aggregate: 'weighted_average', weight: 'n' },
      ]),
    ]);
    expect(checkForm(form)).toEqual([
      { key: 'reports.check.weight_required', field: 't', params: { col: 'a' } },
      { key: 'reports.check.weight_missing', field: 't', params: { col: 'b', weight: 'zz' } },
      {
        key: 'reports.check.weight_not_numeric',
        field: 't',
        params: { col: 'c', weight: 's', type: 'text' },
      },
    ]);
  });
});

describe('formulas: references (issue 13, "a formula referencing a missing field is refused naming the field")', () => {
  it('a missing field, with its position', () => {
    const p = only(checkForm(makeForm([num('a'), calc('k', 'a + missing')])));
    expect(p).toEqual({
      key: 'reports.check.unknown_field',
      field: 'k',
      params: { ref: 'missing', position: 5, offset: 4 },
    });
    expect(describeProblem(p, 'vi', makeForm([num('a'), calc('k', 'a + missing')]))).toBe(
      '«Tính k»: công thức dùng chỉ tiêu «missing» không có trong biểu mẫu (vị trí 5).',
    );
  });
  it('a missing column of a table', () => {
    const form = makeForm([table('t', [{ key: 'received', type: 'number' }]), calc('k', 'sum(t.recieved)')]);
    expect(only(checkForm(form))).toEqual({
      key: 'reports.check.unknown_column',
      field: 'k',
      params: { table: 't', col: 'recieved', position: 5, offset: 4 },
    });
  });
  it('a missing row, a column of something that is not a table, a cell of a table without fixed rows', () => {
    const fixed = table('t', [{ key: 'c', type: 'number' }], { fixedRows: [{ key: 'r', label: txt('R') }] });
    const free = table('f', [{ key: 'c', type: 'number' }]);
    const form = makeForm([
      num('a'),
      fixed,
      free,
      calc('k1', 't.x.c'),
      calc('k2', 'a.c + 1'),
      calc('k3', 'f.r.c'),
      calc('k4', 't.r.zz'),
    ]);
    expect(checkForm(form).map((p) => [p.field, p.key, p.params])).toEqual([
      ['k1', 'reports.check.unknown_row', { table: 't', row: 'x', position: 1, offset: 0 }],
      ['k2', 'reports.check.not_a_table', { ref: 'a', col: 'c', position: 1, offset: 0 }],
      ['k3', 'reports.check.not_fixed_rows', { table: 'f', position: 1, offset: 0 }],
      ['k4', 'reports.check.unknown_column', { table: 't', col: 'zz', position: 1, offset: 0 }],
    ]);
  });
  it('a missing field in a validation rule names the rule', () => {
    const p = only(checkForm(makeForm([num('done')], [rule('done_le_total', 'done <= total')])));
    expect(p).toEqual({
      key: 'reports.check.unknown_field',
      field: null,
      params: { rule: 'done_le_total', ref: 'total', position: 9, offset: 8 },
    });
    expect(describeProblem(p, 'en')).toBe(
      'Validation rule “done_le_total”: the formula uses “total”, which is not a field of the form (position 9).',
    );
  });
  it('fields a rule names for highlighting must exist', () => {
    const form = makeForm([num('a')], [rule('r', 'a >= 0', { fields: ['a', 'b'] })]);
    expect(only(checkForm(form))).toEqual({
      key: 'reports.check.rule_unknown_field',
      field: null,
      params: { rule: 'r', ref: 'b' },
    });
  });
  it('syntax errors name the field or the rule, with the position counted from 1', () => {
    const form = makeForm([num('a'), calc('k', 'a +* 2')], [rule('r', 'a >')]);
    expect(checkForm(form)).toEqual([
      { key: 'reports.formula.unexpected_token', field: 'k', params: { found: '*', position: 4, offset: 3 } },
      { key: 'reports.formula.unexpected_end', field: null, params: { rule: 'r', position: 4, offset: 3 } },
    ]);
  });
});

describe('formulas: types', () => {
  it('a sum over a narrative (issue 13: type mismatch)', () => {
    const form = makeForm([text('strengths'), calc('k', 'sum(strengths)')]);
    const p = only(checkForm(form));
    expect(p).toEqual({
      key: 'reports.check.type_mismatch',
      field: 'k',
      params: { expected: 'number_or_list', found: 'text', ref: 'strengths', position: 5, offset: 4 },
    });
    expect(describeProblem(p, 'vi', form)).toBe(
      '«Tính k»: ở vị trí 5 cần số hoặc cột số liệu của bảng, nhưng «Nội dung strengths» là văn bản.',
    );
  });
  it('arithmetic on a choice, a table or a text column; a table where a number is needed', () => {
    const form = makeForm([
      choice('c', ['a']),
      table('t', [
        { key: 'n', type: 'number' },
        { key: 's', type: 'text' },
      ]),
      calc('k1', 'c + 1'),
      calc('k2', 't * 2'),
      calc('k3', 'sum(t.s)'),
      calc('k4', 't.n + 1'),
      calc('k5', 'round(t.n, 2)'),
    ]);
    expect(checkForm(form).map((p) => [p.field, p.params.expected, p.params.found])).toEqual([
      ['k1', 'number', 'choice'],
      ['k2', 'number', 'table'],
      ['k3', 'number_or_list', 'text_list'],
      ['k4', 'number', 'list'],
      ['k5', 'number', 'list'],
    ]);
  });
  it('count takes a table or a column, not a number', () => {
    const form = makeForm([
      num('a'),
      table('t', [{ key: 's', type: 'text' }]),
      calc('ok1', 'count(t)'),
      calc('ok2', 'count(t.s)'),
      calc('bad', 'count(a)'),
    ]);
    expect(only(checkForm(form))).toMatchObject({
      field: 'bad',
      params: { expected: 'table_or_column', found: 'number' },
    });
  });
  it('logic needs conditions; comparisons need numbers; if needs a condition and branches of one type', () => {
    const form = makeForm(
      [num('a'), num('b'), calc('k1', 'if(a, 1, 2)'), calc('k2', 'if(a > 0, 1, b > 0)')],
      [rule('r1', 'a and b'), rule('r2', 'not a'), rule('r3', '(a > 0) = (b > 0)'), rule('r4', '-(a > 0)')],
    );
    expect(checkForm(form).map((p) => [p.field ?? p.params.rule, p.params.expected, p.params.found])).toEqual(
      [
        ['k1', 'boolean', 'number'],
        ['k2', 'number', 'boolean'],
        ['r1', 'boolean', 'number'],
        ['r2', 'boolean', 'number'],
        ['r3', 'number', 'boolean'],
        ['r4', 'number', 'boolean'],
      ],
    );
  });
  it('a computed field must give a number; a rule must give true or false', () => {
    const form = makeForm([num('a'), calc('k', 'a > 1')], [rule('r', 'a + 1')]);
    expect(checkForm(form)).toEqual([
      { key: 'reports.check.computed_not_number', field: 'k', params: { found: 'boolean' } },
      { key: 'reports.check.rule_not_boolean', field: null, params: { rule: 'r', found: 'number' } },
    ]);
  });
  it('an if over conditions is a condition, fit for a rule', () => {
    expect(checkForm(makeForm([num('a')], [rule('r', 'if(a > 10, a < 100, a >= 0)')]))).toEqual([]);
  });
});

describe('formulas: division by a literal zero (issue 13, "divides by zero … is refused")', () => {
  it('a / 0, a / (1 - 1), a / -0, pct(a, 0)', () => {
    const form = makeForm([
      num('a'),
      calc('k1', 'a / 0'),
      calc('k2', 'a / (1 - 1)'),
      calc('k3', 'a / -0'),
      calc('k4', 'pct(a, 0)'),
    ]);
    expect(checkForm(form).map((p) => [p.key, p.field, p.params.position])).toEqual([
      ['reports.check.division_by_zero', 'k1', 5],
      ['reports.check.division_by_zero', 'k2', 6],
      ['reports.check.division_by_zero', 'k3', 5],
      ['reports.check.division_by_zero', 'k4', 8],
    ]);
  });
  it('a divisor that is a field (zero only at run time) or a non-zero constant passes', () => {
    expect(
      checkForm(makeForm([num('a'), num('b'), calc('k', 'a / b + a / (2 * 0.5) + a / (1 / 0.5)')])),
    ).toEqual([]);
  });
});

describe('formulas: round digits', () => {
  it('must be a whole number from 0 to 10 when written as a constant', () => {
    const form = makeForm([
      num('a'),
      calc('k1', 'round(a, 1.5)'),
      calc('k2', 'round(a, 11)'),
      calc('k3', 'round(a, -1)'),
      calc('ok', 'round(a, a)'),
    ]);
    expect(checkForm(form).map((p) => [p.key, p.field])).toEqual([
      ['reports.check.round_digits', 'k1'],
      ['reports.check.round_digits', 'k2'],
      ['reports.check.round_digits', 'k3'],
    ]);
  });
});

describe('formulas: cycles among computed fields are named in order (issue 13, "loops")', () => {
  it('a three-field cycle', () => {
    const form = makeForm([num('x'), calc('a', 'b + 1'), calc('b', 'c * 2'), calc('c', 'a - x')]);
    const p = only(checkForm(form));
    expect(p).toEqual({
      key: 'reports.check.cycle',
      field: 'a',
      params: { cycle: 'a → b → c → a' },
      fields: ['a', 'b', 'c'],
    });
    expect(describeProblem(p, 'vi', form)).toBe(
      'Các chỉ tiêu tính toán tham chiếu vòng tròn: «Tính a» → «Tính b» → «Tính c» → «Tính a».',
    );
    expect(describeProblem(p, 'en', form)).toBe(
      'Computed fields refer to each other in a circle: “Computed a” → “Computed b” → “Computed c” → “Computed a”.',
    );
  });
  it('the cycle is told from its first-declared field, whatever the entry point', () => {
    const form = makeForm([calc('c', 'a'), calc('b', 'c'), calc('a', 'b')]);
    expect(only(checkForm(form)).params.cycle).toBe('c → a → b → c');
  });
  it('a field that reads itself', () => {
    expect(only(checkForm(makeForm([calc('a', 'a + 1')])))).toMatchObject({
      key: 'reports.check.cycle',
      params: { cycle: 'a → a' },
      fields: ['a'],
    });
  });
  it('two separate cycles are two problems; a field downstream of a cycle is not part of it', () => {
    const form = makeForm([
      calc('a', 'b'),
      calc('b', 'a'),
      calc('c', 'd + a'),
      calc('d', 'c'),
      calc('e', 'a + 1'),
    ]);
    expect(checkForm(form).map((p) => p.params.cycle)).toEqual(['a → b → a', 'c → d → c']);
    expect(compileForm(form).order).toEqual([]);
  });
  it('a cycle is found even through a formula that has another problem', () => {
    const form = makeForm([calc('a', 'b + missing'), calc('b', 'a')]);
    expect(keys(checkForm(form))).toEqual(['reports.check.unknown_field', 'reports.check.cycle']);
  });
  it('a chain without a cycle is ordered so each field comes after what it reads', () => {
    const form = makeForm([
      num('x'),
      calc('total', 'part_a + part_b'),
      calc('part_b', 'part_a * 2'),
      calc('part_a', 'x + 1'),
    ]);
    expect(checkForm(form)).toEqual([]);
    expect(compileForm(form).order).toEqual(['part_a', 'part_b', 'total']);
  });
});

describe('validateForm: untrusted input', () => {
  it('names the field whose key is malformed', () => {
    const input = {
      key: 'f',
      version: 1,
      name: txt('F'),
      sections: [
        { key: 's', title: txt('S'), fields: [{ key: 'Bad-Key', type: 'number', label: txt('Số') }] },
      ],
    };
    const { form, problems } = validateForm(input);
    expect(form).toBeNull();
    expect(problems).toEqual([
      {
        key: 'reports.check.schema',
        field: 'Bad-Key',
        params: { path: 'sections.0.fields.0.key', issue: 'invalid_format', detail: expect.any(String) },
      },
    ]);
    expect(describeProblem(problems[0]!, 'vi')).toMatch(
      /^Biểu mẫu chưa đúng cấu trúc tại «sections.0.fields.0.key»: sai định dạng/,
    );
  });
  it('a missing label, an unknown property and an unknown field type', () => {
    const input = {
      key: 'f',
      version: 1,
      name: txt('F'),
      sections: [
        {
          key: 's',
          title: txt('S'),
          fields: [
            { key: 'a', type: 'number' },
            { key: 'b', type: 'number', label: txt('B'), requried: true },
            { key: 'c', type: 'date', label: txt('C') },
            {
              key: 'd',
              type: 'table',
              label: txt('D'),
              columns: [{ key: 'x', type: 'number', label: txt('X'), agregate: 'sum' }],
            },
          ],
        },
      ],
    };
    const { problems } = validateForm(input);
    expect(problems.map((p) => [p.field, p.params.issue, p.params.path])).toEqual([
      ['a', 'required', 'sections.0.fields.0.label'],
      ['b', 'unrecognized_keys', 'sections.0.fields.1'],
      ['c', 'invalid_union', 'sections.0.fields.2.type'],
      ['d', 'unrecognized_keys', 'sections.0.fields.3.columns.0'],
    ]);
  });
  it('never throws on garbage', () => {
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 20000; i++) {
      const next: Record<string, unknown> = {};
      node.sections = [next];
      node = next;
    }
    for (const input of [
      null,
      undefined,
      42,
      'form',
      [],
      {},
      { sections: 'x' },
      deep,
      { key: 'f', version: 1.5 },
    ])
      expect(() => validateForm(input)).not.toThrow();
    expect(validateForm(null).form).toBeNull();
    expect(validateForm({}).problems.length).toBeGreaterThan(0);
  });
  it('gives the parsed form with defaults, and the problems of checkForm', () => {
    const { form, problems } = validateForm({
      key: 'f',
      version: 2,
      name: txt('F'),
      sections: [
        {
          key: 's',
          title: txt('S'),
          fields: [
            { key: 'a', type: 'number', label: txt('A') },
            { key: 'k', type: 'computed', label: txt('K'), formula: 'a / 0' },
          ],
        },
      ],
    });
    expect(form?.sections[0]!.fields[0]).toMatchObject({ required: false, decimals: 0, aggregate: 'sum' });
    expect(form?.rules).toEqual([]);
    expect(keys(problems)).toEqual(['reports.check.division_by_zero']);
  });
});

function base() {
  return { key: 'f', version: 1, name: txt('F') };
}
function sec(fields: unknown[]) {
  return { key: 's', title: txt('S'), fields };
}
