/**
 * The contract of the hotline's statistics (`/api/hotline/stats…`): the figures of a period by group, the
 * cases behind any number, the Excel file. No personal data anywhere: cases are named by their tracking code
 * and title, never by who sent them.
 */
import { z } from 'zod';
import { todayInVietnam } from '../../../core/dates.js';
import { caseStatus, channel } from '../hotline.schemas.js';
import { FIGURES } from './stats-rules.js';

const date = z.iso.date();
const bool = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const STATS_GROUP_BY = ['unit', 'category', 'channel', 'month'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];

/** Longest period asked at once (10 years): a report is a month, a quarter, a year, a few years. */
export const MAX_PERIOD_DAYS = 3660;

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

const period = z.object({
  from: date,
  to: date,
  groupBy: z.enum(STATS_GROUP_BY).default('unit'),
  /** The day the figures are read as of (default today; not after today). */
  asOf: date.optional(),
  /** By unit: restated onto the units that carry the handling units today (default: the units as they were). */
  restated: bool,
});

type PeriodIn = z.infer<typeof period>;

function checkPeriod(q: PeriodIn, ctx: z.RefinementCtx) {
  if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before `from`' });
  else if (dayNumber(q.to) - dayNumber(q.from) > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_PERIOD_DAYS} days after \`from\`` });
  if (q.asOf && q.asOf > todayInVietnam())
    ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'must not be after today' });
}

export const statsQuery = period.superRefine(checkPeriod);
export type StatsQuery = z.infer<typeof statsQuery>;

export const statsFigure = z.enum(FIGURES);

export const statsCasesQuery = period
  .extend({
    figure: statsFigure,
    /** The group's key as the figures give it; `none` for the group without one; absent for the total. */
    group: z.string().trim().min(1).max(60).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .superRefine(checkPeriod);
export type StatsCasesQuery = z.infer<typeof statsCasesQuery>;

const ratio = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** 0–1; null when nothing was answered (no denominator): "no data", never 0% or 100%. */
  value: z.number().nullable(),
});

export const statsFiguresOut = z.object({
  /** Received in the period… */
  received: z.number().int(),
  /** …of which, on the as-of day: still in triage, */
  inTriage: z.number().int(),
  /** handled by a unit (or its answer under review), */
  inProgress: z.number().int(),
  /** answered and published, */
  published: z.number().int(),
  /** not accepted, */
  notAccepted: z.number().int(),
  /** forwarded to the competent body, */
  forwarded: z.number().int(),
  /** merged into another case. */
  merged: z.number().int(),
  /** Within authority, answer published in the period (the denominator of both QĐ 766 rates)… */
  answered: z.number().int(),
  /** …on or before the deadline, */
  onTime: z.number().int(),
  /** …after it. */
  late: z.number().int(),
  /** Open and past the deadline on the period's last day (or the as-of day, if earlier). */
  overdue: z.number().int(),
  /** Of the answered: rated satisfied, not satisfied, not rated. */
  satisfied: z.number().int(),
  notSatisfied: z.number().int(),
  notRated: z.number().int(),
  /** QĐ 766: PAKN handled on time / PAKN handled within authority. */
  onTimeRate: ratio,
  /** QĐ 766: (handled − rated not satisfied or late) / handled. */
  satisfactionRate: ratio,
  /** Mean working days from receipt to the published answer. */
  avgWorkingDays: z.number().nullable(),
});
export type StatsFiguresOut = z.infer<typeof statsFiguresOut>;

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const statsGroupOut = z.object({
  /** A unit or category id, a channel, a month (`YYYY-MM`); null: the cases without one (not given to a unit…). */
  key: z.string().nullable(),
  /** A unit's name as it was (or today's, restated), a category's; null for channels and months (the page names them). */
  name: bilingual.nullable(),
  /** The unit has ended by today. */
  ended: z.boolean(),
  /** Restated: the units as they were whose cases this one carries (other than itself). */
  restatedFrom: z.array(z.string()),
  figures: statsFiguresOut,
});
export type StatsGroupOut = z.infer<typeof statsGroupOut>;

export const statsOut = z.object({
  from: date,
  to: date,
  asOf: date,
  /** The day the open cases are read on: the period's last day, or the as-of day if earlier. */
  stockDay: date,
  groupBy: z.enum(STATS_GROUP_BY),
  restated: z.boolean(),
  total: statsFiguresOut,
  groups: z.array(statsGroupOut),
});
export type StatsOut = z.infer<typeof statsOut>;

/** A case behind a number: what it was on the as-of day (never who sent it). */
export const statsCaseOut = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  channel,
  category: bilingual.nullable(),
  /** The handling unit as it was. */
  unit: z.string().nullable(),
  receivedOn: date,
  status: caseStatus,
  dueDate: date,
  /** The day it was closed: the answer published, refused, forwarded, merged. */
  answeredOn: date.nullable(),
  /** Among the answered: on time or not; null for the others. */
  onTime: z.boolean().nullable(),
  satisfaction: z.enum(['satisfied', 'not_satisfied']).nullable(),
});
export type StatsCaseOut = z.infer<typeof statsCaseOut>;

export const statsCasesOut = z.object({
  figure: statsFigure,
  group: z.string().nullable(),
  asOf: date,
  /** How many cases the number counts (the list is a page of them, received last first). */
  count: z.number().int(),
  items: z.array(statsCaseOut),
});
export type StatsCasesOut = z.infer<typeof statsCasesOut>;
