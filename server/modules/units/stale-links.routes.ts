import { SESSION } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { staleLinkApplyIn, staleLinksOut } from './stale-links.schemas.js';
import { applyStaleLink, staleLinks } from './stale-links.service.js';

/** Links to ended units: the report in the caller's scope, and applying a proposed successor. */
export async function staleLinksRoutes(app: App) {
  app.get(
    '/units/stale-links',
    {
      // Every signed-in user sees the links in their own scope; applying is checked per record.
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary:
          'Links to ended units (members following them, open tasks led by them, pilot units’ members)',
        response: { 200: staleLinksOut, ...errorResponses },
      },
    },
    async (request) => staleLinks(signedIn(request)),
  );

  app.post(
    '/units/stale-links/apply',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary: 'Re-point one link to the chosen successor(s) (version-checked: 409; journalled)',
        body: staleLinkApplyIn,
        response: { 200: staleLinksOut, ...errorResponses },
      },
    },
    async (request) => applyStaleLink(signedIn(request), request.body),
  );
}
