import { describe, expect, it } from 'vitest';
import { evaluate, isComplete, MAX_MAGNITUDE, MAX_TABLE_ROWS, problemsOf } from './evaluate.js';
import { describeProblem, type Problem } from './messages.js';
import { calc, choice, makeForm, num, pctField, rule, table, text, txt } from './test-fixtures.js';

const brief = (problems: Problem[]) =>
  problems.map((p) => [p.key.replace(/^reports\.value\./, ''), p.field ?? p.params.rule ?? null, p.severity]);

describe('empty is not zero', () => {
  const form = makeForm([
    num('a', { required: true }),
    num('b'),
    text('t', { required: true }),
    choice('c', ['x', 'y'], { required: true, multiple: true }),
  ]);
  it('0 is a figure: a required number holding 0 is filled', () => {
    const r = evaluate(form, { a: 0, t: 'Có', c: ['x'] });
    expect(r.values).toEqual({ a: 0, b: null, t: 'Có', c: ['x'] });
    expect(r.problems).toEqual([]);
    expect(isComplete(r)).toBe(true);
  });
  it('a missing value, null, an empty or blank text and an empty choice list are all empty', () => {
    const r = evaluate(form, { a: null, t: '  \n ', c: [] });
    expect(r.values).toEqual({ a: null, b: null, t: null, c: null });
    expect(brief(r.problems)).toEqual([
      ['required', 'a', 'error'],
      ['required', 't', 'error'],
      ['required', 'c', 'error'],
    ]);
    expect(isComplete(r)).toBe(false);
  });
  it('nothing entered at all (undefined or null values)', () => {
    expect(evaluate(form, undefined).values).toEqual({ a: null, b: null, t: null, c: null });
    expect(brief(evaluate(form, null).problems).map((p) => p[0])).toEqual([
      'required',
      'required',
      'required',
    ]);
  });
  it('a formula over an empty figure is empty, over 0 it is a figure', () => {
    const f = makeForm([
      num('done'),
      num('total'),
      calc('rate', 'pct(done, total)', { result: 'percent' }),
      calc('left', 'total - done'),
    ]);
    expect(evaluate(f, { total: 10 }).values).toMatchObject({ rate: null, left: null });
    expect(evaluate(f, { total: 10, done: 0 }).values).toMatchObject({ rate: 0, left: 10 });
  });
});

describe('numbers and percentages', () => {
  it('whole numbers unless decimals are declared', () => {
    const form = makeForm([num('n'), num('d', { decimals: 1 }), pctField('p')]);
    const r = evaluate(form, { n: 2.5, d: 1.25, p: 33.333 });
    expect(r.problems).toEqual([
      { key: 'reports.value.not_integer', field: 'n', params: { value: 2.5 }, severity: 'error' },
      {
        key: 'reports.value.too_many_decimals',
        field: 'd',
        params: { value: 1.25, decimals: 1 },
        severity: 'error',
      },
      {
        key: 'reports.value.too_many_decimals',
        field: 'p',
        params: { value: 33.333, decimals: 2 },
        severity: 'error',
      },
    ]);
    expect(r.values).toEqual({ n: 2.5, d: 1.25, p: 33.333 });
    expect(evaluate(form, { n: 3, d: 0.1 + 0.2, p: 99.99 }).problems).toEqual([]);
  });
  it('minimum and maximum; a percentage within 0–100, or narrower', () => {
    const form = makeForm([num('n', { min: 0, max: 1000 }), pctField('p'), pctField('q', { min: 50 })]);
    const r = evaluate(form, { n: -1, p: 100.5, q: 40 });
    expect(r.problems.map((p) => [p.key, p.field, p.params])).toEqual([
      ['reports.value.below_min', 'n', { value: -1, min: 0 }],
      ['reports.value.above_max', 'p', { value: 100.5, max: 100 }],
      ['reports.value.below_min', 'q', { value: 40, min: 50 }],
    ]);
    expect(evaluate(form, { n: 1000, p: 0, q: 100 }).problems).toEqual([]);
    expect(evaluate(form, { n: 1001 }).problems[0]).toMatchObject({ key: 'reports.value.above_max' });
  });
  it('refuses what is not a finite number, and figures too large to sum exactly', () => {
    const form = makeForm([num('a'), num('b'), num('c'), num('d'), pctField('e')]);
    const r = evaluate(form, { a: '12', b: Number.NaN, c: Infinity, d: MAX_MAGNITUDE * 10, e: true });
    expect(r.values).toEqual({ a: null, b: null, c: null, d: null, e: null });
    expect(r.problems.map((p) => [p.key, p.field, p.params])).toEqual([
      ['reports.value.invalid', 'a', { expected: 'number' }],
      ['reports.value.invalid', 'b', { expected: 'number' }],
      ['reports.value.invalid', 'c', { expected: 'number' }],
      ['reports.value.too_large', 'd', { limit: MAX_MAGNITUDE }],
      ['reports.value.invalid', 'e', { expected: 'percent' }],
    ]);
  });
  it('a refused required value is reported once, not also as empty', () => {
    const r = evaluate(makeForm([num('a', { required: true })]), { a: 'x' });
    expect(brief(r.problems)).toEqual([['invalid', 'a', 'error']]);
  });
});

