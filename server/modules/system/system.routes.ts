import { PUBLIC } from '../../core/access.js';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../../core/http.js';
import { rows } from '../../db/client.js';
import { migrationStatus } from '../../db/migration-status.js';

export async function systemRoutes(app: App) {
  app.get(
    '/healthz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  const ready = z.object({
    status: z.enum(['ready', 'not_ready']),
    database: z.object({
      engine: z.enum(['pglite', 'postgres']),
      reachable: z.boolean(),
      migrations: z.object({ expected: z.number(), applied: z.number(), latest: z.string().nullable() }),
    }),
  });
  app.get(
    '/readyz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: ready, 503: ready },
      },
    },
    async (_request, reply) => {
      const db = app.database.db;
      let reachable = false;
      try {
        await rows(db, sql`SELECT 1`);
        reachable = true;
      } catch {
        reachable = false;
      }
      const migrations = reachable ? await migrationStatus(db) : { expected: 0, applied: 0, latest: null };
      const ok = reachable && migrations.applied >= migrations.expected;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ready' : 'not_ready',
        database: { engine: app.database.engine, reachable, migrations },
      });
    },
  );
}
