import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { Actor } from '../access/actor.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { QueueOut } from '../work/work.schemas.js';
import type {
  ItemEventsOut,
  ItemOut,
  PilotKpisOut,
  PilotUnitCardOut,
  PilotUnitDetailOut,
  ProgrammeOut,
  ReportOut,
} from './pilots.schemas.js';
import { pilotItemsForUnits } from './pilots.service.js';

type Card = PilotUnitCardOut;
type Programme = ProgrammeOut;
type Item = ItemOut;
type Report = ReportOut;
type Detail = PilotUnitDetailOut;
type ErrorBody = { error: { code: string; details?: { field: string }[] } };

let t: TestApp;
let officer: Caller;
let tuphap: Caller;
let xaydung: Caller;
let member: Caller;
let hotline: Caller;
let committeeId: string;
let units: Map<string, string>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
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

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
  const list = (await officer.request('GET', '/api/committees?level=province')).json() as {
    items: { id: string }[];
  };
  committeeId = list.items[0]!.id;
  const all = (await officer.request('GET', '/api/units?limit=5000')).json() as {
    items: { id: string; name: string; fullName: string }[];
  };
  units = new Map(all.items.flatMap((u) => [[u.name, u.id] as const, [u.fullName, u.id] as const]));
});
afterAll(() => t.close());

