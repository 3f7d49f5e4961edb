import { buildApp } from './app.js';
import { demoEnabled, listenHost, openConfiguredDatabase } from './boot.js';
import { loadConfig } from './config.js';
import { systemContext } from './core/context.js';
import { DataDirLockedError } from './db/lock.js';
import { purgeExpiredSessions } from './modules/auth/auth.service.js';
import { removeDemoUsers, seedDemoAtStart } from './modules/demo/demo.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/demo/nghe-an.js';
import { seedDemoDossiers } from './modules/dossiers/dossiers-seed.service.js';
import { receiveHotlineMail } from './modules/hotline/intake.service.js';
import { startHotlineMail } from './modules/hotline/mail/mail-intake.js';

/** The demo's standing-agency officer, who imports the demo dossiers. */
const DEMO_OFFICER_EMAIL = 'thuongtruc@chidao.demo';

/** `npm start`: open and migrate the database, seed the demo province, serve API and web UI on one port. */
async function main() {
  const started = performance.now();
  const config = loadConfig();
  let database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`\nchidao: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const ctx = systemContext(database.db);
  const demo = demoEnabled(config);
  if (!demo) await removeDemoUsers(ctx);
  const policy = { ...config.session, ...config.login };
  await purgeExpiredSessions(database.db, policy);
  const timer = setInterval(() => void purgeExpiredSessions(database.db, policy).catch(() => {}), 3_600_000);
  timer.unref();

  const app = await buildApp({ config, database });
  // Once per database, and never in the way of a start (a failure is logged).
  const seeded = demo ? await seedDemoAtStart(ctx, (msg, err) => app.log.error({ err }, msg)) : null;
  // Started once the server listens; stopped first on shutdown.
  const hotlineMail: { stop?: () => Promise<void> } = {};
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await hotlineMail.stop?.();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const listen = listenHost(config, demo);
  await app.listen({ port: config.port, host: listen.host });
  // The hotline's inbox (its own SMTP listener or a mailbox read by IMAP), when configured.
  hotlineMail.stop = (
    await startHotlineMail(
      config.hotlineMail,
      (mail) => receiveHotlineMail(systemContext(database.db), app.fileStore, mail, config.uploadMaxBytes),
      (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)),
    )
  ).stop;
  if (demo && config.demoDossiers > 0) {
    // In the background: the dashboards fill while the server already answers.
    const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
    void seedDemoDossiers(
      { db: database.db, store: app.fileStore, log, pool: app.workerPool },
      { rows: config.demoDossiers, officerEmail: DEMO_OFFICER_EMAIL, maxBytes: config.dossierImportMaxBytes },
    )
      .then((jobId) => jobId && app.log.info({ jobId }, 'demo dossiers imported'))
      .catch((err: unknown) => log('demo dossiers: import failed', err));
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const ms = Math.round(performance.now() - started);
  const lines = [
    '',
    `  chidao is running: http://localhost:${port}/   (ready in ${ms} ms)`,
    `  database: ${database.engine} (${database.location})`,
    `  API docs: http://localhost:${port}/api/docs`,
    `  e-mail: ${config.notifications.smtpUrl ? `SMTP ${new URL(config.notifications.smtpUrl).host}` : 'not configured (CHIDAO_SMTP_URL); in-app notifications only'}`,
  ];
  if (listen.localOnlyForDemo)
    lines.push(
      '',
      '  Demo mode: listening on 127.0.0.1 only (this computer), since the demo accounts below share a',
      '  public password. To open it to the network, set HOST (e.g. HOST=0.0.0.0 npm start).',
    );
  else lines.push(`  listening on: ${listen.host}:${port}`);
  if (demo && !seeded)
    lines.push('', '  The demo seed failed (see the log above); the server runs without it.');
  if (demo) {
    lines.push('', `  Demo province Nghệ An. Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(30)} ${a.role}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
