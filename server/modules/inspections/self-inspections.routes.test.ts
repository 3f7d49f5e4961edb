import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type {
  CoverageOut,
  MyUnitsOut,
  ProvinceCoverageOut,
  SelfInspectionListOut,
  SelfInspectionOut,
} from './self-inspections.schemas.js';

/**
 * Self-inspections through the API (issue 15; domain notes §2.6), on both engines: Sở Tư pháp's focal point
 * records an inspection of one of its divisions and its coverage of 2026 reaches 50%; a unit that is not its
 * sub-unit, a division abolished before the date, a date in the future or outside the year are refused with
 * messages that say why; another department's focal point can neither see nor change them; edits are
 * version-checked, deletions journalled; the standing agency reads the province's view and its Excel file.
 */

let t: TestApp;
let focal: Caller;
let leader: Caller;
let otherFocal: Caller;
let officer: Caller;
let member: Caller;
let inspector: Caller;
let tuphap: string;
let xaydung: string;
let divisions: Map<string, string>;
const YEAR = 2026;

type ErrorBody = {
  error: { code: string; message: string; details?: { field: string; message: string }[] };
};

const coverageOf = async (c: Caller, unitId: string, year = YEAR) =>
  (
    await c.request('GET', `/api/self-inspections/coverage?unitId=${unitId}&year=${year}`)
  ).json() as CoverageOut;
const listOf = async (c: Caller, unitId: string) =>
  (
    await c.request('GET', `/api/self-inspections?unitId=${unitId}&year=${YEAR}`)
  ).json() as SelfInspectionListOut;
