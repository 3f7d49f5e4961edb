import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFORM_AREAS, REFORM_AREA_LABELS } from '../../tasks/index.js';
import { checkForm, validateForm } from './check-form.js';
import { consolidate, trace } from './consolidate.js';
import { evaluate, isComplete, type FormValues } from './evaluate.js';
import { formFields, FormVersion, isNumeric, type Field } from './form-definition.js';
import { describeProblem } from './messages.js';

const FOLDER = path.resolve(import.meta.dirname, '../../../data/reports/forms');
const FILES = [
  'provincial-par-report',
  'unit-par-report',
  'pilot-unit-report',
  'member-report',
  'programme-review',
] as const;
const raw = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FOLDER, `${name}.json`), 'utf8'));
const load = (name: string) => FormVersion.parse(raw(name));

const NQ76 = 'Nghị quyết số 76/NQ-CP';
const BNV581 = '581/BNV-CCHC';

describe('the shipped default forms (server/data/reports/forms)', () => {
  it('are exactly the four forms of issue 13 and the programme review of issue 18, each file named by its key', () => {
    expect(fs.readdirSync(FOLDER).sort()).toEqual(FILES.map((f) => `${f}.json`).sort());
    for (const name of FILES) expect(load(name).key).toBe(name);
  });
  it.each(FILES)('%s passes the schema and checkForm with no problems', (name) => {
    const { form, problems } = validateForm(raw(name));
    expect(problems.map((p) => describeProblem(p, 'vi', form ?? undefined))).toEqual([]);
    expect(form).not.toBeNull();
  });
  it.each(FILES)('%s cites its legal source in its description and legal basis', (name) => {
    const form = load(name);
    expect(form.description?.vi).toMatch(/(Nghị quyết|Nghị định|Văn bản|Quyết định|Quy chế) số? ?/);
    expect(form.legalBasis.length).toBeGreaterThan(0);
    expect(form.legalBasis.join('\n')).toContain(NQ76);
  });
  it.each(FILES)(
    '%s: sections numbered I., II., … in order; every label written in Vietnamese and English',
    (name) => {
      const form = load(name);
      const roman = ['I.', 'II.', 'III.', 'IV.', 'V.'];
      expect(form.sections.map((s) => s.numbering)).toEqual(roman.slice(0, form.sections.length));
      for (const s of form.sections)
        expect(s.subsections.map((x) => x.numbering)).toEqual(s.subsections.map((_, i) => `${i + 1}.`));
      for (const { field } of formFields(form)) {
        expect(field.label.vi).not.toBe(field.label.en);
        expect(field.label.vi).toMatch(/\P{ASCII}/u);
      }
    },
  );
});

