/**
 * The public survey form's messages (vi first, en), joined to the catalogs by ./surveys.module.ts. They are read by
 * citizens and businesses on a phone, so they say what happened and what to do next — never how it works inside.
 * Dates in `{from}`/`{to}` are ISO dates: the catalogs print them dd/mm/yyyy.
 */
export const PUBLIC_SURVEY_MESSAGES = {
  'survey.public.form_not_found': {
    vi: 'Không tìm thấy phiếu khảo sát của mã này. Xin kiểm tra lại mã QR hoặc đường dẫn trên áp phích.',
    en: 'No survey form has this code. Please check the QR code or the link on the poster.',
  },
  'survey.public.invitation_not_found': {
    vi: 'Không tìm thấy thư mời của đường dẫn này. Xin mở lại đúng đường dẫn trong thư mời (chép đủ cả đường dẫn).',
    en: 'This invitation link was not found. Please open the exact link from your invitation (copy all of it).',
  },
  'survey.public.invitation_used': {
    vi: 'Đường dẫn này đã được dùng để trả lời phiếu. Mỗi thư mời chỉ dùng được một lần; câu trả lời đã gửi vẫn được ghi nhận.',
    en: 'This link has already been used to answer the survey. Each invitation can be used only once; the answers already sent are counted.',
  },
  'survey.public.not_open': {
    vi: 'Đợt khảo sát này chưa mở, chưa nhận câu trả lời.',
    en: 'This survey is not open yet and does not take answers.',
  },
  'survey.public.opens_on': {
    vi: 'Đợt khảo sát này chưa mở: nhận câu trả lời từ ngày {from}.',
    en: 'This survey is not open yet: it takes answers from {from}.',
  },
  'survey.public.closed': {
    vi: 'Đợt khảo sát này đã kết thúc, không nhận thêm câu trả lời. Cảm ơn bạn đã quan tâm.',
    en: 'This survey has ended and takes no more answers. Thank you for your interest.',
  },
  'survey.public.closed_on': {
    vi: 'Đợt khảo sát này đã kết thúc ngày {to}, không nhận thêm câu trả lời. Cảm ơn bạn đã quan tâm.',
    en: 'This survey ended on {to} and takes no more answers. Thank you for your interest.',
  },
  'survey.public.form_changed': {
    vi: 'Phiếu khảo sát đã được cập nhật từ khi bạn mở trang. Xin tải lại trang để trả lời trên phiếu mới nhất.',
    en: 'The survey form has changed since you opened the page. Please reload the page to answer the latest form.',
  },
  'survey.public.answers_invalid': {
    vi: 'Phiếu còn {count} chỗ cần sửa trước khi gửi.',
    en: 'The form has {count} answer(s) to correct before sending.',
  },
  'survey.public.thanks': {
    vi: 'Cảm ơn bạn đã trả lời phiếu khảo sát. Ý kiến của bạn giúp cơ quan nhà nước phục vụ người dân, doanh nghiệp tốt hơn.',
    en: 'Thank you for answering the survey. Your opinion helps public agencies serve people and businesses better.',
  },
  'survey.public.thanks_again': {
    vi: 'Phiếu trả lời của bạn đã được ghi nhận trước đó; lần gửi lại này không được tính thêm. Cảm ơn bạn.',
    en: 'Your answers were already recorded; sending them again does not count them twice. Thank you.',
  },
} as const;

export type PublicSurveyMessageKey = keyof typeof PUBLIC_SURVEY_MESSAGES;
