import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Texts of a notification given literally in both languages (when no message key fits). */
export type NotificationText = {
  vi: { title: string; body?: string | undefined };
  en: { title: string; body?: string | undefined };
};

/**
 * One entry of a user's in-app inbox. The text is a message key with parameters (rendered in the
 * reader's language when read or mailed) or literal vi/en text. `dedupe_key` makes a notification
 * once-only per user (e.g. one per reminder key); `email_job_id` is the e-mail or digest job that
 * carries it by mail.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    messageKey: text('message_key'),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    text: jsonb('text').$type<NotificationText>(),
    /** A path of the web UI (starts with '/'). */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key'),
    emailJobId: uuid('email_job_id'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/** A user's delivery choice. Users without a row get the defaults (digest at the configured hour). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  /** 'immediate' | 'digest' | 'off' */
  email: text('email').notNull().default('digest'),
  /** Hour of the daily digest, Asia/Ho_Chi_Minh (0–23). */
  digestHour: integer('digest_hour').notNull().default(7),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Settings of the notifications module as versioned JSON (e.g. key 'reminder_rule'). */
export const notificationSettings = pgTable('notification_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/**
 * The database-backed job queue (PGlite and PostgreSQL alike). `dedupe_key` is unique: enqueueing the
 * same key twice is a no-op, which is what makes reminders and digests once-only across restarts.
 * A claim sets `locked_by`/`locked_until`; a claim that expires (crashed worker) is taken again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** 'pending' | 'running' | 'done' | 'skipped' | 'failed' */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey), index('jobs_due_idx').on(t.status, t.runAt)],
);