const province = async (c: Caller, query: string) => {
  const res = await c.request('GET', `/api/self-inspections/province?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProvinceCoverageOut;
};
const body = (over: Record<string, unknown> = {}) => ({
  inspectorUnitId: tuphap,
  year: YEAR,
  inspectedUnitId: divisions.get('Phòng Phổ biến, giáo dục pháp luật'),
  inspectedOn: '2026-11-10',
  form: 'on_site',
  areas: ['institutions', 'civil_service', 'institutions'],
  note: 'Kiểm tra việc thực hiện Kế hoạch phổ biến, giáo dục pháp luật năm 2026.',
  ...over,
});
const refused = (res: { statusCode: number; json(): unknown }) => res.json() as ErrorBody;

beforeAll(async () => {
  t = await testApp();
  focal = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  otherFocal = await t.login('daumoi.xaydung@chidao.demo');
  officer = await t.login('thuongtruc@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  inspector = await t.login('kiemtra@chidao.demo');
  const mine = (await focal.request('GET', `/api/self-inspections/units?year=${YEAR}`)).json() as MyUnitsOut;
  tuphap = mine.items.find((u) => u.name === 'Sở Tư pháp')!.id;
  const theirs = (
    await otherFocal.request('GET', `/api/self-inspections/units?year=${YEAR}`)
  ).json() as MyUnitsOut;
  xaydung = theirs.items.find((u) => u.name === 'Sở Xây dựng')!.id;
  const c = await coverageOf(focal, tuphap);
  divisions = new Map(c.subUnits.map((u) => [u.name, u.id]));
}, 180_000);
afterAll(() => t?.close());

describe('a unit’s focal point', () => {
  it('sees the units it records for, not the province view', async () => {
    const mine = (
      await focal.request('GET', `/api/self-inspections/units?year=${YEAR}`)
    ).json() as MyUnitsOut;
    expect(mine).toMatchObject({ year: YEAR, province: false });
    expect(mine.items.map((u) => [u.name, u.kind, u.record])).toEqual([['Sở Tư pháp', 'department', true]]);
    expect((await focal.request('GET', `/api/self-inspections/province?year=${YEAR}`)).statusCode).toBe(403);
  });

  it('reads its coverage of 2026: 3 of its 8 divisions, below 50%', async () => {
    const c = await coverageOf(focal, tuphap);
    expect(c).toMatchObject({
      year: YEAR,
      unit: { id: tuphap, name: 'Sở Tư pháp', kind: 'department' },
      threshold: 0.5,
      countedKinds: ['other', 'management_board'],
      total: 8,
      inspected: 3,
      percent: 37.5,
      needed: 4,
      missing: 1,
      status: 'not_reached',
      abilities: { record: true },
    });
    expect(c.subUnits.filter((u) => u.inspected).map((u) => u.name)).toEqual([
      'Phòng Công chứng số 1',
      'Phòng Hành chính tư pháp',
      'Trung tâm Trợ giúp pháp lý nhà nước',
    ]);
    expect(c.subUnits.find((u) => u.name === 'Phòng Hành chính tư pháp')!.inspectedOn).toEqual([
      '2026-04-14',
    ]);
    const list = await listOf(focal, tuphap);
    expect(list.abilities.record).toBe(true);
    expect(list.items.map((r) => [r.inspectedOn, r.inspectedUnit.name, r.counted])).toEqual([
      ['2026-09-22', 'Phòng Công chứng số 1', true],
      ['2026-06-09', 'Trung tâm Trợ giúp pháp lý nhà nước', true],
      ['2026-04-14', 'Phòng Hành chính tư pháp', true],
    ]);
    expect(list.items[2]).toMatchObject({
      createdByName: 'Hoàng Văn Đầu Mối',
      form: 'on_site',
      abilities: { update: true, delete: true },
    });
  });

  it('records an inspection of a division, and the coverage reaches 50%', async () => {
    const res = await focal.request('POST', '/api/self-inspections', body());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as SelfInspectionOut;
    expect(created).toMatchObject({
      inspectorUnitId: tuphap,
      inspectedUnit: { name: 'Phòng Phổ biến, giáo dục pháp luật', kind: 'other' },
      inspectedOn: '2026-11-10',
      form: 'on_site',
      areas: ['institutions', 'civil_service'],
      counted: true,
      version: 1,
      createdByName: 'Hoàng Văn Đầu Mối',
    });
    expect(await coverageOf(focal, tuphap)).toMatchObject({
      inspected: 4,
      percent: 50,
      missing: 0,
      status: 'reached',
    });
    // Journalled with who did it.
    const db = t.database.db as unknown as {
      execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }>;
    };
    const { rows } = await db.execute(
      sql`select action, actor_name from audit_journal where entity = 'self_inspection' and entity_id = ${created.id}`,
    );
    expect(rows).toEqual([{ action: 'create', actor_name: 'Hoàng Văn Đầu Mối' }]);
  });

  it('counts a division inspected twice once', async () => {
    const res = await leader.request(
      'POST',
      '/api/self-inspections',
      body({ inspectedOn: '2026-11-20', form: 'through_reports', note: '' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = await coverageOf(focal, tuphap);
    expect(c.inspected).toBe(4);
    expect(c.subUnits.find((u) => u.name === 'Phòng Phổ biến, giáo dục pháp luật')!.inspectedOn).toEqual([
      '2026-11-20',
      '2026-11-10',
    ]);
    const removed = await leader.request(
      'DELETE',
      `/api/self-inspections/${(res.json() as SelfInspectionOut).id}?version=1`,
    );
    expect(removed.statusCode).toBe(204);
  });

  it('refuses a unit that is not its sub-unit, saying so', async () => {
    const other = (await coverageOf(otherFocal, xaydung)).subUnits[0]!;
    const res = await focal.request('POST', '/api/self-inspections', body({ inspectedUnitId: other.id }));
    expect(res.statusCode).toBe(400);
    const e = refused(res).error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details?.[0]?.field).toBe('inspectedUnitId');
    expect(e.message).toBe(
      `Ngày 10/11/2026 ${other.name} không phải phòng hay đơn vị trực thuộc Sở Tư pháp: chỉ ghi nhận việc tự kiểm tra đơn vị trực thuộc mình.`,
    );
    // The unit itself, another department, the province: refused too.
    expect(
      (await focal.request('POST', '/api/self-inspections', body({ inspectedUnitId: tuphap }))).json(),
    ).toMatchObject({ error: { message: expect.stringContaining('không tự kiểm tra chính mình') } });
    const third = await focal.request('POST', '/api/self-inspections', body({ inspectedUnitId: xaydung }));
    expect(refused(third).error.message).toContain('Sở Xây dựng không phải phòng hay đơn vị trực thuộc');
    // In English on request.
    const en = await focal.request('POST', '/api/self-inspections', body({ inspectedUnitId: other.id }), {
      'x-chidao-locale': 'en',
    });
    expect(refused(en).error.message).toBe(
      `On 10/11/2026 ${other.name} was not a division or sub-unit of Sở Tư pháp: a unit records only inspections of its own sub-units.`,
    );
  });

  it('refuses a division that had ended, and no longer counts it', async () => {
    const admin = await t.login('admin@chidao.demo');
    const ended = divisions.get('Trung tâm Dịch vụ đấu giá tài sản')!;
    const event = await admin.request('POST', '/api/lineage/events', {
      kind: 'abolish',
      effectiveDate: '2026-09-01',
      legalBasisText: 'Quyết định giải thể (thử nghiệm)',
      from: [ended],
      to: [],
    });
    expect(event.statusCode, event.body).toBe(201);
    const res = await focal.request(
      'POST',
      '/api/self-inspections',
      body({ inspectedUnitId: ended, inspectedOn: '2026-10-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(refused(res).error.message).toBe(
      'Trung tâm Dịch vụ đấu giá tài sản đã kết thúc hoạt động từ sau ngày 31/08/2026: không thể kiểm tra vào ngày 01/10/2026.',
    );
    // Inspected while it still existed: recorded, but not counted (it is not a division at the year's reference day).
    const before = await focal.request(
      'POST',
      '/api/self-inspections',
      body({ inspectedUnitId: ended, inspectedOn: '2026-08-20' }),
    );
    expect(before.statusCode, before.body).toBe(201);
    expect((before.json() as SelfInspectionOut).counted).toBe(false);
    const c = await coverageOf(focal, tuphap);
    expect(c).toMatchObject({ total: 7, inspected: 4, needed: 4, status: 'reached' });
    expect(c.subUnits.map((u) => u.id)).not.toContain(ended);
    // A year when it was in force: it counts there.
    expect((await coverageOf(focal, tuphap, 2025)).total).toBe(8);
  });

  it('refuses dates in the future, outside the year, before the unit existed', async () => {
    const future = await focal.request(
      'POST',
      '/api/self-inspections',
      body({ inspectedOn: '2099-01-05', year: 2099 }),
    );
    expect(future.statusCode).toBe(400);
    expect(refused(future).error.message).toBe(
      'Ngày kiểm tra 05/01/2099 chưa đến: chỉ ghi nhận cuộc kiểm tra đã thực hiện.',
    );
    const outside = await focal.request('POST', '/api/self-inspections', body({ inspectedOn: '2025-12-31' }));
    expect(refused(outside).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Ngày kiểm tra 31/12/2025 không thuộc năm 2026: hãy ghi ngày trong năm 2026.',
    });
    // The divisions were formed on 1/3/2025.
    const early = await focal.request(
      'POST',
      '/api/self-inspections',
      body({ inspectedOn: '2025-02-10', year: 2025 }),
    );
    expect(refused(early).error.message).toContain('chưa được thành lập (hoạt động từ 01/03/2025)');
    const unknownDoc = await focal.request(
      'POST',
      '/api/self-inspections',
      body({ documentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(refused(unknownDoc).error.details?.[0]?.field).toBe('documentId');
  });

  it('edits with the version read (409 when stale) and deletes with the journal keeping it', async () => {
    const [first] = (await listOf(focal, tuphap)).items.filter(
      (r) => r.inspectedUnit.name === 'Phòng Phổ biến, giáo dục pháp luật',
    );
    const edit = {
      inspectedUnitId: first!.inspectedUnit.id,
      inspectedOn: '2026-11-12',
      form: 'combined',
      areas: ['institutions'],
      note: 'Sửa ngày theo biên bản.',
      version: first!.version,
    };
    const res = await leader.request('PUT', `/api/self-inspections/${first!.id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inspectedOn: '2026-11-12', form: 'combined', version: 2 });
    const stale = await focal.request('PUT', `/api/self-inspections/${first!.id}`, { ...edit, note: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(refused(stale).error.code).toBe('STALE_VERSION');
    // The date stays in its year.
    const moved = await focal.request('PUT', `/api/self-inspections/${first!.id}`, {
      ...edit,
      inspectedOn: '2025-11-12',
      version: 2,
    });
    expect(refused(moved).error.message).toContain('không thuộc năm 2026');
    expect((await focal.request('DELETE', `/api/self-inspections/${first!.id}?version=1`)).statusCode).toBe(
      409,
    );
    expect((await focal.request('DELETE', `/api/self-inspections/${first!.id}?version=2`)).statusCode).toBe(
      204,
    );
    expect((await focal.request('DELETE', `/api/self-inspections/${first!.id}?version=2`)).statusCode).toBe(
      404,
    );
    expect((await coverageOf(focal, tuphap)).inspected).toBe(3);
    const db = t.database.db as unknown as {
      execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }>;
    };
    const { rows } = await db.execute(
      sql`select action from audit_journal where entity = 'self_inspection' and entity_id = ${first!.id} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    // Put back for the province view below.
    expect((await focal.request('POST', '/api/self-inspections', body())).statusCode).toBe(201);
  });
});

describe('another unit’s people and other roles', () => {
  it('another department’s focal point neither sees nor changes Sở Tư pháp’s records', async () => {
    const [record] = (await listOf(focal, tuphap)).items;
    expect(
      (await otherFocal.request('GET', `/api/self-inspections/coverage?unitId=${tuphap}&year=${YEAR}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherFocal.request('GET', `/api/self-inspections?unitId=${tuphap}&year=${YEAR}`)).statusCode,
    ).toBe(404);
    expect((await otherFocal.request('POST', '/api/self-inspections', body())).statusCode).toBe(403);
    const put = await otherFocal.request('PUT', `/api/self-inspections/${record!.id}`, {
      inspectedUnitId: record!.inspectedUnit.id,
      inspectedOn: record!.inspectedOn,
      form: 'on_site',
      areas: [],
      note: '',
      version: record!.version,
    });
    expect([403, 404]).toContain(put.statusCode);
    expect(
      (await otherFocal.request('DELETE', `/api/self-inspections/${record!.id}?version=${record!.version}`))
        .statusCode,
    ).toBe(404);
    expect((await listOf(focal, tuphap)).items.map((r) => r.id)).toContain(record!.id);
  });

  it('the standing agency and the committee read a unit’s coverage but record nothing', async () => {
    for (const reader of [officer, member]) {
      const c = await coverageOf(reader, tuphap);
      expect(c).toMatchObject({ inspected: 4, abilities: { record: false } });
      const list = await listOf(reader, tuphap);
      expect(list.abilities.record).toBe(false);
      expect(list.items.every((r) => !r.abilities.update && !r.abilities.delete)).toBe(true);
      expect((await reader.request('POST', '/api/self-inspections', body())).statusCode).toBe(403);
    }
  });

  it('an inspector has no part in self-inspections', async () => {
    expect(
      (await inspector.request('GET', `/api/self-inspections/coverage?unitId=${tuphap}&year=${YEAR}`))
        .statusCode,
    ).toBe(403);
    expect((await inspector.request('GET', `/api/self-inspections/province?year=${YEAR}`)).statusCode).toBe(
      403,
    );
  });

  it('a unit that does not self-inspect, or a year it did not exist, is said so', async () => {
    const p = await province(officer, `year=${YEAR}`);
    const res = await officer.request(
      'GET',
      `/api/self-inspections/coverage?unitId=${p.province.id}&year=${YEAR}`,
    );
    expect(res.statusCode).toBe(400);
    expect(refused(res).error.message).toContain('không thuộc diện tự kiểm tra CCHC');
    const later = await focal.request('GET', `/api/self-inspections/coverage?unitId=${tuphap}&year=2099`);
    expect(refused(later).error.message).toBe(
      'Sở Tư pháp không hoạt động trong năm 2099 (hoặc năm này chưa bắt đầu).',
    );
  });
});

