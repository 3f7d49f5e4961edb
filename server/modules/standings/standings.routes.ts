/**
 * The standings API (issue 16, item 7). Thin: each route declares who may call it (the first gate) and validates;
 * the services check the province (and an improvement's lead unit) on every record and journal every change.
 *
 * - `GET /api/standings`: each index by year and dimension, with change, target status and weakness;
 * - `PUT /api/standings/results`, `DELETE /api/standings/results/:id`: enter/correct, remove a result;
 * - `POST /api/standings/import`, `GET /api/standings/export.xlsx`: the workbook;
 * - `GET|PUT /api/standings/targets`, `DELETE /api/standings/targets/:id`: the province's targets;
 * - `/api/standings/improvements…`: weak dimensions given to a lead unit with a plan and its tasks.
 */
import { z } from 'zod';
import { roles } from '../../core/access.js';
import { errorResponses, errorSchema, idParams, type App } from '../../core/http.js';
import { translate } from '../../core/messages.js';
import { signedIn } from '../../core/request.js';
import { requiredFilePart } from '../../core/upload.js';
import { sendDownload } from '../files/files.routes.js';
import {
  editableProvince,
  deleteResult,
  deleteTarget,
  listTargets,
  standingsOverview,
  upsertResult,
  upsertTarget,
} from './standings.service.js';
import { exportWorkbook, importResults, XLSX_MEDIA_TYPE } from './exchange.service.js';
import {
  addImprovementTasks,
  createImprovement,
  getImprovement,
  listImprovements,
  planOptions,
  updateImprovement,
} from './improvements.service.js';
import { STANDINGS_OFFICE, STANDINGS_READERS, STANDINGS_ROLES } from './standings.policy.js';
import {
  deleteQuery,
  exportQuery,
  importOut,
  importQuery,
  improvementIn,
  improvementListOut,
  improvementListQuery,
  improvementOut,
  improvementTasksIn,
  improvementUpdateIn,
  overviewOut,
  overviewQuery,
  planOptionsOut,
  planOptionsQuery,
  resultIn,
  resultOut,
  targetIn,
  targetListOut,
  targetListQuery,
  targetOut,
} from './standings.schemas.js';

const tags = ['standings'];
const office = roles(...STANDINGS_OFFICE);
const readers = roles(...STANDINGS_READERS);
const everyone = roles(...STANDINGS_ROLES);
const noContent = { 204: z.null(), ...errorResponses };

/** A refused import: the error, and every problem by row and column. */
const invalidOut = errorSchema.extend({ problems: z.array(importOut.shape.problems.element).optional() });

export async function standingsRoutes(app: App) {
  app.get(
    '/standings',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          "The province's published results in PAR Index, SIPAS and PAPI by year and dimension: change from last year, target and status, weakness",
        querystring: overviewQuery,
        response: { 200: overviewOut, ...errorResponses },
      },
    },
    async (request) => standingsOverview(signedIn(request), request.query),
  );

  app.put(
    '/standings/results',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Enter (no version) or correct (the version read) one published result of an index, year and dimension',
        body: resultIn,
        response: { 200: resultOut, 201: resultOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, result } = await upsertResult(signedIn(request), request.body);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/standings/results/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Remove a result entered by mistake (version-checked)',
        params: idParams,
        querystring: deleteQuery,
        response: noContent,
      },
    },
    async (request, reply) => {
      await deleteResult(signedIn(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/standings/export.xlsx',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'The results workbook: every index, year and dimension of the years asked, prefilled (the import template), the guide, the targets',
        querystring: exportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX_MEDIA_TYPE, await exportWorkbook(signedIn(request), request.query)),
  );

  app.post(
    '/standings/import',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Import results from the workbook (multipart field "file"): every row valid or nothing written (400 lists the problems); rows equal to the stored results change nothing. dryRun=true only checks.',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: {
          200: importOut,
          ...errorResponses,
          400: invalidOut,
          413: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      // Who may import is known before the upload is read.
      await editableProvince(ctx, request.query.provinceId);
      const part = await requiredFilePart(request);
      const buffer = await part.toBuffer();
      const outcome = await importResults(
        ctx,
        { buffer, filename: part.filename },
        {
          dryRun: request.query.dryRun,
          provinceId: request.query.provinceId,
          sourceDocumentId: request.query.sourceDocumentId,
        },
      );
      if (outcome.kind === 'invalid' && !request.query.dryRun) {
        const problems = outcome.out.problems;
        const params = { errors: problems.length, rows: new Set(problems.map((p) => p.row)).size };
        return reply.status(400).send({
          error: {
            code: 'IMPORT_INVALID',
            key: 'standings.import.invalid',
            params,
            message: translate(ctx.locale, 'standings.import.invalid', params),
            requestId: request.id,
          },
          problems,
        });
      }
      return reply.status(200).send(outcome.out);
    },
  );

  // Targets ------------------------------------------------------------------------------------------
  app.get(
    '/standings/targets',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "The province's targets (a value or a rank to reach) by index, year and dimension",
        querystring: targetListQuery,
        response: { 200: targetListOut, ...errorResponses },
      },
    },
    async (request) => listTargets(signedIn(request), request.query),
  );

  app.put(
    '/standings/targets',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Set a target (no version: new; else the version read)',
        body: targetIn,
        response: { 200: targetOut, 201: targetOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, target } = await upsertTarget(signedIn(request), request.body);
      return reply.status(created ? 201 : 200).send(target);
    },
  );

  app.delete(
    '/standings/targets/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Remove a target (version-checked)',
        params: idParams,
        querystring: deleteQuery,
        response: noContent,
      },
    },
    async (request, reply) => {
      await deleteTarget(signedIn(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  // Improvements -------------------------------------------------------------------------------------
  app.get(
    '/standings/improvements',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "Improvements of weak dimensions with their plan's tasks and progress: all for the province's readers, their units' own for focal points and unit leaders",
        querystring: improvementListQuery,
        response: { 200: improvementListOut, ...errorResponses },
      },
    },
    async (request) => listImprovements(signedIn(request), request.query),
  );

  app.get(
    '/standings/improvements/plan-options',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Plans an improvement's tasks may go into: the lead unit's own plans of the year, the province's",
        querystring: planOptionsQuery,
        response: { 200: planOptionsOut, ...errorResponses },
      },
    },
    async (request) => planOptions(signedIn(request), request.query),
  );

  app.post(
    '/standings/improvements',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Give a weak dimension to a lead unit: a new plan of the unit (or an existing one) and its first tasks, tracked in the steering loop',
        body: improvementIn,
        response: { 201: improvementOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createImprovement(signedIn(request), request.body)),
  );

  app.get(
    '/standings/improvements/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One improvement: the weak result, the plan, its tasks and progress',
        params: idParams,
        response: { 200: improvementOut, ...errorResponses },
      },
    },
    async (request) => getImprovement(signedIn(request), request.params.id),
  );

  app.patch(
    '/standings/improvements/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Change the reason (version-checked)',
        params: idParams,
        body: improvementUpdateIn,
        response: { 200: improvementOut, ...errorResponses },
      },
    },
    async (request) => updateImprovement(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/standings/improvements/:id/tasks',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "More tasks in the improvement's plan (the improvement's version is checked)",
        params: idParams,
        body: improvementTasksIn,
        response: { 200: improvementOut, ...errorResponses },
      },
    },
    async (request) => addImprovementTasks(signedIn(request), request.params.id, request.body),
  );
}
