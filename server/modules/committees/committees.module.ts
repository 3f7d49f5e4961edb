/** Steering committees, memberships by decision, members' monitoring assignments. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { seedCommittees } from './committees.demo.js';
import { committeesRoutes } from './committees.routes.js';
import { COMMITTEE_MESSAGES } from './committees.messages.js';

export const committeesModule = defineModule({
  name: 'committees',
  routes: [{ plugin: committeesRoutes, prefix: '/api' }],
  // The steering committees (after the accounts, which some members are linked to).
  demo: [{ order: 10, seed: (ctx, f) => seedCommittees(ctx, f.provinceId, f.unitIds) }],
  sections: [{ id: 'committees', roles: 'all', order: 60 }],
  messages: COMMITTEE_MESSAGES,
});
