/**
 * Who is surveyed: targets (a unit of the province × a group of respondents) with the population the sample is
 * drawn from and the quota (by default the sample size n = N / (1 + N·e²), ./rules/sampling.ts), each with the
 * public code of its QR poster. The set is replaced as a whole (version-checked); a target that already has
 * responses cannot be dropped (its answers name it). Posters: one QR code per target, its public link.
 */
import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict, staleVersion } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { getUnits, unitDisplayName, unitFacts } from '../units/units.service.js';
import QRCode from 'qrcode';
import { sampleSize } from './rules/sampling.js';
import type { PostersOut, SurveyDetailOut } from './surveys.schemas.js';
import {
  loadManaged,
  loadSurvey,
  ownTargetUnits,
  presentDetail,
  readsAllResults,
  targetUrl,
} from './surveys.service.js';
import { surveyResponses, surveys, surveyTargets, type TargetGroup } from './surveys.table.js';
import { allow } from '../access/policy.js';
import { surveyPolicy } from './surveys.policy.js';

/**
 * A link as an SVG QR code, as the hotline's (../hotline/qr.ts, internal to that module): error correction M, so a
 * poster printed small or a little worn still reads.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/** The public code's letters: no 0/O, 1/I/L, so a code read off a poster is typed right. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export function randomPublicCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** `n` public codes no target holds yet (31⁸ ≈ 8,5·10¹¹: a clash is drawn again). */
export async function newPublicCodes(db: Db, n: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < n) {
    const batch = Array.from({ length: n - codes.size }, randomPublicCode).filter((c) => !codes.has(c));
    const taken = batch.length
      ? new Set(
          (
            await db
              .select({ code: surveyTargets.publicCode })
              .from(surveyTargets)
              .where(inArray(surveyTargets.publicCode, batch))
          ).map((r) => r.code),
        )
      : new Set<string>();
    for (const c of batch) if (!taken.has(c)) codes.add(c);
  }
  return [...codes];
}

export type TargetInput = {
  unitId: string;
  targetGroup: TargetGroup;
  population: number | null;
  quota: number | null;
};

/** The 400 of a refused list of targets: one detail per problem (its place in the list), in the caller's language. */
const refused = (
  details: { field: string; key: 'survey.target_unit_invalid' | 'survey.target_duplicate' }[],
) =>
  new AppError(
    400,
    'VALIDATION_FAILED',
    'survey.targets_invalid',
    { count: details.length },
    details.map((d) => ({ field: d.field, message: d.key })),
  );

