import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type U = {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
};
type Timeline = {
  unit: U;
  versions: {
    validFrom: string;
    validTo: string | null;
    name: string;
    code: string;
    parentName: string | null;
  }[];
  predecessors: {
    kind: string;
    effectiveDate: string;
    legalBasisText: string | null;
    legalBasisId: string | null;
    unit: U;
  }[];
  successors: { kind: string; effectiveDate: string; unit: U; weight: number | null }[];
  abilities: { recordEvent: boolean };
};

let t: TestApp;
let admin: Caller;
let focal: Caller;
let province: U;

const asOf = async (date: string, extra = '') =>
  ((await admin.request('GET', `/api/units?asOf=${date}${extra}`)).json() as { items: U[] }).items;
const byName = async (date: string, name: string) =>
  (await asOf(date, `&q=${encodeURIComponent(name)}`)).find((u) => u.name === name)!;
const timeline = async (id: string) =>
  (await admin.request('GET', `/api/units/${id}/timeline`)).json() as Timeline;
const event = (caller: Caller, body: unknown) => caller.request('POST', '/api/lineage/events', body);

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  province = (await asOf('2026-01-01', '&kind=province')).find((u) => u.code === '40')!;
});
afterAll(() => t.close());

describe('the 2025 reorganisation of departments (Decree 45/2025/NĐ-CP), as recorded by the demo', () => {
  it("Sở Tài chính's page shows it absorbed Sở Kế hoạch và Đầu tư on 1/3/2025, with the legal basis", async () => {
    const tc = await byName('2026-01-01', 'Sở Tài chính');
    const tl = await timeline(tc.id);
    const pred = tl.predecessors.find((p) => p.unit.fullName.startsWith('Sở Kế hoạch và Đầu tư'))!;
    expect(pred).toMatchObject({ kind: 'absorb', effectiveDate: '2025-03-01' });
    expect(pred.legalBasisText).toContain('45/2025/NĐ-CP');
    expect(pred.legalBasisId).not.toBeNull();
    expect(pred.unit.validTo).toBe('2025-02-28');
  });

  it('Sở Nông nghiệp và Môi trường was formed by merging two departments', async () => {
    const nnmt = await byName('2026-01-01', 'Sở Nông nghiệp và Môi trường');
    expect(nnmt.validFrom).toBe('2025-03-01');
    const names = (await timeline(nnmt.id)).predecessors
      .map((p) => p.unit.fullName)
      .sort(new Intl.Collator('vi').compare);
    expect(names).toEqual([
      'Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An',
      'Sở Tài nguyên và Môi trường tỉnh Nghệ An',
    ]);
  });

  it('a renamed unit keeps its identity and shows both names over time', async () => {
    const now = await byName('2026-01-01', 'Sở Dân tộc và Tôn giáo');
    const before = await byName('2024-06-01', 'Ban Dân tộc');
    expect(now.id).toBe(before.id);
    const tl = await timeline(now.id);
    expect(tl.versions.map((v) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['Ban Dân tộc', '2008-04-04', '2025-02-28'],
      ['Sở Dân tộc và Tôn giáo', '2025-03-01', null],
    ]);
  });

  it("restates Sở Kế hoạch và Đầu tư's 2024 facts onto today's Sở Tài chính (weight 1), and back", async () => {
    const khdt = await byName('2024-06-01', 'Sở Kế hoạch và Đầu tư');
    const fwd = (
      await admin.request('GET', `/api/units/${khdt.id}/restate?from=2024-06-01&to=2026-01-01`)
    ).json() as { items: { weight: number; unit: U }[] };
    expect(fwd.items.map((i) => [i.unit.name, i.weight])).toEqual([['Sở Tài chính', 1]]);
    const tc = fwd.items[0]!.unit;
    const back = (
      await admin.request('GET', `/api/units/${tc.id}/restate?from=2026-01-01&to=2024-06-01`)
    ).json() as { items: { weight: number; unit: U }[] };
    expect(back.items.map((i) => i.unit.name).sort(new Intl.Collator('vi').compare)).toEqual([
      'Sở Kế hoạch và Đầu tư',
      'Sở Tài chính',
    ]);
  });
});

