/** The register of legal documents. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { documentsRoutes } from './documents.routes.js';

export const documentsModule = defineModule({
  name: 'documents',
  routes: [{ plugin: documentsRoutes, prefix: '/api' }],
  sections: [{ id: 'documents', roles: 'all', order: 20 }],
});
