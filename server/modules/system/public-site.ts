/**
 * The public's own pages, each a small entry of its own (not the staff app's), served for a path and every path
 * under it (the pages route on `location.pathname`); their scripts and styles are under `/assets/` like the staff
 * app's, served by the static plugin of `buildApp`:
 * - `/phan-anh…`: the hotline (web/public-site, built to `<webRoot>/public-site/index.html`);
 * - `/khao-sat…`: the survey form, from a unit's QR poster (`/khao-sat/<code>`) or a personal invitation
 *   (`/khao-sat/moi/<token>`) (web/survey-form, built to `<webRoot>/survey-form/index.html`);
 * - `/cong-khai…`: the public portal (issue 18), the same entry as the hotline's; each path's `<title>`,
 *   description, Open Graph and Twitter tags and canonical link are written into the page by the server
 *   (server/modules/portal/page-head.service.ts), since the crawlers of social networks run no script.
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
import { portalPageHtml } from '../portal/page-head.service.js';

export const PUBLIC_SITE_PREFIX = '/phan-anh';
export const SURVEY_FORM_PREFIX = '/khao-sat';
export const PORTAL_PREFIX = '/cong-khai';

/** Each public entry: the path it answers, its page in the built web root, and whether the server writes its head. */
const PUBLIC_PAGES: readonly { prefix: string; file: string; head?: true }[] = [
  { prefix: PUBLIC_SITE_PREFIX, file: 'public-site/index.html' },
  { prefix: SURVEY_FORM_PREFIX, file: 'survey-form/index.html' },
  { prefix: PORTAL_PREFIX, file: 'public-site/index.html', head: true },
];

export async function publicSitePlugin(app: FastifyInstance, options: { webRoot: string }) {
  const route = { config: { access: PUBLIC }, schema: { hide: true } };
  for (const { prefix, file, head } of PUBLIC_PAGES) {
    const full = path.join(options.webRoot, file);
    if (!fs.existsSync(full)) continue;
    const html = fs.readFileSync(full);
    const text = html.toString('utf8');
    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      // The portal's head from the published settings (a plain server without the app's context: the page as built).
      const body = head && request.ctx ? await portalPageHtml(request.ctx, request.url, text) : html;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
    };
    app.get(prefix, route, page);
    app.get(`${prefix}/*`, route, page);
  }
}
