import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../test/harness.js';

type ErrorBody = { error: { code: string; key: string; message: string; details: { field: string }[] } };

let t: TestApp;
let officer: Caller;
beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
});
afterAll(() => t.close());

const expect400 = (
  res: { statusCode: number; body: string; json(): unknown },
  field: string,
  key: string,
) => {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json() as ErrorBody;
  expect(error).toMatchObject({ code: 'VALIDATION_FAILED', key });
  expect(error.details[0]!.field).toBe(field);
};

describe('control characters in request strings are a 400 on every route', () => {
  it('anonymously, through login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@chidao.demo\u0000', password: 'x' },
    });
    expect400(res, 'email', 'error.control_character');
    expect((res.json() as ErrorBody).error.message).toMatch(/ký tự điều khiển/);
  });

  it('in a query string, a path parameter and a nested body field', async () => {
    expect400(await officer.request('GET', '/api/units?q=so%00tu'), 'q', 'error.control_character');
    expect400(await officer.request('GET', '/api/units/by-code/%00'), 'code', 'error.control_character');
    const doc = await officer.request('POST', '/api/documents', {
      numberSymbol: '1/TB',
      type: 'cong_van',
      issuer: 'UBND tỉnh',
      issuedOn: '2025-01-02',
      title: 'Thông báo\u0007',
      access: 'public',
    });
    expect400(doc, 'title', 'error.control_character');
  });
});

describe('dates outside 1800–2199 are a 400 naming the field', () => {
  it.each([
    ['/api/periods/of?type=year&date=9999-12-31', 'date'],
    ['/api/periods/of?type=quarter&date=0001-01-01', 'date'],
    ['/api/units?asOf=9999-12-31', 'asOf'],
    ['/api/documents?from=0001-01-01', 'from'],
  ])('%s', async (url, field) => {
    const res = await officer.request('GET', url, undefined, { 'accept-language': 'en' });
    expect400(res, field, 'error.date_out_of_range');
    expect((res.json() as ErrorBody).error.message).toContain('01/01/1800 – 31/12/2199');
  });

  it('dates inside the range still work', async () => {
    expect((await officer.request('GET', '/api/periods/of?type=year&date=2199-12-01')).statusCode).toBe(200);
    expect((await officer.request('GET', '/api/units?asOf=1900-01-01')).statusCode).toBe(200);
  });
});

describe('a broken upload is the client’s fault, not a 500 (found by the fuzz test)', () => {
  it('a multipart body cut short is a 400 MALFORMED_UPLOAD with a message to send it again', async () => {
    const docs = (await officer.request('GET', '/api/documents?limit=1')).json() as {
      items: { id: string }[];
    };
    const boundary = 'fuzzBoundary1';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4\n'),
      Buffer.from('\r\n--'),
    ]);
    const res = await officer.request('POST', `/api/documents/${docs.items[0]!.id}/files`, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json() as ErrorBody;
    expect(error.code).toBe('MALFORMED_UPLOAD');
    expect(error.message).toMatch(/gửi lại/);
  });
});
