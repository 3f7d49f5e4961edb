/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconBell } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const notificationsFeature = {
  routes: [
    page(
      '/notifications',
      lazyRouteComponent(() => import('./NotificationsPage'), 'NotificationsPage'),
    ),
  ] as const,
  nav: [{ id: 'notifications', to: '/notifications', icon: IconBell }] satisfies NavEntry[],
};
