/**
 * The toy survey of this folder's tests: small enough to reason about by hand, with every kind of item.
 *
 *   info   gioi_tinh   single   nam | nu                                   required
 *          tuoi        number   15–100, whole
 *          kenh        single   truc_tiep | truc_tuyen | buu_chinh        required
 *   rate   chung       likert5  scale "hl", "không ý kiến" allowed        required   element A
 *          bang        matrix   r1 (A), r2 (A), r3 (B, indexKey 3.6.2)    required   scale "hl"
 *          gop_y       single   co | khong                                required
 *          gop_y_hl    likert5  shown if gop_y = co                        required   element B
 *          ly_do       text     ≤ 200 characters, shown if gop_y_hl ≤ 2   (a chain: hidden when gop_y_hl is)
 *          mong_muon   multiple a | b | c | none (exclusive), 1–2 choices
 */
import { SATISFACTION_SCALE, type SurveyDefinition } from './definition.js';
import type { Text } from './text.js';

export const t = (vi: string, en = ''): Text => ({ vi, en });

export function toyDefinition(): SurveyDefinition {
  return {
    title: t('Phiếu thử', 'Toy survey'),
    scales: { hl: structuredClone(SATISFACTION_SCALE) },
    elements: [
      { code: 'A', name: t('Yếu tố A', 'Element A') },
      { code: 'B', name: t('Yếu tố B', 'Element B') },
    ],
    sections: [
      {
        code: 'info',
        title: t('Thông tin', 'About you'),
        items: [
          {
            code: 'gioi_tinh',
            kind: 'single',
            text: t('Giới tính', 'Gender'),
            required: true,
            choices: [
              { code: 'nam', label: t('Nam', 'Male') },
              { code: 'nu', label: t('Nữ', 'Female') },
            ],
          },
          { code: 'tuoi', kind: 'number', text: t('Tuổi', 'Age'), min: 15, max: 100, integer: true },
          {
            code: 'kenh',
            kind: 'single',
            text: t('Kênh', 'Channel'),
            required: true,
            choices: [
              { code: 'truc_tiep', label: t('Trực tiếp', 'In person') },
              { code: 'truc_tuyen', label: t('Trực tuyến', 'Online') },
              { code: 'buu_chinh', label: t('Bưu chính', 'Post') },
            ],
          },
        ],
      },
      {
        code: 'rate',
        title: t('Đánh giá', 'Ratings'),
        items: [
          {
            code: 'chung',
            kind: 'likert5',
            text: t('Hài lòng chung', 'Overall satisfaction'),
            required: true,
            scale: 'hl',
            allowNa: true,
            element: 'A',
          },
          {
            code: 'bang',
            kind: 'matrix',
            text: t('Các tiêu chí', 'The criteria'),
            required: true,
            scale: 'hl',
            element: 'A',
            rows: [
              { code: 'r1', text: t('Tiêu chí 1', 'Criterion 1') },
              { code: 'r2', text: t('Tiêu chí 2', 'Criterion 2') },
              { code: 'r3', text: t('Tiêu chí 3', 'Criterion 3'), element: 'B', indexKey: '3.6.2' },
            ],
          },
          {
            code: 'gop_y',
            kind: 'single',
            text: t('Có góp ý không', 'Gave feedback'),
            required: true,
            choices: [
              { code: 'co', label: t('Có', 'Yes') },
              { code: 'khong', label: t('Không', 'No') },
            ],
          },
          {
            code: 'gop_y_hl',
            kind: 'likert5',
            text: t('Hài lòng về xử lý góp ý', 'Satisfaction with feedback handling'),
            required: true,
            scale: 'hl',
            element: 'B',
            showIf: { item: 'gop_y', op: 'eq', value: 'co' },
          },
          {
            code: 'ly_do',
            kind: 'text',
            text: t('Vì sao chưa hài lòng', 'Why not satisfied'),
            maxLength: 200,
            showIf: { item: 'gop_y_hl', op: 'lte', value: 2 },
          },
          {
            code: 'mong_muon',
            kind: 'multiple',
            text: t('Mong muốn', 'Wishes'),
            minSelections: 1,
            maxSelections: 2,
            choices: [
              { code: 'a', label: t('A') },
              { code: 'b', label: t('B') },
              { code: 'c', label: t('C') },
              { code: 'none', label: t('Không có', 'None'), exclusive: true },
            ],
          },
        ],
      },
    ],
  };
}

/** A complete valid response to the toy survey (feedback given, rated 2: the reason shown). */
export function toyAnswers(): Record<string, unknown> {
  return {
    gioi_tinh: 'nu',
    tuoi: 34,
    kenh: 'truc_tiep',
    chung: 4,
    bang: { r1: 5, r2: 4, r3: 3 },
    gop_y: 'co',
    gop_y_hl: 2,
    ly_do: 'Chậm trả lời',
    mong_muon: ['b', 'a'],
  };
}
