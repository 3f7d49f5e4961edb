/**
 * What the public portal shows (issue 18, item 4): read through the other modules' exported functions as the
 * portal's reader (./portal.policy.ts `portalReader`), then cut down to the published sets and the public fields.
 * Never a person's name, a phone, an e-mail, an internal note, evidence or an appraiser's reason: unit names, titles,
 * dates, statuses and counts only. A dataset that is not published answers 404 (`portal.not_published`), whatever
 * exists behind it.
 */
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { dossierIndicators } from '../dossiers/dossiers.service.js';
import { publishedAnswerFigures } from '../hotline/public.service.js';
import {
  publishedCampaigns,
  publishedCriteriaTotals,
  publishedResults,
  type PublicFieldRef,
} from '../parindex/results.service.js';
import { committeeFacts, itemsOf, listProgrammes, timingOf } from '../pilots/pilots.service.js';
import { listPlans, listTasks, planKpis } from '../plans/plans.service.js';
import { REFORM_AREA_LABELS, type ReformArea } from '../tasks/index.js';
import { provincesInForce } from '../units/departments.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { unitDisplayName } from '../units/units.service.js';
import { unitsDayOf } from '../parindex/campaigns.service.js';
import type {
  DossierFiguresOut,
  DossiersOut,
  ParUnitOut,
  ParYearOut,
  ParYearsOut,
  PilotsPublicOut,
  PlanPublicOut,
  PortalHomeOut,
  PortalSection,
  PortalSettingsValues,
  PublicTaskStatus,
} from './portal.schemas.js';
import { portalReader } from './portal.policy.js';
import { loadSettingsRow } from './settings.store.js';
import { findPeriod, periodsOfYear } from './rules/dossier-periods.js';
import { publishedSections } from './rules/settings.js';

export const UNIT_GROUP_NAMES = {
  department: { vi: 'Sở, ban, ngành', en: 'Departments and agencies' },
  commune: { vi: 'UBND cấp xã', en: 'Communes' },
  other: { vi: 'Đơn vị khác', en: 'Other units' },
} as const;

/** The hotline's page of published answers (web/public-site). */
export const FEEDBACK_PAGE = '/phan-anh/da-tra-loi';

export const notPublished = () => new AppError(404, 'NOT_FOUND', 'portal.not_published');
const yearNotPublished = (year: number) =>
  new AppError(404, 'NOT_FOUND', 'portal.year_not_published', { year });

type Campaign = Awaited<ReturnType<typeof publishedCampaigns>>[number];

/** The portal as the public sees it now: the province, the settings, the published campaigns, the sections. */
export type Portal = {
  province: { id: string; name: string };
  settings: PortalSettingsValues;
  settingsUpdatedAt: Date | null;
  /** The chosen campaigns still published in the PAR Index module, newest year first (one a year). */
  campaigns: Campaign[];
  sections: Record<PortalSection, boolean>;
  /** A context whose actor is the portal's reader (for the other modules' functions). */
  reader: RequestContext;
  today: string;
};

/** The province of the public portal: the registry's province in force (the first by code when there are several). */
export async function portalProvince(db: Db): Promise<{ id: string; name: string } | null> {
  const [p] = await provincesInForce(db, todayInVietnam());
  return p ? { id: p.id, name: p.fullName } : null;
}

/** Loads the portal (404 without a province in the registry). */
export async function loadPortal(ctx: RequestContext): Promise<Portal> {
  const province = await portalProvince(ctx.db);
  if (!province) throw new AppError(404, 'NOT_FOUND', 'portal.no_province');
  const stored = await loadSettingsRow(ctx.db, province.id, province.name);
  const chosen = new Set(stored.settings.par.campaignIds);
  const byYear = new Map<number, Campaign>();
  if (stored.settings.par.published && chosen.size)
    for (const c of await publishedCampaigns(ctx.db, province.id))
      if (chosen.has(c.id) && !byYear.has(c.year)) byYear.set(c.year, c);
  const campaigns = [...byYear.values()].sort((a, b) => b.year - a.year);
  return {
    province,
    settings: stored.settings,
    settingsUpdatedAt: stored.updatedAt,
    campaigns,
    sections: publishedSections(stored.settings, campaigns.length),
    reader: { ...ctx, actor: portalReader(province.id) },
    today: todayInVietnam(),
  };
}

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 10_000) / 100;
const round2 = (v: number) => Math.round(v * 100) / 100;

