/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconChecklist } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const plansFeature = {
  routes: [
    page(
      '/plans',
      lazyRouteComponent(() => import('./PlansListPage'), 'PlansListPage'),
    ),
    page(
      '/plans/$planId',
      lazyRouteComponent(() => import('./PlanDetailPage'), 'PlanDetailPage'),
    ),
    page(
      '/plans/$planId/dashboard',
      lazyRouteComponent(() => import('./dashboard/DashboardPage'), 'DashboardPage'),
    ),
  ] as const,
  nav: [{ id: 'plans', to: '/plans', icon: IconChecklist }] satisfies NavEntry[],
};
