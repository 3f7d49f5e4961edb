import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Steering committees (Ban Chỉ đạo) — the province's, and those departments and districts found for
 * themselves. Foreign keys and checks are in the `committees_constraints` migration.
 */
export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** province | department | district | commune | other */
    level: text('level').notNull(),
    /** The unit whose committee this is (its access scope). */
    hostUnitId: uuid('host_unit_id').notNull(),
    /** The standing agency (cơ quan thường trực), e.g. Sở Nội vụ. */
    standingUnitId: uuid('standing_unit_id'),
    /** The founding decision in the register. */
    foundingDocumentId: uuid('founding_document_id'),
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    /**
     * Who founded it: `party` (a Party committee, e.g. the Ban Thường vụ Tỉnh ủy — its documents follow the
     * Party layout, Hướng dẫn 36-HD/VPTW) or `state` (UBND — Decree 30/2020/NĐ-CP). Migration 0042.
     */
    founderKind: text('founder_kind').notNull().default('state'),
    /** The founding body as printed above the committee in its documents' header, e.g. "Tỉnh ủy Nghệ An". */
    founderName: text('founder_name'),
    /** The committee's abbreviation in document symbols ("TB-BCĐ", "TB/BCĐ"). */
    symbol: text('symbol').notNull().default('BCĐ'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('committees_host_idx').on(t.hostUnitId), index('committees_level_idx').on(t.level)],
);

/** Who sits on a committee, in which position, from when to when, by which decision (kiện toàn). */
export const committeeMemberships = pgTable(
  'committee_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    /** The member's account, when they have one. */
    userId: uuid('user_id'),
    /** The name as printed in the decision (always kept, also for members with an account). */
    personName: text('person_name'),
    /** truong_ban | pho_truong_ban_thuong_truc | pho_truong_ban | uy_vien | to_giup_viec | thu_ky */
    position: text('position').notNull(),
    /** The office the member holds, e.g. "Phó Chủ tịch UBND tỉnh". */
    office: text('office'),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    /** The decision appointing the member. */
    decisionDocumentId: uuid('decision_document_id'),
    /** The decision ending the membership. */
    endDecisionDocumentId: uuid('end_decision_document_id'),
    /** The committee's body (Tổ giúp việc) the member belongs to; set exactly for position `to_giup_viec`. */
    bodyId: uuid('body_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('committee_memberships_committee_idx').on(t.committeeId),
    index('committee_memberships_user_idx').on(t.userId),
    index('committee_memberships_body_idx').on(t.bodyId),
  ],
);

/**
 * A body of the committee with its own founding decision — the working group (Tổ giúp việc) that prepares
 * its work. Its members are memberships with `bodyId` set; its head (Tổ trưởng) is one of them.
 */
export const committeeBodies = pgTable(
  'committee_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    /** to_giup_viec */
    kind: text('kind').notNull().default('to_giup_viec'),
    name: text('name').notNull(),
    foundingDocumentId: uuid('founding_document_id'),
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    headMembershipId: uuid('head_membership_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('committee_bodies_committee_idx').on(t.committeeId)],
);

/** The units a member follows for a period (phân công theo dõi). */
export const monitoringAssignments = pgTable(
  'monitoring_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    membershipId: uuid('membership_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    note: text('note'),
    decisionDocumentId: uuid('decision_document_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('monitoring_assignments_membership_idx').on(t.membershipId),
    index('monitoring_assignments_unit_idx').on(t.unitId),
  ],
);