// ---------------------------------------------------------------------------------------------------
// PAR Index

/**
 * A published campaign's results with each unit named as it was in the campaign's year (its version in force on the
 * year's last day, or today while the year runs: the PAR Index module's `unitsDayOf`); a unit that ended during the
 * year keeps the name the PAR Index module gives it (its last).
 */
export async function portalResults(db: Db, campaign: Campaign, provinceId: string) {
  const results = await publishedResults(db, campaign.id);
  if (!results) return null;
  const names = new Map(
    (await unitsAsOf(db, { date: unitsDayOf(campaign.year), withinId: provinceId })).map((u) => [
      u.id,
      unitDisplayName(u),
    ]),
  );
  return {
    ...results,
    rows: results.rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? r.unitName })),
  };
}

function requirePar(p: Portal) {
  if (!p.sections.par) throw notPublished();
}

export async function parYears(ctx: RequestContext): Promise<ParYearsOut> {
  const p = await loadPortal(ctx);
  requirePar(p);
  const years: ParYearsOut['years'] = [];
  for (const c of p.campaigns) {
    const results = await portalResults(ctx.db, c, p.province.id);
    if (!results) continue;
    const counts = new Map<string, number>();
    for (const r of results.rows) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
    years.push({
      year: c.year,
      groups: [...counts].map(([group, units]) => ({
        group: group as keyof typeof UNIT_GROUP_NAMES,
        groupName: UNIT_GROUP_NAMES[group as keyof typeof UNIT_GROUP_NAMES],
        units,
      })),
      publishedOn: c.publishedAt ? todayInVietnam(c.publishedAt) : null,
    });
  }
  return { years };
}

async function yearResults(p: Portal, db: Db, year: number) {
  requirePar(p);
  const campaign = p.campaigns.find((c) => c.year === year);
  if (!campaign) throw yearNotPublished(year);
  const results = await portalResults(db, campaign, p.province.id);
  if (!results) throw yearNotPublished(year);
  return results;
}

export async function parYear(ctx: RequestContext, year: number): Promise<ParYearOut> {
  const p = await loadPortal(ctx);
  const results = await yearResults(p, ctx.db, year);
  return parYearOf(results, year);
}

function parYearOf(
  results: NonNullable<Awaited<ReturnType<typeof portalResults>>>,
  year: number,
): ParYearOut {
  const groups = [...new Set(results.rows.map((r) => r.group))];
  return {
    year,
    publishedOn: results.campaign.publishedAt ? todayInVietnam(results.campaign.publishedAt) : null,
    asOf: results.asOf,
    groups: groups.map((group) => ({
      group,
      groupName: UNIT_GROUP_NAMES[group],
      fields: (results.fields.get(group) ?? []).map((f: PublicFieldRef) => ({ ...f })),
      rows: results.rows
        .filter((r) => r.group === group)
        .map((r) => ({
          rank: r.rank,
          rankOf: r.rankOf,
          unitId: r.unitId,
          unitName: r.unitName,
          points: round2(r.points),
          maxPoints: r.maxPoints,
          percent: round2(r.percent),
          grade: r.grade,
          gradeName: r.gradeName,
          previousPercent: r.previousPercent === null ? null : round2(r.previousPercent),
          change: r.change === null ? null : round2(r.change),
          byField: r.byField.map((f) => ({
            code: f.code,
            percent: f.percent === null ? null : round2(f.percent),
          })),
        })),
    })),
  };
}

