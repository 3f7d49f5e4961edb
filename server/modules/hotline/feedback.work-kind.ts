/**
 * A feedback case as a kind of the work engine (`feedback_case`, ../work): once triaged to a unit, its focal
 * point and leader owe the answer (on their list of work, with the deadline and reminders); they submit it or
 * refer the case back; the receiving office (hotline officers, the standing agency over the province) returns
 * it with a reason or approves it — approval publishes it with personal data removed — and may extend the
 * deadline with a reason (Decision 31/2021/QĐ-TTg art. 8). The office's triage, transfer and merge, and the
 * submitter's rating and reopening, are the hotline's own steps (./triage.service.ts, ./public.service.ts).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { allow } from '../access/policy.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { formatViDate } from '../periods/index.js';
import { DEFAULT_TIMING_RULE, taskTiming, type TaskStatus } from '../tasks/index.js';
import { getFiles } from '../files/files.service.js';
import { getUnits, subtreeSql, unitDisplayName, unitFacts } from '../units/units.service.js';
import {
  listEvents,
  type DeadlineItem,
  type LoadedItem,
  type WorkKindAdapter,
} from '../work/work.service.js';
import {
  allowedCaseActions,
  caseTransition,
  ENGINE_ACTIONS,
  isCaseStatus,
  UNIT_OWES,
  type CaseActor,
  type CaseRefusal,
  type CaseStatus,
  type EngineAction,
} from './case-rules.js';
import { casePolicy, HOTLINE_OFFICE } from './hotline.policy.js';
import { tellFollowers } from './followers.service.js';
import { feedbackAnswerFiles, feedbackCases } from './hotline.table.js';
import { redactPersonalData } from './rules/redact.js';
import { answerDueDate, extensionRoom } from './rules/sla.js';
import { categoriesByIds, ruleVersionsByIds } from './settings.service.js';

export type CaseRow = typeof feedbackCases.$inferSelect;
export type CaseMeta = {
  provincePath: string[];
  unitPath: string[] | null;
  unitName: string;
  categoryKey: string | null;
};

export function caseActorOf(actor: Actor, m: Pick<CaseMeta, 'provincePath' | 'unitPath'>): CaseActor {
  const subject = { provincePath: m.provincePath, unitPath: m.unitPath };
  return {
    office: allow(casePolicy, actor, 'office', subject),
    handler: allow(casePolicy, actor, 'handle', subject),
  };
}

/** The case's status on the task clock: open until the answer is published. */
const TIMING_STATUS: Record<CaseStatus, TaskStatus> = {
  received: 'in_progress',
  assigned: 'in_progress',
  answered: 'in_progress',
  published: 'verified',
  not_accepted: 'verified',
  forwarded: 'verified',
  merged: 'cancelled',
};

export async function loadCaseMetas(db: Db, rows: readonly CaseRow[]): Promise<Map<string, CaseMeta>> {
  const unitIds = [
    ...new Set(rows.flatMap((r) => [r.provinceId, ...(r.handlingUnitId ? [r.handlingUnitId] : [])])),
  ];
  const facts = await unitFacts(db, unitIds);
  const units = new Map((await getUnits(db, unitIds)).map((u) => [u.id, u]));
  const categories = await categoriesByIds(
    db,
    rows.map((r) => r.categoryId).filter((x): x is string => !!x),
  );
  const out = new Map<string, CaseMeta>();
  for (const r of rows) {
    const u = r.handlingUnitId ? units.get(r.handlingUnitId) : undefined;
    out.set(r.id, {
      provincePath: facts.get(r.provinceId)?.path ?? [r.provinceId],
      unitPath: r.handlingUnitId ? (facts.get(r.handlingUnitId)?.path ?? [r.handlingUnitId]) : null,
      unitName: u ? unitDisplayName(u) : '',
      categoryKey: r.categoryId ? (categories.get(r.categoryId)?.key ?? null) : null,
    });
  }
  return out;
}

