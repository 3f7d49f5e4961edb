import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRequest } from '../../../test/fuzz/fuzz.js';
import { rng } from '../../../test/fuzz/samples.js';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import { feedbackCases } from '../hotline.table.js';

/**
 * Open311 GeoReport v2 over the hotline (README.md beside this file), end to end on the demo province: the
 * categories as services, the demo's cases at every stage as service requests (open or closed, with the public
 * note of each outcome), the filters, the spec's error format in JSON and XML, posting with an API key only,
 * and — before and after the answer is published — no personal data in any answer of any GET endpoint.
 */

const SECRET = 'open311-test-secret-0123456789';
const KEYS = `test-app:${SECRET},other-app:another-secret-9876543210`;
const BASE = '/open311/v2';

let t: TestApp;
let hotline: Caller;
let focal: Caller;
let units: Map<string, string>;
const previousKeys = process.env.CHIDAO_OPEN311_API_KEYS;

type Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: string;
  keywords: string;
  group: string;
};
type Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address?: string;
  lat?: number;
  long?: number;
  media_url: string;
};
type Errors = { code: number; description: string }[];
type Res = { statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown };

const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const failed = (res: Res, status: number): Errors => {
  expect(res.statusCode, res.body).toBe(status);
  const errors = res.json() as Errors;
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e).toEqual({ code: status, description: expect.any(String) });
  return errors;
};

const get = (path: string, headers: Record<string, string> = {}, ip = '127.0.0.1') =>
  t.app.inject({ method: 'GET', url: `${BASE}${path}`, headers, remoteAddress: ip });

function post(
  fields: Record<string, string>,
  options: { format?: 'json' | 'xml'; headers?: Record<string, string>; ip?: string } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: `${BASE}/requests.${options.format ?? 'json'}`,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    remoteAddress: options.ip ?? '192.0.2.10',
  });
}

/** The demo's cases as stored (to check each answer against). */
async function stored() {
  return t.database.db
    .select({
      code: feedbackCases.code,
      status: feedbackCases.status,
      publishedDescription: feedbackCases.publishedDescription,
      name: feedbackCases.submitterName,
      phone: feedbackCases.submitterPhone,
      email: feedbackCases.submitterEmail,
      address: feedbackCases.submitterAddress,
    })
    .from(feedbackCases);
}

