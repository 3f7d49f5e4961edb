import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let caller: Caller;
beforeAll(async () => {
  t = await testApp();
  caller = await t.login('daumoi.tuphap@chidao.demo');
});
afterAll(() => t.close());

type P = { key: string; label: string; window: { from: string; to: string }; due: string };

describe('reporting periods API (Decree 09/2019/NĐ-CP art. 12; 581/BNV-CCHC)', () => {
  it("lists 2025's quarters with their data windows and due dates, labelled in Vietnamese", async () => {
    const res = await caller.request('GET', '/api/periods?type=quarter&year=2025');
    const items = (res.json() as { items: P[] }).items;
    expect(items.map((p) => [p.key, p.label, p.window.from, p.window.to, p.due])).toEqual([
      ['2025-Q1', 'Quý I/2025', '2024-12-15', '2025-03-14', '2025-03-20'],
      ['2025-Q2', 'Quý II/2025', '2025-03-15', '2025-06-14', '2025-06-20'],
      ['2025-Q3', 'Quý III/2025', '2025-06-15', '2025-09-14', '2025-09-20'],
      ['2025-Q4', 'Quý IV/2025', '2025-09-15', '2025-12-14', '2025-12-20'],
    ]);
  });

  it('finds the annual period of a date after the cut-off (20/12/2025 belongs to 2026), in English on request', async () => {
    const res = await caller.request('GET', '/api/periods/of?type=year&date=2025-12-20', undefined, {
      'x-chidao-locale': 'en',
    });
    expect((res.json() as { period: P }).period).toMatchObject({
      key: '2026-Y',
      label: 'Year 2026',
      window: { from: '2025-12-15', to: '2026-12-14' },
    });
  });

  it('names a wrong type', async () => {
    const res = await caller.request('GET', '/api/periods?type=week&year=2025');
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('type');
  });
});

describe('reporting rules are versioned configuration', () => {
  it('a standing-agency officer adds rules for one report type from a date; earlier periods keep the national rules', async () => {
    const officer = await t.login('thuongtruc@chidao.demo');
    const res = await officer.request('POST', '/api/periods/rules', {
      id: 'nghe-an-cchc-quy',
      reportType: 'cchc-quy',
      validFrom: '2026-01-01',
      basis: ['Quyết định của UBND tỉnh Nghệ An về chế độ báo cáo CCHC (ví dụ)'],
      cutoffDay: 1,
      dueDayOfLastMonth: 5,
      dueMonthOffset: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { version: number }).version).toBe(1);
    const q = async (year: number) =>
      (
        (
          await caller.request('GET', `/api/periods?type=quarter&year=${year}&reportType=cchc-quy`)
        ).json() as { items: P[] }
      ).items[0]!;
    expect(await q(2026)).toMatchObject({
      window: { from: '2026-01-01', to: '2026-03-31' },
      due: '2026-04-05',
    });
    expect(await q(2025)).toMatchObject({
      window: { from: '2024-12-15', to: '2025-03-14' },
      due: '2025-03-20',
    });
    // Other report types are not affected.
    expect(
      ((await caller.request('GET', '/api/periods?type=quarter&year=2026')).json() as { items: P[] })
        .items[0]!.due,
    ).toBe('2026-03-20');
  });

  it('refuses rules without a legal basis, and refuses non-officers', async () => {
    const officer = await t.login('thuongtruc@chidao.demo');
    const bad = await officer.request('POST', '/api/periods/rules', {
      id: 'x',
      validFrom: '2026-01-01',
      basis: [],
      cutoffDay: 15,
      dueDayOfLastMonth: 20,
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('basis');
    const ok = { id: 'y', validFrom: '2026-01-01', basis: ['Căn cứ'], cutoffDay: 15, dueDayOfLastMonth: 20 };
    expect((await caller.request('POST', '/api/periods/rules', ok)).statusCode).toBe(403);
  });
});

describe('rule sets with deadlines in working days, and retiring a rule set', () => {
  const rule = {
    id: 'nghe-an-ngay-lam-viec',
    validFrom: '2026-01-01',
    basis: ['Quyết định của UBND tỉnh về thời hạn gửi báo cáo tính theo ngày làm việc (ví dụ)'],
    cutoffDay: 15,
    dueDayOfLastMonth: 20,
    dueOffsetWorkingDays: 3,
  };
  const quarters2026 = async () => {
    const res = await caller.request('GET', '/api/periods?type=quarter&year=2026');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: P[] }).items;
  };

  it('counts the due date in working days after the window closes; the cockpit and every period route answer', async () => {
    const admin = await t.login('admin@chidao.demo');
    const added = await admin.request('POST', '/api/periods/rules', rule);
    expect(added.statusCode, added.body).toBe(201);
    // Q2 2026 (the first whose window opens under the new rules) closes on Sunday 14/06/2026: three
    // working days later is Wednesday 17/06.
    expect((await quarters2026())[1]).toMatchObject({ window: { to: '2026-06-14' }, due: '2026-06-17' });
    const of = await caller.request('GET', '/api/periods/of?type=quarter&date=2026-04-01');
    expect(of.statusCode, of.body).toBe(200);
    expect((of.json() as { period: P }).period.due).toBe('2026-06-17');
    const member = await t.login('uyvien@chidao.demo');
    const cockpit = await member.request('GET', '/api/home/cockpit');
    expect(cockpit.statusCode, cockpit.body).toBe(200);
    expect((await caller.request('GET', '/api/periods/rules')).statusCode).toBe(200);
  });

  it('an administrator retires the rule set (version-checked, journalled): the national rules apply again', async () => {
    const admin = await t.login('admin@chidao.demo');
    const url = `/api/periods/rules/${rule.id}/retire`;
    expect((await caller.request('POST', url, { version: 1 })).statusCode).toBe(403);
    expect(
      (await admin.request('POST', '/api/periods/rules/no-such-rules/retire', { version: 1 })).statusCode,
    ).toBe(404);
    const early = await admin.request('POST', url, { version: 1, validFrom: '2025-06-01' });
    expect(early.statusCode).toBe(400);
    const stale = await admin.request('POST', url, { version: 2 });
    expect(stale.statusCode).toBe(409);
    const retired = await admin.request('POST', url, { version: 1 });
    expect(retired.statusCode, retired.body).toBe(201);
    expect(retired.json()).toMatchObject({ id: rule.id, version: 2, validFrom: '2026-01-01', retired: true });
    expect((await admin.request('POST', url, { version: 2 })).statusCode).toBe(409);
    expect((await quarters2026())[1]!.due).toBe('2026-06-20');
    const all = (await caller.request('GET', '/api/periods/rules')).json() as {
      items: { id: string; version: number; retired?: boolean }[];
    };
    expect(all.items.filter((r) => r.id === rule.id).map((r) => [r.version, r.retired ?? false])).toEqual([
      [1, false],
      [2, true],
    ]);
    const journal = await admin.request('GET', '/api/audit?entity=reporting_rules&action=retire');
    expect(journal.statusCode, journal.body).toBe(200);
    expect((journal.json() as { items: unknown[] }).items).toHaveLength(1);
  });
});
