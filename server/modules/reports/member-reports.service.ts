/**
 * Members' reports to a committee session (issue 13, point 6): at a session each member reports on the units
 * they follow. The standing agency asks for them from the meeting: one report per member in force on the
 * meeting's date who follows at least one unit, on the `member-report` form, due a few working days before
 * the session (3 by default; the officer may set another day), prefilled with each followed unit's plan
 * tasks of the year (total, verified, overdue) and its on-time dossier rate over the half-year's data window.
 * The member writes and submits their own report (it is theirs, not their unit's); the standing agency
 * accepts or returns it like any report; the meeting page shows the round.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { conflict, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { addDays } from '../calendar/index.js';
import { membershipIdsOfUser, rosterOfCommittee } from '../committees/committees.service.js';
import { dossierIndicators } from '../dossiers/dossiers.service.js';
import { getMeeting } from '../meetings/meetings.service.js';
import { describePeriod, periodOf, periodSpan, periodWindow, previousPeriod } from '../periods/index.js';
import { rulesForReport, workdayHooks } from '../periods/periods.service.js';
import { tasksLedBy } from '../plans/task-lookup.service.js';
import { usersByIds } from '../users/users.service.js';
import { canManage, requireManager } from './assignments.service.js';
import type { TableRow } from './form/index.js';
import { ensureShippedForms, latestPublished, MEMBER_FORM } from './forms.service.js';
import { reportRounds, reports } from './reports.table.js';
import { REPORT_RULES_TYPE, roundDetail, type RoundDetail } from './rounds.service.js';

/** Working days before the session a member's report is due, unless the officer sets the day. */
export const MEMBER_REPORT_LEAD_WORKING_DAYS = 3;

/** The n-th working day before a date (the calendar in force: lunar Tết and the province's changes). */
export async function workingDaysBefore(ctx: RequestContext, date: string, n: number): Promise<string> {
  const calendar = await loadCalendar(ctx.db);
  let day = date;
  for (let count = 0; count < n;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return day;
}

/** The round of members' reports of a meeting, if asked for. */
export async function memberRoundOf(ctx: RequestContext, meetingId: string) {
  const meeting = await getMeeting(ctx, meetingId);
  const [round] = await ctx.db
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(and(eq(reportRounds.meetingId, meetingId), eq(reportRounds.formKey, MEMBER_FORM)));
  const manage = await canManage(ctx, meeting.hostUnitId);
  return {
    round: round ? await roundDetail(ctx, round.id) : null,
    abilities: { open: manage && !round && meeting.kind === 'session' },
    suggestedDueDate: await workingDaysBefore(ctx, meeting.date, MEMBER_REPORT_LEAD_WORKING_DAYS),
  };
}

/**
 * Asks the members for their reports to a session (the standing agency): 409 when already asked, 400 when no
 * member follows a unit on that day or the due date is after the session.
 */
export async function openMemberRound(
  ctx: RequestContext,
  meetingId: string,
  input: { dueDate?: string | null | undefined; note?: string | null | undefined },
): Promise<RoundDetail> {
  const meeting = await getMeeting(ctx, meetingId);
  await requireManager(ctx, meeting.hostUnitId);
  await ensureShippedForms(ctx.db);
  if (meeting.kind !== 'session') throw validation('meetingId', 'reports.member.not_session');
  const [existing] = await ctx.db
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(and(eq(reportRounds.meetingId, meetingId), eq(reportRounds.formKey, MEMBER_FORM)));
  if (existing) throw conflict('reports.member.exists');
  const version = await latestPublished(ctx.db, MEMBER_FORM);
  if (!version) throw conflict('reports.round.no_published_version');
  const dueDate =
    input.dueDate ?? (await workingDaysBefore(ctx, meeting.date, MEMBER_REPORT_LEAD_WORKING_DAYS));
  if (dueDate > meeting.date) throw validation('dueDate', 'reports.member.due_after_session');
  // The data window: the latest half-year whose window has closed by the session (a July session reviews the
  // first half, a December one the second).
  const rules = await rulesForReport(ctx.db, REPORT_RULES_TYPE, meeting.date);
  const current = periodOf('half', meeting.date, rules)!;
  const period = periodWindow(current, rules).to <= meeting.date ? current : previousPeriod(current);
  const info = describePeriod(
    period,
    await rulesForReport(ctx.db, REPORT_RULES_TYPE, periodSpan(period).to),
    'vi',
    await workdayHooks(ctx.db),
  );
  const members = (await rosterOfCommittee(ctx, meeting.committeeId, meeting.date)).filter(
    (m) => m.assignments.length > 0,
  );
  if (!members.length) throw validation('meetingId', 'reports.member.nobody_follows');
  const users = new Map(
    (
      await usersByIds(
        ctx,
        members.flatMap((m) => (m.userId ? [m.userId] : [])),
      )
    ).map((u) => [u.id, u]),
  );
  const rows = await followedUnitRows(ctx, members, {
    year: Number(meeting.date.slice(0, 4)),
    from: info.window.from,
    to: info.window.to,
  });
  const round = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reportRounds)
      .values({
        formKey: MEMBER_FORM,
        formVersionId: version.id,
        ownerUnitId: meeting.hostUnitId,
        periodKey: info.key,
        periodType: period.type,
        windowFrom: info.window.from,
        windowTo: info.window.to,
        dueDate,
        rules: info.rules,
        meetingId,
        note: input.note ?? null,
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await tx.insert(reports).values(
      members.map((m) => ({
        roundId: created!.id,
        unitId: (m.userId ? users.get(m.userId)?.unitId : null) ?? meeting.hostUnitId,
        membershipId: m.id,
        values: { followed_units: rows.get(m.id) ?? [] },
        dueDate,
      })),
    );
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'open_round',
        entity: 'report_round',
        entityId: created!.id,
        after: { ...created, membershipIds: members.map((m) => m.id) },
      },
    );
    return created!;
  });
  return roundDetail(ctx, round.id);
}

