import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../core/context.js';
import { hideSubmitterKey } from '../../app.js';
import { rows } from '../../db/client.js';
import { createHash } from 'node:crypto';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { receiveHotlineMail } from './intake.service.js';

/**
 * The hotline end to end through the API (issue 14): a citizen submits on the public form (captcha, files
 * checked by content, a repeat is the same case), tracks it by code without seeing anyone's personal data, the
 * officer triages it per Decree 20 to the unit the routing table suggests, the unit answers through the work
 * engine, the office returns once and then approves (published with personal data removed), the citizen rates
 * it and reopens it once; staff intake, refusal, forwarding, merge, escalation; e-mail intake keyed by Message-ID.
 */

let t: TestApp;
let officer: Caller;
let hotline: Caller;
let focal: Caller;
let xaydung: Caller;
let categories: Map<string, string>;
let units: Map<string, string>;

type ErrorBody = { error: { code: string; key: string; message: string; details?: { field: string }[] } };
type Detail = {
  id: string;
  code: string;
  status: string;
  version: number;
  dueDate: string | null;
  handlingUnit: { id: string; name: string } | null;
  submitter: { name: string; phone: string; email: string } | null;
  suggestion: { unit: { id: string; name: string } | null } | null;
  duplicates: { id: string; code: string; reasons: string[] }[];
  officeActions: string[];
  work: { allowedActions: string[]; version: number } | null;
  publishedAnswer: string | null;
  files: { id: string; mediaType: string }[];
};
type PublicCase = {
  code: string;
  stage: string;
  answer: string | null;
  description: string | null;
  canRate: boolean;
  canReopen: boolean;
  satisfaction: string | null;
  rating: { satisfaction: string; on: string; comment: string | null } | null;
  following: boolean | null;
  answerFiles: { id: string; name: string; size: number; mediaType: string }[];
  steps: { stage: string; note: string | null }[];
};
type FieldErrors = { error: { message: string; details: { field: string; message: string }[] } };

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** An evidence file for a case's step (the work engine's upload: multipart field "file"); its id. */
async function uploadFor(who: Caller, caseId: string, name: string, content: Buffer, type: string) {
  const boundary = '----chidaofile' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await who.request('POST', `/api/work/feedback_case/${caseId}/files`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  return ok<{ id: string }>(res, 201).id;
}

/** A public file of a case, as anyone downloads it. */
const publicFile = (code: string, fileId: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${code}/files/${fileId}` });

/** Whether SHA-256(`salt:nonce`) starts with `difficulty` zero bits (the captcha's rule, ../captcha/pow.ts). */
function isSolution(salt: string, difficulty: number, nonce: string): boolean {
  const hash = createHash('sha256').update(`${salt}:${nonce}`).digest();
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) bits += 8;
    else return bits + Math.clz32(byte) - 24 >= difficulty;
  }
  return bits >= difficulty;
}

/** A solved captcha (what the public page's worker does). */
async function captcha() {
  const res = await t.app.inject({ method: 'GET', url: '/api/captcha' });
  const c = ok<{ token: string; salt: string; difficulty: number }>(res);
  for (let n = 0; ; n++)
    if (isSolution(c.salt, c.difficulty, String(n))) return { token: c.token, nonce: String(n) };
}

/** A multipart body: the JSON `data` first, then files. */
function multipart(data: unknown, files: { name: string; type: string; content: Buffer }[] = []) {
  const boundary = '----chidaotest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function submit(
  data: Record<string, unknown>,
  files: Parameters<typeof multipart>[1] = [],
  ip = '203.0.113.7',
  language = 'vi',
) {
  const body = multipart({ captcha: await captcha(), ...data }, files);
  return t.app.inject({
    method: 'POST',
    url: '/api/public/hotline/feedback',
    remoteAddress: ip,
    ...body,
    headers: { ...body.headers, 'accept-language': language },
  });
}

const CITIZEN = { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', email: 'hoa.test@example.vn' };

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  const form = ok<{ categories: { id: string; key: string }[] }>(
    await t.app.inject({ method: 'GET', url: '/api/public/hotline/form' }),
  );
  categories = new Map(form.categories.map((c) => [c.key, c.id]));
  const all = ok<{ items: { id: string; name: string }[] }>(
    await officer.request('GET', '/api/units?limit=5000&asOf=2026-12-01'),
  );
  units = new Map(all.items.map((u) => [u.name, u.id] as const));
});
afterAll(() => t.close());

describe('the public form', () => {
  it('offers the categories, the file limits and the deadlines; finds units without accents', async () => {
    const form = ok<{
      province: string;
      categories: unknown[];
      limits: { files: number };
      triageWorkingDays: number;
    }>(await t.app.inject({ method: 'GET', url: '/api/public/hotline/form' }));
    expect(form.province).toMatch(/Nghệ An/);
    expect(form.categories.length).toBeGreaterThanOrEqual(10);
    expect(form.limits.files).toBe(5);
    const found = ok<{ items: { name: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/public/hotline/units?q=vinh%20hung' }),
    );
    expect(found.items.map((u) => u.name)).toContain('Phường Vinh Hưng');
  });

  it('refuses a submission without a solved captcha, and a file that is not an image or PDF by content', async () => {
    const noCaptcha = multipart({
      categoryId: categories.get('ho_tich'),
      title: 'x',
      description: 'y',
      captcha: { token: 'a.b', nonce: '1' },
    });
    const res = await t.app.inject({ method: 'POST', url: '/api/public/hotline/feedback', ...noCaptcha });
    expect(res.statusCode).toBe(400);
    const fake = await submit(
      {
        categoryId: categories.get('ho_tich'),
        title: 'Ảnh giả',
        description: 'Tệp đổi đuôi thành ảnh để thử máy chủ.',
      },
      [
        {
          name: 'anh.jpg',
          type: 'image/jpeg',
          content: Buffer.from('MZ this is an executable, not a picture'),
        },
      ],
    );
    expect(fake.statusCode, fake.body).toBeGreaterThanOrEqual(400);
    expect(fake.statusCode).toBeLessThan(500);
    expect((fake.json() as ErrorBody).error.key).toMatch(/^(file\.type_not_allowed|hotline\.file_type)$/);
    const missing = await submit({ categoryId: categories.get('ho_tich'), title: '', description: '' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as ErrorBody).error.details?.map((d) => d.field)).toEqual(
      expect.arrayContaining(['title', 'description']),
    );
  });

  it('says what is wrong field by field, in Vietnamese or in English, never in Zod’s words', async () => {
    const bad = {
      categoryId: 'khong-phai-ma',
      title: 'T'.repeat(201),
      description: 'Ngắn quá',
      email: 'ten@',
      lat: 200,
    };
    const vi = ok<FieldErrors>(await submit(bad), 400).error;
    const byField = (e: FieldErrors['error']) =>
      Object.fromEntries(e.details.map((d) => [d.field, d.message]));
    expect(vi.message).toBe('Vui lòng sửa các mục sau:');
    expect(byField(vi)).toEqual({
      categoryId: 'Vui lòng chọn lĩnh vực.',
      title: 'Dài quá 200 ký tự.',
      description: 'Vui lòng nhập nội dung phản ánh (ít nhất 20 ký tự).',
      email: 'Địa chỉ e-mail chưa đúng, ví dụ: ten@example.vn.',
      lat: 'Vị trí trên bản đồ chưa đúng; vui lòng bỏ vị trí rồi thử lại.',
    });
    const en = ok<FieldErrors>(await submit(bad, [], '203.0.113.8', 'en-GB,en;q=0.8'), 400).error;
    expect(en.message).toBe('Please correct the following:');
    expect(byField(en)).toMatchObject({
      description: 'Please describe your feedback (at least 20 characters).',
      title: 'Longer than 200 characters.',
    });
    // Absent fields are asked for too (the description with its length).
    const absent = ok<FieldErrors>(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/hotline/feedback',
        ...multipart({ captcha: await captcha() }),
      }),
      400,
    ).error;
    expect(byField(absent)).toMatchObject({
      categoryId: 'Vui lòng chọn lĩnh vực.',
      title: 'Vui lòng nhập tiêu đề.',
      description: 'Vui lòng nhập nội dung phản ánh (ít nhất 20 ký tự).',
    });
    for (const e of [vi, en, absent])
      for (const d of e.details) expect(d.message).not.toMatch(/Invalid|Too (small|big)|expected|received/);
  });
});

describe('a citizen’s feedback from submission to a rated answer', () => {
  let code: string;
  let key: string;
  let id: string;
  const files: Record<'first' | 'photo' | 'letter' | 'record' | 'note', string> = {
    first: '',
    photo: '',
    letter: '',
    record: '',
    note: '',
  };

  it('is received with a tracking code and a key; the same idempotency key is the same case', async () => {
    const data = {
      categoryId: categories.get('ho_tich'),
      subjectUnitId: units.get('Sở Tư pháp'),
      title: 'Không được hướng dẫn trích lục khai sinh trực tuyến',
      description: `Tôi là ${CITIZEN.name}, số điện thoại ${CITIZEN.phone}. Tôi đề nghị được hướng dẫn trích lục khai sinh trực tuyến.`,
      ...CITIZEN,
      follow: true,
      idempotencyKey: 'test-idem-0001-abcdef',
    };
    const first = ok<{ code: string; key: string; link: string; created: boolean; triageDueDate: string }>(
      await submit(data, [{ name: 'anh.png', type: 'image/png', content: PNG }]),
      201,
    );
    expect(first.code).toMatch(/^PA-/);
    expect(first.key).toMatch(/^[0-9A-Z]{8}$/);
    expect(first.link).toBe(`/phan-anh/tra-cuu/${first.code}?key=${first.key}`);
    const again = ok<{ code: string; created: boolean; key: string }>(await submit(data), 200);
    expect(again).toMatchObject({ code: first.code, created: false, key: '' });
    code = first.code;
    key = first.key;
  });

  it('the same content from the same address within minutes is the same case too', async () => {
    const data = {
      categoryId: categories.get('giao_thong'),
      title: 'Đèn tín hiệu hỏng',
      description: 'Ngã tư Quang Trung hỏng đèn.',
    };
    const a = ok<{ code: string }>(await submit(data, [], '198.51.100.9'), 201);
    const b = ok<{ code: string; created: boolean }>(await submit(data, [], '198.51.100.9'), 200);
    expect(b).toMatchObject({ code: a.code, created: false });
    const other = ok<{ code: string }>(await submit(data, [], '198.51.100.10'), 201);
    expect(other.code).not.toBe(a.code);
  });

  it('the public sees its stage and deadline, never a name, phone or e-mail; a wrong code reveals nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${code.toLowerCase()}` });
    const body = ok<PublicCase>(res);
    expect(body.stage).toBe('received');
    expect(body.canRate).toBe(false);
    for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.email]) expect(res.body).not.toContain(secret);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/public/hotline/cases/PA-26-AAAA-AAAA' });
    expect(wrong.statusCode).toBe(404);
    expect((wrong.json() as ErrorBody).error.message).toBe('Không tìm thấy phản ánh với mã này.');
  });

  it('the officer sees it to triage with the routing table’s suggestion, and the submitter’s details', async () => {
    const list = ok<{ items: { id: string; code: string }[]; counts: { triage: number } }>(
      await hotline.request('GET', '/api/hotline/cases?view=triage&limit=200'),
    );
    id = list.items.find((c) => c.code === code)!.id;
    expect(list.counts.triage).toBeGreaterThanOrEqual(3); // the demo's two, and this one
    const detail = ok<Detail>(await hotline.request('GET', `/api/hotline/cases/${id}`));
    expect(detail.suggestion?.unit?.name).toBe('Sở Tư pháp');
    expect(detail.submitter).toMatchObject({ name: CITIZEN.name, email: CITIZEN.email });
    expect(detail.officeActions).toEqual(['triage', 'merge', 'escalate']);
    expect(detail.files.map((f) => f.mediaType)).toEqual(['image/png']);
    // A unit's focal point sees nothing of a case not given to their unit.
    expect((await focal.request('GET', `/api/hotline/cases/${id}`)).statusCode).toBe(404);
  });

  it('triage within authority gives it to the unit with a working-day deadline; the unit owes it', async () => {
    const before = ok<Detail>(await hotline.request('GET', `/api/hotline/cases/${id}`));
    const refused = await hotline.request('POST', `/api/hotline/cases/${id}/triage`, {
      version: before.version,
      classification: 'within_authority',
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as ErrorBody).error.key).toBe('hotline.rule.unit_required');
    const done = ok<Detail>(
      await hotline.request('POST', `/api/hotline/cases/${id}/triage`, {
        version: before.version,
        classification: 'within_authority',
        handlingUnitId: units.get('Sở Tư pháp'),
      }),
    );
    expect(done).toMatchObject({ status: 'assigned', handlingUnit: { name: 'Sở Tư pháp' } });
    expect(done.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stale = await hotline.request('POST', `/api/hotline/cases/${id}/triage`, {
      version: before.version,
      classification: 'not_accepted',
      reason: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const owed = ok<{ items: { kind: string; id: string }[] }>(
      await focal.request('GET', '/api/work/queue?view=owed'),
    );
    expect(owed.items.some((i) => i.kind === 'feedback_case' && i.id === id)).toBe(true);
    // Sở Tư pháp sees the submitter (they did not ask for anonymity); Sở Xây dựng sees nothing.
    expect(ok<Detail>(await focal.request('GET', `/api/hotline/cases/${id}`)).submitter?.name).toBe(
      CITIZEN.name,
    );
    expect((await xaydung.request('GET', `/api/hotline/cases/${id}`)).statusCode).toBe(404);
  });

  it('the unit answers, the office returns it once, the unit answers again, the office publishes it', async () => {
    const act = async (who: Caller, action: string, extra: Record<string, unknown> = {}) => {
      const item = ok<{ version: number }>(await who.request('GET', `/api/work/feedback_case/${id}`));
      return who.request('POST', `/api/work/feedback_case/${id}/actions`, {
        action,
        version: item.version,
        ...extra,
      });
    };
    const answer1 = `Sở Tư pháp hướng dẫn bà ${CITIZEN.name} (${CITIZEN.phone}) đề nghị cấp bản sao trích lục khai sinh trên Cổng Dịch vụ công quốc gia.`;
    files.first = await uploadFor(focal, id, 'nhap.png', PNG, 'image/png');
    ok(await act(focal, 'submit_answer', { output: answer1, fileIds: [files.first] }));
    expect((await act(focal, 'approve')).statusCode).toBe(403);
    ok(await act(hotline, 'return', { reason: 'Bổ sung lệ phí và thời hạn trả kết quả.' }));
    const answer2 = `${answer1} Lệ phí 8.000 đồng/bản; kết quả trả qua bưu chính trong 03 ngày làm việc.`;
    // The second answer's files: a photo, the answer letter (its name names the citizen), an internal record and
    // a text note.
    files.photo = await uploadFor(focal, id, 'huong-dan-tren-cong.png', PNG, 'image/png');
    files.letter = await uploadFor(focal, id, 'tra-loi-ba-Nguyen-Thi-Hoa.pdf', PDF, 'application/pdf');
    files.record = await uploadFor(focal, id, 'bien-ban-noi-bo.pdf', PDF, 'application/pdf');
    files.note = await uploadFor(focal, id, 'ghi-chu.txt', Buffer.from('Ghi chú nội bộ.\n'), 'text/plain');
    ok(
      await act(focal, 'submit_answer', {
        output: answer2,
        fileIds: [files.photo, files.letter, files.record, files.note],
      }),
    );
    const review = ok<{ items: { kind: string; id: string }[] }>(
      await hotline.request('GET', '/api/work/queue?view=review'),
    );
    expect(review.items.some((i) => i.kind === 'feedback_case' && i.id === id)).toBe(true);
    // Only the approved answer's images and PDFs may be published: not the first answer's, not a text file.
    const earlier = await act(hotline, 'approve', { fileIds: [files.first] });
    expect(earlier.statusCode).toBe(400);
    expect((earlier.json() as ErrorBody).error.key).toBe('hotline.answer_file_unknown');
    const text = await act(hotline, 'approve', { fileIds: [files.photo, files.note] });
    expect(text.statusCode).toBe(400);
    expect((text.json() as ErrorBody).error).toMatchObject({
      key: 'hotline.answer_file_type',
      details: [{ field: 'fileIds' }],
    });
    // The office publishes the photo and the letter; the internal record stays in the case file.
    ok(await act(hotline, 'approve', { fileIds: [files.photo, files.letter] }));
    const detail = ok<Detail>(await hotline.request('GET', `/api/hotline/cases/${id}`));
    expect(detail.status).toBe('published');
    expect(detail.publishedAnswer).toContain('Lệ phí 8.000 đồng/bản');
    for (const secret of [CITIZEN.name, CITIZEN.phone]) expect(detail.publishedAnswer).not.toContain(secret);
    // The submitter asked to follow: a mail for the triage and one for the answer, nothing for the return.
    const mails = await rows<{ subject: string; text: string }>(
      t.database.db,
      sql`SELECT payload->>'subject' AS subject, payload->>'text' AS text FROM jobs
           WHERE kind = 'outside_email' AND payload->>'to' = ${CITIZEN.email} ORDER BY created_at`,
    );
    expect(mails.map((m) => m.subject)).toEqual([
      `[${code}] Phản ánh đã được phân loại và chuyển đơn vị xử lý`,
      `[${code}] Phản ánh đã có câu trả lời`,
    ]);
    expect(mails[1]!.text).toContain(`/phan-anh/tra-cuu/${code}`);
    expect(mails[1]!.text).not.toContain(CITIZEN.phone);
  });

  it('the public reads the answer without personal data; the submitter rates it and reopens it once', async () => {
    const anon = await t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${code}` });
    const seen = ok<PublicCase>(anon);
    expect(seen.stage).toBe('answered');
    expect(seen.answer).toContain('Cổng Dịch vụ công quốc gia');
    expect(seen.canRate).toBe(false);
    expect(seen).toMatchObject({ rating: null, following: null });
    for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.email])
      expect(anon.body).not.toContain(secret);
    expect(seen.steps.map((s) => s.stage)).toEqual(['received', 'triaged', 'answered']);

    // The files the office published, the letter under a name that does not name the citizen.
    expect(seen.answerFiles).toEqual([
      { id: files.photo, name: 'huong-dan-tren-cong.png', size: PNG.length, mediaType: 'image/png' },
      { id: files.letter, name: `${code}-2.pdf`, size: PDF.length, mediaType: 'application/pdf' },
    ]);
    expect(anon.body).not.toContain('Nguyen-Thi-Hoa');
    const photo = await publicFile(code, files.photo);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    const letter = await publicFile(code.toLowerCase(), files.letter);
    expect(letter.statusCode).toBe(200);
    expect(String(letter.headers['content-disposition'])).toContain(`${code}-2.pdf`);
    expect(String(letter.headers['content-disposition'])).not.toMatch(/Nguyen|Hoa/);
    // Nothing else: the file kept internal, the text note, the first answer's, the photo the citizen sent, another
    // case's code, an unknown file.
    const detail = ok<Detail>(await hotline.request('GET', `/api/hotline/cases/${id}`));
    const other = ok<{ items: { code: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/public/hotline/answers?limit=100' }),
    ).items.find((i) => i.code !== code)!.code;
    for (const [c, fileId] of [
      [code, files.record],
      [code, files.note],
      [code, files.first],
      [code, detail.files[0]!.id],
      [other, files.photo],
      [code, '00000000-0000-4000-8000-000000000000'],
      ['PA-26-AAAA-AAAA', files.photo],
    ] as const)
      expect((await publicFile(c, fileId)).statusCode, `${c} ${fileId}`).toBe(404);
    // The published list says how many files the answer has.
    const listed = ok<{ items: { code: string; answerFiles: number }[] }>(
      await t.app.inject({
        method: 'GET',
        url: `/api/public/hotline/answers?q=${encodeURIComponent('huong dan trich luc khai sinh truc tuyen')}`,
      }),
    );
    expect(listed.items.find((i) => i.code === code)?.answerFiles).toBe(2);

    const wrongKey = await t.app.inject({
      method: 'POST',
      url: `/api/public/hotline/cases/${code}/rating`,
      payload: { key: 'ZZZZZZZZ', satisfaction: 'satisfied' },
    });
    expect(wrongKey.statusCode).toBe(403);
    const mineRes = await t.app.inject({
      method: 'GET',
      url: `/api/public/hotline/cases/${code}?key=${key}`,
    });
    const mine = ok<PublicCase>(mineRes);
    // With the key: not rated yet, and followed by e-mail (the submitter asked) — whose address is not said.
    expect(mine).toMatchObject({ canRate: true, canReopen: true, rating: null, following: true });
    for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.email])
      expect(mineRes.body).not.toContain(secret);
    const ratedRes = await t.app.inject({
      method: 'POST',
      url: `/api/public/hotline/cases/${code}/rating`,
      payload: { key, satisfaction: 'not_satisfied', comment: 'Chưa nêu thời gian.' },
    });
    const rated = ok<PublicCase>(ratedRes);
    expect(rated.satisfaction).toBe('not_satisfied');
    // The page shows the rating given (and may still offer the review, once), not an empty form again.
    expect(rated).toMatchObject({
      rating: { satisfaction: 'not_satisfied', comment: 'Chưa nêu thời gian.' },
      canReopen: true,
      following: true,
    });
    expect(rated.rating!.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.email])
      expect(ratedRes.body).not.toContain(secret);
    const again = ok<PublicCase>(
      await t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${code}?key=${key}` }),
    );
    expect(again.rating).toEqual(rated.rating);
    // Without the key: neither the rating's comment nor whether anyone follows.
    const anonAfter = await t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${code}` });
    expect(ok<PublicCase>(anonAfter)).toMatchObject({ rating: null, following: null });
    expect(anonAfter.body).not.toContain('Chưa nêu thời gian');
    const reopened = ok<PublicCase>(
      await t.app.inject({
        method: 'POST',
        url: `/api/public/hotline/cases/${code}/reopen`,
        payload: { key, reason: 'Đề nghị nêu rõ có nộp được qua VNeID không.' },
      }),
    );
    expect(reopened).toMatchObject({ stage: 'in_progress', canReopen: false, rating: null, answerFiles: [] });
    // Not published any more: its files are not public either, until the next answer is approved.
    expect((await publicFile(code, files.photo)).statusCode).toBe(404);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/public/hotline/cases/${code}/reopen`,
      payload: { key, reason: 'Lần nữa' },
    });
    expect(twice.statusCode).toBe(409);
    expect(ok<Detail>(await hotline.request('GET', `/api/hotline/cases/${id}`)).status).toBe('assigned');
  });

  it('the published answers list it, searchable without accents', async () => {
    const list = ok<{ items: { code: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/public/hotline/answers?q=dang%20ky%20thay%20doi' }),
    );
    expect(list.items.length).toBeGreaterThanOrEqual(1); // the demo's answer about company registration
    expect(JSON.stringify(list)).not.toContain('Võ Quốc Huy');
  });
});

