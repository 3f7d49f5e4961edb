import { PUBLIC, SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { loadActor } from '../access/access.service.js';
import { changeOwnPassword, login, logout, SESSION_COOKIE } from './auth.service.js';
import { sessionPolicy } from './auth.plugin.js';
import { loginIn, passwordChangeIn, sessionOut } from './auth.schemas.js';
import { navigationFor } from './navigation.js';

export async function authRoutes(app: App) {
  const policy = sessionPolicy(app);
  const secure = (proto: string) =>
    policy.secureCookie === 'auto' ? proto === 'https' : policy.secureCookie;

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: loginIn,
        response: { 200: sessionOut, ...errorResponses },
      },
      config: { access: PUBLIC, rateLimit: { max: app.config.login.ratePerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const result = await login(request.ctx, policy, request.body.email, request.body.password, {
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request.protocol),
        expires: result.session.expiresAt,
      });
      const actor = await loadActor(request.ctx.db, result.user);
      return {
        user: {
          id: result.user.id,
          email: result.user.email,
          fullName: result.user.fullName,
          unitId: result.user.unitId,
          locale: result.user.locale,
        },
        grants: [...actor.grants],
        roles: [...actor.roles],
        csrfToken: result.session.csrfToken,
        expiresAt: result.session.expiresAt.toISOString(),
        navigation: navigationFor(actor),
      };
    },
  );

  app.get(
    '/session',
    {
      config: { access: SESSION },
      schema: {
        tags: ['auth'],
        summary: 'The current session, with the CSRF token and navigation',
        response: { 200: sessionOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const u = ctx.actor.user;
      return {
        user: { id: u.id, email: u.email, fullName: u.fullName, unitId: u.unitId, locale: ctx.locale },
        grants: [...ctx.actor.grants],
        roles: [...ctx.actor.roles],
        csrfToken: request.session!.csrfToken,
        expiresAt: request.session!.expiresAt.toISOString(),
        navigation: navigationFor(ctx.actor),
      };
    },
  );

  app.post(
    '/logout',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends this session)',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.sessionToken) await logout(request.ctx.db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password (other sessions end)',
        body: passwordChangeIn,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { access: SESSION, rateLimit: { max: app.config.login.ratePerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      await changeOwnPassword(
        ctx,
        request.session!.id,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
}
