import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import { systemContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { openDatabase, type Database } from '../../db/client.js';
import { DataDirLockedError } from '../../db/lock.js';
import { backupOut, backupsDir } from './backup.routes.js';
import {
  createBackup,
  journalBackup,
  restoreBackup,
  type BackupSummary,
  type RestoreTarget,
} from './backup.service.js';

export const BACKUP_HELP = `  chidao backup [--out FILE.tar.gz | DIR] [--json]
                                      back up the database and the stored files (consistent while the
                                      server runs; a running server on the embedded database makes it
                                      itself: --email E and CHIDAO_ADMIN_PASSWORD of an administrator)
  chidao restore FILE.tar.gz [--force] [--json]
                                      restore a backup into an empty database and data directory
                                      (--force: erase what is there first)`;

type Out = { dir: string } | { file: string };
type Print = (line: string) => void;

const mb = (bytes: number) =>
  bytes < 1048576
    ? `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`
    : `${(bytes / 1048576).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
const n = (value: number) => value.toLocaleString('en');

function describe(summary: Omit<BackupSummary, 'file'> & { file?: string }, print: Print) {
  print(`Backup written: ${summary.file ?? summary.name} (${mb(summary.sizeBytes)})`);
  print(
    `  ${n(summary.tables)} tables, ${n(summary.rows)} rows, ${n(summary.files)} stored files (${mb(summary.filesBytes)})`,
  );
  if (summary.missingFiles.length)
    print(
      `  Note: ${summary.missingFiles.length} stored file(s) the database referred to were removed while the ` +
        `backup ran (expired uploads or exports); their records are in the backup without content.`,
    );
}

/** Moves a finished archive where the operator asked (a rename, or a copy across file systems). */
async function moveTo(file: string, out: Out): Promise<string> {
  const target = path.resolve('file' in out ? out.file : path.join(out.dir, path.basename(file)));
  if (target === path.resolve(file)) return target;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.promises.rename(file, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await fs.promises.copyFile(file, target, fs.constants.COPYFILE_EXCL);
    await fs.promises.rm(file);
  }
  return target;
}

async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `HTTP ${res.status}`;
}

/**
 * The embedded database is held by a running server (one process may open it): the server backs itself
 * up (`POST /api/system/backup`), asked by an administrator, into `<data dir>/backups/`.
 */
async function backupThroughServer(
  config: Config,
  holder: DataDirLockedError,
  options: { url?: string; email?: string; password?: string; out: Out; json: boolean },
  print: Print,
): Promise<number> {
  const url = (options.url ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
  const email = options.email ?? process.env.CHIDAO_ADMIN_EMAIL;
  const password = options.password ?? process.env.CHIDAO_ADMIN_PASSWORD;
  if (!email || !password) {
    console.error(
      `The server (pid ${holder.holderPid}) holds the embedded database in ${config.dataDir}, so it makes the ` +
        `backup itself when an administrator asks: give --email (or CHIDAO_ADMIN_EMAIL) and the password in ` +
        `CHIDAO_ADMIN_PASSWORD (or --password), and --url if it does not listen on ${url}.`,
    );
    return 64;
  }
  let login: Response;
  try {
    login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ email, password }),
    });
  } catch (err) {
    console.error(
      `The server (pid ${holder.holderPid}) holds ${config.dataDir} but does not answer at ${url} ` +
        `(${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}); ` +
        `give its address with --url.`,
    );
    return 1;
  }
  if (!login.ok) {
    console.error(`Signing in to ${url} failed: ${await errorMessage(login)}`);
    return 1;
  }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'accept-language': 'en' };
  try {
    if (!options.json) print(`Asking the server at ${url} to back itself up …`);
    const res = await fetch(`${url}/api/system/backup`, { method: 'POST', headers });
    if (!res.ok) {
      console.error(`The server could not make the backup: ${await errorMessage(res)}`);
      return 1;
    }
    const made = backupOut.parse(await res.json());
    const file = await moveTo(path.join(backupsDir(config.dataDir), made.name), options.out);
    const summary = { ...made, file, name: path.basename(file), missingFiles: [] as string[] };
    if (options.json) print(JSON.stringify({ ...made, file, name: summary.name }));
    else {
      describe(summary, print);
      if (made.missingFiles)
        print(
          `  Note: ${made.missingFiles} stored file(s) were removed while the backup ran (see the manifest).`,
        );
    }
    return 0;
  } finally {
    await fetch(`${url}/api/auth/logout`, { method: 'POST', headers }).catch(() => {});
  }
}

/** `chidao backup`: the configured database and the file store into one archive. */
export async function backupCommand(
  args: string[],
  config: Config,
  print: Print = console.log,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean' },
      url: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const out: Out = !values.out
    ? { dir: backupsDir(config.dataDir) }
    : /\.(tar\.gz|tgz)$/i.test(values.out)
      ? { file: values.out }
      : { dir: values.out };
  let database: Database;
  if (config.databaseUrl) {
    database = await openDatabase({ engine: 'postgres', url: config.databaseUrl, poolSize: 2 });
  } else {
    const pgdata = path.join(config.dataDir, 'pgdata');
    if (!fs.existsSync(pgdata) || fs.readdirSync(pgdata).length === 0)
      throw new AppError(404, 'NO_DATABASE', 'backup.no_database', { dir: config.dataDir });
    try {
      database = await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
    } catch (err) {
      if (err instanceof DataDirLockedError)
        return backupThroughServer(config, err, { ...values, out, json: values.json === true }, print);
      throw err;
    }
  }
  try {
    const summary = await createBackup(
      { db: database.db, engine: database.engine, filesRoot: path.join(config.dataDir, 'files') },
      out,
    );
    await journalBackup(systemContext(database.db), summary).catch((err: unknown) =>
      console.error(`Warning: the backup is complete but could not be journalled: ${(err as Error).message}`),
    );
    if (values.json) print(JSON.stringify(summary));
    else describe(summary, print);
    return 0;
  } finally {
    await database.close();
  }
}

/** `chidao restore FILE`: into the configured database and data directory, which must be empty. */
export async function restoreCommand(
  args: string[],
  config: Config,
  print: Print = console.log,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('restore needs the backup file: chidao restore FILE.tar.gz [--force]');
    return 64;
  }
  const target: RestoreTarget = config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl, dataDir: config.dataDir }
    : { engine: 'pglite', dataDir: config.dataDir };
  const summary = await restoreBackup(path.resolve(file), target, {
    force: values.force === true,
    log: values.json ? undefined : print,
  });
  if (values.json) {
    print(JSON.stringify(summary));
    return 0;
  }
  print(
    `Restored the backup of ${summary.createdAt} (chidao ${summary.chidaoVersion}, ${summary.sourceEngine}): ` +
      `${n(summary.tables)} tables, ${n(summary.rows)} rows, ${n(summary.files)} stored files.`,
  );
  if (summary.migrationsAdded)
    print(`  ${summary.migrationsAdded} later migrations of this version applied.`);
  if (summary.missingFiles.length)
    print(
      `  Note: ${summary.missingFiles.length} stored file(s) were already missing when the backup was made.`,
    );
  return 0;
}
