/**
 * What people call the things chidao stores: the kinds of record (an error's "Không tìm thấy kế hoạch", the
 * audit journal's "Loại bản ghi"), the operations the journal records, and the fields of the records — in
 * Vietnamese first and English. Nothing on screen shows an internal name: a message's `{entity}` is filled
 * from here, the journal's entries are labelled from here.
 *
 * A new kind of record must be registered here before `notFound`/`staleVersion` accept it (they take an
 * `EntityName`: the typecheck fails otherwise); a new journal `action`/`entity` passed to `recordChange` and a
 * new column of a journalled table fail `server/core/messages-entities.test.ts` until they have a label.
 */
export type Bilingual = { readonly vi: string; readonly en: string };
export type Lang = 'vi' | 'en';

/** Kinds of record, as nouns that fit in a sentence ("Không tìm thấy {entity} được yêu cầu"). */
export const ENTITY_LABELS = {
  access_rule: { vi: 'quy tắc truy cập', en: 'access rule' },
  backup: { vi: 'bản sao lưu', en: 'backup' },
  calendar_year: { vi: 'lịch làm việc năm', en: 'working calendar of a year' },
  committee: { vi: 'Ban Chỉ đạo', en: 'steering committee' },
  committee_body: { vi: 'bộ phận giúp việc Ban Chỉ đạo', en: 'committee working body' },
  committee_membership: { vi: 'thành viên Ban Chỉ đạo', en: 'committee membership' },
  conclusion: { vi: 'kết luận cuộc họp', en: 'meeting conclusion' },
  document: { vi: 'văn bản', en: 'document' },
  dossier: { vi: 'hồ sơ thủ tục hành chính', en: 'procedure dossier' },
  dossier_batch: { vi: 'lô hồ sơ', en: 'batch of dossiers' },
  dossier_export: { vi: 'tệp xuất số liệu hồ sơ', en: 'dossier export' },
  dossier_import: { vi: 'lần nhập hồ sơ', en: 'dossier import' },
  dossier_import_mapping: { vi: 'mẫu cột nhập hồ sơ', en: 'dossier column mapping' },
  dossier_ingest_token: { vi: 'khóa tiếp nhận hồ sơ tự động', en: 'dossier ingest token' },
  dossier_procedure: { vi: 'thủ tục hành chính', en: 'administrative procedure' },
  dossier_rules: { vi: 'bộ ngưỡng và trọng số chỉ số hồ sơ', en: 'dossier thresholds and weights' },
  file: { vi: 'tệp', en: 'file' },
  grant: { vi: 'phân quyền', en: 'role grant' },
  lineage_event: { vi: 'sự kiện sắp xếp đơn vị', en: 'unit reorganisation event' },
  lineage_follow: {
    vi: 'quy tắc quyền theo đơn vị kế thừa',
    en: 'rule of access through successor units',
  },
  lineage_unresolved: { vi: 'tiền thân chưa xác định', en: 'unresolved predecessor' },
  meeting: { vi: 'cuộc họp', en: 'meeting' },
  monitoring_assignment: { vi: 'phân công theo dõi đơn vị', en: 'monitoring assignment' },
  notification: { vi: 'thông báo', en: 'notification' },
  notification_preferences: { vi: 'cách nhận thông báo', en: 'notification preferences' },
  pilot_item: { vi: 'nội dung chỉ đạo điểm', en: 'pilot item' },
  pilot_programme: { vi: 'danh sách chỉ đạo điểm', en: 'pilot programme' },
  pilot_report: { vi: 'báo cáo chỉ đạo điểm', en: 'pilot report' },
  pilot_unit: { vi: 'đơn vị chỉ đạo điểm', en: 'pilot unit' },
  plan: { vi: 'kế hoạch', en: 'plan' },
  plan_import: { vi: 'lần nhập kế hoạch từ Excel', en: 'plan import from Excel' },
  procedure: { vi: 'thủ tục hành chính', en: 'administrative procedure' },
  progress_approval: { vi: 'thiết lập duyệt báo cáo tiến độ', en: 'progress-approval setting' },
  reminder_rule: { vi: 'quy tắc nhắc hạn', en: 'reminder rule' },
  reporting_rules: { vi: 'bộ quy tắc kỳ báo cáo', en: 'reporting-period rule set' },
  periodic_report: { vi: 'báo cáo định kỳ', en: 'periodic report' },
  report_assignment: { vi: 'phân công báo cáo', en: 'reporting assignment' },
  report_consolidation: { vi: 'báo cáo tổng hợp', en: 'consolidated report' },
  report_form: { vi: 'biểu mẫu báo cáo', en: 'report form' },
  report_form_version: { vi: 'phiên bản biểu mẫu báo cáo', en: 'report form version' },
  report_round: { vi: 'kỳ báo cáo', en: 'reporting round' },
  session: { vi: 'phiên đăng nhập', en: 'session' },
  setting: { vi: 'thiết lập', en: 'setting' },
  task: { vi: 'nhiệm vụ', en: 'task' },
  unit: { vi: 'đơn vị', en: 'unit' },
  unit_import: { vi: 'lần nhập danh mục đơn vị hành chính', en: 'administrative-unit import' },
  user: { vi: 'tài khoản', en: 'user account' },
  work_kind: { vi: 'loại việc', en: 'kind of work' },
} as const satisfies Record<string, Bilingual>;
export type EntityName = keyof typeof ENTITY_LABELS;

