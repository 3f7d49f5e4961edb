/**
 * Who may do what with a plan and its tasks — the permission matrix of the steering loop:
 * the standing agency manages all; committee leaders see all; a member sees all and acts (directions) on
 * the units they follow; a unit's focal point updates its own tasks; its leader approves; verification is
 * the standing agency's alone (and the administrator's). Every cell is exercised against the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

const ACCOUNTS = {
  admin: 'admin@chidao.demo',
  standing: 'thuongtruc@chidao.demo',
  committeeLeader: 'truongban@chidao.demo',
  member: 'uyvien@chidao.demo', // follows Sở Tư pháp and Sở Xây dựng
  focal: 'daumoi.tuphap@chidao.demo', // Sở Tư pháp: the lead unit below
  unitLeader: 'lanhdao.tuphap@chidao.demo',
  otherFocal: 'daumoi.xaydung@chidao.demo',
  appraiser: 'thamdinh@chidao.demo',
  inspector: 'kiemtra@chidao.demo',
  hotline: 'duongdaynong@chidao.demo',
} as const;
type Who = keyof typeof ACCOUNTS;
const EVERYONE = Object.keys(ACCOUNTS) as Who[];

let t: TestApp;
const as = {} as Record<Who, Caller>;
let province: string;
let tuphap: string;
let planId: string;

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  for (const who of EVERYONE) as[who] = await t.login(ACCOUNTS[who]);
  const list = (await as.standing.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  province = list.items.find((u) => u.name === 'Nghệ An')!.id;
  tuphap = list.items.find((u) => u.name === 'Sở Tư pháp')!.id;
  const plan = await as.standing.request('POST', '/api/plans', {
    year: 2026,
    ownerUnitId: province,
    title: 'Kế hoạch CCHC năm 2026 (ma trận quyền)',
    evidenceOptional: true,
  });
  planId = plan.json().id;
});
afterAll(() => t.close());

type Task = { id: string; version: number };
async function taskIn(state: 'not_started' | 'reported_done'): Promise<Task> {
  const res = await as.standing.request('POST', `/api/plans/${planId}/tasks`, {
    title: 'Rà soát thủ tục hành chính lĩnh vực tư pháp',
    reformArea: 'procedures',
    leadUnitId: tuphap,
    dueDate: '2026-12-15',
  });
  let task = res.json() as Task;
  if (state === 'reported_done') {
    const r = await as.focal.request('POST', `/api/tasks/${task.id}/actions`, {
      action: 'report_done',
      version: task.version,
      output: 'Đã rà soát',
    });
    expect(r.statusCode, r.body).toBe(200);
    task = r.json() as Task;
  }
  return task;
}

type Cell = { allowed: Who[]; run: (c: Caller) => Promise<{ statusCode: number; body: string }> };

const MATRIX: Record<string, Cell> = {
  'see the plan and its tasks': {
    allowed: EVERYONE,
    run: (c) => c.request('GET', `/api/plans/${planId}/tasks`),
  },
  'create a Steering Committee plan': {
    allowed: ['admin', 'standing'],
    run: (c) =>
      c.request('POST', '/api/plans', { year: 2027, ownerUnitId: province, title: 'Kế hoạch CCHC năm 2027' }),
  },
  'add a task': {
    allowed: ['admin', 'standing'],
    run: (c) =>
      c.request('POST', `/api/plans/${planId}/tasks`, {
        title: 'Nhiệm vụ mới',
        reformArea: 'procedures',
        leadUnitId: tuphap,
      }),
  },
  'edit a task': {
    allowed: ['admin', 'standing'],
    run: async (c) => {
      const task = await taskIn('not_started');
      return c.request('PATCH', `/api/tasks/${task.id}`, { title: 'Tên mới', version: task.version });
    },
  },
  'link tasks': {
    allowed: ['admin', 'standing'],
    run: async (c) => {
      const [a, b] = [await taskIn('not_started'), await taskIn('not_started')];
      return c.request('POST', `/api/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id });
    },
  },
  'start a task': {
    allowed: ['admin', 'standing', 'focal', 'unitLeader'],
    run: async (c) => {
      const task = await taskIn('not_started');
      return c.request('POST', `/api/tasks/${task.id}/actions`, { action: 'start', version: task.version });
    },
  },
  'report a task done': {
    allowed: ['focal', 'unitLeader'],
    run: async (c) => {
      const task = await taskIn('not_started');
      return c.request('POST', `/api/tasks/${task.id}/actions`, {
        action: 'report_done',
        version: task.version,
        output: 'Xong',
      });
    },
  },
  'verify a done report': {
    allowed: ['admin', 'standing'],
    run: async (c) => {
      const task = await taskIn('reported_done');
      return c.request('POST', `/api/tasks/${task.id}/actions`, { action: 'verify', version: task.version });
    },
  },
  'return a done report': {
    allowed: ['admin', 'standing'],
    run: async (c) => {
      const task = await taskIn('reported_done');
      return c.request('POST', `/api/tasks/${task.id}/actions`, {
        action: 'return',
        version: task.version,
        reason: 'Thiếu minh chứng',
      });
    },
  },
  'post a progress update': {
    allowed: ['admin', 'standing', 'focal', 'unitLeader'],
    run: async (c) => {
      const task = await taskIn('not_started');
      return c.request('POST', `/api/tasks/${task.id}/progress`, { note: 'Đạt 50%', percent: 50 });
    },
  },
  'give a direction on a followed unit’s task': {
    allowed: ['committeeLeader', 'member'],
    run: async (c) => {
      const task = await taskIn('not_started');
      return c.request('POST', `/api/tasks/${task.id}/directions`, {
        note: 'Đề nghị hoàn thành trước 30/11',
      });
    },
  },
  'switch approval of the unit’s progress updates': {
    allowed: ['admin', 'unitLeader'],
    run: async (c) => {
      const current = (await as.admin.request('GET', `/api/units/${tuphap}/progress-approval`)).json() as {
        version: number;
        requireApproval: boolean;
      };
      return c.request('PUT', `/api/units/${tuphap}/progress-approval`, {
        requireApproval: false,
        version: current.version,
      });
    },
  },
};

describe('permissions of plans and tasks, role by role', () => {
  for (const [action, cell] of Object.entries(MATRIX))
    it(`${action}: ${cell.allowed.join(', ')}`, async () => {
      const outcome: Record<string, 'allowed' | 'refused'> = {};
      for (const who of EVERYONE) {
        const res = await cell.run(as[who]);
        if (res.statusCode >= 500 || (res.statusCode >= 400 && res.statusCode !== 403))
          throw new Error(`${action} as ${who}: unexpected ${res.statusCode} ${res.body}`);
        outcome[who] = res.statusCode < 300 ? 'allowed' : 'refused';
      }
      const expected = Object.fromEntries(
        EVERYONE.map((who) => [who, cell.allowed.includes(who) ? 'allowed' : 'refused']),
      );
      expect(outcome).toEqual(expected);
    });

  it('a member may not direct a unit they do not follow', async () => {
    const list = (await as.standing.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
      items: { id: string; name: string }[];
    };
    const yte = list.items.find((u) => u.name === 'Sở Y tế')!.id;
    const task = (
      await as.standing.request('POST', `/api/plans/${planId}/tasks`, {
        title: 'Số hóa hồ sơ y tế',
        reformArea: 'digital_government',
        leadUnitId: yte,
      })
    ).json() as Task;
    expect(
      (await as.member.request('POST', `/api/tasks/${task.id}/directions`, { note: 'x' })).statusCode,
    ).toBe(403);
    const view = (await as.member.request('GET', `/api/plans/${planId}/tasks`)).json() as {
      items: { id: string; abilities: { direct: boolean } }[];
    };
    expect(view.items.find((x) => x.id === task.id)!.abilities.direct).toBe(false);
  });
});
