/**
 * Overdue recommendations escalate (issue 15, part 3). The unit that owes one is reminded by the work engine's
 * deadline reminders like every kind; besides, once a recommendation is overdue, the standing agency (standing
 * officers over the province) and the committee member who follows the unit (a monitoring assignment in force on
 * the unit or a unit above it) hear of it in their inbox — once per recommendation and overdue period: a period
 * is the time it is overdue against one due date (./rules/recommendation-rules.ts `escalationKey`), so a missed
 * extension is escalated again and nothing else is.
 *
 * A module job (./inspections.module.ts `jobs`): every pass of the background worker runs it, in more than one
 * process and again after a restart, so what it writes is keyed (the inbox's once-only key per user): a second
 * pass adds nothing. It runs on working days (the calendar's), when overdue is counted.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { assignmentsInForce } from '../committees/committees.service.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import { ancestorPaths, unitFacts } from '../units/units.service.js';
import { inspectionRecommendations, inspections } from './inspections.table.js';
import { vnDate } from './output/minutes-document.js';
import {
  RECOMMENDATION_KIND,
  recommendationLink,
  recommendationTiming,
  recommendationTitles,
  reportFacts,
} from './recommendation.work-kind.js';
import { rulesByIds } from './recommendation-deadlines.service.js';
import { DEFAULT_INSPECTION_RULES } from './rules/inspection-rules.js';
import { escalationKey, OPEN_RECOMMENDATION_STATUSES } from './rules/recommendation-rules.js';

export type EscalationSweep = { today: string; overdue: number; notified: number };

/** Escalates the recommendations overdue today (see above); returns how many and the inbox entries written. */
export async function escalateOverdueRecommendations(
  db: Db,
  now: Date = new Date(),
): Promise<EscalationSweep> {
  const today = todayInVietnam(now);
  const out: EscalationSweep = { today, overdue: 0, notified: 0 };
  const calendar = await loadCalendar(db);
  if (!calendar.isWorkingDay(today)) return out;
  // Open ones past their due date (the calendar then says whether they are overdue: a deadline on a day off
  // falls on the next working day).
  const found = await db
    .select({ r: inspectionRecommendations, i: inspections })
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(
      and(
        inArray(inspectionRecommendations.status, [...OPEN_RECOMMENDATION_STATUSES]),
        lt(inspectionRecommendations.dueDate, today),
      ),
    );
  if (!found.length) return out;
  const rules = await rulesByIds(
    db,
    found.flatMap(({ i }) => (i.ruleVersionId ? [i.ruleVersionId] : [])),
  );
  const reports = await reportFacts(
    db,
    found.map(({ r }) => r.id),
  );
  const overdue = found.filter(
    ({ r, i }) =>
      recommendationTiming(
        r,
        reports.get(r.id)?.reportedOn ?? null,
        today,
        calendar,
        (i.ruleVersionId ? rules.get(i.ruleVersionId) : undefined)?.dueSoonWorkingDays ??
          DEFAULT_INSPECTION_RULES.dueSoonWorkingDays,
      ).state === 'overdue',
  );
  out.overdue = overdue.length;
  if (!overdue.length) return out;
  const ctx = systemContext(db);
  const paths = await ancestorPaths(
    db,
    overdue.map(({ r }) => r.unitId),
  );
  const names = await unitFacts(
    db,
    overdue.flatMap(({ r, i }) => [r.unitId, i.unitId]),
  );
  const following = (await assignmentsInForce(db, today)).filter((a) => a.userId);
  const officers = new Map<string, string[]>();
  for (const { r, i } of overdue) {
    if (!officers.has(i.provinceId))
      officers.set(i.provinceId, await recipientsForUnit(ctx, i.provinceId, ['standing_officer']));
    const path = paths.get(r.unitId) ?? [r.unitId];
    const members = following.filter((a) => path.includes(a.unitId)).map((a) => a.userId!);
    const userIds = [...new Set([...officers.get(i.provinceId)!, ...members])];
    if (!userIds.length) continue;
    const titles = recommendationTitles(r);
    const unit = names.get(r.unitId)?.name ?? '';
    const inspected = names.get(i.unitId)?.name ?? '';
    const days = calendar.workingDaysBetween(calendar.addWorkingDays(r.dueDate, 0), today);
    const result = await notify(
      ctx,
      {
        userIds,
        kind: 'task_overdue',
        text: {
          vi: {
            title: `Kiến nghị sau kiểm tra quá hạn: ${unit}`,
            body: `${titles.vi} (kết luận kiểm tra tại ${inspected}) đã quá hạn khắc phục ${days} ngày làm việc (hạn ${vnDate(r.dueDate)}); ${unit} chưa báo cáo kết quả khắc phục được xác nhận.`,
          },
          en: {
            title: `Inspection recommendation overdue: ${unit}`,
            body: `${titles.en} (inspection of ${inspected}) is ${days} working day(s) overdue (due ${vnDate(r.dueDate)}); ${unit} has no accepted remediation report yet.`,
          },
        },
        link: recommendationLink(r),
        entity: { type: RECOMMENDATION_KIND, id: r.id },
        dedupeKey: escalationKey(r.id, r.dueDate),
      },
      now,
    );
    out.notified += result.created;
  }
  return out;
}
