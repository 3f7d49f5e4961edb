/**
 * Backup and restore, end to end: the running server backs itself up (the route, and `chidao backup`
 * asking it), the archive restores into an empty data directory and — when a PostgreSQL server is
 * reachable — into an empty PostgreSQL database (so PGlite ↔ PostgreSQL both ways across the two runs of
 * this suite), and the restored database equals the original table by table, row by row, with the same
 * stored files byte for byte. A target that holds data and a damaged archive are refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { translate } from '../../core/messages.js';
import { openDatabase, rows, type Database } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../demo/nghe-an.js';
import { storeUpload } from '../files/files.service.js';
import { backupCommand, restoreCommand } from './backup.cli.js';
import { logicalDump, restoreBackup, verifyArchive, type LogicalDump } from './backup.service.js';
import { readTar, TarWriter } from './tar.js';
import { loadConfig } from '../../config.js';

const pgBase = process.env.CHIDAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(800, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
const withPostgres = process.env.CHIDAO_TEST_POSTGRES !== 'off' && (await reachable(pgBase));

/** A new, empty PostgreSQL database (not migrated), dropped by `drop()`. */
async function emptyPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `chidao_restore_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The stored files of a data directory: store key → content. */
function storedFiles(dataDir: string): Map<string, Buffer> {
  const root = path.join(dataDir, 'files');
  const out = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return out;
  for (const a of fs.readdirSync(root).filter((d) => /^[a-f0-9]{2}$/.test(d)))
    for (const b of fs.readdirSync(path.join(root, a)))
      for (const key of fs.readdirSync(path.join(root, a, b)))
        out.set(key, fs.readFileSync(path.join(root, a, b, key)));
  return out;
}

/** A dump without the journal entries of the backup and the restore themselves (each exists on one side). */
function comparable(dump: LogicalDump): LogicalDump {
  const journal = dump.tables.audit_journal!;
  const action = journal.columns.indexOf('action');
  return {
    ...dump,
    tables: {
      ...dump.tables,
      audit_journal: {
        ...journal,
        rows: journal.rows.filter(
          (r) => !['backup', 'restore'].includes((JSON.parse(r) as string[])[action]!),
        ),
      },
    },
  };
}

/** A copy of an archive with some entries changed (a well-formed archive: only the checksums can tell). */
async function rewrite(from: string, to: string, change: (name: string, data: Buffer) => Buffer) {
  const gzip = zlib.createGzip();
  const file = fs.createWriteStream(to);
  const written = pipeline(gzip, file);
  const tar = new TarWriter(gzip);
  for await (const entry of readTar(fs.createReadStream(from).pipe(zlib.createGunzip())))
    await tar.addBuffer(entry.name, change(entry.name, await entry.read()));
  await tar.finish();
  gzip.end();
  await written;
}

const countRows = (dump: LogicalDump) => Object.values(dump.tables).reduce((n, t) => n + t.rows.length, 0);

let t: TestApp;
let admin: Caller;
let archive: string;
let sourceDump: LogicalDump;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-restore-'));

/** Awkward values every column type must carry unchanged: quotes, backslashes, braces, line breaks, NUL-free
 * Unicode, the word NULL, empty strings, microsecond instants, exact floats and big integers. */
async function addAwkwardRows(database: Database) {
  await database.db.execute(sql`
    INSERT INTO jobs (kind, dedupe_key, payload, run_at, status, attempts, last_error, result)
    VALUES ('digest', 'backup-test:1', ${JSON.stringify({ text: 'Xã "Anh Sơn" \\ {1,2}', n: 1.5e-7, list: [null, true] })}::jsonb,
            '2024-02-29T23:59:59.123456+07:00', 'failed', 3, ${'dòng 1\ndòng 2\t"NULL" \\N {a,b}'}, NULL),
           ('digest', 'backup-test:2', '{}'::jsonb, '1900-01-01T00:00:00Z', 'pending', 0, '', ${'"NULL"'}::jsonb)`);
  const ctx = systemContext(database.db);
  const put = (name: string, text: string) =>
    storeUpload(ctx, t.app.fileStore, Readable.from([Buffer.from(text)]), name, 1 << 20);
  await put('Báo cáo tháng 6.txt', 'Báo cáo tiến độ cải cách hành chính — tháng 6/2025\n');
  await put('copy.txt', 'Báo cáo tiến độ cải cách hành chính — tháng 6/2025\n'); // same content: stored once
  await put('bảng.csv', 'mã;tên\n40;Nghệ An\n');
}

beforeAll(async () => {
  t = await testApp({ notifications: { ...loadConfig({}).notifications, workerIntervalSeconds: 0 } });
  await addAwkwardRows(t.database);
  admin = await t.login('admin@chidao.demo');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('POST /api/system/backup', () => {
  it('is refused to anyone but an administrator', async () => {
    const focal = await t.login('daumoi.tuphap@chidao.demo');
    expect((await focal.request('POST', '/api/system/backup')).statusCode).toBe(403);
  });

  it('writes one archive of the database and the stored files into <data dir>/backups, journalled', async () => {
    const res = await admin.request('POST', '/api/system/backup');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      name: string;
      tables: number;
      rows: number;
      files: number;
      sizeBytes: number;
    };
    archive = path.join(t.config.dataDir, 'backups', body.name);
    expect(fs.statSync(archive).size).toBe(body.sizeBytes);
    expect(fs.readdirSync(path.dirname(archive))).toEqual([body.name]); // no partial file left
    expect(body.files).toBe(2);
    sourceDump = await logicalDump(t.database.db);
    expect(body.tables).toBe(Object.keys(sourceDump.tables).length);
    expect(body.rows).toBe(countRows(comparable(sourceDump)));
    const [entry] = await rows<{ entity_id: string; actor_id: string }>(
      t.database.db,
      sql`SELECT entity_id, actor_id::text FROM audit_journal WHERE action = 'backup' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ entity_id: body.name, actor_id: admin.userId });
  });
});

