/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconFileText } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const documentsFeature = {
  routes: [
    page(
      '/documents',
      lazyRouteComponent(() => import('./DocumentsListPage'), 'DocumentsListPage'),
    ),
    page(
      '/documents/new',
      lazyRouteComponent(() => import('./DocumentFormPage'), 'DocumentCreatePage'),
    ),
    page(
      '/documents/$documentId',
      lazyRouteComponent(() => import('./DocumentDetailPage'), 'DocumentDetailPage'),
    ),
    page(
      '/documents/$documentId/edit',
      lazyRouteComponent(() => import('./DocumentFormPage'), 'DocumentEditPage'),
    ),
  ] as const,
  nav: [{ id: 'documents', to: '/documents', icon: IconFileText }] satisfies NavEntry[],
};
