/** The unit registry: dated units, lineage, restatement, the GSO import. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { unitsRoutes } from './units.routes.js';
import { STALE_LINK_MESSAGES } from './stale-links.messages.js';
import { staleLinksRoutes } from './stale-links.routes.js';

export const unitsModule = defineModule({
  name: 'units',
  routes: [
    { plugin: unitsRoutes, prefix: '/api' },
    { plugin: staleLinksRoutes, prefix: '/api' },
  ],
  messages: STALE_LINK_MESSAGES,
  sections: [{ id: 'units', roles: 'all', order: 30 }],
});
