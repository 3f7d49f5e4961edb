/**
 * What the public sees of the hotline (issue 14, point 1 and 5): a case by its code — status, deadlines and the
 * published answer, never personal data; the submitter's own steps with their key (rate, reopen once, follow
 * by e-mail); the list of published answers. A wrong code and a wrong key say nothing about what exists.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { getFiles, type StoredFile } from '../files/files.service.js';
import { getUnits, unitDisplayName } from '../units/units.service.js';
import { appendEvents, listEvents } from '../work/work.service.js';
import { caseTransition, publicStage, type CaseStatus } from './case-rules.js';
import type { PublicCaseOut } from './hotline.schemas.js';
import { publishedText } from './feedback.work-kind.js';
import { followerCount, tellFollowers } from './followers.service.js';
import { feedbackAnswerFiles, feedbackCases, feedbackFollowers } from './hotline.table.js';
import { hashSubmitterKey } from './intake.service.js';
import { normaliseTrackingCode } from './rules/tracking-code.js';
import { answerDueDate } from './rules/sla.js';
import { categoriesByIds, ruleVersionsByIds } from './settings.service.js';

type CaseRow = typeof feedbackCases.$inferSelect;

const notFoundPublic = () => new AppError(404, 'NOT_FOUND', 'hotline.not_found');

async function byCode(ctx: RequestContext, raw: string): Promise<CaseRow> {
  const code = normaliseTrackingCode(raw);
  if (!code) throw notFoundPublic();
  const [row] = await ctx.db.select().from(feedbackCases).where(eq(feedbackCases.code, code));
  if (!row) throw notFoundPublic();
  return row;
}

const keyMatches = (row: CaseRow, key: string | undefined | null) =>
  !!key && hashSubmitterKey(key) === row.submitterKeyHash;

function requireKey(row: CaseRow, key: string) {
  if (!keyMatches(row, key))
    throw new AppError(403, 'FORBIDDEN', 'hotline.key_wrong', {}, [
      { field: 'key', message: 'hotline.key_wrong' },
    ]);
}

/** The public steps of a case from its history: the stage and what the submitter is told, never who. */
const STEP: Record<string, PublicCaseOut['steps'][number]['stage'] | undefined> = {
  receive: 'received',
  triage: 'triaged',
  transfer: 'transferred',
  extend: 'extended',
  approve: 'answered',
  reopen: 'reopened',
  rate: 'rated',
  merge: 'merged',
};

/** A rating's words in the history (`Hài lòng: the comment`), and back. */
const RATING_WORDS = { satisfied: 'Hài lòng', not_satisfied: 'Chưa hài lòng' } as const;
type Satisfaction = keyof typeof RATING_WORDS;
const ratingNote = (satisfaction: Satisfaction, comment: string | null | undefined) =>
  [RATING_WORDS[satisfaction], comment?.trim()].filter(Boolean).join(': ');
function ratingComment(note: string | null, satisfaction: Satisfaction): string | null {
  const prefix = `${RATING_WORDS[satisfaction]}: `;
  return note?.startsWith(prefix) ? note.slice(prefix.length) || null : null;
}

/**
 * The name the public reads of an answer's file: its own, unless it names the submitter (a letter saved as
 * "tra-loi-ong-Le-Van-Khanh.pdf" — compared word by word, as in the published text), then the case's code and
 * the file's number with its extension.
 */
function publicFileName(row: CaseRow, name: string, position: number): string {
  const words = name.replace(/[-_.]+/g, ' ');
  if (publishedText(row, words) === words) return name;
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  return `${row.code}-${position + 1}${ext ? `.${ext}` : ''}`;
}

