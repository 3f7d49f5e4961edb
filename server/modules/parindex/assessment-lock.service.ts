/**
 * The automatic lock at the self-scoring deadline (issue 16: "automatic lock at the deadline"). Nothing waits for
 * this sweep to refuse late edits — the rules close self-scoring the day after the deadline on every write
 * (./rules/stages.ts `selfScoringOpen`) — the sweep records the lock: each assessment still being scored becomes
 * `locked`, with a step in its history and a journal entry, so the council sees which units never submitted.
 * Run by the background worker on each pass (a module job); idempotent.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { appendEvents } from '../work/work.service.js';
import { ASSESSMENT_KIND } from './assessments.service.js';
import { deadlinesOf } from './campaigns.service.js';
import { parAssessments, parCampaigns } from './parindex.table.js';
import { lockDue } from './rules/stages.js';

export type LockSweep = { today: string; locked: number };

export async function lockExpiredAssessments(db: Db, now: Date = new Date()): Promise<LockSweep> {
  const today = todayInVietnam(now);
  const campaigns = await db
    .select()
    .from(parCampaigns)
    .where(and(eq(parCampaigns.stage, 'self_assessment'), sql`${parCampaigns.selfDeadline} < ${today}`));
  let locked = 0;
  for (const c of campaigns) {
    const open = await db
      .select()
      .from(parAssessments)
      .where(
        and(
          eq(parAssessments.campaignId, c.id),
          inArray(parAssessments.status, ['not_started', 'in_progress']),
        ),
      );
    const due = open.filter((a) => lockDue(c.stage, today, deadlinesOf(c), a.status));
    if (!due.length) continue;
    await db.transaction(async (tx) => {
      const ctx = systemContext(tx);
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
            note: `Hết hạn tự chấm điểm ${c.selfDeadline.split('-').reverse().join('/')}`,
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
    });
  }
  return { today, locked };
}
