import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { type Database, type Db, rows } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.service.js';
import { restateBackward, restateForward, type EventKind, type Link } from './lineage-rules.js';
import { recordEvent, restate, restateMany, unitsAsOf, type RestatedShare } from './lineage.service.js';
import { unitVersions } from './lineage.table.js';
import { viCollator } from './units.service.js';
import { units } from './units.table.js';

/**
 * The reference: `restate` as it was before `restateMany`, one unit at a time over every lineage link of
 * the database, then one look-up per carrier for its name on `to`.
 */
async function restateOverAllLinks(db: Db, unitId: string, from: string, to: string) {
  const links = (
    await rows<{
      event_id: string;
      kind: EventKind;
      date: string;
      predecessor_id: string;
      successor_id: string;
      weight: string | number | null;
    }>(
      db,
      sql`SELECT l.event_id, e.kind, e.effective_date::text AS date, l.predecessor_id, l.successor_id, l.weight
            FROM lineage_links l JOIN lineage_events e ON e.id = l.event_id
           WHERE l.predecessor_id IS NOT NULL AND l.successor_id IS NOT NULL AND l.predecessor_id <> l.successor_id`,
    )
  ).map((r): Link => ({
    eventId: r.event_id,
    kind: r.kind,
    date: r.date,
    predecessorId: r.predecessor_id,
    successorId: r.successor_id,
    weight: r.weight === null ? null : Number(r.weight),
  }));
  const shares =
    to >= from ? restateForward(unitId, from, to, links) : restateBackward(unitId, from, to, links);
  const out: RestatedShare[] = [];
  for (const s of shares) {
    const [v] = await db
      .select()
      .from(unitVersions)
      .where(
        and(
          eq(unitVersions.unitId, s.unitId),
          sql`${unitVersions.validFrom} <= ${to} AND (${unitVersions.validTo} IS NULL OR ${unitVersions.validTo} >= ${to})`,
        ),
      );
    const [u] = await db.select().from(units).where(eq(units.id, s.unitId));
    out.push({
      ...s,
      unit: u
        ? {
            id: u.id,
            code: v?.code ?? u.code,
            name: v?.name ?? u.name,
            fullName: v?.fullName ?? u.fullName,
            kind: u.kind,
            parentId: v?.parentId ?? u.parentId,
            validFrom: u.validFrom,
            validTo: u.validTo,
            knownSince: u.knownSince,
          }
        : null,
    });
  }
  return out.sort(
    (a, b) =>
      viCollator.compare(a.unit?.fullName ?? '', b.unit?.fullName ?? '') ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
}

/** SQL statements `fn` sends (every query of either engine goes through the client's `query`). */
async function statementsOf<T>(
  database: Database,
  fn: () => Promise<T>,
): Promise<{ value: T; count: number }> {
  const { $client: client } = database.db as unknown as {
    $client: { query: (...args: unknown[]) => unknown };
  };
  const query = client.query.bind(client);
  let count = 0;
  client.query = (...args: unknown[]) => {
    count++;
    return query(...args);
  };
  try {
    return { value: await fn(), count };
  } finally {
    client.query = query;
  }
}

/**
 * restateMany over all `ids` must equal the reference for each id, and so must `restate` (restateMany for
 * one id: it reads only the links reachable from that one) for every `sampleEvery`th id.
 */
async function expectSameAsReference(db: Db, ids: string[], from: string, to: string, sampleEvery = 25) {
  const many = await restateMany(db, ids, from, to);
  expect([...many.keys()].sort()).toEqual([...new Set(ids)].sort());
  for (const id of ids) {
    const expected = await restateOverAllLinks(db, id, from, to);
    expect(many.get(id), `${id} ${from} → ${to}`).toEqual(expected);
  }
  for (const id of ids.filter((_, i) => i % sampleEvery === 0))
    expect(await restate(db, id, from, to), `restate ${id} ${from} → ${to}`).toEqual(many.get(id));
  return many;
}

describe('restateMany on the demo province (Nghệ An: districts → communes, 2025 department reorganisation)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;
  let all: { id: string; fullName: string; validTo: string | null; kind: string }[];
  const byName = (fullName: string) => all.find((u) => u.fullName === fullName)!;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    db = database.db;
    await seedDemo(systemContext(db), { withAccounts: false });
    all = await db
      .select({ id: units.id, fullName: units.fullName, validTo: units.validTo, kind: units.kind })
      .from(units);
  });
  afterAll(() => drop());

  it("gives every unit's successors today exactly as restating it alone over every link does", async () => {
    const ids = all.map((u) => u.id);
    const many = await expectSameAsReference(db, ids, '1900-01-01', '2026-01-01');
    // Not a trivial comparison: most old communes are carried by new ones, and departments onto others.
    const moved = [...many].filter(([id, list]) => list.some((s) => s.unitId !== id));
    expect(moved.length).toBeGreaterThan(300);
    const khdt = byName('Sở Kế hoạch và Đầu tư tỉnh Nghệ An');
    expect(many.get(khdt.id)!.map((s) => [s.unit?.name, s.weight])).toEqual([['Sở Tài chính', 1]]);
  });

  it('answers the same from the day each ended unit ended, and between two past dates', async () => {
    const ended = all.filter((u) => u.validTo);
    for (const validTo of [...new Set(ended.map((u) => u.validTo!))]) {
      const ids = ended.filter((u) => u.validTo === validTo).map((u) => u.id);
      await expectSameAsReference(db, ids, validTo, '2026-01-01');
    }
    await expectSameAsReference(
      db,
      all.map((u) => u.id),
      '2024-06-01',
      '2025-03-31',
    );
  });

  it("answers the same backward: today's units onto the units of 2024 whose facts make them up", async () => {
    const today = all.filter((u) => !u.validTo).map((u) => u.id);
    const many = await expectSameAsReference(db, today, '2026-01-01', '2024-06-01');
    const tc = byName('Sở Tài chính tỉnh Nghệ An');
    expect(
      many
        .get(tc.id)!
        .map((s) => s.unit?.name ?? '')
        .sort(viCollator.compare),
    ).toEqual(['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']);
  });

  it('sends two SQL statements whatever the number of units, and none for no unit', async () => {
    const ids = all.map((u) => u.id);
    expect((await statementsOf(database, () => restateMany(db, ids, '1900-01-01', '2026-01-01'))).count).toBe(
      2,
    );
    expect(
      (await statementsOf(database, () => restateMany(db, ids.slice(0, 3), '1900-01-01', '2026-01-01')))
        .count,
    ).toBe(2);
    const none = await statementsOf(database, () => restateMany(db, [], '1900-01-01', '2026-01-01'));
    expect(none.count).toBe(0);
    expect(none.value.size).toBe(0);
  });

  it('answers a unit asked twice once, and a unit with no lineage with itself', async () => {
    const [first] = await unitsAsOf(db, { date: '2026-01-01', kind: 'province' });
    const many = await restateMany(db, [first!.id, first!.id], '1900-01-01', '2026-01-01');
    expect(many.size).toBe(1);
    expect(many.get(first!.id)).toMatchObject([{ unitId: first!.id, weight: 1, unit: { id: first!.id } }]);
  });
});

