import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp, testEngine, type Caller, type TestApp } from '../../test/harness.js';
import type { CockpitOut, HomeOut } from './home.schemas.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let leader: Caller;
let member: Caller;
let tuphap: Caller;
let tuphapLeader: Caller;
let xaydung: Caller;
let units: Map<string, string>;

const home = async (caller: Caller, asOf = '2026-06-01') => {
  const res = await caller.request('GET', `/api/home?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HomeOut;
};

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  admin = await t.login('admin@chidao.demo');
  officer = await t.login('thuongtruc@chidao.demo');
  leader = await t.login('truongban@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  tuphapLeader = await t.login('lanhdao.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  units = new Map(list.items.map((u) => [u.name, u.id]));
});
afterAll(() => t.close());

describe('GET /api/home: the panels each role gets', () => {
  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/home' });
    expect(res.statusCode).toBe(401);
  });

  it.each([
    ['admin@chidao.demo', ['admin', 'review', 'province']],
    ['thuongtruc@chidao.demo', ['review', 'inspections', 'parindex', 'province']],
    // The leader follows no unit in the demo: the province first.
    ['truongban@chidao.demo', ['province', 'following']],
    ['uyvien@chidao.demo', ['following', 'province']],
    ['daumoi.tuphap@chidao.demo', ['owed']],
    ['lanhdao.tuphap@chidao.demo', ['owed']],
    ['daumoi.xaydung@chidao.demo', ['owed']],
    ['thamdinh@chidao.demo', ['parindex']],
    // The inspector: their inspections, the remediation to verify, the overdue recommendations.
    ['kiemtra@chidao.demo', ['inspections']],
    // The hotline officer: the queues to triage and chase, then the answers to approve.
    ['duongdaynong@chidao.demo', ['hotline', 'review']],
  ])('%s lands on %j', async (email, panels) => {
    const body = await home(await t.login(email));
    expect(body.panels).toEqual(panels);
    expect(body.hotline !== null).toBe(panels.includes('hotline'));
    expect(body.province !== null).toBe(panels.includes('province'));
    // The province overview's summary (issue 18) comes with the province panel, leading to /province.
    expect(body.overview !== null).toBe(panels.includes('province'));
    if (body.overview) expect(body.overview.link).toBe('/province');
    expect(body.admin !== null).toBe(panels.includes('admin'));
    expect(body.coming.length > 0).toBe(panels.includes('coming'));
    expect(body.inspections !== null).toBe(panels.includes('inspections'));
  });

  it("a focal point sees their unit by name and nothing of the province's or the administrator's", async () => {
    const body = await home(tuphap);
    expect(body.units).toEqual([{ id: units.get('Sở Tư pháp'), name: 'Sở Tư pháp', roles: ['focal_point'] }]);
    expect(body.province).toBeNull();
    expect(body.overview).toBeNull();
    expect(body.admin).toBeNull();
    expect(body.coming).toEqual([]);
    expect((await home(tuphapLeader)).units[0]).toMatchObject({ name: 'Sở Tư pháp', roles: ['unit_leader'] });
  });

  it('the hotline officer sees what waits to be triaged, reviewed and chased, the oldest first', async () => {
    const { hotline } = await home(await t.login('duongdaynong@chidao.demo'), '2026-12-07');
    // The demo: a web submission of 03/12 and a call of 04/12 wait; Sở Tư pháp's answer awaits approval.
    expect(hotline!.triage).toBeGreaterThanOrEqual(2);
    expect(hotline!.review).toBeGreaterThanOrEqual(1);
    expect(hotline!.toTriage[0]!.receivedOn <= hotline!.toTriage.at(-1)!.receivedOn).toBe(true);
    expect(hotline!.link).toBe('/hotline');
  });

  it('the inspector lands on their inspections, the remediation to verify and the overdue recommendations', async () => {
    const { inspections } = await home(await t.login('kiemtra@chidao.demo'), '2026-12-07');
    expect(inspections).not.toBeNull();
    // The demo: one inspection in progress (with part of its checklist filled), three still to come in December.
    expect(inspections!.current.some((i) => i.status === 'in_progress')).toBe(true);
    expect(inspections!.counts.upcoming).toBeGreaterThanOrEqual(1);
    expect(inspections!.upcoming.every((i) => i.status === 'planned' && i.mine)).toBe(true);
    // The concluded inspection: one remediation awaiting the team's review, one overdue.
    expect(inspections!.counts.toVerify).toBeGreaterThanOrEqual(1);
    expect(inspections!.toVerify[0]!.link).toMatch(/^\/inspections\/[0-9a-f-]+\?recommendation=/);
    expect(inspections!.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(inspections!.overdue.every((r) => r.dueDate < '2026-12-07')).toBe(true);
  });

  it('appraisers land on the PAR Index: the latest campaign and its results, and next year still to prepare', async () => {
    const appraiser = await home(await t.login('thamdinh@chidao.demo'));
    expect(appraiser.panels[0]).toBe('parindex');
    expect(appraiser.coming).toEqual([]);
    const p = appraiser.parindex!;
    expect(p.campaign).toMatchObject({ year: 2025, stage: 'published', councilRole: 'chair' });
    expect(p.results!.top.filter((r) => r.group === 'department').map((r) => r.unitName)).toEqual([
      'Sở Tài chính',
      'Văn phòng UBND tỉnh',
      'Sở Nội vụ',
    ]);
    // The communes' leader stands alone (the demo's levels keep ties off the top).
    expect(p.results!.top.filter((r) => r.group === 'commune').map((r) => r.rank)[1]).toBe(2);
    expect(p.results!.below).toBeGreaterThan(0);
    expect(p.nextYear).toEqual({ year: 2026, frameworks: 0 });
    expect(p.office).toBe(false);
    expect((await home(await t.login('kiemtra@chidao.demo'))).coming).toEqual([]);
  });
});

describe("the province's key figures", () => {
  it('say when the province has no committee plan this year, and give the latest one', async () => {
    // Early 2027, before the committee adopts that year's plan: the demo's latest one is 2026's. Only Date is
    // faked (timers and I/O run as usual); a new session starts on the faked day.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-01T09:00:00+07:00') });
    let province: HomeOut['province'];
    try {
      const later = await t.login('uyvien@chidao.demo');
      ({ province } = await home(later, '2027-02-01'));
    } finally {
      vi.useRealTimers();
    }
    expect(province!.year).toBe(2027);
    expect(province!.plan).toBeNull();
    expect(province!.latestPlan).toMatchObject({
      year: 2026,
      link: `/plans/${province!.latestPlan!.id}/dashboard`,
    });
    // 64 planned tasks; by then some are still overdue.
    expect(province!.latestPlan!.total).toBeGreaterThanOrEqual(64);
    expect(province!.latestPlan!.overdue).toBeGreaterThan(0);
    // Pilot direction: the latest programme year of the demo, with its overdue items.
    expect(province!.pilots).toMatchObject({ year: 2024, link: '/pilots' });
    expect(province!.pilots!.total).toBeGreaterThan(0);
    // Dossiers of the year to date (the test database has none): rates without a denominator.
    expect(province!.dossiers).toMatchObject({
      from: '2027-01-01',
      to: '2027-02-01',
      toProcess: 0,
      link: '/dossiers',
    });
    expect(province!.dossiers!.onTimeRate.value).toBeNull();
  });

  it("count this year's plan: its completion and overdue tasks as its own dashboard reads them, with that page", async () => {
    const plans = (await officer.request('GET', '/api/plans?year=2026')).json() as {
      items: { id: string; ownerKind: string; title: string }[];
    };
    const demo = plans.items.find((p) => p.ownerKind === 'committee')!;
    expect(demo.title).toBe('Kế hoạch công tác CCHC năm 2026 của Ban Chỉ đạo CCHC tỉnh');
    const board = (
      await officer.request('GET', `/api/plans/${demo.id}/dashboard?asOf=2026-09-30`)
    ).json() as {
      overall: Record<'total' | 'verified' | 'overdue' | 'completionPct', { value: number | null }>;
    };
    for (const caller of [leader, officer, admin]) {
      const { province } = await home(caller, '2026-09-30');
      expect(province!.plan).toEqual({
        id: demo.id,
        title: demo.title,
        year: 2026,
        total: board.overall.total.value,
        verified: board.overall.verified.value,
        overdue: board.overall.overdue.value,
        completionPct: board.overall.completionPct.value,
        link: `/plans/${demo.id}/dashboard`,
      });
      expect(province!.latestPlan).toBeNull();
    }
    // The demo's year under way: most of what fell due is verified, some is overdue.
    expect(board.overall.total.value).toBeGreaterThanOrEqual(64);
    expect(board.overall.verified.value).toBeGreaterThan(0);
    expect(board.overall.overdue.value).toBeGreaterThan(0);
  });
});

describe("the administrator's health and set-up list", () => {
  it('shows the database, the worker and what is left to set up, each with where to fix it', async () => {
    const { admin: panel } = await home(admin, '2026-06-01');
    expect(panel!.health.database.engine).toBe(testEngine);
    expect(panel!.health.database.upToDate).toBe(true);
    expect(panel!.health.worker.failed).toBe(0);
    expect(panel!.health.imports.failed).toBe(0);
    expect(panel!.health.mail.configured).toBe(false);
    const ids = panel!.setup.map((s) => s.id);
    expect(ids).toContain('smtp_missing');
    expect(panel!.setup.find((s) => s.id === 'calendar_unconfirmed')).toMatchObject({
      params: { year: 2027 },
      link: '/calendar',
    });
    // The demo has its provincial committee and gives every account a role.
    expect(ids).not.toContain('no_province_committee');
    expect(ids).not.toContain('users_without_grants');
    // Only Sở Tư pháp and Sở Xây dựng have a focal point among the departments and communes.
    const focal = panel!.setup.find((s) => s.id === 'units_without_focal_point')!;
    expect(focal.link).toBe('/users');
    expect(focal.count).toBe(Number(focal.params.total) - 2);
    expect(focal.count).toBeGreaterThan(100);
    // The demo's links to units that ended in 2025 (members following abolished districts, tasks led by
    // merged departments): counted, with the page that proposes each successor (issue 12, point 6).
    const stale = panel!.setup.find((s) => s.id === 'stale_links')!;
    expect(stale).toMatchObject({ severity: 'todo', link: '/units/stale-links' });
    const listed = (await admin.request('GET', '/api/units/stale-links')).json() as { items: unknown[] };
    expect(stale.count).toBe(listed.items.length);
    // The demo's registry has its 2017–2025 history and the departments template's bodies.
    expect(ids).not.toContain('unit_history_missing');
    expect(ids).not.toContain('departments_missing');
  });

  it('counts an account without any role, and a saved calendar of next year is no longer to confirm', async () => {
    const created = await admin.request('POST', '/api/users', {
      email: 'chua.co.vai.tro@chidao.demo',
      fullName: 'Người Chưa Có Vai Trò',
      password: 'Mat-khau-rat-dai-2026!',
    });
    expect(created.statusCode, created.body).toBe(201);
    const year = (await admin.request('GET', '/api/calendar/years/2027')).json() as {
      version: number;
      adjustments: unknown;
    };
    const saved = await admin.request('PUT', '/api/calendar/years/2027', {
      version: year.version,
      adjustments: { daysOff: [], workingSaturdays: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { admin: panel } = await home(admin, '2026-06-01');
    expect(panel!.setup.find((s) => s.id === 'users_without_grants')).toMatchObject({
      count: 1,
      link: '/users',
    });
    expect(panel!.setup.map((s) => s.id)).not.toContain('calendar_unconfirmed');
  });
});

describe('GET /api/home/cockpit: the member cockpit', () => {
  let planId: string;
  const addTask = async (title: string, lead: string, dueDate: string) => {
    const res = await officer.request('POST', `/api/plans/${planId}/tasks`, {
      title,
      reformArea: 'procedures',
      leadUnitId: units.get(lead),
      dueDate,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  beforeAll(async () => {
    const plans = (await officer.request('GET', '/api/plans?year=2026')).json() as {
      items: { id: string; ownerKind: string }[];
    };
    planId = plans.items.find((p) => p.ownerKind === 'committee')!.id;
  });

  it("shows the overdue task of a unit the member follows, first; not other units' tasks", async () => {
    const late = await addTask('Nhiệm vụ quá hạn của Sở Tư pháp (2)', 'Sở Tư pháp', '2026-03-31');
    const elsewhere = await addTask('Nhiệm vụ của Sở Y tế (2)', 'Sở Y tế', '2026-03-31');
    const res = (await member.request('GET', '/api/home/cockpit?asOf=2026-06-01')).json() as CockpitOut;
    expect(res.units.map((u) => u.unitName).sort()).toEqual(['Sở Tư pháp', 'Sở Xây dựng']);
    expect(res.tasks[0]!.timing.state).toBe('overdue');
    expect(res.tasks.map((x) => x.id)).toContain(late.id);
    expect(res.tasks.map((x) => x.id)).not.toContain(elsewhere.id);
    expect(res.units.find((u) => u.unitName === 'Sở Tư pháp')!.overdue).toContain(late.id);
  });

  it('also lists the followed units’ pilot items, their latest published progress, and the next report owed', async () => {
    const res = await member.request('GET', '/api/home/cockpit?asOf=2026-06-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CockpitOut;
    // 581/BNV-CCHC: the 6-month report is due on the 20th of the period's last month.
    expect(body.nextReport).toMatchObject({ due: '2026-06-20', label: { vi: '6 tháng đầu năm 2026' } });
    // Sở Tư pháp was a pilot unit in 2024.
    expect(body.pilotItems.length).toBeGreaterThan(0);
    expect(body.pilotItems.every((i) => i.unitName === 'Sở Tư pháp' || i.unitName === 'Sở Xây dựng')).toBe(
      true,
    );
    // Citizens' feedback about the followed units: none received by June; in December Sở Xây dựng's
    // building-permit cases of the demo hotline, without the submitters' names.
    expect(body.feedback).toEqual({ available: true, items: [] });
    const december = (await member.request('GET', '/api/home/cockpit?asOf=2026-12-07')).json() as CockpitOut;
    expect(december.feedback.items.some((f) => f.unitName === 'Sở Xây dựng')).toBe(true);
    expect(JSON.stringify(december.feedback)).not.toContain('Lê Minh Tuấn');
    const task = await addTask('Nhiệm vụ có cập nhật tiến độ', 'Sở Xây dựng', '2026-10-31');
    const progress = await xaydung.request('POST', `/api/tasks/${task.id}/progress`, {
      note: 'Đã cấp 120 giấy phép trực tuyến',
    });
    expect(progress.statusCode, progress.body).toBe(201);
    const again = (await member.request('GET', '/api/home/cockpit?asOf=2026-06-01')).json() as CockpitOut;
    expect(again.recentProgress[0]).toMatchObject({
      note: 'Đã cấp 120 giấy phép trực tuyến',
      unitName: 'Sở Xây dựng',
      task: { title: 'Nhiệm vụ có cập nhật tiến độ', planId },
    });
  });

  it('the old address of the plans module is gone', async () => {
    expect((await member.request('GET', '/api/me/cockpit')).statusCode).toBe(404);
  });

  it('is empty, with the next report, for someone who follows no unit', async () => {
    const body = (await leader.request('GET', '/api/home/cockpit?asOf=2026-06-01')).json() as CockpitOut;
    expect(body).toMatchObject({ units: [], tasks: [], pilotItems: [], recentProgress: [] });
    expect(body.nextReport!.due).toBe('2026-06-20');
  });
});
