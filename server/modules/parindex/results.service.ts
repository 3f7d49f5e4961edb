/**
 * A campaign's results: every unit's index and fields, grade and rank within its group, and the change from last
 * year (the unit's own result, or its predecessors' by lineage). Before the council signs off they are provisional
 * (computed from the scores as they stand); the sign-off freezes them in `par_results`, and publication makes them
 * public. Rules: ./rules/scoring.ts, ./rules/grades.ts, ./rules/ranking.ts.
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { formatViDate } from '../periods/index.js';
import { todayInVietnam } from '../../core/dates.js';
import { conflict, forbidden, staleVersion } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { resultsDocument } from './output/results-document.js';
import { resultsWorkbook } from './output/results-workbook.js';
import { rows as rowsOf, type Db } from '../../db/client.js';
import { unitDisplayName, unitFacts, unitLabelsOf, viCollator } from '../units/units.service.js';
import { councilRole, loadCampaign, type CampaignRow } from './campaigns.service.js';
import { bandsOf, frameworksByIds, treeOf } from './frameworks.service.js';
import { isOffice, isProvinceReader, requireActor } from './parindex.policy.js';
import { parAssessments, parCampaigns, parResults, type UnitGroup } from './parindex.table.js';
import { gradeFor } from './rules/grades.js';
import { pointsByCodeAt, prepareFramework, scoreMany, type ItemScores } from './rules/scoring.js';
import { itemScores, scoresOf } from './assessments.service.js';
import { changeFromLastYear, rankWithinGroups } from './rules/ranking.js';
import { placeName } from '../documents/admin-document.js';

export type ResultRow = {
  assessmentId: string;
  unitId: string;
  unitName: string;
  group: UnitGroup;
  points: number;
  maxPoints: number;
  percent: number;
  byField: { code: string; points: number; maxPoints: number; percent: number | null }[];
  grade: string;
  gradeName: { vi: string; en: string };
  rank: number;
  rankOf: number;
  previousPercent: number | null;
  change: number | null;
};

/**
 * The results as the scores stand now (final points where the rounds gave them), ranked within each group. One
 * read of the scores (only the columns that count), each framework flattened once and every assessment scored
 * in one pass (./rules/scoring.ts `scoreMany`): a province's 3,321 communes in well under a second
 * (`npm run bench -- parindex`).
 */
export async function computeResults(db: Db, campaign: CampaignRow): Promise<ResultRow[]> {
  const assessments = await db
    .select({
      id: parAssessments.id,
      unitId: parAssessments.unitId,
      unitGroup: parAssessments.unitGroup,
      frameworkId: parAssessments.frameworkId,
    })
    .from(parAssessments)
    .where(eq(parAssessments.campaignId, campaign.id));
  if (!assessments.length) return [];
  // One row an assessment, its items as one JSON list (a few thousand rows rather than hundreds of thousands,
  // parsed natively).
  const [frameworks, scoreRows, labels, previous] = await Promise.all([
    frameworksByIds(
      db,
      assessments.map((a) => a.frameworkId),
    ),
    rowsOf<{ id: string; s: [string, number | null, number | null, number | null, number | null][] }>(
      db,
      sql`SELECT s.assessment_id AS id,
                 json_agg(json_build_array(s.item_code, s.self_points, s.round1_points, s.round2_points,
                                           s.computed_points)) AS s
            FROM par_scores s JOIN par_assessments a ON a.id = s.assessment_id
           WHERE a.campaign_id = ${campaign.id}::uuid
           GROUP BY s.assessment_id`,
    ),
    unitLabelsOf(db, sql`SELECT unit_id FROM par_assessments WHERE campaign_id = ${campaign.id}::uuid`),
    previousPercents(
      db,
      campaign,
      assessments.map((a) => a.unitId),
    ),
  ]);
  const scores = new Map<string, Map<string, ItemScores>>();
  for (const r of scoreRows) {
    const m = new Map<string, ItemScores>();
    const list = typeof r.s === 'string' ? (JSON.parse(r.s) as typeof r.s) : r.s;
    // `computed_points` is the value from data: a module's figure, or the survey's for an item of method survey
    // (./computed.service.ts); the rules read each for its own method only (as assessments.service's itemScores).
    for (const [code, self, round1, round2, computed] of list)
      m.set(code, { self, round1, round2, computed, survey: computed });
    scores.set(r.id, m);
  }
  const names = new Map([...labels].map(([id, u]) => [id, { name: unitDisplayName(u) }]));
  const rows: Omit<ResultRow, 'rank' | 'rankOf' | 'change'>[] = [];
  for (const [frameworkId, framework] of frameworks) {
    const mine = assessments.filter((a) => a.frameworkId === frameworkId);
    const bands = bandsOf(framework);
    const scored = scoreMany(
      prepareFramework(treeOf(framework)),
      mine.map((a) => ({ id: a.id, scores: scores.get(a.id) ?? new Map() })),
      { stage: 'final', rescaleWithoutSurvey: framework.rescaleWithoutSurvey },
    );
    scored.forEach(({ result: t }, i) => {
      const a = mine[i]!;
      const band = gradeFor(t.percent, bands);
      rows.push({
        assessmentId: a.id,
        unitId: a.unitId,
        unitName: names.get(a.unitId)?.name ?? '',
        group: a.unitGroup,
        points: t.total,
        maxPoints: t.maxPoints,
        percent: t.percent,
        byField: t.fields.map((f) => ({ ...f })),
        grade: band?.code ?? '',
        gradeName: band?.name ?? { vi: '', en: '' },
        previousPercent: previous.get(a.unitId) ?? null,
      });
    });
  }
  const ranks = rankWithinGroups(
    rows.map((r) => ({ id: r.assessmentId, group: r.group, percent: r.percent, name: r.unitName })),
  );
  return rows
    .map((r) => {
      const rank = ranks.get(r.assessmentId)!;
      return {
        ...r,
        rank: rank.rank,
        rankOf: rank.rankOf,
        change: changeFromLastYear(r.percent, r.previousPercent),
      };
    })
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) || a.rank - b.rank || viCollator.compare(a.unitName, b.unitName),
    );
}

