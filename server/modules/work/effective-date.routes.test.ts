/**
 * Effective dates end to end (issue 12, point 7): a province that starts using chidao in December
 * records what was done in March. The step counts on its effective date (lateness, KPIs), the history
 * keeps who recorded it and when, the journal says so, and the rules of ./effective-date.ts hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../core/dates.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { WorkEventOut, WorkItemOut } from './work.schemas.js';

type Task = {
  id: string;
  version: number;
  status: string;
  reportedOn: string | null;
  verifiedOn: string | null;
  timing: { state: string; daysOverdue: number };
};
type Err = { error: { key: string; message: string; details: { field: string }[] } };

let t: TestApp;
let officer: Caller;
let focal: Caller;
let leader: Caller;
let admin: Caller;
let planId: string;
let tuphapId: string;
const today = todayInVietnam();
const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const act = (who: Caller, id: string, body: Record<string, unknown>) =>
  who.request('POST', `/api/work/plan_task/${id}/actions`, body);
const task = async (id: string) =>
  ((await officer.request('GET', `/api/plans/${planId}/tasks`)).json() as { items: Task[] }).items.find(
    (x) => x.id === id,
  )!;
const errorOf = (res: { json(): unknown }) => (res.json() as Err).error;

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  const byName = new Map(list.items.map((u) => [u.name, u.id]));
  tuphapId = byName.get('Sở Tư pháp')!;
  const plan = await officer.request('POST', '/api/plans', {
    year: 2026,
    ownerUnitId: byName.get('Nghệ An'),
    title: 'Kế hoạch CCHC năm 2026 (ghi bổ sung)',
    method: 'count',
    evidenceOptional: true,
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = (plan.json() as { id: string }).id;
});
afterAll(() => t.close());

const addTask = async (title: string, dueDate: string) => {
  const res = await officer.request('POST', `/api/plans/${planId}/tasks`, {
    title,
    reformArea: 'procedures',
    leadUnitId: tuphapId,
    dueDate,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Task;
};

describe('a step with an effective date', () => {
  it('is refused in the future and, for a focal point, before the day the task was recorded', async () => {
    const x = await addTask('Rà soát quy chế phối hợp (ghi bổ sung)', '2026-03-31');
    const future = await act(leader, x.id, {
      action: 'report_done',
      version: x.version,
      output: 'Đã rà soát',
      effectiveDate: tomorrow,
    });
    expect(future.statusCode).toBe(400);
    expect(errorOf(future)).toMatchObject({ key: 'work.effective_date_future' });
    expect(errorOf(future).details).toEqual([{ field: 'effectiveDate', message: expect.any(String) }]);

    // Recorded today: a focal point cannot claim March (the leader or the standing agency backfills).
    const early = await act(focal, x.id, {
      action: 'start',
      version: x.version,
      effectiveDate: '2026-03-01',
    });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).key).toBe('work.effective_date_before_recorded');
    expect(errorOf(early).message).toContain(today.split('-').reverse().join('/'));
    // Before the plan year: nobody.
    const before = await act(officer, x.id, {
      action: 'start',
      version: x.version,
      effectiveDate: '2025-12-31',
    });
    expect(errorOf(before).key).toBe('work.effective_date_before_period');
    expect((await task(x.id)).status).toBe('not_started');
  });

  it('a backfilled completion counts on its effective date; the history keeps who recorded it and when', async () => {
    const x = await addTask('Ban hành kế hoạch kiểm soát TTHC (ghi bổ sung)', '2026-03-31');
    // The unit's leader reports it done on 15/03/2026, recorded today.
    const reported = await act(leader, x.id, {
      action: 'report_done',
      version: x.version,
      output: 'Quyết định số 123/QĐ-STP ngày 15/03/2026',
      effectiveDate: '2026-03-15',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const item = (reported.json() as { item: WorkItemOut }).item;
    expect(item.timing).toMatchObject({ state: 'on_track', daysOverdue: 0 });
    expect(await task(x.id)).toMatchObject({ status: 'reported_done', reportedOn: '2026-03-15' });

    // A verification cannot predate the report it verifies.
    const tooEarly = await act(officer, x.id, {
      action: 'verify',
      version: item.version,
      effectiveDate: '2026-03-14',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(errorOf(tooEarly).key).toBe('work.effective_date_before_previous');

    const verified = await act(officer, x.id, {
      action: 'verify',
      version: item.version,
      effectiveDate: '2026-03-20',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const done = await task(x.id);
    // Done on time — not "late 1265 days" because it was typed in in December.
    expect(done).toMatchObject({ status: 'verified', reportedOn: '2026-03-15', verifiedOn: '2026-03-20' });
    expect(done.timing).toMatchObject({ state: 'done_on_time', daysOverdue: 0 });

    const history = (
      (await officer.request('GET', `/api/work/plan_task/${x.id}/events`)).json() as { items: WorkEventOut[] }
    ).items;
    expect(history.map((e) => [e.action, e.on, e.recordedOn])).toEqual([
      ['report_done', '2026-03-15', today],
      ['verify', '2026-03-20', today],
    ]);
    expect(history[0]!.actorName).toBeTruthy();
    // The plan's own history says the same.
    const planHistory = (
      (await officer.request('GET', `/api/tasks/${x.id}/events`)).json() as {
        items: { action: string; on: string; recordedOn: string }[];
      }
    ).items.filter((e) => e.action === 'report_done');
    expect(planHistory).toMatchObject([{ on: '2026-03-15', recordedOn: today }]);

    // The journal keeps the effective date beside the entry's own time.
    const journal = (
      (await admin.request('GET', `/api/audit?entity=task&entityId=${x.id}`)).json() as {
        items: { action: string; after: Record<string, unknown> }[];
      }
    ).items;
    expect(journal.find((e) => e.action === 'report_done')!.after).toMatchObject({
      effectiveDate: '2026-03-15',
    });

    // KPIs count it verified on time.
    const kpis = (await officer.request('GET', `/api/plans/${planId}/kpis`)).json() as {
      overall: { verifiedOnTime: { taskIds: string[] } };
    };
    expect(kpis.overall.verifiedOnTime.taskIds).toContain(x.id);
  });

  it('a late completion is late by its effective date, not by the day it was recorded', async () => {
    const x = await addTask('Công khai TTHC trên cổng (ghi bổ sung)', '2026-03-31');
    const res = await act(officer, x.id, {
      action: 'start',
      version: x.version,
      effectiveDate: '2026-02-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = (res.json() as { item: WorkItemOut }).item.version;
    const late = await act(leader, x.id, {
      action: 'report_done',
      version: v,
      output: 'Đã công khai',
      effectiveDate: '2026-04-07',
    });
    expect(late.statusCode, late.body).toBe(200);
    // Due Tue 31/03/2026, reported Tue 07/04/2026: 5 working days late (1, 2, 3, 6 and 7 April) — not
    // the ~170 working days to the day it was recorded.
    const timing = (late.json() as { item: WorkItemOut }).item.timing!;
    expect(timing).toMatchObject({ state: 'overdue', daysOverdue: 5 });
  });

  it('without an effective date the step counts today, as before', async () => {
    const x = await addTask('Tổng kết CCHC (ghi bổ sung)', '2026-12-31');
    const res = await act(focal, x.id, { action: 'start', version: x.version });
    expect(res.statusCode, res.body).toBe(200);
    const history = (
      (await officer.request('GET', `/api/work/plan_task/${x.id}/events`)).json() as { items: WorkEventOut[] }
    ).items;
    expect(history.map((e) => [e.on, e.recordedOn])).toEqual([[today, today]]);
  });
});
