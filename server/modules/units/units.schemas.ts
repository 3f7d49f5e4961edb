import { z } from 'zod';
import { SEARCH_SCOPES } from './unit-search.service.js';
import { UNIT_KINDS } from './units.service.js';

/** A comma-separated list in a query string (`a,b,c`), each item checked by `item`. */
const csv = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(max * 40)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

export const unitSearchQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('Words to find, accents and case ignored ("so tu phap"), or a code'),
  asOf: z.iso
    .date()
    .optional()
    .describe('The date the names, parents and validity are read on (default: today)'),
  scope: z
    .enum(SEARCH_SCOPES)
    .default('mine')
    .describe(
      "mine: the subtrees of the caller's grants and own unit; province: the whole provinces of those; all: the whole registry (administrators)",
    ),
  within: z.uuid().optional().describe("Only this unit's subtree as of the date"),
  kinds: csv(z.enum(UNIT_KINDS), UNIT_KINDS.length).optional().describe('Comma-separated unit kinds'),
  includeEnded: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also units that had ended by the date (marked `ended`)'),
  ids: csv(z.uuid(), 200)
    .optional()
    .describe('Comma-separated unit ids to resolve as of the date instead of searching (no scope)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const unitHitOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    kind: z.string(),
    parentId: z.uuid().nullable(),
    label: z.string().describe('How the unit is shown: "Xã Anh Sơn", "Sở Tư pháp"'),
    parentName: z.string().nullable().describe('The parent as shown after the label: "Nghệ An"'),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    ended: z.boolean().describe('No longer in force on the date'),
  })
  .meta({ id: 'UnitHit' });

export const unitSearchOut = z.object({
  asOf: z.string(),
  items: z.array(unitHitOut),
  total: z.number().int().describe('How many units match (items holds the first `limit`)'),
});
