/**
 * Campaigns (đợt đánh giá, xác định Chỉ số CCHC): a year's scoring of the province's units. The office creates one
 * with the published frameworks of each group, the stage deadlines and the remediation threshold; names the
 * appraisal council (each member with the fields they appraise); and moves it through its stages
 * (./rules/stages.ts). Opening it (preparing → self-assessment) gives every unit of the chosen groups, as the
 * registry held them in the campaign's year, its assessment — owed work of kind `par_assessment` — and tells
 * their focal points and leaders.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { formatViDate } from '../periods/index.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, conflict, forbidden, notFound, staleVersion, validation } from '../../core/errors.js';
import { rows as rowsOf, type Db } from '../../db/client.js';
import { roleHoldersOver, unitsGranted } from '../access/access.service.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { ancestorPaths, subtreeSql, unitFacts, viCollator } from '../units/units.service.js';
import { searchActiveUsers, usersByIds } from '../users/users.service.js';
import type { CampaignOut, CampaignSummaryOut } from './campaigns.schemas.js';
import { frameworksByIds, loadFramework } from './frameworks.service.js';
import { createRemediations, remediationPlanOf } from './remediation.service.js';
import { lockCampaignAssessments } from './assessment-lock.service.js';
import {
  callerProvinces,
  isOffice,
  isProvinceReader,
  PAR_OFFICE,
  PAR_UNIT_ROLES,
  requireActor,
  requireOffice,
} from './parindex.policy.js';
import type { Actor } from '../access/actor.js';
import {
  ASSESSMENT_STATUSES,
  parAssessments,
  parCampaigns,
  parCouncilMembers,
  type AssessmentStatus,
  type CampaignStage,
  type UnitGroup,
} from './parindex.table.js';
import {
  advanceStage,
  checkDeadlines,
  computationPending,
  COMPUTING_STAGES,
  deadlinesOf,
  nextStage,
  type Deadlines,
} from './rules/stages.js';

export type CampaignRow = typeof parCampaigns.$inferSelect;

/**
 * The kinds of unit each group scores (a province's practice: departments and bodies equal to them; the communes,
 * wards and special zones; the others — management boards and agencies the province names).
 */
export const GROUP_UNIT_KINDS: Record<UnitGroup, readonly string[]> = {
  department: ['department'],
  commune: ['commune'],
  other: ['management_board'],
};

/** The day the units of a campaign's year are read on: the year's last day, or today while the year runs. */
export const unitsDayOf = (year: number, today = todayInVietnam()): string =>
  `${year}-12-31` < today ? `${year}-12-31` : today < `${year}-01-01` ? `${year}-01-01` : today;

export { deadlinesOf };

function deadlinesInvalid(ctx: RequestContext, d: Deadlines): void {
  const problems = checkDeadlines(d);
  if (!problems.length) return;
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    'parindex.deadlines_invalid',
    {},
    problems.map((p) => ({ field: p.at, message: p.message[lang] || p.message.vi })),
  );
}

/** One campaign, 404 when absent, 403 outside the caller's provinces. */
export async function loadCampaign(ctx: RequestContext, id: string): Promise<CampaignRow> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db.select().from(parCampaigns).where(eq(parCampaigns.id, id));
  if (!row) throw notFound('par_campaign');
  if (!(await callerProvinces(ctx, actor)).includes(row.provinceId)) throw forbidden();
  return row;
}

