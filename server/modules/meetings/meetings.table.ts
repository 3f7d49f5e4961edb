import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A member as recorded in the minutes: the membership and its name, position and office on that day. */
export type MemberSnapshot = {
  membershipId: string;
  name: string;
  position: string;
  office: string | null;
  /** Absentees only: why (vắng có lý do). */
  reason?: string | null;
};

/**
 * Meetings of a steering committee: its sessions (phiên họp định kỳ / bất thường) and working sessions
 * with a unit (cuộc làm việc). Attendees are memberships in force on the meeting date, kept together with
 * their names as of that day, so the minutes stay readable after the committee changes. Foreign keys and
 * checks are in the `meetings_constraints` migration.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    /** session | working_session */
    kind: text('kind').notNull(),
    /** A session called outside the schedule (phiên họp bất thường). */
    extraordinary: boolean('extraordinary').notNull().default(false),
    /** The unit a working session is held with. */
    unitId: uuid('unit_id'),
    /** The session's number (phiên họp thứ …), when numbered. */
    number: integer('number'),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** `HH:MM`, local time. */
    startTime: text('start_time'),
    place: text('place'),
    chairMembershipId: uuid('chair_membership_id'),
    chair: jsonb('chair').$type<MemberSnapshot | null>(),
    attendees: jsonb('attendees').$type<MemberSnapshot[]>().notNull().default([]),
    absentees: jsonb('absentees').$type<MemberSnapshot[]>().notNull().default([]),
    /** Invited guests, free text (name and office). */
    guests: jsonb('guests').$type<string[]>().notNull().default([]),
    agenda: jsonb('agenda').$type<string[]>().notNull().default([]),
    minutes: text('minutes'),
    /** planned | held */
    status: text('status').notNull().default('planned'),
    /** The conclusion notice (thông báo kết luận) in the document register. */
    noticeDocumentId: uuid('notice_document_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('meetings_committee_idx').on(t.committeeId, t.date)],
);

/** Files attached to a meeting (invitation, slides, signed minutes…). */
export const meetingFiles = pgTable(
  'meeting_files',
  {
    meetingId: uuid('meeting_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.fileId] })],
);

/**
 * The conclusions (kết luận) of a meeting, numbered. Each can become tracked tasks in a plan; the tasks
 * point back with `source = 'conclusion'` and `source_ref = <conclusion id>`.
 */
export const meetingConclusions = pgTable(
  'meeting_conclusions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    leadUnitId: uuid('lead_unit_id'),
    supportingUnitIds: jsonb('supporting_unit_ids').$type<string[]>().notNull().default([]),
    dueDate: date('due_date', { mode: 'string' }),
    reformArea: text('reform_area'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_conclusions_ordinal_idx').on(t.meetingId, t.ordinal),
    index('meeting_conclusions_lead_idx').on(t.leadUnitId),
  ],
);
