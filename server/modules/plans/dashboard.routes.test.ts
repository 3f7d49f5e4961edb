import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { formatPct } from '../tasks/index.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { insertPlanWithTasks, REFORM_AREAS, type SeedTask } from './plans.service.js';

type Metric = { value: number; taskIds: string[] };
type Pct = {
  value: number | null;
  numerator: number;
  denominator: number;
  numeratorTaskIds: string[];
  taskIds: string[];
};
type Kpis = Record<
  | 'total'
  | 'notStarted'
  | 'inProgress'
  | 'reportedDone'
  | 'returned'
  | 'verified'
  | 'cancelled'
  | 'verifiedOnTime'
  | 'overdue',
  Metric
> & { completionPct: Pct };
type UnitGroup = {
  key: string;
  name: string;
  inForce: boolean;
  restatedFrom: { unitId: string; name: string; weight: number }[];
  shares: Record<string, number>;
  kpis: Kpis;
};
type Dashboard = {
  asOf: string;
  restate: boolean;
  method: { kind: string; unweightedTaskIds: string[] };
  committee: { name: string } | null;
  overall: Kpis;
  byArea: { key: string; kpis: Kpis }[] | null;
  byUnit: UnitGroup[] | null;
  byMember:
    { key: string; name: string; userId: string | null; directedTaskIds: string[]; kpis: Kpis }[] | null;
  trend:
    | {
        month: string;
        on: string;
        verified: Metric;
        verifiedOnTime: Metric;
        overdue: Metric;
        completionPct: Pct;
      }[]
    | null;
};
type Drill = {
  asOf: string;
  count: number;
  items: {
    id: string;
    title: string;
    leadUnitName: string;
    status: string | null;
    dueDate: string | null;
    timing: { state: string } | null;
    restatedUnits: { name: string; weight: number }[];
  }[];
};

let t: TestApp;
let officer: Caller;
let focal: Caller;
let admin: Caller;
let planId: string;
let ids: string[];
const unitIds = new Map<string, string>();

