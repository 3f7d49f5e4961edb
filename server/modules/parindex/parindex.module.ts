/**
 * The PAR Index (Chỉ số CCHC, issue 16): versioned criteria frameworks, the year's campaign with its council,
 * each unit's self-assessment with evidence (owed work), the appraisal rounds with the units' explanations,
 * criteria computed from chidao's own records, and the results with grades and ranks. (The module's declaration:
 * server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';
import { lockExpiredAssessments } from './assessment-lock.service.js';
import { computeSweepJob } from './compute-sweep.service.js';
import { assessmentKind } from './assessment.work-kind.js';
import { assessmentsRoutes } from './assessments.routes.js';
import { campaignsRoutes } from './campaigns.routes.js';
import { frameworksRoutes } from './frameworks.routes.js';
import { PARINDEX_MESSAGES } from './messages.js';
import { seedDemoParIndex } from './parindex.demo.js';
import { PAR_ROLES } from './parindex.policy.js';
import { resultsRoutes } from './results.routes.js';

export const parindexModule = defineModule({
  name: 'parindex',
  routes: [
    { plugin: frameworksRoutes, prefix: '/api' },
    { plugin: campaignsRoutes, prefix: '/api' },
    { plugin: assessmentsRoutes, prefix: '/api' },
    { plugin: resultsRoutes, prefix: '/api' },
  ],
  sections: [
    // The year's campaign (the landing page of the section): units' progress, the council, the stages.
    { id: 'parindex', roles: PAR_ROLES, order: 96.8 },
    // The frameworks: everyone in the section reads them; the office edits.
    { id: 'parindex.frameworks', roles: PAR_ROLES, order: 96.85 },
    // Results and rankings of each year.
    { id: 'parindex.results', roles: PAR_ROLES, order: 96.9 },
  ],
  messages: PARINDEX_MESSAGES,
  // A unit's self-assessment and explanation are owed work (./assessment.work-kind.ts).
  workKinds: [assessmentKind],
  // The automatic lock at the self-scoring deadline; then the criteria computed from the records, once a day.
  jobs: [lockExpiredAssessments, computeSweepJob],
  demo: [
    // The 2024 and 2025 campaigns, finished and published (after the plans and the inspections: remediation tasks).
    { order: 80, seed: (ctx, facts) => seedDemoParIndex(ctx, facts) },
  ],
});
