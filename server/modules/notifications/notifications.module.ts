/** The in-app inbox, e-mail, deadline reminders. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { NOTIFICATION_MESSAGES } from './messages.js';
import { notificationsRoutes } from './notifications.routes.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  routes: [{ plugin: notificationsRoutes, prefix: '/api/notifications' }],
  sections: [{ id: 'notifications', roles: 'all', order: 130 }],
  messages: NOTIFICATION_MESSAGES,
});
