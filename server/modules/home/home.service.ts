/**
 * The landing page of each role (`GET /api/home`): which panels the signed-in user sees, from their
 * roles (the web never repeats the rule), their units, and the panel data that is not a work queue —
 * the province's key figures and the administrator's health and set-up list. Every other module is read
 * through its exported services; nothing here writes.
 */
import type { NotificationsConfig } from '../../config.js';
import type { RequestContext } from '../../core/context.js';
import { registryGaps } from '../units/registry-gaps.service.js';
import { staleLinkCount } from '../units/stale-links.service.js';
import { todayInVietnam } from '../../core/dates.js';
import { unauthenticated } from '../../core/errors.js';
import { migrationStatus } from '../../db/migration-status.js';
import type { Actor } from '../access/actor.js';
import { unitsGranted, usersWithGrants } from '../access/access.service.js';
import type { Role } from '../access/roles.js';
import type { SectionId } from '../auth/auth.schemas.js';
import { navigationFor } from '../auth/navigation.js';
import { getYear } from '../calendar/calendar.service.js';
import { listCommittees, myMonitoring } from '../committees/committees.service.js';
import { dashboardSummary } from '../dashboard/dashboard.service.js';
import { DOSSIER_READ_ROLES, DOSSIER_WRITE_ROLES } from '../dossiers/dossiers.policy.js';
import { dossierIndicators } from '../dossiers/dossiers.service.js';
import { listImports } from '../dossiers/import/dossiers-import.service.js';
import { listCases } from '../hotline/cases.service.js';
import { inspectionsHomePanel } from '../inspections/home-panel.service.js';
import { parIndexHomePanel } from '../parindex/home-panel.service.js';
import { jobSummary } from '../notifications/jobs.service.js';
import { listProgrammes, pilotKpis } from '../pilots/pilots.service.js';
import { planDashboard } from '../plans/dashboard.service.js';
import { listPlans } from '../plans/plans.service.js';
import { getUnits, listUnits, unitFacts } from '../units/units.service.js';
import { listUsers } from '../users/users.service.js';
import type { AdminOut, Coming, HomeOut, Panel, ProvinceOut, SetupItemOut } from './home.schemas.js';

/** Who sees which panel. The first panel of the list a user gets answers their first question. */
const PANEL_ROLES: Record<Exclude<Panel, 'coming'>, readonly Role[]> = {
  admin: ['admin'],
  hotline: ['hotline_officer'],
  owed: ['focal_point', 'unit_leader'],
  review: ['standing_officer', 'admin', 'hotline_officer'],
  inspections: ['inspector', 'standing_officer'],
  parindex: ['appraiser', 'standing_officer'],
  following: ['committee_leader', 'committee_member'],
  province: ['committee_leader', 'committee_member', 'standing_officer', 'admin'],
};

/** Roles whose module is not in chidao yet, and the capability they will use. */
const COMING_ROLES: [Role, Coming][] = [];

/** What such a role can already use meanwhile (if its navigation opens it). */
const MEANWHILE: [section: SectionId, link: string][] = [
  ['documents', '/documents'],
  ['plans', '/plans'],
  ['dossiers', '/dossiers'],
  ['meetings', '/meetings'],
  ['committees', '/committees'],
  ['calendar', '/calendar'],
];

/** What the server side of the landing page needs from the running application. */
export type HomeEnv = {
  engine: 'pglite' | 'postgres';
  config: { notifications: Pick<NotificationsConfig, 'smtpUrl' | 'workerIntervalSeconds'> };
  mailerConfigured: boolean;
  now?: Date;
};

export function panelsFor(actor: Actor): Panel[] {
  const panels = (Object.keys(PANEL_ROLES) as (keyof typeof PANEL_ROLES)[]).filter((p) =>
    actor.hasRole(...PANEL_ROLES[p]),
  ) as Panel[];
  if (COMING_ROLES.some(([role]) => actor.hasRole(role))) panels.push('coming');
  return panels;
}

