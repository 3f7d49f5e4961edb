/** The meetings module's server messages (Vietnamese first). */
export const MEETING_MESSAGES = {
  'meeting.internal_no_unit': {
    vi: 'Phiên họp nội bộ của Ban Chỉ đạo không gắn với đơn vị nào (chọn "Cuộc làm việc" để làm việc với một đơn vị).',
    en: 'A committee-internal meeting has no unit (choose "Working session" to meet a unit).',
  },
  'meeting.notice_number_layout': {
    vi: 'Số, ký hiệu không đúng thể thức văn bản của Ban Chỉ đạo ({basis}): ghi như "{example}" (in trên văn bản: "{line}").',
    en: 'The number and symbol do not follow the committee’s document layout ({basis}): write it like "{example}" (printed "{line}").',
  },
} as const;
