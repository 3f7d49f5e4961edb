/** The engine of the work units owe: actions, evidence, history, queues. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { WORK_MESSAGES } from './messages.js';
import { workRoutes } from './work.routes.js';

export const workModule = defineModule({
  name: 'work',
  routes: [{ plugin: workRoutes, prefix: '/api' }],
  messages: WORK_MESSAGES,
});
