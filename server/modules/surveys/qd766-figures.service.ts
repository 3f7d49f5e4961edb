/**
 * The surveys' figure for QĐ 766/QĐ-TTg's satisfaction group (issue 17 → dossiers): the criterion
 * `survey_satisfaction`, which counts only where the office adds it to a version of the dossier rules
 * (../dossiers/qd766.ts, settings/). Other modules read it through these functions only.
 *
 * The value is a share 0–1 (the index value / 100):
 * - the surveys read are those open or closed (a draft has no answers), each with its latest published version's
 *   definition and index configs (item codes are stable across versions: answers were stored canonically);
 * - the index is the survey's satisfaction index: the overall index of the first config that has one (SIPAS:
 *   `sipas_chung`, the average of the 5 elements), else the first index of its first config;
 * - the answers counted are those submitted (the day kept with each answer) within [from, to] to the targets of
 *   the units asked — and of the units below them with `subtree`, of the units they carry today with `restated`;
 * - fewer respondents than the config's minimum (5) → null: a unit is never scored from four people's answers;
 * - several surveys answering for the same units in the window are not mixed (one survey's answers are never
 *   read with another's formulas): the survey with the most respondents counts, the newer one on a tie.
 *
 * No access check: the caller checks its own, and only index values leave (no answer, no respondent).
 */
