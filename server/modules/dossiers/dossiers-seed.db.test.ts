import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import { freshDatabase } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.service.js';
import { ensureCatalogue, seedDossiers } from './dossiers-seed.service.js';

let ctx: RequestContext;
let drop: () => Promise<void>;
const n = async (q: string) =>
  Number(((await ctx.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  ctx = systemContext(fresh.database.db);
  await seedDemo(ctx, { withAccounts: false });
}, 120_000);

afterAll(async () => {
  await drop?.();
});

describe('chidao seed dossiers', () => {
  it('writes generated dossiers of the demo province across the 2025 mergers through the ingest path', async () => {
    const first = await seedDossiers(ctx, { rows: 600, from: '2025-01-01', to: '2025-09-30', seed: 3 });
    expect(first).toMatchObject({ created: 600, updated: 0, unchanged: 0 });
    expect(first.procedures).toBeGreaterThanOrEqual(250);
    expect(await n('SELECT count(*)::int AS n FROM dossiers')).toBe(600);
    // Rollups are maintained: every dossier counted once as received.
    expect(
      await n(
        "SELECT sum(received)::int AS n FROM dossier_rollups WHERE grain = 'd' AND procedure_id <> '00000000-0000-0000-0000-000000000000'",
      ),
    ).toBe(600);
    // No dossier received by a unit outside its validity (local date, Asia/Ho_Chi_Minh).
    expect(
      await n(`SELECT count(*)::int AS n FROM dossiers d JOIN units u ON u.id = d.unit_id
        WHERE (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < u.valid_from
           OR (u.valid_to IS NOT NULL AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > u.valid_to)`),
    ).toBe(0);
    // Received by districts before 1/7/2025 and by the new communes after.
    expect(
      await n(`SELECT count(*)::int AS n FROM dossiers d JOIN units u ON u.id = d.unit_id
        WHERE u.kind = 'district' AND d.received_at < '2025-07-01T00:00:00+07:00'`),
    ).toBeGreaterThan(0);
    expect(
      await n(`SELECT count(*)::int AS n FROM dossiers d JOIN units u ON u.id = d.unit_id
        WHERE u.kind = 'commune' AND u.valid_from = '2025-07-01'`),
    ).toBeGreaterThan(0);
  });

  it('is idempotent: the same options again change nothing', async () => {
    const again = await seedDossiers(ctx, { rows: 600, from: '2025-01-01', to: '2025-09-30', seed: 3 });
    expect(again).toEqual({ procedures: 0, created: 0, updated: 0, unchanged: 600 });
    expect(
      await n(
        "SELECT sum(received)::int AS n FROM dossier_rollups WHERE grain = 'd' AND procedure_id <> '00000000-0000-0000-0000-000000000000'",
      ),
    ).toBe(600);
  });

  it('the demo catalogue has realistic levels and publication; a stored procedure without it gets it, a recorded one is kept', async () => {
    const share = async (where: string) =>
      n(
        `SELECT round(100.0 * count(*) FILTER (WHERE ${where}) / count(*))::int AS n FROM dossier_procedures`,
      );
    expect(await share('published')).toBeGreaterThanOrEqual(90);
    expect(await share('published')).toBeLessThan(100);
    expect(await share("online_capability = 'full'")).toBeGreaterThan(10);
    expect(await share("online_capability = 'partial'")).toBeGreaterThan(10);
    // As after migration 0043 on an older database: publication not recorded; and one recorded by a person.
    await ctx.db.execute(
      'UPDATE dossier_procedures SET published = NULL WHERE code IN (SELECT code FROM dossier_procedures ORDER BY code LIMIT 20)',
    );
    const [first] = (
      (await ctx.db.execute('SELECT code FROM dossier_procedures ORDER BY code LIMIT 1')) as unknown as {
        rows: { code: string }[];
      }
    ).rows;
    await ctx.db.execute(`UPDATE dossier_procedures SET published = false WHERE code = '${first!.code}'`);
    expect(await ensureCatalogue(ctx)).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM dossier_procedures WHERE published IS NULL')).toBe(0);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM dossier_procedures WHERE code = '${first!.code}' AND published = false`,
      ),
    ).toBe(1);
  });
});
