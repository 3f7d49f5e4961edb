import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { unitGroupField } from './frameworks.schemas.js';

/** A campaign's results (./results.routes.ts). */

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const resultRowOut = z.object({
  assessmentId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  group: unitGroupField,
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  byField: z.array(
    z.object({ code: z.string(), points: z.number(), maxPoints: z.number(), percent: z.number().nullable() }),
  ),
  grade: z.string(),
  gradeName: bilingual,
  rank: z.number(),
  rankOf: z.number(),
  previousPercent: z.number().nullable(),
  change: z.number().nullable(),
});

export const resultsOut = z.object({
  /** Computed from the scores as they stand (before the council's sign-off), or frozen. */
  provisional: z.boolean(),
  rows: z.array(resultRowOut),
  asOf: z.iso.date(),
});

export const signOffIn = z.object({ version: versionField });
export type ResultsOut = z.infer<typeof resultsOut>;