/** The operations the journal records (a verb or a short phrase, as a badge shows it). */
export const ACTION_LABELS = {
  create: { vi: 'Tạo mới', en: 'Created' },
  update: { vi: 'Cập nhật', en: 'Updated' },
  delete: { vi: 'Xóa', en: 'Deleted' },
  upsert: { vi: 'Thêm hoặc cập nhật', en: 'Added or updated' },
  import: { vi: 'Nhập dữ liệu', en: 'Imported' },
  seed: { vi: 'Tạo dữ liệu mẫu', en: 'Demo data added' },
  request: { vi: 'Yêu cầu tạo tệp', en: 'File requested' },
  backup: { vi: 'Sao lưu', en: 'Backed up' },
  restore: { vi: 'Khôi phục', en: 'Restored' },
  attach_file: { vi: 'Đính kèm tệp', en: 'File attached' },
  detach_file: { vi: 'Gỡ tệp', en: 'File removed' },
  legal_basis: { vi: 'Cập nhật căn cứ pháp lý', en: 'Legal basis changed' },
  password_change: { vi: 'Đổi mật khẩu', en: 'Password changed' },
  lock: { vi: 'Khóa tài khoản', en: 'Account locked' },
  deactivate_demo: { vi: 'Vô hiệu tài khoản mẫu', en: 'Demo account deactivated' },
  login: { vi: 'Đăng nhập', en: 'Signed in' },
  logout: { vi: 'Đăng xuất', en: 'Signed out' },
  read: { vi: 'Xem', en: 'Viewed' },
  revoke: { vi: 'Thu hồi', en: 'Revoked' },
  retire: { vi: 'Bãi bỏ', en: 'Retired' },
  end: { vi: 'Kết thúc', en: 'Ended' },
  link: { vi: 'Thêm liên kết', en: 'Link added' },
  unlink: { vi: 'Bỏ liên kết', en: 'Link removed' },
  link_account: { vi: 'Gắn với tài khoản', en: 'Linked to an account' },
  // The task workflow (plan tasks and pilot items) and what a task's history holds besides it.
  start: { vi: 'Bắt đầu thực hiện', en: 'Started' },
  report_done: { vi: 'Báo cáo hoàn thành', en: 'Reported done' },
  withdraw_report: { vi: 'Rút báo cáo', en: 'Report withdrawn' },
  verify: { vi: 'Xác nhận hoàn thành', en: 'Verified' },
  return: { vi: 'Trả lại', en: 'Returned' },
  reopen: { vi: 'Mở lại', en: 'Reopened' },
  cancel: { vi: 'Hủy', en: 'Cancelled' },
  extend: { vi: 'Gia hạn', en: 'Extended' },
  progress: { vi: 'Cập nhật tiến độ', en: 'Progress update' },
  approve_progress: { vi: 'Duyệt tiến độ', en: 'Progress approved' },
  reject_progress: { vi: 'Không duyệt tiến độ', en: 'Progress rejected' },
  direction: { vi: 'Ý kiến chỉ đạo', en: 'Direction given' },
  // Pilot reports.
  save: { vi: 'Lưu báo cáo', en: 'Report saved' },
  submit: { vi: 'Gửi báo cáo', en: 'Report submitted' },
  accept: { vi: 'Tiếp nhận báo cáo', en: 'Report accepted' },
  // Periodic reports.
  publish: { vi: 'Ban hành phiên bản biểu mẫu', en: 'Form version published' },
  open_round: { vi: 'Mở kỳ báo cáo', en: 'Reporting round opened' },
  remind: { vi: 'Nhắc gửi báo cáo', en: 'Reminder sent' },
  consolidate: { vi: 'Tổng hợp báo cáo', en: 'Reports consolidated' },
  issue: { vi: 'Ban hành văn bản', en: 'Issued' },
  // Meetings.
  create_task: { vi: 'Giao thành nhiệm vụ', en: 'Turned into a task' },
  issue_notice: { vi: 'Ban hành thông báo kết luận', en: 'Conclusion notice issued' },
  // Unit lineage (the event, and each unit it touched by the event's kind).
  lineage_event: { vi: 'Ghi nhận sự kiện sắp xếp', en: 'Reorganisation recorded' },
  establish: { vi: 'Thành lập', en: 'Established' },
  rename: { vi: 'Đổi tên', en: 'Renamed' },
  merge: { vi: 'Hợp nhất', en: 'Merged' },
  split: { vi: 'Chia tách', en: 'Split' },
  transfer: { vi: 'Điều chuyển', en: 'Transferred' },
  absorb: { vi: 'Sáp nhập vào đơn vị khác', en: 'Absorbed' },
  abolish: { vi: 'Giải thể', en: 'Abolished' },
  resolve: { vi: 'Xác định tiền thân', en: 'Predecessor settled' },
  dismiss: { vi: 'Bỏ qua tiền thân', en: 'Predecessor dismissed' },
} as const satisfies Record<string, Bilingual>;
export type ActionName = keyof typeof ACTION_LABELS;

