/**
 * The background worker: a scheduler pass (deadline reminders → jobs), a digest sweep, then the due jobs
 * of the queue (reminders → inbox, e-mails, digests). It starts when the server listens (so tests that
 * use `inject()` run it only on purpose, through `runNow`) and stops when the app closes; a pass also
 * runs on demand (`POST /api/notifications/run`, `chidao notifications run-due`).
 *
 * Exactly once: a reminder job's inbox rows and its completion commit in one transaction (a worker that
 * lost its lease rolls back). E-mail is network I/O, outside any transaction (PGlite has one
 * connection): it is sent after the claim and the job completed right after, so only a crash between
 * the two could send a mail twice; the lease (5 min) far exceeds the SMTP timeouts.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { NotificationsConfig } from '../../config.js';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { App } from '../../core/http.js';
import type { Locale } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import type { Role } from '../access/roles.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { isTaskStatus, OPEN_STATUSES, type ReminderKind, type TaskStatus } from '../tasks/index.js';
import { usersByIds } from '../users/users.service.js';
import { digestEmail, singleEmail } from './emails.js';
import {
  claimJobs,
  completeJob,
  enqueueJobs,
  failJob,
  newWorkerId,
  updateJobPayload,
  type JobRow,
} from './jobs.service.js';
import { createMailer, type Mailer } from './mailer.js';
import {
  digestJob,
  JOB_KINDS,
  loadReminderRule,
  markEmailed,
  notificationsByIds,
  notify,
  preferencesOf,
  recipientsForUnit,
  renderNotification,
  setNotificationDefaults,
  takeForDigest,
  usersAwaitingDigest,
  type DeadlineFeed,
  type Housekeeping,
} from './notifications.service.js';
import { REMINDER_TEMPLATE, reminderDays, reminderJobKey, remindersToEnqueue } from './schedule.js';

/** Who is reminded of a task's deadline: the lead unit's PAR focal points and leaders. */
export const REMINDER_ROLES: readonly Role[] = ['focal_point', 'unit_leader'];

/** How long a claim lasts; a worker that dies holding a job gives it back after this. */
export const LEASE_MS = 5 * 60_000;
/** A digest carries the unread notifications of at most this far back (e.g. after turning e-mail on). */
const DIGEST_WINDOW_MS = 7 * 86_400_000;

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
const silent: Log = { info: () => {}, warn: () => {}, error: () => {} };

export type { DeadlineFeed, DeadlineFeedItem, Housekeeping } from './notifications.service.js';

export type WorkerDeps = {
  db: Db;
  config: NotificationsConfig;
  mailer: Mailer | null;
  workerId: string;
  feed: DeadlineFeed;
  housekeeping?: Housekeeping[];
  log?: Log;
};

class LeaseLost extends Error {
  constructor() {
    super('the job lease was lost to another worker');
  }
}

type ReminderPayload = {
  key: string;
  /** The item's id (named for the plan tasks that were the only kind before the work engine). */
  taskId: string;
  /** The item's kind; absent in reminders enqueued before the work engine (plan tasks). */
  itemKind?: string;
  dueDate: string;
  kind: ReminderKind;
  n: number;
  sendOn: string;
};

// ---------------------------------------------------------------------------------------------------
// Scheduler pass and digest sweep

/**
 * Enqueues the reminders due today (per open task, the latest one whose day has come) as jobs keyed by
 * reminder key: those already enqueued — by an earlier pass, another process, before a restart — are
 * left alone (ON CONFLICT DO NOTHING).
 */
export async function scheduleReminders(db: Db, feed: DeadlineFeed, now: Date = new Date()) {
  const today = todayInVietnam(now);
  const tasks = (await feed.open(db)).filter((t) => isTaskStatus(t.status));
  const kinds = new Map(tasks.map((t) => [t.id, t.kind]));
  const { rule } = await loadReminderRule(db);
  const calendar = await loadCalendar(db);
  const due = remindersToEnqueue(
    tasks.map((t) => ({ id: t.id, dueDate: t.dueDate, status: t.status as TaskStatus })),
    rule,
    calendar,
    today,
  );
  const inserted = await enqueueJobs(
    db,
    due.map((r) => ({
      kind: JOB_KINDS.reminder,
      dedupeKey: reminderJobKey(r),
      payload: {
        key: r.key,
        taskId: r.taskId,
        itemKind: kinds.get(r.taskId),
        dueDate: r.dueDate,
        kind: r.kind,
        n: r.n,
        sendOn: r.sendOn,
      },
      runAt: now,
    })),
    now,
  );
  return { today, openTasks: tasks.length, due: due.length, enqueued: inserted.length };
}

