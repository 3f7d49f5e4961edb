/**
 * The inspections' own messages (vi first, en), joined to the catalogs by ./inspections.module.ts. Dates in
 * `{date}` are ISO and shown dd/mm/yyyy by the catalog.
 */
export const INSPECTIONS_MESSAGES = {
  // The workflow (./rules/inspection-status.ts).
  'inspections.rule.not_allowed_now': {
    vi: 'Cuộc kiểm tra đang ở trạng thái không cho phép thao tác này.',
    en: 'The inspection is not in a state that allows this.',
  },
  'inspections.rule.not_your_step': {
    vi: 'Bước này không thuộc quyền của bạn (cơ quan thường trực lập kế hoạch, hủy và kết luận; trưởng đoàn bắt đầu kiểm tra và ký biên bản; thành viên đoàn ghi kết quả kiểm tra).',
    en: 'This step is not yours (the standing agency plans, cancels and concludes; the head of the team starts the inspection and signs the minutes; team members record findings).',
  },
  'inspections.rule.reason_required': { vi: 'Cần nêu lý do.', en: 'A reason is required.' },
  'inspections.rule.conducted_on_required': {
    vi: 'Cần ghi ngày đoàn tiến hành kiểm tra.',
    en: 'Enter the day the team inspected.',
  },
  'inspections.rule.conducted_on_future': {
    vi: 'Ngày kiểm tra không được sau hôm nay.',
    en: 'The day inspected cannot be later than today.',
  },
  // Dates and units (./rules/conflicts.ts).
  'inspections.dates_order': {
    vi: 'Ngày kết thúc dự kiến phải từ ngày bắt đầu trở đi.',
    en: 'The planned end must not be before the planned start.',
  },
  'inspections.dates_outside_year': {
    vi: 'Ngày kiểm tra phải nằm trong năm {year} của kế hoạch.',
    en: "The inspection's dates must fall within the plan's year {year}.",
  },
  'inspections.unit_ended': {
    vi: 'Đơn vị {name} đã kết thúc hoạt động từ sau ngày {date} (sắp xếp đơn vị), không thể kiểm tra vào thời gian này. Hãy chọn đơn vị kế thừa.',
    en: '{name} ended on {date} (reorganisation) and cannot be inspected then. Choose the unit that succeeds it.',
  },
  'inspections.unit_not_yet': {
    vi: 'Đơn vị {name} bắt đầu hoạt động từ ngày {date}, chưa có vào ngày kiểm tra dự kiến.',
    en: '{name} exists only from {date}, after the planned start.',
  },
  'inspections.unit_ends_during': {
    vi: 'Đơn vị {name} kết thúc hoạt động ngày {date}, trước khi đợt kiểm tra dự kiến kết thúc. Hãy rút ngắn thời gian kiểm tra hoặc chọn đơn vị kế thừa.',
    en: '{name} ends on {date}, before the planned end. Shorten the inspection or choose the unit that succeeds it.',
  },
  'inspections.unit_outside_province': {
    vi: 'Đơn vị được kiểm tra phải thuộc tỉnh của kế hoạch.',
    en: "The unit inspected must belong to the plan's province.",
  },
  'inspections.areas_required': {
    vi: 'Chọn ít nhất một nội dung kiểm tra (lĩnh vực cải cách hành chính) hoặc thêm nội dung riêng.',
    en: 'Choose at least one content area (reform area) or add an item of your own.',
  },
  // Plans and teams.
  'inspections.no_office_province': {
    vi: 'Bạn không phụ trách công tác kiểm tra cải cách hành chính của tỉnh nào (cần quyền cơ quan thường trực trên cấp tỉnh).',
    en: 'You do not run PAR inspections for any province (the standing agency’s role over a province is needed).',
  },
  'inspections.plan_year_taken': {
    vi: 'Tỉnh đã có kế hoạch kiểm tra năm {year}.',
    en: 'The province already has an inspection plan for {year}.',
  },
  'inspections.plan_approved': {
    vi: 'Kế hoạch đã được phê duyệt, không chuyển lại thành dự thảo.',
    en: 'The plan is approved and cannot go back to draft.',
  },
  'inspections.team_head_required': {
    vi: 'Đoàn kiểm tra cần có đúng một trưởng đoàn.',
    en: 'The team needs exactly one head.',
  },
  'inspections.member_not_inspector': {
    vi: 'Tài khoản {name} chưa có vai trò thành viên đoàn kiểm tra hoặc cán bộ cơ quan thường trực, nên chưa thể tham gia đoàn.',
    en: '{name} holds neither the inspector’s nor the standing agency’s role and cannot join the team yet.',
  },
  'inspections.member_inactive': {
    vi: 'Tài khoản này không còn hoạt động.',
    en: 'This account is no longer active.',
  },
  // Surprise inspections and proposals.
  'inspections.reason_required': {
    vi: 'Cần nêu lý do kiểm tra đột xuất.',
    en: 'A surprise inspection needs its reason.',
  },
  'inspections.escalation_required': {
    vi: 'Chọn đề xuất kiểm tra từ đường dây nóng.',
    en: 'Choose the hotline’s proposal.',
  },
  'inspections.escalation_not_open': {
    vi: 'Đề xuất kiểm tra này không còn mở (đã được tiếp nhận hoặc đã bỏ qua).',
    en: 'This proposal is no longer open (already taken up or dismissed).',
  },
  'inspections.signal_required': { vi: 'Chọn tín hiệu số liệu.', en: 'Choose the data signal.' },
  'inspections.signal_unknown': {
    vi: 'Tín hiệu số liệu này không còn (số liệu đã thay đổi hoặc đã có cuộc kiểm tra từ tín hiệu này).',
    en: 'This data signal no longer holds (the figures changed, or an inspection was already made from it).',
  },
  // Checklists and findings.
  'inspections.item_unknown': {
    vi: 'Nội dung này không có trong danh mục kiểm tra của cuộc kiểm tra.',
    en: 'This item is not on the inspection’s checklist.',
  },
  'inspections.checklist_invalid': {
    vi: 'Mẫu nội dung kiểm tra có {count} vấn đề cần sửa (xem từng nội dung).',
    en: 'The checklist has {count} problems to correct (see each item).',
  },
  'inspections.checklist.items_empty': {
    vi: 'Mẫu cần ít nhất một nội dung kiểm tra.',
    en: 'The checklist needs at least one item.',
  },
  'inspections.checklist.items_too_many': {
    vi: 'Tối đa {max} nội dung.',
    en: 'At most {max} items.',
  },
  'inspections.checklist.key_format': {
    vi: 'Mã nội dung gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái.',
    en: 'An item’s code is lower-case letters, digits and underscores, starting with a letter.',
  },
  'inspections.checklist.key_duplicate': {
    vi: 'Mã nội dung bị trùng.',
    en: 'This item code is used twice.',
  },
  'inspections.checklist.text_required': {
    vi: 'Cần nhập nội dung bằng tiếng Việt và tiếng Anh.',
    en: 'Enter the text in Vietnamese and English.',
  },
  'inspections.checklist.text_too_long': {
    vi: 'Nội dung dài tối đa {max} ký tự.',
    en: 'At most {max} characters.',
  },
  'inspections.custom_item_text_required': {
    vi: 'Cần nhập nội dung kiểm tra bằng tiếng Việt (tiếng Anh không bắt buộc).',
    en: 'Enter the item in Vietnamese (English is optional).',
  },
  'inspections.checklist.guidance_too_long': {
    vi: 'Hướng dẫn dài tối đa {max} ký tự.',
    en: 'The guidance is at most {max} characters.',
  },
  // The rules (./rules/inspection-rules.ts).
  'inspections.rules_invalid': {
    vi: 'Bộ quy định có {count} vấn đề cần sửa (xem từng mục).',
    en: 'The rules have {count} problems to correct (see each field).',
  },
  'inspections.rules_in_past': {
    vi: 'Phiên bản mới chỉ áp dụng từ hôm nay trở đi.',
    en: 'A new version applies from today on.',
  },
  'inspections.rules_date_taken': {
    vi: 'Đã có phiên bản áp dụng từ ngày {date}.',
    en: 'A version from {date} already exists.',
  },
  'inspections.rules.required': { vi: 'Vui lòng nhập thông tin này.', en: 'Please fill this in.' },
  'inspections.rules.basis_missing': {
    vi: 'Cần nêu ít nhất một căn cứ.',
    en: 'Cite at least one basis.',
  },
  'inspections.rules.basis_bilingual': {
    vi: 'Mỗi căn cứ cần có cả tiếng Việt và tiếng Anh.',
    en: 'Every basis needs its Vietnamese and English text.',
  },
  'inspections.rules.days_range': {
    vi: 'Nhập số nguyên từ {min} đến {max} ngày làm việc.',
    en: 'Enter a whole number from {min} to {max} working days.',
  },
  'inspections.rules.share_range': {
    vi: 'Nhập tỷ lệ lớn hơn {min} và không quá {max} (ví dụ 0,5 là 50%).',
    en: 'Enter a share above {min} and at most {max} (0.5 is 50%).',
  },
  'inspections.rules.count_range': {
    vi: 'Nhập số nguyên từ {min} đến {max}.',
    en: 'Enter a whole number from {min} to {max}.',
  },
  'inspections.rules.due_soon_too_long': {
    vi: 'Số ngày báo sắp đến hạn phải ngắn hơn thời hạn khắc phục (tối đa {max}).',
    en: '"Due soon" must be shorter than the remediation deadline (at most {max}).',
  },
} as const;
