/**
 * Consolidation of a round (issue 13, point 5): the submitted and accepted reports of the round, as each
 * unit submitted them (the evaluated snapshot), aggregated as each field declares (./form `consolidate`),
 * with the units that did not submit listed apart and never counted. The province's report is written on
 * the provincial form (for the units' PAR reports) or the round's own form: its fields of the same key start
 * from the consolidated figures, the others from the system's prefill for the owner unit; the standing
 * agency edits the draft (a consolidated figure changed by hand needs a note). Every consolidated number is
 * traced back to the unit reports behind it (`traceField`), recomputed from the snapshots — the stored draft
 * keeps the figures and the basis (which report versions it read), not the thousands of sources.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict, notFound, staleVersion } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { unitDisplayName, unitLabelsOf, viCollator } from '../units/units.service.js';
import { canManage, requireManager, requireRoundReader } from './assignments.service.js';
import {
  consolidate,
  evaluate,
  fieldIndex,
  isComplete,
  nearlyEqual,
  roundTo,
  trace,
  type Consolidation,
  type FormValues,
  type FormVersion,
  type TraceLine,
  type UnitReport,
} from './form/index.js';
import {
  definitionOf,
  getFormVersionRow,
  latestPublished,
  presentProblems,
  PROVINCIAL_FORM,
  UNIT_FORM,
} from './forms.service.js';
import { prefillFor } from './prefill.service.js';
import { reportConsolidations, reports } from './reports.table.js';
import { getRoundRow, prefilledValues, roundLabel, type RoundRow } from './rounds.service.js';

type ConsolidationRow = typeof reportConsolidations.$inferSelect;

/** A consolidated figure as stored with the draft (no sources: those are recomputed when traced). */
export type StoredFigure = { value: number | null; reported: number; aggregate: string };

/**
 * The round's submitted reports as units reported them, and the units still owing theirs. Only the submitted
 * snapshots' values are read (never the raw values), and none at all when only the basis is wanted.
 */
async function roundInputs(db: Db, round: RoundRow, withValues = true) {
  const rows = await db
    .select({
      id: reports.id,
      unitId: reports.unitId,
      status: reports.status,
      version: reports.version,
      submitted: sql<boolean>`(${reports.status} IN ('submitted', 'accepted') AND ${reports.snapshot} IS NOT NULL)`,
      values: withValues
        ? sql<FormValues | null>`CASE WHEN ${reports.status} IN ('submitted', 'accepted') THEN ${reports.snapshot} -> 'values' END`
        : sql<null>`NULL`,
    })
    .from(reports)
    .where(eq(reports.roundId, round.id));
  const units = await unitLabelsOf(
    db,
    sql`SELECT ${reports.unitId} FROM ${reports} WHERE ${reports.roundId} = ${round.id}`,
  );
  const name = (id: string) => {
    const u = units.get(id);
    return u ? unitDisplayName(u) : id;
  };
  const byName = (a: { unitName: string }, b: { unitName: string }) =>
    viCollator.compare(a.unitName, b.unitName);
  const submitted = rows.filter((r) => r.submitted);
  const reportsIn: UnitReport[] = submitted
    .map((r) => ({ unitId: r.unitId, unitName: name(r.unitId), values: (r.values ?? {}) as FormValues }))
    .sort(byName);
  const notSubmitted = rows
    .filter((r) => !r.submitted)
    .map((r) => ({ unitId: r.unitId, unitName: name(r.unitId) }))
    .sort(byName);
  return {
    reports: reportsIn,
    notSubmitted,
    basis: submitted.map((r) => ({ reportId: r.id, version: r.version })),
  };
}

/** The consolidation of a round now (pure engine over the snapshots). */
export async function computeConsolidation(
  db: Db,
  round: RoundRow,
): Promise<{ form: FormVersion; result: Consolidation; basis: { reportId: string; version: number }[] }> {
  const form = definitionOf(await getFormVersionRow(db, round.formVersionId));
  const inputs = await roundInputs(db, round);
  return { form, result: consolidate(form, inputs), basis: inputs.basis };
}

