/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconChartBar, IconPhoneCall, IconSettings } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const hotlineFeature = {
  routes: [
    page(
      '/hotline',
      lazyRouteComponent(() => import('./CasesPage'), 'CasesPage'),
    ),
    page(
      '/hotline/new',
      lazyRouteComponent(() => import('./IntakePage'), 'IntakePage'),
    ),
    page(
      '/hotline/stats',
      lazyRouteComponent(() => import('./stats/StatsPage'), 'StatsPage'),
    ),
    page(
      '/hotline/settings',
      lazyRouteComponent(() => import('./settings/SettingsPage'), 'SettingsPage'),
    ),
    page(
      '/hotline/$id',
      lazyRouteComponent(() => import('./CasePage'), 'CasePage'),
    ),
  ] as const,
  nav: [
    { id: 'hotline', to: '/hotline', icon: IconPhoneCall },
    { id: 'hotline.stats', to: '/hotline/stats', icon: IconChartBar, sub: true },
    { id: 'hotline.settings', to: '/hotline/settings', icon: IconSettings, sub: true },
  ] satisfies NavEntry[],
};
