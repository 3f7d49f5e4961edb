import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
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
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { abilities, allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { composition, getCommittee } from '../committees/committees.service.js';
import type { CommitteeOut } from '../committees/committees.schemas.js';
import { documentRefs, type DocumentRef } from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import { daysLate, describePeriod } from '../periods/index.js';
import { rulesForReport } from '../periods/periods.service.js';
import {
  allowedActions,
  byUrgency,
  completion,
  computeKpis,
  DEFAULT_TIMING_RULE,
  OPEN_STATUSES,
  taskTiming,
  type Kpis,
  type TaskActor,
  type TaskFact,
  type TaskRuleKey,
  type TaskStatus,
} from '../tasks/index.js';
import { carriersOn } from '../units/carriers.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { getUnits, unitFacts, viCollator, type Unit } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import {
  allowedReportActions,
  clockDay,
  dayInYear,
  displayName,
  dueInYear,
  hasEnded,
  isReportStatus,
  overlapsYear,
  REPORT_KINDS,
  reportPeriod,
  reportTransition,
  yearBounds,
  type PilotRuleKey,
  type ReportActor,
  type ReportKind,
  type ReportStatus,
} from './pilot-rules.js';
import {
  canCreateProgramme,
  pilotUnitPolicy,
  programmePolicy,
  type PilotUnitSubject,
} from './pilots.policy.js';
import type {
  ItemActionInput,
  ItemInput,
  ItemOut,
  ItemUpdate,
  PilotItemForUnit,
  PilotKpisOut,
  PilotUnitCardOut,
  PilotUnitDetailOut,
  PilotUnitInput,
  PilotUnitUpdate,
  ProgrammeInput,
  ProgrammeListOut,
  ProgrammeOut,
  ProgrammeUpdate,
  ReportActionInput,
  ReportOut,
  ReportSaveInput,
  ResponsibleOut,
} from './pilots.schemas.js';
import { pilotItems, pilotProgrammes, pilotReports, pilotUnits } from './pilots.table.js';
import {
  act,
  appendEvents,
  attachmentFile,
  uploadAttachment,
  workHistory,
  type NewWorkEvent,
} from '../work/work.service.js';

type ProgrammeRow = typeof pilotProgrammes.$inferSelect;
type PilotUnitRow = typeof pilotUnits.$inferSelect;
type ItemRow = typeof pilotItems.$inferSelect;
type ReportRow = typeof pilotReports.$inferSelect;

const today = () => todayInVietnam();

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

// ---------------------------------------------------------------------------------------------------
// The committee, its members in a year, the units as they were and what continues them

export type CommitteeFacts = {
  id: string;
  name: string;
  hostUnitId: string;
  foundedOn: string;
  dissolvedOn: string | null;
  hostPath: string[];
};

export async function committeeFacts(ctx: RequestContext, committeeId: string): Promise<CommitteeFacts> {
  let c: CommitteeOut;
  try {
    c = await getCommittee(ctx, committeeId);
  } catch (e) {
    if (e instanceof AppError && e.status === 404)
      throw validation('committeeId', 'pilots.committee_not_found');
    throw e;
  }
  const path = (await unitFacts(ctx.db, [c.hostUnitId])).get(c.hostUnitId)?.path ?? [c.hostUnitId];
  return {
    id: c.id,
    name: c.name,
    hostUnitId: c.hostUnitId,
    foundedOn: c.foundedOn,
    dissolvedOn: c.dissolvedOn,
    hostPath: path,
  };
}

/**
 * The committee's members who sat on it in `year`: its composition on the first and on the last day of the
 * year it existed (committees.service `composition`), merged.
 */
async function membersOfYear(
  ctx: RequestContext,
  committee: CommitteeFacts,
  year: number,
): Promise<ResponsibleOut[]> {
  const { from, to } = yearBounds(year);
  const start = committee.foundedOn > from ? committee.foundedOn : from;
  const end = committee.dissolvedOn && committee.dissolvedOn < to ? committee.dissolvedOn : to;
  if (start > end) return [];
  const out = new Map<string, ResponsibleOut>();
  for (const date of start === end ? [start] : [start, end]) {
    for (const m of (await composition(ctx, committee.id, date)).members) {
      if (!overlapsYear(year, m.fromDate, m.toDate)) continue;
      out.set(m.id, {
        membershipId: m.id,
        name: m.name,
        position: m.position,
        office: m.office,
        fromDate: m.fromDate,
        toDate: m.toDate,
      });
    }
  }
  return [...out.values()];
}

type UnitAsItWas = {
  id: string;
  code: string;
  name: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  ended: boolean;
  successors: { id: string; code: string; name: string; kind: string }[];
};

/** Each unit's version in force on its last day in `year` (names and codes as they were then). */
async function unitsInYear(db: Db, units: Unit[], year: number) {
  const out = new Map<string, { code: string; name: string; kind: string }>();
  for (const u of units) {
    const day = dayInYear(year, u.validFrom, u.validTo);
    const version = day
      ? (await unitsAsOf(db, { date: day, withinId: u.id })).find((v) => v.id === u.id)
      : undefined;
    out.set(u.id, {
      code: version?.code ?? u.code,
      name: displayName({
        kind: u.kind,
        name: version?.name ?? u.name,
        fullName: version?.fullName ?? u.fullName,
      }),
      kind: u.kind,
    });
  }
  return out;
}

type Successor = UnitAsItWas['successors'][number];

/**
 * The units that carry ended units' facts on `on`: the unit registry's one resolver
 * (`units/carriers.service` `carriersOn`: lineage forward, and a district abolished in 2025 — which has no
 * successor of its own — carried by its communes' successors), for all the units of a page at once.
 */