export async function campaignsByIds(db: Db, ids: readonly string[]): Promise<Map<string, CampaignRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(parCampaigns)
    .where(inArray(parCampaigns.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

async function statusCounts(db: Db, campaignIds: readonly string[]) {
  const out = new Map<string, Record<AssessmentStatus, number>>();
  if (!campaignIds.length) return out;
  const rows = await db
    .select({
      campaignId: parAssessments.campaignId,
      status: parAssessments.status,
      n: sql<number>`count(*)::int`,
    })
    .from(parAssessments)
    .where(inArray(parAssessments.campaignId, [...campaignIds]))
    .groupBy(parAssessments.campaignId, parAssessments.status);
  for (const id of campaignIds)
    out.set(
      id,
      Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<AssessmentStatus, number>,
    );
  for (const r of rows) out.get(r.campaignId)![r.status] = Number(r.n);
  return out;
}

async function summaries(ctx: RequestContext, rows: readonly CampaignRow[]): Promise<CampaignSummaryOut[]> {
  const counts = await statusCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const frameworks = await frameworksByIds(
    ctx.db,
    rows.flatMap((r) => Object.values(r.frameworkIds as Record<string, string>)),
  );
  return rows.map((r) => {
    const byStatus = counts.get(r.id)!;
    return {
      id: r.id,
      year: r.year,
      title: r.title,
      stage: r.stage,
      ...deadlinesOf(r),
      frameworks: Object.entries(r.frameworkIds as Record<UnitGroup, string>).flatMap(([group, id]) => {
        const f = frameworks.get(id);
        return f ? [{ group: group as UnitGroup, id, title: f.title, number: f.number, year: f.year }] : [];
      }),
      counts: { units: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
      publishedAt: r.publishedAt?.toISOString() ?? null,
      version: r.version,
    };
  });
}

/** Is the caller on the campaign's council (and as what)? */
export async function councilRole(
  db: Db,
  campaignId: string,
  userId: string,
): Promise<{ role: 'chair' | 'member' | 'secretary'; fieldCodes: string[] } | null> {
  const [m] = await db
    .select()
    .from(parCouncilMembers)
    .where(and(eq(parCouncilMembers.campaignId, campaignId), eq(parCouncilMembers.userId, userId)));
  return m ? { role: m.role, fieldCodes: m.fieldCodes } : null;
}

/**
 * What of a campaign the caller reaches: every unit's assessment (the office, the committee, the council, the
 * province's appraisers) or only those of the units under their focal-point or leader grants (`unitRoots`); and
 * their seat on the council. The one rule of the campaign page's arrangement and of the assessments' list.
 */
export async function campaignReach(
  ctx: RequestContext,
  actor: Actor,
  campaign: CampaignRow,
  /** The caller's seat, when the caller already read the council. */
  known?: Awaited<ReturnType<typeof councilRole>>,
) {
  const council = known !== undefined ? known : await councilRole(ctx.db, campaign.id, actor.user.id);
  const provincePath = (await unitFacts(ctx.db, [campaign.provinceId])).get(campaign.provinceId)?.path ?? [
    campaign.provinceId,
  ];
  const provinceWide =
    isProvinceReader(actor, campaign.provinceId) ||
    !!council ||
    actor.hasRoleOver(['appraiser'], provincePath);
  return { provinceWide, council, unitRoots: actor.rootsFor(PAR_UNIT_ROLES) };
}

/** The units of a campaign whose assessment the caller scores and explains (their focal-point or leader grants). */
async function ownUnitIdsOf(ctx: RequestContext, campaignId: string, roots: readonly string[]) {
  if (!roots.length) return [];
  const rows = await ctx.db
    .select({ unitId: parAssessments.unitId })
    .from(parAssessments)
    .where(
      and(eq(parAssessments.campaignId, campaignId), sql`${parAssessments.unitId} IN (${subtreeSql(roots)})`),
    );
  return rows.map((r) => r.unitId);
}

async function councilOf(ctx: RequestContext, campaignId: string) {
  const members = await ctx.db
    .select()
    .from(parCouncilMembers)
    .where(eq(parCouncilMembers.campaignId, campaignId))
    .orderBy(asc(parCouncilMembers.createdAt));
  const people = await usersByIds(
    ctx,
    members.map((m) => m.userId),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const units = await unitFacts(
    ctx.db,
    people.flatMap((p) => (p.unitId ? [p.unitId] : [])),
  );
  const order = { chair: 0, secretary: 2, member: 1 } as const;
  return members
    .map((m) => {
      const p = byId.get(m.userId);
      return {
        userId: m.userId,
        fullName: p?.fullName ?? '',
        position: p?.position ?? null,
        unitName: p?.unitId ? (units.get(p.unitId)?.name ?? null) : null,
        role: m.role,
        fieldCodes: m.fieldCodes,
      };
    })
    .sort((a, b) => order[a.role] - order[b.role] || viCollator.compare(a.fullName, b.fullName));
}

/** The counts the stage rules need to decide whether the campaign may move on. */
export async function stageCounts(db: Db, campaignId: string) {
  const rows = await db
    .select({ status: parAssessments.status, n: sql<number>`count(*)::int` })
    .from(parAssessments)
    .where(eq(parAssessments.campaignId, campaignId))
    .groupBy(parAssessments.status);
  const by = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<AssessmentStatus, number>;
  for (const r of rows) by[r.status] = Number(r.n);
  return by;
}

export async function presentCampaign(ctx: RequestContext, row: CampaignRow): Promise<CampaignOut> {
  const actor = requireActor(ctx);
  const [summary] = await summaries(ctx, [row]);
  const docs = await documentRefs(
    ctx,
    [row.documentId, row.resultDocumentId].filter((x): x is string => !!x),
  );
  const label = (id: string | null) => {
    const d = id ? docs.get(id) : undefined;
    return d ? { id: d.id, label: `${d.numberSymbol} — ${d.title}` } : null;
  };
  const office = isOffice(actor, row.provinceId);
  const council = await councilOf(ctx, row.id);
  const mine = council.find((m) => m.userId === actor.user.id);
  const advance = await advanceCheck(ctx.db, row);
  const reach = await campaignReach(
    ctx,
    actor,
    row,
    mine ? { role: mine.role, fieldCodes: mine.fieldCodes } : null,
  );
  return {
    ...summary!,
    remediationBelow: row.remediationBelow,
    remediationWorkingDays: row.remediationWorkingDays,
    remediation: await remediationPlanOf(ctx, row),
    document: label(row.documentId),
    resultDocument: label(row.resultDocumentId),
    note: row.note,
    council,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    computation: {
      at: row.criteriaComputedAt?.toISOString() ?? null,
      requestedAt: row.computeRequestedAt?.toISOString() ?? null,
      pending: computationPending(row.stage, row.criteriaComputedAt, row.computeRequestedAt),
    },
    advance,
    viewer: {
      provinceWide: reach.provinceWide,
      council: reach.council,
      unitSide: reach.unitRoots.length > 0,
      ownUnitIds: await ownUnitIdsOf(ctx, row.id, reach.unitRoots),
    },
    abilities: {
      update: office && row.stage !== 'published',
      compute: office && COMPUTING_STAGES.includes(row.stage),
      advance: office && advance.next !== null,
      council: office && row.stage !== 'published',
      appraise: (!!mine || office) && (row.stage === 'appraisal_1' || row.stage === 'appraisal_2'),
      signOff: (mine?.role === 'chair' || office) && row.stage === 'appraisal_2',
    },
  };
}

/** The campaigns of the caller's provinces, newest year first. */
export async function listCampaigns(ctx: RequestContext, q: { year?: number | undefined }) {
  const actor = requireActor(ctx);
  const provinces = await callerProvinces(ctx, actor);
  const rows = provinces.length
    ? await ctx.db
        .select()
        .from(parCampaigns)
        .where(
          and(
            inArray(parCampaigns.provinceId, provinces),
            q.year === undefined ? undefined : eq(parCampaigns.year, q.year),
          ),
        )
        .orderBy(desc(parCampaigns.year))
    : [];
  return { campaigns: await summaries(ctx, rows), canCreate: provinces.some((p) => isOffice(actor, p)) };
}

export async function getCampaign(ctx: RequestContext, id: string): Promise<CampaignOut> {
  return presentCampaign(ctx, await loadCampaign(ctx, id));
}

/** The frameworks named for each group: published, of the campaign's year and province, of that group. */
async function checkFrameworks(
  ctx: RequestContext,
  provinceId: string,
  year: number,
  ids: Partial<Record<UnitGroup, string>>,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [group, id] of Object.entries(ids)) {
    if (!id) continue;
    const f = await loadFramework(ctx, id);
    if (f.provinceId !== provinceId || f.unitGroup !== group)
      throw validation(`frameworkIds.${group}`, 'parindex.campaign.framework_group');
    if (f.year !== year)
      throw validation(`frameworkIds.${group}`, 'parindex.campaign.framework_year', { year });
    if (f.status !== 'published')
      throw validation(`frameworkIds.${group}`, 'parindex.campaign.framework_draft');
    out[group] = id;
  }
  return out;
}

export type CampaignInput = {
  title: string;
  frameworkIds: Partial<Record<UnitGroup, string>>;
  selfDeadline: string;
  appraisal1Deadline: string;
  explanationDeadline: string;
  appraisal2Deadline: string;
  remediationBelow: number;
  remediationWorkingDays: number;
  documentId: string | null;
  note: string;
};

export async function createCampaign(
  ctx: RequestContext,
  input: CampaignInput & { year: number },
): Promise<CampaignOut> {
  const actor = requireActor(ctx);
  const provinceId = (await callerProvinces(ctx, actor)).find((p) => isOffice(actor, p));
  if (!provinceId) throw forbidden();
  deadlinesInvalid(ctx, input);
  const frameworkIds = await checkFrameworks(ctx, provinceId, input.year, input.frameworkIds);
  const [existing] = await ctx.db
    .select({ id: parCampaigns.id })
    .from(parCampaigns)
    .where(and(eq(parCampaigns.provinceId, provinceId), eq(parCampaigns.year, input.year)));
  if (existing) throw conflict('parindex.campaign.exists', { year: input.year });
  const row = await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(parCampaigns)
      .values({ ...input, frameworkIds, provinceId, createdBy: actor.user.id })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'par_campaign', entityId: c!.id, after: c },
    );
    return c!;
  });
  return presentCampaign(ctx, row);
}

