import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Task = {
  id: string;
  version: number;
  status: string;
  timing: { state: string; daysOverdue?: number };
  allowedActions: string[];
};
type Kpis = {
  overall: {
    total: { value: number };
    verified: { value: number; taskIds: string[] };
    completionPct: { value: number | null };
  };
};

let t: TestApp;
let officer: Caller;
let tuphap: Caller;
let xaydung: Caller;
let member: Caller;
let units: Map<string, string>;
let planId: string;

function multipart(filename: string, content: Buffer) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string; kind: string }[];
  };
  units = new Map(list.items.map((u) => [u.name, u.id]));
  const plan = await officer.request('POST', '/api/plans', {
    year: 2026,
    ownerUnitId: units.get('Nghệ An'),
    title: 'Kế hoạch CCHC năm 2026',
    method: 'count',
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = (plan.json() as { id: string }).id;
});
afterAll(() => t.close());

const addTask = async (title: string, lead: string, dueDate: string) => {
  const res = await officer.request('POST', `/api/plans/${planId}/tasks`, {
    title,
    reformArea: 'procedures',
    leadUnitId: units.get(lead),
    dueDate,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Task;
};
const task = async (id: string, asOf = '2026-06-01') =>
  (
    (await officer.request('GET', `/api/plans/${planId}/tasks?asOf=${asOf}`)).json() as { items: Task[] }
  ).items.find((x) => x.id === id)!;
const act = (caller: Caller, id: string, body: Record<string, unknown>) =>
  caller.request('POST', `/api/tasks/${id}/actions`, body);

describe('the task workflow, end to end', () => {
  it('report done with evidence → returned with a reason → re-reported → verified; KPIs follow and name the task', async () => {
    const a = await addTask(
      'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp',
      'Sở Tư pháp',
      '2026-09-30',
    );
    await addTask('Số hóa hồ sơ cấp phép xây dựng', 'Sở Xây dựng', '2026-10-31');
    const { payload, contentType } = multipart('bao-cao.pdf', PDF);
    const file = (
      await tuphap.request('POST', `/api/tasks/${a.id}/files`, payload, { 'content-type': contentType })
    ).json() as { id: string };
    let res = await act(tuphap, a.id, {
      action: 'report_done',
      version: a.version,
      output: 'Đã rà soát 45 thủ tục',
      fileIds: [file.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await act(officer, a.id, {
      action: 'return',
      version: (res.json() as Task).version,
      reason: 'Thiếu danh mục thủ tục đã đơn giản hóa',
    });
    expect((res.json() as Task).status).toBe('returned');
    res = await act(tuphap, a.id, {
      action: 'report_done',
      version: (res.json() as Task).version,
      output: 'Bổ sung danh mục',
      fileIds: [file.id],
    });
    res = await act(officer, a.id, { action: 'verify', version: (res.json() as Task).version });
    expect((res.json() as Task).status).toBe('verified');
    const kpis = (await officer.request('GET', `/api/plans/${planId}/kpis?asOf=2026-06-01`)).json() as Kpis;
    expect(kpis.overall.total.value).toBe(2);
    expect(kpis.overall.verified.taskIds).toEqual([a.id]);
    expect(kpis.overall.completionPct.value).toBe(50);
    const events = (await officer.request('GET', `/api/tasks/${a.id}/events`)).json() as {
      items: { action: string }[];
    };
    expect(events.items.map((e) => e.action)).toEqual(['report_done', 'return', 'report_done', 'verify']);
    const detailed = events.items as unknown as { actorName: string; files: { originalName: string }[] }[];
    expect(detailed.map((e) => e.actorName)).toEqual([
      'Hoàng Văn Đầu Mối',
      'Lê Thị Thường Trực',
      'Hoàng Văn Đầu Mối',
      'Lê Thị Thường Trực',
    ]);
    expect(detailed[0]!.files.map((f) => f.originalName)).toEqual(['bao-cao.pdf']);
    const download = await member.request('GET', `/api/tasks/${a.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('overdue is derived from the due date across Tết 2026, never stored', async () => {
    const b = await addTask('Báo cáo trước Tết', 'Sở Tư pháp', '2026-02-13');
    expect((await task(b.id, '2026-02-13')).timing.state).not.toBe('overdue');
    const late = await task(b.id, '2026-02-23');
    expect(late.timing).toMatchObject({ state: 'overdue', daysOverdue: 1 });
  });
});

describe('permissions matrix', () => {
  it('who may do what on a task of Sở Tư pháp', async () => {
    const c = await addTask('Nhiệm vụ kiểm tra quyền', 'Sở Tư pháp', '2026-12-31');
    // Another department's focal point cannot report it; a member cannot change it; a focal point cannot verify.
    expect(
      (await act(xaydung, c.id, { action: 'report_done', version: c.version, output: 'x', fileIds: [] }))
        .statusCode,
    ).toBe(403);
    expect((await act(member, c.id, { action: 'start', version: c.version })).statusCode).toBe(403);
    // Its own focal point starts it; the standing agency may not be asked to verify what is not reported.
    const started = await act(tuphap, c.id, { action: 'start', version: c.version });
    expect(started.statusCode).toBe(200);
    expect(
      (await act(officer, c.id, { action: 'verify', version: (started.json() as Task).version })).statusCode,
    ).toBe(409);
    // Missing evidence names the field; a stale version is 409.
    const noEvidence = await act(tuphap, c.id, {
      action: 'report_done',
      version: (started.json() as Task).version,
      output: 'Xong',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect((noEvidence.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe(
      'fileIds',
    );
    expect((await act(tuphap, c.id, { action: 'start', version: c.version })).statusCode).toBe(409);
    // Reported done: verification is the standing agency's alone.
    const { payload, contentType } = multipart('minh-chung.pdf', PDF);
    const file = (
      await tuphap.request('POST', `/api/tasks/${c.id}/files`, payload, { 'content-type': contentType })
    ).json() as { id: string };
    const reported = await act(tuphap, c.id, {
      action: 'report_done',
      version: (started.json() as Task).version,
      output: 'Xong',
      fileIds: [file.id],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(
      (await act(tuphap, c.id, { action: 'verify', version: (reported.json() as Task).version })).statusCode,
    ).toBe(403);
    expect(
      (await act(member, c.id, { action: 'verify', version: (reported.json() as Task).version })).statusCode,
    ).toBe(403);
    expect(
      (await act(officer, c.id, { action: 'verify', version: (reported.json() as Task).version })).statusCode,
    ).toBe(200);
    // Only the standing agency creates plans and tasks.
    expect(
      (
        await tuphap.request('POST', '/api/plans', {
          year: 2026,
          ownerUnitId: units.get('Nghệ An'),
          title: 'Không được',
        })
      ).statusCode,
    ).toBe(403);
  });

  it("a plan's decision must be a register document its creator may read (400 on documentId otherwise)", async () => {
    const restricted = await tuphap.request('POST', '/api/documents', {
      numberSymbol: '15/KH-STP',
      type: 'ke_hoach',
      issuer: 'Sở Tư pháp',
      issuedOn: '2026-01-10',
      title: 'Kế hoạch CCHC năm 2026 của Sở Tư pháp (dự thảo)',
      unitId: units.get('Sở Tư pháp'),
      access: 'restricted',
    });
    expect(restricted.statusCode, restricted.body).toBe(201);
    const docId = (restricted.json() as { id: string }).id;
    const unitPlan = (documentId: string) =>
      xaydung.request('POST', '/api/plans', {
        year: 2026,
        ownerUnitId: units.get('Sở Xây dựng'),
        ownerKind: 'unit',
        title: 'Kế hoạch CCHC năm 2026 của Sở Xây dựng',
        documentId,
      });
    for (const documentId of ['00000000-0000-4000-8000-000000000000', docId]) {
      const res = await unitPlan(documentId);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({
        error: {
          code: 'VALIDATION_FAILED',
          key: 'plans.document_not_found',
          details: [{ field: 'documentId' }],
        },
      });
    }
    // A task's extension cites its decision the same way.
    const task = await addTask('Nhiệm vụ gia hạn theo văn bản', 'Sở Tư pháp', '2026-09-30');
    const extend = await act(officer, task.id, {
      action: 'extend',
      version: task.version,
      reason: 'Gia hạn theo đề nghị của đơn vị',
      documentId: '00000000-0000-4000-8000-000000000000',
      newDueDate: '2026-10-31',
    });
    expect(extend.statusCode, extend.body).toBe(400);
    expect(extend.json()).toMatchObject({
      error: { key: 'work.document_not_found', details: [{ field: 'documentId' }] },
    });
    // Nothing was written.
    const listed = (await xaydung.request('GET', '/api/plans?year=2026')).json() as {
      items: { title: string }[];
    };
    expect(listed.items.map((p) => p.title)).not.toContain('Kế hoạch CCHC năm 2026 của Sở Xây dựng');
  });

  it("lists each task's allowed actions for the caller, so the web never repeats a rule", async () => {
    const d = await addTask('Nhiệm vụ hiển thị thao tác', 'Sở Tư pháp', '2026-12-31');
    const forFocal = (
      (await tuphap.request('GET', `/api/plans/${planId}/tasks`)).json() as { items: Task[] }
    ).items.find((x) => x.id === d.id)!;
    expect(forFocal.allowedActions).toEqual(expect.arrayContaining(['start', 'report_done']));
    expect(forFocal.allowedActions).not.toContain('verify');
    const forMember = (
      (await member.request('GET', `/api/plans/${planId}/tasks`)).json() as { items: Task[] }
    ).items.find((x) => x.id === d.id)!;
    expect(forMember.allowedActions).toEqual([]);
  });
});

describe('one contract: every answer about a task is the task as the list shows it', () => {
  const listed = async (caller: Caller, id: string) =>
    ((await caller.request('GET', `/api/plans/${planId}/tasks`)).json() as { items: Task[] }).items.find(
      (x) => x.id === id,
    )!;

  it('adding, editing, acting on and linking a task answer it with its timing, links and the caller’s actions', async () => {
    const added = await addTask('Công khai kết quả giải quyết hồ sơ', 'Sở Tư pháp', '2026-11-30');
    // The new task already says what the standing agency may do with it and when it is due.
    expect(added).toEqual(await listed(officer, added.id));
    expect(added).toMatchObject({
      leadUnitName: expect.stringContaining('Tư pháp'),
      timing: { state: expect.any(String) },
      links: { dependsOn: [], blockedBy: [], subtasks: { finished: 0, total: 0 } },
    });

    const edited = await officer.request('PATCH', `/api/tasks/${added.id}`, {
      title: 'Công khai kết quả giải quyết hồ sơ trên Cổng dịch vụ công',
      version: added.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toEqual(await listed(officer, added.id));

    // After starting it, the focal point is offered the next step (report done), from the answer alone.
    const started = await act(tuphap, added.id, {
      action: 'start',
      version: (edited.json() as Task).version,
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toEqual(await listed(tuphap, added.id));
    expect((started.json() as Task).allowedActions).toContain('report_done');

    const before = await addTask('Rà soát quy trình nội bộ', 'Sở Tư pháp', '2026-10-31');
    const linked = await officer.request('POST', `/api/tasks/${added.id}/dependencies`, {
      dependsOnTaskId: before.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual(await listed(officer, added.id));
  });

  it('a progress update and a direction answer the event as the history shows it (who, files, visibility)', async () => {
    const task = await addTask('Cập nhật tiến độ có minh chứng', 'Sở Tư pháp', '2026-12-31');
    const { payload, contentType } = multipart('tien-do.pdf', PDF);
    const upload = await tuphap.request('POST', `/api/tasks/${task.id}/files`, payload, {
      'content-type': contentType,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json() as { id: string; originalName: string; sha256: string };
    expect(file).toMatchObject({
      originalName: 'tien-do.pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const posted = await tuphap.request('POST', `/api/tasks/${task.id}/progress`, {
      note: 'Đã hoàn thành 60% khối lượng',
      percent: 60,
      fileIds: [file.id],
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const history = (await tuphap.request('GET', `/api/tasks/${task.id}/events`)).json() as {
      items: { id: string }[];
    };
    expect(posted.json()).toEqual(history.items.find((e) => e.id === (posted.json() as { id: string }).id));
    expect(posted.json()).toMatchObject({
      action: 'progress',
      actorName: 'Hoàng Văn Đầu Mối',
      state: 'published',
      files: [{ id: file.id, originalName: 'tien-do.pdf' }],
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('a plan answers with its owner’s name, the caller’s abilities and its times as ISO strings', async () => {
    const plan = (await officer.request('GET', `/api/plans/${planId}`)).json() as Record<string, unknown>;
    expect(plan).toMatchObject({
      id: planId,
      ownerName: expect.stringContaining('Nghệ An'),
      abilities: { manage: true },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(plan).not.toHaveProperty('createdBy');
    const forMember = (await member.request('GET', `/api/plans/${planId}`)).json() as typeof plan;
    expect(forMember.abilities).toEqual({ manage: false });
  });
});

describe('the plans list: years with plans, what the caller may create, overdue tasks of earlier years', () => {
  type List = {
    items: { year: number }[];
    years: { year: number; committee: number; unit: number }[];
    abilities: { createCommittee: boolean; createUnit: boolean };
  };
  it('lists every year that has a plan, newest first, whatever the filter', async () => {
    const list = (await officer.request('GET', '/api/plans?year=2019')).json() as List;
    expect(list.items).toEqual([]);
    const years = list.years.map((y) => y.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years).toContain(2026);
    const y2026 = list.years.find((y) => y.year === 2026)!;
    expect(y2026.committee).toBeGreaterThanOrEqual(1);
  });

  it('abilities come from the plans policy: the hotline officer and a member create nothing', async () => {
    const ask = async (who: Caller) => ((await who.request('GET', '/api/plans')).json() as List).abilities;
    expect(await ask(officer)).toEqual({ createCommittee: true, createUnit: true });
    expect(await ask(tuphap)).toEqual({ createCommittee: false, createUnit: true });
    expect(await ask(member)).toEqual({ createCommittee: false, createUnit: false });
    const hotline = await t.login('duongdaynong@chidao.demo');
    expect(await ask(hotline)).toEqual({ createCommittee: false, createUnit: false });
    // …and what the page hides, the server refuses.
    const refused = await hotline.request('POST', '/api/plans', {
      year: 2027,
      ownerUnitId: units.get('Nghệ An'),
      title: 'Kế hoạch CCHC năm 2027',
      method: 'count',
    });
    expect(refused.statusCode).toBe(403);
  });

  it("carried over: earlier years' open tasks that are overdue today, most overdue first, by the cockpit's rule", async () => {
    const res = await member.request('GET', '/api/plans/carried-over?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      total: number;
      items: { planYear: number; status: string; timing: { state: string; daysOverdue: number } }[];
    };
    expect(body.total).toBeGreaterThan(0);
    for (const i of body.items) {
      expect(i.planYear).toBeLessThan(2026);
      expect(['not_started', 'in_progress', 'returned']).toContain(i.status);
      expect(i.timing.state).toBe('overdue');
    }
    const days = body.items.map((i) => i.timing.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // Nothing is carried over into the earliest plan year.
    const none = (await member.request('GET', '/api/plans/carried-over?year=2000')).json() as {
      total: number;
    };
    expect(none.total).toBe(0);
  });
});
