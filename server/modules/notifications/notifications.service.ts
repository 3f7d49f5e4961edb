/**
 * Notifications: one in-app inbox per user, e-mail (at once or in a daily digest) through jobs, and the
 * reminder rule as versioned data. Other modules use `notify()` and `recipientsForUnit()`.
 *
 * `notify()` only writes to the database — inbox rows and e-mail jobs — with the caller's `ctx.db`, so it
 * runs inside the caller's transaction and commits or rolls back with it. It never sends anything: the
 * worker (notifications.worker.ts) does, after the commit.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, notFound, staleVersion, unauthenticated } from '../../core/errors.js';
import { translate, type Locale, type MessageKey } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { roleHoldersOver } from '../access/access.service.js';
import type { Role } from '../access/roles.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar } from '../calendar/index.js';
import type { ReminderRule } from '../tasks/index.js';
import { ancestorPaths } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import { isNotificationTemplate, type NotificationTemplate } from './messages.js';
import { canAdministerNotifications } from './notifications.policy.js';
import type { ReminderRuleBody } from './notifications.schemas.js';
import {
  jobs,
  notificationPreferences,
  notifications,
  notificationSettings,
  type NotificationText,
} from './notifications.table.js';
import { enqueueJob, enqueueJobs, pendingJobsByPrefix, rescheduleJob, type NewJob } from './jobs.service.js';
import {
  DEFAULT_NOTIFICATION_RULE,
  digestJobKey,
  digestSlot,
  ruleProblems,
  vietnamInstant,
} from './schedule.js';

export type EmailPreference = 'immediate' | 'digest' | 'off';
export const EMAIL_PREFERENCES: readonly EmailPreference[] = ['immediate', 'digest', 'off'];

/** Job kinds of this module. */
export const JOB_KINDS = {
  reminder: 'task_reminder',
  email: 'email',
  digest: 'digest',
  /** A mail to someone who is not a user (a hotline submitter following their case). */
  outsideEmail: 'outside_email',
} as const;

/**
 * Queues a mail to an address that is not an account's (a citizen following their feedback): sent by the worker
 * when a mail server is configured, skipped otherwise; the same `dedupeKey` is queued once. Call it inside the
 * transaction of the step it tells of, so a step that fails sends nothing.
 */
export async function queueOutsideEmail(
  db: Db,
  mail: { to: string; subject: string; text: string; dedupeKey: string },
): Promise<boolean> {
  return enqueueJob(db, {
    kind: JOB_KINDS.outsideEmail,
    dedupeKey: mail.dedupeKey,
    payload: { to: mail.to, subject: mail.subject, text: mail.text },
  });
}

// ---------------------------------------------------------------------------------------------------
// Defaults set from the configuration when the app is built

const defaults = { digestHour: 7 };

/** The digest hour of users who have not chosen one (CHIDAO_DIGEST_HOUR). */
export function setNotificationDefaults(options: { digestHour: number }) {
  defaults.digestHour = options.digestHour;
}

export type Preferences = { email: EmailPreference; digestHour: number; version: number };

function effective(row: typeof notificationPreferences.$inferSelect | undefined): Preferences {
  if (!row) return { email: 'digest', digestHour: defaults.digestHour, version: 0 };
  return { email: row.email as EmailPreference, digestHour: row.digestHour, version: row.version };
}

/** Each user's delivery preferences (defaults for users without a row). */
export async function preferencesOf(db: Db, userIds: readonly string[]): Promise<Map<string, Preferences>> {
  const unique = [...new Set(userIds)];
  const found = unique.length
    ? await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, unique))
    : [];
  const byUser = new Map(found.map((r) => [r.userId, r]));
  return new Map(unique.map((id) => [id, effective(byUser.get(id))]));
}

// ---------------------------------------------------------------------------------------------------
// notify()