const sorted = (list: string[]) => [...list].sort();
const dashboard = async (query = '') => {
  const res = await officer.request('GET', `/api/plans/${planId}/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};
const drill = async (query: string, caller = officer) => {
  const res = await caller.request('GET', `/api/plans/${planId}/dashboard/tasks?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Drill;
};

async function establish(code: string, name: string, provinceId: string): Promise<string> {
  const res = await admin.request('POST', '/api/lineage/events', {
    kind: 'establish',
    effectiveDate: '2020-01-01',
    to: [{ create: { code, name, fullName: name, kind: 'district', parentId: provinceId } }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { created: string[] }).created[0]!;
}

/**
 * A 2024 plan of 56 tasks, 31 of them verified (the seeds' example: 55.36%): 20 verified by May, 11 in
 * September; 10 in progress, 5 returned, 5 reported in November, 5 not started. Lead units cycle over
 * Sở Tư pháp, Sở Tài nguyên và Môi trường, Sở Nông nghiệp và PTNT (both merged on 1/3/2025), Sở Y tế
 * and three test districts (A and B merged on 1/7/2025, X split 60/40 the same day).
 */
beforeAll(async () => {
  t = await testApp();
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  const boss = await t.login('truongban@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2024-06-01&limit=5000')).json() as {
    items: { id: string; name: string; kind: string }[];
  };
  for (const u of list.items) if (!unitIds.has(u.name)) unitIds.set(u.name, u.id);
  const province = list.items.find((u) => u.kind === 'province' && u.name === 'Nghệ An')!.id;
  const a = await establish('T-HA', 'Huyện A thử nghiệm', province);
  const b = await establish('T-HB', 'Huyện B thử nghiệm', province);
  const x = await establish('T-HX', 'Huyện X thử nghiệm', province);
  const merged = await admin.request('POST', '/api/lineage/events', {
    kind: 'merge',
    effectiveDate: '2025-07-01',
    legalBasisText: 'Nghị quyết thử nghiệm về sắp xếp đơn vị hành chính',
    from: [a, b],
    to: [
      {
        create: {
          code: 'T-HAB',
          name: 'Huyện AB thử nghiệm',
          fullName: 'Huyện AB thử nghiệm',
          kind: 'district',
          parentId: province,
        },
      },
    ],
  });
  expect(merged.statusCode, merged.body).toBe(201);
  const split = await admin.request('POST', '/api/lineage/events', {
    kind: 'split',
    effectiveDate: '2025-07-01',
    legalBasisText: 'Nghị quyết thử nghiệm về sắp xếp đơn vị hành chính',
    from: [x],
    to: ['X1', 'X2'].map((n, i) => ({
      create: {
        code: `T-H${n}`,
        name: `Huyện ${n} thử nghiệm`,
        fullName: `Huyện ${n} thử nghiệm`,
        kind: 'district',
        parentId: province,
      },
      weight: i === 0 ? 0.6 : 0.4,
    })),
  });
  expect(split.statusCode, split.body).toBe(201);
  const leads = [
    unitIds.get('Sở Tư pháp')!,
    unitIds.get('Sở Tài nguyên và Môi trường')!,
    unitIds.get('Sở Nông nghiệp và Phát triển nông thôn')!,
    unitIds.get('Sở Y tế')!,
    a,
    b,
    x,
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  const tasks: SeedTask[] = Array.from({ length: 56 }, (_, i) => {
    const base = {
      title: `Nhiệm vụ thử nghiệm số ${pad(i + 1)}`,
      reformArea: REFORM_AREAS[i % REFORM_AREAS.length]!,
      leadUnitId: leads[i % leads.length]!,
      startDate: '2024-01-15',
      dueDate: `2024-${pad(2 + (i % 10))}-28`,
      directingMemberId: i === 3 ? boss.userId : null,
    };
    if (i < 20) {
      const on = `2024-${pad(1 + (i % 5))}-20`;
      return { ...base, status: 'verified', reportedOn: on, verifiedOn: on };
    }
    if (i < 31) return { ...base, status: 'verified', reportedOn: '2024-09-10', verifiedOn: '2024-09-16' };
    if (i < 41) return { ...base, status: 'in_progress' };
    if (i < 46)
      return {
        ...base,
        status: 'returned',
        reportedOn: '2024-04-10',
        lastReason: 'Thiếu tài liệu kiểm chứng',
      };
    if (i < 51) return { ...base, status: 'reported_done', reportedOn: '2024-11-05' };
    return { ...base, status: 'not_started' };
  });
  const ctx = systemContext(t.database.db);
  planId = await t.database.db.transaction((tx) =>
    insertPlanWithTasks(
      { ...ctx, db: tx },
      {
        year: 2024,
        ownerUnitId: province,
        title: 'Kế hoạch CCHC năm 2024 (thử nghiệm bảng theo dõi)',
        method: 'count',
      },
      tasks,
    ),
  );
  const all = (await officer.request('GET', `/api/plans/${planId}/tasks`)).json() as {
    items: { id: string; title: string }[];
  };
  ids = all.items.sort((x1, x2) => x1.title.localeCompare(x2.title)).map((x1) => x1.id);
  expect(ids).toHaveLength(56);
}, 120_000);
afterAll(() => t.close());

describe('completion by the declared method, every number traceable', () => {
  it('31 of 56 verified → 55.36%, and the drill-down returns exactly those 31 tasks', async () => {
    const d = await dashboard();
    expect(d.method).toEqual({ kind: 'count', unweightedTaskIds: [] });
    expect(d.overall.total.value).toBe(56);
    expect(d.overall.verified.value).toBe(31);
    expect(d.overall.completionPct).toMatchObject({ numerator: 31, denominator: 56 });
    expect(formatPct(d.overall.completionPct.value, 'vi')).toBe('55,36%');
    expect(formatPct(d.overall.completionPct.value, 'en')).toBe('55.36%');
    const verified = ids.slice(0, 31);
    expect(sorted(d.overall.verified.taskIds)).toEqual(sorted(verified));
    const behind = await drill('metric=verified');
    expect(behind.count).toBe(31);
    expect(sorted(behind.items.map((i) => i.id))).toEqual(sorted(verified));
    expect(behind.items.every((i) => i.status === 'verified')).toBe(true);
    const numerator = await drill('dimension=overall&metric=completion');
    expect(sorted(numerator.items.map((i) => i.id))).toEqual(sorted(verified));
  });

  it('the status counts partition the tasks; overdue and on-time come with their tasks', async () => {
    const k = (await dashboard()).overall;
    expect(
      k.notStarted.value + k.inProgress.value + k.reportedDone.value + k.returned.value + k.verified.value,
    ).toBe(56);
    expect([k.inProgress.value, k.returned.value, k.reportedDone.value, k.notStarted.value]).toEqual([
      10, 5, 5, 5,
    ]);
    // All due dates are in 2024: every open task is overdue today, and so are the late reports.
    expect(k.overdue.value).toBe(k.overdue.taskIds.length);
    const overdue = await drill('metric=overdue');
    expect(sorted(overdue.items.map((i) => i.id))).toEqual(sorted(k.overdue.taskIds));
    expect(overdue.items.every((i) => i.timing?.state === 'overdue')).toBe(true);
    const onTime = await drill('metric=verifiedOnTime');
    expect(sorted(onTime.items.map((i) => i.id))).toEqual(sorted(k.verifiedOnTime.taskIds));
  });

  it('explicit ids return just those tasks of the plan (others are ignored)', async () => {
    const r = await drill(`ids=${ids[0]},${ids[40]},00000000-0000-4000-8000-000000000000`);
    expect(sorted(r.items.map((i) => i.id))).toEqual(sorted([ids[0]!, ids[40]!]));
  });

  it('the weighted method uses the weights and lists the tasks that have none', async () => {
    const ctx = systemContext(t.database.db);
    const lead = unitIds.get('Sở Tư pháp')!;
    const weighted = await t.database.db.transaction((tx) =>
      insertPlanWithTasks(
        { ...ctx, db: tx },
        {
          year: 2025,
          ownerUnitId: unitIds.get('Nghệ An')!,
          title: 'Kế hoạch có trọng số',
          method: 'weighted',
        },
        [
          {
            title: 'Nặng',
            reformArea: 'procedures',
            leadUnitId: lead,
            weight: 3,
            status: 'verified',
            reportedOn: '2025-03-01',
            verifiedOn: '2025-03-02',
            dueDate: '2025-06-30',
          },
          {
            title: 'Nhẹ',
            reformArea: 'procedures',
            leadUnitId: lead,
            weight: 1,
            status: 'in_progress',
            dueDate: '2025-06-30',
            startDate: '2025-01-15',
          },
          {
            title: 'Không trọng số',
            reformArea: 'procedures',
            leadUnitId: lead,
            status: 'in_progress',
            dueDate: '2025-06-30',
            startDate: '2025-01-15',
          },
        ],
      ),
    );
    const res = await officer.request('GET', `/api/plans/${weighted}/dashboard?asOf=2025-12-31`);
    const d = res.json() as Dashboard;
    expect(d.method.kind).toBe('weighted');
    expect(d.method.unweightedTaskIds).toHaveLength(1);
    expect(d.overall.completionPct).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
  });
});

describe('as of a past date: rebuilt from the status events', () => {
  it('before the September verifications, fewer are verified and the drill-down shows them as they were', async () => {
    const june = await dashboard('?asOf=2024-06-30');
    expect(june.asOf).toBe('2024-06-30');
    expect(june.overall.verified.value).toBe(20);
    expect(sorted(june.overall.verified.taskIds)).toEqual(sorted(ids.slice(0, 20)));
    expect(june.overall.reportedDone.value).toBe(0);
    const sept = await dashboard('?asOf=2024-09-12');
    expect(sept.overall.verified.value).toBe(20);
    expect(sorted(sept.overall.reportedDone.taskIds)).toEqual(sorted(ids.slice(20, 31)));
    const behind = await drill('asOf=2024-09-12&metric=reportedDone');
    expect(behind.items.map((i) => i.status)).toEqual(Array(11).fill('reported_done'));
    const later = await drill('asOf=2024-09-16&metric=verified');
    expect(later.count).toBe(31);
  });

  it('tasks count only from when they existed (start date 15/1/2024)', async () => {
    const d = await dashboard('?asOf=2024-01-14');
    expect(d.overall.total.value).toBe(0);
    expect(d.overall.completionPct.value).toBeNull();
  });

  it('the returned tasks were reported done on 10/4 and returned the same day', async () => {
    const d = await dashboard('?asOf=2024-04-10');
    expect(sorted(d.overall.returned.taskIds)).toEqual(sorted(ids.slice(41, 46)));
  });

  it('the trend: cumulative verified, on time and overdue at each month end of the plan year', async () => {
    const d = await dashboard('?asOf=2026-06-01');
    const trend = d.trend!;
    expect(trend.map((p) => p.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    );
    const verified = trend.map((p) => p.verified.value);
    expect(verified).toEqual([4, 8, 12, 16, 20, 20, 20, 20, 31, 31, 31, 31]);
    expect(trend[0]!.on).toBe('2024-01-31');
    // At the end of January nothing is due yet; by year end every open task is overdue.
    expect(trend[0]!.overdue.value).toBe(0);
    expect(trend[11]!.overdue.value).toBeGreaterThan(trend[1]!.overdue.value);
    for (const p of trend) expect(p.overdue.value).toBe(p.overdue.taskIds.length);
    const march = await drill('asOf=2026-06-01&dimension=trend&group=2024-03&metric=verified');
    expect(sorted(march.items.map((i) => i.id))).toEqual(sorted(trend[2]!.verified.taskIds));
    const marchOverdue = await drill('asOf=2026-06-01&dimension=trend&group=2024-03&metric=overdue');
    expect(marchOverdue.count).toBe(trend[2]!.overdue.value);
  });

  it('a trend of the current year stops at the as-of month', async () => {
    const d = await dashboard('?asOf=2024-04-15&groupBy=trend');
    expect(d.trend!.map((p) => p.on)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-15']);
    expect(d.byArea).toBeNull();
    expect(d.byUnit).toBeNull();
  });
});

describe('by reform area, lead unit and committee member', () => {
  it('areas cover every task once', async () => {
    const d = await dashboard();
    expect(d.byArea!.map((a) => a.key)).toEqual([...REFORM_AREAS]);
    expect(d.byArea!.reduce((s, a) => s + a.kpis.total.value, 0)).toBe(56);
    const area = d.byArea!.find((a) => a.key === 'procedures')!;
    const behind = await drill('dimension=area&group=procedures&metric=total');
    expect(sorted(behind.items.map((i) => i.id))).toEqual(sorted(area.kpis.total.taskIds));
  });

  it('as of 2024, lead units are shown as they were (the merged departments and districts)', async () => {
    const d = await dashboard('?asOf=2024-12-31');
    const names = d.byUnit!.map((u) => u.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Sở Tài nguyên và Môi trường',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Huyện A thử nghiệm',
        'Huyện B thử nghiệm',
        'Huyện X thử nghiệm',
      ]),
    );
    expect(d.byUnit!.every((u) => u.inForce && u.restatedFrom.length === 0)).toBe(true);
    expect(d.byUnit!.reduce((s, u) => s + u.kpis.total.value, 0)).toBe(56);
  });

  it("restated: a merged district's tasks go to its successor, a split one's to both with shares", async () => {
    const asOf = await dashboard('?asOf=2024-12-31');
    const d = await dashboard('?asOf=2024-12-31&restate=true');
    expect(d.restate).toBe(true);
    const byName = new Map(d.byUnit!.map((u) => [u.name, u]));
    expect(byName.has('Huyện A thử nghiệm')).toBe(false);
    expect(byName.has('Huyện B thử nghiệm')).toBe(false);
    const ab = byName.get('Huyện AB thử nghiệm')!;
    const a = asOf.byUnit!.find((u) => u.name === 'Huyện A thử nghiệm')!;
    const b = asOf.byUnit!.find((u) => u.name === 'Huyện B thử nghiệm')!;
    expect(sorted(ab.kpis.total.taskIds)).toEqual(sorted([...a.kpis.total.taskIds, ...b.kpis.total.taskIds]));
    expect(ab.restatedFrom.map((f) => f.name)).toEqual(['Huyện A thử nghiệm', 'Huyện B thử nghiệm']);
    expect(ab.inForce).toBe(true);
    const x = asOf.byUnit!.find((u) => u.name === 'Huyện X thử nghiệm')!;
    const x1 = byName.get('Huyện X1 thử nghiệm')!;
    const x2 = byName.get('Huyện X2 thử nghiệm')!;
    expect(sorted(x1.kpis.total.taskIds)).toEqual(sorted(x.kpis.total.taskIds));
    expect(Object.values(x1.shares)).toEqual(x.kpis.total.taskIds.map(() => 0.6));
    expect(Object.values(x2.shares)).toEqual(x.kpis.total.taskIds.map(() => 0.4));
    // The 2025 department merger (Decree 45/2025/NĐ-CP) restates too.
    const nnmt = byName.get('Sở Nông nghiệp và Môi trường')!;
    expect(nnmt.restatedFrom.map((f) => f.name).sort()).toEqual([
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Tài nguyên và Môi trường',
    ]);
    const behind = await drill(`asOf=2024-12-31&restate=true&dimension=unit&group=${ab.key}&metric=total`);
    expect(sorted(behind.items.map((i) => i.id))).toEqual(sorted(ab.kpis.total.taskIds));
    expect(behind.items[0]!.restatedUnits.map((u) => u.name)).toEqual(['Huyện AB thử nghiệm']);
    // Totals still cover every task (split tasks count in each successor).
    expect(d.overall.total.value).toBe(56);
  });

  it('restated: one lineage look-up for all the lead units since ended, not one per unit', async () => {
    const { $client: client } = t.database.db as unknown as {
      $client: { query: (...args: unknown[]) => unknown };
    };
    const statements = async (query: string) => {
      await dashboard(query);
      const original = client.query.bind(client);
      let n = 0;
      client.query = (...args: unknown[]) => {
        // The session's idle clock is written at most once a second, whenever the request lands: not the
        // dashboard's work. (PGlite gets the SQL text, node-postgres a query config carrying it.)
        const sql = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: unknown }).text);
        if (!/update "sessions"/i.test(sql)) n++;
        return original(...args);
      };
      try {
        await dashboard(query);
      } finally {
        client.query = original;
      }
      return n;
    };
    const asOf = await statements('?asOf=2024-12-31');
    const restated = await statements('?asOf=2024-12-31&restate=true');
    // Five lead units have ended since (districts A, B and X, two departments): restated, the units of
    // today are read in one statement and their lineage in two, instead of the names as of the day in one.
    const ended = (await dashboard('?asOf=2024-12-31')).byUnit!.filter((u) => u.name.match(/^Huyện [ABX] /));
    expect(ended).toHaveLength(3);
    expect(restated).toBeLessThanOrEqual(asOf + 2);
  });

  it('members: the tasks they direct and those of the units they follow, as of the date', async () => {
    const early = await dashboard('?asOf=2024-03-31&groupBy=member');
    expect(early.committee?.name).toBe('Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An');
    const byName = (d: Dashboard, n: string) => d.byMember!.find((m) => m.name === n);
    // Sở Y tế was followed by Đinh Văn Dũng until 14/5/2024, then by Võ Văn Giang.
    const yte = ids.filter((_, i) => i % 7 === 3);
    expect(sorted(byName(early, 'Đinh Văn Dũng')!.kpis.total.taskIds)).toEqual(sorted(yte));
    expect(byName(early, 'Võ Văn Giang')).toBeUndefined();
    const late = await dashboard('?asOf=2024-12-31&groupBy=member');
    expect(sorted(byName(late, 'Võ Văn Giang')!.kpis.total.taskIds)).toEqual(sorted(yte));
    expect(byName(late, 'Đinh Văn Dũng')).toBeUndefined();
    // The committee head directs task no. 4 and follows no unit.
    const head = byName(late, 'Trần Văn Chỉ Đạo')!;
    expect(head.directedTaskIds).toEqual([ids[3]]);
    expect(head.kpis.total.taskIds).toEqual([ids[3]]);
    // Phạm Thị Ủy Viên follows Sở Tư pháp (and Sở Xây dựng, which leads nothing here).
    const uyvien = byName(late, 'Phạm Thị Ủy Viên')!;
    expect(sorted(uyvien.kpis.total.taskIds)).toEqual(sorted(ids.filter((_, i) => i % 7 === 0)));
    const behind = await drill(`asOf=2024-12-31&dimension=member&group=${uyvien.key}&metric=verified`);
    expect(sorted(behind.items.map((i) => i.id))).toEqual(sorted(uyvien.kpis.verified.taskIds));
  });
});