describe('texts and choices', () => {
  it('narratives keep their paragraphs with \\n line endings and lose the blank lines around them', () => {
    const r = evaluate(makeForm([text('t')]), { t: '\r\n  Đoạn một.  \r\nĐoạn hai.\r\n\r\n' });
    expect(r.values.t).toBe('  Đoạn một.\nĐoạn hai.');
  });
  it('a narrative longer than its limit', () => {
    const r = evaluate(makeForm([text('t', { maxLength: 10 })]), { t: 'x'.repeat(11) });
    expect(r.problems).toEqual([
      { key: 'reports.value.too_long', field: 't', params: { length: 11, limit: 10 }, severity: 'error' },
    ]);
  });
  it('a text must be a string', () => {
    expect(evaluate(makeForm([text('t')]), { t: 5 }).problems[0]).toMatchObject({
      key: 'reports.value.invalid',
      params: { expected: 'text' },
    });
  });
  it('a single choice is one option key', () => {
    const form = makeForm([choice('c', ['yes', 'no'])]);
    expect(evaluate(form, { c: 'no' }).values.c).toBe('no');
    expect(evaluate(form, { c: '' }).values.c).toBeNull();
    expect(evaluate(form, { c: 'maybe' }).problems[0]).toMatchObject({
      key: 'reports.value.unknown_option',
      params: { value: 'maybe' },
    });
    expect(evaluate(form, { c: ['yes'] }).problems[0]).toMatchObject({
      key: 'reports.value.invalid',
      params: { expected: 'option' },
    });
  });
  it('a multiple choice is stored in the form’s order, without repeats; unknown options are reported', () => {
    const form = makeForm([choice('c', ['a', 'b', 'c'], { multiple: true })]);
    expect(evaluate(form, { c: ['c', 'a', 'c'] }).values.c).toEqual(['a', 'c']);
    const r = evaluate(form, { c: ['a', 'z'] });
    expect(r.values.c).toEqual(['a']);
    expect(brief(r.problems)).toEqual([['unknown_option', 'c', 'error']]);
    expect(evaluate(form, { c: 'a' }).problems[0]).toMatchObject({
      key: 'reports.value.invalid',
      params: { expected: 'options' },
    });
    expect(evaluate(form, { c: [1] }).problems[0]).toMatchObject({ key: 'reports.value.invalid' });
  });
});

