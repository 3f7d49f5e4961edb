/**
 * The open data (issue 18, item 3): the catalogue, a Frictionless Data Package describing every file, and each
 * published dataset as CSV (./rules/csv.ts: UTF-8 with BOM, `;`, `.` decimals) and JSON. A dataset is offered when
 * open data is published and its own section is; its rows come from the same readers as the public API, so the
 * files never say more than the pages.
 */
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { listPublished } from '../hotline/public.service.js';
import { datasetDef, OPEN_DATA_DEFINITIONS, type DatasetDef } from './open-data.definitions.js';
import type { DatapackageOut, OpenDataCatalogueOut, OpenDataJsonOut, OpenDataset } from './portal.schemas.js';
import {
  dossierFiguresPublic,
  loadPortal,
  notPublished,
  pilotsPublic,
  planPublic,
  portalResults,
  UNIT_GROUP_NAMES,
  type Portal,
} from './public.service.js';
import { portalPublicUrl } from './portal.service.js';
import { CSV_DIALECT, toCsv, type Cell } from './rules/csv.js';

export const OPEN_DATA_PREFIX = '/api/open-data';
type Row = Record<string, Cell>;

/** The most answered feedback rows a file holds (newest first). */
const FEEDBACK_MAX_ROWS = 10_000;

const offered = (p: Portal, d: DatasetDef) => p.sections.openData && p.sections[d.section];

async function rowsOf(ctx: RequestContext, p: Portal, d: DatasetDef): Promise<Row[]> {
  switch (d.name) {
    case 'par-results': {
      const out: Row[] = [];
      for (const c of p.campaigns) {
        const results = await portalResults(ctx.db, c, p.province.id);
        for (const r of results?.rows ?? [])
          out.push({
            year: c.year,
            unit_group: r.group,
            unit_group_name: UNIT_GROUP_NAMES[r.group].vi,
            unit_id: r.unitId,
            unit_name: r.unitName,
            rank: r.rank,
            rank_of: r.rankOf,
            points: r.points,
            max_points: r.maxPoints,
            index_percent: r.percent,
            grade: r.grade,
            grade_name: r.gradeName.vi,
            previous_percent: r.previousPercent,
            change: r.change,
          });
      }
      return out;
    }
    case 'dossier-figures': {
      const out: Row[] = [];
      for (const year of p.settings.dossiers.years) {
        const d = await dossierFiguresPublic(ctx, { year, period: 'year' }, p).catch(() => null);
        for (const u of d?.units ?? [])
          out.push({
            year,
            period_from: d!.from,
            period_to: d!.to,
            unit_id: u.unitId,
            unit_name: u.unitName,
            received: u.received,
            resolved: u.resolved,
            processing: u.processing,
            on_time_percent: u.onTimePercent,
            resolved_early_or_on_time_percent: u.resolvedEarlyOrOnTimePercent,
            online_percent: u.onlinePercent,
            online_payment_percent: u.onlinePaymentPercent,
            digitisation_percent: u.digitisationPercent,
            e_result_percent: u.eResultPercent,
            satisfaction_percent: u.satisfactionPercent,
            average_processing_days: u.averageProcessingDays,
          });
      }
      return out;
    }
    case 'plan-tasks': {
      const out: Row[] = [];
      for (const year of p.settings.plan.years) {
        const plan = await planPublic(ctx, year, p).catch(() => null);
        for (const t of plan?.tasks ?? [])
          out.push({
            year,
            task_id: t.id,
            title: t.title,
            reform_area: t.area,
            reform_area_name: t.areaName.vi,
            lead_unit_id: t.leadUnitId,
            lead_unit_name: t.leadUnitName,
            due_date: t.dueDate,
            status: t.status,
            done_on: t.doneOn,
          });
      }
      return out;
    }
    case 'pilot-items': {
      const out: Row[] = [];
      for (const year of p.settings.pilots.years) {
        const pilots = await pilotsPublic(ctx, year, p).catch(() => null);
        for (const u of pilots?.units ?? [])
          for (const i of u.items)
            out.push({
              year,
              unit_id: u.unitId,
              unit_name: u.unitName,
              item_id: i.id,
              title: i.title,
              reform_area: i.area,
              reform_area_name: i.areaName.vi,
              due_date: i.dueDate,
              status: i.status,
              done_on: i.doneOn,
              result: i.result,
            });
      }
      return out;
    }
    case 'feedback-answered': {
      const out: Row[] = [];
      // The hotline's own published list (it leaves out every personal datum), page by page.
      for (let offset = 0; offset < FEEDBACK_MAX_ROWS; offset += 500) {
        const page = await listPublished(ctx, { limit: 500, offset });
        for (const c of page.items)
          out.push({
            code: c.code,
            title: c.title,
            category: c.category?.vi ?? null,
            subject_unit: c.subject,
            handling_unit: c.handlingUnit,
            received_on: c.receivedOn,
            answered_on: c.answeredOn,
            on_time: c.onTime,
          });
        if (page.items.length < 500) break;
      }
      return out;
    }
  }
}