describe('restore', () => {
  const restoredDir = path.join(scratch, 'restored');

  async function expectSameAsSource(database: Database, dataDir: string) {
    const restored = await logicalDump(database.db);
    expect(comparable(restored)).toEqual(comparable(sourceDump));
    const [entry] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_journal WHERE action = 'restore' AND entity = 'backup'`,
    );
    expect(entry!.n).toBe(1);
    const before = storedFiles(t.config.dataDir);
    const after = storedFiles(dataDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, content] of after) {
      expect(content.equals(before.get(key)!)).toBe(true);
      expect(createHash('sha256').update(content).digest('hex')).toBe(key);
    }
  }

  it('into an empty data directory: every table, row, sequence and stored file as they were', async () => {
    const summary = await restoreBackup(archive, { engine: 'pglite', dataDir: restoredDir });
    expect(summary.rows).toBe(countRows(comparable(sourceDump)));
    const database = await openDatabase({ engine: 'pglite', dataDir: restoredDir });
    try {
      await expectSameAsSource(database, restoredDir);
    } finally {
      await database.close();
    }
  }, 180_000);

  it.skipIf(!withPostgres)(
    'into an empty PostgreSQL database, the same',
    async () => {
      const target = await emptyPostgres();
      const dataDir = path.join(scratch, 'restored-pg');
      try {
        await restoreBackup(archive, { engine: 'postgres', url: target.url, dataDir });
        const database = await openDatabase({ engine: 'postgres', url: target.url, poolSize: 2 });
        try {
          await expectSameAsSource(database, dataDir);
        } finally {
          await database.close();
        }
        // `chidao backup` on PostgreSQL opens the database directly (whether a server runs or not).
        const out = path.join(scratch, 'from-pg.tar.gz');
        const config = loadConfig({ DATABASE_URL: target.url, CHIDAO_DATA_DIR: dataDir });
        expect(await backupCommand(['--out', out], config, () => {})).toBe(0);
        const { manifest } = await verifyArchive(out);
        expect(manifest.engine).toBe('postgres');
        expect(manifest.tables.reduce((n, x) => n + x.rows, 0)).toBe(countRows(comparable(sourceDump)) + 1);
      } finally {
        await target.drop();
      }
    },
    120_000,
  );

  it('refuses a target that holds data and leaves it as it was; --force replaces it', async () => {
    const config = loadConfig({ CHIDAO_DATA_DIR: restoredDir, CHIDAO_LOG_LEVEL: 'silent' });
    const err = await restoreBackup(archive, { engine: 'pglite', dataDir: restoredDir }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).messageKey).toBe('backup.target_not_empty');
    expect(translate('en', 'backup.target_not_empty', (err as AppError).params)).toMatch(
      /files are stored in .*; the database holds data \(/,
    );
    const lines: string[] = [];
    expect(await restoreCommand([archive, '--force'], config, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/Erasing the target \(--force\)/);
    const database = await openDatabase({ engine: 'pglite', dataDir: restoredDir });
    try {
      await expectSameAsSource(database, restoredDir);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('a damaged archive fails with a clear message and the target stays empty', async () => {
    const damaged = path.join(scratch, 'damaged.tar.gz');
    const bytes = fs.readFileSync(archive);
    const middle = Math.floor(bytes.length / 2);
    for (let i = middle; i < middle + 64; i++) bytes[i] = bytes[i]! ^ 0x5a;
    fs.writeFileSync(damaged, bytes);
    const target = path.join(scratch, 'empty-1');
    const err = await restoreBackup(damaged, { engine: 'pglite', dataDir: target }).catch((e: unknown) => e);
    expect((err as AppError).messageKey).toBe('backup.corrupt');
    expect(translate('en', 'backup.corrupt', (err as AppError).params)).toMatch(
      /^The backup file is damaged or incomplete \(.+\)\. Nothing was restored\.$/,
    );
    expect(fs.existsSync(path.join(target, 'pgdata'))).toBe(false);
    expect(storedFiles(target).size).toBe(0);

    // Cut anywhere (a copy that did not finish): refused the same way.
    const original = fs.readFileSync(archive);
    for (const end of [0, 10, 3000, 0.25, 0.5, 0.8, 0.99].map((f) =>
      f < 1 ? Math.floor(original.length * f) : f,
    )) {
      fs.writeFileSync(damaged, original.subarray(0, end));
      const cut = await restoreBackup(damaged, { engine: 'pglite', dataDir: target }).catch(
        (e: unknown) => e,
      );
      expect([end, (cut as AppError).messageKey]).toEqual([end, 'backup.corrupt']);
    }
    expect(fs.existsSync(path.join(target, 'pgdata'))).toBe(false);
  });

  it('an archive whose rows were altered is refused by its checksums', async () => {
    const altered = path.join(scratch, 'altered.tar.gz');
    await rewrite(archive, altered, (name, data) =>
      name.startsWith('db/users/') ? Buffer.from(data.toString().replace('admin@', 'admun@')) : data,
    );
    const err = await restoreBackup(altered, {
      engine: 'pglite',
      dataDir: path.join(scratch, 'empty-2'),
    }).catch((e: unknown) => e);
    expect((err as AppError).messageKey).toBe('backup.corrupt');
    expect((err as AppError).params.detail).toMatch(/^db\/users\/000001\.jsonl does not match its checksum$/);
  });

  it('a backup made by a newer chidao (a migration this one lacks) is refused before anything is touched', async () => {
    const newer = path.join(scratch, 'newer.tar.gz');
    await rewrite(archive, newer, (name, data) => {
      if (name !== 'manifest.json') return data;
      const manifest = JSON.parse(data.toString()) as { chidaoVersion: string; migrations: unknown[] };
      manifest.chidaoVersion = '9.0.0';
      manifest.migrations.push({ when: 4_102_444_800_000, hash: 'x', tag: '0099_future' });
      return Buffer.from(JSON.stringify(manifest));
    });
    const target = path.join(scratch, 'empty-3');
    const err = await restoreBackup(newer, { engine: 'pglite', dataDir: target }).catch((e: unknown) => e);
    expect((err as AppError).messageKey).toBe('backup.newer_version');
    expect(translate('en', 'backup.newer_version', (err as AppError).params)).toBe(
      'The backup was made by chidao 9.0.0, whose database structure (0099_future) this version does not have; update chidao before restoring.',
    );
    expect(fs.existsSync(path.join(target, 'pgdata'))).toBe(false);
  });
});

describe('chidao backup', () => {
  it('opens the embedded database itself when no server holds it', async () => {
    const dataDir = path.join(scratch, 'restored'); // restored above, not in use
    const out = path.join(scratch, 'direct');
    const lines: string[] = [];
    expect(
      await backupCommand(['--out', out, '--json'], loadConfig({ CHIDAO_DATA_DIR: dataDir }), (l) =>
        lines.push(l),
      ),
    ).toBe(0);
    const summary = JSON.parse(lines.join('')) as { file: string; rows: number; files: number };
    expect(path.dirname(summary.file)).toBe(out);
    expect(summary.files).toBe(2);
    // The restored database: the source's rows and the restore's own journal entry.
    expect(summary.rows).toBe(countRows(comparable(sourceDump)) + 1);
    await verifyArchive(summary.file);
  }, 120_000);

  it('asks the running server when it holds the embedded database', async () => {
    // What a running server looks like to the command: a database in the directory, and its lock held by
    // a live process (this one's parent).
    fs.mkdirSync(path.join(t.config.dataDir, 'pgdata'), { recursive: true });
    fs.writeFileSync(path.join(t.config.dataDir, 'pgdata', 'PG_VERSION'), '17\n');
    fs.writeFileSync(path.join(t.config.dataDir, 'chidao.lock'), `${process.ppid}\n`);
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const out = path.join(scratch, 'from-cli.tar.gz');
    const lines: string[] = [];
    const config = loadConfig({ CHIDAO_DATA_DIR: t.config.dataDir });
    try {
      const code = await backupCommand(
        ['--out', out, '--url', url, '--email', 'admin@chidao.demo', '--password', DEMO_PASSWORD],
        config,
        (l) => lines.push(l),
      );
      expect(code).toBe(0);
    } finally {
      fs.rmSync(path.join(t.config.dataDir, 'chidao.lock'), { force: true });
      fs.rmSync(path.join(t.config.dataDir, 'pgdata'), { recursive: true, force: true });
    }
    expect(lines.join('\n')).toMatch(/Backup written: .*from-cli\.tar\.gz/);
    expect(fs.existsSync(out)).toBe(true);
    // A whole backup: every chunk and file matches its checksum, every table is there.
    const { manifest } = await verifyArchive(out);
    expect(manifest.tables.map((x) => x.name).sort()).toEqual(Object.keys(sourceDump.tables).sort());
    expect(manifest.files).toHaveLength(2);
  });
});