export async function home(ctx: RequestContext, env: HomeEnv, asOf = todayInVietnam()): Promise<HomeOut> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  let panels = panelsFor(actor);
  const follows = (await myMonitoring(ctx, asOf)).items.length > 0;
  // A member recorded by name and later linked to their account follows units without a committee role.
  if (follows && !panels.includes('following')) panels = ['following', ...panels];
  // A committee leader who follows no unit asks first how the province is doing.
  if (panels.includes('following') && !follows)
    panels = [...panels.filter((p) => p !== 'following'), 'following'];
  const facts = await unitFacts(
    ctx.db,
    actor.grants.map((g) => g.unitId),
  );
  const units = [...new Set(actor.grants.map((g) => g.unitId))]
    .map((id) => ({
      id,
      name: facts.get(id)?.name ?? '',
      roles: [...new Set(actor.grants.filter((g) => g.unitId === id).map((g) => g.role))],
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const nav = navigationFor(actor);
  const coming = COMING_ROLES.filter(([role]) => actor.hasRole(role)).map(([, capability]) => ({
    capability,
    links: MEANWHILE.filter(([section]) => nav.includes(section)).map(([section, link]) => ({
      section,
      link,
    })),
  }));
  return {
    asOf,
    panels,
    units,
    province: panels.includes('province') ? await provinceFigures(ctx, asOf) : null,
    overview: panels.includes('province') ? await dashboardSummary(ctx, asOf) : null,
    admin: panels.includes('admin') ? await adminPanel(ctx, env, asOf) : null,
    hotline: panels.includes('hotline') ? await hotlinePanel(ctx, asOf) : null,
    inspections: panels.includes('inspections') ? await inspectionsHomePanel(ctx, asOf) : null,
    parindex: panels.includes('parindex') ? await parIndexHomePanel(ctx) : null,
    coming,
  };
}

// ---------------------------------------------------------------------------------------------------
// The hotline officer's queues

async function hotlinePanel(ctx: RequestContext, asOf: string): Promise<HomeOut['hotline']> {
  const list = await listCases(ctx, { view: 'triage', limit: 5, offset: 0 });
  return {
    ...list.counts,
    toTriage: list.items.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      channel: c.channel,
      receivedOn: c.receivedOn,
      triageDueDate: c.triageDueDate,
      overdue: c.triageDueDate < asOf,
    })),
    link: '/hotline',
  };
}

// ---------------------------------------------------------------------------------------------------
// Province key figures

async function planFigures(
  ctx: RequestContext,
  plan: { id: string; title: string; year: number },
  asOf: string,
) {
  // As the plan's dashboard reads it on that day (statuses as they stood then), so the two always agree.
  const { overall } = await planDashboard(ctx, plan.id, { asOf, groupBy: ['area'] });
  return {
    id: plan.id,
    title: plan.title,
    year: plan.year,
    total: overall.total.value,
    verified: overall.verified.value,
    overdue: overall.overdue.value,
    completionPct: overall.completionPct.value,
    link: `/plans/${plan.id}/dashboard`,
  };
}

/**
 * The province's figures of the year: the committee plan's completion and overdue tasks (or that there
 * is no plan yet, with the latest earlier one), the latest pilot programme's overdue items, and the
 * dossiers' on-time and online rates of the year to date. A few queries; each figure links to the page
 * that explains it.
 */
export async function provinceFigures(ctx: RequestContext, asOf: string): Promise<ProvinceOut> {
  const actor = ctx.actor!;
  const year = Number(asOf.slice(0, 4));
  const committeePlans = await listPlans(ctx, undefined, 'committee');
  const thisYear = committeePlans.find((p) => p.year === year);
  const earlier = thisYear ? undefined : committeePlans.find((p) => p.year < year);
  const plan = thisYear ? await planFigures(ctx, thisYear, asOf) : null;
  const latestPlan = earlier ? await planFigures(ctx, earlier, asOf) : null;

  const programmes = await listProgrammes(ctx, {}, asOf);
  let pilots: ProvinceOut['pilots'] = null;
  if (programmes.year !== null && programmes.items.length) {
    let total = 0;
    let overdue = 0;
    let verified = 0;
    for (const p of programmes.items) {
      const k = await pilotKpis(ctx, p.id, asOf);
      total += k.overall.total.value;
      overdue += k.overall.overdue.value;
      verified += k.overall.verified.value;
    }
    pilots = { year: programmes.year, total, overdue, verified, link: '/pilots' };
  }

  let dossiers: ProvinceOut['dossiers'] = null;
  if (actor.hasRole(...DOSSIER_READ_ROLES)) {
    const from = `${year}-01-01`;
    const figures = await dossierIndicators(ctx, { from, to: asOf, groupBy: 'total', restate: false });
    const i = figures.total.indicators;
    dossiers = {
      from,
      to: asOf,
      toProcess: i.toProcess,
      received: figures.total.totals.received,
      onTimeRate: i.onTimeRate,
      onlineRate: i.onlineRate,
      link: '/dossiers',
    };
  }
  return { asOf, year, plan, latestPlan, plansLink: '/plans', pilots, dossiers };
}

// ---------------------------------------------------------------------------------------------------
// Administrator: health and set-up

/** A pending job due this long ago while the worker is on means the worker is not running. */
const stalledAfterMs = (intervalSeconds: number) => Math.max(3 * intervalSeconds * 1000, 10 * 60_000);

/** The departments and communes in force (children of the administrator's root units) — set-up checks. */
async function provinceUnits(ctx: RequestContext, actor: Actor, asOf: string) {
  const roots = await getUnits(ctx.db, actor.rootsFor(['admin']));
  const provinces = roots.filter((u) => u.kind === 'province');
  const found = [];
  for (const p of provinces) {
    const children = await listUnits(ctx.db, { parentId: p.id, asOf, limit: 10_000 });
    found.push(...children.filter((u) => u.kind === 'department' || u.kind === 'commune'));
  }
  return { provinces, units: found };
}

