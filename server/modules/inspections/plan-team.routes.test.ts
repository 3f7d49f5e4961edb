import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * The plan's page for the standing officer (issue 15): who could join a team — the province's inspectors and
 * standing-agency officials, searched by name without accents, each with position, unit and the conflicts of
 * interest with the units inspected (a leader of an inspected unit is marked), for the office only —; the plan's
 * documents from the register (a stale version is 409, journalled); an inspection's own checklist items (Vietnamese
 * required, English optional, the server's limits and messages), on creation and by PATCH.
 */

let t: TestApp;
let officer: Caller;
let admin: Caller;
let inspector: Caller;
let focal: Caller;
let leader: Caller;
let committee: Caller;

type ErrorBody = {
  error: { code: string; message: string; details?: { field: string; message: string }[] };
};
type Candidate = {
  user: { id: string; fullName: string };
  position: string | null;
  unit: { id: string; name: string } | null;
  conflicts: { unit: { id: string; name: string }; reasons: string[] }[];
};
type Candidates = { items: Candidate[]; total: number };
type Plan = {
  id: string;
  version: number;
  documentId: string | null;
  teamDecisionId: string | null;
  document: { id: string; numberSymbol: string } | null;
  teamDecision: { id: string; numberSymbol: string } | null;
  team: { user: { id: string } }[];
};
type Inspection = {
  id: string;
  version: number;
  status: string;
  customItems: { key: string; text: { vi: string; en: string } }[];
  checklist: { sections: { area: string; items: { key: string; text: { vi: string; en: string } }[] }[] };
};

type Res = { statusCode: number; body: string; json(): unknown };
const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const fails = (res: Res, status: number): ErrorBody['error'] => {
  expect(res.statusCode, res.body).toBe(status);
  return (res.json() as ErrorBody).error;
};

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

let planId: string;
let tuphapInspection: Inspection;

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 100, lockMinutes: 1, ratePerMinute: 10_000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  inspector = await t.login('kiemtra@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  committee = await t.login('truongban@chidao.demo');
  for (const [key, name] of [
    ['tuphap', 'Sở Tư pháp'],
    ['noivu', 'Sở Nội vụ'],
  ] as [string, string][])
    ids.set(
      key,
      await one(
        sql`select id from units where name = ${name} and kind = 'department' order by valid_from limit 1`,
      ),
    );
  ids.set(
    'province',
    await one(sql`select id from units where kind = 'province' and code = '40' and valid_to is null`),
  );
  for (const [key, email] of [
    ['kiemtra', 'kiemtra@chidao.demo'],
    ['kiemsoat', 'kiemtra.vpubnd@chidao.demo'],
    ['phapche', 'kiemtra.tuphap@chidao.demo'],
    ['lanhdao.tuphap', 'lanhdao.tuphap@chidao.demo'],
    ['daumoi.tuphap', 'daumoi.tuphap@chidao.demo'],
  ] as [string, string][])
    ids.set(key, await one(sql`select id from users where email = ${email}`));
  // Sở Tư pháp's director is made an inspector of the province: a candidate who leads a unit the plan inspects.
  ok(
    await admin.request('POST', `/api/users/${id('lanhdao.tuphap')}/grants`, {
      role: 'inspector',
      unitId: id('province'),
    }),
    201,
  );
  const plan = ok<Plan>(
    await officer.request('POST', '/api/inspection-plans', {
      title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2027',
      year: 2027,
    }),
    201,
  );
  planId = plan.id;
  tuphapInspection = ok<Inspection>(
    await officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
      unitId: id('tuphap'),
      areas: ['procedures'],
      plannedFrom: '2027-03-09',
      plannedTo: '2027-03-10',
    }),
    201,
  );
}, 120_000);
afterAll(() => t?.close());

const candidates = (who: Caller, query = '') =>
  who.request('GET', `/api/inspection-plans/${planId}/team-candidates${query}`);

