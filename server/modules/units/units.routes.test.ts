import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { seedDemo } from '../demo/demo.service.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Unit = { name: string; fullName: string; validFrom: string; validTo: string | null; kind: string };

let t: TestApp;
let caller: Caller;
beforeAll(async () => {
  t = await testApp();
  caller = await t.login('daumoi.tuphap@chidao.demo');
});
afterAll(() => t.close());

const names = async (query: string) =>
  ((await caller.request('GET', `/api/units?${query}`)).json() as { items: Unit[] }).items.map((u) => u.name);

describe('demo province units', () => {
  it('departments as of 2024 are the old ones; as of 2026 the merged ones (Decree 45/2025/NĐ-CP, from 1/3/2025)', async () => {
    const in2024 = await names('asOf=2024-06-30&kind=department');
    const in2026 = await names('asOf=2026-01-01&kind=department');
    expect(in2024).toEqual(
      expect.arrayContaining([
        'Sở Kế hoạch và Đầu tư',
        'Sở Giao thông vận tải',
        'Sở Tài nguyên và Môi trường',
      ]),
    );
    expect(in2024).not.toContain('Sở Nông nghiệp và Môi trường');
    expect(in2026).toContain('Sở Nông nghiệp và Môi trường');
    expect(in2026).not.toContain('Sở Kế hoạch và Đầu tư');
    expect(in2026).toEqual(
      expect.arrayContaining(['Sở Tài chính', 'Sở Xây dựng', 'Sở Nội vụ', 'Sở Khoa học và Công nghệ']),
    );
  });

  it('search ignores accents and case: "noi vu", "NỘI VỤ" and "Nội vụ" all find Sở Nội vụ', async () => {
    for (const q of ['noi vu', 'NỘI VỤ', 'Nội vụ'])
      expect(await names(`q=${encodeURIComponent(q)}`)).toEqual(['Sở Nội vụ']);
  });

  it('"dien chau", "ĐIỄN CHÂU" and "Diễn Châu" all find Huyện Diễn Châu as of 2024 (trigram index, unaccent)', async () => {
    for (const q of ['dien chau', 'ĐIỄN CHÂU', 'Diễn Châu']) {
      expect(await names(`asOf=2024-06-01&kind=district&q=${encodeURIComponent(q)}`)).toEqual(['Diễn Châu']);
    }
  });

  it("as of 1/6/2024 Nghệ An has its 21 districts and the departments of the time; as of 1/1/2026 its 130 communes and today's departments", async () => {
    const province = (
      (await caller.request('GET', '/api/units/by-code/40?asOf=2026-01-01')).json() as { id: string }
    ).id;
    const count = async (date: string, kind: string) =>
      (
        (
          await caller.request('GET', `/api/units?asOf=${date}&within=${province}&kind=${kind}&limit=20000`)
        ).json() as { items: Unit[] }
      ).items.length;
    // Thị xã Cửa Lò joined Thành phố Vinh on 1/12/2024 (Resolution 1243/NQ-UBTVQH15): 21, then 20.
    expect(await count('2024-06-01', 'district')).toBe(21);
    expect(await count('2025-01-01', 'district')).toBe(20);
    expect(await count('2026-01-01', 'district')).toBe(0);
    expect(await count('2026-01-01', 'commune')).toBe(130);
    expect(await count('2024-06-01', 'department')).toBe(19);
    // The twelve standard departments of Decree 45/2025/NĐ-CP plus Sở Dân tộc và Tôn giáo.
    expect(await count('2026-01-01', 'department')).toBe(13);
  });

  it('lists in Vietnamese alphabetical order', async () => {
    const list = await names('kind=department&limit=100');
    expect([...list].sort(new Intl.Collator('vi').compare)).toEqual(list);
  });

  it('seeding the demo twice changes nothing', async () => {
    const before = await names('limit=1000');
    const again = await seedDemo(systemContext(t.database.db), { withAccounts: true });
    expect(again.created).toBe(false);
    expect(await names('limit=1000')).toEqual(before);
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ url: '/api/units' })).statusCode).toBe(401);
  });
});
