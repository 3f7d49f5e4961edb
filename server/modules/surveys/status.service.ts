/**
 * A survey's settings and its life: draft → open (its latest version published, the invitations imported while
 * it was a draft mailed) → closed (the invitations' addresses and names erased: they were kept only to send the
 * links). Version-checked (409 on a stale page) and journalled. Whether a survey is anonymous cannot change once
 * anybody has answered: the form told them.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict, staleVersion } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { recordChange } from '../audit/audit.service.js';
import { periodInOrder } from './create-survey.service.js';
import { mailContext, sendPendingInvitations } from './invitations.service.js';
import type { SurveyDetailOut } from './surveys.schemas.js';
import {
  definitionOf,
  indicesOf,
  latestVersion,
  loadManaged,
  loadSurvey,
  presentDetail,
  responseCount,
  versionProblems,
} from './surveys.service.js';
import { surveyInvitations, surveys, surveyVersions } from './surveys.table.js';

export type SurveySettings = {
  version: number;
  title: string;
  intro: string;
  anonymous: boolean;
  opensOn: string | null;
  closesOn: string | null;
  parYear: number | null;
  note: string;
};

const periodRefused = () =>
  new AppError(400, 'VALIDATION_FAILED', 'survey.period_order', { field: 'closesOn' }, [
    { field: 'closesOn', message: 'survey.period_order' },
  ]);

export async function updateSurvey(
  ctx: RequestContext,
  id: string,
  input: SurveySettings,
): Promise<SurveyDetailOut> {
  const { row } = await loadManaged(ctx, id);
  if (row.version !== input.version) throw staleVersion('survey', row.version);
  if (!periodInOrder(input.opensOn, input.closesOn)) throw periodRefused();
  if (input.anonymous !== row.anonymous) {
    const answered = await responseCount(ctx.db, id);
    if (answered > 0) throw conflict('survey.anonymous_locked', { count: answered });
  }
  const { version, ...values } = input;
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(surveys)
      .set({ ...values, version: version + 1, updatedAt: new Date() })
      .where(and(eq(surveys.id, id), eq(surveys.version, version)))
      .returning();
    if (!updated) throw staleVersion('survey', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'survey', entityId: id, before: row, after: updated },
    );
  });
  return presentDetail(ctx, await loadSurvey(ctx, id));
}

/** Why a survey cannot open yet (both languages), or null. */
function cannotOpen(problems: number, targets: number): { vi: string; en: string } | null {
  if (problems)
    return {
      vi: `phiếu còn ${problems} lỗi cần sửa.`,
      en: `the questionnaire still has ${problems} problems to fix.`,
    };
  if (!targets) return { vi: 'chưa có đơn vị được khảo sát.', en: 'no unit is surveyed yet.' };
  return null;
}

export async function openSurvey(
  ctx: RequestContext,
  id: string,
  version: number,
  now: Date = new Date(),
): Promise<SurveyDetailOut> {
  const loaded = await loadManaged(ctx, id);
  const { row, targets } = loaded;
  if (row.version !== version) throw staleVersion('survey', row.version);
  if (row.status === 'closed') throw conflict('survey.closed');
  if (row.status === 'open') return presentDetail(ctx, loaded);
  const latest = await latestVersion(ctx.db, id);
  const why = cannotOpen(versionProblems(definitionOf(latest), indicesOf(latest)).length, targets.length);
  if (why) {
    const lang = ctx.locale === 'en' ? 'en' : 'vi';
    throw new AppError(409, 'CONFLICT', 'survey.cannot_open', { reason: why[lang] });
  }
  const mail = await mailContext(ctx.db, row, targets);
  const today = todayInVietnam(now);
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [updated] = await tx
      .update(surveys)
      .set({ status: 'open', opensOn: row.opensOn ?? today, version: version + 1, updatedAt: now })
      .where(and(eq(surveys.id, id), eq(surveys.version, version)))
      .returning();
    if (!updated) throw staleVersion('survey', row.version);
    if (!latest.publishedAt) {
      await tx.update(surveyVersions).set({ publishedAt: now }).where(eq(surveyVersions.id, latest.id));
      await recordChange(c, {
        action: 'publish',
        entity: 'survey_version',
        entityId: latest.id,
        after: { number: latest.number, publishedAt: now, definitionHash: latest.definitionHash },
      });
    }
    const sent = await sendPendingInvitations(tx, mail, now);
    await recordChange(c, {
      action: 'open_survey',
      entity: 'survey',
      entityId: id,
      before: { status: row.status, opensOn: row.opensOn },
      after: { status: updated.status, opensOn: updated.opensOn, invitationsSent: sent },
    });
  });
  return presentDetail(ctx, await loadSurvey(ctx, id));
}

export async function closeSurvey(
  ctx: RequestContext,
  id: string,
  version: number,
  now: Date = new Date(),
): Promise<SurveyDetailOut> {
  const { row } = await loadManaged(ctx, id);
  if (row.version !== version) throw staleVersion('survey', row.version);
  if (row.status === 'closed') return presentDetail(ctx, await loadSurvey(ctx, id));
  if (row.status !== 'open') throw conflict('survey.not_open');
  const today = todayInVietnam(now);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(surveys)
      .set({
        status: 'closed',
        // Closed early: the period ends today (a later planned end would say it was still running).
        closesOn:
          !row.closesOn || row.closesOn > today
            ? row.opensOn && row.opensOn > today
              ? row.opensOn
              : today
            : row.closesOn,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(surveys.id, id), eq(surveys.version, version)))
      .returning();
    if (!updated) throw staleVersion('survey', row.version);
    // The addresses and names were kept only to send the links: nothing personal stays once it is over.
    const erased = await tx
      .update(surveyInvitations)
      .set({ address: null, name: '' })
      .where(
        and(
          eq(surveyInvitations.surveyId, id),
          sql`(${surveyInvitations.address} is not null or ${surveyInvitations.name} <> '')`,
        ),
      )
      .returning({ id: surveyInvitations.id });
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'close_survey',
        entity: 'survey',
        entityId: id,
        before: { status: row.status, closesOn: row.closesOn },
        after: { status: updated.status, closesOn: updated.closesOn, addressesErased: erased.length },
      },
    );
  });
  return presentDetail(ctx, await loadSurvey(ctx, id));
}
