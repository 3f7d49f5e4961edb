/**
 * The periods module's contract: a year's reporting periods with their data windows, due dates and labels,
 * the period containing a date, and the versioned reporting rule sets.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { PERIOD_TYPES } from './period.js';

export { PERIOD_TYPES };

const dateRange = z.object({ from: z.iso.date(), to: z.iso.date() });

/** A reporting period under the rule version in force when its data window opens. */
export const periodOut = z
  .object({
    /** The period's key, e.g. `2025-Q1`, `2025-H1`, `2025-M03`, `2025`. */
    key: z.string(),
    /** Its name in the caller's language ("Quý I/2025"). */
    label: z.string(),
    /** The calendar span of the period. */
    span: dateRange,
    /** The data window the report covers (Decree 09/2019/NĐ-CP art. 12). */
    window: dateRange,
    windowLabel: z.string(),
    /** The day the report is due. */
    due: z.iso.date(),
    /** The rule version that decided the window and the due date, with its legal sources. */
    rules: z.object({ id: z.string(), version: z.number(), basis: z.array(z.string()) }),
  })
  .meta({ id: 'ReportingPeriod' });
export type PeriodOut = z.infer<typeof periodOut>;

export const periodsQuery = z.object({
  type: z.enum(PERIOD_TYPES),
  year: z.coerce.number().int().min(2000).max(2100),
  reportType: z.string().max(100).optional(),
});
export const periodsOut = z.object({ items: z.array(periodOut) });
export type PeriodsOut = z.infer<typeof periodsOut>;

export const periodOfQuery = z.object({
  type: z.enum(PERIOD_TYPES),
  date: z.iso.date(),
  reportType: z.string().max(100).optional(),
});
/** The period whose data window contains the date (null when none does). */
export const periodOfOut = z.object({ period: periodOut.nullable() });
export type PeriodOfOut = z.infer<typeof periodOfOut>;

const windowOverride = z.object({
  cutoffDay: z.number().int().min(1).max(28).optional(),
  dueDayOfLastMonth: z.number().int().min(1).max(31).optional(),
  dueMonthOffset: z.number().int().min(0).max(12).optional(),
  /** null switches an inherited working-day deadline off. */
  dueOffsetWorkingDays: z.number().int().min(0).max(120).nullish(),
});

/** A version of a reporting rule set: from `validFrom` on, for one report type (or all without their own). */
export const rulesIn = z.object({
  id: z.string().trim().min(1).max(60),
  reportType: z.string().trim().max(100).nullish(),
  validFrom: z.iso.date(),
  basis: z.array(z.string().trim().min(1).max(500)).min(1),
  cutoffDay: z.number().int().min(1).max(28),
  dueDayOfLastMonth: z.number().int().min(1).max(31),
  dueMonthOffset: z.number().int().min(0).max(12).optional(),
  dueOffsetWorkingDays: z.number().int().min(0).max(120).optional(),
  windows: z.partialRecord(z.enum(PERIOD_TYPES), windowOverride).optional(),
});
export type RulesIn = z.input<typeof rulesIn>;

/** A stored rule version; `retired` ends the rule set from its `validFrom`. */
export const rulesOut = rulesIn.extend({ version: z.number(), retired: z.boolean().optional() });
export type RulesOut = z.infer<typeof rulesOut>;
export const rulesListOut = z.object({ items: z.array(rulesOut) });
export type RulesListOut = z.infer<typeof rulesListOut>;

export const ruleSetParams = z.object({ id: z.string().trim().min(1).max(60) });
export const retireIn = z.object({
  version: versionField,
  validFrom: z.iso.date().optional(),
  basis: z.array(z.string().trim().min(1).max(500)).optional(),
});
export type RetireIn = z.input<typeof retireIn>;
