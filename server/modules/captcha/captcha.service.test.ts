import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { captchaSettingsFrom, createCaptcha, DEFAULT_CAPTCHA_SETTINGS } from './captcha.service.js';
import { isSolution } from './pow.js';

const NOW = new Date('2026-03-10T02:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const solve = (salt: string, difficulty: number) => {
  for (let n = 0; ; n++) if (isSolution(salt, difficulty, String(n))) return String(n);
};
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, code: e.code, key: e.messageKey };
    throw e;
  }
  return null;
};

describe('captchaSettingsFrom (CHIDAO_CAPTCHA_DIFFICULTY)', () => {
  it('defaults to 16 bits and 20 minutes', () => {
    expect(captchaSettingsFrom({})).toEqual({ difficulty: 16, ttlSeconds: 1200 });
    expect(DEFAULT_CAPTCHA_SETTINGS).toEqual({ difficulty: 16, ttlSeconds: 1200 });
  });
  it('takes a whole number of bits from 1 to 32', () => {
    expect(captchaSettingsFrom({ CHIDAO_CAPTCHA_DIFFICULTY: '20' }).difficulty).toBe(20);
    expect(captchaSettingsFrom({ CHIDAO_CAPTCHA_DIFFICULTY: '1' }).difficulty).toBe(1);
    for (const wrong of ['0', '33', '18.5', 'hard'])
      expect(() => captchaSettingsFrom({ CHIDAO_CAPTCHA_DIFFICULTY: wrong }), wrong).toThrow();
  });
});

describe('createCaptcha', () => {
  const captcha = createCaptcha({ difficulty: 8, ttlSeconds: 600 });

  it('issues challenges to solve: token, salt, difficulty and expiry', () => {
    const c = captcha.newChallenge(NOW);
    expect(c).toEqual({
      token: expect.stringMatching(/\./),
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      difficulty: 8,
      expiresAt: later(600),
    });
  });
  it('accepts a solution once: the same solution again is refused (400 captcha.invalid)', () => {
    const c = captcha.newChallenge(NOW);
    const nonce = solve(c.salt, 8);
    expect(refusal(() => captcha.consumeCaptcha(c.token, nonce, later(5)))).toBeNull();
    expect(refusal(() => captcha.consumeCaptcha(c.token, nonce, later(6)))).toEqual({
      status: 400,
      code: 'CAPTCHA_INVALID',
      key: 'captcha.invalid',
    });
  });
  it('refuses a wrong nonce, a forged token and another captcha’s token as invalid', () => {
    const c = captcha.newChallenge(NOW);
    let wrong = 0;
    while (isSolution(c.salt, 8, String(wrong))) wrong++;
    const invalid = { status: 400, code: 'CAPTCHA_INVALID', key: 'captcha.invalid' };
    expect(refusal(() => captcha.consumeCaptcha(c.token, String(wrong), later(5)))).toEqual(invalid);
    expect(refusal(() => captcha.consumeCaptcha('x.y', '1', later(5)))).toEqual(invalid);
    const other = createCaptcha({ difficulty: 8, ttlSeconds: 600 }).newChallenge(NOW);
    expect(refusal(() => captcha.consumeCaptcha(other.token, solve(other.salt, 8), later(5)))).toEqual(
      invalid,
    );
    // A wrong attempt does not use the challenge up.
    expect(refusal(() => captcha.consumeCaptcha(c.token, solve(c.salt, 8), later(6)))).toBeNull();
  });
  it('refuses an expired solution as expired (400 captcha.expired), used or not', () => {
    const c = captcha.newChallenge(NOW);
    const nonce = solve(c.salt, 8);
    const expired = { status: 400, code: 'CAPTCHA_EXPIRED', key: 'captcha.expired' };
    expect(refusal(() => captcha.consumeCaptcha(c.token, nonce, later(600)))).toEqual(expired);
    const used = captcha.newChallenge(NOW);
    const usedNonce = solve(used.salt, 8);
    captcha.consumeCaptcha(used.token, usedNonce, later(1));
    expect(refusal(() => captcha.consumeCaptcha(used.token, usedNonce, later(601)))).toEqual(expired);
  });
  it('signs with a key of its own: a restart (a new captcha) invalidates earlier challenges', () => {
    const before = captcha.newChallenge(NOW);
    const restarted = createCaptcha({ difficulty: 8, ttlSeconds: 600 });
    expect(
      refusal(() => restarted.consumeCaptcha(before.token, solve(before.salt, 8), later(1))),
    ).toMatchObject({
      key: 'captcha.invalid',
    });
  });
  it('refuses settings pow.ts refuses, when issuing', () => {
    expect(() => createCaptcha({ difficulty: 0, ttlSeconds: 600 }).newChallenge(NOW)).toThrow(RangeError);
  });
});
