import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { insertUnits } from '../units/units.service.js';
import { createCommitteeRecord } from './committees.service.js';

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
  committee: {
    id: string;
    name: string;
    version: number;
    hostUnitId: string;
    founderKind: string;
    founderName: string | null;
    foundingDocument: { numberSymbol: string } | null;
  };
  asOf: string;
  members: Member[];
  bodies: {
    id: string;
    name: string;
    version: number;
    headMembershipId: string | null;
    foundingDocument: { numberSymbol: string } | null;
  }[];
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
    // (A pilot unit the member is responsible for is followed by an assignment of its own.)
    expect([...new Set(body.items.map((i) => i.unitName))].sort()).toEqual(['Sở Tư pháp', 'Sở Xây dựng']);
    expect((await focal.request('GET', '/api/me/monitoring')).json()).toMatchObject({ items: [] });
  });
});

type Coverage = {
  kind: string | null;
  scope: { id: string; name: string } | null;
  categories: { kind: string; total: number; founded: number; followed: number }[];
  total: number;
  founded: number;
  followed: number;
  items: { unitName: string; committee: unknown; followedBy: { name: string }[] }[];
};
const coverageOf = async (query: string) => {
  const res = await focal.request('GET', `/api/committees/coverage?committeeId=${committeeId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Coverage;
};

describe('coverage: the province’s own units, by kind', () => {
  beforeAll(async () => {
    // Another province's district with its own committee (the registry holds the whole country), and
    // Nghệ An's Party body and mass organisation — counted by their kind, whatever their names.
    const ctx = systemContext(t.database.db);
    const [haTinh] = await insertUnits(ctx, [
      {
        code: '42',
        name: 'Hà Tĩnh',
        fullName: 'Tỉnh Hà Tĩnh',
        kind: 'province',
        parentId: null,
        validFrom: '1991-10-01',
      },
    ]);
    const [camXuyen] = await insertUnits(ctx, [
      {
        code: '443',
        name: 'Cẩm Xuyên',
        fullName: 'Huyện Cẩm Xuyên',
        kind: 'district',
        parentId: haTinh!.id,
        validFrom: '1991-10-01',
        validTo: '2025-06-30',
      },
    ]);
    const provinceId = (await compositionOn(admin, '2024-06-01')).committee.hostUnitId;
    await insertUnits(ctx, [
      {
        code: 'TU-BTC',
        name: 'Ban Tổ chức Tỉnh ủy',
        fullName: 'Ban Tổ chức Tỉnh ủy Nghệ An',
        kind: 'party_body',
        parentId: provinceId,
        validFrom: '2020-01-01',
      },
      {
        code: 'MTTQ',
        name: 'Ủy ban MTTQ Việt Nam tỉnh',
        fullName: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An',
        kind: 'mass_organisation',
        parentId: provinceId,
        validFrom: '2020-01-01',
      },
    ]);
    const created = await admin.request('POST', '/api/committees', {
      name: 'Ban Chỉ đạo cải cách hành chính huyện Cẩm Xuyên',
      level: 'district',
      hostUnitId: camXuyen!.id,
      foundedOn: '2023-02-01',
    });
    expect([201, 403]).toContain(created.statusCode);
    if (created.statusCode === 403)
      await createCommitteeRecord(ctx, {
        name: 'Ban Chỉ đạo cải cách hành chính huyện Cẩm Xuyên',
        level: 'district',
        hostUnitId: camXuyen!.id,
        foundedOn: '2023-02-01',
      });
  });

  // 21 districts in 2024 (Thị xã Cửa Lò until it joined Thành phố Vinh on 1/12/2024, NQ 1243/NQ-UBTVQH15);
  // all but Kỳ Sơn had their committee — "20 of 21 districts" (domain notes §1).
  it('20 of Nghệ An’s 21 districts on 2024-06-01 — never another province’s ("20/697 huyện")', async () => {
    const body = await coverageOf('kind=district&asOf=2024-06-01');
    expect(body.scope?.name).toBe('Nghệ An');
    expect(`${body.founded}/${body.total}`).toBe('20/21');
    expect(body.items.filter((i) => !i.committee).map((i) => i.unitName)).toEqual(['Kỳ Sơn']);
    expect(body.items.map((i) => i.unitName)).not.toContain('Cẩm Xuyên');
    expect(body.categories.find((c) => c.kind === 'district')).toMatchObject({ total: 21, founded: 20 });
  });

  it('none before they were founded, and no districts at all after 1/7/2025', async () => {
    expect(await coverageOf('kind=district&asOf=2023-01-01')).toMatchObject({ total: 21, founded: 0 });
    const late = await coverageOf('kind=district&asOf=2025-08-01');
    expect(late.categories.map((c) => c.kind)).not.toContain('district');
    expect(late.kind).not.toBe('district');
  });

  it('departments count their own, and who follows each', async () => {
    const body = await coverageOf('kind=department&asOf=2024-06-01');
    expect(body.founded).toBe(5);
    expect(body.total).toBeGreaterThan(5);
    const tuphap = body.items.find((i) => i.unitName === 'Sở Tư pháp')!;
    expect(tuphap.followedBy.map((f) => f.name)).toEqual(['Phạm Thị Ủy Viên']);
    expect(body.followed).toBe(body.items.filter((i) => i.followedBy.length).length);
  });

  it('management boards, Party bodies and mass organisations are categories of their own', async () => {
    const body = await coverageOf('asOf=2024-06-01');
    const kinds = body.categories.map((c) => c.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'department',
        'management_board',
        'party_body',
        'mass_organisation',
        'district',
      ]),
    );
    expect(kinds.indexOf('party_body')).toBeLessThan(kinds.indexOf('district'));
    const party = await coverageOf('kind=party_body&asOf=2024-06-01');
    // The demo's Tỉnh ủy and its office (the departments template) and the board this test added.
    expect(party.items.map((i) => i.unitName).sort((a, b) => a.localeCompare(b, 'vi'))).toEqual([
      'Ban Tổ chức Tỉnh ủy',
      'Tỉnh ủy',
      'Văn phòng Tỉnh ủy',
    ]);
    expect((await coverageOf('kind=mass_organisation&asOf=2024-06-01')).total).toBe(2);
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

describe('the working group (Tổ giúp việc): a body with its own decision', () => {
  it('is founded by its own decision, with a head and members, shown with the committee', async () => {
    const c = await compositionOn(focal, '2024-06-01');
    expect(c.committee).toMatchObject({ founderKind: 'party', founderName: 'Tỉnh ủy Nghệ An' });
    expect(c.bodies).toHaveLength(1);
    const body = c.bodies[0]!;
    expect(body.foundingDocument?.numberSymbol).toBe('02-QĐ/BCĐ');
    const group = c.members.filter((m) => (m as Member & { bodyId: string | null }).bodyId === body.id);
    expect(group.every((m) => m.position === 'to_giup_viec')).toBe(true);
    expect(group.find((m) => m.id === body.headMembershipId)?.name).toBe('Nguyễn Hữu Thắng');
    // Recorded by name, later linked to her account.
    expect(group.find((m) => m.name === 'Lê Thị Thường Trực')?.userId).not.toBeNull();
  });

  it('a working-group member needs the body; a body needs the committee’s keeper', async () => {
    const noBody = await standing.request('POST', `/api/committees/${committeeId}/memberships`, {
      personName: 'Võ Thị Hằng',
      position: 'to_giup_viec',
      fromDate: '2025-02-01',
    });
    expect(noBody.statusCode).toBe(400);
    expect((noBody.json() as ErrorBody).error.details?.[0]?.field).toBe('bodyId');
    const refused = await focal.request('POST', `/api/committees/${committeeId}/bodies`, {
      name: 'Tổ công tác',
      foundedOn: '2025-01-01',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('a new working group (kiện toàn): founded, a member added by name, made its head; stale → 409', async () => {
    const res = await standing.request('POST', `/api/committees/${committeeId}/bodies`, {
      name: 'Tổ giúp việc Ban Chỉ đạo (kiện toàn năm 2025)',
      foundedOn: '2025-08-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as Composition['bodies'][number];
    const added = await standing.request('POST', `/api/committees/${committeeId}/memberships`, {
      personName: 'Võ Thị Hằng',
      position: 'to_giup_viec',
      office: 'Phó Giám đốc Sở Nội vụ',
      fromDate: '2025-08-01',
      bodyId: body.id,
    });
    expect(added.statusCode, added.body).toBe(201);
    const m = added.json() as Member;
    const head = await standing.request('PATCH', `/api/committees/${committeeId}/bodies/${body.id}`, {
      version: body.version,
      headMembershipId: m.id,
    });
    expect(head.statusCode, head.body).toBe(200);
    const stale = await standing.request('PATCH', `/api/committees/${committeeId}/bodies/${body.id}`, {
      version: body.version,
      name: 'Tên khác',
    });
    expect(stale.statusCode).toBe(409);
    const notMember = await standing.request('PATCH', `/api/committees/${committeeId}/bodies/${body.id}`, {
      version: body.version + 1,
      headMembershipId: (await compositionOn(admin, '2025-09-01')).members[0]!.id,
    });
    expect(notMember.statusCode).toBe(400);
    const c = await compositionOn(admin, '2025-09-01');
    expect(c.bodies.find((b) => b.id === body.id)?.headMembershipId).toBe(m.id);
  });
});

describe('a membership recorded by name is linked to an account later', () => {
  it('the standing agency links it; the person’s landing page then shows the units they follow', async () => {
    const person = await t.login('thamdinh@chidao.demo');
    const me = (await person.request('GET', '/api/auth/session')).json() as { user: { id: string } };
    const created = await standing.request('POST', `/api/committees/${committeeId}/memberships`, {
      personName: 'Bùi Thị Thẩm Định',
      position: 'uy_vien',
      office: 'Phó Giám đốc Sở Nội vụ',
      fromDate: '2025-03-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json() as Member;
    expect(m.userId).toBeNull();
    const units = (await admin.request('GET', '/api/units?kind=department&limit=500')).json() as {
      items: { id: string; name: string }[];
    };
    const assigned = await standing.request('POST', `/api/committee-memberships/${m.id}/assignments`, {
      unitId: units.items.find((u) => u.name === 'Sở Y tế')!.id,
      fromDate: '2025-03-01',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    // Before: nothing follows for the account.
    expect((await person.request('GET', '/api/me/monitoring')).json()).toMatchObject({ items: [] });

    const version = (await compositionOn(admin, '2025-04-01')).members.find((x) => x.id === m.id)!.version;
    expect(
      (
        await focal.request('POST', `/api/committee-memberships/${m.id}/link`, {
          version,
          userId: me.user.id,
        })
      ).statusCode,
    ).toBe(403);
    const linked = await standing.request('POST', `/api/committee-memberships/${m.id}/link`, {
      version,
      userId: me.user.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ userId: me.user.id, name: 'Bùi Thị Thẩm Định' });

    const followed = (await person.request('GET', '/api/me/monitoring')).json() as {
      items: { unitName: string }[];
    };
    expect(followed.items.map((i) => i.unitName)).toEqual(['Sở Y tế']);
    const home = (await person.request('GET', '/api/home')).json() as { panels: string[] };
    expect(home.panels).toContain('following');

    // Stale, and already linked to someone else.
    const stale = await standing.request('POST', `/api/committee-memberships/${m.id}/link`, {
      version,
      userId: me.user.id,
    });
    expect(stale.statusCode).toBe(409);
    const other = (await member.request('GET', '/api/auth/session')).json() as { user: { id: string } };
    const taken = await standing.request('POST', `/api/committee-memberships/${m.id}/link`, {
      version: version + 1,
      userId: other.user.id,
    });
    expect(taken.statusCode).toBe(409);
    expect((taken.json() as ErrorBody).error.message).toContain('Bùi Thị Thẩm Định');

    const history = (
      await admin.request('GET', `/api/audit?entity=committee_membership&entityId=${m.id}`)
    ).json() as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toContain('link_account');
  });
});
