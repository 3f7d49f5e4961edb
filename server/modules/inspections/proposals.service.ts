/**
 * What proposes a surprise inspection: the hotline's open escalations (../hotline/escalations.service.ts) and the
 * data signals (./rules/signals.ts) computed from figures other modules already export — the dossiers' on-time
 * rate by unit (../dossiers), the completion of the committee's plan by lead unit (../plans), and this module's
 * own overdue recommendations — against the rules in force (./rules.service.ts). Each signal says its figure and
 * its threshold; one already taken up by an inspection is not proposed again.
 */
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { DOSSIER_READ_ROLES } from '../dossiers/dossiers.policy.js';
import { dossierIndicators } from '../dossiers/dossiers.service.js';
import { inspectionProposals } from '../hotline/escalations.service.js';
import { listPlans, planKpis } from '../plans/plans.service.js';
import { ancestorPaths, getUnits } from '../units/units.service.js';
import { officeProvinces, requireActor, today, unitRefs } from './inspection-records.service.js';
import { INSPECTION_READERS } from './inspections.policy.js';
import type { ProposalsOut } from './inspections.schemas.js';
import { inspectionRecommendations, inspections } from './inspections.table.js';
import { inspectionRulesOn } from './rules.service.js';
import { keyOfRef, signalsFrom, type Signal } from './rules/signals.js';
import { OPEN_RECOMMENDATION_STATUSES } from './rules/recommendation-rules.js';

/** The units of a list that lie in the province (the province itself aside). */
async function inProvince(ctx: RequestContext, provinceId: string, unitIds: readonly string[]) {
  const paths = await ancestorPaths(ctx.db, unitIds);
  return new Set(unitIds.filter((id) => id !== provinceId && paths.get(id)?.includes(provinceId)));
}

/** The dossiers' on-time figures of the year to date by unit (null when the caller may not read dossiers). */
async function dossierFigures(ctx: RequestContext, year: number, on: string) {
  if (!ctx.actor?.hasRole(...DOSSIER_READ_ROLES)) return null;
  const figures = await dossierIndicators(ctx, {
    from: `${year}-01-01`,
    to: on,
    groupBy: 'unit',
    restate: false,
  });
  return figures.groups.map((g) => ({
    unitId: g.key,
    onTime: g.indicators.onTimeRate.numerator,
    toProcess: g.indicators.onTimeRate.denominator,
  }));
}

/** The committee's plan of a year, completion by lead unit at the year's end. */
async function planFigures(ctx: RequestContext, provinceId: string, year: number) {
  const plans = (await listPlans(ctx, year, 'committee')).filter((p) => p.ownerUnitId === provinceId);
  if (!plans.length) return null;
  const units = new Map<string, { completed: number; owed: number }>();
  for (const p of plans) {
    const k = await planKpis(ctx, p.id, `${year}-12-31`);
    for (const g of k.byLeadUnit) {
      if (!g.key) continue;
      const u = units.get(g.key) ?? { completed: 0, owed: 0 };
      u.completed += g.kpis.completionPct.numerator;
      u.owed += g.kpis.completionPct.denominator;
      units.set(g.key, u);
    }
  }
  return [...units].map(([unitId, u]) => ({ unitId, ...u }));
}

/**
 * Recommendations overdue by the unit that owes them: still owed (not reported done, not verified) and due before
 * today — the work engine's own rule, so the signal counts what the unit's list of work shows as overdue.
 */
async function recommendationFigures(ctx: RequestContext, provinceId: string, on: string) {
  const rows = await ctx.db
    .select({ unitId: inspectionRecommendations.unitId, n: sql<number>`count(*)::int` })
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(
      and(
        eq(inspections.provinceId, provinceId),
        lt(inspectionRecommendations.dueDate, on),
        inArray(inspectionRecommendations.status, [...OPEN_RECOMMENDATION_STATUSES]),
      ),
    )
    .groupBy(inspectionRecommendations.unitId);
  return rows.map((r) => ({ unitId: r.unitId, overdue: Number(r.n) }));
}

/**
 * The data signals of a province today: units in force in the province whose figures cross the rules'
 * thresholds, less those an inspection was already created from.
 */
export async function currentSignals(ctx: RequestContext, provinceId: string): Promise<Signal[]> {
  requireActor(ctx);
  const on = today();
  const year = Number(on.slice(0, 4));
  const { rules } = await inspectionRulesOn(ctx, on);
  const [dossiers, plans, recommendations] = await Promise.all([
    dossierFigures(ctx, year, on),
    planFigures(ctx, provinceId, year - 1),
    recommendationFigures(ctx, provinceId, on),
  ]);
  const signals = signalsFrom(
    {
      dossiers: dossiers ? { year, units: dossiers } : null,
      plans: plans ? { year: year - 1, units: plans } : null,
      recommendations: { year, units: recommendations },
    },
    rules.signals,
  );
  const unitIds = [...new Set(signals.map((s) => s.unitId))];
  const inside = await inProvince(ctx, provinceId, unitIds);
  const live = new Set(
    (await getUnits(ctx.db, [...inside]))
      .filter((u) => u.validTo === null || u.validTo >= on)
      .map((u) => u.id),
  );
  const taken = new Set(
    (
      await ctx.db
        .select({ ref: inspections.sourceRef })
        .from(inspections)
        .where(
          and(
            eq(inspections.provinceId, provinceId),
            eq(inspections.source, 'signal'),
            isNotNull(inspections.sourceRef),
          ),
        )
    ).map((r) => keyOfRef(r.ref)),
  );
  return signals.filter((s) => live.has(s.unitId) && !taken.has(s.key));
}

/** The provinces whose inspections the caller reads (the office and the committee over a province). */
async function readerProvinces(ctx: RequestContext): Promise<string[]> {
  const actor = requireActor(ctx);
  const roots = actor.rootsFor(INSPECTION_READERS);
  if (!roots.length) return [];
  return (await getUnits(ctx.db, roots))
    .filter((u) => u.kind === 'province' && actor.hasRoleOver(INSPECTION_READERS, [u.id]))
    .map((u) => u.id);
}

/** Open hotline proposals and data signals, for the office (which creates from them) and the committee. */
export async function getProposals(ctx: RequestContext): Promise<ProposalsOut> {
  const actor = requireActor(ctx);
  const provinces = await readerProvinces(ctx);
  if (!provinces.length) throw forbidden();
  const escalations = (await inspectionProposals(ctx)).filter((e) => provinces.includes(e.provinceId));
  const signals: Signal[] = [];
  for (const p of provinces) signals.push(...(await currentSignals(ctx, p)));
  const units = await unitRefs(ctx, [
    ...escalations.map((e) => e.unitId ?? ''),
    ...signals.map((s) => s.unitId),
  ]);
  return {
    escalations: escalations.map((e) => ({
      id: e.id,
      caseId: e.caseId,
      caseCode: e.caseCode,
      caseTitle: e.caseTitle,
      reason: e.reason,
      unit: e.unitId ? (units.get(e.unitId) ?? null) : null,
      createdAt: e.createdAt.toISOString(),
    })),
    signals: signals.map((s) => ({
      key: s.key,
      kind: s.kind,
      unit: units.get(s.unitId) ?? { id: s.unitId, name: '', kind: '', ended: false },
      figure: s.figure,
      threshold: s.threshold,
      numerator: s.numerator,
      denominator: s.denominator,
      year: s.year,
    })),
    abilities: { create: (await officeProvinces(ctx, actor)).length > 0 },
  };
}
