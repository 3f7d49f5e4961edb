import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { systemContext } from '../core/context.js';
import type { App } from '../core/http.js';
import { openDatabase, type Database } from '../db/client.js';
import { seedDemo } from '../modules/demo/demo.service.js';
import { DEMO_PASSWORD } from '../modules/demo/nghe-an.js';

export type TestEngine = 'pglite' | 'postgres';
export const testEngine = (process.env.CHIDAO_TEST_ENGINE ?? 'pglite') as TestEngine;

/**
 * A fresh database for one test file: in-memory PGlite, or a new database on the PostgreSQL server
 * (dropped afterwards), migrated.
 */
export async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testEngine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: null });
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: PG_BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const opened = await openTestPostgres(name);
  await opened.database.migrate();
  return opened;
}

const PG_BASE_URL = process.env.CHIDAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgUrlOf = (name: string) => {
  const url = new URL(PG_BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
};
const testDatabaseName = () => `chidao_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** Opens a test database created on the PostgreSQL server; `drop` closes it and drops it. */
async function openTestPostgres(name: string): Promise<{ database: Database; drop(): Promise<void> }> {
  const database = await openDatabase({ engine: 'postgres', url: pgUrlOf(name), poolSize: 4 });
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: PG_BASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Caller = {
  cookie: string;
  csrf: string;
  userId: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: App;
  database: Database;
  config: Config;
  /** Signs in (demo password by default) and returns a caller carrying the session cookie and CSRF token. */
  login(email: string, password?: string): Promise<Caller>;
  close(): Promise<void>;
};

/**
 * Where the seeded PGlite template of this source tree and day is kept: its name hashes every server source
 * file (migrations, schema, demo) and today's date (the demo is dated relative to today), so a change of either
 * builds a new one.
 */
function templateFile(): string {
  const root = path.resolve(import.meta.dirname, '..');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|sql|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) {
        hash.update(full.slice(root.length));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(root);
  hash.update(new Date().toISOString().slice(0, 10));
  return path.join(os.tmpdir(), `chidao-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * A fresh in-memory PGlite holding the migrated demo province: a copy of a template built once per source tree
 * (migrating and seeding take 5–7 s a test file; loading the copy about 1 s). Test files share nothing else.
 */
async function seededPglite(): Promise<Database> {
  const file = templateFile();
  if (!fs.existsSync(file)) {
    const build = await openDatabase({ engine: 'pglite', dataDir: null });
    await build.migrate();
    await seedDemo(systemContext(build.db), { withAccounts: true });
    const blob = await build.dumpDataDir!();
    await build.close();
    // Written aside then renamed: test files building it at once each leave a whole file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
    for (const old of fs.readdirSync(os.tmpdir()))
      if (
        old.startsWith('chidao-test-template-') &&
        path.join(os.tmpdir(), old) !== file &&
        !old.includes('.tar.')
      )
        fs.rmSync(path.join(os.tmpdir(), old), { force: true });
  }
  return openDatabase({ engine: 'pglite', dataDir: null, loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/**
 * A new PostgreSQL database holding the migrated demo province: `CREATE DATABASE … TEMPLATE` of a template
 * database built once per source tree and day (named after the same hash as the PGlite template), under an
 * advisory lock so that test files starting together build it once. Older templates are dropped.
 */
async function seededPostgres(): Promise<{ database: Database; drop(): Promise<void> }> {
  const template = `chidao_tmpl_${path.basename(templateFile(), '.tar').slice('chidao-test-template-'.length)}`;
  const admin = new pg.Client({ connectionString: PG_BASE_URL });
  await admin.connect();
  const name = testDatabaseName();
  try {
    await admin.query('SELECT pg_advisory_lock(7303241002)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        const old = await admin.query(
          "SELECT datname FROM pg_database WHERE datname LIKE 'chidao\\_tmpl\\_%' AND datname <> $1",
          [template],
        );
        for (const r of old.rows as { datname: string }[])
          await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
        // Built under another name and renamed when whole: a run killed half-way leaves no broken template.
        const building = `${template}_b${randomBytes(3).toString('hex')}`;
        await admin.query(`CREATE DATABASE ${building}`);
        const build = await openDatabase({ engine: 'postgres', url: pgUrlOf(building), poolSize: 2 });
        try {
          await build.migrate();
          await seedDemo(systemContext(build.db), { withAccounts: true });
        } finally {
          await build.close();
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
      }
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7303241002)');
    }
  } finally {
    await admin.end();
  }
  return openTestPostgres(name);
}

/** The whole application on a fresh database seeded with the demo province and accounts. */
export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } =
    testEngine === 'pglite'
      ? await seededPglite().then((d) => ({ database: d, drop: () => d.close() }))
      : await seededPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-test-'));
  const config = loadConfig(
    { CHIDAO_DATA_DIR: dataDir, CHIDAO_LOG_LEVEL: process.env.CHIDAO_TEST_LOG ? 'error' : 'silent' },
    { webRoot: path.join(dataDir, 'no-web'), ...overrides },
  );
  const app = await buildApp({ config, database, logger: process.env.CHIDAO_TEST_LOG ? true : false });
  await app.ready();
  return {
    app,
    database,
    config,
    async login(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const body = res.json() as { csrfToken: string; user: { id: string } };
      return {
        cookie,
        csrf: body.csrfToken,
        userId: body.user.id,
        request: (method, url, payload, headers = {}) =>
          app.inject({
            method: method as 'GET',
            url,
            headers: { cookie, 'x-csrf-token': body.csrfToken, ...headers },
            ...(payload === undefined
              ? {}
              : typeof payload === 'string' || Buffer.isBuffer(payload)
                ? { payload }
                : { payload: payload as object }),
          }),
      };
    },
    async close() {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
