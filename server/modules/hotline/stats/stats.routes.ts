/**
 * The hotline's statistics (`/api/hotline/stats…`), for everyone who works with the hotline: the office and
 * the committee over the province, a unit's people over their unit's cases (the service narrows). Thin: the
 * service computes, these validate and send.
 */
import type { FastifyReply } from 'fastify';
import { roles } from '../../../core/access.js';
import { errorResponses, type App } from '../../../core/http.js';
import { signedIn } from '../../../core/request.js';
import { contentDisposition } from '../../files/content-type.js';
import { HOTLINE_ROLES } from '../hotline.policy.js';
import { statsCasesOut, statsCasesQuery, statsOut, statsQuery } from './stats.schemas.js';
import { hotlineStats, hotlineStatsCases, hotlineStatsFile } from './stats.service.js';
import { XLSX_MEDIA_TYPE } from './stats-workbook.js';

const tags = ['hotline'];
const readers = roles(...HOTLINE_ROLES);

/** Sends the generated file as a download with its Vietnamese name (RFC 6266). */
function sendXlsx(reply: FastifyReply, file: { buffer: Buffer; fileName: string }) {
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-length', String(file.buffer.length))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.buffer);
}

export async function hotlineStatsRoutes(app: App) {
  app.get(
    '/hotline/stats',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Feedback statistics of a period: received, in triage, in progress, answered on time or late, overdue, not accepted, forwarded, satisfaction — in total and by unit, category, channel or month, with the QĐ 766 rates (numerator, denominator, value)',
        querystring: statsQuery,
        response: { 200: statsOut, ...errorResponses },
      },
    },
    async (request) => hotlineStats(signedIn(request), request.query),
  );

  app.get(
    '/hotline/stats/cases',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'The cases behind one number of the statistics (a figure of the total or of a group), exactly as counted; a page of them, received last first',
        querystring: statsCasesQuery,
        response: { 200: statsCasesOut, ...errorResponses },
      },
    },
    async (request) => hotlineStatsCases(signedIn(request), request.query),
  );

  app.get(
    '/hotline/stats.xlsx',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'The statistics as Excel: figures by group with the QĐ 766/QĐ-TTg formulas and their basis, and the cases counted (no personal data)',
        querystring: statsQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => sendXlsx(reply, await hotlineStatsFile(signedIn(request), request.query)),
  );
}
