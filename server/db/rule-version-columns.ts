import { date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The columns of a table of versioned rules (read by ./rule-versions.ts): one row a version, valid from a day on
 * (one version a day), the rules as JSON checked by the module before they are stored, a note, and who added it.
 */
export const ruleVersionColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  validFrom: date('valid_from', { mode: 'string' }).notNull().unique(),
  rules: jsonb('rules').notNull(),
  note: text('note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
});
