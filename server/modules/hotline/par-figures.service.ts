/**
 * The hotline's figure the PAR Index reads (issue 16, computed criteria), for a set of units and a year: the unit
 * scored and the units it carries by lineage (`parindex/computed.service` `unitsCarriedIn`), each with the units
 * below it. No access check here — the caller's module checks its own (as `inspections/figures.service`
 * `recommendationsRemediedOnTime`).
 *
 * `feedbackHandledOnTime`: the cases within authority (classified `within_authority` or `behaviour`, the QĐ 766
 * denominator's cases: ./rules/indicators.ts `IN_AUTHORITY`) handled by those units whose answer deadline (the
 * case's own, extensions included) lies in the year, read as they stand on `today`:
 * - handled = the answer published (QĐ 766's "handled"); on time = published on or before the deadline, as
 *   `onTimeRate` counts it (the deadline on a day off moves to the next working day, a publication on a day off
 *   counts the next working day: ./rules/sla.ts `timing`) — the numerator of the `pakn_on_time` figure;
 * - the denominator is the cases handled plus those still open and already past their deadline (the statistics'
 *   `overdue`: `summarise`), so that a unit does not score better by leaving its cases unanswered. QĐ 766's
 *   `pakn_on_time` (the statistics page, cases answered in a period) counts only the handled ones; here a year's
 *   cases are those due in it, answered whenever. Open cases not yet due count nowhere.
 */
import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { subtreeSql } from '../units/units.service.js';
import type { Classification } from './case-rules.js';
import { feedbackCases } from './hotline.table.js';
import { IN_AUTHORITY, summarise, type FeedbackFact } from './rules/indicators.js';
import { DEFAULT_HOTLINE_SLA } from './rules/sla.js';

/** A figure for the PAR Index: numerator over denominator, the records counted and where a person sees them. */
export type FeedbackParFigure = {
  numerator: number;
  denominator: number;
  ids: string[];
  link: string | null;
};

/** The records listed with a figure (the counts are never capped). */
export const PAR_FIGURE_MAX_IDS = 500;

/**
 * The statistics page (handling unit, on time, late, overdue — each figure opens its cases); its period, unit and
 * figure are chosen on the page, not read from the address.
 */
const LINK = '/hotline/stats';

/** Statuses of a case within authority: given to a unit, answered (awaiting review), published. */
const STATUSES = ['assigned', 'answered', 'published'] as const;

/**
 * Cases handled by `unitIds` (and the units below them) due in `year`: published on time (numerator) over those
 * published or open past their deadline on `today` (denominator).
 */
export async function feedbackHandledOnTime(
  ctx: RequestContext,
  unitIds: readonly string[],
  year: number,
  options: { today?: string } = {},
): Promise<FeedbackParFigure> {
  if (!unitIds.length) return { numerator: 0, denominator: 0, ids: [], link: LINK };
  const today = options.today ?? todayInVietnam();
  const found = await ctx.db
    .select({
      id: feedbackCases.id,
      classification: feedbackCases.classification,
      status: feedbackCases.status,
      receivedOn: feedbackCases.receivedOn,
      dueDate: feedbackCases.dueDate,
      publishedOn: feedbackCases.publishedOn,
      closedOn: feedbackCases.closedOn,
    })
    .from(feedbackCases)
    .where(
      and(
        sql`${feedbackCases.handlingUnitId} IN (${subtreeSql([...new Set(unitIds)])})`,
        inArray(feedbackCases.classification, [...IN_AUTHORITY]),
        inArray(feedbackCases.status, [...STATUSES]),
        gte(feedbackCases.dueDate, `${year}-01-01`),
        lte(feedbackCases.dueDate, `${year}-12-31`),
      ),
    )
    .orderBy(asc(feedbackCases.dueDate), asc(feedbackCases.receivedOn), asc(feedbackCases.id));
  const facts: FeedbackFact[] = found
    .filter((c) => c.receivedOn <= today)
    .map((c) => ({
      id: c.id,
      classification: c.classification as Classification,
      receivedOn: c.receivedOn,
      answeredOn: c.status === 'published' ? (c.publishedOn ?? c.closedOn) : null,
      dueDate: c.dueDate!,
      rating: null,
    }));
  if (!facts.length) return { numerator: 0, denominator: 0, ids: [], link: LINK };
  // Every answer published up to today counts (the cohort is the year's deadlines, not its answers' dates).
  const { total } = summarise(
    facts,
    { from: '1900-01-01', to: today },
    { rules: DEFAULT_HOTLINE_SLA, calendar: await loadCalendar(ctx.db), today },
  );
  const counted = new Set([...total.onTimeRate.denominatorIds, ...total.overdue.ids]);
  const ids = facts.filter((f) => counted.has(f.id)).map((f) => f.id);
  return {
    numerator: total.onTimeRate.numerator,
    denominator: ids.length,
    ids: ids.slice(0, PAR_FIGURE_MAX_IDS),
    link: LINK,
  };
}
