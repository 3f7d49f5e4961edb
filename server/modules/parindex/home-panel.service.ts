/**
 * The PAR Index panel of the landing page (../home) for appraisers and the standing agency: the newest campaign
 * (its stage, the deadline that matters now, the units awaiting the council — the caller's own when they sit on
 * it), the latest published results (the top three of each group, how many units fell below the threshold), and
 * whether next year's frameworks exist. Read only; the records and access rules are this module's.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { unitFacts } from '../units/units.service.js';
import { councilRole } from './campaigns.service.js';
import { callerProvinces, isOffice, requireActor } from './parindex.policy.js';
import {
  parAssessments,
  parCampaigns,
  parFrameworks,
  parResults,
  type CampaignStage,
} from './parindex.table.js';
import { AWAITING_COUNCIL } from './rules/assessment-status.js';

export type ParIndexPanel = {
  campaign: {
    id: string;
    year: number;
    title: string;
    stage: CampaignStage;
    /** The deadline of the stage the campaign is in (null once finalised). */
    deadline: string | null;
    units: number;
    awaitingCouncil: number;
    /** The caller's seat on its council. */
    councilRole: 'chair' | 'member' | 'secretary' | null;
  } | null;
  results: {
    campaignId: string;
    year: number;
    /** The first three of each group, with their rank (ties share one). */
    top: { group: string; rank: number; unitName: string; percent: number; grade: string }[];
    below: number;
    remediationBelow: number;
  } | null;
  /** The year after the newest campaign's, and how many frameworks the province has made for it. */
  nextYear: { year: number; frameworks: number };
  office: boolean;
  link: string;
};

const DEADLINE_OF: Partial<
  Record<CampaignStage, 'selfDeadline' | 'appraisal1Deadline' | 'explanationDeadline' | 'appraisal2Deadline'>
> = {
  preparing: 'selfDeadline',
  self_assessment: 'selfDeadline',
  appraisal_1: 'appraisal1Deadline',
  explanation: 'explanationDeadline',
  appraisal_2: 'appraisal2Deadline',
};

export async function parIndexHomePanel(ctx: RequestContext): Promise<ParIndexPanel> {
  const actor = requireActor(ctx);
  const provinces = await callerProvinces(ctx, actor);
  const office = provinces.some((p) => isOffice(actor, p));
  const campaigns = provinces.length
    ? await ctx.db
        .select()
        .from(parCampaigns)
        .where(inArray(parCampaigns.provinceId, provinces))
        .orderBy(desc(parCampaigns.year))
    : [];
  const newest = campaigns[0];
  let campaign: ParIndexPanel['campaign'] = null;
  if (newest) {
    const counts = await ctx.db
      .select({ status: parAssessments.status, n: sql<number>`count(*)::int` })
      .from(parAssessments)
      .where(eq(parAssessments.campaignId, newest.id))
      .groupBy(parAssessments.status);
    const key = DEADLINE_OF[newest.stage];
    campaign = {
      id: newest.id,
      year: newest.year,
      title: newest.title,
      stage: newest.stage,
      deadline: key ? newest[key] : null,
      units: counts.reduce((a, c) => a + Number(c.n), 0),
      awaitingCouncil:
        newest.stage === 'appraisal_1' || newest.stage === 'appraisal_2'
          ? counts.filter((c) => AWAITING_COUNCIL.includes(c.status)).reduce((a, c) => a + Number(c.n), 0)
          : 0,
      councilRole: (await councilRole(ctx.db, newest.id, actor.user.id))?.role ?? null,
    };
  }
  const published = campaigns.find((c) => c.stage === 'published');
  let results: ParIndexPanel['results'] = null;
  if (published) {
    const rows = await ctx.db.select().from(parResults).where(eq(parResults.campaignId, published.id));
    const names = await unitFacts(
      ctx.db,
      rows.map((r) => r.unitId),
    );
    const byRank = rows.sort((a, b) => a.unitGroup.localeCompare(b.unitGroup) || a.rank - b.rank);
    const top = [...new Set(byRank.map((r) => r.unitGroup))].flatMap((group) =>
      byRank
        .filter((r) => r.unitGroup === group)
        .slice(0, 3)
        .map((r) => ({
          group,
          rank: r.rank,
          unitName: names.get(r.unitId)?.name ?? '',
          percent: r.percent,
          grade: r.grade,
        })),
    );
    results = {
      campaignId: published.id,
      year: published.year,
      top,
      below: rows.filter((r) => r.percent < published.remediationBelow).length,
      remediationBelow: published.remediationBelow,
    };
  }
  const nextYear = (newest?.year ?? new Date().getFullYear() - 1) + 1;
  const [made] = provinces.length
    ? await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(parFrameworks)
        .where(and(inArray(parFrameworks.provinceId, provinces), eq(parFrameworks.year, nextYear)))
    : [{ n: 0 }];
  return {
    campaign,
    results,
    nextYear: { year: nextYear, frameworks: Number(made?.n ?? 0) },
    office,
    link: '/par',
  };
}
