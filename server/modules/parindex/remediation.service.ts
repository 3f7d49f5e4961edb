/**
 * Remediation after the results are published (issue 16: "units below a threshold get a remediation item"): each
 * unit whose index is below the campaign's threshold gets a task in the steering loop — owed work of kind
 * `plan_task` in the work engine, with its deadline in working days, reminders, evidence and the standing
 * agency's verification — in one plan of the province's committee, "Khắc phục hạn chế theo kết quả Chỉ số CCHC
 * năm …" (one per campaign, made on publication). The tasks name their source (`par_index`, the assessment), so
 * the campaign and the unit's assessment find them again. Through the plans module's exported functions only.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { addTask, createPlan, type PlanInput, type TaskInput } from '../plans/plans.service.js';
import { tasksBySource } from '../plans/task-lookup.service.js';
import type { CampaignRow } from './campaigns.service.js';
import { parAssessments, parResults } from './parindex.table.js';

const fmt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v);

/** The remediation plan of a campaign and how many tasks it holds (null before publication). */
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
  const first = tasks[0];
  return first ? { id: first.planId, title: first.planTitle, tasks: tasks.length } : null;
}

/**
 * On publication (inside its transaction): a task for each unit below the threshold, in a new plan of the
 * province's committee for the year of publication. Nothing when no unit is below it. Idempotent per assessment.
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
  const due = await addWorkingDays(ctx, today, campaign.remediationWorkingDays);
  const { plan, tasks } = remediationPlan(campaign, todo, Number(today.slice(0, 4)), due);
  const created = await createPlan(ctx, plan);
  for (const task of tasks) await addTask(ctx, created.id, task);
  return todo.length;
}

/** The remediation plan of a campaign and its tasks, one per unit below the threshold (pure). */
export function remediationPlan(
  campaign: Pick<CampaignRow, 'year' | 'provinceId' | 'remediationBelow'>,
  below: readonly { assessmentId: string; unitId: string; percent: number }[],
  planYear: number,
  due: string,
): { plan: PlanInput; tasks: TaskInput[] } {
  return {
    plan: {
      year: planYear,
      ownerUnitId: campaign.provinceId,
      ownerKind: 'committee',
      title: `Khắc phục hạn chế theo kết quả Chỉ số CCHC năm ${campaign.year}`,
    },
    tasks: below.map((b) => ({
      title: `Khắc phục hạn chế, nâng cao Chỉ số CCHC (năm ${campaign.year} đạt ${fmt(b.percent)}%, dưới ngưỡng ${fmt(campaign.remediationBelow)}%)`,
      description:
        'Rà soát các tiêu chí bị trừ điểm trong kết quả thẩm định; xây dựng và thực hiện kế hoạch khắc phục, báo cáo kết quả kèm tài liệu kiểm chứng về Sở Nội vụ.',
      reformArea: 'direction',
      leadUnitId: b.unitId,
      dueDate: due,
      expectedOutput: 'Kế hoạch khắc phục và báo cáo kết quả khắc phục',
      source: 'par_index',
      sourceRef: b.assessmentId,
    })),
  };
}

/** The units of a campaign below its threshold (from the frozen results). */
export async function unitsBelow(ctx: RequestContext, campaign: CampaignRow) {
  return ctx.db
    .select({ assessmentId: parResults.assessmentId, unitId: parResults.unitId, percent: parResults.percent })
    .from(parResults)
    .where(and(eq(parResults.campaignId, campaign.id), lt(parResults.percent, campaign.remediationBelow)));
}
