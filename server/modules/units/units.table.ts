import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Administrative and organisational units, each valid over a date range (validTo null = current). */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Official code where one exists (GSO code for provinces, districts, communes); otherwise internal. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /**
     * Founding date unknown: the unit is attested since this date and `valid_from` holds the open start
     * 1900-01-01 (shown as "existed before …", never as a date). Null: `valid_from` is the real start.
     */
    knownSince: date('known_since', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_code_idx').on(t.code),
    index('units_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
  ],
);
