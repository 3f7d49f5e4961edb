import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in the data dir) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** Demo mode: on by default on the embedded database, off on PostgreSQL (use `chidao seed demo`). */
export function demoEnabled(config: Config): boolean {
  if (config.demo === 'auto') return !config.databaseUrl;
  return config.demo === 'on';
}

/**
 * The address to listen on: `HOST` when set; otherwise 127.0.0.1 in demo mode — the demo accounts'
 * password is public, so the demo is not offered to the network unless someone asks for it with HOST —
 * and 0.0.0.0 (every interface) without the demo.
 */
export function listenHost(config: Config, demo: boolean): { host: string; localOnlyForDemo: boolean } {
  if (config.host) return { host: config.host, localOnlyForDemo: false };
  return demo ? { host: '127.0.0.1', localOnlyForDemo: true } : { host: '0.0.0.0', localOnlyForDemo: false };
}
