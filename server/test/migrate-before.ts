import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { readJournal } from '../db/migration-status.js';
import { migrationsFolder } from '../paths.js';

/**
 * For tests of a data migration: an in-memory PGlite migrated up to (not including) the migration whose
 * tag starts with `tagPrefix`, so a test can insert data in the old shape, then `migrateRest()` and look.
 * `close()` ends the database and removes the temporary migrations folder.
 */
export async function pgliteMigratedBefore(tagPrefix: string) {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-mig-'));
  const journal = readJournal();
  const upTo = journal.entries.findIndex((e) => e.tag.startsWith(tagPrefix));
  if (upTo < 0) throw new Error(`no migration ${tagPrefix}`);
  fs.mkdirSync(path.join(before, 'meta'));
  for (const e of journal.entries.slice(0, upTo))
    fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
  fs.writeFileSync(
    path.join(before, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
  );
  const client = new PGlite({ extensions: { pg_trgm, unaccent } });
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: before });
  return {
    client,
    migrateRest: () => migrate(db, { migrationsFolder }),
    async close() {
      await client.close();
      fs.rmSync(before, { recursive: true, force: true });
    },
  };
}
