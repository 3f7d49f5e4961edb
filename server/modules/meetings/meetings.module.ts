/** Committee sessions, conclusions turned into tasks, conclusion notices. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { seedDemoMeetings } from './meetings.demo.js';
import { MEETING_MESSAGES } from './meetings.messages.js';
import { meetingsRoutes } from './meetings.routes.js';

export const meetingsModule = defineModule({
  name: 'meetings',
  routes: [{ plugin: meetingsRoutes, prefix: '/api' }],
  // The committee's meetings 2023–2025: conclusions turned into tasks of those plans, one notice.
  demo: [{ order: 40, seed: (ctx, f) => seedDemoMeetings(ctx, f.provinceId, f.unitIds) }],
  sections: [{ id: 'meetings', roles: 'all', order: 70 }],
  messages: MEETING_MESSAGES,
});
