/**
 * One unit's assessment in a campaign: the self scores with notes and evidence, the council's rounds with their
 * reasons, the unit's explanations, the computed items — and the totals as each stage counts them. The steps that
 * change the assessment's status (submit, the lock, the rounds' completion, finalising) are the work engine's
 * actions of kind `par_assessment` (./assessment.work-kind.ts); the per-item writes are here. Each write is
 * version-checked (409 on a stale one) and journalled.
 *
 * Who: the unit's focal point and leader score and explain (acting grants: a successor's people act for an ended
 * unit only under the lineage rule's `act`); the council members appraise the fields they are given (the office
 * may appraise every field); the office, the council, the committee and appraisers of the province read.
 */
import { foldText } from '../../core/fold.js';
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { formatViDate } from '../periods/index.js';
import { actingContext } from '../access/lineage-follow.service.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, conflict, forbidden, notFound, staleVersion } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import { getFiles } from '../files/files.service.js';
import { getInspection } from '../inspections/inspections.service.js';
import { getPlan } from '../plans/plans.service.js';
import { getReport } from '../reports/report-entry.service.js';
import { subtreeSql, unitFacts, viCollator } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import { appendEvents, uploadAttachment } from '../work/work.service.js';
import type { AssessmentOut, EvidenceOut, RollupOut, ScoreOut } from './assessments.schemas.js';
import {
  campaignReach,
  campaignsByIds,
  councilRole,
  deadlinesOf,
  loadCampaign,
  type CampaignRow,
} from './campaigns.service.js';
import { bandsOf, frameworksByIds, treeOf, type FrameworkRow } from './frameworks.service.js';
import { isOffice, isProvinceReader, PAR_UNIT_ROLES, requireActor } from './parindex.policy.js';
import {
  parAssessments,
  parEvidence,
  parScores,
  type AssessmentStatus,
  type EvidenceLinkKind,
} from './parindex.table.js';
import { contestedCodes, checkExplanation, checkRound1Change, checkRound2Change } from './rules/appraisal.js';
import { describeComputation, type Computation } from './rules/computed.js';
import { findItem, scoredItems } from './rules/framework.js';
import type { FrameworkTree, Text } from './rules/framework-types.js';
import { gradeFor } from './rules/grades.js';
import {
  checkPoints,
  pointsAt,
  pointsByCodeAt,
  rollup,
  type ItemScores,
  type ScoreStage,
} from './rules/scoring.js';
import { appraisalOpen, explanationOpen, selfScoringOpen } from './rules/stages.js';

export { ASSESSMENT_KIND } from './rules/assessment-status.js';
import { ASSESSMENT_KIND, nextStepOf } from './rules/assessment-status.js';

export type AssessmentRow = typeof parAssessments.$inferSelect;
export type ScoreRow = typeof parScores.$inferSelect;
export type EvidenceRow = typeof parEvidence.$inferSelect;

/** The caller's relation to an assessment. */
export type AssessmentWho = {
  read: boolean;
  office: boolean;
  /** The unit's focal point or leader (acting grants). */
  unit: boolean;
  council: { role: 'chair' | 'member' | 'secretary'; fieldCodes: string[] } | null;
  /** The fields the caller may appraise: every field for the office or a member without fields. */
  appraiseFields: string[];
};

export type LoadedAssessment = {
  row: AssessmentRow;
  campaign: CampaignRow;
  framework: FrameworkRow;
  unitName: string;
  who: AssessmentWho;
};

