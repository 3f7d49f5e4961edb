/**
 * The staff's side of the hotline: the lists (to triage, open, to review, overdue, closed), a case with its
 * triage help (the routing table's suggestion, possible duplicates), and the office's own steps — triage per
 * Decree 20, transfer to another unit with a reason the submitter reads, merge into another case, escalation.
 */
import { and, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, notFound, staleVersion, unauthenticated } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { getFiles } from '../files/files.service.js';
import { usersByIds } from '../users/users.service.js';
import { getUnits, subtreeSql, unitDisplayName, unitFacts } from '../units/units.service.js';
import { appendEvents, getWorkItem } from '../work/work.service.js';
import {
  allowedCaseActions,
  caseTransition,
  OPEN_STATUSES,
  type CaseStatus,
  type Classification,
} from './case-rules.js';
import { caseActorOf, loadCaseMetas, type CaseRow } from './feedback.work-kind.js';
import {
  casePolicy,
  HOTLINE_OFFICE,
  HOTLINE_READERS,
  HOTLINE_ROLES,
  settingsPolicy,
} from './hotline.policy.js';
import type { CaseDetailOut, CaseSummaryOut } from './hotline.schemas.js';
import { tellFollowers, type PublicStep } from './followers.service.js';
import { feedbackCaseFiles, feedbackCases, feedbackEscalations } from './hotline.table.js';
import { suggestDuplicates, type DuplicateCase } from './rules/duplicates.js';
import { answerDueDate, timing } from './rules/sla.js';
import { categoriesByIds, ruleVersionsByIds, suggestHandlingUnit } from './settings.service.js';
import { allow } from '../access/policy.js';

const today = () => todayInVietnam();

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** Which cases the caller may see: their province's as the office or committee, their unit's as its people. */
function visibleSql(ctx: RequestContext): SQL {
  const actor = requireActor(ctx);
  const province = actor.rootsFor(HOTLINE_READERS);
  const units = actor.rootsFor(HOTLINE_ROLES);
  const parts: SQL[] = [];
  if (province.length) parts.push(sql`${feedbackCases.provinceId} IN (${subtreeSql(province)})`);
  if (units.length) parts.push(sql`${feedbackCases.handlingUnitId} IN (${subtreeSql(units)})`);
  return parts.length ? or(...parts)! : sql`false`;
}

type ListQuery = {
  view: 'triage' | 'open' | 'review' | 'overdue' | 'closed' | 'all';
  q?: string | undefined;
  categoryId?: string | undefined;
  unitId?: string | undefined;
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

/** A case's clock: the triage deadline while received, the answer deadline once a unit handles it. */
async function timingsOf(ctx: RequestContext, rows: readonly CaseRow[], on = today()) {
  const calendar = await loadCalendar(ctx.db);
  const rules = await ruleVersionsByIds(
    ctx.db,
    rows.map((r) => r.ruleVersionId ?? ''),
  );
  const out = new Map<string, CaseSummaryOut['timing']>();
  for (const r of rows) {
    const set = rules.get(r.ruleVersionId ?? '');
    const due = r.status === 'received' ? r.triageDueDate : r.dueDate;
    if (!set || !due || r.status === 'merged') {
      out.set(r.id, null);
      continue;
    }
    const closed = r.status === 'published' || r.status === 'not_accepted' || r.status === 'forwarded';
    const t = timing(
      { dueDate: due, closedOn: closed ? (r.closedOn ?? on) : null, today: on },
      set,
      calendar,
    );
    out.set(r.id, {
      state: t.state,
      workingDaysLeft: t.workingDaysLeft,
      workingDaysOver: t.workingDaysOver || null,
    });
  }
  return out;
}

async function summaries(ctx: RequestContext, rows: readonly CaseRow[]): Promise<CaseSummaryOut[]> {
  const units = new Map(
    (
      await getUnits(ctx.db, [
        ...new Set(rows.flatMap((r) => [r.handlingUnitId, r.subjectUnitId].filter((x): x is string => !!x))),
      ])
    ).map((u) => [u.id, u]),
  );
  const categories = await categoriesByIds(
    ctx.db,
    rows.map((r) => r.categoryId ?? ''),
  );
  const timings = await timingsOf(ctx, rows);
  return rows.map((r) => {
    const handling = r.handlingUnitId ? units.get(r.handlingUnitId) : undefined;
    const subject = r.subjectUnitId ? units.get(r.subjectUnitId) : undefined;
    const category = r.categoryId ? categories.get(r.categoryId) : undefined;
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      channel: r.channel,
      status: r.status as CaseStatus,
      classification: r.classification,
      category: category ? { vi: category.nameVi, en: category.nameEn } : null,
      subject: subject ? unitDisplayName(subject) : null,
      handlingUnit: handling ? { id: handling.id, name: unitDisplayName(handling) } : null,
      receivedOn: r.receivedOn,
      triageDueDate: r.triageDueDate,
      dueDate: r.dueDate,
      timing: timings.get(r.id) ?? null,
      satisfaction: r.satisfaction,
      reopened: r.reopenCount > 0,
    };
  });
}

