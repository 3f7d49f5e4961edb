import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { importGso } from './gso-import.service.js';

type Hit = {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  parentId: string | null;
  label: string;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  ended: boolean;
};
type Result = { asOf: string; items: Hit[]; total: number };

let t: TestApp;
let admin: Caller;
let standing: Caller;
let focal: Caller;

/** The demo province (Nghệ An, with its departments), then the rest of the country: 14,138 GSO units. */
beforeAll(async () => {
  t = await testApp();
  await importGso(systemContext(t.database.db));
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
}, 180_000);
afterAll(() => t.close());

const search = async (caller: Caller, query: Record<string, string>) => {
  const res = await caller.request('GET', `/api/units/search?${new URLSearchParams(query).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
};
const shown = (h: Hit) => (h.parentName ? `${h.label} — ${h.parentName}` : h.label);

describe('GET /api/units/search: accents and case ignored', () => {
  it('"so tu phap", "SỞ TƯ PHÁP" and "Sở Tư pháp" find Sở Tư pháp, shown under Nghệ An', async () => {
    for (const q of ['so tu phap', 'SỞ TƯ PHÁP', 'Sở Tư pháp', 'tu phap']) {
      const r = await search(standing, { q, asOf: '2026-01-01' });
      // Divisions (kind `other`, registered by the demo's self-inspections) whose names end in "tư pháp" follow it.
      expect(r.items.filter((h) => h.kind !== 'other').map(shown)).toEqual(['Sở Tư pháp — Nghệ An']);
      expect(r.items[0]).toMatchObject({
        kind: 'department',
        fullName: 'Sở Tư pháp tỉnh Nghệ An',
        ended: false,
      });
    }
  });

  it('"nghe an" finds the province first; "anh son" finds Xã Anh Sơn before Xã Anh Sơn Đông', async () => {
    const province = await search(standing, { q: 'nghe an', asOf: '2026-01-01' });
    expect(province.items[0]).toMatchObject({
      kind: 'province',
      code: '40',
      name: 'Nghệ An',
      parentName: null,
    });
    const communes = (await search(standing, { q: 'anh son', asOf: '2026-01-01' })).items.map(shown);
    expect(communes.slice(0, 2)).toEqual(['Xã Anh Sơn — Nghệ An', 'Xã Anh Sơn Đông — Nghệ An']);
    // Words must start words: "anh" does not find Xã Thanh Sơn.
    expect(communes.some((c) => c.includes('Thanh Sơn'))).toBe(false);
  });

  it('đ folds to d: "do luong" and "DO LUONG" find Xã Đô Lương', async () => {
    for (const q of ['do luong', 'DO LUONG', 'Đô Lương'])
      expect(
        (await search(standing, { q, asOf: '2026-01-01' })).items
          .filter((h) => h.kind !== 'other') // "Phòng Lao động, tiền lương…" of Sở Nội vụ matches too
          .map((h) => h.label),
      ).toEqual(['Xã Đô Lương']);
  });

  it('finds a unit by its code', async () => {
    const r = await search(standing, { q: '40', asOf: '2026-01-01' });
    expect(r.items[0]).toMatchObject({ kind: 'province', code: '40' });
  });
});

describe('scope', () => {
  it("a focal point sees only their unit's subtree by default, their province when they ask", async () => {
    expect((await search(focal, { q: 'so tu phap' })).items.map((h) => h.name)).toEqual(['Sở Tư pháp']);
    expect((await search(focal, { q: 'noi vu' })).items).toEqual([]);
    expect((await search(focal, { q: 'anh son' })).items).toEqual([]);
    // Sở Tư pháp and its eight divisions (registered by the demo's self-inspections, inspections/self-inspections.demo.ts).
    const all = await search(focal, {});
    expect(all.items.map((h) => h.name)[0]).toBe('Sở Tư pháp');
    expect(
      all.items.slice(1).every((h) => h.kind === 'other' && h.parentName === 'Sở Tư pháp, Nghệ An'),
    ).toBe(true);
    expect(all.total).toBe(1 + 8);
    expect((await search(focal, { q: 'noi vu', scope: 'province' })).items.map(shown)).toEqual([
      'Sở Nội vụ — Nghệ An',
    ]);
    expect((await search(focal, { q: 'tan an', scope: 'province' })).items.map(shown)).toEqual([
      'Xã Tân An — Nghệ An',
    ]);
  });

  it('the whole registry is for administrators only', async () => {
    expect((await focal.request('GET', '/api/units/search?scope=all')).statusCode).toBe(403);
    expect((await standing.request('GET', '/api/units/search?scope=all')).statusCode).toBe(403);
  });

  it('a standing officer over the province sees all of Nghệ An — the province, departments, communes — and nothing else', async () => {
    const r = await search(standing, { asOf: '2026-01-01', limit: '200' });
    // The province, 130 communes, 13 departments, the economic zone board, and the Tỉnh ủy, its office and the
    // Fatherland Front (the departments template); and the 41 divisions of three departments and four communes that
    // the demo's self-inspections register (inspections/self-inspections.demo.ts).
    expect(r.total).toBe(1 + 130 + 13 + 1 + 3 + 41);
    expect(r.items[0]).toMatchObject({ kind: 'province', name: 'Nghệ An' });
    expect(r.items.slice(1, 15).map((h) => h.kind)).toEqual([
      ...Array<string>(13).fill('department'),
      'management_board',
    ]);
    expect(r.items.slice(1).every((h) => h.parentName === 'Nghệ An' || h.kind === 'other')).toBe(true);
    const tanAn = await search(standing, { q: 'tan an', asOf: '2026-01-01' });
    expect(tanAn.items.map(shown)).toEqual(['Xã Tân An — Nghệ An']);
  });

  it('within narrows to a subtree as of the date; kinds filters', async () => {
    const [district] = (await search(standing, { q: 'huyen anh son', asOf: '2024-12-31' })).items;
    const r = await search(standing, {
      within: district!.id,
      asOf: '2024-12-31',
      kinds: 'commune',
      limit: '200',
    });
    expect(r.total).toBeGreaterThan(10);
    expect(r.items.every((h) => h.kind === 'commune' && h.parentName === 'Huyện Anh Sơn, Nghệ An')).toBe(
      true,
    );
    const depts = await search(standing, { asOf: '2026-01-01', kinds: 'department,management_board' });
    expect(depts.total).toBe(14);
    expect((await standing.request('GET', '/api/units/search?kinds=village')).statusCode).toBe(400);
  });
});

describe('as of a date', () => {
  it('Huyện Anh Sơn (abolished from 1/7/2025) is found for 31/12/2024, not for 2026 unless ended units are asked for', async () => {
    const q = { q: 'anh son', kinds: 'district' };
    const before = await search(standing, { ...q, asOf: '2024-12-31' });
    expect(before.items.map(shown)).toEqual(['Huyện Anh Sơn — Nghệ An']);
    expect(before.items[0]).toMatchObject({ ended: false, validTo: '2025-06-30' });
    expect((await search(standing, { ...q, asOf: '2026-01-01' })).items).toEqual([]);
    const ended = await search(standing, { ...q, asOf: '2026-01-01', includeEnded: 'true' });
    expect(ended.items.map(shown)).toEqual(['Huyện Anh Sơn — Nghệ An']);
    expect(ended.items[0]).toMatchObject({ ended: true, validTo: '2025-06-30' });
  });

  it('with ended units, those in force come first', async () => {
    const r = await search(standing, { q: 'anh son', asOf: '2026-01-01', includeEnded: 'true' });
    const names = r.items.map((h) => `${shown(h)}${h.ended ? ' (ended)' : ''}`);
    expect(names[0]).toBe('Xã Anh Sơn — Nghệ An');
    expect(names).toContain('Huyện Anh Sơn — Nghệ An (ended)');
    // The old Xã Anh Sơn (of Quỳnh Lưu) ended too, under its district of the time.
    expect(names.indexOf('Huyện Anh Sơn — Nghệ An (ended)')).toBeGreaterThan(
      names.indexOf('Xã Anh Sơn — Nghệ An'),
    );
    expect(r.items.filter((h) => !h.ended).every((h) => h.parentName === 'Nghệ An')).toBe(true);
  });

  it('names and parents are those of the date: Ban Dân tộc in 2024, Sở Dân tộc và Tôn giáo in 2026', async () => {
    const in2024 = await search(standing, { q: 'dan toc', asOf: '2024-06-01' });
    expect(in2024.items.map((h) => h.name)).toEqual(['Ban Dân tộc']);
    const in2026 = await search(standing, { q: 'dan toc', asOf: '2026-01-01' });
    expect(in2026.items.map((h) => h.name)).toEqual(['Sở Dân tộc và Tôn giáo']);
    expect(in2026.items[0]!.id).toBe(in2024.items[0]!.id);
    // An old commune sits under its district, with its name of the date: Thị trấn Anh Sơn was renamed Thị trấn
    // Kim Nhan on 1/12/2024 (Resolution 1243/NQ-UBTVQH15; the GSO history).
    const in2024town = await search(standing, { q: 'thi tran anh son', asOf: '2024-06-01' });
    expect(in2024town.items.map(shown)).toContain('Thị trấn Anh Sơn — Huyện Anh Sơn, Nghệ An');
    const kimNhan = await search(standing, { q: 'kim nhan', asOf: '2025-03-01' });
    expect(kimNhan.items.map(shown)).toContain('Thị trấn Kim Nhan — Huyện Anh Sơn, Nghệ An');
    expect(kimNhan.items[0]!.id).toBe(in2024town.items.find((h) => h.label === 'Thị trấn Anh Sơn')!.id);
  });
});

describe('ids', () => {
  it('resolves chosen units as of the date, in the order asked, whatever the scope', async () => {
    const [district] = (await search(standing, { q: 'anh son', kinds: 'district', asOf: '2024-12-31' }))
      .items;
    const [danToc] = (await search(standing, { q: 'dan toc', asOf: '2024-06-01' })).items;
    const [noiVu] = (await search(standing, { q: 'so noi vu' })).items;
    const ids = [noiVu!.id, district!.id, danToc!.id].join(',');
    // The focal point of Sở Tư pháp cannot find these, but a form of theirs may show them.
    const r = await search(focal, { ids, asOf: '2026-01-01' });
    expect(r.items.map((h) => [shown(h), h.ended])).toEqual([
      ['Sở Nội vụ — Nghệ An', false],
      ['Huyện Anh Sơn — Nghệ An', true],
      ['Sở Dân tộc và Tôn giáo — Nghệ An', false],
    ]);
    expect(r.items[1]!.validTo).toBe('2025-06-30');
    const old = await search(focal, { ids: danToc!.id, asOf: '2024-06-01' });
    expect(old.items.map((h) => h.name)).toEqual(['Ban Dân tộc']);
    expect((await focal.request('GET', '/api/units/search?ids=not-a-uuid')).statusCode).toBe(400);
  });
});

describe('ranking', () => {
  it('exact name first, then names starting with the words, then the rest, each in Vietnamese order', async () => {
    const r = await search(standing, { q: 'son', asOf: '2026-01-01', limit: '200' });
    const labels = r.items.map((h) => h.name);
    const firstLater = labels.findIndex((n) => !/^Sơn/.test(n));
    const starting = labels.slice(0, firstLater);
    expect(starting.length).toBeGreaterThan(0);
    expect(labels.slice(firstLater).every((n) => !/^Sơn/.test(n))).toBe(true);
    expect([...starting].sort(new Intl.Collator('vi').compare)).toEqual(starting);
    const later = labels.slice(firstLater);
    expect([...later].sort(new Intl.Collator('vi').compare)).toEqual(later);
  });

  it('departments in Vietnamese order (Đ after D)', async () => {
    const r = await search(standing, { kinds: 'department', asOf: '2024-06-01' });
    const names = r.items.map((h) => h.name);
    expect([...names].sort(new Intl.Collator('vi').compare)).toEqual(names);
  });
});

describe('the whole country (14,138 units)', () => {
  it('an administrator finds Sở Tư pháp and Nghệ An among every unit of the country', async () => {
    const tuPhap = await search(admin, { q: 'So Tu phap', scope: 'all' });
    expect(tuPhap.items.map(shown)).toEqual(['Sở Tư pháp — Nghệ An']);
    const province = await search(admin, { q: 'nghe an', scope: 'all' });
    expect(province.items[0]).toMatchObject({ kind: 'province', code: '40', name: 'Nghệ An' });
    const all = await search(admin, { scope: 'all', asOf: '2026-01-01' });
    expect(all.total).toBeGreaterThan(34 + 3321);
    expect(all.items).toHaveLength(50);
    expect(all.items.slice(0, 34).every((h) => h.kind === 'province')).toBe(true);
  });

  it('"tan an" finds ten communes across the country for an administrator, one in Nghệ An by default', async () => {
    const country = await search(admin, { q: 'tan an', scope: 'all', asOf: '2026-01-01' });
    const exact = country.items.filter((h) => h.name === 'Tân An');
    expect(exact).toHaveLength(10);
    expect(country.items.slice(0, 10).every((h) => h.name === 'Tân An')).toBe(true);
    expect(new Set(exact.map((h) => h.parentName)).size).toBe(10);
    expect((await search(admin, { q: 'tan an', asOf: '2026-01-01' })).items.map(shown)).toEqual([
      'Xã Tân An — Nghệ An',
    ]);
  });

  it('old communes of the whole country as of 2024 (10,035) are searchable too', async () => {
    const r = await search(admin, { q: 'xa tan an', scope: 'all', asOf: '2024-06-01', kinds: 'commune' });
    expect(r.total).toBeGreaterThan(10);
    expect(r.items.every((h) => h.parentName?.includes(', '))).toBe(true);
  });

  it('answers quickly', async () => {
    const started = performance.now();
    for (const q of ['so tu phap', 'nghe an', 'xa tan', 'a'])
      await search(admin, { q, scope: 'all', asOf: '2026-01-01', includeEnded: 'true' });
    expect((performance.now() - started) / 4).toBeLessThan(1500);
  });
});

it('needs a signed-in user', async () => {
  expect((await t.app.inject({ url: '/api/units/search?q=so' })).statusCode).toBe(401);
});
