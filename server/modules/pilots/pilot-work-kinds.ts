/**
 * Pilot items and pilot reports as kinds of the work engine (../work).
 *
 * - `pilot_item`: the task workflow of ../tasks (evidence always required); the pilot unit's focal point
 *   and leader work on it, the standing agency over the committee's host unit reviews it; its clock stops
 *   on the unit's last day if the unit has ended (`clockDay`). Reports reach the standing agency and
 *   verifications and returns the unit — pilot items now get notifications and deadline reminders.
 * - `pilot_report`: the 6-monthly and year-end report of a pilot unit (`reportTransition` of
 *   ./pilot-rules.ts): `submit` by the unit (overall text and every live item assessed), `accept` or
 *   `return` (with a reason) by the standing agency. Writing the text (`save`) stays in pilots.service.
 *   Its due date is the period's (581/BNV-CCHC, `periods`); a report counts as done once submitted.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { describePeriod } from '../periods/index.js';
import { rulesForReport } from '../periods/periods.service.js';
import {
  actionPatch,
  allowedActions,
  DEFAULT_TIMING_RULE,
  TASK_ACTIONS,
  OPEN_STATUSES,
  taskNextActor,
  taskTiming,
  transition,
  type TaskAction,
  type TaskStatus,
} from '../tasks/index.js';
import { getUnits, subtreeSql, unitFacts } from '../units/units.service.js';
import { committeeNames } from '../committees/committees.service.js';
import type { DeadlineItem, LoadedItem, WorkKindAdapter } from '../work/work.service.js';
import {
  allowedReportActions,
  clockDay,
  displayName,
  isReportStatus,
  reportPeriod,
  reportTransition,
  REPORT_ACTIONS,
  type ReportAction,
  type ReportKind,
} from './pilot-rules.js';
import {
  committeeFacts,
  itemActor,
  itemsOf,
  owedItemIds,
  pilotSubject,
  reportActor,
  requireDocument,
  ruleError,
  timingOf,
  type CommitteeFacts,
} from './pilots.service.js';
import { pilotItems, pilotProgrammes, pilotReports, pilotUnits } from './pilots.table.js';
import { PILOT_ROLES } from './pilots.policy.js';

type ItemRow = typeof pilotItems.$inferSelect;
type ReportRow = typeof pilotReports.$inferSelect;
type PilotUnitRow = typeof pilotUnits.$inferSelect;
type ProgrammeRow = typeof pilotProgrammes.$inferSelect;

type Context = {
  pu: PilotUnitRow;
  programme: ProgrammeRow;
  committee: CommitteeFacts;
  unitPath: string[];
  unitName: string;
  unitValidTo: string | null;
};

/** The pilot units, programmes, committees and units behind a set of pilot units (a few batched reads). */
async function contexts(ctx: RequestContext, pilotUnitIds: readonly string[]): Promise<Map<string, Context>> {
  const out = new Map<string, Context>();
  if (!pilotUnitIds.length) return out;
  const rows = await ctx.db
    .select({ pu: pilotUnits, programme: pilotProgrammes })
    .from(pilotUnits)
    .innerJoin(pilotProgrammes, eq(pilotProgrammes.id, pilotUnits.programmeId))
    .where(inArray(pilotUnits.id, [...new Set(pilotUnitIds)]));
  const committees = new Map<string, CommitteeFacts>();
  for (const id of new Set(rows.map((r) => r.programme.committeeId)))
    committees.set(id, await committeeFacts(ctx, id));
  const unitIds = rows.map((r) => r.pu.unitId);
  const facts = await unitFacts(ctx.db, unitIds);
  const units = new Map((await getUnits(ctx.db, unitIds)).map((u) => [u.id, u]));
  for (const { pu, programme } of rows) {
    const unit = units.get(pu.unitId);
    out.set(pu.id, {
      pu,
      programme,
      committee: committees.get(programme.committeeId)!,
      unitPath: facts.get(pu.unitId)?.path ?? [pu.unitId],
      unitName: unit ? displayName(unit) : '',
      unitValidTo: unit?.validTo ?? null,
    });
  }
  return out;
}

