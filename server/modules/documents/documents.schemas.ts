/**
 * The documents module's contract: the register of legal documents (number and symbol, type, issuer, date,
 * owning unit, access level), their attached files and the download of a file.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';

export const DOCUMENT_TYPES = [
  'quyet_dinh',
  'nghi_quyet',
  'nghi_dinh',
  'ket_luan',
  'chi_thi',
  'cong_van',
  'ke_hoach',
  'bao_cao',
  'thong_bao',
  'huong_dan',
  'to_trinh',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** public and internal: every signed-in user reads it; restricted: roles over the owning unit's ancestry. */
export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const fileOut = z
  .object({
    id: z.uuid(),
    originalName: z.string(),
    mediaType: z.string(),
    /** Bytes. */
    size: z.number(),
    sha256: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StoredFile' });
export type FileOut = z.infer<typeof fileOut>;

export const documentOut = z
  .object({
    id: z.uuid(),
    numberSymbol: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    issuer: z.string(),
    issuedOn: z.iso.date(),
    title: z.string(),
    summary: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    access: z.enum(ACCESS_LEVELS),
    version: z.number(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    files: z.array(fileOut),
    abilities: z.object({ read: z.boolean(), update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Document' });
export type DocumentOut = z.infer<typeof documentOut>;

const fields = {
  numberSymbol: z.string().trim().min(1).max(100),
  type: z.enum(DOCUMENT_TYPES),
  issuer: z.string().trim().min(1).max(300),
  issuedOn: z.iso.date(),
  title: z.string().trim().min(3).max(1000),
  summary: z.string().trim().max(5000).nullish(),
  unitId: z.uuid(),
  access: z.enum(ACCESS_LEVELS).default('internal'),
};

export const documentCreateIn = z.object(fields);
export type DocumentCreateIn = z.input<typeof documentCreateIn>;
export const documentUpdateIn = z.object({
  version: versionField,
  numberSymbol: fields.numberSymbol.optional(),
  type: fields.type.optional(),
  issuer: fields.issuer.optional(),
  issuedOn: fields.issuedOn.optional(),
  title: fields.title.optional(),
  summary: fields.summary,
  unitId: fields.unitId.optional(),
  access: z.enum(ACCESS_LEVELS).optional(),
});
export type DocumentUpdateIn = z.input<typeof documentUpdateIn>;

/**
 * The orders of the register: issue date (default, newest first), number and symbol, title, issuer and
 * owning unit (accents and case ignored), access level (public → restricted).
 */
export const DOCUMENT_SORTS = ['issuedOn', 'numberSymbol', 'title', 'issuer', 'unit', 'access'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export const documentListQuery = z.object({
  q: z.string().max(200).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  unitId: z.uuid().optional(),
  access: z.enum(ACCESS_LEVELS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(DOCUMENT_SORTS).default('issuedOn'),
  /** Default: newest first by date, A→Z otherwise. Missing values come last either way. */
  dir: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DocumentListQuery = z.input<typeof documentListQuery>;

/** A page of the register, newest first, with whether I may register documents. */
export const documentListOut = z.object({
  items: z.array(documentOut),
  total: z.number().int(),
  abilities: z.object({ create: z.boolean() }),
});
export type DocumentListOut = z.infer<typeof documentListOut>;

export const documentTypesOut = z.object({ items: z.array(z.enum(DOCUMENT_TYPES)) });
export type DocumentTypesOut = z.infer<typeof documentTypesOut>;

/** The version read, sent back with a delete or a detach (a stale one gets 409). */
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
export const documentFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
