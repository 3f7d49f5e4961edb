/**
 * The PAR Index's own messages (vi first, en), joined to the catalogs by ./parindex.module.ts. The pure rules give
 * their own bilingual texts (./rules); these are the services' refusals.
 */
export const PARINDEX_MESSAGES = {
  'parindex.framework_invalid': {
    vi: 'Bộ tiêu chí chưa hợp lệ ({count} lỗi) — xem từng mục bên dưới.',
    en: 'The framework is not valid ({count} problems) — see each below.',
  },
  'parindex.framework_import_invalid': {
    vi: 'Tệp bộ tiêu chí có {count} lỗi; chưa nhập gì — sửa các dòng bên dưới rồi nhập lại.',
    en: 'The framework workbook has {count} problems; nothing was imported — fix the rows below and import again.',
  },
  'parindex.framework_not_xlsx': {
    vi: 'Tệp không phải bảng tính Excel (.xlsx); hãy dùng mẫu tải về từ trang bộ tiêu chí.',
    en: 'The file is not an Excel workbook (.xlsx); use the template downloaded from the framework page.',
  },
  'parindex.deadlines_invalid': {
    vi: 'Các mốc thời hạn của đợt đánh giá chưa hợp lệ.',
    en: "The campaign's deadlines are not valid.",
  },
  'parindex.campaign.not_computing': {
    vi: 'Chỉ tính lại các tiêu chí từ dữ liệu khi đợt đánh giá đang diễn ra (từ tự đánh giá đến thẩm định vòng 2).',
    en: 'Computed criteria are recomputed only while the campaign runs (from self-assessment to round 2).',
  },
  'parindex.campaign.framework_group': {
    vi: 'Bộ tiêu chí đã chọn không dành cho nhóm đơn vị này.',
    en: 'The framework chosen is not for this group of units.',
  },
  'parindex.campaign.framework_year': {
    vi: 'Bộ tiêu chí phải là bộ của năm {year} (sao chép bộ năm trước sang năm {year} trước).',
    en: 'The framework must be the one for {year} (copy last year’s forward to {year} first).',
  },
  'parindex.campaign.framework_draft': {
    vi: 'Bộ tiêu chí còn là dự thảo: ban hành bộ tiêu chí trước khi dùng cho đợt đánh giá.',
    en: 'The framework is still a draft: publish it before a campaign uses it.',
  },
  'parindex.campaign.exists': {
    vi: 'Đã có đợt đánh giá Chỉ số CCHC năm {year}.',
    en: 'There is already a PAR Index campaign for {year}.',
  },
  'parindex.campaign.published': {
    vi: 'Kết quả đợt đánh giá đã công bố; không thay đổi được nữa.',
    en: 'The campaign’s results are published; it can no longer change.',
  },
  'parindex.campaign.frameworks_fixed': {
    vi: 'Các đơn vị đã bắt đầu chấm điểm theo bộ tiêu chí đã chọn; không đổi bộ tiêu chí được nữa.',
    en: 'Units are already scoring against the chosen frameworks; they can no longer change.',
  },
  'parindex.campaign.cannot_advance': {
    vi: 'Chưa chuyển được sang bước tiếp theo: {reason}',
    en: 'The campaign cannot move on yet: {reason}',
  },
  'parindex.council.not_eligible': {
    vi: 'Chỉ thành viên thẩm định hoặc cán bộ cơ quan thường trực của tỉnh mới tham gia Hội đồng thẩm định.',
    en: 'Only appraisers or standing-agency officers of the province can sit on the appraisal council.',
  },
  'parindex.council.one_chair': {
    vi: 'Hội đồng đã có Chủ tịch; đổi vai trò người đó trước.',
    en: 'The council already has a chair; change that member’s role first.',
  },
  'parindex.score.refused': { vi: '{reason}', en: '{reason}' },
  'parindex.score.not_yours': {
    vi: 'Tiêu chí này không do đơn vị tự chấm (tính từ dữ liệu của hệ thống hoặc từ kết quả điều tra xã hội học).',
    en: 'This item is not scored by the unit (it is computed from the system’s data or from the survey).',
  },
  'parindex.score.self_closed': {
    vi: 'Đã hết thời gian tự chấm điểm (hạn {date}) hoặc đơn vị đã gửi kết quả tự chấm; không sửa được nữa.',
    en: 'Self-scoring has closed (deadline {date}) or the unit has submitted; it can no longer change.',
  },
  'parindex.score.not_appraiser': {
    vi: 'Bạn không được phân công thẩm định lĩnh vực này trong Hội đồng.',
    en: 'You are not assigned to appraise this field on the council.',
  },
  'parindex.score.appraisal_closed': {
    vi: 'Không trong thời gian thẩm định vòng {round}.',
    en: 'Round {round} of the appraisal is not open.',
  },
  'parindex.score.explanation_closed': {
    vi: 'Không trong thời gian giải trình, hoặc tiêu chí này không bị điều chỉnh điểm.',
    en: 'Explanations are not open, or this item’s score was not changed.',
  },
  'parindex.evidence.not_contested': {
    vi: 'Trong thời gian giải trình, chỉ bổ sung tài liệu kiểm chứng cho tiêu chí bị điều chỉnh điểm.',
    en: 'While explaining, evidence can be added only to the items whose points the council changed.',
  },
  'parindex.evidence.closed': {
    vi: 'Không thêm, thay hoặc rút tài liệu kiểm chứng được lúc này (đã khóa tự chấm).',
    en: 'Evidence cannot be added, replaced or withdrawn now (self-scoring is locked).',
  },
  'parindex.evidence.link_missing': {
    vi: 'Không tìm thấy hồ sơ được liên kết, hoặc bạn không có quyền xem hồ sơ đó.',
    en: 'The linked record was not found, or you may not read it.',
  },
  'parindex.action.refused': { vi: '{reason}', en: '{reason}' },
  'parindex.results.not_signed_off': {
    vi: 'Dự thảo quyết định công bố chỉ lập được sau khi Hội đồng thẩm định ký xác nhận kết quả.',
    en: 'The draft decision can be made only after the appraisal council has signed the results off.',
  },
  'parindex.results.not_ready': {
    vi: 'Chỉ chốt kết quả được khi đợt đánh giá đang ở bước thẩm định vòng 2.',
    en: 'Results can be signed off only while the campaign is in round 2 of the appraisal.',
  },
  'parindex.results.not_all_final': {
    vi: 'Còn đơn vị chưa được chốt điểm; chốt điểm từng đơn vị trước khi Hội đồng ký xác nhận kết quả.',
    en: 'Some units’ scores are not final yet; finalise each unit before the council signs off.',
  },
} as const;
