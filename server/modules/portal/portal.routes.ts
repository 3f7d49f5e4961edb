/**
 * The public portal's API (issue 18, items 3–4). Thin: the staff's settings (roles; the service checks the
 * province), the public read API and the open data (PUBLIC, rate-limited like the hotline's public routes, no
 * cookie needed). Every public answer is validated against its schema (which also keeps only the public fields),
 * then sent with `ETag`, `Last-Modified` and `Cache-Control: public, max-age=300`; a matching `If-None-Match` /
 * `If-Modified-Since` gets `304` (./rules/conditional.ts).
 *
 * - `GET|PUT /api/portal/settings` — what is published (standing agency edits; the committee reads);
 * - `GET /api/public/portal`, `/par`, `/par/:year`, `/par/:year/units/:unitId`, `/dossiers?year=&period=`,
 *   `/plan/:year`, `/pilots/:year`, `/og.png` — the public pages' data and the social preview card;
 * - `GET /api/open-data`, `/api/open-data/datapackage.json`, `/api/open-data/<dataset>.csv|.json`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PUBLIC, roles } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { datapackage, openDataCatalogue, openDataFile } from './open-data.service.js';
import { ogCardPng } from './og-card.js';
import { PORTAL_OFFICE, PORTAL_READERS } from './portal.policy.js';
import {
  datapackageOut,
  dossiersOut,
  dossiersQuery,
  openDataCatalogueOut,
  openDataFileParams,
  openDataJsonOut,
  parUnitOut,
  parYearOut,
  parYearsOut,
  pilotsPublicOut,
  planPublicOut,
  portalHomeOut,
  portalSettingsIn,
  portalSettingsOut,
  unitYearParams,
  yearParams,
} from './portal.schemas.js';
import { getPortalSettings, setPortalPublicUrl, updatePortalSettings } from './portal.service.js';
import {
  dossierFiguresPublic,
  parUnit,
  parYear,
  parYears,
  pilotsPublic,
  planPublic,
  portalHome,
} from './public.service.js';
import { cacheHeaders, etagOf, FirstSeen, isNotModified } from './rules/conditional.js';

const tags = ['portal'];
const publicTags = ['portal (public)'];
const openTags = ['open data'];
/** As the hotline's public reads (server/modules/hotline/hotline.routes.ts). */
const publicRead = { max: 120, timeWindow: 60_000 };
const publicAccess = { access: PUBLIC, rateLimit: publicRead };
const notModified = { 304: z.null().describe('Not modified (the ETag or date matched)') };

const firstSeen = new FirstSeen();

/** Sends a public body with its validators, or 304 when the client's copy is current. */
function sendCached(request: FastifyRequest, reply: FastifyReply, body: string | Uint8Array, type: string) {
  const etag = etagOf(body);
  const validators = { etag, lastModified: firstSeen.at(request.url, etag) };
  // Public, cookie-less data: any site may read it (open data is meant to be reused).
  reply.headers({ ...cacheHeaders(validators), 'access-control-allow-origin': '*' });
  if (isNotModified(request.headers, validators)) return reply.code(304).send();
  return reply.type(type).send(typeof body === 'string' ? body : Buffer.from(body));
}

/** A JSON answer checked against (and cut down to) its schema, then sent cached. */
const sendJson = <S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  data: unknown,
) => sendCached(request, reply, JSON.stringify(schema.parse(data)), 'application/json; charset=utf-8');

