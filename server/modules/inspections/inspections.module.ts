/**
 * PAR inspections: the yearly plan, teams, planned and surprise inspections, checklists and findings, minutes and
 * conclusions, recommendations remedied as owed work, self-inspection coverage. (The module's declaration:
 * server/core/module.ts; the design: ./README.md.)
 */
import { defineModule } from '../../core/module.js';

export const inspectionsModule = defineModule({
  name: 'inspections',
  routes: [],
});