async function load(ctx: RequestContext, ids: readonly string[], asOf: string) {
  const out = new Map<string, LoadedItem>();
  if (!ids.length || !ctx.actor) return out;
  const rows = await ctx.db
    .select()
    .from(feedbackCases)
    .where(inArray(feedbackCases.id, [...ids]));
  const metas = await loadCaseMetas(ctx.db, rows);
  const calendar = await loadCalendar(ctx.db);
  for (const r of rows) {
    const m = metas.get(r.id)!;
    const status: CaseStatus = isCaseStatus(r.status) ? r.status : 'received';
    const who = caseActorOf(ctx.actor, m);
    const read = allow(casePolicy, ctx.actor, 'read', { provincePath: m.provincePath, unitPath: m.unitPath });
    const dueDate = status === 'received' ? r.triageDueDate : r.dueDate;
    out.set(r.id, {
      item: {
        kind: 'feedback_case',
        id: r.id,
        title: `${r.code} — ${r.title}`,
        context: { vi: 'Phản ánh, kiến nghị', en: 'Citizen feedback' },
        unit: { id: r.handlingUnitId ?? r.provinceId, name: m.unitName },
        status,
        dueDate,
        timing: dueDate
          ? taskTiming({
              status: TIMING_STATUS[status],
              dueDate,
              completedOn: r.closedOn,
              today: asOf,
              rule: DEFAULT_TIMING_RULE,
              calendar,
            })
          : null,
        version: r.version,
        allowedActions: allowedCaseActions(status, who).filter((a): a is EngineAction =>
          (ENGINE_ACTIONS as readonly string[]).includes(a),
        ),
        evidenceRequired: false,
        lastReason: r.triageNote || null,
        link: `/hotline/${r.id}`,
      },
      access: { read, upload: who.handler || who.office, work: who.handler && UNIT_OWES.includes(status) },
      row: r,
      meta: m,
      // Steps may be dated from the day the case arrived (a Saturday or an evening), before its clock starts.
      dates: { recordedOn: calendar.localDateOf(r.receivedAt), earliest: calendar.localDateOf(r.receivedAt) },
    });
  }
  return out;
}

function refusal(reason: CaseRefusal | 'hotline.extension_too_long', status: number, params = {}) {
  const code = status === 403 ? 'FORBIDDEN' : status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED';
  return new AppError(status, code, reason, params);
}

/** The answer as the public will read it: the submitter's name, phone and e-mail taken out, whatever was typed. */
export function publishedText(r: CaseRow, text: string, locale: 'vi' | 'en' = 'vi'): string {
  return redactPersonalData(
    text,
    {
      names: r.submitterName ? [r.submitterName] : [],
      phones: r.submitterPhone ? [r.submitterPhone] : [],
      emails: r.submitterEmail ? [r.submitterEmail] : [],
    },
    { locale },
  ).text;
}

async function ids(db: Db, statuses: readonly CaseStatus[], where: SQL | undefined) {
  const rows = await db
    .select({ id: feedbackCases.id })
    .from(feedbackCases)
    .where(and(inArray(feedbackCases.status, [...statuses]), where));
  return rows.map((r) => r.id);
}

async function deadlineRows(db: Db, where: SQL | undefined): Promise<DeadlineItem[]> {
  const rows = await db.select().from(feedbackCases).where(where);
  return rows
    .filter((r) => r.handlingUnitId && r.dueDate)
    .map((r) => ({
      kind: 'feedback_case' as const,
      id: r.id,
      title: `${r.code} — ${r.title}`,
      status:
        r.status === 'assigned' ? 'in_progress' : r.status === 'answered' ? 'reported_done' : 'verified',
      dueDate: r.dueDate!,
      unitId: r.handlingUnitId!,
      context: 'Phản ánh, kiến nghị',
      link: `/hotline/${r.id}`,
    }));
}

