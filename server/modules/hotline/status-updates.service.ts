/**
 * Status updates while a case is open (issue 14): its followers hear where it stands at least every
 * `statusUpdateEveryWorkingDays` working days (the rules in force when it was received, ./rules/sla.ts; default 7 —
 * the Ministry of Home Affairs' practice, domain notes §3). A case is quiet since its last public step — receipt,
 * triage, transfer, extension, reopening: what the tracking page lists — and each full period of quiet, counted in
 * working days on the province's calendar (Tết, announced swaps), earns one mail per follower: "Phản ánh đang được
 * xử lý, hạn trả lời dd/mm/yyyy".
 *
 * The sweep runs on every pass of the background worker (declared in ./hotline.module.ts). What it queues is keyed
 * by case, last step and period (`still_open:<day of the last step>:<n>`), so a second pass the same day, another
 * process or a restart queue nothing more, a missed day is caught up once, and a new public step starts the count
 * again. It queues on working days, from 07:00 Vietnam time (not at midnight, nor on a Sunday).
 */
import { and, exists, inArray, isNull, sql } from 'drizzle-orm';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar, IsoDate } from '../calendar/index.js';
import { getUnits, unitDisplayName } from '../units/units.service.js';
import { listEvents } from '../work/work.service.js';
import { OPEN_STATUSES } from './case-rules.js';
import { tellFollowers } from './followers.service.js';
import { feedbackCases, feedbackFollowers } from './hotline.table.js';
import { DEFAULT_HOTLINE_SLA } from './rules/sla.js';
import { ruleVersionsByIds } from './settings.service.js';

/** The steps of a case's history the public reads (the tracking page's), after which the count starts again. */
export const PUBLIC_STEP_ACTIONS = ['receive', 'triage', 'transfer', 'extend', 'reopen'] as const;

/** Status updates are queued from this hour (Vietnam time) of a working day. */
export const STATUS_UPDATE_FROM_HOUR = 7;

/**
 * Which status update a case owes today (pure): the number of full periods of `everyWorkingDays` working days
 * since its last public step (counted from the first working day on or after it, as every deadline of the rules),
 * or 0 when a period has not passed yet.
 */
export function statusUpdatesOwed(
  input: { lastStepOn: IsoDate; today: IsoDate },
  everyWorkingDays: number,
  calendar: Calendar,
): number {
  if (!(everyWorkingDays >= 1)) return 0;
  const start = calendar.addWorkingDays(input.lastStepOn, 0);
  const quiet = calendar.workingDaysBetween(start, input.today);
  return quiet > 0 ? Math.floor(quiet / everyWorkingDays) : 0;
}

const hourInVietnam = (now: Date) => (now.getUTCHours() + 7) % 24;

export type StatusSweep = { today: IsoDate; cases: number; due: number; queued: number };

/** Queues the status updates owed today (see above); returns what it looked at and how many mails it queued. */
export async function sweepStatusUpdates(db: Db, now: Date = new Date()): Promise<StatusSweep> {
  const today = todayInVietnam(now);
  const calendar = await loadCalendar(db);
  const out: StatusSweep = { today, cases: 0, due: 0, queued: 0 };
  if (!calendar.isWorkingDay(today) || hourInVietnam(now) < STATUS_UPDATE_FROM_HOUR) return out;
  // Open cases someone follows (only their columns that the mail and the count need).
  const cases = await db
    .select({
      id: feedbackCases.id,
      code: feedbackCases.code,
      title: feedbackCases.title,
      receivedOn: feedbackCases.receivedOn,
      dueDate: feedbackCases.dueDate,
      handlingUnitId: feedbackCases.handlingUnitId,
      ruleVersionId: feedbackCases.ruleVersionId,
    })
    .from(feedbackCases)
    .where(
      and(
        inArray(feedbackCases.status, [...OPEN_STATUSES]),
        exists(
          db
            .select({ one: sql`1` })
            .from(feedbackFollowers)
            .where(
              and(
                sql`${feedbackFollowers.caseId} = ${feedbackCases.id}`,
                isNull(feedbackFollowers.stoppedAt),
              ),
            ),
        ),
      ),
    );
  out.cases = cases.length;
  if (!cases.length) return out;
  const lastStep = new Map<string, IsoDate>();
  for (const e of await listEvents(
    db,
    'feedback_case',
    cases.map((c) => c.id),
    { actions: PUBLIC_STEP_ACTIONS, withFiles: false },
  ))
    if ((lastStep.get(e.itemId) ?? '') < e.on) lastStep.set(e.itemId, e.on);
  const rules = await ruleVersionsByIds(
    db,
    cases.map((c) => c.ruleVersionId ?? ''),
  );
  const owed = cases.flatMap((c) => {
    const events = lastStep.get(c.id);
    const lastStepOn = events && events > c.receivedOn ? events : c.receivedOn;
    const every = (rules.get(c.ruleVersionId ?? '') ?? DEFAULT_HOTLINE_SLA).statusUpdateEveryWorkingDays;
    const n = statusUpdatesOwed({ lastStepOn, today }, every, calendar);
    return n > 0 ? [{ c, lastStepOn, n }] : [];
  });
  out.due = owed.length;
  if (!owed.length) return out;
  const units = new Map(
    (
      await getUnits(
        db,
        owed.map((o) => o.c.handlingUnitId).filter((x): x is string => !!x),
      )
    ).map((u) => [u.id, unitDisplayName(u)]),
  );
  for (const { c, lastStepOn, n } of owed) {
    const unit = c.handlingUnitId ? units.get(c.handlingUnitId) : undefined;
    out.queued += await tellFollowers(
      db,
      c,
      'still_open',
      unit ? `Đơn vị xử lý: ${unit}.` : 'Phản ánh đang được phân loại để chuyển đơn vị xử lý.',
      `still_open:${lastStepOn}:${n}`,
    );
  }
  return out;
}
