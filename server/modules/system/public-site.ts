/**
 * The public's own pages, each a small entry of its own (not the staff app's), served for a path and every path
 * under it (the pages route on `location.pathname`); their scripts and styles are under `/assets/` like the staff
 * app's, served by the static plugin of `buildApp`:
 * - `/phan-anh…`: the hotline (web/public-site, built to `<webRoot>/public-site/index.html`);
 * - `/khao-sat…`: the survey form, from a unit's QR poster (`/khao-sat/<code>`) or a personal invitation
 *   (`/khao-sat/moi/<token>`) (web/survey-form, built to `<webRoot>/survey-form/index.html`).
 * A page whose build is absent (a server-only checkout) registers nothing: its paths fall through to the staff
 * app's fallback as before.
 *
 * Register in `buildApp` inside the web UI block, before or after the `/*` fallback (a longer static prefix wins
 * in Fastify's router): `await app.register(publicSitePlugin, { webRoot: config.webRoot });`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../core/access.js';

export const PUBLIC_SITE_PREFIX = '/phan-anh';
export const SURVEY_FORM_PREFIX = '/khao-sat';

/** Each public entry: the path it answers, and its page in the built web root. */
const PUBLIC_PAGES: readonly { prefix: string; file: string }[] = [
  { prefix: PUBLIC_SITE_PREFIX, file: 'public-site/index.html' },
  { prefix: SURVEY_FORM_PREFIX, file: 'survey-form/index.html' },
];

export async function publicSitePlugin(app: FastifyInstance, options: { webRoot: string }) {
  const route = { config: { access: PUBLIC }, schema: { hide: true } };
  for (const { prefix, file } of PUBLIC_PAGES) {
    const full = path.join(options.webRoot, file);
    if (!fs.existsSync(full)) continue;
    const html = fs.readFileSync(full);
    const page = async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    app.get(prefix, route, page);
    app.get(`${prefix}/*`, route, page);
  }
}