/**
 * What the public may download of an answer: images and PDFs (what the public page itself accepts), never an
 * office document, whose properties keep its authors' names.
 */
export const PUBLISHABLE_FILE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];

/** The patch's entry (not a column) carrying the approved answer's files to `write`. */
const ANSWER_FILES = '__answerFiles';
type AnswerFileRow = { fileId: string; public: boolean; position: number };

/**
 * The files of the answer being approved (those its latest `submit_answer` cited) and which become public: the
 * ones the office ticked (`fileIds` of the approval) or, when it says nothing, every image and PDF of the answer.
 * A file of an earlier answer, or one that is not an image or a PDF, cannot be published (400 on `fileIds`).
 */
async function chooseAnswerFiles(
  ctx: RequestContext,
  caseId: string,
  ticked: readonly string[] | undefined,
): Promise<{ ok: true; rows: AnswerFileRow[] } | { ok: false; error: AppError }> {
  const answers = await listEvents(ctx.db, 'feedback_case', [caseId], { actions: ['submit_answer'] });
  const attached = answers.at(-1)?.fileIds ?? [];
  const files = new Map((await getFiles(ctx, attached)).map((f) => [f.id, f]));
  const publishable = (id: string) => PUBLISHABLE_FILE_TYPES.includes(files.get(id)?.mediaType ?? '');
  for (const id of ticked ?? []) {
    const key = !attached.includes(id)
      ? 'hotline.answer_file_unknown'
      : !publishable(id)
        ? 'hotline.answer_file_type'
        : null;
    if (key)
      return {
        ok: false,
        error: new AppError(400, 'VALIDATION_FAILED', key, {}, [{ field: 'fileIds', message: key }]),
      };
  }
  const chosen = new Set(ticked ?? attached.filter(publishable));
  return {
    ok: true,
    rows: attached
      .filter((id) => files.has(id))
      .map((fileId, position) => ({
        fileId,
        public: chosen.has(fileId),
        position,
      })),
  };
}