export async function replaceTargets(
  ctx: RequestContext,
  id: string,
  input: { version: number; targets: TargetInput[]; margin: number },
): Promise<SurveyDetailOut> {
  const loaded = await loadManaged(ctx, id);
  const { row } = loaded;
  if (row.status === 'closed') throw conflict('survey.closed');
  if (row.version !== input.version) throw staleVersion('survey', row.version);

  // Every unit in the province and in operation today; each unit × group once.
  const today = todayInVietnam();
  const unitIds = [...new Set(input.targets.map((t) => t.unitId))];
  const found = new Map((await getUnits(ctx.db, unitIds)).map((u) => [u.id, u]));
  const facts = await unitFacts(ctx.db, unitIds);
  const problems: { field: string; key: 'survey.target_unit_invalid' | 'survey.target_duplicate' }[] = [];
  const seen = new Set<string>();
  input.targets.forEach((t, i) => {
    const u = found.get(t.unitId);
    const inProvince = facts.get(t.unitId)?.path.includes(row.provinceId) && t.unitId !== row.provinceId;
    if (!u || !inProvince || u.validFrom > today || (u.validTo && u.validTo < today))
      problems.push({ field: `targets[${i}].unitId`, key: 'survey.target_unit_invalid' });
    const key = `${t.unitId}:${t.targetGroup}`;
    if (seen.has(key)) problems.push({ field: `targets[${i}].targetGroup`, key: 'survey.target_duplicate' });
    seen.add(key);
  });
  if (problems.length) throw refused(problems);

  const wanted = input.targets.map((t) => ({
    ...t,
    quota: t.quota ?? (t.population !== null ? sampleSize(t.population, input.margin) : 0),
  }));
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [bumped] = await tx
      .update(surveys)
      .set({ version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(surveys.id, id), eq(surveys.version, input.version)))
      .returning();
    if (!bumped) throw staleVersion('survey', row.version);
    const existing = await tx.select().from(surveyTargets).where(eq(surveyTargets.surveyId, id));
    const keyOf = (t: { unitId: string; targetGroup: string }) => `${t.unitId}:${t.targetGroup}`;
    const wantedKeys = new Set(wanted.map(keyOf));
    const removed = existing.filter((t) => !wantedKeys.has(keyOf(t)));
    if (removed.length) {
      const answered = await tx
        .select({ targetId: surveyResponses.targetId, n: sql<number>`count(*)::int` })
        .from(surveyResponses)
        .where(
          inArray(
            surveyResponses.targetId,
            removed.map((t) => t.id),
          ),
        )
        .groupBy(surveyResponses.targetId);
      const first = answered[0];
      if (first) {
        const target = removed.find((t) => t.id === first.targetId)!;
        throw conflict('survey.target_has_responses', {
          unit: loaded.units.get(target.unitId)?.name ?? '',
          count: Number(first.n),
        });
      }
      // Their invitations go with them (cascade); nobody answered through them.
      await tx.delete(surveyTargets).where(
        inArray(
          surveyTargets.id,
          removed.map((t) => t.id),
        ),
      );
      for (const t of removed)
        await recordChange(c, { action: 'delete', entity: 'survey_target', entityId: t.id, before: t });
    }
    const byKey = new Map(existing.map((t) => [keyOf(t), t]));
    const added = wanted.filter((w) => !byKey.has(keyOf(w)));
    const codes = await newPublicCodes(tx, added.length);
    let next = 0;
    for (const w of wanted) {
      const before = byKey.get(keyOf(w));
      if (!before) {
        const [created] = await tx
          .insert(surveyTargets)
          .values({
            surveyId: id,
            unitId: w.unitId,
            targetGroup: w.targetGroup,
            population: w.population,
            quota: w.quota,
            publicCode: codes[next++]!,
          })
          .returning();
        await recordChange(c, {
          action: 'create',
          entity: 'survey_target',
          entityId: created!.id,
          after: created,
        });
      } else if (before.population !== w.population || before.quota !== w.quota) {
        const [updated] = await tx
          .update(surveyTargets)
          .set({ population: w.population, quota: w.quota })
          .where(eq(surveyTargets.id, before.id))
          .returning();
        await recordChange(c, {
          action: 'update',
          entity: 'survey_target',
          entityId: before.id,
          before,
          after: updated,
        });
      }
    }
  });
  return presentDetail(ctx, await loadSurvey(ctx, id));
}

/** The QR posters: one per target the caller may print (the office and committee all; a unit's people their own). */
export async function surveyPosters(ctx: RequestContext, id: string, origin = ''): Promise<PostersOut> {
  const loaded = await loadSurvey(ctx, id);
  const all = readsAllResults(ctx.actor, loaded) || allow(surveyPolicy, ctx.actor, 'manage', loaded.subject);
  const own = new Set(ownTargetUnits(ctx.actor, loaded));
  const [province] = await getUnits(ctx.db, [loaded.row.provinceId]);
  const targets = loaded.targets.filter((t) => all || own.has(t.unitId));
  const items = [];
  for (const t of targets) {
    const url = targetUrl(t.publicCode, origin);
    items.push({
      targetId: t.id,
      unit: loaded.units.get(t.unitId)?.name ?? '',
      targetGroup: t.targetGroup,
      url,
      svg: await qrSvg(url),
    });
  }
  items.sort((a, b) => a.unit.localeCompare(b.unit, 'vi') || a.targetGroup.localeCompare(b.targetGroup));
  return {
    survey: {
      id: loaded.row.id,
      title: loaded.row.title,
      year: loaded.row.year,
      province: province ? unitDisplayName(province) : '',
    },
    items,
  };
}
