/**
 * The standings' own messages (vi first, en), joined to the catalogs by ./standings.module.ts. Numbers read
 * 1.234,5 and dates dd/mm/yyyy (the catalog formats them).
 */
export const STANDINGS_MESSAGES = {
  'standings.no_province': {
    vi: 'Không xác định được tỉnh: hãy chọn tỉnh cần xem (quyền của bạn không thuộc đúng một tỉnh).',
    en: 'Which province? Choose one (your grants do not cover exactly one province).',
  },
  'standings.years_order': {
    vi: 'Năm bắt đầu phải trước hoặc bằng năm kết thúc.',
    en: 'The first year must not be after the last.',
  },
  'standings.years_span': {
    vi: 'Chỉ xem được tối đa {max} năm một lần.',
    en: 'At most {max} years at a time.',
  },
  'standings.year_future': {
    vi: 'Chưa thể có kết quả công bố của năm sau năm {max}.',
    en: 'There can be no published result for a year after {max}.',
  },
  'standings.not_a_province': {
    vi: 'Đơn vị được chọn không phải là một tỉnh, thành phố trực thuộc Trung ương.',
    en: 'The unit chosen is not a province.',
  },
  'standings.dimension_unknown': {
    vi: 'Nội dung này không thuộc {index} năm {year} theo phương pháp đánh giá của năm đó.',
    en: 'This is not a dimension of {index} in {year} under that year’s methodology.',
  },
  'standings.out_of_scale': {
    vi: 'Giá trị phải từ 0 đến {max}.',
    en: 'The value must be between 0 and {max}.',
  },
  'standings.rank_above_total': {
    vi: 'Thứ hạng không thể lớn hơn tổng số tỉnh được xếp hạng ({total}).',
    en: 'The rank cannot exceed the number of provinces ranked ({total}).',
  },
  'standings.target_empty': {
    vi: 'Mục tiêu cần có giá trị cần đạt hoặc thứ hạng cần đạt.',
    en: 'A target needs a value or a rank to reach.',
  },
  'standings.document_not_found': {
    vi: 'Không tìm thấy văn bản này trong sổ văn bản (hoặc bạn không có quyền xem).',
    en: 'This document is not in the register (or you may not read it).',
  },
  'standings.no_result': {
    vi: 'Chưa có kết quả công bố của nội dung này năm {year}: hãy nhập kết quả trước khi giao cải thiện.',
    en: 'No published result of this dimension for {year}: enter it before assigning an improvement.',
  },
  'standings.lead_unit_outside': {
    vi: 'Đơn vị chủ trì phải là một đơn vị thuộc tỉnh.',
    en: 'The lead unit must be a unit of the province.',
  },
  'standings.lead_unit_not_in_force': {
    vi: 'Đơn vị {name} không hoạt động trong năm {year} của kế hoạch: hãy chọn đơn vị kế thừa.',
    en: '{name} was not in force in the plan’s year {year}: choose the unit that succeeds it.',
  },
  'standings.plan_not_allowed': {
    vi: 'Chỉ thêm nhiệm vụ vào kế hoạch của chính đơn vị chủ trì hoặc kế hoạch của tỉnh.',
    en: 'Tasks can only go into the lead unit’s own plan or the province’s plan.',
  },
  'standings.no_plan': {
    vi: 'Việc cải thiện này chưa gắn với kế hoạch nào.',
    en: 'This improvement has no plan.',
  },
  'standings.due_outside_year': {
    vi: 'Hạn hoàn thành phải nằm trong năm {year} của kế hoạch.',
    en: 'The due date must fall within the plan’s year {year}.',
  },
  'standings.start_after_due': {
    vi: 'Ngày bắt đầu không được sau hạn hoàn thành.',
    en: 'The start cannot be after the due date.',
  },
  // The workbook (./rules/import-rows.ts).
  'standings.import.invalid': {
    vi: 'Tệp có {errors} lỗi ở {rows} dòng: chưa ghi kết quả nào. Hãy sửa rồi nhập lại.',
    en: 'The file has {errors} problems in {rows} rows: nothing was written. Correct them and import again.',
  },
  'standings.import.unreadable': {
    vi: 'Không đọc được tệp Excel (.xlsx) này.',
    en: 'This Excel file (.xlsx) cannot be read.',
  },
  'standings.import.not_xlsx': {
    vi: 'Tệp tải lên không phải tệp Excel (.xlsx) (nội dung nhận dạng: {detected}).',
    en: 'The file is not an Excel workbook (.xlsx) (its content reads as {detected}).',
  },
  'standings.import.missing_column': {
    vi: 'Thiếu cột “{column}” ở dòng tiêu đề.',
    en: 'The header row has no column “{column}”.',
  },
  'standings.import.required': { vi: 'Cần nhập ô này.', en: 'This cell is required.' },
  'standings.import.index_unknown': {
    vi: 'Không nhận ra chỉ số “{value}” (Chỉ số CCHC, SIPAS hoặc PAPI).',
    en: 'Unknown index “{value}” (PAR Index, SIPAS or PAPI).',
  },
  'standings.import.year_invalid': {
    vi: 'Năm phải là số nguyên từ {min} đến {max}.',
    en: 'The year must be a whole number from {min} to {max}.',
  },
  'standings.import.dimension_unknown': {
    vi: '“{value}” không phải lĩnh vực, yếu tố hay nội dung của {index} năm {year} (xem sheet Hướng dẫn).',
    en: '“{value}” is not a field, element or dimension of {index} in {year} (see the guide sheet).',
  },
  'standings.import.not_a_number': {
    vi: 'Cần một số từ {min} đến {max} (dấu phẩy thập phân, ví dụ 87,91).',
    en: 'A number from {min} to {max} is expected (e.g. 87.91).',
  },
  'standings.import.out_of_scale': {
    vi: 'Giá trị phải từ 0 đến {max}.',
    en: 'The value must be between 0 and {max}.',
  },
  'standings.import.rank_invalid': {
    vi: 'Thứ hạng là số nguyên từ 1 đến {max}.',
    en: 'A rank is a whole number from 1 to {max}.',
  },
  'standings.import.rank_above_total': {
    vi: 'Thứ hạng lớn hơn tổng số tỉnh được xếp hạng ({total}).',
    en: 'The rank exceeds the number of provinces ranked ({total}).',
  },
  'standings.import.duplicate': {
    vi: 'Trùng với dòng {row} (cùng chỉ số, năm và nội dung).',
    en: 'Same as row {row} (same index, year and dimension).',
  },
  'standings.import.too_long': {
    vi: 'Nội dung dài quá {max} ký tự.',
    en: 'Longer than {max} characters.',
  },
  'standings.import.changed_meanwhile': {
    vi: 'Kết quả đã được người khác nhập hoặc sửa trong lúc kiểm tra tệp: chưa ghi gì. Hãy nhập lại tệp.',
    en: 'Results were entered or changed by someone else while the file was checked: nothing was written. Import it again.',
  },
  'standings.import.no_rows': {
    vi: 'Tệp không có dòng kết quả nào có giá trị.',
    en: 'The file has no result rows with a value.',
  },
} as const;
