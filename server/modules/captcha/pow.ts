/**
 * A proof-of-work captcha for public forms, pure: no clock, no state. The server signs a challenge; the
 * browser searches for a nonce such that SHA-256(`salt:nonce`) starts with `difficulty` zero bits (about
 * 2^difficulty hashes: captcha.service.ts has the measured times); checking it costs one hash. A person filling the
 * form never sees it (it runs while they type), while a script sending thousands of submissions pays for
 * each one — without a third-party service seeing the citizens' traffic.
 *
 * The challenge travels as a token, `base64url(payload) + '.' + base64url(HMAC-SHA256(key, base64url
 * payload))`, so the server keeps nothing until a solution comes back; making each challenge good for one
 * submission is the caller's part (captcha.service.ts).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Challenge = { id: string; salt: string; difficulty: number; expiresAt: Date };

export type Verification =
  | { ok: true; id: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_solution' };

/** What a difficulty may be: 1 bit (tests) to 32 (far beyond what a phone solves; larger is a mistake). */
export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 32;
/** A key shorter than the hash is weaker than it needs to be (RFC 2104, section 3). */
const MIN_KEY_BYTES = 32;
/** Longest token and nonce taken in: a real token is about 200 characters, a nonce a few digits. */
const MAX_TOKEN_LENGTH = 2000;
const NONCE = /^[\x21-\x7e]{1,100}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

type Payload = { id: string; salt: string; difficulty: number; exp: number };

function checkKey(key: Uint8Array): void {
  if (key.length < MIN_KEY_BYTES) throw new RangeError(`A captcha key needs at least ${MIN_KEY_BYTES} bytes`);
}

const mac = (key: Uint8Array, payload: string): Buffer => createHmac('sha256', key).update(payload).digest();

/** Leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether `nonce` solves a challenge of this salt and difficulty: SHA-256(`salt:nonce`) has enough zero bits. */
export function isSolution(salt: string, difficulty: number, nonce: string): boolean {
  return leadingZeroBits(createHash('sha256').update(`${salt}:${nonce}`).digest()) >= difficulty;
}

/**
 * A new challenge expiring `ttlSeconds` after `now`, and its signed token. `random(n)` gives n random bytes
 * (default `crypto.randomBytes`).
 */
export function issueChallenge(
  key: Uint8Array,
  now: Date,
  options: { difficulty: number; ttlSeconds: number },
  random: (size: number) => Uint8Array = randomBytes,
): { token: string; challenge: Challenge } {
  checkKey(key);
  const { difficulty, ttlSeconds } = options;
  if (!Number.isInteger(difficulty) || difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY)
    throw new RangeError(
      `Captcha difficulty must be ${MIN_DIFFICULTY}–${MAX_DIFFICULTY} bits, got ${difficulty}`,
    );
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1)
    throw new RangeError(`A captcha must live at least a second, got ${ttlSeconds}`);
  const payload: Payload = {
    id: Buffer.from(random(16)).toString('base64url'),
    salt: Buffer.from(random(16)).toString('hex'),
    difficulty,
    exp: now.getTime() + ttlSeconds * 1000,
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return {
    token: `${encoded}.${mac(key, encoded).toString('base64url')}`,
    challenge: { id: payload.id, salt: payload.salt, difficulty, expiresAt: new Date(payload.exp) },
  };
}

function parsePayload(encoded: string): Payload | null {
  try {
    const p = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Payload> | null;
    if (
      typeof p?.id === 'string' &&
      typeof p.salt === 'string' &&
      Number.isInteger(p.difficulty) &&
      Number.isFinite(p.exp)
    )
      return p as Payload;
  } catch {
    // not JSON: malformed
  }
  return null;
}

/**
 * Checks a token and the nonce found for it, in this order: the token's shape and the nonce's
 * ('malformed'), the signature ('bad_signature': forged or altered), the expiry at `now` ('expired'), the
 * work ('wrong_solution').
 */
export function verifySolution(key: Uint8Array, token: string, nonce: string, now: Date): Verification {
  checkKey(key);
  if (
    typeof token !== 'string' ||
    typeof nonce !== 'string' ||
    token.length > MAX_TOKEN_LENGTH ||
    !NONCE.test(nonce)
  )
    return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((p) => BASE64URL.test(p))) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const payload = parsePayload(encoded);
  if (!payload) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= payload.exp) return { ok: false, reason: 'expired' };
  if (!isSolution(payload.salt, payload.difficulty, nonce)) return { ok: false, reason: 'wrong_solution' };
  return { ok: true, id: payload.id, expiresAt: new Date(payload.exp) };
}
