/**
 * The province figure catalogue (issue 18, item 1): every key figure of the province, one definition each (its
 * names, unit, which way is better, the module that owns it) and one way to compute it for a window of time — always
 * through the owning module's exported functions, never its tables. Other modules (the dashboard, the briefing pack,
 * the home page) read figures only from here.
 *
 * A window is `from`–`to` (a reporting period's data window, or any dates), read as of `asOf` (default today, and
 * never after `to`: a figure of a past window is read on its last day), optionally restated onto today's units
 * (lineage) and narrowed to some units (`unitIds`: those units and the units below them). A value that cannot be
 * known for the window is `null` ("no data"), never 0. Percentages are 0–100; numerator and denominator let the UI
 * say "38/52". Every reader respects the caller's read scope as the modules' own functions do (the dashboard's roles
 * read the whole province).
 *
 * Sources, per figure:
 * - `plan.*`: the committee's plan of the window's year, as of the reading day (plans `planDashboard`: statuses
 *   rebuilt from the task events, overdue in working days; restated by lineage), its lead units for a unit filter;
 * - `pilots.*`: the pilot programmes of the window's year (pilots `listProgrammes`, `pilotKpis`);
 * - `reports.onTime`: the periodic reports due in the window, first sent by their deadline (reports
 *   `reportsOnTimeBetween`, the PAR Index's rule: a report counts once sent or late);
 * - `dossiers.*`: QĐ 766/QĐ-TTg on-time and online rates of the window (dossiers `dossierIndicators`);
 * - `hotline.*`: QĐ 766's PAKN handled on time and satisfaction for answers published in the window
 *   (hotline `feedbackQd766`, Decree 20 deadlines);
 * - `inspections.*`: recommendations due in the window remedied on time, and those overdue on the reading day
 *   (inspections `inspectionFigures`);
 * - `parindex.average`: the mean PAR Index (percent of the maximum) of the units in the latest campaign published
 *   by the reading day (parindex `listCampaigns`, `campaignResults`);
 * - `surveys.satisfaction`: the SIPAS-like satisfaction index of the surveys answered in the window (surveys
 *   `surveySatisfaction`, the index QĐ 766 reads);
 * - `standings.parIndex`: the province's own national PAR Index of the window's year, or the latest published
 *   before it (standings `standingsOverview`) — then its `from`/`to` are that earlier year's;
 * - `units.plansIssued`: departments and localities that issued their own yearly PAR plan (plans
 *   `unitPlanCoverage`).
 */
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden, unauthenticated } from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { DOSSIER_READ_ROLES } from '../dossiers/dossiers.policy.js';
import { dossierIndicators } from '../dossiers/dossiers.service.js';
import { feedbackQd766 } from '../hotline/stats/stats.service.js';
import { inspectionFigures } from '../inspections/figures.service.js';
import { listCampaigns } from '../parindex/campaigns.service.js';
import { campaignResults } from '../parindex/results.service.js';
import { listProgrammes, pilotKpis } from '../pilots/pilots.service.js';
import { planDashboard } from '../plans/dashboard.service.js';
import { listPlans } from '../plans/plans.service.js';
import { unitPlanCoverage } from '../plans/unit-plans.service.js';
import { reportsOnTimeBetween } from '../reports/par-figures.service.js';
import { standingsOverview } from '../standings/standings.service.js';
import { surveySatisfaction } from '../surveys/qd766-figures.service.js';
import { carriedBy, carriersOn } from '../units/carriers.service.js';
import { getUnits, unitFacts } from '../units/units.service.js';

import { FIGURE_KEYS, type FigureKey } from './figure-keys.js';

export { FIGURE_KEYS, type FigureKey };

export type FigureDef = {
  key: FigureKey;
  label: { vi: string; en: string };
  unit: 'percent' | 'count' | 'points';
  better: 'higher' | 'lower';
  /** The module that owns the figure. */
  source: string;
};

