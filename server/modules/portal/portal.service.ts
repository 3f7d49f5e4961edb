/**
 * The publication settings (issue 18, item 3): what the standing agency publishes on the public portal. One row a
 * province, versioned (a stale version is a 409), every change journalled; the staff page sees, beside each
 * switch, how much the public would see (`preview`) and the choices it may make (`options`).
 */
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden, staleVersion, unauthenticated, validation } from '../../core/errors.js';
import { abilities, allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { listPublished } from '../hotline/public.service.js';
import { publishedCampaigns, publishedResults } from '../parindex/results.service.js';
import { committeeFacts, listProgrammes } from '../pilots/pilots.service.js';
import { listPlans } from '../plans/plans.service.js';
import { provincesInForce } from '../units/departments.service.js';
import { getUnits, unitFacts } from '../units/units.service.js';
import { OPEN_DATA_DEFINITIONS } from './open-data.definitions.js';
import type { PortalPreviewOut, PortalSettingsIn, PortalSettingsOut } from './portal.schemas.js';
import { portalPolicy, portalReader, PORTAL_READERS } from './portal.policy.js';
import { portalSettings } from './portal.table.js';
import { dossierFiguresPublic, loadPortal, pilotsPublic, planPublic } from './public.service.js';
import { loadSettingsRow } from './settings.store.js';
import { normaliseSettings } from './rules/settings.js';
import { PORTAL_PREFIX } from './rules/meta.js';

/** The public address when `CHIDAO_PUBLIC_URL` is set (server/modules/portal/portal.routes.ts sets it). */
let publicBase: string | undefined;
export function setPortalPublicUrl(url: string | undefined) {
  publicBase = url?.replace(/\/+$/, '') || undefined;
}
export const portalPublicUrl = () => publicBase;

type Province = { id: string; name: string; path: string[] };

/**
 * The province of the caller's settings: the one their grants of the portal's roles lie in (exactly one), else
 * the registry's province in force (the first by code).
 */
async function callerProvince(ctx: RequestContext): Promise<Province> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const roots = actor.rootsFor(PORTAL_READERS);
  const facts = await unitFacts(ctx.db, roots);
  const onPaths = [...new Set([...facts.values()].flatMap((f) => f.path))];
  const provinces = (await getUnits(ctx.db, onPaths)).filter((u) => u.kind === 'province');
  let id = provinces.length === 1 ? provinces[0]!.id : undefined;
  if (!id) id = (await provincesInForce(ctx.db, todayInVietnam()))[0]?.id;
  if (!id) throw forbidden();
  const f = (await unitFacts(ctx.db, [id])).get(id);
  return { id, name: f?.fullName ?? '', path: f?.path ?? [id] };
}

/** The current year and the four before it (the dossier figures a province may publish). */
const recentYears = (today: string) => {
  const y = Number(today.slice(0, 4));
  return [y, y - 1, y - 2, y - 3, y - 4];
};

async function options(ctx: RequestContext, province: Province): Promise<PortalSettingsOut['options']> {
  const reader = { ...ctx, actor: portalReader(province.id) };
  const campaigns = await publishedCampaigns(ctx.db, province.id);
  const parCampaigns = [];
  for (const c of campaigns) {
    const r = await publishedResults(ctx.db, c.id);
    parCampaigns.push({
      id: c.id,
      year: c.year,
      name: c.title,
      groups: [...new Set((r?.rows ?? []).map((x) => x.group))],
      publishedOn: c.publishedAt ? todayInVietnam(c.publishedAt) : null,
    });
  }
  const plans = (await listPlans(reader, undefined, 'committee')).filter(
    (p) => p.ownerUnitId === province.id,
  );
  const programmes = await listProgrammes(reader, {});
  const pilotYears: number[] = [];
  for (const year of programmes.years) {
    const list = year === programmes.year ? programmes : await listProgrammes(reader, { year });
    for (const p of list.items)
      if ((await committeeFacts(reader, p.committeeId)).hostUnitId === province.id) {
        pilotYears.push(year);
        break;
      }
  }
  return {
    parCampaigns,
    dossierYears: recentYears(todayInVietnam()),
    planYears: [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a),
    pilotYears: [...new Set(pilotYears)].sort((a, b) => b - a),
  };
}

