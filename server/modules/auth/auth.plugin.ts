import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { enforceAccess, isTokenRoute, usesSession } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { pickLocale } from '../../core/messages.js';
import { resolveSession, SESSION_COOKIE, type SessionPolicy } from './auth.service.js';

const LOGIN_URL = '/api/auth/login';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originMatches(request: FastifyRequest): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) return true; // non-browser clients send neither; cookies are SameSite=Lax anyway
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function sessionPolicy(app: FastifyInstance): SessionPolicy {
  return { ...app.config.session, ...app.config.login };
}

/**
 * Attaches `request.ctx` (database, actor, request id, IP, locale) to every request, resolving the
 * session cookie; enforces each route's declared access (`core/access.ts`: default deny); and protects
 * state-changing requests against CSRF: a signed-in caller must echo the session's CSRF token in
 * `x-csrf-token`; an anonymous caller's Origin must be this host; a token route (Bearer header, no
 * cookie session) needs neither — a cross-site page cannot set that header.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    const explicit = request.headers['x-chidao-locale'];
    const locale = pickLocale(typeof explicit === 'string' ? explicit : request.headers['accept-language']);
    request.ctx = { db: app.database.db, actor: null, requestId: request.id, ip: request.ip ?? null, locale };
    const url = request.url;
    const api = url.startsWith('/api/');
    const raw = request.cookies[SESSION_COOKIE];
    if (raw && (api || usesSession(request.routeOptions.config))) {
      const resolved = await resolveSession(app.database.db, sessionPolicy(app), raw);
      if (resolved) {
        request.ctx.actor = resolved.actor;
        request.session = resolved.session;
        request.sessionToken = raw;
        if (!explicit && !request.headers['accept-language']) {
          request.ctx.locale = resolved.user.locale === 'en' ? 'en' : 'vi';
        }
      }
    }
    enforceAccess(request);
    if (!api || SAFE_METHODS.has(request.method)) return;
    if (isTokenRoute(request)) return;
    // Signing in needs no token (the browser has none yet, or one of an old session); its Origin is checked.
    if (request.session && url.split('?')[0] !== LOGIN_URL) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
        throw new AppError(403, 'CSRF', 'error.csrf');
      }
    } else if (!originMatches(request)) {
      throw new AppError(403, 'CSRF', 'error.csrf');
    }
  });
});
