import { describe, expect, it } from 'vitest';
import { consolidate, trace, type UnitReport } from './consolidate.js';
import { evaluate, type FormValues } from './evaluate.js';
import { FormVersion } from './form-definition.js';
import { calc, choice, makeForm, num, pctField, table, text, txt } from './test-fixtures.js';

const unit = (unitId: string, values: FormValues, unitName = `Xã ${unitId}`): UnitReport => ({
  unitId,
  unitName,
  values,
});

describe('numbers: each field as it declares (issue 13 §5)', () => {
  const form = makeForm([
    num('received'),
    num('avg_days', { aggregate: 'average', decimals: 1 }),
    num('lowest', { aggregate: 'min' }),
    num('highest', { aggregate: 'max' }),
    num('has_plan', { aggregate: 'count_units' }),
    num('internal', { aggregate: 'none' }),
  ]);
  const reports = [
    unit('a', { received: 10, avg_days: 2.5, lowest: 3, highest: 3, has_plan: 1, internal: 7 }),
    unit('b', { received: 0, avg_days: 4, lowest: 1, highest: 9, has_plan: 0, internal: null }),
    unit('c', {
      received: null,
      avg_days: null,
      lowest: null,
      highest: null,
      has_plan: null,
      internal: null,
    }),
  ];
  const c = consolidate(form, { reports, notSubmitted: [{ unitId: 'd', unitName: 'Xã d' }] });

  it('sum: empty values are not zeros and not sources; 0 is a value', () => {
    expect(c.fields.received).toEqual({
      kind: 'number',
      aggregate: 'sum',
      value: 10,
      reported: 2,
      sources: [
        { unitId: 'a', value: 10 },
        { unitId: 'b', value: 0 },
      ],
    });
  });
  it('average, min, max and count of units over the units that reported a value', () => {
    expect(c.fields.avg_days).toMatchObject({ value: 3.25, reported: 2 });
    expect(c.fields.lowest).toMatchObject({ value: 1, reported: 2 });
    expect(c.fields.highest).toMatchObject({ value: 9, reported: 2 });
    expect(c.fields.has_plan).toMatchObject({ value: 2, reported: 2 });
  });
  it('none keeps the units’ values for tracing but consolidates nothing', () => {
    expect(c.fields.internal).toEqual({
      kind: 'number',
      aggregate: 'none',
      value: null,
      reported: 1,
      sources: [{ unitId: 'a', value: 7 }],
    });
  });
  it('units that did not submit are listed apart, never counted', () => {
    expect(c.units.map((u) => u.unitId)).toEqual(['a', 'b', 'c']);
    expect(c.notSubmitted).toEqual([{ unitId: 'd', unitName: 'Xã d' }]);
    expect(c.values).toMatchObject({ received: 10, avg_days: 3.25, internal: null });
  });
  it('nothing reported gives empty figures, not zeros', () => {
    const none = consolidate(form, { reports: [], notSubmitted: [{ unitId: 'x', unitName: 'Xã x' }] });
    expect(Object.values(none.values)).toEqual([null, null, null, null, null, null]);
    expect(none.fields.has_plan).toMatchObject({ value: null, reported: 0 });
  });
  it('a sum of decimals has no floating-point noise', () => {
    const f = makeForm([num('x', { decimals: 1 })]);
    const r = consolidate(f, { reports: [unit('a', { x: 0.1 }), unit('b', { x: 0.2 })] });
    expect(r.values.x).toBe(0.3);
  });
});

describe('weighted averages', () => {
  const form = makeForm([
    num('respondents'),
    pctField('satisfaction', { aggregate: 'weighted_average', weight: 'respondents' }),
  ]);
  it('Σ value × weight / Σ weight, each source with its weight', () => {
    const c = consolidate(form, {
      reports: [
        unit('a', { respondents: 100, satisfaction: 90 }),
        unit('b', { respondents: 300, satisfaction: 70 }),
        unit('c', { respondents: null, satisfaction: 50 }),
        unit('d', { respondents: 50, satisfaction: null }),
      ],
    });
    expect(c.fields.satisfaction).toEqual({
      kind: 'number',
      aggregate: 'weighted_average',
      value: 75,
      reported: 3,
      sources: [
        { unitId: 'a', value: 90, weight: 100 },
        { unitId: 'b', value: 70, weight: 300 },
        { unitId: 'c', value: 50, weight: null },
      ],
    });
  });
  it('no weight at all gives an empty figure', () => {
    const c = consolidate(form, { reports: [unit('a', { respondents: 0, satisfaction: 90 })] });
    expect(c.values.satisfaction).toBeNull();
  });
});

