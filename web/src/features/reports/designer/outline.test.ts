import { describe, expect, it } from 'vitest';
import {
  addSection,
  addSubsection,
  allowedAggregates,
  canMove,
  canonicalJson,
  changeColumnType,
  changeFieldType,
  defaultAggregate,
  fitAggregate,
  freshKey,
  fromDraft,
  insertField,
  insertItem,
  isValidKey,
  localIssues,
  locate,
  minimalDefinition,
  moveFieldTo,
  moveItem,
  moveNode,
  newColumn,
  newField,
  patchSection,
  placeProblems,
  problemCount,
  removeItem,
  removeNode,
  renameFieldKey,
  renameInFormula,
  replaceField,
  rebase,
  romanNumeral,
  sameDefinition,
  slugKey,
  toDraft,
  uniqueKey,
  type Draft,
} from './outline';
import type { FormDefinition } from './api';

const text = (vi: string) => ({ vi, en: vi });

function sample(): FormDefinition {
  return {
    key: 'sample',
    version: 2,
    name: text('Mẫu'),
    legalBasis: [],
    sections: [
      {
        key: 's1',
        numbering: 'I.',
        title: text('Một'),
        fields: [
          {
            key: 'total',
            type: 'number',
            label: text('Tổng'),
            required: true,
            decimals: 0,
            aggregate: 'sum',
          },
          {
            key: 'done',
            type: 'number',
            label: text('Xong'),
            required: false,
            decimals: 0,
            aggregate: 'sum',
          },
        ],
        subsections: [
          {
            key: 's1a',
            title: text('Một a'),
            fields: [
              {
                key: 'rate',
                type: 'computed',
                label: text('Tỷ lệ'),
                formula: 'pct(done, total)',
                result: 'percent',
                decimals: 2,
                aggregate: 'recompute',
              },
            ],
          },
        ],
      },
      {
        key: 's2',
        numbering: 'II.',
        title: text('Hai'),
        fields: [
          {
            key: 'note',
            type: 'narrative',
            label: text('Ghi chú'),
            required: false,
            maxLength: 100,
            aggregate: 'compile',
          },
        ],
        subsections: [],
      },
    ],
    rules: [{ key: 'done_le_total', expression: 'done <= total', message: text('Sai'), severity: 'error' }],
  };
}

const keysOf = (d: Draft) =>
  d.sections.map((s) => [s.key, s.fields.map((f) => f.key), s.subsections.map((x) => x.key)]);