export async function listCases(ctx: RequestContext, query: ListQuery) {
  const actor = requireActor(ctx);
  const visible = visibleSql(ctx);
  const filters: (SQL | undefined)[] = [visible];
  if (query.q) {
    const needle = `%${query.q}%`;
    filters.push(
      or(
        sql`f_unaccent(lower(${feedbackCases.title} || ' ' || ${feedbackCases.description} || ' ' || ${feedbackCases.place})) LIKE f_unaccent(lower(${needle}))`,
        sql`upper(${feedbackCases.code}) = upper(${query.q})`,
      ),
    );
  }
  if (query.categoryId) filters.push(eq(feedbackCases.categoryId, query.categoryId));
  if (query.unitId) filters.push(eq(feedbackCases.handlingUnitId, query.unitId));
  if (query.channel) filters.push(sql`${feedbackCases.channel} = ${query.channel}`);
  if (query.from) filters.push(gte(feedbackCases.receivedOn, query.from));
  if (query.to) filters.push(lte(feedbackCases.receivedOn, query.to));
  const open = inArray(feedbackCases.status, [...OPEN_STATUSES]);
  const byView: Record<ListQuery['view'], SQL | undefined> = {
    triage: eq(feedbackCases.status, 'received'),
    open,
    review: eq(feedbackCases.status, 'answered'),
    overdue: and(
      open,
      sql`(CASE WHEN ${feedbackCases.status} = 'received' THEN ${feedbackCases.triageDueDate} ELSE ${feedbackCases.dueDate} END) < ${today()}`,
    ),
    closed: inArray(feedbackCases.status, ['published', 'not_accepted', 'forwarded', 'merged']),
    all: undefined,
  };
  const where = and(...filters, byView[query.view]);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(feedbackCases)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(feedbackCases)
    .where(where)
    .orderBy(query.view === 'closed' ? desc(feedbackCases.receivedAt) : feedbackCases.receivedAt)
    .limit(query.limit)
    .offset(query.offset);
  const count = async (v: ListQuery['view']) =>
    Number(
      (
        await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(feedbackCases)
          .where(and(visible, byView[v]))
      )[0]?.n ?? 0,
    );
  return {
    total: Number(total),
    counts: {
      triage: await count('triage'),
      open: await count('open'),
      review: await count('review'),
      overdue: await count('overdue'),
      closed: await count('closed'),
    },
    items: await summaries(ctx, rows),
    abilities: {
      intake: actor.hasRole(...HOTLINE_OFFICE),
      settings: allow(settingsPolicy, actor, 'manage', {
        provinceIds: actor.rootsFor(['admin', 'standing_officer']),
      }),
    },
  };
}

async function loadCase(ctx: RequestContext, id: string) {
  const [row] = await ctx.db.select().from(feedbackCases).where(eq(feedbackCases.id, id));
  if (!row) throw notFound('feedback_case');
  const meta = (await loadCaseMetas(ctx.db, [row])).get(row.id)!;
  const actor = requireActor(ctx);
  if (!allow(casePolicy, actor, 'read', { provincePath: meta.provincePath, unitPath: meta.unitPath }))
    throw notFound('feedback_case');
  return { row, meta, who: caseActorOf(actor, meta) };
}

