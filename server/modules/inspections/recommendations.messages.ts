/**
 * Messages of the conclusions and recommendations of PAR inspections (vi first, en), joined to the catalogs by
 * ./inspections.module.ts.
 */
export const RECOMMENDATIONS_MESSAGES = {
  // The recommendation's workflow (./rules/recommendation-rules.ts).
  'recommendations.rule.invalid_transition': {
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của kiến nghị.',
    en: 'This action is not possible in the recommendation’s current status.',
  },
  'recommendations.rule.closed': {
    vi: 'Kiến nghị đã được xác nhận khắc phục xong nên không thể thay đổi.',
    en: 'The recommendation’s remediation has been verified: it is closed.',
  },
  'recommendations.rule.not_reported': {
    vi: 'Đơn vị chưa báo cáo kết quả khắc phục kiến nghị này: chưa thể xác nhận hoặc trả lại.',
    en: 'The unit has not reported the remediation of this recommendation: it cannot be verified or returned yet.',
  },
  'recommendations.rule.already_reported': {
    vi: 'Đơn vị đã báo cáo kết quả khắc phục; kiến nghị đang chờ Đoàn kiểm tra xem xét.',
    en: 'The remediation has been reported and awaits the inspection team’s review.',
  },
  'recommendations.rule.unit_only': {
    vi: 'Chỉ đơn vị thực hiện kiến nghị (đầu mối CCHC, lãnh đạo đơn vị) mới báo cáo kết quả khắc phục.',
    en: 'Only the unit responsible (its PAR focal point or leader) reports the remediation.',
  },
  'recommendations.rule.reviewer_only': {
    vi: 'Chỉ Đoàn kiểm tra (trưởng đoàn, thành viên) hoặc cơ quan thường trực mới xác nhận hoặc trả lại kết quả khắc phục.',
    en: 'Only the inspection team (its head or members) or the standing agency verifies or returns a remediation.',
  },
  'recommendations.rule.extend_only': {
    vi: 'Chỉ trưởng Đoàn kiểm tra hoặc cơ quan thường trực mới gia hạn thời hạn khắc phục.',
    en: 'Only the head of the inspection team or the standing agency extends a remediation deadline.',
  },
  'recommendations.rule.remediation_required': {
    vi: 'Cần nêu kết quả khắc phục đã thực hiện.',
    en: 'Describe the remediation carried out.',
  },
  'recommendations.rule.evidence_required': {
    vi: 'Cần đính kèm ít nhất một tài liệu minh chứng kết quả khắc phục.',
    en: 'Attach at least one piece of evidence of the remediation.',
  },
  'recommendations.rule.reason_required': { vi: 'Cần ghi rõ lý do.', en: 'A reason is required.' },
  'recommendations.rule.new_due_date_required': {
    vi: 'Cần chọn thời hạn khắc phục mới.',
    en: 'Choose the new remediation deadline.',
  },
  'recommendations.rule.new_due_date_too_far': {
    vi: 'Thời hạn mới không quá 5 năm sau thời hạn hiện tại.',
    en: 'The new deadline cannot be more than 5 years after the current one.',
  },
  'recommendations.rule.new_due_date_not_later': {
    vi: 'Thời hạn mới phải sau thời hạn hiện tại.',
    en: 'The new deadline must be later than the current one.',
  },
  // The conclusion (./conclusion.service.ts).
  'recommendations.conclusion.summary_required': {
    vi: 'Cần nhập nội dung kết luận chung của Đoàn kiểm tra.',
    en: 'Write the team’s overall conclusion.',
  },
  'recommendations.conclusion.text_required': {
    vi: 'Kiến nghị chưa có nội dung: hãy nhập nội dung hoặc bỏ kiến nghị.',
    en: 'A recommendation has no text: write it or remove it.',
  },
  'recommendations.conclusion.unit_not_allowed': {
    vi: 'Đơn vị thực hiện kiến nghị phải là đơn vị được kiểm tra hoặc một đơn vị trực thuộc.',
    en: 'The unit responsible must be the inspected unit or one of its sub-units.',
  },
  'recommendations.conclusion.due_before_conclusion': {
    vi: 'Thời hạn khắc phục không được trước ngày kết luận ({date}).',
    en: 'The remediation deadline cannot be before the conclusion date ({date}).',
  },
  'recommendations.conclusion.due_too_far': {
    vi: 'Thời hạn khắc phục không quá 5 năm kể từ ngày kết luận ({date}).',
    en: 'The remediation deadline cannot be more than 5 years after the conclusion date ({date}).',
  },
  'recommendations.conclusion.finding_unknown': {
    vi: 'Kiến nghị dẫn chiếu một kết quả kiểm tra không thuộc cuộc kiểm tra này.',
    en: 'The recommendation cites a finding that is not this inspection’s.',
  },
  'recommendations.conclusion.not_ready': {
    vi: 'Chỉ ban hành kết luận sau khi biên bản kiểm tra đã được ký (hiện tại: {state}).',
    en: 'A conclusion is issued once the inspection minutes are signed (now: {state}).',
  },
  'recommendations.conclusion.already_concluded': {
    vi: 'Cuộc kiểm tra đã có thông báo kết luận; không thể ban hành lần thứ hai.',
    en: 'The inspection already has its conclusion notice; it cannot be issued twice.',
  },
  'recommendations.conclusion.not_draftable': {
    vi: 'Cuộc kiểm tra đã kết luận hoặc đã hủy nên không sửa được dự thảo kết luận.',
    en: 'The inspection is concluded or cancelled: its draft conclusion can no longer change.',
  },
  'recommendations.conclusion.head_or_office_only': {
    vi: 'Chỉ trưởng Đoàn kiểm tra hoặc cơ quan thường trực mới soạn và ban hành kết luận kiểm tra.',
    en: 'Only the head of the inspection team or the standing agency drafts and issues the conclusion.',
  },
  'recommendations.conclusion.office_only': {
    vi: 'Chỉ cơ quan thường trực (Sở Nội vụ) mới ban hành kết luận kiểm tra; trưởng đoàn soạn dự thảo.',
    en: 'Only the standing agency issues the conclusion; the head of the team drafts it.',
  },
  'recommendations.conclusion.number_taken': {
    vi: 'Số {numberSymbol} đã có trong sổ văn bản năm {year}: hãy chọn số khác.',
    en: 'Number {numberSymbol} is already in the register for {year}: choose another.',
  },
  'recommendations.conclusion.issued_before_conducted': {
    vi: 'Ngày ban hành kết luận không được trước ngày kiểm tra ({date}).',
    en: 'The conclusion cannot be issued before the inspection was conducted ({date}).',
  },
  'recommendations.conclusion.issued_in_future': {
    vi: 'Ngày ban hành không được sau ngày hôm nay.',
    en: 'The issue date cannot be after today.',
  },
  'recommendations.conclusion.no_standing_agency': {
    vi: 'Chưa xác định được cơ quan thường trực (Sở Nội vụ) của tỉnh để ban hành văn bản; hãy chọn đơn vị ban hành khác.',
    en: 'The province’s standing agency is not known: choose another issuer.',
  },
} as const;
