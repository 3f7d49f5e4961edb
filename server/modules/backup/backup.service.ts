import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { RequestContext } from '../../core/context.js';
import { systemContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { openDatabase, rows, type Database, type Db, type Engine } from '../../db/client.js';
import { lockDataDir } from '../../db/lock.js';
import { readJournal } from '../../db/migration-status.js';
import { migrationsFolder, packageRoot } from '../../paths.js';
import { recordChange } from '../audit/audit.service.js';
import { createFileStore } from '../files/file-store.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  archiveHeader,
  archiveName,
  CHUNK_BYTES,
  CHUNK_ROWS,
  chunkEntry,
  decodeChunk,
  dependencyOrder,
  encodeRow,
  FILE_KEY,
  fileEntry,
  HEADER_ENTRY,
  ident,
  MANIFEST_ENTRY,
  manifestSchema,
  migrationsToReplay,
  textArrayLiteral,
  type AppliedMigration,
  type Manifest,
  type TableManifest,
} from './archive-format.js';
import { readTar, TarFormatError, TarWriter, type TarEntry } from './tar.js';

/*
 * Backup and restore of a whole chidao installation — database and stored files — on either engine
 * (decision 0005). The backup reads every table in one REPEATABLE READ, read-only transaction (one
 * consistent snapshot while the server keeps running), then copies the file store, whose contents are
 * immutable and named by their SHA-256. The restore checks the whole archive first, rebuilds the structure
 * with the migrations the backup had, loads every row in one transaction (all or nothing), adds this
 * version's later migrations, and journals itself.
 */

// ---------------------------------------------------------------------------------------------------------
// The database's own description (catalog), read the same way on PGlite and PostgreSQL.

type Column = { name: string; type: string; identityAlways: boolean };
type Table = { name: string; columns: Column[] };
type ForeignKey = { name: string; table: string; references: string; definition: string };