/**
 * The figures kept with the draft: each number and choice by its field, and each numeric cell of a fixed-row
 * table as `table.row.column` (the page traces it with `row` and `col`).
 */
function storedFigures(result: Consolidation): Record<string, StoredFigure> {
  const out: Record<string, StoredFigure> = {};
  for (const [key, f] of Object.entries(result.fields)) {
    if (f.kind === 'number' || f.kind === 'choice')
      out[key] = { value: f.value, reported: f.reported, aggregate: f.aggregate };
    if (f.kind === 'table' && f.mode === 'fixed')
      for (const row of f.rows)
        for (const [col, cell] of Object.entries(row.cells))
          if (cell.kind === 'number')
            out[`${key}.${row.key}.${col}`] = {
              value: cell.value,
              reported: cell.reported,
              aggregate: cell.aggregate,
            };
  }
  return out;
}

/** The form the province's report is written on for a round. */
async function outputVersion(db: Db, round: RoundRow) {
  if (round.formKey === UNIT_FORM) {
    const provincial = await latestPublished(db, PROVINCIAL_FORM);
    if (provincial) return provincial;
  }
  return getFormVersionRow(db, round.formVersionId);
}

/**
 * The draft values of the province's report: the consolidated figures for fields of the same key (numbers,
 * choices as counts are left out), compiled narratives as one text per section with the units' names, and
 * the system's prefill for the owner unit for the rest.
 */
function draftValues(
  output: FormVersion,
  result: Consolidation,
  prefill: Record<string, number>,
): FormValues {
  const fields = fieldIndex(output);
  const values: FormValues = {};
  for (const [key, f] of fields) {
    if (f.type === 'computed') continue;
    const consolidated = result.fields[key];
    if (consolidated?.kind === 'number')
      // An average is kept unrounded by the engine; the draft holds what the field may hold.
      values[key] =
        consolidated.value !== null && (f.type === 'number' || f.type === 'percent')
          ? roundTo(consolidated.value, f.decimals)
          : consolidated.value;
    else if (consolidated?.kind === 'text' && f.type === 'narrative')
      values[key] = consolidated.entries.length
        ? consolidated.entries.map((e) => `**${e.unitName}:** ${e.text.replace(/\n+/g, ' ')}`).join('\n')
        : null;
    else if (consolidated?.kind === 'table' && f.type === 'table' && consolidated.mode === 'fixed')
      values[key] = result.values[key] ?? null;
    else if (key in prefill) values[key] = prefill[key]!;
  }
  return values;
}

export type ConsolidationOut = {
  roundId: string;
  title: { vi: string; en: string };
  form: { key: string; number: number; definition: FormVersion };
  values: FormValues;
  evaluated: FormValues;
  problems: { key: string; field: string | null; severity: string; message: string }[];
  complete: boolean;
  figures: Record<string, StoredFigure>;
  changeNotes: Record<string, string>;
  units: { submitted: number; notSubmitted: { unitId: string; unitName: string }[] };
  /** Reports submitted, returned or accepted since it was computed: recompute to include them. */
  stale: boolean;
  computedAt: string;
  documentId: string | null;
  version: number;
  abilities: { edit: boolean };
};

async function present(
  ctx: RequestContext,
  round: RoundRow,
  row: ConsolidationRow,
  manage: boolean,
): Promise<ConsolidationOut> {
  const version = await getFormVersionRow(ctx.db, row.formVersionId);
  const form = definitionOf(version);
  const evaluation = evaluate(form, row.values);
  const inputs = await roundInputs(ctx.db, round, false);
  const basis = new Map(
    (row.basis as { reportId: string; version: number }[]).map((b) => [b.reportId, b.version]),
  );
  const stale =
    basis.size !== inputs.basis.length || inputs.basis.some((b) => basis.get(b.reportId) !== b.version);
  return {
    roundId: round.id,
    title: {
      vi: `${form.name.vi} ${roundLabel(round, 'vi')}`,
      en: `${form.name.en} ${roundLabel(round, 'en')}`,
    },
    form: { key: version.formKey, number: version.number, definition: form },
    values: row.values as FormValues,
    evaluated: evaluation.values,
    problems: presentProblems(evaluation.problems, form, ctx.locale),
    complete: isComplete(evaluation),
    figures: row.computed as Record<string, StoredFigure>,
    changeNotes: row.changeNotes as Record<string, string>,
    units: { submitted: inputs.reports.length, notSubmitted: inputs.notSubmitted },
    stale,
    computedAt: row.computedAt.toISOString(),
    documentId: row.documentId,
    version: row.version,
    abilities: { edit: manage && !row.documentId },
  };
}

