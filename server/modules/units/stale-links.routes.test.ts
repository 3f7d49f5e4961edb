import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { insertPlanWithTasks } from '../plans/plans.service.js';
import { findByCode, unitsAsOf } from './lineage.service.js';
import type { StaleLinksOut } from './stale-links.schemas.js';

/**
 * Issue 12, points 5 and 6 on the demo province: one resolver gives Huyện Diễn Châu (district 425,
 * abolished 1/7/2025) the same 8 successor communes on the pilot page and the restated plan dashboard;
 * links to ended units are flagged with the proposed successors and applied (journalled, 409 when stale).
 */
let t: TestApp;
let officer: Caller;
let member: Caller;
let dienChau: string;
let khdt: string;
let planId: string;

beforeAll(async () => {
  t = await testApp();
  officer = await t.login('thuongtruc@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  dienChau = (await findByCode(t.database.db, '425', '2024-01-01', 'district'))!.id;
  khdt = (await unitsAsOf(t.database.db, { date: '2024-12-31', kind: 'department' })).find(
    (d) => d.name === 'Sở Kế hoạch và Đầu tư',
  )!.id;
  const province = (await unitsAsOf(t.database.db, { date: '2024-12-31', kind: 'province', q: '40' }))[0]!.id;
  const ctx = systemContext(t.database.db);
  planId = await t.database.db.transaction((tx) =>
    insertPlanWithTasks(
      { ...ctx, db: tx },
      {
        year: 2024,
        ownerUnitId: province,
        title: 'Kế hoạch CCHC năm 2024 (thử nghiệm đơn vị kế thừa)',
        method: 'count',
      },
      [
        {
          title: 'Chuẩn hóa Bộ phận Một cửa cấp huyện',
          reformArea: 'procedures',
          leadUnitId: dienChau,
          dueDate: '2024-12-20',
          status: 'in_progress',
        },
        {
          title: 'Cắt giảm thời gian cấp Giấy chứng nhận đăng ký đầu tư',
          reformArea: 'procedures',
          leadUnitId: khdt,
          dueDate: '2024-11-30',
          status: 'not_started',
        },
      ],
    ),
  );
}, 240_000);
afterAll(() => t?.close());

describe('one resolver, one answer: Huyện Diễn Châu on the pilot page and the restated dashboard', () => {
  it('both pages list the same 8 successor communes', async () => {
    const pilots = (await officer.request('GET', '/api/pilot-programmes?year=2023')).json() as {
      items: { pilotUnits: { unit: { id: string; successors: { id: string; name: string }[] } }[] }[];
    };
    const card = pilots.items[0]!.pilotUnits.find((u) => u.unit.id === dienChau)!;
    const onPilots = card.unit.successors.map((s) => s.id).sort();
    expect(onPilots).toHaveLength(8);

    const res = await officer.request('GET', `/api/plans/${planId}/dashboard?restate=true&groupBy=unit`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as {
      byUnit: { key: string; restatedFrom: { unitId: string; weight: number }[] }[];
    };
    const fromDienChau = d.byUnit.filter((u) => u.restatedFrom.some((f) => f.unitId === dienChau));
    expect(fromDienChau.map((u) => u.key).sort()).toEqual(onPilots);
    // Nothing is left under the abolished district itself ("no successor").
    expect(d.byUnit.find((u) => u.key === dienChau)).toBeUndefined();
    const shares = fromDienChau.map((u) => u.restatedFrom.find((f) => f.unitId === dienChau)!.weight);
    expect(shares.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 4);
  });
});

describe('links to ended units', () => {
  const list = async (c: Caller) => {
    const res = await c.request('GET', '/api/units/stale-links');
    expect(res.statusCode).toBe(200);
    return res.json() as StaleLinksOut;
  };

  it('the demo shows real stale links: members following ended units, open tasks led by them, pilot members who left', async () => {
    const l = await list(officer);
    expect(l.counts.monitoring).toBeGreaterThan(0);
    expect(l.counts.task + l.counts.conclusion_task).toBeGreaterThan(0);
    expect(l.counts.pilot_responsible).toBeGreaterThan(0);
    // The member who followed Sở KH&ĐT (2023 pilot) is proposed Sở Tài chính.
    const follow = l.items.find((i) => i.kind === 'monitoring' && i.unit.id === khdt)!;
    expect(follow.proposals.map((p) => p.name)).toEqual(['Sở Tài chính']);
    expect(follow.canApply).toBe(true);
    // The conclusion of the Diễn Châu working session (2024) is still open under the abolished district.
    const conclusion = l.items.find((i) => i.kind === 'conclusion_task' && i.unit.id === dienChau)!;
    expect(conclusion.via).toBe('children');
    expect(conclusion.proposals).toHaveLength(8);
    expect(conclusion.overdue).toBe(true);
    // A committee member without management rights sees links but may not apply them.
    const m = await list(member);
    expect(m.items.every((i) => !i.canApply)).toBe(true);
  });

  it('apply re-points a task to the chosen successor; a second apply with the old version is 409', async () => {
    const l = await list(officer);
    const task = l.items.find((i) => i.kind === 'task' && i.unit.id === khdt && !!i.link?.includes(planId))!;
    const body = {
      kind: task.kind,
      recordId: task.recordId,
      version: task.version,
      targetIds: [task.proposals[0]!.id],
    };
    const res = await officer.request('POST', '/api/units/stale-links/apply', body);
    expect(res.statusCode).toBe(200);
    expect((res.json() as StaleLinksOut).items.find((i) => i.recordId === task.recordId)).toBeUndefined();
    const again = await officer.request('POST', '/api/units/stale-links/apply', body);
    expect(again.statusCode).toBe(409);
    const tasks = (await officer.request('GET', `/api/plans/${planId}/tasks`)).json() as {
      items: { id: string; leadUnitId: string }[];
    };
    expect(tasks.items.find((x) => x.id === task.recordId)!.leadUnitId).toBe(task.proposals[0]!.id);
  });

  it('apply to a member’s follow-up: the old assignment ends on the unit’s last day, the successor is followed after', async () => {
    const l = await list(officer);
    const follow = l.items.find((i) => i.kind === 'monitoring' && i.unit.id === khdt)!;
    const stale = await officer.request('POST', '/api/units/stale-links/apply', {
      kind: 'monitoring',
      recordId: follow.recordId,
      version: follow.version + 1,
      targetIds: follow.proposals.map((p) => p.id),
    });
    expect(stale.statusCode).toBe(409);
    const notProposed = await officer.request('POST', '/api/units/stale-links/apply', {
      kind: 'monitoring',
      recordId: follow.recordId,
      version: follow.version,
      targetIds: [dienChau],
    });
    expect(notProposed.statusCode).toBe(400);
    const refused = await member.request('POST', '/api/units/stale-links/apply', {
      kind: 'monitoring',
      recordId: follow.recordId,
      version: follow.version,
      targetIds: follow.proposals.map((p) => p.id),
    });
    expect(refused.statusCode).toBe(403);
    const ok = await officer.request('POST', '/api/units/stale-links/apply', {
      kind: 'monitoring',
      recordId: follow.recordId,
      version: follow.version,
      targetIds: follow.proposals.map((p) => p.id),
    });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as StaleLinksOut).items.find((i) => i.recordId === follow.recordId)).toBeUndefined();
    // Journalled by the committees module: the assignment's end.
    const journal = await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_journal WHERE entity = 'monitoring_assignment' AND entity_id = ${follow.recordId}`,
    );
    expect(journal.map((j) => j.action)).toContain('end');
  });
});
