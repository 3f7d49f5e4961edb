import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * One import of tasks into a plan from an Excel file. The same file (by SHA-256) imported again into the
 * same plan finds this row and returns its result instead of writing the tasks twice (idempotent
 * imports). Written in the transaction that writes the tasks; never edited.
 */
export const planImports = pgTable(
  'plan_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** SHA-256 (hex) of the uploaded file's bytes. */
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** The uploaded workbook as kept in the file store. */
    fileId: uuid('file_id'),
    /** Task rows read from the file (blank rows not counted). */
    rowCount: integer('row_count').notNull(),
    taskIds: jsonb('task_ids').$type<string[]>().notNull().default([]),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_imports_plan_sha_idx').on(t.planId, t.sha256)],
);
