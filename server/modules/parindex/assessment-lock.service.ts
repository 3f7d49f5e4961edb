/**
 * The automatic lock at the self-scoring deadline (issue 16: "automatic lock at the deadline"). Nothing waits for
 * the lock to refuse late edits — the rules close self-scoring the day after the deadline on every write
 * (./rules/stages.ts `selfScoringOpen`) — the lock records it: each assessment still being scored becomes
 * `locked`, with a step in its history and a journal entry, so the council sees which units never submitted and
 * can appraise them (round 1 takes submitted or locked assessments).
 *
 * It happens in three places, all through `lockCampaignAssessments`: the background worker's sweep on each pass
 * (idempotent); the office's move of the campaign past self-assessment (in the move's transaction, so that no
 * assessment is left open behind a campaign in round 1, whatever the worker's timing); and the office's change of
 * the self-assessment deadline to a day already past (the lock then takes effect at once).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { formatViDate } from '../periods/index.js';
import { recordChange } from '../audit/audit.service.js';
import { appendEvents } from '../work/work.service.js';
import { parAssessments, parCampaigns } from './parindex.table.js';
import { ASSESSMENT_KIND } from './rules/assessment-status.js';
import { deadlinesOf, lockDue } from './rules/stages.js';

type CampaignRow = typeof parCampaigns.$inferSelect;

export type LockSweep = { today: string; locked: number };

/**
 * Locks the campaign's assessments that are due (./rules/stages.ts `lockDue`: still being scored, and the deadline
 * passed or the campaign moved past self-assessment). Run inside the caller's transaction; returns how many.
 */
export async function lockCampaignAssessments(
  tx: Db,
  campaign: CampaignRow,
  now: Date = new Date(),
): Promise<number> {
  const today = todayInVietnam(now);
  const open = await tx
    .select()
    .from(parAssessments)
    .where(
      and(
        eq(parAssessments.campaignId, campaign.id),
        inArray(parAssessments.status, ['not_started', 'in_progress']),
      ),
    );
  const due = open.filter((a) => lockDue(campaign.stage, today, deadlinesOf(campaign), a.status));
  const ctx = systemContext(tx);
  let locked = 0;
  for (const a of due) {
    const [after] = await tx
      .update(parAssessments)
      .set({ status: 'locked', lockedAt: now, version: a.version + 1, updatedAt: now })
      .where(and(eq(parAssessments.id, a.id), eq(parAssessments.version, a.version)))
      .returning();
    if (!after) continue;
    await appendEvents(tx, [
      {
        kind: ASSESSMENT_KIND,
        itemId: a.id,
        action: 'lock',
        fromStatus: a.status,
        toStatus: 'locked',
        note:
          campaign.stage === 'self_assessment'
            ? `Hết hạn tự chấm điểm ${formatViDate(campaign.selfDeadline)}`
            : `Kết thúc giai đoạn tự đánh giá (hạn ${formatViDate(campaign.selfDeadline)})`,
        on: today,
        at: now,
        actorId: null,
      },
    ]);
    await recordChange(ctx, {
      action: 'lock_assessment',
      entity: 'par_assessment',
      entityId: a.id,
      before: a,
      after,
    });
    locked++;
  }
  return locked;
}

/** The worker's sweep: every campaign in self-assessment whose deadline has passed. Idempotent. */
export async function lockExpiredAssessments(db: Db, now: Date = new Date()): Promise<LockSweep> {
  const today = todayInVietnam(now);
  const campaigns = await db
    .select()
    .from(parCampaigns)
    .where(and(eq(parCampaigns.stage, 'self_assessment'), sql`${parCampaigns.selfDeadline} < ${today}`));
  let locked = 0;
  for (const c of campaigns) locked += await db.transaction((tx) => lockCampaignAssessments(tx, c, now));
  return { today, locked };
}
