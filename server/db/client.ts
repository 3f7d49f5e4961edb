import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder } from '../paths.js';
import { lockDataDir } from './lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database handle or an open transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  engine: Engine;
  /** Human-readable location, without credentials. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (to open a copy with `loadDataDir`). */
  dumpDataDir?(): Promise<Blob>;
};

export type OpenOptions =
  | {
      engine: 'pglite';
      dataDir: string | null /* null = in memory */;
      /** Starts from a copy of a dumped data directory (`Database.dumpDataDir`), e.g. a seeded test template. */
      loadDataDir?: Blob;
    }
  | { engine: 'postgres'; url: string; poolSize?: number };

/** Opens the embedded database (PGlite) or a PostgreSQL server; the rest of chidao does not know which. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.engine === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  const lock = dataDir ? lockDataDir(dataDir) : null;
  try {
    const client = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
      extensions: { unaccent, pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      location: dataDir ? path.join(dataDir, 'pgdata') : 'memory',
      async migrate() {
        await migratePglite(db as never, { migrationsFolder });
      },
      async close() {
        await client.close();
        lock?.release();
      },
      dumpDataDir: () => client.dumpDataDir('none'),
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

const MIGRATION_LOCK_KEY = 7_303_241_001; // arbitrary, constant: "chidao migrations"

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes (restart, failover, a dropped test database) must not take
  // the process down: the pool discards it and opens a new one on the next query.
  let closing = false;
  pool.on('error', (err) => {
    if (!closing) process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`, 'ChidaoDatabase');
  });
  // Fail fast with a clear message when the server is not reachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  const u = new URL(url);
  return {
    db,
    engine: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    async migrate() {
      // Several app instances may start together: one migrates, the others wait on the advisory lock.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    async close() {
      closing = true;
      await pool.end();
    },
  };
}

/** Rows of a raw SQL statement, on either engine. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
