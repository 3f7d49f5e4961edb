import type { Db } from '../db/client.js';
import type { Locale } from './messages.js';
import type { Actor } from '../modules/access/actor.js';

/** What a service needs to know about the request it serves: who, from where, and the database. */
export type RequestContext = {
  db: Db;
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  locale: Locale;
};

/** A context for work that is not a web request (CLI, seed, jobs). */
export function systemContext(db: Db, actor: Actor | null = null): RequestContext {
  return { db, actor, requestId: `system-${Date.now().toString(36)}`, ip: null, locale: 'vi' };
}