export async function updateCampaign(
  ctx: RequestContext,
  id: string,
  input: CampaignInput & { version: number; resultDocumentId: string | null },
): Promise<CampaignOut> {
  const row = await loadCampaign(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (row.version !== input.version) throw staleVersion('par_campaign', row.version);
  if (row.stage === 'published') throw conflict('parindex.campaign.published');
  deadlinesInvalid(ctx, input);
  const frameworkIds = await checkFrameworks(ctx, row.provinceId, row.year, input.frameworkIds);
  // Once units are scoring, their frameworks stay (a changed framework is a new campaign's).
  const sameGroups = (a: Record<string, string>, b: Record<string, string>) =>
    JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  if (row.stage !== 'preparing' && !sameGroups(frameworkIds, row.frameworkIds as Record<string, string>))
    throw conflict('parindex.campaign.frameworks_fixed');
  const { version, ...values } = input;
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(parCampaigns)
      .set({ ...values, frameworkIds, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(parCampaigns.id, id), eq(parCampaigns.version, version)))
      .returning();
    if (!u) throw staleVersion('par_campaign', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'par_campaign', entityId: id, before: row, after: u },
    );
    // A self-assessment deadline moved to a day already past locks the open assessments now, not at the
    // worker's next pass (./assessment-lock.service.ts).
    if (u.stage === 'self_assessment' && u.selfDeadline < todayInVietnam())
      await lockCampaignAssessments(tx, u);
    return u;
  });
  return presentCampaign(ctx, updated);
}

