import { SESSION } from '../../../core/access.js';
import { errorResponses, idParams, type App } from '../../../core/http.js';
import { signedIn } from '../../../core/request.js';
import { sendStoredFile } from '../../files/files.routes.js';
import {
  claimableExports,
  expireExports,
  exportFile,
  getExport,
  kickExport,
  listMyExports,
  presentExport,
  requestExport,
  settleExports,
  type ExportDeps,
} from './dossiers-export.service.js';
import { exportIn, exportJobOut, exportListOut } from './dossiers-export.schemas.js';

const tags = ['dossiers'];
/** How often a server looks for exports left waiting (a restart) and removes expired workbooks. */
const SWEEP_EVERY_MS = 60_000;

/** Excel exports of the dossier dashboard, made in the background (prefix `/api`). */
export async function dossiersExportRoutes(app: App) {
  const deps: ExportDeps = {
    db: app.database.db,
    store: app.fileStore,
    settings: app.config.dossierExports,
    log: (msg, err) => app.log.error({ err }, msg),
    pool: app.workerPool,
  };

  // Waiting exports are worked and expired workbooks removed when the server listens, then periodically
  // (not under inject(), i.e. not in tests: they call the service).
  let timer: NodeJS.Timeout | null = null;
  const sweep = async () => {
    for (const id of await claimableExports(deps.db)) void kickExport(deps, id);
    await expireExports(deps);
  };
  const sweepLogged = () =>
    void sweep().catch((err: unknown) => app.log.error({ err }, 'dossier exports: sweep failed'));
  app.addHook('onListen', async () => {
    sweepLogged();
    timer = setInterval(sweepLogged, SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await settleExports();
  });

  app.post(
    '/dossiers/exports',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Export the dossier dashboard view to Excel in the background (by unit or procedure, by field, by month, optionally the dossiers of one class); poll GET /dossiers/exports/:id',
        body: exportIn,
        response: { 202: exportJobOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const job = await requestExport(ctx, request.body);
      void kickExport(deps, job.id);
      return reply.status(202).send(presentExport(job, ctx.locale, deps.settings));
    },
  );

  app.get(
    '/dossiers/exports',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'My latest exports (newest first)',
        response: { 200: exportListOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await listMyExports(signedIn(request), deps.settings) }),
  );

  app.get(
    '/dossiers/exports/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'One of my exports: phase, progress, rows written, the download when done',
        params: idParams,
        response: { 200: exportJobOut, ...errorResponses },
      },
    },
    async (request) => getExport(signedIn(request), request.params.id, deps.settings),
  );

  app.get(
    '/dossiers/exports/:id/download',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'The workbook of a finished export (its owner or an administrator); 409 while it is made, 410 once expired',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exportFile(signedIn(request), request.params.id);
      return sendStoredFile(reply, app.fileStore, file);
    },
  );
}
