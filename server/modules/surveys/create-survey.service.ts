/**
 * A new survey of the caller's province: from a template chidao ships (./data: its definition and index formulas
 * become version 1, which names the template) or as a copy of an earlier survey (last year's SIPAS run again: its
 * latest version's definition and formulas, and its targets with new public codes — a unit that no longer exists
 * today is left out). Drafts only: nothing is public until the survey opens. Journalled.
 */
import type { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, badRequest } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { recordChange } from '../audit/audit.service.js';
import { getUnits } from '../units/units.service.js';
import { shippedSurvey } from './data/index.js';
import type { SurveyDefinition } from './rules/definition.js';
import type { IndexConfig } from './rules/indices.js';
import type { SurveyDetailOut, surveyCreateIn } from './surveys.schemas.js';
import {
  hashDefinition,
  latestVersion,
  loadManaged,
  loadSurvey,
  officeProvince,
  presentDetail,
  definitionOf,
  indicesOf,
  type TargetRow,
} from './surveys.service.js';
import { surveys, surveyTargets, surveyVersions, type SurveyKind } from './surveys.table.js';
import { newPublicCodes } from './targets.service.js';

export type SurveyCreate = z.infer<typeof surveyCreateIn>;

export const periodInOrder = (opensOn: string | null, closesOn: string | null) =>
  !opensOn || !closesOn || closesOn >= opensOn;

/** A survey's default title: the template's, as a run rather than a form ("Khảo sát …", not "Phiếu khảo sát …"), and the year. */
export function templateTitle(template: { title: { vi: string } }, year: number): string {
  const t = template.title.vi.replace(/^Phiếu khảo sát\s+/u, 'Khảo sát ');
  return `${t} năm ${year}`;
}

/** Deep copy of data read from JSON (the template stays untouched by later edits). */
const copy = <T>(v: T): T => structuredClone(v);

export async function createSurvey(ctx: RequestContext, input: SurveyCreate): Promise<SurveyDetailOut> {
  if (!periodInOrder(input.opensOn, input.closesOn))
    throw new AppError(400, 'VALIDATION_FAILED', 'survey.period_order', { field: 'closesOn' }, [
      { field: 'closesOn', message: 'survey.period_order' },
    ]);
  let provinceId: string;
  let kind: SurveyKind;
  let title: string;
  let intro = '';
  let definition: SurveyDefinition;
  let indices: IndexConfig[];
  let templateKey: string | null;
  let sourceTargets: TargetRow[] = [];
  if (input.templateKey) {
    const template = shippedSurvey(input.templateKey);
    if (!template) throw badRequest('survey.template_unknown', { key: input.templateKey });
    provinceId = await officeProvince(ctx);
    kind = template.kind;
    title = input.title ?? templateTitle(template, input.year);
    intro = template.definition.intro?.vi ?? '';
    definition = copy(template.definition);
    indices = copy(template.indices);
    templateKey = template.key;
  } else {
    const source = await loadManaged(ctx, input.copyOf!);
    const version = await latestVersion(ctx.db, source.row.id);
    provinceId = source.row.provinceId;
    kind = source.row.kind;
    const retitle = (t: string) =>
      source.row.year === input.year ? t : t.replaceAll(String(source.row.year), String(input.year));
    title = input.title ?? retitle(source.row.title);
    intro = source.row.intro;
    definition = copy(definitionOf(version));
    indices = copy(indicesOf(version));
    templateKey = version.templateKey;
    // Units that still exist today (a merged or renamed unit's successor is chosen again by the office).
    const today = todayInVietnam();
    const valid = new Set(
      (await getUnits(ctx.db, [...new Set(source.targets.map((t) => t.unitId))]))
        .filter((u) => u.validFrom <= today && (!u.validTo || u.validTo >= today))
        .map((u) => u.id),
    );
    sourceTargets = source.targets.filter((t) => valid.has(t.unitId));
  }
  const hash = hashDefinition(definition);
  const actorId = ctx.actor?.user.id ?? null;
  const id = await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx };
    const [row] = await tx
      .insert(surveys)
      .values({
        provinceId,
        kind,
        year: input.year,
        title,
        intro,
        anonymous: input.anonymous,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        parYear: input.parYear,
        createdBy: actorId,
      })
      .returning();
    await recordChange(t, { action: 'create', entity: 'survey', entityId: row!.id, after: row });
    const [version] = await tx
      .insert(surveyVersions)
      .values({
        surveyId: row!.id,
        number: 1,
        definition,
        indices,
        definitionHash: hash,
        templateKey,
        createdBy: actorId,
      })
      .returning();
    await recordChange(t, {
      action: 'create',
      entity: 'survey_version',
      entityId: version!.id,
      after: { surveyId: row!.id, number: 1, templateKey, definitionHash: hash },
    });
    if (sourceTargets.length) {
      const codes = await newPublicCodes(tx, sourceTargets.length);
      const inserted = await tx
        .insert(surveyTargets)
        .values(
          sourceTargets.map((s, i) => ({
            surveyId: row!.id,
            unitId: s.unitId,
            targetGroup: s.targetGroup,
            population: s.population,
            quota: s.quota,
            publicCode: codes[i]!,
          })),
        )
        .returning();
      for (const target of inserted)
        await recordChange(t, {
          action: 'create',
          entity: 'survey_target',
          entityId: target.id,
          after: target,
        });
    }
    return row!.id;
  });
  return presentDetail(ctx, await loadSurvey(ctx, id));
}