describe('staff intake and the other outcomes of triage', () => {
  const intake = (body: Record<string, unknown>) =>
    hotline.request('POST', '/api/hotline/cases', {
      channel: 'phone',
      categoryId: categories.get('dat_dai'),
      title: 'Chậm cấp giấy chứng nhận',
      description: 'Người dân gọi về việc chậm cấp giấy chứng nhận quyền sử dụng đất.',
      name: 'Trần Văn Gọi',
      phone: '0987 000 111',
      ...body,
    });

  it('a call is entered with its channel and the officer; refused with a reason the caller reads', async () => {
    const c = ok<Detail & { channel: string; enteredBy: string }>(await intake({}), 201);
    expect(c).toMatchObject({ channel: 'phone', status: 'received' });
    expect(c.enteredBy).toBeTruthy();
    const refused = ok<Detail>(
      await hotline.request('POST', `/api/hotline/cases/${c.id}/triage`, {
        version: c.version,
        classification: 'not_accepted',
        reason: 'Nội dung là khiếu nại, giải quyết theo Luật Khiếu nại.',
      }),
    );
    expect(refused.status).toBe('not_accepted');
    const pub = ok<PublicCase>(
      await t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${c.code}` }),
    );
    expect(pub.stage).toBe('not_accepted');
    expect(pub.steps.at(-1)?.note).toContain('Luật Khiếu nại');
  });

  it('approved without a choice, the answer’s images and PDFs are published, nothing else', async () => {
    const c = ok<Detail>(await intake({ title: 'Hỏi lệ phí trích lục hộ tịch' }), 201);
    ok(
      await hotline.request('POST', `/api/hotline/cases/${c.id}/triage`, {
        version: c.version,
        classification: 'within_authority',
        handlingUnitId: units.get('Sở Tư pháp'),
      }),
    );
    const photo = await uploadFor(focal, c.id, 'bang-le-phi.png', PNG, 'image/png');
    const note = await uploadFor(focal, c.id, 'ghi-chu.txt', Buffer.from('Nội bộ.\n'), 'text/plain');
    const letter = await uploadFor(focal, c.id, 'cong-van-tra-loi.pdf', PDF, 'application/pdf');
    const act = async (who: Caller, action: string, extra: Record<string, unknown> = {}) => {
      const item = ok<{ version: number }>(await who.request('GET', `/api/work/feedback_case/${c.id}`));
      return ok(
        await who.request('POST', `/api/work/feedback_case/${c.id}/actions`, {
          action,
          version: item.version,
          ...extra,
        }),
      );
    };
    await act(focal, 'submit_answer', {
      output: 'Lệ phí cấp bản sao trích lục hộ tịch là 8.000 đồng/bản.',
      fileIds: [photo, note, letter],
    });
    await act(hotline, 'approve');
    const res = await t.app.inject({ method: 'GET', url: `/api/public/hotline/cases/${c.code}` });
    expect(ok<PublicCase>(res).answerFiles.map((f) => [f.id, f.name])).toEqual([
      [photo, 'bang-le-phi.png'],
      [letter, 'cong-van-tra-loi.pdf'],
    ]);
    expect((await publicFile(c.code, letter)).statusCode).toBe(200);
    expect((await publicFile(c.code, note)).statusCode).toBe(404);
    for (const secret of ['Trần Văn Gọi', '0987 000 111']) expect(res.body).not.toContain(secret);
  });

  it('outside authority is forwarded to the body named; a duplicate is merged; an escalation is proposed', async () => {
    const a = ok<Detail>(await intake({ title: 'Chế độ thai sản chậm' }), 201);
    const fwd = ok<Detail>(
      await hotline.request('POST', `/api/hotline/cases/${a.id}/triage`, {
        version: a.version,
        classification: 'outside_authority',
        forwardedTo: 'Bảo hiểm xã hội tỉnh',
      }),
    );
    expect(fwd.status).toBe('forwarded');
    const b = ok<Detail>(
      await intake({ title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất ở Diễn Châu' }),
      201,
    );
    const c = ok<Detail>(
      await intake({
        title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất ở xã Diễn Châu',
        phone: '0987 000 222',
      }),
      201,
    );
    const detail = ok<Detail>(await hotline.request('GET', `/api/hotline/cases/${c.id}`));
    expect(detail.duplicates.map((d) => d.id)).toContain(b.id);
    const merged = ok<Detail>(
      await hotline.request('POST', `/api/hotline/cases/${c.id}/merge`, {
        version: detail.version,
        intoId: b.id,
      }),
    );
    expect(merged.status).toBe('merged');
    const escalated = ok<Detail & { escalations: { kind: string; status: string }[] }>(
      await hotline.request('POST', `/api/hotline/cases/${b.id}/escalations`, {
        kind: 'inspection',
        reason: 'Nhiều phản ánh cùng nội dung chậm cấp giấy chứng nhận.',
        unitId: units.get('Sở Tư pháp'),
      }),
    );
    expect(escalated.escalations).toMatchObject([{ kind: 'inspection', status: 'proposed' }]);
    expect(
      (
        await focal.request('POST', `/api/hotline/cases/${b.id}/escalations`, {
          kind: 'verification',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the submitter’s key', () => {
  it('never reaches the request log', () => {
    expect(hideSubmitterKey('/api/public/hotline/cases/PA-26-X?key=ABCD1234&x=1')).toBe(
      '/api/public/hotline/cases/PA-26-X?key=***&x=1',
    );
    expect(hideSubmitterKey('/phan-anh/tra-cuu/PA-26-X')).toBe('/phan-anh/tra-cuu/PA-26-X');
  });
});

describe('the hotline’s e-mail inbox', () => {
  it('turns a mail into a case for triage with its attachments; the same Message-ID again is the same case', async () => {
    const ctx = systemContext(t.database.db);
    const mail = {
      messageId: 'abc123@mail.example.vn',
      from: { name: 'Lê Văn Thư', address: 'thu.le@example.vn' },
      to: ['duongdaynong@nghean.gov.vn'],
      subject: 'Phản ánh việc chậm trả kết quả hộ tịch',
      text: 'Kính gửi đường dây nóng, hồ sơ hộ tịch của tôi đã quá hạn 5 ngày.',
      receivedAt: new Date(),
      attachments: [
        { filename: 'phieu-hen.png', contentType: 'image/png', content: PNG },
        {
          filename: 'virus.exe',
          contentType: 'application/octet-stream',
          content: Buffer.from('MZ\x90\x00binary'),
        },
      ],
    };
    const first = await receiveHotlineMail(ctx, t.app.fileStore, mail, 1_000_000);
    expect(first.created).toBe(true);
    const again = await receiveHotlineMail(ctx, t.app.fileStore, mail, 1_000_000);
    expect(again).toEqual({ code: first.code, created: false });
    const list = ok<{ items: { id: string; code: string; channel: string }[] }>(
      await hotline.request('GET', `/api/hotline/cases?view=triage&q=${first.code}`),
    );
    expect(list.items).toMatchObject([{ code: first.code, channel: 'email' }]);
    const detail = ok<Detail & { description: string }>(
      await hotline.request('GET', `/api/hotline/cases/${list.items[0]!.id}`),
    );
    expect(detail.files.map((f) => f.mediaType)).toEqual(['image/png']);
    expect(detail.description).toContain('virus.exe');
  });

  it('a mail that came in the evening is triaged and answered that evening; its clock starts the next working day', async () => {
    // Bug: CI ran after 17:00 (Hà Nội) and every case received then carried a 'receive' step dated the next
    // working day, so triaging or answering it the same evening was refused as 'before the previous step'.
    const ctx = systemContext(t.database.db);
    const todayVn = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const evening = new Date(`${todayVn}T23:30:00+07:00`); // after office hours, whatever the weekday
    // The clock reads 23:30 in Hà Nội for the whole test (only Date is faked: timers and I/O run as usual).
    vi.useFakeTimers({ toFake: ['Date'], now: Math.max(Date.now(), evening.getTime()) });
    try {
      // Sessions are signed in at the faked hour (the real ones may have gone idle by then).
      const [office, unit] = [
        await t.login('duongdaynong@chidao.demo'),
        await t.login('daumoi.tuphap@chidao.demo'),
      ];
      const { code } = await receiveHotlineMail(
        ctx,
        t.app.fileStore,
        {
          messageId: 'evening-1@mail.example.vn',
          from: { name: 'Hồ Thị Tối', address: 'toi.ho@example.vn' },
          to: ['duongdaynong@nghean.gov.vn'],
          subject: 'Hỏi thủ tục chứng thực bản sao',
          text: 'Xin hỏi chứng thực bản sao từ bản chính có cần hẹn trước không?',
          receivedAt: evening,
          attachments: [],
        },
        1_000_000,
      );
      const list = ok<{ items: { id: string; receivedOn: string }[] }>(
        await office.request('GET', `/api/hotline/cases?view=triage&q=${code}`),
      );
      const c = list.items[0]!;
      expect(c.receivedOn > todayVn).toBe(true); // counted from the next working day (Nghị định 61/2018/NĐ-CP)
      const before = ok<Detail>(await office.request('GET', `/api/hotline/cases/${c.id}`));
      const done = ok<Detail>(
        await office.request('POST', `/api/hotline/cases/${c.id}/triage`, {
          version: before.version,
          classification: 'within_authority',
          handlingUnitId: units.get('Sở Tư pháp'),
        }),
      );
      expect(done.status).toBe('assigned');
      const item = ok<{ version: number }>(await unit.request('GET', `/api/work/feedback_case/${c.id}`));
      ok(
        await unit.request('POST', `/api/work/feedback_case/${c.id}/actions`, {
          action: 'submit_answer',
          version: item.version,
          output: 'Không cần hẹn trước; mang bản chính và bản sao đến Bộ phận một cửa.',
        }),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
