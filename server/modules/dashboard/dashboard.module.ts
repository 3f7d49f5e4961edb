/**
 * The province dashboard (issue 18, item 1): "how is the province doing, and where is it stuck" — the key figures
 * of every module for a reporting window with their change and trend, the units where work is overdue, the
 * worst-moving figures and the overdue inspection recommendations, each count opening its records. The province
 * figure catalogue (./figures.service.ts) is the one place other modules read the province's figures from.
 * (The module's declaration: server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { FIGURE_READER_ROLES } from './figures.service.js';
import { DASHBOARD_MESSAGES } from './messages.js';

export const dashboardModule = defineModule({
  name: 'dashboard',
  routes: [{ plugin: dashboardRoutes, prefix: '/api' }],
  // First in the menus of the committee, the standing agency and administrators (before the home page, 10).
  sections: [{ id: 'province', roles: FIGURE_READER_ROLES, order: 5 }],
  messages: DASHBOARD_MESSAGES,
});
