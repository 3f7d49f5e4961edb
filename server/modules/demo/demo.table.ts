import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per seed that must run once (`demo`: the demo province). Seeding claims its row in the seed's
 * own transaction, so a seed is applied once even when several instances start together, and never again
 * afterwards: records it created may since have been renamed, ended or removed by their users.
 */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
  /** What the run did (e.g. `{ withAccounts: true }`). */
  detail: jsonb('detail'),
});