describe("who could join the plan's team", () => {
  it('is for the office only: an inspector, a focal point, a unit leader or the committee gets 403', async () => {
    ok<Candidates>(await candidates(officer));
    ok<Candidates>(await candidates(admin));
    for (const who of [inspector, focal, leader, committee]) fails(await candidates(who), 403);
    fails(
      await officer.request(
        'GET',
        '/api/inspection-plans/00000000-0000-4000-8000-000000000000/team-candidates',
      ),
      404,
    );
  });

  it('offers the inspectors and standing-agency officials of the province, in Vietnamese order, with position and unit', async () => {
    const all = ok<Candidates>(await candidates(officer));
    const names = all.items.map((c) => c.user.fullName);
    expect(names).toEqual(
      expect.arrayContaining([
        'Ngô Văn Kiểm Tra',
        'Lê Thị Thường Trực',
        'Nguyễn Thị Kiểm Soát',
        'Hồ Thị Pháp Chế',
        'Vũ Thị Lãnh Đạo',
      ]),
    );
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(all.total).toBe(all.items.length);
    // A focal point holds no team member's role: not offered (the server would refuse them).
    expect(all.items.some((c) => c.user.id === id('daumoi.tuphap'))).toBe(false);
    const kiemsoat = all.items.find((c) => c.user.id === id('kiemsoat'))!;
    expect(kiemsoat.position).toContain('Văn phòng UBND tỉnh');
    expect(kiemsoat.unit?.name).toBe('Văn phòng UBND tỉnh');
    expect(kiemsoat.conflicts).toEqual([]);
    const limited = ok<Candidates>(await candidates(officer, '?limit=2'));
    expect(limited.items).toHaveLength(2);
    expect(limited.total).toBe(all.total);
  });

  it('finds "Nguyễn" without accents, every word starting a word of the name', async () => {
    const found = ok<Candidates>(await candidates(officer, '?q=nguyen'));
    expect(found.items.map((c) => c.user.fullName)).toContain('Nguyễn Thị Kiểm Soát');
    expect(found.items.every((c) => c.user.fullName.startsWith('Nguyễn'))).toBe(true);
    const two = ok<Candidates>(await candidates(officer, `?q=${encodeURIComponent('NGUYEN  kiem')}`));
    expect(two.items.map((c) => c.user.fullName)).toEqual(['Nguyễn Thị Kiểm Soát']);
    expect(two.total).toBe(1);
    const accents = ok<Candidates>(await candidates(officer, `?q=${encodeURIComponent('pháp chế')}`));
    expect(accents.items.map((c) => c.user.fullName)).toEqual(['Hồ Thị Pháp Chế']);
    // A word inside a word does not match ("guyen" is not the start of a word); nor does nothing like a name.
    expect(ok<Candidates>(await candidates(officer, '?q=guyen')).total).toBe(0);
    expect(ok<Candidates>(await candidates(officer, '?q=zzz%25')).items).toEqual([]);
  });

  it('marks a leader of a unit the plan inspects, and someone working there', async () => {
    const all = ok<Candidates>(await candidates(officer));
    const leads = all.items.find((c) => c.user.id === id('lanhdao.tuphap'))!;
    expect(leads.conflicts).toEqual([
      { unit: { id: id('tuphap'), name: 'Sở Tư pháp' }, reasons: ['leads_unit', 'from_unit'] },
    ]);
    const works = all.items.find((c) => c.user.id === id('phapche'))!;
    expect(works.conflicts).toEqual([
      { unit: { id: id('tuphap'), name: 'Sở Tư pháp' }, reasons: ['from_unit'] },
    ]);
  });

  it('leaves out those on the team and accounts no longer active', async () => {
    ok<Plan>(
      await officer.request('POST', `/api/inspection-plans/${planId}/team`, {
        userId: id('kiemtra'),
        unitId: id('noivu'),
        role: 'head',
      }),
    );
    const after = ok<Candidates>(await candidates(officer));
    expect(after.items.some((c) => c.user.id === id('kiemtra'))).toBe(false);

    const created = ok<{ id: string; version: number }>(
      await admin.request('POST', '/api/users', {
        email: 'nghi.viec@example.vn',
        fullName: 'Nguyễn Văn Nghỉ Việc',
        unitId: id('noivu'),
      }),
      201,
    );
    ok(
      await admin.request('POST', `/api/users/${created.id}/grants`, {
        role: 'inspector',
        unitId: id('province'),
      }),
      201,
    );
    const before = ok<Candidates>(await candidates(officer, '?q=nghi+viec'));
    expect(before.items.map((c) => c.user.fullName)).toEqual(['Nguyễn Văn Nghỉ Việc']);
    ok(await admin.request('PATCH', `/api/users/${created.id}`, { version: created.version, active: false }));
    expect(ok<Candidates>(await candidates(officer, '?q=nghi+viec')).total).toBe(0);
  });

  it("for one inspection's own team: the office, while its team may change; conflicts with its unit", async () => {
    const url = `/api/inspections/${tuphapInspection.id}/team-candidates`;
    const found = ok<Candidates>(await officer.request('GET', `${url}?q=vu+thi`));
    expect(found.items.find((c) => c.user.id === id('lanhdao.tuphap'))?.conflicts).toEqual([
      { unit: { id: id('tuphap'), name: 'Sở Tư pháp' }, reasons: ['leads_unit', 'from_unit'] },
    ]);
    for (const who of [inspector, focal, leader]) fails(await who.request('GET', url), 403);
    // A concluded inspection's team no longer changes (the demo concludes one of the 2026 plan's).
    const concluded = await one(sql`select id from inspections where status = 'concluded' limit 1`);
    fails(await officer.request('GET', `/api/inspections/${concluded}/team-candidates`), 409);
  });
});

