/**
 * Prefill of report fields from what chidao already holds (issue 13, point 3). A form's field declares a
 * source id (`prefill`, server/data/reports/README.md); here each id is mapped to a module's exported
 * figures for the report's unit and the round's data window:
 *
 * - `dossiers.*` — the dossier rollups of the unit over the window (`dossiers` `dossierIndicators`, units
 *   as they were): carried over, received, online, withdrawn, resolved early or on time, late, processing,
 *   overdue in process, digitised, with a fee, paid online;
 * - `unitPlan.tasks.total` / `.verified` — the unit's own plan of the period's year (`plans`);
 * - `plan.tasks.total` / `.verified` — the owner unit's (the province's) plan of that year;
 * - `inspections.*` — PAR inspections of the unit's subtree (`inspections` `inspectionFiguresForReport`): planned in
 *   the plan of the period's year and, of them, inspected by the window's end; surprise inspections in the window;
 *   the recommendations of the conclusions issued in the window, and of them those verified.
 *
 * A source with no figure for the unit (no dossiers, no plan) prefills nothing: empty is never 0. Ids not
 * known here are listed as unavailable (the field stays for the unit to fill in).
 */
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { dossierIndicators } from '../dossiers/dossiers.service.js';
import { inspectionFiguresForReport, type ReportInspectionFigures } from '../inspections/figures.service.js';
import { planTaskCounts } from '../plans/unit-plans.service.js';
import { pilotItemsForUnits } from '../pilots/pilots.service.js';
import type { PilotItemForUnit } from '../pilots/pilots.schemas.js';
import { formFields, type FormVersion, type TableRow } from './form/index.js';

/** A prefilled figure: where it comes from, its value, and the day it was read. */
export type PrefillEntry = { source: string; value: number; asOf: string };
export type Prefill = Record<string, PrefillEntry>;

type Totals = Record<string, number>;

const DOSSIER_SOURCES: Record<string, (t: Totals) => number> = {
  'dossiers.carriedOver': (t) => t.carriedOver!,
  'dossiers.received': (t) => t.received!,
  'dossiers.receivedOnline': (t) => t.receivedOnline!,
  'dossiers.withdrawn': (t) => t.withdrawn!,
  'dossiers.resolvedEarlyOrOnTime': (t) => t.resolvedEarly! + t.resolvedOnTime!,
  'dossiers.resolvedLate': (t) => t.resolvedLate!,
  'dossiers.processing': (t) => t.notYetDue! + t.dueSoon! + t.overdue! + t.suspended!,
  'dossiers.processingOverdue': (t) => t.overdue!,
  'dossiers.digitised': (t) => t.digitised!,
  'dossiers.feePayable': (t) => t.feePayable!,
  'dossiers.paidOnline': (t) => t.paidOnline!,
};

const INSPECTION_SOURCES: Record<string, (f: ReportInspectionFigures) => number> = {
  'inspections.planned': (f) => f.planned,
  'inspections.plannedDone': (f) => f.plannedDone,
  'inspections.surprise': (f) => f.surprise,
  'inspections.recommendations.total': (f) => f.recommendations.total,
  'inspections.recommendations.verified': (f) => f.recommendations.verified,
};

/** The source ids this module can fill (the designer marks the others as "entered by the unit"). */
export const PREFILL_SOURCES: readonly string[] = [
  ...Object.keys(DOSSIER_SOURCES),
  'unitPlan.tasks.total',
  'unitPlan.tasks.verified',
  'plan.tasks.total',
  'plan.tasks.verified',
  'pilots.items.total',
  'pilots.items.verified',
  'pilots.items.inProgress',
  'pilots.items',
  ...Object.keys(INSPECTION_SOURCES),
];

const min = (a: string, b: string) => (a < b ? a : b);

/**
 * The prefill of many units' reports of one form and window (one read per source family, whatever the
 * number of units). Figures are read as of the window's end, or today while the window is still open.
 */
