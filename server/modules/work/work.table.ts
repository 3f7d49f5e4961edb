import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The history of every item a unit owes, whatever its kind (plan task, pilot item, pilot report, …):
 * status actions, progress updates, reviews of updates, directions. Append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE: migration `work_engine_constraints`). `item_id` points into the kind's own
 * table, so it has no foreign key; (kind, item_id) is what the kind's adapter loads.
 */
export const workEvents = pgTable(
  'work_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    itemId: uuid('item_id').notNull(),
    /** A workflow action (start, report_done, verify, submit, accept, return, …), 'progress', 'direction'. */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    percent: integer('percent'),
    documentId: uuid('document_id'),
    /** A progress update posted by staff of a unit whose leader requires approval: hidden from the province until approved. */
    needsApproval: boolean('needs_approval').notNull().default(false),
    /** For 'approve_progress' / 'reject_progress': the progress update reviewed. */
    reviewOf: uuid('review_of'),
    /** The instant it was recorded (with `actorId`: who recorded it, and when). */
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The day the step took effect (its effective date: lateness, overdue, KPIs and dashboards count it).
     * Equal to `recordedOn` unless the step was recorded later than it happened (backfilled history).
     */
    on: date('on', { mode: 'string' }).notNull(),
    /** The day it was recorded, Vietnam time (migration 0041; never changed). */
    recordedOn: date('recorded_on', { mode: 'string' })
      .notNull()
      .default(sql`(((now() AT TIME ZONE 'UTC') + interval '7 hours')::date)`),
    actorId: uuid('actor_id'),
  },
  (t) => [index('work_events_item_idx').on(t.kind, t.itemId, t.at)],
);

/**
 * A file uploaded as evidence for one item. A file belongs to one item only (the primary key is the
 * file): it can be cited by that item's events, and it is downloaded under that item's read rule. Until
 * an event cites it, it expires (`expires_at`) and the worker removes it with its stored content.
 */
export const workAttachments = pgTable(
  'work_attachments',
  {
    fileId: uuid('file_id').primaryKey(),
    kind: text('kind').notNull(),
    itemId: uuid('item_id').notNull(),
    /** Who uploaded it (unknown for evidence recorded before the engine, when the file kept no uploader). */
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null once an event cites it; until then, when an uncited upload is removed. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('work_attachments_item_idx').on(t.kind, t.itemId),
    index('work_attachments_expiry_idx').on(t.expiresAt),
  ],
);

/** Which attachments an event cites (a re-report may cite the item's earlier evidence again). */
export const workEventFiles = pgTable(
  'work_event_files',
  {
    eventId: uuid('event_id').notNull(),
    fileId: uuid('file_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.fileId] }), index('work_event_files_file_idx').on(t.fileId)],
);