/** The caller's relations to a batch of assessments (one query per kind of fact). */
export async function loadAssessments(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<Map<string, LoadedAssessment>> {
  const out = new Map<string, LoadedAssessment>();
  const actor = ctx.actor;
  if (!actor || !ids.length) return out;
  const rows = await ctx.db
    .select()
    .from(parAssessments)
    .where(inArray(parAssessments.id, [...new Set(ids)]));
  if (!rows.length) return out;
  const campaigns = await campaignsByIds(
    ctx.db,
    rows.map((r) => r.campaignId),
  );
  const frameworks = await frameworksByIds(
    ctx.db,
    rows.map((r) => r.frameworkId),
  );
  const facts = await unitFacts(ctx.db, [
    ...rows.map((r) => r.unitId),
    ...[...campaigns.values()].map((c) => c.provinceId),
  ]);
  const acting = actingContext(ctx).actor ?? actor;
  const councils = new Map<string, AssessmentWho['council']>();
  for (const c of campaigns.values()) councils.set(c.id, await councilRole(ctx.db, c.id, actor.user.id));
  for (const r of rows) {
    const campaign = campaigns.get(r.campaignId)!;
    const framework = frameworks.get(r.frameworkId)!;
    const unitPath = facts.get(r.unitId)?.path ?? [r.unitId];
    const provincePath = facts.get(campaign.provinceId)?.path ?? [campaign.provinceId];
    const office = isOffice(actor, campaign.provinceId);
    const council = councils.get(campaign.id) ?? null;
    const fields = treeOf(framework).fields.map((f) => f.code);
    const appraiseFields =
      office || (council && !council.fieldCodes.length) ? fields : (council?.fieldCodes ?? []);
    const unit = acting.hasRoleOver(PAR_UNIT_ROLES, unitPath);
    const read =
      office ||
      !!council ||
      isProvinceReader(actor, campaign.provinceId) ||
      actor.hasRoleOver(['appraiser'], provincePath) ||
      actor.hasRoleOver(PAR_UNIT_ROLES, unitPath);
    out.set(r.id, {
      row: r,
      campaign,
      framework,
      unitName: facts.get(r.unitId)?.name ?? '',
      who: { read, office, unit, council, appraiseFields },
    });
  }
  return out;
}

/** One assessment the caller may read (404 / 403). */
export async function loadAssessment(ctx: RequestContext, id: string): Promise<LoadedAssessment> {
  requireActor(ctx);
  const found = (await loadAssessments(ctx, [id])).get(id);
  if (!found) throw notFound('par_assessment');
  if (!found.who.read) throw forbidden();
  return found;
}

export async function scoresOf(db: Db, assessmentIds: readonly string[]): Promise<Map<string, ScoreRow[]>> {
  const out = new Map<string, ScoreRow[]>();
  if (!assessmentIds.length) return out;
  const rows = await db
    .select()
    .from(parScores)
    .where(inArray(parScores.assessmentId, [...new Set(assessmentIds)]));
  for (const r of rows) {
    const list = out.get(r.assessmentId) ?? [];
    list.push(r);
    out.set(r.assessmentId, list);
  }
  return out;
}

/** The per-item values the scoring rules take. */
export const itemScores = (rows: readonly ScoreRow[]): Map<string, ItemScores> =>
  new Map(
    rows.map((s) => [
      s.itemCode,
      {
        self: s.selfPoints,
        round1: s.round1Points,
        round2: s.round2Points,
        computed: s.computedPoints,
        // `computed_points` holds the value from data: a module's figure for a computed item, the survey's index for
        // an item of method survey (./computed.service.ts); the scoring rules read each for its own method only.
        survey: s.computedPoints,
      },
    ]),
  );

/** The stage whose points the assessment's status counts. */
export const stageOfStatus = (status: AssessmentStatus): ScoreStage =>
  status === 'final'
    ? 'final'
    : status === 'appraised_2'
      ? 'round2'
      : status === 'appraised_1' || status === 'explained'
        ? 'round1'
        : 'self';

function totalsAt(framework: FrameworkRow, scores: Map<string, ItemScores>, stage: ScoreStage): RollupOut {
  const tree = treeOf(framework);
  const points = pointsByCodeAt(tree, scores, stage);
  const r = rollup(tree, points, {
    rescaleWithoutSurvey: framework.rescaleWithoutSurvey,
    surveyAnswered: false,
  });
  const band = gradeFor(r.percent, bandsOf(framework));
  return { ...r, grade: band ? { code: band.code, name: band.name } : null };
}

export function totalsOf(framework: FrameworkRow, status: AssessmentStatus, rows: readonly ScoreRow[]) {
  const scores = itemScores(rows);
  const reached = stageOfStatus(status);
  return {
    self: totalsAt(framework, scores, 'self'),
    round1: reached === 'self' ? null : totalsAt(framework, scores, 'round1'),
    round2:
      reached === 'round2' || reached === 'final' || rows.some((r) => r.round2Points !== null)
        ? totalsAt(framework, scores, 'final')
        : null,
  };
}

/** A stored computation for the page: its words, and the page listing the records it counted. */
const computationOut = (c: (Computation & { link?: string | null }) | null) =>
  c ? { text: describeComputation(c), link: c.link ?? null, noData: c.noData, rate: c.rate } : null;

function scoreOutOf(
  s: ScoreRow | undefined,
  code: string,
  tree: FrameworkTree,
  contested: Set<string>,
): ScoreOut {
  const item = findItem(tree, code);
  const scores = s ? itemScores([s]).get(code) : undefined;
  // The latest word on the item (round 2, else round 1, else computed or survey, else the unit's own).
  const current = item ? pointsAt(item, scores, 'final') : null;
  return {
    code,
    self: s?.selfPoints ?? null,
    selfNote: s?.selfNote ?? '',
    round1: s?.round1Points ?? null,
    round1Reason: s?.round1Reason ?? '',
    explanation: s?.explanation ?? '',
    round2: s?.round2Points ?? null,
    round2Reason: s?.round2Reason ?? '',
    computed: s?.computedPoints ?? null,
    computation: computationOut((s?.computation as Computation | null) ?? null),
    current: current ?? null,
    contested: contested.has(code),
    updatedAt: s?.updatedAt.toISOString() ?? null,
    version: s?.version ?? 0,
  };
}

const linkHref = (e: EvidenceRow): string => {
  switch (e.linkKind) {
    case 'plan':
      return `/plans/${e.linkId}`;
    case 'report':
      return `/reports/${e.linkId}`;
    case 'inspection':
      return `/inspections/${e.linkId}`;
    case 'document':
      return `/documents/${e.linkId}`;
    default:
      return e.url ?? '';
  }
};

async function evidenceOut(ctx: RequestContext, rows: readonly EvidenceRow[]): Promise<EvidenceOut[]> {
  const files = new Map(
    (
      await getFiles(
        ctx,
        rows.flatMap((e) => (e.fileId ? [e.fileId] : [])),
      )
    ).map((f) => [f.id, f]),
  );
  const people = new Map(
    (await usersByIds(ctx, [...new Set(rows.flatMap((e) => (e.addedBy ? [e.addedBy] : [])))])).map((u) => [
      u.id,
      u,
    ]),
  );
  return rows.map((e) => {
    const f = e.fileId ? files.get(e.fileId) : undefined;
    return {
      id: e.id,
      code: e.itemCode,
      label: e.label,
      number: e.number,
      file: f
        ? { id: f.id, name: f.originalName, size: f.size, mediaType: f.mediaType, sha256: f.sha256 }
        : null,
      link: e.linkKind ? { kind: e.linkKind, id: e.linkId, url: e.url, href: linkHref(e) } : null,
      replacesId: e.replacesId,
      replaced: !!e.replacedAt,
      withdrawn: !!e.withdrawnAt,
      addedAt: e.addedAt.toISOString(),
      addedBy: e.addedBy ? (people.get(e.addedBy)?.fullName ?? null) : null,
    };
  });
}

/** The windows of a loaded assessment today. */
export function windowsOf(a: LoadedAssessment, today = todayInVietnam()) {
  const d = deadlinesOf(a.campaign);
  return {
    self: selfScoringOpen(a.campaign.stage, today, d, a.row.status),
    explanation: explanationOpen(a.campaign.stage, today, d, a.row.status),
    round1: appraisalOpen(1, a.campaign.stage, today, d, a.row.status),
    round2: appraisalOpen(2, a.campaign.stage, today, d, a.row.status),
  };
}

export async function presentAssessment(
  ctx: RequestContext,
  a: LoadedAssessment,
  allowedActions: readonly string[] = [],
): Promise<AssessmentOut> {
  const scores = (await scoresOf(ctx.db, [a.row.id])).get(a.row.id) ?? [];
  const evidence = await ctx.db
    .select()
    .from(parEvidence)
    .where(eq(parEvidence.assessmentId, a.row.id))
    .orderBy(asc(parEvidence.itemCode), asc(parEvidence.addedAt));
  const tree = treeOf(a.framework);
  const byCode = new Map(scores.map((s) => [s.itemCode, s]));
  const contested = new Set(contestedCodes(itemScores(scores)));
  const codes = [
    ...scoredItems(tree).map((i) => i.item.code),
    ...tree.bonus.map((b) => b.code),
    ...tree.penalty.map((p) => p.code),
  ];
  const windows = windowsOf(a);
  return {
    id: a.row.id,
    campaign: {
      id: a.campaign.id,
      year: a.campaign.year,
      title: a.campaign.title,
      stage: a.campaign.stage,
      ...deadlinesOf(a.campaign),
    },
    unit: { id: a.row.unitId, name: a.unitName },
    group: a.row.unitGroup,
    status: a.row.status,
    submittedAt: a.row.submittedAt?.toISOString() ?? null,
    lockedAt: a.row.lockedAt?.toISOString() ?? null,
    framework: {
      id: a.framework.id,
      title: a.framework.title,
      number: a.framework.number,
      tree,
      gradeBands: bandsOf(a.framework),
      rescaleWithoutSurvey: a.framework.rescaleWithoutSurvey,
    },
    scores: codes.map((code) => scoreOutOf(byCode.get(code), code, tree, contested)),
    evidence: await evidenceOut(ctx, evidence),
    totals: totalsOf(a.framework, a.row.status, scores),
    windows,
    appraiseFields: a.who.appraiseFields,
    abilities: {
      score: a.who.unit && windows.self,
      evidence: a.who.unit && windows.self,
      explain: a.who.unit && windows.explanation,
      appraise: a.who.appraiseFields.length > 0 && (windows.round1 || windows.round2),
    },
    allowedActions: [...allowedActions],
    version: a.row.version,
  };
}

/** The campaign's assessments the caller may see, with their progress, in Vietnamese order of the units. */
export async function listAssessments(
  ctx: RequestContext,
  campaignId: string,
  q: { group?: string | undefined; status?: AssessmentStatus | undefined; q?: string | undefined },
) {
  const actor = requireActor(ctx);
  const campaign = await loadCampaign(ctx, campaignId);
  const { provinceWide: seesAll, unitRoots: roots } = await campaignReach(ctx, actor, campaign);
  if (!seesAll && !roots.length) return { items: [] };
  const rows = await ctx.db
    .select()
    .from(parAssessments)
    .where(
      and(
        eq(parAssessments.campaignId, campaignId),
        q.group ? eq(parAssessments.unitGroup, q.group as AssessmentRow['unitGroup']) : undefined,
        q.status ? eq(parAssessments.status, q.status) : undefined,
        seesAll ? undefined : sql`${parAssessments.unitId} IN (${subtreeSql(roots)})`,
      ),
    );
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const needle = q.q ? foldText(q.q) : null;
  const kept = needle ? rows.filter((r) => foldText(facts.get(r.unitId)?.name ?? '').includes(needle)) : rows;
  const scores = await scoresOf(
    ctx.db,
    kept.map((r) => r.id),
  );
  const frameworks = await frameworksByIds(
    ctx.db,
    kept.map((r) => r.frameworkId),
  );
  const evidence = kept.length
    ? await ctx.db
        .select({ id: parEvidence.assessmentId, n: sql<number>`count(*)::int` })
        .from(parEvidence)
        .where(
          and(
            inArray(
              parEvidence.assessmentId,
              kept.map((r) => r.id),
            ),
            sql`${parEvidence.replacedAt} IS NULL AND ${parEvidence.withdrawnAt} IS NULL`,
          ),
        )
        .groupBy(parEvidence.assessmentId)
    : [];
  const evidenceCount = new Map(evidence.map((e) => [e.id, Number(e.n)]));
  const today = todayInVietnam();
  const items = kept.map((r) => {
    const f = frameworks.get(r.frameworkId)!;
    const rowsOf = scores.get(r.id) ?? [];
    const own = scoredItems(treeOf(f)).filter(({ item }) => item.method === 'self');
    const byCode = new Map(rowsOf.map((s) => [s.itemCode, s]));
    const totals = totalsOf(f, r.status, rowsOf);
    const current = totals.round2 ?? totals.round1 ?? totals.self;
    const contested = contestedCodes(itemScores(rowsOf)).length;
    return {
      id: r.id,
      unit: { id: r.unitId, name: facts.get(r.unitId)?.name ?? '' },
      group: r.unitGroup,
      status: r.status,
      scored: own.filter(({ item }) => byCode.get(item.code)?.selfPoints != null).length,
      toScore: own.length,
      evidence: evidenceCount.get(r.id) ?? 0,
      percent: current.percent,
      points: current.total,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      contested,
      next: nextStepOf(r.status, contested, campaign.stage, today, deadlinesOf(campaign)),
    };
  });
  items.sort((a, b) => viCollator.compare(a.unit.name, b.unit.name));
  return { items };
}

// ---------------------------------------------------------------------------------------------------
// Per-item writes

function refused(ctx: RequestContext, problem: { message: Text }, status = 400): AppError {
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  return new AppError(status, status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED', 'parindex.score.refused', {
    reason: problem.message[lang] || problem.message.vi,
  });
}

