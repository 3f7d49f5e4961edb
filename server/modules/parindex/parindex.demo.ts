/**
 * The demo province's PAR Index (Nghệ An): the department framework of 2024 and 2025 and the commune framework of
 * 2025 (from the shipped sets, published), and two finished campaigns — 2024 (the departments as they were before
 * the 2025 reorganisation) and 2025 (the departments after it and the communes of the two-level government) —
 * scored through every stage: self scores with notes, the computed items with their figures, round 1 changing a few
 * scores with reasons, explanations, round 2, the council's sign-off, ranks and grades frozen, published, and a
 * remediation task for each unit below the threshold. The 2026 framework and campaign are not made: copying the
 * framework forward and opening the campaign is the standing agency's work of December 2026.
 *
 * The scores are generated (a seeded draw around a level per unit), not published figures: the 2025 order at the
 * top follows the province's published 2023 ranking of departments (domain notes §4: Sở Tài chính, Văn phòng UBND
 * tỉnh, Sở Nội vụ). The appraisal council: the demo appraiser (thamdinh@) chairs it.
 */
import { addDays } from '../calendar/index.js';
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import type { DemoFacts } from '../../core/module.js';
import { recordChange } from '../audit/audit.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { computeResults } from './results.service.js';
import { shippedFramework } from './data/index.js';
import { insertFramework, type FrameworkRow } from './frameworks.service.js';
import {
  parAssessments,
  parCampaigns,
  parCouncilMembers,
  parResults,
  parScores,
  type UnitGroup,
} from './parindex.table.js';
import { computeItem } from './rules/computed.js';
import { scoredItems, stepOf } from './rules/framework.js';
import type { FrameworkTree } from './rules/framework-types.js';
import { snapDown } from './rules/numbers.js';
import { remediationFor, unitsBelow } from './remediation.service.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { insertPlanWithTasks, type SeedTask } from '../plans/plans.service.js';

/** A small deterministic generator (mulberry32): the same demo on every first start. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The level (share of each item earned) of the departments known by key; others draw theirs. */
const LEVELS_2025: Record<string, number> = {
  taichinh: 0.92,
  vpubnd: 0.9,
  noivu: 0.88,
  tuphap: 0.82,
  xaydung: 0.76,
};
const LEVELS_2024: Record<string, number> = {
  taichinh: 0.92,
  vpubnd: 0.93,
  noivu: 0.9,
  tuphap: 0.84,
  xaydung: 0.81,
};

/**
 * A commune's level: a peak around 0.835 (about 80 % once scored: the draws spread each level by a few points and
 * round 1 takes some away) between 0.77 and 0.90, less a thin lower tail (one commune in five loses more than 0.03,
 * one in ten more than 0.06) for the handful below 70 %. Not near 1: a level near 1 saturates every item and ties
 * the leaders.
 */
const communeLevel = (next: () => number) => 0.835 + (next() + next() - 1) * 0.065 - 0.1 * next() ** 5;

const ROUND1_REASONS = [
  'Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả thực hiện',
  'Văn bản ban hành chậm so với thời hạn quy định',
  'Số liệu tự chấm chưa khớp với báo cáo định kỳ của đơn vị',
];
const EXPLANATIONS = [
  'Đơn vị bổ sung văn bản và báo cáo kết quả thực hiện kèm theo (bản chụp có xác nhận)',
  'Văn bản ban hành đúng hạn theo dấu công văn đến; gửi kèm sổ theo dõi văn bản',
];

type UnitPlan = { unitId: string; name: string; group: UnitGroup; level: number };

