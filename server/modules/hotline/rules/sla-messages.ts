/**
 * The words for each problem of a deadline rule set (`validateSlaRules` in ./sla.ts), shown under the field of the
 * settings page that holds the value (Vietnamese first). `{min}` and `{max}` are working days.
 */
export const SLA_MESSAGES = {
  'hotline.sla.required': { vi: 'Vui lòng nhập thông tin này.', en: 'Please fill this in.' },
  'hotline.sla.basis_missing': {
    vi: 'Cần nêu ít nhất một căn cứ (văn bản quy định thời hạn).',
    en: 'Cite at least one basis (the document that sets the deadlines).',
  },
  'hotline.sla.basis_bilingual': {
    vi: 'Mỗi căn cứ cần có cả tiếng Việt và tiếng Anh.',
    en: 'Every basis needs its Vietnamese and English text.',
  },
  'hotline.sla.days_range': {
    vi: 'Nhập số nguyên từ {min} đến {max} ngày làm việc.',
    en: 'Enter a whole number from {min} to {max} working days.',
  },
  'hotline.sla.forward_law': {
    vi: 'Nhập số nguyên từ {min} đến {max}: luật định chuyển trong 5 ngày làm việc (Nghị định 20/2008/NĐ-CP).',
    en: 'Enter a whole number from {min} to {max}: the law says within 5 working days (Decree 20/2008/NĐ-CP).',
  },
  'hotline.sla.triage_after_forward': {
    vi: 'Thời hạn phân loại không được dài hơn thời hạn chuyển cơ quan có thẩm quyền (phân loại trước rồi mới chuyển).',
    en: 'Classifying may not take longer than forwarding (a case is classified before it is forwarded).',
  },
  'hotline.sla.unknown_classification': {
    vi: 'Loại phản ánh không có trong Nghị định 20/2008/NĐ-CP.',
    en: 'Not a classification of Decree 20/2008/NĐ-CP.',
  },
  'hotline.sla.set_by_forwarding': {
    vi: 'Phản ánh không thuộc thẩm quyền theo thời hạn chuyển, không có thời hạn trả lời riêng.',
    en: 'Feedback outside the authority follows the forwarding deadline; it has no answer deadline of its own.',
  },
  'hotline.sla.set_by_triage': {
    vi: 'Phản ánh không được tiếp nhận được trả lời trong thời hạn phân loại, không có thời hạn trả lời riêng.',
    en: 'Feedback not accepted is answered within the classification deadline; it has no answer deadline of its own.',
  },
  'hotline.sla.empty_category': {
    vi: 'Chọn lĩnh vực cho thời hạn riêng.',
    en: 'Choose the category of this deadline.',
  },
} as const;
