/**
 * The in-app inbox, e-mail preferences and the reminder rule (`/api/notifications/...`): the types are the
 * server's own (type-only imports of its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type {
  InboxOut as Inbox,
  MarkAllOut,
  NotificationOut as NotificationItem,
  PreferencesBody,
  PreferencesOut as Preferences,
  ReminderRuleBody as ReminderRule,
  ReminderRuleOut as ReminderRuleState,
  ReminderRuleSaveBody,
  UnreadOut,
} from '../../../../server/modules/notifications/notifications.schemas';
import { api } from '../../lib/api';

export type {
  InboxOut as Inbox,
  NotificationOut as NotificationItem,
  PreferencesOut as Preferences,
  ReminderRuleBody as ReminderRule,
  ReminderRuleOut as ReminderRuleState,
} from '../../../../server/modules/notifications/notifications.schemas';
export type EmailPreference = Preferences['email'];

/** Query keys: everything under ['notifications'] is refreshed after a change. */
export const keys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (filter: string, page: number, lang: string) =>
    ['notifications', 'list', filter, page, lang] as const,
  preferences: ['notifications', 'preferences'] as const,
  rule: ['notifications', 'rule'] as const,
};

export const getUnreadCount = () => api.get<UnreadOut>('/api/notifications/unread-count');
export const getInbox = (filter: 'all' | 'unread', limit: number, offset: number) =>
  api.get<Inbox>('/api/notifications', { query: { filter, limit, offset } });
export const markRead = (id: string) => api.post<NotificationItem>(`/api/notifications/${id}/read`);
export const markAllRead = () => api.post<MarkAllOut>('/api/notifications/read-all');
export const getPreferences = () => api.get<Preferences>('/api/notifications/preferences');
export const savePreferences = (body: PreferencesBody) =>
  api.put<Preferences>('/api/notifications/preferences', body);
export const getReminderRule = () => api.get<ReminderRuleState>('/api/notifications/reminder-rule');
export const saveReminderRule = (rule: ReminderRule, version: number) =>
  api.put<ReminderRuleState>('/api/notifications/reminder-rule', {
    rule,
    version,
  } satisfies ReminderRuleSaveBody);
