import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { jobSummary, newWorkerId } from './jobs.service.js';
import { createMailer } from './mailer.js';
import { setNotificationDefaults } from './notifications.service.js';
import { runPass, type DeadlineFeed, type Housekeeping } from './notifications.worker.js';

export const NOTIFICATIONS_HELP = `  chidao notifications run-due [--json]
                                      one pass now: enqueue the reminders due, queue digests, send due jobs
  chidao notifications status [--json]
                                      the job queue: counts by kind and status, recent failures`;

/**
 * `chidao notifications …` for operations: run a pass by hand (e.g. from cron when the server's worker
 * is off, or after downtime — safe to repeat: a reminder is enqueued once) or look at the queue.
 */
export async function notificationsCommand(
  args: string[],
  db: Db,
  config: Config,
  work: { feed: DeadlineFeed; housekeeping?: Housekeeping[] },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [sub] = positionals;
  if (sub === 'run-due') {
    setNotificationDefaults({ digestHour: config.notifications.digestHour });
    const mailer = createMailer(config.notifications);
    try {
      const s = await runPass({ db, config: config.notifications, mailer, workerId: newWorkerId(), ...work });
      if (values.json) console.log(JSON.stringify(s));
      else
        console.log(
          [
            `Pass of ${s.at} (today ${s.reminders.today} in Vietnam).`,
            `Reminders: ${s.reminders.openTasks} open items, ${s.reminders.due} due, ${s.reminders.enqueued} newly enqueued.`,
            `Digests queued: ${s.digestsQueued}.`,
            `Jobs: ${s.jobs.claimed} run — ${s.jobs.done} done, ${s.jobs.skipped} skipped, ${s.jobs.retry} to retry, ${s.jobs.failed} failed.`,
            mailer ? '' : 'E-mail: CHIDAO_SMTP_URL is not set, e-mails were skipped (the inbox works).',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      return 0;
    } finally {
      mailer?.close();
    }
  }
  if (sub === 'status') {
    const s = await jobSummary(db);
    if (values.json) console.log(JSON.stringify(s));
    else {
      for (const c of s.counts) console.log(`${c.kind.padEnd(16)} ${c.status.padEnd(8)} ${c.count}`);
      if (!s.counts.length) console.log('The job queue is empty.');
      for (const f of s.recentFailures)
        console.log(`failed? ${f.kind} ${f.dedupeKey} (${f.attempts} attempts): ${f.lastError ?? ''}`);
      if (s.nextRunAt) console.log(`Next pending job at ${s.nextRunAt}.`);
    }
    return 0;
  }
  console.error(`Usage:\n${NOTIFICATIONS_HELP}`);
  return 64;
}
