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
    // The GSO import's entry (the demo also imports the departments template: an entry of its own).
    const journal0 = (await searchJournal(ctx, { entity: 'unit_import', limit: 10 })).filter(
      (e) => e.after && typeof e.after === 'object' && 'unitsCreated' in e.after,
    );
    expect(journal0).toHaveLength(1);
    // 2025: 20 districts, 412 + 130 communes, 162 events, 12 free-text predecessors; history 2017–2025: 69 units
    // that ended before 2025 (Cửa Lò and 68 communes), 142 events, 68 ended units whose successor is unknown.
    expect(journal0[0]!.after).toMatchObject({
      unitsCreated: 20 + 412 + 130 + 69,
      unitsReused: 1,
      events: 162 + 142,
      links: 583,
      unresolved: 12 + 68,
    });
    const before = await counts();
    const second = await importGso(ctx, { province: '40' });
    expect(second).toMatchObject({
      unitsCreated: 0,
      unitsReused: 632,
      unitsUpgraded: 0,
      unitsClosed: 0,
      events: 0,
      links: 0,
      unresolved: 0,
    });
    expect(await counts()).toEqual(before);
    // A second run writes nothing, so no entry of its own.
    expect(await searchJournal(ctx, { entity: 'unit_import', limit: 10 })).toHaveLength(2);
  });

  it('as of 1/6/2024 Nghệ An has 21 districts (Thị xã Cửa Lò among them), 20 on 1/1/2025, none on 1/1/2026', async () => {
    const districts = await under(provinceId, 'district', '2024-06-01');
    expect(districts).toHaveLength(21);
    expect(districts.map((d) => d.full_name)).toContain('Huyện Diễn Châu');
    expect(districts.map((d) => d.full_name)).toContain('Thị xã Cửa Lò');
    expect(await under(provinceId, 'district', '2025-01-01')).toHaveLength(20);
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

  it('keeps the free-text predecessors and the ended units without known successor open for a person', async () => {
    const open = await rows<{ source_text: string; source_line: string | null; side: string }>(
      database.db,
      sql`SELECT source_text, source_line, CASE WHEN successor_id IS NULL THEN 'ended' ELSE 'named' END AS side
            FROM lineage_unresolved WHERE status = 'open'`,
    );
    expect(open).toHaveLength(12 + 68);
    expect(open.filter((u) => u.side === 'ended')).toHaveLength(68);
    expect(open.every((u) => u.source_text.length > 0 && u.source_line)).toBe(true);
  });

  it('Thị xã Cửa Lò: attested since 15/10/2017, absorbed into Thành phố Vinh on 1/12/2024 under Resolution 1243', async () => {
    const [cuaLo] = await rows<{ valid_from: string; valid_to: string; known_since: string }>(
      database.db,
      sql`SELECT valid_from, valid_to, known_since FROM units WHERE kind = 'district' AND code = '413'`,
    );
    expect(cuaLo).toEqual({ valid_from: '1900-01-01', valid_to: '2024-11-30', known_since: '2017-10-15' });
    const ends = await rows<{
      kind: string;
      date: string;
      earliest: string | null;
      basis: string;
      to: string;
    }>(
      database.db,
      sql`SELECT e.kind, e.effective_date::text AS date, e.earliest_date::text AS earliest,
                 e.legal_basis_text AS basis, s.full_name AS to
            FROM lineage_links l JOIN lineage_events e ON e.id = l.event_id
            JOIN units p ON p.id = l.predecessor_id JOIN units s ON s.id = l.successor_id
           WHERE p.kind = 'district' AND p.code = '413'`,
    );
    expect(ends).toEqual([
      {
        kind: 'absorb',
        date: '2024-12-01',
        earliest: null,
        basis: expect.stringContaining('1243/NQ-UBTVQH15 ngày 24/10/2024'),
        to: 'Thành phố Vinh',
      },
    ]);
    // The communes arranged by the same resolution: renamed on 1/12/2024 (Xã Nghi Phú became a ward).
    const versions = await rows<{ full_name: string; valid_from: string; valid_to: string | null }>(
      database.db,
      sql`SELECT v.full_name, v.valid_from::text, v.valid_to::text FROM unit_versions v JOIN units u ON u.id = v.unit_id
           WHERE u.kind = 'commune' AND u.code = '16702' AND u.valid_to = '2025-06-30' ORDER BY v.valid_from`,
    );
    expect(versions).toEqual([
      { full_name: 'Xã Nghi Phú', valid_from: '1900-01-01', valid_to: '2024-11-30' },
      { full_name: 'Phường Nghi Phú', valid_from: '2024-12-01', valid_to: '2025-06-30' },
    ]);
  });

  it('a commune merged away between 15/10/2017 and 2/2/2020 ends inside that window, its successor left open', async () => {
    const [que] = await rows<{ id: string; valid_to: string; kind: string; date: string; earliest: string }>(
      database.db,
      sql`SELECT u.id, u.valid_to::text, e.kind, e.effective_date::text AS date, e.earliest_date::text AS earliest
            FROM units u JOIN lineage_links l ON l.predecessor_id = u.id JOIN lineage_events e ON e.id = l.event_id
           WHERE u.kind = 'commune' AND u.code = '16763'`,
    );
    expect(que).toMatchObject({
      valid_to: '2020-02-01',
      kind: 'abolish',
      date: '2020-02-02',
      earliest: '2017-10-16',
    });
    const open = await rows<{ source_text: string }>(
      database.db,
      sql`SELECT source_text FROM lineage_unresolved WHERE predecessor_id = ${que!.id}::uuid AND status = 'open'`,
    );
    expect(open).toHaveLength(1);
    expect(open[0]!.source_text).toContain('Xã Quế Sơn (mã 16763, Huyện Quế Phong)');
    expect(open[0]!.source_text).toContain('16/10/2017 – 02/02/2020');
  });
});