export const feedbackCaseKind: WorkKindAdapter = {
  kind: 'feedback_case',
  entity: 'feedback_case',
  actions: ENGINE_ACTIONS,
  reportActions: ['submit_answer'],
  reviewActions: ['return', 'approve'],
  reviewerRoles: HOTLINE_OFFICE,
  load,
  async decide(ctx, loaded, input, _evidence, on) {
    const r = loaded.row as CaseRow;
    const m = loaded.meta as CaseMeta;
    const status = loaded.item.status as CaseStatus;
    const action = input.action as EngineAction;
    const who = caseActorOf(ctx.actor!, m);
    const result = caseTransition(status, action, who, {
      reason: input.reason ?? null,
      answer: input.output ?? null,
      dueDate: r.dueDate,
      newDueDate: input.newDueDate ?? null,
    });
    if (!result.ok) return { ok: false, error: refusal(result.reason, result.status) };
    switch (action) {
      case 'submit_answer':
        return {
          ok: true,
          next: result.next,
          patch: { status: result.next, answerDraft: input.output!.trim() },
          note: input.output!.trim(),
        };
      case 'refer_back':
        return {
          ok: true,
          next: result.next,
          patch: {
            status: result.next,
            triageNote: input.reason!.trim(),
            handlingUnitId: null,
            dueDate: null,
            classification: null,
          },
        };
      case 'return':
        return {
          ok: true,
          next: result.next,
          patch: { status: result.next, triageNote: input.reason!.trim() },
        };
      case 'approve': {
        const answer = (input.output?.trim() || r.answerDraft).trim();
        const files = await chooseAnswerFiles(ctx, r.id, input.fileIds);
        if (!files.ok) return files;
        return {
          ok: true,
          next: result.next,
          patch: {
            status: result.next,
            publishedAnswer: publishedText(r, answer),
            publishedDescription: publishedText(r, r.description),
            publishedOn: on,
            closedOn: on,
            [ANSWER_FILES]: files.rows,
          },
          note: null,
        };
      }
      case 'extend': {
        // All extensions together stay within the rules' maximum (counted from the deadline before any).
        const rules = (await ruleVersionsByIds(ctx.db, [r.ruleVersionId ?? ''])).get(r.ruleVersionId ?? '');
        if (rules && r.classification) {
          const calendar = await loadCalendar(ctx.db);
          const base = answerDueDate(
            {
              receivedOn: r.receivedOn,
              classification: r.classification,
              category: m.categoryKey,
              extensions: [],
            },
            rules,
            calendar,
          );
          const total = calendar.workingDaysBetween(base, input.newDueDate!);
          if (total > extensionRoom([], rules))
            return {
              ok: false,
              error: refusal('hotline.extension_too_long', 400, { max: rules.maxExtensionWorkingDays }),
            };
        }
        return {
          ok: true,
          next: result.next,
          patch: { dueDate: input.newDueDate!, extensionReason: input.reason!.trim() },
        };
      }
    }
  },
  async write(tx, loaded, patch, version) {
    const { [ANSWER_FILES]: answerFiles, ...columns } = patch;
    const [updated] = await tx
      .update(feedbackCases)
      .set({ ...columns, version: sql`${feedbackCases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(feedbackCases.id, loaded.item.id), eq(feedbackCases.version, version)))
      .returning();
    // The approved answer's files, each public or internal as the office chose (an earlier answer's are replaced).
    if (updated && Array.isArray(answerFiles)) {
      await tx.delete(feedbackAnswerFiles).where(eq(feedbackAnswerFiles.caseId, updated.id));
      const rows = answerFiles as AnswerFileRow[];
      if (rows.length)
        await tx.insert(feedbackAnswerFiles).values(rows.map((f) => ({ caseId: updated.id, ...f })));
    }
    // The submitter and followers hear of the public steps: the answer published, a new deadline.
    if (updated && patch.status === 'published')
      await tellFollowers(tx, updated, 'answered', null, `v${updated.version}`);
    else if (updated && patch.extensionReason)
      await tellFollowers(
        tx,
        updated,
        'extended',
        `Hạn mới: ${formatViDate(updated.dueDate!)}. ${String(patch.extensionReason)}`,
        `v${updated.version}`,
      );
    return updated ?? null;
  },
  reviewUnit: (loaded) => (loaded.row as CaseRow).provinceId,
  next: (loaded, status) => {
    const unit = loaded.item.unit.name;
    switch (status) {
      case 'assigned':
        return { vi: `${unit} trả lời phản ánh.`, en: `${unit} answers the feedback.` };
      case 'answered':
        return {
          vi: 'Bộ phận tiếp nhận xem xét, duyệt và công khai câu trả lời.',
          en: 'The receiving office reviews, approves and publishes the answer.',
        };
      case 'received':
        return { vi: 'Bộ phận tiếp nhận phân loại lại.', en: 'The receiving office triages it again.' };
      default:
        return null;
    }
  },
  owedIds: (db, roots) =>
    roots.length
      ? ids(db, UNIT_OWES, sql`${feedbackCases.handlingUnitId} IN (${subtreeSql(roots)})`)
      : Promise.resolve([]),
  reviewIds: (db, roots) =>
    roots.length
      ? ids(db, ['answered'], sql`${feedbackCases.provinceId} IN (${subtreeSql(roots)})`)
      : Promise.resolve([]),
  openIdsOfUnits: (db, unitIds) =>
    unitIds.length
      ? ids(db, UNIT_OWES, inArray(feedbackCases.handlingUnitId, [...unitIds]))
      : Promise.resolve([]),
  deadlines: (db) => deadlineRows(db, inArray(feedbackCases.status, ['assigned'])),
  deadlineItem: async (db, id) => (await deadlineRows(db, eq(feedbackCases.id, id)))[0],
};
