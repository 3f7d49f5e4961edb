import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './context.js';
import { unauthenticated } from './errors.js';
import type { Session } from '../modules/auth/auth.service.js';
import type { Actor } from '../modules/access/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: Session | null;
    /** The raw session token from the cookie, when one was presented and valid. */
    sessionToken: string | null;
  }
}

/** The context of a signed-in caller, or 401. */
export function signedIn(request: FastifyRequest): RequestContext & { actor: Actor } {
  if (!request.ctx.actor) throw unauthenticated();
  return request.ctx as RequestContext & { actor: Actor };
}
