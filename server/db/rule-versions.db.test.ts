import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext, type RequestContext } from '../core/context.js';
import { pgTable } from 'drizzle-orm/pg-core';
import { ruleVersionColumns } from './rule-version-columns.js';
import { testApp, type TestApp } from '../test/harness.js';
import { rows } from './client.js';
import { ruleVersions, SHIPPED_RULES_FROM } from './rule-versions.js';

/** Versioned rules (./rule-versions.ts) on a scratch table of their shape, with rules made up for the test. */
const testRuleVersions = pgTable('test_rule_versions', ruleVersionColumns());
let t: TestApp;
let ctx: RequestContext;

beforeAll(async () => {
  t = await testApp();
  ctx = systemContext(t.database.db);
  await t.database.db.execute(sql`CREATE TABLE test_rule_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), valid_from date NOT NULL UNIQUE, rules jsonb NOT NULL,
    note text NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now(), created_by uuid)`);
});
afterAll(() => t.close());

const shipped = { days: 10 };
const versions = ruleVersions({
  table: testRuleVersions,
  entity: 'test_rules',
  shipped,
  problems: (r: { days: number }) => (r.days > 0 ? [] : ['days must be positive']),
});

describe('versioned rules', () => {
  it('write the shipped rules once, as the first version, with a journal entry', async () => {
    const [a, b] = await Promise.all([versions.on(ctx, '2026-12-07'), versions.on(ctx, '2026-12-07')]);
    expect(a).toMatchObject({ validFrom: SHIPPED_RULES_FROM, note: 'chidao', rules: shipped });
    expect(b!.id).toBe(a!.id);
    const [journal] = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM audit_journal WHERE entity = 'test_rules'`,
    );
    expect(Number(journal!.n)).toBe(1);
  });

  it('give the version in force on a day; a later version leaves earlier days alone', async () => {
    const first = await versions.on(ctx, '2026-12-07');
    const [later] = await t.database.db
      .insert(testRuleVersions)
      .values({ validFrom: '2027-01-01', rules: { days: 5 }, note: 'QĐ mới' })
      .returning();
    expect((await versions.on(ctx, '2026-12-31')).id).toBe(first.id);
    expect(await versions.on(ctx, '2027-01-01')).toMatchObject({ id: later!.id, rules: { days: 5 } });
    expect((await versions.all(t.database.db)).map((v) => v.validFrom)).toEqual([
      '2027-01-01',
      SHIPPED_RULES_FROM,
    ]);
    const byIds = await versions.byIds(t.database.db, [first.id, later!.id, '']);
    expect([...byIds.keys()].sort()).toEqual([first.id, later!.id].sort());
  });

  it('add a version in the journal; a day that has one already is a 409', async () => {
    const added = await versions.add(
      ctx,
      { validFrom: '2027-07-01', rules: { days: 7 }, note: ' mid-year ' },
      'a0000000-0000-4000-8000-000000000001',
      'error.conflict',
    );
    expect(added).toMatchObject({ validFrom: '2027-07-01', note: 'mid-year', rules: { days: 7 } });
    await expect(
      versions.add(
        ctx,
        { validFrom: '2027-07-01', rules: { days: 8 } },
        'a0000000-0000-4000-8000-000000000001',
        'error.conflict',
      ),
    ).rejects.toMatchObject({ status: 409 });
    const [journal] = await rows<{ n: string }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM audit_journal WHERE entity = 'test_rules' AND entity_id = ${added.id}`,
    );
    expect(Number(journal!.n)).toBe(1);
  });

  it('give a day before every version the first one (a date typed for the distant past)', async () => {
    expect((await versions.on(ctx, '1999-05-01')).validFrom).toBe(SHIPPED_RULES_FROM);
  });

  it('refuse shipped rules that fail their own checks', async () => {
    await t.database.db.delete(testRuleVersions);
    const broken = ruleVersions({
      table: testRuleVersions,
      entity: 'test_rules',
      shipped: { days: 0 },
      problems: (r: { days: number }) => (r.days > 0 ? [] : ['days must be positive']),
    });
    await expect(broken.on(ctx, '2026-12-07')).rejects.toThrow(/days must be positive/);
  });
});
