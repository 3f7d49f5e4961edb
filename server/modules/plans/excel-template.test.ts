import { describe, expect, it } from 'vitest';
import {
  COLUMN_KEYS,
  excelSerialToIso,
  fold,
  IMPORT_MESSAGES,
  parseDateCell,
  parseViNumber,
  pickCells,
  plainCell,
  readHeader,
  resolveArea,
  TASK_COLUMNS,
  unitResolver,
  unmatchedUnitTexts,
  validateTaskRows,
  viDate,
  viNumber,
  type ColumnKey,
  type RawRow,
  type UnitOption,
  type ValidationContext,
} from './excel-template.js';
import { REFORM_AREAS, REFORM_AREA_LABELS } from '../tasks/index.js';

const UNITS: UnitOption[] = [
  { id: 'u-tp', code: '40.tuphap', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp tỉnh Nghệ An' },
  { id: 'u-nv', code: '40.noivu', name: 'Sở Nội vụ', fullName: 'Sở Nội vụ tỉnh Nghệ An' },
  { id: 'u-xd', code: '40.xaydung', name: 'Sở Xây dựng', fullName: 'Sở Xây dựng tỉnh Nghệ An' },
  { id: 'u-a1', code: '17001', name: 'Xã An Hòa', fullName: 'Xã An Hòa' },
  { id: 'u-a2', code: '17002', name: 'Xã An Hòa', fullName: 'Xã An Hòa' },
];
const OLD: UnitOption[] = [
  {
    id: 'u-gtvt',
    code: '40.gtvt',
    name: 'Sở Giao thông vận tải',
    fullName: 'Sở Giao thông vận tải tỉnh Nghệ An',
  },
];
const CTX: ValidationContext = {
  year: 2026,
  method: 'count',
  units: UNITS,
  unitsDate: '2026-12-31',
  outOfForce: OLD,
};

const row = (n: number, cells: Partial<Record<ColumnKey, unknown>>): RawRow => ({ row: n, cells });
const ok = (n: number, extra: Partial<Record<ColumnKey, unknown>> = {}) =>
  row(n, {
    title: `Nhiệm vụ số ${n}`,
    reformArea: 'Cải cách thủ tục hành chính',
    leadUnit: 'Sở Tư pháp',
    dueDate: '30/06/2026',
    ...extra,
  });
const errorsOf = (rows: RawRow[], ctx: Partial<ValidationContext> = {}) =>
  validateTaskRows(rows, { ...CTX, ...ctx }).errors.map((e) => [e.row, e.field, e.key]);

describe('the template columns', () => {
  it('mark the required columns with "*" and cover every key once', () => {
    expect(TASK_COLUMNS.map((c) => c.key)).toEqual([...COLUMN_KEYS]);
    expect(TASK_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual([
      'Tên nhiệm vụ*',
      'Lĩnh vực CCHC*',
      'Đơn vị chủ trì*',
    ]);
    for (const c of TASK_COLUMNS) expect(c.header.endsWith('*')).toBe(c.required);
  });

  it('every example in the guide is itself valid', () => {
    const example = Object.fromEntries(TASK_COLUMNS.map((c) => [c.key, c.example]));
    const result = validateTaskRows([row(2, { ...example, supportingUnits: '40.noivu' })], CTX);
    expect(result.errors).toEqual([]);
    expect(result.tasks[0]).toMatchObject({ reformArea: 'procedures', leadUnitId: 'u-tp', focus: true });
  });

  it('import messages exist in Vietnamese and English with the same placeholders', () => {
    for (const [key, m] of Object.entries(IMPORT_MESSAGES)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m.en), key).toEqual(names(m.vi));
      expect(m.vi.length).toBeGreaterThan(5);
    }
  });
});