/** What the public would see with the settings as stored (counts; each dataset as its public route reads it). */
async function preview(ctx: RequestContext): Promise<PortalPreviewOut> {
  const p = await loadPortal(ctx);
  const out: PortalPreviewOut = {
    par: { campaigns: 0, units: 0 },
    dossiers: { years: 0, units: 0, received: 0 },
    plan: { years: 0, tasks: 0 },
    pilots: { years: 0, units: 0, items: 0 },
    feedback: { answers: 0 },
    openData: { datasets: 0 },
  };
  const quiet = <T>(promise: Promise<T>) => promise.catch(() => null);
  if (p.sections.par) {
    out.par.campaigns = p.campaigns.length;
    for (const c of p.campaigns) out.par.units += (await publishedResults(ctx.db, c.id))?.rows.length ?? 0;
  }
  if (p.sections.dossiers) {
    const d = await quiet(dossierFiguresPublic(ctx, {}, p));
    out.dossiers = {
      years: d?.years.length ?? 0,
      units: d?.units.length ?? 0,
      received: d?.total.received ?? 0,
    };
  }
  if (p.sections.plan)
    for (const year of p.settings.plan.years) {
      const plan = await quiet(planPublic(ctx, year, p));
      if (plan) {
        out.plan.years += 1;
        out.plan.tasks += plan.tasks.length;
      }
    }
  if (p.sections.pilots)
    for (const year of p.settings.pilots.years) {
      const pilots = await quiet(pilotsPublic(ctx, year, p));
      if (pilots) {
        out.pilots.years += 1;
        out.pilots.units += pilots.units.length;
        out.pilots.items += pilots.figures.total;
      }
    }
  if (p.sections.feedback) out.feedback.answers = (await listPublished(ctx, { limit: 1, offset: 0 })).total;
  if (p.sections.openData)
    out.openData.datasets = OPEN_DATA_DEFINITIONS.filter((d) => p.sections[d.section]).length;
  return out;
}

export async function getPortalSettings(ctx: RequestContext): Promise<PortalSettingsOut> {
  const province = await callerProvince(ctx);
  const subject = { provincePath: province.path };
  if (!allow(portalPolicy, ctx.actor, 'read', subject)) throw forbidden();
  const stored = await loadSettingsRow(ctx.db, province.id, province.name);
  const [opts, prev] = await Promise.all([options(ctx, province), preview(ctx)]);
  return {
    province: { id: province.id, name: province.name },
    ...stored.settings,
    version: stored.version,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    options: opts,
    preview: prev,
    publicUrl: (publicBase ?? '') + PORTAL_PREFIX,
    abilities: abilities(portalPolicy, ctx.actor, subject),
  };
}

/**
 * The standing agency saves the settings: only campaigns published in the PAR Index module may be chosen (else
 * 400), the version must be the one read (else 409). Journalled with before and after.
 */
export async function updatePortalSettings(
  ctx: RequestContext,
  input: PortalSettingsIn,
): Promise<PortalSettingsOut> {
  const province = await callerProvince(ctx);
  if (!allow(portalPolicy, ctx.actor, 'update', { provincePath: province.path })) throw forbidden();
  const { version, ...values } = input;
  const published = new Set((await publishedCampaigns(ctx.db, province.id)).map((c) => c.id));
  const foreign = values.par.campaignIds.findIndex((id) => !published.has(id));
  if (foreign >= 0) throw validation(`par.campaignIds.${foreign}`, 'portal.campaign_not_published');
  const settings = normaliseSettings(values, province.name);
  const stored = await loadSettingsRow(ctx.db, province.id, province.name);
  if (stored.version !== version) throw staleVersion('portal_settings', stored.version);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    if (!stored.id) {
      const [created] = await tx
        .insert(portalSettings)
        .values({ provinceId: province.id, settings, version: version + 1, updatedBy: ctx.actor!.user.id })
        .returning();
      await recordChange(
        { ...ctx, db: tx },
        { action: 'create', entity: 'portal_settings', entityId: created!.id, after: created },
      );
      return;
    }
    const [updated] = await tx
      .update(portalSettings)
      .set({ settings, version: version + 1, updatedAt: now, updatedBy: ctx.actor!.user.id })
      .where(and(eq(portalSettings.id, stored.id), eq(portalSettings.version, version)))
      .returning();
    if (!updated) throw staleVersion('portal_settings', stored.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'portal_settings',
        entityId: stored.id,
        before: { settings: stored.settings, version: stored.version },
        after: { settings: updated.settings, version: updated.version },
      },
    );
  });
  return getPortalSettings(ctx);
}

/** The demo and set-up: write a province's settings without a caller (the seed's transaction). */
export async function seedPortalSettings(
  ctx: RequestContext,
  provinceId: string,
  values: Parameters<typeof normaliseSettings>[0],
  provinceName = '',
): Promise<void> {
  const settings = normaliseSettings(values, provinceName);
  const [existing] = await ctx.db
    .select()
    .from(portalSettings)
    .where(eq(portalSettings.provinceId, provinceId));
  if (existing) return;
  const [created] = await ctx.db
    .insert(portalSettings)
    .values({ provinceId, settings, version: 2 })
    .returning();
  await recordChange(ctx, {
    action: 'create',
    entity: 'portal_settings',
    entityId: created!.id,
    after: created,
  });
}
