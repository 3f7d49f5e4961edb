/** Pilot direction (chỉ đạo điểm): pilot units, their items and reports. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { pilotItemKind, pilotReportKind } from './pilot-work-kinds.js';
import { seedDemoPilots } from './pilots.demo.js';
import { pilotsRoutes } from './pilots.routes.js';

export const pilotsModule = defineModule({
  name: 'pilots',
  routes: [{ plugin: pilotsRoutes, prefix: '/api' }],
  // The standing agency, the committee, and the pilot units' own people.
  sections: [
    {
      id: 'pilots',
      roles: [
        'admin',
        'standing_officer',
        'committee_leader',
        'committee_member',
        'focal_point',
        'unit_leader',
      ],
      order: 90,
    },
  ],
  workKinds: [pilotItemKind, pilotReportKind],
  // Pilot direction 2023–2024, after the committee and its members.
  demo: [
    {
      order: 30,
      async seed(ctx, f) {
        await seedDemoPilots(ctx, f.provinceId, f.unitIds);
        return true;
      },
    },
  ],
});