describe('headers', () => {
  it('finds columns by header text whatever their order, accents and case', () => {
    const { columns, errors } = readHeader([
      undefined,
      'Đơn vị chủ trì*',
      'ten nhiem vu',
      'LĨNH VỰC CCHC *',
      'Hạn hoàn thành',
      'Ghi chú riêng',
      'Trọng tâm (x)',
    ]);
    expect(errors).toEqual([]);
    expect(columns).toMatchObject({ leadUnit: 1, title: 2, reformArea: 3, dueDate: 4, focus: 6 });
    const picked = pickCells(7, [undefined, 'Sở Nội vụ', 'Tên', 'Khác'], columns);
    expect(picked).toEqual({ row: 7, cells: { leadUnit: 'Sở Nội vụ', title: 'Tên', reformArea: 'Khác' } });
  });

  it('names every missing required column (row 1)', () => {
    const { errors } = readHeader([undefined, 'STT', 'Mô tả']);
    expect(errors.map((e) => [e.row, e.key, e.params.column])).toEqual([
      [1, 'plan_import.header_missing', 'Tên nhiệm vụ'],
      [1, 'plan_import.header_missing', 'Lĩnh vực CCHC'],
      [1, 'plan_import.header_missing', 'Đơn vị chủ trì'],
    ]);
  });
});