/** The public files of a published case's answer, in their order (none for a case that is not published). */
async function publicAnswerFiles(ctx: RequestContext, row: CaseRow) {
  if (row.status !== 'published') return [];
  const links = await ctx.db
    .select()
    .from(feedbackAnswerFiles)
    .where(and(eq(feedbackAnswerFiles.caseId, row.id), eq(feedbackAnswerFiles.public, true)))
    .orderBy(asc(feedbackAnswerFiles.position));
  const files = new Map(
    (
      await getFiles(
        ctx,
        links.map((l) => l.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  return links.flatMap((l) => {
    const f = files.get(l.fileId);
    return f ? [{ file: f, name: publicFileName(row, f.originalName, l.position) }] : [];
  });
}

/**
 * A file of a published answer that the office made public, under its public name; anything else — a file kept
 * internal, a file of a case not (or no longer) published, another case's file, a received file — is not found.
 */
export async function publicAnswerFile(
  ctx: RequestContext,
  code: string,
  fileId: string,
): Promise<StoredFile> {
  const row = await byCode(ctx, code);
  const found = (await publicAnswerFiles(ctx, row)).find((f) => f.file.id === fileId);
  if (!found) throw notFound('file');
  return { ...found.file, originalName: found.name };
}

export async function trackCase(ctx: RequestContext, code: string, key?: string): Promise<PublicCaseOut> {
  const row = await byCode(ctx, code);
  const status = row.status as CaseStatus;
  const units = new Map(
    (
      await getUnits(
        ctx.db,
        [row.handlingUnitId, row.subjectUnitId].filter((x): x is string => !!x),
      )
    ).map((u) => [u.id, unitDisplayName(u)]),
  );
  const category = row.categoryId
    ? (await categoriesByIds(ctx.db, [row.categoryId])).get(row.categoryId)
    : undefined;
  const events = await listEvents(ctx.db, 'feedback_case', [row.id], { withFiles: false });
  const steps: PublicCaseOut['steps'] = [];
  // The submitter's rating of the answer published now: their latest since its approval.
  let rated: (typeof events)[number] | null = null;
  for (const e of events) {
    if (e.action === 'approve') rated = null;
    else if (e.action === 'rate') rated = e;
    const stage = STEP[e.action];
    if (!stage) continue;
    // A triage step tells the outcome's public words: the refusal's reason, the body forwarded to; an assignment
    // names the unit. A transfer and an extension carry their reason; the rest carry nothing.
    const note =
      stage === 'triaged' ||
      stage === 'transferred' ||
      stage === 'extended' ||
      stage === 'reopened' ||
      stage === 'merged'
        ? e.note
        : null;
    steps.push({ on: e.on, stage, note });
  }
  const published = status === 'published';
  const merged = row.duplicateOfId
    ? (
        await ctx.db
          .select({ code: feedbackCases.code })
          .from(feedbackCases)
          .where(eq(feedbackCases.id, row.duplicateOfId))
      )[0]
    : undefined;
  const owner = keyMatches(row, key);
  const answerFiles = published ? await publicAnswerFiles(ctx, row) : [];
  const rating =
    owner && published && rated && row.satisfaction
      ? {
          satisfaction: row.satisfaction,
          on: rated.on,
          comment: ratingComment(rated.note, row.satisfaction),
        }
      : null;
  return {
    code: row.code,
    stage: publicStage(status),
    category: category ? { vi: category.nameVi, en: category.nameEn } : null,
    subject: row.subjectUnitId ? (units.get(row.subjectUnitId) ?? null) : null,
    // What a submitter typed into the title or the place may name them: taken out like the description's.
    title: publishedText(row, row.title),
    description: published ? row.publishedDescription : null,
    place: published ? publishedText(row, row.place) : '',
    receivedOn: row.receivedOn,
    triageDueDate: row.triageDueDate,
    dueDate: row.dueDate,
    handlingUnit: row.handlingUnitId ? (units.get(row.handlingUnitId) ?? null) : null,
    answer: published ? row.publishedAnswer : status === 'not_accepted' ? row.triageNote || null : null,
    answeredOn: published ? row.publishedOn : null,
    answerFiles: answerFiles.map(({ file, name }) => ({
      id: file.id,
      name,
      size: file.size,
      mediaType: file.mediaType,
    })),
    satisfaction: row.satisfaction,
    rating,
    following: owner ? (await followerCount(ctx.db, row.id)) > 0 : null,
    canRate: owner && published,
    canReopen: owner && published && row.reopenCount === 0,
    steps,
    mergedInto: merged?.code ?? null,
  };
}

/** The submitter says whether the answer solved it (QĐ 766 counts "not satisfied"); they may change their mind. */
export async function rateCase(
  ctx: RequestContext,
  code: string,
  input: { key: string; satisfaction: 'satisfied' | 'not_satisfied'; comment?: string | null | undefined },
) {
  const row = await byCode(ctx, code);
  requireKey(row, input.key);
  if (row.status !== 'published') throw new AppError(409, 'CONFLICT', 'hotline.rule.not_rated_yet');
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(feedbackCases)
      .set({
        satisfaction: input.satisfaction,
        ratedAt: new Date(),
        version: sql`${feedbackCases.version} + 1`,
      })
      .where(eq(feedbackCases.id, row.id))
      .returning();
    await appendEvents(tx, [
      {
        kind: 'feedback_case',
        itemId: row.id,
        action: 'rate',
        fromStatus: row.status,
        toStatus: row.status,
        note: ratingNote(input.satisfaction, input.comment),
        on: todayInVietnam(),
        actorId: null,
      },
    ]);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'rate', entity: 'feedback_case', entityId: row.id, before: row, after: updated },
    );
  });
  return trackCase(ctx, code, input.key);
}