describe('the province view', () => {
  it('lists every department and commune of 2026 with its coverage, in Vietnamese order, with counts', async () => {
    const p = await province(officer, `year=${YEAR}`);
    expect(p).toMatchObject({ year: YEAR, threshold: 0.5, province: { name: 'UBND tỉnh Nghệ An' } });
    const row = (name: string) => p.items.find((r) => r.name === name);
    expect(row('Sở Tư pháp')).toMatchObject({
      kind: 'department',
      total: 7,
      inspected: 4,
      status: 'reached',
    });
    expect(row('Sở Xây dựng')).toMatchObject({ total: 9, inspected: 5, percent: 55.56, status: 'reached' });
    expect(row('Sở Nội vụ')).toMatchObject({ total: 8, inspected: 2, percent: 25, status: 'not_reached' });
    expect(row('Phường Vinh Hưng')).toMatchObject({
      kind: 'commune',
      total: 4,
      inspected: 2,
      status: 'reached',
    });
    expect(row('Xã Diễn Châu')).toMatchObject({ total: 4, inspected: 1, needed: 2, status: 'not_reached' });
    expect(row('Xã Đô Lương')).toMatchObject({ total: 4, inspected: 0, status: 'not_reached', records: 0 });
    expect(row('Xã Anh Sơn')).toMatchObject({ total: 0, percent: null, status: 'no_sub_units' });
    // Units ended before 2026 are not there; 130 communes are.
    expect(row('Sở Kế hoạch và Đầu tư')).toBeUndefined();
    expect(p.items.filter((r) => r.kind === 'commune')).toHaveLength(130);
    expect(p.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['department', 'commune']));
    expect(p.counts.units).toBe(p.items.length);
    expect(p.counts.reached + p.counts.notReached + p.counts.noSubUnits).toBe(p.counts.units);
    const names = p.items.map((r) => r.name);
    expect(names).toEqual(
      [...names].sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare),
    );
  });

  it('filters by kind and "not reached"', async () => {
    const p = await province(officer, `year=${YEAR}&kind=commune&notReached=true`);
    expect(p.items.map((r) => r.name)).toEqual(['Xã Diễn Châu', 'Xã Đô Lương']);
    expect(p.counts).toMatchObject({ units: 130, reached: 2, notReached: 2, noSubUnits: 126 });
    const departments = await province(member, `year=${YEAR}&kind=department`);
    expect(departments.items.every((r) => r.kind === 'department')).toBe(true);
  });

  it('shows 2025 as the registry held it: a district with its communes until 30/6/2025', async () => {
    const p = await province(officer, 'year=2025&kind=district');
    const doluong = p.items.find((r) => r.name === 'Huyện Đô Lương')!;
    expect(doluong).toMatchObject({ validTo: '2025-06-30', asOf: '2025-06-30', total: 32, inspected: 3 });
    expect(doluong.status).toBe('not_reached');
    expect(p.items).toHaveLength(20);
  });

  it('exports the same view as Excel', async () => {
    const res = await officer.request(
      'GET',
      `/api/self-inspections/province.xlsx?year=${YEAR}&kind=department`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('Tự kiểm tra CCHC năm 2026.xlsx'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tự kiểm tra CCHC')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('KẾT QUẢ TỰ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026');
    const tp = rows.find((r) => r[1] === 'Sở Tư pháp')!;
    expect(tp.slice(2, 9)).toEqual(['Sở, ban, ngành', 7, 4, 57.14, 4, 'Đạt', 5]);
    expect(rows.find((r) => r[1] === 'Sở Nội vụ')![7]).toBe('Chưa đạt');
    expect(rows.some((r) => r[1] === 'Phường Vinh Hưng')).toBe(false);
    expect((await focal.request('GET', `/api/self-inspections/province.xlsx?year=${YEAR}`)).statusCode).toBe(
      403,
    );
  });
});

