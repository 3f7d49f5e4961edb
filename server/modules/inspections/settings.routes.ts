/**
 * The inspections' settings page's own reads (`/inspections/settings` on the web): every version of an area's
 * checklist template with its items, so that earlier versions can be read as they were. The templates' list and
 * a new version, and the rules, are ./inspections.routes.ts's.
 */
import { roles } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { templateVersions } from './checklists.service.js';
import { INSPECTION_ROLES } from './inspections.policy.js';
import { areaParams } from './inspections.schemas.js';
import { templateVersionsOut } from './settings.schemas.js';

const tags = ['inspections'];

export async function inspectionSettingsRoutes(app: App) {
  app.get(
    '/inspection-checklists/:area/versions',
    {
      // Everyone who sees the inspections section reads the templates (like `GET /api/inspection-checklists`).
      config: { access: roles(...INSPECTION_ROLES) },
      schema: {
        tags,
        summary: "Every version of an area's checklist template with its items, the latest first",
        params: areaParams,
        response: { 200: templateVersionsOut, ...errorResponses },
      },
    },
    async (request) => templateVersions(signedIn(request), request.params.area),
  );
}
