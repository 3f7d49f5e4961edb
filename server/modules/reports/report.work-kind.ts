/**
 * A periodic report as a kind of the work engine (`periodic_report`, ../work): the unit's focal point and
 * leader owe it (on their list of work, with its deadline and reminders), the leader submits (the focal
 * point where the assignment allows), the standing agency over the round's owner unit returns it with
 * comments per field or section, or accepts it (then it is locked), and may extend one unit's deadline with a
 * reason. Writing the values (`save`) stays in ./report-entry.service.ts; the submission evaluates them
 * against the round's pinned form version and keeps the evaluated snapshot that consolidation reads.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { allow } from '../access/policy.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { membershipsByIds } from '../committees/committees.service.js';
import { usersByIds } from '../users/users.service.js';
import { systemContext } from '../../core/context.js';
import { DEFAULT_TIMING_RULE, taskTiming, type TaskStatus } from '../tasks/index.js';
import { getUnits, subtreeSql, unitDisplayName, unitFacts } from '../units/units.service.js';
import type { DeadlineItem, LoadedItem, WorkKindAdapter } from '../work/work.service.js';
import { assignmentsByIds } from './assignments.service.js';
import { evaluate, isComplete, type FormVersion } from './form/index.js';
import { definitionOf, getFormVersionRow, presentProblems } from './forms.service.js';
import {
  allowedReportActions,
  isReportStatus,
  OWED_STATUSES,
  REPORT_ACTIONS,
  reportNextActor,
  reportTransition,
  type ReportAction,
  type ReportActor,
  type ReportStatus,
  type RuleRefusal,
} from './report-rules.js';
import { REPORT_READERS, reportPolicy } from './reports.policy.js';
import { reportRounds, reports } from './reports.table.js';
import { roundLabel, type ReportRow, type RoundRow } from './rounds.service.js';

export type ReportMeta = {
  round: RoundRow;
  form: FormVersion;
  ownerPath: string[];
  unitPath: string[];
  unitName: string;
  ownerName: string;
  focalPointSubmits: boolean;
  /** A member's report to a session: the member who owes it (they write and submit it themselves). */
  member: { membershipId: string; userId: string | null; name: string } | null;
};

/** The caller's relation to a report (the rules' actor). */
export function reportActorOf(
  actor: Actor,
  m: Pick<ReportMeta, 'ownerPath' | 'unitPath' | 'focalPointSubmits' | 'member'>,
): ReportActor {
  const subject = { ownerPath: m.ownerPath, unitPath: m.unitPath };
  if (m.member) {
    // A member's report is the member's own: they write and submit it; the standing agency reviews it.
    const self = !!m.member.userId && m.member.userId === actor.user.id;
    return {
      unitPeople: self,
      unitLeader: self,
      focalPointSubmits: false,
      reviewer: allow(reportPolicy, actor, 'review', subject),
    };
  }
  return {
    unitPeople: allow(reportPolicy, actor, 'work', subject),
    unitLeader: allow(reportPolicy, actor, 'lead', subject),
    focalPointSubmits: m.focalPointSubmits,
    reviewer: allow(reportPolicy, actor, 'review', subject),
  };
}

/** A report's status on the task clock: open while draft or returned, done once submitted. */
const TIMING_STATUS: Record<ReportStatus, TaskStatus> = {
  draft: 'in_progress',
  returned: 'returned',
  submitted: 'verified',
  accepted: 'verified',
};

/** Who may read a report: the committee and the standing agency over its owner, its unit's people, its member. */
export function canReadReport(
  actor: Actor,
  m: Pick<ReportMeta, 'ownerPath' | 'unitPath' | 'member'>,
): boolean {
  if (m.member) return m.member.userId === actor.user.id || actor.hasRoleOver(REPORT_READERS, m.ownerPath);
  return allow(reportPolicy, actor, 'read', { ownerPath: m.ownerPath, unitPath: m.unitPath });
}

/** "Báo cáo … quý III/2026 — Sở Tư pháp"; a member's report names the member and the session's date. */
export const reportTitle = (m: Pick<ReportMeta, 'form' | 'round' | 'unitName' | 'member'>) =>
  m.member
    ? {
        vi: `${m.form.name.vi} — ${m.member.name}`,
        en: `${m.form.name.en} — ${m.member.name}`,
      }
    : {
        vi: `${m.form.name.vi} ${roundLabel(m.round, 'vi')} — ${m.unitName}`,
        en: `${m.form.name.en} ${roundLabel(m.round, 'en')} — ${m.unitName}`,
      };

