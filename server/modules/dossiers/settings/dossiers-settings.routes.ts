import { SESSION } from '../../../core/access.js';
import { errorResponses, type App } from '../../../core/http.js';
import { signedIn } from '../../../core/request.js';
import { addDossierSettingsVersion, getDossierSettings } from './dossiers-settings.service.js';
import { settingsIn, settingsOut, settingsQuery, settingsVersionOut } from './dossiers-settings.schemas.js';

const tags = ['dossiers'];

/** The dossier rules as versioned data: thresholds of the traffic lights and QĐ 766 weights (prefix `/api`). */
export async function dossiersSettingsRoutes(app: App) {
  app.get(
    '/dossiers/settings',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Traffic-light thresholds and QĐ 766 maxima and weights: the version in force (today or asOf), every stored version and the defaults',
        querystring: settingsQuery,
        response: { 200: settingsOut, ...errorResponses },
      },
    },
    async (request) => getDossierSettings(signedIn(request), request.query.asOf),
  );

  app.post(
    '/dossiers/settings',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Add a version of the thresholds and weights in force from a date (admin, standing agency; `version` = the latest version read)',
        body: settingsIn,
        response: { 201: settingsVersionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addDossierSettingsVersion(signedIn(request), request.body)),
  );
}