const pilotContext = (c: Context) => ({
  vi: `Chỉ đạo điểm năm ${c.programme.year} — ${c.committee.name}`,
  en: `Pilot direction ${c.programme.year} — ${c.committee.name}`,
});

const unitLink = (c: Context) => `/pilots/units/${c.pu.id}`;

function access(ctx: RequestContext, c: Context) {
  const actor = ctx.actor!;
  const subject = pilotSubject(c.committee, c.unitPath);
  const item = itemActor(actor, subject);
  const unitPeople = !!(item.isLeadUnitStaff || item.isLeadUnitLeader);
  const reviewers = !!(item.isStandingAgency || item.isAdmin);
  const readers =
    actor.hasRoleOver(['committee_leader', 'committee_member'], c.committee.hostPath) ||
    actor.hasRoleOver(PILOT_ROLES, c.unitPath);
  return { subject, item, unitPeople, reviewers, read: unitPeople || reviewers || readers };
}

async function candidateIds(
  db: Db,
  table: typeof pilotItems | typeof pilotReports,
  statuses: readonly string[],
  unitFilter: ReturnType<typeof sql>,
): Promise<string[]> {
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .innerJoin(pilotUnits, eq(pilotUnits.id, table.pilotUnitId))
    .where(and(inArray(table.status, [...statuses]), unitFilter));
  return rows.map((r) => r.id);
}

const inSubtrees = (roots: readonly string[]) => sql`${pilotUnits.unitId} IN (${subtreeSql(roots)})`;
const inUnits = (ids: readonly string[]) => (ids.length ? inArray(pilotUnits.unitId, [...ids]) : sql`false`);

// ---------------------------------------------------------------------------------------------------
// Pilot items

type ItemMeta = Context & { path: string[] };

async function loadItems(ctx: RequestContext, ids: readonly string[], asOf: string) {
  const out = new Map<string, LoadedItem>();
  if (!ids.length || !ctx.actor) return out;
  const rows = await ctx.db
    .select()
    .from(pilotItems)
    .where(inArray(pilotItems.id, [...ids]));
  const ctxs = await contexts(
    ctx,
    rows.map((r) => r.pilotUnitId),
  );
  const calendar = await loadCalendar(ctx.db);
  for (const r of rows) {
    const c = ctxs.get(r.pilotUnitId)!;
    const a = access(ctx, c);
    const status = r.status as TaskStatus;
    out.set(r.id, {
      item: {
        kind: 'pilot_item',
        id: r.id,
        title: r.title,
        context: pilotContext(c),
        unit: { id: c.pu.unitId, name: c.unitName },
        status,
        dueDate: r.dueDate,
        timing: timingOf(r, clockDay(asOf, c.unitValidTo), calendar),
        version: r.version,
        allowedActions: allowedActions(status, a.item),
        evidenceRequired: true,
        lastReason: r.lastReason,
        link: `${unitLink(c)}?item=${r.id}`,
      },
      access: { read: a.read, upload: a.unitPeople || a.reviewers, work: a.unitPeople },
      row: r,
      meta: { ...c, path: c.unitPath } satisfies ItemMeta,
    });
  }
  return out;
}

const itemDeadline = (r: ItemRow, c: Context): DeadlineItem => ({
  kind: 'pilot_item',
  id: r.id,
  title: r.title,
  status: r.status,
  dueDate: r.dueDate,
  unitId: c.pu.unitId,
  context: pilotContext(c).vi,
  link: `${unitLink(c)}?item=${r.id}`,
});

