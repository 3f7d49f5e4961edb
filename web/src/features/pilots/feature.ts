/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconFlag } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const pilotsFeature = {
  routes: [
    page(
      '/pilots',
      lazyRouteComponent(() => import('./PilotsPage'), 'PilotsPage'),
    ),
    page(
      '/pilots/units/$pilotUnitId',
      lazyRouteComponent(() => import('./PilotUnitPage'), 'PilotUnitPage'),
    ),
  ] as const,
  nav: [{ id: 'pilots', to: '/pilots', icon: IconFlag }] satisfies NavEntry[],
};
