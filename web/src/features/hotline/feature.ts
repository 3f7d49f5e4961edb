/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconPhoneCall } from '@tabler/icons-react';
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
      '/hotline/$id',
      lazyRouteComponent(() => import('./CasePage'), 'CasePage'),
    ),
  ] as const,
  nav: [{ id: 'hotline', to: '/hotline', icon: IconPhoneCall }] satisfies NavEntry[],
};
