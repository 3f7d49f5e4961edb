import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * PAR inspections end to end through the API (issue 15, the core): the standing officer drafts the 2027 plan with
 * a joint team and four units — an ended unit and dates outside the year are refused with clear Vietnamese
 * messages, a team member with a leader's grant over the inspected unit is flagged (not refused) — approves it;
 * the head of the team starts an inspection and fills its checklist (autosaved item by item; a stale version is
 * 409; evidence checked by its content), signs the minutes; a focal point of another unit gets nothing; a surprise
 * inspection from a hotline escalation marks the escalation taken; the templates and rules are versioned. And the
 * demo province's 2026 plan gives every role of the section something on its first start.
 */

let t: TestApp;
let officer: Caller;
let inspector: Caller;
let admin: Caller;
let focalTuphap: Caller;
let focalXaydung: Caller;
let member: Caller;

type ErrorBody = {
  error: {
    code: string;
    key: string;
    message: string;
    params?: Record<string, unknown>;
    details?: { field: string; message: string }[];
  };
};
type Team = {
  id: string;
  user: { id: string; fullName: string };
  unit: { name: string };
  role: string;
  conflicts: string[];
}[];
type Detail = {
  id: string;
  status: string;
  version: number;
  unit: { id: string; name: string };
  unitAsPlanned: { name: string };
  kind: string;
  source: string | null;
  sourceRef: string | null;
  team: Team;
  allowedActions: string[];
  access: { office: boolean; team: boolean; head: boolean; unit: boolean };
  checklist: Checklist;
};
type Checklist = {
  sections: {
    area: string;
    template: { id: string; number: number } | null;
    items: {
      key: string;
      finding: { id: string; result: string | null; version: number; files: { id: string }[] } | null;
    }[];
  }[];
  summary: { items: number; recorded: number; shortcoming: number };
};
type Plan = {
  id: string;
  version: number;
  status: string;
  team: Team;
  inspections: { id: string; unit: { name: string } }[];
};

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const fails = (
  res: { statusCode: number; body: string; json(): unknown },
  status: number,
): ErrorBody['error'] => {
  expect(res.statusCode, res.body).toBe(status);
  return (res.json() as ErrorBody).error;
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

function multipart(name: string, content: Buffer, type: string) {
  const boundary = '----chidaoinspection' + Math.random().toString(16).slice(2);
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const ids = new Map<string, string>();
const id = (key: string) => {
  const v = ids.get(key);
  if (!v) throw new Error(`no id for ${key}`);
  return v;
};
async function one(query: ReturnType<typeof sql>): Promise<string> {
  const [r] = await rows<{ id: string }>(t.database.db, query);
  if (!r) throw new Error('not found');
  return r.id;
}

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 100, lockMinutes: 1, ratePerMinute: 10_000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  inspector = await t.login('kiemtra@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  focalTuphap = await t.login('daumoi.tuphap@chidao.demo');
  focalXaydung = await t.login('daumoi.xaydung@chidao.demo');
  for (const [key, name] of [
    ['tuphap', 'Sở Tư pháp'],
    ['xaydung', 'Sở Xây dựng'],
    ['yte', 'Sở Y tế'],
    ['noivu', 'Sở Nội vụ'],
    ['khdt', 'Sở Kế hoạch và Đầu tư'],
    ['taichinh', 'Sở Tài chính'],
  ] as [string, string][])
    ids.set(
      key,
      await one(
        sql`select id from units where name = ${name} and kind in ('department') order by valid_from limit 1`,
      ),
    );
  ids.set(
    'province',
    await one(sql`select id from units where kind = 'province' and code = '40' and valid_to is null`),
  );
  ids.set(
    'dienchau',
    await one(
      sql`select id from units where kind = 'commune' and full_name = 'Xã Diễn Châu' and valid_to is null`,
    ),
  );
  for (const [key, email] of [
    ['kiemtra', 'kiemtra@chidao.demo'],
    ['member.tuphap', 'kiemtra.tuphap@chidao.demo'],
    ['member.vpubnd', 'kiemtra.vpubnd@chidao.demo'],
    ['lanhdao.tuphap', 'lanhdao.tuphap@chidao.demo'],
    ['daumoi.tuphap', 'daumoi.tuphap@chidao.demo'],
  ] as [string, string][])
    ids.set(key, await one(sql`select id from users where email = ${email}`));
  // A second inspector who can sign in: Sở Tài chính's official on the team (not its head).
  const created = ok<{ id: string }>(
    await admin.request('POST', '/api/users', {
      email: 'thanhvien.doan@example.vn',
      fullName: 'Trịnh Văn Thành Viên',
      unitId: id('taichinh'),
      password: 'Thanh-vien-doan-2027',
    }),
    201,
  );
  ids.set('member', created.id);
  ok(
    await admin.request('POST', `/api/users/${created.id}/grants`, {
      role: 'inspector',
      unitId: id('province'),
    }),
    201,
  );
  member = await t.login('thanhvien.doan@example.vn', 'Thanh-vien-doan-2027');
}, 120_000);
afterAll(() => t?.close());

describe('the demo province (first start)', () => {
  it('has the approved 2026 plan with its joint team led from Sở Nội vụ, and its inspections', async () => {
    const list = ok<{
      items: {
        id: string;
        year: number;
        title: string;
        status: string;
        counts: { planned: number; inspected: number };
      }[];
    }>(await officer.request('GET', '/api/inspection-plans?year=2026'));
    expect(list.items).toHaveLength(1);
    const plan = list.items[0]!;
    expect(plan).toMatchObject({
      title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026',
      status: 'approved',
    });
    expect(plan.counts.planned).toBe(6);
    expect(plan.counts.inspected).toBeGreaterThanOrEqual(2);
    const detail = ok<
      Plan & { document: { numberSymbol: string } | null; teamDecision: { numberSymbol: string } | null }
    >(await officer.request('GET', `/api/inspection-plans/${plan.id}`));
    expect(detail.document?.numberSymbol).toBe('25/KH-UBND');
    expect(detail.teamDecision?.numberSymbol).toBe('38/QĐ-SNV');
    expect(detail.team[0]).toMatchObject({
      role: 'head',
      user: { id: id('kiemtra') },
      unit: { name: 'Sở Nội vụ' },
    });
    expect(detail.team.map((m) => m.unit.name).sort()).toEqual(
      ['Sở Khoa học và Công nghệ', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Văn phòng UBND tỉnh'].sort(),
    );
  });

  it('gives every role of the section something to read on its first start', async () => {
    const roles = [
      'admin@chidao.demo',
      'thuongtruc@chidao.demo',
      'truongban@chidao.demo',
      'uyvien@chidao.demo',
      'kiemtra@chidao.demo',
      'daumoi.tuphap@chidao.demo',
      'lanhdao.tuphap@chidao.demo',
      'daumoi.xaydung@chidao.demo',
      'lanhdao.xaydung@chidao.demo',
    ];
    for (const email of roles) {
      const who = await t.login(email);
      const list = ok<{ items: { unit: { name: string }; status: string }[] }>(
        await who.request('GET', '/api/inspections?year=2026'),
      );
      expect(list.items.length, email).toBeGreaterThan(0);
    }
    const tuphap = ok<{ items: { unit: { name: string }; status: string }[] }>(
      await focalTuphap.request('GET', '/api/inspections?year=2026'),
    );
    expect(tuphap.items.map((i) => i.unit.name)).toEqual(['Sở Tư pháp']);
    const mine = ok<{ items: { status: string; kind: string }[] }>(
      await inspector.request('GET', '/api/inspections?year=2026&mine=true'),
    );
    expect(mine.items.map((i) => i.status)).toEqual(
      expect.arrayContaining(['minutes_signed', 'in_progress', 'planned']),
    );
    expect(mine.items.some((i) => i.kind === 'surprise')).toBe(true);
  });

  it('a surprise inspection of Xã Con Cuông was made from the hotline escalation, which is taken', async () => {
    const list = ok<{ items: { id: string; kind: string; unit: { name: string }; source: string }[] }>(
      await officer.request('GET', '/api/inspections?kind=surprise'),
    );
    const surprise = list.items.find((i) => i.unit.name === 'Xã Con Cuông');
    expect(surprise).toMatchObject({ source: 'hotline' });
    const escalations = await rows<{ status: string; outcome_ref: string | null; unit: string }>(
      t.database.db,
      sql`select e.status, e.outcome_ref, u.name as unit from feedback_escalations e
          join units u on u.id = e.unit_id where e.kind = 'inspection' order by u.name`,
    );
    expect(escalations.find((e) => e.unit.includes('Con Cuông'))).toMatchObject({
      status: 'taken',
      outcome_ref: surprise!.id,
    });
    // The demo's other escalation (Phường Vinh Phú) is left for the standing agency to decide on.
    expect(escalations.find((e) => e.unit.includes('Vinh Phú'))).toMatchObject({ status: 'proposed' });
  });

  it('the in-progress inspection shows its findings and the Sở Tư pháp member flagged on Sở Tư pháp', async () => {
    const list = ok<{ items: { id: string; status: string; unit: { name: string } }[] }>(
      await inspector.request('GET', '/api/inspections?year=2026'),
    );
    const running = list.items.find((i) => i.status === 'in_progress')!;
    const detail = ok<Detail>(await inspector.request('GET', `/api/inspections/${running.id}`));
    expect(detail.checklist.summary.recorded).toBeGreaterThan(0);
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['sign_minutes', 'record_findings']));
    const tuphap = list.items.find((i) => i.unit.name === 'Sở Tư pháp')!;
    const t2 = ok<Detail>(await inspector.request('GET', `/api/inspections/${tuphap.id}`));
    expect(t2.team.find((m) => m.user.id === id('member.tuphap'))?.conflicts).toEqual(['from_unit']);
    expect(t2.team.find((m) => m.user.id === id('member.vpubnd'))?.conflicts).toEqual([]);
  });
});

