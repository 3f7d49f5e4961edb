import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import { feedbackCases } from '../hotline.table.js';
import { FIGURES } from './stats-rules.js';
import type { StatsCasesOut, StatsOut } from './stats.schemas.js';
import { feedbackQd766, feedbackQd766ByUnit } from './stats.service.js';

/**
 * The hotline's statistics on the demo province (cases of Oct–Dec 2026 at every step), read as of 4/12/2026 so
 * the figures do not move with the calendar: the figures by unit, category, channel and month, every number
 * opened into exactly its cases, a unit's people seeing their unit's only, the Excel file read back, no
 * submitter's name, phone or e-mail anywhere — and the dossier dashboard's QĐ 766 score fed by the hotline.
 */

let t: TestApp;
let standing: Caller;
let hotline: Caller;
let tuphap: Caller;
let xaydung: Caller;
let appraiser: Caller;

const YEAR = 'from=2026-01-01&to=2026-12-31&asOf=2026-12-04';
/** Every body and file the tests received (searched for personal data at the end). */
const seen: string[] = [];

async function get<T>(caller: Caller, url: string, status = 200): Promise<T> {
  const res = await caller.request('GET', url);
  expect(res.statusCode, res.body).toBe(status);
  seen.push(res.body);
  return res.json() as T;
}
const stats = (caller: Caller, qs: string) => get<StatsOut>(caller, `/api/hotline/stats?${qs}`);
const drill = (caller: Caller, qs: string) => get<StatsCasesOut>(caller, `/api/hotline/stats/cases?${qs}`);

/** The cases' codes by their title's start (the demo's titles are fixed, its codes random). */
let codes: Map<string, string>;
const code = (title: string) => [...codes].find(([t]) => t.startsWith(title))![1];

