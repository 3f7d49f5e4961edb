/**
 * Who may call a route, declared in the route's own options (`config: { access }`) and enforced in one
 * place (the auth plugin's request hook) — default deny: a route that declares nothing answers 403 and the
 * route-walking test fails. The declaration is the first gate; the services still check role × unit scope
 * on every record (policies). Each OpenAPI operation carries it as `x-access`.
 *
 * - `public`: anyone, signed in or not (sign-in, health, the web app's files);
 * - `session`: a signed-in user; with `roles`, one holding at least one of them over some unit (the service
 *   then checks the unit);
 * - `token`: an API token in `Authorization: Bearer …` (checked by the route itself), never the cookie
 *   session, so no CSRF token is needed; with `orSession`, a signed-in user holding one of those roles may
 *   read it too (operations endpoints: `/metrics`).
 */
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../modules/access/roles.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

export type Access =
  | { readonly auth: 'public' }
  | { readonly auth: 'session'; readonly roles?: readonly Role[] }
  | { readonly auth: 'token'; readonly orSession?: readonly Role[] };

export const PUBLIC: Access = { auth: 'public' };
export const SESSION: Access = { auth: 'session' };
export const TOKEN: Access = { auth: 'token' };
/** A signed-in user holding one of these roles over some unit. */
export const roles = (...held: Role[]): Access => ({ auth: 'session', roles: held });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route as registered (with its options and declared access): for the access tests and tools. */
    registeredRoutes: readonly RouteOptions[];
  }
}

/** The declaration of a route (undefined: none — refused). */
export function accessOf(config: unknown): Access | undefined {
  const access = (config as { access?: Access } | undefined)?.access;
  return access && ['public', 'session', 'token'].includes(access.auth) ? access : undefined;
}

/** How the declaration reads in the OpenAPI document (`x-access`). */
export function describeAccess(access: Access): Record<string, unknown> {
  if (access.auth === 'session' && access.roles) return { auth: 'session', roles: [...access.roles] };
  if (access.auth === 'token' && access.orSession) return { auth: 'token', orSession: [...access.orSession] };
  return { ...access };
}

/** An API token, or a signed-in user holding one of these roles (operations endpoints). */
export const tokenOr = (...held: Role[]): Access => ({ auth: 'token', orSession: held });

/**
 * Routes that plugins register (the interactive API documentation): their access is declared here, since
 * their options are not ours to write.
 */
const PLUGIN_ROUTES: readonly { prefix: string; access: Access }[] = [
  { prefix: '/api/docs', access: PUBLIC },
];

/** The built web app's files, one route each as @fastify/static registers them (its config names the file). */
const isWebFileRoute = (config: { file?: unknown; rootPath?: unknown }) =>
  typeof config.file === 'string' && typeof config.rootPath === 'string';

/** An `onRoute` hook: plugin routes get their declared access; every declaration goes into the OpenAPI document. */
export function declareRouteAccess(route: RouteOptions): void {
  const config = (route.config ??= {}) as { access?: Access; file?: unknown; rootPath?: unknown };
  if (!config.access) {
    const plugin = PLUGIN_ROUTES.find((p) => route.url.startsWith(p.prefix));
    if (plugin) config.access = plugin.access;
    else if (isWebFileRoute(config)) config.access = PUBLIC;
  }
  const access = accessOf(config);
  if (access && route.schema) (route.schema as Record<string, unknown>)['x-access'] = describeAccess(access);
}

/**
 * The gate, run once the session is resolved: nothing declared → 403 (and logged); `session` without a
 * signed-in user → 401, without one of the roles → 403; `token` without a Bearer header → 401.
 */
export function enforceAccess(request: FastifyRequest): void {
  if (request.is404) return; // the not-found handler answers for unknown routes
  const access = accessOf(request.routeOptions.config);
  if (!access) {
    request.log.error({ url: request.routeOptions.url, method: request.method }, 'route declares no access');
    throw new AppError(403, 'FORBIDDEN', 'error.forbidden');
  }
  if (access.auth === 'public') return;
  if (access.auth === 'token') {
    if (/^Bearer\s+\S/i.test(request.headers.authorization ?? '')) return;
    const held = access.orSession;
    if (!held) throw unauthenticated();
    if (!request.ctx.actor) throw unauthenticated();
    if (!request.ctx.actor.hasRole(...held)) throw forbidden();
    return;
  }
  const actor = request.ctx.actor;
  if (!actor) throw unauthenticated();
  if (access.roles && !actor.hasRole(...access.roles)) throw forbidden();
}

/** Whether a request reaches a token route with its token (no CSRF token needed: a cross-site page cannot set the header). */
export function isTokenRoute(request: FastifyRequest): boolean {
  return (
    accessOf(request.routeOptions.config)?.auth === 'token' &&
    /^Bearer\s+\S/i.test(request.headers.authorization ?? '')
  );
}

/** Whether the route may be used with the cookie session (its session must be resolved). */
export function usesSession(config: unknown): boolean {
  const access = accessOf(config);
  return access?.auth === 'session' || (access?.auth === 'token' && !!access.orSession);
}
