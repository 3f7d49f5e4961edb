/**
 * Read-only, for other modules (the units' stale-links report): the conclusions that were never turned
 * into a task — "untracked" (`meeting-rules` `conclusionState`: no task at all, not even a cancelled one) —
 * although they name a lead unit and a due date, so somebody owes them with nobody following them up.
 *
 * Only conclusions of meetings the caller may read (the meetings policy, as `getMeeting`), each with what
 * the caller may do on the meeting page: change the conclusion (its lead unit) and, once the meeting is
 * held, turn it into a task — the standing agency over the committee's host unit. Tasks are found through
 * the plans module (`tasksBySource`: tasks point back with `source = 'conclusion'`).
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { unauthenticated } from '../../core/errors.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { tasksBySource } from '../plans/task-lookup.service.js';
import { DEFAULT_TIMING_RULE, taskTiming, type Timing } from '../tasks/index.js';
import type { MeetingStatus } from './meeting-rules.js';
import { meetingCommittees } from './meetings.service.js';
import { meetingConclusions, meetings } from './meetings.table.js';

export type UntrackedConclusion = {
  id: string;
  version: number;
  /** Its number in the meeting (kết luận số …). */
  ordinal: number;
  text: string;
  leadUnitId: string;
  dueDate: string;
  meeting: {
    id: string;
    title: string;
    date: string;
    status: MeetingStatus;
    committeeId: string;
    committeeName: string;
  };
  /**
   * The timing a task with this due date would have on `asOf` (working days, the due date moved off a day
   * off), so "overdue" means the same here as on the plan's task list.
   */
  timing: Timing;
  /** What the caller may do on the meeting page: edit the conclusion; turn it into a task (held meetings). */
  abilities: { update: boolean; createTask: boolean };
};

/**
 * The untracked conclusions with a lead unit and a due date, of the meetings the caller may read — only
 * those led by `leadUnitIds` when given. Oldest meeting first, then by number. A constant number of
 * statements: the committees the caller reads, the conclusions, their tasks, the calendar.
 */
export async function untrackedConclusions(
  ctx: RequestContext,
  options: { leadUnitIds?: readonly string[]; asOf?: string } = {},
): Promise<UntrackedConclusion[]> {
  if (!ctx.actor) throw unauthenticated();
  const asOf = options.asOf ?? todayInVietnam();
  if (options.leadUnitIds && !options.leadUnitIds.length) return [];
  const committees = new Map((await meetingCommittees(ctx)).items.map((c) => [c.id, c]));
  if (!committees.size) return [];
  const found = await ctx.db
    .select({ conclusion: meetingConclusions, meeting: meetings })
    .from(meetingConclusions)
    .innerJoin(meetings, eq(meetings.id, meetingConclusions.meetingId))
    .where(
      and(
        inArray(meetings.committeeId, [...committees.keys()]),
        isNotNull(meetingConclusions.leadUnitId),
        isNotNull(meetingConclusions.dueDate),
        options.leadUnitIds
          ? inArray(meetingConclusions.leadUnitId, [...new Set(options.leadUnitIds)])
          : undefined,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.id), asc(meetingConclusions.ordinal));
  if (!found.length) return [];
  const tracked = new Set(
    (
      await tasksBySource(
        ctx,
        'conclusion',
        found.map((f) => f.conclusion.id),
        asOf,
      )
    ).map((t) => t.sourceRef),
  );
  const untracked = found.filter((f) => !tracked.has(f.conclusion.id));
  if (!untracked.length) return [];
  const calendar = await loadCalendar(ctx.db);
  return untracked.map(({ conclusion, meeting }) => {
    const committee = committees.get(meeting.committeeId)!;
    // A committee's `abilities.create` is the meetings policy's `update` over its host (the standing agency).
    const update = committee.abilities.create;
    return {
      id: conclusion.id,
      version: conclusion.version,
      ordinal: conclusion.ordinal,
      text: conclusion.text,
      leadUnitId: conclusion.leadUnitId!,
      dueDate: conclusion.dueDate!,
      meeting: {
        id: meeting.id,
        title: meeting.title,
        date: meeting.date,
        status: meeting.status as MeetingStatus,
        committeeId: meeting.committeeId,
        committeeName: committee.name,
      },
      timing: taskTiming({
        status: 'not_started',
        dueDate: conclusion.dueDate,
        today: asOf,
        rule: DEFAULT_TIMING_RULE,
        calendar,
      }),
      abilities: { update, createTask: update && meeting.status === 'held' },
    };
  });
}