describe('pilot units (chỉ đạo điểm) of the plan’s committee and year, through the pilots module', () => {
  it('are only computed on request, and each pilot number opens its items', async () => {
    expect(((await dashboard()) as unknown as { pilots: unknown }).pilots).toBeNull();
    const d = (await dashboard('?asOf=2024-12-31&groupBy=pilot')) as unknown as {
      committee: { name: string } | null;
      pilots: {
        programmeId: string;
        year: number;
        overall: Kpis;
        units: { pilotUnitId: string; unitName: string; kpis: Kpis }[];
      }[];
    };
    expect(d.committee?.name).toBe('Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An');
    expect(d.pilots.length).toBeGreaterThan(0);
    const p = d.pilots[0]!;
    expect(p.year).toBe(2024);
    expect(p.units.reduce((n, u) => n + u.kpis.total.value, 0)).toBe(p.overall.total.value);
    const all = await drill(`asOf=2024-12-31&dimension=pilot&group=${p.programmeId}&metric=total`);
    expect(sorted(all.items.map((i) => i.id))).toEqual(sorted(p.overall.total.taskIds));
    const u = p.units.find((x) => x.kpis.total.value > 0)!;
    const one = await drill(
      `asOf=2024-12-31&dimension=pilot&group=${p.programmeId}:${u.pilotUnitId}&metric=total`,
    );
    expect(sorted(one.items.map((i) => i.id))).toEqual(sorted(u.kpis.total.taskIds));
    expect(one.items.every((i) => i.leadUnitName === u.unitName)).toBe(true);
  });
});