/**
 * Fields of the records, by the name the journal's snapshots use. A field missing here is shown by
 * `fieldLabel`'s generic rule ("Thông tin khác"), never by its name.
 */
export const FIELD_LABELS: Record<string, Bilingual> = {
  acceptedOn: { vi: 'Ngày tiếp nhận báo cáo', en: 'Accepted on' },
  archived: { vi: 'Ngừng sử dụng', en: 'Archived' },
  assignmentId: { vi: 'Phân công báo cáo', en: 'Reporting assignment' },
  basis: { vi: 'Các báo cáo được tổng hợp', en: 'Reports consolidated' },
  changeNotes: { vi: 'Lý do sửa số liệu hệ thống', en: 'Why system figures were changed' },
  comments: { vi: 'Ý kiến theo từng mục', en: 'Comments per item' },
  computed: { vi: 'Số liệu tổng hợp', en: 'Consolidated figures' },
  computedAt: { vi: 'Thời điểm tổng hợp', en: 'Consolidated at' },
  definition: { vi: 'Nội dung biểu mẫu', en: 'Form definition' },
  extensionReason: { vi: 'Lý do gia hạn', en: 'Reason for the extension' },
  firstSubmittedOn: { vi: 'Ngày gửi lần đầu', en: 'First submitted on' },
  focalPointSubmits: { vi: 'Đầu mối được gửi báo cáo', en: 'Focal point may submit' },
  formKey: { vi: 'Biểu mẫu', en: 'Form' },
  formVersionId: { vi: 'Phiên bản biểu mẫu', en: 'Form version' },
  periodKey: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  periodType: { vi: 'Loại kỳ báo cáo', en: 'Period type' },
  prefill: { vi: 'Số liệu lấy từ hệ thống', en: 'Figures from the system' },
  publishedAt: { vi: 'Thời điểm ban hành', en: 'Published at' },
  publishedBy: { vi: 'Người ban hành', en: 'Published by' },
  roundId: { vi: 'Kỳ báo cáo', en: 'Reporting round' },
  shipped: { vi: 'Biểu mẫu có sẵn', en: 'Shipped form' },
  snapshot: { vi: 'Báo cáo như đã gửi', en: 'Report as submitted' },
  subject: { vi: 'Đối tượng báo cáo', en: 'Who reports' },
  target: { vi: 'Phạm vi phân công', en: 'Assigned to' },
  unitKinds: { vi: 'Loại đơn vị', en: 'Kinds of unit' },
  values: { vi: 'Nội dung báo cáo', en: 'Report contents' },
  windowFrom: { vi: 'Số liệu từ ngày', en: 'Data from' },
  windowTo: { vi: 'Số liệu đến ngày', en: 'Data to' },
  absentees: { vi: 'Vắng mặt', en: 'Absent' },
  access: { vi: 'Mức độ truy cập', en: 'Access' },
  action: { vi: 'Thao tác', en: 'Action' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  actorId: { vi: 'Người thực hiện', en: 'Actor' },
  added: { vi: 'Số mục thêm', en: 'Added' },
  adjustments: { vi: 'Điều chỉnh lịch nghỉ', en: 'Calendar adjustments' },
  agenda: { vi: 'Nội dung họp', en: 'Agenda' },
  assessments: { vi: 'Đánh giá từng nội dung', en: 'Assessments' },
  at: { vi: 'Thời điểm', en: 'Time' },
  attendees: { vi: 'Thành phần dự họp', en: 'Attendees' },
  beforeDueWorkingDays: { vi: 'Nhắc trước hạn (ngày làm việc)', en: 'Reminders before due (working days)' },
  bodyId: { vi: 'Bộ phận giúp việc', en: 'Working body' },
  chair: { vi: 'Người chủ trì', en: 'Chair' },
  chairMembershipId: { vi: 'Người chủ trì', en: 'Chair' },
  changes: { vi: 'Thay đổi', en: 'Changes' },
  channel: { vi: 'Kênh tiếp nhận', en: 'Channel' },
  chidaoVersion: { vi: 'Phiên bản phần mềm', en: 'Software version' },
  code: { vi: 'Mã', en: 'Code' },
  codes: { vi: 'Các mã', en: 'Codes' },
  columns: { vi: 'Cột dữ liệu', en: 'Columns' },
  committeeId: { vi: 'Ban Chỉ đạo', en: 'Steering committee' },
  complained: { vi: 'Có phản ánh, kiến nghị', en: 'Complained' },
  count: { vi: 'Số lượng', en: 'Count' },
  counts: { vi: 'Số lượng', en: 'Counts' },
  createdAt: { vi: 'Thời điểm tạo', en: 'Created' },
  createdBy: { vi: 'Người tạo', en: 'Created by' },
  createdCodes: { vi: 'Mã hồ sơ thêm mới', en: 'Codes added' },
  date: { vi: 'Ngày', en: 'Date' },
  dateFormat: { vi: 'Định dạng ngày', en: 'Date format' },
  decisionDocumentId: { vi: 'Quyết định', en: 'Decision' },
  delimiter: { vi: 'Ký tự phân cách', en: 'Delimiter' },
  demo: { vi: 'Tài khoản mẫu', en: 'Demo account' },
  description: { vi: 'Mô tả', en: 'Description' },
  digestHour: { vi: 'Giờ gửi thư tổng hợp', en: 'Digest hour' },
  digitised: { vi: 'Số hóa', en: 'Digitised' },
  directingMemberId: { vi: 'Thành viên chỉ đạo', en: 'Directing member' },
  dissolvedOn: { vi: 'Ngày giải thể', en: 'Dissolved on' },
  documentId: { vi: 'Văn bản', en: 'Document' },
  dueAt: { vi: 'Thời điểm hẹn trả', en: 'Due' },
  dueDate: { vi: 'Hạn hoàn thành', en: 'Due date' },
  earliestDate: { vi: 'Sớm nhất từ ngày', en: 'Earliest date' },
  effectiveDate: { vi: 'Ngày hiệu lực', en: 'Effective date' },
  effectiveFrom: { vi: 'Áp dụng từ', en: 'Effective from' },
  email: { vi: 'E-mail', en: 'E-mail' },
  endDecisionDocumentId: { vi: 'Quyết định thôi làm thành viên', en: 'Decision ending the membership' },
  eResult: { vi: 'Trả kết quả điện tử', en: 'Electronic result' },
  errors: { vi: 'Số lỗi', en: 'Errors' },
  eventId: { vi: 'Sự kiện sắp xếp', en: 'Reorganisation event' },
  events: { vi: 'Số sự kiện', en: 'Events' },
  evidenceOptional: { vi: 'Không bắt buộc minh chứng', en: 'Evidence optional' },
  expectedOutput: { vi: 'Sản phẩm dự kiến', en: 'Expected output' },
  expiresAt: { vi: 'Hết hạn lúc', en: 'Expires' },
  extension: { vi: 'Phần mở rộng', en: 'Extension' },
  extraordinary: { vi: 'Họp bất thường', en: 'Extraordinary' },
  failedLogins: { vi: 'Số lần đăng nhập sai', en: 'Failed sign-ins' },
  feePayable: { vi: 'Có thu phí, lệ phí', en: 'Fee payable' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  fileId: { vi: 'Tệp', en: 'File' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  files: { vi: 'Số tệp', en: 'Files' },
  focus: { vi: 'Trọng tâm', en: 'Focus' },
  focusAreas: { vi: 'Lĩnh vực trọng tâm', en: 'Focus areas' },
  foundedOn: { vi: 'Ngày thành lập', en: 'Founded on' },
  founderKind: { vi: 'Cơ quan thành lập', en: 'Founded by' },
  founderName: { vi: 'Tên cơ quan thành lập', en: 'Founding body' },
  foundingDocumentId: { vi: 'Quyết định thành lập', en: 'Founding decision' },
  from: { vi: 'Từ', en: 'From' },
  fromDate: { vi: 'Từ ngày', en: 'From' },
  fromStatus: { vi: 'Trạng thái trước', en: 'Status before' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  guests: { vi: 'Khách mời', en: 'Guests' },
  headMembershipId: { vi: 'Người đứng đầu', en: 'Head' },
  hostUnitId: { vi: 'Cơ quan chủ quản', en: 'Host unit' },
  id: { vi: 'Bản ghi', en: 'Record' },
  importId: { vi: 'Lần nhập', en: 'Import' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Issued on' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  itemId: { vi: 'Nội dung', en: 'Item' },
  key: { vi: 'Quy tắc', en: 'Rule' },
  kind: { vi: 'Loại', en: 'Kind' },
  knownSince: { vi: 'Có trong dữ liệu từ', en: 'Known since' },
  lastLoginAt: { vi: 'Đăng nhập lần cuối', en: 'Last sign-in' },
  lastReason: { vi: 'Lý do gần nhất', en: 'Latest reason' },
  lastUsedAt: { vi: 'Dùng lần cuối', en: 'Last used' },
  leadUnitId: { vi: 'Đơn vị chủ trì', en: 'Lead unit' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  legalBasisId: { vi: 'Văn bản căn cứ', en: 'Legal basis' },
  legalBasisText: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  level: { vi: 'Cấp', en: 'Level' },
  links: { vi: 'Số liên kết kế thừa', en: 'Lineage links' },
  locale: { vi: 'Ngôn ngữ', en: 'Language' },
  locked: { vi: 'Đang bị khóa', en: 'Locked' },
  lockedUntil: { vi: 'Khóa đến', en: 'Locked until' },
  mapping: { vi: 'Mẫu cột', en: 'Column mapping' },
  maxOverdueReminders: { vi: 'Số lần nhắc quá hạn tối đa', en: 'Most overdue reminders' },
  mediaType: { vi: 'Loại nội dung', en: 'Content type' },
  meetingId: { vi: 'Cuộc họp', en: 'Meeting' },
  membershipId: { vi: 'Thành viên', en: 'Member' },
  method: { vi: 'Cách lập', en: 'Method' },
  minutes: { vi: 'Biên bản', en: 'Minutes' },
  missingFiles: { vi: 'Số tệp thiếu', en: 'Missing files' },
  name: { vi: 'Tên', en: 'Name' },
  needsApproval: { vi: 'Chờ lãnh đạo duyệt', en: 'Awaiting approval' },
  note: { vi: 'Ghi chú', en: 'Note' },
  noticeDocumentId: { vi: 'Thông báo kết luận', en: 'Conclusion notice' },
  number: { vi: 'Số', en: 'Number' },
  numberSymbol: { vi: 'Số, ký hiệu', en: 'Number and symbol' },
  office: { vi: 'Chức vụ', en: 'Office' },
  on: { vi: 'Ngày', en: 'On' },
  onlineCapability: { vi: 'Mức độ trực tuyến', en: 'Online level' },
  ordinal: { vi: 'Thứ tự', en: 'Order' },
  originalDueDate: { vi: 'Hạn ban đầu', en: 'Original due date' },
  originalName: { vi: 'Tên tệp', en: 'File name' },
  output: { vi: 'Kết quả, sản phẩm', en: 'Output' },
  overall: { vi: 'Đánh giá chung', en: 'Overall assessment' },
  overdueEvery: { vi: 'Nhắc quá hạn mỗi', en: 'Overdue reminder every' },
  ownerKind: { vi: 'Loại kế hoạch', en: 'Kind of plan' },
  ownerUnitId: { vi: 'Đơn vị ban hành', en: 'Issuing unit' },
  paidOnline: { vi: 'Thanh toán trực tuyến', en: 'Paid online' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  parentTaskId: { vi: 'Nhiệm vụ cha', en: 'Parent task' },
  percent: { vi: 'Tỷ lệ hoàn thành (%)', en: 'Percent done' },
  personName: { vi: 'Họ và tên', en: 'Full name' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  pilotUnitId: { vi: 'Đơn vị chỉ đạo điểm', en: 'Pilot unit' },
  place: { vi: 'Địa điểm', en: 'Place' },
  plan: { vi: 'Tổng hợp kế hoạch nhập', en: 'Import plan' },
  planId: { vi: 'Kế hoạch', en: 'Plan' },
  position: { vi: 'Chức danh', en: 'Position' },
  predecessorId: { vi: 'Đơn vị tiền thân', en: 'Predecessor' },
  prefix: { vi: 'Tiền tố khóa', en: 'Token prefix' },
  procedureId: { vi: 'Thủ tục', en: 'Procedure' },
  programmeId: { vi: 'Danh sách chỉ đạo điểm', en: 'Pilot programme' },
  province: { vi: 'Tỉnh', en: 'Province' },
  published: { vi: 'Đã công khai', en: 'Published' },
  qd766: { vi: 'Bộ chỉ số QĐ 766', en: 'QĐ 766 index' },
  rating: { vi: 'Đánh giá của người dân', en: 'Rating' },
  receivedAt: { vi: 'Thời điểm tiếp nhận', en: 'Received' },
  recordedOn: { vi: 'Ngày ghi nhận', en: 'Recorded on' },
  reformArea: { vi: 'Lĩnh vực CCHC', en: 'Reform area' },
  reportedOn: { vi: 'Ngày báo cáo', en: 'Reported on' },
  reportType: { vi: 'Loại báo cáo', en: 'Report type' },
  requireApproval: { vi: 'Cần lãnh đạo duyệt tiến độ', en: 'Leader approves progress' },
  resolvedAt: { vi: 'Thời điểm trả kết quả', en: 'Resolved' },
  resolvedBy: { vi: 'Người xử lý', en: 'Settled by' },
  resolvedEventId: { vi: 'Sự kiện sắp xếp', en: 'Reorganisation event' },
  resolvedPredecessorId: { vi: 'Tiền thân xác định', en: 'Predecessor' },
  responsibleMembershipId: { vi: 'Thành viên phụ trách', en: 'Responsible member' },
  restate: { vi: 'Quy đổi theo đơn vị hiện nay', en: 'Restated onto today’s units' },
  returnedAt: { vi: 'Thời điểm trả lại', en: 'Returned' },
  returnReason: { vi: 'Lý do trả lại', en: 'Reason returned' },
  reviewedBy: { vi: 'Người tiếp nhận', en: 'Reviewed by' },
  reviewedOn: { vi: 'Ngày tiếp nhận', en: 'Reviewed on' },
  reviewOf: { vi: 'Xem xét cập nhật', en: 'Review of' },
  revokedAt: { vi: 'Thu hồi lúc', en: 'Revoked' },
  role: { vi: 'Vai trò', en: 'Role' },
  rowCount: { vi: 'Số dòng', en: 'Rows' },
  rows: { vi: 'Số dòng dữ liệu', en: 'Rows' },
  rules: { vi: 'Quy tắc', en: 'Rules' },
  ruleSetId: { vi: 'Bộ quy tắc', en: 'Rule set' },
  sha256: { vi: 'Dấu vân tay tệp', en: 'File fingerprint' },
  size: { vi: 'Dung lượng', en: 'Size' },
  sizeBytes: { vi: 'Dung lượng', en: 'Size' },
  source: { vi: 'Nguồn', en: 'Source' },
  sourceEngine: { vi: 'Loại cơ sở dữ liệu gốc', en: 'Source database' },
  sourceLine: { vi: 'Dòng nguồn', en: 'Source line' },
  sourceRef: { vi: 'Nguồn giao', en: 'Source reference' },
  sourceText: { vi: 'Tiền thân ghi trong nguồn', en: 'Predecessor as written' },
  standingUnitId: { vi: 'Cơ quan thường trực', en: 'Standing agency' },
  startDate: { vi: 'Ngày bắt đầu', en: 'Start date' },
  startTime: { vi: 'Giờ bắt đầu', en: 'Start time' },
  status: { vi: 'Trạng thái', en: 'Status' },
  statusReason: { vi: 'Lý do', en: 'Reason' },
  submittedBy: { vi: 'Người gửi', en: 'Submitted by' },
  submittedOn: { vi: 'Ngày gửi', en: 'Submitted on' },
  subtree: { vi: 'Gồm đơn vị trực thuộc', en: 'Including units below' },
  successorId: { vi: 'Đơn vị kế thừa', en: 'Successor' },
  summary: { vi: 'Trích yếu', en: 'Summary' },
  supportingUnitIds: { vi: 'Đơn vị phối hợp', en: 'Supporting units' },
  suspensions: { vi: 'Tạm dừng', en: 'Suspensions' },
  symbol: { vi: 'Ký hiệu viết tắt', en: 'Abbreviation' },
  tables: { vi: 'Số bảng dữ liệu', en: 'Tables' },
  taskId: { vi: 'Nhiệm vụ', en: 'Task' },
  taskIds: { vi: 'Nhiệm vụ đã tạo', en: 'Tasks created' },
  templateVersion: { vi: 'Phiên bản mẫu', en: 'Template version' },
  text: { vi: 'Nội dung', en: 'Text' },
  thresholds: { vi: 'Ngưỡng đánh giá', en: 'Thresholds' },
  timeLimitDays: { vi: 'Thời hạn giải quyết (ngày)', en: 'Time limit (days)' },
  title: { vi: 'Tên, tiêu đề', en: 'Title' },
  to: { vi: 'Đến', en: 'To' },
  toDate: { vi: 'Đến ngày', en: 'Until' },
  toStatus: { vi: 'Trạng thái sau', en: 'Status after' },
  type: { vi: 'Loại', en: 'Type' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  unitsClosed: { vi: 'Số đơn vị kết thúc', en: 'Units ended' },
  unitsCreated: { vi: 'Số đơn vị tạo mới', en: 'Units created' },
  unitsReused: { vi: 'Số đơn vị đã có', en: 'Units kept' },
  unresolved: { vi: 'Số tiền thân chưa xác định', en: 'Unresolved predecessors' },
  updated: { vi: 'Số mục cập nhật', en: 'Updated' },
  updatedAt: { vi: 'Cập nhật lúc', en: 'Updated' },
  updatedBy: { vi: 'Người cập nhật', en: 'Updated by' },
  userId: { vi: 'Tài khoản', en: 'Account' },
  validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
  validTo: { vi: 'Hiệu lực đến', en: 'Valid until' },
  value: { vi: 'Giá trị', en: 'Value' },
  valueMaps: { vi: 'Bảng chuyển đổi giá trị', en: 'Value maps' },
  verifiedOn: { vi: 'Ngày xác nhận hoàn thành', en: 'Verified on' },
  version: { vi: 'Phiên bản', en: 'Version' },
  weight: { vi: 'Trọng số', en: 'Weight' },
  withdrawnAt: { vi: 'Thời điểm rút hồ sơ', en: 'Withdrawn' },
  year: { vi: 'Năm', en: 'Year' },
};

/** The kind of record a reference field points to (for the name behind its id). */
export const REFERENCE_FIELDS: Record<string, EntityName> = {
  actorId: 'user',
  chairMembershipId: 'committee_membership',
  committeeId: 'committee',
  createdBy: 'user',
  decisionDocumentId: 'document',
  directingMemberId: 'committee_membership',
  documentId: 'document',
  endDecisionDocumentId: 'document',
  eventId: 'lineage_event',
  fileId: 'file',
  foundingDocumentId: 'document',
  hostUnitId: 'unit',
  itemId: 'task',
  leadUnitId: 'unit',
  legalBasisId: 'document',
  meetingId: 'meeting',
  membershipId: 'committee_membership',
  noticeDocumentId: 'document',
  ownerUnitId: 'unit',
  parentId: 'unit',
  parentTaskId: 'task',
  pilotUnitId: 'pilot_unit',
  predecessorId: 'unit',
  planId: 'plan',
  procedureId: 'dossier_procedure',
  programmeId: 'pilot_programme',
  resolvedBy: 'user',
  resolvedEventId: 'lineage_event',
  resolvedPredecessorId: 'unit',
  responsibleMembershipId: 'committee_membership',
  reviewedBy: 'user',
  roundId: 'report_round',
  assignmentId: 'report_assignment',
  formVersionId: 'report_form_version',
  publishedBy: 'user',
  standingUnitId: 'unit',
  submittedBy: 'user',
  successorId: 'unit',
  supportingUnitIds: 'unit',
  bodyId: 'committee_body',
  headMembershipId: 'committee_membership',
  taskId: 'task',
  taskIds: 'task',
  unitId: 'unit',
  updatedBy: 'user',
  userId: 'user',
};

/** Values of a message's `{status}` that are states of a record (what the message says instead). */
const STATUS_LABELS: Record<string, Bilingual> = {
  queued: { vi: 'đang chờ xử lý', en: 'queued' },
  running: { vi: 'đang tạo', en: 'in progress' },
  done: { vi: 'đã xong', en: 'done' },
  failed: { vi: 'bị lỗi', en: 'failed' },
  expired: { vi: 'đã hết hạn', en: 'expired' },
};

const OTHER_FIELD: Bilingual = { vi: 'Thông tin khác', en: 'Other detail' };
const SUBMITTED_DATA: Bilingual = { vi: 'dữ liệu gửi lên', en: 'submitted data' };

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(table, key);

export const isEntityName = (name: string): name is EntityName => has(ENTITY_LABELS, name);
export const isActionName = (name: string): name is ActionName => has(ACTION_LABELS, name);

/** "kế hoạch" / "plan" — lower case, to sit in a sentence. */
export function entityLabel(lang: Lang, entity: string): string {
  return isEntityName(entity) ? ENTITY_LABELS[entity][lang] : lang === 'vi' ? 'bản ghi' : 'record';
}

/** "Kế hoạch" — capitalised, as a column of a table shows it. */
export function entityTitle(lang: Lang, entity: string): string {
  const s = entityLabel(lang, entity);
  return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
}

/** "Tạo mới"; an unregistered operation reads as "Thao tác khác" (a test keeps that from happening). */
export function actionLabel(lang: Lang, action: string): string {
  return isActionName(action)
    ? ACTION_LABELS[action][lang]
    : lang === 'vi'
      ? 'Thao tác khác'
      : 'Other action';
}

/** An internal name (camelCase, snake_case, a dotted path) rather than words a person wrote. */
const IDENTIFIER = /^[A-Za-z_][\w.[\]]*$/;

/**
 * The label of a field, by its name or a request path's last named part ("items.0.dueDate" → "Hạn hoàn
 * thành"). An unknown internal name reads as "Thông tin khác"; text that is already words (a column header
 * of an imported file) is kept.
 */
export function fieldLabel(lang: Lang, field: string): string {
  const parts = field.split(/[.[\]]+/).filter((p) => p && !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (has(FIELD_LABELS, p)) return FIELD_LABELS[p]![lang];
  }
  return IDENTIFIER.test(field) ? OTHER_FIELD[lang] : field;
}

/** A request field named in an error: its label, or "dữ liệu gửi lên" for the body as a whole. */
export function requestFieldLabel(lang: Lang, field: string): string {
  if (['body', 'query', 'params', 'request', 'querystring', ''].includes(field)) return SUBMITTED_DATA[lang];
  const label = fieldLabel(lang, field);
  return label === OTHER_FIELD[lang] ? SUBMITTED_DATA[lang] : label;
}

/**
 * How a message's placeholders that may carry an internal name are filled: `{entity}` with the kind of
 * record, `{field}` with the field's label, `{actions}` with the operations' labels, `{kind}` with an
 * operation's label when it is one (lineage events), `{status}` with a state's words.
 */
export const NAME_PARAMS: Record<string, (lang: Lang, value: string) => string> = {
  entity: entityLabel,
  field: requestFieldLabel,
  actions: (lang, value) =>
    value
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map((a) => (isActionName(a) ? ACTION_LABELS[a][lang] : a).toLocaleLowerCase(lang))
      .join(', '),
  kind: (lang, value) => (isActionName(value) ? ACTION_LABELS[value][lang].toLocaleLowerCase(lang) : value),
  status: (lang, value) => (has(STATUS_LABELS, value) ? STATUS_LABELS[value]![lang] : value),
};
