/** System: health, readiness, operations. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { systemRoutes } from './system.routes.js';

export const systemModule = defineModule({
  name: 'system',
  routes: [{ plugin: systemRoutes, prefix: '' }],
});
