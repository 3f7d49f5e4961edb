/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconAdjustments, IconColumns, IconFileImport, IconFolders, IconKey } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const dossiersFeature = {
  routes: [
    page(
      '/dossiers',
      lazyRouteComponent(() => import('./DashboardPage'), 'DossiersDashboardPage'),
    ),
    page(
      '/dossiers/import',
      lazyRouteComponent(() => import('./ImportPage'), 'ImportPage'),
    ),
    page(
      '/dossiers/mappings',
      lazyRouteComponent(() => import('./MappingsPage'), 'MappingsPage'),
    ),
    page(
      '/dossiers/tokens',
      lazyRouteComponent(() => import('./TokensPage'), 'TokensPage'),
    ),
    page(
      '/dossiers/procedures',
      lazyRouteComponent(() => import('./ProceduresPage'), 'ProceduresPage'),
    ),
    page(
      '/dossiers/settings',
      lazyRouteComponent(() => import('./SettingsPage'), 'SettingsPage'),
    ),
  ] as const,
  nav: [
    { id: 'dossiers', to: '/dossiers', icon: IconFolders },
    { id: 'dossiers.import', to: '/dossiers/import', icon: IconFileImport, sub: true },
    { id: 'dossiers.mappings', to: '/dossiers/mappings', icon: IconColumns, sub: true },
    { id: 'dossiers.tokens', to: '/dossiers/tokens', icon: IconKey, sub: true },
    { id: 'dossiers.settings', to: '/dossiers/settings', icon: IconAdjustments, sub: true },
  ] satisfies NavEntry[],
};
