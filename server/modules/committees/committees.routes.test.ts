import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Member = {
  id: string;
  name: string;
  userId: string | null;
  position: string;
  office: string | null;
  fromDate: string;
  toDate: string | null;
  version: number;
  decision: { numberSymbol: string } | null;
  assignments: { id: string; unitName: string; version: number }[];
  abilities: { read: boolean; update: boolean };
};
type Composition = {
  committee: { id: string; name: string; version: number; foundingDocument: { numberSymbol: string } | null };
  asOf: string;
  members: Member[];
};
type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let t: TestApp;
let admin: Caller;
let standing: Caller;
let focal: Caller;
let member: Caller;
let committeeId: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  const list = (await focal.request('GET', '/api/committees?level=province')).json() as {
    items: { id: string }[];
  };
  expect(list.items).toHaveLength(1);
  committeeId = list.items[0]!.id;
});
afterAll(() => t.close());

const compositionOn = async (caller: Caller, date: string) => {
  const res = await caller.request('GET', `/api/committees/${committeeId}/composition?asOf=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Composition;
};

describe('the provincial steering committee', () => {
  it('was founded by 1830-QĐ/TU and is led by the Party Secretary', async () => {
    const c = await compositionOn(focal, '2023-06-01');
    expect(c.committee.foundingDocument?.numberSymbol).toBe('1830-QĐ/TU');
    expect(c.members[0]).toMatchObject({ position: 'truong_ban', office: 'Bí thư Tỉnh ủy' });
    expect(c.members[1]!.position).toBe('pho_truong_ban_thuong_truc');
    // A focal point reads but does not keep the committee.
    expect(c.members[0]!.abilities).toEqual({ read: true, update: false });
  });

  it('its composition as of 2023-06-01 and 2025-01-01 differs by the member replaced in 2024', async () => {
    const before = (await compositionOn(focal, '2023-06-01')).members.map((m) => m.name);
    const after = (await compositionOn(focal, '2025-01-01')).members.map((m) => m.name);
    expect(before.filter((n) => !after.includes(n))).toEqual(['Đinh Văn Dũng']);
    expect(after.filter((n) => !before.includes(n))).toEqual(['Võ Văn Giang']);
    const replacement = (await compositionOn(focal, '2025-01-01')).members.find(
      (m) => m.name === 'Võ Văn Giang',
    )!;
    expect(replacement.decision?.numberSymbol).toBe('2468-QĐ/TU');
  });

  it('lists members by position rank, then by Vietnamese name', async () => {
    const { members } = await compositionOn(admin, '2025-01-01');
    const ranks = [
      'truong_ban',
      'pho_truong_ban_thuong_truc',
      'pho_truong_ban',
      'uy_vien',
      'thu_ky',
      'to_giup_viec',
    ];
    const r = members.map((m) => ranks.indexOf(m.position));
    expect(r).toEqual([...r].sort((a, b) => a - b));
    const deputies = members.filter((m) => m.position === 'pho_truong_ban').map((m) => m.name);
    expect(deputies).toEqual([...deputies].sort(new Intl.Collator('vi').compare));
    expect(members[0]!.abilities.update).toBe(true);
  });

  it('tells a member the units they follow today', async () => {
    const res = await member.request('GET', '/api/me/monitoring');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { unitName: string; position: string }[] };
    expect(body.items.map((i) => i.unitName).sort()).toEqual(['Sở Tư pháp', 'Sở Xây dựng']);
    expect((await focal.request('GET', '/api/me/monitoring')).json()).toMatchObject({ items: [] });
  });
});

describe('lower-level committees', () => {
  it('19 of the 20 districts in force on 2024-06-01 had founded theirs', async () => {
    const res = await focal.request('GET', '/api/committees/coverage?level=district&asOf=2024-06-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      total: number;
      founded: number;
      items: { unitName: string; committee: unknown }[];
    };
    expect(`${body.founded}/${body.total}`).toBe('19/20');
    expect(body.items.filter((i) => !i.committee).map((i) => i.unitName)).toEqual(['Kỳ Sơn']);
  });

  it('none before they were founded, and no districts at all after 1/7/2025', async () => {
    const early = (
      await focal.request('GET', '/api/committees/coverage?level=district&asOf=2023-01-01')
    ).json();
    expect(early).toMatchObject({ total: 20, founded: 0 });
    const late = (
      await focal.request('GET', '/api/committees/coverage?level=district&asOf=2025-08-01')
    ).json();
    expect(late).toMatchObject({ total: 0, founded: 0 });
  });

  it('departments count their own', async () => {
    const body = (
      await focal.request('GET', '/api/committees/coverage?level=department&asOf=2024-06-01')
    ).json() as {
      founded: number;
      total: number;
    };
    expect(body.founded).toBe(5);
    expect(body.total).toBeGreaterThan(5);
  });
});

describe('keeping the committee', () => {
  const newMember = {
    personName: 'Nguyễn Thị Mới',
    position: 'uy_vien',
    office: 'Giám đốc Sở Y tế',
    fromDate: '2025-02-01',
  };

  it('a focal point gets 403 adding a member', async () => {
    const res = await focal.request('POST', `/api/committees/${committeeId}/memberships`, newMember);
    expect(res.statusCode).toBe(403);
    expect((res.json() as ErrorBody).error.code).toBe('FORBIDDEN');
  });

  it('the standing agency adds a member, assigns and ends; each write is journalled', async () => {
    const res = await standing.request('POST', `/api/committees/${committeeId}/memberships`, newMember);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Member;
    expect(m).toMatchObject({ name: 'Nguyễn Thị Mới', toDate: null, abilities: { update: true } });

    const units = (await admin.request('GET', '/api/units?kind=department&limit=500')).json() as {
      items: { id: string; name: string }[];
    };
    const yte = units.items.find((u) => u.name === 'Sở Y tế')!;
    const a = await standing.request('POST', `/api/committee-memberships/${m.id}/assignments`, {
      unitId: yte.id,
      fromDate: '2025-02-01',
    });
    expect(a.statusCode, a.body).toBe(201);

    const current = (await compositionOn(admin, '2025-03-01')).members.find((x) => x.id === m.id)!;
    expect(current.assignments.map((x) => x.unitName)).toEqual(['Sở Y tế']);

    const end = await standing.request('POST', `/api/committee-memberships/${m.id}/end`, {
      version: current.version,
      toDate: '2025-06-30',
    });
    expect(end.statusCode, end.body).toBe(200);
    expect((end.json() as Member).toDate).toBe('2025-06-30');
    expect((await compositionOn(admin, '2025-07-01')).members.some((x) => x.id === m.id)).toBe(false);

    const history = (
      await admin.request('GET', `/api/audit?entity=committee_membership&entityId=${m.id}`)
    ).json() as {
      items: { action: string }[];
    };
    expect(history.items.map((h) => h.action).sort()).toEqual(['create', 'end']);
  });

  it('a stale version gets 409', async () => {
    const { committee } = await compositionOn(admin, '2025-01-01');
    const ok = await admin.request('PATCH', `/api/committees/${committeeId}`, {
      version: committee.version,
      name: committee.name,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await standing.request('PATCH', `/api/committees/${committeeId}`, {
      version: committee.version,
      name: 'Tên cũ',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.code).toBe('STALE_VERSION');
  });

  it('bad dates get 400 naming the field, in the caller’s language', async () => {
    const res = await admin.request(
      'POST',
      `/api/committees/${committeeId}/memberships`,
      { ...newMember, fromDate: '2025-05-01', toDate: '2025-04-30' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.[0]?.field).toBe('toDate');
    expect(body.error.message).toContain('30/04/2025');

    const early = await admin.request('POST', `/api/committees/${committeeId}/memberships`, {
      ...newMember,
      fromDate: '2022-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect((early.json() as ErrorBody).error.details?.[0]?.field).toBe('fromDate');

    const nobody = await admin.request('POST', `/api/committees/${committeeId}/memberships`, {
      position: 'uy_vien',
      fromDate: '2025-05-01',
    });
    expect(nobody.statusCode).toBe(400);
    expect((nobody.json() as ErrorBody).error.details?.[0]?.field).toBe('personName');

    const notADate = await admin.request('POST', `/api/committees/${committeeId}/memberships`, {
      ...newMember,
      fromDate: '2025-13-01',
    });
    expect(notADate.statusCode).toBe(400);
    expect((notADate.json() as ErrorBody).error.details?.[0]?.field).toBe('fromDate');
  });
});
