import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { loadActor } from '../access/access.service.js';
import { rosterOfCommittee } from '../committees/committees.service.js';
import { overdueWork } from '../work/work.service.js';
import { addDays } from '../calendar/index.js';
import { viDate, WORK_KIND_LABELS } from './briefing-content.js';

type File = { id: string; originalName: string; mediaType: string; size: number };
type Pack = { meeting: { id: string; files: File[]; version: number }; files: File[] };
type Member = { id: string; position: string };

let t: TestApp;
let officer: Caller;
let focal: Caller;
let member: Caller;
let committeeId: string;
let meetingId: string;
let meetingDate: string;
let first: Pack;

/** The text of a .docx's body (its runs joined). */
const docxText = async (bytes: Buffer) =>
  (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** A PDF literal string's bytes (pdfkit escapes \\, ( and ) and control characters). */
function literalBytes(pdf: Buffer, start: number): Buffer {
  const out: number[] = [];
  for (let i = start; i < pdf.length; i++) {
    const b = pdf[i]!;
    if (b === 0x29) break;
    if (b !== 0x5c) {
      out.push(b);
      continue;
    }
    const n = pdf[++i]!;
    const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
    if (esc[n] !== undefined) out.push(esc[n]);
    else if (n >= 0x30 && n <= 0x37) {
      let oct = String.fromCharCode(n);
      while (oct.length < 3 && pdf[i + 1]! >= 0x30 && pdf[i + 1]! <= 0x37)
        oct += String.fromCharCode(pdf[++i]!);
      out.push(parseInt(oct, 8));
    } else out.push(n);
  }
  return Buffer.from(out);
}

/** The PDF's document title (Info /Title, UTF-16BE with its byte order mark). */
function pdfTitle(pdf: Buffer): string {
  const latin = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(latin);
  const at = ref ? latin.indexOf('(', latin.indexOf(`\n${ref[1]} 0 obj`)) : latin.indexOf('/Title (') + 7;
  const bytes = literalBytes(pdf, at + 1);
  const swapped = Buffer.from(bytes.subarray(2));
  swapped.swap16();
  return swapped.toString('utf16le');
}

beforeAll(async () => {
  t = await testApp();
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  const list = (await officer.request('GET', '/api/committees?level=province')).json() as {
    items: { id: string }[];
  };
  committeeId = list.items[0]!.id;
  meetingDate = addDays(todayInVietnam(), 14);
  const { members } = (
    await officer.request('GET', `/api/committees/${committeeId}/composition?asOf=${meetingDate}`)
  ).json() as { members: Member[] };
  const res = await officer.request('POST', `/api/committees/${committeeId}/meetings`, {
    kind: 'session',
    title: 'Phiên họp Ban Chỉ đạo cuối năm',
    date: meetingDate,
    chairMembershipId: members.find((m) => m.position === 'truong_ban')!.id,
    attendeeMembershipIds: members.filter((m) => m.position !== 'truong_ban').map((m) => m.id),
    agenda: ['Đánh giá kết quả cải cách hành chính năm', 'Nhiệm vụ trọng tâm năm tới'],
  });
  expect(res.statusCode, res.body).toBe(201);
  meetingId = (res.json() as { id: string }).id;
}, 900_000);
afterAll(() => t.close());

describe('POST /api/meetings/:id/briefing', () => {
  it('is refused to a unit’s focal point and to a member (the meetings’ managers and the committee’s leaders make it)', async () => {
    for (const caller of [focal, member]) {
      const res = await caller.request('POST', `/api/meetings/${meetingId}/briefing`);
      expect(res.statusCode, res.body).toBe(403);
    }
  });

  it('attaches a .docx and a PDF to the meeting for the standing officer', async () => {
    const res = await officer.request('POST', `/api/meetings/${meetingId}/briefing`);
    expect(res.statusCode, res.body).toBe(200);
    first = res.json() as Pack;
    expect(first.files.map((f) => f.mediaType)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
    ]);
    expect(first.files[0]!.originalName).toMatch(/^Tài liệu phục vụ họp \d\d-\d\d-\d{4} \(lập .+\)\.docx$/);
    const ids = first.meeting.files.map((f) => f.id);
    for (const f of first.files) expect(ids).toContain(f.id);
  }, 120_000);

  it('writes the title, each member, and each unit’s overdue work in the .docx', async () => {
    const res = await officer.request('GET', `/api/meetings/${meetingId}/files/${first.files[0]!.id}`);
    expect(res.statusCode).toBe(200);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      `Tóm tắt phục vụ phiên họp Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An ngày ${viDate(meetingDate)}`,
    );
    expect(text).toContain('I. MỘT SỐ CHỈ SỐ CHỦ YẾU');
    expect(text).toContain('IV. ĐỀ XUẤT NỘI DUNG PHIÊN HỌP');
    expect(text).toContain('1. Đánh giá kết quả cải cách hành chính năm');
    // The charts are pictures in the document.
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(
      Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png')),
    ).toHaveLength(3);

    // Members and their units' overdue counts, as the work engine counts them today.
    const session = (await officer.request('GET', '/api/auth/session')).json() as {
      user: { id: string; email: string; fullName: string; unitId: string | null };
    };
    const ctx = systemContext(t.database.db, await loadActor(t.database.db, session.user));
    const roster = await rosterOfCommittee(ctx, committeeId, meetingDate);
    expect(roster.length).toBeGreaterThan(0);
    for (const m of roster) expect(text).toContain(`Đồng chí ${m.name}`);
    const followed = roster.flatMap((m) => m.assignments);
    expect(followed.length).toBeGreaterThan(0);
    const items = await overdueWork(
      ctx,
      followed.map((a) => a.unitId),
      todayInVietnam(),
    );
    const own = (unitId: string) => items.filter((i) => i.unit.id === unitId);
    const withWork = followed.find((a) => own(a.unitId).length > 0);
    expect(withWork, 'the demo has a followed unit with overdue work').toBeTruthy();
    const kinds = new Map<string, number>();
    for (const i of own(withWork!.unitId)) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
    for (const [kind, n] of kinds) expect(text).toContain(`${WORK_KIND_LABELS[kind]}: ${n}`);
    expect(text).toContain(withWork!.unitName);
  });

  it('writes a PDF of several pages in the embedded Liberation Serif, titled in Vietnamese', async () => {
    const res = await officer.request('GET', `/api/meetings/${meetingId}/files/${first.files[1]!.id}`);
    expect(res.statusCode).toBe(200);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const latin = pdf.toString('latin1');
    expect((latin.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(latin).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif\b/);
    expect(latin).toContain('/FontFile2');
    expect(latin).toContain('/ToUnicode');
    expect(latin).not.toMatch(/\/BaseFont \/(Helvetica|Times-Roman|Courier)/);
    expect(pdfTitle(pdf)).toBe(
      `Báo cáo tóm tắt phục vụ phiên họp Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An ngày ${viDate(meetingDate)}`,
    );
  });

  it('adds a new pair on each generation and keeps the earlier files', async () => {
    const res = await officer.request('POST', `/api/meetings/${meetingId}/briefing`);
    expect(res.statusCode, res.body).toBe(200);
    const second = res.json() as Pack;
    expect(second.files).toHaveLength(2);
    const ids = second.meeting.files.map((f) => f.id);
    for (const f of [...first.files, ...second.files]) expect(ids).toContain(f.id);
    const earlier = new Set(first.files.map((f) => f.id));
    expect(second.files.filter((f) => earlier.has(f.id))).toEqual([]);
    const history = (await officer.request('GET', `/api/meetings/${meetingId}/history`)).json() as {
      items: { action: string }[];
    };
    expect(history.items.filter((h) => h.action === 'attach_file').length).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('the committee head makes it himself, though he may not otherwise change the meeting', async () => {
    const head = await t.login('truongban@chidao.demo');
    const meeting = (await head.request('GET', `/api/meetings/${meetingId}`)).json() as {
      abilities: { update: boolean; brief: boolean };
    };
    expect(meeting.abilities).toMatchObject({ update: false, brief: true });
    const res = await head.request('POST', `/api/meetings/${meetingId}/briefing`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Pack).files).toHaveLength(2);
    const edit = await head.request('PATCH', `/api/meetings/${meetingId}`, { version: 1, minutes: 'x' });
    expect(edit.statusCode).toBe(403);
  }, 120_000);

  it('answers 404 for an unknown meeting', async () => {
    const res = await officer.request('POST', '/api/meetings/00000000-0000-4000-8000-000000000000/briefing');
    expect(res.statusCode).toBe(404);
  });
});
