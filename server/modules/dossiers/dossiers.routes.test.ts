import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { addTestProcedures, mergerDepartments } from './test-fixtures.js';

type Ratio = { numerator: number; denominator: number; value: number | null };
type Figures = {
  totals: Record<string, number>;
  indicators: Record<string, Ratio> & { toProcess: number; resolved: number; processing: number };
  qd766: { score: number; maxCovered: number; complete: boolean; provisional: boolean };
};
type Indicators = {
  total: Figures;
  groups: (Figures & { key: string; name: string; validTo: string | null })[];
  restated: boolean;
};

let t: TestApp;
let admin: Caller;
let standing: Caller;
let focal: Caller;
let member: Caller;
const units: Record<string, string> = {};

const base = (code: string, over: Record<string, unknown>): Record<string, unknown> => ({
  code,
  procedureCode: '2.000123',
  channel: 'in_person',
  status: 'processing',
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  Object.assign(units, await mergerDepartments(admin));
  await addTestProcedures(standing);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('procedure catalogue', () => {
  it('is readable by a unit focal point and searchable without accents', async () => {
    const res = await focal.request('GET', '/api/dossiers/procedures?q=khai%20sinh');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { code: string }[]; abilities: { create: boolean } };
    expect(body.items.map((p) => p.code)).toEqual(['1.001234']);
    expect(body.abilities.create).toBe(false);
  });
  it('is kept by the standing agency and admins only; a code appears once', async () => {
    const p = {
      code: '1.009999',
      name: 'X',
      field: 'Y',
      level: 'commune',
      onlineCapability: 'none',
      timeLimitDays: 1,
    };
    expect((await focal.request('POST', '/api/dossiers/procedures', p)).statusCode).toBe(403);
    expect(
      (await admin.request('POST', '/api/dossiers/procedures', { ...p, code: '1.001234' })).statusCode,
    ).toBe(409);
  });
});

describe('dossiers across holidays (calendar module; Gia Lai definitions)', () => {
  beforeAll(async () => {
    const res = await standing.request('POST', '/api/dossiers/batch', {
      dossiers: [
        // Tết Bính Ngọ 14/2–22/2/2026: 5 working days from Wed 11/2 → due Wed 25/2; result on 25/2 is on time.
        base('TET-1', {
          procedureCode: '1.001234',
          unitId: units.tuphap,
          channel: 'online',
          receivedAt: '2026-02-11T10:00:00+07:00',
          resolvedAt: '2026-02-25T15:00:00+07:00',
          status: 'resolved',
        }),
        // 30/4–4/5/2025 off: 3 working days from Tue 29/4 → Mon 5/5, Tue 6/5, Wed 7/5.
        base('304-1', { unitId: units.tuphap, receivedAt: '2025-04-29T09:00:00+07:00' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('a dossier resolved on the due day after Tết is on time, not late', async () => {
    const res = await focal.request('GET', '/api/dossiers/by-code/TET-1?asOf=2026-03-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().timing).toEqual({
      asOf: '2026-03-01',
      state: 'resolved',
      timing: 'on_time',
      dueDay: '2026-02-25',
      workingDays: 5,
    });
  });

  it('a dossier received before 30/4 is not overdue over the break: due soon on 6/5, overdue on 8/5', async () => {
    const timing = async (asOf: string) =>
      (await focal.request('GET', `/api/dossiers/by-code/304-1?asOf=${asOf}`)).json().timing as {
        state: string;
        dueDay: string;
      };
    expect(await timing('2025-05-02')).toMatchObject({ state: 'not_yet_due', dueDay: '2025-05-07' });
    expect(await timing('2025-05-06')).toMatchObject({ state: 'due_soon' });
    expect(await timing('2025-05-08')).toMatchObject({ state: 'overdue' });
  });

  it('refuses a batch with an unknown procedure or an inconsistent status, naming the row and field', async () => {
    const res = await standing.request('POST', '/api/dossiers/batch', {
      dossiers: [
        base('BAD-1', {
          procedureCode: '9.999999',
          unitId: units.tuphap,
          receivedAt: '2025-04-29T09:00:00+07:00',
        }),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('dossiers.0.procedureCode');
    const res2 = await standing.request('POST', '/api/dossiers/batch', {
      dossiers: [
        base('BAD-2', { unitId: units.tuphap, receivedAt: '2025-04-29T09:00:00+07:00', status: 'resolved' }),
      ],
    });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details[0]).toMatchObject({ field: 'dossiers.0.resolvedAt' });
  });

  it('writing is for the standing agency and admins: a focal point gets 403', async () => {
    const res = await focal.request('POST', '/api/dossiers/batch', {
      dossiers: [base('F-1', { unitId: units.tuphap, receivedAt: '2025-04-29T09:00:00+07:00' })],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('a unit merged mid-period (Sở GTVT into Sở Xây dựng on 1/3/2025, NĐ 45/2025/NĐ-CP)', () => {
  // Procedure 2.000123: 3 working days.
  // G1 GTVT received Mon 10/2 → due Thu 13/2, resolved Wed 12/2: early (2 working days).
  // G2 GTVT received Thu 20/2 → due Tue 25/2, still processing on 31/3: overdue.
  // X1 Xây dựng received Mon 10/3 online → due Thu 13/3, resolved Thu 20/3: late (8 working days).
  const G2 = base('G-2', { unitId: '', receivedAt: '2025-02-20T09:00:00+07:00' });
  beforeAll(async () => {
    G2.unitId = units.gtvt;
    const res = await admin.request('POST', '/api/dossiers/batch', {
      dossiers: [
        base('G-1', {
          unitId: units.gtvt,
          receivedAt: '2025-02-10T09:00:00+07:00',
          resolvedAt: '2025-02-12T09:00:00+07:00',
          status: 'resolved',
          digitised: true,
        }),
        G2,
        base('X-1', {
          unitId: units.xaydung,
          channel: 'online',
          receivedAt: '2025-03-10T09:00:00+07:00',
          resolvedAt: '2025-03-20T09:00:00+07:00',
          returnedAt: '2025-03-21T09:00:00+07:00',
          status: 'returned',
          eResult: true,
          feePayable: true,
          paidOnline: true,
          rating: 'very_satisfied',
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  const get = async (caller: Caller, qs: string) => {
    const res = await caller.request('GET', `/api/dossiers/indicators?from=2025-02-01&to=2025-03-31&${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Indicators;
  };

  it('as the units were: the old department keeps its own figures', async () => {
    const r = await get(member, 'groupBy=unit');
    const gtvt = r.groups.find((g) => g.key === units.gtvt)!;
    const xd = r.groups.find((g) => g.key === units.xaydung)!;
    expect(gtvt.validTo).toBe('2025-02-28');
    expect(gtvt.totals).toMatchObject({ received: 2, resolvedEarly: 1, overdue: 1, carriedOver: 0 });
    expect(xd.totals).toMatchObject({ received: 1, resolvedLate: 1 });
    // GTVT: late = 1 overdue / to process 2.
    expect(gtvt.indicators.lateRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('restated onto today’s units: everything counts for Sở Xây dựng, with each formula', async () => {
    const r = await get(member, 'groupBy=unit&restate=true');
    expect(r.restated).toBe(true);
    expect(r.groups.map((g) => g.key)).toEqual([units.xaydung]);
    const i = r.groups[0]!.indicators;
    expect(r.groups[0]!.totals).toMatchObject({
      received: 3,
      carriedOver: 0,
      resolvedEarly: 1,
      resolvedLate: 1,
      overdue: 1,
    });
    expect(i.toProcess).toBe(3);
    expect(i.lateRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 }); // (1 overdue + 1 late) / 3
    expect(i.onTimeRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(i.resolvedEarlyOrOnTimeRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(i.onlineRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(i.onlinePaymentRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(i.digitisationRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(i.eResultRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(i.averageProcessingDays).toEqual({ numerator: 10, denominator: 2, value: 5 }); // (2 + 8) / 2
    expect(i.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 }); // X-1 late → not satisfied
  });

  it('re-sending the same dossier changes nothing; a changed one moves its counts without double counting', async () => {
    const again = await admin.request('POST', '/api/dossiers/batch', { dossiers: [G2] });
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const resolved = { ...G2, status: 'resolved', resolvedAt: '2025-03-05T09:00:00+07:00' };
    const res = await admin.request('POST', '/api/dossiers/batch', { dossiers: [resolved] });
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const r = await get(member, 'groupBy=total&restate=true');
    expect(r.total.totals).toMatchObject({
      received: 3,
      resolvedEarly: 1,
      resolvedLate: 2,
      overdue: 0,
      notYetDue: 0,
    });
    expect(r.total.indicators.lateRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it('carries open dossiers into the next period', async () => {
    const res = await member.request(
      'GET',
      '/api/dossiers/indicators?from=2025-03-01&to=2025-03-31&groupBy=procedure',
    );
    const p = (res.json() as Indicators).groups.find((g) => g.name === 'Cấp giấy phép xây dựng')!;
    expect(p.totals).toMatchObject({ carriedOver: 1, received: 1, resolvedLate: 2 });
  });

  it('a focal point sees only their own unit', async () => {
    const r = (await (
      await focal.request('GET', '/api/dossiers/indicators?from=2025-01-01&to=2025-12-31&groupBy=unit')
    ).json()) as Indicators;
    expect(r.groups.map((g) => g.key)).toEqual([units.tuphap]);
    expect(r.total.totals.received).toBe(1);
  });
});

describe('online level and publication of procedures (NĐ 42/2022; QĐ 766 group 1)', () => {
  type Proc = {
    id: string;
    code: string;
    onlineCapability: string;
    published: boolean | null;
    version: number;
  };
  type List = {
    items: Proc[];
    catalogue: {
      level: string;
      procedures: number;
      published: number;
      notPublished: number;
      unknown: number;
    }[];
    abilities: { create: boolean; update: boolean };
  };
  const find = async (code: string) =>
    ((await focal.request('GET', `/api/dossiers/procedures?q=${code}`)).json() as List).items.find(
      (p) => p.code === code,
    )!;

  it('a procedure added without publication is "not recorded"; the list counts the catalogue by level', async () => {
    const p = await find('1.001234');
    expect(p).toMatchObject({ onlineCapability: 'full', published: null });
    const list = (
      await focal.request('GET', '/api/dossiers/procedures?onlineCapability=partial')
    ).json() as List;
    expect(list.items.every((i) => i.onlineCapability === 'partial')).toBe(true);
    expect(list.abilities).toEqual({ create: false, update: false });
    const full = list.catalogue.find((c) => c.level === 'full')!;
    expect(full.procedures).toBeGreaterThanOrEqual(1);
    expect(full.unknown).toBeGreaterThanOrEqual(1);
  });

  it('the standing agency changes level and publication with the version read (409 on a stale one), journalled', async () => {
    const p = await find('2.000123');
    expect(
      (
        await focal.request('PATCH', `/api/dossiers/procedures/${p.id}`, {
          version: p.version,
          published: true,
        })
      ).statusCode,
    ).toBe(403);
    const res = await standing.request('PATCH', `/api/dossiers/procedures/${p.id}`, {
      version: p.version,
      onlineCapability: 'full',
      published: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ onlineCapability: 'full', published: true, version: p.version + 1 });
    const stale = await standing.request('PATCH', `/api/dossiers/procedures/${p.id}`, {
      version: p.version,
      published: false,
    });
    expect(stale.statusCode).toBe(409);
    const back = await standing.request('PATCH', `/api/dossiers/procedures/${p.id}`, {
      version: p.version + 1,
      onlineCapability: 'partial',
    });
    expect(back.statusCode, back.body).toBe(200);
    const journal = await admin.request('GET', `/api/audit?entity=dossier_procedure&entityId=${p.id}`);
    if (journal.statusCode === 200) expect(journal.body).toContain('onlineCapability');
  });

  it('imports a catalogue file with the new columns, and an old file without them, all or nothing', async () => {
    const csv = [
      'Mã TTHC,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết,Mức độ DVC,Công khai',
      '1.007001,Đăng ký kết hôn,Hộ tịch,Cấp xã,3,Toàn trình,Có',
      '1.007002,Cấp bản sao trích lục hộ tịch,Hộ tịch,Cấp xã,1,Mức độ 3,Không',
    ].join('\n');
    expect((await focal.request('POST', '/api/dossiers/procedures/import', { csv })).statusCode).toBe(403);
    const res = await standing.request('POST', '/api/dossiers/procedures/import', { csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await find('1.007001')).toMatchObject({ onlineCapability: 'full', published: true });
    expect(await find('1.007002')).toMatchObject({ onlineCapability: 'partial', published: false });
    // An old file: no level, no publication; the known procedure keeps both, a new one is "none" / not recorded.
    const old = [
      'Mã TTHC;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết',
      '1.007001;Đăng ký kết hôn;Hộ tịch;Cấp xã;5',
      '1.007003;Đăng ký giám hộ;Hộ tịch;Cấp xã;3',
    ].join('\n');
    const again = await standing.request('POST', '/api/dossiers/procedures/import', {
      csv: old,
      delimiter: ';',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 1, updated: 1 });
    expect(await find('1.007001')).toMatchObject({ onlineCapability: 'full', published: true });
    expect(await find('1.007003')).toMatchObject({ onlineCapability: 'none', published: null });
    // A bad cell refuses the whole file, naming the row and column.
    const bad = await standing.request('POST', '/api/dossiers/procedures/import', {
      csv: 'Mã TTHC,Mức độ DVC\n1.007001,Mức độ 3\n1.007002,mức độ 9',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mức độ DVC');
    expect(await find('1.007001')).toMatchObject({ onlineCapability: 'full' });
  });
});