async function successorsOf(
  db: Db,
  list: readonly { id: string; validTo: string | null }[],
  on: string,
): Promise<Map<string, Successor[]>> {
  const ended = list.filter((u) => u.validTo && hasEnded(u.validTo, on)).map((u) => u.id);
  const out = new Map<string, Successor[]>();
  for (const [id, c] of await carriersOn(db, ended, on)) {
    if (c.status !== 'carried') continue;
    out.set(
      id,
      c.carriers
        .map((s) => ({ id: s.unit.id, code: s.unit.code, name: displayName(s.unit), kind: s.unit.kind }))
        .sort((a, b) => viCollator.compare(a.name, b.name)),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Access

export function pilotSubject(committee: CommitteeFacts, unitPath: readonly string[]): PilotUnitSubject {
  return { hostPath: committee.hostPath, unitPath };
}

/** The caller's relation to a pilot unit's items, for the task workflow rules (../tasks). */
export function itemActor(actor: Actor, s: PilotUnitSubject): TaskActor {
  return {
    isAdmin: actor.hasRoleOver(['admin'], s.hostPath),
    isStandingAgency: actor.hasRoleOver(['standing_officer'], s.hostPath),
    isLeadUnitStaff: actor.hasRoleOver(['focal_point'], s.unitPath),
    isLeadUnitLeader: actor.hasRoleOver(['unit_leader'], s.unitPath),
  };
}

/** The caller's relation to a pilot unit's reports, for the report workflow rules. */
export function reportActor(actor: Actor, s: PilotUnitSubject): ReportActor {
  return {
    isAdmin: actor.hasRoleOver(['admin'], s.hostPath),
    isStandingAgency: actor.hasRoleOver(['standing_officer'], s.hostPath),
    isUnitStaff: actor.hasRoleOver(['focal_point'], s.unitPath),
    isUnitLeader: actor.hasRoleOver(['unit_leader'], s.unitPath),
  };
}

/** Which field a refused input concerns, for the web to show the message under it. */
const RULE_FIELDS: Partial<Record<TaskRuleKey | PilotRuleKey, string>> = {
  'tasks.output_required': 'output',
  'tasks.evidence_required': 'fileIds',
  'tasks.reason_required': 'reason',
  'tasks.document_required': 'documentId',
  'tasks.new_due_date_required': 'newDueDate',
  'tasks.new_due_date_invalid': 'newDueDate',
  'tasks.new_due_date_not_later': 'newDueDate',
  'pilots.report_overall_required': 'overall',
  'pilots.report_assessment_missing': 'assessments',
  'pilots.report_reason_required': 'reason',
};

/** A refusal of the workflow rules as an HTTP error: 403 for who, 409 for when, 400 for what is missing. */
export function ruleError(reason: TaskRuleKey | PilotRuleKey, params: Record<string, string | number> = {}) {
  if (reason.endsWith('_only')) return new AppError(403, 'FORBIDDEN', reason);
  const field = RULE_FIELDS[reason];
  if (field)
    return new AppError(400, 'VALIDATION_FAILED', reason, { field, ...params }, [{ field, message: reason }]);
  return new AppError(409, reason.startsWith('tasks.') ? 'TASK_STATUS' : 'REPORT_STATUS', reason);
}

// ---------------------------------------------------------------------------------------------------
// Loading

async function programmeRow(ctx: RequestContext, id: string): Promise<ProgrammeRow> {
  const [row] = await ctx.db.select().from(pilotProgrammes).where(eq(pilotProgrammes.id, id));
  if (!row) throw notFound('pilot_programme');
  return row;
}

async function pilotUnitRow(ctx: RequestContext, id: string): Promise<PilotUnitRow> {
  const [row] = await ctx.db.select().from(pilotUnits).where(eq(pilotUnits.id, id));
  if (!row) throw notFound('pilot_unit');
  return row;
}

async function itemRow(ctx: RequestContext, id: string): Promise<ItemRow> {
  const [row] = await ctx.db.select().from(pilotItems).where(eq(pilotItems.id, id));
  if (!row) throw notFound('pilot_item');
  return row;
}

async function unitPathOf(ctx: RequestContext, unitId: string): Promise<string[]> {
  return (await unitFacts(ctx.db, [unitId])).get(unitId)?.path ?? [unitId];
}

/** A pilot unit with its programme, committee and the caller's relation to it; 403 if it may not read it. */
export async function pilotUnitContext(ctx: RequestContext, pilotUnitId: string) {
  const actor = requireActor(ctx);
  const pu = await pilotUnitRow(ctx, pilotUnitId);
  const programme = await programmeRow(ctx, pu.programmeId);
  const committee = await committeeFacts(ctx, programme.committeeId);
  const subject = pilotSubject(committee, await unitPathOf(ctx, pu.unitId));
  if (!allow(pilotUnitPolicy, actor, 'read', subject)) throw forbidden();
  return { actor, pu, programme, committee, subject };
}

/** The day a pilot unit's items are timed on (`clockDay`: its last day if it has ended). */
async function clockOf(ctx: RequestContext, unitId: string, asOf: string): Promise<string> {
  const [unit] = await getUnits(ctx.db, [unitId]);
  return clockDay(asOf, unit?.validTo ?? null);
}

async function itemContext(ctx: RequestContext, itemId: string) {
  const item = await itemRow(ctx, itemId);
  return { item, ...(await pilotUnitContext(ctx, item.pilotUnitId)) };
}

// ---------------------------------------------------------------------------------------------------
// Presenting

type Calendar = Awaited<ReturnType<typeof loadCalendar>>;

/** The timing of an item on `asOf` (for a unit that has ended, `asOf` is its last day: `clockDay`). */
export const timingOf = (r: ItemRow, asOf: string, calendar: Calendar) =>
  taskTiming({
    status: r.status as TaskStatus,
    dueDate: r.dueDate,
    completedOn: r.reportedOn,
    today: asOf,
    rule: DEFAULT_TIMING_RULE,
    calendar,
  });

function presentItem(
  r: ItemRow,
  actor: Actor,
  subject: PilotUnitSubject,
  asOf: string,
  calendar: Calendar,
): ItemOut {
  return {
    id: r.id,
    pilotUnitId: r.pilotUnitId,
    title: r.title,
    description: r.description,
    reformArea: r.reformArea,
    dueDate: r.dueDate,
    originalDueDate: r.originalDueDate,
    status: r.status as TaskStatus,
    output: r.output,
    reportedOn: r.reportedOn,
    verifiedOn: r.verifiedOn,
    lastReason: r.lastReason,
    version: r.version,
    timing: timingOf(r, asOf, calendar),
    allowedActions: allowedActions(r.status as TaskStatus, itemActor(actor, subject)),
    abilities: { edit: allow(pilotUnitPolicy, actor, 'manage', subject) },
  };
}

const factOf = (r: ItemRow): TaskFact => ({
  id: r.id,
  status: r.status as TaskStatus,
  dueDate: r.dueDate,
  completedOn: r.reportedOn,
  verifiedOn: r.verifiedOn,
  reformArea: r.reformArea,
});

const kpisOf = (rows: ItemRow[], asOf: string, calendar: Calendar): Kpis =>
  computeKpis(rows.map(factOf), {
    method: 'count',
    today: asOf,
    timingRule: DEFAULT_TIMING_RULE,
    calendar,
  });

export async function itemsOf(ctx: RequestContext, pilotUnitIds: string[]): Promise<ItemRow[]> {
  if (!pilotUnitIds.length) return [];
  return ctx.db
    .select()
    .from(pilotItems)
    .where(inArray(pilotItems.pilotUnitId, pilotUnitIds))
    .orderBy(asc(pilotItems.dueDate), asc(pilotItems.title));
}

async function reportsOf(ctx: RequestContext, pilotUnitIds: string[]): Promise<ReportRow[]> {
  if (!pilotUnitIds.length) return [];
  return ctx.db.select().from(pilotReports).where(inArray(pilotReports.pilotUnitId, pilotUnitIds));
}

/** The cards of a programme's pilot units the caller may read, in Vietnamese order of the unit names. */
async function presentCards(
  ctx: RequestContext,
  programme: ProgrammeRow,
  committee: CommitteeFacts,
  rows: PilotUnitRow[],
  asOf: string,
): Promise<PilotUnitCardOut[]> {
  const actor = requireActor(ctx);
  if (!rows.length) return [];
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const visible = rows.filter((r) =>
    allow(pilotUnitPolicy, actor, 'read', pilotSubject(committee, facts.get(r.unitId)?.path ?? [r.unitId])),
  );
  if (!visible.length) return [];
  const units = await getUnits(
    ctx.db,
    visible.map((r) => r.unitId),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const asTheyWere = await unitsInYear(ctx.db, units, programme.year);
  const members = new Map(
    (await membersOfYear(ctx, committee, programme.year)).map((m) => [m.membershipId, m]),
  );
  // A responsible member named anew after a kiện toàn (stale links) may sit on the committee only today.
  if (rows.some((r) => r.responsibleMembershipId && !members.has(r.responsibleMembershipId)))
    for (const m of (await composition(ctx, committee.id, today())).members)
      if (!members.has(m.id))
        members.set(m.id, {
          membershipId: m.id,
          name: m.name,
          position: m.position,
          office: m.office,
          fromDate: m.fromDate,
          toDate: m.toDate,
        });
  const items = await itemsOf(
    ctx,
    visible.map((r) => r.id),
  );
  const reports = await reportsOf(
    ctx,
    visible.map((r) => r.id),
  );
  const calendar = await loadCalendar(ctx.db);
  const now = today();
  const successors = await successorsOf(ctx.db, units, now);
  const cards: PilotUnitCardOut[] = [];
  for (const r of visible) {
    const u = unitById.get(r.unitId)!;
    const was = asTheyWere.get(r.unitId)!;
    const mine = items.filter((i) => i.pilotUnitId === r.id);
    const clock = clockDay(asOf, u.validTo);
    const timings = mine.map((i) => ({ id: i.id, state: timingOf(i, clock, calendar).state }));
    const subject = pilotSubject(committee, facts.get(r.unitId)?.path ?? [r.unitId]);
    cards.push({
      id: r.id,
      programmeId: r.programmeId,
      year: programme.year,
      unit: {
        id: u.id,
        code: was.code,
        name: was.name,
        kind: u.kind,
        validFrom: u.validFrom,
        validTo: u.validTo,
        ended: hasEnded(u.validTo, now),
        successors: successors.get(u.id) ?? [],
      },
      responsible: r.responsibleMembershipId ? (members.get(r.responsibleMembershipId) ?? null) : null,
      note: r.note,
      version: r.version,
      progress: {
        total: mine.length,
        verified: mine.filter((i) => i.status === 'verified').length,
        overdue: timings.filter((t) => t.state === 'overdue').length,
        verifiedItemIds: mine.filter((i) => i.status === 'verified').map((i) => i.id),
        overdueItemIds: timings.filter((t) => t.state === 'overdue').map((t) => t.id),
      },
      reports: REPORT_KINDS.map((kind) => {
        const rep = reports.find((x) => x.pilotUnitId === r.id && x.kind === kind);
        return { kind, status: rep && isReportStatus(rep.status) && !isUnwritten(rep) ? rep.status : null };
      }),
      abilities: abilities(pilotUnitPolicy, actor, subject),
    });
  }
  return cards.sort((a, b) => viCollator.compare(a.unit.name, b.unit.name));
}

const docRef = (refs: Map<string, DocumentRef>, id: string | null) => (id ? (refs.get(id) ?? null) : null);

async function presentProgramme(
  ctx: RequestContext,
  programme: ProgrammeRow,
  committee: CommitteeFacts,
  asOf: string,
): Promise<ProgrammeOut | null> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.select().from(pilotUnits).where(eq(pilotUnits.programmeId, programme.id));
  const can = abilities(programmePolicy, actor, { hostPath: committee.hostPath });
  const cards = await presentCards(ctx, programme, committee, rows, asOf);
  if (!can.read && !cards.length) return null;
  const refs = await documentRefs(ctx, programme.decisionDocumentId ? [programme.decisionDocumentId] : []);
  return {
    id: programme.id,
    committeeId: programme.committeeId,
    committeeName: committee.name,
    year: programme.year,
    decisionDocumentId: programme.decisionDocumentId,
    decision: docRef(refs, programme.decisionDocumentId),
    note: programme.note,
    version: programme.version,
    abilities: can,
    pilotUnits: cards,
  };
}

/**
 * A report row made when its pilot unit was added (so the report is owed, and on the unit's list of work,
 * from the start) that nobody has written yet: shown as not written, and writable without a version.
 */
export const isUnwritten = (r: {
  status: string;
  version: number;
  overall: string;
  assessments: unknown[];
}) => r.status === 'draft' && r.version === 1 && r.overall === '' && r.assessments.length === 0;

/** The report rows a pilot unit owes from the day it is added (both kinds, unwritten drafts). */
export const owedReportRows = (pilotUnitId: string) =>
  REPORT_KINDS.map((kind) => ({ pilotUnitId, kind, status: 'draft' as const }));

async function presentReports(
  ctx: RequestContext,
  pu: PilotUnitRow,
  year: number,
  items: ItemRow[],
  who: ReportActor,
  rows: ReportRow[],
): Promise<ReportOut[]> {
  const calendar = await loadCalendar(ctx.db);
  const rules = await rulesForReport(ctx.db, 'pilot_report', `${year}-01-01`);
  const hooks = { addWorkingDays: calendar.addWorkingDays };
  const people = new Map(
    (
      await usersByIds(ctx, [
        ...new Set(rows.flatMap((r) => [r.submittedBy, r.reviewedBy]).filter((x): x is string => !!x)),
      ])
    ).map((u) => [u.id, u.fullName]),
  );
  const itemIds = new Set(items.map((i) => i.id));
  return REPORT_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    const period = reportPeriod(kind, year);
    const info = describePeriod(period, rules, ctx.locale, hooks);
    const status = row && isReportStatus(row.status) && !isUnwritten(row) ? row.status : null;
    const submitted = row?.submittedOn && status !== 'draft' ? row.submittedOn : null;
    return {
      id: row?.id ?? null,
      pilotUnitId: pu.id,
      kind,
      period: { key: info.key, label: info.label, window: info.window, due: info.due },
      status,
      overall: row?.overall ?? '',
      assessments: (row?.assessments ?? []).filter((a) => itemIds.has(a.itemId)),
      submittedOn: row?.submittedOn ?? null,
      submittedByName: row?.submittedBy ? (people.get(row.submittedBy) ?? null) : null,
      reviewedOn: row?.reviewedOn ?? null,
      reviewedByName: row?.reviewedBy ? (people.get(row.reviewedBy) ?? null) : null,
      returnReason: row?.returnReason ?? null,
      daysLate: submitted ? daysLate(submitted, period, rules, hooks) : null,
      version: row?.version ?? null,
      allowedActions: allowedReportActions(status, who),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Programmes

export async function requireDocument(ctx: RequestContext, field: string, id: string | null | undefined) {
  if (!id) return;
  if (!(await documentRefs(ctx, [id])).has(id)) throw validation(field, 'pilots.document_not_found');
}

/** Programmes of a year (default: the latest year with one) with the pilot units the caller may read. */
export async function listProgrammes(
  ctx: RequestContext,
  query: { year?: number | undefined; committeeId?: string | undefined },
  asOf = today(),
): Promise<ProgrammeListOut> {
  const actor = requireActor(ctx);
  const all = await ctx.db
    .select()
    .from(pilotProgrammes)
    .where(query.committeeId ? eq(pilotProgrammes.committeeId, query.committeeId) : undefined)
    .orderBy(desc(pilotProgrammes.year));
  const committees = new Map<string, CommitteeFacts>();
  for (const id of new Set(all.map((p) => p.committeeId))) committees.set(id, await committeeFacts(ctx, id));
  const years = [...new Set(all.map((p) => p.year))];
  const year = query.year ?? years[0] ?? null;
  const items: ProgrammeOut[] = [];
  for (const p of all.filter((x) => x.year === year)) {
    const presented = await presentProgramme(ctx, p, committees.get(p.committeeId)!, asOf);
    if (presented) items.push(presented);
  }
  return {
    year,
    years,
    items,
    abilities: { create: actor.hasRole('admin', 'standing_officer') },
  };
}

export async function getProgramme(ctx: RequestContext, id: string, asOf = today()): Promise<ProgrammeOut> {
  requireActor(ctx);
  const p = await programmeRow(ctx, id);
  const presented = await presentProgramme(ctx, p, await committeeFacts(ctx, p.committeeId), asOf);
  if (!presented) throw forbidden();
  return presented;
}

export async function createProgramme(ctx: RequestContext, input: ProgrammeInput): Promise<ProgrammeOut> {
  const actor = requireActor(ctx);
  const committee = await committeeFacts(ctx, input.committeeId);
  if (!canCreateProgramme(actor, committee.hostPath)) throw forbidden();
  if (!overlapsYear(input.year, committee.foundedOn, committee.dissolvedOn))
    throw validation('year', 'pilots.committee_not_in_year', { year: input.year });
  await requireDocument(ctx, 'decisionDocumentId', input.decisionDocumentId);
  const [existing] = await ctx.db
    .select({ id: pilotProgrammes.id })
    .from(pilotProgrammes)
    .where(and(eq(pilotProgrammes.committeeId, input.committeeId), eq(pilotProgrammes.year, input.year)));
  if (existing) throw conflict('pilots.programme_exists', { year: input.year });
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(pilotProgrammes)
      .values({
        committeeId: input.committeeId,
        year: input.year,
        decisionDocumentId: input.decisionDocumentId ?? null,
        note: input.note ?? null,
        createdBy: actor.user.id,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'pilot_programme', entityId: created!.id, after: created },
    );
    return created!;
  });
  return (await presentProgramme(ctx, row, committee, today()))!;
}

export async function updateProgramme(
  ctx: RequestContext,
  id: string,
  input: ProgrammeUpdate,
): Promise<ProgrammeOut> {
  const actor = requireActor(ctx);
  const current = await programmeRow(ctx, id);
  const committee = await committeeFacts(ctx, current.committeeId);
  if (!allow(programmePolicy, actor, 'manage', { hostPath: committee.hostPath })) throw forbidden();
  await requireDocument(ctx, 'decisionDocumentId', input.decisionDocumentId);
  const { version, ...patch } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pilotProgrammes)
      .set({ ...patch, version: sql`${pilotProgrammes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pilotProgrammes.id, id), eq(pilotProgrammes.version, version)))
      .returning();
    if (!updated) throw staleVersion('pilot_programme', current.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'pilot_programme', entityId: id, before: current, after: updated },
    );
    return updated;
  });
  return (await presentProgramme(ctx, row, committee, today()))!;
}

/** The committee members who sat on it in the programme's year (to pick the responsible member from). */
export async function programmeMembers(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const p = await programmeRow(ctx, id);
  const committee = await committeeFacts(ctx, p.committeeId);
  if (!allow(programmePolicy, actor, 'read', { hostPath: committee.hostPath })) throw forbidden();
  return { year: p.year, items: await membersOfYear(ctx, committee, p.year) };
}

// ---------------------------------------------------------------------------------------------------
// Pilot units

async function requireMember(
  ctx: RequestContext,
  committee: CommitteeFacts,
  year: number,
  membershipId: string | null | undefined,
) {
  if (!membershipId) return;
  const members = await membersOfYear(ctx, committee, year);
  if (!members.some((m) => m.membershipId === membershipId))
    throw validation('responsibleMembershipId', 'pilots.member_not_in_year', { year });
}

/**
 * Adds a unit to a year's programme. The unit must have been in force in that year (a unit that ended
 * since is still the right choice for a past year); the responsible member must have sat on the committee
 * that year.
 */
export async function addPilotUnit(
  ctx: RequestContext,
  programmeId: string,
  input: PilotUnitInput,
): Promise<PilotUnitCardOut> {
  const actor = requireActor(ctx);
  const programme = await programmeRow(ctx, programmeId);
  const committee = await committeeFacts(ctx, programme.committeeId);
  if (!allow(programmePolicy, actor, 'manage', { hostPath: committee.hostPath })) throw forbidden();
  const [unit] = await getUnits(ctx.db, [input.unitId]);
  if (!unit) throw validation('unitId', 'unit.not_found');
  if (!dayInYear(programme.year, unit.validFrom, unit.validTo))
    throw validation('unitId', 'pilots.unit_not_in_year', {
      name: displayName(unit),
      year: programme.year,
    });
  await requireMember(ctx, committee, programme.year, input.responsibleMembershipId);
  const [dup] = await ctx.db
    .select({ id: pilotUnits.id })
    .from(pilotUnits)
    .where(and(eq(pilotUnits.programmeId, programmeId), eq(pilotUnits.unitId, input.unitId)));
  if (dup) throw conflict('pilots.unit_already_pilot', { name: displayName(unit), year: programme.year });
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(pilotUnits)
      .values({
        programmeId,
        unitId: input.unitId,
        responsibleMembershipId: input.responsibleMembershipId ?? null,
        note: input.note ?? null,
      })
      .returning();
    await tx
      .update(pilotProgrammes)
      .set({ version: sql`${pilotProgrammes.version} + 1`, updatedAt: new Date() })
      .where(eq(pilotProgrammes.id, programmeId));
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'pilot_unit', entityId: created!.id, after: created },
    );
    // Its 6-monthly and year-end reports are owed from today: they are work items from the start.
    for (const rep of await tx.insert(pilotReports).values(owedReportRows(created!.id)).returning())
      await recordChange(
        { ...ctx, db: tx },
        { action: 'create', entity: 'pilot_report', entityId: rep.id, after: rep },
      );
    return created!;
  });
  return (await presentCards(ctx, programme, committee, [row], today()))[0]!;
}

export async function updatePilotUnit(
  ctx: RequestContext,
  id: string,
  input: PilotUnitUpdate,
): Promise<PilotUnitCardOut> {
  const { actor, pu, programme, committee, subject } = await pilotUnitContext(ctx, id);
  if (!allow(pilotUnitPolicy, actor, 'manage', subject)) throw forbidden();
  await requireMember(ctx, committee, programme.year, input.responsibleMembershipId);
  const { version, ...patch } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pilotUnits)
      .set({ ...patch, version: sql`${pilotUnits.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pilotUnits.id, id), eq(pilotUnits.version, version)))
      .returning();
    if (!updated) throw staleVersion('pilot_unit', pu.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'pilot_unit', entityId: id, before: pu, after: updated },
    );
    return updated;
  });
  return (await presentCards(ctx, programme, committee, [row], today()))[0]!;
}

