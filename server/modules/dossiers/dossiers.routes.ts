import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import {
  createProcedure,
  dossierIndicators,
  getDossier,
  importProcedures,
  listProcedures,
  updateProcedure,
  upsertDossiers,
} from './dossiers.service.js';
import {
  dossierBatchIn,
  dossierBatchOut,
  dossierOut,
  indicatorsQuery,
  indicatorsResponse,
  procedureCreateIn,
  procedureListOut,
  procedureListQuery,
  procedureOut,
  procedureImportIn,
  procedureImportOut,
  procedureUpdateIn,
} from './dossiers.schemas.js';

const tags = ['dossiers'];

export async function dossiersRoutes(app: App) {
  app.get(
    '/dossiers/procedures',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'The catalogue of administrative procedures (code of the national procedure database)',
        querystring: procedureListQuery,
        response: { 200: procedureListOut, ...errorResponses },
      },
    },
    async (request) => listProcedures(signedIn(request), request.query),
  );

  app.post(
    '/dossiers/procedures',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Add a procedure to the catalogue (admin, standing agency)',
        body: procedureCreateIn,
        response: { 201: procedureOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProcedure(signedIn(request), request.body)),
  );

  app.post(
    '/dossiers/procedures/import',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Import a procedure catalogue file (CSV: Mã TTHC, Tên thủ tục, Lĩnh vực, Cấp thực hiện, Thời hạn giải quyết, Mức độ DVC, Công khai), all or nothing (admin, standing agency)',
        body: procedureImportIn,
        response: { 200: procedureImportOut, ...errorResponses },
      },
    },
    async (request) => importProcedures(signedIn(request), request.body),
  );

  app.patch(
    '/dossiers/procedures/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          "Change a procedure's online level (NĐ 42/2022: none / một phần / toàn trình), publication or time limit (admin, standing agency; version-checked)",
        params: z.object({ id: z.uuid() }),
        body: procedureUpdateIn,
        response: { 200: procedureOut, ...errorResponses },
      },
    },
    async (request) => updateProcedure(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/dossiers/batch',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Create or update dossiers by code, all or nothing; the rollups follow in the same transaction (admin, standing agency)',
        body: dossierBatchIn,
        response: { 200: dossierBatchOut, ...errorResponses },
      },
    },
    async (request) => upsertDossiers(signedIn(request), request.body.dossiers),
  );

  app.get(
    '/dossiers/indicators',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Dossier indicators of a period (Gia Lai statistics, QĐ 766/QĐ-TTg) by unit, field or procedure, from the daily rollups',
        querystring: indicatorsQuery,
        response: { 200: indicatorsResponse, ...errorResponses },
      },
    },
    async (request) => dossierIndicators(signedIn(request), request.query),
  );

  app.get(
    '/dossiers/by-code/:code',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'One dossier with its timing as of a day (early / on time / late; not yet due / due soon / overdue)',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: z.object({ asOf: z.iso.date().optional() }),
        response: { 200: dossierOut, ...errorResponses },
      },
    },
    async (request) => getDossier(signedIn(request), request.params.code, request.query.asOf),
  );
}
