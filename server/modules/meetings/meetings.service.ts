import { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import {
  AppError,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import { Actor } from '../access/actor.js';
import { abilities } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { composition, getCommittee, listCommittees } from '../committees/committees.service.js';
import type { CommitteeOut, MembershipOut } from '../committees/committees.schemas.js';
import { attachFile, createDocumentRecord, documentRefs } from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import { getFile, getFiles, storeUpload, type StoredFile } from '../files/files.service.js';
import { addTask, listPlans } from '../plans/plans.service.js';
import { tasksBySource, type SourcedTask } from '../plans/task-lookup.service.js';
import { getUnit, unitFacts } from '../units/units.service.js';
import {
  checkAttendance,
  checkShape,
  conclusionState,
  defaultPlan,
  nextOrdinal,
  noticeSummary,
  noticeTitle,
  presentIds,
  tallyStates,
  taskTitleOf,
  type MeetingKind,
  type MeetingStatus,
  type RuleError,
} from './meeting-rules.js';
import {
  meetingPolicy,
  readsByRole,
  MEETING_MANAGERS,
  BRIEFING_MAKERS,
  type MeetingSubject,
} from './meetings.policy.js';
import type {
  ConclusionInput,
  ConclusionOut,
  ConclusionTaskInput,
  ConclusionUpdate,
  FollowUpOut,
  MeetingInput,
  MeetingOut,
  MeetingSummaryOut,
  MeetingUpdate,
  NoticeInput,
  NoticeNumberOut,
} from './meetings.schemas.js';
import { meetingConclusions, meetingFiles, meetings, type MemberSnapshot } from './meetings.table.js';
import { noticeDocx, type NoticeFacts } from './notice-document.js';
import { suggestNoticeNumber } from './notice-numbering.js';
import {
  ISSUING_LAYOUTS,
  TYPE_ABBREVIATIONS,
  formatNumberSymbol,
  numberLineOf,
  parseNumberSymbol,
  symbolFor,
} from './issuing-layouts.js';

/** How the committee's notices are numbered and headed (its founder's layout), for the notice form. */
function noticeFormatOf(committee: CommitteeOut): MeetingOut['noticeFormat'] {
  const layout = ISSUING_LAYOUTS[committee.founderKind];
  const symbol = symbolFor(layout, TYPE_ABBREVIATIONS.thong_bao, committee.symbol);
  return {
    layout: committee.founderKind,
    basis: layout.basis,
    symbol,
    example: formatNumberSymbol(layout, 1, symbol),
    numberPrefix: layout.numberPrefix,
    heading: layout.heading.map((h) => h.text),
    parentBody: committee.founderName,
  };
}

type MeetingRow = typeof meetings.$inferSelect;
type ConclusionRow = typeof meetingConclusions.$inferSelect;

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Throws the first rule error as a 400 naming its field (the others are listed as details). */
function raise(errors: RuleError[]): void {
  if (!errors.length) return;
  const first = errors[0]!;
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    first.key,
    { field: first.field, ...first.params },
    errors.map((e) => ({ field: e.field, message: e.key })),
  );
}

// ---------------------------------------------------------------------------------------------------
// Access

type CommitteeCtx = { committee: CommitteeOut; subject: MeetingSubject };

/** The committee with the caller's standing towards its meetings (membership only checked when needed). */
async function committeeContext(ctx: RequestContext, committeeId: string): Promise<CommitteeCtx> {
  const actor = requireActor(ctx);
  const committee = await getCommittee(ctx, committeeId);
  const facts = await unitFacts(ctx.db, [committee.hostUnitId]);
  const hostPath = facts.get(committee.hostUnitId)?.path ?? [committee.hostUnitId];
  let isMember = false;
  if (!readsByRole(actor, hostPath)) {
    const { members } = await composition(ctx, committeeId, todayInVietnam());
    isMember = members.some((m) => m.userId === actor.user.id);
  }
  return { committee, subject: { hostPath, isMember } };
}

async function readable(ctx: RequestContext, committeeId: string): Promise<CommitteeCtx> {
  const c = await committeeContext(ctx, committeeId);
  if (!meetingPolicy.rules.read(requireActor(ctx), c.subject)) throw forbidden();
  return c;
}

async function managed(
  ctx: RequestContext,
  committeeId: string,
  ability: 'update' | 'brief' = 'update',
): Promise<CommitteeCtx> {
  const c = await committeeContext(ctx, committeeId);
  if (!meetingPolicy.rules[ability](requireActor(ctx), c.subject)) throw forbidden();
  return c;
}

async function meetingRow(ctx: RequestContext, id: string): Promise<MeetingRow> {
  const [row] = await ctx.db.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw notFound('meeting');
  return row;
}

async function conclusionRow(ctx: RequestContext, id: string): Promise<ConclusionRow> {
  const [row] = await ctx.db.select().from(meetingConclusions).where(eq(meetingConclusions.id, id));
  if (!row) throw notFound('conclusion');
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Presenting

const snapshotOf = (m: MembershipOut, reason?: string | null): MemberSnapshot => ({
  membershipId: m.id,
  name: m.name,
  position: m.position,
  office: m.office,
  ...(reason !== undefined ? { reason: reason ?? null } : {}),
});

function presentTask(t: SourcedTask) {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    dueDate: t.dueDate,
    leadUnitId: t.leadUnitId,
    leadUnitName: t.leadUnitName,
    planId: t.planId,
    planTitle: t.planTitle,
    planYear: t.planYear,
    reportedOn: t.reportedOn,
    verifiedOn: t.verifiedOn,
    timing: {
      state: t.timing.state,
      daysOverdue: t.timing.daysOverdue,
      daysLeft: t.timing.daysLeft,
      effectiveDueDate: t.timing.effectiveDueDate,
    },
  };
}

/** Conclusions with their tasks' live status, for meetings whose status is given. */
async function presentConclusions(
  ctx: RequestContext,
  rows: ConclusionRow[],
  meetingStatus: Map<string, MeetingStatus>,
  canManage: boolean,
  asOf: string,
): Promise<ConclusionOut[]> {
  if (!rows.length) return [];
  const tasks = await tasksBySource(
    ctx,
    'conclusion',
    rows.map((r) => r.id),
    asOf,
  );
  const facts = await unitFacts(ctx.db, [
    ...rows.flatMap((r) => (r.leadUnitId ? [r.leadUnitId] : [])),
    ...rows.flatMap((r) => r.supportingUnitIds),
  ]);
  return rows
    .map((r) => {
      const own = tasks.filter((t) => t.sourceRef === r.id);
      return {
        id: r.id,
        meetingId: r.meetingId,
        ordinal: r.ordinal,
        text: r.text,
        leadUnitId: r.leadUnitId,
        leadUnitName: r.leadUnitId ? (facts.get(r.leadUnitId)?.fullName ?? '') : null,
        supportingUnitIds: r.supportingUnitIds,
        supportingUnitNames: r.supportingUnitIds.map((id) => facts.get(id)?.fullName ?? ''),
        dueDate: r.dueDate,
        reformArea: r.reformArea as ConclusionOut['reformArea'],
        state: conclusionState(own.map((t) => ({ status: t.status, timingState: t.timing.state }))),
        tasks: own.map(presentTask),
        version: r.version,
        abilities: {
          update: canManage,
          delete: canManage && own.length === 0,
          createTask: canManage && meetingStatus.get(r.meetingId) === 'held',
        },
      };
    })
    .sort((a, b) => a.ordinal - b.ordinal);
}

async function presentSummaries(
  ctx: RequestContext,
  rows: MeetingRow[],
  subject: MeetingSubject,
  asOf: string,
): Promise<{ items: MeetingSummaryOut[]; conclusions: ConclusionOut[] }> {
  if (!rows.length) return { items: [], conclusions: [] };
  const can = abilities(meetingPolicy, ctx.actor, subject);
  const conclusionRows = await ctx.db
    .select()
    .from(meetingConclusions)
    .where(
      inArray(
        meetingConclusions.meetingId,
        rows.map((r) => r.id),
      ),
    );
  const conclusions = await presentConclusions(
    ctx,
    conclusionRows,
    new Map(rows.map((r) => [r.id, r.status as MeetingStatus])),
    can.update,
    asOf,
  );
  const units = await unitFacts(
    ctx.db,
    rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
  );
  const notices = await documentRefs(
    ctx,
    rows.flatMap((r) => (r.noticeDocumentId ? [r.noticeDocumentId] : [])),
  );
  const items = rows.map((r) => {
    const own = conclusions.filter((c) => c.meetingId === r.id);
    return {
      id: r.id,
      committeeId: r.committeeId,
      kind: r.kind as MeetingKind,
      extraordinary: r.extraordinary,
      unitId: r.unitId,
      unitName: r.unitId ? (units.get(r.unitId)?.fullName ?? '') : null,
      number: r.number,
      title: r.title,
      date: r.date,
      startTime: r.startTime,
      place: r.place,
      chair: r.chair ?? null,
      status: r.status as MeetingStatus,
      notice: r.noticeDocumentId ? (notices.get(r.noticeDocumentId) ?? null) : null,
      conclusionCount: own.length,
      conclusionStates: tallyStates(own.map((c) => c.state)),
      version: r.version,
      abilities: can,
    };
  });
  return { items, conclusions };
}

async function presentMeeting(ctx: RequestContext, row: MeetingRow, c: CommitteeCtx): Promise<MeetingOut> {
  const asOf = todayInVietnam();
  const { items, conclusions } = await presentSummaries(ctx, [row], c.subject, asOf);
  const summary = items[0]!;
  const links = await ctx.db
    .select()
    .from(meetingFiles)
    .where(eq(meetingFiles.meetingId, row.id))
    .orderBy(asc(meetingFiles.addedAt));
  const files = new Map(
    (
      await getFiles(
        ctx,
        links.map((l) => l.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  let taskPlans: MeetingOut['taskPlans'] = [];
  if (summary.abilities.update) {
    const plans = (await listPlans(ctx)).filter((p) => p.ownerUnitId === c.committee.hostUnitId);
    const year = Number(row.date.slice(0, 4));
    const chosen = defaultPlan(plans, c.committee.hostUnitId, year);
    taskPlans = plans
      .map((p) => ({ id: p.id, title: p.title, year: p.year, isDefault: p.id === chosen?.id }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.year - a.year);
  }
  return {
    ...summary,
    committeeName: c.committee.name,
    hostUnitId: c.committee.hostUnitId,
    noticeFormat: noticeFormatOf(c.committee),
    chairMembershipId: row.chairMembershipId,
    attendees: row.attendees,
    absentees: row.absentees,
    guests: row.guests,
    agenda: row.agenda,
    minutes: row.minutes,
    files: links.flatMap((l) => {
      const f = files.get(l.fileId);
      return f
        ? [
            {
              id: f.id,
              originalName: f.originalName,
              mediaType: f.mediaType,
              size: f.size,
              createdAt: f.createdAt.toISOString(),
            },
          ]
        : [];
    }),
    conclusions,
    taskPlans,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Meetings

/** The committees whose meetings the caller may read, with how many meetings each has. */
export async function meetingCommittees(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const { items } = await listCommittees(ctx, {});
  const counts = new Map(
    (
      await ctx.db
        .select({ committeeId: meetings.committeeId, n: sql<number>`count(*)::int` })
        .from(meetings)
        .groupBy(meetings.committeeId)
    ).map((r) => [r.committeeId, Number(r.n)]),
  );
  const paths = await unitFacts(
    ctx.db,
    items.map((c) => c.hostUnitId),
  );
  const out = [];
  for (const c of items) {
    const hostPath = paths.get(c.hostUnitId)?.path ?? [c.hostUnitId];
    // Committees the caller only reads as a member are checked one by one (rare: a role usually settles it).
    const subject = readsByRole(actor, hostPath)
      ? { hostPath, isMember: false }
      : (await committeeContext(ctx, c.id)).subject;
    if (!meetingPolicy.rules.read(actor, subject)) continue;
    out.push({
      id: c.id,
      name: c.name,
      level: c.level,
      hostUnitName: c.hostUnitName,
      meetingCount: counts.get(c.id) ?? 0,
      abilities: { create: meetingPolicy.rules.update(actor, subject) },
    });
  }
  return { items: out };
}

/** A committee's meetings, newest first, each with its conclusions' follow-up tally. */
export async function listMeetings(ctx: RequestContext, committeeId: string) {
  const c = await readable(ctx, committeeId);
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(eq(meetings.committeeId, committeeId))
    .orderBy(desc(meetings.date), sql`${meetings.startTime} DESC NULLS LAST`, desc(meetings.createdAt));
  const { items } = await presentSummaries(ctx, rows, c.subject, todayInVietnam());
  return {
    committee: { id: c.committee.id, name: c.committee.name, hostUnitId: c.committee.hostUnitId },
    items,
    abilities: { create: meetingPolicy.rules.update(requireActor(ctx), c.subject) },
  };
}

export async function getMeeting(ctx: RequestContext, id: string): Promise<MeetingOut> {
  const row = await meetingRow(ctx, id);
  const c = await readable(ctx, row.committeeId);
  return presentMeeting(ctx, row, c);
}

/** 404 when missing, 403 when the caller may not read it (for the history route). */
export async function assertMeetingReadable(ctx: RequestContext, id: string): Promise<void> {
  const row = await meetingRow(ctx, id);
  await readable(ctx, row.committeeId);
}

type Attendance = {
  chair: MemberSnapshot | null;
  attendees: MemberSnapshot[];
  absentees: MemberSnapshot[];
};

/**
 * Checks the attendance against the committee's composition on the meeting date and returns it as
 * recorded in the minutes (names, positions and offices of that day).
 */
async function resolveAttendance(
  ctx: RequestContext,
  committeeId: string,
  date: string,
  chairMembershipId: string | null,
  attendeeIds: readonly string[],
  absentees: readonly { membershipId: string; reason?: string | null | undefined }[],
): Promise<Attendance> {
  const { members } = await composition(ctx, committeeId, date);
  const byId = new Map(members.map((m) => [m.id, m]));
  raise(
    checkAttendance({
      membersInForce: new Set(byId.keys()),
      date,
      chairMembershipId,
      attendeeIds,
      absenteeIds: absentees.map((a) => a.membershipId),
    }),
  );
  return {
    chair: chairMembershipId ? snapshotOf(byId.get(chairMembershipId)!) : null,
    attendees: presentIds(chairMembershipId, attendeeIds).map((id) => snapshotOf(byId.get(id)!)),
    absentees: [...new Map(absentees.map((a) => [a.membershipId, a])).values()].map((a) =>
      snapshotOf(byId.get(a.membershipId)!, a.reason ?? null),
    ),
  };
}

async function requireUnit(ctx: RequestContext, field: string, id: string | null | undefined) {
  if (id && !(await getUnit(ctx.db, id))) throw validation(field, 'unit.not_found');
}

const shapeOf = (
  c: CommitteeOut,
  v: { kind: MeetingKind; unitId: string | null; status: MeetingStatus; date: string },
) =>
  checkShape({
    ...v,
    today: todayInVietnam(),
    committeeFoundedOn: c.foundedOn,
    committeeDissolvedOn: c.dissolvedOn,
  });

/** Inserts a meeting and its journal entry in the caller's transaction (no permission check). */
async function insertMeeting(
  ctx: RequestContext,
  committeeId: string,
  input: MeetingInput,
  attendance: Attendance,
): Promise<MeetingRow> {
  const [row] = await ctx.db
    .insert(meetings)
    .values({
      committeeId,
      kind: input.kind,
      extraordinary: input.extraordinary ?? false,
      unitId: input.unitId ?? null,
      number: input.number ?? null,
      title: input.title,
      date: input.date,
      startTime: input.startTime ?? null,
      place: input.place ?? null,
      chairMembershipId: input.chairMembershipId ?? null,
      chair: attendance.chair,
      attendees: attendance.attendees,
      absentees: attendance.absentees,
      guests: input.guests ?? [],
      agenda: input.agenda ?? [],
      minutes: input.minutes ?? null,
      status: input.status ?? 'planned',
      createdBy: ctx.actor?.user.id ?? null,
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'meeting', entityId: row!.id, after: row });
  return row!;
}

export async function createMeeting(
  ctx: RequestContext,
  committeeId: string,
  input: MeetingInput,
): Promise<MeetingOut> {
  const c = await managed(ctx, committeeId);
  await requireUnit(ctx, 'unitId', input.unitId);
  raise(
    shapeOf(c.committee, {
      kind: input.kind,
      unitId: input.unitId ?? null,
      status: input.status ?? 'planned',
      date: input.date,
    }),
  );
  const attendance = await resolveAttendance(
    ctx,
    committeeId,
    input.date,
    input.chairMembershipId ?? null,
    input.attendeeMembershipIds ?? [],
    input.absentees ?? [],
  );
  const row = await ctx.db.transaction((tx) =>
    insertMeeting({ ...ctx, db: tx }, committeeId, input, attendance),
  );
  return presentMeeting(ctx, row, c);
}

export async function updateMeeting(
  ctx: RequestContext,
  id: string,
  input: MeetingUpdate,
): Promise<MeetingOut> {
  const current = await meetingRow(ctx, id);
  const c = await managed(ctx, current.committeeId);
  if (current.version !== input.version) throw staleVersion('meeting', current.version);
  const { version, attendeeMembershipIds, absentees, ...patch } = input;
  const next = {
    kind: (patch.kind ?? current.kind) as MeetingKind,
    unitId: patch.unitId === undefined ? current.unitId : patch.unitId,
    status: (patch.status ?? current.status) as MeetingStatus,
    date: patch.date ?? current.date,
  };
  await requireUnit(ctx, 'unitId', patch.unitId);
  raise(shapeOf(c.committee, next));
  const chairId = patch.chairMembershipId === undefined ? current.chairMembershipId : patch.chairMembershipId;
  const attendanceChanged =
    attendeeMembershipIds !== undefined ||
    absentees !== undefined ||
    patch.chairMembershipId !== undefined ||
    next.date !== current.date;
  const attendance = attendanceChanged
    ? await resolveAttendance(
        ctx,
        current.committeeId,
        next.date,
        chairId ?? null,
        attendeeMembershipIds ??
          current.attendees.map((a) => a.membershipId).filter((m) => m !== current.chairMembershipId),
        absentees ??
          current.absentees.map((a) => ({ membershipId: a.membershipId, reason: a.reason ?? null })),
      )
    : null;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetings)
      .set({
        ...patch,
        ...(attendance
          ? {
              chairMembershipId: chairId ?? null,
              chair: attendance.chair,
              attendees: attendance.attendees,
              absentees: attendance.absentees,
            }
          : {}),
        version: sql`${meetings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, id), eq(meetings.version, version)))
      .returning();
    if (!updated) throw staleVersion('meeting', current.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'meeting', entityId: id, before: current, after: updated },
    );
    return updated;
  });
  return presentMeeting(ctx, row, c);
}

// ---------------------------------------------------------------------------------------------------
// Conclusions

async function conclusionContext(ctx: RequestContext, conclusionId: string) {
  const conclusion = await conclusionRow(ctx, conclusionId);
  const meeting = await meetingRow(ctx, conclusion.meetingId);
  const c = await managed(ctx, meeting.committeeId);
  return { conclusion, meeting, c };
}

async function presentOne(ctx: RequestContext, row: ConclusionRow, meeting: MeetingRow) {
  const [out] = await presentConclusions(
    ctx,
    [row],
    new Map([[meeting.id, meeting.status as MeetingStatus]]),
    true,
    todayInVietnam(),
  );
  return out!;
}

async function checkConclusionUnits(
  ctx: RequestContext,
  input: { leadUnitId?: string | null | undefined; supportingUnitIds?: string[] | undefined },
) {
  await requireUnit(ctx, 'leadUnitId', input.leadUnitId);
  for (const id of input.supportingUnitIds ?? []) await requireUnit(ctx, 'supportingUnitIds', id);
}

/** Inserts a conclusion (numbered next) and its journal entry in the caller's transaction. */
async function insertConclusion(
  ctx: RequestContext,
  meetingId: string,
  input: ConclusionInput,
): Promise<ConclusionRow> {
  const [top] = await ctx.db
    .select({ n: max(meetingConclusions.ordinal) })
    .from(meetingConclusions)
    .where(eq(meetingConclusions.meetingId, meetingId));
  const [row] = await ctx.db
    .insert(meetingConclusions)
    .values({
      meetingId,
      ordinal: nextOrdinal(top?.n ? [Number(top.n)] : []),
      text: input.text,
      leadUnitId: input.leadUnitId ?? null,
      supportingUnitIds: [...new Set(input.supportingUnitIds ?? [])],
      dueDate: input.dueDate ?? null,
      reformArea: input.reformArea ?? null,
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'conclusion', entityId: row!.id, after: row });
  return row!;
}

export async function addConclusion(
  ctx: RequestContext,
  meetingId: string,
  input: ConclusionInput,
): Promise<ConclusionOut> {
  const meeting = await meetingRow(ctx, meetingId);
  await managed(ctx, meeting.committeeId);
  await checkConclusionUnits(ctx, input);
  const row = await ctx.db.transaction((tx) => insertConclusion({ ...ctx, db: tx }, meetingId, input));
  return presentOne(ctx, row, meeting);
}

export async function updateConclusion(
  ctx: RequestContext,
  id: string,
  input: ConclusionUpdate,
): Promise<ConclusionOut> {
  const { conclusion, meeting } = await conclusionContext(ctx, id);
  if (conclusion.version !== input.version) throw staleVersion('conclusion', conclusion.version);
  await checkConclusionUnits(ctx, input);
  const { version, ...patch } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetingConclusions)
      .set({
        ...patch,
        ...(patch.supportingUnitIds ? { supportingUnitIds: [...new Set(patch.supportingUnitIds)] } : {}),
        version: sql`${meetingConclusions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetingConclusions.id, id), eq(meetingConclusions.version, version)))
      .returning();
    if (!updated) throw staleVersion('conclusion', conclusion.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'conclusion', entityId: id, before: conclusion, after: updated },
    );
    return updated;
  });
  return presentOne(ctx, row, meeting);
}

/** Deletes a conclusion that no task follows up (a followed-up one stays: its tasks point to it). */
export async function deleteConclusion(ctx: RequestContext, id: string, version: number): Promise<void> {
  const { conclusion } = await conclusionContext(ctx, id);
  if (conclusion.version !== version) throw staleVersion('conclusion', conclusion.version);
  if ((await tasksBySource(ctx, 'conclusion', [id])).length) throw conflict('meeting.conclusion_has_tasks');
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(meetingConclusions)
      .where(and(eq(meetingConclusions.id, id), eq(meetingConclusions.version, version)))
      .returning();
    if (!gone) throw staleVersion('conclusion', conclusion.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'conclusion', entityId: id, before: conclusion },
    );
  });
}

/**
 * Turns a conclusion into a tracked task (chỉ đạo): in the chosen plan, by default the committee's plan
 * of the meeting's year; the task's source is the conclusion. Only for a held meeting. The task, its
 * journal entry and the conclusion's journal entry commit together.
 */
export async function createTaskFromConclusion(
  ctx: RequestContext,
  conclusionId: string,
  input: ConclusionTaskInput,
): Promise<ConclusionOut> {
  const { conclusion, meeting, c } = await conclusionContext(ctx, conclusionId);
  if (meeting.status !== 'held') throw conflict('meeting.not_held');
  let planId = input.planId ?? null;
  if (!planId) {
    const year = Number(meeting.date.slice(0, 4));
    const plan = defaultPlan(await listPlans(ctx, year), c.committee.hostUnitId, year);
    if (!plan) throw validation('planId', 'meeting.no_plan', { year });
    planId = plan.id;
  }
  const leadUnitId = input.leadUnitId ?? conclusion.leadUnitId;
  if (!leadUnitId) throw validation('leadUnitId', 'meeting.lead_unit_required');
  const reformArea = input.reformArea ?? conclusion.reformArea;
  if (!reformArea) throw validation('reformArea', 'meeting.reform_area_required');
  await checkConclusionUnits(ctx, { leadUnitId, supportingUnitIds: input.supportingUnitIds });
  const targetPlan = planId;
  await ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    const task = await addTask(t, targetPlan, {
      title: input.title ?? taskTitleOf(conclusion.text),
      description: `Kết luận số ${conclusion.ordinal} tại ${meeting.title} ngày ${vnDate(meeting.date)}.`,
      reformArea,
      leadUnitId,
      supportingUnitIds: input.supportingUnitIds ?? conclusion.supportingUnitIds,
      dueDate: input.dueDate === undefined ? conclusion.dueDate : input.dueDate,
      expectedOutput: input.expectedOutput ?? null,
      source: 'conclusion',
      sourceRef: conclusion.id,
    });
    await recordChange(t, {
      action: 'create_task',
      entity: 'conclusion',
      entityId: conclusion.id,
      after: { taskId: task.id, planId: targetPlan },
    });
  });
  return presentOne(ctx, await conclusionRow(ctx, conclusionId), meeting);
}

