/**
 * The generated authorization test's second dimension: every route × every role × a record inside and one
 * outside the grant's subtree. For each role, an account holding that role over Sở Tư pháp only; for each
 * route that names a record in its path, a record owned by Sở Tư pháp (inside) and one owned by Sở Xây dựng or
 * by the province (outside), with a request body built from the route's own schema (server/test/fuzz/):
 * - a change to a record outside the grant's subtree never succeeds, whatever the role;
 * - a record inside is never refused to a role the route names when the route only reads;
 * - nothing answers 5xx.
 * A new route whose path names a kind of record this test cannot find fails it until the kind is added below:
 * each module is covered the day it lands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../modules/access/roles.js';
import { testApp, type Caller, type TestApp } from '../test/harness.js';
import { apiTargets, type Target } from '../test/fuzz/fuzz.js';
import { KINDS, kindOf, records, WORK_KINDS } from '../test/fuzz/records.js';
import { rng, validSample } from '../test/fuzz/samples.js';
import { accessOf } from './access.js';

let t: TestApp;
const scoped = new Map<Role, Caller>();
let tuphap: string;
let xaydung: string;
const PASSWORD = 'Pham-vi-kiem-tra-2026';

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 1000, lockMinutes: 1, ratePerMinute: 100_000 } });
  const admin = await t.login('admin@chidao.demo');
  const list = (await admin.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  tuphap = list.items.find((u) => u.name === 'Sở Tư pháp')!.id;
  xaydung = list.items.find((u) => u.name === 'Sở Xây dựng')!.id;
  for (const role of ROLES) {
    const email = `scope.${role.replace(/_/g, '-')}@example.vn`;
    const created = await admin.request('POST', '/api/users', {
      email,
      fullName: `Phạm vi ${role}`,
      unitId: tuphap,
      password: PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    const grant = await admin.request('POST', `/api/users/${created.json().id}/grants`, {
      role,
      unitId: tuphap,
    });
    expect(grant.statusCode, grant.body).toBe(201);
    scoped.set(role, await t.login(email, PASSWORD));
  }
}, 300_000);
afterAll(() => t?.close());

/** The route's URL with its record (and a plausible value for other parameters). */
function urlFor(target: Target, id: string, workKind?: string): string {
  let first = true;
  return target.url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'kind' && workKind) return workKind;
    if (first) {
      first = false;
      return id;
    }
    return name === 'kind' ? 'six_months' : '00000000-0000-4000-8000-000000000000';
  });
}

const scopedTargets = () =>
  apiTargets(t).filter((x) => {
    const access = accessOf(x.route.config);
    return access?.auth === 'session' && /\/:\w+/.test(x.url) && x.url !== '/api/auth/logout';
  });

describe('generated authorization: every route × every role × inside and outside the grant', () => {
  it('knows where every kind of record named in a path lives', async () => {
    const unknown = [...new Set(scopedTargets().map((x) => kindOf(x.url)))].filter(
      (k) => k && k !== 'work' && !KINDS[k],
    );
    expect(unknown).toEqual([]);
  });

  it('a change outside the grant never succeeds; a read inside is not refused to a named role; no 5xx', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const r = rng(11);
    for (const target of scopedTargets()) {
      const kind = kindOf(target.url)!;
      const access = accessOf(target.route.config)!;
      const named = (role: Role) =>
        access.auth === 'session' && (!access.roles || access.roles.includes(role));
      const cases: { kind: string; workKind?: string }[] =
        kind === 'work'
          ? Object.entries(WORK_KINDS).map(([workKind, k]) => ({ kind: k, workKind }))
          : [{ kind }];
      for (const c of cases) {
        const found = await records(t, c.kind, tuphap, xaydung);
        if (found === 'own') continue;
        const schema = (target.route.schema ?? {}) as { querystring?: unknown; body?: unknown };
        for (const [where, id] of [
          ['outside', found.outside],
          ['inside', found.inside],
        ] as const) {
          if (!id) continue;
          const unit = where === 'inside' ? tuphap : xaydung;
          const hints = { unitId: unit, ids: [id] };
          const query = validSample(schema.querystring, hints, r)?.value as
            Record<string, unknown> | undefined;
          const qs =
            query && Object.keys(query).length
              ? '?' +
                new URLSearchParams(
                  Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
                ).toString()
              : '';
          const body =
            target.method === 'GET' || target.method === 'DELETE'
              ? undefined
              : (validSample(schema.body, hints, r)?.value ?? {});
          const url = urlFor(target, id, c.workKind) + qs;
          for (const role of ROLES) {
            let res = await scoped.get(role)!.request(target.method, url, body);
            // A stale version says the current one: send again with it, so the scope (not the version) decides.
            const current = res.statusCode === 409 ? res.json()?.error?.params?.current : undefined;
            if (current !== undefined && body && typeof body === 'object' && 'version' in body)
              res = await scoped
                .get(role)!
                .request(target.method, url, { ...body, version: Number(current) });
            checked++;
            const line = `${role} ${where} ${target.method} ${target.url}${c.workKind ? ` (${c.workKind})` : ''} → ${res.statusCode}`;
            if (res.statusCode >= 500) wrong.push(`${line} ${res.body.slice(0, 160)}`);
            if (where === 'outside' && target.method !== 'GET' && res.statusCode < 300)
              wrong.push(`${line}: changed a record outside the grant`);
            const reads = named(role) && (!found.readers || found.readers.includes(role));
            if (where === 'inside' && target.method === 'GET' && reads && res.statusCode === 403)
              wrong.push(`${line}: refused a read inside the grant`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 600_000);
});
