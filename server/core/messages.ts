import type { MODULES } from '../modules/index.js';
import { NAME_PARAMS } from './labels.js';
/**
 * Server-side messages in Vietnamese (default) and English. Keys are semantic; `{name}` placeholders
 * are filled from the error's params.
 */
const vi = {
  'error.internal':
    'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau; nếu lỗi lặp lại, báo quản trị viên (mã yêu cầu {requestId}).',
  'error.unauthenticated': 'Bạn cần đăng nhập để tiếp tục.',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'error.not_found': 'Không tìm thấy {entity} được yêu cầu.',
  'error.route_not_found': 'Không có địa chỉ {method} {url}.',
  'error.conflict': 'Dữ liệu bị xung đột với bản ghi đã có.',
  'error.stale_version':
    'Dữ liệu {entity} này đã được người khác sửa (phiên bản hiện tại {current}). Hãy tải lại rồi sửa lại.',
  'error.invalid_json': 'Nội dung gửi lên không phải JSON hợp lệ: {detail}',
  'error.validation': 'Thông tin “{field}” không hợp lệ: {issue}',
  'error.unsupported_media_type': 'Kiểu nội dung {type} không được hỗ trợ.',
  'error.payload_too_large': 'Nội dung gửi lên quá lớn (tối đa {max}).',
  'error.malformed_upload': 'Tệp tải lên bị hỏng hoặc chưa gửi hết. Hãy gửi lại.',
  'error.reference_not_found':
    'Dữ liệu gửi lên trỏ tới một bản ghi không tồn tại. Hãy tải lại trang rồi chọn lại.',
  'error.in_use': 'Không xóa được vì bản ghi đang được dùng ở nơi khác.',
  'error.rate_limited': 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau {after}.',
  'error.csrf': 'Thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.',
  'error.email_taken': 'Địa chỉ e-mail {email} đã được dùng cho tài khoản khác.',
  'error.control_character': 'Thông tin “{field}” chứa ký tự điều khiển không được phép (ví dụ ký tự NUL).',
  'error.date_out_of_range': 'Thông tin “{field}” có ngày nằm ngoài khoảng cho phép ({from} – {to}).',
  'dashboard.as_of_future': 'Ngày xem số liệu không được sau hôm nay ({today}).',
  'dashboard.no_such_group': 'Không có nhóm “{group}” trong bảng theo dõi tiến độ.',
  'dashboard.no_such_metric': 'Chỉ số “{metric}” không có trong nhóm này.',
  'auth.invalid_credentials':
    'E-mail hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa do nhập sai mật khẩu nhiều lần. Hãy thử lại sau ít phút hoặc liên hệ quản trị viên.',
  'auth.inactive': 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.',
  'auth.wrong_current_password': 'Mật khẩu hiện tại không đúng.',
  'password.too_short': 'Mật khẩu phải có ít nhất {min} ký tự.',
  'password.too_long': 'Mật khẩu không được dài quá {max} ký tự.',
  'password.classes': 'Mật khẩu phải có ít nhất hai loại ký tự trong: chữ thường, chữ hoa, chữ số, ký hiệu.',
  'password.contains_email': 'Mật khẩu không được chứa tên đăng nhập (phần trước @ của e-mail).',
  'password.common': 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
  'password.same_as_old': 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  'grant.unknown_role': 'Vai trò {role} không tồn tại.',
  'grant.unit_missing': 'Đơn vị được cấp quyền không tồn tại.',
  'grant.last_admin': 'Không thể thu hồi quyền quản trị cuối cùng của hệ thống.',
  'file.empty': 'Tệp tải lên rỗng.',
  'file.too_large': 'Tệp vượt quá dung lượng cho phép ({max}).',
  'file.type_not_allowed':
    'Loại tệp không được chấp nhận (nội dung thực là {detected}). Chấp nhận: PDF, Word, Excel, OpenDocument, ảnh PNG/JPEG, văn bản thuần.',
  'file.missing': 'Chưa chọn tệp để tải lên.',
  'file.content_missing':
    'Nội dung tệp “{name}” không còn trong kho lưu trữ. Hãy báo quản trị viên (mã yêu cầu {requestId}).',
  'work.file_not_citable':
    'Chỉ được dẫn chiếu tệp minh chứng đã tải lên cho chính nội dung này (do bạn tải lên, hoặc đã là minh chứng của nội dung này).',
  'unit.not_found': 'Đơn vị không tồn tại.',
  'lineage.unit_not_valid':
    'Đơn vị {name} không có hiệu lực vào ngày {date}, nên không thể dùng trong sự kiện này.',
  'lineage.shape': 'Sự kiện "{kind}" cần {rule}.',
  'lineage.open_children':
    'Không thể kết thúc {name}: còn {count} đơn vị trực thuộc đang hoạt động (ví dụ {example}). Hãy sáp nhập, chuyển hoặc giải thể chúng trước.',
  'lineage.cycle':
    'Không thể chuyển {name} về trực thuộc {parent}: một đơn vị không thể là cấp trên của chính nó.',
  'lineage.code_overlap':
    'Mã {code} đã được dùng cho {name} trong cùng khoảng thời gian hiệu lực (từ {from}). Mã chỉ là duy nhất trong một thời kỳ.',
  'lineage.weights': 'Tổng tỷ trọng của các đơn vị kế thừa phải bằng 1 (hiện là {sum}).',
  'lineage.date_before_start': 'Ngày hiệu lực {date} phải sau ngày bắt đầu của {name} ({from}).',
  'lineage.no_change': 'Không có thay đổi nào để ghi nhận.',
  'lineage.already_resolved': 'Tiền thân này đã được xử lý.',
  'periods.invalid_rules': 'Quy tắc kỳ báo cáo không hợp lệ: {detail}',
  'periods.already_retired': 'Bộ quy tắc kỳ báo cáo này đã được bãi bỏ.',
  'periods.retire_before_start':
    'Ngày bãi bỏ không được trước ngày áp dụng phiên bản hiện hành của bộ quy tắc ({from}).',
  'calendar.year_out_of_range': 'Năm {year} nằm ngoài phạm vi lịch hỗ trợ ({from}–{to}).',
  'calendar.date_out_of_range': 'Ngày {date} nằm ngoài phạm vi lịch hỗ trợ (năm {from}–{to}).',
  'calendar.result_out_of_range':
    'Kết quả vượt quá phạm vi lịch hỗ trợ (đến hết năm {to}). Hãy giảm số ngày làm việc.',
  'calendar.date_not_in_year': 'Ngày {date} không thuộc năm {year}.',
  'calendar.duplicate_date': 'Ngày {date} được nhập nhiều lần.',
  'calendar.tet_basis_required': 'Cần ghi căn cứ (văn bản công bố) của lịch nghỉ Tết.',
  'calendar.tet_block_missing_new_year': 'Lịch nghỉ Tết phải bao gồm ngày mùng 1 Tết ({date}).',
  'calendar.day_off_on_weekend':
    'Ngày {date} đã là ngày nghỉ hằng tuần (thứ Bảy hoặc Chủ nhật), không cần khai báo là ngày nghỉ.',
  'calendar.working_day_not_weekend':
    'Ngày {date} không phải thứ Bảy hoặc Chủ nhật nên không thể là ngày làm bù.',
  'calendar.working_day_is_day_off': 'Ngày {date} vừa được khai báo là ngày làm bù vừa là ngày nghỉ.',
  'calendar.day_off_is_holiday': 'Ngày {date} đã là ngày nghỉ ({name}).',
  'calendar.invalid_adjustments': 'Lịch điều chỉnh năm {year} không nhất quán: {detail}',
  'committee.document_not_found': 'Văn bản được chọn không có trong sổ văn bản (hoặc bạn không được xem).',
  'committee.date_range': 'Ngày kết thúc {to} không được trước ngày bắt đầu {from}.',
  'committee.person_required': 'Cần chọn tài khoản hoặc ghi họ tên thành viên.',
  'committee.user_not_found': 'Tài khoản được chọn không tồn tại.',
  'committee.before_founding': 'Ngày {date} trước ngày thành lập Ban Chỉ đạo ({founded}).',
  'committee.already_ended': 'Bản ghi này đã kết thúc từ ngày {date}.',
  'committee.outside_membership':
    'Thời gian phân công theo dõi phải nằm trong thời gian là thành viên (từ {from} đến {to}).',
  'pilots.committee_not_found': 'Ban Chỉ đạo được chọn không tồn tại.',
  'pilots.committee_not_in_year': 'Ban Chỉ đạo không hoạt động trong năm {year}.',
  'pilots.programme_exists': 'Ban Chỉ đạo đã có danh sách chỉ đạo điểm năm {year}.',
  'pilots.unit_not_in_year':
    '{name} không hoạt động trong năm {year} nên không thể là đơn vị chỉ đạo điểm năm đó.',
  'pilots.unit_already_pilot': '{name} đã là đơn vị chỉ đạo điểm năm {year}.',
  'pilots.member_not_in_year': 'Người được chọn không là thành viên Ban Chỉ đạo trong năm {year}.',
  'pilots.document_not_found': 'Văn bản được chọn không có trong sổ văn bản (hoặc bạn không được xem).',
  'plans.start_after_due': 'Ngày bắt đầu không được sau hạn hoàn thành ({due}).',
  'plans.document_not_found': 'Văn bản được chọn không có trong sổ văn bản (hoặc bạn không được xem).',
  'work.unknown_action': 'Thao tác không tồn tại với loại việc này (các thao tác: {actions}).',
  'work.document_not_found': 'Văn bản được chọn không có trong sổ văn bản (hoặc bạn không được xem).',
  'pilots.due_not_in_year': 'Hạn hoàn thành phải nằm trong năm {year}.',
  'pilots.assessment_unknown_item': 'Có nội dung được đánh giá không thuộc đơn vị chỉ đạo điểm này.',
  'pilots.report_unit_only':
    'Chỉ đầu mối CCHC hoặc lãnh đạo của đơn vị chỉ đạo điểm mới lập và gửi được báo cáo.',
  'pilots.report_standing_only': 'Chỉ cơ quan thường trực Ban Chỉ đạo mới tiếp nhận hoặc trả lại báo cáo.',
  'pilots.report_invalid_transition': 'Không thể thực hiện thao tác này ở trạng thái hiện tại của báo cáo.',
  'pilots.report_final': 'Báo cáo đã được tiếp nhận nên không thể thay đổi.',
  'pilots.report_overall_required': 'Cần nhập đánh giá chung.',
  'pilots.report_assessment_missing':
    'Cần đánh giá kết quả từng nội dung chỉ đạo điểm ({count} nội dung chưa có đánh giá).',
  'pilots.report_reason_required': 'Cần ghi rõ lý do trả lại báo cáo.',
  'meeting.not_member':
    'Có {count} người được chọn không phải là thành viên Ban Chỉ đạo vào ngày họp {date}. Chỉ chọn thành viên theo quyết định đang có hiệu lực ngày đó.',
  'meeting.chair_not_member': 'Người chủ trì không phải là thành viên Ban Chỉ đạo vào ngày họp {date}.',
  'meeting.attendance_overlap': 'Một thành viên không thể vừa có mặt vừa vắng mặt (kể cả người chủ trì).',
  'meeting.unit_required': 'Cuộc làm việc cần ghi đơn vị làm việc cùng.',
  'meeting.held_in_future': 'Cuộc họp ngày {date} chưa diễn ra nên chưa thể ghi là đã họp.',
  'meeting.before_founding': 'Ngày họp {date} trước ngày thành lập Ban Chỉ đạo ({founded}).',
  'meeting.after_dissolution': 'Ngày họp {date} sau ngày Ban Chỉ đạo giải thể ({dissolved}).',
  'meeting.not_held':
    'Cuộc họp chưa diễn ra: chỉ giao nhiệm vụ hoặc ban hành thông báo kết luận sau khi đã họp.',
  'meeting.notice_exists': 'Thông báo kết luận của cuộc họp này đã được ban hành.',
  'meeting.no_conclusions': 'Cuộc họp chưa có kết luận nào để thông báo.',
  'meeting.conclusion_has_tasks':
    'Kết luận đã được giao thành nhiệm vụ nên không thể xóa. Hãy hủy nhiệm vụ trong kế hoạch nếu cần.',
  'meeting.lead_unit_required': 'Cần chọn đơn vị chủ trì thực hiện.',
  'meeting.reform_area_required': 'Cần chọn lĩnh vực CCHC của nhiệm vụ.',
  'meeting.no_plan':
    'Chưa có kế hoạch CCHC năm {year} của Ban Chỉ đạo để giao nhiệm vụ. Hãy tạo kế hoạch hoặc chọn một kế hoạch khác.',
} as const;