describe('restateMany on made-up merge, split, rename and absorb chains', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    db = database.db;
    const ctx = systemContext(db);
    const opts = { skipAuthorization: true };
    const unit = (code: string) => ({
      create: {
        code,
        name: `Đơn vị ${code}`,
        fullName: `Đơn vị ${code} thử nghiệm`,
        kind: 'other' as const,
        parentId: null,
      },
    });
    for (const code of ['A', 'B', 'C', 'D', 'E']) {
      const r = await recordEvent(
        ctx,
        { kind: 'establish', effectiveDate: '2020-01-01', from: [], to: [unit(code)] },
        opts,
      );
      id[code] = r.created[0]!;
    }
    const made = async (
      effectiveDate: string,
      kind: EventKind,
      from: string[],
      to: { code: string; weight?: number }[],
    ) => {
      const r = await recordEvent(
        ctx,
        {
          kind,
          effectiveDate,
          from: from.map((k) => id[k]!),
          to: to.map((t) => ({ ...unit(t.code), weight: t.weight })),
        },
        opts,
      );
      to.forEach((t, i) => (id[t.code] = r.created[i]!));
    };
    await made('2021-01-01', 'split', ['C'], [{ code: 'C1' }, { code: 'C2' }]);
    await made('2022-01-01', 'merge', ['A', 'B', 'C1'], [{ code: 'M' }]);
    await made(
      '2023-01-01',
      'split',
      ['M'],
      [
        { code: 'X', weight: 0.3 },
        { code: 'Y', weight: 0.7 },
      ],
    );
    await recordEvent(
      ctx,
      {
        kind: 'rename',
        effectiveDate: '2024-01-01',
        from: [id.X!],
        to: [],
        changes: { name: 'Đơn vị X mới', fullName: 'Đơn vị X mới thử nghiệm', code: 'X2' },
      },
      opts,
    );
    await made('2024-06-01', 'split', ['Y'], [{ code: 'Y1' }, { code: 'Y2' }]);
    await recordEvent(
      ctx,
      { kind: 'absorb', effectiveDate: '2025-01-01', from: [id.Y2!, id.C2!], to: [{ unitId: id.X! }] },
      opts,
    );
    await recordEvent(ctx, { kind: 'abolish', effectiveDate: '2025-06-01', from: [id.D!], to: [] }, opts);
  });
  afterAll(() => drop());

  const named = (list: RestatedShare[] | undefined) => (list ?? []).map((s) => [s.unit?.name, s.weight]);

  it('multiplies shares over several events: merge, weighted split, equal split, absorb', async () => {
    const many = await restateMany(
      db,
      [id.A!, id.B!, id.C!, id.D!, id.E!, id.M!],
      '1900-01-01',
      '2026-01-01',
    );
    // A → M (whole) → X 0.3 + Y 0.7 → Y1 0.35, Y2 0.35 → X: X 0.65, Y1 0.35.
    expect(named(many.get(id.A!))).toEqual([
      ['Đơn vị X mới', 0.65],
      ['Đơn vị Y1', 0.35],
    ]);
    expect(named(many.get(id.B!))).toEqual(named(many.get(id.A!)));
    // C → C1 ½ (→ M → X 0.15, Y1 0.175, Y2 0.175 → X) and C2 ½ → X: X 0.825, Y1 0.175.
    expect(named(many.get(id.C!))).toEqual([
      ['Đơn vị X mới', 0.825],
      ['Đơn vị Y1', 0.175],
    ]);
    // Abolished: carries its facts alone (no longer in force); never changed: itself.
    expect(many.get(id.D!)).toMatchObject([{ unitId: id.D!, weight: 1, unit: { validTo: '2025-05-31' } }]);
    expect(named(many.get(id.E!))).toEqual([['Đơn vị E', 1]]);
  });

  it('names carriers as they were on the target day (before and after a rename)', async () => {
    const before = await restateMany(db, [id.A!], '1900-01-01', '2023-06-01');
    expect(before.get(id.A!)!.map((s) => [s.unit?.name, s.unit?.code, s.weight])).toEqual([
      ['Đơn vị X', 'X', 0.3],
      ['Đơn vị Y', 'Y', 0.7],
    ]);
  });

  it('gives the same answers as restating one unit at a time over every link, both ways, on any dates', async () => {
    const ids = Object.values(id);
    const dates = [
      '1900-01-01',
      '2020-06-01',
      '2021-01-01',
      '2022-06-01',
      '2023-06-01',
      '2024-03-01',
      '2024-12-31',
      '2025-01-01',
      '2026-01-01',
    ];
    for (const from of dates) for (const to of dates) await expectSameAsReference(db, ids, from, to, 1);
  });

  it('backward: a unit made of several earlier ones, in their shares', async () => {
    const back = await restateMany(db, [id.X!], '2026-01-01', '2020-06-01');
    // X (absorbed Y2 and C2, so it also carries its own earlier facts) ← M 0.3 + Y2 ← Y ½ ← M 0.7; ← C2 ← C ½.
    expect(named(back.get(id.X!))).toEqual([
      ['Đơn vị A', 0.65],
      ['Đơn vị B', 0.65],
      ['Đơn vị C', 0.825],
      ['Đơn vị X mới', 1],
    ]);
  });
});
