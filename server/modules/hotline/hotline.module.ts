/** The public feedback hotline: intake, triage, answers, publication, tracking. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { feedbackCaseKind } from './feedback.work-kind.js';
import { HOTLINE_ROLES } from './hotline.policy.js';
import { hotlineRoutes } from './hotline.routes.js';
import { hotlineStatsRoutes } from './stats/stats.routes.js';
import { seedDemoHotline } from './hotline.demo.js';
import { HOTLINE_MESSAGES } from './messages.js';
import { open311Routes } from './open311/open311.routes.js';
import { sweepStatusUpdates } from './status-updates.service.js';

export const hotlineModule = defineModule({
  name: 'hotline',
  routes: [
    { plugin: hotlineRoutes, prefix: '/api' },
    { plugin: hotlineStatsRoutes, prefix: '/api' },
    // Open311 GeoReport v2 (./open311/README.md): categories as services, cases as requests.
    { plugin: open311Routes, prefix: '/open311/v2' },
  ],
  sections: [
    { id: 'hotline', roles: HOTLINE_ROLES, order: 97 },
    { id: 'hotline.stats', roles: HOTLINE_ROLES, order: 98 },
    // Read by everyone who works with the hotline (GET /api/hotline/settings); changed by the standing agency.
    { id: 'hotline.settings', roles: HOTLINE_ROLES, order: 99 },
  ],
  workKinds: [feedbackCaseKind],
  // Followers hear where an open case stands every few working days (./status-updates.service.ts).
  jobs: [sweepStatusUpdates],
  // Open311's texts (./open311/open311.messages.ts) stay out of the catalogs: they are for integrators and name the
  // spec's parameters (api_key, start_date…), which the people's messages never do.
  messages: HOTLINE_MESSAGES,
  // The hotline's cases of 2026, after the committees, plans and reports.
  demo: [{ order: 60, seed: (ctx, f) => seedDemoHotline(ctx, f.provinceId, f.unitIds) }],
});