export async function getConsolidation(ctx: RequestContext, roundId: string): Promise<ConsolidationOut> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireRoundReader(ctx, round.ownerUnitId);
  const [row] = await ctx.db
    .select()
    .from(reportConsolidations)
    .where(eq(reportConsolidations.roundId, roundId));
  if (!row) throw notFound('report_consolidation');
  const manage = await canManage(ctx, round.ownerUnitId);
  return present(ctx, round, row, manage);
}

/**
 * Consolidates (or re-consolidates) a round into the province's draft. On a recompute, figures the standing
 * agency changed by hand (with a note) keep their values; the others take the new consolidated figures.
 */
export async function consolidateRound(ctx: RequestContext, roundId: string): Promise<ConsolidationOut> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireManager(ctx, round.ownerUnitId);
  const { result, basis } = await computeConsolidation(ctx.db, round);
  if (!result.units.length) throw new AppError(409, 'CONFLICT', 'reports.consolidation.nothing_submitted');
  const output = await outputVersion(ctx.db, round);
  const outputForm = definitionOf(output);
  const ownerPrefill =
    (
      await prefillFor(ctx, outputForm, {
        unitIds: [round.ownerUnitId],
        ownerUnitId: round.ownerUnitId,
        windowFrom: round.windowFrom,
        windowTo: round.windowTo,
        year: Number(round.periodKey.slice(0, 4)),
      })
    ).get(round.ownerUnitId) ?? {};
  const fresh = draftValues(outputForm, result, prefilledValues(ownerPrefill));
  const [existing] = await ctx.db
    .select()
    .from(reportConsolidations)
    .where(eq(reportConsolidations.roundId, roundId));
  if (existing?.documentId) throw conflict('reports.consolidation.issued');
  const keep = (existing?.changeNotes ?? {}) as Record<string, string>;
  const values: FormValues = { ...fresh };
  if (existing) for (const f of Object.keys(keep)) values[f] = (existing.values as FormValues)[f] ?? null;
  const figures = storedFigures(result);
  await ctx.db.transaction(async (tx) => {
    const set = {
      formVersionId: output.id,
      computed: figures,
      computedAt: new Date(),
      basis,
      values,
      changeNotes: keep,
      updatedAt: new Date(),
      updatedBy: ctx.actor!.user.id,
    };
    if (existing) {
      const [u] = await tx
        .update(reportConsolidations)
        .set({ ...set, version: sql`${reportConsolidations.version} + 1` })
        .where(
          and(eq(reportConsolidations.roundId, roundId), eq(reportConsolidations.version, existing.version)),
        )
        .returning();
      if (!u) throw staleVersion('report_consolidation', existing.version);
    } else await tx.insert(reportConsolidations).values({ roundId, ...set });
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'consolidate',
        entity: 'report_consolidation',
        entityId: roundId,
        // The reports read are listed once (the after); the before says when the replaced figures were computed.
        before: existing ? { computedAt: existing.computedAt } : null,
        after: { basis, units: result.units.length, notSubmitted: result.notSubmitted.length },
      },
    );
  });
  return getConsolidation(ctx, roundId);
}

