/**
 * The captcha's messages, for citizens on public forms (vi first, en), joined to the catalogs by
 * ./captcha.module.ts. The check runs unseen while the form is filled in, so the texts say what to do, not
 * how it works.
 */
export const CAPTCHA_MESSAGES = {
  'captcha.invalid': {
    vi: 'Hệ thống chưa xác nhận được lượt gửi này (bước chống gửi tự động). Vui lòng đợi vài giây rồi bấm gửi lại.',
    en: 'We could not confirm this submission (the check against automated sending). Please wait a few seconds and send it again.',
  },
  'captcha.expired': {
    vi: 'Trang đã mở quá lâu nên bước chống gửi tự động đã hết hạn. Vui lòng đợi vài giây rồi bấm gửi lại.',
    en: 'The page has been open too long, so the check against automated sending has expired. Please wait a few seconds and send it again.',
  },
} as const;