export type NotifyInput = {
  userIds: readonly string[];
  /** What happened, for filtering and icons: e.g. 'task_overdue', 'task_returned'. */
  kind: string;
  /** A base key of ./messages.ts (`notification.x` → `.title`/`.body`) with its params… */
  messageKey?: NotificationTemplate;
  params?: Record<string, string | number>;
  /** …or literal texts in both languages. */
  text?: NotificationText;
  /** A path of the web UI, e.g. `/plans/<id>`. */
  link?: string | null;
  entity?: { type: string; id: string } | null;
  /** Makes the notification once-only per user (a second notify with the same key adds nothing). */
  dedupeKey?: string;
};

export type NotifyResult = { created: number; notificationIds: string[]; emailJobs: number };

/**
 * Puts a notification in each user's inbox and enqueues its e-mail per the user's preference:
 * 'immediate' → one `email` job for this notification; 'digest' → the user's next daily `digest` job
 * (one per user per day, whatever the number of events); 'off' → none. Database writes only, on
 * `ctx.db`: call it inside your transaction. Inactive or unknown users are skipped.
 */
export async function notify(
  ctx: RequestContext,
  input: NotifyInput,
  now: Date = new Date(),
): Promise<NotifyResult> {
  if (!input.text && !(input.messageKey && isNotificationTemplate(input.messageKey)))
    throw new Error('notify() needs a known messageKey or vi/en text');
  if (input.link && (!input.link.startsWith('/') || input.link.startsWith('//')))
    throw new Error('notify() link must be a path of the web UI');
  const users = (await usersByIds(ctx, [...new Set(input.userIds)])).filter((u) => u.active);
  if (!users.length) return { created: 0, notificationIds: [], emailJobs: 0 };
  const prefs = await preferencesOf(
    ctx.db,
    users.map((u) => u.id),
  );
  const emailJobId = new Map(
    users.filter((u) => prefs.get(u.id)!.email === 'immediate').map((u) => [u.id, randomUUID()]),
  );
  const inserted = await ctx.db
    .insert(notifications)
    .values(
      users.map((u) => ({
        userId: u.id,
        kind: input.kind,
        messageKey: input.messageKey ?? null,
        params: input.params ?? {},
        text: input.text ?? null,
        link: input.link ?? null,
        entityType: input.entity?.type ?? null,
        entityId: input.entity?.id ?? null,
        dedupeKey: input.dedupeKey ?? null,
        emailJobId: emailJobId.get(u.id) ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id, userId: notifications.userId });

  const newJobs: NewJob[] = [];
  const calendar = inserted.some((n) => prefs.get(n.userId)!.email === 'digest')
    ? await loadCalendar(ctx.db)
    : null;
  for (const n of inserted) {
    const pref = prefs.get(n.userId)!;
    if (pref.email === 'immediate')
      newJobs.push({
        id: emailJobId.get(n.userId)!,
        kind: JOB_KINDS.email,
        dedupeKey: `email:${n.id}`,
        payload: { notificationId: n.id, userId: n.userId },
        runAt: now,
      });
    else if (pref.email === 'digest') newJobs.push(digestJob(n.userId, pref.digestHour, now, calendar!));
  }
  const enqueued = await enqueueJobs(ctx.db, newJobs, now);
  return {
    created: inserted.length,
    notificationIds: inserted.map((n) => n.id),
    emailJobs: enqueued.length,
  };
}

/** The user's next daily digest job (dedupe key user + date), on a working day. */
export function digestJob(
  userId: string,
  hour: number,
  now: Date,
  calendar: Pick<Calendar, 'isWorkingDay'>,
): NewJob {
  const slot = digestSlot(now, hour, calendar);
  return {
    kind: JOB_KINDS.digest,
    dedupeKey: digestJobKey(userId, slot.date),
    payload: { userId, date: slot.date },
    runAt: slot.runAt,
  };
}

// ---------------------------------------------------------------------------------------------------
// Recipients

/**
 * Active users holding one of `roles` over the unit — a grant on the unit itself or on one of its
 * ancestors, in force now (the access model: a grant covers a unit's whole subtree). Sorted by id.
 */
export async function recipientsForUnit(
  ctx: RequestContext,
  unitId: string,
  roles: readonly Role[],
  at: Date = new Date(),
): Promise<string[]> {
  const path = (await ancestorPaths(ctx.db, [unitId])).get(unitId);
  if (!path?.length || !roles.length) return [];
  const holders = await roleHoldersOver(ctx.db, path, roles, at);
  const users = await usersByIds(ctx, holders);
  return users
    .filter((u) => u.active)
    .map((u) => u.id)
    .sort();
}

// ---------------------------------------------------------------------------------------------------
// Rendering

type Renderable = Pick<typeof notifications.$inferSelect, 'messageKey' | 'params' | 'text'>;

/** Title and body of a notification in `locale`. */
export function renderNotification(n: Renderable, locale: Locale): { title: string; body: string } {
  if (n.messageKey && isNotificationTemplate(n.messageKey)) {
    const params = n.params ?? {};
    return {
      title: translate(locale, `${n.messageKey}.title` as MessageKey, params),
      body: translate(locale, `${n.messageKey}.body` as MessageKey, params),
    };
  }
  const t = n.text?.[locale] ?? n.text?.vi;
  return { title: t?.title ?? n.messageKey ?? '', body: t?.body ?? '' };
}

// ---------------------------------------------------------------------------------------------------
// The inbox (the signed-in user's own notifications)

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export type InboxItem = {
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

function present(ctx: RequestContext, n: typeof notifications.$inferSelect): InboxItem {
  const { title, body } = renderNotification(n, ctx.locale);
  return {
    id: n.id,
    kind: n.kind,
    title,
    body,
    link: n.link,
    entity: n.entityType && n.entityId ? { type: n.entityType, id: n.entityId } : null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    emailedAt: n.emailedAt?.toISOString() ?? null,
  };
}

export async function unreadCount(ctx: RequestContext): Promise<number> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.user.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listInbox(
  ctx: RequestContext,
  query: { filter: 'all' | 'unread'; limit: number; offset: number },
): Promise<{ items: InboxItem[]; total: number; unread: number }> {
  const actor = requireActor(ctx);
  const mine = eq(notifications.userId, actor.user.id);
  const where = query.filter === 'unread' ? and(mine, isNull(notifications.readAt)) : mine;
  const found = await ctx.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await ctx.db.select({ n: count() }).from(notifications).where(where);
  return {
    items: found.map((n) => present(ctx, n)),
    total: Number(total?.n ?? 0),
    unread: await unreadCount(ctx),
  };
}

/** Marks one of my notifications read (idempotent); another user's is "not found". */
export async function markRead(ctx: RequestContext, id: string, now = new Date()): Promise<InboxItem> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.user.id)));
  if (!row) throw notFound('notification');
  if (row.readAt) return present(ctx, row);
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
    .returning();
  return present(ctx, updated ?? row);
}