export async function prefillFor(
  ctx: RequestContext,
  form: FormVersion,
  q: { unitIds: readonly string[]; ownerUnitId: string; windowFrom: string; windowTo: string; year: number },
): Promise<Map<string, Prefill>> {
  const out = new Map<string, Prefill>(q.unitIds.map((id) => [id, {}]));
  const fields = formFields(form)
    .map(({ field }) => field)
    .filter((f): f is typeof f & { prefill: string } => 'prefill' in f && typeof f.prefill === 'string');
  if (!fields.length || !q.unitIds.length) return out;
  const asOf = min(q.windowTo, todayInVietnam());
  const sources = new Set(fields.map((f) => f.prefill));

  if ([...sources].some((s) => s in DOSSIER_SOURCES) && ctx.actor) {
    const wanted = new Set(q.unitIds);
    const res = await dossierIndicators(ctx, {
      from: q.windowFrom,
      to: asOf,
      groupBy: 'unit',
      restate: false,
    });
    for (const g of res.groups) {
      if (!wanted.has(g.key)) continue;
      const totals = g.totals as unknown as Totals;
      const entry = out.get(g.key)!;
      for (const f of fields) {
        const read = DOSSIER_SOURCES[f.prefill];
        if (read) entry[f.key] = { source: f.prefill, value: read(totals), asOf };
      }
    }
  }
  const planSources = (prefix: string) => [...sources].some((s) => s.startsWith(prefix));
  if (planSources('unitPlan.tasks.')) {
    const counts = await planTaskCounts(ctx.db, q.unitIds, q.year, asOf);
    for (const [unitId, c] of counts) fillPlan(out.get(unitId), fields, 'unitPlan.tasks.', c, asOf);
  }
  if (planSources('plan.tasks.')) {
    const c = (await planTaskCounts(ctx.db, [q.ownerUnitId], q.year, asOf)).get(q.ownerUnitId);
    if (c) for (const entry of out.values()) fillPlan(entry, fields, 'plan.tasks.', c, asOf);
  }
  if (planSources('pilots.items')) {
    const items = (await pilotItemsForUnits(ctx, q.unitIds, asOf)).filter(
      (i) => i.year === q.year && i.status !== 'cancelled',
    );
    for (const unitId of q.unitIds) {
      const mine = items.filter((i) => i.unitId === unitId);
      if (!mine.length) continue;
      const entry = out.get(unitId)!;
      const counts: Record<string, number> = {
        'pilots.items.total': mine.length,
        'pilots.items.verified': mine.filter((i) => i.status === 'verified').length,
        'pilots.items.inProgress': mine.filter((i) => i.status !== 'verified' && i.status !== 'not_started')
          .length,
      };
      for (const f of fields) {
        const value = counts[f.prefill];
        if (value !== undefined) entry[f.key] = { source: f.prefill, value, asOf };
      }
    }
  }
  if ([...sources].some((s) => s in INSPECTION_SOURCES)) {
    const figures = await inspectionFiguresForReport(ctx, q.unitIds, { from: q.windowFrom, to: asOf });
    for (const [unitId, f] of figures) {
      // No inspection planned, done or concluded for the unit: nothing to prefill (empty is never 0).
      if (!f.planned && !f.done && !f.recommendations.total) continue;
      const entry = out.get(unitId)!;
      for (const field of fields) {
        const read = INSPECTION_SOURCES[field.prefill];
        if (read) entry[field.key] = { source: field.prefill, value: read(f), asOf };
      }
    }
  }
  return out;
}

/**
 * Tables a form prefills (`pilots.items`: one row per pilot item of the unit that year, the unit completes the
 * result and evidence): `{ field: rows }` per unit, a starting point the unit edits (no note needed).
 */
export async function prefillTables(
  ctx: RequestContext,
  form: FormVersion,
  q: { unitIds: readonly string[]; windowTo: string; year: number },
): Promise<Map<string, Record<string, TableRow[]>>> {
  const out = new Map<string, Record<string, TableRow[]>>();
  const tables = formFields(form)
    .map(({ field }) => field)
    .filter((f) => f.type === 'table' && f.prefill === 'pilots.items');
  if (!tables.length || !q.unitIds.length) return out;
  const asOf = min(q.windowTo, todayInVietnam());
  const items = (await pilotItemsForUnits(ctx, q.unitIds, asOf)).filter(
    (i) => i.year === q.year && i.status !== 'cancelled',
  );
  for (const unitId of q.unitIds) {
    const rows = pilotItemRows(items, unitId);
    if (rows.length) out.set(unitId, Object.fromEntries(tables.map((t) => [t.key, rows])));
  }
  return out;
}

/** A unit's pilot items as the rows of the pilot report's table (the unit completes result and evidence). */
export function pilotItemRows(items: readonly PilotItemForUnit[], unitId: string): TableRow[] {
  return items
    .filter((i) => i.unitId === unitId)
    .map((i) => ({
      cells: {
        item: i.title,
        area: i.reformArea,
        status:
          i.status === 'verified'
            ? 'done'
            : i.status === 'not_started'
              ? 'not_started'
              : i.timing.state === 'overdue'
                ? 'behind'
                : 'on_track',
        progress: null,
        result: null,
        evidence: null,
      },
    }));
}