beforeAll(async () => {
  process.env.CHIDAO_OPEN311_API_KEYS = KEYS;
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  hotline = await t.login('duongdaynong@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  const officer = await t.login('thuongtruc@chidao.demo');
  const all = ok<{ items: { id: string; name: string }[] }>(
    await officer.request('GET', '/api/units?limit=5000&asOf=2026-12-01'),
  );
  units = new Map(all.items.map((u) => [u.name, u.id] as const));
});
afterAll(async () => {
  if (previousKeys === undefined) delete process.env.CHIDAO_OPEN311_API_KEYS;
  else process.env.CHIDAO_OPEN311_API_KEYS = previousKeys;
  await t?.close();
});

describe('services: the feedback categories', () => {
  it('lists the active categories, in Vietnamese or English, as JSON and XML, readable from any page', async () => {
    const res = await get('/services.json');
    const vi = ok<Service[]>(res);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(vi.length).toBeGreaterThanOrEqual(10);
    expect(vi.find((s) => s.service_code === 'dat_dai')).toEqual({
      service_code: 'dat_dai',
      service_name: 'Đất đai',
      description: expect.stringContaining('giải phóng mặt bằng'),
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: '',
    });
    const en = ok<Service[]>(await get('/services.json?locale=en&jurisdiction_id=nghean.gov.vn'));
    expect(en.find((s) => s.service_code === 'dat_dai')?.service_name).toBe('Land');
    const byHeader = ok<Service[]>(await get('/services.json', { 'accept-language': 'en-GB' }));
    expect(byHeader[0]?.service_name).toBe(en[0]?.service_name);

    const xml = await get('/services.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service>/);
    expect(xml.body).toContain(
      '<service><service_code>dat_dai</service_code><service_name>Đất đai</service_name>',
    );
    expect(xml.body).toContain('<metadata>false</metadata><type>realtime</type><keywords/><group/>');
    expect(xml.body.match(/<service>/g)).toHaveLength(vi.length);
  });

  it('a service has no attributes; an unknown one, or an unknown endpoint, is a 404 in the spec’s format', async () => {
    expect(ok(await get('/services/dat_dai.json'))).toEqual({ service_code: 'dat_dai', attributes: [] });
    const xml = await get('/services/dat_dai.xml');
    expect(xml.body).toContain(
      '<service_definition><service_code>dat_dai</service_code><attributes/></service_definition>',
    );
    const [unknown] = failed(await get('/services/khong_co.json'), 404);
    expect(unknown!.description).toBe('Không có dịch vụ (lĩnh vực phản ánh) “khong_co”.');
    const [en] = failed(await get('/services/khong_co.json?locale=en'), 404);
    expect(en!.description).toBe('There is no service (feedback category) “khong_co”.');
    const unknownXml = await get('/services/khong_co.xml');
    expect(unknownXml.statusCode).toBe(404);
    expect(unknownXml.body).toMatch(/<errors><error><code>404<\/code><description>Không có dịch vụ/);
    failed(await get('/discovery.json'), 404);
    failed(await get('/services.yaml'), 404);
    expect((await t.app.inject({ method: 'PUT', url: `${BASE}/requests.json` })).statusCode).toBe(404);
  });
});

describe('service requests: the demo’s cases at every stage', () => {
  it('lists the last 90 days newest first: open or closed, each outcome’s public note, no description before publication', async () => {
    const items = ok<Request[]>(await get('/requests.json'));
    const cases = new Map((await stored()).map((c) => [c.code, c] as const));
    expect(items.length).toBeGreaterThanOrEqual(10);
    const times = items.map((r) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const r of items) {
      const c = cases.get(r.service_request_id)!;
      const open = ['received', 'assigned', 'answered'].includes(c.status);
      expect(r.status, r.service_request_id).toBe(open ? 'open' : 'closed');
      expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(r.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+07:00$/);
      expect(r.media_url).toBe('');
      if (c.status === 'published') {
        expect(r.description).toBe(c.publishedDescription);
        expect(r.status_notes.length).toBeGreaterThan(0);
        expect(r).toHaveProperty('address');
      } else {
        expect(r.description).toBe('');
        expect(r).not.toHaveProperty('address');
        expect(r).not.toHaveProperty('lat');
        expect(r).not.toHaveProperty('long');
      }
      if (c.status === 'received')
        expect(r.service_notice).toMatch(/^Sẽ được phân loại trước \d\d\/\d\d\/\d{4}$/);
      if (c.status === 'assigned')
        expect(r.service_notice).toMatch(/^Sẽ được trả lời trước \d\d\/\d\d\/\d{4}$/);
      if (!open) expect(r.service_notice).toBe('');
    }
    const notes = (status: string) =>
      items.filter((r) => cases.get(r.service_request_id)!.status === status).map((r) => r.status_notes);
    expect(notes('not_accepted')).toEqual([expect.stringContaining('Luật Khiếu nại 2011')]);
    expect(notes('forwarded')).toEqual([
      'Chuyển: Bảo hiểm xã hội tỉnh Nghệ An (cơ quan ngành dọc, không thuộc thẩm quyền của UBND tỉnh)',
    ]);
    expect(notes('merged')).toEqual([
      expect.stringMatching(/^Gộp vào PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    ]);
    expect(notes('published')).toContainEqual(expect.stringContaining('Nghị định 168/2025/NĐ-CP'));
    const forwarded = items.find((r) => r.status_notes.startsWith('Chuyển: '))!;
    expect(forwarded.agency_responsible).toMatch(/^Bảo hiểm xã hội tỉnh Nghệ An/);
    const answered = items.find((r) => r.status_notes.includes('Nghị định 168/2025/NĐ-CP'))!;
    expect(answered).toMatchObject({ service_code: 'dau_tu_kinh_doanh', agency_responsible: 'Sở Tài chính' });

    const en = ok<Request[]>(await get('/requests.json?locale=en'));
    expect(en.find((r) => r.status_notes.startsWith('Forwarded to: Bảo hiểm xã hội'))).toBeTruthy();
    expect(en.find((r) => r.service_code === 'dau_tu_kinh_doanh')?.service_name).toBe(
      'Investment and business',
    );

    const xml = await get('/requests.xml');
    expect(xml.body).toMatch(/^<\?xml[^>]+>\n<service_requests><request><service_request_id>PA-/);
    expect(xml.body.match(/<request>/g)).toHaveLength(items.length);
  });

  it('filters by status, service, dates and tracking codes (which override the rest); bad filters are 400s naming them', async () => {
    const all = ok<Request[]>(await get('/requests.json'));
    const open = ok<Request[]>(await get('/requests.json?status=open'));
    const closed = ok<Request[]>(await get('/requests.json?status=closed'));
    expect(open.every((r) => r.status === 'open') && closed.every((r) => r.status === 'closed')).toBe(true);
    expect(open.length + closed.length).toBe(all.length);
    expect(ok<Request[]>(await get('/requests.json?status=open,closed'))).toHaveLength(all.length);
    const land = ok<Request[]>(await get('/requests.json?service_code=xay_dung,dat_dai'));
    expect(land.length).toBeGreaterThan(0);
    expect(land.every((r) => ['xay_dung', 'dat_dai'].includes(r.service_code))).toBe(true);
    expect(ok<Request[]>(await get('/requests.json?service_code=khong_co'))).toEqual([]);
    expect(ok<Request[]>(await get('/requests.json?max_requests=2'))).toEqual(all.slice(0, 2));

    const [a, b] = [all[0]!, all.at(-1)!];
    const picked = ok<Request[]>(
      await get(
        `/requests.json?service_request_id=${a.service_request_id.toLowerCase()},${b.service_request_id},PA-00-XXXX&status=${a.status === 'open' ? 'closed' : 'open'}&start_date=2199-01-01T00:00:00Z`,
      ),
    );
    expect(picked.map((r) => r.service_request_id).sort()).toEqual(
      [a.service_request_id, b.service_request_id].sort(),
    );

    expect(ok<Request[]>(await get('/requests.json?start_date=2199-01-01T00:00:00Z'))).toEqual([]);
    const window = ok<Request[]>(
      await get('/requests.json?start_date=2026-11-01&end_date=2026-11-30T23:59:59%2B07:00'),
    );
    expect(window.length).toBeGreaterThan(0);
    for (const r of window) {
      expect(r.requested_datetime >= '2026-11-01T00:00:00+07:00').toBe(true);
      expect(r.requested_datetime <= '2026-11-30T23:59:59+07:00').toBe(true);
    }
    // Before the default window (the last 90 days), only when asked for.
    expect(ok<Request[]>(await get('/requests.json?end_date=2020-01-01'))).toEqual([]);

    expect(failed(await get('/requests.json?status=pending'), 400)[0]!.description).toMatch(/^status: /);
    expect(failed(await get('/requests.json?start_date=2026-13-01'), 400)[0]!.description).toMatch(
      /^start_date: /,
    );
    expect(
      failed(await get('/requests.json?start_date=2026-12-01&end_date=2026-11-01'), 400)[0]!.description,
    ).toBe('end_date: end_date phải sau start_date.');
    expect(failed(await get('/requests.json?max_requests=1001'), 400)[0]!.description).toMatch(
      /^max_requests: /,
    );
    const xmlError = await get('/requests.xml?status=pending');
    expect(xmlError.statusCode).toBe(400);
    expect(xmlError.body).toContain('<errors><error><code>400</code><description>status: ');
  });

  it('one request by its tracking code, as an array of one; an unknown code is a 404', async () => {
    const [first] = ok<Request[]>(await get('/requests.json?max_requests=1'));
    const code = first!.service_request_id;
    expect(ok<Request[]>(await get(`/requests/${code.toLowerCase()}.json`))).toEqual([first]);
    const xml = await get(`/requests/${code}.xml`);
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${code}</service_request_id>`);
    const [missing] = failed(await get('/requests/PA-26-AAAA-AAAA-AAAA.json'), 404);
    expect(missing!.description).toBe('Không tìm thấy yêu cầu “PA-26-AAAA-AAAA-AAAA”.');
    expect((await get('/requests/nothing.xml')).body).toContain('<errors><error><code>404</code>');
  });
});

describe('posting a service request', () => {
  const form = {
    api_key: SECRET,
    service_code: 'giao_thong',
    lat: '18.6734',
    long: '105.6923',
    address_string: 'Ngã tư Lê Lợi – Quang Trung',
    description: 'Đèn tín hiệu giao thông ở ngã tư bị hỏng ba ngày nay.',
  };

  it('is refused without keys configured, without a key or with a wrong one (403), and as a file upload (415)', async () => {
    delete process.env.CHIDAO_OPEN311_API_KEYS;
    try {
      expect(failed(await post(form), 403)[0]!.description).toMatch(/Open311/);
    } finally {
      process.env.CHIDAO_OPEN311_API_KEYS = KEYS;
    }
    process.env.CHIDAO_OPEN311_API_KEYS = 'broken-without-secret';
    try {
      failed(await post(form), 403);
    } finally {
      process.env.CHIDAO_OPEN311_API_KEYS = KEYS;
    }
    const { api_key: _, ...keyless } = form;
    expect(failed(await post(keyless), 403)[0]!.description).toMatch(/^api_key: /);
    failed(await post({ ...form, api_key: `${SECRET}x` }), 403);
    failed(await post({ ...form, api_key: '' }), 403);
    // The key comes in the body only (a query string ends up in logs).
    failed(
      await t.app.inject({
        method: 'POST',
        url: `${BASE}/requests.json?api_key=${SECRET}`,
        payload: new URLSearchParams(keyless).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      403,
    );
    const boundary = 'open311test';
    const upload = await t.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n${SECRET}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    failed(upload, 415);
    const xml = await post(keyless, { format: 'xml' });
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toContain('<errors><error><code>403</code><description>api_key: ');
  });

  it('validates each field and names it (400)', async () => {
    const missing = failed(await post({ api_key: SECRET }), 400).map((e) => e.description);
    expect(missing).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^service_code: /),
        expect.stringMatching(/^description: /),
      ]),
    );
    const check = async (fields: Record<string, string>, field: string, headers?: Record<string, string>) =>
      expect(failed(await post({ ...form, ...fields }, { headers }), 400)[0]!.description).toMatch(
        new RegExp(`^${field}: `),
      );
    await check({ service_code: 'khong_co' }, 'service_code');
    await check({ long: '' }, 'long');
    await check({ lat: '91' }, 'lat');
    await check({ long: 'east' }, 'long');
    await check({ email: 'not-an-address' }, 'email');
    await check({ description: 'x'.repeat(4001) }, 'description');
    await check({}, 'Idempotency-Key', { 'idempotency-key': 'short' });
    await check({ description: 'a\u0000b' }, 'description');
  });

  it('creates a case for triage; the same content again, or the same Idempotency-Key, is the same case', async () => {
    const [created] = ok<{ service_request_id: string; service_notice: string; account_id: null }[]>(
      await post({ ...form, 'attribute[noise]': 'ignored', media_url: 'https://example.org/a.jpg' }),
    );
    expect(created).toEqual({
      service_request_id: expect.stringMatching(/^PA-\d{2}-/),
      service_notice: expect.stringMatching(/^Sẽ được phân loại trước \d\d\/\d\d\/\d{4}$/),
      account_id: null,
    });
    const [again] = ok<{ service_request_id: string }[]>(await post(form));
    expect(again!.service_request_id).toBe(created!.service_request_id);
    // Another application sending the same words is another client: another case.
    const [other] = ok<{ service_request_id: string }[]>(
      await post({ ...form, api_key: 'another-secret-9876543210' }),
    );
    expect(other!.service_request_id).not.toBe(created!.service_request_id);

    const idem = { 'idempotency-key': 'retry-0001-abcdef' };
    const [first] = ok<{ service_request_id: string }[]>(
      await post({ ...form, description: 'Cột đèn đổ sau bão.' }, { headers: idem }),
    );
    const [retry] = ok<{ service_request_id: string }[]>(
      await post({ ...form, description: 'Cột đèn đổ sau bão số 5.' }, { headers: idem }),
    );
    expect(retry!.service_request_id).toBe(first!.service_request_id);

    const json = await t.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: { ...form, lat: 18.67, long: 105.69, description: 'Biển báo bị che khuất.' },
    });
    expect(ok<unknown[]>(json)).toHaveLength(1);
    const xml = await post({ ...form, description: 'Vạch kẻ đường bị mờ.' }, { format: 'xml' });
    expect(xml.statusCode).toBe(200);
    expect(xml.body).toMatch(
      /<service_requests><request><service_request_id>PA-[^<]+<\/service_request_id><service_notice>Sẽ được phân loại trước [^<]+<\/service_notice><account_id\/><\/request><\/service_requests>/,
    );

    const [seen] = ok<Request[]>(await get(`/requests/${created!.service_request_id}.json`));
    expect(seen).toMatchObject({
      status: 'open',
      service_code: 'giao_thong',
      description: '',
      service_notice: created!.service_notice,
    });
    const list = ok<{ items: { code: string; channel: string; title: string }[] }>(
      await hotline.request('GET', `/api/hotline/cases?view=triage&q=${created!.service_request_id}`),
    );
    expect(list.items).toMatchObject([
      { code: created!.service_request_id, channel: 'open311', title: form.description },
    ]);
  });

  it('is rate-limited per address (429 in the spec’s format)', async () => {
    let last: Res | undefined;
    for (let i = 0; i < 61; i++) last = await post({ service_code: 'x' }, { ip: '198.51.100.77' });
    const [limited] = failed(last!, 429);
    expect(limited!.description).toMatch(/thử lại/);
  });
});

describe('privacy: no personal data in any answer, before or after publication', () => {
  const PERSON = {
    first_name: 'Phạm Văn',
    last_name: 'Riêng',
    phone: '0913 246 802',
    email: 'rieng.pham@example.vn',
  };
  const PLACE = 'Số 12 ngõ 34 đường Hồng Bàng, phường Vinh Hưng';
  const DESCRIPTION = `Tôi là Phạm Văn Riêng, điện thoại ${PERSON.phone}. Bộ phận một cửa yêu cầu nộp bản sao giấy khai sinh có chứng thực dù đã có bản điện tử.`;
  const SECRETS = [
    'Phạm Văn Riêng',
    PERSON.phone,
    '0913246802',
    PERSON.email,
    PLACE,
    '18.68127',
    '105.68439',
    'bản sao giấy khai sinh',
  ];
  const AFTER = ['Phạm Văn Riêng', PERSON.phone, '0913246802', PERSON.email, '18.68127', '105.68439'];
  let code: string;

  /** Every GET endpoint, both formats. */
  const everyAnswer = async () => {
    const paths = [
      '/services.json',
      '/services.xml',
      '/services/ho_tich.json',
      '/services/ho_tich.xml',
      '/requests.json',
      '/requests.xml',
      '/requests.json?status=open',
      `/requests.json?service_request_id=${code}`,
      `/requests.xml?service_request_id=${code}`,
      `/requests/${code}.json`,
      `/requests/${code}.xml`,
      `/requests/${code}.json?locale=en`,
    ];
    const out: { path: string; body: string }[] = [];
    for (const path of paths) {
      const res = await get(path, {}, '203.0.113.50');
      expect(res.statusCode, `${path} ${res.body}`).toBe(200);
      out.push({ path, body: res.body });
    }
    return out;
  };
  const leaks = (answers: { path: string; body: string }[], secrets: string[]) =>
    answers.flatMap(({ path, body }) => secrets.filter((s) => body.includes(s)).map((s) => `${path}: ${s}`));

  it('before triage: nothing of the submitter, the description, the place or the point', async () => {
    const [created] = ok<{ service_request_id: string }[]>(
      await post({
        api_key: SECRET,
        service_code: 'ho_tich',
        lat: '18.681274',
        long: '105.684391',
        address_string: PLACE,
        description: DESCRIPTION,
        ...PERSON,
      }),
    );
    code = created!.service_request_id;
    expect(leaks(await everyAnswer(), SECRETS)).toEqual([]);
    // The hotline's own title (shown on the public tracking page) has the name and phone taken out.
    const list = ok<{ items: { title: string }[] }>(
      await hotline.request('GET', `/api/hotline/cases?view=triage&q=${code}`),
    );
    expect(list.items[0]!.title).toMatch(/^Tôi là \[đã ẩn\], điện thoại \[đã ẩn\]\. Bộ phận một cửa/);
    expect(list.items[0]!.title.length).toBeLessThanOrEqual(80);
  });

  it('after publication: the published description, the place and a rounded point — still no name, phone or e-mail', async () => {
    const list = ok<{ items: { id: string; version: number }[] }>(
      await hotline.request('GET', `/api/hotline/cases?view=triage&q=${code}`),
    );
    const { id } = list.items[0]!;
    const detail = ok<{ version: number }>(await hotline.request('GET', `/api/hotline/cases/${id}`));
    ok(
      await hotline.request('POST', `/api/hotline/cases/${id}/triage`, {
        version: detail.version,
        classification: 'within_authority',
        handlingUnitId: units.get('Sở Tư pháp'),
      }),
    );
    expect(leaks(await everyAnswer(), SECRETS)).toEqual([]);
    const act = async (who: Caller, action: string, extra: Record<string, unknown> = {}) => {
      const item = ok<{ version: number }>(await who.request('GET', `/api/work/feedback_case/${id}`));
      return ok(
        await who.request('POST', `/api/work/feedback_case/${id}/actions`, {
          action,
          version: item.version,
          ...extra,
        }),
      );
    };
    await act(focal, 'submit_answer', {
      output: `Sở Tư pháp đã liên hệ ông Phạm Văn Riêng qua số ${PERSON.phone}: bản điện tử có giá trị như bản giấy.`,
    });
    expect(leaks(await everyAnswer(), SECRETS)).toEqual([]);
    await act(hotline, 'approve');

    const answers = await everyAnswer();
    expect(leaks(answers, AFTER)).toEqual([]);
    const [published] = ok<Request[]>(await get(`/requests/${code}.json`));
    expect(published).toMatchObject({
      status: 'closed',
      service_code: 'ho_tich',
      agency_responsible: 'Sở Tư pháp',
      address: PLACE,
      lat: 18.681,
      long: 105.684,
    });
    expect(published!.description).toContain('bản sao giấy khai sinh');
    expect(published!.description).toContain('[đã ẩn]');
    expect(published!.status_notes).toContain('bản điện tử có giá trị như bản giấy');
    expect(published!.status_notes).toContain('[đã ẩn]');
  });

  it('no demo submitter’s name, phone, e-mail or address appears in any list', async () => {
    const people = (await stored())
      .flatMap((c) => [c.name, c.phone, c.email, c.address])
      .filter((s) => s.length >= 5);
    expect(people.length).toBeGreaterThan(20);
    const answers = [];
    for (const path of [
      '/requests.json?start_date=2000-01-01',
      '/requests.xml?start_date=2000-01-01',
      '/requests.json?start_date=2000-01-01&locale=en',
    ]) {
      const res = await get(path, {}, '203.0.113.51');
      expect(res.statusCode, res.body).toBe(200);
      answers.push({ path, body: res.body });
    }
    expect(leaks(answers, people)).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('shows every Open311 endpoint under its tag, public, with the form body of the POST', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          { tags?: string[]; summary?: string; 'x-access'?: unknown; requestBody?: { content: object } }
        >
      >;
    };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/open311/v2/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ path, m, op })));
    expect(ops.map((o) => `${o.m} ${o.path}`).sort()).toEqual(
      [
        'get /open311/v2/services.json',
        'get /open311/v2/services.xml',
        'get /open311/v2/services/{service_code}.json',
        'get /open311/v2/services/{service_code}.xml',
        'get /open311/v2/requests.json',
        'get /open311/v2/requests.xml',
        'get /open311/v2/requests/{service_request_id}.json',
        'get /open311/v2/requests/{service_request_id}.xml',
        'post /open311/v2/requests.json',
        'post /open311/v2/requests.xml',
      ].sort(),
    );
    for (const { op } of ops) {
      expect(op.tags).toEqual(['open311']);
      expect(op.summary).toMatch(/^Open311 GeoReport v2 — /);
      expect(op['x-access']).toEqual({ auth: 'public' });
    }
    const postOp = doc.paths['/open311/v2/requests.json']!.post!;
    expect(Object.keys(postOp.requestBody!.content)).toContain('application/x-www-form-urlencoded');
  });
});

describe('hostile requests (the schema-driven fuzzer covers /api only)', () => {
  it('no Open311 route answers ≥ 500 to requests bent one place at a time, half of the posts with a valid key', async () => {
    const targets = t.app.registeredRoutes.flatMap((route) =>
      [route.method]
        .flat()
        .filter(
          (m) =>
            m !== 'HEAD' && m !== 'OPTIONS' && route.url.startsWith(`${BASE}/`) && !route.url.endsWith('*'),
        )
        .map((method) => ({ method, url: route.url, route, multipart: false })),
    );
    expect(targets).toHaveLength(10);
    const r = rng(20261207);
    const failures: string[] = [];
    for (let i = 0; i < 400; i++) {
      const target = targets[i % targets.length]!;
      const req = makeRequest(target, { ids: [], unitId: '00000000-0000-4000-8000-000000000000' }, r);
      let payload = req.payload;
      if (target.method === 'POST' && typeof payload === 'string' && r.chance(0.5)) {
        try {
          const body = JSON.parse(payload) as unknown;
          if (body && typeof body === 'object' && !Array.isArray(body))
            payload = JSON.stringify({ ...body, api_key: SECRET });
        } catch {
          // not JSON: sent as bent
        }
      }
      const asForm = target.method === 'POST' && req.contentType === 'application/json' && r.chance(0.3);
      const res = await t.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: req.contentType
          ? { 'content-type': asForm ? 'application/x-www-form-urlencoded' : req.contentType }
          : {},
        remoteAddress: `10.0.${i >> 8}.${i & 255}`,
        ...(payload === undefined ? {} : { payload }),
      });
      if (res.statusCode >= 500)
        failures.push(`${req.method} ${req.url} ${req.variant} → ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect((await get('/services.json')).statusCode).toBe(200);
  }, 120_000);
});