/** Writes one score row (insert or version-checked update) and its journal entry; returns it. */
async function writeScore(
  ctx: RequestContext,
  a: LoadedAssessment,
  code: string,
  version: number,
  patch: Partial<typeof parScores.$inferInsert>,
  action: string,
): Promise<ScoreRow> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(parScores)
      .where(and(eq(parScores.assessmentId, a.row.id), eq(parScores.itemCode, code)));
    if ((before?.version ?? 0) !== version) throw staleVersion('par_score', before?.version ?? 0);
    let after: ScoreRow | undefined;
    if (!before) {
      [after] = await tx
        .insert(parScores)
        .values({ assessmentId: a.row.id, itemCode: code, ...patch })
        .onConflictDoNothing()
        .returning();
      if (!after) throw staleVersion('par_score', 1);
    } else {
      [after] = await tx
        .update(parScores)
        .set({ ...patch, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(parScores.id, before.id), eq(parScores.version, version)))
        .returning();
      if (!after) throw staleVersion('par_score', before.version);
    }
    await recordChange(
      { ...ctx, db: tx },
      { action, entity: 'par_score', entityId: after.id, ...(before ? { before } : {}), after },
    );
    // The first score starts the self-assessment (a status step in the item's history).
    if (action === 'score_self' && a.row.status === 'not_started') {
      const [moved] = await tx
        .update(parAssessments)
        .set({ status: 'in_progress', version: a.row.version + 1, updatedAt: new Date() })
        .where(and(eq(parAssessments.id, a.row.id), eq(parAssessments.status, 'not_started')))
        .returning();
      if (moved)
        await appendEvents(tx, [
          {
            kind: ASSESSMENT_KIND,
            itemId: a.row.id,
            action: 'start',
            fromStatus: 'not_started',
            toStatus: 'in_progress',
            on: todayInVietnam(),
            actorId: ctx.actor?.user.id ?? null,
          },
        ]);
    }
    return after;
  });
}

