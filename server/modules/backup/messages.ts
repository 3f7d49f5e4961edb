/**
 * Texts of backup and restore, in Vietnamese and English, merged into the server catalogs
 * (`server/core/messages.ts`). `{detail}` is the technical reason, for the operator.
 */
export const BACKUP_MESSAGES = {
  'backup.running': {
    vi: 'Một bản sao lưu khác đang được tạo; hãy thử lại khi bản đó xong.',
    en: 'Another backup is being made; try again when it has finished.',
  },
  'backup.no_database': {
    vi: 'Không có cơ sở dữ liệu nào để sao lưu trong thư mục {dir}.',
    en: 'There is no database to back up in {dir}.',
  },
  'backup.corrupt': {
    vi: 'Tệp sao lưu bị hỏng hoặc không đầy đủ ({detail}). Chưa có gì được khôi phục.',
    en: 'The backup file is damaged or incomplete ({detail}). Nothing was restored.',
  },
  'backup.format_too_new': {
    vi: 'Tệp sao lưu được tạo bởi chidao {version} theo định dạng mới hơn phiên bản này; hãy cập nhật chidao trước khi khôi phục.',
    en: 'The backup was made by chidao {version} in a newer format than this version reads; update chidao before restoring.',
  },
  'backup.newer_version': {
    vi: 'Tệp sao lưu được tạo bởi chidao {version}, có cấu trúc dữ liệu ({migration}) mà phiên bản này chưa có; hãy cập nhật chidao trước khi khôi phục.',
    en: 'The backup was made by chidao {version}, whose database structure ({migration}) this version does not have; update chidao before restoring.',
  },
  'backup.target_not_empty': {
    vi: 'Nơi khôi phục chưa trống: {detail}. Chỉ khôi phục vào thư mục dữ liệu hoặc cơ sở dữ liệu trống; thêm --force để xóa dữ liệu đang có trước khi khôi phục.',
    en: 'The restore target is not empty: {detail}. Restore only into an empty data directory or database; add --force to erase what is there first.',
  },
  'backup.schema_mismatch': {
    vi: 'Tệp sao lưu không khớp với cấu trúc cơ sở dữ liệu ({detail}). Chưa có gì được khôi phục.',
    en: 'The backup does not match the database structure ({detail}). Nothing was restored.',
  },
  'backup.restore_failed': {
    vi: 'Không khôi phục được dữ liệu ({detail}). Nơi khôi phục được để trống như trước.',
    en: 'The data could not be restored ({detail}). The target was left empty, as it was.',
  },
} as const;

export type BackupMessageKey = keyof typeof BACKUP_MESSAGES;
