/**
 * One unit's report as its page shows it, and the writing of its values (issue 13, point 3). The values are
 * stored raw and evaluated against the round's pinned form version whenever they are read: the page shows
 * every problem (naming its field) while the unit writes; submission refuses errors. A figure prefilled from
 * the system can be changed only with a note, and the reviewer sees both the system's figure and the unit's.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, forbidden, notFound, staleVersion, unauthenticated } from '../../core/errors.js';
import { actingContext } from '../access/lineage-follow.service.js';
import { recordChange } from '../audit/audit.service.js';
import { subtreeSql } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import { getWorkItem, type WorkItemOut } from '../work/work.service.js';
import {
  evaluate,
  fieldIndex,
  isComplete,
  nearlyEqual,
  type FormValues,
  type FormVersion,
} from './form/index.js';
import { presentProblems } from './forms.service.js';
import { prefillFor, sourceLabel, type Prefill } from './prefill.service.js';
import { canWrite, isReportStatus, submittedLate } from './report-rules.js';
import {
  canReadReport,
  loadReportMetas,
  reportActorOf,
  reportTitle,
  type ReportMeta,
} from './report.work-kind.js';
import { REPORT_UNIT_ROLES } from './reports.policy.js';
import { reportRounds, reports } from './reports.table.js';
import { prefilledValues, roundLabel, type ReportRow } from './rounds.service.js';

/** Raw values a report may hold at most (bytes of JSON): a form of 500 fields with long narratives fits. */
export const MAX_VALUES_BYTES = 2_000_000;

async function loadReport(ctx: RequestContext, id: string): Promise<{ row: ReportRow; meta: ReportMeta }> {
  if (!ctx.actor) throw unauthenticated();
  const [row] = await ctx.db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw notFound('periodic_report');
  const meta = (await loadReportMetas(ctx.db, [row])).get(row.id)!;
  if (!canReadReport(ctx.actor, meta)) throw forbidden();
  return { row, meta };
}

export type ReportOut = {
  id: string;
  roundId: string;
  title: { vi: string; en: string };
  unit: { id: string; name: string };
  /** A member's report to a session: the member who owes it (named instead of their unit). */
  memberName: string | null;
  owner: { id: string; name: string };
  period: { key: string; label: { vi: string; en: string }; windowFrom: string; windowTo: string };
  form: { key: string; number: number; definition: FormVersion };
  status: ReportRow['status'];
  version: number;
  dueDate: string;
  roundDueDate: string;
  extensionReason: string | null;
  firstSubmittedOn: string | null;
  submittedOn: string | null;
  submittedByName: string | null;
  acceptedOn: string | null;
  late: boolean;
  /** What the unit entered (raw), and what it evaluates to now (computed fields, problems). */
  values: unknown;
  evaluated: FormValues;
  problems: { key: string; field: string | null; severity: string; message: string }[];
  complete: boolean;
  /** Figures prefilled from the system: their source in words, the system's figure, and the unit's note if changed. */
  prefill: {
    field: string;
    source: string;
    sourceLabel: { vi: string; en: string };
    value: number;
    asOf: string;
    changed: boolean;
    note: string | null;
  }[];
  comments: { target: string; text: string }[];
  lastReason: string | null;
  /** The work item (allowed actions, timing) as the work engine presents it. */
  work: WorkItemOut;
  abilities: { edit: boolean; refreshPrefill: boolean };
};

const asPrefill = (v: unknown): Prefill => (v && typeof v === 'object' ? (v as Prefill) : {});
const asNotes = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? (v as Record<string, string>) : {};

/** The figure the unit has for a prefilled field now (null when it emptied it). */
const enteredNumber = (values: unknown, field: string): number | null => {
  const v = values && typeof values === 'object' ? (values as Record<string, unknown>)[field] : undefined;
  return typeof v === 'number' ? v : null;
};

function changedFields(values: unknown, prefill: Prefill): string[] {
  return Object.entries(prefill)
    .filter(([field, p]) => {
      const v = enteredNumber(values, field);
      return v === null || !nearlyEqual(v, p.value);
    })
    .map(([field]) => field);
}

