/** Backup and restore of the database and the stored files. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { backupRoutes } from './backup.routes.js';
import { BACKUP_MESSAGES } from './messages.js';

export const backupModule = defineModule({
  name: 'backup',
  routes: [{ plugin: backupRoutes, prefix: '/api' }],
  messages: BACKUP_MESSAGES,
});
