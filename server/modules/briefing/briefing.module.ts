/**
 * The briefing pack of a committee meeting (issue 18, item 2): .docx and PDF with charts, attached to the meeting.
 * (The module's declaration: server/core/module.ts; the design: ./README.md.) No tables of its own: the files are
 * the meeting's, stored and journalled by the meetings module.
 */
import { defineModule } from '../../core/module.js';
import { briefingRoutes } from './briefing.routes.js';

export const briefingModule = defineModule({
  name: 'briefing',
  routes: [{ plugin: briefingRoutes, prefix: '/api' }],
});