describe('tables', () => {
  const levels = table(
    'levels',
    [
      { key: 'received', type: 'number', required: true },
      { key: 'on_time', type: 'number' },
      { key: 'note', type: 'text' },
    ],
    {
      fixedRows: [
        { key: 'province', label: txt('Cấp tỉnh', 'Province') },
        { key: 'commune', label: txt('Cấp xã', 'Commune') },
      ],
    },
  );
  it('fixed rows come back all of them, in the form’s order, with every column', () => {
    const r = evaluate(makeForm([levels]), {
      levels: [
        { key: 'commune', cells: { received: 5 } },
        { key: 'province', cells: { received: 7, on_time: 6 } },
      ],
    });
    expect(r.values.levels).toEqual([
      { key: 'province', cells: { received: 7, on_time: 6, note: null } },
      { key: 'commune', cells: { received: 5, on_time: null, note: null } },
    ]);
    expect(r.problems).toEqual([]);
  });
  it('a required column must be filled in every row, named by row and column', () => {
    const form = makeForm([levels]);
    const r = evaluate(form, { levels: [{ key: 'province', cells: { received: 7 } }] });
    expect(r.problems).toEqual([
      {
        key: 'reports.value.required',
        field: 'levels',
        params: { row: 'commune', col: 'received' },
        severity: 'error',
      },
    ]);
    expect(describeProblem(r.problems[0]!, 'vi', form)).toBe(
      '«Bảng levels» (dòng «Cấp xã», cột «Cột received»): chỉ tiêu bắt buộc, chưa được nhập.',
    );
    expect(describeProblem(r.problems[0]!, 'en', form)).toBe(
      '“Table levels” (row “Commune”, column “Column received”): required, not filled in.',
    );
  });
  it('unknown rows and columns are left out with a warning; a row given twice keeps the first', () => {
    const r = evaluate(makeForm([levels]), {
      levels: [
        { key: 'province', cells: { received: 1, colour: 'red' } },
        { key: 'province', cells: { received: 2 } },
        { key: 'district', cells: { received: 3 } },
        { key: 'commune', cells: { received: 4 } },
      ],
    });
    expect(r.values.levels).toMatchObject([{ cells: { received: 1 } }, { cells: { received: 4 } }]);
    expect(r.problems.map((p) => [p.key, p.params, p.severity])).toEqual([
      ['reports.value.duplicate_row', { row: 'province' }, 'warning'],
      ['reports.value.unknown_row', { row: 'district' }, 'warning'],
      ['reports.value.unknown_column', { col: 'colour' }, 'warning'],
    ]);
    expect(isComplete(r)).toBe(true);
  });
  it('malformed tables and rows', () => {
    const form = makeForm([levels]);
    expect(evaluate(form, { levels: 'x' }).problems[0]).toMatchObject({
      key: 'reports.value.invalid',
      params: { expected: 'rows' },
    });
    const r = evaluate(form, { levels: [5, { key: 'province' }, { cells: {} }] });
    expect(r.problems.slice(0, 3).map((p) => p.params)).toEqual([
      { row: 1, expected: 'rows' },
      { row: 2, expected: 'rows' },
      { row: 3, expected: 'rows' },
    ]);
  });
  const initiatives = table(
    'initiatives',
    [
      { key: 'name', type: 'text', required: true },
      {
        key: 'area',
        type: 'choice',
        options: [
          { key: 'tthc', label: txt('TTHC') },
          { key: 'digital', label: txt('Chính phủ số') },
        ],
      },
      { key: 'cost', type: 'number', decimals: 1 },
    ],
    { minRows: 1, maxRows: 3 },
  );
  it('free rows: blank rows are dropped, the others numbered from 1', () => {
    const r = evaluate(makeForm([initiatives]), {
      initiatives: [
        { cells: { name: ' ', cost: null } },
        { cells: { name: 'Một cửa', area: 'tthc' } },
        { cells: { cost: 2 } },
      ],
    });
    expect(r.values.initiatives).toEqual([
      { cells: { name: 'Một cửa', area: 'tthc', cost: null } },
      { cells: { name: null, area: null, cost: 2 } },
    ]);
    expect(r.problems).toEqual([
      {
        key: 'reports.value.required',
        field: 'initiatives',
        params: { row: 2, col: 'name' },
        severity: 'error',
      },
    ]);
  });
  it('free rows outside min/max rows', () => {
    const form = makeForm([initiatives]);
    const row = (name: string) => ({ cells: { name } });
    expect(evaluate(form, { initiatives: [] }).problems).toEqual([
      {
        key: 'reports.value.too_few_rows',
        field: 'initiatives',
        params: { min: 1, count: 0 },
        severity: 'error',
      },
    ]);
    expect(evaluate(form, { initiatives: ['a', 'b', 'c', 'd'].map(row) }).problems).toEqual([
      {
        key: 'reports.value.too_many_rows',
        field: 'initiatives',
        params: { max: 3, count: 4 },
        severity: 'error',
      },
    ]);
    expect(evaluate(form, { initiatives: ['a', 'b', 'c'].map(row) }).problems).toEqual([]);
    // Not entered at all and not required: no row count to check.
    expect(evaluate(form, {}).problems).toEqual([]);
  });
  it('refuses a hostile number of rows without looking at them', () => {
    const r = evaluate(makeForm([initiatives]), {
      initiatives: new Array(MAX_TABLE_ROWS + 1).fill({ cells: { name: 'x' } }),
    });
    expect(r.values.initiatives).toBeNull();
    expect(r.problems).toHaveLength(1);
  });
  it('a required table: entered with at least one figure (fixed) or one row (free)', () => {
    const form = makeForm([
      table('f', [{ key: 'n', type: 'number' }], {
        required: true,
        fixedRows: [{ key: 'r', label: txt('R') }],
      }),
      table('g', [{ key: 'n', type: 'number' }], { required: true }),
    ]);
    expect(brief(evaluate(form, {}).problems)).toEqual([
      ['required', 'f', 'error'],
      ['required', 'g', 'error'],
    ]);
    expect(brief(evaluate(form, { f: [{ key: 'r', cells: {} }], g: [] }).problems)).toEqual([
      ['required', 'f', 'error'],
      ['required', 'g', 'error'],
    ]);
    expect(evaluate(form, { f: [{ key: 'r', cells: { n: 0 } }], g: [{ cells: { n: 0 } }] }).problems).toEqual(
      [],
    );
  });
});

