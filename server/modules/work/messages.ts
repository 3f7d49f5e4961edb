/** The work engine's own messages (vi first, en), joined to the catalogs by ./work.module.ts. */
export const WORK_MESSAGES = {
  'work.effective_date_invalid': {
    vi: 'Ngày thực hiện không hợp lệ (dd/mm/yyyy).',
    en: 'The effective date is not a valid date (dd/mm/yyyy).',
  },
  'work.effective_date_future': {
    vi: 'Ngày thực hiện không được sau hôm nay ({limit}).',
    en: 'The effective date cannot be after today ({limit}).',
  },
  'work.effective_date_before_previous': {
    vi: 'Ngày thực hiện không được trước bước trước đó của việc này ({limit}).',
    en: 'The effective date cannot be before the previous step of this item ({limit}).',
  },
  'work.effective_date_before_period': {
    vi: 'Ngày thực hiện không được trước thời kỳ của việc này ({limit}).',
    en: 'The effective date cannot be before this item’s period ({limit}).',
  },
  'work.effective_date_before_recorded': {
    vi: 'Ngày thực hiện không được trước ngày việc này được giao trên hệ thống ({limit}); cơ quan thường trực ghi bổ sung lịch sử trước ngày đó.',
    en: 'The effective date cannot be before the day this item was assigned in the system ({limit}); the standing agency records earlier history.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
