import { PUBLIC } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { captchaChallengeOut } from './captcha.schemas.js';
import { newChallenge, processCaptcha } from './captcha.service.js';

/**
 * Issuing costs the server one HMAC, so the limit only stops floods; it is generous because many citizens
 * may share one address (mobile networks, a ward office's computer).
 */
const CHALLENGES_PER_MINUTE = 60;

export async function captchaRoutes(app: App) {
  // Made now, so that a wrong CHIDAO_CAPTCHA_DIFFICULTY stops the start rather than the first citizen's form.
  processCaptcha();

  app.get(
    '/captcha',
    {
      config: { access: PUBLIC, rateLimit: { max: CHALLENGES_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['captcha'],
        summary:
          'A proof-of-work challenge for a public form (solve it, then send the token and nonce with the form)',
        response: { 200: captchaChallengeOut, ...errorResponses },
      },
    },
    async (_request, reply) => {
      const challenge = newChallenge();
      // Each challenge is good for one submission: no cache may hand it to a second page.
      reply.header('cache-control', 'no-store');
      return { ...challenge, expiresAt: challenge.expiresAt.toISOString() };
    },
  );
}
