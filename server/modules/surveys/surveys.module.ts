/**
 * Satisfaction and governance surveys (issue 17): SIPAS-like, DDCI-like and the PAR Index's sociological survey —
 * the builder and its versions, targets and quotas, invitations and QR posters, the public form (anonymous where it
 * promises), anti-stuffing, results and indices that feed the PAR Index. (The module's declaration:
 * server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { SURVEY_MESSAGES } from './messages.js';
import { PUBLIC_SURVEY_MESSAGES } from './public.messages.js';
import { publicSurveyRoutes } from './public.routes.js';
import { remindInvitationsJob } from './reminders.job.js';
import { seedDemoSurveys } from './surveys.demo.js';
import { SURVEY_ROLES } from './surveys.policy.js';
import { surveysRoutes } from './surveys.routes.js';

export const surveysModule = defineModule({
  name: 'surveys',
  routes: [
    { plugin: surveysRoutes, prefix: '/api' },
    // The public form's API: no session, never personal data (./public.routes.ts).
    { plugin: publicSurveyRoutes, prefix: '/api' },
  ],
  sections: [{ id: 'surveys', roles: SURVEY_ROLES, order: 96.95 }],
  messages: { ...SURVEY_MESSAGES, ...PUBLIC_SURVEY_MESSAGES },
  // Reminders to invitees who have not answered yet (a few days apart, at most a few times).
  jobs: [remindInvitationsJob],
  // The 2026 SIPAS survey at Nghệ An's one-stop counters with its answers, after the PAR Index (its 2026 campaign).
  demo: [{ order: 85, seed: (ctx, facts) => seedDemoSurveys(ctx, facts) }],
});
