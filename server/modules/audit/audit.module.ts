/** The append-only journal and record history. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule = defineModule({
  name: 'audit',
  routes: [{ plugin: auditRoutes, prefix: '/api/audit' }],
  sections: [{ id: 'audit', roles: ['admin'], order: 50 }],
});
