/** The hotline's own messages (vi first, en), joined to the catalogs by ./hotline.module.ts. */
import type { z } from 'zod';
import { SLA_MESSAGES } from './rules/sla-messages.js';

export const HOTLINE_MESSAGES = {
  ...SLA_MESSAGES,
  'hotline.rule.not_allowed_now': {
    vi: 'Phản ánh đang ở bước không cho phép thao tác này.',
    en: 'The case is not at a step that allows this.',
  },
  'hotline.rule.not_your_step': {
    vi: 'Bước này không thuộc quyền của bạn (bộ phận tiếp nhận phân loại, duyệt và công khai; đơn vị được giao trả lời).',
    en: 'This step is not yours (the receiving office triages, approves and publishes; the assigned unit answers).',
  },
  'hotline.rule.reason_required': { vi: 'Cần nêu lý do.', en: 'A reason is required.' },
  'hotline.rule.answer_required': { vi: 'Cần nhập nội dung trả lời.', en: 'The answer is required.' },
  'hotline.rule.unit_required': { vi: 'Cần chọn đơn vị xử lý.', en: 'Choose the unit that handles it.' },
  'hotline.rule.forwarded_to_required': {
    vi: 'Cần ghi cơ quan có thẩm quyền được chuyển đến.',
    en: 'Name the competent body it is forwarded to.',
  },
  'hotline.rule.due_date_not_later': {
    vi: 'Hạn mới phải sau hạn hiện tại.',
    en: 'The new deadline must be later than the current one.',
  },
  'hotline.rule.same_unit': {
    vi: 'Phản ánh đang do đơn vị này xử lý; chọn đơn vị khác.',
    en: 'This unit already handles the case; choose another.',
  },
  'hotline.rule.reopened_already': {
    vi: 'Phản ánh đã được đề nghị xem xét lại một lần; không đề nghị thêm được.',
    en: 'The case has already been reopened once; it cannot be reopened again.',
  },
  'hotline.rule.not_rated_yet': {
    vi: 'Chưa có câu trả lời để đánh giá.',
    en: 'There is no answer to rate yet.',
  },
  'hotline.extension_too_long': {
    vi: 'Tổng thời gian gia hạn vượt quá {max} ngày làm việc theo quy định.',
    en: 'The extensions together exceed the {max} working days the rules allow.',
  },
  'hotline.received_in_future': {
    vi: 'Thời điểm tiếp nhận không được ở tương lai.',
    en: 'The time of receipt cannot be in the future.',
  },
  'hotline.category_unknown': {
    vi: 'Lĩnh vực không có hoặc đã ngừng sử dụng.',
    en: 'The category does not exist or is no longer used.',
  },
  'hotline.no_province': {
    vi: 'Chưa có tỉnh nào trong danh mục đơn vị để tiếp nhận phản ánh.',
    en: 'There is no province in the unit registry to receive feedback.',
  },
  'hotline.unit_not_in_province': {
    vi: 'Đơn vị được chọn không thuộc tỉnh hoặc đã kết thúc hoạt động.',
    en: 'The unit chosen is not in the province or has ended.',
  },
  'hotline.not_found': {
    vi: 'Không tìm thấy phản ánh với mã này.',
    en: 'No feedback with this code was found.',
  },
  'hotline.key_wrong': {
    vi: 'Mã bí mật không đúng: dùng đường dẫn hoặc mã QR nhận được khi gửi phản ánh.',
    en: 'The secret key is wrong: use the link or QR code you got when you sent the feedback.',
  },
  'hotline.file_type': {
    vi: 'Chỉ nhận ảnh (JPG, PNG) hoặc PDF.',
    en: 'Only images (JPG, PNG) or PDF files are accepted.',
  },
  'hotline.too_many_files': {
    vi: 'Gửi tối đa {max} tệp.',
    en: 'Send at most {max} files.',
  },
  'hotline.data_missing': {
    vi: 'Thiếu nội dung phản ánh (trường “data” phải đứng trước các tệp).',
    en: 'The feedback is missing (the “data” field must come before the files).',
  },
  'hotline.merge_self': {
    vi: 'Không gộp phản ánh vào chính nó hoặc vào phản ánh đã được gộp.',
    en: 'A case cannot be merged into itself or into a merged case.',
  },
  'hotline.category_key': {
    vi: 'Mã lĩnh vực gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ.',
    en: 'A category key is lower-case letters, digits and underscores, starting with a letter.',
  },
  'hotline.category_key_taken': {
    vi: 'Mã lĩnh vực “{key}” đã có.',
    en: 'The category key “{key}” is taken.',
  },
  'hotline.rules_in_past': {
    vi: 'Quy định mới áp dụng từ hôm nay trở đi (phản ánh đã nhận giữ quy định khi tiếp nhận).',
    en: 'New rules apply from today on (cases already received keep the rules they were received under).',
  },
  'hotline.rules_invalid': {
    vi: 'Quy định thời hạn có {count} điểm chưa hợp lệ.',
    en: 'The deadline rules have {count} problems.',
  },
  'hotline.rules_date_taken': {
    vi: 'Đã có phiên bản quy định áp dụng từ ngày {date}.',
    en: 'A version of the rules already applies from {date}.',
  },
  'hotline.answer_file_unknown': {
    vi: 'Chỉ công khai được tệp kèm theo câu trả lời đang được duyệt.',
    en: 'Only files attached to the answer being approved can be published.',
  },
  'hotline.answer_file_type': {
    vi: 'Chỉ công khai được ảnh (JPG, PNG) hoặc tệp PDF.',
    en: 'Only images (JPG, PNG) or PDF files can be published.',
  },
  // The public form's problems, field by field, in the words the public page uses for the same checks.
  'hotline.form.fix_fields': { vi: 'Vui lòng sửa các mục sau:', en: 'Please correct the following:' },
  'hotline.form.category': { vi: 'Vui lòng chọn lĩnh vực.', en: 'Please choose an area.' },
  'hotline.form.subject': {
    vi: 'Vui lòng chọn một đơn vị trong danh sách, hoặc xóa ô này và ghi vào ô địa điểm.',
    en: 'Please pick a unit from the list, or clear this box and write it in the place field.',
  },
  'hotline.form.location': {
    vi: 'Vị trí trên bản đồ chưa đúng; vui lòng bỏ vị trí rồi thử lại.',
    en: 'The location is not valid; please clear it and try again.',
  },
  'hotline.form.title': { vi: 'Vui lòng nhập tiêu đề.', en: 'Please enter a title.' },
  'hotline.form.description': {
    vi: 'Vui lòng nhập nội dung phản ánh (ít nhất {min} ký tự).',
    en: 'Please describe your feedback (at least {min} characters).',
  },
  'hotline.form.too_long': { vi: 'Dài quá {max} ký tự.', en: 'Longer than {max} characters.' },
  'hotline.form.email': {
    vi: 'Địa chỉ e-mail chưa đúng, ví dụ: ten@example.vn.',
    en: 'This e-mail address is not valid, e.g. name@example.vn.',
  },
  'hotline.form.captcha': {
    vi: 'Chưa kiểm tra chống thư rác được; vui lòng bấm “Gửi phản ánh” lần nữa.',
    en: 'The anti-spam check did not go through; please press “Send feedback” again.',
  },
  'hotline.form.invalid': {
    vi: 'Thông tin này chưa đúng; vui lòng kiểm tra lại.',
    en: 'This is not valid; please check it again.',
  },
} as const;

