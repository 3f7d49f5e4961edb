/** The public portal's own messages (vi first, en), joined to the catalogs by ./portal.module.ts. */
export const PORTAL_MESSAGES = {
  'portal.no_province': {
    vi: 'Chưa có tỉnh nào trong danh mục đơn vị: cổng công khai chưa có nội dung.',
    en: 'There is no province in the unit registry yet: the public portal has nothing to show.',
  },
  'portal.not_published': {
    vi: 'Nội dung này không được công khai.',
    en: 'This information is not published.',
  },
  'portal.year_not_published': {
    vi: 'Số liệu năm {year} không được công khai.',
    en: 'The figures of {year} are not published.',
  },
  'portal.unit_not_in_results': {
    vi: 'Đơn vị này không có trong kết quả Chỉ số CCHC năm {year} đã công bố.',
    en: 'This unit is not in the published PAR Index results of {year}.',
  },
  'portal.period_not_offered': {
    vi: 'Kỳ số liệu này không được công khai hoặc chưa bắt đầu.',
    en: 'This period is not published or has not begun.',
  },
  'portal.campaign_not_published': {
    vi: 'Chỉ chọn được các đợt đánh giá Chỉ số CCHC đã công bố kết quả.',
    en: 'Only PAR Index campaigns whose results are published can be chosen.',
  },
  'portal.dataset_unknown': {
    vi: 'Không có bộ dữ liệu mở này.',
    en: 'There is no such open dataset.',
  },
} as const;
