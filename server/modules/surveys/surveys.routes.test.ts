/**
 * The surveys office's API (issue 17) on both engines, on the demo province: the demo's surveys (the open 2026
 * SIPAS survey with its suppressed ward and its flag); then the standing officer makes the 2027 SIPAS survey from
 * the template — a broken questionnaire is refused with every problem's path, a sound edit changes the draft in
 * place, a stale page gets 409 — sets the targets (quotas from the sample size; an unknown unit refused), opens it
 * (the version is published; an edit then makes version 2), answers arrive (inserted directly), the results hide
 * the group under 5, the flags count identical answers without naming a response, the anonymised answers export
 * as a workbook without an id, the questionnaire round-trips through Excel, a respondent list is refused whole for
 * one bad row and is idempotent when good (mails queued with a one-time link whose hash alone is kept, no address
 * in the journal), reminders re-issue the link, and closing erases the addresses. A unit's focal point reads only
 * its own unit's results and can neither create, open nor export.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { remindInvitationsJob } from './reminders.job.js';
import { definitionHash, normaliseAnswers } from './rules/answers.js';
import type { SurveyDefinition } from './rules/definition.js';
import type {
  FlagsOut,
  InvitationImportOut,
  InvitationLinksOut,
  PostersOut,
  ResultsOut,
  SurveyDetailOut,
  SurveyListOut,
} from './surveys.schemas.js';
import { surveyInvitations, surveyResponses } from './surveys.table.js';

type ErrorBody = {
  error: { code: string; key: string; message: string; details?: { field: string; message: string }[] };
};

let t: TestApp;
let officer: Caller;
let focal: Caller;
let member: Caller;
const unit = new Map<string, string>();

const ok = async <T>(
  p: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function multipart(filename: string, content: Buffer) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (who: Caller, url: string, filename: string, content: Buffer) =>
  t.app.inject({
    method: 'POST',
    url,
    ...(() => {
      const m = multipart(filename, content);
      return { payload: m.payload, headers: { ...m.headers, cookie: who.cookie, 'x-csrf-token': who.csrf } };
    })(),
  });

async function workbook(sheet: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of sheet) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 50, lockMinutes: 1, ratePerMinute: 10_000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  for (const name of ['Sở Tư pháp', 'Sở Xây dựng', 'Văn phòng UBND tỉnh'])
    unit.set(name, list.items.find((u) => u.name === name)!.id);
}, 900_000);
afterAll(() => t?.close());

describe('the demo province', () => {
  it('has the 2026 SIPAS survey open: three counters, the ward suppressed, four identical answers flagged', async () => {
    const list = await ok<SurveyListOut>(officer.request('GET', '/api/surveys'));
    expect(list.abilities.create).toBe(true);
    expect(list.items.map((s) => [s.year, s.status])).toEqual(
      expect.arrayContaining([
        [2026, 'open'],
        [2026, 'draft'],
        [2025, 'closed'],
      ]),
    );
    const sipas = list.items.find((s) => s.year === 2026 && s.status === 'open')!;
    expect(sipas.responses).toBeGreaterThanOrEqual(170);
    const detail = await ok<SurveyDetailOut>(officer.request('GET', `/api/surveys/${sipas.id}`));
    expect(detail.problems).toEqual([]);
    expect(detail.targetList).toHaveLength(3);
    expect(detail.recorded.vi).toMatch(/ẩn danh/);
    const results = await ok<ResultsOut>(officer.request('GET', `/api/surveys/${sipas.id}/results?by=unit`));
    const ward = results.groups.find((g) => g.responses === 3)!;
    expect(ward.suppressed).toBe(true);
    expect(ward.cells.every((c) => c.value === null && c.suppressed)).toBe(true);
    const overall = results.total.cells.find((c) => c.index === 'sipas_chung')!;
    expect(overall.value).toBeGreaterThan(60);
    expect(overall.interval!.low).toBeLessThan(overall.value!);
    const flags = await ok<FlagsOut>(officer.request('GET', `/api/surveys/${sipas.id}/flags`));
    expect(
      flags.items.some((f) => f.kind === 'identical_answers' && f.responses >= 4 && f.day === '2026-11-18'),
    ).toBe(true);
    // The focal point of Sở Tư pháp sees the SIPAS surveys (its unit is targeted), not the businesses' survey.
    const own = await ok<SurveyListOut>(focal.request('GET', '/api/surveys'));
    expect(own.abilities.create).toBe(false);
    expect(own.items.every((s) => s.kind === 'satisfaction')).toBe(true);
  });
});

describe('a survey from the template to its results', () => {
  let survey: SurveyDetailOut;
  let def: SurveyDefinition;

  it('is made from the SIPAS template as a draft (version 1 names the template); a focal point cannot make one', async () => {
    expect(
      (await focal.request('POST', '/api/surveys', { templateKey: 'sipas', year: 2027 })).statusCode,
    ).toBe(403);
    const templates = await ok<{ items: { key: string; parCriteria: string[] }[] }>(
      officer.request('GET', '/api/surveys/templates'),
    );
    expect(templates.items.find((x) => x.key === 'sipas')!.parCriteria).toContain('3.6.1');
    survey = await ok<SurveyDetailOut>(
      officer.request('POST', '/api/surveys', { templateKey: 'sipas', year: 2027, parYear: 2027 }),
      201,
    );
    expect(survey).toMatchObject({ kind: 'satisfaction', status: 'draft', anonymous: true, year: 2027 });
    expect(survey.title).toMatch(/^Khảo sát sự hài lòng.*năm 2027$/);
    expect(survey.current).toMatchObject({ number: 1, templateKey: 'sipas', publishedAt: null });
    def = survey.current.definition;
    expect(survey.current.hash).toBe(sha256(definitionHash(def)));
    expect(survey.problems).toEqual([]);
    expect(survey.abilities).toMatchObject({ editDefinition: true, open: false });
  });

  it('refuses a broken questionnaire with every problem and its path; a sound edit changes the draft in place', async () => {
    const broken = structuredClone(def);
    broken.sections[0]!.items[1]!.code = broken.sections[0]!.items[0]!.code;
    broken.sections[1]!.items[0]!.showIf = { item: 'khong_co_cau_nay', op: 'eq', value: 'x' };
    const res = await officer.request(
      'PUT',
      `/api/surveys/${survey.id}/definition`,
      { version: survey.version, definition: broken },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode, res.body).toBe(400);
    const err = (res.json() as ErrorBody).error;
    expect(err.code).toBe('DEFINITION_INVALID');
    expect(err.details!.length).toBeGreaterThanOrEqual(2);
    expect(err.details!.map((d) => d.field).join(' ')).toMatch(/sections\[0\]\.items\[1\]/);
    expect(err.details!.every((d) => d.message.length > 0)).toBe(true);

    const edited = structuredClone(def);
    edited.sections[0]!.items[0]!.text = {
      vi: 'Ông/Bà là người dân hay đại diện tổ chức?',
      en: 'Are you a citizen or an organisation?',
    };
    const saved = await ok<SurveyDetailOut>(
      officer.request('PUT', `/api/surveys/${survey.id}/definition`, {
        version: survey.version,
        definition: edited,
      }),
    );
    expect(saved.current.number).toBe(1);
    expect(saved.versions).toHaveLength(1);
    expect(saved.current.hash).toBe(sha256(definitionHash(edited)));
    const stale = await officer.request('PUT', `/api/surveys/${survey.id}/definition`, {
      version: survey.version,
      definition: def,
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.code).toBe('STALE_VERSION');
    survey = saved;
    def = edited;
  });

  it('takes its targets with quotas from the sample size; an unknown unit is refused', async () => {
    expect(await ok(officer.request('GET', '/api/surveys/sample-size?population=10000'))).toEqual({
      population: 10000,
      margin: 0.05,
      sampleSize: 385,
    });
    const bad = await officer.request('PUT', `/api/surveys/${survey.id}/targets`, {
      version: survey.version,
      targets: [{ unitId: '00000000-0000-4000-8000-000000000000', targetGroup: 'citizen' }],
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ErrorBody).error.details![0]!.field).toBe('targets[0].unitId');
    survey = await ok<SurveyDetailOut>(
      officer.request('PUT', `/api/surveys/${survey.id}/targets`, {
        version: survey.version,
        targets: [
          { unitId: unit.get('Sở Tư pháp'), targetGroup: 'citizen', population: 3100 },
          { unitId: unit.get('Văn phòng UBND tỉnh'), targetGroup: 'citizen', population: 12400 },
          { unitId: unit.get('Sở Xây dựng'), targetGroup: 'citizen', population: 800, quota: 50 },
        ],
      }),
    );
    const quotas = Object.fromEntries(survey.targetList.map((x) => [x.unit.name, x.quota]));
    expect(quotas).toEqual({ 'Sở Tư pháp': 355, 'Văn phòng UBND tỉnh': 388, 'Sở Xây dựng': 50 });
    for (const x of survey.targetList) {
      expect(x.publicCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(x.publicUrl).toBe(`/khao-sat/${x.publicCode}`);
    }
    expect(survey.abilities.open).toBe(true);
  });

  it('opens (its version published), and an edit then makes version 2; a focal point cannot open', async () => {
    expect(
      (await focal.request('POST', `/api/surveys/${survey.id}/open`, { version: survey.version })).statusCode,
    ).toBe(403);
    survey = await ok<SurveyDetailOut>(
      officer.request('POST', `/api/surveys/${survey.id}/open`, { version: survey.version }),
    );
    expect(survey.status).toBe('open');
    expect(survey.current.publishedAt).not.toBeNull();
    const edited = structuredClone(def);
    edited.sections[0]!.items[0]!.help = { vi: 'Chọn một.', en: 'Choose one.' };
    survey = await ok<SurveyDetailOut>(
      officer.request('PUT', `/api/surveys/${survey.id}/definition`, {
        version: survey.version,
        definition: edited,
      }),
    );
    expect(survey.current.number).toBe(2);
    expect(survey.current.publishedAt).not.toBeNull();
    def = edited;
  });

  it('answers arrive; results hide a group under 5, a focal point reads only its own unit', async () => {
    const target = (name: string) => survey.targetList.find((x) => x.unit.name === name)!.id;
    const answers = (level: number, gioi = 'nu') => {
      const rows = (codes: string[]) => Object.fromEntries(codes.map((c) => [c, level]));
      const raw = {
        doi_tuong: 'nguoi_dan',
        gioi_tinh: gioi,
        nhom_tuoi: '35_44',
        kenh: 'truc_tuyen',
        tra_ket_qua: 'dung_hen',
        yt1: rows(['1.1', '1.2', '1.3', '1.4']),
        yt2: rows(['2.1', '2.2', '2.3', '2.4', '2.5']),
        yt3: rows(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']),
        yt4: rows(['4.1', '4.2', '4.3']),
        da_gop_y: 'khong',
        hai_long_chung: level,
        mong_doi: ['co_so_vat_chat'],
      };
      const n = normaliseAnswers(def, raw);
      if (!n.ok) throw new Error(JSON.stringify(n.problems));
      return n.answers;
    };
    const insert = (targetId: string, a: unknown, day: string, i: number) => ({
      surveyId: survey.id,
      versionId: survey.current.id,
      targetId,
      channel: 'qr' as const,
      submittedOn: day,
      answers: a,
      clientKey: `test-${targetId}-${i}-${day}`,
      minutes: 6,
    });
    await t.database.db.insert(surveyResponses).values([
      ...[5, 4, 4, 2, 5, 3].map((l, i) =>
        insert(target('Sở Tư pháp'), answers(l, i % 2 ? 'nam' : 'nu'), `2027-03-0${i + 1}`, i),
      ),
      // Three identical sheets on one day at one counter: a flag.
      ...[0, 1, 2].map((i) => insert(target('Sở Xây dựng'), answers(5), '2027-03-10', i)),
    ]);

    const results = await ok<ResultsOut>(officer.request('GET', `/api/surveys/${survey.id}/results?by=unit`));
    expect(results.config.key).toBe('sipas');
    expect(results.minGroupSize).toBe(5);
    const group = (name: string) => results.groups.find((g) => g.label.vi === name)!;
    expect(group('Sở Tư pháp')).toMatchObject({ responses: 6, suppressed: false });
    expect(group('Sở Tư pháp').cells.find((c) => c.index === 'hai_long_chung')!.value).toBeCloseTo(
      (4 / 6) * 100,
      1,
    );
    expect(group('Sở Xây dựng')).toMatchObject({ responses: 3, suppressed: true });
    expect(group('Sở Xây dựng').cells.every((c) => c.value === null)).toBe(true);
    expect(group('Văn phòng UBND tỉnh')).toMatchObject({ responses: 0, suppressed: true });
    expect(results.total.responses).toBe(9);
    const gender = results.items.find((i) => i.code === 'gioi_tinh')!;
    expect(gender.counts.map((c) => [c.value, c.count])).toEqual([
      ['nam', 3],
      ['nu', 6],
    ]);
    expect(results.flags.identical_answers).toBeGreaterThanOrEqual(3);

    // Filtered to a unit under 5 answers: distributions hidden too.
    const small = await ok<ResultsOut>(
      officer.request('GET', `/api/surveys/${survey.id}/results?by=all&unitId=${unit.get('Sở Xây dựng')}`),
    );
    expect(small.total.suppressed).toBe(true);
    expect(small.items.every((i) => i.counts.length === 0 && i.mean === null)).toBe(true);

    const own = await ok<ResultsOut>(focal.request('GET', `/api/surveys/${survey.id}/results`));
    expect(own.groups.map((g) => g.label.vi)).toEqual(['Sở Tư pháp']);
    expect(own.total.responses).toBe(6);
    expect(
      (await focal.request('GET', `/api/surveys/${survey.id}/results?unitId=${unit.get('Sở Xây dựng')}`))
        .statusCode,
    ).toBe(403);
    const committee = await ok<ResultsOut>(
      member.request('GET', `/api/surveys/${survey.id}/results?by=channel`),
    );
    expect(committee.groups.map((g) => g.key)).toEqual(['qr']);
  });

  it('flags count identical answers without naming a response; the export has no id; neither is the focal point’s', async () => {
    const flags = await ok<FlagsOut>(officer.request('GET', `/api/surveys/${survey.id}/flags`));
    const same = flags.items.find((f) => f.kind === 'identical_answers')!;
    expect(same).toMatchObject({ responses: 3, unit: 'Sở Xây dựng', channel: 'qr', day: '2027-03-10' });
    expect(same.message.vi).toContain('10/03/2027');
    const ids = await t.database.db
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, survey.id));
    const body = JSON.stringify(flags);
    for (const { id } of ids) expect(body).not.toContain(id);

    const res = await officer.request('GET', `/api/surveys/${survey.id}/responses.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(10);
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(['Đơn vị', 'Nhóm đối tượng', 'Kênh', 'Ngày', 'Phiên bản phiếu']);
    const col = header.findIndex((h) => h.startsWith('1.1 – ')) + 1;
    expect(col).toBeGreaterThan(5);
    const all: string[] = [];
    ws.eachRow((row) => all.push(JSON.stringify(row.values)));
    for (const { id } of ids) expect(all.join('')).not.toContain(id);
    expect(ws.getRow(2).getCell(4).value).toBe('01/03/2027');
    expect([4, 5]).toContain(ws.getRow(2).getCell(col).value);

    expect((await focal.request('GET', `/api/surveys/${survey.id}/flags`)).statusCode).toBe(403);
    expect((await focal.request('GET', `/api/surveys/${survey.id}/responses.xlsx`)).statusCode).toBe(403);
  });

  it('round-trips the questionnaire through Excel (the same file again adds nothing); a broken one is refused whole', async () => {
    const res = await officer.request('GET', `/api/surveys/${survey.id}/definition.xlsx`);
    expect(res.statusCode).toBe(200);
    const file = res.rawPayload;
    const again = await upload(officer, `/api/surveys/${survey.id}/definition.xlsx`, 'phieu.xlsx', file);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as SurveyDetailOut).versions).toHaveLength(2);
    expect((again.json() as SurveyDetailOut).current.hash).toBe(survey.current.hash);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    wb.getWorksheet('survey')!.getRow(3).getCell(1).value = 'select_sometimes gioi_tinh';
    const broken = await upload(
      officer,
      `/api/surveys/${survey.id}/definition.xlsx`,
      'phieu.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(broken.statusCode).toBe(400);
    expect((broken.json() as ErrorBody).error.details![0]!.field).toBe('survey!3 type');
    const notXlsx = await upload(
      officer,
      `/api/surveys/${survey.id}/definition.xlsx`,
      'phieu.xlsx',
      Buffer.from('a,b\n'),
    );
    expect(notXlsx.statusCode).toBe(415);
    survey = await ok<SurveyDetailOut>(officer.request('GET', `/api/surveys/${survey.id}`));
  });

  it('invites a list all or nothing, idempotently, with one-time links whose hash alone is kept', async () => {
    const url = `/api/surveys/${survey.id}/invitations`;
    const header = ['Đơn vị / Unit', 'Nhóm / Group', 'Họ tên / Name', 'E-mail'];
    const bad = await upload(
      officer,
      url,
      'ds.xlsx',
      await workbook([
        header,
        ['Sở Tư pháp', 'Người dân', 'Nguyễn Văn A', 'a.nguyen@example.vn'],
        ['Sở Không Có', 'Người dân', 'Trần B', 'b@example.vn'],
        ['so tu phap', 'Doanh nghiệp', 'Lê C', 'khong-phai-email'],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    const details = (bad.json() as ErrorBody).error.details!.map((d) => d.field);
    expect(details).toEqual(
      expect.arrayContaining(['Danh sách!3 Đơn vị / Unit', 'Danh sách!4 Nhóm / Group', 'Danh sách!4 E-mail']),
    );
    const none = await t.database.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.surveyId, survey.id));
    expect(none).toEqual([]);

    const good = await workbook([
      header,
      ['Sở Tư pháp', 'Người dân', 'Nguyễn Văn A', 'A.Nguyen@example.vn'],
      ['so tu phap', '', 'Trần Thị B', 'b.tran@example.vn'],
      ['Sở Xây dựng', 'Citizens', '', 'c.le@example.vn'],
    ]);
    expect(await ok(upload(officer, url, 'ds.xlsx', good))).toEqual({
      rows: 3,
      created: 3,
      alreadyInvited: 0,
      sent: 3,
      links: [],
    });
    expect(await ok(upload(officer, url, 'ds.xlsx', good))).toEqual({
      rows: 3,
      created: 0,
      alreadyInvited: 3,
      sent: 0,
      links: [],
    });

    const stored = await t.database.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.surveyId, survey.id));
    expect(stored.map((s) => s.address).sort()).toEqual([
      'a.nguyen@example.vn',
      'b.tran@example.vn',
      'c.le@example.vn',
    ]);
    const mails = await rows<{ dedupeKey: string; payload: { to: string; text: string } }>(
      t.database.db,
      sql`select dedupe_key as "dedupeKey", payload from jobs where kind = 'outside_email' and dedupe_key like 'survey:invite:%'`,
    );
    const mine = mails.filter((m) => stored.some((s) => m.dedupeKey.includes(s.id)));
    expect(mine).toHaveLength(3);
    for (const m of mine) {
      const text = String(m.payload.text);
      const token = /\/khao-sat\/moi\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
      expect(stored.map((s) => s.tokenHash)).toContain(sha256(token));
      expect(text).toMatch(/Không lưu/);
    }
    // An anonymous survey's journal holds counts, never an address.
    const journal = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from audit_journal where entity_id = ${survey.id} and action = 'invite'`,
    );
    expect(journal[0]!.n).toBe(1);
    const leaked = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from audit_journal where coalesce(after::text, '') || coalesce(before::text, '') like '%b.tran@example.vn%'`,
    );
    expect(leaked[0]!.n).toBe(0);
    survey = await ok<SurveyDetailOut>(officer.request('GET', `/api/surveys/${survey.id}`));
    expect(survey.targetList.find((x) => x.unit.name === 'Sở Tư pháp')!.invitations).toEqual({
      sent: 2,
      used: 0,
    });
  });

  it('reminds the invitees a few days on with a fresh link, at most twice', async () => {
    const before = await t.database.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.surveyId, survey.id));
    expect(await ok(officer.request('POST', `/api/surveys/${survey.id}/invitations/remind`))).toEqual({
      reminded: 0,
    });
    const day = 86_400_000;
    const now = Date.now();
    const mineOnly = async (at: number) => {
      await remindInvitationsJob(t.database.db, new Date(at));
      return t.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey.id));
    };
    const first = await mineOnly(now + 4 * day);
    expect(first.every((i) => i.reminders === 1)).toBe(true);
    for (const i of first) expect(i.tokenHash).not.toBe(before.find((b) => b.id === i.id)!.tokenHash);
    expect((await mineOnly(now + 5 * day)).every((i) => i.reminders === 1)).toBe(true);
    expect((await mineOnly(now + 8 * day)).every((i) => i.reminders === 2)).toBe(true);
    expect((await mineOnly(now + 20 * day)).every((i) => i.reminders === 2)).toBe(true);
    const reminders = (
      await rows<{ dedupeKey: string; payload: { text: string } }>(
        t.database.db,
        sql`select dedupe_key as "dedupeKey", payload from jobs where dedupe_key like 'survey:remind:%:1'`,
      )
    ).filter((j) => first.some((i) => j.dedupeKey === `survey:remind:${i.id}:1`));
    expect(reminders).toHaveLength(3);
    expect(String(reminders[0]!.payload.text)).toMatch(/không còn dùng được/);
  });

  it('keeps a target with answers, anonymity once answered, and refuses a stale page', async () => {
    const keep = survey.targetList.filter((x) => x.unit.name !== 'Sở Tư pháp');
    const res = await officer.request('PUT', `/api/surveys/${survey.id}/targets`, {
      version: survey.version,
      targets: keep.map((x) => ({
        unitId: x.unit.id,
        targetGroup: x.targetGroup,
        population: x.population,
        quota: x.quota,
      })),
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error.message).toContain('Sở Tư pháp');
    const settings = {
      version: survey.version,
      title: survey.title,
      intro: survey.intro,
      anonymous: false,
      opensOn: survey.opensOn,
      closesOn: '2027-06-30',
      parYear: 2027,
      note: '',
    };
    const locked = await officer.request('PATCH', `/api/surveys/${survey.id}`, settings);
    expect(locked.statusCode).toBe(409);
    expect((locked.json() as ErrorBody).error.key).toBe('survey.anonymous_locked');
    const saved = await ok<SurveyDetailOut>(
      officer.request('PATCH', `/api/surveys/${survey.id}`, { ...settings, anonymous: true }),
    );
    expect(saved.closesOn).toBe('2027-06-30');
    const stale = await officer.request('PATCH', `/api/surveys/${survey.id}`, {
      ...settings,
      anonymous: true,
    });
    expect((stale.json() as ErrorBody).error.code).toBe('STALE_VERSION');
    survey = saved;
  });

  it('prints one QR poster per target; the focal point gets its own unit’s', async () => {
    const posters = await ok<PostersOut>(officer.request('GET', `/api/surveys/${survey.id}/posters`));
    expect(posters.items).toHaveLength(3);
    expect(posters.items[0]!.svg).toMatch(/<svg/);
    const own = await ok<PostersOut>(focal.request('GET', `/api/surveys/${survey.id}/posters`));
    expect(own.items.map((p) => p.unit)).toEqual(['Sở Tư pháp']);
  });

  it('closes: the addresses and names are erased; nothing changes afterwards; a copy takes its targets', async () => {
    expect(
      (await focal.request('POST', `/api/surveys/${survey.id}/close`, { version: survey.version }))
        .statusCode,
    ).toBe(403);
    survey = await ok<SurveyDetailOut>(
      officer.request('POST', `/api/surveys/${survey.id}/close`, { version: survey.version }),
    );
    expect(survey.status).toBe('closed');
    const stored = await t.database.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.surveyId, survey.id));
    expect(stored.map((s) => [s.address, s.name])).toEqual(stored.map(() => [null, '']));
    const edit = await officer.request('PUT', `/api/surveys/${survey.id}/definition`, {
      version: survey.version,
      definition: def,
    });
    expect(edit.statusCode).toBe(409);

    const copy = await ok<SurveyDetailOut>(
      officer.request('POST', '/api/surveys', { copyOf: survey.id, year: 2028 }),
      201,
    );
    expect(copy.title).toMatch(/năm 2028$/);
    expect(copy.current.hash).toBe(survey.current.hash);
    expect(copy.targetList.map((x) => x.unit.name).sort()).toEqual(
      survey.targetList.map((x) => x.unit.name).sort(),
    );
    for (const x of copy.targetList)
      expect(survey.targetList.map((y) => y.publicCode)).not.toContain(x.publicCode);
  });
});

describe('personal links for respondents without e-mail (Zalo / SMS)', () => {
  type Link = InvitationImportOut['links'][number];
  let survey: SurveyDetailOut;
  const header = ['Đơn vị / Unit', 'Nhóm / Group', 'Họ tên / Name', 'E-mail', 'Điện thoại / Zalo'];
  const tokenOf = (l: Link) => /\/khao-sat\/moi\/([A-Za-z0-9_-]{43})$/.exec(l.url)![1]!;
  const form = (token: string) =>
    t.app.inject({ method: 'GET', url: `/api/public/surveys/invitations/${token}` });
  const mine = () =>
    t.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey.id));
  let first: Link[] = [];

  it('refuses a row with neither an e-mail nor a phone, or a malformed phone, and creates nothing', async () => {
    const made = await ok<SurveyDetailOut>(
      officer.request('POST', '/api/surveys', { templateKey: 'sipas', year: 2031 }),
      201,
    );
    survey = await ok<SurveyDetailOut>(
      officer.request('PUT', `/api/surveys/${made.id}/targets`, {
        version: made.version,
        targets: [
          { unitId: unit.get('Sở Tư pháp'), targetGroup: 'citizen', population: 3100 },
          { unitId: unit.get('Sở Xây dựng'), targetGroup: 'citizen', population: 800, quota: 50 },
        ],
      }),
    );
    const bad = await upload(
      officer,
      `/api/surveys/${survey.id}/invitations`,
      'ds.xlsx',
      await workbook([
        header,
        ['Sở Tư pháp', 'Người dân', 'Nguyễn Văn A', 'a@example.vn', ''],
        ['Sở Tư pháp', 'Người dân', 'Trần Thị B', '', ''],
        ['Sở Xây dựng', 'Người dân', 'Lê C', '', '091 234 56'],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    const details = (bad.json() as ErrorBody).error.details!;
    expect(details.map((d) => d.field)).toEqual([
      'Danh sách!3 Điện thoại / Zalo',
      'Danh sách!4 Điện thoại / Zalo',
    ]);
    expect(details[0]!.message).toMatch(/e-mail hoặc số điện thoại/);
    expect(await mine()).toEqual([]);
  });

  it('gives a phone-only row its link once (even in a draft, working once the survey opens); again gives none', async () => {
    const url = `/api/surveys/${survey.id}/invitations`;
    const sheet = await workbook([
      header,
      ['Sở Tư pháp', 'Người dân', 'Nguyễn Văn A', 'a.nguyen@example.vn', ''],
      ['Sở Tư pháp', 'Người dân', 'Trần Thị B', '', '0912 345 678'],
      ['Sở Xây dựng', '', 'Lê Văn C', '', '+84 98.765.4321'],
      ['Sở Xây dựng', 'Người dân', 'Phạm D', 'd.pham@example.vn', '0901234567'],
    ]);
    const res = await ok<InvitationImportOut>(upload(officer, url, 'ds.xlsx', sheet));
    expect(res).toMatchObject({ rows: 4, created: 4, alreadyInvited: 0, sent: 0 });
    expect(res.links.map(({ url: _, ...l }) => l)).toEqual([
      { row: 3, unit: 'Sở Tư pháp', group: 'citizen', name: 'Trần Thị B', phone: '0912345678' },
      { row: 4, unit: 'Sở Xây dựng', group: 'citizen', name: 'Lê Văn C', phone: '0987654321' },
    ]);
    first = res.links;
    const stored = await mine();
    for (const l of res.links)
      expect(stored.find((s) => s.address === l.phone)!.tokenHash).toBe(sha256(tokenOf(l)));
    // A row with an e-mail is mailed; its phone is not kept.
    expect(stored.map((s) => s.address).sort()).toEqual([
      '0912345678',
      '0987654321',
      'a.nguyen@example.vn',
      'd.pham@example.vn',
    ]);
    // A draft does not answer yet: the public page says it is not open.
    const early = await form(tokenOf(first[0]!));
    expect(early.statusCode).toBe(410);
    expect((early.json() as ErrorBody).error.key).toBe('survey.public.not_open');

    expect(await ok(upload(officer, url, 'ds.xlsx', sheet))).toEqual({
      rows: 4,
      created: 0,
      alreadyInvited: 4,
      sent: 0,
      links: [],
    });
    // The same phone written another way is the same person.
    const again = await ok<InvitationImportOut>(
      upload(
        officer,
        url,
        'ds.xlsx',
        await workbook([header, ['Sở Tư pháp', 'Người dân', 'Trần Thị B', '', '+84912345678']]),
      ),
    );
    expect(again).toMatchObject({ created: 0, alreadyInvited: 1, links: [] });
  });

  it('opens: only the e-mails are mailed; the phone link opens the form; reminders skip it', async () => {
    survey = await ok<SurveyDetailOut>(officer.request('GET', `/api/surveys/${survey.id}`));
    survey = await ok<SurveyDetailOut>(
      officer.request('POST', `/api/surveys/${survey.id}/open`, { version: survey.version }),
    );
    const stored = await mine();
    const mails = (
      await rows<{ dedupeKey: string; payload: { to: string } }>(
        t.database.db,
        sql`select dedupe_key as "dedupeKey", payload from jobs where kind = 'outside_email' and dedupe_key like 'survey:%'`,
      )
    ).filter((m) => stored.some((s) => m.dedupeKey.includes(s.id)));
    expect(mails.map((m) => m.payload.to).sort()).toEqual(['a.nguyen@example.vn', 'd.pham@example.vn']);
    const opened = await form(tokenOf(first[0]!));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ unit: { name: 'Sở Tư pháp' }, channel: 'invitation' });

    await remindInvitationsJob(t.database.db, new Date(Date.now() + 4 * 86_400_000));
    const after = await mine();
    for (const s of after) expect(s.reminders).toBe(s.address!.includes('@') ? 1 : 0);
    expect((await form(tokenOf(first[1]!))).statusCode).toBe(200);
  });

  it('re-issues the unused phone links (office only): the old link 404s, the new one works', async () => {
    const url = `/api/surveys/${survey.id}/invitations/links`;
    expect((await focal.request('POST', url)).statusCode).toBe(403);
    expect((await member.request('POST', url)).statusCode).toBe(403);
    // One of the two was used: only the other gets a new link.
    await t.database.db
      .update(surveyInvitations)
      .set({ used: true })
      .where(eq(surveyInvitations.tokenHash, sha256(tokenOf(first[1]!))));
    const res = await ok<InvitationLinksOut>(officer.request('POST', url));
    expect(res.links.map(({ url: _, ...l }) => l)).toEqual([
      { row: 1, unit: 'Sở Tư pháp', group: 'citizen', name: 'Trần Thị B', phone: '0912345678' },
    ]);
    expect(res.notice.vi).toMatch(/không còn dùng được/);
    expect((await form(tokenOf(first[0]!))).statusCode).toBe(404);
    expect((await form(tokenOf(res.links[0]!))).statusCode).toBe(200);
    expect(
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int n from audit_journal where entity_id = ${survey.id} and action = 'reissue_links'`,
        )
      )[0]!.n,
    ).toBe(1);

    // An anonymous survey's journal holds counts: no phone, no token, no link.
    const tokens = [...first, ...res.links].map(tokenOf);
    for (const needle of ['0912345678', '0987654321', '912345678', ...tokens]) {
      const leaked = await rows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int n from audit_journal where coalesce(after::text, '') || coalesce(before::text, '') like ${`%${needle}%`}`,
      );
      expect(leaked[0]!.n, needle).toBe(0);
    }
  });

  it('closes: the phones are erased like the addresses, and no link is re-issued', async () => {
    survey = await ok<SurveyDetailOut>(officer.request('GET', `/api/surveys/${survey.id}`));
    await ok(officer.request('POST', `/api/surveys/${survey.id}/close`, { version: survey.version }));
    expect((await mine()).map((s) => s.address)).toEqual([null, null, null, null]);
    const res = await officer.request('POST', `/api/surveys/${survey.id}/invitations/links`);
    expect(res.statusCode).toBe(409);
  });
});
