/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconUserCircle } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const authFeature = {
  routes: [
    page(
      '/profile',
      lazyRouteComponent(() => import('./ProfilePage'), 'ProfilePage'),
    ),
  ] as const,
  nav: [{ id: 'profile', to: '/profile', icon: IconUserCircle }] satisfies NavEntry[],
};
