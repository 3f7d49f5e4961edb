/**
 * The inspections' settings' shapes: the server's own (type-only imports of its Zod schemas, erased from the
 * bundle), so the page and `/api/inspection-checklists…`, `/api/inspection-rules` cannot drift.
 */
import type { z } from 'zod';
import type {
  ruleVersionIn,
  ruleVersionOut,
  rulesOut,
  templateIn,
  templateOut,
  templatesOut,
} from '../../../../../server/modules/inspections/inspections.schemas';
import type { TemplateVersionsOut } from '../../../../../server/modules/inspections/settings.schemas';

export type Templates = z.infer<typeof templatesOut>;
export type AreaTemplates = Templates['areas'][number];
export type Area = AreaTemplates['area'];
export type Template = z.infer<typeof templateOut>;
export type TemplateItem = Template['items'][number];
export type TemplateVersionSummary = AreaTemplates['versions'][number];
export type TemplateVersions = TemplateVersionsOut;
export type TemplateCreate = z.input<typeof templateIn>;
export type Rules = z.infer<typeof rulesOut>;
export type RuleVersion = Rules['versions'][number];
export type InspectionRules = RuleVersion['rules'];
export type RuleVersionCreate = z.input<typeof ruleVersionIn>;
export type RuleVersionCreated = z.infer<typeof ruleVersionOut>;
