/**
 * Reporting rounds (issue 13): one form for one period of one owner unit. Opening a round pins the form's
 * latest published version, reads the data window and the deadline from the reporting-period rules (working
 * days where configured), and creates one report per expected unit (the assignments in force at the end of
 * the window, the units in force then), each prefilled from the system. The round's page is the reporting-
 * rate view: expected / submitted / on time / accepted, by unit, never above 100% (one report per expected
 * unit), with who has not submitted and a reminder for them.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { conflict, notFound, validation } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import {
  describePeriod,
  formatViDate,
  parsePeriodKey,
  periodLabel,
  periodSpan,
  type Period,
} from '../periods/index.js';
import { rulesForReport, workdayHooks } from '../periods/periods.service.js';
import { membershipsByIds } from '../committees/committees.service.js';
import { unitDisplayName, unitFacts, unitLabelsOf, viCollator } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import { expectedUnits, requireManager, requireRoundReader } from './assignments.service.js';
import { definitionOf, ensureShippedForms, getFormVersionRow, latestPublished } from './forms.service.js';
import { prefillFor, prefillTables, type Prefill } from './prefill.service.js';
import { reportingRates, submittedLate, type Rates } from './report-rules.js';
import { roundPolicy } from './reports.policy.js';
import { reportRounds, reports } from './reports.table.js';

export type RoundRow = typeof reportRounds.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;

/** The reporting-period rules' report type of periodic PAR reports (a province may set its own rule set). */
export const REPORT_RULES_TYPE = 'par_report';

export function periodOfRound(round: Pick<RoundRow, 'periodKey'>): Period {
  const p = parsePeriodKey(round.periodKey);
  if (!p) throw new Error(`round with a bad period key ${round.periodKey}`);
  return p;
}

export const roundLabel = (round: Pick<RoundRow, 'periodKey'>, locale: 'vi' | 'en') =>
  periodLabel(periodOfRound(round), locale);

export async function getRoundRow(db: Db, id: string): Promise<RoundRow> {
  const [row] = await db.select().from(reportRounds).where(eq(reportRounds.id, id));
  if (!row) throw notFound('report_round');
  return row;
}

/** The window, deadline and rules of a period for the form (what opening a round would pin). */
export async function describeRoundPeriod(db: Db, period: Period) {
  const rules = await rulesForReport(db, REPORT_RULES_TYPE, periodSpan(period).to);
  return describePeriod(period, rules, 'vi', await workdayHooks(db));
}

/** Prefilled figures as report values: `{ field: value }`. */
export const prefilledValues = (p: Prefill): Record<string, number> =>
  Object.fromEntries(Object.entries(p).map(([k, e]) => [k, e.value]));

/**
 * Opens a round (the standing agency over the owner unit): 409 when it is already open or the form has no
 * published version, 400 when nobody is expected to report. The reports are created in one transaction with
 * one journal entry for the round (its expected units listed).
 */
export async function openRound(
  ctx: RequestContext,
  input: { formKey: string; ownerUnitId: string; periodKey: string; note?: string | null | undefined },
): Promise<RoundDetail> {
  await requireManager(ctx, input.ownerUnitId);
  await ensureShippedForms(ctx.db);
  const period = parsePeriodKey(input.periodKey);
  if (!period) throw validation('periodKey', 'reports.round.period_invalid');
  const version = await latestPublished(ctx.db, input.formKey);
  if (!version) throw conflict('reports.round.no_published_version');
  const [existing] = await ctx.db
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(
      and(
        eq(reportRounds.formKey, input.formKey),
        eq(reportRounds.ownerUnitId, input.ownerUnitId),
        eq(reportRounds.periodKey, input.periodKey),
      ),
    );
  if (existing) throw conflict('reports.round.exists');
  const info = await describeRoundPeriod(ctx.db, period);
  const expected = await expectedUnits(ctx.db, {
    formKey: input.formKey,
    ownerUnitId: input.ownerUnitId,
    periodType: period.type,
    day: info.window.to,
  });
  if (!expected.length) throw validation('periodKey', 'reports.round.nobody_expected');
  const form = definitionOf(version);
  const prefill = await prefillFor(ctx, form, {
    unitIds: expected.map((e) => e.unitId),
    ownerUnitId: input.ownerUnitId,
    windowFrom: info.window.from,
    windowTo: info.window.to,
    year: period.year,
  });
  const tables = await prefillTables(ctx, form, {
    unitIds: expected.map((e) => e.unitId),
    windowTo: info.window.to,
    year: period.year,
  });
  const round = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reportRounds)
      .values({
        formKey: input.formKey,
        formVersionId: version.id,
        ownerUnitId: input.ownerUnitId,
        periodKey: input.periodKey,
        periodType: period.type,
        windowFrom: info.window.from,
        windowTo: info.window.to,
        dueDate: info.due,
        rules: info.rules,
        note: input.note ?? null,
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    for (let i = 0; i < expected.length; i += 500)
      await tx.insert(reports).values(
        expected.slice(i, i + 500).map((e) => {
          const p = prefill.get(e.unitId) ?? {};
          return {
            roundId: created!.id,
            unitId: e.unitId,
            assignmentId: e.assignmentId,
            values: { ...prefilledValues(p), ...(tables.get(e.unitId) ?? {}) },
            prefill: p,
            dueDate: info.due,
          };
        }),
      );
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'open_round',
        entity: 'report_round',
        entityId: created!.id,
        after: { ...created, unitIds: expected.map((e) => e.unitId) },
      },
    );
    return created!;
  });
  return roundDetail(ctx, round.id);
}