const def = (
  key: FigureKey,
  vi: string,
  en: string,
  unit: FigureDef['unit'],
  better: FigureDef['better'],
  source: string,
): FigureDef => ({ key, label: { vi, en }, unit, better, source });

export const FIGURE_CATALOGUE: Record<FigureKey, FigureDef> = {
  'plan.completion': def(
    'plan.completion',
    'Hoàn thành nhiệm vụ kế hoạch CCHC của tỉnh',
    'Province PAR plan tasks completed',
    'percent',
    'higher',
    'plans',
  ),
  'plan.overdue': def(
    'plan.overdue',
    'Nhiệm vụ kế hoạch quá hạn',
    'Plan tasks overdue',
    'count',
    'lower',
    'plans',
  ),
  'pilots.completion': def(
    'pilots.completion',
    'Hoàn thành nội dung chỉ đạo điểm',
    'Pilot items completed',
    'percent',
    'higher',
    'pilots',
  ),
  'pilots.overdue': def(
    'pilots.overdue',
    'Nội dung chỉ đạo điểm quá hạn',
    'Pilot items overdue',
    'count',
    'lower',
    'pilots',
  ),
  'reports.onTime': def(
    'reports.onTime',
    'Báo cáo định kỳ gửi đúng hạn',
    'Periodic reports sent on time',
    'percent',
    'higher',
    'reports',
  ),
  'dossiers.onTime': def(
    'dossiers.onTime',
    'Hồ sơ TTHC giải quyết đúng hạn',
    'Administrative dossiers resolved on time',
    'percent',
    'higher',
    'dossiers',
  ),
  'dossiers.online': def(
    'dossiers.online',
    'Hồ sơ TTHC nộp trực tuyến',
    'Administrative dossiers submitted online',
    'percent',
    'higher',
    'dossiers',
  ),
  'hotline.onTime': def(
    'hotline.onTime',
    'Phản ánh, kiến nghị xử lý đúng hạn',
    'Feedback handled on time',
    'percent',
    'higher',
    'hotline',
  ),
  'hotline.satisfaction': def(
    'hotline.satisfaction',
    'Mức độ hài lòng về xử lý phản ánh, kiến nghị',
    'Satisfaction with feedback handling',
    'percent',
    'higher',
    'hotline',
  ),
  'inspections.remediedOnTime': def(
    'inspections.remediedOnTime',
    'Kiến nghị kiểm tra khắc phục đúng hạn',
    'Inspection recommendations remedied on time',
    'percent',
    'higher',
    'inspections',
  ),
  'inspections.recommendationsOverdue': def(
    'inspections.recommendationsOverdue',
    'Kiến nghị kiểm tra quá hạn khắc phục',
    'Inspection recommendations overdue',
    'count',
    'lower',
    'inspections',
  ),
  'parindex.average': def(
    'parindex.average',
    'Chỉ số CCHC bình quân của các cơ quan, địa phương',
    "Average PAR Index of the province's units",
    'points',
    'higher',
    'parindex',
  ),
  'surveys.satisfaction': def(
    'surveys.satisfaction',
    'Chỉ số hài lòng của người dân, tổ chức (khảo sát)',
    'Citizen and business satisfaction (surveys)',
    'percent',
    'higher',
    'surveys',
  ),
  'standings.parIndex': def(
    'standings.parIndex',
    'Chỉ số CCHC (PAR Index) của tỉnh',
    "The province's national PAR Index",
    'points',
    'higher',
    'standings',
  ),
  'units.plansIssued': def(
    'units.plansIssued',
    'Cơ quan, địa phương đã ban hành kế hoạch CCHC',
    'Units that issued their PAR plan',
    'percent',
    'higher',
    'plans',
  ),
};