/** Last year's published index of each unit: its own result, or else the mean of its predecessors' that year. */
async function previousPercents(db: Db, campaign: CampaignRow, unitIds: readonly string[]) {
  const out = new Map<string, number>();
  const [last] = await db
    .select()
    .from(parCampaigns)
    .where(and(eq(parCampaigns.provinceId, campaign.provinceId), lt(parCampaigns.year, campaign.year)))
    .orderBy(desc(parCampaigns.year))
    .limit(1);
  if (!last || last.year !== campaign.year - 1) return out;
  const results = await db
    .select({ unitId: parResults.unitId, percent: parResults.percent })
    .from(parResults)
    .where(and(eq(parResults.campaignId, last.id), inArray(parResults.unitId, [...unitIds])));
  for (const r of results) out.set(r.unitId, r.percent);
  return out;
}

/** The frozen results of a campaign as rows (names, grade names from each assessment's framework), by rank. */
async function frozenRows(
  db: Db,
  campaignId: string,
  frozen: readonly (typeof parResults.$inferSelect)[],
): Promise<ResultRow[]> {
  const names = await unitFacts(
    db,
    frozen.map((r) => r.unitId),
  );
  const bands = await bandsByAssessment(db, campaignId);
  return frozen
    .map((r) => ({
      assessmentId: r.assessmentId,
      unitId: r.unitId,
      unitName: names.get(r.unitId)?.name ?? '',
      group: r.unitGroup,
      points: r.points,
      maxPoints: r.maxPoints,
      percent: r.percent,
      byField: r.byField as ResultRow['byField'],
      grade: r.grade,
      gradeName: bands.get(r.assessmentId)?.find((b) => b.code === r.grade)?.name ?? {
        vi: r.grade,
        en: r.grade,
      },
      rank: r.rank,
      rankOf: r.rankOf,
      previousPercent: r.previousPercent,
      change: changeFromLastYear(r.percent, r.previousPercent),
    }))
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) || a.rank - b.rank || viCollator.compare(a.unitName, b.unitName),
    );
}

/** The campaign's results for a reader: frozen once signed off, else provisional. */
export async function campaignResults(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const campaign = await loadCampaign(ctx, id);
  const frozen = await ctx.db.select().from(parResults).where(eq(parResults.campaignId, id));
  const published = campaign.stage === 'published';
  // Units see the province's results once published; before, the office, the committee and the council.
  const mayRead = published || isProvinceReader(actor, campaign.provinceId) || actor.hasRole('appraiser');
  if (!mayRead) return { provisional: !frozen.length, rows: [] as ResultRow[], asOf: todayInVietnam() };
  if (!frozen.length)
    return { provisional: true, rows: await computeResults(ctx.db, campaign), asOf: todayInVietnam() };
  const rows = await frozenRows(ctx.db, id, frozen);
  return {
    provisional: false,
    rows,
    asOf: campaign.signedOffAt ? todayInVietnam(campaign.signedOffAt) : todayInVietnam(),
  };
}

/**
 * The council's sign-off (the chair, or the office): every assessment final, the results frozen as they stand —
 * points, fields, grade, rank within the group, last year's index — and the campaign finalised. Journalled.
 */