describe('a division merged during the year', () => {
  it('counts its inspection for the division that carries it', async () => {
    const admin = await t.login('admin@chidao.demo');
    const old = divisions.get('Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật')!;
    const office = divisions.get('Văn phòng Sở')!;
    const recorded = await focal.request(
      'POST',
      '/api/self-inspections',
      body({ inspectedUnitId: old, inspectedOn: '2026-11-16' }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const before = await coverageOf(focal, tuphap);
    const event = await admin.request('POST', '/api/lineage/events', {
      kind: 'absorb',
      effectiveDate: '2026-12-01',
      legalBasisText: 'Quyết định sắp xếp phòng chuyên môn (thử nghiệm)',
      from: [old],
      to: [{ unitId: office }],
    });
    expect(event.statusCode, event.body).toBe(201);
    const after = await coverageOf(focal, tuphap);
    expect(after.total).toBe(before.total - 1);
    expect(after.inspected).toBe(before.inspected);
    expect(after.subUnits.find((u) => u.id === office)).toMatchObject({
      inspected: true,
      inspectedOn: ['2026-11-16'],
      via: ['Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật'],
    });
    const list = await listOf(focal, tuphap);
    expect(list.items.find((r) => r.id === (recorded.json() as SelfInspectionOut).id)!.counted).toBe(true);
  });
});
