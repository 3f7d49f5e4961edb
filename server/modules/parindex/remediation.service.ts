/**
 * Remediation after the results are published (issue 16: "units below a threshold get a remediation item"): each
 * unit whose index is below the campaign's threshold gets a task in the steering loop — owed work of kind
 * `plan_task` in the work engine, with its deadline in working days, reminders, evidence and the standing
 * agency's verification — in the unit's own plan of the year (see `createRemediations`). The tasks name their source (`par_index`, the assessment), so
 * the campaign and the unit's assessment find them again. Through the plans module's exported functions only.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { addTask, createPlan, listPlans, type PlanInput, type TaskInput } from '../plans/plans.service.js';
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
 * On publication (inside its transaction): for each unit below the threshold, a task in the unit's own plan of
 * the year of publication (the plan the unit keeps for its own reform work — made, titled for the remediation,
 * when the unit has none). Not in the committee's yearly plan: the province has one of those a year, and the
 * remediation is the unit's. Nothing when no unit is below it. Idempotent per assessment.
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
  const own = new Map((await listPlans(ctx, year, 'unit')).map((p) => [p.ownerUnitId, p.id] as const));
  for (const b of todo) {
    const { plan, task } = remediationFor(campaign, b, year, due);
    const planId = own.get(b.unitId) ?? (await createPlan(ctx, plan)).id;
    await addTask(ctx, planId, task);
  }
  return todo.length;
}

/** A unit's remediation task, and the own plan to hold it when the unit has none for the year (pure). */
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