async function saved(ctx: RequestContext, id: string, code: string) {
  const a = await loadAssessment(ctx, id);
  const rows = (await scoresOf(ctx.db, [id])).get(id) ?? [];
  const tree = treeOf(a.framework);
  const contested = new Set(contestedCodes(itemScores(rows)));
  return {
    score: scoreOutOf(
      rows.find((r) => r.itemCode === code),
      code,
      tree,
      contested,
    ),
    totals: totalsOf(a.framework, a.row.status, rows),
    status: a.row.status,
    version: a.row.version,
  };
}

function itemOf(a: LoadedAssessment, code: string) {
  const item = findItem(treeOf(a.framework), code);
  if (!item) throw notFound('par_score');
  return item;
}

/** The unit's own score of an item (or clearing it), while self-scoring is open. */
export async function setSelfScore(
  ctx: RequestContext,
  id: string,
  code: string,
  input: { points: number | null; note: string; version: number },
) {
  const a = await loadAssessment(ctx, id);
  if (!a.who.unit) throw forbidden();
  const item = itemOf(a, code);
  if ('method' in item && item.method !== 'self')
    throw new AppError(409, 'CONFLICT', 'parindex.score.not_yours');
  if (!windowsOf(a).self)
    throw new AppError(409, 'CONFLICT', 'parindex.score.self_closed', {
      date: formatViDate(a.campaign.selfDeadline),
    });
  if (input.points !== null) {
    const problem = checkPoints(item, input.points);
    if (problem) throw refused(ctx, problem);
  }
  await writeScore(
    ctx,
    a,
    code,
    input.version,
    { selfPoints: input.points, selfNote: input.note, selfAt: new Date(), selfBy: ctx.actor!.user.id },
    'score_self',
  );
  return saved(ctx, id, code);
}