/**
 * A pilot unit's page: the unit as it was (and, if it has ended, the units that continue it), its
 * responsible member, its items with their timing and the actions the caller may take, its two reports
 * and its KPIs.
 */
export async function getPilotUnit(
  ctx: RequestContext,
  id: string,
  asOf = today(),
): Promise<PilotUnitDetailOut> {
  const { actor, pu, programme, committee, subject } = await pilotUnitContext(ctx, id);
  const [card] = await presentCards(ctx, programme, committee, [pu], asOf);
  const items = await itemsOf(ctx, [pu.id]);
  const calendar = await loadCalendar(ctx.db);
  const clock = clockDay(asOf, card!.unit.validTo);
  const refs = await documentRefs(ctx, programme.decisionDocumentId ? [programme.decisionDocumentId] : []);
  return {
    ...card!,
    programme: {
      id: programme.id,
      year: programme.year,
      committeeId: committee.id,
      committeeName: committee.name,
      decision: docRef(refs, programme.decisionDocumentId),
    },
    items: items.map((r) => presentItem(r, actor, subject, clock, calendar)),
    reports: await presentReports(
      ctx,
      pu,
      programme.year,
      items,
      reportActor(actor, subject),
      await reportsOf(ctx, [pu.id]),
    ),
    kpis: kpisOf(items, clock, calendar),
  };
}