/** A campaign scored through every stage, signed off and published (the results frozen, remediation made). */
async function seedCampaign(
  ctx: RequestContext,
  o: {
    provinceId: string;
    year: number;
    frameworks: Partial<Record<UnitGroup, FrameworkRow>>;
    units: UnitPlan[];
    chairId: string | null;
    dates: { self: string; a1: string; expl: string; a2: string; signedOff: string; published: string };
    seed: number;
  },
): Promise<void> {
  const next = random(o.seed);
  const officer = ctx.actor?.user.id ?? null;
  const [campaign] = await ctx.db
    .insert(parCampaigns)
    .values({
      provinceId: o.provinceId,
      year: o.year,
      title: `Xác định Chỉ số CCHC năm ${o.year} của các sở, ban, ngành${o.frameworks.commune ? ' và UBND cấp xã' : ''}`,
      stage: 'appraisal_2',
      frameworkIds: Object.fromEntries(Object.entries(o.frameworks).map(([g, f]) => [g, f!.id])),
      selfDeadline: o.dates.self,
      appraisal1Deadline: o.dates.a1,
      explanationDeadline: o.dates.expl,
      appraisal2Deadline: o.dates.a2,
      remediationBelow: 70,
      createdBy: officer,
    })
    .returning();
  if (o.chairId)
    await ctx.db
      .insert(parCouncilMembers)
      .values({ campaignId: campaign!.id, userId: o.chairId, role: 'chair' });
  const assessments = await ctx.db
    .insert(parAssessments)
    .values(
      o.units.map((u) => ({
        campaignId: campaign!.id,
        unitId: u.unitId,
        unitGroup: u.group,
        frameworkId: o.frameworks[u.group]!.id,
        status: 'final' as const,
        submittedAt: new Date(`${o.dates.self}T09:00:00+07:00`),
        submittedBy: null,
      })),
    )
    .returning({ id: parAssessments.id, unitId: parAssessments.unitId, unitGroup: parAssessments.unitGroup });
  const byUnit = new Map(o.units.map((u) => [u.unitId, u]));
  const scores: (typeof parScores.$inferInsert)[] = [];
  for (const a of assessments) {
    const unit = byUnit.get(a.unitId)!;
    const tree = o.frameworks[a.unitGroup]!.tree as FrameworkTree;
    let contested = 0;
    for (const { item } of scoredItems(tree)) {
      if (item.method === 'survey') continue; // no survey was held in the demo years: the sets rescale
      const step = stepOf(item);
      const share = Math.min(1, Math.max(0, unit.level + (next() - 0.5) * 0.3));
      if (item.method === 'computed' && item.source) {
        // The unit's own plan is issued or not (1/1 or 0/1); the other figures count records.
        const single = item.source === 'plans.own_plan_issued';
        const denominator = single ? 1 : 5 + Math.floor(next() * 60);
        const c = computeItem(
          {
            source: item.source,
            year: o.year,
            unitIds: [a.unitId],
            numerator: single
              ? Number(unit.level + next() * 0.2 > 0.8)
              : Math.round(denominator * Math.min(1, unit.level + next() * 0.1)),
            denominator,
          },
          item,
        );
        scores.push({ assessmentId: a.id, itemCode: item.code, computedPoints: c.points, computation: c });
        continue;
      }
      // To the nearest step (a unit scores what it did, not a fraction of a step).
      const self = snapDown(Math.min(item.maxPoints, share * item.maxPoints + step / 2), step);
      const row: typeof parScores.$inferInsert = {
        assessmentId: a.id,
        itemCode: item.code,
        selfPoints: self,
        selfNote: self === item.maxPoints ? 'Đã thực hiện đầy đủ, có tài liệu kiểm chứng kèm theo' : '',
        selfAt: new Date(`${o.dates.self}T08:00:00+07:00`),
      };
      // Round 1 lowers some self scores (the weaker the unit, the more), with its reason; the unit explains half of
      // them and round 2 accepts the explanation.
      if (self >= step && next() < (1 - unit.level) * 0.6) {
        const round1 = snapDown(self - step * (1 + Math.floor(next() * 2)), step);
        row.round1Points = Math.max(0, round1);
        row.round1Reason = ROUND1_REASONS[contested % ROUND1_REASONS.length]!;
        row.round1At = new Date(`${o.dates.a1}T10:00:00+07:00`);
        row.round1By = o.chairId;
        if (contested % 2 === 0) {
          row.explanation = EXPLANATIONS[contested % EXPLANATIONS.length]!;
          row.explainedAt = new Date(`${o.dates.expl}T15:00:00+07:00`);
          row.round2Points = self;
          row.round2Reason = 'Chấp nhận giải trình của đơn vị';
          row.round2At = new Date(`${o.dates.a2}T10:00:00+07:00`);
          row.round2By = o.chairId;
        }
        contested++;
      }
      scores.push(row);
    }
  }
  for (let i = 0; i < scores.length; i += 1000)
    await ctx.db.insert(parScores).values(scores.slice(i, i + 1000));
  const results = await computeResults(ctx.db, campaign!);
  if (results.length)
    await ctx.db.insert(parResults).values(
      results.map((r) => ({
        campaignId: campaign!.id,
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
  const [published] = await ctx.db
    .update(parCampaigns)
    .set({
      stage: 'published',
      signedOffAt: new Date(`${o.dates.signedOff}T16:00:00+07:00`),
      signedOffBy: o.chairId,
      publishedAt: new Date(`${o.dates.published}T09:00:00+07:00`),
      publishedBy: officer,
    })
    .where(sql`${parCampaigns.id} = ${campaign!.id}`)
    .returning();
  await recordChange(ctx, {
    action: 'seed',
    entity: 'par_campaign',
    entityId: campaign!.id,
    after: { ...published, assessments: assessments.length, scores: scores.length },
  });
  // The units below the threshold owe a remediation task in their own plan, made on publication: by December every
  // other one is done and verified, the others still open (overdue).
  const below = await unitsBelow(ctx, published!);
  if (!below.length) return;
  const due = await addWorkingDays(ctx, o.dates.published, published!.remediationWorkingDays);
  const planYear = Number(o.dates.published.slice(0, 4));
  for (const [i, b] of below.entries()) {
    const { plan, task } = remediationFor(published!, b, planYear, due);
    const seed: SeedTask =
      i % 2 === 1
        ? { ...task, status: 'in_progress', startDate: o.dates.published }
        : {
            ...task,
            status: 'verified',
            startDate: o.dates.published,
            reportedOn: addDays(due, -7),
            verifiedOn: addDays(due, -3),
            output:
              'Đã ban hành kế hoạch khắc phục và hoàn thành các nội dung; gửi báo cáo kèm tài liệu kiểm chứng.',
          };
    await insertPlanWithTasks(ctx, plan, [seed]);
  }
}

export async function seedDemoParIndex(ctx: RequestContext, facts: DemoFacts): Promise<boolean> {
  const { provinceId, unitIds } = facts;
  const existing = await ctx.db.select({ id: parCampaigns.id }).from(parCampaigns).limit(1);
  if (existing.length) return false;
  const department = shippedFramework('department-nghean')!;
  const commune = shippedFramework('commune-nghean')!;
  const make = async (s: typeof department, year: number) =>
    insertFramework(ctx, {
      provinceId,
      unitGroup: s.unitGroup,
      year,
      title: `${s.title.vi} năm ${year}`,
      titleEn: `${s.title.en}, ${year}`,
      tree: s.tree,
      gradeBands: s.gradeBands,
      rescaleWithoutSurvey: s.rescaleWithoutSurvey,
      legalBasis: s.legalBasis,
      shipped: true,
      status: 'published',
      note: '',
    });
  const dep2024 = await make(department, 2024);
  const dep2025 = await make(department, 2025);
  const com2025 = await make(commune, 2025);
  const chair = await findUserByEmail(ctx, 'thamdinh@chidao.demo');
  const keyOf = new Map([...unitIds].map(([k, id]) => [id, k]));
  const next = random(2025);
  const departmentsOn = async (day: string) => [
    ...(await unitsAsOf(ctx.db, { date: day, kind: 'department', withinId: provinceId, limit: 500 })),
  ];
  const level = (id: string, table: Record<string, number>) => {
    const key = keyOf.get(id);
    return key && table[key] !== undefined ? table[key]! : 0.66 + next() * 0.19;
  };
  const deps2024 = await departmentsOn('2024-12-31');
  await seedCampaign(ctx, {
    provinceId,
    year: 2024,
    frameworks: { department: dep2024 },
    units: deps2024.map((u) => ({
      unitId: u.id,
      name: u.name,
      group: 'department',
      level: level(u.id, LEVELS_2024),
    })),
    chairId: chair?.id ?? null,
    dates: {
      self: '2025-01-10',
      a1: '2025-02-14',
      expl: '2025-02-28',
      a2: '2025-03-14',
      signedOff: '2025-03-20',
      published: '2025-03-28',
    },
    seed: 2024,
  });
  const deps2025 = await departmentsOn('2025-12-31');
  const communes = await unitsAsOf(ctx.db, {
    date: '2025-12-31',
    kind: 'commune',
    withinId: provinceId,
    limit: 5000,
  });
  await seedCampaign(ctx, {
    provinceId,
    year: 2025,
    frameworks: { department: dep2025, commune: com2025 },
    units: [
      ...deps2025.map((u) => ({
        unitId: u.id,
        name: u.name,
        group: 'department' as const,
        level: level(u.id, LEVELS_2025),
      })),
      // Communes as a province's published commune rankings spread them: most between about 72 and 92 %, a
      // handful (3–8 %) below the threshold (their remediation tasks are in the steering loop), the leaders apart.
      ...communes.map((u) => ({
        unitId: u.id,
        name: u.name,
        group: 'commune' as const,
        level: communeLevel(next),
      })),
    ],
    chairId: chair?.id ?? null,
    dates: {
      self: '2026-01-15',
      a1: '2026-02-13',
      expl: '2026-02-27',
      a2: '2026-03-13',
      signedOff: '2026-03-20',
      published: '2026-03-27',
    },
    seed: 2025,
  });
  return true;
}
