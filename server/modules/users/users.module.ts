/** Accounts. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { usersRoutes } from './users.routes.js';

export const usersModule = defineModule({
  name: 'users',
  routes: [{ plugin: usersRoutes, prefix: '/api/users' }],
  sections: [{ id: 'users', roles: ['admin'], order: 40 }],
});