export async function parUnit(ctx: RequestContext, year: number, unitId: string): Promise<ParUnitOut> {
  const p = await loadPortal(ctx);
  const results = await yearResults(p, ctx.db, year);
  const row = results.rows.find((r) => r.unitId === unitId);
  if (!row) throw new AppError(404, 'NOT_FOUND', 'portal.unit_not_in_results', { year });
  const totals = (await publishedCriteriaTotals(ctx.db, results.campaign.id, row.assessmentId)) ?? [];
  const byField = new Map(row.byField.map((f) => [f.code, f]));
  return {
    year,
    unitId: row.unitId,
    unitName: row.unitName,
    group: row.group,
    groupName: UNIT_GROUP_NAMES[row.group],
    rank: row.rank,
    rankOf: row.rankOf,
    points: round2(row.points),
    maxPoints: row.maxPoints,
    percent: round2(row.percent),
    grade: row.grade,
    gradeName: row.gradeName,
    previousPercent: row.previousPercent === null ? null : round2(row.previousPercent),
    change: row.change === null ? null : round2(row.change),
    fields: totals.map((f) => {
      const r = byField.get(f.code);
      return {
        code: f.code,
        name: f.name,
        points: round2(r?.points ?? f.criteria.reduce((s, c) => s + c.points, 0)),
        maxPoints: r?.maxPoints ?? f.maxPoints,
        percent: r?.percent === null || r?.percent === undefined ? null : round2(r.percent),
        criteria: f.criteria,
      };
    }),
  };
}

