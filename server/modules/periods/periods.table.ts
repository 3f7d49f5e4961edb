import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Reporting rule versions as configuration: a province adds rule sets (per report type or general) that
 * take effect from a date. Rows are never edited: a change is a new version, so past periods keep the
 * rules they were judged by. Years without rows use the national defaults shipped in `rules.ts`.
 */
export const reportingRules = pgTable(
  'reporting_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleSetId: text('rule_set_id').notNull(),
    version: integer('version').notNull(),
    reportType: text('report_type'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** The whole `ReportingRules` object, validated by `validateRules` before it is stored. */
    rules: jsonb('rules').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('reporting_rules_type_idx').on(t.reportType, t.validFrom)],
);