/** Reports with their rounds, forms and units (a few batched reads), for the engine and the entry page. */
export async function loadReportMetas(db: Db, rows: readonly ReportRow[]): Promise<Map<string, ReportMeta>> {
  const out = new Map<string, ReportMeta>();
  if (!rows.length) return out;
  const rounds = new Map(
    (
      await db
        .select()
        .from(reportRounds)
        .where(inArray(reportRounds.id, [...new Set(rows.map((r) => r.roundId))]))
    ).map((r) => [r.id, r]),
  );
  const forms = new Map<string, FormVersion>();
  for (const id of new Set([...rounds.values()].map((r) => r.formVersionId)))
    forms.set(id, definitionOf(await getFormVersionRow(db, id)));
  const unitIds = [
    ...new Set([...rows.map((r) => r.unitId), ...[...rounds.values()].map((r) => r.ownerUnitId)]),
  ];
  const facts = await unitFacts(db, unitIds);
  const units = new Map((await getUnits(db, unitIds)).map((u) => [u.id, u]));
  const memberships = await membershipsByIds(
    db,
    rows.map((r) => r.membershipId).filter((x): x is string => !!x),
  );
  const memberUsers = new Map(
    (
      await usersByIds(
        systemContext(db),
        [...memberships.values()].flatMap((m) => (m.userId && !m.personName ? [m.userId] : [])),
      )
    ).map((u) => [u.id, u.fullName]),
  );
  const assignments = await assignmentsByIds(
    db,
    rows.map((r) => r.assignmentId).filter((x): x is string => !!x),
  );
  const memberOf = (id: string | null) => {
    const m = id ? memberships.get(id) : undefined;
    if (!m) return null;
    return {
      membershipId: m.id,
      userId: m.userId,
      name: m.personName ?? (m.userId ? (memberUsers.get(m.userId) ?? '') : ''),
    };
  };
  for (const r of rows) {
    const round = rounds.get(r.roundId)!;
    const u = units.get(r.unitId);
    const owner = units.get(round.ownerUnitId);
    out.set(r.id, {
      round,
      form: forms.get(round.formVersionId)!,
      ownerPath: facts.get(round.ownerUnitId)?.path ?? [round.ownerUnitId],
      unitPath: facts.get(r.unitId)?.path ?? [r.unitId],
      unitName: u ? unitDisplayName(u) : '',
      ownerName: owner ? unitDisplayName(owner) : '',
      focalPointSubmits: r.assignmentId
        ? (assignments.get(r.assignmentId)?.focalPointSubmits ?? false)
        : false,
      member: memberOf(r.membershipId),
    });
  }
  return out;
}

async function load(ctx: RequestContext, ids: readonly string[], asOf: string) {
  const out = new Map<string, LoadedItem>();
  if (!ids.length || !ctx.actor) return out;
  const rows = await ctx.db
    .select()
    .from(reports)
    .where(inArray(reports.id, [...ids]));
  const metas = await loadReportMetas(ctx.db, rows);
  const calendar = await loadCalendar(ctx.db);
  for (const r of rows) {
    const m = metas.get(r.id)!;
    const status: ReportStatus = isReportStatus(r.status) ? r.status : 'draft';
    const who = reportActorOf(ctx.actor, m);
    const read = canReadReport(ctx.actor, m);
    const titles = reportTitle(m);
    out.set(r.id, {
      item: {
        kind: 'periodic_report',
        id: r.id,
        title: titles.vi,
        titles,
        context: {
          vi: `Báo cáo định kỳ ${roundLabel(m.round, 'vi')} — ${m.ownerName}`,
          en: `Periodic reports ${roundLabel(m.round, 'en')} — ${m.ownerName}`,
        },
        unit: { id: r.unitId, name: m.unitName },
        status,
        dueDate: r.dueDate,
        timing: taskTiming({
          status: TIMING_STATUS[status],
          dueDate: r.dueDate,
          completedOn: r.firstSubmittedOn,
          today: asOf,
          rule: DEFAULT_TIMING_RULE,
          calendar,
        }),
        version: r.version,
        allowedActions: allowedReportActions(status, who, m.round.status === 'open'),
        evidenceRequired: false,
        lastReason: r.lastReason,
        link: `/reports/${r.id}`,
      },
      access: { read, upload: who.unitPeople || who.reviewer, work: who.unitPeople },
      row: r,
      meta: m,
      // A report is recorded when its round opens; its period starts with its data window.
      dates: { earliest: m.round.windowFrom },
    });
  }
  return out;
}

function refusal(reason: RuleRefusal, status: number, details?: AppError['details']) {
  const code = status === 403 ? 'FORBIDDEN' : status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED';
  return new AppError(status, code, reason, {}, details);
}

async function candidateIds(db: Db, statuses: readonly string[], unitFilter: SQL) {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(reportRounds, eq(reportRounds.id, reports.roundId))
    .where(
      and(
        inArray(reports.status, [...statuses] as ReportStatus[]),
        eq(reportRounds.status, 'open'),
        unitFilter,
      ),
    );
  return rows.map((r) => r.id);
}

