/** Lunar calendar, public holidays and working days. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { calendarRoutes } from './calendar.routes.js';

export const calendarModule = defineModule({
  name: 'calendar',
  routes: [{ plugin: calendarRoutes, prefix: '/api/calendar' }],
  sections: [{ id: 'calendar', roles: 'all', order: 120 }],
});
