import { SESSION } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { dashboardTasks, planDashboard } from './dashboard.service.js';
import { dashboardOut, dashboardQuery, drillOut, drillQuery, type Dimension } from './plans.schemas.js';

export async function dashboardRoutes(app: App) {
  app.get(
    '/plans/:id/dashboard',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "A plan's progress dashboard as of a date, every number with its tasks",
        description:
          'KPIs overall and by reform area, lead unit (as of the date, or restated onto today’s units), directing committee member (tasks they direct or of the units they follow) and month (trend from the status events), under the plan’s declared completion method.',
        params: idParams,
        querystring: dashboardQuery,
        response: { 200: dashboardOut, ...errorResponses },
      },
    },
    async (request) =>
      planDashboard(signedIn(request), request.params.id, {
        asOf: request.query.asOf,
        restate: request.query.restate,
        groupBy: request.query.groupBy?.split(',') as Dimension[] | undefined,
      }),
  );

  app.get(
    '/plans/:id/dashboard/tasks',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'The tasks behind one number of the dashboard, as they stood on the as-of date',
        description:
          'Either `ids` (comma-separated task ids of the plan) or a number of the dashboard: `dimension` (overall, area, unit, member, trend, pilot), `group` (its key: area, unit id, membership id, YYYY-MM, or for pilots `programmeId[:pilotUnitId]`) and `metric`.',
        params: idParams,
        querystring: drillQuery,
        response: { 200: drillOut, ...errorResponses },
      },
    },
    async (request) => dashboardTasks(signedIn(request), request.params.id, request.query),
  );
}
