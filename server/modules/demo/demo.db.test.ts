import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext } from '../../core/context.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { demoSeededAt, seedDemoAtStart } from './demo.service.js';

type Summary = { id: string; title: string; date: string };
type Member = { id: string; name: string; version: number };

let t: TestApp;
let officer: Caller;
let committeeId: string;

const meetings = async () =>
  (
    (await officer.request('GET', `/api/committees/${committeeId}/meetings`)).json() as {
      items: Summary[];
    }
  ).items;

beforeAll(async () => {
  // The harness seeds the demo, as the first start does.
  t = await testApp();
  officer = await t.login('thuongtruc@chidao.demo');
  const list = (await officer.request('GET', '/api/committees?level=province')).json() as {
    items: { id: string }[];
  };
  committeeId = list.items[0]!.id;
});
afterAll(() => t.close());

describe('the demo is seeded once per database and never blocks a start', () => {
  it('records the run', async () => {
    expect(await demoSeededAt(t.database.db)).toBeInstanceOf(Date);
  });

  it('names each department once with its province (a name that already says Nghệ An is kept)', async () => {
    const result = await t.database.db.execute(
      sql`SELECT full_name FROM units WHERE kind IN ('department', 'management_board')`,
    );
    const names = (result as unknown as { rows: { full_name: string }[] }).rows.map((r) => r.full_name);
    expect(names).toContain('Ban Quản lý Khu kinh tế Đông Nam Nghệ An');
    expect(names).toContain('Sở Nội vụ tỉnh Nghệ An');
    expect(names.filter((n) => /Nghệ An.*Nghệ An/.test(n))).toEqual([]);
  });

  it('after a demo meeting is renamed and a membership ended, the next start adds nothing and does not fail', async () => {
    const before = await meetings();
    expect(before).toHaveLength(6);
    const july = before.find((m) => m.date === '2025-07-18')!;
    const first = before.find((m) => m.date === '2023-03-20')!;
    for (const m of [july, first]) {
      const current = (await officer.request('GET', `/api/meetings/${m.id}`)).json() as { version: number };
      const renamed = await officer.request('PATCH', `/api/meetings/${m.id}`, {
        version: current.version,
        title: `${m.title} (đã sửa tên)`,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
    }
    // The chair of the 2025 meeting leaves the committee before it.
    const composition = (
      await officer.request('GET', `/api/committees/${committeeId}/composition?asOf=2025-07-18`)
    ).json() as { members: Member[] };
    const chair = composition.members.find((m) => m.name === 'Trần Văn Chỉ Đạo')!;
    const ended = await officer.request('POST', `/api/committee-memberships/${chair.id}/end`, {
      version: chair.version,
      toDate: '2025-06-30',
    });
    expect(ended.statusCode, ended.body).toBe(200);

    const log = vi.fn();
    const result = await seedDemoAtStart(systemContext(t.database.db), log);
    expect(log).not.toHaveBeenCalled();
    expect(result).toMatchObject({ created: false });
    const after = await meetings();
    expect(after).toHaveLength(6);
    expect(after.filter((m) => m.title.endsWith('(đã sửa tên)'))).toHaveLength(2);
  });

  it('a seeding error is logged, not thrown: the server still starts', async () => {
    // Without the record of the run (as on a database the seed never finished on), the seed would look
    // the renamed meeting up again and fail on the member who has left.
    await t.database.db.execute(sql`DELETE FROM seed_runs`);
    const log = vi.fn();
    await expect(seedDemoAtStart(systemContext(t.database.db), log)).resolves.toBeNull();
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]![1])).toMatch(/not a member/);
    // Nothing half-done: the seed's transaction was rolled back, the run is still unrecorded.
    expect(await meetings()).toHaveLength(6);
    expect(await demoSeededAt(t.database.db)).toBeNull();
  });
});
