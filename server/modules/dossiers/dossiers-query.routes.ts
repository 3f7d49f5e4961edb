import { SESSION } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import {
  breakdownQuery,
  breakdownResponse,
  dossierListQuery,
  dossierListResponse,
  scopeQuery,
  trendResponse,
} from './dossiers-query.schemas.js';
import { dossierBreakdown, dossierTrend, listScopeDossiers } from './dossiers-query.service.js';

const tags = ['dossiers'];

/** Dashboard reads: figures of a scope, the monthly trend, and the dossiers behind a number. */
export async function dossiersQueryRoutes(app: App) {
  app.get(
    '/dossiers/breakdown',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Dossier figures of a scope (province, a unit, a procedure) by unit, procedure or field, with traffic lights, from the daily rollups',
        querystring: breakdownQuery,
        response: { 200: breakdownResponse, ...errorResponses },
      },
    },
    async (request) => dossierBreakdown(signedIn(request), request.query),
  );

  app.get(
    '/dossiers/trend',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Dossier figures of a scope month by month (flows of the month, stocks at its end), from the rollups',
        querystring: scopeQuery,
        response: { 200: trendResponse, ...errorResponses },
      },
    },
    async (request) => dossierTrend(signedIn(request), request.query),
  );

  app.get(
    '/dossiers/list',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'The dossiers behind one number of a scope and period (class: late, on time, online, …), keyset-paginated',
        querystring: dossierListQuery,
        response: { 200: dossierListResponse, ...errorResponses },
      },
    },
    async (request) => listScopeDossiers(signedIn(request), request.query),
  );
}