describe('importGso, whole country after Nghệ An', () => {
  it('creates the rest, reuses Nghệ An, and is idempotent', { timeout: 600_000 }, async () => {
    const all = await importGso(ctx);
    // 14,138 units of 2025 and 1,153 that ended 2017–2025; 4,839 + 2,531 events; 541 + 1,130 unresolved.
    expect(all).toMatchObject({
      unitsCreated: 15_291 - 632,
      unitsReused: 632,
      events: 7370 - 304,
      links: 13_917 - 583,
      unresolved: 1671 - 80,
    });
    const again = await importGso(ctx);
    expect(again).toMatchObject({
      unitsCreated: 0,
      unitsReused: 15_291,
      unitsUpgraded: 0,
      events: 0,
      links: 0,
      unresolved: 0,
    });
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
      { full_name: 'Tỉnh Yên Bái', valid_from: '1900-01-01', valid_to: '2025-06-30' }, // attested since 15/10/2017
      { full_name: 'Tỉnh Lào Cai', valid_from: '2025-07-01', valid_to: null },
    ]);
  });
});

describe('importGso upgrades a database that holds the 2025-only import', () => {
  let db2: Database;
  let drop2: () => Promise<void>;
  beforeAll(async () => {
    ({ database: db2, drop: drop2 } = await freshDatabase());
  });
  afterAll(() => drop2());

  it(
    'keeps every unit (same ids), gives them their history, and a second run changes nothing',
    { timeout: 300_000 },
    async () => {
      const c2 = systemContext(db2.db);
      const old = await importGso(c2, { province: '40', history: null });
      expect(old).toMatchObject({ unitsCreated: 563, events: 162, unresolved: 12 });
      const ids = async () =>
        new Map(
          (
            await rows<{ key: string; id: string }>(
              db2.db,
              sql`SELECT kind || ':' || code || ':' || valid_to AS key, id FROM units WHERE valid_to = '2025-06-30'`,
            )
          ).map((r) => [r.key, r.id]),
        );
      const before = await ids();
      const [vinh] = await rows<{ known_since: string }>(
        db2.db,
        sql`SELECT known_since::text FROM units WHERE kind = 'district' AND code = '412'`,
      );
      expect(vinh!.known_since).toBe('2025-06-30'); // only the 2025 list attests it

      const upgraded = await importGso(c2, { province: '40' });
      expect(upgraded).toMatchObject({
        unitsCreated: 69,
        unitsReused: 563,
        unitsKeptAsEdited: 0,
        events: 142,
        unresolved: 68,
      });
      // The 433 units of 30/6/2025 (province, districts, communes): now attested since 15/10/2017, with their names
      // over time; the 130 communes of 1/7/2025 are as they were.
      expect(upgraded.unitsUpgraded).toBe(1 + 20 + 412);
      expect(await ids()).toEqual(before);
      const [after] = await rows<{ known_since: string; versions: number }>(
        db2.db,
        sql`SELECT u.known_since::text, (SELECT count(*)::int FROM unit_versions v WHERE v.unit_id = u.id) AS versions
            FROM units u WHERE kind = 'commune' AND code = '16702' AND valid_to = '2025-06-30'`,
      );
      expect(after).toEqual({ known_since: '2017-10-15', versions: 2 });
      const districts = await rows<{ n: number }>(
        db2.db,
        sql`SELECT count(*)::int AS n FROM unit_versions v JOIN units u ON u.id = v.unit_id
           WHERE u.kind = 'district' AND v.valid_from <= '2024-06-01' AND (v.valid_to IS NULL OR v.valid_to >= '2024-06-01')`,
      );
      expect(districts[0]!.n).toBe(21);

      const third = await importGso(c2, { province: '40' });
      expect(third).toMatchObject({
        unitsCreated: 0,
        unitsUpgraded: 0,
        unitsClosed: 0,
        events: 0,
        links: 0,
        unresolved: 0,
      });
    },
  );
});