// ---------------------------------------------------------------------------------------------------
// The conclusion notice

type NoticeDraft = { summary: string; title: string; facts: NoticeFacts };

/** What the notice says: the register summary and the .docx content, from the meeting and its conclusions. */
async function draftNotice(
  ctx: RequestContext,
  meeting: MeetingRow,
  committee: CommitteeOut,
  input: { numberSymbol: string; issuedOn: string; issuer: string; title?: string | null | undefined },
): Promise<NoticeDraft> {
  const rows = await ctx.db
    .select()
    .from(meetingConclusions)
    .where(eq(meetingConclusions.meetingId, meeting.id))
    .orderBy(asc(meetingConclusions.ordinal));
  if (!rows.length) throw conflict('meeting.no_conclusions');
  const facts = await unitFacts(ctx.db, [
    committee.hostUnitId,
    ...rows.flatMap((r) => (r.leadUnitId ? [r.leadUnitId] : [])),
  ]);
  const conclusions = rows.map((r) => ({
    ordinal: r.ordinal,
    text: r.text,
    leadUnitName: r.leadUnitId ? (facts.get(r.leadUnitId)?.fullName ?? null) : null,
    dueDate: r.dueDate,
  }));
  return {
    summary: noticeSummary({
      meetingTitle: meeting.title,
      date: meeting.date,
      place: meeting.place,
      chairName: meeting.chair?.name ?? null,
      conclusions,
    }).slice(0, 5000),
    title: input.title ?? noticeTitle(meeting.title, meeting.date),
    facts: {
      founderKind: committee.founderKind,
      founderName: committee.founderName,
      numberSymbol: input.numberSymbol,
      issuedOn: input.issuedOn,
      issuer: input.issuer,
      place: facts.get(committee.hostUnitId)?.name ?? '',
      committeeName: committee.name,
      meetingTitle: meeting.title,
      meetingDate: meeting.date,
      meetingPlace: meeting.place,
      chair: meeting.chair
        ? { name: meeting.chair.name, position: meeting.chair.position, office: meeting.chair.office }
        : null,
      attendeeCount: meeting.attendees.length,
      guests: meeting.guests,
      conclusions,
    },
  };
}