export async function getReport(ctx: RequestContext, id: string): Promise<ReportOut> {
  const { row, meta } = await loadReport(ctx, id);
  const status = isReportStatus(row.status) ? row.status : 'draft';
  const who = reportActorOf(ctx.actor!, meta);
  const evaluation = evaluate(meta.form, row.values);
  const prefill = asPrefill(row.prefill);
  const notes = asNotes(row.changeNotes);
  const changed = new Set(changedFields(row.values, prefill));
  const [submitter] = row.submittedBy ? await usersByIds(ctx, [row.submittedBy]) : [];
  const edit = canWrite(status, who) && meta.round.status === 'open';
  return {
    id: row.id,
    roundId: row.roundId,
    title: reportTitle(meta),
    unit: { id: row.unitId, name: meta.unitName },
    memberName: meta.member?.name ?? null,
    owner: { id: meta.round.ownerUnitId, name: meta.ownerName },
    period: {
      key: meta.round.periodKey,
      label: { vi: roundLabel(meta.round, 'vi'), en: roundLabel(meta.round, 'en') },
      windowFrom: meta.round.windowFrom,
      windowTo: meta.round.windowTo,
    },
    form: { key: meta.round.formKey, number: meta.form.version, definition: meta.form },
    status,
    version: row.version,
    dueDate: row.dueDate,
    roundDueDate: meta.round.dueDate,
    extensionReason: row.extensionReason,
    firstSubmittedOn: row.firstSubmittedOn,
    submittedOn: row.submittedOn,
    submittedByName: submitter?.fullName ?? null,
    acceptedOn: row.acceptedOn,
    late: submittedLate(row.firstSubmittedOn, row.dueDate),
    values: row.values,
    evaluated: evaluation.values,
    problems: presentProblems(evaluation.problems, meta.form, ctx.locale),
    complete: isComplete(evaluation),
    prefill: Object.entries(prefill).map(([field, p]) => ({
      field,
      source: p.source,
      sourceLabel: sourceLabel(p.source),
      value: p.value,
      asOf: p.asOf,
      changed: changed.has(field),
      note: notes[field] ?? null,
    })),
    comments: Array.isArray(row.comments) ? (row.comments as { target: string; text: string }[]) : [],
    lastReason: row.lastReason,
    work: await getWorkItem(ctx, 'periodic_report', row.id),
    abilities: { edit, refreshPrefill: edit },
  };
}

function requireWriter(ctx: RequestContext, row: ReportRow, meta: ReportMeta) {
  const status = isReportStatus(row.status) ? row.status : 'draft';
  const who = reportActorOf(ctx.actor!, meta);
  if (!who.unitPeople) throw forbidden();
  if (meta.round.status !== 'open') throw new AppError(409, 'CONFLICT', 'reports.rule.round_closed');
  if (!canWrite(status, who)) throw new AppError(409, 'CONFLICT', 'reports.rule.not_allowed_now');
}

/**
 * Saves the values of a draft or returned report (the unit's focal point or leader; version-checked). A
 * prefilled figure that differs from the system's needs a note (400 naming each such field). The values may
 * have problems while the report is written: they are shown, and block only the submission.
 */
