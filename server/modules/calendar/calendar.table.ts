import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { YearAdjustments } from './holidays.js';

/**
 * The announced civil-servant schedule of one year (Tết block, National Day adjacent day, swapped days
 * off, make-up working weekend days), edited by administrators. A year without a row uses the shipped
 * `DEFAULT_ADJUSTMENTS` (or the law alone); the first edit copies those defaults into a row.
 * `adjustments` is validated by the service (`calendar.schemas.ts` + `adjustment-checks.ts`) before it
 * is written.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  adjustments: jsonb('adjustments').$type<YearAdjustments>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
