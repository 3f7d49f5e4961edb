/**
 * Message keys of the task rules, with Vietnamese and English texts. The pure module cannot add them to
 * `server/core/messages.ts` itself; the service layer merges `TASK_MESSAGES` there (or maps each key).
 */
export const TASK_MESSAGES = {
  'tasks.invalid_transition': {
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của nhiệm vụ.',
    en: 'This action is not possible in the task’s current status.',
  },
  'tasks.status_final': {
    vi: 'Nhiệm vụ đã được xác nhận hoàn thành hoặc đã hủy nên không thể thay đổi.',
    en: 'The task is verified or cancelled and can no longer change.',
  },
  'tasks.lead_unit_only': {
    vi: 'Chỉ đơn vị chủ trì mới thực hiện được thao tác này.',
    en: 'Only the lead unit can do this.',
  },
  'tasks.unit_leader_only': {
    vi: 'Theo kế hoạch, báo cáo hoàn thành phải do lãnh đạo đơn vị chủ trì gửi.',
    en: 'Under this plan the lead unit’s leader must submit the done report.',
  },
  'tasks.lead_unit_or_standing_agency_only': {
    vi: 'Chỉ đơn vị chủ trì hoặc cơ quan thường trực mới thực hiện được thao tác này.',
    en: 'Only the lead unit or the standing agency can do this.',
  },
  'tasks.standing_agency_only': {
    vi: 'Chỉ cơ quan thường trực Ban Chỉ đạo mới thực hiện được thao tác này.',
    en: 'Only the committee’s standing agency can do this.',
  },
  'tasks.output_required': {
    vi: 'Cần nêu kết quả, sản phẩm đã hoàn thành.',
    en: 'Describe the output produced.',
  },
  'tasks.evidence_required': {
    vi: 'Cần đính kèm ít nhất một tài liệu minh chứng.',
    en: 'Attach at least one piece of evidence.',
  },
  'tasks.reason_required': { vi: 'Cần ghi rõ lý do.', en: 'A reason is required.' },
  'tasks.document_required': {
    vi: 'Cần chọn văn bản làm căn cứ (quyết định, công văn).',
    en: 'Select the document (decision, official letter) this is based on.',
  },
  'tasks.new_due_date_required': { vi: 'Cần nhập hạn hoàn thành mới.', en: 'Enter the new due date.' },
  'tasks.new_due_date_invalid': {
    vi: 'Hạn hoàn thành mới không phải ngày hợp lệ.',
    en: 'The new due date is not a valid date.',
  },
  'tasks.new_due_date_not_later': {
    vi: 'Hạn hoàn thành mới phải sau hạn hiện tại.',
    en: 'The new due date must be after the current one.',
  },
  'tasks.dependency_other_plan': {
    vi: 'Chỉ liên kết được với nhiệm vụ trong cùng kế hoạch.',
    en: 'A task can only depend on a task of the same plan.',
  },
  'tasks.dependency_cycle': {
    vi: 'Liên kết này tạo thành vòng lặp giữa các nhiệm vụ.',
    en: 'This link would make the tasks depend on each other in a circle.',
  },
  'tasks.dependency_exists': { vi: 'Liên kết này đã có.', en: 'This link already exists.' },
  'tasks.blocked_by_prerequisite': {
    vi: 'Nhiệm vụ tiên quyết chưa hoàn thành nên chưa thể báo cáo hoàn thành nhiệm vụ này.',
    en: 'A prerequisite task is not finished yet, so this task cannot be reported done.',
  },
  'tasks.subtasks_open': {
    vi: 'Còn nhiệm vụ con chưa hoàn thành nên chưa thể báo cáo hoàn thành nhiệm vụ này.',
    en: 'Some sub-tasks are not finished yet, so this task cannot be reported done.',
  },
  'tasks.parent_other_plan': {
    vi: 'Nhiệm vụ cha phải thuộc cùng kế hoạch.',
    en: 'The parent task must belong to the same plan.',
  },
  'tasks.unit_leader_only_review': {
    vi: 'Chỉ lãnh đạo đơn vị chủ trì mới duyệt được cập nhật tiến độ.',
    en: 'Only the lead unit’s leader can review progress updates.',
  },
  'tasks.progress_not_pending': {
    vi: 'Cập nhật tiến độ này không ở trạng thái chờ duyệt.',
    en: 'This progress update is not waiting for review.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A message key of the task rules (`tasks.*`), the shape of the server's `MessageKey`. */
export type TaskRuleKey = keyof typeof TASK_MESSAGES;
