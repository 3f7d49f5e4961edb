import { SESSION, TOKEN } from '../../../core/access.js';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { errorResponses, type App } from '../../../core/http.js';
import { signedIn } from '../../../core/request.js';
import { dossierBatchOut } from '../dossiers.schemas.js';
import {
  claimableImports,
  createMapping,
  createToken,
  deleteMapping,
  getImport,
  ingestDossiers,
  kickImport,
  listImports,
  listMappings,
  listTokens,
  presentJob,
  resumableImport,
  revokeToken,
  settleImports,
  startImport,
  updateMapping,
  type RunDeps,
} from './dossiers-import.service.js';
import {
  importJobOut,
  importListOut,
  importStartOut,
  importStartQuery,
  ingestIn,
  mappingIn,
  mappingListOut,
  mappingOut,
  mappingUpdateIn,
  tokenCreatedOut,
  tokenIn,
  tokenOut,
} from './dossiers-import.schemas.js';

const tags = ['dossiers'];
const idParams = z.object({ id: z.uuid() });
/** How often a server looks for imports left unfinished (a restart, a crashed process). */
const RESUME_EVERY_MS = 30_000;

/** File imports, column mappings, API tokens and the HTTP ingest of dossiers (prefix `/api`). */
export async function dossiersImportRoutes(app: App) {
  const deps: RunDeps = {
    db: app.database.db,
    store: app.fileStore,
    log: (msg, err) => app.log.error({ err }, msg),
    pool: app.workerPool,
  };

  // Unfinished imports continue when the server listens, then are looked for periodically (not under
  // inject(), i.e. not in tests: they resume explicitly).
  let timer: NodeJS.Timeout | null = null;
  const resumeAll = async () => {
    for (const id of await claimableImports(deps.db)) void kickImport(deps, id);
  };
  app.addHook('onListen', async () => {
    void resumeAll().catch((err: unknown) => app.log.error({ err }, 'dossier imports: resume failed'));
    timer = setInterval(() => {
      void resumeAll().catch((err: unknown) => app.log.error({ err }, 'dossier imports: resume failed'));
    }, RESUME_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await settleImports();
  });

  app.get(
    '/dossiers/import-mappings',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Saved column mappings of one-stop exports, and the documented default (admin, standing agency)',
        response: { 200: mappingListOut, ...errorResponses },
      },
    },
    async (request) => listMappings(signedIn(request)),
  );

  app.post(
    '/dossiers/import-mappings',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Save a column mapping for a source system',
        body: mappingIn,
        response: { 201: mappingOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createMapping(signedIn(request), request.body)),
  );

  app.put(
    '/dossiers/import-mappings/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Change a column mapping (optimistic version)',
        params: idParams,
        body: mappingUpdateIn,
        response: { 200: mappingOut, ...errorResponses },
      },
    },
    async (request) => updateMapping(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/dossiers/import-mappings/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Delete a column mapping (past imports keep the mapping they used)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteMapping(signedIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/dossiers/imports',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Import dossiers from a CSV or XLSX export (multipart field "file"), streamed, validated row by row and written all or nothing; runs in the background (poll GET /dossiers/imports/:id). The same file again returns its first import.',
        consumes: ['multipart/form-data'],
        querystring: importStartQuery,
        response: { 200: importStartOut, 202: importStartOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const maxBytes = app.config.dossierImportMaxBytes;
      const part = await request.file({ limits: { fileSize: maxBytes } });
      if (!part)
        throw new AppError(400, 'FILE_MISSING', 'file.missing', { field: 'file' }, [
          { field: 'file', message: 'file.missing' },
        ]);
      const { job, replayed } = await startImport(ctx, app.fileStore, {
        content: part.file,
        fileName: part.filename,
        mappingId: request.query.mappingId,
        maxBytes,
      });
      if (!replayed) void kickImport(deps, job.id);
      return reply.status(replayed ? 200 : 202).send({ job: presentJob(job, ctx.locale), replayed });
    },
  );

  app.get(
    '/dossiers/imports',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'The latest imports (newest first)',
        response: { 200: importListOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await listImports(signedIn(request)) }),
  );

  app.get(
    '/dossiers/imports/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'One import: phase, progress, counts and the first row errors',
        params: idParams,
        response: { 200: importJobOut, ...errorResponses },
      },
    },
    async (request) => getImport(signedIn(request), request.params.id),
  );

  app.post(
    '/dossiers/imports/:id/resume',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Continue an unfinished import (after a crash) from its last staged row',
        params: idParams,
        response: { 202: importJobOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const job = await resumableImport(ctx, request.params.id);
      void kickImport(deps, job.id);
      return reply.status(202).send(presentJob(job, ctx.locale));
    },
  );

  app.get(
    '/dossiers/ingest-tokens',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'API tokens of systems that push dossiers (administrators)',
        response: { 200: z.object({ items: z.array(tokenOut) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTokens(signedIn(request)) }),
  );

  app.post(
    '/dossiers/ingest-tokens',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Create an API token for a source, writing within one unit’s subtree (shown once)',
        body: tokenIn,
        response: { 201: tokenCreatedOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createToken(signedIn(request), request.body)),
  );

  app.post(
    '/dossiers/ingest-tokens/:id/revoke',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: idParams,
        response: { 200: tokenOut, ...errorResponses },
      },
    },
    async (request) => revokeToken(signedIn(request), request.params.id),
  );

  app.post(
    '/dossiers/ingest',
    {
      config: { access: TOKEN },
      schema: {
        tags,
        summary:
          'Push dossiers (batch JSON) with an API token (`Authorization: Bearer …`, no session, no CSRF token): validated like an import, upserted by code, all or nothing',
        body: ingestIn,
        response: { 200: dossierBatchOut, ...errorResponses },
      },
    },
    async (request) => ingestDossiers(request.ctx, request.headers.authorization, request.body.dossiers),
  );
}
