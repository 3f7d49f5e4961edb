import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  // A generous rate limit here: these tests sign in many times from one address.
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
});
afterAll(() => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('login', () => {
  it('signs in a demo administrator and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await login('admin@chidao.demo', 'chidao-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'chidao_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const body = res.json() as { roles: string[]; navigation: string[]; csrfToken: string };
    expect(body.roles).toEqual(['admin']);
    expect(body.navigation).toEqual(expect.arrayContaining(['users', 'audit', 'documents']));
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('accepts the e-mail in any case', async () => {
    expect((await login('ADMIN@Chidao.Demo', 'chidao-demo')).statusCode).toBe(200);
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const unknown = await login('nobody@chidao.demo', 'chidao-demo');
    const wrong = await login('thamdinh@chidao.demo', 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({
      error: {
        code: 'INVALID_CREDENTIALS',
        message: expect.stringMatching(/^E-mail hoặc mật khẩu không đúng/),
      },
    });
    expect((wrong.json() as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
  });

  it('a 6th wrong password in a row locks the account; then even the right password is refused', async () => {
    const email = 'kiemtra@chidao.demo';
    for (let i = 1; i <= 5; i++) expect((await login(email, `sai-mat-khau-${i}`)).statusCode).toBe(401);
    const sixth = await login(email, 'sai-mat-khau-6');
    expect(sixth.statusCode).toBe(401);
    expect((sixth.json() as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
    const right = await login(email, 'chidao-demo', { 'accept-language': 'en' });
    expect(right.statusCode).toBe(401);
    // The one generic message says that an account may be locked, without saying whether this one is.
    expect((right.json() as { error: { message: string } }).error.message).toMatch(/temporarily locked/);
    const journal = await t.database.db.execute(sql`SELECT action FROM audit_journal WHERE action = 'lock'`);
    expect((journal as unknown as { rows: unknown[] }).rows.length).toBe(1);
  });

  it('a successful login resets the failure count', async () => {
    const email = 'truongban@chidao.demo';
    for (let i = 0; i < 5; i++) await login(email, 'sai-mat-khau');
    expect((await login(email, 'chidao-demo')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(email, 'sai-mat-khau')).statusCode).toBe(401);
  });

  it('an administrator unlocks an account by setting a new password', async () => {
    const email = 'daumoi.xaydung@chidao.demo';
    for (let i = 0; i < 6; i++) await login(email, 'sai-mat-khau');
    expect((await login(email, 'chidao-demo')).statusCode).toBe(401);
    const admin = await t.login('admin@chidao.demo');
    const target = (await admin.request('GET', `/api/users?q=${email}`)).json() as {
      items: { id: string; locked: boolean }[];
    };
    expect(target.items[0]!.locked).toBe(true);
    const reset = await admin.request('POST', `/api/users/${target.items[0]!.id}/password`, {
      password: 'Mật-khẩu-mới-2026',
    });
    expect(reset.statusCode).toBe(204);
    expect((await login(email, 'Mật-khẩu-mới-2026')).statusCode).toBe(200);
  });

  it('answers an unknown account, a wrong password and a locked account (even with the right password) alike', async () => {
    const body = async (email: string, password: string) => {
      const res = await login(email, password);
      const { requestId: _id, ...error } = (res.json() as { error: Record<string, unknown> }).error;
      return { status: res.statusCode, error, headers: Object.keys(res.headers).sort() };
    };
    const unknown = await body('khong-co@chidao.demo', 'sai-mat-khau');
    const wrong = await body('thamdinh@chidao.demo', 'sai-mat-khau');
    // kiemtra@ was locked above.
    const lockedWrong = await body('kiemtra@chidao.demo', 'sai-mat-khau');
    const lockedRight = await body('kiemtra@chidao.demo', 'chidao-demo');
    expect(unknown.status).toBe(401);
    expect(wrong).toEqual(unknown);
    expect(lockedWrong).toEqual(unknown);
    expect(lockedRight).toEqual(unknown);
  });

  it('25 wrong passwords at once: each is counted once, and the account is locked after the configured 5', async () => {
    const email = 'duongdaynong@chidao.demo';
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(email, `sai-mat-khau-song-song-${i}`)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(25).fill(401));
    const [user] = (
      (await t.database.db.execute(
        sql`SELECT id, failed_logins, locked_until > now() AS locked FROM users WHERE email = ${email}`,
      )) as unknown as { rows: { id: string; failed_logins: number; locked: boolean }[] }
    ).rows;
    expect(user).toMatchObject({ failed_logins: 0, locked: true });
    const locks = (await t.database.db.execute(
      sql`SELECT 1 FROM audit_journal WHERE action = 'lock' AND entity_id = ${user!.id}`,
    )) as unknown as { rows: unknown[] };
    expect(locks.rows).toHaveLength(1);
    expect((await login(email, 'chidao-demo')).statusCode).toBe(401);

    // Exactly after the configured number: 5 wrong passwords at once leave it open, the 6th locks it.
    await t.database.db.execute(
      sql`UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = ${user!.id}`,
    );
    await Promise.all(Array.from({ length: 5 }, (_, i) => login(email, `sai-${i}`)));
    const counted = (await t.database.db.execute(
      sql`SELECT failed_logins, locked_until FROM users WHERE id = ${user!.id}`,
    )) as unknown as { rows: { failed_logins: number; locked_until: unknown }[] };
    expect(counted.rows[0]).toMatchObject({ failed_logins: 5, locked_until: null });
    await login(email, 'sai-6');
    expect((await login(email, 'chidao-demo')).statusCode).toBe(401);
    // Unlocked again for the tests below.
    await t.database.db.execute(
      sql`UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = ${user!.id}`,
    );
    expect((await login(email, 'chidao-demo')).statusCode).toBe(200);
  });

  it('rotates the session on login: the session presented before login is gone', async () => {
    const first = await t.login('thuongtruc@chidao.demo');
    const again = await login('thuongtruc@chidao.demo', 'chidao-demo', { cookie: first.cookie });
    expect(again.statusCode).toBe(200);
    expect(again.cookies[0]!.value).not.toBe(first.cookie.split('=')[1]);
    expect((await first.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('GET /api/auth/session without a cookie is 401 with a readable message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để tiếp tục.' },
    });
  });

  it('logout ends the session', async () => {
    const caller = await t.login('uyvien@chidao.demo');
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await caller.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('a session idle for longer than the idle limit has expired', async () => {
    const caller = await t.login('uyvien@chidao.demo');
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${caller.userId}`,
    );
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('activity in the first minute of a session restarts its idle window', async () => {
    const caller = await t.login('uyvien@chidao.demo');
    const shift = (by: string) =>
      t.database.db.execute(
        sql`UPDATE sessions SET last_seen_at = last_seen_at - ${by}::interval WHERE user_id = ${caller.userId}`,
      );
    // Signed in 30 seconds ago; used now.
    await shift('30 seconds');
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(200);
    // 29 minutes 50 seconds later (idle limit 30 minutes) the session is still open.
    await shift('29 minutes 50 seconds');
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('a session past its absolute expiry has expired even if active', async () => {
    const caller = await t.login('uyvien@chidao.demo');
    await t.database.db.execute(
      sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ${caller.userId}`,
    );
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request of a signed-in user without the CSRF token', async () => {
    const caller = await t.login('admin@chidao.demo');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: caller.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((res.json() as { error: { code: string } }).error.code).toBe('CSRF');
    const wrong = await caller.request('POST', '/api/auth/logout', undefined, {
      'x-csrf-token': 'x'.repeat(43),
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses a cross-site login (foreign Origin)', async () => {
    const res = await login('admin@chidao.demo', 'chidao-demo', {
      origin: 'https://evil.example',
      host: 'chidao.local',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('change password', () => {
  it('enforces the password policy and names the field', async () => {
    const caller = await t.login('thamdinh@chidao.demo');
    const short = await caller.request('POST', '/api/auth/password', {
      currentPassword: 'chidao-demo',
      newPassword: 'ngan1',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'newPassword' }] },
    });
    const wrongCurrent = await caller.request('POST', '/api/auth/password', {
      currentPassword: 'khong-dung-1',
      newPassword: 'Một mật khẩu dài 2026',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect((wrongCurrent.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe(
      'currentPassword',
    );
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const other = await t.login('lanhdao.tuphap@chidao.demo');
    const caller = await t.login('lanhdao.tuphap@chidao.demo');
    const res = await caller.request('POST', '/api/auth/password', {
      currentPassword: 'chidao-demo',
      newPassword: 'Cải cách hành chính 2026',
    });
    expect(res.statusCode).toBe(204);
    expect((await caller.request('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await login('lanhdao.tuphap@chidao.demo', 'chidao-demo')).statusCode).toBe(401);
    expect((await login('lanhdao.tuphap@chidao.demo', 'Cải cách hành chính 2026')).statusCode).toBe(200);
  });
});

describe('navigation by role', () => {
  it.each([
    [
      'admin@chidao.demo',
      [
        'province',
        'home',
        'documents',
        'units',
        'users',
        'audit',
        'committees',
        'meetings',
        'plans',
        'pilots',
        'reports',
        'standings',
        'programmes',
        'inspections',
        'inspections.proposals',
        'inspections.figures',
        'inspections.settings',
        'inspections.self',
        'parindex',
        'parindex.frameworks',
        'parindex.results',
        'surveys',
        'hotline',
        'hotline.stats',
        'hotline.settings',
        'portal',
        'dossiers',
        'dossiers.import',
        'dossiers.mappings',
        'dossiers.tokens',
        'dossiers.settings',
        'calendar',
        'notifications',
        'profile',
      ],
    ],
    [
      'thuongtruc@chidao.demo',
      [
        'province',
        'home',
        'documents',
        'units',
        'committees',
        'meetings',
        'plans',
        'pilots',
        'reports',
        'standings',
        'programmes',
        'inspections',
        'inspections.proposals',
        'inspections.figures',
        'inspections.settings',
        'inspections.self',
        'parindex',
        'parindex.frameworks',
        'parindex.results',
        'surveys',
        'hotline',
        'hotline.stats',
        'hotline.settings',
        'portal',
        'dossiers',
        'dossiers.import',
        'dossiers.mappings',
        'dossiers.settings',
        'calendar',
        'notifications',
        'profile',
      ],
    ],
    [
      'uyvien@chidao.demo',
      [
        'province',
        'home',
        'documents',
        'units',
        'committees',
        'meetings',
        'plans',
        'pilots',
        'reports',
        'standings',
        'programmes',
        'inspections',
        'inspections.proposals',
        'inspections.figures',
        'inspections.settings',
        'inspections.self',
        'parindex',
        'parindex.frameworks',
        'parindex.results',
        'surveys',
        'hotline',
        'hotline.stats',
        'hotline.settings',
        'portal',
        'dossiers',
        'cockpit',
        'calendar',
        'notifications',
        'profile',
      ],
    ],
    [
      'daumoi.tuphap@chidao.demo',
      [
        'home',
        'documents',
        'units',
        'committees',
        'meetings',
        'plans',
        'pilots',
        'reports',
        'standings',
        'inspections',
        'inspections.settings',
        'inspections.self',
        'parindex',
        'parindex.frameworks',
        'parindex.results',
        'surveys',
        'hotline',
        'hotline.stats',
        'hotline.settings',
        'dossiers',
        'calendar',
        'notifications',
        'profile',
      ],
    ],
    [
      'duongdaynong@chidao.demo',
      [
        'home',
        'documents',
        'units',
        'committees',
        'meetings',
        'plans',
        'hotline',
        'hotline.stats',
        'hotline.settings',
        'calendar',
        'notifications',
        'profile',
      ],
    ],
  ])('%s sees %j', async (email, nav) => {
    const caller = await t.login(email);
    expect(
      ((await caller.request('GET', '/api/auth/session')).json() as { navigation: string[] }).navigation,
    ).toEqual(nav);
  });
});

describe('rate limit', () => {
  it('limits login attempts per address and says when to try again', async () => {
    const strict = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 3 } });
    try {
      const attempt = () =>
        strict.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@chidao.demo', password: 'y' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      await strict.close();
    }
  });
});