describe('the 2027 plan, drafted by the standing officer', () => {
  let planId: string;
  let version: number;
  const inspectionIds = new Map<string, string>();

  it('creates the plan once a year', async () => {
    const plan = ok<Plan>(
      await officer.request('POST', '/api/inspection-plans', {
        title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2027',
        year: 2027,
      }),
      201,
    );
    expect(plan.status).toBe('draft');
    planId = plan.id;
    version = plan.version;
    const again = fails(
      await officer.request('POST', '/api/inspection-plans', { title: 'Trùng năm', year: 2027 }),
      409,
    );
    expect(again.message).toBe('Tỉnh đã có kế hoạch kiểm tra năm 2027.');
    // Only the standing agency over the province plans.
    fails(await inspector.request('POST', '/api/inspection-plans', { title: 'X', year: 2028 }), 403);
    fails(await focalTuphap.request('POST', '/api/inspection-plans', { title: 'X', year: 2028 }), 403);
  });

  it('cannot be approved before its team has a head', async () => {
    const e = fails(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, { version, status: 'approved' }),
      409,
    );
    expect(e.message).toBe('Đoàn kiểm tra cần có đúng một trưởng đoàn.');
  });

  it('builds the joint team: one head, members who hold the inspector’s role', async () => {
    ok<Plan>(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('kiemtra'),
        unitId: id('noivu'),
        role: 'head',
      }),
    );
    ok<Plan>(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('member'),
        unitId: id('taichinh'),
      }),
    );
    const refused = fails(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('daumoi.tuphap'),
        unitId: id('tuphap'),
      }),
      400,
    );
    expect(refused.message).toContain('Hoàng Văn Đầu Mối');
    // Sở Tư pháp's leader is made an inspector too: on the team, flagged over Sở Tư pháp (not refused).
    ok(
      await admin.request('POST', `/api/users/${id('lanhdao.tuphap')}/grants`, {
        role: 'inspector',
        unitId: id('province'),
      }),
      201,
    );
    const plan = ok<Plan>(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('lanhdao.tuphap'),
        unitId: id('tuphap'),
      }),
    );
    expect(plan.team.map((m) => m.role)).toEqual(['head', 'member', 'member']);
    // A second head replaces the first: a team never has two.
    const swapped = ok<Plan>(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('member'),
        unitId: id('taichinh'),
        role: 'head',
      }),
    );
    expect(swapped.team.filter((m) => m.role === 'head').map((m) => m.user.id)).toEqual([id('member')]);
    const back = ok<Plan>(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('kiemtra'),
        unitId: id('noivu'),
        role: 'head',
      }),
    );
    expect(back.team.filter((m) => m.role === 'head').map((m) => m.user.id)).toEqual([id('kiemtra')]);
    version = ok<Plan>(await officer.request('GET', `/api/inspection-plans/${planId}`)).version;
    const approved = ok<Plan>(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, { version, status: 'approved' }),
    );
    expect(approved.status).toBe('approved');
    // Someone else's stale copy.
    fails(await officer.request('PATCH', `/api/inspection-plans/${planId}`, { version, note: 'x' }), 409);
    // The plan as issued, from the documents register (an unknown document is not linked).
    const doc = await one(sql`select id from documents where number_symbol = '1313/UBND-KSTT'`);
    fails(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: approved.version,
        documentId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    const linked = ok<Plan & { document: { numberSymbol: string } | null }>(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: approved.version,
        documentId: doc,
      }),
    );
    expect(linked.document?.numberSymbol).toBe('1313/UBND-KSTT');
  });

  it('plans four units with areas, forms and dates inside 2027; each inspection takes a copy of the team', async () => {
    const add = (unit: string, from: string, to: string, areas: string[], form = 'on_site') =>
      officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
        unitId: id(unit),
        areas,
        form,
        plannedFrom: from,
        plannedTo: to,
      });
    for (const [unit, from, to, areas, form] of [
      ['tuphap', '2027-03-09', '2027-03-10', ['direction', 'procedures'], 'on_site'],
      ['xaydung', '2027-04-13', '2027-04-14', ['procedures', 'apparatus'], 'combined'],
      ['yte', '2027-05-11', '2027-05-11', ['digital_government'], 'through_reports'],
      ['dienchau', '2027-06-08', '2027-06-09', ['procedures', 'civil_service'], 'on_site'],
    ] as const) {
      const d = ok<Detail>(await add(unit, from, to, [...areas], form), 201);
      expect(d.status).toBe('planned');
      expect(d.team).toHaveLength(3);
      inspectionIds.set(unit, d.id);
    }
    const plan = ok<Plan>(await officer.request('GET', `/api/inspection-plans/${planId}`));
    // Vietnamese order: "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Xã Diễn Châu".
    expect(plan.inspections.map((i) => i.unit.name)).toEqual([
      'Sở Tư pháp',
      'Sở Xây dựng',
      'Sở Y tế',
      'Xã Diễn Châu',
    ]);
  });

  it('refuses an ended unit and dates outside the year, with clear Vietnamese messages', async () => {
    const ended = fails(
      await officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
        unitId: id('khdt'),
        areas: ['procedures'],
        plannedFrom: '2027-03-09',
        plannedTo: '2027-03-10',
      }),
      400,
    );
    expect(ended.message).toBe(
      'Đơn vị Sở Kế hoạch và Đầu tư đã kết thúc hoạt động từ sau ngày 28/02/2025 (sắp xếp đơn vị), không thể kiểm tra vào thời gian này. Hãy chọn đơn vị kế thừa.',
    );
    expect(ended.details?.[0]?.field).toBe('unitId');
    const outside = fails(
      await officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
        unitId: id('yte'),
        areas: ['procedures'],
        plannedFrom: '2026-12-28',
        plannedTo: '2027-01-05',
      }),
      400,
    );
    expect(outside.message).toBe('Ngày kiểm tra phải nằm trong năm 2027 của kế hoạch.');
    expect(outside.details?.map((d) => d.field)).toEqual(['plannedFrom']);
    const order = fails(
      await officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
        unitId: id('yte'),
        areas: ['procedures'],
        plannedFrom: '2027-03-10',
        plannedTo: '2027-03-09',
      }),
      400,
    );
    expect(order.message).toBe('Ngày kết thúc dự kiến phải từ ngày bắt đầu trở đi.');
    const nothing = fails(
      await officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
        unitId: id('yte'),
        plannedFrom: '2027-03-09',
        plannedTo: '2027-03-10',
      }),
      400,
    );
    expect(nothing.key).toBe('inspections.areas_required');
    const english = await officer.request(
      'POST',
      `/api/inspection-plans/${planId}/inspections`,
      { unitId: id('khdt'), areas: ['procedures'], plannedFrom: '2027-03-09', plannedTo: '2027-03-10' },
      { 'accept-language': 'en' },
    );
    expect((english.json() as ErrorBody).error.message).toBe(
      'Sở Kế hoạch và Đầu tư ended on 28/02/2025 (reorganisation) and cannot be inspected then. Choose the unit that succeeds it.',
    );
  });

  it('flags the member who leads the inspected unit, on the inspection', async () => {
    const d = ok<Detail>(await officer.request('GET', `/api/inspections/${inspectionIds.get('tuphap')}`));
    const leader = d.team.find((m) => m.user.id === id('lanhdao.tuphap'))!;
    expect(leader.conflicts).toEqual(['leads_unit', 'from_unit']);
    expect(d.team.find((m) => m.user.id === id('kiemtra'))!.conflicts).toEqual([]);
    const other = ok<Detail>(
      await officer.request('GET', `/api/inspections/${inspectionIds.get('xaydung')}`),
    );
    expect(other.team.find((m) => m.user.id === id('lanhdao.tuphap'))!.conflicts).toEqual([]);
    // The office removes them from this inspection's own team (the plan's stays as it is).
    const removed = ok<Detail>(await officer.request('DELETE', `/api/inspections/${d.id}/team/${leader.id}`));
    expect(removed.team.map((m) => m.user.id)).not.toContain(id('lanhdao.tuphap'));
  });

  it('the head starts; the team fills the checklist item by item; a stale version is 409', async () => {
    const tid = inspectionIds.get('tuphap')!;
    let d = ok<Detail>(await inspector.request('GET', `/api/inspections/${tid}`));
    expect(d.allowedActions).toEqual(['start', 'edit']);
    expect(d.access).toMatchObject({ head: true, team: true });
    fails(await member.request('POST', `/api/inspections/${tid}/start`, { version: d.version }), 403);
    fails(await officer.request('POST', `/api/inspections/${tid}/start`, { version: d.version }), 403);
    // Findings only once it has started.
    fails(
      await inspector.request('PUT', `/api/inspections/${tid}/findings/direction/yearly_plan_on_time`, {
        version: 0,
        result: 'compliant',
      }),
      409,
    );
    d = ok<Detail>(await inspector.request('POST', `/api/inspections/${tid}/start`, { version: d.version }));
    expect(d.status).toBe('in_progress');
    expect(d.checklist.sections.map((s) => s.area)).toEqual(['direction', 'procedures']);
    expect(d.checklist.sections[0]!.template!.number).toBe(1);

    const url = `/api/inspections/${tid}/findings/direction/yearly_plan_on_time`;
    const first = ok<{ id: string; version: number; result: string }>(
      await member.request('PUT', url, {
        version: 0,
        result: 'compliant',
        note: 'Ban hành ngày 05/01/2027.',
      }),
    );
    expect(first).toMatchObject({ version: 1, result: 'compliant' });
    // Someone else's tablet still thinks it is new: 409 with the current version.
    const stale = fails(await inspector.request('PUT', url, { version: 0, result: 'shortcoming' }), 409);
    expect(stale.code).toBe('STALE_VERSION');
    const second = ok<{ version: number; result: string }>(
      await inspector.request('PUT', url, {
        version: 1,
        result: 'shortcoming',
        note: 'Ban hành chậm 10 ngày.',
      }),
    );
    expect(second).toMatchObject({ version: 2, result: 'shortcoming' });
    const again = fails(await member.request('PUT', url, { version: 1, result: 'compliant' }), 409);
    expect(again.params?.current).toBe(2);
    // An item that is not on this checklist.
    fails(
      await inspector.request('PUT', `/api/inspections/${tid}/findings/direction/no_such_item`, {
        version: 0,
        result: 'compliant',
      }),
      404,
    );
    fails(
      await inspector.request('PUT', `/api/inspections/${tid}/findings/public_finance/budget_disclosure`, {
        version: 0,
        result: 'compliant',
      }),
      404,
    );

    const checklist = ok<Checklist>(await focalTuphap.request('GET', `/api/inspections/${tid}/checklist`));
    expect(checklist.summary).toMatchObject({ recorded: 1, shortcoming: 1 });
  });

  it('evidence files per finding, checked by their content', async () => {
    const tid = inspectionIds.get('tuphap')!;
    const base = `/api/inspections/${tid}/findings/procedures/one_stop_desk/files`;
    const up = multipart('mot-cua.png', PNG, 'image/png');
    const file = ok<{ id: string; mediaType: string }>(
      await inspector.request('POST', base, up.payload, up.headers),
      201,
    );
    expect(file.mediaType).toBe('image/png');
    const bad = multipart('bien-ban.pdf', EXE, 'application/pdf');
    fails(await inspector.request('POST', base, bad.payload, bad.headers), 415);
    const checklist = ok<Checklist>(await inspector.request('GET', `/api/inspections/${tid}/checklist`));
    const item = checklist.sections[1]!.items.find((i) => i.key === 'one_stop_desk')!;
    expect(item.finding).toMatchObject({ result: null, files: [{ id: file.id }] });
    const download = await focalTuphap.request('GET', `${base}/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('image/png');
    // Another unit's people, and another item's address, get nothing.
    expect((await focalXaydung.request('GET', `${base}/${file.id}`)).statusCode).toBe(403);
    expect(
      (
        await inspector.request(
          'GET',
          `/api/inspections/${tid}/findings/procedures/dossiers_on_time/files/${file.id}`,
        )
      ).statusCode,
    ).toBe(404);
    expect((await inspector.request('DELETE', `${base}/${file.id}`)).statusCode).toBe(204);
    expect((await inspector.request('GET', `${base}/${file.id}`)).statusCode).toBe(404);
  });

  it('a focal point of another unit gets 403; the inspected unit’s people read but do not record', async () => {
    const tid = inspectionIds.get('tuphap')!;
    fails(await focalXaydung.request('GET', `/api/inspections/${tid}`), 403);
    fails(await focalXaydung.request('GET', `/api/inspections/${tid}/checklist`), 403);
    fails(
      await focalXaydung.request('PUT', `/api/inspections/${tid}/findings/direction/periodic_reports`, {
        version: 0,
        result: 'compliant',
      }),
      403,
    );
    const own = ok<Detail>(await focalTuphap.request('GET', `/api/inspections/${tid}`));
    expect(own.access).toEqual({ office: false, team: false, head: false, unit: true });
    expect(own.allowedActions).toEqual([]);
    fails(
      await focalTuphap.request('PUT', `/api/inspections/${tid}/findings/direction/periodic_reports`, {
        version: 0,
        result: 'compliant',
      }),
      403,
    );
    const list = ok<{ items: { id: string }[] }>(
      await focalXaydung.request('GET', '/api/inspections?year=2027'),
    );
    expect(list.items.map((i) => i.id)).toEqual([inspectionIds.get('xaydung')]);
    // The plan itself is the province's: the office, the committee and inspectors read it.
    fails(await focalXaydung.request('GET', `/api/inspection-plans/${planId}`), 403);
  });

  it('a new template version leaves the inspection that used the old one alone', async () => {
    const templates = ok<{
      areas: {
        area: string;
        current: { number: number; items: { key: string; text: { vi: string; en: string } }[] };
      }[];
    }>(await inspector.request('GET', '/api/inspection-checklists'));
    expect(templates.areas).toHaveLength(7);
    const direction = templates.areas.find((a) => a.area === 'direction')!.current;
    const items = [
      ...direction.items,
      {
        key: 'par_index_followup',
        text: { vi: 'Khắc phục hạn chế theo Chỉ số CCHC năm trước', en: 'Acts on last year’s PAR Index' },
      },
    ];
    fails(await inspector.request('POST', '/api/inspection-checklists/direction', { items }), 403);
    const bad = fails(
      await officer.request('POST', '/api/inspection-checklists/direction', { items: [...items, items[0]] }),
      400,
    );
    expect(bad.details?.[0]).toMatchObject({ field: `items.${items.length}.key` });
    const v2 = ok<{ number: number }>(
      await officer.request('POST', '/api/inspection-checklists/direction', {
        items,
        note: 'Bổ sung theo Chỉ số CCHC',
      }),
      201,
    );
    expect(v2.number).toBe(direction.number + 1);
    const kept = ok<Checklist>(
      await inspector.request('GET', `/api/inspections/${inspectionIds.get('tuphap')}/checklist`),
    );
    expect(kept.sections[0]!.template!.number).toBe(direction.number);
    expect(kept.sections[0]!.items.map((i) => i.key)).not.toContain('par_index_followup');
    const fresh = ok<Checklist>(
      await inspector.request('GET', `/api/inspections/${inspectionIds.get('xaydung')}/checklist`),
    );
    expect(fresh.sections.map((s) => s.area)).toEqual(['procedures', 'apparatus']);
    const yte = ok<Detail>(
      await officer.request('PATCH', `/api/inspections/${inspectionIds.get('yte')}`, {
        version: 1,
        areas: ['direction', 'digital_government'],
      }),
    );
    expect(yte.checklist.sections[0]!.template!.number).toBe(v2.number);
  });

  it('the head signs the minutes; progress counts it, by area and kind of unit; cancelled ones leave the count', async () => {
    const tid = inspectionIds.get('tuphap')!;
    const d = ok<Detail>(await inspector.request('GET', `/api/inspections/${tid}`));
    const future = fails(
      await inspector.request('POST', `/api/inspections/${tid}/minutes`, {
        version: d.version,
        conductedOn: '2199-01-01',
      }),
      400,
    );
    expect(future.key).toBe('inspections.rule.conducted_on_future');
    const signed = ok<Detail>(
      await inspector.request('POST', `/api/inspections/${tid}/minutes`, {
        version: d.version,
        conductedOn: '2026-12-01',
      }),
    );
    expect(signed.status).toBe('minutes_signed');
    expect(signed.allowedActions).toEqual([]);
    const officeView = ok<Detail>(await officer.request('GET', `/api/inspections/${tid}`));
    expect(officeView.allowedActions).toEqual(['conclude']);
    // Cancelling needs the office and a reason.
    const xd = ok<Detail>(await officer.request('GET', `/api/inspections/${inspectionIds.get('dienchau')}`));
    fails(
      await inspector.request('POST', `/api/inspections/${xd.id}/cancel`, {
        version: xd.version,
        reason: 'x',
      }),
      403,
    );
    const cancelled = ok<Detail>(
      await officer.request('POST', `/api/inspections/${xd.id}/cancel`, {
        version: xd.version,
        reason: 'Xã đã được kiểm tra đột xuất trong năm.',
      }),
    );
    expect(cancelled.status).toBe('cancelled');
    const progress = ok<{
      planned: number;
      inspected: number;
      share: number;
      byArea: { area: string; planned: number; inspected: number }[];
      byUnitKind: { kind: string; planned: number; inspected: number }[];
    }>(await officer.request('GET', `/api/inspection-plans/${planId}/progress`));
    expect(progress).toMatchObject({ planned: 3, inspected: 1 });
    expect(progress.share).toBeCloseTo(1 / 3);
    expect(progress.byArea.find((a) => a.area === 'procedures')).toEqual({
      area: 'procedures',
      planned: 2,
      inspected: 1,
    });
    expect(progress.byUnitKind).toEqual([{ kind: 'department', planned: 3, inspected: 1 }]);
  });
});

describe('re-inspections', () => {
  it('of a concluded inspection only, by the office: same unit, areas and team, the earlier one named', async () => {
    const list = ok<{ items: { id: string; status: string; unit: { name: string } }[] }>(
      await officer.request('GET', '/api/inspections?year=2027&status=minutes_signed'),
    );
    const signed = list.items.find((i) => i.unit.name === 'Sở Tư pháp')!;
    const body = {
      plannedFrom: '2027-09-14',
      plannedTo: '2027-09-14',
      reason: 'Kiểm tra lại việc khắc phục.',
    };
    const early = fails(
      await officer.request('POST', `/api/inspections/${signed.id}/re-inspections`, body),
      409,
    );
    expect(early.key).toBe('inspections.rule.not_allowed_now');
    // The conclusion is issued elsewhere (./conclusion.service.ts); here it is only its status.
    await rows(
      t.database.db,
      sql`update inspections set status = 'concluded', concluded_on = '2026-12-04' where id = ${signed.id}`,
    );
    fails(await inspector.request('POST', `/api/inspections/${signed.id}/re-inspections`, body), 403);
    const again = ok<Detail & { previous: { id: string } | null; areas: string[] }>(
      await officer.request('POST', `/api/inspections/${signed.id}/re-inspections`, body),
      201,
    );
    expect(again).toMatchObject({ kind: 're_inspection', status: 'planned', previous: { id: signed.id } });
    expect(again.areas).toEqual(['direction', 'procedures']);
    expect(again.unit.name).toBe('Sở Tư pháp');
    expect(again.team.find((m) => m.role === 'head')?.user.id).toBe(id('kiemtra'));
  });
});

describe('surprise inspections', () => {
  it('from a hotline escalation: listed as a proposal, created, and the escalation is marked taken', async () => {
    const cases = ok<{ items: { id: string; handlingUnit: { id: string } | null }[] }>(
      await officer.request('GET', '/api/hotline/cases?view=all&limit=50'),
    );
    const c = cases.items.find((x) => x.handlingUnit)!;
    ok(
      await officer.request('POST', `/api/hotline/cases/${c.id}/escalations`, {
        kind: 'inspection',
        reason: 'Nhiều phản ánh về thái độ của cán bộ một cửa.',
        unitId: id('yte'),
      }),
    );
    const proposals = ok<{
      escalations: { id: string; unit: { id: string } | null; reason: string }[];
      abilities: { create: boolean };
    }>(await officer.request('GET', '/api/inspections/proposals'));
    expect(proposals.abilities.create).toBe(true);
    const escalation = proposals.escalations.find((e) => e.unit?.id === id('yte'))!;
    expect(escalation.reason).toContain('cán bộ một cửa');
    const body = {
      unitId: id('yte'),
      areas: ['procedures', 'civil_service'],
      plannedFrom: '2026-12-14',
      plannedTo: '2026-12-14',
      reason: escalation.reason,
      source: 'hotline',
      escalationId: escalation.id,
    };
    fails(await focalTuphap.request('POST', '/api/inspections/surprise', body), 403);
    fails(await officer.request('POST', '/api/inspections/surprise', { ...body, reason: ' ' }), 400);
    const created = ok<Detail>(await officer.request('POST', '/api/inspections/surprise', body), 201);
    expect(created).toMatchObject({
      kind: 'surprise',
      source: 'hotline',
      sourceRef: escalation.id,
      status: 'planned',
    });
    // The team of the province's plan of that year (2026), led by kiemtra@.
    expect(created.team.find((m) => m.role === 'head')?.user.id).toBe(id('kiemtra'));
    const after = ok<{ escalations: { id: string }[] }>(
      await officer.request('GET', '/api/inspections/proposals'),
    );
    expect(after.escalations.map((e) => e.id)).not.toContain(escalation.id);
    const detail = ok<{ escalations: { status: string }[] }>(
      await officer.request('GET', `/api/hotline/cases/${c.id}`),
    );
    expect(detail.escalations.map((e) => e.status)).toContain('taken');
    const twice = fails(await officer.request('POST', '/api/inspections/surprise', body), 409);
    expect(twice.key).toBe('inspections.escalation_not_open');
  });

  it('by hand needs a reason; a data signal must still hold', async () => {
    const base = {
      unitId: id('xaydung'),
      areas: ['procedures'],
      plannedFrom: '2026-12-15',
      plannedTo: '2026-12-15',
    };
    const noReason = fails(
      await officer.request('POST', '/api/inspections/surprise', { ...base, reason: '' }),
      400,
    );
    expect(noReason.message).toBe('Cần nêu lý do kiểm tra đột xuất.');
    const hand = ok<Detail>(
      await officer.request('POST', '/api/inspections/surprise', {
        ...base,
        reason: 'Theo chỉ đạo của Trưởng Ban Chỉ đạo.',
      }),
      201,
    );
    expect(hand).toMatchObject({ kind: 'surprise', source: 'hand' });
    const signal = fails(
      await officer.request('POST', '/api/inspections/surprise', {
        ...base,
        reason: 'Tỷ lệ đúng hạn thấp',
        source: 'signal',
        signalKey: `dossiers_on_time:${id('xaydung')}:1999`,
      }),
      409,
    );
    expect(signal.key).toBe('inspections.signal_unknown');
    const proposals = ok<{ signals: { key: string; kind: string; figure: number; threshold: number }[] }>(
      await officer.request('GET', '/api/inspections/proposals'),
    );
    for (const s of proposals.signals) {
      if (s.kind === 'overdue_recommendations') expect(s.figure).toBeGreaterThanOrEqual(s.threshold);
      else expect(s.figure).toBeLessThan(s.threshold);
    }
    // Two overdue recommendations of Sở Y tế (the remedy is owed work: ./recommendation.work-kind.ts) raise a signal.
    const yte = ok<{ items: { id: string }[] }>(
      await officer.request('GET', `/api/inspections?year=2027&unitId=${id('yte')}`),
    );
    for (const n of [1, 2])
      await rows(
        t.database.db,
        sql`insert into inspection_recommendations (inspection_id, number, text, unit_id, due_date, status)
            values (${yte.items[0]!.id}, ${90 + n}, ${`Kiến nghị thử ${n}`}, ${id('yte')}, '2026-11-02', 'in_progress')`,
      );
    // A third, past due but reported done (waiting for the inspector), is not overdue: the work engine's rule.
    await rows(
      t.database.db,
      sql`insert into inspection_recommendations (inspection_id, number, text, unit_id, due_date, status)
          values (${yte.items[0]!.id}, 93, 'Kiến nghị thử 3', ${id('yte')}, '2026-11-02', 'reported_done')`,
    );
    const raised = ok<{
      signals: { key: string; kind: string; unit: { id: string }; figure: number; threshold: number }[];
    }>(await officer.request('GET', '/api/inspections/proposals'));
    const overdue = raised.signals.find(
      (s) => s.kind === 'overdue_recommendations' && s.unit.id === id('yte'),
    )!;
    expect(overdue).toMatchObject({ figure: 2, threshold: 2 });
    const fromSignal = ok<Detail>(
      await officer.request('POST', '/api/inspections/surprise', {
        unitId: id('yte'),
        areas: ['direction'],
        plannedFrom: '2026-12-16',
        plannedTo: '2026-12-16',
        reason: 'Hai kiến nghị quá hạn chưa khắc phục.',
        source: 'signal',
        signalKey: overdue.key,
      }),
      201,
    );
    expect(fromSignal.source).toBe('signal');
    expect(fromSignal.sourceRef).toBe(`${overdue.key} 2/2`);
    const after = ok<{ signals: { key: string }[] }>(
      await officer.request('GET', '/api/inspections/proposals'),
    );
    expect(after.signals.map((s) => s.key)).not.toContain(overdue.key);
    // The committee reads the proposals; a unit's focal point does not.
    const committee = await t.login('uyvien@chidao.demo');
    expect(
      ok<{ abilities: { create: boolean } }>(await committee.request('GET', '/api/inspections/proposals'))
        .abilities.create,
    ).toBe(false);
    fails(await focalTuphap.request('GET', '/api/inspections/proposals'), 403);
  });
});

describe('the rules', () => {
  it('are versioned; problems are named by field; only the office adds a version', async () => {
    const list = ok<{
      currentId: string;
      versions: { id: string; rules: { recommendationWorkingDays: number } }[];
    }>(await inspector.request('GET', '/api/inspection-rules'));
    const current = list.versions.find((v) => v.id === list.currentId)!;
    expect(current.rules.recommendationWorkingDays).toBe(20);
    const rules = { ...current.rules, recommendationWorkingDays: 0, selfInspectionCoverage: 2 };
    fails(await inspector.request('POST', '/api/inspection-rules', { validFrom: '2199-01-01', rules }), 403);
    const bad = fails(
      await officer.request('POST', '/api/inspection-rules', { validFrom: '2199-01-01', rules }),
      400,
    );
    expect(bad.code).toBe('RULES_INVALID');
    expect(bad.details).toEqual([
      { field: 'rules.recommendationWorkingDays', message: 'Nhập số nguyên từ 1 đến 250 ngày làm việc.' },
      {
        field: 'rules.selfInspectionCoverage',
        message: 'Nhập tỷ lệ lớn hơn 0 và không quá 1 (ví dụ 0,5 là 50%).',
      },
    ]);
    fails(
      await officer.request('POST', '/api/inspection-rules', {
        validFrom: '2020-01-01',
        rules: current.rules,
      }),
      400,
    );
    const added = ok<{ validFrom: string; rules: { recommendationWorkingDays: number } }>(
      await officer.request('POST', '/api/inspection-rules', {
        validFrom: '2199-01-01',
        rules: { ...current.rules, version: '2199', recommendationWorkingDays: 15 },
        note: 'Rút ngắn thời hạn khắc phục',
      }),
      201,
    );
    expect(added).toMatchObject({ validFrom: '2199-01-01', rules: { recommendationWorkingDays: 15 } });
    fails(
      await officer.request('POST', '/api/inspection-rules', {
        validFrom: '2199-01-01',
        rules: current.rules,
      }),
      409,
    );
  });
});
