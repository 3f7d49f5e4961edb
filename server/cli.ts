import path from 'node:path';
import { demoEnabled, openConfiguredDatabase } from './boot.js';
import { loadConfig } from './config.js';
import { systemContext } from './core/context.js';
import { AppError } from './core/errors.js';
import { translate } from './core/messages.js';
import { DataDirLockedError } from './db/lock.js';
import { migrationStatus } from './db/migration-status.js';
import { ADMIN_HELP, adminCreateCommand } from './modules/access/bootstrap.cli.js';
import { calendarCommand } from './modules/calendar/calendar.cli.js';
import { UNITS_HELP, unitsCommand } from './modules/units/units.cli.js';
import { NOTIFICATIONS_HELP, notificationsCommand } from './modules/notifications/notifications.cli.js';
import { createFileStore } from './modules/files/file-store.js';
import { workForWorker } from './work-kinds.js';
import { seedDemo } from './modules/demo/demo.service.js';
import { DOSSIERS_HELP, seedDossiersCommand } from './modules/dossiers/dossiers.cli.js';
import { BACKUP_HELP, backupCommand, restoreCommand } from './modules/backup/backup.cli.js';

const HELP = `chidao — administration commands

  chidao migrate                      apply database migrations and report their status
  chidao seed demo                    seed the demo province (Nghệ An) with demo accounts
${DOSSIERS_HELP}
${ADMIN_HELP}
  chidao calendar add-working-days YYYY-MM-DD N [--json]
                                      the N-th working day after the date (holidays, make-up days)
  chidao calendar holidays YEAR [--json]
                                      that year's days off with their names
${UNITS_HELP}
${NOTIFICATIONS_HELP}
${BACKUP_HELP}
  chidao help                         this text

The database is PostgreSQL when DATABASE_URL is set, otherwise the embedded one in CHIDAO_DATA_DIR (./data).
The password may also come from CHIDAO_ADMIN_PASSWORD (so it stays out of the shell history).`;

async function run(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  // Before the database is opened: a backup must not migrate it, a restore builds it.
  if (command === 'backup') return backupCommand(argv.slice(1), config);
  if (command === 'restore') return restoreCommand(argv.slice(1), config);
  const database = await openConfiguredDatabase(config);
  const ctx = systemContext(database.db);
  try {
    if (command === 'migrate') {
      console.log(JSON.stringify(await migrationStatus(database.db)));
      return 0;
    }
    if (command === 'calendar') return await calendarCommand(argv.slice(1), ctx);
    if (command === 'units') return await unitsCommand(argv.slice(1), ctx);
    if (command === 'notifications')
      return await notificationsCommand(
        argv.slice(1),
        database.db,
        config,
        workForWorker(createFileStore({ kind: 'local', root: path.join(config.dataDir, 'files') })),
      );
    if (command === 'seed' && sub === 'dossiers') return await seedDossiersCommand(argv.slice(2), ctx);
    if (command === 'seed' && sub === 'demo') {
      const result = await seedDemo(ctx, { withAccounts: true });
      console.log(
        result.created ? 'Demo province seeded.' : 'Demo province already present; nothing changed.',
      );
      if (!demoEnabled(config)) {
        console.log('Note: demo accounts are removed at the next start unless CHIDAO_DEMO=on.');
      }
      return 0;
    }
    if (command === 'admin' && sub === 'create') return await adminCreateCommand(argv.slice(2), ctx);
    console.error(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 64;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DataDirLockedError) console.error(err.message);
    else if (err instanceof AppError) console.error(translate('en', err.messageKey, err.params));
    else console.error(err);
    process.exit(1);
  },
);
