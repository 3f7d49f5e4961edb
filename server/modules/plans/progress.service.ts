/**
 * Progress updates of plan tasks and the unit leader's approval of them (rules in
 * ../tasks/progress-review.ts): a unit whose leader requires approval keeps its staff's updates inside the
 * unit until the leader approves; the province sees only published updates. Events are never edited: a
 * review is an event of its own that points at the update.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden, staleVersion } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { getFiles } from '../files/files.service.js';
import { canSee, checkReview, needsApproval, progressStates, type ReviewEvent } from '../tasks/index.js';
import { usersByIds } from '../users/users.service.js';
import { myMonitoring } from '../committees/committees.service.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import { todayInVietnam } from '../../core/dates.js';
import { pathOf, requireActor, ruleError, taskActor, taskRow } from './plan-access.js';
import { progressApprovalSettings } from './plans.table.js';
import { appendEvents, citableFiles, listEvents, type WorkEventRow } from '../work/work.service.js';
import { notFound } from '../../core/errors.js';
import type { ApprovalSettingOut, TaskEventOut } from './plans.schemas.js';

type FileRef = { id: string; originalName: string; size: number; mediaType: string };

/** A task's event as the API shows it: who acted, the cited files, and for an update its visibility. */
function eventOut(
  e: WorkEventRow,
  extra: {
    actorName: string | null;
    files: readonly FileRef[];
    state: TaskEventOut['state'];
    canReview: boolean;
  },
): TaskEventOut {
  return {
    id: e.id,
    taskId: e.itemId,
    action: e.action as TaskEventOut['action'],
    fromStatus: e.fromStatus as TaskEventOut['fromStatus'],
    toStatus: e.toStatus as TaskEventOut['toStatus'],
    note: e.note,
    percent: e.percent,
    documentId: e.documentId,
    at: e.at.toISOString(),
    on: e.on,
    recordedOn: e.recordedOn,
    actorId: e.actorId,
    actorName: extra.actorName,
    fileIds: e.fileIds,
    files: extra.files.map((f) => ({
      id: f.id,
      originalName: f.originalName,
      size: f.size,
      mediaType: f.mediaType,
    })),
    state: extra.state,
    canReview: extra.canReview,
    reviewOf: e.reviewOf,
  };
}

const REVIEW_ACTIONS = ['approve_progress', 'reject_progress'] as const;

/** Whether the unit's leader requires approval of staff updates (absent row = no). */
export async function approvalRequired(ctx: RequestContext, unitId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ on: progressApprovalSettings.requireApproval })
    .from(progressApprovalSettings)
    .where(eq(progressApprovalSettings.unitId, unitId));
  return row?.on ?? false;
}

/** Units among `unitIds` whose leaders require approval. */
export async function unitsRequiringApproval(ctx: RequestContext, unitIds: string[]): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const rows = await ctx.db
    .select({ unitId: progressApprovalSettings.unitId })
    .from(progressApprovalSettings)
    .where(
      and(
        inArray(progressApprovalSettings.unitId, unitIds),
        eq(progressApprovalSettings.requireApproval, true),
      ),
    );
  return new Set(rows.map((r) => r.unitId));
}

export async function getApprovalSetting(ctx: RequestContext, unitId: string): Promise<ApprovalSettingOut> {
  const actor = requireActor(ctx);
  const path = await pathOf(ctx, unitId);
  const [row] = await ctx.db
    .select()
    .from(progressApprovalSettings)
    .where(eq(progressApprovalSettings.unitId, unitId));
  return {
    unitId,
    requireApproval: row?.requireApproval ?? false,
    version: row?.version ?? 0,
    abilities: { edit: actor.hasRoleOver(['unit_leader', 'admin'], path) },
  };
}

/** The unit leader (or an administrator) switches approval on or off; version 0 = never set. */
export async function setApprovalSetting(
  ctx: RequestContext,
  unitId: string,
  input: { requireApproval: boolean; version: number },
): Promise<ApprovalSettingOut> {
  const actor = requireActor(ctx);
  if (!actor.hasRoleOver(['unit_leader', 'admin'], await pathOf(ctx, unitId))) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(progressApprovalSettings)
      .where(eq(progressApprovalSettings.unitId, unitId));
    if ((before?.version ?? 0) !== input.version) throw staleVersion('setting', before?.version ?? 0);
    const values = {
      requireApproval: input.requireApproval,
      updatedAt: new Date(),
      updatedBy: actor.user.id,
    };
    const [after] = before
      ? await tx
          .update(progressApprovalSettings)
          .set({ ...values, version: sql`${progressApprovalSettings.version} + 1` })
          .where(
            and(
              eq(progressApprovalSettings.unitId, unitId),
              eq(progressApprovalSettings.version, input.version),
            ),
          )
          .returning()
      : await tx
          .insert(progressApprovalSettings)
          .values({ unitId, ...values })
          .returning();
    if (!after) throw staleVersion('setting', before?.version ?? 0);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'progress_approval', entityId: unitId, before: before ?? null, after },
    );
  });
  return getApprovalSetting(ctx, unitId);
}

