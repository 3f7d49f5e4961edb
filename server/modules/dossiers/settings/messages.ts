/**
 * Texts of the dossier rule settings (traffic-light thresholds, QĐ 766 weights), in Vietnamese and
 * English, merged into the server catalogs (`server/core/messages.ts`).
 */
export const DOSSIER_SETTINGS_MESSAGES = {
  'dossierSettings.invalid': {
    vi: 'Bộ ngưỡng và trọng số chưa hợp lệ: {detail}',
    en: 'The thresholds and weights are not valid: {detail}',
  },
  'dossierSettings.threshold_missing': {
    vi: 'Thiếu ngưỡng của chỉ tiêu “{indicator}”.',
    en: 'The threshold of “{indicator}” is missing.',
  },
  'dossierSettings.threshold_unknown': {
    vi: 'Không có chỉ tiêu “{indicator}”.',
    en: 'There is no indicator “{indicator}”.',
  },
  'dossierSettings.threshold_twice': {
    vi: 'Chỉ tiêu “{indicator}” được khai báo nhiều lần.',
    en: 'The indicator “{indicator}” is listed more than once.',
  },
  'dossierSettings.threshold_range': {
    vi: 'Ngưỡng của “{indicator}” phải từ 0% đến 100%.',
    en: 'The thresholds of “{indicator}” must be between 0% and 100%.',
  },
  'dossierSettings.threshold_order_higher': {
    vi: 'Với “{indicator}” (càng cao càng tốt), mức “cần cố gắng” không được cao hơn mức “đạt”.',
    en: 'For “{indicator}” (higher is better), the amber level cannot be above the green level.',
  },
  'dossierSettings.threshold_order_lower': {
    vi: 'Với “{indicator}” (càng thấp càng tốt), mức “cần cố gắng” không được thấp hơn mức “đạt”.',
    en: 'For “{indicator}” (lower is better), the amber level cannot be below the green level.',
  },
  'dossierSettings.groups_mismatch': {
    vi: 'Các nhóm của Bộ chỉ số QĐ 766 phải đúng năm nhóm: {expected}.',
    en: 'The QĐ 766 groups must be exactly the five groups: {expected}.',
  },
  'dossierSettings.criteria_mismatch': {
    vi: 'Nhóm “{group}” phải có các tiêu chí: {expected} (mỗi tiêu chí một lần).',
    en: 'The group “{group}” must have the criteria: {expected} (each once).',
  },
  'dossierSettings.criterion_not_allowed': {
    vi: 'Tiêu chí “{criterion}” không thuộc nhóm “{group}”; nhóm này có thể gồm: {allowed}.',
    en: 'The criterion “{criterion}” does not belong to the group “{group}”; this group may hold: {allowed}.',
  },
  'dossierSettings.max_negative': {
    vi: 'Điểm tối đa của nhóm “{group}” không được âm.',
    en: 'The maximum of the group “{group}” cannot be negative.',
  },
  'dossierSettings.max_sum': {
    vi: 'Tổng điểm tối đa của các nhóm phải bằng 100 (hiện là {sum}).',
    en: 'The group maxima must add up to 100 (they add up to {sum}).',
  },
  'dossierSettings.weight_negative': {
    vi: 'Trọng số của tiêu chí “{criterion}” không được âm.',
    en: 'The weight of the criterion “{criterion}” cannot be negative.',
  },
  'dossierSettings.group_without_weight': {
    vi: 'Nhóm “{group}” phải có ít nhất một tiêu chí có trọng số lớn hơn 0.',
    en: 'The group “{group}” needs at least one criterion with a weight above 0.',
  },
  'dossierSettings.confirm_needs_basis': {
    vi: '“{item}” chỉ được đánh dấu đã xác nhận (hoặc đổi giá trị đã xác nhận) khi có căn cứ pháp lý.',
    en: '“{item}” can be marked confirmed (or a confirmed value changed) only with a legal basis.',
  },
} as const;

export type DossierSettingsMessageKey = keyof typeof DOSSIER_SETTINGS_MESSAGES;
