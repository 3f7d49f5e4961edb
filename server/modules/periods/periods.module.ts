/** Reporting periods, data windows and due dates as versioned rule sets. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { periodsRoutes } from './periods.routes.js';

export const periodsModule = defineModule({
  name: 'periods',
  routes: [{ plugin: periodsRoutes, prefix: '/api' }],
});