const year = async (caller: Caller, y: number) => {
  const res = await caller.request('GET', `/api/pilot-programmes?year=${y}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { year: number; years: number[]; items: Programme[]; abilities: { create: boolean } };
};
const detail = async (caller: Caller, id: string, asOf?: string) => {
  const res = await caller.request('GET', `/api/pilot-units/${id}${asOf ? `?asOf=${asOf}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const fieldOf = (body: string) => (JSON.parse(body) as ErrorBody).error.details?.[0]?.field;

describe('the demo: Nghệ An 2023 and 2024 pilot units (domain notes §2.3)', () => {
  it('2023 has its seven units; Huyện Diễn Châu ended on 30/06/2025 and is continued by the communes that took it over', async () => {
    const res = await year(member, 2023);
    expect(res.years).toEqual(expect.arrayContaining([2023, 2024]));
    const [p] = res.items;
    expect(p!.pilotUnits.map((c) => c.unit.name).sort()).toEqual(
      [
        'Huyện Diễn Châu',
        'Huyện Nghi Lộc',
        'Sở Kế hoạch và Đầu tư',
        'Sở Tài nguyên và Môi trường',
        'Sở Xây dựng',
        'Thành phố Vinh',
        'Văn phòng UBND tỉnh',
      ].sort(),
    );
    const dc = p!.pilotUnits.find((c) => c.unit.name === 'Huyện Diễn Châu')!;
    expect(dc.unit).toMatchObject({ ended: true, validTo: '2025-06-30' });
    expect(dc.unit.successors.map((s) => s.name)).toContain('Xã Diễn Châu');
    expect(dc.unit.successors.every((s) => s.name.startsWith('Xã '))).toBe(true);
    expect(dc.responsible?.name).toBe('Đinh Văn Dũng');
    expect(dc.progress.total).toBeGreaterThanOrEqual(3);
    // A department merged on 1/3/2025 continues in the one that absorbed it.
    const khdt = p!.pilotUnits.find((c) => c.unit.name === 'Sở Kế hoạch và Đầu tư')!;
    expect(khdt.unit).toMatchObject({ ended: true, validTo: '2025-02-28' });
    expect(khdt.unit.successors.map((s) => s.name)).toEqual(['Sở Tài chính']);
    // A unit still in force has no successor.
    const xd = p!.pilotUnits.find((c) => c.unit.name === 'Sở Xây dựng')!;
    expect(xd.unit).toMatchObject({ ended: false, successors: [] });
    // A committee member reads everything and changes nothing.
    expect(p!.abilities).toEqual({ read: true, manage: false });
    expect(dc.abilities).toEqual({ read: true, manage: false, work: false, review: false });
  });

  it("Huyện Diễn Châu's page still shows its 2023 items, verified, returned and overdue", async () => {
    const p = (await year(officer, 2023)).items[0]!;
    const dc = await detail(officer, p.pilotUnits.find((c) => c.unit.name === 'Huyện Diễn Châu')!.id);
    expect(dc.items.length).toBeGreaterThanOrEqual(3);
    const states = new Set(dc.items.map((i) => i.status));
    expect(states.has('verified')).toBe(true);
    expect(dc.items.some((i) => i.timing.state === 'overdue')).toBe(true);
    expect(dc.kpis.verified.taskIds.sort()).toEqual(
      dc.items
        .filter((i) => i.status === 'verified')
        .map((i) => i.id)
        .sort(),
    );
    // Verified on time: among the verified items, those done by their due date; completion counts the
    // verified items against those owed (cancelled ones are no longer owed).
    expect(dc.kpis.verifiedOnTime.taskIds.sort()).toEqual(
      dc.items
        .filter((i) => i.status === 'verified' && i.timing.state === 'done_on_time')
        .map((i) => i.id)
        .sort(),
    );
    expect(dc.kpis.completionPct).toMatchObject({
      numerator: dc.items.filter((i) => i.status === 'verified').length,
      denominator: dc.items.filter((i) => i.status !== 'cancelled').length,
    });
    expect(dc.reports.map((r) => [r.kind, r.period.key, r.period.due])).toEqual([
      ['half_year', '2023-H1', '2023-06-20'],
      ['year_end', '2023-Y', '2023-12-20'],
    ]);
  });

  it("an ended unit's open items stop counting days overdue on its last day", async () => {
    const p = (await year(officer, 2023)).items[0]!;
    const id = p.pilotUnits.find((c) => c.unit.name === 'Huyện Diễn Châu')!.id;
    const onEnd = (await detail(officer, id, '2025-06-30')).items;
    const later = (await detail(officer, id, '2026-11-30')).items;
    const late = onEnd.filter((i) => i.timing.state === 'overdue');
    expect(late.length).toBeGreaterThan(0);
    for (const i of late)
      expect(later.find((x) => x.id === i.id)!.timing.daysOverdue).toBe(i.timing.daysOverdue);
    // A unit still in force keeps counting.
    const xd = p.pilotUnits.find((c) => c.unit.name === 'Sở Xây dựng')!.id;
    const a = (await detail(officer, xd, '2025-06-30')).items.find((i) => i.timing.state === 'overdue')!;
    const b = (await detail(officer, xd, '2026-11-30')).items.find((i) => i.id === a.id)!;
    expect(b.timing.daysOverdue).toBeGreaterThan(a.timing.daysOverdue);
  });

  it('2024 lists BQL Khu kinh tế Đông Nam and cites the 1313/UBND-KSTT letter; the reports are half accepted', async () => {
    const p = (await year(officer, 2024)).items[0]!;
    expect(p.decision?.numberSymbol).toBe('1313/UBND-KSTT');
    expect(p.pilotUnits).toHaveLength(7);
    expect(p.pilotUnits.map((c) => c.unit.name)).toContain('Ban Quản lý Khu kinh tế Đông Nam Nghệ An');
    expect(p.pilotUnits.map((c) => c.unit.name)).toContain('Huyện Hưng Nguyên');
    expect(
      p.pilotUnits.every((c) => c.reports.find((r) => r.kind === 'half_year')?.status === 'accepted'),
    ).toBe(true);
    const gtvt = p.pilotUnits.find((c) => c.unit.name === 'Sở Giao thông vận tải')!;
    expect(gtvt.unit.successors.map((s) => s.name)).toEqual(['Sở Xây dựng']);
  });

  it('a late half-year report counts its days late against the 20 June deadline (581/BNV-CCHC)', async () => {
    const p = (await year(officer, 2023)).items[0]!;
    const tnmt = await detail(
      officer,
      p.pilotUnits.find((c) => c.unit.name === 'Sở Tài nguyên và Môi trường')!.id,
    );
    expect(tnmt.reports[0]).toMatchObject({ kind: 'half_year', status: 'accepted', daysLate: 5 });
  });
});

describe('who sees what', () => {
  it("a unit's focal point sees only its own pilot unit; others' pages are refused", async () => {
    expect((await year(tuphap, 2023)).items).toEqual([]);
    const mine = (await year(tuphap, 2024)).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]!.pilotUnits.map((c) => c.unit.name)).toEqual(['Sở Tư pháp']);
    expect(mine[0]!.pilotUnits[0]!.abilities).toEqual({
      read: true,
      manage: false,
      work: true,
      review: false,
    });
    const p2023 = (await year(officer, 2023)).items[0]!;
    const dc = p2023.pilotUnits.find((c) => c.unit.name === 'Huyện Diễn Châu')!;
    expect((await tuphap.request('GET', `/api/pilot-units/${dc.id}`)).statusCode).toBe(403);
    expect((await tuphap.request('GET', `/api/pilot-programmes/${p2023.id}`)).statusCode).toBe(403);
    // Roles outside pilot direction see nothing.
    expect((await year(hotline, 2023)).items).toEqual([]);
    expect((await hotline.request('GET', `/api/pilot-units/${dc.id}`)).statusCode).toBe(403);
  });
});

describe('a new programme', () => {
  let programme: Programme;

  it('only the standing agency starts one, once per committee and year', async () => {
    const body = { committeeId, year: 2026, note: 'Chỉ đạo điểm năm 2026' };
    expect((await tuphap.request('POST', '/api/pilot-programmes', body)).statusCode).toBe(403);
    expect((await member.request('POST', '/api/pilot-programmes', body)).statusCode).toBe(403);
    const res = await officer.request('POST', '/api/pilot-programmes', body);
    expect(res.statusCode, res.body).toBe(201);
    programme = res.json() as Programme;
    expect(programme.abilities).toEqual({ read: true, manage: true });
    expect((await officer.request('POST', '/api/pilot-programmes', body)).statusCode).toBe(409);
    const before = await officer.request('POST', '/api/pilot-programmes', { committeeId, year: 2022 });
    expect(before.statusCode).toBe(400);
    expect(fieldOf(before.body)).toBe('year');
    const unknown = await officer.request('POST', '/api/pilot-programmes', {
      committeeId: '00000000-0000-4000-8000-000000000000',
      year: 2026,
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldOf(unknown.body)).toBe('committeeId');
  });

  it('a unit must have been in force that year: Huyện Diễn Châu (ended 30/06/2025) cannot be a 2026 pilot unit', async () => {
    const res = await officer.request('POST', `/api/pilot-programmes/${programme.id}/units`, {
      unitId: units.get('Huyện Diễn Châu'),
    });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res.body)).toBe('unitId');
    expect((res.json() as { error: { message: string } }).error.message).toContain('Huyện Diễn Châu');
  });

  it('the responsible member must have sat on the committee that year', async () => {
    const members = (
      await officer.request('GET', `/api/pilot-programmes/${programme.id}/members`)
    ).json() as { items: { membershipId: string; name: string }[] };
    expect(members.items.map((m) => m.name)).not.toContain('Đinh Văn Dũng');
    const m2023 = (
      await officer.request(
        'GET',
        `/api/pilot-programmes/${(await year(officer, 2023)).items[0]!.id}/members`,
      )
    ).json() as { items: { membershipId: string; name: string }[] };
    const dung = m2023.items.find((m) => m.name === 'Đinh Văn Dũng')!;
    const refused = await officer.request('POST', `/api/pilot-programmes/${programme.id}/units`, {
      unitId: units.get('Sở Tư pháp'),
      responsibleMembershipId: dung.membershipId,
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldOf(refused.body)).toBe('responsibleMembershipId');
    const uv = members.items.find((m) => m.name === 'Phạm Thị Ủy Viên')!;
    const res = await officer.request('POST', `/api/pilot-programmes/${programme.id}/units`, {
      unitId: units.get('Sở Tư pháp'),
      responsibleMembershipId: uv.membershipId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Card).responsible?.name).toBe('Phạm Thị Ủy Viên');
    const again = await officer.request('POST', `/api/pilot-programmes/${programme.id}/units`, {
      unitId: units.get('Sở Tư pháp'),
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await tuphap.request('POST', `/api/pilot-programmes/${programme.id}/units`, {
          unitId: units.get('Sở Y tế'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a 2025 programme may still take Huyện Diễn Châu, which then shows as ended with its successors', async () => {
    const p = (
      await officer.request('POST', '/api/pilot-programmes', { committeeId, year: 2025 })
    ).json() as Programme;
    const res = await officer.request('POST', `/api/pilot-programmes/${p.id}/units`, {
      unitId: units.get('Huyện Diễn Châu'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const card = res.json() as Card;
    expect(card.unit).toMatchObject({ name: 'Huyện Diễn Châu', ended: true });
    expect(card.unit.successors.length).toBeGreaterThan(1);
  });

  describe('items follow the task workflow', () => {
    let pilotUnitId: string;
    let item: Item;
    const act = (caller: Caller, body: Record<string, unknown>) =>
      caller.request('POST', `/api/pilot-items/${item.id}/actions`, body);

    beforeAll(async () => {
      pilotUnitId = (await year(officer, 2026)).items[0]!.pilotUnits[0]!.id;
    });

    it('an item is due within the year, and only the standing agency names it', async () => {
      const late = await officer.request('POST', `/api/pilot-units/${pilotUnitId}/items`, {
        title: 'Không có hồ sơ trễ hạn',
        reformArea: 'procedures',
        dueDate: '2027-01-15',
      });
      expect(late.statusCode).toBe(400);
      expect(fieldOf(late.body)).toBe('dueDate');
      const body = {
        title: 'Cấp Phiếu lý lịch tư pháp trực tuyến đạt trên 80% hồ sơ',
        reformArea: 'digital_government',
        dueDate: '2026-06-30',
      };
      expect((await tuphap.request('POST', `/api/pilot-units/${pilotUnitId}/items`, body)).statusCode).toBe(
        403,
      );
      const res = await officer.request('POST', `/api/pilot-units/${pilotUnitId}/items`, body);
      expect(res.statusCode, res.body).toBe(201);
      item = res.json() as Item;
      const forFocal = (await detail(tuphap, pilotUnitId)).items[0]!;
      expect(forFocal.allowedActions).toEqual(expect.arrayContaining(['start', 'report_done']));
      expect(forFocal.allowedActions).not.toContain('verify');
      expect((await detail(member, pilotUnitId)).items[0]!.allowedActions).toEqual([]);
      // Days left while it is due soon (the last five working days), days overdue after.
      const dueSoon = (await detail(officer, pilotUnitId, '2026-06-26')).items[0]!.timing;
      expect(dueSoon).toMatchObject({ state: 'due_soon', effectiveDueDate: '2026-06-30' });
      expect(dueSoon.daysLeft).toBeGreaterThan(0);
      expect(dueSoon.daysLeft).toBeLessThanOrEqual(5);
      expect((await detail(officer, pilotUnitId, '2026-07-01')).items[0]!.timing.state).toBe('overdue');
    });

    it('reported done with evidence → returned with a reason → reported again → verified; KPIs name the item', async () => {
      const { payload, contentType } = multipart('ket-qua.pdf', PDF);
      expect(
        (
          await xaydung.request('POST', `/api/pilot-items/${item.id}/files`, payload, {
            'content-type': contentType,
          })
        ).statusCode,
      ).toBe(403);
      const file = (
        await tuphap.request('POST', `/api/pilot-items/${item.id}/files`, payload, {
          'content-type': contentType,
        })
      ).json() as { id: string };
      const noEvidence = await act(tuphap, { action: 'report_done', version: item.version, output: 'Xong' });
      expect(noEvidence.statusCode).toBe(400);
      expect(fieldOf(noEvidence.body)).toBe('fileIds');
      expect(
        (await act(member, { action: 'report_done', version: item.version, output: 'x', fileIds: [file.id] }))
          .statusCode,
      ).toBe(403);
      let res = await act(tuphap, {
        action: 'report_done',
        version: item.version,
        output: 'Đạt 85% hồ sơ trực tuyến',
        fileIds: [file.id],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        (await act(tuphap, { action: 'verify', version: (res.json() as Item).version })).statusCode,
      ).toBe(403);
      const noReason = await act(officer, { action: 'return', version: (res.json() as Item).version });
      expect(noReason.statusCode).toBe(400);
      expect(fieldOf(noReason.body)).toBe('reason');
      res = await act(officer, {
        action: 'return',
        version: (res.json() as Item).version,
        reason: 'Thiếu số liệu trích xuất từ hệ thống',
      });
      expect((res.json() as Item).status).toBe('returned');
      expect((await act(tuphap, { action: 'start', version: item.version })).statusCode).toBe(409);
      res = await act(tuphap, {
        action: 'report_done',
        version: (res.json() as Item).version,
        output: 'Bổ sung số liệu',
        fileIds: [file.id],
      });
      // The pilot page takes the work engine's effective date too: a day in the future is refused on it.
      const future = await act(officer, {
        action: 'verify',
        version: (res.json() as Item).version,
        effectiveDate: '2099-01-05',
      });
      expect(future.statusCode, future.body).toBe(400);
      expect(fieldOf(future.body)).toBe('effectiveDate');
      res = await act(officer, { action: 'verify', version: (res.json() as Item).version });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Item).status).toBe('verified');

      const events = (
        await member.request('GET', `/api/pilot-items/${item.id}/events`)
      ).json() as ItemEventsOut;
      expect(events.items.map((e) => e.action)).toEqual(['report_done', 'return', 'report_done', 'verify']);
      expect(events.items[1]!.actorName).toBe('Lê Thị Thường Trực');
      expect(events.items[0]!.files.map((f) => f.originalName)).toEqual(['ket-qua.pdf']);
      const download = await member.request('GET', `/api/pilot-items/${item.id}/files/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect((await xaydung.request('GET', `/api/pilot-items/${item.id}/files/${file.id}`)).statusCode).toBe(
        403,
      );

      const programmeId = (await year(officer, 2026)).items[0]!.id;
      const kpis = (
        await officer.request('GET', `/api/pilot-programmes/${programmeId}/kpis`)
      ).json() as PilotKpisOut;
      expect(kpis.units).toEqual([expect.objectContaining({ unitName: 'Sở Tư pháp' })]);
      expect(kpis.units[0]!.kpis.total.value).toBe(1);
      expect(kpis.units[0]!.kpis.verified.taskIds).toEqual([item.id]);
      expect(kpis.overall.verified.taskIds).toEqual([item.id]);
      expect(kpis.overall.completionPct).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
      const card = (await year(officer, 2026)).items[0]!.pilotUnits[0]!;
      expect(card.progress).toMatchObject({ total: 1, verified: 1, overdue: 0 });
    });

    it('pilotItemsForUnits gives the member cockpit the items of the units asked for, with timing', async () => {
      const uv = (await member.request('GET', '/api/auth/session')).json() as {
        user: { id: string; email: string; fullName: string; unitId: string | null };
        grants: { id: string; role: 'committee_member'; unitId: string }[];
      };
      const ctx = { ...systemContext(t.database.db), actor: new Actor(uv.user, uv.grants) };
      const found = await pilotItemsForUnits(ctx, [units.get('Sở Tư pháp')!], '2026-07-01');
      expect(found.find((f) => f.id === item.id)).toMatchObject({
        year: 2026,
        unitName: 'Sở Tư pháp',
        status: 'verified',
      });
      // 2024's items of Sở Tư pháp come too, overdue first.
      expect(found.some((f) => f.year === 2024)).toBe(true);
      expect(await pilotItemsForUnits(ctx, [units.get('Sở Y tế')!])).toEqual([]);
    });
  });

  describe('the 6-monthly and year-end reports', () => {
    let pilotUnitId: string;
    let itemId: string;
    const save = (caller: Caller, body: Record<string, unknown>) =>
      caller.request('PUT', `/api/pilot-units/${pilotUnitId}/reports/half_year`, body);

    beforeAll(async () => {
      const d = await detail(officer, (await year(officer, 2026)).items[0]!.pilotUnits[0]!.id);
      pilotUnitId = d.id;
      itemId = d.items[0]!.id;
    });

    it('the unit writes and submits it with an assessment of every item; the standing agency returns and accepts it', async () => {
      expect(
        (await save(officer, { overall: 'Tốt', assessments: [] })).statusCode,
        'the standing agency does not write the unit’s report',
      ).toBe(403);
      let res = await save(tuphap, { overall: 'Bản nháp', assessments: [] });
      expect(res.statusCode, res.body).toBe(200);
      let report = res.json() as Report;
      expect(report).toMatchObject({ status: 'draft', period: { key: '2026-H1', due: '2026-06-20' } });
      const missing = await save(tuphap, {
        version: report.version,
        overall: 'Đạt yêu cầu',
        assessments: [],
        submit: true,
      });
      expect(missing.statusCode).toBe(400);
      expect(fieldOf(missing.body)).toBe('assessments');
      const stale = await save(tuphap, { overall: 'x', assessments: [] });
      expect(stale.statusCode).toBe(409);
      res = await save(tuphap, {
        version: report.version,
        overall: 'Đạt yêu cầu',
        assessments: [{ itemId, text: 'Đã đạt 85%' }],
        submit: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      report = res.json() as Report;
      expect(report.status).toBe('submitted');
      expect(report.daysLate).not.toBeNull();

      const actOn = (caller: Caller, body: Record<string, unknown>) =>
        caller.request('POST', `/api/pilot-reports/${report.id}/actions`, body);
      expect((await actOn(tuphap, { action: 'accept', version: report.version })).statusCode).toBe(403);
      const noReason = await actOn(officer, { action: 'return', version: report.version });
      expect(noReason.statusCode).toBe(400);
      res = await actOn(officer, { action: 'return', version: report.version, reason: 'Bổ sung số liệu' });
      report = res.json() as Report;
      expect(report.status).toBe('returned');
      expect(report.allowedActions).toEqual([]);
      res = await actOn(tuphap, { action: 'submit', version: report.version });
      report = res.json() as Report;
      expect(report.status).toBe('submitted');
      res = await actOn(officer, { action: 'accept', version: report.version });
      expect(res.statusCode, res.body).toBe(200);
      report = res.json() as Report;
      expect(report.status).toBe('accepted');
      const final = await save(tuphap, { version: report.version, overall: 'Sửa', assessments: [] });
      expect(final.statusCode).toBe(409);
    });

    it('an assessment must concern one of the unit’s items', async () => {
      const res = await tuphap.request('PUT', `/api/pilot-units/${pilotUnitId}/reports/year_end`, {
        overall: 'x',
        assessments: [{ itemId: '00000000-0000-4000-8000-000000000000', text: 'x' }],
      });
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res.body)).toBe('assessments');
    });

    it('the unit’s queue names the report it still owes in Vietnamese and in English', async () => {
      const res = await tuphap.request('GET', '/api/work/queue?view=owed&limit=500');
      expect(res.statusCode, res.body).toBe(200);
      const owed = (res.json() as QueueOut).items.find(
        (i) => i.kind === 'pilot_report' && i.link === `/pilots/units/${pilotUnitId}?report=year_end`,
      );
      expect(owed).toMatchObject({
        title: 'Báo cáo năm 2026 — Sở Tư pháp',
        titles: { vi: 'Báo cáo năm 2026 — Sở Tư pháp', en: 'Year-end report 2026 — Sở Tư pháp' },
      });
    });
  });
});

describe('the item journal', () => {
  it('is append-only: the database refuses to change or remove an item event', async () => {
    await expect(
      t.database.db.execute(sql`UPDATE work_events SET note = 'x' WHERE kind = 'pilot_item'`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`DELETE FROM work_events WHERE kind = 'pilot_item'`),
    ).rejects.toThrow();
    const counted = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM work_events WHERE kind = 'pilot_item'`,
    )) as {
      rows: { n: number }[];
    };
    expect(counted.rows[0]!.n).toBeGreaterThan(0);
  });
});
