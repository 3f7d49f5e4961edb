/**
 * The surveys office's messages (vi first, en), joined to the catalogs by ./surveys.module.ts. The pure rules give
 * their own bilingual texts (./rules: a definition's problems, an index config's); these are the services' refusals.
 */
export const SURVEY_MESSAGES = {
  'survey.no_province': {
    vi: 'Bạn không phụ trách khảo sát của tỉnh nào (cần vai trò quản trị hoặc cán bộ thường trực cấp tỉnh).',
    en: 'You do not run the surveys of any province (an administrator or standing officer over the province is needed).',
  },
  'survey.template_unknown': {
    vi: 'Không có phiếu mẫu “{key}”.',
    en: 'There is no template “{key}”.',
  },
  'survey.period_order': {
    vi: 'Ngày kết thúc khảo sát phải từ ngày bắt đầu trở đi.',
    en: 'The survey must close on or after the day it opens.',
  },
  'survey.closed': {
    vi: 'Cuộc khảo sát đã kết thúc; không thay đổi được nữa.',
    en: 'The survey is closed; it can no longer change.',
  },
  'survey.anonymous_locked': {
    vi: 'Đã có {count} phiếu trả lời theo chế độ hiện tại; không đổi chế độ ẩn danh được nữa (người trả lời đã được thông báo).',
    en: 'There are already {count} responses under the current setting; whether the survey is anonymous can no longer change (respondents were told).',
  },
  'survey.definition_invalid': {
    vi: 'Phiếu khảo sát chưa hợp lệ ({count} lỗi) — xem từng mục bên dưới.',
    en: 'The questionnaire is not valid ({count} problems) — see each below.',
  },
  'survey.xlsform_invalid': {
    vi: 'Tệp phiếu khảo sát có {count} lỗi; chưa nhập gì — sửa các dòng bên dưới rồi nhập lại.',
    en: 'The questionnaire workbook has {count} problems; nothing was imported — fix the rows below and import again.',
  },
  'survey.not_xlsx': {
    vi: 'Tệp không phải bảng tính Excel (.xlsx); hãy dùng mẫu tải về từ trang khảo sát.',
    en: 'The file is not an Excel workbook (.xlsx); use the template downloaded from the survey page.',
  },
  'survey.targets_invalid': {
    vi: 'Danh sách đơn vị khảo sát có {count} lỗi — xem từng mục bên dưới.',
    en: 'The list of surveyed units has {count} problems — see each below.',
  },
  'survey.target_unit_invalid': {
    vi: 'Đơn vị không thuộc tỉnh hoặc không còn hoạt động hôm nay.',
    en: 'The unit is not in the province or is not in operation today.',
  },
  'survey.target_duplicate': {
    vi: 'Đơn vị và nhóm đối tượng này đã có ở dòng trên.',
    en: 'This unit and group are already listed above.',
  },
  'survey.target_has_responses': {
    vi: 'Không bỏ được {unit}: đã có {count} phiếu trả lời cho đơn vị, nhóm đối tượng này.',
    en: '{unit} cannot be removed: it already has {count} responses for this group.',
  },
  'survey.cannot_open': {
    vi: 'Chưa mở được khảo sát: {reason}',
    en: 'The survey cannot open yet: {reason}',
  },
  'survey.not_open': {
    vi: 'Cuộc khảo sát đang không mở nhận phiếu.',
    en: 'The survey is not open for answers.',
  },
  'survey.invitations_invalid': {
    vi: 'Danh sách người được mời có {count} lỗi; chưa mời ai — sửa các dòng bên dưới rồi nhập lại.',
    en: 'The list of invitees has {count} problems; nobody was invited — fix the rows below and import again.',
  },
  'survey.invitations_empty': {
    vi: 'Tệp không có dòng nào dưới dòng tiêu đề (Đơn vị, Nhóm, Họ tên, E-mail, Điện thoại / Zalo).',
    en: 'The file has no rows under its header (Unit, Group, Name, E-mail, Phone / Zalo).',
  },
  'survey.no_targets': {
    vi: 'Cuộc khảo sát chưa có đơn vị được khảo sát.',
    en: 'The survey has no surveyed units yet.',
  },
  'survey.config_unknown': {
    vi: 'Không có bộ công thức chỉ số “{key}” trong phiếu hiện tại.',
    en: 'The current questionnaire has no index configuration “{key}”.',
  },
  'survey.unit_not_yours': {
    vi: 'Bạn chỉ xem được kết quả của đơn vị mình trong cuộc khảo sát này.',
    en: 'You can only see your own unit’s results in this survey.',
  },
} as const;