export async function signOffCampaign(ctx: RequestContext, id: string, version: number) {
  const actor = requireActor(ctx);
  const campaign = await loadCampaign(ctx, id);
  if (campaign.version !== version) throw staleVersion('par_campaign', campaign.version);
  const chair = (await councilRole(ctx.db, id, actor.user.id))?.role === 'chair';
  if (!chair && !isOffice(actor, campaign.provinceId)) throw forbidden();
  if (campaign.stage !== 'appraisal_2') throw conflict('parindex.results.not_ready');
  const notFinal = await ctx.db
    .select({ id: parAssessments.id })
    .from(parAssessments)
    .where(and(eq(parAssessments.campaignId, id), sql`${parAssessments.status} <> 'final'`))
    .limit(1);
  if (notFinal.length) throw conflict('parindex.results.not_all_final');
  const rows = await computeResults(ctx.db, campaign);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(parCampaigns)
      .set({
        stage: 'finalised',
        signedOffAt: new Date(),
        signedOffBy: actor.user.id,
        version: campaign.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(parCampaigns.id, id), eq(parCampaigns.version, version)))
      .returning();
    if (!updated) throw staleVersion('par_campaign', campaign.version);
    if (rows.length)
      await tx.insert(parResults).values(
        rows.map((r) => ({
          campaignId: id,
          assessmentId: r.assessmentId,
          unitId: r.unitId,
          unitGroup: r.group,
          points: r.points,
          maxPoints: r.maxPoints,
          percent: r.percent,
          byField: r.byField,
          grade: r.grade,
          rank: r.rank,
          rankOf: r.rankOf,
          previousPercent: r.previousPercent,
        })),
      );
    await recordChange(
      { ...ctx, db: tx },
      { action: 'sign_off', entity: 'par_campaign', entityId: id, before: campaign, after: updated },
    );
  });
  return campaignResults(ctx, id);
}

/** The grade bands each assessment of a campaign is graded by (its framework's). */
async function bandsByAssessment(db: Db, campaignId: string) {
  const assessments = await db
    .select({ id: parAssessments.id, frameworkId: parAssessments.frameworkId })
    .from(parAssessments)
    .where(eq(parAssessments.campaignId, campaignId));
  const frameworks = await frameworksByIds(
    db,
    assessments.map((a) => a.frameworkId),
  );
  return new Map(assessments.map((a) => [a.id, bandsOf(frameworks.get(a.frameworkId)!)]));
}

/** The results grouped for the exports: each group with its framework's fields, rows by rank. */
async function exportGroups(ctx: RequestContext, campaign: CampaignRow, rows: readonly ResultRow[]) {
  const frameworks = await frameworksByIds(
    ctx.db,
    Object.values(campaign.frameworkIds as Record<string, string>),
  );
  const groups = Object.entries(campaign.frameworkIds as Record<UnitGroup, string>).flatMap(
    ([group, frameworkId]) => {
      const f = frameworks.get(frameworkId);
      if (!f) return [];
      return [
        {
          group: group as UnitGroup,
          fields: treeOf(f).fields.map((x) => ({ code: x.code, name: x.name.vi })),
          rows: rows
            .filter((r) => r.group === group)
            .map((r) => ({ ...r, grade: r.gradeName.vi || r.grade })),
        },
      ];
    },
  );
  return groups.filter((g) => g.rows.length);
}

/** The results as an Excel workbook (provisional ones say so on every sheet). */
export async function resultsXlsx(ctx: RequestContext, id: string) {
  const campaign = await loadCampaign(ctx, id);
  const results = await campaignResults(ctx, id);
  const buffer = await resultsWorkbook({
    year: campaign.year,
    provisional: results.provisional,
    groups: await exportGroups(ctx, campaign, results.rows),
  });
  return {
    buffer,
    fileName: `Chỉ số CCHC năm ${campaign.year}${results.provisional ? ' (tạm tính)' : ''}.xlsx`,
  };
}

/** The draft decision approving the results, with its annex (after the council's sign-off only). */
export async function resultsDocx(ctx: RequestContext, id: string) {
  const campaign = await loadCampaign(ctx, id);
  const results = await campaignResults(ctx, id);
  if (results.provisional) throw conflict('parindex.results.not_signed_off');
  const province = (await unitFacts(ctx.db, [campaign.provinceId])).get(campaign.provinceId);
  const frameworks = await frameworksByIds(
    ctx.db,
    Object.values(campaign.frameworkIds as Record<string, string>),
  );
  const refs = await documentRefs(
    ctx,
    [...frameworks.values()].flatMap((f) => (f.documentId ? [f.documentId] : [])),
  );
  const basis = [...frameworks.values()].map((f) => {
    const d = f.documentId ? refs.get(f.documentId) : undefined;
    return d
      ? `Quyết định số ${d.numberSymbol} ngày ${formatViDate(d.issuedOn)} ban hành ${f.title}`
      : // Not in the register yet: the draft leaves the number and date to fill in (its legal-basis note is
        // about the criteria, not a citation).
        `Quyết định số …/QĐ-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh ban hành ${f.title}`;
  });
  const buffer = await resultsDocument({
    provinceName: placeName(province?.name ?? ''),
    year: campaign.year,
    date: todayInVietnam(),
    basis: [...new Set(basis)],
    groups: await exportGroups(ctx, campaign, results.rows),
  });
  return { buffer, fileName: `Quyết định công bố Chỉ số CCHC năm ${campaign.year}.docx` };
}

