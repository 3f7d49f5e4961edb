/**
 * A unit's PAR Index assessment as a kind of the work engine (`par_assessment`, ../work): owed by the unit (its
 * focal point and leader: on their list of work with the self-scoring deadline, then the explanation's, and the
 * engine's reminders), reviewed by the appraisal council. The steps: the unit submits its self-assessment (or the
 * deadline locks it: ./assessment-lock.service.ts), the council completes round 1, the unit explains the contested
 * scores, the council completes round 2, the chair or the office finalises. Rules: ./rules/assessment-status.ts.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { taskTiming } from '../tasks/index.js';
import { subtreeSql, unitFacts } from '../units/units.service.js';
import {
  getWorkItem,
  type DeadlineItem,
  type LoadedItem,
  type WorkKindAdapter,
} from '../work/work.service.js';
import type { AssessmentOut } from './assessments.schemas.js';
import {
  ASSESSMENT_KIND,
  itemScores,
  loadAssessment,
  loadAssessments,
  presentAssessment,
  scoresOf,
  windowsOf,
  type LoadedAssessment,
} from './assessments.service.js';
import { deadlinesOf } from './campaigns.service.js';
import { parAssessments, parCampaigns, type AssessmentStatus } from './parindex.table.js';
import { contestedCodes } from './rules/appraisal.js';
import {
  ASSESSMENT_ACTIONS,
  AWAITING_COUNCIL,
  decideAssessment,
  OPEN_FOR_UNIT,
  unitDueOf,
  type AssessmentAction,
  type AssessmentContext,
} from './rules/assessment-status.js';

const titles = (year: number) => ({
  vi: `Tự đánh giá, chấm điểm Chỉ số CCHC năm ${year}`,
  en: `PAR Index self-assessment ${year}`,
});

export const assessmentLink = (id: string) => `/par/assessments/${id}`;

/** The day the unit owes something by: the self-scoring deadline, then the explanation's. */
const dueOf = (a: LoadedAssessment): string | null => unitDueOf(a.row.status, a.campaign);

type Meta = { assessment: LoadedAssessment; contested: number };

/** What the caller may do now (the engine offers these; the rules say why not otherwise). */
function decisionContext(
  a: LoadedAssessment,
  contested: number,
  today = todayInVietnam(),
): AssessmentContext {
  return {
    unitSide: a.who.unit,
    council: !!a.who.council,
    chair: a.who.council?.role === 'chair',
    standingOfficer: a.who.office,
    stage: a.campaign.stage,
    today,
    deadlines: deadlinesOf(a.campaign),
    contested,
  };
}

