import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Threshold } from '../dossiers-query.rules.js';
import type { Qd766Config } from '../qd766.js';

/**
 * Versions of the dossier rules: traffic-light thresholds and the QĐ 766 maxima and weights, each in force
 * from a date. Rows are never edited: a change is a new version (numbered 1, 2, …; the number is also the
 * optimistic-concurrency token of the settings), so past periods keep the rules they were judged by.
 * Dates without a stored version use the code's defaults (`DEFAULT_THRESHOLDS`, `qd766ConfigFor`).
 * Foreign keys: migration `dossier_exports_settings_constraints`.
 */
export const dossierRuleVersions = pgTable(
  'dossier_rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    thresholds: jsonb('thresholds').$type<Threshold[]>().notNull(),
    qd766: jsonb('qd766').$type<Qd766Config>().notNull(),
    /** Why the version was made. */
    note: text('note').notNull(),
    /** The legal basis as printed (a decision, an official letter), when there is one. */
    legalBasis: text('legal_basis'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossier_rule_versions_version_uq').on(t.version),
    index('dossier_rule_versions_effective_idx').on(t.effectiveFrom),
  ],
);
