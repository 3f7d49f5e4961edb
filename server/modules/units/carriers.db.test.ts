import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.service.js';
import { carriedBy, carriersOf, carriersOn } from './carriers.service.js';
import { findByCode, unitsAsOf } from './lineage.service.js';

let database: Database;
let drop: () => Promise<void>;
const id = new Map<string, string>();

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  await seedDemo(systemContext(database.db), { withAccounts: false });
  const db = database.db;
  const depts = await unitsAsOf(db, { date: '2024-12-31', kind: 'department' });
  for (const name of ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Tài nguyên và Môi trường', 'Sở Tư pháp'])
    id.set(name, depts.find((d) => d.name === name)!.id);
  const nnmt = (await unitsAsOf(db, { date: '2025-07-01', kind: 'department' })).find(
    (d) => d.name === 'Sở Nông nghiệp và Môi trường',
  )!;
  id.set('Sở Nông nghiệp và Môi trường', nnmt.id);
  id.set('Huyện Diễn Châu', (await findByCode(db, '425', '2024-01-01', 'district'))!.id);
}, 240_000);

afterAll(async () => drop?.());

describe('carriersOn: who carries a unit on a date (one resolver for every page)', () => {
  it('a unit in force carries itself', async () => {
    const c = await carriersOf(database.db, id.get('Sở Tư pháp')!, '2026-01-10');
    expect(c.status).toBe('in_force');
    expect(c.carriers.map((x) => [x.unit.name, x.weight])).toEqual([['Sở Tư pháp', 1]]);
  });

  it('an absorbed department is carried by the receiving one (Decree 45/2025/NĐ-CP, from 1/3/2025)', async () => {
    const before = await carriersOf(database.db, id.get('Sở Kế hoạch và Đầu tư')!, '2025-02-28');
    expect(before.status).toBe('in_force');
    const after = await carriersOf(database.db, id.get('Sở Kế hoạch và Đầu tư')!, '2025-03-01');
    expect(after.status).toBe('carried');
    expect(after.via).toBe('lineage');
    expect(after.unit?.name).toBe('Sở Kế hoạch và Đầu tư');
    expect(after.carriers.map((x) => [x.unit.name, x.weight])).toEqual([['Sở Tài chính', 1]]);
  });

  it('merged departments are carried by the new one', async () => {
    const c = await carriersOf(database.db, id.get('Sở Tài nguyên và Môi trường')!, '2026-01-10');
    expect(c.carriers.map((x) => x.unit.name)).toEqual(['Sở Nông nghiệp và Môi trường']);
  });

  it('Huyện Diễn Châu (abolished 1/7/2025, no successor of its own) is carried by its communes’ 8 successors', async () => {
    const c = await carriersOf(database.db, id.get('Huyện Diễn Châu')!, '2026-01-10');
    expect(c.status).toBe('carried');
    expect(c.via).toBe('children');
    expect(c.carriers).toHaveLength(8);
    expect(c.carriers.every((x) => x.unit.kind === 'commune' && x.unit.validTo === null)).toBe(true);
    // Each old commune counts for an equal part of the district: the shares add up to the whole.
    expect(c.carriers.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 4);
    // Before the abolition it carried itself.
    expect((await carriersOf(database.db, id.get('Huyện Diễn Châu')!, '2025-06-30')).status).toBe('in_force');
  });

  it('many units at once give the same answers as one at a time', async () => {
    const all = [...id.values()];
    const batch = await carriersOn(database.db, all, '2026-01-10');
    for (const u of all) {
      const one = await carriersOf(database.db, u, '2026-01-10');
      expect(batch.get(u)!.carriers.map((c) => [c.unitId, c.weight])).toEqual(
        one.carriers.map((c) => [c.unitId, c.weight]),
      );
    }
  });

  it('an unknown unit is carried by nobody', async () => {
    const c = await carriersOf(database.db, '00000000-0000-4000-8000-000000000000', '2026-01-10');
    expect(c).toMatchObject({ status: 'not_carried', unit: null, carriers: [] });
  });

  it('carriedBy is the inverse: Sở Tài chính carries Sở KH&ĐT; a new commune carries Huyện Diễn Châu', async () => {
    const tc = await carriedBy(database.db, [id.get('Sở Tài chính')!], '2026-01-10');
    expect(tc.get(id.get('Sở Tài chính')!)!.map((p) => p.unitId)).toEqual([id.get('Sở Kế hoạch và Đầu tư')]);
    const dc = await carriersOf(database.db, id.get('Huyện Diễn Châu')!, '2026-01-10');
    const commune = dc.carriers[0]!.unitId;
    const carried = (await carriedBy(database.db, [commune], '2026-01-10')).get(commune)!;
    expect(carried.find((p) => p.unitId === id.get('Huyện Diễn Châu'))).toMatchObject({ via: 'children' });
    // Its own predecessor communes too, through their lineage links.
    expect(carried.filter((p) => p.via === 'lineage').length).toBeGreaterThan(0);
    // Sở Tư pháp carries nobody.
    expect((await carriedBy(database.db, [id.get('Sở Tư pháp')!], '2026-01-10')).size).toBe(0);
  });
});