/** The council's score of an item in round 1 or 2, with its reason where it changes the earlier score. */
export async function setAppraisalScore(
  ctx: RequestContext,
  id: string,
  code: string,
  input: { round: 1 | 2; points: number; reason: string; version: number },
) {
  const a = await loadAssessment(ctx, id);
  const item = itemOf(a, code);
  const field = code.startsWith('B') || code.startsWith('P') ? null : code.split('.')[0]!;
  const allowed =
    field === null
      ? a.who.office || a.who.council?.role === 'chair' || a.who.appraiseFields.length > 0
      : a.who.appraiseFields.includes(field);
  if (!allowed) throw forbidden('parindex.score.not_appraiser');
  const windows = windowsOf(a);
  if (!(input.round === 1 ? windows.round1 : windows.round2))
    throw new AppError(409, 'CONFLICT', 'parindex.score.appraisal_closed', { round: input.round });
  const problem = checkPoints(item, input.points);
  if (problem) throw refused(ctx, problem);
  const [current] = await ctx.db
    .select()
    .from(parScores)
    .where(and(eq(parScores.assessmentId, id), eq(parScores.itemCode, code)));
  // What the unit saw as its own (the computed value of a computed item, else its self score), or round 1.
  const own = current ? itemScores([current]).get(code) : undefined;
  const earlier = input.round === 1 ? pointsAt(item, own, 'self') : pointsAt(item, own, 'round1');
  const change =
    input.round === 1
      ? checkRound1Change(item, earlier, input.points, input.reason)
      : checkRound2Change(item, earlier, input.points, input.reason);
  if (change) throw refused(ctx, change);
  const by = ctx.actor!.user.id;
  await writeScore(
    ctx,
    a,
    code,
    input.version,
    input.round === 1
      ? { round1Points: input.points, round1Reason: input.reason, round1At: new Date(), round1By: by }
      : { round2Points: input.points, round2Reason: input.reason, round2At: new Date(), round2By: by },
    input.round === 1 ? 'score_round1' : 'score_round2',
  );
  return saved(ctx, id, code);
}

