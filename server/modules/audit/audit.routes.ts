import { roles, SESSION } from '../../core/access.js';
import type { RequestContext } from '../../core/context.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { journalVocabulary, presentEntries } from './audit.present.js';
import { historyOf, journalPage, searchJournal } from './audit.service.js';
import { historyOut, journalListOut, journalQuery } from './audit.schemas.js';

/**
 * Adds `GET /:id/history` to a module's routes: the journal of one record, for whoever may read it.
 * `assertCanRead` throws (404/403) when the caller may not see the record.
 */
export function historyRoute(
  app: App,
  entity: string,
  assertCanRead: (ctx: RequestContext, id: string) => Promise<void>,
  path = '/:id/history',
) {
  app.get(
    path,
    {
      config: { access: SESSION },
      schema: {
        tags: ['audit'],
        summary: `History of one ${entity}`,
        params: idParams,
        response: { 200: historyOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await assertCanRead(ctx, request.params.id);
      return { items: await presentEntries(ctx, await historyOf(ctx, entity, request.params.id)) };
    },
  );
}

export async function auditRoutes(app: App) {
  app.get(
    '/',
    {
      config: { access: roles('admin') },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit journal (administrators)',
        querystring: journalQuery,
        response: { 200: journalListOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const q = request.query;
      const vocabulary = journalVocabulary(ctx.locale === 'en' ? 'en' : 'vi');
      if (q.sort || q.offset !== undefined) {
        const page = await journalPage(ctx, q);
        return {
          items: await presentEntries(ctx, page.items),
          nextBefore: null,
          total: page.total,
          vocabulary,
        };
      }
      const items = await searchJournal(ctx, q);
      return {
        items: await presentEntries(ctx, items),
        nextBefore: items.length === q.limit ? (items.at(-1)?.id ?? null) : null,
        total: null,
        vocabulary,
      };
    },
  );
}
