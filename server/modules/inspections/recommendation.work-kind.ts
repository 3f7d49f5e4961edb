/**
 * An inspection's recommendation as a kind of the work engine (`inspection_recommendation`, ../work): issued with
 * the conclusion notice (./conclusion.service.ts), owed by the unit responsible (its focal point and leader: on
 * their list of work, with the deadline in working days and the engine's reminders); they report the remediation
 * with evidence; the inspection's team (head, members) or the standing agency verifies it — then it is closed —
 * or returns it with a reason, and the unit reports again. The head of the team or the standing agency may extend
 * the deadline with a reason. Rules: ./rules/recommendation-rules.ts.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar } from '../calendar/index.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import { formatViDate } from '../periods/index.js';
import { taskTiming, type Timing } from '../tasks/index.js';
import { subtreeSql, unitFacts } from '../units/units.service.js';
import {
  listEvents,
  type DeadlineItem,
  type LoadedItem,
  type WorkKindAdapter,
} from '../work/work.service.js';
import {
  accessFrom,
  INSPECTION_READERS,
  INSPECTION_UNIT_ROLES,
  type InspectionAccess,
} from './inspections.policy.js';
import { inspectionRecommendations, inspections, inspectionTeamMembers } from './inspections.table.js';
import { DEFAULT_INSPECTION_RULES } from './rules/inspection-rules.js';
import {
  allowedRecommendationActions,
  isRecommendationStatus,
  OPEN_RECOMMENDATION_STATUSES,
  RECOMMENDATION_ACTIONS,
  recommendationNextActor,
  recommendationTransition,
  REPORT_ACTIONS,
  REVIEW_ACTIONS,
  type RecommendationAction,
  type RecommendationActor,
  type RecommendationRuleKey,
  type RecommendationStatus,
} from './rules/recommendation-rules.js';
import { rulesByIds } from './recommendation-deadlines.service.js';

export const RECOMMENDATION_KIND = 'inspection_recommendation' as const;

export type RecommendationRow = typeof inspectionRecommendations.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;

export type RecommendationMeta = {
  inspection: InspectionRow;
  access: InspectionAccess;
  who: RecommendationActor;
  unitName: string;
  inspectedUnitName: string;
  /** The day of the remediation report that stands (the latest), if any. */
  reportedOn: string | null;
};

/** Who reads a recommendation besides the inspection's readers: these roles over the unit that owes it. */
export const RECOMMENDATION_UNIT_READERS = [...INSPECTION_READERS, ...INSPECTION_UNIT_ROLES] as const;

export const recommendationLink = (r: Pick<RecommendationRow, 'id' | 'inspectionId'>) =>
  `/inspections/${r.inspectionId}?recommendation=${r.id}`;

export const recommendationTitles = (r: Pick<RecommendationRow, 'number' | 'text'>) => ({
  vi: `Kiến nghị số ${r.number}: ${r.text}`,
  en: `Recommendation ${r.number}: ${r.text}`,
});

const contextOf = (inspectedUnitName: string, concludedOn: string | null) => ({
  vi: `Kết luận kiểm tra CCHC tại ${inspectedUnitName}${concludedOn ? ` ngày ${formatViDate(concludedOn)}` : ''}`,
  en: `PAR inspection of ${inspectedUnitName}${concludedOn ? `, concluded ${formatViDate(concludedOn)}` : ''}`,
});

/** A recommendation's timing on the working-day calendar (overdue is never stored). */
export function recommendationTiming(
  r: Pick<RecommendationRow, 'status' | 'dueDate'>,
  reportedOn: string | null,
  asOf: string,
  calendar: Calendar,
  dueSoonDays: number = DEFAULT_INSPECTION_RULES.dueSoonWorkingDays,
): Timing {
  const status = r.status as RecommendationStatus;
  const done = status === 'reported_done' || status === 'verified';
  return taskTiming({
    status,
    dueDate: r.dueDate,
    // A report recorded without an event (never through the engine) counts as reported on its due date.
    completedOn: done ? (reportedOn ?? r.dueDate) : null,
    today: asOf,
    rule: { countIn: 'working_days', dueSoonDays },
    calendar,
  });
}

/** The latest report day and return reason of each recommendation, from the engine's history. */
export async function reportFacts(
  db: Db,
  ids: readonly string[],
  asOf?: string,
): Promise<Map<string, { reportedOn: string | null; lastReason: string | null }>> {
  const out = new Map<string, { reportedOn: string | null; lastReason: string | null }>();
  const events = await listEvents(db, RECOMMENDATION_KIND, ids, {
    actions: ['report_done', 'return'],
    withFiles: false,
  });
  for (const e of events) {
    if (asOf && e.on > asOf) continue;
    const f = out.get(e.itemId) ?? { reportedOn: null, lastReason: null };
    if (e.action === 'report_done') f.reportedOn = e.on;
    else f.lastReason = e.note;
    out.set(e.itemId, f);
  }
  return out;
}

