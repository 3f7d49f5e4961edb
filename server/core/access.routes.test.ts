/**
 * Every registered route declares who may call it, the OpenAPI document says it (`x-access`), and the
 * gate keeps its promise — generated over every route, so a new module is covered the day it lands:
 * anonymously every non-public route answers 401 (a token route too, without its Bearer header), every
 * role that a route does not name answers 403, and no route answers 5xx to any demo role.
 */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ROLES } from '../modules/access/roles.js';
import { testApp, type Caller, type TestApp } from '../test/harness.js';
import { accessOf } from './access.js';

let t: TestApp;
const callers = new Map<string, Caller>();

/** One demo account per role (README). */
const ACCOUNT: Record<(typeof ROLES)[number], string> = {
  admin: 'admin@chidao.demo',
  standing_officer: 'thuongtruc@chidao.demo',
  committee_leader: 'truongban@chidao.demo',
  committee_member: 'uyvien@chidao.demo',
  focal_point: 'daumoi.tuphap@chidao.demo',
  unit_leader: 'lanhdao.tuphap@chidao.demo',
  appraiser: 'thamdinh@chidao.demo',
  inspector: 'kiemtra@chidao.demo',
  hotline_officer: 'duongdaynong@chidao.demo',
};

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The routes of the API and the operations endpoints (not the web app's files), one per method. */
function apiRoutes(): { method: string; url: string; route: RouteOptions }[] {
  return t.app.registeredRoutes.flatMap((route) =>
    [route.method]
      .flat()
      .filter((m) => m !== 'HEAD' && m !== 'OPTIONS')
      .map((method) => ({ method, url: route.url, route })),
  );
}

/** A concrete URL for a route: every parameter an unknown id (or a plausible code), wildcards a path. */
const concrete = (url: string) =>
  url.replace(/:(\w+)/g, (_, name: string) =>
    name === 'kind' ? 'plan_task' : /code/i.test(name) ? '40' : UNKNOWN,
  );

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  for (const [role, email] of Object.entries(ACCOUNT)) callers.set(role, await t.login(email));
}, 300_000);
afterAll(() => t.close());

describe('declared access', () => {
  it('every registered route declares who may call it', () => {
    const undeclared = t.app.registeredRoutes
      .filter((r) => !accessOf(r.config))
      .map((r) => `${[r.method].flat().join(',')} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(150);
  });

  it('every operation of the OpenAPI document carries its declaration as x-access', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { 'x-access'?: { auth: string } }>>;
    };
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !op['x-access'])
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
    expect(doc.paths['/api/auth/login']!.post!['x-access']).toEqual({ auth: 'public' });
    expect(doc.paths['/api/dossiers/ingest']!.post!['x-access']).toEqual({ auth: 'token' });
    expect(doc.paths['/api/audit/']!.get!['x-access']).toEqual({ auth: 'session', roles: ['admin'] });
  });
});

describe('generated authorization: every route × anonymous and every role', () => {
  it('anonymously, every route that is not public answers 401 before anything else', async () => {
    const wrong: string[] = [];
    for (const { method, url, route } of apiRoutes()) {
      const access = accessOf(route.config);
      if (!access || access.auth === 'public' || !url.startsWith('/api/')) continue;
      const res = await t.app.inject({ method: method as 'GET', url: concrete(url), payload: {} });
      if (res.statusCode !== 401) wrong.push(`${method} ${url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('every role a route does not name is refused with 403; no role ever gets a 5xx', async () => {
    const wrong: string[] = [];
    for (const { method, url, route } of apiRoutes()) {
      const access = accessOf(route.config);
      if (!access || !url.startsWith('/api/') || access.auth === 'token') continue;
      if (method !== 'GET' && url === '/api/auth/logout') continue; // would end the caller's session
      for (const [role, caller] of callers) {
        const res = await caller.request(method, concrete(url), method === 'GET' ? undefined : {});
        if (res.statusCode >= 500)
          wrong.push(`${role} ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        const named = access.auth !== 'session' || !access.roles || access.roles.includes(role as never);
        if (!named && res.statusCode !== 403)
          wrong.push(`${role} ${method} ${url} → ${res.statusCode}, not 403`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  it('a token route refuses a cookie session without its Bearer token', async () => {
    const res = await callers.get('admin')!.request('POST', '/api/dossiers/ingest', { dossiers: [] });
    expect(res.statusCode).toBe(401);
  });
});
