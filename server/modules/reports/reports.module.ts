/** Periodic reports: forms, assignments, rounds, unit reports, consolidation. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { REPORT_FORM_MESSAGES } from './form/index.js';
import { REPORTS_MESSAGES } from './messages.js';
import { periodicReportKind } from './report.work-kind.js';
import { REPORT_ROLES } from './reports.policy.js';
import { seedDemoReports } from './reports.demo.js';
import { reportsRoutes } from './reports.routes.js';

export const reportsModule = defineModule({
  name: 'reports',
  routes: [{ plugin: reportsRoutes, prefix: '/api' }],
  sections: [{ id: 'reports', roles: REPORT_ROLES, order: 95 }],
  workKinds: [periodicReportKind],
  messages: { ...REPORT_FORM_MESSAGES, ...REPORTS_MESSAGES },
  // The 2026 reporting rounds of the departments, after the plans, committees and pilots.
  demo: [{ order: 50, seed: (ctx, f) => seedDemoReports(ctx, f.provinceId, f.unitIds) }],
});