/** The unit's explanation of a score the council changed in round 1, while explanations are open. */
export async function setExplanation(
  ctx: RequestContext,
  id: string,
  code: string,
  input: { text: string; version: number },
) {
  const a = await loadAssessment(ctx, id);
  if (!a.who.unit) throw forbidden();
  itemOf(a, code);
  if (!windowsOf(a).explanation) throw new AppError(409, 'CONFLICT', 'parindex.score.explanation_closed');
  const rows = (await scoresOf(ctx.db, [id])).get(id) ?? [];
  const problem = checkExplanation(code, contestedCodes(itemScores(rows)), input.text);
  if (problem) throw refused(ctx, problem);
  await writeScore(
    ctx,
    a,
    code,
    input.version,
    { explanation: input.text, explainedAt: new Date(), explainedBy: ctx.actor!.user.id },
    'explain_score',
  );
  return saved(ctx, id, code);
}

// ---------------------------------------------------------------------------------------------------
// Evidence

/**
 * Evidence is the unit's while it scores itself (add, replace, withdraw); while it explains, it may add evidence to
 * the items the council changed — the documents its explanation cites — but not replace or withdraw what the
 * council appraised.
 */
async function requireEvidenceOpen(
  ctx: RequestContext,
  a: LoadedAssessment,
  code: string,
  change: 'add' | 'change',
) {
  if (!a.who.unit) throw forbidden();
  const windows = windowsOf(a);
  if (windows.self) return;
  if (change === 'add' && windows.explanation) {
    const rows = (await scoresOf(ctx.db, [a.row.id])).get(a.row.id) ?? [];
    if (contestedCodes(itemScores(rows)).includes(code)) return;
    throw new AppError(409, 'CONFLICT', 'parindex.evidence.not_contested');
  }
  throw new AppError(409, 'CONFLICT', 'parindex.evidence.closed');
}