/** Possible duplicates among the province's cases of the last 90 days (open or published). */
async function duplicatesOf(ctx: RequestContext, row: CaseRow) {
  const since = new Date(new Date(`${row.receivedOn}T00:00:00Z`).getTime() - 90 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await ctx.db
    .select()
    .from(feedbackCases)
    .where(
      and(
        eq(feedbackCases.provinceId, row.provinceId),
        ne(feedbackCases.id, row.id),
        ne(feedbackCases.status, 'merged'),
        gte(feedbackCases.receivedOn, since),
      ),
    )
    .orderBy(desc(feedbackCases.receivedAt))
    .limit(2000);
  const categories = await categoriesByIds(
    ctx.db,
    [row, ...rows].map((r) => r.categoryId ?? ''),
  );
  const asCase = (r: CaseRow): DuplicateCase => ({
    id: r.id,
    text: `${r.title}\n${r.description}`,
    unitId: r.subjectUnitId,
    category: r.categoryId ? (categories.get(r.categoryId)?.key ?? null) : null,
    lat: r.lat,
    lng: r.lng,
    address: r.place || null,
    receivedOn: r.receivedOn,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return suggestDuplicates(asCase(row), rows.map(asCase)).map((s) => {
    const r = byId.get(s.id)!;
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status as CaseStatus,
      receivedOn: r.receivedOn,
      score: Math.round(s.score * 100) / 100,
      reasons: s.reasons,
    };
  });
}

export async function caseDetail(ctx: RequestContext, id: string): Promise<CaseDetailOut> {
  const { row, who } = await loadCase(ctx, id);
  const [summary] = await summaries(ctx, [row]);
  const status = row.status as CaseStatus;
  const officeActions = allowedCaseActions(status, who).filter(
    (a): a is 'triage' | 'transfer' | 'merge' => a === 'triage' || a === 'transfer' || a === 'merge',
  );
  const links = await ctx.db
    .select()
    .from(feedbackCaseFiles)
    .where(eq(feedbackCaseFiles.caseId, row.id))
    .orderBy(feedbackCaseFiles.position);
  const files = new Map(
    (
      await getFiles(
        ctx,
        links.map((l) => l.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  const enteredBy = row.enteredBy ? ((await usersByIds(ctx, [row.enteredBy]))[0]?.fullName ?? null) : null;
  const duplicateOf = row.duplicateOfId
    ? (await ctx.db.select().from(feedbackCases).where(eq(feedbackCases.id, row.duplicateOfId)))[0]
    : undefined;
  const escalations = await ctx.db
    .select()
    .from(feedbackEscalations)
    .where(eq(feedbackEscalations.caseId, row.id))
    .orderBy(feedbackEscalations.createdAt);
  const escalationUnits = new Map(
    (
      await getUnits(
        ctx.db,
        escalations.map((e) => e.unitId).filter((x): x is string => !!x),
      )
    ).map((u) => [u.id, unitDisplayName(u)]),
  );
  // The submitter's details: the office sees them; the handling unit only when they did not ask for anonymity.
  const seesSubmitter = who.office || (!row.anonymous && who.handler);
  let work = null;
  if (row.handlingUnitId) work = await getWorkItem(ctx, 'feedback_case', row.id).catch(() => null);
  return {
    ...summary!,
    categoryId: row.categoryId,
    subjectUnitId: row.subjectUnitId,
    description: row.description,
    place: row.place,
    lat: row.lat,
    lng: row.lng,
    submitter: seesSubmitter
      ? {
          name: row.submitterName,
          phone: row.submitterPhone,
          email: row.submitterEmail,
          address: row.submitterAddress,
        }
      : null,
    anonymous: row.anonymous,
    enteredBy,
    triageNote: row.triageNote,
    forwardedTo: row.forwardedTo,
    answerDraft: row.answerDraft,
    publishedAnswer: row.publishedAnswer,
    publishedDescription: row.publishedDescription,
    publishedOn: row.publishedOn,
    extensionReason: row.extensionReason,
    duplicateOf: duplicateOf ? { id: duplicateOf.id, code: duplicateOf.code } : null,
    files: links.flatMap((l) => {
      const f = files.get(l.fileId);
      return f
        ? [{ id: f.id, name: f.originalName, size: f.size, mediaType: f.mediaType, public: l.public }]
        : [];
    }),
    work,
    officeActions: [...officeActions, ...(who.office ? (['escalate'] as const) : [])],
    suggestion:
      status === 'received' && who.office
        ? { unit: await suggestHandlingUnit(ctx.db, row.categoryId, row.subjectUnitId) }
        : null,
    duplicates:
      who.office && (status === 'received' || status === 'assigned') ? await duplicatesOf(ctx, row) : [],
    escalations: escalations.map((e) => ({
      id: e.id,
      kind: e.kind,
      reason: e.reason,
      status: e.status,
      unit: e.unitId ? (escalationUnits.get(e.unitId) ?? null) : null,
      createdAt: e.createdAt.toISOString(),
    })),
    version: row.version,
  };
}

/** A unit a case may go to: in force today and under the case's province. */
async function checkUnit(ctx: RequestContext, row: CaseRow, unitId: string) {
  const path = (await unitFacts(ctx.db, [unitId])).get(unitId)?.path ?? [];
  const [unit] = await getUnits(ctx.db, [unitId]);
  if (!unit || unit.validTo || !path.includes(row.provinceId))
    throw new AppError(400, 'VALIDATION_FAILED', 'hotline.unit_not_in_province', {}, [
      { field: 'handlingUnitId', message: 'hotline.unit_not_in_province' },
    ]);
}

async function writeStep(
  ctx: RequestContext,
  row: CaseRow,
  version: number,
  patch: Partial<typeof feedbackCases.$inferInsert>,
  event: { action: string; to: CaseStatus; note: string | null; tell?: PublicStep | undefined },
) {
  const actor = requireActor(ctx);
  if (row.version !== version) throw staleVersion('feedback_case', row.version);
  const on = today();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(feedbackCases)
      .set({ ...patch, version: sql`${feedbackCases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(feedbackCases.id, row.id), eq(feedbackCases.version, version)))
      .returning();
    if (!updated) throw staleVersion('feedback_case', row.version);
    await appendEvents(tx, [
      {
        kind: 'feedback_case',
        itemId: row.id,
        action: event.action,
        fromStatus: row.status,
        toStatus: event.to,
        note: event.note,
        on,
        actorId: actor.user.id,
      },
    ]);
    if (event.tell) await tellFollowers(tx, updated, event.tell, event.note, `v${updated.version}`);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: event.action as 'triage',
        entity: 'feedback_case',
        entityId: row.id,
        before: row,
        after: updated,
      },
    );
    return updated;
  });
}

/**
 * Triage (Decree 20/2008/NĐ-CP art. 10–13): not accepted (with the reason the submitter reads), forwarded to
 * the competent body (outside the province's authority), or given to a unit with its answer deadline (about
 * an official's or agency's behaviour, or within authority) — the deadline from the rules the case was
 * received under, in working days.
 */
export async function triageCase(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    classification: Classification;
    categoryId?: string | null | undefined;
    handlingUnitId?: string | null | undefined;
    reason?: string | null | undefined;
    forwardedTo?: string | null | undefined;
  },
) {
  const { row, who } = await loadCase(ctx, id);
  const t = caseTransition(row.status as CaseStatus, 'triage', who, input);
  if (!t.ok)
    throw new AppError(
      t.status,
      t.status === 403 ? 'FORBIDDEN' : t.status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED',
      t.reason,
    );
  const categoryId = input.categoryId ?? row.categoryId;
  const on = today();
  const patch: Partial<typeof feedbackCases.$inferInsert> = {
    status: t.next,
    classification: input.classification,
    categoryId,
  };
  let note: string | null = null;
  if (t.next === 'assigned') {
    await checkUnit(ctx, row, input.handlingUnitId!);
    const rules = (await ruleVersionsByIds(ctx.db, [row.ruleVersionId ?? ''])).get(row.ruleVersionId ?? '');
    const categories = await categoriesByIds(ctx.db, [categoryId ?? '']);
    const calendar = await loadCalendar(ctx.db);
    patch.handlingUnitId = input.handlingUnitId!;
    patch.dueDate = answerDueDate(
      {
        receivedOn: row.receivedOn,
        classification: input.classification,
        category: categoryId ? (categories.get(categoryId)?.key ?? null) : null,
        extensions: [],
      },
      rules!,
      calendar,
    );
    patch.triageNote = '';
    const [unit] = await getUnits(ctx.db, [input.handlingUnitId!]);
    note = unit ? unitDisplayName(unit) : null;
  } else if (t.next === 'not_accepted') {
    patch.triageNote = input.reason!.trim();
    patch.closedOn = on;
    note = patch.triageNote;
  } else {
    patch.forwardedTo = input.forwardedTo!.trim();
    patch.triageNote = (input.reason ?? '').trim();
    patch.closedOn = on;
    note = patch.forwardedTo;
  }
  const tell: PublicStep =
    t.next === 'assigned' ? 'triaged' : t.next === 'not_accepted' ? 'not_accepted' : 'forwarded';
  await writeStep(ctx, row, input.version, patch, { action: 'triage', to: t.next, note, tell });
  return caseDetail(ctx, id);
}

/** Another unit handles it; the reason is told to the submitter (FixMyStreet's lesson: no silent dead ends). */
export async function transferCase(
  ctx: RequestContext,
  id: string,
  input: { version: number; handlingUnitId: string; reason: string },
) {
  const { row, who } = await loadCase(ctx, id);
  const t = caseTransition(row.status as CaseStatus, 'transfer', who, {
    ...input,
    currentHandlingUnitId: row.handlingUnitId,
  });
  if (!t.ok)
    throw new AppError(
      t.status,
      t.status === 403 ? 'FORBIDDEN' : t.status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED',
      t.reason,
    );
  await checkUnit(ctx, row, input.handlingUnitId);
  await writeStep(
    ctx,
    row,
    input.version,
    { handlingUnitId: input.handlingUnitId, answerDraft: '' },
    { action: 'transfer', to: 'assigned', note: input.reason.trim(), tell: 'transferred' },
  );
  return caseDetail(ctx, id);
}

/** The same matter as another case: closed into it (its followers follow the case that carries it). */
export async function mergeCase(ctx: RequestContext, id: string, input: { version: number; intoId: string }) {
  const { row, who } = await loadCase(ctx, id);
  const t = caseTransition(row.status as CaseStatus, 'merge', who);
  if (!t.ok) throw new AppError(t.status, t.status === 403 ? 'FORBIDDEN' : 'CONFLICT', t.reason);
  const { row: into } = await loadCase(ctx, input.intoId);
  if (into.id === row.id || into.status === 'merged' || into.provinceId !== row.provinceId)
    throw new AppError(400, 'VALIDATION_FAILED', 'hotline.merge_self', {}, [
      { field: 'intoId', message: 'hotline.merge_self' },
    ]);
  await writeStep(
    ctx,
    row,
    input.version,
    { status: 'merged', duplicateOfId: into.id, closedOn: today() },
    { action: 'merge', to: 'merged', note: into.code, tell: 'merged' },
  );
  return caseDetail(ctx, id);
}

/** A serious or repeated matter: a verification or a surprise inspection proposed (the inspections pick it up). */
export async function escalateCase(
  ctx: RequestContext,
  id: string,
  input: { kind: 'verification' | 'inspection'; reason: string; unitId?: string | null | undefined },
) {
  const actor = requireActor(ctx);
  const { row, who } = await loadCase(ctx, id);
  if (!who.office) throw forbidden();
  const unitId = input.unitId ?? row.handlingUnitId ?? row.subjectUnitId ?? null;
  if (unitId) await checkUnit(ctx, row, unitId);
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(feedbackEscalations)
      .values({
        caseId: row.id,
        kind: input.kind,
        reason: input.reason.trim(),
        unitId,
        createdBy: actor.user.id,
      })
      .returning();
    await appendEvents(tx, [
      {
        kind: 'feedback_case',
        itemId: row.id,
        action: 'escalate',
        fromStatus: row.status,
        toStatus: row.status,
        note: input.reason.trim(),
        on: today(),
        actorId: actor.user.id,
      },
    ]);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'escalate', entity: 'feedback_escalation', entityId: created!.id, after: created },
    );
  });
  return caseDetail(ctx, id);
}

/** A file received with a case, for whoever may read the case (404 otherwise: the file is not said to exist). */
export async function caseFile(ctx: RequestContext, id: string, fileId: string) {
  await loadCase(ctx, id);
  const [link] = await ctx.db
    .select()
    .from(feedbackCaseFiles)
    .where(and(eq(feedbackCaseFiles.caseId, id), eq(feedbackCaseFiles.fileId, fileId)));
  if (!link) throw notFound('file');
  const [file] = await getFiles(ctx, [fileId]);
  if (!file) throw notFound('file');
  return file;
}
