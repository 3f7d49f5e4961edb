/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconUsers } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const usersFeature = {
  routes: [
    page(
      '/users',
      lazyRouteComponent(() => import('./UsersListPage'), 'UsersListPage'),
    ),
    page(
      '/users/new',
      lazyRouteComponent(() => import('./UserCreatePage'), 'UserCreatePage'),
    ),
    page(
      '/users/$userId',
      lazyRouteComponent(() => import('./UserDetailPage'), 'UserDetailPage'),
    ),
  ] as const,
  nav: [{ id: 'users', to: '/users', icon: IconUsers }] satisfies NavEntry[],
};