/** Makes sure every digest user with notifications not yet mailed has their next digest queued. */
export async function sweepDigests(db: Db, now: Date = new Date()): Promise<number> {
  const userIds = await usersAwaitingDigest(db, new Date(now.getTime() - DIGEST_WINDOW_MS));
  if (!userIds.length) return 0;
  const prefs = await preferencesOf(db, userIds);
  const calendar = await loadCalendar(db);
  const inserted = await enqueueJobs(
    db,
    userIds.map((id) => digestJob(id, prefs.get(id)!.digestHour, now, calendar)),
    now,
  );
  return inserted.length;
}

// ---------------------------------------------------------------------------------------------------
// Job handlers

type Outcome = 'done' | 'skipped' | 'retry' | 'failed' | 'lost';

async function finish(
  deps: WorkerDeps,
  job: JobRow,
  status: 'done' | 'skipped',
  result: Record<string, unknown>,
  now: Date,
  alsoInTx?: (tx: Db) => Promise<void>,
): Promise<Outcome> {
  await deps.db.transaction(async (tx) => {
    if (!(await completeJob(tx, job, deps.workerId, { status, result, now }))) throw new LeaseLost();
    await alsoInTx?.(tx);
  });
  return status;
}

const localeOf = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'vi');

async function runReminder(deps: WorkerDeps, job: JobRow, now: Date): Promise<Outcome> {
  const p = job.payload as ReminderPayload;
  const calendar = await loadCalendar(deps.db); // read before the transaction (PGlite: one connection)
  let status: 'done' | 'skipped' = 'done';
  await deps.db.transaction(async (tx) => {
    const ctx = systemContext(tx);
    const task = await deps.feed.one(tx, p.itemKind ?? 'plan_task', p.taskId);
    let result: Record<string, unknown>;
    if (!task || !OPEN_STATUSES.includes(task.status as TaskStatus) || task.dueDate !== p.dueDate) {
      // Done, cancelled or re-planned since it was enqueued: the reminder of that deadline is moot.
      status = 'skipped';
      result = { obsolete: true, status: task?.status ?? null, dueDate: task?.dueDate ?? null };
    } else {
      const userIds = task.userIds ?? (await recipientsForUnit(ctx, task.unitId, REMINDER_ROLES, now));
      const template = REMINDER_TEMPLATE[p.kind];
      const sent = await notify(
        ctx,
        {
          userIds,
          kind: template.replace('notification.', ''),
          messageKey: template,
          params: {
            task: task.title,
            plan: task.context,
            due: p.dueDate,
            days: reminderDays(calendar, p.dueDate, todayInVietnam(now)),
            on: todayInVietnam(now),
          },
          link: task.link,
          entity: { type: task.kind === 'plan_task' ? 'task' : task.kind, id: task.id },
          dedupeKey: reminderJobKey(p),
        },
        now,
      );
      result = { recipients: userIds.length, created: sent.created, emailJobs: sent.emailJobs };
    }
    if (!(await completeJob(tx, job, deps.workerId, { status, result, now }))) throw new LeaseLost();
  });
  return status;
}

async function runEmail(deps: WorkerDeps, job: JobRow, now: Date): Promise<Outcome> {
  const { notificationId, userId } = job.payload as { notificationId: string; userId: string };
  if (!deps.mailer) return finish(deps, job, 'skipped', { reason: 'smtp_not_configured' }, now);
  const [n] = await notificationsByIds(deps.db, [notificationId]);
  const [user] = await usersByIds(systemContext(deps.db), [userId]);
  if (!n || !user?.active) return finish(deps, job, 'skipped', { reason: 'recipient_gone' }, now);
  const locale = localeOf(user.locale);
  const message = singleEmail(
    user.email,
    locale,
    { ...renderNotification(n, locale), link: n.link },
    deps.config.publicUrl,
  );
  const { messageId } = await deps.mailer.send(message);
  return finish(deps, job, 'done', { messageId }, now, (tx) => markEmailed(tx, [n.id], now));
}