// ---------------------------------------------------------------------------------------------------
// Items

export async function addItem(ctx: RequestContext, pilotUnitId: string, input: ItemInput): Promise<ItemOut> {
  const { actor, pu, programme, subject } = await pilotUnitContext(ctx, pilotUnitId);
  if (!allow(pilotUnitPolicy, actor, 'manage', subject)) throw forbidden();
  if (!dueInYear(programme.year, input.dueDate))
    throw validation('dueDate', 'pilots.due_not_in_year', { year: programme.year });
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(pilotItems)
      .values({
        pilotUnitId,
        title: input.title,
        description: input.description ?? null,
        reformArea: input.reformArea,
        dueDate: input.dueDate,
        originalDueDate: input.dueDate,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'pilot_item', entityId: created!.id, after: created },
    );
    return created!;
  });
  return presentItem(row, actor, subject, await clockOf(ctx, pu.unitId, today()), await loadCalendar(ctx.db));
}

export async function updateItem(ctx: RequestContext, id: string, input: ItemUpdate): Promise<ItemOut> {
  const { actor, item, pu, subject } = await itemContext(ctx, id);
  if (!allow(pilotUnitPolicy, actor, 'manage', subject)) throw forbidden();
  const { version, ...patch } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pilotItems)
      .set({ ...patch, version: sql`${pilotItems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pilotItems.id, id), eq(pilotItems.version, version)))
      .returning();
    if (!updated) throw staleVersion('pilot_item', item.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'pilot_item', entityId: id, before: item, after: updated },
    );
    return updated;
  });
  return presentItem(row, actor, subject, await clockOf(ctx, pu.unitId, today()), await loadCalendar(ctx.db));
}

/**
 * Moves an item through the task workflow (../tasks): the pilot unit reports it done with its output and
 * evidence; the standing agency verifies it or returns it with a reason; cancelling or extending needs a
 * reason and a document. Version-checked; the change, its item event and the journal entry commit together.
 */
export async function actOnItem(
  ctx: RequestContext,
  itemId: string,
  input: ItemActionInput,
): Promise<ItemOut> {
  await act(ctx, 'pilot_item', itemId, input);
  const { actor, item, pu, subject } = await itemContext(ctx, itemId);
  return presentItem(
    item,
    actor,
    subject,
    await clockOf(ctx, pu.unitId, today()),
    await loadCalendar(ctx.db),
  );
}

/** Evidence upload for an item by the pilot unit or the standing agency (linked when an action cites it). */
export async function uploadItemEvidence(
  ctx: RequestContext,
  store: FileStore,
  itemId: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
  keepHours?: number,
) {
  return uploadAttachment(ctx, store, 'pilot_item', itemId, upload, maxBytes, keepHours);
}

/** An item's status changes, with who acted and the evidence files' names. */
export async function itemHistory(ctx: RequestContext, itemId: string) {
  return workHistory(ctx, 'pilot_item', itemId);
}

/** An evidence file cited by one of an item's events, for whoever may read the pilot unit. */
export async function itemEvidenceFile(ctx: RequestContext, itemId: string, fileId: string) {
  return attachmentFile(ctx, 'pilot_item', itemId, fileId);
}

// ---------------------------------------------------------------------------------------------------
// Reports

/** Assessments limited to the unit's items, trimmed, one per item (the last one given wins). */
function cleanAssessments(given: { itemId: string; text: string }[], items: ItemRow[]) {
  const ids = new Set(items.map((i) => i.id));
  const byItem = new Map<string, string>();
  for (const a of given) {
    if (!ids.has(a.itemId)) throw validation('assessments', 'pilots.assessment_unknown_item');
    const text = a.text.trim();
    if (text) byItem.set(a.itemId, text);
    else byItem.delete(a.itemId);
  }
  return items.filter((i) => byItem.has(i.id)).map((i) => ({ itemId: i.id, text: byItem.get(i.id)! }));
}

/** The items a report must assess: all but the cancelled ones. */
export const owedItemIds = (items: ItemRow[]) =>
  items.filter((i) => i.status !== 'cancelled').map((i) => i.id);

async function presentOneReport(ctx: RequestContext, pilotUnitId: string, kind: ReportKind) {
  const { actor, pu, programme, subject } = await pilotUnitContext(ctx, pilotUnitId);
  const items = await itemsOf(ctx, [pu.id]);
  const all = await presentReports(
    ctx,
    pu,
    programme.year,
    items,
    reportActor(actor, subject),
    await reportsOf(ctx, [pu.id]),
  );
  return all.find((r) => r.kind === kind)!;
}

/**
 * Writes a pilot unit's 6-monthly or year-end report (its focal point or leader): the overall assessment
 * and one per item; with `submit`, also sends it to the standing agency, which then needs every item
 * assessed. One report per pilot unit and kind; version-checked once it exists.
 */
export async function saveReport(
  ctx: RequestContext,
  pilotUnitId: string,
  kind: ReportKind,
  input: ReportSaveInput,
): Promise<ReportOut> {
  const { actor, pu, subject } = await pilotUnitContext(ctx, pilotUnitId);
  const [existing] = await ctx.db
    .select()
    .from(pilotReports)
    .where(and(eq(pilotReports.pilotUnitId, pu.id), eq(pilotReports.kind, kind)));
  if (existing && input.version != null && input.version !== existing.version)
    throw staleVersion('pilot_report', existing.version);
  if (existing && input.version == null && !isUnwritten(existing))
    throw staleVersion('pilot_report', existing.version);
  const current = existing && isReportStatus(existing.status) ? existing.status : null;
  const who = reportActor(actor, subject);
  const saved = reportTransition(current, 'save', who);
  if (!saved.ok) throw ruleError(saved.reason);
  const items = await itemsOf(ctx, [pu.id]);
  const assessments = cleanAssessments(input.assessments, items);
  const overall = input.overall.trim();
  if (input.submit) {
    // Checked before anything is written: a report that cannot be submitted is not half-saved either.
    const submitted = reportTransition(current, 'submit', {
      ...who,
      overall,
      itemIds: owedItemIds(items),
      assessedItemIds: assessments.map((a) => a.itemId),
    });
    if (!submitted.ok) throw ruleError(submitted.reason, { count: submitted.missingItemIds?.length ?? 0 });
  }
  const values = { status: saved.next, overall, assessments };
  const written = await ctx.db.transaction(async (tx) => {
    if (!existing) {
      const [created] = await tx
        .insert(pilotReports)
        .values({ pilotUnitId: pu.id, kind, ...values })
        .returning();
      await recordChange(
        { ...ctx, db: tx },
        { action: 'save', entity: 'pilot_report', entityId: created!.id, after: created },
      );
      return created!;
    }
    const [updated] = await tx
      .update(pilotReports)
      .set({ ...values, version: sql`${pilotReports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pilotReports.id, existing.id), eq(pilotReports.version, existing.version)))
      .returning();
    if (!updated) throw staleVersion('pilot_report', existing.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'save', entity: 'pilot_report', entityId: existing.id, before: existing, after: updated },
    );
    return updated;
  });
  // Sending is the engine's step (its event, journal entry and the standing agency's notification).
  if (input.submit)
    await act(ctx, 'pilot_report', written.id, { action: 'submit', version: written.version });
  return presentOneReport(ctx, pu.id, kind);
}

