/**
 * Texts of the dossier import (files and HTTP ingest), in Vietnamese and English, merged into the
 * server catalogs (`server/core/messages.ts`).
 */
export const DOSSIER_IMPORT_MESSAGES = {
  'dossiersImport.missing_column': {
    vi: 'Tệp không có cột “{column}”.',
    en: 'The file has no column “{column}”.',
  },
  'dossiersImport.required': {
    vi: 'Ô này không được để trống.',
    en: 'This cell cannot be empty.',
  },
  'dossiersImport.bad_date': {
    vi: 'Không đọc được ngày “{value}” (định dạng {format}, có thể kèm giờ HH:mm).',
    en: 'Cannot read the date “{value}” (format {format}, optionally with a time HH:mm).',
  },
  'dossiersImport.bad_value': {
    vi: 'Giá trị “{value}” không có trong bảng chuyển đổi của mẫu cột.',
    en: 'The value “{value}” is not in the mapping’s value table.',
  },
  'dossiersImport.bad_boolean': {
    vi: 'Giá trị “{value}” phải là Có hoặc Không.',
    en: 'The value “{value}” must be yes (Có) or no (Không).',
  },
  'dossiersImport.invalid_value': {
    vi: 'Giá trị của “{field}” không hợp lệ.',
    en: 'The value of “{field}” is not valid.',
  },
  'dossiersImport.unknown_unit_code': {
    vi: 'Không có đơn vị mã {code} vào ngày {date}.',
    en: 'There is no unit with code {code} on {date}.',
  },
  'dossiersImport.unit_not_allowed': {
    vi: 'Anh/chị không có quyền nhập hồ sơ của đơn vị này.',
    en: 'You may not import dossiers of this unit.',
  },
  'dossiersImport.duplicate_code': {
    vi: 'Mã hồ sơ {code} đã xuất hiện ở dòng trước trong tệp.',
    en: 'The dossier code {code} already appears on an earlier row of the file.',
  },
  'dossiersImport.file_type': {
    vi: 'Chỉ nhận tệp CSV hoặc Excel (.xlsx).',
    en: 'Only CSV or Excel (.xlsx) files are accepted.',
  },
  'dossiersImport.empty_file': {
    vi: 'Tệp không có dòng dữ liệu nào.',
    en: 'The file has no data rows.',
  },
  'dossiersImport.unreadable': {
    vi: 'Không đọc được tệp: {detail}',
    en: 'The file cannot be read: {detail}',
  },
  'dossiersImport.apply_failed': {
    vi: 'Không ghi được dữ liệu của tệp; không có hồ sơ nào được ghi. {detail}',
    en: 'The file’s data could not be written; no dossier was written. {detail}',
  },
  'dossiersImport.not_resumable': {
    vi: 'Lượt nhập này đã kết thúc hoặc đang chạy.',
    en: 'This import has finished or is running.',
  },
  'dossiersImport.bad_delimiter': {
    vi: 'Ký tự phân cách phải là một ký tự.',
    en: 'The delimiter must be one character.',
  },
  'dossiersImport.unknown_field': {
    vi: 'Trường “{value}” không có trong danh sách trường hồ sơ.',
    en: 'The field “{value}” is not a dossier field.',
  },
  'dossiersImport.field_twice': {
    vi: 'Trường “{value}” được gán cho nhiều cột.',
    en: 'The field “{value}” is mapped from more than one column.',
  },
  'dossiersImport.field_unmapped': {
    vi: 'Mẫu cột phải có cột cho trường “{value}”.',
    en: 'The mapping needs a column for the field “{value}”.',
  },
  'dossiersImport.unknown_code': {
    vi: 'Mã “{value}” không hợp lệ cho trường này.',
    en: 'The code “{value}” is not valid for this field.',
  },
  'dossiersImport.mapping_exists': {
    vi: 'Đã có mẫu cột tên “{name}”.',
    en: 'A mapping named “{name}” already exists.',
  },
  'dossiersImport.token_invalid': {
    vi: 'Mã truy cập API không hợp lệ hoặc đã bị thu hồi.',
    en: 'The API token is invalid or has been revoked.',
  },
  'dossiersImport.token_forbidden': {
    vi: 'Người tạo mã truy cập không còn quyền ghi hồ sơ của đơn vị này.',
    en: 'The token’s creator may no longer write dossiers of this unit.',
  },
  'dossiersImport.outside_scope': {
    vi: 'Đơn vị tiếp nhận nằm ngoài phạm vi của mã truy cập.',
    en: 'The receiving unit is outside the token’s scope.',
  },
} as const;

export type DossierImportMessageKey = keyof typeof DOSSIER_IMPORT_MESSAGES;
