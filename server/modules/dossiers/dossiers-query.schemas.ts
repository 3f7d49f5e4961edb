import { z } from 'zod';
import { CHANNELS, DOSSIER_STATUSES } from './dossier-timing.js';
import { DRILL_CLASS_KEYS } from './dossiers-query.rules.js';
import { groupOut, indicatorsOut, qd766Out, totalsOut } from './dossiers.schemas.js';

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
export const breakdownQuery = scopeQuery.extend({ groupBy: z.enum(BREAKDOWN_BY).default('unit') });
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

const light = z.enum(['green', 'amber', 'red']).nullable();
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

const figuresOut = z.object({
  totals: totalsOut,
  indicators: indicatorsOut,
  qd766: qd766Out,
  lights: lightsOut,
});

export const thresholdOut = z.object({
  key: z.string(),
  direction: z.enum(['higher', 'lower']),
  green: z.number(),
  amber: z.number(),
  source: z.string().nullable(),
});

export const scopeOut = z.object({
  unit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string(), field: z.string() }).nullable(),
});

export const breakdownResponse = z.object({
  from: z.string(),
  to: z.string(),
  stockDay: z.string(),
  restated: z.boolean(),
  groupBy: z.enum(BREAKDOWN_BY),
  scope: scopeOut,
  thresholds: z.array(thresholdOut),
  total: figuresOut,
  groups: z.array(figuresOut.extend(groupOut)),
});
export type BreakdownResponse = z.infer<typeof breakdownResponse>;

export const trendResponse = z.object({
  from: z.string(),
  to: z.string(),
  restated: z.boolean(),
  scope: scopeOut,
  months: z.array(
    figuresOut.extend({ month: z.string(), from: z.string(), to: z.string(), stockDay: z.string() }),
  ),
});
export type TrendResponse = z.infer<typeof trendResponse>;

export const dossierListQuery = scopeQuery.extend({
  class: z.enum(DRILL_CLASS_KEYS).default('toProcess'),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DossierListQuery = z.infer<typeof dossierListQuery>;

export const dossierListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  channel: z.enum(CHANNELS),
  status: z.enum(DOSSIER_STATUSES),
  receivedAt: z.string(),
  dueDay: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** As of the period's stock day: early | on_time | late | not_yet_due | due_soon | overdue | suspended | withdrawn | not_received. */
  state: z.string(),
  /** The share of this dossier in the figure (1, or less when a split unit's facts are shared). */
  weight: z.number(),
});

export const dossierListResponse = z.object({
  from: z.string(),
  to: z.string(),
  stockDay: z.string(),
  restated: z.boolean(),
  class: z.enum(DRILL_CLASS_KEYS),
  scope: scopeOut,
  /** How many dossiers are behind the number (first page only; null on later pages). */
  count: z.number().int().nullable(),
  items: z.array(dossierListItem),
  nextCursor: z.string().nullable(),
});
export type DossierListResponse = z.infer<typeof dossierListResponse>;