/** Registers the notice (a `thong_bao` owned by the standing agency, else the host unit) and links it. */
async function recordNotice(
  ctx: RequestContext,
  meeting: MeetingRow,
  committee: CommitteeOut,
  input: { numberSymbol: string; issuedOn: string; issuer: string },
  draft: NoticeDraft,
): Promise<{ meeting: MeetingRow; documentId: string }> {
  const doc = await createDocumentRecord(ctx, {
    numberSymbol: input.numberSymbol,
    type: 'thong_bao',
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    title: draft.title,
    summary: draft.summary,
    unitId: committee.standingUnitId ?? committee.hostUnitId,
    access: 'internal',
  });
  const [updated] = await ctx.db
    .update(meetings)
    .set({ noticeDocumentId: doc.id, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
    .returning();
  if (!updated) throw staleVersion('meeting', meeting.version);
  await recordChange(ctx, {
    action: 'issue_notice',
    entity: 'meeting',
    entityId: meeting.id,
    before: { noticeDocumentId: null },
    after: { noticeDocumentId: doc.id, numberSymbol: doc.numberSymbol },
  });
  return { meeting: updated, documentId: doc.id };
}

/**
 * Issues the conclusion notice (thông báo kết luận): registers a `thong_bao` document whose summary
 * lists the conclusions, links it to the meeting, then attaches the notice itself as a .docx in its
 * committee's layout (Decree 30/2020/NĐ-CP, or Hướng dẫn 36-HD/VPTW for a Party committee) — built before
 * the transaction, stored after it (no file I/O while the database is held). Once per meeting; only for a held meeting with
 * conclusions.
 */
export async function issueNotice(
  ctx: RequestContext,
  store: FileStore,
  meetingId: string,
  input: NoticeInput,
  maxBytes: number,
) {
  const meeting = await meetingRow(ctx, meetingId);
  const c = await managed(ctx, meeting.committeeId);
  if (meeting.version !== input.version) throw staleVersion('meeting', meeting.version);
  if (meeting.status !== 'held') throw conflict('meeting.not_held');
  if (meeting.noticeDocumentId) throw conflict('meeting.notice_exists');
  // The number follows the founder's layout: "25/TB-BCĐ" for a UBND committee, "25-TB/BCĐ" for a Party one.
  const layout = ISSUING_LAYOUTS[c.committee.founderKind];
  if (!parseNumberSymbol(layout, input.numberSymbol)) {
    const format = noticeFormatOf(c.committee);
    throw validation('numberSymbol', 'meeting.notice_number_layout', {
      example: format.example,
      line: numberLineOf(layout, 1, format.symbol),
      basis: layout.basis,
    });
  }
  const fields = {
    numberSymbol: input.numberSymbol,
    issuedOn: input.issuedOn,
    issuer: input.issuer ?? c.committee.name,
  };
  const draft = await draftNotice(ctx, meeting, c.committee, { ...fields, title: input.title });
  const docx = await noticeDocx(draft.facts);
  const { meeting: row, documentId } = await ctx.db.transaction((tx) =>
    recordNotice({ ...ctx, db: tx }, meeting, c.committee, fields, draft),
  );
  await attachFile(
    ctx,
    store,
    documentId,
    {
      content: Readable.from(docx),
      filename: `Thông báo kết luận ${input.numberSymbol.replace(/[\\/]+/g, '-')}.docx`,
    },
    Math.max(maxBytes, docx.length),
  );
  return presentMeeting(ctx, row, c);
}

/**
 * The next free number for the meeting's notice dated `issuedOn` (default today), in its committee's layout
 * (`notice-numbering.ts`): after the highest number of the committee's notices in the same sequence — the
 * calendar year (state), the Party term (Party). The committee's notices are those of its meetings.
 * Managers only (it serves the issuing form).
 */
export async function nextNoticeNumber(
  ctx: RequestContext,
  meetingId: string,
  issuedOn: string | undefined,
): Promise<NoticeNumberOut> {
  const meeting = await meetingRow(ctx, meetingId);
  const c = await managed(ctx, meeting.committeeId);
  const rows = await ctx.db
    .select({ documentId: meetings.noticeDocumentId })
    .from(meetings)
    .where(and(eq(meetings.committeeId, meeting.committeeId), isNotNull(meetings.noticeDocumentId)));
  const notices = await documentRefs(
    ctx,
    rows.flatMap((r) => (r.documentId ? [r.documentId] : [])),
  );
  const layout = ISSUING_LAYOUTS[c.committee.founderKind];
  const symbol = symbolFor(layout, TYPE_ABBREVIATIONS.thong_bao, c.committee.symbol);
  const on = issuedOn ?? todayInVietnam();
  return { issuedOn: on, ...suggestNoticeNumber(layout, symbol, on, [...notices.values()]) };
}

// ---------------------------------------------------------------------------------------------------
// Files

/**
 * Attaches an uploaded file (streamed to the store first, then recorded); the meeting's version goes up. A briefing
 * pack (`as: 'brief'`) may also be attached by the committee's leaders (the policy's `brief`).
 */
export async function attachMeetingFile(
  ctx: RequestContext,
  store: FileStore,
  meetingId: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
  as: 'update' | 'brief' = 'update',
): Promise<MeetingOut> {
  const meeting = await meetingRow(ctx, meetingId);
  const c = await managed(ctx, meeting.committeeId, as);
  const file = await storeUpload(ctx, store, upload.content, upload.filename, maxBytes);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(meetingFiles).values({ meetingId, fileId: file.id }).onConflictDoNothing();
    await tx
      .update(meetings)
      .set({ version: sql`${meetings.version} + 1`, updatedAt: new Date() })
      .where(eq(meetings.id, meetingId));
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'attach_file',
        entity: 'meeting',
        entityId: meetingId,
        after: { fileId: file.id, name: file.originalName, sha256: file.sha256, size: file.size },
      },
    );
  });
  return presentMeeting(ctx, await meetingRow(ctx, meetingId), c);
}

