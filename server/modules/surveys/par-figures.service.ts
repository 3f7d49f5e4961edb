/**
 * The surveys' figures for the PAR Index (issue 16 ← 17): the points of a framework's items of method `survey`.
 *
 * Which survey answers which item is data, on the survey's version: an index config with `par: { unitGroup }`
 * (./rules/indices.ts) scores the items of the frameworks of that unit group, each index keyed by the item's code
 * ("3.6.1"). The shipped SIPAS template carries `par-department` (3.6.1, 3.6.2) and `par-commune` (3.8.1, 3.8.2);
 * the PAR Index's own sociological survey template carries all four criteria per group (./data).
 *
 * For a campaign year, a unit (with the units it carries that year, by lineage) and the items' codes, the surveys
 * read are those whose `par_year` is the campaign's, open or closed (a draft has no answers), with a published
 * version; the answers counted are those to the targets of these units, on any version (item codes are stable
 * across versions: `normaliseAnswers` stored them canonically). When several surveys score the same item the one
 * with the most respondents for the unit counts (one survey's answers are never mixed with another's formulas).
 * A cell under the config's minimum group size (5 respondents) is suppressed: no value, so the council scores it —
 * a unit is never scored from four people's answers.
 *
 * No access check: the caller (parindex/computed.service) checks its own, and nothing personal leaves: counts and
 * index values only.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { computeIndices, type IndexConfig, type ParUnitGroup } from './rules/indices.js';
import type { NormalisedAnswers } from './rules/answers.js';
import type { SurveyDefinition } from './rules/definition.js';
import { surveyResponses, surveys, surveyTargets, surveyVersions } from './surveys.table.js';

export type SurveyItemFigure = {
  /** The index value 0–100 (share satisfied × 100…), null when suppressed (fewer respondents than the minimum). */
  value: number | null;
  /** The same unrounded: the points are computed from it. */
  exact: number | null;
  respondents: number;
  minGroupSize: number;
  survey: { id: string; title: string; year: number };
  /** The index's name (both languages), for the computation's words. */
  index: { vi: string; en: string };
  /** The survey's results for the unit, for a person to check the figure. */
  link: string;
};

type Candidate = {
  surveyId: string;
  title: string;
  year: number;
  def: SurveyDefinition;
  config: IndexConfig;
};

/** Published versions of the year's surveys, newest first per survey: the latest one's configs count. */
async function candidates(ctx: RequestContext, year: number, unitGroup: ParUnitGroup): Promise<Candidate[]> {
  const rows = await ctx.db
    .select({
      surveyId: surveys.id,
      title: surveys.title,
      year: surveys.year,
      status: surveys.status,
      number: surveyVersions.number,
      definition: surveyVersions.definition,
      indices: surveyVersions.indices,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .where(
      and(
        eq(surveys.parYear, year),
        inArray(surveys.status, ['open', 'closed']),
        isNotNull(surveyVersions.publishedAt),
      ),
    )
    .orderBy(surveys.id, desc(surveyVersions.number));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.surveyId)) continue;
    seen.add(r.surveyId);
    for (const config of (r.indices as IndexConfig[]) ?? []) {
      if (config?.par?.unitGroup !== unitGroup) continue;
      out.push({
        surveyId: r.surveyId,
        title: r.title,
        year: r.year,
        def: r.definition as SurveyDefinition,
        config,
      });
    }
  }
  return out;
}

/**
 * The survey figure of each item code asked, for a unit (and the units it carries) in a campaign year, from the
 * frameworks of `unitGroup`. Codes no survey scores are absent from the map.
 */
export async function surveyItemFigures(
  ctx: RequestContext,
  input: { year: number; unitGroup: ParUnitGroup; unitIds: readonly string[]; codes: readonly string[] },
): Promise<Map<string, SurveyItemFigure>> {
  const out = new Map<string, SurveyItemFigure>();
  if (!input.codes.length || !input.unitIds.length) return out;
  const wanted = new Set(input.codes);
  const found = (await candidates(ctx, input.year, input.unitGroup)).filter((c) =>
    c.config.indices.some((i) => wanted.has(i.key)),
  );
  if (!found.length) return out;
  // Only the surveys that target these units (a survey that never reached the unit says nothing about it).
  const reached = new Set(
    (
      await ctx.db
        .selectDistinct({ surveyId: surveyTargets.surveyId })
        .from(surveyTargets)
        .where(
          and(
            inArray(surveyTargets.surveyId, [...new Set(found.map((c) => c.surveyId))]),
            inArray(surveyTargets.unitId, [...input.unitIds]),
          ),
        )
    ).map((r) => r.surveyId),
  );
  const answersOf = new Map<string, NormalisedAnswers[]>();
  for (const surveyId of reached) {
    const rows = await ctx.db
      .select({ answers: surveyResponses.answers })
      .from(surveyResponses)
      .innerJoin(surveyTargets, eq(surveyTargets.id, surveyResponses.targetId))
      .where(and(eq(surveyResponses.surveyId, surveyId), inArray(surveyTargets.unitId, [...input.unitIds])));
    answersOf.set(
      surveyId,
      rows.map((r) => r.answers as NormalisedAnswers),
    );
  }
  for (const c of found) {
    if (!reached.has(c.surveyId)) continue;
    const answers = answersOf.get(c.surveyId) ?? [];
    const results = computeIndices(
      c.def,
      c.config,
      answers.map((a) => ({ answers: a })),
    );
    for (const cell of results.all.cells) {
      if (!wanted.has(cell.key)) continue;
      const prior = out.get(cell.key);
      if (prior && prior.respondents >= cell.respondents) continue;
      out.set(cell.key, {
        value: cell.suppressed ? null : cell.value,
        exact: cell.suppressed ? null : cell.exact,
        respondents: cell.respondents,
        minGroupSize: results.minGroupSize,
        survey: { id: c.surveyId, title: c.title, year: c.year },
        index: cell.name,
        link: `/surveys/${c.surveyId}?tab=results&unitId=${input.unitIds[0]}`,
      });
    }
  }
  return out;
}