describe(`the provincial report follows the outline of guidance ${BNV581}`, () => {
  const form = load('provincial-par-report');
  it('I. direction, II. results, III. assessment, IV. next-period tasks, V. proposals', () => {
    expect(form.sections.map((s) => [s.numbering, s.title.vi])).toEqual([
      ['I.', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'],
      ['II.', 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH'],
      ['III.', 'ĐÁNH GIÁ CHUNG'],
      ['IV.', 'NHIỆM VỤ TRỌNG TÂM KỲ TỚI'],
      ['V.', 'ĐỀ XUẤT, KIẾN NGHỊ'],
    ]);
    expect(form.legalBasis.join('\n')).toContain(BNV581);
  });
  it(`II. has the six areas of ${NQ76} (master programme 2021–2030), in its order`, () => {
    expect(form.sections[1]!.subsections.map((s) => s.title.vi)).toEqual([
      'Cải cách thể chế',
      'Cải cách thủ tục hành chính',
      'Cải cách tổ chức bộ máy hành chính nhà nước',
      'Cải cách chế độ công vụ',
      'Cải cách tài chính công',
      'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
    ]);
    for (const area of form.sections[1]!.subsections) {
      const numeric = area.fields.filter((f) => isNumeric(f) || f.type === 'table');
      expect(numeric.length, area.key).toBeGreaterThan(0);
      expect(
        area.fields.some((f) => f.type === 'narrative' && f.required),
        area.key,
      ).toBe(true);
    }
  });
  it('III. assessment: results, shortcomings, causes', () => {
    expect(form.sections[2]!.subsections.map((s) => s.title.vi)).toEqual([
      'Kết quả đạt được',
      'Tồn tại, hạn chế',
      'Nguyên nhân',
    ]);
  });
  it('the reform-area choices are the seven areas the plan tasks use (six of NQ 76 plus direction)', () => {
    for (const name of ['provincial-par-report', 'unit-par-report', 'pilot-unit-report']) {
      for (const { field } of formFields(load(name))) {
        if (field.type !== 'table') continue;
        for (const c of field.columns)
          if (c.key === 'area' && c.type === 'choice') {
            expect(c.options.map((o) => o.key)).toEqual([...REFORM_AREAS]);
            expect(c.options.map((o) => o.label.vi)).toEqual(
              REFORM_AREAS.map((a) => REFORM_AREA_LABELS[a].vi),
            );
          }
      }
    }
  });
  it('prefill sources are declared where the system has the figures', () => {
    const prefills = formFields(form)
      .map(({ field }) => ('prefill' in field ? field.prefill : undefined))
      .filter(Boolean);
    expect(prefills).toEqual(
      expect.arrayContaining([
        'plan.tasks.total',
        'plan.tasks.verified',
        'dossiers.received',
        'dossiers.resolvedLate',
      ]),
    );
  });
});

describe('the unit report consolidates into the provincial report', () => {
  const unitForm = load('unit-par-report');
  const provincial = load('provincial-par-report');
  it('every field of the unit form has the same key and type in the provincial form', () => {
    const prov = new Map<string, Field>(formFields(provincial).map((p) => [p.field.key, p.field]));
    for (const { field } of formFields(unitForm)) {
      const there = prov.get(field.key);
      expect(there?.type, field.key).toBe(field.type);
    }
  });
  it('the same rules hold in both, for the fields they share', () => {
    const provRules = new Map(provincial.rules.map((r) => [r.key, r.expression]));
    for (const r of unitForm.rules)
      if (provRules.has(r.key)) expect(provRules.get(r.key), r.key).toBe(r.expression);
  });
});

/** A filled unit report: Hà Tĩnh-like figures (6 months 2022: 99,85% on time). */
function unitValues(scale: number, name: string): Record<string, unknown> {
  const n = (x: number) => Math.round(x * scale);
  const received = n(2000);
  const online = n(600);
  const resolvedLate = n(3);
  const processing = n(400);
  const carried = n(100);
  const withdrawn = n(10);
  const onTime = carried + received - withdrawn - resolvedLate - processing;
  return {
    plan_issued: 'issued',
    plan_tasks_total: 20,
    plan_tasks_done: 11,
    plan_text: `${name}: ban hành kế hoạch CCHC năm 2026, phân công cụ thể.`,
    subunits_total: 10,
    subunits_inspected: 5,
    inspection_issues: 4,
    inspection_issues_fixed: 3,
    inspection_text: 'Tự kiểm tra 5 đơn vị trực thuộc.',
    communication_items: 12,
    communication_text: 'Đăng tải **12** tin, bài trên cổng thông tin.',
    survey_respondents: n(300),
    satisfaction_rate: 90 + scale,
    initiatives: [
      {
        cells: { name: `Sáng kiến của ${name}`, area: 'procedures', result: 'Rút ngắn thời gian giải quyết' },
      },
    ],
    legal_docs_reviewed: 15,
    legal_docs_flagged: 2,
    institutions_text: 'Rà soát 15 văn bản.',
    dossiers_carried_over: carried,
    dossiers_received: received,
    dossiers_received_online: online,
    dossiers_withdrawn: withdrawn,
    dossiers_resolved_on_time: onTime,
    dossiers_resolved_late: resolvedLate,
    dossiers_processing: processing,
    dossiers_processing_overdue: 0,
    pakn_received: 5,
    pakn_resolved: 5,
    procedures_text: 'Thực hiện cơ chế một cửa.',
    staff_quota: 40,
    staff_actual: 38,
    apparatus_text: 'Kiện toàn tổ chức.',
    officials_trained: 60,
    officials_disciplined: 0,
    civil_service_text: 'Đào tạo, bồi dưỡng 60 lượt.',
    public_investment_plan: 10000,
    public_investment_disbursed: 4500,
    public_finance_text: 'Giải ngân 45%.',
    docs_sent_total: 500,
    docs_sent_electronic: 490,
    dossiers_digitised: n(1500),
    digital_text: 'Số hóa hồ sơ.',
    results_text: 'Hoàn thành các chỉ tiêu.',
    shortcomings_text: 'Một số hồ sơ trễ hạn.',
    causes_text: 'Hạ tầng chưa đồng bộ.',
    next_tasks_text: '1. Nâng tỷ lệ hồ sơ trực tuyến.\n2. Số hóa kết quả.',
  };
}

describe('a unit report filled as a department would, then consolidated (issue 13 "Done when")', () => {
  const form = load('unit-par-report');
  const a = evaluate(form, unitValues(1, 'Sở Tư pháp'));
  const b = evaluate(form, unitValues(2, 'Xã Anh Sơn'));
  it('is complete, with its indicators computed', () => {
    expect(a.problems.map((p) => describeProblem(p, 'vi', form))).toEqual([]);
    expect(isComplete(a)).toBe(true);
    expect(a.values).toMatchObject({
      plan_tasks_done_rate: 55,
      dossiers_to_process: 2090,
      dossiers_resolved: 1690,
      dossiers_on_time_rate: 99.82,
      dossiers_online_rate: 30,
      e_docs_rate: 98,
      digitisation_rate: 75,
      initiatives_count: 1,
    });
  });
  it('a report whose dossier figures do not balance names the fields', () => {
    const bad = evaluate(form, { ...unitValues(1, 'Sở Y tế'), dossiers_processing: 401 });
    const failed = bad.problems.filter((p) => p.key === 'reports.value.rule_failed');
    expect(failed.map((p) => p.params.rule)).toEqual(['dossiers_balance']);
    expect(failed[0]!.fields).toContain('dossiers_processing');
    expect(isComplete(bad)).toBe(false);
  });
  it('consolidates: counts summed, rates recomputed, satisfaction weighted, narratives compiled, traceable', () => {
    const c = consolidate(form, {
      reports: [
        { unitId: 'stp', unitName: 'Sở Tư pháp', values: a.values },
        { unitId: 'xas', unitName: 'Xã Anh Sơn', values: b.values },
      ],
      notSubmitted: [{ unitId: 'syt', unitName: 'Sở Y tế' }],
    });
    expect(c.values).toMatchObject({
      dossiers_received: 6000,
      dossiers_resolved_late: 9,
      plan_tasks_total: 40,
    });
    expect(c.values.dossiers_on_time_rate).toBe(99.82);
    // (91 × 300 + 92 × 600) / 900
    expect(c.values.satisfaction_rate).toBeCloseTo(91.6667, 4);
    expect(c.fields.plan_issued).toMatchObject({ kind: 'choice', counts: { issued: 2, not_issued: 0 } });
    expect(c.values.initiatives_count).toBe(2);
    expect(c.sections.find((s) => s.key === 'plan')!.narratives[0]!.entries.map((e) => e.unitName)).toEqual([
      'Sở Tư pháp',
      'Xã Anh Sơn',
    ]);
    expect(trace(c, 'dossiers_received')).toEqual([
      { unitId: 'stp', unitName: 'Sở Tư pháp', value: 2000 },
      { unitId: 'xas', unitName: 'Xã Anh Sơn', value: 4000 },
    ]);
    expect(c.notSubmitted.map((u) => u.unitName)).toEqual(['Sở Y tế']);
  });
  it('the consolidated figures feed the provincial form: every unit figure has a provincial field to go to', () => {
    const provincial = load('provincial-par-report');
    const c = consolidate(form, { reports: [{ unitId: 'stp', unitName: 'Sở Tư pháp', values: a.values }] });
    const draft: FormValues = {};
    for (const { field } of formFields(provincial))
      if (Object.hasOwn(c.values, field.key)) draft[field.key] = c.values[field.key]!;
    expect(Object.keys(draft).length).toBe(Object.keys(c.values).length);
    expect(checkForm(provincial)).toEqual([]);
  });
});

describe('the pilot-unit and member forms', () => {
  it('a pilot unit reports each item; the table count is checked against the items assigned', () => {
    const form = load('pilot-unit-report');
    const r = evaluate(form, {
      direction_text: 'Xây dựng kế hoạch thực hiện.',
      pilot_items_total: 2,
      pilot_items_done: 1,
      pilot_items_in_progress: 1,
      pilot_items: [
        {
          cells: {
            item: 'Số hóa 100% hồ sơ',
            area: 'digital_government',
            status: 'done',
            progress: 100,
            result: 'Đã số hóa.',
          },
        },
      ],
      shortcomings_text: 'Chậm.',
      next_tasks_text: 'Hoàn thành nội dung còn lại.',
    });
    expect(r.values.pilot_items_done_rate).toBe(50);
    expect(r.problems.map((p) => [p.params.rule, p.severity])).toEqual([
      ['items_table_matches_total', 'warning'],
    ]);
    expect(isComplete(r)).toBe(true);
  });
  it('a member reports on the units they follow, with totals computed over the rows', () => {
    const form = load('member-report');
    const r = evaluate(form, {
      followed_units: [
        {
          cells: {
            unit: 'Sở Tư pháp',
            tasks_total: 8,
            tasks_done: 6,
            tasks_overdue: 1,
            on_time_rate: 99.5,
            grade: 'good',
          },
        },
        {
          cells: { unit: 'Phường Vinh Phú', tasks_total: 12, tasks_done: 6, tasks_overdue: 3, grade: 'fair' },
        },
      ],
      results_text: 'Các đơn vị hoàn thành cơ bản nhiệm vụ.',
      shortcomings_text: 'Còn nhiệm vụ quá hạn.',
      proposals_text: 'Đề nghị Ban Chỉ đạo đôn đốc.',
    });
    expect(r.problems).toEqual([]);
    expect(r.values).toMatchObject({
      units_followed: 2,
      member_tasks_total: 20,
      member_tasks_done_rate: 60,
      member_tasks_overdue: 4,
    });
  });
});