describe('list helpers', () => {
  it('moves, inserts, removes without touching the input', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 2, -2)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(list, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(insertItem(list, 1, 'x')).toEqual(['a', 'x', 'b', 'c']);
    expect(insertItem(list, 99, 'x')).toEqual(['a', 'b', 'c', 'x']);
    expect(insertItem(list, -3, 'x')).toEqual(['x', 'a', 'b', 'c']);
    expect(removeItem(list, 1)).toEqual(['a', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('keys', () => {
  it('gives the first free numbered key, skipping reserved words', () => {
    expect(freshKey('field', [])).toBe('field_1');
    expect(freshKey('field', ['field_1', 'field_2'])).toBe('field_3');
    expect(uniqueKey('total', [])).toBe('total');
    expect(uniqueKey('total', ['total', 'total_2'])).toBe('total_3');
    expect(uniqueKey('sum', [])).toBe('sum_2');
  });

  it('makes keys from Vietnamese labels', () => {
    expect(slugKey('Số hồ sơ tiếp nhận')).toBe('so_ho_so_tiep_nhan');
    expect(slugKey('Đường dây nóng (cấp xã)')).toBe('duong_day_nong_cap_xa');
    expect(slugKey('2025 — kết quả')).toBe('field_2025_ket_qua');
    expect(slugKey('!!!')).toBe('field');
    expect(isValidKey(slugKey('Tỷ lệ % hồ sơ đúng hạn, trước hạn trong kỳ báo cáo năm 2025 của tỉnh'))).toBe(
      true,
    );
  });

  it('checks keys as the server does', () => {
    expect(isValidKey('plan_tasks_total')).toBe(true);
    expect(isValidKey('Plan')).toBe(false);
    expect(isValidKey('1plan')).toBe(false);
    expect(isValidKey('plan-total')).toBe(false);
    expect(isValidKey('count')).toBe(false);
    expect(isValidKey('a'.repeat(65))).toBe(false);
  });
});

describe('the draft', () => {
  it('round-trips a definition without its uids', () => {
    const def = sample();
    const draft = toDraft(def);
    expect(draft.sections[0]!.uid).toMatch(/^n\d+$/);
    expect(draft.sections[0]!.fields[0]!.uid).not.toBe(draft.sections[0]!.fields[1]!.uid);
    expect(fromDraft(draft)).toEqual(def);
    expect(JSON.stringify(fromDraft(draft))).not.toContain('uid');
  });

  it('moves fields, subsections and sections among their siblings', () => {
    const draft = toDraft(sample());
    const done = draft.sections[0]!.fields[1]!.uid;
    const moved = moveNode(draft, done, -1);
    expect(keysOf(moved)[0]![1]).toEqual(['done', 'total']);
    expect(keysOf(moveNode(draft, done, 1))[0]![1]).toEqual(['total', 'done']);
    const s2 = draft.sections[1]!.uid;
    expect(moveNode(draft, s2, -1).sections.map((s) => s.key)).toEqual(['s2', 's1']);
    expect(canMove(draft, s2, -1)).toBe(true);
    expect(canMove(draft, s2, 1)).toBe(false);
    expect(canMove(draft, done, 1)).toBe(false);
    expect(canMove(draft, 'nope', 1)).toBe(false);
    // the input is untouched
    expect(keysOf(draft)[0]![1]).toEqual(['total', 'done']);
  });

  it('removes an item, a section with its fields', () => {
    const draft = toDraft(sample());
    const sub = draft.sections[0]!.subsections[0]!.uid;
    expect(removeNode(draft, sub).sections[0]!.subsections).toEqual([]);
    expect(removeNode(draft, draft.sections[0]!.uid).sections.map((s) => s.key)).toEqual(['s2']);
    const note = draft.sections[1]!.fields[0]!.uid;
    expect(removeNode(draft, note).sections[1]!.fields).toEqual([]);
    expect(removeNode(draft, 'missing')).toBe(draft);
  });

  it('locates items', () => {
    const draft = toDraft(sample());
    expect(locate(draft, draft.sections[1]!.uid)).toEqual({ kind: 'section', section: 1 });
    expect(locate(draft, draft.sections[0]!.subsections[0]!.uid)).toEqual({
      kind: 'subsection',
      section: 0,
      sub: 0,
    });
    expect(locate(draft, draft.sections[0]!.subsections[0]!.fields[0]!.uid)).toEqual({
      kind: 'field',
      section: 0,
      sub: 0,
      index: 0,
    });
    expect(locate(draft, 'x')).toBeNull();
  });

  it('inserts, replaces and moves a field to another place', () => {
    const draft = toDraft(sample());
    const f = newField('percent', 'share', text('Tỷ lệ'));
    const added = insertField(draft, { section: 0, sub: 0 }, f);
    expect(added.sections[0]!.subsections[0]!.fields.map((x) => x.key)).toEqual(['rate', 'share']);
    const first = insertField(draft, { section: 1, sub: null }, f, 0);
    expect(first.sections[1]!.fields.map((x) => x.key)).toEqual(['share', 'note']);
    const replaced = replaceField(added, f.uid, { ...f, label: text('Khác') });
    expect(replaced.sections[0]!.subsections[0]!.fields[1]!.label.vi).toBe('Khác');
    const moved = moveFieldTo(added, f.uid, { section: 1, sub: null });
    expect(moved.sections[1]!.fields.map((x) => x.key)).toEqual(['note', 'share']);
    expect(moved.sections[0]!.subsections[0]!.fields.map((x) => x.key)).toEqual(['rate']);
    expect(moveFieldTo(added, f.uid, { section: 0, sub: 0 })).toBe(added);
  });

  it('adds numbered sections and subsections with fresh keys', () => {
    const draft = toDraft(sample());
    const { draft: d1, uid } = addSection(draft, text('Ba'));
    const s3 = d1.sections[2]!;
    expect(s3.uid).toBe(uid);
    expect(s3.numbering).toBe('III.');
    expect(s3.key).toBe('section_1');
    const { draft: d2 } = addSubsection(d1, s3.uid, text('Ba một'));
    expect(d2.sections[2]!.subsections[0]!.numbering).toBe('1.');
    expect(d2.sections[2]!.subsections[0]!.key).toBe('section_2');
    expect(romanNumeral(4)).toBe('IV');
    expect(romanNumeral(9)).toBe('IX');
    expect(romanNumeral(14)).toBe('XIV');
  });

  it('patches a section, dropping an emptied help or numbering', () => {
    const draft = toDraft(sample());
    const s = draft.sections[0]!.uid;
    const withHelp = patchSection(draft, s, { help: text('Hướng dẫn') });
    expect(withHelp.sections[0]!.help).toEqual(text('Hướng dẫn'));
    const without = patchSection(withHelp, s, { help: undefined, numbering: '' });
    expect('help' in without.sections[0]!).toBe(false);
    expect('numbering' in without.sections[0]!).toBe(false);
    const sub = draft.sections[0]!.subsections[0]!.uid;
    expect(patchSection(draft, sub, { title: text('Mới') }).sections[0]!.subsections[0]!.title.vi).toBe(
      'Mới',
    );
  });
});

describe('aggregates per type', () => {
  it('follows the server table', () => {
    expect(allowedAggregates({ type: 'narrative' })).toEqual(['compile', 'none']);
    expect(allowedAggregates({ type: 'text' })).toEqual(['compile', 'none']);
    expect(allowedAggregates({ type: 'number' })).toContain('sum');
    expect(allowedAggregates({ type: 'percent' })).not.toContain('sum');
    expect(allowedAggregates({ type: 'percent' })).toContain('weighted_average');
    expect(allowedAggregates({ type: 'choice' })).toEqual(['count_units', 'none']);
    expect(allowedAggregates({ type: 'table' })).toEqual(['combine', 'none']);
    expect(allowedAggregates({ type: 'computed', result: 'number' })).toContain('sum');
    expect(allowedAggregates({ type: 'computed', result: 'percent' })).not.toContain('sum');
    expect(allowedAggregates({ type: 'computed', result: 'percent' })[0]).toBe('recompute');
    expect(allowedAggregates({ type: 'number' })).not.toContain('recompute');
  });

  it('defaults and fits an aggregate to the type', () => {
    expect(defaultAggregate({ type: 'percent' })).toBe('average');
    expect(fitAggregate({ type: 'percent' }, 'sum')).toBe('average');
    expect(fitAggregate({ type: 'number' }, 'max')).toBe('max');
    expect(fitAggregate({ type: 'computed', result: 'percent' }, 'sum')).toBe('recompute');
    expect(fitAggregate({ type: 'choice' }, undefined)).toBe('count_units');
  });
});

describe('new fields and type changes', () => {
  it('makes fields that the server schema accepts (computed: formula to write)', () => {
    for (const type of ['narrative', 'number', 'percent', 'choice', 'table'] as const) {
      const f = newField(type, `f_${type}`, text('X'));
      expect(f.aggregate).toBe(defaultAggregate(f));
    }
    const c = newField('computed', 'c', text('C'));
    expect(c.type === 'computed' && c.formula).toBe('');
    const d = toDraft(minimalDefinition('x', text('X')));
    const withC = insertField(d, { section: 0, sub: null }, c);
    expect(localIssues(withC)).toEqual([{ at: c.uid, issue: 'formula' }]);
  });

  it('keeps what still fits when a field changes type', () => {
    const n = {
      ...newField('number', 'total', text('Tổng')),
      required: true,
      min: 0,
      max: 10,
      prefill: 'dossiers.received',
    } as ReturnType<typeof newField>;
    const p = changeFieldType(n, 'percent');
    expect(p).toMatchObject({ type: 'percent', key: 'total', required: true, min: 0, max: 10, uid: n.uid });
    expect(p.aggregate).toBe('average');
    const narrative = changeFieldType(n, 'narrative');
    expect(narrative).toMatchObject({ type: 'narrative', required: true });
    expect('prefill' in narrative).toBe(false);
    expect('min' in narrative).toBe(false);
    const computed = changeFieldType(n, 'computed');
    expect('required' in computed).toBe(false);
    expect(changeFieldType(n, 'number')).toBe(n);
  });

  it('changes a column type', () => {
    const col = { ...newColumn('text', 'name', text('Tên')), required: true };
    const num = changeColumnType(col, 'number');
    expect(num).toMatchObject({ type: 'number', key: 'name', required: true, aggregate: 'sum', decimals: 0 });
    const choice = changeColumnType(col, 'choice');
    expect(choice.type === 'choice' && choice.options.length).toBe(2);
  });
});

describe('renaming a key', () => {
  it('renames references only', () => {
    expect(renameInFormula('pct(done, total) + done_rate', 'done', 'finished')).toBe(
      'pct(finished, total) + done_rate',
    );
    expect(renameInFormula('sum(tbl.done) + done', 'done', 'x')).toBe('sum(tbl.done) + x');
    expect(renameInFormula('count(tbl) + tbl.row.col', 'tbl', 'table_a')).toBe(
      'count(table_a) + table_a.row.col',
    );
    expect(renameInFormula('done', 'done', 'x')).toBe('x');
    expect(renameInFormula('undone+done', 'done', 'x')).toBe('undone+x');
  });

  it('renames in computed fields, weights and rules', () => {
    const def = sample();
    def.sections[1]!.fields.push({
      key: 'share',
      type: 'percent',
      label: text('Tỷ lệ'),
      required: false,
      decimals: 2,
      aggregate: 'weighted_average',
      weight: 'total',
    });
    def.rules[0]!.fields = ['total'];
    const renamed = renameFieldKey(toDraft(def), 'total', 'tasks');
    const out = fromDraft(renamed);
    const rate = out.sections[0]!.subsections[0]!.fields[0]!;
    expect(rate.type === 'computed' && rate.formula).toBe('pct(done, tasks)');
    const share = out.sections[1]!.fields[1]!;
    expect(share.type === 'percent' && share.weight).toBe('tasks');
    expect(out.rules[0]!.expression).toBe('done <= tasks');
    expect(out.rules[0]!.fields).toEqual(['tasks']);
    // the field itself is the caller's
    expect(out.sections[0]!.fields[0]!.key).toBe('total');
  });
});

describe('local checks', () => {
  it('finds missing labels, bad and repeated keys, empty rules', () => {
    const def = sample();
    def.sections[0]!.fields[1]!.key = 'total';
    def.sections[1]!.fields[0]!.label = { vi: 'Ghi chú', en: ' ' };
    def.sections[0]!.subsections[0]!.title = { vi: '', en: 'x' };
    def.rules.push({ key: 'r2', expression: ' ', message: text('M'), severity: 'warning' });
    def.name = { vi: 'Tên', en: '' };
    const draft = toDraft(def);
    const issues = localIssues(draft);
    expect(issues).toContainEqual({ at: 'form', issue: 'name' });
    expect(issues).toContainEqual({ at: draft.sections[0]!.fields[1]!.uid, issue: 'keyTaken' });
    expect(issues).toContainEqual({ at: draft.sections[0]!.fields[0]!.uid, issue: 'keyTaken' });
    expect(issues).toContainEqual({ at: draft.sections[1]!.fields[0]!.uid, issue: 'label' });
    expect(issues).toContainEqual({ at: draft.sections[0]!.subsections[0]!.uid, issue: 'label' });
    expect(issues).toContainEqual({ at: 'rule:1', issue: 'expression' });
    expect(localIssues(toDraft(sample()))).toEqual([]);
    expect(localIssues(toDraft(minimalDefinition('new-form', text('Mới'))))).toEqual([]);
  });

  it('checks table columns, rows and options', () => {
    const t = newField('table', 'tbl', text('Bảng'));
    if (t.type !== 'table') throw new Error('table');
    t.columns.push(newColumn('choice', 'column_1', text('Lựa chọn')));
    t.fixedRows = [
      { key: 'row_1', label: text('Dòng 1') },
      { key: 'Row 2', label: text('Dòng 2') },
    ];
    const draft = insertField(toDraft(minimalDefinition('x', text('X'))), { section: 0, sub: null }, t);
    expect(localIssues(draft)).toEqual([
      { at: t.uid, issue: 'keyTaken', part: 'column:2' },
      { at: t.uid, issue: 'key', part: 'row:2' },
    ]);
  });
});

describe('server problems', () => {
  it('places problems by field, by rule named in the sentence, or as general', () => {
    const problems = [
      { key: 'a', field: 'total', severity: 'error', message: '«Tổng»: …' },
      { key: 'b', field: null, severity: 'error', message: 'Quy tắc kiểm tra «done_le_total»: …' },
      { key: 'c', field: null, severity: 'error', message: 'Biểu mẫu: …' },
      { key: 'd', field: 'total', severity: 'warning', message: '«Tổng»: …' },
      { key: 'e', field: 'definition', severity: 'error', message: 'x' },
    ];
    const placed = placeProblems(problems, ['done_le_total']);
    expect(placed.byField.get('total')?.map((p) => p.key)).toEqual(['a', 'd']);
    expect(placed.byRule.get('done_le_total')?.map((p) => p.key)).toEqual(['b']);
    expect(placed.general.map((p) => p.key)).toEqual(['c', 'e']);
    const draft = toDraft(sample());
    expect(problemCount(placed, draft.sections[0]!)).toBe(2);
    expect(problemCount(placed, draft.sections[0]!.fields[0]!)).toBe(2);
    expect(problemCount(placed, draft.sections[1]!)).toBe(0);
  });
});

describe('saved or not', () => {
  it('compares definitions whatever the order of properties', () => {
    const def = sample();
    const draft = toDraft(def);
    const { sections, ...rest } = def;
    const reordered = { sections, ...Object.fromEntries(Object.entries(rest).reverse()) } as FormDefinition;
    expect(Object.keys(reordered)[0]).toBe('sections');
    expect(sameDefinition(draft, reordered)).toBe(true);
    expect(sameDefinition(draft, { ...def, sections: [...def.sections].reverse() })).toBe(false);
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
    const changed = replaceField(draft, draft.sections[0]!.fields[0]!.uid, {
      ...draft.sections[0]!.fields[0]!,
      label: text('Khác'),
    });
    expect(sameDefinition(changed, def)).toBe(false);
  });

  it('keeps the uids where the saved outline has the same shape', () => {
    const def = sample();
    const draft = toDraft(def);
    const saved = sample();
    saved.sections[0]!.fields[0]!.label = text('Đã đổi');
    const next = rebase(draft, saved);
    expect(next.sections[0]!.uid).toBe(draft.sections[0]!.uid);
    expect(next.sections[0]!.fields[1]!.uid).toBe(draft.sections[0]!.fields[1]!.uid);
    expect(next.sections[0]!.subsections[0]!.fields[0]!.uid).toBe(
      draft.sections[0]!.subsections[0]!.fields[0]!.uid,
    );
    expect(next.sections[0]!.fields[0]!.label.vi).toBe('Đã đổi');
    expect(sameDefinition(next, saved)).toBe(true);
  });
});
