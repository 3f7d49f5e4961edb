import { SESSION } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { forbidden } from '../../core/errors.js';
import { canAdministerNotifications } from './notifications.policy.js';
import {
  inboxOut,
  inboxQuery,
  jobSummaryOut,
  markAllOut,
  notificationOut,
  passOut,
  preferencesIn,
  preferencesOut,
  reminderRuleIn,
  reminderRuleOut,
  unreadOut,
} from './notifications.schemas.js';
import {
  getMyPreferences,
  getReminderRule,
  listInbox,
  markAllRead,
  markRead,
  unreadCount,
  updateMyPreferences,
  updateReminderRule,
} from './notifications.service.js';
import { jobSummary } from './jobs.service.js';
import { REMINDER_ROLES } from './notifications.worker.js';

const tags = ['notifications'];

/** My inbox and e-mail preferences; the reminder rule; the job queue (administrators). */
export async function notificationsRoutes(app: App) {
  app.get(
    '/',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'My notifications, newest first (filter=unread for the unread ones), with my unread count',
        querystring: inboxQuery,
        response: { 200: inboxOut, ...errorResponses },
      },
    },
    async (request) => listInbox(signedIn(request), request.query),
  );

  app.get(
    '/unread-count',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'How many of my notifications are unread (the bell in the header)',
        response: { 200: unreadOut, ...errorResponses },
      },
    },
    async (request) => ({ count: await unreadCount(signedIn(request)) }),
  );

  app.post(
    '/:id/read',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Mark one of my notifications read (idempotent)',
        params: idParams,
        response: { 200: notificationOut, ...errorResponses },
      },
    },
    async (request) => markRead(signedIn(request), request.params.id),
  );

  app.post(
    '/read-all',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: markAllOut, ...errorResponses },
      },
    },
    async (request) => ({ updated: await markAllRead(signedIn(request)) }),
  );

  app.get(
    '/preferences',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'How I receive e-mail: at once, in a daily digest (at my hour, Vietnam time) or not at all',
        response: { 200: preferencesOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return {
        ...(await getMyPreferences(ctx)),
        emailConfigured: app.notificationWorker.mailerConfigured,
        address: ctx.actor.user.email,
      };
    },
  );

  app.put(
    '/preferences',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Save my e-mail preference (send the version read: 0 before the first save; stale → 409)',
        body: preferencesIn,
        response: { 200: preferencesOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return {
        ...(await updateMyPreferences(ctx, request.body)),
        emailConfigured: app.notificationWorker.mailerConfigured,
        address: ctx.actor.user.email,
      };
    },
  );

  app.get(
    '/reminder-rule',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'The deadline reminder rule in force (working days before the due date, overdue interval)',
        response: { 200: reminderRuleOut, ...errorResponses },
      },
    },
    async (request) => getReminderRule(signedIn(request), REMINDER_ROLES),
  );

  app.put(
    '/reminder-rule',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Store a new version of the reminder rule (administrators). Send the version read: 0 while the default is in force',
        body: reminderRuleIn,
        response: { 200: reminderRuleOut, ...errorResponses },
      },
    },
    async (request) => updateReminderRule(signedIn(request), request.body, REMINDER_ROLES),
  );

  app.get(
    '/jobs',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'The job queue: counts by kind and status, recent failures, next run (administrators)',
        response: { 200: jobSummaryOut, ...errorResponses },
      },
    },
    async (request) => {
      if (!canAdministerNotifications(signedIn(request).actor)) throw forbidden();
      return {
        ...(await jobSummary(app.database.db)),
        mailerConfigured: app.notificationWorker.mailerConfigured,
        workerIntervalSeconds: app.config.notifications.workerIntervalSeconds,
      };
    },
  );

  app.post(
    '/run',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Run a pass now (administrators): enqueue the reminders due, queue digests, run the due jobs. Safe to repeat',
        response: { 200: passOut, ...errorResponses },
      },
    },
    async (request) => {
      if (!canAdministerNotifications(signedIn(request).actor)) throw forbidden();
      return app.notificationWorker.runNow();
    },
  );
}
