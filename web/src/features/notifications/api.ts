import { api } from '../../lib/api';

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity: { type: string; id: string } | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
};

export type Inbox = { items: NotificationItem[]; total: number; unread: number };

export type EmailPreference = 'immediate' | 'digest' | 'off';
export type Preferences = {
  email: EmailPreference;
  digestHour: number;
  version: number;
  emailConfigured: boolean;
  address: string;
};

export type ReminderRule = {
  beforeDueWorkingDays: number[];
  overdueEvery: { count: number; unit: 'working_days' | 'calendar_days' };
  maxOverdueReminders: number | null;
};
export type ReminderRuleState = {
  rule: ReminderRule;
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
  recipientRoles: string[];
  abilities: { update: boolean };
};

/** Query keys: everything under ['notifications'] is refreshed after a change. */
export const keys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (filter: string, page: number, lang: string) =>
    ['notifications', 'list', filter, page, lang] as const,
  preferences: ['notifications', 'preferences'] as const,
  rule: ['notifications', 'rule'] as const,
};

export const getUnreadCount = () => api.get<{ count: number }>('/api/notifications/unread-count');
export const getInbox = (filter: 'all' | 'unread', limit: number, offset: number) =>
  api.get<Inbox>('/api/notifications', { query: { filter, limit, offset } });
export const markRead = (id: string) => api.post<NotificationItem>(`/api/notifications/${id}/read`);
export const markAllRead = () => api.post<{ updated: number }>('/api/notifications/read-all');
export const getPreferences = () => api.get<Preferences>('/api/notifications/preferences');
export const savePreferences = (body: { email: EmailPreference; digestHour: number; version: number }) =>
  api.put<Preferences>('/api/notifications/preferences', body);
export const getReminderRule = () => api.get<ReminderRuleState>('/api/notifications/reminder-rule');
export const saveReminderRule = (rule: ReminderRule, version: number) =>
  api.put<ReminderRuleState>('/api/notifications/reminder-rule', { rule, version });