describe("the plan's documents from the register", () => {
  it('attaches the plan as issued and the team decision, version-checked (409 on a stale copy), journalled', async () => {
    const plan = ok<Plan>(await officer.request('GET', `/api/inspection-plans/${planId}`));
    const doc = await one(sql`select id from documents where number_symbol = '1313/UBND-KSTT'`);
    const decision = await one(sql`select id from documents where number_symbol = '1830-QĐ/TU'`);
    const linked = ok<Plan>(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: plan.version,
        documentId: doc,
        teamDecisionId: decision,
      }),
    );
    expect(linked).toMatchObject({
      documentId: doc,
      teamDecisionId: decision,
      document: { id: doc, numberSymbol: '1313/UBND-KSTT' },
      teamDecision: { id: decision, numberSymbol: '1830-QĐ/TU' },
      version: plan.version + 1,
    });
    // Someone else's copy, read before the change.
    const stale = fails(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: plan.version,
        teamDecisionId: null,
      }),
      409,
    );
    expect(stale.code).toBe('STALE_VERSION');
    // The office only; an unknown document is not linked.
    fails(
      await inspector.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: linked.version,
        documentId: null,
      }),
      403,
    );
    fails(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: linked.version,
        teamDecisionId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    const unlinked = ok<Plan>(
      await officer.request('PATCH', `/api/inspection-plans/${planId}`, {
        version: linked.version,
        teamDecisionId: null,
      }),
    );
    expect(unlinked).toMatchObject({ documentId: doc, teamDecisionId: null, teamDecision: null });
    const journal = await rows<{ action: string }>(
      t.database.db,
      sql`select action from audit_journal where entity = 'inspection_plan' and entity_id = ${planId} and action = 'update' order by id`,
    );
    expect(journal).toHaveLength(2);
  });
});

