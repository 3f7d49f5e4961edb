import { z } from 'zod';
import { CHANNELS, DOSSIER_STATUSES } from './dossier-timing.js';
import { DRILL_CLASS_KEYS } from './dossiers-query.rules.js';
import {
  catalogueCountOut,
  groupOut,
  indicatorsOut,
  levelRateOut,
  qd766Out,
  totalsOut,
} from './dossiers.schemas.js';
import { THRESHOLD_KEYS } from './settings/dossiers-settings.rules.js';

const isoDate = z.iso.date();
const bool = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/** A period and a scope: the province (nothing), a unit (as it was, or today's when restated), a procedure. */
export const scopeQuery = z.object({
  from: isoDate,
  to: isoDate,
  /** Restate the receiving units onto those that carry their facts today (lineage). */
  restate: bool,
  /** A unit as the rankings show it (the receiving unit, or its successor today when restated). */
  unitId: z.uuid().optional(),
  /** With `unitId`: the unit and every unit below it (default: that unit alone, as a ranking row). */
  subtree: bool,
  procedureId: z.uuid().optional(),
});
export type ScopeQuery = z.infer<typeof scopeQuery>;

export const BREAKDOWN_BY = ['unit', 'procedure', 'field', 'total'] as const;
/** What a breakdown's rows are: units, procedures, fields, or none (the total alone). */
export type BreakdownBy = (typeof BREAKDOWN_BY)[number];
export const breakdownQuery = scopeQuery.extend({
  groupBy: z.enum(BREAKDOWN_BY).default('unit'),
  /** By unit: leave out (default) or list the units no longer in force on the stock day. */
  ended: z.enum(['hide', 'show']).default('hide'),
});
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

/** A class of dossiers a number can be opened into (dossiers-query.rules.ts `DRILL_CLASSES`). */
export const drillClass = z.enum(DRILL_CLASS_KEYS);
export type DrillClassKey = z.infer<typeof drillClass>;

/** The indicators that carry a traffic light (settings: thresholds). */
export const lightKey = z.enum(THRESHOLD_KEYS);
export type LightKeyOut = z.infer<typeof lightKey>;

/** A traffic light; null when the value is unknown (no denominator) or the indicator has no threshold. */
const light = z.enum(['green', 'amber', 'red']).nullable();
export type LightOut = z.infer<typeof light>;
export const lightsOut = z.object({
  onTimeRate: light,
  lateRate: light,
  onlineRate: light,
  onlinePaymentRate: light,
  digitisationRate: light,
  eResultRate: light,
  satisfaction: light,
  qd766: light,
});
export type LightsOut = z.infer<typeof lightsOut>;

/** The figures of a scope: period totals, the indicators and QĐ 766 score made of them, their lights. */
export const figuresOut = z.object({
  totals: totalsOut,
  indicators: indicatorsOut,
  qd766: qd766Out,
  lights: lightsOut,
});
export type FiguresOut = z.infer<typeof figuresOut>;

/** A traffic-light threshold in force on the period's last day. */
export const thresholdOut = z.object({
  key: lightKey,
  direction: z.enum(['higher', 'lower']),
  green: z.number(),
  amber: z.number(),
  source: z.string().nullable(),
});
export type ThresholdOut = z.infer<typeof thresholdOut>;

/** What the figures are of: the province (both null), a unit, a procedure (names as shown). */
export const scopeOut = z.object({
  unit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string(), field: z.string() }).nullable(),
});
export type ScopeOut = z.infer<typeof scopeOut>;

/** A row of a breakdown: a unit, procedure or field with its figures and its rank (`RANKING_RULE`). */
export const breakdownGroupOut = figuresOut.extend(groupOut).extend({
  /** 1 = best; equal rows share it ("đồng hạng"); null when the row has no dossiers in the period. */
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  /** Nothing received, carried over or processing in the period. */
  noDossiers: z.boolean(),
});
export type BreakdownGroupOut = z.infer<typeof breakdownGroupOut>;

export const breakdownResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The day the stocks are taken: the period's last day, or today while it runs. */
  stockDay: z.iso.date(),
  restated: z.boolean(),
  groupBy: z.enum(BREAKDOWN_BY),
  scope: scopeOut,
  /** Whose figures the reader sees at the top: the whole province, or the units of their grants. */
  reader: z.object({
    whole: z.boolean(),
    units: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  thresholds: z.array(thresholdOut),
  total: figuresOut,
  ranking: z.object({
    /** The ranking rule's version (dossiers-query.rules.ts `RANKING_RULE`). */
    rule: z.string(),
    ended: z.enum(['hide', 'show']),
    /** By unit: how many listed-able units had ended by the stock day (hidden unless `ended=show`). */
    endedUnits: z.number().int(),
  }),
  /** The online-submission rate by the online level of the procedures (and the online levels together). */
  byLevel: z.array(levelRateOut),
  /** The procedure catalogue by online level and publication (province-wide). */
  catalogue: z.array(catalogueCountOut),
  /**
   * By unit: the units in force during the period, and those that had ended before it only when they
   * still have figures in it (restated, these count for their successors); units ended by the stock day
   * only with `ended=show`. Ranking order (`rank`), rows without dossiers last.
   */
  groups: z.array(breakdownGroupOut),
});
export type BreakdownResponse = z.infer<typeof breakdownResponse>;

/** A month of the trend (clipped to the period): flows of the month, stocks at its end or today. */
export const trendMonthOut = figuresOut.extend({
  /** `YYYY-MM`. */
  month: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  stockDay: z.iso.date(),
});
export type TrendMonthOut = z.infer<typeof trendMonthOut>;

export const trendResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  restated: z.boolean(),
  scope: scopeOut,
  months: z.array(trendMonthOut),
});
export type TrendResponse = z.infer<typeof trendResponse>;

export const dossierListQuery = scopeQuery.extend({
  class: drillClass.default('toProcess'),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DossierListQuery = z.infer<typeof dossierListQuery>;

export const DOSSIER_LIST_STATES = [
  'early',
  'on_time',
  'late',
  'not_yet_due',
  'due_soon',
  'overdue',
  'suspended',
  'withdrawn',
  'not_received',
] as const;

export const dossierListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  channel: z.enum(CHANNELS),
  status: z.enum(DOSSIER_STATUSES),
  receivedAt: z.iso.datetime(),
  dueDay: z.iso.date().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  /** As of the period's stock day: resolved early / on time / late, still processing (not yet due, due soon, overdue, suspended), withdrawn, or not received yet. */
  state: z.enum(DOSSIER_LIST_STATES),
  /** The share of this dossier in the figure (1, or less when a split unit's facts are shared). */
  weight: z.number(),
});
export type DossierListItem = z.infer<typeof dossierListItem>;

export const dossierListResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  stockDay: z.iso.date(),
  restated: z.boolean(),
  class: drillClass,
  scope: scopeOut,
  /** How many dossiers are behind the number (first page only; null on later pages). */
  count: z.number().int().nullable(),
  items: z.array(dossierListItem),
  nextCursor: z.string().nullable(),
});
export type DossierListResponse = z.infer<typeof dossierListResponse>;
