/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconHistory } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const auditFeature = {
  routes: [
    page(
      '/audit',
      lazyRouteComponent(() => import('./AuditPage'), 'AuditPage'),
    ),
  ] as const,
  nav: [{ id: 'audit', to: '/audit', icon: IconHistory }] satisfies NavEntry[],
};