function fillPlan(
  entry: Prefill | undefined,
  fields: readonly { key: string; prefill: string }[],
  prefix: string,
  c: { total: number; verified: number },
  asOf: string,
) {
  if (!entry) return;
  for (const f of fields) {
    if (f.prefill === `${prefix}total`) entry[f.key] = { source: f.prefill, value: c.total, asOf };
    if (f.prefill === `${prefix}verified`) entry[f.key] = { source: f.prefill, value: c.verified, asOf };
  }
}

const SOURCE_WORDS: Record<string, { vi: string; en: string }> = {
  'dossiers.carriedOver': { vi: 'Hồ sơ kỳ trước chuyển sang', en: 'Dossiers carried over' },
  'dossiers.received': { vi: 'Hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received' },
  'dossiers.receivedOnline': { vi: 'Hồ sơ tiếp nhận trực tuyến', en: 'Dossiers received online' },
  'dossiers.withdrawn': { vi: 'Hồ sơ rút', en: 'Dossiers withdrawn' },
  'dossiers.resolvedEarlyOrOnTime': {
    vi: 'Hồ sơ giải quyết trước và đúng hạn',
    en: 'Resolved early or on time',
  },
  'dossiers.resolvedLate': { vi: 'Hồ sơ giải quyết quá hạn', en: 'Resolved late' },
  'dossiers.processing': { vi: 'Hồ sơ đang giải quyết', en: 'Dossiers in process' },
  'dossiers.processingOverdue': { vi: 'Hồ sơ đang giải quyết quá hạn', en: 'In process and overdue' },
  'dossiers.digitised': { vi: 'Hồ sơ được số hóa', en: 'Dossiers digitised' },
  'dossiers.feePayable': { vi: 'Hồ sơ phải nộp phí, lệ phí', en: 'Dossiers with a fee' },
  'dossiers.paidOnline': { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Fees paid online' },
  'unitPlan.tasks.total': {
    vi: 'Số nhiệm vụ trong kế hoạch CCHC của đơn vị',
    en: "Tasks of the unit's PAR plan",
  },
  'unitPlan.tasks.verified': {
    vi: 'Số nhiệm vụ của đơn vị đã hoàn thành',
    en: "The unit's tasks verified done",
  },
  'plan.tasks.total': {
    vi: 'Số nhiệm vụ trong kế hoạch CCHC của tỉnh',
    en: "Tasks of the province's PAR plan",
  },
  'plan.tasks.verified': {
    vi: 'Số nhiệm vụ của tỉnh đã hoàn thành',
    en: "The province's tasks verified done",
  },
  'inspections.planned': {
    vi: 'Số cơ quan, đơn vị được kiểm tra CCHC theo kế hoạch',
    en: 'Inspections in the PAR inspection plan',
  },
  'inspections.plannedDone': {
    vi: 'Số cơ quan, đơn vị đã kiểm tra theo kế hoạch',
    en: 'Planned inspections carried out',
  },
  'inspections.surprise': { vi: 'Số cuộc kiểm tra đột xuất', en: 'Surprise inspections' },
  'inspections.recommendations.total': {
    vi: 'Số kiến nghị sau kiểm tra phải khắc phục',
    en: 'Inspection recommendations to remedy',
  },
  'inspections.recommendations.verified': {
    vi: 'Số kiến nghị sau kiểm tra đã khắc phục xong',
    en: 'Inspection recommendations remedied',
  },
};

/** The sources a designer may choose, each in words. */
export const prefillSources = () =>
  PREFILL_SOURCES.map((id) => ({
    id,
    label: SOURCE_WORDS[id] ?? sourceLabel(id),
  }));

/** Where a source id's figure comes from, in words (the form shows it beside the prefilled figure). */
export function sourceLabel(source: string): { vi: string; en: string } {
  if (source.startsWith('dossiers.'))
    return { vi: 'Số liệu hồ sơ TTHC trong kỳ (hệ thống)', en: 'Dossier figures of the period (system)' };
  if (source.startsWith('unitPlan.'))
    return { vi: 'Kế hoạch CCHC năm của đơn vị (hệ thống)', en: "The unit's PAR plan of the year (system)" };
  if (source.startsWith('pilots.'))
    return { vi: 'Nội dung chỉ đạo điểm của đơn vị (hệ thống)', en: "The unit's pilot items (system)" };
  if (source.startsWith('inspections.'))
    return { vi: 'Kiểm tra công tác CCHC (hệ thống)', en: 'PAR inspections (system)' };
  if (source.startsWith('plan.'))
    return {
      vi: 'Kế hoạch CCHC năm của tỉnh (hệ thống)',
      en: "The province's PAR plan of the year (system)",
    };
  return { vi: 'Hệ thống', en: 'System' };
}