// ---------------------------------------------------------------------------------------------------
// The council

/** The accounts that may sit on the council: appraisers and the standing agency of the province. */
const COUNCIL_ELIGIBLE = ['appraiser', ...PAR_OFFICE] as const;

async function eligibleIn(ctx: RequestContext, provinceId: string): Promise<string[]> {
  const granted = [...(await unitsGranted(ctx.db, COUNCIL_ELIGIBLE))];
  if (!granted.length) return [];
  const paths = await ancestorPaths(ctx.db, [provinceId, ...granted]);
  const provincePath = paths.get(provinceId) ?? [provinceId];
  const units = granted.filter((u) => (paths.get(u) ?? [u]).includes(provinceId) || provincePath.includes(u));
  return units.length ? roleHoldersOver(ctx.db, units, COUNCIL_ELIGIBLE) : [];
}

export async function councilCandidates(
  ctx: RequestContext,
  id: string,
  q: { q?: string | undefined; limit: number },
) {
  const row = await loadCampaign(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  const onCouncil = new Set((await councilOf(ctx, id)).map((m) => m.userId));
  const eligible = (await eligibleIn(ctx, row.provinceId)).filter((u) => !onCouncil.has(u));
  const found = await searchActiveUsers(ctx, { ids: eligible, q: q.q, limit: q.limit });
  const units = await unitFacts(
    ctx.db,
    found.items.flatMap((u) => (u.unitId ? [u.unitId] : [])),
  );
  return {
    items: found.items.map((u) => ({
      id: u.id,
      fullName: u.fullName,
      position: u.position ?? null,
      unitName: u.unitId ? (units.get(u.unitId)?.name ?? null) : null,
    })),
    total: found.total,
  };
}

export async function putCouncilMember(
  ctx: RequestContext,
  id: string,
  input: { userId: string; role: 'chair' | 'member' | 'secretary'; fieldCodes: string[] },
): Promise<CampaignOut> {
  const row = await loadCampaign(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (row.stage === 'published') throw conflict('parindex.campaign.published');
  if (!(await eligibleIn(ctx, row.provinceId)).includes(input.userId))
    throw validation('userId', 'parindex.council.not_eligible');
  await ctx.db.transaction(async (tx) => {
    if (input.role === 'chair') {
      const [chair] = await tx
        .select()
        .from(parCouncilMembers)
        .where(and(eq(parCouncilMembers.campaignId, id), eq(parCouncilMembers.role, 'chair')));
      if (chair && chair.userId !== input.userId) throw conflict('parindex.council.one_chair');
    }
    const [before] = await tx
      .select()
      .from(parCouncilMembers)
      .where(and(eq(parCouncilMembers.campaignId, id), eq(parCouncilMembers.userId, input.userId)));
    const [after] = await tx
      .insert(parCouncilMembers)
      .values({ campaignId: id, ...input })
      .onConflictDoUpdate({
        target: [parCouncilMembers.campaignId, parCouncilMembers.userId],
        set: { role: input.role, fieldCodes: input.fieldCodes },
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: before ? 'update' : 'create',
        entity: 'par_council_member',
        entityId: after!.id,
        ...(before ? { before } : {}),
        after,
      },
    );
  });
  return presentCampaign(ctx, row);
}

export async function removeCouncilMember(
  ctx: RequestContext,
  id: string,
  userId: string,
): Promise<CampaignOut> {
  const row = await loadCampaign(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (row.stage === 'published') throw conflict('parindex.campaign.published');
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(parCouncilMembers)
      .where(and(eq(parCouncilMembers.campaignId, id), eq(parCouncilMembers.userId, userId)))
      .returning();
    if (!gone) throw notFound('par_council_member');
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'par_council_member', entityId: gone.id, before: gone },
    );
  });
  return presentCampaign(ctx, row);
}

