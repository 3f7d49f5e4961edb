/**
 * Remediation after the results are published (issue 16: "units below a threshold get a remediation item"): each
 * unit whose index is below the campaign's threshold gets a task in the steering loop — owed work of kind
 * `plan_task` in the work engine, with its deadline in working days, reminders, evidence and the standing
 * agency's verification — in a plan of the unit for the year (see `createRemediations`). The tasks name their
 * source (`par_index`, the assessment), so the campaign and the unit's assessment find them again. Through the plans
 * module's exported functions only.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { addTask, createPlan, listPlans, type PlanInput, type TaskInput } from '../plans/plans.service.js';
import type { PlanOut } from '../plans/plans.schemas.js';
import { tasksBySource } from '../plans/task-lookup.service.js';
import type { CampaignRow } from './campaigns.service.js';
import { parAssessments, parResults } from './parindex.table.js';

const fmt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v);

/** The remediation tasks of a campaign: how many, how many verified (null before publication). */
export async function remediationPlanOf(ctx: RequestContext, campaign: CampaignRow) {
  if (campaign.stage !== 'published') return null;
  const ids = await ctx.db
    .select({ id: parAssessments.id })
    .from(parAssessments)
    .where(eq(parAssessments.campaignId, campaign.id));
  const tasks = await tasksBySource(
    ctx,
    'par_index',
    ids.map((i) => i.id),
  );
  return {
    tasks: tasks.length,
    verified: tasks.filter((t) => t.status === 'verified').length,
    overdue: tasks.filter((t) => t.timing.state === 'overdue').length,
  };
}

/**
 * On publication (inside its transaction): for each unit below the threshold, a task in a plan of the unit for the
 * year of publication — `remediationPlanFor`: its own yearly PAR plan (purpose 'reform') when it has one, else its
 * remediation plan of the year (purpose 'remediation') when one exists, else a new remediation plan, titled for the
 * remediation. A new plan is never a 'reform' one, so it does not count as the unit's yearly PAR plan in the plan
 * coverage nor in the PAR Index's "ban hành kế hoạch CCHC" criterion (plans/unit-plans.service.ts,
 * plans/par-figures.service.ts). Not in the committee's yearly plan: the province has one of those a year, and the
 * remediation is the unit's. Nothing when no unit is below it. Idempotent per assessment: a task already made for
 * the assessment is not made again, and a remediation plan made before (by an earlier campaign's publication) holds
 * the unit's next remediation tasks of that year instead of a second plan.
 */
export async function createRemediations(ctx: RequestContext, campaign: CampaignRow): Promise<number> {
  const below = await unitsBelow(ctx, campaign);
  if (!below.length) return 0;
  const already = new Set(
    (
      await tasksBySource(
        ctx,
        'par_index',
        below.map((b) => b.assessmentId),
      )
    ).map((t) => t.sourceRef),
  );
  const todo = below.filter((b) => !already.has(b.assessmentId));
  if (!todo.length) return 0;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const due = await addWorkingDays(ctx, today, campaign.remediationWorkingDays);
  const unitPlans = await listPlans(ctx, year, 'unit', { purpose: ['reform', 'remediation'] });
  for (const b of todo) {
    const { plan, task } = remediationFor(campaign, b, year, due);
    let planId = remediationPlanFor(unitPlans, b.unitId);
    if (!planId) {
      const made = await createPlan(ctx, plan);
      unitPlans.push(made);
      planId = made.id;
    }
    await addTask(ctx, planId, task);
  }
  return todo.length;
}

/**
 * The plan of a unit to hold its remediation task (pure): among the unit plans of the year, the unit's own yearly
 * PAR plan (purpose 'reform') if it has one, else its remediation plan (purpose 'remediation'), else none (a new
 * remediation plan is then made: `remediationFor`'s `plan`). Improvement plans and other units' plans are never
 * chosen; among several of a kind, the first in the given order.
 */
export function remediationPlanFor(
  unitPlans: readonly Pick<PlanOut, 'id' | 'ownerUnitId' | 'ownerKind' | 'purpose'>[],
  unitId: string,
): string | null {
  const mine = unitPlans.filter((p) => p.ownerKind === 'unit' && p.ownerUnitId === unitId);
  return (
    mine.find((p) => p.purpose === 'reform')?.id ?? mine.find((p) => p.purpose === 'remediation')?.id ?? null
  );
}

/**
 * A unit's remediation task, and the plan to hold it when the unit has neither its own yearly PAR plan nor a
 * remediation plan for the year (pure): a unit plan with purpose 'remediation', so that it never counts as the
 * unit's yearly PAR plan.
 */
export function remediationFor(
  campaign: Pick<CampaignRow, 'year' | 'remediationBelow'>,
  b: { assessmentId: string; unitId: string; percent: number },
  planYear: number,
  due: string,
): { plan: PlanInput; task: TaskInput } {
  return {
    plan: {
      year: planYear,
      ownerUnitId: b.unitId,
      ownerKind: 'unit',
      purpose: 'remediation',
      title: `Kế hoạch khắc phục hạn chế theo kết quả Chỉ số CCHC năm ${campaign.year}`,
    },
    task: {
      title: `Khắc phục hạn chế, nâng cao Chỉ số CCHC (năm ${campaign.year} đạt ${fmt(b.percent)}%, dưới ngưỡng ${fmt(campaign.remediationBelow)}%)`,
      description:
        'Rà soát các tiêu chí bị trừ điểm trong kết quả thẩm định; xây dựng và thực hiện kế hoạch khắc phục, báo cáo kết quả kèm tài liệu kiểm chứng về Sở Nội vụ.',
      reformArea: 'direction',
      leadUnitId: b.unitId,
      dueDate: due,
      expectedOutput: 'Kế hoạch khắc phục và báo cáo kết quả khắc phục',
      source: 'par_index',
      sourceRef: b.assessmentId,
    },
  };
}

/** The units of a campaign below its threshold (from the frozen results). */
export async function unitsBelow(ctx: RequestContext, campaign: CampaignRow) {
  return ctx.db
    .select({ assessmentId: parResults.assessmentId, unitId: parResults.unitId, percent: parResults.percent })
    .from(parResults)
    .where(and(eq(parResults.campaignId, campaign.id), lt(parResults.percent, campaign.remediationBelow)));
}