export async function portalRoutes(app: App) {
  setPortalPublicUrl(app.config?.notifications.publicUrl);

  // Staff ---------------------------------------------------------------------------------------------
  app.get(
    '/portal/settings',
    {
      config: { access: roles(...PORTAL_READERS) },
      schema: {
        tags,
        summary:
          'What the public portal publishes (each dataset, its years or campaigns, the licence, the publisher), with what the public would see and the choices',
        response: { 200: portalSettingsOut, ...errorResponses },
      },
    },
    async (request) => getPortalSettings(signedIn(request)),
  );

  app.put(
    '/portal/settings',
    {
      config: { access: roles(...PORTAL_OFFICE) },
      schema: {
        tags,
        summary:
          'The standing agency chooses what is published (only campaigns published in the PAR Index module; version-checked, journalled)',
        body: portalSettingsIn,
        response: { 200: portalSettingsOut, ...errorResponses },
      },
    },
    async (request) => updatePortalSettings(signedIn(request), request.body),
  );

  // The public ----------------------------------------------------------------------------------------
  app.get(
    '/public/portal',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary:
          'The portal home: the province, the published sections and years, key figures (plan completion, dossiers on time and online, feedback answered on time, the latest PAR Index leaders)',
        response: { 200: portalHomeOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) => sendJson(request, reply, portalHomeOut, await portalHome(request.ctx)),
  );

  app.get(
    '/public/portal/par',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary: 'The published PAR Index years and their unit groups (404 when not published)',
        response: { 200: parYearsOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) => sendJson(request, reply, parYearsOut, await parYears(request.ctx)),
  );

  app.get(
    '/public/portal/par/:year',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary:
          "A published year's PAR Index ranking by unit group: rank, unit as named that year, index, grade, change, each field's %",
        params: yearParams,
        response: { 200: parYearOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, parYearOut, await parYear(request.ctx, request.params.year)),
  );

  app.get(
    '/public/portal/par/:year/units/:unitId',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary:
          "A unit's published PAR Index: its fields and criteria totals (no evidence, no appraisers' notes)",
        params: unitYearParams,
        response: { 200: parUnitOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        parUnitOut,
        await parUnit(request.ctx, request.params.year, request.params.unitId),
      ),
  );

  app.get(
    '/public/portal/dossiers',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary:
          'The key QĐ 766 figures by receiving unit for a published year and period (default: the newest year, whole year to date)',
        querystring: dossiersQuery,
        response: { 200: dossiersOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, dossiersOut, await dossierFiguresPublic(request.ctx, request.query)),
  );

  app.get(
    '/public/portal/plan/:year',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary:
          "The committee's plan of a published year: tasks (title, area, lead unit, deadline, done / in progress / overdue) and completion",
        params: yearParams,
        response: { 200: planPublicOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, planPublicOut, await planPublic(request.ctx, request.params.year)),
  );

  app.get(
    '/public/portal/pilots/:year',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary: 'The pilot units of a published year with their items, status and results',
        params: yearParams,
        response: { 200: pilotsPublicOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, pilotsPublicOut, await pilotsPublic(request.ctx, request.params.year)),
  );

  app.get(
    '/public/portal/og.png',
    {
      config: publicAccess,
      schema: {
        tags: publicTags,
        summary:
          "The social preview card (1200×630 PNG): the province and the portal's published key figures",
      },
    },
    async (request, reply) => {
      const home = await portalHome(request.ctx);
      const f = home.figures;
      const num = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
      const figures = [
        ...(f.par?.groups[0]?.top[0]
          ? [
              {
                value: `${num(f.par.groups[0].top[0].percent)}%`,
                label: `Chỉ số CCHC ${f.par.year} cao nhất`,
              },
            ]
          : []),
        ...(f.plan?.completionPercent != null
          ? [{ value: `${num(f.plan.completionPercent)}%`, label: `Hoàn thành kế hoạch CCHC ${f.plan.year}` }]
          : []),
        ...(f.dossiers?.onTimePercent != null
          ? [
              {
                value: `${num(f.dossiers.onTimePercent)}%`,
                label: `Hồ sơ TTHC đúng hạn năm ${f.dossiers.year}`,
              },
            ]
          : []),
        ...(f.feedback?.onTimePercent != null
          ? [
              {
                value: `${num(f.feedback.onTimePercent)}%`,
                label: `Phản ánh trả lời đúng hạn năm ${f.feedback.year}`,
              },
            ]
          : []),
      ].slice(0, 3);
      const { png } = ogCardPng({ provinceName: home.province.name, figures });
      return sendCached(request, reply, png, 'image/png');
    },
  );

  // Open data -----------------------------------------------------------------------------------------
  app.get(
    '/open-data',
    {
      config: publicAccess,
      schema: {
        tags: openTags,
        summary:
          'The open-data catalogue: each published dataset with its title, description, columns, formats, the licence and the publisher',
        response: { 200: openDataCatalogueOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, openDataCatalogueOut, await openDataCatalogue(request.ctx)),
  );

  app.get(
    '/open-data/datapackage.json',
    {
      config: publicAccess,
      schema: {
        tags: openTags,
        summary:
          'The published datasets as a Frictionless Data Package (CSV dialect and each column’s schema)',
        response: { 200: datapackageOut, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) => sendJson(request, reply, datapackageOut, await datapackage(request.ctx)),
  );

  app.get(
    '/open-data/:file',
    {
      config: publicAccess,
      schema: {
        tags: openTags,
        summary:
          'A published dataset: `<name>.csv` (UTF-8 with BOM, `;` separated, `.` decimals, CRLF) or `<name>.json` — par-results, dossier-figures, plan-tasks, pilot-items, feedback-answered',
        params: openDataFileParams,
        response: { 200: z.union([z.string(), openDataJsonOut]), ...notModified, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await openDataFile(request.ctx, request.params.file);
      reply.header('content-disposition', `inline; filename="${found.name}.${found.format}"`);
      if (found.format === 'csv') return sendCached(request, reply, found.body, 'text/csv; charset=utf-8');
      return sendJson(request, reply, openDataJsonOut, found.body);
    },
  );
}