export async function markAllRead(ctx: RequestContext, now = new Date()): Promise<number> {
  const actor = requireActor(ctx);
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.user.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

// ---------------------------------------------------------------------------------------------------
// Preferences (the signed-in user's own)

export async function getMyPreferences(ctx: RequestContext): Promise<Preferences> {
  const actor = requireActor(ctx);
  return (await preferencesOf(ctx.db, [actor.user.id])).get(actor.user.id)!;
}

/**
 * Saves my e-mail preference and digest hour (send the version read; 0 when never saved). A pending
 * digest moves to the new hour of its day. Journalled.
 */
export async function updateMyPreferences(
  ctx: RequestContext,
  input: { email: EmailPreference; digestHour: number; version: number },
): Promise<Preferences> {
  const actor = requireActor(ctx);
  const userId = actor.user.id;
  const before = await getMyPreferences(ctx);
  if (before.version !== input.version) throw staleVersion('notification_preferences', before.version);
  const saved = await ctx.db.transaction(async (tx) => {
    const values = { email: input.email, digestHour: input.digestHour, updatedAt: new Date() };
    const [row] =
      input.version === 0
        ? await tx
            .insert(notificationPreferences)
            .values({ userId, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(notificationPreferences)
            .set({ ...values, version: sql`${notificationPreferences.version} + 1` })
            .where(
              and(
                eq(notificationPreferences.userId, userId),
                eq(notificationPreferences.version, input.version),
              ),
            )
            .returning();
    if (!row) throw staleVersion('notification_preferences', before.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: input.version === 0 ? 'create' : 'update',
        entity: 'notification_preferences',
        entityId: userId,
        before: input.version === 0 ? null : before,
        after: row,
      },
    );
    for (const job of await pendingJobsByPrefix(tx, JOB_KINDS.digest, `digest:${userId}:`)) {
      const date = String(job.payload.date ?? '');
      if (/^\d{4}-\d{2}-\d{2}$/.test(date))
        await rescheduleJob(tx, job.id, vietnamInstant(date, input.digestHour));
    }
    return row;
  });
  return effective(saved);
}

// ---------------------------------------------------------------------------------------------------
// The reminder rule (versioned data; admin-editable)

const RULE_KEY = 'reminder_rule';

export type StoredRule = {
  rule: ReminderRule;
  version: number;
  updatedAt: string | null;
  isDefault: boolean;
};

/** The reminder rule in force: the stored one, else `DEFAULT_NOTIFICATION_RULE`. */
export async function loadReminderRule(db: Db): Promise<StoredRule> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.key, RULE_KEY));
  if (!row) return { rule: DEFAULT_NOTIFICATION_RULE, version: 0, updatedAt: null, isDefault: true };
  return {
    rule: row.value as ReminderRule,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    isDefault: false,
  };
}