/**
 * A progress update (text, %, evidence) by the lead unit or the standing agency. From staff of a unit
 * whose leader requires approval it waits for the leader.
 */
export async function postProgress(
  ctx: RequestContext,
  taskId: string,
  input: { note: string; percent?: number | null | undefined; fileIds?: string[] | undefined },
): Promise<TaskEventOut> {
  const actor = requireActor(ctx);
  const task = await taskRow(ctx, taskId);
  const who = taskActor(actor, await pathOf(ctx, task.leadUnitId));
  if (!(who.isLeadUnitStaff || who.isLeadUnitLeader || who.isStandingAgency || who.isAdmin))
    throw forbidden();
  const files = await citableFiles(ctx, 'plan_task', taskId, input.fileIds);
  const waits = needsApproval({
    unitRequiresApproval: await approvalRequired(ctx, task.leadUnitId),
    isLeadUnitLeader: !!who.isLeadUnitLeader,
    isStandingAgency: !!who.isStandingAgency,
    isAdmin: !!who.isAdmin,
  });
  return ctx.db.transaction(async (tx) => {
    const [ev] = await appendEvents(tx, [
      {
        kind: 'plan_task',
        itemId: taskId,
        action: 'progress',
        note: input.note,
        percent: input.percent ?? null,
        fileIds: files.map((f) => f.id),
        needsApproval: waits,
        on: todayInVietnam(),
        actorId: actor.user.id,
      },
    ]);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'progress', entity: 'task', entityId: taskId, after: ev },
    );
    if (waits)
      await notify(
        { ...ctx, db: tx },
        {
          userIds: await recipientsForUnit({ ...ctx, db: tx }, task.leadUnitId, ['unit_leader']),
          kind: 'progress_pending',
          text: {
            vi: {
              title: `Cập nhật tiến độ chờ duyệt: ${task.title}`,
              body: `${actor.user.fullName} đã cập nhật tiến độ nhiệm vụ “${task.title}”. Đề nghị lãnh đạo đơn vị duyệt trước khi gửi tỉnh.`,
            },
            en: {
              title: `Progress update to approve: ${task.title}`,
              body: `${actor.user.fullName} posted a progress update on “${task.title}”. Please approve it before it reaches the province.`,
            },
          },
          link: `/plans/${task.planId}?task=${task.id}`,
          entity: { type: 'task', id: task.id },
        },
      );
    return eventOut(ev!, {
      actorName: actor.user.fullName,
      files,
      state: waits ? 'pending' : 'published',
      canReview: false,
    });
  });
}

/** The lead unit's leader approves a pending update (it reaches the province) or rejects it with a reason. */
export async function reviewProgress(
  ctx: RequestContext,
  taskId: string,
  eventId: string,
  input: { action: ReviewEvent['action']; reason?: string | null | undefined },
): Promise<TaskEventOut> {
  const actor = requireActor(ctx);
  const task = await taskRow(ctx, taskId);
  const who = taskActor(actor, await pathOf(ctx, task.leadUnitId));
  const events = await listEvents(ctx.db, 'plan_task', [taskId], { withFiles: false });
  const update = events.find((e) => e.id === eventId && e.action === 'progress');
  if (!update) throw notFound('task');
  const states = progressStates(
    [update],
    events.flatMap((e) =>
      e.reviewOf && (REVIEW_ACTIONS as readonly string[]).includes(e.action)
        ? [{ reviewOf: e.reviewOf, action: e.action as ReviewEvent['action'] }]
        : [],
    ),
  );
  const problem = checkReview(
    states.get(eventId),
    input.action,
    { isLeadUnitLeader: !!who.isLeadUnitLeader },
    input.reason,
  );
  if (problem) throw ruleError(problem);
  return ctx.db.transaction(async (tx) => {
    const [ev] = await appendEvents(tx, [
      {
        kind: 'plan_task',
        itemId: taskId,
        action: input.action,
        note: input.reason ?? null,
        reviewOf: eventId,
        on: todayInVietnam(),
        actorId: actor.user.id,
      },
    ]);
    await recordChange(
      { ...ctx, db: tx },
      { action: input.action, entity: 'task', entityId: taskId, after: ev },
    );
    return eventOut(ev!, { actorName: actor.user.fullName, files: [], state: null, canReview: false });
  });
}

/**
 * A task's status changes and progress updates, with who acted and the evidence files' names. Updates
 * still waiting for (or refused by) the unit leader are shown only inside the unit.
 */