describe('computed fields', () => {
  it('are evaluated in dependency order, whatever the order they are declared in', () => {
    const form = makeForm([
      calc('total', 'part_a + part_b', { decimals: 0 }),
      calc('part_b', 'part_a * 2', { decimals: 0 }),
      calc('part_a', 'x + 1', { decimals: 0 }),
      num('x'),
    ]);
    expect(evaluate(form, { x: 4 }).values).toEqual({ total: 15, part_b: 10, part_a: 5, x: 4 });
  });
  it('are rounded to their decimals, half away from zero', () => {
    const form = makeForm([
      num('done'),
      num('total'),
      calc('rate', 'pct(done, total)', { result: 'percent' }),
      calc('r0', 'done / total', { decimals: 0 }),
    ]);
    expect(evaluate(form, { done: 31, total: 56 }).values).toMatchObject({ rate: 55.36, r0: 1 });
    expect(evaluate(form, { done: 1, total: 3 }).values).toMatchObject({ rate: 33.33, r0: 0 });
  });
  it('values sent for computed fields are ignored and recomputed', () => {
    const form = makeForm([num('x'), calc('k', 'x * 2')]);
    const r = evaluate(form, { x: 2, k: 999 });
    expect(r.values.k).toBe(4);
    expect(r.problems).toEqual([]);
  });
  it('a division by zero at run time gives an empty value and a warning naming the field, not a crash', () => {
    const form = makeForm([
      num('resolved'),
      num('on_time'),
      calc('rate', 'on_time * 100 / resolved', { result: 'percent' }),
    ]);
    const r = evaluate(form, { resolved: 0, on_time: 0 });
    expect(r.values.rate).toBeNull();
    expect(r.problems).toEqual([
      {
        key: 'reports.value.division_by_zero',
        field: 'rate',
        params: { position: 17, offset: 16 },
        severity: 'warning',
      },
    ]);
    expect(describeProblem(r.problems[0]!, 'vi', form)).toBe(
      '«Tính rate»: không tính được vì công thức chia cho 0 (vị trí 17); chỉ tiêu để trống.',
    );
    expect(isComplete(r)).toBe(true);
  });
  it('pct(part, 0) is empty by definition, without a warning', () => {
    const form = makeForm([num('a'), num('b'), calc('k', 'pct(a, b)')]);
    const r = evaluate(form, { a: 0, b: 0 });
    expect(r.values.k).toBeNull();
    expect(r.problems).toEqual([]);
  });
  it('if evaluates only the branch it takes', () => {
    const form = makeForm([num('a'), num('b'), calc('k', 'if(b > 0, a / b, 0)')]);
    const r = evaluate(form, { a: 5, b: 0 });
    expect(r.values.k).toBe(0);
    expect(r.problems).toEqual([]);
    expect(evaluate(form, { a: 5 }).values.k).toBeNull();
  });
  it('a computed share outside 0–100% is an error (the figures behind it disagree)', () => {
    const form = makeForm([
      num('resolved'),
      num('on_time'),
      calc('rate', 'pct(on_time, resolved)', { result: 'percent' }),
    ]);
    const r = evaluate(form, { resolved: 10, on_time: 12 });
    expect(r.values.rate).toBe(120);
    expect(r.problems).toEqual([
      {
        key: 'reports.value.computed_out_of_range',
        field: 'rate',
        params: { value: 120 },
        severity: 'error',
      },
    ]);
    expect(describeProblem(r.problems[0]!, 'vi', form)).toContain('tỷ lệ tính được là 120%');
  });
  it('aggregate functions over table columns ignore empty cells; a table with no rows sums to 0', () => {
    const form = makeForm([
      table('t', [
        { key: 'n', type: 'number' },
        { key: 's', type: 'text' },
      ]),
      calc('s_sum', 'sum(t.n)'),
      calc('s_avg', 'avg(t.n)'),
      calc('s_min', 'min(t.n, 100)'),
      calc('s_max', 'max(t.n)'),
      calc('s_rows', 'count(t)', { decimals: 0 }),
      calc('s_filled', 'count(t.s)', { decimals: 0 }),
    ]);
    const rows = [{ cells: { n: 4, s: 'a' } }, { cells: { n: null, s: 'b' } }, { cells: { n: 1 } }];
    expect(evaluate(form, { t: rows }).values).toMatchObject({
      s_sum: 5,
      s_avg: 2.5,
      s_min: 1,
      s_max: 4,
      s_rows: 3,
      s_filled: 2,
    });
    expect(evaluate(form, { t: [] }).values).toMatchObject({
      s_sum: 0,
      s_avg: null,
      s_min: 100,
      s_max: null,
      s_rows: 0,
      s_filled: 0,
    });
    expect(evaluate(form, {}).values).toMatchObject({
      s_sum: null,
      s_avg: null,
      s_min: 100,
      s_max: null,
      s_rows: null,
      s_filled: null,
    });
  });
  it('a cell of a fixed-row table', () => {
    const form = makeForm([
      table('t', [{ key: 'n', type: 'number' }], {
        fixedRows: [
          { key: 'a', label: txt('A') },
          { key: 'b', label: txt('B') },
        ],
      }),
      calc('k', 't.b.n - t.a.n'),
    ]);
    expect(
      evaluate(form, {
        t: [
          { key: 'a', cells: { n: 2 } },
          { key: 'b', cells: { n: 7 } },
        ],
      }).values.k,
    ).toBe(5);
  });
  it('a form whose formulas are broken never crashes the evaluation: the fields are empty with a problem', () => {
    const form = makeForm(
      [num('x'), calc('a', 'b + x'), calc('b', 'a'), calc('ok', 'x + 1')],
      [rule('r', 'x >')],
    );
    const r = evaluate(form, { x: 1 });
    expect(r.values).toEqual({ x: 1, a: null, b: null, ok: 2 });
    expect(brief(r.problems)).toEqual([
      ['form_invalid', 'a', 'error'],
      ['form_invalid', 'b', 'error'],
      ['form_invalid', 'r', 'error'],
    ]);
  });
});