/** The rule as the API shows it: one overdue interval with its unit. */
export function toRuleBody(rule: ReminderRule): ReminderRuleBody {
  return {
    beforeDueWorkingDays: [...rule.beforeDueWorkingDays],
    overdueEvery:
      rule.overdueEveryWorkingDays !== undefined
        ? { count: rule.overdueEveryWorkingDays, unit: 'working_days' }
        : { count: rule.overdueEveryCalendarDays ?? 7, unit: 'calendar_days' },
    maxOverdueReminders: rule.maxOverdueReminders ?? null,
  };
}

export function fromRuleBody(body: ReminderRuleBody): ReminderRule {
  const rule: ReminderRule = { beforeDueWorkingDays: [...body.beforeDueWorkingDays] };
  if (body.overdueEvery.unit === 'working_days') rule.overdueEveryWorkingDays = body.overdueEvery.count;
  else rule.overdueEveryCalendarDays = body.overdueEvery.count;
  if (body.maxOverdueReminders !== null) rule.maxOverdueReminders = body.maxOverdueReminders;
  return rule;
}

/** The rule in force for the API, with who is reminded and whether I may change it. */
export async function getReminderRule(ctx: RequestContext, recipientRoles: readonly Role[]) {
  const actor = requireActor(ctx);
  const stored = await loadReminderRule(ctx.db);
  return {
    rule: toRuleBody(stored.rule),
    version: stored.version,
    isDefault: stored.isDefault,
    updatedAt: stored.updatedAt,
    recipientRoles: [...recipientRoles],
    abilities: { update: canAdministerNotifications(actor) },
  };
}

/** Stores a new version of the reminder rule (administrators; version checked; journalled). */
export async function updateReminderRule(
  ctx: RequestContext,
  input: { rule: ReminderRuleBody; version: number },
  recipientRoles: readonly Role[],
) {
  const actor = requireActor(ctx);
  if (!canAdministerNotifications(actor)) throw forbidden();
  const problems = ruleProblems(fromRuleBody(input.rule));
  if (problems.length)
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'notification.rule_invalid',
      { field: 'rule', detail: problems.join('; ') },
      problems.map((p) => ({
        field: `rule.${p.split(':')[0]}`,
        message: translate(ctx.locale, 'notification.rule_invalid', { detail: p }),
      })),
    );
  const current = await loadReminderRule(ctx.db);
  if (current.version !== input.version) throw staleVersion('reminder_rule', current.version);
  const rule = normaliseRule(fromRuleBody(input.rule));
  await ctx.db.transaction(async (tx) => {
    const values = { value: rule, updatedAt: new Date(), updatedBy: actor.user.id };
    const [row] =
      input.version === 0
        ? await tx
            .insert(notificationSettings)
            .values({ key: RULE_KEY, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(notificationSettings)
            .set({ ...values, version: sql`${notificationSettings.version} + 1` })
            .where(
              and(eq(notificationSettings.key, RULE_KEY), eq(notificationSettings.version, input.version)),
            )
            .returning();
    if (!row) throw staleVersion('reminder_rule', current.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'reminder_rule', entityId: RULE_KEY, before: current.rule, after: rule },
    );
  });
  return getReminderRule(ctx, recipientRoles);
}

