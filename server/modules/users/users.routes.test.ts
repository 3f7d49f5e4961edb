import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type User = {
  id: string;
  email: string;
  fullName: string;
  version: number;
  unitName: string | null;
  abilities: Record<string, boolean>;
};
type Grant = { id: string; role: string; unitId: string; unitName: string; abilities: { revoke: boolean } };

let t: TestApp;
let admin: Caller;
let units: Map<string, string>;

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  admin = await t.login('admin@chidao.demo');
  units = new Map(
    (
      (await admin.request('GET', '/api/units?kind=department&limit=500')).json() as {
        items: { id: string; name: string }[];
      }
    ).items.map((u) => [u.name, u.id]),
  );
});
afterAll(() => t.close());

describe('accounts', () => {
  it('an administrator creates an account, grants it a role over a unit subtree, and the account signs in with it', async () => {
    const created = await admin.request('POST', '/api/users', {
      email: 'Nguyen.Van.Moi@NgheAn.gov.vn',
      fullName: 'Nguyễn Văn Mới',
      unitId: units.get('Sở Y tế'),
      position: 'Chuyên viên',
      password: 'Một mật khẩu tốt 2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json() as User;
    expect(user.email).toBe('nguyen.van.moi@nghean.gov.vn');
    expect(user.unitName).toBe('Sở Y tế');
    const grant = await admin.request('POST', `/api/users/${user.id}/grants`, {
      role: 'focal_point',
      unitId: units.get('Sở Y tế'),
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((grant.json() as Grant).unitName).toBe('Sở Y tế tỉnh Nghệ An');
    const caller = await t.login('nguyen.van.moi@nghean.gov.vn', 'Một mật khẩu tốt 2026');
    const session = (await caller.request('GET', '/api/auth/session')).json() as { roles: string[] };
    expect(session.roles).toEqual(['focal_point']);
  });

  it('refuses a duplicate e-mail with 409 naming the field', async () => {
    const res = await admin.request('POST', '/api/users', {
      email: 'ADMIN@chidao.demo',
      fullName: 'Trùng E-mail',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'EMAIL_TAKEN', details: [{ field: 'email' }] } });
  });

  it('refuses a weak password naming the rule', async () => {
    const res = await admin.request('POST', '/api/users', {
      email: 'yeu@chidao.demo',
      fullName: 'Mật Khẩu Yếu',
      password: '1234567890',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { details: [{ field: 'password' }] } });
  });

  it('a stale profile edit gets 409', async () => {
    const me = await t.login('uyvien@chidao.demo');
    const self = (await me.request('GET', `/api/users/${me.userId}`)).json() as User;
    expect(
      (
        await me.request('PATCH', `/api/users/${me.userId}`, {
          version: self.version,
          phone: '0238 3844 123',
        })
      ).statusCode,
    ).toBe(200);
    const stale = await admin.request('PATCH', `/api/users/${me.userId}`, {
      version: self.version,
      position: 'Ủy viên',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { code: string } }).error.code).toBe('STALE_VERSION');
  });

  it('non-administrators cannot list accounts, change their own unit or read other accounts', async () => {
    const focal = await t.login('daumoi.tuphap@chidao.demo');
    expect((await focal.request('GET', '/api/users')).statusCode).toBe(403);
    const self = (await focal.request('GET', `/api/users/${focal.userId}`)).json() as User;
    expect(self.abilities).toMatchObject({ read: true, update: true, manage: false });
    expect(
      (
        await focal.request('PATCH', `/api/users/${focal.userId}`, {
          version: self.version,
          unitId: units.get('Sở Nội vụ'),
        })
      ).statusCode,
    ).toBe(403);
    expect((await focal.request('GET', `/api/users/${admin.userId}`)).statusCode).toBe(403);
  });

  it('an administrator cannot change their own grants', async () => {
    const grants = (await admin.request('GET', `/api/users/${admin.userId}/grants`)).json() as {
      items: Grant[];
    };
    expect(grants.items[0]!.abilities.revoke).toBe(false);
    expect((await admin.request('DELETE', `/api/grants/${grants.items[0]!.id}`)).statusCode).toBe(403);
  });

  it('revoking a grant takes effect on the next request and is journalled', async () => {
    const target = (await admin.request('GET', '/api/users?q=kiem tra')).json() as { items: User[] };
    const user = target.items[0]!;
    const grants = (await admin.request('GET', `/api/users/${user.id}/grants`)).json() as { items: Grant[] };
    expect((await admin.request('DELETE', `/api/grants/${grants.items[0]!.id}`)).statusCode).toBe(204);
    const history = (
      await admin.request('GET', `/api/audit?entity=grant&entityId=${grants.items[0]!.id}`)
    ).json() as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toEqual(['delete', 'create']);
  });

  it('lists accounts sorted in Vietnamese order and finds them without accents', async () => {
    const res = (await admin.request('GET', '/api/users?limit=100')).json() as {
      items: User[];
      total: number;
    };
    const names = res.items.map((u) => u.fullName);
    expect([...names].sort(new Intl.Collator('vi').compare)).toEqual(names);
    const found = (await admin.request('GET', '/api/users?q=dang van xay dung')).json() as { items: User[] };
    expect(found.items.map((u) => u.fullName)).toEqual(['Đặng Văn Xây Dựng']);
  });

  it('sorts the list on the server by e-mail, unit or last sign-in, then pages it', async () => {
    type Row = User & { lastLoginAt: string | null };
    const list = async (query: string) =>
      (
        (await admin.request('GET', `/api/users?limit=100&${query}`)).json() as {
          items: Row[];
          total: number;
        }
      ).items;
    const emails = (await list('sort=email&dir=asc')).map((u) => u.email);
    expect(emails.length).toBeGreaterThan(3);
    expect(emails).toEqual([...emails].sort());
    expect((await list('sort=email&dir=desc')).map((u) => u.email)).toEqual([...emails].reverse());
    // A page of the sorted list is that slice of it.
    const page = (await admin.request('GET', '/api/users?sort=email&dir=asc&limit=2&offset=2')).json() as {
      items: Row[];
      total: number;
    };
    expect(page.items.map((u) => u.email)).toEqual(emails.slice(2, 4));
    expect(page.total).toBe(emails.length);
    // Most recent sign-in first; accounts that never signed in come last.
    const logins = (await list('sort=lastLoginAt&dir=desc')).map((u) => u.lastLoginAt);
    const signedIn = logins.filter((l): l is string => l !== null);
    expect(signedIn.length).toBeGreaterThan(0);
    expect(logins.slice(0, signedIn.length)).toEqual([...signedIn].sort().reverse());
    // By unit: accounts without a unit last, in both directions.
    for (const dir of ['asc', 'desc']) {
      const byUnit = (await list(`sort=unit&dir=${dir}`)).map((u) => u.unitName);
      const firstNull = byUnit.indexOf(null);
      if (firstNull >= 0) expect(byUnit.slice(firstNull).every((n) => n === null)).toBe(true);
    }
    expect((await admin.request('GET', '/api/users?sort=passwordHash')).statusCode).toBe(400);
  });

  it('a deactivated account loses its sessions at once', async () => {
    const hotline = await t.login('duongdaynong@chidao.demo');
    const row = (await admin.request('GET', `/api/users/${hotline.userId}`)).json() as User;
    expect(
      (await admin.request('PATCH', `/api/users/${hotline.userId}`, { version: row.version, active: false }))
        .statusCode,
    ).toBe(200);
    expect((await hotline.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });
});