const base = () => portalPublicUrl() ?? '';
const fileUrl = (name: string, format: 'csv' | 'json') => `${base()}${OPEN_DATA_PREFIX}/${name}.${format}`;

export async function openDataCatalogue(ctx: RequestContext): Promise<OpenDataCatalogueOut> {
  const p = await loadPortal(ctx);
  if (!p.sections.openData) throw notPublished();
  const datasets = [];
  for (const d of OPEN_DATA_DEFINITIONS.filter((x) => offered(p, x))) {
    const rows = await rowsOf(ctx, p, d);
    datasets.push({
      name: d.name,
      title: d.title,
      description: d.description,
      section: d.section,
      formats: [
        { format: 'csv' as const, url: fileUrl(d.name, 'csv'), mediaType: 'text/csv; charset=utf-8' },
        { format: 'json' as const, url: fileUrl(d.name, 'json'), mediaType: 'application/json' },
      ],
      columns: d.columns,
      rows: rows.length,
    });
  }
  return {
    province: p.province,
    licence: { name: p.settings.licence.name, url: p.settings.licence.url },
    publisher: { ...p.settings.publisher },
    csv: { ...CSV_DIALECT },
    datasets,
    datapackageUrl: `${base()}${OPEN_DATA_PREFIX}/datapackage.json`,
    updatedAt: (p.settingsUpdatedAt ?? new Date(`${p.today}T00:00:00+07:00`)).toISOString(),
  };
}

/** Frictionless Data Package (v1): the datasets as tabular resources with their CSV dialect and schema. */
export async function datapackage(ctx: RequestContext): Promise<DatapackageOut> {
  const p = await loadPortal(ctx);
  if (!p.sections.openData) throw notPublished();
  const slug = `chidao-cchc-${p.province.id.slice(0, 8)}`;
  return {
    profile: 'tabular-data-package',
    name: slug,
    title: `Dữ liệu mở cải cách hành chính — ${p.province.name}`,
    description:
      'Dữ liệu mở về cải cách hành chính do cơ quan thường trực công bố: Chỉ số CCHC, số liệu giải quyết thủ tục hành chính, kế hoạch, chỉ đạo điểm, phản ánh đã trả lời. / Open data on administrative reform published by the standing agency.',
    ...(base() ? { homepage: `${base()}/cong-khai/du-lieu-mo` } : {}),
    created: (p.settingsUpdatedAt ?? new Date(`${p.today}T00:00:00+07:00`)).toISOString(),
    licenses: [
      { name: p.settings.licence.name, path: p.settings.licence.url, title: p.settings.licence.name },
    ],
    contributors: [
      {
        title: p.settings.publisher.name || p.province.name,
        role: 'publisher',
        ...(p.settings.publisher.email ? { email: p.settings.publisher.email } : {}),
      },
    ],
    resources: OPEN_DATA_DEFINITIONS.filter((d) => offered(p, d)).map((d) => ({
      name: d.name,
      path: fileUrl(d.name, 'csv'),
      profile: 'tabular-data-resource',
      title: `${d.title.vi} / ${d.title.en}`,
      description: `${d.description.vi} / ${d.description.en}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      dialect: { delimiter: CSV_DIALECT.delimiter, lineTerminator: CSV_DIALECT.lineTerminator, header: true },
      schema: {
        fields: d.columns.map((c) => ({
          name: c.name,
          type: c.type,
          title: `${c.title.vi} / ${c.title.en}`,
          description: `${c.description.vi} / ${c.description.en}`,
          ...(c.type === 'number' ? { decimalChar: CSV_DIALECT.decimalChar } : {}),
        })),
      },
    })),
  };
}

/** One dataset: 404 unless it is offered; the CSV text or the JSON document. */
export async function openDataFile(
  ctx: RequestContext,
  file: string,
): Promise<
  | { format: 'csv'; body: string; name: OpenDataset }
  | { format: 'json'; body: OpenDataJsonOut; name: OpenDataset }
> {
  const m = /^([a-z-]+)\.(csv|json)$/.exec(file);
  const d = m ? datasetDef(m[1]!) : undefined;
  if (!m || !d) throw new AppError(404, 'NOT_FOUND', 'portal.dataset_unknown');
  const p = await loadPortal(ctx);
  if (!offered(p, d)) throw notPublished();
  const rows = await rowsOf(ctx, p, d);
  if (m[2] === 'csv')
    return {
      format: 'csv',
      name: d.name,
      body: toCsv(
        d.columns.map((c) => c.name),
        rows,
      ),
    };
  return {
    format: 'json',
    name: d.name,
    body: {
      dataset: d.name,
      title: d.title,
      licence: { name: p.settings.licence.name, url: p.settings.licence.url },
      publisher: { ...p.settings.publisher },
      generatedAt: p.today,
      columns: d.columns,
      rows: rows.map((r) =>
        Object.fromEntries(d.columns.map((c) => [c.name, r[c.name] === undefined ? null : r[c.name]!])),
      ),
    },
  };
}
