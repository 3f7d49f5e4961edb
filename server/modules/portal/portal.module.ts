/**
 * The public portal (issue 18, items 3–4): what the province promised and delivered, public without signing in —
 * PAR Index results, dossier figures, the committee's plan, pilot units, the hotline's answers, open data — as the
 * standing agency chooses. (The module's declaration: server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { PORTAL_MESSAGES } from './messages.js';
import { seedDemoPortal } from './portal.demo.js';
import { PORTAL_READERS } from './portal.policy.js';
import { portalRoutes } from './portal.routes.js';

export const portalModule = defineModule({
  name: 'portal',
  routes: [{ plugin: portalRoutes, prefix: '/api' }],
  // The standing agency's page (the committee reads it): last, after the hotline's settings (99).
  sections: [{ id: 'portal', roles: PORTAL_READERS, order: 99.5 }],
  messages: PORTAL_MESSAGES,
  // After every module it publishes from (plans 20, pilots 30, hotline 60, parindex 80, programmes 90).
  demo: [{ order: 95, seed: (ctx, f) => seedDemoPortal(ctx, f) }],
});
