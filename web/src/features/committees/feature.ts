/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconSitemap } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const committeesFeature = {
  routes: [
    page(
      '/committees',
      lazyRouteComponent(() => import('./CommitteesPage'), 'CommitteesPage'),
    ),
  ] as const,
  nav: [{ id: 'committees', to: '/committees', icon: IconSitemap }] satisfies NavEntry[],
};