/**
 * Submits a saved report, or (the standing agency) accepts it or returns it with a reason: a step of the
 * work engine (kind `pilot_report`), with its event, journal entry and notifications.
 */
export async function actOnReport(
  ctx: RequestContext,
  reportId: string,
  input: ReportActionInput,
): Promise<ReportOut> {
  const [report] = await ctx.db.select().from(pilotReports).where(eq(pilotReports.id, reportId));
  if (!report) throw notFound('pilot_report');
  await pilotUnitContext(ctx, report.pilotUnitId);
  await act(ctx, 'pilot_report', reportId, input);
  return presentOneReport(ctx, report.pilotUnitId, report.kind as ReportKind);
}

// ---------------------------------------------------------------------------------------------------
// For other modules

/**
 * Items of the pilot units among `unitIds` (any year) that the caller may read, with their derived timing,
 * overdue first — for the member cockpit. Units are matched as they are recorded (a unit that ended keeps
 * its own items; restate them with lineage.service if today's units are wanted).
 */
export async function pilotItemsForUnits(
  ctx: RequestContext,
  unitIds: readonly string[],
  asOf = today(),
): Promise<PilotItemForUnit[]> {
  const actor = requireActor(ctx);
  if (!unitIds.length) return [];
  const found = await ctx.db
    .select({ item: pilotItems, pu: pilotUnits, programme: pilotProgrammes })
    .from(pilotItems)
    .innerJoin(pilotUnits, eq(pilotUnits.id, pilotItems.pilotUnitId))
    .innerJoin(pilotProgrammes, eq(pilotProgrammes.id, pilotUnits.programmeId))
    .where(inArray(pilotUnits.unitId, [...new Set(unitIds)]));
  if (!found.length) return [];
  const committees = new Map<string, CommitteeFacts>();
  for (const id of new Set(found.map((f) => f.programme.committeeId)))
    committees.set(id, await committeeFacts(ctx, id));
  const facts = await unitFacts(
    ctx.db,
    found.map((f) => f.pu.unitId),
  );
  const units = new Map(
    (
      await getUnits(
        ctx.db,
        found.map((f) => f.pu.unitId),
      )
    ).map((u) => [u.id, { name: displayName(u), validTo: u.validTo }]),
  );
  const calendar = await loadCalendar(ctx.db);
  return found
    .filter((f) =>
      allow(
        pilotUnitPolicy,
        actor,
        'read',
        pilotSubject(committees.get(f.programme.committeeId)!, facts.get(f.pu.unitId)?.path ?? []),
      ),
    )
    .map((f) => ({
      id: f.item.id,
      title: f.item.title,
      reformArea: f.item.reformArea,
      status: f.item.status as TaskStatus,
      dueDate: f.item.dueDate,
      unitId: f.pu.unitId,
      unitName: units.get(f.pu.unitId)?.name ?? '',
      pilotUnitId: f.pu.id,
      year: f.programme.year,
      timing: timingOf(f.item, clockDay(asOf, units.get(f.pu.unitId)?.validTo ?? null), calendar),
    }))
    .sort(byUrgency);
}

