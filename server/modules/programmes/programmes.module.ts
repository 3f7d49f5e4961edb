/**
 * The province's multi-year reform programmes (issue 18, item 0): a Party resolution, programme or plan of the
 * steering committee for several years, its measurable targets with yearly milestones, each year's value (computed
 * by chidao or entered by hand with evidence) judged on track, at risk or off track, the yearly plans under it, and
 * its review report through the reports module. (The module's declaration: server/core/module.ts; the design:
 * ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { PROGRAMMES_MESSAGES } from './messages.js';
import { seedDemoProgrammes } from './programmes.demo.js';
import { PROGRAMME_READERS } from './programmes.policy.js';
import { programmesRoutes } from './programmes.routes.js';

export const programmesModule = defineModule({
  name: 'programmes',
  routes: [{ plugin: programmesRoutes, prefix: '/api' }],
  // The committee's and the standing agency's page: after the periodic reports (95) and the standings (95.5).
  sections: [{ id: 'programmes', roles: PROGRAMME_READERS, order: 95.7 }],
  messages: PROGRAMMES_MESSAGES,
  // Nghệ An's 2021–2025 and 2026–2030 programmes: after the committees (10), plans (20), documents, reports (50),
  // standings (80) and surveys (85), whose records they cite.
  demo: [{ order: 90, seed: (ctx, f) => seedDemoProgrammes(ctx, f) }],
});
