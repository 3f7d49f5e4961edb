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
