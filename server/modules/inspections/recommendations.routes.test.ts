/**
 * An inspection's conclusion and its recommendations through the API (issue 15), on both engines, on the demo
 * province: Sở Tư pháp's inspection of May 2026 (minutes signed by the plan step's demo) is concluded — the head of
 * the team (kiemtra@) drafts three numbered recommendations, the minutes and the notice open as .docx in the
 * administrative layout with the numbered recommendations and their deadlines dd/mm/yyyy; the standing agency
 * issues it ("Ban hành": a recommendation without text, a deadline before the conclusion, issuing twice are
 * refused; both documents land in the register with their numbers and files); the unit reports the remediation of
 * each with evidence, one is returned and reported again, all are verified and closed; verifying without a
 * report is refused; another department's focal point can neither see nor report them; an overdue one reaches the
 * standing agency and the member who follows the unit once; the year's figures count them.
 */
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { QueueOut, WorkItemOut } from '../work/work.schemas.js';
import { inspectionFiguresForReport, recommendationsRemediedOnTime } from './figures.service.js';
import { escalateOverdueRecommendations } from './overdue-escalation.service.js';
import type { ConclusionOut, FiguresOut, NumbersOut, RecommendationOut } from './recommendations.schemas.js';

type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let t: TestApp;
let officer: Caller;
let head: Caller;
let focal: Caller;
let leader: Caller;
let otherFocal: Caller;
let member: Caller;
let tuphap: string;
let inspectionId: string;
const today = todayInVietnam();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
function multipart(filename: string) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const headPart = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([headPart, PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The text of a .docx's body (its runs joined), after checking it is a zip with a Word document in it. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file('[Content_Types].xml')).not.toBeNull();
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(''))
    .join('\n');
}

const vn = (iso: string) => iso.split('-').reverse().join('/');