/** Sorted before-due days (largest first), no undefined keys (stored JSON stays clean). */
function normaliseRule(rule: ReminderRule): ReminderRule {
  const out: ReminderRule = { beforeDueWorkingDays: [...rule.beforeDueWorkingDays].sort((a, b) => b - a) };
  if (rule.overdueEveryWorkingDays !== undefined) out.overdueEveryWorkingDays = rule.overdueEveryWorkingDays;
  if (rule.overdueEveryCalendarDays !== undefined)
    out.overdueEveryCalendarDays = rule.overdueEveryCalendarDays;
  if (rule.maxOverdueReminders !== undefined) out.maxOverdueReminders = rule.maxOverdueReminders;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// For the worker: digests

/** Users with recent unread notifications not yet given to any e-mail, who take a digest. */
export async function usersAwaitingDigest(db: Db, since: Date): Promise<string[]> {
  const found = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(
      and(
        isNull(notifications.emailJobId),
        isNull(notifications.readAt),
        gt(notifications.createdAt, since),
        sql`coalesce(${notificationPreferences.email}, 'digest') = 'digest'`,
      ),
    );
  return found.map((r) => r.userId);
}

/**
 * Gives a digest job the user's unread notifications created in (since, until] that no e-mail carries
 * yet, and returns their ids (the digest's content, fixed from then on).
 */
export async function takeForDigest(
  db: Db,
  userId: string,
  jobId: string,
  window: { since: Date; until: Date },
): Promise<string[]> {
  const taken = await db
    .update(notifications)
    .set({ emailJobId: jobId })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.emailJobId),
        isNull(notifications.readAt),
        gt(notifications.createdAt, window.since),
        sql`${notifications.createdAt} <= ${window.until}`,
      ),
    )
    .returning({ id: notifications.id });
  return taken.map((t) => t.id);
}

export async function notificationsByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.id, [...ids]))
    .orderBy(notifications.createdAt, notifications.id);
}

export async function markEmailed(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .update(notifications)
    .set({ emailedAt: at })
    .where(inArray(notifications.id, [...ids]));
}

/** Exported for tests and operations: the rows of the jobs table of one kind. */
export async function jobsOfKind(db: Db, kind: string) {
  return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(jobs.createdAt, jobs.dedupeKey);
}

// ---------------------------------------------------------------------------------------------------
// What the reminder worker reads (given by the app: the work engine's feed over every kind)

/** An item with a deadline as the reminder worker reads it (any kind of owed work). */
export type DeadlineFeedItem = {
  kind: string;
  id: string;
  title: string;
  status: string;
  dueDate: string;
  unitId: string;
  /** The plan or programme it belongs to, named in the reminder. */
  context: string;
  link: string;
  /** Who is reminded when a person, not a unit, owes it (a member's report); else the unit's people. */
  userIds?: readonly string[];
};

/**
 * Where deadlines come from: the work engine's feed over every kind (wired by the app, so this module
 * does not depend on the modules whose items it reminds of).
 */
export type DeadlineFeed = {
  open(db: Db): Promise<DeadlineFeedItem[]>;
  one(db: Db, kind: string, id: string): Promise<DeadlineFeedItem | undefined>;
};

/** Work a pass does besides notifications (e.g. removing expired uploads); failures are logged, not fatal. */
export type Housekeeping = (db: Db, now: Date) => Promise<unknown>;
