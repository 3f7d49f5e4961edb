import { z } from 'zod';

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
export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;

export const fileOut = z
  .object({
    id: z.uuid(),
    originalName: z.string(),
    mediaType: z.string(),
    size: z.number(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'StoredFile' });

export const documentOut = z
  .object({
    id: z.uuid(),
    numberSymbol: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    issuer: z.string(),
    issuedOn: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    access: z.enum(ACCESS_LEVELS),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
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
export const documentUpdateIn = z.object({
  version: z.number().int().positive(),
  numberSymbol: fields.numberSymbol.optional(),
  type: fields.type.optional(),
  issuer: fields.issuer.optional(),
  issuedOn: fields.issuedOn.optional(),
  title: fields.title.optional(),
  summary: fields.summary,
  unitId: fields.unitId.optional(),
  access: z.enum(ACCESS_LEVELS).optional(),
});

export const documentListQuery = z.object({
  q: z.string().max(200).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  unitId: z.uuid().optional(),
  access: z.enum(ACCESS_LEVELS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
