/** The periodic reports' own messages (vi first, en), joined to the catalogs by ./reports.module.ts. */
export const REPORTS_MESSAGES = {
  'reports.rule.not_allowed_now': {
    vi: 'Báo cáo đang ở trạng thái không cho phép thao tác này.',
    en: 'The report is not in a state that allows this.',
  },
  'reports.rule.not_your_step': {
    vi: 'Bước này không thuộc quyền của bạn (người đứng đầu đơn vị gửi báo cáo; cơ quan thường trực tiếp nhận hoặc trả lại).',
    en: "This step is not yours (the unit's leader submits; the standing agency accepts or returns).",
  },
  'reports.rule.reason_required': { vi: 'Cần nêu lý do.', en: 'A reason is required.' },
  'reports.rule.has_errors': {
    vi: 'Báo cáo còn {count} lỗi, chưa gửi được: sửa các chỉ tiêu được nêu rồi gửi lại.',
    en: 'The report still has {count} errors and cannot be submitted: correct the fields listed and submit again.',
  },
  'reports.rule.due_date_required': { vi: 'Cần chọn hạn mới.', en: 'A new deadline is required.' },
  'reports.rule.due_date_not_later': {
    vi: 'Hạn mới phải sau hạn hiện tại.',
    en: 'The new deadline must be later than the current one.',
  },
  'reports.rule.round_closed': { vi: 'Kỳ báo cáo đã đóng.', en: 'The reporting round is closed.' },
  'reports.rule.locked': {
    vi: 'Báo cáo đã được tiếp nhận và khóa, không thay đổi được nữa.',
    en: 'The report has been accepted and is locked.',
  },
  'reports.form.invalid': {
    vi: 'Biểu mẫu có {count} vấn đề cần sửa (xem từng chỉ tiêu).',
    en: 'The form has {count} problems to correct (see each field).',
  },
  'reports.form.draft_exists': {
    vi: 'Biểu mẫu đang có bản dự thảo phiên bản {number}: sửa hoặc ban hành bản đó.',
    en: 'The form already has a draft (version {number}): edit or publish it.',
  },
  'reports.form.key_taken': { vi: 'Mã biểu mẫu "{key}" đã có.', en: 'The form key "{key}" is taken.' },
  'reports.form.published_fixed': {
    vi: 'Phiên bản đã ban hành không sửa, không xóa được: tạo phiên bản mới.',
    en: 'A published version cannot be changed or removed: create a new version.',
  },
  'reports.assignment.period_type': { vi: 'Loại kỳ báo cáo không hợp lệ.', en: 'Unknown period type.' },
  'reports.assignment.kinds_required': {
    vi: 'Chọn ít nhất một loại đơn vị.',
    en: 'Choose at least one kind of unit.',
  },
  'reports.assignment.range': {
    vi: 'Ngày hết hiệu lực phải từ ngày bắt đầu trở đi.',
    en: 'The end date cannot be before the start date.',
  },
  'reports.assignment.form_unknown': { vi: 'Không có biểu mẫu này.', en: 'No such form.' },
  'reports.assignment.unit_unknown': { vi: 'Không có đơn vị này.', en: 'No such unit.' },
  'reports.round.period_invalid': {
    vi: 'Kỳ báo cáo không hợp lệ (ví dụ 2026-Q3, 2026-H1, 2026-Y).',
    en: 'Invalid period (e.g. 2026-Q3, 2026-H1, 2026-Y).',
  },
  'reports.round.no_published_version': {
    vi: 'Biểu mẫu chưa có phiên bản ban hành.',
    en: 'The form has no published version.',
  },
  'reports.round.exists': {
    vi: 'Kỳ báo cáo này đã được mở.',
    en: 'This reporting round is already open.',
  },
  'reports.round.nobody_expected': {
    vi: 'Không có đơn vị nào được phân công báo cáo biểu mẫu này cho kỳ này: thêm phân công trước.',
    en: 'No unit is assigned this form for this period: add an assignment first.',
  },
  'reports.round.closed': { vi: 'Kỳ báo cáo đã đóng.', en: 'The reporting round is closed.' },
  'reports.round.nothing_to_remind': {
    vi: 'Các đơn vị đã chọn đều đã gửi báo cáo.',
    en: 'The units chosen have all submitted.',
  },
  'reports.prefill.note_required': {
    vi: '{count} số liệu lấy từ hệ thống đã được sửa mà chưa ghi lý do.',
    en: '{count} figures taken from the system were changed without a note.',
  },
  'reports.prefill.note_required_field': {
    vi: '«{name}»: ghi lý do sửa số liệu hệ thống.',
    en: '«{name}»: give the reason for changing the system figure.',
  },
  'reports.member.not_session': {
    vi: 'Chỉ phiên họp của Ban Chỉ đạo mới đề nghị thành viên báo cáo.',
    en: 'Members report to a session of the committee only.',
  },
  'reports.member.exists': {
    vi: 'Đã đề nghị các thành viên báo cáo cho phiên họp này.',
    en: 'The members have already been asked to report to this session.',
  },
  'reports.member.due_after_session': {
    vi: 'Hạn gửi báo cáo không được sau ngày họp.',
    en: 'The reports cannot be due after the session.',
  },
  'reports.member.nobody_follows': {
    vi: 'Vào ngày họp, chưa thành viên nào được phân công theo dõi đơn vị.',
    en: 'On the day of the session no member follows any unit.',
  },
  'reports.entry.too_large': {
    vi: 'Nội dung báo cáo quá lớn.',
    en: 'The report is too large.',
  },
  'reports.consolidation.nothing_submitted': {
    vi: 'Chưa có báo cáo nào được gửi để tổng hợp.',
    en: 'No report has been submitted yet.',
  },
  'reports.consolidation.note_required': {
    vi: '{count} số liệu tổng hợp đã được sửa mà chưa ghi lý do.',
    en: '{count} consolidated figures were changed without a note.',
  },
  'reports.consolidation.note_required_field': {
    vi: '«{name}»: ghi lý do sửa số liệu tổng hợp từ báo cáo của các đơn vị.',
    en: "«{name}»: give the reason for changing the figure consolidated from the units' reports.",
  },
  'reports.consolidation.issued': {
    vi: 'Báo cáo tổng hợp đã ban hành, không sửa được nữa.',
    en: 'The consolidated report has been issued and cannot change.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