describe('recording events', () => {
  it('merges two units into a new one: predecessors end the day before, history stays readable', async () => {
    const a = (
      await event(admin, {
        kind: 'establish',
        effectiveDate: '2020-01-01',
        to: [
          {
            create: {
              code: 'T-A',
              name: 'Ban A',
              fullName: 'Ban A thử nghiệm',
              kind: 'other',
              parentId: province.id,
            },
          },
        ],
      })
    ).json() as { created: string[] };
    const b = (
      await event(admin, {
        kind: 'establish',
        effectiveDate: '2020-01-01',
        to: [
          {
            create: {
              code: 'T-B',
              name: 'Ban B',
              fullName: 'Ban B thử nghiệm',
              kind: 'other',
              parentId: province.id,
            },
          },
        ],
      })
    ).json() as { created: string[] };
    const res = await event(admin, {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasisText: 'Quyết định thử nghiệm',
      from: [a.created[0], b.created[0]],
      to: [
        {
          create: {
            code: 'T-AB',
            name: 'Ban AB',
            fullName: 'Ban AB thử nghiệm',
            kind: 'other',
            parentId: province.id,
          },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const ab = (res.json() as { created: string[] }).created[0]!;
    expect((await asOf('2025-06-30', '&q=thu nghiem')).map((u) => u.code).sort()).toEqual(['T-A', 'T-B']);
    expect((await asOf('2025-07-01', '&q=thu nghiem')).map((u) => u.code)).toEqual(['T-AB']);
    const tl = await timeline(a.created[0]!);
    expect(tl.unit.validTo).toBe('2025-06-30');
    expect(tl.successors.map((s) => [s.kind, s.unit.id])).toEqual([['merge', ab]]);
    const journal = (
      await admin.request('GET', `/api/audit?entity=unit&entityId=${a.created[0]}`)
    ).json() as { items: { action: string }[] };
    expect(journal.items.map((i) => i.action)).toContain('merge');
  });

  it('splits with weights; facts restate by share', async () => {
    const x = (
      (
        await event(admin, {
          kind: 'establish',
          effectiveDate: '2020-01-01',
          to: [
            {
              create: {
                code: 'T-X',
                name: 'Xã X',
                fullName: 'Xã X thử nghiệm',
                kind: 'other',
                parentId: province.id,
              },
            },
          ],
        })
      ).json() as { created: string[] }
    ).created[0]!;
    const res = await event(admin, {
      kind: 'split',
      effectiveDate: '2024-01-01',
      from: [x],
      to: [
        {
          create: {
            code: 'T-X1',
            name: 'Xã X1',
            fullName: 'Xã X1 thử nghiệm',
            kind: 'other',
            parentId: province.id,
          },
          weight: 0.6,
        },
        {
          create: {
            code: 'T-X2',
            name: 'Xã X2',
            fullName: 'Xã X2 thử nghiệm',
            kind: 'other',
            parentId: province.id,
          },
          weight: 0.4,
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = (
      await admin.request('GET', `/api/units/${x}/restate?from=2023-06-01&to=2026-01-01`)
    ).json() as { items: { weight: number; unit: U }[] };
    expect(r.items.map((i) => [i.unit.code, i.weight])).toEqual([
      ['T-X1', 0.6],
      ['T-X2', 0.4],
    ]);
  });

  it('refuses weights that do not add up to 1, naming the sum', async () => {
    const x = (
      (
        await event(admin, {
          kind: 'establish',
          effectiveDate: '2020-01-01',
          to: [
            {
              create: {
                code: 'T-Y',
                name: 'Xã Y',
                fullName: 'Xã Y thử nghiệm',
                kind: 'other',
                parentId: province.id,
              },
            },
          ],
        })
      ).json() as { created: string[] }
    ).created[0]!;
    const res = await event(admin, {
      kind: 'split',
      effectiveDate: '2024-01-01',
      from: [x],
      to: [
        {
          create: { code: 'T-Y1', name: 'Y1', fullName: 'Y1', kind: 'other', parentId: province.id },
          weight: 0.5,
        },
        {
          create: { code: 'T-Y2', name: 'Y2', fullName: 'Y2', kind: 'other', parentId: province.id },
          weight: 0.2,
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { message: string } }).error.message).toContain('0,7');
    expect(await asOf('2024-06-01', '&q=T-Y1')).toEqual([]);
  });

  it('refuses to end a unit that still has units in force under it, and writes nothing', async () => {
    const res = await event(admin, { kind: 'abolish', effectiveDate: '2026-01-01', from: [province.id] });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/còn \d+ đơn vị trực thuộc/);
    expect((await timeline(province.id)).unit.validTo).toBeNull();
  });

  it('refuses a transfer that would make a unit its own ancestor', async () => {
    const tp = await byName('2026-01-01', 'Sở Tư pháp');
    const res = await event(admin, {
      kind: 'transfer',
      effectiveDate: '2026-01-01',
      from: [province.id],
      changes: { parentId: tp.id },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string; message: string } }).error.message).toContain(
      'không thể là cấp trên của chính nó',
    );
  });

  it('refuses a code already used in an overlapping period, but allows reusing it after', async () => {
    const clash = await event(admin, {
      kind: 'establish',
      effectiveDate: '2026-01-01',
      to: [
        {
          create: {
            code: '40.tuphap',
            name: 'Trùng',
            fullName: 'Trùng mã',
            kind: 'department',
            parentId: province.id,
          },
        },
      ],
    });
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as { error: { message: string } }).error.message).toContain('40.tuphap');
    // 40.khdt ended on 28/2/2025: the code may be used again from then on.
    const reuse = await event(admin, {
      kind: 'establish',
      effectiveDate: '2026-01-01',
      to: [
        {
          create: {
            code: '40.khdt',
            name: 'Mã dùng lại',
            fullName: 'Đơn vị dùng lại mã',
            kind: 'department',
            parentId: province.id,
          },
        },
      ],
    });
    expect(reuse.statusCode, reuse.body).toBe(201);
    const then = (await admin.request('GET', '/api/units/by-code/40.khdt?asOf=2024-01-01')).json() as U;
    const now = (await admin.request('GET', '/api/units/by-code/40.khdt?asOf=2026-06-01')).json() as U;
    expect(then.name).toBe('Sở Kế hoạch và Đầu tư');
    expect(now.name).toBe('Mã dùng lại');
  });

  it('a merge may give the new unit the code of one of its predecessors (they end the day before); a real overlap stays 409', async () => {
    const create = (code: string, name: string, date: string) =>
      event(admin, {
        kind: 'establish',
        effectiveDate: date,
        to: [
          {
            create: {
              code,
              name,
              fullName: `${name} tỉnh Nghệ An`,
              kind: 'department',
              parentId: province.id,
            },
          },
        ],
      });
    const a = (await create('40.bana', 'Ban A', '2026-02-01')).json() as { created: string[] };
    const b = (await create('40.banb', 'Ban B', '2026-02-01')).json() as { created: string[] };
    const merge = (code: string) =>
      event(admin, {
        kind: 'merge',
        effectiveDate: '2026-05-01',
        legalBasisText: 'Quyết định hợp nhất Ban A và Ban B',
        from: [a.created[0], b.created[0]],
        to: [
          {
            create: {
              code,
              name: 'Ban AB',
              fullName: 'Ban AB tỉnh Nghệ An',
              kind: 'department',
              parentId: province.id,
            },
          },
        ],
      });
    // A code held by a unit the event does not end is a real overlap.
    const clash = await merge('40.tuphap');
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as { error: { key: string } }).error.key).toBe('lineage.code_overlap');
    const merged = await merge('40.bana');
    expect(merged.statusCode, merged.body).toBe(201);
    const then = (await admin.request('GET', '/api/units/by-code/40.bana?asOf=2026-04-30')).json() as U;
    const now = (await admin.request('GET', '/api/units/by-code/40.bana?asOf=2026-05-01')).json() as U;
    expect(then).toMatchObject({ name: 'Ban A', validTo: '2026-04-30' });
    expect(now).toMatchObject({ name: 'Ban AB', validFrom: '2026-05-01', validTo: null });
    expect(now.id).not.toBe(then.id);
  });

  it('refuses the wrong shape for a kind and a unit not in force', async () => {
    const tp = await byName('2026-01-01', 'Sở Tư pháp');
    const shape = await event(admin, { kind: 'merge', effectiveDate: '2026-01-01', from: [tp.id], to: [] });
    expect(shape.statusCode).toBe(400);
    const khdt = await byName('2024-06-01', 'Sở Kế hoạch và Đầu tư');
    const ended = await event(admin, { kind: 'abolish', effectiveDate: '2026-01-01', from: [khdt.id] });
    expect(ended.statusCode).toBe(409);
  });

  it('only administrators and standing-agency officers record events', async () => {
    const tp = await byName('2026-01-01', 'Sở Tư pháp');
    const res = await event(focal, {
      kind: 'rename',
      effectiveDate: '2026-06-01',
      from: [tp.id],
      changes: { name: 'Sở Tư pháp mới' },
    });
    expect(res.statusCode).toBe(403);
    expect((await timeline(tp.id)).abilities.recordEvent).toBe(true);
    expect(
      ((await focal.request('GET', `/api/units/${tp.id}/timeline`)).json() as Timeline).abilities.recordEvent,
    ).toBe(false);
  });
});

describe('unresolved predecessors (names in the source data that no code matched)', () => {
  type Row = {
    id: string;
    successorId: string;
    predecessorId: string | null;
    sourceText: string;
    status: string;
    resolvedPredecessorId: string | null;
    resolvedAt: string | null;
    version: number;
    successor: { id: string; code: string; fullName: string } | null;
    predecessor: { id: string; code: string; fullName: string; validTo: string | null } | null;
  };
  const open = async () =>
    (await admin.request('GET', '/api/lineage/unresolved?status=open&limit=500')).json() as {
      items: Row[];
      total: number;
    };

  it("lists each with the unit it was named for; that unit's page shows it; dismissing one takes it off the list", async () => {
    const before = await open();
    expect(before.total).toBeGreaterThan(0);
    const row = before.items.find((i) => i.successor)!;
    // What the web settles a row with and links it to.
    expect(row).toMatchObject({ status: 'open', resolvedAt: null, resolvedPredecessorId: null });
    expect(row.successorId).toBe(row.successor!.id);
    expect(row.successor!.fullName).not.toBe('');

    const tl = (await admin.request('GET', `/api/units/${row.successorId}/timeline`)).json() as {
      unresolved: Omit<Row, 'successor'>[];
    };
    expect(tl.unresolved.find((u) => u.id === row.id)).toMatchObject({
      successorId: row.successorId,
      sourceText: row.sourceText,
      status: 'open',
      version: row.version,
    });

    const res = await admin.request('POST', `/api/lineage/unresolved/${row.id}`, {
      version: row.version,
      dismiss: true,
      note: 'Không phải đơn vị hành chính',
    });
    expect(res.statusCode).toBe(200);
    const settled = res.json() as Omit<Row, 'successor'>;
    expect(settled).toMatchObject({ id: row.id, status: 'dismissed', version: row.version + 1 });
    expect(Number.isNaN(Date.parse(settled.resolvedAt!))).toBe(false);

    const after = await open();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(row.id);
  });

  it('an ended unit without a known successor is listed with it; naming the successor turns its end into an absorption', async () => {
    const list = (
      await admin.request(
        'GET',
        `/api/lineage/unresolved?status=open&limit=50&q=${encodeURIComponent('Xã Quế Sơn')}`,
      )
    ).json() as { items: Row[] };
    const row = list.items.find((i) => i.predecessor?.fullName === 'Xã Quế Sơn')!;
    expect(row).toMatchObject({
      successorId: null,
      successor: null,
      predecessor: { code: '16763', validTo: '2020-02-01' },
    });
    expect(row.sourceText).toContain('16/10/2017 – 02/02/2020');
    // Its successor: a commune of Huyện Quế Phong in force on 2/2/2020.
    const district = (
      await asOf('2020-02-02', `&kind=district&q=${encodeURIComponent('Huyện Quế Phong')}`)
    )[0]!;
    const heir = (await asOf('2020-02-02', `&kind=commune&within=${district.id}`))[0]!;
    const res = await admin.request('POST', `/api/lineage/unresolved/${row.id}`, {
      version: row.version,
      successorId: heir.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'resolved',
      successorId: heir.id,
      predecessorId: row.predecessorId,
    });
    const tl = await timeline(row.predecessorId!);
    expect(tl.successors).toEqual([
      expect.objectContaining({
        kind: 'absorb',
        effectiveDate: '2020-02-02',
        unit: expect.objectContaining({ id: heir.id }),
      }),
    ]);
  });
});
