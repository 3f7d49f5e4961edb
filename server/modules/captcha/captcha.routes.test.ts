import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../core/messages.js';
import { testApp, type TestApp } from '../../test/harness.js';
import type { CaptchaChallengeOut } from './captcha.schemas.js';
import { consumeCaptcha } from './captcha.service.js';
import { isSolution } from './pow.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const solve = (salt: string, difficulty: number) => {
  for (let n = 0; ; n++) if (isSolution(salt, difficulty, String(n))) return String(n);
};

describe('GET /api/captcha', () => {
  it('gives anyone a challenge (16 bits by default, 20 minutes), never cached', async () => {
    const before = Date.now();
    const res = await t.app.inject({ url: '/api/captcha' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as CaptchaChallengeOut;
    expect(body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      difficulty: 16,
      expiresAt: expect.any(String),
    });
    const lives = Date.parse(body.expiresAt) - before;
    expect(lives).toBeGreaterThan(19 * 60_000);
    expect(lives).toBeLessThanOrEqual(20 * 60_000 + 5_000);
  });

  it('is declared public in the API description', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { 'x-access'?: unknown } }>;
    };
    expect(doc.paths['/api/captcha']?.get?.['x-access']).toEqual({ auth: 'public' });
  });

  it('a solved challenge passes consumeCaptcha once; the same solution again, or expired, gives a 400 to show', async () => {
    const body = (await t.app.inject({ url: '/api/captcha' })).json() as CaptchaChallengeOut;
    const nonce = solve(body.salt, body.difficulty);
    expect(() => consumeCaptcha(body.token, nonce)).not.toThrow();
    expect(() => consumeCaptcha(body.token, nonce)).toThrow(
      expect.objectContaining({ status: 400, code: 'CAPTCHA_INVALID', messageKey: 'captcha.invalid' }),
    );
    const fresh = (await t.app.inject({ url: '/api/captcha' })).json() as CaptchaChallengeOut;
    expect(() =>
      consumeCaptcha(fresh.token, solve(fresh.salt, fresh.difficulty), new Date(Date.now() + 21 * 60_000)),
    ).toThrow(
      expect.objectContaining({ status: 400, code: 'CAPTCHA_EXPIRED', messageKey: 'captcha.expired' }),
    );
    expect(translate('vi', 'captcha.expired')).toMatch(/^Trang đã mở quá lâu/);
    expect(translate('en', 'captcha.invalid')).toMatch(/^We could not confirm this submission/);
  });

  it('is rate-limited per address (60 a minute)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await t.app.inject({ url: '/api/captcha' })).statusCode);
    expect(codes.slice(0, 57).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