export type RoundSummary = {
  id: string;
  formKey: string;
  formName: { vi: string; en: string };
  formVersion: number;
  ownerUnitId: string;
  periodKey: string;
  periodLabel: { vi: string; en: string };
  windowFrom: string;
  windowTo: string;
  dueDate: string;
  status: 'open' | 'closed';
  /** The committee session a members' round is for. */
  meetingId: string | null;
  rates: Rates;
};

/** The rounds of an owner unit, latest period first, each with its rates. */
export async function listRounds(
  ctx: RequestContext,
  q: { ownerUnitId: string; formKey?: string | undefined },
): Promise<{ items: RoundSummary[]; abilities: { open: boolean } }> {
  const path = await requireRoundReader(ctx, q.ownerUnitId);
  const rows = await ctx.db
    .select()
    .from(reportRounds)
    .where(
      and(
        eq(reportRounds.ownerUnitId, q.ownerUnitId),
        q.formKey ? eq(reportRounds.formKey, q.formKey) : undefined,
      ),
    )
    .orderBy(desc(reportRounds.windowTo), asc(reportRounds.formKey));
  const owed = rows.length
    ? await ctx.db
        .select({
          roundId: reports.roundId,
          status: reports.status,
          firstSubmittedOn: reports.firstSubmittedOn,
          dueDate: reports.dueDate,
        })
        .from(reports)
        .where(
          inArray(
            reports.roundId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const today = todayInVietnam();
  const versions = new Map<string, Awaited<ReturnType<typeof getFormVersionRow>>>();
  for (const id of new Set(rows.map((r) => r.formVersionId)))
    versions.set(id, await getFormVersionRow(ctx.db, id));
  return {
    items: rows.map((r) => {
      const v = versions.get(r.formVersionId)!;
      return {
        id: r.id,
        formKey: r.formKey,
        formName: definitionOf(v).name,
        formVersion: v.number,
        ownerUnitId: r.ownerUnitId,
        periodKey: r.periodKey,
        periodLabel: { vi: roundLabel(r, 'vi'), en: roundLabel(r, 'en') },
        windowFrom: r.windowFrom,
        windowTo: r.windowTo,
        dueDate: r.dueDate,
        status: r.status,
        meetingId: r.meetingId,
        rates: reportingRates(
          owed.filter((o) => o.roundId === r.id),
          today,
        ),
      };
    }),
    abilities: { open: allow(roundPolicy, ctx.actor!, 'manage', { ownerPath: path }) },
  };
}

export type RoundUnitRow = {
  reportId: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  /** The unit ended after the round opened (its successor carries its report). */
  unitEnded: boolean;
  status: ReportRow['status'];
  dueDate: string;
  extended: boolean;
  extensionReason: string | null;
  firstSubmittedOn: string | null;
  submittedOn: string | null;
  acceptedOn: string | null;
  late: boolean;
  /** Not submitted (draft or returned) and past its deadline. */
  overdue: boolean;
};

export type RoundDetail = RoundSummary & {
  ownerUnitName: string;
  rules: unknown;
  note: string | null;
  version: number;
  units: RoundUnitRow[];
  /** Rates by kind of unit (departments, communes, …). */
  byKind: { kind: string; rates: Rates }[];
  abilities: { manage: boolean; remind: boolean; consolidate: boolean };
};

/** The columns of a report the rate view reads. */
const RATE_VIEW_COLUMNS = {
  id: reports.id,
  unitId: reports.unitId,
  membershipId: reports.membershipId,
  status: reports.status,
  dueDate: reports.dueDate,
  extensionReason: reports.extensionReason,
  firstSubmittedOn: reports.firstSubmittedOn,
  submittedOn: reports.submittedOn,
  acceptedOn: reports.acceptedOn,
};

/** The reporting-rate view of a round: every expected unit with its report's state. */
export async function roundDetail(ctx: RequestContext, id: string): Promise<RoundDetail> {
  const round = await getRoundRow(ctx.db, id);
  const path = await requireRoundReader(ctx, round.ownerUnitId);
  // Only the columns the view shows (never the values or snapshots: 3,321 of them are megabytes).
  const rows = await ctx.db.select(RATE_VIEW_COLUMNS).from(reports).where(eq(reports.roundId, id));
  const units = await unitLabelsOf(
    ctx.db,
    sql`SELECT ${round.ownerUnitId}::uuid UNION SELECT ${reports.unitId} FROM ${reports} WHERE ${reports.roundId} = ${id}`,
  );
  const today = todayInVietnam();
  const version = await getFormVersionRow(ctx.db, round.formVersionId);
  const members = round.meetingId ? await memberNames(ctx, rows) : new Map<string, string>();
  const unitRows = rows
    .map((r): RoundUnitRow => {
      const u = units.get(r.unitId);
      const owed = r.status === 'draft' || r.status === 'returned';
      return {
        reportId: r.id,
        unitId: r.unitId,
        unitName: r.membershipId ? (members.get(r.membershipId) ?? '') : u ? unitDisplayName(u) : '',
        unitKind: r.membershipId ? 'member' : (u?.kind ?? 'other'),
        unitEnded: !!u?.validTo && u.validTo < today,
        status: r.status,
        dueDate: r.dueDate,
        extended: r.dueDate !== round.dueDate,
        extensionReason: r.extensionReason,
        firstSubmittedOn: r.firstSubmittedOn,
        submittedOn: r.submittedOn,
        acceptedOn: r.acceptedOn,
        late: submittedLate(r.firstSubmittedOn, r.dueDate),
        overdue: owed && today > r.dueDate,
      };
    })
    .sort((a, b) => viCollator.compare(a.unitName, b.unitName));
  const kinds = [...new Set(unitRows.map((u) => u.unitKind))];
  const manage = allow(roundPolicy, ctx.actor!, 'manage', { ownerPath: path });
  const owner = units.get(round.ownerUnitId);
  return {
    id: round.id,
    formKey: round.formKey,
    formName: definitionOf(version).name,
    formVersion: version.number,
    ownerUnitId: round.ownerUnitId,
    ownerUnitName: owner ? unitDisplayName(owner) : '',
    periodKey: round.periodKey,
    periodLabel: { vi: roundLabel(round, 'vi'), en: roundLabel(round, 'en') },
    windowFrom: round.windowFrom,
    windowTo: round.windowTo,
    dueDate: round.dueDate,
    status: round.status,
    meetingId: round.meetingId,
    rules: round.rules,
    note: round.note,
    version: round.version,
    rates: reportingRates(rows, today),
    byKind: kinds.map((kind) => ({
      kind,
      rates: reportingRates(
        rows.filter((r) => (units.get(r.unitId)?.kind ?? 'other') === kind),
        today,
      ),
    })),
    units: unitRows,
    abilities: { manage, remind: manage && round.status === 'open', consolidate: manage },
  };
}

/**
 * Reminds the units that have not submitted (all of them, or those named): their focal points and leaders
 * get a notification (inbox and e-mail by their preference), once a day per report.
 */
export async function remindRound(
  ctx: RequestContext,
  id: string,
  input: { unitIds?: string[] | undefined },
): Promise<{ reminded: number; recipients: number }> {
  const round = await getRoundRow(ctx.db, id);
  await requireManager(ctx, round.ownerUnitId);
  if (round.status !== 'open') throw conflict('reports.round.closed');
  const owed = await ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.roundId, id), inArray(reports.status, ['draft', 'returned'])));
  const wanted = input.unitIds ? new Set(input.unitIds) : null;
  const targets = owed.filter((r) => !wanted || wanted.has(r.unitId));
  if (wanted && !targets.length) throw validation('unitIds', 'reports.round.nothing_to_remind');
  const version = await getFormVersionRow(ctx.db, round.formVersionId);
  const name = definitionOf(version).name;
  const label = { vi: roundLabel(round, 'vi'), en: roundLabel(round, 'en') };
  const today = todayInVietnam();
  const due = formatViDate(round.dueDate);
  let recipients = 0;
  const memberships = await membershipsByIds(
    ctx.db,
    targets.flatMap((r) => (r.membershipId ? [r.membershipId] : [])),
  );
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    for (const r of targets) {
      const member = r.membershipId ? memberships.get(r.membershipId) : undefined;
      const userIds = r.membershipId
        ? member?.userId
          ? [member.userId]
          : []
        : await recipientsForUnit(txCtx, r.unitId, ['focal_point', 'unit_leader']);
      const res = await notify(txCtx, {
        userIds,
        kind: 'report_reminder',
        text: {
          vi: {
            title: `Nhắc gửi ${name.vi.charAt(0).toLowerCase()}${name.vi.slice(1)} ${label.vi}`,
            body: `Hạn gửi: ${formatViDate(r.dueDate)}${r.dueDate !== round.dueDate ? ` (gia hạn; hạn chung ${due})` : ''}.`,
          },
          en: { title: `Reminder: ${name.en} ${label.en}`, body: `Due ${formatViDate(r.dueDate)}.` },
        },
        link: `/reports/${r.id}`,
        entity: { type: 'periodic_report', id: r.id },
        dedupeKey: `report-remind:${r.id}:${today}`,
      });
      recipients += res.created;
    }
    await recordChange(txCtx, {
      action: 'remind',
      entity: 'report_round',
      entityId: id,
      after: { unitIds: targets.map((t) => t.unitId) },
    });
  });
  return { reminded: targets.length, recipients };
}

