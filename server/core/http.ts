import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The Fastify instance type every module's routes receive (Zod schemas give typed requests). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The error body every failing route returns. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      /** The message key (stable, for programs); `message` is its text in the caller's language. */
      key: z.string().optional(),
      /** The message's parameters (e.g. the ids of the tasks that block an action). */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Standard error responses to add to a route's `response` schema. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

export const idParams = z.object({ id: z.uuid() });

/**
 * A version number sent back with an edit (optimistic concurrency): a positive PostgreSQL `integer` (a larger one
 * cannot match any record, and must be a 400, not a database error).
 */
export const versionField = z.number().int().positive().max(2_147_483_647);

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
