/**
 * The province dashboard's API (issue 18, item 1). Thin: each route declares who may call it and validates; the
 * service checks the province (the caller's readers' grant) and reads every module through its exported functions.
 *
 * - `GET /api/dashboard`: the key figures of a window (previous window, change, trend, links), where work is stuck;
 * - `GET /api/dashboard/drill`: the records behind a count (items overdue by unit and kind, recommendations overdue);
 * - `GET /api/dashboard/figures`: the figure catalogue's definitions.
 */
import { z } from 'zod';
import { roles } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { dashboardDrill, provinceDashboard } from './dashboard.service.js';
import { dashboardOut, dashboardQuery, drillOut, drillQuery, figureDefOut } from './dashboard.schemas.js';
import { FIGURE_CATALOGUE, FIGURE_KEYS, FIGURE_READER_ROLES } from './figures.service.js';

const tags = ['dashboard'];
const readers = roles(...FIGURE_READER_ROLES);

export async function dashboardRoutes(app: App) {
  app.get(
    '/dashboard',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          "The province's key figures for a reporting window (previous window, change, trend, links) and where work is stuck",
        querystring: dashboardQuery,
        response: { 200: dashboardOut, ...errorResponses },
      },
    },
    async (request) => provinceDashboard(signedIn(request), request.query),
  );

  app.get(
    '/dashboard/drill',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The records behind a count of the province dashboard, each with a link to its own page',
        querystring: drillQuery,
        response: { 200: drillOut, ...errorResponses },
      },
    },
    async (request) => dashboardDrill(signedIn(request), request.query),
  );

  app.get(
    '/dashboard/figures',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'The province figure catalogue: each figure’s names, unit, better direction and owning module',
        response: { 200: z.object({ items: z.array(figureDefOut) }), ...errorResponses },
      },
    },
    async () => ({ items: FIGURE_KEYS.map((k) => FIGURE_CATALOGUE[k]) }),
  );
}