export type FigureWindow = {
  from: string;
  to: string;
  /** The day the figures are read on (default today; a day after `to` reads on `to`). */
  asOf?: string;
  /** Facts restated onto the units that carry them today (lineage); default: the units as they were. */
  restate?: boolean;
  /** Only these units (and the units below them); absent: the whole province. */
  unitIds?: string[];
  /**
   * Only this reform area (../tasks `REFORM_AREAS`) — where a figure is split by reform area: the plan's tasks
   * (`FIGURE_BY_AREA`); the other figures are the window's whatever the area.
   */
  reformArea?: string;
  /**
   * The deadlines that belong to the window (a period's reports are due a few days after its data window closes:
   * ./rules.ts `dueWindowOf`); default: the window itself. Reports due in it count in `reports.onTime`.
   */
  dueWindow?: { from: string; to: string };
};

/** The figures a reform area narrows (the others do not record one). */
export const FIGURE_BY_AREA: readonly FigureKey[] = ['plan.completion', 'plan.overdue'];

/** The figures a unit filter cannot narrow (a figure of the province as a whole): null when units are chosen. */
export const FIGURE_PROVINCE_ONLY: readonly FigureKey[] = ['standings.parIndex'];

export type FigureValue = {
  key: FigureKey;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  from: string;
  to: string;
  /** A staff-app path to the records behind the figure. */
  link: string | null;
};

/** The roles that read the province's figures (the dashboard's). */
export const FIGURE_READER_ROLES: readonly Role[] = [
  'committee_leader',
  'committee_member',
  'standing_officer',
  'admin',
];

// ---------------------------------------------------------------------------------------------------
// Helpers

const minDay = (a: string, b: string) => (a < b ? a : b);

/** The day a window is read on: its last day, or the as-of day (default today) if earlier. */
export function readingDay(w: Pick<FigureWindow, 'to' | 'asOf'>, today = todayInVietnam()): string {
  return minDay(w.to, minDay(w.asOf ?? today, today));
}