/** The names of the members who owe a round's reports (a members' round of a session). */
async function memberNames(
  ctx: RequestContext,
  rows: readonly { membershipId: string | null }[],
): Promise<Map<string, string>> {
  const memberships = await membershipsByIds(
    ctx.db,
    rows.flatMap((r) => (r.membershipId ? [r.membershipId] : [])),
  );
  const users = new Map(
    (
      await usersByIds(
        ctx,
        [...memberships.values()].flatMap((m) => (m.userId && !m.personName ? [m.userId] : [])),
      )
    ).map((u) => [u.id, u.fullName]),
  );
  return new Map(
    [...memberships.values()].map((m) => [
      m.id,
      m.personName ?? (m.userId ? (users.get(m.userId) ?? '') : ''),
    ]),
  );
}

/** The owner unit's path (for the work kind and the consolidation). */
export async function ownerPathOf(db: Db, ownerUnitId: string): Promise<string[]> {
  return (await unitFacts(db, [ownerUnitId])).get(ownerUnitId)?.path ?? [ownerUnitId];
}

/** What opening a round would pin (the form's page shows it before the officer opens it). */
export async function previewRound(
  ctx: RequestContext,
  q: { formKey: string; ownerUnitId: string; periodKey: string },
) {
  await requireManager(ctx, q.ownerUnitId);
  const period = parsePeriodKey(q.periodKey);
  if (!period) throw validation('periodKey', 'reports.round.period_invalid');
  const info = await describeRoundPeriod(ctx.db, period);
  const expected = await expectedUnits(ctx.db, {
    formKey: q.formKey,
    ownerUnitId: q.ownerUnitId,
    periodType: period.type,
    day: info.window.to,
  });
  const [existing] = await ctx.db
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(
      and(
        eq(reportRounds.formKey, q.formKey),
        eq(reportRounds.ownerUnitId, q.ownerUnitId),
        eq(reportRounds.periodKey, q.periodKey),
      ),
    );
  return {
    periodKey: info.key,
    periodLabel: { vi: periodLabel(period, 'vi'), en: periodLabel(period, 'en') },
    windowFrom: info.window.from,
    windowTo: info.window.to,
    dueDate: info.due,
    rules: info.rules,
    expected: expected.length,
    exists: !!existing,
  };
}
