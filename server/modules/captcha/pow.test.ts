import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSolution, issueChallenge, leadingZeroBits, verifySolution } from './pow.js';

const key = randomBytes(32);
const NOW = new Date('2026-03-10T02:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/** The search the browser does (web/src/lib/captcha/solve.ts), here on the server's own hash. */
function solve(salt: string, difficulty: number): string {
  for (let n = 0; ; n++) if (isSolution(salt, difficulty, String(n))) return String(n);
}
function wrongNonce(salt: string, difficulty: number): string {
  for (let n = 0; ; n++) if (!isSolution(salt, difficulty, String(n))) return String(n);
}

describe('leadingZeroBits', () => {
  it('counts the zero bits before the first one', () => {
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x40]))).toBe(9);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x00, 0x0f]))).toBe(20);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array())).toBe(0);
  });
});

describe('isSolution', () => {
  it('hashes "salt:nonce" with SHA-256 and asks for `difficulty` leading zero bits', () => {
    const salt = 'a1b2';
    const nonce = solve(salt, 12);
    const digest = createHash('sha256').update(`${salt}:${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12);
    expect(isSolution(salt, 12, nonce)).toBe(true);
    expect(isSolution(`${salt}x`, 12, nonce) && isSolution(salt, 12, `${nonce}x`)).toBe(false);
  });
});

describe('issueChallenge', () => {
  it('gives a signed token and the challenge: random id and hex salt, difficulty, expiry', () => {
    const { token, challenge } = issueChallenge(key, NOW, { difficulty: 18, ttlSeconds: 1200 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(challenge).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      difficulty: 18,
      expiresAt: later(1200),
    });
    expect(token.length).toBeLessThan(300);
    const other = issueChallenge(key, NOW, { difficulty: 18, ttlSeconds: 1200 }).challenge;
    expect(other.id).not.toBe(challenge.id);
    expect(other.salt).not.toBe(challenge.salt);
  });
  it('takes its randomness from the source given', () => {
    const zeros = (n: number) => new Uint8Array(n);
    const { challenge } = issueChallenge(key, NOW, { difficulty: 4, ttlSeconds: 60 }, zeros);
    expect(challenge.id).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(challenge.salt).toBe('0'.repeat(32));
  });
  it('refuses a short key, a difficulty outside 1–32 and a lifetime under a second', () => {
    expect(() => issueChallenge(randomBytes(16), NOW, { difficulty: 8, ttlSeconds: 60 })).toThrow(/32 bytes/);
    for (const difficulty of [0, 33, 8.5])
      expect(() => issueChallenge(key, NOW, { difficulty, ttlSeconds: 60 })).toThrow(RangeError);
    expect(() => issueChallenge(key, NOW, { difficulty: 8, ttlSeconds: 0 })).toThrow(RangeError);
  });
});

describe('verifySolution', () => {
  const issued = issueChallenge(key, NOW, { difficulty: 10, ttlSeconds: 600 });
  const nonce = solve(issued.challenge.salt, 10);

  it('accepts the solution of a challenge before it expires, naming the challenge', () => {
    expect(verifySolution(key, issued.token, nonce, later(1))).toEqual({
      ok: true,
      id: issued.challenge.id,
      expiresAt: later(600),
    });
    expect(verifySolution(key, issued.token, nonce, later(599.999)).ok).toBe(true);
  });
  it('refuses a nonce that does not do the work', () => {
    expect(verifySolution(key, issued.token, wrongNonce(issued.challenge.salt, 10), later(1))).toEqual({
      ok: false,
      reason: 'wrong_solution',
    });
  });
  it('refuses it once expired (at the expiry instant and after)', () => {
    expect(verifySolution(key, issued.token, nonce, later(600))).toEqual({ ok: false, reason: 'expired' });
    expect(verifySolution(key, issued.token, nonce, later(86_400))).toEqual({ ok: false, reason: 'expired' });
  });
  it('refuses a token signed with another key', () => {
    expect(verifySolution(randomBytes(32), issued.token, nonce, later(1))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
  it('refuses a tampered token: a lower difficulty, a later expiry or another salt breaks the signature', () => {
    const [encoded, signature] = issued.token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString()) as Record<string, unknown>;
    for (const change of [
      { difficulty: 1 },
      { exp: later(86_400).getTime() },
      { salt: '00' },
      { id: 'mine' },
    ]) {
      const forged = Buffer.from(JSON.stringify({ ...payload, ...change })).toString('base64url');
      expect(verifySolution(key, `${forged}.${signature}`, '1', later(1)), JSON.stringify(change)).toEqual({
        ok: false,
        reason: 'bad_signature',
      });
    }
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    expect(verifySolution(key, `${encoded}.${flipped}`, nonce, later(1)).ok).toBe(false);
    expect(verifySolution(key, `${encoded}.${signature.slice(0, 20)}`, nonce, later(1))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
  it('refuses malformed tokens and nonces', () => {
    for (const token of ['', 'abc', 'a.b.c', `${issued.token}.x`, 'ab+c.def', `${'a'.repeat(2001)}.b`])
      expect(verifySolution(key, token, nonce, later(1)), token).toEqual({ ok: false, reason: 'malformed' });
    for (const bad of ['', ' ', 'é', '1 2', 'x'.repeat(101), '\n'])
      expect(verifySolution(key, issued.token, bad, later(1)), JSON.stringify(bad)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    expect(verifySolution(key, 42 as unknown as string, nonce, later(1))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
  it('refuses a well-signed payload that is not a challenge (only the key holder could make one)', () => {
    const encoded = Buffer.from('{"id":1}').toString('base64url');
    const signature = createHmac('sha256', key).update(encoded).digest('base64url');
    expect(verifySolution(key, `${encoded}.${signature}`, '1', later(1))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
  it('refuses a short key', () => {
    expect(() => verifySolution(randomBytes(8), issued.token, nonce, later(1))).toThrow(RangeError);
  });
  it('solves and verifies at difficulty 16 (about 65,000 hashes to find, one to check)', () => {
    const hard = issueChallenge(key, NOW, { difficulty: 16, ttlSeconds: 600 });
    const found = solve(hard.challenge.salt, 16);
    expect(verifySolution(key, hard.token, found, later(1)).ok).toBe(true);
    expect(isSolution(hard.challenge.salt, 16, found)).toBe(true);
  });
});
