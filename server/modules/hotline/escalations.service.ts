/**
 * The hotline's proposals of surprise inspections, for the inspections module (issue 15): the open ones the
 * caller's province may take up, and marking one taken by the inspection created from it. (A proposal is made on
 * a case by the office: ./cases.service.ts `escalateCase`.)
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { recordChange } from '../audit/audit.service.js';
import { subtreeSql } from '../units/units.service.js';
import { feedbackCases, feedbackEscalations } from './hotline.table.js';

/** The standing agency over a province takes up its hotline's proposals. */
const TAKERS = ['admin', 'standing_officer'] as const;

export type InspectionProposal = {
  id: string;
  caseId: string;
  caseCode: string;
  caseTitle: string;
  provinceId: string;
  reason: string;
  /** The unit the inspection would be about (the case's handling unit when it was proposed). */
  unitId: string | null;
  createdAt: Date;
};

async function openProposals(ctx: RequestContext, provinces: SQL): Promise<InspectionProposal[]> {
  return ctx.db
    .select({
      id: feedbackEscalations.id,
      caseId: feedbackEscalations.caseId,
      caseCode: feedbackCases.code,
      caseTitle: feedbackCases.title,
      provinceId: feedbackCases.provinceId,
      reason: feedbackEscalations.reason,
      unitId: feedbackEscalations.unitId,
      createdAt: feedbackEscalations.createdAt,
    })
    .from(feedbackEscalations)
    .innerJoin(feedbackCases, eq(feedbackCases.id, feedbackEscalations.caseId))
    .where(
      and(
        eq(feedbackEscalations.kind, 'inspection'),
        eq(feedbackEscalations.status, 'proposed'),
        sql`${feedbackCases.provinceId} IN (${provinces})`,
      ),
    )
    .orderBy(asc(feedbackEscalations.createdAt));
}

/** Open proposals of a surprise inspection from the cases of the provinces the caller is the standing agency of. */
export async function inspectionProposals(ctx: RequestContext): Promise<InspectionProposal[]> {
  const roots = ctx.actor?.rootsFor(TAKERS) ?? [];
  if (!roots.length) return [];
  const rows = await openProposals(ctx, subtreeSql(roots));
  return rows.filter((r) => ctx.actor!.hasRoleOver(TAKERS, [r.provinceId]));
}

/** Open proposals of one province, whoever asks (system work: the demo province's seed). */
export async function provinceInspectionProposals(
  ctx: RequestContext,
  provinceId: string,
): Promise<InspectionProposal[]> {
  return openProposals(ctx, sql`${provinceId}::uuid`);
}

/**
 * Marks an open proposal taken by what picked it up (`ref`: the inspection's id), journalled. `tx` is the
 * caller's context inside its transaction (`{ ...ctx, db: tx }`), so the inspection and the mark commit together.
 * Null when the proposal is not open (taken or dismissed meanwhile): the caller refuses.
 */
export async function markEscalationTaken(tx: RequestContext, id: string, ref: string) {
  const [before] = await tx.db.select().from(feedbackEscalations).where(eq(feedbackEscalations.id, id));
  if (!before || before.kind !== 'inspection' || before.status !== 'proposed') return null;
  const [after] = await tx.db
    .update(feedbackEscalations)
    .set({ status: 'taken', outcomeRef: ref, version: sql`${feedbackEscalations.version} + 1` })
    .where(and(eq(feedbackEscalations.id, id), eq(feedbackEscalations.status, 'proposed')))
    .returning();
  if (!after) return null;
  await recordChange(tx, {
    action: 'take_escalation',
    entity: 'feedback_escalation',
    entityId: id,
    before,
    after,
  });
  return after;
}
