import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Task = {
  id: string;
  version: number;
  status: string;
  allowedActions: string[];
  links: {
    dependsOn: string[];
    dependedOnBy: string[];
    blockedBy: string[];
    subtasks: { finished: number; total: number };
  };
};
type Event = { id: string; action: string; state: string | null; canReview: boolean; note: string | null };

let t: TestApp;
let officer: Caller;
let tuphap: Caller;
let leader: Caller;
let xaydung: Caller;
let member: Caller;
let units: Map<string, string>;
let planId: string;
let otherPlanId: string;

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  units = new Map(list.items.map((u) => [u.name, u.id]));
  // Evidence is optional in these plans, so that a done report is refused only for the rule under test.
  const mk = async (title: string) => {
    const res = await officer.request('POST', '/api/plans', {
      year: 2026,
      ownerUnitId: units.get('Nghệ An'),
      title,
      evidenceOptional: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  planId = await mk('Kế hoạch CCHC năm 2026');
  otherPlanId = await mk('Kế hoạch kiểm tra CCHC năm 2026');
});
afterAll(() => t.close());

const addTask = async (title: string, extra: Record<string, unknown> = {}, plan = planId) => {
  const res = await officer.request('POST', `/api/plans/${plan}/tasks`, {
    title,
    reformArea: 'procedures',
    leadUnitId: units.get('Sở Tư pháp'),
    dueDate: '2026-12-15',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Task;
};
const tasks = async () =>
  ((await officer.request('GET', `/api/plans/${planId}/tasks`)).json() as { items: Task[] }).items;
const find = async (id: string) => (await tasks()).find((x) => x.id === id)!;
const report = (caller: Caller, task: Task) =>
  caller.request('POST', `/api/tasks/${task.id}/actions`, {
    action: 'report_done',
    version: task.version,
    output: 'Đã ban hành quyết định',
  });

describe('dependencies between tasks (finish-to-start)', () => {
  it('a task cannot be reported done before its prerequisite; afterwards it can', async () => {
    const first = await addTask('Rà soát TTHC lĩnh vực hộ tịch');
    const second = await addTask('Công bố danh mục TTHC hộ tịch đã đơn giản hóa');
    const link = await officer.request('POST', `/api/tasks/${second.id}/dependencies`, {
      dependsOnTaskId: first.id,
    });
    // The answer is the task as it now stands: waiting for its prerequisite.
    expect(link.statusCode, link.body).toBe(200);
    expect((link.json() as Task).links).toMatchObject({ dependsOn: [first.id], blockedBy: [first.id] });
    let s = await find(second.id);
    expect(s.links.dependsOn).toEqual([first.id]);
    expect(s.links.blockedBy).toEqual([first.id]);
    expect((await find(first.id)).links.dependedOnBy).toEqual([second.id]);

    const blocked = await report(tuphap, s);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({
      key: 'tasks.blocked_by_prerequisite',
      params: { count: 1, taskIds: first.id },
    });
    const f = await find(first.id);
    expect((await report(tuphap, f)).statusCode).toBe(200);
    s = await find(second.id);
    expect(s.links.blockedBy).toEqual([]);
    expect((await report(tuphap, s)).statusCode).toBe(200);
  });

  it('refuses a circle, a duplicate and a link to another plan, saying why', async () => {
    const a = await addTask('Nhiệm vụ A');
    const b = await addTask('Nhiệm vụ B');
    const c = await addTask('Nhiệm vụ C');
    expect(
      (await officer.request('POST', `/api/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id }))
        .statusCode,
    ).toBe(200);
    expect(
      (await officer.request('POST', `/api/tasks/${c.id}/dependencies`, { dependsOnTaskId: b.id }))
        .statusCode,
    ).toBe(200);
    const circle = await officer.request('POST', `/api/tasks/${a.id}/dependencies`, {
      dependsOnTaskId: c.id,
    });
    expect(circle.statusCode).toBe(409);
    expect(circle.json().error.key).toBe('tasks.dependency_cycle');
    const twice = await officer.request('POST', `/api/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id });
    expect(twice.json().error.key).toBe('tasks.dependency_exists');
    const elsewhere = await addTask('Nhiệm vụ của kế hoạch khác', {}, otherPlanId);
    const cross = await officer.request('POST', `/api/tasks/${a.id}/dependencies`, {
      dependsOnTaskId: elsewhere.id,
    });
    expect(cross.json().error.key).toBe('tasks.dependency_other_plan');
    const removed = await officer.request('DELETE', `/api/tasks/${c.id}/dependencies/${b.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await find(c.id)).links.dependsOn).toEqual([]);
  });

  it('only the plan’s managers link tasks', async () => {
    const a = await addTask('Nhiệm vụ D');
    const b = await addTask('Nhiệm vụ E');
    for (const caller of [tuphap, leader, member])
      expect(
        (await caller.request('POST', `/api/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id }))
          .statusCode,
      ).toBe(403);
  });
});

describe('sub-tasks', () => {
  it('a parent cannot be reported done while a sub-task is owed; the roll-up counts them', async () => {
    const parent = await addTask('Số hóa hồ sơ TTHC của Sở');
    const child = await addTask('Số hóa hồ sơ lĩnh vực công chứng', { parentTaskId: parent.id });
    expect((await find(parent.id)).links.subtasks).toEqual({ finished: 0, total: 1 });
    const refused = await report(tuphap, await find(parent.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.key).toBe('tasks.subtasks_open');
    expect((await report(tuphap, await find(child.id))).statusCode).toBe(200);
    expect((await find(parent.id)).links.subtasks).toEqual({ finished: 1, total: 1 });
    expect((await report(tuphap, await find(parent.id))).statusCode).toBe(200);
  });

  it('a sub-task’s parent must be in the same plan, and a task cannot be put under its own sub-task', async () => {
    const elsewhere = await addTask('Nhiệm vụ kế hoạch khác', {}, otherPlanId);
    const res = await officer.request('POST', `/api/plans/${planId}/tasks`, {
      title: 'Nhiệm vụ con sai kế hoạch',
      reformArea: 'procedures',
      leadUnitId: units.get('Sở Tư pháp'),
      parentTaskId: elsewhere.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.key).toBe('tasks.parent_other_plan');
    const top = await addTask('Nhiệm vụ cấp trên');
    const sub = await addTask('Nhiệm vụ cấp dưới', { parentTaskId: top.id });
    const loop = await officer.request('PATCH', `/api/tasks/${top.id}`, {
      parentTaskId: sub.id,
      version: top.version,
    });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().error.key).toBe('tasks.dependency_cycle');
  });

  it('a manager edits a task’s fields; a stale version is refused', async () => {
    const a = await addTask('Tiêu đề cũ');
    const ok = await officer.request('PATCH', `/api/tasks/${a.id}`, {
      title: 'Tiêu đề mới',
      version: a.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().title).toBe('Tiêu đề mới');
    const stale = await officer.request('PATCH', `/api/tasks/${a.id}`, {
      title: 'Lần nữa',
      version: a.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await tuphap.request('PATCH', `/api/tasks/${a.id}`, { title: 'Đơn vị sửa', version: a.version + 1 }))
        .statusCode,
    ).toBe(403);
  });
});

describe('the unit leader approves staff progress updates before the province sees them', () => {
  it('only the unit’s leader switches approval on', async () => {
    const unitId = units.get('Sở Tư pháp')!;
    expect(
      (
        await tuphap.request('PUT', `/api/units/${unitId}/progress-approval`, {
          requireApproval: true,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await officer.request('PUT', `/api/units/${unitId}/progress-approval`, {
          requireApproval: true,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    const on = await leader.request('PUT', `/api/units/${unitId}/progress-approval`, {
      requireApproval: true,
      version: 0,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ requireApproval: true, version: 1, abilities: { edit: true } });
    const stale = await leader.request('PUT', `/api/units/${unitId}/progress-approval`, {
      requireApproval: false,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('a focal point’s update waits; the province does not see it until the leader approves', async () => {
    const a = await addTask('Cập nhật tiến độ chờ duyệt');
    const posted = await tuphap.request('POST', `/api/tasks/${a.id}/progress`, {
      note: 'Đã hoàn thành 60%',
      percent: 60,
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json().state).toBe('pending');
    const seenBy = async (c: Caller) =>
      ((await c.request('GET', `/api/tasks/${a.id}/events`)).json() as { items: Event[] }).items.filter(
        (e) => e.action === 'progress',
      );
    expect(await seenBy(officer)).toEqual([]);
    expect(await seenBy(member)).toEqual([]);
    const unitView = await seenBy(leader);
    expect(unitView).toHaveLength(1);
    expect(unitView[0]).toMatchObject({ state: 'pending', canReview: true });
    expect((await seenBy(tuphap))[0]).toMatchObject({ state: 'pending', canReview: false });

    const byStaff = await tuphap.request('POST', `/api/tasks/${a.id}/progress/${unitView[0]!.id}/review`, {
      action: 'approve_progress',
    });
    expect(byStaff.statusCode).toBe(403);
    const approved = await leader.request('POST', `/api/tasks/${a.id}/progress/${unitView[0]!.id}/review`, {
      action: 'approve_progress',
    });
    expect(approved.statusCode, approved.body).toBe(201);
    expect((await seenBy(officer))[0]).toMatchObject({ state: 'published', note: 'Đã hoàn thành 60%' });
    const again = await leader.request('POST', `/api/tasks/${a.id}/progress/${unitView[0]!.id}/review`, {
      action: 'reject_progress',
      reason: 'Sai số liệu',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.key).toBe('tasks.progress_not_pending');
  });

  it('a rejection needs a reason and keeps the update inside the unit', async () => {
    const a = await addTask('Cập nhật bị từ chối');
    const posted = (
      await tuphap.request('POST', `/api/tasks/${a.id}/progress`, { note: 'Số liệu tạm' })
    ).json() as Event;
    const noReason = await leader.request('POST', `/api/tasks/${a.id}/progress/${posted.id}/review`, {
      action: 'reject_progress',
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await leader.request('POST', `/api/tasks/${a.id}/progress/${posted.id}/review`, {
      action: 'reject_progress',
      reason: 'Số liệu chưa khớp báo cáo quý',
    });
    expect(rejected.statusCode).toBe(201);
    const officerView = (
      (await officer.request('GET', `/api/tasks/${a.id}/events`)).json() as { items: Event[] }
    ).items;
    expect(officerView.some((e) => e.action === 'progress' || e.action === 'reject_progress')).toBe(false);
  });

  it('with approval on, the done report comes from the leader, not the focal point', async () => {
    const a = await find((await addTask('Báo cáo hoàn thành qua lãnh đạo')).id);
    expect(a.allowedActions).not.toContain('report_done');
    const leaderView = (
      (await leader.request('GET', `/api/plans/${planId}/tasks`)).json() as { items: Task[] }
    ).items.find((x) => x.id === a.id)!;
    expect(leaderView.allowedActions).toContain('report_done');
    const res = await report(tuphap, a);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.key).toBe('tasks.unit_leader_only');
  });

  it('the leader’s own update and the standing agency’s are published at once', async () => {
    const a = await addTask('Cập nhật của lãnh đạo');
    expect(
      (await leader.request('POST', `/api/tasks/${a.id}/progress`, { note: 'Lãnh đạo cập nhật' })).json()
        .state,
    ).toBe('published');
    expect(
      (await officer.request('POST', `/api/tasks/${a.id}/progress`, { note: 'Thường trực ghi nhận' })).json()
        .state,
    ).toBe('published');
    expect(
      (await xaydung.request('POST', `/api/tasks/${a.id}/progress`, { note: 'Đơn vị khác' })).statusCode,
    ).toBe(403);
  });
});

describe("units' own yearly PAR plans", () => {
  it('every department and district of 2024 issued one (100%); the list behind the figure is complete', async () => {
    const res = await officer.request('GET', '/api/plans/unit-coverage?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as {
      expected: number;
      issued: string[];
      percent: number;
      units: { kind: string; plan: unknown }[];
    };
    expect(c.expected).toBeGreaterThan(30);
    expect(c.issued).toHaveLength(c.expected);
    expect(c.percent).toBe(100);
    expect(c.units.filter((u) => u.kind === 'district')).toHaveLength(20);
  });

  it('2025 counts the units as they stood at year end: the new communes, not the abolished districts', async () => {
    const c = (await officer.request('GET', '/api/plans/unit-coverage?year=2025')).json() as {
      expected: number;
      issued: string[];
      percent: number;
      units: { kind: string; unitId: string; plan: unknown }[];
    };
    expect(c.units.filter((u) => u.kind === 'district')).toHaveLength(0);
    expect(c.units.filter((u) => u.kind === 'commune')).toHaveLength(130);
    expect(c.percent).toBe(Math.round((c.issued.length / c.expected) * 10000) / 100);
    expect(c.percent).toBeLessThan(100);
  });

  it('a plan counts from the day its decision was issued, not before (issue 12)', async () => {
    type Coverage = { issued: string[]; units: { kind: string; unitId: string; plan: unknown }[] };
    const before = (await officer.request('GET', '/api/plans/unit-coverage?year=2025')).json() as Coverage;
    const [late, onTime] = before.units.filter((u) => u.kind === 'commune' && !u.plan);
    const register = async (unitId: string, issuedOn: string, n: number) => {
      const doc = await officer.request('POST', '/api/documents', {
        numberSymbol: `${n}/KH-UBND`,
        type: 'ke_hoach',
        issuer: 'UBND xã',
        issuedOn,
        title: 'Kế hoạch cải cách hành chính năm 2025',
        unitId,
      });
      expect(doc.statusCode, doc.body).toBe(201);
      const plan = await officer.request('POST', '/api/plans', {
        year: 2025,
        ownerUnitId: unitId,
        ownerKind: 'unit',
        title: 'Kế hoạch cải cách hành chính năm 2025',
        documentId: (doc.json() as { id: string }).id,
      });
      expect(plan.statusCode, plan.body).toBe(201);
    };
    // Issued in January 2026: the year-end figure of 2025 (reference 31/12/2025) does not count it.
    await register(late!.unitId, '2026-01-15', 901);
    await register(onTime!.unitId, '2025-12-20', 902);
    const after = (await officer.request('GET', '/api/plans/unit-coverage?year=2025')).json() as Coverage;
    expect(after.issued).toContain(onTime!.unitId);
    expect(after.issued).not.toContain(late!.unitId);
    expect(after.issued).toHaveLength(before.issued.length + 1);
  });

  it("a unit's focal point registers its own plan, not another unit's, and not the committee's", async () => {
    const own = await tuphap.request('POST', '/api/plans', {
      year: 2027,
      ownerUnitId: units.get('Sở Tư pháp'),
      ownerKind: 'unit',
      title: 'Kế hoạch CCHC năm 2027 của Sở Tư pháp',
    });
    expect(own.statusCode, own.body).toBe(201);
    const other = await tuphap.request('POST', '/api/plans', {
      year: 2027,
      ownerUnitId: units.get('Sở Xây dựng'),
      ownerKind: 'unit',
      title: 'Kế hoạch của đơn vị khác',
    });
    expect(other.statusCode).toBe(403);
    const committee = await tuphap.request('POST', '/api/plans', {
      year: 2027,
      ownerUnitId: units.get('Sở Tư pháp'),
      title: 'Kế hoạch của Ban Chỉ đạo',
    });
    expect(committee.statusCode).toBe(403);
  });

  it("a unit's remediation or improvement plan is shown beside it, never counted as its yearly PAR plan", async () => {
    type Row = {
      unitId: string;
      kind: string;
      plan: { id: string } | null;
      otherPlans: { id: string; title: string; purpose: string }[];
    };
    type Coverage = { issued: string[]; units: Row[] };
    type Plan = { id: string; ownerUnitId: string; title: string; purpose: string };
    const coverage = async () =>
      (await officer.request('GET', '/api/plans/unit-coverage?year=2025')).json() as Coverage;
    const plans = async (query: string) =>
      ((await officer.request('GET', `/api/plans?${query}`)).json() as { items: Plan[] }).items;
    const before = await coverage();
    const commune = before.units.find((u) => u.kind === 'commune' && !u.plan && !u.otherPlans.length)!;
    const make = async (purpose: string | undefined, title: string) => {
      const res = await officer.request('POST', '/api/plans', {
        year: 2025,
        ownerUnitId: commune.unitId,
        ownerKind: 'unit',
        ...(purpose ? { purpose } : {}),
        title,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Plan;
    };
    const remediation = await make(
      'remediation',
      'Kế hoạch khắc phục hạn chế theo kết quả Chỉ số CCHC năm 2024',
    );
    const improvement = await make('improvement', 'Kế hoạch cải thiện Chỉ số PAPI năm 2025');
    expect([remediation.purpose, improvement.purpose]).toEqual(['remediation', 'improvement']);

    const after = await coverage();
    expect(after.issued).toEqual(before.issued);
    const row = after.units.find((u) => u.unitId === commune.unitId)!;
    expect(row.plan).toBeNull();
    expect(row.otherPlans.map((p) => [p.id, p.purpose])).toEqual([
      [remediation.id, 'remediation'],
      [improvement.id, 'improvement'],
    ]);
    // The list filters by purpose.
    const remediations = await plans('year=2025&ownerKind=unit&purpose=remediation');
    expect(remediations.map((p) => p.id)).toContain(remediation.id);
    expect(remediations.every((p) => p.purpose === 'remediation')).toBe(true);
    expect((await plans('year=2025&ownerKind=unit&purpose=reform')).map((p) => p.id)).not.toContain(
      improvement.id,
    );

    // Its yearly PAR plan (no purpose given: 'reform') is the one that counts.
    const reform = await make(undefined, 'Kế hoạch CCHC năm 2025');
    expect(reform.purpose).toBe('reform');
    const counted = await coverage();
    expect(counted.issued).toContain(commune.unitId);
    expect(counted.units.find((u) => u.unitId === commune.unitId)!.plan?.id).toBe(reform.id);
  });

  it("the demo's remediation and improvement plans are marked so, and counted in no coverage", async () => {
    const all = (
      (await officer.request('GET', '/api/plans?ownerKind=unit')).json() as {
        items: { id: string; year: number; ownerUnitId: string; title: string; purpose: string }[];
      }
    ).items;
    const remediations = all.filter((p) => p.title.startsWith('Kế hoạch khắc phục hạn chế'));
    expect(remediations.length).toBeGreaterThan(0);
    expect(remediations.every((p) => p.purpose === 'remediation')).toBe(true);
    const improvement = all.find((p) => p.title.startsWith('Kế hoạch cải thiện Chỉ số CCHC'))!;
    expect(improvement.purpose).toBe('improvement');
    let checked = 0;
    for (const p of [...remediations, improvement]) {
      const c = (await officer.request('GET', `/api/plans/unit-coverage?year=${p.year}`)).json() as {
        units: { unitId: string; plan: { id: string } | null; otherPlans: { id: string }[] }[];
      };
      const row = c.units.find((u) => u.unitId === p.ownerUnitId);
      if (!row) continue;
      expect(row.plan?.id).not.toBe(p.id);
      expect(row.otherPlans.map((o) => o.id)).toContain(p.id);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });
});

describe('the people concerned hear of each workflow step in their inbox', () => {
  type Inbox = { items: { kind: string; title: string; body: string | null; link: string | null }[] };
  const inbox = async (c: Caller) => (await c.request('GET', '/api/notifications')).json() as Inbox;

  it('a done report reaches the standing agency; a return reaches the lead unit with the reason', async () => {
    // Approval is on for Sở Tư pháp (above): its leader reports done.
    const a = await find((await addTask('Nhiệm vụ có thông báo')).id);
    expect((await report(leader, a)).statusCode).toBe(200);
    const reported = (await inbox(officer)).items.find((n) => n.kind === 'task_reported');
    expect(reported?.title).toContain('Nhiệm vụ có thông báo');
    expect(reported?.link).toBe(`/plans/${planId}?task=${a.id}`);
    const b = await find(a.id);
    const returned = await officer.request('POST', `/api/tasks/${a.id}/actions`, {
      action: 'return',
      version: b.version,
      reason: 'Chưa có quyết định phê duyệt',
    });
    expect(returned.statusCode).toBe(200);
    const n = (await inbox(tuphap)).items.find((x) => x.kind === 'task_returned');
    expect(n?.body).toContain('Chưa có quyết định phê duyệt');
    expect((await inbox(xaydung)).items.some((x) => x.kind === 'task_returned')).toBe(false);
  });

  it('an update waiting for approval reaches the unit leader; a direction reaches the lead unit', async () => {
    const a = await addTask('Nhiệm vụ chờ duyệt có thông báo');
    await tuphap.request('POST', `/api/tasks/${a.id}/progress`, { note: 'Đạt 30%' });
    expect((await inbox(leader)).items.some((x) => x.kind === 'progress_pending')).toBe(true);
    await member.request('POST', `/api/tasks/${a.id}/directions`, { note: 'Khẩn trương hoàn thành' });
    const d = (await inbox(tuphap)).items.find((x) => x.kind === 'task_direction');
    expect(d?.body).toContain('Khẩn trương hoàn thành');
  });
});
