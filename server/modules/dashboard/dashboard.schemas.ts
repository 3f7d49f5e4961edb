/**
 * The contract of the province dashboard (`/api/dashboard…`, issue 18 item 1) and of the province figure catalogue
 * (./figures.service.ts): a window's key figures with their previous window, change and trend, where work is stuck,
 * and the records behind a count. Dates are ISO (yyyy-mm-dd); percentages 0–100. The web imports these types,
 * type-only.
 */
import { z } from 'zod';
import { REFORM_AREAS } from '../tasks/index.js';
import { WORK_KINDS } from '../work/work.schemas.js';
import { FIGURE_KEYS } from './figure-keys.js';

const date = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });
const bool = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

// ---------------------------------------------------------------------------------------------------
// The figure catalogue

export const figureKey = z.enum(FIGURE_KEYS);

export const figureDefOut = z.object({
  key: figureKey,
  label: bilingual,
  unit: z.enum(['percent', 'count', 'points']),
  better: z.enum(['higher', 'lower']),
  /** The module that owns the figure (its section of the navigation). */
  source: z.string(),
});
export type FigureDefOut = z.infer<typeof figureDefOut>;

export const figureValueOut = z.object({
  key: figureKey,
  /** Null: not known for the window ("chưa có số liệu"), never 0. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  from: date,
  to: date,
  /** A staff-app path to the records behind the figure. */
  link: z.string().nullable(),
});
export type FigureValueOut = z.infer<typeof figureValueOut>;

// ---------------------------------------------------------------------------------------------------
// The dashboard

/** `2026-Q4`, `2026-H1`, `2026-9M`, `2026-Y`, `2026-YTD` (./rules.ts `parseDashboardPeriod`). */
export const periodParam = z
  .string()
  .trim()
  .regex(/^\d{4}-(Q[1-4]|H[12]|9M|Y|YTD)$/);

export const UNIT_TYPES = ['department', 'commune', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const dashboardQuery = z.object({
  /** The reporting period (default: the quarter whose data window holds today). */
  period: periodParam.optional(),
  /** Read the figures as they stood on this day (default today). */
  asOf: date.optional(),
  /** Facts restated onto today's units (lineage); default: the units as they were. */
  restate: bool,
  /** A reform area: narrows the plan's figures (the others record none). */
  area: z.enum(REFORM_AREAS).optional(),
  /** Departments (and management boards), localities, or other bodies under the province. */
  unitType: z.enum(UNIT_TYPES).optional(),
  /** A committee member (membership): only the units they follow. */
  member: z.uuid().optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const periodOut = z.object({
  key: z.string(),
  label: bilingual,
  from: date,
  to: date,
});
export type PeriodOut = z.infer<typeof periodOut>;

export const trendPointOut = z.object({
  period: periodOut,
  value: z.number().nullable(),
});

export const dashboardFigureOut = z.object({
  def: figureDefOut,
  current: figureValueOut,
  /** The previous comparable window's value (the period before; a year to date: the same stretch last year). */
  previous: figureValueOut.nullable(),
  /** Current minus previous (points for rates and indices, items for counts); null when either is unknown. */
  change: z.number().nullable(),
  /** Whether the change is good or bad for this figure (its `better` direction). */
  verdict: z.enum(['good', 'bad', 'neutral']).nullable(),
  /** The last windows of the same kind, oldest first, ending with the current one. */
  trend: z.array(trendPointOut),
  /** Whether the filters chosen narrow this figure (a reform area narrows only the plan's). */
  narrowed: z.boolean(),
});
export type DashboardFigureOut = z.infer<typeof dashboardFigureOut>;

export const workKind = z.enum(WORK_KINDS);

export const stuckUnitOut = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  total: z.number().int(),
  byKind: z.array(z.object({ kind: workKind, count: z.number().int() })),
  maxDaysOverdue: z.number(),
});
export type StuckUnitOut = z.infer<typeof stuckUnitOut>;

export const worstFigureOut = z.object({
  key: figureKey,
  label: bilingual,
  unit: z.enum(['percent', 'count', 'points']),
  current: z.number(),
  previous: z.number(),
  change: z.number(),
  link: z.string().nullable(),
});

export const recommendationOut = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  number: z.number().int(),
  text: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  dueDate: date,
  daysOverdue: z.number(),
  link: z.string(),
});
export type RecommendationOut = z.infer<typeof recommendationOut>;

export const dashboardOut = z.object({
  period: periodOut,
  /** The previous comparable window. */
  previousPeriod: periodOut,
  /** The day the figures are read on (the window's end, or the as-of day if earlier). */
  asOf: date,
  today: date,
  restate: z.boolean(),
  filters: z.object({
    area: z.enum(REFORM_AREAS).nullable(),
    unitType: z.enum(UNIT_TYPES).nullable(),
    member: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** How many units the unit filters leave (null: the whole province). */
    units: z.number().int().nullable(),
  }),
  /** The periods the picker offers, with their data windows. */
  periods: z.array(periodOut),
  /** The committee's members in office on the reading day (the member filter). */
  members: z.array(z.object({ id: z.uuid(), name: z.string(), units: z.number().int() })),
  figures: z.array(dashboardFigureOut),
  stuck: z.object({
    /** Items of every kind overdue on the reading day. */
    overdueTotal: z.number().int(),
    /** The units with the most overdue items (the first ones). */
    units: z.array(stuckUnitOut),
    /** How many units have overdue items. */
    unitCount: z.number().int(),
    /** The figures that moved most against their good direction since the previous window. */
    worst: z.array(worstFigureOut),
    /** Inspection recommendations overdue on the reading day, the longest overdue first (the first ones). */
    recommendations: z.array(recommendationOut),
    recommendationsTotal: z.number().int(),
  }),
});
export type DashboardOut = z.infer<typeof dashboardOut>;

export const summaryOut = dashboardOut.pick({ period: true, asOf: true, figures: true }).extend({
  stuck: dashboardOut.shape.stuck.pick({ overdueTotal: true, units: true, unitCount: true, worst: true }),
  link: z.string(),
});
export type DashboardSummaryOut = z.infer<typeof summaryOut>;

// ---------------------------------------------------------------------------------------------------
// The drill-down

export const DRILL_WHATS = ['overdue', 'recommendations'] as const;

export const drillQuery = dashboardQuery.extend({
  /** `overdue`: the items overdue on the reading day; `recommendations`: inspection recommendations overdue. */
  what: z.enum(DRILL_WHATS),
  /** Only this unit's items. */
  unit: z.uuid().optional(),
  /** Only this kind of owed work (`overdue`). */
  kind: workKind.optional(),
});
export type DrillQuery = z.infer<typeof drillQuery>;

export const drillItemOut = z.object({
  id: z.uuid(),
  kind: z.union([workKind, z.literal('recommendation')]),
  title: z.string(),
  titles: bilingual.nullable(),
  context: bilingual.nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  status: z.string().nullable(),
  dueDate: date.nullable(),
  daysOverdue: z.number(),
  /** The record's own page. */
  link: z.string(),
});
export type DrillItemOut = z.infer<typeof drillItemOut>;

export const drillOut = z.object({
  what: z.enum(DRILL_WHATS),
  period: periodOut,
  asOf: date,
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  kind: workKind.nullable(),
  count: z.number().int(),
  items: z.array(drillItemOut),
});
export type DrillOut = z.infer<typeof drillOut>;
