import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import { rows, type Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { mergedCommunes } from '../../test/merged-communes.js';
import { Actor } from '../access/actor.js';
import { unitsCarriedIn } from '../parindex/computed.service.js';
import { dossierParFigures } from './par-figures.service.js';
import { dossierProcedures } from './dossiers.table.js';
import { upsertDossiers } from './dossiers.service.js';
import type { DossierIn } from './dossiers.schemas.js';

/**
 * The dossiers' figures for the PAR Index, on hand-made dossiers written through `upsertDossiers` (so the daily
 * rollups are the real ones): Xã Đông (the main cases), Xã Tây (nothing), Xã An and Xã Bình merged into Xã Hòa
 * Bình from 1/7/2025. Each dossier's due day is given; dates avoid the 2025 holidays.
 */
let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
const u = { province: '', an: '', binh: '', hoaBinh: '', dong: '', tay: '' };
const id = {} as Record<string, string>;

const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  Object.assign(u, await mergedCommunes(ctx));

  await database.db.insert(dossierProcedures).values({
    code: '1.000001',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    onlineCapability: 'full',
    timeLimitDays: 5,
  });
  const writer: RequestContext = {
    ...ctx,
    actor: new Actor(
      { id: '00000000-0000-0000-0000-000000000000', email: '', fullName: 'test', unitId: null },
      [{ id: '00000000-0000-0000-0000-000000000000', role: 'admin', unitId: u.province }],
    ),
  };
  const dossier = (
    code: string,
    unitId: string,
    channel: 'online' | 'in_person',
    received: string,
    due: string,
    resolved: string | null,
  ): DossierIn => ({
    code,
    procedureCode: '1.000001',
    unitId,
    channel,
    receivedAt: at(received),
    dueAt: at(due, '17:00'),
    resolvedAt: resolved ? at(resolved, '15:00') : null,
    status: resolved ? 'resolved' : 'processing',
    suspensions: [],
    feePayable: false,
    paidOnline: false,
    digitised: false,
    eResult: false,
    complained: false,
  });
  const list: DossierIn[] = [
    // Xã Đông: early (online), on time, late, still processing and not yet due (online), received in 2024 and
    // resolved on time in 2025 (online), all of 2024.
    dossier('D-EARLY', u.dong, 'online', '2025-03-03', '2025-03-10', '2025-03-06'),
    dossier('D-ON-TIME', u.dong, 'in_person', '2025-03-03', '2025-03-10', '2025-03-10'),
    dossier('D-LATE', u.dong, 'in_person', '2025-03-03', '2025-03-10', '2025-03-14'),
    dossier('D-PROCESSING', u.dong, 'online', '2025-11-10', '2025-11-17', null),
    dossier('D-ACROSS', u.dong, 'online', '2024-12-20', '2025-01-08', '2025-01-06'),
    dossier('D-2024', u.dong, 'in_person', '2024-11-04', '2024-11-11', '2024-11-08'),
    // The merged communes: An on time (online), Bình late, Hòa Bình early.
    dossier('A-ON-TIME', u.an, 'online', '2025-02-03', '2025-02-10', '2025-02-07'),
    dossier('B-LATE', u.binh, 'in_person', '2025-05-05', '2025-05-12', '2025-05-20'),
    dossier('HB-EARLY', u.hoaBinh, 'in_person', '2025-08-04', '2025-08-11', '2025-08-08'),
  ];
  await upsertDossiers(writer, list);
  for (const r of await rows<{ id: string; code: string }>(
    database.db,
    sql`SELECT id::text AS id, code FROM dossiers`,
  ))
    id[r.code] = r.id;
}, 240_000);

afterAll(async () => drop?.());

describe('dossierParFigures: QĐ 766 resolved early or on time, and received online, in the year', () => {
  it('on time over resolved in the year; online over received in the year', async () => {
    const f = await dossierParFigures(ctx, [u.dong], 2025);
    // Resolved in 2025: early, on time, late, and the one received in 2024.
    expect([f.onTime.numerator, f.onTime.denominator]).toEqual([3, 4]);
    expect([...f.onTime.ids].sort()).toEqual(
      ['D-EARLY', 'D-ON-TIME', 'D-LATE', 'D-ACROSS'].map((c) => id[c]).sort(),
    );
    // Received in 2025: early, on time, late, the one still processing; online: early and processing.
    expect([f.online.numerator, f.online.denominator]).toEqual([2, 4]);
    expect([...f.online.ids].sort()).toEqual(
      ['D-EARLY', 'D-ON-TIME', 'D-LATE', 'D-PROCESSING'].map((c) => id[c]).sort(),
    );
    expect(f.onTime.link).toBe('/dossiers');
    // A dossier still processing (not yet due) is not among the resolved, whatever the day.
    const before = await dossierParFigures(ctx, [u.dong], 2025, { today: '2025-11-15' });
    expect([before.onTime.numerator, before.onTime.denominator]).toEqual([3, 4]);
    // 2024's.
    const of2024 = await dossierParFigures(ctx, [u.dong], 2024);
    expect([of2024.onTime.numerator, of2024.onTime.denominator]).toEqual([1, 1]);
    expect([of2024.online.numerator, of2024.online.denominator]).toEqual([1, 2]);
  });

  it('no dossier: 0/0', async () => {
    const f = await dossierParFigures(ctx, [u.tay], 2025);
    expect(f.onTime).toEqual({ numerator: 0, denominator: 0, ids: [], link: '/dossiers' });
    expect(f.online).toEqual({ numerator: 0, denominator: 0, ids: [], link: '/dossiers' });
  });

  it('a commune merged on 1/7/2025 answers for its predecessors’ dossiers of the first half', async () => {
    const unitIds = await unitsCarriedIn(database.db, u.hoaBinh, 2025);
    const f = await dossierParFigures(ctx, unitIds, 2025);
    expect([f.onTime.numerator, f.onTime.denominator]).toEqual([2, 3]);
    expect([f.online.numerator, f.online.denominator]).toEqual([1, 3]);
    expect([...f.onTime.ids].sort()).toEqual(['A-ON-TIME', 'B-LATE', 'HB-EARLY'].map((c) => id[c]).sort());
    const own = await dossierParFigures(ctx, [u.hoaBinh], 2025);
    expect([own.onTime.numerator, own.onTime.denominator]).toEqual([1, 1]);
  });
});
