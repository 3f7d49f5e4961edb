/**
 * The dossiers' figures the PAR Index reads (issue 16, computed criteria), for a set of units and a year: the unit
 * scored and the units it carries by lineage (`parindex/computed.service` `unitsCarriedIn`), each with the units
 * below it (their receiving units: a department's sub-units receive for it). No access check here — the caller's
 * module checks its own (as `inspections/figures.service` `recommendationsRemediedOnTime`).
 *
 * Both figures are the module's QĐ 766/QĐ-TTg indicators (./indicators.ts `computeIndicators`, the criteria of
 * `dossierCriteria`) over the year's daily rollups of those receiving units — the same sums as the dashboard
 * (`periodTotalsSql`), the year as the period and its last day (or today while it runs) as the stock day:
 * - **on time** (`dossiers_early_or_on_time`): dossiers resolved in the year early or on time / resolved in the
 *   year (`resolvedEarlyOrOnTimeRate`; resolved on or before the due day in working days, ./dossier-timing.ts);
 * - **online** (`online_dossier_rate`): dossiers received in the year online / received in the year
 *   (`onlineRate`).
 * The dossiers listed with each figure are its denominator's — the dashboard's drill-down classes `resolved` and
 * `received` (./dossiers-query.rules.ts `DRILL_CLASSES`, the same SQL as the list: a dossier whose own stored
 * contribution to the class over the year is positive), oldest receipt first.
 */
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { rows } from '../../db/client.js';
import { subtreeSql } from '../units/units.service.js';
import { minDay } from './dossier-timing.js';
import { DRILL_CLASSES, type DrillClass } from './dossiers-query.rules.js';
import { classValueSql } from './dossiers-query.service.js';
import { dossiers } from './dossiers.table.js';
import { computeIndicators, type Ratio } from './indicators.js';
import { ALL_PROCEDURES } from './rollup.js';
import { emptyTotals, periodTotalsSql, totalsOfRow } from './rollup-sql.js';

/** A figure for the PAR Index: numerator over denominator, the records counted and where a person sees them. */
export type DossierParFigure = { numerator: number; denominator: number; ids: string[]; link: string | null };

/** The records listed with a figure (the counts are never capped). */
export const PAR_FIGURE_MAX_IDS = 500;

/**
 * The dashboard of dossiers: its period, unit and class are chosen on the page (they are not read from the
 * address), so the link opens the dashboard and the person picks the year and the unit there.
 */
const LINK = '/dossiers';

/** Rollup sums are whole numbers for whole units (no restatement shares here); kept exact. */
const whole = (n: number) => Math.round(n);

/**
 * The two QĐ 766 dossier figures of `unitIds` (and the units below them) for `year`: resolved early or on time
 * over resolved, and received online over received.
 */
export async function dossierParFigures(
  ctx: RequestContext,
  unitIds: readonly string[],
  year: number,
  options: { today?: string } = {},
): Promise<{ onTime: DossierParFigure; online: DossierParFigure }> {
  const none: DossierParFigure = { numerator: 0, denominator: 0, ids: [], link: LINK };
  if (!unitIds.length) return { onTime: none, online: none };
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const stockDay = minDay(to, options.today ?? todayInVietnam());
  const units = sql`unit_id IN (${subtreeSql([...new Set(unitIds)])})`;
  const totals = emptyTotals();
  if (from <= stockDay) {
    const [row] = await rows<Record<string, number | string>>(
      ctx.db,
      periodTotalsSql({
        from,
        to,
        stockDay,
        keys: ['procedure_id'],
        scope: sql`procedure_id = ${ALL_PROCEDURES}::uuid AND ${units}`,
      }),
    );
    if (row) Object.assign(totals, totalsOfRow(row));
  }
  const indicators = computeIndicators(totals);
  const figure = async (ratio: Ratio, cls: DrillClass): Promise<DossierParFigure> => {
    const denominator = whole(ratio.denominator);
    const ids =
      denominator > 0
        ? (
            await rows<{ id: string }>(
              ctx.db,
              sql`SELECT id::text AS id FROM ${dossiers}
                   WHERE ${units}
                     AND ${dossiers.receivedAt} < (${to}::date + 2)::timestamptz
                     AND ${classValueSql(DRILL_CLASSES[cls], from, to, stockDay)} > 0
                   ORDER BY ${dossiers.receivedAt}, ${dossiers.code}
                   LIMIT ${PAR_FIGURE_MAX_IDS}`,
            )
          ).map((r) => r.id)
        : [];
    return { numerator: whole(ratio.numerator), denominator, ids, link: LINK };
  };
  return {
    onTime: await figure(indicators.resolvedEarlyOrOnTimeRate, 'resolved'),
    online: await figure(indicators.onlineRate, 'received'),
  };
}
