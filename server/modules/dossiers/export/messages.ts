/**
 * Texts of the dossier Excel export, in Vietnamese and English, merged into the server catalogs
 * (`server/core/messages.ts`).
 */
export const DOSSIER_EXPORT_MESSAGES = {
  'dossierExport.not_ready': {
    vi: 'Tệp xuất chưa sẵn sàng (trạng thái: {status}).',
    en: 'The export is not ready yet (status: {status}).',
  },
  'dossierExport.expired': {
    vi: 'Tệp xuất đã hết hạn lưu giữ và đã được xóa; hãy xuất lại.',
    en: 'The export has expired and its file was removed; export again.',
  },
  'dossierExport.failed': {
    vi: 'Không tạo được tệp Excel: {detail}',
    en: 'The Excel file could not be made: {detail}',
  },
  'dossierExport.interrupted': {
    vi: 'Việc xuất bị gián đoạn nhiều lần (máy chủ khởi động lại); hãy xuất lại.',
    en: 'The export was interrupted too many times (server restarts); export again.',
  },
  'dossierExport.owner_gone': {
    vi: 'Người yêu cầu không còn quyền xem số liệu hồ sơ.',
    en: 'The requester may no longer read dossier figures.',
  },
} as const;

export type DossierExportMessageKey = keyof typeof DOSSIER_EXPORT_MESSAGES;