/** A share as a percentage, null when nothing was counted. */
export const pct = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? (numerator * 100) / denominator : null;

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * Which of `unitIds` (the units records name) lie inside the window's units (themselves or below one of them): one
 * query for all. Restated, a unit also counts where a unit carrying it today lies (lineage: a commune merged in 2025
 * counts for today's commune). With no filter every unit is inside.
 */
async function scopeTest(ctx: RequestContext, w: FigureWindow) {
  const wanted = w.unitIds ? new Set(w.unitIds) : null;
  return async (unitIds: readonly string[]): Promise<Set<string>> => {
    if (!wanted) return new Set(unitIds);
    const candidates = new Map(unitIds.map((id) => [id, [id]]));
    if (w.restate && unitIds.length) {
      const carried = await carriersOn(ctx.db, unitIds, todayInVietnam());
      for (const id of unitIds)
        candidates.set(id, [id, ...(carried.get(id)?.carriers.map((c) => c.unitId) ?? [])]);
    }
    const facts = await unitFacts(ctx.db, [...new Set([...candidates.values()].flat())]);
    const inside = (id: string) => (facts.get(id)?.path ?? [id]).some((p) => wanted.has(p));
    return new Set(unitIds.filter((id) => candidates.get(id)!.some(inside)));
  };
}

/** `scopeTest` for one list: which of the records' units lie inside the window's units (restated: by lineage). */
export async function unitsInside(
  ctx: RequestContext,
  w: Pick<FigureWindow, 'unitIds' | 'restate'>,
  unitIds: readonly string[],
): Promise<Set<string>> {
  return (await scopeTest(ctx, w as FigureWindow))(unitIds);
}

/** The window's units and, restated, the ended units they carry today (whose records they answer for). */
async function unitsWithPredecessors(ctx: RequestContext, w: FigureWindow, unitIds: readonly string[]) {
  if (!w.restate || !unitIds.length) return [...unitIds];
  const carried = await carriedBy(ctx.db, unitIds, todayInVietnam());
  return [...new Set([...unitIds, ...[...carried.values()].flat().map((c) => c.unitId)])];
}

/**
 * The province the caller reads figures of: the province at or above the roots of their readers' grants, over
 * which they hold a readers' role; null when there is none (a member of a commune's committee only).
 */
export async function figureProvince(ctx: RequestContext): Promise<string | null> {
  const actor = requireActor(ctx);
  const roots = actor.rootsFor(FIGURE_READER_ROLES);
  if (!roots.length) return null;
  const facts = await unitFacts(ctx.db, roots);
  const tops = [...new Set([...facts.values()].flatMap((f) => f.path))];
  const provinces = (await getUnits(ctx.db, tops)).filter((u) => u.kind === 'province');
  return provinces.find((p) => actor.hasRoleOver(FIGURE_READER_ROLES, [p.id]))?.id ?? null;
}

/** `figureProvince`, or 403. */
export async function callerProvince(ctx: RequestContext): Promise<string> {
  const province = await once(ctx, 'province', () => figureProvince(ctx));
  if (!province) throw forbidden();
  return province;
}

/**
 * One request's reads shared between its windows (a dashboard reads four windows of the same year: the same plan,
 * campaign, standings and coverage): keyed by the request's context, so nothing outlives the request.
 */
const perRequest = new WeakMap<RequestContext, Map<string, Promise<unknown>>>();
function once<T>(ctx: RequestContext, key: string, read: () => Promise<T>): Promise<T> {
  let reads = perRequest.get(ctx);
  if (!reads) perRequest.set(ctx, (reads = new Map()));
  let found = reads.get(key) as Promise<T> | undefined;
  if (!found) {
    found = read();
    reads.set(key, found);
    // A failed read is not kept: the error reaches this caller, the next one reads again.
    found.catch(() => reads.delete(key));
  }
  return found;
}

/** A source's answer; a yearly figure published later (the national PAR Index) names the year it is of. */
type Computed = Omit<FigureValue, 'key' | 'from' | 'to'> & Partial<Pick<FigureValue, 'from' | 'to'>>;

const none = (link: string | null): Computed => ({ value: null, numerator: null, denominator: null, link });
const share = (numerator: number, denominator: number, link: string | null): Computed => ({
  value: pct(numerator, denominator),
  numerator: denominator > 0 ? numerator : null,
  denominator: denominator > 0 ? denominator : null,
  link,
});
const count = (n: number, of: number | null, link: string | null): Computed => ({
  value: n,
  numerator: n,
  denominator: of,
  link,
});

// ---------------------------------------------------------------------------------------------------
// Each source, computed once per window for the figures that share it

type Source = (
  ctx: RequestContext,
  w: FigureWindow,
  day: string,
) => Promise<Partial<Record<FigureKey, Computed>>>;

/** The committee's plan of the window's year as of the reading day. */
const planSource: Source = async (ctx, w, day) => {
  const year = Number(w.to.slice(0, 4));
  const [plan] = await once(ctx, `plans:${year}`, () => listPlans(ctx, year, 'committee'));
  if (!plan) return { 'plan.completion': none('/plans'), 'plan.overdue': none('/plans') };
  const groupBy: ('unit' | 'area')[] = [];
  if (w.unitIds) groupBy.push('unit');
  if (w.reformArea || !groupBy.length) groupBy.push('area');
  const d = await once(ctx, `plan:${plan.id}:${day}:${!!w.restate}:${groupBy.join()}`, () =>
    planDashboard(ctx, plan.id, { asOf: day, restate: !!w.restate, groupBy }),
  );
  const link = `/plans/${plan.id}/dashboard`;
  if (!w.unitIds && !w.reformArea)
    return {
      'plan.completion': {
        value: d.overall.completionPct.value,
        numerator: d.overall.completionPct.denominator > 0 ? d.overall.completionPct.numerator : null,
        denominator: d.overall.completionPct.denominator > 0 ? d.overall.completionPct.denominator : null,
        link,
      },
      'plan.overdue': count(d.overall.overdue.value, d.overall.completionPct.taskIds.length, link),
    };
  // Narrowed: the tasks of the chosen units' groups and of the area's group, counted once each.
  let kept: Set<string> | null = null;
  const keep = (ids: Iterable<string>) => {
    const next = new Set(ids);
    kept = kept === null ? next : new Set([...kept].filter((id) => next.has(id)));
  };
  if (w.unitIds) {
    const inside = await (await scopeTest(ctx, w))((d.byUnit ?? []).map((g) => g.key));
    keep((d.byUnit ?? []).filter((g) => inside.has(g.key)).flatMap((g) => g.kpis.total.taskIds));
  }
  if (w.reformArea) keep((d.byArea ?? []).find((g) => g.key === w.reformArea)?.kpis.total.taskIds ?? []);
  const only = (ids: readonly string[]) => ids.filter((id) => kept!.has(id));
  const owed = only(d.overall.completionPct.taskIds);
  const done = only(d.overall.completionPct.numeratorTaskIds);
  const overdue = only(d.overall.overdue.taskIds);
  return {
    'plan.completion': share(done.length, owed.length, link),
    'plan.overdue': count(overdue.length, owed.length, link),
  };
};

/** The pilot programmes of the window's year as of the reading day. */
const pilotSource: Source = async (ctx, w, day) => {
  const year = Number(w.to.slice(0, 4));
  const programmes = await once(ctx, `programmes:${year}:${day}`, () => listProgrammes(ctx, { year }, day));
  if (!programmes.items.length || programmes.year !== year)
    return { 'pilots.completion': none('/pilots'), 'pilots.overdue': none('/pilots') };
  const inside = await scopeTest(ctx, w);
  let owed = 0;
  let verified = 0;
  let overdue = 0;
  for (const p of programmes.items) {
    const k = await once(ctx, `pilot:${p.id}:${day}`, () => pilotKpis(ctx, p.id, day));
    const kept = await inside(k.units.map((u) => u.unitId));
    for (const u of k.units.filter((x) => kept.has(x.unitId))) {
      owed += u.kpis.completionPct.denominator;
      verified += u.kpis.completionPct.numerator;
      overdue += u.kpis.overdue.value;
    }
  }
  return {
    'pilots.completion': share(verified, owed, '/pilots'),
    'pilots.overdue': owed > 0 ? count(overdue, owed, '/pilots') : none('/pilots'),
  };
};

/** The periodic reports due in the window's deadlines, first sent by their deadline, as of the reading day. */
const reportsSource: Source = async (ctx, w, day) => {
  const units = w.unitIds ? await unitsWithPredecessors(ctx, w, w.unitIds) : [await callerProvince(ctx)];
  const due = w.dueWindow ?? { from: w.from, to: w.to };
  const f = await reportsOnTimeBetween(ctx, units, due, { today: day });
  return { 'reports.onTime': share(f.numerator, f.denominator, f.link) };
};

const dossierSource: Source = async (ctx, w, day) => {
  const link = `/dossiers?from=${w.from}&to=${day}`;
  if (!requireActor(ctx).hasRole(...DOSSIER_READ_ROLES))
    return { 'dossiers.onTime': none(null), 'dossiers.online': none(null) };
  if (w.from > day) return { 'dossiers.onTime': none(link), 'dossiers.online': none(link) };
  const r = await dossierIndicators(ctx, {
    from: w.from,
    to: day,
    groupBy: w.unitIds ? 'unit' : 'total',
    restate: !!w.restate,
  });
  if (!w.unitIds) {
    const i = r.total.indicators;
    return {
      'dossiers.onTime': share(i.onTimeRate.numerator, i.onTimeRate.denominator, link),
      'dossiers.online': share(i.onlineRate.numerator, i.onlineRate.denominator, link),
    };
  }
  const inside = await (await scopeTest(ctx, w))(r.groups.map((g) => g.key));
  const kept = r.groups.filter((g) => inside.has(g.key));
  const sum = (pick: (g: (typeof kept)[number]) => number) => kept.reduce((n, g) => n + pick(g), 0);
  return {
    'dossiers.onTime': share(
      sum((g) => g.indicators.onTimeRate.numerator),
      sum((g) => g.indicators.onTimeRate.denominator),
      link,
    ),
    'dossiers.online': share(
      sum((g) => g.indicators.onlineRate.numerator),
      sum((g) => g.indicators.onlineRate.denominator),
      link,
    ),
  };
};

const hotlineSource: Source = async (ctx, w, day) => {
  const link = `/hotline/stats`;
  if (w.from > day) return { 'hotline.onTime': none(link), 'hotline.satisfaction': none(link) };
  const f = await feedbackQd766(ctx.db, {
    from: w.from,
    to: day,
    unitIds: w.unitIds ?? null,
    subtree: true,
    restated: !!w.restate,
  });
  return {
    'hotline.onTime': share(f.pakn_on_time.numerator, f.pakn_on_time.denominator, link),
    'hotline.satisfaction': share(f.pakn_satisfaction.numerator, f.pakn_satisfaction.denominator, link),
  };
};

/** Inspection recommendations: those due in the window remedied on time; those overdue on the reading day. */
export async function recommendationsInWindow(ctx: RequestContext, w: FigureWindow) {
  const day = readingDay(w);
  const year = Number(w.to.slice(0, 4));
  const years = year === Number(w.from.slice(0, 4)) ? [year] : [Number(w.from.slice(0, 4)), year];
  const seen = new Map<
    string,
    Awaited<ReturnType<typeof inspectionFigures>>['records']['recommendations'][number]
  >();
  for (const y of years) {
    const f = await once(ctx, `inspections:${y}:${day}`, () =>
      inspectionFigures(ctx, { year: y, asOf: day }),
    );
    for (const r of f.records.recommendations) seen.set(r.id, r);
  }
  const all = [...seen.values()];
  const inside = await (await scopeTest(ctx, w))(all.map((r) => r.unit.id));
  const kept = all.filter((r) => inside.has(r.unit.id));
  const due = kept.filter((r) => r.dueDate >= w.from && r.dueDate <= day);
  const onTime = due.filter((r) => r.status === 'verified' && r.timing?.state === 'done_on_time');
  const overdue = kept.filter((r) => r.timing?.state === 'overdue');
  return { due, onTime, overdue, open: kept.filter((r) => r.status !== 'verified') };
}

const inspectionSource: Source = async (ctx, w) => {
  const link = `/inspections/figures?year=${w.to.slice(0, 4)}`;
  const r = await recommendationsInWindow(ctx, w);
  return {
    'inspections.remediedOnTime': share(r.onTime.length, r.due.length, link),
    'inspections.recommendationsOverdue': count(r.overdue.length, r.open.length, link),
  };
};

/** The latest PAR Index campaign published by the reading day, and its units' mean index. */
const parindexSource: Source = async (ctx, w, day) => {
  const { campaigns } = await once(ctx, 'campaigns', () => listCampaigns(ctx, {}));
  const latest = campaigns
    .filter((c) => c.stage === 'published' && c.publishedAt && todayInVietnam(new Date(c.publishedAt)) <= day)
    .sort((a, b) => b.year - a.year)[0];
  if (!latest) return { 'parindex.average': none('/par/results') };
  const link = `/par/results?year=${latest.year}`;
  const { rows } = await once(ctx, `campaign:${latest.id}`, () => campaignResults(ctx, latest.id));
  const inside = await (await scopeTest(ctx, w))(rows.map((r) => r.unitId));
  const kept = rows.filter((r) => inside.has(r.unitId));
  if (!kept.length) return { 'parindex.average': none(link) };
  const mean = kept.reduce((n, r) => n + r.percent, 0) / kept.length;
  return { 'parindex.average': { value: mean, numerator: null, denominator: kept.length, link } };
};

const surveySource: Source = async (ctx, w, day) => {
  if (w.from > day) return { 'surveys.satisfaction': none('/surveys') };
  const v = await surveySatisfaction(ctx.db, {
    from: w.from,
    to: day,
    unitIds: w.unitIds ?? null,
    subtree: true,
    restated: !!w.restate,
  });
  return {
    'surveys.satisfaction': {
      value: v === null ? null : v * 100,
      numerator: null,
      denominator: null,
      link: '/surveys',
    },
  };
};

/** The province's national PAR Index: the window's year, or the latest result before it. */
const standingsSource: Source = async (ctx, w) => {
  // A province figure: a part of the province has none of its own.
  if (w.unitIds) return { 'standings.parIndex': none('/standings') };
  const year = Number(w.to.slice(0, 4));
  const o = await once(ctx, `standings:${year}`, () =>
    standingsOverview(ctx, { fromYear: year - 4, toYear: year }),
  );
  const par = o.indices.find((i) => i.code === 'par_index');
  // The index as a whole: the dimension '' (standings' OVERALL).
  const overall = par?.rows.find((r) => r.code === '');
  const cell = [...(overall?.cells ?? [])].reverse().find((c) => c.result);
  if (!cell?.result) return { 'standings.parIndex': none('/standings') };
  return {
    'standings.parIndex': {
      value: cell.result.value,
      numerator: null,
      denominator: null,
      link: '/standings',
      // The year the result is of (the latest published may be an earlier one): its window says so.
      from: `${cell.year}-01-01`,
      to: `${cell.year}-12-31`,
    },
  };
};

/** Departments and localities that issued their own plan of the window's year by the reading day. */
const unitsSource: Source = async (ctx, w) => {
  const year = Number(w.to.slice(0, 4));
  const c = await once(ctx, `coverage:${year}`, () => unitPlanCoverage(ctx, year));
  const link = `/plans?year=${year}`;
  if (!c.expected) return { 'units.plansIssued': none(link) };
  const inside = await (await scopeTest(ctx, w))(c.units.map((u) => u.unitId));
  const kept = c.units.filter((u) => inside.has(u.unitId));
  return { 'units.plansIssued': share(kept.filter((u) => u.plan).length, kept.length, link) };
};

const SOURCES: { keys: readonly FigureKey[]; compute: Source }[] = [
  { keys: ['plan.completion', 'plan.overdue'], compute: planSource },
  { keys: ['pilots.completion', 'pilots.overdue'], compute: pilotSource },
  { keys: ['reports.onTime'], compute: reportsSource },
  { keys: ['dossiers.onTime', 'dossiers.online'], compute: dossierSource },
  { keys: ['hotline.onTime', 'hotline.satisfaction'], compute: hotlineSource },
  { keys: ['inspections.remediedOnTime', 'inspections.recommendationsOverdue'], compute: inspectionSource },
  { keys: ['parindex.average'], compute: parindexSource },
  { keys: ['surveys.satisfaction'], compute: surveySource },
  { keys: ['standings.parIndex'], compute: standingsSource },
  { keys: ['units.plansIssued'], compute: unitsSource },
];

// ---------------------------------------------------------------------------------------------------
// The catalogue's API

/** One figure of the province (or of the window's units) for a window. */
export async function provinceFigure(
  ctx: RequestContext,
  key: FigureKey,
  w: FigureWindow,
): Promise<FigureValue> {
  const [value] = await provinceFigures(ctx, w, [key]);
  return value!;
}

/**
 * Figures for a window (default: every figure of the catalogue), in the order asked. Figures sharing a source are
 * computed together; the caller must hold one of the readers' roles over the province (403 otherwise).
 */
export async function provinceFigures(
  ctx: RequestContext,
  w: FigureWindow,
  keys: readonly FigureKey[] = FIGURE_KEYS,
): Promise<FigureValue[]> {
  const actor = requireActor(ctx);
  if (!actor.hasRole(...FIGURE_READER_ROLES)) throw forbidden();
  const day = readingDay(w);
  const wanted = new Set(keys);
  const found = new Map<FigureKey, Computed>();
  for (const s of SOURCES) {
    if (!s.keys.some((k) => wanted.has(k))) continue;
    const out = await s.compute(ctx, w, day);
    for (const k of s.keys) if (out[k]) found.set(k, out[k]);
  }
  return keys.map((key) => ({ key, from: w.from, to: w.to, ...(found.get(key) ?? none(null)) }));
}
