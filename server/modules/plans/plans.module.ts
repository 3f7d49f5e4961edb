/** Yearly plans and their tasks, the plan dashboard, Excel import/export. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { IMPORT_MESSAGES } from './excel-template.js';
import { planTaskKind } from './plan-task.work-kind.js';
import { plansExchangeRoutes } from './plans-exchange.routes.js';
import { seedDemoPlans, seedUnitPlans } from './plans.demo.js';
import { plansRoutes } from './plans.routes.js';

export const plansModule = defineModule({
  name: 'plans',
  routes: [
    { plugin: plansRoutes, prefix: '/api' },
    { plugin: plansExchangeRoutes, prefix: '/api' },
    { plugin: dashboardRoutes, prefix: '/api' },
  ],
  sections: [{ id: 'plans', roles: 'all', order: 80 }],
  workKinds: [planTaskKind],
  // The committee's yearly plans 2023–2025 with their tasks in every state, and units' own plans.
  demo: [
    {
      order: 20,
      async seed(ctx, f) {
        await seedDemoPlans(ctx, f.provinceId, f.documentIds.get('1830-QĐ/TU') ?? null);
        await seedUnitPlans(ctx, f.provinceId);
        return true;
      },
    },
  ],
  messages: IMPORT_MESSAGES,
});
