/**
 * Reporting assignments (issue 13): which units submit which form for which period type, valid from/to
 * dates. One unit, or every unit of some kinds under a root (e.g. every commune of the province, every
 * department) as the registry dates them — so the expected set of any period, including those across the
 * 2025 mergers, is the units in force at the end of that period's data window under the assignments in
 * force then. An assignment is never deleted: it is ended (valid to).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden, notFound, staleVersion, unauthenticated, validation } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { isPeriodType } from '../periods/index.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { getUnits, unitDisplayName, unitFacts } from '../units/units.service.js';
import { roundPolicy } from './reports.policy.js';
import { reportAssignments, reportForms } from './reports.table.js';

export type AssignmentRow = typeof reportAssignments.$inferSelect;
export type AssignmentInput = {
  formKey: string;
  ownerUnitId: string;
  periodType: string;
  target: 'unit' | 'kinds';
  unitId: string;
  unitKinds?: string[] | undefined;
  focalPointSubmits?: boolean | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
  documentId?: string | null | undefined;
  note?: string | null | undefined;
};

async function ownerPath(db: Db, ownerUnitId: string): Promise<string[]> {
  const facts = await unitFacts(db, [ownerUnitId]);
  const f = facts.get(ownerUnitId);
  if (!f) throw notFound('unit');
  return f.path;
}

export async function requireManager(ctx: RequestContext, ownerUnitId: string): Promise<string[]> {
  if (!ctx.actor) throw unauthenticated();
  const path = await ownerPath(ctx.db, ownerUnitId);
  if (!allow(roundPolicy, ctx.actor, 'manage', { ownerPath: path })) throw forbidden();
  return path;
}

/** Whether the caller manages the rounds of an owner unit (shows the managers' buttons; no error). */
export async function canManage(ctx: RequestContext, ownerUnitId: string): Promise<boolean> {
  if (!ctx.actor) return false;
  return allow(roundPolicy, ctx.actor, 'manage', { ownerPath: await ownerPath(ctx.db, ownerUnitId) });
}

export async function requireRoundReader(ctx: RequestContext, ownerUnitId: string): Promise<string[]> {
  if (!ctx.actor) throw unauthenticated();
  const path = await ownerPath(ctx.db, ownerUnitId);
  if (!allow(roundPolicy, ctx.actor, 'read', { ownerPath: path })) throw forbidden();
  return path;
}

export type AssignmentOut = AssignmentRow & {
  unitName: string;
  formName: { vi: string; en: string } | null;
};