/** Keys of the modules' own message tables (their `messages` in `<name>.module.ts`). */
type ModuleMessageKey = (typeof MODULES)[number] extends infer M
  ? M extends { messages: infer T }
    ? keyof T & string
    : never
  : never;
export type MessageKey = keyof typeof vi | ModuleMessageKey;

const en: Record<keyof typeof vi, string> = {
  'error.internal':
    'Something went wrong on the server. Please try again later; if it persists, tell an administrator (request id {requestId}).',
  'error.unauthenticated': 'You need to sign in to continue.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.not_found': 'The requested {entity} was not found.',
  'error.route_not_found': 'There is no route {method} {url}.',
  'error.conflict': 'The data conflicts with an existing record.',
  'error.stale_version':
    'This {entity} was changed by someone else (current version {current}). Reload it and make your change again.',
  'error.invalid_json': 'The request body is not valid JSON: {detail}',
  'error.validation': '“{field}” is invalid: {issue}',
  'error.unsupported_media_type': 'Content type {type} is not supported.',
  'error.payload_too_large': 'The request body is too large (at most {max}).',
  'error.malformed_upload': 'The upload is damaged or was cut short. Please send it again.',
  'error.reference_not_found':
    'The request refers to a record that does not exist. Reload the page and choose again.',
  'error.in_use': 'It cannot be deleted: the record is used elsewhere.',
  'error.rate_limited': 'Too many attempts. Please try again in {after}.',
  'error.csrf': 'The anti-forgery (CSRF) token is missing or wrong. Reload the page and try again.',
  'error.email_taken': 'The e-mail address {email} is already used by another account.',
  'error.control_character': '“{field}” contains a control character that is not allowed (e.g. NUL).',
  'error.date_out_of_range': '“{field}” has a date outside the allowed range ({from} – {to}).',
  'dashboard.as_of_future': 'The as-of date cannot be after today ({today}).',
  'dashboard.no_such_group': 'The dashboard has no group “{group}”.',
  'dashboard.no_such_metric': 'This group has no figure “{metric}”.',
  'auth.invalid_credentials':
    'Wrong e-mail or password, or the account is temporarily locked after too many wrong passwords. Try again in a few minutes or contact an administrator.',
  'auth.inactive': 'This account has been deactivated. Contact an administrator.',
  'auth.wrong_current_password': 'The current password is wrong.',
  'password.too_short': 'The password must have at least {min} characters.',
  'password.too_long': 'The password must have at most {max} characters.',
  'password.classes':
    'The password must mix at least two of: lower-case letters, upper-case letters, digits, symbols.',
  'password.contains_email': 'The password must not contain the user name (the part of the e-mail before @).',
  'password.common': 'This password is too common and easy to guess. Choose another one.',
  'password.same_as_old': 'The new password must differ from the current one.',
  'grant.unknown_role': 'There is no role {role}.',
  'grant.unit_missing': 'The unit of the grant does not exist.',
  'grant.last_admin': 'The last administrator grant of the system cannot be revoked.',
  'file.empty': 'The uploaded file is empty.',
  'file.too_large': 'The file is larger than allowed ({max}).',
  'file.type_not_allowed':
    'This file type is not accepted (its content is {detected}). Accepted: PDF, Word, Excel, OpenDocument, PNG/JPEG images, plain text.',
  'file.missing': 'No file was chosen for upload.',
  'file.content_missing':
    'The content of the file “{name}” is no longer in the file store. Tell an administrator (request id {requestId}).',
  'work.file_not_citable':
    'Only evidence uploaded for this very item can be cited (uploaded by you, or already evidence of this item).',
  'unit.not_found': 'The unit does not exist.',
  'lineage.unit_not_valid': 'Unit {name} is not in force on {date}, so it cannot take part in this event.',
  'lineage.shape': 'A "{kind}" event needs {rule}.',
  'lineage.open_children':
    'Cannot end {name}: {count} units under it are still in force (e.g. {example}). Merge, transfer or abolish them first.',
  'lineage.cycle': 'Cannot place {name} under {parent}: a unit cannot be its own ancestor.',
  'lineage.code_overlap':
    'Code {code} is already used by {name} in an overlapping period (from {from}). A code is unique only within a period.',
  'lineage.weights': 'The shares of the successors must add up to 1 (they add up to {sum}).',
  'lineage.date_before_start': 'The effective date {date} must come after {name} began ({from}).',
  'lineage.no_change': 'There is no change to record.',
  'lineage.already_resolved': 'This predecessor has already been settled.',
  'periods.invalid_rules': 'The reporting rules are not valid: {detail}',
  'periods.already_retired': 'This reporting rule set has already been retired.',
  'periods.retire_before_start': 'A rule set cannot be retired before its current version starts ({from}).',
  'calendar.year_out_of_range': 'The year {year} is outside the supported calendar ({from}–{to}).',
  'calendar.date_out_of_range': 'The date {date} is outside the supported calendar (years {from}–{to}).',
  'calendar.result_out_of_range':
    'The result falls beyond the supported calendar (end of {to}). Use fewer working days.',
  'calendar.date_not_in_year': 'The date {date} is not in {year}.',
  'calendar.duplicate_date': 'The date {date} is entered more than once.',
  'calendar.tet_basis_required': 'Give the basis (the announcing document) of the Tết holiday block.',
  'calendar.tet_block_missing_new_year': 'The Tết holiday block must include Lunar New Year’s Day ({date}).',
  'calendar.day_off_on_weekend':
    'The date {date} is already a weekly rest day (Saturday or Sunday); it need not be declared a day off.',
  'calendar.working_day_not_weekend':
    'The date {date} is not a Saturday or Sunday, so it cannot be a make-up working day.',
  'calendar.working_day_is_day_off': 'The date {date} is declared both a make-up working day and a day off.',
  'calendar.day_off_is_holiday': 'The date {date} is already a day off ({name}).',
  'calendar.invalid_adjustments': 'The adjustments of {year} are inconsistent: {detail}',
  'committee.document_not_found': 'The chosen document is not in the register (or you may not read it).',
  'committee.date_range': 'The end date {to} cannot be before the start date {from}.',
  'committee.person_required': 'Choose an account or type the member’s full name.',
  'committee.user_not_found': 'The chosen account does not exist.',
  'committee.before_founding': 'The date {date} is before the committee was founded ({founded}).',
  'committee.already_ended': 'This record already ended on {date}.',
  'committee.outside_membership':
    'A monitoring assignment must fall within the membership (from {from} to {to}).',
  'pilots.committee_not_found': 'The chosen steering committee does not exist.',
  'pilots.committee_not_in_year': 'The steering committee did not exist in {year}.',
  'pilots.programme_exists': 'The committee already has its pilot units for {year}.',
  'pilots.unit_not_in_year': '{name} was not in force in {year}, so it cannot be a pilot unit of that year.',
  'pilots.unit_already_pilot': '{name} is already a pilot unit of {year}.',
  'pilots.member_not_in_year': 'The chosen person was not a member of the committee in {year}.',
  'pilots.document_not_found': 'The chosen document is not in the register (or you may not read it).',
  'plans.start_after_due': 'The start date cannot be after the due date ({due}).',
  'plans.document_not_found': 'The chosen document is not in the register (or you may not read it).',
  'work.unknown_action': 'No such action for this kind of work (actions: {actions}).',
  'work.document_not_found': 'The chosen document is not in the register (or you may not read it).',
  'pilots.due_not_in_year': 'The due date must fall within {year}.',
  'pilots.assessment_unknown_item': 'An assessed item does not belong to this pilot unit.',
  'pilots.report_unit_only':
    'Only the pilot unit’s PAR focal point or leader can write and submit its report.',
  'pilots.report_standing_only': 'Only the committee’s standing agency can accept or return a report.',
  'pilots.report_invalid_transition': 'This action is not possible in the report’s current status.',
  'pilots.report_final': 'The report has been accepted and can no longer change.',
  'pilots.report_overall_required': 'Write the overall assessment.',
  'pilots.report_assessment_missing': 'Assess the result of every pilot item ({count} not assessed yet).',
  'pilots.report_reason_required': 'Give the reason for returning the report.',
  'meeting.not_member':
    '{count} of the people chosen were not members of the committee on the meeting date {date}. Choose members in office that day.',
  'meeting.chair_not_member': 'The chair was not a member of the committee on the meeting date {date}.',
  'meeting.attendance_overlap': 'A member cannot be both present and absent (the chair included).',
  'meeting.unit_required': 'A working session needs the unit it is held with.',
  'meeting.held_in_future': 'The meeting of {date} has not taken place yet, so it cannot be marked as held.',
  'meeting.before_founding': 'The meeting date {date} is before the committee was founded ({founded}).',
  'meeting.after_dissolution': 'The meeting date {date} is after the committee was dissolved ({dissolved}).',
  'meeting.not_held':
    'The meeting has not been held yet: tasks and the conclusion notice come after the meeting.',
  'meeting.notice_exists': 'The conclusion notice of this meeting has already been issued.',
  'meeting.no_conclusions': 'The meeting has no conclusions to announce yet.',
  'meeting.conclusion_has_tasks':
    'This conclusion has been turned into tasks, so it cannot be deleted. Cancel the task in its plan if needed.',
  'meeting.lead_unit_required': 'Choose the lead unit.',
  'meeting.reform_area_required': 'Choose the task’s reform area.',
  'meeting.no_plan':
    'The committee has no {year} PAR plan to put the task in. Create the plan or choose another one.',
};