describe('computed fields: recomputed from the consolidated figures, or aggregated', () => {
  const form = makeForm([
    num('resolved'),
    num('on_time'),
    calc('rate', 'pct(on_time, resolved)', { result: 'percent' }),
    calc('rate_avg', 'pct(on_time, resolved)', { result: 'percent', aggregate: 'average' }),
    calc('late', 'resolved - on_time', { aggregate: 'sum', decimals: 0 }),
  ]);
  const reports = [
    unit('a', evaluate(form, { resolved: 10, on_time: 9 }).values),
    unit('b', evaluate(form, { resolved: 90, on_time: 1 }).values),
  ];
  it('a rate is recomputed from the summed counts, not averaged', () => {
    const c = consolidate(form, { reports });
    expect(c.values).toMatchObject({ resolved: 100, on_time: 10, rate: 10, late: 90 });
    // The average of the units' rates (90% and 1.11%) would say 45.56%: what DHIS2-style averaging reports.
    expect(c.values.rate_avg).toBeCloseTo(45.555, 9);
    expect(c.fields.rate).toMatchObject({
      aggregate: 'recompute',
      sources: [
        { unitId: 'a', value: 90 },
        { unitId: 'b', value: 1.11 },
      ],
    });
  });
  it('a division by zero while recomputing is a warning, and the figure stays empty', () => {
    const f = makeForm([num('a'), num('b'), calc('k', 'a / b')]);
    const c = consolidate(f, { reports: [unit('x', { a: 1, b: 0, k: null })] });
    expect(c.values.k).toBeNull();
    expect(c.problems).toEqual([
      {
        key: 'reports.value.division_by_zero',
        field: 'k',
        params: { position: 5, offset: 4 },
        severity: 'warning',
      },
    ]);
  });
  it('a computed field may also declare a weighted average or a count of units over the units’ own values', () => {
    const f = makeForm([
      num('weight'),
      num('x'),
      calc('w_avg', 'x * 2', { aggregate: 'weighted_average', weight: 'weight' }),
      calc('counted', 'x + 0', { aggregate: 'count_units' }),
    ]);
    const c = consolidate(f, {
      reports: [
        unit('a', evaluate(f, { weight: 1, x: 10 }).values),
        unit('b', evaluate(f, { weight: 3, x: 20 }).values),
        unit('c', evaluate(f, { weight: 3 }).values),
      ],
    });
    expect(c.values).toMatchObject({ w_avg: 35, counted: 2 });
    expect(trace(c, 'w_avg')).toEqual([
      { unitId: 'a', unitName: 'Xã a', value: 20, weight: 1 },
      { unitId: 'b', unitName: 'Xã b', value: 40, weight: 3 },
    ]);
  });
  it('computed fields of a broken form stay empty', () => {
    const f = makeForm([num('a'), calc('k', 'j'), calc('j', 'k')]);
    expect(consolidate(f, { reports: [unit('x', { a: 1 })] }).values).toEqual({ a: 1, k: null, j: null });
  });
});