const conclusion = async (who: Caller) => {
  const res = await who.request('GET', `/api/inspections/${inspectionId}/conclusion`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ConclusionOut;
};

const work = (id: string) => `/api/work/inspection_recommendation/${id}`;
const act = (who: Caller, id: string, body: Record<string, unknown>) =>
  who.request('POST', `${work(id)}/actions`, body);
const item = async (who: Caller, id: string) => {
  const res = await who.request('GET', work(id));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WorkItemOut;
};
async function upload(who: Caller, id: string) {
  const { payload, headers } = multipart('bien-ban-khac-phuc.pdf');
  const res = await who.request('POST', `${work(id)}/files`, payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
const queue = async (who: Caller, view: 'owed' | 'review' | 'followed') => {
  const res = await who.request('GET', `/api/work/queue?view=${view}&limit=500`);
  expect(res.statusCode, res.body).toBe(200);
  // This inspection's (the demo's other concluded inspection has its own).
  return (res.json() as QueueOut).items.filter(
    (i) => i.kind === 'inspection_recommendation' && i.link.includes(inspectionId),
  );
};

const TEXTS = [
  'Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính năm 2026, bảo đảm kiểm tra ít nhất 50% đơn vị trực thuộc',
  'Khắc phục tình trạng hồ sơ cấp phiếu lý lịch tư pháp trễ hạn; gửi văn bản xin lỗi người dân theo quy định',
  'Nâng tỷ lệ số hóa kết quả giải quyết thủ tục hành chính lên ít nhất 80%',
];

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  head = await t.login('kiemtra@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  otherFocal = await t.login('daumoi.xaydung@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  const units = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  tuphap = units.items.find((u) => u.name === 'Sở Tư pháp')!.id;
  // The plan step's demo leaves Sở Tư pháp's inspection of May 2026 with its minutes signed.
  const found = await rows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM inspections WHERE unit_id = ${tuphap} AND status = 'minutes_signed' ORDER BY planned_from LIMIT 1`,
  );
  expect(found, 'the demo inspection of Sở Tư pháp with its minutes signed').toHaveLength(1);
  inspectionId = found[0]!.id;
});
afterAll(() => t?.close());

let issued: RecommendationOut[] = [];

describe('the demo province', () => {
  it('has Sở Xây dựng’s inspection concluded: three recommendations verified on time, awaiting review, overdue', async () => {
    const found = await rows<{ id: string; concluded_on: string }>(
      t.database.db,
      sql`SELECT id, concluded_on::text FROM inspections
           WHERE status = 'concluded' AND minutes_document_id IS NOT NULL AND conclusion_document_id IS NOT NULL`,
    );
    expect(found).toHaveLength(1);
    const demo = (
      await officer.request('GET', `/api/inspections/${found[0]!.id}/conclusion`)
    ).json() as ConclusionOut;
    expect(demo.unit.name).toBe('Sở Xây dựng');
    expect(demo.documents.minutes?.numberSymbol).toMatch(/^\d{2}\/BB-ĐKT$/);
    expect(demo.documents.conclusion?.numberSymbol).toMatch(/^\d{2}\/TB-ĐKT$/);
    expect(demo.issued.map((r) => [r.number, r.status, r.timing?.state])).toEqual([
      [1, 'verified', 'done_on_time'],
      [2, 'reported_done', 'on_track'],
      [3, 'in_progress', 'overdue'],
    ]);
    expect(demo.issued.every((r) => r.findingIds.length === 1)).toBe(true);
    // The team's head sees the one awaiting review; Sở Xây dựng owes the overdue one.
    const review = (
      (await head.request('GET', '/api/work/queue?view=review&limit=500')).json() as QueueOut
    ).items.filter((i) => i.kind === 'inspection_recommendation');
    expect(review.map((i) => i.id)).toEqual([demo.issued[1]!.id]);
    const owed = (
      (await otherFocal.request('GET', '/api/work/queue?view=owed&limit=500')).json() as QueueOut
    ).items.filter((i) => i.kind === 'inspection_recommendation');
    expect(owed.map((i) => [i.id, i.timing?.state])).toEqual([[demo.issued[2]!.id, 'overdue']]);
  });
});

describe('the conclusion: drafted by the head of the team, previewed, issued by the standing agency', () => {
  it('the head drafts three numbered recommendations to the unit; the unit may not', async () => {
    const before = await conclusion(head);
    expect(before.abilities).toEqual({ draft: true, issue: false });
    expect(before.units[0]).toMatchObject({ id: tuphap, name: 'Sở Tư pháp' });
    const shortcomings = before.findings.filter((f) => f.result === 'shortcoming');
    expect(shortcomings.length).toBeGreaterThanOrEqual(3);
    expect(before.rules.workingDays).toBe(20);
    const draft = {
      version: before.version,
      summary:
        'Sở Tư pháp triển khai cơ bản đầy đủ các nhiệm vụ CCHC năm 2026.\nCòn một số tồn tại cần khắc phục.',
      recommendations: TEXTS.map((text, i) => ({
        text,
        unitId: tuphap,
        dueDate: null,
        findingIds: [shortcomings[i]!.id],
      })),
      minutes: {
        place: 'trụ sở Sở Tư pháp',
        representatives: [{ name: 'Vũ Thị Lãnh Đạo', position: 'Giám đốc Sở' }],
      },
    };
    expect(
      (await focal.request('PUT', `/api/inspections/${inspectionId}/conclusion`, draft)).statusCode,
    ).toBe(403);
    const res = await head.request('PUT', `/api/inspections/${inspectionId}/conclusion`, draft);
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as ConclusionOut;
    expect(saved.recommendations.map((r) => r.text)).toEqual(TEXTS);
    expect(saved.recommendations.every((r) => r.effectiveDueDate === saved.rules.defaultDueDate)).toBe(true);
    expect(saved.problems).toEqual([]);
    // A stale version is refused.
    expect((await head.request('PUT', `/api/inspections/${inspectionId}/conclusion`, draft)).statusCode).toBe(
      409,
    );
  });

  it('the minutes and the notice open as .docx in the administrative layout', async () => {
    const minutes = await head.request('GET', `/api/inspections/${inspectionId}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toContain('wordprocessingml');
    const m = await docxText(minutes.rawPayload);
    for (const s of [
      'BIÊN BẢN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Ngô Văn Kiểm Tra',
      'Trưởng đoàn',
      'Vũ Thị Lãnh Đạo',
    ])
      expect(m).toContain(s);
    expect(m).toContain('Còn tồn tại, hạn chế');
    expect(m).toMatch(/ngày 12\/05\/2026/);

    const notice = await focal.request('GET', `/api/inspections/${inspectionId}/conclusion.docx?issuer=team`);
    expect(notice.statusCode).toBe(200);
    const c = await docxText(notice.rawPayload);
    const due = (await conclusion(head)).rules.defaultDueDate;
    expect(c).toContain('THÔNG BÁO');
    expect(c).toContain('/TB-ĐKT');
    for (const [i, text] of TEXTS.entries()) expect(c).toContain(`${i + 1}. ${text}`);
    expect(c).toContain(`thời hạn hoàn thành: ${vn(due)}`);
    expect(c).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('issuing is the standing agency’s; an empty recommendation or a deadline before the conclusion is refused', async () => {
    let current = await conclusion(officer);
    expect(current.abilities).toEqual({ draft: true, issue: true });
    expect(
      (
        await head.request('POST', `/api/inspections/${inspectionId}/conclusion/issue`, {
          version: current.version,
        })
      ).statusCode,
    ).toBe(403);
    const bad = {
      version: current.version,
      summary: 'Kết luận',
      recommendations: [
        { text: TEXTS[0], unitId: tuphap, dueDate: null, findingIds: [] },
        { text: '  ', unitId: tuphap, dueDate: '2026-01-05', findingIds: [] },
      ],
    };
    const put = await officer.request('PUT', `/api/inspections/${inspectionId}/conclusion`, bad);
    expect(put.statusCode, put.body).toBe(200);
    current = put.json() as ConclusionOut;
    expect(current.problems.map((p) => p.field)).toEqual([
      'recommendations.1.text',
      'recommendations.1.dueDate',
    ]);
    const refused = await officer.request('POST', `/api/inspections/${inspectionId}/conclusion/issue`, {
      version: current.version,
    });
    expect(refused.statusCode).toBe(400);
    const error = (refused.json() as ErrorBody).error;
    expect(error.details?.map((d) => d.field)).toEqual([
      'recommendations.1.text',
      'recommendations.1.dueDate',
    ]);
    expect(error.details?.[1]?.message).toContain(vn(today));
    // The head's draft again (three recommendations, the second due on a set day).
    const shortcomings = current.findings.filter((f) => f.result === 'shortcoming');
    const calendar = await loadCalendar(t.database.db);
    const put2 = await head.request('PUT', `/api/inspections/${inspectionId}/conclusion`, {
      version: current.version,
      summary: 'Sở Tư pháp triển khai cơ bản đầy đủ các nhiệm vụ CCHC năm 2026.',
      recommendations: TEXTS.map((text, i) => ({
        text,
        unitId: tuphap,
        dueDate: i === 1 ? calendar.addWorkingDays(today, 10) : null,
        findingIds: [shortcomings[i]!.id],
      })),
      minutes: {
        place: 'trụ sở Sở Tư pháp',
        representatives: [{ name: 'Vũ Thị Lãnh Đạo', position: 'Giám đốc Sở' }],
      },
    });
    expect(put2.statusCode, put2.body).toBe(200);
  });

  it('"Ban hành" registers the minutes and the notice with the next numbers, concludes, and creates the recommendations', async () => {
    const current = await conclusion(officer);
    const numbers = (
      await officer.request('GET', `/api/inspections/${inspectionId}/conclusion/numbers?issuer=team`)
    ).json() as NumbersOut;
    expect(numbers.minutes.numberSymbol).toMatch(/^\d{2}\/BB-ĐKT$/);
    expect(numbers.conclusion.numberSymbol).toMatch(/^\d{2}\/TB-ĐKT$/);
    expect(numbers.minutes.issuedOn).toBe('2026-05-12');
    const res = await officer.request('POST', `/api/inspections/${inspectionId}/conclusion/issue`, {
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    const done = res.json() as ConclusionOut;
    expect(done).toMatchObject({ status: 'concluded', concludedOn: today });
    expect(done.documents.minutes?.numberSymbol).toBe(numbers.minutes.numberSymbol);
    expect(done.documents.conclusion?.numberSymbol).toBe(numbers.conclusion.numberSymbol);
    expect(done.issued.map((r) => [r.number, r.text, r.status])).toEqual(
      TEXTS.map((text, i) => [i + 1, text, 'not_started']),
    );
    expect(done.issued[0]!.dueDate).toBe(current.rules.defaultDueDate);
    expect(done.issued[1]!.dueDate).toBe((await loadCalendar(t.database.db)).addWorkingDays(today, 10));
    issued = done.issued;

    // Both are in the register with their .docx; the notice's file carries its number.
    for (const doc of [done.documents.minutes!, done.documents.conclusion!]) {
      const got = await officer.request('GET', `/api/documents/${doc.id}`);
      expect(got.statusCode).toBe(200);
      const record = got.json() as { files: { id: string; originalName: string }[]; numberSymbol: string };
      expect(record.files).toHaveLength(1);
      expect(record.files[0]!.originalName).toMatch(/\.docx$/);
      const file = await officer.request('GET', `/api/files/${record.files[0]!.id}/download`);
      expect(file.statusCode).toBe(200);
      expect(await docxText(file.rawPayload)).toContain(`Số: ${doc.numberSymbol}`);
    }
    const notice = await docxText(
      (await officer.request('GET', `/api/inspections/${inspectionId}/conclusion.docx`)).rawPayload,
    );
    expect(notice).toContain(`Số: ${numbers.conclusion.numberSymbol}`);
    for (const r of done.issued) expect(notice).toContain(`thời hạn hoàn thành: ${vn(r.dueDate)}`);

    // Concluding twice is a 409; so is drafting after.
    const again = await officer.request('POST', `/api/inspections/${inspectionId}/conclusion/issue`, {
      version: done.version,
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as ErrorBody).error.message).toContain('không thể ban hành lần thứ hai');
  });
});

describe('the recommendations as work the unit owes', () => {
  it('are on the unit’s list of work with their words, and hidden from another department', async () => {
    const owed = await queue(focal, 'owed');
    expect(owed.map((i) => i.id).sort()).toEqual(issued.map((r) => r.id).sort());
    expect(owed[0]!.title).toMatch(/^Kiến nghị số \d: /);
    expect(owed[0]!.context.vi).toContain('Kết luận kiểm tra CCHC tại Sở Tư pháp');
    expect(owed.every((i) => i.allowedActions.includes('report_done') && i.evidenceRequired)).toBe(true);
    expect(await queue(otherFocal, 'owed')).toEqual([]);
    expect((await otherFocal.request('GET', work(issued[0]!.id))).statusCode).toBe(403);
    const refused = await act(otherFocal, issued[0]!.id, {
      action: 'report_done',
      version: issued[0]!.version,
      output: 'Đã khắc phục',
    });
    expect(refused.statusCode).toBe(403);
    // The member who follows Sở Tư pháp sees them among the open work of the units followed.
    expect((await queue(member, 'followed')).map((i) => i.id)).toEqual(
      expect.arrayContaining(issued.map((r) => r.id)),
    );
  });

  it('cannot be verified without a remediation report; a report needs its text and evidence', async () => {
    const r = issued[0]!;
    const early = await act(head, r.id, { action: 'verify', version: r.version });
    expect(early.statusCode).toBe(409);
    expect((early.json() as ErrorBody).error.message).toContain('chưa báo cáo kết quả khắc phục');
    const noEvidence = await act(focal, r.id, {
      action: 'report_done',
      version: r.version,
      output: 'Đã ban hành',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(
      (await act(head, r.id, { action: 'report_done', version: r.version, output: 'x' })).statusCode,
    ).toBe(403);
  });

  it('the unit reports the remediation of each with evidence; the team sees them in its review queue', async () => {
    for (const r of issued) {
      const fileId = await upload(focal, r.id);
      const res = await act(focal, r.id, {
        action: 'report_done',
        version: r.version,
        output: `Đã khắc phục kiến nghị số ${r.number}; gửi kèm minh chứng.`,
        fileIds: [fileId],
      });
      expect(res.statusCode, res.body).toBe(200);
      const out = res.json() as { item: WorkItemOut; next: { vi: string } };
      expect(out.item.status).toBe('reported_done');
      expect(out.item.reported?.files).toHaveLength(1);
      expect(out.next.vi).toContain('Đoàn kiểm tra');
    }
    const review = await queue(head, 'review');
    expect(review.map((i) => i.id).sort()).toEqual(issued.map((r) => r.id).sort());
    expect(review[0]!.allowedActions).toEqual(expect.arrayContaining(['verify', 'return']));
    expect((await queue(officer, 'review')).map((i) => i.id)).toEqual(
      expect.arrayContaining(issued.map((r) => r.id)),
    );
    // The unit's people never verify their own remediation.
    const mine = await item(leader, issued[0]!.id);
    expect(mine.allowedActions).toEqual(['withdraw_report']);
    expect((await act(leader, mine.id, { action: 'verify', version: mine.version })).statusCode).toBe(403);
  });

  it('one is returned with a reason and reported again, citing its earlier evidence; two are verified', async () => {
    const second = await item(head, issued[1]!.id);
    expect((await act(head, second.id, { action: 'return', version: second.version })).statusCode).toBe(400);
    const returned = await act(head, second.id, {
      action: 'return',
      version: second.version,
      reason: 'Chưa kèm danh sách văn bản xin lỗi đã gửi người dân.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const back = await item(focal, second.id);
    expect(back).toMatchObject({
      status: 'returned',
      lastReason: 'Chưa kèm danh sách văn bản xin lỗi đã gửi người dân.',
    });
    const again = await act(focal, second.id, {
      action: 'report_done',
      version: back.version,
      output: 'Bổ sung danh sách 14 văn bản xin lỗi đã gửi.',
      fileIds: back.reported!.files.map((f) => f.id),
    });
    expect(again.statusCode, again.body).toBe(200);
    for (const id of [issued[0]!.id, issued[1]!.id]) {
      const now = await item(head, id);
      const res = await act(head, id, { action: 'verify', version: now.version });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { next: unknown }).next).toBeNull();
    }
  });

  it('an overdue one reaches the standing agency and the member who follows the unit, once', async () => {
    // The third, withdrawn, is still owed; at a working day past its due date it is overdue.
    const third = await item(focal, issued[2]!.id);
    expect(
      (await act(focal, third.id, { action: 'withdraw_report', version: third.version })).statusCode,
    ).toBe(200);
    const calendar = await loadCalendar(t.database.db);
    const later = calendar.addWorkingDays(third.dueDate!, 3);
    const at = new Date(`${later}T03:00:00Z`);
    const first = await escalateOverdueRecommendations(t.database.db, at);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const second = await escalateOverdueRecommendations(t.database.db, at);
    expect(second.notified).toBe(0);
    for (const who of [member, officer]) {
      const inbox = (await who.request('GET', '/api/notifications?limit=200')).json() as {
        items: { title: string; body: string; entity: { type: string; id: string } | null }[];
      };
      const mine = inbox.items.filter((n) => n.entity?.id === third.id && n.title.includes('quá hạn'));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.body).toContain(vn(third.dueDate!));
    }
    // The unit itself is not told by this sweep (its reminders are the engine's).
    const unitInbox = (await focal.request('GET', '/api/notifications?limit=200')).json() as {
      items: { title: string; entity: { id: string } | null }[];
    };
    expect(
      unitInbox.items.filter((n) => n.entity?.id === third.id && n.title.includes('quá hạn')),
    ).toHaveLength(0);
  });

  it('the last is reported again and verified: all closed; the figures count them', async () => {
    const third = await item(focal, issued[2]!.id);
    const res = await act(focal, third.id, {
      action: 'report_done',
      version: third.version,
      output: 'Tỷ lệ số hóa đạt 81%.',
      fileIds: third.reported!.files.map((f) => f.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    const now = await item(head, third.id);
    expect((await act(head, now.id, { action: 'verify', version: now.version })).statusCode).toBe(200);
    const list = (await focal.request('GET', `/api/inspections/${inspectionId}/recommendations`)).json() as {
      items: RecommendationOut[];
    };
    expect(list.items.map((r) => [r.status, r.closedOn, r.timing?.state])).toEqual(
      issued.map(() => ['verified', today, 'done_on_time']),
    );
    expect(await queue(focal, 'owed')).toEqual([]);
    expect(await queue(head, 'review')).toEqual([]);
    // Verified is final.
    const closed = await item(head, issued[0]!.id);
    expect(closed.allowedActions).toEqual([]);
    expect(
      (await act(head, closed.id, { action: 'return', version: closed.version, reason: 'x' })).statusCode,
    ).toBe(409);

    // The inspection was conducted in 2026 (the demo's plan year); it was concluded, and its recommendations
    // verified, today.
    const figuresOf = async (year: number) => {
      const res = await officer.request('GET', `/api/inspections/figures?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as FiguresOut;
    };
    const of2026 = await figuresOf(2026);
    expect(of2026.inspections.done.ids).toContain(inspectionId);
    expect(of2026.inspections.planned.ids).toContain(inspectionId);
    expect(of2026.inspections.plannedDone.ids).toContain(inspectionId);
    const byArea = of2026.findings.find((f) => f.area === 'direction')!;
    expect(byArea.shortcoming.value).toBe(byArea.shortcoming.ids.length);
    expect(byArea.shortcoming.value).toBeGreaterThan(0);
    const year = Number(today.slice(0, 4));
    const figures = year === 2026 ? of2026 : await figuresOf(year);
    expect(figures.inspections.concluded.ids).toContain(inspectionId);
    expect(figures.recommendations.verifiedOnTime.ids).toEqual(
      expect.arrayContaining(issued.map((r) => r.id)),
    );
    expect(figures.recommendations.total.value).toBe(figures.recommendations.total.ids.length);
    expect(figures.recommendations.overdue.ids).not.toEqual(expect.arrayContaining([issued[2]!.id]));
    expect(figures.records.recommendations.map((r) => r.id)).toEqual(
      expect.arrayContaining(issued.map((r) => r.id)),
    );
    expect((await focal.request('GET', `/api/inspections/figures?year=${year}`)).statusCode).toBe(403);

    // The reports' prefill reads the same figures for the province's report.
    const provinceId = (
      await rows<{ province_id: string }>(
        t.database.db,
        sql`SELECT province_id FROM inspections WHERE id = ${inspectionId}`,
      )
    )[0]!.province_id;
    const forReport = await inspectionFiguresForReport(systemContext(t.database.db), [provinceId], {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(forReport.get(provinceId)).toMatchObject({
      planned: of2026.inspections.planned.value,
      plannedDone: of2026.inspections.plannedDone.value,
      done: of2026.inspections.done.value,
      surprise: of2026.inspections.surprise.value,
    });
    const dueYear = Number(issued[0]!.dueDate.slice(0, 4));
    const onTime = await recommendationsRemediedOnTime(systemContext(t.database.db), tuphap, dueYear);
    expect(onTime.remediedOnTime).toEqual(
      expect.arrayContaining(issued.filter((r) => r.dueDate.startsWith(String(dueYear))).map((r) => r.id)),
    );
  });
});
