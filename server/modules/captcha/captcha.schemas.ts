/** The captcha's contract: a challenge for the browser to solve (`GET /api/captcha`). */
import { z } from 'zod';

/**
 * Find a nonce (a short string; the web's solver counts in decimal) such that SHA-256 of `salt + ':' + nonce`
 * starts with `difficulty` zero bits, before `expiresAt`; then send `{ token, nonce }` with the form.
 */
export const captchaChallengeOut = z
  .object({
    token: z.string(),
    salt: z.string(),
    difficulty: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CaptchaChallenge' });
export type CaptchaChallengeOut = z.infer<typeof captchaChallengeOut>;
