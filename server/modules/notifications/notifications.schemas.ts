import { z } from 'zod';
import { RULE_LIMITS } from './schedule.js';

export const inboxQuery = z.object({
  filter: z.enum(['all', 'unread']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const notificationOut = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    entity: z.object({ type: z.string(), id: z.string() }).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    emailedAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
/** One notification of the inbox, its title and body in the reader's language. */
export type NotificationOut = z.infer<typeof notificationOut>;

export const inboxOut = z.object({
  items: z.array(notificationOut),
  /** How many notifications match the filter (for paging). */
  total: z.number().int(),
  unread: z.number().int(),
});
export type InboxOut = z.infer<typeof inboxOut>;

export const unreadOut = z.object({ count: z.number().int() });
export type UnreadOut = z.infer<typeof unreadOut>;
export const markAllOut = z.object({ updated: z.number().int() });
export type MarkAllOut = z.infer<typeof markAllOut>;

export const preferencesOut = z
  .object({
    email: z.enum(['immediate', 'digest', 'off']),
    digestHour: z.number().int().min(0).max(23),
    /** 0 while the user has never saved (defaults). */
    version: z.number().int().min(0),
    /** Whether the server can send e-mail at all (SMTP configured). */
    emailConfigured: z.boolean(),
    address: z.string(),
  })
  .meta({ id: 'NotificationPreferences' });
export type PreferencesOut = z.infer<typeof preferencesOut>;

export const preferencesIn = z.object({
  email: z.enum(['immediate', 'digest', 'off']),
  digestHour: z.number().int().min(0).max(23),
  version: z.number().int().min(0),
});
export type PreferencesBody = z.input<typeof preferencesIn>;

/** The reminder rule as the API shows it (one interval with its unit). */
export const reminderRuleBody = z
  .object({
    beforeDueWorkingDays: z
      .array(z.number().int().min(1).max(RULE_LIMITS.maxBeforeDays))
      .max(RULE_LIMITS.maxBeforeCount),
    overdueEvery: z.object({
      count: z.number().int().min(1).max(RULE_LIMITS.maxInterval),
      unit: z.enum(['working_days', 'calendar_days']),
    }),
    maxOverdueReminders: z.number().int().min(0).max(RULE_LIMITS.maxOverdue).nullable(),
  })
  .meta({ id: 'ReminderRule' });
export type ReminderRuleBody = z.infer<typeof reminderRuleBody>;

export const reminderRuleOut = z
  .object({
    rule: reminderRuleBody,
    version: z.number().int().min(0),
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
    recipientRoles: z.array(z.string()),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'ReminderRuleState' });
/** The reminder rule in force, whether it is the default, and who gets the reminders. */
export type ReminderRuleOut = z.infer<typeof reminderRuleOut>;

export const reminderRuleIn = z.object({ rule: reminderRuleBody, version: z.number().int().min(0) });
export type ReminderRuleSaveBody = z.input<typeof reminderRuleIn>;

const jobCounts = z.object({
  claimed: z.number(),
  done: z.number(),
  skipped: z.number(),
  retry: z.number(),
  failed: z.number(),
  lost: z.number(),
});

export const passOut = z
  .object({
    at: z.string(),
    reminders: z.object({
      today: z.string(),
      openTasks: z.number(),
      due: z.number(),
      enqueued: z.number(),
    }),
    digestsQueued: z.number(),
    jobs: jobCounts,
  })
  .meta({ id: 'NotificationPass' });
export type PassOut = z.infer<typeof passOut>;

export const jobSummaryOut = z
  .object({
    counts: z.array(z.object({ kind: z.string(), status: z.string(), count: z.number() })),
    recentFailures: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        dedupeKey: z.string(),
        attempts: z.number(),
        lastError: z.string().nullable(),
        at: z.string(),
      }),
    ),
    nextRunAt: z.string().nullable(),
    mailerConfigured: z.boolean(),
    workerIntervalSeconds: z.number(),
  })
  .meta({ id: 'NotificationJobs' });
export type JobSummaryOut = z.infer<typeof jobSummaryOut>;
