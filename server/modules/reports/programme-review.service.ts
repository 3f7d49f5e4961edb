/**
 * A multi-year programme's review report (sơ kết, tổng kết — issue 18, item 0): a one-off round of the
 * `programme-review` form owed by one unit, the committee's standing agency, its tables prefilled with what the
 * programmes module computed (each target by year: baseline, milestone, achieved, status; the yearly plans'
 * completion). The round is the year's (`<year>-Y`: its window and deadline from the reporting rules, as any year
 * round); the standing agency writes the analysis, submits it, and the report goes through the usual workflow.
 * Only the opening is here: the programmes module decides what the rows hold and links the round to its programme.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { periodKey } from '../periods/index.js';
import { requireManager } from './assignments.service.js';
import type { TableRow } from './form/index.js';
import { ensureShippedForms, latestPublished, PROGRAMME_REVIEW_FORM } from './forms.service.js';
import { reportRounds, reports } from './reports.table.js';
import { describeRoundPeriod, roundDetail, type RoundDetail } from './rounds.service.js';

export { PROGRAMME_REVIEW_FORM };

/**
 * Opens the review round of a programme for a year, owed by `unitId` (the standing agency), with its tables
 * prefilled: the standing agency over the owner unit only (403), 409 when the form has no published version or the
 * year's review round of the owner unit is already open.
 */
export async function openProgrammeReviewRound(
  ctx: RequestContext,
  input: {
    ownerUnitId: string;
    unitId: string;
    year: number;
    note?: string | null | undefined;
    tables: { targets: TableRow[]; plans: TableRow[] };
  },
): Promise<RoundDetail> {
  await requireManager(ctx, input.ownerUnitId);
  await ensureShippedForms(ctx.db);
  const version = await latestPublished(ctx.db, PROGRAMME_REVIEW_FORM);
  if (!version) throw conflict('reports.round.no_published_version');
  const period = { type: 'year' as const, year: input.year, index: 1 };
  const key = periodKey(period);
  const [existing] = await ctx.db
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(
      and(
        eq(reportRounds.formKey, PROGRAMME_REVIEW_FORM),
        eq(reportRounds.ownerUnitId, input.ownerUnitId),
        eq(reportRounds.periodKey, key),
        isNull(reportRounds.meetingId),
      ),
    );
  if (existing) throw conflict('reports.round.exists');
  const info = await describeRoundPeriod(ctx.db, period);
  const round = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reportRounds)
      .values({
        formKey: PROGRAMME_REVIEW_FORM,
        formVersionId: version.id,
        ownerUnitId: input.ownerUnitId,
        periodKey: key,
        periodType: period.type,
        windowFrom: info.window.from,
        windowTo: info.window.to,
        dueDate: info.due,
        rules: info.rules,
        note: input.note ?? null,
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await tx.insert(reports).values({
      roundId: created!.id,
      unitId: input.unitId,
      values: { targets: input.tables.targets, plans: input.tables.plans },
      dueDate: info.due,
    });
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'open_round',
        entity: 'report_round',
        entityId: created!.id,
        after: { ...created, unitIds: [input.unitId] },
      },
    );
    return created!;
  });
  return roundDetail(ctx, round.id);
}
