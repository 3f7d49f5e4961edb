/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconPresentation } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const meetingsFeature = {
  routes: [
    page(
      '/meetings',
      lazyRouteComponent(() => import('./MeetingsPage'), 'MeetingsPage'),
    ),
    page(
      '/meetings/new/$committeeId',
      lazyRouteComponent(() => import('./MeetingFormPage'), 'MeetingCreatePage'),
    ),
    page(
      '/meetings/$meetingId',
      lazyRouteComponent(() => import('./MeetingDetailPage'), 'MeetingDetailPage'),
    ),
    page(
      '/meetings/$meetingId/edit',
      lazyRouteComponent(() => import('./MeetingFormPage'), 'MeetingEditPage'),
    ),
  ] as const,
  nav: [{ id: 'meetings', to: '/meetings', icon: IconPresentation }] satisfies NavEntry[],
};
