/** Roles, grants over unit subtrees, first-administrator bootstrap. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { accessRoutes } from './access.routes.js';

export const accessModule = defineModule({
  name: 'access',
  routes: [{ plugin: accessRoutes, prefix: '/api' }],
});