export type Locale = 'vi' | 'en';
/**
 * The catalogs: the platform's texts above, and each module's table added when the module list is loaded
 * (`server/modules/index.ts` registers them; a key of no loaded module reads as the key itself).
 */
const catalogs: Record<Locale, Record<string, string>> = { vi: { ...vi }, en: { ...en } };

export function registerMessages(
  table: Readonly<Record<string, { readonly vi: string; readonly en: string }>>,
) {
  for (const [key, text] of Object.entries(table)) {
    if (Object.hasOwn(catalogs.vi, key) && catalogs.vi[key] !== text.vi)
      throw new Error(`message ${key} is declared twice`);
    catalogs.vi[key] = text.vi;
    catalogs.en[key] = text.en;
  }
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.vi, key);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Figures as the UI shows them (1.234,5); small whole numbers (years, counts, versions) as they are. */
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Dates in messages read as people write them: 2025-06-30 → 30/06/2025 (both languages, as in the UI). */
function displayValue(value: string | number): string {
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 10000 ? String(value) : VI_NUMBER.format(value);
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * Fills a message. Dates read dd/mm/yyyy; placeholders that may carry an internal name (`{entity}`,
 * `{field}`, `{actions}`, `{kind}`, `{status}`: `NAME_PARAMS` in ./labels.ts) are filled with what people
 * call the thing, so no message shows a table, field or operation name.
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogs[locale][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_: string, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    const named = Object.hasOwn(NAME_PARAMS, name) ? NAME_PARAMS[name] : undefined;
    return named && typeof value === 'string' ? named(locale, value) : displayValue(value);
  });
}

/** Picks vi or en from an Accept-Language header (or an explicit choice); Vietnamese is the default. */
export function pickLocale(header: string | undefined): Locale {
  if (!header) return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export const messageCatalogs = catalogs;
