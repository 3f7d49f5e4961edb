/** The audit module's contract: the append-only journal and one record's history. */
import { z } from 'zod';

/** One change to one record: who, when, what it was before and after (secrets redacted). */
export const journalEntryOut = z
  .object({
    /** Increasing with time: the journal's order, and the cursor of its pages (`before`). */
    id: z.number(),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    /** create, update, delete, or a domain action (revoke, resolve, dismiss…). */
    action: z.string(),
    /** The kind of record (a key for a label: user, document, unit…). */
    entity: z.string(),
    entityId: z.string(),
    /**
     * The record as it was before and after the change: a JSON snapshot whose fields depend on `entity`
     * (any record of any module is journalled), null before a create and after a delete.
     */
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'JournalEntry' });
export type JournalEntryOut = z.infer<typeof journalEntryOut>;

/** The orders of the journal's numbered pages. */
export const JOURNAL_SORTS = ['at', 'actor'] as const;
export type JournalSort = (typeof JOURNAL_SORTS)[number];

export const journalQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(50).optional(),
  from: z.iso.date().or(z.iso.datetime()).optional(),
  to: z.iso.date().or(z.iso.datetime()).optional(),
  q: z.string().max(200).optional(),
  /** Keyset paging, newest first: entries with an id below this (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().optional(),
  /** at: time (default, newest first); actor: the actor's name (accents and case ignored). */
  sort: z.enum(JOURNAL_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  /** Numbered pages: skip this many entries (with `sort`; `total` then counts every match). */
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type JournalQueryIn = z.input<typeof journalQuery>;

/**
 * A page of the journal, newest first unless sorted; `nextBefore` is the cursor of the next page (null at
 * the end, and with `sort` or `offset`); `total` counts every matching entry when numbered pages were asked
 * for (`sort` or `offset`), null otherwise.
 */
export const journalListOut = z.object({
  items: z.array(journalEntryOut),
  nextBefore: z.number().nullable(),
  total: z.number().int().nullable(),
});
export type JournalListOut = z.infer<typeof journalListOut>;

/** The journal of one record, oldest first. */
export const historyOut = z.object({ items: z.array(journalEntryOut) });
export type HistoryOut = z.infer<typeof historyOut>;
