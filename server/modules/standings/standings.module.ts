/**
 * The province's standing in the national indices (issue 16, item 7): PAR Index, SIPAS and PAPI results by year and
 * dimension, targets, weakness, and improvements given to lead units with plans tracked in the steering loop.
 * (The module's declaration: server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { STANDINGS_MESSAGES } from './messages.js';
import { seedDemoStandings } from './standings.demo.js';
import { STANDINGS_ROLES } from './standings.policy.js';
import { standingsRoutes } from './standings.routes.js';

export const standingsModule = defineModule({
  name: 'standings',
  routes: [{ plugin: standingsRoutes, prefix: '/api' }],
  // The leaders' and the standing agency's page; lead units' people see their improvements on it.
  // After the periodic reports (95) and before inspections (96).
  sections: [{ id: 'standings', roles: STANDINGS_ROLES, order: 95.5 }],
  messages: STANDINGS_MESSAGES,
  // Nghệ An's 2023 and 2024 results, targets, and an improvement with its plan: after plans (20) and inspections (75).
  demo: [{ order: 80, seed: (ctx, f) => seedDemoStandings(ctx, f) }],
});
