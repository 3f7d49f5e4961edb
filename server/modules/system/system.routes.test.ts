import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('/healthz says the process is up', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database and the applied migrations', async () => {
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      status: string;
      database: { engine: string; reachable: boolean; migrations: { expected: number; applied: number } };
    };
    expect(body.status).toBe('ready');
    expect(body.database.reachable).toBe(true);
    expect(body.database.migrations.applied).toBe(body.database.migrations.expected);
    expect(body.database.engine).toBe(process.env.CHIDAO_TEST_ENGINE ?? 'pglite');
  });

  it('/metrics is not public: anonymous 401 (JSON error), a non-administrator 403, a wrong token 401', async () => {
    const anonymous = await t.app.inject({ url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.body).not.toContain('chidao_');
    const member = await t.login('uyvien@chidao.demo');
    expect((await member.request('GET', '/metrics')).statusCode).toBe(403);
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('/metrics with the configured bearer token (CHIDAO_METRICS_TOKEN), for a scraper', async () => {
    const scraped = await testApp({ metricsToken: 'scraper-token-0123456789' });
    try {
      const ok = await scraped.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer scraper-token-0123456789' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('chidao_process_cpu_user_seconds_total');
      const wrong = await scraped.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer scraper-token-0123456780' },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await scraped.close();
    }
  });

  it("/metrics serves Prometheus text with request durations to an administrator's session", async () => {
    await t.app.inject({ url: '/healthz' });
    const admin = await t.login('admin@chidao.demo');
    const res = await admin.request('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(
      'chidao_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}',
    );
    expect(res.body).toContain('chidao_process_cpu_user_seconds_total');
  });

  it('every response carries a request id; a given one is echoed', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(res.headers['x-request-id']).toBe('trace-abc-12345');
  });

  it('sets security headers including a strict CSP', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('errors', () => {
  it('an unknown API route is a JSON 404 in the caller language', async () => {
    const res = await t.app.inject({ url: '/api/nope', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND', message: 'There is no route GET /api/nope.' },
    });
  });

  it('a server error is a 500 that hides its details (no stack, no SQL) and gives the request id', async () => {
    const broken = await testApp();
    try {
      const admin = await broken.login('admin@chidao.demo');
      const list = (await admin.request('GET', '/api/documents?limit=1')).json() as {
        items: { id: string; version: number }[];
      };
      // Break the database under the application: the next delete queries a table that is gone.
      await broken.database.db.execute(sql`DROP TABLE legal_bases`);
      const res = await admin.request(
        'DELETE',
        `/api/documents/${list.items[0]!.id}?version=${list.items[0]!.version}`,
        undefined,
        { 'x-request-id': 'req-broken-0001' },
      );
      expect(res.statusCode).toBe(500);
      const body = res.json() as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.requestId).toBe('req-broken-0001');
      expect(body.error.message).toContain('req-broken-0001');
      expect(res.body).not.toMatch(/legal_bases|select|relation|\.ts:\d+/i);
    } finally {
      await broken.close();
    }
  });

  it('a bad query parameter is a 400 naming it', async () => {
    const admin = await t.login('admin@chidao.demo');
    const res = await admin.request('GET', '/api/audit?from=2024-13-45');
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('from');
  });
});

describe('OpenAPI', () => {
  it('/api/openapi.json documents every API route with its schemas', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { responses: object }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const printed = t.app.printRoutes({ commonPrefix: false });
    expect(printed).toContain('api');
    const expected = [
      'POST /api/auth/login',
      'GET /api/auth/session',
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'GET /api/users/',
      'POST /api/users/',
      'GET /api/users/:id',
      'PATCH /api/users/:id',
      'POST /api/users/:id/password',
      'GET /api/users/:id/history',
      'GET /api/users/:id/grants',
      'POST /api/users/:id/grants',
      'DELETE /api/grants/:grantId',
      'GET /api/roles',
      'GET /api/units',
      'GET /api/units/by-code/:code',
      'GET /api/units/:id/timeline',
      'GET /api/units/:id/restate',
      'POST /api/lineage/events',
      'GET /api/lineage/unresolved',
      'POST /api/lineage/unresolved/:id',
      'GET /api/units/:id',
      'GET /api/audit/',
      'GET /api/documents',
      'POST /api/documents',
      'GET /api/documents/types',
      'GET /api/documents/:id',
      'PATCH /api/documents/:id',
      'DELETE /api/documents/:id',
      'POST /api/documents/:id/files',
      'DELETE /api/documents/:id/files/:fileId',
      'GET /api/files/:id/download',
      'GET /api/documents/:id/history',
      'GET /healthz',
      'GET /readyz',
    ];
    for (const route of expected) expect(documented, route).toContain(route);
    const login = doc.paths['/api/auth/login']!.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { properties: object } } } };
    };
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual([
      'email',
      'password',
    ]);
  });

  it('/api/docs serves the browsable API reference', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect([200, 302]).toContain(res.statusCode);
  });
});

describe('audit journal', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on the journal', async () => {
    const db = t.database.db;
    const [first] = (
      (await db.execute(sql`SELECT id FROM audit_journal ORDER BY id LIMIT 1`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    expect(first).toBeDefined();
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await db.execute(statement);
        return 'accepted';
      } catch (err) {
        return String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
      }
    };
    expect(await refusal(sql`UPDATE audit_journal SET action = 'tampered' WHERE id = ${first!.id}`)).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(sql`DELETE FROM audit_journal WHERE id = ${first!.id}`)).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(sql`TRUNCATE audit_journal`)).toMatch(/append-only: TRUNCATE refused/);
  });

  it('administrators search the journal; others get 403', async () => {
    const admin = await t.login('admin@chidao.demo');
    const res = await admin.request('GET', '/api/audit?entity=document&q=quyet dinh thanh lap');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { entity: string; after: { numberSymbol: string } }[] }).items;
    expect(items.map((i) => i.after.numberSymbol)).toContain('1830-QĐ/TU');
    const member = await t.login('uyvien@chidao.demo');
    expect((await member.request('GET', '/api/audit')).statusCode).toBe(403);
  });

  it('entries carry actor, request id and IP', async () => {
    const admin = await t.login('admin@chidao.demo');
    const units = (await admin.request('GET', '/api/units?q=noi vu')).json() as { items: { id: string }[] };
    const created = await admin.request(
      'POST',
      '/api/documents',
      {
        numberSymbol: '99/TB-SNV',
        type: 'thong_bao',
        issuer: 'Sở Nội vụ',
        issuedOn: '2024-03-01',
        title: 'Thông báo kiểm tra',
        unitId: units.items[0]!.id,
        access: 'internal',
      },
      { 'x-request-id': 'req-journal-0001' },
    );
    const id = (created.json() as { id: string }).id;
    const res = (await admin.request('GET', `/api/audit?entityId=${id}`)).json() as {
      items: { actorName: string; requestId: string; ip: string; action: string }[];
    };
    expect(res.items[0]).toMatchObject({
      actorName: 'Quản trị Hệ thống',
      requestId: 'req-journal-0001',
      ip: '127.0.0.1',
      action: 'create',
    });
  });
});