describe('cells', () => {
  it('reduces rich text, hyperlinks and formulas to their text or result', () => {
    expect(plainCell({ richText: [{ text: 'Sở ' }, { text: 'Tư pháp' }] })).toBe('Sở Tư pháp');
    expect(plainCell({ text: 'Cổng', hyperlink: 'https://x' })).toBe('Cổng');
    expect(plainCell({ formula: 'A1', result: 3 })).toBe(3);
    expect(plainCell({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(plainCell({ error: '#REF!' })).toEqual({ error: '#REF!' });
    expect(plainCell('  \u00a0 ')).toBeNull();
    // Text typed on some systems arrives decomposed (NFD); names are compared composed (NFC).
    expect(plainCell('Nghệ An'.normalize('NFD'))).toBe('Nghệ An'.normalize('NFC'));
    expect(plainCell(undefined)).toBeNull();
    expect(plainCell(Number.NaN)).toBeNull();
  });

  it('reads dates as dd/mm/yyyy text, Excel dates and serial numbers', () => {
    expect(parseDateCell('30/06/2026')).toEqual({ ok: true, date: '2026-06-30' });
    expect(parseDateCell('1/2/2026')).toEqual({ ok: true, date: '2026-02-01' });
    expect(parseDateCell('05-09-2026')).toEqual({ ok: true, date: '2026-09-05' });
    expect(parseDateCell('05.09.2026')).toEqual({ ok: true, date: '2026-09-05' });
    expect(parseDateCell('2026-12-31')).toEqual({ ok: true, date: '2026-12-31' });
    expect(parseDateCell(new Date(Date.UTC(2026, 5, 30)))).toEqual({ ok: true, date: '2026-06-30' });
    expect(parseDateCell(new Date(Date.UTC(2026, 5, 30, 23, 59)))).toEqual({ ok: true, date: '2026-06-30' });
    expect(parseDateCell(46203)).toEqual({ ok: true, date: '2026-06-30' });
    expect(excelSerialToIso(1)).toBeNull(); // before 1/3/1900 (Excel's 1900 leap-year bug)
    expect(parseDateCell(null)).toEqual({ ok: true, date: null });
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const bad of [
      '31/02/2026',
      '29/02/2025',
      '00/01/2026',
      '12/13/2026',
      'cuối quý II',
      '2026/06/30',
      'Thường xuyên',
    ])
      expect(parseDateCell(bad), bad).toEqual({ ok: false });
    expect(parseDateCell(new Date(Number.NaN))).toEqual({ ok: false });
    expect(parseDateCell(true)).toEqual({ ok: false });
    expect(parseDateCell('29/02/2028')).toEqual({ ok: true, date: '2028-02-29' });
  });

  it('takes "Thường xuyên" as an ongoing task (no due date) only where allowed', () => {
    expect(parseDateCell('Thường xuyên', true)).toEqual({ ok: true, date: null });
    expect(parseDateCell('thuong xuyen', true)).toEqual({ ok: true, date: null });
  });

  it('writes and reads numbers the Vietnamese way', () => {
    expect(viNumber(1234.5)).toBe('1.234,5');
    expect(viNumber(1234567)).toBe('1.234.567');
    expect(viNumber(55.357, 2)).toBe('55,36');
    expect(viNumber(-0.5)).toBe('-0,5');
    expect(viNumber(0, 2)).toBe('0,00');
    expect(parseViNumber('1,5')).toBe(1.5);
    expect(parseViNumber('1.5')).toBe(1.5);
    expect(parseViNumber('1.234,5')).toBe(1234.5);
    expect(parseViNumber(2)).toBe(2);
    expect(parseViNumber('hai')).toBeNull();
    expect(viDate('2026-06-30')).toBe('30/06/2026');
    expect(viDate(null)).toBe('');
  });

  it('folds accents, đ and spacing', () => {
    expect(fold('  Sở  Tư PHÁP ')).toBe('so tu phap');
    expect(fold('Đắk Lắk')).toBe('dak lak');
  });
});

describe('reform areas and units', () => {
  it('accepts an area by its Vietnamese or English label or its key', () => {
    for (const a of REFORM_AREAS) {
      expect(resolveArea(REFORM_AREA_LABELS[a].vi)).toBe(a);
      expect(resolveArea(REFORM_AREA_LABELS[a].en.toUpperCase())).toBe(a);
      expect(resolveArea(a)).toBe(a);
    }
    expect(resolveArea('cai cach the che')).toBe('institutions');
    expect(resolveArea('Cải cách tư pháp')).toBeNull();
  });

  it('finds a unit by code, exact name, full name, or name without accents; a shared name is ambiguous', () => {
    const find = unitResolver(UNITS);
    expect(find('40.tuphap')).toEqual({ unit: UNITS[0] });
    expect(find('40.TUPHAP')).toEqual({ unit: UNITS[0] });
    expect(find('Sở Tư pháp')).toEqual({ unit: UNITS[0] });
    expect(find('so tu phap')).toEqual({ unit: UNITS[0] });
    expect(find('Sở Tư pháp tỉnh Nghệ An')).toEqual({ unit: UNITS[0] });
    expect(find('Sở Tư')).toBeNull(); // exact names only, no partial match
    expect(find('Xã An Hòa')).toEqual({ ambiguous: [UNITS[3], UNITS[4]] });
    expect(find('17002')).toEqual({ unit: UNITS[4] });
  });

  it('lists the unit texts no unit in force answers to', () => {
    expect(
      unmatchedUnitTexts(
        [ok(2, { leadUnit: 'Sở GTVT' }), ok(3, { supportingUnits: '40.noivu; Sở Du lịch ;' })],
        UNITS,
      ),
    ).toEqual(['Sở GTVT', 'Sở Du lịch']);
  });
});

describe('validating rows (all or nothing)', () => {
  it('turns valid rows into tasks, skipping blank rows', () => {
    const result = validateTaskRows(
      [
        ok(2, {
          description: 'Chi tiết',
          supportingUnits: '40.noivu; Sở Xây dựng',
          startDate: '15/01/2026',
          focus: 'x',
          weight: '1,5',
          expectedOutput: 'Quyết định',
        }),
        row(3, { stt: 2 }),
        row(4, {}),
        ok(5, { dueDate: 'Thường xuyên', reformArea: 'digital_government', leadUnit: '40.xaydung' }),
      ],
      CTX,
    );
    expect(result.errors).toEqual([]);
    expect(result.total).toBe(2);
    expect(result.tasks).toEqual([
      {
        row: 2,
        title: 'Nhiệm vụ số 2',
        description: 'Chi tiết',
        reformArea: 'procedures',
        leadUnitId: 'u-tp',
        supportingUnitIds: ['u-nv', 'u-xd'],
        startDate: '2026-01-15',
        dueDate: '2026-06-30',
        expectedOutput: 'Quyết định',
        focus: true,
        weight: 1.5,
        status: 'not_started',
        reportedOn: null,
        verifiedOn: null,
        progress: null,
        output: null,
      },
      {
        row: 5,
        title: 'Nhiệm vụ số 5',
        description: null,
        reformArea: 'digital_government',
        leadUnitId: 'u-xd',
        supportingUnitIds: [],
        startDate: null,
        dueDate: null,
        expectedOutput: null,
        focus: false,
        weight: null,
        status: 'not_started',
        reportedOn: null,
        verifiedOn: null,
        progress: null,
        output: null,
      },
    ]);
  });

  it('one bad row means no task at all, and every error is listed with its row and column', () => {
    const result = validateTaskRows([ok(2), ok(3, { leadUnit: 'Sở Không Có' }), ok(4)], CTX);
    expect(result.tasks).toEqual([]);
    expect(result.errors).toEqual([
      {
        row: 3,
        field: 'leadUnit',
        column: 'Đơn vị chủ trì',
        key: 'plan_import.unit_unknown',
        params: { column: 'Đơn vị chủ trì', value: 'Sở Không Có' },
      },
    ]);
  });

  it('requires the name, area and lead unit', () => {
    expect(errorsOf([row(2, { description: 'chỉ có mô tả' })])).toEqual([
      [2, 'title', 'plan_import.required'],
      [2, 'reformArea', 'plan_import.required'],
      [2, 'leadUnit', 'plan_import.required'],
    ]);
  });

  it('checks lengths of names and texts', () => {
    expect(errorsOf([ok(2, { title: 'ab' })])).toEqual([[2, 'title', 'plan_import.title_too_short']]);
    expect(errorsOf([ok(2, { title: 'x'.repeat(1001) })])).toEqual([[2, 'title', 'plan_import.too_long']]);
    expect(errorsOf([ok(2, { description: 'x'.repeat(5001) })])).toEqual([
      [2, 'description', 'plan_import.too_long'],
    ]);
    expect(errorsOf([ok(2, { expectedOutput: 'x'.repeat(2001) })])).toEqual([
      [2, 'expectedOutput', 'plan_import.too_long'],
    ]);
  });

  it('refuses a name used twice in the file (case and spacing ignored), naming the first row', () => {
    const result = validateTaskRows(
      [ok(2, { title: 'Rà soát TTHC' }), ok(3, { title: ' rà  soát tthc ' })],
      CTX,
    );
    expect(result.errors.map((e) => [e.row, e.key, e.params.other])).toEqual([
      [3, 'plan_import.duplicate_title', 2],
    ]);
  });

  it('refuses a task already in the plan with the same name and lead unit, not one of another unit', () => {
    const existing = [{ title: 'Nhiệm vụ số 2', leadUnitId: 'u-tp' }];
    expect(errorsOf([ok(2)], { existing })).toEqual([[2, 'title', 'plan_import.already_in_plan']]);
    expect(errorsOf([ok(2, { leadUnit: 'Sở Nội vụ' })], { existing })).toEqual([]);
  });

  it('refuses an unknown area', () => {
    expect(errorsOf([ok(2, { reformArea: 'Cải cách tư pháp' })])).toEqual([
      [2, 'reformArea', 'plan_import.area_unknown'],
    ]);
  });

  it('tells a unit not in force on the plan date from an unknown one, and asks for a code when a name is shared', () => {
    const result = validateTaskRows(
      [ok(2, { leadUnit: 'Sở Giao thông vận tải' }), ok(3, { leadUnit: 'Xã An Hòa' })],
      CTX,
    );
    expect(result.errors.map((e) => [e.row, e.key, e.params])).toEqual([
      [
        2,
        'plan_import.unit_not_in_force',
        { column: 'Đơn vị chủ trì', value: 'Sở Giao thông vận tải', date: '2026-12-31' },
      ],
      [
        3,
        'plan_import.unit_ambiguous',
        { column: 'Đơn vị chủ trì', value: 'Xã An Hòa', names: '17001 Xã An Hòa; 17002 Xã An Hòa' },
      ],
    ]);
  });

  it('checks supporting units: each known, none the lead unit, duplicates merged', () => {
    expect(errorsOf([ok(2, { supportingUnits: '40.noivu;40.tuphap; Sở Ma' })])).toEqual([
      [2, 'supportingUnits', 'plan_import.supporting_is_lead'],
      [2, 'supportingUnits', 'plan_import.unit_unknown'],
    ]);
    const { tasks } = validateTaskRows([ok(2, { supportingUnits: '40.noivu; Sở Nội vụ\n40.xaydung' })], CTX);
    expect(tasks[0]!.supportingUnitIds).toEqual(['u-nv', 'u-xd']);
    const many = Array.from({ length: 101 }, () => '40.noivu').join(';');
    expect(errorsOf([ok(2, { supportingUnits: many })])).toEqual([
      [2, 'supportingUnits', 'plan_import.too_many_units'],
    ]);
  });

  it('keeps dates inside the plan year (start) or up to the end of the next year (due), due not before start', () => {
    expect(errorsOf([ok(2, { dueDate: '31/02/2026' })])).toEqual([
      [2, 'dueDate', 'plan_import.date_invalid'],
    ]);
    expect(errorsOf([ok(2, { startDate: '31/12/2025' })])).toEqual([
      [2, 'startDate', 'plan_import.start_outside_year'],
    ]);
    expect(errorsOf([ok(2, { startDate: '01/01/2027', dueDate: null })])).toEqual([
      [2, 'startDate', 'plan_import.start_outside_year'],
    ]);
    expect(errorsOf([ok(2, { dueDate: '31/12/2025' })])).toEqual([
      [2, 'dueDate', 'plan_import.date_before_year'],
    ]);
    expect(errorsOf([ok(2, { dueDate: '31/12/2027' })])).toEqual([]);
    expect(errorsOf([ok(2, { dueDate: '01/01/2028' })])).toEqual([
      [2, 'dueDate', 'plan_import.date_too_late'],
    ]);
    expect(errorsOf([ok(2, { startDate: '01/07/2026', dueDate: '30/06/2026' })])).toEqual([
      [2, 'dueDate', 'plan_import.due_before_start'],
    ]);
    expect(errorsOf([ok(2, { startDate: '01/07/2026', dueDate: '01/07/2026' })])).toEqual([]);
    expect(errorsOf([ok(2, { dueDate: new Date(Date.UTC(2026, 11, 31)) })])).toEqual([]);
  });

  it('reads the focus mark and refuses anything else', () => {
    for (const yes of ['x', 'X', 'có', '1', true]) {
      const { tasks } = validateTaskRows([ok(2, { focus: yes })], CTX);
      expect(tasks[0]?.focus, String(yes)).toBe(true);
    }
    for (const no of [null, '', '0', 'không', false]) {
      const { tasks } = validateTaskRows([ok(2, { focus: no })], CTX);
      expect(tasks[0]?.focus, String(no)).toBe(false);
    }
    expect(errorsOf([ok(2, { focus: 'quan trọng' })])).toEqual([[2, 'focus', 'plan_import.focus_invalid']]);
  });

  it('checks weights, and requires them when the plan counts by weight', () => {
    expect(errorsOf([ok(2, { weight: 0 })])).toEqual([[2, 'weight', 'plan_import.weight_invalid']]);
    expect(errorsOf([ok(2, { weight: 1001 })])).toEqual([[2, 'weight', 'plan_import.weight_invalid']]);
    expect(errorsOf([ok(2, { weight: 'hai' })])).toEqual([[2, 'weight', 'plan_import.weight_invalid']]);
    expect(errorsOf([ok(2)], { method: 'weighted' })).toEqual([[2, 'weight', 'plan_import.weight_required']]);
    expect(errorsOf([ok(2, { weight: 2 })], { method: 'weighted' })).toEqual([]);
  });

  it('reports formula errors in cells', () => {
    expect(errorsOf([ok(2, { leadUnit: { error: '#N/A' } })])).toEqual([
      [2, 'leadUnit', 'plan_import.cell_error'],
    ]);
  });

  it('refuses an empty file and one over the row limit', () => {
    expect(errorsOf([row(2, {}), row(3, { stt: 1 })])).toEqual([[2, 'file', 'plan_import.no_rows']]);
    expect(errorsOf([ok(2), ok(3), ok(4)], { maxRows: 2 })).toEqual([
      [4, 'file', 'plan_import.too_many_rows'],
    ]);
  });
});

describe('history columns (a province that starts mid-year)', () => {
  const at = (rows: RawRow[]) => validateTaskRows(rows, { ...CTX, today: '2026-12-06' });
  const keys = (rows: RawRow[]) => at(rows).errors.map((e) => [e.row, e.field, e.key]);

  it('a file without them imports tasks not started, as before', () => {
    const { tasks, errors } = at([ok(2)]);
    expect(errors).toEqual([]);
    expect(tasks[0]).toMatchObject({
      status: 'not_started',
      reportedOn: null,
      verifiedOn: null,
      progress: null,
    });
  });

  it('reads the statuses by their labels (vi, en) or keys, with their dates', () => {
    const { tasks, errors } = at([
      ok(2, {
        status: 'Đã xác nhận hoàn thành',
        doneDate: '15/03/2026',
        verifiedDate: '20/03/2026',
        progress: 100,
      }),
      ok(3, { status: 'reported done', doneDate: new Date(Date.UTC(2026, 4, 15)), output: 'Báo cáo số 12' }),
      ok(4, { status: 'dang thuc hien', progress: '40%' }),
      ok(5, { status: 'Chưa bắt đầu' }),
    ]);
    expect(errors).toEqual([]);
    expect(tasks.map((t) => [t.status, t.reportedOn, t.verifiedOn, t.progress, t.output])).toEqual([
      ['verified', '2026-03-15', '2026-03-20', 100, null],
      ['reported_done', '2026-05-15', null, null, 'Báo cáo số 12'],
      ['in_progress', null, null, 40, null],
      ['not_started', null, null, null, null],
    ]);
  });

  it('an empty status is inferred from the dates and the progress', () => {
    const { tasks } = at([
      ok(2, { doneDate: '15/03/2026', verifiedDate: '16/03/2026' }),
      ok(3, { doneDate: '15/03/2026' }),
      ok(4, { progress: 30 }),
    ]);
    expect(tasks.map((t) => t.status)).toEqual(['verified', 'reported_done', 'in_progress']);
    // A verified task without its own verification date is verified on the done date.
    expect(at([ok(2, { status: 'verified', doneDate: '15/03/2026' })]).tasks[0]!.verifiedOn).toBe(
      '2026-03-15',
    );
  });

  it('refuses what cannot be true, naming the row and column', () => {
    expect(
      keys([
        ok(2, { status: 'Đã xác nhận hoàn thành' }),
        ok(3, { status: 'Đã hủy' }),
        ok(4, { status: 'Xong rồi' }),
        ok(5, { status: 'Đang thực hiện', doneDate: '15/03/2026' }),
        ok(6, { doneDate: '07/12/2026' }),
        ok(7, { doneDate: '31/12/2025' }),
        ok(8, { startDate: '01/03/2026', doneDate: '15/02/2026' }),
        ok(9, { doneDate: '15/03/2026', verifiedDate: '10/03/2026' }),
        ok(10, { status: 'Chưa bắt đầu', progress: 20 }),
        ok(11, { doneDate: '15/03/2026', progress: 80 }),
        ok(12, { progress: 120 }),
        ok(13, { status: 'Đang thực hiện', output: 'Kết quả' }),
      ]),
    ).toEqual([
      [2, 'doneDate', 'plan_import.done_date_required'],
      [3, 'status', 'plan_import.status_not_importable'],
      [4, 'status', 'plan_import.status_unknown'],
      [5, 'doneDate', 'plan_import.only_with_status'],
      [6, 'doneDate', 'plan_import.date_in_future'],
      [7, 'doneDate', 'plan_import.date_before_year'],
      [8, 'doneDate', 'plan_import.date_before_start'],
      [9, 'verifiedDate', 'plan_import.verified_before_done'],
      [10, 'progress', 'plan_import.progress_mismatch'],
      [11, 'progress', 'plan_import.progress_mismatch'],
      [12, 'progress', 'plan_import.progress_invalid'],
      [13, 'output', 'plan_import.only_with_status'],
    ]);
  });

  it('every new message exists in both languages and the guide documents every column', () => {
    for (const key of [
      'plan_import.status_unknown',
      'plan_import.status_not_importable',
      'plan_import.done_date_required',
      'plan_import.only_with_status',
      'plan_import.date_in_future',
      'plan_import.date_before_start',
      'plan_import.verified_before_done',
      'plan_import.progress_invalid',
      'plan_import.progress_mismatch',
    ] as const) {
      expect(IMPORT_MESSAGES[key].vi).toBeTruthy();
      expect(IMPORT_MESSAGES[key].en).toBeTruthy();
    }
    for (const key of ['status', 'doneDate', 'verifiedDate', 'progress', 'output'] as const)
      expect(TASK_COLUMNS.find((c) => c.key === key)!.guide.length).toBeGreaterThan(20);
  });
});
