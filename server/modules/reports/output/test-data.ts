/** Realistic Nghệ An figures on the shipped forms, for the tests of this folder. */
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, validateForm, type FormValues, type FormVersion } from '../form/index.js';

const FOLDER = path.resolve(import.meta.dirname, '../../../data/reports/forms');

/** A shipped form, checked as the service loads it. */
export function shippedForm(name: 'provincial-par-report' | 'unit-par-report'): FormVersion {
  const { form, problems } = validateForm(
    JSON.parse(fs.readFileSync(path.join(FOLDER, `${name}.json`), 'utf8')),
  );
  if (!form || problems.length > 0) throw new Error(`${name}: ${JSON.stringify(problems)}`);
  return form;
}

/** The province's report for the third quarter of 2026 (inspections_surprise left empty). */
export const PROVINCE_Q3_2026: Record<string, unknown> = {
  plan_issued: 'issued',
  plan_tasks_total: 56,
  plan_tasks_done: 31,
  units_plan_expected: 150,
  units_plan_issued: 150,
  plan_text:
    'Ngày 15/01/2026, UBND tỉnh ban hành **Kế hoạch số 25/KH-UBND** về cải cách hành chính năm 2026.\n' +
    'Các sở, ban, ngành và UBND cấp xã đã ban hành *kế hoạch CCHC* của cơ quan, đơn vị mình.',
  inspections_planned: 24,
  inspections_done: 18,
  inspections_surprise: null,
  inspection_text: 'Đoàn kiểm tra CCHC của tỉnh đã kiểm tra 18/24 cơ quan, đơn vị theo kế hoạch.',
  communication_items: 1234,
  communication_text: 'Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh duy trì chuyên mục CCHC.',
  survey_respondents: 12500,
  satisfaction_rate: 85.5,
  initiatives: [
    {
      cells: {
        name: 'Mô hình "Bộ phận Một cửa không giấy" tại phường Trường Vinh',
        area: 'procedures',
        result: 'Giảm 40% thời gian chờ',
      },
    },
  ],
  legal_docs_issued: 42,
  legal_docs_reviewed: 310,
  legal_docs_flagged: 27,
  institutions_text: 'HĐND, UBND tỉnh ban hành 42 văn bản quy phạm pháp luật.',
  procedures_by_level: [
    { key: 'province', cells: { in_force: 1234, online_full: 567, online_partial: 420 } },
    { key: 'commune', cells: { in_force: 456, online_full: 210, online_partial: 180 } },
  ],
  dossiers_carried_over: 8766,
  dossiers_received: 152347,
  dossiers_received_online: 121878,
  dossiers_withdrawn: 113,
  dossiers_resolved_on_time: 147750,
  dossiers_resolved_late: 2250,
  dossiers_processing: 11000,
  dossiers_processing_overdue: 95,
  procedures_text: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt **98,5%**.',
  public_units_total: 1402,
  apparatus_text: 'Tiếp tục sắp xếp tổ chức bộ máy sau hợp nhất đơn vị hành chính cấp xã.',
  civil_service_text: 'Tổ chức 12 lớp bồi dưỡng cho cán bộ, công chức cấp xã.',
  public_finance_text: 'Giải ngân vốn đầu tư công đạt khá.',
  digital_text: 'Vận hành Hệ thống thông tin giải quyết TTHC tỉnh.',
  results_text: 'Công tác CCHC quý III đạt nhiều kết quả tích cực.',
  shortcomings_text: 'Một số đơn vị còn để hồ sơ quá hạn.',
  causes_text: 'Hạ tầng số ở một số xã miền núi còn hạn chế.',
  next_tasks_text: '1. Đẩy mạnh thanh toán trực tuyến.\n2. Số hóa hồ sơ TTHC.',
};

export function provinceValues(): FormValues {
  return evaluate(shippedForm('provincial-par-report'), PROVINCE_Q3_2026).values;
}

/** Four units' reports on the unit form, and one unit that did not submit. */
export const UNITS = [
  { unitId: 'snv', unitName: 'Sở Nội vụ' },
  { unitId: 'stp', unitName: 'Sở Tư pháp' },
  { unitId: 'p-truong-vinh', unitName: 'UBND phường Trường Vinh' },
  { unitId: 'x-dien-chau', unitName: 'UBND xã Diễn Châu' },
  { unitId: 'x-con-cuong', unitName: 'UBND xã Con Cuông' },
] as const;

const unitRaw = (o: {
  received: number;
  onTime: number;
  late: number;
  processing: number;
  respondents: number | null;
  satisfaction: number | null;
}): Record<string, unknown> => ({
  plan_issued: 'issued',
  plan_tasks_total: 20,
  plan_tasks_done: 12,
  subunits_total: 4,
  subunits_inspected: 2,
  legal_docs_reviewed: 10,
  legal_docs_flagged: 1,
  dossiers_carried_over: 0,
  dossiers_received: o.received,
  dossiers_received_online: Math.round(o.received * 0.8),
  dossiers_withdrawn: 0,
  dossiers_resolved_on_time: o.onTime,
  dossiers_resolved_late: o.late,
  dossiers_processing: o.processing,
  dossiers_processing_overdue: 0,
  survey_respondents: o.respondents,
  satisfaction_rate: o.satisfaction,
  plan_text: 'Đã ban hành **kế hoạch CCHC** năm 2026.',
});

export const UNIT_RAWS: Record<string, Record<string, unknown>> = {
  snv: unitRaw({ received: 1234, onTime: 1200, late: 4, processing: 30, respondents: 400, satisfaction: 90 }),
  stp: unitRaw({ received: 860, onTime: 850, late: 0, processing: 10, respondents: 600, satisfaction: 95 }),
  'p-truong-vinh': unitRaw({
    received: 5120,
    onTime: 5000,
    late: 20,
    processing: 100,
    respondents: 1000,
    satisfaction: 80,
  }),
  // Left the survey empty: never a 0.
  'x-dien-chau': unitRaw({
    received: 2310,
    onTime: 2300,
    late: 0,
    processing: 10,
    respondents: null,
    satisfaction: null,
  }),
};