/** Each member's followed units as rows of the form's table: the plan tasks of the year and on-time dossiers. */
async function followedUnitRows(
  ctx: RequestContext,
  members: { id: string; assignments: { unitId: string; unitName: string }[] }[],
  q: { year: number; from: string; to: string },
): Promise<Map<string, TableRow[]>> {
  const unitIds = [...new Set(members.flatMap((m) => m.assignments.map((a) => a.unitId)))];
  const asOf = q.to < todayInVietnam() ? q.to : todayInVietnam();
  const tasks = (await tasksLedBy(ctx, unitIds, asOf)).filter((t) => t.plan.year === q.year);
  const onTime = new Map<string, number | null>();
  try {
    const res = await dossierIndicators(ctx, { from: q.from, to: asOf, groupBy: 'unit', restate: false });
    for (const g of res.groups) {
      const v = g.indicators.onTimeRate.value;
      onTime.set(g.key, v === null ? null : Math.round(v * 1000) / 10);
    }
  } catch {
    // Dossier figures the caller may not read stay empty (never 0).
  }
  const out = new Map<string, TableRow[]>();
  for (const m of members)
    out.set(
      m.id,
      // A unit followed under two assignments in force that day (a renewed decision) is one row.
      [...new Map(m.assignments.map((a) => [a.unitId, a])).values()].map((a) => {
        const mine = tasks.filter((t) => t.leadUnitId === a.unitId && t.status !== 'cancelled');
        return {
          cells: {
            unit: a.unitName,
            tasks_total: mine.length,
            tasks_done: mine.filter((t) => t.status === 'verified').length,
            tasks_overdue: mine.filter((t) => t.timing.state === 'overdue').length,
            on_time_rate: onTime.get(a.unitId) ?? null,
            grade: null,
            remarks: null,
          },
        };
      }),
    );
  return out;
}

/** The members' reports the caller owes (the cockpit lists them): open rounds, draft or returned, soonest first. */
export async function memberReportsOwedBy(
  ctx: RequestContext,
): Promise<{ id: string; meetingId: string | null; dueDate: string; status: string }[]> {
  if (!ctx.actor) return [];
  const mine = await membershipIdsOfUser(ctx.db, ctx.actor.user.id);
  if (!mine.length) return [];
  return ctx.db
    .select({
      id: reports.id,
      meetingId: reportRounds.meetingId,
      dueDate: reports.dueDate,
      status: reports.status,
    })
    .from(reports)
    .innerJoin(reportRounds, eq(reportRounds.id, reports.roundId))
    .where(
      and(
        eq(reportRounds.status, 'open'),
        inArray(reports.status, ['draft', 'returned']),
        inArray(reports.membershipId, mine),
      ),
    )
    .orderBy(reports.dueDate);
}
