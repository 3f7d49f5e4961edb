/**
 * PAR inspections: the yearly plan, teams, planned and surprise inspections, checklists and findings, minutes and
 * conclusions, recommendations remedied as owed work, self-inspection coverage. (The module's declaration:
 * server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { seedDemoInspections } from './inspections.demo.js';
import { FIGURE_READERS } from './figures.service.js';
import { INSPECTION_READERS, INSPECTION_ROLES } from './inspections.policy.js';
import { inspectionsRoutes } from './inspections.routes.js';
import { INSPECTIONS_MESSAGES } from './messages.js';
import { seedDemoSelfInspections } from './self-inspections.demo.js';
import { SELF_INSPECTIONS_MESSAGES } from './self-inspections.messages.js';
import { selfInspectionsRoutes } from './self-inspections.routes.js';
import { SELF_INSPECTION_ROLES } from './self-inspections.policy.js';
import { escalateOverdueRecommendations } from './overdue-escalation.service.js';
import { recommendationKind } from './recommendation.work-kind.js';
import { seedDemoRecommendations } from './recommendations.demo.js';
import { RECOMMENDATIONS_MESSAGES } from './recommendations.messages.js';
import { recommendationsRoutes } from './recommendations.routes.js';
import { inspectionSettingsRoutes } from './settings.routes.js';

export const inspectionsModule = defineModule({
  name: 'inspections',
  routes: [
    // Plans, teams, inspections, checklists, findings, proposals, rules (./inspections.routes.ts).
    { plugin: inspectionsRoutes, prefix: '/api' },
    // Self-inspections of a unit's own divisions and sub-units, and their coverage (./self-inspections.routes.ts).
    { plugin: selfInspectionsRoutes, prefix: '/api' },
    // Conclusions, minutes and notices, recommendations, figures (./recommendations.routes.ts).
    { plugin: recommendationsRoutes, prefix: '/api' },
    // The settings page's reads: every version of an area's checklist template (./settings.routes.ts).
    { plugin: inspectionSettingsRoutes, prefix: '/api' },
  ],
  sections: [
    { id: 'inspections', roles: INSPECTION_ROLES, order: 96 },
    // Surprise inspections' proposals (the office and the committee) and the year's figures (and inspectors).
    { id: 'inspections.proposals', roles: INSPECTION_READERS, order: 96.2 },
    { id: 'inspections.figures', roles: FIGURE_READERS, order: 96.3 },
    // Checklist templates and rules: everyone in the section reads them (read-only), the office changes them.
    { id: 'inspections.settings', roles: INSPECTION_ROLES, order: 96.4 },
    // A unit's focal point and leader record theirs; the standing agency and the committee read the province's.
    // Right after the inspections section (96) and before the hotline (97), whose pages would otherwise precede it.
    { id: 'inspections.self', roles: SELF_INSPECTION_ROLES, order: 96.5 },
  ],
  messages: {
    ...INSPECTIONS_MESSAGES,
    ...SELF_INSPECTIONS_MESSAGES,
    ...RECOMMENDATIONS_MESSAGES,
  },
  // Recommendations are owed work of the unit responsible (./recommendation.work-kind.ts).
  workKinds: [recommendationKind],
  // Overdue recommendations reach the standing agency and the member who follows the unit, once per due date.
  jobs: [escalateOverdueRecommendations],
  demo: [
    // The 2026 plan, its team and inspections, and a surprise one from the hotline's escalation (after the hotline).
    { order: 70, seed: (ctx, f) => seedDemoInspections(ctx, f.provinceId, f.unitIds) },
    // Self-inspections of 2026 (and a district's of 2025), after the hotline.
    { order: 72, seed: (ctx, f) => seedDemoSelfInspections(ctx, f.provinceId, f.unitIds) },
    // One of the 2026 plan's inspections concluded with three recommendations, after the plan (order 70).
    { order: 75, seed: (ctx, f) => seedDemoRecommendations(ctx, f) },
  ],
});
