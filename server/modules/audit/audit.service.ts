import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { auditJournal } from './audit.table.js';

export type AuditAction = 'create' | 'update' | 'delete' | (string & {});

export type ChangeRecord = {
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Fields never written to the journal. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'csrfToken', 'token']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : scrub(v);
    return out;
  }
  return value;
}

/**
 * Writes one journal entry. Call it with the transaction that makes the change (`ctx.db` = the
 * transaction), so the change and its journal entry commit or fail together.
 */
export async function recordChange(ctx: RequestContext, change: ChangeRecord): Promise<void> {
  await ctx.db.insert(auditJournal).values(journalRow(ctx, change));
}

/**
 * Writes the journal entries of several changes, each made in its own request, in one statement — for work
 * that commits many requests' changes together (the hotline's group commit of public submissions). `db` is the
 * transaction that makes the changes; each entry keeps its own request's actor, request id and address.
 */
export async function recordChanges(
  db: RequestContext['db'],
  changes: readonly { ctx: RequestContext; change: ChangeRecord }[],
): Promise<void> {
  if (!changes.length) return;
  await db.insert(auditJournal).values(changes.map(({ ctx, change }) => journalRow(ctx, change)));
}

function journalRow(ctx: RequestContext, change: ChangeRecord) {
  return {
    actorId: ctx.actor?.user.id ?? null,
    actorName: ctx.actor?.user.fullName ?? null,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: scrub(change.before) ?? null,
    after: scrub(change.after) ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

export type JournalEntry = typeof auditJournal.$inferSelect;

export type JournalQuery = {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Free text, matched accent-insensitively against the actor name and the values. */
  q?: string | undefined;
  /** Entries with id below this (keyset pagination, newest first). */
  before?: number | undefined;
  /** at (default): by time; actor: by the actor's name. Numbered pages skip `offset` entries. */
  sort?: 'at' | 'actor' | undefined;
  dir?: 'asc' | 'desc' | undefined;
  offset?: number | undefined;
  limit: number;
};

export async function searchJournal(ctx: RequestContext, query: JournalQuery): Promise<JournalEntry[]> {
  return (await selectJournal(ctx, query, false)).items;
}

/** A numbered page of the journal in the order asked for, with the count of every matching entry. */
export async function journalPage(
  ctx: RequestContext,
  query: JournalQuery,
): Promise<{ items: JournalEntry[]; total: number }> {
  return selectJournal(ctx, query, true);
}

async function selectJournal(
  ctx: RequestContext,
  query: JournalQuery,
  counted: boolean,
): Promise<{ items: JournalEntry[]; total: number }> {
  const c: SQL[] = [];
  if (query.entity) c.push(eq(auditJournal.entity, query.entity));
  if (query.entityId) c.push(eq(auditJournal.entityId, query.entityId));
  if (query.actorId) c.push(eq(auditJournal.actorId, query.actorId));
  if (query.action) c.push(eq(auditJournal.action, query.action));
  if (query.from) c.push(gte(auditJournal.at, new Date(query.from)));
  if (query.to) c.push(lte(auditJournal.at, new Date(query.to)));
  if (query.before) c.push(lt(auditJournal.id, query.before));
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    c.push(
      sql`f_unaccent(lower(coalesce(${auditJournal.actorName}, '') || ' ' || coalesce(${auditJournal.after}::text, '') || ' ' || coalesce(${auditJournal.before}::text, ''))) LIKE f_unaccent(${needle})`,
    );
  }
  // By time is by id (ids only increase); by actor, missing names (the system) last, then newest first.
  const d = query.dir === 'asc' ? sql`ASC` : sql`DESC`;
  const order =
    query.sort === 'actor'
      ? [
          sql`f_unaccent(lower(${auditJournal.actorName})) ${query.dir === 'desc' ? sql`DESC` : sql`ASC`} NULLS LAST`,
          desc(auditJournal.id),
        ]
      : [sql`${auditJournal.id} ${d}`];
  const where = c.length ? and(...c) : undefined;
  const found = await ctx.db
    .select({
      entry: auditJournal,
      total: counted ? sql<number>`count(*) OVER ()`.mapWith(Number) : sql<number>`0`.mapWith(Number),
    })
    .from(auditJournal)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset ?? 0);
  let total = found[0]?.total ?? 0;
  if (counted && !found.length && (query.offset ?? 0) > 0) {
    const [n] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditJournal)
      .where(where);
    total = Number(n?.n ?? 0);
  }
  return { items: found.map((f) => f.entry), total };
}

/** The history of one record, oldest first. */
export async function historyOf(
  ctx: RequestContext,
  entity: string,
  entityId: string,
): Promise<JournalEntry[]> {
  return ctx.db
    .select()
    .from(auditJournal)
    .where(and(eq(auditJournal.entity, entity), eq(auditJournal.entityId, entityId)))
    .orderBy(auditJournal.id);
}
