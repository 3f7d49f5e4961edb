/**
 * The demo province's concluded inspection (issue 15): one of the 2026 plan's inspections whose minutes are signed
 * (the plan step, order 70, leaves two so) — Sở Xây dựng's when there is one — is concluded a week after the team
 * inspected, by the team's notice "…/TB-ĐKT" (the minutes "…/BB-ĐKT" registered with it: register records only, the
 * seed writes no files), with three numbered recommendations to the inspected unit:
 * 1. remedied and verified by the team on time;
 * 2. remedied, its report awaiting the team's review;
 * 3. started, past its due date: overdue (the unit's reminders and the escalation to the standing agency and the
 *    member who follows the unit pick it up).
 * Without such an inspection (the plan step has not run) it does nothing. The texts are illustrative.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { DemoFacts } from '../../core/module.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Calendar } from '../calendar/index.js';
import { recipientsForUnit } from '../notifications/notifications.service.js';
import { appendEvents } from '../work/work.service.js';
import { prepareConclusion, recordConclusion } from './conclusion.service.js';
import {
  inspectionFindings,
  inspectionPlans,
  inspectionRecommendations,
  inspections,
  inspectionTeamMembers,
} from './inspections.table.js';
import { RECOMMENDATION_KIND } from './recommendation.work-kind.js';

export const DEMO_CONCLUSION_YEAR = 2026;

const SUMMARY = [
  'Đơn vị đã ban hành kế hoạch cải cách hành chính năm 2026 kịp thời, có phân công cụ thể; công tác tuyên truyền được quan tâm; việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Bộ phận Một cửa cơ bản theo quy định.',
  'Tuy nhiên, báo cáo định kỳ còn chậm; còn yêu cầu người dân nộp bản sao chứng thực giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư; còn hồ sơ giải quyết trễ hạn chưa có văn bản xin lỗi.',
].join('\n');

/** The three recommendations, each with the checklist item (finding) it answers when the inspection has it. */
const RECOMMENDATIONS: { text: string; answers: string; remediation?: string }[] = [
  {
    text: 'Chấn chỉnh việc gửi báo cáo cải cách hành chính định kỳ đúng thời hạn; phân công Văn phòng theo dõi, đôn đốc, tổng hợp báo cáo',
    answers: 'periodic_reports',
    remediation:
      'Đã ban hành quyết định phân công Văn phòng tham mưu, theo dõi báo cáo định kỳ; báo cáo kết quả kèm quyết định và lịch gửi báo cáo các kỳ còn lại của năm.',
  },
  {
    text: 'Chấm dứt việc yêu cầu nộp bản sao chứng thực giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư; hướng dẫn công chức Bộ phận Một cửa khai thác dữ liệu dân cư khi tiếp nhận hồ sơ',
    answers: 'no_extra_papers',
    remediation:
      'Đã có văn bản chỉ đạo Bộ phận Một cửa không yêu cầu bản sao giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư; tổ chức tập huấn khai thác dữ liệu cho 12 công chức.',
  },
  {
    text: 'Khắc phục tình trạng hồ sơ thủ tục hành chính giải quyết trễ hạn; thực hiện xin lỗi tổ chức, cá nhân bằng văn bản đối với hồ sơ trễ hạn theo quy định',
    answers: 'dossiers_on_time',
  },
];

/** The working day `n` working days after `from`, never after `cap`. */
const after = (calendar: Calendar, from: string, n: number, cap: string) => {
  const d = calendar.addWorkingDays(from, n);
  return d < cap ? d : cap;
};