async function addEvidenceRow(
  ctx: RequestContext,
  a: LoadedAssessment,
  values: Omit<typeof parEvidence.$inferInsert, 'assessmentId' | 'itemCode'> & { itemCode: string },
  replaces: string | undefined,
): Promise<EvidenceRow> {
  const actorId = ctx.actor!.user.id;
  return ctx.db.transaction(async (tx) => {
    let number = 1;
    if (replaces) {
      const [old] = await tx.select().from(parEvidence).where(eq(parEvidence.id, replaces));
      if (!old || old.assessmentId !== a.row.id || old.itemCode !== values.itemCode)
        throw notFound('par_evidence');
      if (old.replacedAt || old.withdrawnAt) throw conflict();
      const [marked] = await tx
        .update(parEvidence)
        .set({ replacedAt: new Date() })
        .where(and(eq(parEvidence.id, replaces), sql`${parEvidence.replacedAt} IS NULL`))
        .returning();
      if (!marked) throw conflict();
      number = old.number + 1;
    }
    const [row] = await tx
      .insert(parEvidence)
      .values({ ...values, assessmentId: a.row.id, number, replacesId: replaces ?? null, addedBy: actorId })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: replaces ? 'replace_evidence' : 'add_evidence',
        entity: 'par_evidence',
        entityId: row!.id,
        after: row,
      },
    );
    // The file is cited by the item's history (the engine keeps it: an uncited upload expires).
    await appendEvents(tx, [
      {
        kind: ASSESSMENT_KIND,
        itemId: a.row.id,
        action: replaces ? 'replace_evidence' : 'add_evidence',
        note: `${values.itemCode}: ${values.label}`,
        on: todayInVietnam(),
        actorId,
        fileIds: values.fileId ? [values.fileId] : [],
      },
    ]);
    return row!;
  });
}

