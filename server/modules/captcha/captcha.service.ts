/**
 * The captcha of public forms (the hotline's now, surveys later): challenges for the browser to solve
 * (./pow.ts) and, on submission, the check that makes each solved challenge good for one submission.
 *
 * State lives in this process, on purpose — chidao is one process (docs/architecture.md):
 * - The signing key is random, made when the process starts. It is kept nowhere, so there is no secret to
 *   configure, store or leak; a restart only makes the challenges issued before it invalid (a form then
 *   gets a new one in a second or two). Keeping the key on disk would be worse: the memory of used
 *   challenges below dies with the process, so a key that outlived it would let a challenge solved before
 *   a restart be used again after it.
 * - The ids of used challenges are kept in memory until their challenge expires, then dropped (they can no
 *   longer be replayed then). Their number is bounded by the submissions of one lifetime of a challenge,
 *   which the routes' rate limits bound in turn.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { issueChallenge, MAX_DIFFICULTY, MIN_DIFFICULTY, verifySolution } from './pow.js';

export type CaptchaSettings = {
  /** Leading zero bits asked for: each one doubles the work (about 2^difficulty hashes). */
  difficulty: number;
  /** How long a challenge may be solved and used: long enough to fill in a form. */
  ttlSeconds: number;
};

/**
 * 16 bits is about 65,000 SHA-256 hashes. WebCrypto in a worker of headless Chromium on one server core did about
 * 50,000 a second (web/src/lib/captcha), so about 1.3 s there on average, a few seconds on a mid-range phone —
 * done while the citizen types, since the form starts solving when it opens. 18 bits, the first estimate, took
 * about 5 s there; each bit doubles the work. 20 minutes covers writing a long letter; the web page fetches a
 * new challenge before the old one expires.
 */
export const DEFAULT_CAPTCHA_SETTINGS: CaptchaSettings = { difficulty: 16, ttlSeconds: 20 * 60 };

const envSchema = z.object({
  CHIDAO_CAPTCHA_DIFFICULTY: z.coerce
    .number()
    .int()
    .min(MIN_DIFFICULTY)
    .max(MAX_DIFFICULTY)
    .default(DEFAULT_CAPTCHA_SETTINGS.difficulty),
});

/** The settings from the environment (README, "Configuration"): `CHIDAO_CAPTCHA_DIFFICULTY`. */
export function captchaSettingsFrom(env: NodeJS.ProcessEnv): CaptchaSettings {
  return { ...DEFAULT_CAPTCHA_SETTINGS, difficulty: envSchema.parse(env).CHIDAO_CAPTCHA_DIFFICULTY };
}

export type CaptchaChallenge = { token: string; salt: string; difficulty: number; expiresAt: Date };

export type Captcha = {
  newChallenge(now?: Date): CaptchaChallenge;
  /** Checks a solution and uses it up; throws a 400 (`captcha.expired` or `captcha.invalid`) otherwise. */
  consumeCaptcha(token: string, nonce: string, now?: Date): void;
};

/** A captcha with its own key and memory of used challenges. */
export function createCaptcha(settings: CaptchaSettings, key: Uint8Array = randomBytes(32)): Captcha {
  const used = new Map<string, number>();
  // Used ids in the order they were used: with one lifetime for every challenge that is nearly expiry order, so
  // the sweep stops at the first one still valid (a scan of all of them would cost O(n) per submission). One
  // that outlives its place is harmless: an expired challenge is refused by its own expiry anyway.
  const forget = (at: number) => {
    for (const [id, expires] of used) {
      if (expires > at) break;
      used.delete(id);
    }
  };
  return {
    newChallenge(now = new Date()) {
      const { token, challenge } = issueChallenge(key, now, settings);
      return {
        token,
        salt: challenge.salt,
        difficulty: challenge.difficulty,
        expiresAt: challenge.expiresAt,
      };
    },
    consumeCaptcha(token, nonce, now = new Date()) {
      forget(now.getTime());
      const result = verifySolution(key, token, nonce, now);
      if (!result.ok && result.reason === 'expired')
        throw new AppError(400, 'CAPTCHA_EXPIRED', 'captcha.expired');
      if (!result.ok || used.has(result.id)) throw new AppError(400, 'CAPTCHA_INVALID', 'captcha.invalid');
      used.set(result.id, result.expiresAt.getTime());
    },
  };
}

let shared: Captcha | null = null;

/** The process's captcha, made on first use with the settings of the environment. */
export function processCaptcha(): Captcha {
  shared ??= createCaptcha(captchaSettingsFrom(process.env));
  return shared;
}

/** A new challenge of the process's captcha (`GET /api/captcha`). */
export const newChallenge = (now?: Date): CaptchaChallenge => processCaptcha().newChallenge(now);

/**
 * Checks the captcha solution sent with a public form and uses it up (one submission per challenge); throws
 * `AppError` 400 `CAPTCHA_EXPIRED` / `CAPTCHA_INVALID` otherwise. Call it after the body is validated and
 * before anything is stored.
 */
export const consumeCaptcha = (token: string, nonce: string, now?: Date): void =>
  processCaptcha().consumeCaptcha(token, nonce, now);
