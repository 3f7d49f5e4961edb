/**
 * The public hotline pages (web/public-site, built to `<webRoot>/public-site/index.html`): their own small page,
 * not the staff app's, for `/phan-anh` and every path under it (the pages route on `location.pathname`). Their
 * scripts and styles are under `/assets/` like the staff app's, served by the static plugin of `buildApp`.
 *
 * Register in `buildApp` inside the web UI block, before or after the `/*` fallback (a longer static prefix wins
 * in Fastify's router): `await app.register(publicSitePlugin, { webRoot: config.webRoot });`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../core/access.js';

export const PUBLIC_SITE_PREFIX = '/phan-anh';

export async function publicSitePlugin(app: FastifyInstance, options: { webRoot: string }) {
  const file = path.join(options.webRoot, 'public-site', 'index.html');
  // No build of the public pages (a server-only checkout): the paths fall through to the staff app's fallback.
  if (!fs.existsSync(file)) return;
  const html = fs.readFileSync(file);
  const page = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  const route = { config: { access: PUBLIC }, schema: { hide: true } };
  app.get(PUBLIC_SITE_PREFIX, route, page);
  app.get(`${PUBLIC_SITE_PREFIX}/*`, route, page);
}