/** The first units of each group of the latest published year (the home's figure). */
async function parTop(p: Portal, db: Db, n = 3): Promise<PortalHomeOut['figures']['par']> {
  const latest = p.campaigns[0];
  if (!p.sections.par || !latest) return null;
  const results = await portalResults(db, latest, p.province.id);
  if (!results) return null;
  const out = parYearOf(results, latest.year);
  return {
    year: latest.year,
    groups: out.groups.map((g) => ({
      group: g.group,
      groupName: g.groupName,
      top: g.rows.slice(0, n).map((r) => ({
        rank: r.rank,
        unitId: r.unitId,
        unitName: r.unitName,
        percent: r.percent,
        grade: r.grade,
        gradeName: r.gradeName,
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Dossiers (QĐ 766 key figures)

type IndicatorFigures = Awaited<ReturnType<typeof dossierIndicators>>['total'];

function dossierFigures(f: IndicatorFigures): DossierFiguresOut {
  const i = f.indicators;
  return {
    received: f.totals.received,
    resolved: i.resolved,
    processing: i.processing,
    onTimePercent: pct(i.onTimeRate.value),
    resolvedEarlyOrOnTimePercent: pct(i.resolvedEarlyOrOnTimeRate.value),
    onlinePercent: pct(i.onlineRate.value),
    onlinePaymentPercent: pct(i.onlinePaymentRate.value),
    digitisationPercent: pct(i.digitisationRate.value),
    eResultPercent: pct(i.eResultRate.value),
    satisfactionPercent: pct(i.satisfaction.value),
    averageProcessingDays:
      i.averageProcessingDays.value === null ? null : round2(i.averageProcessingDays.value),
  };
}

/** The published dossier years that have begun, newest first. */
const dossierYearsOf = (p: Portal) => p.settings.dossiers.years.filter((y) => `${y}-01-01` <= p.today);

export async function dossierFiguresPublic(
  ctx: RequestContext,
  q: { year?: number | undefined; period?: string | undefined },
  p?: Portal,
): Promise<DossiersOut> {
  const portal = p ?? (await loadPortal(ctx));
  if (!portal.sections.dossiers) throw notPublished();
  const years = dossierYearsOf(portal);
  const year = q.year ?? years[0];
  if (year === undefined || !years.includes(year))
    throw yearNotPublished(q.year ?? Number(portal.today.slice(0, 4)));
  const kinds = portal.settings.dossiers.periodKinds;
  const periods = periodsOfYear(year, kinds, portal.today);
  const period = findPeriod(year, q.period ?? 'year', kinds, portal.today);
  if (!period) throw new AppError(404, 'NOT_FOUND', 'portal.period_not_offered');
  const figures = await dossierIndicators(portal.reader, {
    from: period.from,
    to: period.to,
    groupBy: 'unit',
    restate: false,
  });
  return {
    year,
    period: period.key,
    years,
    periods: periods.map((x) => ({ key: x.key, label: x.label, from: x.from, to: x.to })),
    from: figures.from,
    to: figures.to,
    stockDay: figures.stockDay,
    total: dossierFigures(figures.total),
    units: figures.groups
      .filter((g) => g.totals.received > 0 || g.indicators.toProcess > 0)
      .map((g) => ({ unitId: g.key, unitName: g.name, ...dossierFigures(g) })),
  };
}

// ---------------------------------------------------------------------------------------------------
// The committee's plan

const AREA = (area: string) => REFORM_AREA_LABELS[area as ReformArea] ?? { vi: area, en: area };

type Counted = { status: PublicTaskStatus };
function completion(items: readonly Counted[], completionPercent?: number | null) {
  const total = items.length;
  const done = items.filter((i) => i.status === 'done').length;
  const overdue = items.filter((i) => i.status === 'overdue').length;
  return {
    total,
    done,
    inProgress: total - done - overdue,
    overdue,
    completionPercent:
      completionPercent !== undefined
        ? completionPercent === null
          ? null
          : round2(completionPercent)
        : total
          ? round2((done * 100) / total)
          : null,
  };
}

/** The public status of a task or pilot item: done once verified, overdue past its deadline, else in progress. */
export function publicStatus(status: string, timingState: string): PublicTaskStatus | null {
  if (status === 'cancelled') return null;
  if (status === 'verified') return 'done';
  return timingState === 'overdue' ? 'overdue' : 'in_progress';
}

const planYearsOf = (p: Portal) => p.settings.plan.years;

/** The province's committee plan of a year (the first by title when there are several). */
async function committeePlan(p: Portal, year: number) {
  const plans = await listPlans(p.reader, year, 'committee');
  return plans.find((x) => x.ownerUnitId === p.province.id) ?? null;
}

export async function planPublic(ctx: RequestContext, year: number, p?: Portal): Promise<PlanPublicOut> {
  const portal = p ?? (await loadPortal(ctx));
  if (!portal.sections.plan) throw notPublished();
  if (!planYearsOf(portal).includes(year)) throw yearNotPublished(year);
  const plan = await committeePlan(portal, year);
  if (!plan) throw yearNotPublished(year);
  const [tasks, kpis] = await Promise.all([
    listTasks(portal.reader, plan.id, portal.today),
    planKpis(portal.reader, plan.id, portal.today),
  ]);
  const out = tasks.flatMap((t) => {
    const status = publicStatus(t.status, t.timing.state);
    return status
      ? [
          {
            id: t.id,
            title: t.title,
            area: t.reformArea,
            areaName: AREA(t.reformArea),
            leadUnitId: t.leadUnitId,
            leadUnitName: t.leadUnitName,
            dueDate: t.dueDate,
            status,
            doneOn: status === 'done' ? (t.verifiedOn ?? t.reportedOn) : null,
          },
        ]
      : [];
  });
  const areas = [...new Set(out.map((t) => t.area))];
  return {
    year,
    years: planYearsOf(portal),
    title: plan.title,
    asOf: portal.today,
    figures: completion(out, kpis.overall.completionPct.value),
    byArea: areas.map((area) => {
      const k = kpis.byReformArea.find((g) => g.key === area);
      return {
        area,
        areaName: AREA(area),
        figures: completion(
          out.filter((t) => t.area === area),
          k ? k.kpis.completionPct.value : undefined,
        ),
      };
    }),
    tasks: out,
  };
}

// ---------------------------------------------------------------------------------------------------
// Pilot units

export async function pilotsPublic(ctx: RequestContext, year: number, p?: Portal): Promise<PilotsPublicOut> {
  const portal = p ?? (await loadPortal(ctx));
  if (!portal.sections.pilots) throw notPublished();
  if (!portal.settings.pilots.years.includes(year)) throw yearNotPublished(year);
  const list = await listProgrammes(portal.reader, { year }, portal.today);
  const programmes = [];
  for (const prog of list.items) {
    const committee = await committeeFacts(portal.reader, prog.committeeId);
    if (committee.hostUnitId === portal.province.id) programmes.push(prog);
  }
  const cards = programmes.flatMap((x) => x.pilotUnits);
  const items = await itemsOf(
    portal.reader,
    cards.map((c) => c.id),
  );
  const calendar = await loadCalendar(ctx.db);
  const units = cards.map((card) => {
    const asOf = card.unit.validTo && card.unit.validTo < portal.today ? card.unit.validTo : portal.today;
    const mine = items
      .filter((i) => i.pilotUnitId === card.id)
      .flatMap((i) => {
        const status = publicStatus(i.status, timingOf(i, asOf, calendar).state);
        return status
          ? [
              {
                id: i.id,
                title: i.title,
                area: i.reformArea,
                areaName: AREA(i.reformArea),
                dueDate: i.dueDate,
                status,
                doneOn: status === 'done' ? (i.verifiedOn ?? i.reportedOn) : null,
                result: status === 'done' ? i.output?.trim() || null : null,
              },
            ]
          : [];
      });
    return { unitId: card.unit.id, unitName: card.unit.name, figures: completion(mine), items: mine };
  });
  if (!units.length) throw yearNotPublished(year);
  return {
    year,
    years: portal.settings.pilots.years,
    asOf: portal.today,
    figures: completion(units.flatMap((u) => u.items)),
    units,
  };
}

// ---------------------------------------------------------------------------------------------------
// The home

export async function portalHome(ctx: RequestContext): Promise<PortalHomeOut> {
  const p = await loadPortal(ctx);
  const thisYear = Number(p.today.slice(0, 4));
  const planYear = p.sections.plan ? p.settings.plan.years[0] : undefined;
  const dossierYear = p.sections.dossiers ? dossierYearsOf(p)[0] : undefined;
  const [plan, dossiers, feedback, par] = await Promise.all([
    planYear !== undefined
      ? planPublic(ctx, planYear, p)
          .then((x) => ({ year: planYear, ...x.figures }))
          .catch(() => null)
      : null,
    dossierYear !== undefined
      ? dossierFiguresPublic(ctx, { year: dossierYear, period: 'year' }, p)
          .then((x) => ({
            year: dossierYear,
            from: x.from,
            to: x.to,
            received: x.total.received,
            onTimePercent: x.total.onTimePercent,
            onlinePercent: x.total.onlinePercent,
          }))
          .catch(() => null)
      : null,
    p.sections.feedback
      ? publishedAnswerFigures(ctx, thisYear).then((f) => ({
          year: thisYear,
          answered: f.answered,
          answeredOnTime: f.answeredOnTime,
          onTimePercent: f.answered ? round2((f.answeredOnTime * 100) / f.answered) : null,
        }))
      : null,
    parTop(p, ctx.db),
  ]);
  const updated = [p.settingsUpdatedAt, ...p.campaigns.map((c) => c.publishedAt)]
    .filter((d): d is Date => !!d)
    .sort((a, b) => +b - +a)[0];
  return {
    province: p.province,
    sections: p.sections,
    years: {
      par: p.sections.par ? p.campaigns.map((c) => c.year) : [],
      dossiers: p.sections.dossiers ? dossierYearsOf(p) : [],
      plan: p.sections.plan ? p.settings.plan.years : [],
      pilots: p.sections.pilots ? p.settings.pilots.years : [],
    },
    figures: {
      plan: plan
        ? {
            year: plan.year,
            total: plan.total,
            done: plan.done,
            overdue: plan.overdue,
            completionPercent: plan.completionPercent,
          }
        : null,
      dossiers,
      feedback,
      par,
    },
    feedbackUrl: p.sections.feedback ? FEEDBACK_PAGE : null,
    licence: { name: p.settings.licence.name, url: p.settings.licence.url },
    publisher: { ...p.settings.publisher },
    updatedAt: (updated ?? new Date(`${p.today}T00:00:00+07:00`)).toISOString(),
  };
}
