import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { DRILL_CLASS_KEYS } from './dossiers-query.rules.js';
import { addTestProcedures, departmentId, localAt, mergerDepartments, testDossier } from './test-fixtures.js';

type Ratio = { numerator: number; denominator: number; value: number | null };
type Figures = {
  totals: Record<string, number>;
  indicators: {
    toProcess: number;
    resolved: number;
    processing: number;
    late: number;
    lateRate: Ratio;
    onTimeRate: Ratio;
    onlineRate: Ratio;
    onlinePaymentRate: Ratio;
  };
  qd766: { score: number; maxCovered: number; provisional: boolean };
  lights: Record<string, string | null>;
};
type Breakdown = {
  total: Figures;
  groups: (Figures & { key: string; name: string; code: string | null; validTo: string | null })[];
  scope: { unit: { id: string; name: string } | null; procedure: { id: string; code: string } | null };
  thresholds: { key: string; green: number }[];
};
type List = {
  count: number | null;
  items: { code: string; weight: number; state: string; dueDay: string | null }[];
  nextCursor: string | null;
};

let t: TestApp;
let admin: Caller;
let standing: Caller;
let focal: Caller;
let member: Caller;
let appraiser: Caller;
const units: Record<string, string> = {};
const procedures: Record<string, string> = {};

const d = testDossier;
const at = localAt;
const Q1 = 'from=2025-01-01&to=2025-03-31';