type FormKey = Extract<keyof typeof HOTLINE_MESSAGES, `hotline.form.${string}`>;

/** Each field of the public form: its message when missing or too short, when too long, when malformed. */
const FORM_FIELDS: Record<string, { missing?: FormKey; long?: FormKey; invalid: FormKey }> = {
  categoryId: { missing: 'hotline.form.category', invalid: 'hotline.form.category' },
  subjectUnitId: { invalid: 'hotline.form.subject' },
  place: { long: 'hotline.form.too_long', invalid: 'hotline.form.invalid' },
  lat: { invalid: 'hotline.form.location' },
  lng: { invalid: 'hotline.form.location' },
  title: { missing: 'hotline.form.title', long: 'hotline.form.too_long', invalid: 'hotline.form.title' },
  description: {
    missing: 'hotline.form.description',
    long: 'hotline.form.too_long',
    invalid: 'hotline.form.description',
  },
  name: { long: 'hotline.form.too_long', invalid: 'hotline.form.invalid' },
  phone: { long: 'hotline.form.too_long', invalid: 'hotline.form.invalid' },
  email: { long: 'hotline.form.too_long', invalid: 'hotline.form.email' },
  address: { long: 'hotline.form.too_long', invalid: 'hotline.form.invalid' },
  captcha: { invalid: 'hotline.form.captcha' },
};

export type FormProblem = {
  field: string;
  message: FormKey;
  params: Record<string, number>;
};

/**
 * The public form's validation problems (Zod's issues of `publicFeedbackIn`) as the page shows them: one per
 * field, the first, named by the form's field (`captcha.token` → `captcha`) and said in the reader's language by
 * the error handler (a message key, with the length it asks for) — never Zod's own English. `minLength` fills the
 * description's message when the field is missing altogether.
 */
export function publicFormProblems(
  issues: readonly z.core.$ZodIssue[],
  minLength: Record<string, number> = {},
): FormProblem[] {
  const out: FormProblem[] = [];
  for (const issue of issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'data';
    if (out.some((p) => p.field === field)) continue;
    const known = FORM_FIELDS[field];
    if (!known) {
      out.push({ field, message: 'hotline.form.invalid', params: {} });
      continue;
    }
    // Absent (or not text at all) or too short: the field is asked for, with the length it needs.
    const missing = issue.code === 'invalid_type' || issue.code === 'too_small';
    if (issue.code === 'too_big' && known.long)
      out.push({ field, message: known.long, params: { max: Number(issue.maximum) } });
    else if (missing && known.missing)
      out.push({
        field,
        message: known.missing,
        params: {
          min: issue.code === 'too_small' ? Number(issue.minimum) : (minLength[field] ?? 1),
        },
      });
    else out.push({ field, message: known.invalid, params: {} });
  }
  return out;
}
