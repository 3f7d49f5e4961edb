import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Entry = { id: number; at: string; actorName: string | null; action: string; entity: string };
type Page = { items: Entry[]; nextBefore: number | null; total: number | null };

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  // A few entries by a named actor: the administrator edits a document of the register.
  const units = (
    (await admin.request('GET', '/api/units?kind=department&limit=500')).json() as {
      items: { id: string }[];
    }
  ).items;
  for (const n of [1, 2, 3]) {
    const res = await admin.request('POST', '/api/documents', {
      numberSymbol: `${n}/TB-NK`,
      type: 'thong_bao',
      issuer: 'Văn phòng',
      issuedOn: '2025-01-02',
      title: `Thông báo số ${n}`,
      unitId: units[0]!.id,
      access: 'public',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

const journal = async (query: string) => {
  const res = await admin.request('GET', `/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe('the audit journal in numbered pages', () => {
  it('pages newest first with the count of every match; the next page continues where the first ended', async () => {
    const first = await journal('sort=at&dir=desc&limit=4&offset=0');
    const second = await journal('sort=at&dir=desc&limit=4&offset=4');
    expect(first.total).toBeGreaterThan(8);
    expect(second.total).toBe(first.total);
    const ids = [...first.items, ...second.items].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(8);
    expect(first.nextBefore).toBeNull();
    // Oldest first on request.
    const oldest = await journal('sort=at&dir=asc&limit=4');
    expect(oldest.items.map((e) => e.id)).toEqual([...oldest.items.map((e) => e.id)].sort((a, b) => a - b));
    expect(oldest.items[0]!.id).toBeLessThan(first.items.at(-1)!.id);
  });

  it('sorts by actor name, the system (no actor) last in both directions, and keeps the filters', async () => {
    for (const dir of ['asc', 'desc']) {
      const page = await journal(`sort=actor&dir=${dir}&limit=500`);
      const names = page.items.map((e) => e.actorName);
      expect(names).toContain(null);
      const firstSystem = names.indexOf(null);
      expect(names.slice(firstSystem).every((n) => n === null)).toBe(true);
      expect(names.slice(0, firstSystem).length).toBeGreaterThan(0);
    }
    const docs = await journal('entity=document&action=create&sort=at&dir=asc');
    expect(docs.total).toBe(docs.items.length);
    expect(docs.items.every((e) => e.entity === 'document' && e.action === 'create')).toBe(true);
    expect(docs.items.length).toBeGreaterThanOrEqual(3);
  });

  it('without a sort it keeps the cursor of the next page, newest first', async () => {
    const page = await journal('limit=3');
    expect(page.total).toBeNull();
    expect(page.nextBefore).toBe(page.items.at(-1)!.id);
    const next = await journal(`limit=3&before=${page.nextBefore}`);
    expect(next.items[0]!.id).toBeLessThan(page.nextBefore!);
  });

  it('refuses an unknown order', async () => {
    expect((await admin.request('GET', '/api/audit?sort=ip')).statusCode).toBe(400);
  });
});
