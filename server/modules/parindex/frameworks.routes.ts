/**
 * The PAR Index frameworks' API (issue 16): `/api/par/frameworks…`. Thin: each route declares who may call it; the
 * services check the province (./parindex.policy.ts) and journal every change.
 */
import { roles } from '../../core/access.js';
import { errorResponses, errorSchema, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredFilePart } from '../../core/upload.js';
import { sendDownload } from '../files/files.routes.js';
import { XLSX_MEDIA_TYPE } from '../files/content-type.js';
import {
  frameworkCreateIn,
  frameworkImportOut,
  frameworkImportQuery,
  frameworkListOut,
  frameworkListQuery,
  frameworkOut,
  frameworkPublishIn,
  frameworkSaveOut,
  frameworkUpdateIn,
} from './frameworks.schemas.js';
import {
  createFramework,
  exportFramework,
  importFramework,
  getFramework,
  listFrameworks,
  publishFramework,
  updateFramework,
} from './frameworks.service.js';
import { PAR_OFFICE, PAR_ROLES } from './parindex.policy.js';

const tags = ['par-index'];
const everyone = roles(...PAR_ROLES);
const office = roles(...PAR_OFFICE);

export async function frameworksRoutes(app: App) {
  app.get(
    '/par/frameworks',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "The criteria frameworks of the caller's province (every version) and the sets chidao ships",
        querystring: frameworkListQuery,
        response: { 200: frameworkListOut, ...errorResponses },
      },
    },
    async (request) => listFrameworks(signedIn(request), request.query),
  );

  app.post(
    '/par/frameworks',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'A new draft framework: from a shipped set, or a copy of a version (e.g. last year’s, forward)',
        body: frameworkCreateIn,
        response: { 201: frameworkOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createFramework(signedIn(request), request.body)),
  );

  app.get(
    '/par/frameworks/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One framework with its whole tree, grade bands and the campaigns that use it',
        params: idParams,
        response: { 200: frameworkOut, ...errorResponses },
      },
    },
    async (request) => getFramework(signedIn(request), request.params.id),
  );

  app.put(
    '/par/frameworks/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Edit a framework (checked: codes, sums, caps, bands). A published version or one a campaign uses is never changed: the edit becomes the next version (newVersion: true)',
        params: idParams,
        body: frameworkUpdateIn,
        response: { 200: frameworkSaveOut, ...errorResponses },
      },
    },
    async (request) => updateFramework(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/par/frameworks/:id/publish',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Publish a draft framework (campaigns may then use it)',
        params: idParams,
        body: frameworkPublishIn,
        response: { 200: frameworkOut, ...errorResponses },
      },
    },
    async (request) => publishFramework(signedIn(request), request.params.id, request.body.version),
  );

  app.get(
    '/par/frameworks/:id/export.xlsx',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'A framework version as an Excel workbook (the layout the import reads)',
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX_MEDIA_TYPE, await exportFramework(signedIn(request), request.params.id)),
  );

  app.post(
    '/par/frameworks/import',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Import a workbook (multipart field "file") as the next draft version of a year and group: every row valid or nothing (400 lists each problem); the same content again returns the existing version (200)',
        consumes: ['multipart/form-data'],
        querystring: frameworkImportQuery,
        response: {
          200: frameworkImportOut,
          201: frameworkImportOut,
          ...errorResponses,
          413: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const part = await requiredFilePart(request);
      // Bounded by the multipart limit (413 past it); parsed outside any transaction.
      const buffer = await part.toBuffer();
      const out = await importFramework(signedIn(request), request.query, {
        buffer,
        filename: part.filename,
      });
      return reply.status(out.created ? 201 : 200).send(out);
    },
  );
}
