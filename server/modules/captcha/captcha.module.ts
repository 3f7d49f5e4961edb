/** The proof-of-work captcha of public forms. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { captchaRoutes } from './captcha.routes.js';
import { CAPTCHA_MESSAGES } from './messages.js';

export const captchaModule = defineModule({
  name: 'captcha',
  routes: [{ plugin: captchaRoutes, prefix: '/api' }],
  messages: CAPTCHA_MESSAGES,
});