async function runDigest(deps: WorkerDeps, job: JobRow, now: Date): Promise<Outcome> {
  const payload = job.payload as { userId: string; date: string; notificationIds?: string[] };
  const pref = (await preferencesOf(deps.db, [payload.userId])).get(payload.userId)!;
  if (pref.email === 'off') return finish(deps, job, 'skipped', { reason: 'email_off' }, now);
  if (!deps.mailer) return finish(deps, job, 'skipped', { reason: 'smtp_not_configured' }, now);
  const [user] = await usersByIds(systemContext(deps.db), [payload.userId]);
  if (!user?.active) return finish(deps, job, 'skipped', { reason: 'recipient_gone' }, now);
  let ids = payload.notificationIds;
  if (!ids) {
    // Fix the digest's content once: a retry after a failed send mails the same notifications.
    ids = await deps.db.transaction(async (tx) => {
      const taken = await takeForDigest(tx, user.id, job.id, {
        since: new Date(now.getTime() - DIGEST_WINDOW_MS),
        until: now,
      });
      if (!(await updateJobPayload(tx, job, deps.workerId, { ...payload, notificationIds: taken })))
        throw new LeaseLost();
      return taken;
    });
  }
  if (!ids.length) return finish(deps, job, 'done', { count: 0 }, now);
  const locale = localeOf(user.locale);
  const items = (await notificationsByIds(deps.db, ids)).map((n) => ({
    ...renderNotification(n, locale),
    link: n.link,
  }));
  const message = digestEmail(
    user.email,
    { name: user.fullName, locale },
    payload.date,
    items,
    deps.config.publicUrl,
  );
  const { messageId } = await deps.mailer.send(message);
  return finish(deps, job, 'done', { count: ids.length, messageId }, now, (tx) => markEmailed(tx, ids, now));
}

/** A mail to an outside address (./notifications.service.ts `queueOutsideEmail`), as plain text. */
async function runOutsideEmail(deps: WorkerDeps, job: JobRow, now: Date): Promise<Outcome> {
  const payload = job.payload as { to: string; subject: string; text: string };
  if (!deps.mailer) return finish(deps, job, 'skipped', { reason: 'smtp_not_configured' }, now);
  const html = `<pre style="font-family:inherit;white-space:pre-wrap">${payload.text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')}</pre>`;
  const { messageId } = await deps.mailer.send({
    to: payload.to,
    subject: payload.subject,
    text: payload.text,
    html,
  });
  return finish(deps, job, 'done', { messageId }, now);
}

const HANDLERS: Record<string, (deps: WorkerDeps, job: JobRow, now: Date) => Promise<Outcome>> = {
  [JOB_KINDS.reminder]: runReminder,
  [JOB_KINDS.outsideEmail]: runOutsideEmail,
  [JOB_KINDS.email]: runEmail,
  [JOB_KINDS.digest]: runDigest,
};

/** Runs one claimed job; a thrown error is recorded on the job (retried later or failed). */
export async function processJob(deps: WorkerDeps, job: JobRow, now: Date): Promise<Outcome> {
  const handler = HANDLERS[job.kind];
  try {
    if (!handler) throw new Error(`unknown job kind "${job.kind}"`);
    return await handler(deps, job, now);
  } catch (err) {
    if (err instanceof LeaseLost) {
      deps.log?.warn({ job: job.id, kind: job.kind }, 'job lease lost; left to the worker holding it');
      return 'lost';
    }
    const next = await failJob(deps.db, job, deps.workerId, err, now);
    (deps.log ?? silent)[next === 'failed' ? 'error' : 'warn'](
      { job: job.id, kind: job.kind, attempts: job.attempts, err },
      next === 'failed' ? 'job failed for good' : 'job failed; will retry',
    );
    return next === 'failed' ? 'failed' : 'retry';
  }
}