async function present(db: Db, rows: AssignmentRow[]): Promise<AssignmentOut[]> {
  const units = new Map(
    (
      await getUnits(
        db,
        rows.map((r) => r.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  return rows.map((r) => {
    const u = units.get(r.unitId);
    return { ...r, unitName: u ? unitDisplayName(u) : '', formName: null };
  });
}

/** The assignments of an owner unit (every date; the page marks those in force). */
export async function listAssignments(
  ctx: RequestContext,
  q: { ownerUnitId: string; formKey?: string | undefined },
): Promise<AssignmentOut[]> {
  await requireRoundReader(ctx, q.ownerUnitId);
  const rows = await ctx.db
    .select()
    .from(reportAssignments)
    .where(
      and(
        eq(reportAssignments.ownerUnitId, q.ownerUnitId),
        q.formKey ? eq(reportAssignments.formKey, q.formKey) : undefined,
      ),
    )
    .orderBy(asc(reportAssignments.formKey), asc(reportAssignments.validFrom));
  return present(ctx.db, rows);
}

function checkInput(input: AssignmentInput) {
  if (!isPeriodType(input.periodType)) throw validation('periodType', 'reports.assignment.period_type');
  if (input.target === 'kinds' && !input.unitKinds?.length)
    throw validation('unitKinds', 'reports.assignment.kinds_required');
  if (input.validTo && input.validTo < input.validFrom)
    throw validation('validTo', 'reports.assignment.range');
}

export async function createAssignment(ctx: RequestContext, input: AssignmentInput): Promise<AssignmentOut> {
  await requireManager(ctx, input.ownerUnitId);
  checkInput(input);
  const [form] = await ctx.db.select().from(reportForms).where(eq(reportForms.key, input.formKey));
  if (!form) throw validation('formKey', 'reports.assignment.form_unknown');
  if (!(await getUnits(ctx.db, [input.unitId])).length)
    throw validation('unitId', 'reports.assignment.unit_unknown');
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reportAssignments)
      .values({
        formKey: input.formKey,
        ownerUnitId: input.ownerUnitId,
        periodType: input.periodType,
        target: input.target,
        unitId: input.unitId,
        unitKinds: input.target === 'kinds' ? [...new Set(input.unitKinds)] : [],
        focalPointSubmits: input.focalPointSubmits ?? false,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        documentId: input.documentId ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'report_assignment',
        entityId: created!.id,
        after: created,
      },
    );
    return created!;
  });
  return (await present(ctx.db, [row]))[0]!;
}

/** Changes an assignment's dates, submitter rule or note (version-checked). */
export async function updateAssignment(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    validTo?: string | null | undefined;
    focalPointSubmits?: boolean | undefined;
    note?: string | null | undefined;
  },
): Promise<AssignmentOut> {
  const [row] = await ctx.db.select().from(reportAssignments).where(eq(reportAssignments.id, id));
  if (!row) throw notFound('report_assignment');
  await requireManager(ctx, row.ownerUnitId);
  if (row.version !== input.version) throw staleVersion('report_assignment', row.version);
  const validTo = input.validTo !== undefined ? input.validTo : row.validTo;
  if (validTo && validTo < row.validFrom) throw validation('validTo', 'reports.assignment.range');
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(reportAssignments)
      .set({
        validTo,
        focalPointSubmits: input.focalPointSubmits ?? row.focalPointSubmits,
        note: input.note !== undefined ? input.note : row.note,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(reportAssignments.id, id), eq(reportAssignments.version, input.version)))
      .returning();
    if (!u) throw staleVersion('report_assignment', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'report_assignment', entityId: id, before: row, after: u },
    );
    return u;
  });
  return (await present(ctx.db, [updated]))[0]!;
}

export type ExpectedUnit = { unitId: string; assignmentId: string; focalPointSubmits: boolean };

/**
 * The units expected to submit `formKey` for a period type under an owner: the assignments in force on
 * `day` (the end of the period's data window) and, for each, its unit or the units of its kinds under its
 * root, in force on that day. A unit named by two assignments is expected once (the first, by start date).
 */
export async function expectedUnits(
  db: Db,
  q: { formKey: string; ownerUnitId: string; periodType: string; day: string },
): Promise<ExpectedUnit[]> {
  const assignments = (
    await db
      .select()
      .from(reportAssignments)
      .where(
        and(
          eq(reportAssignments.formKey, q.formKey),
          eq(reportAssignments.ownerUnitId, q.ownerUnitId),
          eq(reportAssignments.periodType, q.periodType),
        ),
      )
      .orderBy(asc(reportAssignments.validFrom), asc(reportAssignments.createdAt))
  ).filter((a) => a.validFrom <= q.day && (a.validTo === null || a.validTo >= q.day));
  const out = new Map<string, ExpectedUnit>();
  for (const a of assignments) {
    const ids: string[] = [];
    if (a.target === 'unit') {
      const [u] = await getUnits(db, [a.unitId]);
      if (u && u.validFrom <= q.day && (u.validTo === null || u.validTo >= q.day)) ids.push(u.id);
    } else {
      for (const kind of a.unitKinds)
        for (const u of await unitsAsOf(db, { date: q.day, kind, withinId: a.unitId, limit: 20_000 }))
          ids.push(u.id);
    }
    for (const unitId of ids)
      if (!out.has(unitId))
        out.set(unitId, { unitId, assignmentId: a.id, focalPointSubmits: a.focalPointSubmits });
  }
  return [...out.values()];
}

/** The submitter rule of each assignment (the report's own assignment decides who may submit). */
export async function assignmentsByIds(db: Db, ids: readonly string[]): Promise<Map<string, AssignmentRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(reportAssignments)
    .where(inArray(reportAssignments.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
