/**
 * Reminders to invitees who have not answered yet, on each pass of the background worker: for every open survey
 * whose period has not ended, the unused invitations last mailed at least `REMINDER_RULE.afterDays` days ago (at
 * most `REMINDER_RULE.maxReminders` reminders each) get a mail with a fresh link — the earlier link stops working,
 * as the mail says, because no token is stored to repeat it (./invitations.service.ts). Idempotent: a reminded
 * invitation waits its days again, so running twice sends nothing more.
 */
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { openSurveys, remindSurvey, REMINDER_RULE, type ReminderRule } from './invitations.service.js';
import { surveyTargets } from './surveys.table.js';
import { inArray } from 'drizzle-orm';

export async function remindInvitationsJob(
  db: Db,
  now: Date,
  rule: ReminderRule = REMINDER_RULE,
): Promise<number> {
  const open = await openSurveys(db, todayInVietnam(now));
  if (!open.length) return 0;
  const targets = await db
    .select({ id: surveyTargets.id, unitId: surveyTargets.unitId, surveyId: surveyTargets.surveyId })
    .from(surveyTargets)
    .where(
      inArray(
        surveyTargets.surveyId,
        open.map((s) => s.id),
      ),
    );
  const ctx = systemContext(db);
  let reminded = 0;
  for (const survey of open)
    reminded += await remindSurvey(
      ctx,
      survey,
      targets.filter((t) => t.surveyId === survey.id),
      now,
      rule,
    );
  return reminded;
}
