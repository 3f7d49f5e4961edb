import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { COMPUTE_SOURCES } from './rules/framework-types.js';
import { UNIT_GROUPS } from './parindex.table.js';

/**
 * Request and response schemas of the PAR Index frameworks (./frameworks.routes.ts). The tree's shape is
 * ./rules/framework-types.ts; its arithmetic and codes are checked by ./rules/framework.ts (a 400 naming each
 * problem), the schema only bounds the sizes.
 */

const name = z.string().trim().max(1000);
export const textIn = z.object({ vi: name.min(1), en: name.default('') });
const longText = z.object({ vi: z.string().max(8000).default(''), en: z.string().max(8000).default('') });
const points = z.number().min(0).max(1000);
const code = z.string().trim().min(1).max(20);

export const formulaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), from: z.number().min(0).max(1).optional() }),
  z.object({
    type: z.literal('bands'),
    bands: z
      .array(z.object({ min: z.number().min(0).max(1), share: z.number().min(0).max(1) }))
      .min(1)
      .max(20),
  }),
  z.object({ type: z.literal('all_or_nothing'), min: z.number().min(0).max(1) }),
]);

const methodFields = {
  method: z.enum(['self', 'computed', 'survey']).optional(),
  source: z.enum(COMPUTE_SOURCES).optional(),
  formula: formulaSchema.optional(),
  whenNoData: z.enum(['full', 'zero', 'manual']).optional(),
  guidance: longText.optional(),
  evidence: longText.optional(),
  step: z.number().positive().max(100).optional(),
  confirmed: z.boolean().optional(),
};

export const scoredItemSchema = z.object({
  code,
  name: textIn,
  maxPoints: points,
  ...methodFields,
  method: z.enum(['self', 'computed', 'survey']),
});

export const criterionSchema = z.object({
  code,
  name: textIn,
  maxPoints: points,
  subs: z.array(scoredItemSchema).max(60),
  ...methodFields,
});

export const fieldSchema = z.object({
  code,
  name: textIn,
  maxPoints: points,
  criteria: z.array(criterionSchema).min(1).max(60),
});

export const adjustmentSchema = z.object({
  code,
  name: textIn,
  cap: points,
  guidance: longText.optional(),
  evidence: longText.optional(),
  step: z.number().positive().max(100).optional(),
});

export const treeSchema = z.object({
  fields: z.array(fieldSchema).min(1).max(20),
  bonus: z.array(adjustmentSchema).max(30),
  penalty: z.array(adjustmentSchema).max(30),
  bonusCap: points,
  penaltyCap: points,
});

export const gradeBandSchema = z.object({
  code: z.string().trim().min(1).max(30),
  name: textIn,
  minPercent: z.number().min(0).max(100),
});

export const unitGroupField = z.enum(UNIT_GROUPS);
export const yearField = z.number().int().min(2000).max(2100);

export const frameworkListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  group: unitGroupField.optional(),
});

/** A new framework: from a set chidao ships, or copied from an existing version (e.g. last year's forward). */
export const frameworkCreateIn = z.discriminatedUnion('from', [
  z.object({ from: z.literal('shipped'), key: z.string().min(1).max(60), year: yearField }),
  z.object({ from: z.literal('copy'), frameworkId: z.uuid(), year: yearField }),
]);

export const frameworkUpdateIn = z.object({
  version: versionField,
  title: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().max(300).default(''),
  tree: treeSchema,
  gradeBands: z.array(gradeBandSchema).min(1).max(10),
  rescaleWithoutSurvey: z.boolean(),
  legalBasis: z.string().trim().max(1000).default(''),
  documentId: z.uuid().nullable().default(null),
  note: z.string().trim().max(4000).default(''),
});

export const frameworkPublishIn = z.object({ version: versionField });

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const frameworkSummaryOut = z.object({
  id: z.uuid(),
  unitGroup: unitGroupField,
  year: z.number(),
  number: z.number(),
  title: z.string(),
  titleEn: z.string(),
  status: z.enum(['draft', 'published']),
  counts: z.object({ fields: z.number(), criteria: z.number(), subCriteria: z.number() }),
  maxPoints: z.number(),
  surveyPoints: z.number(),
  /** How many of its scored items carry a point value this installation assumed (not the published set's). */
  unconfirmed: z.number(),
  computedItems: z.number(),
  shipped: z.boolean(),
  basedOn: z.object({ id: z.uuid(), year: z.number(), number: z.number() }).nullable(),
  /** The campaigns that use it (a version in use is never changed: an edit makes the next version). */
  usedBy: z.array(z.object({ id: z.uuid(), year: z.number(), title: z.string() })),
  /** The newest version of its year and group. */
  latest: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), publish: z.boolean(), copy: z.boolean() }),
});
export type FrameworkSummaryOut = z.infer<typeof frameworkSummaryOut>;

export const frameworkOut = frameworkSummaryOut.extend({
  tree: treeSchema,
  gradeBands: z.array(gradeBandSchema),
  rescaleWithoutSurvey: z.boolean(),
  legalBasis: z.string(),
  document: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  note: z.string(),
});
export type FrameworkOut = z.infer<typeof frameworkOut>;

export const shippedFrameworkOut = z.object({
  key: z.string(),
  unitGroup: unitGroupField,
  firstYear: z.number(),
  title: bilingual,
  legalBasis: z.string(),
  counts: z.object({ fields: z.number(), criteria: z.number(), subCriteria: z.number() }),
  maxPoints: z.number(),
});

export const frameworkListOut = z.object({
  frameworks: z.array(frameworkSummaryOut),
  shipped: z.array(shippedFrameworkOut),
  /** May the caller create frameworks (from a shipped set or a copy, or by importing a workbook)? */
  canCreate: z.boolean(),
});
export type FrameworkListOut = z.infer<typeof frameworkListOut>;

/** An edit answers with the framework as it now stands, and whether it had to become a new version. */
export const frameworkSaveOut = z.object({ framework: frameworkOut, newVersion: z.boolean() });

export const frameworkImportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  group: unitGroupField,
});
export const frameworkImportOut = z.object({ framework: frameworkOut, created: z.boolean() });
export type FrameworkSaveOut = z.infer<typeof frameworkSaveOut>;
export type FrameworkImportOut = z.infer<typeof frameworkImportOut>;
