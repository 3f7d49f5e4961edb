/** The public feedback hotline: intake, triage, answers, publication, tracking. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { feedbackCaseKind } from './feedback.work-kind.js';
import { HOTLINE_ROLES } from './hotline.policy.js';
import { hotlineRoutes } from './hotline.routes.js';
import { seedDemoHotline } from './hotline.demo.js';
import { HOTLINE_MESSAGES } from './messages.js';

export const hotlineModule = defineModule({
  name: 'hotline',
  routes: [{ plugin: hotlineRoutes, prefix: '/api' }],
  sections: [{ id: 'hotline', roles: HOTLINE_ROLES, order: 97 }],
  workKinds: [feedbackCaseKind],
  messages: HOTLINE_MESSAGES,
  // The hotline's cases of 2026, after the committees, plans and reports.
  demo: [{ order: 60, seed: (ctx, f) => seedDemoHotline(ctx, f.provinceId, f.unitIds) }],
});
