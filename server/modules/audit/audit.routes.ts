import { roles, SESSION } from '../../core/access.js';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { historyOf, searchJournal, type JournalEntry } from './audit.service.js';
import { journalEntryOut, journalQuery } from './audit.schemas.js';

const present = (e: JournalEntry) => ({ ...e, at: e.at.toISOString() });

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
        response: { 200: z.object({ items: z.array(journalEntryOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await assertCanRead(ctx, request.params.id);
      return { items: (await historyOf(ctx, entity, request.params.id)).map(present) };
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
        response: {
          200: z.object({ items: z.array(journalEntryOut), nextBefore: z.number().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const items = await searchJournal(ctx, request.query);
      return {
        items: items.map(present),
        nextBefore: items.length === request.query.limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );
}