/**
 * Per pilot unit of a programme (those the caller may read): the KPIs of its items (computeKpis of
 * ../tasks, `count` method), every number with the ids of the items it counts; and overall.
 */
export async function pilotKpis(
  ctx: RequestContext,
  programmeId: string,
  asOf = today(),
): Promise<PilotKpisOut> {
  const actor = requireActor(ctx);
  const programme = await programmeRow(ctx, programmeId);
  const committee = await committeeFacts(ctx, programme.committeeId);
  const rows = await ctx.db.select().from(pilotUnits).where(eq(pilotUnits.programmeId, programmeId));
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const visible = rows.filter((r) =>
    allow(pilotUnitPolicy, actor, 'read', pilotSubject(committee, facts.get(r.unitId)?.path ?? [])),
  );
  if (!visible.length && !allow(programmePolicy, actor, 'read', { hostPath: committee.hostPath }))
    throw forbidden();
  const units = await getUnits(
    ctx.db,
    visible.map((r) => r.unitId),
  );
  const names = await unitsInYear(ctx.db, units, programme.year);
  const items = await itemsOf(
    ctx,
    visible.map((r) => r.id),
  );
  const calendar = await loadCalendar(ctx.db);
  const validTo = new Map(units.map((u) => [u.id, u.validTo]));
  const perUnit = visible
    .map((r) => ({
      pilotUnitId: r.id,
      unitId: r.unitId,
      unitName: names.get(r.unitId)?.name ?? '',
      kpis: kpisOf(
        items.filter((i) => i.pilotUnitId === r.id),
        clockDay(asOf, validTo.get(r.unitId) ?? null),
        calendar,
      ),
    }))
    .sort((a, b) => viCollator.compare(a.unitName, b.unitName));
  return {
    programmeId,
    year: programme.year,
    asOf,
    overall: mergeKpis(
      perUnit.map((u) => u.kpis),
      items,
    ),
    units: perUnit,
  };
}