/** The caller's standing on each inspection's team (one query). */
async function teamRoles(
  db: Db,
  actor: Actor,
  inspectionIds: readonly string[],
): Promise<Map<string, 'head' | 'member'>> {
  if (!inspectionIds.length) return new Map();
  const rows = await db
    .select({ inspectionId: inspectionTeamMembers.inspectionId, role: inspectionTeamMembers.role })
    .from(inspectionTeamMembers)
    .where(
      and(
        eq(inspectionTeamMembers.userId, actor.user.id),
        inArray(inspectionTeamMembers.inspectionId, [...new Set(inspectionIds)]),
      ),
    );
  return new Map(rows.map((r) => [r.inspectionId!, r.role]));
}

/** Loads recommendations with their inspections and the caller's relation to each (batched). */
export async function loadRecommendations(
  ctx: RequestContext,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, LoadedItem>> {
  const out = new Map<string, LoadedItem>();
  const actor = ctx.actor;
  if (!ids.length || !actor) return out;
  const found = await ctx.db
    .select({ r: inspectionRecommendations, i: inspections })
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(inArray(inspectionRecommendations.id, [...new Set(ids)]));
  if (!found.length) return out;
  const facts = await unitFacts(
    ctx.db,
    found.flatMap(({ r, i }) => [r.unitId, i.unitId, i.provinceId]),
  );
  const team = await teamRoles(
    ctx.db,
    actor,
    found.map(({ i }) => i.id),
  );
  const reports = await reportFacts(
    ctx.db,
    found.map(({ r }) => r.id),
  );
  const rules = await rulesByIds(
    ctx.db,
    found.flatMap(({ i }) => (i.ruleVersionId ? [i.ruleVersionId] : [])),
  );
  const calendar = await loadCalendar(ctx.db);
  for (const { r, i } of found) {
    const unitPath = facts.get(r.unitId)?.path ?? [r.unitId];
    const access = accessFrom(actor, {
      unitPath: facts.get(i.unitId)?.path ?? [i.unitId],
      provincePath: facts.get(i.provinceId)?.path ?? [i.provinceId],
      teamRole: team.get(i.id) ?? null,
    });
    const who: RecommendationActor = {
      unit: actor.hasRoleOver(INSPECTION_UNIT_ROLES, unitPath),
      team: access.team,
      head: access.head,
      office: access.office,
    };
    const read = access.read || actor.hasRoleOver(RECOMMENDATION_UNIT_READERS, unitPath);
    const status: RecommendationStatus = isRecommendationStatus(r.status) ? r.status : 'not_started';
    const report = reports.get(r.id);
    const dueSoon = (i.ruleVersionId ? rules.get(i.ruleVersionId) : undefined) ?? DEFAULT_INSPECTION_RULES;
    const unitName = facts.get(r.unitId)?.name ?? '';
    const inspectedUnitName = facts.get(i.unitId)?.name ?? '';
    const titles = recommendationTitles(r);
    out.set(r.id, {
      item: {
        kind: RECOMMENDATION_KIND,
        id: r.id,
        title: titles.vi,
        titles,
        context: contextOf(inspectedUnitName, i.concludedOn),
        unit: { id: r.unitId, name: unitName },
        status,
        dueDate: r.dueDate,
        timing: recommendationTiming(
          r,
          report?.reportedOn ?? null,
          asOf,
          calendar,
          dueSoon.dueSoonWorkingDays,
        ),
        version: r.version,
        allowedActions: read ? allowedRecommendationActions(status, who) : [],
        evidenceRequired: true,
        lastReason: status === 'returned' ? (report?.lastReason ?? null) : null,
        link: recommendationLink(r),
      },
      access: { read, upload: !!(who.unit || who.team || who.office), work: !!who.unit },
      row: r,
      meta: {
        inspection: i,
        access,
        who,
        unitName,
        inspectedUnitName,
        reportedOn: report?.reportedOn ?? null,
      } satisfies RecommendationMeta,
      // A step takes effect at the earliest on the day the conclusion was issued.
      dates: { recordedOn: todayInVietnam(r.createdAt), earliest: i.concludedOn },
    });
  }
  return out;
}

const refusal = (reason: RecommendationRuleKey, status: 400 | 403 | 409) =>
  new AppError(
    status,
    status === 403 ? 'FORBIDDEN' : status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED',
    reason,
  );

async function idsWhere(db: Db, where: SQL | undefined): Promise<string[]> {
  const rows = await db
    .select({ id: inspectionRecommendations.id })
    .from(inspectionRecommendations)
    .where(where);
  return rows.map((r) => r.id);
}

const OPEN = [...OPEN_RECOMMENDATION_STATUSES];

async function deadlineRows(db: Db, where: SQL | undefined): Promise<DeadlineItem[]> {
  const found = await db
    .select({
      r: inspectionRecommendations,
      unitId: inspections.unitId,
      concludedOn: inspections.concludedOn,
    })
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(where)
    .orderBy(inspectionRecommendations.dueDate, inspectionRecommendations.id);
  const names = await unitFacts(
    db,
    found.map((f) => f.unitId),
  );
  return found.map(({ r, unitId, concludedOn }) => ({
    kind: RECOMMENDATION_KIND,
    id: r.id,
    title: recommendationTitles(r).vi,
    status: r.status,
    dueDate: r.dueDate,
    unitId: r.unitId,
    context: contextOf(names.get(unitId)?.name ?? '', concludedOn).vi,
    link: recommendationLink(r),
  }));
}

/**
 * Tells the inspection's team that a remediation was reported (the engine tells the standing agency): in the
 * step's transaction, so a step that fails tells nobody.
 */
async function tellTeam(tx: Db, loaded: LoadedItem) {
  const m = loaded.meta as RecommendationMeta;
  const team = await tx
    .select({ userId: inspectionTeamMembers.userId })
    .from(inspectionTeamMembers)
    .where(eq(inspectionTeamMembers.inspectionId, m.inspection.id));
  const ctx = systemContext(tx);
  const office = new Set(await recipientsForUnit(ctx, m.inspection.provinceId, ['standing_officer']));
  const userIds = team.map((t) => t.userId).filter((u) => !office.has(u));
  if (!userIds.length) return;
  const title = loaded.item.titles ?? { vi: loaded.item.title, en: loaded.item.title };
  await notify(ctx, {
    userIds,
    kind: 'task_reported',
    text: {
      vi: {
        title: `Có báo cáo khắc phục cần xem xét: ${title.vi}`,
        body: `${m.unitName} đã báo cáo kết quả khắc phục kiến nghị sau kiểm tra tại ${m.inspectedUnitName}. Đề nghị Đoàn kiểm tra xem xét, xác nhận hoặc trả lại.`,
      },
      en: {
        title: `Remediation to review: ${title.en}`,
        body: `${m.unitName} reported the remediation of a recommendation of the inspection of ${m.inspectedUnitName}. Please verify it or return it.`,
      },
    },
    link: loaded.item.link,
    entity: { type: RECOMMENDATION_KIND, id: loaded.item.id },
  });
}

export const recommendationKind: WorkKindAdapter = {
  kind: RECOMMENDATION_KIND,
  entity: 'inspection_recommendation',
  actions: RECOMMENDATION_ACTIONS,
  reportActions: REPORT_ACTIONS,
  reviewActions: REVIEW_ACTIONS,
  // The team's members (inspectors) review too; the rules decide which items are theirs.
  reviewerRoles: ['standing_officer', 'admin', 'inspector'],
  load: loadRecommendations,
  async decide(ctx, loaded, input, evidenceCount, on) {
    const r = loaded.row as RecommendationRow;
    const m = loaded.meta as RecommendationMeta;
    const action = input.action as RecommendationAction;
    const result = recommendationTransition(loaded.item.status as RecommendationStatus, action, m.who, {
      output: input.output ?? null,
      evidenceCount,
      reason: input.reason ?? null,
      dueDate: r.dueDate,
      newDueDate: input.newDueDate ?? null,
    });
    if (!result.ok) return { ok: false, error: refusal(result.reason, result.status) };
    switch (action) {
      case 'report_done':
        return {
          ok: true,
          next: result.next,
          patch: { status: result.next, remediation: input.output!.trim() },
          note: input.output!.trim(),
        };
      case 'verify':
        return { ok: true, next: result.next, patch: { status: result.next, closedOn: on } };
      case 'extend':
        return { ok: true, next: result.next, patch: { dueDate: input.newDueDate! } };
      default:
        return { ok: true, next: result.next, patch: { status: result.next } };
    }
  },
  async write(tx, loaded, patch, version) {
    const [updated] = await tx
      .update(inspectionRecommendations)
      .set({ ...patch, version: sql`${inspectionRecommendations.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(inspectionRecommendations.id, loaded.item.id), eq(inspectionRecommendations.version, version)),
      )
      .returning();
    if (updated && patch.status === 'reported_done') await tellTeam(tx, loaded);
    return updated ?? null;
  },
  reviewUnit: (loaded) => (loaded.meta as RecommendationMeta).inspection.provinceId,
  next: (loaded, status) =>
    isRecommendationStatus(status) ? recommendationNextActor(status, loaded.item.unit.name) : null,
  owedIds: (db, roots) =>
    roots.length
      ? idsWhere(
          db,
          and(
            inArray(inspectionRecommendations.status, OPEN),
            sql`${inspectionRecommendations.unitId} IN (${subtreeSql(roots)})`,
          ),
        )
      : Promise.resolve([]),
  // Reviewers are the office over the province or the inspection's team, wherever their grants lie: every
  // report waiting is a candidate, and the rules (load) keep those the caller may verify.
  reviewIds: (db, roots) =>
    roots.length ? idsWhere(db, eq(inspectionRecommendations.status, 'reported_done')) : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) =>
    unitIds.length
      ? idsWhere(
          db,
          and(
            inArray(inspectionRecommendations.status, OPEN),
            inArray(inspectionRecommendations.unitId, [...unitIds]),
          ),
        )
      : Promise.resolve([]),
  deadlines: (db) => deadlineRows(db, inArray(inspectionRecommendations.status, OPEN)),
  deadlineItem: async (db, id) => (await deadlineRows(db, eq(inspectionRecommendations.id, id)))[0],
};