/** Once, with a reason: back to the same unit with a new deadline counted from today. */
export async function reopenCase(ctx: RequestContext, code: string, input: { key: string; reason: string }) {
  const row = await byCode(ctx, code);
  requireKey(row, input.key);
  const t = caseTransition(
    row.status as CaseStatus,
    'reopen',
    { office: false, handler: false },
    {
      reason: input.reason,
      reopenCount: row.reopenCount,
    },
  );
  if (!t.ok) throw new AppError(t.status, t.status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED', t.reason);
  const today = todayInVietnam();
  const calendar = await loadCalendar(ctx.db);
  const rules = (await ruleVersionsByIds(ctx.db, [row.ruleVersionId ?? ''])).get(row.ruleVersionId ?? '')!;
  const category = row.categoryId
    ? (await categoriesByIds(ctx.db, [row.categoryId])).get(row.categoryId)
    : undefined;
  const dueDate = answerDueDate(
    {
      receivedOn: today,
      classification: row.classification ?? 'within_authority',
      category: category?.key ?? null,
      extensions: [],
    },
    rules,
    calendar,
  );
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(feedbackCases)
      .set({
        status: 'assigned',
        reopenCount: row.reopenCount + 1,
        dueDate,
        closedOn: null,
        satisfaction: 'not_satisfied',
        triageNote: input.reason.trim(),
        version: sql`${feedbackCases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(feedbackCases.id, row.id))
      .returning();
    await tellFollowers(tx, updated!, 'reopened', input.reason.trim(), `v${updated!.version}`);
    await appendEvents(tx, [
      {
        kind: 'feedback_case',
        itemId: row.id,
        action: 'reopen',
        fromStatus: row.status,
        toStatus: 'assigned',
        note: input.reason.trim(),
        on: today,
        actorId: null,
      },
    ]);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'reopen', entity: 'feedback_case', entityId: row.id, before: row, after: updated },
    );
  });
  return trackCase(ctx, code, input.key);
}

export async function followCase(ctx: RequestContext, code: string, input: { key: string; email: string }) {
  const row = await byCode(ctx, code);
  requireKey(row, input.key);
  const email = input.email.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(feedbackFollowers)
      .values({
        caseId: row.id,
        email,
        tokenHash: createHash('sha256').update(randomBytes(24)).digest('hex'),
      })
      .onConflictDoNothing()
      .returning();
    if (created)
      await recordChange(
        { ...ctx, db: tx },
        { action: 'follow', entity: 'feedback_follower', entityId: created.id, after: { caseId: row.id } },
      );
  });
  return { following: true };
}

/** The published answers, newest first, searchable without accents. */
export async function listPublished(
  ctx: RequestContext,
  query: { q?: string | undefined; categoryId?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(feedbackCases.status, 'published'),
    query.categoryId ? eq(feedbackCases.categoryId, query.categoryId) : undefined,
    query.q
      ? sql`f_unaccent(lower(${feedbackCases.title} || ' ' || coalesce(${feedbackCases.publishedAnswer}, ''))) LIKE f_unaccent(lower(${`%${query.q}%`}))`
      : undefined,
  );
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(feedbackCases)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(feedbackCases)
    .where(where)
    .orderBy(desc(feedbackCases.publishedOn), desc(feedbackCases.code))
    .limit(query.limit)
    .offset(query.offset);
  const units = new Map(
    (
      await getUnits(ctx.db, [
        ...new Set(rows.flatMap((r) => [r.handlingUnitId, r.subjectUnitId].filter((x): x is string => !!x))),
      ])
    ).map((u) => [u.id, unitDisplayName(u)]),
  );
  const categories = await categoriesByIds(
    ctx.db,
    rows.map((r) => r.categoryId ?? ''),
  );
  const fileCounts = new Map(
    rows.length
      ? (
          await ctx.db
            .select({ caseId: feedbackAnswerFiles.caseId, n: sql<number>`count(*)::int` })
            .from(feedbackAnswerFiles)
            .where(
              and(
                inArray(
                  feedbackAnswerFiles.caseId,
                  rows.map((r) => r.id),
                ),
                eq(feedbackAnswerFiles.public, true),
              ),
            )
            .groupBy(feedbackAnswerFiles.caseId)
        ).map((c) => [c.caseId, Number(c.n)])
      : [],
  );
  return {
    total: Number(total),
    items: rows.map((r) => {
      const c = r.categoryId ? categories.get(r.categoryId) : undefined;
      return {
        code: r.code,
        title: publishedText(r, r.title),
        category: c ? { vi: c.nameVi, en: c.nameEn } : null,
        subject: r.subjectUnitId ? (units.get(r.subjectUnitId) ?? null) : null,
        handlingUnit: r.handlingUnitId ? (units.get(r.handlingUnitId) ?? null) : null,
        receivedOn: r.receivedOn,
        answeredOn: r.publishedOn,
        onTime: r.publishedOn && r.dueDate ? r.publishedOn <= r.dueDate : null,
        satisfaction: r.satisfaction,
        answerFiles: fileCounts.get(r.id) ?? 0,
      };
    }),
  };
}

/**
 * The published answers of a year (by the day published) and how many of them were published by their deadline —
 * `listPublished`'s `onTime`, counted (the public portal's key figure, issue 18). No personal data: counts only.
 */
export async function publishedAnswerFigures(
  ctx: RequestContext,
  year: number,
): Promise<{ answered: number; answeredOnTime: number }> {
  const [row] = await ctx.db
    .select({
      answered: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) FILTER (WHERE ${feedbackCases.dueDate} IS NOT NULL AND ${feedbackCases.publishedOn} <= ${feedbackCases.dueDate})::int`,
    })
    .from(feedbackCases)
    .where(
      and(
        eq(feedbackCases.status, 'published'),
        sql`${feedbackCases.publishedOn} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
      ),
    );
  return { answered: Number(row?.answered ?? 0), answeredOnTime: Number(row?.onTime ?? 0) };
}