describe("an inspection's own checklist items", () => {
  const add = (customItems: unknown, areas: string[] = []) =>
    officer.request('POST', `/api/inspection-plans/${planId}/inspections`, {
      unitId: id('noivu'),
      areas,
      customItems,
      plannedFrom: '2027-05-04',
      plannedTo: '2027-05-05',
    });

  it('are added with the inspection, English optional, and appear in its checklist', async () => {
    const created = ok<Inspection>(
      await add([
        {
          key: 'item_one',
          text: { vi: 'Việc công khai kết quả giải quyết phản ánh, kiến nghị', en: '' },
        },
        { key: 'item_two', text: { vi: 'Sổ theo dõi hồ sơ', en: 'The dossier register' } },
        { key: 'item_three', text: { vi: '  Việc niêm yết thủ tục  ' } },
      ]),
      201,
    );
    expect(created.customItems).toEqual([
      { key: 'item_one', text: { vi: 'Việc công khai kết quả giải quyết phản ánh, kiến nghị', en: '' } },
      { key: 'item_two', text: { vi: 'Sổ theo dõi hồ sơ', en: 'The dossier register' } },
      { key: 'item_three', text: { vi: 'Việc niêm yết thủ tục', en: '' } },
    ]);
    const custom = created.checklist.sections.find((s) => s.area === 'custom')!;
    expect(custom.items.map((i) => i.key)).toEqual(['item_one', 'item_two', 'item_three']);
    ids.set('custom', created.id);
  });

  it("refuse with the server's messages: no Vietnamese text, a key twice, too many, too long", async () => {
    const empty = fails(await add([{ key: 'item_a', text: { vi: ' ', en: 'Only English' } }]), 400);
    expect(empty.details).toEqual([
      {
        field: 'customItems.0.text.vi',
        message: 'Cần nhập nội dung kiểm tra bằng tiếng Việt (tiếng Anh không bắt buộc).',
      },
    ]);
    const twice = fails(
      await add([
        { key: 'item_a', text: { vi: 'Một', en: '' } },
        { key: 'item_a', text: { vi: 'Hai', en: '' } },
      ]),
      400,
    );
    expect(twice.details).toEqual([{ field: 'customItems.1.key', message: 'Mã nội dung bị trùng.' }]);
    const many = Array.from({ length: 61 }, (_, i) => ({ key: `item_${i}`, text: { vi: `Nội dung ${i}` } }));
    expect(fails(await add(many), 400).code).toBe('VALIDATION_FAILED');
    const long = fails(await add([{ key: 'item_a', text: { vi: 'x'.repeat(1001) } }]), 400);
    expect(long.code).toBe('VALIDATION_FAILED');
    // Nothing to inspect: neither an area nor an item of its own.
    const nothing = fails(await add([]), 400);
    expect(nothing.message).toContain('nội dung riêng');
  });

  it('are changed by PATCH while not yet signed (the office), version-checked', async () => {
    const current = ok<Inspection>(await officer.request('GET', `/api/inspections/${id('custom')}`));
    const changed = ok<Inspection>(
      await officer.request('PATCH', `/api/inspections/${id('custom')}`, {
        version: current.version,
        customItems: [
          current.customItems[1],
          { key: 'item_four', text: { vi: 'Việc tự kiểm tra', en: 'Self-inspection' } },
        ],
      }),
    );
    expect(changed.customItems.map((i) => i.key)).toEqual(['item_two', 'item_four']);
    expect(changed.version).toBe(current.version + 1);
    const stale = fails(
      await officer.request('PATCH', `/api/inspections/${id('custom')}`, {
        version: current.version,
        customItems: [],
        areas: ['procedures'],
      }),
      409,
    );
    expect(stale.code).toBe('STALE_VERSION');
    const bad = fails(
      await officer.request('PATCH', `/api/inspections/${id('custom')}`, {
        version: changed.version,
        customItems: [{ key: 'item_five', text: { vi: '', en: '' } }],
      }),
      400,
    );
    expect(bad.details?.map((d) => d.field)).toEqual(['customItems.0.text.vi']);
    fails(
      await focal.request('PATCH', `/api/inspections/${id('custom')}`, {
        version: changed.version,
        customItems: [],
      }),
      403,
    );
  });
});