describe('choices', () => {
  it('how many units chose each option; a multiple choice counts once per option chosen', () => {
    const form = makeForm([
      choice('issued', ['yes', 'no']),
      choice('channels', ['web', 'paper', 'app'], { multiple: true }),
      choice('ignored', ['x'], { aggregate: 'none' }),
    ]);
    const c = consolidate(form, {
      reports: [
        unit('a', { issued: 'yes', channels: ['web', 'app'], ignored: 'x' }),
        unit('b', { issued: 'no', channels: ['web'], ignored: null }),
        unit('c', { issued: 'yes', channels: null, ignored: null }),
        unit('d', { issued: null, channels: null, ignored: null }),
      ],
    });
    expect(c.fields.issued).toEqual({
      kind: 'choice',
      aggregate: 'count_units',
      value: 3,
      reported: 3,
      counts: { yes: 2, no: 1 },
      sources: [
        { unitId: 'a', value: 'yes' },
        { unitId: 'b', value: 'no' },
        { unitId: 'c', value: 'yes' },
      ],
    });
    expect(c.fields.channels).toMatchObject({ value: 2, counts: { web: 2, paper: 0, app: 1 } });
    expect(c.fields.ignored).toMatchObject({ value: null, reported: 1 });
  });
});

describe('narratives are compiled by section with the unit names', () => {
  const form = FormVersion.parse({
    key: 'f',
    version: 1,
    name: txt('Báo cáo'),
    sections: [
      {
        key: 'direction',
        numbering: 'I.',
        title: txt('Công tác chỉ đạo, điều hành'),
        fields: [text('direction_text')],
      },
      {
        key: 'assessment',
        numbering: 'III.',
        title: txt('Đánh giá chung'),
        fields: [],
        subsections: [
          {
            key: 'strengths',
            numbering: '1.',
            title: txt('Kết quả đạt được'),
            fields: [text('strengths_text')],
          },
          {
            key: 'weaknesses',
            numbering: '2.',
            title: txt('Tồn tại, hạn chế'),
            fields: [text('weaknesses_text'), text('internal_note', { aggregate: 'none' })],
          },
        ],
      },
    ],
  });
  const c = consolidate(form, {
    reports: [
      unit(
        'a',
        {
          direction_text: 'Ban hành kế hoạch.',
          strengths_text: 'Tốt.',
          weaknesses_text: null,
          internal_note: 'x',
        },
        'Phường Vinh Phú',
      ),
      unit(
        'b',
        {
          direction_text: 'Kiện toàn BCĐ.',
          strengths_text: null,
          weaknesses_text: 'Chậm.',
          internal_note: null,
        },
        'Xã Anh Sơn',
      ),
    ],
  });
  it('each unit’s text with its name, in the units’ order', () => {
    expect(c.fields.direction_text).toEqual({
      kind: 'text',
      aggregate: 'compile',
      reported: 2,
      entries: [
        { unitId: 'a', unitName: 'Phường Vinh Phú', text: 'Ban hành kế hoạch.' },
        { unitId: 'b', unitName: 'Xã Anh Sơn', text: 'Kiện toàn BCĐ.' },
      ],
    });
  });
  it('grouped by section and subsection in the form’s order; a narrative not compiled stays out', () => {
    expect(
      c.sections.map((s) => [s.numbering, s.key, s.narratives.map((n) => [n.field, n.entries.length])]),
    ).toEqual([
      ['I.', 'direction', [['direction_text', 2]]],
      ['1.', 'strengths', [['strengths_text', 1]]],
      ['2.', 'weaknesses', [['weaknesses_text', 1]]],
    ]);
    expect(c.values.direction_text).toBeNull();
  });
});

