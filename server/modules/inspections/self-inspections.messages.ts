/**
 * The messages of self-inspections (vi first, en), joined to the catalogs by ./inspections.module.ts. Dates in
 * `{date}`, `{from}`, `{until}` are filled as dd/mm/yyyy by the catalog.
 */
export const SELF_INSPECTIONS_MESSAGES = {
  'inspections.self.unit_unknown': {
    vi: 'Không tìm thấy đơn vị này trong danh mục đơn vị.',
    en: 'This unit is not in the unit registry.',
  },
  'inspections.self.not_inspecting_kind': {
    vi: '{unit} không thuộc diện tự kiểm tra CCHC: chỉ sở, ban, ngành và UBND cấp huyện, cấp xã tự kiểm tra các phòng, đơn vị trực thuộc.',
    en: '{unit} does not self-inspect: only departments, boards and district or commune governments inspect their own divisions and sub-units.',
  },
  'inspections.self.unit_not_in_year': {
    vi: '{unit} không hoạt động trong năm {year} (hoặc năm này chưa bắt đầu).',
    en: '{unit} was not in force in {year} (or that year has not begun).',
  },
  'inspections.self.date_outside_year': {
    vi: 'Ngày kiểm tra {date} không thuộc năm {year}: hãy ghi ngày trong năm {year}.',
    en: 'The inspection date {date} is not in {year}: give a date in {year}.',
  },
  'inspections.self.date_future': {
    vi: 'Ngày kiểm tra {date} chưa đến: chỉ ghi nhận cuộc kiểm tra đã thực hiện.',
    en: 'The inspection date {date} is in the future: record only inspections already made.',
  },
  'inspections.self.unit_not_yet': {
    vi: 'Ngày {date} {unit} chưa được thành lập (hoạt động từ {from}).',
    en: 'On {date} {unit} did not exist yet (in force from {from}).',
  },
  'inspections.self.unit_ended': {
    vi: 'Ngày {date} {unit} đã kết thúc hoạt động (đến {until}).',
    en: 'On {date} {unit} had ended (in force until {until}).',
  },
  'inspections.self.inspects_itself': {
    vi: '{unit} không tự kiểm tra chính mình ở đây: hãy chọn một phòng hoặc đơn vị trực thuộc.',
    en: '{unit} cannot be recorded as inspecting itself: choose one of its divisions or sub-units.',
  },
  'inspections.self.inspected_not_yet': {
    vi: 'Ngày {date} {unit} chưa được thành lập (hoạt động từ {from}): không thể kiểm tra vào ngày đó.',
    en: 'On {date} {unit} did not exist yet (in force from {from}): it cannot have been inspected that day.',
  },
  'inspections.self.inspected_ended': {
    vi: '{unit} đã kết thúc hoạt động từ sau ngày {until}: không thể kiểm tra vào ngày {date}.',
    en: '{unit} ended on {until}: it cannot have been inspected on {date}.',
  },
  'inspections.self.not_below': {
    vi: 'Ngày {date} {unit} không phải phòng hay đơn vị trực thuộc {inspector}: chỉ ghi nhận việc tự kiểm tra đơn vị trực thuộc mình.',
    en: 'On {date} {unit} was not a division or sub-unit of {inspector}: a unit records only inspections of its own sub-units.',
  },
  'inspections.self.document_unknown': {
    vi: 'Không tìm thấy văn bản này trong sổ văn bản (hoặc bạn không được xem văn bản).',
    en: 'This document is not in the register (or you may not read it).',
  },
} as const;