export async function loadAssessmentItems(
  ctx: RequestContext,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, LoadedItem>> {
  const out = new Map<string, LoadedItem>();
  const loaded = await loadAssessments(ctx, ids);
  if (!loaded.size) return out;
  const scores = await scoresOf(ctx.db, [...loaded.keys()]);
  const calendar = await loadCalendar(ctx.db);
  for (const [id, a] of loaded) {
    const contested = contestedCodes(itemScores(scores.get(id) ?? [])).length;
    const c = decisionContext(a, contested, asOf);
    const allowed = ASSESSMENT_ACTIONS.filter(
      (action) => action !== 'lock' && decideAssessment(a.row.status, action, c).ok,
    );
    const due = dueOf(a);
    const t = titles(a.campaign.year);
    const status = a.row.status;
    out.set(id, {
      item: {
        kind: ASSESSMENT_KIND,
        id,
        title: t.vi,
        titles: t,
        context: { vi: a.campaign.title, en: a.campaign.title },
        unit: { id: a.row.unitId, name: a.unitName },
        status,
        dueDate: due,
        timing: taskTiming({
          // The unit's part is done once submitted (or locked): the item then waits for the council.
          status: OPEN_FOR_UNIT.includes(status) ? 'in_progress' : 'cancelled',
          dueDate: due,
          completedOn: null,
          today: asOf,
          rule: { countIn: 'working_days', dueSoonDays: 3 },
          calendar,
        }),
        version: a.row.version,
        allowedActions: a.who.read ? allowed : [],
        evidenceRequired: false,
        lastReason: null,
        link: assessmentLink(id),
      },
      // Files while self-scoring, and while explaining (for the changed items: assessments.service.ts).
      access: { read: a.who.read, upload: a.who.unit && uploadOpen(windowsOf(a, asOf)), work: a.who.unit },
      row: a.row,
      meta: { assessment: a, contested } satisfies Meta,
      dates: { recordedOn: todayInVietnam(a.row.createdAt), earliest: `${a.campaign.year}-01-01` },
    });
  }
  return out;
}

const NEXT: Partial<Record<AssessmentStatus, (unit: string) => { vi: string; en: string }>> = {
  not_started: (u) => ({ vi: `${u} tự chấm điểm và gửi`, en: `${u} scores itself and submits` }),
  in_progress: (u) => ({ vi: `${u} tự chấm điểm và gửi`, en: `${u} scores itself and submits` }),
  submitted: () => ({
    vi: 'Hội đồng thẩm định thẩm định vòng 1',
    en: 'The appraisal council appraises (round 1)',
  }),
  locked: () => ({
    vi: 'Hội đồng thẩm định thẩm định vòng 1',
    en: 'The appraisal council appraises (round 1)',
  }),
  appraised_1: (u) => ({
    vi: `${u} giải trình các điểm bị điều chỉnh`,
    en: `${u} explains the changed scores`,
  }),
  explained: () => ({
    vi: 'Hội đồng thẩm định thẩm định vòng 2',
    en: 'The appraisal council appraises (round 2)',
  }),
  appraised_2: () => ({ vi: 'Chủ tịch Hội đồng chốt kết quả', en: 'The council chair finalises the result' }),
};

async function idsWhere(db: Db, where: SQL | undefined): Promise<string[]> {
  const rows = await db.select({ id: parAssessments.id }).from(parAssessments).where(where);
  return rows.map((r) => r.id);
}

async function deadlineRows(db: Db, where: SQL | undefined): Promise<DeadlineItem[]> {
  const found = await db
    .select({ a: parAssessments, c: parCampaigns })
    .from(parAssessments)
    .innerJoin(parCampaigns, eq(parCampaigns.id, parAssessments.campaignId))
    .where(where);
  const names = await unitFacts(
    db,
    found.map((f) => f.a.unitId),
  );
  return found.flatMap(({ a, c }) => {
    const due = unitDueOf(a.status, c);
    if (!due) return [];
    return [
      {
        kind: ASSESSMENT_KIND,
        id: a.id,
        title: titles(c.year).vi,
        status: a.status,
        dueDate: due,
        unitId: a.unitId,
        context: `${c.title} — ${names.get(a.unitId)?.name ?? ''}`,
        link: assessmentLink(a.id),
      },
    ];
  });
}

const OPEN = [...OPEN_FOR_UNIT];

export const assessmentKind: WorkKindAdapter = {
  kind: ASSESSMENT_KIND,
  entity: 'par_assessment',
  actions: ASSESSMENT_ACTIONS,
  reportActions: ['submit', 'explain'],
  reviewActions: ['appraise_1', 'appraise_2', 'finalise'],
  reviewerRoles: ['standing_officer', 'admin', 'appraiser'],
  load: loadAssessmentItems,
  async decide(ctx, loaded, input) {
    const m = loaded.meta as Meta;
    const result = decideAssessment(
      loaded.item.status as AssessmentStatus,
      input.action as AssessmentAction,
      decisionContext(m.assessment, m.contested),
    );
    if (!result.ok) {
      const lang = ctx.locale === 'en' ? 'en' : 'vi';
      return {
        ok: false,
        error: new AppError(
          result.status,
          result.status === 403 ? 'FORBIDDEN' : 'CONFLICT',
          'parindex.action.refused',
          {
            reason: result.message[lang] || result.message.vi,
          },
        ),
      };
    }
    const patch: Record<string, unknown> = { status: result.to };
    if (input.action === 'submit') {
      patch.submittedAt = new Date();
      patch.submittedBy = ctx.actor?.user.id ?? null;
    }
    return { ok: true, next: result.to, patch };
  },
  async write(tx, loaded, patch, version) {
    const [updated] = await tx
      .update(parAssessments)
      .set({ ...patch, version: sql`${parAssessments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(parAssessments.id, loaded.item.id), eq(parAssessments.version, version)))
      .returning();
    return updated ?? null;
  },
  reviewUnit: (loaded) => (loaded.meta as Meta).assessment.campaign.provinceId,
  next: (loaded, status) => NEXT[status as AssessmentStatus]?.(loaded.item.unit.name) ?? null,
  owedIds: (db, roots) =>
    roots.length
      ? idsWhere(
          db,
          and(inArray(parAssessments.status, OPEN), sql`${parAssessments.unitId} IN (${subtreeSql(roots)})`),
        )
      : Promise.resolve([]),
  // The council and the office wherever their grants lie: the rules (load) keep what the caller may appraise.
  reviewIds: (db, roots) =>
    roots.length ? idsWhere(db, inArray(parAssessments.status, [...AWAITING_COUNCIL])) : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) =>
    unitIds.length
      ? idsWhere(db, and(inArray(parAssessments.status, OPEN), inArray(parAssessments.unitId, [...unitIds])))
      : Promise.resolve([]),
  deadlines: (db) => deadlineRows(db, inArray(parAssessments.status, [...OPEN, 'appraised_1'])),
  deadlineItem: async (db, id) => (await deadlineRows(db, eq(parAssessments.id, id)))[0],
};

/** The assessment page's read: the assessment with the actions the caller may take now. */
export async function getAssessment(ctx: RequestContext, id: string): Promise<AssessmentOut> {
  const item = await getWorkItem(ctx, ASSESSMENT_KIND, id);
  return presentAssessment(ctx, await loadAssessment(ctx, id), item.allowedActions);
}

export { deadlinesOf };

const uploadOpen = (w: { self: boolean; explanation: boolean }) => w.self || w.explanation;