export async function saveReport(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    values: Record<string, unknown>;
    changeNotes?: Record<string, string> | undefined;
  },
): Promise<ReportOut> {
  ctx = actingContext(ctx);
  const { row, meta } = await loadReport(ctx, id);
  requireWriter(ctx, row, meta);
  if (row.version !== input.version) throw staleVersion('periodic_report', row.version);
  if (Buffer.byteLength(JSON.stringify(input.values)) > MAX_VALUES_BYTES)
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'reports.entry.too_large');
  const prefill = asPrefill(row.prefill);
  const notes: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.changeNotes ?? {}))
    if (k in prefill && typeof v === 'string' && v.trim()) notes[k] = v.trim().slice(0, 2000);
  const changed = changedFields(input.values, prefill);
  const missing = changed.filter((f) => !notes[f]);
  if (missing.length) {
    const fields = fieldIndex(meta.form);
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'reports.prefill.note_required',
      { count: missing.length },
      missing.map((field) => ({
        field,
        message: 'reports.prefill.note_required_field',
        params: { name: fields.get(field)?.label[ctx.locale] ?? field },
      })),
    );
  }
  // Notes of figures no longer changed are dropped.
  for (const f of Object.keys(notes)) if (!changed.includes(f)) delete notes[f];
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reports)
      .set({
        values: input.values,
        changeNotes: notes,
        version: sql`${reports.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(reports.id, id), eq(reports.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('periodic_report', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'save',
        entity: 'periodic_report',
        entityId: id,
        before: { values: row.values, changeNotes: row.changeNotes },
        after: { values: updated.values, changeNotes: updated.changeNotes },
      },
    );
  });
  return getReport(ctx, id);
}

/**
 * Reads the prefilled figures again from the system (the window may have been open when the round began):
 * a figure the unit had not changed takes the new value; one it changed keeps the unit's value and note,
 * and the system's figure beside it is the new one.
 */
export async function refreshPrefill(ctx: RequestContext, id: string, version: number): Promise<ReportOut> {
  ctx = actingContext(ctx);
  const { row, meta } = await loadReport(ctx, id);
  requireWriter(ctx, row, meta);
  if (row.version !== version) throw staleVersion('periodic_report', row.version);
  const old = asPrefill(row.prefill);
  const changedBefore = new Set(changedFields(row.values, old));
  const fresh =
    (
      await prefillFor(ctx, meta.form, {
        unitIds: [row.unitId],
        ownerUnitId: meta.round.ownerUnitId,
        windowFrom: meta.round.windowFrom,
        windowTo: meta.round.windowTo,
        year: Number(meta.round.periodKey.slice(0, 4)),
      })
    ).get(row.unitId) ?? {};
  const values = { ...(row.values as Record<string, unknown>) };
  for (const [field, v] of Object.entries(prefilledValues(fresh)))
    if (!changedBefore.has(field)) values[field] = v;
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reports)
      .set({ values, prefill: fresh, version: sql`${reports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .returning();
    if (!updated) throw staleVersion('periodic_report', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'periodic_report',
        entityId: id,
        before: { prefill: row.prefill, values: row.values },
        after: { prefill: fresh, values, refreshedOn: todayInVietnam() },
      },
    );
  });
  return getReport(ctx, id);
}

export type UnitReportListItem = {
  id: string;
  title: { vi: string; en: string };
  unit: { id: string; name: string };
  periodKey: string;
  roundId: string;
  periodLabel: { vi: string; en: string };
  status: ReportRow['status'];
  dueDate: string;
  firstSubmittedOn: string | null;
  late: boolean;
  overdue: boolean;
  roundOpen: boolean;
};

/**
 * The reports of the units I work for (focal point, leader — including units whose work I carry through
 * lineage), latest period first: what a unit's people open from the reports page.
 */
export async function listUnitReports(ctx: RequestContext, limit = 200): Promise<UnitReportListItem[]> {
  if (!ctx.actor) throw unauthenticated();
  const roots = ctx.actor.rootsFor(REPORT_UNIT_ROLES);
  if (!roots.length) return [];
  const rows = await ctx.db
    .select({ report: reports })
    .from(reports)
    .innerJoin(reportRounds, eq(reportRounds.id, reports.roundId))
    .where(and(sql`${reports.unitId} IN (${subtreeSql(roots)})`, isNull(reports.membershipId)))
    .orderBy(desc(reportRounds.windowTo), asc(reports.unitId))
    .limit(limit);
  const metas = await loadReportMetas(
    ctx.db,
    rows.map((r) => r.report),
  );
  const today = todayInVietnam();
  return rows
    .filter(({ report: r }) => canReadReport(ctx.actor!, metas.get(r.id)!))
    .map(({ report: r }) => {
      const m = metas.get(r.id)!;
      return {
        id: r.id,
        title: reportTitle(m),
        unit: { id: r.unitId, name: m.unitName },
        periodKey: m.round.periodKey,
        roundId: r.roundId,
        periodLabel: { vi: roundLabel(m.round, 'vi'), en: roundLabel(m.round, 'en') },
        status: r.status,
        dueDate: r.dueDate,
        firstSubmittedOn: r.firstSubmittedOn,
        late: submittedLate(r.firstSubmittedOn, r.dueDate),
        overdue: (r.status === 'draft' || r.status === 'returned') && today > r.dueDate,
        roundOpen: m.round.status === 'open',
      };
    });
}