export async function seedDemoRecommendations(ctx: RequestContext, facts: DemoFacts): Promise<boolean> {
  const found = await ctx.db
    .select({ i: inspections })
    .from(inspections)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .where(
      and(
        eq(inspectionPlans.provinceId, facts.provinceId),
        eq(inspectionPlans.year, DEMO_CONCLUSION_YEAR),
        eq(inspections.status, 'minutes_signed'),
      ),
    )
    .orderBy(asc(inspections.plannedFrom), asc(inspections.id));
  if (!found.length) return false;
  const preferred = [facts.unitIds.get('xaydung'), facts.unitIds.get('tuphap')];
  const chosen =
    preferred.map((u) => found.find((f) => f.i.unitId === u)).find((f) => f !== undefined) ?? found[0]!;
  let row = chosen.i;
  const today = todayInVietnam();
  const calendar = await loadCalendar(ctx.db);
  const conducted = row.conductedOn ?? row.plannedTo;
  if (conducted > today) return false;
  // Concluded a week after the inspection (a working week), never in the future.
  const concludedOn = after(calendar, conducted, 5, today);
  const bad = await ctx.db
    .select({ id: inspectionFindings.id, itemKey: inspectionFindings.itemKey })
    .from(inspectionFindings)
    .where(
      and(
        eq(inspectionFindings.inspectionId, row.id),
        inArray(inspectionFindings.result, ['shortcoming', 'violation']),
      ),
    );
  const cite = (key: string) => bad.filter((f) => f.itemKey === key).map((f) => f.id);
  // The third one was given a short deadline (10 working days) and is now past it.
  const shortDue = after(calendar, concludedOn, 10, today);
  const [drafted] = await ctx.db
    .update(inspections)
    .set({
      conclusionDraft: SUMMARY,
      conclusionRecommendations: RECOMMENDATIONS.map((r, i) => ({
        text: r.text,
        unitId: row.unitId,
        dueDate: i === 2 ? shortDue : null,
        findingIds: cite(r.answers),
      })),
      minutesDetails: {
        place: 'trụ sở cơ quan được kiểm tra',
        representatives: [
          { name: 'Cao Văn Giám Đốc', position: 'Giám đốc Sở' },
          { name: 'Đặng Văn Xây Dựng', position: 'Chuyên viên Văn phòng Sở, đầu mối CCHC' },
        ],
      },
      version: sql`${inspections.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(inspections.id, row.id))
    .returning();
  row = drafted!;
  const prepared = await prepareConclusion(ctx, row, { issuedOn: concludedOn, issuer: 'team' });
  const { recommendations } = await recordConclusion(ctx, row, prepared);
  const [head] = await ctx.db
    .select({ userId: inspectionTeamMembers.userId })
    .from(inspectionTeamMembers)
    .where(and(eq(inspectionTeamMembers.inspectionId, row.id), eq(inspectionTeamMembers.role, 'head')));
  const [focal] = await recipientsForUnit(ctx, row.unitId, ['focal_point']);
  const unitActor = focal ?? null;
  const [first, second, third] = [...recommendations].sort((a, b) => a.number - b.number);
  type Step = {
    r: typeof inspectionRecommendations.$inferSelect;
    action: 'start' | 'report_done' | 'verify';
    from: string;
    to: string;
    on: string;
    note?: string;
    actorId: string | null;
  };
  const steps: Step[] = [];
  if (first) {
    const reported = after(calendar, concludedOn, 8, first.dueDate < today ? first.dueDate : today);
    steps.push(
      {
        r: first,
        action: 'start',
        from: 'not_started',
        to: 'in_progress',
        on: after(calendar, concludedOn, 1, reported),
        actorId: unitActor,
      },
      {
        r: first,
        action: 'report_done',
        from: 'in_progress',
        to: 'reported_done',
        on: reported,
        note: RECOMMENDATIONS[0]!.remediation!,
        actorId: unitActor,
      },
      {
        r: first,
        action: 'verify',
        from: 'reported_done',
        to: 'verified',
        on: after(calendar, reported, 2, today),
        actorId: head?.userId ?? null,
      },
    );
  }
  if (second)
    steps.push({
      r: second,
      action: 'report_done',
      from: 'not_started',
      to: 'reported_done',
      on: after(calendar, concludedOn, 12, today),
      note: RECOMMENDATIONS[1]!.remediation!,
      actorId: unitActor,
    });
  if (third)
    steps.push({
      r: third,
      action: 'start',
      from: 'not_started',
      to: 'in_progress',
      on: after(calendar, concludedOn, 2, today),
      actorId: unitActor,
    });
  await appendEvents(
    ctx.db,
    steps.map((s) => ({
      kind: RECOMMENDATION_KIND,
      itemId: s.r.id,
      action: s.action,
      fromStatus: s.from,
      toStatus: s.to,
      note: s.note ?? null,
      on: s.on,
      recordedOn: s.on,
      actorId: s.actorId,
    })),
  );
  // Each recommendation as its last step left it, journalled step by step.
  const current = new Map(recommendations.map((r) => [r.id, r]));
  for (const s of steps) {
    const before = current.get(s.r.id)!;
    const [after_] = await ctx.db
      .update(inspectionRecommendations)
      .set({
        status: s.to as typeof before.status,
        ...(s.action === 'report_done' ? { remediation: s.note ?? '' } : {}),
        ...(s.action === 'verify' ? { closedOn: s.on } : {}),
        version: sql`${inspectionRecommendations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(inspectionRecommendations.id, s.r.id))
      .returning();
    current.set(s.r.id, after_!);
    await recordChange(ctx, {
      action: s.action,
      entity: 'inspection_recommendation',
      entityId: s.r.id,
      before,
      after: { ...after_!, effectiveDate: s.on },
    });
  }
  return true;
}
