import { expect, it } from 'vitest';
import { pgliteMigratedBefore } from '../test/migrate-before.js';

/**
 * Migration 0027 (rollup grains, contributions as arrays) on a database that already holds dossiers: nothing
 * is lost — each stored contribution becomes the same arrays, and the day buckets gain their month, year and
 * all-procedure buckets with the same sums.
 */
it('0027 keeps existing dossiers’ contributions and rollups (PGlite)', async () => {
  const { client, migrateRest, close } = await pgliteMigratedBefore('0027_');
  try {
    const u = '11111111-1111-4111-8111-111111111111';
    const p = '22222222-2222-4222-8222-222222222222';
    await client.exec(`
      INSERT INTO units (id, code, name, full_name, kind, valid_from) VALUES ('${u}', '40.tuphap', 'Sở Tư pháp', 'Sở Tư pháp tỉnh Nghệ An', 'department', '2008-04-04');
      INSERT INTO dossier_procedures (id, code, name, field, level, online_capability, time_limit_days)
        VALUES ('${p}', '1.001234', 'Chứng thực', 'Chứng thực', 'province', 'full', 5);
      INSERT INTO dossiers (code, procedure_id, unit_id, channel, received_at, status, contribution)
        VALUES ('HS-1', '${p}', '${u}', 'online', '2025-12-30T09:00:00+07:00', 'processing',
                '{"unitId": "${u}", "procedureId": "${p}", "days": {"2026-01-07": {"dueSoon": 1, "notYetDue": -1}, "2025-12-30": {"received": 1, "receivedOnline": 1, "notYetDue": 1}}}');
      INSERT INTO dossier_rollups (unit_id, procedure_id, day, received, received_online, not_yet_due)
        VALUES ('${u}', '${p}', '2025-12-30', 1, 1, 1);
      INSERT INTO dossier_rollups (unit_id, procedure_id, day, not_yet_due, due_soon)
        VALUES ('${u}', '${p}', '2026-01-07', -1, 1);
    `);
    await migrateRest();
    const d = await client.query<Record<string, unknown>>(
      `SELECT contrib_day::text[] AS day, contrib_counter AS counter, contrib_value AS value FROM dossiers`,
    );
    // Sorted by day, then counter code (received 0, receivedOnline 1, notYetDue 13, dueSoon 14).
    expect(d.rows[0]).toEqual({
      day: ['2025-12-30', '2025-12-30', '2025-12-30', '2026-01-07', '2026-01-07'],
      counter: [0, 1, 13, 13, 14],
      value: [1, 1, 1, -1, 1],
    });
    const r = await client.query<{ grain: string; all: boolean; day: string; received: number; nyd: number }>(
      `SELECT grain, procedure_id = '00000000-0000-0000-0000-000000000000' AS all, day::text AS day,
              received, not_yet_due AS nyd FROM dossier_rollups ORDER BY 2, 1, 3`,
    );
    expect(r.rows).toEqual([
      { grain: 'd', all: false, day: '2025-12-30', received: 1, nyd: 1 },
      { grain: 'd', all: false, day: '2026-01-07', received: 0, nyd: -1 },
      { grain: 'm', all: false, day: '2025-12-01', received: 1, nyd: 1 },
      { grain: 'm', all: false, day: '2026-01-01', received: 0, nyd: -1 },
      { grain: 'y', all: false, day: '2025-01-01', received: 1, nyd: 1 },
      { grain: 'y', all: false, day: '2026-01-01', received: 0, nyd: -1 },
      { grain: 'd', all: true, day: '2025-12-30', received: 1, nyd: 1 },
      { grain: 'd', all: true, day: '2026-01-07', received: 0, nyd: -1 },
      { grain: 'm', all: true, day: '2025-12-01', received: 1, nyd: 1 },
      { grain: 'm', all: true, day: '2026-01-01', received: 0, nyd: -1 },
      { grain: 'y', all: true, day: '2025-01-01', received: 1, nyd: 1 },
      { grain: 'y', all: true, day: '2026-01-01', received: 0, nyd: -1 },
    ]);
  } finally {
    await close();
  }
}, 120_000);
