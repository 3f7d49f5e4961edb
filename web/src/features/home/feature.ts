/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconEye, IconHome } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const homeFeature = {
  routes: [
    page(
      '/',
      lazyRouteComponent(() => import('./HomePage'), 'HomePage'),
    ),
    page(
      '/cockpit',
      lazyRouteComponent(() => import('./CockpitPage'), 'CockpitPage'),
    ),
  ] as const,
  nav: [
    { id: 'home', to: '/', icon: IconHome, exact: true },
    { id: 'cockpit', to: '/cockpit', icon: IconEye },
  ] satisfies NavEntry[],
};