describe('validation rules (issue 13: done ≤ total; received = resolved + processing)', () => {
  const form = makeForm(
    [num('received'), num('resolved'), num('processing'), num('done'), num('total')],
    [
      rule('balance', 'received = resolved + processing', {
        message: txt(
          'Số tiếp nhận phải bằng đã giải quyết cộng đang giải quyết.',
          'Received must equal resolved plus processing.',
        ),
      }),
      rule('done_le_total', 'done <= total', { fields: ['done'] }),
    ],
  );
  it('a failing rule names the fields it reads, or those it lists', () => {
    const r = evaluate(form, { received: 10, resolved: 6, processing: 3, done: 5, total: 4 });
    expect(r.problems).toEqual([
      {
        key: 'reports.value.rule_failed',
        field: null,
        params: { rule: 'balance' },
        fields: ['received', 'resolved', 'processing'],
        severity: 'error',
      },
      {
        key: 'reports.value.rule_failed',
        field: null,
        params: { rule: 'done_le_total' },
        fields: ['done'],
        severity: 'error',
      },
    ]);
    expect(describeProblem(r.problems[0]!, 'vi', form)).toBe(
      'Số tiếp nhận phải bằng đã giải quyết cộng đang giải quyết. (Số received, Số resolved, Số processing)',
    );
    expect(describeProblem(r.problems[0]!, 'en', form)).toBe(
      'Received must equal resolved plus processing. (Number received, Number resolved, Number processing)',
    );
    expect(problemsOf(r, 'resolved')).toHaveLength(1);
    expect(isComplete(r)).toBe(false);
  });
  it('passes when the figures agree, up to floating-point noise', () => {
    const f = makeForm(
      [num('a', { decimals: 1 }), num('b', { decimals: 1 }), num('c', { decimals: 1 })],
      [rule('r', 'a = b + c')],
    );
    expect(evaluate(f, { a: 0.3, b: 0.1, c: 0.2 }).problems).toEqual([]);
    expect(evaluate(form, { received: 10, resolved: 7, processing: 3, done: 4, total: 4 }).problems).toEqual(
      [],
    );
  });
  it('is not checked while a figure it reads is empty (the required check speaks for that)', () => {
    expect(evaluate(form, { received: 10, resolved: 6 }).problems).toEqual([]);
  });
  it('and/or decide without the empty side when the other side settles it', () => {
    const f = makeForm(
      [num('a'), num('b')],
      [rule('r_and', 'a > 0 and b > 0'), rule('r_or', 'a > 0 or b > 0')],
    );
    expect(brief(evaluate(f, { a: -1 }).problems)).toEqual([['rule_failed', 'r_and', 'error']]);
    expect(evaluate(f, { a: 1 }).problems).toEqual([]);
  });
  it('a warning rule never blocks completeness', () => {
    const f = makeForm(
      [num('staff'), num('quota')],
      [rule('within_quota', 'staff <= quota', { severity: 'warning' })],
    );
    const r = evaluate(f, { staff: 12, quota: 10 });
    expect(brief(r.problems)).toEqual([['rule_failed', 'within_quota', 'warning']]);
    expect(isComplete(r)).toBe(true);
  });
});

