/**
 * Texts of notifications and notification e-mails, in Vietnamese and English, merged into the server
 * catalogs (`server/core/messages.ts`). A notification kind `x` has `notification.x.title` and
 * `notification.x.body`; callers of `notify()` pass the base key `notification.x` with its params.
 * ISO dates in params are shown dd/mm/yyyy.
 */
export const NOTIFICATION_MESSAGES = {
  // Deadline reminders (the scheduler).
  // Reminders name what is owed by its title and its plan or programme (a plan task, a pilot item, a report).
  'notification.task_due_soon.title': {
    vi: 'Sắp đến hạn: {task}',
    en: 'Due soon: {task}',
  },
  'notification.task_due_soon.body': {
    vi: '“{task}” ({plan}) đến hạn ngày {due}, còn {days} ngày làm việc (tính đến ngày {on}).',
    en: '“{task}” ({plan}) is due on {due}: {days} working day(s) left as of {on}.',
  },
  'notification.task_due_today.title': {
    vi: 'Đến hạn hôm nay: {task}',
    en: 'Due today: {task}',
  },
  'notification.task_due_today.body': {
    vi: '“{task}” ({plan}) đến hạn hôm nay, ngày {due}.',
    en: '“{task}” ({plan}) is due today, {due}.',
  },
  'notification.task_overdue.title': {
    vi: 'Quá hạn: {task}',
    en: 'Overdue: {task}',
  },
  'notification.task_overdue.body': {
    vi: '“{task}” ({plan}) đã quá hạn {days} ngày làm việc tính đến ngày {on} (hạn {due}). Đề nghị đơn vị khẩn trương hoàn thành và báo cáo.',
    en: '“{task}” ({plan}) is {days} working day(s) overdue as of {on} (due {due}). Please complete and report it.',
  },
  // Task workflow events (sent by the plans module).
  'notification.task_returned.title': {
    vi: 'Báo cáo bị trả lại: {task}',
    en: 'Report returned: {task}',
  },
  'notification.task_returned.body': {
    vi: 'Cơ quan thường trực đã trả lại báo cáo hoàn thành nhiệm vụ “{task}”. Lý do: {reason}',
    en: 'The standing agency returned the done report of “{task}”. Reason: {reason}',
  },
  'notification.task_verified.title': {
    vi: 'Đã xác nhận hoàn thành: {task}',
    en: 'Verified done: {task}',
  },
  'notification.task_verified.body': {
    vi: 'Cơ quan thường trực đã xác nhận nhiệm vụ “{task}” hoàn thành.',
    en: 'The standing agency verified the task “{task}” as done.',
  },
  'notification.task_reported.title': {
    vi: 'Có báo cáo hoàn thành cần xác nhận: {task}',
    en: 'Done report to verify: {task}',
  },
  'notification.task_reported.body': {
    vi: '{unit} đã báo cáo hoàn thành nhiệm vụ “{task}”. Đề nghị xem xét, xác nhận hoặc trả lại.',
    en: '{unit} reported the task “{task}” as done. Please verify it or return it.',
  },
  // E-mails.
  'notification.email.open': {
    vi: 'Xem chi tiết: {url}',
    en: 'Open: {url}',
  },
  'notification.email.footer': {
    vi: 'Thư tự động của hệ thống chidao (Ban Chỉ đạo cải cách hành chính). Đổi cách nhận thông báo tại {url}',
    en: 'An automatic message of chidao (administrative-reform steering committee). Change how you are notified at {url}',
  },
  'notification.digest.subject': {
    vi: 'Tổng hợp thông báo ngày {date} ({count} thông báo)',
    en: 'Notifications digest of {date} ({count})',
  },
  'notification.digest.intro': {
    vi: 'Kính gửi {name}, sau đây là {count} thông báo chưa đọc của đồng chí:',
    en: 'Dear {name}, here are your {count} unread notifications:',
  },
  // Errors.
  'notification.rule_invalid': {
    vi: 'Quy tắc nhắc hạn không hợp lệ: {detail}',
    en: 'The reminder rule is invalid: {detail}',
  },
} as const;

export type NotificationMessageKey = keyof typeof NOTIFICATION_MESSAGES;

/** Base keys usable in `notify()`: those with a `.title` (and `.body`) text. */
export type NotificationTemplate = {
  [K in NotificationMessageKey]: K extends `${infer B}.title` ? B : never;
}[NotificationMessageKey];

export function isNotificationTemplate(key: string): key is NotificationTemplate {
  return Object.hasOwn(NOTIFICATION_MESSAGES, `${key}.title`);
}
