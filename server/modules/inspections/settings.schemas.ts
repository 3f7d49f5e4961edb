/**
 * The contract of what the inspections' settings page reads beyond `/api/inspection-checklists` and
 * `/api/inspection-rules` (./inspections.schemas.ts): every version of one area's checklist template with its items.
 */
import { z } from 'zod';
import { reformArea, templateOut } from './inspections.schemas.js';

export const templateVersionsOut = z.object({
  area: reformArea,
  /** The latest first. */
  versions: z.array(templateOut),
});
export type TemplateVersionsOut = z.infer<typeof templateVersionsOut>;
