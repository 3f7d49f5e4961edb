import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { seedDemo } from '../demo/demo.service.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Member = { id: string; name: string; position: string; userId: string | null };
type Task = {
  id: string;
  status: string;
  planId: string;
  planYear: number;
  leadUnitName: string;
  timing: { state: string };
};
type Conclusion = {
  id: string;
  ordinal: number;
  text: string;
  state: string;
  version: number;
  tasks: Task[];
  abilities: { update: boolean; delete: boolean; createTask: boolean };
};
type Meeting = {
  id: string;
  title: string;
  date: string;
  status: string;
  version: number;
  chair: { name: string; position: string } | null;
  attendees: { membershipId: string; name: string }[];
  absentees: { membershipId: string; name: string; reason?: string | null }[];
  conclusions: Conclusion[];
  notice: { id: string; numberSymbol: string } | null;
  files: { id: string; originalName: string }[];
  taskPlans: { id: string; year: number; isDefault: boolean }[];
  abilities: { read: boolean; update: boolean; brief: boolean };
};
type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

/** The text of a .docx's body (its runs joined). */
const docxText = async (bytes: Buffer) =>
  (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'))
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

let t: TestApp;
let officer: Caller;
let focal: Caller;
let member: Caller;
let admin: Caller;
let committeeId: string;
let units: Map<string, string>;

const membersOn = async (date: string): Promise<Member[]> =>
  (
    (await officer.request('GET', `/api/committees/${committeeId}/composition?asOf=${date}`)).json() as {
      members: Member[];
    }
  ).members;

const byName = (members: Member[], name: string) => members.find((m) => m.name === name)!.id;

/** A session of the provincial committee on `date`, chaired by the Head, with the given attendees. */
async function createSession(date: string, extra: Record<string, unknown> = {}) {
  const members = await membersOn(date);
  const res = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
    kind: 'session',
    title: `Phiên họp thử nghiệm ngày ${date}`,
    date,
    startTime: '08:00',
    place: 'Hội trường UBND tỉnh',
    chairMembershipId: members.find((m) => m.position === 'truong_ban')!.id,
    attendeeMembershipIds: members.filter((m) => m.position !== 'truong_ban').map((m) => m.id),
    agenda: ['Đánh giá kết quả CCHC', 'Nhiệm vụ trọng tâm'],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Meeting;
}

function multipart(filename: string, content: Buffer, type = 'text/plain') {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  const list = (await officer.request('GET', '/api/committees?level=province')).json() as {
    items: { id: string }[];
  };
  committeeId = list.items[0]!.id;
  const unitList = (await officer.request('GET', '/api/units?asOf=2024-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  units = new Map(unitList.items.map((u) => [u.name, u.id]));
});
afterAll(() => t.close());

type Summary = {
  id: string;
  title: string;
  date: string;
  kind: string;
  unitName: string | null;
  chair: { name: string } | null;
  notice: { numberSymbol: string } | null;
  conclusionCount: number;
  conclusionStates: Record<string, number>;
};

describe('the demo province', () => {
  it('has the committee’s meetings of 2023–2025, newest first, conclusions mostly turned into tasks', async () => {
    const res = await member.request('GET', `/api/committees/${committeeId}/meetings`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { items: Summary[]; abilities: { create: boolean } };
    expect(list.abilities.create).toBe(false);
    expect(list.items.map((m) => m.date)).toEqual([
      '2025-07-18',
      '2024-07-25',
      '2024-03-15',
      '2023-08-10',
      '2023-07-28',
      '2023-03-20',
    ]);
    const first = list.items.at(-1)!;
    // The first session after Decision 1830-QĐ/TU of 6/3/2023, with its conclusion notice.
    expect(first.title).toContain('Phiên họp thứ nhất');
    // The committee was founded by the Tỉnh ủy (1830-QĐ/TU): its notice is numbered as a Party document.
    expect(first.notice?.numberSymbol).toBe('25-TB/BCĐ');
    expect(first.conclusionStates).toMatchObject({ done: 4, untracked: 1 });
    const working = list.items.find((m) => m.kind === 'working_session')!;
    expect(working.unitName).toContain('Diễn Châu');
    expect(working.conclusionStates).toMatchObject({ done: 1, overdue: 1, untracked: 1 });
    const total = list.items.reduce((n, m) => n + m.conclusionCount, 0);
    const tracked = list.items.reduce((n, m) => n + m.conclusionCount - m.conclusionStates.untracked!, 0);
    expect(total).toBe(21);
    expect(tracked).toBe(17);
    // The working group's internal meeting: no unit, its members only.
    const internal = list.items.find((m) => m.kind === 'internal')!;
    expect(internal.unitName).toBeNull();
    expect(internal.chair?.name).toBe('Nguyễn Hữu Thắng');
  });

  it('the tasks of the conclusions sit in that year’s committee plan, with their source', async () => {
    const list = (await officer.request('GET', `/api/committees/${committeeId}/meetings`)).json() as {
      items: Summary[];
    };
    const review = list.items.find((m) => m.date === '2024-07-25')!;
    const m = (await officer.request('GET', `/api/meetings/${review.id}`)).json() as Meeting;
    expect(m.attendees.map((a) => a.name)).toContain('Võ Văn Giang');
    expect(m.absentees).toEqual([expect.objectContaining({ name: 'Lê Văn Bình' })]);
    expect(m.conclusions.map((c) => c.state)).toEqual(['done', 'overdue', 'done', 'reported']);
    const task = m.conclusions[1]!.tasks[0]!;
    expect(task.planYear).toBe(2024);
    const tasks = (await officer.request('GET', `/api/plans/${task.planId}/tasks`)).json() as {
      items: { id: string; source: string; sourceRef: string }[];
    };
    expect(tasks.items.find((x) => x.id === task.id)).toMatchObject({
      source: 'conclusion',
      sourceRef: m.conclusions[1]!.id,
    });
    // The default plan offered for new tasks is the committee's 2024 plan.
    expect(m.taskPlans[0]).toMatchObject({ id: task.planId, isDefault: true });
  });

  it('seeding again adds nothing', async () => {
    await seedDemo(systemContext(t.database.db), { withAccounts: true });
    const list = (await officer.request('GET', `/api/committees/${committeeId}/meetings`)).json() as {
      items: Summary[];
    };
    expect(list.items).toHaveLength(6);
  });
});

describe('recording a meeting', () => {
  it('keeps the chair and attendees as members of that day, the chair listed first', async () => {
    const m = await createSession('2024-06-20');
    expect(m.version).toBe(1);
    expect(m.status).toBe('planned');
    expect(m.chair).toMatchObject({ name: 'Trần Văn Chỉ Đạo', position: 'truong_ban' });
    expect(m.attendees[0]!.name).toBe('Trần Văn Chỉ Đạo');
    // The member replaced by 2468-QĐ/TU on 15/5/2024 is gone, the new one attends.
    const names = m.attendees.map((a) => a.name);
    expect(names).toContain('Võ Văn Giang');
    expect(names).not.toContain('Đinh Văn Dũng');
    expect(m.abilities).toEqual({ read: true, update: true, brief: true });
  });

  it('refuses attendees who were not members on the meeting date (400, naming the field)', async () => {
    // Đinh Văn Dũng left the committee on 14/5/2024 (kiện toàn by 2468-QĐ/TU).
    const before = await membersOn('2024-01-10');
    const res = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'session',
      title: 'Phiên họp sau kiện toàn',
      date: '2024-06-20',
      attendeeMembershipIds: [byName(before, 'Đinh Văn Dũng')],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.[0]?.field).toBe('attendeeMembershipIds');
    expect(body.error.message).toContain('20/06/2024');
  });

  it('refuses a member both present and absent, and a working session without its unit', async () => {
    const members = await membersOn('2024-06-20');
    const one = members[2]!.id;
    const overlap = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'session',
      title: 'Phiên họp',
      date: '2024-06-20',
      attendeeMembershipIds: [one],
      absentees: [{ membershipId: one, reason: 'Đi công tác' }],
    });
    expect(overlap.statusCode).toBe(400);
    expect((overlap.json() as ErrorBody).error.details?.[0]?.field).toBe('absentees');
    const noUnit = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'working_session',
      title: 'Làm việc với huyện',
      date: '2024-06-20',
    });
    expect(noUnit.statusCode).toBe(400);
    expect((noUnit.json() as ErrorBody).error.details?.[0]?.field).toBe('unitId');
  });

  it('accepts a committee-internal session with no unit (the working group meets), and refuses one with a unit', async () => {
    const members = await membersOn('2024-06-20');
    const group = members.filter((m) => m.position === 'to_giup_viec');
    expect(group.length).toBeGreaterThan(1);
    const res = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'internal',
      title: 'Họp Tổ giúp việc rà soát tiến độ kết luận',
      date: '2024-06-20',
      place: 'Phòng họp Sở Nội vụ',
      chairMembershipId: group[0]!.id,
      attendeeMembershipIds: group.slice(1).map((m) => m.id),
      status: 'held',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Meeting & { kind: string; unitId: string | null };
    expect(m).toMatchObject({ kind: 'internal', unitId: null });
    expect(m.attendees.map((a) => a.name)).toContain('Lê Thị Thường Trực');
    const withUnit = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'internal',
      title: 'Họp nội bộ',
      date: '2024-06-20',
      unitId: units.get('Sở Tư pháp'),
    });
    expect(withUnit.statusCode).toBe(400);
    expect((withUnit.json() as ErrorBody).error.details?.[0]?.field).toBe('unitId');
  });

  it('refuses a meeting marked held in the future and one before the committee was founded', async () => {
    const future = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'session',
      title: 'Phiên họp tương lai',
      date: '2099-01-05',
      status: 'held',
    });
    expect(future.statusCode).toBe(400);
    const early = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'session',
      title: 'Trước khi thành lập',
      date: '2023-01-05',
    });
    expect(early.statusCode).toBe(400);
    expect((early.json() as ErrorBody).error.message).toContain('06/03/2023');
  });

  it('records absentees with their reason', async () => {
    const members = await membersOn('2024-07-01');
    const absent = members.find((m) => m.name === 'Trịnh Thị Hà')!.id;
    const m = await createSession('2024-07-01', {
      attendeeMembershipIds: members
        .filter((x) => x.id !== absent && x.position !== 'truong_ban')
        .map((x) => x.id),
      absentees: [{ membershipId: absent, reason: 'Đi công tác' }],
    });
    expect(m.absentees).toEqual([expect.objectContaining({ name: 'Trịnh Thị Hà', reason: 'Đi công tác' })]);
  });
});