describe('access and inputs', () => {
  it('whoever can read the plan can read its dashboard (a unit focal point too)', async () => {
    const res = await focal.request('GET', `/api/plans/${planId}/dashboard?groupBy=area`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await drill('metric=total', focal)).count).toBe(56);
  });

  it('refuses the anonymous, unknown plans, future dates and unknown groups', async () => {
    const anon = await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/dashboard` });
    expect(anon.statusCode).toBe(401);
    const missing = await officer.request('GET', '/api/plans/00000000-0000-4000-8000-000000000000/dashboard');
    expect(missing.statusCode).toBe(404);
    const future = await officer.request('GET', `/api/plans/${planId}/dashboard?asOf=2999-01-01`);
    expect(future.statusCode).toBe(400);
    expect((future.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe(
      'asOf',
    );
    const bad = await officer.request('GET', `/api/plans/${planId}/dashboard?groupBy=area,colour`);
    expect(bad.statusCode).toBe(400);
    const group = await officer.request(
      'GET',
      `/api/plans/${planId}/dashboard/tasks?dimension=area&group=nowhere&metric=total`,
    );
    expect(group.statusCode).toBe(400);
    const metric = await officer.request(
      'GET',
      `/api/plans/${planId}/dashboard/tasks?dimension=trend&group=2024-03&metric=returned`,
    );
    expect(metric.statusCode).toBe(400);
  });
});