async function listTables(db: Db): Promise<Table[]> {
  const found = await rows<{ table: string; name: string; type: string; identity: string }>(
    db,
    sql`SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
               a.attidentity::text AS identity
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
         ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, Table>();
  for (const r of found) {
    const table = tables.get(r.table) ?? { name: r.table, columns: [] };
    table.columns.push({ name: r.name, type: r.type, identityAlways: r.identity === 'a' });
    tables.set(r.table, table);
  }
  return [...tables.values()];
}

async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return rows<ForeignKey>(
    db,
    sql`SELECT con.conname AS name, c.relname AS table, r.relname AS references,
               pg_get_constraintdef(con.oid) AS definition
          FROM pg_constraint con
          JOIN pg_class c ON c.oid = con.conrelid
          JOIN pg_class r ON r.oid = con.confrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE con.contype = 'f' AND n.nspname = 'public'
         ORDER BY c.relname, con.conname`,
  );
}

async function sequenceNames(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
  );
  return found.map((r) => r.name);
}

async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const [exists] = await rows<{ found: string | null }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS found`,
  );
  if (!exists?.found) return [];
  const applied = await rows<{ hash: string; created_at: string }>(
    db,
    sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id`,
  );
  const tags = new Map(readJournal().entries.map((e) => [e.when, e.tag]));
  return applied.map((m) => {
    const when = Number(m.created_at);
    return { when, hash: m.hash, tag: tags.get(when) ?? null };
  });
}

/** Text forms that read back the same on any server (dates in UTC, ISO; exact floats; hex bytes). */
async function setTextForms(db: Db) {
  for (const setting of [
    `SET LOCAL "TimeZone" TO 'UTC'`,
    `SET LOCAL "DateStyle" TO 'ISO, YMD'`,
    `SET LOCAL "IntervalStyle" TO 'postgres'`,
    `SET LOCAL extra_float_digits TO 3`,
    `SET LOCAL bytea_output TO 'hex'`,
  ])
    await db.execute(sql.raw(setting));
}

/** Every row of a table as text forms, in batches through a cursor (inside the caller's transaction). */
async function* tableRows(db: Db, table: Table): AsyncGenerator<(string | null)[][]> {
  const select = table.columns.map((c, i) => `${ident(c.name)}::text AS c${i}`).join(', ');
  await db.execute(
    sql.raw(`DECLARE chidao_backup NO SCROLL CURSOR FOR SELECT ${select} FROM public.${ident(table.name)}`),
  );
  try {
    for (;;) {
      const batch = await rows<Record<string, string | null>>(db, sql.raw(`FETCH 1000 FROM chidao_backup`));
      if (batch.length) yield batch.map((r) => table.columns.map((_, i) => r[`c${i}`] ?? null));
      if (batch.length < 1000) break;
    }
  } finally {
    await db.execute(sql.raw(`CLOSE chidao_backup`));
  }
}

/** Columns (of type text) that hold file-store keys: `files.storage_key`, `dossier_import_jobs.file_key`. */
async function storeKeyColumns(db: Db): Promise<{ table: string; column: string }[]> {
  return rows(
    db,
    sql`SELECT c.relname AS table, a.attname AS column
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attname IN ('storage_key', 'file_key') AND a.atttypid = 'text'::regtype
         ORDER BY 1, 2`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// The file store (local disk, content-addressed: `<root>/ab/cd/<sha256>`).

type StoredObject = { key: string; file: string };

async function listStore(root: string): Promise<StoredObject[]> {
  const out: StoredObject[] = [];
  const dirs = async (dir: string, pattern: RegExp) => {
    try {
      return (await fs.promises.readdir(dir, { withFileTypes: true }))
        .filter((d) => pattern.test(d.name))
        .map((d) => d.name)
        .sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  };
  for (const a of await dirs(root, /^[a-f0-9]{2}$/))
    for (const b of await dirs(path.join(root, a), /^[a-f0-9]{2}$/))
      for (const key of await dirs(path.join(root, a, b), FILE_KEY))
        if (key.startsWith(a + b)) out.push({ key, file: path.join(root, a, b, key) });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Backup

export type BackupSummary = {
  /** Absolute path of the archive. */
  file: string;
  name: string;
  sizeBytes: number;
  createdAt: string;
  tables: number;
  rows: number;
  files: number;
  filesBytes: number;
  /** Files the database referred to that were no longer in the store (removed while the backup ran). */
  missingFiles: string[];
};

export type BackupSource = { db: Db; engine: Engine; filesRoot: string };

let chidaoVersionCache: string | undefined;
function chidaoVersion(): string {
  chidaoVersionCache ??= (
    JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  return chidaoVersionCache;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Writes a backup archive of the database and the file store: to `out` (a file name ending in .tar.gz,
 * or a directory, where it gets a dated name). The archive appears only when complete.
 */
export async function createBackup(source: BackupSource, out: { dir: string } | { file: string }) {
  const createdAt = new Date();
  const file = path.resolve('file' in out ? out.file : path.join(out.dir, archiveName(createdAt)));
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${randomUUID().slice(0, 8)}.partial`;
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial, { flags: 'wx' }));
  written.catch(() => {}); // awaited below; errors also surface through the writes
  const tar = new TarWriter(gzip);
  try {
    await tar.addBuffer(
      HEADER_ENTRY,
      Buffer.from(
        JSON.stringify({
          format: ARCHIVE_FORMAT,
          version: ARCHIVE_VERSION,
          chidaoVersion: chidaoVersion(),
          createdAt: createdAt.toISOString(),
          engine: source.engine,
        }),
      ),
      createdAt,
    );
    const snapshot = await source.db.transaction(
      async (tx) => {
        await setTextForms(tx);
        const [version] = await rows<{ v: string }>(tx, sql`SELECT current_setting('server_version') AS v`);
        const migrations = await appliedMigrations(tx);
        const tables = await listTables(tx);
        const order = dependencyOrder(
          tables.map((t) => t.name),
          await foreignKeys(tx),
        );
        const byName = new Map(tables.map((t) => [t.name, t]));
        const tableManifests: TableManifest[] = [];
        for (const name of order) {
          const table = byName.get(name)!;
          const manifest: TableManifest = {
            name,
            columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
            rows: 0,
            chunks: [],
          };
          let lines: string[] = [];
          let bytes = 0;
          const flush = async () => {
            if (!lines.length) return;
            const data = Buffer.from(lines.join(''), 'utf8');
            const entry = chunkEntry(name, manifest.chunks.length + 1);
            await tar.addBuffer(entry, data, createdAt);
            manifest.chunks.push({ entry, rows: lines.length, bytes: data.length, sha256: sha256(data) });
            lines = [];
            bytes = 0;
          };
          for await (const batch of tableRows(tx, table)) {
            for (const row of batch) {
              const line = encodeRow(row) + '\n';
              lines.push(line);
              bytes += line.length;
              manifest.rows++;
              if (lines.length >= CHUNK_ROWS || bytes >= CHUNK_BYTES) await flush();
            }
          }
          await flush();
          tableManifests.push(manifest);
        }
        const sequences: Manifest['sequences'] = [];
        for (const name of await sequenceNames(tx)) {
          const [s] = await rows<{ last_value: string; is_called: boolean }>(
            tx,
            sql.raw(`SELECT last_value::text AS last_value, is_called FROM public.${ident(name)}`),
          );
          sequences.push({ name, lastValue: s!.last_value, isCalled: s!.is_called === true });
        }
        const referenced = new Set<string>();
        for (const { table, column } of await storeKeyColumns(tx)) {
          const keys = await rows<{ key: string }>(
            tx,
            sql.raw(
              `SELECT DISTINCT ${ident(column)} AS key FROM public.${ident(table)} WHERE ${ident(column)} IS NOT NULL`,
            ),
          );
          for (const k of keys) referenced.add(k.key);
        }
        return { serverVersion: version!.v, migrations, tables: tableManifests, sequences, referenced };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    // Files after the snapshot, outside the transaction (PGlite serves other requests meanwhile): stored
    // contents never change, and a file recorded before the snapshot was stored before it was recorded.
    const files: Manifest['files'] = [];
    for (const object of await listStore(source.filesRoot)) {
      let handle: fs.promises.FileHandle;
      try {
        handle = await fs.promises.open(object.file, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed meanwhile
        throw err;
      }
      try {
        const { size } = await handle.stat();
        const hash = createHash('sha256');
        const content = handle.createReadStream({ autoClose: false });
        async function* hashing() {
          for await (const chunk of content) {
            hash.update(chunk as Buffer);
            yield chunk as Buffer;
          }
        }
        await tar.addStream(fileEntry(object.key), size, hashing(), createdAt);
        if (hash.digest('hex') !== object.key)
          throw new Error(
            `The stored file ${object.file} is damaged: its content no longer matches its name (SHA-256).`,
          );
        files.push({ key: object.key, size });
      } finally {
        await handle.close();
      }
    }
    const present = new Set(files.map((f) => f.key));
    const missingFiles = [...snapshot.referenced].filter((k) => !present.has(k)).sort();
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      chidaoVersion: chidaoVersion(),
      createdAt: createdAt.toISOString(),
      engine: source.engine,
      serverVersion: snapshot.serverVersion,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      sequences: snapshot.sequences,
      files,
      missingFiles,
    };
    await tar.addBuffer(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 1)), createdAt);
    await tar.finish();
    gzip.end();
    await written;
    await fs.promises.rename(partial, file);
    const summary: BackupSummary = {
      file,
      name: path.basename(file),
      sizeBytes: (await fs.promises.stat(file)).size,
      createdAt: manifest.createdAt,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
      files: files.length,
      filesBytes: files.reduce((n, f) => n + f.size, 0),
      missingFiles,
    };
    return summary;
  } catch (err) {
    gzip.destroy();
    await written.catch(() => {});
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}

