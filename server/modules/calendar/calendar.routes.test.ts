import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Day = { date: string; name: { vi: string; en: string }; basis: string };
type Entry = Day & { kind: string };
type Year = {
  year: number;
  version: number;
  usesDefaults: boolean;
  hasShippedDefaults: boolean;
  adjustments: {
    tetDays: string[] | null;
    tetBasis: string | null;
    nationalDayAdjacent: 'before' | 'after' | null;
    daysOff: Day[];
    workingSaturdays: Day[];
  };
  statutoryTetDays: string[];
  days: Entry[];
  abilities: { read: boolean; update: boolean };
};
type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let t: TestApp;
let admin: Caller;
let standing: Caller; // standing-agency officer
let focal: Caller; // focal point of Sở Tư pháp

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
});
afterAll(() => t.close());

const get = async <T>(caller: Caller, url: string) => {
  const res = await caller.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const addWorkingDays = async (from: string, n: number) =>
  (await get<{ date: string }>(focal, `/api/calendar/add-working-days?from=${from}&n=${n}`)).date;
const day = (date: string, vi: string, en: string): Day => ({
  date,
  name: { vi, en },
  basis: 'Quyết định số 99/QĐ-UBND ngày 01/02/2027 của UBND tỉnh (thử nghiệm)',
});

describe('shipped defaults', () => {
  it('2026 uses the shipped schedule: Tết Bính Ngọ is off from Saturday 14/2 to Sunday 22/2/2026', async () => {
    const y = await get<Year>(focal, '/api/calendar/years/2026');
    expect(y).toMatchObject({ year: 2026, version: 0, usesDefaults: true, hasShippedDefaults: true });
    expect(y.abilities).toEqual({ read: true, update: false });
    expect(y.adjustments.tetDays?.[0]).toBe('2026-02-14');
    expect(y.adjustments.tetDays?.at(-1)).toBe('2026-02-22');
    expect(y.adjustments.tetDays).toHaveLength(9);
    expect(y.statutoryTetDays).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(y.days.find((d) => d.date === '2026-02-17')).toMatchObject({
      kind: 'statutory',
      name: { vi: 'Tết Âm lịch (mùng 1)' },
    });
    expect(y.days.find((d) => d.date === '2026-01-10')?.kind).toBe('working_weekend');

    // Friday 13/2 + 1 working day → Monday 23/2, over the whole block; 3 working days between.
    expect(await addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    const between = await get<{ workingDays: number }>(
      focal,
      '/api/calendar/working-days-between?from=2026-02-13&to=2026-02-25',
    );
    expect(between.workingDays).toBe(3);

    const hol = await get<{ usesDefaults: boolean; daysOff: Entry[]; workingWeekends: Entry[] }>(
      focal,
      '/api/calendar/holidays?year=2026',
    );
    expect(hol.usesDefaults).toBe(true);
    expect(hol.daysOff.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-20', '2026-04-30', '2026-09-02']),
    );
    expect(hol.workingWeekends.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('a year without a shipped schedule gets the law alone', async () => {
    const y = await get<Year>(admin, '/api/calendar/years/2027');
    expect(y).toMatchObject({ version: 0, usesDefaults: true, hasShippedDefaults: false });
    expect(y.adjustments).toEqual({
      tetDays: null,
      tetBasis: null,
      nationalDayAdjacent: null,
      daysOff: [],
      workingSaturdays: [],
    });
    expect(y.abilities.update).toBe(true);
  });
});

describe('editing a year', () => {
  it('an administrator adds a day off and a make-up working Saturday; add-working-days follows', async () => {
    // Thursday 4/3/2027 + 1 is Friday 5/3, + 2 Monday 8/3 — until Friday is swapped with Saturday 6/3.
    expect(await addWorkingDays('2027-03-04', 1)).toBe('2027-03-05');
    const res = await admin.request('PUT', '/api/calendar/years/2027', {
      version: 0,
      adjustments: {
        daysOff: [day('2027-03-05', 'Nghỉ hoán đổi (làm bù thứ Bảy 06/3/2027)', 'Swapped day off')],
        workingSaturdays: [day('2027-03-06', 'Làm bù cho thứ Sáu 05/3/2027', 'Make-up working day')],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const y = res.json() as Year;
    expect(y).toMatchObject({ version: 1, usesDefaults: false, hasShippedDefaults: false });
    expect(y.days.find((d) => d.date === '2027-03-05')?.kind).toBe('swap_off');
    expect(y.days.find((d) => d.date === '2027-03-06')?.kind).toBe('working_weekend');

    expect(await addWorkingDays('2027-03-04', 1)).toBe('2027-03-06');
    expect(await addWorkingDays('2027-03-04', 2)).toBe('2027-03-08');
    const hol = await get<{ usesDefaults: boolean }>(focal, '/api/calendar/holidays?year=2027');
    expect(hol.usesDefaults).toBe(false);

    const journal = await rows<{ action: string; entity_id: string; actor_name: string }>(
      t.database.db,
      sql`SELECT action, entity_id, actor_name FROM audit_journal WHERE entity = 'calendar_year' ORDER BY id`,
    );
    expect(journal.map((j) => [j.action, j.entity_id])).toEqual([['create', '2027']]);
  });

  it('editing a shipped year copies its defaults: the standing officer adds a compensatory day off to 2026', async () => {
    const before = await get<Year>(standing, '/api/calendar/years/2026');
    expect(before.abilities.update).toBe(true);
    expect(await addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    const res = await standing.request('PUT', '/api/calendar/years/2026', {
      version: before.version,
      adjustments: {
        ...before.adjustments,
        daysOff: [
          ...before.adjustments.daysOff,
          day('2026-12-31', 'Nghỉ bù cuối năm', 'Compensatory day off at year end'),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Year;
    expect(after).toMatchObject({ version: 1, usesDefaults: false, hasShippedDefaults: true });
    expect(after.adjustments.tetDays).toEqual(before.adjustments.tetDays);
    expect(after.adjustments.daysOff.map((d) => d.date)).toEqual(['2026-01-02', '2026-08-31', '2026-12-31']);
    // 31/12/2026 is now off and 1/1/2027 is New Year's Day: the next working day is Monday 4/1/2027.
    expect(await addWorkingDays('2026-12-30', 1)).toBe('2027-01-04');
    expect(await addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });

  it('a focal point may read but not edit (403)', async () => {
    const y = await get<Year>(focal, '/api/calendar/years/2028');
    const res = await focal.request('PUT', '/api/calendar/years/2028', {
      version: y.version,
      adjustments: y.adjustments,
    });
    expect(res.statusCode).toBe(403);
    expect((res.json() as ErrorBody).error.code).toBe('FORBIDDEN');
  });

  it('a stale version gets 409, whether creating from the defaults or updating', async () => {
    const y = await get<Year>(admin, '/api/calendar/years/2027');
    expect(y.version).toBe(1);
    const again = await admin.request('PUT', '/api/calendar/years/2027', {
      version: 0,
      adjustments: y.adjustments,
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as ErrorBody).error.code).toBe('STALE_VERSION');

    const first = await admin.request('PUT', '/api/calendar/years/2027', {
      version: 1,
      adjustments: { ...y.adjustments, nationalDayAdjacent: 'after' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as Year).version).toBe(2);
    const second = await standing.request('PUT', '/api/calendar/years/2027', {
      version: 1,
      adjustments: y.adjustments,
    });
    expect(second.statusCode).toBe(409);
    expect((second.json() as ErrorBody).error).toMatchObject({
      code: 'STALE_VERSION',
      message: expect.stringContaining('2'),
    });
  });
});

describe('validation names the field', () => {
  const expectField = (res: { statusCode: number; body: string; json(): unknown }, field: string) => {
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.field)).toContain(field);
    return body;
  };

  it('bad dates in the calculators', async () => {
    expectField(await focal.request('GET', '/api/calendar/add-working-days?from=2026-02-30&n=1'), 'from');
    expectField(await focal.request('GET', '/api/calendar/add-working-days?from=13/02/2026&n=1'), 'from');
    expectField(await focal.request('GET', '/api/calendar/add-working-days?from=2026-02-13&n=-1'), 'n');
    expectField(
      await focal.request('GET', '/api/calendar/working-days-between?from=2026-01-01&to=2026-13-01'),
      'to',
    );
    expectField(await focal.request('GET', '/api/calendar/receipt?at=yesterday&n=3'), 'at');
    const old = expectField(
      await focal.request('GET', '/api/calendar/add-working-days?from=1700-01-01&n=1'),
      'from',
    );
    // Refused at the door, for every route alike (core/input-guard.ts), within the calendar's own years.
    expect(old.error.message).toBe(
      'Thông tin “Từ” có ngày nằm ngoài khoảng cho phép (01/01/1800 – 31/12/2199).',
    );
    expectField(await focal.request('GET', '/api/calendar/years/2300'), 'year');
  });

  it('bad adjustments: each problem under its field, in the reader’s language', async () => {
    const res = await admin.request(
      'PUT',
      '/api/calendar/years/2028',
      {
        version: 0,
        adjustments: {
          tetDays: ['2028-01-25'],
          daysOff: [
            day('2027-12-31', 'Sai năm', 'Wrong year'),
            day('2028-03-04', 'Thứ Bảy', 'A Saturday'),
            day('2028-05-01', 'Trùng ngày lễ', 'Already a holiday'),
          ],
          workingSaturdays: [day('2028-03-06', 'Thứ Hai', 'A Monday')],
        },
      },
      { 'x-chidao-locale': 'en' },
    );
    const body = expectField(res, 'adjustments.tetBasis');
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'adjustments.tetDays', message: expect.stringContaining('Lunar New Year') },
        { field: 'adjustments.daysOff.0.date', message: 'The date 31/12/2027 is not in 2028.' },
        { field: 'adjustments.daysOff.1.date', message: expect.stringContaining('weekly rest day') },
        { field: 'adjustments.workingSaturdays.0.date', message: expect.stringContaining('not a Saturday') },
      ]),
    );
    const bad = await admin.request('PUT', '/api/calendar/years/2028', {
      version: 0,
      adjustments: { daysOff: [day('2028-05-01', 'Trùng ngày lễ', 'x')], workingSaturdays: [] },
    });
    const vi = expectField(bad, 'adjustments.daysOff.0.date');
    expect(vi.error.message).toBe('Ngày 01/05/2028 đã là ngày nghỉ (Ngày Quốc tế Lao động).');
    const shape = await admin.request('PUT', '/api/calendar/years/2028', {
      version: 0,
      adjustments: { daysOff: [{ date: '2028-02-30', name: { vi: 'x' }, basis: 'x' }], workingSaturdays: [] },
    });
    expectField(shape, 'adjustments.daysOff.0.date');
    expect((await get<Year>(admin, '/api/calendar/years/2028')).usesDefaults).toBe(true);
  });
});

describe('receipt of a dossier (after-hours rule)', () => {
  it('Friday 13/2/2026 at 16:59 counts that day; at 17:30 it counts from Monday 23/2 after Tết', async () => {
    const during = await get<{ receivedOn: string; dueDate: string; movedToNextWorkingDay: boolean }>(
      focal,
      `/api/calendar/receipt?at=${encodeURIComponent('2026-02-13T16:59:00+07:00')}&n=3`,
    );
    expect(during).toMatchObject({
      receivedOn: '2026-02-13',
      dueDate: '2026-02-25',
      movedToNextWorkingDay: false,
    });
    const after = await get<{
      localDate: string;
      receivedOn: string;
      dueDate: string;
      dueAt: string;
      movedToNextWorkingDay: boolean;
      rule: { vi: string; en: string };
    }>(focal, `/api/calendar/receipt?at=${encodeURIComponent('2026-02-13T10:30:00Z')}&n=3`);
    expect(after).toMatchObject({
      localDate: '2026-02-13',
      receivedOn: '2026-02-23',
      dueDate: '2026-02-26',
      dueAt: '2026-02-26T10:00:00.000Z',
      movedToNextWorkingDay: true,
    });
    expect(after.rule.vi).toContain('Nghị định 61/2018/NĐ-CP');
  });
});