const get = async <T>(caller: Caller, url: string) => {
  const res = await caller.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
/** Every page of a list, following the cursor. */
async function allPages(caller: Caller, qs: string, limit = 7) {
  const codes: string[] = [];
  let cursor: string | null = null;
  let count: number | null = null;
  do {
    const page: List = await get<List>(
      caller,
      `/api/dossiers/list?${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (!cursor) count = page.count;
    else expect(page.count).toBeNull();
    codes.push(...page.items.map((i) => i.code));
    cursor = page.nextCursor;
  } while (cursor);
  return { codes, count };
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  appraiser = await t.login('thamdinh@chidao.demo');
  Object.assign(units, await mergerDepartments(admin));
  Object.assign(procedures, await addTestProcedures(standing));
  const B = '2.000123';
  const res = await standing.request('POST', '/api/dossiers/batch', {
    dossiers: [
      // Sở Tư pháp, 1.001234 (5 working days)
      d('TP-1', {
        unitId: units.tuphap,
        channel: 'online',
        receivedAt: at('2025-01-06'),
        resolvedAt: at('2025-01-08'),
        status: 'resolved',
        eResult: true,
        digitised: true,
        rating: 'satisfied',
      }),
      d('TP-2', {
        unitId: units.tuphap,
        receivedAt: at('2025-01-06'),
        resolvedAt: at('2025-01-20'),
        status: 'resolved',
      }),
      d('TP-3', { unitId: units.tuphap, receivedAt: at('2025-03-10') }),
      d('TP-4', { unitId: units.tuphap, receivedAt: at('2025-03-28') }),
      d('TP-5', {
        unitId: units.tuphap,
        receivedAt: at('2024-12-20'),
        resolvedAt: at('2025-01-10'),
        status: 'resolved',
      }),
      d('TP-6', {
        unitId: units.tuphap,
        receivedAt: at('2025-01-15'),
        withdrawnAt: at('2025-01-16'),
        status: 'withdrawn',
        statusReason: 'Công dân rút hồ sơ',
      }),
      // Sở Tư pháp, 2.000123 (3 working days)
      d('TPB-1', {
        procedureCode: B,
        unitId: units.tuphap,
        channel: 'online',
        receivedAt: at('2025-02-03'),
        resolvedAt: at('2025-02-04'),
        status: 'resolved',
        feePayable: true,
        paidOnline: true,
      }),
      // Sở GTVT (merged into Sở Xây dựng on 1/3/2025), 2.000123
      d('G-1', {
        procedureCode: B,
        unitId: units.gtvt,
        receivedAt: at('2025-02-10'),
        resolvedAt: at('2025-02-12'),
        status: 'resolved',
      }),
      d('G-2', { procedureCode: B, unitId: units.gtvt, receivedAt: at('2025-02-20') }),
      // Sở Xây dựng, 2.000123
      d('X-1', {
        procedureCode: B,
        unitId: units.xaydung,
        channel: 'online',
        receivedAt: at('2025-03-10'),
        resolvedAt: at('2025-03-20'),
        status: 'resolved',
      }),
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('figures of a scope (rollups only)', () => {
  it('the province breakdown equals /dossiers/indicators, as the units were and restated', async () => {
    for (const restate of ['false', 'true']) {
      const mine = await get<Breakdown>(
        member,
        `/api/dossiers/breakdown?${Q1}&groupBy=unit&restate=${restate}&ended=show`,
      );
      const theirs = await get<Breakdown>(
        member,
        `/api/dossiers/indicators?${Q1}&groupBy=unit&restate=${restate}`,
      );
      expect(mine.total.totals).toEqual(theirs.total.totals);
      expect(mine.total.indicators).toEqual(theirs.total.indicators);
      // The breakdown is in ranking order, the indicators in name order: the same rows.
      const byKey = (list: Breakdown['groups']) =>
        list.map((g) => [g.key, g.totals] as const).sort(([a], [b]) => (a < b ? -1 : 1));
      expect(byKey(mine.groups)).toEqual(byKey(theirs.groups));
    }
  });

  it('a unit broken down by procedure; lights follow the default thresholds (on time ≥ 98% green)', async () => {
    const r = await get<Breakdown>(
      standing,
      `/api/dossiers/breakdown?${Q1}&unitId=${units.tuphap}&groupBy=procedure`,
    );
    expect(r.scope.unit).toMatchObject({ id: units.tuphap, name: expect.stringContaining('Tư pháp') });
    // Vietnamese order of the names: Cấp… before Đăng…
    expect(r.groups.map((g) => g.code)).toEqual(['2.000123', '1.001234']);
    const a = r.groups.find((g) => g.code === '1.001234')!;
    // To process: TP-1, 2, 3, 4, 6 received + TP-5 carried over − TP-6 withdrawn = 5.
    expect(a.indicators.toProcess).toBe(5);
    // Late: TP-2, TP-5 resolved late; TP-3 overdue on 31/3.
    expect(a.indicators.lateRate).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(a.lights.onTimeRate).toBe('red');
    const b = r.groups.find((g) => g.code === '2.000123')!;
    expect(b.indicators.onTimeRate.value).toBe(1);
    expect(b.lights.onTimeRate).toBe('green');
    expect(b.lights.onlinePaymentRate).toBe('green');
    expect(r.thresholds.find((x) => x.key === 'onTimeRate')!.green).toBe(0.98);
  });

  it('restated: Sở Xây dựng today carries Sở GTVT’s dossiers', async () => {
    const r = await get<Breakdown>(
      member,
      `/api/dossiers/breakdown?${Q1}&unitId=${units.xaydung}&restate=true&groupBy=total`,
    );
    expect(r.total.totals).toMatchObject({ received: 3, resolvedEarly: 1, resolvedLate: 1, overdue: 1 });
    const asWas = await get<Breakdown>(
      member,
      `/api/dossiers/breakdown?${Q1}&unitId=${units.xaydung}&groupBy=total`,
    );
    expect(asWas.total.totals).toMatchObject({ received: 1, resolvedLate: 1 });
  });

  it('the monthly trend gives, for each month, the figures of that month alone', async () => {
    const trend = await get<{ months: (Figures & { month: string; from: string; to: string })[] }>(
      member,
      `/api/dossiers/trend?${Q1}`,
    );
    expect(trend.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    for (const m of trend.months) {
      const one = await get<Breakdown>(
        member,
        `/api/dossiers/breakdown?from=${m.from}&to=${m.to}&groupBy=total`,
      );
      expect(m.totals, m.month).toEqual(one.total.totals);
    }
    expect(trend.months[0]!.totals).toMatchObject({ received: 3, carriedOver: 1, withdrawn: 1 });
  });
});

describe('drill-down: exactly the dossiers behind a number', () => {
  it('every class at the province and in every unit × procedure cell lists as many dossiers as it counts', async () => {
    const province = await get<Breakdown>(member, `/api/dossiers/breakdown?${Q1}&groupBy=total`);
    const number = (f: Figures, cls: string): number => {
      const i = f.indicators;
      const tt = f.totals;
      const map: Record<string, number> = {
        toProcess: i.toProcess,
        received: tt.received!,
        carriedOver: tt.carriedOver!,
        resolved: i.resolved,
        resolvedEarly: tt.resolvedEarly!,
        resolvedOnTime: tt.resolvedOnTime!,
        resolvedLate: tt.resolvedLate!,
        onTime: i.onTimeRate.numerator,
        late: i.late,
        processing: i.processing,
        notYetDue: tt.notYetDue!,
        dueSoon: tt.dueSoon!,
        overdue: tt.overdue!,
        suspended: tt.suspended!,
        uncollected: tt.uncollected!,
        withdrawn: tt.withdrawn!,
        online: tt.receivedOnline!,
        feePayable: tt.feePayable!,
        paidOnline: tt.paidOnline!,
        digitised: tt.digitised!,
        eResult: tt.eResult!,
        dissatisfied: tt.dissatisfied!,
      };
      return map[cls]!;
    };
    for (const cls of DRILL_CLASS_KEYS) {
      const { codes, count } = await allPages(member, `${Q1}&class=${cls}`, 3);
      expect(count, cls).toBe(number(province.total, cls));
      expect(codes.length, cls).toBe(count);
    }
    for (const u of [units.tuphap, units.gtvt, units.xaydung]) {
      const cells = await get<Breakdown>(
        member,
        `/api/dossiers/breakdown?${Q1}&unitId=${u}&groupBy=procedure`,
      );
      for (const cell of cells.groups)
        for (const cls of ['late', 'onTime', 'online', 'processing'] as const) {
          const { count } = await allPages(member, `${Q1}&unitId=${u}&procedureId=${cell.key}&class=${cls}`);
          expect(count, `${u} ${cell.code} ${cls}`).toBe(number(cell, cls));
        }
    }
  });

  it('lists the hand-computed dossiers of the late, on-time and online figures', async () => {
    const codes = async (cls: string, extra = '') =>
      (await allPages(member, `${Q1}&class=${cls}${extra}`)).codes.sort();
    expect(await codes('late')).toEqual(['G-2', 'TP-2', 'TP-3', 'TP-5', 'X-1']);
    expect(await codes('onTime')).toEqual(['G-1', 'TP-1', 'TP-4', 'TPB-1']);
    expect(await codes('online')).toEqual(['TP-1', 'TPB-1', 'X-1']);
    expect(await codes('carriedOver')).toEqual(['TP-5']);
    expect(await codes('withdrawn')).toEqual(['TP-6']);
    // Restated onto Sở Xây dựng: its own late dossier and the absorbed department's overdue one.
    expect(await codes('late', `&unitId=${units.xaydung}&restate=true`)).toEqual(['G-2', 'X-1']);
  });

  it('each dossier shows its state on the stock day and its due day', async () => {
    const page = await get<List>(
      member,
      `/api/dossiers/list?${Q1}&unitId=${units.tuphap}&procedureId=${procedures['1.001234']}&class=toProcess`,
    );
    const byCode = Object.fromEntries(page.items.map((i) => [i.code, i]));
    expect(byCode['TP-1']).toMatchObject({ state: 'early', weight: 1 });
    expect(byCode['TP-2']!.state).toBe('late');
    expect(byCode['TP-3']).toMatchObject({ state: 'overdue', dueDay: '2025-03-17' });
    expect(page.items.map((i) => i.code)).toEqual(['TP-5', 'TP-1', 'TP-2', 'TP-3', 'TP-4']);
  });
});

describe('pagination', () => {
  beforeAll(async () => {
    const batch = Array.from({ length: 25 }, (_, i) =>
      d(`P-${String(i + 1).padStart(2, '0')}`, {
        procedureCode: '2.000123',
        unitId: units.tuphap,
        // Pairs share a receipt time: the code breaks the tie.
        receivedAt: at(`2025-04-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`),
        resolvedAt: at(`2025-04-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`, '16:00'),
        status: 'resolved',
      }),
    );
    const res = await standing.request('POST', '/api/dossiers/batch', { dossiers: batch });
    expect(res.statusCode, res.body).toBe(200);
  });
  const APRIL = 'from=2025-04-01&to=2025-04-30&class=received';

  it('pages follow each other without gaps or repeats, in receipt order', async () => {
    const { codes, count } = await allPages(member, APRIL, 10);
    expect(count).toBe(25);
    expect(codes).toEqual(Array.from({ length: 25 }, (_, i) => `P-${String(i + 1).padStart(2, '0')}`));
  });

  it('stay stable when a dossier arrives between two pages', async () => {
    const first = await get<List>(member, `/api/dossiers/list?${APRIL}&limit=10`);
    const res = await standing.request('POST', '/api/dossiers/batch', {
      dossiers: [
        d('P-00', {
          procedureCode: '2.000123',
          unitId: units.tuphap,
          receivedAt: at('2025-04-01', '07:30'),
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const second = await get<List>(member, `/api/dossiers/list?${APRIL}&limit=10&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => `P-${String(i + 11).padStart(2, '0')}`),
    );
  });

  it('refuses a cursor it did not make', async () => {
    const res = await member.request('GET', `/api/dossiers/list?${APRIL}&cursor=nonsense`);
    expect(res.statusCode).toBe(400);
  });
});

