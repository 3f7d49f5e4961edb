import { randomBytes } from 'node:crypto';
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
  const baseUrl = process.env.CHIDAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `chidao_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: baseUrl });
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

/** The whole application on a fresh database seeded with the demo province and accounts. */
export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  await seedDemo(systemContext(database.db), { withAccounts: true });
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
