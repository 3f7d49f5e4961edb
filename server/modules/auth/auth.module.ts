/** Sign-in, sessions, password policy, CSRF; the user's own profile. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { authRoutes } from './auth.routes.js';

export const authModule = defineModule({
  name: 'auth',
  routes: [{ plugin: authRoutes, prefix: '/api/auth' }],
  sections: [{ id: 'profile', roles: 'all', order: 140 }],
});
