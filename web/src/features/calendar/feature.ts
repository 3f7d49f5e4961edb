/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconCalendar } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const calendarFeature = {
  routes: [
    page(
      '/calendar',
      lazyRouteComponent(() => import('./CalendarPage'), 'CalendarPage'),
    ),
  ] as const,
  nav: [{ id: 'calendar', to: '/calendar', icon: IconCalendar }] satisfies NavEntry[],
};