// ---------------------------------------------------------------------------------------------------
// Opening: every unit of the chosen groups gets its assessment

/** The units each group scores, as the registry holds them on the campaign year's day, in the province. */
export async function campaignUnits(
  db: Db,
  row: Pick<CampaignRow, 'provinceId' | 'year' | 'frameworkIds'>,
  today = todayInVietnam(),
): Promise<{ unitId: string; group: UnitGroup; frameworkId: string }[]> {
  const day = unitsDayOf(row.year, today);
  const out: { unitId: string; group: UnitGroup; frameworkId: string }[] = [];
  for (const [group, frameworkId] of Object.entries(row.frameworkIds as Record<UnitGroup, string>)) {
    for (const kind of GROUP_UNIT_KINDS[group as UnitGroup]) {
      const found = await unitsAsOf(db, { date: day, kind, withinId: row.provinceId, limit: 20_000 });
      for (const u of found) out.push({ unitId: u.id, group: group as UnitGroup, frameworkId });
    }
  }
  return out;
}

/** Creates the assessments of a campaign being opened (inside the caller's transaction); tells each unit. */
export async function openAssessments(ctx: RequestContext, row: CampaignRow): Promise<number> {
  const wanted = await campaignUnits(ctx.db, row);
  if (!wanted.length) return 0;
  const inserted = await ctx.db
    .insert(parAssessments)
    .values(
      wanted.map((w) => ({
        campaignId: row.id,
        unitId: w.unitId,
        unitGroup: w.group,
        frameworkId: w.frameworkId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: parAssessments.id, unitId: parAssessments.unitId });
  for (const a of inserted) {
    const userIds = await recipientsForUnit(ctx, a.unitId, ['focal_point', 'unit_leader']);
    if (userIds.length)
      await notify(ctx, {
        userIds,
        kind: 'par_assessment_opened',
        text: {
          vi: {
            title: `Đã mở tự đánh giá, chấm điểm Chỉ số CCHC năm ${row.year}`,
            body: `Đơn vị tự chấm điểm từng tiêu chí, kèm tài liệu kiểm chứng, và gửi trước ngày ${formatViDate(row.selfDeadline)}; sau hạn này bản tự chấm được khóa tự động.`,
          },
          en: {
            title: `Self-assessment for the ${row.year} PAR Index is open`,
            body: `Score each criterion with its evidence and submit by ${formatViDate(row.selfDeadline)}; after that the self-assessment locks automatically.`,
          },
        },
        link: `/par/assessments/${a.id}`,
        entity: { type: 'par_assessment', id: a.id },
      });
  }
  return inserted.length;
}

// ---------------------------------------------------------------------------------------------------
// Stages

/** Whether the office may move the campaign to its next stage now, and why not (./rules/stages.ts). */
export async function advanceCheck(
  db: Db,
  row: CampaignRow,
  today = todayInVietnam(),
): Promise<{ next: CampaignStage | null; ok: boolean; reason: { vi: string; en: string } | null }> {
  const by = await stageCounts(db, row.id);
  const groups = Object.values(row.frameworkIds as Record<string, string>).filter(Boolean).length;
  const { contested, explained } = await contestedAssessments(db, row.id);
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  const laterThan = (statuses: readonly AssessmentStatus[]) => statuses.reduce((n, s) => n + by[s], 0);
  const next = nextStage(row.stage);
  const result = advanceStage(row.stage, today, deadlinesOf(row), {
    frameworksReady: groups > 0,
    assessments: total,
    submitted: by.submitted + laterThan(['appraised_1', 'explained', 'appraised_2', 'final']),
    appraised1: laterThan(['appraised_1', 'explained', 'appraised_2', 'final']),
    contested,
    explained,
    final: by.final,
    signedOff: !!row.signedOffAt,
  });
  return result.ok
    ? { next: result.next, ok: true, reason: null }
    : { next, ok: false, reason: result.reason.message };
}

/** Moves the campaign on (the office); opening it creates every unit's assessment. */
export async function advanceCampaign(
  ctx: RequestContext,
  id: string,
  version: number,
): Promise<CampaignOut> {
  const row = await loadCampaign(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (row.version !== version) throw staleVersion('par_campaign', row.version);
  const check = await advanceCheck(ctx.db, row);
  if (!check.ok || !check.next) {
    const lang = ctx.locale === 'en' ? 'en' : 'vi';
    throw conflict('parindex.campaign.cannot_advance', { reason: check.reason?.[lang] ?? '' });
  }
  const next = check.next;
  const updated = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [u] = await tx
      .update(parCampaigns)
      .set({
        stage: next,
        version: row.version + 1,
        updatedAt: new Date(),
        ...(next === 'published' ? { publishedAt: new Date(), publishedBy: ctx.actor!.user.id } : {}),
      })
      .where(and(eq(parCampaigns.id, id), eq(parCampaigns.version, version)))
      .returning();
    if (!u) throw staleVersion('par_campaign', row.version);
    if (next === 'self_assessment') await openAssessments(txCtx, u);
    // Whatever the worker's timing, no assessment stays open behind a campaign past self-assessment.
    if (row.stage === 'self_assessment') await lockCampaignAssessments(tx, u);
    if (next === 'published') await createRemediations(txCtx, u);
    await recordChange(txCtx, {
      action: 'advance_stage',
      entity: 'par_campaign',
      entityId: id,
      before: row,
      after: u,
    });
    return u;
  });
  return presentCampaign(ctx, updated);
}

/**
 * How many of the campaign's assessments awaiting the explanation have a contested item (round 1 differs from the
 * self score: ./rules/appraisal.ts `contestedCodes`) and how many of those were explained.
 */
async function contestedAssessments(
  db: Db,
  campaignId: string,
): Promise<{ contested: number; explained: number }> {
  const rows = await rowsOf<{ status: string; n: number }>(
    db,
    sql`SELECT a.status, count(DISTINCT a.id)::int AS n
          FROM par_assessments a JOIN par_scores s ON s.assessment_id = a.id
         WHERE a.campaign_id = ${campaignId}::uuid
           AND s.round1_points IS NOT NULL
           AND (COALESCE(s.computed_points, s.self_points) IS NULL
                OR s.round1_points <> COALESCE(s.computed_points, s.self_points))
         GROUP BY a.status`,
  );
  const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return {
    contested: [...by.values()].reduce((a, b) => a + b, 0),
    explained: by.get('explained') ?? 0,
  };
}

/**
 * The office asks for the campaign's computed criteria to be read again from the modules' records (e.g. before the
 * council's round 1, once the year's data are in). Recorded and journalled; the computation itself runs in the
 * background (./compute-sweep.service.ts) — the page shows when it is done.
 */
export async function requestComputation(ctx: RequestContext, id: string): Promise<CampaignOut> {
  const row = await loadCampaign(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (!COMPUTING_STAGES.includes(row.stage)) throw conflict('parindex.campaign.not_computing');
  const [updated] = await ctx.db.transaction(async (tx) => {
    const u = await tx
      .update(parCampaigns)
      .set({ computeRequestedAt: new Date() })
      .where(eq(parCampaigns.id, id))
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'request_compute', entity: 'par_campaign', entityId: id, before: row, after: u[0] },
    );
    return u;
  });
  return presentCampaign(ctx, updated!);
}
