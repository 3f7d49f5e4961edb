import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A role granted to a user over a unit and everything below it in the unit tree. */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('grants_user_idx').on(t.userId), index('grants_unit_idx').on(t.unitId)],
);

/**
 * The access module's rules as versioned data, one row per rule key (e.g. `lineage_follow`: successors act
 * on their predecessors' open work). The row holds the rule in force; every change is version-checked and
 * journalled (before/after), so the journal is its history. No row = the rule's shipped default.
 */
export const accessRules = pgTable('access_rules', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