beforeAll(async () => {
  t = await testApp();
  standing = await t.login('thuongtruc@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  appraiser = await t.login('thamdinh@chidao.demo');
  const rows = await t.database.db
    .select({ code: feedbackCases.code, title: feedbackCases.title })
    .from(feedbackCases);
  codes = new Map(rows.map((r) => [r.title, r.code]));
});
afterAll(() => t.close());

describe('the figures on the demo (2026, as of 4/12/2026)', () => {
  it('totals: received and where each stands, answers, overdue, satisfaction, the QĐ 766 rates', async () => {
    const s = await stats(standing, `${YEAR}&groupBy=unit`);
    expect(s).toMatchObject({ asOf: '2026-12-04', stockDay: '2026-12-04', groupBy: 'unit', restated: false });
    expect(s.total).toEqual({
      received: 12,
      inTriage: 2,
      inProgress: 5,
      published: 2,
      notAccepted: 1,
      forwarded: 1,
      merged: 1,
      // Sở Tài chính's answer was published on its deadline (3/11, after one return); Sở Xây dựng's after
      // (due 19/10, published 28/10).
      answered: 2,
      onTime: 1,
      late: 1,
      overdue: 2,
      satisfied: 1,
      notSatisfied: 1,
      notRated: 0,
      onTimeRate: { numerator: 1, denominator: 2, value: 0.5 },
      satisfactionRate: { numerator: 1, denominator: 2, value: 0.5 },
      // 10 working days (20/10 → 3/11) and 17 (5/10 → 28/10).
      avgWorkingDays: 13.5,
    });
  });

  it('by handling unit as it was: each case in one group, the untriaged and closed-at-triage ones apart', async () => {
    const s = await stats(standing, `${YEAR}&groupBy=unit`);
    const by = new Map(s.groups.map((g) => [g.name?.vi ?? null, g.figures]));
    expect([...by.keys()]).toEqual([
      'Phường Vinh Phú',
      'Sở Tài chính',
      'Sở Tư pháp',
      'Sở Xây dựng',
      'Xã Con Cuông',
      null,
    ]);
    // The overdue letter about the waste site, and the call about late land dossiers (escalated; due 16/12).
    expect(by.get('Phường Vinh Phú')).toMatchObject({ received: 2, inProgress: 2, overdue: 1 });
    expect(by.get('Sở Tài chính')).toMatchObject({
      answered: 1,
      onTime: 1,
      satisfied: 1,
      avgWorkingDays: 10,
    });
    expect(by.get('Sở Tư pháp')).toMatchObject({ received: 1, inProgress: 1, overdue: 1 });
    expect(by.get('Sở Xây dựng')).toMatchObject({ received: 2, answered: 1, notSatisfied: 1 });
    expect(by.get('Xã Con Cuông')).toMatchObject({ received: 1, inProgress: 1, overdue: 0 });
    expect(by.get(null)).toMatchObject({ received: 5, inTriage: 2, notAccepted: 1, forwarded: 1, merged: 1 });
    for (const k of ['received', 'answered', 'overdue', 'satisfied', 'notSatisfied'] as const)
      expect(s.groups.reduce((n, g) => n + g.figures[k], 0)).toBe(s.total[k]);
    // Restated onto today's units: the demo's handling units are all in force, so the same groups.
    const r = await stats(standing, `${YEAR}&groupBy=unit&restated=true`);
    expect(r.restated).toBe(true);
    expect(r.groups.map((g) => [g.name?.vi ?? null, g.figures.received, g.restatedFrom])).toEqual(
      s.groups.map((g) => [g.name?.vi ?? null, g.figures.received, []]),
    );
  });

  it('by category, channel and month', async () => {
    const cat = await stats(standing, `${YEAR}&groupBy=category`);
    const byCat = new Map(cat.groups.map((g) => [g.name?.vi, g.figures.received]));
    expect(byCat.get('Xây dựng')).toBe(3);
    expect(byCat.get('Đất đai')).toBe(2);
    expect(cat.groups.reduce((n, g) => n + g.figures.received, 0)).toBe(12);

    const ch = await stats(standing, `${YEAR}&groupBy=channel`);
    expect(ch.groups.map((g) => [g.key, g.figures.received])).toEqual([
      ['web', 5],
      ['phone', 3],
      ['email', 1],
      ['letter', 1],
      ['national_portal', 1],
      ['visit', 1],
    ]);
    expect(ch.groups.every((g) => g.name === null)).toBe(true);

    const month = await stats(standing, 'from=2026-10-01&to=2026-12-31&asOf=2026-12-04&groupBy=month');
    expect(
      month.groups.map((g) => [g.key, g.figures.received, g.figures.answered, g.figures.overdue]),
    ).toEqual([
      ['2026-10', 2, 1, 0],
      ['2026-11', 7, 1, 1],
      ['2026-12', 3, 0, 2],
    ]);
  });

  it('reads the past as it was: October as of 29/10/2026, one answer out and not yet rated', async () => {
    const s = await stats(standing, 'from=2026-10-01&to=2026-10-31&asOf=2026-10-29&groupBy=unit');
    // 28/10: Sở Xây dựng's answer published; Sở Tài chính's was returned on 31/10, not yet published.
    expect(s.total).toMatchObject({ received: 2, inProgress: 1, published: 1, answered: 1, late: 1 });
    // Rated "not satisfied" only on 2/11.
    expect(s.total).toMatchObject({ notSatisfied: 0, notRated: 1 });
    expect(s.total.satisfactionRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('refuses a period backwards, too long, or read as of a day to come; a role without the hotline gets 403', async () => {
    await get(standing, '/api/hotline/stats?from=2026-12-31&to=2026-01-01', 400);
    await get(standing, '/api/hotline/stats?from=2000-01-01&to=2026-01-01', 400);
    await get(standing, '/api/hotline/stats?from=2026-01-01&to=2026-12-31&asOf=2199-01-01', 400);
    await get(appraiser, `/api/hotline/stats?${YEAR}`, 403);
    await get(appraiser, `/api/hotline/stats.xlsx?${YEAR}`, 403);
  });
});

describe('every number opens into exactly its cases', () => {
  it('for each figure of the total and of each group, the list counts what the figure counts', async () => {
    const s = await stats(hotline, `${YEAR}&groupBy=unit`);
    for (const figure of FIGURES.filter((f) => f !== 'satisfactionNumerator')) {
      const all = await drill(hotline, `${YEAR}&groupBy=unit&figure=${figure}&limit=500`);
      expect(all.count, figure).toBe(s.total[figure]);
      expect(all.items).toHaveLength(all.count);
      for (const g of s.groups) {
        const part = await drill(hotline, `${YEAR}&groupBy=unit&figure=${figure}&group=${g.key ?? 'none'}`);
        expect(part.count, `${figure} of ${g.name?.vi}`).toBe(g.figures[figure]);
        expect(part.group).toBe(g.key ?? 'none');
      }
    }
    const numerator = await drill(hotline, `${YEAR}&groupBy=unit&figure=satisfactionNumerator`);
    expect(numerator.count).toBe(s.total.satisfactionRate.numerator);
  }, 180_000);

  it('names the cases: the overdue ones, the answers with their timing and rating', async () => {
    const overdue = await drill(standing, `${YEAR}&groupBy=unit&figure=overdue`);
    expect(overdue.items.map((c) => [c.code, c.unit, c.status, c.dueDate])).toEqual([
      [code('Hướng dẫn trích lục khai sinh'), 'Sở Tư pháp', 'answered', '2026-12-02'],
      [code('Điểm tập kết rác thải'), 'Phường Vinh Phú', 'assigned', '2026-11-16'],
    ]);
    const answered = await drill(standing, `${YEAR}&groupBy=unit&figure=answered`);
    expect(
      answered.items.map((c) => [c.code, c.unit, c.answeredOn, c.onTime, c.satisfaction, c.channel]),
    ).toEqual([
      [
        code('Đăng ký thay đổi nội dung doanh nghiệp'),
        'Sở Tài chính',
        '2026-11-03',
        true,
        'satisfied',
        'web',
      ],
      [
        code('Chưa được giải thích việc từ chối cấp phép'),
        'Sở Xây dựng',
        '2026-10-28',
        false,
        'not_satisfied',
        'national_portal',
      ],
    ]);
    const merged = await drill(standing, `${YEAR}&groupBy=unit&figure=merged&group=none`);
    expect(merged.items.map((c) => [c.code, c.answeredOn])).toEqual([
      [code('Hỏi về giấy phép xây dựng'), '2026-11-26'],
    ]);
    const page = await drill(standing, `${YEAR}&groupBy=unit&figure=received&limit=4&offset=8`);
    expect([page.count, page.items.length]).toEqual([12, 4]);
    const unknown = await drill(standing, `${YEAR}&groupBy=unit&figure=received&group=nowhere`);
    expect([unknown.count, unknown.items]).toEqual([0, []]);
  });

  it('a unit’s people see their unit’s cases only', async () => {
    const own = await stats(tuphap, `${YEAR}&groupBy=unit`);
    expect(own.total).toMatchObject({ received: 1, inProgress: 1, overdue: 1, answered: 0 });
    expect(own.groups.map((g) => g.name?.vi)).toEqual(['Sở Tư pháp']);
    const theirs = await drill(tuphap, `${YEAR}&groupBy=unit&figure=received`);
    expect(theirs.items.map((c) => c.code)).toEqual([code('Hướng dẫn trích lục khai sinh')]);
    const xd = await stats(xaydung, `${YEAR}&groupBy=category`);
    expect(xd.total).toMatchObject({ received: 2, answered: 1, late: 1, notSatisfied: 1 });
  });
});

describe('the Excel file', () => {
  it('has the figures by group with the formulas’ basis, and the cases counted, in Vietnamese', async () => {
    const s = await stats(standing, `${YEAR}&groupBy=unit`);
    const res = await standing.request('GET', `/api/hotline/stats.xlsx?${YEAR}&groupBy=unit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('Thống kê phản ánh 01-01-2026 đến 31-12-2026.xlsx'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Danh sách phản ánh']);

    const sum = wb.getWorksheet('Tổng hợp')!;
    const text = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? ''))));
      return out;
    };
    seen.push(text(sum).join('\n'));
    const lines = text(sum).join('\n');
    expect(lines).toContain('Từ ngày 01/01/2026 đến ngày 31/12/2026');
    expect(lines).toContain('Số liệu tính đến ngày 04/12/2026');
    expect(lines).toMatch(/Quyết định số 766\/QĐ-TTg ngày 23\/6\/2022/);
    expect(lines).toContain('Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn =');
    let header: ExcelJS.Row | undefined;
    let total: ExcelJS.Row | undefined;
    sum.eachRow((row) => {
      if (row.getCell(1).text === 'Theo đơn vị xử lý' && row.getCell(2).text === 'Tiếp nhận trong kỳ')
        header = row;
      if (row.getCell(1).text === 'Tổng cộng') total = row;
    });
    expect(header).toBeDefined();
    const col = (name: string) => {
      let at = 0;
      header!.eachCell((cell, i) => {
        if (!at && cell.text === name) at = i;
      });
      return at;
    };
    expect(total!.getCell(col('Tiếp nhận trong kỳ')).value).toBe(s.total.received);
    expect(total!.getCell(col('Trễ hạn')).value).toBe(1);
    expect(total!.getCell(col('Quá hạn chưa xử lý')).value).toBe(2);
    expect(total!.getCell(col('Tỷ lệ xử lý đúng hạn (%)')).value).toBe(50);
    expect(total!.getCell(col('Mức độ hài lòng (%)')).numFmt).toBe('0.00');
    expect(total!.getCell(col('Số ngày làm việc trung bình đến khi trả lời')).value).toBe(13.5);
    expect(total!.number - header!.number - 1).toBe(s.groups.length);

    const list = wb.getWorksheet('Danh sách phản ánh')!;
    seen.push(text(list).join('\n'));
    expect(list.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Mã phản ánh',
      'Ngày tiếp nhận',
      'Lĩnh vực',
      'Đơn vị xử lý',
      'Kênh tiếp nhận',
      'Trạng thái (ngày 04/12/2026)',
      'Hạn xử lý',
      'Ngày trả lời, kết thúc',
      'Đúng hạn',
      'Mức độ hài lòng',
    ]);
    // Every case counted: the 12 received (the two overdue and the two answers are among them).
    expect(list.rowCount - 1).toBe(12);
    let dkkd: ExcelJS.Row | undefined;
    list.eachRow((row) => {
      if (row.getCell(2).text === code('Đăng ký thay đổi nội dung doanh nghiệp')) dkkd = row;
    });
    expect(dkkd!.getCell(3).value).toEqual(new Date('2026-10-20T00:00:00Z'));
    expect(dkkd!.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect([4, 5, 6, 7, 10, 11].map((i) => dkkd!.getCell(i).text)).toEqual([
      'Đầu tư, kinh doanh',
      'Sở Tài chính',
      'Cổng phản ánh trực tuyến',
      'Đã trả lời, công khai',
      'Có',
      'Hài lòng',
    ]);
    expect(dkkd!.getCell(9).value).toEqual(new Date('2026-11-03T00:00:00Z'));
  });
});

describe('no personal data', () => {
  it('no submitter’s name, phone or e-mail in any response or file', async () => {
    // Also the restated, monthly and per-unit answers, and the unit's own view.
    await stats(standing, `${YEAR}&groupBy=month`);
    await drill(tuphap, `${YEAR}&groupBy=unit&figure=overdue`);
    const res = await standing.request('GET', `/api/hotline/stats.xlsx?${YEAR}&groupBy=channel`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => seen.push(String(cell.text))));
    const people = await t.database.db
      .select({
        name: feedbackCases.submitterName,
        phone: feedbackCases.submitterPhone,
        email: feedbackCases.submitterEmail,
      })
      .from(feedbackCases);
    const secrets = people
      .flatMap((p) => [p.name, p.phone, p.phone.replace(/\s/g, ''), p.email])
      .filter((x) => x.trim().length >= 5);
    expect(secrets.length).toBeGreaterThan(10);
    const all = seen.join('\n');
    for (const s of secrets) expect(all, s).not.toContain(s);
  });
});

describe('the dossier dashboard’s QĐ 766 score takes the hotline’s two criteria', () => {
  type Criterion = { key: string; value: number | null };
  type Qd766 = { groups: { key: string; score: number | null; criteria: Criterion[] }[] };
  const criterion = (q: Qd766, key: string) =>
    q.groups.flatMap((g) => g.criteria).find((c) => c.key === key)!.value;

  it('the same period’s PAKN on-time and satisfaction rates, in the progress and satisfaction groups', async () => {
    const pakn = await feedbackQd766(t.database.db, { from: '2026-01-01', to: '2026-12-31' });
    expect(pakn).toEqual({
      pakn_on_time: { numerator: 1, denominator: 2, value: 0.5 },
      pakn_satisfaction: { numerator: 1, denominator: 2, value: 0.5 },
    });
    const b = await get<{ total: { qd766: Qd766 } }>(
      standing,
      '/api/dossiers/breakdown?from=2026-01-01&to=2026-12-31&groupBy=total',
    );
    expect(criterion(b.total.qd766, 'pakn_satisfaction')).toBe(0.5);
    expect(criterion(b.total.qd766, 'pakn_on_time')).toBe(0.5);
    expect(b.total.qd766.groups.find((g) => g.key === 'satisfaction')!.score).not.toBeNull();
    const i = await get<{ total: { qd766: Qd766 } }>(
      standing,
      '/api/dossiers/indicators?from=2026-01-01&to=2026-12-31&groupBy=total',
    );
    expect(criterion(i.total.qd766, 'pakn_satisfaction')).toBe(0.5);
    const trend = await get<{ months: ({ month: string } & { qd766: Qd766 })[] }>(
      standing,
      '/api/dossiers/trend?from=2026-09-01&to=2026-11-30',
    );
    // September: nothing answered (no data, not 0%); October: one late answer; November: one on time.
    expect(trend.months.map((m) => criterion(m.qd766, 'pakn_on_time'))).toEqual([null, 0, 1]);
  });

  it('for the reader’s units, and unit by unit', async () => {
    const own = await get<{ total: { qd766: Qd766 } }>(
      xaydung,
      '/api/dossiers/breakdown?from=2026-01-01&to=2026-12-31&groupBy=total',
    );
    expect(criterion(own.total.qd766, 'pakn_satisfaction')).toBe(0);
    const none = await get<{ total: { qd766: Qd766 } }>(
      tuphap,
      '/api/dossiers/breakdown?from=2026-01-01&to=2026-12-31&groupBy=total',
    );
    expect(criterion(none.total.qd766, 'pakn_on_time')).toBeNull();
    const s = await stats(standing, `${YEAR}&groupBy=unit`);
    const ids = s.groups.flatMap((g) => (g.key ? [g.key] : []));
    const byUnit = await feedbackQd766ByUnit(t.database.db, {
      from: '2026-01-01',
      to: '2026-12-31',
      unitIds: ids,
      subtree: false,
    });
    for (const g of s.groups)
      if (g.key)
        expect(byUnit.get(g.key)!.pakn_on_time, g.name?.vi).toEqual({
          numerator: g.figures.onTimeRate.numerator,
          denominator: g.figures.onTimeRate.denominator,
          value: g.figures.onTimeRate.value,
        });
  });
});
