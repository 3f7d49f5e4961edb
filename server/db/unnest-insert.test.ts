import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { auditJournal } from '../modules/audit/audit.table.js';
import { unnestInsert } from './unnest-insert.js';

const dialect = new PgDialect();

describe('unnestInsert', () => {
  it('sends one array a column, cast to the column type; left-out columns take their defaults', () => {
    const at = new Date('2026-12-07T01:02:03.000Z');
    const q = dialect.sqlToQuery(
      unnestInsert(auditJournal, [
        { action: 'receive', entity: 'feedback_case', entityId: 'a', after: { n: 1 }, at },
        { action: 'receive', entity: 'feedback_case', entityId: 'b', after: null, at },
      ]),
    );
    expect(q.sql).toBe(
      'INSERT INTO "audit_journal" ("action", "entity", "entity_id", "after", "at") SELECT * FROM unnest(' +
        '$1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamp with time zone[])',
    );
    expect(q.params).toEqual([
      ['receive', 'receive'],
      ['feedback_case', 'feedback_case'],
      ['a', 'b'],
      ['{"n":1}', null],
      ['2026-12-07T01:02:03.000Z', '2026-12-07T01:02:03.000Z'],
    ]);
  });

  it('refuses no rows, rows that give different columns, and a key that is not a column', () => {
    expect(() => unnestInsert(auditJournal, [])).toThrow(/no rows/);
    expect(() =>
      unnestInsert(auditJournal, [
        { action: 'a', entity: 'e', entityId: '1', ip: '10.0.0.1' },
        { action: 'a', entity: 'e', entityId: '2' },
      ]),
    ).toThrow(/different columns/);
    expect(() =>
      unnestInsert(auditJournal, [{ action: 'x', nope: 1 } as unknown as { action: string }]),
    ).toThrow(/no column nope/);
  });
});
