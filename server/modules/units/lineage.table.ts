import { date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A unit's attributes over time. Every unit has at least one version; a rename or a transfer (change of
 * parent) closes the current version and opens a new one, so what the unit was on any date stays readable.
 */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    parentId: uuid('parent_id'),
    eventId: uuid('event_id'),
  },
  (t) => [
    index('unit_versions_unit_idx').on(t.unitId, t.validFrom),
    index('unit_versions_code_idx').on(t.code, t.validFrom),
    index('unit_versions_parent_idx').on(t.parentId),
  ],
);

/**
 * Lineage events: establish, rename, merge (many → one), split (one → many), transfer (new parent),
 * absorb (one joins an existing unit), abolish. Each has an effective date and a legal basis.
 */
export const lineageEvents = pgTable(
  'lineage_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    /** Known only within a window: its first possible day (effective_date is then the last). Null = exact. */
    earliestDate: date('earliest_date', { mode: 'string' }),
    /** A document of the register, when the basis is registered. */
    legalBasisId: uuid('legal_basis_id'),
    /** The basis as printed (always kept, also when a document is linked). */
    legalBasisText: text('legal_basis_text'),
    note: text('note'),
    /** Where the event came from: 'manual', 'gso-2025', 'gso-history', 'demo'. */
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('lineage_events_date_idx').on(t.effectiveDate)],
);

/** Predecessor → successor links of an event; `weight` is the successor's share (for restating numbers). */
export const lineageLinks = pgTable(
  'lineage_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    predecessorId: uuid('predecessor_id'),
    successorId: uuid('successor_id'),
    weight: numeric('weight', { precision: 9, scale: 6, mode: 'number' }),
  },
  (t) => [
    index('lineage_links_pred_idx').on(t.predecessorId),
    index('lineage_links_succ_idx').on(t.successorId),
    index('lineage_links_event_idx').on(t.eventId),
  ],
);

/**
 * Lineage the source data leaves open, kept visible for a person to settle, never dropped: a predecessor the
 * 2025 merger map names but no code matches ("một phần diện tích…", misspellings; `successor_id` set), or a unit
 * that ended 2017–2025 without a known successor (`predecessor_id` set; settling names the successor).
 */
export const lineageUnresolved = pgTable(
  'lineage_unresolved',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    successorId: uuid('successor_id'),
    predecessorId: uuid('predecessor_id'),
    sourceText: text('source_text').notNull(),
    /** The whole source line it was taken from, for context. */
    sourceLine: text('source_line'),
    status: text('status').notNull().default('open'),
    resolvedPredecessorId: uuid('resolved_predecessor_id'),
    resolvedEventId: uuid('resolved_event_id'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('lineage_unresolved_succ_idx').on(t.successorId),
    index('lineage_unresolved_pred_idx').on(t.predecessorId),
    index('lineage_unresolved_status_idx').on(t.status),
  ],
);