describe('tables', () => {
  const levels = table(
    'levels',
    [
      { key: 'received', type: 'number' },
      { key: 'on_time', type: 'number' },
      { key: 'rate', type: 'percent', aggregate: 'weighted_average', weight: 'received' },
      { key: 'note', type: 'text' },
      {
        key: 'status',
        type: 'choice',
        options: [
          { key: 'ok', label: txt('Đạt') },
          { key: 'ko', label: txt('Chưa đạt') },
        ],
      },
    ],
    {
      fixedRows: [
        { key: 'province', label: txt('Cấp tỉnh') },
        { key: 'commune', label: txt('Cấp xã') },
      ],
    },
  );
  const initiatives = table('initiatives', [
    { key: 'name', type: 'text' },
    { key: 'cost', type: 'number' },
  ]);
  const form = makeForm([
    levels,
    initiatives,
    calc('on_time_rate', 'pct(sum(levels.on_time), sum(levels.received))', { result: 'percent' }),
    calc('commune_received', 'levels.commune.received', { decimals: 0 }),
    calc('initiatives_count', 'count(initiatives)', { decimals: 0 }),
    calc('initiatives_cost', 'sum(initiatives.cost)', { decimals: 0 }),
  ]);
  const a = evaluate(form, {
    levels: [
      { key: 'province', cells: { received: 10, on_time: 9, rate: 90, note: 'Ổn', status: 'ok' } },
      { key: 'commune', cells: { received: 20, on_time: 20, rate: 100 } },
    ],
    initiatives: [{ cells: { name: 'Một cửa số', cost: 5 } }],
  });
  const b = evaluate(form, {
    levels: [
      { key: 'province', cells: { received: 30, on_time: 15, rate: 50, status: 'ko' } },
      { key: 'commune', cells: { received: null } },
    ],
    initiatives: [{ cells: { name: 'Tổ công nghệ số', cost: 1 } }, { cells: { name: 'Sổ tay TTHC' } }],
  });
  const c = consolidate(form, {
    reports: [
      unit('a', a.values, 'Phường A'),
      unit('b', b.values, 'Xã B'),
      unit('n', { levels: null, initiatives: null }),
    ],
  });

  it('the two unit reports are valid', () => {
    expect([a.problems, b.problems]).toEqual([[], []]);
  });
  it('fixed rows: column by column, each cell as its column declares, traceable', () => {
    const t = c.fields.levels;
    expect(t?.kind === 'table' && t.mode).toBe('fixed');
    if (t?.kind !== 'table' || t.mode !== 'fixed') return;
    expect(t.reported).toBe(2);
    expect(t.rows.map((r) => [r.key, r.cells.received?.kind === 'number' && r.cells.received.value])).toEqual(
      [
        ['province', 40],
        ['commune', 20],
      ],
    );
    expect(t.rows[0]!.cells.rate).toMatchObject({ value: 60, reported: 2 });
    expect(t.rows[0]!.cells.note).toMatchObject({
      kind: 'text',
      entries: [{ unitName: 'Phường A', text: 'Ổn' }],
    });
    expect(t.rows[0]!.cells.status).toMatchObject({ kind: 'choice', counts: { ok: 1, ko: 1 } });
    expect(trace(c, 'levels', { row: 'province', col: 'on_time' })).toEqual([
      { unitId: 'a', unitName: 'Phường A', value: 9 },
      { unitId: 'b', unitName: 'Xã B', value: 15 },
    ]);
    expect(trace(c, 'levels', { row: 'province', col: 'rate' })).toEqual([
      { unitId: 'a', unitName: 'Phường A', value: 90, weight: 10 },
      { unitId: 'b', unitName: 'Xã B', value: 50, weight: 30 },
    ]);
    expect(c.values.levels).toEqual([
      { key: 'province', cells: { received: 40, on_time: 24, rate: 60, note: null, status: null } },
      { key: 'commune', cells: { received: 20, on_time: 20, rate: 100, note: null, status: null } },
    ]);
  });
  it('free rows: every unit’s rows, one after the other, with the unit’s name', () => {
    const t = c.fields.initiatives;
    if (t?.kind !== 'table' || t.mode !== 'free') throw new Error('free table expected');
    expect(t.rows).toEqual([
      { unitId: 'a', unitName: 'Phường A', cells: { name: 'Một cửa số', cost: 5 } },
      { unitId: 'b', unitName: 'Xã B', cells: { name: 'Tổ công nghệ số', cost: 1 } },
      { unitId: 'b', unitName: 'Xã B', cells: { name: 'Sổ tay TTHC', cost: null } },
    ]);
    expect(trace(c, 'initiatives')).toEqual([]);
  });
  it('formulas over tables are recomputed over the consolidated tables', () => {
    expect(c.values).toMatchObject({
      on_time_rate: 73.33,
      commune_received: 20,
      initiatives_count: 3,
      initiatives_cost: 6,
    });
  });
});