/** An evidence file for an item (a new one, or the next version of one), checked by its content. */
export async function uploadEvidence(
  ctx: RequestContext,
  store: FileStore,
  id: string,
  code: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
  q: { label?: string | undefined; replaces?: string | undefined },
): Promise<EvidenceOut> {
  const a = await loadAssessment(ctx, id);
  itemOf(a, code);
  await requireEvidenceOpen(ctx, a, code, q.replaces ? 'change' : 'add');
  const file = await uploadAttachment(ctx, store, ASSESSMENT_KIND, id, upload, maxBytes);
  const row = await addEvidenceRow(
    ctx,
    a,
    { itemCode: code, fileId: file.id, sha256: file.sha256, label: q.label?.trim() || file.originalName },
    q.replaces,
  );
  return (await evidenceOut(ctx, [row]))[0]!;
}

/** A link to a record already in chidao (that the caller may read) or to a web page, as evidence of an item. */
export async function linkEvidence(
  ctx: RequestContext,
  id: string,
  code: string,
  input: { linkKind: EvidenceLinkKind; linkId?: string | undefined; url?: string | undefined; label: string },
): Promise<EvidenceOut> {
  const a = await loadAssessment(ctx, id);
  itemOf(a, code);
  await requireEvidenceOpen(ctx, a, code, 'add');
  const label = input.label || (await linkTitle(ctx, input));
  const row = await addEvidenceRow(
    ctx,
    a,
    {
      itemCode: code,
      linkKind: input.linkKind,
      linkId: input.linkKind === 'url' ? null : (input.linkId ?? null),
      url: input.linkKind === 'url' ? (input.url ?? null) : null,
      label,
    },
    undefined,
  );
  return (await evidenceOut(ctx, [row]))[0]!;
}

/** The linked record's title; a 400 when it is not there or the caller may not read it. */
async function linkTitle(
  ctx: RequestContext,
  input: { linkKind: EvidenceLinkKind; linkId?: string | undefined; url?: string | undefined },
): Promise<string> {
  const missing = () =>
    new AppError(400, 'VALIDATION_FAILED', 'parindex.evidence.link_missing', { field: 'linkId' }, [
      { field: 'linkId', message: 'parindex.evidence.link_missing' },
    ]);
  const id = input.linkId ?? '';
  try {
    switch (input.linkKind) {
      case 'url':
        return input.url ?? '';
      case 'document': {
        const d = (await documentRefs(ctx, [id])).get(id);
        if (!d) throw missing();
        return `${d.numberSymbol} — ${d.title}`;
      }
      case 'plan':
        return (await getPlan(ctx, id)).title;
      case 'report':
        return (await getReport(ctx, id)).title.vi;
      case 'inspection': {
        const i = await getInspection(ctx, id);
        return `Kiểm tra CCHC tại ${i.unit.name}`;
      }
    }
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403)) throw missing();
    throw err;
  }
}

/** Withdraws an evidence (kept, shown struck through) while self-scoring is open. */
export async function withdrawEvidence(
  ctx: RequestContext,
  id: string,
  evidenceId: string,
): Promise<EvidenceOut> {
  const a = await loadAssessment(ctx, id);
  await requireEvidenceOpen(ctx, a, '', 'change');
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(parEvidence).where(eq(parEvidence.id, evidenceId));
    if (!before || before.assessmentId !== id) throw notFound('par_evidence');
    if (before.withdrawnAt) return before;
    const [after] = await tx
      .update(parEvidence)
      .set({ withdrawnAt: new Date(), withdrawnBy: ctx.actor!.user.id })
      .where(eq(parEvidence.id, evidenceId))
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'withdraw_evidence', entity: 'par_evidence', entityId: evidenceId, before, after },
    );
    return after!;
  });
  return (await evidenceOut(ctx, [row]))[0]!;
}