describe('access', () => {
  it('a focal point sees only their own subtree, in figures and in lists', async () => {
    const r = await get<Breakdown>(focal, `/api/dossiers/breakdown?${Q1}&groupBy=unit`);
    expect(r.groups.map((g) => g.key)).toEqual([units.tuphap]);
    const { codes } = await allPages(focal, `${Q1}&class=toProcess`);
    expect(codes.every((c) => c.startsWith('TP'))).toBe(true);
    expect(codes).toHaveLength(6);
    for (const path of ['breakdown', 'trend', 'list'])
      expect(
        (await focal.request('GET', `/api/dossiers/${path}?${Q1}&unitId=${units.xaydung}`)).statusCode,
        path,
      ).toBe(403);
  });

  it('roles without dossier figures get 403; an unknown unit 404', async () => {
    expect((await appraiser.request('GET', `/api/dossiers/breakdown?${Q1}`)).statusCode).toBe(403);
    expect((await appraiser.request('GET', `/api/dossiers/list?${Q1}`)).statusCode).toBe(403);
    expect(
      (await member.request('GET', `/api/dossiers/list?${Q1}&unitId=00000000-0000-4000-8000-000000000000`))
        .statusCode,
    ).toBe(404);
  });
});

describe('rankings by unit: units that had ended before the period', () => {
  // Q3 2025: Sở GTVT (ended 28/2/2025) still has G-2 open; Sở KH&ĐT (ended 28/2/2025, absorbed by Sở Tài
  // chính) had one dossier, resolved in January (its result never collected: a stock no ranking shows).
  const Q3 = 'from=2025-07-01&to=2025-09-30';
  let khdt = '';
  beforeAll(async () => {
    khdt = await departmentId(admin, 'Sở Kế hoạch và Đầu tư', '2025-01-15');
    const res = await standing.request('POST', '/api/dossiers/batch', {
      dossiers: [
        d('KH-1', {
          unitId: khdt,
          receivedAt: at('2025-01-10'),
          resolvedAt: at('2025-01-13'),
          status: 'resolved',
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('as they were: an ended unit without figures in the period is left out, one with dossiers still open stays', async () => {
    const r = await get<Breakdown>(member, `/api/dossiers/breakdown?${Q3}&groupBy=unit&ended=show`);
    const byKey = new Map(r.groups.map((g) => [g.key, g]));
    expect(byKey.has(khdt)).toBe(false);
    // The province still counts its result waiting to be collected.
    expect(r.total.totals.uncollected).toBeGreaterThanOrEqual(1);
    expect(byKey.get(units.gtvt!)).toMatchObject({
      validTo: '2025-02-28',
      totals: expect.objectContaining({ carriedOver: 1, overdue: 1 }),
    });
    // A unit in force keeps its row even with nothing in the period.
    expect(byKey.get(units.xaydung!)?.indicators.toProcess).toBe(0);
    // Leaving rows out changes no total: the rows still add up to the province.
    const sum = r.groups.reduce((n, g) => n + g.indicators.toProcess, 0);
    expect(sum).toBe(r.total.indicators.toProcess);
    // In the period it had dossiers in, the ended unit has its row (when ended units are listed).
    const q1 = await get<Breakdown>(member, `/api/dossiers/breakdown?${Q1}&groupBy=unit&ended=show`);
    expect(q1.groups.find((g) => g.key === khdt)).toMatchObject({
      validTo: '2025-02-28',
      totals: expect.objectContaining({ received: 1 }),
    });
  });

  it('restated: the dossiers of a unit that ended before the period count for its successor, in figures and lists', async () => {
    const r = await get<Breakdown>(member, `/api/dossiers/breakdown?${Q3}&groupBy=unit&restate=true`);
    const keys = r.groups.map((g) => g.key);
    expect(keys).not.toContain(units.gtvt);
    expect(keys).not.toContain(khdt);
    expect(r.groups.every((g) => g.validTo === null)).toBe(true);
    const xd = r.groups.find((g) => g.key === units.xaydung)!;
    expect(xd.totals).toMatchObject({ carriedOver: 1, overdue: 1 });
    const { codes } = await allPages(member, `${Q3}&restate=true&unitId=${units.xaydung}&class=carriedOver`);
    expect(codes).toEqual(['G-2']);
    // The indicators route restates the same way.
    const theirs = await get<Breakdown>(member, `/api/dossiers/indicators?${Q3}&groupBy=unit&restate=true`);
    expect(theirs.groups.find((g) => g.key === units.xaydung)?.totals).toEqual(xd.totals);
    expect(theirs.groups.map((g) => g.key)).not.toContain(units.gtvt);
  });
});

describe('the ranking and the online levels (issue 12)', () => {
  type Ranked = Omit<Breakdown, 'groups'> & {
    reader: { whole: boolean; units: { id: string; name: string }[] };
    ranking: { rule: string; ended: string; endedUnits: number };
    byLevel: {
      level: string;
      received: number;
      receivedOnline: number;
      proceduresWithDossiers: number;
      onlineRate: Ratio;
    }[];
    catalogue: {
      level: string;
      procedures: number;
      published: number;
      notPublished: number;
      unknown: number;
    }[];
    groups: (Breakdown['groups'][number] & { rank: number | null; tied: boolean; noDossiers: boolean })[];
  };

  it('ranks the units with dossiers first (rule dossier-ranking-1), the others last with no rank', async () => {
    // Q3 2025: Sở Tư pháp still has dossiers open; Sở Xây dựng none (a row all the same: it had some before).
    const r = await get<Ranked>(member, `/api/dossiers/breakdown?from=2025-07-01&to=2025-09-30&groupBy=unit`);
    expect(r.ranking.rule).toBe('dossier-ranking-1');
    const firstEmpty = r.groups.findIndex((g) => g.noDossiers);
    expect(firstEmpty).toBeGreaterThan(0);
    expect(r.groups.slice(firstEmpty).every((g) => g.noDossiers && g.rank === null)).toBe(true);
    const ranked = r.groups.slice(0, firstEmpty);
    expect(ranked.every((g) => g.rank !== null)).toBe(true);
    expect(ranked.map((g) => g.rank)).toEqual([...ranked.map((g) => g.rank)].sort((a, b) => a! - b!));
    expect(ranked.map((g) => g.key)).toEqual([units.tuphap]);
    expect(r.groups.find((g) => g.key === units.xaydung)).toMatchObject({ rank: null, noDossiers: true });
    // Sở GTVT (ended 28/2/2025, G-2 still open) is hidden by default; listed on request, with a rank.
    expect(r.groups.some((g) => g.key === units.gtvt)).toBe(false);
  });

  it('hides the units ended by the stock day unless asked; the total keeps their figures', async () => {
    const hidden = await get<Ranked>(member, `/api/dossiers/breakdown?${Q1}&groupBy=unit`);
    const shown = await get<Ranked>(member, `/api/dossiers/breakdown?${Q1}&groupBy=unit&ended=show`);
    expect(hidden.ranking).toMatchObject({ ended: 'hide', endedUnits: expect.any(Number) });
    expect(hidden.ranking.endedUnits).toBeGreaterThan(0);
    expect(hidden.groups.some((g) => g.key === units.gtvt)).toBe(false);
    const gtvt = shown.groups.find((g) => g.key === units.gtvt)!;
    expect(gtvt).toMatchObject({ validTo: '2025-02-28', noDossiers: false });
    expect(gtvt.rank).not.toBeNull();
    expect(hidden.total.totals).toEqual(shown.total.totals);
    expect(shown.groups.length - hidden.groups.length).toBe(hidden.ranking.endedUnits);
    // Restated, Sở GTVT's figures are Sở Xây dựng's: no ended unit left to hide.
    const restated = await get<Ranked>(member, `/api/dossiers/breakdown?${Q1}&groupBy=unit&restate=true`);
    expect(restated.ranking.endedUnits).toBe(0);
    expect(restated.groups.find((g) => g.key === units.xaydung)!.totals.received).toBe(3);
  });

  it('splits the online rate by the level of the procedures (one toàn trình, one một phần)', async () => {
    for (const restate of ['false', 'true']) {
      const r = await get<Ranked>(member, `/api/dossiers/breakdown?${Q1}&groupBy=unit&restate=${restate}`);
      const by = Object.fromEntries(r.byLevel.map((l) => [l.level, l]));
      // 1.001234 (toàn trình): TP-1 online of TP-1, 2, 3, 4, 6 and KH-1 (Sở KH&ĐT, ended: still counted);
      // 2.000123 (một phần): TPB-1, X-1 online of TPB-1, G-1, G-2, X-1.
      expect(by.full!.onlineRate).toEqual({ numerator: 1, denominator: 6, value: 1 / 6 });
      expect(by.partial!.onlineRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
      expect(by.online!.onlineRate.numerator).toBe(3);
      expect(by.online!.onlineRate.denominator).toBe(10);
      expect(by.none!.onlineRate.value).toBeNull();
      expect(by.online!.proceduresWithDossiers).toBe(2);
      // The levels add up to the overall online rate.
      expect(by.online!.onlineRate.numerator).toBe(r.total.indicators.onlineRate.numerator);
      expect(by.online!.onlineRate.denominator + by.none!.received).toBe(
        r.total.indicators.onlineRate.denominator,
      );
    }
    const unit = await get<Ranked>(
      member,
      `/api/dossiers/breakdown?${Q1}&unitId=${units.xaydung}&restate=true&groupBy=procedure`,
    );
    expect(unit.byLevel.find((l) => l.level === 'partial')!.onlineRate).toEqual({
      numerator: 1,
      denominator: 3,
      value: 1 / 3,
    });
    const catalogue = Object.fromEntries(unit.catalogue.map((c) => [c.level, c]));
    expect(catalogue.full).toMatchObject({ procedures: 1 });
    expect(catalogue.partial).toMatchObject({ procedures: 1 });
  });

  it('names whose figures they are: a focal point sees their unit, a committee member the province', async () => {
    const mine = await get<Ranked>(focal, `/api/dossiers/breakdown?${Q1}&groupBy=unit`);
    expect(mine.reader.whole).toBe(false);
    expect(mine.reader.units.map((u) => u.name)).toEqual([expect.stringContaining('Tư pháp')]);
    expect(mine.groups.map((g) => g.key)).toEqual([units.tuphap]);
    const province = await get<Ranked>(member, `/api/dossiers/breakdown?${Q1}&groupBy=total`);
    expect(province.reader).toEqual({ whole: true, units: [] });
  });

  it('restated: an abolished district’s dossiers go to its communes’ successors, as on the pilots page and the plan dashboard (one resolver)', async () => {
    const found = await get<{ items: { id: string; name: string }[] }>(
      admin,
      `/api/units?q=${encodeURIComponent('Diễn Châu')}&asOf=2024-06-01&kind=district`,
    );
    const district = found.items.find((u) => u.name === 'Diễn Châu')!.id;
    const res = await standing.request('POST', '/api/dossiers/batch', {
      dossiers: [d('DC-1', { unitId: district, receivedAt: at('2024-02-05') })],
    });
    expect(res.statusCode, res.body).toBe(200);
    const Q = 'from=2024-02-01&to=2024-02-29';
    const asWas = await get<Breakdown>(member, `/api/dossiers/breakdown?${Q}&groupBy=unit&ended=show`);
    expect(asWas.groups.map((g) => g.key)).toEqual([district]);
    const restated = await get<Breakdown>(member, `/api/dossiers/breakdown?${Q}&groupBy=unit&restate=true`);
    const keys = restated.groups.map((g) => g.key).sort();
    expect(keys).not.toContain(district);
    // The same 8 communes the pilots page and the restated plan dashboard name (units/carriers.service).
    expect(keys).toHaveLength(8);
    expect(restated.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/An Châu/)]),
    );
    const received = restated.groups.reduce((n, g) => n + g.totals.received!, 0);
    expect(received).toBeCloseTo(1, 6);
  });

  it('takes ended=hide|show only', async () => {
    expect((await member.request('GET', `/api/dossiers/breakdown?${Q1}&ended=all`)).statusCode).toBe(400);
  });
});