describe('tracing a consolidated number to the unit reports behind it (issue 13 "Done when")', () => {
  it('gives each contributing unit with its name and value', () => {
    const form = makeForm([num('received')]);
    const c = consolidate(form, {
      reports: [
        unit('u1', { received: 120 }, 'Sở Tư pháp'),
        unit('u2', { received: null }, 'Sở Y tế'),
        unit('u3', { received: 80 }, 'Xã Anh Sơn'),
      ],
    });
    expect(c.values.received).toBe(200);
    expect(trace(c, 'received')).toEqual([
      { unitId: 'u1', unitName: 'Sở Tư pháp', value: 120 },
      { unitId: 'u3', unitName: 'Xã Anh Sơn', value: 80 },
    ]);
    expect(trace(c, 'missing')).toEqual([]);
  });
});

describe('bad input to consolidation', () => {
  it('a unit listed twice is consolidated once, with a warning; a submitted unit is not also missing', () => {
    const form = makeForm([num('x')]);
    const c = consolidate(form, {
      reports: [unit('a', { x: 1 }), unit('a', { x: 100 }, 'Xã a (bản 2)')],
      notSubmitted: [
        { unitId: 'a', unitName: 'Xã a' },
        { unitId: 'b', unitName: 'Xã b' },
      ],
    });
    expect(c.values.x).toBe(1);
    expect(c.problems).toEqual([
      {
        key: 'reports.consolidate.duplicate_unit',
        field: null,
        params: { unitId: 'a', unitName: 'Xã a (bản 2)' },
        severity: 'warning',
      },
    ]);
    expect(c.notSubmitted.map((u) => u.unitId)).toEqual(['b']);
  });
  it('values of the wrong shape count as empty', () => {
    const form = makeForm([
      num('x'),
      text('t'),
      choice('c', ['a']),
      table('tb', [{ key: 'n', type: 'number' }], { fixedRows: [{ key: 'r', label: txt('R') }] }),
    ]);
    const bad = { x: 'five', t: 5, c: 7, tb: 'rows' } as unknown as FormValues;
    const c = consolidate(form, {
      reports: [unit('a', bad), unit('b', { tb: [null, { key: 'r' }] } as unknown as FormValues)],
    });
    expect(c.values).toEqual({ x: null, t: null, c: null, tb: [{ key: 'r', cells: { n: null } }] });
  });
});

describe('scale: 3,321 communes × 200 fields (issue 13 performance goal)', () => {
  it('consolidates linearly and exactly, empties and missing units apart', () => {
    const FIELDS = 200;
    const UNITS = 3321;
    const fields = Array.from({ length: FIELDS }, (_, j) =>
      num(`f${j}`, { aggregate: (['sum', 'average', 'min', 'max', 'count_units'] as const)[j % 5] }),
    );
    const form = makeForm(fields);
    const reports: UnitReport[] = [];
    for (let i = 0; i < UNITS; i++) {
      const values: FormValues = {};
      for (let j = 0; j < FIELDS; j++) values[`f${j}`] = (i + j) % 7 === 0 ? null : (i * 31 + j) % 1000;
      reports.push({ unitId: `u${i}`, unitName: `Xã ${i}`, values });
    }
    const missing = [{ unitId: 'late', unitName: 'Xã chưa nộp' }];
    const c = consolidate(form, { reports, notSubmitted: missing });

    for (const j of [0, 1, 2, 3, 4, 199]) {
      const vals: number[] = [];
      for (let i = 0; i < UNITS; i++) if ((i + j) % 7 !== 0) vals.push((i * 31 + j) % 1000);
      const sum = vals.reduce((a, b) => a + b, 0);
      const expected = [sum, sum / vals.length, Math.min(...vals), Math.max(...vals), vals.length][j % 5];
      const f = c.fields[`f${j}`];
      expect(f?.kind).toBe('number');
      if (f?.kind !== 'number') continue;
      expect(f.value).toBeCloseTo(expected!, 9);
      expect(f.reported).toBe(vals.length);
      expect(f.sources).toHaveLength(vals.length);
    }
    expect(c.units).toHaveLength(UNITS);
    expect(c.notSubmitted).toEqual(missing);
    const f0 = c.fields.f0;
    expect(f0?.kind === 'number' && f0.sources[0]).toEqual({ unitId: 'u1', value: 31 });
  });
});
