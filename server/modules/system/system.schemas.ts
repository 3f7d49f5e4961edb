/** The system module's contract: liveness (`/healthz`) and readiness (`/readyz`) for operators and probes. */
import { z } from 'zod';

export const healthOut = z.object({ status: z.literal('ok') });
export type HealthOut = z.infer<typeof healthOut>;

/** Ready when the database answers and every migration is applied (otherwise the same body with 503). */
export const readyOut = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    migrations: z.object({ expected: z.number(), applied: z.number(), latest: z.string().nullable() }),
  }),
});
export type ReadyOut = z.infer<typeof readyOut>;