describe('untrusted values', () => {
  it('values that are not an object', () => {
    for (const raw of [5, 'x', [1, 2], true]) {
      const r = evaluate(makeForm([num('a')]), raw);
      expect(r.problems[0]).toMatchObject({ key: 'reports.value.values_invalid', field: null });
      expect(r.values).toEqual({ a: null });
    }
  });
  it('fields this version does not have are left out with a warning (at most 20 warnings)', () => {
    const r = evaluate(makeForm([num('a')]), { a: 1, old_field: 2 });
    expect(r.values).toEqual({ a: 1 });
    expect(r.problems).toEqual([
      { key: 'reports.value.unknown_field', field: null, params: { ref: 'old_field' }, severity: 'warning' },
    ]);
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, i]));
    expect(evaluate(makeForm([num('a')]), many).problems).toHaveLength(20);
  });
  it('never reads inherited properties as values', () => {
    const r = evaluate(
      makeForm([num('constructor'), text('to_string')]),
      JSON.parse('{"__proto__": {"constructor": 5}}'),
    );
    expect(r.values).toEqual({ constructor: null, to_string: null });
  });
});

describe('isComplete', () => {
  it('is true with no problems or only warnings, false with any error', () => {
    expect(isComplete({ problems: [] })).toBe(true);
    expect(
      isComplete({
        problems: [{ key: 'reports.value.unknown_field', field: null, params: {}, severity: 'warning' }],
      }),
    ).toBe(true);
    expect(
      isComplete({
        problems: [{ key: 'reports.value.required', field: 'a', params: {}, severity: 'error' }],
      }),
    ).toBe(false);
    expect(isComplete({ problems: [{ key: 'reports.value.required', field: 'a', params: {} }] })).toBe(false);
  });
});