// ---------------------------------------------------------------------------------------------------
// The public portal (issue 18, server/modules/portal): published campaigns and their results — never the evidence,
// the appraisers' reasons or the units' notes. No caller is checked here: only the stage "published" is public.

/** A province's campaigns at the stage "published", newest first. */
export async function publishedCampaigns(db: Db, provinceId: string): Promise<CampaignRow[]> {
  return db
    .select()
    .from(parCampaigns)
    .where(and(eq(parCampaigns.provinceId, provinceId), eq(parCampaigns.stage, 'published')))
    .orderBy(desc(parCampaigns.year), desc(parCampaigns.publishedAt));
}

export type PublicFieldRef = { code: string; name: { vi: string; en: string }; maxPoints: number };

/**
 * A published campaign's results as the portal shows them: the rows `campaignResults` gives (frozen at the
 * sign-off), the fields of each group's framework (codes, names, maxima) and the day they stand on. Null when the
 * campaign is not published.
 */
export async function publishedResults(
  db: Db,
  campaignId: string,
): Promise<{
  campaign: CampaignRow;
  rows: ResultRow[];
  asOf: string;
  fields: Map<UnitGroup, PublicFieldRef[]>;
} | null> {
  const [campaign] = await db.select().from(parCampaigns).where(eq(parCampaigns.id, campaignId));
  if (!campaign || campaign.stage !== 'published') return null;
  const frozen = await db.select().from(parResults).where(eq(parResults.campaignId, campaignId));
  const rows = frozen.length ? await frozenRows(db, campaignId, frozen) : await computeResults(db, campaign);
  const ids = campaign.frameworkIds as Partial<Record<UnitGroup, string>>;
  const frameworks = await frameworksByIds(
    db,
    Object.values(ids).filter((x): x is string => !!x),
  );
  const fields = new Map<UnitGroup, PublicFieldRef[]>();
  for (const [group, frameworkId] of Object.entries(ids) as [UnitGroup, string][]) {
    const f = frameworkId ? frameworks.get(frameworkId) : undefined;
    if (f)
      fields.set(
        group,
        treeOf(f).fields.map((x) => ({ code: x.code, name: x.name, maxPoints: x.maxPoints })),
      );
  }
  const asOf = campaign.signedOffAt ? todayInVietnam(campaign.signedOffAt) : todayInVietnam();
  return { campaign, rows, asOf, fields };
}

/**
 * One assessment's fields with their criteria's totals (the final points of each criterion's sub-criteria, or of the
 * criterion scored itself) in a published campaign; null when the campaign is not published or the assessment is
 * not in it.
 */
export async function publishedCriteriaTotals(
  db: Db,
  campaignId: string,
  assessmentId: string,
): Promise<
  | {
      code: string;
      name: { vi: string; en: string };
      maxPoints: number;
      criteria: { code: string; name: { vi: string; en: string }; points: number; maxPoints: number }[];
    }[]
  | null
> {
  const [campaign] = await db.select().from(parCampaigns).where(eq(parCampaigns.id, campaignId));
  if (!campaign || campaign.stage !== 'published') return null;
  const [assessment] = await db
    .select({ frameworkId: parAssessments.frameworkId })
    .from(parAssessments)
    .where(and(eq(parAssessments.id, assessmentId), eq(parAssessments.campaignId, campaignId)));
  if (!assessment) return null;
  const framework = (await frameworksByIds(db, [assessment.frameworkId])).get(assessment.frameworkId);
  if (!framework) return null;
  const tree = treeOf(framework);
  const scores = itemScores((await scoresOf(db, [assessmentId])).get(assessmentId) ?? []);
  const points = pointsByCodeAt(tree, scores, 'final');
  const round = (n: number) => Math.round(n * 100) / 100;
  return tree.fields.map((f) => ({
    code: f.code,
    name: f.name,
    maxPoints: f.maxPoints,
    criteria: f.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      points: round(
        c.subs.length
          ? c.subs.reduce((sum, x) => sum + (points.get(x.code) ?? 0), 0)
          : (points.get(c.code) ?? 0),
      ),
      maxPoints: c.maxPoints,
    })),
  }));
}
