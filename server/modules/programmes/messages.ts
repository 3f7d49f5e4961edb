/**
 * The reform programmes' own messages (vi first, en), joined to the catalogs by ./programmes.module.ts.
 */
export const PROGRAMMES_MESSAGES = {
  'programmes.years_order': {
    vi: 'Năm bắt đầu phải trước hoặc bằng năm kết thúc của chương trình.',
    en: 'The first year must not be after the last year of the programme.',
  },
  'programmes.years_span': {
    vi: 'Một chương trình kéo dài tối đa {max} năm.',
    en: 'A programme spans at most {max} years.',
  },
  'programmes.committee_unknown': {
    vi: 'Không tìm thấy Ban Chỉ đạo được chọn.',
    en: 'The steering committee chosen was not found.',
  },
  'programmes.document_not_found': {
    vi: 'Không tìm thấy văn bản được chọn trong sổ văn bản (hoặc bạn không có quyền xem văn bản đó).',
    en: 'The document chosen is not in the register (or you may not read it).',
  },
  'programmes.milestone_outside': {
    vi: 'Mốc năm {year} nằm ngoài giai đoạn của chương trình ({from}–{to}).',
    en: 'The milestone of {year} is outside the programme’s period ({from}–{to}).',
  },
  'programmes.milestone_twice': {
    vi: 'Năm {year} có hai mốc; mỗi năm chỉ đặt một mốc.',
    en: 'The year {year} has two milestones; one per year.',
  },
  'programmes.baseline_after_start': {
    vi: 'Năm gốc ({year}) phải trước hoặc bằng năm bắt đầu của chương trình ({from}).',
    en: 'The baseline year ({year}) must not be after the programme’s first year ({from}).',
  },
  'programmes.period_excludes_targets': {
    vi: 'Giai đoạn mới không còn chứa mốc năm {year} của chỉ tiêu "{target}"; hãy sửa chỉ tiêu trước.',
    en: 'The new period leaves out the {year} milestone of the target "{target}"; change the target first.',
  },
  'programmes.figure_unknown': {
    vi: 'Chỉ tiêu được gắn với một số liệu mà hệ thống không tính.',
    en: 'The target is bound to a figure the system does not compute.',
  },
  'programmes.year_outside': {
    vi: 'Năm {year} nằm ngoài giai đoạn của chương trình ({from}–{to}).',
    en: 'The year {year} is outside the programme’s period ({from}–{to}).',
  },
  'programmes.year_future': {
    vi: 'Chưa thể nhập kết quả của năm {year} (năm chưa đến).',
    en: 'No result can be entered for {year} yet (the year has not come).',
  },
  'programmes.value_computed': {
    vi: 'Năm {year} đã có số liệu hệ thống tính từ dữ liệu ({value}); chỉ nhập tay cho năm chưa có số liệu.',
    en: 'The system computes {year} from its data ({value}); enter a value only for a year without data.',
  },
  'programmes.evidence_required': {
    vi: 'Kết quả nhập tay cần có minh chứng: tải lên một tệp hoặc chọn một văn bản trong sổ văn bản.',
    en: 'A value entered by hand needs evidence: upload a file or choose a registered document.',
  },
  'programmes.evidence_file_unknown': {
    vi: 'Không tìm thấy tệp minh chứng (tệp phải do bạn tải lên cho chỉ tiêu này).',
    en: 'The evidence file was not found (it must be one you uploaded for this target).',
  },
  'programmes.measured_on_year': {
    vi: 'Ngày đo phải thuộc năm {year} và không sau hôm nay.',
    en: 'The day measured must be in {year} and not after today.',
  },
  'programmes.review_exists': {
    vi: 'Báo cáo {kind} năm {year} của chương trình đã được mở.',
    en: 'The programme’s {kind} review of {year} is already open.',
  },
  'programmes.review_year': {
    vi: 'Năm báo cáo phải thuộc giai đoạn của chương trình và không sau năm nay.',
    en: 'The review year must be within the programme’s period and not after this year.',
  },
  'programmes.no_standing_unit': {
    vi: 'Ban Chỉ đạo chưa có cơ quan thường trực: hãy cập nhật Ban Chỉ đạo trước khi mở báo cáo.',
    en: 'The committee has no standing agency: set it before opening a review.',
  },
} as const;
