/**
 * The questionnaire of a survey: saving a new definition (and index formulas), and its XLSForm-like workbook
 * (./xlsform.ts) out and in. A definition with any problem is refused (400, every problem with its path). The
 * latest version is changed in place while it is unpublished and nobody has answered it; otherwise the change makes
 * the next version (answers keep naming the version they were given on) — published at once when the survey is
 * open, since the public form serves the latest version. Journalled; the survey's version moves on each change.
 */
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { conflict, staleVersion } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { canonicalJson } from './rules/answers.js';
import type { SurveyDefinition } from './rules/definition.js';
import type { IndexConfig } from './rules/indices.js';
import type { SurveyDetailOut } from './surveys.schemas.js';
import {
  definitionInvalid,
  definitionOf,
  hashDefinition,
  indicesOf,
  loadManaged,
  loadSurvey,
  presentDetail,
  versionProblems,
  versionsOf,
} from './surveys.service.js';
import { surveyResponses, surveys, surveyVersions } from './surveys.table.js';
import { definitionWorkbook, readDefinitionWorkbook, xlsformInvalid } from './xlsform.js';

export async function saveDefinition(
  ctx: RequestContext,
  id: string,
  input: { version: number; definition: SurveyDefinition; indices?: IndexConfig[] | undefined },
): Promise<SurveyDetailOut> {
  const loaded = await loadManaged(ctx, id);
  const { row } = loaded;
  if (row.status === 'closed') throw conflict('survey.closed');
  if (row.version !== input.version) throw staleVersion('survey', row.version);
  const [latest] = await versionsOf(ctx.db, id);
  const indices = input.indices ?? (latest ? indicesOf(latest) : []);
  const problems = versionProblems(input.definition, indices);
  if (problems.length) throw definitionInvalid(ctx, problems);
  const hash = hashDefinition(input.definition);
  // The same questionnaire and formulas again: nothing to change.
  if (latest && latest.definitionHash === hash && canonicalJson(indicesOf(latest)) === canonicalJson(indices))
    return presentDetail(ctx, loaded);

  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [bumped] = await tx
      .update(surveys)
      .set({ version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(surveys.id, id), eq(surveys.version, input.version)))
      .returning();
    if (!bumped) throw staleVersion('survey', row.version);
    const [answered] = latest
      ? await tx
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(eq(surveyResponses.versionId, latest.id))
          .limit(1)
      : [];
    if (latest && !latest.publishedAt && !answered) {
      const [updated] = await tx
        .update(surveyVersions)
        .set({ definition: input.definition, indices, definitionHash: hash })
        .where(eq(surveyVersions.id, latest.id))
        .returning();
      await recordChange(c, {
        action: 'update',
        entity: 'survey_version',
        entityId: latest.id,
        before: {
          definition: definitionOf(latest),
          indices: indicesOf(latest),
          definitionHash: latest.definitionHash,
        },
        after: { definition: updated!.definition, indices: updated!.indices, definitionHash: hash },
      });
      return;
    }
    const [created] = await tx
      .insert(surveyVersions)
      .values({
        surveyId: id,
        number: (latest?.number ?? 0) + 1,
        definition: input.definition,
        indices,
        definitionHash: hash,
        templateKey: latest?.templateKey ?? null,
        publishedAt: row.status === 'open' ? new Date() : null,
        createdBy: ctx.actor?.user.id ?? null,
      })
      .returning();
    await recordChange(c, {
      action: 'create',
      entity: 'survey_version',
      entityId: created!.id,
      after: created,
    });
  });
  return presentDetail(ctx, await loadSurvey(ctx, id));
}

/** The current questionnaire as a workbook (the layout the import reads). */
export async function exportDefinition(ctx: RequestContext, id: string) {
  const { row } = await loadSurvey(ctx, id);
  const [latest] = await versionsOf(ctx.db, id);
  const buffer = await definitionWorkbook(definitionOf(latest!), row.title);
  return { buffer, fileName: `Phiếu khảo sát ${row.title} (phiên bản ${latest!.number}).xlsx` };
}

/**
 * A workbook as the survey's questionnaire: read whole before anything is written (every problem of the file,
 * then of the definition, refuses it), then saved as `saveDefinition` does — the same content again changes
 * nothing. The index formulas stay those of the current version.
 */
export async function importDefinition(
  ctx: RequestContext,
  id: string,
  upload: { buffer: Buffer; filename: string },
): Promise<SurveyDetailOut> {
  const { row } = await loadManaged(ctx, id);
  const read = await readDefinitionWorkbook(upload);
  if (read.problems.length) throw xlsformInvalid(ctx, read.problems);
  return saveDefinition(ctx, id, { version: row.version, definition: read.definition });
}
