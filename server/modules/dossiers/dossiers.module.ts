/** Administrative-procedure dossiers: figures, import, export, settings. (The module's declaration: server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { dossiersExportRoutes } from './export/dossiers-export.routes.js';
import { DOSSIER_EXPORT_MESSAGES } from './export/messages.js';
import { dossiersImportRoutes } from './import/dossiers-import.routes.js';
import { DOSSIER_IMPORT_MESSAGES } from './import/messages.js';
import { DOSSIER_MESSAGES } from './messages.js';
import { DOSSIER_WRITE_ROLES } from './dossiers.policy.js';
import { dossiersQueryRoutes } from './dossiers-query.routes.js';
import { dossiersRoutes } from './dossiers.routes.js';
import { dossiersSettingsRoutes } from './settings/dossiers-settings.routes.js';
import { DOSSIER_SETTINGS_MESSAGES } from './settings/messages.js';

export const dossiersModule = defineModule({
  name: 'dossiers',
  routes: [
    { plugin: dossiersRoutes, prefix: '/api' },
    { plugin: dossiersImportRoutes, prefix: '/api' },
    { plugin: dossiersQueryRoutes, prefix: '/api' },
    { plugin: dossiersExportRoutes, prefix: '/api' },
    { plugin: dossiersSettingsRoutes, prefix: '/api' },
  ],
  sections: [
    // The province's figures; a unit's own people their subtree.
    {
      id: 'dossiers',
      roles: [
        'admin',
        'standing_officer',
        'committee_leader',
        'committee_member',
        'focal_point',
        'unit_leader',
      ],
      order: 100,
    },
    // The pages of the people who feed the figures: file import and column mappings, API tokens
    // (administrators), the thresholds and QĐ 766 weights.
    { id: 'dossiers.import', roles: DOSSIER_WRITE_ROLES, order: 101 },
    { id: 'dossiers.mappings', roles: DOSSIER_WRITE_ROLES, order: 102 },
    { id: 'dossiers.tokens', roles: ['admin'], order: 103 },
    { id: 'dossiers.settings', roles: DOSSIER_WRITE_ROLES, order: 104 },
  ],
  messages: {
    ...DOSSIER_MESSAGES,
    ...DOSSIER_IMPORT_MESSAGES,
    ...DOSSIER_EXPORT_MESSAGES,
    ...DOSSIER_SETTINGS_MESSAGES,
  },
});