/** The journal entry of a backup (after the archive is complete, so it is not inside it). */
export async function journalBackup(ctx: RequestContext, summary: BackupSummary): Promise<void> {
  await recordChange(ctx, {
    action: 'backup',
    entity: 'backup',
    entityId: summary.name,
    after: {
      createdAt: summary.createdAt,
      sizeBytes: summary.sizeBytes,
      tables: summary.tables,
      rows: summary.rows,
      files: summary.files,
      missingFiles: summary.missingFiles.length,
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading an archive

const corrupt = (detail: string) => new AppError(400, 'BACKUP_CORRUPT', 'backup.corrupt', { detail });

/** A damaged gzip stream or tar header, or an unreadable file, as `backup.corrupt`. */
function archiveError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof TarFormatError) return corrupt(err.message);
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR') return corrupt('the file ends before the archive does (an unfinished copy?)');
  if (typeof code === 'string' && code.startsWith('Z_'))
    return corrupt(`not a gzip file, or damaged: ${(err as Error).message}`);
  return err;
}

/** The archive's entries (their bodies too) with read errors as `backup.corrupt`. */
async function* archiveEntries(file: string): AsyncGenerator<TarEntry> {
  let source: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    source = fs.createReadStream(file);
  } catch {
    throw corrupt(`cannot read ${file}`);
  }
  const gunzip = zlib.createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    for await (const entry of readTar(gunzip)) {
      const body: AsyncIterable<Buffer> = {
        async *[Symbol.asyncIterator]() {
          try {
            yield* entry.body;
          } catch (err) {
            throw archiveError(err);
          }
        },
      };
      yield {
        ...entry,
        body,
        read: () => entry.read().catch((err: unknown) => Promise.reject(archiveError(err))),
      };
    }
  } catch (err) {
    throw archiveError(err);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

type EntryCheck = { size: number; sha256: string };

async function digestOf(body: AsyncIterable<Buffer>): Promise<EntryCheck> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Reads the whole archive and checks it against its manifest: the format, every table chunk's size and
 * SHA-256, every stored file's content against its name. Throws `backup.corrupt` naming the first problem.
 */
export async function verifyArchive(
  file: string,
): Promise<{ manifest: Manifest; entries: Map<string, EntryCheck> }> {
  const entries = new Map<string, EntryCheck>();
  let manifestText: Buffer | null = null;
  let first = true;
  for await (const entry of archiveEntries(file)) {
    if (first) {
      first = false;
      if (entry.name !== HEADER_ENTRY) throw corrupt('this is not a chidao backup');
      const header = archiveHeader.safeParse(parseJson(await entry.read()));
      if (!header.success) throw corrupt('this is not a chidao backup');
      if (header.data.version > ARCHIVE_VERSION)
        throw new AppError(400, 'BACKUP_TOO_NEW', 'backup.format_too_new', {
          version: header.data.chidaoVersion,
        });
      continue;
    }
    if (entry.name === MANIFEST_ENTRY) {
      manifestText = await entry.read();
      continue;
    }
    entries.set(entry.name, await digestOf(entry.body));
  }
  if (first) throw corrupt('the archive is empty');
  if (!manifestText) throw corrupt('the manifest is missing (the archive is incomplete)');
  const parsed = manifestSchema.safeParse(parseJson(manifestText));
  if (!parsed.success) throw corrupt('the manifest is damaged');
  const manifest = parsed.data;
  for (const table of manifest.tables) {
    if (table.chunks.reduce((n, c) => n + c.rows, 0) !== table.rows)
      throw corrupt(`table ${table.name}: the row counts do not add up`);
    for (const chunk of table.chunks) {
      const found = entries.get(chunk.entry);
      if (!found) throw corrupt(`${chunk.entry} is missing`);
      if (found.size !== chunk.bytes || found.sha256 !== chunk.sha256)
        throw corrupt(`${chunk.entry} does not match its checksum`);
    }
  }
  for (const f of manifest.files) {
    const found = entries.get(fileEntry(f.key));
    if (!found) throw corrupt(`${fileEntry(f.key)} is missing`);
    if (found.size !== f.size || found.sha256 !== f.key)
      throw corrupt(`${fileEntry(f.key)} does not match its checksum`);
  }
  return { manifest, entries };
}

function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Restore

export type RestoreTarget =
  { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string; dataDir: string };

export type RestoreSummary = {
  createdAt: string;
  sourceEngine: Engine;
  chidaoVersion: string;
  tables: number;
  rows: number;
  files: number;
  /** Migrations of this version applied after the rows were loaded. */
  migrationsAdded: number;
  missingFiles: string[];
};

const notEmpty = (detail: string) =>
  new AppError(409, 'RESTORE_TARGET_NOT_EMPTY', 'backup.target_not_empty', { detail });

/** The tables of the public schema that hold at least one row. */
async function tablesWithRows(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const t of await listTables(db)) {
    const [r] = await rows<{ found: boolean }>(
      db,
      sql.raw(`SELECT EXISTS (SELECT 1 FROM public.${ident(t.name)}) AS found`),
    );
    if (r?.found) out.push(t.name);
  }
  return out;
}

/** Drops chidao's structure from a PostgreSQL database (its tables and sequences, the migration journal). */
async function dropStructure(db: Db) {
  const tables = await listTables(db);
  if (tables.length)
    await db.execute(
      sql.raw(`DROP TABLE IF EXISTS ${tables.map((t) => `public.${ident(t.name)}`).join(', ')} CASCADE`),
    );
  const sequences = await sequenceNames(db);
  if (sequences.length)
    await db.execute(
      sql.raw(`DROP SEQUENCE IF EXISTS ${sequences.map((s) => `public.${ident(s)}`).join(', ')} CASCADE`),
    );
  await db.execute(sql.raw('DROP SCHEMA IF EXISTS drizzle CASCADE'));
}

async function storeIsEmpty(root: string) {
  return (await listStore(root)).length === 0;
}

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

/** Applies the first `count` migrations of this version (the structure the backup was made with). */
async function migrateTo(database: Database, count: number) {
  const journal = readJournal();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-restore-'));
  try {
    fs.mkdirSync(path.join(folder, 'meta'));
    const entries = journal.entries.slice(0, count);
    for (const e of entries)
      fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    if (!entries.length) return;
    if (database.engine === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
    else await migrateNodePg(database.db as never, { migrationsFolder: folder });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Restores an archive into the configured database and file store, which must be empty (no table holds a
 * row, no file is stored) unless `force` — then what is there is erased first. The archive is checked
 * whole before anything is touched; the rows load in one transaction; on any failure the target is left
 * empty again.
 */
export async function restoreBackup(
  file: string,
  target: RestoreTarget,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreSummary> {
  const log = options.log ?? (() => {});
  log(`Checking ${file} …`);
  const { manifest } = await verifyArchive(file);
  const journal = readJournal();
  const plan = migrationsToReplay(manifest.migrations, journal.entries);
  if (!plan.ok)
    throw new AppError(400, 'BACKUP_TOO_NEW', 'backup.newer_version', {
      version: manifest.chidaoVersion,
      migration: plan.unknown,
    });

  const filesRoot = path.join(target.dataDir, 'files');
  const pgdata = path.join(target.dataDir, 'pgdata');
  // The embedded database: hold its directory (a running server has it) while deciding and erasing.
  const lock = target.engine === 'pglite' ? lockDataDir(target.dataDir) : null;
  const pgdataExisted = target.engine === 'pglite' && !isEmptyDir(pgdata);
  let database: Database | null = null;
  let touched = false;
  try {
    database =
      target.engine === 'postgres'
        ? await openDatabase({ engine: 'postgres', url: target.url, poolSize: 2 })
        : pgdataExisted
          ? // openDatabase takes the directory's lock again (same process: it is taken over).
            await openDatabase({ engine: 'pglite', dataDir: target.dataDir })
          : null;

    // Is the target empty?
    const problems: string[] = [];
    if (!(await storeIsEmpty(filesRoot))) problems.push(`files are stored in ${filesRoot}`);
    if (database) {
      const filled = await tablesWithRows(database.db);
      if (filled.length)
        problems.push(
          `the database holds data (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''})`,
        );
    }
    if (problems.length && !options.force) throw notEmpty(problems.join('; '));
    // Empty, or to be erased: start from nothing (dropping an empty structure loses nothing).
    touched = true;
    if (problems.length) log(`Erasing the target (--force): ${problems.join('; ')}`);
    database ??= await openDatabase({ engine: 'pglite', dataDir: target.dataDir });
    await dropStructure(database.db);
    fs.rmSync(filesRoot, { recursive: true, force: true });

    log(`Rebuilding the structure (${plan.count} migrations) …`);
    await migrateTo(database, plan.count);

    log(`Loading ${manifest.tables.length} tables and ${manifest.files.length} files …`);
    const store = createFileStore({ kind: 'local', root: filesRoot });
    const chunks = new Map(
      manifest.tables.flatMap((t) => t.chunks.map((c) => [c.entry, { table: t, chunk: c }] as const)),
    );
    const fileKeys = new Map(manifest.files.map((f) => [fileEntry(f.key), f]));
    await database.db.transaction(async (tx) => {
      await setTextForms(tx);
      const targetTables = new Map((await listTables(tx)).map((t) => [t.name, t]));
      // Each table of the backup and its columns must be in the structure just rebuilt.
      const inserts = new Map<string, (rows: (string | null)[][]) => Promise<void>>();
      for (const t of manifest.tables) {
        const found = targetTables.get(t.name);
        if (!found) throw schemaMismatch(`table ${t.name} does not exist`);
        const columns = t.columns.map((c) => {
          const col = found.columns.find((x) => x.name === c.name);
          if (!col) throw schemaMismatch(`column ${t.name}.${c.name} does not exist`);
          return col;
        });
        const overriding = columns.some((c) => c.identityAlways) ? ' OVERRIDING SYSTEM VALUE' : '';
        const names = columns.map((c) => ident(c.name)).join(', ');
        const casts = columns.map((c, i) => `CAST(u.c${i} AS ${c.type})`).join(', ');
        const aliases = columns.map((_, i) => `c${i}`).join(', ');
        inserts.set(t.name, async (list) => {
          const arrays = columns.map(
            (_, i) => sql`${textArrayLiteral(list.map((r) => r[i] ?? null))}::text::text[]`,
          );
          await tx.execute(
            sql`${sql.raw(`INSERT INTO public.${ident(t.name)} (${names})${overriding} SELECT ${casts} FROM unnest(`)}${sql.join(arrays, sql`, `)}${sql.raw(`) AS u(${aliases})`)}`,
          );
        });
      }
      // Foreign keys come back after the rows (and check them all then): tables that refer to themselves
      // need it, and it is faster.
      const fks = await foreignKeys(tx);
      for (const fk of fks)
        await tx.execute(
          sql.raw(`ALTER TABLE ONLY public.${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`),
        );

      for await (const entry of archiveEntries(file)) {
        const chunk = chunks.get(entry.name);
        if (chunk) {
          const data = await entry.read();
          if (sha256(data) !== chunk.chunk.sha256)
            throw corrupt(`${entry.name} changed since it was checked`);
          const list = decodeChunk(data.toString('utf8'), chunk.table.columns.length, entry.name);
          if (list.length !== chunk.chunk.rows)
            throw corrupt(`${entry.name} does not hold ${chunk.chunk.rows} rows`);
          try {
            await inserts.get(chunk.table.name)!(list);
          } catch (err) {
            throw restoreFailed(`table ${chunk.table.name}: ${(err as Error).message}`);
          }
          continue;
        }
        const stored = fileKeys.get(entry.name);
        if (stored) {
          const put = await store.put(Readable.from(entry.body), Number.POSITIVE_INFINITY);
          if (put.key !== stored.key || put.size !== stored.size)
            throw corrupt(`${entry.name} changed since it was checked`);
        }
      }
      for (const fk of fks) {
        try {
          await tx.execute(
            sql.raw(
              `ALTER TABLE ONLY public.${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`,
            ),
          );
        } catch (err) {
          throw restoreFailed(`${fk.table}: ${(err as Error).message}`);
        }
      }
      const sequences = new Set(await sequenceNames(tx));
      for (const s of manifest.sequences) {
        if (!sequences.has(s.name)) throw schemaMismatch(`sequence ${s.name} does not exist`);
        await tx.execute(
          sql`SELECT setval(${`public.${ident(s.name)}`}::text::regclass, ${s.lastValue}::text::bigint, ${s.isCalled ? 'true' : 'false'}::text::boolean)`,
        );
      }
      for (const t of manifest.tables) {
        const [n] = await rows<{ n: string }>(
          tx,
          sql.raw(`SELECT count(*)::text AS n FROM public.${ident(t.name)}`),
        );
        if (Number(n!.n) !== t.rows) throw restoreFailed(`table ${t.name} holds ${n!.n} rows, not ${t.rows}`);
      }
      await recordChange(systemContext(tx), {
        action: 'restore',
        entity: 'backup',
        entityId: path.basename(file),
        after: {
          createdAt: manifest.createdAt,
          sourceEngine: manifest.engine,
          chidaoVersion: manifest.chidaoVersion,
          tables: manifest.tables.length,
          rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
          files: manifest.files.length,
        },
      });
    });
    const migrationsAdded = journal.entries.length - plan.count;
    if (migrationsAdded > 0) {
      log(`Applying ${migrationsAdded} later migrations of this version …`);
      await database.migrate();
    }
    return {
      createdAt: manifest.createdAt,
      sourceEngine: manifest.engine,
      chidaoVersion: manifest.chidaoVersion,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
      files: manifest.files.length,
      migrationsAdded,
      missingFiles: manifest.missingFiles,
    };
  } catch (err) {
    if (touched) {
      // Leave the target empty: no structure, no files (and no database directory if there was none).
      if (database) await dropStructure(database.db).catch(() => {});
      await database?.close().catch(() => {});
      database = null;
      if (target.engine === 'pglite' && !pgdataExisted) fs.rmSync(pgdata, { recursive: true, force: true });
      fs.rmSync(filesRoot, { recursive: true, force: true });
    }
    throw err;
  } finally {
    await database?.close();
    lock?.release();
  }
}

const schemaMismatch = (detail: string) =>
  new AppError(400, 'BACKUP_SCHEMA_MISMATCH', 'backup.schema_mismatch', { detail });
const restoreFailed = (detail: string) =>
  new AppError(400, 'RESTORE_FAILED', 'backup.restore_failed', { detail });

// ---------------------------------------------------------------------------------------------------------
// A logical dump, to compare two databases (tests, and checking a restore by hand).

export type LogicalDump = {
  /** Each table's column names and rows (JSON arrays of text forms, sorted). */
  tables: Record<string, { columns: string[]; rows: string[] }>;
  sequences: Record<string, { lastValue: string; isCalled: boolean }>;
};

/** Every table's rows (text forms as JSON lines, sorted) and every sequence, in one snapshot. */
export async function logicalDump(db: Db): Promise<LogicalDump> {
  return db.transaction(
    async (tx) => {
      await setTextForms(tx);
      const tables: LogicalDump['tables'] = {};
      for (const table of await listTables(tx)) {
        const lines: string[] = [];
        for await (const batch of tableRows(tx, table)) for (const row of batch) lines.push(encodeRow(row));
        tables[table.name] = { columns: table.columns.map((c) => c.name), rows: lines.sort() };
      }
      const sequences: LogicalDump['sequences'] = {};
      for (const name of await sequenceNames(tx)) {
        const [s] = await rows<{ last_value: string; is_called: boolean }>(
          tx,
          sql.raw(`SELECT last_value::text AS last_value, is_called FROM public.${ident(name)}`),
        );
        sequences[name] = { lastValue: s!.last_value, isCalled: s!.is_called === true };
      }
      return { tables, sequences };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
