/** Server messages of the stale-links report (Vietnamese first). */
export const STALE_LINK_MESSAGES = {
  'stale_links.gone': {
    vi: 'Liên kết này không còn trỏ tới đơn vị đã kết thúc (có thể người khác vừa cập nhật). Hãy tải lại danh sách.',
    en: 'This link no longer points to an ended unit (someone may just have updated it). Reload the list.',
  },
  'stale_links.changed': {
    vi: 'Bản ghi này vừa được người khác sửa. Hãy tải lại danh sách rồi chọn lại.',
    en: 'Someone else has just changed this record. Reload the list and choose again.',
  },
  'stale_links.not_proposed': {
    vi: 'Chỉ chọn trong các đơn vị hoặc thành viên được đề xuất.',
    en: 'Choose only among the proposed units or members.',
  },
  'stale_links.one_lead_unit': {
    vi: 'Một nhiệm vụ chỉ có một đơn vị chủ trì: hãy chọn đúng một đơn vị kế thừa.',
    en: 'A task has one lead unit: choose exactly one successor.',
  },
  'stale_links.open_record': {
    vi: 'Liên kết này được xử lý trên trang của bản ghi (kết luận: trang phiên họp), không áp dụng tại đây.',
    en: 'This link is handled on the record’s own page (a conclusion: the meeting page), not applied here.',
  },
  'stale_links.one_member': {
    vi: 'Hãy chọn đúng một thành viên phụ trách.',
    en: 'Choose exactly one responsible member.',
  },
} as const;