async function deadlineRows(db: Db, where: ReturnType<typeof and>): Promise<DeadlineItem[]> {
  const rows = await db
    .select({ report: reports })
    .from(reports)
    .innerJoin(reportRounds, eq(reportRounds.id, reports.roundId))
    .where(where);
  const metas = await loadReportMetas(
    db,
    rows.map((r) => r.report),
  );
  return rows.map(({ report: r }) => {
    const m = metas.get(r.id)!;
    return {
      kind: 'periodic_report' as const,
      id: r.id,
      title: reportTitle(m).vi,
      // On the task clock: an unwritten or returned report is reminded of like an open task.
      status: r.status === 'draft' ? 'in_progress' : r.status === 'returned' ? 'returned' : 'verified',
      dueDate: r.dueDate,
      unitId: r.unitId,
      context: `Báo cáo định kỳ ${roundLabel(m.round, 'vi')}`,
      link: `/reports/${r.id}`,
      ...(m.member ? { userIds: m.member.userId ? [m.member.userId] : [] } : {}),
    };
  });
}

export const periodicReportKind: WorkKindAdapter = {
  kind: 'periodic_report',
  entity: 'periodic_report',
  actions: REPORT_ACTIONS,
  reportActions: ['submit'],
  reviewActions: ['accept', 'return'],
  load,
  async decide(ctx, loaded, input, _evidence, on) {
    const r = loaded.row as ReportRow;
    const m = loaded.meta as ReportMeta;
    const status = loaded.item.status as ReportStatus;
    const action = input.action as ReportAction;
    const who = reportActorOf(ctx.actor!, m);
    let snapshot: ReturnType<typeof evaluate> | null = null;
    if (action === 'submit') snapshot = evaluate(m.form, r.values);
    const errors = snapshot ? snapshot.problems.filter((p) => (p.severity ?? 'error') === 'error') : [];
    const result = reportTransition(status, action, who, {
      reason: input.reason ?? null,
      errorCount: errors.length,
      dueDate: r.dueDate,
      newDueDate: input.newDueDate ?? null,
      roundOpen: m.round.status === 'open',
    });
    if (!result.ok) {
      const details =
        result.reason === 'reports.rule.has_errors'
          ? presentProblems(errors, m.form, ctx.locale)
              .slice(0, 50)
              .map((p) => ({ field: p.field ?? 'values', message: p.message }))
          : undefined;
      return { ok: false, error: refusal(result.reason, result.status, details) };
    }
    switch (action) {
      case 'submit':
        return {
          ok: true,
          next: result.next,
          patch: {
            status: result.next,
            snapshot: {
              values: snapshot!.values,
              problems: snapshot!.problems,
              complete: isComplete(snapshot!),
            },
            submittedOn: on,
            firstSubmittedOn: r.firstSubmittedOn ?? on,
            submittedBy: ctx.actor!.user.id,
          },
          note: input.output ?? null,
        };
      case 'return':
        return {
          ok: true,
          next: result.next,
          patch: {
            status: result.next,
            lastReason: input.reason!.trim(),
            comments: (input.comments ?? []).map((c) => ({ target: c.target, text: c.text })),
          },
        };
      case 'accept':
        return { ok: true, next: result.next, patch: { status: result.next, acceptedOn: on } };
      case 'extend':
        return {
          ok: true,
          next: result.next,
          patch: { dueDate: input.newDueDate!, extensionReason: input.reason!.trim() },
        };
    }
  },
  async write(tx, loaded, patch, version) {
    const [updated] = await tx
      .update(reports)
      .set({ ...patch, version: sql`${reports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reports.id, loaded.item.id), eq(reports.version, version)))
      .returning();
    return updated ?? null;
  },
  reviewUnit: (loaded) => (loaded.meta as ReportMeta).round.ownerUnitId,
  owners: (loaded) => {
    const member = (loaded.meta as ReportMeta).member;
    return member ? (member.userId ? [member.userId] : []) : null;
  },
  next: (loaded, status) =>
    isReportStatus(status)
      ? reportNextActor(status, loaded.item.unit.name, (loaded.meta as ReportMeta).ownerName)
      : null,
  owedIds: (db, roots) =>
    roots.length
      ? candidateIds(
          db,
          OWED_STATUSES,
          and(sql`${reports.unitId} IN (${subtreeSql(roots)})`, isNull(reports.membershipId))!,
        )
      : Promise.resolve([]),
  reviewIds: (db, roots) =>
    roots.length
      ? candidateIds(db, ['submitted'], sql`${reports.unitId} IN (${subtreeSql(roots)})`)
      : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) =>
    unitIds.length
      ? candidateIds(
          db,
          OWED_STATUSES,
          and(inArray(reports.unitId, [...unitIds]), isNull(reports.membershipId))!,
        )
      : Promise.resolve([]),
  deadlines: (db) =>
    deadlineRows(db, and(inArray(reports.status, ['draft', 'returned']), eq(reportRounds.status, 'open'))),
  deadlineItem: async (db, id) => (await deadlineRows(db, and(eq(reports.id, id))))[0],
};