async function itemDeadlines(
  db: Db,
  where: ReturnType<typeof and>,
  withEnded = false,
): Promise<DeadlineItem[]> {
  const rows = await db
    .select({ item: pilotItems, pu: pilotUnits, programme: pilotProgrammes })
    .from(pilotItems)
    .innerJoin(pilotUnits, eq(pilotUnits.id, pilotItems.pilotUnitId))
    .innerJoin(pilotProgrammes, eq(pilotProgrammes.id, pilotUnits.programmeId))
    .where(where)
    .orderBy(pilotItems.dueDate, pilotItems.id);
  if (!rows.length) return [];
  const names = await committeeNames(
    db,
    rows.map((r) => r.programme.committeeId),
  );
  const units = new Map(
    (
      await getUnits(
        db,
        rows.map((r) => r.pu.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  // An ended unit's clock stopped on its last day: it is not reminded of anything any more.
  return rows
    .filter((r) => withEnded || !units.get(r.pu.unitId)?.validTo)
    .map((r) =>
      itemDeadline(r.item, {
        pu: r.pu,
        programme: r.programme,
        committee: { name: names.get(r.programme.committeeId) ?? '' } as CommitteeFacts,
        unitPath: [],
        unitName: '',
        unitValidTo: null,
      }),
    );
}

export const pilotItemKind: WorkKindAdapter = {
  kind: 'pilot_item',
  entity: 'pilot_item',
  actions: TASK_ACTIONS,
  reportActions: ['report_done'],
  reviewActions: ['verify', 'return'],
  load: loadItems,
  async decide(ctx, loaded, input, evidenceCount, on) {
    const item = loaded.row as ItemRow;
    const m = loaded.meta as ItemMeta;
    const action = input.action as TaskAction;
    const result = transition(item.status as TaskStatus, action, {
      ...itemActor(ctx.actor!, pilotSubject(m.committee, m.unitPath)),
      evidenceOptional: false,
      reason: input.reason ?? null,
      documentId: input.documentId ?? null,
      output: input.output ?? null,
      evidenceCount,
      dueDate: item.dueDate,
      newDueDate: input.newDueDate ?? null,
    });
    if (!result.ok) return { ok: false, error: ruleError(result.reason) };
    if (input.documentId) await requireDocument(ctx, 'documentId', input.documentId);
    return { ok: true, next: result.next, patch: { ...actionPatch(action, result, input, item, on) } };
  },
  async write(tx, loaded, patch, version) {
    const [updated] = await tx
      .update(pilotItems)
      .set({ ...patch, version: sql`${pilotItems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pilotItems.id, loaded.item.id), eq(pilotItems.version, version)))
      .returning();
    return updated ?? null;
  },
  reviewUnit: (loaded) => (loaded.meta as ItemMeta).committee.hostUnitId,
  next: (loaded, status) => taskNextActor(status as TaskStatus, loaded.item.unit.name),
  owedIds: (db, roots) =>
    roots.length ? candidateIds(db, pilotItems, OPEN_STATUSES, inSubtrees(roots)) : Promise.resolve([]),
  reviewIds: (db, roots) =>
    roots.length ? candidateIds(db, pilotItems, ['reported_done'], inSubtrees(roots)) : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) => candidateIds(db, pilotItems, OPEN_STATUSES, inUnits(unitIds)),
  deadlines: (db) => itemDeadlines(db, inArray(pilotItems.status, [...OPEN_STATUSES])),
  deadlineItem: async (db, id) => (await itemDeadlines(db, eq(pilotItems.id, id), true))[0],
};

// ---------------------------------------------------------------------------------------------------
// Pilot reports

/** A report's status read on the task workflow's clock: open while draft or returned, done once submitted. */
const REPORT_TIMING_STATUS: Record<string, TaskStatus> = {
  draft: 'in_progress',
  returned: 'returned',
  submitted: 'reported_done',
  accepted: 'verified',
};

const REPORT_LABEL: Record<ReportKind, { vi: string; en: string }> = {
  half_year: { vi: 'Báo cáo 6 tháng', en: 'Six-month report' },
  year_end: { vi: 'Báo cáo năm', en: 'Year-end report' },
};

/**
 * The due date of a pilot report (its period's, under the pilot-report rules of the programme's year),
 * reading each year's rules once however many reports are dated (a queue of many reports is one read a year).
 */
function reportDueDates(db: Db, calendar: Awaited<ReturnType<typeof loadCalendar>>) {
  const hooks = { addWorkingDays: calendar.addWorkingDays };
  const rulesOfYear = new Map<number, Awaited<ReturnType<typeof rulesForReport>>>();
  return async (kind: ReportKind, year: number): Promise<string> => {
    if (!rulesOfYear.has(year))
      rulesOfYear.set(year, await rulesForReport(db, 'pilot_report', `${year}-01-01`));
    return describePeriod(reportPeriod(kind, year), rulesOfYear.get(year)!, 'vi', hooks).due;
  };
}

async function loadReports(ctx: RequestContext, ids: readonly string[], asOf: string) {
  const out = new Map<string, LoadedItem>();
  if (!ids.length || !ctx.actor) return out;
  const rows = await ctx.db
    .select()
    .from(pilotReports)
    .where(inArray(pilotReports.id, [...ids]));
  const ctxs = await contexts(
    ctx,
    rows.map((r) => r.pilotUnitId),
  );
  const calendar = await loadCalendar(ctx.db);
  const dueOf = reportDueDates(ctx.db, calendar);
  for (const r of rows) {
    const c = ctxs.get(r.pilotUnitId)!;
    const a = access(ctx, c);
    const kind = r.kind as ReportKind;
    const due = await dueOf(kind, c.programme.year);
    const status = isReportStatus(r.status) ? r.status : 'draft';
    const label = REPORT_LABEL[kind];
    out.set(r.id, {
      item: {
        kind: 'pilot_report',
        id: r.id,
        title: `${label.vi} ${c.programme.year} — ${c.unitName}`,
        titles: {
          vi: `${label.vi} ${c.programme.year} — ${c.unitName}`,
          en: `${label.en} ${c.programme.year} — ${c.unitName}`,
        },
        context: pilotContext(c),
        unit: { id: c.pu.unitId, name: c.unitName },
        status,
        dueDate: due,
        timing: taskTiming({
          status: REPORT_TIMING_STATUS[status] ?? 'in_progress',
          dueDate: due,
          completedOn: r.submittedOn,
          today: clockDay(asOf, c.unitValidTo),
          rule: DEFAULT_TIMING_RULE,
          calendar,
        }),
        version: r.version,
        allowedActions: allowedReportActions(status, reportActor(ctx.actor, a.subject)).filter(
          (x) => x !== 'save',
        ),
        evidenceRequired: false,
        lastReason: r.returnReason,
        link: `${unitLink(c)}?report=${kind}`,
      },
      access: { read: a.read, upload: a.unitPeople || a.reviewers, work: a.unitPeople },
      row: r,
      meta: c,
    });
  }
  return out;
}

const REPORT_OPEN = ['draft', 'returned'];

/**
 * Reports with their due dates (the period's, under the rules of the programme's year), for reminders.
 * A report's status is given on the task clock (draft → in progress), so an unwritten or returned report
 * is reminded of like an open task, and a submitted one no longer is.
 */
async function reportDeadlines(
  db: Db,
  where: ReturnType<typeof and>,
  withEnded = false,
): Promise<DeadlineItem[]> {
  const rows = await db
    .select({ report: pilotReports, pu: pilotUnits, programme: pilotProgrammes })
    .from(pilotReports)
    .innerJoin(pilotUnits, eq(pilotUnits.id, pilotReports.pilotUnitId))
    .innerJoin(pilotProgrammes, eq(pilotProgrammes.id, pilotUnits.programmeId))
    .where(where);
  if (!rows.length) return [];
  const names = await committeeNames(
    db,
    rows.map((r) => r.programme.committeeId),
  );
  const units = new Map(
    (
      await getUnits(
        db,
        rows.map((r) => r.pu.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  const dueOf = reportDueDates(db, await loadCalendar(db));
  const out: DeadlineItem[] = [];
  for (const { report, pu, programme } of rows) {
    const unit = units.get(pu.unitId);
    if (!withEnded && unit?.validTo) continue; // an ended unit's clock stopped on its last day
    const year = programme.year;
    const kind = report.kind as ReportKind;
    const due = await dueOf(kind, year);
    out.push({
      kind: 'pilot_report',
      id: report.id,
      title: `${REPORT_LABEL[kind].vi} ${year} — ${unit ? displayName(unit) : ''}`,
      status: REPORT_TIMING_STATUS[report.status] ?? 'in_progress',
      dueDate: due,
      unitId: pu.unitId,
      context: `Chỉ đạo điểm năm ${year} — ${names.get(programme.committeeId) ?? ''}`,
      link: `/pilots/units/${pu.id}?report=${kind}`,
    });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

export const pilotReportKind: WorkKindAdapter = {
  kind: 'pilot_report',
  entity: 'pilot_report',
  actions: REPORT_ACTIONS,
  reportActions: ['submit'],
  reviewActions: ['accept', 'return'],
  load: loadReports,
  async decide(ctx, loaded, input, _evidence, on) {
    const report = loaded.row as ReportRow;
    const c = loaded.meta as Context;
    const action = input.action as ReportAction;
    if (action === 'save') return { ok: false, error: ruleError('pilots.report_unit_only') };
    const items = await itemsOf(ctx, [c.pu.id]);
    const result = reportTransition(isReportStatus(report.status) ? report.status : null, action, {
      ...reportActor(ctx.actor!, pilotSubject(c.committee, c.unitPath)),
      overall: report.overall,
      itemIds: owedItemIds(items),
      assessedItemIds: report.assessments.filter((x) => x.text.trim()).map((x) => x.itemId),
      reason: input.reason ?? null,
    });
    if (!result.ok)
      return { ok: false, error: ruleError(result.reason, { count: result.missingItemIds?.length ?? 0 }) };
    const patch: Record<string, unknown> = { status: result.next };
    const me = ctx.actor!.user.id;
    if (action === 'submit') Object.assign(patch, { submittedOn: on, submittedBy: me, returnReason: null });
    if (action === 'accept') Object.assign(patch, { reviewedOn: on, reviewedBy: me });
    if (action === 'return')
      Object.assign(patch, { reviewedOn: on, reviewedBy: me, returnReason: input.reason ?? null });
    return {
      ok: true,
      next: result.next,
      patch,
      note: action === 'submit' ? report.overall : (input.reason ?? null),
    };
  },
  async write(tx, loaded, patch, version) {
    const [updated] = await tx
      .update(pilotReports)
      .set({ ...patch, version: sql`${pilotReports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pilotReports.id, loaded.item.id), eq(pilotReports.version, version)))
      .returning();
    return updated ?? null;
  },
  reviewUnit: (loaded) => (loaded.meta as Context).committee.hostUnitId,
  next(loaded, status) {
    const unit = loaded.item.unit.name;
    if (status === 'submitted')
      return {
        vi: 'Cơ quan thường trực (Sở Nội vụ) xem xét, tiếp nhận hoặc trả lại báo cáo.',
        en: 'The standing agency (Department of Home Affairs) reviews it, then accepts or returns it.',
      };
    if (status === 'returned' || status === 'draft')
      return {
        vi: `${unit} hoàn thiện và gửi lại báo cáo.`,
        en: `${unit} completes the report and sends it again.`,
      };
    return null;
  },
  owedIds: (db, roots) =>
    roots.length ? candidateIds(db, pilotReports, REPORT_OPEN, inSubtrees(roots)) : Promise.resolve([]),
  reviewIds: (db, roots) =>
    roots.length ? candidateIds(db, pilotReports, ['submitted'], inSubtrees(roots)) : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) => candidateIds(db, pilotReports, REPORT_OPEN, inUnits(unitIds)),
  deadlines: (db) => reportDeadlines(db, inArray(pilotReports.status, REPORT_OPEN)),
  deadlineItem: async (db, id) => (await reportDeadlines(db, eq(pilotReports.id, id), true))[0],
};