export async function detachMeetingFile(
  ctx: RequestContext,
  meetingId: string,
  fileId: string,
  version: number,
): Promise<MeetingOut> {
  const meeting = await meetingRow(ctx, meetingId);
  const c = await managed(ctx, meeting.committeeId);
  const file = await getFile(ctx, fileId);
  const row = await ctx.db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(meetings)
      .set({ version: sql`${meetings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, version)))
      .returning();
    if (!bumped) throw staleVersion('meeting', meeting.version);
    const removed = await tx
      .delete(meetingFiles)
      .where(and(eq(meetingFiles.meetingId, meetingId), eq(meetingFiles.fileId, fileId)))
      .returning();
    if (!removed.length) throw notFound('file');
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'detach_file',
        entity: 'meeting',
        entityId: meetingId,
        before: { fileId, name: file.originalName, sha256: file.sha256 },
      },
    );
    return bumped;
  });
  return presentMeeting(ctx, row, c);
}

/** A meeting's file, for whoever may read the meeting. */
export async function meetingFileForDownload(
  ctx: RequestContext,
  meetingId: string,
  fileId: string,
): Promise<StoredFile> {
  const meeting = await meetingRow(ctx, meetingId);
  await readable(ctx, meeting.committeeId);
  const [link] = await ctx.db
    .select()
    .from(meetingFiles)
    .where(and(eq(meetingFiles.meetingId, meetingId), eq(meetingFiles.fileId, fileId)));
  if (!link) throw notFound('file');
  return getFile(ctx, fileId);
}

// ---------------------------------------------------------------------------------------------------
// Follow-up: "what did we decide last time, and was it done"

export async function followUp(
  ctx: RequestContext,
  committeeId: string,
  asOf?: string,
): Promise<FollowUpOut> {
  const c = await readable(ctx, committeeId);
  const date = asOf ?? todayInVietnam();
  const held = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.committeeId, committeeId), eq(meetings.status, 'held'), lte(meetings.date, date)))
    .orderBy(desc(meetings.date), desc(meetings.createdAt));
  if (!held.length) return { asOf: date, previous: null, outstanding: [] };
  const { items, conclusions } = await presentSummaries(ctx, held, c.subject, todayInVietnam());
  const [last, ...earlier] = items;
  const byMeeting = new Map(held.map((m) => [m.id, m]));
  const earlierIds = new Set(earlier.map((m) => m.id));
  return {
    asOf: date,
    previous: { ...last!, conclusions: conclusions.filter((x) => x.meetingId === last!.id) },
    outstanding: conclusions
      .filter((x) => earlierIds.has(x.meetingId) && x.state !== 'done' && x.state !== 'cancelled')
      .map((x) => ({
        ...x,
        meetingTitle: byMeeting.get(x.meetingId)!.title,
        meetingDate: byMeeting.get(x.meetingId)!.date,
      }))
      .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.ordinal - b.ordinal),
  };
}

// ---------------------------------------------------------------------------------------------------
// Seeding (demo and imports): no permission checks, the caller's transaction.

/** Reads the committee's composition for the seed, which runs without a signed-in user. */
const SEED_READER = new Actor(
  { id: '00000000-0000-0000-0000-000000000000', email: 'seed@chidao.local', fullName: 'seed', unitId: null },
  [],
);

export type SeedMeeting = MeetingInput & {
  conclusions: ConclusionInput[];
};

/** The meeting of a committee on a date with this title, if recorded (seeding looks meetings up by it). */
export async function findMeeting(
  ctx: RequestContext,
  committeeId: string,
  date: string,
  title: string,
): Promise<MeetingRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.committeeId, committeeId), eq(meetings.date, date), eq(meetings.title, title)));
  return row;
}

/**
 * Records a meeting with its conclusions (attendance checked against the composition of that day, as
 * for a user), returning the meeting and the conclusions' ids by number.
 */
export async function insertMeetingRecord(
  ctx: RequestContext,
  committeeId: string,
  input: SeedMeeting,
): Promise<{ meeting: MeetingRow; conclusionIds: string[] }> {
  const reader = { ...ctx, actor: ctx.actor ?? SEED_READER };
  const attendance = await resolveAttendance(
    reader,
    committeeId,
    input.date,
    input.chairMembershipId ?? null,
    input.attendeeMembershipIds ?? [],
    input.absentees ?? [],
  );
  const meeting = await insertMeeting(ctx, committeeId, input, attendance);
  const conclusionIds: string[] = [];
  for (const c of input.conclusions) conclusionIds.push((await insertConclusion(ctx, meeting.id, c)).id);
  return { meeting, conclusionIds };
}

/**
 * Registers the conclusion notice of a seeded meeting and links it (the register record only: the seed
 * runs in one transaction, where no file is written).
 */
export async function insertNoticeRecord(
  ctx: RequestContext,
  meetingId: string,
  input: { numberSymbol: string; issuedOn: string; issuer?: string },
): Promise<string> {
  const meeting = await meetingRow(ctx, meetingId);
  const committee = await getCommittee({ ...ctx, actor: ctx.actor ?? SEED_READER }, meeting.committeeId);
  const fields = { ...input, issuer: input.issuer ?? committee.name };
  const draft = await draftNotice(ctx, meeting, committee, fields);
  return (await recordNotice(ctx, meeting, committee, fields, draft)).documentId;
}

/** The composition of a committee on a date, for seeding (no signed-in user). */
export async function membersOn(ctx: RequestContext, committeeId: string, date: string) {
  return (await composition({ ...ctx, actor: ctx.actor ?? SEED_READER }, committeeId, date)).members;
}

export { MEETING_MANAGERS, BRIEFING_MAKERS };