export async function taskHistory(ctx: RequestContext, taskId: string): Promise<TaskEventOut[]> {
  const actor = requireActor(ctx);
  const task = await taskRow(ctx, taskId);
  const who = taskActor(actor, await pathOf(ctx, task.leadUnitId));
  const all = await listEvents(ctx.db, 'plan_task', [taskId]);
  const states = progressStates(
    all.filter((e) => e.action === 'progress'),
    all.flatMap((e) =>
      e.reviewOf && (REVIEW_ACTIONS as readonly string[]).includes(e.action)
        ? [{ reviewOf: e.reviewOf, action: e.action as ReviewEvent['action'] }]
        : [],
    ),
  );
  const viewer = { isLeadUnitStaff: !!who.isLeadUnitStaff, isLeadUnitLeader: !!who.isLeadUnitLeader };
  const hidden = new Set(
    all.filter((e) => e.action === 'progress' && !canSee(states.get(e.id)!, viewer)).map((e) => e.id),
  );
  const events = all.filter((e) => !hidden.has(e.id) && !(e.reviewOf && hidden.has(e.reviewOf)));
  const people = new Map(
    (await usersByIds(ctx, [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))])).map((u) => [
      u.id,
      u.fullName,
    ]),
  );
  const files = new Map(
    (await getFiles(ctx, [...new Set(events.flatMap((e) => e.fileIds))])).map((f) => [f.id, f]),
  );
  return events.map((e) =>
    eventOut(e, {
      state: e.action === 'progress' ? (states.get(e.id) ?? 'published') : null,
      canReview: e.action === 'progress' && states.get(e.id) === 'pending' && !!who.isLeadUnitLeader,
      actorName: e.actorId ? (people.get(e.actorId) ?? null) : null,
      files: e.fileIds.flatMap((id) => files.get(id) ?? []),
    }),
  );
}

/**
 * Whether the caller directs the task's lead unit: a committee leader (over the unit), or a committee
 * member who follows the unit — or a unit above it — today (phân công theo dõi).
 */
export async function directsUnit(ctx: RequestContext, leadUnitPath: readonly string[]): Promise<boolean> {
  const actor = requireActor(ctx);
  if (actor.hasRoleOver(['committee_leader'], leadUnitPath)) return true;
  const following = await myMonitoring(ctx);
  return following.items.some((i) => leadUnitPath.includes(i.unitId));
}

/** Units (ids) the caller directs as a follower today: used to mark tasks the caller can comment on. */
export async function followedUnitIds(ctx: RequestContext): Promise<Set<string>> {
  return new Set((await myMonitoring(ctx)).items.map((i) => i.unitId));
}

/**
 * A direction (ý kiến chỉ đạo) on a task by a committee leader or by the member following its lead unit:
 * recorded in the task's history for the unit and the standing agency; it changes no status.
 */
export async function postDirection(
  ctx: RequestContext,
  taskId: string,
  input: { note: string },
): Promise<TaskEventOut> {
  const actor = requireActor(ctx);
  const task = await taskRow(ctx, taskId);
  if (!(await directsUnit(ctx, await pathOf(ctx, task.leadUnitId)))) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [ev] = await appendEvents(tx, [
      {
        kind: 'plan_task',
        itemId: taskId,
        action: 'direction',
        note: input.note,
        on: todayInVietnam(),
        actorId: actor.user.id,
      },
    ]);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'direction', entity: 'task', entityId: taskId, after: ev },
    );
    await notify(
      { ...ctx, db: tx },
      {
        userIds: await recipientsForUnit({ ...ctx, db: tx }, task.leadUnitId, ['focal_point', 'unit_leader']),
        kind: 'task_direction',
        text: {
          vi: { title: `Ý kiến chỉ đạo: ${task.title}`, body: `${actor.user.fullName}: ${input.note}` },
          en: { title: `Direction on: ${task.title}`, body: `${actor.user.fullName}: ${input.note}` },
        },
        link: `/plans/${task.planId}?task=${task.id}`,
        entity: { type: 'task', id: task.id },
      },
    );
    return eventOut(ev!, { actorName: actor.user.fullName, files: [], state: null, canReview: false });
  });
}

/** The latest progress updates of these tasks that reached the province (pending/rejected ones excluded). */
export async function recentPublishedProgress(ctx: RequestContext, taskIds: string[], limit: number) {
  if (!taskIds.length) return [];
  const all = (
    await listEvents(ctx.db, 'plan_task', taskIds, { actions: ['progress', ...REVIEW_ACTIONS] })
  ).map((e) => ({ ...e, taskId: e.itemId }));
  const states = progressStates(
    all.filter((e) => e.action === 'progress'),
    all.flatMap((e) =>
      e.reviewOf && (REVIEW_ACTIONS as readonly string[]).includes(e.action)
        ? [{ reviewOf: e.reviewOf, action: e.action as ReviewEvent['action'] }]
        : [],
    ),
  );
  const published = all
    .filter((e) => e.action === 'progress' && states.get(e.id) === 'published')
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
  const people = new Map(
    (await usersByIds(ctx, [...new Set(published.flatMap((e) => (e.actorId ? [e.actorId] : [])))])).map(
      (u) => [u.id, u.fullName],
    ),
  );
  return published.map((e) => ({
    id: e.id,
    taskId: e.taskId,
    note: e.note,
    percent: e.percent,
    at: e.at,
    on: e.on,
    actorName: e.actorId ? (people.get(e.actorId) ?? null) : null,
  }));
}
