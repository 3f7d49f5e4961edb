/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconBuildingCommunity } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const unitsFeature = {
  routes: [
    page(
      '/units',
      lazyRouteComponent(() => import('./UnitsPage'), 'UnitsPage'),
    ),
    page(
      '/units/unresolved',
      lazyRouteComponent(() => import('./UnresolvedPage'), 'UnresolvedPage'),
    ),
    page(
      '/units/stale-links',
      lazyRouteComponent(() => import('./StaleLinksPage'), 'StaleLinksPage'),
    ),
    page(
      '/units/events/new',
      lazyRouteComponent(() => import('./EventCreatePage'), 'EventCreatePage'),
    ),
    page(
      '/units/$unitId',
      lazyRouteComponent(() => import('./UnitDetailPage'), 'UnitDetailPage'),
    ),
  ] as const,
  nav: [{ id: 'units', to: '/units', icon: IconBuildingCommunity }] satisfies NavEntry[],
};
