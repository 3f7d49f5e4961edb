import path from 'node:path';
import { z } from 'zod';
import { roles } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { createBackup, journalBackup, type BackupSummary } from './backup.service.js';

export const backupOut = z.object({
  /** The archive's name in `<data dir>/backups/`. */
  name: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  tables: z.number(),
  rows: z.number(),
  files: z.number(),
  filesBytes: z.number(),
  /** Files the database referred to that were removed from the store while the backup ran. */
  missingFiles: z.number(),
});

/** The backups directory of an installation. */
export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

/**
 * `POST /api/system/backup`: the running server backs itself up into `<data dir>/backups/` — the way to
 * back up the embedded database while the server holds it (`chidao backup` calls it then). One at a time.
 */
export async function backupRoutes(app: App) {
  let running = false;
  app.post(
    '/system/backup',
    {
      config: { access: roles('admin') },
      schema: {
        tags: ['system'],
        summary: 'Back up the database and the stored files now (administrators)',
        response: { 200: backupOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      if (running) throw new AppError(409, 'BACKUP_RUNNING', 'backup.running');
      running = true;
      let summary: BackupSummary;
      try {
        summary = await createBackup(
          {
            db: app.database.db,
            engine: app.database.engine,
            filesRoot: path.join(app.config.dataDir, 'files'),
          },
          { dir: backupsDir(app.config.dataDir) },
        );
      } finally {
        running = false;
      }
      await journalBackup(ctx, summary);
      request.log.info({ backup: summary.name, sizeBytes: summary.sizeBytes }, 'backup written');
      return {
        name: summary.name,
        sizeBytes: summary.sizeBytes,
        createdAt: summary.createdAt,
        tables: summary.tables,
        rows: summary.rows,
        files: summary.files,
        filesBytes: summary.filesBytes,
        missingFiles: summary.missingFiles.length,
      };
    },
  );
}
