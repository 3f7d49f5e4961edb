/** The landing page of every role and the member's cockpit. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { homeRoutes } from './home.routes.js';

export const homeModule = defineModule({
  name: 'home',
  routes: [{ plugin: homeRoutes, prefix: '/api' }],
  sections: [
    { id: 'home', roles: 'all', order: 10 },
    { id: 'cockpit', roles: ['committee_leader', 'committee_member'], order: 110 },
  ],
});
