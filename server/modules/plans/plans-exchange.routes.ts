import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, errorSchema, idParams, type App } from '../../core/http.js';
import { translate } from '../../core/messages.js';
import { signedIn } from '../../core/request.js';
import { requiredFilePart } from '../../core/upload.js';
import { sendDownload } from '../files/files.routes.js';
import { progressReport, progressWorkbook } from './plans-export.service.js';
import {
  importTasks,
  managedPlan,
  planImportHistory,
  taskTemplate,
  XLSX_MEDIA_TYPE,
} from './plans-import.service.js';
import {
  asOfQuery,
  importListOut,
  importPreviewOut,
  importQuery,
  importResultOut,
  importRowErrorOut,
} from './plans.schemas.js';

const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A refused import: the error, and every refused cell. */
const invalidOut = errorSchema.extend({ rows: z.array(importRowErrorOut).optional() });

export async function plansExchangeRoutes(app: App) {
  app.get(
    '/plans/:id/tasks/template.xlsx',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'The Excel template for importing tasks into this plan (sheets: Nhiệm vụ, Hướng dẫn, Danh mục đơn vị, Danh mục lĩnh vực)',
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX_MEDIA_TYPE, await taskTemplate(signedIn(request), request.params.id)),
  );

  app.post(
    '/plans/:id/tasks/import',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'Import tasks from the Excel template (multipart field "file"): every row valid or nothing written (400 lists the rows); the same file again returns the first result. dryRun=true only validates.',
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: importQuery,
        response: {
          200: z.union([importResultOut, importPreviewOut]),
          201: importResultOut,
          ...errorResponses,
          400: invalidOut,
          413: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      await managedPlan(ctx, request.params.id);
      const part = await requiredFilePart(request);
      // Bounded by the multipart limit (413 past it); parsed outside any transaction.
      const buffer = await part.toBuffer();
      const outcome = await importTasks(
        ctx,
        app.fileStore,
        request.params.id,
        { buffer, filename: part.filename },
        { dryRun: request.query.dryRun ?? false, maxBytes: app.config.uploadMaxBytes },
      );
      if (outcome.kind === 'dry_run') {
        const { kind: _kind, ...rest } = outcome;
        return reply.status(200).send({ dryRun: true as const, ...rest });
      }
      if (outcome.kind === 'invalid') {
        const params = { errors: outcome.rows.length, rows: new Set(outcome.rows.map((r) => r.row)).size };
        return reply.status(400).send({
          error: {
            code: 'IMPORT_INVALID',
            key: 'plan_import.invalid',
            params,
            message: translate(ctx.locale, 'plan_import.invalid', params),
            requestId: request.id,
          },
          rows: outcome.rows,
        });
      }
      return reply
        .status(outcome.kind === 'created' ? 201 : 200)
        .send({ ...outcome.batch, replayed: outcome.kind === 'replayed' });
    },
  );

  app.get(
    '/plans/:id/imports',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "A plan's Excel imports, newest first",
        params: idParams,
        response: { 200: importListOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await planImportHistory(signedIn(request), request.params.id) }),
  );

  app.get(
    '/plans/:id/export.xlsx',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "The plan's progress as Excel: tasks with timing and last progress, and the KPIs",
        params: idParams,
        querystring: asOfQuery,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        XLSX_MEDIA_TYPE,
        await progressWorkbook(signedIn(request), request.params.id, request.query.asOf),
      ),
  );

  app.get(
    '/plans/:id/report.docx',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'Progress report (BÁO CÁO) in the administrative document layout of Decree 30/2020/NĐ-CP, as of a date',
        params: idParams,
        querystring: asOfQuery,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        DOCX_MEDIA_TYPE,
        await progressReport(signedIn(request), request.params.id, request.query.asOf),
      ),
  );
}
