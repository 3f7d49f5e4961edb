import { SESSION } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { cockpit } from './cockpit.service.js';
import { asOfQuery, cockpitOut, homeOut } from './home.schemas.js';
import { home } from './home.service.js';

const tags = ['home'];

export async function homeRoutes(app: App) {
  app.get(
    '/home',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          "The signed-in user's landing page: the panels their roles open (owed, review, following, province, admin, coming), their units, the province's key figures and the administrator's health and set-up list",
        querystring: asOfQuery,
        response: { 200: homeOut, ...errorResponses },
      },
    },
    async (request) =>
      home(
        signedIn(request),
        {
          engine: app.database.engine,
          config: app.config,
          mailerConfigured: app.notificationWorker.mailerConfigured,
        },
        request.query.asOf,
      ),
  );

  app.get(
    '/home/cockpit',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Member cockpit: for the units I follow, their tasks (overdue first), pilot items, recent progress and the next report I owe the committee',
        querystring: asOfQuery,
        response: { 200: cockpitOut, ...errorResponses },
      },
    },
    async (request) => cockpit(signedIn(request), request.query.asOf),
  );
}