export type JobCounts = Record<Outcome, number> & { claimed: number };

/** Claims and runs due jobs in batches until none is left (or `max` were run). */
export async function runDueJobs(deps: WorkerDeps, now: Date = new Date(), max = 2000): Promise<JobCounts> {
  const counts: JobCounts = { claimed: 0, done: 0, skipped: 0, retry: 0, failed: 0, lost: 0 };
  while (counts.claimed < max) {
    const batch = await claimJobs(deps.db, {
      workerId: deps.workerId,
      now,
      leaseMs: LEASE_MS,
      limit: Math.min(25, max - counts.claimed),
    });
    if (!batch.length) break;
    counts.claimed += batch.length;
    for (const job of batch) counts[await processJob(deps, job, now)]++;
  }
  return counts;
}

export type PassSummary = {
  at: string;
  reminders: Awaited<ReturnType<typeof scheduleReminders>>;
  digestsQueued: number;
  jobs: JobCounts;
};

/** One whole pass: schedule reminders, queue digests, run the due jobs. */
export async function runPass(deps: WorkerDeps, now: Date = new Date()): Promise<PassSummary> {
  const reminders = await scheduleReminders(deps.db, deps.feed, now);
  for (const job of deps.housekeeping ?? [])
    await job(deps.db, now).catch((err: unknown) => deps.log?.error({ err }, 'housekeeping failed'));
  // Without a mail server, digests would only be skipped day after day: queue them when mail can go.
  const digestsQueued = deps.mailer ? await sweepDigests(deps.db, now) : 0;
  const jobs = await runDueJobs(deps, now);
  return { at: now.toISOString(), reminders, digestsQueued, jobs };
}

// ---------------------------------------------------------------------------------------------------
// The worker of a running app

export type NotificationWorker = {
  readonly workerId: string;
  readonly mailerConfigured: boolean;
  /** Runs a pass now (after the one in progress, if any). */
  runNow(now?: Date): Promise<PassSummary>;
  /** Starts the timer (first pass at once); no-op when the interval is 0 or already started. */
  start(): void;
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>;
};

export function createNotificationWorker(options: {
  db: Db;
  config: NotificationsConfig;
  mailer: Mailer | null;
  feed: DeadlineFeed;
  housekeeping?: Housekeeping[];
  log?: Log;
}): NotificationWorker {
  const deps: WorkerDeps = { ...options, workerId: newWorkerId() };
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const runNow = (now?: Date) => {
    const run = chain.then(() => runPass(deps, now ?? new Date()));
    chain = run.catch(() => {});
    return run;
  };
  const tick = () => {
    if (stopped) return;
    runNow().then(
      (s) => {
        if (s.reminders.enqueued || s.digestsQueued || s.jobs.claimed)
          deps.log?.info({ notifications: s }, 'notifications pass');
      },
      (err: unknown) => deps.log?.error({ err }, 'notifications pass failed'),
    );
  };
  return {
    workerId: deps.workerId,
    mailerConfigured: !!options.mailer,
    runNow,
    start() {
      if (timer || stopped || options.config.workerIntervalSeconds <= 0) return;
      timer = setInterval(tick, options.config.workerIntervalSeconds * 1000);
      timer.unref();
      setImmediate(tick);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await chain;
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    notificationWorker: NotificationWorker;
  }
}

/**
 * Gives the app its notification worker (`app.notificationWorker`): started when the server listens,
 * stopped when it closes. Call before registering the notification routes.
 */
export function attachNotificationWorker(
  app: App,
  work: { feed: DeadlineFeed; housekeeping?: Housekeeping[] },
): void {
  const config = app.config.notifications;
  setNotificationDefaults({ digestHour: config.digestHour });
  const mailer = createMailer(config);
  const worker = createNotificationWorker({ db: app.database.db, config, mailer, log: app.log, ...work });
  app.decorate('notificationWorker', worker);
  app.addHook('onListen', async () => worker.start());
  app.addHook('onClose', async () => {
    await worker.stop();
    mailer?.close();
  });
}
