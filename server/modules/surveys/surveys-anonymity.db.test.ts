import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';

/**
 * Issue 17: "in anonymous mode no table links a respondent, invitation or IP to the answers (the invitation only
 * records 'used'), timestamps are coarsened". The first proof is the tables themselves, as migrated on each
 * engine: what a response row can hold, and what an invitation row can hold. (The rows stored by the public form
 * are checked the same way once it exists: ./README.md "Plan".)
 */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
}, 900_000);
afterAll(() => drop?.());

type Column = { column_name: string; data_type: string };
const columnsOf = (table: string) =>
  rows<Column>(
    database.db,
    sql`SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY column_name`,
  );
const referencesOf = (table: string) =>
  rows<{ column_name: string; foreign_table: string }>(
    database.db,
    sql`SELECT kcu.column_name, ccu.table_name AS foreign_table
          FROM information_schema.table_constraints tc
          JOIN information_schema.key_column_usage kcu
            ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
          JOIN information_schema.constraint_column_usage ccu
            ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
         WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ${table}
         ORDER BY kcu.column_name`,
  );

describe('what the survey tables can hold', () => {
  it('a response holds its answers, its unit and channel and the day — no time, no address, no invitation', async () => {
    const columns = await columnsOf('survey_responses');
    expect(columns.map((c) => c.column_name)).toEqual([
      'answers',
      'channel',
      'client_key',
      'flags',
      'id',
      'minutes',
      'respondent_ref',
      'submitted_on',
      'survey_id',
      'target_id',
      'version_id',
    ]);
    // The day only: no column keeps an hour, a minute or a second.
    expect(columns.filter((c) => /time/.test(c.data_type))).toEqual([]);
    expect(columns.find((c) => c.column_name === 'submitted_on')?.data_type).toBe('date');
    // It points at the survey, its version, the unit's target — and at an account only through `respondent_ref`,
    // which a survey that does not say plainly it is not anonymous leaves empty (the service's rule).
    expect(await referencesOf('survey_responses')).toEqual([
      { column_name: 'respondent_ref', foreign_table: 'users' },
      { column_name: 'survey_id', foreign_table: 'surveys' },
      { column_name: 'target_id', foreign_table: 'survey_targets' },
      { column_name: 'version_id', foreign_table: 'survey_versions' },
    ]);
  });

  it('an invitation records that it was used — not when, not by which response', async () => {
    const columns = (await columnsOf('survey_invitations')).map((c) => c.column_name);
    expect(columns).toContain('used');
    expect(columns.filter((c) => /used_at|response|answer/.test(c))).toEqual([]);
    expect((await referencesOf('survey_invitations')).map((r) => r.foreign_table).sort()).toEqual([
      'survey_targets',
      'surveys',
    ]);
    // Only the token's hash is kept (the token itself is only in the message sent).
    expect(columns).toContain('token_hash');
    expect(columns).not.toContain('token');
  });
});
