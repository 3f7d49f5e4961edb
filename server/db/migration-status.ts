import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '../paths.js';
import { type Db, rows } from './client.js';

type Journal = { entries: { idx: number; tag: string; when: number }[] };

export function readJournal(folder = migrationsFolder): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
}

/** How many of the shipped migrations the database has applied. */
export async function migrationStatus(
  db: Db,
): Promise<{ expected: number; applied: number; latest: string | null }> {
  const journal = readJournal();
  const expected = journal.entries.length;
  const latest = journal.entries.at(-1)?.tag ?? null;
  try {
    const [row] = await rows<{ n: number | string }>(
      db,
      sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`,
    );
    return { expected, applied: Number(row?.n ?? 0), latest };
  } catch {
    return { expected, applied: 0, latest };
  }
}
