/**
 * The periodic reports' figure the PAR Index reads (issue 16, computed criteria), for a set of units and a year:
 * the unit scored and the units it carries by lineage (`parindex/computed.service` `unitsCarriedIn`), each with the
 * units below it. No access check here — the caller's module checks its own (as `inspections/figures.service`
 * `recommendationsRemediedOnTime`).
 *
 * `reportsOnTime`: the reports owed by those units (members' reports, owed by a person, are not the unit's) whose
 * deadline — the round's, or the unit's extension — lies in the year. A report counts once it has been submitted
 * or its deadline has passed (`today` after it; before that it is not yet due and counts nowhere). On time = first
 * submitted on or before the deadline, the module's rule (./report-rules.ts `submittedLate`: a report returned and
 * sent again later stays on time — the unit met the deadline). A report never sent by its deadline is late.
 */
import { and, asc, gte, isNull, lte, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { subtreeSql } from '../units/units.service.js';
import { submittedLate } from './report-rules.js';
import { reports } from './reports.table.js';

/** A figure for the PAR Index: numerator over denominator, the records counted and where a person sees them. */
export type ReportParFigure = { numerator: number; denominator: number; ids: string[]; link: string | null };

/** The records listed with a figure (the counts are never capped). */
export const PAR_FIGURE_MAX_IDS = 500;

/**
 * Reports of `unitIds` (and the units below them) due in `year`: submitted on time (numerator) over those
 * submitted or past their deadline by `today` (denominator). Link: the report when it is one, the round when they
 * are all of one round, else the reports page (which lists a unit's reports for its focal point and leader, and
 * the rounds for the standing agency; it takes no unit or year filter in its address).
 */
export async function reportsOnTime(
  ctx: RequestContext,
  unitIds: readonly string[],
  year: number,
  options: { today?: string } = {},
): Promise<ReportParFigure> {
  return reportsOnTimeBetween(ctx, unitIds, { from: `${year}-01-01`, to: `${year}-12-31` }, options);
}

/**
 * `reportsOnTime` for any window of deadlines (the province dashboard's reporting windows): the reports of
 * `unitIds` (and the units below them) whose deadline lies in `from`–`to`, counted as `reportsOnTime` counts them.
 */
export async function reportsOnTimeBetween(
  ctx: RequestContext,
  unitIds: readonly string[],
  window: { from: string; to: string },
  options: { today?: string } = {},
): Promise<ReportParFigure> {
  if (!unitIds.length) return { numerator: 0, denominator: 0, ids: [], link: '/reports' };
  const today = options.today ?? todayInVietnam();
  const found = await ctx.db
    .select({
      id: reports.id,
      roundId: reports.roundId,
      dueDate: reports.dueDate,
      firstSubmittedOn: reports.firstSubmittedOn,
    })
    .from(reports)
    .where(
      and(
        sql`${reports.unitId} IN (${subtreeSql([...new Set(unitIds)])})`,
        isNull(reports.membershipId),
        gte(reports.dueDate, window.from),
        lte(reports.dueDate, window.to),
      ),
    )
    .orderBy(asc(reports.dueDate), asc(reports.id));
  // Sent (at least once), or not sent and already late: a report still within its deadline is not yet due.
  const counted = found.filter((r) => r.firstSubmittedOn !== null || today > r.dueDate);
  const onTime = counted.filter(
    (r) => r.firstSubmittedOn !== null && !submittedLate(r.firstSubmittedOn, r.dueDate),
  );
  const rounds = [...new Set(counted.map((r) => r.roundId))];
  return {
    numerator: onTime.length,
    denominator: counted.length,
    ids: counted.slice(0, PAR_FIGURE_MAX_IDS).map((r) => r.id),
    link:
      counted.length === 1
        ? `/reports/${counted[0]!.id}`
        : rounds.length === 1
          ? `/reports/rounds/${rounds[0]}`
          : '/reports',
  };
}
