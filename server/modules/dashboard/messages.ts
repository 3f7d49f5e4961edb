/**
 * The province dashboard's own messages (vi first, en), joined to the catalogs by ./dashboard.module.ts.
 */
export const DASHBOARD_MESSAGES = {
  'overview.no_such_period': {
    vi: 'Kỳ báo cáo không hợp lệ: hãy chọn một quý, 6 tháng, 9 tháng, năm hoặc từ đầu năm đến nay.',
    en: 'Not a reporting period: choose a quarter, a half-year, nine months, a year or the year to date.',
  },
  'overview.no_such_member': {
    vi: 'Người được chọn không phải là thành viên Ban Chỉ đạo vào ngày xem số liệu.',
    en: 'The person chosen is not a member of the Steering Committee on the day the figures are read.',
  },
} as const;
