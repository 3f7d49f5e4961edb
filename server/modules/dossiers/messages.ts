/**
 * Texts of the dossiers module's refusals, in Vietnamese and English, merged into the server catalogs
 * (`server/core/messages.ts`).
 */
export const DOSSIER_MESSAGES = {
  'dossiers.time_before_receipt': {
    vi: 'Thời điểm “{field}” không được trước thời điểm tiếp nhận hồ sơ.',
    en: 'The time “{field}” cannot be before the dossier was received.',
  },
  'dossiers.returned_before_resolved': {
    vi: 'Chỉ trả kết quả sau khi hồ sơ đã có kết quả giải quyết.',
    en: 'A result can be returned only after the dossier was resolved.',
  },
  'dossiers.resolved_and_withdrawn': {
    vi: 'Hồ sơ không thể vừa có kết quả vừa bị rút.',
    en: 'A dossier cannot be both resolved and withdrawn.',
  },
  'dossiers.status_needs_time': {
    vi: 'Trạng thái hồ sơ cần có thời điểm “{field}”.',
    en: 'The dossier’s status needs the time “{field}”.',
  },
  'dossiers.status_forbids_time': {
    vi: 'Trạng thái hồ sơ không phù hợp với thời điểm “{field}”.',
    en: 'The dossier’s status does not allow the time “{field}”.',
  },
  'dossiers.reason_required': {
    vi: 'Hồ sơ bị rút hoặc tạm dừng phải có lý do.',
    en: 'A withdrawn or suspended dossier needs a reason.',
  },
  'dossiers.suspension_order': {
    vi: 'Ngày tiếp tục xử lý không được trước ngày tạm dừng.',
    en: 'A suspension cannot end before it starts.',
  },
  'dossiers.suspension_overlap': {
    vi: 'Các khoảng tạm dừng không được chồng lên nhau.',
    en: 'Suspensions cannot overlap.',
  },
  'dossiers.suspended_needs_open': {
    vi: 'Hồ sơ đang tạm dừng phải có đúng một khoảng tạm dừng chưa kết thúc.',
    en: 'A suspended dossier needs exactly one suspension still open.',
  },
  'dossiers.open_suspension_not_suspended': {
    vi: 'Hồ sơ có khoảng tạm dừng chưa kết thúc phải ở trạng thái tạm dừng.',
    en: 'A dossier with an open suspension must have the status suspended.',
  },
  'dossiers.unknown_procedure': {
    vi: 'Không có thủ tục mã {code} trong danh mục.',
    en: 'There is no procedure with code {code} in the catalogue.',
  },
  'dossiers.unknown_unit': {
    vi: 'Không tìm thấy đơn vị tiếp nhận.',
    en: 'The receiving unit was not found.',
  },
  'dossiers.duplicate_code': {
    vi: 'Mã hồ sơ {code} xuất hiện nhiều lần trong cùng một lô.',
    en: 'The dossier code {code} appears more than once in the batch.',
  },
  'dossiers.procedure_exists': {
    vi: 'Đã có thủ tục mã {code} trong danh mục.',
    en: 'The catalogue already has a procedure with code {code}.',
  },
  'dossiers.period_order': {
    vi: 'Ngày bắt đầu kỳ phải trước hoặc bằng ngày kết thúc.',
    en: 'The period must start on or before its last day.',
  },
  'dossiers.procedure_import.no_code_column': {
    vi: 'Tệp danh mục thủ tục cần có cột “Mã TTHC”.',
    en: 'The procedure file needs a “Mã TTHC” (procedure code) column.',
  },
  'dossiers.procedure_import.required': {
    vi: 'Dòng {row}: thủ tục mới cần có giá trị ở cột “{column}”.',
    en: 'Row {row}: a new procedure needs a value in the column “{column}”.',
  },
  'dossiers.procedure_import.bad_value': {
    vi: 'Dòng {row}: giá trị ở cột “{column}” không đọc được.',
    en: 'Row {row}: the value in the column “{column}” cannot be read.',
  },
  'dossiers.procedure_import.duplicate_code': {
    vi: 'Dòng {row}: mã thủ tục đã có ở một dòng trước trong tệp.',
    en: 'Row {row}: the procedure code already appears on an earlier row of the file.',
  },
} as const;

export type DossierMessageKey = keyof typeof DOSSIER_MESSAGES;
