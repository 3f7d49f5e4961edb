import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The register of legal documents (văn bản). */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Number and symbol exactly as printed, e.g. `1830-QĐ/TU`, `1313/UBND-KSTT`. */
    numberSymbol: text('number_symbol').notNull(),
    type: text('type').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    /** The unit that owns the record; access rules are evaluated against its place in the unit tree. */
    unitId: uuid('unit_id').notNull(),
    /** public: anyone, once published; internal: every signed-in user; restricted: the owning unit's scope. */
    access: text('access').notNull().default('internal'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('documents_unit_idx').on(t.unitId),
    index('documents_issued_idx').on(t.issuedOn),
    index('documents_search_trgm_idx').using(
      'gin',
      sql`f_unaccent(lower(${t.numberSymbol} || ' ' || ${t.title})) gin_trgm_ops`,
    ),
  ],
);

export const documentFiles = pgTable(
  'document_files',
  {
    documentId: uuid('document_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.fileId] })],
);

/** Any record can cite documents from the register as its legal basis. */
export const legalBases = pgTable(
  'legal_bases',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    documentId: uuid('document_id').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.entityId, t.documentId] }),
    index('legal_bases_doc_idx').on(t.documentId),
  ],
);
