/**
 * Pure rules of committee meetings and their conclusions: who may be recorded as attending, what a
 * meeting needs before its conclusions are followed up, what a conclusion's follow-up state is, and the
 * text of the conclusion notice. No I/O and no clock: callers pass the members in force and today.
 */

/**
 * session: a session of the committee (phiên họp định kỳ / bất thường); working_session: with a unit
 * (cuộc làm việc, names the unit); internal: a committee-internal meeting — e.g. of its working group
 * (Tổ giúp việc) — held with no unit.
 */
export const MEETING_KINDS = ['session', 'working_session', 'internal'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export type RuleKey =
  | 'meeting.not_member'
  | 'meeting.chair_not_member'
  | 'meeting.attendance_overlap'
  | 'meeting.unit_required'
  | 'meeting.internal_no_unit'
  | 'meeting.held_in_future'
  | 'meeting.before_founding'
  | 'meeting.after_dissolution';

export type RuleError = { field: string; key: RuleKey; params: Record<string, string> };

export type AttendanceInput = {
  /** Ids of the memberships in force on the meeting date. */
  membersInForce: ReadonlySet<string>;
  date: string;
  chairMembershipId: string | null;
  attendeeIds: readonly string[];
  absenteeIds: readonly string[];
};

/**
 * Attendees, absentees and the chair must be members of the committee on the meeting date; nobody is
 * both present and absent; the chair is present. Returns every problem found (empty = fine).
 */
export function checkAttendance(input: AttendanceInput): RuleError[] {
  const errors: RuleError[] = [];
  const { membersInForce, date } = input;
  const strangers = (ids: readonly string[]) => ids.filter((id) => !membersInForce.has(id));
  const badAttendees = strangers(input.attendeeIds);
  if (badAttendees.length)
    errors.push({
      field: 'attendeeMembershipIds',
      key: 'meeting.not_member',
      params: { date, count: String(badAttendees.length) },
    });
  const badAbsentees = strangers(input.absenteeIds);
  if (badAbsentees.length)
    errors.push({
      field: 'absentees',
      key: 'meeting.not_member',
      params: { date, count: String(badAbsentees.length) },
    });
  if (input.chairMembershipId && !membersInForce.has(input.chairMembershipId))
    errors.push({ field: 'chairMembershipId', key: 'meeting.chair_not_member', params: { date } });
  const present = new Set(input.attendeeIds);
  if (input.chairMembershipId) present.add(input.chairMembershipId);
  if (input.absenteeIds.some((id) => present.has(id)))
    errors.push({ field: 'absentees', key: 'meeting.attendance_overlap', params: {} });
  return errors;
}

export type ShapeInput = {
  kind: MeetingKind;
  unitId: string | null;
  status: MeetingStatus;
  date: string;
  today: string;
  committeeFoundedOn: string;
  committeeDissolvedOn: string | null;
};

/** A working session names its unit, an internal one none; a held meeting is not in the future; the committee existed then. */
export function checkShape(input: ShapeInput): RuleError[] {
  const errors: RuleError[] = [];
  if (input.kind === 'working_session' && !input.unitId)
    errors.push({ field: 'unitId', key: 'meeting.unit_required', params: {} });
  if (input.kind === 'internal' && input.unitId)
    errors.push({ field: 'unitId', key: 'meeting.internal_no_unit', params: {} });
  if (input.status === 'held' && input.date > input.today)
    errors.push({ field: 'status', key: 'meeting.held_in_future', params: { date: input.date } });
  if (input.date < input.committeeFoundedOn)
    errors.push({
      field: 'date',
      key: 'meeting.before_founding',
      params: { date: input.date, founded: input.committeeFoundedOn },
    });
  if (input.committeeDissolvedOn && input.date > input.committeeDissolvedOn)
    errors.push({
      field: 'date',
      key: 'meeting.after_dissolution',
      params: { date: input.date, dissolved: input.committeeDissolvedOn },
    });
  return errors;
}

/** A member listed present: the chair first, then the attendees in the order given, each once. */
export function presentIds(chairMembershipId: string | null, attendeeIds: readonly string[]): string[] {
  return [...new Set([...(chairMembershipId ? [chairMembershipId] : []), ...attendeeIds])];
}

/** The next free number of a meeting's conclusions. */
export function nextOrdinal(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** How a conclusion's follow-up stands, from its tasks' status and derived timing. */
export const CONCLUSION_STATES = [
  'untracked',
  'in_progress',
  'overdue',
  'reported',
  'done',
  'cancelled',
] as const;
export type ConclusionState = (typeof CONCLUSION_STATES)[number];

export type TaskGlance = { status: string; timingState: string };

/**
 * No task → untracked; every task cancelled → cancelled; any task overdue → overdue; every live task
 * verified → done; every live task reported or verified → reported (awaiting verification); else in
 * progress. Cancelled tasks do not count once another task is live.
 */
export function conclusionState(tasks: readonly TaskGlance[]): ConclusionState {
  if (!tasks.length) return 'untracked';
  const live = tasks.filter((t) => t.status !== 'cancelled');
  if (!live.length) return 'cancelled';
  if (live.some((t) => t.timingState === 'overdue')) return 'overdue';
  if (live.every((t) => t.status === 'verified')) return 'done';
  if (live.every((t) => t.status === 'verified' || t.status === 'reported_done')) return 'reported';
  return 'in_progress';
}

/** Counts of conclusion states, for a meeting's summary line. */
export function tallyStates(states: readonly ConclusionState[]): Record<ConclusionState, number> {
  const out = Object.fromEntries(CONCLUSION_STATES.map((s) => [s, 0])) as Record<ConclusionState, number>;
  for (const s of states) out[s] += 1;
  return out;
}

/**
 * A title continued inside a sentence: "Phiên họp thứ nhất" → "phiên họp thứ nhất". A title opening with
 * an initialism ("UBND huyện …": its second letter is upper case) stays as it is.
 */
export function lowerFirst(title: string): string {
  const [first, second] = [...title];
  if (
    !first ||
    (second && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi'))
  )
    return title;
  return first.toLocaleLowerCase('vi') + title.slice(first.length);
}

const vnDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

/** A conclusion's text followed by its details in brackets, ending with one full stop. */
export function withTail(text: string, tail: readonly (string | null)[]): string {
  const parts = tail.filter((x): x is string => !!x);
  const body = text.trim();
  if (!parts.length) return body;
  return `${body.replace(/[.;,\s]+$/, '')} (${parts.join('; ')}).`;
}

export type NoticeConclusion = {
  ordinal: number;
  text: string;
  leadUnitName: string | null;
  dueDate: string | null;
};

/**
 * The summary of a conclusion notice (thông báo kết luận) as the register shows it: where and when the
 * meeting was held, who chaired, then every conclusion numbered, with its lead unit and deadline.
 */
export function noticeSummary(input: {
  meetingTitle: string;
  date: string;
  place: string | null;
  chairName: string | null;
  conclusions: readonly NoticeConclusion[];
}): string {
  const head = [
    `Kết luận của ${input.chairName ? `đồng chí ${input.chairName}` : 'chủ trì'} tại ${lowerFirst(input.meetingTitle)}`,
    `ngày ${vnDate(input.date)}${input.place ? `, tại ${input.place}` : ''}:`,
  ].join(' ');
  const lines = [...input.conclusions]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((c) => {
      const tail = [
        c.leadUnitName ? `Chủ trì: ${c.leadUnitName}` : null,
        c.dueDate ? `thời hạn: ${vnDate(c.dueDate)}` : null,
      ];
      return `${c.ordinal}. ${withTail(c.text, tail)}`;
    });
  return [head, ...lines].join('\n');
}

/** The default title of a conclusion notice. */
export function noticeTitle(meetingTitle: string, date: string): string {
  return `Thông báo kết luận ${lowerFirst(meetingTitle)} ngày ${vnDate(date)}`;
}

export type PlanCandidate = { id: string; year: number; ownerUnitId: string; ownerKind: string };

/** The plan a conclusion's task goes to by default: the committee's plan of the meeting's year. */
export function defaultPlan(
  plans: readonly PlanCandidate[],
  hostUnitId: string,
  year: number,
): PlanCandidate | null {
  return (
    plans.find((p) => p.ownerUnitId === hostUnitId && p.year === year && p.ownerKind === 'committee') ??
    plans.find((p) => p.ownerUnitId === hostUnitId && p.year === year) ??
    null
  );
}

/** A task's title from a conclusion: its text on one line, cut at a word to fit `max` characters. */
export function taskTitleOf(text: string, max = 1000): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
