import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import { rows, type Database } from '../../db/client.js';
import { searchJournal } from '../audit/audit.service.js';
import { seedDemo } from '../demo/demo.service.js';
import { freshDatabase } from '../../test/harness.js';
import { importGso } from './gso-import.service.js';
import { listUnits } from './units.service.js';

let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
let provinceId: string;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  await seedDemo(ctx, { withAccounts: false });
  provinceId = (await listUnits(database.db, { kind: 'province', q: '40' })).find((u) => u.code === '40')!.id;
});
afterAll(() => drop());

/** Units of a kind whose version in force on `date` has the given parent. */
const under = (parentId: string, kind: string, date: string) =>
  rows<{ name: string; full_name: string }>(
    database.db,
    sql`SELECT v.name, v.full_name FROM unit_versions v JOIN units u ON u.id = v.unit_id
         WHERE u.kind = ${kind} AND v.parent_id = ${parentId}::uuid
           AND v.valid_from <= ${date} AND (v.valid_to IS NULL OR v.valid_to >= ${date})`,
  );

const counts = async () =>
  (
    await rows<{ units: number; versions: number; events: number; links: number; unresolved: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM unit_versions) AS versions,
                 (SELECT count(*)::int FROM lineage_events) AS events, (SELECT count(*)::int FROM lineage_links) AS links,
                 (SELECT count(*)::int FROM lineage_unresolved) AS unresolved`,
    )
  )[0]!;

describe('importGso, Nghệ An (40)', () => {
  it('the demo seed imported Nghệ An once (reusing its province); importing again creates nothing', async () => {
    const journal0 = await searchJournal(ctx, { entity: 'unit_import', limit: 10 });
    expect(journal0).toHaveLength(1);
    expect(journal0[0]!.after).toMatchObject({
      unitsCreated: 20 + 412 + 130,
      unitsReused: 1,
      events: 162,
      links: 441,
      unresolved: 12,
    });
    const before = await counts();
    const second = await importGso(ctx, { province: '40' });
    expect(second).toMatchObject({ unitsCreated: 0, unitsReused: 563, events: 0, links: 0, unresolved: 0 });
    expect(await counts()).toEqual(before);
    const journal = await searchJournal(ctx, { entity: 'unit_import', limit: 10 });
    expect(journal).toHaveLength(1);
  });

  it('as of 1/6/2024 Nghệ An has 20 districts (Huyện Diễn Châu among them), as of 1/1/2026 none', async () => {
    const districts = await under(provinceId, 'district', '2024-06-01');
    expect(districts).toHaveLength(20);
    expect(districts.map((d) => d.full_name)).toContain('Huyện Diễn Châu');
    expect(await under(provinceId, 'district', '2026-01-01')).toHaveLength(0);
    const [dc] = await rows<{ u_to: string; v_to: string }>(
      database.db,
      sql`SELECT u.valid_to AS u_to, v.valid_to AS v_to FROM units u JOIN unit_versions v ON v.unit_id = u.id
           WHERE u.kind = 'district' AND u.full_name = 'Huyện Diễn Châu'`,
    );
    expect(dc).toEqual({ u_to: '2025-06-30', v_to: '2025-06-30' });
  });

  it('as of 1/1/2026 province 40 has 130 communes, each tied to its 2025 event', async () => {
    expect(await under(provinceId, 'commune', '2026-01-01')).toHaveLength(130);
    const [{ n }] = (await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM unit_versions v JOIN lineage_events e ON e.id = v.event_id
           WHERE v.parent_id = ${provinceId}::uuid AND e.source = 'gso-2025' AND e.effective_date = '2025-07-01'`,
    )) as [{ n: number }];
    expect(n).toBe(130);
  });

  it('Phường Thành Vinh (16681) has its six predecessors from old Thành phố Vinh', async () => {
    const preds = await rows<{ full_name: string; district: string; valid_to: string }>(
      database.db,
      sql`SELECT p.full_name, d.code AS district, p.valid_to FROM lineage_links l
            JOIN lineage_events e ON e.id = l.event_id
            JOIN units s ON s.id = l.successor_id
            JOIN units p ON p.id = l.predecessor_id
            JOIN units d ON d.id = p.parent_id
           WHERE s.code = '16681' AND s.valid_from = '2025-07-01' AND e.kind = 'merge'`,
    );
    expect(preds.map((p) => p.full_name).sort()).toEqual(
      [
        'Phường Cửa Nam',
        'Phường Đông Vĩnh',
        'Phường Hưng Bình',
        'Phường Lê Lợi',
        'Phường Quang Trung',
        'Xã Hưng Chính',
      ].sort(),
    );
    expect(new Set(preds.map((p) => `${p.district} ${p.valid_to}`))).toEqual(new Set(['412 2025-06-30']));
  });

  it('keeps the free-text predecessors open for a person to settle', async () => {
    const open = await rows<{ source_text: string; source_line: string | null }>(
      database.db,
      sql`SELECT source_text, source_line FROM lineage_unresolved WHERE status = 'open'`,
    );
    expect(open).toHaveLength(12);
    expect(open.every((u) => u.source_text.length > 0 && u.source_line)).toBe(true);
  });
});

describe('importGso, whole country after Nghệ An', () => {
  it('creates the rest, reuses Nghệ An, and is idempotent', { timeout: 180_000 }, async () => {
    const all = await importGso(ctx);
    expect(all).toMatchObject({
      unitsCreated: 14_138 - 563,
      unitsReused: 563,
      events: 4839 - 162,
      links: 11_384 - 441,
      unresolved: 541 - 12,
    });
    const again = await importGso(ctx);
    expect(again).toMatchObject({ unitsCreated: 0, unitsReused: 14_138, events: 0, links: 0, unresolved: 0 });
    const [valid] = await rows<{ old: number; now: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE v.valid_from <= '2025-06-30' AND (v.valid_to IS NULL OR v.valid_to >= '2025-06-30'))::int AS old,
                 count(*) FILTER (WHERE v.valid_from <= '2025-07-01' AND (v.valid_to IS NULL OR v.valid_to >= '2025-07-01'))::int AS now
            FROM unit_versions v JOIN units u ON u.id = v.unit_id WHERE u.kind IN ('province', 'district', 'commune')`,
    );
    expect(valid).toEqual({ old: 63 + 696 + 10_035, now: 34 + 3321 });
    const p15 = await rows<{ full_name: string; valid_from: string; valid_to: string | null }>(
      database.db,
      sql`SELECT full_name, valid_from, valid_to FROM units WHERE kind = 'province' AND code = '15' ORDER BY valid_from`,
    );
    expect(p15).toEqual([
      { full_name: 'Tỉnh Yên Bái', valid_from: '1900-01-01', valid_to: '2025-06-30' },
      { full_name: 'Tỉnh Lào Cai', valid_from: '2025-07-01', valid_to: null },
    ]);
  });
});
