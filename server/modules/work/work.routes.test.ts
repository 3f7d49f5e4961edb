/**
 * The work engine end to end on the demo province: queues across kinds for each role, actions from the
 * queue with who acts next, evidence that belongs to one item only (a foreign file can be neither cited
 * nor downloaded), re-reports that cite earlier evidence, notifications and expiry of uncited uploads.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { QueueOut, WorkItemOut } from './work.schemas.js';
import { expireUploads, openDeadlines } from './work.service.js';

let t: TestApp;
let officer: Caller;
let tuphap: Caller;
let tuphapLeader: Caller;
let xaydung: Caller;
let member: Caller;
let admin: Caller;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
function multipart(filename: string, content: Buffer = PDF) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(who: Caller, url: string, name = 'minh-chung.pdf') {
  const { payload, headers } = multipart(name);
  const res = await who.request('POST', url, payload, headers);
  return { status: res.statusCode, id: (res.json() as { id?: string }).id! };
}

async function queue(who: Caller, view: 'owed' | 'review' | 'followed'): Promise<QueueOut> {
  const res = await who.request('GET', `/api/work/queue?view=${view}&limit=500`);
  expect(res.statusCode).toBe(200);
  return res.json() as QueueOut;
}

const act = (who: Caller, item: Pick<WorkItemOut, 'kind' | 'id'>, body: Record<string, unknown>) =>
  who.request('POST', `/api/work/${item.kind}/${item.id}/actions`, body);

const current = async (who: Caller, item: Pick<WorkItemOut, 'kind' | 'id'>) =>
  (await who.request('GET', `/api/work/${item.kind}/${item.id}`)).json() as WorkItemOut;

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  tuphapLeader = await t.login('lanhdao.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  admin = await t.login('admin@chidao.demo');
});
afterAll(() => t.close());

describe('queues', () => {
  it("a focal point's owed work: only their unit's open items, overdue and due soon first", async () => {
    const q = await queue(tuphap, 'owed');
    expect(q.total).toBeGreaterThan(0);
    expect(q.items.every((i) => i.unit.name.includes('Tư pháp'))).toBe(true);
    expect(q.items.every((i) => !['verified', 'cancelled', 'accepted'].includes(i.status))).toBe(true);
    const order = { overdue: 0, due_soon: 1 } as Record<string, number>;
    const ranks = q.items.map((i) => order[i.timing?.state ?? ''] ?? 2);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(q.overdue).toBe(q.items.filter((i) => i.timing?.state === 'overdue').length);
    // Another unit's focal point does not see them.
    const other = await queue(xaydung, 'owed');
    expect(other.items.some((i) => i.unit.name.includes('Tư pháp'))).toBe(false);
  });

  it('the standing agency reviews across kinds, oldest report first, with what was reported', async () => {
    const q = await queue(officer, 'review');
    expect(q.total).toBeGreaterThan(0);
    expect(Object.keys(q.byKind).length).toBeGreaterThan(1);
    for (const i of q.items) {
      // A task reported done, a report submitted, a hotline answer to approve before it is published.
      expect(['reported_done', 'submitted', 'answered']).toContain(i.status);
      expect(i.allowedActions.some((a) => ['verify', 'accept', 'approve'].includes(a))).toBe(true);
    }
    const days = q.items.map((i) => i.reported?.on ?? '9999');
    expect([...days].sort()).toEqual(days);
    // A focal point reviews nothing.
    expect((await queue(tuphap, 'review')).total).toBe(0);
  });

  it('a committee member sees the open items of the units they follow', async () => {
    const q = await queue(member, 'followed');
    expect(q.items.every((i) => i.allowedActions.length === 0)).toBe(true);
    expect((await queue(tuphap, 'followed')).total).toBe(0);
  });
});

describe('acting from the queue', () => {
  it('report done with evidence → the officer sees it with the evidence → returns → the re-report cites the earlier file → verified', async () => {
    const item = (await queue(tuphap, 'owed')).items.find(
      (i) => i.kind === 'plan_task' && i.allowedActions.includes('report_done'),
    )!;
    expect(item).toBeDefined();
    const file = await upload(tuphap, `/api/work/plan_task/${item.id}/files`, 'Báo cáo kết quả.pdf');
    expect(file.status).toBe(201);
    const reported = await act(tuphap, item, {
      action: 'report_done',
      version: item.version,
      output: 'Đã ban hành quy chế phối hợp',
      fileIds: [file.id],
    });
    expect(reported.statusCode).toBe(200);
    const body = reported.json() as { item: WorkItemOut; next: { vi: string } };
    expect(body.item.status).toBe('reported_done');
    expect(body.next.vi).toContain('Sở Nội vụ');

    const inReview = (await queue(officer, 'review')).items.find((i) => i.id === item.id)!;
    expect(inReview.reported).toMatchObject({
      output: 'Đã ban hành quy chế phối hợp',
      files: [{ id: file.id, originalName: 'Báo cáo kết quả.pdf' }],
    });
    const download = await officer.request('GET', `/api/work/plan_task/${item.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain("UTF-8''B%C3%A1o");

    const returned = await act(officer, inReview, {
      action: 'return',
      version: inReview.version,
      reason: 'Bổ sung quyết định ban hành',
    });
    expect(returned.statusCode).toBe(200);
    const back = (returned.json() as { item: WorkItemOut; next: { vi: string } }).item;
    expect(back.lastReason).toBe('Bổ sung quyết định ban hành');
    expect((returned.json() as { next: { vi: string } }).next.vi).toContain('báo cáo lại');
    // The unit's leader re-reports with the earlier file (already evidence of this item) and a new one.
    const extra = await upload(tuphapLeader, `/api/work/plan_task/${item.id}/files`, 'quyet-dinh.pdf');
    const again = await act(tuphapLeader, back, {
      action: 'report_done',
      version: back.version,
      output: 'Đã bổ sung quyết định',
      fileIds: [file.id, extra.id],
    });
    expect(again.statusCode).toBe(200);
    const now = await current(officer, item);
    expect(now.reported?.files.map((f) => f.id)).toEqual([file.id, extra.id]);
    const verified = await act(officer, now, { action: 'verify', version: now.version });
    expect(verified.statusCode).toBe(200);
    expect((verified.json() as { next: unknown }).next).toBeNull();

    const history = (
      (await tuphap.request('GET', `/api/work/plan_task/${item.id}/events`)).json() as {
        items: { action: string; files: { id: string }[] }[];
      }
    ).items.filter((e) => e.action !== 'progress');
    expect(history.slice(-4).map((e) => e.action)).toEqual([
      'report_done',
      'return',
      'report_done',
      'verify',
    ]);
    expect(history.at(-2)!.files.map((f) => f.id)).toEqual([file.id, extra.id]);
    // The old route reads the same history.
    const legacy = (await tuphap.request('GET', `/api/tasks/${item.id}/events`)).json() as {
      items: { action: string }[];
    };
    expect(legacy.items.at(-1)!.action).toBe('verify');
  });

  it('a stale version is a 409, not a silent overwrite', async () => {
    const item = (await queue(tuphap, 'owed')).items.find((i) => i.allowedActions.includes('report_done'))!;
    const res = await act(tuphap, item, { action: 'start', version: item.version + 5 });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe('STALE_VERSION');
  });

  it('an action the kind does not have is a 400 naming the actions, for every kind (was a 500)', async () => {
    const item = (await queue(tuphap, 'owed')).items[0]!;
    const res = await act(tuphap, item, { action: 'Rà soát', version: item.version });
    expect(res.statusCode).toBe(400);
    const error = (res.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    // The actions by their names, never their keys (issue 12, point 16).
    expect(error.message).toContain('báo cáo hoàn thành');
    expect(error.message).not.toContain('report_done');
  });

  it('someone who may not act gets 403 before anything about files', async () => {
    const item = (await queue(tuphap, 'owed')).items[0]!;
    const res = await act(xaydung, item, { action: 'report_done', version: item.version, output: 'x' });
    expect(res.statusCode).toBe(403);
  });
});

describe('evidence belongs to one item', () => {
  let a: WorkItemOut;
  let b: WorkItemOut;
  beforeAll(async () => {
    const owed = (await queue(tuphap, 'owed')).items.filter(
      (i) => i.kind === 'plan_task' && i.allowedActions.includes('report_done'),
    );
    [a, b] = [owed[0]!, owed[1]!];
    expect(b).toBeDefined();
  });

  it("another item's file cannot be cited", async () => {
    const onA = await upload(tuphap, `/api/work/plan_task/${a.id}/files`);
    const res = await act(tuphap, b, {
      action: 'report_done',
      version: b.version,
      output: 'Xong',
      fileIds: [onA.id],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe(
      'fileIds',
    );
    // …through the old task route either.
    const legacy = await tuphap.request('POST', `/api/tasks/${b.id}/actions`, {
      action: 'report_done',
      version: b.version,
      output: 'Xong',
      fileIds: [onA.id],
    });
    expect(legacy.statusCode).toBe(400);
    // Nor downloaded through the other item.
    expect((await tuphap.request('GET', `/api/work/plan_task/${b.id}/files/${onA.id}`)).statusCode).toBe(404);
    expect((await tuphap.request('GET', `/api/tasks/${b.id}/files/${onA.id}`)).statusCode).toBe(404);
  });

  it("a document's attachment (restricted or not) cannot be cited as evidence, nor read through a task", async () => {
    const docs = (await officer.request('GET', '/api/documents?limit=1')).json() as {
      items: { id: string }[];
    };
    const { payload, headers } = multipart('mat.pdf');
    const attached = await officer.request(
      'POST',
      `/api/documents/${docs.items[0]!.id}/files`,
      payload,
      headers,
    );
    expect(attached.statusCode).toBe(200);
    const fileId = (attached.json() as { files: { id: string }[] }).files.at(-1)!.id;
    const res = await act(tuphap, a, {
      action: 'report_done',
      version: a.version,
      output: 'Xong',
      fileIds: [fileId],
    });
    expect(res.statusCode).toBe(400);
    expect((await tuphap.request('GET', `/api/work/plan_task/${a.id}/files/${fileId}`)).statusCode).toBe(404);
    expect((await tuphap.request('GET', `/api/tasks/${a.id}/files/${fileId}`)).statusCode).toBe(404);
  });

  it("a colleague's upload not yet cited is theirs: it cannot be cited or downloaded by someone else", async () => {
    const mine = await upload(tuphapLeader, `/api/work/plan_task/${a.id}/files`);
    const res = await act(tuphap, a, {
      action: 'report_done',
      version: a.version,
      output: 'Xong',
      fileIds: [mine.id],
    });
    expect(res.statusCode).toBe(400);
    expect((await tuphap.request('GET', `/api/work/plan_task/${a.id}/files/${mine.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await tuphapLeader.request('GET', `/api/work/plan_task/${a.id}/files/${mine.id}`)).statusCode,
    ).toBe(200);
  });

  it('only the unit and its reviewers may upload for an item', async () => {
    expect((await upload(xaydung, `/api/work/plan_task/${a.id}/files`)).status).toBe(403);
    expect((await upload(member, `/api/work/plan_task/${a.id}/files`)).status).toBe(403);
  });

  it('an upload no action cites expires and is removed with its file; cited evidence stays', async () => {
    const orphan = await upload(tuphap, `/api/work/plan_task/${a.id}/files`);
    const later = new Date(Date.now() + 25 * 3_600_000);
    const { removed } = await expireUploads(t.database.db, t.app.fileStore, later);
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM files WHERE id = ${orphan.id}`,
    )) as unknown as { rows: { n: number }[] };
    expect(left.rows[0]!.n).toBe(0);
    const cited = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM work_attachments WHERE expires_at IS NULL`,
    )) as unknown as { rows: { n: number }[] };
    expect(cited.rows[0]!.n).toBeGreaterThan(0);
  });
});

describe('pilot items and reports on the engine', () => {
  it('a pilot item reported done reaches the standing agency’s inbox (pilot items notify now)', async () => {
    const item = (await queue(xaydung, 'owed')).items.find(
      (i) => i.kind === 'pilot_item' && i.allowedActions.includes('report_done'),
    );
    if (!item) return; // the demo gives Sở Xây dựng an open pilot item; guard for demo changes
    const file = await upload(xaydung, `/api/work/pilot_item/${item.id}/files`);
    const res = await act(xaydung, item, {
      action: 'report_done',
      version: item.version,
      output: 'Hoàn thành',
      fileIds: [file.id],
    });
    expect(res.statusCode).toBe(200);
    const inbox = (await officer.request('GET', '/api/notifications')).json() as {
      items: { title: string; link: string | null }[];
    };
    expect(inbox.items.some((n) => n.link?.includes(item.id))).toBe(true);
  });

  it('a submitted pilot report is in the review queue and accepted there', async () => {
    const report = (await queue(officer, 'review')).items.find((i) => i.kind === 'pilot_report');
    if (!report) return;
    expect(report.allowedActions).toEqual(expect.arrayContaining(['accept', 'return']));
    const refused = await act(officer, report, { action: 'return', version: report.version });
    expect(refused.statusCode).toBe(400);
    const ok = await act(officer, report, { action: 'accept', version: report.version });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { item: WorkItemOut }).item.status).toBe('accepted');
    const history = (await admin.request('GET', `/api/work/pilot_report/${report.id}/events`)).json() as {
      items: { action: string }[];
    };
    expect(history.items.at(-1)!.action).toBe('accept');
  });

  it('a pilot unit owes both its reports from the day it is chosen: in its queue, with their due dates and reminders', async () => {
    const committees = (await officer.request('GET', '/api/committees')).json() as {
      items: { id: string; level: string }[];
    };
    const committeeId = committees.items.find((c) => c.level === 'province')!.id;
    const programme = await officer.request('POST', '/api/pilot-programmes', { committeeId, year: 2027 });
    expect(programme.statusCode).toBe(201);
    const search = (await officer.request('GET', '/api/units/search?q=so%20tu%20phap')).json() as {
      items: { id: string }[];
    };
    const added = await officer.request(
      'POST',
      `/api/pilot-programmes/${(programme.json() as { id: string }).id}/units`,
      {
        unitId: search.items[0]!.id,
      },
    );
    expect(added.statusCode, added.body).toBe(201);
    const pilotUnitId = (added.json() as { id: string }).id;
    const owed = (await queue(tuphap, 'owed')).items.filter(
      (i) => i.kind === 'pilot_report' && i.link.startsWith(`/pilots/units/${pilotUnitId}`),
    );
    expect(owed.map((i) => [i.status, i.dueDate]).sort()).toEqual([
      ['draft', '2027-06-20'],
      ['draft', '2027-12-20'],
    ]);
    expect(owed.every((i) => i.allowedActions.includes('submit'))).toBe(true);
    // Not written yet: the pilot page still says so, and the first save needs no version.
    const page = (await tuphap.request('GET', `/api/pilot-units/${pilotUnitId}`)).json() as {
      reports: { kind: string; status: string | null }[];
    };
    expect(page.reports.map((r) => r.status)).toEqual([null, null]);
    const saved = await tuphap.request('PUT', `/api/pilot-units/${pilotUnitId}/reports/half_year`, {
      overall: 'Bản nháp',
      assessments: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The reminder feed names them with their periods' due dates.
    const feed = await openDeadlines(t.database.db);
    const mine = feed.filter(
      (d) => d.kind === 'pilot_report' && d.link.startsWith(`/pilots/units/${pilotUnitId}`),
    );
    expect(mine.map((d) => d.dueDate).sort()).toEqual(['2027-06-20', '2027-12-20']);
    expect(mine.every((d) => d.status === 'in_progress')).toBe(true);
  });

  it('unknown kinds and items are refused', async () => {
    expect(
      (await officer.request('GET', '/api/work/nothing/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(400);
    expect(
      (await officer.request('GET', '/api/work/plan_task/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/work/queue?view=owed' })).statusCode).toBe(401);
  });
});