/** Saves the standing agency's edits of the draft (version-checked); a consolidated figure changed needs a note. */
export async function saveConsolidation(
  ctx: RequestContext,
  roundId: string,
  input: {
    version: number;
    values: Record<string, unknown>;
    changeNotes?: Record<string, string> | undefined;
  },
): Promise<ConsolidationOut> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireManager(ctx, round.ownerUnitId);
  const [row] = await ctx.db
    .select()
    .from(reportConsolidations)
    .where(eq(reportConsolidations.roundId, roundId));
  if (!row) throw notFound('report_consolidation');
  if (row.documentId) throw conflict('reports.consolidation.issued');
  if (row.version !== input.version) throw staleVersion('report_consolidation', row.version);
  const output = definitionOf(await getFormVersionRow(ctx.db, row.formVersionId));
  const numeric = new Set(
    [...fieldIndex(output)].filter(([, f]) => f.type === 'number' || f.type === 'percent').map(([k]) => k),
  );
  // Only the figures a person types over (numbers, percentages): choices and table cells are starting points.
  const figures = Object.fromEntries(
    Object.entries(row.computed as Record<string, StoredFigure>).filter(([k]) => numeric.has(k)),
  );
  const changed = Object.entries(figures)
    .filter(([field, f]) => {
      const v = input.values[field];
      if (f.value === null) return v !== null && v !== undefined;
      return typeof v !== 'number' || !nearlyEqual(v, f.value);
    })
    .map(([field]) => field)
    .filter((field) => field in (input.values as object) || field in (row.values as object));
  const notes: Record<string, string> = {};
  for (const f of changed) {
    const note = input.changeNotes?.[f]?.trim();
    if (note) notes[f] = note.slice(0, 2000);
  }
  const missing = changed.filter((f) => !notes[f]);
  if (missing.length) {
    const fields = fieldIndex(output);
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'reports.consolidation.note_required',
      { count: missing.length },
      missing.map((field) => ({
        field,
        message: 'reports.consolidation.note_required_field',
        params: { name: fields.get(field)?.label[ctx.locale] ?? field },
      })),
    );
  }
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(reportConsolidations)
      .set({
        values: input.values,
        changeNotes: notes,
        version: sql`${reportConsolidations.version} + 1`,
        updatedAt: new Date(),
        updatedBy: ctx.actor!.user.id,
      })
      .where(and(eq(reportConsolidations.roundId, roundId), eq(reportConsolidations.version, input.version)))
      .returning();
    if (!u) throw staleVersion('report_consolidation', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'report_consolidation',
        entityId: roundId,
        before: { values: row.values, changeNotes: row.changeNotes },
        after: { values: input.values, changeNotes: notes },
      },
    );
  });
  return getConsolidation(ctx, roundId);
}

export type TraceOut = {
  field: string;
  label: { vi: string; en: string };
  aggregate: string;
  value: number | null;
  lines: (TraceLine & { reportId: string })[];
  notSubmitted: { unitId: string; unitName: string }[];
};

/** The unit reports behind one consolidated number (a field, or a fixed-table cell), recomputed now. */
export async function traceField(
  ctx: RequestContext,
  roundId: string,
  q: { field: string; row?: string | undefined; col?: string | undefined },
): Promise<TraceOut> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireRoundReader(ctx, round.ownerUnitId);
  const { form, result } = await computeConsolidation(ctx.db, round);
  const field = fieldIndex(form).get(q.field);
  if (!field) throw notFound('report_form');
  const cell = q.row && q.col ? { row: q.row, col: q.col } : undefined;
  const lines = trace(result, q.field, cell);
  const ids = await ctx.db
    .select({ id: reports.id, unitId: reports.unitId })
    .from(reports)
    .where(
      and(
        eq(reports.roundId, roundId),
        inArray(reports.unitId, lines.length ? lines.map((l) => l.unitId) : [round.ownerUnitId]),
      ),
    );
  const byUnit = new Map(ids.map((r) => [r.unitId, r.id]));
  const c = result.fields[q.field];
  const value =
    c && (c.kind === 'number' || c.kind === 'choice')
      ? c.value
      : c?.kind === 'table' && c.mode === 'fixed' && cell
        ? (() => {
            const x = c.rows.find((r) => r.key === cell.row)?.cells[cell.col];
            return x && x.kind !== 'text' ? x.value : null;
          })()
        : null;
  return {
    field: q.field,
    label: field.label,
    aggregate: c?.aggregate ?? 'none',
    value,
    lines: lines.map((l) => ({ ...l, reportId: byUnit.get(l.unitId) ?? '' })),
    notSubmitted: result.notSubmitted,
  };
}
