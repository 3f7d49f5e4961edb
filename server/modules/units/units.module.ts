/** The unit registry: dated units, lineage, restatement, the GSO import. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { unitsRoutes } from './units.routes.js';

export const unitsModule = defineModule({
  name: 'units',
  routes: [{ plugin: unitsRoutes, prefix: '/api' }],
  sections: [{ id: 'units', roles: 'all', order: 30 }],
});
