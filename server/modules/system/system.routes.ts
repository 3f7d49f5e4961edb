import { PUBLIC } from '../../core/access.js';
import { sql } from 'drizzle-orm';
import type { App } from '../../core/http.js';
import { rows } from '../../db/client.js';
import { migrationStatus } from '../../db/migration-status.js';
import { healthOut, readyOut } from './system.schemas.js';

export async function systemRoutes(app: App) {
  app.get(
    '/healthz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'The process is up',
        response: { 200: healthOut },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: readyOut, 503: readyOut },
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
