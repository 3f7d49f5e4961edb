import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { BRIEFING_MAKERS } from '../meetings/meetings.service.js';
import { briefingOut } from './briefing.schemas.js';
import { generateBriefing } from './briefing.service.js';

const tags = ['meetings'];

/** The briefing pack of a meeting (prefix `/api`). */
export async function briefingRoutes(app: App) {
  app.post(
    '/meetings/:id/briefing',
    {
      config: { access: roles(...BRIEFING_MAKERS) },
      schema: {
        tags,
        summary:
          "Make the meeting's briefing pack (key figures with charts, members' units' overdue work, the last session's conclusions, the agenda) as .docx and PDF and attach both to the meeting; each call adds a new pair",
        params: idParams,
        response: { 200: briefingOut, ...errorResponses },
      },
    },
    async (request) =>
      generateBriefing(
        signedIn(request),
        { store: app.fileStore, maxBytes: app.config.uploadMaxBytes, pool: app.workerPool },
        request.params.id,
      ),
  );
}