describe('permissions', () => {
  it('a focal point can neither record nor read the provincial committee’s meetings', async () => {
    const res = await focal.request('POST', `/api/committees/${committeeId}/meetings`, {
      kind: 'session',
      title: 'Phiên họp',
      date: '2024-06-20',
    });
    expect(res.statusCode).toBe(403);
    const list = await focal.request('GET', `/api/committees/${committeeId}/meetings`);
    expect(list.statusCode).toBe(403);
    const committees = (await focal.request('GET', '/api/meetings/committees')).json() as {
      items: { id: string }[];
    };
    expect(committees.items.map((c) => c.id)).not.toContain(committeeId);
  });

  it('a committee member reads meetings but may not change them', async () => {
    const m = await createSession('2024-08-01');
    const res = await member.request('GET', `/api/meetings/${m.id}`);
    expect(res.statusCode).toBe(200);
    // (The briefing pack is the managers' and the committee leaders', not a member's.)
    expect((res.json() as Meeting).abilities).toEqual({ read: true, update: false, brief: false });
    expect((res.json() as Meeting).taskPlans).toEqual([]);
    const edit = await member.request('PATCH', `/api/meetings/${m.id}`, { version: 1, minutes: 'x' });
    expect(edit.statusCode).toBe(403);
    const conclusion = await member.request('POST', `/api/meetings/${m.id}/conclusions`, {
      text: 'Kết luận',
    });
    expect(conclusion.statusCode).toBe(403);
  });
});

