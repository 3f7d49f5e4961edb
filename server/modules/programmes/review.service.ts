/**
 * The review report of a programme (sơ kết / tổng kết, issue 18 item 0): a round of the reports module's
 * `programme-review` form owed by the committee's standing agency, its tables prefilled with the programme's targets
 * by year (baseline, milestone, achieved, source, status) and the yearly plans' completion as this module computes
 * them; the round is linked to the programme here (`reform_programme_reviews`).
 */
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { conflict, forbidden, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { getCommittee } from '../committees/committees.service.js';
import { openProgrammeReviewRound } from '../reports/programme-review.service.js';
import { currentYear, getProgramme, REVIEW_LABELS, reviewTables } from './programmes.service.js';
import { reformProgrammeReviews, type ReviewKind } from './programmes.table.js';

export async function openReview(
  ctx: RequestContext,
  programmeId: string,
  input: { kind: ReviewKind; year: number; note?: string | null | undefined },
) {
  const programme = await getProgramme(ctx, programmeId);
  if (!programme.abilities.update) throw forbidden();
  if (input.year < programme.fromYear || input.year > Math.min(programme.toYear, currentYear()))
    throw validation('year', 'programmes.review_year');
  const [existing] = await ctx.db
    .select({ id: reformProgrammeReviews.id })
    .from(reformProgrammeReviews)
    .where(
      and(
        eq(reformProgrammeReviews.reformProgrammeId, programmeId),
        eq(reformProgrammeReviews.kind, input.kind),
        eq(reformProgrammeReviews.year, input.year),
      ),
    );
  if (existing)
    throw conflict('programmes.review_exists', { kind: REVIEW_LABELS[input.kind].vi, year: input.year });
  const committee = await getCommittee(ctx, programme.committee.id);
  if (!committee.standingUnitId) throw validation('kind', 'programmes.no_standing_unit');
  const tables = reviewTables(programme, input.year);
  const note =
    input.note ??
    `Báo cáo ${REVIEW_LABELS[input.kind].vi} ${programme.title} (${programme.fromYear}–${programme.toYear})`;
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const round = await openProgrammeReviewRound(txCtx, {
      ownerUnitId: committee.hostUnitId,
      unitId: committee.standingUnitId!,
      year: input.year,
      note,
      tables,
    });
    const [review] = await tx
      .insert(reformProgrammeReviews)
      .values({
        reformProgrammeId: programmeId,
        kind: input.kind,
        year: input.year,
        roundId: round.id,
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await recordChange(txCtx, {
      action: 'create',
      entity: 'reform_programme_review',
      entityId: review!.id,
      after: review,
    });
    return {
      review: {
        id: review!.id,
        kind: review!.kind,
        year: review!.year,
        roundId: review!.roundId,
        createdAt: review!.createdAt.toISOString(),
      },
      roundId: round.id,
    };
  });
}