const METRICS = [
  'total',
  'notStarted',
  'inProgress',
  'reportedDone',
  'returned',
  'verified',
  'cancelled',
  'verifiedOnTime',
  'overdue',
] as const;

/** The programme's KPIs as the sum of its units' (each timed on its own clock day), ids kept. */
function mergeKpis(parts: Kpis[], items: ItemRow[]): Kpis {
  const metric = (key: (typeof METRICS)[number]) => {
    const taskIds = parts.flatMap((p) => p[key].taskIds);
    return { value: taskIds.length, taskIds };
  };
  return {
    ...(Object.fromEntries(METRICS.map((k) => [k, metric(k)])) as Record<
      (typeof METRICS)[number],
      Kpis['total']
    >),
    completionPct: completion(items.map(factOf), 'count'),
  };
}

// ---------------------------------------------------------------------------------------------------
// Seeding (demo, imports): no permission check, the caller's transaction, every row journalled

export type SeedItem = ItemInput & {
  status: TaskStatus;
  reportedOn?: string | null;
  verifiedOn?: string | null;
  output?: string | null;
  lastReason?: string | null;
};

export type SeedReport = {
  kind: ReportKind;
  status: ReportStatus;
  overall: string;
  /** One assessment text per item, in the order of the pilot unit's items. */
  assessments: string[];
  submittedOn?: string | null;
  reviewedOn?: string | null;
  returnReason?: string | null;
};

export type SeedPilotUnit = {
  unitId: string;
  responsibleMembershipId: string | null;
  note?: string | null;
  items: SeedItem[];
  reports: SeedReport[];
};

export async function programmeExists(ctx: RequestContext, committeeId: string, year: number) {
  const [row] = await ctx.db
    .select({ id: pilotProgrammes.id })
    .from(pilotProgrammes)
    .where(and(eq(pilotProgrammes.committeeId, committeeId), eq(pilotProgrammes.year, year)));
  return !!row;
}

/** The members of a committee in a year (for seeding: no permission check beyond a signed-in context). */
export async function committeeMembersOfYear(ctx: RequestContext, committeeId: string, year: number) {
  return membersOfYear(ctx, await committeeFacts(ctx, committeeId), year);
}

function seedEvents(itemId: string, s: SeedItem): NewWorkEvent[] {
  const events: NewWorkEvent[] = [];
  const reported = s.reportedOn ?? null;
  if (s.status !== 'not_started' && reported)
    events.push({
      kind: 'pilot_item',
      itemId,
      action: 'start',
      fromStatus: 'not_started',
      toStatus: 'in_progress',
      on: reported,
    });
  if (s.lastReason && reported) {
    events.push({
      kind: 'pilot_item',
      itemId,
      action: 'report_done',
      fromStatus: 'in_progress',
      toStatus: 'reported_done',
      note: s.output ?? null,
      on: reported,
    });
    events.push({
      kind: 'pilot_item',
      itemId,
      action: 'return',
      fromStatus: 'reported_done',
      toStatus: 'returned',
      note: s.lastReason,
      on: reported,
    });
  }
  if ((s.status === 'reported_done' || s.status === 'verified') && reported)
    events.push({
      kind: 'pilot_item',
      itemId,
      action: 'report_done',
      fromStatus: s.lastReason ? 'returned' : 'in_progress',
      toStatus: 'reported_done',
      note: s.output ?? null,
      on: reported,
    });
  if (s.status === 'verified' && s.verifiedOn)
    events.push({
      kind: 'pilot_item',
      itemId,
      action: 'verify',
      fromStatus: 'reported_done',
      toStatus: 'verified',
      on: s.verifiedOn,
    });
  return events;
}

