/**
 * The texts of the Open311 endpoints (vi first, en): their error descriptions and the notes and notices of a
 * service request. Self-contained (`open311Text`), so the endpoints read the same whether or not the table is
 * also joined to the server's catalogs through the hotline module.
 */
export const OPEN311_MESSAGES = {
  'open311.not_enabled': {
    vi: 'Chưa bật tiếp nhận phản ánh qua Open311 (chưa cấu hình khóa API).',
    en: 'Submitting service requests through Open311 is not enabled (no API key is configured).',
  },
  'open311.api_key_invalid': {
    vi: 'Thiếu hoặc sai api_key. Liên hệ bộ phận tiếp nhận phản ánh của tỉnh để được cấp khóa.',
    en: "The api_key is missing or wrong. Ask the province's hotline office for a key.",
  },
  'open311.service_unknown': {
    vi: 'Không có dịch vụ (lĩnh vực phản ánh) “{code}”.',
    en: 'There is no service (feedback category) “{code}”.',
  },
  'open311.request_not_found': {
    vi: 'Không tìm thấy yêu cầu “{id}”.',
    en: 'No service request “{id}” was found.',
  },
  'open311.location_pair': {
    vi: 'Cần gửi cả lat và long (hoặc không gửi cả hai).',
    en: 'Send both lat and long (or neither).',
  },
  'open311.dates_order': {
    vi: 'end_date phải sau start_date.',
    en: 'end_date must come after start_date.',
  },
  'open311.idempotency_key': {
    vi: 'Idempotency-Key phải dài 8–100 ký tự, không có khoảng trắng.',
    en: 'The Idempotency-Key must be 8–100 characters without spaces.',
  },
  'open311.media_unsupported': {
    vi: 'Open311 không nhận tệp: gửi dạng application/x-www-form-urlencoded (media_url được bỏ qua).',
    en: 'Open311 takes no file uploads: send application/x-www-form-urlencoded (media_url is ignored).',
  },
  'open311.route_not_found': {
    vi: 'Không có địa chỉ Open311 {method} {url}.',
    en: 'There is no Open311 endpoint {method} {url}.',
  },
  'open311.internal': {
    vi: 'Đã xảy ra lỗi hệ thống (mã yêu cầu {requestId}).',
    en: 'Something went wrong on the server (request id {requestId}).',
  },
  'open311.notice_triage': {
    vi: 'Sẽ được phân loại trước {date}',
    en: 'Will be triaged by {date}',
  },
  'open311.notice_answer': {
    vi: 'Sẽ được trả lời trước {date}',
    en: 'Will be answered by {date}',
  },
  'open311.note_forwarded': { vi: 'Chuyển: {agency}', en: 'Forwarded to: {agency}' },
  'open311.note_merged': { vi: 'Gộp vào {code}', en: 'Merged into {code}' },
} as const;

export type Open311MessageKey = keyof typeof OPEN311_MESSAGES;

/** A text of the table with its `{placeholders}` filled (values as given: dates already dd/mm/yyyy). */
export function open311Text(
  locale: 'vi' | 'en',
  key: Open311MessageKey,
  params: Record<string, string | number> = {},
): string {
  return OPEN311_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