export async function adminPanel(ctx: RequestContext, env: HomeEnv, asOf: string): Promise<AdminOut> {
  const actor = ctx.actor!;
  const now = env.now ?? new Date();
  const year = Number(asOf.slice(0, 4));
  const setup: SetupItemOut[] = [];

  const migrations = await migrationStatus(ctx.db);
  const upToDate = migrations.applied >= migrations.expected;
  if (!upToDate)
    setup.push({
      id: 'migrations_pending',
      severity: 'problem',
      count: migrations.expected - migrations.applied,
      params: {},
      link: null,
    });

  const jobs = await jobSummary(ctx.db);
  const sum = (status: string) =>
    jobs.counts.filter((c) => c.status === status).reduce((n, c) => n + c.count, 0);
  const intervalSeconds = env.config.notifications.workerIntervalSeconds;
  const failed = sum('failed');
  const stalled =
    intervalSeconds > 0 &&
    !!jobs.nextRunAt &&
    now.getTime() - new Date(jobs.nextRunAt).getTime() > stalledAfterMs(intervalSeconds);
  const lastFailure = jobs.recentFailures[0]?.at ?? null;
  if (failed)
    setup.push({ id: 'jobs_failed', severity: 'problem', count: failed, params: {}, link: '/notifications' });
  if (stalled)
    setup.push({
      id: 'worker_stalled',
      severity: 'problem',
      count: null,
      params: { since: jobs.nextRunAt! },
      link: '/notifications',
    });

  let importsFailed = 0;
  let importFailedAt: string | null = null;
  if (actor.hasRole(...DOSSIER_WRITE_ROLES)) {
    const failedImports = (await listImports(ctx, 200)).filter((j) => j.status === 'failed');
    importsFailed = failedImports.length;
    importFailedAt = failedImports[0]?.finishedAt ?? failedImports[0]?.createdAt ?? null;
    if (importsFailed)
      setup.push({
        id: 'imports_failed',
        severity: 'problem',
        count: importsFailed,
        params: {},
        link: '/dossiers/import',
      });
  }

  const nextYear = await getYear(ctx, year + 1);
  if (nextYear.usesDefaults)
    setup.push({
      id: 'calendar_unconfirmed',
      severity: 'todo',
      count: null,
      params: { year: year + 1 },
      link: '/calendar',
    });

  const committees = await listCommittees(ctx, { level: 'province' });
  if (!committees.items.length)
    setup.push({
      id: 'no_province_committee',
      severity: 'todo',
      count: null,
      params: {},
      link: '/committees',
    });

  const accounts = await listUsers(ctx, { limit: 100_000, offset: 0 });
  const granted = await usersWithGrants(ctx.db, now);
  const bare = accounts.items.filter((u) => u.active && !granted.has(u.id)).length;
  if (bare)
    setup.push({ id: 'users_without_grants', severity: 'todo', count: bare, params: {}, link: '/users' });

  const { provinces, units } = await provinceUnits(ctx, actor, asOf);
  const focal = await unitsGranted(ctx.db, ['focal_point'], now);
  const uncovered = provinces.some((p) => focal.has(p.id)) ? [] : units.filter((u) => !focal.has(u.id));
  if (uncovered.length)
    setup.push({
      id: 'units_without_focal_point',
      severity: 'todo',
      count: uncovered.length,
      params: { total: units.length },
      link: '/users',
    });

  // Links still pointing at units that have ended (members following them, tasks led by them, …): each
  // with its proposed successor on the stale-links page (units/stale-links.service).
  const stale = await staleLinkCount(ctx, asOf);
  if (stale)
    setup.push({ id: 'stale_links', severity: 'todo', count: stale, params: {}, link: '/units/stale-links' });

  // What the shipped imports would still add to each province's registry (fixed on the command line).
  for (const p of provinces) {
    const gaps = await registryGaps(ctx.db, p.id);
    if (gaps.historyMissing)
      setup.push({
        id: 'unit_history_missing',
        severity: 'todo',
        count: null,
        params: { code: p.code, province: p.name },
        link: null,
      });
    if (gaps.departmentsMissing)
      setup.push({
        id: 'departments_missing',
        severity: 'todo',
        count: null,
        params: { code: p.code, province: p.name },
        link: null,
      });
  }

  if (!env.config.notifications.smtpUrl)
    setup.push({ id: 'smtp_missing', severity: 'todo', count: null, params: {}, link: '/notifications' });

  return {
    health: {
      database: { engine: env.engine, migrations, upToDate },
      worker: {
        intervalSeconds,
        pending: sum('pending'),
        failed,
        nextRunAt: jobs.nextRunAt,
        stalled,
        lastFailureAt: lastFailure,
      },
      imports: { failed: importsFailed, lastFailedAt: importFailedAt },
      mail: { configured: env.mailerConfigured },
    },
    setup: [...setup.filter((s) => s.severity === 'problem'), ...setup.filter((s) => s.severity === 'todo')],
  };
}
