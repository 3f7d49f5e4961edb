/** The audit module's contract: the append-only journal and one record's history. */
import { z } from 'zod';

/**
 * One value of a changed field, typed so the page formats it (dates dd/mm/yyyy, numbers 1.234,5, Có/Không):
 * `ref` is another record, by its name when the server knows it (else the page says "bản ghi" and links to
 * its journal); `code` a value from a fixed list (a status, a kind) the page names from its own labels;
 * `details` a nested structure (its size only); `hidden` a secret.
 */
const scalarValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('hidden') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('date'), value: z.string() }),
  z.object({ kind: z.literal('datetime'), value: z.string() }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('code'), field: z.string(), value: z.string() }),
  z.object({ kind: z.literal('details'), count: z.number().int() }),
  z.object({
    kind: z.literal('ref'),
    id: z.string(),
    entity: z.string().nullable(),
    name: z.string().nullable(),
  }),
]);
export const auditValue = z.union([
  scalarValue,
  z.object({ kind: z.literal('list'), items: z.array(scalarValue), more: z.number().int() }),
]);
export type AuditValue = z.infer<typeof auditValue>;
export type AuditScalar = z.infer<typeof scalarValue>;

/** A changed field: its label in the caller's language, its value before and after (null: no such side). */
export const auditChange = z.object({
  field: z.string(),
  label: z.string(),
  before: auditValue.nullable(),
  after: auditValue.nullable(),
});
export type AuditChange = z.infer<typeof auditChange>;

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
    /** The operation and the kind of record in words (the caller's language). */
    actionLabel: z.string(),
    entityLabel: z.string(),
    /** The record's name (a plan's title, a unit's name…) when the server knows it. */
    recordName: z.string().nullable(),
    /** The record's id when it is one (for the link to its journal); null for other keys (a backup's file). */
    recordRef: z.string().nullable(),
    /** The fields that changed, labelled, with typed values (bookkeeping such as `version` left out). */
    changes: z.array(auditChange),
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
const labelled = z.array(z.object({ value: z.string(), label: z.string() }));
export const journalListOut = z.object({
  items: z.array(journalEntryOut),
  nextBefore: z.number().nullable(),
  total: z.number().int().nullable(),
  /** Every kind of record and operation with its label, for the filters. */
  vocabulary: z.object({ entities: labelled, actions: labelled }),
});
export type JournalListOut = z.infer<typeof journalListOut>;

/** The journal of one record, oldest first. */
export const historyOut = z.object({ items: z.array(journalEntryOut) });
export type HistoryOut = z.infer<typeof historyOut>;
