/**
 * A campaign's results (issue 16): `/api/par/campaigns/:id/results` and the council's sign-off.
 */
import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { DOCX_MEDIA_TYPE } from '../documents/admin-document.js';
import { sendDownload } from '../files/files.routes.js';
import { XLSX_MEDIA_TYPE } from '../files/content-type.js';
import { PAR_ROLES } from './parindex.policy.js';
import { resultsOut, signOffIn } from './results.schemas.js';
import { campaignResults, resultsDocx, resultsXlsx, signOffCampaign } from './results.service.js';

const tags = ['par-index'];

export async function resultsRoutes(app: App) {
  app.get(
    '/par/campaigns/:id/results',
    {
      config: { access: roles(...PAR_ROLES) },
      schema: {
        tags,
        summary:
          "The campaign's results by group: index, fields, grade, rank, change from last year (provisional until the council signs off; units see them once published)",
        params: idParams,
        response: { 200: resultsOut, ...errorResponses },
      },
    },
    async (request) => campaignResults(signedIn(request), request.params.id),
  );

  app.post(
    '/par/campaigns/:id/sign-off',
    {
      config: { access: roles('admin', 'standing_officer', 'appraiser') },
      schema: {
        tags,
        summary:
          "The council's sign-off: every assessment final, the results frozen (the chair or the office)",
        params: idParams,
        body: signOffIn,
        response: { 200: resultsOut, ...errorResponses },
      },
    },
    async (request) => signOffCampaign(signedIn(request), request.params.id, request.body.version),
  );

  app.get(
    '/par/campaigns/:id/results.xlsx',
    {
      config: { access: roles(...PAR_ROLES) },
      schema: {
        tags,
        summary:
          'The results as an Excel workbook: a sheet per group, fields included (provisional ones say so)',
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX_MEDIA_TYPE, await resultsXlsx(signedIn(request), request.params.id)),
  );

  app.get(
    '/par/campaigns/:id/results.docx',
    {
      config: { access: roles(...PAR_ROLES) },
      schema: {
        tags,
        summary:
          'The draft decision approving and announcing the results, with the annex of tables (after the sign-off)',
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, DOCX_MEDIA_TYPE, await resultsDocx(signedIn(request), request.params.id)),
  );
}