describe('editing', () => {
  it('bumps the version, and a stale version gets 409 STALE_VERSION', async () => {
    const m = await createSession('2024-09-05');
    const ok = await officer.request('PATCH', `/api/meetings/${m.id}`, {
      version: 1,
      status: 'held',
      minutes: 'Biên bản: các thành viên thống nhất.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Meeting).version).toBe(2);
    const stale = await officer.request('PATCH', `/api/meetings/${m.id}`, { version: 1, place: 'Khác' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.code).toBe('STALE_VERSION');
    const history = (await admin.request('GET', `/api/meetings/${m.id}/history`)).json() as {
      items: { action: string }[];
    };
    expect(history.items.map((h) => h.action).sort()).toEqual(['create', 'update']);
  });

  it('moving the date re-checks the attendees against the composition of the new date', async () => {
    const m = await createSession('2024-06-20');
    const res = await officer.request('PATCH', `/api/meetings/${m.id}`, { version: 1, date: '2024-01-10' });
    // Võ Văn Giang joined on 15/5/2024: not a member on 10/1/2024.
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.details?.[0]?.field).toBe('attendeeMembershipIds');
  });
});

describe('conclusions and their tasks', () => {
  let meeting: Meeting;
  let conclusion: Conclusion;

  beforeAll(async () => {
    meeting = await createSession('2024-10-10');
    const res = await officer.request('POST', `/api/meetings/${meeting.id}/conclusions`, {
      text: 'Sở Tư pháp rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực hộ tịch.',
      leadUnitId: units.get('Sở Tư pháp'),
      dueDate: '2024-12-15',
      reformArea: 'procedures',
    });
    expect(res.statusCode, res.body).toBe(201);
    conclusion = res.json() as Conclusion;
  });

  it('numbers conclusions in order', async () => {
    expect(conclusion.ordinal).toBe(1);
    const second = await officer.request('POST', `/api/meetings/${meeting.id}/conclusions`, {
      text: 'Văn phòng UBND tỉnh theo dõi, đôn đốc.',
    });
    expect((second.json() as Conclusion).ordinal).toBe(2);
    expect((second.json() as Conclusion).state).toBe('untracked');
  });

  it('turns into a task only once the meeting was held', async () => {
    const res = await officer.request('POST', `/api/conclusions/${conclusion.id}/tasks`, {});
    expect(res.statusCode).toBe(409);
    expect(conclusion.abilities.createTask).toBe(false);
  });

  it("becomes a task in the committee's plan of the meeting's year, with source 'conclusion'", async () => {
    const held = await officer.request('PATCH', `/api/meetings/${meeting.id}`, {
      version: meeting.version,
      status: 'held',
    });
    expect(held.statusCode, held.body).toBe(200);
    const res = await officer.request('POST', `/api/conclusions/${conclusion.id}/tasks`, {});
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Conclusion;
    expect(c.tasks).toHaveLength(1);
    const task = c.tasks[0]!;
    expect(task.planYear).toBe(2024);
    expect(task.leadUnitName).toContain('Sở Tư pháp');
    // Due 15/12/2024, not done: overdue today, and so is the conclusion.
    expect(task.timing.state).toBe('overdue');
    expect(c.state).toBe('overdue');
    expect(c.abilities.delete).toBe(false);

    const tasks = (await officer.request('GET', `/api/plans/${task.planId}/tasks`)).json() as {
      items: { id: string; source: string; sourceRef: string; title: string }[];
    };
    const inPlan = tasks.items.find((x) => x.id === task.id)!;
    expect(inPlan).toMatchObject({ source: 'conclusion', sourceRef: conclusion.id });
    expect(inPlan.title).toContain('hộ tịch');

    // The meeting page shows it with its live status.
    const page = (await member.request('GET', `/api/meetings/${meeting.id}`)).json() as Meeting;
    expect(page.conclusions[0]!.tasks[0]!.id).toBe(task.id);
    expect(page.conclusions[0]!.abilities.createTask).toBe(false);
  });

  it('shows "done" once the task is verified by the standing agency', async () => {
    const page = (await officer.request('GET', `/api/meetings/${meeting.id}`)).json() as Meeting;
    const taskId = page.conclusions[0]!.tasks[0]!.id;
    const act = async (who: Caller, action: string, extra: Record<string, unknown> = {}) => {
      const tasks = (
        await who.request('GET', `/api/plans/${page.conclusions[0]!.tasks[0]!.planId}/tasks`)
      ).json() as {
        items: { id: string; version: number }[];
      };
      const version = tasks.items.find((x) => x.id === taskId)!.version;
      const res = await who.request('POST', `/api/tasks/${taskId}/actions`, { action, version, ...extra });
      expect(res.statusCode, res.body).toBe(200);
    };
    const upload = multipart(
      'ket-qua.pdf',
      Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
      'application/pdf',
    );
    const file = await focal.request('POST', `/api/tasks/${taskId}/files`, upload.payload, {
      'content-type': upload.contentType,
    });
    expect(file.statusCode, file.body).toBe(201);
    await act(focal, 'report_done', {
      output: 'Đã rà soát 12 thủ tục',
      fileIds: [(file.json() as { id: string }).id],
    });
    await act(officer, 'verify');
    const after = (await officer.request('GET', `/api/meetings/${meeting.id}`)).json() as Meeting;
    expect(after.conclusions[0]!.tasks[0]!.status).toBe('verified');
    expect(after.conclusions[0]!.state).toBe('done');
  });

  it('asks for a lead unit and a reform area when the conclusion has none', async () => {
    const page = (await officer.request('GET', `/api/meetings/${meeting.id}`)).json() as Meeting;
    const second = page.conclusions[1]!;
    const res = await officer.request('POST', `/api/conclusions/${second.id}/tasks`, {});
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.details?.[0]?.field).toBe('leadUnitId');
    const ok = await officer.request('POST', `/api/conclusions/${second.id}/tasks`, {
      leadUnitId: units.get('Văn phòng UBND tỉnh'),
      reformArea: 'direction',
      title: 'Theo dõi, đôn đốc thực hiện kết luận',
      dueDate: '2099-12-31',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as Conclusion).state).toBe('in_progress');
  });

  it('a conclusion followed up by a task cannot be deleted; another one can', async () => {
    const refused = await officer.request(
      'DELETE',
      `/api/conclusions/${conclusion.id}?version=${conclusion.version}`,
    );
    expect(refused.statusCode).toBe(409);
    const third = (
      await officer.request('POST', `/api/meetings/${meeting.id}/conclusions`, { text: 'Kết luận nhập nhầm' })
    ).json() as Conclusion;
    const stale = await officer.request('PATCH', `/api/conclusions/${third.id}`, { version: 9, text: 'Sửa' });
    expect(stale.statusCode).toBe(409);
    const gone = await officer.request('DELETE', `/api/conclusions/${third.id}?version=${third.version}`);
    expect(gone.statusCode).toBe(204);
  });

  it('suggests the next free notice number for the date: after the demo’s 25-TB/BCĐ, 26-TB/BCĐ', async () => {
    type Suggestion = {
      issuedOn: string;
      numberSymbol: string;
      numbering: string;
      previous: { numberSymbol: string; issuedOn: string } | null;
    };
    const res = await officer.request(
      'GET',
      `/api/meetings/${meeting.id}/notice/next-number?issuedOn=2024-10-15`,
    );
    expect(res.statusCode, res.body).toBe(200);
    // A Party committee (1830-QĐ/TU): numbers run on within the Party term (HD 36-HD/VPTW), not from 01 each year.
    expect(res.json()).toMatchObject({
      issuedOn: '2024-10-15',
      numberSymbol: '26-TB/BCĐ',
      numbering: 'party_term',
      previous: { numberSymbol: '25-TB/BCĐ', issuedOn: '2023-03-24' },
    } satisfies Partial<Suggestion>);
    // Without a date: today's.
    const today = (
      await officer.request('GET', `/api/meetings/${meeting.id}/notice/next-number`)
    ).json() as Suggestion;
    expect(today.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // It serves the issuing form: members who read the meeting do not issue its notice.
    expect((await member.request('GET', `/api/meetings/${meeting.id}/notice/next-number`)).statusCode).toBe(
      403,
    );
    expect(
      (await officer.request('GET', `/api/meetings/${meeting.id}/notice/next-number?issuedOn=2024-02-30`))
        .statusCode,
    ).toBe(400);
  });

  it('issuing the conclusion notice registers a thông báo listing the conclusions, once', async () => {
    const page = (await officer.request('GET', `/api/meetings/${meeting.id}`)).json() as Meeting;
    const res = await officer.request('POST', `/api/meetings/${meeting.id}/notice`, {
      version: page.version,
      numberSymbol: '123-TB/BCĐ',
      issuedOn: '2024-10-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Meeting;
    expect(m.notice?.numberSymbol).toBe('123-TB/BCĐ');
    expect(m.version).toBe(page.version + 1);
    const doc = (await member.request('GET', `/api/documents/${m.notice!.id}`)).json() as {
      type: string;
      summary: string;
      issuer: string;
      title: string;
      files: { id: string; originalName: string; mediaType: string }[];
    };
    expect(doc.type).toBe('thong_bao');
    // The notice itself, laid out as an administrative document (Decree 30/2020/NĐ-CP), is attached.
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]!.originalName).toBe('Thông báo kết luận 123-TB-BCĐ.docx');
    expect(doc.files[0]!.mediaType).toContain('wordprocessingml');
    const docx = await member.request('GET', `/api/files/${doc.files[0]!.id}/download`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Laid out as a Party document: the Party heading, the star, "Số 123-TB/BCĐ", T/M (HD 36-HD/VPTW).
    const xml = await docxText(docx.rawPayload);
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Số 123-TB/BCĐ');
    expect(xml).toContain('TỈNH ỦY NGHỆ AN');
    expect(xml).toContain('T/M BAN CHỈ ĐẠO');
    expect(doc.issuer).toContain('Ban Chỉ đạo');
    expect(doc.summary).toContain('1. Sở Tư pháp rà soát');
    expect(doc.summary).toContain('10/10/2024');
    const again = await officer.request('POST', `/api/meetings/${meeting.id}/notice`, {
      version: m.version,
      numberSymbol: '124/TB-BCĐ',
      issuedOn: '2024-10-16',
    });
    expect(again.statusCode).toBe(409);
  });

  it('a state-style number on a Party committee’s notice is refused, naming the form to use', async () => {
    const created = await createSession('2025-02-11', { status: 'held' });
    await officer.request('POST', `/api/meetings/${created.id}/conclusions`, { text: 'Kết luận thử nghiệm' });
    const page = (await officer.request('GET', `/api/meetings/${created.id}`)).json() as Meeting & {
      noticeFormat: { layout: string; example: string; numberPrefix: string; heading: string[] };
    };
    expect(page.noticeFormat).toMatchObject({
      layout: 'party',
      example: '01-TB/BCĐ',
      numberPrefix: 'Số ',
      heading: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
    });
    const res = await officer.request('POST', `/api/meetings/${created.id}/notice`, {
      version: page.version,
      numberSymbol: '07/TB-BCĐ',
      issuedOn: '2025-02-12',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.error.details?.[0]?.field).toBe('numberSymbol');
    expect(body.error.message).toContain('01-TB/BCĐ');
    expect(body.error.message).toContain('36-HD/VPTW');
  });

  it('after issuing 123-TB/BCĐ, the next suggestion is 124-TB/BCĐ, in the next year too (Party term)', async () => {
    const other = await createSession('2025-03-03', { status: 'held' });
    const res = await officer.request(
      'GET',
      `/api/meetings/${other.id}/notice/next-number?issuedOn=2025-03-04`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      numberSymbol: '124-TB/BCĐ',
      previous: { numberSymbol: '123-TB/BCĐ', issuedOn: '2024-10-15' },
    });
  });

  it('the committee view shows what the last meeting decided and whether it was done', async () => {
    const res = await member.request(
      'GET',
      `/api/committees/${committeeId}/meetings/follow-up?asOf=2024-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as {
      previous: { id: string; conclusions: Conclusion[] } | null;
      outstanding: Conclusion[];
    };
    expect(f.previous?.id).toBe(meeting.id);
    expect(f.previous?.conclusions.map((c) => c.state)).toEqual(['done', 'in_progress']);
  });
});

describe('files', () => {
  it('attaches, downloads with the Vietnamese name, and detaches a file', async () => {
    const m = await createSession('2024-11-11');
    const upload = multipart('Biên bản họp.txt', Buffer.from('Biên bản phiên họp', 'utf8'));
    const res = await officer.request('POST', `/api/meetings/${m.id}/files`, upload.payload, {
      'content-type': upload.contentType,
    });
    expect(res.statusCode, res.body).toBe(200);
    const withFile = res.json() as Meeting;
    expect(withFile.files.map((f) => f.originalName)).toEqual(['Biên bản họp.txt']);
    const download = await member.request('GET', `/api/meetings/${m.id}/files/${withFile.files[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain("UTF-8''Bi%C3%AAn");
    expect(download.body).toBe('Biên bản phiên họp');
    expect(
      (await focal.request('GET', `/api/meetings/${m.id}/files/${withFile.files[0]!.id}`)).statusCode,
    ).toBe(403);
    const detached = await officer.request(
      'DELETE',
      `/api/meetings/${m.id}/files/${withFile.files[0]!.id}?version=${withFile.version}`,
    );
    expect(detached.statusCode, detached.body).toBe(200);
    expect((detached.json() as Meeting).files).toEqual([]);
  });
});