import { and, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { carriersOn } from '../units/carriers.service.js';
import { ancestorPaths } from '../units/units.service.js';
import type { NormalisedAnswers } from './rules/answers.js';
import type { SurveyDefinition } from './rules/definition.js';
import { computeIndices, IndexConfigError, type IndexConfig } from './rules/indices.js';
import { surveyResponses, surveys, surveyTargets, surveyVersions } from './surveys.table.js';

/**
 * Whose answers count: those to targets of these units (and, with `subtree` — the default — of the units below
 * them; with `restated`, of the units they carry today). No `unitIds` (null): every answer.
 */
export type SurveyQd766Scope = { unitIds?: readonly string[] | null; subtree?: boolean; restated?: boolean };

type Period = { from: string; to: string };

/** A survey as QĐ 766 reads it: its latest published definition and the index chosen. */
type Source = { surveyId: string; def: SurveyDefinition; config: IndexConfig; key: string };

type Answer = { surveyId: string; unitId: string; day: string; answers: NormalisedAnswers };

/**
 * The index a survey gives QĐ 766: the overall index of the first config that has one, else the first index of
 * the first config (null: the version has no index config).
 */
export function satisfactionIndexOf(
  configs: readonly IndexConfig[],
): { config: IndexConfig; key: string } | null {
  const withOverall = configs.find((c) => !!c?.overall);
  if (withOverall) return { config: withOverall, key: withOverall.overall!.key };
  const first = configs.find((c) => Array.isArray(c?.indices) && c.indices.length > 0);
  return first ? { config: first, key: first.indices[0]!.key } : null;
}

/** Open and closed surveys with a published version, newest survey first (the tie-break of the pooling). */
async function sources(db: Db): Promise<Source[]> {
  const found = await db
    .select({
      surveyId: surveys.id,
      definition: surveyVersions.definition,
      indices: surveyVersions.indices,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .where(and(inArray(surveys.status, ['open', 'closed']), isNotNull(surveyVersions.publishedAt)))
    .orderBy(desc(surveys.year), desc(surveys.createdAt), surveys.id, desc(surveyVersions.number));
  const out: Source[] = [];
  const seen = new Set<string>();
  for (const r of found) {
    if (seen.has(r.surveyId)) continue;
    seen.add(r.surveyId);
    const chosen = satisfactionIndexOf((r.indices as IndexConfig[] | null) ?? []);
    if (chosen) out.push({ surveyId: r.surveyId, def: r.definition as SurveyDefinition, ...chosen });
  }
  return out;
}

async function answersIn(db: Db, surveyIds: readonly string[], from: string, to: string): Promise<Answer[]> {
  if (!surveyIds.length) return [];
  const found = await db
    .select({
      surveyId: surveyResponses.surveyId,
      unitId: surveyTargets.unitId,
      day: surveyResponses.submittedOn,
      answers: surveyResponses.answers,
    })
    .from(surveyResponses)
    .innerJoin(surveyTargets, eq(surveyTargets.id, surveyResponses.targetId))
    .where(
      and(
        inArray(surveyResponses.surveyId, [...surveyIds]),
        gte(surveyResponses.submittedOn, from),
        lte(surveyResponses.submittedOn, to),
      ),
    );
  return found.map((r) => ({ ...r, answers: r.answers as NormalisedAnswers }));
}

/** For each targeted unit, the units asked it counts for (the scope's rule, as the hotline's figures). */
async function reachOf(
  db: Db,
  targetUnitIds: readonly string[],
  scope: SurveyQd766Scope & { unitIds: readonly string[] },
): Promise<Map<string, string[]>> {
  const asked = new Set(scope.unitIds);
  const ids = [...new Set(targetUnitIds)];
  const identities = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  if (scope.restated)
    for (const [id, c] of await carriersOn(db, ids, todayInVietnam()))
      if (c.status === 'carried')
        identities.set(
          id,
          c.carriers.map((s) => s.unitId),
        );
  const paths =
    scope.subtree === false ? null : await ancestorPaths(db, [...new Set([...identities.values()].flat())]);
  const out = new Map<string, string[]>();
  for (const [id, list] of identities) {
    const reach = paths ? list.flatMap((u) => paths.get(u) ?? [u]) : list;
    out.set(id, [...new Set(reach.filter((u) => asked.has(u)))]);
  }
  return out;
}

type Figure = { value: number | null; respondents: number };

/** The survey's index over these answers (null when suppressed or unanswered). */
function figureOf(source: Source, answers: readonly NormalisedAnswers[]): Figure | null {
  if (!answers.length) return null;
  try {
    const results = computeIndices(
      source.def,
      source.config,
      answers.map((a) => ({ answers: a })),
    );
    const cell = results.all.cells.find((c) => c.key === source.key);
    if (!cell) return null;
    return {
      value: cell.suppressed || cell.exact === null ? null : cell.exact / 100,
      respondents: cell.respondents,
    };
  } catch (e) {
    // A config that no longer fits its definition cannot be saved (checkIndexConfig); an old one says nothing.
    if (e instanceof IndexConfigError) return null;
    throw e;
  }
}

/** One survey per set of answers: the one with the most respondents (sources come newest first). */
function pooled(figures: Iterable<Figure | null>): number | null {
  let best: Figure | null = null;
  for (const f of figures) if (f && (!best || f.respondents > best.respondents)) best = f;
  return best?.value ?? null;
}

/** The answers of the scope: all of them, or those to targets reaching an asked unit. */
async function inScope(db: Db, answers: Answer[], scope: SurveyQd766Scope): Promise<Answer[]> {
  if (!scope.unitIds) return answers;
  const reach = await reachOf(
    db,
    answers.map((a) => a.unitId),
    { ...scope, unitIds: scope.unitIds },
  );
  return answers.filter((a) => (reach.get(a.unitId)?.length ?? 0) > 0);
}

function poolBySurvey(list: readonly Source[], answers: readonly Answer[]): number | null {
  const by = new Map<string, NormalisedAnswers[]>();
  for (const a of answers) {
    const list = by.get(a.surveyId) ?? [];
    list.push(a.answers);
    by.set(a.surveyId, list);
  }
  return pooled(list.map((s) => figureOf(s, by.get(s.surveyId) ?? [])));
}

/** The survey satisfaction (0–1, null when no survey scores it) of a scope in a window. */
export async function surveySatisfaction(db: Db, q: Period & SurveyQd766Scope): Promise<number | null> {
  if (q.unitIds && !q.unitIds.length) return null;
  const list = await sources(db);
  const answers = await inScope(
    db,
    await answersIn(
      db,
      list.map((s) => s.surveyId),
      q.from,
      q.to,
    ),
    q,
  );
  return poolBySurvey(list, answers);
}

/**
 * `surveySatisfaction` of each of these units (a ranking's rows), from one read of the answers: by default each
 * unit's own targets (`subtree: false`), as the ranking's other figures are. Every unit asked gets an entry.
 */
export async function surveySatisfactionByUnit(
  db: Db,
  q: Period & { unitIds: readonly string[]; subtree?: boolean; restated?: boolean },
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  if (!q.unitIds.length) return out;
  const list = await sources(db);
  const answers = await answersIn(
    db,
    list.map((s) => s.surveyId),
    q.from,
    q.to,
  );
  const reach = await reachOf(
    db,
    answers.map((a) => a.unitId),
    { subtree: false, ...q },
  );
  // unit asked → survey → its answers
  const by = new Map<string, Map<string, NormalisedAnswers[]>>();
  for (const a of answers)
    for (const unitId of reach.get(a.unitId) ?? []) {
      const surveysOf = by.get(unitId) ?? new Map<string, NormalisedAnswers[]>();
      const list = surveysOf.get(a.surveyId) ?? [];
      list.push(a.answers);
      surveysOf.set(a.surveyId, list);
      by.set(unitId, surveysOf);
    }
  for (const id of new Set(q.unitIds)) {
    const surveysOf = by.get(id);
    out.set(id, surveysOf ? pooled(list.map((s) => figureOf(s, surveysOf.get(s.surveyId) ?? []))) : null);
  }
  return out;
}

/** `surveySatisfaction` for each of several periods (a trend's months), from one read of the answers. */
export async function surveySatisfactionByPeriod(
  db: Db,
  q: { periods: readonly Period[] } & SurveyQd766Scope,
): Promise<(number | null)[]> {
  if (!q.periods.length) return [];
  if (q.unitIds && !q.unitIds.length) return q.periods.map(() => null);
  const from = q.periods.reduce((d, p) => (p.from < d ? p.from : d), q.periods[0]!.from);
  const to = q.periods.reduce((d, p) => (p.to > d ? p.to : d), q.periods[0]!.to);
  const list = await sources(db);
  const answers = await inScope(
    db,
    await answersIn(
      db,
      list.map((s) => s.surveyId),
      from,
      to,
    ),
    q,
  );
  return q.periods.map((p) =>
    poolBySurvey(
      list,
      answers.filter((a) => a.day >= p.from && a.day <= p.to),
    ),
  );
}
