import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { hashPassword } from '../auth/password-hash.js';
import { DEMO_PASSWORD } from '../demo/nghe-an.js';
import { insertPlanWithTasks } from '../plans/plans.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { createUser } from '../users/users.service.js';
import { addGrant } from './access.service.js';

/**
 * Access follows lineage (issue 12, point 4). The demo records Sở Kế hoạch và Đầu tư absorbed into Sở Tài
 * chính from 01/03/2025 (Nghị định 45/2025/NĐ-CP): Sở Tài chính's focal point acts on the open work Sở
 * KH&ĐT still owes; with the rule off, 403; a unit outside the lineage (Sở Tư pháp), 403.
 */
let t: TestApp;
let admin: Caller;
let taichinh: Caller;
let tuphap: Caller;
const unit = new Map<string, string>();
let openTask: string;
let closedTask: string;

async function focalPoint(email: string, unitId: string) {
  const ctx = systemContext(t.database.db);
  const user = await createUser(
    ctx,
    { email, fullName: `Đầu mối ${email}`, position: 'Chuyên viên', unitId },
    { skipAuthorization: true, passwordHash: await hashPassword(DEMO_PASSWORD) },
  );
  await addGrant(ctx, { userId: user.id, role: 'focal_point', unitId }, { skipAuthorization: true });
  return t.login(email);
}

const rule = async () =>
  (await admin.request('GET', '/api/access/lineage-rule')).json() as { mode: string; version: number };

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  const before = await unitsAsOf(t.database.db, { date: '2024-12-31', kind: 'department' });
  for (const d of before) unit.set(d.name, d.id);
  const province = (await unitsAsOf(t.database.db, { date: '2024-12-31', kind: 'province', q: '40' }))[0]!.id;
  const ctx = systemContext(t.database.db);
  const planId = await t.database.db.transaction((tx) =>
    insertPlanWithTasks(
      { ...ctx, db: tx },
      {
        year: 2024,
        ownerUnitId: province,
        title: 'Kế hoạch CCHC năm 2024 (thử nghiệm kế thừa)',
        method: 'count',
      },
      [
        {
          title: 'Rà soát quy trình cấp Giấy chứng nhận đăng ký đầu tư',
          reformArea: 'procedures',
          leadUnitId: unit.get('Sở Kế hoạch và Đầu tư')!,
          dueDate: '2025-06-30',
          status: 'not_started',
        },
        {
          title: 'Công khai TTHC lĩnh vực đầu tư',
          reformArea: 'procedures',
          leadUnitId: unit.get('Sở Kế hoạch và Đầu tư')!,
          dueDate: '2024-06-30',
          status: 'verified',
          reportedOn: '2024-06-20',
          verifiedOn: '2024-06-25',
          output: 'Đã công khai.',
        },
      ],
    ),
  );
  const tasks = (await admin.request('GET', `/api/plans/${planId}/tasks`)).json() as {
    items: { id: string; status: string }[];
  };
  openTask = tasks.items.find((x) => x.status === 'not_started')!.id;
  closedTask = tasks.items.find((x) => x.status === 'verified')!.id;
  taichinh = await focalPoint('daumoi.taichinh@test.chidao', unit.get('Sở Tài chính')!);
  tuphap = await focalPoint('daumoi.tuphap2@test.chidao', unit.get('Sở Tư pháp')!);
}, 240_000);
afterAll(() => t?.close());

const version = async (c: Caller, id: string) =>
  ((await c.request('GET', `/api/work/plan_task/${id}`)).json() as { version: number }).version;

describe('successors act on their predecessors’ open work (rule as data, on by default)', () => {
  it('the rule ships on, with its legal basis', async () => {
    const r = (await taichinh.request('GET', '/api/access/lineage-rule')).json() as Record<string, unknown>;
    expect(r).toMatchObject({ mode: 'act', isDefault: true, version: 0, abilities: { update: false } });
    expect(String(r.legalBasis)).toContain('45/2025/NĐ-CP');
  });

  it('Sở Tài chính’s focal point starts Sở KH&ĐT’s open task (200) and sees it in their queue', async () => {
    const queue = (await taichinh.request('GET', '/api/work/queue?view=owed')).json() as {
      items: { id: string }[];
    };
    expect(queue.items.map((i) => i.id)).toContain(openTask);
    const res = await taichinh.request('POST', `/api/tasks/${openTask}/actions`, {
      action: 'start',
      version: await version(admin, openTask),
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { status: string }).status).toBe('in_progress');
  });

  it('and reads Sở KH&ĐT’s closed history', async () => {
    expect((await taichinh.request('GET', `/api/work/plan_task/${closedTask}`)).statusCode).toBe(200);
    expect((await taichinh.request('GET', `/api/tasks/${closedTask}/events`)).statusCode).toBe(200);
  });

  it('a unit outside the lineage (Sở Tư pháp) gets 403', async () => {
    const res = await tuphap.request('POST', `/api/tasks/${openTask}/actions`, {
      action: 'report_done',
      version: await version(admin, openTask),
      output: 'Đã rà soát xong.',
    });
    expect(res.statusCode).toBe(403);
  });

  it('with the rule set to reading only: 403 on acting, history still readable; switched off: neither', async () => {
    const r = await rule();
    const set = await admin.request('PUT', '/api/access/lineage-rule', {
      mode: 'read',
      legalBasis: 'Tỉnh tạm dừng để phân công lại công việc (thử nghiệm).',
      version: r.version,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ mode: 'read', isDefault: false, version: 1 });
    const refused = await taichinh.request('POST', `/api/tasks/${openTask}/actions`, {
      action: 'cancel',
      version: await version(admin, openTask),
      reason: 'Thử',
    });
    expect(refused.statusCode).toBe(403);
    const report = await taichinh.request('POST', `/api/tasks/${openTask}/actions`, {
      action: 'report_done',
      version: await version(admin, openTask),
      output: 'Xong',
    });
    expect(report.statusCode).toBe(403);
    expect((await taichinh.request('GET', `/api/work/plan_task/${closedTask}`)).statusCode).toBe(200);

    // A concurrent change of the rule is refused (409), and the journal keeps each change.
    const stale = await admin.request('PUT', '/api/access/lineage-rule', {
      mode: 'off',
      legalBasis: 'x',
      version: r.version,
    });
    expect(stale.statusCode).toBe(409);
    const off = await admin.request('PUT', '/api/access/lineage-rule', {
      mode: 'off',
      legalBasis: 'Tắt (thử nghiệm).',
      version: 1,
    });
    expect(off.statusCode).toBe(200);
    const queue = (await taichinh.request('GET', '/api/work/queue?view=owed')).json() as {
      items: { id: string }[];
    };
    expect(queue.items.map((i) => i.id)).not.toContain(openTask);

    // Back on: acting again.
    const on = await admin.request('PUT', '/api/access/lineage-rule', {
      mode: 'act',
      legalBasis: 'Bật lại.',
      version: 2,
    });
    expect(on.statusCode).toBe(200);
  });

  it('only administrators change the rule', async () => {
    const res = await taichinh.request('PUT', '/api/access/lineage-rule', {
      mode: 'off',
      legalBasis: 'x',
      version: 3,
    });
    expect(res.statusCode).toBe(403);
  });
});
