import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import { sessionPolicy } from '../modules/auth/auth.plugin.js';
import { tokenOr } from './access.js';
import { forbidden, unauthenticated } from './errors.js';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who may read `/metrics` (route counts, login failures, the Node version — not for everyone): a scraper
 * with `Authorization: Bearer <CHIDAO_METRICS_TOKEN>`, or a signed-in administrator (session cookie).
 * Anyone else gets 401 (403 for a signed-in non-administrator).
 */
async function requireMetricsReader(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    if (app.config.metricsToken && sameSecret(bearer, app.config.metricsToken)) return;
    throw unauthenticated();
  }
  const raw = request.cookies?.[SESSION_COOKIE];
  const actor =
    request.ctx?.actor ??
    (raw ? (await resolveSession(app.database.db, sessionPolicy(app), raw))?.actor : undefined);
  if (!actor) throw unauthenticated();
  if (!actor.hasRole('admin')) throw forbidden();
}

/** Prometheus metrics at `/metrics`: process defaults plus request durations by route and status. */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'chidao_' });
  const duration = new Histogram({
    name: 'chidao_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  // The gate (core/access.ts) lets through a Bearer header or an administrator's session; the route checks
  // that the token is the configured one.
  app.get(
    '/metrics',
    { config: { access: tokenOr('admin') }, schema: { hide: true } },
    async (request, reply) => {
      await requireMetricsReader(app, request);
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
});