/** The submission and review of a seeded report, as the history an acted one would have. */
function seededReportEvents(r: ReportRow): NewWorkEvent[] {
  const at = (on: string, hour: number) =>
    new Date(Date.parse(`${on}T${String(hour).padStart(2, '0')}:00:00+07:00`));
  const events: NewWorkEvent[] = [];
  const base = { kind: 'pilot_report' as const, itemId: r.id };
  if (r.submittedOn)
    events.push({
      ...base,
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
      note: r.overall,
      on: r.submittedOn,
      at: at(r.submittedOn, 9),
    });
  if (r.reviewedOn && (r.status === 'accepted' || r.status === 'returned'))
    events.push({
      ...base,
      action: r.status === 'accepted' ? 'accept' : 'return',
      fromStatus: 'submitted',
      toStatus: r.status,
      note: r.returnReason,
      on: r.reviewedOn,
      at: at(r.reviewedOn, 10),
    });
  return events;
}

/** Inserts a programme with its pilot units, their items (with status history) and reports. */
export async function insertProgramme(
  ctx: RequestContext,
  programme: { committeeId: string; year: number; decisionDocumentId: string | null; note?: string | null },
  units: SeedPilotUnit[],
): Promise<string> {
  const [p] = await ctx.db
    .insert(pilotProgrammes)
    .values({ ...programme, note: programme.note ?? null })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'pilot_programme', entityId: p!.id, after: p });
  for (const u of units) {
    const [pu] = await ctx.db
      .insert(pilotUnits)
      .values({
        programmeId: p!.id,
        unitId: u.unitId,
        responsibleMembershipId: u.responsibleMembershipId,
        note: u.note ?? null,
      })
      .returning();
    await recordChange(ctx, { action: 'create', entity: 'pilot_unit', entityId: pu!.id, after: pu });
    const items = u.items.length
      ? await ctx.db
          .insert(pilotItems)
          .values(
            u.items.map((s) => ({
              pilotUnitId: pu!.id,
              title: s.title,
              description: s.description ?? null,
              reformArea: s.reformArea,
              dueDate: s.dueDate,
              originalDueDate: s.dueDate,
              status: s.status,
              output: s.output ?? null,
              reportedOn: s.status === 'reported_done' || s.status === 'verified' ? s.reportedOn : null,
              verifiedOn: s.status === 'verified' ? s.verifiedOn : null,
              lastReason: s.lastReason ?? null,
            })),
          )
          .returning()
      : [];
    const events = items.flatMap((row, i) => seedEvents(row.id, u.items[i]!));
    await appendEvents(ctx.db, events);
    for (const row of items)
      await recordChange(ctx, { action: 'create', entity: 'pilot_item', entityId: row.id, after: row });
    for (const r of u.reports) {
      const [rep] = await ctx.db
        .insert(pilotReports)
        .values({
          pilotUnitId: pu!.id,
          kind: r.kind,
          status: r.status,
          overall: r.overall,
          assessments: items.flatMap((row, i) =>
            r.assessments[i] ? [{ itemId: row.id, text: r.assessments[i]! }] : [],
          ),
          submittedOn: r.submittedOn ?? null,
          reviewedOn: r.reviewedOn ?? null,
          returnReason: r.returnReason ?? null,
        })
        .returning();
      await recordChange(ctx, { action: 'create', entity: 'pilot_report', entityId: rep!.id, after: rep });
      await appendEvents(ctx.db, seededReportEvents(rep!));
    }
    const owed = owedReportRows(pu!.id).filter((o) => !u.reports.some((r) => r.kind === o.kind));
    if (owed.length)
      for (const rep of await ctx.db.insert(pilotReports).values(owed).returning())
        await recordChange(ctx, { action: 'create', entity: 'pilot_report', entityId: rep.id, after: rep });
  }
  return p!.id;
}

// ---------------------------------------------------------------------------------------------------
// Stale links (units/stale-links.service): pilot units whose responsible member no longer fits

/**
 * Read-only: the pilot units that still have open items (not started, in progress, returned or reported
 * and awaiting verification), with their programme's year and committee and their responsible membership.
 * No access check: the caller filters by the unit and the committee's host.
 */
export async function pilotUnitsWithOpenItems(db: Db) {
  const found = await db
    .select({
      id: pilotUnits.id,
      version: pilotUnits.version,
      unitId: pilotUnits.unitId,
      responsibleMembershipId: pilotUnits.responsibleMembershipId,
      programmeId: pilotProgrammes.id,
      year: pilotProgrammes.year,
      committeeId: pilotProgrammes.committeeId,
      open: sql<number>`count(${pilotItems.id})::int`,
    })
    .from(pilotUnits)
    .innerJoin(pilotProgrammes, eq(pilotProgrammes.id, pilotUnits.programmeId))
    .innerJoin(pilotItems, eq(pilotItems.pilotUnitId, pilotUnits.id))
    .where(inArray(pilotItems.status, [...OPEN_STATUSES, 'reported_done']))
    .groupBy(pilotUnits.id, pilotProgrammes.id);
  return found.map((r) => ({ ...r, open: Number(r.open) }));
}

/**
 * Names a pilot unit's responsible member anew (the standing agency; version-checked: 409; journalled).
 * Unlike choosing one for the year, the member may be one in force on `on` (today): open items of an
 * earlier year need someone on the committee now, after a kiện toàn replaced the one named then.
 */
export async function reassignResponsible(
  ctx: RequestContext,
  id: string,
  input: { responsibleMembershipId: string; version: number },
  on = today(),
): Promise<void> {
  const { actor, pu, committee, subject } = await pilotUnitContext(ctx, id);
  if (!allow(pilotUnitPolicy, actor, 'manage', subject)) throw forbidden();
  if (pu.version !== input.version) throw staleVersion('pilot_unit', pu.version);
  const now = (await composition(ctx, committee.id, on)).members;
  if (!now.some((m) => m.id === input.responsibleMembershipId))
    throw validation('responsibleMembershipId', 'pilots.member_not_in_year', {
      year: Number(on.slice(0, 4)),
    });
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pilotUnits)
      .set({
        responsibleMembershipId: input.responsibleMembershipId,
        version: sql`${pilotUnits.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pilotUnits.id, id), eq(pilotUnits.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('pilot_unit', pu.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'pilot_unit', entityId: id, before: pu, after: updated },
    );
  });
}

/** The pure naming rule of units on pilot pages ("Huyện Diễn Châu", "Sở Tài chính"), for other modules. */
export { displayName } from './pilot-rules.js';
